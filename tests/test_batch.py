"""Batch and per-input budgets (auditor/batch): cut-offs, crash safety, resume, the Dask cluster, the outputs."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, validate_report

from auditor.batch.files import LineFile, atomic_write, repair_last_line
from auditor.batch.pool import BudgetPool, in_input_order
from auditor.batch.progress import make_progress
from auditor.batch.runner import BatchOptions, run_batch
from auditor.batch.sinks import LEDGER, FileSink, read_ledger, report_name
from auditor.batch.stream import json_pieces, text_pieces
from auditor.batch.task import Budget, Task
from auditor.cli import main
from auditor.pipeline import audit_path
from auditor.report import render_json, render_text
from auditor.synth.generator import generate_corpus

TESTS = Path(__file__).resolve().parent
HOSTILE = "batch_hostile:audit_path"
AUDITOR = Path(sys.executable).with_name("auditor")


@pytest.fixture(autouse=True)
def _workers_import_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes find tests/batch_hostile.py."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")])))


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(out, count=12, seed=5, formats=("txt",))
    return sorted(out.glob("*.txt"))


def _root(tmp_path: Path, files: list[Path], extra: dict[str, bytes] | None = None) -> Path:
    root = tmp_path / "root"
    root.mkdir()
    for f in files:
        (root / f.name).write_bytes(f.read_bytes())
    for name, data in (extra or {}).items():
        (root / name).write_bytes(data)
    return root


def _codes(report: dict) -> list[str]:
    return [e["code"] for e in report["errors"]]


# -- the budget -------------------------------------------------------------------------------------------------
def test_hanging_hungry_and_crashing_dossiers_are_cut_off_while_the_rest_finish(dossiers: list[Path],
                                                                                  tmp_path: Path) -> None:
    bad = {"a_hang.txt": "E090", "b_hog.txt": "E091", "c_crash.txt": "E092", "d_raise.txt": "E093"}
    for name in bad:
        (tmp_path / name).write_text("拘留证\n", encoding="utf-8")
    paths = [str(dossiers[0]), *(str(tmp_path / n) for n in bad), str(dossiers[1]), str(dossiers[2])]
    tasks = [Task(i, p) for i, p in enumerate(paths)]
    started = time.monotonic()
    with BudgetPool(workers=2, budget=Budget(seconds=8, memory_mb=600), audit=HOSTILE) as pool:
        outcomes = list(in_input_order(pool.run(tasks)))
    assert [o.index for o in outcomes] == list(range(len(paths)))
    by_path = {o.source: o for o in outcomes}
    for name, code in bad.items():
        outcome = by_path[str(tmp_path / name)]
        assert outcome.error_codes == (code,) and outcome.failed
        validate_report({"auditor_version": "0", "dossiers": [outcome.report]})
    assert "110101199001011234" not in json.dumps(by_path[str(tmp_path / "d_raise.txt")].report, ensure_ascii=False)
    for p in (dossiers[0], dossiers[1], dossiers[2]):
        good = by_path[str(p)]
        assert good.readable and not good.failed and good.report == audit_path(p).to_dict()
    assert time.monotonic() - started < 120


def test_a_worker_is_recycled_after_max_tasks_per_child(dossiers: list[Path]) -> None:
    with BudgetPool(workers=1, max_tasks_per_child=2) as pool:
        outcomes = list(pool.run([Task(i, str(p)) for i, p in enumerate(dossiers[:5])]))
    assert len({o.worker for o in outcomes}) == 3


# -- what audit prints ------------------------------------------------------------------------------------------
def test_streamed_json_and_text_equal_the_one_shot_reports(dossiers: list[Path]) -> None:
    tasks = [Task(i, str(p), text=True) for i, p in enumerate(dossiers[:4])]
    with BudgetPool(workers=2) as pool:
        outcomes = list(in_input_order(pool.run(tasks)))
    results = [audit_path(p) for p in dossiers[:4]]
    assert "".join(json_pieces(outcomes)) == render_json(results) + "\n"
    assert "".join(text_pieces(outcomes)) == render_text(results)
    assert json.loads("".join(json_pieces([]))) == {"auditor_version": json.loads(render_json([]))["auditor_version"],
                                                    "dossiers": []}


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_audit_cli_writes_every_format(dossiers: list[Path], tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    paths = [str(p) for p in dossiers[:3]]
    assert main(["audit", *paths, "--format", fmt, "--out", str(out), "--workers", "2", "--show-paths"]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        validate_report(json.loads(text))
        assert [d["source"] for d in json.loads(text)["dossiers"]] == paths
    elif fmt == "jsonl":
        lines = [json.loads(line) for line in text.splitlines()]
        assert sorted(d["source"] for d in lines) == sorted(paths)
        for line in lines:
            validate_report({"auditor_version": "0", "dossiers": [line]})
    else:
        assert text.endswith("份案卷，发现问题 " + text.rsplit("发现问题 ", 1)[1])
        assert all(f"案卷：{p}" in text for p in paths)
    assert list(tmp_path.glob("*.tmp-*")) == []


# -- files that are never half-written --------------------------------------------------------------------------
def test_outputs_named_by_stem_overwrote_each_other(tmp_path: Path) -> None:
    """Issue 16: case_01.txt, .docx and .pdf wrote one case_01.json; 30 dossiers became 10 files."""
    names = {report_name(n, k) for n, k in [("case_01.txt", "a" * 64), ("case_01.docx", "b" * 64),
                                             ("case_01.pdf", "c" * 64), ("case_01.pdf", "d" * 64)]}
    assert len(names) == 4
    assert report_name("a/b:c\n.pdf", "e" * 64) == "a_b_c_.pdf.eeeeeeeeeeee.json"


@pytest.mark.parametrize(
    ("content", "kept"),
    [(b"", b""), (b'{"a":1}\n', b'{"a":1}\n'), (b'{"a":1}\n{"b":', b'{"a":1}\n'), (b'{"b":', b""),
     (b'{"a":1}\n{"b":2}\n{"c', b'{"a":1}\n{"b":2}\n')],
)
def test_a_torn_last_ledger_line_is_cut_off(tmp_path: Path, content: bytes, kept: bytes) -> None:
    path = tmp_path / LEDGER
    path.write_bytes(content)
    repair_last_line(path)
    assert path.read_bytes() == kept
    lines = LineFile(path)
    lines.append('{"z":0}')
    lines.close()
    assert path.read_bytes() == kept + b'{"z":0}\n'


def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    atomic_write(target, "old")
    atomic_write(target, "new" * 1000)
    assert target.read_text() == "new" * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


# -- the summary --------------------------------------------------------------------------------------------------
def test_summary_keeps_unreadable_inputs_apart_from_error_findings(dossiers: list[Path], tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = _root(tmp_path, dossiers[:3], {"broken.pdf": b"%PDF-1.4 broken", "x_hang.txt": b"x"})
    out = tmp_path / "out"
    sink = FileSink(out)
    summary = run_batch(BatchOptions(roots=(root,), out=out, workers=2, budget=Budget(seconds=6), audit=HOSTILE),
                        sink, make_progress("json"))
    sink.close()
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(summary.to_dict()))  # the file says what the run returned
    unreadable = {u["name"]: u["errors"] for u in data["unreadable_inputs"]}
    assert unreadable == {"broken.pdf": ["E003"], "x_hang.txt": ["E090"]}
    findings = [f for p in dossiers[:3] for f in audit_path(p).findings]
    assert data["findings_by_severity"] == {s: n for s in ("error", "warning", "info")
                                            if (n := sum(f.severity == s for f in findings))}
    assert data["dossiers"] == 5 and data["audited_now"] == 5 and data["pages"] > 0
    assert [s["name"] for s in data["slowest"]][0] == "x_hang.txt"
    text = (out / "summary.txt").read_text(encoding="utf-8")
    assert "未能读取的文件（未得到审查结果的案卷）：2 份" in text and "错误级问题" in text
    progress = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    assert [p["done"] for p in progress] == [1, 2, 3, 4, 5] and progress[-1]["failed"] == 2


# -- resume -----------------------------------------------------------------------------------------------------
def _reports(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "reports").glob("*.json"))}


def test_resume_skips_finished_dossiers_and_rerun_audits_them_again(dossiers: list[Path], tmp_path: Path) -> None:
    root = _root(tmp_path, dossiers[:3])
    out = tmp_path / "out"
    options = BatchOptions(roots=(root,), out=out, workers=2)
    sink = FileSink(out)
    first = run_batch(options, sink)
    again = run_batch(options, sink)
    (root / "new.txt").write_bytes(dossiers[3].read_bytes())
    third = run_batch(options, sink)
    rerun = run_batch(BatchOptions(roots=(root,), out=out, workers=2, resume=False), sink)
    other_profile = run_batch(BatchOptions(roots=(root,), out=out, workers=2, profile="police"), sink)
    sink.close()
    assert (first.audited_now, again.audited_now, third.audited_now, rerun.audited_now) == (3, 0, 1, 4)
    assert other_profile.audited_now == 4
    assert len(read_ledger(out)) == 3 + 1 + 4 + 4
    assert len(_reports(out)) == 4


def test_a_result_is_reused_only_for_the_same_as_of_day_and_standard(dossiers: list[Path], tmp_path: Path) -> None:
    """Warnings depend on the day and the score on the standard: a result for another day is not reused."""
    import datetime as dt

    root = _root(tmp_path, dossiers[:2])
    out = tmp_path / "out"
    sink = FileSink(out)
    day = dt.date(2022, 5, 1)
    runs = [run_batch(BatchOptions(roots=(root,), out=out, workers=1, **kw), sink)
            for kw in ({}, {"as_of": day}, {"as_of": day}, {"as_of": day + dt.timedelta(days=1)},
                       {"as_of": day, "standard": "procuratorate"})]
    sink.close()
    assert [r.audited_now for r in runs] == [2, 2, 0, 2, 2]
    assert runs[2].to_dict()["as_of"] == "2022-05-01"
    assert all(r.get("warnings") is not None for r in runs[1].records)


def _ledger_lines(out: Path) -> int:
    try:
        return (out / LEDGER).read_bytes().count(b"\n")
    except OSError:
        return 0


def _batch_cmd(root: Path, out: Path) -> list[str]:
    return [str(AUDITOR), "batch", str(root), "--out", str(out), "--workers", "2", "--quiet"]


@pytest.fixture(scope="module")
def uninterrupted_run(dossiers: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(input root, output of one uninterrupted batch over it): one reference for every seed of the kill test."""
    base = tmp_path_factory.mktemp("kill_9")
    root = _root(base, dossiers, {f"again_{i}.txt": dossiers[i].read_bytes() + b"\n" for i in range(4)})
    reference = base / "reference"
    subprocess.run(_batch_cmd(root, reference), check=True)
    return root, reference


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_resume_after_kill_9_at_random_points_equals_an_uninterrupted_run(uninterrupted_run: tuple[Path, Path],
                                                                          tmp_path: Path, seed: int) -> None:
    root, reference = uninterrupted_run
    total = len(read_ledger(reference))
    out = tmp_path / "out"
    rng = random.Random(seed)
    kills = 0
    for attempt in range(2):  # two kills: during start-up or after a random number of finished dossiers
        done = len(read_ledger(out))
        if done >= total - 1:
            break
        proc = subprocess.Popen(_batch_cmd(root, out))
        if attempt == 0 and rng.random() < 0.5:
            time.sleep(rng.uniform(0.1, 2.0))
        else:
            target = rng.randint(done + 1, total - 1)
            while proc.poll() is None and _ledger_lines(out) < target:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.3))  # sometimes inside the next report's or ledger line's write
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)  # the parent only: its workers notice and leave by themselves
            kills += 1
        proc.wait()
    proc = subprocess.run(_batch_cmd(root, out))
    assert proc.returncode == 0 and kills >= 1
    ledger = read_ledger(out)
    assert sorted(r["key"] for r in ledger) == sorted(r["key"] for r in read_ledger(reference))  # none lost, none twice
    assert _reports(out) == _reports(reference)
    assert not [p for p in out.rglob("*") if ".tmp-" in p.name]
    for text in _reports(out).values():
        validate_report(json.loads(text))


