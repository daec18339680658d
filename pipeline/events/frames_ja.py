"""Japanese front end of the event coder (reader "ja.v2"): dependency parses -> frames.

The dependency parser (`pipeline.parser`) gives each predicate of a parsed sentence
its arguments with their case (`pipeline.parser.frames.predicates`); this module
turns them, with the actor linker's mentions, into the language-neutral `Frame`
records that `frame_coder.code_frames` codes (docs/architecture.md, "Frames"):

- the trigger: a verb (求める, 相次ぐ with its prefix), a サ変 noun with する (批判した;
  the longest lexicon key ending with it: 制裁解除), or a noun ending the sentence
  (体言止め: …と発表。); the lexicon row is chosen on the を-phrase, the compound nouns
  before the trigger, a に-phrase naming no actor (停戦に合意) and the clause asked
  for (撤退するよう求めた);
- support verbs (`support_verbs.tsv`): with no row of its own, a verb carries the act
  named by its を-object (light: 会談を行った; obtain: 解除を取り付けた; receive: 批判を
  受けた) or by its subject (happen: 批判が殺到した, 非難の声が相次いだ; voice: 「…」との声も
  ある); a voice noun (声, 意見) with an act noun before it (非難の声) is that act;
- roles, voice normalised: active が/は-subject -> agent, を -> patient, に / へ ->
  recipient, に対して -> oblique, と -> partner (a と-phrase right before the subject is
  coordinated with it: 米国と日本が), で -> location (a place) or, for joint acts, both
  sides (両国で); passive: subject -> patient, による / に / から -> agent; causative: the
  に-party is made to act, no recipient; inside an act noun: による / からの -> agent,
  への / に対する -> target, との -> partner, の -> owner (a target when nothing else is);
- an unstated subject is the paragraph's topic (the main clause's は-actor of the last
  sentence that had one), except in a relative clause; an official (報道官, 当局) is
  his owner's (中国外務省の報道官) or the topic's;
- reactions spoken by a crowd: the speakers of a voice or of 〜で波紋を呼んでいる are
  marked から, else the place of the words (で / に: 掲示板では), else the topic, else the
  paragraph's last speakers; a relative clause on a voice noun (…を擁護する意見も見られた)
  is the act, spoken by the voice's speakers; the words quoted before a bare voice
  decide its code (`lexicon.voice_code`);
- questions in quotes (「…のか」) assert nothing; polarity from the parse (しなかった);
  modality from the clause the predicate depends on (intention nouns, purpose ため,
  conditionals, 〜とされる / という, a non-past act announced by its actor) or its own
  auxiliaries (たい, だろう, かもしれない); a clause chain shares its ending;
- dates: a date in the predicate's own clause, else one framing the sentence, else the
  sentence's first before the trigger, else the paragraph's (discourse), else publication:
  "present" for a state holding now (〜ている, 接近している), "publication" for a guess; a
  date in quoted words dates only what they say, and the day of a news report dates the act it
  tells as an estimate ("discourse": 聯合ニュースは20日、…と報じた); a relative clause's date
  dates what it describes, not the act (unless an occasion marked で or a framing date); a past
  date of another clause no intended act; a sentence citing the lead's report (同紙によると,
  …という) with no date takes the report's day.

`frames_ja(doc, parses)` reads the frames; `read_events(doc, parses)` codes them and
applies the story-level rules the v1 coder also applies (reporting verbs, attribution,
reaction targets, who can act).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.actors.kb import KnowledgeBase, default_kb
from pipeline.actors.textutil import quote_spans
from pipeline.dates import calendar_mentions, calendar_value, carried_date, is_after
from pipeline.events.attributes import (
    ANNOUNCE_VERBS,
    HYPOTHETICAL_NOUNS,
    INTENT_NOUNS,
    REPORT_VERBS_ACTIVE,
    REPORT_VERBS_PASSIVE,
)
from pipeline.events.clauses import is_actor_tail
from pipeline.events.coder import (
    EXPRESSIVE_HEADS,
    FRAME_DATE_FOLLOWERS,
    GROUP_PAIR_WORDS,
    STATE_TYPES,
    VOICE_NOUNS,
    _is_media,
    _is_question,
    _state_of,
)
from pipeline.events.frame_coder import quad_class
from pipeline.events.lexicon import (
    JapaneseLexicon,
    LexEntry,
    cue_positions,
    demand_of,
    voice_code,
    written_lemma,
)
from pipeline.events.roles import INSTITUTION_SUFFIXES, OFFICIAL_NOUNS, UNRESOLVED_OWNERS
from pipeline.events.tokens import Tok, read_tokens
from pipeline.model import Actor, Arg, DateMention, Frame, Mention, Sentence
from pipeline.parser.component import ParsedSentence
from pipeline.parser.frames import DO, TOPIC_PARTICLES, Argument, Governor, Predicate, case_of

PLACE_TYPES = ("PLACE", "STATE", "REGION", "CITY")
PLACES_ONLY = ("PLACE", "REGION", "CITY")  # places that are no state: they do not act
NOMINAL_TAGS = ("名詞", "接尾辞", "接頭辞", "形状詞")
CLAUSAL_OBJECTS = ("の", "こと", "事")  # 〜したのを / 〜したことを: a clause made a noun
REQUEST_VERBS_FRAMES = ("demand",)
CONDITIONAL_MARKERS = ("ば", "たら", "なら", "ならば", "たらば")
PURPOSE_NOUNS = ("ため", "為")
SPECULATION = ("だろう", "でしょう", "かもしれな", "かも知れな")
MOSHI = ("若し", "もし", "仮に", "万一")
REPORTED_ENDINGS = (
    "という", "といい", "と言う", "といわれ", "と言われ", "とされ", "とみられ", "と見られ", "と伝えられ",
    "と報じられ", "と報道され",
)
MAX_TRIGGER_TOKENS = 3
DOCUMENT_NOUNS = ("記事", "報道", "番組", "紙面", "社説", "コラム", "特集", "論説")  # what a report is read in
NEWS_REPORTS = ("報ずる", "報じる", "伝える", "報道")  # an outlet's report of someone's act is attribution
ANSWER_SENTENCES = 2  # how far back the words an answer answers may be
WORDS_ROOTS = ("01", "10", "11", "12", "13")  # what can be answered: words, not deeds
ASKING_ROOTS = ("02", "10")  # words asking something of someone: …という助言もあった is advice given
MOVEMENT_NOUNS = ("動き",)  # …を呼びかける動きが出始めた: the clause is the act of the people there
QUESTION_NOUNS = ("質問", "問い", "問いかけ", "問い掛け", "疑問")  # 記者からの質問に答えた: the asker is answered
# words on a voice noun saying what the voice does (批判的なコメント, 懐疑的な意見); cue words of
# voice_cues.tsv, which give the code
VOICE_MODIFIERS = ("批判的", "否定的", "懐疑的", "悪意ある", "悪意のある", "肯定的", "好意的", "同情的")
CONTRAST = "一方"  # 支持する意見が多い一方、批判的な意見も: two sides of one question
REACTED_CASES = ("に対して", "について", "への", "に")
REACTED_MARKERS = ("に対し", "について", "への", "に対する")  # the same, as written on a noun the parse hangs elsewhere  # 述べたことに対して批判が相次いだ: the clause reacted to
MANNER_TAGS = ("形状詞-タリ", "副詞")  # 唖然と, ゆっくりと: a word of manner before と, not a quotation
STATING = "述べる"  # the lexicon key of する with a quoted clause (…はないとしている): a statement
QUOTED_VOICE = "声"  # the lexicon key of one quotation of a voice: its words decide the code
# Craft that act for whoever they belong to (中国海軍の艦艇が領海に侵入した: the navy;
# 中国の戦闘機が領空を侵犯した: China): a noun ending so, with no actor of its own
VEHICLES = (
    "艦艇", "艦船", "軍艦", "戦闘機", "爆撃機", "哨戒機", "偵察機", "軍用機", "航空機",
    "潜水艦", "駆逐艦", "巡洋艦", "空母", "巡視船", "監視船", "公船", "漁船", "無人機", "戦車",
)  # fmt: skip
# acts addressed to someone (a complaint, an appeal, a demand): a ところ-clause's act meets
# the subject of the clause after it
ADDRESSED_CODES = ("02", "10", "114")
TOKORO = "ところ"
CLEFT_MARKERS = ("のは", "のが")  # 抗議したのは市民団体だ: the clause hung on its focus
BODY_TYPES = ("ORG", "GOVERNMENT", "IGO")  # what acts in its own premises (同会では, 警察では)
TOURING = ("回る", "巡る", "訪れる", "訪ねる", "訪問", "行脚", "遊説")  # 日本全国を回ってデモを行う: where it is held
TURNING_TO = ("向かう", "向ける")  # 警察に向かって叫んだ: the one turned to is addressed
PROTEST_CODES = ("14", "114")
# reactions: an act they name by their object is done (李大統領の竹島上陸を批判した)
# reactions the public voices: in the passive with no agent, the place marked で speaks
# (韓国で非難されている); being supported or not (支持されていない) is a standing, no act
PUBLIC_REACTIONS = ("11", "12")
REACTION_ROOTS = ("05", "11", "12", "14")  # protests and complaints: held in front of whom they are against
# signs and leaflets: a relative clause on one is what it says (主張したボード), no act
SIGN_NOUNS = frozenset({
    "ボード", "プラカード", "横断幕", "懸垂幕", "垂れ幕", "看板", "ビラ", "チラシ", "ポスター", "ピケット", "旗",
})  # fmt: skip
# quoted words that label the noun after them (「…」という懸垂幕, 「…」と書かれた横断幕)
QUOTE_LABEL = re.compile(r"(?:という|との|と題した|と書かれた|と記された)")
# support verbs that carry the act named by their に-phrase (会談に臨む, 逮捕に踏み切る)
DATIVE_CARRIERS = frozenset({"臨む", "応ずる", "踏み切る", "乗り出す", "着手"})
# what carries words to someone: 感謝の広告を掲載した, 抗議の書簡を送った name the act of their modifier
AGREED_ON = "ことで"  # the linking words of a clause agreed on (解除することで合意した)
# predicates of agreeing: a で-phrase naming a thing is what is agreed on (停戦で合意した:
# the lexicon's agreement rows read it like an object), a place is where (ソウルで合意した)
AGREEING = frozenset({"合意", "一致"})
SUPPOSING = ("たら", "ば", "と", "なら")  # after する: …としたら, とすれば, とすると (supposing)
MESSAGE_HEADS = frozenset({"広告", "書簡", "手紙", "メッセージ", "電報", "文書", "ビラ", "親書", "声明文"})
# a question after a predicate (発言をするか, 主張をしているかは, 何をしたのか): it asks, nothing is done
EMBEDDED_QUESTION = re.compile(r"か(?!ら)|[?？]")
# the ている form after a predicate (主張している, 重視していた, 住んでいる)
STANDING = re.compile(r"[てで](?:い|お)(?:る|た)$")
# Intransitive predicates (lemmas): the noun a relative clause of one modifies is its
# subject (沖で発生した事件, 倒れている女性), so a が-phrase the parse hangs on it is another
# predicate's (`_stray_subject`).
INTRANSITIVE = frozenset({
    "発生", "起きる", "起こる", "倒れる", "死亡", "死ぬ", "亡くなる", "住む", "在住", "暮らす", "居る", "いる",
    "有る", "ある", "来る", "来日", "滞在", "生まれる", "負傷", "墜落", "沈没", "爆発", "始まる", "続く",
    "広がる", "残る", "集まる", "立つ", "座る", "寝る", "働く", "勤務", "通う", "所属", "入院", "失踪",
    "倒壊", "炎上", "流行", "生きる", "急増", "増加", "減少", "成立", "存在", "出現", "登場", "発足", "到着",
})


# --------------------------------------------------------------------------- the document


@dataclass
class _Story:
    """What the front end keeps from sentence to sentence."""

    actors: dict[str, Actor]
    published: str
    tok_actors: dict[int, list[str]]  # article token index -> actor ids named there
    toks: list[Tok]
    text: str
    para: int = -1
    para_topic: list[str] = field(default_factory=list)
    para_date: DateMention | None = None
    last_date: tuple[int, DateMention] | None = None
    lead: int = -1  # the paragraph of the first body sentence
    report_date: DateMention | None = None  # the day of the report the lead tells of (…20日、…と報じた)
    lex: JapaneseLexicon = field(default_factory=JapaneseLexicon)  # the reader's
    kb: KnowledgeBase | None = None  # the actor knowledge base (platforms' users)
    platforms: frozenset[str] = frozenset()  # the ids of its lexicon's internet platforms
    last_speakers: tuple[int, list[str], str] | None = None  # (paragraph, actor ids, how found)
    frames: list[Frame] = field(default_factory=list)


def _token_actors(doc: Doc, toks: list[Tok], mentions: list[Mention], actors: dict[str, Actor]) -> dict[int, list[str]]:
    """Article token index -> the actors of the mentions covering it; 両国 and its kind
    name the two states mentioned last before it."""
    starts = [t.idx for t in toks]
    out: dict[int, list[str]] = {}
    for m in mentions:
        a = max(bisect.bisect_right(starts, m.start) - 1, 0)
        b = bisect.bisect_left(starts, m.end)
        for i in range(a, b):
            if toks[i].end > m.start:
                ids = out.setdefault(i, [])
                if m.actor_id not in ids:
                    ids.append(m.actor_id)
    states: list[tuple[int, str]] = []
    for m in mentions:
        sid = _state_of(m.actor_id, actors)
        if sid:
            states.append((m.start, sid))
    for t in toks:
        if t.i in out:
            continue
        nxt = toks[t.i + 1].text if t.i + 1 < len(toks) else ""
        if t.text in GROUP_PAIR_WORDS or (t.text == "両" and nxt in ("国", "首脳", "政府")):
            recent: list[str] = []
            for start, sid in states:
                if start >= t.idx:
                    break
                if sid in recent:
                    recent.remove(sid)
                recent.append(sid)
            pair = list(dict.fromkeys(reversed(recent)))[:2]
            if len(pair) == 2:
                out[t.i] = sorted(pair)
    return out


# --------------------------------------------------------------------------- one sentence


class _Sentence:
    """A parsed sentence: its tree in article token indices, its actors and quotes."""

    def __init__(self, ps: ParsedSentence, sent: Sentence, story: _Story, mentions: list[Mention], host: tuple | None = None):
        self.ps, self.sent, self.story, self.mentions = ps, sent, story, mentions
        self.host = host  # a quotation parsed on its own: (the sentence outside it, its predicate)
        n = len(ps.doc)
        self.idx = list(ps.tokens) if ps.tokens is not None else list(range(ps.token_start, ps.token_start + n))
        self.pos = {i: k for k, i in enumerate(self.idx)}
        self.positions = [story.toks[i].idx for i in self.idx]  # character offsets, ascending
        tree = ps.tree
        self.heads = {i: self.idx[h] for i, h in zip(self.idx, tree.head, strict=True)}
        self.deps = dict(zip(self.idx, tree.dep, strict=True))
        self.kids: dict[int, list[int]] = {}
        for i, h in self.heads.items():
            if h != i:
                self.kids.setdefault(h, []).append(i)
        names = {(m.start, m.end) for m in mentions}
        text = story.text
        self.quotes = [
            (sent.start + a, sent.start + b)
            for a, b in quote_spans(text[sent.start : sent.end])
            if (sent.start + a + 1, sent.start + b - 1) not in names
        ]
        self.preds = self._scope_quotes(self._agreed_on(self._chains([_listing(p) for p in ps.predicates()])))
        self.by_i = {p.i: p for p in self.preds}
        # the sentence's は/も-phrases outside quotations, in text order: the main clause's
        # (ネット掲示板には、…を懸念する声が相次いだ), whatever clause the parse hangs them on
        topics = {a.i: a for p in self.preds for a in p.arguments if a.topic and not a.via and self.scope(a.i) is None}
        # and those the parse hangs on no predicate (ネットユーザーからは under a noun): words
        # with a は/も among the particles under them (a case word or its fixed part)
        marked = set()
        for c in self.idx:
            if self.deps[c] in ("case", "fixed") and self.tok(c).text.endswith(TOPIC_PARTICLES):
                marked.add(self.heads[c] if self.deps[c] == "case" else self.heads[self.heads[c]])
        for k in self.idx:
            if k in marked and k not in topics and self.dep(k) not in ("case", "fixed", "punct") and self.scope(k) is None:
                marker = self.marker(k)
                case, topic = case_of(marker)
                if topic and case in ("から", "で", "に", "は"):
                    t = self.tok(k)
                    topics[k] = Argument(self.dep(k), case, marker, True, k, t.idx, t.end, t.text)
        self.topics = sorted(topics.values(), key=lambda a: a.start)

    def _chains(self, preds: list[Predicate]) -> list[Predicate]:
        """A clause ending in the 連用形 (着陸させ, 批判し) cannot modify a noun: where the
        parse makes it a relative clause (当局が旅客機を強制着陸させ反政権派ジャーナリストを
        拘束した: 着陸 on ジャーナリスト), it chains to the predicate above that noun, and the
        noun is no gap in it."""
        by_i = {p.i for p in preds}
        out = []
        for p in preds:
            gov = p.governor
            last = self._last_word(p)
            compound = last is not None and last.i + 1 < len(self.story.toks) and self.story.toks[last.i + 1].is_verb
            if (
                gov is not None and gov.kind in ("relative", "intention") and last is not None and last.conj_form.startswith("連用形")
                and not last.text.endswith(("た", "だ")) and not compound  # 行い続けるつもり: one verb
            ):  # fmt: skip
                host = self._host_in({i: 0 for i in by_i}, gov.i, self.scope(p.i)) if gov.i not in by_i else gov.i
                if host is None and gov.kind == "intention":
                    host = gov.i  # …を行っており、…するつもりだ: chained to the sentence's end, not intended
                if host is not None:
                    args = tuple(a for a in p.arguments if a.via != "relative")
                    p = dataclasses.replace(p, arguments=args, governor=Governor("chain", host, self.tok(host).lemma_, "", "advcl"))
            out.append(p)
        return out

    def _agreed_on(self, preds: list[Predicate]) -> list[Predicate]:
        """〜することで合意した / 一致した: a clause made a noun (こと) marked で is what the
        verb above the noun agrees on, its complement; the clause's topic and its と-phrases
        before it, which the parse hangs inside, are the verb's parties too (日本は米国と
        制裁を解除することで合意した: Japan agreed with the US)."""
        by_i = {p.i: k for k, p in enumerate(preds)}
        out = list(preds)
        for k, q in enumerate(preds):
            gov = q.governor
            if gov is None or gov.kind != "complement" or self.tok(gov.i).text not in CLAUSAL_OBJECTS[1:]:
                continue
            host = self.heads.get(gov.i)
            if self.marker(gov.i) != "で" or host not in by_i or host == gov.i:
                continue
            out[k] = dataclasses.replace(q, governor=Governor("complement", host, self.tok(host).lemma_, AGREED_ON, "ccomp"))
            h = out[by_i[host]]
            parties = [
                a for a in q.arguments
                if not a.via and a.start < q.start and ((a.topic and a.case in ("は", "も")) or (a.case == "と" and a.marker == "と"))
            ]  # fmt: skip
            if parties and _subject(self, h) is None:
                out[by_i[host]] = dataclasses.replace(h, arguments=(*h.arguments, *parties))
        return out

    def _last_word(self, p: Predicate) -> Tok | None:
        """The predicate's last word (its chain's), punctuation left out."""
        k = bisect.bisect_left(self.positions, p.end) - 1
        while k >= 0 and self.positions[k] >= p.start:
            if not self.tok(self.idx[k]).is_mark:
                return self.tok(self.idx[k])
            k -= 1
        return None

    def _scope_quotes(self, preds: list[Predicate]) -> list[Predicate]:
        """A predicate sees only the phrases of its own quotation 「…」, or, outside
        quotations, only those outside: a phrase the parse hangs across a quotation's edge
        leaves its predicate, and one outside goes to the nearest predicate above in its
        own scope when that one has no phrase of its case (同氏は、「…損害を与えた」と語った:
        同氏は under 与える goes to 語る)."""
        if not self.quotes:
            return preds
        by_i = {p.i: k for k, p in enumerate(preds)}
        preds = list(preds)
        for k in range(len(preds)):
            p = preds[k]
            scope = self.scope(p.i)
            foreign = [a for a in p.arguments if a.via != "relative" and self.scope(a.i) != scope]
            if not foreign:
                continue
            preds[k] = dataclasses.replace(p, arguments=tuple(a for a in p.arguments if a not in foreign))
            for a in foreign:
                if a.via:
                    continue
                host = self._host_in(by_i, p.i, self.scope(a.i))
                if host is None:
                    continue
                h = preds[by_i[host]]
                if not any((b.relation, b.case) == (a.relation, a.case) for b in h.arguments):
                    preds[by_i[host]] = dataclasses.replace(h, arguments=(*h.arguments, a))
        return preds

    def scope(self, i: int) -> tuple[int, int] | None:
        """The quotation token i stands in (None: outside all)."""
        return self.quote_of(self.tok(i).idx)

    def _host_in(self, by_i, i: int, scope) -> int | None:
        """The first predicate above token i in the tree standing in `scope`."""
        k = i
        for _ in range(len(self.heads)):
            h = self.head(k)
            if h == k:
                return None
            k = h
            if k in by_i and self.scope(k) == scope:
                return k
        return None

    # tree
    def head(self, i: int) -> int:
        return self.heads[i]

    def dep(self, i: int) -> str:
        return self.deps[i]

    def children(self, i: int) -> list[int]:
        return self.kids.get(i, [])

    def tok(self, i: int) -> Tok:
        return self.story.toks[i]

    def marker(self, i: int) -> str:
        """The case particles right after token i that attach to it (に対する, からの)."""
        out = ""
        for c in self.children(i):
            if c > i and self.dep(c) == "case":
                out += self.tok(c).text + "".join(self.tok(g).text for g in self.children(c) if self.dep(g) == "fixed")
        return out

    def quote_of(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= pos < q[1]:
                return q
        return None

    # actors
    def noun_start(self, i: int) -> int:
        """The first token of the noun headed by i: its compound parts, numbers and bare
        noun modifiers right before it (韓国人男性, 中国外務省報道官)."""
        a = i
        while a - 1 in self.pos and self._part_of_noun(a - 1, a, i):
            a -= 1
        return a

    def _part_of_noun(self, k: int, a: int, i: int) -> bool:
        if not (a <= self.head(k) <= i):
            return False
        dep = self.dep(k)
        if dep in ("compound", "nummod") or self.tok(k).tag_.startswith("接頭辞"):
            return True
        return dep == "nmod" and not any(self.dep(c) == "case" for c in self.children(k))

    def head_actors(self, i: int) -> list[str]:
        """Actors heading the noun at i: a mention on it, or on the noun's last actor word
        when only titles and suffixes follow (プーチン大統領, 韓国人男性2人); a person before
        a state qualifier (バイデン米大統領); with those coordinated before it by や / か."""
        a = self.noun_start(i)
        posted = self._posted_to(a, i)
        ids: list[str] = []
        last = -1
        for k in range(a, i + 1):
            if k in posted:
                continue
            for x in self.story.tok_actors.get(k, ()):
                if x not in ids:
                    ids.append(x)
                last = k
        if last < 0:  # 李承晩大統領と国会が: the actors coordinated with a noun naming none
            return self._coordinated(i) or self._crafts_owner(a, i)
        tail = [self.tok(k) for k in range(last + 1, i + 1) if k not in posted]
        if not is_actor_tail(tail) and not _names_craft(tail):
            return self._coordinated(i)
        heads = list(self.story.tok_actors.get(last, ()))
        actors = self.story.actors
        persons = [x for x in ids if x in actors and actors[x].type == "PERSON"]
        if persons and all(x in actors and actors[x].type in STATE_TYPES for x in heads):
            heads = persons[-1:]
        return list(dict.fromkeys(self._coordinated(i) + heads))

    def _posted_to(self, a: int, i: int) -> set[int]:
        """The tokens of 駐 + the state a diplomat is posted to (駐日大使, 武藤駐韓大使): that
        state is where he serves, not whose he is, so it heads nothing."""
        out: set[int] = set()
        for k in range(a, i):
            text = self.tok(k).text
            if text.startswith("駐") and len(text) > 1 and self.story.tok_actors.get(k):
                out.add(k)  # 駐日, 駐韓: one word
            elif text == "駐" and self.story.tok_actors.get(k + 1):
                out |= {k, k + 1}
        return out

    def _crafts_owner(self, a: int, i: int) -> list[str]:
        """The owner named in the genitive of a noun for craft (中国の戦闘機 -> China), which
        acts for it; nothing for any other noun."""
        if not _names_craft([self.tok(k) for k in range(a, i + 1)]):
            return []
        for c in sorted(self.children(i), reverse=True):
            if c < a and self.marker(c) == "の" and self.quote_of(self.tok(c).idx) is None:
                found = self.head_actors(c)
                if found:
                    return found
        return []

    def _coordinated(self, i: int, depth: int = 0) -> list[str]:
        """Actors coordinated before the noun by や / か / 及び (アメリカや他のヨーロッパ諸国),
        the parse hanging them on it or on one of its modifiers."""
        out: list[str] = []
        for c in self.children(i):
            if c >= i:
                continue
            if self.marker(c) in ("や", "か", "及び", "並びに", "、", "と") and self.dep(c) != "obl":
                out += [x for x in self.head_actors(c) if x not in out]
            elif depth < 1 and self.dep(c) in ("nmod", "compound", "amod", "det"):
                out += [x for x in self._coordinated(c, depth + 1) if x not in out]
        return out

    def owner_actors(self, i: int) -> list[str]:
        """Whose the noun at i is: the actors of its nearest genitive (中国の警察の対応 ->
        the police), else those inside the noun that do not head it (サウジ産原油)."""
        for c in sorted(self.children(i), reverse=True):
            if c < i and self.marker(c) == "の" and self.quote_of(self.tok(c).idx) is None:
                found = self.head_actors(c) or self.owner_actors(c)
                if found:
                    return found
        heads = self.head_actors(i)
        inside = [x for k in range(self.noun_start(i), i + 1) for x in self.story.tok_actors.get(k, ())]
        return [x for x in dict.fromkeys(inside) if x not in heads]

    def inner(self, i: int, *cases: str) -> list[str]:
        """Actors of the noun phrase's own phrases marked with one of `cases` + の, or with
        the compound particle (米国による制裁の解除, 日本への, 中国に対する, 韓国との,
        ネットユーザーからの), at any depth of its の-modifiers."""
        out: list[str] = []
        for c in self.children(i):
            if c >= i or self.dep(c) in ("acl", "advcl", "punct", "case"):
                continue
            m = self.marker(c)
            base = m[:-1] if m.endswith("の") and len(m) > 1 else m
            base = {"に対する": "に対して", "によって": "による", "に向けた": "へ"}.get(base, base)
            if base in cases and (m.endswith("の") or base in ("による", "に対して", "へ")):
                # 勝間氏の意見への反論: the phrase's owner when it names no actor itself
                out += [x for x in self.head_actors(c) or self.owner_actors(c) if x not in out]
            elif m == "の":
                out += [x for x in self.inner(c, *cases) if x not in out]
        return out

    def all_actors(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for k in self.idx:
            t = self.tok(k)
            if t.idx >= start and t.end <= end:
                out += [x for x in self.story.tok_actors.get(k, ()) if x not in out]
        return out


# --------------------------------------------------------------------------- triggers


@dataclass(frozen=True)
class _Trigger:
    key: str  # the lexicon trigger
    prefix: str  # compound nouns before it
    first: int  # article token indices
    last: int


def noun_trigger(s: _Sentence, i: int, lex: JapaneseLexicon) -> _Trigger | None:
    """The longest lexicon trigger ending the noun at i (制裁解除 -> 解除, 首脳会談 -> 会談)."""
    a = s.noun_start(i)
    nouns = [k for k in range(a, i + 1) if s.tok(k).tag_.startswith(NOMINAL_TAGS)]
    if not nouns or nouns[-1] != i:
        return None
    for n in range(min(MAX_TRIGGER_TOKENS, len(nouns)), 0, -1):
        ks = nouns[-n:]
        if ks != list(range(ks[0], i + 1)):
            continue
        for key in ("".join(s.tok(k).lemma_ for k in ks), "".join(s.tok(k).text for k in ks)):
            if lex.has(key):
                return _Trigger(key, "".join(s.tok(k).text for k in range(a, ks[0])), ks[0], i)
    return None


def act_noun(s: _Sentence, i: int, lex: JapaneseLexicon) -> tuple[_Trigger | None, int]:
    """(the trigger a noun phrase names, the token heading it): 遺憾の意 and 非難の声 name
    the act of their modifier (a voice noun is its own trigger otherwise)."""
    if s.tok(i).text in EXPRESSIVE_HEADS or s.tok(i).lemma_ in EXPRESSIVE_HEADS or s.tok(i).lemma_ in MESSAGE_HEADS:
        for c in sorted(s.children(i), reverse=True):
            if c < i and s.marker(c) == "の":
                trig = noun_trigger(s, c, lex)
                if trig is not None:
                    return trig, c
                break
    return noun_trigger(s, i, lex), i


def phrase_text(s: _Sentence, i: int) -> str:
    """The noun phrase at i with its modifiers, as the lexicon's patterns read it."""
    sub = _subtree(s, i)
    return "".join(s.tok(k).text for k in sub if k <= i)


