"""The procuratorate's receipt of a transfer (regressions from the event false positives of every held-out round):
"本院于…收到…移送审查起诉的…" is a Receipt the review periods count from, not a second 移送审查起诉 on another day;
and a 起诉意见书's own date is no second transfer where other documents date the transfer in words."""

from __future__ import annotations

import datetime as dt

import pytest
from casebuild import make_case

OPINION = ("起诉意见书", "临川区公安局\n临公（刑）诉字〔2023〕21号\n犯罪嫌疑人孙某某涉嫌盗窃一案，现已侦查终结，依照《中华人民共和国"
           "刑事诉讼法》第一百六十二条之规定，移送审查起诉。\n临川区公安局\n二〇二三年三月一日", "2023-03-01")


def _transfers(case) -> list[tuple[str, dt.date | None]]:
    return sorted((e.action, e.date) for e in case.events if "移送" in e.action)


@pytest.mark.parametrize("words", [
    "犯罪嫌疑人孙某某：本院于2023年3月6日收到临川区公安局移送审查起诉的你涉嫌盗窃一案。现告知你有权委托辩护人。",
    "犯罪嫌疑人孙某某：2023年3月6日受理临川区公安局移送审查起诉的你涉嫌盗窃一案，现告知你有权委托辩护人。",
    "犯罪嫌疑人孙某某：临川区公安局移送审查起诉的你涉嫌盗窃一案，本院已于2023年3月6日受理。现告知你有权委托辩护人。",
    "犯罪嫌疑人孙某某：临川区公安局于2023年3月1日移送本院审查起诉，本院于2023年3月6日受理。现告知你有权委托辩护人。",
    # regression (ind_ae05): the case named "…盗窃案", not "…一案"
    "孙某某：临川区公安局移送审查起诉的孙某某等人盗窃案，本院已于2023年3月6日收到案卷材料。现告知你有权委托辩护人。",
])
def test_a_receipt_of_the_transfer_is_a_receipt_not_a_second_transfer(words: str) -> None:
    notice = ("犯罪嫌疑人诉讼权利义务告知书", f"临川区人民检察院\n{words}\n临川区人民检察院\n二〇二三年三月九日", "2023-03-09")
    case = make_case([OPINION, notice], extract=("events",))
    assert _transfers(case) == [("移送审查起诉", dt.date(2023, 3, 1))]
    received = [(r.received_type, r.recipient_kind, r.date) for r in case.receipts if r.received_type == "起诉意见书"]
    assert received == [("起诉意见书", "procuratorate", dt.date(2023, 3, 6))]


def test_a_receipt_alone_dates_the_transfer() -> None:
    """No sending dated anywhere: the receipt is the best date the file gives of the transfer."""
    notice = ("犯罪嫌疑人诉讼权利义务告知书", "临川区人民检察院\n犯罪嫌疑人孙某某：本院于2023年3月6日收到临川区公安局移送审查起诉的你"
              "涉嫌盗窃一案。现告知你有权委托辩护人。\n临川区人民检察院\n二〇二三年三月九日", "2023-03-09")
    case = make_case([notice], extract=("events",))
    assert _transfers(case) == [("移送审查起诉", dt.date(2023, 3, 6))]
    assert [r.date for r in case.receipts] == [dt.date(2023, 3, 6)]


@pytest.mark.parametrize(("stated", "expected"), [
    ("2023年3月3日", [("移送审查起诉", dt.date(2023, 3, 3))]),  # the paper written on the 1st, sent on the 3rd
    ("2023年2月27日", [("移送审查起诉", dt.date(2023, 2, 27))]),
    ("2023年5月3日", [("移送审查起诉", dt.date(2023, 3, 1)), ("移送审查起诉", dt.date(2023, 5, 3))]),  # too far apart
])
def test_the_opinions_own_date_yields_to_a_transfer_dated_in_words(stated: str, expected: list) -> None:
    decision = ("不起诉决定书", f"临川区人民检察院\n临检刑不诉〔2023〕12号\n被不起诉人孙某某，男，1989年5月6日出生。\n本案由临川区公安局"
                f"侦查终结，以被不起诉人孙某某涉嫌盗窃罪，于{stated}移送本院审查起诉。\n本院决定对孙某某不起诉。\n临川区人民检察院\n"
                "二〇二三年六月七日", "2023-06-07")
    case = make_case([OPINION, decision], extract=("events",))
    assert _transfers(case) == expected


def test_a_transfer_told_after_a_return_is_the_re_transfer() -> None:
    """Regression (ind_ad03): the second 退回补充侦查决定书 names the re-transfer with the plain verb."""
    def returned(day_cn: str, sent: str, number: int, iso: str) -> tuple[str, str, str]:
        return ("退回补充侦查决定书", f"临川区人民检察院\n临检刑退查〔2023〕{number}号\n临川区公安局：\n你局于{sent}移送审查起诉的孙某某"
                f"涉嫌盗窃一案，经本院审查认为，部分犯罪事实不清、证据不足，决定退回你局补充侦查。\n临川区人民检察院\n{day_cn}", iso)

    case = make_case([OPINION, returned("二〇二三年三月二十日", "2023年3月1日", 21, "2023-03-20"),
                      returned("二〇二三年五月十日", "2023年4月15日", 29, "2023-05-10")], extract=("events",))
    acts = sorted((e.action, e.date) for e in case.events if e.action in ("移送审查起诉", "重新移送审查起诉", "退回补充侦查"))
    assert acts == [("移送审查起诉", dt.date(2023, 3, 1)), ("退回补充侦查", dt.date(2023, 3, 20)),
                    ("退回补充侦查", dt.date(2023, 5, 10)), ("重新移送审查起诉", dt.date(2023, 4, 15))]


def test_a_return_of_others_case_is_not_a_suspect_never_transferred() -> None:
    """Regression (ind_ae09): "孙某某等人…案" returned names a group; a co-suspect left on bail, whose case the file never
    transfers and whom the return does not name, is not in it."""
    bail = ("取保候审决定书", "临川区公安局\n临公（刑）取保字〔2023〕9号\n犯罪嫌疑人李某某，男，1990年3月7日出生。\n决定对李某某"
            "取保候审。\n临川区公安局\n二〇二三年二月一日", "2023-02-01")
    opinion = ("起诉意见书", "临川区公安局\n临公（刑）诉字〔2023〕21号\n犯罪嫌疑人孙某某，男，1989年5月6日出生。\n犯罪嫌疑人孙某某"
               "涉嫌盗窃一案，现已侦查终结，移送审查起诉。\n临川区公安局\n二〇二三年三月一日", "2023-03-01")
    returned = ("退回补充侦查决定书", "临川区人民检察院\n临检刑退查〔2023〕21号\n临川区公安局：你局移送审查起诉的孙某某等人盗窃案，"
                "本院经审查认为证据不足，决定退回你局补充侦查。\n临川区人民检察院\n二〇二三年三月二十日", "2023-03-20")
    case = make_case([bail, opinion, returned], extract=("events",))
    assert sorted((e.action, e.person) for e in case.events if e.action == "退回补充侦查") == [("退回补充侦查", "孙某某")]
