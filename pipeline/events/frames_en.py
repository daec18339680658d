"""English front end of the event coder: spaCy's dependency parse -> predicate frames.

Every verb of a sentence becomes a `Frame` (pipeline.model): its lemma, the particles
and prepositions it governs, the text of its object and complements (the lexicon's
keys), and its arguments with their roles, voice normalised:

- agent: the subject (nsubj; shared by conjoined verbs, inherited by an xcomp, the
  object of "urged X to" for the act asked for, the head noun of a relative clause);
  in the passive the "by X" phrase;
- patient: the direct object (dobj, dative, attr, oprd), in the passive the subject;
  the object of an xcomp below (refused to release Bialiatski) with how=complement;
- recipient (to / on / upon X), partner (with X), oblique (against / at / toward /
  into X), in the order written; location (in / at / near a place);
- content: actors named anywhere inside the object or the complement (considering
  imports from Russia); content_agent: the subject of a that-clause (demanded that
  Minsk release ...).

A noun phrase names its actors on its head, else on its modifiers (Belarusian
potash) or its prepositional objects (sanctions on Belarus), with conjuncts.

Polarity (not / never / fail to), modality (if / could / will / plans to /
reportedly / is said to; must / should: demanded) and the date (the clause's, else the sentence's, else the
paragraph discourse's, else publication) are read here too; `governor` links the
complement of another verb (urged X *to ease*) to that verb's frame.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from pipeline.dates import calendar_mentions, calendar_value, carried_date
from pipeline.model import Actor, Arg, DateMention, Frame, Mention

RECIPIENT_PREPS = ("on", "to", "upon")
PARTNER_PREPS = ("with",)
OBLIQUE_PREPS = ("against", "toward", "towards", "at", "into")
TARGET_PREPS = (*RECIPIENT_PREPS, *PARTNER_PREPS, *OBLIQUE_PREPS)
ORIGIN_PREPS = ("from",)  # whom a demand asks (an apology from Iran): read by demands only
LOCATION_PREPS = ("in", "at", "near", "inside", "outside")
INTENT_VERBS = {
    "plan", "intend", "aim", "want", "seek", "hope", "expect", "prepare", "decide", "wish",
    "mean", "set", "propose", "threaten",
}  # fmt: skip
REPORT_VERBS = {"say", "report", "believe", "allege", "think", "understand", "rumor", "rumour"}
REPORT_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would"}
OBLIGATION_AUX = {"must", "should"}  # foreign powers must leave: an act asked for
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
NEGATING_VERBS = {"fail", "refuse", "decline"}
NEGATIONS = {"not", "n't", "never", "no"}
FIRST_PERSON = {"i", "we"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "parataxis", "xcomp", "csubj", "acl"}
STATE_TYPES = ("STATE", "GOVERNMENT")
NOT_PARTIES = ("PLACE",)
OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
OBJECT_TEXT_DEPS = (
    "dobj", "nsubjpass", "xcomp", "ccomp", "attr", "dative", "oprd", "prep", "prt", "advcl",
)  # fmt: skip


def _prep_role(prep: str) -> str:
    if prep in RECIPIENT_PREPS:
        return "recipient"
    return "partner" if prep in PARTNER_PREPS else "oblique"


@dataclass
class _Doc:
    """What the front end reads besides the parse: actors, mentions by token, dates."""

    actors: dict[str, Actor]
    mention_of: dict[int, list[Mention]]  # token index -> mentions covering it
    published: str
    para: int = -1
    para_date: DateMention | None = None
    last_date: tuple[int, DateMention] | None = None
    frames: list[Frame] = field(default_factory=list)
    # (sentence id, targets) of the last violent act told with no one doing it (the base was
    # hit by drones): what a later claim of responsibility for "the attack" is aimed at
    unclaimed: tuple[int, tuple[str, ...], str, str] | None = None  # (+ its lemma, object words)


def _type(st: _Doc, aid: str) -> str:
    a = st.actors.get(aid)
    return a.type if a else ""


def focus_state(mentions: list[Mention], actors: dict[str, Actor]) -> str:
    """The state an article is mostly about: the country of most state / government mentions."""
    counts: Counter[str] = Counter()
    for m in mentions:
        a = actors.get(m.actor_id)
        if a is not None and a.type in STATE_TYPES and a.country:
            counts[a.country] += 1
    return counts.most_common(1)[0][0] if counts else ""


# --------------------------------------------------------------------------- phrases


def text_of(tokens) -> str:
    """Lemmas and forms of tokens, lower-cased, space-padded (for object patterns)."""
    words = []
    for t in tokens:
        words.append(t.lemma_.lower())
        if t.lower_ != t.lemma_.lower():
            words.append(t.lower_)
    return " " + " ".join(words) + " "


def np_actors(tok, st: _Doc, depth: int = 0, upto: int | None = None) -> list[str]:
    """Actors a noun phrase names: a mention on its head, else on its modifiers
    (Belarusian potash, the Lukashenko government) or prepositional objects
    (sanctions on Belarus), with conjuncts (the U.S. and the EU) — those before token
    `upto` when given."""
    out: list[str] = []
    for t in [tok, *(c for c in tok.conjuncts if upto is None or c.i < upto)]:
        members = _members(t, st, depth)
        if members:  # countries including Algeria and Morocco: the countries listed
            out += [a for a in members if a not in out]
            continue
        found = [m.actor_id for m in st.mention_of.get(t.i, [])]
        if found:  # the navies of China, India and Oman: the states listed after the first
            for p in (p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"):  # fmt: skip
                listed = [*p.conjuncts, *(a for c in p.children if c.dep_ == "appos"
                                          for a in (c, *c.conjuncts))]  # fmt: skip
                for q in listed:  # (the parser may hang the list on an apposition)
                    found += [m.actor_id for m in st.mention_of.get(q.i, [])
                              if m.actor_id not in found and _type(st, m.actor_id) == "STATE"]  # fmt: skip
        if not found:
            for c in t.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod", "appos"):
                    found += [m.actor_id for m in st.mention_of.get(c.i, [])]
                    if c.dep_ == "compound" and t.pos_ == "NOUN" and not st.mention_of.get(c.i):
                        # Houthi drone attacks: the name modifies the modifier
                        found += [m.actor_id for x in c.children if x.dep_ in ("compound", "amod") and x.i < c.i
                                  for m in st.mention_of.get(x.i, [])]  # fmt: skip
                if c.dep_ == "poss" and c.lower_ == "whose" and depth < 2:
                    found += np_actors(_antecedent(c), st, depth + 1)
        if not found and depth < 2:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in (*TARGET_PREPS, "of", "for", "over", "by",
                                                     "from"):  # officials from Iran
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found += np_actors(p, st, depth + 1)
        if depth < 2:  # two senators, John Tester and Mary Kaine: the people named; the
            for c in t.children:  # militant organisation, the Islamic State: the group named
                if c.dep_ == "appos":
                    named = np_actors(c, st, depth + 1)
                    if any(_type(st, a) == "PERSON" for a in named) or (
                        named and all(_generic(st, a) for a in found if a not in named)
                        and any(_type(st, a) in ("ORG", "IGO") for a in named)
                    ):
                        found = named
        found = [a for a in found if _type(st, a) not in NOT_PARTIES]
        if any(_type(st, a) == "PERSON" for a in found):
            # the Turkish President Erdoğan, the Senate Majority Leader, Mitch McConnell: the
            # state or organ qualifies the person, it is no party
            found = [a for a in found if _type(st, a) not in STATE_TYPES]
        for aid in found:
            if aid not in out:
                out.append(aid)
    return out


def _pobj_actors(prep, st: _Doc, depth: int = 0) -> list[str]:
    """The actors the objects of a preposition name (sanctions on Belarus: Belarus)."""
    return [a for p in prep.children if p.dep_ == "pobj" for a in np_actors(p, st, depth)]


MEMBER_PREPS = ("including", "like", "as")  # countries including X; states such as X


def _members(noun, st: _Doc, depth: int) -> list[str]:
    """The parties a plural noun lists as its members (Muslim-majority countries including
    Algeria and Morocco; groups such as Amnesty International), else none."""
    if depth >= 2 or noun.tag_ not in ("NNS", "NNPS"):
        return []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS and (
            c.lower_ != "as" or any(x.lower_ == "such" for x in noun.children)
        ):
            listed = _pobj_actors(c, st, depth + 1)
            if listed:
                return listed
    return []


def _generic(st: _Doc, aid: str) -> bool:
    """A sector actor of a state (TUN_UAF, HKG_COP): what a noun, not a name, refers to."""
    a = st.actors.get(aid)
    return a is not None and a.type in ("GROUP", "GOVERNMENT") and bool(a.sector) and aid.startswith(a.country + "_")


def _antecedent(rel):
    """The noun a relative word (who, whose, which) stands for: the head of its
    relative clause (Tsikhanouskaya, whose husband was arrested)."""
    t = rel
    while t.dep_ != "relcl" and t.head.i != t.i:
        t = t.head
    return t.head if t.dep_ == "relcl" else rel


def _author_of_object(noun):
    """The verb whose object a noun is (or lies inside: a message on Twitter), if any."""
    t, in_object = noun, False
    while t.head.i != t.i and t.dep_ in ("dobj", "attr", "pobj", "prep", "appos", "compound"):
        in_object = in_object or t.dep_ in ("dobj", "attr")
        t = t.head
    return t if in_object and is_predicate(t) else None


def subject_tok(v):
    """(subject token, passive?, how) of a verb: its own, else the one it shares or inherits."""
    # the subject nearest the verb (By mid-April the country was considering: not "April")
    for c in sorted(v.children, key=lambda c: abs(v.i - c.i)):
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return v.head, False, "inherited"
            return c, False, "explicit"
        if c.dep_ in ("nsubjpass", "csubjpass"):
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return antecedent_noun(v), True, "inherited"  # Babaryka, who was arrested
            return c, True, "explicit"
    for c in v.children:  # he can and may declare: the parser hangs "he" on "can"
        if c.dep_ == "aux":
            for x in c.children:
                if x.dep_ in ("nsubj", "nsubjpass"):
                    return x, x.dep_ == "nsubjpass", "explicit"
    if v.dep_ == "relcl":
        return antecedent_noun(v), False, "inherited"
    if v.dep_ == "acl" and v.tag_ == "VBN":  # the martial law imposed by Marcos: passive
        return v.head, True, "inherited"
    if v.dep_ == "acl" and v.tag_ == "VBG":
        author = _author_of_object(v.head)
        if author is not None:  # posted a message blaming Iran: the poster blames
            subj, _, _ = subject_tok(author)
            return subj, False, "inherited"
    if v.dep_ in ("conj", "xcomp", "advcl", "acl") and v.head.i != v.i:
        if v.dep_ == "xcomp":  # object control: urged the EU to ..., pressed Minsk to ...
            for c in v.head.children:
                if c.dep_ in ("dobj", "dative"):
                    return c, False, "inherited"
        subj, passive, _ = subject_tok(v.head)
        return subj, (passive if v.dep_ == "conj" else False), "inherited"
    return None, False, ""


PLACE_ENTS = ("GPE", "LOC", "FAC")


def antecedent_noun(rel):
    """The noun a relative clause describes: its head, unless the parser hung it on a
    place that is the object of a clause describing another noun (a coalition to patrol
    the Gulf, which was joined by X: the coalition, not the Gulf)."""
    noun = rel.head
    if noun.ent_type_ not in PLACE_ENTS or noun.dep_ != "dobj":
        return noun
    verb = noun.head  # (a coalition) to patrol the Gulf
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    if verb.dep_ in ("xcomp", "advcl"):  # announced a coalition to patrol the Gulf
        return next((c for c in verb.head.children if c.dep_ == "dobj"), noun)
    return noun


def owner(noun, st: _Doc) -> list[str]:
    """Whose a thing is, read from the clause it is the object of (the United States
    announced a coalition: the coalition is the United States'), else none."""
    author = _author_of_object(noun)
    if author is None or author.i == noun.i:
        return []
    subj, passive, _ = subject_tok(author)
    if passive:
        return _by_agent(author, st)
    return np_actors(subj, st) if subj is not None else []


def _relative_clause(v):
    """The relative clause a verb heads or is conjoined in (who was arrested and banned)."""
    t = v
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t if t.dep_ == "relcl" else None


def is_passive(v) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def _by_agent(v, st: _Doc) -> list[str]:
    for c in v.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return np_actors(p, st)
    return []


def _prep_args(v, st: _Doc) -> list[Arg]:
    """recipient / partner / oblique args of the target prepositions, in the order written."""
    out: list[Arg] = []
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS:  # expect an apology from Iran
            found = _pobj_actors(c, st)
            if found:
                out.append(Arg("origin", tuple(found), marker=c.lower_))
        if c.dep_ in ("prep", "prt", "dative") and c.lower_ in TARGET_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    found = np_actors(p, st)
                    if found:
                        out.append(Arg(_prep_role(c.lower_), tuple(found), marker=c.lower_))
        elif c.dep_ == "advmod":  # move closer to X
            out += _prep_args(c, st)
    return out


def _location(v, st: _Doc) -> str:
    """The place of a verb's in / at / near phrase; also one the parser hangs on the verb's
    object set off by a comma (met with Khalilzad, a US envoy, in Qatar): a phrase after a
    comma tells where the act was, not which person."""
    preps = [c for c in v.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS]
    nouns = [o for o in _objects(v)] + [p for c in v.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS
                                        for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    preps += [c for n in nouns for c in n.children
              if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS and c.i > 0 and c.doc[c.i - 1].text == ","]  # fmt: skip
    for c in preps:
        for p in c.children:
            if p.dep_ == "pobj":
                for m in st.mention_of.get(p.i, []):
                    if _type(st, m.actor_id) in ("PLACE", "STATE"):
                        return m.actor_id
    return ""


def _content_tokens(tok):
    """A phrase's tokens without the relative clauses of its nouns (announced a coalition,
    which was joined by Australia: Australia is not what was announced)."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if not (c.dep_ == "relcl" and t.pos_ in ("NOUN", "PROPN")))
    return out


def _by_in_object(v, st: _Doc) -> list[str]:
    """The parties of the first "by X" in a verb's object and prepositional phrases, outside
    any clause (attacked the proclamation of the Golan Heights as Israeli territory by
    Trump): whose the thing acted on is."""
    stack = [c for c in v.children if c.dep_ in ("agent", "prep", "dobj")]
    stack.sort(key=lambda t: t.i, reverse=True)
    while stack:
        t = stack.pop()
        if t.dep_ in ("agent", "prep") and t.lower_ == "by":
            found = _pobj_actors(t, st)
            if found:
                return found
        stack.extend(sorted((c for c in t.children if c.dep_ not in CLAUSE_DEPS),
                            key=lambda c: c.i, reverse=True))  # fmt: skip
    return []


def _objects(v):
    return [c for c in v.children if c.dep_ in OBJECT_DEPS]


def _args(v, st: _Doc) -> tuple[Arg, ...]:
    subj, passive, how = subject_tok(v)
    passive = passive or is_passive(v)
    rel = _relative_clause(v)  # Babaryka, who was arrested; and Tsapkala: not Tsapkala
    upto = rel.i if rel is not None and subj is not None and subj.i == rel.head.i else None
    subj_actors = tuple(np_actors(subj, st, upto=upto)) if subj is not None else ()
    args: list[Arg] = []
    if subj is not None and not subj_actors and subj.lower_ in FIRST_PERSON:
        args.append(Arg("agent", (), "first_person"))  # I / we: the speaker, in a quote
    if passive:
        agent = _by_agent(v, st)
        if agent:
            args.append(Arg("agent", tuple(agent), marker="by"))
        if subj_actors:
            args.append(Arg("patient", subj_actors, how))
        elif subj is not None and how == "inherited":  # a coalition (the US announced),
            found = owner(subj, st)  # which was joined by X: aimed at the coalition's owner
            if found:
                args.append(Arg("owner", tuple(found), "np"))
    else:
        if subj_actors:
            args.append(Arg("agent", subj_actors, how))
        patient: list[str] = []
        owners = _by_in_object(v, st)  # attacked the proclamation (of X as Y) by Trump
        for o in _objects(v):
            patient += [a for a in np_actors(o, st) if a not in patient]
        if owners:  # criticised the recognition of Kosovo by the US: aimed at the US
            patient = owners
        if patient:
            args.append(Arg("patient", tuple(patient)))
        args += _prep_args(v, st)
        if owners:
            args.append(Arg("oblique", tuple(owners), "np", "by"))
        for x in v.children:  # refused to release Bialiatski: the complement's object
            if x.dep_ == "xcomp":
                found: list[str] = []
                for o in _objects(x):
                    found += [a for a in np_actors(o, st) if a not in found]
                if found:
                    args.append(Arg("patient", tuple(found), "complement"))
        content: list[str] = []
        said = [c for c in v.children if c.dep_ in ("dobj", "xcomp")
                or (c.dep_ == "ccomp" and not is_predicate(c))]  # said it was Iran's doing
        for t in (t for c in said for t in _content_tokens(c)):
            for m in st.mention_of.get(t.i, []):
                if m.actor_id not in content and _type(st, m.actor_id) not in NOT_PARTIES:
                    content.append(m.actor_id)
        if content:
            args.append(Arg("content", tuple(content), "np"))
        clause_agent: list[str] = []
        for c in v.children:  # demanded that Minsk release ... (the last that-clause)
            if c.dep_ == "ccomp":
                s2, _, _ = subject_tok(c)
                if s2 is not None:
                    clause_agent = np_actors(s2, st)
        if clause_agent:
            args.append(Arg("content_agent", tuple(clause_agent)))
    loc = _location(v, st)
    if loc:
        args.append(Arg("location", (loc,), marker="in"))
    return tuple(args)


# --------------------------------------------------------------------------- attributes


def _chain(v):
    """The verb and the verbs it is the complement of (plans to visit -> visit, plans)."""
    out = [v]
    while v.dep_ in ("xcomp",) and v.head.i != v.i:
        v = v.head
        out.append(v)
    return out


def polarity(v) -> str:
    for t in _chain(v):
        if any(
            c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ == "advmod") for c in t.children
        ):
            return "negated"
        if t is not v and t.lemma_.lower() in NEGATING_VERBS:
            return "negated"
    return "affirmed"


def modality(v) -> str:
    chain = _chain(v)
    heads = [*chain]
    if v.dep_ == "conj":
        heads += _chain(v.head)
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in v.children):
        return "demanded"
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
        if t is not v and t.lemma_.lower() in REPORT_VERBS and is_passive(t):
            return "reported"  # is said to, is reported to
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                return "reported"
    # "X was said to have ..." parsed with the trigger under a passive say
    head = v.head
    if v.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in REPORT_VERBS and is_passive(head):
        return "reported"
    return "asserted"


# --------------------------------------------------------------------------- dates


BACKGROUND_DEPS = ("relcl", "acl")  # a clause describing a noun: the proclamation, which was made on Monday
BACKGROUND_PREPS = ("since", "until", "till")  # since 1995: where a span starts, no event's date


def _clause_indices(v) -> set[int]:
    """Tokens of the verb's own clause: its subtree without the clauses below it (a
    clause describing one of its nouns is that noun's background, not this verb's)."""
    out = {v.i}
    stack = [c for c in v.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(
            c for c in t.children
            if c.dep_ not in CLAUSE_DEPS
            or (t.pos_ in ("NOUN", "PROPN") and c.dep_ not in BACKGROUND_DEPS)
        )  # fmt: skip
    return out


def is_background(tok) -> bool:
    """Is a (date) token in a clause describing a noun (the election, to be held on August
    9; amendments issued since 1995) or the start of a span (since June)?"""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in BACKGROUND_PREPS or tok.head.lower_ in BACKGROUND_PREPS:
        return True
    t = tok
    while t.head.i != t.i:
        if t.dep_ in BACKGROUND_DEPS:
            return True
        t = t.head
    return False


def _event_date(v, located: list[tuple[int, DateMention]], st: _Doc) -> tuple[str, str]:
    own = _clause_indices(v)
    for i, d in located:
        if i in own:
            return calendar_value(d.value), "clause"
    t = v
    while t.dep_ in ("conj", "xcomp", "advcl", "ccomp", "relcl") and t.head.i != t.i:
        t = t.head
        up = _clause_indices(t)
        for i, d in located:
            if i in up:
                return calendar_value(d.value), "clause"
    before = [d for i, d in located if 0 <= i < v.i and not is_background(v.doc[i])]
    if before:
        return calendar_value(before[0].value), "clause"
    if st.para_date is not None:
        return calendar_value(st.para_date.value), "discourse"
    return calendar_value(st.published) or st.published, "publication"


# --------------------------------------------------------------------------- frames


def particles(v) -> frozenset[str]:
    """The particles, prepositions and adverbs a verb governs, with prepositions conjoined
    to them (voted for the first article but against the second: for, against)."""
    own = [c for c in v.children if c.dep_ in ("prt", "prep", "advmod", "dative")]
    joined = [x for c in own if c.dep_ == "prep" for x in c.conjuncts if x.pos_ == "ADP"]
    joined += [c for c in v.children if c.dep_ == "conj" and c.pos_ == "ADP"]  # (parsed so too)
    return frozenset(c.lower_ for c in (*own, *joined))


def object_text(v) -> str:
    toks = []
    if v.dep_ in ("relcl", "acl") and subject_tok(v)[1]:  # the coalition, which was joined
        noun = subject_tok(v)[0]
        toks += sorted([noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))],
                       key=lambda t: t.i)  # fmt: skip
    for c in v.children:
        if c.dep_ in OBJECT_TEXT_DEPS:
            if c.dep_ == "advcl" and not any(x.lower_ == "to" for x in c.children):
                continue
            toks.extend(c.subtree)
    return text_of(toks)


BEFORE_WINDOW = 6


def words_around(v, span, st: _Doc) -> tuple[tuple, tuple]:
    """(form, lemma, is_actor) of the words before the trigger (its subtree's left part and
    a few words before that, within the sentence) and after it (its subtree to the right)."""
    start = max(span.start, min(v.left_edge.i, v.i - BEFORE_WINDOW))
    doc = v.doc

    def word(t) -> tuple[str, str, str]:
        party = any(_type(st, m.actor_id) not in NOT_PARTIES for m in st.mention_of.get(t.i, ()))
        return (t.lower_, t.lemma_.lower(), "A" if party else "")

    before = tuple(word(t) for t in doc[start : v.i] if not t.is_space)
    after = tuple(
        word(t) for t in doc[v.i + 1 : v.right_edge.i + 1] if not t.is_space and t.i < span.end
    )
    return before, after


def is_predicate(v) -> bool:
    return (v.pos_ == "VERB" or v.tag_.startswith("VB")) and v.pos_ != "AUX"


def _sentence_frames(doc, sent, sent_dates, st: _Doc) -> None:
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None:
        return

    def first_tok(d: DateMention) -> int:
        s = doc.char_span(d.start, d.end, alignment_mode="expand")
        return s[0].i if s is not None and len(s) else -1

    located = [(first_tok(d), d) for d in sent_dates]
    index_of: dict[int, int] = {}
    pending: list[tuple[object, dict]] = []
    nominals, light = load_nominals()
    carried: set[int] = set()  # event nouns read through their light verb
    for v in span:
        if is_predicate(v):
            clause = v
        elif v.pos_ == "NOUN" and v.lemma_.lower() in nominals and v.i not in carried:
            clause = _clause_verb(v)
        else:
            continue
        index_of[v.i] = len(st.frames) + len(pending)
        date, date_source = _event_date(clause, located, st)
        if clause is not v:  # an event noun's own clause (the attack, which came on Monday)
            own = {t.i for c in v.children if c.dep_ in BACKGROUND_DEPS for t in c.subtree}
            date, date_source = next(((calendar_value(d.value), "clause") for i, d in located
                                      if i in own), (date, date_source))  # fmt: skip
        before, after = words_around(v, span, st)
        fields = dict(
            index=index_of[v.i],
            sentence_id=sent.sentence_id,
            sentence_kind=sent.kind,
            start=v.idx,
            end=v.idx + len(v.text),
            trigger=v.text,
            lemma=v.lemma_.lower(),
            particles=particles(v),
            object_text=object_text(v),
            args=_args(v, st),
            voice="passive" if is_passive(v) or subject_tok(v)[1] else "active",
            polarity=polarity(clause),
            modality=modality(clause),
            date=date,
            date_source=date_source,
            before=before,
            after=after,
        )
        if clause is not v:  # Taliban attack, criticism by the minister
            agent = _noun_agent(v, st)
            crowd = _crowd_noun(v, agent, nominals, st)
            where: tuple[Arg, ...] = ()
            if crowd is not None:  # the protests began in June: the country's protesters
                agent, where = crowd
            if not agent:
                if nominals[v.lemma_.lower()] in VIOLENT_VERBS:  # a bombing in X hit Y
                    where_hit = Arg("location", tuple(_noun_places(v, st)))
                    _note_unclaimed(sent.sentence_id, [*_noun_targets(v, st), *_args(clause, st), where_hit],
                                    st, _noun_fields(v, nominals, st))  # fmt: skip
                del index_of[v.i]
                continue
            # did not accede to the protesters' demands: the demands were made all the same
            negated = any(c.dep_ == "det" and c.lower_ == "no" for c in v.children)
            targets, keys = _noun_targets(v, st), {}
            if not targets and _responsible(v) is not None:  # claimed the attack told before
                targets, keys = _claimed(sent.sentence_id, st)
            fields.update(_noun_fields(v, nominals, st), **keys, args=(agent, *targets, *where),
                          voice="active", polarity="negated" if negated else "affirmed")  # fmt: skip
        elif v.lemma_.lower() in light:
            noun = next((c for c in v.children if c.dep_ == "dobj"
                         and c.lemma_.lower() in nominals), None)  # fmt: skip
            if noun is not None:  # made threats against X: threaten + against X
                carried.add(noun.i)
                agent = [a for a in fields["args"] if a.role == "agent"]
                # made threats against X; made a plea to X (the verb's to-phrase)
                targets = _noun_targets(noun, st) or _prep_args(v, st)
                fields.update(_noun_fields(noun, nominals, st), support="light",
                              args=(*agent, *targets))  # fmt: skip
        if is_predicate(v) and v.lemma_.lower() in VIOLENT_VERBS and not any(a.role == "agent" for a in fields["args"]):
            args = fields["args"]
            if not any(a.role in TARGET_ROLES for a in args) and subject_tok(v)[1]:
                # facilities belonging to Saudi Aramco were hit: the last party named in them
                named = [m.actor_id for t in subject_tok(v)[0].subtree for m in st.mention_of.get(t.i, [])
                         if _type(st, m.actor_id) not in NOT_PARTIES]  # fmt: skip
                args = (Arg("patient", tuple(named[-1:])),) if named else ()
            _note_unclaimed(sent.sentence_id, args, st, fields)  # the base was hit (by drones)
        if is_predicate(v) and _crowd_subject(v, fields["args"]):
            # thousands marched, Hongkongers rallied: the protesters of where it happened
            fields["args"] = (Arg("agent", (), "implied", CROWD_AGENTS[v.lemma_.lower()]), *fields["args"])
        pending.append((v, fields))
    for v, fields in pending:
        comp = v.head if v.dep_ == "conj" and v.head.dep_ in ("xcomp", "ccomp") else v
        # promised to conduct elections and (to) hold a referendum: both promised
        gov = comp.head if comp.dep_ in ("xcomp", "ccomp") and comp.head.i != comp.i else None
        if gov is not None and gov.i in index_of and is_predicate(v):
            fields.update(governor=index_of[gov.i], governor_rel="complement")
        st.frames.append(Frame(**fields))


@lru_cache(maxsize=1)
def load_nominals() -> tuple[dict[str, str], frozenset[str]]:
    """(event noun -> the verb it names, light verbs): nominals_en.tsv, light_verbs_en.tsv."""

    def rows(name: str) -> list[dict[str, str]]:
        text = (resources.files("pipeline") / "data" / "events" / name).read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        return list(csv.DictReader(lines, delimiter="\t"))

    nouns = {r["noun"]: r["verb"] for r in rows("nominals_en.tsv")}
    return nouns, frozenset(r["verb"] for r in rows("light_verbs_en.tsv") if r["kind"] == "light")


def _clause_verb(tok):
    """The verb whose clause a noun is in (for its date, polarity and modality)."""
    t = tok
    while t.head.i != t.i and not is_predicate(t):
        t = t.head
    return t


def _noun_fields(noun, nominals: dict[str, str], st: _Doc) -> dict:
    """The lexicon keys of an event noun: its verb, its prepositions, its phrase's words."""
    preps = frozenset(c.lower_ for c in noun.children if c.dep_ == "prep")
    words = text_of(t for t in noun.subtree if t.i != noun.i)
    return dict(start=noun.idx, end=noun.idx + len(noun.text), trigger=noun.text,
                lemma=nominals[noun.lemma_.lower()], particles=preps, object_text=words)  # fmt: skip


def _noun_agent(noun, st: _Doc) -> Arg | None:
    """Who an event noun says acts: a possessor (Iran's), an actor before it (Taliban attack,
    Iranian assistance) or "by X" (criticism by the foreign minister)."""
    inner = [x for c in noun.children if c.dep_ == "compound" and c.i < noun.i
             for x in c.children if x.dep_ in ("compound", "amod") and x.i < c.i]  # Houthi drone attacks
    for c in [*noun.children, *inner]:
        found: list[str] = []
        named = c.pos_ == "PROPN" or c.text[:1].isupper()  # Taliban, Iranian: not judge-led
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and named):
            found = np_actors(c, st)
        elif c.dep_ == "prep" and c.lower_ == "by":
            found = _pobj_actors(c, st)
        if found:
            return Arg("agent", tuple(found), "np", "by" if c.lower_ == "by" else "")
    claimer = _responsible(noun)
    if claimer is not None:  # the Taliban claimed responsibility for the attack: theirs
        found = np_actors(claimer, st)
        if found:
            return Arg("agent", tuple(found), "inherited")
    if noun.lemma_.lower() in MEETING_NOUNS and noun.dep_ == "pobj":
        # Johnson said … in conjunction with a visit to Ireland: a visit in a phrase of
        # the clause is its subject's (an attack there is not: Russia condemned the attack)
        verb = _clause_verb(noun)
        for _ in range(3):  # (a statement released with a visit: up to who made it)
            subj = subject_tok(verb)[0] if is_predicate(verb) else None
            found = np_actors(subj, st) if subj is not None else []
            if found:
                return Arg("agent", tuple(found), "inherited")
            if verb.head.i == verb.i:
                break
            verb = _clause_verb(verb.head)
    return None


