"""用户: team mode (passwords, roles 审查员 / 复核人 / 管理员). Only an administrator manages users; in single-user
mode the reviewer can switch team mode on by giving himself a password as 管理员."""

from __future__ import annotations

import streamlit as st

from auditor.report.reasons import role_labels
from auditor.store import ROLES
from auditor.ui import context

store = context.store()
user = context.current_user()
st.header("用户")
team = store.team_mode
st.dataframe([{"姓名": u.name, "角色": u.role_label, "已设密码": "是" if u.has_password else "否",
               "状态": "启用" if u.active else "停用"} for u in store.users()], hide_index=True)
if team and (user is None or user.role != "admin"):
    st.caption("只有管理员可以管理用户。")
    st.stop()
if not team:
    st.info("当前为单用户模式。为自己设置密码并成为管理员即可启用团队模式（之后所有人需要登录）。")
    with st.form("team-on"):
        password = st.text_input("设置密码", type="password")
        if st.form_submit_button("启用团队模式"):
            if len(password) < 6:
                st.error("密码至少 6 位。")
            else:
                store.set_role(user.name, "admin")
                store.set_password(user.name, password)
                st.session_state.user = store.user(user.name)
                st.rerun()
    st.stop()
with st.form("add-user"):
    st.subheader("添加用户")
    c = st.columns(3)
    name = c[0].text_input("姓名")
    role = c[1].selectbox("角色", ROLES, format_func=lambda r: role_labels()[r])
    password = c[2].text_input("初始密码", type="password")
    if st.form_submit_button("添加"):
        if not name.strip() or len(password) < 6:
            st.error("请填写姓名和至少 6 位的密码。")
        elif store.user(name.strip()):
            st.error("该用户已存在。")
        else:
            store.add_user(name.strip(), role, password=password)
            st.rerun()
with st.form("change-user"):
    st.subheader("修改角色或停用")
    c = st.columns(3)
    who = c[0].selectbox("用户", [u.name for u in store.users()])
    new_role = c[1].selectbox("新角色", ROLES, format_func=lambda r: role_labels()[r])
    active = c[2].checkbox("启用", value=True)
    if st.form_submit_button("保存"):
        store.set_role(who, new_role, active=active)
        st.rerun()
