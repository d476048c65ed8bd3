"""The charge names of lexicons/charge_names.yaml are the SPC/SPP 罪名 rules' own words, and the check's tables."""

from __future__ import annotations

import pytest
from conftest import LAW_CORPUS, requires_shared

from auditor.rules.checks.charge_names import acceptable, official


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
    ],
)
def test_acceptable(written: str, ok: bool) -> None:
    assert acceptable(written) is ok
