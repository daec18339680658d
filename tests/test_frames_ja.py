"""The Japanese front end over the dependency parser (reader "ja.v2": events/frames_ja.py)
and its reader, on sentences written for these tests: the v1 coder's case tables
(tests/test_events.py) read by v2, then shapes v2 reads by the tree (quotations parsed
on their own, clauses the parse hangs elsewhere), frames, the lexicon adapter and the
component's reader choice."""

from __future__ import annotations

import pytest

from pipeline.events.frames_ja import frames_ja, units
from pipeline.events.lexicon import JapaneseLexicon
from pipeline.events.readers import (
    READER_ENV,
    READERS,
    default_reader,
    get_reader,
    read_events,
    sentences,
)
from pipeline.model import Frame
from pipeline.nlp import blank_japanese
from pipeline.parser import MODEL_DIR
from pipeline.parser.component import parse_units

from .events_fixtures import doc_with_mentions
from .test_events import ACTORS, ATTRIBUTE_CASES, REAL_NEWS_CASES, ROLE_CASES, tuples

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "parser").exists(), reason="the packaged parser model is missing")


@pytest.fixture(scope="module")
def nlp():
    return blank_japanese()


def parsed(doc):
    (found,) = parse_units([(doc, units(doc, sentences(doc)))])
    return found


def v2(doc, embedded=False):
    return read_events(doc, parsed(doc), embedded)


def coded(nlp, text, dates=None, published="2026-02"):
    return v2(doc_with_mentions(nlp, text, ACTORS, dates or {}, published))


def analyzed(text, published="2012-08-20"):
    """The whole pipeline (linker, dates) with reader v2."""
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    doc = run_nlp(prepare(text), "ja", published)
    return [(e.source_actor_id, e.event_code, e.target_actor_id) for e in v2(doc)]


# ------------------------------------------------------- the v1 case tables, read by v2

# where v2 reads otherwise, and why: the language-independent coder's rules
V2_READS_OTHERWISE = {
    # a joint act with one party named is no joint act: v1 codes JPN 040 "" for 話し合う,
    # which the merge then folds into the meeting
    "日本は米国と会談し、貿易問題を話し合う見通しだ。": [("JPN", "040", "USA", "affirmed", "hypothetical")],
    # an act its agent will do is its stated intent (CAMEO 03x; 1313 for an expulsion),
    # not the act with modality "intended"
    "日本は米国を訪問する予定だ。": [("JPN", "036", "USA", "affirmed", "asserted")],
    "日本は米国と会談しようとしている。": [("JPN", "036", "USA", "affirmed", "asserted")],
    "ロシアは日本の外交官を追放すると発表した。": [("RUS", "1313", "JPN", "affirmed", "asserted")],
}
V2_REAL_NEWS = {
    "ロシアは日本の外交官を追放すると発表した。": [("RUS", "1313", "JPN_GOV")],
    # a statement with no target of its own is about the act before it, by another party
    "韓国の国防省は、北朝鮮がミサイルを発射したのを確認した。": [("PRK", "150", ""), ("KOR_MIL", "010", "PRK")],
}


@pytest.mark.parametrize(("text", "expected"), ROLE_CASES + ATTRIBUTE_CASES)
def test_v1_case_tables(nlp, text, expected):
    assert tuples(coded(nlp, text, {"来月": "2026-03"})) == V2_READS_OTHERWISE.get(text, expected)


@pytest.mark.parametrize(("text", "expected"), REAL_NEWS_CASES)
def test_v1_real_news_shapes(text, expected):
    assert analyzed(text) == V2_REAL_NEWS.get(text, expected)


# ------------------------------------------------------------------ what the tree gives

