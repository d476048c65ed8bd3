"""Training export and the redacted outputs: no personal data of a synthetic dossier leaves through any export,
legal text survives, only confirmed findings unless a trial export, a DOCX handout of one case per page."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest import LAW_CORPUS

from auditor.cli import main
from auditor.pipeline import audit_path
from auditor.redact import DossierRedactor, LeakError
from auditor.redact.documents import ExportRedaction, redact_input
from auditor.synth.generator import generate_corpus
from auditor.text.dates import find_dates
from auditor.training.export import ExportOptions, collect, docx_bytes, jsonl
from auditor.training.sources import CONFIRMED, UNREVIEWED, JsonResultsSource, ReviewedFinding

DOSSIERS = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[tuple[Path, dict]]:
    folder = tmp_path_factory.mktemp("synth")
    generate_corpus(folder, count=DOSSIERS, seed=1515, formats=("txt",))
    out = []
    for truth_file in sorted(folder.glob("*.truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        out.append((folder / f"{truth['source']}.txt", truth))
    return out


@pytest.fixture(scope="module")
def audited(corpus):
    return [(path, truth, audit_path(path)) for path, truth in corpus]


def pii_strings(truth: dict) -> list[str]:
    """What must never appear in an export: names, ID numbers, addresses down to the house, birth dates."""
    pii = truth["pii"]
    out = [*pii["names"], *pii["id_numbers"], *pii["addresses"]]
    for iso in pii["birth_dates"]:
        y, m, d = (int(x) for x in iso.split("-"))
        out += [iso, f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日"]
    return out


class ListSource:
    """Every finding of the audited corpus as a reviewed finding (the review state given)."""

    def __init__(self, audited, state=CONFIRMED):
        self.audited, self.state, self.problems = audited, state, []

    def reviewed(self):
        for _, _, result in self.audited:
            for f in result.findings:
                yield ReviewedFinding(result, f, self.state)


def test_the_corpus_has_pii_and_findings(audited):
    assert sum(len(r.findings) for _, _, r in audited) >= DOSSIERS
    assert all(t["pii"]["names"] and t["pii"]["id_numbers"] for _, t, _ in audited)


# --- property: no PII string of any synthetic dossier appears in any export ---------------------------------

def test_no_pii_in_redacted_inputs(audited):
    for path, truth, result in audited:
        out = redact_input(path, result).text
        leaked = [s for s in pii_strings(truth) if s in out]
        assert not leaked, (path.name, leaked)


def test_no_pii_in_training_exports(audited):
    collected = collect(ListSource(audited), ExportOptions(law_corpus=str(LAW_CORPUS)))
    assert len(collected.items) == sum(len(r.findings) for _, _, r in audited)
    text = jsonl(collected.items, collected.names)
    data = docx_bytes(collected.items, collected.names)
    from docx import Document

    doc_text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    for _, truth, _ in audited:
        for s in pii_strings(truth):
            assert s not in text and s not in doc_text, s


def test_no_pii_in_workbench_export_option(audited):
    """What issue 12's XLSX / DOCX exports call for their "redacted" option: every cell through `text()`."""
    for _, truth, result in audited:
        red = ExportRedaction(result)
        cells = [red.text(f.message) for f in result.findings]
        cells += [red.text(ev.quote) for f in result.findings for ev in f.evidence]
        cells += [red.text(d.title) for d in result.documents]
        red.finish()
        joined = "\n".join(cells)
        assert not [s for s in pii_strings(truth) if s in joined]


# --- legal text survives ------------------------------------------------------------------------------------

def test_legal_text_survives_redaction(audited):
    """文号, organs, article citations, amounts and the dates of acts are unchanged in the redacted dossier."""
    for path, truth, result in audited:
        out = redact_input(path, result).text
        births = set(truth["pii"]["birth_dates"])
        for doc in result.documents:
            for value in (doc.number, doc.organ):
                if value:
                    assert value in out, (path.name, value)
            for d in find_dates(doc.text):
                written_as_birth = doc.text[d.end : d.end + 1] == "生" or doc.text[d.end : d.end + 2] == "出生" or (
                    "出生" in doc.text[max(0, d.start - 6) : d.start])
                if d.iso and d.iso not in births and not written_as_birth:
                    assert doc.text[d.start : d.end] in out, (path.name, doc.text[d.start : d.end])
        for c in result.citations:
            assert c.quote in out, (path.name, c.quote)
        for t in result.case.terms:
            if t.kind == "amount":
                assert t.text in out, (path.name, t.text)


