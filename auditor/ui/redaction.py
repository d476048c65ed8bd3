"""What the 培训材料 page and the 导出 page's 脱敏 option share: dossiers rebuilt from their stored pages (cached per
dossier: the redaction needs each dossier's text and party list, which the stored report does not hold), and the
red card that refuses a file the last check caught (the detector and the place, never the value)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from auditor.model import AuditResult, Score
from auditor.redact import LeakError
from auditor.report.rows import DossierRow, FindingRow
from auditor.training.redacted_reports import redact_rows, render
from auditor.training.store_source import rebuild
from auditor.ui import context

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@st.cache_resource(max_entries=64, show_spinner=False)
def _rebuilt(url: str, dossier_id: int, content_hash: str) -> AuditResult:
    store = context.store()
    summary = store.dossier(dossier_id)
    return rebuild(store.pages(dossier_id), summary.source_name, summary.profile)


def result_of(dossier_id: int) -> AuditResult:
    """A stored dossier's audit rebuilt from its pages, kept for the app's life (read only: never modify it)."""
    store = context.store()
    return _rebuilt(store.url, dossier_id, store.dossier(dossier_id).content_hash)


def refusal(what: str, exc: LeakError | str) -> None:
    """The red card of a refused file: the guard's message names the detector and where, never the value."""
    st.error(f"**{what}未生成。** {exc}请核对该处的脱敏结果；需要时联系管理员补充识别规则后重试。",
             icon=":material/gpp_bad:")


@st.cache_data(show_spinner=False, max_entries=16)
def _redacted_files(key: tuple, _findings: Sequence[FindingRow], _dossiers: Sequence[tuple[int, DossierRow]],
                    confirmed_only: bool, _scores: Sequence[tuple[str, Score]] = ()) -> dict[str, bytes | str]:
    """Each format's bytes, or the refusal's message (cached on the rows' identity, review state and scores)."""
    rows = redact_rows(_findings, _dossiers, result_of, scores=_scores)
    out: dict[str, bytes | str] = {}
    for fmt in ("xlsx", "docx"):
        try:
            out[fmt] = render(fmt, rows, confirmed_only=confirmed_only)
        except LeakError as exc:
            out[fmt] = str(exc)
    return out


def redacted_downloads(scope: Sequence, findings: Sequence[FindingRow], rows: Sequence[DossierRow], *,
                       confirmed_only: bool, scores: Sequence[tuple[str, Score]] = ()) -> None:
    """The 导出 page's 脱敏 option: XLSX and DOCX with every written string redacted, or a red card instead of a
    file the last check refused. `scope`: the dossier summaries `rows` were built from, in the same order."""
    st.caption("姓名、身份证号、电话、银行卡号、车牌、住址、工作单位、出生日期替换为化名或遮蔽，文号、法条、办案日期、"
               "金额和机关名称保留；生成后逐项复查，发现残留即拒绝导出。问题清单（CSV）和审查数据（JSON）含原始证据数据，"
               "不提供脱敏版本。")
    key = (tuple(d.id for d in scope),
           tuple((f.finding_id, f.status, f.reason_code, f.comment, f.reviewer, f.decided_at) for f in findings),
           tuple((name, s.standard, s.points, s.grade) for name, s in scores))
    with st.spinner("正在脱敏……"):
        files = _redacted_files(key, findings, list(zip((d.id for d in scope), rows, strict=True)), confirmed_only,
                                scores)
    stamp = dt.date.today().strftime("%Y%m%d")
    c = st.columns(4)  # as the plain exports' row
    for col, fmt, label, name, mime in ((c[0], "xlsx", "案件评查表（XLSX，已脱敏）", "案件评查表", XLSX_MIME),
                                        (c[1], "docx", "评查通报（DOCX，已脱敏）", "评查通报", DOCX_MIME)):
        data = files[fmt]
        with col:
            if isinstance(data, bytes):
                st.download_button(label, data, file_name=f"{name}_脱敏_{stamp}.{fmt}", mime=mime,
                                   type="primary" if fmt == "xlsx" else "secondary")
            else:
                refusal(label, data)
