"""Find actor mentions in Japanese text and link them to the knowledge base.

One pass of a cached trie-regex over the text finds every KB alias and lexicon
word (sector nouns, titles, anaphors); matches are kept only at token
boundaries (kanji/latin) or as whole katakana runs (katakana), so tokenisation
traps (マクロ+ン, トランプ as a common noun) do not matter. Then, in order:

1. single-kanji country abbreviations in political compounds (日米, 対米, 米政権)
2. names the KB does not know: katakana runs and UniDic proper nouns
   (spelling variants / fuzzy links, or new actors when a title, 氏 or an
   organisation suffix marks them as names)
3. sector nouns combine with the state / person before them (ベラルーシ当局,
   ルカシェンコ政権, トランプ米政権); titles attach to people or, after a bare
   state (米大統領), resolve to the office holder at the publication date
4. discourse anaphora (同氏, 同国, 両国 ...) and the country under discussion
   (当局, 政治犯, 野党 alone)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy

from pipeline.actors.kb import FUZZY_MIN_LEN, PLACE_SUFFIXES, KnowledgeBase, mention_label
from pipeline.actors.orgs import org_actor
from pipeline.actors.textutil import (
    KATAKANA_RUN_RE,
    deletes1,
    is_all_katakana,
    is_ascii_alnum,
    is_kanji,
    is_katakana,
    is_korean_family_kana,
    is_korean_family_name,
    kana_key,
    korean_family_name,
    korean_gloss_fits,
    korean_name_spellings,
    levenshtein,
    new_actor_id,
    quote_spans,
    romanise_japanese_name,
    romanise_korean_katakana,
    romanise_name,
    romanise_place,
    url_spans,
)
from pipeline.model import Actor, Mention
from pipeline.tokenizer import doc_text, tag_alone, unidic_entries

CONF_KB = 1.0
CONF_VARIANT = 0.95
CONF_ABBR = 0.9
CONF_FUZZY = 0.75
CONF_ANAPHORA = 0.8
CONF_DISCOURSE = 0.7
CONF_NEW = 0.6

_PARTICLE_AFTER = set("にとがはのへもをで、。」』・)") | {"\n", " "}
_BEFORE_STANDALONE = set("、。「『(・ \n") | {""}
_DIGITS = set("0123456789０１２３４５６７８９一二三四五六七八九十百千〇何数毎")
# for 中 and 日 (also common words / counters) only these followers make them political
_STRONG_FOLLOWERS = {
    "政府",
    "政権",
    "首脳",
    "外相",
    "外務省",
    "大使",
    "大使館",
    "首相",
    "当局",
    "国家主席",
    "軍",
}
_LIST_SEPARATORS = set("、・と")
# after a site's name: a blog it hosts ((livedoor Blog), アメーバブログ)
_BLOG_AFTER = re.compile(r"\s?(?:[Bb]log|BLOG|ブログ)")
# the readers' comments under an article (記事のコメント欄): its outlet's, else the story's
_COMMENT_SECTIONS = ("コメント欄", "書き込み欄")
# a prefecture's police after its name (大阪府|警, 神奈川県|警, 北海道|警)
_PREFECTURAL_POLICE = ("県警", "府警", "道警")


@dataclass
class Cand:
    start: int
    end: int
    kind: str  # actor | sector | fixed | title | anaphor
    key: str  # actor id or lexicon word
    method: str = "kb"
    conf: float = CONF_KB
    title: str = ""  # title / honorific seen after a person (大統領, 氏)
    bare: bool = False  # sector noun resolved by the country under discussion
    abbr: bool = False  # single-kanji abbreviation
    standalone: bool = False  # headline-style abbreviation, needs document support
    canon: str = ""  # for a variant of a new name in the same article: the first spelling
    agent: bool = False  # a generic agent composed with its qualifier (韓国の警察)
    qualifier: Cand | None = None  # the state mention joined into a composed agent (韓国|人)
    kind_of: tuple[str, int] | None = None  # a quoted new name's (sector, start) of the kind before it
    gloss_en: str = ""  # a new name's own Latin spelling written beside it: its English name


class _DocView:
    """Token boundaries and UniDic tags by character offset (vectorised; no Token objects)."""

    def __init__(self, doc):
        from spacy.attrs import IDX, LENGTH, TAG

        self.doc = doc
        self.text = doc_text(doc)
        self.entries = unidic_entries(doc)
        arr = doc.to_array([IDX, LENGTH, TAG])
        self.tok_start = arr[:, 0].tolist()
        self.tok_end = (arr[:, 0] + arr[:, 1]).tolist()
        self.starts = set(self.tok_start)
        self.ends = set(self.tok_end)
        # each distinct tag id is looked up once (strings[0] is "")
        ids, self._tag_of = numpy.unique(arr[:, 2], return_inverse=True)
        self._tag_names = [doc.vocab.strings[h] for h in ids.tolist()]
        self.tags = [self._tag_names[k] for k in self._tag_of.tolist()]

    def ch(self, i: int) -> str:
        return self.text[i] if 0 <= i < len(self.text) else ""

    def tok_index(self, pos: int) -> int:
        i = bisect.bisect_right(self.tok_start, pos) - 1
        return i if i >= 0 and pos < self.tok_end[i] else -1

    def tokens_in(self, s: int, e: int) -> range:
        a, b = self.tok_index(s), self.tok_index(max(s, e - 1))
        return range(a, b + 1) if a >= 0 and b >= 0 else range(0)

    def unknown(self, i: int) -> bool:
        """token._.is_unknown, read from the tokenizer's entries without making the Token."""
        return bool(self.entries[i].is_unknown) if self.entries else False

    def tok_span(self, i: int) -> tuple[int, int]:
        return self.tok_start[i], self.tok_end[i]

    def tagged(self, what: str) -> list[int]:
        """Indices of the tokens whose tag contains `what`, in order (found by tag, not token by token)."""
        wanted = [k for k, name in enumerate(self._tag_names) if what in name]
        return numpy.flatnonzero(numpy.isin(self._tag_of, wanted)).tolist()


# ------------------------------------------------------------------ helpers
def _boundary_ok(v: _DocView, s: int, e: int, surface: str) -> bool:
    if is_ascii_alnum(surface[0]) or is_ascii_alnum(surface[-1]):
        return not is_ascii_alnum(v.ch(s - 1)) and not is_ascii_alnum(v.ch(e))
    if is_all_katakana(surface):
        before, after = v.ch(s - 1), v.ch(e)
        return not (is_katakana(before) and before != "・") and not (
            is_katakana(after) and after != "・"
        )
    return s in v.starts and e in v.ends


def _korean_given_name(v: _DocView, s: int) -> bool:
    """Does a katakana word at s follow a Korean family name and ・ (イ・|ジョンソン, キム・|ヨナ)?"""
    if v.ch(s - 1) != "・":
        return False
    i = s - 1
    while i > 0 and is_katakana(v.ch(i - 1)) and v.ch(i - 1) != "・":
        i -= 1
    return is_korean_family_kana(v.text[i : s - 1])


def _scan_kb(kb: KnowledgeBase, v: _DocView) -> list[Cand]:
    text, surfaces, out = v.text, kb.surfaces, []
    pat = kb.matcher
    pos = 0
    while True:
        m = pat.search(text, pos)
        if m is None:
            break
        s, e = m.span()
        if e == s:
            pos = s + 1
            continue
        for end in range(e, s, -1):
            sub = text[s:end]
            entries = surfaces.get(sub)
            if entries and _boundary_ok(v, s, end, sub):
                if entries[0].kind == "actor" and _korean_given_name(v, s) and kb.get(entries[0].key).type == "PERSON":
                    pos = end  # イ・ジョンソン: the given name of a Korean, not Johnson
                    break
                for ent in entries[:1] if entries[0].kind == "actor" else entries:
                    out.append(Cand(s, end, ent.kind, ent.key))
                # keep lexicon readings of an actor surface too (e.g. none today)
                pos = end
                break
        else:
            pos = s + 1
    return _scan_kanji_names(kb, v, out)


def _scan_kanji_names(kb: KnowledgeBase, v: _DocView, found: list[Cand]) -> list[Cand]:
    """`found` plus the KB's generated kanji names (野田佳彦, 李明博) starting at a token start
    and ending at a token end; such a name beats a shorter match at its start (中曽根弘文
    over 中曽根) and yields to any other overlapping one."""
    lengths, names, text = kb.kanji_name_lengths, kb.kanji_names, v.text
    by_start = {c.start: c for c in found}
    spans = sorted((c.start, c.end) for c in found)
    hits: list[Cand] = []
    shorter: set[int] = set()
    for s in v.tok_start:
        lens = lengths.get(text[s : s + 1])
        if not lens:
            continue
        for n in lens:
            ids = names.get(text[s : s + n])
            if not ids or s + n not in v.ends:
                continue
            same = by_start.get(s)
            if same is not None and same.end < s + n and not _covered(spans, same.end, s + n):
                shorter.add(s)
            elif _covered(spans, s, s + n):
                continue
            hits.append(Cand(s, s + n, "actor", ids[0]))
            break
    return [c for c in found if c.start not in shorter] + hits


# what a person's name is followed by when it names a government (トランプ政権, プーチン体制)
_PERSONS_ORGANS = ("政権", "体制", "内閣", "政府", "陣営", "大統領", "首相")


def _common_word(kb: KnowledgeBase, v: _DocView, c: Cand) -> bool:
    """Is the katakana word at c, taken for a person's bare surname (コール, エロー, マース),
    a common word here: part of a longer word (エロ|い), or read by UniDic as a common
    noun in the sentence or on its own (コール, マス), with no title after it (コール首相,
    マース外相 are names)?"""
    surface = v.text[c.start : c.end]
    if "・" in surface or not is_all_katakana(surface):
        return False
    if c.start not in v.starts or c.end not in v.ends:
        return True
    e = c.end + (v.ch(c.end) in (kb.abbreviations.get("chars") or {}))  # トランプ米|政権
    if title_after(kb, v.text, e)[0] or v.text.startswith(_PERSONS_ORGANS, e):
        return False
    toks = v.tokens_in(c.start, c.end)
    if len(toks) != 1 or v.unknown(toks[0]):
        return False  # ルカシェンコ: a name UniDic does not know is no common word
    return "普通名詞" in v.tags[toks[0]] or "普通名詞" in tag_alone(surface)


