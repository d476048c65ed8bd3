"""The content hash of a dossier's input: the same bytes are the same dossier, whatever its path or name."""

from __future__ import annotations

import hashlib
from pathlib import Path

_CHUNK = 1 << 20


def content_hash(path: str | Path) -> str:
    """sha256 of a file's bytes; for a folder, of every file's relative name and bytes in name order."""
    path = Path(path)
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    for file in files:
        if path.is_dir():
            digest.update(file.relative_to(path).as_posix().encode("utf-8") + b"\0")
        with open(file, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()


def text_hash(text: str) -> str:
    """For a result whose input files are gone: the hash of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
