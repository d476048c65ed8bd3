"""The same budgeted work on an existing Dask cluster (`auditor batch --scheduler tcp://HOST:8786`).

Each Dask task audits one dossier through a `BudgetPool` of one worker process kept by the Dask worker (so the
pipeline is loaded once per Dask worker and each dossier still runs under its time and memory budget). A Dask
worker that dies loses nothing: the scheduler gives its unfinished tasks to another worker, and the client
records each result once, as it arrives. The Dask workers need this package installed (same version).
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterator

from auditor.batch.pool import BudgetPool
from auditor.batch.task import INTERNAL, WORKER_DIED, Budget, Outcome, Task, failed_outcome

_local = threading.local()
_pools: list[BudgetPool] = []


def audit_in_budget(task: Task, budget: Budget, audit: str) -> Outcome:
    """Runs on a Dask worker: one dossier in this worker thread's own budgeted process."""
    pool: BudgetPool | None = getattr(_local, "pool", None)
    if pool is None or pool.budget != budget or pool.audit != audit:
        if pool is not None:
            pool.close()
        pool = _local.pool = BudgetPool(workers=1, budget=budget, audit=audit)
        _pools.append(pool)
    (outcome,) = pool.run([task])
    import socket

    return _with_worker(outcome, socket.gethostname())


def _with_worker(outcome: Outcome, host: str) -> Outcome:
    from dataclasses import replace

    return replace(outcome, worker=f"{host}:{outcome.worker}")


@atexit.register
def _close_pools() -> None:
    for pool in _pools:
        pool.close()


def run_on_dask(address: str, tasks: list[Task], budget: Budget, audit: str) -> Iterator[Outcome]:
    from distributed import Client, as_completed
    from distributed.scheduler import KilledWorker

    with Client(address, timeout="30s") as client:
        futures = {
            client.submit(audit_in_budget, task, budget, audit, key=f"audit-{task.index}-{task.key[:16]}",
                          pure=False): task
            for task in tasks
        }
        for future in as_completed(futures):
            task = futures.pop(future)
            try:
                outcome = future.result()
            except KilledWorker:  # the dossier took several workers down with it
                outcome = failed_outcome(task, WORKER_DIED, "Dask 工作进程多次中断")
            except Exception as exc:  # noqa: BLE001
                outcome = failed_outcome(task, INTERNAL, type(exc).__name__)
            future.release()
            yield outcome
