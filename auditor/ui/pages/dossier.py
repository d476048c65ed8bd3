"""案卷: one stored dossier as audited (never re-audited here): its 评查得分 under the current review state, findings
with evidence and triage, the procedural timeline, documents, acts, citations, pages."""

from __future__ import annotations

import streamlit as st

from auditor.text.numerals import int_to_cn
from auditor.ui import context
from auditor.ui.finding_card import _page_png, finding_card
from auditor.ui.labels import CITATION_STATUS, status_label
from auditor.ui.score_panel import score_panel
from auditor.ui.timeline import timeline_chart

IMAGES_SHOWN = 3  # page images drawn up front; the others on request (a 300-page dossier opens fast)
PAGE_SIZE = 10  # findings per page of the list

store = context.store()
st.header("案卷")
all_versions = st.toggle("显示同一案件的历史版本", value=False)
dossiers = store.dossiers(latest_only=not all_versions)
if not dossiers:
    st.info("审查库中还没有案卷。请先在“上传审查”页上传案卷。")
    st.stop()
ids = [d.id for d in dossiers]
wanted = st.query_params.get("id")
index = ids.index(int(wanted)) if wanted and wanted.isdigit() and int(wanted) in ids else 0
if wanted and wanted.isdigit() and int(wanted) not in ids:
    extra = store.dossiers(ids=[int(wanted)], latest_only=False)
    if extra:
        dossiers, ids, index = [*extra, *dossiers], [extra[0].id, *ids], 0
by_id = {d.id: d for d in dossiers}
chosen = st.selectbox(
    "选择案卷", ids, index=index,
    format_func=lambda i: (f"{by_id[i].source_name}（{by_id[i].organ or '未识别单位'}，{by_id[i].pages}页，"
                           f"问题{by_id[i].findings}项" + (f"，第{by_id[i].version}版" if by_id[i].version > 1 else "")
                           + "）"))
if str(chosen) != st.query_params.get("id"):
    st.query_params.pop("finding", None)  # a finding of the dossier shown before
    st.query_params["id"] = str(chosen)
stored = store.result(chosen)
summary, report = stored.dossier, stored.report
titles = {d.id: d.title or d.type for d in report.documents}
st.session_state.setdefault("doc_titles", {})[chosen] = titles

reviewed = sum(1 for f in stored.findings if f.status)
cols = st.columns(6)
cols[0].metric("页数", summary.pages)
cols[1].metric("文书", summary.documents)
cols[2].metric("程序事件", len(report.events))
cols[3].metric("法条引用", len(report.citations))
cols[4].metric("问题", summary.findings)
cols[5].metric("已审查", f"{reviewed}/{summary.findings}")
st.caption(f"办案单位：{summary.organ or '未识别'} · 审查时间：{summary.audited_at.astimezone():%Y-%m-%d %H:%M}"
           f" · 第{summary.version}版")
if summary.version > 1:
    comparison = store.compare(chosen)
    st.info(f"与上一版本相比：新增问题 {len(comparison.new)} 项，未变 {len(comparison.unchanged)} 项（沿用原审查结论），"
            f"已不存在 {len(comparison.gone)} 项。")
for err in report.errors:
    from auditor.report.rows import public_message

    st.error(f"[{err.code}] {public_message(err.message, err.source)}", icon=":material/error:")
if not summary.readable:
    st.error("该案卷没有可读取的内容，未能审查。", icon=":material/error:")
    st.stop()
score_panel(stored)
notices = [n for check in (*report.toc_check, *report.cover_check) for n in check.notices]
if notices:
    st.info("**卷宗结构提示**（卷内目录、封面页数与实际页面核对）\n\n" + "\n".join(f"- {n}" for n in notices))

