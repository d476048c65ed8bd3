"""Plants for the wording rules (auditor/rules/wording.py): each defect and its lawful look-alike.

All but the wrong-article plants are text edits on the rendered 取保候审决定书 / 监视居住决定书: the reason
clause, the guarantee sentence, the obligations list and the executor line (see templates `_bail`,
`_surveillance`). A wrong article is a citation, so it is swapped on `doc.cites` at layout stage.
"""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING

from auditor.law.periods import age_on
from auditor.lexicon import load_yaml
from auditor.synth.defects import Mark, Plant, all_of, first, mark, register, remove_document
from auditor.synth.templates import bail_guarantee, cn_int, cpl_cite, deposit_text, upper_amount

if TYPE_CHECKING:
    from auditor.synth.generator import SynthDossier
    from auditor.synth.templates import SynthDocument

BAIL = "取保候审决定书"
SURVEIL = "监视居住决定书"
# Rules that rewrite or depend on the bail decision's guarantee sentence (legacy BAIL-BOTH-GUARANTEES too).
_GUARANTEE_RULES = frozenset({"BAIL-BOTH-GUARANTEES", "BAIL-NO-GUARANTEE", "BAIL-DEPOSIT-BELOW-MINIMUM",
                              "BAIL-GUARANTOR-PLEDGE-MISSING"})
# Legacy citation plants may renumber a decision's basis before the layout stage: a swap would undo them.
_CITATION_RULES = frozenset({"CITATION-NONEXISTENT", "CITATION-OUTDATED"})


def _decision(dossier: SynthDossier, doc_type: str) -> SynthDocument:
    doc = first(dossier, doc_type)
    assert doc is not None, f"no {doc_type}: the plant's needs should have laid one out"
    return doc


def _line(doc: SynthDocument, needle: str) -> int:
    """Index of the first rendered line containing `needle`."""
    return next(i for i, line in enumerate(doc.lines) if needle in line)


def _forget_lookalike(dossier: SynthDossier, rule: str) -> None:
    """Drop a look-alike record a defect has just overwritten (the truth must not claim it)."""
    dossier.lookalikes[:] = [x for x in dossier.lookalikes if x["rule_id"] != rule]


# --- obligations lists -------------------------------------------------------------------------------------

_ITEM = re.compile(r"（[一二三四五六七八九十]+）([^；。]+)[；。]")


def _obligations(doc: SynthDocument) -> tuple[int, str, list[str]]:
    """(line index, text before the list, the listed items) of the decision's obligations line: the list starts
    after the colon that follows 应当遵守 (…的规定： / …以下规定：, templates `bail_obligations_head`)."""
    i = _line(doc, "应当遵守")
    at = doc.lines[i].find("：", doc.lines[i].index("应当遵守"))
    assert at >= 0, doc.lines[i]
    return i, doc.lines[i][: at + 1], _ITEM.findall(doc.lines[i][at + 1 :])


def _write_obligations(doc: SynthDocument, i: int, head: str, items: list[str]) -> None:
    doc.lines[i] = head + "；".join(f"（{cn_int(n)}）{text}" for n, text in enumerate(items, start=1)) + "。"


def _drop_item(doc_type: str, choices: tuple[int, ...]):
    def plant(rng: random.Random, dossier: SynthDossier) -> Mark:
        doc = _decision(dossier, doc_type)
        i, head, items = _obligations(doc)
        n = rng.choice(choices)
        dropped = items.pop(n - 1)
        _write_obligations(doc, i, head, items)
        return mark(doc_type, f"item_{n}_dropped", missing=dropped)

    return plant


def _bail_wholesale(rng: random.Random, dossier: SynthDossier) -> Mark:
    """The 公安 form's own wording: the obligations referred to by article, listed in a separate 告知书."""
    doc = _decision(dossier, BAIL)
    i, _, _ = _obligations(doc)
    doc.lines[i] = f"被取保候审人在取保候审期间应当遵守{doc.cites['obligations'].text()}的规定。"
    return mark(BAIL, "article_referred_without_items")


register(Plant("BAIL-OBLIGATIONS-MISSING", frozenset({"bail"}), _drop_item(BAIL, (1, 2, 2, 3, 4, 5)),
               _bail_wholesale, conflicts=frozenset({"BAIL-SURVEILLANCE-WORDING-MIXED"})))


def _surveillance_items_defect(rng: random.Random, dossier: SynthDossier) -> Mark:
    if rng.random() < 0.25:
        # Item 6 copied from the 取保 list (71(2)(四)): 身份证件 is missing, which is the defect.
        doc = _decision(dossier, SURVEIL)
        i, head, items = _obligations(doc)
        items[5] = "将护照等出入境证件、驾驶证件交执行机关保存"
        _write_obligations(doc, i, head, items)
        return mark(SURVEIL, "item_6_without_identity_card")
    return _drop_item(SURVEIL, (2, 6))(rng, dossier)


