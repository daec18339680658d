"""NER package: label mapping, conversion/alignment, the packaged model, the component, merge.

Needs neither ../shared nor training: conversion runs on tiny in-memory records and
the component uses the model committed in pipeline/ner/model/.
"""

from __future__ import annotations

import json

import pytest

from pipeline.model import Mention, Sentence
from pipeline.ner import MODEL_DIR
from pipeline.ner.convert import AlignStats, align_span, mapped_entities, to_doc, wiki_split
from pipeline.ner.evaluate import Scorer
from pipeline.ner.labels import MISSING, map_label, norp_is_org
from pipeline.ner.merge import model_mentions
from pipeline.nlp import blank_japanese

# ---------------------------------------------------------------- label mapping


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [
        ("PERSON", "", "PERSON"),
        ("人名", "", "PERSON"),
        ("ORG", "", "ORG"),
        ("法人名", "", "ORG"),
        ("政治的組織名", "", "ORG"),
        ("その他の組織名", "", "ORG"),
        ("GPE", "", "LOC"),
        ("LOC", "", "LOC"),
        ("地名", "", "LOC"),
        ("施設名", "", None),
        ("製品名", "", None),
        ("イベント名", "", None),
        ("FAC", "", None),
        ("DATE", "", None),
        ("TITLE_AFFIX", "", None),
        ("NORP", "自民党", "ORG"),
        ("NORP", "国連", "ORG"),
        ("NORP", "欧州石炭鉄鋼共同体", "ORG"),
        ("NORP", "日本人", MISSING),
        ("NORP", "キリスト教", MISSING),
    ],
)
def test_map_label(label, text, expected):
    assert map_label(label, text) == expected


def test_norp_is_org():
    assert norp_is_org("幸福実現党")
    assert not norp_is_org("ユダヤ人")


def test_wiki_split_is_deterministic_and_roughly_proportioned():
    assert wiki_split("3572156") == wiki_split(3572156)
    splits = [wiki_split(i) for i in range(2000)]
    assert 0.10 < splits.count("test") / 2000 < 0.20
    assert 0.06 < splits.count("dev") / 2000 < 0.14


# ---------------------------------------------------------------- conversion


@pytest.fixture(scope="module")
def nlp():
    return blank_japanese()


def test_to_doc_sets_mapped_entities(nlp):
    rec = {
        "text": "松友美佐紀は、日本のバドミントン選手。",
        "entities": [
            {"start": 0, "end": 5, "label": "人名"},
            {"start": 7, "end": 9, "label": "地名"},
        ],
    }
    stats = AlignStats()
    doc = to_doc(nlp, rec, stats)
    assert [(e.text, e.label_) for e in doc.ents] == [("松友美佐紀", "PERSON"), ("日本", "LOC")]
    assert stats.counts["exact"] == 2
    # tokens outside entities are "O", not missing
    assert all(t.ent_iob_ in ("B", "I", "O") for t in doc)


def test_to_doc_unmapped_labels_are_outside(nlp):
    rec = {"text": "東京タワーに行った。", "entities": [{"start": 0, "end": 5, "label": "施設名"}]}
    doc = to_doc(nlp, rec)
    assert list(doc.ents) == []
    assert {t.ent_iob_ for t in doc} == {"O"}


def test_to_doc_norp_not_org_is_missing(nlp):
    rec = {
        "text": "日本人の選手。",
        "entities": [{"start": 0, "end": 3, "label": "NORP", "text": "日本人"}],
    }
    stats = AlignStats()
    doc = to_doc(nlp, rec, stats)
    assert list(doc.ents) == []
    first = doc.char_span(0, 3, alignment_mode="expand")
    assert all(t.ent_iob_ == "" for t in first)  # unknown: no loss either way
    assert stats.counts["missing_label"] == 1


