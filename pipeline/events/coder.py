"""The event coder: who did what to whom, when, from each sentence.

For every sentence, one pass over its tokens builds chunks and phrases
(`clauses`), then one pass over the phrases keeps a case frame (`roles`) and,
at each predicate, looks the trigger up in the lexicon:

1. a verbal trigger (求める, 訪れる, 解除する, 会談した) with its object
   pattern decides the code; roles come from the frame per the row's frame
   type (act, sym, demand, consider);
2. otherwise a support verb (行う, 示す, 取り付ける, 受ける, 行われる) takes
   the nominal trigger heading its object or subject (制裁の解除を取り付けた,
   難色を示した, 拘束を受けて, 首脳会談が行われた) and gives the roles by its kind
   (light, obtain, receive, happen).

The discourse supplies a dropped subject (the paragraph's last topic actor),
両国 (the two states mentioned last) and, for rows flagged `focus`, an unstated
target (the state the article is mostly about).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.actors.textutil import quote_spans
from pipeline.dates import calendar_mentions, calendar_value, carried_date
from pipeline.events import attributes
from pipeline.events.clauses import (
    NP,
    Chunk,
    Pred,
    build_phrases,
    chunk_tokens,
    is_actor_tail,
)
from pipeline.events.lexicon import LexEntry, Lexicon, load_lexicon, voice_code
from pipeline.events.roles import (
    Frame,
    Role,
    dative,
    formal_head,
    group,
    location,
    partners,
    passive_agent,
    scene,
    subject,
)
from pipeline.events.tokens import Tok, read_tokens
from pipeline.model import Actor, DateMention, EventMention, Mention

GROUP_PAIR_WORDS = (
    "両国",
    "二国",
    "両首脳",
    "両政府",
    "両大統領",
    "両首相",
    "2国",
    "二カ国",
    "2カ国",
    "両国間",
)
_GROUP_PAIR_SET = frozenset(GROUP_PAIR_WORDS)
STATE_TYPES = ("STATE", "GOVERNMENT", "COUNTRY")
FRAME_DATE_FOLLOWERS = ("には", "は", "にも", "、", ",", "から", "以降", "以来")


@dataclass
class _DocState:
    lex: Lexicon
    actors: dict[str, Actor]
    actor_types: dict[str, str]
    focus: str
    published: str
    recent_states: list[str] = field(default_factory=list)  # most recent last
    para: int = -1
    para_topic: list[str] = field(default_factory=list)
    para_date: DateMention | None = None
    last_date: tuple[int, DateMention] | None = None  # (paragraph, date) of the last DATE seen
    text: str = ""
    tokens: list[Tok] = field(default_factory=list)  # the whole document's
    clause_start: int = 0
    # who spoke last where reactions are reported (ネット掲示板では…), for a voice in a
    # later sentence that names no speaker (一方で、…を擁護する意見も見られた)
    last_speakers: tuple[int, list[str]] | None = None  # (paragraph, actor ids)
    # a relative clause on a voice noun (…を擁護する意見) waits for the speaker that the
    # voice's own predicate names (意見も見られた): head chunk start -> its hits
    pending_voices: dict[int, list] = field(default_factory=dict)


def code_events(doc: Doc, embedded: bool = False) -> list[EventMention]:
    """EventMentions for every coded clause of the document.

    `embedded=True` also emits the acts embedded under demand / consider verbs
    (政治犯の釈放を求める -> 0841 with modality "demanded").
    """
    lex = load_lexicon()
    mentions: list[Mention] = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end))
    if doc._.actors is None:
        doc._.actors = {}
    actors: dict[str, Actor] = doc._.actors
    dates: list[DateMention] = calendar_mentions(doc._.dates)
    doc_tokens, text = read_tokens(doc)
    actor_types = {
        m.actor_id: (actors[m.actor_id].type if m.actor_id in actors else m.label) for m in mentions
    }
    state = _DocState(
        lex=lex,
        actors=actors,
        actor_types=actor_types,
        focus=_focus_state(mentions, actors),
        published=doc._.published or "",
        text=text,
        tokens=doc_tokens,
    )
    events: list[EventMention] = []
    m_i = d_i = 0
    for sent in sorted(doc._.sentences or [], key=lambda s: s.start):
        if sent.paragraph != state.para:
            state.para, state.para_topic = sent.paragraph, []
            state.para_date = carried_date(state.last_date, sent.paragraph)  # see _event_date
        s_mentions = []
        while m_i < len(mentions) and mentions[m_i].start < sent.end:
            if mentions[m_i].end > sent.start:
                s_mentions.append(mentions[m_i])
            m_i += 1
        s_dates = []
        while d_i < len(dates) and dates[d_i].start < sent.end:
            if dates[d_i].end > sent.start:
                s_dates.append(dates[d_i])
            d_i += 1
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        tokens = doc_tokens[span.start : span.end] if span is not None else []
        events.extend(_code_sentence(tokens, sent, s_mentions, s_dates, state, embedded))
        if s_dates and sent.kind != "heading":  # a dateline is the publication date, not discourse
            state.para_date = s_dates[-1]
            state.last_date = (sent.paragraph, s_dates[-1])
        for m in s_mentions:
            sid = _state_of(m.actor_id, actors)
            if sid:
                if sid in state.recent_states:
                    state.recent_states.remove(sid)
                state.recent_states.append(sid)
    events = [e for e in events if _can_act(e, actors)]
    return _story_targets(events, _protagonist(mentions, actors), actors)


# --------------------------------------------------------------------------- actors


def _state_of(actor_id: str, actors: dict[str, Actor]) -> str:
    """The state an actor stands for (BLR_GOV -> BLR); "" for non-state actors."""
    actor = actors.get(actor_id)
    if actor is None:
        return actor_id if len(actor_id) == 3 and actor_id.isupper() else ""
    if actor.type in STATE_TYPES:
        if actor.type == "STATE" or not actor.country:
            return actor_id
        return actor.country if actor.country in actors else actor_id
    if actor.type == "PERSON" and actor.country:
        return actor.country
    return ""


def _same_state(a: str, b: str, state: _DocState) -> bool:
    """Both ids stand for the same state (BLR and BLR_GOV)."""
    if not a or not b:
        return False
    ta, tb = state.actors.get(a), state.actors.get(b)
    if ta is None or tb is None or ta.type not in STATE_TYPES or tb.type not in STATE_TYPES:
        return False
    return (ta.country or a) == (tb.country or b)


def _focus_state(mentions: list[Mention], actors: dict[str, Actor]) -> str:
    """The state the article talks about most (ties: first mentioned)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        actor = actors.get(m.actor_id)
        kind = actor.type if actor is not None else m.label
        if kind not in STATE_TYPES:
            continue
        sid = _state_of(m.actor_id, actors) or m.actor_id
        counts[sid] += 1
        first.setdefault(sid, m.start)
    if not counts:
        return ""
    return max(counts, key=lambda s: (counts[s], -first[s]))


