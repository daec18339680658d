"""Find actor mentions in English text and link them to the shared knowledge base.

The same KB (`pipeline.actors.load_kb()`) serves both languages: its English names and
aliases (Lukashenko, Lukashenka, Tsikhanouskaya, Tikhanovskaya, U.S., EU, NATO …) are
matched as written, so an actor has one id whatever the language of the article.
`data/actors_en.yaml` adds what English needs on top (demonyms, organs such as the White
House, capitals standing for governments, sector nouns, titles, anaphors).

Steps, in text order:
1. one scan (a trie regex per case mode) finds KB names, demonyms, organs, sector nouns,
   titles and anaphors at word boundaries, longest first;
2. names the KB does not know: spaCy PERSON / ORG / GPE / LOC entities and names after a
   title become new actors with the KB's id scheme (`pipeline.actors.textutil.new_actor_id`:
   NEW_PER_JOHN_SMITH_E61A); a later bare surname joins the new person;
3. combinations: title + person (President Lukashenko), state/demonym/person + sector
   (Belarusian authorities, the Lukashenko government), sector + "of" + state, state +
   title without a name (the Belarusian president -> the holder at the publication date);
4. capitals not governed by a locative preposition stand for their government;
5. bare sector nouns (the opposition, political prisoners) take the country under
   discussion; anaphors (the president, the country) the most recent compatible mention;
   subject pronouns (he, she) the most recent person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from pipeline.actors.kb import KnowledgeBase, load_agents
from pipeline.actors.linker import to_mentions
from pipeline.actors.textutil import new_actor_id
from pipeline.model import Actor, Mention

CONF_KB = 1.0
CONF_DEMONYM = 0.9
CONF_HOLDER = 0.8
CONF_CAPITAL = 0.8
CONF_ANAPHORA = 0.8
CONF_DISCOURSE = 0.7
CONF_NEW = 0.6
NEW_KIND = {"PERSON": "PER", "ORG": "ORG", "GPE": "PLC", "LOC": "PLC"}
NEW_TYPE = {"PER": "PERSON", "ORG": "ORG", "PLC": "PLACE"}
_WATER_OF = re.compile(r"\b(?:Gulf|Sea|Strait|Straits|Bay) of ")  # the Gulf of Oman: a place
# a name followed by one of these nouns names a place (the Tsuen Wan district)
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:district|province|county|prefecture|region|municipality|village|town|township|"
    r"neighbourhood|neighborhood|suburb|governorate|oblast|city)\b"
)
_POSSESSIVE = re.compile(r"^(?:'s|’s|')\s+$")
_NOT_NAME_WORDS = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "But", "And", "In", "On", "At", "Since",
}  # fmt: skip


@dataclass
class Cand:
    start: int
    end: int
    kind: str  # actor | sector | title | anaphor
    key: str  # actor id, or the lexicon word (lower-cased for sector/title/anaphor)
    method: str = "kb"
    conf: float = CONF_KB
    demonym: bool = False
    capital: str = ""  # state id when the actor is a capital city
    role: str = ""  # KB role named by a title attached to a person


@lru_cache(maxsize=1)
def english_lexicon() -> dict:
    """data/actors_en.yaml, with lower-cased keys for the case-insensitive sections."""
    text = resources.files("pipeline.english").joinpath("data", "actors_en.yaml")
    data = yaml.safe_load(text.read_text(encoding="utf-8")) or {}
    data["sectors"] = {k.lower(): v for k, v in load_agents("en").items()}
    data["anaphora"] = {k.lower(): v for k, v in (data.get("anaphora") or {}).items()}
    data["titles"] = {k.lower(): (v or "") for k, v in (data.get("titles") or {}).items()}
    return data


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


@dataclass
class _Index:
    names: dict[str, tuple[str, str]]  # exact surface -> (actor id, kind: name|demonym|fixed)
    words: dict[str, tuple[str, str]]  # lower-cased word -> (kind, word)
    names_re: re.Pattern
    words_re: re.Pattern
    # the KB's generated office holders (kb.surfaces_en, ~20,000 names): looked up word run by
    # word run, since a regex over all of them takes seconds to compile
    long_names: dict[str, str] = field(default_factory=dict)


# a run of capitalised words (with name particles) that may be a full name
_NAME_RUN = re.compile(
    r"[A-Z][\w'’.-]*(?:\s(?:(?:bin|de|da|del|van|von|der|al|el|le|la|of|the|and|for|on)\s)*[A-Z][\w'’.-]*)+"
)
_WORD = re.compile(r"\S+")
_LONGEST_NAME = 9  # words (Islamic State of Iraq and the Levant)


def _scan_long_names(text: str, long_names: dict[str, str]) -> list[Cand]:
    """Generated KB names in runs of capitalised words, longest first, left to right (a run
    opening with 'The' is also tried without it: The Islamic State of Iraq and the Levant)."""
    out: list[Cand] = []
    for run in _NAME_RUN.finditer(text):
        words = [(run.start() + w.start(), run.start() + w.end()) for w in _WORD.finditer(run.group())]
        i = 0
        while i < len(words) - 1:
            starts = (i, i + 1) if text[words[i][0] : words[i][1]] == "The" else (i,)
            best = max((_longest_name(text, words, k, long_names) for k in starts), key=lambda h: h[1] - h[0])
            if best[2]:
                out.append(Cand(best[0], best[1], "actor", best[2]))
                i = best[3]
            else:
                i += 1
    return out


def _longest_name(text: str, words: list[tuple[int, int]], i: int, long_names: dict[str, str]):
    """(start, end, actor id, next word) of the longest name starting at word i, else (0, 0, '', i)."""
    for j in range(min(len(words), i + _LONGEST_NAME), i + 1, -1):
        s, e = words[i][0], words[j - 1][1]
        if text[e - 2 : e] in ("'s", "’s"):  # Ben Ali's presidency
            e -= 2
        while e > s and text[e - 1] in ".,'’":
            e -= 1
        aid = long_names.get(text[s:e])
        if aid:
            return s, e, aid, j
    return 0, 0, "", i


_INDEXES: dict[int, tuple[KnowledgeBase, _Index]] = {}


def english_index(kb: KnowledgeBase) -> _Index:
    """Surfaces of English text for this KB (built once per KB object)."""
    hit = _INDEXES.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    lex = english_lexicon()
    names: dict[str, tuple[str, str]] = {}
    for surface, entries in kb.surfaces.items():
        if not surface.isascii() or not surface[:1].isalpha():
            continue
        ids = [e.key for e in entries if e.kind == "actor"]
        if ids:
            names[surface] = (ids[0], "name")
    for surface, entries in kb.surfaces_en.items():  # one-word generated names: Taliban, ISIL
        if " " not in surface and surface not in names:
            names[surface] = (entries[0].key, "name")
    for aid, forms in (lex.get("aliases") or {}).items():
        for f in forms:
            names.setdefault(f, (aid, "name"))
    for word, aid in (lex.get("demonyms") or {}).items():
        names.setdefault(word, (aid, "demonym"))
    for word, aid in (lex.get("fixed") or {}).items():
        names[word] = (aid, "fixed")
    words: dict[str, tuple[str, str]] = {}
    # a title or an anaphor (President, the president) is not read as a sector noun
    for section, kind in (("titles", "title"), ("anaphora", "anaphor"), ("sectors", "sector")):
        for w in lex.get(section) or {}:
            words.setdefault(w, (kind, w))
    # word boundaries; a full stop before is fine after a word ("sanctions.Belarus", text glued
    # by layout repair) but not inside an initialism ("U.S." does not contain "S.")
    # a hyphen before a lower-case word is no part of a name (US-led, Yemen-based)
    b1, b2 = r"(?<![\w'’-])(?<![A-Z.]\.)", r"(?![\w]|-(?![a-z])|\.\w)"
    idx = _Index(
        names,
        words,
        re.compile(b1 + "(?:" + _trie_regex(list(names)) + ")" + b2),
        re.compile(b1 + "(?:" + _trie_regex(list(words)) + ")" + b2, re.I),
        {
            surface: ids[0]
            for surface, entries in kb.surfaces_en.items()
            if surface not in names and (ids := [e.key for e in entries if e.kind == "actor"])
        },
    )
    _INDEXES[id(kb)] = (kb, idx)  # the KB is kept alive, so its id is not reused
    return idx


def _scan(text: str, idx: _Index) -> list[Cand]:
    """Longest KB/lexicon matches at word boundaries (names first on equal spans)."""
    found: list[Cand] = []
    for m in idx.names_re.finditer(text):
        surface = m.group(0)
        # the trie regex is greedy; a prefix may be the real entry ("U.S" vs "U.S.")
        while surface and surface not in idx.names:
            surface = surface[:-1]
        if not surface:
            continue
        aid, kind = idx.names[surface]
        c = Cand(m.start(), m.start() + len(surface), "actor", aid)
        if kind == "demonym":
            c.demonym, c.conf = True, CONF_DEMONYM
        found.append(c)
    found += _scan_long_names(text, idx.long_names)
    for m in idx.words_re.finditer(text):
        low = m.group(0).lower()
        if low not in idx.words:
            continue
        kind, word = idx.words[low]
        found.append(Cand(m.start(), m.end(), kind, word))
    # longest first, names before words on ties; drop overlaps
    found.sort(key=lambda c: (-(c.end - c.start), c.kind != "actor", c.start))
    kept: list[Cand] = []
    for c in found:
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


_DATELINE = re.compile(r"\s*([A-Z][A-Z.'’ -]*[A-Z.])(?=\s*(?:,|\(|-|—|–))")


def _dateline(text: str, idx: _Index, cands: list[Cand]) -> list[Cand]:
    """The place of a capitalised dateline (WASHINGTON (Reuters) -, KYIV, July 3 -), which
    the case-sensitive names miss."""
    m = _DATELINE.match(text)
    if m is None or any(c.start < m.end(1) for c in cands):
        return []
    surface = " ".join(w.capitalize() for w in m.group(1).split(" "))
    hit = idx.names.get(surface)
    return [Cand(m.start(1), m.end(1), "actor", hit[0])] if hit and hit[1] == "name" else []


def _bare_names(kb: KnowledgeBase, cands: list[Cand], text: str, family_first: set[str]) -> dict[str, str]:
    """Family name -> actor id, for the KB people the text names in full (Wang Yi, Marco
    Rubio): a later bare "Wang" or "Rubio" is that person. A family name two of them share
    is left out."""
    out: dict[str, str] = {}
    clashes: set[str] = set()
    for c in cands:
        if c.kind != "actor" or c.method != "kb":
            continue
        actor = kb.get(c.key)
        words = text[c.start : c.end].split()
        if actor is None or actor.type != "PERSON" or len(words) < 2:
            continue
        family = words[0] if actor.country in family_first else words[-1]
        if out.get(family, c.key) != c.key:
            clashes.add(family)
        out[family] = c.key
    return {k: v for k, v in out.items() if k not in clashes}


def _adjacent(text: str, a: Cand, b: Cand, possessive: bool = True) -> bool:
    """b follows a with only a space (or a possessive 's) between them."""
    gap = text[a.end : b.start]
    return gap == " " or (possessive and bool(_POSSESSIVE.match(gap)))


INITIALS_SKIP = {"of", "the", "for", "and", "on", "in", "de"}


def _initials(name: str) -> str:
    """The abbreviation a name's capitalised words make (National Telecommunications
    Commission -> NTC); "" for a name of one word."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in INITIALS_SKIP]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


# a hyphenated acronym (ABS-CBN, CJTF-OIR; not COVID-19), which the model leaves untagged
_ACRONYM = re.compile(r"(?<![\w.-])[A-Z]{2,}(?:-[A-Z]{2,})+(?![\w-])")


def _not_actor_spans(text: str, lex: dict) -> list[tuple[int, int]]:
    """Where the text names no actor though a name is in it (Brexit, Molotov cocktails,
    UTC): actors_en.yaml `not_actors`, matched as written at word boundaries, and storms
    named by `storm_words` (Hurricane Lorenzo)."""
    words = lex.get("not_actors") or []
    spans: list[tuple[int, int]] = []
    if words:
        pattern = r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])"
        spans += [m.span() for m in re.finditer(pattern, text)]
    storms = lex.get("storm_words") or []
    if storms:  # Hurricane Lorenzo, Tropical Storm Humberto: a storm's name
        # (not the National Hurricane Center, the Hurricane Hunters)
        pattern = (r"(?<![\w-])(?<!National )(?:" + "|".join(map(re.escape, sorted(storms, key=len, reverse=True)))
                   + r") (?!(?:Center|Centre|Hunters|Season|Warning|Watch|Service)\b)[A-Z][a-z]+(?![\w-])")  # fmt: skip
        spans += [m.span() for m in re.finditer(pattern, text)]
    return spans


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def _short_sectors(text: str, lex: dict) -> list[Cand]:
    """A chamber named short (the House): actors_en.yaml `short_sectors`, the sector noun
    it stands for, whose country is the story's (not "the House of Lords")."""
    out: list[Cand] = []
    for surface, noun in (lex.get("short_sectors") or {}).items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])(?! of )", text):
            out.append(Cand(m.start(), m.end(), "sector", noun))
    return out