# Acts a crowd does, with the CAMEO sector of the people who do them when no one is
# named: "the protests began in June", "thousands marched" are the protesters' (OPP) of
# the country where they happen (pipeline.english.events.implied_agents names them).
CROWD_AGENTS = {"protest": "OPP", "demonstrate": "OPP", "rally": "OPP", "march": "OPP", "take": "OPP",
                "go": "OPP"}
CROWD_PHRASES = {"take": " street", "go": " strike"}  # took to the streets, went on strike
# the words for a crowd that are no party (people, thousands, residents)
CROWD_WORDS = {
    "people", "thousand", "thousands", "hundred", "hundreds", "million", "millions", "ten",
    "tens", "crowd", "crowds", "resident", "residents", "citizen", "citizens", "demonstrator",
    "demonstrators", "protester", "protesters", "protestor", "protestors", "activist",
    "activists", "supporter", "supporters", "student", "students", "worker", "workers",
    "opponent", "opponents", "woman", "women", "many", "some", "others", "they",
}  # fmt: skip
# a protest named where no one stages it (the protests began; weeks of protests; met with
# protests), not one asked for, banned or planned (called for protests, banned rallies):
# the noun's dependency, and the preposition it is the object of
CROWD_NOUNS = {"protest": "OPP", "demonstration": "OPP"}  # (a rally is often someone's)
CROWD_NOUN_DEPS = ("nsubj", "nsubjpass", "pobj", "conj", "appos")
CROWD_PREPS = ("of", "with", "amid", "after", "following", "since", "despite", "in")


