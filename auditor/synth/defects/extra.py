"""Plants for three rules on forms the default layout does not have: a 指定居所 监视居住 and its family notice,
a 不批准逮捕 and the police's 要求复议, and a 监视居住 decided by the procuratorate during 审查起诉.

All are layout plants: they set template parameters of the 监视居住决定书 (templates `_surveillance`), move
dates, and add the forms (templates `_surveillance_notice`, `_non_arrest`, `_review_request`) before rendering,
so that the truth's documents, events and citations follow.
"""

from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING

from auditor.law.periods import deadline, parse_period
from auditor.synth import names
from auditor.synth.defects import Mark, Plant, all_of, days, first, mark, register, rule_limit
from auditor.synth.templates import SynthDocument, cpl_cite, penal_cite

if TYPE_CHECKING:
    from auditor.synth.generator import SynthDossier

SURVEIL = "监视居住决定书"
# Rules whose plants need the police's own 监视居住 (feature "surveil"): its 执行通知书 would answer for a
# procuratorate's decision too, and its wording and citation plants edit the first 监视居住决定书.
_POLICE_SURVEILLANCE_RULES = frozenset({"SURVEILLANCE-TERM", "SURVEILLANCE-OBLIGATIONS-MISSING",
                                        "SURVEILLANCE-WRONG-ARTICLE", "SURVEILLANCE-EXECUTOR-MISSING",
                                        "DESIGNATED-RESIDENCE-NOTICE-MISSING"})


def _serial(rng: random.Random, dossier: SynthDossier, code: str, when: date) -> str:
    abbr = dossier.context.place.abbr
    return f"{abbr}{code}〔{when.year}〕{rng.randint(1, 60)}号"


# --- DESIGNATED-RESIDENCE-NOTICE-MISSING (CPL 2018 Art. 75) ----------------------------------------------------


def _designate(rng: random.Random, dossier: SynthDossier) -> SynthDocument:
    """Make the police's 监视居住 one at a 指定居所 on the lawful ground: no fixed home in the county (75(1)).

    The suspect then lives elsewhere: his 现住 moves to another county, in every form that states it.
    """
    ctx = dossier.context
    decision = first(dossier, SURVEIL)
    assert decision is not None, "the plant needs a 监视居住决定书"
    decision.params["place"] = "designated"
    decision.cites["place"] = cpl_cite("designated_residence", ctx.era, paragraph=1)
    for notice in all_of(dossier, "监视居住执行通知书"):
        notice.params["place"] = "designated"
    person = decision.persons[0]
    elsewhere = rng.choice([p for p in names.PLACES if p.district != ctx.place.district])
    person.address = names.make_address(rng, elsewhere)
    return decision


def _designated_without_notice(rng: random.Random, dossier: SynthDossier) -> Mark:
    _designate(rng, dossier)
    return mark(SURVEIL, "designated_without_notice")


def _designated_with_notice(rng: random.Random, dossier: SynthDossier) -> Mark:
    ctx = dossier.context
    decision = _designate(rng, dossier)
    # "无法通知" only where no other form reached the family (a 拘留通知书 would belie it) and no 拘留 needed one (the
    # words would excuse a 拘留通知书 a DETENTION-NOTICE-MISSING plant removed).
    if not all_of(dossier, "拘留通知书") and not all_of(dossier, "拘留证") and rng.random() < 0.4:
        decision.params["family_notice"] = "unreachable"
        return mark(SURVEIL, "designated_family_unreachable")
    lag = rng.choice([0, 0, 1])  # within 24 hours of the execution
    notice = SynthDocument("监视居住通知书", decision.date + days(lag), decision.persons, ctx.place.police,
                           cites={"basis": cpl_cite("designated_notice", ctx.era, paragraph=2)})
    notice.number = _serial(rng, dossier, "公（刑）监通字", notice.date)
    dossier.documents.append(notice)
    return mark(SURVEIL, "designated_with_notice_same_day" if lag == 0 else "designated_with_notice_next_day")


