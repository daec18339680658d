"""Articles on disk: front matter, validation, listing, and importing new files.

One article per file under the corpus folder (.md or .txt), UTF-8, with YAML
front matter between two `---` lines. Offsets in every table are into the
body: the text after the closing `---` line.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from pipeline import safeyaml

ARTICLE_SUFFIXES = (".md", ".txt")
KNOWN_FIELDS = ("id", "title", "published", "lang", "source", "author", "url")
LANGS = ("ja", "en")
PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SKIPPED_NAMES = {"README.md", "readme.md"}
MAX_FRONT_MATTER_CHARS = 64 * 1024
# spaCy's own default limit; longer texts cost memory out of proportion
MAX_ARTICLE_CHARS = 1_000_000
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")



class ArticleError(ValueError):
    """An article that cannot be read; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass
class Article:
    article_id: str
    path: str  # relative to the corpus folder
    body: str
    title: str = ""
    published: str = ""
    lang: str = ""
    source: str = ""
    author: str = ""
    url: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def metadata(self) -> dict:
        return {k: getattr(self, k) for k in ("title", "published", "lang", "source", "author", "url")}


def validate_published(value, path) -> str:
    """A publication date: YYYY, YYYY-MM or YYYY-MM-DD, and a real one."""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = PUBLISHED.match(text)
    if not m:
        raise ArticleError(path, f"invalid published date {text!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError as exc:
        raise ArticleError(path, f"invalid published date {text!r}: {exc}") from None
    return text


def split_front_matter(text: str, path) -> tuple[dict, str]:
    """(front matter, body). A file without front matter has an empty one."""
    if not text.startswith("---"):
        return {}, text
    first_nl = text.find("\n")
    if text[:first_nl].strip() != "---":
        return {}, text
    m = re.search(r"^---[ \t]*\r?$\n?", text[first_nl + 1 :], flags=re.M)
    if not m:
        raise ArticleError(path, "front matter has no closing '---' line")
    raw = text[first_nl + 1 : first_nl + 1 + m.start()]
    body = text[first_nl + 1 + m.end() :]
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise ArticleError(path, f"front matter is larger than {MAX_FRONT_MATTER_CHARS // 1024} KiB")
    try:
        meta = safeyaml.load(raw) or {}
    except safeyaml.YamlError as exc:
        where = f"line {exc.line + 1}: " if exc.line else ""  # the front matter starts on the file's line 2
        raise ArticleError(path, f"bad front matter: {where}{exc.reason}") from None
    if not isinstance(meta, dict):
        raise ArticleError(path, "bad front matter: expected 'key: value' lines")
    return meta, body


def decode_utf8(data: bytes, path) -> str:
    """Corpus files are UTF-8 (a BOM is tolerated), or UTF-16 with its BOM, which says
    what it is; `dekigoto add` converts others. A NUL anywhere makes a binary file."""
    encoding = "utf-16" if data.startswith(UTF16_BOMS) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-16":
            raise ArticleError(path, f"not valid UTF-16 (byte {exc.start}), though it starts with a UTF-16 BOM") from None
        if b"\x00" in data:
            raise ArticleError(path, "binary file (contains NUL bytes), not a text article") from None
        raise ArticleError(
            path, f"not valid UTF-8 (byte {exc.start}); import it with 'dekigoto add' to convert"
        ) from None
    if "\x00" in text:
        raise ArticleError(path, "binary file (contains NUL bytes), not a text article")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_id_for(rel_path: str) -> str:
    """Default id: the relative path without its suffix, with '/' kept."""
    return str(Path(rel_path).with_suffix("")).replace("\\", "/")


def parse_article(data: bytes, rel_path: str) -> Article:
    """An Article from a file's bytes; raises ArticleError with the reason."""
    text = decode_utf8(data, rel_path)
    meta, body = split_front_matter(text, rel_path)
    if not body.strip():
        raise ArticleError(rel_path, "empty body")
    if len(body) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            rel_path,
            f"the body has {len(body):,} characters; the limit is {MAX_ARTICLE_CHARS:,} characters "
            "per article: split it into several files",
        )
    published = meta.get("published")
    published = validate_published(published, rel_path) if published not in (None, "") else ""
    lang = str(meta.get("lang") or "").strip().lower()
    if lang and lang not in LANGS:
        raise ArticleError(rel_path, f"unsupported lang {lang!r}: use one of {', '.join(LANGS)}")
    if not lang:
        from pipeline.language import detect_language

        lang = detect_language(body)
    article_id = str(meta.get("id") or article_id_for(rel_path)).strip()
    return Article(
        article_id=article_id,
        path=rel_path,
        body=body,
        title=_text(meta.get("title")),
        published=published,
        lang=lang,
        source=_text(meta.get("source")),
        author=_text(meta.get("author")),
        url=_text(meta.get("url")),
        extra={k: v for k, v in meta.items() if k not in KNOWN_FIELDS},
    )


def _text(value) -> str:
    """A front-matter value as table text: a carriage return (written in YAML as \\r)
    becomes a line feed, as in the body, so no CSV reader splits the row at it."""
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def read_article(path: Path, corpus_dir: Path | None = None) -> Article:
    rel = path.relative_to(corpus_dir).as_posix() if corpus_dir else path.name
    return parse_article(path.read_bytes(), rel)


@dataclass(frozen=True)
class CorpusFile:
    """An article file found in the corpus folder. `source` is the file to read (a
    symbolic link resolved); `refused` says why it is not read (a link out of the corpus)."""

    rel: str  # path under the corpus folder, '/'-separated
    path: Path  # as found (a link stays a link)
    source: Path
    refused: str = ""

    def read(self) -> bytes:
        """The file's bytes; ArticleError when refused, OSError when unreadable."""
        if self.refused:
            raise ArticleError(self.rel, self.refused)
        return self.source.read_bytes()


