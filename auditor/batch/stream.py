"""How `auditor audit` writes its reports as dossiers finish: text and JSON in input order (each dossier printed
once every one before it is done), JSON lines in the order they finish; a file given with --out is replaced
atomically at the end (text, JSON) or grows by one whole line per dossier (JSON lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from auditor import __version__
from auditor.batch.files import LineFile, atomic_write
from auditor.batch.pool import in_input_order
from auditor.batch.task import Outcome

FORMATS = ("text", "json", "jsonl")


def json_pieces(outcomes: Iterable[Outcome]) -> Iterator[str]:
    """`render_json`'s exact text (indent 2), produced one dossier at a time."""
    yield "{\n" + f'  "auditor_version": {json.dumps(__version__)},\n' + '  "dossiers": ['
    first = True
    for outcome in outcomes:
        body = json.dumps(outcome.report, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + body
        first = False
    yield "]\n}\n" if first else "\n  ]\n}\n"


def text_pieces(outcomes: Iterable[Outcome]) -> Iterator[str]:
    """`render_text`'s exact text, one dossier at a time, then the closing count."""
    count = findings = 0
    for outcome in outcomes:
        yield ("" if count == 0 else "\n\n") + (outcome.text or "")
        count += 1
        findings += sum(outcome.severities.values())
    yield ("" if count == 0 else "\n\n") + f"共审查 {count} 份案卷，发现问题 {findings} 项。\n"


def jsonl_line(outcome: Outcome) -> str:
    """One dossier per line: the same object as one entry of `dossiers` in --format json."""
    return json.dumps(outcome.report, ensure_ascii=False)


def write_reports(outcomes: Iterable[Outcome], fmt: str, out: str | None, first: int = 0) -> list[Outcome]:
    """Write `outcomes` as `fmt` to `out` (a file) or stdout as they arrive; return them all in input order."""
    seen: list[Outcome] = []

    def keep(source: Iterable[Outcome]) -> Iterator[Outcome]:
        for outcome in source:
            seen.append(outcome)
            yield outcome

    if fmt == "jsonl":
        if out:
            Path(out).write_bytes(b"")  # a fresh report file, then one whole line per finished dossier
        lines = LineFile(Path(out)) if out else None
        try:
            for outcome in keep(outcomes):
                if lines is not None:
                    lines.append(jsonl_line(outcome))
                else:
                    _print(sys.stdout, jsonl_line(outcome) + "\n")
        finally:
            if lines is not None:
                lines.close()
    else:
        pieces = (json_pieces if fmt == "json" else text_pieces)(keep(in_input_order(outcomes, first)))
        if out:
            atomic_write(out, "".join(pieces))
        else:
            for piece in pieces:
                _print(sys.stdout, piece)
    return sorted(seen, key=lambda o: o.index)


def _print(stream: TextIO, text: str) -> None:
    stream.write(text)
    stream.flush()
