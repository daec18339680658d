"""Which language an article is in, when its front matter does not say."""

from __future__ import annotations

import re

JAPANESE_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
LETTERS = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str:
    """ja or en. Kana and kanji decide Japanese at once (even with English
    names mixed in); otherwise langdetect, seeded so the answer is stable."""
    sample = text[:5000]
    letters = len(LETTERS.findall(sample))
    if letters and len(JAPANESE_CHARS.findall(sample)) / letters >= 0.2:
        return "ja"
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        lang = detect(sample)
    except LangDetectException:
        return "en"
    return "ja" if lang == "ja" else "en"
