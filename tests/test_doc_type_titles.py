"""Document types tagged V (lexicons/doc_types.yaml) are titles the statutes name: those added from the held-out real
round ao are pinned to the articles that name them."""

from __future__ import annotations

import pytest
from conftest import requires_shared, statute_text

from auditor.lexicon import doc_types

SPC_2021 = ("最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释", "2021")

TITLES = [
    # (type, law and version, article that names it, organ)
    ("指定管辖决定书", SPC_2021, 21, "any"),  # a procuratorate's too: 检察规则 2019 Art. 328 (审查起诉 assigned)
    ("再审决定书", SPC_2021, 464, "court"),
]


@requires_shared
@pytest.mark.parametrize(("doc_type", "law", "article", "organ"), TITLES, ids=[t[0] for t in TITLES])
def test_a_verified_title_is_named_by_its_article(doc_type: str, law: tuple[str, str], article: int, organ: str) -> None:
    entry = next(t for t in doc_types() if t["type"] == doc_type)
    assert (entry["tag"], entry["organ"]) == ("V", organ)
    assert doc_type in statute_text(*law, article, None)


@requires_shared
def test_an_inspection_report_is_a_form_of_an_appraisal() -> None:
    """doc_types.yaml types a 检验报告 as 鉴定意见书 (ind_bc01): 检察规则 (2012试行) Art. 250 names both as what an
    appraiser issues."""
    entry = next(t for t in doc_types() if t["type"] == "鉴定意见书")
    assert "检验报告" in entry["aliases"]
    text = statute_text("人民检察院刑事诉讼规则", "2012试行", 250, None)
    assert "鉴定意见、检验报告" in text
