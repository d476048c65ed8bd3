"""Redaction of personal data in dossier text (layer 3, beside the rules; the reports and exports call it).

Built on Microsoft Presidio: `presidio-analyzer` with our own Chinese recognizers configured in
lexicons/redact/*.yaml and a jieba-based NLP engine (no spaCy model), `presidio-anonymizer` for the replacement.
`DossierRedactor` redacts the texts of one dossier consistently; `check` is the last check before any write.
"""

from auditor.redact.analyzer import ENTITY_TYPES, TYPE_LABEL, Entity, analyze
from auditor.redact.config import Policy
from auditor.redact.guard import Leak, LeakError, check, scan
from auditor.redact.redactor import DossierRedactor, Redacted

__all__ = ["ENTITY_TYPES", "TYPE_LABEL", "DossierRedactor", "Entity", "Leak", "LeakError", "Policy", "Redacted",
           "analyze", "check", "scan"]
