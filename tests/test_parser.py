"""The dependency parser: GSD alignment, scoring, the packaged model and the
`dekigoto_parser` component (no `../shared`, no training)."""

from __future__ import annotations

import hashlib
import json

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.model import Sentence
from pipeline.nlp import blank_japanese, make_doc
from pipeline.parser import MODEL_DIR
from pipeline.parser.component import (
    PARSES,
    ParserComponent,
    load_model,
    parse_many,
    parse_spans,
    token_range,
)
from pipeline.parser.convert import AlignStats, _is_tree, align_sentence, clusters
from pipeline.parser.evaluate import attachment_scores


@pytest.fixture(scope="module")
def nlp():
    return blank_japanese()


# ------------------------------------------------------------------ alignment


@pytest.mark.parametrize(
    "gold, pred, expected",
    [
        ([(0, 2), (2, 3)], [(0, 2), (2, 3)], [([0], [0]), ([1], [1])]),
        ([(0, 2)], [(0, 1), (1, 2)], [([0], [0, 1])]),  # split: 2人 -> 2 | 人
        ([(0, 2), (2, 5)], [(0, 5)], [([0, 1], [0])]),  # merged: ミニ | ゲーム -> ミニゲーム
        ([(0, 1), (1, 3)], [(0, 2), (2, 3)], [([0, 1], [0, 1])]),  # crossing: 同 | 市内 -> 同市 | 内
    ],
)
def test_clusters(gold, pred, expected):
    assert list(clusters(gold, pred)) == expected


def gsd_sentence(nlp, words, heads, deps, pos):
    doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words), heads=heads, deps=deps, pos=pos)
    return doc[:]


def test_align_split_word_attaches_inside_to_its_last_piece(nlp):
    # GSD: 2人 | が | 来 | た (2人 one word); fugashi: 2 | 人 | が | 来 | た
    sent = gsd_sentence(nlp, ["2人", "が", "来", "た"], [2, 0, 2, 2], ["nsubj", "case", "ROOT", "aux"], ["NOUN", "ADP", "VERB", "AUX"])
    stats = AlignStats()
    doc = align_sentence(nlp, sent, stats)
    assert [t.text for t in doc] == ["2", "人", "が", "来", "た"]
    assert [(t.dep_, t.head.i) for t in doc] == [("compound", 1), ("nsubj", 3), ("case", 1), ("ROOT", 3), ("aux", 3)]
    assert stats.counts["split_clusters"] == 1 and stats.counts["sentences"] == 1


def test_align_merged_words_take_the_attachment_of_their_root(nlp):
    # GSD: ミニ | ゲーム | を | 遊ぶ; fugashi: ミニゲーム | を | 遊ぶ
    sent = gsd_sentence(nlp, ["ミニ", "ゲーム", "を", "遊ぶ"], [1, 3, 1, 3], ["compound", "obj", "case", "ROOT"], ["NOUN", "NOUN", "ADP", "VERB"])
    doc = align_sentence(nlp, sent)
    assert [t.text for t in doc] == ["ミニゲーム", "を", "遊ぶ"]
    assert [(t.dep_, t.head.i) for t in doc] == [("obj", 2), ("case", 0), ("ROOT", 2)]


def test_is_tree():
    assert _is_tree([1, 1, 1])
    assert not _is_tree([1, 0, 2])  # a cycle and a second root
    assert not _is_tree([0, 1])  # two roots


def test_attachment_scores(nlp):
    gold = Doc(nlp.vocab, words=["a", "b", "。"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"])
    pred = Doc(nlp.vocab, words=["a", "b", "。"], heads=[1, 1, 0], deps=["obj", "ROOT", "punct"])
    s = attachment_scores([(pred, gold)])
    assert (s["uas"], s["las"]) == (round(2 / 3, 4), round(1 / 3, 4))
    assert (s["uas_no_punct"], s["las_no_punct"]) == (1.0, 0.5)
    assert s["relations"]["nsubj"]["r"] == 0.0 and s["relations"]["obj"]["p"] == 0.0


# ------------------------------------------------------------------ packaged model


def test_packaged_model_files():
    for name in ("config.cfg", "meta.json", "NOTICE", "scores.json", "parser/model", "parser/moves"):
        assert (MODEL_DIR / name).exists(), name
    notice = (MODEL_DIR / "NOTICE").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice and "UD Japanese GSD" in notice
    assert json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))["license"] == "CC BY-SA 4.0"