register(Plant("DESIGNATED-RESIDENCE-NOTICE-MISSING", frozenset({"surveil", "single"}), _designated_without_notice,
               _designated_with_notice, stage="layout",
               # A wrong or renumbered 监视居住 article next to the 75(1) citation: the wrong-article rule would
               # read the pair as lawful (or as unlawful), not as the plant says.
               conflicts=frozenset({"SURVEILLANCE-WRONG-ARTICLE", "CITATION-NONEXISTENT", "CITATION-OUTDATED"})))


# --- DESIGNATED-RESIDENCE-PLACE-UNLAWFUL (CPL 2018 Art. 75(1)) ---------------------------------------------------

# Custody and case-handling facilities of the police organ a designated residence must not be in, and lawful
# places (a residence the police designate, named with the station whose area it is in).
_UNLAWFUL_VENUES = ("执法办案中心", "看守所", "办案区留置室")
_LAWFUL_VENUES = ("宾馆{room}室", "小区{building}栋{room}室", "公寓{room}室")


def _venue(rng: random.Random, dossier: SynthDossier, unlawful: bool) -> Mark:
    ctx = dossier.context
    _designated_with_notice(rng, dossier)  # the family's notice is there: only the place is in question
    decision = first(dossier, SURVEIL)
    assert decision is not None
    if unlawful:
        facility = rng.choice(_UNLAWFUL_VENUES)
        decision.params["venue"] = f"{ctx.place.police}{facility}"
        return mark(SURVEIL, f"designated_in_{facility}")
    place = rng.choice(_LAWFUL_VENUES).format(room=rng.randint(201, 1208), building=rng.randint(1, 30))
    decision.params["venue"] = f"{ctx.place.city}{ctx.place.district}某某{place}（{ctx.station}派出所辖区）"
    return mark(SURVEIL, "designated_in_a_residence_in_a_station_area")


register(Plant("DESIGNATED-RESIDENCE-PLACE-UNLAWFUL", frozenset({"surveil", "single", "new_era"}),
               lambda rng, d: _venue(rng, d, True), lambda rng, d: _venue(rng, d, False), stage="layout",
               conflicts=frozenset({"DESIGNATED-RESIDENCE-NOTICE-MISSING", "SURVEILLANCE-WRONG-ARTICLE",
                                    "CITATION-NONEXISTENT", "CITATION-OUTDATED"})))


# --- NON-ARREST-REVIEW-LATE (公安规定 2020 Art. 141(1)) -------------------------------------------------------


def _review_limit() -> str:
    """The rule's own period (公安规定 141(1), pinned by tests/test_rules_custody.py), so the plant follows it."""
    return rule_limit("NON-ARREST-REVIEW-LATE")


def _non_arrest(rng: random.Random, dossier: SynthDossier) -> tuple[SynthDocument, SynthDocument]:
    """Detained → 提请批准逮捕 within 3 days → 不批准逮捕 within 7 → released on bail that day (CPL 92).

    Returns the 提请批准逮捕书 and the 不批准逮捕决定书; the bail and its forms move to the decision's day.
    """
    ctx = dossier.context
    d = ctx.dates
    bail = first(dossier, "取保候审决定书")
    assert bail is not None, "the plant needs a 取保候审决定书"
    p = bail.persons[0]
    requested = d["detain"] + days(rng.randint(1, 3))  # ARREST-REQUEST-DEADLINE: 3 days
    decided = requested + days(rng.randint(2, 7))  # ARREST-DECISION-DEADLINE: 7 days
    request = SynthDocument("提请批准逮捕书", requested, [p], ctx.place.police, params={"held": True}, cites={
        "penal": penal_cite(ctx.crime), "conditions": cpl_cite("arrest_conditions", ctx.era),
        "basis": cpl_cite("arrest_request", ctx.era)})
    request.number = _serial(rng, dossier, "公（刑）提捕字", requested)
    decision = SynthDocument("不批准逮捕决定书", decided, [p], ctx.place.procuratorate,
                             cites={"basis": cpl_cite("arrest_conditions", ctx.era)},
                             params={"request_date": requested, "request_number": request.number})
    decision.number = _serial(rng, dossier, "检刑不捕", decided)
    shift = decided - d["bail"]
    for doc in dossier.documents:
        if doc.type in ("取保候审决定书", "取保候审执行通知书", "取保候审保证书") and doc.date == d["bail"]:
            doc.date = decided
            if isinstance(doc.params.get("term"), date):  # a stated end date keeps the term's length
                doc.params["term"] += shift
    d["bail"] = decided
    dossier.documents += [request, decision]
    return request, decision


