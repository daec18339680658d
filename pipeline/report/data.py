"""What the report shows, computed from the tables: aggregates and the compact event list.

Everything the page needs is summed here, in Python, so the page stays light at
50,000 events: the timeline is counts per period, the network the strongest
actors and dyads, and the events table a columnar list with actors, codes,
articles and evidence sentences stored once and referred to by number.
"""

from __future__ import annotations

import csv
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

SCALES = {"year": 4, "month": 7, "day": 10}
MAX_PERIODS = 1500
DAYS_SHOWN_BY_DEFAULT = 122
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TOP_DYADS = 15
TOP_ACTORS = 15
NETWORK_NODES = 40
NETWORK_EDGES = 120


@dataclass(frozen=True)
class Labels:
    roots: dict[str, tuple[str, str]]  # "08" -> ("Yield", "譲歩")
    quads: dict[int, tuple[str, str]]  # 1 -> ("Verbal cooperation", "言葉による協力")


@lru_cache(maxsize=1)
def labels() -> Labels:
    """The English and Japanese labels of CAMEO roots and QuadClasses (labels.tsv)."""
    roots, quads = {}, {}
    text = (resources.files("pipeline.report") / "labels.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        pair = (row["label_en"], row["label_ja"])
        if row["kind"] == "root":
            roots[row["code"]] = pair
        else:
            quads[int(row["code"])] = pair
    return Labels(roots, quads)


def timeline(events: pd.DataFrame) -> dict:
    """Events per period and QuadClass with the mean Goldstein score, at each scale.

    An event is counted at a scale only when its date is at least that precise
    (a date of 2025 is not put in January); `excluded` says how many are left out.
    A scale whose periods would be too many to see (days over more than four
    years) is left out. `default` is the finest scale that still shows 80% of the
    events, days only over a short span (four months)."""
    dates = events["date"].where(events["date"].str.match(_ISO_DATE), "")
    out: dict = {"scales": {}, "default": "year"}
    for scale, length in SCALES.items():
        keep = dates.str.len() >= length
        if scale != "year" and keep.any() and _span(dates[keep], scale) > MAX_PERIODS:
            continue
        period = dates[keep].str[:length]
        quad = events.loc[keep, "quad_class"]
        counts = pd.crosstab(period, quad).reindex(columns=[1, 2, 3, 4], fill_value=0).sort_index()
        gold = events.loc[keep, "goldstein"].groupby(period).mean().reindex(counts.index)
        out["scales"][scale] = {
            "periods": counts.index.tolist(),
            "counts": {str(q): counts[q].astype(int).tolist() for q in (1, 2, 3, 4)},
            "goldstein": [round(float(g), 2) for g in gold],
            "shown": int(keep.sum()),
            "excluded": int((~keep).sum()),
        }
        short = scale != "day" or (keep.any() and _span(dates[keep], scale) <= DAYS_SHOWN_BY_DEFAULT)
        if len(events) and keep.sum() >= 0.8 * len(events) and short:
            out["default"] = scale
    return out


def _span(dates: pd.Series, scale: str) -> int:
    """Periods from the first date to the last at `scale` (month or day)."""
    first, last = pd.Timestamp(dates.min()[:10]), pd.Timestamp(dates.max()[:10])
    if scale == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return (last - first).days + 1


def involvement(events: pd.DataFrame) -> pd.DataFrame:
    """Per actor: events as source, as target, and the mean Goldstein of the events it is in."""
    rows = pd.concat([
        pd.DataFrame({"actor_id": events["source_actor_id"], "role": "as_source", "goldstein": events["goldstein"]}),
        pd.DataFrame({"actor_id": events["target_actor_id"], "role": "as_target", "goldstein": events["goldstein"]}),
    ])
    rows = rows[rows["actor_id"] != ""]
    table = rows.pivot_table(index="actor_id", columns="role", values="goldstein", aggfunc="size", fill_value=0)
    table = table.reindex(columns=["as_source", "as_target"], fill_value=0)
    table["events"] = table["as_source"] + table["as_target"]
    table["goldstein"] = rows.groupby("actor_id")["goldstein"].mean()
    return table.sort_values(["events", "as_source"], ascending=False, kind="stable")


def dyads(events: pd.DataFrame) -> pd.DataFrame:
    """Events per (source, target) pair, with their mean Goldstein score and most
    frequent code; a joint act (`symmetric`) is one undirected pair."""
    keys = ["source_actor_id", "target_actor_id", "symmetric"]
    with_target = events[events["target_actor_id"] != ""]
    table = with_target.groupby(keys, sort=True).agg(events=("event_id", "size"), goldstein=("goldstein", "mean"))
    by_code = with_target.groupby([*keys, "event_code"], sort=True).size().reset_index(name="n")
    top = by_code.sort_values("n", ascending=False, kind="stable").drop_duplicates(keys).set_index(keys)["event_code"]
    table["top_code"] = top
    return table.reset_index().sort_values(["events", "goldstein"], ascending=[False, True], kind="stable")


def network(involved: pd.DataFrame, pairs: pd.DataFrame, actors: pd.DataFrame,
            n_nodes: int = NETWORK_NODES, n_edges: int = NETWORK_EDGES) -> dict:
    """The actors most involved in events (nodes, sized by mentions) and the event
    flows between them (directed edges weighted by count, with mean Goldstein),
    with positions from a force-directed layout (networkx, fixed seed).
    `involved` and `pairs` are `involvement(events)` and `dyads(events)`."""
    import networkx as nx

    total = len(involved)
    involved = involved.head(n_nodes)
    ids = set(involved.index)
    pairs = pairs[pairs["source_actor_id"].isin(ids) & pairs["target_actor_id"].isin(ids)].head(n_edges)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(ids))
    for row in pairs.itertuples(index=False):
        if graph.has_edge(row.source_actor_id, row.target_actor_id):
            graph[row.source_actor_id][row.target_actor_id]["weight"] += row.events
        else:
            graph.add_edge(row.source_actor_id, row.target_actor_id, weight=row.events)
    mentions = actors.set_index("actor_id")["n_mentions"].to_dict() if len(actors) else {}
    positions = _layout(graph)
    nodes = [
        {
            "id": actor_id,
            "x": round(float(positions[actor_id][0]), 4),
            "y": round(float(positions[actor_id][1]), 4),
            "mentions": int(mentions.get(actor_id, 0)),
            "as_source": int(row.as_source),
            "as_target": int(row.as_target),
        }
        for actor_id, row in involved.iterrows()
    ]
    edges = [
        {
            "source": row.source_actor_id,
            "target": row.target_actor_id,
            "symmetric": bool(row.symmetric),
            "events": int(row.events),
            "goldstein": round(float(row.goldstein), 2),
            "top_code": row.top_code,
        }
        for row in pairs.itertuples(index=False)
    ]
    return {"nodes": nodes, "edges": edges, "actors_in_events": int(total)}


