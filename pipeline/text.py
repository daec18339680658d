"""The text layer: from an article body to the analysis text and its sentences.

Text extracted from PDFs and web pages breaks paragraphs at page and picture
boundaries and interleaves picture captions and headings with the body. The
NLP stages need whole paragraphs, and every table needs offsets into the body
as stored. So this module

1. splits the body into blocks (runs of non-blank lines),
2. tells headings and captions apart from body text,
3. re-joins body paragraphs that a layout break cut in two,
4. normalises characters (NFKC where safe, odd spaces) one by one, keeping
   for every analysis character the body span it came from,
5. splits paragraphs into sentences, respecting quotes and brackets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pipeline.model import Sentence

SENTENCE_END = "。．！？!?"
CLOSERS = "」』）)】〕〉》”’\"'"
OPENERS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕", "〈": "〉", "《": "》", "“": "”"}
# Lines that start a list item keep a sentence boundary before them.
LIST_ITEM = re.compile(r"^\s*(?:[・●○■□◆◇▼▽▲△※\-*•]|\d{1,2}[.)）]|[(（]\d{1,2}[)）]|[①-⑳])\s*")
# A line citing where a story comes from (参照：…（韓国の記事）, 引用元：…): a sentence of its own.
SOURCE_LINE = re.compile(r"^\s*(?:参照元?|引用元?|ソース|元記事)\s*[:：]")
# Blocks that name a picture or a source are captions wherever they stand.
CAPTION_PREFIX = re.compile(r"^\s*(?:写真|図表?|表|グラフ|出所|出典|資料|提供|撮影|\(写真|（写真|©|Photo|Source)\s*[\d０-９]*\s*[:：）)　 ]")
HEADING_MARK = re.compile(r"^\s*#{1,6}\s")
# Characters NFKC must not touch: they carry meaning for Japanese segmentation.
NFKC_KEEP = set("〜・「」『』、。")
DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
ODD_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\t"}

CAPTION_MAX_CHARS = 90  # a picture caption is one short line
HEADING_MAX_CHARS = 40
PICTURE_BREAK_BLANK_LINES = 2  # this many blank lines stand for a removed picture


@dataclass
class Block:
    """A run of non-blank lines of the body."""

    lines: list[tuple[int, int]]  # (start, end) of each line's content in the body
    blank_before: int
    kind: str = "body"

    def raw(self, body: str) -> str:
        return "".join(body[s:e] for s, e in self.lines)


@dataclass
class Paragraph:
    """Body text (possibly re-joined across breaks), a caption or a heading."""

    kind: str
    segments: list[tuple[int, int]]  # body spans, in reading order
    boundaries: set[int] = field(default_factory=set)  # body offsets that start a list item


@dataclass
class Document:
    """The analysis text of one article and its map back to the body."""

    body: str
    text: str
    sentences: list[Sentence]
    char_start: list[int]  # body offset of each analysis character
    char_end: list[int]  # body end offset (exclusive) of each analysis character
    joins: list[tuple[int, int]]  # body spans removed by layout repair inside paragraphs
    paragraph_kinds: list[str]

    def to_body(self, start: int, end: int) -> tuple[int, int]:
        """Body (start, end) of the analysis span [start, end)."""
        if end <= start:
            pos = self.char_start[start] if start < len(self.char_start) else len(self.body)
            return pos, pos
        return self.char_start[start], self.char_end[end - 1]

    def body_segments(self, start: int, end: int) -> list[tuple[int, int]]:
        """The body spans the analysis span [start, end) was read from.

        Characters join the span being grown while they start at or before its
        end; only a character starting after the one before it ends (a gap in
        the body: a layout break, a dropped character) can open a new span, so
        only those are visited."""
        char_start, char_end = self.char_start, self.char_end
        segments: list[tuple[int, int]] = []
        end = min(end, len(char_start))
        if end <= start:
            return segments
        first = start  # first character of the span being grown
        gaps = self._gaps
        for k in range(bisect.bisect_right(gaps, start), bisect.bisect_left(gaps, end)):
            g = gaps[k]
            seg_end = max(char_end[first:g])
            if char_start[g] > seg_end:
                segments.append((char_start[first], seg_end))
                first = g
        segments.append((char_start[first], max(char_end[first:end])))
        return segments

    @cached_property
    def _gaps(self) -> list[int]:
        """Analysis positions whose character starts after the previous one ends in the body."""
        starts, ends = self.char_start, self.char_end
        return [i for i, s, e in zip(range(1, len(starts)), starts[1:], ends, strict=False) if s > e]

    def body_text(self, start: int, end: int) -> str:
        """The body's own characters for an analysis span, layout breaks left out."""
        return "".join(self.body[s:e] for s, e in self.body_segments(start, end))


