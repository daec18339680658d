"""Predicate-argument structures read off a dependency parse (UD Japanese, as GSD
annotates it): for each predicate, its arguments with their case marking, the
clause that governs it, negation and voice.

A pure function of a parsed Doc or Span (`predicates`): it reads `dep_`, `head`,
`lemma_` and `tag_` (the pipeline's UniDic tag), nothing else, so it works on the
packaged parser's output and on trees written by hand in tests.

Predicates:
- `verb`: a verb heading its clause (述べた, 相次いだ);
- `sahen`: a サ変 noun with する (批判した, 逮捕された, 会談し): GSD makes the noun the head
  and する an auxiliary;
- `adjective`: an adjective or adjectival noun heading a clause (高い, 明らかにした);
- `noun`: a noun phrase headed by a サ変 noun without する (首脳会談で, 制裁の解除,
  非難の声's 非難): an event named by a noun (not 掲示板, whose head 板 names no act).

Arguments are the predicate's dependents with an argument relation (nsubj, obj,
iobj, obl, csubj, ccomp, dislocated; nmod for nouns), each with its case marker
read from the `case` words under it (に + よる -> による, から + は -> から with `topic`).
Some are added where the parse implies them (`Argument.via`): the noun a relative
clause modifies (ツイートした男性), the holder of an intention noun (政府は…決定する方針だ),
and subjects shared between clauses (`_share_arguments`).

The governor says what a predicate's clause depends on: `quote` (〜と述べた),
`request` (〜よう求めた), `intention` (〜する方針, 考え), `complement` (〜したことを,
〜する姿), `relative` (a noun it modifies), `chain` (〜し、 / 〜して), `adverbial`
(〜したが, 〜するため, 〜したうちに), `argument` (an event noun as an argument:
会談を行った) or `modifier` (an event noun modifying a noun: 非難の声).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, ORTH, SPACY, TAG
from spacy.tokens import Doc, Span

# UD relations that attach an argument to a predicate (nmod: to an event noun)
ARGUMENT_RELATIONS = ("nsubj", "obj", "iobj", "obl", "csubj", "ccomp", "dislocated")
NOUN_ARGUMENT_RELATIONS = ("nmod", "acl")
# relations under a predicate that belong to its own word chain (する, れる, ない, ている)
CHAIN_RELATIONS = ("aux", "cop", "fixed", "mark")
# markers as written -> the case they mark (compound particles folded; adnominal の dropped)
CASE_FORMS = {
    "による": "による",
    "により": "による",
    "によって": "による",
    "によっては": "による",
    "に対し": "に対して",
    "に対して": "に対して",
    "に対する": "に対して",
    "について": "について",
    "につき": "について",
    "に関して": "について",
    "に関する": "について",
    "を巡って": "について",
    "をめぐって": "について",
    "を巡る": "について",
    "をめぐる": "について",
    "として": "として",
    "とともに": "と",
    "と共に": "と",
    "において": "で",
    "における": "で",
    "に向けて": "へ",
    "に向けた": "へ",
}
TOPIC_PARTICLES = ("は", "も")
PASSIVE = ("れる", "られる")
CAUSATIVE = ("せる", "させる", "しめる")
NEGATION = ("ない", "無い", "ず", "ぬ")
DO = ("為る", "する")
# a negation after these is modality (かもしれない, に違いない), not the act's
NOT_NEGATING_BEFORE = ("知れる", "しれる", "違い")
QUOTE_MARKERS = ("と", "って", "とか")
REQUEST_MARKERS = ("よう", "様", "ように")
BRACKETS = {"「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕", "〈": "〉", "《": "》", "“": "”"}
# nouns that turn a clause into a complement (〜したことを明らかにした)
FORMAL_NOUNS = ("こと", "事", "の", "もの", "物", "ところ", "所", "か")
# nouns whose clause is what is seen or told (和田が激怒する姿, 悪気があった様子), or stands in
# an outer relation to them (the reason, means, scene or chance of it: いない理由, 設定にする
# 手段, 口にする場面, 存在した可能性): no gap either
CONTENT_NOUNS = (
    "姿", "様子", "光景", "模様", "気配", "様相", "事実", "知らせ", "噂", "うわさ",
    "理由", "原因", "方法", "手段", "場面", "背景", "可能性", "恐れ", "おそれ", "疑い", "必要", "余地", "傾向",
)
# nouns that make the clause before them an adverbial one (〜したため, 〜する際, 〜した結果,
# 知らないうちに, 〜しているわけだ): the clause does not modify them, they are no gap in it
ADVERBIAL_NOUNS = (
    "ため", "為", "際", "時", "とき", "後", "あと", "前", "中", "うち", "内", "場合", "一方", "結果", "途端",
    "直後", "直前", "以降", "以来", "まま", "ほど", "程", "わけ", "訳", "はず", "筈", "上", "末", "限り", "通り",
    "ほか", "他", "代わり", "たび", "度", "反面", "最中", "間", "頃", "ころ",
)
# nouns whose clause says what the one they belong to intends or expects (〜する方針だ,
# 〜する考えを示した): the clause is their content, the noun no gap in it, and its subject
# is theirs
INTENTION_NOUNS = (
    "方針", "予定", "考え", "意向", "構え", "見通し", "計画", "姿勢", "意思", "方向", "決意", "用意", "狙い", "目的", "見込み",
    "つもり", "積り",
)
# conjunctive particles that chain clauses sharing a subject (批判し、求めた; 会談して合意した)
# clauses whose topic (and, for chains, subject) also serves the clause governing them
SHARED_UP = ("quote", "request", "complement", "chain", "adverbial")
CHAIN_PARTICLES = ("て", "で", "し", "ながら", "つつ", "たり", "だり")
# a purpose clause (〜するために) shares its subject with the clause it serves
PURPOSE_MARKERS = ("ため", "為")


@dataclass(frozen=True)
class Argument:
    """A dependent of a predicate that fills one of its roles."""

    relation: str  # UD relation: nsubj, obj, iobj, obl, csubj, ccomp, dislocated, nmod
    case: str  # the case marked: が を に と から へ で より まで による に対して について として の; は/も when only a topic; "" when none
    marker: str  # the particles as written (からは, によると, への)
    topic: bool  # は or も marks it (a topic or focus: its role comes from `relation`)
    i: int  # token index of the argument's head word (in the Doc the offsets below index)
    start: int  # character offsets of the phrase, markers and outer punctuation left out
    end: int
    text: str
    via: str = ""  # "" its own; else inferred: "topic" (a topic of a clause below), "raised" (the first of two が-subjects of a clause below), "chain" (a chained clause's subject), "relative" (the noun its clause modifies), "host" (the subject of 方針, 考え …)


@dataclass(frozen=True)
class Governor:
    """What a predicate's clause depends on."""

    kind: str  # quote | request | intention | complement | relative | chain | adverbial | argument | modifier
    i: int  # token index of the governing word (a predicate, or the noun a relative clause modifies)
    lemma: str
    marker: str  # the linking words (と, よう, こと, て, ため ...), "" when none
    relation: str  # the UD relation of the predicate to it (ccomp, advcl, acl, obj, nmod ...)


