"""The workbench over the review store, in the real app and a real browser (Debian's chromium), beside what it
replaced (re-auditing the dossier on every click).

    .venv/bin/python bench/bench_store.py [--out docs/benchmarks.md] [--dossiers 1000]

(a) opening a stored 300-page dossier on the 案卷 page (goal < 2 s), beside auditing that dossier again;
(b) the 批次看板 over 1,000 stored dossiers (goal < 3 s).
UI times run from navigation to the end of Streamlit's script run (the page drawn), best of several loads;
the store-side share is timed alone. Figures go to docs/benchmarks.md with machine and date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import CHROMIUM, CHROMIUM_ARGS, App  # noqa: E402

from auditor.pipeline import audit_path  # noqa: E402
from auditor.report.summary import tally  # noqa: E402
from auditor.store import Store  # noqa: E402
from auditor.synth.generator import generate_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def best_of(fn, repeat: int = 3) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def machine() -> str:
    import os
    import platform

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    gib = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return f"{platform.machine()}, {os.cpu_count()} CPUs ({cpu}), {gib:.0f} GiB RAM, Python {platform.python_version()}"


MARKER = "## Review store and workbench"


def merged_pdf(pdfs: list[Path], pages: int, out: Path) -> Path:
    """One PDF of `pages` pages made of whole synthetic dossiers (the last one cut to fit)."""
    merged = pdfium.PdfDocument.new()
    while len(merged) < pages:
        for path in pdfs:
            src = pdfium.PdfDocument(str(path))
            take = min(len(src), pages - len(merged))
            merged.import_pages(src, list(range(take)))
            src.close()
            if len(merged) >= pages:
                break
    merged.save(str(out))
    merged.close()
    return out


def ui_time(app: App, path: str, ready: str, repeat: int = 4) -> tuple[float, float]:
    """(first load, best later load) in seconds: navigation until the script run has ended and `ready` is shown."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        browser = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True,
                                                       args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1000})
        page = browser.new_page()
        for _ in range(repeat):
            t0 = time.perf_counter()
            page.goto(f"{app.url}/{path}")
            page.get_by_text(ready).first.wait_for(timeout=120_000)
            page.wait_for_function(
                "() => document.querySelector('[data-testid=\"stApp\"]')"
                "?.getAttribute('data-test-script-state') === 'notRunning'", timeout=120_000)
            times.append(time.perf_counter() - t0)
        browser.close()
    return times[0], min(times[1:])


def nav_time(app: App, start: str, title: str, ready: str, repeat: int = 4) -> float:
    """Best time of opening a page from the sidebar inside a running session (no reload of the web app)."""
    from playwright.sync_api import sync_playwright

    idle = ("() => document.querySelector('[data-testid=\"stApp\"]')"
            "?.getAttribute('data-test-script-state') === 'notRunning'")
    times = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        browser = p.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True,
                                                       args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1000})
        page = browser.new_page()
        for _ in range(repeat):
            page.goto(f"{app.url}/{start}")
            page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=120_000)
            page.wait_for_timeout(500)
            page.wait_for_function(idle, timeout=120_000)
            t0 = time.perf_counter()
            page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
            page.get_by_text(ready).first.wait_for(timeout=120_000)
            page.wait_for_timeout(50)
            page.wait_for_function(idle, timeout=120_000)
            times.append(time.perf_counter() - t0 - 0.05)
        browser.close()
    return min(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--dossiers", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        generate_corpus(work / "synth", count=24, seed=11, formats=("pdf",))
        pdfs = sorted((work / "synth").glob("*.pdf"))
        big = merged_pdf(pdfs, 300, work / "dossier_300.pdf")

        # (a) a stored 300-page dossier
        app = App(work / "app-a")
        app.folder.mkdir()
        store = Store.open(app.db_url)
        store.add_user("基准", "checker")
        audit_path(pdfs[0])  # first-call costs (lexicons, OCR probe) outside the timing
        audit_s = best_of(lambda: audit_path(big), repeat=2)
        result = audit_path(big)
        dossier_id = store.save_result(result, store.start_run("bench"))
        store_s = best_of(lambda: (store.result(dossier_id), store.pages(dossier_id, {1, 2, 3})), repeat=5)
        app.start()
        try:
            open_first, open_best = ui_time(app, f"dossier?id={dossier_id}", "已审查")
            base_first, base_best = ui_time(app, "users", "当前为单用户模式")
            open_nav = nav_time(app, "users", "案卷", "已审查")
        finally:
            app.stop()

        # (b) 1,000 stored dossiers: the synthetic corpus audited once, stored as many distinct cases
        app_b = App(work / "app-b")
        app_b.folder.mkdir()
        many = Store.open(app_b.db_url)
        many.add_user("基准", "checker")
        results = [audit_path(p) for p in pdfs]
        run = many.start_run("bench")
        t0 = time.perf_counter()
        for i in range(args.dossiers):
            r = results[i % len(results)]
            many.save_result(r, run, content_hash=f"bench-{i}", case_key=f"案卷{i:04d}.pdf")
        save_s = (time.perf_counter() - t0) / args.dossiers
        findings = many.findings()
        dash_store_s = best_of(lambda: [tally(many.findings(), k) for k in ("rule", "organ", "month")], repeat=3)
        app_b.start()
        try:
            dash_first, dash_best = ui_time(app_b, "dashboard", "各规则的确认率")
            dash_nav = nav_time(app_b, "users", "批次看板", "各规则的确认率")
        finally:
            app_b.stop()

    pages = len(result.dossier.pages)
    import os

    load = os.getloadavg()[0]
    section = f"""{MARKER}

Measured {dt.date.today().isoformat()} on {machine()} (load average {load:.1f} at the end) with `bench/bench_store.py`: the real workbench
(`streamlit run app.py`) over an SQLite review store, loaded in Debian's chromium by Playwright. A UI time runs from
navigation until the page is drawn and Streamlit's script run has ended. "Reload" loads the URL afresh (the whole
web app: "first" is the first load after the app started, "warm" the best of three more); "in app" opens the page
from the sidebar in a running session, as a reviewer does. For scale, reloading a near-empty page (用户) takes
{base_first:.2f} s / {base_best:.2f} s: that much of every reload is Streamlit's own start-up in the browser.

| what | before: audit again | store only | reload (first / warm) | in app | goal |
|---|---|---|---|---|---|
| open a stored {pages}-page dossier ({len(result.findings)} findings, {len(result.documents)} documents) | `audit_path`: {audit_s:.2f} s | {store_s * 1000:.0f} ms | {open_first:.2f} s / {open_best:.2f} s | {open_nav:.2f} s | < 2 s |
| 批次看板 over {args.dossiers:,} stored dossiers ({len(findings):,} findings) | — | {dash_store_s * 1000:.0f} ms | {dash_first:.2f} s / {dash_best:.2f} s | {dash_nav:.2f} s | < 3 s |

The "before" column is a text PDF, cheap to audit again; a scanned dossier audited again is OCR'd page by page
(see § OCR), which the store now spares. Other sessions loaded this 2-core machine while it was measured (load
average above): the absolute times are upper bounds.
Storing one audited dossier (pages, documents, findings, evidence marks; one transaction): {save_s * 1000:.0f} ms.
The 案卷 page draws page images only for the first three findings' evidence (cropped around the marks); the others
on request, so its time does not grow with the dossier's length.
"""
    path = Path(args.out)
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if MARKER in existing:
        head, _, tail = existing.partition(MARKER)
        rest = tail.split("\n## ", 1)
        text = head + section + ("\n## " + rest[1] if len(rest) > 1 else "")
    else:
        text = existing.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
