"""The spaCy component "dekigoto_dates" fills doc._.dates from doc.text, published, sentences."""

from __future__ import annotations

import pipeline.dates.component  # noqa: F401  (registers the factory)
from pipeline.dates import split_sentences
from pipeline.nlp import blank_japanese, make_doc


def test_component_sets_doc_dates():
    nlp = blank_japanese()
    nlp.add_pipe("dekigoto_dates")
    text = "2020年のロシア産原油の価格交渉は4月中旬時点でまとまらなかった。3月には対立した。"
    doc = make_doc(nlp, text, "2026-02", split_sentences(text))
    doc = nlp.get_pipe("dekigoto_dates")(doc)
    got = [(d.text, d.value, d.mod, d.sentence_id) for d in doc._.dates]
    assert got == [
        ("2020年", "2020", "", 0),
        ("4月中旬", "2020-04", "MID", 0),
        ("3月", "2020-03", "", 1),
    ]


def test_component_without_sentences():
    nlp = blank_japanese()
    nlp.add_pipe("dekigoto_dates")
    doc = make_doc(nlp, "昨年12月に釈放した。", "2026-02-14", [])
    doc = nlp.get_pipe("dekigoto_dates")(doc)
    assert [(d.text, d.value) for d in doc._.dates] == [("昨年12月", "2025-12")]