@dataclass(frozen=True)
class Predicate:
    i: int  # token index of the head word (the サ変 noun of 批判した)
    lemma: str  # its lemma (批判, 述べる); for a compound noun predicate the compound (首脳会談)
    kind: str  # verb | sahen | adjective | noun
    start: int  # character offsets of the predicate with its chain (批判しなかった)
    end: int
    text: str
    arguments: tuple[Argument, ...]
    governor: Governor | None
    negated: bool
    voice: str  # active | passive | causative | causative_passive
    auxiliaries: tuple[str, ...] = field(default=())  # lemmas of the chain after the head

    def argument(self, *relations: str, case: str | None = None) -> Argument | None:
        """The first argument with one of `relations` (and `case`, if given)."""
        for arg in self.arguments:
            if arg.relation in relations and (case is None or arg.case == case):
                return arg
        return None

    @property
    def subject(self) -> Argument | None:
        """The grammatical subject (the agent if active, the patient if passive)."""
        return self.argument("nsubj", "csubj") or next(
            (a for a in self.arguments if a.case == "が" and a.relation in ("obl", "dislocated")), None
        )

    @property
    def object(self) -> Argument | None:
        return self.argument("obj") or next((a for a in self.arguments if a.case == "を"), None)

    @property
    def obliques(self) -> tuple[Argument, ...]:
        """Arguments that are neither subject nor object (に, と, から, へ, で, による ...)."""
        core = (self.subject, self.object)
        return tuple(a for a in self.arguments if not any(a is c for c in core))