def _agreed_on(s: _Sentence, p: Predicate) -> str:
    """What an agreement's で-phrase says was agreed on (停戦で合意した, 通貨スワップの拡大で
    一致した): a phrase naming no party and no clause (解除することで: the clause agreed on
    is a complement, `_link_requests`)."""
    for a in _args_of(p, "で"):
        if not s.head_actors(a.i) and s.tok(a.i).text not in CLAUSAL_OBJECTS:
            return phrase_text(s, a.i)
    return ""


def _subtree(s: _Sentence, i: int) -> list[int]:
    out, stack = [], [i]
    while stack:
        k = stack.pop()
        out.append(k)
        stack.extend(s.children(k))
    return sorted(out)


# --------------------------------------------------------------------------- roles


def _listing(p: Predicate) -> Predicate:
    """The case of phrases marked with a listing particle as well (ネット掲示板では「…」など、
    : では; 日本などに: に)."""
    args = []
    changed = False
    for a in p.arguments:
        if "など" in a.marker:
            case, topic = case_of(a.marker.replace("など", ""))
            a = dataclasses.replace(a, case=case, topic=topic or a.topic)
            changed = True
        args.append(a)
    return dataclasses.replace(p, arguments=tuple(args)) if changed else p


def _does_act(s: _Sentence, p: Predicate) -> bool:
    """Is する a support verb here (抗議をした, 寄付をした)? Not in a question (どんな発言を
    するか), nor in 〜を…にする, which makes its object something (交渉を有利にした)."""
    if EMBEDDED_QUESTION.search(s.story.text[p.start : p.end + 3]):
        return False
    obj = p.object
    return obj is None or not any(a.case == "に" and a.start > obj.start for a in p.arguments)


def _args_of(p: Predicate, *cases: str, topic: bool | None = None) -> list[Argument]:
    return [a for a in p.arguments if a.case in cases and (topic is None or a.topic == topic)]


