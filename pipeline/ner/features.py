"""Token features for the NER's embedding layer, made for Japanese.

spaCy's `MultiHashEmbed` embeds lexical attributes built for alphabetic
languages: PREFIX is the first character, SUFFIX the last three, and SHAPE maps
every kanji, kana and latin letter alike to "x". For Japanese names the telling
signals are elsewhere: the last character (店, 社, 党, 県, 山, 湖, 氏 …), the
script (a katakana word is a foreign name or loanword, a kanji run a Japanese
name or a common noun) and the token's length. `JapaneseHashEmbed` embeds these
alongside NORM and the UniDic tag, with the same hash-embedding-and-Maxout design.

Token features are computed from the token's text and tag, which the pipeline's
scratch Docs carry, and cached per distinct (text, tag); IPADIC and CHIVE from the
Doc's text and the vocab's vector table (`pipeline.ner.vectors`), which the model
carries.
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy
from spacy.attrs import IDX, LEMMA, ORTH, TAG
from spacy.ml.staticvectors import StaticVectors
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

ARCHITECTURE = "dekigoto.JapaneseHashEmbed.v1"

# name -> function(text, tag) -> str; the order is the column order of the features
FEATURES: dict[str, Callable[[str, str], str]] = {}


def feature(name: str):
    def register(func):
        FEATURES[name] = func
        return func

    return register


def script_of(ch: str) -> str:
    """One symbol per writing system: 漢 kanji, か hiragana, カ katakana, A/a latin,
    0 digit; other characters (・, ー as part of katakana, punctuation) stand for themselves."""
    code = ord(ch)
    if 0x3040 <= code <= 0x309F:
        return "か"
    if 0x30A0 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "・" if ch == "・" else "カ"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or ch in "々〆ヶ":
        return "漢"
    if ch.isdigit():
        return "0"
    if ch.isalpha():
        if unicodedata.category(ch) == "Lu":
            return "A"
        return "a"
    return ch


@feature("NORM")
def norm(text: str, tag: str) -> str:
    return text.lower()


@feature("FIRST")
def first_char(text: str, tag: str) -> str:
    return text[:1]


@feature("LAST")
def last_char(text: str, tag: str) -> str:
    return text[-1:]


@feature("LAST2")
def last_two(text: str, tag: str) -> str:
    return text[-2:]


@feature("SUFFIX")
def last_three(text: str, tag: str) -> str:
    return text[-3:]


@feature("SCRIPT")
def script_shape(text: str, tag: str) -> str:
    """Runs of scripts, collapsed, and a length bucket: マーザ -> カ|3, JR京都線 -> A漢|4."""
    runs: list[str] = []
    for ch in text:
        s = script_of(ch)
        if not runs or runs[-1] != s:
            runs.append(s)
    n = len(text)
    bucket = str(n) if n < 5 else ("5-6" if n < 7 else "7+")
    return "".join(runs[:4]) + "|" + bucket


@feature("TAG")
def unidic_tag(text: str, tag: str) -> str:
    return tag


@feature("POS2")
def coarse_tag(text: str, tag: str) -> str:
    """The first two UniDic levels (名詞-固有名詞): shared by all proper nouns."""
    return "-".join(tag.split("-")[:2])


# features computed from the whole Doc text: name -> function(doc) -> one string per token
DOC_FEATURES: dict[str, Callable[[Doc], list[str]]] = {}


@lru_cache(maxsize=1)
def _ipadic_tagger():
    import fugashi
    import ipadic

    return fugashi.GenericTagger(ipadic.MECAB_ARGS)


@lru_cache(maxsize=4096)  # bounded: window texts seldom repeat in a corpus, sentences do in training
def ipadic_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, POS) of each IPAdic word of `text`; POS = its first three levels.
    Read from MeCab's text output (one "surface<TAB>features" line per word), which is
    faster than building a node object per word."""
    out = []
    pos = 0
    for line in _ipadic_tagger().parse(text).split("\n"):
        surface, tab, feature = line.partition("\t")
        if not tab:  # "EOS" or the empty tail
            continue
        start = text.find(surface, pos) if surface else pos
        if start < 0:  # MeCab changed something: resynchronise at the current position
            start = pos
        end = start + len(surface)
        levels = [x for x in feature.split(",", 3)[:3] if x != "*"]
        out.append((start, end, "-".join(levels)))
        pos = end
    return tuple(out)


