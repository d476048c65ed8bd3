"""Synthetic evaluation: per-rule and per-category scores (n/a where nothing is planted), clean dossiers,
look-alike traps, the dates and parties fields, and the machine-readable output of `auditor eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from casebuild import day

from auditor.cli import main
from auditor.evaluation.real import Score, ratio
from auditor.evaluation.synthetic import (
    SyntheticResult,
    _suffix,
    evaluate_synthetic,
    registered_categories,
    score_case,
    truth_parties,
)
from auditor.extract.case import build_case
from auditor.model import AuditResult, Document, Dossier, Event, Finding, Page, Party
from auditor.synth.generator import generate_corpus

BAIL = "犯罪嫌疑人张三，男，1980年1月2日出生，公民身份号码11010519491231002X。"


@pytest.mark.parametrize(
    "counts,expected",
    [
        ((0, 0, 0), (None, None, None)),  # nothing planted, nothing raised: n/a, never 0 or 1
        ((0, 3, 0), (0.0, None, 0.0)),  # raised where nothing was planted
        ((0, 0, 2), (None, 0.0, 0.0)),  # planted, never raised
        ((3, 1, 0), (0.75, 1.0, 6 / 7)),
        ((2, 0, 2), (1.0, 0.5, 2 / 3)),
    ],
)
def test_score_ratios(counts: tuple[int, int, int], expected: tuple[float | None, ...]) -> None:
    s = Score(*counts)
    got = (s.precision, s.recall, s.f1)
    assert [g if g is None else round(g, 6) for g in got] == [e if e is None else round(e, 6) for e in expected]


@pytest.mark.parametrize("value,text", [(None, "n/a"), (1.0, "1.000"), (0.0, "0.000"), (0.95, "0.950")])
def test_ratio_text(value: float | None, text: str) -> None:
    assert ratio(value) == text


def _case(findings: list[tuple[str, ...]], text: str = BAIL, persons: tuple[str, ...] = ("张三",),
          date: str = "2020-03-01", events: tuple[Event, ...] = ()) -> AuditResult:
    """A one-document case (取保候审决定书 d1) with findings (rule_id, category, document id); the suspects' details
    are what extraction reads in `text`."""
    dossier = Dossier(source="case.txt", pages=[Page(1, text, "case.txt", "txt")])
    dossier.build_text()
    doc = Document(id="d1", type="取保候审决定书", title="", start=0, end=len(text), text=text, date=day(date))
    built, _ = build_case(dossier, [doc])
    found = {p.name: p for p in built.parties if p.is_suspect}
    parties = tuple(found.get(n) or Party(name=n, role="犯罪嫌疑人", is_suspect=True) for n in persons)
    case = built.model_copy(update={"parties": parties, "events": tuple(events)})
    return AuditResult(case=case, findings=tuple(
        Finding(rule_id=r, category=c, severity="error", message="", document_id=d, caused_by=(rest or (None,))[0],
                fingerprint=rest[1] if len(rest) > 1 else None)
        for r, c, d, *rest in findings))


RULE_CASES = [
    # (findings raised, truth, per-rule (tp, fp, fn), per-category (tp, fp, fn), trap hits, clean findings)
    ("planted and found", [("BAIL-TERM", "wording", "d1")],
     {"expected_findings": [{"rule_id": "BAIL-TERM", "document_type": "取保候审决定书"}]},
     {"BAIL-TERM": (1, 0, 0)}, {"wording": (1, 0, 0)}, {}, 0),
    ("planted, missed; its category still counted", [],
     {"expected_findings": [{"rule_id": "BAIL-TERM", "document_type": "取保候审决定书"}]},
     {"BAIL-TERM": (0, 0, 1)}, {"wording": (0, 0, 1)}, {}, 0),
    ("raised on the wrong document type", [("BAIL-TERM", "wording", "dX")],
     {"expected_findings": [{"rule_id": "BAIL-TERM", "document_type": "取保候审决定书"}]},
     {"BAIL-TERM": (0, 1, 1)}, {"wording": (0, 1, 1)}, {}, 0),
    ("a look-alike raised: a false positive and a trap hit", [("BAIL-TERM", "wording", "d1")],
     {"expected_findings": [], "lookalikes": [{"rule_id": "BAIL-TERM", "document_type": "取保候审决定书"}]},
     {"BAIL-TERM": (0, 1, 0)}, {"wording": (0, 1, 0)}, {"BAIL-TERM": 1}, 0),
    ("findings on a clean dossier", [("BAIL-TERM", "wording", "d1"), ("CITATION-OUTDATED", "citation", "d1")],
     {"clean": True, "expected_findings": []},
     {"BAIL-TERM": (0, 1, 0), "CITATION-OUTDATED": (0, 1, 0)}, {"wording": (0, 1, 0), "citation": (0, 1, 0)}, {}, 2),
    # A finding linked to its root cause (caused_by) is part of that defect: credited where the truth lists it, never
    # a false accusation where it does not (issue 11).
    ("a linked consequence the truth does not list", [("BAIL-TERM", "wording", "d1"),
                                                      ("CITATION-OUTDATED", "citation", "d1", "root-fingerprint")],
     {"expected_findings": [{"rule_id": "BAIL-TERM", "document_type": "取保候审决定书"}]},
     {"BAIL-TERM": (1, 0, 0)}, {"wording": (1, 0, 0)}, {}, 0),
    ("a linked consequence the truth lists", [("BAIL-TERM", "wording", "d1"),
                                             ("CITATION-OUTDATED", "citation", "d1", "root-fingerprint")],
     {"expected_findings": [{"rule_id": "BAIL-TERM", "document_type": "取保候审决定书"},
                            {"rule_id": "CITATION-OUTDATED", "document_type": "取保候审决定书"}]},
     {"BAIL-TERM": (1, 0, 0), "CITATION-OUTDATED": (1, 0, 0)}, {"wording": (1, 0, 0), "citation": (1, 0, 0)}, {}, 0),
    # …and a root the truth does not list, whose linked finding it lists: the one defect named by its other side
    ("the root of a listed linked finding", [("BAIL-TERM", "wording", "d1", None, "root-fingerprint"),
                                            ("CITATION-OUTDATED", "citation", "d1", "root-fingerprint")],
     {"expected_findings": [{"rule_id": "CITATION-OUTDATED", "document_type": "取保候审决定书"}]},
     {"CITATION-OUTDATED": (1, 0, 0)}, {"citation": (1, 0, 0)}, {}, 0),
    ("a planted rule no file defines yet", [],
     {"expected_findings": [{"rule_id": "FUTURE-RULE", "document_type": "取保候审决定书"}]},
     {"FUTURE-RULE": (0, 0, 1)}, {"unregistered": (0, 0, 1)}, {}, 0),
]


@pytest.mark.parametrize("name,findings,truth,per_rule,per_category,traps,clean", RULE_CASES, ids=[c[0] for c in RULE_CASES])
def test_per_rule_and_per_category(name: str, findings: list[tuple[str, str, str]], truth: dict, per_rule: dict,
                                   per_category: dict, traps: dict, clean: int) -> None:
    result = SyntheticResult(rule_category={"BAIL-TERM": "wording"})
    score_case(_case(findings), truth, result)
    assert {r: (s.tp, s.fp, s.fn) for r, s in result.per_rule.items()} == per_rule
    assert {c: (s.tp, s.fp, s.fn) for c, s in result.per_category.items()} == per_category
    assert dict(result.trap_hits) == traps
    assert result.clean_findings == clean
    assert (result.mismatches == []) == (per_rule == {r: (s[0], 0, 0) for r, s in per_rule.items()})


@pytest.mark.parametrize(
    "truth_persons,expected",
    [
        (["张三"], [{"name": "张三"}]),
        ([{"name": "张三", "birth_date": "1980-01-02"}], [{"name": "张三", "birth_date": "1980-01-02"}]),
        ([], []),
    ],
)
def test_truth_parties_accepts_names_or_records(truth_persons: list, expected: list[dict]) -> None:
    assert truth_parties({"persons": truth_persons}) == expected


FIELD_CASES = [
    # (truth, field, (tp, fp, fn))
    ("names only", {"persons": ["张三"]}, "parties", (1, 0, 0)),
    ("details right", {"persons": [{"name": "张三", "gender": "男", "birth_date": "1980-01-02",
                                    "id_number": "11010519491231002X"}]}, "parties", (1, 0, 0)),
    ("birth date wrong", {"persons": [{"name": "张三", "birth_date": "1980-01-03"}]}, "parties", (0, 1, 1)),
    ("a suspect not in the truth", {"persons": ["李四"]}, "parties", (0, 1, 1)),
    ("document and event dates",
     {"documents": [{"type": "取保候审决定书", "date": "2020-03-01"}],
      "events": [{"action": "刑事拘留", "date": "2020-02-20", "person": "张三"}]}, "dates", (2, 0, 0)),
    ("birth dates count when the truth gives them",
     {"documents": [{"type": "取保候审决定书", "date": "2020-03-01"}], "persons": [{"name": "张三", "birth_date": "1980-01-02"}],
      "events": [{"action": "刑事拘留", "date": "2020-02-20", "person": "张三"}]}, "dates", (3, 0, 0)),
    ("a date the truth does not know", {"documents": [{"type": "取保候审决定书", "date": "2020-03-01"}]}, "dates", (1, 1, 0)),
]


@pytest.mark.parametrize("name,truth,field_name,counts", FIELD_CASES, ids=[c[0] for c in FIELD_CASES])
def test_dates_and_parties_fields(name: str, truth: dict, field_name: str, counts: tuple[int, int, int]) -> None:
    result = SyntheticResult()
    case = _case([], events=(Event(action="刑事拘留", date="2020-02-20", person="张三"),))
    score_case(case, truth, result)
    s = result.fields[field_name]
    assert (s.tp, s.fp, s.fn) == counts


EVENT_CASES = [
    # (truth events, the auditor's events, (tp, fp, fn))
    ("an act of the whole case, found per suspect", [("移送审查起诉", "2020-05-01", None)],
     [("移送审查起诉", "2020-05-01", "张三"), ("移送审查起诉", "2020-05-01", "李四")], (1, 0, 0)),
    ("…on another day", [("移送审查起诉", "2020-05-01", None)], [("移送审查起诉", "2020-05-03", "张三")], (0, 1, 1)),
    ("the truth names the persons: each as written", [("移送审查起诉", "2020-05-01", "张三")],
     [("移送审查起诉", "2020-05-01", "张三"), ("移送审查起诉", "2020-05-01", "李四")], (1, 1, 0)),
    ("a person's act found for the case only", [("刑事拘留", "2020-02-20", "张三")], [("刑事拘留", "2020-02-20", None)],
     (0, 1, 1)),
]


@pytest.mark.parametrize("name,wanted,found,counts", EVENT_CASES, ids=[c[0] for c in EVENT_CASES])
def test_events_of_the_whole_case(name: str, wanted: list, found: list, counts: tuple[int, int, int]) -> None:
    result = SyntheticResult()
    case = _case([], events=tuple(Event(action=a, date=d, person=p) for a, d, p in found))
    score_case(case, {"events": [{"action": a, "date": d, "person": p} for a, d, p in wanted]}, result)
    s = result.fields["events"]
    assert (s.tp, s.fp, s.fn) == counts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth_eval")
    generate_corpus(out, count=6, seed=5, formats=("txt",))
    return out


def test_every_registered_rule_is_reported(corpus: Path) -> None:
    result = evaluate_synthetic(corpus)
    assert set(registered_categories()) <= set(result.per_rule)
    for s in result.per_rule.values():
        if s.tp + s.fn == 0:  # nothing planted for this rule
            assert s.recall is None
    assert result.clean_files == sum(
        1 for p in corpus.glob("*.truth.json") if json.loads(p.read_text(encoding="utf-8")).get("clean")
    )
    assert {"events", "citations", "dates", "parties", "documents"} <= set(result.fields)


def test_eval_json_output(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--synthetic", str(corpus), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    synth = data["synthetic"]
    assert synth["files"] == 6 and set(data) == {"synthetic"}
    assert {"tp", "fp", "fn", "precision", "recall", "f1", "category", "trap_hits"} <= set(next(iter(synth["per_rule"].values())))
    assert set(synth["per_category"]) <= {*registered_categories().values(), "unregistered"}
    assert isinstance(synth["clean_findings"], int)
    assert synth["fields"]["dates"]["f1"] is not None


def test_eval_text_output_names_fields_and_categories(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--synthetic", str(corpus)]) == 0
    out = capsys.readouterr().out
    for word in ("按规则", "按类别", "无缺陷案卷", "dates", "parties"):
        assert word in out


@pytest.mark.parametrize("argv", [["eval", "--synthetic", "/nonexistent/dir"], ["eval", "--real", "/nonexistent/dir"]])
def test_eval_bad_directory_is_usage_error(argv: list[str]) -> None:
    assert main(argv) == 2


@pytest.mark.parametrize(("written", "expected"), [("一", "之一"), ("之二", "之二"), (1, "之一"), (None, None), ("", "")])
def test_a_truth_files_article_suffix_is_read_either_way(written: str | int | None, expected: str | None) -> None:
    """Regression (corpus ai): the truth format's 第N条之X suffix is written "之一" by some corpora, "一" by others."""
    assert _suffix(written) == expected