# --------------------------------------------------------------------------- blocks


def split_blocks(body: str) -> list[Block]:
    """Runs of non-blank lines, with the number of blank lines before each."""
    blocks: list[Block] = []
    current: list[tuple[int, int]] = []
    blank = 0
    pos = 0
    for line in body.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        start, end = pos, pos + len(content)
        pos += len(line)
        if content.strip(" \t\u3000\u00a0"):
            current.append((start, end))
            continue
        if current:
            blocks.append(Block(current, blank))
            current, blank = [], 0
        blank += 1
    if current:
        blocks.append(Block(current, blank))
    return blocks


def _ends_sentence(text: str) -> bool:
    """Does this text end where a sentence may end?"""
    stripped = text.rstrip(" \t\u3000" + CLOSERS)
    if not stripped:
        return True
    if stripped[-1] in SENTENCE_END or text.rstrip()[-1:] in "」』”":
        return True
    if stripped[-1] == "." and _latin_before(stripped, len(stripped) - 1):
        return True  # English: a full stop after a word ends a sentence
    return _ends_with_predicate(stripped[-30:])


@lru_cache(maxsize=4096)
def _ends_with_predicate(text: str) -> bool:
    """True when the last word is a verb, adjective or auxiliary in its final form
    (である, している, ある): a paragraph may end there without 。. Only the last
    30 characters are read (callers pass just those, so the cache sees repeats)."""
    from pipeline.tokenizer import _tagger

    nodes = [n for n in _tagger()(text[-30:]) if n.surface.strip()]
    if not nodes:
        return True
    last = nodes[-1].feature
    if last.pos1 in ("動詞", "形容詞", "助動詞") and (last.cForm or "").startswith("終止形"):
        return True
    return last.pos1 == "助詞" and last.pos2 == "終助詞"


def _ends_with_item(block: Block, body: str) -> bool:
    """Does the block end with a list item or an address (・見出し（痛いニュース）,
    http://…)? An item is complete without 。: the next block does not continue it."""
    start, end = block.lines[-1]
    last = body[start:end]
    return bool(LIST_ITEM.match(last)) or last.strip().startswith(("http://", "https://"))


def _starts_sentence(text: str) -> bool:
    """A block opening with a conjunction (また, しかし, 一方) starts a new sentence."""
    return _starts_with_conjunction(text.lstrip()[:12])


@lru_cache(maxsize=4096)
def _starts_with_conjunction(head: str) -> bool:
    from pipeline.tokenizer import _tagger

    for node in _tagger()(head):
        return node.feature.pos1 == "接続詞"
    return False


def classify_blocks(blocks: list[Block], body: str) -> None:
    """Mark headings and captions in place; the rest stays body."""
    previous_kind = "heading"  # the top of an article is title/byline territory
    seen_body = False
    for block in blocks:
        raw = block.raw(body).strip()
        n_ends = sum(raw.count(c) for c in "。！？")
        single_line = len(block.lines) == 1
        short = len(raw) <= CAPTION_MAX_CHARS
        if HEADING_MARK.match(raw):
            kind = "heading"
        elif CAPTION_PREFIX.match(raw) and short:
            kind = "caption"
        elif (
            block.blank_before >= PICTURE_BREAK_BLANK_LINES
            and seen_body
            and single_line
            and short
            and n_ends <= 1
            and (n_ends == 0 or raw.endswith("。"))
        ):
            kind = "caption"
        elif previous_kind == "caption" and single_line and len(raw) <= HEADING_MAX_CHARS and n_ends == 0:
            kind = "caption"  # a caption's second line (place, date)
        elif not seen_body and single_line and len(raw) <= HEADING_MAX_CHARS and n_ends == 0:
            kind = "heading"  # title, byline, dateline
        else:
            kind = "body"
        block.kind = kind
        previous_kind = kind
        seen_body = seen_body or kind == "body"


