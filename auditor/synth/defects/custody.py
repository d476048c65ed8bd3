"""Plants for the custody-chain and procuratorate-stage deadline rules (auditor/rules/custody.py).

All are layout plants: they move dates (in `context.dates`, which the narratives render from, and on the
documents) or add the documents of a 补充侦查 round, before anything is rendered.
"""

from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING

from auditor.law.periods import DeadlineResult, add_months, deadline, parse_period
from auditor.synth.defects import Mark, Plant, all_of, days, first, mark, register, rule_limit
from auditor.synth.templates import SynthDocument, cpl_cite

if TYPE_CHECKING:
    from auditor.synth.generator import SynthDossier


def _months(rule_id: str) -> int:
    """The rule's base period in months (its YAML `limit`, pinned against the statute)."""
    period = parse_period(rule_limit(rule_id))
    assert period.unit == "m"
    return period.amount


def _move(dossier: SynthDossier, key: str, to: date, *doc_types: str) -> None:
    """Move one date of the case and the documents dated by it."""
    old = dossier.context.dates[key]
    dossier.context.dates[key] = to
    for doc in dossier.documents:
        if doc.type in doc_types and doc.date == old:
            doc.date = to


# --- DF02 受案 → 立案 -----------------------------------------------------------------------------------------


def _registered_early(dossier: SynthDossier, gap: int) -> None:
    d = dossier.context.dates
    d["receipt"] = d["filing"] - days(gap)
    d["incident"] = min(d["incident"], d["receipt"])
    registration = first(dossier, "受案登记表")
    assert registration is not None
    registration.date = d["receipt"]


def _filing_late(rng: random.Random, dossier: SynthDossier) -> Mark:
    # Beyond 3 days even when the last day falls in the Spring Festival week (non-custodial: it moves).
    gap = rng.randint(15, 20)
    _registered_early(dossier, gap)
    return mark("立案决定书", "filed_late", days=gap)


def _filing_checked_clue(rng: random.Random, dossier: SynthDossier) -> Mark:
    gap = rng.randint(4, 6)
    _registered_early(dossier, gap)
    registration = first(dossier, "受案登记表")
    assert registration is not None
    registration.params["opinion"] = "涉嫌犯罪线索需要查证，建议进行调查核实后审查是否立案。"
    return mark("立案决定书", "clue_checked_within_7_days", days=gap)


register(Plant("FILING-DECISION-LATE", frozenset(), _filing_late, _filing_checked_clue, stage="layout"))


# --- DF07 / DF08 after the arrest --------------------------------------------------------------------------


def _after(act: str, doc_type: str, gaps: tuple[int, int], count: int | None = None):
    """Date the documents of `doc_type` (the `count`-th 讯问 only, if given) `gap` days after the act."""
    key, label = {"arrest": ("arrest", "arrest"), "detain": ("detain", "detention")}[act]

    def plant(rng: random.Random, dossier: SynthDossier) -> Mark:
        start = dossier.context.dates[key]
        docs = [x for x in all_of(dossier, doc_type) if count is None or x.params.get("count", 1) == count]
        assert docs
        gap = rng.randint(*gaps)
        for doc in docs:
            doc.date = start + days(gap)
        return mark(doc_type, f"{gap}_days_after_{label}", days=gap)

    return plant


register(Plant("ARREST-NOTICE-LATE", frozenset({"arrest", "single"}), _after("arrest", "逮捕通知书", (2, 4)),
               _after("arrest", "逮捕通知书", (1, 1)), stage="layout"))
register(Plant("INTERROGATION-AFTER-ARREST-LATE", frozenset({"arrest", "single"}),
               _after("arrest", "讯问笔录", (2, 4), count=2), _after("arrest", "讯问笔录", (1, 1), count=2), stage="layout"))


# --- DF10 侦查羁押 --------------------------------------------------------------------------------------------


def _custody_overdue(rng: random.Random, dossier: SynthDossier) -> Mark:
    arrest = dossier.context.dates["arrest"]
    to = add_months(arrest, _months("INVESTIGATION-CUSTODY-OVERDUE")) + days(rng.randint(3, 25))
    _move(dossier, "transfer", to, "起诉意见书")
    return mark("起诉意见书", "transferred_after_two_months", days=(to - arrest).days)


def _custody_last_day(rng: random.Random, dossier: SynthDossier) -> Mark:
    arrest = dossier.context.dates["arrest"]
    to = add_months(arrest, _months("INVESTIGATION-CUSTODY-OVERDUE"))  # the start day is not counted: the last day is the same date two months on
    _move(dossier, "transfer", to, "起诉意见书")
    return mark("起诉意见书", "transferred_on_the_last_day", days=(to - arrest).days)


register(Plant("INVESTIGATION-CUSTODY-OVERDUE", frozenset({"arrest", "single"}), _custody_overdue, _custody_last_day,
               stage="layout"))


# --- DF21 审查起诉 and 补充侦查 -----------------------------------------------------------------------------------


def _decide_on(dossier: SynthDossier, to: date) -> None:
    _move(dossier, "nonpros", to, "不起诉决定书", "送达回证")
    _follow_review(dossier)


