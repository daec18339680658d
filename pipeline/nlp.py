"""Builds the spaCy pipeline: the one place that wires the components.

Contract between components (all set on the Doc, offsets into `doc.text`):
    doc._.published  str       article publication date (YYYY, YYYY-MM or YYYY-MM-DD)
    doc._.sentences  list[Sentence]      from the text layer (kind, paragraph)
    doc._.dates      list[DateMention]   filled by "dekigoto_dates"
    doc._.mentions   list[Mention]       filled by "dekigoto_actors" (KB and rules); "dekigoto_ner"
                                         adds the trained NER's names no rule explained
    doc._.qualifiers list[Mention]       filled by "dekigoto_actors": the states named inside a
                                         composed agent (韓国 in 韓国人); mentions table rows only
    doc._.actors     dict[str, Actor]    actors referenced by the mentions (and the qualifiers)
    doc._.ner_spans  list[NerSpan]  the trained NER's entities (start, end, label, score, probability)
    doc._.events     list[EventMention]  filled by "dekigoto_events"
"""

from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.tokenizer import TOKENIZER_NAME, register_token_extensions

DOC_EXTENSIONS = ("published", "sentences", "dates", "mentions", "qualifiers", "actors", "events")

# Component names in pipeline order; each is registered by its own module.
COMPONENTS = ("dekigoto_dates", "dekigoto_actors", "dekigoto_ner", "dekigoto_events")


def register_doc_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def blank_japanese() -> Language:
    """A spaCy Language with the fugashi tokenizer and nothing else."""
    register_token_extensions()
    register_doc_extensions()
    return spacy.blank("ja", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})


def _register_components() -> None:
    """Import the modules whose factories define the pipeline components."""
    import pipeline.actors.component  # noqa: F401
    import pipeline.dates.component  # noqa: F401
    import pipeline.events.component  # noqa: F401
    import pipeline.ner.component  # noqa: F401


@lru_cache(maxsize=4)
def japanese_pipeline(overlay: str | None = None, ner: bool = True, ner_model: str | None = None) -> Language:
    """The full Japanese pipeline, built once per process (and actor overlay).
    `ner=False` leaves out the trained NER (knowledge base and rules only);
    `ner_model` is a model folder other than the packaged one."""
    nlp = blank_japanese()
    _register_components()
    for name in COMPONENTS:
        if name == "dekigoto_ner" and not ner:
            continue
        config = {"overlay": overlay} if name == "dekigoto_actors" and overlay else {}
        if name == "dekigoto_ner" and ner_model:
            config = {"model": ner_model}
        nlp.add_pipe(name, config=config)
    _freeze_long_lived()
    return nlp


def _freeze_long_lived() -> None:
    """Take the objects alive now (the pipeline's model, knowledge base and
    lexicons, which live as long as the process) out of the cyclic garbage
    collector's view: otherwise its full collections, which the tokenizer's
    short-lived objects trigger every few articles, scan them all again.
    Frozen objects are still freed by reference counting."""
    gc.collect()
    gc.freeze()


def pipeline_for(lang: str, overlay: str | None = None, ner: bool = True) -> Language:
    """The pipeline that analyses articles in `lang` (`ner`: use the trained Japanese NER)."""
    if lang == "ja":
        return japanese_pipeline(overlay, ner)
    if lang == "en":
        from pipeline.english import english_pipeline

        return english_pipeline(overlay)
    raise ValueError(f"no analysis pipeline for language {lang!r} (supported: ja, en)")


def make_doc(nlp: Language, text: str, published: str, sentences) -> Doc:
    """Tokenise `text` and attach the text layer's metadata before the components run."""
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.sentences = list(sentences)
    doc._.dates = []
    doc._.mentions = []
    doc._.actors = {}
    doc._.events = []
    return doc
