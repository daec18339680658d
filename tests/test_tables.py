"""Columns are declared once; the docs are generated from them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.tables import TABLES, TableWriter, columns, frame, schema_markdown

DOCS = Path(__file__).parent.parent / "docs" / "tables.md"


def test_docs_are_generated_from_the_schema():
    assert DOCS.read_text(encoding="utf-8").strip() == schema_markdown().strip(), "run `make schema-docs`"


def test_issue_columns_are_present():
    assert columns("events")[:24] == [
        "event_id", "article_id", "date", "date_precision", "date_source", "source_actor_id",
        "source_name_en", "source_name_ja", "source_country", "event_code", "event_root_code",
        "event_label", "quad_class", "goldstein", "target_actor_id", "target_name_en",
        "target_name_ja", "target_country", "polarity", "modality", "n_mentions", "is_caption",
        "confidence", "evidence",
    ]
    assert columns("articles") == ["article_id", "path", "title", "published", "lang", "source", "author",
                                   "url", "n_chars", "n_sentences", "status", "error"]


def test_every_column_has_a_meaning():
    for cols in TABLES.values():
        for c in cols:
            assert c.doc and c.dtype in ("str", "int", "float", "bool")


@pytest.mark.parametrize("buffer_rows", [1, 2, 3, 20_000])
def test_chunked_writes_equal_one_write(tmp_path, buffer_rows):
    rows = [{"article_id": f"a{i}", "sentence_id": i, "start": i, "end": i + 1, "kind": "body", "text": f"文,{i}\n\"x\""} for i in range(5)]
    w = TableWriter(tmp_path, "sentences", buffer_rows=buffer_rows)
    w.append(rows[:2])
    w.append([])
    w.append(rows[2:])
    w.close()
    w.commit()
    w.discard()
    one = tmp_path / "one.csv"
    frame("sentences", rows).to_csv(one, index=False, lineterminator="\n")
    assert (tmp_path / "sentences.csv").read_bytes() == one.read_bytes()
    back = pd.read_csv(tmp_path / "sentences.csv")
    assert back.text.tolist() == [r["text"] for r in rows]  # commas, quotes and newlines survive


def test_parquet_writer(tmp_path):
    w = TableWriter(tmp_path, "articles", fmt="parquet")
    w.append([{"article_id": "a", "path": "a.md", "title": "t", "published": "2026", "lang": "ja", "source": "",
               "author": "", "url": "", "n_chars": 3, "n_sentences": 1, "status": "ok", "error": ""}])
    w.close()
    w.commit()
    df = pd.read_parquet(tmp_path / "articles.parquet")
    assert df.n_chars.tolist() == [3] and df.published.tolist() == ["2026"]
