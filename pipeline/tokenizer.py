"""fugashi + unidic-lite tokenizer for spaCy.

spaCy's own Japanese language class needs SudachiPy; we tokenise with MeCab
(fugashi) and UniDic instead, and keep UniDic's attributes on each token.
"""

from __future__ import annotations

from functools import lru_cache

import fugashi
from spacy.lang.ja import Japanese  # noqa: F401  (registers the "ja" language)
from spacy.tokens import Doc, Token
from spacy.util import DummyTokenizer, registry

TOKENIZER_NAME = "dekigoto.fugashi_tokenizer.v1"

_TOKEN_EXTENSIONS = {
    "pos_detail": "",  # UniDic pos1-pos4 joined with "-"
    "reading": "",  # katakana reading (kana field)
    "is_unknown": False,  # MeCab had no dictionary entry
    "unidic_lemma": "",  # UniDic lemma with its gloss, e.g. "ロシア-Rossiya"
    "base_form": "",  # written base form (orthBase): する for し, のむ for のん
    "conj_type": "",  # conjugation type (cType), e.g. 五段-マ行
    "conj_form": "",  # conjugation form (cForm), e.g. 未然形-一般
}


def register_token_extensions() -> None:
    """Register the UniDic token attributes once per process."""
    for name, default in _TOKEN_EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


@lru_cache(maxsize=1)
def _tagger() -> fugashi.Tagger:
    """One MeCab tagger per process, built on unidic-lite's dictionary."""
    return fugashi.Tagger()


def _clean_lemma(lemma: str | None, surface: str) -> str:
    """UniDic lemmas carry an English gloss after "-" (ロシア-Rossiya): drop it."""
    if not lemma:
        return surface
    head, sep, _ = lemma.partition("-")
    return head if sep and head else lemma


class FugashiTokenizer(DummyTokenizer):
    """Split text with MeCab/UniDic; whitespace becomes spaCy token spacing."""

    def __init__(self, vocab):
        self.vocab = vocab
        register_token_extensions()

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        feats: list[tuple] = []
        pos = 0
        for node in _tagger()(text):
            surface = node.surface
            start = text.find(surface, pos)
            if start < 0:  # MeCab normalised something; keep alignment by skipping
                continue
            gap = text[pos:start]
            if gap:
                if words and gap.isspace() and gap == " ":
                    spaces[-1] = True
                else:
                    words.append(gap)
                    spaces.append(False)
                    feats.append(None)
            words.append(surface)
            spaces.append(False)
            feats.append(node)
            pos = start + len(surface)
        if pos < len(text):
            words.append(text[pos:])
            spaces.append(False)
            feats.append(None)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, node in zip(doc, feats, strict=True):
            if node is None:
                token.pos_ = "SPACE" if token.text.isspace() else "X"
                token.lemma_ = token.text
                continue
            f = node.feature
            levels = [x for x in (f.pos1, f.pos2, f.pos3, f.pos4) if x and x != "*"]
            token.tag_ = "-".join(levels)
            token.pos_ = _UPOS.get(f.pos1, "X")
            token.lemma_ = _clean_lemma(f.lemma, surface=token.text)
            token._.pos_detail = token.tag_
            token._.reading = f.kana or ""
            token._.is_unknown = bool(node.is_unk)
            token._.unidic_lemma = f.lemma or ""
            token._.base_form = f.orthBase or token.text
            token._.conj_type = "" if f.cType in (None, "*") else f.cType
            token._.conj_form = "" if f.cForm in (None, "*") else f.cForm
        return doc


# UniDic pos1 -> Universal POS (coarse; enough for filtering and display)
_UPOS = {
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


@registry.tokenizers(TOKENIZER_NAME)
def create_fugashi_tokenizer():
    def make_tokenizer(nlp):
        return FugashiTokenizer(nlp.vocab)

    return make_tokenizer
