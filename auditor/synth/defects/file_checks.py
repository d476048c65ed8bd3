"""Plants for the whole-file rules (auditor/rules/file_checks.py): rights notices, consistency, required forms."""

from __future__ import annotations

import random
from datetime import date
from typing import TYPE_CHECKING

from auditor.synth import names
from auditor.synth.defects import (
    Mark,
    Plant,
    all_of,
    days,
    first,
    insert_after,
    mark,
    register,
    remove_document,
    replace_text,
)
from auditor.synth.templates import SynthDocument, ar_date, cpl_cite, wording_banks

if TYPE_CHECKING:
    from auditor.synth.generator import SynthDossier

_BAIL_RULES = frozenset({"BAIL-BOTH-GUARANTEES", "BAIL-NO-GUARANTEE", "BAIL-DEPOSIT-BELOW-MINIMUM"})


def _first_interrogation(dossier: SynthDossier) -> SynthDocument:
    records = all_of(dossier, "讯问笔录")
    return min(records, key=lambda d: (d.date, d.params.get("count", 1)))


# --- DF14 rights notices ---------------------------------------------------------------------------------


def _lawyer_missing(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc = _first_interrogation(dossier)
    doc.params["lawyer_notice"] = ""
    return mark("讯问笔录", "lawyer_sentence_removed")


def _lawyer_reworded(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc = _first_interrogation(dossier)
    doc.params["lawyer_notice"] = rng.choice([
        "依法告知你可以委托辩护人，经济困难的可以申请法律援助。",
        "你可以聘请律师为你提供法律帮助。",
    ])
    return mark("讯问笔录", "lawyer_sentence_reworded")


register(Plant("RIGHTS-NOTICE-LAWYER-MISSING", frozenset(), _lawyer_missing, _lawyer_reworded, stage="layout"))


def _plea_missing(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc = _first_interrogation(dossier)
    assert any(replace_text(doc, plea, "") for plea in wording_banks()["leniency_plea"])  # whichever wording it has
    return mark("讯问笔录", "plea_clause_removed")


register(Plant("RIGHTS-NOTICE-LENIENCY-MISSING", frozenset({"new_era"}), _plea_missing))


# --- DF15 interrogation by one officer (CPL 2018 Art. 118(1)) -----------------------------------------------------

_HEAD_WORDS = ("讯问人", "记录人", "侦查员", "记录员")


def _head_lines(doc: SynthDocument) -> list[int]:
    return [i for i, line in enumerate(doc.lines) if any(w in line for w in _HEAD_WORDS)]


def _one_officer(rng: random.Random, dossier: SynthDossier) -> Mark:
    """The first record's head names one officer, who also keeps the record: one investigator in the room."""
    doc = _first_interrogation(dossier)
    first, second = dossier.context.officers
    for i in _head_lines(doc):
        line = doc.lines[i]
        for pair in (f"{first}、{second}", f"{first} {second}"):
            line = line.replace(pair, first)
        doc.lines[i] = line.replace(second, first)
    return mark("讯问笔录", "one_officer_who_also_records")


def _asker_and_recorder(rng: random.Random, dossier: SynthDossier) -> Mark:
    """Look-alike: one officer asks, the other keeps the record — two investigators present (lawful)."""
    doc = _first_interrogation(dossier)
    first, second = dossier.context.officers
    for i in _head_lines(doc):
        line = doc.lines[i]
        if any(w in line for w in ("讯问人", "侦查员")):
            for pair in (f"{first}、{second}", f"{first} {second}"):
                line = line.replace(pair, first)
        doc.lines[i] = line
    return mark("讯问笔录", "one_asks_the_other_records")


register(Plant("INTERROGATION-SINGLE-OFFICER", frozenset(), _one_officer, _asker_and_recorder))


# --- DF17 consistency --------------------------------------------------------------------------------------


def _identity_doc(dossier: SynthDossier) -> tuple[SynthDocument, names.Person]:
    """The 起诉意见书 (always present, with each suspect's full identity), and its first suspect."""
    doc = first(dossier, "起诉意见书")
    assert doc is not None
    return doc, doc.persons[0]


def _other_id(rng: random.Random, person: names.Person) -> str:
    """Another well-formed number with the same region, birth date and sex (only the sequence differs)."""
    while True:
        seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if person.male else (0, 2, 4, 6, 8))
        first17 = f"{person.id_number[:14]}{seq:03d}"
        number = first17 + names.id_check_digit(first17)
        if number != person.id_number:
            return number


def _id_changed(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc, p = _identity_doc(dossier)
    assert replace_text(doc, p.id_number, _other_id(rng, p))
    return mark("起诉意见书", "id_sequence_changed")


register(Plant("CONSISTENCY-ID-NUMBER", frozenset(), _id_changed))


def _birth_changed(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc, p = _identity_doc(dossier)
    wrong = p.birth.replace(day=p.birth.day % 28 + 1) if rng.random() < 0.5 else p.birth.replace(year=p.birth.year + 1)
    assert replace_text(doc, f"{ar_date(p.birth)}出生", f"{ar_date(wrong)}出生")
    return mark("起诉意见书", "birth_date_changed")


register(Plant("CONSISTENCY-BIRTH-DATE", frozenset(), _birth_changed))


def _gender_swapped(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc, p = _identity_doc(dossier)
    other = "女" if p.male else "男"
    assert replace_text(doc, f"犯罪嫌疑人{p.name}，{p.gender}，", f"犯罪嫌疑人{p.name}，{other}，")
    return mark("起诉意见书", "gender_swapped")


register(Plant("CONSISTENCY-GENDER", frozenset(), _gender_swapped))


def _detention_date_changed(rng: random.Random, dossier: SynthDossier) -> Mark:
    """The 起诉意见书 recounts the detention ten days off (a 5月13日 / 5月3日 slip)."""
    doc, p = _identity_doc(dossier)
    real: date = dossier.context.dates["detain"]
    wrong = real - days(10)
    if wrong.year != real.year:  # keep the following "同年…" dates in the same year
        wrong = real + days(10)
    assert replace_text(doc, f"于{ar_date(real)}被我局刑事拘留", f"于{ar_date(wrong)}被我局刑事拘留")
    dossier.extra_events.append(("刑事拘留", wrong, p.name))
    return mark("起诉意见书", "detention_date_ten_days_off", stated=wrong.isoformat(), actual=real.isoformat())


register(Plant("CONSISTENCY-DETENTION-DATE", frozenset({"detained", "single"}), _detention_date_changed,
               conflicts=frozenset({"ARREST-REQUEST-DEADLINE", "DETENTION-NOTICE-LATE",
                                    "INTERROGATION-AFTER-DETENTION-LATE", "DETENTION-NOTICE-MISSING"})))


# --- required forms ------------------------------------------------------------------------------------------


def _drop_all(doc_type: str, anchor: str, variant: str):
    def plant(rng: random.Random, dossier: SynthDossier) -> Mark:
        for doc in all_of(dossier, doc_type):
            remove_document(dossier, doc)
        return mark(anchor, variant)

    return plant


register(Plant("BAIL-EXECUTION-NOTICE-MISSING", frozenset({"bail", "single"}),
               _drop_all("取保候审执行通知书", "取保候审决定书", "notice_removed"), stage="layout"))
# SURVEILLANCE-EXECUTION-NOTICE-MISSING concerns a procuratorate's or court's decision: planted in extra.py.


def _pledge_missing(rng: random.Random, dossier: SynthDossier) -> Mark:
    bail = first(dossier, "取保候审决定书")
    assert bail is not None
    if bail.params["guarantee"] not in ("guarantor", "either_guarantor"):
        bail.params["guarantee"] = "either_guarantor" if bail.params["guarantee"] == "either_deposit" else "guarantor"
    for doc in all_of(dossier, "取保候审保证书"):
        remove_document(dossier, doc)
    return mark("取保候审决定书", "pledge_removed")


register(Plant("BAIL-GUARANTOR-PLEDGE-MISSING", frozenset({"bail", "single"}), _pledge_missing, stage="layout",
               conflicts=_BAIL_RULES))


_ITEMS = ["黑色苹果牌手机一部", "白色华为牌手机一部", "银行卡一张", "小型轿车钥匙一把"]


def _seizure(rng: random.Random, dossier: SynthDossier, with_list: bool) -> Mark:
    ctx = dossier.context
    p = ctx.persons[0]
    when = ctx.dates.get("detain", ctx.dates["filing"])
    anchor = first(dossier, "立案决定书")
    assert anchor is not None
    decision = SynthDocument("扣押决定书", when, [p], ctx.place.police, cites={"basis": cpl_cite("seizure", ctx.era)},
                             params={"item": rng.choice(_ITEMS)})
    decision.number = f"{ctx.place.abbr}公（刑）扣字〔{when.year}〕{rng.randint(1, 150)}号"
    insert_after(dossier, anchor, decision)
    if with_list:
        listing = SynthDocument("扣押清单", when, [p], ctx.place.police, params={
            "item": decision.params["item"], "witness": names.make_name(rng, True, {x.name for x in ctx.persons})})
        insert_after(dossier, decision, listing)
    return mark("扣押决定书", "list_missing" if not with_list else "list_present")


register(Plant("SEIZURE-LIST-MISSING", frozenset({"single"}), lambda r, d: _seizure(r, d, False),
               lambda r, d: _seizure(r, d, True), stage="layout"))

_FINDINGS = {
    True: "送检血样中检出乙醇成分，含量为{amount}mg/100ml。",
    False: "送检检材与犯罪嫌疑人{name}的DNA分型一致。",
}


def _appraisal(rng: random.Random, dossier: SynthDossier, with_notice: bool) -> Mark:
    ctx = dossier.context
    p = ctx.persons[0]
    when = ctx.dates["filing"] + days(rng.randint(1, 4))
    anchor = first(dossier, "立案决定书")
    assert anchor is not None
    finding = _FINDINGS[ctx.crime.name == "危险驾驶罪"].format(amount=ctx.amount, name=p.name)
    report = SynthDocument("鉴定意见书", when, [p], ctx.place.police, params={
        "finding": finding, "expert": names.make_name(rng, rng.random() < 0.5, {x.name for x in ctx.persons})})
    insert_after(dossier, anchor, report)
    if with_notice:
        # CPL 2018 Art. 148: the suspect and, where there is one, the victim are told.
        notice_day = when + days(rng.randint(0, 2))
        notice = SynthDocument("鉴定意见通知书", notice_day, [p], ctx.place.police,
                               cites={"basis": cpl_cite("appraisal_notice", ctx.era)}, params={"finding": finding})
        insert_after(dossier, report, notice)
        if ctx.victim:
            to_victim = SynthDocument("鉴定意见通知书", notice_day, [p], ctx.place.police,
                                      cites={"basis": cpl_cite("appraisal_notice", ctx.era)},
                                      params={"finding": finding, "addressee": f"被害人{ctx.victim}"})
            insert_after(dossier, notice, to_victim)
    return mark("鉴定意见书", "notice_missing" if not with_notice else "notice_present")


register(Plant("APPRAISAL-NOTICE-MISSING", frozenset({"single"}), lambda r, d: _appraisal(r, d, False),
               lambda r, d: _appraisal(r, d, True), stage="layout"))
