"""Articles analysed in a batch: the rows of one article at a time, failures and time
limits kept to the article at fault."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from pipeline.analysis import BATCHED, analyze_article, analyze_articles
from pipeline.corpus import Article
from pipeline.extract import ArticleTimeout
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


class FakeClock:
    """analysis.time.perf_counter for a test: time passes only when a test says so."""

    def __init__(self):
        self.now = 0.0

    def perf_counter(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    import pipeline.analysis as analysis

    fake = FakeClock()
    monkeypatch.setattr(analysis, "time", fake)
    return fake


def _limit_on(clock):
    """A time limit on the fake clock: a step that took longer raises when it ends (the
    real one, SIGALRM, interrupts it: tests/test_extract.py)."""

    @contextmanager
    def limit(seconds):
        started = clock.now
        yield
        if seconds is not None and clock.now - started > seconds:
            raise ArticleTimeout(f"analysis took longer than {seconds:g}s")

    return limit


def _slow_events(monkeypatch, clock, seconds: dict[str, float]):
    """The event coder takes `seconds[marker]` on an article whose text holds marker."""
    from pipeline.events.component import EventCoder

    real = EventCoder.__call__

    def coder(self, doc):
        clock.now += sum(s for marker, s in seconds.items() if marker in doc.text)
        return real(self, doc)

    monkeypatch.setattr(EventCoder, "__call__", coder)


def test_a_slow_article_runs_out_of_its_own_time(sample_article, monkeypatch, clock):
    _slow_events(monkeypatch, clock, {"ワシントン": 30.0})
    results = analyze_articles(_articles(sample_article), timeout=2.0, time_limit=_limit_on(clock))
    assert isinstance(results[2], ArticleTimeout)
    assert sum(isinstance(r, Exception) for r in results) == 1


def test_an_articles_steps_add_up_to_its_time(sample_article, monkeypatch, clock):
    """Each article has `timeout` seconds for all its steps: 1.5 s in the coder is within
    2 s, but not after 1 s spent before it (the text layer here)."""
    import pipeline.analysis as analysis

    real = analysis.prepare

    def prepare(body):
        clock.now += 1.0 if "パシニャン" in body else 0.0
        return real(body)

    monkeypatch.setattr(analysis, "prepare", prepare)
    _slow_events(monkeypatch, clock, {"パシニャン": 1.5, "ワシントン": 1.5})
    results = analyze_articles(_articles(sample_article), timeout=2.0, time_limit=_limit_on(clock))
    assert isinstance(results[3], ArticleTimeout)  # 1 + 1.5 > 2
    assert not isinstance(results[2], Exception)  # 1.5 < 2
    assert sum(isinstance(r, Exception) for r in results) == 1