def _token_actors(
    tokens: list[Tok], mentions: list[Mention], state: _DocState
) -> dict[int, list[str]]:
    """Token index -> actor ids: the actor mentions (日米 included), then 両国.

    Mentions are sorted by start: when the next one starts after the token,
    no mention covers it and the window need not be scanned."""
    out: dict[int, list[str]] = {}
    doc_tokens = state.tokens
    n_mentions = len(mentions)
    j = 0
    for t in tokens:
        t_start, t_end = t.idx, t.end
        while j < n_mentions and mentions[j].end <= t_start:
            j += 1
        if j < n_mentions and mentions[j].start < t_end:
            ids = [m.actor_id for m in mentions[j : j + 4] if m.start < t_end and m.end > t_start]
            if ids:
                out[t.i] = list(dict.fromkeys(ids))
                continue
        text = t.text
        if text in _GROUP_PAIR_SET or (
            text == "両"
            and t.i + 1 < len(doc_tokens)
            and doc_tokens[t.i + 1].text in ("国", "首脳", "政府")
        ):
            pair = _recent_pair(state, mentions, t_start)
            if pair:
                out[t.i] = pair
    return out


def _recent_pair(state: _DocState, mentions: list[Mention], before: int) -> list[str]:
    recent = list(state.recent_states)
    for m in mentions:
        if m.start < before:
            sid = _state_of(m.actor_id, state.actors)
            if sid:
                if sid in recent:
                    recent.remove(sid)
                recent.append(sid)
    pair = list(dict.fromkeys(reversed(recent)))[:2]
    return sorted(pair) if len(pair) == 2 else []


def _assign_actors(
    chunks: list[Chunk], tok_actors: dict[int, list[str]], actor_types: dict[str, str] | None = None
) -> None:
    """Actors of each chunk, and those heading it (the last one, when only titles
    and suffixes follow it; a person before a state qualifier: バイデン米大統領)."""
    types = actor_types or {}

    for c in chunks:
        ids: list[str] = []
        last_actor_pos = -1
        for pos, t in enumerate(c.content):
            for a in tok_actors.get(t.i, ()):
                if a not in ids:
                    ids.append(a)
                last_actor_pos = pos
        c.actors = ids
        if not ids:
            c.head_actors = []
            continue
        tail = c.content[last_actor_pos + 1 :]
        if is_actor_tail(tail):
            head_ids = list(tok_actors.get(c.content[last_actor_pos].i, []))
            persons = [a for a in ids if types.get(a) == "PERSON"]
            if persons and all(types.get(a) in STATE_TYPES for a in head_ids):
                head_ids = persons[-1:]
            c.head_actors = head_ids
        else:
            c.head_actors = []


# --------------------------------------------------------------------------- triggers


@dataclass
class _Trigger:
    lemma: str
    prefix: str  # compound nouns before the trigger inside its chunk
    tokens: list[Tok]

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        return self.tokens[-1].idx + len(self.tokens[-1].text)

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.tokens)


def _noun_trigger(nouns: list[Tok], lex: Lexicon) -> _Trigger | None:
    """The longest lexicon trigger ending the noun sequence (制裁解除 -> 解除, 首脳会談 -> 会談)."""
    for k in range(min(lex.max_trigger_tokens, len(nouns)), 0, -1):
        toks = nouns[-k:]
        for key in ("".join(t.lemma_ for t in toks), "".join(t.text for t in toks)):
            if lex.has(key):
                prefix = "".join(t.text for t in nouns[:-k])
                return _Trigger(key, prefix, toks)
    return None


