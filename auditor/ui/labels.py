"""Chinese words the workbench shows for the model's codes (no raw `valid`, `None` or offsets on screen)."""

from __future__ import annotations

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.report.reasons import reason_label, reasons, status_labels

CITATION_STATUS = {"valid": "有效", "outdated": "沿用旧版条文序号", "nonexistent": "条文不存在", "unknown_law": "未识别的法律"}
SEVERITY_ICON = {"error": ":red[●]", "warning": ":orange[●]", "info": ":blue[●]"}  # markdown
PROFILE_LABEL = {None: "全部规则", "": "全部规则", "police": "执法巡查（公安）", "procuratorate": "不起诉审查（检察）"}
CHANGE_LABEL = {"new": "新增", "unchanged": "未变（沿用审查结论）"}
UNREVIEWED_LABEL = "未审查"
PARAM_LABEL = {"limit": "期限", "max": "最长期限", "window": "上下文范围（字数）", "ocr_severity": "OCR 页面上的问题级别",
               "same_within_days": "相隔几日内视为同一次退回", "max_returns": "最多退回补充侦查次数",
               "return_limit": "每次补充侦查期限", "late_severity": "超期时的问题级别"}
PARAM_HELP = "期限写法：3d = 3日，24h = 24小时，12m = 12个月；级别：error 错误 / warning 警告 / info 提示。"


def status_label(status: str | None) -> str:
    return status_labels().get(status, UNREVIEWED_LABEL) if status else UNREVIEWED_LABEL


def status_badge(status: str | None) -> str:
    return f'<span class="status-badge status-{status or "none"}">{status_label(status)}</span>'


def reason_option(code: str | None) -> str:
    """理由 choices: "（不选）" and each reason with the decision it belongs to."""
    if code is None:
        return "（不选理由）"
    reason = next(r for r in reasons() if r.code == code)
    return f"{status_labels()[reason.status]}：{reason.label}"


def severity_text(severity: str) -> str:
    return f"{SEVERITY_ICON.get(severity, '')} {SEVERITY_LABEL.get(severity, severity)}"


def category_text(category: str) -> str:
    return CATEGORY_LABEL.get(category, category)


__all__ = ["CHANGE_LABEL", "CITATION_STATUS", "PROFILE_LABEL", "SEVERITY_ICON", "category_text", "reason_label",
           "reason_option", "severity_text", "status_badge", "status_label"]
