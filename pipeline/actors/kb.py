"""The bilingual actor knowledge base: reviewed YAML data under pipeline/data/actors/.

Loaded once per process (`load_kb()` is cached); an optional user overlay
(corpus/actors.yaml) adds or overrides actors and aliases.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from pipeline import safeyaml
from pipeline.actors.textutil import deletes1, is_all_katakana, kana_key
from pipeline.model import Actor

DATA_PACKAGE = "pipeline.data.actors"
ACTOR_TYPES = ("STATE", "PERSON", "IGO", "REGION", "GOVERNMENT", "GROUP", "PLACE", "ORG")
# Mention.label for each Actor.type: a region is a place named in the text (アジア, 朝鮮半島),
# except the blocs of `BLOCS`, which act like collectives of states (mention_label)
LABEL_OF_TYPE = {
    "STATE": "STATE",
    "PERSON": "PERSON",
    "IGO": "IGO",
    "REGION": "PLACE",
    "GOVERNMENT": "ORG",
    "GROUP": "GROUP",
    "PLACE": "PLACE",
    "ORG": "ORG",
}
BLOCS = frozenset({"REG_WEST", "REG_GLOBAL_SOUTH"})


def organ_nouns(kb: KnowledgeBase) -> frozenset[str]:
    """The lexicon's nouns for organs of a state that the rules name only after a state
    (上院, 最高裁, 空軍, 海兵隊: agents of a government sector, not `bare`; 政府 and 当局
    alone are the story's country's), which alone may still name an organisation."""
    sectors = kb.lexicon.get("sectors") or {}
    return frozenset(
        w
        for w, row in sectors.items()
        if row.get("sector") in GOVERNMENT_SECTORS and not row.get("bare") and not w.endswith(_PEOPLE_ENDINGS)
    )


# endings of the nouns for people of an organ, not the organ (高官, 議員, 兵)
_PEOPLE_ENDINGS = ("官", "員", "兵")


def mention_label(actor: Actor, default: str = "ORG") -> str:
    """The Mention.label of a mention of `actor` (see LABEL_OF_TYPE)."""
    if actor.actor_id in BLOCS:
        return "GROUP"
    return LABEL_OF_TYPE.get(actor.type, default)


SECTOR_NAMES_EN = {
    "GOV": "Government of {c}",
    "MIL": "Military of {c}",
    "OPP": "{c} opposition",
    "JUD": "Judiciary of {c}",
    "LEG": "Legislature of {c}",
    "COP": "Police of {c}",
    "SPY": "Intelligence services of {c}",
    "MED": "{c} media",
    "BUS": "{c} business",
    "REB": "{c} rebels",
    "HRI": "{c} human rights activists",
    "CVL": "{c} civilians",
    "REF": "{c} refugees",
    "LAB": "{c} labour",
    "EDU": "{c} education",
    "HLH": "{c} health",
    "ELI": "{c} elites",
    "NGO": "{c} civic groups",
    "CRM": "{c} criminals",
    "AGR": "{c} farmers",
    "REL": "{c} religious groups",
    "ENV": "{c} environmental groups",
    "PTY": "{c} political parties",
    "UAF": "{c} armed groups",
}
SECTOR_NOUNS_JA = {
    "GOV": "政府",
    "MIL": "軍",
    "OPP": "野党",
    "JUD": "司法当局",
    "LEG": "議会",
    "COP": "警察",
    "SPY": "情報機関",
    "MED": "メディア",
    "BUS": "企業",
    "REB": "武装勢力",
    "HRI": "人権活動家",
    "CVL": "市民",
    "REF": "難民",
    "LAB": "労働組合",
    "EDU": "教育界",
    "HLH": "医療界",
    "ELI": "エリート",
    "NGO": "市民団体",
    "CRM": "犯罪者",
    "AGR": "農民",
    "REL": "宗教団体",
    "ENV": "環境団体",
    "PTY": "政党",
    "UAF": "武装集団",
}
FUZZY_MIN_LEN = 5
# administrative suffixes after a place name (亳州市, 岩手県, フロリダ州, 広東省, 京畿道)
PLACE_SUFFIXES = "市県州省道府都区"
# organisations.yaml sections and the CAMEO sector of their entries ("" = the entry's own)
ORGANISATION_SECTIONS = {"media": "MED", "parties": "PTY", "companies": "BUS", "other": ""}
GOVERNMENT_SECTORS = {"GOV", "MIL", "JUD", "LEG", "COP", "SPY"}
_ROLE_RE = re.compile(
    r"^(\S+)\s+([A-Z]{3})\s+([a-z_]+)\s+(\d{4}(?:-\d\d(?:-\d\d)?)?)?\.\.(\d{4}(?:-\d\d(?:-\d\d)?)?)?$"
)


@dataclass(frozen=True)
class Role:
    """A date-restricted role (PETRARCH style): holder is `sector` of `country` as `role`."""

    country: str
    sector: str
    role: str
    valid_from: str = ""
    valid_to: str = ""

    def active(self, date: str) -> bool:
        if not date:
            return not self.valid_to
        lo, hi = _date_range(date)
        start = _date_range(self.valid_from)[0] if self.valid_from else "0000-00-00"
        end = _date_range(self.valid_to)[1] if self.valid_to else "9999-99-99"
        return start <= hi and lo <= end


def _date_range(d: str) -> tuple[str, str]:
    """'2026' -> ('2026-01-01', '2026-12-31'); '2026-02' -> ('2026-02-01', '2026-02-31')."""
    d = str(d)
    if len(d) == 4:
        return f"{d}-01-01", f"{d}-12-31"
    if len(d) == 7:
        return f"{d}-01", f"{d}-31"
    return d[:10], d[:10]


def parse_role(text: str) -> Role:
    m = _ROLE_RE.match(str(text).strip())
    if not m:
        raise ValueError(f"bad role {text!r}: expected 'COUNTRY SECTOR role FROM..TO'")
    return Role(m.group(1), m.group(2), m.group(3), m.group(4) or "", m.group(5) or "")


@dataclass
class Entry:
    """What a surface form in the text can be: an actor alias or a lexicon word."""

    kind: str  # actor | sector | fixed | title | anaphor | ignore
    key: str  # actor id, or the lexicon word
    priority: int = 0


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor]
    roles: dict[str, list[Role]]
    surfaces: dict[str, list[Entry]]  # exact surface -> entries (best first)
    lexicon: dict
    abbreviations: dict
    sources: list[str] = field(default_factory=list)
    surfaces_en: dict[str, list[Entry]] = field(default_factory=dict)  # English-only names
    surnames: dict[str, list[str]] = field(default_factory=dict)  # 野田 -> people (before a title)
    kanji_names: dict[str, list[str]] = field(default_factory=dict)  # 野田佳彦 -> people (generated)
    # generated places (kb_places.tsv) by every form, including those that are also words or
    # surnames (本庄, 大和): only to name a place UniDic or the NER found -> actor id
    place_names: dict[str, str] = field(default_factory=dict)
    place_forms_unidic: set[str] = field(default_factory=set)  # those UniDic's 地名 tag may name
    place_names_en: dict[str, str] = field(default_factory=dict)
    generated_places: set[str] = field(default_factory=set)  # their ids: matched as written only
    # names an organisation bears only in its country (民主党 -> {JPN: ORG_DPJ}): see country_form
    country_forms: dict[str, dict[str, str]] = field(default_factory=dict)

    # ---------------------------------------------------------------- lookup
    def get(self, actor_id: str) -> Actor:
        """The actor with this id; sector ids (BLR_GOV, USA_MIL, BLR_PRISONERS) are built on demand."""
        if actor_id in self.actors:
            return self.actors[actor_id]
        sector = self._sector_actor(actor_id)
        if sector is None:
            raise KeyError(actor_id)
        return sector

    def __contains__(self, actor_id: str) -> bool:
        try:
            self.get(actor_id)
        except KeyError:
            return False
        return True

    def place_named(self, surface: str, lang: str = "ja", found_by: str = "model") -> str:
        """The generated place (kb_places.tsv) a name found as a place names, or '': for the
        forms the matcher leaves alone because they are also surnames or words (大津 and 亳州
        when UniDic tags them 地名 in the sentence, `found_by="unidic"`; 本庄, 春日 only when the
        NER finds them, `found_by="model"`), and for English names (Mosul), which only a
        GPE/LOC entity links. A bare form may take an administrative suffix (亳州市, ダラス市)."""
        names = self.place_names if lang == "ja" else self.place_names_en
        for form in (surface, surface[:-1] if lang == "ja" and len(surface) >= 3 and surface[-1] in PLACE_SUFFIXES else ""):
            if form in names and (found_by == "model" or lang != "ja" or form in self.place_forms_unidic):
                return names[form]
        return ""

    def role_at(self, actor_id: str, date: str) -> list[Role]:
        """Roles of a person active at `date` (YYYY, YYYY-MM or YYYY-MM-DD)."""
        return [r for r in self.roles.get(actor_id, []) if r.active(date)]

    def holders(self, country: str, role: str, date: str) -> list[str]:
        """People holding `role` (president, head_of_government ...) of `country` at `date`."""
        return [pid for pid, r in self._role_index.get((country, role), []) if r.active(date)]

    def former_holders(self, country: str, role: str, date: str) -> list[str]:
        """People who held `role` of `country` before `date` and not at it, the latest first
        (前大統領 is the first of them; 元大統領 any)."""
        lo = _date_range(date)[0] if date else "9999-99-99"
        ended: dict[str, str] = {}
        for pid, r in self._role_index.get((country, role), []):
            if r.valid_to and _date_range(r.valid_to)[1] < lo and not r.active(date):
                ended[pid] = max(ended.get(pid, ""), r.valid_to)
        current = set(self.holders(country, role, date)) if date else set()
        return sorted((p for p in ended if p not in current), key=lambda p: ended[p], reverse=True)

    def held(self, actor_id: str, role: str, date: str, former: bool = False) -> bool:
        """Does the person hold `role` at `date` (former: held it before `date`, not at it)?"""
        rs = [r for r in self.roles.get(actor_id, []) if r.role == role]
        if not former:
            return any(r.active(date) for r in rs)
        lo = _date_range(date)[0] if date else "9999-99-99"
        return not any(r.active(date) for r in rs) and any(
            r.valid_to and _date_range(r.valid_to)[1] < lo for r in rs
        )

    def title_holder(self, ids: list[str], role: str, date: str, former: bool = False) -> str:
        """Of the people `ids` (who share a surname), the one holding `role` at `date`, or
        (former) the one who held it last before `date`; '' when none or it is unclear."""
        if not role or not date:
            return ""
        fits = [i for i in ids if self.held(i, role, date, former)]
        if former:
            def last_end(pid: str) -> str:
                return max(r.valid_to for r in self.roles.get(pid, []) if r.role == role and r.valid_to)

            fits.sort(key=last_end, reverse=True)
            return fits[0] if fits else ""
        return fits[0] if len(fits) == 1 else ""

    def party(self, actor_id: str, date: str = "", actor: Actor | None = None) -> str:
        """The party an actor acts for, CAMEO-style: a state and its government sectors are
        'state:XXX'; so is a person holding a government office (sector GOV) of XXX at
        `date` (Lee Myung-bak in 2011 -> 'state:KOR'); a former holder (鳩山元首相 in 2011)
        and anyone else is themselves. `actor`: the record when it is not in the KB
        (an article's new actors)."""
        if actor is None:
            try:
                actor = self.get(actor_id)
            except KeyError:
                return actor_id
        if actor.type in ("STATE", "GOVERNMENT", "COUNTRY"):
            return "state:" + (actor.country or actor_id)
        if actor.type == "PERSON":
            for role in self.role_at(actor_id, date):
                if role.sector == "GOV":
                    return "state:" + role.country
        return actor_id

    @cached_property
    def _role_index(self) -> dict[tuple[str, str], list[tuple[str, Role]]]:
        idx: dict[tuple[str, str], list[tuple[str, Role]]] = defaultdict(list)
        for pid, rs in self.roles.items():
            for r in rs:
                idx[(r.country, r.role)].append((pid, r))
        return dict(idx)

    def country_of(self, actor_id: str) -> str:
        try:
            return self.get(actor_id).country
        except KeyError:
            return ""

    def sector_id(self, country: str, sector: str, suffix: str = "") -> str:
        return f"{country}_{suffix or sector}"

    def _sector_actor(self, actor_id: str) -> Actor | None:
        country, sep, tail = actor_id.rpartition("_")
        if (
            not sep
            or country not in self.actors
            or self.actors[country].type not in ("STATE", "REGION")
        ):
            return None
        state = self.actors[country]
        sector, name_en, name_ja = tail, "", ""
        spec: dict = {}
        # a suffixed agent of either language (韓国のネットユーザー KOR_NETIZENS, the Senate
        # USA_SENATE); its Japanese name only from a Japanese row
        agents = [*self.lexicon.get("sectors", {}).items(), *((None, s) for s in _en_agents())]
        for word, row in agents:
            if row.get("suffix") == tail:
                spec = row
                sector, name_ja, name_en = (
                    spec["sector"],
                    state.name_ja + word if word else "",
                    spec.get("name_en", ""),
                )
                break
        else:
            if tail not in SECTOR_NAMES_EN:
                return None
            name_ja = state.name_ja + SECTOR_NOUNS_JA.get(tail, tail)
        if name_en:
            name_en = f"{_adjective(state.name_en)} {name_en}"
        else:
            name_en = SECTOR_NAMES_EN.get(sector, "{c} " + sector).format(
                c=_with_article(state.name_en)
            )
        typ = "GOVERNMENT" if sector in GOVERNMENT_SECTORS else "GROUP"
        spec_en = [spec.get("name_en")] if name_en and spec.get("name_en") else []
        actor = Actor(
            actor_id,
            typ,
            name_en,
            name_ja,
            country=state.country or country,
            sector=sector,
            in_kb=True,
            aliases=spec_en,
        )
        self.actors[actor_id] = actor  # memoise (ids are deterministic)
        return actor

    # ---------------------------------------------------------------- indexes
    def build_indexes(self) -> None:
        """Build the indexes below now; otherwise each is built on first use."""
        for name in ("matcher", "norm_index", "fuzzy_index", "_role_index", "kanji_name_lengths"):
            getattr(self, name)

    @cached_property
    def norm_index(self) -> dict[str, list[str]]:
        """kana_key(katakana alias) -> actor ids (best first); not the generated places'
        names, which only match as written."""
        idx: dict[str, list[str]] = defaultdict(list)
        for surface, entries in self.surfaces.items():
            if not is_all_katakana(surface):
                continue
            for e in entries:
                if e.key in self.generated_places:
                    continue  # ヴァランス (Valence) must not catch バランス
                if e.kind == "actor" and e.key not in idx[kana_key(surface)]:
                    idx[kana_key(surface)].append(e.key)
        return dict(idx)

    @cached_property
    def fuzzy_index(self) -> dict[str, set[str]]:
        """SymSpell index over people's katakana names (kana key, len >= 5): one-deletions -> keys.

        Only people: place and state names are spelled consistently, and a short
        place name is easily one edit away from another (カラカス / カフカス)."""
        idx: dict[str, set[str]] = defaultdict(set)
        for key, ids in self.norm_index.items():
            if len(key) >= FUZZY_MIN_LEN and any(self.actors[i].type == "PERSON" for i in ids):
                for d in deletes1(key):
                    idx[d].add(key)
        return dict(idx)

    @cached_property
    def kanji_name_lengths(self) -> dict[str, tuple[int, ...]]:
        """First character -> lengths of the generated kanji names starting with it, longest first.

        These ~700 names stay out of `matcher`: their first characters (山, 大, 中 …) would
        make every such character of a text a place the regex must try."""
        lengths: dict[str, set[int]] = defaultdict(set)
        for name in self.kanji_names:
            lengths[name[0]].add(len(name))
        return {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}

    @cached_property
    def matcher(self) -> re.Pattern:
        """One regex (a trie of every surface, longest first) to find candidates in one pass."""
        return re.compile(_trie_regex(list(self.surfaces)))


def _adjective(name_en: str) -> str:
    return name_en


def _with_article(name_en: str) -> str:
    """'United States' -> 'the United States' inside 'Government of ...'."""
    if name_en.startswith(
        ("United ", "Russian Federation", "Netherlands", "Philippines", "Czech Republic")
    ):
        return "the " + name_en
    return name_en


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


# -------------------------------------------------------------------- loading
AGENT_COLUMNS = ("lang", "surface", "sector", "bare", "suffix", "name_en", "note")


@lru_cache(maxsize=1)
def _en_agents() -> tuple[dict, ...]:
    """The English agents with a suffix (their own actor per state: USA_SENATE)."""
    return tuple(spec for spec in load_agents("en").values() if spec.get("suffix"))


@lru_cache(maxsize=4)
def load_agents(lang: str) -> dict[str, dict]:
    """agents.tsv rows of one language: surface -> {sector, type, bare, suffix, name_en}.

    The generic agents (警察, ネットユーザー, police) that the linkers compose with
    the state, place or person qualifying them (韓国の警察 -> KOR_COP)."""
    text = resources.files(DATA_PACKAGE).joinpath("agents.tsv").read_text(encoding="utf-8")
    out: dict[str, dict] = {}
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * len(AGENT_COLUMNS))[: len(AGENT_COLUMNS)]
        if not header_seen:
            if tuple(cells) != AGENT_COLUMNS:
                raise ValueError(f"agents.tsv: header must be {AGENT_COLUMNS}, got {cells}")
            header_seen = True
            continue
        row = dict(zip(AGENT_COLUMNS, cells, strict=True))
        if row["lang"] != lang:
            continue
        if row["bare"] not in ("0", "1"):
            raise ValueError(f"agents.tsv line {n}: bare must be 0 or 1")
        if row["sector"] not in SECTOR_NAMES_EN:
            raise ValueError(f"agents.tsv line {n}: unknown sector {row['sector']!r}")
        spec = {
            "sector": row["sector"],
            "type": "GOVERNMENT" if row["sector"] in GOVERNMENT_SECTORS else "GROUP",
            "bare": row["bare"] == "1",
        }
        if row["suffix"]:
            spec["suffix"] = row["suffix"]
        if row["name_en"]:
            spec["name_en"] = row["name_en"]
        out[row["surface"]] = spec
    return out


