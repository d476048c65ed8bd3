"""执法巡查预警: a period of a measure still running on a date, or the next act the law expects (流程提示).

Computed by auditor/warn/ from the frozen case; `days_left` and `level` depend on the as-of date only, so a stored
warning can be re-levelled on another day without re-auditing (auditor.warn.relevel).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from auditor.model.base import Fact
from auditor.model.documents import Evidence
from auditor.model.findings import Explanation, LegalBasis

Level = Literal["red", "orange", "yellow"]
WarningKind = Literal["period", "step"]
PeriodUnit = Literal["h", "d", "m"]


class DeadlineWarning(Fact):
    """A running period (`kind` "period": 拘留 → 提请批准逮捕, 侦查羁押, 取保候审 …) or a next act not yet on file
    (`kind` "step": 拘留后二十四小时以内通知家属 …), as of `as_of`."""

    kind: WarningKind
    id: str  # the period's or step's id in lexicons/warn.yaml
    person: str | None = None
    measure: str | None = None  # the measure it belongs to (刑事拘留, 逮捕, 取保候审 …), when there is one
    name: str  # what runs, in Chinese
    next_act: str  # what the law expects by the last day, in Chinese
    start: dt.date  # the day the period started (not counted, CPL 2018 Art. 105)
    start_action: str
    limit: str  # the period that applies, e.g. "7日", "二个月又延长一个月"
    unit: PeriodUnit  # how the period is counted: hours, days or months (months use the month thresholds)
    extensions: tuple[str, ...] = ()  # the extensions the file already holds, in Chinese
    last_day: dt.date  # the last lawful day
    shifted_from: dt.date | None = None  # the unshifted last day when a holiday moved it (not in custody)
    custody: bool  # in custody: the last day never moves past a holiday (CPL 2018 Art. 105(4))
    as_of: dt.date
    days_left: int  # last_day − as_of: 0 = due today, negative = overdue
    level: Level | None = None  # red / orange / yellow by the configured thresholds; None: not yet near
    legal_basis: tuple[LegalBasis, ...] = ()  # numbered as in the version in force on the start day
    document_id: str | None = None  # the document of the act that started the period
    evidence: tuple[Evidence, ...] = ()
    explanation: Explanation = Explanation()
    notes: tuple[str, ...] = ()  # caveats the reviewer must weigh (a clock that runs from receipt …)
    fingerprint: str  # stable: id, person, start and last day — never the as-of date
