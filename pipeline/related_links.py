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


def link_lists(doc: Doc) -> set[int]:
    """Ids of the sentences of related-link lists: a link heading (【関連記事】, ■関連情報)
    and the rest of its paragraph; when the heading stands alone, the next paragraph too if
    every sentence of it is a list item (・…)."""
    out: set[int] = set()
    by_paragraph: dict[int, list] = {}
    for sent in doc._.sentences or ():
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    listing = False  # the paragraph before was a heading standing alone
    full = doc_text(doc)  # Doc.text joins every token: the tokenizer's copy
    for para in sorted(by_paragraph):
        sents = by_paragraph[para]
        texts = [full[s.start : s.end] for s in sents]
        if listing and all(LIST_MARK.match(t) for t in texts):
            out.update(s.sentence_id for s in sents)
            listing = False
            continue
        listing = False
        for k, text in enumerate(texts):
            if LINK_HEADING.match(text):
                out.update(s.sentence_id for s in sents[k:])
                listing = k == len(sents) - 1
                break
    return out
