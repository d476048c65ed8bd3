"""案卷智审 review UI. Run with `make app` (streamlit run app.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from auditor.pipeline import audit_path
from auditor.ui.views import show_case

SAMPLES = Path(__file__).parent / "sample_files"
ACCEPTED = ["pdf", "docx", "txt", "md", "zip", "png", "jpg", "jpeg", "tif", "tiff"]

st.set_page_config(page_title="案卷智审", layout="wide")
st.title("案卷智审")
st.caption("上传案卷（PDF、DOCX、TXT、图片或 ZIP），查看文书、程序事件、法条引用和审查发现的问题。全部处理在本机完成。")


@st.cache_resource
def upload_dir() -> Path:
    # Uploaded files stay on disk for the session so evidence pages can be rendered.
    return Path(tempfile.mkdtemp(prefix="auditor-ui-"))


with st.sidebar:
    st.header("案卷")
    uploads = st.file_uploader("上传案卷文件", type=ACCEPTED, accept_multiple_files=True)
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix.lower().lstrip(".") in ACCEPTED) if SAMPLES.is_dir() else []
    chosen = st.multiselect("或选择示例案卷", [p.name for p in samples], default=[p.name for p in samples[:1]])
    profile = st.selectbox("规则集", ["全部", "police", "procuratorate"],
                           format_func=lambda v: {"全部": "全部规则", "police": "执法巡查（公安）", "procuratorate": "不起诉审查（检察）"}[v])

paths: list[Path] = []
for upload in uploads or []:
    target = upload_dir() / Path(upload.name).name
    target.write_bytes(upload.getvalue())
    paths.append(target)
paths += [SAMPLES / name for name in chosen]

if not paths:
    st.info("请在左侧上传案卷或选择示例案卷。")
for path in paths:
    with st.spinner(f"正在审查 {path.name} …"):
        case = audit_path(path, profile=None if profile == "全部" else profile)
    show_case(case)
    st.divider()