def _composed_inside(kind: str, s: int, e: int, text: str, cands: list[Cand], actor_of, lex) -> list[Cand] | None:
    """The candidates inside an organisation's name that the model tagged whole, when the
    name is one of its own: a state or demonym (and sector nouns) inside it, and two
    capitalised words or more that are neither (the United States Commission on
    International Religious Freedom, Combined Joint Task Force Operation Inherent
    Resolve), or one after a demonym (Saudi Aramco). None when the name is the state's
    sector (Belarusian Foreign Ministry, Indonesian National Police) or a candidate
    crosses its edge."""
    inner = [c for c in cands if c.start < e and s < c.end]
    if not inner or any(c.start < s or c.end > e for c in inner):
        return None
    if kind == "PLC" and _WATER_OF.search(text, s, e):
        # the Gulf of Oman, the Sea of Japan: a place of its own, not the state
        return inner if all(c.kind == "actor" and actor_of(c).type == "STATE" for c in inner) else None
    if kind != "ORG":
        return None
    for c in inner:
        if c.kind == "actor" and actor_of(c).type not in ("STATE", "PLACE", "REGION"):
            return None
        if c.kind in ("title", "anaphor"):
            return None
    sectors = lex["sectors"]
    own = [
        m for m in re.finditer(r"[A-Z][\w'’-]*", text[s:e])
        if not any(c.start <= s + m.start() < c.end for c in inner)
        and m.group().lower() not in sectors and m.group() not in _NOT_NAME_WORDS
    ]
    words = text[s:e].split()
    if len(own) >= 2 or (len(words) == 2 and len(own) == 1 and own[0].start() > 0):
        return inner
    return None