def test_no_file_is_left_half_written_when_the_batch_is_killed_while_writing(dossiers: list[Path],
                                                                            tmp_path: Path) -> None:
    """A kill between the report file and its ledger line: the report is rewritten on resume, the ledger has the
    dossier once."""
    root = _root(tmp_path, dossiers[:2])
    out = tmp_path / "out"
    sink = FileSink(out)
    run_batch(BatchOptions(roots=(root,), out=out), sink)
    sink.close()
    ledger = (out / LEDGER).read_bytes()
    first, second = ledger.splitlines(keepends=True)
    (out / LEDGER).write_bytes(first + second[: len(second) // 2])  # the second line torn by the kill
    (out / "reports" / "x.json.tmp-99").write_text("{partial")
    sink = FileSink(out)
    summary = run_batch(BatchOptions(roots=(root,), out=out), sink)
    sink.close()
    assert summary.audited_now == 1
    assert len(read_ledger(out)) == 2
    assert not list((out / "reports").glob("*.tmp-*"))


# -- many machines ----------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_dask_local_cluster_equals_the_local_run_and_a_killed_worker_loses_nothing(dossiers: list[Path],
                                                                                   tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    root = _root(tmp_path, dossiers[:8], {f"slow_{i}.txt": dossiers[i].read_bytes() + b"\n" for i in range(6)})
    local = tmp_path / "local"
    sink = FileSink(local)
    run_batch(BatchOptions(roots=(root,), out=local, workers=2, audit=HOSTILE), sink)
    sink.close()

    class KillOneWorker:
        """After the second result, kill -9 one Dask worker process (its nanny starts a new one)."""

        def __init__(self, client: distributed.Client) -> None:
            self.client, self.seen, self.killed = client, 0, None

        def start(self, total: int) -> None:
            pass

        def advance(self, outcome: object) -> None:
            self.seen += 1
            if self.seen == 2:
                pids = self.client.run(os.getpid)
                self.killed = sorted(pids.values())[0]
                os.kill(self.killed, signal.SIGKILL)

        def close(self) -> None:
            pass

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        out = tmp_path / "dask"
        sink = FileSink(out)
        progress = KillOneWorker(client)
        summary = run_batch(BatchOptions(roots=(root,), out=out, scheduler=cluster.scheduler_address,
                                         audit=HOSTILE), sink, progress)
        sink.close()
    assert progress.killed is not None
    assert summary.audited_now == len(list(root.iterdir()))
    assert sorted(r["key"] for r in read_ledger(out)) == sorted(r["key"] for r in read_ledger(local))
    assert _reports(out) == _reports(local)
    assert not summary.unreadable
    assert len({r["worker"].split(":")[0] for r in read_ledger(out)}) == 1  # one host, several worker processes


def test_readme_shows_how_to_start_a_dask_cluster() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "dask scheduler" in readme and "dask worker" in readme and "--scheduler tcp://" in readme


def test_a_batch_with_a_store_saves_each_dossier_once(dossiers: list[Path], tmp_path: Path) -> None:
    """`auditor batch --db`: every worker saves its dossier into the review store in one transaction; a resumed or
    repeated batch does not store a dossier twice."""
    from auditor.store import Store

    root = _root(tmp_path, dossiers[:3])
    db = f"sqlite:///{tmp_path / 'review.db'}"
    command = ["batch", str(root), "--out", str(tmp_path / "out"), "--db", db, "--workers", "2", "--quiet"]
    assert main(command) == 0
    assert main(command + ["--rerun"]) == 0
    store = Store.open(db)
    stored = store.dossiers(latest_only=False)
    assert sorted(d.source_name for d in stored) == sorted(p.name for p in dossiers[:3])
    expected = {p.name: len(audit_path(p).findings) for p in dossiers[:3]}
    assert {d.source_name: d.findings for d in stored} == expected
