"""Command line: `auditor audit | report | users | batch | rules | synth | eval` (design §2.1)."""

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


BINARY_FORMATS = ("xlsx", "docx")


def _store(args: argparse.Namespace):  # noqa: ANN202 — auditor.store.Store, imported only when asked for
    """The review store named by --db, else by AUDITOR_DB (None when neither: nothing is stored)."""
    import os

    url = getattr(args, "db", None) or os.environ.get("AUDITOR_DB")
    if not url:
        return None
    from auditor.store import Store

    return Store.open(None if url == "default" else url)  # "default": the user's data directory


def _audit_into_store(store, paths: list[str], profile: str | None, reaudit: bool) -> list[int]:  # noqa: ANN001
    """Audit each path unless the store already holds it under this rule set (cached), save it; dossier ids."""
    from auditor.pipeline import audit_path
    from auditor.rules.config import configured_rules
    from auditor.rules.version import ruleset_version
    from auditor.store import content_hash

    config = store.rule_config(profile)
    version = ruleset_version(config)
    run = store.start_run("cli", profile=profile, ruleset_version=version)
    ids = []
    for path in paths:
        digest = content_hash(path) if Path(path).exists() else None
        cached = store.has_dossier(digest, version, profile) if digest and not reaudit else None
        if cached is not None:
            ids.append(cached)
            continue
        result = audit_path(path, profile=profile, rules=configured_rules(config) if config else None)
        ids.append(store.save_result(result, run, content_hash=digest, profile=profile, ruleset_version=version,
                                     source_ref=str(Path(path).resolve()) if digest else None, replace=reaudit))
    store.finish_run(run)
    return ids


def _export(fmt: str, findings: list, dossiers: list, confirmed_only: bool = False) -> bytes:
    from auditor.report.docx_report import render_docx
    from auditor.report.table_report import render_csv, render_review_json
    from auditor.report.xlsx_report import render_xlsx

    if fmt == "xlsx":
        return render_xlsx(findings, dossiers)
    if fmt == "docx":
        return render_docx(findings, dossiers, confirmed_only=confirmed_only)
    if fmt == "csv":
        return render_csv(findings)
    return render_review_json(findings, dossiers)


def _emit_bytes(data: bytes, out: str | None) -> None:
    if out:
        Path(out).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


def _stored_rows(store, dossier_ids: list[int] | None, confirmed_only: bool, organ: str | None,  # noqa: ANN001
                 latest_only: bool = True) -> tuple[list, list]:
    from auditor.report.rows import DossierRow, public_message

    summaries = store.dossiers(ids=dossier_ids, organ=organ, latest_only=latest_only and dossier_ids is None)
    findings = [f for s in summaries for f in store.findings(dossier_id=s.id)
                if not confirmed_only or f.status == "confirmed"]
    dossiers = []
    for s in summaries:
        report = store.result(s.id).report
        dossiers.append(DossierRow(source_name=s.source_name, organ=s.organ, pages=s.pages, documents=s.documents,
                                   findings=s.findings, audited_at=s.audited_at, case_date=s.case_date,
                                   version=s.version,
                                   errors=tuple(f"[{e.code}] {public_message(e.message, e.source)}"
                                                for e in report.errors)))
    return findings, dossiers


