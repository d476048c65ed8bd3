"""What the workbench derives from stored audits (auditor/store/derived.py): each stored dossier's warnings as of a
day (stored ones re-levelled, else rebuilt from the stored page texts) and its score under the review state."""

from __future__ import annotations

import datetime as dt

from auditor.model import AuditResult
from auditor.scoring import score_findings, standard_for
from auditor.store import Store
from auditor.store.derived import dossier_score, dossier_scores, stored_warnings
from auditor.warn import warnings_as_of

CASE_08 = "case_08_both_guarantees_missing_notice.txt"
CASE_09 = "case_09_arrest_deadline_outdated_citation.pdf"
AUDITED = dt.date(2022, 6, 1)  # the as-of day of the stored audit: after case_09's last document (2022-05-12)


def _save(store: Store, result: AuditResult) -> int:
    return store.save_result(result, store.start_run("test"))


def _plain(warnings) -> list[dict]:  # noqa: ANN001
    """A warning as the page shows it; evidence boxes are not kept with the stored pages."""
    out = []
    for w in warnings:
        data = w.model_dump(mode="json")
        data["evidence"] = [{k: v for k, v in e.items() if k != "bbox"} for e in data["evidence"]]
        out.append(data)
    return out


def test_stored_warnings_are_relevelled_to_a_later_day(store: Store,
                                                         sample_results: dict[str, AuditResult]) -> None:
    from auditor.pipeline import audit_dossier

    result = sample_results[CASE_09]
    audited = audit_dossier(result.dossier, as_of=AUDITED)
    did = _save(store, audited)
    assert store.result(did).report.as_of == AUDITED
    for day in (AUDITED, dt.date(2022, 6, 10), dt.date(2025, 1, 1)):
        found = stored_warnings(store, did, day)
        assert not found.rebuilt
        assert _plain(found.warnings) == _plain(warnings_as_of(result.case, day))
    assert [(w.id, w.days_left, w.level) for w in stored_warnings(store, did, dt.date(2022, 6, 10)).warnings] == [
        ("prosecution-review", 2, "orange")]  # a month's period: orange within 7 days
    # an earlier day than the stored audit: documents dated in between did not exist yet; rebuilt from the pages
    early = stored_warnings(store, did, dt.date(2022, 5, 10))
    assert early.rebuilt and early.unit == "临川区公安局"
    assert _plain(early.warnings) == _plain(warnings_as_of(result.case, dt.date(2022, 5, 10)))
    assert [(w.id, str(w.last_day), w.days_left, w.level) for w in early.warnings] == [
        ("investigation-custody", "2022-05-31", 21, "yellow")]


def test_a_report_stored_without_warnings_is_rebuilt_from_its_pages(store: Store,
                                                                   sample_results: dict[str, AuditResult]) -> None:
    for name in (CASE_08, CASE_09):
        result = sample_results[name]
        did = _save(store, result)  # audited without as_of
        assert store.result(did).report.warnings is None
        for day in (dt.date(2022, 3, 20), dt.date(2022, 5, 10), dt.date(2023, 1, 1)):
            found = stored_warnings(store, did, day)
            assert found.rebuilt
            assert _plain(found.warnings) == _plain(warnings_as_of(result.case, day))


def test_the_score_counts_confirmed_findings_once_the_case_is_reviewed(
        store: Store, sample_results: dict[str, AuditResult]) -> None:
    result = sample_results[CASE_09]
    did = _save(store, result)
    before = dossier_score(store, did)
    assert before.basis == "audit"
    assert before.model_dump() == result.score.model_dump()  # unreviewed: the audit's own score
    rows = {f.rule_id: f for f in store.findings(dossier_id=did)}
    store.decide(rows["ARREST-REQUEST-DEADLINE"].finding_id, "confirmed", by="张三")
    store.decide(rows["CITATION-OUTDATED"].finding_id, "dismissed", by="张三", reason="D01")
    after = dossier_score(store, did)
    expected = score_findings(result.findings, standard_for(None), {
        rows["ARREST-REQUEST-DEADLINE"].fingerprint: "confirmed", rows["CITATION-OUTDATED"].fingerprint: "dismissed"},
        unit="临川区公安局")
    assert after.model_dump() == expected.model_dump()
    assert after.basis == "review" and [d.rule_id for d in after.deductions] == ["ARREST-REQUEST-DEADLINE"]
    assert after.deductions[0].fingerprint == rows["ARREST-REQUEST-DEADLINE"].fingerprint
    assert len(after.pending) == len(rows) - 2
    procuratorate = dossier_score(store, did, "procuratorate")
    assert procuratorate.standard == "procuratorate" and procuratorate.basis == "review"
    assert [name for name, _ in dossier_scores(store, [did])] == [CASE_09]
