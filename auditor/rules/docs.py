"""Generate docs/rules/<ID>.md (ruff-style rule pages) and docs/rules/README.md from the rule YAML.

`python -m auditor.rules.docs [OUT_DIR]` rewrites the pages; a test keeps the committed ones in step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.rules.loader import load_rules
from auditor.rules.profiles import load_profiles
from auditor.rules.rule import BasisEntry, Rule

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "rules"
_SEVERITY = SEVERITY_LABEL
_CATEGORY = CATEGORY_LABEL


def _basis_line(b: BasisEntry) -> str:
    where = f"第{b.article}条"
    if b.paragraph:
        where += f"第{b.paragraph}款"
    if b.item:
        where += f"第（{b.item}）项"
    keywords = "、".join(f"“{t}”" for t in b.basis_text)
    return f"- 《{b.law}》（{b.version}年）{where}：{keywords}"


def _block(text: str) -> str:
    return "```text\n" + text.rstrip() + "\n```"


def render_rule_page(rule: Rule) -> str:
    lines = [
        f"# {rule.id}：{rule.name}",
        "",
        "<!-- 本页由 auditor/rules/docs.py 根据 lexicons/rules/*.yaml 生成，请勿手工修改。 -->",
        "",
        f"- 类别：{_CATEGORY.get(rule.category, rule.category)}（`{rule.category}`）",
        f"- 严重程度：{_SEVERITY.get(rule.severity, rule.severity)}（`{rule.severity}`）",
        f"- 检查方式：`{rule.kind}`",
        f"- 适用：{'、'.join(load_profiles()[p].name for p in rule.profiles)}（lexicons/profiles/）",
        f"- 提示语：{rule.message}",
        "",
        "## 检查什么",
        "",
        rule.docs["what"],
        "",
        "## 为什么重要",
        "",
        rule.docs["why"],
        "",
        "## 法律依据",
        "",
        *[_basis_line(b) for b in rule.legal_basis],
        "",
        "## 错误示例",
        "",
        _block(rule.docs["bad"]),
        "",
        "## 正确示例",
        "",
        _block(rule.docs["good"]),
        "",
        "## 已知误报",
        "",
        rule.docs["false_positives"],
        "",
    ]
    return "\n".join(lines)


def render_index(rules: list[Rule]) -> str:
    lines = [
        "# 审查规则一览",
        "",
        "<!-- 本页由 auditor/rules/docs.py 根据 lexicons/rules/*.yaml 生成，请勿手工修改。 -->",
        "",
        "| 规则 | 名称 | 类别 | 严重程度 |",
        "| --- | --- | --- | --- |",
    ]
    for r in rules:
        lines.append(
            f"| [{r.id}]({r.id}.md) | {r.name} | {_CATEGORY.get(r.category, r.category)} | "
            f"{_SEVERITY.get(r.severity, r.severity)} |"
        )
    lines += ["", "## 审查规则集（`--profile`，lexicons/profiles/*.yaml）", "",
              "不指定 `--profile` 时运行全部规则。", ""]
    for profile in load_profiles().values():
        count = sum(1 for r in rules if profile.id in r.profiles)
        lines += [f"### {profile.name}（`{profile.id}`，{count} 条规则）", "", profile.purpose, ""]
        for group in profile.groups:
            links = "、".join(f"[{rid}]({rid}.md)" for rid in group.rules)
            lines += [f"- **{group.topic}**：{group.reason}", f"  规则：{links}"]
        lines.append("")
    return "\n".join(lines)


def rendered_pages(rules: list[Rule] | None = None) -> dict[str, str]:
    """File name -> content of every generated page."""
    chosen = load_rules() if rules is None else rules
    pages = {f"{r.id}.md": render_rule_page(r) for r in chosen}
    pages["README.md"] = render_index(chosen)
    return pages


def write_rule_docs(out_dir: Path | str = DOCS_DIR, rules: list[Rule] | None = None) -> list[Path]:
    """Write the rule pages and the index; returns the written paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in rendered_pages(rules).items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_rule_docs(sys.argv[1] if len(sys.argv) > 1 else DOCS_DIR):
        print(p)