def _without_common_words(kb: KnowledgeBase, v: _DocView, cands: list[Cand]) -> list[Cand]:
    """The candidates but a person's bare katakana surname used as a common word
    (「やめろ」コール is a call, not Helmut Kohl; マス報道 is the mass media), unless the
    article names that person otherwise too (トランプ大統領 … トランプは)."""
    common = [
        c for c in cands
        if c.kind == "actor" and c.key and c.method in ("kb", "fuzzy")
        and kb.get(c.key).type == "PERSON" and _common_word(kb, v, c)
    ]
    if not common:
        return cands
    gone = {id(c) for c in common}
    named = {c.key for c in cands if c.kind == "actor" and id(c) not in gone}
    return [c for c in cands if id(c) not in gone or c.key in named]


def _pick_actor(kb: KnowledgeBase, surface: str, published: str, found: str) -> str:
    """Several actors share a surface (ブッシュ): prefer an office holder at the date, else the first.

    `found` is the actor the matcher found; it stands when the surface is only
    known in a normalised form (case, width, kana variants)."""
    ids = [e.key for e in kb.surfaces.get(surface, []) if e.kind == "actor"] or kb.kanji_names.get(surface, [])
    if not ids:
        return found
    if len(ids) > 1 and published:
        active = [i for i in ids if kb.role_at(i, published)]
        if active:
            return active[0]
    return ids[0]


def title_after(kb: KnowledgeBase, text: str, e: int) -> tuple[str, str, bool]:
    """The title right after position e, the KB role it names and whether it is a former
    holder's (元首相, 前大統領, 元外相 -> former head_of_government ...): (title, role, former)."""
    titles = kb.lexicon.get("titles", {})
    former = text[e : e + 1] in ("元", "前") and bool(_next_title(kb, text, e + 1))
    title = _next_title(kb, text, e + 1) if former else _next_title(kb, text, e)
    spec = titles.get(title) or {}
    return title, spec.get("role", ""), former or bool(spec.get("former"))


def _resolve_surnames(kb: KnowledgeBase, v: _DocView, cands: list[Cand], published: str) -> list[Cand]:
    """A KB surname right before a title (野田首相, 李大統領, 鳩山元首相, 玄葉外相) is the
    person of that name who was named in full earlier in the article, else the one whose
    office the title names at the publication date (野田首相 in 2011 -> Yoshihiko Noda;
    鳩山元首相 -> the latest former prime minister called 鳩山); otherwise it is left to
    the unknown-name rules. Surnames are looked up only there, not scanned for."""
    text, found = v.text, []
    spans = sorted((c.start, c.end) for c in cands if c.kind != "title")
    for t in cands:
        if t.kind != "title":
            continue
        end = t.start - 1 if v.ch(t.start - 1) in ("元", "前") else t.start
        sub = next(
            (text[end - n : end] for n in (4, 3, 2, 1) if end - n >= 0 and text[end - n : end] in kb.surnames),
            "",
        )
        if not sub or end - len(sub) not in v.starts or _covered(spans, end - len(sub), end):
            continue
        ids = kb.surnames[sub]
        earlier = [x.key for x in [*cands, *found] if x.kind == "actor" and x.end <= end and x.key in ids]
        _, role, former = title_after(kb, text, end)
        pid = earlier[-1] if earlier else kb.title_holder(ids, role, published, former)
        if pid:
            found.append(Cand(end - len(sub), end, "actor", pid, method="kb", conf=CONF_VARIANT))
    return sorted([*cands, *found], key=lambda c: (c.start, -c.end))


def _covered(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    i = bisect.bisect_right(spans, (s, 10**9)) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans) and spans[j][0] < e and s < spans[j][1]:
            return True
    return False


# ------------------------------------------------------------ abbreviations
def _scan_abbreviations(kb: KnowledgeBase, v: _DocView, taken: list[tuple[int, int]]) -> list[Cand]:
    ab = kb.abbreviations
    chars = ab["chars"]
    prefixes = set(ab.get("prefixes", []))
    not_compounds = set(ab.get("not_compounds", []))
    ambiguous = set(ab.get("ambiguous_pairs", []))
    followers = sorted(ab.get("followers", []), key=len, reverse=True)
    text = v.text
    out: list[Cand] = []
    run_re = _run_of("".join(chars))
    taken_ends = {b for _, b in taken}
    for m in run_re.finditer(text):
        s, e = m.span()
        # drop characters already inside a KB mention (e.g. 中 of 中国, 日 of 日本)
        while s < e and _covered(taken, s, s + 1):
            s += 1
        while e > s and _covered(taken, e - 1, e):
            e -= 1
        if s >= e or _covered(taken, s, e):
            continue
        run = text[s:e]
        if len(run) > 4:
            continue
        after = v.ch(e)
        one_word = v.ch(s - 1) in prefixes and (s - 1) in v.starts and e in v.ends  # 反日|デモ, 対米|メディア
        if (is_katakana(v.ch(s - 1)) and v.ch(s - 1) != "・" and s not in taken_ends) or (
            is_katakana(after) and after != "・" and not _next_suffix(followers, text, e) and not one_word
        ):
            continue  # ロ of ロケット, ウ of ウロコ: inside a katakana word (not 米|メディア)
        ti = v.tok_index(s)
        if v.ch(s - 1) in _DIGITS or (ti >= 0 and "助数詞" in v.tags[ti]):
            s += 1  # 3日米大統領: 日 is the day counter, 米 may still be the US
            if s >= e:
                continue
            run = text[s:e]
        prev = v.ch(s - 1)
        follower = _next_suffix(followers, text, e)
        fol_ok = bool(follower) and (e + len(follower)) in v.ends
        prefixed = (
            prev in prefixes
            and (s - 1) in v.starts
            and (prev + run) not in not_compounds
            and (e in v.ends or fol_ok)
        )
        after_person = False  # トランプ米政権: the abbreviation right after a name
        ok = False
        standalone = False
        if prefixed:
            ok = True
        elif s in v.starts or s in taken_ends:
            after_person = s in taken_ends
            if not (s in v.starts or after_person):
                continue
            if len(run) >= 2:
                if run[0] == run[1] and len(run) == 2:
                    ok = False
                elif run in ambiguous:
                    ok = fol_ok
                else:
                    ok = e in v.ends or fol_ok
            else:
                if (
                    fol_ok
                    and (run not in "中日" or follower in _STRONG_FOLLOWERS)
                    and run not in "朝土伯墨"
                ):
                    ok = True
                elif (
                    chars[run].get("standalone")
                    and prev in _BEFORE_STANDALONE
                    and v.ch(e) in _PARTICLE_AFTER
                    and e in v.ends
                ):
                    ok, standalone = True, True
        if not ok:
            continue
        if fol_ok:  # 米軍 is one token: the scan could not see 軍 as a word of its own
            for ent in kb.surfaces.get(follower, []):
                if ent.kind != "actor":
                    out.append(Cand(e, e + len(follower), ent.kind, ent.key))
        if prefixed and len(run) > 1 and run[-1] == "中" and prev in ab.get("stay_prefixes", ()):
            run = run[:-1]  # 在米中, 滞日中: 中 is "while", not China
        for i, c in enumerate(run):
            # 対|米, 在|日: the mention is the state's letter, the prefix says what about it
            out.append(
                Cand(
                    s + i,
                    s + i + 1,
                    "actor",
                    chars[c]["actor"],
                    conf=CONF_ABBR,
                    abbr=True,
                    standalone=standalone,
                )
            )
    return out


# ------------------------------------------------------------ unknown names
def _next_title(kb: KnowledgeBase, text: str, e: int) -> str:
    titles = kb.lexicon.get("titles", {})
    for L in (5, 4, 3, 2, 1):
        w = text[e : e + L]
        if w in titles:
            return w
    return ""


@lru_cache(maxsize=16)
def _run_of(chars: str) -> re.Pattern:
    """A pattern for runs of these characters."""
    return re.compile("[" + re.escape(chars) + "]+")


def _next_suffix(words: list[str], text: str, e: int) -> str:
    """The first of `words` that text has at e, else ""."""
    m = _first_of(tuple(words)).match(text, e)
    return m.group() if m else ""


