"""What goes to a worker (a Task) and what comes back (an Outcome): plain, picklable values.

The report travels as the JSON-ready dict of one `DossierReport` (the contract of `auditor schema`), so the parent
never needs the pipeline: it writes files, streams lines and builds the summary from these values alone.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from auditor.ingest.naming import printable
from auditor.limits import Limits
from auditor.model import AuditResult, Case, Dossier, DossierReport, make_error

# Numbered errors of the budget (auditor/model/errors.py): the dossier was not finished.
TIMEOUT, OUT_OF_MEMORY, WORKER_DIED, INTERNAL = "E090", "E091", "E092", "E093"
BUDGET_CODES = frozenset({TIMEOUT, OUT_OF_MEMORY, WORKER_DIED, INTERNAL})


@dataclass(frozen=True)
class Budget:
    """What one dossier may use: wall-clock seconds and resident memory of its worker (with its children)."""

    seconds: float = 300.0
    memory_mb: int = 2048


@dataclass(frozen=True)
class Task:
    index: int  # position in the input order
    path: str  # the dossier: a file, folder or ZIP
    profile: str | None = None
    text: bool = False  # also render the terminal text of this dossier
    key: str = ""  # content hash (batch): carried through to the outcome
    as_of: dt.date | None = None  # 执法巡查预警 as of this day (None: no warnings)
    standard: str | None = None  # 评查打分 standard (None: the profile's)
    db: str | None = None  # the review store the worker saves the result into (its own transaction)
    run_id: int | None = None  # the store's run of this batch
    name: str | None = None  # how reports and errors name this input (auditor.ingest.naming); None: its path
    limits: Limits | None = None  # per-input limits (auditor.limits); None: the defaults


@dataclass(frozen=True)
class Outcome:
    """One finished dossier: its report and the figures the summary and the progress bar need."""

    index: int
    key: str
    source: str
    report: dict[str, Any]  # one DossierReport, JSON-ready
    text: str | None = None
    pages: int = 0
    documents: int = 0
    readable: bool = False
    severities: dict[str, int] = field(default_factory=dict)  # findings by severity
    rules: dict[str, int] = field(default_factory=dict)  # findings by rule id
    error_codes: tuple[str, ...] = ()  # every error entry's code, in order
    seconds: float = 0.0
    peak_mb: float = 0.0  # high-water mark of the worker process so far (VmHWM)
    worker: str = ""  # which worker ran it (pid, or a Dask worker address)

    @property
    def failed(self) -> bool:
        """Not audited to the end (over budget, worker lost, internal error) or nothing readable in it."""
        return not self.readable or any(c in BUDGET_CODES for c in self.error_codes)


def outcome_of(task: Task, result: AuditResult, seconds: float, peak_mb: float, worker: str) -> Outcome:
    report = result.to_dict()
    findings = result.findings
    return Outcome(
        index=task.index,
        key=task.key,
        source=result.dossier.source,
        report=report,
        text=_render_text(result) if task.text else None,
        pages=len(result.dossier.pages),
        documents=len(result.documents),
        readable=result.readable,
        severities=dict(Counter(f.severity for f in findings)),
        rules=dict(Counter(f.rule_id for f in findings)),
        error_codes=tuple(e.code for e in result.errors),
        seconds=seconds,
        peak_mb=peak_mb,
        worker=worker,
    )


def failed_outcome(task: Task, code: str, detail: str, seconds: float = 0.0, worker: str = "") -> Outcome:
    """The outcome of a dossier the budget cut off: its source and one numbered error, nothing else."""
    source = task.name or printable(task.path)  # a path is shown only when the caller asked for paths
    error = make_error(code, source=source, detail=detail)
    empty = AuditResult(case=Case(dossier=Dossier(source=source)), errors=(error,))
    return Outcome(
        index=task.index,
        key=task.key,
        source=source,
        report=DossierReport(source=source, pages=0, errors=(error,)).model_dump(mode="json"),
        text=_render_text(empty) if task.text else None,
        error_codes=(code,),
        seconds=seconds,
        worker=worker,
    )


def _render_text(result: AuditResult) -> str:
    from auditor.report.text_report import render_case

    return render_case(result)
