"""批次看板: counts and charts by rule, category, severity, 办案单位 and month over the stored dossiers (each case's
latest version); drill down to the dossiers and findings of one group; how often reviewers confirm each rule."""

from __future__ import annotations

import streamlit as st

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.report.summary import group_key, tally
from auditor.ui import context
from auditor.ui.labels import status_label

store = context.store()
st.header("批次看板")
dossiers = store.dossiers()
if not dossiers:
    st.info("审查库中还没有案卷。请先在“上传审查”页上传案卷。")
    st.stop()
organs = sorted({d.organ for d in dossiers if d.organ})
chosen_organs = st.multiselect("办案单位", organs, placeholder="全部办案单位")
if chosen_organs:
    dossiers = [d for d in dossiers if d.organ in chosen_organs]
findings = store.findings(organ=chosen_organs or None)

reviewed = [f for f in findings if f.status in ("confirmed", "dismissed")]
confirmed = sum(1 for f in reviewed if f.status == "confirmed")
cols = st.columns(5)
cols[0].metric("案卷", len(dossiers))
cols[1].metric("有问题的案卷", len({f.dossier_id for f in findings}))
cols[2].metric("问题", len(findings))
cols[3].metric("已审查", sum(1 for f in findings if f.status))
cols[4].metric("确认率", f"{confirmed / len(reviewed):.0%}" if reviewed else "—")

LABELS = {"category": CATEGORY_LABEL, "severity": SEVERITY_LABEL}
DIMENSIONS = {"rule": "规则", "category": "类别", "severity": "级别", "organ": "办案单位", "month": "月份（文书日期）"}


def _bars(key: str) -> dict | None:
    """A Vega-Lite bar chart as a plain spec (no Altair validation on every run: the page stays fast)."""
    groups = tally(findings, key)
    if not groups:
        return None
    data = [{"分组": (g.name or LABELS.get(key, {}).get(g.key, g.key)), "问题数": g.total,
             "已确认": g.by_status["confirmed"]} for g in groups]
    tooltip = [{"field": "分组", "type": "nominal"}, {"field": "问题数", "type": "quantitative"},
               {"field": "已确认", "type": "quantitative"}]
    count_axis = {"format": "d", "tickMinStep": 1}
    if key == "month":
        return {"data": {"values": data}, "mark": {"type": "bar", "color": "#3b6fb6"}, "height": 260,
                "encoding": {"x": {"field": "分组", "type": "nominal", "sort": "ascending", "title": None,
                                   "axis": {"labelAngle": 0}},
                             "y": {"field": "问题数", "type": "quantitative", "title": "问题数", "axis": count_axis},
                             "tooltip": tooltip}}
    return {"data": {"values": data}, "mark": {"type": "bar", "color": "#b22222"}, "height": {"step": 28},
            "encoding": {"y": {"field": "分组", "type": "nominal", "sort": "-x", "title": None,
                               "axis": {"labelLimit": 240, "labelOverlap": False}},
                         "x": {"field": "问题数", "type": "quantitative", "title": "问题数", "axis": count_axis},
                         "tooltip": tooltip}}


left, right = st.columns(2)
for i, key in enumerate(DIMENSIONS):
    chart = _bars(key)
    target = left if i % 2 == 0 else right
    target.subheader(f"按{DIMENSIONS[key]}")
    if chart is not None:
        target.vega_lite_chart(chart, width="stretch")
    else:
        target.caption("暂无问题。")

st.subheader("各规则的确认率（审查人员确认的比例，即规则在使用中的准确率）")
st.dataframe(
    [{"规则": g.name, "编号": g.key, "问题数": g.total, "确认": g.by_status["confirmed"], "驳回": g.by_status["dismissed"],
      "待补充": g.by_status["pending"], "未审查": g.by_status[None],
      "确认率": (g.confirmed_rate * 100) if g.confirmed_rate is not None else None} for g in tally(findings, "rule")],
    hide_index=True, width="stretch",
    column_config={"确认率": st.column_config.ProgressColumn("确认率", format="%.0f%%", min_value=0, max_value=100)})

st.subheader("明细")
c = st.columns(2)
dimension = c[0].selectbox("分组方式", list(DIMENSIONS), format_func=DIMENSIONS.get)
groups = tally(findings, dimension)
if groups:
    group = c[1].selectbox("分组", [g.key for g in groups],
                           format_func=lambda k: next((g.name or LABELS.get(dimension, {}).get(g.key, g.key))
                                                      + f"（{g.total}项）" for g in groups if g.key == k))
    members = [f for f in findings if group_key(f, dimension) == group]
    ids = {f.dossier_id for f in members}
    st.markdown(f"**涉及案卷 {len(ids)} 份**")
    st.dataframe(
        [{"案卷": d.source_name, "办案单位": d.organ or "", "问题": sum(1 for f in members if f.dossier_id == d.id),
          "打开": f"/dossier?id={d.id}"} for d in dossiers if d.id in ids],
        hide_index=True, width="stretch",
        column_config={"打开": st.column_config.LinkColumn("打开", display_text="查看案卷")})
    st.markdown(f"**问题 {len(members)} 项**")
    st.dataframe(
        [{"案卷": f.source_name, "规则": f.rule_name, "问题描述": f.message, "审查状态": status_label(f.status)}
         for f in members], hide_index=True, width="stretch")
