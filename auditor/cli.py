"""Command line: `auditor audit | batch | rules | synth | eval` (design §2.1)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
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


def _as_of(args: argparse.Namespace) -> dt.date | None:
    """`--as-of DATE` (warnings as of that day), `--warn` alone: as of today; neither: no as-of audit."""
    if args.as_of is not None:
        return args.as_of
    return dt.date.today() if args.warn else None


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def _audit_options(p: argparse.ArgumentParser) -> None:
    from auditor.scoring import standard_names

    p.add_argument("--as-of", type=_iso_date, metavar="DATE",
                   help="执法巡查预警：列出该日（YYYY-MM-DD）仍在运行的期限和流程提示；晚于该日的文书视为尚未形成")
    p.add_argument("--warn", action="store_true", help="执法巡查预警（未给 --as-of 时以今天为准）")
    p.add_argument("--standard", choices=standard_names(), help="评查打分标准（默认按规则集：公安 police / 检察 procuratorate）")


def cmd_audit(args: argparse.Namespace) -> int:
    from auditor.pipeline import audit_path
    from auditor.report import render_json, render_text

    as_of = _as_of(args)
    cases = [audit_path(p, profile=args.profile, as_of=as_of, standard=args.standard) for p in args.paths]
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

    root, out = Path(args.root), Path(args.out)
    if not root.is_dir():
        print(f"错误：{root} 不是文件夹。", file=sys.stderr)
        return EXIT_USAGE
    out.mkdir(parents=True, exist_ok=True)
    as_of = _as_of(args)
    results = []
    entries = sorted(p for p in root.iterdir() if not p.name.startswith("."))
    for entry in entries:
        # never raises: errors are recorded per dossier
        case = audit_path(entry, profile=args.profile, as_of=as_of, standard=args.standard)
        (out / f"{entry.stem}.json").write_text(
            json.dumps(to_json_dict([case]), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        results.append((entry.name, case))
    summary = batch_summary(results, as_of)
    (out / "summary.txt").write_text(summary + "\n", encoding="utf-8")
    print(summary)
    return EXIT_OK if entries else EXIT_USAGE


def batch_summary(results: list[tuple[str, AuditResult]], as_of: dt.date | None) -> str:
    """Per dossier: documents, findings, errors, score and grade (and warnings by level); then the grades by
    办案单位, and with an as-of date every running period across the batch, fewest days left first."""
    from auditor.labels import LEVEL_LABEL
    from auditor.report.text_report import WARNING_HEADER, table, warning_rows
    from auditor.scoring.tables import grades_by_unit, unit_rows
    from auditor.warn.board import BoardEntry, board_rows

    header = ["案卷", "文书", "问题", "错误", "得分", "等次"]
    if as_of is not None:
        header += [f"预警{LEVEL_LABEL[k]}" for k in LEVEL_LABEL]
    rows = []
    for name, case in results:
        row = [name, str(len(case.documents)), str(len(case.findings)), str(len(case.errors)),
               f"{case.score.points:g}" if case.score else "", case.score.grade if case.score else ""]
        if as_of is not None:
            counts = Counter(w.level for w in case.warnings or ())
            row += [str(counts[k]) for k in LEVEL_LABEL]
        rows.append(row)
    parts = [table(rows, header)]
    scores = [case.score for _, case in results if case.score is not None]
    if scores:
        unit_header, unit_table = unit_rows(grades_by_unit(scores))
        parts += ["", "评查等次（按办案单位）：", table(unit_table, unit_header)]
    if as_of is not None:
        entries = [BoardEntry(name, case.case.handling_unit(), case.warnings or ()) for name, case in results]
        board = board_rows(entries, as_of)
        parts += ["", f"执法巡查预警（截至{as_of}，共{len(board)}项，按剩余日数排序）："]
        if board:
            body = warning_rows([r.warning for r in board])
            parts.append(table([[r.source, r.unit or "", *b] for r, b in zip(board, body, strict=True)],
                               ["案卷", "办案单位", *WARNING_HEADER]))
        else:
            parts.append("无仍在运行的期限。")
    return "\n".join(parts)


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
        paths = generate_corpus(Path(args.out_dir), count=args.count, seed=args.seed, formats=tuple(args.formats),
                                truncate=args.truncate)
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
    if args.warn_oracle:
        from auditor.evaluation.warn_oracle import evaluate_warning_oracle, format_oracle_report

        if not Path(args.warn_oracle).is_dir():
            print(f"错误：{args.warn_oracle} 不是文件夹。", file=sys.stderr)
            return EXIT_USAGE
        oracle = evaluate_warning_oracle(Path(args.warn_oracle))
        out["warn_oracle"] = oracle.to_dict()
        texts.append(format_oracle_report(oracle))
    if args.synthetic:
        if not Path(args.synthetic).is_dir():
            print(f"错误：{args.synthetic} 不是文件夹。", file=sys.stderr)
            return EXIT_USAGE
        synth = evaluate_synthetic(Path(args.synthetic))
        out["synthetic"] = synth.to_dict()
        texts.append(format_synthetic_report(synth))
    if args.real or not (args.synthetic or args.warn_oracle):
        dev = Path(args.real) if args.real else Path(__file__).resolve().parents[2] / "shared/dev-corpus/real"
        if not (dev / "labels.jsonl").exists():
            print(f"错误：找不到标注文件 {dev / 'labels.jsonl'}", file=sys.stderr)
            return EXIT_USAGE
        real = evaluate_real(dev)
        out["real"] = real
        texts.append(format_report(real))
    _emit(json.dumps(out, ensure_ascii=False, indent=2) if args.json else "\n\n".join(texts), args.out)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="auditor", description="案卷智审：审查刑事/治安案卷文书")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("audit", help="审查一个或多个案卷（文件、文件夹或 ZIP）")
    p.add_argument("paths", nargs="+", help="案卷文件、文件夹或 ZIP")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.add_argument("--profile", choices=["police", "procuratorate"], help="规则集（执法巡查 / 不起诉审查）")
    p.add_argument("--fail-on", choices=list(SEVERITY_RANK), help="存在该级别及以上问题时退出码为 1")
    _audit_options(p)
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("batch", help="批量审查：ROOT 下每一项为一份案卷")
    p.add_argument("root")
    p.add_argument("--out", required=True)
    p.add_argument("--profile", choices=["police", "procuratorate"])
    _audit_options(p)
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
    p.add_argument("--truncate", action="store_true",
                   help="生成在随机日期截断的无缺陷案卷，标注该日仍在运行的期限（评估执法巡查预警）")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("eval", help="对照标注评估抽取与审查的准确率")
    p.add_argument("--real", help="真实开发语料目录（含 labels.jsonl）")
    p.add_argument("--synthetic", help="合成案卷目录（含 *.truth.json）")
    p.add_argument("--warn-oracle", metavar="DIR",
                   help="执法巡查预警：按抽取结果与按标注事件计算的预警对照（如 tests/corpus/independent）")
    p.add_argument("--json", action="store_true", help="输出机器可读的 JSON")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.set_defaults(func=cmd_eval)
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
