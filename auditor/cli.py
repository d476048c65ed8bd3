"""Command line: `auditor audit | report | users | batch | rules | schema | synth | eval | redact | training`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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


BINARY_FORMATS = ("xlsx", "docx")


def _store(args: argparse.Namespace):  # noqa: ANN202 — auditor.store.Store, imported only when asked for
    """The review store named by --db, else by AUDITOR_DB (None when neither: nothing is stored)."""
    import os

    url = getattr(args, "db", None) or os.environ.get("AUDITOR_DB")
    if not url:
        return None
    from auditor.store import Store

    return Store.open(None if url == "default" else url)  # "default": the user's data directory


def _audit_into_store(store, paths: list[str], profile: str | None, reaudit: bool, *,  # noqa: ANN001
                      as_of: dt.date | None = None, standard: str | None = None, limits=None) -> list[int]:  # noqa: ANN001
    """Audit each path unless the store already holds it under this rule set (cached), save it; dossier ids. A
    result with warnings as of a day or a score under a standard is reused only for the same day and standard.
    Without `as_of` a dossier is still audited as of today, so that its stored report carries the warnings the
    workbench's 预警 page re-levels to later days; the day is then not part of the cache key."""
    from auditor.pipeline import audit_path
    from auditor.rules.config import configured_rules
    from auditor.rules.version import ruleset_version
    from auditor.store import content_hash

    config = store.rule_config(profile)
    version = ruleset_version(config) + "".join(f"/{k}={v}" for k, v in (("as_of", as_of), ("standard", standard))
                                                if v is not None)
    run = store.start_run("cli", profile=profile, ruleset_version=version)
    ids = []
    for path in paths:
        digest = content_hash(path) if Path(path).exists() else None
        cached = store.has_dossier(digest, version, profile) if digest and not reaudit else None
        if cached is not None:
            ids.append(cached)
            continue
        result = audit_path(path, profile=profile, rules=configured_rules(config) if config else None,
                            as_of=as_of or dt.date.today(), standard=standard, limits=limits)
        ids.append(store.save_result(result, run, content_hash=digest, profile=profile, ruleset_version=version,
                                     source_ref=str(Path(path).resolve()) if digest else None, replace=reaudit))
    store.finish_run(run)
    return ids


def _export(fmt: str, findings: list, dossiers: list, confirmed_only: bool = False, scores: list = ()) -> bytes:
    """`scores`: (file name, score) per dossier: the XLSX 评分 sheet and grades by 办案单位, the DOCX 评查得分."""
    from auditor.report.docx_report import render_docx
    from auditor.report.table_report import render_csv, render_review_json
    from auditor.report.xlsx_report import render_xlsx

    if fmt == "xlsx":
        return render_xlsx(findings, dossiers, scores=scores)
    if fmt == "docx":
        return render_docx(findings, dossiers, confirmed_only=confirmed_only, scores=scores)
    if fmt == "csv":
        return render_csv(findings)
    return render_review_json(findings, dossiers)


def _emit_bytes(data: bytes, out: str | None) -> None:
    if out:
        Path(out).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


def _stored_rows(store, dossier_ids: list[int] | None, confirmed_only: bool, organ: str | None,  # noqa: ANN001
                 latest_only: bool = True, standard: str | None = None) -> tuple[list, list, list]:
    """Finding rows, dossier rows and (file name, score) pairs of the stored dossiers; scores count only confirmed
    findings once a case has a review decision."""
    from auditor.report.rows import DossierRow, public_message
    from auditor.store.derived import dossier_scores

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
    return findings, dossiers, dossier_scores(store, [s.id for s in summaries], standard)


