"""Character classes, kana normalisation, edit distance and romanisation for actor matching."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_KATAKANA_RE = re.compile(r"[\u30a1-\u30fa\u30fc\u30fb\u30fd\u30fe]")
_KATAKANA_CHARS = frozenset(c for c in map(chr, range(0x3000, 0x3100)) if _KATAKANA_RE.match(c))
_KATAKANA_ONLY_RE = re.compile(_KATAKANA_RE.pattern + "+")
KATAKANA_RUN_RE = re.compile(
    r"[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc\u30fb]*[\u30a1-\u30fa\u30fc]|[\u30a1-\u30fa]"
)

# ヴァ -> バ etc. (applied before the single-character table)
_VU = {
    "ヴァ": "バ",
    "ヴィ": "ビ",
    "ヴェ": "ベ",
    "ヴォ": "ボ",
    "ヴュ": "ビュ",
    "ヴ": "ブ",
    "ウィ": "ウイ",
    "ウェ": "ウエ",
    "ウォ": "ウオ",
    "ティ": "チ",
    "ディ": "ジ",
    "ドゥ": "ド",
    "トゥ": "ト",
}
_VU_RE = re.compile("|".join(sorted(_VU, key=len, reverse=True)))
_SMALL = str.maketrans("ァィゥェォャュョッヮヵヶ", "アイウエオヤユヨツワカケ")
_DROP = str.maketrans("", "", "ー・=･ 　-‐")


_QUOTE_PAIRS = {"「": "」", "『": "』"}


_URL_RE = re.compile(r"(?:https?://|www\.)[!-~]+")


def url_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each URL (http://…, https://…, www.…) in the text."""
    return [m.span() for m in _URL_RE.finditer(text)]


