"""Wording banks of the synthetic generator (auditor/synth/wording.yaml, templates `say`).

The plain wording (the default) is each bank's first variant; wording="varied" draws one variant per document
and bank from an RNG of its own, so that a varied corpus holds the same cases, dates, plants and truth as the
plain one, worded otherwise. These tests pin that, and that the planted defects still land in varied text.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from auditor.cli import main as cli_main
from auditor.synth import generate_corpus, generate_dossier, plan_corpus, writers
from auditor.synth import templates as tpl
from auditor.synth.generator import WORDINGS
from auditor.synth.templates import FORM_GUARANTEE, ar_date, wording_banks

CORPUS = 96
SEED = 21


def _corpus(seed: int, count: int, wording: str) -> list:
    """The dossiers generate_corpus writes, without writing them."""
    plans = plan_corpus(random.Random(seed), count)
    return [generate_dossier(random.Random(seed * 10007 + i), i, plant, old=old, wording=wording)
            for i, (plant, old) in enumerate(plans, start=1)]


@pytest.fixture(scope="module")
def used_variants() -> tuple[Counter, list, list]:
    """(bank, variant) rendered across a 96-dossier varied corpus, and that corpus and its plain twin."""
    used: Counter = Counter()
    original = tpl.variant

    def recording(doc: tpl.SynthDocument, bank: str) -> str:
        used[(bank, doc.wording.get(bank, 0))] += 1
        return original(doc, bank)

    mp = pytest.MonkeyPatch()
    mp.setattr(tpl, "variant", recording)
    try:
        varied = _corpus(SEED, CORPUS, "varied")
    finally:
        mp.undo()
    return used, varied, _corpus(SEED, CORPUS, "plain")


def test_banks_are_data_with_sources_and_alternatives():
    data = tpl.read_yaml(tpl.WORDING_YAML.read_text(encoding="utf-8"))["banks"]
    assert len(data) >= 30
    for name, bank in data.items():
        assert bank.get("source"), f"{name}: where the paraphrases were seen"
        variants = bank["variants"]
        assert len(variants) >= 2, name
        assert len(set(variants)) == len(variants), f"{name}: a variant twice"


def test_plain_is_the_default_and_keeps_the_first_variants(tmp_path):
    """The default corpus is the plain one, byte for byte; no document carries a wording choice."""
    a, b = tmp_path / "default", tmp_path / "plain"
    generate_corpus(a, count=6, seed=3, formats=("txt",))
    generate_corpus(b, count=6, seed=3, formats=("txt",), wording="plain")
    assert all((a / f.name).read_bytes() == f.read_bytes() for f in b.iterdir())
    assert all(not doc.wording for d in _corpus(3, 6, "plain") for doc in d.documents)
    with pytest.raises(ValueError):
        generate_dossier(random.Random(0), 1, [], wording="fancy")
    assert WORDINGS == ("plain", "varied")


def test_varied_corpus_is_reproducible_and_differs_from_plain(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "plain"
    for out in (a, b):
        generate_corpus(out, count=8, seed=5, formats=("txt",), wording="varied")
    generate_corpus(c, count=8, seed=5, formats=("txt",))
    files = sorted(p.name for p in a.iterdir())
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    texts = [f for f in files if f.endswith(".txt")]
    assert all((a / f).read_bytes() != (c / f).read_bytes() for f in texts)
    # Same cases: the truth (documents, events, citations, plants) does not depend on the wording.
    truths = [f for f in files if f.endswith(".truth.json")]
    assert all(json.loads((a / f).read_text()) == json.loads((c / f).read_text()) for f in truths)


def test_cli_wording_flag(tmp_path):
    assert cli_main(["synth", str(tmp_path / "v"), "--count", "2", "--formats", "txt", "--wording", "varied"]) == 0
    assert cli_main(["synth", str(tmp_path / "p"), "--count", "2", "--formats", "txt"]) == 0
    assert (tmp_path / "v" / "case_01.txt").read_text() != (tmp_path / "p" / "case_01.txt").read_text()


def test_every_variant_appears_in_a_varied_corpus(used_variants):
    used, _, _ = used_variants
    missing = [(name, i) for name, variants in wording_banks().items() for i in range(len(variants))
               if not used[(name, i)]]
    assert not missing


def test_varied_and_plain_share_the_truth(used_variants):
    _, varied, plain = used_variants
    for v, p in zip(varied, plain, strict=True):
        assert v.truth() == p.truth(), v.stem


def _text(doc: tpl.SynthDocument) -> str:
    return "\n".join(doc.lines)


def _first(dossier, doc_type: str) -> tpl.SynthDocument:
    return next(d for d in dossier.documents if d.type == doc_type)


def test_planted_text_defects_land_in_every_wording(used_variants):
    """The text-stage plants found their sentence whatever its wording: the edit is in the rendered text."""
    _, varied, _ = used_variants
    seen: Counter = Counter()
    for dossier in varied:
        for entry in dossier.planted:
            rule = entry["rule_id"]
            seen[rule] += 1
            if rule == "RIGHTS-NOTICE-LENIENCY-MISSING":
                first = min((d for d in dossier.documents if d.type == "讯问笔录"),
                            key=lambda d: (d.date, d.params.get("count", 1)))
                assert "认罪认罚" not in _text(first)
            elif rule == "NON-PROSECUTION-VICTIM-NOTICE-MISSING":
                assert "也可以不经申诉" not in _text(_first(dossier, "不起诉决定书"))
            elif rule == "NON-PROSECUTION-VICTIM-NOTICE-WRONG-LEVEL":
                upper = dossier.context.place.upper_procuratorate
                assert f"向{upper}申诉" not in _text(_first(dossier, "不起诉决定书"))
            elif rule == "BAIL-DEPOSIT-BELOW-MINIMUM":
                assert f"{entry['amount']}" in str(_first(dossier, "取保候审决定书").params["amount"])
                assert _first(dossier, "取保候审决定书").params["capitals"] in _text(_first(dossier, "取保候审决定书"))
            elif rule in ("BAIL-EXECUTOR-MISSING", "SURVEILLANCE-EXECUTOR-MISSING"):
                doc = _first(dossier, entry["document_type"])
                assert not any(line.endswith("执行。") for line in doc.lines)
            elif rule == "BAIL-OBLIGATIONS-MISSING" and entry["variant"].startswith("item_"):
                doc = _first(dossier, "取保候审决定书")
                line = next(x for x in doc.lines if "应当遵守" in x)
                assert len(re.findall(r"（[一二三四五六七]）", line)) == 4
            elif rule == "BAIL-NO-GUARANTEE":
                doc = _first(dossier, "取保候审决定书")
                assert FORM_GUARANTEE in doc.lines
            elif rule == "CONSISTENCY-DETENTION-DATE":
                stated = ar_date(tpl.date.fromisoformat(entry["stated"]))
                assert stated in _text(_first(dossier, "起诉意见书"))
    assert seen["RIGHTS-NOTICE-LENIENCY-MISSING"] and seen["BAIL-DEPOSIT-BELOW-MINIMUM"]


def test_varied_wording_reaches_the_rules_sentences(used_variants):
    """A few paraphrases, as they read in the rendered text (one line each, fields filled in)."""
    _, varied, _ = used_variants
    text = "\n".join(writers.dossier_text(d) for d in varied)
    for needle in ("向我局报案", "现羁押在", "期限自", "责令其", "由保证人", "本通知书已收到。", "受送达人签收：",
                   "要求你院复议。", "讯问人", "被讯问人："):
        assert needle in text, needle


def test_dotted_date():
    assert tpl.dotted_date(tpl.date(2023, 5, 12)) == "2023.5.12"


def test_wording_yaml_is_beside_the_templates():
    assert Path(tpl.WORDING_YAML).parent == Path(tpl.__file__).parent
