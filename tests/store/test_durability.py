"""A decision reported as saved survives the process being killed; the migrations and the models agree."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from auditor.pipeline import audit_path
from auditor.store import Store
from auditor.store.db import alembic_config, make_engine
from auditor.store.schema import Base

ROOT = Path(__file__).resolve().parents[2]
CASE_09 = ROOT / "sample_files" / "case_09_arrest_deadline_outdated_citation.pdf"

# Decides one finding after another, printing each decision's id once `decide` has returned (the UI shows
# 已保存 at that point), until it is killed.
TRIAGE = """
import sys
from auditor.store import Store
store = Store.open(sys.argv[1])
ids = [f.finding_id for f in store.findings()]
n = 0
while True:
    status = ("confirmed", "dismissed", "pending")[n % 3]
    reason = {"confirmed": None, "dismissed": "D01", "pending": "P01"}[status]
    d = store.decide(ids[n % len(ids)], status, by="张三", reason=reason, comment=str(n))
    print(d.id, flush=True)
    n += 1
"""


def test_killed_mid_triage_loses_no_saved_decision(store_url: str) -> None:
    store = Store.open(store_url)
    store.save_result(audit_path(CASE_09), store.start_run("test"))
    proc = subprocess.Popen([sys.executable, "-c", TRIAGE, store_url], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    reported: list[int] = []
    deadline = time.monotonic() + 120
    while len(reported) < 25 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        reported.append(int(line))
    os.kill(proc.pid, signal.SIGKILL)  # mid-triage: it is deciding the next one right now
    proc.wait()
    assert len(reported) >= 25, "the triage process did not get going"
    logged = {d.id for d in Store.open(store_url).decisions()}
    assert set(reported) <= logged
    store.close()


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = make_engine(url)
    Store(url).close()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    command.downgrade(alembic_config(url), "base")
    command.upgrade(alembic_config(url), "head")
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