def test_misaligned_span_is_dropped_and_counted(nlp):
    # MeCab keeps 訪日 as one token: the entity 日 inside it cannot be a token span
    text = "首相が訪日した。"
    doc = nlp.make_doc(text)
    assert "訪日" in [t.text for t in doc]
    start = text.index("訪日") + 1
    span, outcome = align_span(doc, start, start + 1, "LOC")
    assert outcome == "dropped"
    assert span.text == "訪日"
    stats = AlignStats()
    out = to_doc(
        nlp,
        {"text": text, "entities": [{"start": start, "end": start + 1, "label": "地名"}]},
        stats,
    )
    assert list(out.ents) == []
    assert stats.counts["dropped"] == 1
    assert all(t.ent_iob_ == "" for t in out[span.start : span.end])


def test_overlapping_entities_keep_the_longest_leftmost(nlp):
    rec = {
        "text": "東京都千代田区に本社を置く。",
        "entities": [
            {"start": 0, "end": 7, "label": "地名"},
            {"start": 0, "end": 3, "label": "地名"},
        ],
    }
    stats = AlignStats()
    doc = to_doc(nlp, rec, stats)
    assert [e.text for e in doc.ents] == ["東京都千代田区"]
    assert stats.counts["overlap_dropped"] == 1


def test_mapped_entities_leave_out_o_spans():
    rec = {
        "text": "abc",
        "entities": [
            {"start": 0, "end": 1, "label": "DATE"},
            {"start": 1, "end": 2, "label": "ORG"},
        ],
    }
    assert mapped_entities(rec) == [(1, 2, "ORG")]


def test_scorer_exact_spans_and_missing():
    sc = Scorer()
    sc.add(
        [(0, 2, "PERSON"), (5, 7, "LOC"), (10, 13, MISSING)],
        [(0, 2, "PERSON"), (5, 8, "LOC"), (10, 12, "LOC")],
    )
    s = sc.scores()
    assert s["PERSON"] == {"p": 1.0, "r": 1.0, "f": 1.0, "n": 1}
    assert s["LOC"]["p"] == 0.0 and s["LOC"]["n"] == 1  # (10, 12) ignored: overlaps MISSING
    assert s["micro"]["p"] == 0.5 and s["micro"]["r"] == 0.5


# ---------------------------------------------------------------- packaged model + component


def test_model_is_packaged_small_with_notice():
    assert (MODEL_DIR / "config.cfg").exists()
    assert (MODEL_DIR / "ner" / "model").exists()
    notice = (MODEL_DIR / "NOTICE").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in notice and "CC BY-SA 3.0" in notice
    assert "chiVe" in notice and "Apache License 2.0" in notice and "MIT" in notice
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 20_000_000


def test_model_carries_its_word_vectors():
    """The vectors travel with the model (nothing is fetched at run time): token
    texts for the static vectors, compounds of several tokens for the CHIVE feature."""
    import spacy
    from spacy.strings import hash_string

    from pipeline.ner.features import chive_compound_feature

    model = spacy.load(MODEL_DIR)
    rows, width = model.vocab.vectors.shape
    assert rows > 10_000 and width == 64
    for word in ("東京", "トヨタ", "大統領", "国際連合"):
        assert hash_string(word) in model.vocab.vectors.key2row
    doc = model.make_doc("国際連合の")  # 国際 / 連合 / の
    first, second, third = chive_compound_feature(doc)
    assert first.endswith("|B") and second == first[:-1] + "I" and third == "-"


@pytest.fixture(scope="module")
def ner_nlp():
    import pipeline.ner.component  # noqa: F401

    nlp = blank_japanese()
    nlp.add_pipe("dekigoto_ner")
    return nlp


def _spans(nlp, text):
    doc = nlp(text)
    return doc, [(text[x.start : x.end], x.label, x.score) for x in doc._.ner_spans]


def _well_formed(doc):
    assert doc._.ner_spans, "the model found nothing"
    for item in doc._.ner_spans:
        start, end, label, score, probability = item
        assert 0 <= start < end <= len(doc.text)
        assert label in ("PERSON", "ORG", "LOC")
        assert 0.0 < score <= 1.0
        assert 0.5 <= probability <= 1.0  # the ensemble keeps spans of probability >= 0.5


PERSON_TEXT = "ルカシェンコ大統領は会談した。"
PLACE_TEXT = "ミンスクで会談した。"