@lru_cache(maxsize=64)
def _first_of(words: tuple[str, ...]) -> re.Pattern:
    """An alternation of `words` in their order: a match is the first word that fits."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _scan_unknown(kb: KnowledgeBase, v: _DocView, cands: list[Cand], published: str) -> list[Cand]:
    text = v.text
    taken = sorted((c.start, c.end) for c in cands if c.kind != "title")
    org_suffixes = sorted(kb.lexicon.get("org_suffixes", []), key=len, reverse=True)
    event_suffixes = sorted(kb.lexicon.get("event_suffixes", []), key=len, reverse=True)
    out: list[Cand] = []
    local: dict[str, str] = {}  # kana key -> actor id of names seen in this article
    korea_named = any(c.kind == "actor" and kb.country_of(c.key) in CJK_STATES["ko"] for c in cands)
    for c in cands:
        if (
            c.kind == "actor"
            and kb.get(c.key).type == "PERSON"
            and is_all_katakana(text[c.start : c.end])
        ):
            local.setdefault(kana_key(text[c.start : c.end]), c.key)

    def name_like(s: int, e: int) -> bool:
        toks = v.tokens_in(s, e)
        if len(toks) > 1:
            return True
        return any("固有名詞" in v.tags[i] or v.unknown(i) for i in toks)

    def tagged(s: int, e: int, what: str) -> bool:
        return any(what in v.tags[i] for i in v.tokens_in(s, e))

    def link_or_new(s: int, e: int, surface: str) -> Cand | None:
        key = kana_key(surface)
        korean = "・" in surface and is_korean_family_kana(surface.split("・")[0])
        if key in kb.norm_index and not (korean and kb.get(kb.norm_index[key][0]).type != "PERSON"):
            ids = kb.norm_index[key]  # but イ・ラン is a Korean, not Iran
            return Cand(s, e, "actor", ids[0], method="kb", conf=CONF_VARIANT)
        title = _next_title(kb, text, e)
        suffix = _next_suffix(org_suffixes, text, e)
        if len(key) >= FUZZY_MIN_LEN and (name_like(s, e) or title) and not tagged(s, e, "地名"):
            best = None
            family = surface.split("・")[0] if "・" in surface else ""
            family = kana_key(family) if is_korean_family_kana(family) else ""
            for d in deletes1(key):
                for cand_key in kb.fuzzy_index.get(d, ()):
                    if not cand_key.startswith(family):
                        continue  # イ・ジョンソン is no spelling of Johnson: a Korean name stays one
                    dist = levenshtein(key, cand_key, 1)
                    if dist <= 1 and (best is None or (dist, cand_key) < best):
                        best = (dist, cand_key)
            if best is not None:
                pid = next(i for i in kb.norm_index[best[1]] if kb.get(i).type == "PERSON")
                return Cand(s, e, "actor", pid, method="fuzzy", conf=CONF_FUZZY)
        if len(key) >= 4 and (name_like(s, e) or title) and not tagged(s, e, "地名"):
            # another name of this article (KB or new), one edit away (two for long names)
            for lk, aid in local.items():
                if len(lk) >= 4 and levenshtein(key, lk, 2) <= (1 if len(key) < 7 else 2):
                    if aid.startswith("?"):  # a new name seen earlier in this article
                        return Cand(
                            s,
                            e,
                            "actor",
                            "",
                            method="fuzzy",
                            conf=CONF_FUZZY,
                            title="PER",
                            canon=aid[1:],
                        )
                    return Cand(s, e, "actor", aid, method="fuzzy", conf=CONF_FUZZY)
        if suffix and name_like(s, e):
            return Cand(s, e + len(suffix), "actor", "", method="new", conf=CONF_NEW, title="ORG")
        if title and title not in ("相",) and (name_like(s, e) or title in ("氏", "さん")):
            return Cand(s, e, "actor", "", method="new", conf=CONF_NEW, title="PER")
        if korean and korea_named and romanise_korean_katakana(surface).count("-") == 1:
            # キム・ソンハ in a story that names Korea: a Korean name, two given syllables as most are
            return Cand(s, e, "actor", "", method="new", conf=CONF_NEW, title="PER")
        if (
            tagged(s, e, "地名")
            and len(v.tokens_in(s, e)) == 1
            and s in v.starts
            and e in v.ends  # not ヶ of 関ヶ原, ツ of 四ツ橋: a letter of a kanji place name
            and not _next_suffix(event_suffixes, text, e)
        ):
            place = kb.place_named(surface, found_by="unidic")
            if place:  # read as a place here: the gazetteer's city
                return Cand(s, e, "actor", place, method="kb", conf=CONF_VARIANT)
            return Cand(s, e, "actor", "", method="new", conf=CONF_NEW, title="PLC")
        return None

    for m in KATAKANA_RUN_RE.finditer(text):
        s, e = m.span()
        # split at ・ and walk the segments that no mention covers
        segs = []
        pos = s
        for part in text[s:e].split("・"):
            segs.append((pos, pos + len(part)))
            pos += len(part) + 1
        free = [(a, b) for a, b in segs if b > a and not _covered(taken, a, b)]
        if not free:
            continue
        if len(free) < len(segs):
            # ジョン・ケリー: given names before a known surname join the person
            # mention, unless the KB knows that person's full name and this is
            # another one (アンドリュー・ジョンソン is not Boris Johnson): then
            # the whole name is a new person.
            first_taken = next((a for a, b in segs if _covered(taken, a, b)), None)
            if (
                first_taken is not None
                and first_taken in {c.start for c in cands}
                and all(b < first_taken for a, b in free)
            ):
                other_person = False
                for c in cands:
                    if c.start == first_taken and c.kind == "actor" and kb.get(c.key).type == "PERSON":
                        if any("・" in alias for alias in kb.get(c.key).aliases):
                            other_person = True
                            c.kind = "dropped"
                        else:
                            c.start = free[0][0]
                if not other_person:
                    continue
                cands[:] = [c for c in cands if c.kind != "dropped"]
                free = segs
        # contiguous free segments form one candidate name
        groups: list[list[tuple[int, int]]] = []
        for seg in free:
            if groups and segs.index(seg) == segs.index(groups[-1][-1]) + 1:
                groups[-1].append(seg)
            else:
                groups.append([seg])
        for g in groups:
            gs, ge = g[0][0], g[-1][1]
            c = link_or_new(gs, ge, text[gs:ge])
            if c is not None:
                out.append(c)
                if c.method == "new" and c.title == "PER":
                    local.setdefault(kana_key(text[gs:ge]), "?" + text[gs:ge])
    out += _scan_named_places(kb, v, sorted([*taken, *((c.start, c.end) for c in out)]), event_suffixes)
    # kanji proper nouns: 姓+名, or a name followed by a title / 氏; a surname alone of a
    # person named in full before it is that person (李氏 after 李在明, 石破氏 after 石破茂)
    named = [
        (c.start, text[c.start : c.end], c.key)
        for c in cands
        if c.kind == "actor" and c.end - c.start >= 2 and kb.get(c.key).type == "PERSON"
        and not is_all_katakana(text[c.start : c.end])
    ]
    taken2 = sorted([*taken, *((c.start, c.end) for c in out)])
    n = len(v.tags)
    j = 0  # tokens before j are done
    for i in v.tagged("固有名詞-人名"):
        if i < j:
            continue  # joined to the name before
        tag = v.tags[i]
        s, e = v.tok_span(i)
        j = i + 1
        while j < n and "固有名詞-人名" in v.tags[j] and v.tok_start[j] == e:
            e = v.tok_end[j]
            j += 1
        e = _name_before_title(kb, v, s, e)  # 劉暁|波氏: UniDic stops a Chinese name short
        two = j - i >= 2 and "姓" in tag
        while j < n and v.tok_end[j] <= e:
            j += 1  # 李|恩|定氏: the given name taken in is no name of its own
        surface = text[s:e]
        if not is_all_katakana(surface) and not _covered(taken2, s, e):
            title = _next_title(kb, text, e)
            earlier = {aid for start, full, aid in named if start < s and full.startswith(surface) and full != surface}
            if len(earlier) == 1 and "姓" in tag:
                out.append(Cand(s, e, "actor", earlier.pop(), method="anaphora", conf=CONF_ANAPHORA))
            elif two or title:
                out.append(Cand(s, e, "actor", "", method="new", conf=CONF_NEW, title="PER"))
    return out


_QUOTED_NAME_RE = re.compile(r"[^\s、。,!?！？「」『』ぁ-ゖ]{1,25}|[ -~]{1,40}")


def _scan_quoted_names(kb: KnowledgeBase, v: _DocView, cands: list[Cand]) -> list[Cand]:
    """A quoted name right after a kind of organisation (韓国のニュースサイト「hankooki.com」,
    『探偵ファイル』 after ニュースサイト, 中国企業「山東如意科技集団」: the lexicon's
    `named_kinds`) that no mention covers is a new organisation of that kind; a quote with
    hiragana or punctuation in it is words, no name."""
    kinds = kb.lexicon.get("named_kinds") or {}
    after = kb.lexicon.get("named_by_after") or {}
    if not kinds and not after:
        return []
    text = v.text
    taken = sorted((c.start, c.end) for c in cands if c.kind == "actor")
    by_length = sorted(kinds, key=len, reverse=True)
    out: list[Cand] = []

    def paper_named(s: int, e: int) -> bool:
        """ニュースサイト「韓国経済」, 「…」（アジア経済）: the site of a paper the KB knows by
        this name and 新聞 / 日報; the names inside it (韓国) are none of their own."""
        paper = next((x.key for w in _PAPER_WORDS for x in kb.surfaces.get(text[s:e] + w, ()) if x.kind == "actor"), "")
        if not paper:
            return False
        for c in cands:
            if s <= c.start and c.end <= e:
                c.kind = "dropped"
        out.append(Cand(s, e, "actor", paper, method="kb", conf=CONF_VARIANT))
        return True

    for m in _CREDIT_RE.finditer(text):
        paper_named(m.start(1), m.end(1))
    for qs, qe in quote_spans(text):
        if text[qe - 1 : qe] not in ("」", "』"):
            continue
        s, e = qs + 1, qe - 1
        name = text[s:e]
        kind = next((k for k in by_length if text.endswith(k, 0, qs)), "")
        if kind and kinds[kind] == "MED" and paper_named(s, e):
            continue
        if not _QUOTED_NAME_RE.fullmatch(name) or not name.strip() or _overlaps(taken, s, e):
            continue
        if kind:
            sector, kind_start = kinds[kind], qs - len(kind)
        else:
            cue = next((w for w in after if text.startswith(w, qe)), "")
            if not cue:
                continue
            sector, kind_start = after[cue], qs
        gloss = _LATIN_GLOSS_RE.fullmatch(name)
        if gloss:  # クリストルベルリ(KRISTALBELLI): the name, spelt in Latin letters in brackets
            e = s + len(gloss.group(1))
        out.append(Cand(s, e, "actor", "", method="new", conf=CONF_NEW, title="ORG", kind_of=(sector, kind_start),
                        gloss_en=_latin_name(gloss.group(2)) if gloss else ""))
    return out


_LATIN_GLOSS_RE = re.compile(r"([^()]+)\(([A-Za-z][A-Za-z0-9 .&'-]*)\)")
# a credit in brackets after a quotation: （アジア経済）
_CREDIT_RE = re.compile(r"[」』][（(]([^（）()「」、。\s]{2,15})[）)]")
# what a paper's name ends with that its site's name may leave out (韓国経済|新聞)
_PAPER_WORDS = ("新聞", "日報", "新聞社", "通信")


def _latin_name(latin: str) -> str:
    """The English form of a name written in Latin letters: a word in capitals longer than
    an acronym is capitalised (KRISTALBELLI -> Kristalbelli), other spellings kept (NHK, E-Land)."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 5 else w for w in latin.split())


def _platform_users_country(before: list[Cand], pos: int, text: str, actor_of) -> str:
    """韓国人のツイッター・ユーザー, 韓国のツイッターユーザー: users of a platform named right
    before `pos`, of the people or state named right before the platform; else ''."""
    if len(before) < 2:
        return ""
    platform, owner = before[-1], before[-2]
    if platform.kind != "actor" or actor_of(platform).type != "ORG" or text[platform.end : pos] not in ("", "・", "の"):
        return ""
    a = actor_of(owner)
    gaps = ("", "の", "人", "人の") if a.type == "STATE" else ("", "の")  # 韓国|人の|ツイッター・ユーザー
    if owner.kind != "actor" or text[owner.end : platform.start] not in gaps:
        return ""
    return a.country if a.type in ("STATE", "GROUP") else ""


# after a platform: where or how something is said on it (ツイッターで明かした, Twitter上では,
# ツイッターのタイムライン上でも); group 1 says its users are meant (上, では)
_ON_PLATFORM = re.compile(r"(?:のタイムライン|のトレンド)?(上|(?=では|を中心に))|で|に")
# before a platform: whose account it is (自身のツイッター, 公式Twitter): his words, not its users'
_OWNED = ("自身の", "自らの", "公式", "本人の")