def _crowd_noun(noun, agent: Arg | None, nominals: dict[str, str], st: _Doc) -> tuple[Arg, tuple[Arg, ...]] | None:
    """(implied agent, where) of a protest noun that names no party staging it, or whose
    only party is the state or place where it is held ("Hong Kong protests": Hong Kong is
    where); the agent has role agent, how "implied", marker the sector, and no actors
    (pipeline.english.events.implied_agents names them). None for other nouns."""
    sector = CROWD_NOUNS.get(noun.lemma_.lower())
    if sector is None or noun.dep_ not in CROWD_NOUN_DEPS:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ not in CROWD_PREPS:
        return None
    if any(c.dep_ in ("compound", "amod") and c.lower_ in ("election", "campaign", "electoral") for c in noun.children):
        return None  # an election rally is a candidate's
    implied = Arg("agent", (), "implied", sector)
    # anti-government protests: against the government of where they are held
    words = [t.lower_ for c in noun.children if c.dep_ in ("amod", "compound") for t in c.subtree]
    against = (Arg("oblique", (), "implied", "GOV"),) if "anti" in words and "government" in words else ()
    if noun.dep_ == "pobj" and noun.head.lower_ == "in":
        subj = subject_tok(_clause_verb(noun))[0]
        if subj is not None and np_actors(subj, st):
            return None  # took part in protests, walked out in protest: the subject's act
    if agent is None:
        places = _noun_places(noun, st)
        return implied, (*against, *((Arg("location", tuple(places), "np"),) if places else ()))
    if not all(_type(st, a) in ("STATE", "PLACE", "REGION") for a in agent.actors):
        return None
    return implied, (*against, Arg("location", agent.actors, "np"))


