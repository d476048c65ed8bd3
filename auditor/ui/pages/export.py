"""导出: XLSX 案件评查表 (with the 评分 sheet), DOCX 评查通报 (with the grades by 办案单位), CSV 问题清单, JSON — with
review status; optionally confirmed findings only, one 办案单位, chosen dossiers, a scoring standard."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from auditor.report.docx_report import render_docx
from auditor.report.rows import DossierRow, public_message
from auditor.report.table_report import render_csv, render_review_json
from auditor.report.xlsx_report import render_xlsx
from auditor.scoring import load_standard, standard_names
from auditor.store.derived import dossier_scores
from auditor.ui import context
from auditor.ui.redaction import redacted_downloads

store = context.store()
st.header("导出")
dossiers = store.dossiers()
if not dossiers:
    st.info("审查库中还没有案卷。")
    st.stop()
organs = sorted({d.organ for d in dossiers if d.organ})
c = st.columns([3, 3, 2, 2], vertical_alignment="bottom")
organ = c[0].selectbox("办案单位", [None, *organs], format_func=lambda o: o or "全部办案单位")
scope = [d for d in dossiers if organ is None or d.organ == organ]
chosen = c[1].multiselect("案卷", [d.id for d in scope], format_func=lambda i: next(d.source_name for d in scope
                                                                                   if d.id == i),
                          placeholder="全部案卷")
standard = c[2].selectbox("评查标准", [None, *standard_names()],
                          format_func=lambda n: "按规则集" if n is None else load_standard(n).title)
confirmed_only = c[3].checkbox("仅导出经确认的问题", value=False)
scope = [d for d in scope if not chosen or d.id in chosen]
findings = [f for d in scope for f in store.findings(dossier_id=d.id)
            if not confirmed_only or f.status == "confirmed"]
rows = [DossierRow(source_name=d.source_name, organ=d.organ, pages=d.pages, documents=d.documents, findings=d.findings,
                   audited_at=d.audited_at, case_date=d.case_date, version=d.version,
                   errors=tuple(f"[{e.code}] {public_message(e.message, e.source)}"
                                for e in store.result(d.id).report.errors) if d.errors else ())
        for d in scope]
scores = dossier_scores(store, [d.id for d in scope], standard)
st.caption(f"范围：案卷 {len(scope)} 份，问题 {len(findings)} 项" + ("（仅确认）" if confirmed_only else "")
           + "。评分：已有审查结论的案卷仅计入经确认的问题，其余按全部问题计分。")
if st.toggle("脱敏导出", help="姓名、身份证号、电话等个人信息一律替换；发现残留则拒绝导出"):
    redacted_downloads(scope, findings, rows, confirmed_only=confirmed_only, scores=scores)
    st.stop()
stamp = dt.date.today().strftime("%Y%m%d")
c = st.columns(4)
c[0].download_button("案件评查表（XLSX）", render_xlsx(findings, rows, scores=scores), file_name=f"案件评查表_{stamp}.xlsx",
                     mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type="primary")
c[1].download_button("评查通报（DOCX）", render_docx(findings, rows, confirmed_only=confirmed_only, scores=scores),
                     file_name=f"评查通报_{stamp}.docx",
                     mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
c[2].download_button("问题清单（CSV）", render_csv(findings), file_name=f"问题清单_{stamp}.csv", mime="text/csv")
c[3].download_button("审查数据（JSON）", render_review_json(findings, rows), file_name=f"审查数据_{stamp}.json",
                     mime="application/json")
