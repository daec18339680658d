"""Synthetic tables of any size, consistent with the schema and its keys.

For what reads finished tables (the report, the exports): `make bench` builds
50,000 events with it to show the report stays usable, and the tests build small
sets with hostile text (formula starters, markup, tabs, line breaks, NUL) to show
it survives every format. The names and sentences are made up here.
"""

from __future__ import annotations

import random
from pathlib import Path

from pipeline.tables import CORE_TABLES, TableWriter

# Text that spreadsheets run, markup that browsers run, and bytes that break layouts.
# (No bare carriage return: the CSV writer does not quote one yet, so it would split the row.)
HOSTILE = [
    "=cmd|' /C calc'!A0",
    "@SUM(1)",
    "+81-3-1234",
    "-1+2",
    "\t=tab first",
    "＝全角の等号",
    'line one\nline two, "quoted"',
    "tab\tinside",
    "nul\x00inside",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
]

STATES = [
    ("USA", "United States", "米国"), ("RUS", "Russia", "ロシア"), ("CHN", "China", "中国"),
    ("JPN", "Japan", "日本"), ("BLR", "Belarus", "ベラルーシ"), ("UKR", "Ukraine", "ウクライナ"),
    ("KOR", "South Korea", "韓国"), ("PRK", "North Korea", "北朝鮮"), ("DEU", "Germany", "ドイツ"),
    ("FRA", "France", "フランス"), ("GBR", "United Kingdom", "英国"), ("IND", "India", "インド"),
    ("IRN", "Iran", "イラン"), ("ISR", "Israel", "イスラエル"), ("TUR", "Turkey", "トルコ"),
    ("POL", "Poland", "ポーランド"), ("LTU", "Lithuania", "リトアニア"), ("SAU", "Saudi Arabia", "サウジアラビア"),
]
SECTORS = [("GOV", "Government of", "政府"), ("MIL", "Military of", "軍"), ("OPP", "Opposition of", "野党")]
SYLLABLES = ["ka", "ki", "su", "ta", "no", "ma", "ri", "ko", "sa", "to", "na", "mi"]
KANA = ["カ", "キ", "ス", "タ", "ノ", "マ", "リ", "コ", "サ", "ト", "ナ", "ミ"]
VERBS = ["を批判した", "と会談した", "に制裁を科した", "への支援を表明した", "に協議を求めた", "の提案を拒否した", "を訪問した"]
FILLER = "関係筋によると、両者の協議は数カ月にわたって続いており、今後の見通しは立っていない。"


def _actors(rng: random.Random, n_people: int) -> list[dict]:
    actors = []
    for code, en, ja in STATES:
        actors.append({"actor_id": code, "type": "STATE", "name_en": en, "name_ja": ja, "country": code, "sector": ""})
        for sector, en_prefix, ja_suffix in SECTORS:
            actors.append({
                "actor_id": f"{code}_{sector}", "type": "GOVERNMENT" if sector != "OPP" else "GROUP",
                "name_en": f"{en_prefix} {en}", "name_ja": ja + ja_suffix, "country": code, "sector": sector,
            })
    for i in range(n_people):
        picks = [rng.randrange(len(SYLLABLES)) for _ in range(4)]
        code = STATES[i % len(STATES)][0]
        actors.append({
            "actor_id": f"NEW_PER_{''.join(SYLLABLES[p] for p in picks).upper()}_{i:04X}", "type": "PERSON",
            "name_en": " ".join("".join(SYLLABLES[p] for p in picks[j:j + 2]).title() for j in (0, 2)),
            "name_ja": "".join(KANA[p] for p in picks), "country": code, "sector": "",
        })
    return actors


