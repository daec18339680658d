"""Roles from the parser against roles from the event coder's clause heuristics:
`python -m pipeline.parser.compare [CASES.yaml]`.

The cases (default `tests/fixtures/parser/roles.yaml`: sentences written for the
tests, with the subject, object and obliques of some of their predicates) are read
two ways:

- **parser**: the packaged model's tree, read by `pipeline.parser.frames.predicates`;
- **heuristics**: the coder's own chunking and role finder (`pipeline.events.clauses`,
  `pipeline.events.roles`) walked over the sentence as the coder walks it, with every
  noun phrase treated as an actor, so that what is measured is where the heuristics
  look for each role, not whether the knowledge base knows the words.

A role is right when the system's phrase ends with the gold head (or both are empty).
Prints a table per case and the totals. A development tool: the heuristics side reads
the coder's internals as of this writing and will need changing with them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

DEFAULT_CASES = Path("tests/fixtures/parser/roles.yaml")
# the coder's case names for the obliques compared
HEURISTIC_CASES = {
    "に": ("ni",),
    "に対して": ("ni_taishi",),
    "へ": ("he",),
    "と": ("to",),
    "から": ("kara",),
    "で": ("de", "loc"),
    "による": ("niyotte",),
    "について": ("about",),
}
SLOTS = ("subject", "object", "obliques")


def load_cases(path: Path) -> list[dict]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    for case in cases:
        for role in case["roles"]:
            if role["pred"] not in case["text"]:
                raise ValueError(f"{path}: {role['pred']!r} is not in {case['text']!r}")
            role.setdefault("obliques", {})
    return cases


def right(found: str | None, gold: str | None) -> bool:
    if gold is None:
        return not found
    return bool(found) and found.endswith(gold)


# ------------------------------------------------------------------ parser side


def parser_roles(text: str, roles: list[dict], nlp) -> list[dict]:
    from pipeline.parser.component import parse_spans

    doc = nlp.make_doc(text)
    (parsed,) = parse_spans(doc, [(0, len(text))])
    preds = parsed.predicates()
    out = []
    for role in roles:
        at = text.index(role["pred"])
        p = next((p for p in preds if p.start <= at < p.end or at <= p.start < at + len(role["pred"])), None)
        if p is None:
            out.append({"subject": None, "object": None, "obliques": {}})
            continue
        subj, obj = p.subject, p.object
        obliques = {}
        for a in p.obliques:
            obliques.setdefault(a.case, a.text)
        out.append({"subject": subj.text if subj else None, "object": obj.text if obj else None, "obliques": obliques})
    return out


# ------------------------------------------------------------------ heuristics side


def heuristic_walk(text: str, nlp) -> dict[int, dict]:
    """The coder's clause walk (`pipeline.events.coder._code_sentence`) over one sentence:
    for each predicate (by its chunk's start), the phrases its role finder offers (head
    texts, and the subject's and object's head chunk spans)."""
    from pipeline.events import coder
    from pipeline.events.clauses import NP, build_phrases, chunk_tokens
    from pipeline.events.roles import Frame, dative, passive_agent, subject
    from pipeline.events.tokens import read_tokens

    doc = nlp.make_doc(text)
    tokens, _ = read_tokens(doc)
    chunks = chunk_tokens(tokens)
    for c in chunks:  # every phrase an "actor": the role finder's choices, not the KB's
        if c.content:
            c.actors = [c.text]
            c.head_actors = [c.text]
    items = build_phrases(chunks)
    frame = Frame()
    found: dict[int, dict] = {}
    for k, item in enumerate(items):
        first = (item.mods[0] if item.mods else item.head) if isinstance(item, NP) else item.chunk
        if first.opens_quote:
            frame.open_quote()
        if isinstance(item, NP):
            frame.add(item)
            continue
        pred = item
        start, end = pred.chunk.start, pred.chunk.end
        subj = subject(frame, pred)
        obj = frame.last("wo") or frame.shared_wo
        obliques = {}
        for case, names in HEURISTIC_CASES.items():
            np = frame.last(*names)
            if np is not None:
                obliques[case] = np.head.text
        if pred.passive:
            agent = passive_agent(frame)
            if agent and "による" not in obliques:
                obliques.setdefault("に", agent.actors[-1])
        target = dative(frame)
        if target and "に" not in obliques and "に対して" not in obliques:
            obliques["に"] = target.actors[-1]
        subj_np = _np_of(frame, pred, subj.actors[-1]) if subj else None
        found[start] = {
            "end": end,
            "subject": subj.actors[-1] if subj else None,
            "object": obj.head.text if obj is not None else None,
            "obliques": obliques,
            "subject_span": (subj_np.head.start, subj_np.head.end) if subj_np is not None else None,
            "object_span": (obj.head.start, obj.head.end) if obj is not None else None,
        }
        if coder._asks_for(items, k):
            wo = frame.last("wo")
            frame.asking((wo.text + "を" if wo is not None else "") + pred.chunk.text)
            continue
        frame.boundary(pred.form)
    return found


def _np_of(frame, pred, head_text: str):
    """The noun phrase of the frame (or the one a relative clause modifies) whose head is `head_text`."""
    for np in [*reversed(frame.nps), *reversed(frame.topics), pred.head_np]:
        if np is not None and np.head.text == head_text:
            return np
    return None


def heuristic_roles(text: str, roles: list[dict], nlp) -> list[dict]:
    found = heuristic_walk(text, nlp)
    out = []
    for role in roles:
        at = text.index(role["pred"])
        hit = next((v for s, v in found.items() if s <= at < v["end"]), None)
        out.append(hit or {"subject": None, "object": None, "obliques": {}})
    return out


# ------------------------------------------------------------------ scoring


def score(cases: list[dict], system) -> tuple[dict, list[tuple[str, str, dict, dict]]]:
    from pipeline.nlp import blank_japanese

    nlp = blank_japanese()
    totals = {"subject": [0, 0], "object": [0, 0], "obliques": [0, 0], "extra_obliques": 0}
    rows = []
    for case in cases:
        for role, got in zip(case["roles"], system(case["text"], case["roles"], nlp), strict=True):
            for slot in ("subject", "object"):
                totals[slot][0] += right(got[slot], role.get(slot))
                totals[slot][1] += 1
            for c, head in role["obliques"].items():
                totals["obliques"][0] += right(got["obliques"].get(c), head)
                totals["obliques"][1] += 1
            totals["extra_obliques"] += sum(1 for c in got["obliques"] if c not in role["obliques"])
            rows.append((case["text"], role["pred"], role, got))
    return totals, rows


def _cell(got: dict, gold: dict) -> str:
    parts = []
    for slot in ("subject", "object"):
        mark = "" if right(got[slot], gold.get(slot)) else "✗"
        parts.append(f"{got[slot] or '—'}{mark}")
    obl = []
    for c, head in gold["obliques"].items():
        mark = "" if right(got["obliques"].get(c), head) else "✗"
        obl.append(f"{c}:{got['obliques'].get(c) or '—'}{mark}")
    return " / ".join(parts + ([", ".join(obl)] if obl else []))


def corpus_agreement(folder: Path, limit: int, sample: int, seed: int = 0) -> None:
    """How often the two agree on the subject and the object of the verbal predicates in
    the body sentences of a corpus folder (no gold: for reading where they differ), and a
    random sample of their disagreements to judge by hand."""
    import random

    from pipeline.corpus import list_article_files, read_article
    from pipeline.nlp import blank_japanese
    from pipeline.parser.component import parse_many
    from pipeline.text import prepare

    nlp = blank_japanese()
    files = list_article_files(folder)[: limit or None]
    counts = {"predicates": 0, "subject agree": 0, "object agree": 0}
    differ: list[tuple[str, str, str, str, str]] = []
    for path in files:
        document = prepare(read_article(path, folder).body)
        texts = [document.text[s.start : s.end] for s in document.sentences if s.kind == "body"]
        docs = [nlp.make_doc(t) for t in texts]
        parsed = parse_many([(d, [(0, len(t))]) for d, t in zip(docs, texts, strict=True)])
        for text, doc, sents in zip(texts, docs, parsed, strict=True):
            if not sents:
                continue
            walk = heuristic_walk(text, nlp)
            for p in sents[0].predicates():
                if p.kind not in ("verb", "sahen"):
                    continue
                at = doc[p.i].idx
                h = next((v for k, v in walk.items() if k <= at < v["end"]), None)
                if h is None:
                    continue
                counts["predicates"] += 1
                for slot, arg in (("subject", p.subject), ("object", p.object)):
                    span = h[f"{slot}_span"]
                    head = doc[arg.i].idx if arg is not None else None
                    if (head is None and span is None) or (head is not None and span is not None and span[0] <= head < span[1]):
                        counts[f"{slot} agree"] += 1
                    else:
                        differ.append((text, p.text, slot, arg.text if arg is not None else "—", h[slot] or "—"))
    n = counts["predicates"]
    print(f"{len(files)} articles, {n} verbal predicates seen by both")
    for slot in ("subject", "object"):
        print(f"{slot}: same phrase {counts[slot + ' agree']} ({counts[slot + ' agree'] / max(n, 1):.0%})")
    for text, pred, slot, parser_says, heuristics_say in random.Random(seed).sample(differ, min(sample, len(differ))):
        print(f"\n{text}\n  {pred} {slot}: parser {parser_says} | heuristics {heuristics_say}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", type=Path, nargs="?", default=DEFAULT_CASES)
    ap.add_argument("--corpus", type=Path, default=None, help="instead: agreement on a corpus folder (no gold)")
    ap.add_argument("--limit", type=int, default=100, help="articles of --corpus")
    ap.add_argument("--sample", type=int, default=40, help="disagreements of --corpus printed")
    args = ap.parse_args(argv)
    if args.corpus is not None:
        corpus_agreement(args.corpus, args.limit, args.sample)
        return 0
    cases = load_cases(args.cases)
    results = {"heuristics": score(cases, heuristic_roles), "parser": score(cases, parser_roles)}
    print("| sentence | predicate | gold subject / object / obliques | heuristics | parser |")
    print("|---|---|---|---|---|")
    for (text, pred, gold, h), (_, _, _, p) in zip(results["heuristics"][1], results["parser"][1], strict=True):
        gold_cell = " / ".join([gold.get("subject") or "—", gold.get("object") or "—"] + ([", ".join(f"{c}:{v}" for c, v in gold["obliques"].items())] if gold["obliques"] else []))
        print(f"| {text} | {pred} | {gold_cell} | {_cell(h, gold)} | {_cell(p, gold)} |")
    print()
    print("| system | subject | object | obliques (recall) | obliques found that the gold does not list |")
    print("|---|---|---|---|---|")
    for name, (totals, _) in results.items():
        cells = [f"{totals[s][0]}/{totals[s][1]} ({totals[s][0] / max(totals[s][1], 1):.0%})" for s in SLOTS]
        print(f"| {name} | {' | '.join(cells)} | {totals['extra_obliques']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
