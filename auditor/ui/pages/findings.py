"""问题清单: every finding across dossiers (each case's latest version), filtered and searched; select rows for a
bulk decision, or one row to see it in full and decide it."""

from __future__ import annotations

import streamlit as st

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.report.reasons import reasons, status_labels
from auditor.store import UNREVIEWED, PermissionDenied, ReviewError
from auditor.ui import context
from auditor.ui.finding_card import finding_card
from auditor.ui.labels import reason_option, status_label

store = context.store()
st.header("问题清单")
everything = store.findings()
if not everything:
    st.info("审查库中还没有问题。请先在“上传审查”页上传案卷。")
    st.stop()

rule_names = {f.rule_id: f.rule_name for f in everything}
with st.container(border=True):
    c = st.columns(4)
    severity = c[0].multiselect("级别", list(SEVERITY_LABEL), format_func=SEVERITY_LABEL.get, placeholder="全部")
    category = c[1].multiselect("类别", sorted({f.category for f in everything}), format_func=CATEGORY_LABEL.get,
                                placeholder="全部")
    rule = c[2].multiselect("规则", sorted(rule_names, key=rule_names.get), format_func=rule_names.get,
                            placeholder="全部")
    organ = c[3].multiselect("办案单位", sorted({f.organ for f in everything if f.organ}), placeholder="全部")
    c = st.columns(4)
    status = c[0].multiselect("审查状态", [UNREVIEWED, "confirmed", "dismissed", "pending"],
                              format_func=lambda s: status_label(None if s == UNREVIEWED else s), placeholder="全部")
    reviewers = sorted({f.reviewer for f in everything if f.reviewer})
    reviewer = c[1].selectbox("审查人", [None, *reviewers], format_func=lambda r: r or "全部")
    search = c[2].text_input("搜索", placeholder="问题描述、规则、案卷名或文书标题")
    c[3].markdown("&nbsp;")

rows = store.findings(severity=severity or None, category=category or None, rule_id=rule or None,
                      organ=organ or None, status=status or None, reviewer=reviewer, search=search.strip() or None)
st.caption(f"共 {len(rows)} 项（全部 {len(everything)} 项；仅列出每个案件的最新版本）")
table = [{"审查状态": status_label(r.status), "级别": SEVERITY_LABEL.get(r.severity, r.severity), "规则": r.rule_name,
          "问题描述": r.message, "案卷": r.source_name, "文书": r.document_title or "", "办案单位": r.organ or "",
          "审查人": r.reviewer or ""} for r in rows]
picked = st.dataframe(table, hide_index=True, width="stretch", on_select="rerun",
                      selection_mode="multi-row", key="finding-table",
                      column_config={"审查状态": st.column_config.TextColumn(width="small"),
                                     "级别": st.column_config.TextColumn(width="small"),
                                     "问题描述": st.column_config.TextColumn(width="large")})
selected = [rows[i] for i in picked.selection.rows if i < len(rows)] if picked else []

if len(selected) > 1:
    with st.form("bulk"):
        st.markdown(f"**批量审查：已选 {len(selected)} 项**")
        c = st.columns([5, 4, 4, 2], vertical_alignment="bottom")
        bulk_status = c[0].radio("审查结论", ["confirmed", "dismissed", "pending"], horizontal=True,
                                 format_func=lambda s: status_labels()[s])
        codes = [None, *(r.code for r in reasons() if not r.retired)]
        bulk_reason = c[1].selectbox("理由", codes, format_func=reason_option)
        bulk_comment = c[2].text_input("备注", placeholder="可选")
        if c[3].form_submit_button("全部保存", type="primary", width="stretch"):
            user = context.current_user()
            try:
                done = store.decide_many([r.finding_id for r in selected], bulk_status, by=user.name if user else "",
                                         reason=bulk_reason, comment=bulk_comment)
            except (ReviewError, PermissionDenied) as exc:
                st.error(str(exc))
            else:
                st.session_state["bulk_saved"] = f"已保存 {len(done)} 项：{status_label(bulk_status)}"
                st.rerun()
if st.session_state.get("bulk_saved"):
    st.success(st.session_state.pop("bulk_saved"), icon=":material/check_circle:")

if len(selected) == 1:
    row = selected[0]
    st.page_link("auditor/ui/pages/dossier.py", label=f"在案卷中查看：{row.source_name}", icon=":material/folder_open:",
                 query_params={"id": str(row.dossier_id)})
    needed = {m["page"] for ms in row.marks for m in ms}
    pages = {p.number: p for p in store.pages(row.dossier_id, needed)} if needed else {}
    st.session_state.setdefault("doc_titles", {})[row.dossier_id] = {
        d.id: d.title or d.type for d in store.result(row.dossier_id).report.documents}
    finding_card(row, pages, key=f"list-{row.finding_id}")
elif not selected:
    st.caption("勾选一行查看详情并审查；勾选多行可批量审查。")
