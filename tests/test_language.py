"""Which language an article is in: kana and kanji decide Japanese at once; other
texts go to langdetect (seeded), whose answer is folded into ja or en."""

from __future__ import annotations

import langdetect
import pytest

from pipeline.language import detect_language


def _langdetect_must_not_run(text):
    raise AssertionError("langdetect consulted although kana and kanji decide")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Der Präsident besuchte gestern Berlin und sprach mit der Kanzlerin.", "en"),  # not ja: en
        ("Le président a rencontré hier le premier ministre à Paris.", "en"),
        ("The talks in Minsk ended on Tuesday.", "en"),
        ("12345 678 !!! ---", "en"),  # nothing langdetect can read (LangDetectException)
        ("", "en"),
    ],
)
def test_texts_without_japanese_go_to_langdetect(text, lang):
    assert detect_language(text) == lang


def test_a_langdetect_ja_is_japanese(monkeypatch):
    monkeypatch.setattr(langdetect, "detect", lambda text: "ja")
    assert detect_language("Nihon no shusho wa Minsk wo homon shita.") == "ja"
    monkeypatch.setattr(langdetect, "detect", lambda text: "ko")
    assert detect_language("Nihon no shusho wa Minsk wo homon shita.") == "en"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("ベラルーシ", "ja"),
        ("日本 Japan", "ja"),  # 2 of 7 letters are kanji: at least a fifth
        ("The 日本 delegation arrived in Minsk on Tuesday.", "en"),  # 2 of 36: langdetect decides
    ],
)
def test_a_fifth_of_the_letters_in_kana_or_kanji_is_japanese(monkeypatch, text, lang):
    if lang == "ja":
        monkeypatch.setattr(langdetect, "detect", _langdetect_must_not_run)
    assert detect_language(text) == lang


def test_the_answer_is_the_same_every_time():
    langdetect.DetectorFactory.seed = None  # as in a fresh process
    text = "Minsk Tokyo Berlin Paris"  # short and ambiguous: unseeded, langdetect's guess varies
    assert len({detect_language(text) for _ in range(20)}) == 1
    assert langdetect.DetectorFactory.seed is not None