def _platforms_as_media(kb: KnowledgeBase, final: list[Cand], text: str, actor_of) -> tuple[list[Cand], list[Cand]]:
    """A platform (the lexicon's `platforms`: Twitter, 2ちゃんねる) followed by で, では, 上, に
    is where or how something was said, not a party to it: it leaves the candidates for
    the returned media (link method "medium": actors of the article, no event arguments).
    On it with no owner before it (Twitter上では, ツイッターでは「…」との声) are its users, the
    internet users of the state named before it (韓国のツイッター上, 中国版ツイッター), else
    of the public named last (`_names_a_public`), else of the platform's country (2ちゃんねる);
    自身のツイッターで is the owner's own account."""
    platforms = set(kb.lexicon.get("platforms") or ())
    if not platforms or not any(c.kind == "actor" and c.key in platforms for c in final):
        return final, []
    out: list[Cand] = []
    media: list[Cand] = []
    for c in final:
        m = _ON_PLATFORM.match(text, c.end) if c.kind == "actor" and c.key in platforms else None
        if m is None:
            out.append(c)
            continue
        media.append(Cand(c.start, c.end, "actor", c.key, method="medium", conf=c.conf))
        before = out[-1] if out and out[-1].kind == "actor" else None
        owner = ""
        if before is not None and text[before.end : c.start] in ("", "の", "版", "人の"):
            a = actor_of(before)
            owner = a.country if a.type in ("STATE", "GROUP") else "-"  # 田村の|ツイッター: his
        if m.group(1) is None or text.endswith(_OWNED, 0, c.start) or owner == "-":
            continue
        public = [x for x in out if x.kind == "actor" and _names_a_public(x, text, actor_of)]
        # 韓国のツイッター; else the public named last (日本のネット掲示板やツイッター, 韓国人は…
        # ツイッターでは); else a national platform's own (2ちゃんねる: Japan's); else none: a
        # world-wide one's users are the story's no more than anyone's
        country = owner or (actor_of(public[-1]).country if public else "") or actor_of(c).country
        if country:
            out.append(Cand(c.start, m.end(1), "actor", kb.sector_id(country, "CVL", "NETIZENS"), conf=CONF_DISCOURSE, agent=True))
    return out, media


def _names_a_public(c: Cand, text: str, actor_of) -> bool:
    """Does c name a state's public: its internet users (韓国のネットユーザー) or its people
    by nationality as the subject (韓国人は: the state, as CAMEO codes them; not 中国人の上司,
    中国人スタッフ: some of them)?"""
    if c.key.endswith("_NETIZENS"):
        return True
    return actor_of(c).type == "STATE" and text[c.end : c.end + 2] in ("人は", "人が", "人も")


def _named_outlet(before: list[Cand], country: str, actor_of) -> str:
    """The news outlet of `country` named last before (an ORG of sector MED), else ''."""
    for x in reversed(before):
        if x.kind == "actor":
            a = actor_of(x)
            if a.type == "ORG" and a.sector == "MED" and a.country == country:
                return a.actor_id
    return ""


def _named_after_place(v: _DocView, c: Cand, org_suffixes: list[str], kb: KnowledgeBase):
    """An organisation named after the place at `c`, as (start, actor, end), else None: the
    place and an organisation suffix that ends a word (上野|動物園 Ueno Zoo, 仙台|空港 Sendai
    Airport). (A katakana word before a place, セレッソ|大阪, is the NER's to read.)"""
    text = v.text
    suffix = _next_suffix(org_suffixes, text, c.end)
    end = c.end + len(suffix)
    if suffix and end in v.ends and not is_kanji(v.ch(end)):
        return c.start, new_actor(text[c.start : end], "ORG", kb), end
    return None


def _agent_noun(surface: str, sectors: dict) -> str:
    """The agent noun a composed agent ends with (韓国人男性 -> 男性), '' when none."""
    for n in range(min(8, len(surface)), 0, -1):
        if surface[-n:] in sectors:
            return surface[-n:]
    return ""


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _scan_named_places(kb: KnowledgeBase, v: _DocView, taken: list[tuple[int, int]], event_suffixes) -> list[Cand]:
    """Kanji words UniDic tags as place names here that the matcher leaves alone because
    they are also surnames (大津, 亳州; kb_places.tsv `unidic_ja`): the gazetteer's place when it knows
    the name (with an administrative suffix after it: 本庄市), unless a person of that family
    name is named in full in the article (香川真司 … 香川は) or the word goes on into a longer
    name (山東如意科技集団; an agent noun may follow: 川越警察)."""
    text, out = v.text, []
    tagged = v.tagged("地名")
    if not tagged:
        return out
    agents = tuple(kb.lexicon.get("sectors", {}))
    # family names of people named in full in the article (香川真司): the name alone is the
    # person too (香川は…), whatever UniDic tags it there
    family = {
        text[slice(*v.tok_span(i))]
        for i in v.tagged("人名-姓")
        if i + 1 < len(v.tags) and "人名-名" in v.tags[i + 1] and v.tok_start[i + 1] == v.tok_end[i]
    }
    j = 0
    for k, i in enumerate(tagged):
        if k < j:
            continue
        s, e = v.tok_span(i)
        j = k + 1
        while j < len(tagged) and tagged[j] == tagged[j - 1] + 1 and v.tok_start[tagged[j]] == e:
            e = v.tok_end[tagged[j]]  # 大和+高田: one name
            j += 1
        if is_all_katakana(text[s:e]) or _covered(taken, s, e) or _next_suffix(event_suffixes, text, e):
            continue
        end = e + 1 if text[e : e + 1] and text[e] in PLACE_SUFFIXES and e + 1 in v.ends else e
        if end == e and text[s:e] in family:
            continue
        after = text[end : end + 1]
        if after and (is_kanji(after) or is_katakana(after)) and not text.startswith(agents, end):
            continue  # 山東如意科技集団: the start of a longer name, not the place
        place = kb.place_named(text[s:end], found_by="unidic")
        if place:
            out.append(Cand(s, end, "actor", place, method="kb", conf=CONF_VARIANT))
    return out


def _name_before_title(kb: KnowledgeBase, v: _DocView, s: int, e: int) -> str:
    """End of a kanji name [s, e) stretched over one or two more kanji when a title follows
    them and the name stays within four characters (劉暁 + 波 + 氏: UniDic tags only part of
    a Chinese or Korean given name as a name)."""
    text = v.text
    if _next_title(kb, text, e) or not is_kanji(text[s : s + 1]):
        return e
    for k in (1, 2):
        end = e + k
        if end - s <= 4 and all(is_kanji(ch) for ch in text[e:end]) and end in v.ends and _next_title(kb, text, end):
            return end
    return e