ORG_WORD_COLUMNS = ("ja", "en", "lang")


@lru_cache(maxsize=1)
def load_org_words() -> dict[str, dict[str, str]]:
    """org_words.tsv: language ('' any, 'ko', 'zh') -> word of organisation names -> its
    English (大韓 Korea, 委員会 Committee), read by pipeline.actors.orgs."""
    out: dict[str, dict[str, str]] = {}
    for n, row in enumerate(_read_tsv("org_words.tsv"), 1):
        if tuple(row) != ORG_WORD_COLUMNS or not row["ja"] or not row["en"]:
            raise ValueError(f"org_words.tsv row {n}: needs the columns {ORG_WORD_COLUMNS}, got {row}")
        if row["lang"] not in ("", "ja", "ko", "zh"):
            raise ValueError(f"org_words.tsv row {n}: unknown lang {row['lang']!r}")
        out.setdefault(row["lang"], {})[row["ja"]] = row["en"]
    return out


def _read_yaml(name: str) -> dict:
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


def _read_tsv(name: str) -> list[dict]:
    """Rows of a generated TSV (comment lines start with '#'; the first other line is the header)."""
    import csv

    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(field: str) -> list[str]:
    return [f for f in (field or "").split(";") if f]


def _add_office_holders(kb: KnowledgeBase) -> None:
    """kb_people.tsv / kb_roles.tsv (built by `make kb`): people with dated roles. A person
    already in people.yaml keeps its names; the generated forms and roles are added.
    Katakana forms go to `surfaces`, kanji names to `kanji_names` (looked up at token
    starts); English names only to `surfaces_en` (the English linker's), which keeps the
    Japanese matcher small. Surnames (野田, 李) go to `surnames`:
    the Japanese linker looks for them only right before a title (野田首相, 李大統領)."""
    for row in _read_tsv("kb_people.tsv"):
        aid = row["actor_id"]
        ja = [f for f in [row["name_ja"], *_split(row["aliases_ja"])] if f]
        en = [row["name_en"], *_split(row["aliases_en"])]
        actor = kb.actors.get(aid)
        if actor is None:
            actor = Actor(aid, "PERSON", row["name_en"], row["name_ja"], country=row["country"], aliases=[])
            kb.actors[aid] = actor
        _actor_aliases(actor, [*ja, *[e for e in en if e != actor.name_en]])
        for form in ja:
            if is_all_katakana(form) or form in kb.surfaces:  # 天皇陛下: shared with people.yaml
                _add_surface(kb.surfaces, form, Entry("actor", aid))
            else:  # kanji: looked up at token starts, not in the matcher
                ids = kb.kanji_names.setdefault(form, [])
                if aid not in ids:
                    ids.append(aid)
        for form in en:
            if len(form.split()) >= 2 and _latin_alias_ok(form):
                _add_surface(kb.surfaces_en, form, Entry("actor", aid))
        for form in _split(row["surnames_ja"]):
            ids = kb.surnames.setdefault(form, [])
            if aid not in ids:
                ids.append(aid)
    _add_organisations(kb)
    for row in _read_tsv("kb_roles.tsv"):
        kb.roles.setdefault(row["actor_id"], []).append(
            Role(row["country"], row["sector"], row["role"], row["valid_from"], row["valid_to"])
        )


