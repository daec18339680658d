"""The language-independent event coder: predicate frames -> CAMEO event mentions.

A language's front end (`frames_en.frames_en`; the Japanese one to follow) reads its
parse into `Frame` records (pipeline.model); this module decides what they code,
knowing nothing of the language's syntax:

- the lexicon gives each frame its row (CAMEO code, frame kind, flags) from the
  frame's lemma, particles and words;
- roles by the row's kind: the agent is the source; the target is, for an act, the
  patient, else the first recipient / partner / oblique, else the patient of a
  complement (refused to release X), else for a row flagged `owner` the owner of its
  object (joined the coalition the US announced); for a demand the patient, else the recipient,
  else the agent of the content clause; for a consideration the actors named in the
  content (considering imports from X); a row flagged `focus` with no target takes the
  story's focus state (confidence halved); a row that says where its target is
  (`target`: patient, prep:on, content) is read there first;
- commitments (kind `intend`: agree, promise, pledge, plan, intend, want, threaten):
  the act of the complement, committed to by the agent, is coded by its commitment
  code (`commitments.tsv`: "agreed to lift sanctions" 0354, "threatened to attack"
  138); with an object that is to act (wants foreign forces to leave) it is a demand
  (106). A joint-act row flagged `commits` (agree) read with one party alone is a
  commitment too. Without a coded complement the row's own code, if any;
- statements (kind `say`: say, tell, claim, insist, allege, warn, deny, accuse,
  praise, criticise …): the speaker's act. The content decides: an act the speaker
  (or "I" / "we") will do is the speaker's commitment (said he would declare an
  emergency: 1324), one the speaker did is the act itself; an act of another party is
  coded as that party's (modality `reported`; only under a reporting verb flagged
  `reports`, not under claim / allege), and the speaker's statement targets that
  party (a plain statement of an act of material conflict is an accusation, 112).
  With no coded content the statement targets the party it is addressed to, else
  the first party the content names, and a lexicon with `statement_code(frames said)`
  codes a plain statement by its words (English: "are lying" 112, "deeply regrets" 055). An act another party must or should do (modality
  `demanded`) makes a plain statement a demand of it (said foreign powers must leave: 106). A news outlet reporting is the channel of the
  news, not an actor: only the content is coded;
- a complement of another coded frame (refused to release, urged X to ease,
  considered importing) is that frame's business: coded only with `embedded=True`,
  as `demanded` (source: the party asked) or `considered` (source: who considers);
- a demand whose asked-for act is negated (urged X not to ease) is the trigger's
  generic row (100);
- a passive with no agent whose row names one (`agent=COP`: 逮捕された, was arrested)
  has that sector of the place's country, else of the patient's, else of the story's
  focus state, as its agent (confidence as a discourse guess);
- an act obtained or received (support `obtain` / `receive`: 譲歩を引き出す, won a
  concession) in an intended or hypothetical clause is not coded: the other party
  has not acted;
- symmetric acts are coded once per pair, ids sorted; acts within one party (a state
  and its government) are not coded; two organs of a state with their own sectors (its
  police and its government) are two parties.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Protocol

from pipeline.events.attributes import mention_fields
from pipeline.events.cameo import load_cameo
from pipeline.model import Actor, EventMention, Frame, Sentence

STATE_TYPES = ("STATE", "GOVERNMENT")
CONF_EXPLICIT = 0.9
CONF_FOCUS = 0.5
CONF_CONTENT = 0.8  # a target read from what a statement is about
CONF_IMPLICIT = 0.6  # an agent an agentless passive implies
MAX_PARTIES = 5  # a list of five states (China, India, Oman, Pakistan and Russia) is read whole
MAX_SYM_PARTIES = 4
CHANNEL_SECTORS = ("MED",)  # outlets report; the content is the event
ACCUSATION = "112"
PLAIN_STATEMENT = "010"
PARTY_ROLES = ("agent", "patient", "recipient", "partner", "oblique", "content_agent", "content")
GENERIC_DEMAND = "100"


class Entry(Protocol):
    code: str
    frame: str
    flags: frozenset[str]


class Lexicon(Protocol):
    def entry(self, frame: Frame) -> Entry | None: ...
    def generic(self, frame: Frame) -> Entry | None: ...


@dataclass(frozen=True)
class Story:
    """What the coder knows of the article beyond its frames."""

    published: str
    focus: str = ""  # the state the article is mostly about (a guessed target)
    # the party an actor acts for at a date (KnowledgeBase.party: a state, its government
    # and the holders of its offices are one); None: states and governments by country
    party: Callable[[str, str], str] | None = None
    protagonist: str = ""  # whom the story is about (coder._protagonist)
    # the country of an actor ("" when none), and the actor of a country's sector (GOV,
    # COP) added to the story's actors, "" when the knowledge base has none: for the
    # agents agentless passives imply (implicit_agent); None: none implied
    country: Callable[[str], str] | None = None
    sector_actor: Callable[[str, str], str] | None = None
    # (sentence_id, start) of acts told as background, which no reaction is guessed to
    # answer (an English crowd's protests with no one named: "the protests began in June")
    background: frozenset[tuple[int, int]] = frozenset()
    # roots whose events with no target written are aimed at none rather than a guess (English
    # statements: a statement's target is whom it is about or addressed to, else none)
    unaimed_roots: tuple[str, ...] = ()


def kb_callables(kb, actors: dict[str, Actor]) -> dict[str, Callable]:
    """The Story callables a knowledge base answers: `party`, `country`, `sector_actor`
    (which adds the sector's actor to `actors`, the document's)."""

    def party(actor_id: str, date: str) -> str:
        return kb.party(actor_id, date, actors.get(actor_id))

    def country(actor_id: str) -> str:
        actor = actors.get(actor_id)
        return actor.country if actor is not None else ""

    def sector_actor(state: str, sector: str) -> str:
        actor_id = kb.sector_id(state, sector)
        if actor_id not in kb:
            return ""
        actors.setdefault(actor_id, kb.get(actor_id))
        return actor_id

    return {"party": party, "country": country, "sector_actor": sector_actor}


@dataclass(frozen=True)
class Commitment:
    commitment: str
    demand: str


@lru_cache(maxsize=1)
def load_commitments() -> dict[str, Commitment]:
    """commitments.tsv: act code prefix -> the codes of committing to it and demanding it."""
    path = resources.files("pipeline") / "data" / "events" / "commitments.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    return {
        r["act"]: Commitment(r["commitment"], r["demand"])
        for r in csv.DictReader(lines, delimiter="\t")
    }


def _lookup(code: str) -> Commitment | None:
    table = load_commitments()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def commitment_code(code: str) -> str:
    """The code of committing to an act (085 -> 0354, 19x -> 138); others unchanged."""
    hit = _lookup(code)
    return hit.commitment if hit and hit.commitment else code


def demand_code(code: str) -> str:
    """The code of demanding an act of another (0841 -> 1053, 166 -> 106); else 100."""
    hit = _lookup(code)
    return hit.demand if hit and hit.demand else GENERIC_DEMAND


def quad_class(code: str) -> int:
    c = load_cameo().get(code)
    return c.quad_class if c else 0


# --------------------------------------------------------------------------- parties


def _same_party(actors: dict[str, Actor], a: str, b: str, story: Story | None = None) -> bool:
    if a == b:
        return True
    if story is not None and story.party is not None:
        return story.party(a, story.published) == story.party(b, story.published)
    xa, xb = actors.get(a), actors.get(b)
    if xa is None or xb is None:
        return False
    return (
        xa.type in STATE_TYPES
        and xb.type in STATE_TYPES
        and (xa.country or a) == (xb.country or b)
    )


def _is_channel(actors: dict[str, Actor], aid: str) -> bool:
    a = actors.get(aid)
    return a is not None and a.sector in CHANNEL_SECTORS and a.type not in STATE_TYPES


def _patient(frame: Frame) -> list[str]:
    """The frame's own patient (not that of a complement below it)."""
    out: list[str] = []
    for a in frame.args:
        if a.role == "patient" and a.how != "complement":
            out += [x for x in a.actors if x not in out]
    return out