# ------------------------------------------------------------------ linking
def link_actors(
    doc, kb: KnowledgeBase | None = None, qualifiers: list[Mention] | None = None
) -> tuple[list[Mention], dict[str, Actor]]:
    """Mentions (offsets into doc.text) and the actors they refer to. Given a list as
    `qualifiers`, it receives the states named inside a composed agent (韓国 in 韓国人,
    米 in 米軍: link method "qualifier"), whose actors are among the actors returned."""
    if kb is None:
        from pipeline.actors.kb import default_kb

        kb = default_kb()
    published = str(getattr(doc._, "published", "") or "") if doc.has_extension("published") else ""
    v = _DocView(doc)
    text = v.text

    cands = _resolve_surnames(kb, v, _scan_kb(kb, v), published)
    # a lexicon word inside a longer actor alias never happens (longest match); but an actor
    # alias may hide a sector noun it ends with: nothing to do.
    actor_spans = sorted((c.start, c.end) for c in cands)
    cands += _scan_abbreviations(kb, v, actor_spans)
    cands.sort(key=lambda c: (c.start, -c.end))
    cands += _scan_unknown(kb, v, cands, published)
    cands += _scan_quoted_names(kb, v, cands)
    cands = _without_common_words(kb, v, [c for c in cands if c.kind != "dropped"])
    cands.sort(key=lambda c: (c.start, -c.end))

    new_actors: dict[str, Actor] = {}

    def actor_of(c: Cand) -> Actor:
        if c.key in new_actors:
            return new_actors[c.key]
        return kb.get(c.key)

    # resolve ambiguous surfaces and create new actors
    story = _story_countries(kb, cands)
    for c in cands:
        if c.kind != "actor":
            continue
        if c.method == "kb" and not c.abbr and c.conf == CONF_KB:
            c.key = _pick_actor(kb, text[c.start : c.end], published, c.key)
        if c.method == "new" or (c.method == "fuzzy" and not c.key):
            kind = c.title
            surface = c.canon or text[c.start : c.end]
            actor = unknown_name_actor(v, c.start, c.end, surface, kind, kb, story, split=not c.canon)
            if c.kind_of:  # 韓国のニュースサイト「hankooki.com」: what its kind says
                sector, kind_start = c.kind_of
                actor.sector = actor.sector or sector
                actor.country = actor.country or _state_before(kb, text, kind_start)
            if c.gloss_en:
                actor.aliases = [*actor.aliases, actor.name_en]
                actor.name_en = c.gloss_en
            new_actors.setdefault(actor.actor_id, actor)
            c.key, c.title = actor.actor_id, ""

    # ------------------------------------------------ combine, attach titles
    titles = kb.lexicon.get("titles", {})
    sectors = kb.lexicon.get("sectors", {})
    fixed = kb.lexicon.get("fixed_sectors", {})
    event_suffixes = sorted(kb.lexicon.get("event_suffixes", []), key=len, reverse=True)
    thing_heads = tuple(kb.lexicon.get("thing_heads", ()))
    org_suffixes = sorted(kb.lexicon.get("org_suffixes") or {}, key=len, reverse=True)
    cand_starts = {c.start for c in cands}
    result: list[Cand] = []
    titled: set[tuple[int, int]] = set()  # spans read as a person's title
    for c in cands:
        prev = result[-1] if result else None
        if c.kind != "actor" and prev is not None and c.start < prev.end:
            continue  # a second reading of a word already used (外務省: sector and fixed)
        if (c.start, c.end) in titled:
            continue  # パク選手: 選手 is his title, not the athletes of the story
        adjacent = prev is not None and prev.end == c.start and prev.kind == "actor"
        if c.kind == "actor":
            a = actor_of(c)
            named = _named_after_place(v, c, org_suffixes, kb) if a.type == "PLACE" else None
            if named is not None:  # 上野動物園, 仙台空港: an organisation named after the place
                new_actors.setdefault(named[1].actor_id, named[1])
                result.append(Cand(named[0], named[2], "actor", named[1].actor_id, method="new", conf=CONF_NEW))
                continue
            if a.type == "PLACE" and a.country and text[c.end - 1 : c.end + 1] in _PREFECTURAL_POLICE:
                # 大阪府警, 神奈川県警(察): the prefecture's police, its country's (as 警視庁 is)
                end = c.end + (2 if text[c.end + 1 : c.end + 2] == "察" else 1)
                result.append(Cand(c.start, end, "actor", kb.sector_id(a.country, "COP"), conf=c.conf, agent=True))
                continue
            if a.type == "ORG" and _BLOG_AFTER.match(text, c.end):
                continue  # (livedoor Blog), アメーバブログ: someone's blog the site hosts, not the site
            if a.type == "PLACE" and _next_suffix(event_suffixes, text, c.end):
                continue  # ヤルタ会談, サンフランシスコ会議: part of an event name
            if a.type in ("PLACE", "STATE") and not c.abbr and names_a_thing(v, c.end, thing_heads, cand_starts):
                continue  # カンヌ国際映画祭, ベトナム戦争, スエズ運河: the name of an event or facility
            if a.type == "PLACE" and _begins_a_longer_name(v, c.end, cand_starts):
                continue  # 一宮市立千秋小学校, エディンバラ・フェスティバル: part of another name
            if a.type == "STATE" and v.ch(c.end) == "語" and not c.abbr:
                continue  # 日本語, ロシア語: a language, not the state
            result.append(c)
            continue
        if c.kind == "title":
            if adjacent and actor_of(prev).type == "PERSON":
                prev.title = c.key
                titled.add((c.start, c.end))
                continue
            if adjacent and actor_of(prev).type == "STATE":
                before = _person_right_before(result, prev, actor_of)
                if before is not None:
                    result.pop()  # トランプ米大統領: 米 is part of the title
                    before.title = c.key
                    continue
                if is_kanji(v.ch(c.end)):
                    continue  # 米大統領選: not a person
                role = titles.get(c.key, {}).get("role")
                country = actor_of(prev).country
                if titles.get(c.key, {}).get("former"):  # 米前大統領: the one before; 米元大統領: unclear
                    holders = kb.former_holders(country, role, published)[:1] if c.key.startswith("前") and published else []
                    if holders:
                        result[-1] = Cand(prev.start, c.end, "actor", holders[0], conf=0.8, title=c.key)
                    continue
                holders = kb.holders(country, role, published) if role and published else []
                if holders:
                    result[-1] = Cand(prev.start, c.end, "actor", holders[0], conf=0.8, title=c.key)
                elif role:
                    result[-1] = Cand(
                        prev.start, c.end, "actor", kb.sector_id(country, "GOV"), conf=0.7
                    )
                continue
            if titles.get(c.key, {}).get("bare") and not is_kanji(v.ch(c.end)):
                bare = _bare_title(c, prev, v, actor_of)
                if bare is not None:
                    result.append(bare)
            continue
        if c.kind == "sector" or c.kind == "fixed":
            spec = sectors.get(c.key) if c.kind == "sector" else None
            if c.kind == "fixed" and c.key in sectors:
                spec = sectors[c.key]
            if spec is not None and v.ch(c.start - 1) == "両":
                states = _coordinated_states(result, c.start - 1, text, actor_of)
                if len(states) >= 2:  # 日韓両国民, 米中両軍: each state's people, forces
                    suffix = spec.get("suffix", "")
                    result += [Cand(c.start, c.end, "actor", kb.sector_id(x.key, spec["sector"], suffix), agent=True) for x in states]
                    continue
            if spec is not None and prev is not None and prev.kind == "actor":
                composed = _compose_agent(kb, prev, c, spec, text, actor_of)
                if composed is not None:
                    if composed.start == prev.start:
                        result[-1] = composed  # 中国警察, ソウル市民, 中国人スタッフ: one mention
                    else:
                        result.append(composed)  # 韓国の警察: the state and its police
                    continue
            if adjacent and spec is not None:
                pa = actor_of(prev)
                if pa.type == "STATE":
                    start = prev.start
                    before = _person_right_before(result, prev, actor_of)
                    if before is not None:
                        result.pop()
                        start = before.start
                    result[-1] = Cand(
                        start,
                        c.end,
                        "actor",
                        kb.sector_id(pa.actor_id, spec["sector"], spec.get("suffix", "")),
                        conf=prev.conf,
                        agent=True,
                        qualifier=prev,
                    )
                    continue
                if (
                    pa.type == "PERSON"
                    and spec["sector"] == "GOV"
                    and c.key in ("政権", "体制", "内閣", "政府", "現政権")
                ):
                    if pa.country and pa.country in kb.actors:
                        result[-1] = Cand(
                            prev.start,
                            c.end,
                            "actor",
                            kb.sector_id(pa.country, "GOV"),
                            conf=prev.conf,
                        )
                    else:
                        result[-1] = Cand(
                            prev.start, c.end, "sector", c.key, bare=True, conf=CONF_DISCOURSE
                        )
                    continue
                if pa.type == "GROUP" and spec["type"] == "GROUP":
                    prev.end = c.end  # 反政権派ジャーナリスト
                    continue
            fx = fixed.get(c.key)
            if fx is not None:
                organ = Cand(c.start, c.end, "actor", kb.sector_id(fx["country"], fx["sector"]), conf=CONF_KB)
                if adjacent and prev.key == fx["country"]:
                    organ.start = prev.start  # 中国人民解放軍, 米国務省: one name, the state's organ
                    organ.qualifier = result.pop()
                result.append(organ)
                continue
            if spec is not None and spec.get("bare"):
                if adjacent and actor_of(prev).type == "GROUP" and spec["type"] == "GROUP":
                    prev.end = c.end
                    continue
                if prev is not None and prev.kind == "sector" and prev.end == c.start:
                    prev.end = c.end
                    continue
                if (
                    spec["type"] == "GOVERNMENT"
                    and is_kanji(v.ch(c.start - 1))
                    and (prev is None or prev.end != c.start)
                    and text[max(0, c.start - 2) : c.start] not in _LOCAL
                ):
                    continue  # 臨時政府, 諸政府: an organ heading a longer noun, not the organ alone
                result.append(Cand(c.start, c.end, "sector", c.key, bare=True, conf=CONF_DISCOURSE))
            continue
        if c.kind == "anaphor":
            result.append(c)
        # kind "ignore" (中国地方, 日本語): the words simply yield nothing

    # -------------------------------------------- country under discussion
    # the state named most often; a name in someone's quoted words (「金正日萌え」とつぶやいた)
    # is what was said, not where the story is: it only breaks ties
    counts: dict[str, int] = {}
    quoted: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    quotes = quote_spans(text)
    home = kb.lexicon.get("home_country", "")
    for c in result:
        if c.kind == "actor" and not c.standalone:
            a = actor_of(c)
            ctry = a.country
            if a.type == "PERSON" and not a.in_kb and ctry == home:
                continue  # a new Japanese name is the news' own (北川景子): no sign of where the story is
            if ctry and ctry in kb.actors and kb.actors[ctry].type == "STATE":
                tally = quoted if _covered(quotes, c.start, c.end) else counts
                tally[ctry] = tally.get(ctry, 0) + 1
                counts.setdefault(ctry, 0)
                first_seen.setdefault(ctry, c.start)
    topic = min(counts, key=lambda k: (-counts[k], -quoted.get(k, 0), first_seen[k])) if counts else ""
    supported = {c.key for c in result if c.kind == "actor" and not c.standalone}
    agent_tails = tuple(kb.lexicon.get("agent_tails", ()))
    place_people = frozenset(kb.lexicon.get("place_people", ()))
    outlet_nouns = tuple(kb.lexicon.get("outlet_nouns", ()))
    people_country: dict[str, str] = {}  # agent noun -> the country it was last of (韓国人男性, ダラスの黒人)
    described: dict[str, str] = {}  # noun for a person -> the named person it described (農民ノ氏)
    final_starts = {c.start for c in result}
    sentence_starts = sorted(s.start for s in (getattr(doc._, "sentences", None) or []))

    # -------------------------------------------- anaphora, bare sectors, apposition
    final: list[Cand] = []
    for idx, c in enumerate(result):
        nxt = result[idx + 1] if idx + 1 < len(result) else None
        if c.kind == "actor":
            if c.standalone and c.key not in supported:
                continue
            if (
                c.agent
                and text[c.end - 1] in _PEOPLE_ENDINGS
                and _describes_person(c, nxt, text, actor_of)
            ):
                described.setdefault(_agent_noun(text[c.start : c.end], sectors), nxt.key)
                continue  # ベラルーシの人権活動家のビャリャツキ氏 (but ベラルーシ野党のチハノフスカヤ氏)
            if (
                c.agent
                and c.qualifier is not None
                and text[c.end - 1] == "人"
                and c.end - c.qualifier.end == 1
                and not _PEOPLE_COUNTED.match(text, c.end)
                and not _people_noun_after(v, c.end)  # 日本人船員 (but 米国人撤収: the state)
            ):
                # 韓国人をはじめとするアジア人, 「日本人は…」: a people named by its nationality
                # is its state, as CAMEO codes "South Koreans"; counted people (韓国人2人,
                # 韓国人たち) stay the state's civilians
                final.append(c.qualifier)
                continue
            if c.agent and actor_of(c).type == "GROUP" and describes_a_noun(v, c.end, final_starts, agent_tails):
                if c.qualifier is not None:
                    final.append(c.qualifier)  # 韓国人名簿: a list of Koreans; Korea is named
                continue
            if c.agent and text.endswith(outlet_nouns, c.start, c.end):
                outlet = _named_outlet(final, actor_of(c).country, actor_of)
                if outlet:  # 中央日報は…韓国紙のインタビューに: that paper again
                    c.key, c.method = outlet, "anaphora"
            if c.agent:  # 韓国人男性: a later 男性 alone is of the same country
                noun = _agent_noun(text[c.start : c.end], sectors)
                if noun and (sectors[noun]["type"] == "GROUP" or sectors[noun].get("suffix") in _MISSIONS) and actor_of(c).country:
                    people_country[noun] = actor_of(c).country  # 韓国領事館…領事館側は: the same mission
            final.append(c)
            continue
        if c.kind == "sector":
            spec = sectors[c.key]
            before = final[-1] if final else None
            partner = _organ_partner_country(before, c, spec, text, actor_of)
            if _covered(quotes, c.start, c.end) and not partner and not (
                spec["type"] == "GROUP" and c.key in people_country
            ):
                continue  # 「なぜ警察は…」: a bare noun in a quote is the speaker's, not the story's
            if describes_a_noun(v, c.end, final_starts, agent_tails):
                continue  # 警察車両, 女性アナ: a thing or a person the noun describes
            country, start = topic, c.start
            if partner:
                country = partner  # 韓国国会や政府, 韓国も政府による: that state's organ
            elif spec.get("suffix") in _MISSIONS and c.key in people_country:
                country = people_country[c.key]  # 韓国領事館と…領事館側は: the mission just named
            elif (
                before is not None
                and before.end == c.start
                and before.method == "anaphora"
                and actor_of(before).type == "STATE"
            ):
                country, start = before.key, before.start  # 同国当局: the state just named
                final.pop()
            elif spec["type"] == "GOVERNMENT" or text[max(0, c.start - 2) : c.start] in _LOCAL:
                # 〜で…警察に逮捕された, 現地サポーター: the organ / people of the place
                country = (
                    _location_country(final, c.start, text, sentence_starts, actor_of)
                    or _location_country(final, c.start, text, [0], actor_of)  # where the story happens
                    or topic
                )
            elif c.key in place_people:  # ダラスに住む黒人: the people of the place (the same people later)
                country = (
                    _location_country(final, c.start, text, sentence_starts, actor_of, locative=False)
                    or people_country.get(c.key)
                    or topic
                )
                people_country[c.key] = country
            elif spec.get("suffix") == "NETIZENS":  # 中央日報の記事のコメント欄: the outlet's readers
                country = (
                    _platform_users_country(final, c.start, text, actor_of)
                    or _outlet_country(final, c.start, actor_of)
                    or _location_country(final, c.start, text, sentence_starts, actor_of)
                    or people_country.get(c.key)
                    # the internet users named last (韓国のネット掲示板では…ネット掲示板には);
                    # else the internet of the news' own country (ネット上で話題: Japan's)
                    or next((actor_of(x).country for x in reversed(final) if x.key.endswith("_NETIZENS")), "")
                    # a comment section is an article's readers: of the story
                    or ("" if c.key in _COMMENT_SECTIONS else kb.lexicon.get("home_country", ""))
                    or topic
                )
            elif spec["sector"] == "MED" and _location_country(final, c.start, text, sentence_starts, actor_of):
                country = _location_country(final, c.start, text, sentence_starts, actor_of)  # 韓国では…メディアが
            elif spec["type"] == "GROUP" and c.key in people_country:
                country = people_country[c.key]  # 韓国人男性が…男性は: the same man
            if spec["type"] == "GROUP" and _describes_person(c, nxt, text, actor_of):
                described.setdefault(c.key, nxt.key)
                continue
            if spec["type"] == "GROUP" and c.key in described:
                # 農民ノ・ビョンマン氏は…農民のメッセージ: the person the noun described
                final.append(Cand(c.start, c.end, "actor", described[c.key], method="anaphora", conf=CONF_ANAPHORA))
                continue
            if not country:
                continue
            c2 = Cand(
                start,
                c.end,
                "actor",
                kb.sector_id(country, spec["sector"], spec.get("suffix", "")),
                method="kb",
                conf=CONF_DISCOURSE,
                agent=True,
            )
            final.append(c2)
            continue
        if c.kind == "anaphor":
            final.extend(_resolve_anaphor(kb, c, final, text, actor_of))
        if c.kind == "bare_title":
            spec = titles[c.key]
            country = c.canon or spec.get("home") or topic
            holders = kb.holders(country, spec["role"], published) if country and published else []
            if holders:
                final.append(Cand(c.start, c.end, "actor", holders[0], conf=CONF_DISCOURSE, title=c.key))

    _name_appositions(final, text, actor_of)
    _identified_people(final, text, sectors, actor_of)
    final, mediums = _platforms_as_media(kb, final, text, actor_of)
    sentences = getattr(doc._, "sentences", None) or []
    mentions, actors = to_mentions(final, actor_of, text, sentences)
    if qualifiers is not None:
        inside = [
            Cand(q.start, q.end, "actor", q.key, method="qualifier", conf=q.conf)
            for c in final
            if c.kind == "actor" and (q := c.qualifier) is not None and c.key in actors
        ] + mediums
        named, named_actors = to_mentions(inside, actor_of, text, sentences)
        qualifiers += named
        for key, actor in named_actors.items():
            actors.setdefault(key, actor)
    return mentions, actors