def _add_organisations(kb: KnowledgeBase) -> None:
    """kb_orgs.tsv (built by `make kb`): IGOs, NGOs, companies and armed groups from the
    Phoenix dictionaries. Japanese forms as for people; English names in `surfaces_en`
    only (a Latin word in Japanese text, ZERO, is seldom the organisation). A row typed GOVERNMENT only
    gives English names to a sector actor (United States Congress -> USA_LEG)."""
    for row in _read_tsv("kb_orgs.tsv"):
        aid = row["actor_id"]
        en = [e for e in [row["name_en"], *_split(row["aliases_en"])] if e]
        ja = [f for f in [row["name_ja"], *_split(row["aliases_ja"])] if f]
        if row["type"] != "GOVERNMENT":
            if aid in kb.actors:
                continue
            kb.actors[aid] = Actor(
                aid, row["type"], row["name_en"], row["name_ja"], row["country"], row["sector"], True, [*ja, *en[1:]]
            )
        for form in ja:
            if is_all_katakana(form) or form in kb.surfaces:
                _add_surface(kb.surfaces, form, Entry("actor", aid))
            else:
                kb.kanji_names.setdefault(form, []).append(aid)
        for form in en:
            if not _latin_alias_ok(form) and not form.isupper():
                continue
            if len(form.split()) == 1 and any(e.kind == "actor" for e in kb.surfaces.get(form, [])):
                continue  # a curated actor already has this word
            _add_surface(kb.surfaces_en, form, Entry("actor", aid))


