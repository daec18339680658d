"""spaCy component "dekigoto_parser": the dependency parser, run on chosen sentences.

Parsing every sentence would cost several times the rest of the pipeline
(docs/parser.md), and the event coder needs a parse only where an event can be
coded. So the component parses the sentences it is asked for, each as a Doc of
its own made of the article's tokens, in the article's vocab (the article's Doc
is not changed), many
sentences of many articles in one model call, and stores them in
`doc._.parses`: a list of `ParsedSentence` in text order.

Which sentences (`sentences` setting):
- "requested" (default): the character spans in `doc._.parse_request`, set by
  whoever needs them before the component runs (nothing when it is None or empty);
- "candidates": the text layer's sentences with a trigger of the event lexicon and
  mentions of `min_actors` distinct actors (`pipeline.parser.select`); the
  component then runs after "dekigoto_actors" (and "dekigoto_ner");
- "all": every sentence of the text layer (`doc._.sentences`).

`parse_spans(doc, spans)` parses spans of one Doc on demand, `parse_many`
several Docs' spans in one model call: what a coder that picks its own
sentences calls; `parse_units` parses lists of tokens that need not be
contiguous (a sentence with the words of its quotations left out, each
quotation on its own). `ParsedSentence.predicates()` gives the predicate-argument
structures (`pipeline.parser.frames`) with token indices and character
offsets of the article's Doc.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IDX, LEMMA, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.blas import one_thread, use_numpy_blas
from pipeline.embedding_cache import cache_embeddings
from pipeline.parser import MODEL_DIR
from pipeline.parser.frames import Predicate, Tree, predicates

PARSES = "parses"
REQUEST = "parse_request"
MODES = ("requested", "candidates", "all")
BATCH_SIZE = 256  # sentences per model call


def register_parser_extensions() -> None:
    for name in (PARSES, REQUEST):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Language:
    """The packaged (or given) parser pipeline, loaded once per process."""
    import pipeline.ner.features  # noqa: F401  (registers the embedding layer the config names)
    import pipeline.tokenizer  # noqa: F401  (registers the tokenizer the config names)

    nlp = spacy.load(Path(path) if path else MODEL_DIR)
    model = nlp.get_pipe("parser").model
    use_numpy_blas(model)  # about a fifth faster (pipeline.blas)
    cache_embeddings(model)  # a quarter faster (pipeline.embedding_cache)
    return nlp


@dataclass(frozen=True)
class ParsedSentence:
    """One parsed sentence of an article (or a unit of it: its tokens need not be
    contiguous, `tokens` then says which article token each of `doc`'s is)."""

    start: int  # character offsets of the sentence in the article Doc's text
    end: int
    token_start: int  # index in the article Doc of the sentence's first token
    doc: Doc  # the sentence's tokens as a Doc of their own, with heads and dependency labels
    tokens: tuple[int, ...] | None = None  # article token index of each token of `doc`
    offsets: tuple[int, ...] | None = None  # article character offset of each token of `doc`

    def predicates(self) -> list[Predicate]:
        """The sentence's predicates, with the article Doc's token indices and offsets."""
        if self.tokens is None:
            return predicates(self.doc, token_offset=self.token_start, char_offset=self.start, tree=self.tree)
        return [_remap(p, self) for p in predicates(self.doc, tree=self.tree)]

    @cached_property
    def tree(self) -> Tree:
        """`doc`'s tree read into index lists (`parser.frames.Tree`), once."""
        return Tree(self.doc)

    def article_index(self, k: int) -> int:
        """The article token index of token k of `doc`."""
        return self.tokens[k] if self.tokens is not None else k + self.token_start

    def article_offset(self, c: int) -> int:
        """The article character offset of character offset c of `doc`'s text."""
        if self.offsets is None:
            return c + self.start
        k = max(bisect.bisect_right(self._doc_offsets, c) - 1, 0)
        return self.offsets[k] + c - self._doc_offsets[k]

    @cached_property
    def _doc_offsets(self) -> list[int]:
        return self.doc.to_array(IDX).tolist()

    def head(self, i: int) -> int:
        """The article token index of the head of article token i (in this sentence)."""
        return self.article_index(self.doc[self._local(i)].head.i)

    def dep(self, i: int) -> str:
        return self.doc[self._local(i)].dep_

    def _local(self, i: int) -> int:
        return i - self.token_start if self.tokens is None else self.tokens.index(i)


def _remap(p: Predicate, ps: ParsedSentence) -> Predicate:
    """A predicate read off a unit's Doc, in article token indices and offsets."""
    from dataclasses import replace

    idx, char = ps.article_index, ps.article_offset
    args = tuple(replace(a, i=idx(a.i), start=char(a.start), end=char(a.end - 1) + 1) for a in p.arguments)
    gov = replace(p.governor, i=idx(p.governor.i)) if p.governor is not None else None
    return replace(p, i=idx(p.i), start=char(p.start), end=char(p.end - 1) + 1, arguments=args, governor=gov)


def token_range(doc: Doc, start: int, end: int, starts=None) -> tuple[int, int]:
    """The tokens of `doc` that lie in [start, end) (character offsets), as (first, last + 1);
    surrounding whitespace tokens left out."""
    starts = starts if starts is not None else doc.to_array(IDX).tolist()
    a = bisect.bisect_left(starts, start)
    b = bisect.bisect_left(starts, end)
    while a < b and doc[a].is_space:
        a += 1
    while b > a and doc[b - 1].is_space:
        b -= 1
    return a, b


# what a sentence's Doc copies of the article's tokens (with ORTH and SPACY for the words)
_COPIED = [POS, LEMMA, TAG]


def sentence_doc(doc: Doc, a: int, b: int, arrays: numpy.ndarray | None = None, tokens: list[int] | None = None) -> Doc:
    """Tokens a..b of `doc` (or the article tokens listed in `tokens`) as a Doc of their
    own, in the same vocab, with the tokenizer's annotation (tag, part of speech, lemma,
    and the UniDic entries the parser's features read), made from the article's arrays
    (`arrays`: `doc.to_array([ORTH, SPACY, *_COPIED])`, computed once per article by the
    caller) without a Token object per word."""
    from pipeline.tokenizer import USER_DATA_KEY, unidic_entries

    if arrays is None:
        arrays = doc.to_array([ORTH, SPACY, *_COPIED])
    part = arrays[a:b] if tokens is None else arrays[tokens]
    spaces = part[:, 1].astype(bool).tolist()
    spaces[-1] = False
    out = Doc(doc.vocab, words=part[:, 0].tolist(), spaces=spaces)
    out.from_array(_COPIED, numpy.ascontiguousarray(part[:, 2:]))
    entries = unidic_entries(doc)
    if entries is not None and len(entries) == len(doc):
        out.user_data[USER_DATA_KEY] = entries[a:b] if tokens is None else [entries[k] for k in tokens]
    return out


def _add_labels(vocab, parser) -> None:
    """The parser writes its labels as string ids: the Docs' vocab must know them."""
    for name in parser.move_names:
        vocab.strings.add(name.split("-", 1)[-1])


def parse_many(jobs: list[tuple[Doc, list[tuple[int, int]]]], model: str | None = None) -> list[list[ParsedSentence]]:
    """Parse character spans of several Docs in one go: for each (doc, spans), the
    spans' ParsedSentences in the order given (empty spans left out)."""
    parser = load_model(model).get_pipe("parser")
    for vocab in {id(doc.vocab): doc.vocab for doc, _ in jobs}.values():
        _add_labels(vocab, parser)
    pieces: list[tuple[int, int, int, Doc]] = []  # (job, start, end, token_start) per sentence
    scratch: list[Doc] = []
    for k, (doc, spans) in enumerate(jobs):
        if not (spans and len(doc)):
            continue
        starts = doc.to_array(IDX).tolist()
        arrays = doc.to_array([ORTH, SPACY, *_COPIED])
        for start, end in spans:
            a, b = token_range(doc, start, end, starts)
            if a >= b:
                continue
            scratch.append(sentence_doc(doc, a, b, arrays))
            pieces.append((k, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), a))
    out: list[list[ParsedSentence]] = [[] for _ in jobs]
    for (k, start, end, a), sent in zip(pieces, _parse(parser, scratch), strict=True):
        out[k].append(ParsedSentence(start, end, a, sent))
    return out