TREE_CASES = [
    # the speaker of a long quotation: the parse hangs 外相は inside it unless the quoted
    # words are parsed on their own
    ("ロシアの外相は、「日本はかつてアジアの国々に大きな損害を与えた歴史がある」と語った。",
     [("RUS", "010", "JPN")]),
    # the quoted act is coded too, in its own scope (its subject is its own)
    ("韓国の外相は「北朝鮮が日本を非難した」と述べた。", [("PRK", "111", "JPN"), ("KOR", "010", "PRK")]),
    # a question in quotes asserts nothing (the voice is a statement about whom it names)
    ("日本のネット掲示板には「日本は中国を攻撃するのか」との声もある。", [("JPN_NETIZENS", "010", "CHN")]),
    # a clause ending in the 連用形 chains, even where the parse hangs it on a noun
    ("韓国の警察が船を停止させ日本人船員を拘束した問題で、日本政府は韓国に抗議した。",
     [("KOR_COP", "173", "JPN_CVL"), ("JPN_GOV", "114", "KOR")]),
    # coordination the parse hangs on the verb (中国と) is coordination with the object
    ("北朝鮮は中国と韓国を非難した。", [("PRK", "111", "CHN"), ("PRK", "111", "KOR")]),
    # a phrase marked は outside the quotations belongs to the main clause
    ("これに対し韓国のネット掲示板では「ひどい」「あり得ない」など、日本への批判が相次いだ。",
     [("KOR_NETIZENS", "111", "JPN")]),
    # the words of a public voice are its opinion: the acts they name are not coded
    ("韓国のネットユーザーからは「米国が日本を非難した」と、米国を支持する意見が多くみられた。",
     [("KOR_NETIZENS", "051", "USA")]),
    ("韓国のネット掲示板には「米国が日本を非難した」などのコメントが相次いだ。", [("KOR_NETIZENS", "010", "USA")]),
    # ... but a speaker's words are read (コメントした is a verb of saying)
    ("韓国の外相は「北朝鮮が日本を非難した」とコメントした。", [("PRK", "111", "JPN"), ("KOR", "010", "PRK")]),
    # a news outlet acts in words: a visit or a demonstration it reports is someone else's,
    # and its report of them is attribution
    ("韓国の聯合ニュースは20日、韓国の農民が日本に知らせるために来日しデモを行った、と報じた。", []),
    ("朝日新聞は、日本政府を批判した。", [("ORG_ASAHI_SHIMBUN", "111", "JPN_GOV")]),
    # a passive support verb: the subject suffers the act named by the object, the
    # に / から-party does it
    ("日本人女性が韓国人男性に暴行を加えられた。", [("KOR_CVL", "182", "JPN_CVL")]),
    ("米国は中国から批判を浴びせられた。", [("CHN", "111", "USA")]),
    # a が-phrase the parse hangs on an intransitive relative clause is the verb's above
    # (倒れている女性: the woman fell), and a を-phrase hung on an intransitive adverbial
    # clause (生きたまま) is its object
    ("中国の警察が倒れている女性を拘束した。", [("CHN_COP", "173", "CHN_CVL")]),
    ("朝日新聞は、中国の警察が倒れている女性を生きたまま田んぼに捨てたと報じた。", [("CHN_COP", "180", "CHN_CVL")]),
    # ... a transitive one keeps it (中国が建設した: China built it)
    ("日本政府は、中国が建設したガス田を非難した。", [("JPN_GOV", "111", "CHN")]),
    # a title after 元 / 前 still leaves the person heading the phrase
    ("鳩山元首相は中国を批判した。", [("PER_HATOYAMA_YUKIO", "111", "CHN")]),
    # where words were said is not who said them: a state's (or a place's) public reacts
    ("韓国の大統領が竹島に上陸し、日本国内で波紋を呼んでいる。",
     [("PER_LEE_MYUNG_BAK", "042", "PLC_LIANCOURT_ROCKS"), ("JPN_CVL", "111", "PER_LEE_MYUNG_BAK")]),
    # a relative clause in the ている form describes its noun: background, no event ...
    ("アップルが公開した地図アプリで、韓国が領有権を主張している竹島が「竹島」と表記されていることがわかった。", []),
    # ... but on a voice noun it is the voice's act
    ("韓国のネット掲示板では、日本政府を批判している書き込みが相次いだ。", [("KOR_NETIZENS", "111", "JPN_GOV")]),
    # a voice about whom its words name, its speakers' own people aside (韓国人 in Korean
    # users' words is themselves)
    ("韓国のネット掲示板には「韓国人は弾避けかよ」「日本は昔、同じことをやった」などの声が相次いだ。",
     [("KOR_NETIZENS", "010", "JPN")]),
    # an object labelled by quoted words addresses whom they name (the agent's own aside)
    ("東京の通信社は、韓国大使館が「がんばろう日本！韓国国民はみなさんと共に歩みます」という懸垂幕を掲げたと報じた。",
     [("KOR_EMBASSY", "017", "JPN")]),
    # a protest with no target is against the state where it is held
    ("韓国の市民団体は大阪でデモを行った。", [("KOR_NGO", "141", "JPN")]),
    # reported: the sentence ends in hearsay
    ("中国の警察は男性を拘束したという。", [("CHN_COP", "173", "CHN_CVL")]),
    # a が-phrase the parse hangs on a noun or on a later predicate with another が-subject
    # marks the first predicate after it (首相が28日、「…」と発言したことが報道された)
    ("野田首相が28日、「子どもが生まれたら名前を付けたらいい」と発言したことが韓国でも報道された。",
     [("PER_NODA_YOSHIHIKO", "010", "KOR")]),
    # the source cited by によれば announces what has no other speaker
    ("朝日新聞の調査によれば、内閣の支持率が20%を記録したと発表した。", [("ORG_ASAHI_SHIMBUN", "010", "")]),
    # a が-subject before a quoted clause's は-topic is the speaker's: a topic opens its clause
    ("田中直紀防衛相が「ミサイル」は1分以上飛行し落下したと発表した。", [("PER_TANAKA_NAOKI", "010", "")]),
    # a purpose clause's subject is the clause's it serves, not the reporter's topic
    ("聯合ニュースは20日、韓国の市民団体の代表が日本に知らせるために来日し一人でデモを行った、と報じた。",
     [("KOR_NGO", "042", "JPN"), ("KOR_NGO", "141", "")]),
    # an act noun carried by a support verb in a relative clause on a voice is the voice's act
    ("日本のネット掲示板では、中国社会のモラルに疑問を呈する声が殺到した。", [("JPN_NETIZENS", "111", "CHN")]),
    ("韓国のネットユーザーからは、日本の対応に理解を示す意見も見られた。", [("KOR_NETIZENS", "019", "JPN")]),
    # a protest held in front of an institution is against it; else against the state of
    # the place, read through the clauses chained into it
    ("韓国の市民団体はソウルの日本大使館前でデモを行った。", [("KOR_NGO", "141", "JPN_EMBASSY")]),
    ("韓国の市民団体は日本大使館前での糾弾集会を行なっている。", [("KOR_NGO", "141", "JPN_EMBASSY")]),
    ("韓国の市民団体は日本大使館前で抗議した。", [("KOR_NGO", "114", "JPN_EMBASSY")]),
    ("韓国の市民団体は東京都新宿区にある都庁の前で衣装をまとい、旗を持ってデモを行った。", [("KOR_NGO", "141", "JPN")]),
    # a statement's quoted words decide its code by their cue words (as a voice's), and its
    # target: the party named closest before the cue, else the one they name most
    ("韓国の大統領は、ツイッターで「野田首相…黙れ、おっさん」とツイートした。",
     [("PER_LEE_MYUNG_BAK", "111", "PER_NODA_YOSHIHIKO")]),
    ("鳩山元首相は『大使館前の像を世界に発信し、韓国の嘘を暴き、日本の名誉を回復しなければならない』と述べた。",
     [("PER_HATOYAMA_YUKIO", "111", "KOR")]),
    ("鳩山元首相は「中国は素晴らしい国だ」と語った。", [("PER_HATOYAMA_YUKIO", "051", "CHN")]),
    # a voice is about the topic of its clause (the one who arrested), not the names quoted
    ("韓国のネット掲示板では「言論の自由はないのか」など、韓国当局による逮捕は「行き過ぎである」とする意見が大半を占めた。",
     [("KOR_NETIZENS", "111", "KOR_GOV")]),
    # a title quoted (「…訓練」の様子) asserts no act; what it would take (撃墜するには) is hypothetical
    ("17日、米軍のニュースサイトが「北朝鮮から侵攻を受けた際の民間人避難訓練」の様子を詳しく報じた。", []),
    # a statement about two parties is about the one that is not the speaker's own state
    ("鳩山元首相は、日中関係を「真の和解は達成されていない」と語った。", [("PER_HATOYAMA_YUKIO", "010", "CHN")]),
    # the article that reports is the speaker, not the topic of what it reports, and a
    # clause made a noun (…したことも伝えた) is no subject
    ("また記事では、北朝鮮は米国に敗れたものの、両国の選手たちが交流を行なっていたことも伝えた。", []),
    # a relative clause on an act noun a support verb carries is done by the verb's subject
    ("北朝鮮は今年初めから、韓国の李明博大統領をネズミに例える宣伝を行っている。", [("PRK", "111", "PER_LEE_MYUNG_BAK")]),
    # two organs of one state with their own sectors act on each other
    ("中国の警察は地元政府に女性を車で運ぶよう連絡した。", [("CHN_COP", "020", "CHN_GOV")]),
    # a plain statement beside a more specific one of the speaker's is that one
    ("藤村官房長官は「政府として核武装の考えは一切持っていない」と述べ、核武装を否定した。", [("PER_FUJIMURA_OSAMU", "016", "")]),
    # three が-subjects in a row: each clause up takes the next (メディアが、国防省が、北朝鮮が
    # 発射したのを確認したことを報じた: the ministry confirmed, the media report)
    ("13日、一部メディアが、韓国の国防省が、北朝鮮がミサイルを発射したのを確認したことを報じた。",
     [("PRK", "150", ""), ("KOR_MIL", "010", "PRK")]),
    # a stir is about the party the words quoted before it name (「…」と、…で波紋を呼んでいる),
    # not about words labelling a thing (「…」という懸垂幕)
    ("韓国では「日本が核武装を企んでいる」と、メディアやネット掲示板などで波紋を呼んでいる。",
     [("KOR_MED", "111", "JPN"), ("KOR_NETIZENS", "111", "JPN")]),
    # a platform no actor names is its state's: its users speak
    ("韓国のSNSでは「大統領として当然のことをしたまで」など李大統領の行動を支持する意見が相次いだ。",
     [("KOR_NETIZENS", "051", "PER_LEE_MYUNG_BAK")]),
    # a news outlet's report of an act is attribution even when the act is not coded, and
    # an island shared from another clause does not act
    ("聯合ニュースは20日、竹島が韓国の領土であることを日本に知らせるために来日し一人でデモを行った、と報じた。", []),
]


@pytest.mark.parametrize(("text", "expected"), TREE_CASES)
def test_tree_shapes(text, expected):
    assert analyzed(text) == expected


# platforms are the actors lexicon's `platforms`, not "an organisation of no country"
PLATFORM_CASES = [
    # an organisation of no country named with では acts in its premises
    ("韓国政府は日本を批判した。FIFAでは、韓国代表の選手に対する処分を検討している。",
     [("KOR_GOV", "111", "JPN"), ("ORG_FIFA", "014", "KOR")]),
    ("韓国政府は日本を批判した。アルカイダでは、米国を非難する声明を出した。",
     [("KOR_GOV", "111", "JPN"), ("ORG_AL_QAEDA", "111", "USA")]),
    # a platform of one country speaks as its internet users, not as the platform
    ("日本政府は韓国を批判した。ネイバーからは、日本を非難する声が相次いだ。",
     [("JPN_GOV", "111", "KOR"), ("KOR_NETIZENS", "111", "JPN")]),
    ("日本政府は韓国を批判した。2ちゃんねるからは、韓国を非難する声が相次いだ。",
     [("JPN_GOV", "111", "KOR"), ("JPN_NETIZENS", "111", "KOR")]),
]


@pytest.mark.parametrize(("text", "expected"), PLATFORM_CASES)
def test_platforms_from_the_actors_lexicon(text, expected):
    assert analyzed(text) == expected


# ------------------------------------------------- statements: their words and addressees

