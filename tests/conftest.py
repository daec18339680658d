"""Shared fixtures: the sample article and its gold annotation (copies kept in tests/)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

# Property tests draw their examples from a seed fixed per test ("ci", the default): a
# run fails or passes the same way everywhere. HYPOTHESIS_PROFILE=explore searches
# afresh, with more examples, and keeps what fails in .hypothesis/ to replay.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE_ARTICLE = FIXTURES / "gold" / "belarus_us_635.md"
SAMPLE_GOLD = FIXTURES / "gold" / "belarus_us_635.gold.yaml"


# The gold file's list of things that are not dates (a comment there, so kept here once).
GOLD_NOT_DATES = ["36歳", "1票", "3票", "三選", "6選", "80%", "8割", "123人", "1200人弱", "第3位", "635号"]


@pytest.fixture(scope="module")
def nlp():
    """A Japanese pipeline with the tokenizer only, for the tests of one stage (a test module
    may define its own)."""
    from pipeline.nlp import blank_japanese

    return blank_japanese()


@pytest.fixture(scope="module")
def kb():
    """The packaged actor knowledge base (no overlay)."""
    from pipeline.actors import load_kb

    return load_kb()


def linked_doc(text):
    """A one-sentence Doc after the actors stage (no trained NER), and its KB."""
    import pipeline.actors.component  # noqa: F401  (registers "dekigoto_actors")
    from pipeline.model import Sentence
    from pipeline.nlp import blank_japanese, make_doc

    nlp = blank_japanese()
    nlp.add_pipe("dekigoto_actors")
    doc = make_doc(nlp, text, "2026-02", [Sentence(0, 0, len(text), "body", 0, text)])
    linker = nlp.get_pipe("dekigoto_actors")
    return linker(doc), linker.kb


def sample_body() -> str:
    """The sample article's body, exactly as stored (the seed text)."""
    from pipeline.corpus import read_article

    return read_article(SAMPLE_ARTICLE, SAMPLE_ARTICLE.parent).body


@pytest.fixture(scope="session")
def sample_article():
    from pipeline.corpus import read_article

    return read_article(SAMPLE_ARTICLE, SAMPLE_ARTICLE.parent)


@pytest.fixture(scope="session")
def sample_gold() -> dict:
    return yaml.safe_load(SAMPLE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_document(sample_article):
    from pipeline.text import prepare

    return prepare(sample_article.body)


@pytest.fixture(scope="session")
def sample_tables(tmp_path_factory):
    """The sample article extracted once: (tables folder, corpus folder)."""
    import shutil

    from pipeline.extract import extract

    root = tmp_path_factory.mktemp("sample-tables")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, corpus / SAMPLE_ARTICLE.name)
    extract(corpus, root / "outputs", progress=False, workers=1)
    return root / "outputs", corpus
