"""Build the office-holder knowledge base (`make kb`): people with dated roles.

Reads, at build time only (nothing here runs in the pipeline):

- ``Phoenix.Countries.actors.txt`` (PETRARCH2 / Phoenix, MIT): people with dated
  CAMEO codes (``LEE_MYUNG_BAK_  [KORGOV >080225]``) and English synonyms;
- ``../shared/data/japan_diet/house_of_councillors_giin.csv`` (MIT): current members of
  the House of Councillors, kanji name with the surname split, kana reading (sector LEG);
- JMnedict and KANJIDIC2 (EDRDG, CC BY-SA 4.0) through the ``jamdict-data`` SQLite file:
  Japanese forms of a person whose JMnedict gloss is the person's English name
  (``胡錦濤`` "Hu Jintao", ``オバマ`` "Obama (Barack)"); for Korean and Chinese people
  also the kanji names whose Korean reading (KANJIDIC2) or pinyin (pypinyin) spells the
  English name; and the Korean readings of kanji the linker uses to romanise Korean
  names it does not know;
- ``pipeline/data/actors/build/offices.tsv`` (hand-reviewed): who held which office
  (president, head_of_government, foreign_minister ...) when, with Japanese forms, where
  the sources stop or name no office.

Writes (committed, reviewed as a diff):

- ``pipeline/data/actors/kb_people.tsv``: one person a row, Japanese and English forms;
- ``pipeline/data/actors/kb_roles.tsv``: ``actor_id country sector role valid_from valid_to source``;
- ``pipeline/data/actors/hanja_korean.tsv``: kanji -> Korean reading (romanised).

Run: ``make kb`` (needs the optional ``kb`` extra: ``pip install -e '.[kb]'``).
"""

from __future__ import annotations

import csv
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "pipeline" / "data" / "actors"
SHARED = ROOT.parent / "shared" / "data"
PHOENIX_DICTIONARY_DATE = "2014-01-30"  # Phoenix.Countries.actors.txt was generated then
FAMILY_FIRST = {"KOR", "PRK", "CHN", "TWN", "HKG", "MAC", "VNM", "MNG", "SGP"}
KOREAN = {"KOR", "PRK"}
CHINESE = {"CHN", "TWN", "HKG", "MAC", "SGP"}
STATE_SECTORS = {"GOV", "MIL", "JUD", "COP", "SPY", "LEG"}
CAMEO_SECTORS = STATE_SECTORS | {"ELI", "OPP", "REB", "INS", "PTY", "MED", "BUS", "CVL", "LAB", "EDU", "HLH", "REL", "NGO", "HRI", "REF", "AGR", "ENV", "DEV", "CRM", "UAF", "MOD", "RAD"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3
CAMEO_TO_ISO = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "SER": "SRB", "BYE": "BLR"}
TITLE_WORDS = {
    "PRESIDENT", "PRIME", "MINISTER", "SECRETARY", "SECRETARY-GENERAL", "GENERAL", "KING",
    "QUEEN", "PRINCE", "SHEIKH", "SENATOR", "GOVERNOR", "CHAIRMAN", "PREMIER", "DR.", "MR.",
    "MRS.", "MS.", "SIR", "LORD", "COLONEL", "MARSHAL", "AYATOLLAH", "CONGRESSMAN",
    "REPRESENTATIVE", "VICE", "FORMER", "EMPEROR", "CHANCELLOR", "AMBASSADOR", "FOREIGN",
    "DEFENSE", "DEFENCE", "LEADER", "SPEAKER", "JUDGE", "JUSTICE", "MAYOR", "CHIEF", "MR",
    "MRS", "MS", "DR", "US", "U.S.", "AMERICAN", "UNITED", "STATES", "PRESIDENT-ELECT", "THE",
}  # fmt: skip
PEOPLE_COLUMNS = [
    "actor_id", "name_en", "country", "name_ja", "aliases_ja", "surnames_ja", "aliases_en",
    "ja_source", "source",
]  # fmt: skip
ROLE_COLUMNS = ["actor_id", "country", "sector", "role", "valid_from", "valid_to", "source"]
# ------------------------------------------------------------------ records
@dataclass
class Person:
    actor_id: str
    name_en: str
    country: str
    names_ja: list[str] = field(default_factory=list)  # full names (first = name_ja)
    surnames_ja: list[str] = field(default_factory=list)  # only with a title (野田首相)
    aliases_en: list[str] = field(default_factory=list)
    roles: list[tuple] = field(default_factory=list)  # (country, sector, role, from, to, source)
    ja_source: str = ""
    sources: set[str] = field(default_factory=set)


def name_key(name: str) -> str:
    """'Lee Myung-bak' / 'LEE_MYUNG_BAK_' -> 'leemyungbak' (letters only, accents dropped)."""
    s = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in s if ch.isascii() and ch.isalpha()).lower()


def name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s_]+", name.strip(" _")) if t]


def rotations(name: str) -> set[str]:
    """Keys of a name in either order: 'Yoshihiko Noda' and 'Noda Yoshihiko'."""
    toks = name_tokens(name)
    if len(toks) < 2:
        return {name_key(name)}
    return {name_key(" ".join(toks)), name_key(" ".join([toks[-1], *toks[:-1]])),
            name_key(" ".join([*toks[1:], toks[0]]))}  # fmt: skip


