"""Planting the rule catalogue's defects into synthetic dossiers: one module per rule group.

A `Plant` says which dossier features its defect needs (a bail decision, a 不起诉决定书, a victim …), how to
plant the defect and how to build its lawful look-alike (the trap a loose rule would fall into). The
generator lays out a dossier with the features the planted rules need, plants the defects asked for, and
builds look-alikes of the other rules where the dossier allows.

Stage "layout" plants run before rendering: they change dates, template parameters and citations, or add and
remove documents, so the truth (documents, events, citations) follows automatically. Stage "text" plants
run on the rendered lines: wording edits that leave dates and citations alone.

A plant function takes (rng, dossier) and returns a `Mark` (the document type the finding points at, the
variant, any detail for the truth file), or None when this dossier offers no place for it (look-alikes
only: a defect asked for must be planted).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.synth.generator import SynthDossier
    from auditor.synth.templates import SynthDocument

# Dossier features a plant may need; the generator maps them onto the case it plans.
FEATURES = frozenset({
    "arrest",  # detained, then arrested (custody path)
    "bail",  # a 取保候审决定书
    "surveil",  # a 监视居住决定书
    "detained",  # a 拘留证
    "nonpros",  # a 不起诉决定书 (one suspect, not arrested)
    "conditional",  # a 附条件不起诉决定书 (one minor suspect, not arrested, a crime with a victim)
    "victim",  # a crime with a victim
    "no_victim",  # a crime without a victim
    "new_era",  # 2019 or later (2018 CPL numbering)
    "single",  # one suspect
})
# Features that cannot share a dossier: the custody path ends in arrest, the others in release; a case ends in
# one decision; the crimes open to 附条件不起诉 (刑法分则 chapters 4–6) all have victims here.
EXCLUSIVE = [frozenset({"arrest", "bail"}), frozenset({"arrest", "surveil"}), frozenset({"arrest", "nonpros"}),
             frozenset({"victim", "no_victim"}), frozenset({"conditional", "arrest"}),
             frozenset({"conditional", "nonpros"}), frozenset({"conditional", "no_victim"})]

Mark = dict[str, Any]
PlantFn = Callable[[random.Random, "SynthDossier"], "Mark | None"]


@dataclass(frozen=True)
class Plant:
    rule: str
    needs: frozenset[str]
    defect: PlantFn
    lookalike: PlantFn | None = None
    stage: str = "text"  # "layout" (before rendering) or "text" (on rendered lines)
    conflicts: frozenset[str] = field(default_factory=frozenset)  # rules it must not share a dossier with

    def __post_init__(self) -> None:
        if self.stage not in ("layout", "text"):
            raise ValueError(f"{self.rule}: stage must be layout or text")
        if not self.needs <= FEATURES:
            raise ValueError(f"{self.rule}: unknown features {sorted(self.needs - FEATURES)}")


PLANTS: dict[str, Plant] = {}


def register(plant: Plant) -> Plant:
    if plant.rule in PLANTS:
        raise ValueError(f"{plant.rule} planted twice")
    PLANTS[plant.rule] = plant
    return plant


def compatible(features: set[str] | frozenset[str]) -> bool:
    return not any(pair <= features for pair in EXCLUSIVE)


# --- helpers for plant authors ---------------------------------------------------------------------------


def first(dossier: SynthDossier, doc_type: str) -> SynthDocument | None:
    return next((d for d in dossier.documents if d.type == doc_type), None)


def all_of(dossier: SynthDossier, doc_type: str) -> list[SynthDocument]:
    return [d for d in dossier.documents if d.type == doc_type]


def mark(doc_type: str, variant: str, also: list[tuple[str, str]] | None = None, **detail: Any) -> Mark:
    """What was planted; `also` lists (rule id, document type) of findings the defect necessarily raises too."""
    return {"document_type": doc_type, "variant": variant, **({"also": also} if also else {}), **detail}


def replace_text(doc: SynthDocument, old: str, new: str, count: int = 1) -> bool:
    """Replace `old` in the rendered lines (text stage); False when absent."""
    for i, line in enumerate(doc.lines):
        if old in line:
            doc.lines[i] = line.replace(old, new, count)
            return True
    return False


def remove_document(dossier: SynthDossier, doc: SynthDocument) -> None:
    dossier.documents.remove(doc)


def insert_after(dossier: SynthDossier, anchor: SynthDocument, doc: SynthDocument) -> SynthDocument:
    dossier.documents.insert(dossier.documents.index(anchor) + 1, doc)
    return doc


def days(n: int) -> timedelta:
    return timedelta(days=n)


def shift(doc: SynthDocument, to: date) -> None:
    """Move a document to another date (layout stage; the date line is rendered from it)."""
    doc.date = to


def rule_limit(rule_id: str, key: str = "limit") -> str:
    """A period from the rule's own YAML (pinned against the statute by its tests), so a plant follows the rule
    instead of restating the law."""
    from auditor.lexicon import load_yaml

    value = load_yaml(f"rules/{rule_id}.yaml")["check"]
    for part in key.split("."):
        value = value[int(part)] if part.isdigit() else value[part]  # "extensions.1.limit"
    return str(value)


def load_groups() -> None:
    """Import the group modules so that they register their plants."""
    from auditor.synth.defects import custody, extra, file_checks, non_prosecution, wording  # noqa: F401