def _titled_people(cands: list[Cand], text: str, titles: dict, actor_of) -> dict[tuple[str, str], str]:
    """(country, role) -> the person a story names with that title (Greek Foreign Minister
    George Katrougalos: (GRC, foreign_minister)), the first one, so that "the Greek
    foreign minister" before or after the name is that person."""
    out: dict[tuple[str, str], str] = {}
    for i, c in enumerate(cands):
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        role = titles.get(c.key, "") if c.kind == "title" else ""
        if not role or nxt is None or nxt.kind != "actor" or not _adjacent(text, c, nxt, False):
            continue
        person = actor_of(nxt)
        if person.type != "PERSON":
            continue
        prev = cands[i - 1] if i > 0 else None
        country = person.country
        if prev is not None and prev.kind == "actor" and _adjacent(text, prev, c):
            state = actor_of(prev)
            country = state.actor_id if state.type == "STATE" else country
        if country:
            out.setdefault((country, role), person.actor_id)
    return out


def _foreign_group(start: int, end: int, sector: str, text: str, new_actors: dict[str, Actor]) -> Cand:
    """The actor of "foreign <agents>" (foreign forces, foreign powers): a group of that
    sector and no country (FOREIGN_MIL); the foreign powers and the foreign forces of one
    story are the same outsiders (the first named)."""
    aid = f"FOREIGN_{sector}"
    armed = [a for a in ("FOREIGN_GOV", "FOREIGN_MIL") if a in new_actors]
    if sector in ("GOV", "MIL") and armed:
        aid = armed[0]
    if aid not in new_actors:
        name = text[start:end].lower()
        new_actors[aid] = Actor(aid, "GROUP", name, "", "", sector, False, [name])
    return Cand(start, end, "actor", aid, method="new", conf=CONF_NEW)


