"""Articles on disk: front matter, validation, listing, and importing new files.

One article per file under the corpus folder (.md or .txt), UTF-8, with YAML
front matter between two `---` lines. Offsets in every table are into the
body: the text after the closing `---` line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

ARTICLE_SUFFIXES = (".md", ".txt")
KNOWN_FIELDS = ("id", "title", "published", "lang", "source", "author", "url")
LANGS = ("ja", "en")
PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SKIPPED_NAMES = {"README.md", "readme.md"}


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay text, validated by us."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
    try:
        meta = yaml.load(raw, Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        raise ArticleError(path, f"bad front matter: {exc}".replace("\n", " ")) from None
    if not isinstance(meta, dict):
        raise ArticleError(path, "bad front matter: expected 'key: value' lines")
    return meta, body


def decode_utf8(data: bytes, path) -> str:
    """Corpus files are UTF-8 (a BOM is tolerated); `dekigoto add` converts others."""
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            path, f"not valid UTF-8 (byte {exc.start}); import it with 'dekigoto add' to convert"
        ) from None
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
    return "" if value is None else str(value).strip()


def read_article(path: Path, corpus_dir: Path | None = None) -> Article:
    rel = path.relative_to(corpus_dir).as_posix() if corpus_dir else path.name
    return parse_article(path.read_bytes(), rel)


def list_article_files(corpus_dir: Path) -> list[Path]:
    """Article files under the corpus folder, subfolders included, in a stable order."""
    files = [
        p
        for p in corpus_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and p.name not in SKIPPED_NAMES
        and not any(part.startswith((".", "_")) for part in p.relative_to(corpus_dir).parts)
    ]
    return sorted(files, key=lambda p: p.relative_to(corpus_dir).as_posix())


def iter_corpus(corpus_dir: Path) -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) for each article file, read one at a time."""
    for path in list_article_files(corpus_dir):
        yield path.relative_to(corpus_dir).as_posix(), path.read_bytes()


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
    """File text: YAML front matter with the known fields in order, then the body."""
    ordered = {k: meta[k] for k in KNOWN_FIELDS if meta.get(k) not in (None, "")}
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
    data = src.read_bytes()
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(src, "binary file (contains NUL bytes), not a text article")
    try:
        text = detect_encoding(data)
    except ValueError as exc:
        raise ArticleError(src, str(exc)) from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
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
    dest = corpus_dir / (dest_name or src.with_suffix(".md").name)
    if dest.exists():
        raise ArticleError(src, f"{dest} already exists; not overwriting")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(render_article(merged, body))
    return dest
