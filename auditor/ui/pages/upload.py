"""上传审查: upload files, a ZIP or a folder; each dossier is audited once (cached in the store) with a progress bar
showing the page being read; a file that cannot be read gets a red error card, never "未发现问题"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePath

import streamlit as st

from auditor.model import Page
from auditor.report.rows import public_message
from auditor.store import content_hash
from auditor.ui import context
from auditor.ui.labels import PROFILE_LABEL

SAMPLES = Path(__file__).resolve().parents[3] / "sample_files"
ACCEPTED = ["pdf", "docx", "txt", "md", "zip", "png", "jpg", "jpeg", "tif", "tiff"]


@dataclass
class Outcome:
    name: str
    dossier_id: int | None
    cached: bool
    findings: int
    readable: bool
    errors: list[str]


def _keep(name: str, data: bytes) -> Path:
    """Keep an uploaded file under uploads/<content hash>/<name> (its page images are drawn from it later)."""
    import hashlib

    folder = context.upload_root() / hashlib.sha256(data).hexdigest()[:32]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / PurePath(name).name
    if not target.exists():
        target.write_bytes(data)
    return target


def _keep_folder(files: list) -> Path:
    """A folder upload is one dossier: its files keep their relative paths under one kept folder."""
    import hashlib

    digest = hashlib.sha256()
    for f in sorted(files, key=lambda f: f.name):
        digest.update(f.name.encode("utf-8") + b"\0" + f.getvalue())
    top = PurePath(files[0].name).parts[0] if len(PurePath(files[0].name).parts) > 1 else "文件夹"
    root = context.upload_root() / digest.hexdigest()[:32] / top
    for f in files:
        parts = PurePath(f.name).parts
        relative = PurePath(*parts[1:]) if len(parts) > 1 and parts[0] == top else PurePath(parts[-1])
        target = root / relative
        if ".." in relative.parts:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.getvalue())
    return root


def _expected_pages(path: Path) -> int | None:
    if path.suffix.lower() != ".pdf":
        return None
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 — a broken file is reported by the audit itself
        return None


def audit_one(path: Path, name: str, profile: str | None, reaudit: bool) -> Outcome:
    from auditor.ingest.progress import page_progress
    from auditor.pipeline import audit_path
    from auditor.rules.config import configured_rules
    from auditor.rules.version import ruleset_version

    store = context.store()
    config = store.rule_config(profile)
    version = ruleset_version(config)
    digest = content_hash(path)
    cached = None if reaudit else store.has_dossier(digest, version, profile)
    if cached is not None:
        summary = store.dossier(cached)
        errors = [f"[{e.code}] {public_message(e.message, e.source)}" for e in store.result(cached).report.errors]
        return Outcome(name, cached, True, summary.findings, summary.readable, errors)
    total = _expected_pages(path)
    bar = st.progress(0.0, text=f"{name}：正在读取…")
    counts = {"pages": 0, "ocr": 0}

    def on_page(page: Page, in_file: int | None) -> None:
        counts["pages"] += 1
        counts["ocr"] += page.method in ("ocr", "image")
        of = total or in_file
        fraction = min(counts["pages"] / of, 1.0) * 0.9 if of else 0.0
        ocr = f"，其中 OCR 识别 {counts['ocr']} 页" if counts["ocr"] else ""
        bar.progress(fraction, text=f"{name}：已读取第 {counts['pages']}{f' / {of}' if of else ''} 页{ocr}")

    with page_progress(on_page):
        # as of the audit day: the stored report carries its warnings, which the 预警 page re-levels to any later day
        result = audit_path(path, profile=profile, rules=configured_rules(config) if config else None,
                            as_of=date.today())
    bar.progress(0.95, text=f"{name}：正在保存审查结果…")
    run = store.start_run("ui", profile=profile, user=getattr(context.current_user(), "name", None),
                          ruleset_version=version)
    dossier_id = store.save_result(result, run, content_hash=digest, case_key=name, source_ref=path, profile=profile,
                                   ruleset_version=version, replace=reaudit)
    store.finish_run(run)
    done = f"完成（{len(result.dossier.pages)} 页）" if result.readable else "无法读取（见下方错误）"
    bar.progress(1.0, text=f"{name}：{done}")
    errors = [f"[{e.code}] {public_message(e.message, e.source)}" for e in result.errors]
    return Outcome(name, dossier_id, False, len(result.findings), result.readable, errors)


def outcome_card(o: Outcome) -> None:
    if not o.readable:
        st.error(f"**{o.name}：无法审查**\n\n" + "\n".join(f"- {e}" for e in o.errors or ["文件中没有可读取的内容"]),
                 icon=":material/error:")
        return
    with st.container(border=True):
        cached = "（审查库中已有该案卷的审查结果，未重新审查）" if o.cached else ""
        st.markdown(f"**{o.name}** — 发现问题 **{o.findings}** 项{cached}")
        for e in o.errors:
            st.error(f"部分内容未能读取：{e}", icon=":material/warning:")
        if o.dossier_id is not None:
            st.page_link("auditor/ui/pages/dossier.py", label="查看案卷与问题", icon=":material/folder_open:",
                         query_params={"id": str(o.dossier_id)})


st.header("上传审查")
st.caption("上传案卷（PDF、DOCX、TXT、图片或 ZIP；或整个文件夹作为一份案卷）。全部处理在本机完成，结果保存在审查库中。")
profile = st.selectbox("规则集", [None, "police", "procuratorate"], format_func=lambda v: PROFILE_LABEL[v])
mode = st.radio("上传方式", ["files", "folder"], horizontal=True,
                format_func=lambda v: {"files": "文件（每个文件或 ZIP 为一份案卷）", "folder": "文件夹（整个文件夹为一份案卷）"}[v])
if mode == "files":
    uploads = st.file_uploader("上传案卷文件", type=ACCEPTED, accept_multiple_files=True, key="upload-files")
else:
    uploads = st.file_uploader("上传案卷文件夹", type=ACCEPTED, accept_multiple_files="directory", key="upload-dir")
samples = sorted(p for p in SAMPLES.iterdir() if p.suffix.lower().lstrip(".") in ACCEPTED) if SAMPLES.is_dir() else []
chosen = st.multiselect("或选择示例案卷", [p.name for p in samples], placeholder="选择示例案卷")
reaudit = st.checkbox("重新审查（即使审查库中已有结果）", value=False)

if st.button("开始审查", type="primary", disabled=not (uploads or chosen)):
    inputs: list[tuple[Path, str]] = []
    if uploads and mode == "folder":
        folder = _keep_folder(list(uploads))
        inputs.append((folder, folder.name))
    for upload in (uploads or []) if mode == "files" else []:
        inputs.append((_keep(upload.name, upload.getvalue()), PurePath(upload.name).name))
    for name in chosen:
        inputs.append((_keep(name, (SAMPLES / name).read_bytes()), name))
    outcomes = []
    for path, name in inputs:
        try:
            outcomes.append(audit_one(path, name, profile, reaudit))
        except Exception as exc:  # noqa: BLE001 — one dossier's failure never hides the others
            outcomes.append(Outcome(name, None, False, 0, False, [f"审查失败（{type(exc).__name__}）"]))
    st.session_state["upload_outcomes"] = outcomes

for outcome in st.session_state.get("upload_outcomes", []):
    outcome_card(outcome)
