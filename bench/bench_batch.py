"""`auditor batch` at scale: synthetic 50-page text-PDF dossiers, dossiers/s and pages/s by batch size and workers.

    .venv/bin/python bench/bench_batch.py [--sizes 100 300 1000] [--workers 2] [--one-worker-size 100]

Not a timed test. The dossiers are the dense 50-page PDFs of bench_e2e (documents filled edge to edge, no page
breaks between them): `--distinct` of them are typeset once into build/bench_batch/pool/, and the N dossiers of a
run are copies of those with a unique PDF comment after %%EOF (every copy has its own content hash, so nothing is
skipped as a duplicate or resumed; pdfium ignores bytes after the last %%EOF, so each copy costs a full audit).
Each run is `auditor batch ROOT --out OUT --workers W --rerun --quiet` in a fresh process, start-up included;
the figures: wall time, dossiers/s, pages/s, peak resident memory of each worker process (its VmHWM, from the
ledger), and the size of the output (reports + ledger).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_e2e import PAGES, write_dense_pdfs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "bench_batch"


def make_root(size: int, distinct: int) -> Path:
    pool = write_dense_pdfs(BUILD / "pool", files=distinct)
    root = BUILD / f"root_{size}"
    if root.is_dir() and len(list(root.iterdir())) == size:
        return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for i in range(size):
        data = pool[i % len(pool)].read_bytes()
        (root / f"dossier_{i:04d}.pdf").write_bytes(data + f"\n% copy {i}\n".encode())
    return root


def run(size: int, workers: int, distinct: int) -> dict:
    root = make_root(size, distinct)
    out = BUILD / f"out_{size}_{workers}"
    shutil.rmtree(out, ignore_errors=True)
    auditor = Path(sys.executable).with_name("auditor")
    started = time.perf_counter()
    subprocess.run([str(auditor), "batch", str(root), "--out", str(out), "--workers", str(workers), "--rerun",
                    "--quiet"], check=True)
    seconds = time.perf_counter() - started
    ledger = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    peaks: dict[str, float] = defaultdict(float)
    for record in ledger:
        peaks[record["worker"]] = max(peaks[record["worker"]], record["peak_mb"])
    pages = sum(r["pages"] for r in ledger)
    failed = sum(1 for r in ledger if not r["readable"] or r["errors"])
    size_mb = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20
    return {"dossiers": size, "workers": workers, "seconds": round(seconds, 1), "pages": pages,
            "dossiers_per_s": round(size / seconds, 2), "pages_per_s": round(pages / seconds),
            "peak_mb_per_worker": round(max(peaks.values())), "worker_processes": len(peaks),
            "output_mb": round(size_mb, 1), "failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--one-worker-size", type=int, default=100, help="also run this size with 1 worker")
    parser.add_argument("--distinct", type=int, default=20, help="distinct PDFs typeset for the pool")
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, nproc {os.cpu_count()}, Python {platform.python_version()},"
          f" load {os.getloadavg()}, {time.strftime('%Y-%m-%d')}; {PAGES} pages per dossier")
    rows = []
    if args.one_worker_size:
        rows.append(run(args.one_worker_size, 1, args.distinct))
    rows += [run(size, args.workers, args.distinct) for size in args.sizes]
    print("| dossiers | workers | wall s | dossiers/s | pages/s | peak MiB per worker | worker processes | output MiB |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['dossiers']} | {r['workers']} | {r['seconds']} | {r['dossiers_per_s']} | {r['pages_per_s']} | "
              f"{r['peak_mb_per_worker']} | {r['worker_processes']} | {r['output_mb']} |")
        assert r["failed"] == 0, r


if __name__ == "__main__":
    main()