def _noun_places(noun, st: _Doc) -> list[str]:
    """The states and places of a noun's in / at / near phrases (protests in Baghdad)."""
    return [m.actor_id for c in noun.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS
            for p in c.children if p.dep_ == "pobj" for t in (p, *p.conjuncts)
            for m in st.mention_of.get(t.i, []) if _type(st, m.actor_id) in ("STATE", "PLACE", "REGION")]  # fmt: skip


def _crowd_subject(v, args: tuple[Arg, ...]) -> bool:
    """Is a crowd verb's subject a crowd of no party (thousands marched, 1.7 million
    Hongkongers rallied)?"""
    lemma = v.lemma_.lower()
    if lemma in CROWD_PHRASES:  # took to the streets, went on strike
        if CROWD_PHRASES[lemma] not in object_text(v):
            return False
    elif lemma not in CROWD_AGENTS:
        return False
    if any(a.role == "agent" for a in args) or is_passive(v):
        return False
    subj, _, _ = subject_tok(v)
    if subj is None:
        return False
    return subj.lower_ in CROWD_WORDS or subj.lemma_.lower() in CROWD_WORDS or subj.ent_type_ in ("NORP", "CARDINAL")


RESPONSIBILITY_VERBS = ("claim", "take", "accept", "admit", "bear")
VIOLENT_VERBS = {
    "attack", "hit", "strike", "bomb", "shell", "raid", "target", "explode", "assault", "kill",
    "ambush", "shoot",
}  # fmt: skip
UNCLAIMED_SENTENCES = 3  # how far back a claim of responsibility looks for the act claimed
TARGET_ROLES = ("patient", "recipient", "oblique", "location")


