"""Static word vectors for the NER, made from chiVe (the vectors GiNZA ships).

A CNN trained on 11,000 sentences has seen few of the names it will meet; word
vectors learnt from a large corpus tell it that an unseen word is used like a
company, a town or a given name. chiVe (Works Applications, Apache 2.0) is the
standard Japanese set; the `ja-ginza` wheel on PyPI carries a pruned copy
(480,443 Sudachi words mapped onto 20,000 rows of 300 floats). Training reads
that copy and builds the table the model ships with:

- the words fugashi + unidic-lite reads as one token give each token its vector
  (spaCy's StaticVectors, looked up by token text);
- the words it splits (国際連合, トヨタ自動車: Sudachi's longer units) are kept
  when the embedding has the CHIVE feature (`features.chive_compound_feature`),
  which marks runs of tokens chiVe knows as one word: a gazetteer of 200,000
  multi-token names and terms, each with its row as a cluster id;
- the rows are projected on their first `dims` principal components, so the
  model stays small.

The wheel is fetched once by pip (pinned, hash-checked) into the training work
folder; the pipeline never downloads anything: the model carries the table.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy
from spacy.strings import hash_string
from spacy.vectors import Vectors

GINZA = "ja-ginza==5.3.0"
GINZA_WHEEL = "ja_ginza-5.3.0-py3-none-any.whl"
GINZA_SHA256 = "ac6479a805c5c5c23c270554934c1c1f344039560ef3a7e4b15a4275bea3c685"
GINZA_VOCAB = "ja_ginza/ja_ginza-5.3.0/vocab/"
DIMS = 64  # 128 scored no better (docs/ner.md) and weighs 5 MB more


def fetch_wheel(folder: Path) -> Path:
    """The ja-ginza wheel in `folder`, downloaded by pip (no dependencies) if absent."""
    wheel = folder / GINZA_WHEEL
    if not wheel.exists():
        folder.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", GINZA, "--no-deps", "-d", str(folder)]
        subprocess.run(cmd, check=True)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != GINZA_SHA256:
        raise ValueError(f"{wheel}: sha256 {digest}, expected {GINZA_SHA256}")
    return wheel


def read_ginza_vectors(wheel: Path) -> tuple[dict[str, int], numpy.ndarray]:
    """(word -> row, rows) of the vectors in the ja-ginza wheel."""
    with zipfile.ZipFile(wheel) as zf:
        extract = wheel.parent / "ja_ginza_vocab"
        for name in ("vectors", "vectors.cfg", "key2row", "strings.json"):
            member = GINZA_VOCAB + name
            if member in zf.namelist():
                (extract / name).parent.mkdir(parents=True, exist_ok=True)
                (extract / name).write_bytes(zf.read(member))
    vectors = Vectors().from_disk(extract)
    strings = json.loads((extract / "strings.json").read_text(encoding="utf-8"))
    key2row = vectors.key2row
    rows = {}
    for word in strings:
        row = key2row.get(hash_string(word))
        if row is not None:
            rows[word] = row
    return rows, numpy.asarray(vectors.data)


def single_token_words(words, tokenize) -> list[str]:
    """The words that `tokenize` (text -> list of surfaces) keeps whole."""
    return [w for w in words if tokenize(w) == [w]]


def principal_components(data: numpy.ndarray, dims: int) -> numpy.ndarray:
    """`data` centred and projected on its first `dims` principal axes (float32).
    Signs are fixed (largest coordinate of each axis positive) so that a rebuild
    gives the same table."""
    centred = data - data.mean(axis=0)
    _, _, axes = numpy.linalg.svd(centred.astype("float64"), full_matrices=False)
    axes = axes[:dims]
    signs = numpy.sign(axes[numpy.arange(len(axes)), numpy.abs(axes).argmax(axis=1)])
    return (centred @ (axes * signs[:, None]).T).astype("float32")


def build_vectors(wheel: Path, dims: int = DIMS, compounds: bool = False) -> Vectors:
    """The NER's vector table: single-token chiVe words, `dims` components; with
    `compounds`, the words fugashi splits too (国際連合, トヨタ自動車), which the
    CHIVE feature looks up over runs of tokens."""
    import fugashi

    rows, data = read_ginza_vectors(wheel)
    words = sorted(rows)
    if not compounds:
        tagger = fugashi.Tagger()
        words = single_token_words(words, lambda t: [w.surface for w in tagger(t)])
    used = sorted({rows[w] for w in words})
    new_row = {old: new for new, old in enumerate(used)}
    table = principal_components(data[used], dims)
    vectors = Vectors(data=table, name="chive_ginza_pca")
    for word in words:
        vectors.add(hash_string(word), row=new_row[rows[word]])
    return vectors


def write_vectors_pipeline(vectors: Vectors, out: Path) -> Path:
    """A blank Japanese pipeline holding only `vectors`: what spaCy's
    `[initialize] vectors` setting loads."""
    from pipeline.nlp import blank_japanese

    nlp = blank_japanese()
    nlp.vocab.vectors = vectors
    nlp.to_disk(out, exclude=["tokenizer"])
    return out
