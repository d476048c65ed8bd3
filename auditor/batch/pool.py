"""One mechanism to run dossiers under a budget: N worker processes, each loaded once, each dossier watched.

Why not `concurrent.futures.ProcessPoolExecutor`: it cannot stop one task (a hung dossier holds its worker for
ever) and a worker that dies breaks the whole pool (every pending future fails). Here the parent watches each
running dossier: past its time budget, or when its worker's process tree holds more resident memory than the
budget, the worker's process group is killed, the dossier gets a numbered error (E090 / E091) and a fresh worker
takes its place; a worker that dies on its own (a segfault in a native library, the kernel's OOM killer) costs only
its dossier (E092). Workers are recycled after `max_tasks_per_child` dossiers, so memory a library never gives
back cannot pile up over a long batch.

Workers are plain subprocesses (`python -m auditor.batch.worker`), not multiprocessing children, so the same pool
also runs inside a Dask worker, whose processes are daemons and may not use multiprocessing.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import psutil

from auditor.batch.frames import FrameBuffer, encode
from auditor.batch.task import OUT_OF_MEMORY, TIMEOUT, WORKER_DIED, Budget, Outcome, Task, failed_outcome
from auditor.batch.worker import DEFAULT_AUDIT
from auditor.ingest.archive import sweep_stale_folders

POLL_SECONDS = 0.05
MEMORY_EVERY_SECONDS = 0.1  # a process tree's RSS costs a /proc walk: often enough to stop a runaway page render
KILLED_REAP_SECONDS = 30  # a SIGKILLed worker dies at once; this only bounds a process stuck in the kernel
STARTUP_FAILURES = 3  # workers that die before they are ready, in a row: the pool cannot work at all


class PoolError(RuntimeError):
    """The pool cannot start a worker (the installation is broken), as opposed to one dossier failing."""


@dataclass
class _Worker:
    proc: subprocess.Popen
    frames: FrameBuffer = field(default_factory=FrameBuffer)
    ready: bool = False
    task: Task | None = None
    started: float = 0.0
    done: int = 0
    retiring: bool = False

    @property
    def fd(self) -> int:
        return self.proc.stdout.fileno()  # type: ignore[union-attr]

    def tree_rss_mb(self) -> float:
        """Resident memory of the worker and every process it started (an OCR renderer, say), in MiB."""
        try:
            root = psutil.Process(self.proc.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0.0
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total / 2**20

    def send(self, task: Task) -> None:
        self.task, self.started = task, time.monotonic()
        self.proc.stdin.write(encode(task))  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]

    def kill(self) -> None:
        """The worker's whole process group: it runs in a session of its own (start_new_session)."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        # Reaped before the sweep, however loaded the machine: an unreaped worker still counts as alive, and its
        # folder would be left to the next run (test_temp_folder_removed_on_sigterm failed so on a busy machine).
        self._reap(timeout=KILLED_REAP_SECONDS)
        sweep_stale_folders()  # a killed worker cannot remove its temporary folders (extracted case text)

    def end_input(self) -> None:
        """No more tasks: the worker leaves once it has read the end of its task stream."""
        try:
            self.proc.stdin.close()  # type: ignore[union-attr]
        except OSError:
            pass

    def stop(self) -> None:
        """An idle worker: end of its task stream, then a kill if it does not leave at once."""
        self.end_input()
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()
        self._reap()

    def _reap(self, timeout: float = 5) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()  # type: ignore[union-attr]
            except OSError:
                pass
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass


class BudgetPool:
    """`workers` processes auditing `Task`s under `budget`; `run` yields each `Outcome` as it finishes.

    Workers outlive one `run` call (a Dask worker keeps its pool across tasks); `close` ends them.
    """

    def __init__(self, workers: int = 1, budget: Budget | None = None, max_tasks_per_child: int = 100,
                 audit: str = DEFAULT_AUDIT, env: dict[str, str] | None = None) -> None:
        self.size = max(1, workers)
        self.budget = budget or Budget()
        self.max_tasks_per_child = max(1, max_tasks_per_child)
        self.audit = audit
        self.env = env
        self._workers: list[_Worker] = []
        self._selector = selectors.DefaultSelector()
        self._startup_failures = 0
        self._measured = 0.0

    # -- workers ---------------------------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        proc = subprocess.Popen(
            [sys.executable, "-m", "auditor.batch.worker", self.audit],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True,
            env={**os.environ, **self.env} if self.env else None,
        )
        os.set_blocking(proc.stdout.fileno(), False)  # type: ignore[union-attr]
        worker = _Worker(proc)
        self._workers.append(worker)
        self._selector.register(worker.fd, selectors.EVENT_READ, worker)
        return worker

    def _remove(self, worker: _Worker, kill: bool) -> None:
        self._selector.unregister(worker.fd)
        self._workers.remove(worker)
        worker.kill() if kill else worker.stop()

    def close(self) -> None:
        # Every idle worker is told first, so they wind down side by side rather than one after another.
        for worker in self._workers:
            if worker.task is None:
                worker.end_input()
        for worker in list(self._workers):
            self._remove(worker, kill=worker.task is not None)
        self._selector.close()

    def __enter__(self) -> BudgetPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- running ---------------------------------------------------------------------------------------------
    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Every task's outcome, in the order they finish. Closing the generator early kills busy workers."""
        pending: deque[Task] = deque(tasks)
        try:
            while pending or any(w.task for w in self._workers):
                wanted = min(self.size, len(pending) + sum(1 for w in self._workers if w.task))
                while len(self._workers) < wanted:
                    self._spawn()
                for worker in list(self._workers):
                    if worker.ready and worker.task is None and pending:
                        task = pending.popleft()
                        try:
                            worker.send(task)
                        except OSError:  # it died between two polls: the task goes to the next worker
                            pending.appendleft(task)
                            worker.task = None
                            self._remove(worker, kill=True)
                yield from self._wait()
                yield from self._enforce_budget()
        except GeneratorExit:
            for worker in [w for w in self._workers if w.task]:
                self._remove(worker, kill=True)
            raise

    def _wait(self) -> Iterator[Outcome]:
        for key, _ in self._selector.select(timeout=POLL_SECONDS):
            worker: _Worker = key.data
            try:
                chunk = os.read(worker.fd, 1 << 20)
            except BlockingIOError:
                continue
            if not chunk:
                yield from self._lost(worker)
                continue
            for kind, value in worker.frames.feed(chunk):
                if kind == "ready":
                    worker.ready = True
                    self._startup_failures = 0
                elif kind == "done":
                    worker.task = None
                    worker.done += 1
                    yield value
                    if worker.done >= self.max_tasks_per_child:
                        self._remove(worker, kill=False)

    def _lost(self, worker: _Worker) -> Iterator[Outcome]:
        """The worker's pipe closed: it died (a native crash, the OOM killer, a kill from outside)."""
        task, started = worker.task, worker.started
        self._remove(worker, kill=True)
        if task is not None:
            code = worker.proc.returncode
            detail = f"signal {-code}" if code is not None and code < 0 else f"exit {code}"
            yield failed_outcome(task, WORKER_DIED, detail, time.monotonic() - started)
        elif not worker.ready:
            self._startup_failures += 1
            if self._startup_failures >= STARTUP_FAILURES:
                raise PoolError("审查进程无法启动（连续失败），请检查安装")

    def _enforce_budget(self) -> Iterator[Outcome]:
        now = time.monotonic()
        measure = now - self._measured >= MEMORY_EVERY_SECONDS
        if measure:
            self._measured = now
        for worker in [w for w in self._workers if w.task is not None]:
            task = worker.task
            assert task is not None
            elapsed = now - worker.started
            if elapsed > self.budget.seconds:
                self._remove(worker, kill=True)
                yield failed_outcome(task, TIMEOUT, f"超过 {self.budget.seconds:g} 秒", elapsed, str(worker.proc.pid))
                continue
            if measure and worker.tree_rss_mb() > self.budget.memory_mb:
                self._remove(worker, kill=True)
                yield failed_outcome(task, OUT_OF_MEMORY, f"超过 {self.budget.memory_mb} MB", elapsed,
                                     str(worker.proc.pid))


def in_input_order(outcomes: Iterable[Outcome], first: int = 0) -> Iterator[Outcome]:
    """Outcomes re-ordered by `index` (consecutive from `first`), each released as soon as all before it are."""
    held: dict[int, Outcome] = {}
    following = first
    for outcome in outcomes:
        held[outcome.index] = outcome
        while following in held:
            yield held.pop(following)
            following += 1
    yield from (held[i] for i in sorted(held))
