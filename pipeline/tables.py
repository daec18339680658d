"""Output tables: every column declared once, with its meaning, and the writers.

`dekigoto schema` and docs/tables.md are generated from TABLES, so the
documentation cannot drift from what is written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipeline import atomic


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # str | int | float | bool
    doc: str


def _cols(*spec: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*s) for s in spec)


TABLES: dict[str, tuple[Column, ...]] = {
    "articles": _cols(
        ("article_id", "str", "Stable id: the `id` front-matter field, else the path under the corpus folder without its suffix."),
        ("path", "str", "File path relative to the corpus folder."),
        ("title", "str", "Front-matter title."),
        ("published", "str", "Publication date as given: YYYY, YYYY-MM or YYYY-MM-DD."),
        ("lang", "str", "Language: ja or en (front matter, else detected)."),
        ("source", "str", "Publication or outlet."),
        ("author", "str", "Author."),
        ("url", "str", "Original URL."),
        ("n_chars", "int", "Characters in the body."),
        ("n_sentences", "int", "Sentences found (body, captions and headings)."),
        ("status", "str", "ok, or error when the article could not be read or analysed."),
        ("error", "str", "Why the article failed (empty when status is ok)."),
    ),
    "sentences": _cols(
        ("article_id", "str", "Article the sentence belongs to."),
        ("sentence_id", "int", "Sentence number within the article, from 0, in reading order."),
        ("start", "int", "Start offset (characters) in the article body as stored in the corpus file."),
        ("end", "int", "End offset (exclusive) in the body. The slice body[start:end] is the sentence once layout breaks repaired inside it are removed."),
        ("kind", "str", "body, caption (picture caption) or heading (title, byline, section heading)."),
        ("text", "str", "The sentence as written in the body, with layout breaks removed."),
    ),
    "mentions": _cols(
        ("mention_id", "str", "Stable id: <article_id>:m<n>."),
        ("article_id", "str", "Article."),
        ("sentence_id", "int", "Sentence containing the mention."),
        ("start", "int", "Start offset in the body."),
        ("end", "int", "End offset (exclusive) in the body."),
        ("text", "str", "The mention as written."),
        ("label", "str", "PERSON, STATE, ORG, IGO, GROUP or PLACE."),
        ("actor_id", "str", "The actor the mention refers to (actors.csv)."),
        ("link_method", "str", "Which reading won: kb (knowledge-base alias), fuzzy (spelling variant), new (unknown name, new actor), anaphora (同氏, 同国, 両国 ...), abbreviation (a state's one-character abbreviation in a compound, the letter alone: 日米, 対|米, 訪|中), model (the statistical NER's name, also where it is longer than the KB or rule mentions inside it: 日本銀行 around 日本), qualifier (a state named inside a composed group of people or outlets, a row beside the group's: 韓国 in 韓国人, 豪 in 豪紙; no event argument), medium (a platform named as where or how something was said: ツイッターで明かした, Twitter上では; no event argument)."),
        ("confidence", "float", "0-1: how sure the link is."),
    ),
    "actors": _cols(
        ("actor_id", "str", "Stable actor id, the same across articles and languages (BLR, BLR_GOV, IGO_UN, PER_...)."),
        ("type", "str", "STATE, PERSON, IGO, ORG, REGION, GOVERNMENT (a state's sector actor), GROUP or PLACE."),
        ("name_en", "str", "English name."),
        ("name_ja", "str", "Japanese name."),
        ("country", "str", "ISO 3166-1 alpha-3 code (CAMEO code for historical states, e.g. USR); empty for IGOs and regions."),
        ("sector", "str", "CAMEO sector code (GOV, MIL, OPP, JUD, LEG, MED, BUS, ...) for sector actors."),
        ("in_kb", "bool", "True when the actor is in the knowledge base; False for names found in text only."),
        ("aliases", "str", "Known names, ';'-separated."),
        ("n_mentions", "int", "Mentions in the corpus."),
        ("n_articles", "int", "Articles mentioning the actor."),
        ("first_seen", "str", "Earliest publication date of an article mentioning the actor."),
        ("last_seen", "str", "Latest publication date of an article mentioning the actor."),
    ),
    "dates": _cols(
        ("date_id", "str", "Stable id: <article_id>:d<n>."),
        ("article_id", "str", "Article."),
        ("sentence_id", "int", "Sentence containing the expression."),
        ("start", "int", "Start offset in the body."),
        ("end", "int", "End offset (exclusive) in the body."),
        ("text", "str", "The expression as written."),
        ("type", "str", "DATE, TIME, DURATION or SET (TIMEX3 types)."),
        ("value", "str", "Normalised value: ISO 8601 / TIMEX3 (2020, 2020-04, 2025-12-05, P20Y, XXXX-12 when nothing anchors it)."),
        ("mod", "str", "START, MID, END or APPROX (上旬/中旬/下旬/末/ごろ ...), else empty."),
        ("range_start", "str", "First calendar day the value covers (YYYY-MM-DD)."),
        ("range_end", "str", "Last calendar day the value covers (YYYY-MM-DD)."),
        ("anchor", "str", "How the value was resolved: absolute, publication or discourse."),
        ("confidence", "float", "0-1."),
    ),
    "events": _cols(
        ("event_id", "str", "Stable id: <article_id>:e<n>."),
        ("article_id", "str", "Article."),
        ("date", "str", "When it happened: ISO value at the precision the text gives (2020, 2020-03, 2025-12-05)."),
        ("date_precision", "str", "year, month or day."),
        ("date_source", "str", "clause (a date, or a time with its day, governs the clause), discourse (carried from earlier text), present (a state holding as the article is written: the article's date, read from the tense) or publication (fallback: the article's date)."),
        ("source_actor_id", "str", "Who did it (actors.csv)."),
        ("source_name_en", "str", "Source actor, English name."),
        ("source_name_ja", "str", "Source actor, Japanese name."),
        ("source_country", "str", "Source actor's country code."),
        ("event_code", "str", "CAMEO event code, zero-padded text (0841)."),
        ("event_root_code", "str", "CAMEO root code, two digits (08)."),
        ("event_label", "str", "CAMEO description of the code."),
        ("quad_class", "int", "CAMEO QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."),
        ("goldstein", "float", "Goldstein scale score of the code (-10 to +10)."),
        ("target_actor_id", "str", "To whom (actors.csv); empty when the text names no target."),
        ("target_name_en", "str", "Target actor, English name."),
        ("target_name_ja", "str", "Target actor, Japanese name."),
        ("target_country", "str", "Target actor's country code."),
        ("polarity", "str", "affirmed, or negated (ない, ず, なかった)."),
        ("modality", "str", "asserted, intended (方針, 予定, 考え), considered (検討), demanded (the act asked for by 求める), hypothetical (もし, ～ば), reported (～とされる, ～という)."),
        ("n_mentions", "int", "Mentions of this event in the article (event_mentions.csv)."),
        ("is_caption", "bool", "True when the event is seen only in captions or headings."),
        ("confidence", "float", "0-1, from how the roles were found (explicit case marking > discourse > guess)."),
        ("evidence", "str", "The sentence of the first mention."),
        ("location_actor_id", "str", "Where it happened, when the clause says (ミンスクで, において)."),
        ("location_name_en", "str", "Location, English name."),
        ("location_country", "str", "Location's country code."),
        ("symmetric", "bool", "True for joint acts (会談, 締結 with と/両国): coded once, source and target interchangeable."),
    ),
    "event_mentions": _cols(
        ("event_id", "str", "Event (events.csv)."),
        ("article_id", "str", "Article."),
        ("sentence_id", "int", "Sentence of the mention."),
        ("start", "int", "Trigger start offset in the body."),
        ("end", "int", "Trigger end offset (exclusive) in the body."),
        ("trigger", "str", "The trigger word as written (制裁を解除, 訪れる ...)."),
        ("sentence_text", "str", "The sentence, as in sentences.csv."),
    ),
    "tokens": _cols(
        ("article_id", "str", "Article."),
        ("sentence_id", "int", "Sentence."),
        ("token_id", "int", "Token number within the sentence, from 0."),
        ("start", "int", "Start offset in the body."),
        ("end", "int", "End offset (exclusive) in the body."),
        ("surface", "str", "Token as written."),
        ("lemma", "str", "UniDic lemma (為る for し)."),
        ("pos", "str", "Coarse part of speech (Universal POS)."),
        ("pos_detail", "str", "UniDic part of speech, all levels (名詞-固有名詞-人名-姓)."),
        ("reading", "str", "Katakana reading."),
        ("is_unknown", "bool", "True when the word is not in UniDic."),
    ),
}

# Tables always written; `tokens` only on request.
CORE_TABLES = ("articles", "sentences", "mentions", "actors", "dates", "events", "event_mentions")


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


@dataclass(frozen=True)
class Keys:
    """How a table's rows are identified and joined: read by the SQLite export and
    datapackage.json. `indexed` names the other columns people filter on (dates, codes)."""

    primary: tuple[str, ...]
    foreign: tuple[ForeignKey, ...] = ()
    indexed: tuple[str, ...] = ()


def _in_article(*more: ForeignKey) -> tuple[ForeignKey, ...]:
    return (ForeignKey(("article_id",), "articles", ("article_id",)), *more)


_IN_SENTENCE = ForeignKey(("article_id", "sentence_id"), "sentences", ("article_id", "sentence_id"))

KEYS: dict[str, Keys] = {
    "articles": Keys(("article_id",), indexed=("published", "lang")),
    "sentences": Keys(("article_id", "sentence_id"), _in_article()),
    "mentions": Keys(
        ("mention_id",),
        _in_article(_IN_SENTENCE, ForeignKey(("actor_id",), "actors", ("actor_id",))),
        indexed=("label",),
    ),
    "actors": Keys(("actor_id",), indexed=("country", "type")),
    "dates": Keys(("date_id",), _in_article(_IN_SENTENCE), indexed=("value",)),
    "events": Keys(
        ("event_id",),
        _in_article(*(ForeignKey((f"{role}_actor_id",), "actors", ("actor_id",)) for role in ("source", "target", "location"))),
        indexed=("date", "event_code", "event_root_code", "quad_class", "source_country", "target_country"),
    ),
    "event_mentions": Keys(
        ("event_id", "sentence_id", "start"),
        (ForeignKey(("event_id",), "events", ("event_id",)), *_in_article(_IN_SENTENCE)),
    ),
    "tokens": Keys(("article_id", "sentence_id", "token_id"), _in_article(_IN_SENTENCE)),
}


def columns(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


def schema_markdown() -> str:
    """The column documentation, as Markdown (docs/tables.md is this text)."""
    lines = [
        "# Output tables",
        "",
        "Generated by `dekigoto schema --markdown` from `pipeline/tables.py`; do not edit by hand.",
        "",
        "All tables are UTF-8 CSV with a header row. Offsets are character offsets into the article",
        "body as stored in the corpus file (after the front matter). Rows are sorted by article_id",
        "and position, so the same corpus always gives the same bytes.",
        "",
    ]
    for name, cols in TABLES.items():
        lines += [f"## {name}.csv", "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.dtype} | {c.doc} |" for c in cols]
        lines.append("")
    return "\n".join(lines)


def frame(table: str, rows: list[dict]):
    """A DataFrame with the table's columns in order, typed as declared."""
    import pandas as pd

    cols = TABLES[table]
    df = pd.DataFrame(rows, columns=[c.name for c in cols])
    for c in cols:
        if c.dtype == "int":
            df[c.name] = df[c.name].astype("int64")
        elif c.dtype == "float":
            df[c.name] = df[c.name].astype("float64").round(4)
        elif c.dtype == "bool":
            df[c.name] = df[c.name].astype(bool)
        else:
            df[c.name] = df[c.name].fillna("").astype(str)
    return df