def cmd_audit(args: argparse.Namespace) -> int:
    """Each PATH audited: into the review store when one is named (cached per rule set), else in worker processes
    under a time and memory budget with reports written as they finish; xlsx / docx / csv exports in process."""
    if args.format in BINARY_FORMATS and not args.out:
        print(f"错误：--format {args.format} 需要用 --out 指定输出文件。", file=sys.stderr)
        return EXIT_USAGE
    as_of = _as_of(args)
    limits = _limits(args)
    if limits is None:
        return EXIT_USAGE
    store = _store(args)
    severities: list[str] = []
    if store is not None:
        # Results come from the store: a dossier already audited under this rule set is not audited again.
        # The store names dossiers by their files (the reviewers' own workspace; page images are drawn from them).
        from auditor.report import render_json, render_text

        ids = _audit_into_store(store, args.paths, args.profile, args.reaudit, as_of=as_of, standard=args.standard,
                                limits=limits)
        stored = [store.result(i) for i in ids]
        reports = [s.report for s in stored]
        if as_of is None:  # the warnings stored for the 预警 page were not asked for here
            reports = [r.model_copy(update={"as_of": None, "warnings": None}) for r in reports]
        readable = [s.dossier.readable for s in stored]
        severities = [f.severity for r in reports for f in r.findings]
        if args.format in ("json", "text"):
            _emit(render_json(reports) if args.format == "json" else render_text(reports), args.out)
        elif args.format == "jsonl":
            from auditor.report.json_report import to_json_dict

            _emit("\n".join(json.dumps(to_json_dict([r])["dossiers"][0], ensure_ascii=False) for r in reports),
                  args.out)
        else:
            findings, dossiers, scores = _stored_rows(store, ids, confirmed_only=False, organ=None,
                                                      standard=args.standard)
            _emit_bytes(_export(args.format, findings, dossiers, scores=scores), args.out)
    elif args.format in BINARY_FORMATS or args.format == "csv":
        from auditor.pipeline import audit_path
        from auditor.report.rows import display_name, dossier_row, rows_of
        from auditor.report.text_report import rule_names

        cases = [audit_path(p, profile=args.profile, as_of=as_of, standard=args.standard, limits=limits,
                            name=_input_name(args, i + 1, p)) for i, p in enumerate(args.paths)]
        readable = [_readable(c) for c in cases]
        severities = [f.severity for c in cases for f in c.findings]
        scores = [(display_name(c.dossier.source), c.score) for c in cases if c.score is not None and c.readable]
        _emit_bytes(_export(args.format, rows_of(cases, rule_names()), [dossier_row(c) for c in cases],
                            scores=scores), args.out)
    else:
        from auditor.batch.pool import BudgetPool
        from auditor.batch.stream import write_reports
        from auditor.batch.task import Budget, Task

        tasks = [Task(i, p, profile=args.profile, text=args.format == "text", as_of=as_of, standard=args.standard,
                      name=_input_name(args, i + 1, p), limits=limits)
                 for i, p in enumerate(args.paths)]
        budget = Budget(seconds=args.timeout, memory_mb=args.max_memory)
        with BudgetPool(workers=min(args.workers or os.cpu_count() or 1, len(tasks)), budget=budget) as pool:
            outcomes = write_reports(pool.run(tasks), args.format, args.out)
        readable = [o.readable for o in outcomes]
        severities = [s for o in outcomes for s, n in o.severities.items() for _ in range(n)]
    if not any(readable):
        print("错误：没有任何输入可以读取。", file=sys.stderr)
        return EXIT_USAGE
    if args.fail_on:
        floor = SEVERITY_RANK[args.fail_on]
        if any(SEVERITY_RANK.get(s, 0) >= floor for s in severities):
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
    findings, dossiers, scores = _stored_rows(store, None, args.confirmed_only, args.organ,
                                              latest_only=not args.all_versions, standard=args.standard)
    if args.redact:
        return _report_redacted(args, store, findings, dossiers, scores)
    _emit_bytes(_export(args.format, findings, dossiers, confirmed_only=args.confirmed_only, scores=scores), args.out)
    if args.out:
        print(f"已导出 {len(dossiers)} 份案卷、{len(findings)} 项问题到 {args.out}", file=sys.stderr)
    return EXIT_OK


