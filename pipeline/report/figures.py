"""The report's Plotly figures (timeline, actor network) built from the aggregates.

Figures are built with plotly.graph_objects, which checks every property, and
handed to the page as JSON; the page draws them with the plotly.js shipped in
the same PyPI package.
"""

from __future__ import annotations

import json
import math

QUAD_COLOURS = {1: "#8ecae6", 2: "#1d6fa5", 3: "#f4a261", 4: "#c1121f"}
TYPE_NAMES = {
    "STATE": "State 国家", "GOVERNMENT": "Government 政府", "PERSON": "Person 人物", "IGO": "IGO 国際機関",
    "REGION": "Region 地域", "GROUP": "Group 集団", "ORG": "Organisation 組織", "PLACE": "Place 場所",
}
TYPE_COLOURS = {
    "STATE": "#66c2a5", "GOVERNMENT": "#8da0cb", "PERSON": "#fc8d62", "IGO": "#a6d854",
    "REGION": "#e78ac3", "GROUP": "#ffd92f", "ORG": "#e5c494", "PLACE": "#b3b3b3",
}
GOLDSTEIN_SCALE = "RdBu"  # red: conflict (-10), blue: cooperation (+10)
DAY_MS = 86_400_000
PERIOD = {"year": ("M12", 365.25 * DAY_MS), "month": ("M1", 30.44 * DAY_MS), "day": (DAY_MS, DAY_MS)}
FONT = "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Noto Sans CJK JP', 'Yu Gothic', sans-serif"


def both(pair) -> str:
    """An English label with its Japanese beside it."""
    en, ja = pair
    return f"{en} {ja}" if ja and ja != en else en


def _as_json(fig) -> dict:
    return json.loads(fig.to_json())


def _period_start(period: str) -> str:
    return period + ("-01-01" if len(period) == 4 else "-01" if len(period) == 7 else "")


def timeline_figure(scale_data: dict, scale: str, quads: dict) -> dict:
    """Stacked bars of events per period, one colour per QuadClass, and the mean Goldstein score."""
    import plotly.graph_objects as go

    periods = scale_data["periods"]
    xs = [_period_start(p) for p in periods]
    xperiod, length = PERIOD[scale]
    fig = go.Figure()
    for quad in (1, 2, 3, 4):
        name = both(quads[str(quad)])
        fig.add_bar(
            x=xs, y=scale_data["counts"][str(quad)], name=name, marker_color=QUAD_COLOURS[quad],
            width=0.8 * length, xperiod=xperiod, xperiodalignment="middle",
            customdata=[[p, quad] for p in periods],
            hovertemplate="%{customdata[0]}<br>" + name + ": %{y}<extra></extra>",
        )
    fig.add_scatter(
        x=xs, y=scale_data["goldstein"], name="Mean Goldstein 平均ゴールドスタイン値", yaxis="y2", mode="markers",
        xperiod=xperiod, xperiodalignment="middle",
        marker={"symbol": "diamond", "size": 9, "color": "#222", "line": {"color": "#fff", "width": 1}},
        customdata=periods, hovertemplate="%{customdata}<br>mean Goldstein %{y:+.2f}<extra></extra>",
    )
    fig.update_layout(
        template="plotly_white", barmode="stack", height=380, margin={"l": 50, "r": 60, "t": 10, "b": 40},
        font={"family": FONT, "size": 12}, hovermode="closest",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
        xaxis={"type": "date"},
        yaxis={"title": {"text": "Events 件数"}, "rangemode": "tozero"},
        yaxis2={"title": {"text": "Goldstein"}, "overlaying": "y", "side": "right", "range": [-10.5, 10.5],
                "zeroline": True, "showgrid": False, "tickvals": [-10, -5, 0, 5, 10]},
    )
    return _as_json(fig)


def goldstein_colour(value: float) -> str:
    from plotly.colors import sample_colorscale

    return sample_colorscale(GOLDSTEIN_SCALE, [min(1.0, max(0.0, (value + 10) / 20))])[0]


