"""Peak memory of ingesting a scanned (image-only) dossier, to show pages are streamed.

    .venv/bin/python bench/bench_memory.py [PAGES ...]

For each page count, renders that many noisy scanned pages (distinct texts recycled) into one image-only
PDF, then ingests it through OCR in a fresh child process and reports the child's peak RSS. If pages are
streamed, peak memory stays flat as the page count grows.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from auditor.synth.scan import render_scan_pdf

TEXT = (
    "临川区公安局\n拘留证\n临公（刑）拘字〔2023〕{n}号\n"
    "根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人张某某执行拘留，送临川区看守所羁押。\n"
    "临川区公安局（印）\n二〇二三年三月五日"
)

CHILD = """
import sys, resource
from auditor.ingest import load_dossier
d = load_dossier(sys.argv[1])
print(len(d.pages), sum(len(p.text) for p in d.pages), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main(counts: list[int]) -> None:
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "scan.pdf"
            render_scan_pdf([TEXT.format(n=i) for i in range(count)], pdf, seed=1)
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", CHILD, str(pdf)], capture_output=True, text=True, check=True)
            pages, chars, rss_kb = map(int, out.stdout.split())
            print(f"{pages} pages, {chars} chars, peak RSS {rss_kb / 1024:.0f} MiB, "
                  f"{time.perf_counter() - t0:.0f} s, {pdf.stat().st_size / 1e6:.1f} MB PDF")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 40])