STATEMENT_CASES = [
    # a quotation of a voice reacting to someone is no voice of its own at a name the quoted
    # act serves (中国に気を使う: the visitor is criticised, not China); the object of an
    # order (日本を爆撃しろ) and a name in 日本という国 are what the words are about
    ("鳩山元首相が訪中したことに対して、日本のネット掲示板では「なぜ中国にそこまで気を使うのか。情けない」「売国奴は黙れ」などの批判が相次いだ。",
     [("PER_HATOYAMA_YUKIO", "042", "CHN"), ("JPN_NETIZENS", "111", "PER_HATOYAMA_YUKIO")]),
    ("韓国のネットユーザーからは「日本という国は存在しないだろう」「日本を爆撃しろ」などの声も見られた。",
     [("KOR_NETIZENS", "1384", "JPN")]),
    # what someone should do or is asked to do is a demand (100) or an appeal (020)
    ("韓国の大統領は「日本は謝罪すべきだ」と述べた。", [("PER_LEE_MYUNG_BAK", "100", "JPN")]),
    ("米国のネットユーザーからは「韓国人の撤収も行うべきだ」と主張する書き込みもみられた。",
     [("USA_NETIZENS", "100", "KOR")]),
    # the one turned to (に向かって) is addressed, not the party the words name
    ("韓国の市民団体は日本大使館に向かって「ここを開けてくれ!」と叫んだ。", [("KOR_NGO", "020", "JPN_EMBASSY")]),
    # a reply to others after an act of one's own is a statement of its own
    ("鳩山元首相は中国を批判しているが、韓国のネットユーザーには「それは違う」と返信した。",
     [("PER_HATOYAMA_YUKIO", "111", "CHN"), ("PER_HATOYAMA_YUKIO", "010", "KOR_NETIZENS")]),
    # する with a quoted clause is a statement (…はないとしている, 「…」とした), not when it
    # tries (行おうとした) nor when it labels a voice (…とする意見: the voice's act)
    ("韓国の警察は、処罰する法的根拠はないとしている。", [("KOR_COP", "010", "")]),
    # ... said by the topic before the clause it quotes, when the parse gives it that
    # clause's topic (…根拠は: no actor)
    ("韓国警察は同一人物によるものだと判断しているが、処罰する法的根拠はないとしている。", [("KOR_COP", "010", "")]),
    ("韓国の大統領は「日本は謝罪すべきだ」とした。", [("PER_LEE_MYUNG_BAK", "100", "JPN")]),
    ("韓国の市民団体は日本大使館前で抗議活動を行おうとした。", [("KOR_NGO", "133", "JPN_EMBASSY")]),
    # ... nor a word of manner before と (騒然と, 唖然と: how someone is, not what is said)
    ("韓国の議員が竹島に上陸し、日本の外務省は騒然とした。", [("KOR_LEG", "042", "PLC_LIANCOURT_ROCKS")]),
    ("韓国の議員が竹島に上陸し、日本の外務省は「遺憾だ」とした。",
     [("KOR_LEG", "042", "PLC_LIANCOURT_ROCKS"), ("JPN_GOV", "111", "KOR_LEG")]),
    ("韓国のネット掲示板では、日本政府の対応は「行き過ぎである」とする意見が相次いだ。",
     [("KOR_NETIZENS", "111", "JPN_GOV")]),
    # a reaction to what a clause says someone did (…したことに対して) aims at who did it,
    # not at a party its quoted words name
    ("鳩山元首相が中国を訪問したことに対して、日本のネット掲示板では「中国の言いなりだ」との批判が相次いでいる。",
     [("PER_HATOYAMA_YUKIO", "042", "CHN"), ("JPN_NETIZENS", "111", "PER_HATOYAMA_YUKIO")]),
    # ... never a place (a city's mayor found by no other name does not make the city act)
    ("橋下徹大阪市長が大阪市バスの改革を打ち出したことに対して、ネット掲示板では賞賛の声が相次いでいる。", [("JPN_NETIZENS", "051", "")]),
    # opinions set against each other (…一方、…) are about the same party
    ("韓国のネット掲示板では「立派な人だ」と鳩山元首相を支持する意見が多くみられた一方、「中国の言いなりでずるい」など、批判的な意見も目立っている。",
     [("KOR_NETIZENS", "051", "PER_HATOYAMA_YUKIO"), ("KOR_NETIZENS", "111", "PER_HATOYAMA_YUKIO")]),
    # ... its quotations too (not one act per quotation at whom each names)
    ("韓国のネット掲示板では「立派な人だ」と鳩山元首相を支持する意見が多くみられた一方、「中国の言いなりでずるい」「日本政府も最低だ」など、批判的な意見も目立っている。",
     [("KOR_NETIZENS", "051", "PER_HATOYAMA_YUKIO"), ("KOR_NETIZENS", "111", "PER_HATOYAMA_YUKIO")]),
    # words asking something of someone (助言, 要請) that are there (…という助言もあった)
    # are asked by whom the noun names; a bare voice noun (声) is the crowd's
    ("韓国政府に対し、米国政府の「もっと早く対応すべきだ」という助言もあった。", [("USA_GOV", "020", "KOR_GOV")]),
    # an adjective of the support verbs list ending its clause carries a voice (書き込みが多い);
    # in its adverbial form (意見が多く見られた) the verb after it does, once
    ("韓国のネット掲示板では「ここで死ぬしかない」など、不安の色をにじませる書き込みが多い。", [("KOR_NETIZENS", "012", "")]),
    ("韓国のネット掲示板では「立派な人だ」と鳩山元首相を支持する意見が多く見られた。",
     [("KOR_NETIZENS", "051", "PER_HATOYAMA_YUKIO")]),
    # a verb of saying with a を-object naming no act says it itself (その要因を分析した), and
    # is about the doer of the clause it speaks of (…ていることについて)
    ("英国の新聞は、北朝鮮が五輪で好成績を上げていることについて、その要因を分析した。", [("GBR_MED", "010", "PRK")]),
    ("日本の外務省は、韓国政府の声明を発表した。", [("JPN_GOV", "010", "KOR_GOV")]),
    ("韓国の歌手は日本の番組でメンバーを紹介した。", []),  # a person introduced: nothing said
    # a movement (…を求める動きが出始めた) is done by the people where it happens; a demand on a
    # voice noun (…を求める声が相次いだ) by the voice's speakers
    ("韓国のネット掲示板では、日本政府に謝罪を求める動きが出始めた。", [("KOR_NETIZENS", "100", "JPN_GOV")]),
    ("韓国のネット掲示板では、アップルに訂正を求めよう、と呼びかけるなどの動きが出始めた。", [("KOR_NETIZENS", "020", "")]),
    ("韓国のネット掲示板では、日本政府に謝罪を求める声が相次いだ。", [("KOR_NETIZENS", "100", "JPN_GOV")]),
    # quoted words ending with an order of an act (謝罪しろ) or a slogan's demand noun (中止,
    # 反対) demand it, of whom they face when no one is named; an order asserts no act (the
    # prime minister does not apologise); an order that is a cue word (謝れ, いい加減にしろ)
    # is what the cue says
    ("韓国の市民団体は日本大使館前で「教科書の歪曲を中止せよ」と叫んだ。", [("KOR_NGO", "1042", "JPN_EMBASSY")]),
    ("韓国の市民団体は日本大使館前で「原発反対」と叫んだ。", [("KOR_NGO", "1042", "JPN_EMBASSY")]),
    ("韓国のネットユーザーからは「日本は謝罪しろ」との声が相次いだ。", [("KOR_NETIZENS", "102", "JPN")]),
    ("韓国のネットユーザーからは「日本政府は謝れ」との声が相次いだ。", [("KOR_NETIZENS", "111", "JPN_GOV")]),
    ("韓国の市民団体は日本大使館前で「安倍首相は謝罪せよ」と書かれたプラカードを掲げた。", [("KOR_NGO", "017", "PER_ABE_SHINZO")]),
    # quoted slogans as the object of a verb of saying (「…」「…」などを主張した) are what it says
    ("韓国の市民団体は日本政府に対し「閣僚の参拝中止」「慰安婦への謝罪」などを主張した。",
     [("KOR_NGO", "100", "JPN_GOV"), ("KOR_NGO", "1042", "JPN_GOV")]),
    # words of judgement decide a voice (voice_cues.tsv, widened: 無責任, 好感)
    ("韓国のネット掲示板では「日本の首相は無責任だ」との声が相次いだ。", [("KOR_NETIZENS", "111", "PER_NODA_YOSHIHIKO")]),
    ("韓国のネット掲示板では「鳩山元首相には好感がもてる」との声が寄せられた。", [("KOR_NETIZENS", "051", "PER_HATOYAMA_YUKIO")]),
    # words on the voice noun saying what it does (批判的な, 否定的な) outweigh the quoted words
    # and a person marked に there is whom it is about, not where it is said
    ("韓国のネット掲示板では「日本の首相は立派だ」など、日本の首相に否定的な意見が相次いだ。",
     [("KOR_NETIZENS", "111", "PER_NODA_YOSHIHIKO")]),
    # an answer to a question answers the one who asked (からの / の on the question noun)
    ("鳩山元首相は、韓国のネットユーザーからの質問に「竹島は日本の領土だ」と答えた。",
     [("PER_HATOYAMA_YUKIO", "010", "KOR_NETIZENS")]),
    ("鳩山元首相は、韓国の記者の質問に対し「竹島は日本の領土だ」と答えた。", [("PER_HATOYAMA_YUKIO", "010", "KOR_MED")]),
    # an answer with no target answers the last words by someone else
    ("鳩山元首相は中国を批判しているが、反論する韓国のネットユーザーには「それは違う」と返信した。",
     [("PER_HATOYAMA_YUKIO", "111", "CHN"), ("KOR_NETIZENS", "110", "PER_HATOYAMA_YUKIO"),
      ("PER_HATOYAMA_YUKIO", "010", "KOR_NETIZENS")]),
    # a report in the media (メディアで報道された) is the media's, about the owner of what
    # is reported
    ("鳩山元首相の発言は韓国のメディアで報道された。", [("KOR_MED", "010", "PER_HATOYAMA_YUKIO")]),
    # a noun naming no actor keeps those coordinated with it (大統領と側近は: the president),
    # and a demand of a place's return is of the state holding it
    ("日本の首相は韓国の大統領と会談した。韓国の大統領と側近は対馬の返還を要求した。",
     [("PER_LEE_MYUNG_BAK", "040", "PER_NODA_YOSHIHIKO"), ("PER_LEE_MYUNG_BAK", "1053", "JPN")]),
    # an organ listed with an office holder is of the holder's state (大統領と国会: Korea's)
    ("日本の首相は韓国の大統領と会談した。韓国の大統領と国会は対馬の返還を要求した。",
     [("PER_LEE_MYUNG_BAK", "040", "PER_NODA_YOSHIHIKO"), ("PER_LEE_MYUNG_BAK", "1053", "JPN"), ("KOR_LEG", "1053", "JPN")]),
    # words quoted before the people who say them (「…」など、…ユーザーが目立った) are a
    # voice's: the acts they name are not coded, and they name whom the voice is about
    ("韓国のネット掲示板では「日本人が中国を攻撃するには百年かかるだろう」など、記事の内容に疑問を呈するユーザーが目立った。",
     [("KOR_NETIZENS", "111", "JPN")]),
    # the people a relative clause describes (…を疑う人が多かった) speak where the words
    # were said: a platform's users, not a country another clause names (韓国でも…)
    ("韓国のツイッターでは、「本当に無能だ」と韓国政府の情報収集能力を疑う人が多かった。", [("KOR_NETIZENS", "111", "KOR_GOV")]),
    ("韓国でも事件は多く、日本の対応に疑問を持つ人が目立った。", []),
    # a voice quoting several people: one act per quotation that says something else of
    # someone else (a threat of the Japanese, criticism of China) beside the voice's own
    ("韓国のネット掲示板には「日本人も気をつけろ!」「中国の対応は無能だ」と、怒りの声が相次いだ。",
     [("KOR_NETIZENS", "111", "JPN"), ("KOR_NETIZENS", "130", "JPN"), ("KOR_NETIZENS", "111", "CHN")]),
    # an order of force in quoted words threatens that force (CAMEO 13: 爆撃 195 -> 1384,
    # 殺す 1823 -> 1383); a form that is no order (殺せる, 撃てない) is not one
    ("中国のネット掲示板では「日本の港を爆撃しろ」などの過激な意見もあった。", [("CHN_NETIZENS", "1384", "JPN")]),
    ("韓国の市民団体は日本大使館前で「日本人を殺せ」と叫んだ。", [("KOR_NGO", "1383", "JPN")]),
    ("中国のネット掲示板では「日本人を殺せるはずがない」という意見もあった。", [("CHN_NETIZENS", "010", "JPN")]),
    # ... and so is a speaker's statement quoting several sentences; what is asked is asked
    # of the one addressed
    ("鳩山元首相は「中国の対応は最低だ」「韓国は素晴らしい国だ」と述べた。",
     [("PER_HATOYAMA_YUKIO", "111", "CHN"), ("PER_HATOYAMA_YUKIO", "051", "KOR")]),
    ("韓国の市民団体は日本大使館に向かって「ここを開けてくれ!」「中国は最低だ」と叫んだ。",
     [("KOR_NGO", "020", "JPN_EMBASSY"), ("KOR_NGO", "111", "CHN")]),
    # ... of the kind its noun names: words of praise in criticism are not praise
    ("日本のネットユーザーからは「韓国は立派だ」「中国は最低だ」と批判が殺到した。",
     [("JPN_NETIZENS", "111", "KOR"), ("JPN_NETIZENS", "111", "CHN")]),
]


