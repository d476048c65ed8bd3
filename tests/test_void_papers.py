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
