"""Extraction accuracy on the real dev corpus (../shared/dev-corpus/real, labels.jsonl).

Each file becomes a one-document case (type and date from its label, so that events and citations are
measured apart from segmentation) and goes through build_case. Scoring, per field:
- events: (action, date, person). A label's `accept` names alternative actions that also count; a
  label without a person matches on action and date. The document's own act (a 起诉书's 提起公诉, a 讯问笔录's
  讯问: doc_types.yaml `act`, evidenced by nothing but the document's title, no dated narrative) is not scored: the case is built
  from the label's own type and date, so that event echoes the label, and the labels list the acts the text
  tells. Recall counts labels found. Precision counts the produced events that have a date (labels list dated facts only; an act's own document with an
  unreadable date yields an undated event, reported as `unscored`; a label without a date is not scored
  either, reported as `undated_labels`). A produced event matching no
  label is a false positive; one that falls on the date of an `other_events` entry (a prior conviction,
  传唤 to the station, 案发 …) is also reported as a trap hit.
- citations: distinct (law, article, article_suffix, paragraph, item) tuples.
- dates: the distinct dates the label knows as facts of the case (its document date and its events'
  dates) against the dates produced (the signature date read by segmentation, the events' dates).
  `date_mentions` adds a recall-only check of the date parser: every date the label names, prior
  convictions and 案发 included, must be among the dates read from the text.
- parties: the suspects / defendants of the case (names; the labels hold no other detail).
- documents: the file segmented as a dossier of its own: (type, signature date) of each document.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.extract.case import build_case
from auditor.ingest.normalize import normalize_page
from auditor.ingest.text import unmark_markdown
from auditor.lexicon import doc_type_act
from auditor.model import Case, Document, Dossier, Event, Page
from auditor.segment.fields import find_date
from auditor.segment.segmenter import segment
from auditor.text.dates import find_dates

_HEADER_END = re.compile(r"^---[ \t]*$", re.M)
FIELDS = ("events", "citations", "dates", "parties", "documents")


@dataclass
class Score:
    """Counts of one field or rule. A ratio with nothing to count is None ("n/a"), never 0 or 1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add_sets(self, expected: set[Any], found: set[Any]) -> None:
        self.tp += len(expected & found)
        self.fp += len(found - expected)
        self.fn += len(expected - found)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        # 2PR/(P+R) written on counts: defined whenever anything was expected or found.
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": r(self.precision), "recall": r(self.recall), "f1": r(self.f1)}