def english_name(phoenix_name: str, country: str) -> tuple[str, list[str]]:
    """'LEE_MYUNG_BAK_' (KOR) -> ('Lee Myung-bak', ['Lee Myung Bak']); 'YUKIO_HATOYAMA_' ->
    ('Yukio Hatoyama', [])."""
    toks = [t for t in phoenix_name.strip("_ ").split("_") if t]

    def cap(t: str) -> str:
        return "-".join(p[:1].upper() + p[1:].lower() for p in t.split("-"))

    plain = " ".join(cap(t) for t in toks)
    if country in KOREAN | {"TWN"} and len(toks) == 3:
        styled = f"{cap(toks[0])} {cap(toks[1])}-{toks[2].lower()}"
        return styled, [plain]
    return plain, []


def person_id(name_en: str, country: str, taken: set[str]) -> str:
    ascii_name = unicodedata.normalize("NFKD", name_en).encode("ascii", "ignore").decode()  # José -> Jose
    toks = [re.sub(r"[^A-Z0-9]+", "", t.upper()) for t in re.split(r"[\s-]+", ascii_name)]
    toks = [t for t in toks if t]
    if country in FAMILY_FIRST or len(toks) < 2:
        family, given = toks[:1], toks[1:]
    else:
        family, given = toks[-1:], toks[:-1]
    base = "PER_" + "_".join([*family, *given])[:40]
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}_{n}", n + 1
    taken.add(pid)
    return pid


# ------------------------------------------------------------------ Phoenix
_CODE_RE = re.compile(r"\[([A-Z-]{3,})\s*([^\]]*)\]")


def _phoenix_date(text: str, end: bool) -> str | None:
    """'080225' -> '2008-02-25' (YY > 14 is 19YY); '20121115' -> '2012-11-15'; None if bad."""
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 14 else 1900 + yy
        text = f"{year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    y, m, d = text[:4], text[4:6], text[6:8]
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return None
    return f"{y}-{m}-{d}"


def parse_phoenix_roles(text: str) -> list[tuple[str, str, str, str]]:
    """'[KORGOV >080225] [KORELI 580101-000101]' -> [(country, sector, from, to)]; undated codes
    give ('', '') dates; malformed dates drop the code."""
    out = []
    for code, dates in _CODE_RE.findall(text):
        if len(code) < 3 or code.startswith("---"):
            continue
        country, sector = code[:3], code[3:]  # sector and sub-sector: GOVLEG
        country = CAMEO_TO_ISO.get(country, country)
        dates = dates.strip()
        lo = hi = ""
        if dates:
            if dates.startswith(">"):
                lo = _phoenix_date(dates[1:].strip(), False)
            elif dates.startswith("<"):
                hi = _phoenix_date(dates[1:].strip(), True)
            elif "-" in dates:
                a, b = dates.split("-", 1)
                lo, hi = _phoenix_date(a.strip(), False), _phoenix_date(b.strip(), True)
            else:
                continue
            if lo is None or hi is None:
                continue
        out.append((country, sector, lo, hi))
    return out


def read_phoenix_entries(path: Path) -> list[tuple[str, list[str], list[tuple]]]:
    """(name, synonyms, codes) of every entry of a PETRARCH actor dictionary; codes are
    (country, sector, from, to) as `parse_phoenix_roles` gives them."""
    entries: list[tuple[str, list[str], list[tuple]]] = []
    name, syns, roles = "", [], []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            syns.append(line[1:].split("[", 1)[0].strip())
            roles += parse_phoenix_roles(line)
        elif line[0] in " \t[":
            roles += parse_phoenix_roles(line)
        else:
            if name:
                entries.append((name, syns, roles))
            name = line.split("[", 1)[0].strip()
            syns, roles = [], parse_phoenix_roles(line)
    if name:
        entries.append((name, syns, roles))
    return entries


def read_phoenix_people(path: Path) -> list[tuple[str, list[str], list[tuple]]]:
    """Entries with at least one dated code: people (an institution's codes carry no dates)."""
    return [e for e in read_phoenix_entries(path) if any(lo or hi for _, _, lo, hi in e[2])]


def role_name(sector: str) -> str:
    if sector == "LEG":
        return "legislator"
    return "official" if sector in STATE_SECTORS else "member"


# ------------------------------------------------------------------ JMnedict
def jamdict_db() -> Path:
    try:
        import jamdict_data
    except ImportError:  # pragma: no cover - build-time only
        sys.exit("make kb needs the build extra: .venv/bin/pip install -e '.[kb]'")
    return Path(jamdict_data.__file__).parent / "jamdict.db"


def _is_katakana(s: str) -> bool:
    return bool(s) and all("\u30a1" <= c <= "\u30fa" or c in "ー・" for c in s)