def test_component_finds_a_person(ner_nlp):
    doc, spans = _spans(ner_nlp, PERSON_TEXT)
    _well_formed(doc)
    assert ("ルカシェンコ", "PERSON") in [(t, lab) for t, lab, _ in spans]
    assert list(doc.ents) == []  # the caller's doc.ents are left alone


def test_component_finds_a_place(ner_nlp):
    doc, spans = _spans(ner_nlp, PLACE_TEXT)
    _well_formed(doc)
    assert ("ミンスク", "LOC") in [(t, lab) for t, lab, _ in spans]


def test_component_on_a_longer_text(ner_nlp):
    text = "トヨタ自動車の豊田章男会長は東京で記者会見を開いた。\nその後、大阪へ移動した。"
    doc, spans = _spans(ner_nlp, text)
    _well_formed(doc)
    found = {(t, lab) for t, lab, _ in spans}
    assert ("トヨタ自動車", "ORG") in found
    assert ("東京", "LOC") in found


def test_component_scores_are_per_label_constants(ner_nlp):
    from pipeline.ner.component import load_model

    _, confidence = load_model(None)
    assert set(confidence) == {"PERSON", "ORG", "LOC"}
    doc = ner_nlp(PERSON_TEXT + PLACE_TEXT)
    assert [span.label for span in doc._.ner_spans] == ["PERSON", "LOC"]
    for span in doc._.ner_spans:
        assert span.score == confidence[span.label]


def test_flag_turns_the_component_off():
    import pipeline.ner.component  # noqa: F401

    nlp = blank_japanese()
    nlp.add_pipe("dekigoto_ner", config={"enabled": False})
    doc = nlp(PERSON_TEXT)
    assert doc._.ner_spans == []


def test_component_on_empty_text(ner_nlp):
    assert ner_nlp("")._.ner_spans == []


# ---------------------------------------------------------------- merge


def _kb(start, end, label="STATE"):
    return Mention(start, end, "x", label, "BLR", "kb")


def test_model_mentions_drops_spans_overlapping_kb_mentions():
    text = "ルカシェンコ大統領はミンスクで会談した。"
    sents = [Sentence(0, 0, len(text), "body", 0, text)]
    spans = [(0, 6, "PERSON", 0.9), (10, 14, "LOC", 0.8)]
    out = model_mentions(spans, [_kb(0, 6, "PERSON")], sents)
    assert len(out) == 1
    m = out[0]
    assert (m.start, m.end, m.text, m.label) == (10, 14, "ミンスク", "PLACE")
    assert m.link_method == "model" and m.actor_id == "" and m.confidence == 0.8
    assert m.sentence_id == 0
    # partial overlap also loses to the KB
    assert model_mentions(spans, [_kb(12, 16)], sents) == [
        Mention(0, 6, "ルカシェンコ", "PERSON", "", "model", 0.9, 0)
    ]


def test_model_mentions_sentence_ids_text_and_threshold():
    text = "A社が発表。東京で会見。"
    sents = [Sentence(0, 0, 6, "body", 0, ""), Sentence(1, 6, 12, "body", 0, "")]
    spans = [(0, 2, "ORG", 0.7), (6, 8, "LOC", 0.4), (9, 11, "MISC", 0.9)]
    out = model_mentions(spans, [], sents, text=text)
    assert [(m.text, m.label, m.sentence_id) for m in out] == [
        ("A社", "ORG", 0),
        ("東京", "PLACE", 1),
    ]
    assert [m.text for m in model_mentions(spans, [], sents, text=text, min_score=0.5)] == ["A社"]
    assert model_mentions([], [_kb(0, 2)], sents) == []


