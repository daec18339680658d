"""Predicate-argument structures read off dependency trees written by hand (GSD style),
so that these tests say what `frames.predicates` does, whatever the model predicts.

Each tree is the sentence's fugashi tokens (unidic-lite 1.0.8) with, per token,
its relation and the index of its head ("ROOT" for the root)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.nlp import blank_japanese
from pipeline.parser.convert import with_tree
from pipeline.parser.frames import Tree, case_of, predicates


@pytest.fixture(scope="module")
def nlp():
    return blank_japanese()


def tree(nlp, text: str, arcs: str) -> Doc:
    """`text` tokenised by the pipeline, with heads and relations from `arcs`
    ("nsubj:4 case:0 ... ROOT ...", one item per token)."""
    doc = nlp.make_doc(text)
    items = arcs.split()
    assert len(items) == len(doc), [t.text for t in doc]
    heads, deps = [], []
    for i, item in enumerate(items):
        dep, _, head = item.partition(":")
        heads.append(int(head) if head else i)
        deps.append(dep)
    return with_tree(doc, heads, deps)


def pred(preds, lemma):
    (found,) = [p for p in preds if p.lemma == lemma]
    return found


def args(p):
    """(relation, case, text, via) of each argument."""
    return [(a.relation, a.case, a.text, a.via) for a in p.arguments]


def test_topic_subject_and_object(nlp):
    # 米 国 は 中国 を 批判 し た 。  (米国 is one token)
    doc = tree(nlp, "米国は中国を批判した。", "nsubj:4 case:0 obj:4 case:2 ROOT aux:4 aux:4 punct:4")
    (p,) = predicates(doc)
    assert (p.lemma, p.kind, p.text, p.voice, p.negated, p.governor) == ("批判", "sahen", "批判した", "active", False, None)
    assert args(p) == [("nsubj", "は", "米国", ""), ("obj", "を", "中国", "")]
    assert p.subject.topic and p.subject.text == "米国"
    assert p.object.text == "中国" and p.obliques == ()


def test_a_sahen_suffix_with_suru_is_a_predicate(nlp):
    # 政府 は 発言 を 問題 視 し た 。: the suffix heads the verb (its compound is the lexicon's key)
    doc = tree(nlp, "政府は発言を問題視した。", "nsubj:5 case:0 obj:5 case:2 compound:5 ROOT aux:5 aux:5 punct:5")
    p = pred(predicates(doc), "視")
    assert (p.kind, p.text) == ("sahen", "視した")
    assert args(p) == [("nsubj", "は", "政府", ""), ("obj", "を", "発言", "")]


def test_passive_with_agent(nlp):
    doc = tree(nlp, "男性が警察に逮捕された。", "nsubj:4 case:0 obl:4 case:2 ROOT aux:4 aux:4 aux:4 punct:4")
    (p,) = predicates(doc)
    assert p.voice == "passive"
    assert p.subject.text == "男性" and p.subject.case == "が"
    assert [(a.case, a.text) for a in p.obliques] == [("に", "警察")]


def test_quoted_clause_is_governed_by_the_verb_of_saying(nlp):
    # 外相 は 中国 が 合意 に 違反 し た と 述べ た 。
    doc = tree(
        nlp,
        "外相は中国が合意に違反したと述べた。",
        "nsubj:10 case:0 nsubj:6 case:2 obl:6 case:4 ccomp:10 aux:6 aux:6 case:6 ROOT aux:10 punct:10",
    )
    preds = predicates(doc)
    inner, outer = pred(preds, "違反"), pred(preds, "述べる")
    assert inner.governor.kind == "quote" and inner.governor.lemma == "述べる" and inner.governor.marker == "と"
    assert args(inner) == [("nsubj", "が", "中国", ""), ("obl", "に", "合意", "")]
    assert outer.subject.text == "外相"
    assert [(a.relation, a.text) for a in outer.arguments][1] == ("ccomp", "中国が合意に違反した")


def test_requested_act(nlp):
    # 米国 は 北朝鮮 に 撤退 する よう 求め た 。
    doc = tree(nlp, "米国は北朝鮮に撤退するよう求めた。", "nsubj:7 case:0 obl:7 case:2 advcl:7 aux:4 aux:4 ROOT aux:7 punct:7")
    preds = predicates(doc)
    asked = pred(preds, "撤退")
    assert asked.governor.kind == "request" and asked.governor.lemma == "求める"
    assert asked.subject is None  # the addressee acts, not the one who asks: nothing shared
    assert pred(preds, "求める").argument("obl").text == "北朝鮮"


def test_relative_clause_gets_the_noun_it_modifies(nlp):
    # 「 金正日 萌え 」 と ツイート し た 男性 が 逮捕 さ れ た 。
    doc = tree(
        nlp,
        "「金正日萌え」とツイートした男性が逮捕された。",
        "punct:3 compound:3 compound:3 ccomp:6 punct:3 case:3 acl:9 aux:6 aux:6 nsubj:11 case:9 ROOT aux:11 aux:11 aux:11 punct:11",
    ) if len(nlp.make_doc("「金正日萌え」とツイートした男性が逮捕された。")) == 16 else None
    if doc is None:
        pytest.skip("tokenisation of 金正日萌え differs from what this tree assumes")
    preds = predicates(doc)
    tweet, arrest = pred(preds, "ツイート"), pred(preds, "逮捕")
    assert tweet.governor.kind == "relative" and tweet.governor.lemma == "男性"
    assert ("nsubj", "", "男性", "relative") in args(tweet)
    assert arrest.voice == "passive" and arrest.subject.i == 9
    assert arrest.subject.text == "「金正日萌え」とツイートした男性"  # the whole noun phrase


def test_relative_clause_with_its_own_subject_takes_the_noun_as_object(nlp):
    # 米国 が 批判 し た 政策
    doc = tree(nlp, "米国が批判した政策", "nsubj:2 case:0 acl:5 aux:2 aux:2 ROOT")
    tweet = pred(predicates(doc), "批判")
    assert ("obj", "", "政策", "relative") in args(tweet)


def test_reaction_with_source_in_kara_and_event_noun(nlp):
    # ネット ユーザー から は 非難 の 声 が 相 次い だ 。 (相 is a prefix)
    doc = tree(nlp, "ネットユーザーからは非難の声が相次いだ。", "compound:1 obl:9 case:1 case:1 nmod:6 case:4 nsubj:9 case:6 compound:9 ROOT aux:9 punct:9")
    preds = predicates(doc)
    verb = pred(preds, "相次ぐ")
    assert verb.subject.text == "非難の声"
    (src,) = verb.obliques
    assert (src.case, src.marker, src.topic, src.text) == ("から", "からは", True, "ネットユーザー")
    noun = pred(preds, "非難")
    assert noun.kind == "noun" and noun.governor.kind == "modifier" and noun.governor.lemma == "声"


def test_event_noun_with_agent_and_patient(nlp):
    # 米国 に よる 制裁 の 解除 を 歓迎 し た 。
    doc = tree(nlp, "米国による制裁の解除を歓迎した。", "nmod:5 case:0 fixed:1 nmod:5 case:3 obj:7 case:5 ROOT aux:7 aux:7 punct:7")
    preds = predicates(doc)
    lift = pred(preds, "解除")
    assert lift.kind == "noun"
    assert [(a.case, a.marker, a.text) for a in lift.arguments] == [("による", "による", "米国"), ("の", "の", "制裁")]
    assert lift.governor.kind == "argument" and lift.governor.relation == "obj" and lift.governor.lemma == "歓迎"


def test_compound_event_noun(nlp):
    # 首脳 会談 で 合意 し た 。
    doc = tree(nlp, "首脳会談で合意した。", "compound:1 obl:3 case:1 ROOT aux:3 aux:3 punct:3")
    preds = predicates(doc)
    talks = pred(preds, "首脳会談")
    assert talks.kind == "noun" and talks.text == "首脳会談" and talks.governor.kind == "argument"
    assert pred(preds, "合意").argument("obl").case == "で"


def test_chained_clause_shares_the_subject(nlp):
    # 米国 は 中国 を 批判 し 、 制裁 を 科し た 。
    doc = tree(nlp, "米国は中国を批判し、制裁を科した。", "nsubj:9 case:0 obj:4 case:2 advcl:9 aux:4 punct:4 obj:9 case:7 ROOT aux:9 punct:9")
    preds = predicates(doc)
    crit = pred(preds, "批判")
    assert crit.governor.kind == "chain"
    assert ("nsubj", "は", "米国", "chain") in args(crit)
    assert crit.object.text == "中国"


@pytest.mark.parametrize(
    "text, arcs, negated",
    [
        ("日本は抗議しなかった。", "nsubj:2 case:0 ROOT aux:2 aux:2 aux:2 punct:2", True),
        ("日本は抗議した。", "nsubj:2 case:0 ROOT aux:2 aux:2 punct:2", False),
        ("日本は抗議しない。", "nsubj:2 case:0 ROOT aux:2 aux:2 punct:2", True),
        ("日本は抗議せず、", "nsubj:2 case:0 ROOT aux:2 aux:2 punct:2", True),
        ("日本は抗議しません。", "nsubj:2 case:0 ROOT aux:2 aux:2 aux:2 punct:2", True),
        # かもしれない: modality, not negation (か も しれ ない fixed under a mark)
        ("日本は抗議するかもしれない。", "nsubj:2 case:0 ROOT aux:2 mark:2 fixed:4 fixed:4 fixed:4 punct:2", False),
    ],
)
def test_negation(nlp, text, arcs, negated):
    p = pred(predicates(tree(nlp, text, arcs)), "抗議")
    assert p.negated is negated


@pytest.mark.parametrize(
    "text, arcs, voice",
    [
        ("政府は企業に撤退させた。", "nsubj:4 case:0 obl:4 case:2 ROOT aux:4 aux:4 aux:4 punct:4", "causative"),
        ("企業は撤退させられた。", "nsubj:2 case:0 ROOT aux:2 aux:2 aux:2 aux:2 punct:2", "causative_passive"),
        ("企業は撤退した。", "nsubj:2 case:0 ROOT aux:2 aux:2 punct:2", "active"),
    ],
)
def test_voice(nlp, text, arcs, voice):
    assert pred(predicates(tree(nlp, text, arcs)), "撤退").voice == voice


def test_adjective_predicate(nlp):
    doc = tree(nlp, "関心は高い。", "nsubj:2 case:0 ROOT punct:2")
    (p,) = predicates(doc)
    assert (p.kind, p.lemma, p.subject.text) == ("adjective", "高い", "関心")


def test_offsets_are_moved_into_the_article(nlp):
    doc = tree(nlp, "米国は中国を批判した。", "nsubj:4 case:0 obj:4 case:2 ROOT aux:4 aux:4 punct:4")
    (p,) = predicates(doc, token_offset=100, char_offset=1000)
    assert (p.i, p.start, p.end) == (104, 1006, 1010)
    assert (p.subject.i, p.subject.start, p.subject.end) == (100, 1000, 1002)


@pytest.mark.parametrize(
    "marker, expected",
    [
        ("が", ("が", False)),
        ("は", ("は", True)),
        ("も", ("も", True)),
        ("からは", ("から", True)),
        ("には", ("に", True)),
        ("によって", ("による", False)),
        ("により", ("による", False)),
        ("への", ("へ", False)),
        ("との", ("と", False)),
        ("に対し", ("に対して", False)),
        ("に対する", ("に対して", False)),
        ("をめぐって", ("について", False)),
        ("の", ("の", False)),
        ("", ("", False)),
    ],
)
def test_case_of(marker, expected):
    assert case_of(marker) == expected


# ------------------------------------------------------------------ shared subjects
# Trees as the parser makes them for these shapes (a topic hung on a lower clause).


def test_topic_of_a_quoted_clause_with_its_own_subject_moves_up(nlp):
    # 朝日 新聞 は 、 政府 が 増税 を 検討 し て いる と 報じ た 。 (朝日新聞は hung on 検討; UniDic lemma 報ずる)
    doc = tree(
        nlp,
        "朝日新聞は、政府が増税を検討していると報じた。",
        "compound:1 nsubj:8 case:1 punct:1 nsubj:8 case:4 obj:8 case:6 ccomp:13 aux:8 mark:8 fixed:10 case:8 ROOT aux:13 punct:13",
    )
    preds = predicates(doc)
    study, report = pred(preds, "検討"), pred(preds, "報ずる")
    assert [a.text for a in study.arguments if a.relation == "nsubj"] == ["政府"]
    assert (report.subject.text, report.subject.via) == ("朝日新聞", "topic")


def test_topic_of_a_requested_act_belongs_to_the_one_who_asks(nlp):
    # 政府 は 北朝鮮 に 中止 する よう 求め た 。 (政府は hung on 中止)
    doc = tree(nlp, "政府は北朝鮮に中止するよう求めた。", "nsubj:4 case:0 obl:4 case:2 advcl:7 aux:4 aux:4 ROOT aux:7 punct:7")
    preds = predicates(doc)
    assert pred(preds, "中止").subject is None
    assert pred(preds, "求める").subject.text == "政府"


def test_chained_clause_shares_its_subject_with_the_clause_it_chains_to(nlp):
    # デモ 隊 が 大使 館 を 襲撃 し 、 窓 ガラス を 割っ た 。 (デモ隊が hung on 襲撃)
    text = "デモ隊が大使館を襲撃し、窓ガラスを割った。"
    words = [t.text for t in nlp.make_doc(text)]
    assert words == ["デモ", "隊", "が", "大使", "館", "を", "襲撃", "し", "、", "窓", "ガラス", "を", "割っ", "た", "。"]
    doc = tree(nlp, text, "compound:1 nsubj:6 case:1 compound:4 obj:6 case:4 advcl:12 aux:6 punct:6 compound:10 obj:12 case:10 ROOT aux:12 punct:12")
    preds = predicates(doc)
    assert (pred(preds, "割る").subject.text, pred(preds, "割る").subject.via) == ("デモ隊", "chain")
    assert pred(preds, "襲撃").subject.via == ""


def test_clause_of_an_intention_noun_takes_its_holder_as_subject(nlp):
    # 政府 は 支援 策 を 決定 する 方針 だ 。
    doc = tree(nlp, "政府は支援策を決定する方針だ。", "nsubj:7 case:0 compound:3 obj:5 case:3 acl:7 aux:5 ROOT cop:7 punct:7")
    decide = pred(predicates(doc), "決定")
    assert decide.governor.kind == "intention"
    assert (decide.subject.text, decide.subject.via) == ("政府", "host")
    assert decide.object.text == "支援策"


@pytest.mark.parametrize(
    "text, arcs, lemma, kind, gap",
    [
        # a passive clause with its own subject: the noun is no object of it
        ("雇用が整備されていない日本", "nsubj:2 case:0 acl:8 aux:2 aux:2 mark:2 fixed:5 aux:2 ROOT", "整備", "relative", None),
        # the clause is what 姿 shows, 姿 no gap in it
        ("和田が激怒する姿を見た", "nsubj:2 case:0 acl:4 aux:2 obj:6 case:4 ROOT aux:6", "激怒", "complement", None),
        # 〜うちに: an adverbial clause
        ("知らないうちに消えた", "acl:2 aux:0 obl:4 case:2 ROOT aux:4", "知る", "adverbial", None),
        # an active clause with a subject: the noun is its object
        ("米国が批判した政策", "nsubj:2 case:0 acl:5 aux:2 aux:2 ROOT", "批判", "relative", "obj"),
    ],
)
def test_which_nouns_a_clause_leaves_a_gap_for(nlp, text, arcs, lemma, kind, gap):
    p = pred(predicates(tree(nlp, text, arcs)), lemma)
    assert p.governor.kind == kind
    assert [a.relation for a in p.arguments if a.via == "relative"] == ([gap] if gap else [])


def test_first_of_two_ga_subjects_belongs_to_the_verb_of_saying(nlp):
    # 日報 が 「 媒体 が 首相 を 批判 し た 」 と 報じ た 。 (日報が hung on 批判)
    text = "日報が「媒体が首相を批判した」と報じた。"
    doc = tree(nlp, text, "nsubj:7 case:0 punct:7 nsubj:7 case:3 obj:7 case:5 ccomp:12 aux:7 aux:7 punct:7 case:7 ROOT aux:12 punct:12")
    preds = predicates(doc)
    crit, report = pred(preds, "批判"), pred(preds, "報ずる")
    assert [a.text for a in crit.arguments if a.relation == "nsubj"] == ["媒体"]
    assert (report.subject.text, report.subject.via) == ("日報", "raised")


@pytest.mark.parametrize(
    ("text", "arcs"),
    [
        ("外相は中国が合意に違反したと述べた。", "nsubj:10 case:0 nsubj:6 case:2 obl:6 case:4 ccomp:10 aux:6 aux:6 case:6 ROOT aux:10 punct:10"),
        # not projective: 違反 (6) on 外相 (0) crosses 中国 (2) on 述べ (10)
        ("外相は中国が合意に違反したと述べた。", "nsubj:10 case:0 nsubj:10 case:2 obl:6 case:4 acl:0 aux:6 aux:6 case:6 ROOT aux:10 punct:10"),
    ],
)
def test_tree_reads_the_doc_as_spacy_does(nlp, text, arcs):
    # the reading works on index lists: the same children, subtrees, words and text as Tokens
    doc = tree(nlp, text, arcs)
    t = Tree(doc)
    assert t.doc_text == doc.text
    assert [t.text, t.lemma, t.tag, t.dep, t.head, t.idx] == [
        [x.text for x in doc], [x.lemma_ for x in doc], [x.tag_ for x in doc], [x.dep_ for x in doc],
        [x.head.i for x in doc], [x.idx for x in doc],
    ]  # fmt: skip
    assert [bool(x) for x in t.punct] == [x.is_punct for x in doc]
    assert t.kids == [[c.i for c in x.children] for x in doc]
    assert [t.subtree(i) for i in range(len(doc))] == [[c.i for c in x.subtree] for x in doc]
