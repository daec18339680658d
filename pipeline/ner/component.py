"""spaCy component "dekigoto_ner": the trained NER as one more signal for actor linking.

Sets `doc._.ner_spans`: a list of `NerSpan` (start_char, end_char, label, score,
probability) with label in PERSON / ORG / LOC (model labels; see `pipeline.ner.labels`),
found by the packaged ensemble (`pipeline.ner.ensemble`), score the label's precision on
the development data (the beam's span probabilities are not calibrated; the constants
are in `model/scores.json`) and probability the ensemble's for this span (how sure the
model is, relative to its other spans). `doc.ents` is not touched.
With `enabled = False` the model is not loaded and `doc._.ner_spans` is `[]`.
"""

from __future__ import annotations

import bisect
import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy
import spacy
from spacy.attrs import IDX, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.blas import one_thread, use_numpy_blas
from pipeline.ner import MODEL_DIR, ensemble

EXTENSION = "ner_spans"
DEFAULT_CONFIDENCE = 0.5
# tokens of context on each side of an unexplained name (see NerComponent)
CONTEXT_TOKENS = 8
# ... widened to the sentence's start or end when that is at most this many tokens further
EDGE_TOKENS = 4


class NerSpan(NamedTuple):
    """One entity of the model: character offsets into `doc.text`, model label, the
    label's precision on the development data, the ensemble's probability of the span."""

    start: int
    end: int
    label: str
    score: float
    probability: float = 1.0


def register_ner_extension() -> None:
    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, default=None)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> tuple[Language, dict[str, float]]:
    """The packaged (or given) NER pipeline and its per-label confidence, loaded once."""
    import pipeline.tokenizer  # noqa: F401  (registers the tokenizer the model's config names)

    model_dir = Path(path) if path else MODEL_DIR
    nlp = spacy.load(model_dir)
    for name in ensemble.member_names(nlp):
        use_numpy_blas(nlp.get_pipe(name).model)  # about a fifth faster (pipeline.blas)
    scores = model_dir / "scores.json"
    confidence: dict[str, float] = {}
    if scores.exists():
        confidence = json.loads(scores.read_text(encoding="utf-8")).get("confidence", {})
    return nlp, confidence