def _layout(graph) -> dict:
    """Node positions in [-1, 1] × [-1, 1] from a force-directed layout (networkx's
    spring layout, fixed seed). Every actor is also tied loosely to a hidden hub,
    so that actors with no event among the others stay near the rest instead of
    flying to the edges; each axis is then stretched to fill the plot."""
    import networkx as nx

    if len(graph) == 0:
        return {}
    if len(graph) == 1:
        return {next(iter(graph)): (0.0, 0.0)}
    tied = nx.Graph()
    tied.add_edges_from(graph.edges, weight=1.0)  # the count sets width, not distance
    tied.add_nodes_from(graph)
    hub = object()
    tied.add_edges_from(((hub, node) for node in graph), weight=0.05)
    k = 2.4 / math.sqrt(len(graph))
    positions = nx.spring_layout(tied, weight="weight", seed=7, k=k, iterations=300)
    positions.pop(hub)
    out = {}
    for axis in (0, 1):
        values = [p[axis] for p in positions.values()]
        low, high = min(values), max(values)
        for node, p in positions.items():
            out.setdefault(node, [0.0, 0.0])[axis] = 0.0 if high == low else round(2 * (p[axis] - low) / (high - low) - 1, 4)
    return {node: tuple(xy) for node, xy in out.items()}


def article_href(url: str, path: str, corpus_dir: Path | None, report_dir: Path) -> str:
    """Where an article opens: its web address when it has one (http or https only),
    else its file in the corpus, relative to the report; '' when neither is known."""
    if url.startswith(("http://", "https://")):
        return url
    if corpus_dir is not None and path:
        return Path(os.path.relpath(Path(corpus_dir) / path, report_dir)).as_posix()
    return ""


def _numbered(values: pd.Series) -> tuple[list[int], list]:
    """Each value's position in the list of distinct values (in order of first appearance), and that list."""
    codes, uniques = pd.factorize(values, sort=False)
    return codes.tolist(), list(uniques)