class Tree:
    """A parsed Doc read once into plain lists (`Doc.to_array`), so that the reading below
    works on token indices instead of a new spaCy Token object per look at a word."""

    __slots__ = ("text", "lemma", "tag", "dep", "head", "idx", "space", "punct", "kids", "doc_text")

    def __init__(self, doc: Doc):
        n = len(doc)
        cols = doc.to_array([ORTH, LEMMA, TAG, DEP, HEAD, IDX, IS_SPACE, IS_PUNCT, SPACY]).T.tolist()
        names = _names(doc, {*cols[0], *cols[1], *cols[2], *cols[3]})
        self.text, self.lemma, self.tag, self.dep = ([names[h] for h in col] for col in cols[:4])
        # HEAD is the signed offset to the head, stored unsigned
        self.head = [i + (h if h < 2**63 else h - 2**64) for i, h in zip(range(n), cols[4], strict=True)]
        self.idx = cols[5]
        self.space, self.punct = cols[6], cols[7]
        # Doc.text without a Token per word
        self.doc_text = "".join([w + " " if sp else w for w, sp in zip(self.text, cols[8], strict=True)])
        self.kids: list[list[int]] = [[] for _ in range(n)]  # children in text order, as Token.children
        for i, h in enumerate(self.head):
            if h != i:
                self.kids[h].append(i)

    def subtree(self, i: int) -> list[int]:
        """Token i and its descendants in `Token.subtree`'s order."""
        out: list[int] = []
        self._subtree(i, out)
        return out

    def _subtree(self, i: int, out: list[int]) -> None:
        kids = self.kids[i]
        for k in kids:
            if k < i:
                self._subtree(k, out)
        out.append(i)
        for k in kids:
            if k > i:
                self._subtree(k, out)


# string hash -> string: StringStore decodes its UTF-8 bytes anew on every look-up, and the
# same few thousand words, tags and labels come back in every sentence (a hash names one
# string in every vocab); bounded, forgetting only costs a look-up again
_NAMES: dict[int, str] = {}


def _names(doc: Doc, hashes: set[int]) -> dict[int, str]:
    if len(_NAMES) > 200_000:
        _NAMES.clear()
    missing = hashes.difference(_NAMES)
    if missing:
        strings = doc.vocab.strings
        _NAMES.update((h, strings[h]) for h in missing)
    return _NAMES


def predicates(parsed: Doc | Span, token_offset: int = 0, char_offset: int = 0, tree: Tree | None = None) -> list[Predicate]:
    """Every predicate of a parsed sentence (or Doc) in text order. Token indices and
    character offsets are those of `parsed`'s Doc plus the offsets given (to report them
    in the article a sentence was parsed out of); `tree`: the Doc's, when read already."""
    doc = parsed if isinstance(parsed, Doc) else parsed.doc
    if isinstance(parsed, Doc):
        first, last = 0, len(doc)
    else:
        first, last = parsed.start, parsed.end
    if first >= last:
        return []
    tree = tree or Tree(doc)
    text = tree.doc_text
    out = []
    for i in range(first, last):
        kind = predicate_kind(tree, i)
        if kind:
            out.append(_predicate(tree, i, kind, token_offset, char_offset, text))
    return _share_arguments(out)


def predicate_kind(t: Tree, i: int) -> str:
    """verb | sahen | adjective | noun for a word that heads a predicate, else ""."""
    dep = t.dep[i]
    if dep in CHAIN_RELATIONS or dep in ("case", "punct", "compound", "nummod", "det", "advmod", "cc"):
        return ""
    tag = t.tag[i]
    if tag.startswith("動詞"):
        return "verb"
    if tag.startswith(("形容詞", "形状詞")):
        return "adjective"
    if tag.startswith(("名詞", "接尾辞")) and "サ変" in tag:
        # a noun that can take する (批判, 会談, 逮捕): UniDic's サ変可能 classes; with
        # する in its chain (GSD makes the noun the head and する an auxiliary); a suffix
        # so (問題 + 視した, 正当 + 化した) only with する
        if any(c > i and t.dep[c] in ("aux", "cop") and t.lemma[c] in DO for c in t.kids[i]):
            return "sahen"
        return "noun" if tag.startswith("名詞") else ""
    return ""


