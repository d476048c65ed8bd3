"""The store's tests run on SQLite and on a real PostgreSQL server started for the session."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import PgServer, missing_reason, pg_server

from auditor.model import AuditResult
from auditor.pipeline import audit_path
from auditor.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_files"
_names = itertools.count()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PgServer]:
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    with pg_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'review.db'}"
    server: PgServer = request.getfixturevalue("postgres")
    return server.create_database(f"t{next(_names)}")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    st = Store.open(store_url)
    yield st
    st.close()


@pytest.fixture(scope="session")
def sample_results() -> dict[str, AuditResult]:
    """The samples with findings, audited once for the session."""
    names = ["case_08_both_guarantees_missing_notice.txt", "case_09_arrest_deadline_outdated_citation.pdf",
             "case_06_surveillance_term_nonexistent_article.pdf"]
    return {name: audit_path(SAMPLES / name) for name in names}
