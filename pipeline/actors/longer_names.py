"""Mentions are maximal names: when the trained NER finds a longer name around KB or
rule mentions (日本銀行 around 日本, 東京都千代田区 around 東京都), the longer name is the
mention, and these rules say which actor it names.

A mention gives way to a longer name only when the rules read no better than the
model there (`gives_way`), and the longer name must be more than the known name with
words the model took along (`longer_name_actor`): a position (尖閣諸島沖), a state's
abbreviation (米ダラス) or a common word after a place (全羅南道南原住) are not.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.actors.kb import GOVERNMENT_SECTORS, KnowledgeBase
from pipeline.actors.linker import new_actor
from pipeline.actors.textutil import romanise_place
from pipeline.model import Actor, Mention

# mention label of a model entity -> kind of new actor
MODEL_KIND = {"PERSON": "PER", "ORG": "ORG", "PLACE": "PLC"}
# how a name inside a longer model name may have been found, and what it may be, to give way
YIELDING_METHODS = ("kb", "fuzzy", "new")
_YIELDING_TYPES = frozenset({"STATE", "PLACE", "REGION", "ORG", "IGO", "PERSON"})
_PLACE_TYPES = ("STATE", "PLACE")
# prefixes that make a region of a place (南ドイツ, 西日本, 東アジア, 大日本帝国)
DIRECTIONS = frozenset({"東", "西", "南", "北", "東北", "北東", "東南", "南東", "西北", "北西", "西南", "南西", "中央", "大"})


def gives_way(mention: Mention, actor: Actor | None, label: str = "") -> bool:
    """May a longer name the model finds around this mention (with the model's mention
    `label`) replace it? Names the KB links or the rules make up do (日本 in 日本銀行,
    a new person 尾崎淳 in 尾崎淳介); what the rules read better than the model does
    not: anaphora (同国), abbreviations in compounds (日米, 対米, 訪中), sector actors
    composed from their parts (日本政府 -> JPN_GOV, 韓国の警察 -> KOR_COP), and a person
    the KB knows (プーチン離れ is no one, グロッシ事務局長 the person with a title)."""
    if mention.link_method not in YIELDING_METHODS or actor is None:
        return False
    if actor.type == "PERSON" and actor.in_kb:
        return False  # プーチン離れ is no one; グロッシ|事務局長 is the person with a title
    if actor.type == "ORG" and actor.in_kb and actor.sector in GOVERNMENT_SECTORS:
        return False  # 朝鮮労働党|中央委員会: an organ of the ruling party is the party
    return actor.type in _YIELDING_TYPES


def is_organ(mention: Mention, actor: Actor | None) -> bool:
    """A sector actor the KB or the rules composed (ドイツ軍 → DEU_MIL, 千葉県警察, 北京政府):
    a longer name around it (ドイツ軍兵器局, a unit of it) is a mention of the same actor."""
    return mention.link_method == "kb" and actor is not None and bool(actor.sector) and actor.type != "PERSON"


def read_longer_name(
    m: Mention, inner: list[Mention], actors: dict[str, Actor], kb: KnowledgeBase, name_like
) -> Actor | None:
    """The actor the model's entity `m` names, a longer name that replaces the mentions
    `inner` it contains; None when it is no longer name and adds nothing (`inner` stay).

    `name_like(start, end)` says whether the text there has a name in it (a proper noun
    or an unknown word). A name the KB knows is its actor; an organisation named after
    an international one is that one (国連安全保障理事会: the UN, as CAMEO codes it); a
    known place with its kind (沖縄県) is that place; an address is one name, of its most
    specific place (安徽省亳州: Bozhou); anything else is a new actor whose country is the
    state (else the place) inside it (日本銀行: JPN)."""
    text = m.text
    inner = sorted(inner, key=lambda x: x.start)
    head = text[: inner[0].start - m.start]
    tail = text[inner[-1].end - m.start :]
    if head and head in kb.abbreviations.get("chars", {}) and inner[0].label != "PERSON":
        return None  # 米ダラス: Dallas, US (not 伊|野本孝一)
    positions = tuple(kb.lexicon.get("place_positions", ()))
    if tail and (tail.endswith(positions) or inner[-1].text[-1:] + tail in positions):
        return None  # 尖閣諸島沖, メルボルン市内, 一宮市|内
    found = [actors.get(x.actor_id) for x in inner]
    organs = [a for x, a in zip(inner, found, strict=True) if not gives_way(x, a, m.label)]
    if organs:  # ドイツ軍|兵器局, 中華民国|北京政府: the organ (merge.model_mentions let no other stay)
        return organs[0]
    if m.label == "PLACE":
        return _read_place(m, inner, found, kb, name_like)
    known = [e.key for e in kb.surfaces.get(text, ()) if e.kind == "actor"]
    if known:
        return kb.get(known[0])
    if m.label == "ORG" and not head and found[0] is not None and found[0].type == "IGO":
        return found[0]
    if (
        m.label == "ORG"
        and not head
        and all(a is not None and a.type in _PLACE_TYPES for a in found[1:])
        and _unit_of(found[0], text[inner[0].end - m.start :], kb)
    ):
        return found[0]  # 毎日新聞社政治部, 朝日新聞ソウル支局: a desk or office of the organisation is it
    return _new(text, m.label, found, kb)


def _unit_of(org: Actor | None, tail: str, kb: KnowledgeBase) -> bool:
    """Is `tail`, after an organisation the KB knows, a unit of it (社|政治部, 広報局, ソウル支局:
    the lexicon's `org_units`, after at most four characters naming which)?"""
    if org is None or org.type != "ORG" or not org.in_kb or not tail:
        return False
    rest = tail.removeprefix("社").strip()
    unit = next((u for u in kb.lexicon.get("org_units") or () if rest.endswith(u)), "")
    return bool(unit) and len(rest) - len(unit) <= 4


def _read_place(m: Mention, inner: list[Mention], found: list[Actor | None], kb: KnowledgeBase, name_like) -> Actor | None:
    """A place entity around known places (see `read_longer_name`): a direction before
    one (南ドイツ, 西日本) or a kind of place after it (コルシカ島, 広島湾; the lexicon's
    `place_suffixes`) make one longer name; an address, places one after another, each
    in the one before it (東京都千代田区, 安徽省亳州, 中国上海市楊浦区), is one name, as
    ner-wikipedia and GSD annotate it, of its most specific place: the place where
    something is, with its country."""
    if any(a is None or a.type not in (*_PLACE_TYPES, "REGION") for a in found):
        return None
    kinds = kb.lexicon.get("place_suffixes") or {}
    head = m.text[: inner[0].start - m.start]
    if head and head not in DIRECTIONS:
        return None
    tail = m.text[inner[-1].end - m.start :]
    known = [e.key for e in kb.surfaces.get(m.text, ()) if e.kind == "actor"]
    if len(inner) == 1 and (tail in kinds or (head and not tail)):
        if known:
            return kb.get(known[0])
        if not head and (kinds.get(tail) or {}).get("same"):
            return found[0]  # 沖縄県 is 沖縄
        return _new(m.text, "PLACE", found, kb)
    if not head and found[-1].type == "PLACE" and all(x.actor_id in kb.generated_places for x in inner[:-1] or inner):
        # 愛知県一宮市, 神奈川県横浜市, 神奈川県鎌倉市北鎌倉: an address whose broader places only
        # the gazetteer knows is one name, of its most specific place (北鎌倉: a new one;
        # curated places, as in 安徽省亳州, stay names of their own)
        rest = (inner[-1].end, m.end)
        if rest[1] - rest[0] >= 2 and name_like(*rest):
            return _new(m.text[rest[0] - m.start :], "PLACE", found, kb)
        return found[-1]
    gaps = [(a.end, b.start) for a, b in zip(inner, inner[1:], strict=False)] + [(inner[-1].end, m.end)]
    units = tuple(k for k, v in kinds.items() if (v or {}).get("same")) + _UNITS
    names = [(a, b) for a, b in gaps if b - a >= 2 and (name_like(a, b) or m.text[b - m.start - 1] in units)]
    if head or any(b > a and (a, b) not in names for a, b in gaps) or (len(inner) < 2 and not names):
        return None  # 全羅南道南原住: no place after it
    if names and names[-1][1] == m.end:  # 東京都|檜原村, 京都市|西京区: the last place is no known one
        a, b = names[-1]
        surface = m.text[a - m.start : b - m.start]
        known = [e.key for e in kb.surfaces.get(surface, ()) if e.kind == "actor"] or [kb.place_named(surface)]
        return kb.get(known[0]) if known[0] else _new(surface, "PLACE", found, kb)
    return found[-1]  # 安徽省|亳州


# units of an address besides the place kinds that name the same place (慶州市|陽南面: a township)
_UNITS = ("面", "洞", "里", "邑")

# the language a place of these countries is read in (romanise_place)
_PLACE_LANGUAGE = {"CHN": "zh", "TWN": "zh", "KOR": "ko", "PRK": "ko"}


def _new(surface: str, label: str, found: list[Actor | None], kb: KnowledgeBase) -> Actor:
    """A new actor for a longer name, with the country of the known names inside it; a
    place of China or the Koreas is named in its own language (安徽省|亳州: Bozhou)."""
    actor = new_actor(surface, MODEL_KIND[label], kb)
    if not actor.country:
        actor.country = _country(found)
    if label == "PLACE" and actor.country in _PLACE_LANGUAGE:
        actor.name_en = romanise_place(surface, _PLACE_LANGUAGE[actor.country]) or actor.name_en
    return actor


def _country(found: list[Actor | None]) -> str:
    """The country of the first state among the actors, else of the first place
    (ロンドン五輪サッカー韓国代表: KOR)."""
    for kind in _PLACE_TYPES:
        for actor in found:
            if actor is not None and actor.type == kind and actor.country:
                return actor.country
    return ""


# organs whose bureaus, departments and branches the corpora name with them as one
# organisation (農林水産省関東農政局, 千葉県警察刑事部, 自民党岡山県連)
_ORGAN_ENDINGS = ("省", "庁", "党", "警察", "県警")
# the word that ends such a unit's name, a token of its own (局, not 政局; 部, not 幹部)
_UNIT_HEADS = frozenset({"局", "課", "部", "室", "本部", "支部", "県連", "府連", "都連"})
# ... and the words of units written as two (事務|所)
_UNIT_HEAD_PAIRS = frozenset({("事務", "所")})
_UNIT_WORDS = 5
# a title or people after the unit make it theirs (局|長, 部|次長): the organ stays as it was
_UNIT_PEOPLE = frozenset({"次長", "幹部", "職員", "関係者", "担当者", "員"})


def organ_units(doc, mentions: list[Mention], actors: dict[str, Actor]) -> list[Mention]:
    """`mentions` with each organ of a state or party (a KB sector actor whose name ends
    in 省, 庁, 党 or 警察: `is_organ`) that runs into a compound of nouns naming one of
    its units (関東|農政|局, 刑事|部, 岡山|県連, 長野|国道|事務|所) widened over the unit:
    one organisation, the organ's actor, as ner-wikipedia and GSD mark it and as CAMEO
    codes a unit of an organ. A title or people after the unit (局|長, 部|幹部) make it
    theirs, and the organ stays as it was; known places inside the unit (岡山) are part of its name."""
    from pipeline.tokenizer import doc_text

    organs = [k for k, m in enumerate(mentions) if m.text.endswith(_ORGAN_ENDINGS) and is_organ(m, actors.get(m.actor_id))]
    if not organs:
        return mentions  # most articles: no Token object made for each word
    text = doc_text(doc)
    tokens = [(t.idx, t.text, t.tag_, bool(t.whitespace_)) for t in doc]
    starts = [t[0] for t in tokens]
    out, dropped = list(mentions), set()
    for k in organs:
        m = mentions[k]
        i = _bisect(starts, m.end)
        if i is None or tokens[i - 1][3]:
            continue
        end = None
        for j in range(i, min(i + _UNIT_WORDS, len(tokens))):
            _, word, tag, space = tokens[j]
            if not tag.startswith(("名詞", "接尾辞-名詞的")) or tag.startswith("名詞-数詞"):
                break
            pair = (tokens[j - 1][1], word) if j > i else None
            if word in _UNIT_HEADS or pair in _UNIT_HEAD_PAIRS:
                nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                if not (nxt and not space and (nxt[2].startswith("接尾辞") or nxt[1] in _UNIT_PEOPLE)):
                    end = tokens[j][0] + len(word)
                break
            if space:
                break
        if end is None:
            continue
        inside = [x for x in mentions if m.end <= x.start and x.end <= end]
        if any(x.start < end and m.end < x.end and x not in inside for x in mentions) or any(
            not gives_way(x, actors.get(x.actor_id)) for x in inside
        ):
            continue
        dropped.update(id(x) for x in inside)
        out[k] = replace(m, end=end, text=text[m.start : end])
    return [m for m in out if id(m) not in dropped]


def _bisect(starts: list[int], pos: int) -> int | None:
    """The index of the token starting at `pos`, else None."""
    from bisect import bisect_left

    i = bisect_left(starts, pos)
    return i if i < len(starts) and starts[i] == pos else None


# the inside of a city, ward, town, village or Tokyo (市内, 都内): one place with its name in
# both NER corpora (メルボルン市内, 東京都内, 日之影町内); not of a state (国内) or a prefecture
_INTERIORS = frozenset({"市内", "都内", "区内", "町内", "村内"})
_PLACE_KINDS = ("市", "都", "区", "町", "村")


# the characters that may follow a place whose inside is named (市内, 都内, 市|内, 内)
_INTERIOR_FIRSTS = tuple({w[0] for w in (*_INTERIORS, *_PLACE_KINDS, "内")})


def place_interiors(doc, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each place followed by the inside of it (メルボルン|市|内, 東京|都内,
    日之影町|内) widened over it: the same place, named as the corpora mark it."""
    from pipeline.tokenizer import doc_text

    text = doc_text(doc)
    if not any(m.label == "PLACE" and text.startswith(_INTERIOR_FIRSTS, m.end) for m in mentions):
        return mentions  # most articles: no Token object made for each word
    tokens = [(t.idx, t.text, bool(t.whitespace_)) for t in doc]
    starts = [t[0] for t in tokens]
    out = []
    for m in mentions:
        i = _bisect(starts, m.end) if m.label == "PLACE" else None
        end = None
        if i is not None and not tokens[i - 1][2]:
            word = tokens[i][1]
            nxt = tokens[i + 1][1] if i + 1 < len(tokens) and not tokens[i][2] else ""
            if word in _INTERIORS:
                end = m.end + len(word)
            elif word in _PLACE_KINDS and nxt == "内":
                end = m.end + len(word) + 1
            elif word == "内" and m.text.endswith(_PLACE_KINDS):
                end = m.end + 1
        if end is not None and not any(x is not m and x.start < end and m.end < x.end for x in mentions):
            m = replace(m, end=end, text=text[m.start : end])
        out.append(m)
    return out