def _predicate(t: Tree, head: int, kind: str, token_offset: int, char_offset: int, doc_text: str) -> Predicate:
    chain = _chain(t, head)
    lemmas = tuple(t.lemma[k] for k in chain if k > head)
    words = [head, *chain]
    if kind == "noun":  # the compound the event noun heads (首脳会談, 抗議集会)
        words = [c for c in t.kids[head] if t.dep[c] == "compound" and c < head] + words
        lemma = "".join(t.text[k] for k in sorted(words[:-1])) + t.lemma[head] if len(words) > 1 else t.lemma[head]
    else:  # with its prefixes (相 + 次ぐ: 相次ぐ)
        prefixes = _prefixes(t, head)
        lemma = "".join(t.text[k] for k in prefixes) + t.lemma[head]
        words = prefixes + words
    first, last = min(words), max(words)
    start, end = t.idx[first], t.idx[last] + len(t.text[last])
    text = doc_text[start:end]
    arguments = [
        _argument(t, child, token_offset, char_offset, doc_text)
        for child in t.kids[head]
        if t.dep[child] in ARGUMENT_RELATIONS or (kind == "noun" and t.dep[child] == "nmod")
    ]
    governor = _governor(t, head, chain, token_offset)
    if governor is not None and governor.kind == "relative" and kind != "noun":
        # ツイートした男性: 男性 is the subject; 米国が批判した政策: 政策 the object
        relations = {a.relation for a in arguments} | {a.case for a in arguments}
        if not relations & {"nsubj", "csubj", "が"}:
            arguments.append(_gap(t, t.head[head], "nsubj", token_offset, char_offset, doc_text))
        elif not relations & {"obj", "を"} and _voice(lemmas) == "active":
            # a passive clause's own subject is its patient: the noun is a place or time
            # (雇用が整備されていない日本), not an object
            arguments.append(_gap(t, t.head[head], "obj", token_offset, char_offset, doc_text))
    if governor is not None and governor.kind == "intention" and not any(a.relation in ("nsubj", "csubj") for a in arguments):
        # 政府は…決定する方針だ / 外相は…続ける考えを示した: the subject of 方針, 示す
        noun = t.head[head]
        holders = [c for c in t.kids[noun] if t.dep[c] in ("nsubj", "dislocated")]
        if not holders and t.head[noun] != noun:
            holders = [c for c in t.kids[t.head[noun]] if t.dep[c] in ("nsubj", "dislocated")]
        if holders:
            arguments.append(replace(_argument(t, holders[0], token_offset, char_offset, doc_text), relation="nsubj", via="host"))
    return Predicate(
        i=head + token_offset,
        lemma=lemma,
        kind=kind,
        start=start + char_offset,
        end=end + char_offset,
        text=text,
        arguments=tuple(arguments),
        governor=governor,
        negated=_negated(t, chain),
        voice=_voice(lemmas),
        auxiliaries=lemmas,
    )


def _prefixes(t: Tree, head: int) -> list[int]:
    """The prefixes right before a head word (相 of 相次ぐ, 再 of 再開)."""
    i = head - 1
    while i >= 0 and t.tag[i].startswith("接頭辞") and t.head[i] == head:
        i -= 1
    return list(range(i + 1, head))


def _chain(t: Tree, head: int) -> list[int]:
    """The words after the head that belong to its predicate: auxiliaries, copula,
    fixed parts and conjunctive particles (し, れ, なかっ, た; て い る), with their own fixed parts."""
    out = []
    for child in t.kids[head]:
        if child > head and t.dep[child] in CHAIN_RELATIONS:
            out.append(child)
            out.extend(g for g in t.kids[child] if t.dep[g] == "fixed")
    out.sort()
    return out