def _review_late(rng: random.Random, dossier: SynthDossier) -> Mark:
    transfer = dossier.context.dates["transfer"]
    to = add_months(transfer, _months("PROSECUTION-REVIEW-LATE")) + days(
        parse_period(rule_limit("PROSECUTION-REVIEW-LATE", "extension.limit")).amount + rng.randint(5, 15))  # beyond the extension too
    _decide_on(dossier, to)
    return mark("不起诉决定书", "decided_after_one_month", days=(to - transfer).days)


def _review_last_day(rng: random.Random, dossier: SynthDossier) -> Mark:
    transfer = dossier.context.dates["transfer"]
    _decide_on(dossier, add_months(transfer, _months("PROSECUTION-REVIEW-LATE")))
    return mark("不起诉决定书", "decided_on_the_last_day")


# A 存疑 decision recounting 退回补充侦查 without dates leaves the restart unknown: the rule goes quiet.
_RETURNS_TOLD = frozenset({"SUPPLEMENTARY-INVESTIGATION-LIMIT", "NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-MISSING",
                           "NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-WRONG", "NON-PROSECUTION-TYPE-ARTICLE-MISMATCH"})
register(Plant("PROSECUTION-REVIEW-LATE", frozenset({"nonpros"}), _review_late, _review_last_day, stage="layout",
               conflicts=_RETURNS_TOLD))


def _returns(rng: random.Random, dossier: SynthDossier, rounds: int) -> None:
    """`rounds` 退回补充侦查 each answered within a month, then the decision within a month of the last."""
    ctx = dossier.context
    p = ctx.persons[0]
    cursor = ctx.dates["transfer"]
    anchor = first(dossier, "起诉意见书")
    assert anchor is not None
    at = dossier.documents.index(anchor) + 1
    for n in range(1, rounds + 1):
        returned = cursor + days(rng.randint(8, 20))
        back = returned + days(rng.randint(10, 25))
        decision = SynthDocument("退回补充侦查决定书", returned, [p], ctx.place.procuratorate,
                                 cites={"basis": cpl_cite("return_for_investigation", ctx.era, paragraph=2)})
        decision.number = f"{ctx.place.abbr}检刑退查〔{returned.year}〕{rng.randint(1, 60) + n}号"
        report = SynthDocument("补充侦查报告书", back, [p], ctx.place.police)
        report.number = f"{ctx.place.abbr}公（刑）补侦字〔{back.year}〕{rng.randint(1, 150) + n}号"
        dossier.documents[at:at] = [decision, report]
        at += 2
        cursor = back
    _decide_on(dossier, cursor + days(rng.randint(8, 25)))


def _three_returns(rng: random.Random, dossier: SynthDossier) -> Mark:
    _returns(rng, dossier, 3)
    return mark("退回补充侦查决定书", "returned_three_times")


def _two_returns(rng: random.Random, dossier: SynthDossier) -> Mark:
    _returns(rng, dossier, 2)
    return mark("退回补充侦查决定书", "returned_twice")


register(Plant("SUPPLEMENTARY-INVESTIGATION-LIMIT", frozenset({"nonpros"}), _three_returns, _two_returns,
               stage="layout", conflicts=frozenset({"PROSECUTION-REVIEW-LATE"})))


# --- REVIEW-REQUEST-LATE: the police's 要求复议 of a 不起诉 (公安规定 2020 Art. 294(1)) --------------------------

_REVIEW = "REVIEW-REQUEST-LATE"
# Rules whose plants move the 不起诉 decision: the holiday look-alike leaves such a decision where it is.
_DECISION_MOVERS = frozenset({"PROSECUTION-REVIEW-LATE", "SUPPLEMENTARY-INVESTIGATION-LIMIT"})


def _review_deadline(decided: date) -> DeadlineResult:
    """The last day for the 要求复议意见书, by the rule's own period and custody flag (the 被不起诉人 is free)."""
    custody = rule_limit(_REVIEW, "custody") == "True"
    return deadline(decided, parse_period(rule_limit(_REVIEW)), custody=custody)


def _review_detail(decided: date, when: date) -> Mark:
    """The truth's variant of a request made on `when`: which day, and whether a rest day moved the last day."""
    result = _review_deadline(decided)
    gap = (when - decided).days
    if when == result.last_day and result.shifted_from:
        return {"variant": "review_on_the_workday_after_a_rest_day_last_day", "days": gap,
                "unshifted_last_day": result.shifted_from.isoformat()}
    return {"variant": f"review_requested_on_day_{gap}", "days": gap}


def _request_review(rng: random.Random, dossier: SynthDossier, lag: int) -> Mark:
    """The police's 要求复议意见书 on the 不起诉决定书, `lag` days after the last day (0: on it)."""
    ctx = dossier.context
    decision = first(dossier, "不起诉决定书")
    assert decision is not None, "the plant needs a 不起诉决定书"
    when = _review_deadline(decision.date).last_day + days(lag)
    review = SynthDocument("要求复议意见书", when, decision.persons, ctx.place.police,
                           cites={"basis": cpl_cite("non_prosecution_review", ctx.era)},
                           params={"about": "不起诉", "decision_date": decision.date, "decision_number": decision.number,
                                   "lag": lag})
    review.number = f"{ctx.place.abbr}公（刑）要复字〔{when.year}〕{rng.randint(1, 60)}号"
    dossier.documents.append(review)
    return mark("要求复议意见书", **_review_detail(decision.date, when))