def _verb_trigger(pred: Pred, lex: Lexicon) -> tuple[_Trigger | None, str]:
    """(lexicon trigger of the predicate, support kind of its verb or サ変 noun)."""
    nouns = pred.nouns
    verb = pred.verb
    if nouns and (verb is None or verb in pred.chunk.func):
        trig = _noun_trigger(nouns, lex)
        key = "".join(t.lemma_ for t in nouns[-1:])
        return trig, lex.support.get(key, "")
    if verb is None:
        return None, ""
    trig = (
        _Trigger(verb.lemma_, "".join(t.text for t in nouns), [verb])
        if lex.has(verb.lemma_)
        else None
    )
    return trig, lex.support.get(verb.lemma_, "")


NOMINAL_TAGS = ("名詞", "接尾辞", "接頭辞", "形状詞")
# 「遺憾の意を表明」「感謝の念を示す」: the act is named by the modifier of these heads
EXPRESSIVE_HEADS = {
    "意", "念", "意思", "気持ち", "姿勢", "立場", "考え", "声", "談話", "見解", "意見", "書き込み",
    "コメント",
}


def _np_trigger(np: NP | None, lex: Lexicon) -> _Trigger | None:
    if np is None or not np.head.content:
        return None
    nouns = [t for t in np.head.content if t.tag_.startswith(NOMINAL_TAGS)]
    if not nouns or nouns[-1] is not np.head.content[-1]:
        return None
    if np.head.text in EXPRESSIVE_HEADS and np.mods and np.mods[-1].case == "no":
        # 遺憾の意, 非難の声: the modifier names the act (the head may be a trigger too: 声)
        mod = [t for t in np.mods[-1].content if t.tag_.startswith(NOMINAL_TAGS)]
        if mod and mod[-1] is np.mods[-1].content[-1]:
            trig = _noun_trigger(mod, lex)
            if trig is not None:
                return trig
    return _noun_trigger(nouns, lex)


def _mods_text(np: NP | None) -> str:
    return "".join(c.text for c in np.mods) if np is not None else ""


# --------------------------------------------------------------------------- sentence


@dataclass
class _Hit:
    entry: LexEntry
    trig: _Trigger
    sources: Role
    targets: Role
    sides: tuple[list[str], list[str]] = ([], [])  # symmetric acts: the two sides
    location: str = ""
    modality: str = ""
    support: str = ""


def _code_sentence(
    tokens, sent, mentions, dates, state: _DocState, embedded: bool
) -> list[EventMention]:
    if not tokens:
        return []
    lex = state.lex
    chunks = chunk_tokens(tokens)
    _assign_actors(chunks, _token_actors(tokens, mentions, state), state.actor_types)
    items = build_phrases(chunks)
    frame = Frame(quotes=_speech_quotes(sent, mentions, state.text), mentions=mentions)
    out: list[EventMention] = []
    last_subject: list[str] = []
    state.clause_start = sent.start
    for k, item in enumerate(items):
        first = (item.mods[0] if item.mods else item.head) if isinstance(item, NP) else item.chunk
        if first.opens_quote:
            frame.open_quote()
        if isinstance(item, NP):
            frame.add(item)
            continue
        pred = item
        if _quotative(pred):
            continue  # 「…」という声, 「…」といった意見: a quote's label, no clause of its own
        if _asks_for(items, k):  # 撤退するよう求めた: this act is asked for, not done
            wo = frame.last("wo")
            frame.asking((wo.text + "を" if wo is not None else "") + pred.chunk.text)
            continue
        frame.scope = frame.quote_of(pred.chunk.start)
        # a clause on a noun (…を擁護する意見) is no place for the main clause's は-phrases;
        # on a formal noun (寄せられた一方, 発表したことを) it is an adverbial clause, and they are
        frame.in_relative = pred.form == "rel" and not formal_head(pred)
        hits = _code_pred(pred, frame, lex, state, embedded)
        if frame.scope is not None and _is_question(state.text[frame.scope[0] : frame.scope[1]]):
            hits = []  # 「日本人は外国人を殴ってもいいのか?」: a question asserts no act
        voice = pred.head_np.head if pred.form == "rel" and pred.head_np is not None else None
        if hits and voice is not None and voice.text in VOICE_NOUNS and not hits[0].sources:
            state.pending_voices[voice.start] = hits  # …を擁護する意見: spoken by whom, next
            hits = []
        if hits:
            pol = attributes.polarity(pred)
            mod = attributes.modality(items, k, hits[0].trig.start)
            if mod == "asserted" and pred.form == "cont":
                # 会談し、貿易問題を話し合う見通しだ: a chain of clauses shares its ending
                end = next(
                    (
                        j
                        for j in range(k + 1, len(items))
                        if isinstance(items[j], Pred) and items[j].form != "cont"
                    ),
                    None,
                )
                if end is not None and items[end].form in ("rel", "final"):
                    mod = attributes.modality(items, end, items[end].chunk.start)
            for hit in hits:
                if hit.support in ("obtain", "receive") and mod in ("intended", "hypothetical"):
                    continue  # 妥協を引き出すために: the other party has not yielded
                out.extend(_emit(hit, pred, sent, dates, state, pol, hit.modality or mod))
        if (pred.form == "final" or k == len(items) - 1) and pred.verb is not None:
            subj = subject(frame, pred)
            if subj.how == "explicit" and not pred.passive:
                last_subject = subj.actors
        frame.boundary(pred.form)
        if pred.form != "rel":
            state.clause_start = pred.chunk.end
    topic = frame.main_topic
    if topic is not None:
        state.para_topic = list(topic.head_actors)
    elif last_subject:
        state.para_topic = last_subject
    return _reaction_targets(_drop_attributions(_drop_reporting(out), state.actors), state.actors)