def _negated(t: Tree, chain: list[int]) -> bool:
    """An odd number of negations in the chain (しなかった; not かもしれない, ないか)."""
    n = 0
    for k, i in enumerate(chain):
        if t.lemma[i] in NEGATION and t.tag[i].startswith(("助動詞", "形容詞")):
            before = t.lemma[chain[k - 1]] if k else t.lemma[i - 1] if i > 0 else ""
            after = t.text[chain[k + 1]] if k + 1 < len(chain) else ""
            if before in NOT_NEGATING_BEFORE or after == "か":
                continue
            n += 1
    return n % 2 == 1


def _voice(lemmas: tuple[str, ...]) -> str:
    causative = any(x in CAUSATIVE for x in lemmas)
    passive = any(x in PASSIVE for x in lemmas)
    if causative and passive:
        return "causative_passive"
    return "causative" if causative else "passive" if passive else "active"


def _markers(t: Tree, i: int) -> list[int]:
    """The case particles under an argument, with their fixed parts (に よる, から は)."""
    out = []
    for child in t.kids[i]:
        if t.dep[child] == "case" and child > i:
            out.append(child)
            out.extend(g for g in t.kids[child] if t.dep[g] == "fixed")
    out.sort()
    return out


def case_of(marker: str) -> tuple[str, bool]:
    """(the case a marker marks, whether は/も marks a topic): からは -> (から, True),
    は -> (は, True), によって -> (による, False), への -> (へ, False), の -> (の, False)."""
    topic = False
    while len(marker) > 1 and marker.endswith(TOPIC_PARTICLES):
        marker, topic = marker[:-1], True
    if marker in TOPIC_PARTICLES:
        return marker, True
    if marker in CASE_FORMS:
        return CASE_FORMS[marker], topic
    if len(marker) > 1 and marker.endswith("の") and marker[:-1]:
        base = marker[:-1]
        return CASE_FORMS.get(base, base), topic
    return marker, topic


def _argument(t: Tree, i: int, token_offset: int, char_offset: int, doc_text: str) -> Argument:
    markers = _markers(t, i)
    marker = "".join(t.text[k] for k in markers)
    case, topic = case_of(marker)
    # a clause's own chain stays in its phrase (違反した), its linking words do not (と, か)
    linking = set(markers)
    for child in t.kids[i]:
        if child > i and t.dep[child] in ("mark", "punct"):
            linking.update(t.subtree(child))
    phrase = [k for k in t.subtree(i) if k <= i or k not in linking]
    return _argument_at(t, i, phrase, token_offset, char_offset, doc_text, relation=t.dep[i], case=case, marker=marker, topic=topic)


def _argument_at(t: Tree, i: int, phrase: list[int], token_offset: int, char_offset: int, doc_text: str, **fields) -> Argument:
    """An argument headed by token i spanning `phrase` up to its first gap (commas, spaces
    and unclosed brackets at its left edge left out)."""
    text = t.text
    closers = {text[k] for k in phrase}
    a = 0
    while len(phrase) - a > 1 and (t.space[phrase[a]] or (t.punct[phrase[a]] and BRACKETS.get(text[phrase[a]]) not in closers)):
        a += 1
    last = phrase[a]
    for k in phrase[a + 1 :]:
        if k != last + 1 and k > i:
            break
        last = k
    start, end = t.idx[phrase[a]], t.idx[last] + len(text[last])
    return Argument(i=i + token_offset, start=start + char_offset, end=end + char_offset, text=doc_text[start:end], **fields)


def _gap(t: Tree, noun: int, relation: str, token_offset: int, char_offset: int, doc_text: str) -> Argument:
    """The noun a relative clause modifies as an argument of the clause (no case marker):
    the noun with the compound parts and numbers right before it (韓国人男性, 市民数十人),
    not the clause."""
    a = noun
    while a > 0 and noun >= t.head[a - 1] >= a and _part_of_noun(t, a - 1):
        a -= 1
    return _argument_at(t, noun, list(range(a, noun + 1)), token_offset, char_offset, doc_text, relation=relation, case="", marker="", topic=False, via="relative")


def _part_of_noun(t: Tree, i: int) -> bool:
    """Is token i part of the noun after it: a compound part, a number, or a bare noun
    modifier without a particle (彼 of 彼ら)?"""
    if t.dep[i] in ("compound", "nummod"):
        return True
    return t.dep[i] == "nmod" and not any(t.dep[c] == "case" for c in t.kids[i])


