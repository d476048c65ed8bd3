"""`auditor batch`: hash the dossiers, skip the ones already finished for this rule-set version (resume), audit
the rest under their budgets (locally or on a Dask cluster), record each as it finishes, summarise."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.batch.files import atomic_write
from auditor.batch.inputs import content_hash, entries, ruleset_version
from auditor.batch.pool import BudgetPool
from auditor.batch.progress import Progress, QuietProgress
from auditor.batch.sinks import Sink
from auditor.batch.summary import Summary
from auditor.batch.task import Budget, Outcome, Task
from auditor.batch.worker import DEFAULT_AUDIT
from auditor.ingest.naming import input_name
from auditor.limits import Limits


@dataclass(frozen=True)
class BatchOptions:
    roots: tuple[Path, ...]
    out: Path
    workers: int = 1
    budget: Budget = Budget(seconds=600.0)
    profile: str | None = None
    resume: bool = True  # False: --rerun, audit every dossier again
    scheduler: str | None = None  # tcp://HOST:8786: an existing Dask cluster
    max_tasks_per_child: int = 1000  # a recycled worker pays its start-up (≈ 4 s: jieba) again
    audit: str = DEFAULT_AUDIT  # the function a worker runs per dossier (tests substitute one)
    as_of: dt.date | None = None  # 执法巡查预警 as of this day
    standard: str | None = None  # 评查打分 standard
    db: str | None = None  # also save every audited dossier into this review store (workers save their own)
    limits: Limits | None = None  # per-dossier limits (auditor.limits); None: the defaults
    show_paths: bool = False  # name dossiers by their paths in reports (else by position and hash)


def run_batch(options: BatchOptions, sink: Sink, progress: Progress | None = None) -> Summary:
    progress = progress or QuietProgress()
    started = time.monotonic()
    paths = entries(list(options.roots))
    ruleset = ruleset_version(options.profile, as_of=options.as_of, standard=options.standard)
    done = sink.done(ruleset) if options.resume else {}
    keys = [_key(p) for p in paths]
    names = [p.name for p in paths]
    first_of: dict[str, int] = {}
    duplicates: list[tuple[str, str]] = []
    tasks: list[Task] = []
    for i, (path, key) in enumerate(zip(paths, keys, strict=True)):
        if key in first_of:
            duplicates.append((names[i], names[first_of[key]]))
            continue
        first_of[key] = i
        if key not in done:
            # The review store keeps file names: it draws page images from them and is the reviewers' own workspace.
            name = None if options.show_paths or options.db else input_name(i + 1, path)
            tasks.append(Task(i, str(path), profile=options.profile, key=key, as_of=options.as_of,
                              standard=options.standard, db=options.db, name=name, limits=options.limits))
    store_run = _start_store_run(options, ruleset) if options.db and tasks else None
    if store_run is not None:
        tasks = [dataclasses.replace(t, run_id=store_run[1]) for t in tasks]
    records = dict(done)
    audited = pages = 0
    progress.start(len(tasks))
    try:
        for outcome in _execute(options, tasks):
            records[outcome.key] = sink.write(outcome, ruleset, names[outcome.index])
            progress.advance(outcome)
            audited += 1
            pages += outcome.pages
    finally:
        progress.close()
        if store_run is not None:
            store_run[0].finish_run(store_run[1])
    summary = Summary(
        records=[records[keys[i]] for i in sorted(first_of.values()) if keys[i] in records],
        audited_now=audited, pages_now=pages, seconds=time.monotonic() - started, duplicates=duplicates,
        as_of=options.as_of,
    )
    options.out.mkdir(parents=True, exist_ok=True)
    atomic_write(options.out / "summary.txt", summary.render(per_dossier=True))
    atomic_write(options.out / "summary.json", json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return summary


def _start_store_run(options: BatchOptions, ruleset: str) -> tuple[object, int]:
    from auditor.store import Store

    store = Store.open(None if options.db == "default" else options.db)
    return store, store.start_run("batch", profile=options.profile)


def _key(path: Path) -> str:
    try:
        return content_hash(path)
    except OSError:  # unreadable: the audit itself records why; the key keeps it apart from any other input
        import hashlib

        return "unreadable-" + hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()


def _execute(options: BatchOptions, tasks: list[Task]) -> Iterator[Outcome]:
    if not tasks:
        return
    if options.scheduler:
        from auditor.batch.dask_exec import run_on_dask

        yield from run_on_dask(options.scheduler, tasks, options.budget, options.audit)
        return
    with BudgetPool(workers=min(options.workers, len(tasks)), budget=options.budget,
                    max_tasks_per_child=options.max_tasks_per_child, audit=options.audit) as pool:
        yield from pool.run(tasks)
