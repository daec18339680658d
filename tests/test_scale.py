"""Beyond one process: Dask gives the same tables; big tables as partitioned Parquet."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from pipeline.extract import extract
from pipeline.tables import CORE_TABLES

from .conftest import SAMPLE_ARTICLE
from .test_extract import SMALL, _tables


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "corpus"
    c.mkdir()
    shutil.copy(SAMPLE_ARTICLE, c / "belarus.md")
    for i in range(4):
        (c / f"s{i}.md").write_text(SMALL.replace("小", f"小{i}"), encoding="utf-8")
    (c / "broken.md").write_text("---\npublished: x\n---\n本文。", encoding="utf-8")
    (c / "actors.yaml").write_text(
        "actors:\n  - id: PER_TEST_ONE\n    type: PERSON\n    name_en: Test One\n    name_ja: テストワン\n    country: BLR\n",
        encoding="utf-8",
    )
    return c


def test_dask_local_cluster_is_identical_to_local_run(corpus, tmp_path):
    from distributed import Client, LocalCluster

    extract(corpus, tmp_path / "local", workers=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        with Client(cluster):
            summary = extract(corpus, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert summary.analysed == 6 and len(summary.errors) == 1
    assert _tables(tmp_path / "dask") == _tables(tmp_path / "local")


def test_partitioned_parquet_above_a_size(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out, parquet_above=20)
    sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
    parts = sorted((out / "sentences.parquet").glob("part-*.parquet"))
    assert len(parts) == -(-len(sentences) // 20)
    back = pd.read_parquet(out / "sentences.parquet")
    assert len(back) == len(sentences) and back.start.dtype == "int64"
    assert not (out / "articles.parquet").exists()  # 6 rows: CSV only
    events = pd.read_csv(out / "events.csv", keep_default_na=False)
    assert len(events) > 20  # so events.csv is partitioned too: its booleans stay booleans
    assert pd.read_parquet(out / "events.parquet").is_caption.dtype == bool
    for name in CORE_TABLES:
        assert (out / f"{name}.csv").exists()


def test_parquet_format(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out, fmt="parquet")
    df = pd.read_parquet(out / "events.parquet")
    assert set(df.event_code.map(len)) <= {2, 3, 4}  # codes stay zero-padded text
    assert pd.read_parquet(out / "articles.parquet").status.tolist().count("error") == 1
