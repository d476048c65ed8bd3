"""Command line: `auditor audit | batch | rules | synth | eval | redact | training` (design §2.1)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from auditor.model import AuditResult

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
EXIT_OK, EXIT_FAIL_ON, EXIT_USAGE = 0, 1, 2


def _readable(case: AuditResult) -> bool:
    return case.readable


def _emit(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_audit(args: argparse.Namespace) -> int:
    from auditor.pipeline import audit_path
    from auditor.report import render_json, render_text

    cases = [audit_path(p, profile=args.profile) for p in args.paths]
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
    from auditor.pipeline import audit_path
    from auditor.report import to_json_dict
    from auditor.report.text_report import table

    root, out = Path(args.root), Path(args.out)
    if not root.is_dir():
        print(f"错误：{root} 不是文件夹。", file=sys.stderr)
        return EXIT_USAGE
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    entries = sorted(p for p in root.iterdir() if not p.name.startswith("."))
    for entry in entries:
        case = audit_path(entry, profile=args.profile)  # never raises: errors are recorded per dossier
        (out / f"{entry.stem}.json").write_text(
            json.dumps(to_json_dict([case]), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        rows.append([entry.name, str(len(case.documents)), str(len(case.findings)), str(len(case.errors))])
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


def _policy(args: argparse.Namespace):
    from auditor.redact import Policy

    return Policy.load(officers=getattr(args, "officers", None), surname=getattr(args, "surname", None))


def cmd_redact(args: argparse.Namespace) -> int:
    from auditor.pipeline import audit_path
    from auditor.redact import LeakError
    from auditor.redact.documents import redact_input

    outputs = []
    for raw in args.paths:
        path = Path(raw)
        result = audit_path(path)
        if not result.readable:
            print(f"错误：无法读取 {path.name}。", file=sys.stderr)
            return EXIT_USAGE
        try:
            outputs.append(redact_input(path, result, policy=_policy(args)))
        except LeakError as exc:
            print(f"错误：{path.name}：{exc}", file=sys.stderr)
            return EXIT_FAIL_ON
    if args.format == "json":
        text = json.dumps([o.to_dict() for o in outputs], ensure_ascii=False, indent=2)
    elif len(outputs) == 1:
        text = outputs[0].text
    else:  # one file after another, each after a break line the auditor reads as a document break
        text = "\n".join(f"===== {o.name} =====\n{o.text}" for o in outputs)
    _emit(text, args.out)
    return EXIT_OK


def cmd_training(args: argparse.Namespace) -> int:
    from auditor.redact import LeakError
    from auditor.training.export import ExportOptions, export
    from auditor.training.sources import SourceError, open_source

    try:
        source = open_source(args.db)
    except SourceError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    options = ExportOptions(rules=tuple(args.rule or ()), categories=tuple(args.category or ()),
                            include_unreviewed=args.include_unreviewed, law_corpus=args.law_corpus,
                            policy=_policy(args))
    try:
        report = export(source, options, fmt=args.format, out=Path(args.out) if args.out else None)
    except LeakError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAIL_ON
    except SourceError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    for problem in report.problems:
        print(f"注意：{problem}", file=sys.stderr)
    print(f"已导出 {report.items} 个案例" + (f"到 {Path(args.out).name}" if args.out else ""), file=sys.stderr)
    return EXIT_OK if report.items else EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="auditor", description="案卷智审：审查刑事/治安案卷文书")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("audit", help="审查一个或多个案卷（文件、文件夹或 ZIP）")
    p.add_argument("paths", nargs="+", help="案卷文件、文件夹或 ZIP")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.add_argument("--profile", choices=["police", "procuratorate"], help="规则集（执法巡查 / 不起诉审查）")
    p.add_argument("--fail-on", choices=list(SEVERITY_RANK), help="存在该级别及以上问题时退出码为 1")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("batch", help="批量审查：ROOT 下每一项为一份案卷")
    p.add_argument("root")
    p.add_argument("--out", required=True)
    p.add_argument("--profile", choices=["police", "procuratorate"])
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

    p = sub.add_parser("redact", help="输出脱敏后的文本（分享任何文书前使用）")
    p.add_argument("paths", nargs="+", help="案卷文件、文件夹或 ZIP")
    p.add_argument("--format", choices=["txt", "json"], default="txt",
                   help="json：同时列出每个识别出的个人信息（类型、位置、置信度、识别器及理由）")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.add_argument("--officers", choices=["mask", "keep"], help="办案人员姓名：遮蔽（默认）或保留")
    p.add_argument("--surname", choices=["keep", "replace"], help="化名保留姓氏（张某，默认）或替换（某甲）")
    p.set_defaults(func=cmd_redact)

    p = sub.add_parser("training", help="由已确认的问题导出脱敏培训材料（JSONL 或 DOCX 讲义）")
    p.add_argument("--db", required=True, help="审查结果：数据库 URL（审查库），或 JSON 结果文件 / 文件夹")
    p.add_argument("--rule", action="append", help="只导出这些规则（可重复）")
    p.add_argument("--category", action="append", help="只导出这些类别（可重复）")
    p.add_argument("--format", choices=["jsonl", "docx"], default="jsonl")
    p.add_argument("--out", help="写入文件（docx 必填）")
    p.add_argument("--include-unreviewed", action="store_true", help="试用导出：也包括未经审核的问题（每页标注）")
    p.add_argument("--law-corpus", help="法律法规文本目录（引用条文原文）；默认读环境变量 AUDITOR_LAW_CORPUS")
    p.add_argument("--officers", choices=["mask", "keep"], help="办案人员姓名：遮蔽（默认）或保留")
    p.add_argument("--surname", choices=["keep", "replace"], help="化名保留姓氏（张某，默认）或替换（某甲）")
    p.set_defaults(func=cmd_training)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