def _name_appositions(final: list[Cand], text: str, actor_of) -> None:
    """韓国紙「中央日報」, 米紙ニューヨーク・タイムズ: a generic agent right before a
    named organisation of its sector (joined, or opening a quote) is that organisation."""
    for c, nxt in zip(final, final[1:], strict=False):
        if not c.agent or nxt.kind != "actor" or text[c.end : nxt.start] not in ("", "「", "『"):
            continue
        a, b = actor_of(c), actor_of(nxt)
        if b.type == "ORG" and b.sector and b.sector == a.sector:
            c.key, c.method = nxt.key, "anaphora"


# after a person's name: a title or honorific, an age or a note in brackets, then a copula
_IDENTIFIED_AS = re.compile(r"(?:氏|さん|容疑者|被告|選手|君|ちゃん)?(?:\([^()]{0,12}\))?(?:で[、あ]?|だ|である|と判明|とわかった|と分かった)")


_TOPIC_AFTER_NAME = re.compile(r"(?:氏|さん|容疑者|被告|選手)?(?:\([^()]{0,12}\))?は")
_PREDICATE_NOUN = re.compile(r"で(?![はもき])|だ[。、]|です")


def _identified_people(final: list[Cand], text: str, sectors: dict, actor_of) -> None:
    """男性はタトゥー・アーティストのイ・ラン氏(37)で、…: a noun for a person that a sentence
    says is a named person (〜は…の<name>氏で / だ) is that person wherever the article uses
    the noun (抗議しようとした男性が移送された, 韓国人男性がデモ); a noun a named person is
    said to be (鈴木氏は、政治運動家で) is that person there."""
    named: dict[str, str] = {}  # person noun -> the person's actor id
    for i, c in enumerate(final):
        if not c.agent or text[c.end - 1] not in _PERSON_NOUN_ENDINGS or not text.startswith("は", c.end):
            continue
        for nxt in final[i + 1 :]:
            if "。" in text[c.end : nxt.start]:
                break
            if nxt.kind == "actor" and actor_of(nxt).type == "PERSON":
                if _IDENTIFIED_AS.match(text, nxt.end):
                    named.setdefault(_agent_noun(text[c.start : c.end], sectors), nxt.key)
                break
    topic: Cand | None = None  # the person last marked as a topic (鈴木氏は、), in this sentence
    for c in final:
        if topic is not None and "。" in text[topic.end : c.start]:
            topic = None
        if c.kind != "actor":
            continue
        if actor_of(c).type == "PERSON" and _TOPIC_AFTER_NAME.match(text, c.end):
            topic = c
        elif c.agent and actor_of(c).type == "GROUP":
            person = named.get(_agent_noun(text[c.start : c.end], sectors))
            if person is None and topic is not None and _PREDICATE_NOUN.match(text, c.end):
                person = topic.key  # 鈴木氏は、政治運動家で: what the person is, not a group
            if person:
                c.key, c.method, c.qualifier = person, "anaphora", None


# how many words may stand between a place and the head of the thing it names
_THING_WORDS = 4


def names_a_thing(v: _DocView, end: int, heads: tuple[str, ...], cand_starts: set[int]) -> bool:
    """Does the place or state ending at `end` begin the name of an event or facility:
    a compound of nouns right after it (no other mention in it) ending in one of the
    lexicon's `thing_heads` (カンヌ|国際|映画祭, 東京|競馬場, ベトナム|戦争)?"""
    if not heads:
        return False
    i = v.tok_index(end)
    if i < 0 or v.tok_start[i] != end:
        return False
    for k in range(i, min(i + _THING_WORDS, len(v.tags))):
        if v.tok_start[k] in cand_starts or not v.tags[k].startswith(("名詞", "接尾辞-名詞的", "接頭辞", "形状詞")):
            return False  # 福島|第|一|原発, 東京|高等|商業|学校: a prefix or an adjective's stem continues it
        if v.text[end : v.tok_end[k]].endswith(heads):
            return True
    return False


def _begins_a_longer_name(v: _DocView, end: int, cand_starts: set[int]) -> bool:
    """Does the place ending at `end` begin the name of something else: an institution a
    municipality or prefecture set up (一宮市立千秋小学校, 県立: 立 after its suffix), or a
    katakana name of several words (エディンバラ・フェスティバル) whose next word is no name
    of its own (not ロンドン・パリ)?"""
    after = v.ch(end)
    if after == "立":
        return v.ch(end - 1) in PLACE_SUFFIXES
    return after == "・" and is_katakana(v.ch(end - 1)) and is_katakana(v.ch(end + 1)) and end + 1 not in cand_starts


def describes_a_noun(v: _DocView, end: int, cand_starts: set[int], tails: tuple[str, ...]) -> bool:
    """Does the agent noun ending at `end` modify a common noun right after it (警察|車両,
    女性|アナ, 韓国人|名簿, 右翼|青年): no mention of its own begins there, and it is not a
    word that keeps the agent the head (検察|側, 警察|関係者: the lexicon's `agent_tails`)?"""
    i = v.tok_index(end)
    if i < 0 or v.tok_start[i] != end or end in cand_starts:
        return False
    if not v.tags[i].startswith("名詞-普通名詞-一般") or not (is_kanji(v.ch(end)) or is_katakana(v.ch(end))):
        return False
    if v.text.startswith(tails, end):
        return False
    k = i
    while k + 1 < len(v.tags) and v.tok_start[k + 1] == v.tok_end[k] and v.tags[k + 1].startswith(("名詞-普通名詞", "接尾辞-名詞的")):
        k += 1
    return v.text[v.tok_end[k] - 1] not in _PEOPLE_ENDINGS  # 日本人|船員: the people still


_QUALIFIER_TYPES = ("STATE", "PLACE", "REGION")
STAFF_SECTORS = ("BUS", "MED", "EDU", "LAB")  # nouns for an organisation's people (社員, 記者)


def is_staff_noun(spec: dict) -> bool:
    """Is this agent noun one for an organisation's people (社員, 記者, 職員)?"""
    return spec["type"] == "GROUP" and spec["sector"] in STAFF_SECTORS and not spec.get("suffix")


def staff_sector_id(kb: KnowledgeBase, org: Actor, spec: dict) -> str:
    """The actor of an organisation's people (`is_staff_noun`): its country's sector actor,
    of the organisation's sector else the noun's (朝日新聞の記者 -> JPN_MED); '' where its
    country is not known, when they are the organisation itself."""
    if org.country and org.country in kb:
        return kb.sector_id(org.country, org.sector or spec["sector"])
    return ""