def _review_request(rng: random.Random, dossier: SynthDossier, late: bool) -> Mark:
    ctx = dossier.context
    _, decision = _non_arrest(rng, dossier)
    limit = parse_period(_review_limit())
    if late:  # beyond the last day, holidays counted: the suspect is out on bail (公安规定 141(1), no custody)
        when = deadline(decision.date, limit, custody=False).last_day + days(rng.randint(1, 7))
    else:
        when = decision.date + days(rng.randint(1, limit.amount))
    review = SynthDocument("要求复议意见书", when, decision.persons, ctx.place.police,
                           cites={"basis": cpl_cite("non_arrest_review", ctx.era)},
                           params={"decision_date": decision.date, "decision_number": decision.number})
    review.number = _serial(rng, dossier, "公（刑）要复字", when)
    dossier.documents.append(review)
    gap = (when - decision.date).days
    return mark("要求复议意见书", f"review_requested_on_day_{gap}", days=gap)


register(Plant("NON-ARREST-REVIEW-LATE", frozenset({"bail", "detained", "single"}),
               lambda r, d: _review_request(r, d, True), lambda r, d: _review_request(r, d, False), stage="layout",
               # A detention date stated ten days early would put the 提请批准逮捕 out of time.
               conflicts=frozenset({"CONSISTENCY-DETENTION-DATE"})))


# --- SURVEILLANCE-EXECUTION-NOTICE-MISSING (检察规则 2019 Art. 109) --------------------------------------------


def _procuratorate_surveillance(rng: random.Random, dossier: SynthDossier, with_notice: bool) -> Mark:
    """During 审查起诉 the bailed suspect can offer neither guarantor nor deposit: the procuratorate puts him
    under 监视居住 (CPL 2018 Art. 74(2)) before its 不起诉 decision, and hands it to the police to execute."""
    ctx = dossier.context
    d = ctx.dates
    p = ctx.persons[0]
    when = d["transfer"] + days(rng.randint(2, 7))  # the 不起诉 comes 10 days or more after the transfer
    proc = ctx.place.procuratorate
    decision = SynthDocument(SURVEIL, when, [p], proc, params={"by": "procuratorate", "ground": "no_guarantee"},
                             cites={"basis": cpl_cite("surveillance", ctx.era, paragraph=2),
                                    "obligations": cpl_cite("surveillance_obligations", ctx.era)})
    decision.number = _serial(rng, dossier, "检刑监居", when)
    dossier.documents.append(decision)
    if with_notice:
        notice = SynthDocument("监视居住执行通知书", when, [p], proc, params={"by": "procuratorate"})
        dossier.documents.append(notice)
    return mark(SURVEIL, "procuratorate_with_notice" if with_notice else "procuratorate_without_notice")


register(Plant("SURVEILLANCE-EXECUTION-NOTICE-MISSING", frozenset({"bail", "nonpros"}),
               lambda r, d: _procuratorate_surveillance(r, d, False),
               lambda r, d: _procuratorate_surveillance(r, d, True), stage="layout",
               conflicts=_POLICE_SURVEILLANCE_RULES))
