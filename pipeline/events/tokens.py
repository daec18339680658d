"""The document's tokens, read once into plain objects for the event coder.

Every `doc[i]` or span iteration makes a new spaCy Token, and the UniDic
extras (`token._.conj_form`) go through spaCy's extension machinery on each
access. The coder looks at each token many times (chunking, phrase building,
triggers, modality), so it reads each token's attributes once per document
into a `Tok` and works on those. Attribute names follow spaCy's (`text`,
`lemma_`, `tag_`, `idx`, `i`) so the coder reads as it would on Tokens; the
flags precompute the part-of-speech tests the coder makes over and over.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from pipeline.tokenizer import USER_DATA_KEY

# Function words attach to the content word before them (particles, auxiliaries,
# dependent verbs and adjectives, punctuation and brackets).
FUNC_TAGS = ("助詞", "助動詞", "動詞-非自立可能", "形容詞-非自立可能", "補助記号")


@dataclass(eq=False, slots=True)
class Tok:
    """One token of the document. Compared by identity: one object per position."""

    i: int  # index in the document
    idx: int  # character offset in the document
    text: str
    lemma_: str
    tag_: str  # UniDic pos1-pos4: 助詞-格助詞
    conj_form: str  # UniDic cForm: 連用形-一般 ("" when not inflected)
    is_verb: bool  # 動詞...
    is_predicative: bool  # 動詞... or 形容詞...
    is_particle: bool  # 助詞...
    is_aux: bool  # 助動詞...
    is_func: bool  # one of FUNC_TAGS

    @property
    def end(self) -> int:
        return self.idx + len(self.text)


@lru_cache(maxsize=4096)
def _tag_flags(tag: str) -> tuple[bool, bool, bool, bool, bool]:
    """Tok's flags for a UniDic tag, in field order; a few hundred tags ever occur."""
    return (
        tag.startswith("動詞"),
        tag.startswith(("動詞", "形容詞")),
        tag.startswith("助詞"),
        tag.startswith("助動詞"),
        tag.startswith(FUNC_TAGS),
    )


def read_tokens(doc: Doc) -> tuple[list[Tok], str]:
    """(the document's tokens, its text), from a single pass over the Doc."""
    entries = doc.user_data.get(USER_DATA_KEY)  # as the tokenizer's conj_form getter reads it
    toks: list[Tok] = []
    pieces: list[str] = []  # Doc.text is this join, made by another pass over new Tokens
    for t in doc:
        i, tag = t.i, t.tag_
        conj_form = entries[i].conj_form if entries else ""
        toks.append(Tok(i, t.idx, t.text, t.lemma_, tag, conj_form, *_tag_flags(tag)))
        pieces.append(t.text_with_ws)
    return toks, "".join(pieces)
