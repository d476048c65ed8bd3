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