def synthetic_rows(n_events: int, seed: int = 0, hostile: bool = False) -> dict[str, list[dict]]:
    """Rows for every core table: about ten events an article, a pool of states,
    their sectors and made-up people, dates from 2015 to 2026 at day, month or
    year precision. With `hostile`, HOSTILE strings go into titles, names and
    evidence sentences."""
    from pipeline.events.cameo import load_cameo

    rng = random.Random(seed)
    codes = [c for c in load_cameo().values() if len(c.code) >= 3]
    actors = _actors(rng, n_people=max(10, n_events // 25))
    if hostile:
        for i, text in enumerate(HOSTILE[:4]):
            actors[-1 - i]["name_en"] = text
            actors[-1 - i]["name_ja"] = text
    n_articles = max(1, n_events // 10)
    rows: dict[str, list[dict]] = {name: [] for name in CORE_TABLES}
    counts: dict[str, list] = {}
    for a in range(n_articles):
        year, month = 2015 + a * 11 // n_articles, 1 + a % 12
        article_id = f"syn/a{a:06d}"
        title = HOSTILE[a % len(HOSTILE)] if hostile and a % 2 == 0 else f"合成記事 {a}"
        rows["articles"].append({
            "article_id": article_id, "path": f"{article_id}.md", "title": title, "published": f"{year}-{month:02d}-15",
            "lang": "ja" if a % 5 else "en", "source": "synthetic", "author": HOSTILE[a % len(HOSTILE)] if hostile else "",
            "url": "javascript:alert(1)" if hostile and a == 1 else (f"https://example.org/{a}" if a % 3 == 0 else ""),
            "n_chars": 0, "n_sentences": 0, "status": "ok", "error": "",
        })
    for e in range(n_events):
        a = e % n_articles
        art = rows["articles"][a]
        article_id = art["article_id"]
        sentence_id = e // n_articles  # events go round the articles
        source = rng.choice(actors)
        target = rng.choice(actors) if rng.random() > 0.1 else None
        code = rng.choice(codes)
        precision = rng.choices(["day", "month", "year"], [6, 3, 1])[0]
        y, m, d = int(art["published"][:4]) - rng.choice([0, 0, 0, 1]), rng.randint(1, 12), rng.randint(1, 28)
        date = {"day": f"{y}-{m:02d}-{d:02d}", "month": f"{y}-{m:02d}", "year": f"{y}"}[precision]
        target_ja = target["name_ja"] if target else "関係国"
        evidence = f"{source['name_ja']}は{y}年{m}月、{target_ja}{rng.choice(VERBS)}。{FILLER[: rng.randint(10, len(FILLER))]}"
        if hostile and e % 3 == 0:
            evidence = HOSTILE[e % len(HOSTILE)]
        start = sentence_id * 80
        rows["sentences"].append({"article_id": article_id, "sentence_id": sentence_id, "start": start,
                                  "end": start + len(evidence), "kind": "body", "text": evidence})
        event_id = f"{article_id}:e{sentence_id + 1}"
        rows["events"].append({
            "event_id": event_id, "article_id": article_id, "date": date, "date_precision": precision,
            "date_source": "clause", "source_actor_id": source["actor_id"], "source_name_en": source["name_en"],
            "source_name_ja": source["name_ja"], "source_country": source["country"],
            "event_code": code.code, "event_root_code": code.root, "event_label": code.label,
            "quad_class": code.quad_class, "goldstein": code.goldstein,
            "target_actor_id": target["actor_id"] if target else "", "target_name_en": target["name_en"] if target else "",
            "target_name_ja": target["name_ja"] if target else "", "target_country": target["country"] if target else "",
            "polarity": "affirmed" if rng.random() > 0.05 else "negated",
            "modality": rng.choices(["asserted", "intended", "reported"], [8, 1, 1])[0],
            "n_mentions": 1, "is_caption": False, "confidence": 0.9, "evidence": evidence,
            "location_actor_id": "", "location_name_en": "", "location_country": "", "symmetric": False,
        })
        rows["event_mentions"].append({"event_id": event_id, "article_id": article_id, "sentence_id": sentence_id,
                                       "start": start, "end": start + 2, "trigger": "批判", "sentence_text": evidence})
        for actor in (source, target):
            if actor:
                seen = counts.setdefault(actor["actor_id"], [0, set(), art["published"], art["published"]])
                seen[0] += 1
                seen[1].add(article_id)
                seen[2], seen[3] = min(seen[2], art["published"]), max(seen[3], art["published"])
    for actor in actors:
        n, arts, first, last = counts.get(actor["actor_id"], [0, set(), "", ""])
        if n:
            rows["actors"].append(actor | {"in_kb": not actor["actor_id"].startswith("NEW_"), "aliases": "",
                                           "n_mentions": n, "n_articles": len(arts), "first_seen": first, "last_seen": last})
    return rows


def write_synthetic_tables(out_dir: str | Path, n_events: int, seed: int = 0, hostile: bool = False) -> Path:
    """Write the core tables of `synthetic_rows` into `out_dir` with the extraction's own writer."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in synthetic_rows(n_events, seed, hostile).items():
        writer = TableWriter(out, name)
        try:
            writer.append(rows)
            writer.close()
            writer.commit()
        finally:
            writer.discard()
    return out