def test_a_longer_model_name_wins_over_the_mentions_that_give_way_inside_it():
    from pipeline.ner.merge import contained_mentions

    text = "東京大学の教授。"
    sents = [Sentence(0, 0, len(text), "body", 0, text)]
    kb = [_kb(0, 2, "PLACE")]  # 東京
    spans = [(0, 4, "ORG", 0.8, 0.95)]  # 東京大学
    assert model_mentions(spans, kb, sents) == []  # without gives_way the KB wins
    anything = lambda m, label: True  # noqa: E731
    wide = model_mentions(spans, kb, sents, gives_way=anything)
    assert [(m.text, m.label) for m in wide] == [("東京大学", "ORG")]
    assert contained_mentions(wide[0], kb) == kb
    # not when the inner mention may not give way (an abbreviation, an anaphor)
    assert model_mentions(spans, kb, sents, gives_way=lambda m, label: False) == []
    # not when the model is unsure of the longer name
    assert model_mentions([(0, 4, "ORG", 0.8, 0.6)], kb, sents, gives_way=anything) == []
    # a span that crosses a KB mention (not containing it) still loses
    assert model_mentions([(1, 4, "ORG", 0.8)], kb, sents, gives_way=anything) == []
    # an identical span is not "containing"
    assert model_mentions([(0, 2, "LOC", 0.8)], kb, sents, gives_way=anything) == []


def test_component_offsets_across_sentences_and_no_span_crosses_a_newline(ner_nlp):
    text = "石館\nロシアのプーチン大統領は演説した。 ミンスクで会談した。\n\nルカシェンコ大統領は会談した。"
    doc = ner_nlp(text)
    _well_formed(doc)
    found = [(text[x.start : x.end], x.label) for x in doc._.ner_spans]
    assert ("ミンスク", "LOC") in found
    assert ("ルカシェンコ", "PERSON") in found
    assert all("\n" not in t for t, _ in found)


def test_model_loads_with_spacy_and_sources_onto_the_blank_pipeline():
    import spacy

    from pipeline.ner.ensemble import member_names

    model = spacy.load(MODEL_DIR)  # blank_japanese() has registered the tokenizer
    assert model.pipe_names == member_names(model)  # the ensemble's members (test_ner_ensemble)
    for name in model.pipe_names:  # each is a spaCy `ner` that runs on its own
        assert set(model.get_pipe(name).labels) == {"PERSON", "ORG", "LOC"}
        nlp = blank_japanese()
        nlp.vocab.vectors = model.vocab.vectors  # its embedding reads them
        nlp.add_pipe("ner", source=model, name=name)
        doc = nlp(PLACE_TEXT)
        assert [(e.text, e.label_) for e in doc.ents] == [("ミンスク", "LOC")]


# ---------------------------------------------------------------- where the model runs


def _actors_and_ner(context):
    import pipeline.actors.component  # noqa: F401
    import pipeline.ner.component  # noqa: F401

    nlp = blank_japanese()
    nlp.add_pipe("dekigoto_actors")
    nlp.add_pipe("dekigoto_ner", config={"context": context})
    return nlp


LONG_SENTENCE = (
    "ロシアのプーチン大統領は十日、モスクワで記者会見を開き、米国との関係や経済制裁、"
    "エネルギー価格について長く語ったあと、ミンスク近郊のザスラウェ工場を訪れる予定だと述べた。"
)


def _analyse(nlp, text):
    from pipeline.model import Sentence
    from pipeline.nlp import make_doc

    doc = make_doc(nlp, text, "2026-02", [Sentence(0, 0, len(text), "body", 0, text)])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_model_runs_only_around_unexplained_names_with_the_same_mentions():
    whole, windows = _actors_and_ner(0), _actors_and_ner(8)
    text = LONG_SENTENCE + "\n" + LONG_SENTENCE.replace("ザスラウェ", "ボリソフ")
    a, b = _analyse(whole, text), _analyse(windows, text)
    assert {(m.start, m.end, m.label, m.actor_id) for m in a._.mentions} == {
        (m.start, m.end, m.label, m.actor_id) for m in b._.mentions
    }
    ner = windows.get_pipe("dekigoto_ner")
    ranges = ner._unexplained_segments(b)
    assert ranges and all(hi - lo <= 2 * 8 + 1 + 8 for lo, hi in ranges)  # windows, not sentences
    assert sum(hi - lo for lo, hi in ranges) < len(b)
    assert all(ranges[i][1] <= ranges[i + 1][0] for i in range(len(ranges) - 1))  # merged, ordered
    whole_ranges = whole.get_pipe("dekigoto_ner")._unexplained_segments(a)
    assert all(any(wl <= lo and hi <= wh for wl, wh in whole_ranges) for lo, hi in ranges)


