"""Running periods (kind "period") and next acts not yet on file (kind "step") of one person on the as-of date."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

from auditor.law.periods import DeadlineResult, Period
from auditor.model import Case, DeadlineWarning, Evidence, Explanation
from auditor.rules.kinds.deadline import WhileHeld, held_at
from auditor.text.phrases import find_any
from auditor.text.tokens import named_in
from auditor.warn.basis import numbered
from auditor.warn.levels import left_step, level_of
from auditor.warn.limits import Reckoning, hours_due, reckon
from auditor.warn.spec import PeriodSpec, RuleRef, StepSpec, base_limit, rule, text, warn_spec
from auditor.warn.timeline import Act, first_after, latest, running


def _held(view: Case, act: Act, day: date) -> bool:
    acts = warn_spec().custody_acts
    return held_at(view.events, act.event, day, WhileHeld(held=acts.held, released=acts.released))


def fingerprint(kind: str, spec_id: str, person: str | None, start: date) -> str:
    """Stable across re-runs and as-of dates: what runs, for whom, since when."""
    parts = [kind, spec_id, person or "", start.isoformat()]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _last_step(result: DeadlineResult, custody: bool) -> str:
    if custody:
        return text("last_custody", last_day=result.last_day)
    if result.shifted_from:
        return text("last_shifted", shifted_from=result.shifted_from, last_day=result.last_day)
    return text("last_plain", last_day=result.last_day)  # holiday data missing: a note says so


def _warning(*, kind: str, spec: PeriodSpec | StepSpec, person: str | None, measure: str | None, start: Act,
             limit: Period, label: str, result: DeadlineResult, custody: bool, as_of: date, next_act: str,
             steps: list[str], extensions: list[str], evidence: list[Evidence], notes: list[str],
             values: dict) -> DeadlineWarning:
    days_left = (result.last_day - as_of).days
    steps = [*steps, left_step(as_of, days_left)]
    values = {"start": start.day.isoformat(), "last_day": result.last_day.isoformat(), "limit": label,
              "days_left": days_left, "custody": custody, **values}
    return DeadlineWarning(
        kind=kind, id=spec.id, person=person, measure=measure, name=spec.name, next_act=next_act,
        start=start.day, start_action=start.action, limit=label, unit=limit.unit, extensions=tuple(extensions),
        last_day=result.last_day, shifted_from=result.shifted_from, custody=custody, as_of=as_of,
        days_left=days_left, level=level_of(days_left, limit.unit), legal_basis=numbered(spec.basis, start.day),
        document_id=start.event.document_id, evidence=tuple(evidence), explanation=Explanation(
            steps=tuple(steps), values=values), notes=tuple(notes),
        fingerprint=fingerprint(kind, spec.id, person, start.day),
    )


def period_warnings(view: Case, acts: list[Act], person: str | None, as_of: date) -> list[DeadlineWarning]:
    spec_all = warn_spec()
    out: list[DeadlineWarning] = []
    for spec in spec_all.periods:
        since = None
        if spec.measure is not None:
            since = running(acts, spec_all.measures[spec.measure])
            if since is None:
                continue
        start = latest(acts, spec.start, since)
        if start is None or first_after(acts, spec.ends, start) is not None:
            continue
        if spec.held is not None and _held(view, start, start.day) != spec.held:
            continue
        custody = _held(view, start, as_of) if spec.custody == "held" else bool(spec.custody)
        r: Reckoning = reckon(view, spec, start, as_of, custody)
        request_by = r.result.last_day - _days(spec.request_before) if spec.request_before else None
        steps = [text("start", start_action=start.action, start=start.day), *r.steps,
                 text("limit", limit=r.label),
                 text("extension", extension="；".join(r.extensions)) if r.extensions else text("no_extension"),
                 _last_step(r.result, r.custody)]
        notes = list(r.notes)
        if not r.result.holiday_data_known:
            notes.append(text("no_holiday_data"))
        if spec.from_receipt and not r.received:
            notes.append(text("from_receipt", start_action=start.action, start=start.day))
        out.append(_warning(
            kind="period", spec=spec, person=person, measure=spec.measure, start=r.start, limit=r.limit,
            label=r.label, result=r.result, custody=r.custody, as_of=as_of,
            next_act=spec.next_act.format(request_by=request_by.isoformat() if request_by else ""),
            steps=steps, extensions=r.extensions, evidence=[*start.event.evidence[:1], *r.evidence], notes=notes,
            values={"request_by": request_by.isoformat()} if request_by else {},
        ))
    return out


def _days(period: Period) -> timedelta:
    return timedelta(days=period.amount)


def _when_holds(view: Case, trigger: Act, ref: RuleRef) -> bool:
    """The trigger document meets the rule's `when` (指定居所 …): in the act's own words or its document."""
    params = rule(ref.rule).params
    phrases = tuple(params.when.text)  # type: ignore[attr-defined]
    if any(find_any(ev.quote, phrases) for ev in trigger.event.evidence):
        return True
    doc = view.document(trigger.event.document_id)
    return doc is not None and doc.type in params.trigger and find_any(doc.text, phrases) is not None  # type: ignore[attr-defined]


def _done(view: Case, acts: list[Act], spec: StepSpec, trigger: Act, person: str | None) -> bool:
    if any(a.action in spec.done_by.actions and a.order >= trigger.order for a in acts):
        return True
    for doc in view.documents_of_type(spec.done_by.documents):
        if doc.date is None or doc.date < trigger.day:
            continue
        named = named_in(doc.text, view.persons)
        if person is None or person in named or not named:
            return True
    return False


def _excused(view: Case, spec: StepSpec) -> bool:
    if spec.excused_by is None:
        return False
    phrases = tuple(rule(spec.excused_by.rule).params.excused_by)  # type: ignore[attr-defined]
    return any(find_any(doc.text, phrases) for doc in view.documents)


def step_warnings(view: Case, acts: list[Act], person: str | None, as_of: date) -> list[DeadlineWarning]:
    spec_all = warn_spec()
    out: list[DeadlineWarning] = []
    for spec in spec_all.steps:
        since = None
        if spec.measure is not None:
            since = running(acts, spec_all.measures[spec.measure])
            if since is None:
                continue
        trigger = latest(acts, spec.after, since)
        if trigger is None:
            continue
        if spec.when is not None and not _when_holds(view, trigger, spec.when):
            continue
        if _done(view, acts, spec, trigger, person) or _excused(view, spec):
            continue
        limit = base_limit(spec.limit)
        due: datetime | None = None
        if limit.unit == "h":
            result, due = hours_due(trigger, limit)
            last = (text("last_hours_timed", start_time=datetime.combine(trigger.day, trigger.event.time),
                         hours=limit.amount, due=due) if due else text("last_hours", last_day=result.last_day))
        else:
            result = DeadlineResult(last_day=trigger.day + _days(limit))
            last = text("last_at_once", last_day=result.last_day) if limit.amount == 0 else \
                text("last_plain", last_day=result.last_day)
        what = "、".join((*spec.done_by.documents, *spec.done_by.actions)) or spec.next_act
        steps = [text("start", start_action=trigger.action, start=trigger.day), text("limit", limit=limit.cn_label),
                 last, text("done_missing", as_of=as_of, what=what)]
        out.append(_warning(
            kind="step", spec=spec, person=person, measure=spec.measure, start=trigger, limit=limit,
            label=limit.cn_label if limit.amount else "立即", result=result, custody=_held(view, trigger, as_of),
            as_of=as_of,
            next_act=spec.next_act, steps=steps, extensions=[], evidence=list(trigger.event.evidence[:1]), notes=[],
            values={"due": due.isoformat(timespec="minutes")} if due else {},
        ))
    return out
