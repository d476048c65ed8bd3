"""Reviewed findings from the review store (auditor/store/, docs/store.md).

The store keeps each dossier's page texts, its report and its findings with the current review state
(确认 confirmed / 驳回 dismissed / 待补充 pending). Items need the documents' text around the evidence, so the
dossier is rebuilt from its stored pages and audited again (the same pages give the same findings and
fingerprints; a finding whose fingerprint no longer appears — the rule set changed since — is reported and
skipped). Read only: nothing is written to the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from auditor.model import AuditResult
from auditor.training.sources import CONFIRMED, REJECTED, UNREVIEWED, ReviewedFinding, SourceError

STORE_STATES = {"confirmed": CONFIRMED, "dismissed": REJECTED, "pending": UNREVIEWED, None: UNREVIEWED}


@dataclass
class StoreSource:
    """`url`: the store to open (and close after); or `store`: one already open (the workbench's, left open).
    `result_of(dossier_id)`: the rebuilt audit, when the caller keeps them (the workbench caches them)."""

    url: str | None = None
    problems: list[str] = field(default_factory=list)
    store: Any = None
    result_of: Callable[[int], AuditResult] | None = None

    def _open(self) -> Any:
        if self.store is not None:
            return nullcontext(self.store)
        try:
            from auditor.store import Store
        except ImportError as exc:  # the store is on its own branch until merged
            raise SourceError("审查库（auditor/store）未安装") from exc
        try:
            return Store.open(self.url)
        except Exception as exc:  # noqa: BLE001 — a bad URL or an unreachable server is the user's to fix
            raise SourceError(f"无法打开审查库（{type(exc).__name__}）") from exc

    def reviewed(self) -> Iterator[ReviewedFinding]:
        with self._open() as store:
            by_dossier: dict[int, list] = {}
            for row in store.findings(latest_only=True):
                by_dossier.setdefault(row.dossier_id, []).append(row)
            for dossier_id, rows in by_dossier.items():
                summary = store.dossier(dossier_id)
                result = (self.result_of(dossier_id) if self.result_of is not None
                          else rebuild(store.pages(dossier_id), summary.source_name, summary.profile))
                found = {}
                for f in result.findings:
                    key = f.fingerprint or ""
                    n = 2
                    while key in found:  # the store keys a repeated fingerprint as fp~2, fp~3 …
                        key, n = f"{f.fingerprint}~{n}", n + 1
                    found[key] = f
                for row in rows:
                    finding = found.get(row.fingerprint)
                    if finding is None:
                        self.problems.append(f"{summary.source_name} 的一个问题（{row.rule_id}）重新审查时未再出现"
                                             "（规则可能已更新），已跳过")
                        continue
                    yield ReviewedFinding(result, finding, STORE_STATES.get(row.status, UNREVIEWED))


def rebuild(pages, source_name: str, profile: str | None) -> AuditResult:
    """The audit of a dossier rebuilt from its stored pages (auditor.store.derived.dossier_of)."""
    from auditor.pipeline import audit_dossier
    from auditor.store.derived import dossier_of

    return audit_dossier(dossier_of(pages, source_name), profile=profile or None)
