"""The worker process: loads the pipeline once, then audits one dossier per task it reads from stdin.

Started by `pool.BudgetPool` as `python -m auditor.batch.worker MODULE:FUNCTION`. The function audits one path
(`auditor.pipeline:audit_path` unless a test gives another). Results go back as frames on the process's original
stdout; anything a library prints is sent to stderr instead, so it can never corrupt a frame.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditor.batch.frames import read_frame, write_frame
from auditor.batch.task import INTERNAL, OUT_OF_MEMORY, Outcome, Task, failed_outcome, outcome_of

DEFAULT_AUDIT = "auditor.pipeline:audit_path"

# A few documents that touch every stage (segmentation, dates, parties, citations, rules) once, so the first real
# dossier does not pay for loading dictionaries and lexicons inside its time budget.
WARM_UP_TEXT = """拘留证
某公安局
根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人张某某（男，1990年1月2日出生）执行拘留。
二〇二〇年三月一日
=====
取保候审决定书
犯罪嫌疑人张某某，因涉嫌盗窃罪，根据《中华人民共和国刑事诉讼法》第六十七条之规定，决定对其取保候审，期限为十二个月。
二〇二〇年三月三日
"""


def resolve(ref: str) -> Callable[..., Any]:
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)


def peak_mb() -> float:
    """This process's resident high-water mark (VmHWM), in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up() -> None:
    import auditor.ingest.docx  # noqa: F401 — the readers' libraries (pypdfium2, python-docx) load here
    import auditor.ingest.pdf  # noqa: F401
    from auditor.pipeline import audit_text
    from auditor.text.tokens import leading_name

    leading_name("被告人何某对指控的事实没有异议")  # jieba's tagger and the user dictionary (≈ 2.5 s)
    audit_text(WARM_UP_TEXT)


_STORES: dict[str, Any] = {}  # url -> auditor.store.Store, one per worker process


def _store(url: str):  # -> auditor.store.Store
    if url not in _STORES:
        from auditor.store import Store

        _STORES[url] = Store.open(None if url == "default" else url)
    return _STORES[url]


def save_to_store(task: Task, result: Any) -> None:
    """The audited dossier into the review store, in one transaction, by the worker that holds the whole result
    (the parent only sees the report); the store keeps the same content under the same rule set once."""
    from auditor.store import content_hash

    store = _store(task.db)  # type: ignore[arg-type]
    store.save_result(result, task.run_id, content_hash=content_hash(task.path), profile=task.profile,  # type: ignore[arg-type]
                      source_ref=str(Path(task.path).resolve()))


def run_task(audit: Callable[..., Any], task: Task) -> Outcome:
    started = time.perf_counter()
    worker = str(os.getpid())
    try:
        options = {k: v for k, v in (("as_of", task.as_of), ("standard", task.standard), ("name", task.name),
                                     ("limits", task.limits)) if v is not None}
        result = audit(task.path, profile=task.profile, **options)
        if task.db and task.run_id is not None:
            save_to_store(task, result)
        return outcome_of(task, result, time.perf_counter() - started, peak_mb(), worker)
    except MemoryError:
        return failed_outcome(task, OUT_OF_MEMORY, "MemoryError", time.perf_counter() - started, worker)
    except Exception as exc:  # noqa: BLE001 — the type only: a message may quote case text
        return failed_outcome(task, INTERNAL, type(exc).__name__, time.perf_counter() - started, worker)


def _exit_when_orphaned(parent: int) -> None:
    """A worker whose parent died (kill -9 of the batch) stops instead of auditing for nobody."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(3)


def main(argv: list[str]) -> int:
    results = os.dup(1)
    os.dup2(2, 1)  # print() in any library now lands on stderr, never inside a frame
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True).start()
    audit = resolve(argv[1] if len(argv) > 1 else DEFAULT_AUDIT)
    try:
        warm_up()
    except Exception:  # noqa: BLE001 — a dossier that meets the same failure records it as its own error
        pass
    write_frame(results, ("ready", os.getpid()))
    tasks = sys.stdin.buffer
    while (task := read_frame(tasks)) is not None:
        write_frame(results, ("done", run_task(audit, task)))
    return 0


def leave(code: int) -> None:
    """Exit without the interpreter's teardown: every result is written (frames go out unbuffered) and each task
    cleans up after itself, so freeing a loaded pipeline object by object only keeps the batch waiting."""
    for store in _STORES.values():
        store.close()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    leave(main(sys.argv))
