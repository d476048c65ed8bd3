"""Extraction accuracy on the real dev corpus (../shared/dev-corpus/real, labels.jsonl).

Each file becomes a one-document case (type and date from its label) and goes through extract_case.
Scoring, per field:
- events: (action, date, person). A label's `accept` names alternative actions that also count; a
  label without a person matches on action and date. Recall counts labels found. Precision counts the
  produced events that have a date (labels list dated facts only; an act's own document with an
  unreadable date yields an undated event, reported as `unscored`). A produced event matching no
  label is a false positive; one that falls on the date of an `other_events` entry (a prior conviction,
  传唤 to the station, 案发 …) is also reported as a trap hit.
- citations: distinct (law, article, article_suffix, paragraph, item) tuples.
- persons: the suspects / defendants of the case.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from auditor.model import Case, Document, Dossier, Event, Page
from auditor.nlp.extract import extract_case

_HEADER_END = re.compile(r"^---[ \t]*$", re.M)


def strip_header(raw: str) -> str:
    """Drop the corpus header ("kind: …" lines up to a "---" line) when there is one."""
    if raw.startswith("kind:"):
        m = _HEADER_END.search(raw)
        if m:
            return raw[m.end() :].lstrip("\n")
    return raw


def one_document_case(text: str, source: str, doc_type: str, date: str | None) -> Case:
    dossier = Dossier(source=source, pages=[Page(number=1, text=text, source=source, method="txt")])
    dossier.build_text()
    doc = Document(id="d1", type=doc_type, title=doc_type, start=0, end=len(text), text=text, pages=[1], date=date)
    return Case(dossier=dossier, documents=[doc])


def _doc_type(label: str) -> str:
    return label.split("(")[0].strip()  # "刑事判决书(excerpt, masked)" → "刑事判决书"


def _matches(gold: dict[str, Any], ev: Event) -> bool:
    actions = {gold["action"], *gold.get("accept", [])}
    if ev.action not in actions or ev.date != gold.get("date"):
        return False
    return gold.get("person") is None or ev.person == gold["person"]


def _cite_key(c: Any) -> tuple[Any, ...]:
    get = c.get if isinstance(c, dict) else lambda k: getattr(c, k)
    return (get("law"), get("article"), get("article_suffix"), get("paragraph"), get("item"))


def _score(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _evaluate_file(label: dict[str, Any], dev_dir: Path) -> dict[str, Any]:
    raw = (dev_dir / label["file"]).read_text(encoding="utf-8")
    case = one_document_case(strip_header(raw), label["file"], _doc_type(label["doc_type"]), label.get("document_date"))
    extract_case(case)
    gold = label.get("events", [])
    dated = [e for e in case.events if e.date is not None]
    found = [g for g in gold if any(_matches(g, e) for e in dated)]
    false = [e for e in dated if not any(_matches(g, e) for g in gold)]
    other_dates = {o.get("date") for o in label.get("other_events", []) if o.get("date")}
    gold_c = {_cite_key(c) for c in label.get("citations", [])}
    got_c = {_cite_key(c) for c in case.citations}
    gold_p, got_p = set(label.get("persons", [])), set(case.persons)
    return {
        "file": label["file"],
        "events": {"tp": len(found), "fp": len(false), "fn": len(gold) - len(found)},
        "citations": {"tp": len(gold_c & got_c), "fp": len(got_c - gold_c), "fn": len(gold_c - got_c)},
        "persons": {"tp": len(gold_p & got_p), "fp": len(got_p - gold_p), "fn": len(gold_p - got_p)},
        "missed_events": [g for g in gold if g not in found],
        "false_events": [{"action": e.action, "date": e.date, "person": e.person} for e in false],
        "trap_hits": [{"action": e.action, "date": e.date} for e in false if e.date in other_dates],
        "unscored_events": len(case.events) - len(dated),
        "missed_citations": sorted(map(str, gold_c - got_c)),
        "false_citations": sorted(map(str, got_c - gold_c)),
    }


def evaluate_real(dev_dir: Path) -> dict[str, Any]:
    """Per-field precision / recall / F1 over every labelled file, with per-file details."""
    dev_dir = Path(dev_dir)
    labels = [json.loads(line) for line in (dev_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    files = [_evaluate_file(label, dev_dir) for label in labels]
    fields = {
        name: _score(*(sum(f[name][k] for f in files) for k in ("tp", "fp", "fn")))
        for name in ("events", "citations", "persons")
    }
    return {
        "files": files,
        "fields": fields,
        "trap_hits": sum(len(f["trap_hits"]) for f in files),
        "unscored_events": sum(f["unscored_events"] for f in files),
    }


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table: one row per field, then one per file."""
    lines = [f"{'field':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name, s in result["fields"].items():
        lines.append(f"{name:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")
    lines.append(f"trap hits (other_events produced): {result['trap_hits']}; undated events not scored: {result['unscored_events']}")
    lines.append("")
    lines.append(f"{'file':<18} {'events tp/fp/fn':>16} {'citations tp/fp/fn':>19} {'persons tp/fp/fn':>17}")
    for f in result["files"]:
        cells = ["/".join(str(f[k][x]) for x in ("tp", "fp", "fn")) for k in ("events", "citations", "persons")]
        lines.append(f"{f['file']:<18} {cells[0]:>16} {cells[1]:>19} {cells[2]:>17}")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m auditor.evaluation [DEV_DIR]
    import sys

    default = Path(__file__).resolve().parents[2] / "shared" / "dev-corpus" / "real"
    print(format_report(evaluate_real(Path(sys.argv[1]) if len(sys.argv) > 1 else default)))
