"""CAMEO event coding of English sentences from spaCy's dependency parse.

Same records (EventMention) and the same decisions as the Japanese coder
(`pipeline.events`), so `merge_events` and the tables treat both languages alike:

- trigger: a verb whose lemma (+ particle, + object pattern) is in
  `pipeline/data/events/lexicon_en.tsv` (the most specific matching row wins);
- roles: the subject (nsubj, shared by conjoined verbs and inherited by xcomp) is the
  source; the direct object, else a prepositional object (on / against / to / with /
  toward / at), else an actor inside the object phrase (sanctions on Belarusian potash)
  is the target; in the passive the subject is the patient and "by X" the agent;
  symmetric acts (meet, sign, negotiate) are coded once per pair, ids sorted;
- demands (demand, urge, call on X to, press X to) are coded as the demand, 10x by the
  act asked for; "consider / weigh" as 014 with the target inside the object. The act
  asked for or considered is a separate mention only with `embedded=True`, with modality
  demanded / considered (as in Japanese);
- polarity: a `neg` dependent (not, n't, never) or fail to / refuse to above it;
- modality, first match wins: hypothetical (if / unless, could / might / may / would),
  intended (will / shall, plan / intend / aim / want / seek / prepare / be going to, or a
  clause date after publication), reported (reportedly / allegedly, is said / reported /
  believed to, according to);
- date: the DATE in the clause, else in the clause it is attached to, else earlier in
  the sentence; else the discourse date (the last one of the paragraph, or of the
  paragraph just before); else the publication date.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from pipeline.dates import calendar_mentions, calendar_value
from pipeline.events.attributes import mention_fields
from pipeline.model import Actor, DateMention, EventMention, Mention

LEXICON_FILE = "lexicon_en.tsv"
DISCOURSE_DATE_PARAGRAPHS = 1
TARGET_PREPS = ("on", "against", "to", "with", "toward", "towards", "at", "into", "upon")
LOCATION_PREPS = ("in", "at", "near", "inside", "outside")
INTENT_VERBS = {
    "plan", "intend", "aim", "want", "seek", "hope", "expect", "prepare", "decide", "wish",
    "mean", "set", "propose", "threaten",
}  # fmt: skip
REPORT_VERBS = {"say", "report", "believe", "allege", "think", "understand", "rumor", "rumour"}
REPORT_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
NEGATING_VERBS = {"fail", "refuse", "decline"}
NEGATIONS = {"not", "n't", "never", "no"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj", "acl"}
STATE_TYPES = ("STATE", "GOVERNMENT")
NOT_PARTIES = ("PLACE",)


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class LexEntry:
    trigger: str
    particle: str
    pattern: tuple[tuple[tuple[bool, str], ...], ...]  # alternatives of (negated, text) items
    code: str
    frame: str  # act | sym | demand | consider
    flags: frozenset[str]
    note: str
    order: int

    def matches(self, text: str) -> int | None:
        """Specificity (positive items) of the first matching alternative, else None."""
        if not self.pattern:
            return 0
        for alt in self.pattern:
            if all((item in text) != neg for neg, item in alt):
                return sum(1 for neg, _ in alt if not neg)
        return None


def _parse_pattern(raw: str) -> tuple[tuple[tuple[bool, str], ...], ...]:
    alts = []
    for alt in raw.split("|"):
        items = []
        for item in alt.split("+"):
            item = item.strip()
            if item:
                neg = item.startswith("!")
                items.append((neg, item[1:].strip() if neg else item))
        if items:
            alts.append(tuple(items))
    return tuple(alts)


@lru_cache(maxsize=1)
def load_lexicon_en() -> dict[str, tuple[LexEntry, ...]]:
    """lexicon_en.tsv: trigger lemma -> its rows in file order."""
    path = resources.files("pipeline") / "data" / "events" / LEXICON_FILE
    lines = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    out: dict[str, list[LexEntry]] = {}
    for order, row in enumerate(csv.DictReader(lines, delimiter="\t")):
        flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
        e = LexEntry(
            trigger=row["trigger"].strip().lower(),
            particle=(row.get("particle") or "").strip().lower(),
            pattern=_parse_pattern(row.get("object") or ""),
            code=row["code"].strip(),
            frame=(row.get("frame") or "act").strip() or "act",
            flags=flags,
            note=(row.get("note") or "").strip(),
            order=order,
        )
        out.setdefault(e.trigger, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def match_entry(lemma: str, particles: set[str], text: str) -> LexEntry | None:
    """The most specific row for a trigger: particle given, then pattern items, then file order."""
    best: tuple[int, int, LexEntry] | None = None
    for e in load_lexicon_en().get(lemma, ()):
        if e.particle and e.particle not in particles:
            continue
        spec = e.matches(text)
        if spec is None:
            continue
        score = spec + (2 if e.particle else 0)
        if best is None or score > best[0] or (score == best[0] and e.order < best[1]):
            best = (score, e.order, e)
    return best[2] if best else None


# --------------------------------------------------------------------------- helpers


def _text_of(tokens) -> str:
    """Lemmas and forms of tokens, lower-cased, space-padded (for object patterns)."""
    words = []
    for t in tokens:
        words.append(t.lemma_.lower())
        if t.lower_ != t.lemma_.lower():
            words.append(t.lower_)
    return " " + " ".join(words) + " "


@dataclass
class _State:
    actors: dict[str, Actor]
    mention_of: dict[int, list[Mention]]  # token index -> mentions covering it
    focus: str
    published: str
    para: int = -1
    para_date: DateMention | None = None
    last_date: tuple[int, DateMention] | None = None
    events: list[EventMention] = field(default_factory=list)


def _type(state: _State, aid: str) -> str:
    a = state.actors.get(aid)
    return a.type if a else ""


def _country(state: _State, aid: str) -> str:
    a = state.actors.get(aid)
    return (a.country or aid) if a else aid


def _same_party(state: _State, a: str, b: str) -> bool:
    if a == b:
        return True
    ta, tb = _type(state, a), _type(state, b)
    return ta in STATE_TYPES and tb in STATE_TYPES and _country(state, a) == _country(state, b)


def _focus_state(mentions: list[Mention], actors: dict[str, Actor]) -> str:
    counts: Counter[str] = Counter()
    for m in mentions:
        a = actors.get(m.actor_id)
        if a is not None and a.type in STATE_TYPES and a.country:
            counts[a.country] += 1
    return counts.most_common(1)[0][0] if counts else ""


# --------------------------------------------------------------------------- roles


def _np_actors(tok, state: _State, depth: int = 0) -> list[str]:
    """Actors a noun phrase names: a mention on its head, else on its modifiers
    (Belarusian potash, the Lukashenko government) or prepositional objects
    (sanctions on Belarus), with conjuncts (the U.S. and the EU)."""
    out: list[str] = []
    for t in [tok, *tok.conjuncts]:
        found = [m.actor_id for m in state.mention_of.get(t.i, [])]
        if not found:
            for c in t.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod", "appos"):
                    found += [m.actor_id for m in state.mention_of.get(c.i, [])]
        if not found and depth < 2:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in (*TARGET_PREPS, "of", "for", "over", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found += _np_actors(p, state, depth + 1)
        for aid in found:
            if aid not in out and _type(state, aid) not in NOT_PARTIES:
                out.append(aid)
    return out


def _subject_tok(v):
    """(subject token, passive?) of a verb: its own, else the one it shares or inherits."""
    # the subject nearest the verb (By mid-April the country was considering: not "April")
    for c in sorted(v.children, key=lambda c: abs(v.i - c.i)):
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return v.head, False
            return c, False
        if c.dep_ in ("nsubjpass", "csubjpass"):
            return c, True
    if v.dep_ == "relcl":
        return v.head, False
    if v.dep_ in ("conj", "xcomp", "advcl", "acl") and v.head is not v:
        if v.dep_ == "xcomp":  # object control: urged the EU to ..., pressed Minsk to ...
            for c in v.head.children:
                if c.dep_ in ("dobj", "dative"):
                    return c, False
        subj, passive = _subject_tok(v.head)
        return subj, (passive if v.dep_ == "conj" else False)
    return None, False


def _is_passive(v) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def _agent(v, state: _State) -> list[str]:
    for c in v.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return _np_actors(p, state)
    return []


def _prep_objects(v, preps, state: _State) -> list[str]:
    out: list[str] = []
    for c in v.children:
        if c.dep_ in ("prep", "prt", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    out += [a for a in _np_actors(p, state) if a not in out]
        elif c.dep_ == "advmod":  # move closer to X
            out += _prep_objects(c, preps, state)
    return out


def _location(v, state: _State) -> str:
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    for m in state.mention_of.get(p.i, []):
                        if _type(state, m.actor_id) in ("PLACE", "STATE"):
                            return m.actor_id
    return ""


def _objects(v):
    return [c for c in v.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]


# --------------------------------------------------------------------------- attributes


def _chain(v):
    """The verb and the verbs it is the complement of (plans to visit -> visit, plans)."""
    out = [v]
    while v.dep_ in ("xcomp",) and v.head is not v:
        v = v.head
        out.append(v)
    return out


def _polarity(v) -> str:
    for t in _chain(v):
        if any(
            c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ == "advmod") for c in t.children
        ):
            return "negated"
        if t is not v and t.lemma_.lower() in NEGATING_VERBS:
            return "negated"
    return "affirmed"


def _modality(v, sent_tokens) -> str:
    chain = _chain(v)
    heads = [*chain]
    if v.dep_ == "conj":
        heads += _chain(v.head)
    for t in heads:
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS:
                return "hypothetical"
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX:
                return "hypothetical"
        if t.dep_ == "advcl" and any(c.lower_ in HYPOTHETICAL_MARKS for c in t.children):
            return "hypothetical"
    for t in heads:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in t.children):
            return "intended"
        if t is not v and t.lemma_.lower() in INTENT_VERBS:
            return "intended"
        if t is not v and t.lemma_.lower() == "go" and any(c.lower_ == "to" for c in v.children):
            return "intended"  # is going to
    for t in heads:
        if any(c.lower_ in REPORT_ADVERBS for c in t.children):
            return "reported"
        if t is not v and t.lemma_.lower() in REPORT_VERBS and _is_passive(t):
            return "reported"  # is said to, is reported to
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                return "reported"
    # "X was said to have ..." parsed with the trigger under a passive say
    head = v.head
    if v.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in REPORT_VERBS and _is_passive(head):
        return "reported"
    return "asserted"


# --------------------------------------------------------------------------- dates


def _clause_indices(v) -> set[int]:
    """Tokens of the verb's own clause: its subtree without the clauses below it."""
    out = {v.i}
    stack = [c for c in v.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(
            c for c in t.children if c.dep_ not in CLAUSE_DEPS or t.pos_ in ("NOUN", "PROPN")
        )
    return out


def _event_date(v, doc, sent_dates, state: _State) -> tuple[str, str]:
    def first_tok(d: DateMention) -> int:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        return span[0].i if span is not None and len(span) else -1

    located = [(first_tok(d), d) for d in sent_dates]
    own = _clause_indices(v)
    for i, d in located:
        if i in own:
            return calendar_value(d.value), "clause"
    t = v
    while t.dep_ in ("conj", "xcomp", "advcl", "ccomp", "relcl") and t.head is not t:
        t = t.head
        up = _clause_indices(t)
        for i, d in located:
            if i in up:
                return calendar_value(d.value), "clause"
    before = [d for i, d in located if 0 <= i < v.i]
    if before:
        return calendar_value(before[0].value), "clause"
    if state.para_date is not None:
        return calendar_value(state.para_date.value), "discourse"
    return calendar_value(state.published) or state.published, "publication"


# --------------------------------------------------------------------------- coding


@dataclass
class _Hit:
    entry: LexEntry
    verb: object
    sources: list[str]
    targets: list[str]
    modality: str = ""
    confidence: float = 0.9


def _particles(v) -> set[str]:
    return {c.lower_ for c in v.children if c.dep_ in ("prt", "prep", "advmod", "dative")}


def _object_text(v) -> str:
    toks = []
    for c in v.children:
        if c.dep_ in (
            "dobj",
            "nsubjpass",
            "xcomp",
            "ccomp",
            "attr",
            "dative",
            "oprd",
            "prep",
            "prt",
            "advcl",
        ):
            if c.dep_ == "advcl" and not any(x.lower_ == "to" for x in c.children):
                continue
            toks.extend(c.subtree)
    return _text_of(toks)


def _entry_for(v) -> LexEntry | None:
    if not (v.pos_ == "VERB" or v.tag_.startswith("VB")) or v.pos_ == "AUX":
        return None
    return match_entry(v.lemma_.lower(), _particles(v), _object_text(v))


def _roles(v, entry: LexEntry, state: _State) -> tuple[list[str], list[str], float]:
    subj, passive = _subject_tok(v)
    passive = passive or _is_passive(v)
    subj_actors = _np_actors(subj, state) if subj is not None else []
    conf = 0.9
    if passive:
        sources = _agent(v, state)
        targets = subj_actors
    else:
        sources = subj_actors
        targets = []
        if entry.frame == "demand":
            for o in _objects(v):
                targets += _np_actors(o, state)
            targets = targets or _prep_objects(v, ("on", "to", "upon"), state)
            if not targets:  # demanded that Minsk release ...
                for c in v.children:
                    if c.dep_ == "ccomp":
                        s2, _ = _subject_tok(c)
                        if s2 is not None:
                            targets = _np_actors(s2, state)
        elif entry.frame == "consider":
            toks = [t for c in v.children if c.dep_ in ("dobj", "xcomp") for t in c.subtree]
            for t in toks:
                for m in state.mention_of.get(t.i, []):
                    if m.actor_id not in targets and _type(state, m.actor_id) not in NOT_PARTIES:
                        targets.append(m.actor_id)
        else:
            for o in _objects(v):
                targets += [a for a in _np_actors(o, state) if a not in targets]
            if not targets:
                targets = _prep_objects(v, TARGET_PREPS, state)
            for x in v.children:  # refused to release Bialiatski: the complement's object
                if not targets and x.dep_ == "xcomp":
                    for o in _objects(x):
                        targets += [a for a in _np_actors(o, state) if a not in targets]
    if not targets and "focus" in entry.flags and state.focus:
        targets, conf = [state.focus], 0.5
    return sources, targets, conf


def _emit(hit: _Hit, sent, doc, sent_dates, state: _State, polarity: str, modality: str) -> None:
    v = hit.verb
    date, source = _event_date(v, doc, sent_dates, state)
    base = mention_fields(
        sent, v.idx, v.idx + len(v.text), v.text, hit.entry.code, date, source,
        polarity, modality, _location(v, state), state.published,
    )
    if hit.entry.frame == "sym":
        side_a, side_b = hit.sources[:4], hit.targets[:4]
        if side_b:
            pairs = [(a, b) for a in side_a for b in side_b]
        else:
            pairs = [(a, b) for i, a in enumerate(side_a) for b in side_a[i + 1 :]]
        pairs = [(a, b) for a, b in pairs if not _same_party(state, a, b)]
        for a, b in dict.fromkeys(tuple(sorted(p)) for p in pairs):
            state.events.append(
                EventMention(
                    source_actor_id=a, target_actor_id=b, confidence=0.85, symmetric=True, **base
                )
            )
        return
    sources = hit.sources[:3]
    targets = hit.targets[:3] or [""]
    if not sources or (targets == [""] and "needs_target" in hit.entry.flags):
        return
    for s in sources:
        for t in targets:
            if t and _same_party(state, s, t):
                continue
            state.events.append(
                EventMention(
                    source_actor_id=s,
                    target_actor_id=t,
                    confidence=round(hit.confidence * (0.9 if t else 0.8), 2),
                    **base,
                )
            )


def _code_sentence(doc, sent, sent_dates, state: _State, embedded: bool) -> None:
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None:
        return
    entries = {t.i: _entry_for(t) for t in span}
    for v in span:
        entry = entries.get(v.i)
        if entry is None:
            continue
        # a complement of another trigger is that trigger's business (refused to release,
        # urged X to ease, considered importing): coded only as an embedded act
        gov = v.head if v.dep_ in ("xcomp", "ccomp") and v.head is not v else None
        gov_entry = entries.get(gov.i) if gov is not None else None
        if gov_entry is not None:
            if not embedded or gov_entry.frame not in ("demand", "consider"):
                continue
            sources, targets, conf = _roles(v, entry, state)
            if gov_entry.frame == "demand":
                g_sources, g_targets, _ = _roles(gov, gov_entry, state)
                sources = g_targets or sources
                modality = "demanded"
            else:
                sources, _, _ = _roles(gov, gov_entry, state)
                modality = "considered"
            hit = _Hit(entry, v, sources, targets, modality, conf)
            _emit(hit, sent, doc, sent_dates, state, _polarity(v), modality)
            continue
        sources, targets, conf = _roles(v, entry, state)
        entry = _demand_code(v, entry, state)
        hit = _Hit(entry, v, sources, targets, "", conf)
        _emit(hit, sent, doc, sent_dates, state, _polarity(v), _modality(v, span))


def _demand_code(v, entry: LexEntry, state: _State) -> LexEntry:
    """A demand whose embedded act is negated (urged the EU not to ease sanctions) asks
    for no specific CAMEO act: the generic row of the trigger (100)."""
    if entry.frame != "demand" or not entry.pattern:
        return entry
    for c in v.children:
        if c.dep_ in ("xcomp", "ccomp") and _polarity(c) == "negated":
            return match_entry(v.lemma_.lower(), _particles(v), " ") or entry
    return entry


def code_events_en(doc, embedded: bool = False) -> list[EventMention]:
    """EventMentions for every coded clause of an English Doc (parsed, with mentions)."""
    mentions: list[Mention] = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end))
    actors: dict[str, Actor] = doc._.actors or {}
    mention_of: dict[int, list[Mention]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for t in span if span is not None else []:
            mention_of.setdefault(t.i, []).append(m)
    dates = calendar_mentions(doc._.dates)
    state = _State(actors, mention_of, _focus_state(mentions, actors), doc._.published or "")
    d_i = 0
    for sent in sorted(doc._.sentences or [], key=lambda s: s.start):
        if sent.paragraph != state.para:
            state.para, state.para_date = sent.paragraph, None
            if (
                state.last_date is not None
                and sent.paragraph - state.last_date[0] <= DISCOURSE_DATE_PARAGRAPHS
            ):
                state.para_date = state.last_date[1]
        s_dates = []
        while d_i < len(dates) and dates[d_i].start < sent.end:
            if dates[d_i].end > sent.start:
                s_dates.append(dates[d_i])
            d_i += 1
        _code_sentence(doc, sent, s_dates, state, embedded)
        if s_dates and sent.kind != "heading":
            state.para_date = s_dates[-1]
            state.last_date = (sent.paragraph, s_dates[-1])
    return state.events


__all__ = ["LexEntry", "code_events_en", "load_lexicon_en", "match_entry"]
