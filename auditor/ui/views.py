"""Streamlit views of an audited case: documents, events, citations, findings with evidence."""

from __future__ import annotations

import streamlit as st

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.model import AuditResult, Finding, Page
from auditor.ui.page_image import render_page

SEVERITY_ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def show_case(case: AuditResult) -> None:
    d = case.dossier
    st.subheader(d.source.split("/")[-1])
    cols = st.columns(5)
    cols[0].metric("页数", len(d.pages))
    cols[1].metric("文书", len(case.documents))
    cols[2].metric("事件", len(case.events))
    cols[3].metric("引用", len(case.citations))
    cols[4].metric("问题", len(case.findings))
    for err in case.errors:
        st.warning(f"[{err.code}] {err.message}")
    notices = case.case.volume_notices()
    if notices:
        st.info("**卷宗结构提示**（卷内目录、封面页数与实际页面核对）\n\n" + "\n".join(f"- {n}" for n in notices))
    tabs = st.tabs(["问题", "文书", "事件", "法条引用", "页面"])
    with tabs[0]:
        if not case.findings:
            st.success("未发现问题。")
        for i, finding in enumerate(case.findings):
            show_finding(case, finding, key=f"{d.source}-{i}")
    with tabs[1]:
        st.dataframe(
            [{"编号": x.id, "类型": x.type, "标题": x.title, "文号": x.number, "机关": x.organ, "日期": x.date,
              "页": ",".join(map(str, x.pages))} for x in case.documents],
            hide_index=True,
        )
    with tabs[2]:
        st.dataframe(
            [{"行为": e.action, "日期": e.date, "时间": e.time, "对象": e.person, "决定机关": e.organ,
              "文书": e.document_id, "依据原文": " / ".join(ev.quote for ev in e.evidence)} for e in case.events],
            hide_index=True,
        )
    with tabs[3]:
        st.dataframe(
            [{"法律": c.law, "版本": c.version, "条": f"{c.article}{c.article_suffix or ''}", "款": c.paragraph,
              "项": c.item, "状态": c.status, "文书": c.document_id, "原文": c.quote} for c in case.citations],
            hide_index=True,
        )
    with tabs[4]:
        for page in d.pages:
            with st.expander(_page_label(page)):
                st.text(page.text)


METHOD_LABEL = {"text": "文字层", "ocr": "OCR识别", "image": "图片OCR", "docx": "DOCX", "txt": "文本"}
REMOVED_LABEL = {"running_line": "去除页眉页脚 {n} 行", "stamp_noise": "去除印章噪声 {n} 处", "signature_noise": "去除签名笔迹噪声 {n} 处"}


def _page_label(page: Page) -> str:
    """Which path read the page and how usable its text was: a reviewer weighs OCR'd evidence differently."""
    parts = [METHOD_LABEL.get(page.method, page.method)]
    if page.quality is not None:
        parts.append(f"质量 {page.quality:.2f}")
    parts += [REMOVED_LABEL.get(kind, kind + " {n}").format(n=n) for kind, n in page.removed.items() if n]
    return f"第{page.number}页（{'，'.join(parts)}）"


def show_finding(case: AuditResult, finding: Finding, key: str) -> None:
    label = (f"{SEVERITY_ICON.get(finding.severity, '')} {SEVERITY_LABEL.get(finding.severity, finding.severity)}"
             f" · {CATEGORY_LABEL.get(finding.category, finding.category)} · {finding.message}")
    with st.expander(label):
        st.caption(f"规则 {finding.rule_id}")
        for ev in finding.evidence:
            st.markdown(f"**{ev.document_id} 第{ev.page}页** [{ev.start}:{ev.end}]")
            st.code(ev.quote, language=None)
            page = next((p for p in case.dossier.pages if p.number == ev.page), None)
            if page is not None and ev.bbox is not None:
                image = render_page(page, [ev.bbox])
                if image is not None:
                    st.image(image, caption=f"第{ev.page}页（红框为证据位置）")
        if finding.legal_basis:
            st.markdown("**法律依据：** " + "；".join(
                f"《{b.law}》（{b.version}）第{b.article}条" + (f"第{b.paragraph}款" if b.paragraph else "")
                + (f"第{b.item}项" if b.item else "") for b in finding.legal_basis))
        steps = finding.explanation.steps
        if steps:
            st.markdown("**计算过程：**\n" + "\n".join(f"1. {s}" for s in steps))
        values = finding.explanation.values
        if values:
            st.json(values, expanded=False)