def _subject(s: _Sentence, p: Predicate, act: bool = False) -> Argument | None:
    """The grammatical subject: the が/も/は-subject nearest the predicate (of two, the
    parse's first is often a topic of the clause before: 交渉は…まとまらず、ロシアは…減らして
    いる), not a phrase marked で / に / から / へ / と."""
    subjects = [
        a for a in p.arguments
        if (a.relation in ("nsubj", "csubj") or a.case == "が" or (a.topic and a.case in ("は", "も") and a.relation in ("dislocated", "obl")))
        and a.case not in ("で", "に", "から", "へ", "と")
    ]
    # その後も, 今回も: a も-phrase naming no actor is an adverb (but 意見も見られた names
    # the act: `act`)
    if not act:
        subjects = [a for a in subjects if not (a.case == "も" and not s.head_actors(a.i))]
    own = [a for a in subjects if not a.via or a.via == "relative"]
    pool = own or subjects
    # a subject comes before its predicate (黒人が抗議したところ、店主が…返した: 店主が is
    # 返す's), but for the noun a relative clause modifies and a quoted clause's speaker
    pool = [a for a in pool if a.start < p.start or a.via or s.quote_of(p.start) != s.quote_of(a.start)]
    before = [a for a in pool if a.start < p.start]
    if pool:
        return max(before or pool, key=lambda a: a.start)
    # a headline-like subject without a particle, set off by a comma (…チハノフスカヤ氏、米国に)
    bare = [a for a in p.arguments if a.case == "" and not a.via and s.story.text[a.end : a.end + 1] in ("、", ",") and s.head_actors(a.i)]
    return bare[0] if bare else None


def _subject_actors(s: _Sentence, p: Predicate, story: _Story) -> tuple[list[str], str]:
    """(actors, how) of the subject: its own; an official's owner (中国外務省の報道官) or the
    topic's; the subject of a clause chained to a relative clause whose noun is no actor
    (当局が着陸させ…を拘束した問題); the nearest は/も-topic of the sentence before it (a
    topic outlives its clause; one naming no actor blocks the guess: 人権状態は); else the
    paragraph's topic (not for a relative clause)."""
    subj = _subject(s, p)
    stray = _stray_subject(s, p)
    if stray and (subj is None or subj.topic or (subj.via == "relative" and not s.head_actors(subj.i))):
        return stray, "explicit"  # (…ボードを掲げた問題: the issue did not raise it)
    if subj is None or subj.via == "topic":
        focus = _cleft_focus(s, p)
        if focus:  # 抗議したのは韓国の市民団体だ: who did it is the cleft's focus
            return focus, "explicit"
        body = _body_at(s, p)
        if body:  # 同会では…集会を行なっている, 警察では…捜査している: the body acts
            return body, "explicit"
    if subj is not None and subj.via == "topic":
        opening = _opening_topic(s, subj)
        if opening is not None:  # 記事は…を挙げ、李大統領は…と主張した: the article claims
            found = s.head_actors(opening.i)
            return (found, "explicit") if found else (list(story.para_topic), "discourse")
    if subj is not None:
        found = s.head_actors(subj.i) if s.tok(subj.i).text not in CLAUSAL_OBJECTS else []  # …したことも伝えた
        if found and subj.via and all(x in story.actors and story.actors[x].type == "PLACE" for x in found):
            return [], "unknown"  # an island shared from another clause acts in none (竹島が…であることを知らせるために来日し)
        coord = _coordinated_to(s, p, subj) if not subj.via else []
        if found or coord:  # 米国と日本が; 李承晩大統領と国会が: the president at least
            return list(dict.fromkeys(coord + found)), ("inherited" if subj.via else "explicit")
        if _is_official(s, subj.i):
            owners = s.owner_actors(subj.i)
            if owners:
                return owners, "explicit"
            owner_words = "".join(s.tok(k).text for k in _subtree(s, subj.i) if k < subj.i)
            if any(w in owner_words for w in UNRESOLVED_OWNERS):
                return [], "unknown"  # 双方の代表団が: both sides', not the topic's
            topics = [a for a in s.topics if a.start < subj.start and a.case == "は" and s.head_actors(a.i)]
            if topics:
                return s.head_actors(topics[-1].i), "official"
            if story.para_topic:
                return list(story.para_topic), "official"
        if subj.via == "relative" and (s.tok(subj.i).text in VOICE_SPEAKERS or s.tok(subj.i).lemma_ == "人"):
            # ツイッターでは、…を疑う人が多かった: the people of a platform (not of a country,
            # which may be another clause's: 韓国でも…が横行しており、…人が目立つ)
            speakers = _scene(s, p)
            if speakers and not any(x in story.actors and story.actors[x].type in PLACE_TYPES for x in speakers):
                return speakers, _scene_how(story, speakers)
        if subj.via == "relative":
            chained = _chained_subject(s, p)
            if chained:
                return chained, "inherited"
            carrier = _carrier(s, subj.i)
            if carrier is not None:  # 北朝鮮は大統領をネズミに例える宣伝を行っている: 北朝鮮
                return _subject_actors(s, carrier, story)
        if subj.topic and p.lemma in DO and not found and _states(s, p):
            # 警察は…と判断しているが、処罰する根拠はないとしている: the parse gives the する of
            # a statement the topic of the clause it quotes; the speaker is the topic before it
            at = s.tok(subj.i).idx
            for a in reversed([a for a in s.topics if a.case == "は" and s.tok(a.i).idx < at]):
                found = s.head_actors(a.i)
                if found:
                    return found, "explicit"
        return [], "unknown"  # a subject that is no actor: do not guess
    if p.governor is not None and p.governor.kind == "relative":
        return [], ""
    gov = p.governor
    serving = gov is not None and (gov.kind == "chain" or (gov.kind == "adverbial" and gov.marker.startswith(PURPOSE_NOUNS)))
    up = s.by_i.get(gov.i) if serving else None
    if up is not None and up.governor is not None and up.governor.kind == "relative":
        # イ氏を殴るために襲いかかった青年: a clause serving a relative clause has its subject
        return _subject_actors(s, up, story)
    found = _hung_subject(s, p) or _according_to(s, p)
    if found:
        return found, "explicit"
    for a in reversed([a for a in s.topics if a.start < p.start and a.case in ("は", "も")]):
        found = s.head_actors(a.i)
        if not found and a.case == "も":
            continue  # その後も: an adverb
        return (found, "explicit") if found else ([], "unknown")
    if story.para_topic:
        return list(story.para_topic), "discourse"
    return [], ""


def _is_platform(story: _Story, actor_id: str) -> bool:
    """An internet platform (the actors lexicon's `platforms`: ツイッター, 2ちゃんねる, ネイバー),
    whose users speak there (ツイッターでも…批判している: they, not it)."""
    return actor_id in story.platforms


def _responder(s: _Sentence, p: Predicate) -> list[str]:
    """AがVしたところ、Bが…: the subject of the clause a ところ-clause leads into, who met
    the complaint or the question (黒人が抗議したところ、店主が「…」と返した: the owner)."""
    gov = p.governor
    if gov is None or gov.kind != "complement" or s.tok(gov.i).text != TOKORO:
        return []
    after = s.tok(gov.i).end
    for q in sorted(s.preds, key=lambda q: q.start):
        subj = _subject(s, q) if q.start > after else None
        if subj is not None and not subj.via and subj.start > after:  # the next clause with a subject of its own
            return s.head_actors(subj.i) or (s.owner_actors(subj.i) if _is_official(s, subj.i) else [])
    return []


def _cleft_focus(s: _Sentence, p: Predicate) -> list[str]:
    """The actors of the focus of a cleft (〜したのは X だ, 〜しているのが X であり): the parse
    hangs the clause on X with の + は / が; an official there is his owner's."""
    gov = p.governor
    if gov is None or gov.kind not in ("complement", "adverbial") or not gov.marker.endswith(CLEFT_MARKERS):
        return []
    if not s.tok(gov.i).tag_.startswith(NOMINAL_TAGS):
        return []
    return s.head_actors(gov.i) or (s.owner_actors(gov.i) if _is_official(s, gov.i) else [])


def _body_at(s: _Sentence, p: Predicate) -> list[str]:
    """The organisation a では-phrase of p names (同会では, 韓国警察では): in it, it acts;
    places, states, persons, crowds and platforms aside (ソウルでは, 韓国では: where; コメント欄
    では, ツイッターでは: the voice rules read where words are heard)."""
    actors = s.story.actors
    for a in _args_of(p, "で", topic=True):
        found = s.head_actors(a.i)
        if found and all(x in actors and actors[x].type in BODY_TYPES and not _is_platform(s.story, x) for x in found):
            return found
    return []


def _opening_topic(s: _Sentence, subj: Argument) -> Argument | None:
    """The は-topic opening the sentence before a topic the parse raised from a clause below
    (記事は、…を挙げ、李大統領は支持されていないと主張した: the second is what is claimed of),
    when it names an actor or a text that speaks for one (記事, 社説: the paragraph's topic)."""
    for a in s.topics:
        if a.start >= subj.start:
            return None
        if a.case == "は" and a.i != subj.i and (s.head_actors(a.i) or s.tok(a.i).text in DOCUMENT_NOUNS):
            return a
    return None


def _carrier(s: _Sentence, noun: int) -> Predicate | None:
    """The support verb whose object the noun at i is (…する宣伝を行っている: 行う): whoever
    carries out the act the noun names does what its relative clause says."""
    for q in s.preds:
        obj = q.object
        if obj is not None and obj.i == noun and not obj.via and s.story.lex.support(q.lemma) == "light":
            return q
    return None


def _on_sign(s: _Sentence, p: Predicate) -> bool:
    """Is p a relative clause on a sign or a leaflet (竹島の領有権を主張したボード, 謝罪を求める
    プラカード)? Its words are what the sign says, not an act of their own."""
    gov = p.governor
    return gov is not None and gov.kind == "relative" and s.tok(gov.i).text in SIGN_NOUNS


def _stray_subject(s: _Sentence, p: Predicate) -> list[str]:
    """Actors of a が-phrase the parse hangs on an intransitive relative clause on one of p's
    arguments (中国の警察が[倒れている女子高生]を捨てた, 元首相が[沖で発生した事件]を…と表現した),
    or on the words of a sign (パク選手が[領有権を主張したボード]を掲げた): the noun such a
    clause modifies is its own subject, or its words are no act, so the が-phrase is p's."""
    for r in s.preds:
        gov = r.governor
        if gov is None or gov.kind != "relative" or r.start > p.start or _clause_above(s, gov.i) != p.i:
            continue
        if r.lemma not in INTRANSITIVE and s.tok(r.i).lemma_ not in INTRANSITIVE and not _on_sign(s, r):
            continue
        if r.voice != "active" or (r.object is not None and not r.object.via and not _on_sign(s, r)):
            continue
        for a in r.arguments:
            if a.case == "が" and not a.via and not a.topic and s.scope(a.i) == s.scope(p.i):
                found = s.head_actors(a.i)
                if found:
                    return found
    return []


def _hung_subject(s: _Sentence, p: Predicate) -> list[str]:
    """Actors of a が-phrase the parse hangs on a noun (野田首相が28日、「…」と発言した: 首相が
    under 28日) or on a later predicate that has another が-subject (…と発言したことが報道
    された: 首相が and ことが both under 報道), when p is the first predicate after it and
    has no subject: the nearest predicate after a stray が-phrase is the one it marks."""
    scope = s.scope(p.i)
    for k in s.idx:
        t = s.tok(k)
        if t.idx >= p.start:
            break
        if s.dep(k) != "nsubj" or not s.marker(k).startswith("が") or s.head(k) == p.i or s.scope(k) != scope:
            continue
        host = s.by_i.get(s.head(k))
        if host is not None and sum(a.case == "が" and not a.via for a in host.arguments) < 2:
            continue  # its own predicate's (a predicate takes one が-subject)
        after = [q for q in s.preds if q.start >= t.end and s.scope(q.i) == scope and not _carried(q)]
        if after and min(after, key=lambda q: q.start) is p:
            found = s.head_actors(k)
            if found:
                return found
    return []


def _carried(q: Predicate) -> bool:
    """An act noun a verb carries (抗議集会を開いた: 抗議集会): read with that verb, no
    predicate of its own for a stray が-phrase to mark."""
    return q.kind == "noun" and q.governor is not None and q.governor.kind == "argument"


def _cited(s: _Sentence, p: Predicate) -> int | None:
    """The phrase marked によれば / によると before p in its scope (同記事によれば、…としている):
    a statement made with する there is the cited source's, not its clause's topic's."""
    for k in s.idx:
        if s.tok(k).idx >= p.start:
            break
        if s.marker(k).startswith(("によれば", "によると")) and s.scope(k) == s.scope(p.i):
            return k
    return None


def _according_to(s: _Sentence, p: Predicate) -> list[str]:
    """The source named by 〜によれば / 〜によると, as the speaker of an announcement with
    no subject (ギャロップの調査によれば、…を記録したと発表した): who is cited announced it."""
    if p.lemma not in ANNOUNCE_VERBS and s.tok(p.i).lemma_ not in ANNOUNCE_VERBS:
        return []
    for k in s.idx:
        if s.tok(k).idx >= p.start:
            break
        if s.marker(k).startswith(("によれば", "によると")) and s.scope(k) == s.scope(p.i):
            found = s.head_actors(k) or s.owner_actors(k)
            if found:
                return found
    return []


def _stray_object(s: _Sentence, p: Predicate) -> Argument | None:
    """A を-phrase the parse hangs on an intransitive adverbial clause of p (女性を[生きた
    まま]捨てた): such a clause takes no object, so it is p's."""
    for q in s.preds:
        gov = q.governor
        if gov is None or gov.kind != "adverbial" or _clause_above(s, q.i) != p.i:
            continue
        if q.lemma in INTRANSITIVE or s.tok(q.i).lemma_ in INTRANSITIVE:
            found = [a for a in q.arguments if a.case == "を" and not a.via]
            if found:
                return found[0]
    return None


def _clause_above(s: _Sentence, i: int) -> int | None:
    """The predicate whose clause holds the noun at i: the first above it, passing over
    adverbial clauses (生きたまま: the noun before it is the verb's after it)."""
    k, seen = i, set()
    while k not in seen:
        seen.add(k)
        h = s.head(k)
        if h == k:
            return None
        q = s.by_i.get(h)
        if q is not None and not (q.governor is not None and q.governor.kind == "adverbial"):
            return h
        k = h
    return None


def _chained_object(s: _Sentence, p: Predicate) -> list[str]:
    """The actors of the object of a clause chained to p (記者を逮捕し、追放した; 大使を
    呼び出して抗議した)."""
    for q in s.preds:
        if q.governor is not None and q.governor.kind == "chain" and q.governor.i == p.i and q.object is not None:
            return _object_party(s, q, q.object)
    return []


def _object_party(s: _Sentence, p: Predicate, obj: Argument) -> list[str]:
    """The actors heading the object, else, for an official no actor names, his owner's
    (韓国の大使を呼び出した: Korea)."""
    found = _object_actors(s, p, obj)
    if found or not _is_official(s, obj.i):
        return found
    return s.owner_actors(obj.i)


def _document(s: _Sentence, p: Predicate) -> int | None:
    """The text a report is read in (記事では、…と伝えた: 記事), marked で on the verb, on the
    clause it reports (where the parse hangs it) or as the sentence's topic, if any."""
    topics = [a for a in s.topics if a.case == "で" and a.start < p.start]
    for q in (p, *_clauses_below(s, p)):
        for a in _args_of(q, "で") + (topics if q is p else []):
            if s.tok(a.i).text in DOCUMENT_NOUNS or s.tok(a.i).lemma_ in DOCUMENT_NOUNS:
                return a.i
    return None


def _clauses_below(s: _Sentence, p: Predicate) -> list[Predicate]:
    """The predicates whose clauses p's clause holds (quoted, complement, chained, adverbial)."""
    out = []
    for q in s.preds:
        k, seen = q, set()
        while k.governor is not None and k.i not in seen and k is not p:
            seen.add(k.i)
            up = s.by_i.get(k.governor.i)
            if up is None or k.governor.kind in ("relative", "argument", "modifier"):
                break
            k = up
        if k is p and q is not p:
            out.append(q)
    return out


def _own_state(actors: dict[str, Actor], x: str, agent: list[str]) -> bool:
    """Is x the state of one of the agents (Japan, for a Japanese former prime minister)?"""
    return any(a in actors and actors[a].country and actors[a].country == x for a in agent)


def _is_official(s: _Sentence, i: int) -> bool:
    """Does the noun at i name officials or an institution (報道官, 当局, 外務省)?"""
    head = s.tok(i)
    noun = "".join(s.tok(k).text for k in range(s.noun_start(i), i + 1))
    return head.text in OFFICIAL_NOUNS or head.lemma_ in OFFICIAL_NOUNS or noun.endswith(OFFICIAL_NOUNS + INSTITUTION_SUFFIXES)


