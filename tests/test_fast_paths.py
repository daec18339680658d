"""The pipeline's shortcuts give exactly what the plain ways of reading give.

The tokenizer keeps the Doc's text and one shared record per distinct token;
the event coder reads tokens from those records; the text layer finds body
segments from the gaps only; the linker matches word lists with one regex.
Each is checked here against the straightforward computation it replaces.
"""

from __future__ import annotations

import random
import unicodedata

import fugashi
import pytest
from spacy.tokens import Doc

from pipeline.actors.linker import _next_suffix
from pipeline.actors.textutil import is_all_katakana, is_katakana, quote_spans
from pipeline.events.tokens import _read_arrays, read_tokens
from pipeline.nlp import blank_japanese
from pipeline.text import Document, prepare
from pipeline.tokenizer import UPOS, doc_text, token_records

from .conftest import sample_body

TEXTS = [
    "",
    " ",
    "\n",
    "米国は２０２５年１２月５日、制裁を解除した。",
    "  先頭の空白と末尾の空白  ",
    "タブ\tと\u3000全角空白 と  二重空白",
    "NUL\0の後ろ\0",
    "Hello world. Mr. Smith went to Washington.\n\nNew para ",
    "末尾改行\n\n\n",
    "ｶﾞｷﾞ半角カナと結合文字が\u0301",
]


@pytest.fixture(scope="module")
def nlp():
    return blank_japanese()


@pytest.fixture(scope="module")
def docs(nlp):
    texts = [*TEXTS, prepare(sample_body()).text]
    return [nlp.make_doc(t) for t in texts]


def _plain_doc(nlp, text: str) -> Doc:
    """The Doc made the straightforward way: fugashi's own parsed features (not the raw
    feature strings the tokenizer reads), token by token. Whitespace MeCab skips is a
    token of its own, except one space after a word, which becomes that word's spacing."""
    words, spaces, tags, pos, lemmas = [], [], [], [], []

    def add(word, tag, upos, lemma):
        words.append(word)
        spaces.append(False)
        tags.append(tag)
        pos.append(upos)
        lemmas.append(lemma)

    for node in fugashi.Tagger()(text):
        if node.white_space == " " and words:
            spaces[-1] = True
        elif node.white_space:
            add(node.white_space, "", "SPACE", node.white_space)
        f = node.feature
        lemma = getattr(f, "lemma", None) or node.surface
        head, sep, _gloss = lemma.partition("-")  # ロシア-Rossiya
        add(
            node.surface,
            "-".join(x for x in (f.pos1, f.pos2, f.pos3, f.pos4) if x and x != "*"),
            UPOS.get(f.pos1, "X"),
            head if sep and head else lemma,
        )
    consumed = sum(map(len, words)) + sum(spaces)
    if consumed < len(text):
        add(text[consumed:], "", "SPACE", text[consumed:])
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas)


def test_tokenizer_makes_the_doc_fugashi_gives(docs, nlp):
    for doc in docs:
        plain = _plain_doc(nlp, doc.text)
        assert plain.text == doc.text
        assert [(t.text, t.whitespace_, t.tag_, t.pos_, t.lemma_) for t in doc] == [
            (t.text, t.whitespace_, t.tag_, t.pos_, t.lemma_) for t in plain
        ]
        assert doc_text(doc) == doc.text
        assert [r.word for r in token_records(doc)] == [t.text for t in doc]


def test_doc_text_without_the_tokenizer(nlp):
    doc = Doc(nlp.vocab, words=["米国", "は"], spaces=[True, False])
    assert doc_text(doc) == doc.text == "米国 は"


def test_event_tokens_from_records_equal_those_from_the_doc(docs):
    for doc in docs:
        fast, text = read_tokens(doc)
        plain = _read_arrays(doc, [t.idx for t in doc])
        assert text == doc.text
        assert [(t.i, t.idx, t.end, t.text, t.lemma_, t.tag_, t.conj_form) for t in fast] == [
            (t.i, t.idx, t.idx + len(t.text), t.text, t.lemma_, t.tag_, t._.conj_form) for t in doc
        ]
        slots = type(fast[0]).__slots__ if fast else ()
        assert [[getattr(t, s) for s in slots] for t in fast] == [
            [getattr(t, s) for s in slots] for t in plain
        ]


def test_event_tokens_of_a_batch_are_read_once(docs):
    # the events component reads every Doc of a batch for what to parse, then each for its frames
    first = [read_tokens(doc) for doc in docs]
    assert all(read_tokens(doc) is read for doc, read in zip(docs, first, strict=True))