def cmd_audit(args: argparse.Namespace) -> int:
    from auditor.pipeline import audit_path
    from auditor.report import render_json, render_text

    if args.format in BINARY_FORMATS and not args.out:
        print(f"错误：--format {args.format} 需要用 --out 指定输出文件。", file=sys.stderr)
        return EXIT_USAGE
    store = _store(args)
    if store is not None:
        # Results come from the store: a dossier already audited under this rule set is not audited again.
        ids = _audit_into_store(store, args.paths, args.profile, args.reaudit)
        stored = [store.result(i) for i in ids]
        reports = [s.report for s in stored]
        readable = [s.dossier.readable for s in stored]
    else:
        cases = [audit_path(p, profile=args.profile) for p in args.paths]
        reports = [c.report() for c in cases]
        readable = [_readable(c) for c in cases]
    if args.format in ("json", "text"):
        _emit(render_json(reports) if args.format == "json" else render_text(reports), args.out)
    elif store is not None:
        findings, dossiers = _stored_rows(store, ids, confirmed_only=False, organ=None)
        _emit_bytes(_export(args.format, findings, dossiers), args.out)
    else:
        from auditor.report.rows import dossier_row, rows_of
        from auditor.report.text_report import rule_names

        _emit_bytes(_export(args.format, rows_of(cases, rule_names()), [dossier_row(c) for c in cases]), args.out)
    if not any(readable):
        print("错误：没有任何输入可以读取。", file=sys.stderr)
        return EXIT_USAGE
    if args.fail_on:
        floor = SEVERITY_RANK[args.fail_on]
        if any(SEVERITY_RANK.get(f.severity, 0) >= floor for r in reports for f in r.findings):
            return EXIT_FAIL_ON
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    store = _store(args)
    if store is None:
        print("错误：请用 --db 或环境变量 AUDITOR_DB 指定审查库。", file=sys.stderr)
        return EXIT_USAGE
    if args.format in BINARY_FORMATS and not args.out:
        print(f"错误：--format {args.format} 需要用 --out 指定输出文件。", file=sys.stderr)
        return EXIT_USAGE
    findings, dossiers = _stored_rows(store, None, args.confirmed_only, args.organ, latest_only=not args.all_versions)
    _emit_bytes(_export(args.format, findings, dossiers, confirmed_only=args.confirmed_only), args.out)
    if args.out:
        print(f"已导出 {len(dossiers)} 份案卷、{len(findings)} 项问题到 {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_users(args: argparse.Namespace) -> int:
    import getpass

    from auditor.report.reasons import role_labels
    from auditor.report.text_report import table

    store = _store(args)
    if store is None:
        print("错误：请用 --db 或环境变量 AUDITOR_DB 指定审查库。", file=sys.stderr)
        return EXIT_USAGE
    roles = {v: k for k, v in role_labels().items()}

    def password() -> str:
        if args.password_stdin:
            return sys.stdin.readline().rstrip("\n")
        first = getpass.getpass("密码：")
        if first != getpass.getpass("再次输入密码："):
            raise SystemExit("错误：两次输入的密码不一致。")
        return first

    if args.action == "list":
        rows = [[u.name, u.role_label, "是" if u.has_password else "否", "是" if u.active else "否"]
                for u in store.users()]
        print(table(rows, ["姓名", "角色", "已设密码", "启用"]))
        print("团队模式" if store.team_mode else "单用户模式")
        return EXIT_OK
    if not args.name:
        print("错误：请给出用户姓名。", file=sys.stderr)
        return EXIT_USAGE
    role = roles.get(args.role, args.role) if args.role else None
    if args.action == "add":
        store.add_user(args.name, role or "reviewer", password=password())
    elif args.action == "passwd":
        store.set_password(args.name, password())
    elif args.action in ("role", "disable"):
        user = store.user(args.name)
        if user is None:
            print(f"错误：用户 {args.name} 不存在。", file=sys.stderr)
            return EXIT_USAGE
        store.set_role(args.name, role or user.role, active=args.action != "disable")
    print("已保存。", file=sys.stderr)
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="auditor", description="案卷智审：审查刑事/治安案卷文书")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("audit", help="审查一个或多个案卷（文件、文件夹或 ZIP）")
    p.add_argument("paths", nargs="+", help="案卷文件、文件夹或 ZIP")
    p.add_argument("--format", choices=["text", "json", "xlsx", "docx", "csv"], default="text",
                   help="xlsx：案件评查表；docx：评查通报；csv：问题清单")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.add_argument("--profile", choices=["police", "procuratorate"], help="规则集（执法巡查 / 不起诉审查）")
    p.add_argument("--fail-on", choices=list(SEVERITY_RANK), help="存在该级别及以上问题时退出码为 1")
    p.add_argument("--db", help="审查库（SQLAlchemy URL 或 SQLite 文件，default 为用户数据目录中的默认审查库；"
                                "默认取环境变量 AUDITOR_DB）：结果写入审查库，已审查过的案卷不再重复审查")
    p.add_argument("--reaudit", action="store_true", help="与 --db 一起：即使审查库中已有结果也重新审查")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("report", help="从审查库导出评查表、评查通报或问题清单")
    p.add_argument("--db", help="审查库（默认取环境变量 AUDITOR_DB）")
    p.add_argument("--format", choices=["xlsx", "docx", "csv", "json"], default="xlsx")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.add_argument("--confirmed-only", action="store_true", help="只导出经审查确认的问题")
    p.add_argument("--organ", help="只导出该办案单位的案卷")
    p.add_argument("--all-versions", action="store_true", help="包括同一案件较早的案卷版本")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("users", help="团队模式用户管理（审查员 / 复核人 / 管理员）")
    p.add_argument("action", choices=["list", "add", "passwd", "role", "disable"])
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=["审查员", "复核人", "管理员", "reviewer", "checker", "admin"])
    p.add_argument("--db", help="审查库（默认取环境变量 AUDITOR_DB）")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（一行）")
    p.set_defaults(func=cmd_users)

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