def _chained_subject(s: _Sentence, p: Predicate) -> list[str]:
    """The actors of the explicit subject of a clause chained to p (…が着陸させ、拘束した)."""
    for q in s.preds:
        if q.governor is not None and q.governor.kind == "chain" and q.governor.i == p.i:
            subj = _subject(s, q)
            if subj is not None and not subj.via:
                found = s.head_actors(subj.i)
                if found:
                    return found
    return []


def _coordinated_to(s: _Sentence, p: Predicate, arg: Argument) -> list[str]:
    """Actors of a と-phrase right before the argument, coordinated with it (米国と日本が,
    中国と韓国を批判した: the parse hangs 米国と / 中国と on the verb)."""
    out: list[str] = []
    for a in p.arguments:
        if _is_coordinated(s, a, arg):
            out += s.head_actors(a.i)
    return out


def _is_coordinated(s: _Sentence, a: Argument, arg: Argument | None) -> bool:
    return arg is not None and a is not arg and a.case == "と" and a.marker == "と" and a.end < arg.start and s.story.text[a.end : arg.start] in ("と", "と、")


def _object_actors(s: _Sentence, p: Predicate, obj: Argument) -> list[str]:
    """The actors heading the object, with those coordinated before it."""
    found = s.head_actors(obj.i)
    return list(dict.fromkeys(_coordinated_to(s, p, obj) + found)) if found else []


def _holder(s: _Sentence, obj: Argument, agent: list[str]) -> list[str]:
    """The state holding a place a demand names (対馬の返還を要求した: Japan), when it is an
    actor of the story and not the demander's own."""
    actors = s.story.actors
    own = {actors[x].country for x in agent if x in actors}
    for x in s.all_actors(obj.start, obj.end):
        place = actors.get(x)
        if place is not None and place.type in PLACE_TYPES and place.type != "STATE":
            state = place.country
            if state and state in actors and state not in own and state not in agent:
                return [state]
    return []


def _with(s: _Sentence, i: int) -> list[str]:
    """Actors marked と on the noun at i (中国と条約を締結した: the parse hangs 中国と on 条約)."""
    return [x for c in s.children(i) if c < i and s.marker(c) == "と" for x in _party(s, c)]


def _location(s: _Sentence, p: Predicate) -> str:
    """The place marked で: the actor heading the phrase, else the first place named in it
    when it names nothing else (東京都新宿区の都庁前で: 東京都; not ソウルの日本大使館前で,
    which is where the embassy is)."""
    actors = s.story.actors
    for q in (p, *_chained_into(s, p)):  # 東京で衣装をまとい、デモを行った: the chain's place
        if q is not p and q.lemma in TOURING and q.object is not None:  # 日本全国を回ってデモを行う
            named = [x for x in s.all_actors(q.object.start, q.object.end) if x in actors]
            if named and all(actors[x].type in PLACE_TYPES for x in named):
                return named[0]
        for a in reversed([a for a in q.arguments if a.case == "で" or a.marker.startswith("で")]):  # (大阪でと: and in Osaka)
            if s.tok(a.i).text in CLAUSAL_OBJECTS:
                continue  # 解除することで合意した: what is agreed on, no place
            found = s.head_actors(a.i)
            if len(found) == 1 and actors.get(found[0]) is not None and actors[found[0]].type in PLACE_TYPES:
                return found[0]
            if not found:
                named = [x for x in s.all_actors(a.start, a.end) if x in actors]
                if named and all(actors[x].type in PLACE_TYPES for x in named):
                    return named[0]
    return ""


def _chained_into(s: _Sentence, p: Predicate) -> list[Predicate]:
    """The clauses chained into p (…をまとい、…を持って、デモを行った), nearest first."""
    out: list[Predicate] = []
    heads = {p.i}
    for q in sorted(s.preds, key=lambda q: -q.start):
        if q.start < p.start and q.governor is not None and q.governor.kind == "chain" and q.governor.i in heads:
            out.append(q)
            heads.add(q.i)
    return out


def _protested_at(s: _Sentence, p: Predicate, noun: int | None = None) -> list[str]:
    """Who a protest held in front of them is against (日本大使館前でデモを行った,
    大使館前での糾弾集会を行った): the actors of a で-phrase headed by 前, places aside."""
    heads = [a.i for a in _args_of(p, "で")]
    if noun is not None:
        for k in (noun, *_coordinated_nouns(s, noun)):  # 大使館前での声明発表や糾弾集会
            heads += [c for c in s.children(k) if c < k and s.marker(c).startswith("で")]
    actors = s.story.actors
    for i in heads:
        if s.tok(i).text.endswith("前") or s.tok(i).lemma_ == "前":
            a = s.tok(s.noun_start(i)).idx
            found = [x for x in s.all_actors(a, s.tok(i).end) if x in actors and actors[x].type not in PLACE_TYPES]
            if found:
                return found
    return []


def _names_craft(words: list[Tok]) -> bool:
    """Do these words end with a noun for craft (中国海軍|艦艇, 戦闘|機: `VEHICLES`)?"""
    return "".join(t.text for t in words).endswith(VEHICLES)


def _coordinated_nouns(s: _Sentence, noun: int) -> list[int]:
    """The nouns listed before the noun at i by や / と / 及び (声明発表や糾弾集会)."""
    return [c for c in s.children(noun) if c < noun and s.marker(c) in ("や", "と", "及び", "並びに", "や、")]


def _group(s: _Sentence, p: Predicate) -> list[str]:
    """Two or more actors acting together, marked で (両国で締結した)."""
    for a in reversed(_args_of(p, "で")):
        found = s.head_actors(a.i)
        if len(found) >= 2:
            return found
    return []


def _scene(s: _Sentence, p: Predicate) -> list[str]:
    """Who speaks where a reaction is reported: the actor marked から (ネットユーザーからは),
    else the place of the words marked で / に (ネット掲示板では, コメント欄には; a platform
    no actor names is its state's: 韓国のSNSでは -> Korea, whose public the coder reads),
    else the topic. A platform of one country speaks as its users (ネイバーからは: Korea's)."""
    return _platform_users(s.story, _scene_found(s, p))


def _platform_users(story: _Story, ids: list[str]) -> list[str]:
    """A platform of one country (the actors lexicon's `platforms`: 2ちゃんねる, ネイバー)
    among speakers is its users, that country's internet users (as the linker reads
    ネイバーでは); a world-wide one (ツイッター) stays, a scene whose public the coder reads."""
    out: list[str] = []
    for x in ids:
        actor = story.actors.get(x)
        if _is_platform(story, x) and actor is not None and actor.country and story.kb is not None:
            users = story.kb.sector_id(actor.country, "CVL", "NETIZENS")
            if users in story.kb:
                story.actors.setdefault(users, story.kb.get(users))
                x = users
        if x not in out:
            out.append(x)
    return out


def _scene_found(s: _Sentence, p: Predicate) -> list[str]:
    for cases in (("から",), ("で", "に")):
        for a in reversed(_args_of(p, *cases)):
            found = s.head_actors(a.i) or _platform_state(s, a.i) or _region_state(s, a.i)
            if a.case == "に" and any(x in s.story.actors and s.story.actors[x].type == "PERSON" for x in found):
                continue  # 首相に否定的な意見: whom the words are about, not where they are said
            if found:
                return found
    before = [a for a in s.topics if a.start < p.start]
    for a in reversed(before):
        if a.case in ("から", "で", "に"):
            found = s.head_actors(a.i) or _platform_state(s, a.i)
            if found:
                return found
    for a in reversed(before):
        if a.case == "は":
            found = s.head_actors(a.i)
            if found:
                return found
    return []


def _place_of_words(s: _Sentence, p: Predicate) -> list[str]:
    """Where a reaction in the passive with no agent is voiced (韓国で非難されている, ネット上で
    批判された): the place, platform or state marked で, whose public reacts (a platform of one
    country: its users, `_platform_users`)."""
    for a in reversed(_args_of(p, "で")):
        found = s.head_actors(a.i) or _platform_state(s, a.i) or _region_state(s, a.i)
        if found:
            return _platform_users(s.story, found)
    return []


def _coordinated_name(s: _Sentence, end: int) -> bool:
    """Does a name start right after the と ending at `end` (スマップと香川が: coordination)?"""
    return s.story.text.startswith("と", end) and any(m.start == end + 1 for m in s.mentions)


def _platform_state(s: _Sentence, i: int) -> list[str]:
    """The state owning an internet platform no actor names (韓国のSNS, 中国のサイト)."""
    if not s.tok(i).text.endswith(PLATFORM_NOUNS):
        return []
    actors = s.story.actors
    return [x for x in s.owner_actors(i) if x in actors and actors[x].type in STATE_TYPES][:1]


def _region_state(s: _Sentence, i: int) -> list[str]:
    """The state or place of a word for parts of it (中国各地で, 韓国国内では, 日本全国で)."""
    if s.tok(i).text not in REGION_WORDS:
        return []
    actors = s.story.actors
    return [x for x in s.owner_actors(i) if x in actors and actors[x].type in PLACE_TYPES][:1]


def _scene_how(story: _Story, ids: list[str]) -> str:
    """"scene" when the speakers found are where the words were said, not who said them: a
    state or place (韓国内で波紋を呼んでいる), a platform (ツイッターでは, ネイバーのコメント欄
    では); the coder then reads its public (`frame_coder.roles`). Else "explicit"."""
    def is_scene(x: str) -> bool:
        a = story.actors.get(x)
        return a is not None and (a.type in PLACE_TYPES or _is_platform(story, x))

    return "scene" if ids and all(is_scene(x) for x in ids) else "explicit"


def _standing(s: _Sentence, p: Predicate) -> bool:
    """A relative clause in the ている form describes what its noun is, not an act of the
    story (韓国が領有権を主張している竹島, 対日外交を重視していた外務省): background."""
    gov = p.governor
    if gov is None or gov.kind != "relative" or s.tok(gov.i).text in VOICE_NOUNS:
        return False  # …を批判している書き込み: the voice's act
    if re.fullmatch(r"(?:だ|です|である|であった|だった)?[。！!]?」?", s.story.text[s.tok(gov.i).end : s.sent.end]):
        return False  # 批判が強まっている状態だ: the noun is the sentence's predicate
    return STANDING.search(s.story.text[p.start : p.end]) is not None


def _first_actors(p: Predicate, cases: tuple[str, ...], read) -> list[str]:
    """The actors `read` finds at the first argument marked by one of `cases`, in order of
    preference (the last such argument of a case first)."""
    for case in cases:
        for a in reversed(_args_of(p, case)):
            found = read(a.i)
            if found:
                return found
    return []


def _dative(s: _Sentence, p: Predicate) -> list[str]:
    """に対して > へ > に: the addressee marked in the clause, or in a clause of turning to
    it before the predicate (警察に向かって「…」と叫んだ); else the owner of what is addressed
    (中国の海洋進出に懸念を表明 -> CHN)."""
    cases = ("に対して", "へ", "に")
    turned = [q for q in s.preds if q.governor is not None and q.governor.i == p.i and q.lemma in TURNING_TO and q.end <= p.start]
    return (
        _first_actors(p, cases, s.head_actors)
        or next((found for q in turned if (found := _first_actors(q, ("に", "へ"), s.head_actors))), [])
        or _first_actors(p, cases, s.owner_actors)
    )


def _passive_agent(s: _Sentence, p: Predicate) -> list[str]:
    return _first_actors(p, ("による", "に", "から"), s.head_actors)


def _partners(s: _Sentence, p: Predicate) -> list[str]:
    out: list[str] = []
    for a in _args_of(p, "と"):
        if a.marker.startswith("と") and not any(_is_coordinated(s, a, b) for b in (_subject(s, p), p.object)):
            out += [x for x in _party(s, a.i) if x not in out]
    return out


def _party(s: _Sentence, i: int) -> list[str]:
    """The actors a noun names, an official's owner for an official (日本の外相と: Japan)."""
    return s.head_actors(i) or (s.owner_actors(i) if _is_official(s, i) else [])


def _askers(s: _Sentence, p: Predicate) -> list[str]:
    """Who asked what a statement answers (記者からの質問に答えた, ユーザーの問いかけに返信した):
    the actors marked からの / による / の on a question noun marked に / に対して."""
    for a in _args_of(p, "に", "に対して"):
        if s.tok(a.i).text in QUESTION_NOUNS or s.tok(a.i).lemma_ in QUESTION_NOUNS:
            found = s.inner(a.i, "から", "による") or s.owner_actors(a.i)
            if found:
                return found
    return []


def _interviewer(s: _Sentence, p: Predicate) -> list[str]:
    """The news outlet a statement was given to, marked で or に (韓国紙で…答えた), on the
    verb or on its に-noun (韓国紙でのインタビューに)."""
    heads = [a.i for a in reversed(_args_of(p, "で", "に", ""))]
    heads += [c for a in _args_of(p, "に") for c in s.children(a.i) if c < a.i and s.marker(c).startswith(("で", "に"))]
    for i in heads:
        found = [x for x in s.head_actors(i) if _is_media(x, s.story.actors)]
        if found:
            return found
    return []


# --------------------------------------------------------------------------- attributes


# 〜とは言えない / 言い難い / 思えない / 考えにくい: the writer denies the clause quoted
DENYING_VERBS = ("言う", "思う", "考える", "認める", "言い切る", "断言", "信じる")
HARD_TO = ("難い", "にくい", "辛い", "づらい")


def _denied(s: _Sentence, p: Predicate) -> bool:
    """Is `p` the clause of a denied saying or thinking (批判したとは言えない,
    歓迎されているとは言い難い)? Its polarity turns."""
    gov = p.governor
    if gov is None or gov.kind != "quote" or not gov.marker.endswith(("とは", "とも")):
        return False
    q = s.by_i.get(gov.i)
    if q is None or q.lemma not in DENYING_VERBS:
        return False
    return q.negated or any(a in HARD_TO for a in q.auxiliaries)


def _modality(s: _Sentence, p: Predicate, denied: bool = False) -> str:
    """As stated: hypothetical | intended | reported | asserted (module docstring). A
    denied clause (批判したとは言えない) is the writer's own statement, not a report."""
    stated = _clause_modality(s, p)
    if denied and stated == "reported":
        return "asserted"
    return "reported" if stated == "asserted" and _reported(s) else stated


def _clause_modality(s: _Sentence, p: Predicate) -> str:
    window = s.story.text[p.start : p.end + 8]
    last = s._last_word(p)
    conditional = last is not None and last.conj_form.startswith("仮定形")
    if conditional or s.story.text[p.end : p.end + 2].startswith(CONDITIONAL_MARKERS):
        return "hypothetical"  # 攻撃したら, 攻撃すれば
    if any(w in window for w in SPECULATION) or _moshi_before(s, p):
        return "hypothetical"
    gov = p.governor
    if gov is not None and gov.kind == "adverbial" and gov.marker == "には" and not any(x in ("た", "だ") for x in p.auxiliaries):
        return "hypothetical"  # 撃墜するには…が必要だ: what it would take, not an act
    if "たい" in p.auxiliaries or "うとし" in window or "うとす" in window:
        return "intended"  # 〜したい, 会談しようとしている
    gov = p.governor
    seen = set()
    q = p
    while gov is not None and q.i not in seen:
        seen.add(q.i)
        noun = _Noun(_noun_text(s, gov.i), s.tok(gov.i).lemma_)
        if gov.kind == "adverbial" and (noun.lemma_ == "場合" or gov.marker.endswith(CONDITIONAL_MARKERS)):
            return "hypothetical"
        if gov.kind in ("complement", "intention", "relative", "adverbial") and (noun.lemma_ in HYPOTHETICAL_NOUNS or noun.text in HYPOTHETICAL_NOUNS):
            return "hypothetical"
        if gov.kind in ("intention", "relative", "complement") and (noun.lemma_ in INTENT_NOUNS or noun.text in INTENT_NOUNS):
            return "intended"
        purpose = noun.lemma_ in PURPOSE_NOUNS or noun.text in PURPOSE_NOUNS or gov.marker.startswith(PURPOSE_NOUNS)
        if gov.kind == "adverbial" and purpose and "た" not in p.auxiliaries:
            return "intended"
        if gov.kind == "quote":
            return _quoted(p, q, s.by_i.get(gov.i))
        if gov.kind != "chain":
            return "asserted"
        up = s.by_i.get(gov.i)
        if up is None:
            return "asserted"
        if "たい" in up.auxiliaries:
            return "intended"
        q, gov = up, up.governor
    if q is not p and q.governor is None and s.story.text[q.end : q.end + 8].startswith(SPECULATION):
        return "hypothetical"
    if q.governor is None and s.host is not None:  # a quotation parsed on its own
        outer, host = s.host
        return _quoted(p, q, outer.by_i.get(host))
    return "asserted"