# One view at a time (tabs would compute all of them on every run): a 300-page dossier opens fast.
VIEWS = ["问题", "时间轴", "文书", "程序事件", "法条引用", "页面"]
view = st.segmented_control("查看", VIEWS, default="问题", key=f"view-{chosen}", label_visibility="collapsed") or "问题"
if view == "问题":
    if not stored.findings:
        st.success("未发现问题。")
    shown = stored.findings
    focus = st.query_params.get("finding")
    if focus and any(r.fingerprint == focus for r in stored.findings):  # from the 评查得分 panel's deductions
        shown = [r for r in stored.findings if r.fingerprint == focus]
        c = st.columns([5, 1], vertical_alignment="center")
        c[0].info("仅显示扣分明细所指的问题。", icon=":material/filter_alt:")
        if c[1].button("显示全部问题"):
            st.query_params.pop("finding", None)
            st.rerun()
    elif len(stored.findings) > PAGE_SIZE:
        starts = list(range(0, len(stored.findings), PAGE_SIZE))
        first = st.selectbox("问题分页", starts, key=f"fpage-{chosen}", format_func=lambda i: (
            f"第 {i + 1}–{min(i + PAGE_SIZE, len(stored.findings))} 项（共 {len(stored.findings)} 项）"))
        shown = stored.findings[first:first + PAGE_SIZE]
    needed = {m["page"] for f in shown[:IMAGES_SHOWN] for ms in f.marks for m in ms}
    pages = {p.number: p for p in store.pages(chosen, needed)} if needed else {}
    for i, row in enumerate(shown):
        show = i < IMAGES_SHOWN
        if not show and any(row.marks):
            show = st.toggle("显示证据所在原页", key=f"img-{row.finding_id}")
        if show and not all(m["page"] in pages for ms in row.marks for m in ms):
            pages.update({p.number: p for p in store.pages(chosen, {m["page"] for ms in row.marks for m in ms})})
        finding_card(row, pages, key=f"d{chosen}-{row.finding_id}", show_images=show)
if view == "时间轴":
    chart = timeline_chart(report, stored.findings)
    if chart is None:
        st.info("卷内没有可排列的带日期程序行为。")
    else:
        st.caption("蓝条为强制措施实际持续时间（条末注明已用天数与法定期限），浅色带为法定期限，红条为审查规则认定的超期部分；"
                   "◆ 为各程序行为的日期。鼠标悬停查看详情。")
        st.altair_chart(chart, width="stretch")
if view == "文书":
    st.dataframe(
        [{"序号": i, "类型": d.type, "标题": d.title, "文号": d.number or "", "制作机关": d.organ or "",
          "日期": d.date.isoformat() if d.date else "", "页码": "、".join(map(str, d.pages))}
         for i, d in enumerate(report.documents, start=1)], hide_index=True, width="stretch")
if view == "程序事件":
    st.dataframe(
        [{"行为": e.action, "日期": e.date.isoformat() if e.date else "（未载明）",
          "时间": e.time.strftime("%H:%M") if e.time else "", "对象": e.person or "", "决定机关": e.organ or "",
          "文书": titles.get(e.document_id or "", ""), "依据原文": " / ".join(" ".join(ev.quote.split()) for ev in e.evidence)}
         for e in report.events], hide_index=True, width="stretch")
if view == "法条引用":
    def _article(c) -> str:  # noqa: ANN001
        text = f"第{int_to_cn(c.article)}条{c.article_suffix or ''}"
        text += f"第{int_to_cn(c.paragraph)}款" if c.paragraph else ""
        return text + (f"第（{int_to_cn(c.item)}）项" if c.item else "")

    st.dataframe(
        [{"法律": c.law, "版本": f"{c.version}年版" if c.version else "", "条款": _article(c),
          "状态": CITATION_STATUS.get(c.status, c.status), "文书": titles.get(c.document_id or "", ""), "原文": c.quote}
         for c in report.citations], hide_index=True, width="stretch")
if view == "页面":
    numbers = [p.page for p in report.page_details]
    if numbers:
        number = st.selectbox("页码", numbers, format_func=lambda n: f"第{n}页")
        page = store.pages(chosen, [number])[0]
        detail = next(p for p in report.page_details if p.page == number)
        method = {"text": "文字层", "ocr": "OCR识别", "image": "图片OCR", "docx": "DOCX", "txt": "文本", "txt-page": "文本"}
        st.caption(f"读取方式：{method.get(detail.method, detail.method)}"
                   + (f" · 文字质量 {detail.quality:.2f}" if detail.quality is not None else ""))
        left, right = st.columns(2)
        path = page.file_path
        png = _page_png(str(path), page.source_index or 0, page.width, ()) if path else None
        if png:
            left.image(png, width="stretch")
        right.text(page.text)
st.caption(f"审查状态说明：{status_label(None)} / 确认 / 驳回 / 待补充。审查结论只追加记录，不会被修改或删除。")
