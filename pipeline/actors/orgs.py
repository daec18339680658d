"""Organisations the knowledge base does not know, made from their form.

A name ending in an organisation suffix (lexicon.yaml `org_suffixes`: 〜大学, 〜新聞,
〜党, 〜株式会社) gets the suffix's CAMEO sector and an English name in the suffix's
form (早稲田大学 -> Waseda University, 朝日新聞 -> Asahi Shimbun); a state or place
that begins the name gives its country (ソウル新聞 -> KOR). A katakana loanword
that UniDic knows is spelled as its English source (ユニクロ -> Uniqlo, ツイッター
-> Twitter), other names are romanised (Hepburn, cutlet).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.actors.textutil import (
    is_all_katakana,
    is_kanji,
    plain_long_vowels,
    romanise,
    romanise_place,
)
from pipeline.model import Actor

# 新聞 is romanised Shinbun by kana; the papers write Shimbun (m before b, p, m)
_HEPBURN_M = re.compile(r"n(?=[bpm])")


def org_suffix(surface: str, suffixes: dict) -> str:
    """The longest organisation suffix `surface` ends with ('' when none, or all of it)."""
    best = ""
    for suf in suffixes:
        if len(suf) > len(best) and surface.endswith(suf) and len(surface) > len(suf):
            best = suf
    return best


def org_english_name(surface: str, suffixes: dict, kb=None, lang: str = "") -> str:
    """English name of an organisation from its form (see the module docstring); a
    head that is a state or place the KB knows keeps its English name (Seoul Shimbun).
    `lang` ('ko', 'zh'): the language of the organisation's country, in which words the
    tables do not translate are read (慶北道議会 -> Gyeongbuk Provincial Council)."""
    suf = org_suffix(surface, suffixes)
    head = surface[: len(surface) - len(suf)] if suf else surface
    place = _place(head, kb) if kb is not None and suf else None
    words = org_words(kb, lang)
    form = (suffixes.get(suf) or {}).get("en", "{}") if suf else "{}"
    sector = (suffixes.get(suf) or {}).get("sector", "") if suf else ""
    if not lang and sector in ("BUS", "MED"):
        words = {}  # a Japanese company or outlet romanises its own name: 中央公論新社, not Central
        if form == "{}":
            return re.sub(r" Sha$", "sha", plain_long_vowels(romanise(surface)))  # 講談社: Kodansha
    if head in words:  # 独島警備隊: Dokdo, as the organisation's own English name says
        name = words[head]
    elif place is not None and not (lang and all(is_kanji(ch) for ch in head)):
        name = place.name_en
    else:
        name = _english_words(head, words, kb, lang)
    own = org_words(kb, lang, only=True).get(suf, "") if suf and lang else ""
    if own:  # 〜日報 of a Korean paper: Ilbo, as the papers write it
        form = "{} " + own
    if suf and form == "{}":
        return name
    if suf in ("新聞", "新聞社"):
        name = _HEPBURN_M.sub("m", name)
    return form.format(name).strip() if name else ""


def org_words(kb, lang: str = "", only: bool = False) -> dict:
    """Words of organisation names -> English (org_words.tsv): the rows for any language,
    those for `lang` winning; with `only`, the rows for `lang` alone."""
    table = (kb.lexicon.get("org_words") or {}) if kb is not None else {}
    if only:
        return table.get(lang, {})
    return {**table.get("", {}), **table.get(lang, {})} if lang else table.get("", {})


_SCRIPT_RUNS = re.compile(r"[\u30a1-\u30fa\u30fc・]+|[^\u30a1-\u30fa\u30fc・]+")
def _english_words(head: str, known: dict | None = None, kb=None, lang: str = "") -> str:
    """Each katakana loanword UniDic knows keeps its English spelling (インクリメントP
    -> Increment P, セレッソ大阪 -> Cerezo Osaka); a word of names the table translates
    (`org_words`: 大韓 Korea, 国際 International) its English, a state or place its name;
    anything else is romanised in `lang` (Korean, pinyin), else the Japanese way."""
    words = []
    for run in _SCRIPT_RUNS.findall(head):
        bare = run.strip("・")
        if not bare:
            continue
        if is_all_katakana(bare):  # マンチェスター・ユナイテッド: Manchester United, part by part
            words += [
                (_place_english(part, kb, lang) if kb is not None and len(part) > 2 else "")
                or _loanword(part) or romanise(part)
                for part in bare.split("・") if part
            ]
        elif bare.isascii():
            words.append(bare)
        else:
            words += _translated(bare, known or {}, kb, lang)
    return " ".join(w for w in words if w)


def _translated(run: str, known: dict, kb=None, lang: str = "") -> list[str]:
    """A run of kanji (and kana) as English words: the longest word the table knows, or
    state or place the KB knows, at each point; the characters between read together."""
    out: list[str] = []
    rest, i = "", 0
    longest = max(max(map(len, known), default=0), 8 if kb is not None else 0)
    while i < len(run):
        word, english = "", ""
        for n in range(min(longest, len(run) - i), 0, -1):
            piece = run[i : i + n]
            if piece in known:
                word, english = piece, known[piece]
                break
            if n >= 2 and kb is not None:
                english = _place_english(piece, kb, lang)
                if english and n >= 3 and any(run.startswith(w, i + n - 1) for w in known if len(w) >= 2):
                    continue  # 慶北|道議会: the place without its kind, which begins a word of the name
                if english:
                    word = piece
                    break
        if word:
            if rest:
                out.append(_read(rest, lang))
                rest = ""
            out.append(english)
            i += len(word)
        else:
            rest += run[i]
            i += 1
    if rest:
        out.append(_read(rest, lang))
    return out


# the language a place or organisation of these countries is read in
PLACE_LANGUAGE = {"CHN": "zh", "TWN": "zh", "HKG": "zh", "MAC": "zh", "KOR": "ko", "PRK": "ko"}


def _read(chars: str, lang: str) -> str:
    """Characters no table translates: read in the organisation's language (如意 -> Ruyi)."""
    if lang:
        roman = romanise_place(chars, lang)
        if roman:
            return roman
    return plain_long_vowels(romanise(chars))