def _reported(s: _Sentence) -> bool:
    """Does the sentence end in a report of hearsay (〜しているというのだ, 〜したとみられる:
    the parse hangs という on the verb)? Then what it states is reported."""
    if s.host is not None:
        return _reported(s.host[0])
    mains = [p for p in s.preds if p.governor is None]
    return bool(mains) and s.story.text[mains[-1].end : mains[-1].end + 12].startswith(REPORTED_ENDINGS)


def _quoted(p: Predicate, q: Predicate, up: Predicate | None) -> str:
    """The modality of p, whose clause q is quoted by the predicate `up`: reported under
    〜とされる / 〜と報じられる / 〜という, intended when its actor announces a non-past act
    (追放すると発表した)."""
    if up is None:
        return "asserted"
    if up.voice == "passive" and up.lemma in REPORT_VERBS_PASSIVE:
        return "reported"
    if up.voice == "active" and up.lemma in REPORT_VERBS_ACTIVE:
        return "reported"
    if up.lemma in ANNOUNCE_VERBS and not any(x in ("た", "だ") for x in p.auxiliaries) and q is p:
        return "intended"
    return "asserted"


@dataclass(frozen=True)
class _Noun:
    text: str
    lemma_: str


def _noun_text(s: _Sentence, i: int) -> str:
    """The noun at i with the words the parse makes part of it (可能 + 性, 見通し)."""
    a = i
    while a - 1 in s.pos and s.head(a - 1) == i and s.dep(a - 1) in ("compound", "amod", "nummod") and not s.marker(a - 1):
        a -= 1
    return "".join(s.tok(k).text for k in range(a, i + 1))


def _moshi_before(s: _Sentence, p: Predicate) -> bool:
    for k in s.idx:
        t = s.tok(k)
        if t.idx >= p.start:
            return False
        if t.lemma_ in MOSHI or t.text in MOSHI:
            return True
    return False


# --------------------------------------------------------------------------- dates


def _clause_of(s: _Sentence, i: int) -> int:
    """The predicate whose clause token i belongs to (the nearest predicate above it)."""
    k = i
    for _ in range(64):
        if k in s.by_i and k != i:
            return k
        h = s.head(k)
        if h == k:
            return k if k in s.by_i else -1
        k = h
    return -1


def _report_dates(p: Predicate, dates: list[tuple[int, DateMention]]) -> list[tuple[int, DateMention]]:
    """The dates of the news report whose content p is (韓国の聯合ニュースは20日、北朝鮮が…を
    非難したと報じた; 21日、朝日新聞は、…と報じた): those before the reported clause's first
    argument that is neither a topic nor a date (北朝鮮が), whatever the parse hangs them on.
    The report is made that day; the act it tells happened then or before (…17日に非難した
    keeps its own date)."""
    gov = p.governor
    if gov is None or gov.kind != "quote" or gov.lemma not in NEWS_REPORTS:
        return []
    spans = [(d.start, d.end) for _, d in dates]
    args = [a.start for a in p.arguments if not a.topic and not any(x < a.end and a.start < y for x, y in spans)]
    first = min(args, default=p.start)
    return [(i, d) for i, d in dates if d.end <= first]


OCCASION_MARKERS = ("で", "において", "にて")  # a noun so marked is where (when) an act happens
# a date set off as the sentence's frame (25年12月には, 20日、), whatever clause the parse hangs it in
TOPIC_DATE = ("には", "は", "にも", "、", ",")


def _describes(s: _Sentence, k: int, p: Predicate) -> bool:
    """Is the predicate at k, other than p, a relative clause (6日から10日の間行った世論調査の
    結果、…と発表した: the poll's dates, not the announcement's), not on the occasion p happens
    at (…に行われた委員会で)? A date set off as the sentence's frame (`TOPIC_DATE`: 25年12月
    には…を釈放する見返に…を解除した) is not its clause's alone."""
    q = s.by_i.get(k)
    if q is None or q is p or q.governor is None or q.governor.kind != "relative":
        return False
    # 昨年12月6日に行われた委員会で…追及した: the occasion p happens at, whose day is p's
    return not s.marker(q.governor.i).startswith(OCCASION_MARKERS)


def _report_day(text: str, sent: Sentence, dates: list[DateMention]) -> DateMention | None:
    """The day a lead sentence says a report was made (韓国の聯合ニュースは20日、…と報じた;
    …の結果が13日、韓国で発表された; 21日、…がインタビューを掲載した): the last date before its
    first verb of reporting, else None."""
    m = REPORTING.search(text, sent.start, sent.end)
    if m is None:
        return None
    found = [d for d in dates if d.end <= m.start()]
    return found[-1] if found else None


def _event_date(s: _Sentence, p: Predicate, start: int, dates: list[tuple[int, DateMention]], story: _Story) -> tuple[str, str]:
    # a date in quoted words dates what they say (「今年の年末までに…」と決意を表明した: the
    # goal), not the act of saying them nor anything outside the quotation
    where = s.quote_of(p.start)
    dates = [(i, d) for i, d in dates if s.quote_of(d.start) in (None, where)]
    report = _report_dates(p, dates)
    if report:  # the report's day dates its content only when nothing else does, as an estimate
        dates = [x for x in dates if x not in report]
        if not any(d.start < start for _, d in dates) and story.para_date is None:
            return calendar_value(report[-1][1].value), "discourse"
    before = [(i, d) for i, d in dates if d.start < start]
    own = [d for i, d in before if _clause_of(s, i) == p.i]
    if own:
        return calendar_value(own[-1].value), "clause"
    before = [(i, d) for i, d in before if not _describes(s, _clause_of(s, i), p) or story.text.startswith(TOPIC_DATE, d.end)]
    if before and _modality(s, p) == "intended":
        # 5月には大阪でデモを行なっており、今後…デモを行い続けるつもりだ: a past date of another
        # clause does not date what is yet to be done
        before = [(i, d) for i, d in before if is_after(calendar_value(d.value), story.published)]
    ongoing = ONGOING.search(story.text[p.start : p.end + 4]) is not None
    if ongoing:
        # 20日、…が追加されたが、韓国では波紋を呼んでいる: the date is the concessive clause's;
        # the stir goes on as the article is written
        kept = [(i, d) for i, d in before if not CONCESSIVE.search(story.text[d.end : p.start])]
        if before and not kept:
            return calendar_value(story.published) or story.published, "present"
        before = kept
    framing = [d for _, d in before if story.text[d.end : d.end + 3].startswith(FRAME_DATE_FOLLOWERS)]
    if framing:
        return calendar_value(framing[-1].value), "clause"
    if before:
        return calendar_value(before[0][1].value), "clause"
    if story.report_date is not None and s.sent.paragraph != story.lead and CITING.search(QUOTED.sub("", story.text[s.sent.start : s.sent.end])):
        # 記事によると / インタビューで / …つもりだという with no date of its own: told by the report
        # the lead names, on its day (an estimate), not on a date carried from an earlier paragraph
        return calendar_value(story.report_date.value), "discourse"
    if story.para_date is not None:
        return calendar_value(story.para_date.value), "discourse"
    # ベラルーシが米政権に接近している (a lead, no date before it): a state holding as the
    # article is written is read at publication ("present"), not guessed from it
    return calendar_value(story.published) or story.published, ("present" if ongoing else "publication")


# --------------------------------------------------------------------------- frames


@dataclass
class _Pending:
    """A relative clause on a voice noun (…を擁護する意見): the act, waiting for the
    speakers the voice's own predicate names (意見も見られた)."""

    fields: dict
    targets: list[str]


