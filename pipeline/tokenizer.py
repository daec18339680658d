"""fugashi + unidic-lite tokenizer for spaCy.

spaCy's own Japanese language class needs SudachiPy; we tokenise with MeCab
(fugashi) and UniDic instead, and keep UniDic's attributes on each token.
Speed matters (the tokenizer is most of the pipeline's time), so features are
read from MeCab's raw feature string, parsed once per distinct string, and the
UniDic extras are served by getters from one list per Doc instead of being set
token by token. The tokenizer also keeps the Doc's text (`doc_text`): spaCy
rebuilds `doc.text` from a new Token object per token on every access.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

import fugashi
import numpy
from spacy.attrs import LEMMA, POS, TAG
from spacy.lang.ja import Japanese  # noqa: F401  (registers the "ja" language)
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.util import DummyTokenizer, registry

TOKENIZER_NAME = "dekigoto.fugashi_tokenizer.v1"
USER_DATA_KEY = "dekigoto.unidic"
TEXT_KEY = "dekigoto.text"
RECORDS_KEY = "dekigoto.records"


class UnidicToken(NamedTuple):
    """What we keep of a UniDic entry."""

    tag: str  # pos1-pos4 joined with "-": 名詞-固有名詞-人名-姓
    upos: str  # coarse Universal POS
    lemma: str  # UniDic lemma without its gloss: 為る, 飲む, ロシア
    unidic_lemma: str  # as in UniDic, gloss included: ロシア-Rossiya
    base_form: str  # written base form (orthBase): する, のむ
    reading: str  # katakana reading
    conj_type: str  # cType: 五段-マ行
    conj_form: str  # cForm: 連用形-一般
    is_unknown: bool


# UniDic pos1 -> Universal POS (coarse; enough for filtering and display)
UPOS = {
    "名詞": "NOUN",
    "代名詞": "PRON",
    "動詞": "VERB",
    "形容詞": "ADJ",
    "形状詞": "ADJ",
    "副詞": "ADV",
    "連体詞": "DET",
    "接続詞": "CCONJ",
    "感動詞": "INTJ",
    "助詞": "ADP",
    "助動詞": "AUX",
    "接頭辞": "NOUN",
    "接尾辞": "NOUN",
    "補助記号": "PUNCT",
    "記号": "SYM",
    "空白": "SPACE",
}

_EXTENSIONS = {
    "pos_detail": lambda u: u.tag,
    "reading": lambda u: u.reading,
    "is_unknown": lambda u: u.is_unknown,
    "unidic_lemma": lambda u: u.unidic_lemma,
    "base_form": lambda u: u.base_form,
    "conj_type": lambda u: u.conj_type,
    "conj_form": lambda u: u.conj_form,
}
_NO_ENTRY = UnidicToken("", "X", "", "", "", "", "", "", False)


def _getter(field):
    def get(token: Token):
        entries = token.doc.user_data.get(USER_DATA_KEY)
        return field(entries[token.i] if entries else _NO_ENTRY)

    return get


def register_token_extensions() -> None:
    """Register the UniDic token attributes once per process."""
    for name, field in _EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, getter=_getter(field))


@lru_cache(maxsize=1)
def _tagger() -> fugashi.Tagger:
    """One MeCab tagger per process, built on unidic-lite's dictionary."""
    return fugashi.Tagger()


@lru_cache(maxsize=4096)
def tag_alone(word: str) -> str:
    """The UniDic tag of a word read on its own (コール 名詞-普通名詞-サ変可能, マース
    名詞-固有名詞-人名): what the dictionary takes it for outside any sentence; "" when
    it is more than one token or a word the dictionary does not know."""
    nodes = list(_tagger()(word))
    if len(nodes) != 1 or nodes[0].is_unk:
        return ""
    return parse_feature(nodes[0].feature_raw, word, bool(nodes[0].is_unk)).tag


def _clean(value: str) -> str:
    return "" if value == "*" else value


@lru_cache(maxsize=200_000)
def parse_feature(raw: str, surface: str, is_unknown: bool) -> UnidicToken:
    """A UniDic feature string (CSV, 26 fields; 6 for unknown words) as a record."""
    f = next(csv.reader([raw])) if '"' in raw else raw.split(",")
    levels = [x for x in f[:4] if x and x != "*"]
    unidic_lemma = f[7] if len(f) > 7 and f[7] else surface
    head, sep, _ = unidic_lemma.partition("-")
    return UnidicToken(
        tag="-".join(levels),
        upos=UPOS.get(f[0], "X"),
        lemma=head if sep and head else unidic_lemma,
        unidic_lemma=unidic_lemma,
        base_form=(f[10] if len(f) > 10 and f[10] else surface),
        reading=_clean(f[17]) if len(f) > 17 else "",
        conj_type=_clean(f[4]) if len(f) > 4 else "",
        conj_form=_clean(f[5]) if len(f) > 5 else "",
        is_unknown=is_unknown,
    )


_SPACE = UnidicToken("", "SPACE", "", "", "", "", "", "", False)
# The Doc attributes the tokenizer sets, in the order Doc(pos=, lemmas=, tags=) sets them.
_ANNOTATIONS = [POS, LEMMA, TAG]