def work_title_spans(text: str, kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation right after a kind of work in `kinds`
    (映画「ノルウェイの森」: the film's title)."""
    if not kinds:
        return []
    return [(qs + 1, qe - 1) for qs, qe in quote_spans(text) if text.endswith(kinds, 0, qs)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost 「…」 / 『…』 quotation, in order; an unclosed quote
    runs to the end of its line (news paragraphs are lines). Jumps from bracket to bracket
    (regular expressions), not character by character: it reads every sentence."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    m = _QUOTE_OPENING.search(text)
    while m is not None:
        i = m.start()
        opening = text[i]
        depth, j = 1, i + 1
        stops = _QUOTE_STOPS[opening]
        while depth:
            stop = stops.search(text, j)
            if stop is None:
                j = n
                break
            if stop.group() == "\n":
                j = stop.start()
                break
            j = stop.end()
            depth += 1 if stop.group() == opening else -1
        spans.append((i, j))
        m = _QUOTE_OPENING.search(text, j)
    return spans


_QUOTE_OPENING = re.compile("[" + "".join(_QUOTE_PAIRS) + "]")
# per opening bracket: what changes the depth of its quotation, or ends it (a line's end)
_QUOTE_STOPS = {o: re.compile(f"[{o}{c}\n]") for o, c in _QUOTE_PAIRS.items()}


def is_katakana(ch: str) -> bool:
    """Is the (first) character katakana, ・ or ー? (called once per character: a set lookup)"""
    return bool(ch) and ch[0] in _KATAKANA_CHARS


def is_kanji(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or ch in "々〆ヶ")


def is_ascii_alnum(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def is_all_katakana(s: str) -> bool:
    return bool(s) and _KATAKANA_ONLY_RE.fullmatch(s) is not None


@lru_cache(maxsize=65536)
def kana_key(s: str) -> str:
    """Spelling-insensitive key for katakana names: ヴァ/バ, long vowels, ・, small kana."""
    s = unicodedata.normalize("NFKC", s)
    s = _VU_RE.sub(lambda m: _VU[m.group(0)], s)
    return s.translate(_DROP).translate(_SMALL)


def levenshtein(a: str, b: str, limit: int = 2) -> int:
    """Edit distance, stopping early once it is above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def deletes1(s: str) -> set[str]:
    """The string itself and every string with one character deleted (SymSpell index keys)."""
    return {s} | {s[:i] + s[i + 1 :] for i in range(len(s))}


@lru_cache(maxsize=1)
def _cutlet():
    import cutlet

    katsu = cutlet.Cutlet()
    katsu.use_foreign_spelling = False  # ハサノフ -> Hasanofu, not a guessed English word
    return katsu


def _kata_to_hira(s: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in s)


@lru_cache(maxsize=8192)
def romanise(name_ja: str) -> str:
    """English-ish romanisation of a Japanese name (cutlet, Hepburn); '' when impossible.

    Katakana names are romanised kana by kana (MeCab would split an unknown foreign
    name into words); other names go through cutlet's tokenising romaji()."""
    clean = name_ja.replace("=", "・").strip()
    try:
        if all(is_katakana(c) for c in clean.replace("・", "")):
            parts = [_cutlet().map_kana(_kata_to_hira(p)) for p in clean.split("・") if p]
            out = " ".join(parts)
        else:
            out = _cutlet().romaji(clean.replace("・", " "))
    except Exception:  # pragma: no cover - never fail the pipeline over a romanisation
        out = ""
    out = re.sub(r"\s+", " ", out).strip()
    return " ".join(w[:1].upper() + w[1:] for w in out.split(" "))


def new_actor_id(name_ja: str, kind: str) -> str:
    """Stable readable id for an actor not in the KB: NEW_<KIND>_<ROMAJI>_<hash4>."""
    key = kana_key(name_ja) if is_all_katakana(name_ja) else unicodedata.normalize("NFKC", name_ja)
    shown = _VU_RE.sub(lambda m: _VU[m.group(0)], name_ja).replace("・", "").replace("ー", "")
    roman = re.sub(r"[^A-Z0-9]+", "_", romanise(shown).upper()).strip("_")[:32] or "X"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:4].upper()
    return f"NEW_{kind}_{roman}_{digest}"


# ------------------------------------------------------- Korean and Chinese names
def _data_rows(name: str) -> list[dict]:
    import csv
    from importlib import resources

    text = resources.files("pipeline.data.actors").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _cjk_tables() -> tuple[dict[str, tuple[str, str]], dict[str, str], dict[str, str]]:
    """(Korean family name -> (spelling, katakana), Chinese family name -> pinyin,
    kanji -> Korean reading) from cjk_surnames.tsv and hanja_korean.tsv."""
    korean, chinese = {}, {}
    for row in _data_rows("cjk_surnames.tsv"):
        if row["lang"] == "ko":
            korean[row["kanji"]] = (row["spellings"].split(";")[0], row["kana"])
        else:
            chinese[row["kanji"]] = row["spellings"]
    readings = {row["kanji"]: row["korean"] for row in _data_rows("hanja_korean.tsv")}
    return korean, chinese, readings


_RR_INITIAL = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_RR_MEDIAL = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_RR_FINAL = "- k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()


def hangul_to_roman(hangul: str) -> str:
    """Revised Romanisation of Hangul syllables read one by one, as in names (박 -> bak,
    명 -> myeong); other characters are dropped."""
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            continue
        ini, med, fin = code // 588, (code % 588) // 28, code % 28
        out.append(_RR_INITIAL[ini].strip("-") + _RR_MEDIAL[med] + _RR_FINAL[fin].strip("-"))
    return "".join(out)


def is_korean_family_name(name: str) -> bool:
    """Is this kanji a Korean family name (朴, 金, 南宮)?"""
    return name in _cjk_tables()[0]


def korean_family_name(name: str) -> str:
    """The Korean family name a kanji name starts with (南宮 before 南), else ''."""
    korean = _cjk_tables()[0]
    return next((name[:n] for n in (2, 1) if len(name) > n and name[:n] in korean), "")


def korean_gloss_fits(name: str, gloss: str) -> bool:
    """Does a katakana gloss read the kanji name the Korean way (朴槿恵（パク・クネ）)?"""
    family = korean_family_name(name)
    kana = _cjk_tables()[0].get(family, ("", ""))[1]
    return bool(kana) and gloss.startswith(kana)


def katakana_reads_hanja_name(katakana: str, name: str) -> bool:
    """Does a Korean name in katakana read a kanji name the Korean way, family name as
    glossed (cjk_surnames.tsv) and the given name as its characters read (hanja_korean.tsv)?
    Syllables are compared loosely, as katakana hears them (バク: bak, ba-gu). The given name
    read is the name's last characters: a Korean who took a Japanese family name keeps his
    own in it (秋山成勲 is 秋成勲, チュ・ソンフン)."""
    parts = _korean_katakana_parts(katakana)
    if parts is None or not all(is_kanji(ch) for ch in name):
        return False
    family_kana, given = parts
    korean, _, readings = _cjk_tables()
    family = korean_family_name(name)
    if not family or korean[family][1] != family_kana:
        return False
    heard = _heard("".join(given))
    rest = name[len(family) :]
    for n in {len(rest), len(rest) - 1} - {0, -1}:
        read = [readings.get(ch, "") for ch in rest[len(rest) - n :]]
        if all(read) and _heard("".join(read)) == heard:
            return True
    return False


_HEARD = [("eo", "o"), ("eu", "u"), ("ch", "j"), ("k", "g"), ("p", "b"), ("t", "d"), ("r", "l")]


def _heard(roman: str) -> str:
    """A romanised Korean name as katakana renders it: voicing and eo/o not told apart, and
    a u after a final consonant dropped (bagu and bak are both バク)."""
    for a, b in _HEARD:
        roman = roman.replace(a, b)
    return re.sub(r"(?<=[gbdlm])u(?=[^aeiouwy]|$)", "", roman)


def romanise_korean(name: str) -> str:
    """A kanji name read as Korean: the family name as English-language news spells it, the
    given name in Revised Romanisation joined by a hyphen (李明博 -> Lee Myeong-bak); '' when
    a character has no Korean reading."""
    korean, _, readings = _cjk_tables()
    family = korean_family_name(name)
    given = [readings.get(ch, "") for ch in name[len(family) :]]
    if not family or not given or not all(given):
        return ""
    first = "-".join(given)
    return f"{korean[family][0]} {first[:1].upper()}{first[1:]}"


def romanise_chinese(name: str) -> str:
    """A kanji name read as Mandarin, in pinyin without tones (胡錦濤 -> Hu Jintao; family
    names with a reading of their own from cjk_surnames.tsv: 曽慶紅 -> Zeng Qinghong)."""
    from pypinyin import Style, lazy_pinyin  # only when a Chinese name is met

    chinese = _cjk_tables()[1]
    family = next((name[:n] for n in (2, 1) if len(name) > n and name[:n] in chinese), "")
    sur = chinese[family] if family else "".join(lazy_pinyin(name[:1], style=Style.NORMAL))
    rest = "".join(lazy_pinyin(name[len(family) or 1 :], style=Style.NORMAL))
    if not sur.isascii() or not rest.isascii() or not rest:
        return ""
    return f"{sur.capitalize()} {rest.capitalize()}"


@lru_cache(maxsize=1)
def _korean_katakana() -> tuple[dict[str, str], dict[str, list[str]], int]:
    """(katakana syllable -> roman, katakana family name -> its spellings, conventional
    first and then those of other family names written alike, longest key)."""
    syllables = {row["kana"]: row["roman"] for row in _data_rows("korean_katakana.tsv")}
    families: dict[str, list[str]] = {}
    for row in _data_rows("cjk_surnames.tsv"):
        if row["lang"] == "ko" and row["kana"]:
            spellings = families.setdefault(row["kana"], [])
            spellings += [s for s in row["spellings"].split(";") if s not in spellings]
    return syllables, families, max(map(len, syllables))


@lru_cache(maxsize=1)
def _korean_spellings() -> dict[str, list[str]]:
    """RR syllable -> the other spellings English-language news uses (korean_spellings.tsv)."""
    return {row["roman"]: row["news"].split(";") for row in _data_rows("korean_spellings.tsv")}


def is_korean_family_kana(kana: str) -> bool:
    """Is this katakana a Korean family name as Japanese news writes it (イ, キム, パク)?"""
    return kana in _korean_katakana()[1]


# Korean family names in katakana that also write a Western given name (ジョン: 정 or John):
# read as Korean only before a given name of two syllables, as Korean given names are
_ALSO_WESTERN = frozenset({"ジョン"})
_CODAS = {"ン": "n", "ム": "m", "ル": "l", "ク": "k", "プ": "p", "ッ": "t"}


def _korean_katakana_parts(name: str) -> tuple[str, list[str]] | None:
    """(katakana family name, RR syllables of the given name) of a Korean name written in
    katakana, family name first (キム・テヒ -> (キム, [tae, hui])); None when the first part
    is no Korean family name or a syllable is not in the table. ル after a syllable is its
    final consonant (チャンゴル: chan-gol)."""
    syllables, families, longest = _korean_katakana()
    family, _, given = name.partition("・")
    if family not in families or not given:
        return None
    given = given.replace("・", "")
    out: list[str] = []
    i = 0
    while i < len(given):
        if given[i] == "ル" and out and out[-1][-1:] in "aeiouy":
            out[-1] += "l"
            i += 1
            continue
        for n in range(min(longest, len(given) - i), 0, -1):
            if given[i : i + n] in syllables:
                out.append(syllables[given[i : i + n]])
                i += n
                break
        else:
            if given[i] in _CODAS and out:  # a final consonant: キム, パク
                out[-1] += _CODAS[given[i]]
                i += 1
            else:
                return None
    if family in _ALSO_WESTERN and len(out) != 2:
        return None  # ジョン・スミス is John Smith; ジョン・チャンゴル (two syllables) Jeong Chan-gol
    return family, out


def _korean_name(family: str, given: list[str]) -> str:
    first = "-".join(given)
    return f"{family} {first[:1].upper()}{first[1:]}"


_LIAISON = {"na": "ha", "ni": "hi", "nu": "hu", "ne": "he", "no": "ho", "nyeo": "hyeo", "nyo": "hyo", "nyu": "hyu"}


def _liaison_readings(given: list[str]) -> list[list[str]]:
    """The given name read with a final n carried over an h that Japanese ears do not hear
    (준하 jun-ha is written ジュナ, read ju-na): each ナ-row syllable after a vowel may be
    n + h (Ju-na, also Jun-ha)."""
    out = []
    for k in range(1, len(given)):
        if given[k] in _LIAISON and given[k - 1][-1:] in "aeiouy":
            out.append([*given[: k - 1], given[k - 1] + "n", _LIAISON[given[k]], *given[k + 1 :]])
    return out


def romanise_korean_katakana(name: str) -> str:
    """A Korean name written in katakana, family name first (キム・テヒ, ホン・ソンリョン):
    the family name as English-language news spells it, the given name syllable by syllable
    (korean_katakana.tsv) joined by a hyphen: Kim Tae-hui, Hong Seong-ryong; '' when the
    first part is no Korean family name or a syllable is not in the table."""
    parts = _korean_katakana_parts(name)
    if parts is None:
        return ""
    return _korean_name(_korean_katakana()[1][parts[0]][0], parts[1])


def korean_spellings(families: list[str], given: list[str], limit: int = 24) -> list[str]:
    """Other English spellings of a Korean name read as the RR syllables `given`, family
    name spelt as `families` (conventional first): each syllable as news also spells it
    (korean_spellings.tsv; Park Jeong-u -> Park Jong-woo, Park Jung-u ...), and a final n
    as ng (a katakana ン is either: イ・ラン may be Lee Rang); the usual family spelling with
    every such given name first, the other family spellings with the likeliest four; at
    most `limit`, the RR name itself left out."""
    import itertools

    table = _korean_spellings()
    choices = []
    for syl in given:
        forms = [syl, *table.get(syl, ())]
        if syl.endswith("n") and syl + "g" not in forms:
            forms.append(syl + "g")
        choices.append(forms)
    combos = sorted(itertools.product(*[range(len(c)) for c in choices]), key=lambda ix: (sum(ix), ix))
    given_forms = [[c[i] for c, i in zip(choices, ix, strict=True)] for ix in combos]
    names = [_korean_name(families[0], g) for g in given_forms]
    names += [_korean_name(f, g) for f in families[1:3] for g in given_forms[:4]]
    primary = _korean_name(families[0], given)
    return list(dict.fromkeys(n for n in names if n != primary))[:limit]


def korean_name_spellings(name: str, limit: int = 24) -> list[str]:
    """The other English spellings (`korean_spellings`) of a Korean name in katakana
    (パク・ジョンウ) or kanji (李明博: Lee Myung-bak ...); [] when it does not read as one."""
    if is_all_katakana(name):
        parts = _korean_katakana_parts(name)
        if not parts:
            return []
        families = _korean_katakana()[1][parts[0]]
        alternatives = _liaison_readings(parts[1])
        if not alternatives:
            return korean_spellings(families, parts[1], limit)
        own = korean_spellings(families, parts[1], limit - 8)  # チョン・ジュナ: Jung Ju-na ...
        for given in alternatives:  # ... and Jung Jun-ha
            own += [_korean_name(families[0], given), *korean_spellings(families, given, 7)]
        return list(dict.fromkeys(own))[:limit]
    family = korean_family_name(name)
    readings = _cjk_tables()[2]
    given = [readings.get(ch, "") for ch in name[len(family) :]]
    if not family or not given or not all(given):
        return []
    return korean_spellings(_korean_family_spellings()[family], given, limit)


@lru_cache(maxsize=1)
def _korean_family_spellings() -> dict[str, list[str]]:
    """Korean family name in kanji -> its English spellings, conventional first."""
    return {row["kanji"]: row["spellings"].split(";") for row in _data_rows("cjk_surnames.tsv") if row["lang"] == "ko"}


# long vowels as English-language news writes Japanese names: Kogyo, Shintaro, not Kougyou
_LONG_O = re.compile(r"ou(?![aeiu])|oo(?![aeiu])")


def plain_long_vowels(roman: str) -> str:
    """Japanese romaji without long vowels (Kougyou -> Kogyo, Ebizou -> Ebizo, Chuuou ->
    Chuo; Inoue stays)."""
    return _LONG_O.sub("o", roman).replace("uu", "u").replace("Ou", "O").replace("Oo", "O").replace("Uu", "U")


def romanise_japanese_name(family: str, given: str) -> str:
    """A Japanese person's name as English-language news writes it: given name first, long
    vowels without marks (有田 + 芳生 -> Yoshifu Arita, 石原 + 慎太郎 -> Shintaro Ishihara;
    井上 stays Inoue)."""
    words = romanise(family + given).split()  # read whole: UniDic knows names in context
    if len(words) != 2:
        words = [romanise(family), romanise(given)]
    return f"{plain_long_vowels(words[1])} {plain_long_vowels(words[0])}".strip()


def romanise_place(name_ja: str, lang: str) -> str:
    """A kanji place name of China ('zh', pinyin: 亳州 -> Bozhou) or Korea ('ko', the
    Korean reading: 南原 -> Namwon) as one word; '' when it is not all kanji or a
    character has no reading."""
    if not name_ja or not all(is_kanji(ch) for ch in name_ja):
        return ""
    if lang == "zh":
        from pypinyin import Style, lazy_pinyin

        roman = "".join(lazy_pinyin(name_ja, style=Style.NORMAL))
    elif lang == "ko":
        readings = _cjk_tables()[2]
        roman = "".join(readings.get(ch, "") for ch in name_ja) if all(ch in readings for ch in name_ja) else ""
    else:
        return ""
    return roman.capitalize() if roman.isascii() and roman.isalpha() else ""


def romanise_name(name_ja: str, lang: str = "") -> str:
    """The English form of a name: in the person's own language when it is known to be
    Korean ('ko') or Chinese ('zh'), else cutlet's Japanese reading."""
    if lang == "ko":
        if is_all_katakana(name_ja):
            family = _korean_katakana()[1].get(name_ja)  # パク alone: Park
            return romanise_korean_katakana(name_ja) or (family[0] if family else romanise(name_ja))
        korean = _cjk_tables()[0]
        if name_ja in korean:  # 朴 alone (朴氏): Park
            return korean[name_ja][0]
        return romanise_korean(name_ja) or romanise(name_ja)
    if lang == "zh":
        if len(name_ja) == 1:  # 王 alone (王氏): Wang
            from pypinyin import Style, lazy_pinyin

            chinese = _cjk_tables()[1]
            roman = chinese.get(name_ja) or "".join(lazy_pinyin(name_ja, style=Style.NORMAL))
            return roman.capitalize() if roman.isascii() else romanise(name_ja)
        return romanise_chinese(name_ja) or romanise(name_ja)
    if is_all_katakana(name_ja):
        return romanise(name_ja)
    return plain_long_vowels(romanise(name_ja))  # 海老蔵: Ebizo, 有働: Udo
