"""Find the articles that gold files annotate, and extract them for scoring."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from pipeline.corpus import ArticleError, list_article_files, read_article


def find_article(gold_path: Path, corpus: Path | None = None) -> Path:
    """The article a gold file annotates: `X.md`/`X.txt` beside `X.gold.yaml`,
    else the article in `corpus` whose title equals the gold's document title."""
    stem = gold_path.name.split(".gold.")[0]
    for suffix in (".md", ".txt"):
        sibling = gold_path.with_name(stem + suffix)
        if sibling.exists():
            return sibling
    title = ((yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}).get("document") or {}).get("title")
    search = corpus or Path("corpus")
    if title and search.is_dir():
        for path in list_article_files(search):
            try:
                if read_article(path, search).title == title:
                    return path
            except ArticleError:
                continue
    raise ValueError(f"{gold_path}: no article found (looked for {stem}.md/.txt beside it and title {title!r} in {search}/)")


@contextmanager
def tables_for_gold(gold_paths: list[Path], corpus: Path | None = None) -> Iterator[Path]:
    """Extract the gold files' articles into a temporary folder of tables."""
    from pipeline.extract import extract

    with tempfile.TemporaryDirectory(prefix="dekigoto-eval-") as tmp:
        work = Path(tmp)
        (work / "corpus").mkdir()
        for gold in gold_paths:
            article = find_article(gold, corpus)
            shutil.copy(article, work / "corpus" / article.name)
        extract(work / "corpus", work / "tables", progress=False)
        yield work / "tables"
