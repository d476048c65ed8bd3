"""Where training items come from: reviewed findings, each with its audited dossier (the text to excerpt).

The export reads any `FindingSource`. `JsonResultsSource` works on what the CLI writes today: `auditor audit
--format json` output (or an `auditor batch` folder), with the reviewer's decisions either on a finding
(`"review": "confirmed"`) or in a top-level map `"reviews": {fingerprint: state}`. The JSON holds no document
text, so each dossier is audited again from its `source` and findings are matched by their fingerprint (stable
across re-runs). The review store (auditor/store/, SQLAlchemy) plugs in as another source behind `--db URL`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from auditor.model import AuditResult, Finding

CONFIRMED, UNREVIEWED, REJECTED = "confirmed", "unreviewed", "rejected"
# Review states as a reviewer or another tool may write them → ours.
STATES = {
    "confirmed": CONFIRMED, "confirm": CONFIRMED, "accepted": CONFIRMED, "确认": CONFIRMED, "已确认": CONFIRMED,
    "rejected": REJECTED, "reject": REJECTED, "dismissed": REJECTED, "false_positive": REJECTED, "驳回": REJECTED,
    "误报": REJECTED, "unreviewed": UNREVIEWED, "pending": UNREVIEWED, "open": UNREVIEWED, "未审核": UNREVIEWED,
}


class SourceError(Exception):
    """The source cannot be read (Chinese message for the user, no server path)."""


@dataclass(frozen=True)
class ReviewedFinding:
    result: AuditResult
    finding: Finding
    review: str  # confirmed | unreviewed | rejected


class FindingSource(Protocol):
    problems: list[str]

    def reviewed(self) -> Iterator[ReviewedFinding]: ...


def normalise_state(value: object) -> str:
    return STATES.get(str(value).strip().lower(), UNREVIEWED) if value else UNREVIEWED


@dataclass
class JsonResultsSource:
    path: Path
    problems: list[str] = field(default_factory=list)

    def files(self) -> list[Path]:
        if self.path.is_dir():
            return sorted(p for p in self.path.glob("*.json"))
        return [self.path]

    def reviewed(self) -> Iterator[ReviewedFinding]:
        from auditor.pipeline import audit_path

        for file in self.files():
            try:
                data = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.problems.append(f"{file.name} 不是审查结果 JSON，已跳过")
                continue
            if not isinstance(data, dict) or not isinstance(data.get("dossiers"), list):
                self.problems.append(f"{file.name} 不是审查结果 JSON，已跳过")
                continue
            reviews = data.get("reviews") or {}
            for dossier in data["dossiers"]:
                source = self._locate(str(dossier.get("source", "")), file.parent)
                if source is None:
                    self.problems.append(f"找不到案卷 {Path(str(dossier.get('source', ''))).name}，其问题已跳过")
                    continue
                result = audit_path(source)
                by_fingerprint = {f.fingerprint: f for f in result.findings if f.fingerprint}
                for item in dossier.get("findings") or ():
                    fingerprint = item.get("fingerprint")
                    state = normalise_state(item.get("review") or reviews.get(fingerprint))
                    finding = by_fingerprint.get(fingerprint)
                    if finding is None:
                        self.problems.append(f"{source.name} 的一个问题（{item.get('rule_id')}）重新审查时未再出现，已跳过")
                        continue
                    yield ReviewedFinding(result, finding, state)

    @staticmethod
    def _locate(source: str, folder: Path) -> Path | None:
        if not source:
            return None
        for candidate in (Path(source), folder / source, folder / Path(source).name):
            if candidate.exists():
                return candidate
        return None


def open_source(db: str) -> FindingSource:
    """A JSON results file or folder, or the review store's database URL."""
    if "://" in db:
        try:
            from auditor.training.store_source import StoreSource  # the review store, once integrated
        except ImportError as exc:
            raise SourceError("审查库（auditor/store）尚未集成到本版本；请改用 JSON 审查结果文件"
                              "（auditor audit --format json 的输出，可加 reviews 标注）") from exc
        return StoreSource(db)
    path = Path(db)
    if not path.exists():
        raise SourceError(f"找不到审查结果 {path.name}")
    return JsonResultsSource(path)
