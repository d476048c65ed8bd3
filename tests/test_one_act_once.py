"""One act is one event: a recount naming a measure generally on the day of the person's specific one (regression
ind_ad05: the 解除 of a 指定居所监视居住 recounts "决定对犯罪嫌疑人蒋某某监视居住")."""

from __future__ import annotations

import datetime as dt

import pytest
from casebuild import make_case

DECISION = ("监视居住决定书", "临川区公安局\n临公（刑）监居字〔2020〕3号\n犯罪嫌疑人蒋某某，男，1980年1月2日出生。\n因蒋某某在本市无"
            "固定住处，根据《中华人民共和国刑事诉讼法》第七十四条之规定，决定在指定的居所对犯罪嫌疑人蒋某某监视居住。\n临川区公安局\n"
            "二〇二〇年七月六日", "2020-07-06")


@pytest.mark.parametrize(("recounted", "expected"), [
    ("2020年7月6日", [("指定居所监视居住", dt.date(2020, 7, 6))]),
    ("2020年5月6日", [("指定居所监视居住", dt.date(2020, 7, 6)), ("监视居住", dt.date(2020, 5, 6))]),  # another act
])
def test_a_general_recount_on_the_day_of_the_specific_act_is_that_act(recounted: str, expected: list) -> None:
    release = ("解除监视居住决定书", f"临川区公安局\n临公（刑）解监字〔2021〕1号\n我局于{recounted}决定对犯罪嫌疑人蒋某某监视居住，"
               "现因案件移送审查起诉，决定予以解除。\n临川区公安局\n二〇二一年一月十一日", "2021-01-11")
    case = make_case([DECISION, release], extract=("events",))
    assert sorted((e.action, e.date) for e in case.events if e.action in ("监视居住", "指定居所监视居住")) == expected
