"""Digit handling: width folding that keeps offsets, and kanji numerals (二〇二五, 二千二十五, 十二).

Dates in Japanese text come in three number systems; everything downstream wants ints, and
every offset must still point into the original text, so folding is strictly char-for-char.
"""

from __future__ import annotations

import re

_FOLD = {ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")}
_FOLD.update(
    {
        ord(c): ord("A") + i
        for i, c in enumerate("ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ")
    }
)
_FOLD.update(
    {
        ord(c): ord("a") + i
        for i, c in enumerate("ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ")
    }
)
_FOLD.update(
    {
        ord("\u3000"): ord(" "),
        ord("（"): ord("("),
        ord("）"): ord(")"),
        ord("～"): ord("~"),
        ord("〜"): ord("~"),
        ord("－"): ord("-"),
        ord("‐"): ord("-"),
        ord("–"): ord("-"),
        ord("—"): ord("-"),
        ord("．"): ord("."),
        ord("／"): ord("/"),
        ord("："): ord(":"),
    }
)

KANJI_DIGITS = "〇零一二三四五六七八九"
_DIGIT = {c: (0 if c in "〇零" else "一二三四五六七八九".index(c) + 1) for c in KANJI_DIGITS}
_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000}


_NEEDS_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")


def fold_width(text: str) -> str:
    """Map full-width digits/latin, ideographic space and （）～〜－．／： to one canonical
    character each, char for char, so the result has the same length and offsets as `text`.
    """
    if not _NEEDS_FOLD.search(text):
        return text
    return _NEEDS_FOLD.sub(lambda m: chr(_FOLD[ord(m.group())]), text)


def to_int(s: str) -> int | None:
    """Parse an arabic or kanji numeral: 2025, 二〇二五, 二千二十五, 十二, 三十一, 元 (= 1)."""
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if s == "元":
        return 1
    if all(c in _DIGIT for c in s):  # positional digits: 二〇二五
        return int("".join(str(_DIGIT[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in _DIGIT:
            cur = cur * 10 + _DIGIT[c]
        elif c in _UNIT:
            total += (cur or 1) * _UNIT[c]
            cur = 0
        else:
            return None
    return total + cur