def link_actors_en(doc, kb: KnowledgeBase | None = None) -> tuple[list[Mention], dict[str, Actor]]:
    """Mentions (offsets into doc.text) and the actors they refer to, for an English Doc."""
    if kb is None:
        from pipeline.actors import load_kb

        kb = load_kb()
    lex = english_lexicon()
    text = doc.text
    published = str(getattr(doc._, "published", "") or "")
    idx = english_index(kb)
    cands = _scan(text, idx)
    titles = lex["titles"]
    capitals = lex.get("capitals") or {}
    metonyms = lex.get("metonyms") or {}
    locatives = set(lex.get("locative_prepositions") or [])
    new_actors: dict[str, Actor] = {}

    def actor_of(c: Cand) -> Actor:
        return new_actors[c.key] if c.key in new_actors else kb.get(c.key)

    def new_cand(s: int, e: int, kind: str, canon: str = "") -> Cand:
        surface = canon or text[s:e]
        same = [a for a in new_actors.values() if a.name_en == surface]
        if same:  # Wiranto the person, later tagged a place: one actor, the first kind
            return Cand(s, e, "actor", same[0].actor_id, method="new", conf=CONF_NEW)
        aid = new_actor_id(surface, kind)
        if aid not in new_actors:
            new_actors[aid] = Actor(aid, NEW_TYPE[kind], surface, "", "", "", False, [surface])
        return Cand(s, e, "actor", aid, method="new", conf=CONF_NEW)

    cands = sorted([*cands, *_dateline(text, idx, cands), *_short_sectors(text, lex)],
                   key=lambda c: c.start)  # fmt: skip
    blocked = _not_actor_spans(text, lex)
    cands = [c for c in cands if not _overlaps(blocked, c.start, c.end)]
    # a KB person's one-word name opening a longer name the model tags (Kerry in "Kerry Lee"):
    # someone else's given name, not that person
    people = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
    cands = [c for c in cands if not (
        c.kind == "actor" and " " not in text[c.start : c.end] and actor_of(c).type == "PERSON"
        and any(s == c.start and e > c.end + 1 for s, e in people)
    )]  # fmt: skip
    bare_names = _bare_names(kb, cands, text, set(lex.get("family_name_first") or ()))

    # ------------------------------------------------------------ unknown names
    taken = [(c.start, c.end) for c in cands] + blocked

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    extra: list[Cand] = []
    for ent in doc.ents:
        kind = NEW_KIND.get(ent.label_)
        if kind is None:
            continue
        s, e = ent.start_char, ent.end_char
        paren = text.find(" (", s, e)  # the Federal Broadcasting Authority (FBA: the name
        e = paren if paren > s else e
        if any(ch in "[]{}()" for ch in text[s:e]):  # [W]e: an editor's bracket, no name
            continue
        words = text[s:e].split()
        while words and (words[0] in _NOT_NAME_WORDS or words[0] == "the" or words[0].lower() in titles):
            s += len(words[0]) + 1
            words = words[1:]
        while words and words[-1] in ("'s", "’s"):
            words = words[:-1]
        if words and words[-1].endswith(("'s", "’s")) and len(words[-1]) > 2:
            words[-1] = words[-1][:-2]  # Ben Ali's -> Ben Ali
        e = s + len(" ".join(words))
        while e > s and text[e - 1] in ".,;:'’":
            e -= 1
        if e <= s or not text[s].isupper() or any(ch.isdigit() for ch in text[s:e]):
            continue
        if not free(s, e):
            inner = _composed_inside(kind, s, e, text, cands, actor_of, lex)
            if inner is None:
                continue
            # the United States Commission on International Religious Freedom: a name of
            # its own, not the state and a sector noun
            cands = [c for c in cands if c not in inner]
            taken[:] = [t for t in taken if not (s <= t[0] and t[1] <= e)]
        if text[s:e] in bare_names:  # Wang after Wang Yi: the KB person, whatever spaCy says
            extra.append(Cand(s, e, "actor", bare_names[text[s:e]], conf=CONF_ANAPHORA))
            taken.append((s, e))
            continue
        if all(w in _NOT_NAME_WORDS or w.lower() in titles for w in text[s:e].split()):
            continue
        if kind != "PLC" and _PLACE_NOUN_AFTER.match(text, e):
            kind = "PLC"  # the Tsuen Wan district, Maidan Wardak province: a place, whatever spaCy says
        place = kb.place_named(text[s:e], "en") if kind == "PLC" else ""
        if place:  # Mosul, Jeonju: the gazetteer names a place spaCy found (never a bare word)
            extra.append(Cand(s, e, "actor", place, conf=CONF_ANAPHORA))
            taken.append((s, e))
            continue
        words = text[s:e].split()
        known = next(
            (
                a
                for a in new_actors.values()
                if a.type == "PERSON"
                and len(words) == 1
                and len(a.name_en.split()) >= 2
                and a.name_en.split()[-1] == words[0]
            ),
            None,
        )
        if known is None and len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
            known = next(  # NTC after the National Telecommunications Commission
                (a for a in new_actors.values() if a.type != "PERSON"
                 and _initials(a.name_en) == words[0].replace("-", "")),
                None,
            )  # fmt: skip
        if known is not None:  # Pratasevich after Raman Pratasevich (whatever spaCy calls it)
            extra.append(Cand(s, e, "actor", known.actor_id, method="new", conf=CONF_NEW))
        else:
            extra.append(new_cand(s, e, kind))
        taken.append((s, e))
    # hyphenated acronyms the model did not tag (ABS-CBN), named twice or more
    for m in _ACRONYM.finditer(text):
        if free(*m.span()) and len(re.findall(r"(?<![\w-])" + re.escape(m.group()) + r"(?![\w-])", text)) >= 2:
            known = next((a for a in new_actors.values() if a.type != "PERSON"
                          and _initials(a.name_en) == m.group().replace("-", "")), None)  # fmt: skip
            if known is not None:
                extra.append(Cand(*m.span(), "actor", known.actor_id, method="new", conf=CONF_NEW))
            else:
                extra.append(new_cand(*m.span(), "ORG"))
            taken.append(m.span())
    # names after a title that the model did not tag (Foreign Minister Ivan Petrov)
    name_re = re.compile(r"[A-Z][a-zA-Z'’-]+(?: [A-Z][a-zA-Z'’-]+){0,2}")
    for c in cands:
        if c.kind != "title" or not text[c.start].isupper():
            continue
        m = name_re.match(text, c.end + 1) if text[c.end : c.end + 1] == " " else None
        if m and free(m.start(), m.end()) and m.group(0).split()[0] not in _NOT_NAME_WORDS:
            extra.append(new_cand(m.start(), m.end(), "PER"))
            taken.append(m.span())
    # a bare surname of a person named in full (Pratasevich after Raman Pratasevich, a new
    # person; Rubio after Marco Rubio, a KB one) that spaCy did not tag
    surnames = {
        a.name_en.split()[-1]: a.actor_id
        for a in new_actors.values()
        if a.type == "PERSON" and len(a.name_en.split()) >= 2
    }
    surnames = {**bare_names, **surnames}
    if surnames:
        sur_re = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, surnames)) + r")(?![\w-])")
        for m in sur_re.finditer(text):
            if free(*m.span()):
                aid = surnames[m.group(1)]
                method, conf = ("new", CONF_NEW) if aid in new_actors else ("kb", CONF_ANAPHORA)
                extra.append(Cand(m.start(), m.end(), "actor", aid, method=method, conf=conf))
                taken.append(m.span())
    cands = sorted([*cands, *extra], key=lambda c: c.start)

    # ------------------------------------------------------------ combinations
    tok_at = {t.idx: t for t in doc}

    def is_locative(c: Cand) -> bool:
        tok = tok_at.get(c.start)
        if tok is None:
            return False
        if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            if not (c.end == tok.head.idx - 1 and tok.head.ent_type_ == tok.ent_type_):
                return True  # Minsk airport
        head = tok
        # in the country's capital, Tunis: the apposition is where the phrase is
        while head.dep_ in ("compound", "flat", "appos") and head.head is not head:
            head = head.head
        return head.dep_ == "pobj" and head.head.lower_ in locatives

    titled = _titled_people(cands, text, titles, actor_of)
    members = {w.lower() for w in lex.get("group_members") or ()}
    bare_sectors = set(lex.get("bare_sectors") or ())
    not_bare = {w.lower() for w in lex.get("not_bare") or ()}
    definite_bare = {w.lower() for w in lex.get("definite_bare") or ()}

    def the_forces(c: Cand) -> bool:
        """"the army", "the military" alone (not "the military base", "the army's")."""
        if c.key not in definite_bare or text[max(0, c.start - 4) : c.start].lower() != "the ":
            return False
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        return span is not None and span[-1].dep_ not in ("amod", "compound", "poss")

    result: list[Cand] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        prev = result[-1] if result else None
        if c.kind == "title":
            role = titles.get(c.key, "")
            # title + person: the person (President Lukashenko, Foreign Minister Ryzhenkov)
            if nxt is not None and nxt.kind == "actor" and _adjacent(text, c, nxt, False):
                if actor_of(nxt).type == "PERSON":
                    nxt.role = nxt.role or role
                    # U.S. President Donald Trump: the state before the title is part of it
                    i += 1
                    continue
            # state + title without a name: the holder (the Belarusian president)
            if (
                prev is not None
                and prev.kind == "actor"
                and actor_of(prev).type == "STATE"
                and _adjacent(text, prev, c)
                and role
            ):
                country = actor_of(prev).actor_id
                holders = kb.holders(country, role, published) if published else []
                # the Greek foreign minister, with Greek Foreign Minister George Katrougalos
                # named in the story: that person
                holders = holders or ([titled[(country, role)]] if (country, role) in titled else [])
                if holders:
                    result[-1] = Cand(
                        prev.start, c.end, "actor", holders[0], conf=CONF_HOLDER, role=role
                    )
                else:
                    result[-1] = Cand(
                        prev.start, c.end, "actor", f"{country}_GOV", conf=CONF_HOLDER
                    )
                i += 1
                continue
            # "the president of Belarus"
            if (
                role
                and nxt is not None
                and nxt.kind == "actor"
                and text[c.end : nxt.start] == " of "
                and actor_of(nxt).type == "STATE"
            ):
                holders = kb.holders(nxt.key, role, published) if published else []
                start = (
                    c.start - 4
                    if text[max(0, c.start - 4) : c.start].lower() == "the "
                    else c.start
                )
                if holders:
                    result.append(
                        Cand(start, nxt.end, "actor", holders[0], conf=CONF_HOLDER, role=role)
                    )
                    i += 2
                    continue
            i += 1
            continue
        if c.kind == "sector":
            spec = lex["sectors"][c.key]
            owner = (
                prev
                if (prev is not None and prev.kind == "actor" and _adjacent(text, prev, c))
                else None
            )
            if owner is not None:
                oa = actor_of(owner)
                if c.key in members and oa.type not in ("STATE", "REGION", "PLACE", "PERSON", "GOVERNMENT"):
                    # Taliban fighters, Houthi rebels: the group itself
                    result[-1] = Cand(owner.start, c.end, "actor", owner.key, method=owner.method, conf=owner.conf)
                    i += 1
                    continue
                country = oa.actor_id if oa.type in ("STATE", "REGION") else oa.country
                if oa.type == "PERSON" and spec["sector"] != "GOV":
                    country = ""
                if country and country in kb.actors:
                    sid = kb.sector_id(country, spec["sector"], spec.get("suffix", ""))
                    result[-1] = Cand(owner.start, c.end, "actor", sid, conf=owner.conf)
                    i += 1
                    continue
            if (
                nxt is not None
                and nxt.kind == "actor"
                and text[c.end : nxt.start] == " of "
                and actor_of(nxt).type == "STATE"
            ):
                sid = kb.sector_id(nxt.key, spec["sector"], spec.get("suffix", ""))
                result.append(Cand(c.start, nxt.end, "actor", sid))
                i += 2
                continue
            between = text[c.end : nxt.start] if nxt is not None and nxt.kind == "actor" else ""
            alone = spec.get("bare") or (spec["sector"] in bare_sectors and owner is None and c.key not in not_bare)
            if alone and between in (" in ", " from ", " of ") and not (between == " in " and spec["sector"] == "MIL"):
                # a noun that alone is the story's (police in Nairobi, protesters in Hong Kong):
                # that place's country's (not troops in Syria, often a foreign force); the
                # place stays a mention of its own
                na = actor_of(nxt)
                where = na.actor_id if na.type == "STATE" else (na.country if na.type == "PLACE" else "")
                if where and where in kb.actors:
                    sid = kb.sector_id(where, spec["sector"], spec.get("suffix", ""))
                    result.append(Cand(c.start, c.end, "actor", sid, conf=CONF_DISCOURSE))
                    i += 1
                    continue
            if text[max(0, c.start - 8) : c.start].lower() == "foreign ":
                # foreign forces, foreign powers: a group of no country, outsiders to the story
                result.append(_foreign_group(c.start - 8, c.end, spec["sector"], text, new_actors))
                i += 1
                continue
            if alone:
                result.append(c)  # (ISIS detainees: the group's, not the country's)
            elif owner is None and the_forces(c):
                c.method = "definite"  # the army: the country under discussion's (see below)
                result.append(c)
            i += 1
            continue
        if c.kind == "anaphor" and nxt is not None and nxt.kind == "actor":
            role = lex["anaphora"][c.key].get("role", "")
            if role and text[c.end : nxt.start] == " of " and actor_of(nxt).type == "STATE":
                # "the president of Belarus": not an anaphor but the office holder
                holders = kb.holders(nxt.key, role, published) if published else []
                if holders:
                    result.append(
                        Cand(c.start, nxt.end, "actor", holders[0], conf=CONF_HOLDER, role=role)
                    )
                    i += 2
                    continue
        if c.kind == "actor":
            a = actor_of(c)
            surface = text[c.start : c.end]
            if a.type == "PLACE" and surface in capitals and not is_locative(c):
                c.capital = capitals[surface]
                c.key, c.conf = kb.sector_id(c.capital, "GOV"), CONF_CAPITAL
            elif a.type == "PLACE" and surface in metonyms and not is_locative(c):
                c.key, c.conf = metonyms[surface], CONF_CAPITAL
        result.append(c)
        i += 1

    # ------------------------------------------------ country under discussion
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for c in result:
        if c.kind == "actor":
            ctry = actor_of(c).country
            if ctry and ctry in kb.actors and kb.actors[ctry].type == "STATE":
                counts[ctry] = counts.get(ctry, 0) + 1
                first.setdefault(ctry, c.start)
    top = max(counts.values()) if counts else 0
    leaders = [k for k in counts if counts[k] == top]
    states_seen = [
        (c.start, actor_of(c).country)
        for c in result
        if c.kind == "actor" and actor_of(c).country in leaders
    ]

    def topic_at(pos: int) -> str:
        """The country under discussion; a tie goes to the one mentioned last before pos."""
        if len(leaders) <= 1:
            return leaders[0] if leaders else ""
        before = [ctry for start, ctry in states_seen if start < pos]
        return before[-1] if before else min(leaders, key=lambda k: first[k])

    topic = topic_at(len(text))

    # ------------------------------------------------ bare sectors and anaphora
    final: list[Cand] = []
    for c in result:
        if c.kind == "actor":
            final.append(c)
        elif c.kind == "sector" and topic:
            spec = lex["sectors"][c.key]
            if c.method == "definite" and _other_state_before(c, result, topic_at(c.start), text, actor_of, kb):
                continue  # ... from Kyrgyzstan. The army said: whose army is not clear
            sid = kb.sector_id(topic_at(c.start), spec["sector"], spec.get("suffix", ""))
            final.append(Cand(c.start, c.end, "actor", sid, conf=CONF_DISCOURSE))
        elif c.kind == "anaphor":
            spec = lex["anaphora"][c.key]
            if spec.get("count", 1) > 1:
                final.extend(_resolve_plural(c, final, spec, actor_of))
                continue
            got = _resolve_anaphor(kb, c, final, spec, actor_of, published, topic)
            if got is not None:
                final.append(got)

    final += _pronouns(doc, final, actor_of)

    return to_mentions(final, actor_of, text, getattr(doc._, "sentences", None) or [])