def _is_kanji_name(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" or c in "々" for c in s)


@dataclass
class NameIndex:
    """JMnedict persons by the letters of their English gloss, plus surnames and kanji."""

    people: dict[str, list[tuple[list[str], list[str]]]]  # key -> [(kanji, kana)]
    western_surnames: dict[str, list[str]]  # key of 'Given Surname' -> katakana surname
    surnames: dict[str, set[str]]  # key of a romanised surname -> kanji surnames
    cjk_people: list[tuple[str, str]]  # (kanji name, gloss) of persons with a short kanji name


def load_jmnedict(db: Path) -> NameIndex:
    con = sqlite3.connect(db)
    q = """SELECT t.idseq, y.text, g.text FROM NETranslation t
           JOIN NETransType y ON y.tid = t.ID JOIN NETransGloss g ON g.tid = t.ID
           WHERE y.text IN ('person', 'surname')"""
    kinds: dict[int, set[str]] = defaultdict(set)
    glosses: dict[int, set[str]] = defaultdict(set)
    for idseq, kind, gloss in con.execute(q):
        kinds[idseq].add(kind)
        glosses[idseq].add(gloss)
    kanji: dict[int, list[str]] = defaultdict(list)
    kana: dict[int, list[str]] = defaultdict(list)
    for idseq, text in con.execute("SELECT idseq, text FROM NEKanji"):
        if idseq in kinds:
            kanji[idseq].append(text)
    for idseq, text in con.execute("SELECT idseq, text FROM NEKana"):
        if idseq in kinds:
            kana[idseq].append(text)
    people: dict[str, list] = defaultdict(list)
    western: dict[str, list[str]] = defaultdict(list)
    surnames: dict[str, set[str]] = defaultdict(set)
    cjk: list[tuple[str, str]] = []
    for idseq, gs in glosses.items():
        for g in gs:
            bare = re.split(r"[(,;]", g, maxsplit=1)[0].strip()
            if "person" in kinds[idseq]:
                if len(name_tokens(bare)) >= 2:
                    people[name_key(bare)].append((kanji[idseq], kana[idseq]))
                for k in kanji[idseq]:
                    if 2 <= len(k) <= 4 and _is_kanji_name(k):
                        cjk.append((k, g))
            if "surname" in kinds[idseq]:
                m = re.fullmatch(r"([^()]+?) \(([^()]+)\)", g)
                kata = [k for k in kana[idseq] if _is_katakana(k)]
                if m and kata and not kanji[idseq]:  # 'Obama (Barack)' -> オバマ
                    western[name_key(m.group(2) + m.group(1))] += kata
                if len(name_tokens(bare)) == 1:
                    for k in kanji[idseq]:
                        surnames[name_key(bare)].add(k)
    con.close()
    return NameIndex(dict(people), dict(western), dict(surnames), cjk)


def korean_surnames() -> dict[str, list[str]]:
    """cjk_surnames.tsv, lang ko: kanji family name -> spellings (conventional first)."""
    rows = [ln for ln in (DATA / "cjk_surnames.tsv").read_text("utf-8").splitlines() if not ln.startswith("#")]
    return {r["kanji"]: r["spellings"].split(";") for r in csv.DictReader(rows, delimiter="\t") if r["lang"] == "ko"}


KOREAN_SURNAMES = korean_surnames()


def load_korean_readings(db: Path) -> dict[str, tuple[str, str]]:
    """kanji -> (romanised, hangul) first Korean reading, from KANJIDIC2."""
    con = sqlite3.connect(db)
    q = """SELECT c.literal, r.r_type, r.value FROM character c JOIN rm_group g ON g.cid = c.ID
           JOIN reading r ON r.gid = g.ID WHERE r.r_type IN ('korean_r', 'korean_h')
           ORDER BY c.ID, r.rowid"""
    roman: dict[str, str] = {}
    hangul: dict[str, str] = {}
    for ch, kind, value in con.execute(q):
        (roman if kind == "korean_r" else hangul).setdefault(ch, value)
    con.close()
    return {ch: (r, hangul.get(ch, "")) for ch, r in roman.items()}


# ------------------------------------------------------------------ matching
def _syllable(roman: str) -> str:
    """One romanised Korean syllable in a spelling-blind form: Myung / Myeong, Jong / Jeong /
    Chung, Kwan / Gwan, Bak / Pak come out the same; Jong and Il do not."""
    s = name_key(roman)
    for a, b in (("eo", "o"), ("eu", "u"), ("oo", "u"), ("ee", "i"), ("ae", "e"), ("ch", "j"),
                 ("sh", "s")):  # fmt: skip
        s = s.replace(a, b)
    return s.translate(str.maketrans("kptru", "gbdlo"))


def korean_reading(kanji: str, readings: dict[str, tuple[str, str]]) -> list[str] | None:
    out = []
    for ch in kanji:
        if ch not in readings:
            return None
        out.append(readings[ch][0])
    return out


def _syllables(given: str) -> tuple[str, ...]:
    """'Myung-bak' -> ('mN', 'bg'): one skeleton a syllable."""
    return tuple(_syllable(t) for t in re.split(r"[\s_-]+", given) if t)


def korean_index(index: NameIndex, readings) -> dict[tuple, set[str]]:
    """(surname spelling, given-name syllable skeletons) -> kanji names of JMnedict persons."""
    out: dict[tuple, set[str]] = defaultdict(set)
    for kanji, gloss in index.cjk_people:
        for sur in (kanji[:2], kanji[:1]):
            spellings = KOREAN_SURNAMES.get(sur)
            rest = korean_reading(kanji[len(sur) :], readings) if spellings else None
            if not rest or not 1 <= len(rest) <= 2:
                continue
            if name_key(name_tokens(gloss)[0]) not in {name_key(sp) for sp in spellings}:
                continue  # glossed as a Japanese name (金森薫 'Kanamori Kaoru')
            for sp in spellings:
                out[(sp.lower(), tuple(_syllable(r) for r in rest))].add(kanji)
    return out


def chinese_index(index: NameIndex) -> dict[str, set[str]]:
    """letters of the pinyin -> kanji names of JMnedict persons (2-3 characters)."""
    from pypinyin import Style, lazy_pinyin

    out: dict[str, set[str]] = defaultdict(set)
    for kanji, _gloss in index.cjk_people:
        if len(kanji) <= 3:
            out[name_key("".join(lazy_pinyin(kanji, style=Style.NORMAL)))].add(kanji)
    return out


def match_korean(person: Person, kindex: dict[tuple, set[str]]) -> list[str]:
    """The one kanji name whose Korean reading spells the person's name (Lee Myung-bak ->
    李明博: 李 is Lee, 明博 reads myeong-bak), else nothing."""
    toks = name_tokens(person.name_en)
    if len(toks) < 2:
        return []
    hits = kindex.get((toks[0].lower(), _syllables(" ".join(toks[1:]))), set())
    return sorted(hits) if len(hits) == 1 else []


def match_chinese(person: Person, cindex: dict[str, set[str]]) -> list[str]:
    hits = cindex.get(name_key(person.name_en), set())
    return sorted(hits) if len(hits) == 1 else []


def japanese_forms(person: Person, index: NameIndex, kindex, cindex) -> None:
    """Fill person.names_ja / surnames_ja from JMnedict (unless given by hand)."""
    found_kanji: list[str] = []
    found_kana: list[str] = []
    # sorted: a set's order changes with the hash seed, and the first forms found are kept
    for key in sorted(rotations(person.name_en) | {name_key(a) for a in person.aliases_en}):
        for kanji, kana in index.people.get(key, []):
            found_kanji += [k for k in kanji if k not in found_kanji]
            found_kana += [k for k in kana if _is_katakana(k) and k not in found_kana]
    western = []
    for key in sorted(rotations(person.name_en)):
        western += index.western_surnames.get(key, [])
    source = "jmnedict"
    if not found_kanji and person.country in KOREAN:
        found_kanji = match_korean(person, kindex)
        source = "jmnedict+kanjidic"
    elif not found_kanji and person.country in CHINESE:
        found_kanji = match_chinese(person, cindex)
        source = "jmnedict+pinyin"
    if len(found_kanji) > 1 and person.country == "JPN":
        found_kanji = []  # two people share the romanised name: do not guess
    forms = [*found_kanji[:2], *found_kana[:2]]
    if not forms and not western:
        return
    if not person.ja_source:
        person.ja_source = source
    for f in forms:
        if f not in person.names_ja:
            person.names_ja.append(f)
    for f in western[:1]:
        if f not in person.surnames_ja:
            person.surnames_ja.append(f)
    for full in found_kanji[:1]:
        for sur in _kanji_surnames(person, full, index):
            if sur not in person.surnames_ja:
                person.surnames_ja.append(sur)


def _kanji_surnames(person: Person, full: str, index: NameIndex) -> list[str]:
    """The surname part of a kanji full name: 野田 of 野田佳彦 (JMnedict surname glossed
    'Noda'), 李 of 李明博 (a Korean / Chinese family name comes first)."""
    toks = name_tokens(person.name_en.replace("-", " "))
    if person.country in FAMILY_FIRST:
        double = full[:2] if full[:2] in KOREAN_SURNAMES else ""
        return [double or full[:1]]
    if not toks:
        return []
    kanji = index.surnames.get(name_key(toks[-1]), set())
    return sorted(k for k in kanji if full.startswith(k) and len(k) < len(full))[:1]


# ------------------------------------------------------------------ sources
def read_offices(path: Path) -> list[dict]:
    rows = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def read_diet(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _hepburn(kana: str) -> str:
    import cutlet

    katsu = cutlet.Cutlet()
    hira = "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in kana)
    out = katsu.map_kana(hira)
    out = re.sub(r"ou|oo", "o", out).replace("uu", "u")
    return out[:1].upper() + out[1:]


def read_people_yaml() -> list[dict]:
    return yaml.safe_load((DATA / "people.yaml").read_text(encoding="utf-8"))["people"]


# ------------------------------------------------------------------ organisations
ORG_COLUMNS = ["actor_id", "type", "name_en", "country", "sector", "name_ja", "aliases_ja", "aliases_en", "source"]
_SHORT_WORDS = set("AIR SEA NEW OLD RED ONE TWO SIX TEN BAY LAW WAR OIL GAS ART AID BIG CUP DAY END GOD GUN KEY MAN MEN NET OUR OUT PRO SKY SON SUN TOP WAY WIN ZOO ALL ICE JET LAB MAP OAK TAX TEA VAN WEB".split())
_SMALL_WORDS = {"OF", "THE", "AND", "FOR", "IN", "ON", "TO", "AT", "BY", "DE", "DU", "DES", "LA", "LE", "AL", "EL"}


def org_name(phoenix: str) -> tuple[str, list[str]]:
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' -> ('Aden Abyan Islamic Army', ['AAIA']);
    'UNESCO_' -> ('UNESCO', []): short all-letter words and words without vowels stay
    capitals (acronyms), small words are lower case."""
    raw = phoenix.strip("_ ").replace("_", " ")
    acronyms = re.findall(r"\(([^()]+)\)", raw)
    raw = re.sub(r"\s*\([^()]*\)\s*", " ", raw).strip()
    words = []
    for i, w in enumerate(raw.split()):
        bare = w.strip(".,'")
        if (
            len(raw.split()) == 1 and len(bare) <= 6
            or (bare.isalpha() and not re.search("[AEIOUY]", bare))
            or (bare.isalpha() and len(bare) <= 3 and bare not in _SMALL_WORDS and bare not in _SHORT_WORDS)
        ):
            words.append(w)
        elif i and w in _SMALL_WORDS:
            words.append(w.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words), [a.strip() for a in acronyms if a.strip()]


ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "COUNCIL", "UNION", "BANK", "FUND", "AGENCY", "COMMISSION",
    "COMMITTEE", "ASSOCIATION", "FEDERATION", "GROUP", "LEAGUE", "MOVEMENT", "FRONT", "ARMY",
    "PARTY", "INSTITUTE", "FOUNDATION", "SOCIETY", "CENTER", "CENTRE", "NETWORK", "FORUM",
    "INTERNATIONAL", "COURT", "PROGRAM", "PROGRAMME", "OFFICE", "SECRETARIAT", "CONFERENCE",
    "ALLIANCE", "COMMUNITY", "TREATY", "COMPANY", "CORPORATION", "CORP", "INC", "LTD", "CO",
    "BRIGADE", "BRIGADES", "BATTALION", "JIHAD", "MUJAHIDEEN", "FORCES", "FORCE", "WATCH",
    "SERVICE", "SERVICES", "AUTHORITY", "BOARD", "MISSION", "INITIATIVE", "PROJECT", "TRUST",
    "COALITION", "CONGRESS", "ASSEMBLY", "CROSS", "CRESCENT", "UNIVERSITY", "AIRLINES",
    "AIRWAYS", "GROUPS", "HOLDINGS", "INDUSTRIES", "ENERGY", "OIL", "MOTORS", "MOTOR", "BANKS",
    "PHARMACEUTICALS", "PHARMACEUTICAL", "SYSTEMS", "TECHNOLOGIES", "COMMUNICATIONS",
    "TELECOM", "ELECTRIC", "CHEMICAL", "STATE", "MILITIA", "MILITIAS", "REBELS", "TIGERS",
}  # fmt: skip


def org_like(name: str) -> bool:
    """A name that reads as an organisation's, not a person's: one word, an acronym, or a
    word such as Council, Bank, Front, Army (Phoenix also lists groups' leaders as their
    synonyms: Khaled Meshaal for HAMAS)."""
    words = re.split(r"[\s-]+", name.upper())
    return len(words) == 1 or name.isupper() or bool(ORG_WORDS & set(words))


def _variant_of(form: str, name: str) -> bool:
    """A one-word synonym is kept when it is an acronym or a spelling of the name (Taleban,
    Hizbullah), not another one-word name (Nasrallah for Hezbollah)."""
    from pipeline.actors.textutil import levenshtein

    if len(form.split()) > 1 or form.isupper() or form == name:
        return True
    return levenshtein(form.lower(), name.lower(), 3) <= 3


def _org_type(code: tuple, states: set[str]) -> tuple[str, str, str] | None:
    """(type, country, sector) of a Phoenix organisation code, or None to skip."""
    country, sector = code[0], code[1][:3]
    if country == "IGO":
        return "IGO", "", ""
    if country in ("NGO", "MNC"):
        rest = code[1][:3] if code[1][:3] in states else ""
        return "ORG", rest, "NGO" if country == "NGO" else "BUS"
    if country in ("IMG", "INT"):  # international militarised groups
        return "ORG", "", "REB"
    if country in states and sector in {"REB", "INS", "OPP", "PTY", "NGO", "BUS", "MED", "REL", "HRI"}:
        return "ORG", country, sector
    return None


def _org_key(name: str) -> str:
    """name_key without a leading article: 'The European Union' is 'European Union'."""
    return name_key(re.sub(r"^(?:the|a)\s+", "", name.strip(), flags=re.I))


def _known_english(data: Path) -> set[str]:
    """Name keys of the English names the curated files already give an actor."""
    keys: set[str] = set()

    def add(names):
        for n in names or []:
            keys.add(_org_key(str(n)))

    for fname in ("igos.yaml", "organisations.yaml"):
        doc = yaml.safe_load((data / fname).read_text("utf-8")) or {}
        for rows in doc.values():
            for row in rows or []:
                if isinstance(row, dict):
                    add(row.get("en"))
    for row in yaml.safe_load((data / "states.yaml").read_text("utf-8")):
        add([row["name_en"], *row.get("aliases_en", [])])
    en = yaml.safe_load((ROOT / "pipeline" / "english" / "data" / "actors_en.yaml").read_text("utf-8"))
    add(en.get("fixed"))
    for forms in (en.get("aliases") or {}).values():
        add(forms)
    return keys - {""}


def build_orgs(shared: Path, states: set[str], orgs_ja: dict[str, list[str]]) -> list[dict]:
    """IGOs, NGOs, companies and armed groups of Phoenix.International / MilNonState that
    the curated files do not have, with Japanese forms from JMnedict organisation glosses;
    and multi-word names of state institutions (UNITED_STATES_CONGRESS_ [USAGOVLEG]) as
    English aliases of the sector actor (USA_LEG)."""
    known = _known_english(DATA)
    rows: dict[str, dict] = {}
    taken: set[str] = set()
    files = [("Phoenix.International.actors.txt", "phoenix-international"),
             ("Phoenix.MilNonState.actors.txt", "phoenix-milnonstate"),
             ("Phoenix.Countries.actors.txt", "phoenix-countries")]  # fmt: skip
    for fname, source in files:
        for name, syns, codes in read_phoenix_entries(shared / "cameo_dictionaries" / fname):
            if not codes:
                continue
            militant = codes[0][0] in ("IMG", "INT")  # THE_ISLAMIC_STATE [IMGMUSISI >20130408]
            if fname.startswith("Phoenix.Countries") and not militant:
                continue  # the countries file's organisations are state institutions (below)
            if any(lo or hi for _, _, lo, hi in codes) and not militant:
                continue  # a person
            kind = _org_type(codes[0], states)
            if kind is None:
                continue
            typ, country, sector = kind
            name_en, acr = org_name(name)
            forms = [name_en, *acr, *(org_name(x)[0] for x in syns)]
            forms = list(dict.fromkeys(f for f in forms if f and org_like(f) and _variant_of(f, name_en)))
            if not name_en or name_en not in forms or _org_key(name_en) in known:
                continue  # a person listed as an organisation, or one the curated files have
            forms = [f for f in forms if f == name_en or _org_key(f) not in known]
            if sector == "BUS" and len(name_en.split()) < 2:
                continue  # one-word company names are ordinary words (Target, Shell)
            ident = re.sub(r"[^A-Z0-9]+", "_", name_en.upper()).strip("_")[:40]
            aid = ("IGO_" if typ == "IGO" else "ORG_") + ident
            if aid in taken:
                continue
            taken.add(aid)
            for f in forms:
                known.add(_org_key(f))
            same = next((r for r in rows.values() if militant and r.get("code") == codes[0][:2]), None)
            if same is not None:  # THE_ISLAMIC_STATE and ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT_
                extra = [f for f in forms if f not in _split_field(same["aliases_en"]) and f != same["name_en"]]
                same["aliases_en"] = ";".join([*_split_field(same["aliases_en"]), *extra])
                for f in forms:
                    known.add(_org_key(f))
                continue
            # Japanese forms only for names of two words (an acronym glosses gods and towns too)
            ja = next((orgs_ja[_org_key(f)] for f in forms if len(f.split()) >= 2 and _org_key(f) in orgs_ja), [])
            rows[aid] = {"actor_id": aid, "type": typ, "name_en": name_en, "country": country,
                         "sector": sector, "name_ja": ja[0] if ja else "", "aliases_ja": ";".join(ja[1:3]),
                         "aliases_en": ";".join(forms[1:]), "source": source,
                         "code": codes[0][:2] if militant else None}  # fmt: skip
    # state institutions: aliases of sector actors
    for name, syns, codes in read_phoenix_entries(shared / "cameo_dictionaries" / "Phoenix.Countries.actors.txt"):
        if len(codes) != 1 or codes[0][2] or codes[0][3]:
            continue
        country, sub = codes[0][0], codes[0][1]
        sector = sub[3:6] if sub[3:6] in STATE_SECTORS else sub[:3]  # USAGOVLEG: the legislature
        if country not in states or sector not in STATE_SECTORS:
            continue
        names = [org_name(n)[0] for n in [name, *syns]]
        names = [
            n for n in names
            if len(n.split()) >= 2 and _org_key(n) not in known and not TITLE_WORDS & set(n.upper().split())
        ]  # not 'German Chancellor': a title names the holder
        if not names:
            continue
        aid = f"{country}_{sector}"
        row = rows.setdefault(aid, {"actor_id": aid, "type": "GOVERNMENT", "name_en": "", "country": country,
                                     "sector": sector, "name_ja": "", "aliases_ja": "", "aliases_en": "",
                                     "source": "phoenix-countries"})  # fmt: skip
        old = _split_field(row["aliases_en"])
        row["aliases_en"] = ";".join(dict.fromkeys([*old, *names]))
        for n in names:
            known.add(_org_key(n))
    return [rows[k] for k in sorted(rows)]


def _split_field(value: str) -> list[str]:
    return [v for v in (value or "").split(";") if v]


def load_jmnedict_orgs(db: Path) -> dict[str, list[str]]:
    """Name key of an English gloss -> Japanese forms of JMnedict organisation entries."""
    con = sqlite3.connect(db)
    q = """SELECT t.idseq, g.text FROM NETranslation t JOIN NETransType y ON y.tid = t.ID
           JOIN NETransGloss g ON g.tid = t.ID WHERE y.text IN ('organization', 'company')"""
    gloss: dict[int, list[str]] = defaultdict(list)
    for idseq, text in con.execute(q):
        gloss[idseq].append(text)
    forms: dict[int, list[str]] = defaultdict(list)
    for table in ("NEKanji", "NEKana"):
        for idseq, text in con.execute(f"SELECT idseq, text FROM {table}"):
            if idseq in gloss and (table == "NEKanji" or _is_katakana(text)):
                forms[idseq].append(text)
    con.close()
    out: dict[str, list[str]] = defaultdict(list)
    for idseq, gs in gloss.items():
        for g in gs:
            key = name_key(re.split(r"[(;]", g, maxsplit=1)[0])
            if len(key) >= 3:
                out[key] += [f for f in forms[idseq] if f not in out[key]]
    return {k: v for k, v in out.items() if len(v) <= 3}


# ------------------------------------------------------------------ build
def build(shared: Path = SHARED, out: Path = DATA) -> dict[str, int]:
    db = jamdict_db()
    index = load_jmnedict(db)
    readings = load_korean_readings(db)
    curated = read_people_yaml()
    taken = {row["id"] for row in curated}
    by_key: dict[tuple[str, str], Person] = {}  # (country, name key) -> person
    curated_keys = {}
    for row in curated:
        for en in row["en"]:
            if len(name_tokens(en)) >= 2:
                for k in rotations(en):
                    curated_keys.setdefault((row.get("country", ""), k), row["id"])
    people: dict[str, Person] = {}

    def person_for(name_en: str, country: str, aliases: list[str] = ()) -> Person:
        keys = rotations(name_en) | {name_key(a) for a in aliases}
        for k in keys:
            if (country, k) in by_key:
                return by_key[(country, k)]
        pid = next((curated_keys[(country, k)] for k in keys if (country, k) in curated_keys), "")
        p = Person(pid or person_id(name_en, country, taken), name_en, country)
        p.aliases_en = [a for a in aliases if a != name_en]
        people[p.actor_id] = p
        for k in keys:
            by_key[(country, k)] = p
        return p

    # 1. Phoenix: people with dated CAMEO codes
    states = {row["id"] for row in yaml.safe_load((DATA / "states.yaml").read_text("utf-8"))}
    states |= {"USR", "YUG", "CSK", "DDR", "FRG", "RVN", "XKX", "SCG", "YMD"}
    for name, syns, roles in read_phoenix_people(shared / "cameo_dictionaries" / "Phoenix.Countries.actors.txt"):
        roles = [(c, sec[:3], lo, hi) for c, sec, lo, hi in roles]  # JPNGOVMIL: government (GOV)
        dated = [r for r in roles if r[0] in states and r[1] in CAMEO_SECTORS and (r[2] or r[3])]
        if not dated:
            continue
        country = max(dated, key=lambda r: r[2] or r[3])[0]
        name_en, variants = english_name(name, country)
        if len(name_tokens(name_en)) < 2 or not re.fullmatch(r"[A-Za-z .'-]+", name_en):
            continue
        extra = [english_name(s, country)[0] for s in syns]
        extra = [s for s in extra if len(name_tokens(s)) >= 2 and not TITLE_WORDS & set(name_tokens(s.upper()))]
        p = person_for(name_en, country, [*variants, *extra])
        p.sources.add("phoenix")
        for ctry, sector, lo, hi in roles:
            if ctry not in states or sector not in CAMEO_SECTORS:
                continue  # GBRIMY (Isle of Man), DNKFRO ...: a territory, not a sector
            if not (lo or hi) and sector in STATE_SECTORS:
                continue  # an undated state office would count for ever
            if lo and hi and lo > hi:
                continue  # a slip in the source (Ganzouri: 121207-120802)
            if lo and not hi and sector in STATE_SECTORS:  # open in 2014: unknown since
                hi = max(PHOENIX_DICTIONARY_DATE, lo[:4] + "-12-31")
            p.roles.append((ctry, sector, role_name(sector), lo, hi, "phoenix"))
    # 2. the hand-reviewed office table
    for row in read_offices(DATA / "build" / "offices.tsv"):
        home = row["country"] if not row["country"].startswith("IGO_") else (row.get("home") or "")
        p = person_for(row["name_en"], home)
        p.sources.add("offices")
        forms = [f for f in row["name_ja"].split(";") if f]
        if forms:
            p.ja_source = "hand"
            for f in forms:
                target = p.names_ja
                if f not in target:
                    target.append(f)
        sector = "MIL" if row["role"] == "defence_minister" and row["country"] != "JPN" else "GOV"
        p.roles.append((row["country"], sector, row["role"], row["valid_from"], row["valid_to"], "offices"))
    # 3. councillors of the Diet (kanji + kana, sector LEG)
    for row in read_diet(shared / "japan_diet" / "house_of_councillors_giin.csv"):
        sur, _, given = row["議員氏名"].replace("\u3000", " ").partition(" ")
        ksur, _, kgiven = row["読み方"].replace("\u3000", " ").partition(" ")
        if not (sur and given and ksur and kgiven):
            continue
        name_en = f"{_hepburn(kgiven)} {_hepburn(ksur)}"
        p = person_for(name_en, "JPN")
        p.sources.add("diet")
        if not p.ja_source or p.ja_source.startswith("jmnedict"):
            p.ja_source = "diet"
        full = sur + given
        p.names_ja = [full, *[f for f in p.names_ja if f != full]]
        if sur not in p.surnames_ja:
            p.surnames_ja.insert(0, sur)
        end = row["任期満了"]
        for year in re.findall(r"\d{4}", row["当選年"]):
            hi = f"{int(year) + 6}" if int(year) + 6 < int(end[:4]) else end
            p.roles.append(("JPN", "LEG", "legislator", year, hi, "diet"))
    # 4. Japanese forms from JMnedict for everyone without hand forms
    kindex, cindex = korean_index(index, readings), chinese_index(index)
    for p in people.values():
        japanese_forms(p, index, kindex, cindex)
        if p.names_ja and p.country in FAMILY_FIRST | {"JPN"} and not p.surnames_ja:
            full = next((f for f in p.names_ja if _is_kanji_name(f)), "")
            if full:
                p.surnames_ja += _kanji_surnames(p, full, index)
        if any(_is_katakana(f) and "・" in f for f in p.names_ja) and not p.surnames_ja:
            kata = next(f for f in p.names_ja if _is_katakana(f) and "・" in f)
            p.surnames_ja.append(kata.rsplit("・", 1)[1])
    _drop_claimed_guesses(people)
    stats = write(people, readings, out)
    orgs = build_orgs(shared, states, load_jmnedict_orgs(db))
    _write_tsv(out / "kb_orgs.tsv", ORG_COLUMNS, [{k: r[k] for k in ORG_COLUMNS} for r in orgs], HEADER_ORGS)
    stats["organisations"] = len(orgs)
    stats["organisations_with_japanese"] = sum(1 for r in orgs if r["name_ja"])
    return stats


def _drop_claimed_guesses(people: dict[str, Person]) -> None:
    """A kanji name found only by its reading (Kim Chong-il -> 金正日) is dropped when a hand
    entry or an exact JMnedict gloss gives it to someone else (Kim Jong-il)."""
    sure = defaultdict(set)
    for p in people.values():
        if p.ja_source in ("hand", "jmnedict", "diet"):
            for f in p.names_ja:
                sure[f].add(p.actor_id)
    for p in people.values():
        if p.ja_source.startswith("jmnedict+") and any(sure.get(f, {p.actor_id}) != {p.actor_id} for f in p.names_ja):
            p.names_ja, p.surnames_ja, p.ja_source = [], [], ""


def write(people: dict[str, Person], readings, out: Path) -> dict[str, int]:
    rows, roles = [], []
    curated = {row["id"] for row in read_people_yaml()}
    for pid in sorted(people):
        p = people[pid]
        # people.yaml's reviewed roles stand for its people; Phoenix's generic ones are not added
        uniq_roles = sorted({r for r in p.roles if not (pid in curated and r[-1] == "phoenix")})
        names = p.names_ja
        rows.append(
            {
                "actor_id": pid,
                "name_en": p.name_en,
                "country": p.country,
                "name_ja": names[0] if names else "",
                "aliases_ja": ";".join(names[1:]),
                "surnames_ja": ";".join(p.surnames_ja),
                "aliases_en": ";".join(dict.fromkeys(p.aliases_en)),
                "ja_source": p.ja_source,
                "source": ";".join(sorted(p.sources)),
            }
        )
        for ctry, sector, role, lo, hi, src in uniq_roles:
            roles.append(
                {"actor_id": pid, "country": ctry, "sector": sector, "role": role,
                 "valid_from": lo, "valid_to": hi, "source": src}  # fmt: skip
            )
    _write_tsv(out / "kb_people.tsv", PEOPLE_COLUMNS, rows, HEADER_PEOPLE)
    _write_tsv(out / "kb_roles.tsv", ROLE_COLUMNS, roles, HEADER_ROLES)
    from pipeline.actors.textutil import hangul_to_roman

    hanja = [
        {"kanji": k, "korean": hangul_to_roman(h[:1]) or r, "hangul": h}
        for k, (r, h) in sorted(readings.items())
    ]
    _write_tsv(out / "hanja_korean.tsv", ["kanji", "korean", "hangul"], hanja, HEADER_HANJA)
    with_ja = sum(1 for r in rows if r["name_ja"] or r["surnames_ja"])
    return {"people": len(rows), "with_japanese": with_ja, "roles": len(roles), "hanja": len(hanja)}


HEADER_PEOPLE = (
    "# Generated by `make kb` (pipeline/actors/build_kb.py): do not edit; fix the sources and rebuild.\n"
    "# Sources: Phoenix.Countries.actors.txt (MIT), House of Councillors list (MIT), JMnedict (EDRDG,\n"
    "# CC BY-SA 4.0), build/offices.tsv (hand-reviewed). See README.md. surnames_ja match only before a title.\n"
)
HEADER_ROLES = (
    "# Generated by `make kb`: dated roles (PETRARCH style). Open Phoenix state roles end at the\n"
    f"# dictionary's date ({PHOENIX_DICTIONARY_DATE}). source: phoenix | offices | diet.\n"
)
HEADER_ORGS = (
    "# Generated by `make kb` from Phoenix.International / Phoenix.MilNonState (MIT): IGOs, NGOs,\n"
    "# companies (names of two words or more) and armed groups the curated files lack; Japanese forms\n"
    "# from JMnedict organisation glosses (CC BY-SA 4.0). Rows typed GOVERNMENT with a sector id\n"
    "# (USA_LEG) only add English names of state institutions (Phoenix.Countries) to that sector actor.\n"
)
HEADER_HANJA = (
    "# Generated by `make kb` from KANJIDIC2 (EDRDG, CC BY-SA 4.0): the first Korean reading of each\n"
    "# kanji (Hangul, and its Revised Romanisation), for romanising Korean names the KB does not know.\n"
)


def _write_tsv(path: Path, columns: list[str], rows: list[dict], header: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(header)
        w = csv.DictWriter(f, columns, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED
    if not (shared / "cameo_dictionaries").is_dir():
        sys.exit(f"{shared}: no cameo_dictionaries/ here (pass the shared data folder)")
    stats = build(shared)
    print(" ".join(f"{k} {v}" for k, v in stats.items()))


if __name__ == "__main__":
    main()
