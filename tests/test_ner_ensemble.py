"""The NER ensemble: member order, decoding of span probabilities, the gate that runs
the other members only where the first is unsure, and packaging several runs."""

from __future__ import annotations

import pytest

from pipeline.ner import MODEL_DIR, ensemble
from pipeline.nlp import blank_japanese


def test_member_names_first_then_by_number():
    nlp = blank_japanese()
    for name in ("ner", "ner_10", "ner_2", "ner_x", "tagger_2"):
        nlp.add_pipe("ner", name=name)
    assert ensemble.member_names(nlp) == ["ner", "ner_2", "ner_10"]


def test_decode_keeps_the_most_probable_of_overlapping_spans_above_the_threshold():
    scores = {
        (0, 2, "PERSON"): 1.0,
        (4, 5, "LOC"): 0.76,
        (4, 5, "PERSON"): 0.24,  # same tokens, less probable
        (3, 5, "ORG"): 0.6,  # overlaps the place, less probable
        (7, 8, "ORG"): 0.49,  # under the threshold
        (9, 10, "LOC"): 0.5,  # at the threshold
    }
    assert ensemble.decode(scores) == [
        (0, 2, "PERSON", 1.0),
        (4, 5, "LOC", 0.76),
        (9, 10, "LOC", 0.5),
    ]


def test_decode_ties_prefer_the_earlier_then_the_longer_span():
    assert ensemble.decode({(2, 4, "ORG"): 0.5, (1, 3, "LOC"): 0.5}) == [(1, 3, "LOC", 0.5)]
    assert ensemble.decode({(1, 2, "ORG"): 0.5, (1, 3, "ORG"): 0.5}) == [(1, 3, "ORG", 0.5)]


def test_is_unsure():
    assert not ensemble.is_unsure({})
    assert not ensemble.is_unsure({(0, 1, "LOC"): 1.0, (2, 3, "ORG"): 0.05}, margin=0.3)
    assert ensemble.is_unsure({(0, 1, "LOC"): 1.0, (2, 3, "ORG"): 0.4}, margin=0.3)


@pytest.fixture
def fake_members(monkeypatch):
    """Two members whose span probabilities are given per doc (docs are plain strings
    here), recording which docs each member was asked about."""
    nlp = blank_japanese()
    nlp.add_pipe("ner")
    nlp.add_pipe("ner", name="ner_2")
    table = {
        "ner": {"sure": {(0, 1, "LOC"): 1.0}, "unsure": {(0, 1, "LOC"): 0.6, (0, 1, "ORG"): 0.4}},
        "ner_2": {"sure": {}, "unsure": {(0, 1, "ORG"): 1.0}},
    }
    asked: dict[str, list] = {"ner": [], "ner_2": []}

    def span_scores(_nlp, name, docs):
        asked[name].extend(docs)
        return [dict(table[name][d]) for d in docs]

    monkeypatch.setattr(ensemble, "span_scores", span_scores)
    return nlp, asked


def test_other_members_run_only_where_the_first_is_unsure(fake_members):
    nlp, asked = fake_members
    scores = ensemble.ensemble_scores(nlp, ["sure", "unsure"], unsure=0.3)
    assert asked == {"ner": ["sure", "unsure"], "ner_2": ["unsure"]}
    assert scores[0] == {(0, 1, "LOC"): 1.0}  # the first member alone
    assert scores[1] == pytest.approx({(0, 1, "LOC"): 0.3, (0, 1, "ORG"): 0.7})  # the mean
    assert ensemble.decode(scores[1]) == [(0, 1, "ORG", pytest.approx(0.7))]


def test_without_the_gate_every_member_runs_everywhere(fake_members):
    nlp, asked = fake_members
    scores = ensemble.ensemble_scores(nlp, ["sure", "unsure"], unsure=0)
    assert asked["ner_2"] == ["sure", "unsure"]
    assert scores[0] == {(0, 1, "LOC"): 0.5}


def test_named_members_only(fake_members):
    nlp, asked = fake_members
    assert ensemble.ensemble_scores(nlp, ["unsure"], members=["ner_2"]) == [{(0, 1, "ORG"): 1.0}]
    assert asked["ner"] == []


# ---------------------------------------------------------------- the packaged ensemble


@pytest.fixture(scope="module")
def model():
    import spacy

    return spacy.load(MODEL_DIR)


