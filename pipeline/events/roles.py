"""Case-particle role finder: which noun phrases a predicate can take as its
agent, patient, target, partner and scene, from the phrases seen so far in
the sentence (one pass, cleared at clause boundaries).

- が / も (and は, the topic, which outlives clause boundaries) mark the agent
  of an active predicate and the patient of a passive one;
- を the patient; に対し(て) / へ / に the target; と the partner;
- によって / から / に the agent of a passive;
- による / からの inside a noun phrase the agent of a nominal act
  (米国による制裁の解除), への / に対する / 向け its target, との its partner;
- で / において the scene, unless it names two or more actors (両国で締結).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.events.clauses import NP, Pred

# Heads of a subject that names officials of the topic's state (2019年から高官が訪れる)
OFFICIAL_NOUNS = (
    "高官",
    "当局",
    "政府",
    "首脳",
    "外相",
    "首相",
    "大統領",
    "代表団",
    "特使",
    "政権",
    "軍",
    "大使",
    "外務省",
    "報道官",
    "国防相",
    "閣僚",
    "当局者",
    "幹部",
    "代表",
)
CONFIDENCE = {"explicit": 0.9, "np": 0.85, "official": 0.7, "discourse": 0.6, "focus": 0.45}


@dataclass
class Role:
    actors: list[str] = field(default_factory=list)
    how: str = ""  # explicit | np | official | discourse | focus

    def __bool__(self) -> bool:
        return bool(self.actors)

    @property
    def confidence(self) -> float:
        return CONFIDENCE.get(self.how, 0.8)


@dataclass
class Frame:
    """Noun phrases available to the next predicate of one sentence."""

    nps: list[NP] = field(default_factory=list)
    topics: list[NP] = field(default_factory=list)
    main_topic: NP | None = None
    quote_mark: tuple[int, int] | None = None  # sizes when a 「 / “ opened
    shared_wo: NP | None = None  # 野党指導者を逮捕し、国外に追放した: one object, two acts
    # subjects kept from a clause before a 連用 boundary (ロシアが攻撃し、破壊した); a topic
    # with an actor after it starts a subject of its own (北朝鮮が発射し、日本政府は非難した)
    carried: list[NP] = field(default_factory=list)
    # the act asked for in 〜するよう求めた / 〜ように要請した (撤退する, 攻撃を控える): read by
    # the demanding verb as its object
    asked: str = ""
    # the sentence's quotations 「…」 (offsets) and the one the current predicate is in:
    # a predicate sees only the phrases of its own quotation, or, outside, those outside
    # (「韓国国民は共に歩む」という懸垂幕を掲げたと報じた: 韓国国民 is no one's subject here)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    scope: tuple[int, int] | None = None
    in_relative: bool = False  # the current predicate modifies a noun: は-phrases are not its
    voice_from: int = 0  # where the words of the next voice (「…」との声) may start
    mentions: list = field(default_factory=list)  # the sentence's actor mentions

    def quote_of(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= pos < q[1]:
                return q
        return None

    def sees(self, np: NP) -> bool:
        if self.in_relative and _topical(np):
            return False
        if not self.quotes:
            return True
        return self.quote_of(np.head.start) == self.scope

    @property
    def visible_topics(self) -> list[NP]:
        return [np for np in self.topics if self.sees(np)]

    def open_quote(self) -> None:
        self.quote_mark = (len(self.nps), len(self.topics))

    def add(self, np: NP) -> None:
        if np.case == "wa" or (np.case == "de" and np.head.particles[-1:] == ["は"]):
            if np.case == "wa" and np.head_actors and self.carried:
                self.nps = [x for x in self.nps if not any(x is c for c in self.carried)]
                self.carried = []
            self.topics.append(np)
            if self.main_topic is None and np.head_actors and self.quote_of(np.head.start) is None:
                self.main_topic = np
        else:
            self.nps.append(np)

    def last(self, *cases: str, actors: bool = False) -> NP | None:
        for np in reversed(self.nps):
            if np.case in cases and (not actors or np.head_actors) and self.sees(np):
                return np
        return None

    def all(self, *cases: str) -> list[NP]:
        return [np for np in self.nps if np.case in cases and self.sees(np)]

    def topic(self) -> NP | None:
        for np in reversed(self.visible_topics):
            if np.head_actors and np.case == "wa":
                return np
        return None

    def asking(self, clause: str) -> None:
        """The clause just read is what the next verb asks for (〜するよう求めた): its own
        object is not the next verb's; the addressee (に, に対し), the subjects and the
        topic are."""
        self.asked = clause
        self.nps = [np for np in self.nps if np.case in ("ga", "mo", "ni", "ni_taishi", "he")]
        self.shared_wo = None
        self.quote_mark = None

    def boundary(self, form: str) -> None:
        if self.scope is not None:
            # a clause inside a quotation ends there: the phrases outside it stay
            # (ネット掲示板には「騒がれるだろう」など、懸念する声が相次いだ)
            inside = self.scope
            self.nps = [np for np in self.nps if self.quote_of(np.head.start) != inside]
            self.topics = [np for np in self.topics if self.quote_of(np.head.start) != inside]
            return
        self.asked = ""
        if form == "cont":
            self.shared_wo = self.last("wo") or self.shared_wo
            self.nps = [np for np in self.nps if np.case in ("ga", "mo")]
            self.carried = list(self.nps)
            self.quote_mark = None
            return
        self.shared_wo = None
        self.carried = []
        if form in ("sub", "rel"):
            # a phrase marked with は (には, からは) belongs to the main clause, never to a
            # relative clause: ネット掲示板には、…を懸念する声が相次いだ
            self.nps = [np for np in self.nps if np.case == "mo" or (form == "rel" and _topical(np))]
        elif form == "quote":
            if self.quote_mark is not None:  # only the bracketed words were quoted
                self.nps = self.nps[: self.quote_mark[0]]
                self.topics = self.topics[: self.quote_mark[1]]
            else:
                self.nps = []
                self.topics = self.topics[:1]
        else:  # final
            self.nps = []
            self.topics = []
        self.quote_mark = None


def _topical(np: NP) -> bool:
    """Marked with は after its case particle (には, からは, へは)."""
    return np.head.particles[-1:] == ["は"]


def actors_of(np: NP | None) -> list[str]:
    return list(np.head_actors) if np is not None else []


# Heads naming an institution of a state (国防部, 外務省, 国防総省, 治安当局)
INSTITUTION_SUFFIXES = (
    "省",
    "部",
    "庁",
    "軍",
    "局",
    "委員会",
    "当局",
    "政府",
    "政権",
    "大臣",
    "相",
)


def is_official(np: NP) -> bool:
    text = np.head.text
    return not np.head_actors and (
        text.endswith(OFFICIAL_NOUNS) or text.endswith(INSTITUTION_SUFFIXES)
    )


# owners of an official that name no actor the linker resolves: the official is not
# the topic's (エジプトとカタールは仲介を続け、双方の代表団が協議する)
UNRESOLVED_OWNERS = ("双方", "両者", "両陣営", "各国", "各派")


def subject(frame: Frame, pred: Pred) -> Role:
    """The grammatical subject of `pred` (agent if active, patient if passive)."""
    if pred.form == "rel" and pred.head_np is not None and not formal_head(pred):
        np = frame.last("ga", "mo")
        if np is not None and np.head_actors:
            return Role(actors_of(np), "explicit")
        if pred.head_np.head_actors:
            return Role(actors_of(pred.head_np), "explicit")
        return Role()
    np = frame.last("ga", "mo")
    if np is not None and np.case == "mo" and not np.head_actors:
        np = frame.last("ga") or frame.last("mo", actors=True)  # その後も, 今回も: adverbs
    if np is not None:
        if np.head_actors:
            return Role(actors_of(np), "explicit")
        if is_official(np) and np.gen_actors:  # 中国外務省の報道官が
            return Role(np.gen_actors, "explicit")
        if is_official(np) and any(w in c.text for c in np.mods for w in UNRESOLVED_OWNERS):
            return Role(how="unknown")  # 双方の代表団が: both sides', not the topic's
        if is_official(np):
            topic = frame.topic()
            if topic is not None:
                return Role(actors_of(topic), "official")
            return Role(how="official")
        return Role(how="unknown")  # a subject that is not an actor: do not guess
    for np in reversed(frame.visible_topics):
        if np.case == "de":
            # 「Xでは…検討している」: X (or people in X) is the subject, not the discourse topic
            return Role(actors_of(np), "explicit") if np.head_actors else Role(how="unknown")
        if np.head_actors:
            return Role(actors_of(np), "explicit")
    for np in reversed(frame.visible_topics):
        if is_official(np) and np.gen_actors:  # 韓国の尹大統領は
            return Role(np.gen_actors, "explicit")
        if is_official(np):
            return Role(how="official")
        return Role(how="unknown")  # 人権状態は…: a topic that is no actor
    return Role()


def formal_head(pred: Pred) -> bool:
    from pipeline.events.clauses import FORMAL_NOUNS

    head = pred.head_np.head if pred.head_np is not None else None
    if head is None or not head.content:
        return True
    return head.content[0].lemma_ in FORMAL_NOUNS or head.content[0].text in FORMAL_NOUNS


def dative(frame: Frame) -> Role:
    """に対し(て) > へ > に: the addressee / target marked in the clause; else the
    actor owning what is addressed (中国の海洋進出に懸念を表明 -> CHN)."""
    for cases in (("ni_taishi",), ("he",), ("ni",)):
        np = frame.last(*cases, actors=True)
        if np is not None:
            return Role(actors_of(np), "explicit")
    for cases in (("ni_taishi",), ("he",), ("ni",)):
        np = frame.last(*cases)
        if np is not None and np.gen_actors:
            return Role(np.gen_actors, "np")
    return Role()


def passive_agent(frame: Frame) -> Role:
    for cases in (("niyotte",), ("ni",), ("kara",)):
        np = frame.last(*cases, actors=True)
        if np is not None:
            return Role(actors_of(np), "explicit")
    return Role()


def partners(frame: Frame) -> list[str]:
    """Actors marked with と (the other side of a joint act)."""
    out: list[str] = []
    for np in frame.all("to"):
        out.extend(a for a in np.head_actors if a not in out)
    return out


def group(frame: Frame) -> list[str]:
    """Two or more actors acting together, marked with で (両国で締結した)."""
    for np in reversed(frame.all("de")):
        if len(np.head_actors) >= 2:
            return list(np.head_actors)
    return []


def location(frame: Frame, actor_types: dict[str, str]) -> str:
    for np in reversed(frame.all("de", "loc")):
        if len(np.head_actors) == 1 and actor_types.get(np.head_actors[0], "") in (
            "PLACE",
            "STATE",
            "REGION",
            "CITY",
        ):
            return np.head_actors[0]
    return ""


def scene(frame: Frame) -> Role:
    """Who speaks where a reaction is reported: the actor marked から (ネットユーザーからは),
    else the place of the words, で / に (ネット掲示板では, コメント欄には, 〜で波紋を呼ぶ)."""
    for cases in (("kara",), ("de", "ni")):
        np = frame.last(*cases, actors=True)
        if np is not None:
            return Role(actors_of(np), "explicit")
    for np in reversed(frame.visible_topics):
        if np.case in ("de", "kara", "ni") and np.head_actors:
            return Role(actors_of(np), "explicit")
    topic = frame.topic()  # ネットユーザーは「…」と、…批判が殺到した
    if topic is not None:
        return Role(actors_of(topic), "explicit")
    return Role()
