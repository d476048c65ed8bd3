"""Held-out corpora scored in the background while the rest of the suite runs.

Scoring the independent corpora is the suite's largest piece of work and needs nothing from the other tests. The
suite itself runs on one core; started as soon as collection is done, two spawned workers score the corpora on the
cores the suite leaves idle, and the tests that need a result wait for it (`result`).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from auditor.evaluation.synthetic import SyntheticResult, evaluate_synthetic
from auditor.ingest.ocr import OCR_THREADS_ENV

_POOL: ProcessPoolExecutor | None = None
_FUTURES: dict[Path, Future[SyntheticResult]] = {}


def _one_ocr_thread() -> None:
    """Each worker's OCR engine on one thread: the two workers and the suite already fill the cores."""
    os.environ[OCR_THREADS_ENV] = "1"


def start(directories: list[Path]) -> None:
    """Begin scoring `directories` (once per session)."""
    global _POOL
    if _POOL is None:
        # spawned, not forked: the test process holds threads
        _POOL = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=_one_ocr_thread)
    for directory in directories:
        if directory not in _FUTURES:
            _FUTURES[directory] = _POOL.submit(evaluate_synthetic, directory)


def result(directory: Path) -> SyntheticResult:
    """The corpus's score: waited for when it was started, computed here when it was not."""
    future = _FUTURES.get(directory)
    return future.result() if future is not None else evaluate_synthetic(directory)


def stop() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL = None
    _FUTURES.clear()