class NerComponent:
    """Runs the model and, in the full pipeline (after "dekigoto_actors", whose
    knowledge base it is given), adds its entities to the actor mentions.

    The model runs only around the tokens where a proper noun, an unknown word
    or an organisation suffix is left that no KB or rule mention explains (only
    there can it add a mention): on a window of `context` tokens on each side,
    within the sentence. The model's own view of a token reaches 6 tokens each
    side (its CNN) and an entity rarely spans more than a few tokens, so the
    default of 8 gives the mentions running it on every sentence would, at a
    fraction of the cost; `context = 0` runs it on whole sentences. A window
    that stops `EDGE_TOKENS` or fewer tokens short of its sentence's start or end
    runs to it: the words cut off are often a name the model reads only whole.
    """

    def __init__(
        self,
        enabled: bool = True,
        model: str | None = None,
        kb=None,
        context: int = CONTEXT_TOKENS,
        unsure: float = ensemble.UNSURE,
    ):
        register_ner_extension()
        self.enabled = enabled
        self.model = str(model) if model else None
        self.kb = kb
        self.context = context
        self.unsure = unsure
        self.org_suffixes = tuple(kb.lexicon.get("org_suffixes", ())) if kb is not None else ()
        # words that end the name of an organisation or a place (銀行, 大学, 島, 市)
        place_suffixes = tuple(kb.lexicon.get("place_suffixes") or ()) if kb is not None else ()
        self.name_ends = self.org_suffixes + place_suffixes + ORG_HEADS
        # words after a name that say where, not what (沖, 市内, 前, 側)
        self.positions = tuple(kb.lexicon.get("place_positions") or ()) + _POSITIONS if kb is not None else _POSITIONS
        # organs of a state named alone (上院, 最高裁, 空軍): with no state before them the rules
        # name no one, and the model may read them as an organisation
        from pipeline.actors.kb import organ_nouns

        self.organ_words = organ_nouns(kb) if kb is not None else frozenset()
        # is this (word, UniDic tag, unknown flag) a name the model might be needed for?
        self._is_candidate = lru_cache(maxsize=100_000)(self._name_like)
        if enabled:
            load_model(self.model)  # fail at pipeline build time, not on the first article

    def _name_like(self, word: str, tag: str, unknown: bool) -> bool:
        from pipeline.actors.component import name_like_word

        return name_like_word(word, tag, unknown) or bool(
            self.org_suffixes and word.endswith(self.org_suffixes)
        )

    @staticmethod
    def _organisation_heads(view: _TokenView) -> list[int]:
        """Tokens that end the name of an organisation after another noun, in one compound
        (衆議|院, 連邦|航空|局, 統合|参謀|本部: names made of known words, which no
        name-like token brings the model to; not 社会 or 場所 alone)."""
        out = []
        for i in range(1, len(view.words)):
            if (
                view.words[i].endswith(ORG_HEADS)
                and view.tags[i].startswith(_NOUN_TAGS)
                and view.tags[i - 1].startswith((*_NOUN_TAGS, "接頭辞"))
                and not view.spaces[i - 1]
            ):
                out.append(i)
        return out

    def _compound_ends(self, mentions, view: _TokenView) -> list[int]:
        """Where a KB or rule mention that may give way to a longer name
        (`pipeline.actors.longer_names.gives_way`) runs into a compound of nouns that
        ends in an organisation or place word (日本|銀行, 東京都|交通|局, 独島|警備|隊): the
        token ending it. The model runs there too, where it may find the longer name."""
        from pipeline.actors.longer_names import YIELDING_METHODS

        idx = view.idx.tolist()
        out = []
        for m in mentions:
            if m.link_method not in YIELDING_METHODS or m.label not in _NAMED_IN_COMPOUNDS:
                continue
            i = bisect.bisect_left(idx, m.end)
            if i >= len(idx) or idx[i] != m.end:
                continue
            for k in range(i, min(i + _COMPOUND_WORDS, len(idx))):
                tag, word = view.tags[k], view.words[k]
                if not tag.startswith((*_NOUN_TAGS, "形状詞")):
                    break  # 高等 of 東京|高等|裁判所 continues the compound
                if word.endswith(self.name_ends):
                    out.append(k)
                    break
        return out

    def _names_in_compounds(self, mentions, actors, view: _TokenView) -> list[tuple[object, int]]:
        """KB or rule names of states, places and organisations that run into a
        compound of nouns (東京|倶楽部, 日本|おもちゃ|大賞, NHK|紅白|歌合戦, 中国|漁船): each with
        the token after it. The model runs there too: a name it sees as no entity in
        its compound is a word of a longer name of something else (a club, an award,
        a programme), not a mention (`pipeline.actors.component.add_model_mentions`)."""
        from pipeline.actors.longer_names import YIELDING_METHODS

        idx = view.idx.tolist()
        out = []
        for m in mentions:
            if m.link_method not in YIELDING_METHODS or m.label not in _NAMED_IN_COMPOUNDS:
                continue
            actor = actors.get(m.actor_id)
            if actor is None or (actor.sector and not _named_body(actor)):
                continue  # an organ (日本大使館, 検察, 米軍) is an actor whatever follows it
            i = bisect.bisect_left(idx, m.end)
            if i >= len(idx) or idx[i] != m.end or not 0 < i or view.spaces[i - 1]:
                continue
            tag = view.tags[i]
            if not tag.startswith(("名詞", "形状詞")) or tag.startswith(_NOT_IN_NAMES) or "サ変" in tag:
                continue  # 靖国神社|参拝: an act on the name, not a longer one (イングランド|高等|教育…: one)
            if actor.sector and view.words[i][:1].isascii():
                continue  # 日テレ|NEWS24: a channel or service of the body is the body
            if "".join(view.words[i : i + 3]).startswith(self.positions):
                continue  # ソウル|市|内, 日本大使館|前: a position, not a longer name
            out.append((m, i))
        return out

    def _spans_of_many(self, jobs: list[tuple[_TokenView, list[tuple[int, int]]]]) -> list[list[NerSpan]]:
        """Entities of several docs' segments, found in one batch: the model's cost per
        call, not per segment, dominates on the few short windows one article has."""
        if not jobs:
            return []
        nlp, confidence = load_model(self.model)
        # Run on sentence-like segments of the pipeline's own tokens (the model was trained
        # on single sentences, without newlines), each a scratch Doc so that the caller's
        # Doc keeps its own (empty) entity annotation.
        scratch = [
            Doc(nlp.vocab, words=view.words[a:b], spaces=view.spaces[a:b].tolist(), tags=view.tags[a:b])
            for view, segments in jobs
            for a, b in segments
        ]
        with one_thread():
            found = iter(ensemble.entities(nlp, scratch, self.unsure) if scratch else ())
        out = []
        for view, segments in jobs:
            spans = []
            for a, _ in segments:
                offset = int(view.idx[a])
                for start, end, label, probability in next(found):
                    score = float(confidence.get(label, DEFAULT_CONFIDENCE))
                    spans.append(NerSpan(offset + start, offset + end, label, score, round(float(probability), 4)))
            out.append(spans)
        return out

    def __call__(self, doc: Doc) -> Doc:
        return self.pipe([doc])[0]

    def pipe(self, docs, batch_size: int = 64) -> list[Doc]:
        """The component on several docs, the model run once per `batch_size` docs (the
        entities are those of one doc at a time)."""
        docs = list(docs)
        for i in range(0, len(docs), batch_size):
            self._annotate(docs[i : i + batch_size])
        return docs

    def _annotate(self, docs: list[Doc]) -> None:
        jobs, todo = [], []
        for doc in docs:
            doc._.ner_spans = []
            if not (self.enabled and len(doc)):
                continue
            view = _TokenView.of(doc)
            linked = self.kb is not None and doc._.mentions is not None
            if linked:
                compounds = self._names_in_compounds(doc._.mentions, doc._.actors or {}, view)
                extra = [i for _, i in compounds] + _words_before_places(doc._.mentions, view)
                segments = self._unexplained_segments(doc, view, extra, _into_new_names(compounds, doc._.mentions, view))
                checked = _seen(compounds, segments, view)
            else:
                segments, checked = list(_segments(view.words)), []
            jobs.append((view, segments))
            todo.append((doc, linked, checked))
        from pipeline.actors.component import add_model_mentions

        for (doc, linked, checked), spans in zip(todo, self._spans_of_many(jobs), strict=True):
            doc._.ner_spans = spans
            if linked:
                add_model_mentions(doc, self.kb, spans, checked)

    def _unexplained_segments(
        self, doc: Doc, view=None, extra: list[int] = (), forced: set[int] = frozenset()
    ) -> list[tuple[int, int]]:
        """Token ranges around the name-like tokens that no actor mention covers (and
        the `extra` tokens; those of `forced` even where a mention covers them): the whole
        segment (sentence) with `context = 0`, else `context` tokens each side within it,
        overlapping windows merged."""
        view = view or _TokenView.of(doc)
        # a place only the gazetteer knows explains no name: it may begin a longer one
        # (ボストン・ブルドッグス, 一宮市立千秋小学校), which the model is run to find
        generated = self.kb.generated_places if self.kb is not None else ()
        covered = sorted((m.start, m.end) for m in doc._.mentions if m.actor_id not in generated and not _guessed_person(m))
        is_candidate = self._is_candidate
        organs = self.organ_words
        candidates = [
            i
            for i, (w, t, u) in enumerate(zip(view.words, view.tags, view.unknown, strict=True))
            if is_candidate(w, t, u) or w in organs
        ]
        wide = {*candidates, *self._compound_ends(doc._.mentions, view), *self._organisation_heads(view), *_katakana_compounds(view), *extra}
        # katakana words alone get a narrower window (KATAKANA_WORD_CONTEXT)
        candidates = sorted(wide.union(_katakana_words(view)) if KATAKANA_WORD_CONTEXT else wide)
        if not candidates:
            return []
        segments = list(_segments(view.words))
        seg_starts = [a for a, _ in segments]
        out: list[tuple[int, int]] = []
        for i in candidates:
            start = int(view.idx[i])
            if i not in forced and _inside(covered, start, start + len(view.words[i])):
                continue
            a, b = segments[bisect.bisect_right(seg_starts, i) - 1]
            if not a <= i < b:  # a newline token: in no segment
                continue
            if not self.context:
                if not out or out[-1] != (a, b):
                    out.append((a, b))
                continue
            context = self.context if i in wide else min(self.context, KATAKANA_WORD_CONTEXT)
            lo, hi = max(a, i - context), min(b, i + context + 1)
            # a window that would stop a few words short of its sentence's edge runs to it:
            # the words cut off are often a name the model reads only whole (最高|裁 at the start)
            lo = a if lo - a <= EDGE_TOKENS else lo
            hi = b if b - hi <= EDGE_TOKENS else hi
            while out and out[-1][1] >= lo and out[-1][0] >= a:  # merged with the windows it overlaps
                lo, hi = min(out[-1][0], lo), max(out[-1][1], hi)
                out.pop()
            out.append((lo, hi))
        return out


