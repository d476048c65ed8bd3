"""The 评查得分 panel of the 案卷 page: points, grade, vetoes and the itemised deductions, each linking to the finding it
is for. Computed afresh on each view from the stored findings and the current review state (auditor/store/derived.py):
once the case has a review decision only confirmed findings count."""

from __future__ import annotations

import streamlit as st

from auditor.labels import SEVERITY_LABEL
from auditor.scoring import load_standard, standard_names
from auditor.store import StoredResult
from auditor.store.derived import dossier_score
from auditor.ui import context
from auditor.ui.labels import status_label

BY_PROFILE = ""  # the standard of the dossier's profile (a selectbox option that is not None: no clear button)


def _points(value: float) -> str:
    return f"{value:g}"


def score_panel(stored: StoredResult) -> None:
    dossier_id = stored.dossier.id
    with st.container(border=True):
        head = st.columns([3, 2])
        head[0].markdown("**评查得分**")
        names = [BY_PROFILE, *standard_names()]
        standard = head[1].selectbox(
            "评查标准", names, key=f"standard-{dossier_id}", label_visibility="collapsed",
            format_func=lambda n: "评查标准：按规则集" if n == BY_PROFILE else f"评查标准：{load_standard(n).title}")
        score = dossier_score(context.store(), dossier_id, None if standard == BY_PROFILE else standard, stored=stored)
        cols = st.columns(4)
        cols[0].metric("得分", f"{_points(score.points)} / {_points(score.full_marks)}")
        cols[1].metric("等次", score.grade)
        cols[2].metric("扣分项", len(score.deductions))
        cols[3].metric("一票否决", "、".join(dict.fromkeys(v.label for v in score.vetoes)) or "无")
        by_fp = {r.fingerprint: r for r in stored.findings}
        dismissed = sum(1 for r in stored.findings if r.status == "dismissed")
        if score.basis == "review":
            st.caption(f"{score.standard_title}。已有审查结论：仅计入经确认的问题"
                       f"（待审查 {len(score.pending)} 项、已驳回 {dismissed} 项不计分）。")
        else:
            st.caption(f"{score.standard_title}。尚无审查结论：按审查发现的全部问题计分，确认或驳回后自动重新计分。")
        for veto in score.vetoes:
            row = by_fp.get(veto.fingerprint or "")
            st.error(f"一票否决：{veto.label}（{row.rule_name if row else veto.rule_id}）", icon=":material/block:")
        if score.deductions:
            with st.expander(f"扣分明细（{len(score.deductions)} 项，共扣 "
                             f"{_points(sum(d.points for d in score.deductions))} 分）"):
                st.dataframe(
                    [{"评查项目": d.item_name, "扣分": _points(d.points)
                      + (f"（应扣{_points(d.nominal)}，已达该项上限）" if d.points < d.nominal else ""),
                      "级别": SEVERITY_LABEL.get(d.severity, d.severity),
                      "规则": by_fp[d.fingerprint].rule_name if d.fingerprint in by_fp else d.rule_id,
                      "审查状态": status_label(by_fp[d.fingerprint].status) if d.fingerprint in by_fp else "",
                      "问题链接": f"/dossier?id={dossier_id}&finding={d.fingerprint}" if d.fingerprint else None,
                      "问题": d.message}
                     for d in score.deductions],
                    hide_index=True, width="stretch",
                    column_config={"扣分": st.column_config.TextColumn(width="small"),
                                   "级别": st.column_config.TextColumn(width="small"),
                                   "审查状态": st.column_config.TextColumn(width="small"),
                                   "问题": st.column_config.TextColumn(width="large"),
                                   "问题链接": st.column_config.LinkColumn("问题链接", display_text="查看该问题")})
