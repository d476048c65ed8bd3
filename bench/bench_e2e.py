"""End to end: `auditor audit` on ten dense 50-page text PDFs in one call, beside bare pypdfium2 text extraction.

    .venv/bin/python bench/bench_e2e.py [--repeat 3] [--profile OUT.prof]

Each dossier is a text PDF of 50 A4 pages filled edge to edge with synthetic case documents (one document
after another, no page breaks between them), written once into build/bench_e2e/. Both sides run in fresh
processes on the same files in the same run, interleaved, median of `--repeat`:
- raw: a Python process that opens each PDF with pypdfium2 and extracts every page's text;
- auditor: `auditor audit FILE… --format json --out /dev/null` (start-up, ingest, segmentation, extraction,
  rules and the JSON report included).
Also prints the in-process steady state (pages/s of `audit_path` once everything is loaded).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "bench_e2e"
PAGES = 50
FILES = 10

RAW = """
import sys, pypdfium2 as pdfium
n = 0
for path in sys.argv[1:]:
    pdf = pdfium.PdfDocument(path)
    for page in pdf:
        tp = page.get_textpage(); n += len(tp.get_text_range()); tp.close(); page.close()
    pdf.close()
print(n)
"""


def write_dense_pdfs(out: Path = OUT, files: int = FILES, pages: int = PAGES) -> list[Path]:
    """`files` PDFs of exactly `pages` full pages of synthetic documents (cached: written once)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from auditor.synth import writers
    from auditor.synth.generator import RULES, generate_dossier

    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"dense_{i:02d}.pdf" for i in range(1, files + 1)]
    if all(p.exists() for p in paths):
        return paths
    writers._register_font()
    page_w, page_h = A4
    margin, top, bottom, size, leading = 56.0, 60.0, 56.0, 11.0, 15.0
    width = page_w - 2 * margin
    rng = random.Random(2026)
    serial = 0
    for path in paths:
        canvas = Canvas(str(path), pagesize=A4, invariant=1)
        page, y = 1, page_h - top
        while True:
            serial += 1
            dossier = generate_dossier(random.Random(serial), serial, [rng.choice(RULES)])
            lines = [line for doc in dossier.documents for line in [*doc.lines, ""]]
            for line in lines:
                for piece in writers.wrap(line, width, size) if line else [""]:
                    if y < bottom:
                        if page == pages:
                            break
                        canvas.showPage()
                        page, y = page + 1, page_h - top
                    canvas.setFont(writers.FONT_NAME, size)
                    canvas.drawString(margin, y, piece)
                    y -= leading
                else:
                    continue
                break
            else:
                continue
            break
        canvas.save()
    return paths


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def steady_state(paths: list[Path]) -> float:
    """Pages per second of the in-process pipeline once loaded (one warm-up dossier first)."""
    from auditor.pipeline import audit_path

    audit_path(paths[0])
    t0 = time.perf_counter()
    for p in paths:
        audit_path(p)
    return len(paths) * PAGES / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="auditor audit --workers N for each N (each dossier in a budgeted worker process)")
    args = parser.parse_args()
    paths = write_dense_pdfs()
    files = [str(p) for p in paths]
    py = sys.executable
    auditor = str(Path(py).with_name("auditor"))
    raw: list[float] = []
    full: dict[int, list[float]] = {n: [] for n in args.workers}
    for _ in range(args.repeat):
        raw.append(timed([py, "-c", RAW, *files]))
        for n in args.workers:
            full[n].append(timed([auditor, "audit", *files, "--format", "json", "--out", "/dev/null",
                                  "--workers", str(n)]))
    pages = len(files) * PAGES
    r = statistics.median(raw)
    print(f"{len(files)} PDFs, {pages} pages; median of {args.repeat}")
    print(f"bare pypdfium2 text:   {r:6.2f} s  {pages / r:7.0f} pages/s")
    for n, times in full.items():
        a = statistics.median(times)
        print(f"auditor audit (json), --workers {n}:  {a:6.2f} s  {pages / a:7.0f} pages/s  = {a / r:.2f}x bare")
    print(f"in-process steady state: {steady_state(paths):.0f} pages/s")


if __name__ == "__main__":
    main()
