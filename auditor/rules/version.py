"""The rule-set version: which legal knowledge an audit ran with, so a stored result is reused only while it holds.

It changes when the auditor's version changes, when any file under lexicons/ changes (rules, doc types, laws,
wording banks), or when the reviewers' rule configuration (enable flags, thresholds) changes.
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Any

from auditor import __version__
from auditor.lexicon import LEXICON_DIR


@functools.cache
def _lexicon_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in LEXICON_DIR.rglob("*") if p.is_file()):
        digest.update(path.relative_to(LEXICON_DIR).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def ruleset_version(config: dict[str, Any] | None = None) -> str:
    """`0.1.0+<lexicons digest>` or, with a rule configuration, `…+<lexicons digest>.<config digest>`."""
    version = f"{__version__}+{_lexicon_digest()}"
    if config:
        blob = json.dumps(config, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
        version += "." + hashlib.sha256(blob).hexdigest()[:8]
    return version
