"""Command line: `auditor audit | batch | rules | synth | eval` (design §2.1)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from auditor.model import AuditResult

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
EXIT_OK, EXIT_FAIL_ON, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _limits(args: argparse.Namespace):  # -> Limits | None (None: a bad --limit, already reported)
    from auditor.limits import DEFAULT_LIMITS

    try:
        return DEFAULT_LIMITS.with_overrides(getattr(args, "limit", None) or [])
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return None


def _input_name(args: argparse.Namespace, index: int, path: str | Path) -> str | None:
    """How reports and errors name input `index`: by position and hash, or (--show-paths) by its path (None)."""
    from auditor.ingest.naming import input_name

    return None if getattr(args, "show_paths", False) else input_name(index, path)


def _readable(case: AuditResult) -> bool:
    return case.readable


def _emit(text: str, out: str | None) -> None:
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # a stray surrogate must not lose the report
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_audit(args: argparse.Namespace) -> int:
    from auditor.pipeline import audit_path
    from auditor.report import render_json, render_text

    limits = _limits(args)
    if limits is None:
        return EXIT_USAGE
    cases = [audit_path(p, profile=args.profile, limits=limits, name=_input_name(args, i, p))
             for i, p in enumerate(args.paths, 1)]
    _emit(render_json(cases) if args.format == "json" else render_text(cases), args.out)
    if not any(_readable(c) for c in cases):
        print("错误：没有任何输入可以读取。", file=sys.stderr)
        return EXIT_USAGE
    if args.fail_on:
        floor = SEVERITY_RANK[args.fail_on]
        if any(SEVERITY_RANK.get(f.severity, 0) >= floor for c in cases for f in c.findings):
            return EXIT_FAIL_ON
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from auditor.ingest.naming import printable
    from auditor.pipeline import audit_path
    from auditor.report import to_json_dict
    from auditor.report.text_report import table

    root, out = Path(args.root), Path(args.out)
    limits = _limits(args)
    if limits is None:
        return EXIT_USAGE
    if not root.is_dir():
        print(f"错误：{printable(root) if args.show_paths else 'ROOT'} 不是文件夹。", file=sys.stderr)
        return EXIT_USAGE
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    entries = sorted(p for p in root.iterdir() if not p.name.startswith("."))
    for index, entry in enumerate(entries, 1):
        name = _input_name(args, index, entry)
        case = audit_path(entry, profile=args.profile, limits=limits, name=name)  # never raises
        (out / f"{entry.stem}.json").write_text(
            json.dumps(to_json_dict([case]), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        rows.append([printable(entry.name) if name is None else name, str(len(case.documents)), str(len(case.findings)), str(len(case.errors))])
    summary = table(rows, ["案卷", "文书", "问题", "错误"])
    (out / "summary.txt").write_text(summary + "\n", encoding="utf-8")
    print(summary)
    return EXIT_OK if entries else EXIT_USAGE


def cmd_rules(args: argparse.Namespace) -> int:
    from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
    from auditor.report.text_report import table
    from auditor.rules.loader import load_rules

    rules = load_rules()
    if args.format == "json":
        print(json.dumps([{"id": r.id, "name": r.name, "category": r.category, "severity": r.severity} for r in rules],
                         ensure_ascii=False, indent=2))
    else:
        rows = [[r.id, r.name, CATEGORY_LABEL.get(r.category, r.category), SEVERITY_LABEL.get(r.severity, r.severity)]
                for r in rules]
        print(table(rows, ["规则", "名称", "类别", "级别"]))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from auditor.report.json_report import json_schema

    _emit(json.dumps(json_schema(), ensure_ascii=False, indent=2), args.out)
    return EXIT_OK


def cmd_synth(args: argparse.Namespace) -> int:
    from auditor.synth.generator import generate_corpus

    try:
        paths = generate_corpus(Path(args.out_dir), count=args.count, seed=args.seed, formats=tuple(args.formats))
    except (OSError, RuntimeError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"已生成 {len(paths)} 个文件到 {args.out_dir}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from auditor.evaluation.real import evaluate_real, format_report
    from auditor.evaluation.synthetic import evaluate_synthetic, format_synthetic_report

    out: dict[str, object] = {}
    texts: list[str] = []
    if args.synthetic:
        if not Path(args.synthetic).is_dir():
            print(f"错误：{args.synthetic} 不是文件夹。", file=sys.stderr)
            return EXIT_USAGE
        synth = evaluate_synthetic(Path(args.synthetic))
        out["synthetic"] = synth.to_dict()
        texts.append(format_synthetic_report(synth))
    if args.real or not args.synthetic:
        dev = Path(args.real) if args.real else Path(__file__).resolve().parents[2] / "shared/dev-corpus/real"
        if not (dev / "labels.jsonl").exists():
            print(f"错误：找不到标注文件 {dev / 'labels.jsonl'}", file=sys.stderr)
            return EXIT_USAGE
        real = evaluate_real(dev)
        out["real"] = real
        texts.append(format_report(real))
    _emit(json.dumps(out, ensure_ascii=False, indent=2) if args.json else "\n\n".join(texts), args.out)
    return EXIT_OK


def _input_options(p: argparse.ArgumentParser) -> None:
    from auditor.limits import limit_names

    p.add_argument("--show-paths", action="store_true",
                   help="报告和错误中显示文件路径（默认以“输入序号#路径哈希”代称，文件名可能含个人信息）")
    p.add_argument("--limit", action="append", metavar="名称=数值",
                   help="调整单个输入的限制，可重复，如 --limit dossier_pages=20000 --limit file_bytes=2G；"
                        f"名称：{', '.join(limit_names())}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="auditor", description="案卷智审：审查刑事/治安案卷文书")
    parser.add_argument("--debug", action="store_true", help="出错时在标准错误输出完整的调用栈（可能含文件路径）")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("audit", help="审查一个或多个案卷（文件、文件夹或 ZIP）")
    p.add_argument("paths", nargs="+", help="案卷文件、文件夹或 ZIP")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.add_argument("--profile", choices=["police", "procuratorate"], help="规则集（执法巡查 / 不起诉审查）")
    p.add_argument("--fail-on", choices=list(SEVERITY_RANK), help="存在该级别及以上问题时退出码为 1")
    _input_options(p)
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("batch", help="批量审查：ROOT 下每一项为一份案卷")
    p.add_argument("root")
    p.add_argument("--out", required=True)
    p.add_argument("--profile", choices=["police", "procuratorate"])
    _input_options(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("rules", help="列出审查规则")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("schema", help="输出 --format json 结果的 JSON Schema")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("synth", help="生成带标注的合成案卷")
    p.add_argument("out_dir")
    p.add_argument("--count", type=int, default=12)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--formats", nargs="+", default=["txt", "docx", "pdf"], choices=["txt", "docx", "pdf", "scan"],
                   help="scan：图像型 PDF（模拟扫描件，需 OCR）")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("eval", help="对照标注评估抽取与审查的准确率")
    p.add_argument("--real", help="真实开发语料目录（含 labels.jsonl）")
    p.add_argument("--synthetic", help="合成案卷目录（含 *.truth.json）")
    p.add_argument("--json", action="store_true", help="输出机器可读的 JSON")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.set_defaults(func=cmd_eval)
    return parser


def _exit_on_signal(signum: int, frame: object) -> None:
    # SIGTERM / SIGHUP unwind like an exception, so temporary folders (extracted case text) are removed.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    import signal

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    previous = {}
    for signum in (signal.SIGTERM, signal.SIGHUP):
        try:
            previous[signum] = signal.signal(signum, _exit_on_signal)
        except (ValueError, OSError):  # not the main thread (a caller embedding main)
            pass
    try:
        return int(args.func(args))
    except Exception as exc:
        if args.debug:
            raise
        # A traceback names files and server paths: only its type is shown without --debug.
        print(f"错误：内部错误（{type(exc).__name__}），结果未完成。使用 auditor --debug … 查看详细信息。", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


if __name__ == "__main__":
    sys.exit(main())
