"""`make fuzz`: the hostile-input strategies with a large budget; every input that crashes, hangs, runs over its
budget or is silently (partly) dropped is written to tests/fuzz/corpus/ and so becomes a regression case of
`make test` (tests/fuzz/test_fuzz.py::test_corpus_case).

    python tests/fuzz/run.py [--examples N] [--budget SECONDS] [--kinds pdf docx …]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ on the path, as under pytest

from fuzz.harness import OUTCOMES, check  # noqa: E402
from fuzz.strategies import ALL  # noqa: E402

CORPUS = Path(__file__).parent / "corpus"


def save(kind: str, suffix: str, data: bytes, outcome_kind: str, detail: str) -> Path:
    CORPUS.mkdir(exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()[:12]
    path = CORPUS / f"{outcome_kind}-{kind}-{digest}{suffix}"
    path.write_bytes(data)
    with (CORPUS / "README.md").open("a", encoding="utf-8") as notes:
        notes.write(f"- `{path.name}`: {outcome_kind} — {detail[:200]}\n")
    return path


def fuzz(kind: str, examples: int, budget: float, counts: Counter[str], saved: list[Path]) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="auditor-fuzz-"))

    # Generation only, no database, never raising: a bad input is saved and the search goes on.
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(ALL[kind])
    def run(drawn: tuple[str, bytes]) -> None:
        suffix, data = drawn
        outcome = check(suffix, data, workdir / str(counts.total()), budget=budget)
        counts[outcome.kind] += 1
        if outcome.kind != "ok":
            saved.append(save(kind, suffix, data, outcome.kind, outcome.detail))
            print(f"  {outcome.kind}: {saved[-1].name} ({outcome.detail[:120]})", flush=True)

    run()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=2000, help="inputs per kind")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds one input may take")
    parser.add_argument("--kinds", nargs="+", choices=sorted(ALL), default=sorted(ALL))
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # damaged files make the libraries warn on every example
    saved: list[Path] = []
    for kind in args.kinds:
        counts: Counter[str] = Counter()
        start = time.perf_counter()
        fuzz(kind, args.examples, args.budget, counts, saved)
        summary = ", ".join(f"{k} {counts[k]}" for k in OUTCOMES if counts[k])
        print(f"{kind}: {counts.total()} inputs in {time.perf_counter() - start:.0f} s — {summary}", flush=True)
    print(f"{len(saved)} inputs saved to {CORPUS}" if saved else "no failing input")
    return 1 if saved else 0


if __name__ == "__main__":
    sys.exit(main())
