"""`events.gdelt.tsv`: the events in the GDELT 2.0 Events layout, for GDELT tooling.

Tab separated, no header, 61 columns in GDELT's order (`GDELT_COLUMNS`; the
GDELT 2.0 Event Database codebook). The mapping, and what stays empty because
dekigoto does not know it, is documented in docs/exports.md; in short:

- GlobalEventID is the event's 1-based row number in events.csv (GDELT wants an
  integer; `event_id` is text);
- dates coarser than a day take the first day of their period (2025-12 →
  20251201), as GDELT has only days; DATEADDED is the article's publication date;
- actor codes are CAMEO-style: country + sector (`BLRGOV`), `IGO` for
  international organisations; names upper case, as in GDELT;
- ActionGeo comes from the event's location; Geo country codes (FIPS 10-4),
  ADM codes, coordinates, feature ids, ethnic, religion and known-group codes,
  and AvgTone stay empty;
- NumSources and NumArticles are 1 (an event row is one article's).

Tabs, line breaks and NUL inside a field would break the layout (it has no
quoting), so they become spaces; every other character is written as is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from pipeline.atomic import atomic_output
from pipeline.read_tables import read_table

FILE_NAME = "events.gdelt.tsv"

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR),
    *(f"Actor2{f}" for f in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO),
    *(f"Actor2Geo_{f}" for f in _GEO),
    *(f"ActionGeo_{f}" for f in _GEO),
    "DATEADDED", "SOURCEURL",
)

# GDELT geographic resolution types.
GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = "1", "3", "4"
_UNSAFE = re.compile(r"[\t\r\n\x00]")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def gdelt_day(value: str) -> str:
    """YYYYMMDD for an ISO date at any precision (the first day of its period); '' when not a date."""
    m = _DATE.match(value or "")
    if not m:
        return ""
    return f"{m.group(1)}{m.group(2) or '01'}{m.group(3) or '01'}"


def fraction_date(day: str) -> str:
    """GDELT's FractionDate: YEAR + (MONTH * 30 + DAY) / 365, four decimals."""
    if not day:
        return ""
    year, month, dd = int(day[:4]), int(day[4:6]), int(day[6:8])
    return f"{year + (month * 30 + dd) / 365:.4f}"


def actor_code(country: str, sector: str, actor_type: str) -> str:
    """CAMEO-style actor code: country + sector (BLRGOV), IGO for an organisation of states."""
    if actor_type == "IGO":
        return "IGO"
    return (country + sector) if country else ""


def gdelt_rows(events: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame,
               event_mentions: pd.DataFrame, sentences: pd.DataFrame) -> list[list[str]]:
    """One 61-field row of text per event, in events.csv order."""
    actor = actors.set_index("actor_id")[["type", "sector"]].to_dict("index")
    article = articles.set_index("article_id")[["published", "url", "path"]].to_dict("index")
    body = sentences[sentences["kind"] == "body"]
    lead = body.groupby("article_id")["sentence_id"].min().to_dict()
    in_lead = set(
        event_mentions.loc[event_mentions["sentence_id"] == event_mentions["article_id"].map(lead), "event_id"]
    )
    rows = []
    for number, ev in enumerate(events.itertuples(index=False), start=1):
        day = gdelt_day(ev.date)
        art = article.get(ev.article_id, {})
        row = [str(number), day, day[:6], day[:4], fraction_date(day)]
        for role in ("source", "target"):
            row += _actor_fields(getattr(ev, f"{role}_actor_id"), getattr(ev, f"{role}_name_en"),
                                 getattr(ev, f"{role}_country"), actor)
        code = ev.event_code
        row += [
            "1" if ev.event_id in in_lead else "0",
            code, code[:3], ev.event_root_code, str(ev.quad_class), _number(ev.goldstein),
            str(ev.n_mentions), "1", "1", "",
        ]
        row += [""] * (2 * len(_GEO))
        row += _action_geo(ev, actor)
        published = gdelt_day(art.get("published", ""))
        row += [published + "000000" if published else "", art.get("url") or art.get("path", "")]
        rows.append([_UNSAFE.sub(" ", field) for field in row])
    return rows


def _actor_fields(actor_id: str, name_en: str, country: str, actor: dict) -> list[str]:
    if not actor_id:
        return [""] * len(_ACTOR)
    info = actor.get(actor_id, {})
    actor_type, sector = info.get("type", ""), info.get("sector", "")
    type1 = "IGO" if actor_type == "IGO" else sector
    return [actor_code(country, sector, actor_type), name_en.upper(), country, "", "", "", "", type1, "", ""]


def _action_geo(ev, actor: dict) -> list[str]:
    if not ev.location_actor_id:
        return [""] * len(_GEO)
    location_type = actor.get(ev.location_actor_id, {}).get("type", "")
    if location_type == "STATE":
        geo_type = GEO_COUNTRY
    elif location_type == "PLACE":
        geo_type = GEO_US_CITY if ev.location_country == "USA" else GEO_WORLD_CITY
    else:
        geo_type = ""
    return [geo_type, ev.location_name_en, "", "", "", "", "", ""]


def _number(value: float) -> str:
    return "" if pd.isna(value) else f"{value:g}"


def write_gdelt(tables_dir: str | Path, out_dir: str | Path, tables=None) -> Path:
    tables = {name: read_table(tables_dir, name) for name in ("events", "actors", "articles", "event_mentions", "sentences")}
    rows = gdelt_rows(**tables)
    dest = Path(out_dir) / FILE_NAME
    with atomic_output(dest) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            for row in rows:
                fh.write("\t".join(row) + "\n")
    return dest
