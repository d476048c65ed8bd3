"""Legal knowledge lives in lexicons/, not in code: no article number and no day count in auditor/rules/.

Explanation prose is template data (lexicons/rule_steps.yaml and the rule files) where test_rule_basis.py and the
statute pins can see it; a Chinese 第N条 or 三日 written in a rule module is a fact nothing checks.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

RULES_DIR = Path(__file__).resolve().parents[1] / "auditor" / "rules"
_CN = "零〇一二三四五六七八九十百两"
ARTICLE = re.compile(rf"第[{_CN}0-9]+[条款项]")
COUNT = re.compile(rf"[{_CN}0-9]+(?:日|天|个月|小时)(?:以内|内|以上|以下)?")
LEGAL_ATTRIBUTES = {"article", "paragraph", "item"}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def violations(source: str) -> list[str]:
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            for pattern in (ARTICLE, COUNT):
                found += [f"line {node.lineno}: {m.group(0)!r}" for m in pattern.finditer(node.value)]
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr in LEGAL_ATTRIBUTES for s in sides) and any(
                isinstance(s, ast.Constant) and isinstance(s.value, int) and not isinstance(s.value, bool)
                and s.value > 1 for s in sides
            ):
                found.append(f"line {node.lineno}: an article number compared in code")
    return found


@pytest.mark.parametrize("path", sorted(RULES_DIR.rglob("*.py")), ids=lambda p: str(p.relative_to(RULES_DIR)))
def test_rule_modules_hold_no_article_numbers_or_day_counts(path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        ('steps = ["超过三日"]', True),
        ('x = f"依照第一百七十七条第二款"', True),
        ("if b.article == 290: pass", True),
        ('label = "第{article}条"', False),  # a placeholder, filled from data
        ('def f():\n    """CPL 91(1): 拘留后的三日以内."""\n', False),  # docstrings explain
        ('pattern = r"第\\s*([0-9一二三]{1,3})\\s*次"', False),
    ],
)
def test_the_scan_itself(source: str, bad: bool) -> None:
    assert bool(violations(source)) is bad
