"""Title classification accuracy on noisy synthetic scans: render, OCR, segment, compare the type.

Every document type of lexicons/doc_types.yaml (and each alias) is set as the title of a short official
page — with an organ prefix on the title line, an organ line above it, or alone — rendered as a noisy
A4 scan (`auditor.synth.scan`: skew, blur, speckles, JPEG, seal, signature), read through the
auditor's own image path (`load_dossier` on the JPEG: OCR, normalisation) and segmented. A sample is
right when the page's first document has the expected type. Results go to docs/benchmarks.md under
"## Title classification" (other sections are kept).

    .venv/bin/python bench/bench_titles.py [--limit N] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from auditor.ingest import load_dossier
from auditor.lexicon import doc_types
from auditor.segment import segment
from auditor.synth.scan import ScanNoise, render_scan_image

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
SEED = 31

ORGANS = {
    "police": ["某某市公安局", "大连市公安局甘井子分局", "临川区公安局", "左贡县公安局"],
    "procuratorate": ["某某市人民检察院", "左贡县人民检察院", "某某区人民检察院"],
    "court": ["某某市中级人民法院", "某某县人民法院"],
}
ORGANS["any"] = [o for names in ORGANS.values() for o in names]
BODY = (
    "某公（刑）字〔2023〕第{n:03d}号\n"
    "犯罪嫌疑人王某某，男，1988年6月2日出生，汉族，初中文化，住某某市某某区某某路12号。"
    "因涉嫌盗窃罪，本案依照《中华人民共和国刑事诉讼法》的有关规定办理。\n"
    "经审查，本案事实清楚，证据确实、充分，现将有关情况予以载明，请依法办理。\n"
    "特此告知。\n{organ}\n二〇二三年五月{day}日"
)
DAYS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Sample:
    title: str  # as printed
    expected: str  # canonical type
    layout: str  # inline | above | alone
    text: str


def samples(seed: int = SEED) -> list[Sample]:
    rng = random.Random(seed)
    out: list[Sample] = []
    layouts = ("inline", "above", "alone")
    for k, entry in enumerate(doc_types()):
        for title in [entry["type"], *(entry.get("aliases") or [])]:
            organ = rng.choice(ORGANS.get(entry.get("organ", "any"), ORGANS["any"]))
            layout = layouts[len(out) % 3]
            # A title line is centred only when short: long organ+title lines go above instead.
            if layout == "inline" and len(organ + title) > 20:
                layout = "above"
            head = {"inline": organ + title, "above": f"{organ}\n{title}", "alone": title}[layout]
            body = BODY.format(n=k + 1, organ=organ, day=rng.choice(DAYS))
            out.append(Sample(title, entry["type"], layout, f"{head}\n{body}"))
    return out


def classify(sample: Sample, seed: int, tmp: Path) -> str:
    """Type of the first document the auditor finds on the rendered page (its full image path)."""
    path = tmp / f"{seed}.jpg"
    render_scan_image(sample.text, seed, ScanNoise()).save(path, quality=95)
    dossier = load_dossier(path)
    docs = segment(dossier)
    return docs[0].type if docs else "（无）"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(
            line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    return f"{cpu}; nproc {os.cpu_count()}; Python {platform.python_version()}"


def write_section(section: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(r"## Title classification\n.*?(?=\n## |\Z)", re.S)
    text = pattern.sub(lambda _: section.rstrip("\n") + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="only the first N samples (0: all)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    todo = samples()
    if args.limit:
        todo = todo[: args.limit]
    confusions: Counter[tuple[str, str]] = Counter()
    by_layout: Counter[str] = Counter()
    wrong_by_layout: Counter[str] = Counter()
    load = os.getloadavg()[0]
    t0, cpu0 = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        for i, sample in enumerate(todo):
            got = classify(sample, SEED * 1000 + i, Path(tmp))
            by_layout[sample.layout] += 1
            if got != sample.expected:
                confusions[(sample.title, got)] += 1
                wrong_by_layout[sample.layout] += 1
                print(f"MISS {sample.layout:6} {sample.title} -> {got}", flush=True)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    n = len(todo)
    right = n - sum(confusions.values())
    accuracy = right / n if n else 0.0
    print(f"{right}/{n} = {accuracy:.3f} in {seconds:.0f} s")
    layouts = ", ".join(f"{k} {by_layout[k] - wrong_by_layout[k]}/{by_layout[k]}" for k in ("inline", "above", "alone"))
    rows = "\n".join(f"| {title} | {got} | {count} |" for (title, got), count in confusions.most_common()) or "| — | — | 0 |"
    section = f"""## Title classification

Measured {dt.date.today().isoformat()} by `bench/bench_titles.py` on {machine()}; {seconds:.0f} s wall,
{cpu:.0f} s CPU (all threads) for {n} pages; load average {load:.1f} at start.

Input: every type and alias of `lexicons/doc_types.yaml` ({n} titles) as the title of a short official page —
organ prefix on the title line, organ line above the title, or the title alone — rendered as a noisy A4 scan
(`auditor.synth.scan`: skew up to 2°, blur, speckles, JPEG quality 40, red seal, pen signature), read by
`load_dossier` (OCR at the image's own resolution, normalisation) and segmented; right when the page's first
document has the expected type.

- Accuracy: **{right}/{n} = {accuracy:.1%}** (goal ≥ 98 %). By layout: {layouts}.

| printed title | classified as | count |
|---|---|---|
{rows}
"""
    if not args.no_write:
        write_section(section)
    print(section)


if __name__ == "__main__":
    main()