def _compose_agent(kb: KnowledgeBase, prev: Cand, c: Cand, spec: dict, text: str, actor_of):
    """An agent noun qualified by the mention before it, or None.

    A state, place or region joined to the noun or linked by の names that
    country's sector (中国警察, 韓国の警察 -> CHN_COP, KOR_COP; ソウル市民 -> KOR_CVL);
    after a group of civilians the noun is the head (中国人スタッフ -> CHN_BUS,
    韓国人男性 -> KOR_CVL); after an organisation its people (レナウンの社員: its country's
    BUS, or the organisation where its country is unknown). States joined to a sector noun
    keep the older path (BLR_GOV, and a person before: トランプ米政権)."""
    pa = actor_of(prev)
    gap = text[prev.end : c.start]
    if gap not in ("", "の"):
        return None
    if pa.type in _QUALIFIER_TYPES:
        if pa.type == "STATE" and gap == "":
            return None  # handled with the person before it, as before
        country = pa.actor_id if pa.type in ("STATE", "REGION") else pa.country
        if not country or country not in kb:
            return None
        if gap == "の" and pa.type != "STATE" and spec["sector"] in ("GOV", "MIL"):
            return None  # 東京の政府: a place is no qualifier of a state organ
        sid = kb.sector_id(country, spec["sector"], spec.get("suffix", ""))
        start = prev.start if gap == "" else c.start
        return Cand(start, c.end, "actor", sid, conf=min(prev.conf, CONF_VARIANT), agent=True)
    if pa.type == "ORG" and is_staff_noun(spec):
        # レナウンの社員, 朝日新聞の記者: the organisation's people, of its country and sector;
        # the organisation itself where its country is not known
        start = prev.start if gap == "" else c.start
        key = staff_sector_id(kb, pa, spec)
        if key:
            return Cand(start, c.end, "actor", key, conf=min(prev.conf, CONF_VARIANT), agent=True)
        return Cand(start, c.end, "actor", prev.key, method="anaphora", conf=min(prev.conf, CONF_VARIANT))
    if pa.type in ("GROUP", "GOVERNMENT") and pa.sector == "CVL" and pa.country:
        # 中国人スタッフ, 韓国人男性, 韓国人のツイッター・ユーザー: the nationality's people
        key = prev.key  # 韓国人男性: still the civilians
        if spec["sector"] != "CVL" or spec.get("suffix"):
            key = kb.sector_id(pa.country, spec["sector"], spec.get("suffix", ""))
        return Cand(prev.start, c.end, "actor", key, conf=prev.conf, agent=True, qualifier=prev.qualifier)
    return None


_LOCATIVE = ("で", "にて", "内で")
_BEFORE_A_BUILDING = ("前で", "前に", "の前で")


_LOCAL = ("現地", "地元")
_STATE_JOINERS = ("", "と", "・", "、")


_PEOPLE_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十百千数何]|たち|ら[がはのをにと、]|同士")
def _people_noun_after(v: _DocView, pos: int) -> bool:
    """Does a noun for people (船員, 観光客, 労働者; の上司) follow at `pos`?"""
    if v.ch(pos) == "の":
        pos += 1
    i = v.tok_index(pos)
    if i < 0 or not (is_kanji(v.ch(pos)) or is_katakana(v.ch(pos))):
        return False
    s, e = v.tok_span(i)
    return v.ch(e - 1) in _PEOPLE_ENDINGS or v.text[s:e] in _PEOPLE_NOUNS


# nouns for people whose last character is no person's (幹部 is people, 本部 is not)
_PEOPLE_NOUNS = frozenset({"幹部", "上司", "部下", "仲間", "家族", "一家", "夫婦", "親子", "子供", "子ども", "若者", "ファン", "スタッフ", "グループ"})


_MISSIONS = ("EMBASSY", "CONSULATE")
_TOPIC_MARKS = ("は", "も", "では", "でも")
_COORDINATORS = ("や", "、", "と", "・", "及び", "および")


def _organ_partner_country(before: Cand | None, c: Cand, spec: dict, text: str, actor_of) -> str:
    """The country a bare state organ takes from the mention right before it: a state
    as the topic it belongs to (韓国も政府による派遣, 日本は政府が), or an organ, an
    organisation or an office holder it is listed with (韓国国会や政府, 東電や政府,
    韓国の大統領と国会); else ""."""
    if before is None or before.kind != "actor" or spec["type"] != "GOVERNMENT":
        return ""
    a = actor_of(before)
    gap = text[before.end : c.start]
    if a.type == "STATE" and gap in _TOPIC_MARKS:
        return a.actor_id
    if a.type in ("GOVERNMENT", "ORG") and gap in _COORDINATORS and a.country:
        return a.country
    if a.type == "PERSON" and before.title and gap in _COORDINATORS and a.country:
        return a.country  # 韓国の大統領と国会: the office holder's state
    return ""


def _coordinated_states(before: list[Cand], at: int, text: str, actor_of) -> list[Cand]:
    """The states named together right before `at` (日韓|両政府, 米中|両国, 日本と韓国の|両政府):
    the trailing run of state mentions joined directly or by と, ・ or 、, ending at `at`
    or at の before it."""
    run: list[Cand] = []
    for c in reversed(before):
        if c.kind != "actor" or actor_of(c).type != "STATE":
            break
        gap = text[c.end : run[-1].start] if run else text[c.end : at]
        if gap not in (_STATE_JOINERS if run else ("", "の")):
            break
        run.append(c)
    return run[::-1]


def _outlet_country(before: list[Cand], pos: int, actor_of) -> str:
    """The country of the news outlet named last before `pos` (its readers' comments:
    中央日報の記事のコメント欄には, 同記事のコメント欄), else ""; platforms have none."""
    for x in reversed(before):
        a = actor_of(x)
        if x.kind == "actor" and a.type == "ORG" and a.sector == "MED" and a.country:
            return a.country
    return ""


def _location_country(before: list[Cand], pos: int, text: str, sentence_starts, actor_of, locative: bool = True) -> str:
    """The country of the last place or state named as a location (〜で, 〜のセブ島で)
    earlier in the sentence at `pos` (with `locative` false: named at all), else ""."""
    k = bisect.bisect_right(sentence_starts, pos) - 1
    sent_start = sentence_starts[k] if k >= 0 else 0
    for x in reversed(before):
        if x.end <= sent_start:
            break
        if x.kind != "actor" or x.end > pos:
            continue
        a = actor_of(x)
        if a.type in ("STATE", "PLACE") and a.country and (not locative or text.startswith(_LOCATIVE, x.end)):
            return a.country
        if a.type == "ORG" and a.country and text.startswith(_BEFORE_A_BUILDING, x.end):
            return a.country  # 靖国神社前で: where the building of the organisation is
    return ""


# the last character of nouns for individuals (活動家, 記者, 議員, 韓国人, 選手, 男性, 学生,
# 医師, 弁護士, 警察官, 店主, 女優): such a noun before a person's name describes that person
_PERSON_NOUN_ENDINGS = frozenset("家者員人手性生師士官主優")
# ... and of the nouns for people an agent noun may qualify (日本人船員, 韓国人観光客, 中国人労働者)
_PEOPLE_ENDINGS = _PERSON_NOUN_ENDINGS | frozenset("客民工年")


def _describes_person(c: Cand, nxt: Cand | None, text: str, actor_of) -> bool:
    """人権活動家のピャリヤツキ氏, 女性チハノフスカヤ: a group noun right before a person
    (joined or with の) describes that person; it is no actor of its own."""
    return (
        nxt is not None
        and nxt.kind == "actor"
        and text[c.end : nxt.start] in _DESCRIBING_JOINS
        and actor_of(nxt).type == "PERSON"
    )


# what may stand between a noun for people and the person it describes (女優の北川景子,
# 歌手IU, 女性・李恩定)
_DESCRIBING_JOINS = ("の", "", "・")


def _bare_title(c: Cand, prev: Cand | None, v: _DocView, actor_of) -> Cand | None:
    """A title standing alone (首相は, 現大統領が, 韓国の大統領) names an office holder, found
    later with the story's country or, after 「<state>の」, that state's; not a title inside a
    description (親ロ派の大統領, 歴代大統領)."""
    before = v.ch(c.start - 1)
    if before == "の":
        if prev is not None and prev.kind == "actor" and prev.end == c.start - 1 and actor_of(prev).type == "STATE":
            return Cand(c.start, c.end, "bare_title", c.key, conf=CONF_DISCOURSE, canon=actor_of(prev).actor_id)
        return None
    if before in ("現", "新") or not (is_kanji(before) or is_katakana(before) or before.isalnum()):
        return Cand(c.start, c.end, "bare_title", c.key, conf=CONF_DISCOURSE)
    return None


def _person_right_before(result: list, prev, actor_of):
    """The person mention ending where `prev` (a state) starts: トランプ|米|大統領."""
    before = result[-2] if len(result) >= 2 else None
    if before is not None and before.end == prev.start and before.kind == "actor" and actor_of(before).type == "PERSON":
        return before
    return None


NEW_ACTOR_TYPES = {"PER": "PERSON", "ORG": "ORG", "PLC": "PLACE"}
CJK_STATES = {"ko": ("KOR", "PRK"), "zh": ("CHN", "TWN", "HKG", "MAC")}
_GLOSS_RE = re.compile(r"[（(]([\u30a1-\u30fa\u30fc・]+)[）)]")


def new_actor(
    surface: str, kind: str, kb: KnowledgeBase | None = None, lang: str = "", gloss: str = "", country: str = ""
) -> Actor:
    """An actor for a name the KB does not know (kind PER, ORG or PLC): a stable
    id from the name, the name romanised as its English name (a person's read as Korean
    or Chinese when `lang` says so: 李明博 -> Lee Myeong-bak, not Ri Akihiro; the katakana
    `gloss` the text gives is kept as an alias), in_kb False; an organisation gets what
    its form says (sector, country, English name: orgs.py), or `country`, the state the
    text puts it in (韓国の慶北道議会: KOR, read the Korean way)."""
    actor_id = new_actor_id(surface, kind)
    if kind == "ORG" and kb is not None:
        return org_actor(actor_id, surface, kb, country)
    aliases = [surface, gloss] if gloss else [surface]
    if lang == "ko":  # the other spellings English-language news uses (Park Jong-woo)
        aliases += korean_name_spellings(surface)
    return Actor(actor_id, NEW_ACTOR_TYPES[kind], romanise_name(surface, lang), surface, "", "", False, aliases)


def _family_name_end(v: _DocView, s: int, e: int) -> int:
    """Where the family name of a kanji name [s, e) ends, when UniDic tags a surname token
    followed by a given-name token inside it; else 0."""
    i = v.tok_index(s)
    if i < 0 or "姓" not in v.tags[i] or not is_kanji(v.ch(s)) or v.tok_end[i] >= e:
        return 0
    j = i + 1
    return v.tok_end[i] if j < len(v.tags) and "名" in v.tags[j] else 0


def _story_countries(kb: KnowledgeBase, cands: list[Cand]) -> list[str]:
    """The states the KB mentions found so far name, most often first (first seen on ties)."""
    return story_countries(kb, [c.key for c in cands if c.kind == "actor" and not c.standalone])


def story_countries(kb: KnowledgeBase, actor_ids) -> list[str]:
    """The states the actors of these mentions belong to, most often first (first seen on ties)."""
    counts: dict[str, int] = {}
    for actor_id in actor_ids:
        ctry = kb.country_of(actor_id)
        if ctry:
            counts[ctry] = counts.get(ctry, 0) + 1
    return sorted(counts, key=lambda k: -counts[k])