class _Reader:
    """Reads one document's frames, sentence by sentence."""

    def __init__(self, story: _Story, lex: JapaneseLexicon):
        self.story, self.lex = story, lex

    def sentence(self, outer: _Sentence, quoted: list[_Sentence], dates: list[DateMention]) -> None:
        """The frames of a sentence (its quotations parsed on their own after it)."""
        self.pending: dict[int, _Pending] = {}
        self.indices: dict[int, int] = {}  # predicate token -> frame index
        self.voice_from = outer.sent.start  # where the words of the next voice may start
        self.voice_target: tuple[int, list[str]] = (-1, [])  # the last voice's target in the sentence
        self.requests: list[tuple[int, int]] = []  # (frame index, token of the demanding verb)
        for s in [outer, *quoted]:
            if s.host is not None and _is_question(self.story.text[s.ps.start - 1 : s.ps.end + 1]):
                continue  # 「…殴ってもいいのか」: a question asserts no act
            if s.host is not None and demand_of(self.story.text[s.ps.start : s.ps.end]):
                continue  # 「首相は謝罪せよ」: an order asserts no act (the words are a demand)
            if s.host is not None and _voice_words(self.story.text, s.ps.end, outer.sent.end):
                continue  # 「…を爆撃しろ」などの意見: an opinion, coded as the voice's act
            if s.host is not None and re.match(r"[」』]の", self.story.text[s.ps.end : s.ps.end + 2]):
                continue  # 「侵攻を受けた際の避難訓練」の様子: a title names something, it asserts no act
            self.unit(s, dates)
        self._link_requests()
        self._topic(outer)

    def unit(self, s: _Sentence, dates: list[DateMention]) -> None:
        self.dates = [(s.idx[min(bisect.bisect_left(s.positions, d.start), len(s.idx) - 1)], d) for d in dates]
        self.asked: dict[int, str] = {}  # demanding predicate -> the clause asked for
        for p in s.preds:
            if p.governor is not None and p.governor.kind == "request":
                self.asked[p.governor.i] = s.story.text[p.start - _clause_len(s, p) : p.end]
        for p in s.preds:
            quote = s.quote_of(p.start)
            if quote is not None and _is_question(s.story.text[quote[0] : quote[1]]):
                continue  # 「…殴ってもいいのか」: a question asserts no act
            self.predicate(s, p)

    # one predicate
    def predicate(self, s: _Sentence, p: Predicate) -> None:
        lex = self.lex
        if p.kind == "noun" and not _ends_sentence(s, p):
            return  # an act noun is read with the verb that carries it
        if (p.kind == "adjective" and not _carrying_adjective(s, p, lex)) or _standing(s, p):
            return
        if _on_sign(s, p):
            return  # 領有権を主張したボードを掲げた: the board's words; raising it is the act
        trig = self._verb_trigger(s, p)
        obj = p.object
        nominal_obj = obj is not None and s.tok(obj.i).text not in CLAUSAL_OBJECTS and obj.relation != "ccomp"
        if trig is not None:
            text = trig.prefix + self._object_text(s, p)
            probe = self._frame(s, p, trig, text, (), "")
            entry = lex.entry(probe)  # (声明を発表した: no row; the support verb reads 声明)
            if entry is not None and "active_only" in entry.flags and p.voice != "active":
                return  # 認められた, 認めさせた: recognised by others, made to admit
            if entry is not None:
                self._verbal(s, p, trig, entry, text)
                return
        support = lex.support(p.lemma) or lex.support(s.tok(p.i).lemma_)
        if support and obj is None and p.lemma in DATIVE_CARRIERS:
            p = self._act_goal(s, p)  # 首脳会談に臨んだ, 逮捕に踏み切った: the に-noun is the act
            obj = p.object
            nominal_obj = obj is not None
        if support and p.lemma in DO and not _does_act(s, p):
            return  # 問題を複雑にした, どんな発言をするか: する carries no act here
        if support:
            obj = self._act_object(s, p) or obj
            self._nominal(s, p, support, obj if nominal_obj else None)

    def _act_goal(self, s: _Sentence, p: Predicate) -> Predicate:
        """p with its first に-phrase naming an act read as the object the verb carries."""
        for a in _args_of(p, "に"):
            if act_noun(s, a.i, self.lex)[0] is not None:
                goal = dataclasses.replace(a, case="を", relation="obj")
                return dataclasses.replace(p, arguments=tuple(goal if b is a else b for b in p.arguments))
        return p

    def _act_object(self, s: _Sentence, p: Predicate) -> Argument | None:
        """Of several を-phrases, the one naming an act (日本政府を相手に訴訟を起こした: 訴訟)."""
        objects = [a for a in p.arguments if a.case == "を"]
        if len(objects) < 2:
            return None
        return next((a for a in reversed(objects) if act_noun(s, a.i, self.lex)[0] is not None), None)

    def _verb_trigger(self, s: _Sentence, p: Predicate) -> _Trigger | None:
        if p.kind in ("sahen", "noun"):
            return noun_trigger(s, p.i, self.lex)
        if p.lemma in DO and _states(s, p):
            return _Trigger(STATING, "", p.i, p.i)  # 「…」とした, …ないとしている: a statement
        first = p.i - (len(p.lemma) - len(s.tok(p.i).lemma_) > 0)
        tok = s.tok(p.i)
        for key in (p.lemma, tok.lemma_, written_lemma(tok.text, tok.lemma_)):
            if self.lex.has(key):
                return _Trigger(key, "", first if key == p.lemma else p.i, p.i)
        return None

    def _object_text(self, s: _Sentence, p: Predicate) -> str:
        """What the row's pattern reads: the を-phrase (or the clause asked for), and a
        に-phrase naming no actor (停戦に合意)."""
        obj = p.object
        text = phrase_text(s, obj.i) if obj is not None else self.asked.get(p.i, "")
        for a in _args_of(p, "に", "に対して"):
            if not s.head_actors(a.i):
                text += phrase_text(s, a.i)
                break
        if p.lemma in AGREEING:
            text += _agreed_on(s, p)
        return text

    def _frame(self, s: _Sentence, p: Predicate, trig: _Trigger, text: str, args, support: str, **kw) -> Frame:
        t0, t1 = s.tok(trig.first), s.tok(trig.last)
        particles = frozenset(a.case for a in p.arguments if a.case and not (a.case == "を" and s.tok(a.i).text in CLAUSAL_OBJECTS))
        if support:
            particles = frozenset()
        fields = dict(
            index=len(self.story.frames),
            sentence_id=s.sent.sentence_id,
            sentence_kind=s.sent.kind,
            start=t0.idx,
            end=t1.end,
            trigger=self.story.text[t0.idx : t1.end],
            lemma=trig.key,
            particles=particles,
            object_text=text or " ",
            args=tuple(args),
            support=support,
            voice="passive" if p.voice in ("passive", "causative_passive") else "active",
        )
        fields.update(kw)
        return Frame(**fields)

    def _emit(self, s: _Sentence, p: Predicate, frame: Frame) -> None:
        date, source = _event_date(s, p, frame.start, self.dates, self.story)
        denied = _denied(s, p)
        frame = dataclasses.replace(
            frame,
            index=len(self.story.frames),
            polarity="negated" if p.negated != denied else "affirmed",
            modality=_modality(s, p, denied),
            date=date,
            date_source=source,
        )
        gov = p.governor
        if gov is not None and (gov.kind == "request" or gov.marker == AGREED_ON):
            self.requests.append((frame.index, gov.i))  # its governor is emitted after it
        self.indices.setdefault(p.i, frame.index)
        self.story.frames.append(frame)

    def _link_requests(self) -> None:
        """An act asked for (撤退するよう求めた) or agreed on (解除することで合意した) is the
        complement of the demand's or the agreement's frame."""
        frames = self.story.frames
        for k, gov_i in self.requests:
            if gov_i in self.indices:
                frames[k] = dataclasses.replace(frames[k], governor=self.indices[gov_i], governor_rel="complement")

    def _verbal(self, s: _Sentence, p: Predicate, trig: _Trigger, entry: LexEntry, text: str) -> None:
        story = self.story
        loc = _location(s, p)
        args: list[Arg] = []
        if loc:
            args.append(Arg("location", (loc,), marker="で"))
        subj = _subject(s, p)
        if entry.frame == "stir":  # 〜で波紋を呼んでいる: the people there react to the subject
            speakers = _scene(s, p)
            args += [Arg("agent", tuple(speakers), _scene_how(story, speakers))] if speakers else []
            # a newspaper reporting it is not what stirs (…と報じ、物議を醸している): the act
            # reported is, found by the reaction-target rule
            target = [x for x in s.head_actors(subj.i) if not _is_media(x, story.actors)] if subj is not None else []
            spans = _statement_quotes(s, p, STIR_WINDOW)
            if not target and spans:  # 「日本が核武装を企んでいる」と、ネットで波紋を呼んでいる: Japan
                target = self._quoted_party(s, spans[0][0], spans[-1][1], speakers)
            args += [Arg("patient", tuple(target))] if target else []
            self._emit(s, p, self._frame(s, p, trig, text, args, ""))
            return
        agent, how = _subject_actors(s, p, story)
        movement = _movement(s, p) if not agent else None
        if movement is not None:  # 掲示板では、…と呼びかける動きが出始めた: the people there
            agent = _scene(s, movement)
            how = _scene_how(story, agent)
            if agent:
                story.last_speakers = (story.para, agent, how)
        stated = trig.key == STATING and p.lemma in DO  # 「…」としている (not 述べた: its speaker is named)
        document = _document(s, p) if trig.key in NEWS_REPORTS + ("紹介",) or stated else None
        if document is not None and not (agent and all(_is_media(x, story.actors) for x in agent) and not s.owner_actors(document)):
            # 記事では、北朝鮮は…と伝えた: the article reports, not 北朝鮮 (a paper reporting in
            # its own article stays: デイリー・メールは、記事で…とした)
            agent, how = s.owner_actors(document), "explicit"
        cited = _cited(s, p) if stated else None
        if cited is not None:  # 同記事によれば、浅田は…としている: the article says it
            agent, how = s.head_actors(cited) or s.owner_actors(cited), "explicit"
        if entry.frame == "sym":
            side_a = _group(s, p) or list(dict.fromkeys(agent))
            obj = p.object
            inside = s.inner(obj.i, "と") + _with(s, obj.i) if obj is not None else []
            for a in _args_of(p, "で"):  # 日本の外相と電話で会談した: the parse hangs the と-party on 電話
                inside += _with(s, a.i)
            side_b = [x for x in dict.fromkeys(_partners(s, p) + inside) if x not in side_a]
            args += [Arg("agent", tuple(side_a), how or "explicit")] if side_a else []
            args += [Arg("partner", tuple(side_b), marker="と")] if side_b else []
            self._emit(s, p, self._frame(s, p, trig, text, args, ""))
            return
        if p.voice in ("passive", "causative_passive"):
            source = _passive_agent(s, p)
            if not source and trig.key in NEWS_REPORTS:  # 韓国メディアで報道された: the media report
                source = [x for x in _first_actors(p, ("で",), s.head_actors) if _is_media(x, story.actors)]
            obj = p.object
            if not source and obj is not None:
                source = s.inner(obj.i, "による", "から")
            target = s.head_actors(subj.i) if subj is not None else []
            if not target and subj is not None:  # 首相の発言が報道された: about the prime minister
                target = [x for x in s.owner_actors(subj.i) if x not in source]
            source_how = "explicit"
            if not source and entry.code[:2] in PUBLIC_REACTIONS and not p.negated:  # 韓国で非難されている: its public
                source = [x for x in _place_of_words(s, p) if x not in target]
                source_how = _scene_how(story, source)
            args += [Arg("agent", tuple(source), source_how)] if source else []
            args += [Arg("patient", tuple(target))] if target else []
            self._emit(s, p, self._frame(s, p, trig, text, args, ""))
            return
        args += [Arg("agent", tuple(agent), how)] if agent else []
        if entry.frame == "demand":
            target = _dative(s, p) or self._addressee_below(s, p)
            obj = p.object
            if not target and obj is not None:
                target = s.inner(obj.i, "で", "へ", "に対して") or _holder(s, obj, agent)
            if not target:  # 記者が釈放を求めたところ、報道官は…: the spokesman was asked
                target = [x for x in _responder(s, p) if x not in agent]
            args += [Arg("recipient", tuple(target), marker="に")] if target else []
            frame = self._frame(s, p, trig, text, args, "")
            head = self._voice_head(s, p)
            if head is not None and not agent:  # …の不買を呼びかける声が相次いだ: the voice's speakers ask
                self.pending[head] = _Pending(dataclasses.asdict(frame) | {"args": frame.args}, target)
                return
            self._emit(s, p, frame)
            self._asked_noun(s, p)
            return
        fixed = entry.fixed_target
        target = [fixed] if fixed else _dative(s, p)
        if "object_target" in entry.flags and p.object is not None:  # 大統領を日本に招待した: the president
            target = _object_party(s, p, p.object) or target
        if p.voice == "causative" and not _args_of(p, "に対して", "へ"):
            target = []  # 日本に釈放させた: the に-party is made to act, not the target
        obj = p.object or _stray_object(s, p)
        if not target and obj is not None and s.tok(obj.i).text not in CLAUSAL_OBJECTS:
            target = _object_actors(s, p, obj) or s.inner(obj.i, "へ", "に対して") or s.inner(obj.i, "と") or [
                x for x in s.owner_actors(obj.i) if x not in agent
            ]
        if not target and obj is None:  # 記者を逮捕し、国外に追放した: one object, two acts
            target = [x for x in _chained_object(s, p) if x not in agent]
        if not target:
            target = [x for x in self._compound_actors(s, trig) if x not in agent]
        if not target:  # 北朝鮮への制裁に踏み切った: the party of the act named by the に-phrase
            target = [x for a in _args_of(p, "に") for x in s.inner(a.i, "へ", "に対して", "と") if x not in agent]
        if not target and entry.code.startswith(PROTEST_CODES):
            target = [x for x in _protested_at(s, p) if x not in agent]
        if not target:
            target = [x for x in _partners(s, p) if x not in agent]
        if not target and entry.code.startswith(ADDRESSED_CODES):  # 抗議したところ、店主が…返した
            target = [x for x in _responder(s, p) if x not in agent]
        if not target and obj is not None:
            target = self._labelled_party(s, obj, agent)
        if not target and entry.code[:2] == "01":  # 記者からの質問に…と答えた: the one who asked
            target = [x for x in _askers(s, p) if x not in agent]
        if not target and entry.code[:2] in WORDS_ROOTS:  # 北朝鮮が…を上げていることについて分析した
            target = [x for x in self._reacted_agents(s, p) if x not in agent]
        spans = _statement_quotes(s, p) if entry.code == "010" and s.host is None else []
        quoted = "".join(story.text[a + 1 : b - 1] for a, b in spans)
        cue = voice_code(quoted) if quoted else ""
        if not target and cue:  # 「田村淳…黙れ」とツイートした: at whom the cue words are
            target = self._cued_party(s, spans, cue, agent)
        if not target and spans:
            target = self._quoted_party(s, spans[0][0], spans[-1][1], agent)
        if not target and cue[:2] == "10":  # 大使館前で「…を中止せよ」と叫んだ: asked of whom it faces
            target = [x for x in _protested_at(s, p) if x not in agent]
        if not target and entry.code.startswith("01"):
            target = [x for x in _interviewer(s, p) if x not in agent]  # 韓国紙「中央日報」でインタビューに答えた
        if not target and "answers" in entry.flags:
            target = self._answered(s, agent)
        if entry.frame == "consider" and obj is not None:
            content = s.all_actors(obj.start, obj.end)
            args += [Arg("content", tuple(content), "np")] if content else []
        if entry.code.startswith("01") and len(target) > 1:  # 同氏は日中関係を語った: about China
            others = [x for x in target if not _own_state(story.actors, x, agent)]
            target = others or target
        args += [Arg("patient", tuple(target))] if target else []
        if trig.key in NEWS_REPORTS and agent and all(_is_media(x, story.actors) for x in agent) and self._reports_an_act(s, p):
            return  # 聯合ニュースは、農民が来日しデモを行ったと報じた: the act is the event, coded or not
        frame = self._frame(s, p, trig, text, args, "", quoted=quoted)
        head = self._voice_head(s, p)
        if head is not None and not agent:
            self.pending[head] = _Pending(dataclasses.asdict(frame) | {"args": frame.args}, target)
            return
        self._emit(s, p, frame)
        if entry.code[:2] in REACTION_ROOTS:
            self._reacted_noun(s, p, agent)
        if spans and agent:
            coded = (self.lex.entry(frame) or entry).code
            self._quote_voices(s, p, trig, "", spans, (coded, target), [a for a in args if a.role != "patient"], plain=entry.code == "010", addressee=_dative(s, p))
        if entry.frame == "consider":
            self._asked_noun(s, p)

    def _voiced_party(self, s: _Sentence, end: int, speakers: list[str]) -> list[str]:
        """Whom the words a voice quotes before `end` name most (「日本人が…」など、…に疑問を
        呈するユーザーが目立った: the Japanese), when words in words have no target."""
        spans = [(a, b) for a, b in s.quotes if b <= end and _voice_words(self.story.text, b, s.sent.end)]
        return self._quoted_party(s, spans[0][0], spans[-1][1], speakers) if spans else []

    def _answered(self, s: _Sentence, agent: list[str]) -> list[str]:
        """Whom an answer with no target written answers (田村は…を批判しているが、反論する
        ユーザーには…: Tamura): the speaker of the last words in the paragraph (a statement,
        criticism, demand or threat, CAMEO roots 01, 10-13) by someone else."""
        for f in reversed(self.story.frames):
            if f.sentence_id < s.sent.sentence_id - ANSWER_SENTENCES:
                break
            entry = self.lex.entry(f)
            speakers = [x for x in f.actors("agent") if x not in agent]
            if entry is not None and entry.code[:2] in WORDS_ROOTS and speakers:
                return speakers
        return []

    def _reports_an_act(self, s: _Sentence, p: Predicate) -> bool:
        """Does what p reports (…と報じた: the clauses under it, the nouns they modify and the
        act nouns in them) name an act the lexicon knows (a verb, or an act noun a support
        verb carries)?"""
        inside = set(_subtree(s, p.i)) - {p.i}
        for q in s.preds:
            if q.i in inside and q.start < p.start:
                trig = self._verb_trigger(s, q)
                if trig is not None and self.lex.entry(self._frame(s, q, trig, self._object_text(s, q), (), "")) is not None:
                    return True
                obj = q.object
                if obj is not None and (self.lex.support(q.lemma) or self.lex.support(s.tok(q.i).lemma_)) and act_noun(s, obj.i, self.lex)[0] is not None:
                    return True
        return False

    def _asked_noun(self, s: _Sentence, p: Predicate) -> None:
        """The act a demand or consideration names by its object noun (政治犯の釈放を求めた,
        制裁の発動を検討している), as the complement of the frame just emitted: coded, as
        demanded / considered, only when the coder is asked for embedded acts."""
        obj = p.object
        if obj is None or s.tok(obj.i).text in CLAUSAL_OBJECTS:
            return
        trig, noun = act_noun(s, obj.i, self.lex)
        if trig is None:
            return
        text = phrase_text(s, noun)
        probe = self._frame(s, p, trig, text, (), "light")
        entry = self.lex.entry(probe)
        if entry is None or entry.frame in ("demand", "consider"):
            return
        agent = s.inner(noun, "による", "から")
        target = s.inner(noun, "へ", "に対して") or s.owner_actors(noun)
        args = [Arg("agent", tuple(agent), "np")] if agent else []
        args += [Arg("patient", tuple(target), "np")] if target else []
        frame = dataclasses.replace(probe, args=tuple(args), voice="active")
        host = len(self.story.frames) - 1
        self._emit(s, p, frame)
        k = len(self.story.frames) - 1
        self.story.frames[k] = dataclasses.replace(self.story.frames[k], governor=host, governor_rel="complement")

    def _reacted_noun(self, s: _Sentence, p: Predicate, agent: list[str]) -> None:
        """The act a reaction names by its object or its に-phrase (李大統領の竹島上陸を批判した,
        首相の靖国参拝に抗議した): done, whoever reacts to it. Its agent is the による-phrase
        (韓国当局による逮捕), else the genitive when the act names its target in its compound
        or by へ (竹島上陸, 靖国参拝, 日本への謝罪); a genitive alone may be its patient (記者の
        逮捕) and names no agent. Words reacted to (首相の発言を批判した) are not coded here."""
        for a in [*([p.object] if p.object is not None else []), *_args_of(p, "に", "に対して")]:
            if s.tok(a.i).text in CLAUSAL_OBJECTS:
                continue
            trig, noun = act_noun(s, a.i, self.lex)
            if trig is None:
                continue
            probe = self._frame(s, p, trig, phrase_text(s, noun), (), "light")
            entry = self.lex.entry(probe)
            if entry is None or entry.frame in ("demand", "consider", "stir", "sym") or entry.code[:2] in WORDS_ROOTS:
                continue
            target = s.inner(noun, "へ", "に対して") or self._compound_actors(s, trig)
            source = s.inner(noun, "による") or (s.owner_actors(noun) if target else [])
            source = [x for x in source if x not in agent and x not in target]
            if not source:
                continue
            args = [Arg("agent", tuple(source), "np")] + ([Arg("patient", tuple(target), "np")] if target else [])
            self._emit(s, p, dataclasses.replace(probe, args=tuple(args), voice="active"))
            return

    def _addressee_below(self, s: _Sentence, p: Predicate) -> list[str]:
        """The party asked, when the parse hangs it on the act asked for (中国は日本に対し、
        撤退するよう求めた: 日本に対し under 撤退; ロシアに攻撃を控えるよう: the first に-actor)."""
        for q in s.preds:
            if q.governor is not None and q.governor.kind == "request" and q.governor.i == p.i:
                for case in ("に対して", "へ", "に"):
                    for a in sorted(_args_of(q, case), key=lambda a: a.start):
                        found = s.head_actors(a.i)
                        if found:
                            return found
        return []

    def _compound_actors(self, s: _Sentence, trig: _Trigger) -> list[str]:
        """Actors written in the compound before the trigger (対日批判, 日米会談)."""
        a = s.noun_start(trig.first)
        return [x for k in range(a, trig.first) for x in s.story.tok_actors.get(k, ())]

    def _voice_head(self, s: _Sentence, p: Predicate) -> int | None:
        """The voice noun a relative clause modifies (…を擁護する意見), if any."""
        gov = p.governor
        if gov is not None and gov.kind == "relative" and (s.tok(gov.i).text in VOICE_NOUNS or s.tok(gov.i).lemma_ in VOICE_NOUNS):
            return gov.i
        return None

    def _nominal(self, s: _Sentence, p: Predicate, support: str, obj: Argument | None) -> None:
        """An act named by a noun and carried by a support verb."""
        story, lex = self.story, self.lex
        passive = p.voice in ("passive", "causative_passive")
        if support in ("happen", "voice") or (passive and support == "light" and obj is None):
            subj = _subject(s, p, act=True) or next((a for a in p.arguments if a.topic), None)
            if subj is None:
                return
            trig, noun = act_noun(s, subj.i, lex)
            head_noun = s.tok(subj.i)
            if support == "voice" and head_noun.text not in VOICE_NOUNS and not self._asks(s, p, subj.i, support):
                return  # 「…」との声もある is a voice, 「…」という助言もあった a request; 疑問がある is no act
            pending = self.pending.pop(subj.i, None)
            if trig is None and pending is None:
                return
            speakers = s.inner(noun, "による", "から") or self._unquoted_owners(s, noun)
            how = "explicit"
            if not speakers and support == "voice" and head_noun.text not in VOICE_NOUNS:
                return  # 助言もあった: asked by whom the noun names, not by the crowd of a scene
            if not speakers:
                speakers = _scene(s, p)
                how = _scene_how(story, speakers)
            if speakers:
                story.last_speakers = (story.para, speakers, how)
            elif story.last_speakers is not None and story.para - story.last_speakers[0] <= 1:
                # the place where the last voices were heard is still where (scene)
                speakers, how = story.last_speakers[1], "scene" if story.last_speakers[2] == "scene" else "discourse"
            target = s.inner(noun, "へ", "に対して")
            if not target:
                addressee = _dative(s, p)
                if not set(addressee) & set(speakers):
                    target = addressee
            voice_from, self.voice_from = self.voice_from, s.tok(noun).end
            if not target:  # 韓国当局による逮捕は「行き過ぎ」とする意見: what the voice is about
                target = self._voice_topic(s, p, noun, speakers)
            if not target:  # …と述べたことに対して、批判が相次いだ: at whoever said it
                target = [x for x in self._reacted_agents(s, p) if x not in speakers]
            contrast = not target and self._contrasted(s, voice_from, s.tok(noun).idx)
            if contrast:  # …を支持する意見が多い一方、「…」など批判的な意見も: about the same party
                target = list(self.voice_target[1])
            if not target and not contrast and trig is not None and trig.key in VOICE_NOUNS:  # 「…パク選手は憲章に違反した」
                spans = [(a, b) for a, b in s.quotes if voice_from <= a and b <= s.tok(noun).idx]
                cue = voice_code(self._quoted_before(s, voice_from, s.tok(noun).idx))
                target = self._cued_party(s, spans, cue, speakers, fallback=False) if cue and spans else []
            if not target and trig is not None and trig.key not in VOICE_NOUNS:
                # 日本製品の不買運動が広がった, 反日デモが起きた: the party the act noun is about
                target = [x for x in dict.fromkeys(s.owner_actors(noun) + self._compound_actors(s, trig)) if x not in speakers]
            if not target and not contrast:  # 「日本は昔、同じことをやった」などの意見: about whom the words speak
                target = self._quoted_party(s, voice_from, s.tok(noun).idx, speakers)
            self.voice_target = (s.sent.sentence_id, (pending.targets if pending is not None else None) or target)
            loc = _location(s, p)
            if pending is not None:  # …を擁護する意見も見られた: the clause names the act
                args = [a for a in pending.fields["args"] if a.role != "agent"]
                if speakers:
                    args.insert(0, Arg("agent", tuple(speakers), how))
                if not pending.targets and target:
                    args.append(Arg("patient", tuple(target)))
                frame = Frame(**(pending.fields | {"args": tuple(args)}))
                self._emit(s, p, frame)
                return
            text = phrase_text(s, noun)
            if trig.key in VOICE_NOUNS:  # the words quoted before the voice decide its code
                text = self._quoted_before(s, voice_from, s.tok(trig.first).idx)
                said = self._voice_modifier(s, voice_from, s.tok(trig.first).idx)
                text = said or text  # …に批判的なコメント: what the writer says the voice does
            entry = lex.entry(self._frame(s, p, trig, text, (), support))
            if entry is None:
                return
            args: list[Arg] = [Arg("location", (loc,))] if loc else []
            if entry.frame == "sym":
                side_a = [x for x in dict.fromkeys(s.head_actors(noun) + s.owner_actors(noun)) if x != loc]
                side_b = [x for x in dict.fromkeys(s.inner(noun, "と") + _partners(s, p)) if x not in side_a]
                args += [Arg("agent", tuple(side_a), "np")] if side_a else []
                args += [Arg("partner", tuple(side_b), "np")] if side_b else []
            else:
                args += [Arg("agent", tuple(speakers), how)] if speakers else []
                args += [Arg("patient", tuple(target))] if target else []
            self._emit(s, p, self._frame(s, p, trig, text, args, support))
            if entry.frame != "sym" and speakers and not contrast:  # (the other side is about the same party)
                spans = [(a, b) for a, b in s.quotes if voice_from <= a and b <= s.tok(noun).idx]
                self._quote_voices(s, p, trig, support, spans, (entry.code, target), [*args[: bool(loc)], Arg("agent", tuple(speakers), how)])
            return
        if obj is None:
            return
        trig, noun = act_noun(s, obj.i, lex)
        if trig is None:
            return
        for c in _coordinated_nouns(s, noun):  # 声明発表や糾弾集会を行った: each act
            other, c_noun = act_noun(s, c, lex)
            if other is not None:
                self._carried(s, p, support, other, c_noun, passive)
        self._carried(s, p, support, trig, noun, passive)

    def _carried(self, s: _Sentence, p: Predicate, support: str, trig: _Trigger, noun: int, passive: bool) -> None:
        """The act named by the noun a support verb carries (会談を行った, 批判を受けた)."""
        story, lex = self.story, self.lex
        text = phrase_text(s, noun)
        entry = lex.entry(self._frame(s, p, trig, text, (), support))
        if entry is None or entry.frame in ("demand", "consider"):
            return
        agent, how = _subject_actors(s, p, story)
        loc = _location(s, p)
        args = [Arg("location", (loc,))] if loc else []
        np_agent = s.inner(noun, "による", "から")
        if support in ("obtain", "receive"):
            source = np_agent or _passive_agent(s, p) or s.owner_actors(noun)
            args += [Arg("agent", tuple(source), "np")] if source else []
            args += [Arg("patient", tuple(agent), how)] if agent else []
        elif entry.frame == "sym":
            side_a = _group(s, p) or list(dict.fromkeys(agent + s.head_actors(noun)))
            side_b = [x for x in dict.fromkeys(_partners(s, p) + s.inner(noun, "と") + _with(s, noun)) if x not in side_a]
            args += [Arg("agent", tuple(side_a), how or "np")] if side_a else []
            args += [Arg("partner", tuple(side_b), marker="と")] if side_b else []
        elif passive:  # 女性が男に暴行を加えられた: the subject suffers the act, the に-party does it
            source = np_agent or _passive_agent(s, p)
            args += [Arg("agent", tuple(source), "np" if np_agent else "explicit")] if source else []
            args += [Arg("patient", tuple(agent), how)] if agent else []
        else:
            source = np_agent or agent
            target = _dative(s, p) or s.inner(noun, "へ", "に対して") or [x for x in s.owner_actors(noun) if x not in source]
            if not target:  # 日本政府を相手に訴訟を起こした: the party in the other を-phrase
                target = [x for a in p.arguments if a.case == "を" and a.i != noun for x in s.head_actors(a.i) if x not in source]
            if not target and (entry.code.startswith(PROTEST_CODES) or entry.code[:2] in WORDS_ROOTS):
                # (大使館前での声明発表: words said in front of an institution are addressed to it)
                target = [x for x in _protested_at(s, p, noun) if x not in source]
            if not target and entry.code[:2] in WORDS_ROOTS:
                target = self._voiced_party(s, s.tok(trig.first).idx, source)
            args += [Arg("agent", tuple(source), "np" if np_agent else how)] if source else []
            args += [Arg("patient", tuple(target))] if target else []
            head = self._voice_head(s, p)
            if head is not None and not source:  # …に疑問を呈する声が殺到: the voice's act
                frame = self._frame(s, p, trig, text, args, support)
                self.pending[head] = _Pending(dataclasses.asdict(frame) | {"args": frame.args}, target)
                return
        self._emit(s, p, self._frame(s, p, trig, text, args, support))

    def _quote_voices(self, s: _Sentence, p: Predicate, trig: _Trigger, support: str, spans, coded: tuple[str, list[str]], args: list[Arg], plain: bool | None = None, addressee: list[str] | None = None) -> None:
        """A voice quoting several people's words (「…日本人も気をつけろ！」「…無能」などの声)
        is one act per quotation that says something else of someone else: each quotation
        with a cue of its own (`voice_cues.tsv`) and a party named closest to it is a voice
        with that code and target, beside the voice's act (`coded`: its code and target). A
        voice whose noun names its act (怒りの声, 批判) takes only cues of the same kind of act
        (CAMEO quad class: a threat in angry voices, not praise). So is a speaker's statement
        quoting several sentences (「…」「…」と述べた: `support` "", `plain` when its verb says
        nothing more than 010)."""
        if len(spans) < 2:
            return
        code, target = coded
        plain = trig.key in VOICE_NOUNS if plain is None else plain
        speakers = next((list(a.actors) for a in args if a.role == "agent"), [])
        done = {(code, tuple(target))}
        for a, b in spans:
            words = self.story.text[a + 1 : b - 1]
            cue = voice_code(words)
            if not cue or (not plain and quad_class(cue) != quad_class(code)):
                continue  # 批判が殺到: the quotations are criticism, whatever word of praise they use
            if addressee and cue[:2] in ("02", "10"):
                party = addressee  # 警察に向かって「大使館につなげてくれ!」: asked of the police
            else:
                party = self._cued_party(s, [(a, b)], cue, speakers, fallback=False, recipients_aside=True)
            if not party or (cue, tuple(party)) in done:
                continue
            done.add((cue, tuple(party)))
            if support:
                frame = self._frame(s, p, _Trigger(QUOTED_VOICE, "", trig.first, trig.last), words, [*args, Arg("patient", tuple(party))], support)
            else:  # a statement: its own verb, coded by the quotation's words (Frame.quoted)
                frame = self._frame(s, p, trig, " ", [*args, Arg("patient", tuple(party))], "", quoted=words)
            self._emit(s, p, frame)

    def _asks(self, s: _Sentence, p: Predicate, i: int, support: str) -> bool:
        """Does the noun at i name words that ask something of someone (助言, 要請, 要求:
        CAMEO roots `ASKING_ROOTS`), so that its being there (…という助言もあった, …から
        要請があった) is the act?"""
        trig, noun = act_noun(s, i, self.lex)
        if trig is None:
            return False
        entry = self.lex.entry(self._frame(s, p, trig, phrase_text(s, noun), (), support))
        return entry is not None and entry.code[:2] in ASKING_ROOTS

    def _voice_modifier(self, s: _Sentence, voice_from: int, noun_at: int) -> str:
        """The words after the last quotation before a voice noun when they say what the
        voice does (「…」など、橋下氏の主張に批判的なコメント, 懐疑的な意見, 悪意あるコメント: a cue of
        `voice_cues.tsv`), else ''. They outweigh the cue words of the quotations."""
        start = max([b for a, b in s.quotes if voice_from <= a and b <= noun_at], default=voice_from)
        words = self.story.text[start:noun_at]
        return words if any(w in words for w in VOICE_MODIFIERS) else ""

    def _contrasted(self, s: _Sentence, voice_from: int, noun_at: int) -> bool:
        """Is this voice the other side of one before it in the sentence (「…」と支持する意見が
        多い一方、「…」など批判的な意見も目立つ: 一方 between them)? Opinions set against each
        other are about the same party, not whoever their quoted words name."""
        if self.voice_target[0] != s.sent.sentence_id:
            return False
        between = self.story.text[voice_from:noun_at]
        first_quote = min((a for a, b in s.quotes if voice_from <= a < noun_at), default=noun_at)
        return CONTRAST in between[: first_quote - voice_from + 1]

    def _reacted_agents(self, s: _Sentence, p: Predicate) -> list[str]:
        """Who did what a reaction answers when the reaction names it by a clause (…と述べた
        ことに対して批判が相次いだ, 首相が…を訪問したことに反発の声: the subject of the clause
        made a noun by こと / の and marked に対して / について / への / に, on p or, as the
        parse may hang it elsewhere, before p in its sentence)."""
        nouns = [a.i for a in p.arguments if a.case in REACTED_CASES]
        nouns += [k for k in s.idx if s.tok(k).idx < p.start and k not in nouns and s.marker(k).startswith(REACTED_MARKERS)]
        for k in nouns:
            if s.tok(k).text not in CLAUSAL_OBJECTS:
                continue
            for q in s.preds:
                if q.governor is not None and q.governor.i == k and q.start < s.tok(k).idx:
                    found, _how = _subject_actors(s, q, self.story)
                    found = [x for x in found if x in self.story.actors and self.story.actors[x].type not in PLACES_ONLY]
                    if found:  # (a place does not act: 大阪市長が…打ち出したことに is the mayor's)
                        return found
                    if self.story.text.startswith(SAYING, q.start):  # …の意見を述べたことに対して: said by
                        return self._answered(s, [])  # the last speaker before (a subject unwritten)
        return []

    def _voice_topic(self, s: _Sentence, p: Predicate, noun: int, speakers: list[str]) -> list[str]:
        """The party a voice's clause is about: its は-topic before the voice, not the speakers
        (日本政府の対応は「ひどい」との声が相次いだ; 当局による逮捕は…とする意見: the one who
        arrested)."""
        for a in reversed([a for a in p.arguments if a.topic and a.case == "は" and a.start < s.tok(noun).idx]):
            found = s.head_actors(a.i) or s.inner(a.i, "による") or s.owner_actors(a.i)
            found = [x for x in found if x not in speakers]
            if found:
                return found
        return []

    def _unquoted_owners(self, s: _Sentence, noun: int) -> list[str]:
        """The genitive actors of a voice noun, leaving out quoted words (「韓国が言うなよ」
        といった声: Korea is said, not saying)."""
        out: list[str] = []
        for c in s.children(noun):
            if c < noun and s.marker(c) == "の" and s.quote_of(s.tok(c).idx) is None:
                out += [x for x in s.head_actors(c) if x not in out]
        return out

    def _quoted_before(self, s: _Sentence, start: int, end: int) -> str:
        """The words quoted in the sentence between `start` (the last voice) and `end`."""
        return "".join(self.story.text[a + 1 : b - 1] for a, b in s.quotes if start <= a and b <= end)

    def _labelled_party(self, s: _Sentence, obj: Argument, agent: list[str]) -> list[str]:
        """Whom an object labelled by quoted words addresses (「がんばろう日本！」という懸垂幕を
        掲げた, 「…」と書かれた横断幕): the party the words name most, the agent's own aside."""
        for a, b in s.quotes:
            if obj.start <= a and b <= obj.end and QUOTE_LABEL.match(self.story.text, b):
                return self._quoted_party(s, a, b, agent)
        return []

    def _cued_party(
        self, s: _Sentence, spans: list[tuple[int, int]], code: str, speakers: list[str], fallback: bool = True,
        recipients_aside: bool = False,
    ) -> list[str]:
        """Whom quoted words with a cue of `code` are about: the party named closest to such
        a cue in its quotation (「…韓国の嘘を暴き…」: Korea; 「田村淳…黙れ」: Tamura; 「なぜ警察
        は…」: the police), a name inside a longer noun aside (五輪憲章: not the IOC), else the
        party the words name most (`_quoted_party`). `recipients_aside`: names the quoted act
        serves (中国に配慮する, 米国と協力) are not whom the words are about (for a quotation
        read as a voice of its own beside the one reacting to someone)."""
        actors = self.story.actors
        own = {actors[a].country for a in speakers if a in actors} - {""} | set(speakers)
        best: tuple[int, str] | None = None
        text = self.story.text
        for a, b in spans:
            words = text[a:b]
            hits = [(a + h0, a + h1) for h0, h1 in cue_positions(words, code)]
            for m in s.mentions:
                if m.start < a or m.end > b or m.actor_id in own or m.actor_id not in actors or actors[m.actor_id].type == "PLACE":
                    continue
                if actors[m.actor_id].sector == "CVL" and actors[m.actor_id].country in own:
                    continue  # 「在日韓国人への偏見」 in Korean users' words: themselves
                if actors[m.actor_id].type != "PERSON" and IN_NOUN.match(text, m.end):
                    continue  # 五輪憲章: a name modifying a noun
                # a cue modifying a name (妄言の日本芸人) is nearest to it
                gaps = [h0 - m.end if h0 >= m.end else m.start - h1 - (text[h1 : h1 + 1] == "の") for h0, h1 in hits if h0 >= m.end or m.start >= h1]
                modified = any(m.start == h1 + 1 and text[h1 : h1 + 1] == "の" for _, h1 in hits)
                if recipients_aside and not modified and QUOTED_RECIPIENT.match(text, m.end) and not _coordinated_name(s, m.end):
                    continue  # 「なぜ中国に配慮するのか」: China is served, the one asked is criticised
                if gaps and (best is None or min(gaps) < best[0]):
                    best = (min(gaps), m.actor_id)
        if best is not None:
            return [best[1]]
        return self._quoted_party(s, spans[0][0], spans[-1][1], speakers) if fallback else []

    def _quoted_party(self, s: _Sentence, start: int, end: int, speakers: list[str]) -> list[str]:
        """The actor that the words quoted between `start` and `end` name most often (ties:
        the first), not the speakers nor their own state, nor a place; [] when none."""
        actors = self.story.actors
        countries = {actors[a].country for a in speakers if a in actors} - {""}
        own = countries | set(speakers)
        counts: dict[str, int] = {}
        for m in s.mentions:
            q = s.quote_of(m.start)
            if q is None or q[0] < start or q[1] > end or m.actor_id in own:
                continue
            x = actors.get(m.actor_id)
            if x is not None and x.sector == "CVL" and x.country in countries:
                continue  # 「韓国人は弾避けかよ」 in Korean users' words: themselves
            if m.actor_id in actors and actors[m.actor_id].type == "PLACE":
                continue
            counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
        return [max(counts, key=lambda a: counts[a])] if counts else []

    def _topic(self, s: _Sentence) -> None:
        """The paragraph's topic after this sentence: the main clause's は-actor, else the
        active subject of the main predicate."""
        mains = [p for p in s.preds if p.governor is None]
        for p in reversed(mains):
            for a in p.arguments:
                if a.topic and a.case == "は" and s.quote_of(a.start) is None:
                    found = s.head_actors(a.i)
                    if found:
                        self.story.para_topic = found
                        return
            subj = p.subject
            if subj is not None and p.voice == "active" and not subj.via:
                found = s.head_actors(subj.i)
                if found:
                    self.story.para_topic = found
                    return
        for a in s.topics:  # a は-actor the parse hangs elsewhere (同氏は…との見方を示した)
            found = s.head_actors(a.i) if a.case == "は" else []
            if found:
                self.story.para_topic = found
                return