def _quote_spans_char_by_char(text: str) -> list[tuple[int, int]]:
    """textutil.quote_spans as first written: one step per character."""
    pairs = {"「": "」", "『": "』"}
    spans = []
    i, n = 0, len(text)
    while i < n:
        close = pairs.get(text[i])
        if close is None:
            i += 1
            continue
        depth, j = 1, i + 1
        while j < n and depth and text[j] != "\n":
            if text[j] == text[i]:
                depth += 1
            elif text[j] == close:
                depth -= 1
            j += 1
        spans.append((i, j))
        i = j
    return spans


def test_quote_spans_jump_to_the_same_spans():
    rng = random.Random(0)
    texts = ["", "「」", "「a「b」c」d", "『x「y』z", "「open\nnext「q」", "「「」", *TEXTS]
    texts += ["".join(rng.choice("「」『』\nあい") for _ in range(rng.randint(0, 14))) for _ in range(5000)]
    for text in texts:
        assert quote_spans(text) == _quote_spans_char_by_char(text), text


def _segments_char_by_char(char_start, char_end, start, end):
    """Document.body_segments as first written: one step per character."""
    segments = []
    seg_start = seg_end = -1
    for s, e in zip(char_start[start:end], char_end[start:end], strict=True):
        if seg_end >= 0 and seg_end >= s:
            seg_end = max(seg_end, e)
        else:
            if seg_end >= 0:
                segments.append((seg_start, seg_end))
            seg_start, seg_end = s, e
    if seg_end >= 0:
        segments.append((seg_start, seg_end))
    return segments


def test_body_segments_visit_only_gaps_but_agree():
    rng = random.Random(0)
    for _ in range(3000):
        starts, ends, pos = [], [], 0
        for _ in range(rng.randint(0, 25)):
            r = rng.random()
            if r < 0.6:
                s, e = pos, pos + 1  # a plain character
            elif r < 0.75:
                s = pos + rng.randint(1, 3)  # after a gap
                e = s + 1
            elif r < 0.85:
                s = e = pos  # an inserted space or newline
            else:
                s = rng.randint(0, pos + 2)  # expansions, odd maps
                e = s + rng.randint(0, 3)
            starts.append(s)
            ends.append(e)
            pos = max(pos, e)
        doc = Document("", "", [], starts, ends, [], [])
        for _ in range(4):
            a, b = rng.randint(0, len(starts) + 1), rng.randint(0, len(starts) + 2)
            assert doc.body_segments(a, b) == _segments_char_by_char(starts, ends, a, b)


def test_body_segments_of_a_real_document():
    document = prepare(sample_body())
    n = len(document.text)
    for a in range(0, n, 7):
        for b in (a, a + 1, a + 40, n):
            assert document.body_segments(a, b) == _segments_char_by_char(
                document.char_start, document.char_end, a, b
            )


def test_next_suffix_is_the_first_word_that_fits():
    rng = random.Random(1)
    alphabet = "国政府軍会議a.*()"
    for _ in range(3000):
        words = ["".join(rng.choices(alphabet, k=rng.randint(0, 3))) for _ in range(rng.randint(0, 5))]
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 6)))
        for e in range(len(text) + 2):
            expected = next((w for w in words if text.startswith(w, e)), "")
            assert _next_suffix(words, text, e) == expected


def _katakana_by_name(c: str) -> bool:
    """Katakana letters (small ones included), ー, ・ and the iteration marks ヽヾ, by their
    Unicode names: not the pattern the linker's tests are built from."""
    name = unicodedata.name(c, "")
    return name.startswith("KATAKANA LETTER") or name in {
        "KATAKANA-HIRAGANA PROLONGED SOUND MARK",
        "KATAKANA MIDDLE DOT",
        "KATAKANA ITERATION MARK",
        "KATAKANA VOICED ITERATION MARK",
    }


def test_katakana_tests_agree_with_the_unicode_names():
    for cp in range(0x3000, 0x3100):
        c = chr(cp)
        assert is_katakana(c) == _katakana_by_name(c), f"U+{cp:04X} {unicodedata.name(c, '')}"
        assert is_all_katakana(c * 2) == _katakana_by_name(c), f"U+{cp:04X}"
    assert not is_katakana("") and not is_all_katakana("")
    assert is_all_katakana("ルカシェンコ・プーチン") and not is_all_katakana("ルカシェンコ氏")