def _governor(t: Tree, head: int, chain: list[int], token_offset: int) -> Governor | None:
    dep = t.dep[head]
    gov = t.head[head]
    if dep == "ROOT" or gov == head:
        return None
    linking = [k for k in chain if t.dep[k] in ("mark", "case") or t.tag[k].startswith("形状詞-助動詞語幹")]
    linking += [c for c in t.kids[head] if t.dep[c] == "case" and c > head and c not in linking]
    marker = "".join(t.text[k] for k in sorted(linking))
    kind = _clause_kind(t, head, gov, dep, linking)
    return Governor(kind=kind, i=gov + token_offset, lemma=t.lemma[gov], marker=marker, relation=dep)


def _clause_kind(t: Tree, head: int, gov: int, dep: str, linking: list[int]) -> str:
    texts = [t.text[k] for k in linking]
    if any(t.text[k] in QUOTE_MARKERS and t.tag[k].startswith(("助詞-格助詞", "助詞-副助詞")) for k in linking):
        return "quote"
    if any(t.lemma[k] in REQUEST_MARKERS or t.text[k] in REQUEST_MARKERS for k in linking):
        return "request"
    if dep == "acl":
        lemma, text = t.lemma[gov], t.text[gov]
        if lemma in FORMAL_NOUNS + CONTENT_NOUNS or text in FORMAL_NOUNS + CONTENT_NOUNS:
            return "complement"
        if lemma in INTENTION_NOUNS or text in INTENTION_NOUNS:
            return "intention"
        if lemma in ADVERBIAL_NOUNS or text in ADVERBIAL_NOUNS:
            return "adverbial"
        return "relative"
    if dep in ("ccomp", "csubj"):
        return "complement"
    if dep == "advcl":
        if not texts or texts[-1] in CHAIN_PARTICLES or (t.tag[head].startswith("名詞") and not texts):
            return "chain"
        return "adverbial"
    if dep in ARGUMENT_RELATIONS:
        return "argument"
    return "modifier"


def _share_arguments(preds: list[Predicate]) -> list[Predicate]:
    """Subjects a clause does not state but its neighbours do (text order):

    1. **Up**: a は/も topic cannot stay inside a subordinate clause, so a topic the parse
       hangs on a quoted, requested, complement, chained or adverbial clause is also the
       subject of the clause governing it when that one has none (朝日新聞は…検討していると
       報じた: 報じる; 米国は…を批判し、…を発表した: 発表); it leaves the lower clause when
       that clause has a subject of its own (政府が) or is a requested act (〜よう求めた:
       the addressee acts). A chained clause's が-subject is shared the same way
       (デモ隊が大使館を襲撃し、窓ガラスを割った: 割る), and a purpose clause's (農民が
       知らせるために来日した: 来日); either replaces a topic the parse hangs on a quoted
       clause, which is the reporter's (`_reporters_topic`). A quoted clause's が-subject
       written before its は-topic is the speaker's: a topic opens its clause.
    2. **Down**: a chained clause without a subject shares the subject of the clause it
       chains to (米国はBを批判し、Cを求めた, GSD attaching 米国は to 求める: 批判)."""
    preds = list(preds)
    index = {p.i: k for k, p in enumerate(preds)}
    _raise_before_topic(preds, index)
    for k in range(len(preds)):
        p = preds[k]
        gov = p.governor
        if gov is None or gov.kind not in SHARED_UP or gov.i not in index:
            continue
        h = index[gov.i]
        subjects = [a for a in p.arguments if a.relation == "nsubj" and not a.topic and not a.via]
        if len(subjects) > 1 and preds[h].subject is None:
            # two が-subjects: the first is the governing clause's (国民日報が、「…が…を攻撃
            # している」と報じ: 国民日報 reports, the quoted clause has its own); of three, the
            # first is the clause's above that (メディアが、国防省が、北朝鮮が発射したのを確認した
            # ことを報じた: 報じる, 確認, 発射)
            ordered = sorted(subjects, key=lambda a: a.i)
            first = ordered[-2]
            p = preds[k] = replace(p, arguments=tuple(b for b in p.arguments if b not in ordered[:-1]))
            preds[h] = replace(preds[h], arguments=(*preds[h].arguments, replace(first, via="raised")))
            up = _clause_above(preds, index, preds[h])
            for extra in reversed(ordered[:-2]):
                if up is None or preds[up].subject is not None:
                    break
                preds[up] = replace(preds[up], arguments=(*preds[up].arguments, replace(extra, via="raised")))
                up = _clause_above(preds, index, preds[up])
        for a in p.arguments:
            if a.via in ("relative", "host") or a.relation not in ("nsubj", "csubj", "dislocated"):
                continue
            purpose = gov.kind == "adverbial" and gov.marker.startswith(PURPOSE_MARKERS)
            if not a.topic and gov.kind != "chain" and not purpose:
                continue
            if preds[h].subject is None or (not a.topic and _reporters_topic(preds[h])):
                preds[h] = replace(preds[h], arguments=(*preds[h].arguments, replace(a, via="topic" if a.topic else "chain")))
            own = any(b is not a and b.relation == "nsubj" and not b.topic for b in p.arguments)
            if a.topic and not a.via and (own or gov.kind == "request"):
                p = preds[k] = replace(p, arguments=tuple(b for b in p.arguments if b is not a))
    by_i = {p.i: p for p in preds}
    out: list[Predicate] = []
    for p in preds:
        gov = p.governor
        if gov is not None and gov.kind == "chain" and p.kind != "noun" and p.subject is None:
            host = _host(by_i, gov.i)
            subj = host.subject if host is not None else None
            if subj is not None:
                p = replace(p, arguments=(*p.arguments, replace(subj, via="chain")))
        out.append(p)
    return out


