"""What every workbench page shares: the review store, where uploads are kept, who is reviewing, the style."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from platformdirs import user_data_dir

from auditor.report.reasons import role_labels
from auditor.store import Store, UserView


@st.cache_resource
def store() -> Store:
    """One store per app process (AUDITOR_DB, else the default SQLite file)."""
    return Store.open(os.environ.get("AUDITOR_DB") or None)


def upload_root() -> Path:
    """Uploaded dossiers are kept (by content hash) so their page images can be drawn later."""
    root = Path(os.environ.get("AUDITOR_UPLOADS") or Path(user_data_dir("auditor", appauthor=False)) / "uploads")
    root.mkdir(parents=True, exist_ok=True)
    return root


STYLE = """
<style>
/* Streamlit's own English in the uploader, replaced by Chinese (it offers no setting for it). */
[data-testid="stFileUploaderDropzoneInstructions"] > div > span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] > div > span::after { content: "将文件拖放到此处"; font-size: 1rem; }
[data-testid="stFileUploaderDropzoneInstructions"] > div > small { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] > div > small::after {
    content: "支持 PDF、DOCX、TXT、图片、ZIP，单个文件不超过 1GB"; font-size: .8rem; }
[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"] { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"]::after {
    content: "选择文件"; font-size: .9rem; }
/* Streamlit's English "Running… / Stop" status: our own progress bars say what is happening. */
[data-testid="stStatusWidget"] { visibility: hidden; }
.evidence-quote { background: #fff5f5; border-left: 3px solid #b22222; padding: .3rem .6rem; margin: .2rem 0 .5rem 0;
                  white-space: pre-wrap; font-size: .95rem; }
.status-badge { display: inline-block; padding: .05rem .5rem; border-radius: .6rem; font-size: .85rem; }
.status-confirmed { background: #fde2e2; color: #8b1a1a; }
.status-dismissed { background: #e6e6e6; color: #444; }
.status-pending { background: #fff1cc; color: #7a5a00; }
.status-none { background: #e8f0fe; color: #1a3d8b; }
</style>
"""


def apply_style() -> None:
    st.html(STYLE)


def current_user() -> UserView | None:
    return st.session_state.get("user")


def sign_in() -> UserView:
    """Team mode: a login with password. Single-user mode: the reviewer's name, asked once (kept in the store)."""
    db = store()
    user = current_user()
    if user is not None and db.user(user.name) is not None:
        return user
    if db.team_mode:
        st.title("案卷智审")
        with st.form("login"):
            st.subheader("登录")
            name = st.text_input("姓名")
            password = st.text_input("密码", type="password")
            if st.form_submit_button("登录", type="primary"):
                found = db.authenticate(name, password)
                if found is None:
                    st.error("姓名或密码不正确，或该用户已停用。")
                else:
                    st.session_state.user = found
                    st.rerun()
        st.stop()
    known = [u for u in db.users() if u.active]
    if known:
        st.session_state.user = known[0]
        return known[0]
    st.title("案卷智审")
    with st.form("reviewer"):
        st.subheader("欢迎使用")
        st.caption("审查结论会记录审查人姓名。只需填写一次，之后自动使用。")
        name = st.text_input("审查人姓名")
        if st.form_submit_button("开始使用", type="primary"):
            if not name.strip():
                st.error("请填写姓名。")
            else:
                st.session_state.user = db.add_user(name.strip(), "checker")
                st.rerun()
    st.stop()


def sidebar_user(user: UserView) -> None:
    with st.sidebar:
        mode = "团队模式" if store().team_mode else "单用户模式"
        st.caption(f"审查人：**{user.name}**（{role_labels().get(user.role, user.role)}，{mode}）")
        if store().team_mode and st.button("退出登录"):
            st.session_state.pop("user", None)
            st.rerun()
