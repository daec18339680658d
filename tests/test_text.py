"""The text layer: layout repair, captions, normalisation, sentences, offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text import normalize_text, prepare, split_sentences


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_sample_layout_joins_are_repaired(sample_document, sample_gold):
    """Each gold join: the two halves end up in one sentence."""
    sents = [s.text for s in sample_document.sentences]
    for left, right in sample_gold["layout"]["joins"]:
        assert any(_squash(left + right) in _squash(s) for s in sents), (left, right)


def test_sample_captions_are_not_body(sample_document, sample_gold):
    kinds = {_squash(s.text): s.kind for s in sample_document.sentences}
    for caption in sample_gold["layout"]["captions"]:
        assert kinds.get(_squash(caption)) in ("caption", "heading"), caption
    body = [s for s in sample_document.sentences if s.kind == "body"]
    assert len(body) > 50


def test_sample_title_and_byline_are_headings(sample_document):
    first = sample_document.sentences[:2]
    assert [s.kind for s in first] == ["heading", "heading"]
    assert "2026年 2月" in first[1].text


def test_offsets_slice_the_body(sample_article, sample_document):
    """body[start:end] is the sentence once the layout breaks in it are removed."""
    body = sample_article.body
    for s in sample_document.sentences:
        start, end = sample_document.to_body(s.start, s.end)
        segments = sample_document.body_segments(s.start, s.end)
        assert segments[0][0] == start and segments[-1][1] == end
        assert "".join(body[a:b] for a, b in segments) == s.text
        # what lies between the segments is whitespace or whole caption/heading blocks
        gaps = [body[a[1]:b[0]] for a, b in zip(segments, segments[1:], strict=False)]
        for gap in gaps:
            assert not gap.strip() or "\n" in gap, gap


def test_joined_sentence_spans_the_break(sample_article, sample_document):
    s = next(s for s in sample_document.sentences if "カリウムに関んする" in s.text)
    start, end = sample_document.to_body(s.start, s.end)
    assert "\n" in sample_article.body[start:end]
    assert s.text.replace("\n", "") == s.text


def test_heading_between_halves_stays_its_own_sentence(sample_document):
    s = next(s for s in sample_document.sentences if "2019年から高官" in s.text)
    assert s.text.startswith("一方で米国は")
    assert "世界遺産" not in s.text
    assert any(x.kind == "heading" and "世界遺産" in x.text for x in sample_document.sentences)


def test_conjunction_after_break_starts_new_paragraph():
    doc = prepare("彼は言った、米国\n\nまた同氏は述べた。")
    assert [s.text for s in doc.sentences] == ["彼は言った、米国", "また同氏は述べた。"]


def test_break_mid_word_is_joined():
    doc = prepare("前の文。長い文章がここにあって制裁に関\n\nする協議が続いた。次の文。")
    assert [s.text for s in doc.sentences][1:] == ["長い文章がここにあって制裁に関する協議が続いた。", "次の文。"]


def test_paragraph_ending_with_predicate_is_not_joined():
    doc = prepare("ロシアは接近を図っている\n\nベラルーシは反発した。")
    assert len({s.paragraph for s in doc.sentences}) == 2


@pytest.mark.parametrize(
    "body",
    [
        "・ロシアが日本を非難（痛いニュース）\n\nこの動画は話題になった。",  # an item is complete
        "・ロシアが日本を非難\nhttp://example.com/1\n\nこの動画は話題になった。",  # so is an address
        "ロシアは接近を図り\n\n・この動画は話題になった。",  # an item starts a block
    ],
)
def test_list_items_and_addresses_are_not_joined_to_the_next_block(body):
    assert len({s.paragraph for s in prepare(body).sentences}) == 2


def test_a_source_line_is_a_sentence_of_its_own():
    body = "前の文だ。\n参照：ロシアが日本を非難（韓国の記事）\nこれに対し日本では批判が出た。"
    assert [s.text for s in prepare(body).sentences] == [
        "前の文だ。", "参照：ロシアが日本を非難（韓国の記事）", "これに対し日本では批判が出た。"]


def test_picture_caption_after_blank_lines():
    body = "本文の最初の段落である。\n\n\n\n首都ミンスクの風景\n\n本文は続く。"
    kinds = [(s.kind, s.text) for s in prepare(body).sentences]
    assert kinds == [("body", "本文の最初の段落である。"), ("caption", "首都ミンスクの風景"), ("body", "本文は続く。")]


@pytest.mark.parametrize(
    "line",
    ["写真：会談に臨む両首脳", "（写真）首相官邸", "出所：財務省", "図1 原油価格の推移"],
)
def test_caption_prefixes(line):
    doc = prepare(f"本文である。\n\n{line}\n\n本文は続く。")
    assert [s.kind for s in doc.sentences] == ["body", "caption", "body"]


def test_markdown_heading():
    doc = prepare("本文である。\n\n## 見出し\n\n本文は続く。")
    assert [s.kind for s in doc.sentences] == ["body", "heading", "body"]


CASES = [
    ("彼は「行く。帰る。」と言った。次だ。", ["彼は「行く。帰る。」と言った。", "次だ。"]),  # 。 inside quotes
    ("『本。』を読んだ。", ["『本。』を読んだ。"]),
    ("（注。）本文。", ["（注。）本文。"]),
    ("“取引外交。”の例だ。終わり。", ["“取引外交。”の例だ。", "終わり。"]),
    ("本当か？そうだ！", ["本当か？", "そうだ！"]),
    ("彼は「行く。", ["彼は「行く。"]),  # unclosed quote does not swallow the rest
    ("閉じない「引用。次の文。", ["閉じない「引用。", "次の文。"]),
    ("He left. She stayed.", ["He left.", "She stayed."]),
    ("It cost 3.5 dollars. Fine.", ["It cost 3.5 dollars.", "Fine."]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentence_split(text, expected):
    assert [s.text for s in prepare(text).sentences] == expected


def test_list_items_are_sentences():
    body = "合意の内容は次の通り\n・制裁の解除\n・政治犯の釈放\n・大使館の再開"
    texts = [s.text for s in prepare(body).sentences]
    assert texts == ["合意の内容は次の通り", "・制裁の解除", "・政治犯の釈放", "・大使館の再開"]


@pytest.mark.parametrize(
    "raw,norm",
    [
        ("２０２５年", "2025年"),  # full-width digits
        ("ＥＵ", "EU"),
        ("ｶﾞｽ", "ガス"),  # half-width katakana with voicing mark
        ("米国\u3000大統領", "米国 大統領"),  # ideographic space
        ("ゼロ\u200b幅", "ゼロ幅"),  # zero-width space dropped
        ("「ロシア」、", "「ロシア」、"),  # Japanese punctuation kept
        ("3～5日", "3〜5日"),
    ],
)
def test_normalize_text(raw, norm):
    assert normalize_text(raw) == norm


def test_offsets_survive_normalisation():
    body = "ｶﾞｽ価格は２０２５年に上がった。"
    doc = prepare(body)
    assert doc.text == "ガス価格は2025年に上がった。"
    i = doc.text.index("2025年")
    s, e = doc.to_body(i, i + len("2025年"))
    assert body[s:e] == "２０２５年"
    s, e = doc.to_body(0, 2)
    assert body[s:e] == "ｶﾞｽ"


HOSTILE = ["", "\n\n\n", "。。。", "「「「", "」」", "\ufeff", "#", "a\r\nb", "\u3000\u3000", "ー" * 500]


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_bodies_do_not_crash(body):
    doc = prepare(body)
    for s in doc.sentences:
        assert s.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("あア漢。、「」（）\n 　ｶﾞ２Ａa.!？#・")), max_size=80))
def test_fuzz_offsets_stay_in_body(body):
    doc = prepare(body)
    assert len(doc.char_start) == len(doc.text) == len(doc.char_end)
    for s in doc.sentences:
        start, end = doc.to_body(s.start, s.end)
        assert 0 <= start <= end <= len(body)


def test_split_sentences_handles_hard_breaks():
    assert split_sentences("一二三四", {2}) == [(0, 2), (2, 4)]
