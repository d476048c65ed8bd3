"""docs/coverage.md maps the rule base's defect types (DF01–DF30) to rules: it names only rules that exist (a removed or
renamed rule leaves it). Adding a rule needs no edit here (docs/adding-a-rule.md); the table is revised by hand."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.rules.loader import load_rules

DOC = Path(__file__).resolve().parents[1] / "docs" / "coverage.md"
RULE_ID = re.compile(r"\b[A-Z]+(?:-[A-Z]+)+\b")


def _rows() -> dict[str, set[str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 4 and re.fullmatch(r"DF\d\d", cells[1]):
            rows[cells[1]] = set(RULE_ID.findall(cells[3]))
    return rows


def test_every_defect_type_has_a_row() -> None:
    assert sorted(_rows()) == [f"DF{i:02d}" for i in range(1, 31)]


def test_named_rules_exist() -> None:
    named = set().union(*_rows().values())
    assert named - {r.id for r in load_rules()} == set()
