"""One row per happening per article.

Mentions are grouped by (source, code, target, polarity, modality) and date:

- actors: a state, its government and the people in government office at the
  event's date (from the actor KB: ルカシェンコ大統領 for BLR, as CAMEO codes
  leaders BLRGOV) count as one party when grouping; the row shows the ids the
  happening's own mentions use most;
- symmetric events (会談, 締結, ...) are coded once per pair, with the two ids in
  sorted order and symmetric=True, so "A and B met" and "B met A" are one row;
- a mention with no target folds into the one group with the same source and
  code that has a target (米国が制裁を解除した + 米国による制裁の解除を取り付けた);
- dates: mentions with compatible dates (2025 and 2025-12) are one happening,
  dated with the most precise clause date; mentions dated only by the
  publication date fold into the group's dated happening. A happening no clause
  dates takes a date its clause's tense reads ("present": ベラルーシが米国に接近
  している, a state holding at publication) over a date carried from an earlier
  paragraph to another mention (ルカシェンコが米国に接近したことは, under a 2025
  paragraph): what holds now is not dated by the background told before.
  Dates carried from other sentences (discourse) are estimates as well: two of
  them never make two happenings;
- captions: a caption/heading mention of a happening the body also reports is
  folded into the body row and not counted; a caption-only happening is kept
  with is_caption=True. n_mentions counts body mentions (caption mentions
  for a caption-only row); `mentions` keeps all of them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from pipeline.events.cameo import load_cameo
from pipeline.model import Actor, EventMention

STATE_TYPES = ("STATE", "GOVERNMENT", "COUNTRY")
# how sure a mention's date is: read in its clause; read from its tense (a state holding at
# publication, "present"); carried from earlier text; guessed from the publication date
SOURCE_RANK = {"clause": 0, "present": 1, "discourse": 2, "publication": 3, "": 4}


@dataclass
class MergedEvent:
    event_id: str
    source_actor_id: str
    target_actor_id: str
    event_code: str
    root_code: str
    quad_class: int
    goldstein: float
    label: str
    date: str
    date_precision: str
    date_source: str
    polarity: str
    modality: str
    is_caption: bool
    symmetric: bool
    location_actor_id: str
    confidence: float
    n_mentions: int
    mentions: list[EventMention] = field(default_factory=list)


def _party(actor_id: str, actors: dict[str, Actor], kb, date: str = "") -> str:
    """The party an actor acts for (`KnowledgeBase.party`: a state, its government and the
    people holding a government office at the date count as one)."""
    actor = actors.get(actor_id)
    if actor is None:
        return actor_id
    return kb.party(actor_id, date, actor)


def merge_events(
    mentions: list[EventMention], actors: dict[str, Actor] | None = None, kb=None
) -> list[MergedEvent]:
    """`kb`: the actor knowledge base the article was linked with (overlay included:
    an office added in corpus/actors.yaml makes its holder act for the state);
    default, the packaged one."""
    if kb is None:
        from pipeline.actors import load_kb

        kb = load_kb()
    actors = actors or {}
    # the id shown for each party: the one used most, first seen on ties
    uses: Counter[str] = Counter()
    for m in mentions:
        uses.update(a for a in (m.source_actor_id, m.target_actor_id) if a)
    shown: dict[str, str] = {}
    for a in sorted(uses, key=lambda x: -uses[x]):
        shown.setdefault(_party(a, actors, kb), a)

    def norm(a: str, date: str) -> str:
        return shown.get(_party(a, actors, kb, date), shown.get(_party(a, actors, kb), a)) if a else ""

    groups: dict[tuple, list[EventMention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        src, tgt = norm(m.source_actor_id, m.date), norm(m.target_actor_id, m.date)
        if m.symmetric and src and tgt:
            src, tgt = sorted((src, tgt))
        key = (src, m.event_code, tgt, m.polarity, m.modality, m.symmetric)
        groups.setdefault(key, []).append(m)
    shown_in = _ids_shown_in_group

    # fold target-less mentions into the single fully specified group
    for key in [k for k in groups if not k[2]]:
        src, code, _, pol, mod, sym = key
        cands = [
            k
            for k in groups
            if k[2] and (k[0], k[1], k[3], k[4], k[5]) == (src, code, pol, mod, sym)
        ]
        if len(cands) == 1:
            groups[cands[0]].extend(groups.pop(key))

    out: list[MergedEvent] = []
    for key, ms in groups.items():
        for cluster in _date_clusters(ms):
            out.append(_row(shown_in(key, cluster), cluster))
    out.sort(key=lambda e: min(m.start for m in e.mentions))
    for i, e in enumerate(out, 1):
        e.event_id = f"E{i}"
    return out


def _ids_shown_in_group(key: tuple, ms: list[EventMention]) -> tuple:
    """Show the ids this happening's own mentions use most (BLR_GOV stays BLR_GOV
    when that is how the article names the party in these sentences)."""
    src, code, tgt, pol, mod, sym = key

    def pick(ids: list[str], default: str) -> str:
        ids = [a for a in ids if a]
        if not ids:
            return default
        counts = Counter(ids)
        return max(dict.fromkeys(ids), key=lambda a: counts[a])

    if sym:
        return key
    return (
        pick([m.source_actor_id for m in ms], src),
        code,
        pick([m.target_actor_id for m in ms], tgt),
        pol,
        mod,
        sym,
    )


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _date_clusters(ms: list[EventMention]) -> list[list[EventMention]]:
    """Split one (source, code, target) group by date. Only dates read in the
    clause itself tell happenings apart; mentions dated from the discourse or
    the publication date are estimates and join the main dated happening (with
    no clause date, they are one happening)."""
    # a date carried from other sentences (discourse) is an estimate too: two of them do not
    # make two happenings (a lead's report day and a later paragraph's background year)
    dated = [m for m in ms if m.date_source == "clause"]
    undated = [m for m in ms if m.date_source != "clause"]
    clusters: list[list[EventMention]] = []
    for m in sorted(dated, key=lambda m: (SOURCE_RANK[m.date_source], -len(m.date))):
        for c in clusters:
            if all(_compatible(m.date, o.date) for o in c):
                c.append(m)
                break
        else:
            clusters.append([m])
    if undated:
        if clusters:
            best = max(clusters, key=lambda c: (sum(1 for m in c if not m.is_caption), len(c)))
            best.extend(undated)
        else:
            clusters.append(undated)
    return clusters


def _row(key: tuple, ms: list[EventMention]) -> MergedEvent:
    src, code, tgt, pol, mod, sym = key
    ms = sorted(ms, key=lambda m: (m.start, m.end))
    body = [m for m in ms if not m.is_caption]
    counted = body or ms
    dated = sorted(
        (m for m in ms if m.date),
        key=lambda m: (SOURCE_RANK.get(m.date_source, 4), -len(m.date), m.start),
    )
    best = dated[0] if dated else ms[0]
    cameo = load_cameo().get(code)
    location = next((m.location_actor_id for m in counted if m.location_actor_id), "")
    conf = max(m.confidence for m in counted)
    conf = min(0.99, conf + 0.05 * (len(counted) - 1))
    return MergedEvent(
        event_id="",
        source_actor_id=src,
        target_actor_id=tgt,
        event_code=code,
        root_code=cameo.root if cameo else code[:2],
        quad_class=cameo.quad_class if cameo else 0,
        goldstein=cameo.goldstein if cameo else 0.0,
        label=cameo.label if cameo else "",
        date=best.date,
        date_precision=best.date_precision,
        date_source=best.date_source,
        polarity=pol,
        modality=mod,
        is_caption=not body,
        symmetric=sym,
        location_actor_id=location,
        confidence=round(conf, 2),
        n_mentions=len(counted),
        mentions=ms,
    )
