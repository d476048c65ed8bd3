"""How an input is named in errors, logs and reports.

File names in dossiers carry personal data ("姓名_身份证号_手机号.pdf"), so by default an input is named by its
position on the command line and a short hash of its path ("输入2#3f9a2c1b"), a file inside a folder or ZIP by
its position there and the hash of its name ("输入2#3f9a2c1b/5#0c1d2e3f"). `printf '%s' PATH | sha256sum`
gives the hash of a path. With --show-paths the path itself is shown, made printable: bytes that are not
UTF-8 (a GBK name on a UTF-8 system) and control characters (a newline in a name) are escaped.
"""

from __future__ import annotations

import hashlib
import os
import re

HASH_CHARS = 8
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def short_hash(name: str | os.PathLike[str]) -> str:
    return hashlib.sha256(os.fsencode(name)).hexdigest()[:HASH_CHARS]


def printable(name: str | os.PathLike[str]) -> str:
    """`name` as text that can always be printed and written as UTF-8, one line."""
    text = os.fsencode(name).decode("utf-8", errors="backslashreplace")
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def input_name(index: int, path: str | os.PathLike[str]) -> str:
    """The name of the `index`-th input (1-based) when paths are not shown."""
    return f"输入{index}#{short_hash(path)}"


def member_name(parent: str, index: int, relative: str) -> str:
    """The name of the `index`-th file (1-based) of a folder or ZIP named `parent`, when paths are not shown."""
    return f"{parent}/{index}#{short_hash(relative)}"