@pytest.mark.parametrize(("text", "expected"), STATEMENT_CASES)
def test_statements_by_their_words(text, expected):
    assert analyzed(text) == expected


def test_the_topic_opening_the_sentence_speaks():
    """記事は…を挙げ、李大統領は…と主張した: the parse raises the claimed clause's topic to the
    verb of saying; the article (its paper, the paragraph's topic) speaks, not the president."""
    found = analyzed("北朝鮮は、韓国の李明博大統領を批判する記事を掲載した。記事は、大統領の外見を挙げ、李大統領は韓国でも支持されていないと主張した。")
    assert found and all(source != "PER_LEE_MYUNG_BAK" for source, _, _ in found)


# ------------------------------------------------ the lexicon widened by CAMEO category

LEXICON_CASES = [
    # craft act for their owner: the navy's ships, the state's fighters (and a compound)
    ("中国海軍の艦艇が日本の領海に侵入した。", [("CHN_MIL", "150", "JPN")]),
    ("中国の戦闘機が日本の領空を侵犯した。", [("CHN", "150", "JPN")]),
    ("北朝鮮海軍潜水艦が韓国の艦艇を攻撃した。", [("PRK_MIL", "190", "KOR")]),
    # an act noun carried by a support verb: 行う, 振るう, 唱える, 言い渡す
    ("台湾政府は日本に多額の寄付を行った。", [("TWN_GOV", "073", "JPN")]),
    ("北朝鮮の兵士が韓国の漁民に暴力を振るった。", [("PRK_MIL", "180", "KOR_AGR")]),
    ("中国外務省の報道官は日本の主張に異論を唱えた。", [("CHN_GOV", "110", "JPN")]),
    ("韓国の裁判所は日本人の男性に懲役2年の判決を言い渡した。", [("KOR_JUD", "116", "JPN_CVL")]),
    ("北朝鮮は核実験を行った。", [("PRK", "150", "")]),
    # a view or a resolve stated: the noun carried by 示す / 表明 / 発表
    ("中国政府は北朝鮮との対話を重視する考えを示した。", [("CHN_GOV", "010", "PRK")]),
    ("韓国政府は米国との同盟を強化する決意を表明した。", [("KOR_GOV", "030", "")]),
    ("トヨタは中国で新工場を建設する方針を発表した。", [("ORG_TOYOTA", "010", "CHN")]),
    # aid, visits, material cooperation
    ("韓国政府は日本に救援隊を派遣した。", [("KOR_GOV", "073", "JPN")]),
    ("米国は韓国の企業を買収した。", [("USA", "061", "KOR_BUS")]),
    # legal acts, coercion, violence, force
    ("中国の警察は日本人の男性を事情聴取した。", [("CHN_COP", "091", "JPN_CVL")]),
    ("韓国の検察は日本人の男性を書類送検した。", [("KOR_JUD", "173", "JPN_CVL")]),
    ("中国の裁判所は日本人の男性の上告を棄却した。", [("CHN_JUD", "120", "JPN_CVL")]),
    ("中国の警察は男性を射殺した。", [("CHN_COP", "1823", "CHN_CVL")]),
    ("北朝鮮は日本の漁船を撃沈した。", [("PRK", "190", "JPN")]),
    ("北朝鮮の政府が韓国を恫喝した。", [("PRK_GOV", "130", "KOR")]),
    # reactions that stand out (目立つ) are reactions that happen
    ("日本のネット上では韓国への批判が目立つ。", [("JPN_NETIZENS", "111", "KOR")]),
    ("日本のネット上では中国へのバッシングが巻き起こった。", [("JPN_NETIZENS", "111", "CHN")]),
    # nouns of views, accord and abuse carried by a support verb
    ("日本政府は米国の立場に理解を示した。", [("JPN_GOV", "019", "USA")]),
    ("韓国の市民は日本の外相に罵声を浴びせた。", [("KOR_CVL", "111", "JPN")]),
    # a relative clause on a voice names the act (逆恨み: resentment)
    ("韓国のネットユーザーからは、米軍を逆恨みした意見が寄せられた。", [("KOR_NETIZENS", "111", "USA_MIL")]),
    # a working dinner is a meeting; a letter of protest sent (送る carries it); an honour
    ("中国の首相は日本の首相と会食した。", [("PER_NODA_YOSHIHIKO", "040", "PER_WEN_JIABAO")]),
    ("日本政府は中国政府に抗議文を送った。", [("JPN_GOV", "114", "CHN_GOV")]),
    ("日本政府は米国の国務長官に勲章を授与した。", [("JPN_GOV", "051", "USA")]),
    # the quoted words of a voice decide its code (voice_cues.tsv), and its target: the party
    # named closest to the cue (日本の首相: the prime minister)
    ("中国のネット掲示板では「日本はずるい」「みっともない」との声が相次いだ。", [("CHN_NETIZENS", "111", "JPN")]),
    ("韓国のネット掲示板では「日本の首相は尊敬できる」との声が相次いだ。", [("KOR_NETIZENS", "051", "PER_NODA_YOSHIHIKO")]),
    # する carries an act noun as 行う does; not in a question, nor in 〜を…にする
    ("台湾政府は日本に多額の寄付をした。", [("TWN_GOV", "073", "JPN")]),
    ("韓国の市民団体は日本大使館前で抗議デモをした。", [("KOR_NGO", "141", "JPN_EMBASSY")]),
    ("中国外務省の報道官が日本に抗議をした。", [("CHN_GOV", "114", "JPN")]),
    ("日本の市民は、韓国人の男性がどんな主張をしているかは分からなかった。", []),
    ("米国の政府は北朝鮮との交渉を有利にした。", []),
    # a と-partner inside the act noun's phrase (李大統領と首脳会談を行った)
    ("日本の首相は中国の首相と首脳会談を行った。", [("PER_NODA_YOSHIHIKO", "040", "PER_WEN_JIABAO")]),
    # verbs UniDic lemmatises under another kanji (刺した: 差す), launches, sanctions announced
    ("韓国人の男性が日本人の観光客をナイフで刺した。", [("KOR_CVL", "182", "JPN_CVL")]),
    ("中国人の男性は日本人の男性を拳銃で撃った。", [("CHN_CVL", "193", "JPN_CVL")]),
    ("北朝鮮は人工衛星を打ち上げた。", [("PRK", "150", "")]),
    ("米国は北朝鮮への経済制裁を発表した。", [("USA", "163", "PRK")]),
    ("中国の警察は女子高生を田んぼに放置した。", [("CHN_COP", "180", "CHN_CVL")]),
    ("韓国政府は竹島問題を放置した。", []),
    # the act a message names (感謝の広告, 抗議の書簡); the party in a second を-phrase
    ("日本政府は中国政府に抗議の書簡を手渡した。", [("JPN_GOV", "114", "CHN_GOV")]),
    ("韓国の市民団体は日本政府を相手に訴訟を起こした。", [("KOR_NGO", "115", "JPN_GOV")]),
    # the act named by a に-phrase that 臨む / 踏み切る / 応じる / 乗り出す carry
    ("日本の首相は中国の首相との首脳会談に臨んだ。", [("PER_NODA_YOSHIHIKO", "040", "PER_WEN_JIABAO")]),
    ("米国は北朝鮮への制裁に踏み切った。", [("USA", "163", "PRK")]),
    ("北朝鮮は韓国との対話に応じた。", [("PRK", "036", "KOR")]),
    ("韓国の警察は日本人の男性の捜査に乗り出した。", [("KOR_COP", "091", "JPN_CVL")]),
    # a と-party the parse hangs on 電話 (電話で会談した), an official's owner as the party
    ("韓国の外相は日本の外相と電話で会談した。", [("JPN", "040", "KOR")]),
    # a が-phrase the parse hangs on a で-phrase marks the verb, not the act noun it carries
    ("韓国の市民団体が日本大使館前で抗議集会を開いた。", [("KOR_NGO", "141", "JPN_EMBASSY")]),
    # protests that happen: the public of the region (中国各地で), against the party the noun
    # names (反日, 日本製品の: a state's products are not the state)
    ("中国各地で反日デモが起きた。", [("CHN_CVL", "141", "JPN")]),
    ("中国では日本製品の不買運動が広がった。", [("CHN_CVL", "143", "JPN")]),
    # exercises, objects thrown or burnt, a sentence sought, a critical programme
    ("北朝鮮は黄海で砲撃訓練を実施した。", [("PRK", "150", "")]),
    ("韓国人の男性が日本大使館に火炎瓶を投げ込んだ。", [("KOR_CVL", "145", "JPN_EMBASSY")]),
    ("韓国の市民団体は日本大使館前で日本の国旗を燃やした。", [("KOR_NGO", "141", "JPN")]),
    ("韓国のテレビ局は日本を批判する番組を放送した。", [("KOR_MED", "111", "JPN")]),
    # act nouns listed under one support verb are each an act (and a protest in front of an
    # embassy named on the first is against it)
    ("韓国の市民団体は日本大使館前での声明発表や糾弾集会を行った。", [("KOR_NGO", "010", "JPN_EMBASSY"), ("KOR_NGO", "141", "JPN_EMBASSY")]),
    # words said in front of an institution are addressed to it
    ("韓国の市民団体は日本大使館前で声明を発表した。", [("KOR_NGO", "010", "JPN_EMBASSY")]),
    ("中国の若者は日本製品の不買運動や抗議デモを行った。", [("CHN_CVL", "143", "JPN"), ("CHN_CVL", "141", "")]),
    # the one invited or deported is the target, not where to (object_target)
    ("日本の首相は韓国の大統領を日本に招待した。", [("PER_NODA_YOSHIHIKO", "043", "PER_LEE_MYUNG_BAK")]),
    ("中国政府は日本人の男性を日本に強制送還した。", [("CHN_GOV", "174", "JPN_CVL")]),
    # a diplomat summoned (PETRARCH SUMMON 040) or called home (RECALL AMBASSADOR 161): the
    # diplomat's state, not the ministry he is summoned to; the protest after it is at him
    ("日本政府は韓国の大使を外務省に呼び出して抗議した。", [("JPN_GOV", "040", "KOR"), ("JPN_GOV", "114", "KOR")]),
    ("日本政府は駐韓大使を一時帰国させた。", [("JPN_GOV", "161", "KOR")]),
    # 駐日 is where the diplomat serves, not whose he is: the genitive before it says that
    ("日本政府は中国の駐日大使を外務省に呼び出して抗議した。", [("JPN_GOV", "040", "CHN"), ("JPN_GOV", "114", "CHN")]),
    # 〜することで合意した: one party agreeing to an act commits to it (0354: intent to ease
    # sanctions); two parties agreeing is their agreement (030), not the act
    ("日本政府は北朝鮮への制裁を解除することで合意した。", [("JPN_GOV", "0354", "PRK")]),
    ("日本は米国と制裁を解除することで合意した。", [("JPN", "030", "USA")]),
    # a protest is held where its actor tours (日本全国を回って); a demonstration its actor means
    # to keep up (行い続けるつもり: one verb, not a clause chained on) is a threat of dissent
    # (133), one it has held (行っており、…つもりだ: chained to the sentence's end) is held
    ("韓国の市民団体は日本全国を回ってデモを行った。", [("KOR_NGO", "141", "JPN")]),
    ("韓国の市民団体は、日本全国を回ってデモを行い続けるつもりだ。", [("KOR_NGO", "133", "JPN")]),
    ("韓国の市民団体は大阪でデモを行っており、今後も月一回のペースで日本全国を回ってデモを行い続けるつもりだという。",
     [("KOR_NGO", "141", "JPN"), ("KOR_NGO", "133", "JPN")]),
    # a purpose clause serving a relative clause has the relative's subject (the youth), not
    # the paragraph's topic (the police)
    ("中国の警察は男性を拘束した。現場では、男性を殴るために襲いかかった若者もいた。",
     [("CHN_COP", "173", "CHN_CVL"), ("CHN_CVL", "182", "")]),
    # a body named with では acts in it (外務省では…抗議した); a place so named is where
    ("韓国の外務省では、日本政府に抗議した。", [("KOR_GOV", "114", "JPN_GOV")]),
    ("日本の首相は、ソウルでは韓国の大統領と会談した。", [("PER_LEE_MYUNG_BAK", "040", "PER_NODA_YOSHIHIKO")]),
    # an act a reaction names by its object is done: its agent the による-phrase, or the
    # genitive when the act names its target (竹島上陸); a genitive alone may be the patient
    # (記者の逮捕), and words reacted to (首相の発言) are the reaction's business
    ("日本政府は韓国の大統領の竹島上陸に抗議した。",
     [("PER_LEE_MYUNG_BAK", "042", "PLC_LIANCOURT_ROCKS"), ("JPN_GOV", "114", "PER_LEE_MYUNG_BAK")]),
    ("日本政府は中国の警察による記者の逮捕を批判した。", [("CHN_COP", "173", ""), ("JPN_GOV", "111", "CHN_COP")]),
    ("日本政府は記者の逮捕を批判した。", [("JPN_GOV", "111", "")]),
    ("韓国政府は日本の首相の発言を批判した。", [("KOR_GOV", "111", "PER_NODA_YOSHIHIKO")]),
    # a cleft's focus did it (抗議したのは…代表だ)
    ("日本政府に抗議したのは、韓国の市民団体の代表だ。", [("KOR_NGO", "114", "JPN_GOV")]),
    # a complaint or a demand in a ところ-clause meets the subject of the clause after it
    ("ガソリンスタンドを訪れた黒人が「価格が高い」と抗議したところ、韓国人の店主が「他へ行け」と返した。",
     [("KOR_CVL", "114", "KOR_BUS")]),
    ("日本の記者が釈放を求めたところ、中国外務省の報道官は回答を拒否した。",
     [("JPN_MED", "1053", "CHN_GOV"), ("CHN_GOV", "120", "JPN")]),
    # a platform named with でも / では is where its users speak, not a body acting
    ("彼女は、ツイッターでも政府の震災対応を激しく批判しているという。", []),
    # a phrase marked で and more (大阪でと: and in Osaka) is where a protest is held
    ("韓国の市民団体は5月には大阪でとデモを行なっている。", [("KOR_NGO", "141", "JPN")]),
    # a report to no one named goes to the police of its country (target=@COP)
    ("中国の村民が女性を発見し、110番通報した。", [("CHN_CVL", "020", "CHN_COP")]),
    ("韓国人の男性が日本の警察に通報した。", [("KOR_CVL", "020", "JPN_COP")]),
    # what an agreement's で-phrase names is what is agreed on (a ceasefire agreed is the
    # truce, 0871; an agreement to meet or to cooperate economically is that intent); a
    # summit or a place so named is where: the plain agreement (030)
    ("イスラエルとハマスは停戦で合意した。", [("ISR", "0871", "PSE_REB")]),
    ("イスラエルとハマスは停戦で一致した。", [("ISR", "0871", "PSE_REB")]),
    ("日本と韓国は首脳会談の開催で合意した。", [("JPN", "036", "KOR")]),
    ("日本と韓国は通貨スワップの拡大で合意した。", [("JPN", "0311", "KOR")]),
    ("日本と中国は首脳会談で合意した。", [("CHN", "030", "JPN")]),
    ("ロシアとウクライナはソウルで合意した。", [("RUS", "030", "UKR")]),
    # a question put to someone asks something of him (PETRARCH ASK: 020)
    ("韓国の大統領は日本の首相に質問した。", [("PER_LEE_MYUNG_BAK", "020", "PER_NODA_YOSHIHIKO")]),
    ("韓国の大統領は日本の首相に問いかけた。", [("PER_LEE_MYUNG_BAK", "020", "PER_NODA_YOSHIHIKO")]),
    # admitting the charges or what is quoted is acknowledging (015); recognised by others
    # (認められた) is no admission
    ("韓国の大統領は「すべて事実です」と認めた。", [("PER_LEE_MYUNG_BAK", "015", "")]),
    ("韓国の大統領は日本の警察の調べに対して容疑を認めている。", [("PER_LEE_MYUNG_BAK", "015", "JPN_COP")]),
    ("韓国の大統領の功績は日本でも認められた。", []),
    ("韓国の大統領は日本の首相に事実を認めさせた。", []),
    ("韓国の大統領は「事故は夜に起きた」と証言した。", [("PER_LEE_MYUNG_BAK", "010", "")]),
    # a clause or quoted words marked と under する is what the subject says (…としている);
    # …としたら supposes and …したとして gives a reason
    ("韓国政府は、竹島は韓国の領土だとしている。", [("KOR_GOV", "010", "")]),
    ("韓国政府は「竹島は韓国の領土だ」としている。", [("KOR_GOV", "010", "")]),
    ("韓国政府がそうではないとしたら、日本の首相の発言は正しい。", []),
    # ... said in an article (記事では), by the article's paper; as cited (によれば), by the
    # cited source, not the topic of the clause said; a paper in its own article says it
    ("記事では、韓国の大統領は日本の首相が嫌いだとしている。", []),
    ("英国紙「デイリー・メール」の記事によれば、韓国の大統領は日本の首相を嫌っているとしている。", [("ORG_DAILY_MAIL", "010", "KOR")]),
    ("英国紙「デイリー・メール」は、記事で「韓国の大統領は日本が嫌いだ」とした。", [("ORG_DAILY_MAIL", "010", "KOR")]),
    # (述べた names its speaker: the paper only reports him)
    ("英国紙「デイリー・メール」によれば、韓国の大統領は「日本の首相に失望した」と述べた。", [("PER_LEE_MYUNG_BAK", "111", "PER_NODA_YOSHIHIKO")]),
    ("中国当局はスパイ行為をしたとして日本人を拘束した。", [("CHN_GOV", "173", "JPN")]),
    # criticism in the passive with no agent is voiced by the public of the place marked で;
    # not being supported is a standing, no act
    ("日本の首相は韓国で批判された。", [("KOR_CVL", "111", "PER_NODA_YOSHIHIKO")]),
    ("日本の首相は韓国でも支持されていない。", []),
    # a サ変 suffix with する is a verb of its compound (問題視した, 疑問視している)
    ("韓国政府は日本の首相の発言を疑問視している。", [("KOR_GOV", "110", "PER_NODA_YOSHIHIKO")]),
    # what is revealed or written is said (暴露した, 「…」と綴った); an apology written (謝罪文)
    ("韓国の大統領は日本の首相との会談の内容を暴露した。", [("PER_LEE_MYUNG_BAK", "010", "PER_NODA_YOSHIHIKO")]),
    ("韓国の大統領はブログに謝罪文を掲載した。", [("PER_LEE_MYUNG_BAK", "055", "")]),
    # a relative clause on a sign is what the sign says; raising it is the act (017), by
    # the が-phrase the parse hangs inside the clause
    ("韓国の大統領は竹島の領有権を主張したボードを掲げた。", [("PER_LEE_MYUNG_BAK", "017", "")]),
    ("韓国の市民団体は日本の謝罪を求めるプラカードを掲げた。", [("KOR_NGO", "017", "")]),
    # 襲う: a person attacked is assaulted (182), a place raided is violence (180)
    ("中国の男性が日本人の女性を襲った。", [("CHN_CVL", "182", "JPN_CVL")]),
    ("中国のデモ隊が日本大使館を襲った。", [("CHN_OPP", "180", "JPN_EMBASSY")]),
    # feelings shown are reactions: affection (051), distrust (110)
    ("日本の首相は韓国に対する愛情を表した。", [("PER_NODA_YOSHIHIKO", "051", "KOR")]),
    ("韓国の大統領は日本の首相に不信感を示した。", [("PER_LEE_MYUNG_BAK", "110", "PER_NODA_YOSHIHIKO")]),
    # credit given in the words said (「…のおかげ」としている) praises (051)
    ("北朝鮮の選手たちはその功績を「金正恩のおかげ」としている。", [("PRK_CVL", "051", "PER_KIM_JONG_UN")]),
    # fabrication or a conspiracy alleged is an accusation (112)
    ("韓国のネット掲示板では「日本政府の陰謀だ」との声も上がった。", [("KOR_NETIZENS", "112", "JPN_GOV")]),
]


