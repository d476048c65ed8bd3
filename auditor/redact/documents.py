"""Redacting whole inputs (what `auditor redact` prints) and the option the workbench's XLSX / DOCX exports call.

A TXT input keeps its layout: the file's own text is redacted (documents and breaks as written). Any other input
is the dossier's text, pages separated by a form feed on a line of its own (read back as a page break)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.ingest.text import decode_text
from auditor.model import AuditResult
from auditor.redact.analyzer import Entity
from auditor.redact.config import Policy
from auditor.redact.guard import check
from auditor.redact.redactor import DossierRedactor

PAGE_BREAK = "\n\f\n"  # a form feed on its own line: the auditor reads it back as a page break
TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class RedactedInput:
    name: str  # the file name only (never a server path)
    text: str  # redacted
    entities: tuple[Entity, ...]  # spans into the original text of this input

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.name, "text": self.text, "entities": [e.to_dict() for e in self.entities]}


def original_text(path: Path, result: AuditResult) -> str:
    """The text offsets refer to: a TXT file as written (line endings normalised), else the dossier's pages."""
    if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
        decoded = decode_text(path.read_bytes())
        if decoded is not None:
            return decoded.replace("\r\n", "\n").replace("\r", "\n")
    d = result.dossier
    return PAGE_BREAK.join(p.text for p in d.pages)


def redact_input(path: Path, result: AuditResult, policy: Policy | None = None) -> RedactedInput:
    """Redact one input of the auditor; refuses (LeakError) when the last check finds anything left."""
    text = original_text(path, result)
    redactor = DossierRedactor(result.parties, full_text=text, policy=policy)
    out = redactor.redact(text)
    check([(path.name, out.text)], redactor.names - (redactor.officer_names if redactor.policy.officers == "keep"
                                                    else set()))
    return RedactedInput(path.name, out.text, out.entities)


class ExportRedaction:
    """The "redacted" option of an export (workbench XLSX / DOCX, training material): every string written goes
    through `text()`, and `finish()` runs the last check over everything written before the file is saved.

        red = ExportRedaction(result)
        cell = red.text(finding.message)
        ...
        red.finish()   # raises LeakError: do not save the file
    """

    def __init__(self, result: AuditResult, policy: Policy | None = None,
                 redactor: DossierRedactor | None = None) -> None:
        self.redactor = redactor or DossierRedactor.for_result(result, policy=policy)
        self.written: list[tuple[str, str]] = []

    def text(self, value: str, where: str = "导出内容", marks: Sequence[tuple[int, int]] = ()) -> str:
        if not value:
            return value
        out = self.redactor.redact(value, marks).text
        self.written.append((where, out))
        return out

    def finish(self, extra: Iterable[tuple[str, str]] = ()) -> None:
        names = self.redactor.names
        if self.redactor.policy.officers == "keep":
            names -= self.redactor.officer_names
        check([*self.written, *extra], names)