def _other_state_before(c: Cand, cands: list[Cand], country: str, text: str, actor_of, kb) -> bool:
    """Does c's paragraph name, before c, a state other than `country` (or its people)?"""
    para = text.rfind("\n", 0, c.start) + 1
    for x in cands:
        if x.kind != "actor" or not para <= x.start < c.start:
            continue
        other = actor_of(x).country
        if other and other != country and other in kb.actors and kb.actors[other].type == "STATE":
            return True
    return False


def _pronouns(doc, before: list[Cand], actor_of) -> list[Cand]:
    """Subject pronouns he / she: the most recent person mentioned before them (light)."""
    people = sorted(
        (c for c in before if c.kind == "actor" and actor_of(c).type == "PERSON"),
        key=lambda c: c.start,
    )
    from pipeline.events.frames_en import quote_spans

    subjects = [c for c in people if _is_subject(doc, c)]
    quotes = quote_spans(doc.text)
    out = []
    for tok in doc:
        if tok.lower_ not in ("he", "she") or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        # the last person who was a subject, unless another person came much later
        prior = [c for c in people if c.end <= tok.idx]
        prior_subj = [c for c in subjects if c.end <= tok.idx]
        quote = next(((a, b) for a, b in quotes if a < tok.idx < b), None)
        if quote is not None:  # in a quote "he" is not its speaker, who says "I"
            speaker = [c.key for c in subjects if c.end <= quote[0]][-1:]
            prior = [c for c in prior if c.key not in speaker]
            prior_subj = [c for c in prior_subj if c.key not in speaker and c.start > quote[0]]
        if not prior:
            continue
        pick = prior_subj[-1] if prior_subj and tok.idx - prior_subj[-1].start < 400 else prior[-1]
        out.append(
            Cand(tok.idx, tok.idx + len(tok.text), "actor", pick.key, method="anaphora", conf=0.6)
        )
    return out


