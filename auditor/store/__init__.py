"""The review store (layer 4): audit results cached per dossier, findings keyed by their stable fingerprint, an
append-only review log, users and rule settings. SQLite by default, PostgreSQL by URL. See docs/store.md."""

from auditor.report.rows import FindingRow
from auditor.store.api import (
    ROLES,
    STATUSES,
    UNREVIEWED,
    Comparison,
    DecisionView,
    DossierSummary,
    PageView,
    PermissionDenied,
    ReviewError,
    Store,
    StoredResult,
    UserView,
)
from auditor.store.db import default_url
from auditor.store.hashing import content_hash

__all__ = [
    "ROLES", "STATUSES", "UNREVIEWED", "Comparison", "DecisionView", "DossierSummary", "FindingRow", "PageView",
    "PermissionDenied", "ReviewError", "Store", "StoredResult", "UserView", "content_hash", "default_url",
]