def test_scores_belong_to_these_weights():
    info = json.loads((MODEL_DIR / "scores.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256((MODEL_DIR / "parser" / "model").read_bytes()).hexdigest()
    assert info["weights_sha256"] == digest, "scores.json was written for other weights: run make train-parser"
    assert info["results"]["GSD test"]["las_no_punct"] > 0.85


def test_model_loads_with_spacy_once_registered():
    import pipeline.ner.features  # noqa: F401
    import pipeline.tokenizer  # noqa: F401

    model = spacy.load(MODEL_DIR)
    assert {"nsubj", "obj", "obl", "case", "acl", "advcl"} <= set(model.get_pipe("parser").labels)


def test_parse_spans_keeps_the_article_offsets(nlp):
    text = "今日は晴れ。米国は中国を批判した。"
    doc = nlp.make_doc(text)
    start = text.index("米国")
    (parsed,) = parse_spans(doc, [(start, len(text))])
    assert (parsed.start, parsed.end) == (start, len(text))
    assert doc[parsed.token_start].text == "米国"
    assert parsed.doc.text == "米国は中国を批判した。"
    (crit,) = [p for p in parsed.predicates() if p.lemma == "批判"]
    assert text[crit.start : crit.end].startswith("批判")
    assert (crit.subject.text, crit.subject.case) == ("米国", "は")
    assert text[crit.subject.start : crit.subject.end] == "米国"
    assert doc[crit.subject.i].text == "米国"
    assert (crit.object.text, crit.object.case) == ("中国", "を")
    assert parsed.head(crit.subject.i) == crit.i and parsed.dep(crit.subject.i) == "nsubj"


def test_parse_many_batches_several_docs(nlp):
    docs = [nlp.make_doc("男性が逮捕された。"), nlp.make_doc("首相は会見で述べた。")]
    out = parse_many([(docs[0], [(0, len(docs[0].text))]), (docs[1], []), (docs[0], [(0, 0)])])
    assert [len(x) for x in out] == [1, 0, 0]
    (arrest,) = [p for p in out[0][0].predicates() if p.lemma == "逮捕"]
    assert arrest.voice == "passive" and arrest.subject.text == "男性"


def test_token_range_leaves_out_whitespace(nlp):
    doc = nlp.make_doc("米国は。\n\n中国も。")
    a, b = token_range(doc, 0, len(doc.text))
    assert not doc[a].is_space and not doc[b - 1].is_space


# ------------------------------------------------------------------ component


def _doc(nlp, text, sentences):
    return make_doc(nlp, text, "2026-01", [Sentence(k, s, e, "body", 0, text[s:e]) for k, (s, e) in enumerate(sentences)])


def test_component_requested_mode(nlp):
    comp = ParserComponent()
    text = "米国は中国を批判した。天気は晴れだった。"
    doc = _doc(nlp, text, [(0, 11), (11, len(text))])
    assert comp(doc)._.get(PARSES) == []  # nothing requested
    doc._.parse_request = [(0, 11)]
    parses = comp(doc)._.get(PARSES)
    assert [(p.start, p.end) for p in parses] == [(0, 11)]


def test_component_all_mode_and_disabled(nlp):
    text = "米国は中国を批判した。天気は晴れだった。"
    spans = [(0, 11), (11, len(text))]
    doc = ParserComponent(sentences="all")(_doc(nlp, text, spans))
    assert [(p.start, p.end) for p in doc._.parses] == spans
    doc = ParserComponent(enabled=False, sentences="all")(_doc(nlp, text, spans))
    assert doc._.parses == []


def test_component_rejects_an_unknown_mode():
    with pytest.raises(ValueError, match="sentences must be one of"):
        ParserComponent(sentences="some")


def test_factory_and_candidates_mode():
    """In the full pipeline after the actors: only sentences with a trigger and two actors."""
    from pipeline.nlp import japanese_pipeline
    from pipeline.text import prepare

    base = japanese_pipeline()
    text = "米国は中国を批判した。天気は晴れだった。日本は抗議した。"
    document = prepare(text)
    doc = make_doc(base, document.text, "2026-01", document.sentences)
    for name, component in base.pipeline:
        if name != "dekigoto_events":
            doc = component(doc)
    comp = blank_japanese().add_pipe("dekigoto_parser", config={"sentences": "candidates"})
    parses = comp(doc)._.parses
    assert [document.text[p.start : p.end] for p in parses] == ["米国は中国を批判した。"]
    loose = ParserComponent(sentences="candidates", min_actors=1)(doc)._.parses
    assert [document.text[p.start : p.end] for p in loose] == ["米国は中国を批判した。", "日本は抗議した。"]


def test_load_model_is_cached():
    assert load_model() is load_model()


@pytest.mark.parametrize(
    "words, expected",
    [
        (["米国", "は", "批判"], True),
        (["ミサイル", "攻撃"], True),  # a trigger of two tokens
        (["天気", "は", "晴れ"], False),
        ([], False),
    ],
)
def test_has_trigger(words, expected):
    from pipeline.parser.select import has_trigger

    assert has_trigger(words) is expected


@pytest.mark.parametrize(
    "words, lemmas, expected",
    [
        # quoted words or a clause marked と under する: a statement, parsed
        (["政府", "は", "「", "遺憾", "だ", "」", "と", "し", "て", "いる"], ["政府", "は", "「", "遺憾", "だ", "」", "と", "為る", "て", "居る"], True),
        (["根拠", "は", "ない", "と", "し", "た"], ["根拠", "は", "無い", "と", "為る", "た"], True),
        (["当たる", "と", "し", "、"], ["当たる", "と", "為る", "、"], True),
        # として after a noun (as) or before a verb (the reason), としたら (supposing): no
        (["代表", "と", "し", "て"], ["代表", "と", "為る", "て"], False),
        (["し", "た", "と", "し", "て", "逮捕"], ["為る", "た", "と", "為る", "て", "逮捕"], False),
        (["ない", "と", "し", "たら"], ["無い", "と", "為る", "たら"], False),
        (["ない", "と", "すれ", "ば"], ["無い", "と", "為る", "ば"], False),
    ],
)
def test_states_with_suru(words, lemmas, expected):
    from pipeline.parser.select import states_with_suru

    assert states_with_suru(words, lemmas) is expected
