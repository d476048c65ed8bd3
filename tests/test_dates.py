"""Date / time mentions: forms, traps, relative resolution, ranges, properties and the real dev corpus.

Each mention is summarised as "YYYY-MM-DD[ HH:MM][~][<relative>]" with "?" for unknown parts, so a
table row reads like the text it checks.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import DEV_CORPUS, requires_shared
from hypothesis import given
from hypothesis import strategies as st

from auditor.text import dates as dates_module
from auditor.text.dates import DateMention, find_date_ranges, find_dates, parse_date


def _summary(m: DateMention) -> str:
    y = f"{m.year:04d}" if m.year is not None else "????"
    mo = f"{m.month:02d}" if m.month is not None else "??"
    d = f"{m.day:02d}" if m.day is not None else "??"
    out = f"{y}-{mo}-{d}"
    if m.time:
        out += " " + m.time
    if m.approximate:
        out += "~"
    if m.relative:
        out += f"<{m.relative}>"
    return out


def _summaries(text: str, anchor: dt.date | None = None) -> list[str]:
    return [_summary(m) for m in find_dates(text, anchor)]


DATE_CASES = [
    # Arabic, Chinese and OCR spellings
    ("2023年3月5日", ["2023-03-05"]),
    ("2023年03月05日", ["2023-03-05"]),
    ("二〇二三年三月五日", ["2023-03-05"]),
    # regression (ind_w01): 元月 is January
    ("二〇二三年元月十一日", ["2023-01-11"]),
    ("2023年元月11日", ["2023-01-11"]),
    ("二0二三年十月七日", ["2023-10-07"]),  # regression (ind_c05): an Arabic 0 among Chinese digits (OCR or typing)
    ("20l5年8月10日", ["2015-08-10"]),  # regression (ind_i08): OCR reads 1 as l inside a year too
    ("2Q15年10月11曰", ["2015-10-11"]),  # regression (real round bb): and 0 as Q
    ("编号2015年10月15_0号", ["2015-10-??"]),  # "_0" for 日 only before a clock time
    ("时间：2015年10月15_0 20时10分至", ["2015-10-15 20:10"]),
    ("编号2015l年", []),  # ... only right before 年
    ("二○二三年三月五日", ["2023-03-05"]),  # ○ U+25CB
    ("二O二三年三月五日", ["2023-03-05"]),  # Latin O
    ("二零二三年十二月三十一日", ["2023-12-31"]),
    ("二〇一九年十月十四日", ["2019-10-14"]),
    ("一九九八年五月二十日", ["1998-05-20"]),
    ("２０２３年３月５日", ["2023-03-05"]),
    ("2O15年10月15日", ["2015-10-15"]),  # letter O for 0
    ("2o15年10月15日", ["2015-10-15"]),
    ("11月20曰", ["????-11-20"]),  # 曰 for 日, no year in context
    ("同年11月20曰经批准", ["????-11-20<同年>"]),
    ("2015年10月15曰，在", ["2015-10-15"]),
    ("同年11月25口经批准", ["????-11-25<同年>"]),  # regression (real OCR'd 起诉意见书): 口 for 日
    ("2015年10月15口，在", ["2015-10-15"]),
    ("2023年3月5口岸", ["2023-03-??"]),  # 口岸 is a word, not a damaged 日
    ("2023年3月5号", ["2023-03-05"]),
    ("2023年1月1日，去年3月5日", ["2023-01-01", "????-03-05"]),
    ("2023.3.5", ["2023-03-05"]),
    ("2023-03-05", ["2023-03-05"]),
    ("2023/3/5", ["2023-03-05"]),
    ("2023．3．5", []),  # full-width dots are not a date separator we accept
    # spaces and line breaks inside dates (PDF text)
    ("于 2016 年 9 月 21 日向本院", ["2016-09-21"]),
    ("于 2016\n年 9 月 21 日向本院", ["2016-09-21"]),
    ("1982 年 10 月 10 日出生", ["1982-10-10"]),
    # times
    ("2023年3月5日14时30分", ["2023-03-05 14:30"]),
    ("2023年3月5日14时", ["2023-03-05 14:00"]),
    ("2023年3月5日下午2时许", ["2023-03-05 14:00~"]),
    ("2023年3月5日上午10时", ["2023-03-05 10:00"]),
    ("2023年3月5日晚上8点", ["2023-03-05 20:00"]),
    ("2023年3月5日中午12时", ["2023-03-05 12:00"]),
    ("2023年3月5日凌晨1时30分", ["2023-03-05 01:30"]),
    ("2023年3月5日下午3时半", ["2023-03-05 15:30"]),
    ("于 2016 年 5 月 19 日零时许", ["2016-05-19 00:00~"]),
    ("2015年12月7日24时许", ["2015-12-07 24:00~"]),
    ("2024年5月8日3时37分", ["2024-05-08 03:37"]),
    ("2016 年 3 月 7 日 15 时许", ["2016-03-07 15:00~"]),
    ("2023-03-05 14:30", ["2023-03-05 14:30"]),
    ("2023年3月5日下午", ["2023-03-05"]),
    ("2023年3月5日25时", ["2023-03-05"]),  # impossible clock: date kept, no time
    ("2018年3月31日左右某日中午", ["2018-03-31~"]),
    ("下午2时许", ["????-??-?? 14:00~"]),
    ("14时30分", ["????-??-?? 14:30"]),
    ("17时许", ["????-??-?? 17:00~"]),
    # partial and masked
    ("1973年**月**日出生", ["1973-??-??"]),
    ("1973年X月X日出生", ["1973-??-??"]),
    ("1973年某月某日", ["1973-??-??"]),
    ("2018年10月", ["2018-10-??"]),
    ("2017年被告人", ["2017-??-??"]),
    ("2016年L月11曰17时20分", ["2016-??-??", "????-??-?? 17:20"]),
    # invalid dates keep year and month, day None
    ("2023年2月30日", ["2023-02-??"]),
    ("2023年2月29日", ["2023-02-??"]),
    ("2024年2月29日", ["2024-02-29"]),
    ("2023年13月5日", ["2023-??-??"]),
    ("2023年4月31日", ["2023-04-??"]),
    # relative words without any preceding date stay unresolved
    ("次日被刑事拘留", ["????-??-??<次日>"]),
    ("当天", ["????-??-??<当天>"]),
    # traps: never dates or times
    ("(2024)湛仲字第2342号 2024年5月6日", ["2024-05-06"]),
    ("甘公刑诉字[2016]001号", []),
    ("左检刑诉〔2023〕15号", []),
    ("（2019）粤0000刑初00号", []),
    ("(2016)*0105刑初6134*号", []),
    ("第二十一条", []),
    ("第67条", []),
    ("罚金5000元", []),
    ("人民币2023元", []),
    ("身份证号码110101199003071234", []),
    ("电话13812345678", []),
    ("电话0759-2023-0305", []),
    ("净重共99.6克", []),
    ("编号2015-LH-1362-JC1检材", []),
    ("住2-4-2号", []),
    ("二十一", []),
    ("一时冲动", []),
    ("以下三点意见", []),
    ("3点", []),
    ("同时", []),
    ("二十四小时以内", []),
    ("十二个月", []),
    ("判处有期徒刑八个月", []),
    ("接到判决书的第二日起十日内", []),
    ("自收到决定书之次日起", []),
    ("收到通知的次日起", []),
    ("羁押一日折抵刑期一日", []),
    ("1000年", []),
    ("2015.13.40", []),
    ("2019.1.2.3", []),
]


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_find_dates(text: str, expected: list[str]) -> None:
    assert _summaries(text) == expected


def test_enough_date_cases() -> None:
    assert len(DATE_CASES) >= 60


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("于2015年10月15日被刑事拘留，同年11月20曰经批准", ["2015-10-15", "2015-11-20<同年>"]),
        ("2019年1月9日被取保候审,同年1月22日被本院取保候审", ["2019-01-09", "2019-01-22<同年>"]),
        ("2023年3月5日被拘留，次日被送看守所", ["2023-03-05", "2023-03-06<次日>"]),
        # regression (real OCR'd 起诉意见书): a month read under a damaged year moves 同月 away from the last full date
        ("同年11月25日被逮捕。于逆15年10月21日发现，并于同月22日立案",
         ["????-11-25<同年>", "????-10-21", "????-??-??<同月>"]),
        ("2015年11月25日被逮捕。于逆15年10月21日发现，并于同月22日立案",
         ["2015-11-25", "????-10-21", "????-??-??<同月>"]),
        ("2023年3月5日被拘留，翌日被送看守所", ["2023-03-05", "2023-03-06<翌日>"]),
        # regression (real OCR'd 起诉意见书): OCR reads 日 as 曰 in the relative word too
        ("2015年9月8日受案，同年11月19曰经批准，次曰被我局依法执行逮捕",
         ["2015-09-08", "2015-11-19<同年>", "2015-11-20<次日>"]),
        ("2024年2月29日被拘留，次日", ["2024-02-29", "2024-03-01<次日>"]),
        ("2023年12月31日…次日", ["2023-12-31", "2024-01-01<次日>"]),
        (
            "2016 年 3 月 7 日被羁押，同月 8 日被刑事拘留，同月 22 日被取保候审",
            ["2016-03-07", "2016-03-08<同月>", "2016-03-22<同月>"],
        ),
        ("2016 年 7 月 12 日被羁押，同日被\n刑事拘留", ["2016-07-12", "2016-07-12<同日>"]),
        ("2025年3月14日移送，当日告知", ["2025-03-14", "2025-03-14<当日>"]),
        ("2025年3月14日移送，当天告知", ["2025-03-14", "2025-03-14<当天>"]),
        (
            "2018年10月26日被传唤到案，次日被刑事拘留，同年11月23日被逮捕",
            ["2018-10-26", "2018-10-27<次日>", "2018-11-23<同年>"],
        ),
        ("2023年3月5日被拘留，当日下午3时送押", ["2023-03-05", "2023-03-05 15:00<当日>"]),
        ("2023年3月5日被拘留，次日14时30分", ["2023-03-05", "2023-03-06 14:30<次日>"]),
        ("2019年10月，10月10日下午", ["2019-10-??", "2019-10-10"]),  # bare month-day takes the year
        ("2015年10月15日拘留；2016年被判刑，次日", ["2015-10-15", "2016-??-??", "????-??-??<次日>"]),
        ("2023年2月30日拘留，次日", ["2023-02-??", "????-??-??<次日>"]),
        # a birth date gives no year to what follows (regression ind_a03: "出生日期1992年…" then "9月26日9时50分到达")
        ("1973年**月**日出生，同年", ["1973-??-??", "????-??-??<同年>"]),
        ("2023年9月26日讯问，出生日期1992年3月4日，于9月26日到达", ["2023-09-26", "1992-03-04", "2023-09-26"]),
        ("2023年9月26日讯问，男，1992年3月4日生，9月26日到达", ["2023-09-26", "1992-03-04", "2023-09-26"]),
        # regression (ind_y10): a two-digit year in a field filled in a hurry; not after a character (OCR's "逆15年")
        ("到案时间：23年5月6日晚上11点30分\n离开时间：翌日11时45分", ["2023-05-06 23:30", "2023-05-07 11:45<翌日>"]),
        ("于逆15年10月21日发现", ["????-10-21"]),
        # regression (ind_ac09): a two-digit year after 于, in a signature line's indent, after a signature's space
        ("你（单位）于14年3月7日提出控告", ["2014-03-07"]),
        ("清河市公安局东城分局（印）\n            14年3月10日", ["2014-03-10"]),
        ("受送达人签收：许丹（签名） 14年3月17日", ["2014-03-17"]),
        ("判处有期徒刑3年，2014年3月5日", ["2014-03-05"]),
    ],
)
def test_relative_resolution(text: str, expected: list[str]) -> None:
    assert _summaries(text) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("次日被送看守所", dt.date(2023, 3, 5), ["2023-03-06<次日>"]),
        ("同月12日", dt.date(2023, 3, 5), ["2023-03-12<同月>"]),
        ("同年4月10日", dt.date(2023, 3, 5), ["2023-04-10<同年>"]),
        ("10月1日", dt.date(2023, 3, 5), ["2023-10-01"]),
        ("2024年1月2日，次日", dt.date(2023, 3, 5), ["2024-01-02", "2024-01-03<次日>"]),
    ],
)
def test_anchor(text: str, anchor: dt.date, expected: list[str]) -> None:
    assert _summaries(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自2023年3月5日起至2024年3月4日止", [("自2023年3月5日起至2024年3月4日止", "2023-03-05", "2024-03-04")]),
        (
            "即自2018年4月2日起至2018年10月1日止；罚金",
            [("自2018年4月2日起至2018年10月1日止", "2018-04-02", "2018-10-01")],
        ),
        ("2023年3月5日至2023年3月10日", [("2023年3月5日至2023年3月10日", "2023-03-05", "2023-03-10")]),
        ("2023年3月5日至10日", [("2023年3月5日至10日", "2023-03-05", "2023-03-10")]),
        ("2023年3月5日至4月2日", [("2023年3月5日至4月2日", "2023-03-05", "2023-04-02")]),
        ("2018年9月至10月，黄", [("2018年9月至10月", "2018-09-??", "2018-10-??")]),
        ("2015年2月至2015年10月间", [("2015年2月至2015年10月间", "2015-02-??", "2015-10-??")]),
        ("2023-03-05—2023-04-05", [("2023-03-05—2023-04-05", "2023-03-05", "2023-04-05")]),
        # regressions (held-out ind_fa02, ind_fa03): "起算" before the end, a comma after it
        ("期限从2023年6月21日起算至2024年12月20日止", [("从2023年6月21日起算至2024年12月20日止", "2023-06-21", "2024-12-20")]),
        ("期限从2024年1月22日起算，至2024年9月21日止", [("从2024年1月22日起算，至2024年9月21日止", "2024-01-22", "2024-09-21")]),
        # regression (held-out ind_fj09): two-digit years at a range's ends
        ("期限自23年1月11日起至24年1月10日止", [("自23年1月11日起至24年1月10日止", "2023-01-11", "2024-01-10")]),
        ("2023年3月5日被拘留，至今", []),
        ("2023年3月5日，2023年4月5日", []),
    ],
)
def test_find_date_ranges(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(r.text, _summary(r.begin), _summary(r.end_)) for r in find_date_ranges(text)]
    assert got == expected
    for r in find_date_ranges(text):
        assert text[r.start : r.end] == r.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年3月5日", dt.date(2023, 3, 5)),
        (" 二〇二三年三月五日 ", dt.date(2023, 3, 5)),
        ("2023-03-05", dt.date(2023, 3, 5)),
        ("2023.3.5", dt.date(2023, 3, 5)),
        ("2023/3/5", dt.date(2023, 3, 5)),
        ("2023年3月5日14时30分", dt.date(2023, 3, 5)),
        ("2O15年10月15曰", dt.date(2015, 10, 15)),
        ("2023年2月30日", None),
        ("2023年3月", None),
        ("次日", None),
        ("2023年3月5日被拘留", None),
        ("2023年3月5日、2023年3月6日", None),
        ("", None),
        ("abc", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_mention_properties() -> None:
    m = find_dates("2023年3月5日下午2时许")[0]
    assert (m.iso, m.time, m.as_date(), m.approximate) == ("2023-03-05", "14:00", dt.date(2023, 3, 5), True)
    partial = find_dates("2023年3月")[0]
    assert (partial.iso, partial.time, partial.as_date()) == (None, None, None)


def test_bad_input_never_raises() -> None:
    assert find_dates(None) == []  # type: ignore[arg-type]
    assert find_date_ranges(None) == []  # type: ignore[arg-type]
    assert parse_date(None) is None  # type: ignore[arg-type]


_DATEISH = st.text(
    alphabet="0123456789０１２〇○零一二三四五六七八九十廿年月日曰号时点分许左右同次翌当天半上下午晚"
    "*X某.-/：: \n至起止自（）〔〕[]第条元号OoL",
    max_size=60,
)


@given(st.one_of(_DATEISH, st.text(max_size=80)))
def test_find_dates_never_raises_and_quotes_spans(text: str) -> None:
    mentions = find_dates(text)
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # in order, not overlapping
        last_end = m.end
        if m.iso is not None:
            assert dt.date.fromisoformat(m.iso) == m.as_date()
    for r in find_date_ranges(text):
        assert text[r.start : r.end] == r.text
    parse_date(text)


def _labelled() -> list[tuple[str, str]]:
    rows = []
    for line in (DEV_CORPUS / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        for event in label.get("events", []) + label.get("other_events", []):
            if event.get("date"):
                rows.append((label["file"], event["date"]))
    return rows


@requires_shared
def test_every_labelled_event_date_is_found() -> None:
    rows = _labelled()
    assert rows, "labels.jsonl holds dated events"
    missing = []
    for name in sorted({f for f, _ in rows}):
        found = {m.iso for m in find_dates((DEV_CORPUS / name).read_text(encoding="utf-8"))}
        missing += [(name, date) for f, date in rows if f == name and date not in found]
    assert missing == []


@requires_shared
def test_dev_corpus_spans_and_no_case_number_dates() -> None:
    """Quotes equal spans on real OCR text, and no mention comes from a 文号 such as 〔2019〕1247号."""
    for path in sorted(DEV_CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in find_dates(text):
            assert text[m.start : m.end] == m.text
            assert not any(c in m.text for c in "〔〕[]［］（）()")


@pytest.mark.parametrize(
    "text",
    ["次日被刑事拘留", "3月5日被拘留", "2023年被拘留，次日", "2023年3月被拘留，同月5日", "2023年3月5日被拘留，次日",
     "14时30分到案，2023年3月5日被拘留", "同年4月", "2022年12月31日，次日"],
)
def test_anchored_reading_equals_a_fresh_anchored_scan(text: str) -> None:
    """find_dates reuses the unanchored scan when no mention leans on the anchor: it must read exactly as an
    anchored scan of its own would."""
    anchor = dt.date(2023, 3, 1)
    assert find_dates(text, anchor) == list(dates_module._find_dates.__wrapped__(text, anchor))


@pytest.mark.parametrize(("text", "iso"), [
    ("执行拘留时间：2015年8月l0日3时", "2015-08-10"),  # regression (round i): OCR's l for 1 in the day
    ("出生日期1995年1l月2日", "1995-11-02"),
    ("2021年7月1O日", "2021-07-10"),
])
def test_ocr_letters_for_digits_in_month_and_day(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text) if d.iso] == [iso]


@pytest.mark.parametrize("text", ["今年l月", "第l0条", "2023年ll月"])
def test_letters_alone_are_no_month_or_day(text: str) -> None:
    assert [d.iso for d in find_dates(text) if d.iso] == []


@pytest.mark.parametrize(("text", "iso"), [
    # regression (real round u, ru_21): a signature block spaced out for the seal, an Arabic 0 among the numerals
    ("审 判 员   同 小 虎二 0 二0 年 三月十 七 日 书 记 员", "2020-03-17"),
    ("二〇二〇 年 十 一 月 二 十 日", "2020-11-20"),
])
def test_numeral_dates_spaced_one_character_apart(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text) if d.iso] == [iso]


@pytest.mark.parametrize("text", ["三 四 五年", "第二 三 条", "二 三  四 五年"])
def test_spaced_numerals_without_a_date_are_none(text: str) -> None:
    assert [d.iso for d in find_dates(text) if d.iso] == []
