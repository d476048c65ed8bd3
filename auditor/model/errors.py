"""Numbered error catalogue: stable codes, a Chinese message for the reviewer, what to do.

An error belongs to one input (a file, a page); it is recorded in the dossier's `errors` and the
rest of the run goes on. Codes are never reused.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from auditor.model.base import Fact


class AuditError(Fact):
    """A numbered error for one input (a file, a page, a stage): the reviewer sees what was not read."""

    code: str  # E0xx, see CATALOGUE
    message: str  # Chinese, for the reviewer
    page: int | None = None
    source: str | None = Field(default=None, exclude_if=lambda v: v is None)


@dataclass(frozen=True)
class ErrorKind:
    code: str
    message: str  # format string, Chinese
    advice: str  # Chinese: what the reviewer can do


CATALOGUE: dict[str, ErrorKind] = {
    k.code: k
    for k in [
        ErrorKind("E001", "文件不存在：{path}", "检查路径是否正确"),
        ErrorKind("E002", "不支持的文件类型：{path}", "请提供 PDF、DOCX、TXT/MD、PNG/JPG/TIFF 文件或其文件夹/ZIP"),
        ErrorKind("E003", "PDF 文件损坏或无法打开：{path}（{detail}）", "请重新导出或扫描该文件"),
        ErrorKind("E004", "PDF 文件已加密或需要密码：{path}", "请提供未加密的文件"),
        ErrorKind("E005", "PDF 文件没有页面：{path}", "请检查文件是否完整"),
        ErrorKind("E006", "DOCX 文件损坏或不是 Word 文档：{path}（{detail}）", "请用 Word 重新另存为 .docx"),
        ErrorKind("E007", "文本文件无法解码：{path}", "请另存为 UTF-8 或 GB18030 编码"),
        ErrorKind("E008", "文件为空：{path}", "请检查文件是否完整"),
        ErrorKind("E010", "第{page}页读取失败：{detail}", "该页未参与审查，请人工核对"),
        ErrorKind("E011", "第{page}页没有可用的文字层", "该页需要 OCR 识别；请安装 OCR 组件或人工核对"),
        ErrorKind("E012", "第{page}页无法识别文字", "该页未参与审查，请人工核对"),
        ErrorKind("E020", "ZIP 文件损坏：{path}（{detail}）", "请重新打包"),
        ErrorKind("E021", "ZIP 内路径不安全，已跳过：{detail}", "压缩包内含有越界路径，请检查来源"),
        ErrorKind("E022", "ZIP 解压后超过限制：{detail}", "压缩包过大或文件过多，请拆分后再审查"),
        ErrorKind("E023", "文件夹中没有可审查的文件：{path}", "请检查文件夹内容"),
        ErrorKind("E030", "无法解析的日期：{detail}", "请人工核对该日期"),
        ErrorKind("E040", "规则执行出错（{detail}），该规则结果缺失", "请将该案卷提交开发人员排查"),
        ErrorKind("E050", "文件读取失败：{path}（{detail}）", "请检查文件"),
        ErrorKind("E060", "分析阶段出错（{detail}），该阶段结果缺失", "请将该案卷提交开发人员排查"),
        ErrorKind("E061", "文书内容抽取出错（{detail}），该文书的这部分结果缺失", "请人工核对该文书；并将案卷提交开发人员排查"),
        # Limits (auditor/limits.py) and partial losses: the input is read as far as is safe, the rest named.
        # (E090–E093 are the batch runner's time and memory budgets.)
        ErrorKind("E075", "文件中没有可读的文字：{path}", "请检查文件内容，或提供扫描件/文字版"),
        ErrorKind("E076", "符号链接指向文件夹之外，已跳过：{path}", "请直接提供该文件"),
        ErrorKind("E077", "PDF 文件已损坏，经修复后读取，可能缺页：{path}（{detail}）", "请核对页数，或重新导出该文件"),
        ErrorKind("E078", "文件部分损坏，已尽量读取：{path}（{detail}）", "请核对内容是否完整，或重新导出该文件"),
        ErrorKind("E079", "压缩包嵌套过深，未读取：{path}", "请先解压内层压缩包"),
        ErrorKind("E080", "文件超过大小限制，未读取：{path}（{detail}）", "请拆分文件，或用 --limit 调整限制"),
        ErrorKind("E081", "超长行已拆分：{path}（{detail}）", "文字已保留；如定位有误请人工核对"),
        ErrorKind("E082", "案卷文字量超过限制，其余内容未读取：{path}（{detail}）", "请拆分案卷，或用 --limit 调整限制"),
        ErrorKind("E083", "页数超过限制，其余页面未读取：{path}（{detail}）", "请拆分案卷，或用 --limit 调整限制"),
        ErrorKind("E084", "图像帧数超过限制，其余帧未读取：{path}（{detail}）", "请拆分文件，或用 --limit 调整限制"),
        ErrorKind("E085", "第{page}页页面尺寸过大，未识别（{detail}）", "该页未参与审查，请人工核对"),
        ErrorKind("E086", "OCR 页数超过限制，其余页面未识别：{path}（{detail}）", "这些页面未参与审查，请人工核对"),
        ErrorKind("E087", "文书数超过限制，其余文书未审查（{detail}）", "请拆分案卷，或用 --limit 调整限制"),
        ErrorKind("E088", "文件含无法解码的内容，已用 � 替换后读取：{path}（{detail}）", "请核对替换处的文字"),
        ErrorKind("E089", "DOCX 含有 XML 实体或 DTD 声明，未解析：{path}", "请用 Word 重新另存为 .docx"),
        # The budget of one dossier in `auditor audit` / `auditor batch` (auditor/batch): it was not finished.
        ErrorKind("E090", "审查超过时间限制（{detail}），该案卷未完成审查", "请单独审查该案卷或提高 --timeout；仍超时请提交开发人员排查"),
        ErrorKind("E091", "审查超过内存限制（{detail}），该案卷未完成审查", "请拆分案卷或提高 --max-memory；仍超限请提交开发人员排查"),
        ErrorKind("E092", "审查进程意外退出（{detail}），该案卷未完成审查", "请单独重试该案卷；仍失败请提交开发人员排查"),
        ErrorKind("E093", "审查程序内部错误（{detail}），该案卷未完成审查", "请将该案卷提交开发人员排查"),
    ]
}


def make_error(code: str, *, page: int | None = None, source: str | None = None, **fields: object) -> AuditError:
    """Build an AuditError from the catalogue; unknown fields in the message stay visible."""
    kind = CATALOGUE[code]
    values = {"path": source or "", "page": page if page is not None else "", "detail": ""}
    values.update({k: str(v) for k, v in fields.items()})
    return AuditError(code=code, message=kind.message.format(**values), page=page, source=source)
