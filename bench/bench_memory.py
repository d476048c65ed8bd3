"""Peak memory of ingesting a scanned (image-only) dossier, to show pages are streamed.

    .venv/bin/python bench/bench_memory.py [PAGES ...]

For each page count, renders that many noisy scanned pages (distinct texts recycled) into one image-only
PDF in a child process, then ingests it through OCR in a fresh child process and reports that process's
peak resident memory, with its resident memory after every 10% of the pages. If pages are streamed, the
curve levels off instead of growing with the page count.

The peak is the process's own high-water mark (VmHWM in /proc/self/status), not getrusage's ru_maxrss:
on Linux ru_maxrss survives execve, so a child started from a large parent reports the parent's size.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = (
    "临川区公安局\n拘留证\n临公（刑）拘字〔2023〕{n}号\n"
    "根据《中华人民共和国刑事诉讼法》第八十二条之规定，兹决定对犯罪嫌疑人张某某执行拘留，送临川区看守所羁押。\n"
    "临川区公安局（印）\n二〇二三年三月五日"
)

# Renders in batches so the renderer itself stays small, then joins them (pypdfium2 import_pages).
RENDER = """
import sys, tempfile
from pathlib import Path
import pypdfium2 as pdfium
from auditor.synth.scan import render_scan_pdf
count, out, text = int(sys.argv[1]), sys.argv[2], sys.argv[3]
whole = pdfium.PdfDocument.new()
with tempfile.TemporaryDirectory() as tmp:
    for start in range(0, count, 20):
        part = Path(tmp) / f"{start}.pdf"
        render_scan_pdf([text.format(n=i) for i in range(start, min(count, start + 20))], part, seed=1 + start)
        whole.import_pages(pdfium.PdfDocument(str(part)))
    whole.save(out)
"""

CHILD = """
import sys
from pathlib import Path
import auditor.ingest.pdf as pdf
from auditor.ingest import load_dossier

def status(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) // 1024
    return -1

total, curve = int(sys.argv[2]), []
ocr_image = pdf.ocr_image
def traced(*args, **kwargs):
    result = ocr_image(*args, **kwargs)
    curve.append(status("VmRSS"))
    return result
pdf.ocr_image = traced
d = load_dossier(sys.argv[1])
marks = sorted({max(1, round(total * k / 10)) for k in range(1, 11)})
print(len(d.pages), sum(len(p.text) for p in d.pages), status("VmHWM"))
print(" ".join(f"{m}:{curve[m - 1]}" for m in marks if m <= len(curve)))
"""


def main(counts: list[int]) -> None:
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "scan.pdf"
            subprocess.run([sys.executable, "-c", RENDER, str(count), str(pdf), TEXT], check=True)
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", CHILD, str(pdf), str(count)], capture_output=True, text=True, check=True)
            first, curve = out.stdout.strip().split("\n")
            pages, chars, peak = map(int, first.split())
            print(f"{pages} pages, {chars} chars, peak RSS {peak} MiB, {time.perf_counter() - t0:.0f} s, "
                  f"{pdf.stat().st_size / 1e6:.1f} MB PDF; RSS (MiB) after page n: {curve}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 40])