def build_paragraphs(blocks: list[Block], body: str) -> tuple[list[Paragraph], list[tuple[int, int]]]:
    """Join body blocks cut by layout breaks; captions and headings stand alone.

    A body block that does not end where a sentence can end continues in the
    next body block, even across captions and headings placed in between; a list
    item or an address ends a block, and a list item starts one.
    Returns the paragraphs in reading order and the joins made (body spans).
    """
    paragraphs: list[Paragraph] = []
    joins: list[tuple[int, int]] = []
    open_paragraph: Paragraph | None = None
    pending: list[Paragraph] = []  # captions/headings met while a paragraph is open
    for block in blocks:
        segs, boundaries = _block_segments(block, body, joins)
        if block.kind != "body":
            para = Paragraph(block.kind, segs, boundaries)
            if open_paragraph is not None:
                pending.append(para)
            else:
                paragraphs.append(para)
            continue
        if open_paragraph is not None and (_starts_sentence(block.raw(body)) or LIST_ITEM.match(block.raw(body))):
            open_paragraph = None  # the break was a real paragraph end after all
            paragraphs.extend(pending)
            pending = []
        if open_paragraph is not None:
            joins.append((open_paragraph.segments[-1][1], segs[0][0]))
            open_paragraph.segments.extend(segs)
            open_paragraph.boundaries |= boundaries
        else:
            open_paragraph = Paragraph("body", segs, boundaries)
            paragraphs.append(open_paragraph)
        if _ends_sentence(block.raw(body)) or _ends_with_item(block, body):
            open_paragraph = None
            paragraphs.extend(pending)
            pending = []
    paragraphs.extend(pending)
    return paragraphs, joins


def _block_segments(block: Block, body: str, joins: list[tuple[int, int]]):
    """A block's lines as body spans; line breaks inside a block are layout."""
    segs: list[tuple[int, int]] = []
    boundaries: set[int] = set()
    for i, (start, end) in enumerate(block.lines):
        line = body[start:end]
        lead = len(line) - len(line.lstrip(" \t\u3000"))
        trail = len(line) - len(line.rstrip(" \t\u3000"))
        s, e = start + lead, end - trail
        if i and (LIST_ITEM.match(line) or SOURCE_LINE.match(line) or SOURCE_LINE.match(body[segs[-1][0] : segs[-1][1]])):
            boundaries.add(s)  # an item or a source line starts a sentence; a source line ends one
        elif i and segs:
            joins.append((segs[-1][1], s))
        segs.append((s, e))
    return segs, boundaries


# ------------------------------------------------------------------ normalisation


def normalize_char(cluster: str) -> str:
    """NFKC for one character cluster, except where it would hurt.

    Steps: drop zero-width characters; odd spaces become " "; the Japanese
    punctuation in NFKC_KEEP stays as written; everything else goes through
    NFKC (full-width ASCII to half-width, half-width katakana to full-width).
    """
    if cluster in DROP:
        return ""
    if cluster in ODD_SPACES:
        return " "
    if cluster in NFKC_KEEP:
        return cluster
    if cluster == "～":
        return "〜"
    return unicodedata.normalize("NFKC", cluster)


def _clusters(text: str):
    """Characters with their combining marks (and half-width voicing marks)."""
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or text[j] in "\uff9e\uff9f"):
            j += 1
        yield i, text[i:j]
        i = j


VOICING_MARKS = "\uff9e\uff9f"  # half-width (han)dakuten: they join the kana before them


@lru_cache(maxsize=8192)
def _plain(ch: str) -> bool:
    """The character is its own analysis form and never joins a cluster."""
    return not unicodedata.combining(ch) and ch not in VOICING_MARKS and normalize_char(ch) == ch