def test_an_anaphor_refers_to_an_organisation_only_the_model_found():
    """同会 after a name only the NER finds (the linker resolved anaphors before it): the
    organisation, which acts in its own name (同会では…集会を行っている)."""
    ((source, code, target),) = analyzed("男性は韓国の保守団体「韓国自由総連盟」に所属しており、同会では日本大使館前で抗議集会を行っている。")
    assert source.startswith("NEW_ORG_") and (code, target) == ("141", "JPN_EMBASSY")


@pytest.mark.parametrize(("text", "expected"), LEXICON_CASES)
def test_lexicon_by_cameo_category(text, expected):
    assert analyzed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 〜するよう求める: the clause is the act asked for, not an act done; the party asked
        # is the target wherever the parse hangs it
        ("中国は韓国に対し、漁船を解放するよう求めた。", [("CHN", "1053", "KOR")]),
        ("日本は中国に対し、韓国を非難しないよう求めた。", [("JPN", "100", "CHN")]),
        ("日本は北朝鮮に挑発を控えるよう求めた。", [("JPN", "1056", "PRK")]),
    ],
)
def test_acts_asked_for(nlp, text, expected):
    assert [(e.source_actor_id, e.event_code, e.target_actor_id) for e in coded(nlp, text)] == expected


def test_embedded_acts_named_by_the_object_noun(nlp):
    doc = doc_with_mentions(nlp, "日本は中国政府に記者の釈放を求めた。", ACTORS, {})
    assert [(e.source_actor_id, e.event_code, e.target_actor_id, e.modality) for e in v2(doc)] == [
        ("JPN", "1053", "CHN_GOV", "asserted")
    ]
    assert ("CHN_GOV", "0841", "JOURNALIST", "demanded") in [
        (e.source_actor_id, e.event_code, e.target_actor_id, e.modality) for e in v2(doc, embedded=True)
    ]


