"""Wording of the synthetic legal forms (公安 / 检察 式样) and the citations they carry.

A sentence that carries a fact the rules read is worded from a bank of wording.yaml (`say`): its first variant
is the plain wording; `SynthDocument.wording` (set by the generator with wording="varied") picks another.

A template turns one `SynthDocument` of a `CaseContext` into text lines: organ line, title line,
文号 line, body, signature block ending with the date line. Which article a form cites is data
(`CPL_SUBJECTS`, `CRIMES`) pinned by tests against ../shared; the generator may swap a citation
for a planted wrong one before rendering.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from auditor.lexicon import read_yaml
from auditor.synth.names import Person, Place

CPL = "中华人民共和国刑事诉讼法"
PENAL = "中华人民共和国刑法"

# Subject of a form's CPL citation -> its article in the 2018 numbering (and the 款 whose 项 a planted
# defect overruns). The 2012 number, the 项 count and the article counts come from lexicons/laws.yaml
# (verified against the statute corpus there); tests/test_synth.py pins the derived values again.
_CPL_2018_ARTICLES: dict[str, dict] = {
    "detain": {"2018": 82, "keyword": "拘留"},
    "detain_notice": {"2018": 85, "keyword": "拘留"},
    "extend_detention": {"2018": 91, "keyword": "延长"},
    "arrest_conditions": {"2018": 81, "keyword": "逮捕"},
    "arrest_request": {"2018": 87, "keyword": "提请批准逮捕书"},
    "arrest_approval": {"2018": 80, "keyword": "逮捕"},
    "arrest_notice": {"2018": 93, "keyword": "逮捕"},
    "bail": {"2018": 67, "keyword": "取保候审", "paragraph": 1},
    "bail_obligations": {"2018": 71, "keyword": "取保候审"},
    "surveillance": {"2018": 74, "keyword": "监视居住", "paragraph": 1},
    "surveillance_obligations": {"2018": 77, "keyword": "监视居住"},
    "interrogation": {"2018": 120, "keyword": "讯问"},
    "transfer": {"2018": 162, "keyword": "起诉意见书"},
    "non_prosecution": {"2018": 177, "keyword": "不起诉"},
    "filing": {"2018": 112, "keyword": "立案"},
    "seizure": {"2018": 141, "keyword": "扣押"},
    "appraisal_notice": {"2018": 148, "keyword": "鉴定意见"},
    "return_for_investigation": {"2018": 175, "keyword": "补充侦查", "paragraph": 2},
    "designated_residence": {"2018": 75, "keyword": "无固定住处的，可以在指定的居所执行"},
    "designated_notice": {"2018": 75, "keyword": "通知被监视居住人的家属"},
    "non_arrest_review": {"2018": 92, "keyword": "可以要求复议"},
    "non_prosecution_review": {"2018": 179, "keyword": "可以要求复议"},
    "victim_private_prosecution": {"2018": 180, "keyword": "直接向人民法院起诉"},
    "conditional_non_prosecution": {"2018": 282, "keyword": "附条件不起诉"},
}


def _cpl_facts() -> tuple[dict[str, dict], dict[str, int], date]:
    from auditor.law.catalog import cpl_2018_to_2012, laws

    versions = {v.id: v for v in laws()[CPL].versions}
    structure = versions["2018"].structure or {}
    subjects: dict[str, dict] = {}
    for key, facts in _CPL_2018_ARTICLES.items():
        entry = {**facts, "2012": cpl_2018_to_2012(facts["2018"])}
        items = structure.get(str(facts["2018"]), [])
        if items:
            entry["items"] = items[(facts.get("paragraph") or 1) - 1]
        subjects[key] = entry
    counts = {v: versions[v].articles for v in ("2018", "2012")}
    start = versions["2018"].effective
    assert start is not None
    return subjects, counts, start


CPL_SUBJECTS, CPL_ARTICLE_COUNT, CPL_2018_START = _cpl_facts()
PENAL_EXEMPTION_ARTICLE = 37  # 刑法 37: 情节轻微不需要判处刑罚 (basis of 酌定不起诉)
# 刑法分则 chapters whose crimes a minor's case may end in 附条件不起诉 (CPL 2018 Art. 282(1); pinned by a test).
CONDITIONAL_CHAPTERS = (4, 5, 6)


@dataclass(frozen=True)
class Crime:
    name: str  # 罪名 as in the charge-name lists
    article: int  # 刑法 article
    suffix: str | None = None
    paragraph: int | None = None
    item: int | None = None
    since: int = 1997  # first year the charge exists
    has_victim: bool = True
    custodial: bool = True  # serious enough for 拘留 → 逮捕
    facts: str = ""  # narrative; {names} {date} {hour} {loc} {victim} {amount}
    confession: str = ""  # first-person summary for the 讯问笔录
    keyword: str = ""  # word of the 刑法 article text (pinned by a test)
    chapter: int = 0  # chapter of 刑法分则 holding the article (pinned by a test)


CRIMES: list[Crime] = [
    Crime(
        "盗窃罪", 264, keyword="盗窃", chapter=5,
        facts="{date}{hour}时许，犯罪嫌疑人{names}在{loc}，趁被害人{victim}不备，窃取其放置在桌上的手机一部及现金若干。"
        "经价格认证，被盗财物共计价值人民币{amount}元。",
        confession="那天我在{loc}看到桌上有一部手机没人看着，就拿走了，后来卖了。",
    ),
    Crime(
        "诈骗罪", 266, keyword="诈骗", chapter=5,
        facts="{date}，犯罪嫌疑人{names}通过微信冒充被害人{victim}的朋友，以急需周转资金为由，骗取{victim}人民币{amount}元，"
        "所得款项已被挥霍。",
        confession="我用微信冒充他朋友向他借钱，他转给我{amount}元，钱我都花了。",
    ),
    Crime(
        "故意伤害罪", 234, paragraph=1, keyword="故意伤害", chapter=4,
        facts="{date}{hour}时许，犯罪嫌疑人{names}在{loc}因琐事与被害人{victim}发生争执，继而持木棍殴打{victim}头部，"
        "致其受伤。经鉴定，{victim}的损伤程度为轻伤二级。",
        confession="那天在{loc}我和他吵起来，一时冲动拿木棍打了他。",
    ),
    Crime(
        "寻衅滋事罪", 293, paragraph=1, item=1, keyword="寻衅滋事", chapter=6,
        facts="{date}{hour}时许，犯罪嫌疑人{names}酒后在{loc}无故拦截路人{victim}，随意殴打{victim}并损毁其手机一部，"
        "造成恶劣社会影响。",
        confession="那天我喝多了，在{loc}看他不顺眼就打了他。",
    ),
    Crime(
        "危险驾驶罪", 133, suffix="之一", paragraph=1, item=2, since=2011, has_victim=False, custodial=False,
        keyword="醉酒驾驶", chapter=2,
        facts="{date}{hour}时许，犯罪嫌疑人{names}饮酒后驾驶小型轿车行驶至{loc}时被执勤民警查获。"
        "经鉴定，其血液中乙醇含量为{amount}mg/100ml。",
        confession="那天我和朋友吃饭喝了酒，开车回家的路上被交警查到了。",
    ),
    Crime(
        "帮助信息网络犯罪活动罪", 287, suffix="之二", paragraph=1, since=2016, keyword="信息网络",
        chapter=6,
        facts="{date}，犯罪嫌疑人{names}明知他人利用信息网络实施犯罪，仍将本人名下银行卡出售给他人使用，"
        "该卡被用于接收被害人{victim}被骗资金人民币{amount}元。",
        confession="我知道别人买卡是干违法的事，还是把银行卡卖给了他。",
    ),
]


@dataclass
class Cite:
    law: str
    article: int
    suffix: str | None = None
    paragraph: int | None = None
    item: int | None = None
    status: str = "valid"  # valid | outdated | nonexistent
    subject: str | None = None  # key of CPL_SUBJECTS, so a planted defect can renumber it

    def text(self, with_law: bool = True) -> str:
        out = f"《{self.law}》" if with_law else ""
        out += f"第{cn_int(self.article)}条{self.suffix or ''}"
        if self.paragraph:
            out += f"第{cn_int(self.paragraph)}款"
        if self.item:
            out += f"第（{cn_int(self.item)}）项"
        return out

    def truth(self, document_type: str) -> dict:
        return {
            "law": self.law, "article": self.article, "article_suffix": self.suffix,
            "paragraph": self.paragraph, "item": self.item, "document_type": document_type, "status": self.status,
        }


def cpl_cite(subject: str, version: str, paragraph: int | None = None, item: int | None = None) -> Cite:
    """The correct CPL citation for a form's subject in the version in force."""
    return Cite(CPL, CPL_SUBJECTS[subject][version], paragraph=paragraph, item=item, subject=subject)