@pytest.mark.parametrize(
    ("text", "window", "found"),
    [
        # 環境|庁 is 10 tokens in: its window would start 2 tokens after the sentence, cutting 最高|裁
        ("最高裁の判断をめぐって、昨日環境庁が反論した。", (0, 16), ["最高裁", "環境庁"]),
        # 14 tokens in: the window starts 6 tokens after the sentence, as far as its context reaches
        ("最高裁の判断をめぐって、昨日の夕方の会見で環境庁が反論した。", (7, 21), ["環境庁"]),
    ],
)
def test_a_window_a_few_words_short_of_its_sentences_edge_runs_to_it(text, window, found):
    from pipeline.model import Sentence
    from pipeline.nlp import make_doc

    nlp = _actors_and_ner(8)
    doc = make_doc(nlp, text, "2026-02", [Sentence(0, 0, len(text), "body", 0, text)])
    doc = nlp.get_pipe("dekigoto_actors")(doc)
    ner = nlp.get_pipe("dekigoto_ner")
    assert ner._unexplained_segments(doc) == [window]
    assert [m.text for m in ner(doc)._.mentions if m.link_method == "model"] == found


def test_nothing_unexplained_means_the_model_does_not_run():
    nlp = _actors_and_ner(8)
    doc = _analyse(nlp, "ロシアと米国は会談した。")
    assert nlp.get_pipe("dekigoto_ner")._unexplained_segments(doc) == []
    assert doc._.ner_spans == []


def _tiny_ner_data(tmp_path):
    """A data folder in the layout of ../shared/data/ner, a few sentences per file."""
    from pipeline.ner.convert import GSD_FILES, WIKI_FILE

    records = [
        {"text": "山田太郎は東京に住む。", "entities": [
            {"start": 0, "end": 4, "label": "PERSON"}, {"start": 5, "end": 7, "label": "GPE"}]},
        {"text": "トヨタ自動車は新工場を建設した。", "entities": [{"start": 0, "end": 6, "label": "ORG"}]},
    ]
    data = tmp_path / "data"
    data.mkdir()
    for name in GSD_FILES.values():
        (data / name).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    wiki = [dict(r, curid=str(i)) for i, r in enumerate(records * 20)]
    for r in wiki:
        r["entities"] = [dict(e, label={"PERSON": "人名", "GPE": "地名", "ORG": "法人名"}[e["label"]]) for e in r["entities"]]
    (data / WIKI_FILE).write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in wiki), encoding="utf-8")
    return data


def test_reevaluation_keeps_the_selection_runs_dev_figures_and_confidence(tmp_path):
    """The packaged model trained on dev too: its confidence is the dev precision of the
    selection run (trained without dev), recorded at training and kept by --skip-train."""
    import shutil

    from pipeline.ner.train import DEV_SET, SELECTION, main

    model_dir = tmp_path / "model"
    shutil.copytree(MODEL_DIR, model_dir)
    recorded = json.loads((MODEL_DIR / "scores.json").read_text(encoding="utf-8"))
    dev_key = f"{DEV_SET} :: {SELECTION}"
    assert dev_key in recorded["results"]
    assert main([str(_tiny_ner_data(tmp_path)), "--work", str(tmp_path / "work"),
                 "--model-dir", str(model_dir), "--skip-train"]) == 0
    info = json.loads((model_dir / "scores.json").read_text(encoding="utf-8"))
    assert info["results"][dev_key] == recorded["results"][dev_key]
    assert info["confidence"] == recorded["confidence"]
    assert "selection run" in info["confidence_source"]
    assert info["results"]["GSD test :: model"]["micro"]["n"] == 3  # the tiny test file's spans
    assert (model_dir / "NOTICE").exists()