def _add_generated_places(kb: KnowledgeBase) -> None:
    """kb_places.tsv (built by `make places`): cities and regions with country and Japanese
    forms. Loaded after every other file: a form the KB already has stays the other actor's
    (hand entries, states, people and lexicon words win). `forms_ja` go to the matcher;
    every form, and the English names, to `place_names`/`place_names_en`, which name a place
    UniDic (`unidic_ja`) or the NER (`model_ja` too) found but find none by themselves."""
    for row in _read_tsv("kb_places.tsv"):
        aid = row["actor_id"]
        actor = kb.actors.get(aid)
        generated = actor is None
        if generated:
            actor = Actor(aid, "PLACE", row["name_en"], row["name_ja"], country=row["country"], aliases=[])
            kb.actors[aid] = actor
            kb.generated_places.add(aid)
        forms, unidic, model = _split(row["forms_ja"]), _split(row["unidic_ja"]), _split(row["model_ja"])
        _actor_aliases(actor, [*forms, *unidic, *model])
        for form in forms:
            if form not in kb.surfaces and form not in kb.kanji_names:
                _add_surface(kb.surfaces, form, Entry("actor", aid))
        for form in [*forms, *unidic, *model]:
            kb.place_names.setdefault(form, aid)
        kb.place_forms_unidic.update(forms, unidic)
        if generated:
            for name in [row["name_en"], *_split(row["aliases_en"])]:
                kb.place_names_en.setdefault(name, aid)
                if name != actor.name_en and name not in actor.aliases:
                    actor.aliases.append(name)