class _TokenView(NamedTuple):
    """A Doc's tokens as plain lists and arrays: the gate reads every token, and spaCy
    builds a Python Token object for each attribute access. Offsets and spacing stay
    numpy arrays (only the tokens the gate or a window needs are read from them)."""

    words: list[str]
    tags: list[str]
    unknown: list[bool]
    spaces: numpy.ndarray
    idx: numpy.ndarray

    @classmethod
    def of(cls, doc: Doc) -> _TokenView:
        from pipeline.tokenizer import is_unknown, token_records

        arr = doc.to_array([IDX, SPACY])
        records = token_records(doc)
        if records is not None and len(records) == len(doc):
            words = [r.word for r in records]
            tags = [r.strings[2] for r in records]
            unknown = [r.entry.is_unknown for r in records]
        else:
            words = [t.text for t in doc]
            tags = [t.tag_ for t in doc]
            unknown = [is_unknown(t) for t in doc]
        return cls(words, tags, unknown, arr[:, 1].astype(bool), arr[:, 0])


# a compound after a mention: at most this many words, nouns and noun suffixes (隊, 局, 市)
_COMPOUND_WORDS = 4
_NOUN_TAGS = ("名詞", "接尾辞-名詞的")
# mentions of what names organisations and places after it (日本銀行, 東京都交通局)
_NAMED_IN_COMPOUNDS = ("STATE", "PLACE", "ORG", "IGO")
# nouns that continue no name after a place or organisation (中国|3|社)
_NOT_IN_NAMES = ("名詞-数詞",)
_POSITIONS = ("前", "後", "側", "内", "外", "上", "下", "中")
# heads of organisation names besides the lexicon's suffixes (警備隊, 交響楽団, 交通局)
ORG_HEADS = (
    *("隊", "団", "局", "部", "院", "軍", "会", "庁", "館", "所", "政府", "組合", "本部", "センター", "クラブ"),
    *("鉄道", "交通", "バス", "艦隊", "師団", "連隊", "軍団", "裁判所"),
)


