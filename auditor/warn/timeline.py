"""A person's dated acts as of a date, in procedural order, and which measures still run.

Acts on the same day are ordered by the procedure (the order of lexicons/actions.yaml: 刑事拘留 before 提请批准逮捕
before 取保候审 …), never by where a dossier happens to bind its documents.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from auditor.lexicon import load_yaml
from auditor.model import Case, Event
from auditor.rules.kinds.deadline import same_person
from auditor.warn.spec import Measure


@functools.cache
def _action_rank() -> dict[str, int]:
    return {a["name"]: i for i, a in enumerate(load_yaml("actions.yaml")["actions"])}


@dataclass(frozen=True)
class Act:
    event: Event
    day: date

    @property
    def action(self) -> str:
        return self.event.action

    @property
    def order(self) -> tuple[date, int]:
        return self.day, _action_rank().get(self.event.action, len(_action_rank()))


def as_of_view(case: Case, as_of: date) -> Case:
    """The case as the file stood on `as_of`: documents and events dated later are left out (undated ones stay)."""
    fields = {name: getattr(case, name) for name in Case.model_fields}
    fields["documents"] = tuple(d for d in case.documents if d.date is None or d.date <= as_of)
    kept = {d.id for d in fields["documents"]}
    fields["events"] = tuple(e for e in case.events if e.date is not None and e.date <= as_of
                             and (e.document_id is None or e.document_id in kept))
    return Case(**fields)  # built afresh: a copy would keep the original's cached lookups


def persons(case: Case) -> list[str | None]:
    """The suspects the warnings are for: the case's, else the persons its events name, else one unnamed."""
    named = list(case.persons) or list(dict.fromkeys(e.person for e in case.events if e.person))
    return named or [None]


def acts_of(case: Case, person: str | None) -> list[Act]:
    """The person's dated acts (and the unattributed ones), in procedural order."""
    who = Event(action="", date=None, person=person)
    acts = [Act(e, e.date) for e in case.events if e.date is not None and same_person(e, who)]
    return sorted(acts, key=lambda a: a.order)


def latest(acts: list[Act], actions: Iterable[str], since: Act | None = None) -> Act | None:
    """The last act of `actions` (at or after `since`)."""
    wanted = set(actions)
    found = [a for a in acts if a.action in wanted and (since is None or a.order >= since.order)]
    return found[-1] if found else None


def first_after(acts: list[Act], actions: Iterable[str], start: Act) -> Act | None:
    """The first act of `actions` after `start` (same day: later in the procedure)."""
    wanted = set(actions)
    return next((a for a in acts if a.action in wanted and a.order > start.order), None)


def running(acts: list[Act], measure: Measure) -> Act | None:
    """The act that started the measure if it still runs at the end of `acts`, else None."""
    start = latest(acts, measure.start)
    if start is None or first_after(acts, measure.ends, start) is not None:
        return None
    return start