def is_article_name(rel: str) -> bool:
    """Whether extract reads a file of this path (relative to the corpus folder)."""
    parts = rel.split("/")
    return (
        Path(rel).suffix.lower() in ARTICLE_SUFFIXES
        and parts[-1] not in SKIPPED_NAMES
        and not any(part.startswith((".", "_")) for part in parts)
    )


def scan_corpus(corpus_dir: Path) -> list[CorpusFile]:
    """The article files under the corpus folder, subfolders included, in a stable order.

    Walks with an explicit stack (no recursion limit on deep folders). A symbolic link
    to a file is read when the file it leads to is inside the corpus folder, and
    listed as refused otherwise; links to folders are not followed (no loops, no
    article read twice). A name that is not UTF-8 is listed as refused, shown with
    backslash escapes. Unreadable subfolders are skipped.
    """
    corpus_dir = Path(corpus_dir)
    root = corpus_dir.resolve()
    found: list[CorpusFile] = []
    stack = [(corpus_dir, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            rel = prefix + entry.name
            if entry.name.startswith((".", "_")):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((Path(entry.path), rel + "/"))
                    continue
                if not is_article_name(rel) or not (entry.is_file() or entry.is_symlink()):
                    continue
            except OSError:
                continue
            found.append(_corpus_file(root, rel, Path(entry.path)))
    return sorted(found, key=lambda f: f.rel)


def _corpus_file(root: Path, rel: str, path: Path) -> CorpusFile:
    shown = os.fsencode(rel).decode("utf-8", "backslashreplace")
    if shown != rel:  # bytes that are not UTF-8 in the name: no table, id or cache key can hold it
        return CorpusFile(shown, path, path, "the file name is not valid UTF-8: rename the file")
    if not path.is_symlink():
        return CorpusFile(rel, path, path)
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(root):
        return CorpusFile(rel, path, target, f"symbolic link to {target}, outside the corpus folder: not read")
    if target.exists() and not target.is_file():
        return CorpusFile(rel, path, target, "symbolic link to something that is not a file: not read")
    return CorpusFile(rel, path, target)


def list_article_files(corpus_dir: Path) -> list[Path]:
    """Article files under the corpus folder that may be read (see `scan_corpus`)."""
    return [f.path for f in scan_corpus(corpus_dir) if not f.refused]


def iter_corpus(corpus_dir: Path) -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) for each readable article file, read one at a time."""
    for f in scan_corpus(corpus_dir):
        try:
            yield f.rel, f.read()
        except (ArticleError, OSError):
            continue


# ----------------------------------------------------------------------- import


def detect_encoding(data: bytes) -> str:
    """Decode bytes of unknown encoding (UTF-8 +/- BOM, Shift_JIS/CP932, EUC-JP)."""
    from charset_normalizer import from_bytes

    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Japanese legacy encodings first: charset-normalizer's generic guess can
    # pick a Chinese code page for short Japanese texts.
    best = from_bytes(data, cp_isolation=["cp932", "shift_jis", "euc_jp", "iso2022_jp", "utf_16"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise ValueError("cannot detect the text encoding")
    return str(best)


def body_digest(body: str) -> str:
    """Fingerprint of a body for duplicate detection (line endings and edges ignored)."""
    norm = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def render_article(meta: dict, body: str) -> str:
    """File text: YAML front matter with the known fields in order, then any others
    (tags ...) as they were, then the body."""
    ordered = {k: meta[k] for k in KNOWN_FIELDS if meta.get(k) not in (None, "")}
    ordered.update((k, v) for k, v in meta.items() if k not in KNOWN_FIELDS)
    head = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n{body}"


def add_file(src: Path, corpus_dir: Path, meta: dict, dest_name: str | None = None) -> Path:
    """Import one .txt/.md file into the corpus with front matter.

    Detects the encoding, normalises line endings, keeps front matter already in
    the file (command-line fields win), never overwrites, and refuses a body that
    is already in the corpus.
    """
    if src.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(src, f"unsupported file type {src.suffix!r}: use .txt or .md")
    name = dest_name or src.with_suffix(".md").name
    if not is_article_name(name):
        raise ArticleError(
            src, f"extract would not read it as {name} (README.md and names starting with '.' or '_' are skipped): rename it"
        )
    data = src.read_bytes()
    if b"\x00" in data and not data.startswith(UTF16_BOMS):
        raise ArticleError(src, "binary file (contains NUL bytes), not a text article")
    try:
        text = detect_encoding(data)
    except ValueError as exc:
        raise ArticleError(src, str(exc)) from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise ArticleError(src, "binary file (contains NUL bytes), not a text article")
    existing, body = split_front_matter(text, src)
    if not body.strip():
        raise ArticleError(src, "empty body")
    merged = {**existing, **{k: v for k, v in meta.items() if v not in (None, "")}}
    if merged.get("published") not in (None, ""):
        merged["published"] = validate_published(merged["published"], src)
    if merged.get("lang") and str(merged["lang"]).lower() not in LANGS:
        raise ArticleError(src, f"unsupported lang {merged['lang']!r}: use one of {', '.join(LANGS)}")
    digest = body_digest(body)
    for rel, other in iter_corpus(corpus_dir):
        try:
            _, other_body = split_front_matter(decode_utf8(other, rel), rel)
        except ArticleError:
            continue
        if body_digest(other_body) == digest:
            raise ArticleError(src, f"already in the corpus as {rel} (same body)")
    dest = corpus_dir / name
    if dest.exists():
        raise ArticleError(src, f"{dest} already exists; not overwriting")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(render_article(merged, body))
    return dest
