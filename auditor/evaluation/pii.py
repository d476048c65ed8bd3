"""Accuracy of the redaction analyser on the labelled PII set (tests/pii/pii_cases.jsonl, tests/pii/README.md).

Per type: recall = labelled entities whose every character (line breaks aside) is covered by detected spans —
what matters for a leak —, precision = detected spans that overlap a labelled entity. Keep spans (articles, 文号,
act dates, amounts, organs, charges) overlapped by a detection are counted as damage. The party list given to the
analyser is what extraction finds in the passage (`find_parties`), as `auditor redact` does for a dossier.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from auditor.extract.parties import SUSPECT_ROLES, find_parties
from auditor.redact.analyzer import Entity, analyze


@dataclass
class PiiScores:
    passages: int = 0
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    typed: Counter = field(default_factory=Counter)  # found by a detection of the same type
    predicted: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    keep: Counter = field(default_factory=Counter)
    damaged: Counter = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (passage, type, context) for developers
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)

    def recall(self, t: str) -> float:
        return self.found[t] / self.gold[t] if self.gold[t] else 1.0

    def precision(self, t: str) -> float:
        return self.correct[t] / self.predicted[t] if self.predicted[t] else 1.0

    def table(self) -> str:
        rows = ["| type | labelled | recall | same type | detected | precision |", "|---|---:|---:|---:|---:|---:|"]
        for t in sorted(self.gold, key=lambda k: -self.gold[k]):
            rows.append(f"| {t} | {self.gold[t]} | {self.recall(t):.1%} | {self.typed[t] / self.gold[t]:.1%} | "
                        f"{self.predicted[t]} | {self.precision(t):.1%} |")
        total_gold, total_found = sum(self.gold.values()), sum(self.found.values())
        total_pred, total_ok = sum(self.predicted.values()), sum(self.correct.values())
        rows.append(f"| all | {total_gold} | {total_found / total_gold:.1%} | {sum(self.typed.values()) / total_gold:.1%}"
                    f" | {total_pred} | {total_ok / max(1, total_pred):.1%} |")
        rows += ["", "| keep kind | spans | damaged |", "|---|---:|---:|"]
        rows += [f"| {k} | {self.keep[k]} | {self.damaged[k]} |" for k in sorted(self.keep, key=lambda k: -self.keep[k])]
        return "\n".join(rows)


def party_roles(text: str) -> dict[str, str]:
    """Names extraction finds in `text` → role category (what `auditor redact` passes from the case)."""
    roles = {}
    for p in find_parties(text):
        roles.setdefault(p.name, "suspect" if p.role in SUSPECT_ROLES else {"被害人": "victim", "证人": "witness"}
                         .get(p.role, "other"))
    return roles


def evaluate(path: Path) -> PiiScores:
    scores = PiiScores()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            score_passage(json.loads(line), analyze_passage(json.loads(line)["text"]), scores)
    return scores


def analyze_passage(text: str) -> list[Entity]:
    return analyze(text, party_roles(text))


def score_passage(case: dict, entities: list[Entity], scores: PiiScores) -> None:
    text = case["text"]
    scores.passages += 1
    covered = [None] * len(text)
    for e in entities:
        for i in range(e.start, e.end):
            covered[i] = e.type
    for g in case["entities"]:
        t = g["type"]
        scores.gold[t] += 1
        chars = [i for i in range(g["start"], g["end"]) if not text[i].isspace()]
        if all(covered[i] for i in chars):
            scores.found[t] += 1
            if all(covered[i] == t for i in chars):
                scores.typed[t] += 1
        else:
            scores.misses.append((case["id"], t, _context(text, g["start"], g["end"])))
    gold_spans = [(g["start"], g["end"]) for g in case["entities"]]
    for e in entities:
        scores.predicted[e.type] += 1
        if any(s < e.end and e.start < en for s, en in gold_spans):
            scores.correct[e.type] += 1
        else:
            scores.false_positives.append((case["id"], e.type, _context(text, e.start, e.end)))
    for k in case["keep"]:
        scores.keep[k["kind"]] += 1
        if any(e.start < k["end"] and k["start"] < e.end for e in entities):
            scores.damaged[k["kind"]] += 1
            scores.false_positives.append((case["id"], "KEEP:" + k["kind"], _context(text, k["start"], k["end"])))


def _context(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 8) : start] + "【" + text[start:end] + "】" + text[end : end + 6]).replace("\n", "⏎")


def by_type(items: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for pid, t, ctx in items:
        out[t].append(f"{pid} {ctx}")
    return out


# --- synthetic dossiers: every PII string their truth lists, before and after redaction -------------------------

SYNTH_KINDS = ("names", "officers", "id_numbers", "addresses", "birth_dates")


def evaluate_synthetic(folder: Path) -> dict[str, tuple[int, int]]:
    """kind → (mentions in the dossiers' TXT files, mentions surviving `auditor redact`) over `folder`'s truth."""
    from auditor.pipeline import audit_path
    from auditor.redact.documents import redact_input

    counts: dict[str, list[int]] = {k: [0, 0] for k in SYNTH_KINDS}
    for truth_file in sorted(folder.glob("*.truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        path = folder / f"{truth['source']}.txt"
        if "pii" not in truth or not path.exists():
            continue
        original = path.read_text(encoding="utf-8")
        redacted = redact_input(path, audit_path(path)).text
        for kind in SYNTH_KINDS:
            for value in truth["pii"][kind]:
                forms = [value]
                if kind == "birth_dates":
                    y, m, d = (int(x) for x in value.split("-"))
                    forms = [value, f"{y}年{m}月{d}日"]
                for form in forms:
                    counts[kind][0] += original.count(form)
                    counts[kind][1] += redacted.count(form)
    return {k: (v[0], v[1]) for k, v in counts.items()}


def _main(argv: list[str]) -> None:
    import sys

    args = list(argv)
    folder = None
    if "--synthetic" in args:
        i = args.index("--synthetic")
        folder = Path(args[i + 1])
        del args[i : i + 2]
    for name in args:
        scores = evaluate(Path(name))
        print(f"## {name}: {scores.passages} passages\n\n{scores.table()}\n")
        for t, items in sorted(by_type(scores.misses).items()):
            print(f"missed {t}: {len(items)}")
        for t, items in sorted(by_type(scores.false_positives).items()):
            print(f"false positive {t}: {len(items)}")
    if folder is not None:
        rows = evaluate_synthetic(folder)
        print(f"## synthetic dossiers in {folder.name}\n\n| truth kind | mentions | surviving redaction |\n|---|---:|---:|")
        for kind, (seen, left) in rows.items():
            print(f"| {kind} | {seen} | {left} |")
    sys.stdout.flush()


if __name__ == "__main__":
    import sys

    _main(sys.argv[1:])
