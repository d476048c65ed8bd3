"""The hostile-input campaign of issue 16: ≥ 1,000 malformed and hostile inputs through `auditor audit BAD… GOOD`,
plus the named huge ones, each within 300 s and 2 GB; figures to docs/robustness.md.

    .venv/bin/python bench/robustness.py [--mutations 6] [--generated 120] [--out docs/robustness.md]

Inputs: every synthetic case (TXT, DOCX, PDF) mutated (flipped bytes, cuts, insertions, zeroed and duplicated
blocks); inputs drawn from the fuzzing strategies (tests/fuzz/strategies.py: PDF object graphs and page trees,
DOCX packages, ZIPs, images, pathological text); and the named cases (the 200 MB text, the 50 MB line, the
page-tree and frame bombs, the 5,000-page blank PDF, the 9000 pt page, the sub-1-MiB ZIP bomb, hostile names).
Each CLI call audits up to 10 inputs and the good dossier, in a child process whose wall time and peak RSS
(wait4) are recorded. Outcomes per input: ok (documents, or a numbered error), silent (neither), crash (an
exception reached the CLI, a traceback, or no report), over-budget, good-lost (the good dossier missing or
altered). Each input is also run in-process through the fuzzing harness, which finds silent *partial* losses
(an empty page that is neither blank nor named by an error).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
import warnings
import zipfile
from collections import Counter
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.harness import GOOD_DOCUMENTS, GOOD_TEXT, check  # noqa: E402
from fuzz.strategies import ALL  # noqa: E402

AUDITOR = str(Path(sys.executable).parent / "auditor")
BUDGET_SECONDS = 300
BUDGET_BYTES = 2 * 1024**3
CHUNK = 10


# ------------------------------------------------------------------------------------------- inputs


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    how = rng.choice(["flip", "flip", "cut", "insert", "zero", "duplicate"])
    if how == "flip":
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] ^= rng.randint(1, 255)
    elif how == "cut":
        del buf[rng.randrange(len(buf)) :]
    elif how == "insert":
        at = rng.randrange(len(buf))
        buf[at:at] = rng.randbytes(rng.randint(1, 64))
    elif how == "zero":
        at = rng.randrange(len(buf))
        buf[at : at + 512] = bytes(len(buf[at : at + 512]))
    else:
        at = rng.randrange(len(buf))
        buf[at:at] = buf[at : at + 1024]
    return bytes(buf) or b"\x00"


def mutated_inputs(out: Path, per_file: int) -> list[tuple[str, Path]]:
    from auditor.synth.generator import generate_corpus

    synth = out / "synth"
    generate_corpus(synth, count=24, seed=11, formats=("txt", "docx", "pdf"))
    rng = random.Random(16)
    inputs = []
    for source in sorted(p for p in synth.iterdir() if p.suffix in (".txt", ".docx", ".pdf")):
        data = source.read_bytes()
        for k in range(per_file):
            path = out / "mutated" / f"{source.stem}-{k}{source.suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(mutate(data, rng))
            inputs.append((f"mutated-{source.suffix[1:]}", path))
    return inputs


def generated_inputs(out: Path, per_kind: int) -> list[tuple[str, Path]]:
    inputs = []
    for kind, strategy in sorted(ALL.items()):
        drawn = _draw(strategy, per_kind)
        for i, (suffix, data) in enumerate(drawn):
            path = out / "generated" / f"{kind}-{i}{suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            inputs.append((f"generated-{kind}", path))
    return inputs


def _draw(strategy, count: int) -> list[tuple[str, bytes]]:  # noqa: ANN001
    from hypothesis import HealthCheck, Phase, given, settings

    drawn: list[tuple[str, bytes]] = []

    @settings(max_examples=count, database=None, derandomize=True, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(item: tuple[str, bytes]) -> None:
        drawn.append(item)

    collect()
    return drawn


def named_inputs(out: Path) -> list[tuple[str, Path]]:
    """The huge and hostile cases the issue names."""
    import pypdfium2 as pdfium

    named = out / "named"
    named.mkdir(parents=True, exist_ok=True)
    cases: list[tuple[str, Path]] = []
    text = (ROOT / "sample_files").glob("*.txt")
    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(text)) or GOOD_TEXT
    chunk = body.encode("utf-8")
    path = named / "text-200MB.txt"
    with path.open("wb") as f:
        while f.tell() < 200 * 1024**2:
            f.write(chunk)
    cases.append(("named-200MB-text", path))
    path = named / "line-50MB.txt"
    line = body.replace("\n", "").encode("utf-8")
    with path.open("wb") as f:
        while f.tell() < 50 * 1024**2:
            f.write(line)
    cases.append(("named-50MB-line", path))
    path = named / "line-20MB.txt"  # within the text size limit: read, split, audited
    with path.open("wb") as f:
        while f.tell() < 20 * 1024**2:
            f.write(line)
    cases.append(("named-20MB-line", path))
    kids = b" ".join([b"3 0 R"] * 20_000)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count 20000 >>" % kids,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
    pdf = io.BytesIO(b"%PDF-1.7\n")
    pdf.seek(0, 2)
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(pdf.tell())
        pdf.write(b"%d 0 obj\n%s\nendobj\n" % (number, obj))
    xref = pdf.tell()
    pdf.write(b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    pdf.write(b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    path = named / "page-tree-bomb.pdf"
    path.write_bytes(pdf.getvalue())
    cases.append(("named-page-tree-bomb", path))
    path = named / "frames-5000.tif"
    frames = [Image.new("1", (16, 16), 1) for _ in range(5_000)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    cases.append(("named-frame-bomb", path))
    doc = pdfium.PdfDocument.new()
    for _ in range(5_000):
        doc.new_page(595, 842).close()
    path = named / "blank-5000.pdf"
    doc.save(str(path))
    cases.append(("named-5000-blank-pages", path))
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(9000, 9000)
    rect = pdfium.raw.FPDFPageObj_CreateNewRect(100, 100, 4000, 200)
    pdfium.raw.FPDFPageObj_SetFillColor(rect, 0, 0, 0, 255)
    pdfium.raw.FPDFPath_SetDrawMode(rect, pdfium.raw.FPDF_FILLMODE_ALTERNATE, False)
    pdfium.raw.FPDFPage_InsertObject(page.raw, rect)
    pdfium.raw.FPDFPage_GenerateContent(page.raw)
    page.close()
    path = named / "page-9000pt.pdf"
    doc.save(str(path))
    cases.append(("named-9000pt-page", path))
    path = named / "zip-bomb-sub-MiB.zip"  # entries just under 1 MiB, packed about 100:1
    rng = random.Random(3)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(300):
            unit = body.encode("utf-8")[: 4096] + rng.randbytes(8)
            zf.writestr(f"{i:03d}.txt", (unit * (1024**2 // len(unit)))[: 1024**2 - 1])
    cases.append(("named-zip-bomb", path))
    path = named / "zip-bomb-under-ratio.zip"  # the same, packed about 80:1: under the ratio limit, so read
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        text = body[:900]
        for i in range(300):
            parts, size = [], 0
            while size < 1024**2 - 4096:
                piece = text[: rng.randrange(200, 300)] + chr(0x4E00 + rng.randrange(20000))
                parts.append(piece)
                size += len(piece.encode("utf-8"))
            zf.writestr(f"{i:03d}.txt", "".join(parts).encode("utf-8"))
    cases.append(("named-zip-bomb-under-ratio", path))
    gbk = os.fsdecode(os.fsencode(named) + b"/" + "拘留证".encode("gbk") + b".txt")
    Path(gbk).write_text(GOOD_TEXT, encoding="utf-8")
    cases.append(("named-gbk-name", Path(gbk)))
    path = named / "张三_110101199003071234_13800138000.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    cases.append(("named-pii-name", path))
    folder = named / "symlink-case"
    folder.mkdir(exist_ok=True)
    (folder / "1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    link = folder / "passwd.txt"
    if not link.is_symlink():
        link.symlink_to("/etc/passwd")
    cases.append(("named-symlink-folder", folder))
    return cases


# ---------------------------------------------------------------------------------------------- runs


def run_cli(paths: list[Path], good: Path, out: Path, timeout: float = BUDGET_SECONDS, extra: tuple[str, ...] = ()) -> dict:
    """One `auditor audit` child: exit code, wall seconds, peak RSS (bytes), stderr tail, the parsed report."""
    report = out / "report.json"
    report.unlink(missing_ok=True)
    cmd = [AUDITOR, "audit", "--format", "json", "--out", str(report), *extra, *map(str, paths), str(good)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    try:
        parsed = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        parsed = None
    return {"code": code, "seconds": seconds, "rss": usage.ru_maxrss * 1024, "stderr": stderr.decode("utf-8", "replace")[-400:],
            "report": parsed, "timed_out": seconds >= timeout}


def classify(call: dict, count: int) -> list[tuple[str, str]]:
    """(outcome, what the report says) for each of the `count` bad inputs of one call."""
    if call["timed_out"] or call["rss"] > BUDGET_BYTES:
        return [("over-budget", f"{call['seconds']:.0f} s, {call['rss'] / 2**20:.0f} MiB")] * count
    if call["code"] not in (0, 2) or call["report"] is None or "Traceback" in call["stderr"]:
        return [("crash", f"exit {call['code']}: {call['stderr'][-200:]}")] * count
    dossiers = call["report"]["dossiers"]
    good = dossiers[-1]
    if len(good["documents"]) != GOOD_DOCUMENTS or good["errors"]:
        return [("good-lost", "")] * count
    out = []
    for d in dossiers[:-1]:
        codes = ",".join(sorted({e["code"] for e in d["errors"]}))
        out.append(("ok", codes or "documents") if d["documents"] or d["errors"] else ("silent", ""))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mutations", type=int, default=6, help="mutants per synthetic file (72 files)")
    parser.add_argument("--generated", type=int, default=120, help="inputs per fuzzing strategy (5 strategies)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "robustness.md"))
    parser.add_argument("--work", default=None, help="folder for the inputs (default: a temporary one)")
    parser.add_argument("--bulk-ocr-pages", type=int, default=4,
                        help="OCR pages per input in the bulk calls (a damaged text layer sends a whole PDF to OCR)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    work = Path(args.work or tempfile.mkdtemp(prefix="auditor-robustness-"))
    work.mkdir(parents=True, exist_ok=True)
    good = work / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    bulk = mutated_inputs(work, args.mutations) + generated_inputs(work, args.generated)
    named = named_inputs(work)
    print(f"{len(bulk)} bulk inputs, {len(named)} named, in {work}", flush=True)
    rows: list[dict] = []
    calls: list[dict] = []
    for start in range(0, len(bulk), CHUNK):
        chunk = bulk[start : start + CHUNK]
        extra = ("--limit", f"ocr_pages={args.bulk_ocr_pages}")
        call = run_cli([p for _, p in chunk], good, work, extra=extra)
        verdicts = classify(call, len(chunk))
        if any(v != "ok" for v, _ in verdicts) and len(chunk) > 1:  # attribute a lost call to its input
            verdicts = [classify(run_cli([p], good, work, extra=extra), 1)[0] for _, p in chunk]
        calls.append(call)
        for (kind, path), (verdict, detail) in zip(chunk, verdicts, strict=True):
            rows.append({"kind": kind, "input": path.name, "outcome": verdict, "detail": detail,
                         "seconds": call["seconds"] / len(chunk), "rss": call["rss"]})
        print(f"  {start + len(chunk)}/{len(bulk)}", flush=True)
    named_rows = []
    for kind, path in named:
        call = run_cli([path], good, work)
        verdict, detail = classify(call, 1)[0]
        named_rows.append({"kind": kind, "outcome": verdict, "detail": detail, "seconds": call["seconds"],
                           "rss": call["rss"]})
        print(f"  {kind}: {verdict} {detail} {call['seconds']:.1f} s {call['rss'] / 2**20:.0f} MiB", flush=True)
    # Silent partial losses: each bulk input through the in-process harness (OCR stand-in, small limits).
    partial = Counter()
    for kind, path in bulk:
        outcome = check(path.suffix, path.read_bytes(), work / "inproc", budget=120)
        partial[outcome.kind] += 1
        if outcome.kind != "ok":
            rows.append({"kind": kind, "input": path.name, "outcome": f"harness-{outcome.kind}", "detail": outcome.detail,
                         "seconds": outcome.seconds, "rss": 0})
    write_report(Path(args.out), rows, named_rows, calls, partial, len(bulk), args.bulk_ocr_pages)
    bad = [r for r in rows + named_rows if r["outcome"] != "ok"]
    for r in bad:
        print("NOT OK", r)
    return 1 if bad else 0


def write_report(out: Path, rows: list[dict], named_rows: list[dict], calls: list[dict], partial: Counter[str],
                 bulk: int, bulk_ocr_pages: int) -> None:
    by_kind: dict[str, Counter[str]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], Counter())[r["outcome"]] += 1
    outcomes = sorted({o for c in by_kind.values() for o in c})
    lines = [
        "# Robustness: hostile and huge inputs",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.node()} ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}), by `.venv/bin/python bench/robustness.py` (issue 16). Each CLI call is "
        f"`auditor audit --format json BAD… GOOD.txt` in its own process, budget {BUDGET_SECONDS} s and "
        f"{BUDGET_BYTES // 2**30} GB. The bulk calls (10 inputs each) run with `--limit ocr_pages={bulk_ocr_pages}` per "
        "input — a mutated PDF whose text layer broke goes to OCR page by page, and the limit (an E086 error for the "
        "rest) keeps a thousand inputs within an hour; the named cases run with the default limits.",
        "",
        f"## {bulk + len(named_rows)} inputs by kind and outcome",
        "",
        "| kind | inputs | " + " | ".join(outcomes) + " |",
        "| --- | ---: | " + " | ".join("---:" for _ in outcomes) + " |",
    ]
    for kind in sorted(by_kind):
        counts = by_kind[kind]
        inputs = sum(n for o, n in counts.items() if not o.startswith("harness-"))
        lines.append(f"| {kind} | {inputs} | " + " | ".join(str(counts.get(o, 0)) for o in outcomes) + " |")
    total = Counter(r["outcome"] for r in rows)
    lines += [
        "",
        f"Outcomes of the CLI runs: {', '.join(f'{k} {v}' for k, v in sorted(total.items()) if not k.startswith('harness-'))}. "
        "`ok` means documents or a numbered error for that input, and the good dossier of the same call reported whole.",
        f"In-process harness (silent partial losses: an empty page neither blank nor named by an error): "
        f"{', '.join(f'{k} {v}' for k, v in sorted(partial.items()))}.",
        "",
        "## Named cases",
        "",
        "| case | outcome | what the report says | seconds | peak RSS (MiB) |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for r in named_rows:
        lines.append(f"| {r['kind'][6:]} | {r['outcome']} | {r['detail']} | {r['seconds']:.1f} | {r['rss'] / 2**20:.0f} |")
    slow = ", ".join(f"{c['seconds']:.1f} s" for c in sorted(calls, key=lambda c: -c["seconds"])[:5])
    lines += [
        "",
        "## Slowest and largest calls of the bulk run (10 inputs + the good dossier each)",
        "",
        f"Slowest: {slow}. "
        f"Peak RSS: max {max(c['rss'] for c in calls) / 2**20:.0f} MiB, "
        f"median {sorted(c['rss'] for c in calls)[len(calls) // 2] / 2**20:.0f} MiB over {len(calls)} calls.",
        "",
    ]
    kept = ""  # the linear-cost section (bench/linear_cost.py) survives a new campaign
    if out.exists():
        old = out.read_text(encoding="utf-8")
        if "<!-- linear-cost -->" in old:
            kept = "\n" + old[old.index("<!-- linear-cost -->") :]
    out.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
