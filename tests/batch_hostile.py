"""Stand-ins for hostile dossiers, run by a batch worker (`BudgetPool(audit="batch_hostile:audit_path")`).

The file name says how the dossier behaves; any other file is audited by the real pipeline. They stand in for the
inputs of issue 16 (a line that makes a step hang, a page that renders to gigabytes, a native crash) without
depending on which of those the pipeline still mishandles.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from auditor.pipeline import audit_path as real_audit_path


def audit_path(path: str, profile: str | None = None, **options):  # noqa: ANN003, ANN201 — AuditResult
    name = Path(path).name
    if "hang" in name:
        while True:
            time.sleep(1)
    if "hog" in name:
        hoard = []
        while True:  # 50 MB a step, every page touched: resident memory grows until the budget stops it
            hoard.append(bytearray(50 * 2**20))
            for i in range(0, len(hoard[-1]), 4096):
                hoard[-1][i] = 1
            time.sleep(0.02)
    if "crash" in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "raise" in name:
        raise ValueError("张三 110101199001011234")  # a message with PII: the report must keep only the type
    if "slow" in name:
        time.sleep(float(os.environ.get("BATCH_SLOW_SECONDS", "0.5")))
    return real_audit_path(path, profile=profile, **options)  # name, limits: as the real worker passes them
