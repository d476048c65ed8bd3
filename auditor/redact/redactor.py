"""Redaction of one dossier: analysed once (so every name found anywhere in it is known everywhere), then any text
of it — a page, a document, an evidence excerpt, a finding's message — replaced by Presidio's anonymizer with the
same pseudonym for the same person."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

from auditor.model import AuditResult, Party
from auditor.redact import pseudonyms as ps
from auditor.redact.analyzer import Entity, analyze
from auditor.redact.birth_dates import date_key
from auditor.redact.config import Policy
from auditor.redact.names import PARTY_ROLE

MARK_OPEN, MARK_CLOSE = "【", "】"
_MASKED_NAME = re.compile(r"某|\*|＊|×")


@dataclass(frozen=True)
class Redacted:
    """A redacted text and what was found in the original (spans into the original text)."""

    text: str
    entities: tuple[Entity, ...]


def party_roles(parties: Iterable[Party]) -> dict[str, str]:
    """Every spelling of every party → its role category (names.yaml `cues` keys)."""
    roles: dict[str, str] = {}
    for p in parties:
        role = "suspect" if p.is_suspect else PARTY_ROLE.get(p.role, "other")
        for name in p.names:
            roles.setdefault(name, role)
    return roles


class DossierRedactor:
    """Redacts texts of one dossier consistently.

    `parties`: the case's party list (`Party`, with its variant spellings) or names → role; `full_text`: the
    dossier's whole text, analysed once so that a name found in one document is masked in every excerpt."""

    def __init__(self, parties: Iterable[Party] | Mapping[str, str] = (), *, full_text: str = "",
                 policy: Policy | None = None) -> None:
        self.policy = policy or Policy.load()
        parties = list(parties.items()) if isinstance(parties, Mapping) else list(parties)
        self.canonical: dict[str, str] = {}
        if parties and isinstance(parties[0], Party):
            self.roles = party_roles(parties)  # type: ignore[arg-type]
            for p in parties:
                for name in p.names:  # type: ignore[union-attr]
                    self.canonical.setdefault(name, p.name)  # type: ignore[union-attr]
        else:
            self.roles = dict(parties)  # type: ignore[arg-type]
        # Birth dates the dossier states (its parties', and every one found in its text) are birth dates anywhere.
        self.birth_dates = {(p.birth_date.year, p.birth_date.month, p.birth_date.day)
                            for p in parties if isinstance(p, Party) and p.birth_date}
        self.full_text = full_text
        self.full_entities: list[Entity] = (analyze(full_text, self.roles, self.policy.score_threshold,
                                                    birth_dates=self.birth_dates) if full_text else [])
        for e in self.full_entities:  # names found anywhere in the dossier are known everywhere
            if e.type == "PERSON" and e.name and e.name not in self.roles:
                self.roles[e.name] = e.role or "other"
        self.birth_dates |= {k for e in self.full_entities if e.type == "BIRTH_DATE"
                             and (k := date_key(full_text[e.start : e.end])) is not None}
        # Names the dossier shows ending somewhere: they delimit a name in an excerpt that does not.
        self.confirmed = {n for n in self.roles if re.search(re.escape(n) + "(?![\u4e00-\u9fff])", full_text)}
        masked = {n for n in self.roles if _MASKED_NAME.search(n)}
        self.pseudonyms = ps.Pseudonyms(self.policy, masked)
        for e in self.full_entities:  # pseudonyms in order of first mention: the first person named is 张某
            if e.type == "PERSON" and e.name and (self.policy.officers == "mask" or e.role != "officer"):
                self.pseudonyms.person(self.canonical.get(e.name, e.name))
        self._anonymizer = AnonymizerEngine()
        self._final: list[Entity] | None = None

    @classmethod
    def for_result(cls, result: AuditResult, policy: Policy | None = None) -> DossierRedactor:
        return cls(result.parties, full_text=result.dossier.text, policy=policy)

    @property
    def names(self) -> set[str]:
        """Every unmasked name of the dossier (party list and found), for the last check."""
        return {n for n in self.roles if len(n) >= 2 and not _MASKED_NAME.search(n)}

    @property
    def officer_names(self) -> set[str]:
        return {n for n, r in self.roles.items() if r == "officer"}

    def analyze(self, text: str) -> list[Entity]:
        # A second pass with everything the first one found (names it found delimit ambiguous ones); the whole
        # dossier's is kept, since `auditor redact` and the last check both need it.
        if text and text == self.full_text:
            if self._final is None:
                self._final = analyze(text, self.roles, self.policy.score_threshold, self.confirmed, self.birth_dates)
            entities = list(self._final)
        else:
            entities = analyze(text, self.roles, self.policy.score_threshold, self.confirmed, self.birth_dates)
        if self.policy.officers == "keep":
            entities = [e for e in entities if not (e.type == "PERSON" and e.role == "officer")]
        return entities

    def redact(self, text: str, marks: Sequence[tuple[int, int]] = ()) -> Redacted:
        """`text` with every entity replaced; `marks` (spans of `text`, e.g. evidence) wrapped in 【】."""
        entities = self.analyze(text)
        return Redacted(self._replace(text, entities, marks), tuple(entities))

    def replace(self, text: str, entities: Sequence[Entity]) -> str:
        return self._replace(text, entities, ())

    # --- replacement ---------------------------------------------------------------------------------------

    def replacement(self, entity_type: str, original: str) -> str:
        p = self.policy
        if entity_type == "PERSON":
            key = original.replace("\n", "")
            out = self.pseudonyms.person(self.canonical.get(key, key))
            return out + ("\n" if "\n" in original else "")
        return {
            "ID_CARD": ps.id_card, "PHONE": ps.phone, "BANK_CARD": ps.bank_card, "PLATE": ps.plate,
            "EMAIL": ps.email, "PASSPORT": ps.passport, "ACCOUNT": ps.account, "WORK_UNIT": ps.work_unit,
            "ADDRESS": lambda s: ps.address(s, p), "BIRTH_DATE": lambda s: ps.birth_date(s, p),
        }.get(entity_type, lambda s: "＊" * len(s))(original)

    def _replace(self, text: str, entities: Sequence[Entity], marks: Sequence[tuple[int, int]]) -> str:
        if not entities and not marks:
            return text
        operators = {t: OperatorConfig("custom", {"lambda": (lambda s, t=t: self.replacement(t, s))})
                     for t in {e.type for e in entities}}
        results = [RecognizerResult(e.type, e.start, e.end, e.score) for e in entities]
        engine_result = self._anonymizer.anonymize(text=text, analyzer_results=results, operators=operators,
                                                   merge_entities_with_spaces=False)
        out = engine_result.text
        if not marks:
            return out
        # Map original offsets to the output: each replaced entity shifts what follows it.
        items = sorted(engine_result.items, key=lambda i: i.start)
        spans = sorted((e.start, e.end) for e in entities)
        if len(items) != len(spans):
            raise RuntimeError("anonymizer changed the entity list")
        def to_out(x: int, closing: bool) -> int:
            shift = 0
            for (s, e), item in zip(spans, items, strict=True):
                if e <= x:
                    shift += (item.end - item.start) - (e - s)
                elif s < x < e:  # inside an entity: the mark goes to its edge
                    return item.end if closing else item.start
                elif s >= x:
                    break
            return x + shift
        inserts = []
        for a, b in marks:
            inserts += [(to_out(a, False), MARK_OPEN), (to_out(b, True), MARK_CLOSE)]
        for pos, mark in sorted(inserts, key=lambda i: (i[0], i[1] == MARK_OPEN), reverse=True):
            out = out[:pos] + mark + out[pos:]
        return out
