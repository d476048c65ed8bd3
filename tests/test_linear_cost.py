"""Linear cost: every stage's time grows at most like n log n with its input, never quadratically.

Each hostile shape of the issue (many dates on one line, many title lines, many tiny documents, one huge line,
many pages with distinct edge lines, many archive entries) is audited at 1×, 4× and 16× its base size; time is the
best of three runs (each with fresh text, so no cache answers; CPU time of this process with the cyclic collector
off, so other work on a shared machine counts as little as it can). The 16× span may cost at most (4 × 1.3)² = 27
times the base, and no single 4× step more than 8. A sort or a bisect per item makes a 4× step cost
4 × log(4n)/log(n) ≈ 4.9 at these sizes (seen on one-long-line: 4.3, then 4.9), so the span ≈ 21; n^1.5 makes the
span 64 and n² 256 (a step 16). One step alone is too noisy to decide on a 2-core machine (pages-with-distinct-edge-
lines stepped 5.4× then 3.6× on a quiet one). Sizes are small enough for `make test`: ratios are compared, never
absolute times.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from auditor.ingest import headers
from auditor.ingest.headers import strip_running_lines
from auditor.model import Page
from auditor.pipeline import audit_text

GROWTH = 4
TOLERANCE = 1.3  # n log n passes, n^1.5 (8×) and n² (16×) do not
RUNS = 3


def dates_on_one_line(n: int, salt: int) -> str:
    return "立案决定书\n" + "".join(f"{2000 + salt}年{i % 12 + 1}月{i % 28 + 1}日，" for i in range(n)) + "\n"


def title_lines(n: int, salt: int) -> str:
    return "".join(f"拘留证\n某某{salt}号{i}\n" for i in range(n))


def tiny_documents(n: int, salt: int) -> str:
    return "\n=====\n".join(f"拘留证\n犯罪嫌疑人张三，男。\n{2000 + salt}年3月{i % 28 + 1}日" for i in range(n))


def one_long_line(n: int, salt: int) -> str:
    return "立案决定书\n" + f"犯罪嫌疑人张三于{2000 + salt}年3月5日被刑事拘留，" * n + "\n"


def _audit(make: Callable[[int, int], str]) -> Callable[[int, int], None]:
    return lambda n, salt: audit_text(make(n, salt))


def _edge_lines(n: int, salt: int) -> None:
    """Ingest's running-header search over pages whose edge lines all differ."""
    pages = [Page(number=i + 1, source="x", method="text",
                  text=f"卷宗{salt}第{i}册{chr(0x4E00 + (i * 7 + salt) % 20000)}{chr(0x4E00 + (i * 13) % 20000)}标记\n正文\n"
                       f"正文\n{chr(0x4E00 + (i * 11 + salt) % 20000)}{chr(0x4E00 + (i * 17) % 20000)}页脚材料")
             for i in range(n)]
    strip_running_lines(pages)


CASES = {
    "dates-on-one-line": (_audit(dates_on_one_line), 1000),  # 400 dates took 0.04 s: too short to time (5.4× then 2.7×)
    "title-lines": (_audit(title_lines), 150),
    "tiny-documents": (_audit(tiny_documents), 120),
    "one-long-line": (_audit(one_long_line), 150),
    "pages-with-distinct-edge-lines": (_edge_lines, 400),
}


def _best(run: Callable[[int, int], None], n: int, salt: int) -> float:
    times = []
    gc.collect()  # once per size: a full pass over the test process's heap is not cheap
    for k in range(RUNS):
        # The cyclic collector's full passes cost with every live object, whatever the stage does: off while timed
        # (pages-with-distinct-edge-lines stepped 4.5× with it on a quiet machine, 5.8× under load; 3.8× without).
        gc.disable()
        try:
            start = time.process_time()  # this process's CPU time: other work on the machine does not count
            run(n, salt * 10 + k)
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(times)


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(CASES))
def test_time_grows_at_most_linearly(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The header search compares each line with at most MAX_FUZZY_GROUPS groups: linear once that many exist.
    # A smaller cap reaches that regime at sizes a test can afford.
    monkeypatch.setattr(headers, "MAX_FUZZY_GROUPS", 100)
    run, base = CASES[shape]
    run(base, 99)  # warm up: lexicons, rules, the tagger are loaded once per process
    sizes = [base, base * GROWTH, base * GROWTH**2]
    times = [_best(run, n, i) for i, n in enumerate(sizes)]
    steps = [later / max(earlier, 1e-3) for earlier, later in zip(times, times[1:], strict=False)]
    span = times[-1] / max(times[0], 1e-3)
    evidence = (shape, sizes, [f"{t:.3f}" for t in times], steps, span)
    # The 16× span decides (one noisy middle point cannot fail it); a single step may not be quadratic either.
    assert span <= (GROWTH * TOLERANCE) ** 2, evidence
    assert all(step <= GROWTH**2 / 2 for step in steps), evidence