class TableWriter:
    """Append rows to one table in a temporary file; `commit` renames it into place.

    Rows are buffered and written `buffer_rows` at a time: building a typed
    DataFrame costs about the same for 10 rows as for 10,000, so writing each
    article's few rows on their own made the table pass the slowest serial step
    of an extraction. The buffer is bounded, so memory stays flat. CSV chunks are
    written with the same formatting, so the bytes do not depend on the chunking.
    """

    def __init__(self, out_dir: Path, table: str, fmt: str = "csv", buffer_rows: int = 5_000):
        self.table = table
        self.fmt = fmt
        self.buffer_rows = buffer_rows
        self._buffer: list[dict] = []
        self.path = out_dir / f"{table}.{'parquet' if fmt == 'parquet' else 'csv'}"
        self.tmp = str(atomic.create_temp_file(self.path))
        self._parquet = None
        self._fh = None
        if fmt == "parquet":
            import pyarrow.parquet as pq

            self._parquet = pq.ParquetWriter(self.tmp, arrow_schema(table))
        else:
            self._fh = open(self.tmp, "w", encoding="utf-8", newline="")
            try:
                frame(table, []).to_csv(self._fh, index=False, lineterminator="\n")
            except BaseException:
                self.discard()
                raise

    def append(self, rows: list[dict]) -> None:
        self._buffer.extend(rows)
        if len(self._buffer) >= self.buffer_rows:
            self.flush()

    def flush(self) -> None:
        rows, self._buffer = self._buffer, []
        if not rows:
            return
        df = frame(self.table, rows)
        if self._parquet is not None:
            import pyarrow as pa

            self._parquet.write_table(pa.Table.from_pandas(df, schema=self._parquet.schema, preserve_index=False))
        else:
            df.to_csv(self._fh, index=False, header=False, lineterminator="\n")

    def close(self) -> None:
        self.flush()
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
        elif self._fh is not None and not self._fh.closed:
            self._fh.close()

    def commit(self) -> None:
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        """Close and remove the temporary file if it was not committed."""
        if self._fh is not None and not self._fh.closed:
            self._fh.close()
        if os.path.exists(self.tmp):
            os.unlink(self.tmp)