def ipadic_feature(doc: Doc) -> list[str]:
    """Per token: the POS of the IPAdic word under its first character, with B if that
    word starts with the token and I if it started before (名詞-固有名詞-組織|B)."""
    spans = ipadic_spans(doc.text)
    out = []
    i = 0
    n = len(spans)
    for start in doc.to_array(IDX).tolist():
        while i < n and spans[i][1] <= start:
            i += 1
        if i < n and spans[i][0] <= start:
            out.append(spans[i][2] + ("|B" if spans[i][0] == start else "|I"))
        else:
            out.append("-")
    return out


DOC_FEATURES["IPADIC"] = ipadic_feature

COMPOUND_TOKENS = 6  # the longest run of tokens looked up as one chiVe word


def chive_compound_feature(doc: Doc) -> list[str]:
    """Per token: the vector row (a cluster of similar words) of the longest run of
    two or more tokens starting here that the vocab's vector table knows as one word
    (chiVe's Sudachi compounds: 国際連合, トヨタ自動車), with B/I; "-" elsewhere."""
    key2row = doc.vocab.vectors.key2row
    words = [t.text_with_ws for t in doc]
    n = len(words)
    out = ["-"] * n
    i = 0
    while i < n:
        best = None
        text = words[i]
        for j in range(i + 1, min(n, i + COMPOUND_TOKENS)):
            text += words[j]
            row = key2row.get(hash_string(text.rstrip()))
            if row is not None:
                best = (j, row)
        if best is None:
            i += 1
            continue
        j, row = best
        out[i] = f"{row}|B"
        for k in range(i + 1, j + 1):
            out[k] = f"{row}|I"
        i = j + 1
    return out


DOC_FEATURES["CHIVE"] = chive_compound_feature


def conj_form_feature(doc: Doc) -> list[str]:
    """Per token: its UniDic conjugation form (連用形-一般, 連体形-一般, 終止形-一般 …), which
    says whether a predicate ends a sentence, modifies a noun or chains to the next
    clause; "-" for uninflected words and Docs the pipeline's tokenizer did not make."""
    from pipeline.tokenizer import unidic_entries

    entries = unidic_entries(doc)
    if entries is None or len(entries) != len(doc):
        return ["-"] * len(doc)
    return [e.conj_form or "-" for e in entries]


def lemma_feature(doc: Doc) -> list[str]:
    """Per token: its lemma (述べ, 述べる and 述べた's 述べ are one word: 述べる)."""
    strings = doc.vocab.strings
    return [strings[x] for x in doc.to_array(LEMMA).tolist()] if len(doc) else []


DOC_FEATURES["CFORM"] = conj_form_feature
DOC_FEATURES["LEMMA"] = lemma_feature
# Doc features whose value is the string of a token attribute: read by string id
BY_STRING_ID = {"LEMMA": LEMMA}