class TokenRecord(NamedTuple):
    """One token as the tokenizer made it: its text, UniDic entry and Doc annotation."""

    word: str  # token.text
    orth: int  # its StringStore id: Docs are made from ids, not strings to hash again
    entry: UnidicToken
    strings: tuple[str, str, str]  # token.pos_, token.lemma_ (the word when UniDic has none), token.tag_
    ids: bytes  # their StringStore ids as uint64: a Doc's annotation array is one bytes join


def _record(entry: UnidicToken, word: str) -> TokenRecord:
    strings = (entry.upos, entry.lemma or word, entry.tag)
    ids = numpy.array([get_string_id(x) for x in strings], dtype=numpy.uint64)
    return TokenRecord(word, get_string_id(word), entry, strings, ids.tobytes())


@lru_cache(maxsize=200_000)
def _word_record(raw: str, surface: str, is_unknown: bool) -> TokenRecord:
    """A MeCab token's record: parsed and hashed once per distinct (feature, surface)."""
    return _record(parse_feature(raw, surface, is_unknown), surface)


@lru_cache(maxsize=1024)
def _gap_record(gap: str, trailing: bool = False) -> TokenRecord:
    """Whitespace MeCab skipped before a token (its own lemma), or after the last one."""
    return _record(_SPACE if trailing else _SPACE._replace(lemma=gap, base_form=gap), gap)


def doc_text(doc: Doc) -> str:
    """`doc.text`, as the tokenizer kept it (spaCy rebuilds it token by token on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    return doc.text if text is None else text


def unidic_entries(doc: Doc) -> list[UnidicToken] | None:
    """The UniDic entry of each token, as the extension getters read them (None: not our tokenizer)."""
    return doc.user_data.get(USER_DATA_KEY)


def token_records(doc: Doc) -> list[TokenRecord] | None:
    """Each token's record as the tokenizer made the Doc from it (None: not our tokenizer).
    Equal tokens share one record object, so per-kind work can be cached by `id()`."""
    return doc.user_data.get(RECORDS_KEY)


def is_unknown(token: Token) -> bool:
    """`token._.is_unknown` without spaCy's extension machinery (for per-token loops)."""
    entries = token.doc.user_data.get(USER_DATA_KEY)
    return (entries[token.i] if entries else _NO_ENTRY).is_unknown


class FugashiTokenizer(DummyTokenizer):
    """Split text with MeCab/UniDic; whitespace becomes spaCy token spacing."""

    def __init__(self, vocab):
        self.vocab = vocab
        # records whose strings are in this vocab, by id() (the values keep the ids valid);
        # strings are never removed from it (spaCy's memory zones would: they are not used)
        self._in_vocab: dict[int, TokenRecord] = {}
        register_token_extensions()

    def __call__(self, text: str) -> Doc:
        records: list[TokenRecord] = []
        spaced: list[int] = []  # tokens followed by one space
        for node in _tagger()(text):
            gap = node.white_space
            if gap:
                if gap == " " and records:  # the token before is a word without a space yet
                    spaced.append(len(records) - 1)
                else:
                    records.append(_gap_record(gap))
            records.append(_word_record(node.feature_raw, node.surface, node.is_unk))
        words = [r.word for r in records]
        consumed = sum(map(len, words)) + len(spaced)
        if consumed < len(text):  # trailing whitespace MeCab does not report
            words.append(text[consumed:])
            records.append(_gap_record(text[consumed:], trailing=True))
        spaces = [False] * len(words)
        for i in spaced:
            spaces[i] = True
        self._add_strings(records)
        doc = Doc(self.vocab, words=[r.orth for r in records], spaces=spaces)
        if records:  # POS, LEMMA and TAG as Doc(pos=, lemmas=, tags=) would set them
            ids = numpy.frombuffer(b"".join([r.ids for r in records]), dtype=numpy.uint64)
            doc.from_array(_ANNOTATIONS, ids.reshape(len(records), len(_ANNOTATIONS)))
        doc.user_data[USER_DATA_KEY] = [r.entry for r in records]
        doc.user_data[RECORDS_KEY] = records
        doc.user_data[TEXT_KEY] = _joined(words, spaces)
        return doc

    def _add_strings(self, records: list[TokenRecord]) -> None:
        """Put the records' strings in the vocab, the first time this tokenizer
        meets each record (not token by token): the Doc is then made from ids."""
        in_vocab = self._in_vocab
        distinct = {id(r): r for r in records}
        for key in distinct.keys() - in_vocab.keys():
            if len(in_vocab) >= 500_000:  # bounded: forgetting only means adding again
                in_vocab.clear()
            record = distinct[key]
            self.vocab.strings.add(record.word)
            for x in record.strings:
                self.vocab.strings.add(x)
            in_vocab[key] = record  # only once its strings are in


def _joined(words: list[str], spaces: list[bool]) -> str:
    """What `doc.text` returns for these words and spaces."""
    if not any(spaces):
        return "".join(words)
    return "".join([w + " " if s else w for w, s in zip(words, spaces, strict=True)])


@registry.tokenizers(TOKENIZER_NAME)
def create_fugashi_tokenizer():
    def make_tokenizer(nlp):
        return FugashiTokenizer(nlp.vocab)

    return make_tokenizer