def unknown_name_actor(
    v: _DocView,
    s: int,
    e: int,
    surface: str,
    kind: str,
    kb: KnowledgeBase,
    countries: list[str],
    split: bool = True,
) -> Actor:
    """A new actor for the unknown name at [s, e) of kind PER, ORG or PLC (`new_actor`), a
    person's name read in its language (`_name_language`; `countries`: the story's states,
    most mentioned first): a Korean or Chinese one gets the first of them of that
    language; a Japanese kanji name whose surname UniDic tags is given name first when
    `split` (有田芳生: Yoshifu Arita, as English-language news writes it)."""
    if kind == "ORG" and surface in kb.country_forms:
        forms = kb.country_forms[surface]
        country = _state_before(kb, v.text, s) or (countries[0] if countries else "")
        if country in forms:  # 日本の民主党, 共産党 in a story about Japan: the country's party
            return kb.get(forms[country])
    lang, gloss = _name_language(v, s, e, countries) if kind == "PER" else ("", "")
    actor = new_actor(surface, kind, kb, lang, gloss, _state_before(kb, v.text, s) if kind == "ORG" else "")
    if kind == "PLC" and countries and countries[0] in CJK_STATES["ko"]:
        actor.name_en = romanise_place(surface, "ko") or actor.name_en  # 明洞 in a story about Korea: Myeongdong
    home = next((c for c in countries if c in CJK_STATES[lang]), "") if lang else ""
    if home and (countries[0] in CJK_STATES[lang] or is_all_katakana(surface) or gloss):
        # 李恩定(イ・ウンジョン) in a story about Japan that names Korea: the gloss says Korean
        actor.country = home
    elif kind == "PER" and not lang and split:
        end = _family_name_end(v, s, e)
        if end:
            actor.name_en = romanise_japanese_name(v.text[s:end], v.text[end:e])
            if end - s >= 2:  # a Japanese family name of two kanji or more and a given name: a Japanese
                actor.country = kb.lexicon.get("home_country", "")  # (劉|暁波, one kanji: maybe not)
    return actor


def _state_before(kb: KnowledgeBase, text: str, s: int) -> str:
    """The state named right before `s`, joined (米|民主党) or with の (日本の|民主党); ''."""
    chars = kb.abbreviations.get("chars") or {}
    if text[s - 1 : s] in chars:
        return chars[text[s - 1 : s]]["actor"]
    end = s - 1 if text[s - 1 : s] == "の" else s
    for n in range(min(8, end), 0, -1):
        for entry in kb.surfaces.get(text[end - n : end], ()):
            if entry.kind == "actor" and kb.get(entry.key).type == "STATE":
                return entry.key
    return ""


# Korean family names that are Japanese surnames too (林 Hayashi, 南 Minami): read the
# Korean way alone only in a story about Korea
_JAPANESE_SURNAMES_TOO = frozenset("林南秦石吉田池玉元千白安方河陸龍表秋成明具文都車高森辛")
# titles a family name alone is called by (朴氏, 金容疑者, 李大統領)
_FAMILY_NAME_TITLES = ("氏", "さん", "容疑者", "被告", "選手", "議員", "教授", "大統領", "首相", "長官", "監督", "代表", "会長", "委員長", "主席", "書記")


def _name_language(v: _DocView, s: int, e: int, countries: list[str]) -> tuple[str, str]:
    """('ko' | 'zh' | '', katakana gloss) for a person name the KB does not know
    (`countries`: the story's states, most mentioned first): Korean for a katakana name of a
    Korean family name and Korean syllables in a story that names Korea (キム・テヒ), or for
    kanji when a katakana gloss reads it the Korean way (朴槿恵（パク・クネ）) or the story is about
    Korea and it starts with a Korean family name; Chinese when the story is about China or
    Taiwan; '' (Japanese: cutlet) otherwise, and for a name UniDic knows a Japanese
    two-character surname of (田中, 鈴木)."""
    name = v.text[s:e]
    m = _GLOSS_RE.match(v.text, e)
    gloss = m.group(1) if m else ""
    story = countries[0] if countries else ""
    if "・" in name and is_all_katakana(name) and any(c in CJK_STATES["ko"] for c in countries):
        return ("ko" if romanise_korean_katakana(name) else ""), ""  # キム・テヒ in a Korea story
    if is_korean_family_kana(name) and len(name) > 1 and story in CJK_STATES["ko"]:
        return "ko", ""  # パク氏 alone in a story about Korea: Park
    if len(name) <= 2 and is_korean_family_name(name) and story in CJK_STATES["ko"] and v.text.startswith(_FAMILY_NAME_TITLES, e):
        return "ko", gloss  # 朴氏, 金容疑者 alone in a story about Korea: Park, Kim
    if len(name) == 1 and is_kanji(name) and story in CJK_STATES["zh"] and v.text.startswith(_FAMILY_NAME_TITLES, e):
        return "zh", gloss  # 王氏 in a story about China: Wang
    if (
        len(name) <= 2
        and is_korean_family_name(name)
        and name not in _JAPANESE_SURNAMES_TOO
        and v.text.startswith(_FAMILY_NAME_TITLES, e)
        and next((c for c in countries if c in CJK_STATES["ko"] or c in CJK_STATES["zh"]), "") in CJK_STATES["ko"]
    ):
        return "ko", gloss  # 朴氏 in a story about Japan that names Korea (and not China first): Park
    if not 2 <= len(name) <= 4 or not all(is_kanji(ch) for ch in name):
        return "", gloss
    if gloss and korean_gloss_fits(name, gloss):
        return "ko", gloss
    ti = v.tok_index(s)
    if ti >= 0 and v.tok_end[ti] - s >= 2 and "姓" in v.tags[ti]:
        return "", gloss  # a Japanese surname
    if story in CJK_STATES["ko"] and korean_family_name(name) and len(name) - len(korean_family_name(name)) == 2:
        return "ko", gloss
    family = korean_family_name(name)
    if (
        family
        and family not in _JAPANESE_SURNAMES_TOO
        and len(name) - len(family) == 2
        and next((c for c in countries if c in CJK_STATES["ko"] or c in CJK_STATES["zh"]), "") in CJK_STATES["ko"]
    ):
        return "ko", gloss  # 韓国籍の李恩定 in a story about Japan that names Korea (and not China first)
    if story in CJK_STATES["zh"] and len(name) <= 3:
        return "zh", gloss
    return "", gloss


def to_mentions(final, actor_of, text: str, sentences) -> tuple[list[Mention], dict[str, Actor]]:
    """Mention rows (with their sentence) and the actors they link to, from the
    final candidates; shared by the Japanese and English linkers. A name inside a URL
    (http://news.livedoor.com/...) is part of an address, no mention."""
    sents = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in sents]
    mentions: list[Mention] = []
    actors: dict[str, Actor] = {}
    urls = url_spans(text)
    for c in sorted(final, key=lambda c: (c.start, c.end)):
        if urls and _covered(urls, c.start, c.end):
            continue
        a = actor_of(c)
        k = bisect.bisect_right(starts, c.start) - 1
        mentions.append(
            Mention(
                c.start,
                c.end,
                text[c.start : c.end],
                mention_label(a),
                a.actor_id,
                "abbreviation" if getattr(c, "abbr", False) and c.method == "kb" else c.method,
                round(c.conf, 3),
                sents[k].sentence_id if k >= 0 else -1,
            )
        )
        actors[a.actor_id] = a
    return mentions, actors


def _resolve_anaphor(
    kb: KnowledgeBase, c: Cand, before: list[Cand], text: str, actor_of
) -> list[Cand]:
    spec = kb.lexicon["anaphora"][c.key]
    kind, count = spec["kind"], spec.get("count", 1)

    def ok(x: Cand) -> bool:
        a = actor_of(x)
        if kind == "STATE":
            return a.type == "STATE"
        if kind == "GOV":
            return a.type == "GOVERNMENT"
        if kind == "IGO":
            return a.type == "IGO"
        if kind == "ORG":
            return a.type in ("ORG", "IGO")
        if kind == "MED":
            return a.type == "ORG" and a.sector == "MED"
        return a.type == kind

    want = spec.get("honorific") or spec.get("title")
    prior: list[Cand] = []  # compatible mentions, nearest LAST, looking back a bounded window
    titled: Cand | None = None
    window = before[-400:]
    if kind == "STATE":  # 韓国人男性が…同国当局は: the state inside a composed agent is named too
        window = [q for x in window for q in ((x.qualifier, x) if x.qualifier is not None else (x,))]
    for x in reversed(window):
        if x.kind != "actor" or x.end > c.start or not ok(x):
            continue
        prior.insert(0, x)
        if want and titled is None and x.title == want:
            titled = x
        if len(prior) >= 40 and (titled is not None or not want):
            break
    if count >= 2 and kind == "GOV":
        states = _coordinated_states([x for x in before if x.end <= c.start], c.start, text, actor_of)
        if len(states) >= 2:  # 日韓両政府: the governments of the states just named
            return [
                Cand(c.start, c.end, "actor", kb.sector_id(x.key, "GOV"), method="anaphora", conf=CONF_ANAPHORA)
                for x in states
            ]
    if count >= 2:
        # 「ルカシェンコ、プーチン両大統領」: the names are right there
        if (
            prior
            and prior[-1].end == c.start
            and len(prior) >= 2
            and text[prior[-2].end : prior[-1].start] in _LIST_SEPARATORS
        ):
            return []
        picked: list[str] = []
        for x in reversed(prior):
            if x.key not in picked:
                picked.append(x.key)
            if len(picked) == 2:
                break
        return [
            Cand(c.start, c.end, "actor", aid, method="anaphora", conf=CONF_ANAPHORA - 0.1)
            for aid in picked
        ]
    if not prior:
        if kind == "GOV":
            states = [x for x in before if x.kind == "actor" and actor_of(x).type == "STATE"]
            if states:
                return [
                    Cand(
                        c.start,
                        c.end,
                        "actor",
                        kb.sector_id(states[-1].key, "GOV"),
                        method="anaphora",
                        conf=CONF_ANAPHORA - 0.1,
                    )
                ]
        return []
    if titled is not None:  # 同氏 -> the person last called 氏; 同大統領 -> last called 大統領
        return [
            Cand(
                c.start,
                c.end,
                "actor",
                titled.key,
                method="anaphora",
                conf=CONF_ANAPHORA,
                title=want,
            )
        ]
    x = prior[-1]
    return [
        Cand(
            c.start,
            c.end,
            "actor",
            x.key,
            method="anaphora",
            conf=CONF_ANAPHORA - 0.1,
            title=want or "",
        )
    ]