def _parse(parser, docs: list[Doc]) -> list[Doc]:
    """The parser on `docs`, its matrix products on one thread (pipeline.blas)."""
    if not docs:
        return []
    with one_thread():
        return list(parser.pipe(docs, batch_size=BATCH_SIZE))


def parse_units(jobs: list[tuple[Doc, list[list[int]]]], model: str | None = None) -> list[list[ParsedSentence]]:
    """Parse lists of article tokens of several Docs in one go (a unit's tokens in text
    order, not necessarily contiguous): for each (doc, units), ParsedSentences with their
    `tokens` and `offsets` maps, in the order given (empty units left out)."""
    parser = load_model(model).get_pipe("parser")
    for vocab in {id(doc.vocab): doc.vocab for doc, _ in jobs}.values():
        _add_labels(vocab, parser)
    pieces: list[tuple[int, list[int], list[int]]] = []  # (job, tokens, offsets) per unit
    scratch: list[Doc] = []
    for k, (doc, units) in enumerate(jobs):
        units = [u for u in units if u]
        if not (units and len(doc)):
            continue
        starts = doc.to_array(IDX).tolist()
        arrays = doc.to_array([ORTH, SPACY, *_COPIED])
        for unit in units:
            scratch.append(sentence_doc(doc, 0, 0, arrays, tokens=unit))
            pieces.append((k, unit, [starts[i] for i in unit]))
    out: list[list[ParsedSentence]] = [[] for _ in jobs]
    for (k, unit, offsets), sent in zip(pieces, _parse(parser, scratch), strict=True):
        doc = jobs[k][0]
        end = offsets[-1] + len(doc[unit[-1]].text)
        if unit[-1] - unit[0] == len(unit) - 1:
            out[k].append(ParsedSentence(offsets[0], end, unit[0], sent))  # contiguous: no maps
        else:
            out[k].append(ParsedSentence(offsets[0], end, unit[0], sent, tuple(unit), tuple(offsets)))
    return out


