"""Related-link lists (【関連記事】 and the headlines under it): other stories' headlines
inside an article. The text, not any one stage, decides where they are; the actor stage
(no generic groups named only there) and the event readers (no events from them) both
ask this module.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.tokenizer import doc_text

# The heading of a list of links to other stories (【関連記事】, ■関連情報, 関連リンク：): the
# headlines listed under it report other stories, so no event is read from them.
LINK_HEADING = re.compile(
    r"^\s*(?:[【■□◆◇●○▼▽★☆《［\[＜<]\s*)?(?:関連|あわせて読みたい|合わせて読みたい)"
    r"(?:記事|情報|リンク|ニュース|サイト)?\s*(?:[】］\]》＞>]|[:：]|$)"
)
LIST_MARK = re.compile(r"^\s*[・●○■□◆◇▼▽▲△※\-*•]")
# how a linked headline ends: its site in brackets (（痛いニュース）, (2ちゃんねる), （中央日報）),
# after a dash (… - ソウル新聞), or the place after a long dash (…海外メーカーの製品からも—香港)
LINK_SOURCE = re.compile(r"(?:[（(][^（）()]*\w[^（）()]*[）)]|\s[-‐–—]\s+\S.{0,30}|[—―]\S{1,8})\s*$")
ADDRESS = re.compile(r"^\s*https?://")
# a line citing where the story comes from (参照：…, 引用元：…)
SOURCE_LINE = re.compile(r"^\s*(?:参照元?|引用元?|ソース|元記事)\s*[:：]")


def _cites(texts: list[str]) -> bool:
    """Is a paragraph a list of links with no heading: every sentence a list item or an
    address, and an address among them or an item that ends with its site (・見出し（痛いニュース）)?"""
    if not all(LIST_MARK.match(t) or ADDRESS.match(t) for t in texts):
        return False
    return any(ADDRESS.match(t) or (LIST_MARK.match(t) and _sited(t)) for t in texts)


def _items(texts: list[str]) -> bool:
    """Is a paragraph list items (・…, an address after one), headlines rather than
    sentences: it starts with an item and no sentence of it ends with 。
    (・しょう油の起源は韓国??　日本メーカーびっくり)?"""
    return bool(LIST_MARK.match(texts[0])) and not any(t.rstrip().endswith("。") for t in texts)


def _sited(text: str) -> bool:
    m = LINK_SOURCE.search(text.rstrip())
    return m is not None and len(m.group(0).strip("（）() -‐–—―")) >= 2


def link_lists(doc: Doc) -> set[int]:
    """Ids of the sentences of related-link lists: a link heading (【関連記事】, ■関連情報)
    and the rest of its paragraph, and the paragraphs of list items (・…) after it. A
    paragraph of list items that cites its sites (・見出し（痛いニュース）, an address after
    it) is a list with no heading, and so are the paragraphs of list items after it; inside
    a paragraph, a list item that cites its site and the items after it, and a source line
    (参照：…), are links too."""
    out: set[int] = set()
    by_paragraph: dict[int, list] = {}
    for sent in doc._.sentences or ():
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    heading = False  # the paragraph before was a link heading standing alone
    listing = False  # the paragraph before was a list of links
    full = doc_text(doc)  # Doc.text joins every token: the tokenizer's copy
    for para in sorted(by_paragraph):
        sents = by_paragraph[para]
        texts = [full[s.start : s.end] for s in sents]
        under_heading = heading and all(LIST_MARK.match(t) or ADDRESS.match(t) for t in texts)
        if under_heading or (listing and _items(texts)) or _cites(texts):
            out.update(s.sentence_id for s in sents)
            heading, listing = False, True  # ・見出し（痛いニュース） then ・見出し: the list goes on
            continue
        heading = listing = False
        # inside a paragraph: a source line, and a list item citing its site (…話題になっていた。
        # ・見出し—香港) with the items right after it
        cited = False
        for s, t in zip(sents, texts, strict=True):
            cited = (cited and bool(LIST_MARK.match(t))) or (bool(LIST_MARK.match(t)) and _sited(t))
            if cited or SOURCE_LINE.match(t):
                out.add(s.sentence_id)
        for k, text in enumerate(texts):
            if LINK_HEADING.match(text):
                out.update(s.sentence_id for s in sents[k:])
                heading = k == len(sents) - 1
                listing = not heading and _items(texts[k + 1 :])  # the list may go on
                break
    return out