def _at_place(frame: Frame, place: str) -> list[str]:
    """Actors of the place a row names for its target: patient | prep:on|in | content."""
    if place == "patient" or place == "subject":
        return _patient(frame)
    if place == "content":
        return frame.actors("content")
    if place.startswith("prep:"):
        markers = set(place[5:].split("|"))
        out: list[str] = []
        for a in frame.args:
            if a.marker in markers and a.role in ("recipient", "partner", "oblique"):
                out += [x for x in a.actors if x not in out]
        return out
    return []


def first_person(frame: Frame) -> bool:
    return any(a.role == "agent" and a.how == "first_person" for a in frame.args)


def roles(frame: Frame, entry: Entry, story: Story) -> tuple[list[str], list[str], float]:
    """(sources, targets, confidence) of a frame read by its lexicon row."""
    sources = frame.actors("agent")
    if any(a.role == "agent" and a.how == "scene" for a in frame.args):
        sources = _public(sources, story)
    place = getattr(entry, "target", "")
    targets = _at_place(frame, place) if place else []
    if not targets and "owner" in entry.flags:  # joined the coalition the US announced
        targets = frame.actors("owner")
    if targets:
        pass
    elif entry.frame == "demand":
        targets = (_patient(frame) or frame.actors("recipient") or frame.actors("origin")
                   or frame.actors("content_agent"))  # fmt: skip
    elif entry.frame == "consider":
        targets = frame.actors("content") or _patient(frame)
    else:
        targets = (
            _patient(frame)
            or frame.actors("recipient", "partner", "oblique")
            or [a for x in frame.args if x.role == "patient" and x.how == "complement"
                for a in x.actors]
        )  # fmt: skip
    conf = CONF_EXPLICIT
    if not targets and entry.code[:2] == "14" and story.country is not None:
        # a protest with no target is against the state where it is held (東京でデモを行った)
        states = [story.country(x) for x in frame.actors("location")]
        targets = [c for c in dict.fromkeys(states) if c and c not in sources][:1]
    if not targets and "focus" in entry.flags and story.focus and story.focus not in sources:
        targets, conf = [story.focus], CONF_FOCUS
    if not targets:  # 110番通報した: the police (`target=@COP`) of where it happened, else the agent's
        sector = next((f.split("@", 1)[1] for f in entry.flags if f.startswith("target=@")), "")
        if sector and story.sector_actor is not None and story.country is not None:
            country = next((c for c in map(story.country, [*frame.actors("location"), *sources]) if c), "")
            found = story.sector_actor(country, sector) if country else ""
            targets = [found] if found and found not in sources else []
    if not sources:
        agent = implicit_agent(frame, entry, story)
        sources, conf = ([agent], CONF_IMPLICIT) if agent else (sources, conf)
    return sources, targets, conf


