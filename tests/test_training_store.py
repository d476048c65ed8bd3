"""The training export over the review store (auditor/store/): findings with their current state, dossiers rebuilt
from their stored pages, matched by fingerprint; the same through an open store and a cache of rebuilt dossiers (as
the workbench's 培训材料 page reads it). The store is part of the package now: nothing here skips."""

from __future__ import annotations

import auditor.store as store_module
from auditor.pipeline import audit_path
from auditor.synth.generator import generate_corpus
from auditor.training.export import ExportOptions, collect, jsonl
from auditor.training.store_source import StoreSource, rebuild


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


def test_store_source_over_an_open_store_with_cached_dossiers(tmp_path):
    generate_corpus(tmp_path / "synth", count=2, seed=78, formats=("txt",))
    store = store_module.Store.open(f"sqlite:///{tmp_path / 'review.db'}")
    run = store.start_run("cli")
    for path in sorted((tmp_path / "synth").glob("*.txt")):
        store.save_result(audit_path(path), run, content_hash=store_module.content_hash(path))
    store.finish_run(run)
    for row in store.findings():
        store.decide(row.finding_id, "confirmed", by="审查员")
    rebuilt: dict[int, object] = {}

    def result_of(dossier_id: int):  # noqa: ANN202
        if dossier_id not in rebuilt:
            summary = store.dossier(dossier_id)
            rebuilt[dossier_id] = rebuild(store.pages(dossier_id), summary.source_name, summary.profile)
        return rebuilt[dossier_id]

    first = collect(StoreSource(store=store, result_of=result_of), ExportOptions())
    again = collect(StoreSource(store=store, result_of=result_of), ExportOptions())
    assert len(first.items) == len(store.findings()) and first.items == again.items
    assert len(rebuilt) == 2
    assert store.users()  # the store was left open (the workbench's own)
    store.close()
