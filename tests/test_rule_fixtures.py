"""Semgrep-style rule fixtures: tests/rules/<RULE-ID>.txt, cases marked 【ruleid: ID】 (must fire), 【ok: ID】 (must
not fire) or 【info: ID】 (must fire as an info-level "please check" only: the file cannot settle it).

A fixture file holds cases separated by a line "##### case"; lines starting with "#" are comments (the
markers live there); the rest is dossier text with documents separated by "=====". Each case runs through
the whole pipeline (`auditor.pipeline.audit_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from auditor.rules.loader import load_rules

FIXTURES = Path(__file__).resolve().parent / "rules"
CASE_BREAK = "##### case"
MARK_RE = re.compile(r"【(ruleid|ok|info):\s*([A-Z0-9][A-Z0-9-]*)】")
RULE_IDS = {r.id for r in load_rules()}
MIN_CASES = 2
PLACEHOLDER_RE = re.compile(r"\{[a-z_]+\}")


@dataclass(frozen=True)
class FixtureCase:
    file: str
    index: int
    rule_id: str
    must_fire: bool
    text: str
    comment: str
    info_only: bool = False

    @property
    def name(self) -> str:
        kind = "info" if self.info_only else "ruleid" if self.must_fire else "ok"
        return f"{self.file}#{self.index}:{kind}:{self.rule_id}"


def parse_fixture(path: Path) -> list[FixtureCase]:
    cases = []
    chunks = re.split(rf"^{re.escape(CASE_BREAK)}[ \t]*$", path.read_text(encoding="utf-8"), flags=re.M)
    for index, chunk in enumerate(chunks, start=1):
        lines = chunk.strip("\n").split("\n")
        comments = [ln for ln in lines if ln.startswith("#")]
        text = "\n".join(ln for ln in lines if not ln.startswith("#")).strip("\n") + "\n"
        for line in comments:
            for kind, rule_id in MARK_RE.findall(line):
                cases.append(FixtureCase(path.name, index, rule_id, kind in ("ruleid", "info"), text, line.lstrip("# "),
                                         info_only=kind == "info"))
    return cases


ALL_CASES = [c for p in sorted(FIXTURES.glob("*.txt")) for c in parse_fixture(p)]


@pytest.mark.parametrize("rule_id", sorted(RULE_IDS))
def test_every_rule_has_fixtures(rule_id: str) -> None:
    path = FIXTURES / f"{rule_id}.txt"
    assert path.exists(), f"missing fixture file {path}"
    cases = [c for c in parse_fixture(path) if c.rule_id == rule_id]
    assert sum(c.must_fire and not c.info_only for c in cases) >= MIN_CASES, f"{rule_id}: needs ≥{MIN_CASES} 【ruleid】 cases"
    assert sum(not c.must_fire for c in cases) >= MIN_CASES, f"{rule_id}: needs ≥{MIN_CASES} 【ok】 cases"


def test_markers_name_known_rules() -> None:
    assert ALL_CASES
    unknown = {c.rule_id for c in ALL_CASES} - RULE_IDS
    assert not unknown, f"fixtures mark unknown rules: {unknown}"
    assert all(c.text.strip() for c in ALL_CASES)


def test_parse_fixture(tmp_path: Path) -> None:
    path = tmp_path / "X.txt"
    path.write_text(
        "# 【ruleid: A-1】 one\n拘留证\n##### case\n# 【ok: A-1】【ok: B】\n# note\n拘留通知书\n##### case\n# 【info: B】\n笔录\n",
        encoding="utf-8",
    )
    got = [(c.index, c.rule_id, c.must_fire, c.info_only, c.text) for c in parse_fixture(path)]
    assert got == [(1, "A-1", True, False, "拘留证\n"), (2, "A-1", False, False, "拘留通知书\n"),
                   (2, "B", False, False, "拘留通知书\n"), (3, "B", True, True, "笔录\n")]


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.name for c in ALL_CASES])
def test_fixture_case(case: FixtureCase) -> None:
    pipeline = pytest.importorskip("auditor.pipeline", reason="auditor.pipeline (whole audit) is not available yet")
    result = pipeline.audit_text(case.text, source=case.name)
    fired = [f for f in result.findings if f.rule_id == case.rule_id]
    detail = (
        f"{case.name} ({case.comment})\nfindings: {[(f.rule_id, f.message) for f in result.findings]}\n"
        f"documents: {[(d.type, d.date) for d in result.documents]}\n"
        f"events: {[(e.action, e.date, e.person) for e in result.events]}\n"
        f"errors: {[e.message for e in result.dossier.errors]}"
    )
    # regression: the duration rules' messages named {from_action}, which the deadline kind never filled
    unfilled = [(f.rule_id, t) for f in fired for t in (f.message, *f.explanation.steps) if PLACEHOLDER_RE.search(t)]
    assert not unfilled, unfilled
    if case.info_only:
        assert fired and all(f.severity == "info" for f in fired), "expected an info-level finding only\n" + detail
    elif case.must_fire:
        assert fired, "expected the rule to fire\n" + detail
    else:
        assert not fired, "expected no finding\n" + detail
