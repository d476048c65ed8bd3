"""Synthetic dossiers with planted defects, look-alikes and ground truth.

`generate_dossier` plans one case (era, suspects, crime, measures and their dates), lays out its
documents, plants the requested defects, renders the text and derives the truth: documents,
events, citations and the findings the auditor must raise. `generate_corpus` mixes clean and
defective dossiers so that every rule is planted at least twice in 12 dossiers, and writes them.
"""

from __future__ import annotations

import calendar
import json
import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from auditor.lexicon import load_yaml, read_yaml
from auditor.synth import defects, names
from auditor.synth import warnings as timeline
from auditor.synth.templates import (
    CONDITIONAL_CHAPTERS,
    CPL_ARTICLE_COUNT,
    CPL_SUBJECTS,
    CRIMES,
    PENAL,
    PENAL_EXEMPTION_ARTICLE,
    CaseContext,
    Cite,
    Crime,
    PersonPlan,
    SynthDocument,
    cpl_cite,
    penal_cite,
    probation_months,
    render,
    wording_banks,
)

WORDINGS = ("plain", "varied")

# Rules planted by `_plant` below; the rest of the catalogue is planted by auditor/synth/defects/.
LEGACY_RULES = (
    "ARREST-REQUEST-DEADLINE",
    "BAIL-TERM",
    "SURVEILLANCE-TERM",
    "BAIL-BOTH-GUARANTEES",
    "DETENTION-NOTICE-MISSING",
    "CITATION-NONEXISTENT",
    "CITATION-OUTDATED",
)
# Dossier features (defects.FEATURES) each legacy rule needs.
_LEGACY_NEEDS: dict[str, frozenset[str]] = {
    "ARREST-REQUEST-DEADLINE": frozenset({"arrest", "single"}),
    "BAIL-TERM": frozenset({"bail"}),
    "SURVEILLANCE-TERM": frozenset({"surveil"}),
    "BAIL-BOTH-GUARANTEES": frozenset({"bail"}),
    "DETENTION-NOTICE-MISSING": frozenset({"detained", "single"}),
    "CITATION-NONEXISTENT": frozenset({"new_era"}),
    "CITATION-OUTDATED": frozenset({"new_era"}),
}
defects.load_groups()
RULES = LEGACY_RULES + tuple(sorted(defects.PLANTS))


def needs_of(rule: str) -> frozenset[str]:
    return _LEGACY_NEEDS[rule] if rule in _LEGACY_NEEDS else defects.PLANTS[rule].needs


def _conflicts(rule: str) -> frozenset[str]:
    return defects.PLANTS[rule].conflicts if rule in defects.PLANTS else frozenset()


def _clashes(rule: str, wanted: set[str]) -> bool:
    """Conflicts hold both ways: a planted rule keeps the other's look-alike out, and vice versa."""
    return bool(_conflicts(rule) & wanted) or any(rule in _conflicts(w) for w in wanted)


def plants_fit(plant: list[str] | set[str]) -> bool:
    """Whether these rules can be planted together in one dossier."""
    needs: set[str] = set().union(*(needs_of(r) for r in plant)) if plant else set()
    return defects.compatible(needs) and not any(_conflicts(r) & set(plant) for r in plant)


# Order of forms within one day.
TYPE_ORDER = [
    "受案登记表", "立案决定书", "鉴定意见书", "鉴定意见通知书", "扣押决定书", "扣押清单", "呈请拘留报告书", "拘留证", "拘留通知书", "讯问笔录", "延长拘留期限通知书",
    "提请批准逮捕书", "批准逮捕决定书", "不批准逮捕决定书", "要求复议意见书", "逮捕证", "逮捕通知书", "取保候审决定书",
    "取保候审执行通知书", "取保候审保证书", "监视居住决定书", "监视居住执行通知书", "监视居住通知书", "起诉意见书", "退回补充侦查决定书", "补充侦查报告书",
    "不起诉决定书", "附条件不起诉决定书", "送达回证",
]
_POLICE_CODES = {
    "立案决定书": "立",
    "拘留证": "拘", "拘留通知书": "拘通", "延长拘留期限通知书": "延拘", "提请批准逮捕书": "提捕", "逮捕证": "捕",
    "逮捕通知书": "捕通", "取保候审决定书": "取保", "监视居住决定书": "监居", "起诉意见书": "诉",
}
_PROC_CODES = {"批准逮捕决定书": "刑批捕", "不起诉决定书": "刑不诉", "附条件不起诉决定书": "未检附不诉"}

