"""spaCy component "dekigoto_ner": the trained NER as one more signal for actor linking.

Sets `doc._.ner_spans`: a list of (start_char, end_char, label, score) with label in
PERSON / ORG / LOC (model labels; see `pipeline.ner.labels`) and score the label's
precision on the development data (spaCy's greedy `ner` has no per-entity
probability; the constants are in `model/scores.json`). `doc.ents` is not touched.
With `enabled = False` the model is not loaded and `doc._.ner_spans` is `[]`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.ner import MODEL_DIR

EXTENSION = "ner_spans"
DEFAULT_CONFIDENCE = 0.5


def register_ner_extension() -> None:
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> tuple[Language, dict[str, float]]:
    """The packaged (or given) NER pipeline and its per-label confidence, loaded once."""
    import pipeline.tokenizer  # noqa: F401  (registers the tokenizer the model's config names)

    model_dir = Path(path) if path else MODEL_DIR
    nlp = spacy.load(model_dir)
    scores = model_dir / "scores.json"
    confidence: dict[str, float] = {}
    if scores.exists():
        confidence = json.loads(scores.read_text(encoding="utf-8")).get("confidence", {})
    return nlp, confidence


class NerComponent:
    """Runs the model and, in the full pipeline (after "dekigoto_actors", whose
    knowledge base it is given), adds its entities to the actor mentions.

    The model runs only on the sentences where a proper noun, an unknown word or
    an organisation suffix is left that no KB or rule mention explains: only
    there can it add a mention, so the result is the same as running it
    everywhere, at a fraction of the cost.
    """

    def __init__(self, enabled: bool = True, model: str | None = None, kb=None):
        register_ner_extension()
        self.enabled = enabled
        self.model = str(model) if model else None
        self.kb = kb
        self.org_suffixes = tuple(kb.lexicon.get("org_suffixes", ())) if kb is not None else ()
        if enabled:
            load_model(self.model)  # fail at pipeline build time, not on the first article

    def spans(self, doc: Doc, segments=None) -> list[tuple[int, int, str, float]]:
        nlp, confidence = load_model(self.model)
        # Run on sentence-like segments of the pipeline's own tokens (the model was trained
        # on single sentences, without newlines), each a scratch Doc so that the caller's
        # Doc keeps its own (empty) entity annotation.
        segments = list(_segments(doc)) if segments is None else segments
        scratch = (
            Doc(
                nlp.vocab,
                words=[t.text for t in doc[a:b]],
                spaces=[bool(t.whitespace_) for t in doc[a:b]],
                tags=[t.tag_ for t in doc[a:b]],
            )
            for a, b in segments
        )
        out = []
        for (a, _), sdoc in zip(segments, nlp.pipe(scratch), strict=True):
            offset = doc[a].idx
            for e in sdoc.ents:
                score = float(confidence.get(e.label_, DEFAULT_CONFIDENCE))
                out.append((offset + e.start_char, offset + e.end_char, e.label_, score))
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not (self.enabled and len(doc)):
            doc._.ner_spans = []
            return doc
        if self.kb is None or doc._.mentions is None:
            doc._.ner_spans = self.spans(doc)
            return doc
        doc._.ner_spans = self.spans(doc, self._unexplained_segments(doc))
        from pipeline.actors.component import add_model_mentions

        add_model_mentions(doc, self.kb, doc._.ner_spans)
        return doc

    def _unexplained_segments(self, doc: Doc) -> list[tuple[int, int]]:
        """Segments holding a name-like token that no actor mention covers."""
        from pipeline.actors.component import is_name_like

        covered = sorted((m.start, m.end) for m in doc._.mentions)
        out = []
        for a, b in _segments(doc):
            for tok in doc[a:b]:
                name_like = is_name_like(tok) or (self.org_suffixes and tok.text.endswith(self.org_suffixes))
                if name_like and not _inside(covered, tok.idx, tok.idx + len(tok.text)):
                    out.append((a, b))
                    break
        return out


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) within one of the sorted spans?"""
    import bisect

    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


@Language.factory("dekigoto_ner", default_config={"enabled": True, "model": None})
def make_ner_component(nlp: Language, name: str, enabled: bool, model: str | None):
    kb = nlp.get_pipe("dekigoto_actors").kb if "dekigoto_actors" in nlp.pipe_names else None
    return NerComponent(enabled=enabled, model=model, kb=kb)


def _segments(doc: Doc):
    """(start, end) token ranges: split at newlines (dropped) and after 。！？ (kept)."""
    start = 0
    for i, tok in enumerate(doc):
        if "\n" in tok.text:
            if i > start:
                yield start, i
            start = i + 1
        elif tok.text in ("。", "！", "？", "!", "?"):
            yield start, i + 1
            start = i + 1
    if start < len(doc):
        yield start, len(doc)