def _report_redacted(args: argparse.Namespace, store, findings: list, dossiers: list,  # noqa: ANN001
                     scores: list = ()) -> int:
    """`auditor report --redact`: every written string redacted, the file checked before it is written."""
    from auditor.redact import LeakError
    from auditor.training.redacted_reports import FORMATS, export_redacted, store_results

    if args.format not in FORMATS:
        print(f"错误：脱敏导出支持 {'、'.join(FORMATS)}（JSON 含原始证据数据，不提供脱敏版本）。", file=sys.stderr)
        return EXIT_USAGE
    summaries = store.dossiers(organ=args.organ, latest_only=not args.all_versions)
    try:
        data = export_redacted(args.format, findings, zip([s.id for s in summaries], dossiers, strict=True),
                               store_results(store), confirmed_only=args.confirmed_only, policy=_policy(args),
                               scores=scores)
    except LeakError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_FAIL_ON
    _emit_bytes(data, args.out)
    if args.out:
        print(f"已导出 {len(dossiers)} 份案卷、{len(findings)} 项问题（已脱敏）到 {args.out}", file=sys.stderr)
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
    """Every entry under each ROOT is one dossier; finished ones are recorded as they finish and skipped on resume."""
    from auditor.batch.progress import make_progress
    from auditor.batch.runner import BatchOptions, run_batch
    from auditor.batch.sinks import FileSink
    from auditor.batch.task import Budget
    from auditor.ingest.naming import printable

    roots = tuple(Path(r) for r in args.roots)
    limits = _limits(args)
    if limits is None:
        return EXIT_USAGE
    for root in roots:
        if not root.is_dir():
            print(f"错误：{printable(root) if args.show_paths else 'ROOT'} 不是文件夹。", file=sys.stderr)
            return EXIT_USAGE
    options = BatchOptions(
        roots=roots, out=Path(args.out), workers=args.workers or os.cpu_count() or 1,
        budget=Budget(seconds=args.timeout, memory_mb=args.max_memory), profile=args.profile,
        resume=not args.rerun, scheduler=args.scheduler, as_of=_as_of(args), standard=args.standard,
        db=args.db or os.environ.get("AUDITOR_DB"), limits=limits, show_paths=args.show_paths,
    )
    sink = FileSink(options.out)
    progress = make_progress("none" if args.quiet else args.progress)
    try:
        summary = run_batch(options, sink, progress)
    except KeyboardInterrupt:
        print("已中断：已完成的案卷均已保存，再次运行同一命令即从中断处继续。", file=sys.stderr)
        return 130
    finally:
        sink.close()
    if not args.quiet:
        print(summary.render(per_dossier=len(summary.records) <= 50), end="")
    return EXIT_OK if summary.records or summary.duplicates else EXIT_USAGE


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
                                truncate=args.truncate, wording=args.wording)
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


def _input_options(p: argparse.ArgumentParser) -> None:
    from auditor.limits import limit_names

    p.add_argument("--show-paths", action="store_true",
                   help="报告和错误中显示文件路径（默认以“输入序号#路径哈希”代称，文件名可能含个人信息）")
    p.add_argument("--limit", action="append", metavar="名称=数值",
                   help="调整单个输入的限制，可重复，如 --limit dossier_pages=20000 --limit file_bytes=2G；"
                        f"名称：{', '.join(limit_names())}")


_PROFILE_HELP = "规则集（lexicons/profiles/*.yaml）：police 执法巡查（公安法制），procuratorate 不起诉审查（检察）；默认全部规则"


def _profile_ids() -> list[str]:
    from auditor.rules.profiles import profile_ids

    return profile_ids()


def _standard_names() -> list[str]:
    from auditor.scoring import standard_names

    return standard_names()


