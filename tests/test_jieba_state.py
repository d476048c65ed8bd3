"""The cached jieba state (auditor.text.jieba_state) is exactly what jieba builds itself, and a bad cache is rebuilt.

Each load runs in a fresh interpreter: jieba keeps its state in module globals.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Prints a digest of jieba's state and the tags of a few sentences, loaded the plain way or through the cache.
PROBE = """
import hashlib, json, marshal, sys
from auditor.text.tokens import USERDICT
from auditor.text import jieba_state
if sys.argv[1] == "plain":
    posseg = jieba_state._plain_load(jieba_state._jieba(), USERDICT)
else:
    posseg = jieba_state.load_tagger(USERDICT)
freq, total, tags = jieba_state.state_of(posseg)
digest = lambda d: hashlib.sha256(marshal.dumps(sorted(d.items()))).hexdigest()
sentences = ["被告人何某对指控的事实没有异议", "犯罪嫌疑人陶建新于2023年5月4日被刑事拘留", "取保候审保证人王振华系其胞兄"]
print(json.dumps({"freq": digest(freq), "total": total, "tags": digest(tags), "pkg_resources": "pkg_resources" in sys.modules,
                  "cut": [[list(p) for p in posseg.cut(s)] for s in sentences]}))
"""


def _probe(mode: str, cache: Path) -> dict:
    env = {**os.environ, "AUDITOR_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> dict:
    return _probe("plain", tmp_path_factory.mktemp("plain"))


def test_cached_state_is_jiebas_own(plain, tmp_path):
    built = _probe("cached", tmp_path)  # no cache yet: jieba's own load, then written
    assert len(list(tmp_path.glob("jieba-*.marshal"))) == 1
    read = _probe("cached", tmp_path)  # from the cache
    for state in (built, read):
        assert {k: state[k] for k in ("freq", "total", "tags", "cut")} == {
            k: plain[k] for k in ("freq", "total", "tags", "cut")}
    assert read["pkg_resources"] is False


@pytest.mark.parametrize("content", [b"", b"not marshal", b"\xe9" * 100], ids=["empty", "garbage", "truncated"])
def test_bad_cache_is_rebuilt(plain, tmp_path, content):
    _probe("cached", tmp_path)
    (path,) = tmp_path.glob("jieba-*.marshal")
    path.write_bytes(content)
    again = _probe("cached", tmp_path)
    assert again["freq"] == plain["freq"] and again["tags"] == plain["tags"]
    assert path.stat().st_size > 1_000_000  # written again


def test_cache_key_follows_the_user_dictionary(tmp_path):
    from auditor.text.jieba_state import cache_key

    first = tmp_path / "a.txt"
    first.write_text("取保候审 5 n\n", encoding="utf-8")
    key = cache_key(first)
    first.write_text("取保候审 6 n\n", encoding="utf-8")
    assert cache_key(first) != key
