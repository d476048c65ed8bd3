"""One finding as the reviewer sees it: what, where (document title, page, the quote, the page image with its
boxes), by which law, how we know, and the triage form that appends a decision to the review log."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from auditor.report.reasons import reason_label, reasons, status_labels
from auditor.report.rows import FindingRow
from auditor.store import PageView, PermissionDenied, ReviewError
from auditor.ui import context
from auditor.ui.labels import (
    CHANGE_LABEL,
    category_text,
    reason_option,
    severity_text,
    status_badge,
    status_label,
)
from auditor.ui.page_image import png_of_page

STATUS_CHOICES = ("confirmed", "dismissed", "pending")


@st.cache_data(max_entries=256, show_spinner=False)
def _page_png(path: str, index: int, width: float | None, marks: tuple, crop: bool = False) -> bytes | None:
    return png_of_page(Path(path), index, width, [(tuple(m[0]), m[1]) for m in marks], crop=crop)


def decision_line(row: FindingRow) -> str:
    if row.status is None:
        return status_badge(None)
    when = row.decided_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.decided_at else ""
    reason = f" · {reason_label(row.reason_code)}" if row.reason_code else ""
    comment = f" · {row.comment}" if row.comment else ""
    return f"{status_badge(row.status)} {row.reviewer} · {when}{reason}{comment}"


def triage_form(row: FindingRow, key: str) -> None:
    """确认 / 驳回 / 待补充 with a reason and a comment; one submit appends one decision (Enter submits)."""
    saved = st.session_state.get(f"saved-{row.finding_id}")
    with st.form(f"triage-{key}", border=False):
        cols = st.columns([5, 4, 4, 2], vertical_alignment="bottom")
        default = STATUS_CHOICES.index(row.status) if row.status in STATUS_CHOICES else 0
        status = cols[0].radio("审查结论", STATUS_CHOICES, index=default, horizontal=True,
                               format_func=lambda s: status_labels()[s], key=f"status-{key}")
        codes = [None, *(r.code for r in reasons() if not r.retired)]
        reason = cols[1].selectbox("理由", codes, format_func=reason_option, key=f"reason-{key}",
                                   index=codes.index(row.reason_code) if row.reason_code in codes else 0)
        comment = cols[2].text_input("备注", value="", key=f"comment-{key}", placeholder="可选")
        if cols[3].form_submit_button("保存", type="primary", width="stretch"):
            user = context.current_user()
            try:
                decision = context.store().decide(row.finding_id, status, by=user.name if user else "",
                                                  reason=reason, comment=comment)
            except (ReviewError, PermissionDenied) as exc:
                st.error(str(exc))
            else:
                st.session_state[f"saved-{row.finding_id}"] = (
                    f"已保存：{status_label(decision.status)}（{decision.reviewer}，"
                    f"{decision.decided_at.astimezone().strftime('%H:%M:%S')}）")
                st.rerun()
    if saved:
        st.success(saved, icon=":material/check_circle:")


def evidence_block(row: FindingRow, pages: dict[int, PageView], show_images: bool) -> None:
    evidence = row.data.get("evidence", [])
    for i, ev in enumerate(evidence):
        title = row.document_title if ev.get("document_id") == row.document_key else None
        title = title or _document_title(row, ev.get("document_id"))
        st.markdown(f"**{title}** · 第{ev['page']}页")
        st.html(f'<div class="evidence-quote">{_escape(ev["quote"])}</div>')
        if not show_images:
            continue
        marks = row.marks[i] if i < len(row.marks) else []
        by_page: dict[int, list] = {}
        for m in marks:
            by_page.setdefault(m["page"], []).append((tuple(m["box"]), m["kind"]))
        for number in sorted(by_page) or []:
            page = pages.get(number)
            path = page.file_path if page else None
            if page is None or path is None:
                continue
            png = _page_png(str(path), page.source_index or 0, page.width, tuple(by_page[number]), crop=True)
            if png:
                dates = any(kind == "date" for _, kind in by_page[number])
                st.image(png, caption=f"第{number}页（局部）：红框为证据原文" + ("，橙框为计算所用日期" if dates else ""),
                         width=760)


def _document_title(row: FindingRow, doc_key: str | None) -> str:
    titles = st.session_state.get("doc_titles", {}).get(row.dossier_id, {})
    return titles.get(doc_key, "文书")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def finding_card(row: FindingRow, pages: dict[int, PageView], key: str, show_images: bool = True) -> None:
    with st.container(border=True):
        head = st.columns([6, 3])
        change = f" · {CHANGE_LABEL[row.change]}" if row.change in CHANGE_LABEL else ""
        head[0].markdown(f"{severity_text(row.severity)} · {category_text(row.category)} · **{row.rule_name}**{change}")
        head[0].page_link("auditor/ui/pages/rules.py", label=f"规则说明：{row.rule_id}", icon=":material/menu_book:",
                          query_params={"rule": row.rule_id})
        head[1].html(decision_line(row))
        st.markdown(f"##### {row.message}")
        evidence_block(row, pages, show_images)
        if row.legal_basis:
            st.markdown(f"**法律依据：** {row.legal_basis}")
        if row.steps:
            st.markdown("**计算过程：**\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(row.steps, start=1)))
        triage_form(row, key)
        with st.expander("详细信息"):
            st.caption(f"问题指纹 {row.fingerprint}（同一问题在重新审查后保持不变）")
            history = context.store().history(row.case_id, row.fingerprint) if row.case_id else []
            if history:
                st.markdown("**审查记录（只增不改）：**\n" + "\n".join(
                    f"- {d.decided_at.astimezone():%Y-%m-%d %H:%M:%S} {d.reviewer}：{status_label(d.status)}"
                    + (f"（{reason_label(d.reason_code)}）" if d.reason_code else "")
                    + (f"，{d.comment}" if d.comment else "") + ("，复核改定" if d.overrules_id else "")
                    for d in history))
            st.code(json.dumps(row.data.get("explanation", {}).get("values", {}), ensure_ascii=False, indent=1),
                    language="json")
            for ev in row.data.get("evidence", []):
                st.caption(f"{ev['document_id']} 第{ev['page']}页 字符 {ev['start']}–{ev['end']}")
