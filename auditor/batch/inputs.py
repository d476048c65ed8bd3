"""The dossiers of a batch and what identifies a result: each entry under a ROOT is one dossier; its content
hash and the rule-set version together say whether it has been audited already (resume)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from auditor import __version__
from auditor.lexicon import LEXICON_DIR

CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    path: Path
    key: str  # sha256 of the content (a folder: of its files' relative paths and contents)


def entries(roots: list[Path]) -> list[Path]:
    """Every entry directly under each root (hidden ones skipped), roots in the order given, names sorted."""
    found: list[Path] = []
    for root in roots:
        found += sorted(p for p in root.iterdir() if not p.name.startswith("."))
    return found


def content_hash(path: Path) -> str:
    """sha256 of a file's bytes; for a folder, of each regular file's relative path and bytes (symlinks and
    hidden files not followed), so renaming a dossier keeps its identity and editing any page changes it."""
    digest = hashlib.sha256()
    if path.is_dir():
        for folder, dirs, files in os.walk(path, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                file = Path(folder) / name
                if name.startswith(".") or file.is_symlink() or not file.is_file():
                    continue
                digest.update(file.relative_to(path).as_posix().encode("utf-8", "surrogateescape") + b"\0")
                _feed(digest, file)
                digest.update(b"\0")
    else:
        _feed(digest, path)
    return digest.hexdigest()


def _feed(digest: hashlib._Hash, file: Path) -> None:
    with open(file, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)


@functools.cache
def ruleset_version(profile: str | None = None, *, as_of: dt.date | None = None, standard: str | None = None) -> str:
    """The auditor's version, a hash of everything in lexicons/ (rules, profiles, dictionaries), the profile, and
    the as-of day and scoring standard when given: a result is reused only when all are the same."""
    digest = hashlib.sha256(__version__.encode())
    for file in sorted(p for p in LEXICON_DIR.rglob("*") if p.is_file()):
        digest.update(file.relative_to(LEXICON_DIR).as_posix().encode() + b"\0")
        digest.update(file.read_bytes())
    extra = "".join(f"/{k}={v}" for k, v in (("as_of", as_of), ("standard", standard)) if v is not None)
    return f"{__version__}+{digest.hexdigest()[:12]}/{profile or 'all'}{extra}"