def _drop_attributions(events: list[EventMention], actors: dict[str, Actor]) -> list[EventMention]:
    """朝日新聞は、警察が女子高生を捨てたと報じた: a newspaper's report of what someone else
    did is where the news comes from, not an event of the story (CAMEO codes the act)."""
    # someone else's act, or one the paper reports but cannot have done (聯合ニュースは、農民が
    # 来日したと報じた: the parse left the visit to the paper)
    others = [e for e in events if not _is_media(e.source_actor_id, actors) or not _can_act(e, actors)]
    if not others:
        return events
    return [e for e in events if not (_is_media(e.source_actor_id, actors) and e.event_code == "010")]


def _speech_quotes(sent, mentions: list[Mention], text: str) -> list[tuple[int, int]]:
    """The sentence's quotations of speech (offsets); brackets around a name are not one
    (韓国紙「中央日報」, 「デイリー・メール」は報じた)."""
    chunk = text[sent.start : sent.end]
    if "「" not in chunk and "『" not in chunk:
        return []
    names = {(m.start, m.end) for m in mentions}
    out = []
    for a, b in quote_spans(chunk):
        start, end = sent.start + a, sent.start + b
        if (start + 1, end - 1) not in names:
            out.append((start, end))
    return out


def _drop_reporting(events: list[EventMention]) -> list[EventMention]:
    """ロシアは…追放すると発表した: a reporting verb whose content was coded as an act of the
    same speaker adds no event of its own (the statement is the act)."""
    out: list[EventMention] = []
    for e in events:
        if e.event_code == "010" and any(
            x.source_actor_id == e.source_actor_id and x.event_code != "010" and x.start < e.start
            for x in out
        ):
            continue
        out.append(e)
    return out


# roots of reactions to what someone did: praise/welcome (05), criticism and
# complaint (11), rejection (12)
REACTION_ROOTS = ("05", "11", "12")


# Sectors whose members act only in words (QuadClass 1 and 3) or by protest (root 14):
# a newspaper reports an attack, it does not carry it out (朝日新聞は…捨てたと報じた).
VERBAL_SECTORS = ("MED",)
# what a news outlet does in its pages: it states, appeals, praises, demands, criticises,
# rejects, threatens; a visit or a demonstration in its report is someone else's
# (聯合ニュースは、農民が来日しデモを行ったと報じた)
MEDIA_ROOTS = ("01", "02", "05", "10", "11", "12", "13")
VERBAL_QUADS = (1, 3)


def _is_media(actor_id: str, actors: dict[str, Actor]) -> bool:
    """A newspaper's report is not what a reaction in the same sentence reacts to."""
    actor = actors.get(actor_id)
    return actor is not None and actor.sector == "MED"


def _can_act(e: EventMention, actors: dict[str, Actor]) -> bool:
    """Places do not act; media and internet users act only in words or by protest."""
    actor = actors.get(e.source_actor_id)
    if actor is None:
        return True
    if actor.type == "PLACE":
        return False
    if actor.sector in VERBAL_SECTORS:
        return e.event_code[:2] in MEDIA_ROOTS
    if actor.actor_id.endswith("_NETIZENS"):
        from pipeline.events.cameo import load_cameo

        code = load_cameo().get(e.event_code)
        return code is None or code.quad_class in VERBAL_QUADS or e.event_code[:2] == "14"
    return True


# Generic groups (the public, internet users, media) are whom a story's reactions come
# from, not whom they are about.
_GENERIC_SECTORS = ("CVL", "MED")