def _note_unclaimed(sentence_id: int, args, st: _Doc, fields: dict) -> None:
    """Remember a violent act with no one doing it: the parties (else the place) it hit,
    and its lemma and words (a suicide bombing), which a claim of it takes."""
    hit = [a for x in args if x.role in TARGET_ROLES[:3] for a in x.actors]
    hit = hit or [a for x in args if x.role == "location" for a in x.actors]
    if hit:
        st.unclaimed = (sentence_id, tuple(dict.fromkeys(hit)), fields["lemma"], fields["object_text"])


def _claimed(sentence_id: int, st: _Doc) -> tuple[list[Arg], dict]:
    """(targets, lexicon keys) of the violent act with no one doing it told just before, for
    a claim of responsibility for it; a place is aimed at as its state (bombings in Tunis:
    Tunisia)."""
    if st.unclaimed is None or sentence_id - st.unclaimed[0] > UNCLAIMED_SENTENCES:
        return [], {}
    out: list[str] = []
    for a in st.unclaimed[1]:
        actor = st.actors.get(a)
        if actor is not None and actor.type in ("PLACE", "REGION"):
            a = actor.country if actor.country in st.actors or actor.country else ""
        if a and a not in out:
            out.append(a)
    keys = {"lemma": st.unclaimed[2], "object_text": st.unclaimed[3]}
    return ([Arg("patient", tuple(out), "discourse")] if out else []), keys