_KNOWN_PLAIN: dict[int, None] = {}  # a str.translate table deleting characters known to be plain


def _odd_chars(text: str) -> frozenset[str]:
    """The characters of `text` that are not plain (see `_plain`). Those known to
    be plain are first deleted in one str.translate pass, which makes no object
    per character (iterating a str does)."""
    odd = set()
    for c in set(text.translate(_KNOWN_PLAIN)):
        if not _plain(c):
            odd.add(c)
        elif len(_KNOWN_PLAIN) < 100_000:  # bounded; Japanese text uses a few thousand
            _KNOWN_PLAIN[ord(c)] = None
    return frozenset(odd)


@lru_cache(maxsize=1024)
def _any_of(chars: frozenset[str]) -> re.Pattern:
    """A pattern finding any of these characters (a segment's odd ones)."""
    return re.compile("|".join(re.escape(c) for c in sorted(chars)))


def _append_normalized(
    body: str, s: int, e: int, out: list[str], char_start: list[int], char_end: list[int]
) -> None:
    """Append the analysis form of body[s:e], each character with its body span.

    Nearly every character of Japanese text is its own analysis form, so runs
    of such characters are copied whole; the others are normalised one by one.
    A segment with combining marks goes cluster by cluster instead.
    """
    text = body[s:e]
    odd = _odd_chars(text)
    if any(unicodedata.combining(c) or c in VOICING_MARKS for c in odd):
        for offset, cluster in _clusters(text):
            for ch in normalize_char(cluster):
                out.append(ch)
                char_start.append(s + offset)
                char_end.append(s + offset + len(cluster))
        return
    pos = 0  # every cluster is one character here
    for m in _any_of(odd).finditer(text) if odd else ():
        i = m.start()
        _copy_run(text, s, pos, i, out, char_start, char_end)
        for ch in normalize_char(text[i]):
            out.append(ch)
            char_start.append(s + i)
            char_end.append(s + i + 1)
        pos = i + 1
    _copy_run(text, s, pos, len(text), out, char_start, char_end)


def _copy_run(
    text: str, s: int, i: int, j: int, out: list[str], char_start: list[int], char_end: list[int]
) -> None:
    """Characters text[i:j] unchanged, each mapping to its own body character."""
    out.extend(text[i:j])
    char_start.extend(range(s + i, s + j))
    char_end.extend(range(s + i + 1, s + j + 1))


def normalize_text(text: str) -> str:
    """The analysis form of a string (used for lexicon keys and tests)."""
    return "".join(normalize_char(c) for _, c in _clusters(text))


# ---------------------------------------------------------------------- sentences


# The characters split_sentences and _balanced_openers act on.
_BRACKETS = re.compile("[" + re.escape("".join(OPENERS) + "".join(OPENERS.values())) + "]")
_SENTENCE_MARKS = re.compile(
    "[" + re.escape("".join(OPENERS) + "".join(OPENERS.values()) + SENTENCE_END + ".") + "]"
)