def arrow_schema(table: str):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c.name, types[c.dtype]) for c in TABLES[table]])


def write_partitioned_parquet(out_dir: Path, tables, rows_per_part: int) -> list[str]:
    """Also write each CSV table with more than `rows_per_part` rows as a
    partitioned Parquet dataset `<table>.parquet/part-NNNNN.parquet`, streamed
    in chunks (memory stays flat) and swapped in atomically. Returns the tables written."""
    import itertools
    import shutil

    import pandas as pd

    written = []
    for table in tables:
        dest = out_dir / f"{table}.parquet"
        chunks = pd.read_csv(out_dir / f"{table}.csv", dtype=str, keep_default_na=False, chunksize=max(1, rows_per_part))
        head = list(itertools.islice(chunks, 2))
        if len(head) < 2:  # small table: CSV only
            if dest.is_dir():
                shutil.rmtree(dest)
            continue
        tmp = atomic.create_temp_dir(dest)
        try:
            for i, chunk in enumerate(itertools.chain(head, chunks)):
                typed_from_text(table, chunk).to_parquet(tmp / f"part-{i:05d}.parquet", index=False, schema=arrow_schema(table))
            if dest.is_dir():
                shutil.rmtree(dest)
            os.replace(tmp, dest)
            written.append(table)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp)
    return written


def typed_from_text(table: str, chunk):
    """A chunk read back from CSV as text, with the declared column types."""
    for c in TABLES[table]:
        if c.dtype == "int":
            chunk[c.name] = chunk[c.name].astype("int64")
        elif c.dtype == "float":
            chunk[c.name] = chunk[c.name].astype("float64")
        elif c.dtype == "bool":
            chunk[c.name] = chunk[c.name].eq("True")
    return chunk