def network_figure(net: dict, actor_names: dict, codes: dict) -> dict:
    """Actors as nodes sized by mentions, coloured by type; events as arrows from
    source to target, as wide as their count and coloured by mean Goldstein.
    `actor_names`: id -> (English, Japanese, type); `codes`: CAMEO code -> label."""
    import plotly.graph_objects as go

    nodes = {n["id"]: n for n in net["nodes"]}
    most = max([n["mentions"] for n in net["nodes"]] + [1])
    size = {i: 14 + 30 * math.sqrt(n["mentions"] / most) for i, n in nodes.items()}
    busiest = max([e["events"] for e in net["edges"]] + [1])
    fig = go.Figure()
    annotations = []
    mid_x, mid_y, mid_data, mid_text = [], [], [], []
    for e in net["edges"]:
        s, t = nodes[e["source"]], nodes[e["target"]]
        colour = goldstein_colour(e["goldstein"])
        annotations.append({
            "x": t["x"], "y": t["y"], "ax": s["x"], "ay": s["y"], "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
            "showarrow": True, "text": "", "arrowhead": 2, "arrowsize": 0.7,
            "arrowside": "none" if e["symmetric"] else "end",
            "arrowwidth": 1.2 + 4 * math.sqrt(e["events"] / busiest), "arrowcolor": colour, "opacity": 0.85,
            "standoff": size[e["target"]] / 2 + 1, "startstandoff": size[e["source"]] / 2 + 1,
        })
        arrow = "↔" if e["symmetric"] else "→"
        label = f"{_name(actor_names, e['source'])} {arrow} {_name(actor_names, e['target'])}"
        mid_x.append((s["x"] + t["x"]) / 2)
        mid_y.append((s["y"] + t["y"]) / 2)
        mid_data.append([e["source"], e["target"]])
        mid_text.append(
            f"{label}<br>{e['events']} events 件, mean Goldstein {e['goldstein']:+.2f}"
            f"<br>most often {e['top_code']} {codes.get(e['top_code'], '')}"
        )
    fig.add_scatter(
        x=mid_x, y=mid_y, mode="markers", name="edges", showlegend=False, customdata=mid_data,
        marker={"size": 12, "color": "rgba(0,0,0,0)"}, hovertext=mid_text, hoverinfo="text",
    )
    by_type: dict[str, list] = {}
    for actor_id in nodes:
        by_type.setdefault(actor_names.get(actor_id, ("", "", ""))[2] or "OTHER", []).append(actor_id)
    for actor_type, ids in sorted(by_type.items()):
        en_ja = [actor_names.get(i, (i, "", "")) for i in ids]
        fig.add_scatter(
            x=[nodes[i]["x"] for i in ids], y=[nodes[i]["y"] for i in ids], mode="markers+text",
            name=TYPE_NAMES.get(actor_type, actor_type.title()), customdata=ids,
            text=[f"{en}<br>{ja}" if ja and ja != en else en for en, ja, _ in en_ja],
            textposition="top center", textfont={"size": 10},
            marker={"size": [size[i] for i in ids], "color": TYPE_COLOURS.get(actor_type, "#999"),
                    "line": {"color": "#333", "width": 1}},
            hovertext=[
                f"<b>{en}</b> {ja}<br>{i}<br>{nodes[i]['mentions']} mentions 言及<br>"
                f"{nodes[i]['as_source']} events as source 主体, {nodes[i]['as_target']} as target 対象"
                for i, (en, ja, _) in zip(ids, en_ja, strict=True)
            ],
            hoverinfo="text",
        )
    fig.add_scatter(
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker={"colorscale": GOLDSTEIN_SCALE, "cmin": -10, "cmax": 10, "color": [0], "showscale": True,
                "colorbar": {"title": {"text": "Goldstein"}, "thickness": 12, "len": 0.6}},
    )
    hidden = {"visible": False, "range": [-1.12, 1.12]}
    fig.update_layout(
        template="plotly_white", height=620, margin={"l": 10, "r": 10, "t": 10, "b": 10},
        font={"family": FONT, "size": 12}, hovermode="closest", annotations=annotations,
        xaxis=hidden, yaxis=hidden | {"range": [-1.25, 1.2]},
        legend={"orientation": "h", "y": 0, "x": 0, "yanchor": "bottom", "bgcolor": "rgba(255,255,255,0.7)"},
    )
    return _as_json(fig)


def _name(actor_names: dict, actor_id: str) -> str:
    en, ja, _ = actor_names.get(actor_id, (actor_id, "", ""))
    return f"{en} {ja}" if ja and ja != en else en