def _words_before_places(mentions, view: _TokenView) -> list[int]:
    """Words right before a known state or place that may begin a longer name with it: a
    direction (西|日本, 北|アフリカ: a region) or a katakana noun (セレッソ|大阪: a club). The
    model runs around them (`pipeline.actors.longer_names` reads what it finds)."""
    from pipeline.actors.longer_names import DIRECTIONS, YIELDING_METHODS
    from pipeline.actors.textutil import is_katakana

    idx = view.idx.tolist()
    out = []
    for m in mentions:
        if m.link_method not in YIELDING_METHODS or m.label not in ("STATE", "PLACE"):
            continue
        i = bisect.bisect_left(idx, m.start)
        if not (0 < i < len(idx) and idx[i] == m.start) or view.spaces[i - 1] or not view.tags[i - 1].startswith("名詞"):
            continue
        word = view.words[i - 1]
        if word in DIRECTIONS or (len(word) > 1 and all(is_katakana(ch) for ch in word)):
            out.append(i - 1)
    return out


def _into_new_names(compounds, mentions, view: _TokenView) -> set[int]:
    """The tokens of `compounds` ((known name, token after it)) that begin an organisation
    the rules made up from the words after it (日本|コカ・コーラ株式会社): both corpora mark
    a state before a company's name as part of it, which the model may read."""
    starts = {m.start for m in mentions if m.link_method == "new" and m.label == "ORG"}
    return {i for _, i in compounds if int(view.idx[i]) in starts}


