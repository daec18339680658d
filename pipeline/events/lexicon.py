"""The Japanese event lexicon (pipeline/data/events/lexicon_ja.tsv) and the
support-verb list (support_verbs.tsv), loaded once per process.

A lexicon row maps a trigger lemma (a verb such as 求める, or a サ変 noun such
as 解除, usable verbally as 解除する or nominally as 制裁の解除を取り付ける),
plus an optional object pattern, to a CAMEO code. The most specific row whose
pattern matches wins; a row with an empty pattern is the trigger's default.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

FRAMES = ("act", "sym", "demand", "consider", "stir")
SUPPORT_KINDS = ("light", "obtain", "receive", "happen", "voice")


def written_lemma(text: str, lemma: str) -> str:
    """The lemma as the word is written, where UniDic's lemma is a kanji the word does not
    use (刺した: 差す, written 刺す; 撃った: 打つ, written 撃つ): the written kanji with the
    lemma's ending. The lexicon keys such verbs by how news writes them. The lemma itself
    when they agree (or the word starts with no kanji)."""
    if text and lemma and text[0] != lemma[0] and _is_kanji(text[0]) and _is_kanji(lemma[0]):
        return text[0] + lemma[1:]
    return lemma


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


TARGET_SECTOR = "target=@"  # a sector as the target (target=@COP: frame_coder.roles), no fixed state


@dataclass(frozen=True)
class LexEntry:
    trigger: str
    pattern: tuple[tuple[str, ...], ...]  # alternatives ("|") of items that must all occur ("+")
    code: str
    frame: str = "act"  # act | sym | demand | consider
    flags: frozenset[str] = frozenset()  # focus, verbal_only, nominal_only, active_only, target=ISO3
    note: str = ""

    def matches(self, text: str) -> bool:
        if not self.pattern:
            return True
        return any(_all_in(alt, text) for alt in self.pattern)

    @property
    def specificity(self) -> int:
        return max(
            (sum(1 for p in alt if not p.startswith("!")) for alt in self.pattern), default=0
        )

    @property
    def implicit_agent(self) -> str:
        """`agent=COP`: the sector that acts in an agentless passive (逮捕された: the police)."""
        for f in self.flags:
            if f.startswith("agent="):
                return f.split("=", 1)[1]
        return ""

    @property
    def fixed_target(self) -> str:
        for f in self.flags:
            if f.startswith("target=") and not f.startswith(TARGET_SECTOR):
                return f.split("=", 1)[1]
        return ""


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, tuple[LexEntry, ...]]  # trigger -> rows, most specific first
    support: dict[str, str]  # support verb lemma -> light | obtain | receive | happen
    max_trigger_tokens: int = 3

    def has(self, trigger: str) -> bool:
        return trigger in self.entries

    def match(self, trigger: str, text: str) -> LexEntry | None:
        for entry in self.entries.get(trigger, ()):
            if entry.matches(text):
                return entry
        return None


def _all_in(items: tuple[str, ...], text: str) -> bool:
    for p in items:
        if p.startswith("!"):
            if p[1:] in text:
                return False
        elif p not in text:
            return False
    return True


def _data(name: str):
    return resources.files("pipeline") / "data" / "events" / name


def _rows(name: str):
    with _data(name).open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return csv.reader(lines, delimiter="\t")


def parse_entry(row: list[str]) -> LexEntry:
    row = [c.strip() for c in row] + [""] * 6
    trigger, obj, code, frame, flags, note = row[:6]
    pattern = tuple(
        tuple(p for p in alt.split("+") if p) for alt in obj.split("|") if alt and alt != "-"
    )
    frame = frame or "act"
    if frame not in FRAMES:
        raise ValueError(f"lexicon row {row!r}: unknown frame {frame!r}")
    return LexEntry(
        trigger=trigger,
        pattern=pattern,
        code=code,
        frame=frame,
        flags=frozenset(f for f in flags.split(",") if f and f != "-"),
        note=note,
    )


@lru_cache(maxsize=1)
def load_voice_cues() -> tuple[tuple[str, str], ...]:
    """voice_cues.tsv: (cue word, CAMEO code) — what quoted words make a voice do."""
    out = []
    for row in _rows("voice_cues.tsv"):
        if row and row[0].strip() != "cue":
            out.append((row[0].strip(), row[1].strip()))
    return tuple(out)


# CAMEO roots of force whose act, ordered in quoted words (「…を爆撃しろ」), is a threat
# of it; coercion (17: 「逮捕しろ」) asked in words is a demand of the authorities, not a threat
THREAT_ROOTS = ("18", "19", "20")
# the last kana of a verb's dictionary form -> its imperative and volitional endings
# (殺す: 殺せ, 殺そう; 襲う: 襲え; 殴る: 殴れ, and 攻める: 攻めろ, 攻めよう)
VERB_ENDINGS = {
    "す": ("せ", "そう"), "つ": ("て", "とう"), "う": ("え", "おう"), "く": ("け", "こう"),
    "ぐ": ("げ", "ごう"), "む": ("め", "もう"), "ぶ": ("べ", "ぼう"), "ぬ": ("ね", "のう"),
    "る": ("れ", "ろう", "ろ", "よう"),
}
SURU_ORDERS = ("しろ", "せよ", "しよう", "してやれ", "してしまえ")  # 爆撃しろ, 攻撃せよ


@lru_cache(maxsize=1)
def threat_cues() -> tuple[tuple[str, str], ...]:
    """(word, code): the imperative and volitional forms of the lexicon's acts of force
    (rows with no object pattern, roots `THREAT_ROOTS`), each with the code of threatening
    that act (`commitments.tsv`: 195 -> 1384, 18x -> 1383): quoted words ordering an attack
    (「…を爆撃しろ」「殺せ」) threaten it."""
    from pipeline.events.frame_coder import commitment_code  # the frame coder imports no lexicon

    out: dict[str, str] = {}
    for trigger, rows in load_lexicon().entries.items():
        row = next((r for r in rows if not r.pattern and r.code[:2] in THREAT_ROOTS), None)
        if row is None:
            continue
        code = commitment_code(row.code)
        if trigger[-1] in VERB_ENDINGS:
            forms = [trigger[:-1] + e for e in VERB_ENDINGS[trigger[-1]]]
        elif _is_kanji(trigger[-1]) or "\u30a0" <= trigger[-1] <= "\u30ff":
            forms = [trigger + e for e in SURU_ORDERS]
        else:
            forms = []
        for form in forms:
            out.setdefault(form, code)
    return tuple(out.items())


# the imperative of a サ変 act (謝罪しろ, 撤回せよ, 説明してください): an order to do it
SURU_IMPERATIVES = ("しろ", "せよ", "しなさい", "してください", "して下さい", "してくれ")
# what may follow the last word of quoted words (「…謝罪しろ!」「…反対!!」「…中止。」)
TRAILING_MARKS = " 　!！?？。．.、…・〜~ー」』"


@lru_cache(maxsize=1)
def order_cues() -> tuple[tuple[str, str], ...]:
    """(word, code): the imperatives of the lexicon's acts other than force (rows with no
    object pattern; force is `threat_cues`), each with the code of demanding that act of
    another (`commitments.tsv`: 055 apologise -> 102, 0841 release -> 1053; else 100):
    quoted words ending with one (「日本は謝罪しろ」「説明せよ」) demand it."""
    from pipeline.events.frame_coder import demand_code  # the frame coder imports no lexicon

    out: dict[str, str] = {}
    for trigger, rows in load_lexicon().entries.items():
        row = next((r for r in rows if not r.pattern and r.code[:2] not in THREAT_ROOTS), None)
        if row is None:
            continue
        if trigger[-1] in VERB_ENDINGS:
            forms = [trigger[:-1] + e for e in VERB_ENDINGS[trigger[-1]] if not e.endswith("う")]
        elif _is_kanji(trigger[-1]) or "\u30a0" <= trigger[-1] <= "\u30ff":
            forms = [trigger + e for e in SURU_IMPERATIVES]
        else:
            forms = []
        for form in forms:
            out.setdefault(form, demand_code(row.code))
    return tuple(out.items())


@lru_cache(maxsize=1)
def demand_endings() -> tuple[tuple[str, str], ...]:
    """demand_endings.tsv: (noun, CAMEO code) — a slogan ending so demands it."""
    return tuple((r[0].strip(), r[1].strip()) for r in _rows("demand_endings.tsv") if r and r[0].strip() != "ending")


def demand_of(quoted: str) -> str:
    """The demand code of quoted words that end with an order of an act (「日本は謝罪しろ」)
    or a slogan's demand noun (「閣僚の参拝中止」「原発反対」), else ''. Words ending with a
    cue of `voice_cues.tsv` (「謝れ」「いい加減にしろ」) are what that cue says."""
    words = quoted.rstrip(TRAILING_MARKS)
    if not words or any(words.endswith(c) for c, _ in load_voice_cues()):
        return ""
    hit = _last_of(words, order_cues())
    if hit:
        return hit
    for order in SURU_IMPERATIVES:  # 「歪曲を中止せよ」: the slogan's noun ordered
        if words.endswith(order):
            words = words[: -len(order)]
            break
    return _last_of(words, demand_endings())


def _last_of(words: str, cues: tuple[tuple[str, str], ...]) -> str:
    """The code of the longest cue the words end with, or ''."""
    hit = max((c for c in cues if words.endswith(c[0])), key=lambda c: len(c[0]), default=None)
    return hit[1] if hit is not None else ""


# what a report tells (その要因を分析した, 経緯を紹介した, 事件の詳細を伝えた): a verb flagged
# `without_object` with such an object says it itself (an object naming an act, 声明を発表した,
# is the support verb's; one naming a person or a thing, メンバーを紹介した, is no statement)
CONTENT_NOUNS = (
    "要因", "背景", "経緯", "内容", "結果", "理由", "原因", "実態", "現状", "詳細", "様子", "状況",
    "事実", "見方", "真相", "意図", "狙い", "影響", "見通し", "全容",
)  # fmt: skip


def _says_content(object_text: str) -> bool:
    return object_text.rstrip().endswith(CONTENT_NOUNS)


def _find_cue(quoted: str, cue: str, threat: bool, start: int = 0) -> int:
    """Where `cue` is in the quoted words, or -1; an order (殺せ, 撃て) must end its word
    (not 殺せる, 撃てない)."""
    pos = quoted.find(cue, start)
    while threat and pos >= 0:
        after = quoted[pos + len(cue) : pos + len(cue) + 1]
        if not ("\u3041" <= after <= "\u3096") or after == "よ":
            break
        pos = quoted.find(cue, pos + 1)
    return pos


@lru_cache(maxsize=1)
def quoted_cues() -> tuple[tuple[str, str, bool], ...]:
    """(word, code, is a threat): the cue words of `voice_cues.tsv`, then the orders of
    force (`threat_cues`); built once, as both are (every quotation is read with them)."""
    return (*((c, k, False) for c, k in load_voice_cues()), *((c, k, True) for c, k in threat_cues()))


# a cue word negated itself (尊敬できない, 応援してない, 立派だとは思えない) says the opposite,
# so it does not count; a question (「すごいじゃないか」「応援しなかったの？」) asserts what
# it asks, and しかない / 違いない / たまらない / きわまりない are no negations. Only inflection (kana)
# may stand between the cue and its negation: 「恥ずかしいものは買えない」 negates 買う.
CUE_NEGATION = re.compile(
    r"(?:[ぁ-ゖ]{0,6}?|[ぁ-ゖ]{0,3}?(?:とは|とも)(?:思え|言え|考え))"
    r"(?<!しか)(?<!違い)(?<!たまら)(?<!しれ)(?<!きわまり)(?<!この上)(?:ない|なく|なかっ|ません|ねえ|ねぇ|ねー|ぬ)(?!た?(?:か|[？?]|じゃん|の[？?]))"
)
CASE_BREAKS = ("を", "が", "も", "の", "に", "へ", "と", "や")  # the cue's own phrase ends there


def negated_at(quoted: str, end: int) -> bool:
    """Is the word ending at `end` in the quoted words negated itself?"""
    m = CUE_NEGATION.match(quoted, end)
    if m is None:
        return False
    own = re.split("とは|とも", quoted[end : m.end()])[0]
    return not any(b in own for b in CASE_BREAKS)


def _cue_starts(quoted: str, cue: str, code: str, threat: bool) -> list[int]:
    """Where `cue` stands in the quoted words, not negated after it (`negated_at`). A cue
    that is itself a negation (許せない) is what it says; a demand or a threat negated is
    still one (「謝罪すべきではない」)."""
    out = []
    own_negation = "な" in cue[-3:] or "ず" in cue[-2:]  # 許せない, 許さず: the cue negates
    pos = _find_cue(quoted, cue, threat)
    while pos >= 0:
        if own_negation or threat or code.startswith("10") or not negated_at(quoted, pos + len(cue)):
            out.append(pos)
        pos = _find_cue(quoted, cue, threat, pos + 1)
    return out


def cue_positions(quoted: str, code: str) -> list[tuple[int, int]]:
    """The spans of the cue words of `code` in the quoted words."""
    return [(p, p + len(c)) for c, k, threat in quoted_cues() if k == code and c in quoted for p in _cue_starts(quoted, c, k, threat)]


def voice_code(quoted: str) -> str:
    """The code the quoted words of a voice give (the cue found most often; ties: the
    first in the quotation), or '' when they have no cue. An order of force is a threat
    (「富士山を爆撃しろ」: 1384). Words ending with an order or a slogan's demand demand it
    (`demand_of`: 「日本は謝罪しろ」, 「閣僚の参拝中止」)."""
    demand = demand_of(quoted)
    if demand:
        return demand
    hits: dict[str, tuple[int, int]] = {}
    for cue, code, threat in quoted_cues():
        if cue not in quoted:  # most cues: no look for each place
            continue
        starts = _cue_starts(quoted, cue, code, threat)
        if not starts:
            continue
        n, first = hits.get(code, (0, starts[0]))
        hits[code] = (n + len(starts), min(first, starts[0]))
    if not hits:
        return ""
    return min(hits, key=lambda c: (-hits[c][0], hits[c][1]))


class JapaneseLexicon:
    """The Japanese lexicon as the frame coder asks it (`frame_coder.Lexicon`): the row
    that codes a frame of the Japanese front end (`frames_ja`), and the trigger's generic
    row. A frame with a `support` kind is an act noun carried by a support verb: rows
    flagged `verbal_only` do not code it; without one it is a predicate, and rows flagged
    `nominal_only` do not code it, nor rows flagged `without_object` when it has a
    を-object naming a thing, nor rows flagged `active_only` in the passive (声明を発表した:
    the support verb reads 声明; the front end leaves out the causative too). A statement
    noun that happens (「…」との声が相次いだ, 意見もある) takes the code of the words
    quoted before it, given as its object text (`voice_code`); so does a plain statement
    that quotes words (`Frame.quoted`: 「…黙れ」とツイートした)."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or load_lexicon()

    def has(self, trigger: str) -> bool:
        return self.lexicon.has(trigger)

    def support(self, lemma: str) -> str:
        """The support kind of a verb or サ変 noun (light, obtain, receive, happen, voice), or ''."""
        return self.lexicon.support.get(lemma, "")

    def entry(self, frame) -> LexEntry | None:
        entry = self.lexicon.match(frame.lemma, frame.object_text)
        if entry is None:
            return None
        if frame.support:
            if "verbal_only" in entry.flags:
                return None
            if frame.support in ("happen", "voice") and entry.code == "010":
                code = voice_code(frame.object_text)
                if code:
                    return replace(entry, code=code)
            return entry
        if "nominal_only" in entry.flags:
            return None
        if "active_only" in entry.flags and frame.voice == "passive":
            return None  # 海外で認められた: recognised, no admission
        if "without_object" in entry.flags and "を" in frame.particles and not _says_content(frame.object_text):
            return None  # 声明を発表した: the support verb reads 声明 (その要因を分析した: the verb's)
        if frame.quoted and entry.code == "010":  # 「…黙れ」とツイートした: the words decide
            code = voice_code(frame.quoted)
            if code:
                return replace(entry, code=code)
        return entry

    def generic(self, frame) -> LexEntry | None:
        return self.lexicon.match(frame.lemma, " ")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    by_trigger: dict[str, list[LexEntry]] = {}
    for row in _rows("lexicon_ja.tsv"):
        if row and row[0].strip() == "trigger":
            continue  # header
        entry = parse_entry(row)
        by_trigger.setdefault(entry.trigger, []).append(entry)
    entries = {
        t: tuple(sorted(rows, key=lambda e: -e.specificity)) for t, rows in by_trigger.items()
    }
    support: dict[str, str] = {}
    for row in _rows("support_verbs.tsv"):
        lemma, kind = row[0].strip(), row[1].strip()
        if lemma == "verb":
            continue
        if kind not in SUPPORT_KINDS:
            raise ValueError(f"support verb {lemma}: unknown kind {kind!r}")
        support[lemma] = kind
    return Lexicon(entries=entries, support=support)