def penal_cite(crime: Crime) -> Cite:
    return Cite(PENAL, crime.article, crime.suffix, crime.paragraph, crime.item)


# ---------------------------------------------------------------------------------------------
# Chinese numerals and dates

_DIGITS = "〇一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"


def cn_int(n: int) -> str:
    """1..999 in Chinese numerals as written in citations: 十, 十二, 八十二, 一百零一, 三百一十."""
    if not 0 < n < 1000:
        raise ValueError(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if tens == 0 and ones:
            return out + "零" + _DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out


def cn_date(d: date) -> str:
    """二〇二三年三月五日 — the date line of police forms."""
    return "".join(_DIGITS[int(c)] for c in str(d.year)) + f"年{cn_int(d.month)}月{cn_int(d.day)}日"


def ar_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def dotted_date(d: date) -> str:
    """2023.5.12 — a date written by hand under a signature."""
    return f"{d.year}.{d.month}.{d.day}"


# ---------------------------------------------------------------------------------------------
# Wording banks

WORDING_YAML = Path(__file__).with_name("wording.yaml")


@lru_cache(maxsize=1)
def wording_banks() -> dict[str, list[str]]:
    """Bank name -> its variants, the plain wording first (wording.yaml)."""
    data = read_yaml(WORDING_YAML.read_text(encoding="utf-8"))
    return {name: [str(v) for v in bank["variants"]] for name, bank in data["banks"].items()}


def rel_date(prev: date | None, d: date) -> str:
    """Narrative date relative to the previously written one: 同日 / 同年3月7日 / 2023年3月7日."""
    if prev == d:
        return "同日"
    if prev is not None and prev.year == d.year:
        return f"同年{d.month}月{d.day}日"
    return ar_date(d)


def upper_amount(n: int) -> str:
    """Capital numerals for whole thousands below 100 000: 伍仟元, 壹万贰仟元."""
    if n <= 0 or n % 1000 or n >= 100000:
        raise ValueError(n)
    wan, qian = divmod(n // 1000, 10)
    out = (_UPPER[wan] + "万") if wan else ""
    return out + ((_UPPER[qian] + "仟") if qian else "") + "元"


# ---------------------------------------------------------------------------------------------
# Case and document


@dataclass
class PersonPlan:
    """Which measures one suspect went through (all suspects share the case's dates)."""

    detained: bool = False
    arrested: bool = False
    bailed: bool = False
    surveilled: bool = False
    non_prosecuted: bool = False
    conditional: bool = False  # a minor whose case ends in a 附条件不起诉决定书 (CPL 2018 Art. 282)


@dataclass
class CaseContext:
    place: Place
    era: str  # "2018" or "2012": CPL numbering in force for the whole case
    crime: Crime
    persons: list[Person]
    plans: dict[str, PersonPlan]
    dates: dict[str, date]  # incident, filing, detain, extend, request, approve, arrest, bail, surveil, transfer, nonpros
    victim: str
    location: str
    amount: int
    hour: int
    station: str  # 派出所 name
    officers: tuple[str, str]
    family: dict[str, tuple[str, str]]  # suspect name -> (relation, relative's name)
    police_cn_dates: bool = True
    proc_cn_dates: bool = False
    extension: str | None = None  # None | "special" (1–4 days) | "gang" / "roving" (30 days)

    def names(self, persons: list[Person] | None = None) -> str:
        return "、".join(p.name for p in (persons or self.persons))

    def facts(self, label: str = "犯罪嫌疑人") -> str:
        text = self.crime.facts.format(
            names=self.names(), date=ar_date(self.dates["incident"]), hour=self.hour, loc=self.location,
            victim=self.victim, amount=self.amount,
        )
        return text.replace("犯罪嫌疑人", label)


@dataclass
class SynthDocument:
    type: str
    date: date
    persons: list[Person]
    organ: str
    number: str | None = None
    cites: dict[str, Cite] = field(default_factory=dict)  # role -> citation, in the order rendered
    params: dict = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    wording: dict[str, int] = field(default_factory=dict)  # bank -> variant index; absent: the plain first one

    @property
    def title(self) -> str:
        return self.type


def variant(doc: SynthDocument, bank: str) -> str:
    """The wording of `bank` the document uses, its fields still in braces."""
    return wording_banks()[bank][doc.wording.get(bank, 0)]


def say(doc: SynthDocument, bank: str, **fields: object) -> str:
    """The sentence of `bank` in the variant the document uses, its fields filled in."""
    return variant(doc, bank).format(**fields)


def say_lines(doc: SynthDocument, bank: str, **fields: object) -> list[str]:
    """A bank's text as lines: a variant may span several lines ("\n") or none (an empty variant)."""
    text = say(doc, bank, **fields)
    return text.split("\n") if text else []


def identity(p: Person, label: str = "犯罪嫌疑人") -> str:
    return (
        f"{label}{p.name}，{p.gender}，{ar_date(p.birth)}出生，公民身份号码{p.id_number}，{p.ethnicity}，"
        f"{p.education}，{p.job}，户籍所在地{p.residence}，现住{p.address}。"
    )


def short_identity(p: Person) -> str:
    return f"{p.name}（性别{p.gender}，出生日期{ar_date(p.birth)}，住址{p.address}）"


def measures(ctx: CaseContext, persons: list[Person], by: str, doc: SynthDocument) -> str:
    """The measures a narrative recounts, e.g. 于2023年3月5日被我局刑事拘留，同年3月7日被我局提请批准逮捕…"""
    plan = ctx.plans[persons[0].name]
    d = ctx.dates
    parts: list[str] = []
    prev: date | None = None

    def when(day: date) -> str:
        nonlocal prev
        out = ("于" if prev is None else "") + rel_date(prev, day)
        prev = day
        return out

    if plan.detained:
        parts.append(when(d["detain"]) + f"被{by}刑事拘留")
    if plan.arrested:
        # Each date is written (relative to the one before) only where the variant states it.
        text = variant(doc, "arrest_history")
        dates = {k: when(d[k]) for k in ("request", "approve", "arrest") if "{" + k + "}" in text}
        parts.append(text.format(by=by, proc=ctx.place.procuratorate, **dates))
    if plan.bailed:
        parts.append(when(d["bail"]) + f"被{by}取保候审")
    if plan.surveilled:
        parts.append(when(d["surveil"]) + f"被{by}监视居住")
    return "，".join(parts)


def custody_tail(ctx: CaseContext, persons: list[Person], doc: SynthDocument) -> str:
    plan = ctx.plans[persons[0].name]
    if plan.arrested or (plan.detained and not (plan.bailed or plan.surveilled)):
        return say(doc, "custody_tail", center=ctx.place.detention_center)
    return ""


def history(ctx: CaseContext, persons: list[Person], doc: SynthDocument, tail: str) -> str:
    """犯罪嫌疑人某因涉嫌某罪于…被我局刑事拘留…，现羁押于…。"""
    return say(doc, "history_lead", names=ctx.names(persons), crime=ctx.crime.name,
               history=measures(ctx, persons, "我局", doc), tail=tail)


def groups(ctx: CaseContext, persons: list[Person]) -> list[list[Person]]:
    """Suspects with the same measures, so that the narrative recounts them in one sentence."""
    out: dict[tuple, list[Person]] = {}
    for p in persons:
        plan = ctx.plans[p.name]
        out.setdefault((plan.detained, plan.arrested, plan.bailed, plan.surveilled), []).append(p)
    return list(out.values())


def case_source(ctx: CaseContext, doc: SynthDocument) -> str:
    if ctx.crime.has_victim:
        src = say(doc, "case_source_victim", victim=ctx.victim, receipt=ar_date(ctx.dates["receipt"]))
    else:
        src = say(doc, "case_source_found", station=ctx.station)
    filed = say(doc, "case_filing", filing=ar_date(ctx.dates["filing"]), case_name=ctx.crime.name.removesuffix("罪") + "案")
    return f"犯罪嫌疑人{ctx.names()}涉嫌{ctx.crime.name}一案，{src}{filed}"


def evidence_list(ctx: CaseContext) -> str:
    victim = f"被害人{ctx.victim}的陈述；" if ctx.crime.has_victim else "现场执法视频；"
    return f"认定上述事实的证据如下：{victim}证人证言；犯罪嫌疑人{ctx.names()}的供述和辩解；鉴定意见；调取的视频监控资料等。"


def police_sign(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    return ["", f"{ctx.place.police}（印）", cn_date(doc.date) if ctx.police_cn_dates else ar_date(doc.date)]


def proc_sign(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    return ["", f"{ctx.place.procuratorate}（院印）", cn_date(doc.date) if ctx.proc_cn_dates else ar_date(doc.date)]


# ---------------------------------------------------------------------------------------------
# One renderer per form. Each returns the body lines between the 文号 line and the signature.


def _detention_report(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    lines = [identity(p) for p in doc.persons]
    lines += [
        case_source(ctx, doc),
        "经侦查查明：" + ctx.facts(),
        f"被害人{ctx.victim}已指认犯罪嫌疑人{ctx.names(doc.persons)}实施了上述行为。" if ctx.crime.has_victim
        else f"犯罪嫌疑人{ctx.names(doc.persons)}在犯罪后即时被发觉。",
        f"综上所述，犯罪嫌疑人{ctx.names(doc.persons)}涉嫌{ctx.crime.name}，根据{doc.cites['basis'].text()}之规定，"
        f"特呈请对犯罪嫌疑人{ctx.names(doc.persons)}刑事拘留。",
        "妥否，请批示。",
        f"办案单位：{ctx.place.police}刑事侦查大队",
        f"承办人：{ctx.officers[0]}、{ctx.officers[1]}",
    ]
    return lines


def _detention_warrant(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        say(doc, "detention_warrant", basis=doc.cites["basis"].text(), crime=ctx.crime.name, who=short_identity(p),
            center=ctx.place.detention_center),
        *_warrant_receipt(ctx, doc, "拘留", ctx.dates["detain"]),
    ]


def _warrant_receipt(ctx: CaseContext, doc: SynthDocument, held: str, when: date) -> list[str]:
    """The detention centre's receipt on the warrant's 副本, an hour after the family notice's hour."""
    return say_lines(doc, "warrant_receipt", held=held, name=doc.persons[0].name, date=ar_date(when), hour=ctx.hour + 3)


def _family_notice(ctx: CaseContext, doc: SynthDocument, act: str, when: date) -> list[str]:
    p = doc.persons[0]
    relation, relative = ctx.family[p.name]
    bank, held = ("arrest_notice", "逮捕") if act == "逮捕" else ("detention_notice", "拘留")
    return [
        f"{relative}（{p.name}的{relation}）：",
        say(doc, bank, basis=doc.cites["basis"].text(), date=ar_date(when), hour=ctx.hour + 2, crime=ctx.crime.name,
            name=p.name, act=act, center=ctx.place.detention_center, proc=ctx.place.procuratorate),
        # The family signs the notice on the day it is dated.
        *say_lines(doc, "notice_receipt", held=held, relative=relative, relation=relation, date=ar_date(doc.date),
                   dotted=dotted_date(doc.date)),
    ]


def _detention_notice(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    return _family_notice(ctx, doc, "刑事拘留", ctx.dates["detain"])


def _arrest_notice(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    return _family_notice(ctx, doc, "逮捕", ctx.dates["arrest"])


def _extension_notice(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    reason = {
        "special": "案情复杂，属特殊情况，在三日以内不能完成提请批准逮捕工作",
        "gang": f"犯罪嫌疑人{p.name}系结伙作案的重大嫌疑分子",
        "roving": f"犯罪嫌疑人{p.name}系流窜作案的重大嫌疑分子",
    }[ctx.extension or "special"]
    return [
        f"{ctx.place.detention_center}：",
        f"因{reason}，经县级以上公安机关负责人批准，根据{doc.cites['basis'].text()}之规定，决定对被拘留人"
        f"{short_identity(p)}的拘留期限延长至{ar_date(ctx.dates['extend_until'])}。",
    ]


def _interrogation(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    plan = ctx.plans[p.name]
    # The family notices state the detention and the arrest at ctx.hour + 2: a record on a later day starts
    # early enough to stay within 24 hours of them by the clock too (CPL 2018 Arts. 86, 94).
    acts = [ctx.dates.get(k) for k in ("detain", "arrest")]
    start = ctx.hour + 1 if any(a and doc.date > a for a in acts) else ctx.hour + 3
    where = f"{ctx.place.detention_center}讯问室" if plan.detained else f"{ctx.place.police}{ctx.station}派出所办案区"
    d = ar_date(doc.date)
    lenient = "如实供述自己罪行可以从轻处理"
    if ctx.era == "2018":
        lenient += say(doc, "leniency_plea")
    confession = ctx.crime.confession.format(loc=ctx.location, amount=ctx.amount)
    lawyer = doc.params.get("lawyer_notice", say(doc, "lawyer_notice"))
    # A minor is questioned with his 法定代理人 present (CPL 2018 Art. 281).
    guardian = [f"法定代理人：{ctx.family[p.name][1]}（{p.name}的{ctx.family[p.name][0]}）"] if plan.conditional else []
    return [
        f"（第{doc.params.get('count', 1)}次）",
        say(doc, "interrogation_time", date=d, start=start, end=start + 1),
        say(doc, "interrogation_place", where=where),
        *say_lines(doc, "interrogation_officers", first=ctx.officers[0], second=ctx.officers[1],
                   unit=f"{ctx.place.police}刑事侦查大队"),
        *guardian,
        say(doc, "interrogation_suspect", name=p.name),
        say(doc, "interrogation_rights", police=ctx.place.police, basis=doc.cites["basis"].text(), lenient=lenient,
            lawyer=lawyer),
        "答：听清楚了。",
        "问：你的基本情况？",
        f"答：我叫{p.name}，{p.gender}，{ar_date(p.birth)}出生，公民身份号码{p.id_number}，现住{p.address}。",
        "问：你把事情经过讲一下。",
        f"答：{confession}",
        "问：你以上所说是否属实？",
        "答：属实。",
        say(doc, "record_close"),
        f"被讯问人：{p.name}（签名、捺指印）",
    ]


def _arrest_request(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    lines = [identity(p) for p in doc.persons]
    for g in groups(ctx, doc.persons):
        # params["held"]: still in custody when the request was made, though released later (a 不批准逮捕).
        tail = custody_tail(ctx, g, doc) or (
            say(doc, "custody_tail", center=ctx.place.detention_center) if doc.params.get("held") else "")
        lines.append(say(doc, "history_lead", names=ctx.names(g), crime=ctx.crime.name,
                         history=f"于{ar_date(ctx.dates['detain'])}被我局刑事拘留", tail=tail))
    lines += [
        case_source(ctx, doc),
        "经依法侦查查明：" + ctx.facts(),
        evidence_list(ctx),
        f"犯罪嫌疑人{ctx.names(doc.persons)}的行为已触犯{doc.cites['penal'].text()}之规定，涉嫌{ctx.crime.name}，"
        f"可能判处徒刑以上刑罚，采取取保候审尚不足以防止发生社会危险性，依照{doc.cites['conditions'].text()}、"
        f"{doc.cites['basis'].text(with_law=False)}之规定，特提请批准逮捕。",
        "此致",
        ctx.place.procuratorate,
    ]
    return lines


def _arrest_approval(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        f"{ctx.place.police}：",
        say(doc, "approval_request", date=ar_date(ctx.dates["request"]), number=doc.params["request_number"], name=p.name)
        + f"该犯罪嫌疑人涉嫌{ctx.crime.name}，符合{doc.cites['basis'].text()}规定的逮捕条件，"
        f"决定批准逮捕犯罪嫌疑人{p.name}。请依法立即执行，并将执行情况在三日以内通知本院。",
    ]


def _arrest_warrant(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        say(doc, "arrest_warrant", basis=doc.cites["basis"].text(), proc=ctx.place.procuratorate, crime=ctx.crime.name,
            who=short_identity(p), center=ctx.place.detention_center),
        *_warrant_receipt(ctx, doc, "逮捕", ctx.dates["arrest"]),
    ]


_BAIL_REASONS = {
    1: "可能判处管制、拘役或者独立适用附加刑",
    2: "可能判处有期徒刑以上刑罚，采取取保候审不致发生社会危险性",
}
_BAIL_OBLIGATIONS = (
    "（一）未经执行机关批准不得离开所居住的市、县；（二）住址、工作单位和联系方式发生变动的，在二十四小时以内向执行机关报告；"
    "（三）在传讯的时候及时到案；（四）不得以任何形式干扰证人作证；（五）不得毁灭、伪造证据或者串供。"
)


def _bail(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    basis = doc.cites["basis"]
    reason = _BAIL_REASONS.get(doc.params["reason_item"], _BAIL_REASONS[1])
    start = ar_date(doc.date)
    term = doc.params.get("term")  # None | months | ("range", end date)
    if isinstance(term, date):
        period = f"期限自{start}起至{ar_date(term)}止"
    elif term:
        period = say(doc, "bail_period_months", start=start, months=cn_int(term))
    else:
        period = say(doc, "bail_period_open", start=start)
    return [
        f"犯罪嫌疑人{p.name}，性别{p.gender}，出生日期{ar_date(p.birth)}，公民身份号码{p.id_number}，住址{p.address}。",
        f"我局正在侦查{p.name}涉嫌{ctx.crime.name}一案，因犯罪嫌疑人{p.name}{reason}，根据{basis.text()}之规定，"
        f"决定对其取保候审，{period}。",
        bail_guarantee(doc),
        say(doc, "bail_obligations_head", article=doc.cites["obligations"].text()) + _BAIL_OBLIGATIONS,
        "被取保候审人违反上述规定的，已交纳保证金的，没收部分或者全部保证金，并且区别情形，责令具结悔过、重新交纳保证金、"
        "提出保证人，或者监视居住、予以逮捕。",
        say(doc, "executor", executor=f"{ctx.place.police}{ctx.station}派出所"),
        *_decision_receipt(doc, "取保候审"),
    ]


def _decision_receipt(doc: SynthDocument, measure: str) -> list[str]:
    """The suspect's receipt of the decision, signed on its day (a 副本 handed over when it is announced)."""
    return say_lines(doc, "decision_receipt", measure=measure, name=doc.persons[0].name, date=ar_date(doc.date))


def deposit_text(doc: SynthDocument) -> str:
    """人民币叁仟元（3000元）: params "amount", and "capitals" where upper_amount cannot write it (800 元)."""
    amount = doc.params["amount"]
    capitals = doc.params.get("capitals") or upper_amount(amount)
    return say(doc, "deposit_amount", capitals=capitals, amount=amount)


def bail_guarantee(doc: SynthDocument) -> str:
    """The decision's guarantee sentence for params "guarantee" (a planted defect may re-render it)."""
    p = doc.persons[0]
    guarantor = doc.params["guarantor"]
    kind = doc.params["guarantee"]
    if kind == "deposit":
        return say(doc, "deposit_order", name=p.name, deposit=deposit_text(doc))
    if kind == "guarantor":
        return say(doc, "guarantor_order", name=p.name, guarantor=guarantor)
    deposit = deposit_text(doc)
    return {
        "either_deposit": f"{FORM_GUARANTEE}经审查，犯罪嫌疑人{p.name}交纳保证金{deposit}。",
        "either_guarantor": f"{FORM_GUARANTEE}经审查，由保证人{guarantor}担保。",
        "both": f"责令犯罪嫌疑人{p.name}提出保证人{guarantor}并交纳保证金{deposit}。",
    }[kind]


FORM_GUARANTEE = "责令犯罪嫌疑人提出保证人或者交纳保证金。"


_SURVEILLANCE_REASONS = {
    1: "患有严重疾病、生活不能自理",
    2: "系正在哺乳自己婴儿的妇女",
    3: "系生活不能自理的人的唯一扶养人",
}
_SURVEILLANCE_OBLIGATIONS = (
    "（一）未经执行机关批准不得离开执行监视居住的处所；（二）未经执行机关批准不得会见他人或者通信；（三）在传讯的时候及时到案；"
    "（四）不得以任何形式干扰证人作证；（五）不得毁灭、伪造证据或者串供；（六）将护照等出入境证件、身份证件、驾驶证件交执行机关保存。"
)


def _surveillance_where(doc: SynthDocument) -> str:
    return "在指定居所" if doc.params.get("place") == "designated" else "在其住处"


def _surveillance(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    """The police's decision in the suspect's home by default. params: "by" "procuratorate" (decided during
    审查起诉, handed to the police to execute); "ground" "no_guarantee" (CPL 2018 Art. 74(2) instead of a 74(1)
    item); "place" "designated" (无固定住处: a 指定居所, Art. 75(1), cites["place"]); "family_notice"
    "unreachable" (the family cannot be notified, Art. 75(2))."""
    p = doc.persons[0]
    term = doc.params.get("term")
    start = ar_date(doc.date)
    if term:
        period = say(doc, "surveillance_period_months", start=start, months=cn_int(term))
    else:
        period = say(doc, "bail_period_open", start=start)
    by_proc = doc.params.get("by") == "procuratorate"
    if doc.params.get("ground") == "no_guarantee":
        reason = f"因犯罪嫌疑人{p.name}符合取保候审条件，但不能提出保证人，也不交纳保证金"
    else:
        reason = f"因犯罪嫌疑人{p.name}符合逮捕条件，且{_SURVEILLANCE_REASONS[doc.params['reason_item']]}"
    basis = doc.cites["basis"].text()
    if doc.params.get("place") == "designated":
        reason += f"，在{ctx.place.city}{ctx.place.district}无固定住处"
        basis += "、" + doc.cites["place"].text(with_law=False)
    case = f"本院在审查起诉{p.name}涉嫌{ctx.crime.name}一案中" if by_proc else f"我局正在侦查{p.name}涉嫌{ctx.crime.name}一案"
    lines = [
        f"犯罪嫌疑人{p.name}，性别{p.gender}，出生日期{ar_date(p.birth)}，公民身份号码{p.id_number}，住址{p.address}。",
        f"{case}，{reason}，根据{basis}之规定，决定{_surveillance_where(doc)}对其监视居住，{period}。",
        say(doc, "surveillance_obligations_head", article=doc.cites["obligations"].text()) + _SURVEILLANCE_OBLIGATIONS,
    ]
    if doc.params.get("venue"):  # the designated residence named (params "venue": where it is)
        lines.insert(2, f"指定居所：{doc.params['venue']}")
    if doc.params.get("family_notice") == "unreachable":
        lines.append(f"犯罪嫌疑人{p.name}拒不提供其家属的姓名、住址和联系方式，经查找无法通知其家属。")
    if by_proc:
        lines.append(f"本决定交由{ctx.place.police}执行。")
    else:
        lines.append(say(doc, "executor", executor=f"{ctx.place.police}{ctx.station}派出所"))
    return lines + _decision_receipt(doc, "监视居住")


def _transfer(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    lines = [identity(p) for p in doc.persons]
    for g in groups(ctx, doc.persons):
        lines.append(history(ctx, g, doc, custody_tail(ctx, g, doc)))
    lines += [
        case_source(ctx, doc) + say(doc, "closing_transfer", names=ctx.names(doc.persons), crime=ctx.crime.name),
        f"经依法侦查查明，犯罪嫌疑人{ctx.names(doc.persons)}有下列犯罪事实：",
        ctx.facts(),
        evidence_list(ctx),
        "上述犯罪事实清楚，证据确实、充分，足以认定。",
        f"综上所述，犯罪嫌疑人{ctx.names(doc.persons)}的行为已触犯{doc.cites['penal'].text()}之规定，涉嫌{ctx.crime.name}。"
        f"依照{doc.cites['basis'].text()}之规定，现将此案移送审查起诉。",
        "此致",
        ctx.place.procuratorate,
    ]
    return lines


def _non_prosecution(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    """A 酌定 (177(2)) decision by default; params["kind"] "存疑" renders a 175(4) one (the facts as the police
    alleged them, not as found: 存疑 must not state unproven facts as established). params["suspect_notice"]
    False leaves out the 被不起诉人's 申诉 notice, which CPL 181 gives only under 177(2)."""
    p = doc.persons[0]
    police = ctx.place.police
    lines = [
        identity(p, "被不起诉人"),
        f"被不起诉人{p.name}因涉嫌{ctx.crime.name}{measures(ctx, [p], police, doc)}。",
        say(doc, "nonpros_transfer", police=police, label="被不起诉人", name=p.name, crime=ctx.crime.name,
            date=ar_date(ctx.dates["transfer"])),
    ]
    decide = say(doc, "nonpros_decide", basis=doc.cites["basis"].text(), name=p.name)
    if doc.params.get("kind") == "存疑":
        lines += [
            f"{police}移送审查起诉认定：" + ctx.facts("被不起诉人"),
            f"本院认为，{police}认定的被不起诉人{p.name}涉嫌{ctx.crime.name}的犯罪事实不清、证据不足。"
            f"经本院二次退回补充侦查，仍然证据不足，不符合起诉条件。{decide}",
        ]
    else:
        lines += [
            "经本院依法审查查明：" + ctx.facts("被不起诉人"),
            f"案发后，被不起诉人{p.name}如实供述自己的罪行，"
            + ("积极赔偿损失，取得了被害人谅解。" if ctx.crime.has_victim else "认罪悔罪。"),
            f"本院认为，{p.name}实施了{doc.cites['penal'].text()}规定的行为，但犯罪情节轻微，具有坦白情节，"
            f"根据{doc.cites['exemption'].text()}的规定，不需要判处刑罚。{decide}",
        ]
    if doc.params.get("measure_in_force"):  # set by the generator: the measure the decision lifts
        lines += say_lines(doc, "nonpros_release", name=p.name, measure=doc.params["measure_in_force"])
    if doc.params.get("suspect_notice", True):
        lines.append(say(doc, "suspect_notice", name=p.name))
    if ctx.crime.has_victim:
        lines.append(say(doc, "victim_suit", appeal=_victim_appeal(ctx, doc), court=ctx.place.court))
    return lines


def _victim_appeal(ctx: CaseContext, doc: SynthDocument) -> str:
    """The victim's 申诉 to the procuratorate one level up (CPL 2018 Art. 180), as both decisions open it."""
    return say(doc, "victim_appeal", victim=ctx.victim, upper=ctx.place.upper_procuratorate)


def probation_months() -> tuple[int, int]:
    """The lawful 考验期 of a 附条件不起诉 in months (CPL 2018 Art. 283(2)), from the rule's lexicon."""
    from auditor.lexicon import load_yaml

    spec = load_yaml("non_prosecution.yaml")["probation"]
    return int(spec["min_months"]), int(spec["max_months"])


def _probation(doc: SynthDocument) -> str:
    """params["term"]: months (twelve read 一年) or a (first, last day) range."""
    term = doc.params["term"]
    if isinstance(term, tuple):
        return f"考验期自{ar_date(term[0])}起至{ar_date(term[1])}止。"
    return f"考验期为{'一年' if term == 12 else f'{cn_int(term)}个月'}，从本决定作出之日起计算。"


_PROBATION_RULES = (
    "（一）遵守法律法规，服从监督；（二）按照考察机关的规定报告自己的活动情况；（三）离开所居住的市、县或者迁居，"
    "应当报经考察机关批准；（四）按照考察机关的要求接受矫治和教育。"
)


def _conditional_victim_notice(ctx: CaseContext, doc: SynthDocument) -> str:
    """The victim may 申诉 one level up, but not sue in court directly (检察规则 2019 Art. 472). params
    "victim_notice": "excluded" (default: the exclusion and CPL 180 cited, cites["suit"]), "excluded_apart" (the
    exclusion in a sentence of its own), "cannot_sue" (said without the article); "private_prosecution" and
    "sue_directly" copy the ordinary decision's unlawful offer."""
    appeal = _victim_appeal(ctx, doc)
    suit = doc.cites["suit"].text() if "suit" in doc.cites else ""
    return {
        "excluded": f"{appeal}，但不适用{suit}关于被害人可以向人民法院起诉的规定。",
        "excluded_apart": f"{appeal}。本决定不适用{suit}关于被害人可以不经申诉直接向人民法院起诉的规定。",
        "cannot_sue": f"{appeal}；对附条件不起诉决定，被害人不能直接向人民法院提起自诉。",
        "private_prosecution": f"{appeal}；也可以不经申诉，直接向{ctx.place.court}提起自诉。",
        "sue_directly": f"{appeal}，也可以直接向人民法院起诉。",
    }[doc.params.get("victim_notice", "excluded")]


def _conditional_non_prosecution(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    """附条件不起诉 of a minor (CPL 2018 Art. 282–283; 检察规则 2019 Art. 469–475): the 考验期 of params["term"],
    the conditions of probation and the victim's notice."""
    p = doc.persons[0]
    police = ctx.place.police
    label = "被附条件不起诉人"
    relation, guardian = ctx.family[p.name]
    lines = [
        identity(p, label),
        f"法定代理人{guardian}，系{label}{p.name}的{relation}。",
        f"{label}{p.name}因涉嫌{ctx.crime.name}{measures(ctx, [p], police, doc)}。",
        say(doc, "nonpros_transfer", police=police, label=label, name=p.name, crime=ctx.crime.name,
            date=ar_date(ctx.dates["transfer"])),
        "经本院依法审查查明：" + ctx.facts(label),
        f"本院在作出决定前，听取了{police}、被害人、{label}及其法定代理人的意见。",
        f"本院认为，{p.name}涉嫌{ctx.crime.name}，犯罪时未满十八周岁，可能判处一年有期徒刑以下刑罚，符合起诉条件，"
        f"但有悔罪表现。依据{doc.cites['basis'].text()}的规定，决定对{p.name}附条件不起诉。",
        _probation(doc),
        f"{label}在考验期内应当遵守下列规定：{_PROBATION_RULES}",
    ]
    if ctx.crime.has_victim:
        lines.append(_conditional_victim_notice(ctx, doc))
    return lines


def _case_registration(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    if ctx.crime.has_victim:
        source = f"报案人：{ctx.victim}"
    else:
        source = f"发现人：{ctx.place.police}{ctx.station}派出所民警{ctx.officers[0]}"
    return [
        source,
        f"简要案情：{ctx.facts()}",
        "受案意见：" + doc.params.get("opinion", "属本单位管辖的刑事案件，建议及时审查是否立案。"),
        "受案审批人：同意。",
    ]


def _filing_decision(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    return [f"根据{doc.cites['basis'].text()}之规定，决定对{ctx.names()}涉嫌{ctx.crime.name}案立案侦查。"]


def _bail_execution(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        f"{ctx.place.police}{ctx.station}派出所：",
        say(doc, "bail_execution", crime=ctx.crime.name, who=short_identity(p)),
        "附：取保候审决定书副本一份。",
    ]


def _bail_pledge(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    guarantor = doc.params["guarantor"]
    return [
        f"我叫{guarantor}，自愿作为犯罪嫌疑人{p.name}的保证人，保证监督被保证人遵守取保候审期间应当遵守的规定；"
        "发现被保证人可能发生或者已经发生违反规定的行为的，及时向执行机关报告。",
        "保证人未履行保证义务的，愿意承担法律责任。",
        f"保证人：{guarantor}（签名、捺指印）",
    ]


def _surveillance_execution(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    """To the 派出所; params "by" "procuratorate": the procuratorate's notice to the police (检察规则 109)."""
    p = doc.persons[0]
    decided = f"对涉嫌{ctx.crime.name}的犯罪嫌疑人{short_identity(p)}{_surveillance_where(doc)}监视居住"
    if doc.params.get("by") == "procuratorate":
        return [
            f"{ctx.place.police}：",
            f"本院决定{decided}，现将监视居住决定书副本及犯罪嫌疑人基本情况材料送交你局，请依法执行。",
            "附：监视居住决定书副本一份。",
        ]
    return [
        f"{ctx.place.police}{ctx.station}派出所：",
        f"我局决定{decided}，请依法执行。",
        "附：监视居住决定书副本一份。",
    ]


def _surveillance_notice(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    """The family's notice of a 指定居所监视居住 (CPL 2018 Art. 75(2)), on the day the measure is executed."""
    p = doc.persons[0]
    relation, relative = ctx.family[p.name]
    return [
        f"{relative}（{p.name}的{relation}）：",
        f"根据{doc.cites['basis'].text()}之规定，我局已于{ar_date(ctx.dates['surveil'])}{ctx.hour + 2}时对涉嫌"
        f"{ctx.crime.name}的{p.name}在指定居所执行监视居住。",
    ]


def _non_arrest(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    """不批准逮捕 for want of necessity; params: request_date, request_number."""
    p = doc.persons[0]
    return [
        f"{ctx.place.police}：",
        f"你局于{ar_date(doc.params['request_date'])}以{doc.params['request_number']}提请批准逮捕书提请批准逮捕"
        f"犯罪嫌疑人{p.name}，经本院审查认为，犯罪嫌疑人{p.name}涉嫌{ctx.crime.name}，但犯罪情节较轻，尚无逮捕必要，"
        f"不符合{doc.cites['basis'].text()}规定的逮捕条件，决定不批准逮捕犯罪嫌疑人{p.name}。",
        "请依法执行，并将执行情况在三日以内通知本院。",
    ]


def _review_request(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    """The police's 要求复议意见书 on a 不批准逮捕 (CPL 2018 Art. 92), or on a 不起诉 (Art. 179) with params
    "about" "不起诉"; params: decision_date, decision_number."""
    p = doc.persons[0]
    decided = f"你院于{ar_date(doc.params['decision_date'])}以{doc.params['decision_number']}"
    # Received on the day it was made: the request's period runs as from the decision.
    received = say(doc, "review_received", date=ar_date(doc.params["decision_date"]))
    if doc.params.get("about") == "不起诉":
        decision = (f"{decided}不起诉决定书决定对{p.name}不起诉{received}。我局认为该决定有错误，理由如下：现有证据足以证实"
                    f"{p.name}涉嫌{ctx.crime.name}的犯罪事实，依法应当追究其刑事责任。")
    else:
        decision = (f"{decided}不批准逮捕决定书决定不批准逮捕犯罪嫌疑人{p.name}{received}。我局认为该决定有错误，理由如下："
                    f"犯罪嫌疑人{p.name}可能判处徒刑以上刑罚，且有干扰证人作证、毁灭证据的可能，有逮捕必要。")
    return [f"{ctx.place.procuratorate}：", decision, say(doc, "review_close", basis=doc.cites["basis"].text())]


def _delivery_receipt(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    recipient = doc.params.get("recipient", "suspect")
    who, signer = {
        "suspect": (f"被不起诉人{p.name}", p.name),
        "police": (ctx.place.police, f"{ctx.place.police}法制大队民警{ctx.officers[0]}"),
        "victim": (f"被害人{ctx.victim}", ctx.victim),
    }[recipient]
    return [
        f"送达文书：{ctx.place.procuratorate}不起诉决定书（被不起诉人{p.name}）",
        f"受送达人：{who}",
        f"送达地点：{ctx.place.procuratorate}",
        say(doc, "delivery_signature", signer=signer, date=ar_date(doc.date), dotted=dotted_date(doc.date)),
        f"送达人：{ctx.place.procuratorate}检察官助理",
    ]


def _seizure_decision(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        f"根据{doc.cites['basis'].text()}之规定，我局决定扣押犯罪嫌疑人{p.name}的下列物品：{doc.params['item']}。",
    ]


def _seizure_list(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        "编号　名称　数量　特征",
        f"1　{doc.params['item']}　1　已使用",
        f"物品持有人：{p.name}（签名、捺指印）",
        f"见证人：{doc.params['witness']}（签名）",
        f"侦查人员：{ctx.officers[0]}、{ctx.officers[1]}",
    ]


def _appraisal(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        f"委托单位：{ctx.place.police}刑事侦查大队",
        f"委托事项：对犯罪嫌疑人{p.name}涉嫌{ctx.crime.name}一案的检材进行鉴定。",
        f"鉴定意见：{doc.params['finding']}",
        f"鉴定人：{doc.params['expert']}（签名）",
    ]


def _appraisal_notice(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        f"{doc.params.get('addressee', p.name)}：",
        f"根据{doc.cites['basis'].text()}之规定，现将用作证据的鉴定意见告知如下：{doc.params['finding']}",
        "如果你对该鉴定意见有异议，可以提出补充鉴定或者重新鉴定的申请。",
    ]


def _return_for_investigation(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        f"{ctx.place.police}：",
        f"你局移送审查起诉的犯罪嫌疑人{p.name}涉嫌{ctx.crime.name}一案，经本院审查认为，部分犯罪事实不清、证据不足，"
        f"根据{doc.cites['basis'].text()}之规定，决定退回你局补充侦查。请在一个月以内补充侦查完毕。",
        "附：补充侦查提纲一份。",
    ]


def _supplementary_report(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    p = doc.persons[0]
    return [
        f"{ctx.place.procuratorate}：",
        f"你院退回补充侦查的犯罪嫌疑人{p.name}涉嫌{ctx.crime.name}一案，我局已按照补充侦查提纲补充侦查完毕，"
        "补充调取了相关证据。现将此案重新移送审查起诉。",
    ]


Renderer = Callable[[CaseContext, SynthDocument], list[str]]

# type -> (renderer, issued by the procuratorate?)
RENDERERS: dict[str, tuple[Renderer, bool]] = {
    "呈请拘留报告书": (_detention_report, False),
    "拘留证": (_detention_warrant, False),
    "拘留通知书": (_detention_notice, False),
    "讯问笔录": (_interrogation, False),
    "延长拘留期限通知书": (_extension_notice, False),
    "提请批准逮捕书": (_arrest_request, False),
    "批准逮捕决定书": (_arrest_approval, True),
    "逮捕证": (_arrest_warrant, False),
    "逮捕通知书": (_arrest_notice, False),
    "取保候审决定书": (_bail, False),
    "监视居住决定书": (_surveillance, False),
    "起诉意见书": (_transfer, False),
    "不起诉决定书": (_non_prosecution, True),
    "受案登记表": (_case_registration, False),
    "立案决定书": (_filing_decision, False),
    "取保候审执行通知书": (_bail_execution, False),
    "取保候审保证书": (_bail_pledge, False),
    "监视居住执行通知书": (_surveillance_execution, False),
    "送达回证": (_delivery_receipt, True),
    "扣押决定书": (_seizure_decision, False),
    "扣押清单": (_seizure_list, False),
    "鉴定意见书": (_appraisal, False),
    "鉴定意见通知书": (_appraisal_notice, False),
    "退回补充侦查决定书": (_return_for_investigation, True),
    "补充侦查报告书": (_supplementary_report, False),
    "监视居住通知书": (_surveillance_notice, False),
    "不批准逮捕决定书": (_non_arrest, True),
    "要求复议意见书": (_review_request, False),
    "附条件不起诉决定书": (_conditional_non_prosecution, True),
}


def render(ctx: CaseContext, doc: SynthDocument) -> list[str]:
    """Full text lines of one document: organ, title, 文号, body, signature and date line last."""
    renderer, by_proc = RENDERERS[doc.type]
    by_proc = by_proc or doc.organ == ctx.place.procuratorate  # a form either organ may issue (监视居住决定书)
    head = [doc.organ, doc.title]
    if doc.number:
        head.append(doc.number)
    sign = proc_sign(ctx, doc) if by_proc else police_sign(ctx, doc)
    if doc.type == "讯问笔录":
        sign = [say(doc, "record_date", date=ar_date(doc.date), dotted=dotted_date(doc.date))]  # the person signs and dates it
    elif doc.type == "取保候审保证书":
        sign = [ar_date(doc.date)]  # the guarantor signs and dates the pledge
    return head + renderer(ctx, doc) + sign
