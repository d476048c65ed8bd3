"""Every plantable rule: a dossier with only its defect raises exactly that finding; its look-alikes none.

These run the whole pipeline on the generated TXT, so a plant that does not produce what the rule looks for,
or a rule that fires on a lawful look-alike, fails here with the rule's name in the test id.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from auditor.pipeline import audit_path
from auditor.synth import RULES, defects, generate_dossier, writers
from auditor.synth.generator import dossier_features, plants_fit

SEEDS = range(3)


def _audit(dossier, tmp_path: Path) -> tuple[Counter, Counter]:
    path = tmp_path / f"{dossier.stem}.txt"
    writers.WRITERS["txt"](dossier, path)
    case = audit_path(path)
    found = Counter((f.rule_id, case.document(f.evidence[0].document_id).type) for f in case.findings)
    expected = Counter((f["rule_id"], f["document_type"]) for f in dossier.expected_findings())
    return expected, found


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("rule", sorted(defects.PLANTS))
def test_planted_defect_is_found_alone(rule: str, seed: int, tmp_path: Path) -> None:
    dossier = generate_dossier(random.Random(seed), seed, [rule])
    assert defects.PLANTS[rule].needs <= dossier_features(dossier)
    expected, found = _audit(dossier, tmp_path)
    assert expected[(rule, dossier.planted[0]["document_type"])] == 1
    assert sum(expected.values()) == len(dossier.planted)  # the defect, and what it necessarily raises too
    assert found == expected, dossier.planted


@pytest.mark.parametrize("seed", range(12))
def test_lookalikes_raise_nothing(seed: int, tmp_path: Path) -> None:
    dossier = generate_dossier(random.Random(500 + seed), seed, [])
    expected, found = _audit(dossier, tmp_path)
    assert not expected
    assert not found, [x for x in dossier.lookalikes]


def test_every_plant_fits_alone_and_features_are_known() -> None:
    for rule in RULES:
        assert plants_fit([rule])
    for plant in defects.PLANTS.values():
        assert plant.needs <= defects.FEATURES and plant.rule in RULES
