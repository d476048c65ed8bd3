"""Files that are never half-written: a temp file beside the target, fsync, then an atomic rename; and a JSON-lines
file whose every line is one write (a torn last line from a kill is cut off when the file is opened again)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

TEMP_MARK = ".tmp-"


def atomic_write(path: Path | str, data: str | bytes) -> None:
    """Replace `path` with `data` in one step: readers see the old file or the new one, never a part."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.exists() and not path.is_file():  # /dev/null, a pipe: nothing to replace, write through
        with open(path, "wb") as fh:
            fh.write(raw)
        return
    temp = path.with_name(f"{path.name}{TEMP_MARK}{os.getpid()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        write_all(fd, raw)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(path.parent)


def remove_stale_temps(folder: Path) -> None:
    """Temp files a killed run left behind (never renamed, so never a result)."""
    for temp in folder.glob(f"*{TEMP_MARK}*"):
        with contextlib.suppress(OSError):
            temp.unlink()


def write_all(fd: int, raw: bytes) -> None:
    view = memoryview(raw)
    while view:
        view = view[os.write(fd, view):]


class LineFile:
    """Append-only JSON lines: each `append` is one write of a whole line (O_APPEND), then fsync."""

    def __init__(self, path: Path | str, durable: bool = True) -> None:
        self.path = Path(path)
        self.durable = durable
        repair_last_line(self.path)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def append(self, line: str) -> None:
        write_all(self._fd, (line.rstrip("\n") + "\n").encode("utf-8"))
        if self.durable:
            os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def repair_last_line(path: Path) -> None:
    """Cut a last line without its newline: the write a kill interrupted (everything before it is whole)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        size = fh.seek(0, os.SEEK_END)
        keep = 0
        step = 1 << 16
        pos = size
        while pos > 0:
            start = max(0, pos - step)
            fh.seek(start)
            chunk = fh.read(pos - start)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                keep = start + nl + 1
                break
            pos = start
        fh.truncate(keep)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