def _public(scenes: list[str], story: Story) -> list[str]:
    """The people of where words were said (a state, a place, a platform: 韓国内で波紋を
    呼んでいる, ツイッターでは…との声): the civilians (CVL) of its country, else of the
    story's focus state; none when the story cannot name them."""
    if story.sector_actor is None:
        return []
    out: list[str] = []
    for x in scenes:
        country = (story.country(x) if story.country is not None else "") or story.focus
        public = story.sector_actor(country, "CVL") if country else ""
        if public and public not in out:
            out.append(public)
    return out


def implicit_agent(frame: Frame, entry: Entry, story: Story) -> str:
    """The agent an agentless passive implies (男性が逮捕された, a man was arrested: the
    authorities): the row's sector (`agent=GOV`) of the country where it happened, else
    of the patient's, else of the story's focus state; "" when none is known. The
    story's `sector_actor` names it (and describes it to the document)."""
    sector = next((f.split("=", 1)[1] for f in entry.flags if f.startswith("agent=")), "")
    patients = _patient(frame)
    if not sector or frame.voice != "passive" or frame.actors("agent") or not patients:
        return ""
    if story.sector_actor is None or story.country is None:
        return ""
    country = next((c for c in map(story.country, [*frame.actors("location"), *patients]) if c), "")
    return story.sector_actor(country or story.focus, sector) if (country or story.focus) else ""


# --------------------------------------------------------------------------- acts


