"""The NER's Japanese token features and the training-time name swapping."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.ner.convert import mapped_entities, substitute_entities
from pipeline.ner.features import FEATURES, JapaneseFeatureExtractor, JapaneseHashEmbed, script_of
from pipeline.nlp import blank_japanese


@pytest.mark.parametrize(
    "ch, expected",
    [("漢", "漢"), ("々", "漢"), ("か", "か"), ("カ", "カ"), ("ー", "カ"), ("・", "・"),
     ("A", "A"), ("a", "a"), ("3", "0"), ("３", "0"), ("、", "、")],
)
def test_script_of(ch, expected):
    assert script_of(ch) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("マーザ", "カ|3"), ("JR京都線", "A漢|5-6"), ("精肉店", "漢|3"), ("ジョージ・ワシントン", "カ・カ|7+"), ("に", "か|1")],
)
def test_script_shape(text, expected):
    assert FEATURES["SCRIPT"](text, "") == expected


def test_affix_features_are_the_characters_a_japanese_name_ends_with():
    assert FEATURES["LAST"]("精肉店", "") == "店"
    assert FEATURES["LAST2"]("精肉店", "") == "肉店"
    assert FEATURES["FIRST"]("精肉店", "") == "精"
    assert FEATURES["POS2"]("", "名詞-固有名詞-人名-姓") == "名詞-固有名詞"


def test_extractor_one_row_per_token_and_same_features_same_ids():
    nlp = blank_japanese()
    doc = nlp.make_doc("山田氏と山田氏")
    names = ["NORM", "LAST", "SCRIPT", "TAG"]
    (arr,), _ = JapaneseFeatureExtractor(names)([doc], is_train=False)
    assert arr.shape == (len(doc), len(names))
    assert arr.dtype.name == "uint64"
    half = len(doc) // 2 + 1
    assert (arr[0] == arr[half]).all()  # 山田 ... 山田
    assert len({int(x) for x in arr[:, 0]}) == len({t.text for t in doc})


def test_extractor_needs_only_text_and_tag():
    """The pipeline's scratch Docs carry words and tags only."""
    nlp = blank_japanese()
    doc = Doc(nlp.vocab, words=["東京", "都"], tags=["名詞-固有名詞-地名-一般", "接尾辞-名詞的-一般"])
    (arr,), _ = JapaneseFeatureExtractor(["TAG", "POS2"])([doc], is_train=False)
    assert arr.shape == (2, 2)


def test_extractors_of_the_same_features_share_the_work_on_a_doc():
    """The ensemble's members read one Doc's features once (not while training)."""
    nlp = blank_japanese()
    doc = nlp.make_doc("山田氏と会談した")
    names = ["NORM", "TAG"]
    (first,), _ = JapaneseFeatureExtractor(names)([doc], is_train=False)
    (again,), _ = JapaneseFeatureExtractor(names)([doc], is_train=False)
    assert again is first
    (other,), _ = JapaneseFeatureExtractor(["TAG", "NORM"])([doc], is_train=False)
    assert (other == first[:, ::-1]).all()
    (trained,), _ = JapaneseFeatureExtractor(names)([doc], is_train=True)
    assert trained is not first and (trained == first).all()


def test_extractor_rows_are_the_hashes_of_the_feature_values(monkeypatch):
    """Token features come from a table of the words seen, Doc features from caches of
    their values: the hashes are those of "NAME=value", the first time and after."""
    from spacy.strings import hash_string

    from pipeline.ner import features

    monkeypatch.setattr(features, "_TOKEN_TABLES", {})
    monkeypatch.setattr(features, "_VALUE_HASHES", {})
    names = ["NORM", "LEMMA", "TAG", "CFORM", "LAST"]
    nlp = blank_japanese()
    for text in ("米国は中国を批判した", "中国は米国を批判しなかった"):
        doc = nlp.make_doc(text)
        for _ in range(2):
            (arr,), _ = features._extract_forward(JapaneseFeatureExtractor(names), [doc], is_train=True)
            expected = [
                [hash_string(f"NORM={t.text.lower()}"), hash_string(f"LEMMA={t.lemma_}"), hash_string(f"TAG={t.tag_}"),
                 hash_string(f"CFORM={t._.conj_form or '-'}"), hash_string(f"LAST={t.text[-1:]}")]
                for t in doc
            ]  # fmt: skip
            assert arr.tolist() == expected


def test_unknown_feature_is_refused():
    with pytest.raises(ValueError, match="unknown NER features"):
        JapaneseFeatureExtractor(["NORM", "NOPE"])
    with pytest.raises(ValueError, match="row counts"):
        JapaneseHashEmbed(32, ["NORM", "LAST"], [100])


def test_embedding_gives_one_vector_of_width_per_token():
    nlp = blank_japanese()
    docs = [nlp.make_doc("セガゲームスに入社した。"), nlp.make_doc("京都")]
    model = JapaneseHashEmbed(16, ["NORM", "LAST", "SCRIPT"], [100, 50, 20])
    model.initialize(X=docs)
    out = model.predict(docs)
    assert [o.shape for o in out] == [(len(docs[0]), 16), (len(docs[1]), 16)]


RECORDS = [
    {"text": "山田太郎はトヨタに入社した。", "curid": "1",
     "entities": [{"start": 0, "end": 4, "label": "人名"}, {"start": 5, "end": 8, "label": "法人名"}]},
    {"text": "鈴木一郎がソニーを訪れた。", "curid": "2",
     "entities": [{"start": 0, "end": 4, "label": "人名"}, {"start": 5, "end": 8, "label": "法人名"}]},
    {"text": "京都で雨が降った。", "curid": "3", "entities": [{"start": 0, "end": 2, "label": "地名"}]},
    {"text": "名前のない文。", "curid": "4", "entities": []},
]


def test_substitute_entities_swaps_names_within_their_label():
    out = substitute_entities(RECORDS, copies=2, seed=1)
    assert len(out) == 6  # records without entities are not copied
    persons = {"山田太郎", "鈴木一郎"}
    orgs = {"トヨタ", "ソニー"}
    for rec in out:
        for start, end, label in mapped_entities(rec):
            surface = rec["text"][start:end]
            assert surface in {"PERSON": persons, "ORG": orgs, "LOC": {"京都"}}[label]
        assert rec["text"].endswith("。")
    assert substitute_entities(RECORDS, copies=2, seed=1) == out  # deterministic
    assert substitute_entities(RECORDS, copies=0, seed=1) == []


def test_substitute_entities_moves_offsets_with_longer_names():
    records = [
        {"text": "AがBを買った。", "curid": "x",
         "entities": [{"start": 0, "end": 1, "label": "法人名"}, {"start": 2, "end": 3, "label": "法人名"}]},
        {"text": "長い会社名株式会社", "curid": "y", "entities": [{"start": 0, "end": 9, "label": "法人名"}]},
    ]
    for rec in substitute_entities(records, copies=5, seed=3):
        spans = mapped_entities(rec)
        assert all(rec["text"][s:e] in {"A", "B", "長い会社名株式会社"} for s, e, _ in spans)
        if len(spans) == 2:
            assert rec["text"][spans[0][1] : spans[1][0]] == "が"