@lru_cache(maxsize=200_000)
def token_features(text: str, tag: str, names: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(hash_string(f"{name}={FEATURES[name](text, tag)}") for name in names)


@lru_cache(maxsize=100_000)
def _value_hash(name: str, value: str) -> int:
    """The hash a Doc-level feature's value is embedded by (values repeat: lemmas, forms)."""
    return hash_string(f"{name}={value}")


MAX_CACHED = 200_000  # distinct words (and values) whose feature hashes are kept


class _TokenTable:
    """The token features of each distinct (ORTH id, TAG id) seen, as rows of one array:
    string ids are hashes of the strings, the same in every vocab, so the table holds
    across Docs and saves building spaCy Tokens; a Doc's features are one fancy index."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names
        self.index: dict[tuple[int, int], int] = {}
        self.rows = numpy.zeros((4096, len(names)), dtype="uint64")

    def lookup(self, doc: Doc) -> numpy.ndarray:
        pairs = [tuple(p) for p in doc.to_array([ORTH, TAG]).tolist()]
        get = self.index.get
        ids = [get(p) for p in pairs]
        if None in ids:
            strings = doc.vocab.strings
            for k, (orth, tag) in enumerate(pairs):
                if ids[k] is None:
                    ids[k] = self._add((orth, tag), strings)
        return self.rows[ids]

    def _add(self, key: tuple[int, int], strings) -> int:
        row = self.index.get(key)
        if row is None:
            row = len(self.index)
            if row == len(self.rows):
                self.rows = numpy.concatenate([self.rows, numpy.zeros_like(self.rows)])
            orth, tag = key
            self.rows[row] = token_features(strings[orth], strings[tag] if tag else "", self.names)
            self.index[key] = row
        return row


_TOKEN_TABLES: dict[tuple[str, ...], _TokenTable] = {}
# feature name -> {value (LEMMA: its string id) -> hash}
_VALUE_HASHES: dict[str, dict] = {}


def _token_columns(doc: Doc, names: tuple[str, ...]) -> numpy.ndarray:
    """(tokens, len(names)) array of the token features `names` of `doc`'s tokens."""
    table = _TOKEN_TABLES.get(names)
    if table is None or len(table.index) > MAX_CACHED:
        table = _TOKEN_TABLES[names] = _TokenTable(names)
    return table.lookup(doc)


def _doc_column(doc: Doc, name: str) -> list[int]:
    """The hashes of a Doc-level feature's values for `doc`'s tokens (those of `BY_STRING_ID`
    looked up by string id, without making the strings seen before)."""
    cache = _VALUE_HASHES.setdefault(name, {})
    if len(cache) > MAX_CACHED:
        cache.clear()
    attr = BY_STRING_ID.get(name)
    keys = doc.to_array(attr).tolist() if attr is not None else DOC_FEATURES[name](doc)
    get = cache.get
    out = [get(k) for k in keys]
    if None in out:
        strings = doc.vocab.strings
        for k, key in enumerate(keys):
            if out[k] is None:
                out[k] = cache[key] = _value_hash(name, strings[key] if attr is not None else key)
    return out


def JapaneseFeatureExtractor(names: Sequence[str]) -> Model[list[Doc], list[Ints2d]]:
    unknown = [n for n in names if n not in FEATURES and n not in DOC_FEATURES]
    if unknown:
        known = sorted(FEATURES) + sorted(DOC_FEATURES)
        raise ValueError(f"unknown NER features {unknown}; known: {known}")
    return Model("ja_features", _extract_forward, attrs={"names": tuple(names)})


# Doc -> (feature names, number of tokens, features): the ensemble's members read the
# same features of the same Docs (pipeline.ner.ensemble); worked out once per Doc
_EXTRACTED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _extract_forward(model: Model, docs, is_train: bool):
    names = tuple(model.attrs["names"])
    token_names = tuple(n for n in names if n in FEATURES)
    token_columns = [j for j, n in enumerate(names) if n in FEATURES]
    doc_columns = [(j, n) for j, n in enumerate(names) if n in DOC_FEATURES]
    out = []
    for doc in docs:
        known = None if is_train else _EXTRACTED.get(doc)
        if known is not None and known[0] == names and known[1] == len(doc):
            out.append(known[2])
            continue
        arr = numpy.empty((len(doc), len(names)), dtype="uint64")
        if len(doc):
            if token_names:
                arr[:, token_columns] = _token_columns(doc, token_names)
            for j, n in doc_columns:
                arr[:, j] = _doc_column(doc, n)
        out.append(model.ops.asarray2i(arr, dtype="uint64"))
        if not is_train:
            _EXTRACTED[doc] = (names, len(doc), out[-1])
    return out, lambda d_features: []


@registry.architectures(ARCHITECTURE)
def JapaneseHashEmbed(
    width: int,
    features: list[str],
    rows: list[int],
    include_static_vectors: bool = False,
    feature_width: int | None = None,
) -> Model[list[Doc], list[Floats2d]]:
    """Hash embeddings of `features` (names in FEATURES), one table each with the
    given number of rows and `feature_width` columns (default: `width`),
    concatenated and mixed by a Maxout layer to `width`. With
    `include_static_vectors`, the vocab's word vectors (`pipeline.ner.vectors`),
    projected to `feature_width`, join the concatenation, as in spaCy's
    MultiHashEmbed. The mixing layer's cost grows with the concatenation's width:
    narrower feature tables leave run time for a wider encoder window."""
    if len(rows) != len(features):
        raise ValueError(f"{len(features)} features but {len(rows)} row counts")
    fw = feature_width or width
    embeddings = [
        HashEmbed(fw, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(rows)
    ]
    extract = [JapaneseFeatureExtractor(features), list2ragged(), with_array(concatenate(*embeddings))]
    n_inputs = len(features) + include_static_vectors
    mix = with_array(Maxout(width, fw * n_inputs, nP=3, dropout=0.0, normalize=True))
    if include_static_vectors:
        return chain(concatenate(chain(*extract), StaticVectors(fw, dropout=0.0)), mix, ragged2list())
    return chain(*extract, mix, ragged2list())
