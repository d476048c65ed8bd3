"""培训材料: training cases from the review store's confirmed findings (auditor/training/), always redacted.

Rules and categories to include, an include-unreviewed toggle (a trial export, marked on every case and page), a
preview of the cases (题目: the redacted excerpt with the evidence marked; 解析: what is wrong and why, the legal
basis, the correct wording or computation), JSONL and DOCX downloads. The files are built, and checked by the last
check, before their buttons are shown: a file the check refuses is a red card naming the detector, never the value.
"""

from __future__ import annotations

import datetime as dt
import html
import re

import streamlit as st

from auditor.labels import CATEGORY_LABEL
from auditor.redact import LeakError
from auditor.training.export import Collected, ExportOptions, collect, docx_bytes, jsonl
from auditor.training.items import TrainingItem, settings
from auditor.training.store_source import StoreSource
from auditor.ui import context
from auditor.ui.redaction import DOCX_MIME, refusal, result_of

PER_PAGE = 10
STYLE = """
<style>
.case-head { font-weight: 600; font-size: 1.05rem; }
.case-tag { display: inline-block; padding: .05rem .5rem; margin-left: .4rem; border-radius: .6rem; font-size: .8rem;
            background: #e8f0fe; color: #1a3d8b; font-weight: normal; }
.case-tag.trial { background: #fde2e2; color: #8b1a1a; }
.case-part { font-weight: 600; margin: .6rem 0 .2rem 0; color: #333; }
.case-excerpt { background: #fafafa; border-left: 3px solid #999; padding: .4rem .7rem; margin: .2rem 0 .4rem 0;
                white-space: pre-wrap; font-size: .93rem; line-height: 1.6; }
.case-excerpt mark { background: #ffe08a; font-weight: 600; padding: 0 .1rem; }
.case-quote { color: #444; border-left: 3px solid #c9d6ea; padding: .1rem .6rem; margin: .1rem 0 .3rem 1.2rem;
              font-size: .92rem; }
.case-body ol, .case-body ul { margin: .1rem 0 .3rem 0; }
</style>
"""

store = context.store()
st.header("培训材料")
st.caption("由经人工确认的问题生成培训案例：先题目（脱敏后的文书摘录，问题处加标记），后解析（问题所在、分析、法律依据、"
           "正确做法）。姓名、身份证号、电话、住址等一律脱敏；导出前逐项复查，发现残留即拒绝导出。")
rows = store.findings()
if not rows:
    st.info("审查库中还没有问题。请先在“上传审查”中审查案卷，并在“案卷”或“问题清单”中确认问题。")
    st.stop()

rule_names = {r.rule_id: r.rule_name for r in rows}
c = st.columns([5, 3, 4])
rules = c[0].multiselect("规则", sorted(rule_names), format_func=lambda r: f"{rule_names[r]}（{r}）",
                         placeholder="全部规则")
categories = c[1].multiselect("类别", sorted({r.category for r in rows}),
                              format_func=lambda k: CATEGORY_LABEL.get(k, k), placeholder="全部类别")
with c[2]:
    st.write("")
    trial = st.toggle("包括未审核的问题（试用导出）",
                      help="也列入尚未审查或待补充的问题，每个案例和讲义每页都标注“试用导出”；驳回的问题始终不列入")

chosen = [r for r in rows if (not rules or r.rule_id in rules) and (not categories or r.category in categories)]
confirmed = sum(r.status == "confirmed" for r in chosen)
unreviewed = sum(r.status in (None, "pending") for r in chosen)
if not confirmed and not (trial and unreviewed):
    st.info("所选范围内还没有经确认的问题。请先在“案卷”或“问题清单”中确认问题，或打开“包括未审核的问题”做试用导出。")
    st.stop()


@st.cache_data(show_spinner=False, max_entries=16)
def _collect(state: tuple, rules: tuple[str, ...], categories: tuple[str, ...], trial: bool) -> tuple[Collected,
                                                                                                       list[str]]:
    """The redacted cases and the problems met (cached on the store's findings and their review state)."""
    source = StoreSource(store=context.store(), result_of=result_of)
    collected = collect(source, ExportOptions(rules=rules, categories=categories, include_unreviewed=trial))
    return collected, list(source.problems)