def _protagonist(mentions: list[Mention], actors: dict[str, Actor]) -> str:
    """Whom the story is about: the person named most often (twice or more), else the
    organisation or state organ, else the state; generic groups and places never."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        a = actors.get(m.actor_id)
        if a is None or a.type in ("PLACE", "REGION") or a.sector in _GENERIC_SECTORS:
            continue
        counts[a.actor_id] += 1
        first.setdefault(a.actor_id, m.start)
    for kinds, least in ((("PERSON",), 2), (("ORG", "GOVERNMENT", "IGO"), 2), (("STATE",), 1)):
        ranked = [i for i in counts if actors[i].type in kinds and counts[i] >= least]
        if ranked:
            return max(ranked, key=lambda i: (counts[i], -first[i]))
    return ""


def _story_targets(
    events: list[EventMention], protagonist: str, actors: dict[str, Actor]
) -> list[EventMention]:
    """A reaction (praise, criticism, rejection) that names no target and follows no act
    in its sentence reacts to the last act reported in the sentence before by someone else
    (中国の外交官が来日した。…非難の声が相次いだ), else to the story's protagonist (ネット掲示板に批判が殺到
    している: the man the article is about), never to the reactor's own state; a guessed
    target keeps half the confidence."""
    out: list[EventMention] = []
    for e in events:
        if not e.target_actor_id and not e.symmetric and e.event_code[:2] in REACTION_ROOTS:
            own = actors[e.source_actor_id].country if e.source_actor_id in actors else ""
            acts = [
                x.source_actor_id
                for x in out
                if x.sentence_id < e.sentence_id
                and x.event_code[:2] not in REACTION_ROOTS
                and x.source_actor_id not in (e.source_actor_id, own)
                and not _is_media(x.source_actor_id, actors)
            ]
            guess = acts[-1] if acts else protagonist
            if guess and guess not in (e.source_actor_id, own):
                e = dataclasses.replace(
                    e, target_actor_id=guess, confidence=round(e.confidence * 0.5, 2)
                )
        out.append(e)
    return out


def _reaction_targets(
    events: list[EventMention], actors: dict[str, Actor] | None = None
) -> list[EventMention]:
    """A reaction with no target of its own reacts to the act coded before it in the same
    sentence, by someone else: 北朝鮮がミサイルを発射したことを非難した, 中国軍が演習を実施した
    ことについて非難した, 中国が提案したが、日本は拒否した -> the act's source is the target."""
    out: list[EventMention] = []
    for e in events:
        if not e.target_actor_id and not e.symmetric and e.event_code[:2] in REACTION_ROOTS:
            acts = [x for x in out if x.start < e.start and x.source_actor_id != e.source_actor_id
                    and x.event_code[:2] not in REACTION_ROOTS
                    and not _is_media(x.source_actor_id, actors or {})]
            if acts:
                e = dataclasses.replace(e, target_actor_id=acts[-1].source_actor_id)
        out.append(e)
    return out


def _is_question(quoted: str) -> bool:
    """The quoted words ask (？ / ? / a final か or の)."""
    inner = quoted.strip("「」『』 ")
    return "?" in inner or "？" in inner or inner.endswith(("か", "のか", "かよ"))


def _quotative(pred: Pred) -> bool:
    """という / といった / との before a noun: it labels the words quoted before it."""
    verb = pred.verb
    return (
        pred.form == "rel"
        and verb is not None
        and verb.lemma_ == "言う"
        and pred.chunk.text in ("いう", "いっ", "言う", "言っ")
    )


_YOU = ("よう", "ように")


def _asks_for(items: list, k: int) -> bool:
    """Is the predicate at k the act a following verb asks for (撤退するよう求めた,
    攻撃を控えるよう要請した, 撤退するように呼び掛けた)?"""
    if k + 1 >= len(items):
        return False
    nxt = items[k + 1]
    if isinstance(nxt, NP):
        return nxt.text in _YOU and k + 2 < len(items) and isinstance(items[k + 2], Pred)
    return nxt.chunk.text.startswith(_YOU) and len(nxt.chunk.text) > 2


def _discourse_subject(role: Role, state: _DocState, pred: Pred) -> Role:
    if role or role.how == "unknown":
        return role
    if pred.form == "rel" and role.how != "official":
        return role
    if state.para_topic:
        return Role(list(state.para_topic), "discourse" if role.how != "official" else "official")
    return role


def _code_pred(
    pred: Pred, frame: Frame, lex: Lexicon, state: _DocState, embedded: bool
) -> list[_Hit]:
    trig, support = _verb_trigger(pred, lex)
    obj = frame.last("wo") or frame.shared_wo
    hits: list[_Hit] = []
    if trig is not None:
        # the pattern reads the object, and a complement in に that names no actor (停戦に合意)
        complement = frame.last("ni", "ni_taishi")
        comp_text = complement.text if complement is not None and not complement.head_actors else ""
        asked = frame.asked if obj is None else ""  # 撤退するよう求めた: 撤退する is the object
        entry = lex.match(
            trig.lemma, trig.prefix + (obj.text if obj is not None else asked) + comp_text
        )
        if "without_object" in getattr(entry, "flags", ()) and obj is not None and not _clausal(obj):
            entry = None  # 声明を発表した: the support verb reads the object noun
        if entry is not None and "nominal_only" not in entry.flags:
            hit = _verbal(entry, trig, pred, frame, obj, state)
            if hit is not None:
                hits.append(hit)
                if embedded and entry.frame in ("demand", "consider"):
                    inner = _embedded(entry, hit, obj, lex)
                    if inner is not None:
                        hits.append(inner)
                return hits
    if support:
        hit = _nominal(support, pred, frame, obj, lex, state)
        if hit is not None:
            hits.append(hit)
    return hits


def _subject_role(pred: Pred, frame: Frame, state: _DocState) -> Role:
    return _discourse_subject(subject(frame, pred), state, pred)


