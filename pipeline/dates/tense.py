"""The tense of the clause a date belongs to, read from the text near it.

A date written without a year or month is resolved into the past or the future of the
publication date (12月にオープンする in October is this December; 2日、…と報じた on the 3rd
is yesterday). The sentence as a whole is a poor guide: 「2日、…『…と予想していた』…と報じた」
holds a future word in a quote, and 「17日に死亡したというのに」 ends in the present. So the
tense is taken from the predicate the date belongs to:

- Japanese (verb last): the first predicate ending after the date, at the date's quote
  depth (a quote opened after the date is skipped, the date's own quote ends the search):
  した / だった / ている (past or present state) -> past; する / される / 予定 / 方針 …
  (`data/future_markers.txt`) -> future.
- English: the nearest marker on either side of the date in its sentence, quotes skipped:
  a past verb (said, announced, was …) -> past; will / plans to / next … -> future.

"" when nothing decides; the resolver then falls back to the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.dates import lexicon

PAST, FUTURE = "past", "future"

# a predicate in the past tense: した, った, いた, れた, んだ, だった, でした; ている / ておる /
# ていた (a state that has begun) count as past: 17日から抗議している
_JA_PAST = (
    r"(?:て|で)(?:い|お)(?:る|ます|り|た)"
    r"|(?<=[しっいきちりみびにぎれけせてえべめねじ])た(?=[^ぁ-ゖ]|と|こと|の|が|か|ばかり|ところ|ため|$)"
    r"|(?:んだ|だった|でした)(?=[^ぁ-ゖ]|と|こと|の|が|$)"
)
# a predicate in the non-past: する, される, できる, 行う, 開く, 始める …; ます. Not one that
# modifies a noun (領有権を主張する決議案): a relative clause in the non-past says nothing
# of when its noun's event is
_JA_NONPAST = (
    r"(?:する|される|させる|できる|行う|行われる|開く|開かれる|始める|始まる|迎える|向かう|ます)"
    r"(?=[、。，．」』）)\s!?！？]|と|こと|の|よう|か|が|ため|べき|予定|方針|見込み|計画|考え|意向|$)"
    r"|へ(?=[。」』\n]|$)"  # headline future: 出店へ
)


@lru_cache(maxsize=1)
def _ja_markers() -> re.Pattern:
    future_words = "|".join(re.escape(w) for w in lexicon.future_markers())
    return re.compile(  # 予想していた, 計画された: the noun made a verb has its own tense
        rf"(?P<open>[「『])|(?P<close>[」』])|(?P<past>{_JA_PAST})"
        rf"|(?P<fut>{_JA_NONPAST})|(?P<futw>(?:{future_words})(?![しさ]))"
    )


# future words that name a time of their own (来年公開予定の映画: when the film opens, not
# when the date's act happens) decide nothing about the date's clause; nor, after a date set
# off by a comma (20日、…), do those that describe a noun (予定の, 計画の): such a date is the
# main clause's (but 9日に発売予定の雑誌 is the 9th to come)
_DATE_WORDS = frozenset({"来月", "来年", "来週", "今後", "将来"})


def ja_clause_tense(text: str, end: int, limit: int) -> str:
    """past | future | "" for a Japanese date ending at `end`, reading up to `limit`."""
    depth = 0
    adverbial = text.startswith(("、", ","), end)
    for m in _ja_markers().finditer(text, end, limit):
        kind = m.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            if depth == 0:
                return ""  # the date's own quote ends without a predicate
            depth -= 1
        elif depth == 0:
            if kind == "futw" and (m.group() in _DATE_WORDS or (adverbial and text.startswith("の", m.end()))):
                continue
            return PAST if kind == "past" else FUTURE
    return ""


# ---------------------------------------------------------------------------- English

_EN_PAST_IRREGULAR = (
    "said|told|met|held|began|made|took|gave|went|came|left|saw|found|won|lost|brought|"
    "thought|sent|spoke|wrote|struck|fell|rose|ran|fled|led|paid|sold|bought|kept|felt|stood|"
    "built|spent|became|drew|flew|grew|knew|threw|broke|chose|stole|was|were|had|did|got|"
    "shot|hit|put|set|cut|quit|beat|bore|swore|sought|fought|caught|taught|meant|sat|"
    "understood|withdrew|overthrew|undertook|forbade|froze|woke|arose|ago|yesterday"
)
_EN_PAST = rf"\b(?:{_EN_PAST_IRREGULAR}|[a-z]{{2,}}ed)\b"
_NOT_PAST = frozenset(
    "need feed seed speed breed bleed proceed exceed succeed embed shed red bed hundred "
    "indeed steed creed greed weed deed united based related".split()
)  # -ed words that are no past verbs here (united: the United States; based in)
_EN_FUTURE = (
    r"\b(?:will|shall|won't|'ll|going\s+to|is\s+to|are\s+to|plans?\s+to|intends?\s+to|"
    r"(?:is|are|was|were)\s+(?:expected|scheduled|set|due|slated|anticipated)\s+to|"
    r"scheduled\s+(?:for|to)|anticipated\s+to|expected\s+to|due\s+to\s+(?!the\b)|"
    r"(?:is|are)\s+due|due\s+(?:out|back)|"
    r"aims?\s+to|hopes?\s+to|next|upcoming|coming|tomorrow)\b"
)
_EN_MARKERS = re.compile(rf"(?P<fut>(?i:{_EN_FUTURE}))|(?P<past>(?i:{_EN_PAST}))")
_QUOTES = '"“”'


def en_clause_tense(text: str, start: int, end: int, s_start: int, s_end: int) -> str:
    """past | future | "" for an English date at [start, end): the nearest tense marker in
    its sentence [s_start, s_end), on either side, at the date's quote level (inside the
    date's own quote, or outside all quotes)."""
    in_quote = _quotes(text, s_start, start) % 2 == 1
    best, best_dist = "", None
    for m in _EN_MARKERS.finditer(text, s_start, s_end):
        if start <= m.start() < end or m.group().lower() in _NOT_PAST:
            continue
        a, b = (m.end(), start) if m.end() <= start else (end, m.start())
        between = _quotes(text, a, b)
        if between if in_quote else between % 2:
            continue
        dist = b - a
        if best_dist is None or dist < best_dist:
            best, best_dist = (FUTURE if m.lastgroup == "fut" else PAST), dist
    return best


def _quotes(text: str, a: int, b: int) -> int:
    return sum(text.count(q, a, b) for q in _QUOTES)