def split_sentences(text: str, hard_breaks: set[int]) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph of analysis text.

    A sentence ends at 。！？ (and ". " in Latin text) outside brackets and
    quotes, taking closing brackets that follow; list items start new
    sentences. Unbalanced brackets are ignored rather than swallowing the rest.
    """
    depth_ok = _balanced_openers(text)
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    i = 0
    n = len(text)
    breaks = sorted(hard_breaks)
    b = 0  # the next hard break at or after i
    while i < n:
        # other characters change nothing: go straight to the next mark or hard break
        mark = _SENTENCE_MARKS.search(text, i)
        nxt = mark.start() if mark else n
        while b < len(breaks) and breaks[b] < i:
            b += 1
        if b < len(breaks) and breaks[b] < nxt:
            nxt = breaks[b]
        if nxt >= n:
            break
        i = nxt
        c = text[i]
        if i in hard_breaks and i > start:
            spans.append((start, i))
            start = i
        if c in OPENERS and i in depth_ok:
            stack.append(OPENERS[c])
        elif stack and c == stack[-1]:
            stack.pop()
        elif not stack and (c in SENTENCE_END or (c == "." and _full_stop(text, i))):
            j = i + 1
            while j < n and (text[j] in CLOSERS or text[j] in SENTENCE_END):
                j += 1
            spans.append((start, j))
            start = j
            i = j
            continue
        i += 1
    if start < n:
        spans.append((start, n))
    # strip spaces at both ends, drop empty spans
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# English abbreviations after which a full stop does not end the sentence (Mr. Smith,
# Dec. 5); after an initialism (U.S., U.N.) only a usual sentence opener starts a new one.
_ABBREV_EN = re.compile(
    r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Prof|Jr|Sr|Lt|Col|Capt|No|vs|Jan|Feb|Mar"
    r"|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])$"
)
_INITIALISM_EN = re.compile(r"(?<![A-Za-z])(?:[A-Z]\.)+[A-Z]$")
_OPENERS_EN = re.compile(
    r"(?:The|A|An|In|On|At|But|And|It|He|She|They|We|I|This|That|These|Those|His|Her|Their"
    r"|Its|As|After|Before|When|While|Since|For|Last|Earlier|Later|Meanwhile|However|Both"
    r"|Some|Many|Most|Such|There|According)\b"
)


def _full_stop(text: str, i: int) -> bool:
    """Does the "." at i end an English sentence ("word. Next"), not an abbreviation?"""
    if text[i] != "." or i + 1 >= len(text) or text[i + 1] != " " or not _latin_before(text, i):
        return False
    before = text[max(0, i - 12) : i]
    if _INITIALISM_EN.search(before):
        return bool(_OPENERS_EN.match(text, i + 2))
    return not _ABBREV_EN.search(before)


def _latin_before(text: str, i: int) -> bool:
    return i > 0 and (text[i - 1].isascii() and text[i - 1].isalnum() or text[i - 1] in ")\"'")


def _balanced_openers(text: str) -> set[int]:
    """Positions of opening brackets that are closed later in the paragraph."""
    ok: set[int] = set()
    stacks: dict[str, list[int]] = {}
    for m in _BRACKETS.finditer(text):
        i, c = m.start(), m.group()
        if c in OPENERS:
            stacks.setdefault(OPENERS[c], []).append(i)
        elif c in stacks and stacks[c]:
            ok.add(stacks[c].pop())
    return ok


# -------------------------------------------------------------------------- API


def prepare(body: str) -> Document:
    """The analysis text, sentences and offset map of an article body."""
    blocks = split_blocks(body)
    classify_blocks(blocks, body)
    paragraphs, joins = build_paragraphs(blocks, body)

    out: list[str] = []
    char_start: list[int] = []
    char_end: list[int] = []
    sentences: list[Sentence] = []
    kinds: list[str] = []
    for p_index, para in enumerate(paragraphs):
        if out:
            out.append("\n")
            prev_end = char_end[-1]
            char_start.append(prev_end)
            char_end.append(prev_end)
        para_start = len(out)
        hard: set[int] = set()
        for k, (s, e) in enumerate(para.segments):
            if k and _needs_space(body, para.segments[k - 1][1], s):
                out.append(" ")
                char_start.append(s)
                char_end.append(s)
            if s in para.boundaries:
                hard.add(len(out) - para_start)
            _append_normalized(body, s, e, out, char_start, char_end)
        para_text = "".join(out[para_start:])
        kinds.append(para.kind)
        for s, e in split_sentences(para_text, hard):
            sentences.append(Sentence(len(sentences), para_start + s, para_start + e, para.kind, p_index))
    text = "".join(out)
    doc = Document(body, text, sentences, char_start, char_end, joins, kinds)
    for sent in sentences:
        sent.text = doc.body_text(sent.start, sent.end)
    return doc


def _needs_space(body: str, prev_end: int, next_start: int) -> bool:
    """Latin words broken across lines need a space when re-joined; Japanese does not."""
    a = body[prev_end - 1] if prev_end else ""
    b = body[next_start] if next_start < len(body) else ""
    return bool(a and b and a.isascii() and b.isascii() and a.isalnum() and b.isalnum())