def _is_subject(doc, c: Cand) -> bool:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    while root.dep_ in ("appos", "compound", "flat") and root.head is not root:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


# actor types that can be one of "the two sides"
_PARTY_TYPES = ("STATE", "GOVERNMENT", "PERSON", "IGO", "GROUP")


def _resolve_plural(c: Cand, before: list[Cand], spec: dict, actor_of) -> list[Cand]:
    """the two countries / both leaders / the two sides: the `count` most recent actors
    of the kind before it, each of a different country (Wang and China are one side);
    nothing when the text has not named that many."""
    kind, count = spec.get("kind"), spec.get("count", 2)
    types = _PARTY_TYPES if kind == "PARTY" else (kind,)
    picked: list[str] = []
    countries: set[str] = set()
    for x in reversed(before[-200:]):
        if x.kind != "actor" or x.end > c.start:
            continue
        a = actor_of(x)
        country = a.actor_id if a.type == "STATE" else (a.country or a.actor_id)
        if a.type not in types or a.actor_id in picked or country in countries:
            continue
        picked.append(a.actor_id)
        countries.add(country)
        if len(picked) == count:
            return [Cand(c.start, c.end, "actor", aid, method="anaphora", conf=CONF_ANAPHORA) for aid in reversed(picked)]
    return []


