"""spaCy component "dekigoto_dates": sets doc._.dates from the text, publication date and
sentences already on the Doc. Tokens are not needed: the tagger reads the text."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.dates import tag_dates
from pipeline.dates.patterns import warm_up
from pipeline.tokenizer import doc_text


class DateTagger:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        warm_up()  # patterns and lexicons compiled with the pipeline, not in its first article

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = tag_dates(doc_text(doc), doc._.published or "", doc._.sentences)
        return doc


@Language.factory("dekigoto_dates")
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    return DateTagger(nlp, name)