def test_the_scorer_reproduces_the_table_and_records_it(tmp_path, capsys):
    """`make eval-ner`: the model alone and the pipeline's mentions on the test sets,
    printed as the README's table; --record writes them into the model's scores.json."""
    import shutil

    from pipeline.ner.score import PIPELINE, PIPELINE_NO_MODEL, main

    model_dir = tmp_path / "model"
    shutil.copytree(MODEL_DIR, model_dir)
    info = json.loads((model_dir / "scores.json").read_text(encoding="utf-8"))
    info["results"]["GSD test :: pipeline of an older version"] = {"micro": {"f": 0.1}}
    (model_dir / "scores.json").write_text(json.dumps(info), encoding="utf-8")
    assert main([str(_tiny_ner_data(tmp_path)), "--model-dir", str(model_dir), "--record"]) == 0
    table = capsys.readouterr().out
    for system in ("model", PIPELINE, PIPELINE_NO_MODEL):
        assert f"| GSD test | {system} |" in table and f"| wiki held-out | {system} |" in table
    results = json.loads((model_dir / "scores.json").read_text(encoding="utf-8"))["results"]
    assert results[f"GSD test :: {PIPELINE}"]["micro"]["n"] == 3
    assert "GSD test :: pipeline of an older version" not in results
    assert main([str(tmp_path / "nowhere")]) == 2


def test_mention_spans_are_the_rows_of_mentions_csv():
    from pipeline.ner.score import mention_spans

    text = "山田太郎は東京都交通局に勤める。"
    (without,), (with_model,) = mention_spans([text], ner=False), mention_spans([text])
    assert (5, 8, "LOC") in without  # 東京都, the KB's place
    assert (5, 11, "ORG") in with_model and (5, 8, "LOC") not in with_model  # the longer name


def test_mention_rows_name_a_state_inside_a_group_of_people_not_inside_an_organ():
    """日本人 names Japan (ner-wikipedia marks the state, 24 of 24 times); アメリカ海軍 is one
    name, an organisation, as both corpora mark it."""
    from pipeline.ner.score import mention_spans

    (people,), (organ,) = mention_spans(["彼は日本人として初めて受賞した。"]), mention_spans(["アメリカ海軍が演習した。"])
    assert (2, 4, "LOC") in people
    assert organ == [(0, 6, "ORG")]


def _assert_model_runs(nlp, runs_by_text):
    """For each sentence, whether the actors stage leaves a segment the NER model runs on."""
    from pipeline.model import Sentence
    from pipeline.nlp import make_doc

    ner = nlp.get_pipe("dekigoto_ner")
    for text, runs in runs_by_text.items():
        doc = make_doc(nlp, text, "2026-02", [Sentence(0, 0, len(text), "body", 0, text)])
        doc = nlp.get_pipe("dekigoto_actors")(doc)
        assert bool(ner._unexplained_segments(doc)) is runs, text


def test_the_model_also_runs_where_a_known_name_runs_into_an_organisation_word():
    """東京都|交通|局: the KB explains every name-like token, but 東京都 may give way to a
    longer name ending in an organisation word, so the model runs there."""
    nlp = _actors_and_ner(8)
    _assert_model_runs(nlp, {"昨日、東京都交通局は運賃を上げた。": True, "昨日、東京都の知事は会見した。": False})
    doc = _analyse(nlp, "昨日、東京都交通局は運賃を上げた。")
    assert ("東京都交通局", "ORG") in [(m.text, m.label) for m in doc._.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("昨日、西日本で大雨が降った。", ("西日本", "PLACE")),  # a direction before a known place: a region
        ("北アフリカの国々が独立した。", ("北アフリカ", "PLACE")),
        ("昨日、セレッソ大阪が勝った。", ("セレッソ大阪", "ORG")),  # a katakana noun before it: a club
        ("昨日、日本で大雨が降った。", ("日本", "STATE")),
    ],
)
def test_the_model_runs_where_a_word_before_a_known_place_may_begin_a_longer_name(text, expected):
    from pipeline.ner.component import _TokenView, _words_before_places

    nlp = _actors_and_ner(8)
    doc = _analyse(nlp, text)
    assert expected in [(m.text, m.label) for m in doc._.mentions]
    before = _words_before_places(nlp.get_pipe("dekigoto_actors")(nlp.make_doc(text))._.mentions, _TokenView.of(doc))
    assert bool(before) is (expected[0] != "日本")


