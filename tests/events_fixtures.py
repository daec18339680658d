"""Hand-built actor and date mentions for testing the coder without the actor
linker and the date tagger: surfaces are matched literally (longest first).

    doc = doc_with_mentions(text, actors={"米国": ("USA", "STATE", "USA"), ...},
                            dates={"2021年": "2021"}, published="2026-02")
"""

from __future__ import annotations

import re

from pipeline.model import Actor, DateMention, Mention, Sentence

LABELS = {
    "STATE": "STATE",
    "GOVERNMENT": "ORG",
    "PERSON": "PERSON",
    "IGO": "IGO",
    "GROUP": "GROUP",
    "PLACE": "PLACE",
    "REGION": "PLACE",
    "CITY": "PLACE",
    "ORG": "ORG",
}


def find_mentions(
    text: str, actors: dict[str, tuple[str, str, str]]
) -> tuple[list[Mention], dict[str, Actor]]:
    """Mentions of every surface in `actors` (surface -> (id, type, country)), longest first."""
    taken = [False] * len(text)
    mentions: list[Mention] = []
    table: dict[str, Actor] = {}
    for surface in sorted(actors, key=len, reverse=True):
        actor_id, kind, country = actors[surface]
        table.setdefault(actor_id, Actor(actor_id, kind, actor_id, surface, country=country))
        for m in re.finditer(re.escape(surface), text):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            mentions.append(
                Mention(m.start(), m.end(), surface, LABELS.get(kind, "ORG"), actor_id, "kb")
            )
    mentions.sort(key=lambda m: m.start)
    return mentions, table


def find_dates(text: str, dates: dict[str, str]) -> list[DateMention]:
    """Date mentions for each surface in `dates` (surface -> value), typed by their value
    (P3Y: DURATION, 2026-02-10TMO: TIME, else DATE); "N番目:" prefixes not needed."""
    out: list[DateMention] = []
    taken = [False] * len(text)
    for surface in sorted(dates, key=len, reverse=True):
        for m in re.finditer(re.escape(surface), text):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            value = dates[surface]
            kind = "DURATION" if value.startswith("P") else "TIME" if "T" in value else "DATE"
            out.append(DateMention(m.start(), m.end(), surface, kind, value))
    out.sort(key=lambda d: d.start)
    return out


def simple_sentences(text: str, kinds: dict[int, str] | None = None) -> list[Sentence]:
    """Sentences split at 。 and paragraphs at newlines (kinds: paragraph -> kind)."""
    sentences: list[Sentence] = []
    pos = 0
    for p_index, para in enumerate(text.split("\n")):
        start = pos
        for m in re.finditer(r"[^。]+。?", para):
            s, e = start + m.start(), start + m.end()
            if text[s:e].strip():
                kind = (kinds or {}).get(p_index, "body")
                sentences.append(Sentence(len(sentences), s, e, kind, p_index, text[s:e]))
        pos += len(para) + 1
    return sentences


def doc_with_mentions(
    nlp,
    text: str,
    actors: dict,
    dates: dict | None = None,
    published: str = "2026-02",
    sentences=None,
    kinds=None,
):
    from pipeline.nlp import make_doc

    sents = sentences if sentences is not None else simple_sentences(text, kinds)
    doc = make_doc(nlp, text, published, sents)
    doc._.mentions, doc._.actors = find_mentions(text, actors)
    doc._.dates = find_dates(text, dates or {})
    return doc


# ------------------------------------------------------------- the sample article

# ids of the hand-made actor fixtures -> ids of the gold file
_GOLD_IDS = {"USR": "SUN", "IGO_EU": "EU", "REG_EUROPE": "EUROPE", "IGO_UN": "UN", "IGO_CIS": "CIS"}


def _gold_id(actor_id: str) -> str | None:
    if not actor_id:
        return None
    if actor_id.startswith("PER_"):
        return actor_id[4:]
    return _GOLD_IDS.get(actor_id, actor_id)


def gold_event_matches(ev, gold: dict) -> bool:
    """Does a coded event (with fixture actor ids) match a gold event (root, source and
    target, with the gold's alternatives; symmetric events either way)?"""
    if ev.root_code not in {gold["root"], *gold.get("also_ok", [])}:
        return False
    src, tgt = _gold_id(ev.source_actor_id), _gold_id(ev.target_actor_id)
    sources = {gold["source"], *gold.get("also_ok_source", [])}
    targets = {gold["target"], *gold.get("also_ok_target", [])}
    ok = src in sources and (None in targets or tgt in targets)
    if gold.get("symmetric"):
        ok = ok or (tgt in sources and src in targets)
    return ok


def coded_sample_events():
    """The sample article's merged events from the coder alone, with the actor and date
    mentions of tests/fixtures/events/ standing in for the linker and the date tagger."""
    from pathlib import Path

    import yaml

    from pipeline.corpus import read_article
    from pipeline.events import code_events, merge_events
    from pipeline.nlp import blank_japanese, make_doc
    from pipeline.text import prepare

    fixtures = Path(__file__).parent / "fixtures"
    article_path = fixtures / "gold" / "belarus_us_635.md"
    document = prepare(read_article(article_path, article_path.parent).body)
    doc = make_doc(blank_japanese(), document.text, "2026-02", document.sentences)
    surfaces = yaml.safe_load((fixtures / "events" / "belarus_actors.yaml").read_text(encoding="utf-8"))
    doc._.mentions, doc._.actors = find_mentions(doc.text, {k: tuple(v) for k, v in surfaces.items()})
    dates = yaml.safe_load((fixtures / "events" / "belarus_dates.yaml").read_text(encoding="utf-8"))
    doc._.dates = find_dates(doc.text, {k: str(v) for k, v in dates.items()})
    return merge_events(code_events(doc), doc._.actors)
