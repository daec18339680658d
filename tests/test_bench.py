"""pipeline/bench.py (`make bench`, the README's speed table): it builds its corpus,
measures each figure the table shows, and prints them (figures are never asserted)."""

from __future__ import annotations

import pytest

from pipeline import bench
from pipeline.corpus import list_article_files, read_article

from .conftest import SAMPLE_ARTICLE

SOURCE = SAMPLE_ARTICLE.parent  # the sample article (its gold file is no article)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    dest = tmp_path_factory.mktemp("bench") / "corpus"
    chars = bench.build_corpus(SOURCE, dest, 5)
    return dest, chars, [read_article(p, dest) for p in list_article_files(dest)]


def test_the_corpus_is_varied_and_counted(built):
    dest, chars, articles = built
    assert [a.path for a in articles] == [f"a{i:05d}.md" for i in range(5)]
    assert chars == sum(len(a.body) for a in articles)
    assert len({a.body for a in articles}) == 5  # no cache can help
    assert [a.published for a in articles] == ["2000-01", "2001-02", "2002-03", "2003-04", "2004-05"]
    assert all(a.lang == "ja" and a.body.rstrip().endswith(f"（記事番号{i}）") for i, a in enumerate(articles))


def test_the_corpus_is_the_same_every_time(built, tmp_path):
    dest, _, _ = built
    again = tmp_path / "again"
    bench.build_corpus(SOURCE, again, 5)
    assert [p.read_bytes() for p in list_article_files(again)] == [p.read_bytes() for p in list_article_files(dest)]


def test_no_japanese_article_is_a_clear_error(tmp_path):
    (tmp_path / "en.md").write_text("---\nlang: en\n---\nThe talks ended.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no Japanese article"):
        bench.build_corpus(tmp_path, tmp_path / "out", 2)


def test_stage_times_cover_every_stage(built):
    from pipeline.nlp import japanese_pipeline

    articles = built[2][:2]
    times, chars = bench.stage_times([a.body for a in articles], [a.published for a in articles])
    assert list(times) == ["text layer", "tokenizer", *japanese_pipeline().pipe_names]
    assert "dekigoto_ner" in times  # its share gives the --no-ner figure
    assert all(t > 0 for t in times.values())  # every stage ran and was timed
    assert chars == sum(len(a.body) for a in articles)
    assert bench.fugashi_reference([a.body for a in articles]) > 0


def test_stage_times_time_extra_components_apart(built):
    """Components not in the pipeline (the parser's modes) are timed on each batch after it."""

    class Counter:
        docs = 0

        def pipe(self, docs):
            Counter.docs += len(docs)
            return docs

    articles = built[2][:2]
    extra: dict[str, float] = {}
    times, _ = bench.stage_times([a.body for a in articles], [a.published for a in articles], {"counter": Counter()}, extra)
    assert "counter" not in times and list(extra) == ["counter"] and extra["counter"] >= 0
    assert Counter.docs == 2
    assert set(bench.parser_modes()) == {"parser on candidate sentences", "parser on every sentence"}
    from pipeline.events.readers import READERS, default_reader

    # the readers the pipeline does not run
    assert set(bench.other_readers()) == {f"events reader {n}" for n in READERS if n != default_reader()}


def test_timed_extract_runs_extract_in_a_fresh_process(tmp_path):
    empty = tmp_path / "empty"  # no article: the child process runs extract without building the pipeline
    empty.mkdir()
    elapsed, rss_kib = bench._timed_extract(empty, tmp_path / "out", workers=1)
    assert elapsed > 0 and rss_kib > 10_000  # a Python process with pandas: tens of MiB at least
    assert (tmp_path / "out" / "events.csv").exists()


def test_main_prints_every_figure_of_the_readme_table(monkeypatch, capsys):
    runs = []

    def timed_extract(corpus, out, workers, full=True):
        runs.append((corpus.name, out.name, workers, full))
        return 2.0, 400 * 1024

    monkeypatch.setattr(bench, "_timed_extract", timed_extract)
    monkeypatch.setenv("BENCH_ARTICLES", "4")
    monkeypatch.setenv("BENCH_SOURCE", str(SOURCE))
    bench.main()
    printed = capsys.readouterr().out
    for figure in (
        "benchmark corpus: 4 articles",
        "fugashi alone",
        "pipeline in one process (4 articles)",
        "x fugashi",
        "dekigoto_ner",
        "pipeline without the trained NER (--no-ner)",
        "date tagger alone",
        "extract, 1 worker: 2.0s = 2.0 articles/s",
        "extract, 2 workers: 2.0s = 2.0 articles/s, speed-up 1.00x",
        "peak RSS with 1 articles: 400 MiB; with 4: 400 MiB (ratio 1.00)",
        "no-change rerun of 4 articles: 2.00s",
    ):
        assert figure in printed, figure
    assert runs == [
        ("corpus", "out1", 1, True),
        ("corpus", "out2", 2, True),
        ("quarter", "outq", 1, True),
        ("corpus", "out1", 1, False),  # the rerun reuses the one-worker output: nothing changed
    ]
