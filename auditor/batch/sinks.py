"""Where finished dossiers go, one transaction each, and what a resumed batch may skip.

A sink records a dossier only once it is finished, in one step: a kill at any moment leaves each dossier either
recorded whole or not at all, so a restart audits exactly the ones not recorded.

`FileSink` (works anywhere): OUT/reports/<name>.json per dossier (the `auditor audit --format json` contract,
written atomically), then one line in OUT/index.jsonl, the ledger: the content hash, the rule-set version and the
figures of the summary. The ledger line is the commit: a report file without its line is rewritten on resume.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any, Protocol

from auditor import __version__
from auditor.batch.files import LineFile, atomic_write, remove_stale_temps
from auditor.batch.task import Outcome

LEDGER = "index.jsonl"
REPORTS = "reports"
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]")


class Sink(Protocol):
    def done(self, ruleset: str) -> dict[str, dict[str, Any]]:
        """Ledger records of finished dossiers for this rule-set version, by content hash."""
        ...

    def write(self, outcome: Outcome, ruleset: str, name: str) -> dict[str, Any]:
        """Record one finished dossier in one transaction; return its ledger record."""
        ...

    def close(self) -> None: ...


def record_of(outcome: Outcome, ruleset: str, name: str, report_file: str | None) -> dict[str, Any]:
    """The ledger's view of one dossier: enough for the summary without opening its report."""
    return {
        "key": outcome.key,
        "ruleset": ruleset,
        "source": outcome.source,
        "name": name,
        "report": report_file,
        "pages": outcome.pages,
        "documents": outcome.documents,
        "readable": outcome.readable,
        "findings": outcome.severities,
        "rules": outcome.rules,
        "errors": list(outcome.error_codes),
        "seconds": round(outcome.seconds, 3),
        "peak_mb": round(outcome.peak_mb, 1),
        "worker": outcome.worker,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S"),
        # 评查打分 and 执法巡查预警 as the report holds them (the summary's grades and board, without the report)
        "unit": outcome.report.get("unit"),
        "score": outcome.report.get("score"),
        "warnings": outcome.report.get("warnings"),
    }


def report_name(name: str, key: str) -> str:
    """A report file per dossier that no other dossier can overwrite: the entry's full name (extension kept)
    and the first 12 hex digits of its content hash."""
    safe = _UNSAFE.sub("_", name.encode("utf-8", "replace").decode("utf-8")) or "dossier"
    return f"{safe[:120]}.{key[:12]}.json"


class FileSink:
    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self.reports = self.out / REPORTS
        self.reports.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(self.out)
        remove_stale_temps(self.reports)
        self._ledger = LineFile(self.out / LEDGER)

    def done(self, ruleset: str) -> dict[str, dict[str, Any]]:
        return {r["key"]: r for r in read_ledger(self.out) if r.get("ruleset") == ruleset}

    def write(self, outcome: Outcome, ruleset: str, name: str) -> dict[str, Any]:
        file = report_name(name, outcome.key)
        document = {"auditor_version": __version__, "dossiers": [outcome.report]}
        atomic_write(self.reports / file, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        record = record_of(outcome, ruleset, name, f"{REPORTS}/{file}")
        self._ledger.append(json.dumps(record, ensure_ascii=False))
        return record

    def close(self) -> None:
        self._ledger.close()


def read_ledger(out: Path) -> list[dict[str, Any]]:
    """Every whole record of OUT/index.jsonl, in order (a later record of the same key supersedes)."""
    path = Path(out) / LEDGER
    if not path.exists():
        return []
    records = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break  # a torn last line: not committed
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    return records