def _place_english(form: str, kb, lang: str) -> str:
    """English of a state or place named `form` inside an organisation's name: a place of
    China or the Koreas in its own language (慶北 -> Gyeongbuk, 山東 -> Shandong), else its
    English name; '' when the KB knows no such state or place."""
    actor = _place(form, kb)
    if actor is None:
        found = kb.place_named(form, found_by="unidic")  # 慶北; not 民主, a town UniDic reads as a word
        actor = kb.get(found) if found else None
    if actor is None:
        return ""
    own = PLACE_LANGUAGE.get(actor.country, "") if actor.type == "PLACE" else ""
    return (romanise_place(form, own) if own else "") or actor.name_en


def _place(head: str, kb):
    """The state or place the KB knows by exactly this name, else None."""
    for entry in kb.surfaces.get(head, ()):
        if entry.kind == "actor":
            actor = kb.get(entry.key)
            if actor.type in ("STATE", "PLACE"):
                return actor
    return None


@lru_cache(maxsize=4096)
def _loanword(katakana: str) -> str:
    """The English source of a katakana word UniDic knows as ONE word (ツイッター ->
    Twitter), else ''. Several words (プレ|シアン) are a name UniDic does not know."""
    words = _foreign_cutlet().tagger(katakana)
    if len(words) != 1 or words[0].is_unk:
        return ""
    lemma = words[0].feature.lemma or ""
    if "-" not in lemma:
        return ""
    source = lemma.split("-", 1)[1]
    if not re.fullmatch(r"[A-Za-z][A-Za-z .&'-]*", source):
        return ""
    return source[:1].upper() + source[1:]


@lru_cache(maxsize=1)
def _foreign_cutlet():
    import cutlet

    return cutlet.Cutlet()  # use_foreign_spelling on: its tagger reads UniDic lemmas


def org_country(surface: str, kb) -> str:
    """The country of a state or place that begins the name (ソウル新聞, 韓国日報, 慶北道議会),
    else ''."""
    for end in range(len(surface) - 1, 1, -1):
        for entry in kb.surfaces.get(surface[:end], ()):
            if entry.kind != "actor":
                continue
            actor = kb.get(entry.key)
            if actor.type in ("STATE", "PLACE") and actor.country:
                return actor.country
        place = kb.place_named(surface[:end], found_by="unidic") if all(is_kanji(ch) for ch in surface[:end]) else ""
        if place and kb.get(place).country:
            return kb.get(place).country
    return ""


def _state_ending(text: str, kb) -> str:
    """The state whose name `text` ends with (サッカー韓国 -> KOR), else ''."""
    for n in range(min(8, len(text)), 1, -1):
        actor = _place(text[-n:], kb)
        if actor is not None and actor.type == "STATE":
            return actor.actor_id
    return ""


def org_actor(actor_id: str, surface: str, kb, country: str = "") -> Actor:
    """A new organisation with the sector, country and English name its form gives;
    `country`: the state the text puts it in (韓国の…), when its name names none."""
    suffixes = kb.lexicon.get("org_suffixes") or {}
    suf = org_suffix(surface, suffixes)
    sector = (suffixes.get(suf) or {}).get("sector", "") if suf else ""
    own = org_country(surface, kb)
    heads = kb.lexicon.get("org_head_sectors") or {}
    head = next((h for h in heads if surface.endswith(h) and len(surface) > len(h)), "")
    if head and not sector:  # 日本代表: a national team, athletes; 慶北道議会: a legislature
        sector = heads[head]
        own = own or _state_ending(surface[: -len(head)], kb)  # サッカー|韓国|代表: Korea's
    return Actor(
        actor_id,
        "ORG",
        org_english_name(surface, suffixes, kb, PLACE_LANGUAGE.get(own or country, "")) or romanise(surface),
        surface,
        own or country,
        sector,
        False,
        [surface],
    )
