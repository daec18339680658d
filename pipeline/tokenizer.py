"""fugashi + unidic-lite tokenizer for spaCy.

spaCy's own Japanese language class needs SudachiPy; we tokenise with MeCab
(fugashi) and UniDic instead, and keep UniDic's attributes on each token.
Speed matters (the tokenizer is most of the pipeline's time), so features are
read from MeCab's raw feature string, parsed once per distinct string, and the
UniDic extras are served by getters from one list per Doc instead of being set
token by token.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

import fugashi
from spacy.lang.ja import Japanese  # noqa: F401  (registers the "ja" language)
from spacy.tokens import Doc, Token
from spacy.util import DummyTokenizer, registry

TOKENIZER_NAME = "dekigoto.fugashi_tokenizer.v1"
USER_DATA_KEY = "dekigoto.unidic"


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


class FugashiTokenizer(DummyTokenizer):
    """Split text with MeCab/UniDic; whitespace becomes spaCy token spacing."""

    def __init__(self, vocab):
        self.vocab = vocab
        register_token_extensions()

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        entries: list[UnidicToken] = []
        consumed = 0
        for node in _tagger()(text):
            gap = node.white_space
            surface = node.surface
            if gap:
                if gap == " " and words and not spaces[-1]:
                    spaces[-1] = True
                else:
                    words.append(gap)
                    spaces.append(False)
                    entries.append(_SPACE._replace(lemma=gap, base_form=gap))
            words.append(surface)
            spaces.append(False)
            entries.append(parse_feature(node.feature_raw, surface, node.is_unk))
            consumed += len(gap) + len(surface)
        if consumed < len(text):  # trailing whitespace MeCab does not report
            words.append(text[consumed:])
            spaces.append(False)
            entries.append(_SPACE)
        doc = Doc(
            self.vocab,
            words=words,
            spaces=spaces,
            tags=[e.tag for e in entries],
            pos=[e.upos for e in entries],
            lemmas=[e.lemma or w for e, w in zip(entries, words, strict=True)],
        )
        doc.user_data[USER_DATA_KEY] = entries
        return doc


@registry.tokenizers(TOKENIZER_NAME)
def create_fugashi_tokenizer():
    def make_tokenizer(nlp):
        return FugashiTokenizer(nlp.vocab)

    return make_tokenizer
