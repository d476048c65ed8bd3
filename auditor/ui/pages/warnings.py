"""预警: 执法巡查预警 over every stored case (each case's latest version) as of a day (today by default; `?as_of=`
in the address picks another): each running period and due next act, fewest days left first, filtered by 办案单位
and level, with counts per level; a row opens its dossier. Stored warnings are re-levelled, never re-audited
(auditor/store/derived.py)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from auditor.labels import LEVEL_LABEL, WARNING_KIND_LABEL, basis_label
from auditor.store.derived import StoredWarnings, board_entry, stored_warnings
from auditor.ui import context
from auditor.warn.board import board_rows, level_counts, units

LEVELS = ["red", "orange", "yellow", None]
LEVEL_TEXT = {**LEVEL_LABEL, None: "未临近"}
LEVEL_COLOUR = {"red": "#f8d0d0", "orange": "#fde0b8", "yellow": "#fff3b0"}


@st.cache_data(max_entries=4096, show_spinner=False)
def _warnings(url: str, dossier_id: int, day: str) -> StoredWarnings:
    """A stored dossier never changes: its warnings for a day are computed once per app process."""
    return stored_warnings(context.store(), dossier_id, dt.date.fromisoformat(day))


def _day_from_address() -> dt.date:
    wanted = st.query_params.get("as_of")
    try:
        return dt.date.fromisoformat(wanted) if wanted else dt.date.today()
    except ValueError:
        return dt.date.today()


def _left(days: int) -> str:
    return f"{days}日" if days > 0 else "今日到期" if days == 0 else f"已超{-days}日"


store = context.store()
st.header("执法巡查预警")
st.caption("审查库中每个案件最新版本里截至所选日期仍在运行的期限和应当进行的下一步程序（流程提示），按剩余天数排列。"
           "红色：已到期或超期；橙色：2日内（按月计算的期限7日内）；黄色：7日内（按月计算的期限30日内）。")
dossiers = [d for d in store.dossiers() if d.readable]
if not dossiers:
    st.info("审查库中还没有可读取的案卷。请先在“上传审查”页上传案卷。")
    st.stop()

c = st.columns([2, 3, 3])
day = c[0].date_input("截至日期", value=_day_from_address(), format="YYYY-MM-DD",
                      min_value=dt.date(2000, 1, 1), max_value=dt.date.today() + dt.timedelta(days=3660))
with st.spinner("正在计算预警…"):
    found = [_warnings(store.url, d.id, day.isoformat()) for d in dossiers]
entries = [board_entry(w) for w in found]
unit = c[1].selectbox("办案单位", [None, *units(entries)], format_func=lambda u: u or "全部办案单位")
levels = c[2].multiselect("预警级别", LEVELS, format_func=LEVEL_TEXT.get, placeholder="全部（含未临近）")

in_unit = board_rows(entries, day, unit=unit)
counts = level_counts(in_unit)
cols = st.columns(5)
cols[0].metric("红色预警", counts["red"])
cols[1].metric("橙色预警", counts["orange"])
cols[2].metric("黄色预警", counts["yellow"])
cols[3].metric("未临近", counts[None])
cols[4].metric("涉及案卷", len({r.source for r in in_unit}))
rebuilt = sum(1 for w in found if w.rebuilt)
if rebuilt:
    st.caption(f"其中 {rebuilt} 份案卷的预警由审查库中保存的页面文字重新计算（未重新识别，未重新审查）。")

rows = [r for r in in_unit if not levels or r.warning.level in levels]
if not rows:
    st.success(f"截至{day:%Y-%m-%d}，所选范围内没有仍在运行的期限或待办程序。")
    st.stop()
names = {str(d.id): d.source_name for d in dossiers}
table = [{"预警": LEVEL_TEXT[r.warning.level], "剩余": _left(r.warning.days_left),
          "最后一日": r.warning.last_day.isoformat(), "期限/事项": r.warning.name,
          "类型": WARNING_KIND_LABEL.get(r.warning.kind, r.warning.kind), "人员": r.warning.person or "",
          "案卷": names.get(r.source, r.source), "办案单位": r.unit or "", "打开": f"/dossier?id={r.source}",
          "起算": f"{r.warning.start_action} {r.warning.start.isoformat()}", "期限长度": r.warning.limit,
          "下一步": r.warning.next_act}
         for r in rows]


def _colour(value: str) -> str:
    key = next((k for k, v in LEVEL_TEXT.items() if v == value), None)
    return f"background-color: {LEVEL_COLOUR[key]}" if key in LEVEL_COLOUR else ""


import pandas as pd  # noqa: E402 — only once there is a table to draw

frame = pd.DataFrame(table)
picked = st.dataframe(
    frame.style.map(_colour, subset=["预警"]), hide_index=True, width="stretch", on_select="rerun",
    selection_mode="single-row", key="warning-table",
    column_config={"预警": st.column_config.TextColumn(width="small"), "剩余": st.column_config.TextColumn(width="small"),
                   "类型": st.column_config.TextColumn(width="small"),
                   "案卷": st.column_config.TextColumn(width="medium"),
                   "下一步": st.column_config.TextColumn(width="large"),
                   "打开": st.column_config.LinkColumn("打开", display_text="查看案卷")})
st.caption(f"共 {len(rows)} 项。勾选一行查看计算过程、法律依据和原文。")

chosen = [rows[i] for i in picked.selection.rows if i < len(rows)] if picked else []
if chosen:
    row = chosen[0]
    w = row.warning
    with st.container(border=True):
        st.markdown(f"**{LEVEL_TEXT[w.level]}** · {names.get(row.source, row.source)} · {w.person or ''} · "
                    f"**{w.name}** · {_left(w.days_left)}（最后一日 {w.last_day.isoformat()}）")
        st.markdown(f"**下一步：** {w.next_act}")
        if w.extensions:
            st.markdown("**案卷中已有的延长：** " + "；".join(w.extensions))
        if w.legal_basis:
            st.markdown("**法律依据：** " + "；".join(basis_label(b.law, b.version, b.article, b.paragraph, b.item)
                                                  for b in w.legal_basis))
        if w.explanation.steps:
            st.markdown("**计算过程：**\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(w.explanation.steps, 1)))
        for note in w.notes:
            st.warning(note, icon=":material/info:")
        for ev in w.evidence:
            st.markdown(f"原文（第{ev.page}页）：“{' '.join(ev.quote.split())}”")
        st.page_link("auditor/ui/pages/dossier.py", label="查看案卷", icon=":material/folder_open:",
                     query_params={"id": row.source})