def _responsible(noun):
    """The subject of "claimed (took, accepted) responsibility for <noun>", if any."""
    prep = noun.head
    if noun.dep_ not in ("pobj", "conj") or prep.lower_ != "for":
        return None
    resp = prep.head
    if resp.lemma_.lower() != "responsibility" or resp.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = resp.head
    if verb.lemma_.lower() not in RESPONSIBILITY_VERBS:
        return None
    subj, passive, _ = subject_tok(verb)
    return None if subj is None or passive else subj


MEETING_NOUNS = ("visit", "trip", "tour")  # (talks: shut out of talks is no one's talk)


def _noun_targets(noun, st: _Doc) -> list[Arg]:
    """The parties an event noun is aimed at: on / against / to / with X, else of X; a
    visit's place before its company (a visit to Ireland with its premier: Ireland)."""
    args = _prep_args(noun, st)
    if noun.lemma_.lower() in MEETING_NOUNS and any(a.role == "recipient" for a in args):
        args = [a for a in args if a.role != "partner"]
    if not args:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                found = _pobj_actors(c, st)
                if found:
                    args.append(Arg("patient", tuple(found), "np", "of"))
    return args


def frames_en(doc) -> list[Frame]:
    """The predicate frames of an English Doc (parsed, with dates and actor mentions)."""
    mentions: list[Mention] = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end))
    mention_of: dict[int, list[Mention]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for t in span if span is not None else []:
            mention_of.setdefault(t.i, []).append(m)
    dates = calendar_mentions(doc._.dates)
    st = _Doc(doc._.actors or {}, mention_of, doc._.published or "")
    d_i = 0
    for sent in sorted(doc._.sentences or [], key=lambda s: s.start):
        if sent.paragraph != st.para:
            st.para, st.para_date = sent.paragraph, carried_date(st.last_date, sent.paragraph)
        s_dates = []
        while d_i < len(dates) and dates[d_i].start < sent.end:
            if dates[d_i].end > sent.start:
                s_dates.append(dates[d_i])
            d_i += 1
        _sentence_frames(doc, sent, s_dates, st)
        anchors = [d for d in s_dates if not _background_date(doc, d)]
        if anchors and sent.kind != "heading":  # the dates later sentences go on from
            st.para_date = anchors[-1]
            st.last_date = (sent.paragraph, anchors[-1])
    return _attribute_quotes(doc.text, st.frames, doc._.sentences or [])


def _background_date(doc, d: DateMention) -> bool:
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and is_background(span[0])


QUOTE_MARKS = {"“": "”", '"': '"'}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quotations of a text: “…” pairs, and straight quotes paired in
    order within a paragraph (an unclosed one ends with its paragraph)."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        close = QUOTE_MARKS.get(text[i])
        if close is None:
            i += 1
            continue
        para_end = text.find("\n", i)
        para_end = len(text) if para_end < 0 else para_end
        j = text.find(close, i + 1, para_end)
        end = para_end if j < 0 else j + 1
        spans.append((i, end))
        i = end
    return spans


def _attribute_quotes(text: str, frames: list[Frame], sentences) -> list[Frame]:
    """A frame inside a quotation and outside any frame's complement is what the speaker
    says: `governor` is the verb outside the quote in the sentence that opens it (the one
    nearest the quote), else in the sentence that closes it (“…,” he said), with
    governor_rel "quote" (the coder reads it under a reporting verb only)."""
    spans = quote_spans(text)
    if not spans:
        return frames
    bounds = {s.sentence_id: (s.start, s.end) for s in sentences}

    def inside(f: Frame) -> tuple[int, int] | None:
        return next(((a, b) for a, b in spans if a <= f.start < b), None)

    def holds(g: Frame, pos: int) -> bool:
        a, b = bounds.get(g.sentence_id, (-1, -1))
        return a <= pos <= b

    where = {f.index: inside(f) for f in frames}
    out: list[Frame] = []
    for f in frames:
        span = where[f.index]
        if span is None or f.governor is not None:
            out.append(f)
            continue
        speaker = None
        for pos in (span[0], span[1] - 1):
            outside = [g for g in frames if where[g.index] is None and holds(g, pos)]
            if outside:
                speaker = min(outside, key=lambda g: abs(g.start - pos))
                break
        out.append(f if speaker is None else replace(f, governor=speaker.index, governor_rel="quote"))
    return out
