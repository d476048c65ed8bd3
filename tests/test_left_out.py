"""Papers a dossier's own note says it does not hold (auditor/extract/left_out.py; issue 11 item 6)."""

import pytest

from auditor.extract.left_out import left_out_in
from auditor.model import Document

CASES = [
    # held-out ind_dl03: a review's request note ("调卷单")
    ("未知文书", "调取审查起诉阶段材料（检察内卷不调取；侦查卷宗、送达回证等未随调）。", {"送达回证"}),
    # held-out ind_dl02: what was taken first, then what was not, in one sentence
    ("未知文书", "本次仅调取拘留、取保候审、监视居住、逮捕相关文书（含存根、副本），讯问笔录、证据材料及起诉意见书等未调取，另卷保存于经侦大队。",
     {"讯问笔录", "起诉意见书"}),
    ("卷内备考表", "本卷扣押清单另卷保存。", {"扣押清单"}),
    # the longest name wins: a 不批准逮捕决定书 is not also a 批准逮捕决定书
    ("未知文书", "不批准逮捕决定书未调取。", {"不批准逮捕决定书"}),
    # a procedural document's words about evidence are no note about the file
    ("讯问笔录", "问：你知道侦查人员为什么送达回证未调取吗？", set()),
    # a note naming no paper before the word
    ("未知文书", "检察内卷不调取。", set()),
    ("未知文书", "以上材料均已调取。", set()),
]


@pytest.mark.parametrize(("doc_type", "text", "types"), CASES)
def test_papers_a_note_says_are_not_in_the_file(doc_type: str, text: str, types: set[str]) -> None:
    doc = Document(id="d1", type=doc_type, title="", start=0, end=len(text), text=text)
    assert {x.type for x in left_out_in(doc)} == types
