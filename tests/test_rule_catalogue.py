"""The catalogue as a whole: which rules exist, and that each is documented and has fixtures both ways.

A rule leaving the catalogue must be a deliberate edit of this list, never a silently broken YAML file; a rule
joining it needs no edit here (one YAML file and one fixture file, docs/adding-a-rule.md).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from auditor.rules.docs import DOCS_DIR
from auditor.rules.loader import load_rules
from auditor.rules.rule import CATEGORIES

FIXTURES = Path(__file__).parent / "rules"
CATALOGUE = {
    "APPRAISAL-NOTICE-MISSING", "ARREST-DECISION-DEADLINE", "ARREST-NOTICE-LATE", "ARREST-NOTICE-MISSING",
    "ARREST-REQUEST-DEADLINE", "BAIL-BOTH-GUARANTEES", "BAIL-DEPOSIT-BELOW-MINIMUM", "BAIL-EXECUTION-NOTICE-MISSING",
    "BAIL-EXECUTOR-MISSING", "BAIL-GUARANTOR-PLEDGE-MISSING", "BAIL-NO-GUARANTEE", "BAIL-OBLIGATIONS-MISSING",
    "BAIL-SURVEILLANCE-WORDING-MIXED", "BAIL-TERM", "BAIL-VAGUE-REASON", "BAIL-WRONG-ARTICLE", "CITATION-NONEXISTENT",
    "CITATION-OUTDATED", "CONDITIONAL-NON-PROSECUTION-PRIVATE-PROSECUTION-NOTICE",
    "CONDITIONAL-NON-PROSECUTION-PROBATION-TERM", "CONSISTENCY-BIRTH-DATE", "CONSISTENCY-DETENTION-DATE",
    "CONSISTENCY-GENDER", "CONSISTENCY-ID-NUMBER", "DESIGNATED-RESIDENCE-NOTICE-MISSING", "DETENTION-NOTICE-LATE",
    "DETENTION-NOTICE-MISSING", "FILING-DECISION-LATE", "INTERROGATION-AFTER-ARREST-LATE",
    "INTERROGATION-AFTER-DETENTION-LATE", "INVESTIGATION-CUSTODY-OVERDUE", "NON-ARREST-REVIEW-LATE",
    "NON-PROSECUTION-DELIVERY-MISSING", "NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-MISSING",
    "NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-WRONG", "NON-PROSECUTION-TYPE-ARTICLE-MISMATCH",
    "NON-PROSECUTION-VICTIM-NOTICE-MISSING", "NON-PROSECUTION-VICTIM-NOTICE-WRONG-LEVEL",
    "NON-PROSECUTION-WRONG-ARTICLE", "PROSECUTION-REVIEW-LATE", "REVIEW-REQUEST-LATE", "RIGHTS-NOTICE-LAWYER-MISSING",
    "RIGHTS-NOTICE-LENIENCY-MISSING", "SEIZURE-LIST-MISSING", "SUPPLEMENTARY-INVESTIGATION-LIMIT",
    "SURVEILLANCE-EXECUTION-NOTICE-MISSING", "SURVEILLANCE-EXECUTOR-MISSING", "SURVEILLANCE-OBLIGATIONS-MISSING",
    "SURVEILLANCE-TERM", "SURVEILLANCE-WRONG-ARTICLE",
}  # fmt: skip
RULES = load_rules()


def test_no_pinned_rule_has_left_the_catalogue() -> None:
    assert {r.id for r in RULES} >= CATALOGUE
    assert len(CATALOGUE) >= 40  # issue 5


def test_each_rule_has_a_page_and_fixtures_both_ways() -> None:
    for rule in RULES:
        assert (DOCS_DIR / f"{rule.id}.md").exists()
        text = (FIXTURES / f"{rule.id}.txt").read_text(encoding="utf-8")
        marks = Counter(re.findall(r"【(ruleid|ok): " + re.escape(rule.id) + "】", text))
        assert marks["ruleid"] >= 2 and marks["ok"] >= 2, rule.id


def test_every_category_is_covered() -> None:
    used = {r.category for r in RULES}
    assert used >= set(CATEGORIES)


def test_rule_docs_copied_from_another_rule_are_caught() -> None:
    # SURVEILLANCE-DURATION-EXCEEDED once shipped BAIL-DURATION-EXCEEDED's page word for word.
    seen: dict[tuple[str, str], str] = {}
    for rule in RULES:
        for section in ("what", "why", "bad", "good"):
            key = (section, rule.docs[section])
            assert key not in seen, f"{rule.id} docs.{section} repeats {seen[key]}"
            seen[key] = rule.id
