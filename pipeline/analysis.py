"""Articles in, table rows out: the unit of work.

`analyze_article` is a pure function of the article (and the installed
pipeline data), so it can run in any process or on any machine and be cached
by fingerprint. `analyze_articles` gives the same rows for a batch of articles,
running the components that gain from it (`BATCHED`) once for the batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import asdict, dataclass, field

from pipeline.corpus import MAX_ARTICLE_CHARS, Article, ArticleError
from pipeline.text import Document, prepare

# Rows of one article, per table (actors are aggregated over the corpus later).
TableRows = dict[str, list[dict]]


@dataclass
class ArticleResult:
    article_id: str
    rows: TableRows
    actors: dict[str, dict] = field(default_factory=dict)  # actor_id -> actors.csv fields

    def to_json(self) -> dict:
        return {"article_id": self.article_id, "rows": self.rows, "actors": self.actors}

    @classmethod
    def from_json(cls, data: dict) -> ArticleResult:
        return cls(data["article_id"], data["rows"], data.get("actors", {}))


# Components run on the Docs of a batch of articles at once (their `pipe`): the trained
# NER, whose cost per call, not per window, dominates on the few windows one article has.
# Their `pipe` must be safe to run again on Docs it has done (after a failed batch).
BATCHED = frozenset({"dekigoto_ner"})


def run_nlp(document: Document, lang: str, published: str, overlay: str | None = None, ner: bool = True):
    """The spaCy Doc of an article, with dates, mentions and events filled."""
    from pipeline.nlp import make_doc, pipeline_for

    nlp = pipeline_for(lang, overlay, ner)
    doc = make_doc(nlp, document.text, published, document.sentences)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def analyze_article(
    article: Article, with_tokens: bool = False, overlay: str | None = None, ner: bool = True
) -> ArticleResult:
    """All table rows for one article (raises on failure; the caller records it).

    `overlay` is the path of a user actor overlay (corpus/actors.yaml), if any;
    `ner=False` leaves the trained NER out.
    """
    (result,) = analyze_articles([article], with_tokens, overlay, ner)
    if isinstance(result, Exception):
        raise result
    return result


def _no_limit(seconds: float | None):
    return nullcontext()


@dataclass
class _Work:
    """One article of a batch on its way through the pipeline."""

    article: Article
    seconds_left: float | None
    document: Document | None = None
    nlp: object = None
    doc: object = None

    @contextmanager
    def step(self, time_limit):
        """Run one piece of this article's work within the time it has left."""
        started = time.perf_counter()
        try:
            with time_limit(self.seconds_left):
                yield
        finally:
            self.spend(time.perf_counter() - started)

    def spend(self, seconds: float) -> None:
        """Count `seconds` of work against this article's time (never quite to zero: the
        next step then runs out at once)."""
        if self.seconds_left is not None:
            self.seconds_left = max(self.seconds_left - seconds, 1e-3)


def analyze_articles(
    articles: Sequence[Article],
    with_tokens: bool = False,
    overlay: str | None = None,
    ner: bool = True,
    timeout: float | None = None,
    time_limit: Callable = _no_limit,
) -> list[ArticleResult | Exception]:
    """The rows of several articles, analysed together: the same rows as one at a time
    (`analyze_article`), with the `BATCHED` components run once on all their Docs.

    Each article's failure is its own: its place in the list holds the exception.
    `time_limit(seconds)` is a context manager that raises once `seconds` have passed
    (none by default); each article has `timeout` seconds of work in all, and a batched
    call may take as long as the longest of its articles has left. A batched call that
    fails is run again one article at a time, so that only the article at fault fails.
    """
    from pipeline.nlp import make_doc, pipeline_for

    results: list[ArticleResult | Exception | None] = [None] * len(articles)
    work: dict[int, _Work] = {}
    for i, article in enumerate(articles):
        job = _Work(article, timeout)
        try:
            with job.step(time_limit):
                job.document = prepare(article.body)
                _check_length(article, job.document)
                job.nlp = pipeline_for(article.lang, overlay, ner)
                job.doc = make_doc(job.nlp, job.document.text, article.published, job.document.sentences)
            work[i] = job
        except Exception as exc:  # noqa: BLE001 - recorded in the article's place
            results[i] = exc
    for nlp in {id(job.nlp): job.nlp for job in work.values()}.values():
        for name, component in nlp.pipeline:
            live = {i: job for i, job in work.items() if job.nlp is nlp}
            if name in BATCHED and len(live) > 1 and _run_batched(component, live, time_limit):
                continue
            for i, job in live.items():
                try:
                    with job.step(time_limit):
                        job.doc = component(job.doc)
                except Exception as exc:  # noqa: BLE001
                    results[i] = exc
                    del work[i]
    for i, job in work.items():
        try:
            with job.step(time_limit):
                results[i] = _article_result(job.article, job.document, job.doc, with_tokens, overlay)
        except Exception as exc:  # noqa: BLE001
            results[i] = exc
    return results