def test_the_model_runs_around_an_organ_named_alone():
    """上院 alone: the rules name no one (no state before it); the model reads an organisation."""
    nlp = _actors_and_ner(8)
    _assert_model_runs(nlp, {"昨日、法案が上院を通過した。": True, "昨日、法案が可決された。": False})
    assert ("上院", "ORG") in [(m.text, m.label) for m in _analyse(nlp, "昨日、法案が上院を通過した。")._.mentions]


def test_a_state_before_an_organisation_the_rules_made_up_is_read_by_the_model():
    """日本|コカ・コーラ株式会社: the rules make コカ・コーラ株式会社 up, which covers the words
    after 日本; the model still runs there and reads one name."""
    nlp = _actors_and_ner(8)
    doc = _analyse(nlp, "日本コカ・コーラ株式会社は新製品を出した。")
    assert [(m.text, m.label) for m in doc._.mentions] == [("日本コカ・コーラ株式会社", "ORG")]


def test_the_model_runs_around_katakana_nouns_written_together():
    """イオン|クレジット|サービス: a name UniDic reads as loanwords, which no name-like token
    brings the model to; one loanword inside a compound (テレビ|番組) does not."""
    _assert_model_runs(
        _actors_and_ner(8), {"昨日、イオンクレジットサービスが発表した。": True, "昨日、テレビ番組で発表した。": False}
    )


def test_the_model_runs_narrowly_around_a_katakana_word_before_a_particle():
    """ビートルズの, アトラスは: a band or a company UniDic reads as a loanword, which no
    name-like token brings the model to; it runs KATAKANA_WORD_CONTEXT tokens around it,
    not the 8 of a name. Two characters (デモ) are too short."""
    from pipeline.model import Sentence
    from pipeline.ner.component import KATAKANA_WORD_CONTEXT
    from pipeline.nlp import make_doc

    nlp = _actors_and_ner(8)
    _assert_model_runs(nlp, {"昨日、ダウンタウンが出演した。": True, "昨日、デモで発表した。": False})
    text = "その年の夏に私たちが初めて聴いたのはビートルズの古い曲で、誰もが驚いたものだった。"
    doc = nlp.get_pipe("dekigoto_actors")(make_doc(nlp, text, "2026-02", [Sentence(0, 0, len(text), "body", 0, text)]))
    ((a, b),) = nlp.get_pipe("dekigoto_ner")._unexplained_segments(doc)
    assert b - a == 2 * KATAKANA_WORD_CONTEXT + 1
    assert "ビートルズ" in doc[a:b].text


def test_a_place_only_the_gazetteer_knows_explains_no_name():
    """ボストン (kb_places.tsv) may begin a longer name (a team, ボストン・ブルドッグス), so
    the model runs around it; ロンドン (places.yaml) explains its name."""
    _assert_model_runs(_actors_and_ner(8), {"昨日、ボストンで雨が降った。": True, "昨日、ロンドンで雨が降った。": False})


def test_unseen_names_are_the_checked_mentions_no_model_span_overlaps():
    from pipeline.ner.merge import unseen_names

    tokyo, seoul = _kb(0, 2, "PLACE"), _kb(5, 8, "PLACE")
    assert unseen_names([tokyo, seoul], [(5, 10, "ORG", 0.8, 0.6)]) == [tokyo]
    assert unseen_names([tokyo], [(0, 2, "LOC", 0.9)]) == []
    assert unseen_names([], [(0, 2, "LOC", 0.9)]) == []


