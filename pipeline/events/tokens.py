"""The document's tokens, read once into plain objects for the event coder.

Every `doc[i]` or span iteration makes a new spaCy Token, and the UniDic
extras (`token._.conj_form`) go through spaCy's extension machinery on each
access. The coder looks at each token many times (chunking, phrase building,
triggers, modality), so it reads each token's attributes once per document
into a `Tok` and works on those. Attribute names follow spaCy's (`text`,
`lemma_`, `tag_`, `idx`, `i`) so the coder reads as it would on Tokens; the
flags precompute the part-of-speech tests the coder makes over and over.
The Doc is read through `Doc.to_array`, without a Token object per token.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, LEMMA, ORTH, TAG
from spacy.tokens import Doc

from pipeline.tokenizer import doc_text, token_records, unidic_entries

# Function words attach to the content word before them (particles, auxiliaries,
# dependent verbs and adjectives, punctuation and brackets).
FUNC_TAGS = ("助詞", "助動詞", "動詞-非自立可能", "形容詞-非自立可能", "補助記号")


@dataclass(eq=False, slots=True, init=False)
class Tok:
    """One token of the document. Compared by identity: one object per position."""

    i: int  # index in the document
    idx: int  # character offset in the document
    end: int  # character offset of the token's end
    text: str
    lemma_: str
    tag_: str  # UniDic pos1-pos4: 助詞-格助詞
    conj_form: str  # UniDic cForm: 連用形-一般 ("" when not inflected)
    is_verb: bool  # 動詞...
    is_predicative: bool  # 動詞... or 形容詞...
    is_particle: bool  # 助詞...
    is_aux: bool  # 助動詞...
    is_func: bool  # one of FUNC_TAGS
    is_mark: bool  # 補助記号... (punctuation, brackets)
    is_suffix: bool  # 接尾辞...

    def __init__(self, i: int, idx: int, kind: tuple) -> None:
        """`kind`: the fields from `text` on, shared by all equal tokens (see `_kind`)."""
        self.i = i
        self.idx = idx
        (
            self.text,
            self.lemma_,
            self.tag_,
            self.conj_form,
            self.is_verb,
            self.is_predicative,
            self.is_particle,
            self.is_aux,
            self.is_func,
            self.is_mark,
            self.is_suffix,
        ) = kind
        self.end = idx + len(self.text)


@lru_cache(maxsize=4096)
def _tag_flags(tag: str) -> tuple[bool, ...]:
    """Tok's flags for a UniDic tag, in field order; a few hundred tags ever occur."""
    return (
        tag.startswith("動詞"),
        tag.startswith(("動詞", "形容詞")),
        tag.startswith("助詞"),
        tag.startswith("助動詞"),
        tag.startswith(FUNC_TAGS),
        tag.startswith("補助記号"),
        tag.startswith("接尾辞"),
    )


def read_tokens(doc: Doc) -> tuple[list[Tok], str]:
    """(the document's tokens, its text), without a spaCy Token per token; the same
    objects again for a Doc read lately (the events reader asks twice for each Doc of a
    batch: what to parse in all of them, then each one's frames). Callers do not change them.

    Equal tokens share their strings and flags (a `_kind`), worked out once:
    from the tokenizer's records when it made the Doc (one shared record per
    distinct token), else from the Doc's arrays."""
    known = _READ.get(id(doc))
    if known is not None and known[0]() is doc and known[1] == len(doc):
        return known[2]
    read = _read(doc)
    if len(_READ) >= READ_KEPT:
        del _READ[next(iter(_READ))]  # the oldest
    _READ[id(doc)] = (weakref.ref(doc), len(doc), read)
    return read


# the Docs read last (more than a batch of articles: `extract.ARTICLES_PER_BATCH`):
# id -> (the Doc, its length, what read_tokens gave); a Doc's tokens are read once
READ_KEPT = 16
_READ: dict[int, tuple[weakref.ref, int, tuple[list[Tok], str]]] = {}


def _read(doc: Doc) -> tuple[list[Tok], str]:
    idxs = doc.to_array(IDX).tolist() if len(doc) else []
    records = token_records(doc)
    if records is None:
        return _read_arrays(doc, idxs), doc_text(doc)
    kinds = _RECORD_KINDS
    if len(kinds) > 200_000:  # bounded: forgetting only means working a kind out again
        kinds.clear()
    toks = []
    for i, (idx, r) in enumerate(zip(idxs, records, strict=True)):
        known = kinds.get(id(r))
        if known is None:
            known = kinds[id(r)] = (r, _kind(r.word, r.strings[1], r.strings[2], r.entry.conj_form))
        toks.append(Tok(i, idx, known[1]))
    return toks, doc_text(doc)


def _read_arrays(doc: Doc, idxs: list[int]) -> list[Tok]:
    """The tokens of a Doc the tokenizer did not make, read from `Doc.to_array`."""
    entries = unidic_entries(doc)  # as the tokenizer's conj_form getter reads them
    strings = doc.vocab.strings  # strings[0] is ""
    rows = doc.to_array([ORTH, LEMMA, TAG]).tolist() if len(doc) else []
    keys = [(*row, entries[i].conj_form if entries else "") for i, row in enumerate(rows)]
    kinds = {k: _kind(strings[k[0]], strings[k[1]], strings[k[2]], k[3]) for k in set(keys)}
    return [Tok(i, idx, kinds[key]) for i, (idx, key) in enumerate(zip(idxs, keys, strict=True))]


# id(tokenizer record) -> (the record, its kind); holding the record keeps its id from being reused
_RECORD_KINDS: dict[int, tuple[object, tuple]] = {}


@lru_cache(maxsize=65536)
def _kind(text: str, lemma: str, tag: str, conj_form: str) -> tuple:
    """Tok's fields from `text` on, for one distinct token."""
    return (text, lemma, tag, conj_form, *_tag_flags(tag))
