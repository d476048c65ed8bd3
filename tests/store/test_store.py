"""The review store on SQLite and PostgreSQL: results cached per dossier, findings with their review state, the
append-only decision log, users and roles, rule settings."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from auditor.model import AuditResult
from auditor.rules.version import ruleset_version
from auditor.store import PermissionDenied, ReviewError, Store, content_hash

CASE_08 = "case_08_both_guarantees_missing_notice.txt"
CASE_09 = "case_09_arrest_deadline_outdated_citation.pdf"


def _save(store: Store, result: AuditResult, **kw) -> int:
    run = store.start_run("test")
    return store.save_result(result, run, **kw)


def test_save_result_keeps_the_audit_as_it_was(store: Store, sample_results: dict[str, AuditResult]) -> None:
    result = sample_results[CASE_09]
    did = _save(store, result)
    stored = store.result(did)
    assert stored.report.model_dump(mode="json") == result.report().model_dump(mode="json")
    assert stored.dossier.source_name == CASE_09 and stored.dossier.pages == len(result.dossier.pages)
    assert stored.dossier.organ == "临川区公安局"
    assert [f.fingerprint for f in stored.findings] == [f.fingerprint for f in result.findings]
    assert all(f.status is None for f in stored.findings)
    pages = store.pages(did, [9])
    assert pages[0].number == 9 and pages[0].text == result.dossier.pages[8].text
    assert pages[0].file_path is not None and pages[0].file_path.name == CASE_09


def test_the_same_bytes_are_not_stored_twice_unless_a_reaudit_is_asked(
        store: Store, sample_results: dict[str, AuditResult]) -> None:
    result = sample_results[CASE_08]
    digest = content_hash(result.dossier.source)
    assert store.has_dossier(digest, ruleset_version()) is None
    first = _save(store, result)
    assert store.has_dossier(digest, ruleset_version()) == first
    assert store.has_dossier(digest, "another-ruleset") is None
    assert store.has_dossier(digest, ruleset_version(), profile="police") is None
    assert _save(store, result) == first
    again = _save(store, result, replace=True)
    assert again != first
    assert [d.id for d in store.dossiers()] == [again]  # the case's latest version only
    assert {d.id for d in store.dossiers(latest_only=False)} == {first, again}
    assert store.dossier(again).version == 2


@pytest.mark.parametrize(
    ("filters", "expected_rules"),
    [
        # case_09 also interrogates 1.2 hours late and lacks the victim's appraisal notice (rules of issue 11:
        # findings the sample really holds)
        ({}, {"BAIL-BOTH-GUARANTEES", "DETENTION-NOTICE-MISSING", "ARREST-REQUEST-DEADLINE", "CITATION-OUTDATED",
              "INTERROGATION-AFTER-DETENTION-LATE"}),
        ({"severity": "error", "category": "deadline"}, {"ARREST-REQUEST-DEADLINE", "INTERROGATION-AFTER-DETENTION-LATE"}),
        ({"rule_id": ["CITATION-OUTDATED", "BAIL-BOTH-GUARANTEES"]}, {"CITATION-OUTDATED", "BAIL-BOTH-GUARANTEES"}),
        ({"case_key": CASE_08}, {"BAIL-BOTH-GUARANTEES", "DETENTION-NOTICE-MISSING"}),
        ({"search": "拘留通知书"}, {"DETENTION-NOTICE-MISSING"}),
        ({"status": "confirmed"}, {"ARREST-REQUEST-DEADLINE"}),
        ({"status": "dismissed", "reviewer": "李四"}, {"CITATION-OUTDATED"}),
        ({"status": "unreviewed"}, {"BAIL-BOTH-GUARANTEES", "DETENTION-NOTICE-MISSING",
                                    "INTERROGATION-AFTER-DETENTION-LATE"}),
        ({"status": ["unreviewed", "confirmed"], "organ": "临川区公安局"},
         {"ARREST-REQUEST-DEADLINE", "INTERROGATION-AFTER-DETENTION-LATE"}),
    ],
)
def test_findings_filters(store: Store, sample_results: dict[str, AuditResult], filters: dict,
                          expected_rules: set[str]) -> None:
    _save(store, sample_results[CASE_08])
    _save(store, sample_results[CASE_09])
    by_rule = {f.rule_id: f for f in store.findings(case_key=CASE_09)}
    store.decide(by_rule["ARREST-REQUEST-DEADLINE"].finding_id, "confirmed", by="张三")
    store.decide(by_rule["CITATION-OUTDATED"].finding_id, "dismissed", by="李四", reason="D05")
    assert {f.rule_id for f in store.findings(**filters)} == expected_rules


def test_the_log_is_append_only_and_the_state_is_its_latest_entry(
        store: Store, sample_results: dict[str, AuditResult]) -> None:
    did = _save(store, sample_results[CASE_09])
    finding = store.findings(dossier_id=did)[0]
    store.decide(finding.finding_id, "pending", by="张三", reason="P01", comment="调阅原卷")
    store.decide(finding.finding_id, "confirmed", by="张三", reason="C01")
    history = store.history(finding.case_id, finding.fingerprint)
    assert [d.status for d in history] == ["pending", "confirmed"]
    assert history[0].comment == "调阅原卷" and history[0].decided_at <= history[1].decided_at
    assert store.current_state(dossier_id=did)[finding.fingerprint].status == "confirmed"
    assert store.findings(ids=[finding.finding_id])[0].status == "confirmed"
    # the database itself refuses to change or delete the log
    for sql in ("UPDATE decisions SET status = 'dismissed'", "DELETE FROM decisions"):
        with pytest.raises(DBAPIError), store.engine.begin() as conn:
            conn.execute(text(sql))
    assert [d.status for d in store.history(finding.case_id, finding.fingerprint)] == ["pending", "confirmed"]


@pytest.mark.parametrize(
    ("status", "reason", "error"),
    [
        ("dismissed", None, "驳回需要选择理由"),
        ("pending", None, "待补充需要选择理由"),
        ("dismissed", "C01", "not a reason for 驳回"),
        ("confirmed", "NOPE", "not a reason for 确认"),
        ("accepted", None, "unknown status"),
    ],
)
def test_a_decision_needs_a_known_status_and_reason(store: Store, sample_results: dict[str, AuditResult],
                                                    status: str, reason: str | None, error: str) -> None:
    did = _save(store, sample_results[CASE_09])
    finding = store.findings(dossier_id=did)[0]
    with pytest.raises(ReviewError, match=error):
        store.decide(finding.finding_id, status, by="张三", reason=reason)
    assert store.decisions() == []


def test_bulk_decisions_are_all_or_none(store: Store, sample_results: dict[str, AuditResult]) -> None:
    did = _save(store, sample_results[CASE_09])
    ids = [f.finding_id for f in store.findings(dossier_id=did)]
    with pytest.raises(ReviewError):
        store.decide_many([*ids, 10_000], "confirmed", by="张三")
    assert store.decisions() == []
    assert len(store.decide_many(ids, "confirmed", by="张三")) == len(ids)
    assert {f.status for f in store.findings(dossier_id=did)} == {"confirmed"}


def test_team_mode_roles(store: Store, sample_results: dict[str, AuditResult]) -> None:
    did = _save(store, sample_results[CASE_09])
    first, second = store.findings(dossier_id=did)[:2]
    assert not store.team_mode
    store.add_user("王审", "reviewer", password="pw-1")
    store.add_user("赵审", "reviewer", password="pw-2")
    store.add_user("钱复", "checker", password="pw-3")
    store.add_user("孙管", "admin", password="pw-4")
    assert store.team_mode
    assert store.authenticate("王审", "pw-1").role == "reviewer"
    assert store.authenticate("王审", "wrong") is None
    assert store.authenticate("无此人", "pw-1") is None
    with pytest.raises(PermissionDenied):
        store.decide(first.finding_id, "confirmed", by="陌生人")  # team mode: only known users
    store.decide(first.finding_id, "confirmed", by="王审")
    store.decide(first.finding_id, "pending", by="王审", reason="P02")  # one's own decision may change
    with pytest.raises(PermissionDenied, match="只有复核人"):
        store.decide(first.finding_id, "dismissed", by="赵审", reason="D01")
    with pytest.raises(PermissionDenied, match="只有复核人"):
        store.decide(first.finding_id, "dismissed", by="孙管", reason="D01")
    overruling = store.decide(first.finding_id, "dismissed", by="钱复", reason="D04", comment="有延长审批")
    history = store.history(first.case_id, first.fingerprint)
    assert [(d.reviewer, d.role, d.status) for d in history] == [
        ("王审", "reviewer", "confirmed"), ("王审", "reviewer", "pending"), ("钱复", "checker", "dismissed")]
    assert overruling.overrules_id == history[1].id
    store.decide(second.finding_id, "confirmed", by="赵审")
    with pytest.raises(PermissionDenied, match="只有管理员"):
        store.set_rule("BAIL-TERM", by="钱复", enabled=False)
    store.set_rule("BAIL-TERM", by="孙管", enabled=False)
    store.set_role("赵审", "reviewer", active=False)
    with pytest.raises(PermissionDenied, match="停用"):
        store.decide(second.finding_id, "dismissed", by="赵审", reason="D01")
    assert "pw-1" not in {u.name for u in store.users()}
    assert all(u.has_password for u in store.users())


def test_rule_settings_latest_wins_and_a_profile_overrides_every_profile(store: Store) -> None:
    store.set_rule("BAIL-TERM", by="张三", params={"max": "6m"})
    store.set_rule("BAIL-TERM", by="张三", params={"max": "9m"})
    store.set_rule("SURVEILLANCE-TERM", by="张三", enabled=False)
    store.set_rule("SURVEILLANCE-TERM", by="张三", profile="police", enabled=True)
    assert store.rule_config() == {"BAIL-TERM": {"enabled": True, "params": {"max": "9m"}},
                                   "SURVEILLANCE-TERM": {"enabled": False, "params": {}}}
    assert store.rule_config("police") == {"BAIL-TERM": {"enabled": True, "params": {"max": "9m"}}}
    with pytest.raises(DBAPIError), store.engine.begin() as conn:
        conn.execute(text("DELETE FROM rule_settings"))


def test_two_findings_with_one_fingerprint_stay_apart(store: Store, sample_results: dict[str, AuditResult]) -> None:
    result = sample_results[CASE_09]
    doubled = result.model_copy(update={"findings": result.findings + result.findings[:1]})
    did = _save(store, doubled, content_hash="doubled")
    fingerprints = [f.fingerprint for f in store.findings(dossier_id=did)]
    assert len(set(fingerprints)) == len(fingerprints) == len(result.findings) + 1
