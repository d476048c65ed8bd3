"""Durations and money amounts: tables of text -> values, traps, properties, and the half-month rule."""

from __future__ import annotations

import re

import pytest
from conftest import DEV_CORPUS, LAW_CORPUS, requires_shared
from hypothesis import given
from hypothesis import strategies as st

from auditor.extract.terms import HALF_MONTH_DAYS, find_amounts, find_durations


def _durations(text: str) -> list[tuple[str, int, int, int, int]]:
    return [(d.text, d.years, d.months, d.days, d.hours) for d in find_durations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十二个月", [("十二个月", 0, 12, 0, 0)]),
        ("12个月", [("12个月", 0, 12, 0, 0)]),
        ("一年", [("一年", 1, 0, 0, 0)]),
        ("一年六个月", [("一年六个月", 1, 6, 0, 0)]),
        ("1年6个月10天", [("1年6个月10天", 1, 6, 10, 0)]),
        ("三日以内", [("三日", 0, 0, 3, 0)]),
        ("七日", [("七日", 0, 0, 7, 0)]),
        ("3天", [("3天", 0, 0, 3, 0)]),
        ("二十四小时", [("二十四小时", 0, 0, 0, 24)]),
        ("24个小时", [("24个小时", 0, 0, 0, 24)]),
        ("半个月", [("半个月", 0, 0, 15, 0)]),
        ("一个半月", [("一个半月", 0, 1, 15, 0)]),
        ("一年半", [("一年半", 1, 6, 0, 0)]),
        ("半年", [("半年", 0, 6, 0, 0)]),
        ("六个月以上一年以下", [("六个月", 0, 6, 0, 0), ("一年", 1, 0, 0, 0)]),
        ("期限为十八个月", [("十八个月", 0, 18, 0, 0)]),
        ("判处有期徒刑一年三个月，缓刑二年", [("一年三个月", 1, 3, 0, 0), ("二年", 2, 0, 0, 0)]),
        ("羁押一日折抵刑期一日", [("一日", 0, 0, 1, 0), ("一日", 0, 0, 1, 0)]),
        ("应当于十日内作出决定", [("十日", 0, 0, 10, 0)]),
        ("接到判决书的第二日起十日内", [("十日", 0, 0, 10, 0)]),  # 第二日 is an ordinal
        ("延长一个月", [("一个月", 0, 1, 0, 0)]),
        # traps: dates, years, days of the month
        ("2018年4月2日", []),
        ("期限从2 022年5月13日起算", []),  # regression (ind_bi07): a year split by a stray space is no term
        ("期限六个月，自2\n024年1月12日起计算", [("六个月", 0, 6, 0, 0)]),  # regression (ind_cb04): a year split by a line break
        ("期限为024年", []),  # a leading zero: a year's digits, not a count
        ("二〇一八年七月五日", []),
        ("一九九八年", []),
        ("同月十二日", []),
        ("于7日被抓获", []),
        ("2017年被告人", []),
        ("第二十一条", []),
        ("一年级", []),
    ],
)
def test_find_durations(text: str, expected: list[tuple[str, int, int, int, int]]) -> None:
    assert _durations(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十二个月", 12.0),
        ("一年六个月", 18.0),
        ("半个月", 0.5),
        ("三十日", 1.0),
        ("二十四小时", 24 / 720),
    ],
)
def test_total_months(text: str, expected: float) -> None:
    assert find_durations(text)[0].total_months() == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("人民币五千元", [("人民币五千元", 5000.0, "CNY")]),
        ("5,000元", [("5,000元", 5000.0, "CNY")]),
        ("5000元", [("5000元", 5000.0, "CNY")]),
        ("一万元", [("一万元", 10000.0, "CNY")]),
        ("1.5万元", [("1.5万元", 15000.0, "CNY")]),
        ("保证金人民币贰仟元", [("人民币贰仟元", 2000.0, "CNY")]),
        ("人民币壹万伍仟圆整", [("人民币壹万伍仟圆", 15000.0, "CNY")]),
        # regression (held-out ind_fa02): the sum in words in a bracket before the unit
        ("交纳保证金人民币500（伍佰）元，存入", [("人民币500（伍佰）元", 500.0, "CNY")]),
        ("退缴违法所得人民币3，000元", [("人民币3，000元", 3000.0, "CNY")]),
        ("现金人民币600余元", [("人民币600余元", 600.0, "CNY")]),
        ("价值人民币562.5元", [("人民币562.5元", 562.5, "CNY")]),
        ("人民币 63,500 元", [("人民币 63,500 元", 63500.0, "CNY")]),
        ("并处罚金人民币一千五百元", [("人民币一千五百元", 1500.0, "CNY")]),
        ("5000美元", [("5000美元", 5000.0, "USD")]),
        ("3000元及4000元", [("3000元", 3000.0, "CNY"), ("4000元", 4000.0, "CNY")]),
        # traps
        ("每百毫升155毫克", []),
        ("净重共99.6克", []),
        ("第3单元", []),
        ("2023年3月5日", []),
        ("多元化", []),
        ("万元", []),
    ],
)
def test_find_amounts(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(a.text, a.value, a.currency) for a in find_amounts(text)] == expected


@given(
    st.one_of(
        st.text(alphabet="0123456789一二三四五六七八九十百千万半个年月日天小时元人民币,.余 第于内", max_size=40),
        st.text(max_size=60),
    )
)
def test_terms_never_raise_and_quote_spans(text: str) -> None:
    for found in (find_durations(text), find_amounts(text)):
        for item in found:
            assert text[item.start : item.end] == item.text
            assert item.end > item.start


@requires_shared
def test_half_month_rule_pinned_to_law_corpus() -> None:
    """半个月 counts as fifteen days: 高法解释(2021) 第202条."""
    law = (LAW_CORPUS / "spc-cpl-interpretation-2021.md").read_text(encoding="utf-8")
    article = re.search(r"第二百零二条[^\n]*", law)
    assert article is not None
    assert "半个月一律按十五日计算" in article.group(0)
    assert find_durations("十五日")[0].days == HALF_MONTH_DAYS


@requires_shared
def test_dev_corpus_amounts_and_terms() -> None:
    """Real judgments: the fine and the sentence are read with their values."""
    text = (DEV_CORPUS / "judgment_002.txt").read_text(encoding="utf-8")
    values = {a.value for a in find_amounts(text)}
    assert {5000.0, 6400.0, 24400.0, 63500.0, 10000.0} <= values
    assert ("一年六个月", 1, 6, 0, 0) in _durations(text)
    text = (DEV_CORPUS / "judgment_004.txt").read_text(encoding="utf-8")
    assert {600.0, 63.0, 562.5, 3287.5, 3070.0, 4513.0, 1500.0} <= {a.value for a in find_amounts(text)}
