"""Hostile corpora through the whole `extract`: random bytes, random and malicious
YAML, deep nesting, odd encodings, odd and undecodable file names, links out of the
corpus. Nothing may crash; every article file has its row in articles.csv; every
table reads back with pandas; ids stay unique."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.corpus import is_article_name
from pipeline.extract import extract
from pipeline.tables import CORE_TABLES, columns

HOSTILE_YAML = [
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ntitle: *f",
    "title: " + "[" * 2000,
    "title: " + "{a: " * 500 + "1" + "}" * 500,
    "title: !!python/object/apply:os.system ['echo hi']",
    "title: 1" + "0" * 6000,
    "published: 2026-02-30",
    "published: [2026]",
    "id: [a, b]",
    "id: dup",
    "lang: no",
    "lang: fr",
    "a: &x [*x]",
    "? [a, b]\n: c",
    "title: '=HYPERLINK(\"http://x\")'",
    "\t- bad indent",
    "title: x\ntitle: y",
    "!!binary AAAA",
]
TEXT = st.text(
    alphabet=st.sampled_from(list("ロシアは3月、米国がベラルーシへの制裁を解除した。Russia cut oil 0=+-@\n\r\t\x00\x0b\u2028\ufeff・「」")),
    max_size=120,
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "shift_jis", "euc_jp", "latin-1"]


@st.composite
def file_content(draw) -> bytes:
    kind = draw(st.sampled_from(["bytes", "yaml", "text", "front_matter_text"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    body = draw(TEXT)
    if kind == "yaml":
        text = f"---\n{draw(st.sampled_from(HOSTILE_YAML))}\n---\n{body}"
    elif kind == "front_matter_text":
        text = f"---\n{draw(TEXT)}\n---\n{body}"
    else:
        text = body
    return text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


NAMES = st.one_of(
    st.sampled_from(["a.md", "b.txt", "README.md", "_draft.md", ".hidden.md", "sub/c.md", "sub/_x/d.md",
                     "x.MD", "notes.pdf", "名前 と 空白.md", "line\nbreak.md", "-dash.txt", "=cmd.md", "deep/" * 30 + "e.md"]),
    st.text(alphabet=st.sampled_from(list("abcあ漢 -_.=@+")), min_size=1, max_size=8).map(lambda s: s + ".md"),
)


@st.composite
def corpus_files(draw) -> list[tuple[str, str, bytes]]:
    """(kind, name, content): kind 'file', 'link' (to a file outside the corpus) or
    'badname' (a name that is not valid UTF-8)."""
    names = draw(st.lists(NAMES, min_size=1, max_size=5, unique_by=lambda n: n.lower()))
    out = []
    for name in names:
        kind = draw(st.sampled_from(["file"] * 6 + ["link", "badname"]))
        out.append((kind, name, draw(file_content())))
    return out


def _write(corpus: Path, outside: Path, files) -> set[str]:
    """Write the files; the paths extract must account for."""
    expected = set()
    for i, (kind, name, data) in enumerate(files):
        path = corpus / name
        if name.endswith("/") or any(part in ("", ".", "..") for part in name.split("/")):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "badname":
            raw = os.fsencode(path.parent) + b"/caf\xe9" + str(i).encode() + b".md"
            with open(raw, "wb") as fh:
                fh.write(data)
            shown = (path.parent.relative_to(corpus) / f"caf\\xe9{i}.md").as_posix()
            if is_article_name(shown):
                expected.add(shown)
            continue
        if kind == "link":
            target = outside / f"target{i}.md"
            target.write_bytes(data)
            path.symlink_to(target)
        else:
            path.write_bytes(data)
        if is_article_name(path.relative_to(corpus).as_posix()):
            expected.add(path.relative_to(corpus).as_posix())
    return expected


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=corpus_files())
def test_hostile_corpora_never_crash_and_every_file_is_accounted_for(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("fuzz")
    corpus, outside, out = root / "corpus", root / "outside", root / "out"
    corpus.mkdir()
    outside.mkdir()
    expected = _write(corpus, outside, files)
    summary = extract(corpus, out, workers=1, timeout=60)
    articles = pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)
    assert set(articles.path) == expected
    assert summary.articles == len(expected)
    assert articles.article_id.is_unique
    assert all("Traceback" not in e for e in articles.error)
    for name in CORE_TABLES:
        table = pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)
        assert list(table.columns) == columns(name)
    for name, key in (("events", "event_id"), ("mentions", "mention_id"), ("dates", "date_id")):
        assert pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)[key].is_unique
