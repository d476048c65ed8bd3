"""One hostile input through the audit, beside a good dossier, and what must hold afterwards.

`check` writes the input to a file, audits it and a good TXT dossier the way `auditor audit BAD GOOD` does (each
input on its own, then one JSON report), and returns an Outcome:
- crash: an exception escaped the pipeline or the report could not be written;
- over-budget: the input took longer than its budget (a SIGALRM interrupts Python-level loops);
- silent: the input gave neither documents nor an error;
- partial: a page is empty without being blank or named by an error (a silent partial loss);
- good-lost: the good dossier was not reported whole;
- ok.
OCR is a stand-in that reads any inked image instantly and fails when handed more pixels than the render budget:
the fuzzer exercises the paths to OCR (blank pages, quotas, page sizes) without the engine's seconds per page.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import time
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.limits import Limits
from auditor.pipeline import audit_path
from auditor.report import render_json

GOOD_TEXT = "拘留证\n犯罪嫌疑人张三，男，1980年1月1日出生。\n某某市公安局\n2023年3月5日\n=====\n起诉意见书\n犯罪嫌疑人张三于2023年3月5日被刑事拘留。"
GOOD_DOCUMENTS = 2
# Small limits keep each example quick; the limits themselves are what is being exercised.
FUZZ_LIMITS = Limits(dossier_pages=400, ocr_pages=50, tiff_frames=30, render_pixels=4_000_000, line_chars=2_000,
                     dossier_chars=2_000_000, dossier_documents=2_000)
OUTCOMES = ("ok", "crash", "over-budget", "silent", "partial", "good-lost")


@dataclass(frozen=True)
class Outcome:
    kind: str  # one of OUTCOMES
    detail: str = ""
    seconds: float = 0.0


class OverBudget(Exception):
    pass


def _fake_ocr_module(limits: Limits) -> types.ModuleType:
    module = types.ModuleType("auditor.ingest.ocr")

    class OcrUnavailable(Exception):
        pass

    def ocr_page_image(image, scale):  # noqa: ANN001
        width, height = image.size
        if width * height > limits.render_pixels * 1.05 and width * height > limits.image_pixels:
            raise AssertionError(f"OCR handed {width}×{height} px, over the render budget")
        text = "扫描件拘留证"
        return text, [(1.0 + i, 1.0, 2.0 + i, 3.0) for i in range(len(text))]

    module.OcrUnavailable = OcrUnavailable
    module.ocr_page_image = ocr_page_image
    return module


@contextlib.contextmanager
def fake_ocr(limits: Limits = FUZZ_LIMITS) -> Iterator[None]:
    saved = sys.modules.get("auditor.ingest.ocr")
    sys.modules["auditor.ingest.ocr"] = _fake_ocr_module(limits)
    try:
        yield
    finally:
        if saved is None:
            sys.modules.pop("auditor.ingest.ocr", None)
        else:
            sys.modules["auditor.ingest.ocr"] = saved


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise OverBudget(f"over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(suffix: str, data: bytes, workdir: Path, budget: float = 20.0, limits: Limits = FUZZ_LIMITS) -> Outcome:
    workdir.mkdir(parents=True, exist_ok=True)
    bad = workdir / f"input{suffix}"
    bad.write_bytes(data)
    good = workdir / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    start = time.perf_counter()
    try:
        with fake_ocr(limits), time_budget(budget):
            results = [audit_path(bad, limits=limits, name="输入1#fuzz"), audit_path(good, limits=limits, name="输入2#good")]
            report = json.loads(render_json(results).encode("utf-8"))
    except OverBudget as exc:
        return Outcome("over-budget", str(exc), time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 — this is what the fuzzer looks for
        return Outcome("crash", f"{type(exc).__name__}: {exc}"[:500], time.perf_counter() - start)
    seconds = time.perf_counter() - start
    if seconds > budget:
        return Outcome("over-budget", f"{seconds:.1f} s", seconds)
    bad_report, good_report = report["dossiers"]
    if len(good_report["documents"]) != GOOD_DOCUMENTS or good_report["errors"]:
        return Outcome("good-lost", json.dumps(good_report["errors"], ensure_ascii=False)[:300], seconds)
    if not bad_report["documents"] and not bad_report["errors"]:
        return Outcome("silent", "no documents and no error", seconds)
    lost = unexplained_pages(results[0])
    if lost:
        return Outcome("partial", f"pages {lost[:10]} empty without an error", seconds)
    return Outcome("ok", "", seconds)


def unexplained_pages(result) -> list[int]:  # noqa: ANN001
    """Pages with no text that are neither blank nor named by an error (of the page, or of its whole file)."""
    errors = result.errors
    named_pages = {e.page for e in errors if e.page is not None}
    named_files = {e.source for e in errors if e.page is None}
    return [p.number for p in result.case.dossier.pages
            if not p.text.strip() and not p.blank and p.number not in named_pages and p.source not in named_files]
