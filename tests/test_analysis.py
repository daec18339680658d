"""Articles analysed in a batch: the rows of one article at a time, failures and time
limits kept to the article at fault."""

from __future__ import annotations

import time

import pytest

from pipeline.analysis import BATCHED, analyze_article, analyze_articles
from pipeline.corpus import Article
from pipeline.extract import ArticleTimeout, _time_limit
from pipeline.ner.component import NerComponent

TEXTS = (
    "ロシアは3月、ベラルーシへの原油輸出を減らした。アエロフロートは運航を停止した。",
    "米国のルビオ国務長官は10日、ワシントンでカザフスタンのトカエフ大統領と会談した。",
    "アルメニアのパシニャン首相はエレバンでマクロン大統領と会い、支援を求めた。",
)


def _articles(sample_article) -> list[Article]:
    made = [Article(f"a{i}", f"a{i}.md", text, published="2026-03-02", lang="ja") for i, text in enumerate(TEXTS)]
    english = Article("en", "en.md", "Belarus freed political prisoners on Tuesday.", published="2026-03-02", lang="en")
    return [sample_article, *made, english]


@pytest.fixture(scope="module")
def one_at_a_time(sample_article):
    return [analyze_article(a).rows for a in _articles(sample_article)]


def test_the_ner_is_batched():
    assert BATCHED == {"dekigoto_ner"}


def test_a_batch_gives_the_rows_of_one_article_at_a_time(sample_article, one_at_a_time):
    results = analyze_articles(_articles(sample_article))
    assert [r.rows for r in results] == one_at_a_time
    assert any(m["link_method"] == "model" for r in results for m in r.rows["mentions"])


def test_a_failing_batched_call_is_redone_one_article_at_a_time(sample_article, one_at_a_time, monkeypatch):
    real = NerComponent.pipe
    calls = []

    def pipe(self, docs, batch_size=64):
        docs = list(docs)
        calls.append(len(docs))
        if len(docs) > 1:
            real(self, docs[:1])  # partly done when it fails: done again must not add twice
            raise RuntimeError("batch")
        return real(self, docs, batch_size)

    monkeypatch.setattr(NerComponent, "pipe", pipe)
    results = analyze_articles(_articles(sample_article))
    assert calls[0] == 4 and calls[1:] == [1, 1, 1, 1]  # the Japanese articles, then one by one
    assert [r.rows for r in results] == one_at_a_time


def test_the_article_at_fault_fails_alone(sample_article, one_at_a_time, monkeypatch):
    real = NerComponent.pipe

    def pipe(self, docs, batch_size=64):
        docs = list(docs)
        if any("パシニャン" in d.text for d in docs):
            raise RuntimeError("boom")
        return real(self, docs, batch_size)

    monkeypatch.setattr(NerComponent, "pipe", pipe)
    results = analyze_articles(_articles(sample_article))
    assert isinstance(results[3], RuntimeError)
    assert [r.rows for i, r in enumerate(results) if i != 3] == [rows for i, rows in enumerate(one_at_a_time) if i != 3]


def test_a_slow_article_runs_out_of_its_own_time(sample_article, monkeypatch):
    from pipeline.events.component import EventCoder

    real = EventCoder.__call__

    def slow(self, doc):
        if "ワシントン" in doc.text:
            time.sleep(30)
        return real(self, doc)

    monkeypatch.setattr(EventCoder, "__call__", slow)
    started = time.perf_counter()
    results = analyze_articles(_articles(sample_article), timeout=2.0, time_limit=_time_limit)
    assert time.perf_counter() - started < 20
    assert isinstance(results[2], ArticleTimeout)
    assert sum(isinstance(r, Exception) for r in results) == 1
