"""执法巡查预警 and 评查打分 beside the audit they follow: the as-of warnings of a dossier for one day, its score,
and the audit itself (ingest → rules) of the same dossier, best of three runs each.

    .venv/bin/python bench/bench_warn.py

Both are pure functions of the frozen case (and its findings), so their cost is to be compared with the audit's:
a 预警 page over many stored dossiers re-levels stored warnings and recomputes nothing.
"""

from __future__ import annotations

import datetime as dt
import platform
import time
from collections.abc import Callable
from pathlib import Path

from auditor.pipeline import audit_path
from auditor.scoring import score_case
from auditor.warn import warnings_as_of

ROOT = Path(__file__).resolve().parents[1]
DAYS = 60  # as-of days per dossier, five days apart


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    paths = sorted((ROOT / "sample_files").iterdir())
    audit = best_of(lambda: [audit_path(p) for p in paths])
    results = [audit_path(p) for p in paths]
    first = min(d.date for r in results for d in r.documents if d.date)
    days = [first + dt.timedelta(days=5 * k) for k in range(DAYS)]
    warn = best_of(lambda: [warnings_as_of(r.case, day) for r in results for day in days])
    score = best_of(lambda: [score_case(r.case, r.findings) for r in results for _ in range(DAYS)])
    n = len(paths)
    print(f"{dt.date.today()} {platform.machine()} {platform.python_version()}, {n} sample dossiers")
    print(f"audit (ingest → rules):      {1000 * audit / n:8.2f} ms per dossier")
    print(f"warnings as of one day:      {1000 * warn / (n * DAYS):8.2f} ms per dossier and day")
    print(f"score under the default std: {1000 * score / (n * DAYS):8.3f} ms per dossier")


if __name__ == "__main__":
    main()