def _follow_review(dossier: SynthDossier) -> None:
    """Keep a 要求复议 the same number of days from its last day when a later plant (补充侦查 rounds) moves the
    decision, and its truth entry in step."""
    decision = first(dossier, "不起诉决定书")
    reviews = [r for r in all_of(dossier, "要求复议意见书") if r.params.get("about") == "不起诉"]
    if decision is None or not reviews:
        return
    for review in reviews:
        review.date = _review_deadline(decision.date).last_day + days(review.params["lag"])
        review.params["decision_date"] = decision.date
        for entry in dossier.planted + dossier.lookalikes:
            if entry["rule_id"] == _REVIEW:
                entry.pop("unshifted_last_day", None)
                entry.update(_review_detail(decision.date, review.date))


def _review_late(rng: random.Random, dossier: SynthDossier) -> Mark:
    return _request_review(rng, dossier, rng.randint(1, 7))


def _holiday_decision(rng: random.Random, dossier: SynthDossier) -> None:
    """Move the decision (within 审查起诉's month) to a day whose review period ends on a rest day, a holiday
    rather than a weekend where one is near; left where it is when no day qualifies."""
    transfer = dossier.context.dates["transfer"]
    shifts = {}
    for gap in range(10, 29):  # the layout's window: 10–28 days after the transfer
        result = _review_deadline(transfer + days(gap))
        if result.shifted_from:
            shifts[transfer + days(gap)] = (result.last_day - result.shifted_from).days
    if not shifts:
        return
    holidays = [d for d, shift in shifts.items() if shift > 2]  # a weekend alone moves the last day two days at most
    _decide_on(dossier, rng.choice(holidays or sorted(shifts)))


def _review_on_last_day(rng: random.Random, dossier: SynthDossier) -> Mark:
    """Made on the last day; mostly one moved past a holiday (the rule must extend the period, not count 7 days)."""
    moved = {e["rule_id"] for e in dossier.planted + dossier.lookalikes} & _DECISION_MOVERS
    if not moved and rng.random() < 0.75:
        _holiday_decision(rng, dossier)
    return _request_review(rng, dossier, 0)


# 补充侦查 rounds laid after this plant move the decision: `_decide_on` moves the request with it.
register(Plant(_REVIEW, frozenset({"nonpros"}), _review_late, _review_on_last_day, stage="layout"))


# --- the first custody rules (拘留 → 通知 / 讯问, 逮捕 → 通知书, 提请 → 批准) ------------------------------------------


def _notice_removed(rng: random.Random, dossier: SynthDossier) -> Mark:
    for doc in all_of(dossier, "逮捕通知书"):
        dossier.documents.remove(doc)
    return mark("逮捕证", "arrest_notice_removed")


register(Plant("ARREST-NOTICE-MISSING", frozenset({"arrest", "single"}), _notice_removed, stage="layout",
               conflicts=frozenset({"ARREST-NOTICE-LATE"})))


register(Plant("DETENTION-NOTICE-LATE", frozenset({"arrest", "single"}), _after("detain", "拘留通知书", (2, 3)),
               _after("detain", "拘留通知书", (1, 1)), stage="layout",
               conflicts=frozenset({"DETENTION-NOTICE-MISSING", "CONSISTENCY-DETENTION-DATE"})))
register(Plant("INTERROGATION-AFTER-DETENTION-LATE", frozenset({"arrest", "single"}),
               _after("detain", "讯问笔录", (2, 3), count=1), _after("detain", "讯问笔录", (1, 1), count=1),
               stage="layout", conflicts=frozenset({"CONSISTENCY-DETENTION-DATE"})))


def _decided_after(gaps: tuple[int, int]):
    """The procuratorate decides `gap` days after the request; the arrest is executed the same day."""

    def plant(rng: random.Random, dossier: SynthDossier) -> Mark:
        d = dossier.context.dates
        gap = rng.randint(*gaps)
        shift = d["request"] + days(gap) - d["approve"]
        old_arrest = d["arrest"]
        for doc in dossier.documents:
            if doc.type in ("批准逮捕决定书", "逮捕证", "逮捕通知书") or (
                doc.type == "讯问笔录" and doc.params.get("count", 1) > 1 and doc.date == old_arrest
            ):
                doc.date += shift
        d["approve"] += shift
        d["arrest"] += shift
        return mark("批准逮捕决定书", f"decided_{gap}_days_after_request", days=gap)

    return plant


register(Plant("ARREST-DECISION-DEADLINE", frozenset({"arrest", "single"}), _decided_after((9, 12)),
               _decided_after((7, 7)), stage="layout",
               conflicts=frozenset({"INVESTIGATION-CUSTODY-OVERDUE", "ARREST-NOTICE-LATE",
                                    "INTERROGATION-AFTER-ARREST-LATE"})))
