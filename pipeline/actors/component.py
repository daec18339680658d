"""spaCy component "dekigoto_actors": sets doc._.mentions and doc._.actors."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from pipeline.actors import link_actors, load_kb
from pipeline.actors.kb import mention_label
from pipeline.actors.linker import (
    _DESCRIBING_JOINS,
    _agent_noun,
    _DocView,
    is_staff_noun,
    names_a_thing,
    staff_sector_id,
    story_countries,
    unknown_name_actor,
)
from pipeline.actors.longer_names import (
    MODEL_KIND,
    gives_way,
    is_organ,
    organ_units,
    place_interiors,
    read_longer_name,
)
from pipeline.actors.textutil import (
    is_kanji,
    is_katakana,
    katakana_reads_hanja_name,
    url_spans,
    work_title_spans,
)
from pipeline.model import Mention
from pipeline.ner.merge import REPLACE_PROBABILITY as SURE_PROBABILITY
from pipeline.nlp import register_doc_extensions
from pipeline.related_links import link_lists
from pipeline.tokenizer import doc_text, is_unknown

# how sure the model must be of an organisation or place of one katakana word UniDic knows
# (ビートルズ, ヨーク, アダナ: 0.97-1.0 on the held-out wiki pages and GSD test; アジェンダ 0.97)
CERTAIN_PROBABILITY = 0.95

# an anaphor (同会, 同紙) the linker left unresolved refers to an organisation the NER found
# this many sentences back at most, with this confidence (the linker's for anaphora)
ANAPHOR_SENTENCES = 2
CONF_ANAPHOR = 0.7
# 同社 after a company the NER found is left to the linker: in encyclopedic text it names
# the article's company, a mention the NER corpora do not mark
COMPANY_ANAPHORS = frozenset({"同社"})

# a name followed by one of these is an attribute, not an actor (スラブ系, サウジ産, 英語)
ATTRIBUTE_SUFFIXES = frozenset("系産製語風式")


@lru_cache(maxsize=4)
def kb_for(overlay: str | None):
    """The knowledge base with the given overlay file, loaded once per process."""
    return load_kb(Path(overlay) if overlay else None)


class ActorLinker:
    def __init__(self, overlay: str | None = None, fuzzy: bool = True):
        register_doc_extensions()
        self.overlay = overlay
        self.fuzzy = fuzzy
        self.kb = kb_for(overlay)
        self.kb.build_indexes()  # with the pipeline, not in its first article

    def __call__(self, doc):
        qualifiers: list = []
        mentions, actors = link_actors(doc, self.kb, qualifiers)
        if not self.fuzzy:
            mentions = [m for m in mentions if m.link_method != "fuzzy"]
            used = {m.actor_id for m in [*mentions, *qualifiers]}
            actors = {k: a for k, a in actors.items() if k in used}
        mentions = _outside_link_lists(doc, mentions, qualifiers, actors)
        mentions = _outside_titles(doc, self.kb, mentions, qualifiers)
        doc._.mentions = mentions
        doc._.qualifiers = qualifiers
        doc._.actors = actors
        return doc


def _outside_link_lists(doc, mentions, qualifiers, actors):
    """The mentions but those of generic groups named only in related-link lists
    (【関連記事】: other stories' headlines name their people in passing, 韓国の歌手が…);
    a state named inside such a group stays named (豪紙 → Australia)."""
    links = link_lists(doc)
    if not links:
        return mentions

    def passing(m) -> bool:
        a = actors.get(m.actor_id)
        return (
            m.sentence_id in links
            and a is not None
            and a.type == "GROUP"
            and bool(a.sector)
            and a.in_kb
            and a.actor_id not in elsewhere
        )

    elsewhere = {m.actor_id for m in mentions if m.sentence_id not in links}
    gone = [m for m in mentions if passing(m)]
    if not gone:
        return mentions
    within = [q for q in qualifiers if any(g.start <= q.start and q.end <= g.end for g in gone)]
    for q in within:
        qualifiers.remove(q)
    return sorted([*(m for m in mentions if not passing(m)), *within], key=lambda m: (m.start, m.end))


def _outside_titles(doc, kb, mentions, qualifiers):
    """The mentions but those inside the title of a work (映画「ノルウェイの森」, アルバム「…」:
    the lexicon's `work_kinds`), which name no actor of the story; the qualifiers inside
    such a title go too."""
    titles = work_title_spans(doc_text(doc), tuple(kb.lexicon.get("work_kinds") or ()))
    if not titles:
        return mentions

    def inside(m) -> bool:
        return any(a <= m.start and m.end <= b for a, b in titles)

    qualifiers[:] = [q for q in qualifiers if not inside(q)]
    return [m for m in mentions if not inside(m)]


def named_within(doc, mentions=None, organs: bool = True) -> list:
    """The states named inside a composed agent (韓国 in 韓国人, 米 in 米軍) whose agent is
    still a mention (of `mentions`, else of the Doc) after the NER: actors of the article,
    no event arguments (events read `doc._.mentions` only). With `organs=False` only those
    inside a group of people or outlets (韓国人, 豪紙), the rows of the mentions table: an
    organ (米軍, 韓国政府) is one name, as the NER corpora mark it, its country its actor's.
    A platform named as where or how something was said (link method "medium": ツイッターで
    明かした) is one of them wherever it is."""
    qualifiers = getattr(doc._, "qualifiers", None) if doc.has_extension("qualifiers") else None
    if not qualifiers:
        return []
    hosts = [
        (m.start, m.end) for m in (doc._.mentions if mentions is None else mentions) or () if organs or m.label == "GROUP"
    ]
    return [
        q for q in qualifiers
        if q.link_method == "medium" or any(s <= q.start and q.end <= e and e - s > q.end - q.start for s, e in hosts)
    ]


@Language.factory("dekigoto_actors", default_config={"overlay": None, "fuzzy": True})
def make_actor_linker(nlp: Language, name: str, overlay: str | None, fuzzy: bool):
    return ActorLinker(overlay=overlay, fuzzy=fuzzy)


def add_model_mentions(doc, kb, ner_spans, checked=()) -> None:
    """The statistical NER's entities become mentions (link_method "model") where they
    name more than the KB and rules found: where no KB or rule mention overlaps them, or
    where they are a longer name around mentions that give way to it (日本銀行 around
    日本: `pipeline.actors.longer_names`), which they replace. A mention links to the KB
    actor when the name is a KB name the rules passed over (ベラルーシ in ベラルーシカリ),
    else to a new actor. A mention of `checked` (names the model was run around in a
    compound of nouns) that no entity of the model overlaps is a word of a longer name
    of something else and no mention (東京|倶楽部, 日本|おもちゃ大賞: `unseen_names`).
    Updates doc._.mentions and doc._.actors."""
    from pipeline.ner.component import ORG_HEADS
    from pipeline.ner.merge import contained_mentions, model_mentions, unseen_names

    mentions, actors = doc._.mentions or [], doc._.actors
    vetoed = unseen_names(checked, ner_spans)
    relabelled = _relabelled(mentions, ner_spans)
    org_suffixes = tuple(kb.lexicon.get("org_suffixes", ()))
    event_suffixes = tuple(kb.lexicon.get("event_suffixes", ()))

    def name_like(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(is_name_like(t) for t in span)

    def gives_way_unsure(m, start: int, end: int, label: str) -> bool:
        """Names that give way to a longer one the model is unsure of: a place only the
        gazetteer knows; a place before a katakana name in an organisation's
        (東京|ヴェルディ, US|クレモネーゼ); a person the rules made up from the words around
        a name, in a person's that runs into no title (尾崎淳 in 尾崎淳介; not 金 in 金総|書記)."""
        if m.actor_id in kb.generated_places:
            return True
        if label == "ORG" and m.label in ("STATE", "PLACE"):
            after = doc.char_span(m.end, end, alignment_mode="expand")
            return bool(after) and after.start_char == m.end and is_name_like(after[0]) and is_katakana(after[0].text[0])
        return label == "PERSON" and m.label == "PERSON" and m.link_method == "new" and not _into_title(text, end, titles)

    text, titles = doc_text(doc), kb.lexicon.get("titles") or {}
    found = model_mentions(
        ner_spans,
        [m for m in mentions if id(m) not in relabelled],
        doc._.sentences or [],
        text=text,
        gives_way=lambda m, label: gives_way(m, actors.get(m.actor_id), label),
        gives_way_unsure=gives_way_unsure,
        kind_words=org_suffixes + ORG_HEADS + tuple(kb.lexicon.get("place_suffixes") or ()),
        organ=lambda m: is_organ(m, actors.get(m.actor_id)),
    )

    thing_heads = tuple(kb.lexicon.get("thing_heads", ()))
    positions = frozenset(kb.lexicon.get("place_positions") or ())
    starts = {m.start for m in mentions}
    view = _DocView(doc) if thing_heads and any(s[2] == "LOC" for s in ner_spans) else None
    probability = {(int(s[0]), int(s[1])): float(s[4]) for s in ner_spans if len(s) > 4}
    urls = url_spans(text) + work_title_spans(text, tuple(kb.lexicon.get("work_kinds") or ()))
    # platforms the rules read as where something was said (ツイッターに…): no argument again
    media = [(q.start, q.end) for q in (getattr(doc._, "qualifiers", None) or ()) if q.link_method == "medium"]
    replaced, kept = [], []
    story = None  # the story's country, for the language of a new person's name
    for m in found:
        if any(a < m.end and m.start < b for a, b in [*urls, *media]):
            continue  # a name inside an address (news.livedoor.com), or running into one (広東省http); a medium; a work's title
        suffixes = org_suffixes + INSTITUTION_HEADS if m.label == "ORG" else ()
        p = probability.get((m.start, m.end), 1.0)
        certain = p >= CERTAIN_PROBABILITY and m.label != "PERSON"
        if not _plausible_name(doc, m.start, m.end, suffixes, p >= SURE_PROBABILITY, certain) or _names_an_event(
            doc, m.start, m.end, event_suffixes, _KIND_ENDINGS.get(m.label, ()) + suffixes, m.label == "ORG" and p >= SURE_PROBABILITY
        ):
            continue
        if m.label == "PLACE" and view is not None and names_a_thing(view, m.end, thing_heads, starts):
            continue  # 東日本|大震災: the name of an event, as the rules read KB places
        if m.label == "PLACE" and m.text in positions:
            continue  # 北東部, 周辺: where, of a place named before; no name
        if m.label == "ORG" and m.text.endswith(_MEMBER) and len(m.text) > len(_MEMBER) + 1:
            m = replace(m, end=m.end - len(_MEMBER), text=m.text[: -len(_MEMBER)])  # 創価学会|員: a member of it
        if m.label == "PERSON":
            cut = _before_title(m, text, titles)
            if cut is not m and any(x.start < cut.end and cut.start < x.end for x in mentions):
                continue  # the rules read the name before the title already
            m = cut
        inner = contained_mentions(m, mentions)
        if not inner:
            known = [e.key for e in kb.surfaces.get(m.text, []) if e.kind == "actor"]
            place = kb.place_named(m.text) if m.label == "PLACE" and not known else ""
            if place:  # 本庄, 南原: a place name that is also a surname, read as a place here
                known = [place]
            if known:
                actor = kb.get(known[0])
            else:
                if story is None:
                    story, view = story_countries(kb, [x.actor_id for x in mentions]), view or _DocView(doc)
                actor = unknown_name_actor(view, m.start, m.end, m.text, MODEL_KIND[m.label], kb, story)
            kept.append(_linked(m, actor, actors))
            continue
        actor = read_longer_name(m, inner, actors, kb, name_like)
        if actor is None:
            continue  # 尖閣諸島沖, 米ダラス: the known name stays; the rest is no name
        if m.label == "PERSON" and not actor.in_kb:
            # 金|章|勲 (キム・ジャンフン): the whole name read in its language, as any new person's
            if story is None:
                story, view = story_countries(kb, [x.actor_id for x in mentions]), view or _DocView(doc)
            actor = unknown_name_actor(view, m.start, m.end, m.text, "PER", kb, story)
        replaced += inner
        kept.append(_linked(m, actor, actors))
    spans = {(m.start, m.end) for m in kept}
    replaced += [m for m in mentions if id(m) in relabelled and (m.start, m.end) in spans]
    if replaced or vetoed:
        gone = {id(m) for m in [*replaced, *vetoed]}
        mentions = [m for m in mentions if id(m) not in gone]
    mentions = place_interiors(doc, organ_units(doc, sorted([*mentions, *kept], key=lambda m: (m.start, m.end)), actors))
    _link_family_names(mentions, actors)
    _staff_of_organisations(mentions, actors, text, kb)
    mentions = _without_describing_nouns(mentions, actors, text, kb, getattr(doc._, "qualifiers", None) or ())
    mentions = _anaphors_of_found_organisations(mentions, actors, text, kb, doc._.sentences or [])
    used = {m.actor_id for m in [*mentions, *named_within(doc, mentions)]}
    for key in [k for k in actors if k not in used]:
        del actors[key]
    doc._.mentions = mentions


def _relabelled(mentions, ner_spans) -> set[int]:
    """ids of the mentions the rules made up from an unknown name (`new`) whose very span
    the model is sure names something else (ヘンリー a person, not a place;
    ハイパーコンサルティング・ジャパン an organisation): the model's reading replaces them."""
    from pipeline.ner.labels import MENTION_LABEL

    sure = {(int(s[0]), int(s[1])): MENTION_LABEL.get(str(s[2])) for s in ner_spans if len(s) > 4 and float(s[4]) >= SURE_PROBABILITY}
    return {id(m) for m in mentions if m.link_method == "new" and sure.get((m.start, m.end), m.label) not in (m.label, None)}


def _before_title(m, text: str, titles) -> object:
    """A person entity that ends inside a title (石原都|知事: the model took 都 of 都知事)
    ends before it."""
    k = _into_title(text, m.end, titles)
    if k and m.end - m.start > k + 1:
        return replace(m, end=m.end - k, text=m.text[:-k])
    return m


def _into_title(text: str, end: int, titles) -> int:
    """How many characters before `end` begin a title that runs on after it (1 in 石原都|知事)."""
    for k in (1, 2):
        head = text[end - k : end]
        if any(t.startswith(head) and len(t) > k and text.startswith(t, end - k) for t in titles):
            return k
    return 0


def _link_family_names(mentions, actors) -> None:
    """A new person named by the family name alone (秋山, ホン) is the person of that family
    name the article names in full (秋山成勲, 真木よう子, ホン・ソンリョン; the first of them),
    a Korean name in katakana the person whose kanji name it reads (チュ・ソンフン: 秋山成勲),
    a stage name the person it calls by the given name (ロンブー淳: 田村淳);
    a new name the article already gave an actor is that actor, whatever kind the NER
    took it for the second time (SPEED), and so is a new organisation named with 社
    after it (DeNA社)."""
    full: dict[str, str] = {}  # family name -> actor id of the first full name
    first: dict[str, str] = {}  # name (without 社) -> actor id of its first mention
    people = {m.actor_id: actors[m.actor_id] for m in mentions if actors.get(m.actor_id) and actors[m.actor_id].type == "PERSON"}
    for m in mentions:
        a = actors.get(m.actor_id)
        if a is not None and a.type in ("PERSON", "ORG") and a.name_ja:
            first.setdefault(_bare_org_name(a.name_ja), m.actor_id)
        name = a.name_ja if a is not None and m.actor_id in people else ""
        lead = next((i for i, ch in enumerate(name) if not is_kanji(ch)), len(name))  # the kanji it starts with
        if "・" in name:
            full.setdefault(name.split("・")[0], m.actor_id)
        elif len(name) >= 3 and lead >= 2:
            for n in range(1, min(lead, len(name) - 1, 2) + 1):
                full.setdefault(name[:n], m.actor_id)  # 石|原慎太郎 never matches: 石 is no name given alone
    for m in mentions:
        a = actors.get(m.actor_id)
        if a is None or a.in_kb or a.type not in ("PERSON", "ORG"):
            continue
        other = full.get(a.name_ja) if a.type == "PERSON" else None
        other = other or first.get(_bare_org_name(a.name_ja))
        if other in (None, m.actor_id) and a.type == "PERSON" and "・" in a.name_ja:
            # チュ・ソンフン after 秋山成勲: the Korean reading of a kanji name the article gave
            other = next((k for k, p in people.items() if katakana_reads_hanja_name(a.name_ja, p.name_ja)), None)
        if other in (None, m.actor_id) and a.type == "PERSON":
            other = _stage_name_of(a.name_ja, people) or other
        if other and other != m.actor_id:
            m.actor_id = other


def _staff_of_organisations(mentions, actors, text: str, kb) -> None:
    """レナウンの社員 where the NER found レナウン: the organisation's people, as the linker
    composes them after an organisation it knows (`linker._compose_agent`): of the
    organisation's country and sector, else the organisation itself."""
    sectors = kb.lexicon.get("sectors", {})
    for org, m in zip(mentions, mentions[1:], strict=False):
        a = actors.get(org.actor_id)
        spec = sectors.get(m.text)
        if (
            a is None
            or a.type != "ORG"
            or org.link_method != "model"
            or spec is None
            or not is_staff_noun(spec)
            or text[org.end : m.start] not in ("", "の")
        ):
            continue
        key = staff_sector_id(kb, a, spec)
        if key:
            _linked(m, kb.get(key), actors)
            continue
        m.actor_id, m.label, m.link_method = a.actor_id, org.label, "anaphora"


def _without_describing_nouns(mentions, actors, text: str, kb, qualifiers=()) -> list:
    """A noun for people right before a person the NER found (歌手IU, 女優のキム・テヒ,
    韓国人歌手IU) describes that person and is no actor of its own, as the linker reads it
    before a name the rules found (`linker._describes_person`); a state inside it stays
    named (韓国 of 韓国人歌手), and is the country of a new person who has none."""
    sectors = kb.lexicon.get("sectors", {})
    drop, states = set(), []
    for m, p in zip(mentions, mentions[1:], strict=False):
        if p.link_method != "model" or p.label != "PERSON" or text[m.end : p.start] not in _DESCRIBING_JOINS:
            continue
        a = actors.get(m.actor_id)
        spec = sectors.get(_agent_noun(m.text, sectors)) if m.label == "GROUP" else None
        if a is None or a.type != "GROUP" or spec is None or spec.get("type") != "GROUP":
            continue
        drop.add(id(m))
        inner = [q for q in qualifiers if m.start <= q.start and q.end <= m.end and q.label == "STATE"]
        states += [replace(q, link_method="kb") for q in inner]
        person = actors.get(p.actor_id)
        if inner and person is not None and not person.in_kb and not person.country:
            person.country = inner[-1].actor_id
    if not drop:
        return mentions
    return sorted([*(m for m in mentions if id(m) not in drop), *states], key=lambda m: (m.start, m.end))


def _anaphors_of_found_organisations(mentions, actors, text: str, kb, sentences) -> list:
    """同会 / 同紙 / 同サイト after an organisation only the NER found (人々の会「独島郷友会」に
    所属しており、同会では…): the linker resolves anaphors before the NER's names exist, so
    one it left unresolved refers to the nearest organisation of its kind (a news outlet for
    同紙) named before it in the last `ANAPHOR_SENTENCES` sentences."""
    specs = {
        k: v for k, v in (kb.lexicon.get("anaphora") or {}).items()
        if v.get("kind") in ("ORG", "MED") and v.get("count", 1) == 1 and k not in COMPANY_ANAPHORS
    }  # fmt: skip
    if not specs or not any(m.link_method == "model" for m in mentions):
        return mentions
    pattern = re.compile("|".join(sorted(map(re.escape, specs), key=len, reverse=True)))
    covered = [(m.start, m.end) for m in mentions]
    added = []
    for hit in pattern.finditer(text):
        start, end = hit.span()
        if any(a < end and start < b for a, b in covered):
            continue
        sent = next((x for x in sentences if x.start <= start < x.end), None)
        sid = sent.sentence_id if sent is not None else -1
        kind = specs[hit.group()]["kind"]
        prior = [
            m for m in mentions
            if m.end <= start and m.link_method == "model" and (sid < 0 or sid - m.sentence_id <= ANAPHOR_SENTENCES)
            and (a := actors.get(m.actor_id)) is not None and a.type == "ORG" and (kind == "ORG" or a.sector == "MED")
        ]  # fmt: skip
        if prior:
            x = prior[-1]
            added.append(Mention(start, end, hit.group(), x.label, x.actor_id, "anaphora", CONF_ANAPHOR, sid))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions


def _stage_name_of(name: str, people: dict) -> str | None:
    """The person a stage name calls by the given name after a katakana nickname (ロンブー淳,
    バトル・ロンブー淳 after 田村淳): the one person of the article whose kanji name ends with
    that given name after a family name of two characters or more; else None."""
    tail = len(name)
    while tail > 0 and is_kanji(name[tail - 1]):
        tail -= 1
    head, given = name[:tail], name[tail:]
    if not given or len(head) < 2 or not all(is_katakana(ch) or ch == "・" for ch in head):
        return None
    found = {
        k for k, p in people.items()
        if len(p.name_ja) >= len(given) + 2 and p.name_ja.endswith(given) and all(is_kanji(ch) for ch in p.name_ja)
    }
    return found.pop() if len(found) == 1 else None


def _bare_org_name(name: str) -> str:
    return name[:-1] if len(name) > 2 and name.endswith("社") else name


def _linked(m, actor, actors):
    """The model mention `m` linked to `actor` (its label from the actor's type)."""
    m.actor_id = actor.actor_id
    m.label = mention_label(actor, m.label)
    actors.setdefault(actor.actor_id, actor)
    return m


def _plausible_name(
    doc, start: int, end: int, org_suffixes: tuple[str, ...] = (), sure: bool = False, certain: bool = False
) -> bool:
    """A model entity worth a new actor: two characters or more, not an
    attribute (スラブ系, or with one inside: スラブ系民族), and, unless the model is
    `sure` of a name of several words (劇団四季, アメリカン航空: names made of known
    words; not パンダ), with
    a proper noun or an unknown word in it, or, for organisations, an organisation
    suffix at its end (国土交通省) — not common-noun phrases such as 原油市場 or 連合国家."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or end - start < 2:
        return False
    text = doc_text(doc)
    if _symbol(text[start]) or _symbol(text[end - 1]):
        return False  # 中国網< : a name neither starts nor ends with punctuation
    if end < len(text) and text[end] in ATTRIBUTE_SUFFIXES and not (org_suffixes and sure):
        return False  # not a company the model is sure of: 出光興産|系, 日野自動車|製
    if any(t.text in ATTRIBUTE_SUFFIXES and t.tag_.startswith("接尾辞") for t in span[1:]):
        return False  # the attribute inside the entity: スラブ系民族, 中国製品
    if (sure and len(span) > 1) or (org_suffixes and text[start:end].endswith(org_suffixes)):
        return True
    if certain and len(span) == 1 and end - start >= 3 and all(is_katakana(ch) for ch in text[start:end]):
        return True  # ビートルズ, ヨーク: a loanword UniDic knows as a common noun, the model is certain names one
    return any(is_name_like(t) for t in span)


# after an organisation's name: a member of it (創価学会員, 海兵隊員), not part of the name
_MEMBER = "員"

# words that end the name of an institution besides the lexicon's organisation suffixes
# (監査院, 建設局, 読者センター): an organisation entity of common nouns that ends in one is
# a name; not 隊, 軍 or 団, which end descriptions as well (遠征隊, 西軍)
INSTITUTION_HEADS = ("院", "局", "庁", "センター", "本部")

# endings that make a model entity what its label says, though the rules read them as
# part of an event or thing after a place: ユタ州 is a place (ワシントン州 is not Washington)
_KIND_ENDINGS = {"PLACE": ("州",)}


def _symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PSZC"


def _names_an_event(
    doc, start: int, end: int, event_suffixes: tuple[str, ...], kind_endings: tuple[str, ...] = (), body: bool = False
) -> bool:
    """A place name with an event suffix in or right after the entity names a meeting,
    treaty or the like, not an actor: サンフランシスコ会議, ヤルタ(会談), ミンスク合意
    (the lexicon's `event_suffixes`, which the rules apply to KB places too). An entity
    that ends in one of `kind_endings` is what it says (ベルリン大学 an organisation), and
    so, with `body` (an organisation the model is sure of), is one with a noun that names no
    act between the place and the suffix (日本|学術|会議: a body; not サンフランシスコ|講和|会議)."""
    if not event_suffixes:
        return False
    text = doc_text(doc)
    if kind_endings and text[start:end].endswith(kind_endings):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or "地名" not in span[0].tag_:
        return False
    suffix = next((x for x in event_suffixes if text[start:end].endswith(x)), "")
    if body and suffix:
        between = [t for t in span[1:] if t.idx + len(t.text) <= end - len(suffix)]
        if any(t.tag_.startswith("名詞-普通名詞") and "サ変" not in t.tag_ for t in between):
            return False
    return bool(suffix) or text.startswith(event_suffixes, end)


def is_name_like(token) -> bool:
    """A proper noun, or a word UniDic does not know that has letters (not a number)."""
    return name_like_word(token.text, token.tag_, is_unknown(token))


def name_like_word(word: str, tag: str, unknown: bool) -> bool:
    """`is_name_like` on a token's text, UniDic tag and unknown-word flag."""
    if "固有名詞" in tag:
        return True
    return unknown and "数詞" not in tag and any(ch.isalpha() for ch in word)
