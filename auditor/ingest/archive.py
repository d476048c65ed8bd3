"""Folders and ZIP archives: natural file order, junk filtering, and safe extraction.

A ZIP is extracted (after checks) into a directory the caller owns, then read like a folder.
Checks: no absolute or ".." paths (zip-slip), a cap on entries, total size and compression ratio
(zip bombs). Declared sizes can lie, so the bytes actually written are counted too.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from auditor.model import AuditError
from auditor.model.errors import make_error

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_RATIO = 200
# Entries below this size are never bombs, whatever their ratio (a page of blanks compresses 1000:1).
RATIO_MIN_BYTES = 1024**2
_CHUNK = 1024**2

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
    """Files under `root` in natural order, depth first; symlinked folders are not followed (loops)."""
    try:
        children = sorted(root.iterdir(), key=lambda p: natural_key(p.name))
    except OSError:
        return
    for child in children:
        if is_skipped(child.name):
            continue
        if child.is_dir():
            if not child.is_symlink():
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


def extract_zip(path: Path, dest: Path, source: str) -> list[AuditError]:
    """Extract the safe, sane entries of `path` into `dest`; every refusal is an AuditError."""
    errors: list[AuditError] = []
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        return [make_error("E020", source=source, detail=type(exc).__name__)]
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            errors.append(
                make_error(
                    "E022", source=source, detail=f"条目数 {len(infos)} 超过 {MAX_ENTRIES}，仅读取前 {MAX_ENTRIES} 个"
                )
            )
            infos = infos[:MAX_ENTRIES]
        total = 0
        for info in infos:
            name = _entry_name(info)
            rel = safe_relative(name)
            if rel is None:
                errors.append(make_error("E021", source=source, detail=name))
                continue
            if info.is_dir() or any(is_skipped(part) for part in rel.parts):
                continue
            if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                errors.append(make_error("E022", source=source, detail=f"{name} 压缩比超过 {MAX_RATIO}"))
                continue
            if total + info.file_size > MAX_TOTAL_BYTES:
                errors.append(make_error("E022", source=source, detail=f"{name} 使解压总量超过 {MAX_TOTAL_BYTES} 字节"))
                continue
            target = dest.joinpath(*rel.parts)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                # The declared size is the cap: a larger stream means a forged header.
                written = _copy_capped(zf, info, target, min(info.file_size, MAX_TOTAL_BYTES - total))
            except (zipfile.BadZipFile, RuntimeError, EOFError, ValueError, NotImplementedError) as exc:
                # bad CRC, encrypted entry, truncated data, unsupported compression
                target.unlink(missing_ok=True)
                errors.append(make_error("E020", source=source, detail=f"{name}：{type(exc).__name__}"))
                continue
            except OSError as exc:
                errors.append(make_error("E050", source=source, detail=f"{name}：{type(exc).__name__}"))
                continue
            if written is None:
                errors.append(make_error("E022", source=source, detail=f"{name} 实际大小超过声明大小"))
                continue
            total += written
    return errors