def _check_length(article: Article, document: Document) -> None:
    """The length limit again on the analysis text: NFKC can lengthen a body within the
    limit (㍿ is 株式会社) past what spaCy accepts."""
    if len(document.text) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            article.path,
            f"the text has {len(document.text):,} characters once normalised; the limit is "
            f"{MAX_ARTICLE_CHARS:,} per article: split it into several files",
        )


def _run_batched(component, live: dict[int, _Work], time_limit) -> bool:
    """`component.pipe` on the articles' Docs at once; False (Docs untouched or to be
    redone) if it failed, to run them one by one."""
    jobs = list(live.values())
    left = [job.seconds_left for job in jobs]
    started = time.perf_counter()
    try:
        with time_limit(None if None in left else max(left)):
            docs = component.pipe([job.doc for job in jobs])
    except Exception:  # noqa: BLE001 - one at a time finds the article at fault
        return False
    share = (time.perf_counter() - started) / len(jobs)
    for job, doc in zip(jobs, docs, strict=True):
        job.doc = doc
        job.spend(share)
    return True


def _article_result(article: Article, document: Document, doc, with_tokens: bool, overlay: str | None) -> ArticleResult:
    from pipeline.actors.component import named_within

    aid = article.article_id
    rows: TableRows = {
        "articles": [article_row(article, document)],
        "sentences": sentence_rows(aid, document),
        "mentions": mention_rows(aid, document, [*doc._.mentions, *named_within(doc, organs=False)]),
        "dates": date_rows(aid, document, doc._.dates),
    }
    actors = {a.actor_id: actor_record(a) for a in doc._.actors.values()}
    events, event_mentions = event_rows(aid, document, doc, overlay)
    rows["events"] = events
    rows["event_mentions"] = event_mentions
    if with_tokens:
        rows["tokens"] = token_rows(aid, document, doc)
    return ArticleResult(aid, rows, actors)


def error_result(article_id: str, path: str, reason: str, meta: dict | None = None) -> ArticleResult:
    """The articles.csv row of an article that could not be analysed."""
    meta = meta or {}
    row = {
        "article_id": article_id,
        "path": path,
        **{k: meta.get(k, "") for k in ("title", "published", "lang", "source", "author", "url")},
        "n_chars": meta.get("n_chars", 0),
        "n_sentences": 0,
        "status": "error",
        "error": reason,
    }
    return ArticleResult(article_id, {"articles": [row]}, {})


def article_row(article: Article, document: Document) -> dict:
    return {
        "article_id": article.article_id,
        "path": article.path,
        **article.metadata,
        "n_chars": len(article.body),
        "n_sentences": len(document.sentences),
        "status": "ok",
        "error": "",
    }


def sentence_rows(aid: str, document: Document) -> list[dict]:
    rows = []
    for s in document.sentences:
        start, end = document.to_body(s.start, s.end)
        rows.append({"article_id": aid, "sentence_id": s.sentence_id, "start": start, "end": end, "kind": s.kind, "text": s.text})
    return rows


def mention_rows(aid: str, document: Document, mentions) -> list[dict]:
    rows = []
    for i, m in enumerate(sorted(mentions, key=lambda m: (m.start, m.end, m.actor_id))):
        start, end = document.to_body(m.start, m.end)
        rows.append(
            {
                "mention_id": f"{aid}:m{i + 1}",
                "article_id": aid,
                "sentence_id": m.sentence_id,
                "start": start,
                "end": end,
                "text": document.body_text(m.start, m.end),
                "label": m.label,
                "actor_id": m.actor_id,
                "link_method": m.link_method,
                "confidence": round(float(m.confidence), 4),
            }
        )
    return rows