def _clause_above(preds: list[Predicate], index: dict[int, int], p: Predicate) -> int | None:
    """The index of the predicate whose clause holds p's: its governor, or the predicate
    taking as an argument the noun p's clause completes (〜したことを報じた: 報じる)."""
    gov = p.governor
    if gov is None or gov.kind not in SHARED_UP:
        return None
    if gov.i in index:
        return index[gov.i]
    return next((k for k, q in enumerate(preds) if any(a.i == gov.i for a in q.arguments)), None)


def _raise_before_topic(preds: list[Predicate], index: dict[int, int]) -> None:
    """A が-subject written before a は-topic of the same clause is not that clause's: a
    topic opens its clause. In a quoted clause (and the clauses chained into it) it is the
    speaker's, the verb of saying's (防衛相が「ミサイル」は飛行し落下したと発表した)."""
    for k, p in enumerate(preds):
        subjects = [a for a in p.arguments if a.case == "が" and a.relation == "nsubj" and not a.topic and not a.via]
        if len(subjects) != 1 or not any(a.topic and a.case == "は" and not a.via and a.i > subjects[0].i for a in p.arguments):
            continue
        q, seen = p, set()
        while q.governor is not None and q.governor.kind == "chain" and q.governor.i in index and q.i not in seen:
            seen.add(q.i)
            q = preds[index[q.governor.i]]
        gov = q.governor
        if gov is None or gov.kind != "quote" or gov.i not in index or preds[index[gov.i]].subject is not None:
            continue
        h = index[gov.i]
        preds[k] = replace(p, arguments=tuple(b for b in p.arguments if b is not subjects[0]))
        preds[h] = replace(preds[h], arguments=(*preds[h].arguments, replace(subjects[0], via="raised")))


def _reporters_topic(p: Predicate) -> bool:
    """Is p's only subject a topic the parse hangs on a quoted clause (聯合ニュースは、農民が
    来日し、デモを行ったと報じた: ニュースは under 行う)? That topic is the reporter's, and a
    が-subject of a clause chained to p is p's own."""
    subjects = [a for a in p.arguments if a.relation in ("nsubj", "csubj") or a.case == "が"]
    return bool(subjects) and all(a.topic and not a.via for a in subjects) and p.governor is not None and p.governor.kind == "quote"


def _host(by_i: dict[int, Predicate], i: int) -> Predicate | None:
    """The predicate at token i, following chains up to the clause that states its subject."""
    seen = set()
    p = by_i.get(i)
    while p is not None and p.subject is None and p.governor is not None and p.governor.kind == "chain" and p.i not in seen:
        seen.add(p.i)
        p = by_i.get(p.governor.i)
    return p
