"""What the workbench and the exports derive from a stored audit without reading the dossier's files again: the
执法巡查预警 of each stored dossier as of a day, and its 评查得分 under the current review state.

Warnings. A dossier audited into the store with `as_of` (the upload page and `auditor audit --db` use the audit
day) carries its warnings in the stored report; on any later day they are the same running periods, re-levelled
(`auditor.warn.relevel`: the file has not changed since). A stored report without warnings (audited before, or by
a batch without `--as-of`), or one whose warnings were computed for a later day than asked, is rebuilt from its
stored page texts (segmentation and extraction again, no OCR, no rules) and its warnings computed for the day.

Scores. Always computed afresh (a review may have changed since the audit): the stored findings, keyed by their
stored fingerprints; only confirmed ones count once the case has any review decision, every finding otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor.model import Case, DeadlineWarning, Dossier, Finding, Page, Score
from auditor.scoring import score_findings, standard_for
from auditor.store.api import PageView, Store, StoredResult
from auditor.warn import relevel
from auditor.warn.board import BoardEntry


def dossier_of(pages: Iterable[PageView], source_name: str) -> Dossier:
    """A dossier rebuilt from its stored pages (files start new documents, as TXT parts do)."""
    dossier = Dossier(source=source_name)
    for p in pages:
        dossier.pages.append(Page(number=p.number, text=p.text, source=p.file_name, method=p.method,
                                  quality=p.quality, source_index=p.source_index, width=p.width, height=p.height))
    dossier.build_text()
    dossier.hard_breaks = [start for i, (start, page) in enumerate(zip(dossier.page_starts, dossier.pages,
                                                                        strict=True))
                           if i and (page.method == "txt" or page.source != dossier.pages[i - 1].source)]
    return dossier


def rebuilt_warnings(store: Store, dossier_id: int, as_of: dt.date) -> tuple[DeadlineWarning, ...]:
    """The warnings of a stored dossier as of `as_of`, from its stored page texts (no OCR, no rules run)."""
    from auditor.pipeline import audit_dossier

    summary = store.dossier(dossier_id)
    result = audit_dossier(dossier_of(store.pages(dossier_id), summary.source_name), profile=summary.profile or None,
                           rules=(), as_of=as_of)
    return result.warnings or ()


@dataclass(frozen=True)
class StoredWarnings:
    """One stored dossier's warnings as of a day, and how they were obtained."""

    dossier_id: int
    source_name: str
    unit: str | None
    warnings: tuple[DeadlineWarning, ...]
    rebuilt: bool  # recomputed from the stored pages (the stored report had none usable for the day)


def stored_warnings(store: Store, dossier_id: int, as_of: dt.date, *, report=None) -> StoredWarnings:  # noqa: ANN001
    """The dossier's running periods and due next acts as of `as_of`: its stored warnings re-levelled when they were
    computed on or before that day, else rebuilt from its stored pages."""
    report = report if report is not None else store.result(dossier_id).report
    summary = store.dossier(dossier_id)
    if report.warnings is not None and report.as_of is not None and report.as_of <= as_of:
        warnings, rebuilt = tuple(relevel(report.warnings, as_of)), False
    else:
        warnings, rebuilt = rebuilt_warnings(store, dossier_id, as_of), True
    return StoredWarnings(dossier_id, summary.source_name, summary.organ or report.unit, warnings, rebuilt)


def board_entry(w: StoredWarnings) -> BoardEntry:
    """For auditor.warn.board: the source is the dossier id (rows link to it), the unit its 办案单位."""
    return BoardEntry(source=str(w.dossier_id), unit=w.unit, warnings=w.warnings)


def stored_findings(stored: StoredResult) -> list[Finding]:
    """The stored findings with the fingerprints the review log keys them by (a repeated one is `fp~2`)."""
    return [Finding.model_validate(row.data).model_copy(update={"fingerprint": row.fingerprint})
            for row in stored.findings]


def reviews_of(store: Store, dossier_id: int) -> dict[str, str] | None:
    """fingerprint → current review state of the dossier's case; None while nothing of it is reviewed."""
    return {fp: d.status for fp, d in store.current_state(dossier_id=dossier_id).items()} or None


def dossier_score(store: Store, dossier_id: int, standard: str | None = None, *,
                  stored: StoredResult | None = None) -> Score:
    """The dossier's 评查得分 under `standard` (else its profile's, else the default), counting only confirmed
    findings once its case has a review decision, every finding before."""
    stored = stored or store.result(dossier_id)
    std = standard_for(stored.dossier.profile or None, standard)
    shell = Case(dossier=Dossier(source=stored.dossier.source_name), documents=stored.report.documents)
    unit = shell.handling_unit(std.unit_side) or stored.dossier.organ
    return score_findings(stored_findings(stored), std, reviews_of(store, dossier_id), unit=unit)


def dossier_scores(store: Store, dossier_ids: Sequence[int], standard: str | None = None) -> list[tuple[str, Score]]:
    """(file name, score) per readable dossier, for auditor.scoring.tables."""
    out = []
    for dossier_id in dossier_ids:
        stored = store.result(dossier_id)
        if stored.dossier.readable:
            out.append((stored.dossier.source_name, dossier_score(store, dossier_id, standard, stored=stored)))
    return out