def test_reported_modality_from_a_hearsay_ending(nlp):
    (event,) = coded(nlp, "米国は北朝鮮を非難しているというのだ。")
    assert event.modality == "reported"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause under a denied saying or thinking is negated, and the writer's own
        ("米国は北朝鮮を非難したとは言えない。", ("111", "negated", "asserted")),
        ("中国は日本の提案を歓迎しているとは言い難い。", ("051", "negated", "asserted")),
        ("韓国が日本を批判したとは考えにくい。", ("111", "negated", "asserted")),
        ("米国は北朝鮮を非難したと言えない。", ("111", "affirmed", "reported")),  # no とは: not a denial
        ("米国は北朝鮮を非難したとは思う。", ("111", "affirmed", "asserted")),
    ],
)
def test_a_denied_saying_negates_its_clause(nlp, text, expected):
    (event,) = coded(nlp, text)
    assert (event.event_code, event.polarity, event.modality) == expected


def test_what_an_act_would_take_is_hypothetical():
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    (event,) = v2(run_nlp(prepare("日本の自衛隊が中国の戦闘機を撃墜するには、米国の支援が必要だ。"), "ja", "2012-08-20"))
    assert (event.event_code, event.modality) == ("190", "hypothetical")


def test_a_purpose_clause_obtains_nothing(nlp):
    # 引き出すために: the other party has not yielded
    events = coded(nlp, "米国は北朝鮮の譲歩を引き出すために中国を訪問した。")
    assert [(e.source_actor_id, e.event_code, e.target_actor_id) for e in events] == [("USA", "042", "CHN")]
    events = coded(nlp, "米国は北朝鮮の譲歩を引き出した。")
    assert [(e.source_actor_id, e.event_code, e.target_actor_id) for e in events] == [("PRK", "080", "USA")]