def _katakana_compounds(view: _TokenView) -> list[int]:
    """The first token of each run of two or more katakana nouns written together
    (イオン|クレジット|サービス, アイ|エロ: a name UniDic reads as loanwords)."""
    from pipeline.actors.textutil import is_all_katakana

    out, run = [], 0
    for i, (word, tag) in enumerate(zip(view.words, view.tags, strict=True)):
        if tag.startswith("名詞") and is_all_katakana(word) and (run == 0 or not view.spaces[i - 1]):
            run += 1
            if run == 2:
                out.append(i - 1)
        else:
            run = 0
    return out


# a katakana word UniDic reads as a common noun, of KATAKANA_WORD_CHARS characters or more,
# before a particle (ビートルズの, アトラスは): the model runs KATAKANA_WORD_CONTEXT tokens around it
# (0: not at all). Measured with `make eval-ner`: wiki held-out +0.004, GSD test +0.001,
# for about 11% more tokens in the model's windows on real topic news (8 tokens, or any
# katakana word: as much on wiki, less on GSD, for 20-30% more)
KATAKANA_WORD_CONTEXT = 3
KATAKANA_WORD_CHARS = 3
_PARTICLES_AFTER_NAMES = frozenset({"は", "が", "の", "を", "に", "と", "も", "や", "、", "で", "から", "へ"})


def _katakana_words(view: _TokenView) -> list[int]:
    """Katakana common nouns standing alone before a particle (ビートルズの, アトラスは,
    ダウンタウンと: a band, a company, a duo UniDic reads as loanwords)."""
    from pipeline.actors.textutil import is_all_katakana

    out = []
    words, n = view.words, len(view.words)
    for i, (word, tag) in enumerate(zip(words, view.tags, strict=True)):
        if (
            len(word) >= KATAKANA_WORD_CHARS
            and tag.startswith("名詞-普通名詞")
            and i + 1 < n
            and words[i + 1] in _PARTICLES_AFTER_NAMES
            and is_all_katakana(word)
        ):
            out.append(i)
    return out


def _named_body(actor) -> bool:
    """An organisation the knowledge base names that is no organ of a state (NHK, FIFA,
    Google): its name may begin the name of a programme, a cup or a product (NHK|紅白|歌合戦,
    FIFA|ワールドカップ), which the model is run to tell."""
    from pipeline.actors.kb import GOVERNMENT_SECTORS

    return actor.type == "ORG" and actor.in_kb and actor.sector not in GOVERNMENT_SECTORS


def _guessed_person(m) -> bool:
    """A person the rules made up from the words around a name-like token (a new
    actor): where the name begins and ends is a guess (柴俊博 in 矢柴俊博, 永井晴 in
    永井晴二), which the model, run around it, may correct with a longer name."""
    return m.link_method == "new" and m.label == "PERSON"


def _seen(compounds, segments: list[tuple[int, int]], view: _TokenView) -> list:
    """The mentions of `compounds` ((mention, token after it)) that lie, with the token
    after them, in one of the segments the model runs on."""
    idx = view.idx.tolist()
    out = []
    for m, after in compounds:
        first = bisect.bisect_right(idx, m.start) - 1
        if any(a <= first and after < b for a, b in segments):
            out.append(m)
    return out


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) within one of the sorted spans?"""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


@Language.factory(
    "dekigoto_ner",
    default_config={"enabled": True, "model": None, "context": CONTEXT_TOKENS, "unsure": ensemble.UNSURE},
)
def make_ner_component(nlp: Language, name: str, enabled: bool, model: str | None, context: int, unsure: float):
    kb = nlp.get_pipe("dekigoto_actors").kb if "dekigoto_actors" in nlp.pipe_names else None
    return NerComponent(enabled=enabled, model=model, kb=kb, context=context, unsure=unsure)


def _segments(words: list[str]):
    """(start, end) token ranges: split at newlines (dropped) and after 。！？ (kept)."""
    start = 0
    for i, word in enumerate(words):
        if "\n" in word:
            if i > start:
                yield start, i
            start = i + 1
        elif word in ("。", "！", "？", "!", "?"):
            yield start, i + 1
            start = i + 1
    if start < len(words):
        yield start, len(words)
