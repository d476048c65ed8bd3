"""Where the review store lives and how to connect: an SQLite file by default (WAL), PostgreSQL by URL.

`AUDITOR_DB` names the database (an SQLAlchemy URL, or a plain file path for SQLite); without it the store is
`auditor.db` in the user's data directory. The schema is brought to the newest Alembic revision on open.
"""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

ENV_VAR = "AUDITOR_DB"
MIGRATIONS = Path(__file__).with_name("migrations")


def default_url() -> str:
    """`AUDITOR_DB`, else an SQLite file under the user's data directory."""
    value = os.environ.get(ENV_VAR, "").strip()
    if value:
        return normalise_url(value)
    folder = Path(user_data_dir("auditor", appauthor=False))
    return f"sqlite:///{folder / 'auditor.db'}"


def normalise_url(value: str) -> str:
    """A plain path means an SQLite file; `postgresql://` means the psycopg 3 driver."""
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One connection per use: several processes (the app, the CLI, a batch) share the file safely in WAL mode.
        engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 — DB-API connection
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            # A decision shown as saved survives a crash of the app and of the machine.
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
