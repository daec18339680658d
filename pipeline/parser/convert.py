"""UD Japanese GSD dependency trees -> spaCy Docs on the pipeline's own tokens.

GSD's words are UniDic short units, like fugashi + unidic-lite's, and 98.8% of
them are one fugashi token each. Where the two tokenisations disagree, the
sentence is cut into *clusters*: the shortest runs of characters at whose ends
both tokenisations have a boundary (訪日 = 訪 + 日 in one, 2人 = 2人 in the other).
Each cluster attaches as a unit, Japanese being head-final:

- its **last fugashi token** takes the attachment of the cluster's gold root (the
  gold word in it whose head lies outside it; the rightmost when several do);
- the cluster's other fugashi tokens attach to that last token, `compound` when
  the gold word under them is a noun, numeral or proper noun, else `fixed`;
- a gold head inside a cluster is read as the cluster's last fugashi token.

A cluster with several words whose heads lie outside it loses all but one of
those attachments (counted as `lost_attachments`); a sentence whose result is
not a tree (a cycle through two clusters) is left out (`dropped_cycle`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from pipeline.text import normalize_text

GSD_FILES = {
    "train": "ja_gsd-ud-train.ne.spacy",
    "dev": "ja_gsd-ud-dev.ne.spacy",
    "test": "ja_gsd-ud-test.ne.spacy",
}
# gold parts of speech whose split pieces are parts of a compound (訪日 -> 訪 + 日)
NOMINAL_POS = ("NOUN", "PROPN", "NUM", "PRON")


@dataclass
class AlignStats:
    """What the alignment did over a set of sentences (gold words and clusters)."""

    counts: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, outcome: str, n: int = 1, example: str = "") -> None:
        self.counts[outcome] += n
        if example and len(self.examples.setdefault(outcome, [])) < 8:
            self.examples[outcome].append(example)

    def summary(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in sorted(self.counts.items()))


def read_gsd(path: str | Path, nlp: Language) -> list[Span]:
    """The sentences of a GSD DocBin (its docs hold about ten sentences each)."""
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [sent for doc in docs for sent in doc.sents]


def gold_words(sent: Span) -> tuple[list[str], list[bool], list[int], list[str], list[str]]:
    """(words normalised as the pipeline's text layer does, spaces, heads as indices in
    the sentence, dependency labels, UD parts of speech) of a GSD sentence."""
    words = [normalize_text(t.text) for t in sent]
    spaces = [bool(t.whitespace_) for t in sent]
    spaces[-1] = False
    heads = [t.head.i - sent.start for t in sent]
    deps = [t.dep_ for t in sent]
    pos = [t.pos_ for t in sent]
    return words, spaces, heads, deps, pos


def _spans(words: list[str], spaces: list[bool]) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for w, s in zip(words, spaces, strict=True):
        out.append((pos, pos + len(w)))
        pos += len(w) + s
    return out


def clusters(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> Iterator[tuple[list[int], list[int]]]:
    """(gold word indices, predicted token indices) of the shortest runs of characters
    at whose ends both tokenisations have a boundary."""
    i = j = 0
    while i < len(gold) and j < len(pred):
        g, p = [i], [j]
        end_g, end_p = gold[i][1], pred[j][1]
        while end_g != end_p:
            if end_g < end_p:
                i += 1
                g.append(i)
                end_g = gold[i][1]
            else:
                j += 1
                p.append(j)
                end_p = pred[j][1]
        yield g, p
        i += 1
        j += 1


def align_sentence(nlp: Language, sent: Span, stats: AlignStats | None = None) -> Doc | None:
    """The sentence tokenised by the pipeline, with GSD's tree carried over (see the
    module docstring); None if the tokens do not cover the text or no tree results."""
    stats = stats if stats is not None else AlignStats()
    words, spaces, heads, deps, pos = gold_words(sent)
    text = "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))
    doc = nlp.make_doc(text)
    if any(t.is_space for t in doc):
        stats.add("dropped_space_token", example=text)
        return None
    gold = _spans(words, spaces)
    pred = [(t.idx, t.idx + len(t.text)) for t in doc]
    groups = list(clusters(gold, pred))
    if sum(len(g) for g, _ in groups) != len(gold) or sum(len(p) for _, p in groups) != len(pred):
        stats.add("dropped_unaligned", example=text)
        return None
    cluster_of = {}
    for k, (g, _) in enumerate(groups):
        for i in g:
            cluster_of[i] = k
    new_heads: list[int] = [0] * len(pred)
    new_deps: list[str] = [""] * len(pred)
    for k, (g, p) in enumerate(groups):
        last = p[-1]
        outside = [i for i in g if heads[i] == i or cluster_of[heads[i]] != k]
        root = outside[-1]
        if len(outside) > 1:
            stats.add("lost_attachments", len(outside) - 1, " ".join(words[i] for i in g))
        if heads[root] == root:
            new_heads[last], new_deps[last] = last, "ROOT"
        else:
            new_heads[last] = groups[cluster_of[heads[root]]][1][-1]
            new_deps[last] = deps[root]
        for j in p[:-1]:
            under = next(i for i in g if gold[i][1] > pred[j][0])  # the gold word the token starts in
            new_heads[j] = last
            new_deps[j] = "compound" if pos[under] in NOMINAL_POS else "fixed"
        kind = "one_to_one" if len(g) == len(p) == 1 else "merged" if len(p) == 1 else "split" if len(g) == 1 else "crossing"
        stats.add(f"{kind}_words", len(g))
        if kind != "one_to_one":
            stats.add(f"{kind}_clusters", example=f"{'|'.join(words[i] for i in g)} -> {'|'.join(doc[j].text for j in p)}")
    if not _is_tree(new_heads):
        stats.add("dropped_cycle", example=text)
        return None
    stats.add("sentences")
    return with_tree(doc, new_heads, new_deps)


def with_tree(doc: Doc, heads: list[int], deps: list[str]) -> Doc:
    """A copy of a tokenised Doc (words, tags, parts of speech, lemmas) with a tree:
    `heads` as token indices (its own index for the root), `deps` the labels."""
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in doc],
        pos=[t.pos_ for t in doc],
        lemmas=[t.lemma_ for t in doc],
        heads=heads,
        deps=deps,
    )


def _is_tree(heads: list[int]) -> bool:
    """One root, and every token reaches it."""
    if sum(1 for i, h in enumerate(heads) if h == i) != 1:
        return False
    for i in range(len(heads)):
        seen = set()
        while heads[i] != i:
            if i in seen:
                return False
            seen.add(i)
            i = heads[i]
    return True


def to_docbin(nlp: Language, sents: Iterable[Span], path: str | Path, stats: AlignStats) -> int:
    """Align sentences and write them as a DocBin; returns the number written."""
    db = DocBin(store_user_data=False)
    n = 0
    for sent in sents:
        doc = align_sentence(nlp, sent, stats)
        if doc is not None:
            db.add(doc)
            n += 1
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n