def _add_surface(
    surfaces: dict[str, list[Entry]], surface: str, entry: Entry, front: bool = False
) -> None:
    surface = str(surface).strip()
    if not surface:
        return
    lst = surfaces.setdefault(surface, [])
    if any(e.kind == entry.kind and e.key == entry.key for e in lst):
        return
    if front:
        lst.insert(0, entry)
    else:
        lst.append(entry)
    if "・" in surface and is_all_katakana(surface):  # also without the dot
        _add_surface(surfaces, surface.replace("・", ""), entry, front)


def _actor_aliases(actor: Actor, ja: list[str]) -> None:
    for a in ja:
        if a not in actor.aliases:
            actor.aliases.append(a)


def build_kb(overlay: Path | None = None, generated_places: bool = True) -> KnowledgeBase:
    """The KB from the packaged files (and a user overlay). `generated_places=False` leaves
    out kb_places.tsv (what `make places` checks new forms against)."""
    actors: dict[str, Actor] = {}
    roles: dict[str, list[Role]] = {}
    surfaces: dict[str, list[Entry]] = {}
    sources = [
        "states.yaml",
        "states_extra.yaml",
        "igos.yaml",
        "organisations.yaml",
        "places.yaml",
        "people.yaml",
        "kb_people.tsv",
        "kb_roles.tsv",
        "kb_orgs.tsv",
        "kb_places.tsv",
        "lexicon.yaml",
        "agents.tsv",
        "abbreviations.yaml",
    ]

    def add_actor(actor: Actor, ja: list[str], en: list[str]) -> None:
        actors[actor.actor_id] = actor
        _actor_aliases(actor, [*ja, *en])
        for s in [actor.name_ja, *ja, *[e for e in [actor.name_en, *en] if _latin_alias_ok(e)]]:
            _add_surface(surfaces, s, Entry("actor", actor.actor_id))

    # states
    for row in _read_yaml("states.yaml") or []:
        ja = [row["name_ja"], *row.get("aliases_ja", [])]
        if any("Republic" in e for e in row.get("aliases_en", [])) and not row["name_ja"].endswith(
            "国"
        ):
            ja.append(row["name_ja"] + "共和国")
        if any("Kingdom" in e for e in row.get("aliases_en", [])) and not row["name_ja"].endswith(
            "国"
        ):
            ja.append(row["name_ja"] + "王国")
        a = Actor(row["id"], "STATE", row["name_en"], row["name_ja"], country=row["id"], aliases=[])
        add_actor(a, ja, row.get("aliases_en", []))
    extra = _read_yaml("states_extra.yaml")
    for sid, name in (extra.get("name_en") or {}).items():
        old = actors[sid]
        if old.name_en not in old.aliases:
            old.aliases.append(old.name_en)
        old.name_en = name
    for sid, al in (extra.get("aliases") or {}).items():
        a = actors[sid]
        add_actor(a, al.get("ja", []), al.get("en", []))
    for row in [*(extra.get("historical") or []), *(extra.get("extra") or [])]:
        a = Actor(row["id"], "STATE", row["name_en"], row["name_ja"], country=row["id"], aliases=[])
        for form in [row["name_ja"], *row.get("aliases_ja", [])]:  # curated beats generated
            for e in surfaces.pop(form, []):
                if e.kind == "actor" and form in actors[e.key].aliases:
                    actors[e.key].aliases.remove(form)
        add_actor(a, [row["name_ja"], *row.get("aliases_ja", [])], row.get("aliases_en", []))
    # IGOs, regions, organisations, places
    igos = _read_yaml("igos.yaml")
    for section, typ in (("igos", "IGO"), ("regions", "REGION"), ("orgs", "ORG")):
        for row in igos.get(section) or []:
            a = Actor(
                row["id"],
                typ,
                row["en"][0],
                row["ja"][0],
                country=row.get("country", ""),
                aliases=[],
            )
            add_actor(a, row["ja"], row["en"][1:])
    organisations = _read_yaml("organisations.yaml")
    country_forms: dict[str, dict[str, str]] = {}
    for section, default_sector in ORGANISATION_SECTIONS.items():
        for row in organisations.get(section) or []:
            for form in row.get("ja_in_country") or []:
                country_forms.setdefault(form, {}).setdefault(row["country"], row["id"])
            a = Actor(
                row["id"],
                "ORG",
                row["en"][0],
                (row.get("ja") or [""])[0],
                country=row.get("country", ""),
                sector=row.get("sector", default_sector),
                aliases=[],
            )
            add_actor(a, row.get("ja") or [], row["en"][1:])
            a.name_ja = a.name_ja or row["ja_in_country"][0]  # not a surface: see country_forms
    for row in _read_yaml("places.yaml").get("places") or []:
        a = Actor(
            row["id"],
            "PLACE",
            row["en"][0],
            row["ja"][0],
            country=row.get("country", ""),
            aliases=[],
        )
        add_actor(a, row["ja"], row["en"][1:])
    # people
    for row in _read_yaml("people.yaml").get("people") or []:
        a = Actor(
            row["id"],
            "PERSON",
            row["en"][0],
            row["ja"][0],
            country=row.get("country", ""),
            aliases=[],
        )
        add_actor(a, row["ja"], row["en"][1:])
        roles[a.actor_id] = [parse_role(r) for r in row.get("roles") or []]
    # lexicon words
    lexicon = _read_yaml("lexicon.yaml")
    lexicon["sectors"] = load_agents("ja")
    lexicon["org_words"] = load_org_words()
    abbreviations = _read_yaml("abbreviations.yaml")
    for kind, section in (  # a title reading first: パク選手, 田中容疑者 (a title and an agent)
        ("title", "titles"),
        ("sector", "sectors"),
        ("fixed", "fixed_sectors"),
        ("anaphor", "anaphora"),
        ("ignore", "not_actors"),
    ):
        for word in lexicon.get(section) or {}:
            _add_surface(surfaces, word, Entry(kind, word))

    kb = KnowledgeBase(actors, roles, surfaces, lexicon, abbreviations, sources)
    kb.country_forms = country_forms
    _add_office_holders(kb)
    if generated_places:
        _add_generated_places(kb)
    else:
        kb.sources.remove("kb_places.tsv")
    if overlay is not None:
        _apply_overlay(kb, Path(overlay))
        kb.sources.append(str(overlay))
    return kb


