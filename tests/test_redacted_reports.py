"""The 脱敏 option of the review exports (workbench 导出, `auditor report --db … --redact`): the file read back holds
none of the dossiers' party names or ID numbers (the sample dossiers and synthetic ones with known PII, and a
reviewer's comment that names a party), legal text survives (article citations, 文号, dates of acts), and a file the
last check catches is refused, naming the detector and never the value."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.pipeline import audit_path
from auditor.redact import LeakError
from auditor.redact.documents import ExportRedaction
from auditor.report.docx_report import render_docx
from auditor.report.rows import DossierRow
from auditor.report.xlsx_report import render_xlsx
from auditor.store import Store, content_hash
from auditor.synth.generator import generate_corpus
from auditor.training.redacted_reports import docx_parts, export_redacted, store_results, xlsx_parts

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_files").iterdir())
WENHAO = "临公（刑）拘字〔2022〕105号"
ACT_DATE = "2022年3月19日"
ARTICLE = "《中华人民共和国刑事诉讼法》第九十一条"


def _unmasked(name: str) -> bool:
    return len(name) >= 2 and not any(c in name for c in "某*＊×")


@pytest.fixture(scope="module")
def review_store(tmp_path_factory):
    """The sample dossiers and four synthetic ones in a review store; one finding per dossier confirmed with a
    comment that names a party and quotes his ID number beside a 文号, a date of an act and an article."""
    folder = tmp_path_factory.mktemp("redacted")
    generate_corpus(folder / "synth", count=4, seed=2024, formats=("txt",))
    synth = sorted((folder / "synth").glob("*.txt"))
    truths = [json.loads(p.with_name(p.stem + ".truth.json").read_text(encoding="utf-8")) for p in synth]
    url = f"sqlite:///{folder / 'review.db'}"
    store = Store.open(url)
    run = store.start_run("cli")
    pii: dict[str, set[str]] = {"names": set(), "ids": set()}
    for path in [*SAMPLES, *synth]:
        result = audit_path(path)
        dossier_id = store.save_result(result, run, content_hash=content_hash(path))
        for party in result.parties:
            pii["names"] |= {n for n in party.names if _unmasked(n)}
            if party.id_number and "*" not in party.id_number:
                pii["ids"].add(party.id_number)
        rows = store.findings(dossier_id=dossier_id)
        named = next((p for p in result.parties if _unmasked(p.name) and p.id_number), None)
        if rows and named:
            store.decide(rows[0].finding_id, "confirmed", by="审查员",
                         comment=f"经核，{named.name}（身份证号{named.id_number}）于{ACT_DATE}被刑事拘留，"
                                 f"见{WENHAO}，应依{ARTICLE}办理")
    store.finish_run(run)
    for truth in truths:
        pii["names"] |= {n for n in truth["pii"]["names"] if _unmasked(n)}
        pii["ids"] |= set(truth["pii"]["id_numbers"])
    yield store, url, pii
    store.close()


def _rows(store):  # noqa: ANN001, ANN202
    summaries = store.dossiers()
    findings = [f for s in summaries for f in store.findings(dossier_id=s.id)]
    dossiers = [(s.id, DossierRow(source_name=s.source_name, organ=s.organ, pages=s.pages, documents=s.documents,
                                  findings=s.findings, audited_at=s.audited_at)) for s in summaries]
    return findings, dossiers


def _leaked(text: str, pii: dict[str, set[str]]) -> list[str]:
    return sorted(s for s in pii["names"] | pii["ids"] if s in text)


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "csv"])
def test_redacted_export_holds_no_party_name_or_id_and_keeps_legal_text(review_store, fmt):
    store, _, pii = review_store
    findings, dossiers = _rows(store)
    assert len(dossiers) == len(SAMPLES) + 4 and pii["names"] and pii["ids"]
    plain = {"xlsx": lambda: "\n".join(t for _, t in xlsx_parts(render_xlsx(findings, [d for _, d in dossiers]))),
             "docx": lambda: "\n".join(t for _, t in docx_parts(render_docx(findings, [d for _, d in dossiers]))),
             "csv": lambda: ""}[fmt]()
    if fmt != "csv":  # the test means something: the plain export does carry names and ID numbers
        assert _leaked(plain, pii)
    data = export_redacted(fmt, findings, dossiers, store_results(store))
    text = ("\n".join(t for _, t in xlsx_parts(data)) if fmt == "xlsx" else
            "\n".join(t for _, t in docx_parts(data)) if fmt == "docx" else data.decode("utf-8-sig"))
    assert not _leaked(text, pii)
    if fmt in ("xlsx", "csv"):  # every finding's row: the legal basis, the reviewer's 文号, date and article kept
        for f in findings:
            assert f.legal_basis in text
            assert f.document_date is None or f.document_date.isoformat() in text
        assert text.count(WENHAO) >= 2 and ACT_DATE in text and ARTICLE in text
        assert "提请批准逮捕超期" in text and "刑事拘留（2022-03-19）后第5日（2022-03-24）" in text
    else:  # the 通报 quotes the typical cases' legal basis
        assert "法律依据：《中华人民共和国刑事诉讼法》（2018）" in text


def test_cli_report_redact(review_store, tmp_path):
    _, url, pii = review_store
    out = tmp_path / "评查表.xlsx"
    assert main(["report", "--db", url, "--format", "xlsx", "--out", str(out), "--redact"]) == 0
    text = "\n".join(t for _, t in xlsx_parts(out.read_bytes()))
    assert not _leaked(text, pii) and WENHAO in text
    assert main(["report", "--db", url, "--format", "json", "--out", str(tmp_path / "x.json"), "--redact"]) == 2
    assert not (tmp_path / "x.json").exists()


def test_a_leak_is_refused_naming_the_detector_never_the_value(review_store, tmp_path, monkeypatch, capsys):
    """Redaction that lets a name and an ID number through (as a broken recognizer would): nothing is written."""
    store, url, pii = review_store
    monkeypatch.setattr(ExportRedaction, "text", lambda self, value, where="", marks=(): value)
    findings, dossiers = _rows(store)
    with pytest.raises(LeakError) as caught:
        export_redacted("docx", findings, dossiers, store_results(store))
    message = str(caught.value)
    assert "检测器" in message and not _leaked(message, pii)
    out = tmp_path / "通报.docx"
    assert main(["report", "--db", url, "--format", "docx", "--out", str(out), "--redact"]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "拒绝写出" in err and "检测器" in err and not _leaked(err, pii)


def test_the_check_reads_the_written_file_back(review_store, monkeypatch):
    """What the rows' redaction could not see — a name the renderer itself writes — is caught in the file."""
    from docx import Document

    import auditor.report.docx_report as docx_report

    store, _, pii = review_store
    findings, dossiers = _rows(store)
    data = export_redacted("docx", findings, dossiers, store_results(store))
    assert Document(io.BytesIO(data)).paragraphs[0].text == "案件评查情况通报"
    name = next(n for n in sorted(pii["names"]) if len(n) == 3)
    original = docx_report._date_cn
    monkeypatch.setattr(docx_report, "_date_cn", lambda day: f"{original(day)}　{name}")
    with pytest.raises(LeakError, match="当事人姓名检测器在正文第"):
        export_redacted("docx", findings, dossiers, store_results(store))


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_redacted_export_carries_the_scores_redacted(review_store, fmt):
    """评查得分 in a redacted export: the 评分 sheet / section is there, one row per dossier, and nothing leaks."""
    import openpyxl
    from docx import Document

    from auditor.store.derived import dossier_scores

    store, _, pii = review_store
    findings, dossiers = _rows(store)
    scores = dossier_scores(store, [i for i, _ in dossiers])
    assert len(scores) == len(dossiers)
    data = export_redacted(fmt, findings, dossiers, store_results(store), scores=scores)
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data))
        first_column = {row[0] for row in book["评分"].iter_rows(values_only=True)}
        assert {name for name, _ in scores} <= first_column  # the samples' file names hold no personal data
        text = "\n".join(t for _, t in xlsx_parts(data))
    else:
        assert "二、评查得分" in [p.text for p in Document(io.BytesIO(data)).paragraphs]
        text = "\n".join(t for _, t in docx_parts(data))
    assert not _leaked(text, pii)