NAMES_IN_COMPOUNDS = [
    ("昨日、彼は東京倶楽部で演奏した。", ["東京"], []),  # a club's name: the model sees no place
    ("彼は第1回日本おもちゃ大賞を受けた。", [], []),  # an award: 賞 ends it (the lexicon's thing_heads)
    ("彼は日本おもちゃ図鑑を書いた。", ["日本"], []),  # a book
    ("昨日、日本大使館前で抗議した。", [], ["日本大使館"]),  # an organ (JPN_GOV) stays, and 前 is a position
    ("昨日、ソウル市内で雨が降った。", [], ["ソウル市内"]),  # a position: the inside of the city, part of its mention
    ("閣僚の靖国神社参拝が続いた。", [], ["靖国神社"]),  # an act on the name
    ("昨日、ロンドンで雨が降った。", [], ["ロンドン"]),  # no compound
    ("彼はNHK紅白歌合戦に出場した。", ["NHK"], []),  # a broadcaster's programme (NHK: MED, no organ)
    ("彼女はFIFA女子ワールドカップに出た。", ["FIFA"], []),  # a body's cup
    ("日テレNEWS24が報じた。", [], ["日テレ"]),  # a channel of the broadcaster is the broadcaster
]


@pytest.mark.parametrize(("text", "checked", "kept"), NAMES_IN_COMPOUNDS)
def test_a_known_name_in_a_compound_the_model_sees_no_entity_in_is_no_mention(text, checked, kept):
    from pipeline.model import Sentence
    from pipeline.ner.component import _TokenView
    from pipeline.nlp import make_doc

    nlp = _actors_and_ner(8)
    ner = nlp.get_pipe("dekigoto_ner")
    doc = make_doc(nlp, text, "2026-02", [Sentence(0, 0, len(text), "body", 0, text)])
    doc = nlp.get_pipe("dekigoto_actors")(doc)
    found = ner._names_in_compounds(doc._.mentions, doc._.actors, _TokenView.of(doc))
    assert [m.text for m, _ in found] == checked
    assert [m.text for m in ner(doc)._.mentions] == kept


def test_a_longer_name_ending_in_its_kind_replaces_with_less_certainty():
    text = "横浜市都市整備局の発表。"
    sents = [Sentence(0, 0, len(text), "body", 0, text)]
    kb = [_kb(0, 3, "PLACE")]  # 横浜市
    anything = lambda m, label: True  # noqa: E731
    spans = [(0, 8, "ORG", 0.8, 0.75)]
    assert model_mentions(spans, kb, sents, text=text, gives_way=anything) == []
    found = model_mentions(spans, kb, sents, text=text, gives_way=anything, kind_words=("局",))
    assert [m.text for m in found] == ["横浜市都市整備局"]
    unsure = [(0, 8, "ORG", 0.8, 0.6)]
    assert model_mentions(unsure, kb, sents, text=text, gives_way=anything, kind_words=("局",)) == []


def test_a_person_the_rules_made_up_explains_no_name():
    """Where a new person begins and ends is the rules' guess (柴俊博 in 矢柴俊博): the
    model runs around it; a known person or place explains its name."""
    from pipeline.ner.component import _guessed_person

    assert _guessed_person(Mention(0, 3, "柴俊博", "PERSON", "NEW_PER_X", "new"))
    assert not _guessed_person(Mention(0, 3, "習近平", "PERSON", "PER_XI_JINPING", "kb"))
    assert not _guessed_person(Mention(0, 3, "東京", "PLACE", "NEW_PLC_X", "new"))


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("昨日、会計検査院は報告を出した。", True),  # a name made of known words, ending in 院 (衆議院 the rules read)
        ("昨日、連邦航空局が発表した。", True),  # 局
        ("昨日、雨が降った。", False),
        ("それは日本の社会の問題だ。", False),  # 会 ends no name alone
    ],
)
def test_the_model_runs_around_a_noun_that_ends_an_organisations_name(text, runs):
    from pipeline.model import Sentence
    from pipeline.nlp import make_doc

    nlp = _actors_and_ner(8)
    doc = make_doc(nlp, text, "2026-02", [Sentence(0, 0, len(text), "body", 0, text)])
    doc = nlp.get_pipe("dekigoto_actors")(doc)
    assert bool(nlp.get_pipe("dekigoto_ner")._unexplained_segments(doc)) is runs