# 刑事拘留 -> 提请批准逮捕: (days, extension kind) per variant.
ARREST_DEFECTS = {
    "late_no_extension": (5, None),
    "late_beyond_special_extension": (9, "special"),
    "late_beyond_30_days": (33, "roving"),
}
ARREST_LOOKALIKES = {"three_days": (3, None), "special_extension_6_days": (6, "special"), "gang_extension_25_days": (25, "gang")}

# Acts of the case, not of one suspect (受案, 立案, 鉴定 …): lexicons/actions.yaml `scope: case`, read once.
CASE_SCOPE = frozenset(a["name"] for a in load_yaml("actions.yaml")["actions"] if a.get("scope") == "case")
DOC_TYPES_YAML = Path(__file__).resolve().parents[2] / "lexicons" / "doc_types.yaml"


@lru_cache(maxsize=1)
def document_acts() -> dict[str, str]:
    """Document type -> the act it evidences, from lexicons/doc_types.yaml."""
    data = read_yaml(DOC_TYPES_YAML.read_text(encoding="utf-8"))
    return {t["type"]: t["act"] for t in data["types"] if t.get("act")}


@dataclass
class SynthDossier:
    stem: str
    context: CaseContext
    documents: list[SynthDocument]
    planted: list[dict] = field(default_factory=list)
    lookalikes: list[dict] = field(default_factory=list)
    # Dated acts a planted wording states besides those the layout implies: (action, date, person).
    extra_events: list[tuple[str, date, str | None]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.planted

    def expected_findings(self) -> list[dict]:
        return [{"rule_id": p["rule_id"], "document_type": p["document_type"]} for p in self.planted]

    def citations(self) -> list[dict]:
        return [c.truth(d.type) for d in self.documents for c in d.cites.values()]

    def events(self) -> list[dict]:
        """One event per (action, date, person): the documents' own acts and the measures narratives recount."""
        acts = document_acts()
        seen: dict[tuple, None] = {}
        for doc in self.documents:
            act = acts.get(doc.type)
            if act == "监视居住" and doc.params.get("place") == "designated":
                act = "指定居所监视居住"  # the decision executes it at a designated residence
            if act in CASE_SCOPE:
                seen[(act, doc.date, None)] = None
            elif act:
                for p in doc.persons:
                    seen[(act, doc.date, p.name)] = None
            for action, when, person in recounted(self.context, doc):
                seen[(action, when, person)] = None
        for key in self.extra_events:
            seen[key] = None
        # A recount calling the measure generally on the day of the person's specific one is that act (one event).
        general = load_yaml("actions.yaml").get("general_acts") or {}
        seen = {k: None for k in seen if not (k[0] in general and (general[k[0]], k[1], k[2]) in seen)}
        order = {a: i for i, a in enumerate(["立案", *acts.values()])}
        keys = sorted(seen, key=lambda k: (k[1], order.get(k[0], 99), k[2] or ""))
        return [{"action": a, "date": d.isoformat(), "person": p} for a, d, p in keys]

    def truth(self) -> dict:
        return {
            "source": self.stem,
            "era": self.context.era,
            "persons": [p.name for p in self.context.persons],
            "documents": [
                {"type": d.type, "title": d.title, "number": d.number, "date": d.date.isoformat(), "organ": d.organ}
                for d in self.documents
            ],
            "events": self.events(),
            "citations": self.citations(),
            "expected_findings": self.expected_findings(),
            "planted": self.planted,
            "lookalikes": self.lookalikes,
            "clean": self.clean,
            "pii": self.pii(),
        }

    def pii(self) -> dict:
        """Every piece of personal data the dossier states (redaction's property test: none may leak)."""
        ctx = self.context
        guarantors = {d.params["guarantor"] for d in self.documents if d.params.get("guarantor")}
        names = [*(p.name for p in ctx.persons), *([ctx.victim] if ctx.victim else []), *ctx.officers,
                 *(name for _, name in ctx.family.values()), *sorted(guarantors)]
        return {
            "names": list(dict.fromkeys(names)),
            "officers": list(ctx.officers),
            "id_numbers": [p.id_number for p in ctx.persons],
            "addresses": list(dict.fromkeys(a for p in ctx.persons for a in (p.residence, p.address))),
            "birth_dates": [p.birth.isoformat() for p in ctx.persons],
        }


def recounted(ctx: CaseContext, doc: SynthDocument) -> list[tuple[str, date, str | None]]:
    """Dated acts a document's narrative states besides its own act (立案 is case-level: no person)."""
    d = ctx.dates
    out: list[tuple[str, date, str | None]] = []
    if doc.type in ("呈请拘留报告书", "提请批准逮捕书", "起诉意见书"):
        out.append(("立案", d["filing"], None))
    for p in doc.persons:
        plan = ctx.plans[p.name]
        if doc.type in ("拘留通知书", "提请批准逮捕书"):
            out.append(("刑事拘留", d["detain"], p.name))
        elif doc.type == "逮捕通知书":
            out.append(("逮捕", d["arrest"], p.name))
        elif doc.type == "批准逮捕决定书":
            out.append(("提请批准逮捕", d["request"], p.name))
        elif doc.type in ("起诉意见书", "不起诉决定书", "附条件不起诉决定书"):
            out += [(a, w, p.name) for a, w in plan_events(ctx, plan)]
            if doc.type != "起诉意见书":
                out.append(("移送审查起诉", d["transfer"], p.name))
    return out


def plan_events(ctx: CaseContext, plan: PersonPlan) -> list[tuple[str, date]]:
    d = ctx.dates
    out = []
    if plan.detained:
        out.append(("刑事拘留", d["detain"]))
    if plan.arrested:
        out += [("提请批准逮捕", d["request"]), ("批准逮捕", d["approve"]), ("逮捕", d["arrest"])]
    if plan.bailed:
        out.append(("取保候审", d["bail"]))
    if plan.surveilled:
        out.append(("监视居住", d["surveil"]))
    return out


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def check_plant(plant: list[str]) -> None:
    unknown = set(plant) - set(RULES)
    if unknown:
        raise ValueError(f"unknown rule ids: {sorted(unknown)}")
    if not plants_fit(plant):
        raise ValueError(f"these rules cannot be planted in one dossier: {sorted(plant)}")


def generate_dossier(rng: random.Random, index: int, plant: list[str], *, old: bool | None = None,
                     conditional: bool = False, wording: str = "plain") -> SynthDossier:
    """One dossier numbered `index` with the rules in `plant` planted (each once) and look-alikes of others.

    `old` forces a 2014–2017 case (2012 CPL numbering); by default a few plain dossiers are old. `conditional`
    lays out a minor's 附条件不起诉 even when no planted rule needs one (for its look-alikes). `wording` "varied"
    words each document from the banks of wording.yaml (templates `say`), drawn from an RNG of its own seeded by
    `rng`'s state, so that the case, its dates and its plants are those of the plain dossier.
    """
    if wording not in WORDINGS:
        raise ValueError(f"wording must be one of {WORDINGS}")
    wording_rng = random.Random("wording " + repr(rng.getstate())) if wording == "varied" else None
    check_plant(plant)
    wanted = set(plant)
    needs: set[str] = set().union(*(needs_of(r) for r in wanted)) if wanted else set()
    if conditional:
        needs.add("conditional")
        if not defects.compatible(needs):
            raise ValueError(f"no 附条件不起诉 fits these rules: {sorted(plant)}")
    conditional = "conditional" in needs
    if old is None:
        old = "new_era" not in needs and rng.random() < 0.15
    if old and "new_era" in needs:
        raise ValueError("citation defects are planted in 2019+ dossiers only")
    era = "2012" if old else "2018"

    # --- what happened
    if "arrest" in needs:
        path = "arrest"
    elif needs & {"bail", "surveil"}:
        path = "bail" if "bail" in needs else "surveil"
    elif needs & {"nonpros", "conditional"}:
        path = rng.choices(["bail", "surveil"], weights=[70, 30])[0]
    else:
        path = rng.choices(["arrest", "bail", "surveil"], weights=[45, 40, 15])[0]
    detained = path == "arrest" or "detained" in needs or (path != "surveil" and rng.random() < 0.5)
    surveil = path == "surveil" or "surveil" in needs
    bail = path == "bail"
    single = bool(needs & {"single", "nonpros", "conditional"})
    year = rng.randint(2014, 2017) if old else rng.randint(2019, 2024)  # periods added by plants stay inside the holiday data
    crimes = [
        c for c in CRIMES
        if c.since < year and (c.custodial or path != "arrest")
        and not ("victim" in needs and not c.has_victim) and not ("no_victim" in needs and c.has_victim)
        and (c.chapter in CONDITIONAL_CHAPTERS or not conditional)
    ]
    crime: Crime = rng.choice(crimes)
    n_persons = 2 if not single and crime.has_victim and rng.random() < 0.3 else 1
    non_prosecuted = "nonpros" in needs or (
        not conditional and n_persons == 1 and path != "arrest" and rng.random() < 0.4)

    place = rng.choice(names.PLACES)
    taken: set[str] = set()
    persons = [names.make_person(rng, place, year, taken, minor=conditional) for _ in range(n_persons)]
    plan = PersonPlan(detained=detained, arrested=path == "arrest", bailed=bail, surveilled=surveil,
                      non_prosecuted=non_prosecuted, conditional=conditional)
    plans = {p.name: replace(plan) for p in persons}

    # --- when
    d: dict[str, date] = {"incident": date(year, rng.randint(1, 5), rng.randint(1, 28))}
    d["receipt"] = d["incident"] + _days(rng.randint(0, 1))
    d["filing"] = d["receipt"] + _days(rng.randint(0, 2))
    cursor = d["filing"]
    extension: str | None = None
    arrest_variant = None
    if detained:
        # From the day after filing, so the detention date differs from the dates a narrative states before it.
        d["detain"] = cursor = d["filing"] + _days(rng.randint(1, 4))
    if path == "arrest":
        if "ARREST-REQUEST-DEADLINE" in wanted:
            arrest_variant = rng.choice(sorted(ARREST_DEFECTS))
            gap, extension = ARREST_DEFECTS[arrest_variant]
        else:
            arrest_variant = rng.choice(sorted(ARREST_LOOKALIKES) + ["two_days"])
            gap, extension = ARREST_LOOKALIKES.get(arrest_variant, (2, None))
        if extension:
            d["extend"] = d["detain"] + _days(rng.randint(1, 2))
            d["extend_until"] = d["detain"] + _days(7 if extension == "special" else 30)
        d["request"] = d["detain"] + _days(gap)
        d["approve"] = d["arrest"] = d["request"] + _days(rng.randint(2, 7))
        d["transfer"] = d["arrest"] + _days(rng.randint(30, 55))
    if bail:
        d["bail"] = cursor = (d["detain"] + _days(rng.randint(1, 3))) if detained else d["filing"] + _days(rng.randint(1, 10))
    if surveil:
        if bail:
            d["surveil"] = cursor + _days(rng.randint(20, 40))
        elif detained:
            d["surveil"] = d["detain"] + _days(rng.randint(1, 3))
        else:
            d["surveil"] = d["filing"] + _days(rng.randint(2, 10))
        cursor = d["surveil"]
    if path != "arrest":
        d["transfer"] = cursor + _days(rng.randint(30, 90))
    if non_prosecuted:
        d["nonpros"] = d["transfer"] + _days(rng.randint(10, 28))  # 审查起诉 within one month (CPL 172)
    if conditional:
        d["conditional"] = d["transfer"] + _days(rng.randint(10, 28))

    victim = names.make_name(rng, rng.random() < 0.5, taken) if crime.has_victim else ""
    officers_taken = set(taken)
    ctx = CaseContext(
        place=place, era=era, crime=crime, persons=persons, plans=plans, dates=d, victim=victim,
        location=f"{place.district}{rng.choice(names.STREETS)}{rng.choice(['一家网吧', '农贸市场', '一家饭店', '路口', '一家超市'])}",
        amount=_amount(rng, crime, conditional),
        hour=rng.randint(8, 17),
        station=rng.choice(place.towns),
        officers=(names.make_name(rng, True, officers_taken), names.make_name(rng, True, officers_taken)),
        family={p.name: names.make_relative(rng, p, officers_taken, parent=conditional) for p in persons},
        police_cn_dates=rng.random() < 0.8,
        proc_cn_dates=rng.random() < 0.3,
        extension=extension,
    )

    docs = _lay_out(rng, ctx, d)
    dossier = SynthDossier(stem=f"case_{index:02d}", context=ctx, documents=docs)
    _plant(rng, dossier, wanted, arrest_variant)
    _add_pledges(dossier)
    _apply_plants(rng, dossier, wanted, "layout")
    docs.sort(key=_day_order)
    _measure_lifted(dossier)
    if wording_rng is not None:
        _pick_wording(wording_rng, docs)
    for doc in docs:
        doc.lines = render(ctx, doc)
    _apply_plants(rng, dossier, wanted, "text")
    return dossier


def _pick_wording(rng: random.Random, docs: list[SynthDocument]) -> None:
    """One variant of every bank per document (the renderer uses those of its sentences)."""
    banks = wording_banks()
    for doc in docs:
        doc.wording = {name: rng.randrange(len(banks[name])) for name in sorted(banks)}
    # The police's 要求复议 saying when it received the 不起诉决定书 would prove a delivery whose 送达回证 a plant
    # removed (NON-PROSECUTION-DELIVERY-MISSING): it keeps the plain wording then.
    if not any(d.type == "送达回证" and d.params.get("recipient") == "police" for d in docs):
        for doc in docs:
            if doc.type == "要求复议意见书" and doc.params.get("about") == "不起诉":
                doc.wording["review_received"] = 0


def _measure_lifted(dossier: SynthDossier) -> None:
    """The measure a 不起诉决定书 lifts ("取保候审措施同时解除"): the last 取保 or 监视居住 decided before it."""
    decision = next((d for d in dossier.documents if d.type == "不起诉决定书"), None)
    if decision is None:
        return
    measures = [d for d in dossier.documents if d.type in ("取保候审决定书", "监视居住决定书") and d.date <= decision.date]
    if measures:
        decision.params["measure_in_force"] = measures[-1].type.removesuffix("决定书")


def _amount(rng: random.Random, crime: Crime, conditional: bool) -> int:
    """Value stolen or lost (blood alcohol for 危险驾驶); small where the case may end in 附条件不起诉, whose
    crimes must be punishable by at most a year (CPL 2018 Art. 282(1))."""
    if crime.name == "危险驾驶罪":
        return rng.randint(80, 250)
    return rng.randrange(2000, 5000, 100) if conditional else rng.randrange(2000, 60000, 100)


def dossier_features(dossier: SynthDossier) -> set[str]:
    ctx = dossier.context
    plans = list(ctx.plans.values())
    have = {
        "arrest": any(p.arrested for p in plans), "bail": any(p.bailed for p in plans),
        "surveil": any(p.surveilled for p in plans), "detained": any(p.detained for p in plans),
        "nonpros": any(p.non_prosecuted for p in plans), "conditional": any(p.conditional for p in plans),
        "victim": ctx.crime.has_victim, "no_victim": not ctx.crime.has_victim, "new_era": ctx.era == "2018", "single": len(ctx.persons) == 1,
    }
    return {k for k, v in have.items() if v}


def _apply_plants(rng: random.Random, dossier: SynthDossier, wanted: set[str], stage: str) -> None:
    """Plant the wanted defects of this stage; give half of the other fitting rules their look-alike."""
    features = dossier_features(dossier)
    for rule in sorted(defects.PLANTS):
        p = defects.PLANTS[rule]
        if p.stage != stage:
            continue
        if rule in wanted:
            got = p.defect(rng, dossier)
            if got is None:
                raise RuntimeError(f"{rule}: the defect could not be planted in {dossier.stem}")
            also = got.pop("also", [])
            dossier.planted.append({"rule_id": rule, **got})
            # A defect that is necessarily also another rule's (a decision naming no 执行机关 and no 执行通知书).
            dossier.planted += [{"rule_id": r, "document_type": t, "variant": f"with {rule}"} for r, t in also]
        elif p.lookalike and p.needs <= features and not _clashes(rule, wanted) and rng.random() < 0.5:
            got = p.lookalike(rng, dossier)
            if got is not None:
                dossier.lookalikes.append({"rule_id": rule, **got})


def _lay_out(rng: random.Random, ctx: CaseContext, d: dict[str, date]) -> list[SynthDocument]:
    """The documents of the case, in dossier order, with their default (correct) citations."""
    police, proc, v = ctx.place.police, ctx.place.procuratorate, ctx.era
    persons = ctx.persons
    plan = ctx.plans[persons[0].name]
    docs: list[SynthDocument] = []

    def add(doc_type: str, when: date, who: list, **cites: Cite) -> SynthDocument:
        organ = proc if doc_type in _PROC_CODES or doc_type == "送达回证" else police
        doc = SynthDocument(doc_type, when, who, organ, cites=dict(cites))
        docs.append(doc)
        return doc

    add("受案登记表", d["receipt"], persons)
    add("立案决定书", d["filing"], persons, basis=cpl_cite("filing", v))
    if plan.detained:
        add("呈请拘留报告书", d["detain"], persons, basis=cpl_cite("detain", v, item=2 if ctx.crime.has_victim else 1))
        for p in persons:
            add("拘留证", d["detain"], [p], basis=cpl_cite("detain", v))
            add("拘留通知书", d["detain"], [p], basis=cpl_cite("detain_notice", v))
    for p in persons:
        first = d.get("detain") if plan.detained else d.get("bail", d.get("surveil"))
        add("讯问笔录", first, [p], basis=cpl_cite("interrogation", v))
        if plan.arrested:  # the interrogation after arrest, within 24 hours (CPL 94)
            add("讯问笔录", d["arrest"], [p], basis=cpl_cite("interrogation", v)).params["count"] = 2
    if plan.arrested:
        if ctx.extension:
            for p in persons:
                para = 1 if ctx.extension == "special" else 2
                add("延长拘留期限通知书", d["extend"], [p], basis=cpl_cite("extend_detention", v, paragraph=para))
        add("提请批准逮捕书", d["request"], persons, penal=penal_cite(ctx.crime),
            conditions=cpl_cite("arrest_conditions", v), basis=cpl_cite("arrest_request", v))
        for p in persons:
            add("批准逮捕决定书", d["approve"], [p], basis=cpl_cite("arrest_conditions", v))
            add("逮捕证", d["arrest"], [p], basis=cpl_cite("arrest_approval", v))
            add("逮捕通知书", d["arrest"], [p], basis=cpl_cite("arrest_notice", v))
    for p in persons:
        if plan.bailed:
            item = rng.choice([1, 2])
            doc = add("取保候审决定书", d["bail"], [p], basis=cpl_cite("bail", v, paragraph=1, item=item),
                      obligations=cpl_cite("bail_obligations", v))
            doc.params.update(reason_item=item, guarantee=rng.choice(["deposit", "guarantor"]),
                              amount=rng.choice([2000, 3000, 5000, 10000, 20000]),
                              guarantor=names.make_name(rng, rng.random() < 0.6, set(ctx.family) | {ctx.victim}))
            add("取保候审执行通知书", d["bail"], [p])
        if plan.surveilled:
            # 74(1) grounds a 16-year-old can have: a serious illness, not a nursing mother or a sole carer.
            item = rng.choice([1] if plan.conditional else [1, 3] if p.male else [1, 2, 3])
            doc = add("监视居住决定书", d["surveil"], [p], basis=cpl_cite("surveillance", v, paragraph=1, item=item),
                      obligations=cpl_cite("surveillance_obligations", v))
            doc.params.update(reason_item=item)
            add("监视居住执行通知书", d["surveil"], [p])
    add("起诉意见书", d["transfer"], persons, penal=penal_cite(ctx.crime), basis=cpl_cite("transfer", v))
    if plan.non_prosecuted:
        add("不起诉决定书", d["nonpros"], persons[:1], penal=penal_cite(ctx.crime),
            exemption=Cite(PENAL, PENAL_EXEMPTION_ARTICLE), basis=cpl_cite("non_prosecution", v, paragraph=2))
        # Delivered to the 被不起诉人, the police that transferred the case and the victim (CPL 178–180).
        for recipient in ("suspect", "police", "victim") if ctx.crime.has_victim else ("suspect", "police"):
            add("送达回证", d["nonpros"], persons[:1]).params["recipient"] = recipient
    if plan.conditional:
        low, high = probation_months()  # the bounds themselves are the look-alike's (defects/non_prosecution.py)
        add("附条件不起诉决定书", d["conditional"], persons[:1], basis=cpl_cite("conditional_non_prosecution", v, paragraph=1),
            suit=cpl_cite("victim_private_prosecution", v)).params["term"] = rng.randint(low + 1, high - 1)

    docs.sort(key=lambda x: (*_day_order(x), persons.index(x.persons[0])))
    serial: dict[str, int] = {}
    for doc in docs:
        if doc.type in _POLICE_CODES:
            n = serial.setdefault(doc.type, rng.randint(1, 150))
            doc.number = f"{ctx.place.abbr}公（刑）{_POLICE_CODES[doc.type]}字〔{doc.date.year}〕{n}号"
        elif doc.type in _PROC_CODES:
            n = serial.setdefault(doc.type, rng.randint(1, 60))
            doc.number = f"{ctx.place.abbr}检{_PROC_CODES[doc.type]}〔{doc.date.year}〕{n}号"
        else:
            continue
        serial[doc.type] += 1
    request = next((x for x in docs if x.type == "提请批准逮捕书"), None)
    for doc in docs:
        if doc.type == "批准逮捕决定书" and request:
            doc.params["request_number"] = request.number
    return docs


def _add_pledges(dossier: SynthDossier) -> None:
    """A 取保候审保证书 signed by the guarantor after each decision that names one (legal-rules §3.1 Q8)."""
    docs = dossier.documents
    for bail in [x for x in docs if x.type == "取保候审决定书"]:
        if bail.params["guarantee"] in ("guarantor", "either_guarantor", "both"):
            pledge = SynthDocument("取保候审保证书", bail.date, bail.persons, bail.organ,
                                   params={"guarantor": bail.params["guarantor"]})
            docs.insert(docs.index(bail) + 2, pledge)  # after the decision and its 执行通知书


def _day_order(doc: SynthDocument) -> tuple[date, float]:
    """Dossier order: by date, then by the form's place in the procedure (a later 讯问 after the arrest forms)."""
    rank = float(TYPE_ORDER.index(doc.type)) if doc.type in TYPE_ORDER else float(len(TYPE_ORDER))
    if doc.type == "讯问笔录" and doc.params.get("count", 1) > 1:
        rank = TYPE_ORDER.index("逮捕通知书") + 0.5
    return doc.date, rank


def _first(docs: list[SynthDocument], doc_type: str) -> SynthDocument | None:
    return next((x for x in docs if x.type == doc_type), None)


# (document type, citation role) that a citation defect may hit.
_NONEXISTENT_TARGETS = [("取保候审决定书", "basis"), ("监视居住决定书", "basis"), ("呈请拘留报告书", "basis"), ("起诉意见书", "basis")]
# A measure's decision grounded on an old article number: its wrong-basis rule is planted with it (one mistake).
_WRONG_BASIS_RULE = {"取保候审决定书": "BAIL-WRONG-ARTICLE", "监视居住决定书": "SURVEILLANCE-WRONG-ARTICLE"}
_OUTDATED_TARGETS = [("取保候审决定书", "basis"), ("拘留证", "basis"), ("起诉意见书", "basis"), ("监视居住决定书", "basis"),
                     ("呈请拘留报告书", "basis")]


def _plant(rng: random.Random, dossier: SynthDossier, wanted: set[str], arrest_variant: str | None) -> None:
    """Apply the planted defects and pick look-alikes for the rules not planted; record both."""
    ctx, docs = dossier.context, dossier.documents
    planted, looks = dossier.planted, dossier.lookalikes

    def mark(rule: str, doc_type: str, variant: str, **detail: object) -> None:
        (planted if rule in wanted else looks).append(
            {"rule_id": rule, "document_type": doc_type, "variant": variant, **detail}
        )

    if arrest_variant and arrest_variant != "two_days":
        days = (ctx.dates["request"] - ctx.dates["detain"]).days
        mark("ARREST-REQUEST-DEADLINE", "提请批准逮捕书", arrest_variant, days=days, extension=ctx.extension)

    bail = _first(docs, "取保候审决定书")
    if bail:
        start = bail.date
        if "BAIL-TERM" in wanted:
            variant = rng.choice(["months_18", "months_24", "range_18"])
        else:
            variant = rng.choice(["none", "none", "months_12", "range_12"])
        kind, _, months = variant.partition("_")
        if kind == "months":
            bail.params["term"] = int(months)
        elif kind == "range":
            bail.params["term"] = add_months(start, int(months)) - _days(1)
        if variant != "none":
            mark("BAIL-TERM", "取保候审决定书", variant, months=int(months))
        if "BAIL-BOTH-GUARANTEES" in wanted:
            bail.params["guarantee"] = "both"
            mark("BAIL-BOTH-GUARANTEES", "取保候审决定书", "both")
        elif rng.random() < 0.5:
            bail.params["guarantee"] = rng.choice(["either_deposit", "either_guarantor"])
            mark("BAIL-BOTH-GUARANTEES", "取保候审决定书", bail.params["guarantee"])

    surv = _first(docs, "监视居住决定书")
    if surv:
        months = rng.choice([8, 9, 10]) if "SURVEILLANCE-TERM" in wanted else rng.choice([0, 6, 6])
        if months:
            surv.params["term"] = months
            mark("SURVEILLANCE-TERM", "监视居住决定书", f"months_{months}", months=months)

    if "DETENTION-NOTICE-MISSING" in wanted:
        notice = _first(docs, "拘留通知书")
        assert notice is not None  # the custody path always lays one out
        docs.remove(notice)
        mark("DETENTION-NOTICE-MISSING", "拘留证", "notice_removed")
    elif _first(docs, "拘留证"):
        mark("DETENTION-NOTICE-MISSING", "拘留证", "notice_present")

    used: set[tuple[str, str]] = set()  # one planted citation per (document, role): the second would overwrite
    for rule, targets in (("CITATION-NONEXISTENT", _NONEXISTENT_TARGETS), ("CITATION-OUTDATED", _OUTDATED_TARGETS)):
        if rule not in wanted:
            continue
        options = [(t, r) for t, r in targets if _first(docs, t) and (t, r) not in used]
        doc_type, role = rng.choice(options)
        used.add((doc_type, role))
        doc = _first(docs, doc_type)
        good = doc.cites[role]
        bad, variant = _bad_citation(rule, good)
        doc.cites[role] = bad
        mark(rule, doc_type, variant, role=role, cited=bad.text(), article=bad.article, item=bad.item,
             expected_article=good.article, date=doc.date.isoformat())
        consequence = _WRONG_BASIS_RULE.get(doc_type) if (rule, role) == ("CITATION-OUTDATED", "basis") else None
        if consequence:  # under the text in force the old number is also the wrong basis for the measure
            planted.append({"rule_id": consequence, "document_type": doc_type, "variant": f"with {rule}",
                            "cited": bad.text()})
    if ctx.era == "2012":  # 2012 numbers cited while the 2012 text was in force: no finding
        doc = next(x for x in docs if any(c.subject for c in x.cites.values()))
        cite = next(c for c in doc.cites.values() if c.subject)
        mark("CITATION-OUTDATED", doc.type, "cpl_2012_in_force", cited=cite.text(), article=cite.article,
             date=doc.date.isoformat())


def _bad_citation(rule: str, good: Cite) -> tuple[Cite, str]:
    """The planted wrong citation replacing `good`, and the name of the variant."""
    if rule == "CITATION-OUTDATED":
        return replace(good, article=CPL_SUBJECTS[good.subject]["2012"], status="outdated"), "cpl_2012_number"
    if good.item is not None:  # one item more than the 款 has
        return replace(good, item=CPL_SUBJECTS[good.subject]["items"] + 1, status="nonexistent"), "item_beyond_count"
    bad = replace(good, article=CPL_ARTICLE_COUNT["2018"] + 2, paragraph=None, item=None, status="nonexistent")
    return bad, "article_beyond_count"


# ---------------------------------------------------------------------------------------------
# Corpus


def plan_corpus(rng: random.Random, count: int) -> list[tuple[list[str], bool]]:
    """(rules to plant, old era?) per dossier: ~a quarter clean, the rest 1–3 rules, each rule ≥ 2 times."""
    n_clean = round(count / 4)
    n_bad = count - n_clean
    plants: list[list[str]] = [[] for _ in range(n_bad)]

    def fits(p: list[str], rule: str) -> bool:
        return rule not in p and len(p) < 3 and plants_fit([*p, rule])

    if n_bad:
        needed = list(RULES) * 2
        rng.shuffle(needed)
        for rule in needed:
            room = [i for i, p in enumerate(plants) if fits(p, rule)]
            if room:
                fewest = min(len(plants[i]) for i in room)
                plants[rng.choice([i for i in room if len(plants[i]) == fewest])].append(rule)
        for p in plants:
            extra = rng.choice([0, 0, 1])
            for rule in rng.sample(RULES, len(RULES)):
                if extra and fits(p, rule):
                    p.append(rule)
                    extra -= 1
            if not p:
                p.append(rng.choice([r for r in RULES if fits(p, r)]))
    plans = [(sorted(p, key=RULES.index), False) for p in plants] + [([], False) for _ in range(n_clean)]
    rng.shuffle(plans)
    # A few 2014–2017 dossiers: 2012 numbering in force, so their citations are traps, not defects.
    can_be_old = [i for i, (p, _) in enumerate(plans) if not any("new_era" in needs_of(r) for r in p)]
    for i in rng.sample(can_be_old, min(len(can_be_old), max(1, count // 6))):
        plans[i] = (plans[i][0], True)
    return plans


def generate_corpus(
    out_dir: Path, count: int = 12, seed: int = 7, formats: tuple[str, ...] | list[str] = ("txt", "docx", "pdf"),
    truncate: bool = False, wording: str = "plain",
) -> list[Path]:
    """Write case_01.{txt,docx,pdf} + case_01.truth.json … into `out_dir`; same seed, same files.

    `truncate`: clean dossiers (look-alikes only) each cut at a random date, their truth giving `as_of` and the
    warnings expected that day (auditor/synth/warnings.py); scored on their warnings by `auditor eval`.
    `wording` "varied" words the documents from the banks of wording.yaml (same cases as "plain").
    Returns every path written, dossier files first then the truth file of each case.
    Raises writers.FontMissingError when "pdf" is asked for and the CJK font is not installed.
    """
    from auditor.synth import writers  # late: writers imports reportlab

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    unknown = set(formats) - set(writers.WRITERS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}")
    if "pdf" in formats or "scan" in formats:
        writers.check_font()
    written: list[Path] = []
    plans = plan_corpus(random.Random(seed), count) if not truncate else [([], None)] * count
    for i, (plant, old) in enumerate(plans, start=1):
        dossier = generate_dossier(random.Random(seed * 10007 + i), i, plant, old=old, wording=wording)
        extra: dict = {}
        if truncate:
            cut = timeline.cut_date(random.Random(seed * 7919 + i), dossier)
            timeline.truncate(dossier, cut)
            extra = {"truncated": True, "as_of": cut.isoformat(),
                     "expected_warnings": timeline.expected_warnings(dossier, cut)}
        for fmt in formats:
            path = out_dir / f"{dossier.stem}.{writers.EXTENSIONS[fmt]}"
            writers.WRITERS[fmt](dossier, path)
            written.append(path)
        truth = out_dir / f"{dossier.stem}.truth.json"
        truth.write_text(json.dumps({**dossier.truth(), **extra}, ensure_ascii=False, indent=2) + "\n",
                         encoding="utf-8")
        written.append(truth)
    return written
