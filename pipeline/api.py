"""The library API under the CLI: analyse one text, or extract a corpus."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.corpus import Article, validate_published
from pipeline.extract import ExtractSummary
from pipeline.extract import extract as _extract


@dataclass
class Analysis:
    """One article's analysis: the rows it contributes to each table.

    Offsets are into `text`, exactly as passed in.
    """

    lang: str
    published: str
    sentences: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    actors: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    event_mentions: list[dict] = field(default_factory=list)


def analyze(text: str, lang: str | None = None, published: str | None = None, article_id: str = "text") -> Analysis:
    """Analyse one article body. `lang` is detected when not given; `published`
    (YYYY, YYYY-MM or YYYY-MM-DD) anchors relative dates."""
    from pipeline.analysis import analyze_article
    from pipeline.language import detect_language

    if not text.strip():
        raise ValueError("empty text")
    published = validate_published(published, "<text>") if published else ""
    lang = lang or detect_language(text)
    article = Article(article_id=article_id, path="", body=text, published=published, lang=lang)
    result = analyze_article(article)
    return Analysis(
        lang=lang,
        published=published,
        actors=sorted(result.actors.values(), key=lambda a: a["actor_id"]),
        **{k: result.rows.get(k, []) for k in ("sentences", "mentions", "dates", "events", "event_mentions")},
    )


def extract(corpus_dir, out_dir, **options) -> ExtractSummary:
    """Extract every article of `corpus_dir` into tables in `out_dir`.

    Options: fmt ("csv"|"parquet"), full (ignore the cache), with_tokens,
    workers, progress. See `pipeline.extract.extract`.
    """
    return _extract(corpus_dir, out_dir, **options)