def _verbal(
    entry: LexEntry, trig: _Trigger, pred: Pred, frame: Frame, obj: NP | None, state: _DocState
) -> _Hit | None:
    subj = _subject_role(pred, frame, state)
    loc = location(frame, state.actor_types)
    compound = [a for a in pred.chunk.actors]
    if entry.frame == "stir":  # 〜で波紋を呼んでいる: the people there react to the subject
        about = subject(frame, pred)
        if about and all(_is_media(a, state.actors) for a in about.actors):
            about = Role()  # 〜と環球網が伝え、波紋を呼んでいる: the report carried the news
        return _Hit(entry, trig, scene(frame), about, ([], []), loc)
    if entry.frame == "sym":
        together = group(frame)
        side_a = together or list(dict.fromkeys(subj.actors + compound))
        side_b = [a for a in partners(frame) if a not in side_a]
        how = "explicit" if together else (subj.how or "explicit")
        return _Hit(entry, trig, Role(side_a, how), Role(side_b, "explicit"), (side_a, side_b), loc)
    if pred.passive:
        source = passive_agent(frame)
        if not source and obj is not None and obj.mod_actors("np_agent"):
            source = Role(obj.mod_actors("np_agent"), "np")
        target = subject(frame, pred)
        if not target or _patient_unnamed(frame):
            target = Role()  # 夫は…拘束された: the one detained is no actor we know
        if not source and entry.implicit_agent and target:
            source = _implicit_agent(entry.implicit_agent, loc, target, state)
        return _Hit(entry, trig, source, _fill_target(target, entry, source, state), ([], []), loc)
    if entry.frame == "demand":
        target = dative(frame)
        if not target and obj is not None:
            inner = obj.mod_actors("np_loc", "np_target")
            if inner:
                target = Role(inner, "np")
        return _Hit(entry, trig, subj, _fill_target(target, entry, subj, state), ([], []), loc)
    target = Role([entry.fixed_target], "explicit") if entry.fixed_target else dative(frame)
    if pred.causative and not frame.last("ni_taishi", "he", actors=True):
        target = Role()  # 日本に釈放させた: the に-actor is the one made to act, not the target
    if not target and obj is not None:
        if obj.head_actors:
            target = Role(actors_of_np(obj), "explicit")
        else:
            inner = _targeted(obj) or obj.mod_actors("np_partner") or _owner(obj)
            if inner:
                target = Role(inner, "np")
    if not target:
        others = [a for a in compound if a not in subj.actors]
        if others:
            target = Role(others, "np")
    if not target:
        target = Role([a for a in partners(frame) if a not in subj.actors], "explicit")
    if not target and entry.code.startswith("01"):
        target = _interviewer(frame, state)  # 韓国紙「中央日報」でインタビューに答えた
    return _Hit(entry, trig, subj, _fill_target(target, entry, subj, state), ([], []), loc)


def _clausal(np: NP) -> bool:
    """A を-phrase that is a clause made a noun (発射したのを確認した, 〜したことを発表した)."""
    return np.head.text in ("の", "こと", "事")


def _interviewer(frame: Frame, state: _DocState) -> Role:
    """The news outlet a statement was given to: marked で or に (中央日報で…答えた)."""
    for np in reversed(frame.all("de", "ni")):
        outlets = [a for a in np.head_actors if _is_media(a, state.actors)]
        if outlets:
            return Role(outlets, "explicit")
    return Role()


def _targeted(np: NP) -> list[str]:
    """Actors marked as the noun's target (への, に対する, 向け); when that modifier names
    no actor, its own genitive's (勝間氏の意見への反論 -> 勝間)."""
    out: list[str] = []
    for k, c in enumerate(np.mods):
        if c.case != "np_target":
            continue
        found = c.head_actors or c.actors
        if not found and k > 0 and np.mods[k - 1].case == "no":
            found = np.mods[k - 1].head_actors or np.mods[k - 1].actors
        out.extend(a for a in found if a not in out)
    return out


def _owner(np: NP) -> list[str]:
    """Whose the noun is: the actors of its nearest genitive (中国の警察の対応 -> the police),
    else those inside its head (サウジ産原油)."""
    for c in reversed(np.mods):
        if c.case in ("no", "") and (c.head_actors or c.actors):
            return list(c.head_actors or c.actors)
    return np.gen_actors


def actors_of_np(np: NP) -> list[str]:
    return list(np.head_actors)


def _fill_target(target: Role, entry: LexEntry, source: Role, state: _DocState) -> Role:
    if target or "focus" not in entry.flags or not state.focus:
        return target
    src_states = {_state_of(a, state.actors) or a for a in source.actors}
    if state.focus in src_states or state.focus in source.actors:
        return target
    return Role([state.focus], "focus")