# ------------------------------------------------------------------------------ frames


def test_units_leave_the_quoted_words_out_of_the_sentence(nlp):
    text = "韓国の外相は、「日本が約束を守らなかった」と述べた。"
    doc = doc_with_mentions(nlp, text, ACTORS, {})
    sentence, quoted = units(doc, sentences(doc))
    words = lambda unit: "".join(doc[i].text for i in unit)  # noqa: E731
    assert words(sentence) == "韓国の外相は、「」と述べた。"
    assert words(quoted) == "日本が約束を守らなかった"
    # a name in brackets, and a quoted noun, stay in the sentence
    doc = doc_with_mentions(nlp, "中国は「尖閣諸島」と呼ぶ島を視察した。", ACTORS, {})
    assert len(units(doc, [(0, len(doc.text))])) == 1


def test_frames_are_voice_normalised(nlp):
    doc = doc_with_mentions(nlp, "日本は中国によって批判された。", ACTORS, {})
    (frame,) = frames_ja(doc, parsed(doc))
    assert (frame.lemma, frame.voice, frame.actors("agent"), frame.actors("patient")) == ("批判", "passive", ["CHN"], ["JPN"])
    text = "記者が中国当局の拘束を受けた。"
    doc = doc_with_mentions(nlp, text, ACTORS, {})
    (frame,) = frames_ja(doc, parsed(doc))
    assert (frame.lemma, frame.support, text[frame.start : frame.end]) == ("拘束", "receive", "拘束")
    assert (frame.actors("agent"), frame.actors("patient")) == (["CHN"], ["JOURNALIST"])


def test_a_dropped_subject_is_the_paragraph_topic(nlp):
    events = coded(nlp, "米国は中国を批判した。その後、北朝鮮を訪問した。")
    assert [(e.source_actor_id, e.event_code, e.target_actor_id) for e in events][1] == ("USA", "042", "PRK")
    assert len(coded(nlp, "米国は中国を批判した。\n北朝鮮を訪問した。")) == 1  # not across paragraphs


def test_dates_per_clause(nlp):
    events = coded(nlp, "2021年に米国は中国を批判した。", {"2021年": "2021"})
    assert [(e.date, e.date_source) for e in events] == [("2021", "clause")]
    events = coded(nlp, "2020年8月に選挙があった。米国は中国を批判した。", {"2020年8月": "2020-08"})
    assert [(e.date, e.date_source) for e in events] == [("2020-08", "discourse")]
    # 〜ている with no date of its own: a perfect (has recommended) takes the discourse's
    # date like any predicate; only a date of the concessive clause before it is dropped
    events = coded(nlp, "2020年8月に選挙があった。EUは選挙のやり直しを中国に勧告している。", {"2020年8月": "2020-08"})
    assert [(e.date, e.date_source) for e in events] == [("2020-08", "discourse")]