# --- review states, trial exports, the handout --------------------------------------------------------------

def test_only_confirmed_unless_trial(audited):
    assert collect(ListSource(audited, UNREVIEWED), ExportOptions()).items == []
    trial = collect(ListSource(audited, UNREVIEWED), ExportOptions(include_unreviewed=True)).items
    assert trial and all(i.trial for i in trial)


def test_docx_one_case_per_page_question_then_answer_trial_marked(audited):
    from docx import Document

    items = collect(ListSource(audited[:4], UNREVIEWED), ExportOptions(include_unreviewed=True))
    doc = Document(io.BytesIO(docx_bytes(items.items, items.names)))
    xml = doc.element.xml
    assert xml.count('w:type="page"') == len(items.items)
    texts = [p.text for p in doc.paragraphs]
    questions = [i for i, t in enumerate(texts) if t.endswith("题目")]
    answers = [i for i, t in enumerate(texts) if t.endswith("解析")]
    assert len(questions) == len(answers) == len(items.items)
    assert all(q < a for q, a in zip(questions, answers, strict=True))
    marks = sum(1 for t in texts if t.startswith("【试用导出"))
    assert marks == len(items.items) and "试用导出" in doc.sections[0].header.paragraphs[0].text
    rules = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert len(rules) == len({i.rule_id for i in items.items})  # grouped by rule


def test_item_quotes_the_statute_and_marks_the_evidence(audited):
    items = collect(ListSource(audited), ExportOptions(law_corpus=str(LAW_CORPUS))).items
    if not LAW_CORPUS.is_dir():
        pytest.skip("../shared/law-corpus is not beside the checkout")
    assert any(b.text for i in items for b in i.legal_basis)
    assert all(re.search("【[^【】]+】", "".join(i.excerpts)) for i in items if i.excerpts and i.id)


def test_last_check_refuses_a_leaking_item(audited):
    _, truth, result = audited[0]
    items = collect(ListSource(audited[:1]), ExportOptions()).items
    leaked = items[0].__class__(**{**items[0].__dict__, "wrong": "犯罪嫌疑人" + truth["pii"]["names"][0]})
    with pytest.raises(LeakError, match="当事人姓名检测器"):
        jsonl([leaked], DossierRedactor.for_result(result).names)


# --- the CLI ------------------------------------------------------------------------------------------------

def test_cli_redact_txt_keeps_layout_and_json_lists_entities(corpus, capsys):
    path, truth = corpus[0]
    assert main(["redact", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == path.read_text(encoding="utf-8").count("\n") + (0 if path.read_text(
        encoding="utf-8").endswith("\n") else 1)
    assert not [s for s in pii_strings(truth) if s in out]
    assert main(["redact", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    entity = data[0]["entities"][0]
    assert {"type", "start", "end", "score", "recognizer", "explanation"} <= entity.keys()
    assert entity["explanation"]["reason"]
    assert not [s for s in pii_strings(truth) if s in json.dumps(data, ensure_ascii=False)]


def test_cli_training_from_json_results(corpus, tmp_path, capsys):
    paths = [str(p) for p, _ in corpus[:3]]
    results = tmp_path / "results.json"
    assert main(["audit", *paths, "--format", "json", "--out", str(results), "--show-paths"]) in (0, 1)
    data = json.loads(results.read_text(encoding="utf-8"))
    findings = [f for d in data["dossiers"] for f in d["findings"]]
    assert findings
    data["reviews"] = {findings[0]["fingerprint"]: "confirmed"}
    results.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "items.jsonl"
    assert main(["training", "--db", str(results), "--format", "jsonl", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["review"] == "confirmed"
    handout = tmp_path / "handout.docx"
    assert main(["training", "--db", str(results), "--format", "docx", "--out", str(handout),
                 "--include-unreviewed"]) == 0
    assert handout.stat().st_size > 0
    capsys.readouterr()


def test_json_source_reports_a_missing_dossier(tmp_path):
    results = tmp_path / "r.json"
    results.write_text(json.dumps({"dossiers": [{"source": "gone.txt", "findings": [{"fingerprint": "x"}]}]}),
                       encoding="utf-8")
    source = JsonResultsSource(results)
    assert list(source.reviewed()) == [] and "gone.txt" in source.problems[0]


def test_cli_training_store_url_is_a_clear_error(capsys):
    assert main(["training", "--db", "postgresql://localhost/review", "--format", "jsonl"]) == 2
    assert "审查库" in capsys.readouterr().err
