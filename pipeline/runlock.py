"""One extraction at a time per output folder.

An advisory lock (flock) on `<out>/.dekigoto.lock`, whose content names the
process holding it. The system releases the lock when that process ends, however
it ends (kill -9 included). Worker processes forked by the run inherit the open
file, and with it the lock: they call `RunLock.forget` first thing, so that a run
killed before its workers never leaves the folder locked behind it.
"""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path


class LockedError(RuntimeError):
    """The lock is held by another process; `holder` is its pid (0 when unknown)."""

    def __init__(self, path: Path, holder: int):
        super().__init__(f"{path} is held by process {holder or '(unknown)'}")
        self.path = path
        self.holder = holder


class RunLock:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.fd: int | None = None
        self._file_id: tuple[int, int] | None = None  # (device, inode) of the locked file

    def acquire(self) -> None:
        """Take the lock now, or raise LockedError (OSError when the file cannot be made)."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = _read_pid(fd)
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise LockedError(self.path, holder) from None
            raise
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        info = os.fstat(fd)
        self._file_id = (info.st_dev, info.st_ino)

    def release(self) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            os.close(self.fd)  # closing the last copy releases the lock
            self.fd = None

    def forget(self) -> None:
        """In a child process: close the copy of the lock's file a fork gave it, leaving
        the lock and its content to the parent. (A child started afresh has no such
        copy: its descriptor of that number, if any, is another file and stays open.)"""
        if self.fd is None:
            return
        try:
            info = os.fstat(self.fd)
        except OSError:
            info = None
        if info is not None and (info.st_dev, info.st_ino) == self._file_id:
            os.close(self.fd)
        self.fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _read_pid(fd: int) -> int:
    try:
        return int(os.pread(fd, 32, 0).decode().strip() or 0)
    except (OSError, ValueError):
        return 0
