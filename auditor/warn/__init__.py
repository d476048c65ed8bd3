"""执法巡查预警 (layer 3, beside the rules; reads the frozen case only): for each person, the periods of measures
still running on a date and the next acts the law expects (流程提示), from lexicons/warn.yaml.

`warnings_as_of(case, as_of)` is the as-of audit; `relevel(warnings, day)` re-reads stored warnings on another day;
auditor/warn/board.py has the rows the 预警 page and the batch summary show.
"""

from __future__ import annotations

from datetime import date

from auditor.model import Case, DeadlineWarning
from auditor.warn.levels import level_of, relevel, sort_warnings
from auditor.warn.running import period_warnings, step_warnings
from auditor.warn.spec import warn_spec
from auditor.warn.timeline import acts_of, as_of_view, persons

__all__ = ["level_of", "relevel", "sort_warnings", "warn_spec", "warnings_as_of"]


def warnings_as_of(case: Case, as_of: date) -> list[DeadlineWarning]:
    """Every period still running and every next act still due on `as_of`, fewest days left first.

    The file is read as it stood that day: documents and acts dated later do not exist yet.
    """
    view = as_of_view(case, as_of)
    found: dict[str, DeadlineWarning] = {}
    for person in persons(view):
        acts = acts_of(view, person)
        for w in (*period_warnings(view, acts, person, as_of), *step_warnings(view, acts, person, as_of)):
            found.setdefault(w.fingerprint, w)
    return sort_warnings(found.values())