def _latin_alias_ok(alias: str) -> bool:
    """Latin-script aliases are matched only when they look like names/abbreviations."""
    words = alias.split()
    lower_ok = ("of", "the", "and", "bin", "de", "da", "von", "der", "al-", "el-")
    return (
        len(alias) >= 2
        and bool(words)
        and all(w[:1].isupper() or w in lower_ok for w in words)
        and alias[0].isupper()
    )


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    return build_kb(None)


# -------------------------------------------------------------------- overlay
OVERLAY_DOC = """\
# corpus/actors.yaml: user overlay for the actor KB (all keys optional)
actors:                     # new actors, or overrides of KB actors (same id)
  - id: PER_SMITH_JOHN      # A-Z0-9_ only
    type: PERSON            # STATE PERSON IGO REGION GOVERNMENT GROUP PLACE ORG
    name_en: John Smith
    name_ja: ジョン・スミス
    country: USA            # ISO alpha-3 / KB state code
    sector: GOV             # optional CAMEO sector
    aliases_ja: [スミス]
    aliases_en: [Smith]
    roles: ["USA GOV official 2020-01-01.."]
aliases:                    # extra surface forms for existing actors
  BLR: [ベラルーシ国]
"""


# what each key of an overlay actor holds: "text", or "names" (a list of text)
OVERLAY_ACTOR_KEYS = {
    "id": "text",
    "type": "text",
    "name_en": "text",
    "name_ja": "text",
    "country": "text",
    "sector": "text",
    "aliases_ja": "names",
    "aliases_en": "names",
    "roles": "names",
}
OVERLAY_TOP_KEYS = ("actors", "aliases")


def _read_overlay(path: Path, kb: KnowledgeBase) -> tuple[dict, list[str]]:
    """The overlay's data and the problems found in it (empty: it may be applied).
    Each message reads `FILE:LINE: where: what`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, [f"{path}: file not found"]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path}: cannot read: {exc}"]
    try:
        node = safeyaml.compose(text)
        data = safeyaml.construct(node)
    except safeyaml.YamlError as exc:
        return {}, [f"{path}:{exc.line or 1}: cannot parse: {exc.reason}"]
    problems = _OverlayProblems(path, safeyaml.node_lines(node))
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        problems.add((), "", "top level must be a mapping with keys 'actors' and/or 'aliases'")
        return {}, problems.messages
    _check_overlay_data(data, kb, problems)
    return data, problems.messages


class _OverlayProblems:
    """Messages naming the file, the line of the key at fault, and the key."""

    def __init__(self, path: Path, lines: dict[tuple, int]):
        self.path = path
        self.lines = lines
        self._found: list[tuple[int, str]] = []

    def add(self, keys: tuple, where: str, what: str) -> None:
        line = next((self.lines[keys[:n]] for n in range(len(keys), 0, -1) if keys[:n] in self.lines), 1)
        self._found.append((line, f"{self.path}:{line}: {where + ': ' if where else ''}{what}"))

    @property
    def messages(self) -> list[str]:
        """In the order of the file's lines."""
        return [message for _, message in sorted(self._found, key=lambda found: found[0])]


def _kind(value) -> str:
    """How a YAML value reads in a message."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _names(value, keys: tuple, where: str, problems: _OverlayProblems) -> list[str]:
    """The names of a list-of-names field (None: none); each wrong element is a problem."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(keys, where, f"must be a list of names, not {_kind(value)} (write [{value}] for one)"
                     if isinstance(value, str) else f"must be a list of names, not {_kind(value)}")
        return []
    good = []
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            good.append(item)
        else:
            problems.add((*keys, i), f"{where}[{i}]", f"must be a name (text), not {_kind(item) if item is not None else 'empty'}")
    return good