def parse_spans(doc: Doc, spans: list[tuple[int, int]], model: str | None = None) -> list[ParsedSentence]:
    """Parse character spans (sentences) of one Doc."""
    return parse_many([(doc, spans)], model)[0]


class ParserComponent:
    """Parses the chosen sentences of each Doc into `doc._.parses` (see the module docstring)."""

    def __init__(self, enabled: bool = True, model: str | None = None, sentences: str = "requested", min_actors: int = 2):
        if sentences not in MODES:
            raise ValueError(f"dekigoto_parser: sentences must be one of {MODES}, not {sentences!r}")
        register_parser_extensions()
        self.enabled = enabled
        self.model = str(model) if model else None
        self.sentences = sentences
        self.min_actors = min_actors
        if enabled:
            load_model(self.model)  # fail at pipeline build time, not on the first article

    def spans(self, doc: Doc) -> list[tuple[int, int]]:
        """The character spans of `doc` this component parses."""
        if self.sentences == "requested":
            return sorted(set(doc._.get(REQUEST) or ()))
        sentences = doc._.sentences if Doc.has_extension("sentences") else None
        if sentences is None:
            sentences_spans = [(0, len(doc.text))]
        else:
            sentences_spans = [(s.start, s.end) for s in sentences]
        if self.sentences == "all":
            return sentences_spans
        from pipeline.parser.select import candidate_sentences

        return candidate_sentences(doc, sentences_spans, self.min_actors)

    def __call__(self, doc: Doc) -> Doc:
        return self.pipe([doc])[0]

    def pipe(self, docs, batch_size: int = 64) -> list[Doc]:
        """Parse the chosen sentences of several Docs in one model call per `batch_size` Docs."""
        docs = list(docs)
        for i in range(0, len(docs), batch_size):
            batch = docs[i : i + batch_size]
            if not self.enabled:
                for doc in batch:
                    doc._.set(PARSES, [])
                continue
            found = parse_many([(doc, self.spans(doc)) for doc in batch], self.model)
            for doc, parses in zip(batch, found, strict=True):
                doc._.set(PARSES, parses)
        return docs


@Language.factory(
    "dekigoto_parser",
    default_config={"enabled": True, "model": None, "sentences": "requested", "min_actors": 2},
)
def make_parser_component(nlp: Language, name: str, enabled: bool, model: str | None, sentences: str, min_actors: int):
    return ParserComponent(enabled=enabled, model=model, sentences=sentences, min_actors=min_actors)