state = tuple((r.finding_id, r.dossier_id, r.status) for r in rows)
with st.spinner("正在生成脱敏案例……"):
    collected, problems = _collect(state, tuple(rules), tuple(categories), trial)
items = collected.items
for problem in problems:
    st.warning(problem, icon=":material/info:")
if not items:
    st.info("所选范围内没有可生成的案例。")
    st.stop()

n_trial = sum(i.trial for i in items)
st.caption(f"共 {len(items)} 个案例（经确认 {len(items) - n_trial} 个" + (f"，未审核 {n_trial} 个" if n_trial else "")
           + f"），涉及规则 {len({i.rule_id for i in items})} 条。")
if n_trial:
    st.warning(f"试用导出：包括 {n_trial} 个未经审核的问题，讲义每页和每个案例均标注“{settings()['trial_mark']}”，"
               "不宜作为正式培训材料分发。", icon=":material/science:")

# The files first: both are checked for personal data before a button is offered.
stamp = dt.date.today().strftime("%Y%m%d")
suffix = "_试用" if n_trial else ""
c = st.columns([1, 1, 3])
try:
    handout = docx_bytes(items, collected.names)
except LeakError as exc:
    with c[2]:
        refusal("培训讲义（DOCX）", exc)
else:
    c[0].download_button("培训讲义（DOCX）", handout, file_name=f"培训案例{suffix}_{stamp}.docx", mime=DOCX_MIME,
                         type="primary", icon=":material/description:")
try:
    lines = jsonl(items, collected.names)
except LeakError as exc:
    with c[2]:
        refusal("培训数据（JSONL）", exc)
else:
    c[1].download_button("培训数据（JSONL）", lines.encode("utf-8"), file_name=f"培训案例{suffix}_{stamp}.jsonl",
                         mime="application/jsonl", icon=":material/data_object:")

# --- preview ---------------------------------------------------------------------------------------------------

_MARK = re.compile(r"【([^【】]*)】")


def _excerpt(text: str) -> str:
    """The excerpt escaped, its evidence (in 【】) highlighted."""
    return _MARK.sub(lambda m: f"<mark>【{m.group(1)}】</mark>", html.escape(text))


def _case(n: int, item: TrainingItem) -> str:
    e = html.escape
    tags = f'<span class="case-tag">{e(item.category_label)}</span><span class="case-tag">{e(item.severity)}</span>'
    if item.trial:
        tags += '<span class="case-tag trial">试用导出 · 未审核</span>'
    parts = [f'<div class="case-head">案例 {n}　{e(item.rule_name)}（{e(item.rule_id)}）{tags}</div>',
             '<div class="case-part">题目</div>', f"<div>{e(item.question)}</div>"]
    parts += [f'<div class="case-excerpt">{_excerpt(x)}</div>' for x in item.excerpts]
    parts += ['<div class="case-part">解析</div>', f"<div><b>问题所在：</b>{e(item.wrong)}</div>"]
    if item.why:
        parts.append("<div><b>分析：</b><ol>" + "".join(f"<li>{e(s)}</li>" for s in item.why) + "</ol></div>")
    if item.rule_why:
        parts.append(f"<div><b>为什么重要：</b>{e(item.rule_why)}</div>")
    if item.legal_basis:
        basis = ""
        for b in item.legal_basis:
            basis += f"<li>{e(b.label)}</li>"
            if b.text:
                basis += f'<div class="case-quote">“{e(b.text)}”</div>'
            elif b.fragments:
                basis += f'<div class="case-quote">（条文要点）{e("……".join(b.fragments))}</div>'
        parts.append(f"<div><b>法律依据：</b><ul>{basis}</ul></div>")
    if item.correct:
        parts.append("<div><b>正确做法：</b><ul>" + "".join(f"<li>{e(x)}</li>" for x in item.correct) + "</ul></div>")
    return '<div class="case-body">' + "".join(parts) + "</div>"


st.subheader("预览")
st.html(STYLE)
pages = (len(items) + PER_PAGE - 1) // PER_PAGE
page = 1
if pages > 1:
    page = st.number_input(f"页码（共 {pages} 页，每页 {PER_PAGE} 个案例）", min_value=1, max_value=pages, value=1)
start = (page - 1) * PER_PAGE
for n, item in enumerate(items[start : start + PER_PAGE], start=start + 1):
    with st.container(border=True):
        st.html(_case(n, item))
