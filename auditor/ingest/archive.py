"""Folders and ZIP archives: natural file order, junk filtering, and safe extraction.

A ZIP is extracted (after checks) into a temporary folder, then read like a folder. Checks (auditor.limits):
no absolute or ".." paths (zip-slip), caps on entries, on each entry's and on the total unpacked size, and on
every entry's compression ratio (bombs). Declared sizes can lie, so the bytes actually written are counted too.

Temporary folders hold case text: they are removed on every way out (an exception, SIGTERM / SIGHUP, which
the CLI turns into an exit); a process killed outright leaves its folder, which the next run removes
(`sweep_stale_folders`): the folder's name carries the process id that made it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import psutil

from auditor.ingest.naming import short_hash
from auditor.limits import DEFAULT_LIMITS, RATIO_FLOOR_BYTES, Limits
from auditor.model import AuditError
from auditor.model.errors import make_error

_CHUNK = 1024**2
TEMP_PREFIX = "auditor-"
_TEMP_NAME = re.compile(rf"^{TEMP_PREFIX}[a-z]+-(\d+)-")


@contextlib.contextmanager
def temporary_folder(kind: str) -> Iterator[Path]:
    """A private temporary folder removed when the block is left, however it is left."""
    sweep_stale_folders()
    path = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{kind}-{os.getpid()}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def sweep_stale_folders() -> int:
    """Remove temporary folders left by auditor processes that no longer run; how many were removed."""
    removed = 0
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return 0
    for entry in entries:
        m = _TEMP_NAME.match(entry.name)
        if not m or not entry.is_dir(follow_symlinks=False) or _alive(int(m.group(1))):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += 1
    return removed


def _alive(pid: int) -> bool:
    """Does the process still run? A zombie does not: a killed worker's process may wait a while to be reaped (by a
    container's init, on a busy machine), and its folder is stale already (test_temp_folder_removed_on_sigterm)."""
    if pid == os.getpid():
        return True
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except psutil.Error:  # exists, owned by someone else
        return True


_DIGITS = re.compile(r"(\d+)")
_JUNK_NAMES = frozenset({"__macosx", "thumbs.db", "desktop.ini"})


def natural_key(name: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key putting "2" before "10": digit runs compare as numbers, the rest case-insensitively."""
    parts = _DIGITS.split(name)
    return tuple((0, int(part), part) if i % 2 else (1, 0, part.casefold()) for i, part in enumerate(parts) if part)


def is_skipped(name: str) -> bool:
    """Hidden files, macOS resource forks, Office lock files and Windows thumbnails."""
    return name.startswith((".", "~$")) or name.casefold() in _JUNK_NAMES


def iter_folder(root: Path) -> Iterator[Path]:
    """Files under `root` in natural order, depth first. Symlinked folders are not followed (loops): they are
    yielded as they are, so the caller can tell the reviewer about one that leads out of the folder."""
    try:
        children = sorted(root.iterdir(), key=lambda p: natural_key(p.name))
    except OSError:
        return
    for child in children:
        if is_skipped(child.name):
            continue
        if child.is_dir():
            if child.is_symlink():
                yield child
            else:
                yield from iter_folder(child)
        elif child.is_file():
            yield child


def _entry_name(info: zipfile.ZipInfo) -> str:
    """Entry name, recovering GBK names that zipfile decoded as cp437 (Chinese Windows archivers)."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def safe_relative(name: str) -> PurePosixPath | None:
    """The entry's path relative to the extraction root, or None if it would escape it."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return PurePosixPath(*parts)


def _copy_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, cap: int) -> int | None:
    """Write the entry to `target`; None (and no file) when it holds more bytes than `cap`."""
    written = 0
    with zf.open(info) as src, target.open("wb") as dst:
        while chunk := src.read(_CHUNK):
            written += len(chunk)
            if written > cap:
                break
            dst.write(chunk)
    if written > cap:
        target.unlink(missing_ok=True)
        return None
    return written


def extract_zip(
    path: Path, dest: Path, source: str, limits: Limits = DEFAULT_LIMITS, anonymous: bool = False
) -> list[AuditError]:
    """Extract the safe, sane entries of `path` into `dest`; every refusal is an AuditError.

    `anonymous`: errors name an entry by its position and a hash of its name (names carry personal data).
    """
    errors: list[AuditError] = []
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return [make_error("E020", source=source, detail=type(exc).__name__)]
    with zf:
        infos = zf.infolist()
        cap = limits.archive_entries
        if len(infos) > cap:
            errors.append(make_error("E022", source=source, detail=f"条目数 {len(infos)} 超过 {cap}，仅读取前 {cap} 个"))
            infos = infos[:cap]
        total = 0
        for number, info in enumerate(infos, 1):
            name = _entry_name(info)
            label = f"条目{number}#{short_hash(name)}" if anonymous else name
            rel = safe_relative(name)
            if rel is None:
                errors.append(make_error("E021", source=source, detail=label))
                continue
            if info.is_dir() or any(is_skipped(part) for part in rel.parts):
                continue
            refusal = entry_refusal(info, limits)
            if refusal:
                errors.append(make_error("E022", source=source, detail=f"{label} {refusal}"))
                continue
            if total + info.file_size > limits.archive_bytes:
                errors.append(make_error("E022", source=source, detail=f"{label} 使解压总量超过 {limits.archive_bytes} 字节"))
                continue
            target = dest.joinpath(*rel.parts)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                # The declared size is the cap: a larger stream means a forged header.
                written = _copy_capped(zf, info, target, min(info.file_size, limits.archive_bytes - total))
            except (zipfile.BadZipFile, RuntimeError, EOFError, ValueError, NotImplementedError, zipfile.LargeZipFile) as exc:
                # bad CRC, encrypted entry, truncated data, unsupported compression
                target.unlink(missing_ok=True)
                errors.append(make_error("E020", source=source, detail=f"{label}：{type(exc).__name__}"))
                continue
            except OSError as exc:
                errors.append(make_error("E050", source=source, detail=f"{label}：{type(exc).__name__}"))
                continue
            if written is None:
                errors.append(make_error("E022", source=source, detail=f"{label} 实际大小超过声明大小"))
                continue
            total += written
    return errors


def entry_refusal(info: zipfile.ZipInfo, limits: Limits, size_cap: int | None = None) -> str | None:
    """Why an entry must not be unpacked (too large, or a compression ratio only a bomb has), or None.

    The ratio is checked for every entry, small ones included; the packed size counts as at least 1 KiB, so a
    page of blanks that packs into a few bytes is not taken for a bomb.
    """
    cap = limits.file_bytes if size_cap is None else size_cap
    if info.file_size > cap:
        return f"解压后 {info.file_size} 字节，超过 {cap} 字节"
    if info.file_size > limits.archive_ratio * max(info.compress_size, RATIO_FLOOR_BYTES):
        return f"压缩比超过 {limits.archive_ratio}"
    return None