# the words that may stand between quoted words and the voice noun labelling them:
# 「…」「…」など, 「…」といった, 「…」との, 「…」と、
QUOTE_LABELS = re.compile(r"^[」』]?(?:\s*(?:「[^「」]*」|『[^『』]*』|[、,]|などと|など|なんて|といった|という|との|とか|や|と))*")
# verbs of saying: quoted words they report are a speaker's, not a voice's (「…」と述べた)
SAYING = ("述べ", "語っ", "語り", "語る", "話し", "話す", "言っ", "言い", "いっ", "主張", "強調", "発言", "答え", "伝え", "報じ", "発表", "ツイート", "つぶや", "呟")
# a kanji or katakana right after a name: the name modifies a longer noun (五輪憲章)
IN_NOUN = re.compile(r"(?!人)[\u4e00-\u9fff\u30a1-\u30fa]")  # 日本人 is the Japanese, not a noun
# a name in quoted words marked as the recipient or partner of the quoted act (中国に配慮する,
# 韓国へ, 米国と, 日本より, 中国から): whom that act serves, not whom the words are about nor
# addressed to; に対して, には, にも, とは still name what they speak of, and a name after と
# is coordinated (スマップと香川が)
QUOTED_RECIPIENT = re.compile(r"(?:に(?!対|は|も|関|つ)|へ(?!の)|と(?=[\u4e00-\u9fff\u30a1-\u30fa])|より|から)")
# from quoted words to the verb of saying that reports them: と and a few words (と、理由を語った)
QUOTE_TO_VERB = re.compile(r"(?:などと|とも|と|って|などを|を)")  # 「…」「…」などを主張した: what is claimed
LABEL = re.compile(r"と(?:いう|いった|の|して|題し|書かれ|記さ)")
STIR_WINDOW = 24
QUOTED = re.compile(r"「[^「」]*」")  # quoted words (their own によると is not the sentence's)
# a lead's verbs of reporting (報じた, 伝えた, 掲載した, 発表された, 報道された, 配信した)
REPORTING = re.compile(r"報じ|報道|伝え|掲載|発表|配信")
# a sentence telling what the lead's report says: 記事によると, 同紙によれば, インタビューで, 同記事では,
# …と伝えている, hearsay endings (…つもりだという。, …とのことだ)
CITING = re.compile(r"によると|によれば|インタビュー[でに]|記事では|同紙は|と伝えてい|と報じてい|という[。」]?$|とのこと")
ONGOING = re.compile(r"[てで]いる(?:$|[。、]|という|ようだ(?!っ)|模様)")  # 波紋を呼んでいる: still going on
CONCESSIVE = re.compile(r"(?:たが|だが|ものの|にもかかわらず|にも関わらず)、")
REGION_WORDS = ("各地", "国内", "全土", "全国", "全域", "市内", "都内", "各都市", "街頭")  # 中国各地で
PLATFORM_NOUNS = ("SNS", "サイト", "ブログ", "コミュニティ", "ネット", "掲示板", "コメント欄", "ツイッター", "Twitter")  # 「…」と、メディアやネット掲示板などで波紋を呼んでいる
VOICE_WINDOW = 30  # characters from the quoted words to the voice noun, at most
# the people whose words a voice quotes (「…」など、…に疑問を呈するユーザーが目立った)
VOICE_SPEAKERS = ("ユーザー", "ユーザ", "人々", "ネット民")


