"""Review profiles (lexicons/profiles/*.yaml): the one place that decides which rules a review program runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from auditor.cli import build_parser
from auditor.pipeline import audit_path
from auditor.rules.engine import select_rules
from auditor.rules.loader import RULES_DIR, load_rules
from auditor.rules.profiles import PROFILES_DIR, ProfileError, load_profiles, parse_profile

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules()
PROFILES = load_profiles()


def test_every_rule_runs_in_some_profile_and_every_listed_rule_exists() -> None:
    ids = {r.id for r in RULES}
    listed = {rid for p in PROFILES.values() for rid in p.rule_ids}
    assert listed == ids


def test_rule_files_no_longer_list_profiles() -> None:
    for path in RULES_DIR.glob("*.yaml"):
        assert "applies_to" not in yaml.safe_load(path.read_text(encoding="utf-8")), path.name


@pytest.mark.parametrize(
    ("rule_id", "profiles"),
    [
        ("NON-PROSECUTION-WRONG-ARTICLE", ("procuratorate",)),  # the procuratorate's own decision
        ("NON-PROSECUTION-DELIVERY-MISSING", ("procuratorate",)),
        ("PROSECUTION-REVIEW-LATE", ("procuratorate",)),  # 审查起诉 periods
        ("ARREST-DECISION-DEADLINE", ("procuratorate",)),  # the procuratorate's 7 days, not a police mistake
        ("SURVEILLANCE-EXECUTION-NOTICE-MISSING", ("procuratorate",)),
        ("DETENTION-NOTICE-MISSING", ("police",)),  # a police step the 不起诉 review does not audit
        ("BAIL-TERM", ("police",)),
        ("RIGHTS-NOTICE-LAWYER-MISSING", ("police",)),
        ("INVESTIGATION-CUSTODY-OVERDUE", ("police", "procuratorate")),  # custody chain: evidence of the history
        ("SUPPLEMENTARY-INVESTIGATION-LIMIT", ("police", "procuratorate")),  # 退补 count and the police's month
        ("REVIEW-REQUEST-LATE", ("police", "procuratorate")),
        ("CITATION-OUTDATED", ("police", "procuratorate")),
    ],
)
def test_profile_membership(rule_id: str, profiles: tuple[str, ...]) -> None:
    assert next(r for r in RULES if r.id == rule_id).profiles == profiles


def test_profiles_differ() -> None:
    police = {r.id for r in select_rules(RULES, "police")}
    procuratorate = {r.id for r in select_rules(RULES, "procuratorate")}
    assert len(police - procuratorate) >= 10 and len(procuratorate - police) >= 10


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_group_gives_the_rule_base_reason(profile: str) -> None:
    for group in PROFILES[profile].groups:
        assert re.search(r"第\d+(、\d+)*条|§\d|DF\d\d", group.reason), group.topic


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"id": "x", "name": "x", "purpose": "x"}, r"missing field\(s\): groups"),
        ({"id": "x", "name": "x", "purpose": "x", "groups": [{"topic": "t", "rules": ["A"]}]}, "needs topic, reason"),
        ({"id": "x", "name": "x", "purpose": "x", "groups": [{"topic": "t", "reason": "r", "rules": ["A", "A"]}]},
         "listed twice"),
    ],
)
def test_bad_profile_files_are_refused(data: dict, problem: str) -> None:
    with pytest.raises(ProfileError, match=problem):
        parse_profile(data, "x.yaml")


def test_cli_profile_choices_come_from_the_files() -> None:
    action = next(a for a in build_parser()._subparsers._group_actions[0].choices["audit"]._actions
                  if a.dest == "profile")
    assert sorted(action.choices) == sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


def test_choosing_the_procuratorate_profile_changes_the_findings() -> None:
    """Issue 13: 49 of 50 rules ran in both profiles, so choosing one changed nothing."""
    sample = ROOT / "sample_files" / "case_08_both_guarantees_missing_notice.txt"
    every = {f.rule_id for f in audit_path(sample).findings}
    police = {f.rule_id for f in audit_path(sample, profile="police").findings}
    procuratorate = {f.rule_id for f in audit_path(sample, profile="procuratorate").findings}
    assert "BAIL-BOTH-GUARANTEES" in every and police == every
    assert "BAIL-BOTH-GUARANTEES" not in procuratorate
