"""The `dekigoto` command: a thin shell over the library (parse, call, report)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

app = typer.Typer(
    help="dekigoto (出来事): who did what to whom, when — event tables from Japanese and English news.",
    no_args_is_help=True,
    add_completion=False,
)
actors_app = typer.Typer(help="Work with the actor knowledge base and the corpus overlay.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    corpus: Path = typer.Argument(Path("corpus"), help="Corpus folder (articles with front matter)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder for the tables."),
    fmt: str = typer.Option("csv", "--format", help="csv or parquet."),
    full: bool = typer.Option(False, "--full", help="Re-analyse every article, ignoring the cache."),
    tokens: bool = typer.Option(False, "--tokens", help="Also write tokens.csv."),
    workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0: one per core)."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask (a Dask cluster)."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask)."),
    parquet_above: int = typer.Option(None, "--parquet-above", help="Also write tables with more rows than this as partitioned Parquet."),
    timeout: float = typer.Option(300.0, "--timeout", help="Seconds one article may take before it is recorded as an error (0: no limit)."),
    ner: bool = typer.Option(True, "--ner/--no-ner", help="Use the trained Japanese NER beside the knowledge base and rules."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    excel_csv: bool = typer.Option(False, "--excel-csv", help="Also write Excel-safe copies of the CSVs in <out>/excel/ (BOM, formulas neutralised)."),
) -> None:
    """Extract CORPUS into tables in --out (incremental: unchanged articles are not re-analysed)."""
    _extract(
        corpus, out, fmt=fmt, full=full, tokens=tokens, workers=workers, engine=engine, scheduler=scheduler,
        parquet_above=parquet_above, timeout=timeout, ner=ner, quiet=quiet, excel_csv=excel_csv,
    )


def _extract(
    corpus: Path, out: Path, *, fmt: str, full: bool, tokens: bool, workers: int, engine: str,
    scheduler: str | None, parquet_above: int | None, timeout: float, ner: bool, quiet: bool, excel_csv: bool,
) -> None:
    """The extract command's work: the options to the library call, the summary out.
    (Apart from the declarations typer's decorator owns, so that `make mutate`, which
    leaves decorated functions alone, reaches the option plumbing.)"""
    from pipeline.export import ExportError, export
    from pipeline.extract import ExtractError
    from pipeline.extract import extract as run

    try:
        summary = run(
            corpus, out, fmt=fmt, full=full, with_tokens=tokens, workers=workers or None,
            progress=False if quiet else None, engine=engine, scheduler=scheduler, parquet_above=parquet_above,
            timeout=timeout or None, ner=ner,
        )
    except ExtractError as exc:
        _fail(str(exc))
    except OSError as exc:  # e.g. the disk filled up while writing: the previous tables are kept
        _fail(f"{out}: {exc.strerror or exc}{f' ({exc.filename})' if exc.filename else ''}")
    state = "nothing changed" if summary.unchanged else f"{summary.analysed} analysed, {summary.cached} from cache"
    typer.echo(
        f"{summary.articles} articles ({state}) -> {out}/\n"
        f"  sentences {summary.sentences}  mentions {summary.mentions}  actors {summary.actors}  "
        f"dates {summary.dates}  events {summary.events}\n"
        f"  errors {len(summary.errors)}  time {summary.seconds:.2f}s"
    )
    for path, reason in summary.errors:
        typer.echo(f"  error: {path}: {reason}", err=True)
    if excel_csv:
        try:
            typer.echo(f"  Excel-safe CSV -> {export(out, ['excel-csv'])[0]}/")
        except ExportError as exc:
            _fail(str(exc))
    if summary.errors:
        raise typer.Exit(1)


@app.command()
def report(
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder holding the tables; report.html is written there."),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Corpus folder, for links to articles that have no URL."),
    html: Path = typer.Option(None, "--html", help="Write the page here instead of <out>/report.html."),
) -> None:
    """Write <out>/report.html: timeline, actor network, top dyads and actors, and the events table, in one offline page."""
    from pipeline.report import ReportError, write_report

    try:
        path = write_report(out, html, corpus_dir=corpus if corpus.is_dir() else None)
    except (ReportError, OSError) as exc:
        _fail(str(exc))
    typer.echo(f"report -> {path} ({path.stat().st_size / 1e6:.1f} MB)")


@app.command()
def export(
    formats: list[str] = typer.Option(..., "--format", "-f", help="xlsx, sqlite, gdelt, excel-csv or datapackage (repeat for several)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder holding the tables; the exports are written there."),
) -> None:
    """Export the tables for other tools: Excel workbook, SQLite database, GDELT 2.0 TSV, Excel-safe CSV, datapackage.json."""
    from pipeline.export import ExportError
    from pipeline.export import export as run

    try:
        paths = run(out, formats)
    except (ExportError, OSError) as exc:
        _fail(str(exc))
    for fmt, path in zip(formats, paths, strict=True):
        typer.echo(f"{fmt} -> {path}")


@app.command()
def add(
    files: list[Path] = typer.Argument(..., help=".txt or .md files to import."),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Corpus folder."),
    title: str = typer.Option(None, "--title"),
    published: str = typer.Option(None, "--published", help="YYYY, YYYY-MM or YYYY-MM-DD."),
    lang: str = typer.Option(None, "--lang", help="ja or en (detected when absent)."),
    source: str = typer.Option(None, "--source"),
    author: str = typer.Option(None, "--author"),
    url: str = typer.Option(None, "--url"),
) -> None:
    """Import FILES into the corpus as UTF-8 with front matter (any Japanese encoding)."""
    from pipeline.corpus import ArticleError, add_file

    meta = {"title": title, "published": published, "lang": lang, "source": source, "author": author, "url": url}
    failed = 0
    for src in files:
        try:
            dest = add_file(src, corpus, meta)
        except (ArticleError, OSError) as exc:
            typer.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        typer.echo(f"added {src} -> {dest}")
    if failed:
        raise typer.Exit(1)


@app.command()
def analyze(
    file: str = typer.Argument("-", help="A text file, or - for standard input."),
    published: str = typer.Option(None, "--published", help="Publication date anchoring relative dates."),
    lang: str = typer.Option(None, "--lang", help="ja or en (detected when absent)."),
    as_json: bool = typer.Option(True, "--json/--text", help="Print JSON (default) or a short listing."),
) -> None:
    """Analyse one text and print its sentences, mentions, dates and events."""
    from dataclasses import asdict

    from pipeline.api import analyze as run
    from pipeline.corpus import ArticleError, decode_utf8, split_front_matter

    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        text = decode_utf8(data, file)
        meta, body = split_front_matter(text, file)
        result = run(body, lang=lang or meta.get("lang"), published=published or (str(meta["published"]) if meta.get("published") else None))
    except (ArticleError, OSError, ValueError) as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2))
        return
    for ev in result.events:
        typer.echo(f"{ev['date']:<10} {ev['source_actor_id']:<22} {ev['event_code']:<5} {ev['target_actor_id']:<22} {ev['event_label']}")


@app.command()
def schema(markdown: bool = typer.Option(False, "--markdown", help="Print docs/tables.md.")) -> None:
    """Print the columns of every table, with their meanings."""
    from pipeline.tables import TABLES, schema_markdown

    if markdown:
        typer.echo(schema_markdown())
        return
    for name, cols in TABLES.items():
        typer.echo(f"{name}.csv")
        for c in cols:
            typer.echo(f"  {c.name:<18} {c.dtype:<6} {c.doc}")


@app.command("eval")
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Gold annotation files (YAML)."),
    tables: Path = typer.Option(None, "--tables", help="Score these tables instead of running the pipeline."),
    corpus: Path = typer.Option(None, "--corpus", help="Corpus holding the gold articles (default: run on the gold's own article copies)."),
    json_out: Path = typer.Option(None, "--json", help="Also write the figures as JSON to this file."),
    show: str = typer.Option("", "--show", help="'errors' lists every false positive and miss."),
) -> None:
    """Score tables against gold annotations: actors, dates, events (P/R/F1)."""
    from pipeline.evaluate import format_report, load_gold, load_tables, score
    from pipeline.evaluate_run import tables_for_gold

    try:
        golds = [load_gold(p) for p in gold]
        if tables:
            report = score(golds, load_tables(tables))
        else:
            with tables_for_gold(gold, corpus) as table_dir:
                report = score(golds, load_tables(table_dir))
    except (OSError, ValueError) as exc:
        _fail(str(exc))
    typer.echo(format_report(report, show_errors=(show == "errors")))
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")


@actors_app.command("check")
def actors_check(
    overlay: Path = typer.Argument(None, help="Overlay file to validate (default: corpus/actors.yaml when present)."),
) -> None:
    """Validate the packaged knowledge base (office holders, roles, name tables) and an actor
    overlay: YAML errors and limits, unknown keys, wrong types, duplicate ids, aliases on two
    actors, bad country codes (FILE:LINE: messages)."""
    from pipeline.actors import check_overlay
    from pipeline.actors.kb import check_kb_data

    problems = check_kb_data()
    if overlay is not None and not overlay.exists():
        _fail(f"{overlay}: file not found")
    overlay = overlay or (Path("corpus/actors.yaml") if Path("corpus/actors.yaml").exists() else None)
    if overlay is not None:
        problems += check_overlay(overlay)
    for p in problems:
        typer.echo(f"error: {p}", err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"knowledge base: ok{f'; {overlay}: ok' if overlay else ''}")