@dataclass
class Act:
    """One event to emit: a frame read by a row, perhaps recoded (commitment, demand)."""

    frame: Frame
    entry: Entry
    code: str
    sources: list[str]
    targets: list[str]
    conf: float
    modality: str
    own_agent: bool = True  # the source is the frame's own (not inherited from a governor)
    extra: list[Act] = field(default_factory=list)  # acts reported alongside


class _Coder:
    def __init__(self, frames, actors, lexicon, story, embedded):
        self.frames, self.actors, self.lexicon = frames, actors, lexicon
        self.story, self.embedded = story, embedded
        self.entries = {f.index: lexicon.entry(f) for f in frames}
        self.by_index = {f.index: f for f in frames}
        self.children: dict[int, list[Frame]] = defaultdict(list)
        for f in frames:
            if f.governor is not None:
                self.children[f.governor].append(f)
        self.out: list[EventMention] = []

    # ----------------------------------------------------------------- reading

    def _same_party_(self, a: str, b: str) -> bool:
        """A state and its government are one party: no event between them; two organs of
        it with their own sectors are two (the police asked the local government: COP 020
        GOV)."""
        xa, xb = self.actors.get(a), self.actors.get(b)
        if xa is not None and xb is not None and xa.type == xb.type == "GOVERNMENT" and xa.sector and xb.sector and xa.sector != xb.sector:
            return False
        return _same_party(self.actors, a, b)

    @staticmethod
    def _implied(f: Frame) -> bool:
        """Is the frame's agent one the coder implied (a passive with none written)?"""
        return f.voice == "passive" and not f.actors("agent")

    def _own_state(self, target: str, speakers: list[str]) -> bool:
        """Is the target the state (or government) of a speaker? (Tunisia's MP on Tunisia)"""
        t = self.actors.get(target)
        if t is None or t.type not in STATE_TYPES:
            return False
        country = t.country or target
        return any(self.actors.get(s) is not None and self.actors[s].country == country
                   for s in speakers)  # fmt: skip

    def _speaks_for(self, a: str, b: str) -> bool:
        """Does a speak for b's party (a president for the state: Lukashenko said Minsk
        wants ...)? KnowledgeBase.party when the story has it."""
        return _same_party(self.actors, a, b, self.story)

    def kind(self, f: Frame) -> str:
        e = self.entries.get(f.index)
        return e.frame if e is not None else ""

    def plain(self, f: Frame, entry: Entry) -> Act:
        """A frame read by its row; an act its agent will do is its intent (will visit: 036)."""
        sources, targets, conf = roles(f, entry, self.story)
        own = any(a.role == "agent" and a.how == "explicit" for a in f.args)
        code, modality = entry.code, f.modality
        if modality == "intended" and commitment_code(code) != code:
            code, modality = commitment_code(code), "asserted"  # the intent is stated
        return Act(f, entry, code, sources, targets, conf, modality, own)

    def complements(self, f: Frame, rels: tuple[str, ...] = ("complement",)) -> list[Frame]:
        """The coded frames below f: its complements (and, for a statement, its quotes)."""
        return [
            c for c in self.children.get(f.index, ())
            if c.governor_rel in rels and self.entries.get(c.index) is not None
        ]  # fmt: skip

    def named_in(self, f: Frame) -> list[str]:
        """The parties a statement's content names: its that-clause, then its quotes."""
        out = f.actors("content_agent", "content")
        for c in self.children.get(f.index, ()):
            if c.governor_rel in ("complement", "quote"):
                out += [a for a in c.actors(*PARTY_ROLES) if a not in out]
        return out

    def commits_alone(self, f: Frame, entry: Entry) -> bool:
        """A joint act read with one party and a coded complement (agreed to lift)."""
        if entry.frame != "sym" or "commits" not in entry.flags:
            return False
        parties = f.actors("agent")
        partners = f.actors("partner", "recipient") + _patient(f)
        return len(parties) <= 1 and not partners and bool(self.complements(f))

    def commitment(self, f: Frame, entry: Entry) -> list[Act]:
        """The acts of an intend-kind frame: its complements committed to (or demanded)."""
        agent = f.actors("agent")
        patient = _patient(f)
        acts: list[Act] = []
        for c in self.complements(f):
            for x in self.acts_of(c):
                if not x.code:
                    continue
                others = [a for a in x.sources if not any(self._speaks_for(a, g) for g in agent)]
                asked = agent and others and (x.own_agent or set(others) <= set(patient))
                if asked:  # wants foreign forces to leave: a demand of them
                    patient = patient or others
                    code, targets = demand_code(x.code), patient
                else:
                    code, targets = commitment_code(x.code), x.targets
                # an act with no intent code of its own (keep sanctions: 1244) stays intended
                modality = f.modality if code[:2] in ("03", "13", "10") else x.modality
                acts.append(Act(c, x.entry, code, agent or x.sources, targets, x.conf,
                                modality))  # fmt: skip
        if not acts and entry.code:
            acts.append(self.plain(f, entry))
        return acts

    def acts_of(self, f: Frame) -> list[Act]:
        """What a frame codes, its commitments resolved (say -> agree -> lift)."""
        entry = self.entries.get(f.index)
        if entry is None:
            return []
        if entry.frame == "intend" or self.commits_alone(f, entry):
            return self.commitment(f, entry)
        if entry.frame == "say":
            return []  # a statement inside a statement: coded on its own
        return [self.plain(f, entry)] if entry.code else []

    def statement(self, f: Frame, entry: Entry) -> list[Act]:
        """The speaker's act (and the acts of others it reports): see the module docstring."""
        speakers = [s for s in f.actors("agent") if not _is_channel(self.actors, s)]
        channel = bool(f.actors("agent")) and not speakers
        if "needs_content" in entry.flags and not self.complements(f, ("complement", "quote")) \
                and not f.actors("recipient"):
            return []  # "X spoke" says nothing: no statement coded
        reported: list[Act] = []
        own: list[Act] = []
        asked: list[Act] = []  # acts the speaker says another party must do
        for c in self.complements(f, ("complement", "quote")):
            for x in self.acts_of(c):
                if not x.code:
                    continue
                if not x.targets and "needs_target" in x.entry.flags and x.modality != "demanded":
                    continue  # an act that codes nothing decides nothing (one asked for does)
                if not x.sources and not first_person(c):
                    continue  # those who remain silent: nobody the text names
                mine = first_person(c) or any(
                    self._speaks_for(s, sp) for s in x.sources for sp in speakers
                )
                if channel:
                    x.modality = "reported"
                    reported.append(x)
                elif mine:
                    code = x.code if x.modality == "asserted" else commitment_code(x.code)
                    own.append(Act(c, x.entry, code, speakers, x.targets, x.conf, f.modality))
                elif x.modality == "demanded":
                    asked.append(x)
                    reported.append(Act(c, x.entry, "", x.sources, [], x.conf, ""))
                else:
                    if "reports" in entry.flags and x.modality == "asserted":
                        x.modality = "reported"
                        reported.append(x)
                    else:
                        reported.append(Act(c, x.entry, "", x.sources, [], x.conf, ""))
        if not f.actors("agent"):  # is said to / was reported: the content as read
            return [x for c in self.complements(f) for x in self.acts_of(c) if x.code]
        if channel:
            return [r for r in reported if r.code]
        acts = [r for r in reported if r.code]
        if own and entry.code[:2] in ("01", ""):
            return acts + own  # the content is what the speaker said it does
        # whom the statement is about: who did the acts it reports (not an agent the coder
        # implied: confirmed that two suspects were arrested accuses nobody)
        others = [s for r in reported if r.own_agent or r.frame.actors("agent") for s in r.sources
                  if not self._implied(r.frame)]  # fmt: skip
        sources, targets, conf = roles(f, entry, self.story)
        targets = [t for t in targets if not _is_channel(self.actors, t)]
        code = entry.code
        if asked and entry.code[:2] == "01":  # said foreign powers must leave: a demand (106)
            code, targets, conf = demand_code(asked[0].code), asked[0].sources, CONF_CONTENT
        if not targets and others:
            targets, conf = others, CONF_CONTENT
            factual = [r for r in reported if r.code and r.modality in ("reported", "asserted")
                       and not self._implied(r.frame)]  # fmt: skip
            if entry.code[:2] == "01" and any(quad_class(r.code) == 4 for r in factual):
                code = ACCUSATION  # said X attacked: an accusation
        if not targets:
            named = self.named_in(f)
            targets = [
                t for t in named
                if not _is_channel(self.actors, t)
                and not self._own_state(t, speakers)
                and not any(self._speaks_for(t, s) for s in speakers)
            ]  # fmt: skip
            targets = [
                t for t in named
                if not _is_channel(self.actors, t)
                and not any(self._speaks_for(t, s) for s in speakers)
            ]  # fmt: skip
            conf = CONF_CONTENT
        if not code:
            return acts + own
        if code == PLAIN_STATEMENT and not own and hasattr(self.lexicon, "statement_code"):
            said = [f, *self.children.get(f.index, ())]  # lying, deeply regrets: 112, 055
            code = self.lexicon.statement_code(said, bool(targets)) or code
        acts.append(Act(f, entry, code, speakers, targets, conf, f.modality))
        return acts + own

    # ----------------------------------------------------------------- emitting

    def emit(self, act: Act) -> None:
        frame, entry = act.frame, act.entry
        sent = Sentence(frame.sentence_id, frame.start, frame.end, frame.sentence_kind, 0)
        location = next((a.actors[0] for a in frame.args if a.role == "location"), "")
        base = mention_fields(
            sent, frame.start, frame.end, frame.trigger, act.code, frame.date,
            frame.date_source, frame.polarity, act.modality, location, self.story.published,
        )  # fmt: skip
        if entry.frame == "sym" and act.code == entry.code:
            side_a, side_b = act.sources[:MAX_SYM_PARTIES], act.targets[:MAX_SYM_PARTIES]
            if side_b:
                pairs = [(a, b) for a in side_a for b in side_b]
            else:
                pairs = [(a, b) for i, a in enumerate(side_a) for b in side_a[i + 1 :]]
            pairs = [(a, b) for a, b in pairs if not self._same_party_(a, b)]
            for a, b in dict.fromkeys(tuple(sorted(p)) for p in pairs):
                self.out.append(
                    EventMention(
                        source_actor_id=a, target_actor_id=b, confidence=0.85, symmetric=True,
                        **base,
                    )
                )  # fmt: skip
            return
        srcs = act.sources[:MAX_PARTIES]
        tgts = act.targets[:MAX_PARTIES] or [""]
        if not srcs or (tgts == [""] and "needs_target" in entry.flags):
            return
        for s in srcs:
            for t in tgts:
                if t and self._same_party_(s, t):
                    continue
                self.out.append(
                    EventMention(
                        source_actor_id=s,
                        target_actor_id=t,
                        confidence=round(act.conf * (0.9 if t else 0.8), 2),
                        **base,
                    )
                )

    def governed(self, f: Frame) -> Frame | None:
        """The coded frame this one is the complement of, if any."""
        gov = self.by_index.get(f.governor) if f.governor is not None else None
        if gov is None or self.entries.get(gov.index) is None:
            return None
        return gov

    def run(self) -> list[EventMention]:
        for f in self.frames:
            entry = self.entries.get(f.index)
            if entry is None:
                continue
            gov = self.governed(f)
            if gov is not None:
                self.embedded_act(f, entry, gov)
                continue
            if f.support in ("obtain", "receive") and f.modality in ("intended", "hypothetical"):
                continue  # 妥協を引き出すために: the other party has not yielded
            if entry.frame == "intend" or self.commits_alone(f, entry):
                acts = self.commitment(f, entry)
            elif entry.frame == "say":
                acts = self.statement(f, entry)
            elif entry.code:
                acts = [self.plain(f, _demand_code(f, entry, self.frames, self.lexicon))]
            else:
                acts = []
            for act in acts:
                self.emit(act)
        return self.out

    def embedded_act(self, f: Frame, entry: Entry, gov: Frame) -> None:
        """A complement of a demand or consideration, coded only with embedded=True."""
        gov_entry = self.entries[gov.index]
        if not self.embedded or gov_entry.frame not in ("demand", "consider") or not entry.code:
            return
        act = self.plain(f, entry)
        if gov_entry.frame == "demand":
            _, g_targets, _ = roles(gov, gov_entry, self.story)
            act.sources, act.modality = g_targets or act.sources, "demanded"
        else:
            act.sources, act.modality = roles(gov, gov_entry, self.story)[0], "considered"
        self.emit(act)


