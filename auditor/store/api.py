"""The review store's Python API (docs/store.md): audit results cached per dossier, findings keyed by their stable
fingerprint, an append-only review log whose latest entry is a finding's state, users and rule settings.

Every write is one transaction. Decisions belong to a *case* (the dossier's case key, by default its file name) and
a finding fingerprint, so a corrected dossier saved under the same case keeps the decisions on its unchanged
findings. Nothing here updates or deletes a decision or a rule setting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from auditor import __version__
from auditor.model import AuditResult, DossierReport
from auditor.report.marks import finding_marks
from auditor.report.reasons import reason_required, reasons, role_labels, status_labels
from auditor.report.rows import FindingRow, basis_text, display_name, dossier_organ
from auditor.rules.loader import load_rules
from auditor.rules.version import ruleset_version as current_ruleset_version
from auditor.store import db
from auditor.store.hashing import content_hash as hash_path
from auditor.store.hashing import text_hash
from auditor.store.passwords import hash_password, verify_password
from auditor.store.schema import (
    CaseFile,
    ReviewDecision,
    RuleSetting,
    Run,
    StoredDocument,
    StoredDossier,
    StoredFinding,
    StoredPage,
    User,
    utcnow,
)

STATUSES = ("confirmed", "dismissed", "pending")
UNREVIEWED = "unreviewed"  # a filter value: findings with no decision yet
ROLES = ("reviewer", "checker", "admin")


class ReviewError(ValueError):
    """A decision the log cannot take: unknown status or reason, a reason missing, no such finding."""


class PermissionDenied(PermissionError):
    """Team mode: the user may not do this (change another reviewer's decision without being a 复核人 …)."""


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; every time the store writes is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


@dataclass(frozen=True)
class DossierSummary:
    id: int
    case_id: int
    case_key: str
    run_id: int
    source_name: str
    content_hash: str
    ruleset_version: str
    profile: str
    pages: int
    documents: int
    findings: int
    errors: int
    readable: bool
    organ: str | None
    case_date: dt.date | None
    audited_at: dt.datetime
    version: int = 1  # 1 for the case's first dossier, 2 for its first re-submission …


@dataclass(frozen=True)
class PageView:
    number: int
    text: str
    method: str
    quality: float | None
    file_name: str
    source_index: int | None
    width: float | None
    height: float | None
    source_ref: str | None  # the dossier's kept files (private: for drawing page images, never shown)

    @property
    def file_path(self) -> Path | None:
        """The page's file on this machine, when the dossier's files were kept (a ZIP member is unpacked once,
        beside the ZIP)."""
        if not self.source_ref:
            return None
        ref = Path(self.source_ref)
        if ref.is_file() and ref.suffix.lower() == ".zip" and self.file_name != ref.name:
            return _unpacked(ref, self.file_name)
        if ref.is_file():
            return ref
        candidate = ref / self.file_name
        return candidate if ref.is_dir() and candidate.is_file() else None


def _member(dossier_source: str, page_source: str) -> str:
    """A page's file relative to its dossier (a folder's or ZIP's member), or the file's own name."""
    prefix = dossier_source.rstrip("/") + "/"
    return page_source[len(prefix):] if page_source.startswith(prefix) else display_name(page_source)


def _unpacked(archive: Path, member: str) -> Path | None:
    import zipfile

    target_root = archive.with_name(archive.name + ".pages")
    target = (target_root / member).resolve()
    if not target.is_relative_to(target_root.resolve()):
        return None
    if not target.is_file():
        try:
            with zipfile.ZipFile(archive) as zf:
                data = zf.read(member)
        except (KeyError, OSError, zipfile.BadZipFile):
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target


@dataclass(frozen=True)
class DecisionView:
    id: int
    case_id: int
    fingerprint: str
    status: str
    reason_code: str | None
    comment: str
    reviewer: str
    role: str
    decided_at: dt.datetime
    dossier_id: int | None
    overrules_id: int | None


@dataclass(frozen=True)
class Comparison:
    """A dossier's findings against the case's previous version."""

    dossier_id: int
    previous_id: int | None
    new: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    gone: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredResult:
    """A stored audit: the dossier, its report as audited (JSON contract), its findings with their review state."""

    dossier: DossierSummary
    report: DossierReport
    findings: list[FindingRow] = field(default_factory=list)


@dataclass(frozen=True)
class UserView:
    id: int
    name: str
    role: str
    has_password: bool
    active: bool

    @property
    def role_label(self) -> str:
        return role_labels().get(self.role, self.role)


class Store:
    """The review store. `Store.open()` uses `AUDITOR_DB` or the default SQLite file; pass a URL for PostgreSQL."""

    def __init__(self, url: str) -> None:
        self.url = db.normalise_url(url)
        self.engine = db.make_engine(self.url)
        db.upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._rule_names = {r.id: r.name for r in load_rules()}

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        return cls(url or db.default_url())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on an exception."""
        with self._sessions.begin() as session:
            yield session

    # --- runs and results ---------------------------------------------------------------------------------------

    def start_run(self, origin: str, *, profile: str | None = None, user: str | None = None,
                  ruleset_version: str | None = None) -> int:
        with self.session() as s:
            run = Run(origin=origin, auditor_version=__version__, profile=profile or "", user_name=user,
                      ruleset_version=ruleset_version or current_ruleset_version())
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int) -> None:
        with self.session() as s:
            run = s.get(Run, run_id)
            if run is not None:
                run.finished_at = utcnow()

    def has_dossier(self, content_hash: str, ruleset_version: str | None = None,
                    profile: str | None = None) -> int | None:
        """The id of the newest stored audit of these bytes under this rule set and profile, else None."""
        with self.session() as s:
            return s.scalar(
                select(func.max(StoredDossier.id)).where(
                    StoredDossier.content_hash == content_hash,
                    StoredDossier.ruleset_version == (ruleset_version or current_ruleset_version()),
                    StoredDossier.profile == (profile or ""),
                )
            )

    def save_result(self, result: AuditResult, run_id: int, *, content_hash: str | None = None,
                    case_key: str | None = None, source_ref: str | Path | None = None,
                    profile: str | None = None, ruleset_version: str | None = None,
                    replace: bool = False) -> int:
        """Store one audited dossier with its pages, documents and findings in one transaction; its id.

        `content_hash` defaults to the hash of the source file(s), else of the text. The same bytes already stored
        under the same rule set and profile are not stored twice (their id is returned) unless `replace` (a
        re-audit asked for), which adds a new version. `case_key` (default: the source's file name) groups the
        versions of a case; decisions follow the case, so a corrected dossier keeps them. `source_ref` is where
        the input files are kept for drawing page images (default: the source path).
        """
        dossier = result.dossier
        ruleset = ruleset_version or current_ruleset_version()
        if content_hash is None:
            source = Path(dossier.source)
            content_hash = hash_path(source) if source.exists() else text_hash(dossier.text)
        key = case_key or display_name(dossier.source)
        report = result.report()
        organ = dossier_organ(result)
        dates = [d.date for d in result.documents if d.date]
        with self.session() as s:
            if not replace:
                existing = s.scalar(select(func.max(StoredDossier.id)).where(
                    StoredDossier.content_hash == content_hash, StoredDossier.ruleset_version == ruleset,
                    StoredDossier.profile == (profile or "")))
                if existing is not None:
                    return existing
            case = self._case(s, key)
            row = StoredDossier(
                case_id=case.id, run_id=run_id, content_hash=content_hash, ruleset_version=ruleset,
                profile=profile or "", source_name=display_name(dossier.source),
                source_ref=str(source_ref if source_ref is not None else dossier.source),
                page_count=len(dossier.pages), document_count=len(result.documents),
                finding_count=len(result.findings), error_count=len(result.errors), readable=result.readable,
                organ=organ, case_date=max(dates) if dates else None, report=report.model_dump(mode="json"),
            )
            s.add(row)
            s.flush()
            s.add_all(StoredPage(dossier_id=row.id, number=p.number, text=p.text, method=p.method,
                                 quality=p.quality, file_name=_member(dossier.source, p.source),
                                 source_index=p.source_index,
                                 width=p.width, height=p.height) for p in dossier.pages)
            s.add_all(StoredDocument(dossier_id=row.id, key=d.id, type=d.type, title=d.title, number=d.number,
                                     organ=d.organ, date=d.date, pages=list(d.pages)) for d in result.documents)
            seen: dict[str, int] = {}
            for finding in result.findings:
                fingerprint = _unique(finding.fingerprint or text_hash(finding.rule_id + finding.message)[:16], seen)
                doc = result.document(finding.document_id)
                s.add(StoredFinding(
                    dossier_id=row.id, case_id=case.id, fingerprint=fingerprint, rule_id=finding.rule_id,
                    category=finding.category, severity=finding.severity, message=finding.message,
                    document_key=finding.document_id, document_type=doc.type if doc else None,
                    document_title=doc.title if doc else None, document_date=doc.date if doc else None,
                    organ=organ, caused_by=finding.caused_by, data=finding.model_dump(mode="json"),
                    marks=[[m.to_json() for m in ms] for ms in finding_marks(result, finding)],
                ))
            return row.id

    def _case(self, s: Session, key: str) -> CaseFile:
        case = s.scalar(select(CaseFile).where(CaseFile.key == key))
        if case is None:
            case = CaseFile(key=key)
            s.add(case)
            s.flush()
        return case

    # --- reading dossiers ---------------------------------------------------------------------------------------

    def _latest_ids(self) -> Select:
        return select(func.max(StoredDossier.id)).group_by(StoredDossier.case_id)

    def dossiers(self, *, case_key: str | None = None, organ: str | None = None, latest_only: bool = True,
                 ids: Iterable[int] | None = None) -> list[DossierSummary]:
        """Stored dossiers, newest first; by default only each case's latest version."""
        with self.session() as s:
            q = select(StoredDossier, CaseFile.key).join(CaseFile, CaseFile.id == StoredDossier.case_id)
            if latest_only:
                q = q.where(StoredDossier.id.in_(self._latest_ids()))
            if case_key is not None:
                q = q.where(CaseFile.key == case_key)
            if organ is not None:
                q = q.where(StoredDossier.organ == organ)
            if ids is not None:
                q = q.where(StoredDossier.id.in_(list(ids)))
            rows = s.execute(q.order_by(StoredDossier.id.desc())).all()
            versions = self._versions(s, {d.case_id for d, _ in rows})
            return [self._summary(d, key, versions) for d, key in rows]

    def dossier(self, dossier_id: int) -> DossierSummary:
        found = self.dossiers(ids=[dossier_id], latest_only=False)
        if not found:
            raise KeyError(f"no stored dossier {dossier_id}")
        return found[0]

    def _versions(self, s: Session, case_ids: set[int]) -> dict[int, int]:
        """dossier id → its version number within its case."""
        if not case_ids:
            return {}
        rows = s.execute(select(StoredDossier.id, StoredDossier.case_id).where(StoredDossier.case_id.in_(case_ids))
                         .order_by(StoredDossier.id)).all()
        count: dict[int, int] = {}
        out = {}
        for did, cid in rows:
            count[cid] = count.get(cid, 0) + 1
            out[did] = count[cid]
        return out

    @staticmethod
    def _summary(d: StoredDossier, key: str, versions: dict[int, int]) -> DossierSummary:
        return DossierSummary(
            id=d.id, case_id=d.case_id, case_key=key, run_id=d.run_id, source_name=d.source_name,
            content_hash=d.content_hash, ruleset_version=d.ruleset_version, profile=d.profile, pages=d.page_count,
            documents=d.document_count, findings=d.finding_count, errors=d.error_count, readable=d.readable,
            organ=d.organ, case_date=d.case_date, audited_at=_aware(d.audited_at), version=versions.get(d.id, 1),
        )

    def result(self, dossier_id: int) -> StoredResult:
        """A stored audit as it was (no re-audit), with the current review state of each finding."""
        summary = self.dossier(dossier_id)
        with self.session() as s:
            report = DossierReport.model_validate(s.scalar(select(StoredDossier.report)
                                                           .where(StoredDossier.id == dossier_id)))
        return StoredResult(dossier=summary, report=report, findings=self.findings(dossier_id=dossier_id,
                                                                                    latest_only=False))

    def results(self, *, case_key: str | None = None, latest_only: bool = True) -> Iterator[StoredResult]:
        for summary in self.dossiers(case_key=case_key, latest_only=latest_only):
            yield self.result(summary.id)

    def pages(self, dossier_id: int, numbers: Iterable[int] | None = None) -> list[PageView]:
        with self.session() as s:
            ref = s.scalar(select(StoredDossier.source_ref).where(StoredDossier.id == dossier_id))
            q = select(StoredPage).where(StoredPage.dossier_id == dossier_id)
            if numbers is not None:
                q = q.where(StoredPage.number.in_(list(numbers)))
            return [PageView(number=p.number, text=p.text, method=p.method, quality=p.quality, file_name=p.file_name,
                             source_index=p.source_index, width=p.width, height=p.height, source_ref=ref)
                    for p in s.scalars(q.order_by(StoredPage.number))]

    def compare(self, dossier_id: int) -> Comparison:
        """Which findings are new, unchanged or gone against the previous version of the same case."""
        with self.session() as s:
            case_id = s.scalar(select(StoredDossier.case_id).where(StoredDossier.id == dossier_id))
            previous = s.scalar(select(func.max(StoredDossier.id)).where(
                StoredDossier.case_id == case_id, StoredDossier.id < dossier_id))
            now = set(s.scalars(select(StoredFinding.fingerprint).where(StoredFinding.dossier_id == dossier_id)))
            before = set(s.scalars(select(StoredFinding.fingerprint).where(StoredFinding.dossier_id == previous))) \
                if previous else set()
        return Comparison(dossier_id, previous, tuple(sorted(now - before)) if previous else tuple(sorted(now)),
                          tuple(sorted(now & before)), tuple(sorted(before - now)))

    # --- findings and their review state ------------------------------------------------------------------------

    def _current_decisions(self) -> Select:
        latest = select(func.max(ReviewDecision.id)).group_by(ReviewDecision.case_id, ReviewDecision.fingerprint)
        return select(ReviewDecision).where(ReviewDecision.id.in_(latest)).subquery()

    def findings(self, *, dossier_id: int | None = None, case_key: str | None = None,
                 status: str | Iterable[str] | None = None, severity: str | Iterable[str] | None = None,
                 category: str | Iterable[str] | None = None, rule_id: str | Iterable[str] | None = None,
                 organ: str | Iterable[str] | None = None, reviewer: str | None = None, search: str | None = None,
                 latest_only: bool = True, ids: Iterable[int] | None = None) -> list[FindingRow]:
        """Findings with their current review state. Each filter takes a value or several; `status` also takes
        "unreviewed". `latest_only`: only findings of each case's latest dossier version (the list a reviewer
        works through); `search` matches message, rule, file name and document title."""
        current = self._current_decisions()
        q = (select(StoredFinding, StoredDossier.source_name, CaseFile.key, current)
             .join(StoredDossier, StoredDossier.id == StoredFinding.dossier_id)
             .join(CaseFile, CaseFile.id == StoredFinding.case_id)
             .outerjoin(current, and_(current.c.case_id == StoredFinding.case_id,
                                      current.c.fingerprint == StoredFinding.fingerprint)))
        if latest_only and dossier_id is None:
            q = q.where(StoredFinding.dossier_id.in_(self._latest_ids()))
        if dossier_id is not None:
            q = q.where(StoredFinding.dossier_id == dossier_id)
        if case_key is not None:
            q = q.where(CaseFile.key == case_key)
        if ids is not None:
            q = q.where(StoredFinding.id.in_(list(ids)))
        for column, value in ((StoredFinding.severity, severity), (StoredFinding.category, category),
                              (StoredFinding.rule_id, rule_id), (StoredFinding.organ, organ)):
            if value is not None:
                q = q.where(column.in_(_many(value)))
        if status is not None:
            wanted = _many(status)
            cond = [current.c.status.in_([w for w in wanted if w != UNREVIEWED])]
            if UNREVIEWED in wanted:
                cond.append(current.c.id.is_(None))
            q = q.where(or_(*cond))
        if reviewer is not None:
            q = q.where(current.c.reviewer == reviewer)
        if search:
            like = f"%{search}%"
            q = q.where(or_(StoredFinding.message.like(like), StoredFinding.rule_id.like(like),
                            StoredDossier.source_name.like(like), StoredFinding.document_title.like(like)))
        q = q.order_by(StoredFinding.dossier_id.desc(), StoredFinding.id)
        with self.session() as s:
            rows = s.execute(q).all()
            previous = self._previous_fingerprints(s, {r[0].dossier_id for r in rows})
        return [self._row(r, previous) for r in rows]

    def _previous_fingerprints(self, s: Session, dossier_ids: set[int]) -> dict[int, set[str] | None]:
        """Per dossier: the fingerprints of its case's previous version (None for a case's first dossier)."""
        if not dossier_ids:
            return {}
        prev_of: dict[int, int] = {}
        rows = s.execute(select(StoredDossier.id, StoredDossier.case_id).where(
            StoredDossier.case_id.in_(select(StoredDossier.case_id).where(StoredDossier.id.in_(dossier_ids))))
            .order_by(StoredDossier.id)).all()
        last: dict[int, int] = {}
        for did, cid in rows:
            if did in dossier_ids and cid in last:
                prev_of[did] = last[cid]
            last[cid] = did
        fps: dict[int, set[str]] = {}
        if prev_of:
            for did, fp in s.execute(select(StoredFinding.dossier_id, StoredFinding.fingerprint)
                                     .where(StoredFinding.dossier_id.in_(set(prev_of.values())))):
                fps.setdefault(did, set()).add(fp)
        return {d: (fps.get(prev_of[d], set()) if d in prev_of else None) for d in dossier_ids}

    def _row(self, r: Any, previous: dict[int, set[str] | None]) -> FindingRow:
        f: StoredFinding = r[0]
        data = f.data
        before = previous.get(f.dossier_id)
        return FindingRow(
            rule_id=f.rule_id, rule_name=self._rule_names.get(f.rule_id, f.rule_id), category=f.category,
            severity=f.severity, message=f.message, fingerprint=f.fingerprint, source_name=r.source_name,
            case_key=r.key, organ=f.organ, document_key=f.document_key, document_type=f.document_type,
            document_title=f.document_title, document_date=f.document_date,
            pages=tuple(dict.fromkeys(ev["page"] for ev in data.get("evidence", []))),
            quotes=tuple(ev["quote"] for ev in data.get("evidence", [])),
            legal_basis=basis_text(data.get("legal_basis", [])),
            steps=tuple(data.get("explanation", {}).get("steps", [])), caused_by=f.caused_by,
            status=r.status, reason_code=r.reason_code, comment=r.comment or "", reviewer=r.reviewer,
            decided_at=_aware(r.decided_at), finding_id=f.id, dossier_id=f.dossier_id, case_id=f.case_id,
            change=None if before is None else ("unchanged" if f.fingerprint in before else "new"),
            data=data, marks=f.marks,
        )

    def confirmed_findings(self, *, latest_only: bool = True) -> list[FindingRow]:
        """Findings a reviewer confirmed (current state), e.g. for training material (redact before use)."""
        return self.findings(status="confirmed", latest_only=latest_only)

    # --- the review log -----------------------------------------------------------------------------------------

    def decide(self, finding_id: int, status: str, *, by: str, reason: str | None = None,
               comment: str = "") -> DecisionView:
        """Append a decision on a finding (for its case and fingerprint) and return it, committed."""
        return self.decide_many([finding_id], status, by=by, reason=reason, comment=comment)[0]

    def decide_many(self, finding_ids: Iterable[int], status: str, *, by: str, reason: str | None = None,
                    comment: str = "") -> list[DecisionView]:
        """The same decision on several findings, in one transaction (all or none)."""
        if status not in STATUSES:
            raise ReviewError(f"unknown status {status!r}; one of {STATUSES}")
        if reason is not None and not any(r.code == reason and r.status == status for r in reasons()):
            raise ReviewError(f"reason {reason!r} is not a reason for {status_labels()[status]}")
        if reason is None and reason_required(status):
            raise ReviewError(f"{status_labels()[status]}需要选择理由")
        ids = list(dict.fromkeys(finding_ids))
        out = []
        with self.session() as s:
            user = self._acting_user(s, by)
            team = self._team_mode(s)
            current = self._current_decisions()
            rows = s.execute(select(StoredFinding, current.c.id, current.c.reviewer)
                             .outerjoin(current, and_(current.c.case_id == StoredFinding.case_id,
                                                      current.c.fingerprint == StoredFinding.fingerprint))
                             .where(StoredFinding.id.in_(ids))).all()
            if len(rows) != len(ids):
                raise ReviewError("no such finding")
            for finding, last_id, last_reviewer in rows:
                overrules = None
                if last_id is not None and last_reviewer != user.name:
                    if team and user.role != "checker":
                        raise PermissionDenied(f"只有复核人可以更改{last_reviewer}的审查决定")
                    overrules = last_id
                decision = ReviewDecision(case_id=finding.case_id, fingerprint=finding.fingerprint,
                                          dossier_id=finding.dossier_id, status=status, reason_code=reason,
                                          comment=comment, reviewer=user.name, role=user.role,
                                          overrules_id=overrules)
                s.add(decision)
                s.flush()
                out.append(_decision_view(decision))
        return out

    def history(self, case_id: int, fingerprint: str) -> list[DecisionView]:
        """Every decision on one finding of a case, oldest first (the audit trail)."""
        with self.session() as s:
            return [_decision_view(d) for d in s.scalars(
                select(ReviewDecision).where(ReviewDecision.case_id == case_id,
                                             ReviewDecision.fingerprint == fingerprint).order_by(ReviewDecision.id))]

    def current_state(self, *, case_id: int | None = None, case_key: str | None = None,
                      dossier_id: int | None = None) -> dict[str, DecisionView]:
        """fingerprint → latest decision, for a case (by id or key, or the case of a dossier); findings without
        a decision are absent (not reviewed)."""
        with self.session() as s:
            if dossier_id is not None:
                case_id = s.scalar(select(StoredDossier.case_id).where(StoredDossier.id == dossier_id))
            elif case_key is not None:
                case_id = s.scalar(select(CaseFile.id).where(CaseFile.key == case_key))
            if case_id is None:
                return {}
            current = self._current_decisions()
            rows = s.execute(select(current).where(current.c.case_id == case_id)).all()
        return {r.fingerprint: _decision_view(r) for r in rows}

    def decisions(self, *, since_id: int = 0) -> list[DecisionView]:
        """The whole log in order (exports of the audit trail)."""
        with self.session() as s:
            return [_decision_view(d) for d in s.scalars(
                select(ReviewDecision).where(ReviewDecision.id > since_id).order_by(ReviewDecision.id))]

    # --- users --------------------------------------------------------------------------------------------------

    def _team_mode(self, s: Session) -> bool:
        return bool(s.scalar(select(func.count(User.id)).where(User.password_hash.is_not(None))))

    @property
    def team_mode(self) -> bool:
        """Team mode is on once any user has a password (`auditor users add`)."""
        with self.session() as s:
            return self._team_mode(s)

    def _acting_user(self, s: Session, name: str) -> User:
        name = (name or "").strip()
        if not name:
            raise PermissionDenied("请先填写审查人姓名")
        user = s.scalar(select(User).where(User.name == name))
        if user is None:
            if self._team_mode(s):
                raise PermissionDenied(f"用户 {name} 不存在")
            # Single-user mode: the reviewer named on this machine may do everything a 复核人 may.
            user = User(name=name, role="checker", password_hash=None)
            s.add(user)
            s.flush()
        elif not user.active:
            raise PermissionDenied(f"用户 {name} 已停用")
        return user

    def add_user(self, name: str, role: str, password: str | None = None) -> UserView:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; one of {ROLES}")
        with self.session() as s:
            user = User(name=name.strip(), role=role, password_hash=hash_password(password) if password else None)
            s.add(user)
            s.flush()
            return _user_view(user)

    def set_password(self, name: str, password: str) -> None:
        with self.session() as s:
            user = s.scalar(select(User).where(User.name == name))
            if user is None:
                raise KeyError(name)
            user.password_hash = hash_password(password)

    def set_role(self, name: str, role: str, *, active: bool = True) -> None:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; one of {ROLES}")
        with self.session() as s:
            user = s.scalar(select(User).where(User.name == name))
            if user is None:
                raise KeyError(name)
            user.role, user.active = role, active

    def authenticate(self, name: str, password: str) -> UserView | None:
        with self.session() as s:
            user = s.scalar(select(User).where(User.name == name.strip()))
            if user is None or not user.active or not user.password_hash:
                return None
            return _user_view(user) if verify_password(user.password_hash, password) else None

    def users(self) -> list[UserView]:
        with self.session() as s:
            return [_user_view(u) for u in s.scalars(select(User).order_by(User.id))]

    def user(self, name: str) -> UserView | None:
        with self.session() as s:
            u = s.scalar(select(User).where(User.name == name))
            return _user_view(u) if u else None

    # --- rule settings (append-only) ----------------------------------------------------------------------------

    def set_rule(self, rule_id: str, *, by: str, profile: str | None = None, enabled: bool = True,
                 params: dict[str, Any] | None = None) -> None:
        """Record a rule's setting for a profile (None: every profile). Validate params first
        (auditor.rules.config.with_params) — the store keeps what it is given."""
        with self.session() as s:
            if self._team_mode(s):
                user = self._acting_user(s, by)
                if user.role != "admin":
                    raise PermissionDenied("只有管理员可以修改规则设置")
            s.add(RuleSetting(rule_id=rule_id, profile=profile or "", enabled=enabled, params=params or {},
                              changed_by=by))

    def rule_config(self, profile: str | None = None) -> dict[str, dict[str, Any]]:
        """{rule_id: {"enabled": bool, "params": {...}}}: the latest setting per rule, a profile's own over the
        setting for every profile. Feed it to auditor.rules.config.configured_rules and ruleset_version."""
        latest = select(func.max(RuleSetting.id)).group_by(RuleSetting.profile, RuleSetting.rule_id)
        with self.session() as s:
            rows = s.scalars(select(RuleSetting).where(RuleSetting.id.in_(latest),
                                                       RuleSetting.profile.in_(["", profile or ""]))
                             .order_by(RuleSetting.profile)).all()
        config: dict[str, dict[str, Any]] = {}
        for row in rows:  # "" first, the profile's own after it
            config[row.rule_id] = {"enabled": row.enabled, "params": dict(row.params)}
        return {k: v for k, v in config.items() if not v["enabled"] or v["params"]}


def _many(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _unique(fingerprint: str, seen: dict[str, int]) -> str:
    """Two findings of one dossier with the same fingerprint (same rule, type, person, dates) stay apart."""
    seen[fingerprint] = seen.get(fingerprint, 0) + 1
    return fingerprint if seen[fingerprint] == 1 else f"{fingerprint}~{seen[fingerprint]}"


def _decision_view(d: Any) -> DecisionView:
    return DecisionView(id=d.id, case_id=d.case_id, fingerprint=d.fingerprint, status=d.status,
                        reason_code=d.reason_code, comment=d.comment or "", reviewer=d.reviewer, role=d.role,
                        decided_at=_aware(d.decided_at), dossier_id=d.dossier_id, overrules_id=d.overrules_id)


def _user_view(u: User) -> UserView:
    return UserView(id=u.id, name=u.name, role=u.role, has_password=bool(u.password_hash), active=u.active)
