"""Japanese temporal tagger and resolver: fills dates.csv and gives events their dates.

`tag_dates(text, published, sentences)` finds date, time, duration and set expressions in the
analysis text (regexes in `patterns`, lexicons in `data/`) and anchors them (`resolve`) on the
publication date and the discourse. See `resolve` for the value formats.
"""

from __future__ import annotations

import re
import time

from pipeline.dates.numerals import fold_width
from pipeline.dates.patterns import find
from pipeline.dates.resolve import Resolver, parse_published
from pipeline.model import DateMention, Sentence

__all__ = ["tag_dates", "split_sentences", "precision", "bench_throughput", "parse_published"]

_SENT_END = re.compile(r"[^。\n]*(?:。|\n|$)")


def split_sentences(text: str) -> list[Sentence]:
    """Fallback sentence split on 。 and newlines; a new paragraph starts after each newline."""
    out: list[Sentence] = []
    para = 0
    for m in _SENT_END.finditer(text):
        s, e = m.start(), m.end()
        if s == e:
            continue
        body_end = e - 1 if text[e - 1] == "\n" else e
        if text[s:body_end].strip():
            out.append(Sentence(len(out), s, body_end, "body", para, text[s:body_end]))
        if text[e - 1] == "\n":
            para += 1
    return out


def tag_dates(
    text: str, published: str, sentences: list[Sentence] | None = None
) -> list[DateMention]:
    """Temporal expressions in `text` (offsets into `text`), resolved against `published`
    ("2026", "2026-02" or "2026-02-14") and the discourse."""
    if not text:
        return []
    folded = fold_width(text)
    sents = list(sentences) if sentences else split_sentences(text)
    return Resolver(text, published, sents).resolve(find(folded))


def calendar_value(value: str) -> str:
    """The calendar part of a TIMEX value (YYYY, YYYY-MM or YYYY-MM-DD), else "":
    2020-04 stays, 2026-02-05T09:00 gives 2026-02-05, 2020-SP gives 2020, P20Y gives ""."""
    parts = (value or "").split("T")[0].split("-")
    if not (len(parts[0]) == 4 and parts[0].isdigit()):
        return ""
    keep = [parts[0]]
    for p in parts[1:3]:
        if len(p) == 2 and p.isdigit():
            keep.append(p)
        else:
            break
    return "-".join(keep)


def is_after(date: str, published: str) -> bool:
    """`date` lies after the publication date, at the precision both give."""
    pub = calendar_value(published)
    n = min(len(date), len(pub))
    return bool(date and pub) and date[:n] > pub[:n]


def precision(value: str) -> str:
    """year | month | day | "" for a value as written in DateMention.value (2020-04 -> month)."""
    v = value.split("T")[0]
    if _YEAR.fullmatch(v):
        return "year"
    if _MONTH.fullmatch(v):
        return "month"
    if _DAY.fullmatch(v):
        return "day"
    return ""


_YEAR = re.compile(r"\d{4}|FY\d{4}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def bench_throughput(texts: list[str], published: str = "2026-02-14", repeat: int = 5) -> float:
    """Characters tagged per second by `tag_dates` over `texts` (best of `repeat` runs)."""
    chars = sum(len(t) for t in texts) or 1
    best = float("inf")
    tag_dates(texts[0] if texts else "", published)  # warm the caches
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            tag_dates(t, published)
        best = min(best, time.perf_counter() - t0)
    return chars / best if best > 0 else float("inf")


def calendar_mentions(dates) -> list:
    """The date mentions that place something on the calendar, in text order: DATEs and
    TIMEs (北朝鮮は27日朝、… gives its event 27日) with a calendar value; not durations
    or sets."""
    return sorted(
        (d for d in dates or [] if d.type in ("DATE", "TIME") and calendar_value(d.value)),
        key=lambda d: d.start,
    )


# An undated paragraph takes the last date written in the two paragraphs before it
# (captions included: 「ヤルタ会談 1945年2月」 dates the Yalta paragraphs after it; a lead's
# "On Wednesday" dates the vote told two paragraphs later). One paragraph lost dev events'
# dates in both languages; three gained nothing more.
DISCOURSE_DATE_PARAGRAPHS = 2


def carried_date(last_date: tuple[int, DateMention] | None, paragraph: int) -> DateMention | None:
    """The discourse date a new paragraph starts with: `last_date` (the paragraph it was
    written in, the date) when that is at most DISCOURSE_DATE_PARAGRAPHS before; the
    event coders of both languages date an undated act by it."""
    if last_date is not None and paragraph - last_date[0] <= DISCOURSE_DATE_PARAGRAPHS:
        return last_date[1]
    return None
