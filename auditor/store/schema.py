"""The review store's tables (SQLAlchemy 2 declarative). The schema is created and changed only by the Alembic
migrations in auditor/store/migrations/; a test checks that the migrations and these models agree.

Audit results (runs, cases, dossiers, pages, documents, findings) are written once per audit. Review decisions and
rule settings are append-only logs: the current state is the latest entry, nothing is updated or deleted (the
database refuses it by trigger, see the first migration).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    """A reviewer. In single-user mode one row without a password; in team mode each has a password hash."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # reviewer | checker | admin (审查员 / 复核人 / 管理员)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Run(Base):
    """One audit session: the CLI over some paths, a UI upload, a batch."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(20))  # cli | ui | batch | …
    auditor_version: Mapped[str] = mapped_column(String(40))
    ruleset_version: Mapped[str] = mapped_column(String(80))
    profile: Mapped[str] = mapped_column(String(40), default="")  # "" = every rule
    user_name: Mapped[str | None] = mapped_column(String(100))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class CaseFile(Base):
    """A case (案件) as reviewers know it: successive dossiers of it (a corrected re-submission) share its decisions."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StoredDossier(Base):
    """One audited dossier version: the cached audit result (never re-audited unless asked)."""

    __tablename__ = "dossiers"
    __table_args__ = (Index("ix_dossiers_lookup", "content_hash", "ruleset_version", "profile"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    ruleset_version: Mapped[str] = mapped_column(String(80))
    profile: Mapped[str] = mapped_column(String(40), default="")
    source_name: Mapped[str] = mapped_column(String(255))  # what the reviewer sees: a file name, never a path
    source_ref: Mapped[str | None] = mapped_column(Text)  # where the files are kept, to draw page images (private)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    document_count: Mapped[int] = mapped_column(Integer, default=0)
    finding_count: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    readable: Mapped[bool] = mapped_column(Boolean, default=True)
    organ: Mapped[str | None] = mapped_column(String(255), index=True)  # 办案单位
    case_date: Mapped[dt.date | None] = mapped_column(Date)  # the latest document date
    audited_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)  # the DossierReport (JSON contract) as audited
    case: Mapped[CaseFile] = relationship()


class StoredPage(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("dossier_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    method: Mapped[str] = mapped_column(String(20))
    quality: Mapped[float | None]
    file_name: Mapped[str] = mapped_column(String(255))  # the page's file inside the dossier (no directory)
    source_index: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[float | None]
    height: Mapped[float | None]


class StoredDocument(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("dossier_id", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    key: Mapped[str] = mapped_column(String(20))  # d1, d2 …
    type: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(String(255))
    organ: Mapped[str | None] = mapped_column(String(255))
    date: Mapped[dt.date | None] = mapped_column(Date)
    pages: Mapped[list[Any]] = mapped_column(JSON)


class StoredFinding(Base):
    """A finding of one dossier version. Its review state lives in the decision log, keyed by (case, fingerprint)."""

    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("dossier_id", "fingerprint"), Index("ix_findings_case_fp", "case_id", "fingerprint"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    rule_id: Mapped[str] = mapped_column(String(100), index=True)
    category: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text)
    document_key: Mapped[str | None] = mapped_column(String(20))
    document_type: Mapped[str | None] = mapped_column(String(100))
    document_title: Mapped[str | None] = mapped_column(Text)
    document_date: Mapped[dt.date | None] = mapped_column(Date)
    organ: Mapped[str | None] = mapped_column(String(255))  # 办案单位 of the dossier
    caused_by: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the Finding as the JSON contract writes it
    marks: Mapped[list[Any]] = mapped_column(JSON)  # per evidence: boxes per line of the quote, dates used


class ReviewDecision(Base):
    """Append-only: 确认 / 驳回 / 待补充 of one finding of a case, by whom, when, why."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_case_fp", "case_id", "fingerprint", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    dossier_id: Mapped[int | None] = mapped_column(ForeignKey("dossiers.id"))  # the version the reviewer looked at
    status: Mapped[str] = mapped_column(String(20))  # confirmed | dismissed | pending
    reason_code: Mapped[str | None] = mapped_column(String(40))
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(100), index=True)
    role: Mapped[str] = mapped_column(String(20))
    overrules_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))  # another reviewer's decision
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RuleSetting(Base):
    """Append-only: a rule switched on or off for a profile, or its thresholds changed (规则库)."""

    __tablename__ = "rule_settings"
    __table_args__ = (Index("ix_rule_settings_rule", "profile", "rule_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile: Mapped[str] = mapped_column(String(40))  # "" = every profile
    rule_id: Mapped[str] = mapped_column(String(100))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


APPEND_ONLY = ("decisions", "rule_settings")