def _resolve_anaphor(kb, c: Cand, before: list[Cand], spec: dict, actor_of, published, topic):
    kind, role = spec.get("kind"), spec.get("role", "")
    for x in reversed(before[-200:]):
        if x.kind != "actor" or x.end > c.start:
            continue
        a = actor_of(x)
        if kind == "STATE" and a.type == "STATE":
            return Cand(c.start, c.end, "actor", a.actor_id, method="anaphora", conf=CONF_ANAPHORA)
        if kind == "PERSON" and a.type == "PERSON":
            has_role = x.role == role or any(
                r.role == role for r in kb.role_at(a.actor_id, published)
            )
            if not role or has_role:
                return Cand(
                    c.start,
                    c.end,
                    "actor",
                    a.actor_id,
                    method="anaphora",
                    conf=CONF_ANAPHORA,
                    role=role,
                )
    if kind == "ORG":
        return _resolve_organisation(c, before, spec, actor_of)
    if kind == "PERSON" and role and topic and published:
        holders = kb.holders(topic, role, published)
        if holders:
            return Cand(c.start, c.end, "actor", holders[0], method="anaphora", conf=CONF_DISCOURSE)
    return None


def _resolve_organisation(c: Cand, before: list[Cand], spec: dict, actor_of) -> Cand | None:
    """the commission, the network, the company: the most recent organisation whose name
    ends in that noun (the National Telecommunications Commission), else, for a noun of
    a sector (network: MED), the most recent one of that sector or of none known whose
    name does not say it is another kind of body (`organisation_heads`: not a Commission);
    the same noun again is the same organisation."""
    heads = {h.lower() for h in english_lexicon().get("organisation_heads") or ()}
    head, sector = spec.get("head", ""), spec.get("sector", "")
    marker = "org:" + (head or sector)
    for x in reversed(before[-200:]):  # "the network" once read stays that organisation
        if x.method == "anaphora" and x.role == marker:
            return Cand(c.start, c.end, "actor", x.key, method="anaphora", conf=CONF_ANAPHORA, role=marker)
    for x in reversed(before[-200:]):
        if x.kind != "actor" or x.end > c.start:
            continue
        a = actor_of(x)
        if a.type not in ("ORG", "IGO"):
            continue
        last = (a.name_en.split() or [""])[-1].lower()
        if (head and last == head) or (
            sector and (a.sector == sector or (not a.sector and last not in heads))
        ):
            return Cand(c.start, c.end, "actor", a.actor_id, method="anaphora", conf=CONF_ANAPHORA,
                        role=marker)  # fmt: skip
    return None
