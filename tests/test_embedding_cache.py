"""pipeline.embedding_cache: the parser's word embeddings, cached per distinct feature row,
give the same vectors and the same trees as the layer itself."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD

from pipeline import embedding_cache
from pipeline.blas import one_thread, use_numpy_blas
from pipeline.nlp import blank_japanese
from pipeline.parser import MODEL_DIR
from pipeline.parser.component import _add_labels, load_model, sentence_doc

SENTENCES = [
    "米国は中国を批判した。",
    "首相は会見で、制裁を解除する方針を示した。",
    "外相は「対話を続ける」と述べ、中国に自制を求めた。",
    "米国は中国を批判し、日本は制裁を発表した。",  # words of the first sentence again
]


@pytest.fixture(scope="module")
def plain():
    """The packaged parser without the cache (loaded apart from `load_model`'s)."""
    import pipeline.ner.features  # noqa: F401  (registers the embedding layer)
    import pipeline.tokenizer  # noqa: F401

    nlp = spacy.load(MODEL_DIR)
    use_numpy_blas(nlp.get_pipe("parser").model)
    return nlp.get_pipe("parser")


def _docs():
    nlp = blank_japanese()
    return [sentence_doc(doc, 0, len(doc)) for doc in map(nlp.make_doc, SENTENCES)]


def _trees(parser, docs):
    for vocab in {id(d.vocab): d.vocab for d in docs}.values():
        _add_labels(vocab, parser)
    with one_thread():
        return [d.to_array([HEAD, DEP]).tolist() for d in parser.pipe(docs)]


def test_the_packaged_parser_runs_with_the_cache():
    model = load_model().get_pipe("parser").model
    assert [n.name for n in model.walk() if n.name == "cached_embedding"] == ["cached_embedding"]


def test_cached_trees_are_the_layers_own(plain):
    cached = load_model().get_pipe("parser")
    assert _trees(cached, _docs()) == _trees(plain, _docs())
    assert _trees(cached, _docs()) == _trees(plain, _docs())  # all rows from the cache now


def test_cached_vectors_agree_with_the_layer_and_rows_repeat_from_the_cache(plain):
    (chain,) = embedding_cache._embedding_chains(plain.model)
    wrapper = embedding_cache._cached(chain)
    docs = _docs()
    got = wrapper.predict(docs)
    batched = chain.predict(docs)
    assert all(numpy.allclose(a, b, atol=1e-5) for a, b in zip(got, batched, strict=True))  # BLAS rounding
    cache = wrapper.attrs["cache"]
    distinct = len(cache.index)
    assert distinct < sum(map(len, docs))  # 米国, は, 。 ... computed once
    again = wrapper.predict(docs[:1])
    assert len(cache.index) == distinct and numpy.array_equal(again[0], got[0])


def test_a_words_vector_does_not_depend_on_what_the_process_met_before(plain):
    """Each row is computed alone, so neither the batch nor the cache's history moves it."""
    (chain,) = embedding_cache._embedding_chains(plain.model)
    docs = _docs()
    first, second = embedding_cache._cached(chain), embedding_cache._cached(chain)
    first.predict(docs[::-1])
    assert all(numpy.array_equal(a, b) for a, b in zip(first.predict(docs), second.predict(docs), strict=True))


def test_a_full_cache_starts_over(plain, monkeypatch):
    monkeypatch.setattr(embedding_cache, "MAX_ROWS", 12)
    (chain,) = embedding_cache._embedding_chains(plain.model)
    wrapper, fresh = embedding_cache._cached(chain), embedding_cache._cached(chain)
    docs = _docs()
    for doc in docs:
        (got,) = wrapper.predict([doc])
        assert len(wrapper.attrs["cache"].index) <= max(12, len(doc))
    monkeypatch.setattr(embedding_cache, "MAX_ROWS", 10_000)
    assert all(numpy.array_equal(a, b) for a, b in zip([wrapper.predict([d])[0] for d in docs], fresh.predict(docs), strict=True))


def test_training_goes_through_the_layer_itself(plain):
    (chain,) = embedding_cache._embedding_chains(plain.model)
    wrapper = embedding_cache._cached(chain)
    docs = _docs()
    out, backprop = wrapper.begin_update(docs)
    assert len(out) == len(docs) and not wrapper.attrs["cache"].index
    assert callable(backprop)


def test_empty_docs(plain):
    (chain,) = embedding_cache._embedding_chains(plain.model)
    wrapper = embedding_cache._cached(chain)
    doc = blank_japanese().make_doc("")
    (out,) = wrapper.predict([doc])
    assert out.shape[0] == 0
