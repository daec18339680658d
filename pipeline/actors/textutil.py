"""Character classes, kana normalisation, edit distance and romanisation for actor matching."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_KATAKANA_RE = re.compile(r"[\u30a1-\u30fa\u30fc\u30fb\u30fd\u30fe]")
_KATAKANA_CHARS = frozenset(c for c in map(chr, range(0x3000, 0x3100)) if _KATAKANA_RE.match(c))
_KATAKANA_ONLY_RE = re.compile(_KATAKANA_RE.pattern + "+")
KATAKANA_RUN_RE = re.compile(
    r"[\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc\u30fb]*[\u30a1-\u30fa\u30fc]|[\u30a1-\u30fa]"
)

# ヴァ -> バ etc. (applied before the single-character table)
_VU = {
    "ヴァ": "バ",
    "ヴィ": "ビ",
    "ヴェ": "ベ",
    "ヴォ": "ボ",
    "ヴュ": "ビュ",
    "ヴ": "ブ",
    "ウィ": "ウイ",
    "ウェ": "ウエ",
    "ウォ": "ウオ",
    "ティ": "チ",
    "ディ": "ジ",
    "ドゥ": "ド",
    "トゥ": "ト",
}
_VU_RE = re.compile("|".join(sorted(_VU, key=len, reverse=True)))
_SMALL = str.maketrans("ァィゥェォャュョッヮヵヶ", "アイウエオヤユヨツワカケ")
_DROP = str.maketrans("", "", "ー・=･ 　-‐")


_QUOTE_PAIRS = {"「": "」", "『": "』"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost 「…」 / 『…』 quotation, in order; an unclosed quote
    runs to the end of its line (news paragraphs are lines)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        close = _QUOTE_PAIRS.get(text[i])
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


def is_katakana(ch: str) -> bool:
    """Is the (first) character katakana, ・ or ー? (called once per character: a set lookup)"""
    return bool(ch) and ch[0] in _KATAKANA_CHARS


def is_kanji(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or ch in "々〆ヶ")


def is_ascii_alnum(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def is_all_katakana(s: str) -> bool:
    return bool(s) and _KATAKANA_ONLY_RE.fullmatch(s) is not None


@lru_cache(maxsize=65536)
def kana_key(s: str) -> str:
    """Spelling-insensitive key for katakana names: ヴァ/バ, long vowels, ・, small kana."""
    s = unicodedata.normalize("NFKC", s)
    s = _VU_RE.sub(lambda m: _VU[m.group(0)], s)
    return s.translate(_DROP).translate(_SMALL)


def levenshtein(a: str, b: str, limit: int = 2) -> int:
    """Edit distance, stopping early once it is above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def deletes1(s: str) -> set[str]:
    """The string itself and every string with one character deleted (SymSpell index keys)."""
    return {s} | {s[:i] + s[i + 1 :] for i in range(len(s))}


@lru_cache(maxsize=1)
def _cutlet():
    import cutlet

    katsu = cutlet.Cutlet()
    katsu.use_foreign_spelling = False  # ハサノフ -> Hasanofu, not a guessed English word
    return katsu


def _kata_to_hira(s: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in s)


@lru_cache(maxsize=8192)
def romanise(name_ja: str) -> str:
    """English-ish romanisation of a Japanese name (cutlet, Hepburn); '' when impossible.

    Katakana names are romanised kana by kana (MeCab would split an unknown foreign
    name into words); other names go through cutlet's tokenising romaji()."""
    clean = name_ja.replace("=", "・").strip()
    try:
        if all(is_katakana(c) for c in clean.replace("・", "")):
            parts = [_cutlet().map_kana(_kata_to_hira(p)) for p in clean.split("・") if p]
            out = " ".join(parts)
        else:
            out = _cutlet().romaji(clean.replace("・", " "))
    except Exception:  # pragma: no cover - never fail the pipeline over a romanisation
        out = ""
    out = re.sub(r"\s+", " ", out).strip()
    return " ".join(w[:1].upper() + w[1:] for w in out.split(" "))


def new_actor_id(name_ja: str, kind: str) -> str:
    """Stable readable id for an actor not in the KB: NEW_<KIND>_<ROMAJI>_<hash4>."""
    key = kana_key(name_ja) if is_all_katakana(name_ja) else unicodedata.normalize("NFKC", name_ja)
    shown = _VU_RE.sub(lambda m: _VU[m.group(0)], name_ja).replace("・", "").replace("ー", "")
    roman = re.sub(r"[^A-Z0-9]+", "_", romanise(shown).upper()).strip("_")[:32] or "X"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:4].upper()
    return f"NEW_{kind}_{roman}_{digest}"