def test_packaged_model_is_an_ensemble_of_like_members(model):
    names = ensemble.member_names(model)
    assert names == model.pipe_names and len(names) >= 2
    for name in names:
        assert set(model.get_pipe(name).labels) == {"PERSON", "ORG", "LOC"}
        assert model.get_pipe(name).cfg["beam_width"] > 1  # the probabilities come from the beam


def test_entities_are_character_spans_with_probabilities(model):
    text = "ルカシェンコ大統領はミンスクで会談した。"
    docs = [model.make_doc(text), model.make_doc("")]
    found, empty = ensemble.entities(model, docs)
    assert empty == []
    assert [(text[s:e], label) for s, e, label, _ in found] == [("ルカシェンコ", "PERSON"), ("ミンスク", "LOC")]
    assert all(ensemble.THRESHOLD <= p <= 1.0 + 1e-9 for *_, p in found)
    # each member alone, and all members everywhere, agree on this easy sentence
    runs = [ensemble.entities(model, docs[:1], members=[name])[0] for name in model.pipe_names]
    runs.append(ensemble.entities(model, docs[:1], unsure=0)[0])
    for spans in runs:
        assert [s[:3] for s in spans] == [s[:3] for s in found]


def test_export_puts_several_runs_into_one_pipeline_with_one_vector_table(tmp_path, model):
    import spacy

    from pipeline.ner.train import export_model

    out = tmp_path / "model"
    export_model([MODEL_DIR, MODEL_DIR], out)  # each run's `ner`
    packaged = spacy.load(out)
    assert packaged.pipe_names == ["ner", "ner_2"]
    assert packaged.vocab.vectors.shape == model.vocab.vectors.shape
    assert (out / "NOTICE").exists()


def test_export_refuses_runs_with_different_vectors(tmp_path, model):
    import spacy

    from pipeline.ner.train import export_model

    other = tmp_path / "other"
    model.to_disk(other, exclude=["tokenizer"])
    changed = spacy.load(other)
    changed.vocab.vectors.data[0, 0] += 1.0
    changed.to_disk(other, exclude=["tokenizer"])
    with pytest.raises(ValueError, match="vectors differ"):
        export_model([MODEL_DIR, other], tmp_path / "model")


def test_recorded_scores_belong_to_these_weights():
    """`make train-ner` records its figures with the weights' digests (the floors under
    them are recomputed in tests/test_quality.py)."""
    import json

    from pipeline.ner.train import weights_digests

    info = json.loads((MODEL_DIR / "scores.json").read_text(encoding="utf-8"))
    assert info["weights_sha256"] == weights_digests(MODEL_DIR)
    assert set(info["weights_sha256"]) == {"ner", "ner_2"}


@pytest.mark.parametrize("section,recorded_as", [("ner_gsd_test", "GSD test"), ("ner_wiki_heldout", "wiki held-out")])
def test_recorded_model_scores_are_what_the_weights_score(section, recorded_as):
    """scores.json (and the README's table from it) tells what the packaged model scores
    today, recomputed here on the same sentences."""
    import json

    from .quality import Unavailable, measure

    report = measure(section)
    if isinstance(report, Unavailable):
        pytest.skip(str(report))
    info = json.loads((MODEL_DIR / "scores.json").read_text(encoding="utf-8"))
    recorded = info["results"][f"{recorded_as} :: model"]["micro"]
    measured = report["model"]["micro"]
    assert (measured["n_gold"], round(measured["f1"], 4)) == (recorded["n"], recorded["f"])


def test_the_component_takes_its_margin_from_its_config(monkeypatch):
    import pipeline.ner.component  # noqa: F401

    seen = []
    real = ensemble.ensemble_scores

    def spy(nlp, docs, unsure=ensemble.UNSURE, members=None):
        seen.append(unsure)
        return real(nlp, docs, unsure, members)

    monkeypatch.setattr(ensemble, "ensemble_scores", spy)
    for config, expected in (({}, ensemble.UNSURE), ({"unsure": 0.0}, 0.0)):
        nlp = blank_japanese()
        nlp.add_pipe("dekigoto_ner", config=config)
        doc = nlp("ルカシェンコ大統領はミンスクで会談した。")
        assert seen[-1] == expected
        assert [span.label for span in doc._.ner_spans] == ["PERSON", "LOC"]
