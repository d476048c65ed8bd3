"""The analyser: Presidio's `AnalyzerEngine` with our Chinese recognizers and the jieba NLP engine, returning
non-overlapping entities, each with the recognizer that fired and Presidio's decision process."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult

from auditor.redact import config
from auditor.redact.addresses import AddressRecognizer
from auditor.redact.birth_dates import BirthDateRecognizer
from auditor.redact.names import NameRecognizer
from auditor.redact.nlp import LANGUAGE, IndexedContextEnhancer, JiebaNlpEngine
from auditor.redact.patterns import pattern_recognizers
from auditor.redact.work_units import WorkUnitRecognizer

ENTITY_TYPES = ("PERSON", "ID_CARD", "PHONE", "BANK_CARD", "PLATE", "EMAIL", "PASSPORT", "ADDRESS", "WORK_UNIT",
                "BIRTH_DATE", "ACCOUNT")
TYPE_LABEL = {
    "PERSON": "姓名", "ID_CARD": "身份证号", "PHONE": "电话", "BANK_CARD": "银行卡号", "PLATE": "车牌号",
    "EMAIL": "电子邮箱", "PASSPORT": "护照/通行证号", "ADDRESS": "住址", "WORK_UNIT": "工作单位/学校",
    "BIRTH_DATE": "出生日期", "ACCOUNT": "网络账号",
}
# When two entities overlap, a sure one (score ≥ SURE: validated, or a strong context) beats an unsure one; then
# the one whose type is first here (an ID number's check digit and date are stricter than a card's Luhn digit, a
# validated number beats a name inside it); the longer wins within a rank.
SURE = 0.85
PRIORITY = {"ID_CARD": 0, "BANK_CARD": 1, "PHONE": 1, "EMAIL": 1, "ACCOUNT": 1, "PASSPORT": 1, "PLATE": 1,
            "ADDRESS": 2, "WORK_UNIT": 2, "BIRTH_DATE": 2, "PERSON": 3}


@dataclass(frozen=True)
class Entity:
    """One piece of personal data found in a text: where, what, how sure, and why."""

    type: str
    start: int
    end: int
    score: float
    recognizer: str
    explanation: Mapping[str, Any] = field(default_factory=dict, compare=False)
    role: str | None = None  # PERSON: suspect | victim | witness | guarantor | relative | lawyer | officer | other
    name: str | None = field(default=None, repr=False)  # PERSON: the name without line breaks (never logged)

    def to_dict(self) -> dict[str, Any]:
        """JSON of `auditor redact --format json`: no original text, only where and why."""
        out = {"type": self.type, "label": TYPE_LABEL.get(self.type, self.type), "start": self.start, "end": self.end,
               "score": round(self.score, 3), "recognizer": self.recognizer, "explanation": dict(self.explanation)}
        if self.role:
            out["role"] = self.role
        return out


@functools.cache
def engine() -> AnalyzerEngine:
    """One analyser per process (the jieba dictionary and the compiled patterns are loaded once)."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in (*pattern_recognizers(), AddressRecognizer(), WorkUnitRecognizer()):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=JiebaNlpEngine(), supported_languages=[LANGUAGE],
                          context_aware_enhancer=IndexedContextEnhancer())


def analyze(text: str, parties: Mapping[str, str] | Iterable[str] = (), threshold: float = 0.35,
            confirmed: Iterable[str] = (), birth_dates: Iterable[tuple[int, int, int]] = ()) -> list[Entity]:
    """Entities of `text`, non-overlapping, in text order. `parties`: the dossier's party names (→ role);
    `confirmed`: names the whole dossier shows where they end (an excerpt may not); `birth_dates`: (y, m, d) the
    dossier states as birth dates."""
    if not text.strip():
        return []
    results = engine().analyze(text=text, language=LANGUAGE, return_decision_process=True,
                               ad_hoc_recognizers=[NameRecognizer(parties, confirmed),
                                                                   BirthDateRecognizer(birth_dates)], score_threshold=threshold)
    keep = _keep_spans(text)
    return [e for e in resolve([_entity(r) for r in results])
            if not any(s < e.end and e.start < en for s, en in keep)]


@functools.cache
def _keep_regexes() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(k["regex"]) for k in config.keep_patterns())


def _keep_spans(text: str) -> list[tuple[int, int]]:
    """文号 and 案号: legal text no entity may touch (recognizers.yaml `keep`)."""
    return [m.span() for regex in _keep_regexes() for m in regex.finditer(text)]


def _entity(r: RecognizerResult) -> Entity:
    meta = r.recognition_metadata or {}
    ex = r.analysis_explanation
    explanation = {}
    if ex is not None:
        explanation = {k: v for k, v in {
            "pattern": ex.pattern_name,
            "validation": ex.validation_result,
            "context_word": ex.supportive_context_word or None,
            "original_score": round(ex.original_score, 3) if ex.original_score is not None else None,
            "reason": ex.textual_explanation,
        }.items() if v is not None}
    return Entity(type=r.entity_type, start=r.start, end=r.end, score=r.score,
                  recognizer=meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, ""), explanation=explanation,
                  role=meta.get("role"), name=meta.get("name"))


def resolve(entities: list[Entity]) -> list[Entity]:
    """Non-overlapping entities: sure before unsure, then by type priority, length and score."""
    ranked = sorted(entities, key=lambda e: (e.score < SURE, PRIORITY.get(e.type, 9), -(e.end - e.start), -e.score,
                                             e.start))
    chosen: list[Entity] = []
    taken = bytearray(max((e.end for e in entities), default=0))
    for e in ranked:
        if not any(taken[e.start : e.end]):
            taken[e.start : e.end] = b"\x01" * (e.end - e.start)
            chosen.append(e)
    return sorted(chosen, key=lambda e: e.start)