def _surveillance_item_2_reworded(rng: random.Random, dossier: SynthDossier) -> Mark:
    """Item 2 as 公安规定 2020 Art. 115 words it: the same obligation."""
    doc = _decision(dossier, SURVEIL)
    i, head, items = _obligations(doc)
    items[1] = "未经执行机关批准不得会见他人或者以任何方式通信"
    _write_obligations(doc, i, head, items)
    return mark(SURVEIL, "item_2_police_wording")


register(Plant("SURVEILLANCE-OBLIGATIONS-MISSING", frozenset({"surveil"}), _surveillance_items_defect,
               _surveillance_item_2_reworded))


# --- BAIL-SURVEILLANCE-WORDING-MIXED -------------------------------------------------------------------------

# 监视居住 item -> where it is slipped into the 取保 list (0-based): inside the list, not after its last item.
# Appended after （五） it would be missed in wrapped (PDF) text: the rule reads the obligations up to the end
# of the last statutory 取保 item it matched, or to the end of the "应当遵守" line (reported to the rule owner).
_SURVEILLANCE_ONLY = {
    "meeting_item_added": ("未经执行机关批准不得会见他人或者通信", 1),  # after （一）, as in Art. 77(1)
    "identity_card_item_added": ("将护照等出入境证件、身份证件、驾驶证件交执行机关保存", 4),
}


