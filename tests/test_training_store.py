"""The training export over the review store (auditor/store/, merged from branch `store`): findings with their
current state, dossiers rebuilt from their stored pages, matched by fingerprint. Skipped where the store is absent."""

from __future__ import annotations

import pytest

store_module = pytest.importorskip("auditor.store")

from auditor.pipeline import audit_path  # noqa: E402
from auditor.synth.generator import generate_corpus  # noqa: E402
from auditor.training.export import ExportOptions, collect, jsonl  # noqa: E402
from auditor.training.store_source import StoreSource  # noqa: E402


def test_store_source_confirmed_only_unless_trial(tmp_path):
    generate_corpus(tmp_path / "synth", count=3, seed=77, formats=("txt",))
    url = f"sqlite:///{tmp_path / 'review.db'}"
    store = store_module.Store.open(url)
    run = store.start_run("cli")
    for path in sorted((tmp_path / "synth").glob("*.txt")):
        store.save_result(audit_path(path), run, content_hash=store_module.content_hash(path))
    store.finish_run(run)
    rows = store.findings()
    assert rows
    store.decide(rows[0].finding_id, "confirmed", by="审查员")
    store.close()

    source = StoreSource(url)
    confirmed = collect(source, ExportOptions())
    assert [i.id for i in confirmed.items] == [rows[0].fingerprint] and source.problems == []
    trial = collect(StoreSource(url), ExportOptions(include_unreviewed=True))
    assert len(trial.items) == len(rows)
    assert sum(not i.trial for i in trial.items) == 1
    jsonl(trial.items, trial.names)  # the last check passes