def ratio(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def strip_header(raw: str) -> str:
    """Drop the corpus header ("kind: …" lines up to a "---" line) when there is one."""
    if raw.startswith("kind:"):
        m = _HEADER_END.search(raw)
        if m:
            return raw[m.end() :].lstrip("\n")
    return raw


def one_page_dossier(text: str, source: str) -> Dossier:
    dossier = Dossier(source=source, pages=[Page(number=1, text=text, source=source, method="txt")])
    dossier.build_text()
    return dossier


def one_document_case(text: str, source: str, doc_type: str, date: str | None) -> Case:
    """The case extraction builds from `text` as one document of `doc_type` dated `date` (ISO)."""
    day = dt.date.fromisoformat(date) if date else None
    doc = Document(id="d1", type=doc_type, title=doc_type, start=0, end=len(text), text=text, pages=(1,), date=day)
    case, _ = build_case(one_page_dossier(text, source), [doc])
    return case


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _doc_type(label: str) -> str:
    return label.split("(")[0].strip()  # "刑事判决书(excerpt, masked)" → "刑事判决书"


def _matches(gold: dict[str, Any], ev: Event) -> bool:
    actions = {gold["action"], *gold.get("accept", [])}
    if ev.action not in actions or iso(ev.date) != gold.get("date"):
        return False
    return gold.get("person") is None or ev.person == gold["person"]


def _own_act_only(ev: Event, doc_type: str) -> bool:
    """Is `ev` the document's own act, with no narrative evidence of it? Narrative evidence runs from a date to the
    act; the own act's is the title (or the text's opening)."""
    if ev.action not in {doc_type_act(doc_type), "指定居所监视居住"}:
        return False
    return not any(m.iso for e in ev.evidence for m in find_dates(e.quote))


# A title nested in another's marks is one title however they are written: 《A〈B〉》, 《A<B>》, A《B》 (a label may keep
# them as written, the tool drops them; an unknown law is compared by its title).
_INNER_MARKS = re.compile(r"[《》〈〉<>＜＞﹤﹥]")


def _cite_key(c: Any) -> tuple[Any, ...]:
    get = c.get if isinstance(c, dict) else lambda k: getattr(c, k)
    law = _INNER_MARKS.sub("", get("law") or "")
    return (law, get("article"), get("article_suffix"), get("paragraph"), get("item"))


def _counts(expected: set[Any], found: set[Any]) -> dict[str, int]:
    return {"tp": len(expected & found), "fp": len(found - expected), "fn": len(expected - found)}


def _evaluate_file(label: dict[str, Any], dev_dir: Path) -> dict[str, Any]:
    # as load_text and the loader's page normalisation read it
    text = normalize_page(unmark_markdown(strip_header((dev_dir / label["file"]).read_text(encoding="utf-8"))), None)[0]
    doc_type = _doc_type(label["doc_type"])
    case = one_document_case(text, label["file"], doc_type, label.get("document_date"))
    gold = [g for g in label.get("events", []) if g.get("date")]  # a label without a date cannot be matched
    own = [e for e in case.events if e.date is not None and _own_act_only(e, doc_type)]
    dated = [e for e in case.events if e.date is not None and e not in own]
    # A document's own act is not scored unless its label lists it (a 起诉书's 提起公诉 on its signature date,
    # real round ax); then producing it finds it.
    found = [g for g in gold if any(_matches(g, e) for e in (*dated, *own))]
    false = [e for e in dated if not any(_matches(g, e) for g in gold)]
    other_dates = {o.get("date") for o in label.get("other_events", []) if o.get("date")}
    gold_c = {_cite_key(c) for c in label.get("citations", [])}
    got_c = {_cite_key(c) for c in case.citations}
    gold_p, got_p = set(label.get("persons", [])), set(case.persons)
    gold_d = {label.get("document_date")} | {g.get("date") for g in gold}
    gold_d.discard(None)
    got_d = {iso(find_date(text, doc_type))} | {iso(e.date) for e in dated}
    got_d.discard(None)
    known = gold_d | other_dates
    read = {m.iso for m in find_dates(text) if m.iso}
    gold_docs = {(doc_type, label.get("document_date"))}
    got_docs = {(d.type, iso(d.date)) for d in segment(one_page_dossier(text, label["file"]))}
    return {
        "file": label["file"],
        "events": {"tp": len(found), "fp": len(false), "fn": len(gold) - len(found)},
        "citations": _counts(gold_c, got_c),
        "dates": _counts(gold_d, got_d),
        "parties": _counts(gold_p, got_p),
        "documents": _counts(gold_docs, got_docs),
        "date_mentions": {"known": len(known), "read": len(known & read), "missed": sorted(known - read)},
        "missed_events": [g for g in gold if g not in found],
        "false_events": [{"action": e.action, "date": iso(e.date), "person": e.person} for e in false],
        "trap_hits": [{"action": e.action, "date": iso(e.date)} for e in false if iso(e.date) in other_dates],
        "unscored_events": len(case.events) - len(dated) - len(own),
        "own_act_events": len(own),
        "undated_labels": len(label.get("events", [])) - len(gold),
        "missed_citations": sorted(map(str, gold_c - got_c)),
        "false_citations": sorted(map(str, got_c - gold_c)),
        "missed_dates": sorted(gold_d - got_d),
        "false_dates": sorted(got_d - gold_d),
        "missed_documents": sorted(map(str, gold_docs - got_docs)),
        "false_documents": sorted(map(str, got_docs - gold_docs)),
    }


def evaluate_real(dev_dir: Path) -> dict[str, Any]:
    """Per-field precision / recall / F1 over every labelled file, with per-file details."""
    dev_dir = Path(dev_dir)
    labels = [json.loads(line) for line in (dev_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    files = [_evaluate_file(label, dev_dir) for label in labels]
    fields = {name: Score(*(sum(f[name][k] for f in files) for k in ("tp", "fp", "fn"))).to_dict() for name in FIELDS}
    known = sum(f["date_mentions"]["known"] for f in files)
    read = sum(f["date_mentions"]["read"] for f in files)
    return {
        "files": files,
        "fields": fields,
        "date_mentions": {"known": known, "read": read, "recall": round(read / known, 4) if known else None},
        "trap_hits": sum(len(f["trap_hits"]) for f in files),
        "unscored_events": sum(f["unscored_events"] for f in files),
        "own_act_events": sum(f["own_act_events"] for f in files),
        "undated_labels": sum(f["undated_labels"] for f in files),
    }


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table: one row per field, then one per file."""
    lines = ["真实开发语料评估", f"{'field':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name, s in result["fields"].items():
        lines.append(
            f"{name:<10} {ratio(s['precision']):>6} {ratio(s['recall']):>6} {ratio(s['f1']):>6} "
            f"{s['tp']:>4} {s['fp']:>4} {s['fn']:>4}"
        )
    dm = result["date_mentions"]
    lines.append(f"date mentions read (recall, every labelled date): {dm['read']}/{dm['known']}")
    lines.append(f"trap hits (other_events produced): {result['trap_hits']}; undated events not scored: "
                 f"{result['unscored_events']} produced, {result['undated_labels']} labelled; "
                 f"documents' own acts not scored: {result['own_act_events']}")
    lines.append("")
    lines.append(f"{'file':<18} " + " ".join(f"{name + ' tp/fp/fn':>20}" for name in FIELDS))
    for f in result["files"]:
        cells = ["/".join(str(f[k][x]) for x in ("tp", "fp", "fn")) for k in FIELDS]
        lines.append(f"{f['file']:<18} " + " ".join(f"{c:>20}" for c in cells))
    misses = [
        f"{f['file']}: {kind} {item}"
        for f in result["files"]
        for kind in ("missed_dates", "false_dates", "missed_documents", "false_documents")
        for item in f[kind]
    ]
    if misses:
        lines += ["", "差异：", *misses]
    return "\n".join(lines)


if __name__ == "__main__":  # python -m auditor.evaluation.real [DEV_DIR]
    import sys

    default = Path(__file__).resolve().parents[2] / "shared" / "dev-corpus" / "real"
    print(format_report(evaluate_real(Path(sys.argv[1]) if len(sys.argv) > 1 else default)))