def _wording_mixed(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc = _decision(dossier, BAIL)
    i, head, items = _obligations(doc)
    variant = rng.choice([*sorted(_SURVEILLANCE_ONLY), "residence_replaced"])
    if variant == "residence_replaced":
        # 所居住的市、县 gone: the list also lacks its item 1, so BAIL-OBLIGATIONS-MISSING is raised too.
        items[0] = "未经执行机关批准不得离开执行监视居住的处所"
        _write_obligations(doc, i, head, items)
        return mark(BAIL, variant, also=[("BAIL-OBLIGATIONS-MISSING", BAIL)])
    text, at = _SURVEILLANCE_ONLY[variant]
    _write_obligations(doc, i, head, [*items[:at], text, *items[at:]])
    return mark(BAIL, variant)


def _optional_bail_obligation(rng: random.Random, dossier: SynthDossier) -> Mark:
    """CPL 2018 Art. 71(2): a 取保 decision may add the optional obligations, close to the 监视居住 ones."""
    doc = _decision(dossier, BAIL)
    i = _line(doc, "应当遵守")
    victim = dossier.context.victim
    if victim and rng.random() < 0.5:
        extra, variant = f"不得与被害人{victim}会见或者通信", "no_contact_with_victim"
    else:
        extra, variant = "将护照等出入境证件、驾驶证件交执行机关保存", "passport_and_licence_kept"
    doc.lines[i] += f"同时责令其遵守以下规定：{extra}。"
    return mark(BAIL, variant)


register(Plant("BAIL-SURVEILLANCE-WORDING-MIXED", frozenset({"bail"}), _wording_mixed, _optional_bail_obligation,
               conflicts=frozenset({"BAIL-OBLIGATIONS-MISSING"})))


# --- BAIL-WRONG-ARTICLE / SURVEILLANCE-WRONG-ARTICLE ---------------------------------------------------------

# Articles a decision is wrongly grounded on (CPL_SUBJECTS keys: numbered per era, valid in force, so that
# CITATION-NONEXISTENT / -OUTDATED stay quiet): the conditions of the other measures, the obligations article.
# Not 77 (2018) in a 监视居住 decision: it is the 2012 number of the term article, and with "六个月" in the
# sentence the catalogue rightly reads it as an outdated citation (laws.yaml old_subjects).
_WRONG_BASIS = {
    BAIL: {"arrest_conditions": {}, "surveillance": {"paragraph": 1}, "bail_obligations": {}},
    # 67(1)(三) (illness) is the mix-up the 监视居住 reasons invite; the decision itself says 符合逮捕条件.
    SURVEIL: {"bail": {"paragraph": 1, "item": 3}, "arrest_conditions": {}},
}
_RIGHT_SUBJECT = {BAIL: "bail", SURVEIL: "surveillance"}


def _wrong_article(doc_type: str):
    def plant(rng: random.Random, dossier: SynthDossier) -> Mark:
        doc = _decision(dossier, doc_type)
        subject = rng.choice(sorted(_WRONG_BASIS[doc_type]))
        doc.cites["basis"] = cite = cpl_cite(subject, dossier.context.era, **_WRONG_BASIS[doc_type][subject])
        return mark(doc_type, f"basis_{subject}", cited=cite.text(), article=cite.article)

    return plant


def _right_article_shorter(doc_type: str):
    """The condition article cited without (or with only part of) its 款 and 项: lawful, a format-only trap."""

    def plant(rng: random.Random, dossier: SynthDossier) -> Mark:
        doc = _decision(dossier, doc_type)
        paragraph = rng.choice([None, 1])
        doc.cites["basis"] = cite = cpl_cite(_RIGHT_SUBJECT[doc_type], dossier.context.era, paragraph=paragraph)
        return mark(doc_type, "article_only" if paragraph is None else "article_and_paragraph", cited=cite.text())

    return plant


register(Plant("BAIL-WRONG-ARTICLE", frozenset({"bail"}), _wrong_article(BAIL), _right_article_shorter(BAIL),
               stage="layout", conflicts=_CITATION_RULES))
register(Plant("SURVEILLANCE-WRONG-ARTICLE", frozenset({"surveil"}), _wrong_article(SURVEIL),
               _right_article_shorter(SURVEIL), stage="layout", conflicts=_CITATION_RULES))


# --- guarantee sentence: BAIL-NO-GUARANTEE, BAIL-DEPOSIT-BELOW-MINIMUM --------------------------------------

_FORM_WORDING = "责令犯罪嫌疑人提出保证人或者交纳保证金。"


def _guarantee_line(doc: SynthDocument) -> int:
    """The guarantee sentence follows the decision sentence (templates `_bail`), in whichever wording."""
    return _line(doc, "决定对其取保候审") + 1


def _no_guarantee(rng: random.Random, dossier: SynthDossier) -> Mark:
    """Only the form's wording: neither a guarantor's name nor an amount (a 保证书 may still be on file)."""
    doc = _decision(dossier, BAIL)
    doc.lines[_guarantee_line(doc)] = _FORM_WORDING
    _forget_lookalike(dossier, "BAIL-BOTH-GUARANTEES")
    return mark(BAIL, "form_wording_only", was=doc.params["guarantee"])


def _guarantor_unusual_wording(rng: random.Random, dossier: SynthDossier) -> Mark | None:
    """The guarantor named in words find_guarantor does not read; the 保证书 is on file."""
    doc = _decision(dossier, BAIL)
    if doc.params["guarantee"] != "guarantor":
        return None
    suspect = doc.persons[0].name
    doc.lines[_guarantee_line(doc)] = _FORM_WORDING + f"犯罪嫌疑人{suspect}应当接受保证人{doc.params['guarantor']}的保证。"
    return mark(BAIL, "accept_guarantor_wording")


register(Plant("BAIL-NO-GUARANTEE", frozenset({"bail"}), _no_guarantee, _guarantor_unusual_wording,
               conflicts=_GUARANTEE_RULES - {"BAIL-NO-GUARANTEE"}))

# Amounts below the adult floor of 1000 元 (lexicons/bail_wording.yaml deposit_floor), in the capitals the form
# writes (templates.upper_amount covers whole thousands only); for a minor only those below his floor of 500 元.
_LOW_DEPOSITS = {300: "叁佰元", 500: "伍佰元", 800: "捌佰元"}


def _floor(doc: SynthDocument) -> tuple[str, int]:
    """("adult" | "minor", the deposit floor) for the decision's suspect on its date (the rule's own data)."""
    suspect = doc.persons[0]
    minor = doc.date is not None and age_on(suspect.birth, doc.date) < int(load_yaml("bail_wording.yaml")["majority_age"])
    who = "minor" if minor else "adult"
    return who, int(load_yaml("bail_wording.yaml")["deposit_floor"][who])


def _set_deposit(dossier: SynthDossier, doc: SynthDocument, amount: int, capitals: str) -> None:
    """Make the decision order a deposit of `amount`, keeping its either-or form; drop a now-needless 保证书.
    The sentence is rendered again in the decision's wording (templates `bail_guarantee`)."""
    i = _guarantee_line(doc)
    kind = doc.params["guarantee"]
    assert doc.lines[i] == bail_guarantee(doc), doc.lines[i]  # no other plant has rewritten it
    if kind not in ("deposit", "either_deposit"):
        kind = "either_deposit" if kind == "either_guarantor" else "deposit"
        for pledge in all_of(dossier, "取保候审保证书"):
            if pledge.persons == doc.persons:
                remove_document(dossier, pledge)
        for record in dossier.lookalikes:  # the legacy either-or look-alike now reads as a deposit
            if record["rule_id"] == "BAIL-BOTH-GUARANTEES":
                record["variant"] = kind
    doc.params.update(guarantee=kind, amount=amount, capitals=capitals)
    doc.lines[i] = bail_guarantee(doc)
    assert deposit_text(doc) in doc.lines[i]


def _deposit_below_minimum(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc = _decision(dossier, BAIL)
    who, floor = _floor(doc)
    amount = rng.choice(sorted(a for a in _LOW_DEPOSITS if a < floor))
    _set_deposit(dossier, doc, amount, _LOW_DEPOSITS[amount])
    return mark(BAIL, f"{who}_deposit_{amount}", amount=amount)


def _deposit_at_minimum(rng: random.Random, dossier: SynthDossier) -> Mark | None:
    doc = _decision(dossier, BAIL)
    if doc.params["guarantee"] not in ("deposit", "either_deposit"):
        return None
    who, floor = _floor(doc)  # the rule's own floor (公安规定 87, pinned there)
    _set_deposit(dossier, doc, floor, _LOW_DEPOSITS.get(floor) or upper_amount(floor))
    return mark(BAIL, f"{who}_deposit_{floor}", amount=floor)


register(Plant("BAIL-DEPOSIT-BELOW-MINIMUM", frozenset({"bail"}), _deposit_below_minimum, _deposit_at_minimum,
               conflicts=_GUARANTEE_RULES - {"BAIL-DEPOSIT-BELOW-MINIMUM"}))


# --- BAIL-EXECUTOR-MISSING / SURVEILLANCE-EXECUTOR-MISSING ---------------------------------------------------

_NOTICE = {BAIL: "取保候审执行通知书", SURVEIL: "监视居住执行通知书"}


def _executor_line(doc: SynthDocument) -> int:
    """The "本决定由…派出所执行" line in whichever wording (templates bank `executor`: 由… / 本决定交由…)."""
    return next(i for i, line in enumerate(doc.lines) if line.endswith("派出所执行。"))


def _executor_missing(doc_type: str, also: list[tuple[str, str]]):
    """No "本决定由…执行" line and no 执行通知书: nothing in the file says who executes the measure."""

    def plant(rng: random.Random, dossier: SynthDossier) -> Mark:
        doc = _decision(dossier, doc_type)
        del doc.lines[_executor_line(doc)]
        for notice in all_of(dossier, _NOTICE[doc_type]):
            remove_document(dossier, notice)
        return mark(doc_type, "executor_line_and_notice_removed", also=also)

    return plant


def _executor_handed_over(doc_type: str):
    """"本决定交…执行": the executor named in other words."""

    def plant(rng: random.Random, dossier: SynthDossier) -> Mark:
        doc = _decision(dossier, doc_type)
        ctx = dossier.context
        doc.lines[_executor_line(doc)] = f"本决定交{ctx.place.police}{ctx.station}派出所执行。"
        return mark(doc_type, "executor_handed_over_wording")

    return plant


# A bail decision without its 执行通知书 is BAIL-EXECUTION-NOTICE-MISSING as well (the police's own
# 监视居住 needs no notice: SURVEILLANCE-EXECUTION-NOTICE-MISSING only concerns a procuratorate's decision).
register(Plant("BAIL-EXECUTOR-MISSING", frozenset({"bail", "single"}),
               _executor_missing(BAIL, [("BAIL-EXECUTION-NOTICE-MISSING", BAIL)]), _executor_handed_over(BAIL),
               conflicts=frozenset({"BAIL-EXECUTION-NOTICE-MISSING"})))
register(Plant("SURVEILLANCE-EXECUTOR-MISSING", frozenset({"surveil", "single"}), _executor_missing(SURVEIL, []),
               _executor_handed_over(SURVEIL)))


# --- BAIL-VAGUE-REASON ---------------------------------------------------------------------------------------

_REASON = re.compile(r"因犯罪嫌疑人.+?，(?=根据)")
# Not "特殊情况": the generator reserves it for the special 拘留 extension (tests/test_synth.py).
_VAGUE = ["案情需要", "案情需要", "办案需要", "侦查需要", "工作需要"]


def _reason_edit(rng: random.Random, dossier: SynthDossier, vague_only: bool) -> Mark:
    doc = _decision(dossier, BAIL)
    i = _line(doc, "决定对其取保候审")
    m = _REASON.search(doc.lines[i])
    assert m, doc.lines[i]
    vague = rng.choice(_VAGUE)
    # The look-alike keeps the statutory ground after the vague words; the defect has nothing else.
    new = f"因{vague}，" if vague_only else m.group().replace("因犯罪嫌疑人", f"因{vague}，且犯罪嫌疑人", 1)
    doc.lines[i] = doc.lines[i][: m.start()] + new + doc.lines[i][m.end() :]
    return mark(BAIL, "vague_only" if vague_only else "vague_with_ground", reason=vague)


register(Plant("BAIL-VAGUE-REASON", frozenset({"bail"}), lambda r, d: _reason_edit(r, d, True),
               lambda r, d: _reason_edit(r, d, False)))