def date_rows(aid: str, document: Document, dates) -> list[dict]:
    rows = []
    for i, d in enumerate(sorted(dates, key=lambda d: (d.start, d.end))):
        start, end = document.to_body(d.start, d.end)
        row = asdict(d)
        row.update(
            date_id=f"{aid}:d{i + 1}",
            article_id=aid,
            start=start,
            end=end,
            text=document.body_text(d.start, d.end),
            confidence=round(float(d.confidence), 4),
        )
        rows.append(row)
    return rows


def actor_record(actor) -> dict:
    return {
        "actor_id": actor.actor_id,
        "type": actor.type,
        "name_en": actor.name_en,
        "name_ja": actor.name_ja,
        "country": actor.country,
        "sector": actor.sector,
        "in_kb": bool(actor.in_kb),
        "aliases": ";".join(actor.aliases),
    }


def event_rows(
    aid: str, document: Document, doc, overlay: str | None = None
) -> tuple[list[dict], list[dict]]:
    """events.csv and event_mentions.csv rows: mentions merged into happenings (with
    the knowledge base the actors were linked with: the overlay's offices count)."""
    from pipeline.actors.component import kb_for
    from pipeline.events import merge_events

    actors = doc._.actors
    sentences = {s.sentence_id: s for s in document.sentences}
    events: list[dict] = []
    mentions: list[dict] = []
    for n, ev in enumerate(merge_events(doc._.events, actors, kb_for(overlay)), start=1):
        event_id = f"{aid}:e{n}"
        evidence = next((m for m in ev.mentions if not m.is_caption), ev.mentions[0])
        location = actors.get(ev.location_actor_id)
        events.append(
            {
                "event_id": event_id,
                "article_id": aid,
                "date": ev.date,
                "date_precision": ev.date_precision,
                "date_source": ev.date_source,
                **_actor_columns("source", actors.get(ev.source_actor_id), ev.source_actor_id),
                "event_code": ev.event_code,
                "event_root_code": ev.root_code,
                "event_label": ev.label,
                "quad_class": ev.quad_class,
                "goldstein": ev.goldstein,
                **_actor_columns("target", actors.get(ev.target_actor_id), ev.target_actor_id),
                "polarity": ev.polarity,
                "modality": ev.modality,
                "n_mentions": ev.n_mentions,
                "is_caption": bool(ev.is_caption),
                "confidence": round(float(ev.confidence), 4),
                "evidence": sentences[evidence.sentence_id].text if evidence.sentence_id in sentences else "",
                "location_actor_id": ev.location_actor_id,
                "location_name_en": location.name_en if location else "",
                "location_country": location.country if location else "",
                "symmetric": bool(ev.symmetric),
            }
        )
        for m in ev.mentions:
            start, end = document.to_body(m.start, m.end)
            sent = sentences.get(m.sentence_id)
            mentions.append(
                {
                    "event_id": event_id,
                    "article_id": aid,
                    "sentence_id": m.sentence_id,
                    "start": start,
                    "end": end,
                    "trigger": document.body_text(m.start, m.end),
                    "sentence_text": sent.text if sent else "",
                }
            )
    return events, mentions


def _actor_columns(role: str, actor, actor_id: str) -> dict:
    return {
        f"{role}_actor_id": actor_id or "",
        f"{role}_name_en": actor.name_en if actor else "",
        f"{role}_name_ja": actor.name_ja if actor else "",
        f"{role}_country": actor.country if actor else "",
    }


def token_rows(aid: str, document: Document, doc) -> list[dict]:
    rows = []
    bounds = [(s.start, s.end, s.sentence_id) for s in document.sentences]
    k = 0
    counters: dict[int, int] = {}
    for tok in doc:
        if tok.is_space:
            continue
        while k < len(bounds) and tok.idx >= bounds[k][1]:
            k += 1
        if k >= len(bounds) or tok.idx < bounds[k][0]:
            continue
        sid = bounds[k][2]
        token_id = counters.get(sid, 0)
        counters[sid] = token_id + 1
        start, end = document.to_body(tok.idx, tok.idx + len(tok.text))
        rows.append(
            {
                "article_id": aid,
                "sentence_id": sid,
                "token_id": token_id,
                "start": start,
                "end": end,
                "surface": document.body_text(tok.idx, tok.idx + len(tok.text)),
                "lemma": tok.lemma_,
                "pos": tok.pos_,
                "pos_detail": tok.tag_,
                "reading": tok._.reading,
                "is_unknown": bool(tok._.is_unknown),
            }
        )
    return rows
