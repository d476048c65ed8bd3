"""Chinese labels of finding severities and categories (design §2.2), shared by reports, docs and UI."""

SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
CATEGORY_LABEL = {
    "deadline": "期限",
    "missing_document": "文书缺失",
    "wording": "文书用语",
    "citation": "法条引用",
    "notice": "告知通知",
    "consistency": "前后一致",
    "format": "文书格式",
}

# 执法巡查预警 levels (auditor/model/warnings.py) and kinds.
LEVEL_LABEL = {"red": "红", "orange": "橙", "yellow": "黄"}
WARNING_KIND_LABEL = {"period": "期限", "step": "流程提示"}


def basis_label(law: str, version: str, article: int, paragraph: int | None = None, item: int | None = None) -> str:
    """A legal basis as the reports write it: 《…》（2018）第91条第1款."""
    where = f"第{article}条" + (f"第{paragraph}款" if paragraph else "") + (f"第{item}项" if item else "")
    return f"《{law}》（{version}）{where}"
