"""A model's word embeddings looked up once per distinct word, not computed per token.

The embedding layer of the parser (`dekigoto.JapaneseHashEmbed.v1`, `pipeline.ner.features`
without static vectors) turns each token's row of feature hashes (its text, lemma, tag,
conjugation form, first and last characters, script) into a vector through hash tables
and a Maxout layer: a pure function of that row, the same for every occurrence of a word
in the same form. It cost about a sixth of the parser's time; news repeats its words, so
`cache_embeddings` wraps the layer in one that keeps each distinct row's vector (up to
`MAX_ROWS`, then starts over) and computes only the rows it has not seen, through the
same layers. A row's vector is computed on its own: BLAS rounds a row's products
differently in batches of other sizes (by about 1e-7), and a vector made alone is the
same whatever else the process met before, so the results do not depend on the order
or the batching of the articles. Training is not affected (the wrapper calls the layer
itself when `is_train`).
"""

from __future__ import annotations

import numpy
from thinc.api import Model

MAX_ROWS = 50_000  # distinct feature rows kept (a row's vector: 64 floats; about 20 MB in all)
FEATURES_LAYER = "ja_features"


def _embedding_chains(model: Model) -> list[Model]:
    """The JapaneseHashEmbed chains of `model` without static vectors: features, list2ragged,
    the hash tables, the Maxout mixer, ragged2list."""
    found = []
    for node in model.walk():
        names = [layer.name for layer in node.layers]
        if len(names) == 5 and names[0] == FEATURES_LAYER and names[1] == "list2ragged" and names[4] == "ragged2list":
            found.append(node)
    return found


def cache_embeddings(model: Model) -> Model:
    """`model` with its embedding chains wrapped in a cache (see the module docstring); returns it
    (a model already wrapped as it is)."""
    if any(node.name == "cached_embedding" for node in model.walk()):
        return model
    for chain in _embedding_chains(model):
        model.replace_node(chain, _cached(chain))
    return model


def _cached(chain: Model) -> Model:
    features, _, tables, mixer, _ = chain.layers
    return Model(
        "cached_embedding",
        _cached_forward,
        layers=[chain],
        attrs={"features": features, "tables": tables, "mixer": mixer, "cache": _RowCache()},
        dims={"nO": chain.get_dim("nO") if chain.has_dim("nO") else None},
    )


class _RowCache:
    """Vectors by feature row: a dict from the row's bytes to a row of one float array."""

    def __init__(self):
        self.index: dict[bytes, int] = {}
        self.vectors: numpy.ndarray | None = None

    def clear(self) -> None:
        self.index.clear()


def _cached_forward(model: Model, docs, is_train: bool):
    chain = model.layers[0]
    if is_train:
        return chain(docs, is_train)
    features, tables, mixer = model.attrs["features"], model.attrs["tables"], model.attrs["mixer"]
    cache: _RowCache = model.attrs["cache"]
    rows = features.predict(docs)
    lengths = [len(r) for r in rows]
    if not sum(lengths):
        width = mixer.get_dim("nO")
        return [model.ops.alloc2f(n, width) for n in lengths], _no_backprop
    flat = numpy.ascontiguousarray(numpy.concatenate(rows), dtype="uint64")
    keys = flat.view(numpy.dtype((numpy.void, flat.dtype.itemsize * flat.shape[1]))).ravel().tolist()
    get = cache.index.get
    found = [get(k) for k in keys]
    if None in found:
        new = list(dict.fromkeys(k for k, i in zip(keys, found, strict=True) if i is None))
        if len(cache.index) + len(new) > MAX_ROWS:
            cache.clear()
            new = list(dict.fromkeys(keys))
        first = {k: n for n, k in enumerate(keys)}  # a token of each row, to compute it from
        embedded = tables.predict(flat[[first[k] for k in new]])
        # one row at a time: BLAS rounds a row's products differently in batches of other
        # sizes, so a vector computed alone is the same whatever else the process has seen
        vectors = numpy.concatenate([mixer.predict(embedded[n : n + 1]) for n in range(len(new))])
        start = len(cache.index)
        if cache.vectors is None or start == 0:
            cache.vectors = numpy.empty((max(len(new), 1024), vectors.shape[1]), dtype=vectors.dtype)
        if start + len(new) > len(cache.vectors):
            grown = numpy.empty((max(2 * len(cache.vectors), start + len(new)), vectors.shape[1]), dtype=vectors.dtype)
            grown[:start] = cache.vectors[:start]
            cache.vectors = grown
        cache.vectors[start : start + len(new)] = vectors
        for n, k in enumerate(new):
            cache.index[k] = start + n
        found = [get(k) for k in keys]
    out = cache.vectors[found]
    return numpy.split(out, numpy.cumsum(lengths)[:-1]), _no_backprop


def _no_backprop(d_output):
    raise NotImplementedError("the cached embedding layer is for prediction only")
