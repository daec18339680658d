"""Chunking one sentence's tokens into phrases: noun phrases with their case
marking, and predicates with their voice and clause-linking form.

One left-to-right pass over the sentence's tokens builds bunsetsu-like chunks
(content words + trailing particles/auxiliaries); a second pass over the
chunks folds compound particles (に対し, による, において, と共に), chains
genitive / noun-internal modifiers into noun phrases (米国による制裁の解除を),
and classifies every predicate's form (cont, sub, rel, quote, final).
Nothing here looks beyond the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.events.tokens import Tok

# Particle-like verbs after a case particle: (particle, verb lemma) -> (clausal case, noun-internal case)
COMPOUND_PARTICLES = {
    ("に", "対する"): ("ni_taishi", "np_target"),
    ("に", "因る"): ("niyotte", "np_agent"),
    ("に", "於く"): ("loc", "np_loc"),
    ("に", "向ける"): ("he", "np_target"),
    ("に", "関する"): ("about", "about"),
    ("に", "就く"): ("about", "about"),
    ("を", "巡る"): ("about", "about"),
    ("に", "伴う"): ("about", "about"),
    ("に", "基づく"): ("about", "about"),
    ("を", "通じる"): ("about", "about"),
    ("に", "取る"): ("about", "about"),  # にとって
    ("と", "為る"): ("about", "about"),  # として (as ...)
}
# Content tokens after an actor that keep the actor as the phrase's head
ACTOR_TAIL = {
    "氏",
    "さん",
    "ら",
    "たち",
    "達",
    "容疑者",
    "被告",
    "選手",
    "監督",
    "教授",
    "記者",
    "議員",
    "等",
    "大統領",
    "首相",
    "政府",
    "政権",
    "当局",
    "側",
    "軍",
    "国",
    "両国",
    "諸国",
    "国民",
    "外相",
    "首脳",
    "代表",
    "代表団",
    "高官",
    "外務省",
    "国防省",
    "大使",
    "自身",
    "各国",
    "書記長",
    "首席",
    "主席",
    "国王",
    "議長",
    "長官",
    "国務長官",
    "大臣",
    "指導者",
    "首長",
    "国防相",
    "当時",
    "両",
    "共和国",
    "同盟国",
    # titles after a name (習近平国家主席, 金正恩委員長)
    "国家",
    "国家主席",
    "委員長",
    "総統",
    "総理",
    "副大統領",
    "副首相",
    "外務大臣",
    "財務相",
    "報道官",
    "事務総長",
    "総裁",
    "党首",
    "司令官",
    "将軍",
    "元首",
    "国務相",
    # titles fugashi splits into several tokens (事務|局長, 官房|長官): matched as the
    # whole tail after the name (see `is_actor_tail`)
    "事務局長",
    "官房長官",
    "幹事長",
    "国防長官",
    "財務長官",
    "商務長官",
    "通商代表",
    "防衛相",
    "最高指導者",
    "皇太子",
    "大統領補佐官",
    "特使",
    # local and corporate titles (石原都知事, 橋下市長, 孫社長, 金正日総書記)
    "知事",
    "都知事",
    "府知事",
    "県知事",
    "道知事",
    "市長",
    "区長",
    "町長",
    "村長",
    "社長",
    "会長",
    "理事長",
    "総書記",
    "道議員",
    "市議",
    "県議",
    "弁護士",
}


def is_actor_tail(tail) -> bool:
    """Do these tokens after an actor leave it heading its phrase: titles and suffixes
    only (プーチン大統領, ルビオ国務長官, グロッシ事務局長, 米国側), a title's former / current
    (鳩山元首相, 前大統領)?"""
    tail = list(tail)
    if any(t.text in THING_SUFFIXES for t in tail):
        return False  # 日本製品, 中国産, 韓国語: a thing of the state's, not the state
    if len(tail) > 1 and tail[0].text in TITLE_PREFIXES:
        tail = tail[1:]
    if all(
        t.lemma_ in ACTOR_TAIL or t.text in ACTOR_TAIL or t.is_suffix or "数詞" in t.tag_
        for t in tail
    ):
        return True  # also a count: 韓国人男性2人, 日本人女性2人
    tail = list(tail)
    if len(tail) > 1 and tail[0].text in STATE_QUALIFIERS:  # ルビオ米国務長官
        tail = tail[1:]
    whole = "".join(t.text for t in tail)  # 事務|局|長
    return whole in ACTOR_TAIL or "".join(t.text for t in tail if not t.is_suffix) in ACTOR_TAIL


# suffixes that make a state's name a thing of it: its products, language, style
THING_SUFFIXES = frozenset({"製", "産", "品", "製品", "車", "語", "式", "風"})
# words before a title: former, previous, current, late, next (鳩山元首相, 李前大統領)
TITLE_PREFIXES = ("元", "前", "現", "故", "次期")
# one-character state abbreviations between a name and its title (ルビオ米国務長官)
STATE_QUALIFIERS = ("米", "露", "ロ", "中", "英", "仏", "独", "韓", "日", "朝", "印", "豪", "加", "伊")
# Nouns that head adverbial clauses: the topic of the sentence still applies inside
FORMAL_NOUNS = {
    "こと",
    "事",
    "の",
    "ため",
    "為",
    "際",
    "時",
    "とき",
    "後",
    "前",
    "中",
    "場合",
    "ところ",
    "所",
    "一方",
    "問題",
    "結果",
    "うち",
    "内",
    "ほか",
    "外",
    "上",
    "なか",
    "方針",
    "予定",
    "考え",
    "構え",
    "意向",
    "つもり",
    "計画",
    "見通し",
    "可能",
    "可能性",
    "恐れ",
    "見返り",
    "見返",
    "直後",
    "以降",
    "まま",
    "様",
    "よう",
    "はず",
    "筈",
    "わけ",
    "訳",
    "模様",
    "方向",
    "姿勢",
    "考え方",
}
CONT_PARTICLES = {"て", "で", "し", "ながら", "つつ", "たり", "だり"}
SUB_PARTICLES = {
    "ば",
    "と",
    "が",
    "けれど",
    "けど",
    "のに",
    "ので",
    "から",
    "なら",
    "ても",
    "でも",
    "たら",
}
HYPOTHETICAL_PARTICLES = {"ば", "たら", "なら"}
# The case a chunk's last particle marks, and the noun-internal case of particle + の
CASES = {
    "が": "ga",
    "を": "wo",
    "に": "ni",
    "へ": "he",
    "と": "to",
    "で": "de",
    "から": "kara",
    "より": "yori",
    "や": "coord",
    "か": "coord",
    "及び": "coord",
    "並びに": "coord",
}
NOUN_CASES = {"から": "np_agent", "へ": "np_target", "と": "np_partner", "で": "np_loc"}
OPEN_QUOTES = "「『“"
COPULA_FORMS = ("終止形", "連用形-促音便", "連用形-一般", "意志推量形")  # だ / です ending a predicate


@dataclass(slots=True)
class Chunk:
    content: list[Tok] = field(default_factory=list)
    func: list[Tok] = field(default_factory=list)
    comma: bool = False
    period: bool = False
    opens_quote: bool = False  # a 「 or “ stands right before the chunk
    folded: bool = False  # a compound particle (に対し, による) was folded in
    case: str = ""
    actors: list[str] = field(default_factory=list)  # all actors in the content
    head_actors: list[str] = field(default_factory=list)  # actors heading the phrase
    coord: bool = False
    # `particles`, worked out once; whoever extends `func` after chunking resets it to None
    _particles: list[str] | None = field(default=None, repr=False, compare=False)

    @property
    def tokens(self) -> list[Tok]:
        return self.content + self.func

    @property
    def start(self) -> int:
        return (self.content or self.func)[0].idx

    @property
    def end(self) -> int:
        return (self.func or self.content)[-1].end

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.content)

    @property
    def particles(self) -> list[str]:
        """Lemmas of the particles among the function words (do not modify the list)."""
        if self._particles is None:
            self._particles = [t.lemma_ for t in self.func if t.is_particle]
        return self._particles

    @property
    def is_pred(self) -> bool:
        if self.folded:
            return False
        if (
            not self.func
            and len(self.content) == 1
            and self.content[0].tag_.startswith("形容詞")
            and self.content[0].conj_form.startswith("連用形")
        ):
            return False  # 強く非難した: an adverb
        for t in self.content:
            if t.is_predicative:
                return True
        for t in self.func:
            if t.is_verb:
                return True
        # nominal predicate: noun + copula (候補だったが, 構えだ)
        for t in self.func:
            if t.is_aux and t.lemma_ in ("だ", "です") and t.conj_form.startswith(COPULA_FORMS):
                return True
        # a sentence ending in an act noun (体言止め): 「…」と発表。 北朝鮮がミサイル発射。
        return (
            self.period
            and not self.particles
            and bool(self.content)
            and self.content[-1].tag_.startswith("名詞-普通名詞-サ変")
        )


@dataclass(slots=True)
class NP:
    head: Chunk
    mods: list[Chunk]
    case: str

    @property
    def chunks(self) -> list[Chunk]:
        return self.mods + [self.head]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chunks)

    @property
    def head_actors(self) -> list[str]:
        """Actors heading the phrase, with those coordinated by や / か before it."""
        out = [a for c in self.mods if c.case == "coord" for a in (c.head_actors or c.actors)]
        return list(dict.fromkeys(out + self.head.head_actors)) if out else self.head.head_actors

    def mod_actors(self, *cases: str) -> list[str]:
        out: list[str] = []
        for c in self.mods:
            if c.case in cases:
                out.extend(a for a in c.head_actors or c.actors if a not in out)
        return out

    @property
    def gen_actors(self) -> list[str]:
        """Actors of plain genitive / compound modifiers (ルカシェンコの強権政治, サウジ産原油)."""
        out = self.mod_actors("no", "")
        for a in self.head.actors:
            if a not in self.head.head_actors and a not in out:
                out.append(a)
        return out

    @property
    def start(self) -> int:
        return (self.mods[0] if self.mods else self.head).start

    @property
    def end(self) -> int:
        return self.head.end


@dataclass(slots=True)
class Pred:
    chunk: Chunk
    form: str = "final"  # cont | sub | rel | quote | final
    passive: bool = False
    causative: bool = False
    negated: bool = False
    hypothetical: bool = False
    head_np: NP | None = None  # the noun a relative clause modifies

    @property
    def verb(self) -> Tok | None:
        for t in self.chunk.content:
            if t.is_verb:
                return t
        for t in self.chunk.func:
            if t.is_verb:
                return t
        return None

    @property
    def nouns(self) -> list[Tok]:
        """Content nouns before the verb (the サ変 noun and its compound prefix)."""
        out = []
        for t in self.chunk.content:
            if t.is_verb:
                break
            out.append(t)
        return out


def chunk_tokens(tokens: list[Tok]) -> list[Chunk]:
    """Bunsetsu-like chunks; text in parentheses is left out, quote marks are transparent."""
    chunks: list[Chunk] = []
    cur: Chunk | None = None
    depth = 0
    pending_open = False
    for t in tokens:
        text = t.text
        if not text.strip():
            continue
        tag = t.tag_
        if text in "(（":
            depth += 1
            continue
        if text in ")）":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if t.is_mark:
            if tag.endswith("読点") or text in ",，":
                if cur is not None:
                    cur.comma = True
                cur = None
            elif tag.endswith("句点") or text in "!?！？;；:：":
                if cur is not None:
                    cur.period = True
                cur = None
            if text in OPEN_QUOTES:
                pending_open = True
            # brackets and other marks are transparent
            continue
        if t.is_func:
            if cur is None:
                cur = Chunk(opens_quote=pending_open)
                pending_open = False
                chunks.append(cur)
            elif (
                t.is_predicative
                and cur.func
                and cur.func[-1].tag_.startswith(("助詞-格助詞", "助詞-係助詞", "助詞-副助詞"))
            ):
                cur = Chunk()
                chunks.append(cur)
            cur.func.append(t)
            continue
        if (
            cur is None
            or cur.func
            or (
                cur.content[-1].is_predicative and not t.is_suffix
            )
        ):
            cur = Chunk(opens_quote=pending_open)
            chunks.append(cur)
        pending_open = False
        cur.content.append(t)
    return [c for c in chunks if c.content or c.func]


def _case_of(chunk: Chunk) -> str:
    ps = chunk.particles
    content = chunk.content
    if content and content[-1].lemma_ in ("向け", "向き"):
        return "np_target" if (not ps or ps[-1] == "の") else _plain_case(ps)
    if not ps:
        return ""
    return _plain_case(ps)


def _plain_case(ps: list[str]) -> str:
    last = ps[-1]
    prev = ps[-2] if len(ps) > 1 else ""
    if last in ("など", "ら", "等", "だけ", "のみ", "まで", "さえ") and prev:
        return _plain_case(ps[:-1])
    if last in ("は", "も"):
        if prev in ("に", "には"):
            return "ni"
        if prev == "で":
            return "de"
        if prev == "と":
            return "to"
        if prev == "から":
            return "kara"
        if prev == "へ":
            return "he"
        if prev in ("を",):
            return "wo"
        return "wa" if last == "は" else "mo"
    if last == "の":
        return NOUN_CASES.get(prev, "no")
    return CASES.get(last, "other")


def _fold_compound_particles(chunks: list[Chunk]) -> list[Chunk]:
    out: list[Chunk] = []
    for c in chunks:
        prev = out[-1] if out else None
        prev_particles = prev.particles if prev is not None and not prev.comma else []
        if prev_particles:
            verb = (
                c.content[0]
                if len(c.content) == 1
                else (c.func[0] if not c.content and c.func else None)
            )
            last = prev_particles[-1]
            if verb is not None and (last, verb.lemma_) in COMPOUND_PARTICLES and not prev.is_pred:
                clausal, internal = COMPOUND_PARTICLES[(last, verb.lemma_)]
                adnominal = verb.conj_form.startswith("連体形") and not c.particles
                prev.case = internal if adnominal else clausal
                prev.folded = True
                prev.func.extend(c.content + c.func)
                prev._particles = None
                prev.comma = c.comma
                continue
            if last == "と" and c.content and c.content[0].lemma_ in ("共", "共に", "一緒"):
                prev.case = "to"
                prev.folded = True
                prev.func.extend(c.content + c.func)
                prev._particles = None
                prev.comma = c.comma
                continue
        out.append(c)
    return out


def _pred_form(chunk: Chunk, nxt: Chunk | None, nxt_is_pred: bool) -> tuple[str, bool]:
    """(form, hypothetical) of a predicate chunk given the next chunk (and whether
    that one is a predicate, as build_phrases already knows)."""
    func = chunk.func
    last = func[-1] if func else (chunk.content[-1] if chunk.content else None)
    if last is None:
        return "final", False
    tag, lemma = last.tag_, last.lemma_
    if tag.startswith("助詞-接続助詞"):
        if lemma in CONT_PARTICLES:
            return "cont", False
        return "sub", lemma in HYPOTHETICAL_PARTICLES
    if tag.startswith("助詞-格助詞") and lemma == "と":
        return "quote", False
    if chunk.period:
        return "final", False
    if tag.startswith("助詞-準体助詞") or (
        tag.startswith("助詞")
        and "の" in [t.lemma_ for t in func if t.tag_.startswith("助詞-準体助詞")]
    ):
        return "sub", False
    if tag.startswith("助詞"):
        return ("final", False) if nxt is None else ("sub", False)
    form = last.conj_form
    if form.startswith("仮定形"):
        return "sub", True
    if nxt is None:
        return "final", False
    if form.startswith("連用形") or chunk.comma:
        return "cont", False
    if form.startswith(("連体形", "終止形")) and not nxt_is_pred and nxt.content:
        return "rel", False
    return "final", False


def build_phrases(chunks: list[Chunk]) -> list[NP | Pred]:
    """Noun phrases and predicates in sentence order."""
    chunks = _fold_compound_particles(chunks)
    for c in chunks:
        if not c.case:
            c.case = _case_of(c)
    # asked of each chunk and of its successor: compute once (False past the end)
    is_pred = [c.is_pred for c in chunks] + [False]
    items: list[NP | Pred] = []
    pending: list[Chunk] = []
    n = len(chunks)
    for i, c in enumerate(chunks):
        nxt = chunks[i + 1] if i + 1 < n else None
        nxt_is_pred = is_pred[i + 1]
        if is_pred[i]:
            if pending:
                items.append(NP(head=pending[-1], mods=pending[:-1], case=""))
                pending = []
            form, hyp = _pred_form(c, nxt, nxt_is_pred)
            auxes = [t.lemma_ for t in c.func if t.is_aux]
            pred = Pred(
                chunk=c,
                form=form,
                passive="れる" in auxes or "られる" in auxes,
                causative="せる" in auxes or "させる" in auxes,
                negated=_negated(c),
                hypothetical=hyp,
            )
            items.append(pred)
            continue
        case = c.case
        # coordination: AとB / AやB / A、B両国 -> actors of A join B's
        if nxt is not None and not nxt_is_pred and c.actors and nxt.actors:
            if case in ("to", "coord") or (case == "" and c.comma and _coordinates(nxt)):
                nxt.head_actors = [
                    a for a in c.head_actors or c.actors if a not in nxt.head_actors
                ] + nxt.head_actors
                for a in c.actors:
                    if a not in nxt.actors:
                        nxt.actors.insert(0, a)
                nxt.coord = True
                continue
        if case == "coord":
            pending.append(c)
            continue
        if (
            case in ("no", "np_agent", "np_target", "np_partner", "np_loc", "about")
            and nxt is not None
            and not nxt_is_pred
        ):
            pending.append(c)
            continue
        if case == "" and not c.comma and nxt is not None and not nxt_is_pred:
            pending.append(c)
            continue
        if case == "" and c.comma and c.head_actors and not items:
            case = "wa"  # headline / caption style: 「チハノフスカヤ氏、米国に謝意」
        items.append(NP(head=c, mods=pending, case=case))
        pending = []
    if pending:
        items.append(NP(head=pending[-1], mods=pending[:-1], case=""))
    for k, item in enumerate(items):
        if (
            isinstance(item, Pred)
            and item.form == "rel"
            and k + 1 < len(items)
            and isinstance(items[k + 1], NP)
        ):
            item.head_np = items[k + 1]
    return items


def _coordinates(nxt: Chunk) -> bool:
    ps = nxt.particles
    if any(t.lemma_ == "両" for t in nxt.content):
        return True
    return (not ps) or ps[-1] in ("と", "や", "の", "が", "は", "も")


def _negated(c: Chunk) -> bool:
    """ない / ず / ぬ / ません right after the predicate (not ないか questions)."""
    lemmas = [t.lemma_ for t in c.func]
    for k, t in enumerate(c.func):
        if t.tag_.startswith(("助動詞", "形容詞")) and t.lemma_ in (
            "ない",
            "無い",
            "ず",
            "ぬ",
            "ん",
        ):
            rest = lemmas[k + 1 :]
            if "か" in rest:  # ではないか: rhetorical, not a negation of the act
                return False
            return True
    return False