def _check_overlay_data(data: dict, kb: KnowledgeBase, problems: _OverlayProblems) -> None:
    unknown = [k for k in data if k not in OVERLAY_TOP_KEYS]
    for key in unknown:
        problems.add((key,), "", f"unknown top-level key {key!r} (expected 'actors', 'aliases')")
    states = {a.actor_id for a in kb.actors.values() if a.type == "STATE"}
    alias_owner: dict[str, str] = {}

    def claim(alias: str, aid: str, keys: tuple, where: str) -> None:
        owner = alias_owner.setdefault(alias, aid)
        if owner != aid:
            problems.add(keys, where, f"alias {alias!r} is given to both {owner} and {aid}")

    rows = data.get("actors")
    if rows is not None and not isinstance(rows, list):
        problems.add(("actors",), "actors", f"must be a list of actors (lines starting with '- id:'), not {_kind(rows)}")
        rows = []
    rows = rows or []
    overlay_ids = {str(r["id"]) for r in rows if isinstance(r, dict) and isinstance(r.get("id"), str)}
    seen_ids: dict[str, int] = {}
    for i, row in enumerate(rows):
        keys = ("actors", i)
        where = f"actors[{i}]"
        if not isinstance(row, dict) or not row.get("id"):
            problems.add(keys, where, "every actor needs an 'id'")
            continue
        aid = str(row["id"])
        where = f"actors[{i}] (id={aid})"
        for key, value in row.items():
            expected = OVERLAY_ACTOR_KEYS.get(key)
            if expected is None:
                close = difflib.get_close_matches(str(key), OVERLAY_ACTOR_KEYS, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(OVERLAY_ACTOR_KEYS)})"
                problems.add((*keys, key), where, f"unknown key {key!r}{hint}")
            elif expected == "text" and value is not None and not isinstance(value, str):
                problems.add((*keys, key), f"{where}.{key}", f"must be text, not {_kind(value)}")
        if not isinstance(row["id"], str):
            continue
        if not re.fullmatch(r"[A-Z0-9_]+", aid):
            problems.add((*keys, "id"), where, "id must be A-Z, 0-9 and _ only")
        if aid in seen_ids:
            problems.add((*keys, "id"), where, f"duplicate id (first at actors[{seen_ids[aid]}])")
        seen_ids.setdefault(aid, i)
        if aid not in kb.actors and "type" not in row:
            problems.add(keys, where, "new actor needs a 'type'")
        if "type" in row and row["type"] not in ACTOR_TYPES:
            problems.add((*keys, "type"), where, f"bad type {row['type']!r} (one of {', '.join(ACTOR_TYPES)})")
        country = row.get("country")
        if isinstance(country, str) and country and country not in states and not (row.get("type") == "STATE" and country == aid):
            problems.add((*keys, "country"), where, f"bad country code {country!r} (not an ISO alpha-3 / KB state code)")
        for j, role_text in enumerate(_names(row.get("roles"), (*keys, "roles"), f"{where}.roles", problems)):
            try:
                role = parse_role(role_text)
            except ValueError as exc:
                problems.add((*keys, "roles", j), where, str(exc))
                continue
            if role.country not in states and role.country not in kb.actors and role.country not in overlay_ids:
                problems.add((*keys, "roles", j), where, f"role {role_text!r} has bad country code {role.country!r}")
        name_ja = row.get("name_ja")
        forms = [name_ja] if isinstance(name_ja, str) and name_ja else []
        for key in ("aliases_ja", "aliases_en"):
            forms += _names(row.get(key), (*keys, key), f"{where}.{key}", problems)
        for form in forms:
            claim(form, aid, keys, where)
    aliases = data.get("aliases")
    if aliases is not None and not isinstance(aliases, dict):
        problems.add(("aliases",), "aliases", f"must map actor ids to lists of names (BLR: [ベラルーシ国]), not {_kind(aliases)}")
        aliases = {}
    for aid, forms in (aliases or {}).items():
        keys, where = ("aliases", aid), f"aliases.{aid}"
        if aid not in kb.actors and aid not in overlay_ids:
            problems.add(keys, where, f"unknown actor id {aid!r}")
        for form in _names(forms, keys, where, problems):
            claim(form, str(aid), keys, where)


def _apply_overlay(kb: KnowledgeBase, path: Path) -> None:
    data, errors = _read_overlay(path, kb)
    if errors:
        raise ValueError("invalid actor overlay:\n" + "\n".join(errors))
    for row in data.get("actors") or []:
        aid = row["id"]
        old = kb.actors.get(aid)
        if old is not None:
            new = replace(old, aliases=list(old.aliases))
            for k in ("type", "name_en", "name_ja", "country", "sector"):
                if row.get(k) is not None:
                    setattr(new, k, row[k])
        else:
            new = Actor(
                aid,
                row["type"],
                row.get("name_en") or "",
                row.get("name_ja") or "",
                row.get("country") or "",
                row.get("sector") or "",
                True,
                [],
            )
        kb.actors[aid] = new
        ja = [s for s in [row.get("name_ja"), *(row.get("aliases_ja") or [])] if s]
        en = [s for s in [row.get("name_en"), *(row.get("aliases_en") or [])] if s]
        _actor_aliases(new, [*ja, *en])
        for s in [*ja, *[e for e in en if _latin_alias_ok(e)]]:
            _add_surface(kb.surfaces, s, Entry("actor", aid, 1), front=True)  # overlay wins
        if row.get("roles"):
            kb.roles[aid] = [parse_role(r) for r in row["roles"]]
    for aid, forms in (data.get("aliases") or {}).items():
        actor = kb.actors[aid]
        forms = list(forms or [])
        _actor_aliases(actor, forms)
        for s in forms:
            _add_surface(kb.surfaces, s, Entry("actor", aid, 1), front=True)


def check_overlay(path: Path | str, kb: KnowledgeBase | None = None) -> list[str]:
    """Validate a user overlay; returns error messages (empty list when the file is fine),
    each naming the file and the line: YAML errors and limits (see `safeyaml`), unknown
    keys, values of the wrong type, bad ids, types, country codes and roles, one alias
    given to two actors, aliases of unknown actors."""
    return _read_overlay(Path(path), kb or default_kb())[1]


# -------------------------------------------------------------- packaged data
ROLE_NAMES = {
    "president", "vice_president", "head_of_government", "foreign_minister", "defence_minister",
    "finance_minister", "chief_cabinet_secretary", "monarch", "crown_prince", "leader",
    "secretary_general", "official", "legislator", "member",
}  # fmt: skip
_ISO_DATE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")
CAMEO_SECTORS = set(SECTOR_NAMES_EN) | {"PTY", "NGO", "REL", "AGR", "CRM", "DEV", "ENV", "UAF", "INS", "MOD", "RAD"}


def _id_errors(where: str, row: dict, prefix: str, seen: dict[str, int], i: int) -> list[str]:
    """A generated row's id: `prefix`_ and A-Z 0-9 _, and not seen before (records it)."""
    aid = row.get("actor_id") or ""
    errs = []
    if not re.fullmatch(rf"{prefix}_[A-Z0-9_]+", aid):
        errs.append(f"{where}: actor_id must be {prefix}_ and A-Z 0-9 _")
    if aid in seen:
        errs.append(f"{where}: duplicate actor_id (first at row {seen[aid]})")
    seen.setdefault(aid, i)
    return errs


