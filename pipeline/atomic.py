"""Files replaced whole or not at all, with the permissions any new file gets.

A table, cache entry or manifest is written under a temporary name beside its
target and renamed over it: a reader never sees half a file, and an interrupted
run leaves the previous one. Temporary files are created like any other file
(mode 0666 less the umask; `tempfile.mkstemp` makes them 0600, which the rename
kept, so other users of a shared machine could not read the tables), and are
named `.<target>.<random>.tmp`, so that the next run removes what a killed one
left behind (`remove_leftovers`).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TMP_SUFFIX = ".tmp"


def _temp_name(target: Path) -> Path:
    return target.parent / f".{target.name}.{secrets.token_hex(4)}{TMP_SUFFIX}"


def create_temp_file(target: Path) -> Path:
    """A new empty file beside `target` (mode from the umask), to be renamed over it."""
    while True:
        path = _temp_name(Path(target))
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return path


def create_temp_dir(target: Path) -> Path:
    """A new empty folder beside `target` (mode from the umask), to be renamed over it."""
    while True:
        path = _temp_name(Path(target))
        try:
            path.mkdir(0o777)
        except FileExistsError:
            continue
        return path


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A new temporary file beside `target` for a writer that wants a path; renamed
    over `target` when the block ends without an exception, removed otherwise."""
    target = Path(target)
    tmp = create_temp_file(target)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_text(path: Path, text: str) -> None:
    """Replace the file at `path` with `text` (UTF-8) in one step."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)


def remove_leftovers(folder: Path) -> None:
    """Delete the temporary files and folders an interrupted write left in `folder`.
    Only for a folder no other process is writing to (the caller holds its lock)."""
    for path in Path(folder).glob(f".*{TMP_SUFFIX}"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