def _nominal(
    support: str, pred: Pred, frame: Frame, obj: NP | None, lex: Lexicon, state: _DocState
) -> _Hit | None:
    """An act named by a noun and carried by a support verb."""
    if support in ("happen", "voice") or (pred.passive and support == "light" and obj is None):
        topics = frame.visible_topics
        np = frame.last("ga", "mo") or frame.topic() or (topics[-1] if topics else None)
        trig = _np_trigger(np, lex)
        if trig is None:
            return None
        if support == "voice" and np.head.text not in VOICE_NOUNS:
            return None  # 「…」との声もある is a voice; 疑問がある is no act
        entry = lex.match(trig.lemma, _mods_text(np) + trig.prefix)
        if entry is None or "verbal_only" in entry.flags:
            return None
        loc = location(frame, state.actor_types) or _compound_place(np, state)
        side_a = [a for a in dict.fromkeys(np.head.actors + np.mod_actors("no", "")) if a != loc]
        side_b = [
            a
            for a in dict.fromkeys(np.mod_actors("np_partner") + partners(frame))
            if a not in side_a
        ]
        if entry.frame == "sym":
            return _Hit(entry, trig, Role(side_a, "np"), Role(side_b, "np"), (side_a, side_b), loc)
        src = Role(np.mod_actors("np_agent") or _unquoted_gen_actors(np, frame), "np")
        if not src:  # ネットユーザーからは批判が殺到した, 掲示板では…との声が相次いだ
            src = scene(frame)
        tgt = Role(_targeted(np), "np")
        if not tgt:  # 大統領の正当性に疑問がある (but ネット掲示板に…声が: the speakers' place)
            addressee = dative(frame)
            if not set(addressee.actors) & set(src.actors):
                tgt = addressee
        pending = state.pending_voices.pop(np.head.start, None)
        if pending:  # …を擁護する意見も見られた: the clause on the voice names the act
            entry, trig, tgt = pending[0].entry, pending[0].trig, pending[0].targets or tgt
        elif trig.lemma in VOICE_NOUNS and entry.code == "010":
            # 「…無能」「…恥ずかしい」などの声: the quoted words say what the voice does
            code = voice_code(_quoted_before(frame, trig.start, state.text))
            if code:
                entry = dataclasses.replace(entry, code=code)
        voice_from, frame.voice_from = frame.voice_from, trig.end
        if entry.code[:2] in REACTION_ROOTS or trig.lemma in VOICE_NOUNS:
            if src:
                state.last_speakers = (state.para, src.actors)
            elif state.last_speakers is not None and state.para - state.last_speakers[0] <= 1:
                src = Role(state.last_speakers[1], "discourse")
            if not tgt:  # 「日本は昔、同じことをやった」などの意見: about whom the words speak
                tgt = _quoted_party(frame, voice_from, trig.start, src.actors, state)
        return _Hit(entry, trig, src, tgt, ([], []), loc)
    trig = _np_trigger(obj, lex)
    if trig is None or obj is None:
        return None
    entry = lex.match(trig.lemma, _mods_text(obj) + trig.prefix)
    if entry is None or "verbal_only" in entry.flags or entry.frame in ("demand", "consider"):
        return None
    subj = _subject_role(pred, frame, state)
    loc = location(frame, state.actor_types)
    np_agent = obj.mod_actors("np_agent")
    if support in ("obtain", "receive"):
        source = Role(np_agent, "np") if np_agent else passive_agent(frame)
        if not source and obj.gen_actors:
            source = Role(obj.gen_actors, "np")
        return _Hit(entry, trig, source, subj, ([], []), loc, support=support)
    # light: the subject does the act
    if entry.frame == "sym":
        side_a = group(frame) or list(dict.fromkeys(subj.actors + obj.head.actors))
        side_b = [
            a
            for a in dict.fromkeys(partners(frame) + obj.mod_actors("np_partner"))
            if a not in side_a
        ]
        return _Hit(
            entry,
            trig,
            Role(side_a, subj.how or "np"),
            Role(side_b, "explicit"),
            (side_a, side_b),
            loc,
        )
    source = Role(np_agent, "np") if np_agent else subj
    target = dative(frame)
    if not target:
        inner = _targeted(obj) or [a for a in _owner(obj) if a not in source.actors]
        if inner:
            target = Role(inner, "np")
    return _Hit(entry, trig, source, _fill_target(target, entry, source, state), ([], []), loc)


def _patient_unnamed(frame: Frame) -> bool:
    """The passive's nearest subject (が, or は with no が) names no actor: 夫は拘束された
    after チハノフスカヤ氏は is about the husband, not her."""
    ga = frame.last("ga", "mo")
    if ga is not None:
        return not ga.head_actors
    topics = [np for np in frame.visible_topics if np.case == "wa"]
    return bool(topics) and not topics[-1].head_actors and not topics[-1].gen_actors


def _quoted_party(
    frame: Frame, start: int, end: int, speakers: list[str], state: _DocState
) -> Role:
    """The actor the quoted words of a voice name most often (ties: the first), leaving
    out the speakers and their own state; none when the words name no one."""
    own = {state.actors[a].country for a in speakers if a in state.actors} | set(speakers)
    counts: Counter[str] = Counter()
    for m in frame.mentions:
        q = frame.quote_of(m.start)
        if q is None or q[0] < start or q[1] > end or m.actor_id in own:
            continue
        actor = state.actors.get(m.actor_id)
        if actor is not None and actor.type == "PLACE":
            continue
        counts[m.actor_id] += 1
    if not counts:
        return Role()
    best = max(counts.values())
    return Role([next(a for a in counts if counts[a] == best)], "np")


def _quoted_before(frame: Frame, pos: int, text: str) -> str:
    """The words quoted in the sentence since the last voice and before `pos`."""
    return "".join(
        text[a + 1 : b - 1] for a, b in frame.quotes if frame.voice_from <= a and b <= pos
    )


# nouns for what people say, whose modifier often names the act (擁護する意見, 非難の声)
VOICE_NOUNS = frozenset({"声", "意見", "書き込み", "コメント", "反応"})