def test_an_ongoing_stir_after_a_concessive_clause_is_dated_at_publication():
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    text = "20日、日本の法律に条項が追加されたが、韓国では「日本が核武装を企んでいる」と、メディアで波紋を呼んでいる。"
    (event,) = v2(run_nlp(prepare(text), "ja", "2012-06-21"))
    assert (event.source_actor_id, event.target_actor_id, event.date, event.date_source) == ("KOR_MED", "JPN", "2012-06-21", "present")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state holding as the article is written is read at publication ("present") ...
        ("米国は中国に接近している。", ("2026-02", "present")),
        # ... a past act with no date anywhere is only guessed from it
        ("米国は中国に接近した。", ("2026-02", "publication")),
        # ... and a paragraph's date still dates a state told under it
        ("2020年8月に選挙があった。米国は中国を批判している。", ("2020-08", "discourse")),
    ],
)
def test_a_state_holding_now_is_dated_by_its_tense(nlp, text, expected):
    events = coded(nlp, text, {"2020年8月": "2020-08"})
    assert [(e.date, e.date_source) for e in events][-1:] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day of a news report dates the act it tells only as an estimate (the act was
        # then or before), whatever the parse hangs the date on ...
        ("21日、朝日新聞は、中国の警察が女性を川に捨てたと報じた。", [("2012-03-21", "discourse")]),
        ("韓国の聯合ニュースは20日、北朝鮮が韓国を非難したと報じた。", [("2012-03-20", "discourse")]),
        # ... the act's own date stays its own
        ("朝日新聞は20日、北朝鮮が17日に韓国を非難したと報じた。", [("2012-03-17", "clause")]),
        ("20日、北朝鮮は韓国を非難した。", [("2012-03-20", "clause")]),
        # a date in quoted words dates what they say, not the saying
        ("鳩山元首相は「来年3月までに韓国を訪問したい」と述べた。", [("2012-03-21", "publication")]),
    ],
)
def test_dates_of_reports_and_quotations(text, expected):
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    events = [e for e in v2(run_nlp(prepare(text), "ja", "2012-03-21")) if e.event_code[:2] != "03"]
    assert [(e.date, e.date_source) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date in a relative clause dates what it describes (the missile), not the act ...
        ("北朝鮮は、韓国が3日に発射したミサイルを非難した。", ("2012-05-21", "publication")),
        # ... unless the clause describes the occasion the act happens at (…で)
        ("首相は20日に行われた会談で、韓国を批判した。", ("2012-05-20", "clause")),
        # a past date of another clause does not date what is yet to be done
        ("北朝鮮は5月には韓国を非難しており、今後も韓国を非難し続けるつもりだ。", ("2012-05-21", "publication")),
        # what the lead's report tells (同紙によると, …という) is dated on the report's day, not
        # on a date carried from the paragraph before
        ("聯合ニュースは20日、北朝鮮が韓国を非難したと報じた。\n\n北朝鮮は昨年も韓国を非難した。\n\n"
         "同紙によると、北朝鮮は日本も批判したという。", ("2012-05-20", "discourse")),
    ],
)
def test_which_date_of_the_sentence_dates_the_act(text, expected):
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    events = v2(run_nlp(prepare(text), "ja", "2012-05-21"))
    assert [(e.date, e.date_source) for e in events][-1] == expected


# --------------------------------------------------------------------- lexicon adapter


def _frame(lemma, text=" ", support="", particles=()):
    return Frame(0, 0, "body", 0, 1, lemma, lemma, frozenset(particles), text, support=support)


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (_frame("制裁"), "163"),  # verbal: 制裁する
        (_frame("制裁", support="light"), None),  # verbal_only: the bare noun is no act
        (_frame("声"), None),  # nominal_only: only carried by a support verb
        (_frame("発表"), "010"),  # 「…」と発表した
        (_frame("発表", "声明", particles=("を",)), None),  # without_object: 声明を発表した reads 声明
        (_frame("声", "情けない", support="happen"), "111"),  # the quoted words decide a voice
        (_frame("声", "", support="happen"), "010"),
    ],
)
def test_japanese_lexicon_adapter(frame, code):
    entry = JapaneseLexicon().entry(frame)
    assert (entry.code if entry is not None else None) == code


# ---------------------------------------------------------------------------- readers


def test_readers_are_registered_by_name(monkeypatch):
    assert set(READERS) == {"ja.v1", "ja.v2"} and get_reader("ja.v2").parses
    with pytest.raises(ValueError, match="unknown reader 'ja.v3'"):
        get_reader("ja.v3")
    monkeypatch.setenv(READER_ENV, "ja.v2")
    assert default_reader() == "ja.v2"
    monkeypatch.setenv(READER_ENV, "ja.v1")
    assert default_reader() == "ja.v1"
    monkeypatch.delenv(READER_ENV)
    assert default_reader() == "ja.v2"


def test_the_component_reads_with_the_configured_reader(nlp):
    import pipeline.events.component  # noqa: F401

    text = "米国は中国を批判した。"
    for name in ("ja.v1", "ja.v2"):
        component = pipeline.events.component.EventCoder(nlp, "dekigoto_events", reader=name)
        docs = component.pipe([doc_with_mentions(nlp, text, ACTORS, {}), doc_with_mentions(nlp, text, ACTORS, {})])
        assert [[(e.source_actor_id, e.event_code, e.target_actor_id) for e in d._.events] for d in docs] == [
            [("USA", "111", "CHN")]
        ] * 2


LINK_LIST_CASES = [
    # the headlines under a link heading report other stories: no events from them
    ("米国は中国を批判した。\n\n【関連記事】\n・ロシアが日本を非難\n・韓国が北朝鮮に抗議", [("USA", "111", "CHN")]),
    ("米国は中国を批判した。\n\n■関連情報\n・ロシアが日本を非難した。", [("USA", "111", "CHN")]),
    # a heading standing alone, its list in the next paragraph
    ("米国は中国を批判した。\n\n関連リンク：\n\n・ロシアが日本を非難した。", [("USA", "111", "CHN")]),
    # a list item of the story's own body is read
    ("米国は次のように中国を批判した。\n・ロシアが日本を非難した。", [("USA", "111", "CHN"), ("RUS", "111", "JPN")]),
    # 関連 as a word of a sentence is no heading
    ("関連情報によると、ロシアが日本を非難した。", [("RUS", "111", "JPN")]),
    # headlines citing their site are links with no heading, and the items after them too;
    # an item ends its block (the story goes on in the next one)
    ("・ロシアが日本を非難（痛いニュース）\n\n・韓国が北朝鮮に抗議\n\n米国は中国を批判した。", [("USA", "111", "CHN")]),
    ("米国は中国を批判した。\n・ロシアが日本を非難、北朝鮮も—香港", [("USA", "111", "CHN")]),
    ("米国は中国を批判した。\n\n・ロシアが日本を非難\nhttp://example.com/1\n\n韓国は北朝鮮を批判した。",
     [("USA", "111", "CHN"), ("KOR", "111", "PRK")]),
    # a source line is a sentence of its own and a link
    ("米国は中国を批判した。\n参照：ロシアが日本を非難（韓国の記事）\n韓国は北朝鮮を批判した。",
     [("USA", "111", "CHN"), ("KOR", "111", "PRK")]),
]


@pytest.mark.parametrize(("text", "expected"), LINK_LIST_CASES)
def test_no_events_from_related_link_lists(text, expected):
    import pipeline

    found = pipeline.analyze(text, published="2026-02").events
    assert [(e["source_actor_id"], e["event_code"], e["target_actor_id"] or "") for e in found] == expected


def test_a_reaction_to_what_a_clause_says_aims_at_the_last_speaker_when_it_names_none():
    """…の意見を述べたことに対して、批判が相次いでいる: the parse may hang the こと-phrase on
    another word, and the clause writes no subject; the speaker of the words before is
    criticised, not the party the quoted words name."""
    events = analyzed(
        "鳩山元首相は日中関係について「日本は中国に配慮すべきだ」と語った。この報道を受け、"
        "ネット掲示板には「売国もいい加減にしろ」など、元首相にも関わらず中国寄りの意見を堂々と述べたことに対して、"
        "批判が相次いでいる。"
    )
    assert ("JPN_NETIZENS", "111", "PER_HATOYAMA_YUKIO") in events
    assert ("JPN_NETIZENS", "111", "CHN") not in events


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        # a lead's date carries over one or two undated paragraphs (the act told after it) ...
        ("", ("2020-08-05", "discourse")),
        ("選挙には多くの人が行った。\n\n", ("2020-08-05", "discourse")),
        # ... not over three: by then the story has moved on
        ("選挙には多くの人が行った。\n\n結果は注目された。\n\n", ("2026-02-10", "publication")),
    ],
)
def test_a_date_carries_over_two_undated_paragraphs(between, expected):
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    text = "2020年8月5日に選挙があった。\n\n" + between + "米国は中国を批判した。"
    events = v2(run_nlp(prepare(text), "ja", "2026-02-10"))
    assert [(e.date, e.date_source) for e in events] == [expected]
