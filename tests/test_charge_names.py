"""The charge names of lexicons/charge_names.yaml are the SPC/SPP 罪名 rules' own words, and the check's tables."""

from __future__ import annotations

import pytest
from conftest import LAW_CORPUS, requires_shared

from auditor.rules.checks.charge_names import _closest, acceptable, official


@requires_shared
def test_every_name_is_in_the_charge_rules() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in (LAW_CORPUS / "charge-names").glob("*.md"))
    text = text.replace(" ", "").replace("\u3000", "")
    missing = [n for n in official() if n not in text]
    assert missing == []


def test_common_charges_are_listed() -> None:
    for name in ["盗窃罪", "诈骗罪", "故意伤害罪", "危险驾驶罪", "帮助信息网络犯罪活动罪", "侵犯公民个人信息罪",
                 "掩饰、隐瞒犯罪所得、犯罪所得收益罪", "开设赌场罪", "妨害安全驾驶罪"]:
        assert name in official(), name


@pytest.mark.parametrize(
    ("written", "ok"),
    [
        ("盗窃罪", True),
        ("掩饰、隐瞒犯罪所得罪", True),  # a selective charge with part of its alternatives
        ("非法买卖枪支罪", True),  # 非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪
        ("盗窃、诈骗罪", True),  # two official names joined
        ("投毒罪", True),  # cancelled in 2002, still a name of its time
        ("故意伤人罪", False),
        ("偷窃罪", False),
        ("诈骗财物罪", False),
        # regression (ind_bh01): a selective charge drops whole alternatives, not characters of them
        ("走私普通货物罪", True),
        ("走私普通物品罪", True),
        ("走私普通货品罪", False),
        ("组织传销活动罪", True),
        ("运输毒品罪", True),
        # regression (held-out ind_dy02): 刑法 120之三 is 宣扬(恐怖主义 / 极端主义) or 煽动实施恐怖活动
        ("宣扬恐怖主义、极端主义罪", True),
        ("宣扬极端主义罪", True),
        ("煽动实施恐怖活动罪", True),
        ("宣扬恐怖主义、极端主义恐怖活动罪", False),
        # regression (held-out ind_gj01): 虚开 + (增值税专用发票 / 用于骗取出口退税、抵扣税款发票)
        ("虚开增值税专用发票罪", True),
        ("虚开用于抵扣税款发票罪", True),
        ("虚开增值税发票罪", False),
    ],
)
def test_acceptable(written: str, ok: bool) -> None:
    assert acceptable(written) is ok


_SUPPLEMENT_DAYS = {"一": "supplement-1-2002.md", "二": "supplement-2-2003.md", "三": "supplement-3-2007.md",
                    "四": "supplement-4-2009.md", "五": "supplement-5-2011.md", "六": "supplement-6-2015.md",
                    "七": "supplement-7-2021.md"}


@requires_shared
def test_every_cancellation_is_the_supplements_own() -> None:
    """Each cancelled name is written "取消…" in the 补充规定 named, whose 施行 date is `since`; its replacement is an
    official name of the same row."""
    import re

    from auditor.rules.checks.charge_names import cancelled

    for name, entry in cancelled().items():
        number = entry["by"][len("补充规定（"):-1]
        text = (LAW_CORPUS / "charge-names" / _SUPPLEMENT_DAYS[number]).read_text(encoding="utf-8")
        text = text.replace(" ", "").replace("\u3000", "")
        since = entry["since"]
        day = f"{since.year}年{since.month}月{since.day}日"
        assert re.search(rf"{day}(?:起)?施行", text), (name, day)
        # "（取消资助恐怖活动罪罪名）"; two names cancelled together: "（取消走私制毒物品罪和非法买卖制毒物品罪罪名）"
        row = next((r for r in text.splitlines() if "取消" in r and name in r), None)
        assert row is not None, name
        for new in entry["replaced_by"]:
            assert new in official() and new in row, (name, new)


@pytest.mark.parametrize(("written", "day", "outdated"), [
    # regression (corpus v, ind_v10): 资助恐怖活动罪 became 帮助恐怖活动罪 on 2015-11-01
    ("资助恐怖活动罪", "2019-09-25", True),
    ("资助恐怖活动罪", "2015-10-31", False),  # the name of its time
    ("偷税罪", "2010-01-01", True),
    ("生产、销售假药罪", "2022-01-01", False),  # still a selective form of 生产、销售、提供假药罪
    ("帮助恐怖活动罪", "2019-09-25", False),
    ("资助恐怖活动罪", None, False),  # an undated document is not judged
])
def test_a_cancelled_name_is_outdated_from_its_supplements_day(written: str, day: str | None, outdated: bool) -> None:
    from datetime import date

    from auditor.rules.checks.charge_names import cancelled_on

    assert (cancelled_on(written, date.fromisoformat(day) if day else None) is not None) is outdated


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("偷窃罪", "盗窃罪"),
        # regression (ind_bv01): a shortening suggests the form in force holding it, not the cancelled 投毒罪
        ("贩毒罪", "贩卖毒品罪"),
        ("故意伤人罪", "故意伤害罪"),
        ("虚开增值税发票罪", "虚开增值税专用发票罪"),  # the form of an irregular selective charge holding it
    ],
)
def test_the_suggestion_is_a_name_in_force(written: str, suggestion: str) -> None:
    found = _closest(written, 65)
    assert found is not None and found[0] == suggestion


def test_irregular_forms_are_of_official_names() -> None:
    """Each written-out selective charge belongs to an official name in force, and keeps its 罪."""
    from auditor.rules.checks.charge_names import _current, _irregular_forms
    assert _irregular_forms()
    for name, forms in _irregular_forms().items():
        assert name in _current(), name
        assert all(f.endswith("罪") and f != name for f in forms), name


def test_colloquial_names_point_to_official_names() -> None:
    """Each everyday name (醉驾罪) maps to a name in force, and is no official name itself."""
    from auditor.rules.checks.charge_names import _current, colloquial, official
    assert colloquial()
    for written, name in colloquial().items():
        assert written not in official(), written
        assert name in _current(), name


def test_two_names_written_wrong_in_one_paper_are_one_finding() -> None:
    """Held-out ind_eh01: "涉嫌醉驾罪、飙车罪" in one 呈请拘留报告书 is one paper's charges written wrong, not two defects."""
    from auditor.pipeline import audit_text

    text = ("呈请拘留报告书\n犯罪嫌疑人邵某豪、钱某帆的行为已涉嫌醉驾罪、飙车罪，符合先行拘留情形，特呈请对其刑事拘留。\n"
            "某市公安局某分局（印）\n2023年5月21日\n")
    found = [f for f in audit_text(text, source="t").findings if f.rule_id == "CHARGE-NAME-NONSTANDARD"]
    assert len(found) == 1 and "醉驾罪、飙车罪" in found[0].message