def check_kb_data(kb: KnowledgeBase | None = None) -> list[str]:
    """Validate the generated files (kb_people.tsv, kb_roles.tsv, kb_orgs.tsv, kb_places.tsv), the Korean
    and Chinese name tables and the titles' roles; returns messages naming file and row."""
    kb = kb or default_kb()
    errs: list[str] = []
    states = {a.actor_id for a in kb.actors.values() if a.type == "STATE"}
    ids: dict[str, int] = {}
    for i, row in enumerate(_read_tsv("kb_people.tsv"), 1):
        where = f"kb_people.tsv row {i} ({row.get('actor_id')})"
        errs += _id_errors(where, row, "PER", ids, i)
        if not row.get("name_en"):
            errs.append(f"{where}: no name_en")
        if row.get("country") and row["country"] not in states:
            errs.append(f"{where}: bad country code {row['country']!r}")
    for i, row in enumerate(_read_tsv("kb_roles.tsv"), 1):
        where = f"kb_roles.tsv row {i} ({row.get('actor_id')})"
        if row["actor_id"] not in kb.actors:
            errs.append(f"{where}: unknown actor_id")
        if row["country"] not in states and not (row["country"] in kb.actors and kb.actors[row["country"]].type == "IGO"):
            errs.append(f"{where}: bad country code {row['country']!r}")
        if row["role"] not in ROLE_NAMES:
            errs.append(f"{where}: unknown role {row['role']!r} (one of {', '.join(sorted(ROLE_NAMES))})")
        if row["sector"] not in CAMEO_SECTORS:
            errs.append(f"{where}: unknown CAMEO sector {row['sector']!r}")
        lo, hi = row["valid_from"], row["valid_to"]
        for d in (lo, hi):
            if d and not _ISO_DATE.match(d):
                errs.append(f"{where}: bad date {d!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
        if lo and hi and _ISO_DATE.match(lo) and _ISO_DATE.match(hi) and _date_range(lo)[0] > _date_range(hi)[1]:
            errs.append(f"{where}: valid_from {lo} is after valid_to {hi}")
    org_ids: dict[str, int] = {}
    for i, row in enumerate(_read_tsv("kb_orgs.tsv"), 1):
        where = f"kb_orgs.tsv row {i} ({row.get('actor_id')})"
        aid, typ = row.get("actor_id") or "", row.get("type")
        if typ == "GOVERNMENT":
            if aid not in kb:
                errs.append(f"{where}: {aid!r} is no sector actor")
        elif typ not in ("IGO", "ORG") or not re.fullmatch(r"(IGO|ORG)_[A-Z0-9_]+", aid):
            errs.append(f"{where}: type must be IGO, ORG or GOVERNMENT and the id IGO_/ORG_ + A-Z 0-9 _")
        elif not row.get("name_en"):
            errs.append(f"{where}: no name_en")
        if aid in org_ids:
            errs.append(f"{where}: duplicate actor_id (first at row {org_ids[aid]})")
        org_ids.setdefault(aid, i)
        if row.get("country") and row["country"] not in states:
            errs.append(f"{where}: bad country code {row['country']!r}")
        if row.get("sector") and row["sector"] not in CAMEO_SECTORS:
            errs.append(f"{where}: unknown CAMEO sector {row['sector']!r}")
    place_ids: dict[str, int] = {}
    for i, row in enumerate(_read_tsv("kb_places.tsv"), 1):
        where = f"kb_places.tsv row {i} ({row.get('actor_id')})"
        errs += _id_errors(where, row, "PLC", place_ids, i)
        if row.get("kind") not in ("city", "region"):
            errs.append(f"{where}: kind must be city or region")
        if not row.get("name_en") or row.get("country") not in states:
            errs.append(f"{where}: needs name_en and a KB state as country")
    for i, row in enumerate(_read_tsv("cjk_surnames.tsv"), 1):
        if row["lang"] not in ("ko", "zh") or not row["kanji"] or not row["spellings"]:
            errs.append(f"cjk_surnames.tsv row {i}: need lang ko|zh, kanji and spellings")
    for i, row in enumerate(_read_tsv("korean_spellings.tsv"), 1):
        if not row["roman"].isascii() or not row["news"] or not row["news"].replace(";", "").isascii():
            errs.append(f"korean_spellings.tsv row {i}: an RR syllable and ';'-separated ASCII spellings")
    for i, row in enumerate(_read_tsv("hanja_korean.tsv"), 1):
        if len(row["kanji"]) != 1 or not row["korean"].isascii():
            errs.append(f"hanja_korean.tsv row {i}: one kanji and an ASCII reading")
    seen_orgs: set[str] = set()
    for section, default_sector in ORGANISATION_SECTIONS.items():
        for i, row in enumerate(_read_yaml("organisations.yaml").get(section) or [], 1):
            where = f"organisations.yaml {section}[{i}] ({row.get('id')})"
            oid = str(row.get("id") or "")
            if not re.fullmatch(r"ORG_[A-Z0-9_]+", oid):
                errs.append(f"{where}: id must be ORG_ and A-Z 0-9 _")
            if oid in seen_orgs:
                errs.append(f"{where}: duplicate id")
            seen_orgs.add(oid)
            if not row.get("en") or not (row.get("ja") or row.get("ja_in_country")):
                errs.append(f"{where}: needs en and ja names")
            if row.get("ja_in_country") and not row.get("country"):
                errs.append(f"{where}: ja_in_country needs the organisation's country")
            if row.get("country") and row["country"] not in states:
                errs.append(f"{where}: bad country code {row['country']!r}")
            if (row.get("sector") or default_sector) not in CAMEO_SECTORS:
                errs.append(f"{where}: needs a CAMEO sector")
    for lang in ("ja", "en"):
        try:
            load_agents(lang)
        except ValueError as exc:
            errs.append(str(exc))
    for suffix, spec in (kb.lexicon.get("org_suffixes") or {}).items():
        sector = (spec or {}).get("sector", "")
        if sector and sector not in CAMEO_SECTORS:
            errs.append(f"lexicon.yaml org_suffixes.{suffix}: unknown CAMEO sector {sector!r}")
        if "{}" not in (spec or {}).get("en", "{}"):
            errs.append(f"lexicon.yaml org_suffixes.{suffix}: the English form needs {{}}")
    for title, spec in (kb.lexicon.get("titles") or {}).items():
        role = (spec or {}).get("role")
        if role and role not in ROLE_NAMES:
            errs.append(f"lexicon.yaml titles.{title}: unknown role {role!r}")
        if (spec or {}).get("home") and spec["home"] not in states:
            errs.append(f"lexicon.yaml titles.{title}: bad home country {spec['home']!r}")
    home = kb.lexicon.get("home_country")
    if home and home not in states:
        errs.append(f"lexicon.yaml home_country: not a state {home!r}")
    for actor_id in kb.lexicon.get("platforms") or ():
        if actor_id not in kb.actors:
            errs.append(f"lexicon.yaml platforms: unknown actor {actor_id!r}")
    return errs
