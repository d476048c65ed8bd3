"""jieba with the legal user dictionary, its loaded state kept in one cache file so a process starts fast.

A worker's start-up was dominated by jieba (≈ 0.95 s of ≈ 2 s): it reads its prefix dictionary with `marshal.load`
on a file object (0.6 s — marshal reads a file in small pieces; the same bytes read whole load in 0.16 s), parses
its 349,000-line dict.txt a second time for the part-of-speech tags (0.2–0.3 s), imports `pkg_resources` only to
open that file (0.12 s), then adds the user dictionary word by word. The state it ends in (prefix dictionary, its
total, tag table) is the same every time, so it is written once to a folder of the user's in the temporary directory
(where jieba writes its own cache), keyed by the Python and jieba versions and both dictionaries, and read back in one
piece. The state is exactly jieba's own
(`tests/test_jieba_state.py` compares it with a plain load); nothing in it is personal data.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import marshal
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

_MISSING = object()


@contextlib.contextmanager
def _without_pkg_resources() -> Iterator[None]:
    """jieba opens its dictionary with `open()` when `pkg_resources` is not importable (jieba._compat's fallback);
    importing it costs 0.12 s and a deprecation warning. A process that already has it keeps it."""
    if "pkg_resources" in sys.modules:
        yield
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
    try:
        yield
    finally:
        del sys.modules["pkg_resources"]


def _jieba() -> ModuleType:
    with _without_pkg_resources():
        import jieba
    jieba.setLogLevel(60)  # jieba prints its cache status on stderr otherwise
    return jieba


def cache_key(userdict: Path) -> str:
    """What the loaded state depends on: the Python (marshal's format), jieba and both dictionaries."""
    import jieba

    main_dict = Path(jieba.__file__).with_name("dict.txt")
    stat = main_dict.stat()
    digest = hashlib.blake2b(digest_size=12)
    for part in (sys.version, jieba.__version__, str(stat.st_size), str(stat.st_mtime_ns)):
        digest.update(part.encode() + b"\0")
    digest.update(userdict.read_bytes() if userdict.is_file() else b"")
    return digest.hexdigest()


def cache_path(userdict: Path) -> Path:
    """In a folder of this user's under the temporary directory, where jieba keeps its own cache: nothing is written
    under the home directory (tests/test_offline.py)."""
    folder = Path(os.environ.get("AUDITOR_CACHE") or Path(tempfile.gettempdir()) / f"auditor-{os.getuid()}")
    return folder / f"jieba-{cache_key(userdict)}.marshal"


def _read(path: Path) -> tuple[dict, int, dict] | None:
    try:
        state = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if (isinstance(state, tuple) and len(state) == 3 and isinstance(state[0], dict)
            and isinstance(state[1], int) and isinstance(state[2], dict)):
        return state
    return None


def _write(path: Path, state: tuple[dict, int, dict]) -> None:
    """Atomically (two workers may build it at once); a cache that cannot be written is only slower next time."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-")
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(state, fh)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temp)


@contextlib.contextmanager
def _no_tag_file(jieba: ModuleType) -> Iterator[None]:
    """`import jieba.posseg` builds its tag table from dict.txt at import time; with the table in the cache it is
    given an empty file instead, and the cached table is put in its place right after."""
    original = jieba.Tokenizer.get_dict_file
    jieba.Tokenizer.get_dict_file = lambda self: io.BytesIO(b"")
    try:
        yield
    finally:
        jieba.Tokenizer.get_dict_file = original


def _plain_load(jieba: ModuleType, userdict: Path) -> ModuleType:
    """jieba's own way: prefix dictionary, tag table, then the user dictionary word by word."""
    import jieba.posseg

    if userdict.is_file():
        jieba.load_userdict(str(userdict))
    jieba.posseg.dt.makesure_userdict_loaded()
    return jieba.posseg


def state_of(posseg: ModuleType) -> tuple[dict, int, dict]:
    tokenizer = posseg.dt.tokenizer
    return tokenizer.FREQ, tokenizer.total, posseg.dt.word_tag_tab


def load_tagger(userdict: Path) -> ModuleType:  # -> jieba.posseg, with `userdict` loaded
    jieba = _jieba()
    if "jieba.posseg" in sys.modules or jieba.dt.initialized:
        return _plain_load(jieba, userdict)  # someone loaded jieba already: add the user dictionary to it
    path = cache_path(userdict)
    state = _read(path)
    if state is None:
        posseg = _plain_load(jieba, userdict)
        _write(path, state_of(posseg))
        return posseg
    with _no_tag_file(jieba):
        import jieba.posseg
    freq, total, tags = state
    jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = freq, total, True
    jieba.posseg.dt.word_tag_tab = tags
    return jieba.posseg
