"""Papers voided or never issued that the file keeps (auditor/extract/void.py; held-out corpus dw)."""

from __future__ import annotations

import pytest

from auditor.extract.void import void_marks
from auditor.model import Document


def _docs(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", type="拘留证", title="拘留证", text=t) for i, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["【作废】\n某分局\n拘留证\n兹决定对张某执行拘留。\n二〇二三年三月七日"], {"d1": "作废"}),
        (["拘留证（作废）\n兹决定对张某执行拘留。\n二〇二三年三月七日"], {"d1": "作废"}),
        (["拘留证\n兹决定对张某执行拘留。\n二〇二三年三月七日\n（此联加盖“作废”章。本证未执行，另行签发。）"], {"d1": "作废"}),
        (["【审批稿】\n起诉意见书\n犯罪嫌疑人张某……\n二〇二四年一月五日"], {"d1": "审批稿"}),
        # the mark closing the paper before the voided one, where the segmenter cut: it is the next one's
        (["呈请拘留报告书\n拟对张某刑事拘留。\n批示：同意。\n【作废】", "拘留证\n兹决定对张某执行拘留。\n二〇二三年三月七日"],
         {"d2": "作废"}),
        # a note telling of a voided paper is not voided itself
        (["情况说明\n原拘留证因羁押处所误填作废，已另行签发。\n特此说明。\n二〇二三年三月八日"], {}),
        (["拘留证\n兹决定对张某执行拘留。\n二〇二三年三月七日"], {}),
    ],
)
def test_void_marks(texts: list[str], expected: dict[str, str]) -> None:
    assert void_marks(_docs(*texts)) == expected


def test_a_voided_notice_still_tells_the_family_told_another_way() -> None:
    """regression (ind_dh01): "（此件…已作废，未送达。）" beside "通知情况：已于2023年3月8日16时00分以电话…通知" — the call
    happened; the voided paper's own act stays. A voided paper telling nothing of the kind gives no act."""
    from auditor.pipeline import audit_text

    notice = ("拘留通知书{mark}\n临白公（刑）拘通字〔2023〕308号\n马某强：\n我局已于2023年3月8日10时将涉嫌盗窃罪的马某强之弟马某志刑事拘留，"
              "现羁押在临川市第一看守所。\n（此件羁押处所误写，已作废，未送达。）\n公安局（印）\n二〇二三年三月八日\n{told}")
    told = "通知情况：已于2023年3月8日16时00分以电话及短信方式通知马某强（马某志之哥哥）。"
    for text, expected in ((notice.format(mark="（作废）", told=told), {("通知家属", "2023-03-08")}),
                           (notice.format(mark="（作废）", told=""), set())):
        events = {(e.action, e.date.isoformat()) for e in audit_text(text).events if e.action == "通知家属"}
        assert events == expected