def code_frames(
    frames: list[Frame],
    actors: dict[str, Actor],
    lexicon: Lexicon,
    story: Story,
    embedded: bool = False,
    sentence_rules: Callable[[list[EventMention]], list[EventMention]] | None = None,
) -> list[EventMention]:
    """EventMentions for the frames that the lexicon codes (see the module docstring);
    `sentence_rules`, a front end's rules over the events of one sentence, run before the
    story's."""
    events = _Coder(frames, actors, lexicon, story, embedded).run()
    if sentence_rules is not None:
        by_sentence: dict[int, list[EventMention]] = {}
        for e in sorted(events, key=lambda e: (e.sentence_id, e.start)):
            by_sentence.setdefault(e.sentence_id, []).append(e)
        events = [e for group in by_sentence.values() for e in sentence_rules(group)]
    return story_pass(events, actors, story)


REACTION_ROOTS = ("01", "02", "05", "10", "11", "12")  # demands too: called for an investigation
NOT_REACTED_TO = (*REACTION_ROOTS, "01")  # a plain statement is not what one reacts to
GUESSED = 0.5


def story_pass(
    events: list[EventMention], actors: dict[str, Actor], story: Story
) -> list[EventMention]:
    """The rules over a whole story: media and internet users act only in words
    (coder._can_act); a reaction (05, 11, 12) with no target reacts to the last act
    (not a statement nor another reaction) reported before it by another party, in its
    sentence or before, else to the story's protagonist; never to the reactor's own
    party nor its state (韓国のネットユーザー: not Korea); a guessed target halves the
    confidence. (The Japanese coder has the same
    rules as `_reaction_targets` / `_story_targets`, which may move here.)"""
    from pipeline.events.coder import _can_act

    out: list[EventMention] = []
    for e in (e for e in events if _can_act(e, actors)):
        if (
            not e.target_actor_id and not e.symmetric and e.event_code[:2] in REACTION_ROOTS
            and e.event_code[:2] not in story.unaimed_roots and not _aimed_in_sentence(e, events)
        ):  # fmt: skip
            acts = [
                x.source_actor_id
                for x in out
                if x.start < e.start
                and x.event_code[:2] not in NOT_REACTED_TO
                and not _same_party(actors, x.source_actor_id, e.source_actor_id, story)
                and not _is_channel(actors, x.source_actor_id)
                and (x.sentence_id, x.start) not in story.background
            ]
            guess = acts[-1] if acts else story.protagonist
            own = actors[e.source_actor_id].country if e.source_actor_id in actors else ""
            if guess and guess != own and not _same_party(actors, guess, e.source_actor_id, story):
                same_sentence = acts and any(
                    x.sentence_id == e.sentence_id and x.source_actor_id == guess for x in out
                )
                conf = e.confidence if same_sentence else round(e.confidence * GUESSED, 2)
                e = replace(e, target_actor_id=guess, confidence=conf)
        out.append(e)
    return out


def _aimed_in_sentence(e: EventMention, events: list[EventMention]) -> bool:
    """Does the same source do the same act to a named party in the sentence (condemned
    the act of the NTC, citing it as an abuse of power)? Then the act is aimed already."""
    return any(
        x.sentence_id == e.sentence_id and x.source_actor_id == e.source_actor_id
        and x.event_code == e.event_code and x.target_actor_id
        for x in events
    )  # fmt: skip


def _demand_code(frame: Frame, entry: Entry, frames: list[Frame], lexicon: Lexicon) -> Entry:
    """A demand whose embedded act is negated (urged the EU not to ease sanctions) asks
    for no specific CAMEO act: the generic row of the trigger (100)."""
    if entry.frame != "demand" or not getattr(entry, "pattern", ()):
        return entry
    for f in frames:
        if f.governor == frame.index and f.governor_rel == "complement" and f.polarity == "negated":
            return lexicon.generic(frame) or entry
    return entry


__all__ = [
    "Lexicon", "Story", "code_frames", "commitment_code", "demand_code", "implicit_agent",
    "kb_callables", "roles", "story_pass",
]  # fmt: skip
