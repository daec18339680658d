"""The NER's static vectors: built from the ja-ginza wheel's chiVe table, kept small."""

from __future__ import annotations

import json
import zipfile

import numpy
import pytest
from spacy.strings import hash_string
from spacy.vectors import Vectors

from pipeline.ner import vectors as ner_vectors
from pipeline.ner.features import JapaneseHashEmbed
from pipeline.nlp import blank_japanese


def fake_wheel(tmp_path, words_to_rows: dict[str, int], data: numpy.ndarray):
    """A zip laid out like the ja-ginza wheel's vocab folder."""
    table = Vectors(data=data)
    for word, row in words_to_rows.items():
        table.add(hash_string(word), row=row)
    folder = tmp_path / "vocab"
    table.to_disk(folder)
    wheel = tmp_path / "fake.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for f in folder.iterdir():
            if f.name == "strings.json":  # written below, as the wheel has it
                continue
            zf.write(f, ner_vectors.GINZA_VOCAB + f.name)
        strings = [*words_to_rows, "文字列だけの語"]  # strings with no vector are skipped
        zf.writestr(ner_vectors.GINZA_VOCAB + "strings.json", json.dumps(strings))
    return wheel


def test_read_ginza_vectors_maps_words_to_rows(tmp_path):
    data = numpy.arange(12, dtype="float32").reshape(4, 3)
    wheel = fake_wheel(tmp_path, {"東京": 0, "大阪": 1, "国際連合": 2, "トヨタ": 3}, data)
    rows, table = ner_vectors.read_ginza_vectors(wheel)
    assert rows == {"東京": 0, "大阪": 1, "国際連合": 2, "トヨタ": 3}
    assert table.shape == (4, 3)


def test_only_words_the_tokenizer_keeps_whole():
    split = {"国際連合": ["国際", "連合"], "東京": ["東京"], "トヨタ": ["トヨタ"]}
    assert ner_vectors.single_token_words(split, split.get) == ["東京", "トヨタ"]


def test_principal_components_are_deterministic_and_ordered():
    rng = numpy.random.default_rng(0)
    data = rng.normal(size=(200, 10)) * numpy.arange(10, 0, -1)  # variance falls by column
    a = ner_vectors.principal_components(data, 3)
    b = ner_vectors.principal_components(data.copy(), 3)
    assert a.shape == (200, 3) and a.dtype == numpy.float32
    assert numpy.array_equal(a, b)
    variances = a.var(axis=0)
    assert variances[0] > variances[1] > variances[2]


def test_build_vectors_keeps_single_tokens_and_their_rows(tmp_path):
    rng = numpy.random.default_rng(1)
    data = rng.normal(size=(5, 8)).astype("float32")
    words = {"東京": 0, "大阪": 1, "国際連合": 2, "トヨタ": 3, "京都": 4}
    vectors = ner_vectors.build_vectors(fake_wheel(tmp_path, words, data), dims=2)
    assert vectors.shape == (4, 2)  # 国際連合 is two fugashi tokens: its row goes
    assert hash_string("国際連合") not in vectors.key2row
    assert hash_string("東京") in vectors.key2row


def test_fetch_wheel_refuses_a_wrong_file(tmp_path):
    (tmp_path / ner_vectors.GINZA_WHEEL).write_bytes(b"not the wheel")
    with pytest.raises(ValueError, match="sha256"):
        ner_vectors.fetch_wheel(tmp_path)


def test_embedding_with_static_vectors_reads_the_vocab_table():
    nlp = blank_japanese()
    nlp.vocab.vectors = Vectors(data=numpy.ones((2, 4), dtype="float32"))
    nlp.vocab.vectors.add(hash_string("京都"), row=0)
    docs = [nlp.make_doc("京都に行った。")]
    model = JapaneseHashEmbed(8, ["NORM", "LAST"], [50, 20], include_static_vectors=True)
    model.initialize(X=docs)
    (out,) = model.predict(docs)
    assert out.shape == (len(docs[0]), 8)


def test_narrower_feature_tables_shrink_the_mixing_layer_not_the_output():
    nlp = blank_japanese()
    nlp.vocab.vectors = Vectors(data=numpy.ones((2, 4), dtype="float32"))
    docs = [nlp.make_doc("京都に行った。")]
    wide = JapaneseHashEmbed(8, ["NORM", "LAST"], [50, 20], include_static_vectors=True)
    narrow = JapaneseHashEmbed(
        8, ["NORM", "LAST"], [50, 20], include_static_vectors=True, feature_width=3
    )
    for model in (wide, narrow):
        model.initialize(X=docs)
    (out,) = narrow.predict(docs)
    assert out.shape == (len(docs[0]), 8)
    mix_inputs = {
        m.get_dim("nI") for model in (wide, narrow) for m in model.walk() if m.name == "maxout"
    }
    assert mix_inputs == {8 * 3, 3 * 3}  # two tables and the vectors, 8 or 3 wide


def test_chive_feature_marks_the_longest_known_compound():
    from pipeline.ner.features import chive_compound_feature

    nlp = blank_japanese()
    table = Vectors(data=numpy.zeros((3, 2), dtype="float32"))
    table.add(hash_string("国際連合"), row=1)
    table.add(hash_string("トヨタ自動"), row=0)
    table.add(hash_string("トヨタ自動車"), row=2)  # longer wins
    nlp.vocab.vectors = table
    doc = nlp.make_doc("国際連合とトヨタ自動車")
    marks = dict(zip([t.text for t in doc], chive_compound_feature(doc), strict=True))
    assert [marks[w] for w in ("国際", "連合", "と")] == ["1|B", "1|I", "-"]
    assert [marks[w] for w in ("トヨタ", "自動", "車")] == ["2|B", "2|I", "2|I"]