def _unquoted_gen_actors(np: NP, frame: Frame) -> list[str]:
    """The noun phrase's genitive actors, leaving out quoted words (「韓国が言うなよ」といった
    声: Korea is said, not saying)."""
    out: list[str] = []
    # 勝間氏の意見への反論: a genitive before a への / からの modifier belongs to that one
    last_case = max((i for i, c in enumerate(np.mods) if c.case.startswith("np_")), default=-1)
    for c in np.mods[last_case + 1 :]:
        if c.case in ("no", "") and frame.quote_of(c.start) is None:
            out.extend(a for a in c.head_actors or c.actors if a not in out)
    for a in np.head.actors:
        if a not in np.head.head_actors and a not in out:
            out.append(a)
    return out


def _implicit_agent(sector: str, loc: str, patient: Role, state: _DocState) -> Role:
    """The agent an agentless passive implies (男性が逮捕された: the authorities): that sector of
    the country where it happened, else of the country the story is about."""
    from pipeline.actors.kb import default_kb

    country = ""
    for actor_id in [loc, *patient.actors]:  # where it happened, else whose people
        actor = state.actors.get(actor_id) if actor_id else None
        if actor is not None and actor.country:
            country = actor.country
            break
    country = country or state.focus
    if not country:
        return Role()
    kb = default_kb()
    actor_id = kb.sector_id(country, sector)
    if actor_id not in kb:
        return Role()
    state.actors.setdefault(actor_id, kb.get(actor_id))
    return Role([actor_id], "discourse")


def _compound_place(np: NP, state: _DocState) -> str:
    for a in np.head.actors:
        if state.actor_types.get(a) in ("PLACE", "CITY"):
            return a
    return ""


def _embedded(entry: LexEntry, hit: _Hit, obj: NP | None, lex: Lexicon) -> _Hit | None:
    """The act demanded or considered (政治犯の釈放を求める -> 0841, demanded)."""
    trig = _np_trigger(obj, lex)
    if trig is None or obj is None:
        return None
    inner = lex.match(trig.lemma, _mods_text(obj) + trig.prefix)
    if inner is None or inner.frame in ("demand", "consider"):
        return None
    if entry.frame == "demand":
        source = (
            Role(obj.mod_actors("np_agent"), "np") if obj.mod_actors("np_agent") else hit.targets
        )
        target = Role(obj.gen_actors or _targeted(obj), "np")
        modality = "demanded"
    else:
        source = hit.sources
        target = Role(_targeted(obj) or obj.gen_actors, "np")
        modality = "considered"
    if not source:
        return None
    return _Hit(inner, trig, source, target, ([], []), hit.location, modality)


# --------------------------------------------------------------------------- output


def _event_date(
    trigger_start: int, pred: Pred, dates: list[DateMention], state: _DocState
) -> tuple[str, str]:
    """The DATE governing the clause: the last one in the clause before the trigger;
    else one that frames the sentence (25年12月には…, 2021年、…); else the first
    one of the sentence before the trigger; else the discourse date (the last
    date of the paragraph, or of the two paragraphs before an undated one);
    else the publication date."""
    limit = max(trigger_start, pred.chunk.start)
    before = [d for d in dates if d.start < limit]
    in_clause = [d for d in before if d.start >= state.clause_start]
    if in_clause:
        return calendar_value(in_clause[-1].value), "clause"
    framing = [d for d in before if state.text[d.end : d.end + 3].startswith(FRAME_DATE_FOLLOWERS)]
    if framing:
        return calendar_value(framing[-1].value), "clause"
    if before:
        return calendar_value(before[0].value), "clause"
    if state.para_date is not None:
        return calendar_value(state.para_date.value), "discourse"
    return calendar_value(state.published) or state.published, "publication"


def _emit(
    hit: _Hit, pred: Pred, sent, dates, state: _DocState, polarity: str, modality: str
) -> list[EventMention]:
    date, date_source = _event_date(hit.trig.start, pred, dates, state)
    base = attributes.mention_fields(
        sent, hit.trig.start, hit.trig.end, hit.trig.text, hit.entry.code, date, date_source,
        polarity, modality, hit.location, state.published,
    )
    out: list[EventMention] = []
    if hit.entry.frame == "sym":
        side_a, side_b = hit.sides[0][:4], hit.sides[1][:4]
        if side_b:
            pairs = [(a, b) for a in side_a for b in side_b]
        else:  # 日中が会談した, 両国で締結した: among the subjects
            pairs = [(a, b) for i, a in enumerate(side_a) for b in side_a[i + 1 :]]
        pairs = [(a, b) for a, b in pairs if a != b and not _same_state(a, b, state)]
        if pairs:
            conf = round(min(hit.sources.confidence, 0.9), 2)
            for a, b in dict.fromkeys(tuple(sorted(p)) for p in pairs):
                out.append(
                    EventMention(
                        source_actor_id=a,
                        target_actor_id=b,
                        confidence=conf,
                        symmetric=True,
                        **base,
                    )
                )
            return out
    sources = hit.sources.actors[:3]
    targets = hit.targets.actors[:3] or [""]
    if not sources or (targets == [""] and "needs_target" in hit.entry.flags):
        return out
    conf = hit.sources.confidence * (hit.targets.confidence if hit.targets else 0.9)
    for s in sources:
        for t in targets:
            if s == t or _same_state(s, t, state):
                continue  # ベラルーシ … ベラルーシ政府: not an event between two parties
            out.append(
                EventMention(
                    source_actor_id=s, target_actor_id=t, confidence=round(conf, 2), **base
                )
            )
    return out