def _budget_arguments(p: argparse.ArgumentParser, timeout: float) -> None:
    p.add_argument("--workers", type=int, help="并行审查进程数（默认：CPU 核数）")
    p.add_argument("--timeout", type=float, default=timeout, help=f"每份案卷的时间上限，秒（默认 {timeout:g}）")
    p.add_argument("--max-memory", type=int, default=2048, help="每份案卷的内存上限，MB（默认 2048）")


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
    parser.add_argument("--debug", action="store_true", help="出错时在标准错误输出完整的调用栈（可能含文件路径）")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("audit", help="审查一个或多个案卷（文件、文件夹或 ZIP）")
    p.add_argument("paths", nargs="+", help="案卷文件、文件夹或 ZIP")
    p.add_argument("--format", choices=["text", "json", "jsonl", "xlsx", "docx", "csv"], default="text",
                   help="jsonl：每审完一份案卷即输出一行；xlsx：案件评查表；docx：评查通报；csv：问题清单")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.add_argument("--profile", choices=_profile_ids(), help=_PROFILE_HELP)
    p.add_argument("--fail-on", choices=list(SEVERITY_RANK), help="存在该级别及以上问题时退出码为 1")
    _budget_arguments(p, timeout=300)
    _audit_options(p)
    p.add_argument("--db", help="审查库（SQLAlchemy URL 或 SQLite 文件，default 为用户数据目录中的默认审查库；"
                                "默认取环境变量 AUDITOR_DB）：结果写入审查库（按文件名记录），已审查过的案卷不再重复审查")
    p.add_argument("--reaudit", action="store_true", help="与 --db 一起：即使审查库中已有结果也重新审查")
    _input_options(p)
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("report", help="从审查库导出评查表、评查通报或问题清单")
    p.add_argument("--db", help="审查库（默认取环境变量 AUDITOR_DB）")
    p.add_argument("--format", choices=["xlsx", "docx", "csv", "json"], default="xlsx")
    p.add_argument("--out", help="写入文件而不是标准输出")
    p.add_argument("--confirmed-only", action="store_true", help="只导出经审查确认的问题")
    p.add_argument("--organ", help="只导出该办案单位的案卷")
    p.add_argument("--all-versions", action="store_true", help="包括同一案件较早的案卷版本")
    p.add_argument("--standard", choices=_standard_names(),
                   help="评查打分标准（默认按各案卷的规则集：公安 police / 检察 procuratorate）")
    p.add_argument("--redact", action="store_true",
                   help="脱敏：姓名、身份证号、电话、银行卡号、住址等一律替换，写出前再检查一遍，发现残留则拒绝写出")
    p.add_argument("--officers", choices=["mask", "keep"], help="与 --redact 一起：办案人员姓名遮蔽（默认）或保留")
    p.add_argument("--surname", choices=["keep", "replace"], help="与 --redact 一起：化名保留姓氏（张某，默认）或替换（某甲）")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("users", help="团队模式用户管理（审查员 / 复核人 / 管理员）")
    p.add_argument("action", choices=["list", "add", "passwd", "role", "disable"])
    p.add_argument("name", nargs="?")
    p.add_argument("--role", choices=["审查员", "复核人", "管理员", "reviewer", "checker", "admin"])
    p.add_argument("--db", help="审查库（默认取环境变量 AUDITOR_DB）")
    p.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（一行）")
    p.set_defaults(func=cmd_users)

    p = sub.add_parser("batch", help="批量审查：每个 ROOT 下的每一项为一份案卷；可中断、可续跑")
    p.add_argument("roots", nargs="+", metavar="ROOT")
    p.add_argument("--out", required=True, help="结果目录：reports/ 每份案卷一个 JSON，index.jsonl，summary.txt")
    p.add_argument("--db", help="同时写入审查库（按文件名记录；SQLAlchemy URL 或 SQLite 文件，default 为默认审查库；默认取环境变量 AUDITOR_DB）")
    p.add_argument("--profile", choices=_profile_ids(), help=_PROFILE_HELP)
    again = p.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true", help="跳过已审完的案卷（默认）")
    again.add_argument("--rerun", action="store_true", help="全部重新审查")
    p.add_argument("--scheduler", help="Dask 集群调度器地址，如 tcp://HOST:8786")
    p.add_argument("--quiet", action="store_true", help="不显示进度和汇总")
    p.add_argument("--progress", choices=["bar", "json"], default="bar", help="json：每审完一份输出一行进度")
    _budget_arguments(p, timeout=600)
    _audit_options(p)
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
    p.add_argument("--truncate", action="store_true",
                   help="生成在随机日期截断的无缺陷案卷，标注该日仍在运行的期限（评估执法巡查预警）")
    p.add_argument("--wording", choices=["plain", "varied"], default="plain",
                   help="varied：每份文书从 auditor/synth/wording.yaml 的措辞库中抽取表述（案情与 plain 相同）")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("eval", help="对照标注评估抽取与审查的准确率")
    p.add_argument("--real", help="真实开发语料目录（含 labels.jsonl）")
    p.add_argument("--synthetic", help="合成案卷目录（含 *.truth.json）")
    p.add_argument("--warn-oracle", metavar="DIR",
                   help="执法巡查预警：按抽取结果与按标注事件计算的预警对照（如 tests/corpus/independent）")
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
