"""Progress of a batch on stderr: a rich progress bar (dossiers done / total, pages per second, time left,
failures so far), one JSON object per finished dossier (`--progress json`, for scripts), or nothing (`--quiet`)."""

from __future__ import annotations

import json
import sys
import time
from typing import Protocol

from auditor.batch.task import Outcome


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, outcome: Outcome) -> None: ...
    def close(self) -> None: ...


class Counts:
    """Figures of this run: what was audited now (resumed dossiers do not count towards speed)."""

    def __init__(self) -> None:
        self.total = self.done = self.failed = self.pages = 0
        self.started = time.monotonic()

    def add(self, outcome: Outcome) -> None:
        self.done += 1
        self.pages += outcome.pages
        self.failed += outcome.failed

    @property
    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.elapsed

    @property
    def eta_seconds(self) -> float | None:
        return None if not self.done else (self.total - self.done) * self.elapsed / self.done


class QuietProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self, outcome: Outcome) -> None:
        pass

    def close(self) -> None:
        pass


class JsonProgress:
    def __init__(self) -> None:
        self.counts = Counts()

    def start(self, total: int) -> None:
        self.counts = Counts()
        self.counts.total = total

    def advance(self, outcome: Outcome) -> None:
        c = self.counts
        c.add(outcome)
        eta = c.eta_seconds
        line = {"done": c.done, "total": c.total, "failed": c.failed, "pages": c.pages,
                "pages_per_second": round(c.pages_per_second, 1), "elapsed_seconds": round(c.elapsed, 1),
                "eta_seconds": None if eta is None else round(eta, 1)}
        sys.stderr.write(json.dumps(line) + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        pass


class BarProgress:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.counts = Counts()
        self._bar = Progress(
            TextColumn("审查"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[speed]} 页/秒"),
            TextColumn("剩余"), TimeRemainingColumn(), TextColumn("失败 {task.fields[failed]}"),
            console=Console(stderr=True), transient=False,
        )
        self._task = None

    def start(self, total: int) -> None:
        self.counts = Counts()
        self.counts.total = total
        self._bar.start()
        self._task = self._bar.add_task("", total=total, speed="—", failed=0)

    def advance(self, outcome: Outcome) -> None:
        self.counts.add(outcome)
        self._bar.update(self._task, advance=1, speed=f"{self.counts.pages_per_second:.0f}",
                         failed=self.counts.failed)

    def close(self) -> None:
        self._bar.stop()


def make_progress(kind: str) -> Progress:
    return {"bar": BarProgress, "json": JsonProgress, "none": QuietProgress}[kind]()
