"""The fuzzing harness with a small budget (`make test`), and every saved corpus case as a regression test.

`make fuzz` runs the same strategies with a large budget (tests/fuzz/run.py) and saves each crashing, hanging,
over-budget or silently dropping input to tests/fuzz/corpus/, where `test_corpus_case` picks it up.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz.harness import check
from fuzz.strategies import ALL

CORPUS = Path(__file__).parent / "corpus"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))


def _corpus_cases() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.endswith(".md")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("kind", sorted(ALL))
def test_fuzz(kind: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(ALL[kind])
    def run(drawn: tuple[str, bytes]) -> None:
        suffix, data = drawn
        outcome = check(suffix, data, tmp_path_factory.mktemp(kind))
        assert outcome.kind == "ok", outcome

    run()


@pytest.mark.parametrize("case", _corpus_cases(), ids=lambda p: p.name)
def test_corpus_case(case: Path, tmp_path: Path) -> None:
    outcome = check(case.suffix, case.read_bytes(), tmp_path)
    assert outcome.kind == "ok", outcome
