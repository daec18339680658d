"""CAMEO event coding of English articles: the English front end (frames from spaCy's
dependency parse, `pipeline.events.frames_en`) and the language-independent frame coder
(`pipeline.events.frame_coder`) with the English lexicon (`pipeline.events.lexicon_en`).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.events.frame_coder import Story, code_frames, kb_callables
from pipeline.events.frames_en import focus_state, frames_en
from pipeline.events.lexicon_en import EnglishLexicon
from pipeline.model import Arg, EventMention, Frame


def code_events_en(doc, embedded: bool = False, kb=None) -> list[EventMention]:
    """EventMentions for every coded clause of an English Doc (parsed, with mentions).
    `kb`: the knowledge base the actors were linked with (default: the packaged one)."""
    from pipeline.events.coder import _protagonist

    if kb is None:
        from pipeline.actors import load_kb

        kb = load_kb()
    if doc._.actors is None:
        doc._.actors = {}
    actors = doc._.actors  # an implied agent (was arrested: the authorities) is added here
    mentions = doc._.mentions or []
    story = Story(
        doc._.published or "", focus_state(mentions, actors),
        protagonist=_protagonist(mentions, actors), **kb_callables(kb, actors),
    )  # fmt: skip
    frames = implied_agents(frames_en(doc), story)
    crowds = frozenset((f.sentence_id, f.start) for f in frames
                       if any(a.role == "agent" and a.how == "implied" for a in f.args))  # fmt: skip
    story = replace(story, background=crowds, unaimed_roots=UNAIMED_ROOTS)
    events = code_frames(frames, actors, EnglishLexicon(), story, embedded=embedded)
    channels = {a for a, x in actors.items() if x.sector == "MED" and x.type not in ("STATE", "GOVERNMENT")}
    events = [e for e in events if e.source_actor_id not in PUBLISHERS and e.target_actor_id not in PUBLISHERS]
    events = third_place_meetings(military_cooperation(events, actors), actors)
    return fold_statements(negated_acts(crowd_violence(events, actors)), channels)


# A statement (root 01) is aimed at whom it is about or addressed to, else at none: not
# guessed from the act told before it nor the story's protagonist (frame_coder.story_pass)
UNAIMED_ROOTS = ("01",)


def implied_agents(frames: list[Frame], story: Story) -> list[Frame]:
    """A crowd's act with no party named (the protests began in June, thousands marched:
    an arg of how "implied" with no actors, whose marker is a sector) is that sector's
    actor (the protesters, OPP; anti-government: the government, GOV) of the country
    where it happens, else of the story's focus state; dropped when neither is known."""
    out: list[Frame] = []
    for f in frames:
        if not any(a.how == "implied" and not a.actors for a in f.args):
            out.append(f)
            continue
        where = [story.country(x) for x in f.actors("location")] if story.country is not None else []
        country = next((c for c in where if c), "") or story.focus
        args: list[Arg] = []
        for a in f.args:
            if a.how != "implied" or a.actors:
                args.append(a)
                continue
            named = story.sector_actor(country, a.marker) if country and story.sector_actor else ""
            if named:
                args.append(Arg(a.role, (named,), "implied"))
        out.append(replace(f, args=tuple(args)))
    return out


VIOLENT_PROTEST = "145"


def crowd_violence(events: list[EventMention], actors: dict) -> list[EventMention]:
    """Force or violence by a country's protesters (its OPP group, not a named party:
    protesters attacked the police, surrounded an officer) is a violent protest, a riot (145)."""
    def crowd(aid: str) -> bool:
        a = actors.get(aid)
        return a is not None and a.sector == "OPP" and aid == f"{a.country}_OPP"

    return [replace(e, event_code=VIOLENT_PROTEST) if e.event_code[:2] in ("18", "19") and crowd(e.source_actor_id)
            else e for e in events]  # fmt: skip


DIPLOMATIC_COOPERATION = ("050", "060")
MILITARY_COOPERATION = "062"


def military_cooperation(events: list[EventMention], actors: dict) -> list[EventMention]:
    """Cooperation with a military (increased cooperation with the navies of China, India
    …) is military cooperation (062), for every party of that clause."""
    military = {
        (e.sentence_id, e.start)
        for e in events
        if e.event_code in DIPLOMATIC_COOPERATION
        and any(getattr(actors.get(a), "sector", "") == "MIL" for a in (e.source_actor_id, e.target_actor_id))
    }
    return [
        replace(e, event_code=MILITARY_COOPERATION)
        if (e.sentence_id, e.start) in military and e.event_code in DIPLOMATIC_COOPERATION else e
        for e in events
    ]


