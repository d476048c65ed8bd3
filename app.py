"""案卷智审 — the reviewer's workbench. Run with `make app` (streamlit run app.py).

Pages (st.navigation): 上传审查, 案卷, 问题清单, 批次看板, 预警, 导出, 规则库, 用户. Results and review decisions live in
the review store (AUDITOR_DB, else an SQLite file in the user's data directory): nothing is re-audited on a click,
nothing is lost on a reload.
"""

from __future__ import annotations

import streamlit as st

from auditor.ui import context

st.set_page_config(page_title="案卷智审", page_icon=":material/balance:", layout="wide")
context.apply_style()
user = context.sign_in()
context.sidebar_user(user)

PAGES = "auditor/ui/pages"
navigation = st.navigation({
    "审查": [
        st.Page(f"{PAGES}/upload.py", title="上传审查", icon=":material/upload_file:", url_path="upload", default=True),
        st.Page(f"{PAGES}/dossier.py", title="案卷", icon=":material/folder_open:", url_path="dossier"),
        st.Page(f"{PAGES}/findings.py", title="问题清单", icon=":material/checklist:", url_path="findings"),
    ],
    "统计与导出": [
        st.Page(f"{PAGES}/dashboard.py", title="批次看板", icon=":material/bar_chart:", url_path="dashboard"),
        st.Page(f"{PAGES}/warnings.py", title="预警", icon=":material/alarm:", url_path="warnings"),
        st.Page(f"{PAGES}/export.py", title="导出", icon=":material/download:", url_path="export"),
        st.Page(f"{PAGES}/training.py", title="培训材料", icon=":material/school:", url_path="training"),
    ],
    "设置": [
        st.Page(f"{PAGES}/rules.py", title="规则库", icon=":material/menu_book:", url_path="rules"),
        st.Page(f"{PAGES}/users.py", title="用户", icon=":material/group:", url_path="users"),
    ],
})
navigation.run()