def _voice_words(text: str, quote_end: int, sentence_end: int) -> bool:
    """Are the words quoted up to `quote_end` a public voice's: a voice noun (声, 意見,
    書き込み, コメント, 反応) or its speakers (ユーザー) label them, after more quotations and a label (など, といった,
    との) or a short clause on the noun (「…」と、議員を支持する意見), before any verb of
    saying and any other quotation? Acts named in such words are the voice's opinion (「…
    を爆撃しろ」などの過激な意見: a threat by the voice, not an attack)."""
    rest = text[quote_end:sentence_end]
    rest = rest[QUOTE_LABELS.match(rest).end() :][:VOICE_WINDOW]
    for k in range(len(rest)):
        noun = next((v for v in (*VOICE_NOUNS, *VOICE_SPEAKERS) if rest.startswith(v, k)), None)
        if noun is not None and rest[k + len(noun) : k + len(noun) + 1] not in ("し", "す", "さ"):
            return not any(w in rest[:k] for w in SAYING) and "「" not in rest[:k] and "。" not in rest[:k]
    return False


def _statement_quotes(s: _Sentence, p: Predicate, window: int = 12) -> list[tuple[int, int]]:
    """The quotations a verb of saying reports (「…」「…」と述べた, 『…』と、理由を語った): the
    nearest before it, followed by と and at most `window` characters, and those right
    before that one."""
    spans: list[tuple[int, int]] = []
    end = p.start
    for a, b in sorted(s.quotes, reverse=True):
        if b > end:
            continue
        gap = s.story.text[b:end]
        if not spans and not (QUOTE_TO_VERB.match(gap) and len(gap) <= window + 2 and not re.search(r"[「」『』。]", gap)):
            break
        if not spans and LABEL.match(gap):
            break  # 「…」という懸垂幕: words labelling a thing, not what is said
        if spans and gap.strip("、, ") not in ("", "と", "や"):
            break
        spans.append((a, b))
        end = a
    return spans[::-1]


def _clause_len(s: _Sentence, p: Predicate) -> int:
    """Characters from the first word of p's clause to p's start (the clause asked for)."""
    sub = _subtree(s, p.i)
    return max(p.start - s.tok(sub[0]).idx, 0) if sub else 0


def _states(s: _Sentence, p: Predicate) -> bool:
    """Is する here a statement (「…」とした, …はないとしている, …に当たるとし、)? A clause quoted
    under it, not in the volitional (行おうとした: tried to), or quoted words right before と;
    the する itself not on a noun (…とする意見: the voice is the act)."""
    gov = p.governor
    if gov is not None and gov.kind == "relative":
        return False
    for q in s.preds:
        if q.governor is not None and q.governor.kind == "quote" and q.governor.i == p.i:
            if _manner_word(s, q):
                return False
            k = s.pos.get(q.i)
            words = [s.tok(i) for i in s.idx[k : s.pos.get(p.i, k)]] if k is not None else []
            before = [t for t in words if t.idx < q.end]
            return not (before and before[-1].conj_form.startswith("意志推量形"))
    return bool(_statement_quotes(s, p, window=0)) or _clause_stated(s, p)  # 「…」とした: the quoted words parsed apart


def _clause_stated(s: _Sentence, p: Predicate) -> bool:
    """竹島は韓国の領土だとしている, 根拠はないとした: a clause ending in its plain form, marked
    と right before する, is what the subject says (a noun predicate the parse does not list
    as a predicate); …したとして逮捕された (として, not ている) gives a reason, …としたら /
    とすれば supposes."""
    k = s.pos.get(p.i)
    if k is None or k < 2:
        return False
    mark, end = s.tok(s.idx[k - 1]), s.tok(s.idx[k - 2])
    if mark.text != "と" or not mark.is_particle:
        return False
    if not ((end.is_aux or end.is_predicative) and end.conj_form.startswith("終止形")):
        return False
    nxt = [s.tok(i) for i in s.idx[k + 1 : k + 3]]
    if nxt and nxt[0].text in SUPPOSING:
        return False  # そうではないとしたら: supposing, nothing said
    return not (nxt and nxt[0].text == "て" and not (len(nxt) > 1 and nxt[1].lemma_ in ("居る", "いる", "おる", "居")))


def _carrying_adjective(s: _Sentence, p: Predicate, lex: JapaneseLexicon) -> bool:
    """An adjective of the support verbs list ending its clause carries a voice (…との書き込み
    が多い); in its adverbial form it only modifies the verb after it (意見が多く見られた)."""
    return bool(lex.support(p.lemma)) and not s.tok(p.i).conj_form.startswith("連用形")


def _movement(s: _Sentence, p: Predicate) -> Predicate | None:
    """The predicate of the movement p's clause describes (…を呼びかける動きが出始めた: 出始める),
    if it does: its doers are the people where the movement happens."""
    gov = p.governor
    if gov is None or gov.kind not in ("relative", "modifier") or not {s.tok(gov.i).text, s.tok(gov.i).lemma_} & set(MOVEMENT_NOUNS):
        return None  # (…と呼びかけるなどの動き: a modifier with など)
    return next((q for q in s.preds if q is not p and any(a.i == gov.i and not a.via for a in q.arguments)), None)


def _manner_word(s: _Sentence, q: Predicate) -> bool:
    """Is the clause before と one word of manner (唖然とした, 騒然となった, 平然とする, ゆっくり
    とした: a タリ adjective or an adverb), not quoted words? It says how someone is, not
    what anyone said."""
    sub = [s.tok(i) for i in _subtree(s, q.i)]
    words = [t for t in sub if not (t.is_particle or t.is_mark or t.is_aux)]
    return len(words) == 1 and words[0].tag_.startswith(MANNER_TAGS) and not s.quote_of(words[0].idx)


def _ends_sentence(s: _Sentence, p: Predicate) -> bool:
    """A noun ending the sentence (体言止め: 「…」と発表。)."""
    return p.governor is None and all(s.tok(k).is_mark for k in s.idx[s.pos[p.i] + 1 :])


# --------------------------------------------------------------------------- the document


def units(doc: Doc, spans: list[tuple[int, int]]) -> list[list[int]]:
    """The token lists to parse for these sentences: each sentence with the words of its
    quotations of speech left out (their brackets kept: 同氏は、日中関係を「」と語った), then
    each such quotation that holds a trigger, on its own. A quotation of speech holds a
    predicate; 「衝突事故」 and a name in brackets (韓国紙「中央日報」) stay in the sentence.
    The parser reads long quotations as part of the clause around them, hanging the
    speaker inside the quotation (同氏は under a quoted verb) and the quoted words' phrases
    on the verb of saying."""
    from pipeline.parser.component import token_range

    toks, text = read_tokens(doc)
    starts = [t.idx for t in toks]
    names = {(m.start, m.end) for m in doc._.mentions or ()}
    out: list[list[int]] = []
    for start, end in spans:
        a, b = token_range(doc, start, end, starts)
        quoted: list[list[int]] = []
        for qa, qb in quote_spans(text[start:end]):
            qa, qb = qa + start, qb + start
            closed = text[qb - 1] in "」』"
            if (qa + 1, qb - 1 if closed else qb) in names:
                continue
            i = bisect.bisect_left(starts, qa + 1)
            j = bisect.bisect_left(starts, qb - 1 if closed else qb)
            content = [k for k in range(i, j) if not toks[k].text.isspace()]
            if len(content) >= 2 and any(toks[k].is_predicative or toks[k].is_aux for k in content):
                quoted.append(content)
        left_out = {k for q in quoted for k in q}
        out.append([k for k in range(a, b) if k not in left_out])
        out += [q for q in quoted if _holds_trigger([toks[k] for k in q])]
    return out


def _holds_trigger(toks: list[Tok]) -> bool:
    from pipeline.parser.select import holds_trigger

    return holds_trigger([t.text for t in toks], [t.lemma_ for t in toks])


def frames_ja(
    doc: Doc, parses: list[ParsedSentence], lexicon: JapaneseLexicon | None = None, kb: KnowledgeBase | None = None
) -> list[Frame]:
    """The predicate frames of a Japanese Doc's parsed sentences (in text order), with the
    discourse (topics, dates, speakers) carried through all its sentences. `kb`: the actor
    knowledge base (default: the packaged one), whose lexicon names internet platforms."""
    lex = lexicon or JapaneseLexicon()
    kb = kb if kb is not None else default_kb()
    mentions: list[Mention] = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end))
    actors: dict[str, Actor] = doc._.actors if doc._.actors is not None else {}
    toks, text = read_tokens(doc)
    story = _Story(
        actors, doc._.published or "", _token_actors(doc, toks, mentions, actors), toks, text, lex=lex,
        kb=kb, platforms=frozenset(kb.lexicon.get("platforms") or ()),
    )  # fmt: skip
    reader = _Reader(story, lex)
    dates = sorted(calendar_mentions(doc._.dates), key=lambda d: d.start)
    date_starts = [d.start for d in dates]
    mention_starts = [m.start for m in mentions]
    parses = sorted(parses, key=lambda x: x.start)
    starts = [ps.start for ps in parses]
    for sent in sorted(doc._.sentences or [], key=lambda x: x.start):
        if sent.paragraph != story.para:
            story.para, story.para_date = sent.paragraph, carried_date(story.last_date, sent.paragraph)
            story.para_topic = []
        s_dates = dates[bisect.bisect_left(date_starts, sent.start) : bisect.bisect_left(date_starts, sent.end)]
        s_mentions = mentions[bisect.bisect_left(mention_starts, sent.start) : bisect.bisect_left(mention_starts, sent.end)]
        found = parses[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)]
        if found:
            outer = _Sentence(found[0], sent, story, s_mentions)
            quoted = [_Sentence(ps, sent, story, s_mentions, (outer, _quote_host(outer, ps))) for ps in found[1:]]
            reader.sentence(outer, quoted, s_dates)
        else:
            _surface_topic(story, sent, s_mentions)
        if story.lead < 0 and sent.kind == "body":
            story.lead = sent.paragraph
        if story.report_date is None and sent.paragraph == story.lead and s_dates:
            story.report_date = _report_day(text, sent, s_dates)
        if s_dates and sent.kind != "heading":
            story.para_date = s_dates[-1]
            story.last_date = (sent.paragraph, s_dates[-1])
    return story.frames


def _quote_host(outer: _Sentence, quoted: ParsedSentence) -> int | None:
    """The predicate of the sentence a quotation parsed on its own depends on: the first
    one above its opening bracket (「」と語った: 語る)."""
    k = quoted.article_index(0) - 1
    for _ in range(len(outer.idx)):
        if k not in outer.heads:
            return None
        h = outer.head(k)
        if h in outer.by_i and h != k:
            return h
        if h == k:
            return None
        k = h
    return None


def _surface_topic(story: _Story, sent: Sentence, mentions: list[Mention]) -> None:
    """An unparsed sentence's topic: the first actor written right before は."""
    for m in mentions:
        if story.text[m.end : m.end + 1] == "は":
            story.para_topic = [m.actor_id]
            return


__all__ = ["frames_ja", "noun_trigger"]