# The publishers of the stories read (Wikinews): a story's own outlet reports it, so its
# interviews, contacts and thanks ("Wikinews interviewed Siegel", "told Wikinews") are the
# reporting, no events of the story
PUBLISHERS = frozenset({"ORG_WIKINEWS"})

CONSULT, THIRD_PLACE_MEETING = "040", "044"


def third_place_meetings(events: list[EventMention], actors: dict) -> list[EventMention]:
    """A meeting held in a state neither party belongs to (the Taliban met the US envoy in
    Qatar) is a meeting at a third location (044), when the countries of the place and of
    both parties are known."""
    def country(aid: str) -> str:
        a = actors.get(aid)
        return "" if a is None else (a.country or (aid if a.type == "STATE" else ""))

    out: list[EventMention] = []
    for e in events:
        where = country(e.location_actor_id) if e.event_code == CONSULT and e.location_actor_id else ""
        sides = (country(e.source_actor_id), country(e.target_actor_id))
        if where and all(sides) and where not in sides:
            e = replace(e, event_code=THIRD_PLACE_MEETING)
        out.append(e)
    return out


# A yield not made is a refusal to yield (did not accede to the demands: 123, did not
# release them: 1243); an agreement or support not given is a rejection (could not agree,
# did not back the bill: 120). Longest prefix first.
REFUSALS = {
    "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "083": "123",
    "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246", "08": "124", "03": "120", "05": "120",
}  # fmt: skip


def negated_acts(events: list[EventMention]) -> list[EventMention]:
    """A yield, agreement or support withheld is the refusal (`REFUSALS`), an affirmed
    act; other negated acts stay as written, with polarity negated ("did not criticize")."""
    out: list[EventMention] = []
    for e in events:
        code = next((REFUSALS[e.event_code[:n]] for n in (4, 3, 2) if e.event_code[:n] in REFUSALS), "")
        if e.polarity != "negated" or not code:
            out.append(e)
            continue
        refusal = replace(e, event_code=code, polarity="affirmed", symmetric=False)
        out.append(refusal)
        if e.symmetric and e.target_actor_id:  # the two could not agree: each rejects
            out.append(replace(refusal, source_actor_id=e.target_actor_id,
                               target_actor_id=e.source_actor_id))  # fmt: skip
    return out


PLAIN_STATEMENT = "010"
VERBAL_ROOTS = ("01", "02", "03", "04", "05", "10", "11", "12", "13")


def fold_statements(events: list[EventMention], channels: set[str] = frozenset()) -> list[EventMention]:
    """A plain statement says no more than what else its speaker does in the sentence:
    "Pompeo posted a message blaming Iran" is the blame (112), not also a statement
    (010); the plain statements of one speaker on one date through a story are one
    event, aimed at the first party they name (not one per sentence, place, outlet
    and person); an outlet's plain statement (the BBC cited X as saying) is its channel
    of the news, no event of its own; an event with no target
    adds nothing beside the same act of the same source with one."""
    by_source: dict[tuple[int, str], list[EventMention]] = {}
    for e in events:
        by_source.setdefault((e.sentence_id, e.source_actor_id), []).append(e)
    # a speaker's words coded sharper that day (criticised, demanded, promised): their plain
    # statements of the day say no more
    spoke = {(e.source_actor_id, e.date) for e in events if e.event_code[:2] in VERBAL_ROOTS
             and e.event_code != PLAIN_STATEMENT}  # fmt: skip
    said_more = {(e.source_actor_id, e.date, e.target_actor_id) for e in events
                 if e.event_code != PLAIN_STATEMENT and e.target_actor_id}  # fmt: skip
    out: list[EventMention] = []
    seen_plain: set[tuple[str, str]] = set()
    for e in events:
        others = by_source[(e.sentence_id, e.source_actor_id)]
        if e.event_code == PLAIN_STATEMENT and not e.symmetric:
            if e.source_actor_id in channels or any(o.event_code != PLAIN_STATEMENT for o in others):
                continue
            if (e.source_actor_id, e.date) in seen_plain:
                continue  # a speaker's words of a day through a story: one statement
            if (e.source_actor_id, e.date, e.target_actor_id) in said_more or (e.source_actor_id, e.date) in spoke:
                continue  # Durbin questioned Trump's power ... Durbin said: the questioning
            seen_plain.add((e.source_actor_id, e.date))
        elif not e.target_actor_id and any(
            o.target_actor_id and o.event_code == e.event_code for o in others
        ):
            continue
        out.append(e)
    return out


__all__ = [
    "code_events_en", "crowd_violence", "fold_statements", "implied_agents", "negated_acts",
    "third_place_meetings",
]  # fmt: skip
