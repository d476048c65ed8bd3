"""Truncated timelines and the warnings they must raise (the truth of `auditor eval` for 执法巡查预警).

`truncate` cuts a generated dossier at a date: documents dated later do not exist yet. `expected_warnings` states
what is still running on that date and by when, from the generator's own plan (who was detained, arrested, bailed …,
on which dates, with which extension) and the documents left — never from the auditor: the periods, thresholds
and bases are read from lexicons/warn.yaml and the rule files, the arithmetic from auditor/law/periods.py, as the
plants do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from auditor.law.periods import DeadlineResult, Period, deadline, parse_period
from auditor.lexicon import load_yaml
from auditor.synth.defects import rule_limit

if TYPE_CHECKING:
    from auditor.synth.generator import SynthDossier
    from auditor.synth.templates import PersonPlan, SynthDocument


def _spec() -> dict[str, Any]:
    return load_yaml("warn.yaml")


def _limit(entry: dict[str, Any]) -> Period:
    limit = entry["limit"]
    if isinstance(limit, dict):
        return parse_period(rule_limit(limit["rule"], limit.get("key", "limit")))
    return parse_period(str(limit))


def _entry(section: str, entry_id: str) -> dict[str, Any]:
    return next(e for e in _spec()[section] if e["id"] == entry_id)


def level(days_left: int, unit: str) -> str | None:
    levels = _spec()["levels"]
    if days_left <= levels["red"]:
        return "red"
    scale = "months" if unit == "m" else "days"
    for name in ("orange", "yellow"):
        if days_left <= levels[name][scale]:
            return name
    return None


def truncate(dossier: SynthDossier, cut: date) -> None:
    """The file as it stood on `cut`: later documents and stated acts are dropped (in place)."""
    dossier.documents = [d for d in dossier.documents if d.date <= cut]
    dossier.extra_events = [e for e in dossier.extra_events if e[1] <= cut]


# Documents that start a measure: a cut on their day or the next meets the next acts still due (流程提示).
_MEASURE_STARTS = ("拘留证", "逮捕证", "监视居住决定书", "取保候审决定书", "不批准逮捕决定书")


def cut_date(rng: random.Random, dossier: SynthDossier) -> date:
    """A measure's first day or the next; a day the file changes (a document's date, or a day or two after); or any
    day up to a month after the last document: every stage of the case is met, and days between acts too."""
    days = sorted({d.date for d in dossier.documents})
    starts = sorted({d.date for d in dossier.documents if d.type in _MEASURE_STARTS})
    draw = rng.random()
    if draw < 0.35 and starts:
        return rng.choice(starts) + timedelta(days=rng.choice([0, 0, 1]))
    if draw < 0.7:
        return rng.choice(days) + timedelta(days=rng.choice([0, 0, 1, 2]))
    return days[0] + timedelta(days=rng.randint(0, (days[-1] - days[0]).days + 30))


@dataclass
class _Person:
    name: str
    plan: PersonPlan
    docs: list[SynthDocument]  # the truncated file's documents about this person

    def dates(self, doc_type: str, count: int | None = None) -> list[date]:
        return sorted(d.date for d in self.docs
                      if d.type == doc_type and (count is None or d.params.get("count", 1) == count))

    def first(self, doc_type: str, count: int | None = None) -> date | None:
        found = self.dates(doc_type, count)
        return found[0] if found else None


def expected_warnings(dossier: SynthDossier, as_of: date) -> list[dict[str, Any]]:
    """Every period still running and next act still due on `as_of` (the dossier already truncated there)."""
    out: list[dict[str, Any]] = []
    for p in dossier.context.persons:
        person = _Person(p.name, dossier.context.plans[p.name], [d for d in dossier.documents if p in d.persons])
        out += _person_warnings(dossier, person, as_of)
    return sorted(out, key=lambda w: (w["days_left"], w["person"], w["kind"], w["id"]))


def _warning(kind: str, entry_id: str, person: str, start: date, result: DeadlineResult, unit: str,
             as_of: date) -> dict[str, Any]:
    left = (result.last_day - as_of).days
    return {"kind": kind, "id": entry_id, "person": person, "start": start.isoformat(),
            "last_day": result.last_day.isoformat(), "days_left": left, "level": level(left, unit)}


def _person_warnings(dossier: SynthDossier, p: _Person, as_of: date) -> list[dict[str, Any]]:
    ctx = dossier.context
    out: list[dict[str, Any]] = []
    detain = p.first("拘留证")
    request = p.first("提请批准逮捕书")
    decided = p.first("批准逮捕决定书") or p.first("不批准逮捕决定书")
    arrest = p.first("逮捕证")
    bail = p.first("取保候审决定书")
    surveil = p.first("监视居住决定书")
    transfer = p.first("起诉意见书")
    ended = p.first("不起诉决定书")  # ends every measure; a 附条件不起诉 ends the review only (lexicons/warn.yaml)
    decision = ended or p.first("附条件不起诉决定书")
    # Custody ends with a release on bail or to 监视居住; an arrest continues it (the plan never releases an arrestee).
    released = min((d for d in (bail, surveil) if d and detain and d >= detain), default=None)
    held = bool(arrest) or (bool(detain) and released is None)

    def period(entry_id: str, start: date, custody: bool, limit: Period | None = None) -> None:
        entry = _entry("periods", entry_id)
        limit = limit or _limit(entry)
        out.append(_warning("period", entry_id, p.name, start, deadline(start, limit, custody), _limit(entry).unit,
                            as_of))

    def step(entry_id: str, start: date) -> None:
        entry = _entry("steps", entry_id)
        limit = _limit(entry)
        last = deadline(start, limit, custody=True)  # hour and day steps are never moved by a holiday
        out.append(_warning("step", entry_id, p.name, start, last, limit.unit, as_of))

    if detain and not arrest and not released and not ended:  # still detained
        if not request:
            period("detention-arrest-request", detain, True, _detention_limit(p, ctx.extension))
        elif not decided:
            period("arrest-review", request, True)
        if not p.dates("拘留通知书"):
            step("detention-family-notice", detain)
        if not [d for d in p.dates("讯问笔录") if d >= detain]:
            step("detention-interrogation", detain)
    if arrest and not ended:
        if not transfer:
            period("investigation-custody", arrest, True)  # the generator files no extension of 侦查羁押
        if not [d for d in p.dates("逮捕通知书") if d >= arrest]:
            step("arrest-family-notice", arrest)
        if not p.dates("讯问笔录", count=2):
            step("arrest-interrogation", arrest)
    if bail and not ended and not (surveil and surveil > bail):
        period("bail", bail, False)
    if surveil and not ended and not (bail and bail > surveil):
        period("surveillance", surveil, False)
        order = next(d for d in p.docs if d.type == "监视居住决定书")
        if order.params.get("place") == "designated" and order.params.get("family_notice") != "unreachable" \
                and not p.dates("监视居住通知书"):
            step("designated-residence-notice", surveil)
    if transfer and not decision:
        returns, backs = p.dates("退回补充侦查决定书"), p.dates("补充侦查报告书")
        review_start = max([transfer, *backs])
        if returns and returns[-1] > review_start:  # sent back, not yet returned
            period("supplementary-investigation", returns[-1], held)
        else:
            period("prosecution-review", review_start, held)
    return out


def _detention_limit(p: _Person, extension: str | None) -> Period:
    """3 days; with an approved extension on file 7 (特殊情况), or 30 for a 流窜 / 结伙 suspect (the plan's
    `extension`), the rule's own limits (ARREST-REQUEST-DEADLINE, pinned against CPL 91)."""
    if not p.dates("延长拘留期限通知书"):
        return parse_period(rule_limit("ARREST-REQUEST-DEADLINE"))
    which = 1 if extension in ("gang", "roving") else 0
    return parse_period(rule_limit("ARREST-REQUEST-DEADLINE", f"extensions.{which}.limit"))