def event_list(events: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame,
               corpus_dir: Path | None, report_dir: Path) -> dict:
    """The events as columns of numbers and short strings, with shared lists of
    actors, codes, articles, evidence sentences and attributes."""
    actor_type = actors.set_index("actor_id")["type"].to_dict() if len(actors) else {}
    n = len(events)

    # Actors: sources and targets numbered together; -1 for no target.
    roles = []
    for role in ("source", "target"):
        part = events[[f"{role}_actor_id", f"{role}_name_en", f"{role}_name_ja", f"{role}_country"]]
        roles.append(part.set_axis(["id", "en", "ja", "country"], axis=1))
    both_roles = pd.concat(roles, ignore_index=True)
    numbers, ids = _numbered(both_roles["id"])
    first = both_roles.drop_duplicates("id").set_index("id").to_dict("index")
    blank = ids.index("") if "" in ids else None
    renumber = {}
    actor_rows = []
    for i, actor_id in enumerate(ids):
        if i != blank:
            renumber[i] = len(actor_rows)
            row = first[actor_id]
            actor_rows.append([actor_id, row["en"], row["ja"], row["country"], actor_type.get(actor_id, "")])
    numbers = [renumber.get(k, -1) for k in numbers]

    art_numbers, art_ids = _numbered(events["article_id"])
    info = articles.set_index("article_id").to_dict("index") if len(articles) else {}
    article_rows = []
    for article_id in art_ids:
        a = info.get(article_id, {})
        href = article_href(a.get("url", ""), a.get("path", ""), corpus_dir, report_dir)
        article_rows.append([article_id, a.get("title", ""), a.get("published", ""), a.get("lang", ""), href])

    code_numbers, code_ids = _numbered(events["event_code"])
    first_code = events.drop_duplicates("event_code").set_index("event_code").to_dict("index")
    code_rows = [[code, first_code[code]["event_label"], int(first_code[code]["quad_class"])] for code in code_ids]
    ev_numbers, evidence = _numbered(events["evidence"])
    attr_numbers, attributes = _numbered(events["polarity"] + "\t" + events["modality"])
    goldstein = events["goldstein"].astype(float)
    return {
        "columns": {
            "id": events["event_id"].tolist(),
            "date": events["date"].tolist(),
            "src": numbers[:n],
            "tgt": numbers[n:],
            "code": code_numbers,
            "gold": [None if pd.isna(g) else float(g) for g in goldstein],
            "art": art_numbers,
            "ev": ev_numbers,
            "attr": attr_numbers,
            "n": events["n_mentions"].astype(int).tolist(),
            "sym": events["symmetric"].astype(int).tolist(),
            "loc": events["location_name_en"].tolist(),
        },
        "actors": actor_rows,
        "codes": code_rows,
        "articles": article_rows,
        "evidence": evidence,
        "attributes": [a.split("\t") for a in attributes],
    }


def summary(events: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame) -> dict:
    dated = events["date"][events["date"].str.match(_ISO_DATE)]
    return {
        "articles": int(len(articles)),
        "articles_failed": int((articles["status"] == "error").sum()) if len(articles) else 0,
        "languages": {str(k): int(v) for k, v in articles["lang"].value_counts().sort_index().items()},
        "events": int(len(events)),
        "actors": int(len(actors)),
        "first": str(dated.min()) if len(dated) else "",
        "last": str(dated.max()) if len(dated) else "",
    }


def top_dyads(pairs: pd.DataFrame, n: int = TOP_DYADS) -> list[dict]:
    return [
        {"source": r.source_actor_id, "target": r.target_actor_id, "symmetric": bool(r.symmetric),
         "events": int(r.events), "goldstein": round(float(r.goldstein), 2), "top_code": r.top_code}
        for r in pairs.head(n).itertuples(index=False)
    ]


def top_actors(involved: pd.DataFrame, actors: pd.DataFrame, n: int = TOP_ACTORS) -> list[dict]:
    info = actors.set_index("actor_id")[["n_mentions", "n_articles"]].to_dict("index") if len(actors) else {}
    return [
        {"id": actor_id, "events": int(r.events), "as_source": int(r.as_source), "as_target": int(r.as_target),
         "goldstein": round(float(r.goldstein), 2), **{k: int(v) for k, v in info.get(actor_id, {}).items()}}
        for actor_id, r in involved.head(n).iterrows()
    ]


def report_data(events: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame,
                corpus_dir: Path | None = None, report_dir: Path = Path(".")) -> dict:
    """Everything the page shows, as JSON-ready values."""
    lab = labels()
    involved, pairs = involvement(events), dyads(events)
    return {
        "summary": summary(events, articles, actors),
        "timeline": timeline(events),
        "network": network(involved, pairs, actors),
        "top_dyads": top_dyads(pairs),
        "top_actors": top_actors(involved, actors),
        "events": event_list(events, articles, actors, corpus_dir, report_dir),
        "roots": {code: list(pair) for code, pair in lab.roots.items()},
        "quads": {str(q): list(pair) for q, pair in lab.quads.items()},
    }
