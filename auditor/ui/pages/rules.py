"""规则库: the catalogue; each rule's page (what, why, bad / good example, legal basis); enable / disable per profile
and thresholds, stored as configuration in the review store (append-only, with who and when)."""

from __future__ import annotations

import streamlit as st

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.rules.config import tunable_params, with_params
from auditor.rules.docs import render_rule_page
from auditor.rules.loader import RuleError, load_rules
from auditor.ui import context
from auditor.ui.labels import PARAM_HELP, PARAM_LABEL, PROFILE_LABEL


def _typed(value: str, default: object) -> object:
    """A threshold typed as text, back to the type the rule file uses."""
    try:
        return type(default)(value) if isinstance(default, (int, float)) else value
    except ValueError:
        return value


store = context.store()
st.header("规则库")
rules = list(load_rules())
profile = st.selectbox("规则集", ["", "police", "procuratorate"], format_func=lambda v: PROFILE_LABEL[v])
config = store.rule_config(profile or None)
st.dataframe(
    [{"编号": r.id, "名称": r.name, "类别": CATEGORY_LABEL.get(r.category, r.category),
      "级别": SEVERITY_LABEL.get(r.severity, r.severity),
      "适用": "、".join(PROFILE_LABEL[p] for p in r.profiles),
      "状态": "停用" if config.get(r.id, {}).get("enabled") is False else
              ("已调整参数" if config.get(r.id, {}).get("params") else "启用")} for r in rules],
    hide_index=True, width="stretch", height=320)

ids = [r.id for r in rules]
wanted = st.query_params.get("rule")
rule_id = st.selectbox("查看规则", ids, index=ids.index(wanted) if wanted in ids else 0,
                       format_func=lambda i: f"{next(r.name for r in rules if r.id == i)}（{i}）")
if rule_id != st.query_params.get("rule"):
    st.query_params["rule"] = rule_id
rule = next(r for r in rules if r.id == rule_id)
page, settings = st.columns([3, 2])
with page:
    text = render_rule_page(rule).replace("<!-- 本页由 auditor/rules/docs.py 根据 lexicons/rules/*.yaml 生成，请勿手工修改。 -->", "")
    # the page's headings one level down: it sits inside the workbench's own page
    st.markdown("\n".join("###" + line if line.startswith("#") else line for line in text.split("\n")))
with settings, st.container(border=True):
    st.subheader("设置")
    st.caption(f"适用于：{PROFILE_LABEL[profile]}。修改后，新上传或重新审查的案卷按新设置审查（规则集版本随之改变）。")
    user = context.current_user()
    may_edit = not store.team_mode or (user is not None and user.role == "admin")
    current = config.get(rule.id, {})
    with st.form(f"rule-{rule.id}-{profile}"):
        enabled = st.toggle("启用该规则", value=current.get("enabled", True))
        values = {}
        for name, default in tunable_params(rule).items():
            shown = current.get("params", {}).get(name, default)
            values[name] = st.text_input(PARAM_LABEL.get(name, name), value=str(shown),
                                         help=f"规则文件中的值：{default}。{PARAM_HELP}")
        if st.form_submit_button("保存设置", type="primary", disabled=not may_edit):
            changed = {k: _typed(v, tunable_params(rule)[k]) for k, v in values.items()
                       if str(tunable_params(rule)[k]) != v}
            try:
                if changed:
                    with_params(rule, changed)
            except (RuleError, ValueError) as exc:
                st.error(f"参数不正确：{exc}")
            else:
                store.set_rule(rule.id, by=user.name if user else "", profile=profile or None, enabled=enabled,
                               params=changed)
                st.success("已保存。")
                st.rerun()
    if not may_edit:
        st.caption("团队模式下只有管理员可以修改规则设置。")

