"""Plants for the non_prosecution rules (auditor/rules/non_prosecution.py): each defect and its lawful look-alike.

The clean 不起诉决定书 is a 酌定 decision under CPL 177(2) (templates `_non_prosecution`). Changes of its basis
or type are layout plants: the citation is swapped on `doc.cites` and the template renders the matching
reasoning (params["kind"] "存疑") and the 被不起诉人's notice (params["suspect_notice"]), so the truth's
citations follow. The victim's notice is a text edit on the rendered decision. Delivery plants remove a
送达回证 before rendering.

The two 附条件不起诉 rules (CONDITIONAL-NON-PROSECUTION-*) need the dossier feature "conditional": the generator
then lays out a minor suspect (16 or 17 at the incident, birth date and ID number agreeing; a 法定代理人 at each
讯问) charged with a crime of 刑法分则 chapters 4–6 for a small sum, whose case ends in a 附条件不起诉决定书
(templates `_conditional_non_prosecution`) instead of a 不起诉决定书. Its 考验期 (params["term"]) and its victim's
notice (params["victim_notice"], with the CPL 180 citation cites["suit"] where the notice quotes it) are layout
plants, so the truth's citations follow.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from auditor.law.catalog import cpl_2018_to_2012
from auditor.law.periods import add_months
from auditor.synth.defects import Mark, Plant, all_of, days, first, mark, register, remove_document, replace_text
from auditor.synth.templates import CPL, Cite, cpl_cite, probation_months

if TYPE_CHECKING:
    from auditor.synth.generator import SynthDossier
    from auditor.synth.templates import SynthDocument

DECISION = "不起诉决定书"
_SUSPECT_NOTICE = "NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-WRONG"
# Rules whose plants rewrite the decision's basis or type, or read it: one of them per dossier.
_BASIS_RULES = frozenset({
    "NON-PROSECUTION-WRONG-ARTICLE",
    "NON-PROSECUTION-TYPE-ARTICLE-MISMATCH",
    "NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-MISSING",
    _SUSPECT_NOTICE,
})
# Both victim plants rewrite the victim's notice sentence.
_VICTIM_RULES = frozenset({"NON-PROSECUTION-VICTIM-NOTICE-MISSING", "NON-PROSECUTION-VICTIM-NOTICE-WRONG-LEVEL"})


def _decision(dossier: SynthDossier) -> SynthDocument:
    doc = first(dossier, DECISION)
    assert doc is not None, "no 不起诉决定书: the plant's needs should have laid one out"
    return doc


def _pristine(doc: SynthDocument) -> bool:
    """Still the default 177(2) decision with its notice (a look-alike must not overwrite another plant)."""
    basis = doc.cites.get("basis")
    return (basis is not None and basis.subject == "non_prosecution" and basis.paragraph == 2
            and "kind" not in doc.params and "suspect_notice" not in doc.params)


def _cpl(article_2018: int, era: str, paragraph: int | None = None) -> Cite:
    """A CPL citation without a form subject, numbered in the version in force."""
    article = article_2018 if era == "2018" else cpl_2018_to_2012(article_2018)
    assert article is not None
    return Cite(CPL, article, paragraph=paragraph)


def _make_doubt(dossier: SynthDossier, doc: SynthDocument) -> None:
    """Turn the decision into a 存疑 one: 175(4) and its reasoning, no 刑法 citations (nothing was found proven)."""
    doc.params["kind"] = "存疑"
    doc.cites = {"basis": cpl_cite("return_for_investigation", dossier.context.era, paragraph=4)}


# --- NON-PROSECUTION-WRONG-ARTICLE ------------------------------------------------------------------------

# CPL 2018 articles a clerk cites instead of a non-prosecution basis: 176 (提起公诉), 171 (审查起诉 contents).
_WRONG_ARTICLES = {176: "public_prosecution_article_176", 171: "review_contents_article_171"}


def _wrong_article(rng: random.Random, dossier: SynthDossier) -> Mark:
    doc = _decision(dossier)
    article = rng.choice(sorted(_WRONG_ARTICLES))
    doc.cites["basis"] = _cpl(article, dossier.context.era)
    return mark(DECISION, _WRONG_ARTICLES[article], cited=doc.cites["basis"].text())


register(Plant("NON-PROSECUTION-WRONG-ARTICLE", frozenset({"nonpros"}), _wrong_article, stage="layout",
               conflicts=_BASIS_RULES - {"NON-PROSECUTION-WRONG-ARTICLE"}))


# --- NON-PROSECUTION-TYPE-ARTICLE-MISMATCH ----------------------------------------------------------------


def _mismatch(rng: random.Random, dossier: SynthDossier) -> Mark:
    """酌定 reasoning (情节轻微, 不需要判处刑罚) resting on the 法定 paragraph 177(1)."""
    doc = _decision(dossier)
    doc.cites["basis"] = cpl_cite("non_prosecution", dossier.context.era, paragraph=1)
    if rng.random() < 0.5:
        # The 酌定 form's notice kept: a 177(1) decision telling the 被不起诉人 he may 申诉 is that rule's too.
        return mark(DECISION, "discretionary_reasoning_cites_177_1", also=[(_SUSPECT_NOTICE, DECISION)])
    doc.params["suspect_notice"] = False
    return mark(DECISION, "discretionary_reasoning_cites_177_1_without_suspect_notice")


def _article_alone(rng: random.Random, dossier: SynthDossier) -> Mark | None:
    """177 without its 款: imprecise, but it covers the 酌定 paragraph."""
    doc = _decision(dossier)
    if not _pristine(doc):
        return None
    doc.cites["basis"] = cpl_cite("non_prosecution", dossier.context.era)
    return mark(DECISION, "article_177_without_paragraph")


register(Plant("NON-PROSECUTION-TYPE-ARTICLE-MISMATCH", frozenset({"nonpros"}), _mismatch, _article_alone,
               stage="layout", conflicts=_BASIS_RULES - {"NON-PROSECUTION-TYPE-ARTICLE-MISMATCH"}))


# --- notices to the 被不起诉人 (CPL 181) -----------------------------------------------------------------------


def _suspect_notice_dropped(rng: random.Random, dossier: SynthDossier) -> Mark:
    _decision(dossier).params["suspect_notice"] = False
    return mark(DECISION, "suspect_appeal_notice_removed")


def _doubt_without_notice(rng: random.Random, dossier: SynthDossier) -> Mark | None:
    """A 存疑 (175(4)) decision: no 申诉 for the 被不起诉人, so none told."""
    doc = _decision(dossier)
    if not _pristine(doc):
        return None
    _make_doubt(dossier, doc)
    doc.params["suspect_notice"] = False
    return mark(DECISION, "insufficient_evidence_175_4_without_suspect_notice")


register(Plant("NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-MISSING", frozenset({"nonpros"}), _suspect_notice_dropped,
               _doubt_without_notice, stage="layout",
               conflicts=_BASIS_RULES - {"NON-PROSECUTION-SUSPECT-APPEAL-NOTICE-MISSING"}))


def _doubt_with_notice(rng: random.Random, dossier: SynthDossier) -> Mark:
    """A 存疑 decision still carrying the 酌定 form's "被不起诉人如不服本决定…向本院申诉"."""
    _make_doubt(dossier, _decision(dossier))
    return mark(DECISION, "insufficient_evidence_175_4_with_suspect_notice")


# Its look-alike (the 存疑 decision without the notice) is laid by SUSPECT-APPEAL-NOTICE-MISSING's above: laying it
# here too would turn three in four clean 不起诉决定书 into 存疑 ones.
register(Plant(_SUSPECT_NOTICE, frozenset({"nonpros"}), _doubt_with_notice, stage="layout",
               conflicts=_BASIS_RULES - {_SUSPECT_NOTICE}))


# --- notices to the victim (CPL 180) ---------------------------------------------------------------------------


def _upper(dossier: SynthDossier) -> str:
    return f"向{dossier.context.place.upper_procuratorate}申诉"


def _victim_named(dossier: SynthDossier) -> bool:
    """Whether the decision's facts call the victim 被害人 by name (寻衅滋事's say 路人), which the victim
    rules need to know that the decision has a victim to tell."""
    return "被害人{victim}" in dossier.context.crime.facts


def _name_victim(dossier: SynthDossier, doc: SynthDocument) -> None:
    """Call the victim 被害人 in the decision's facts, as a decision does (text stage)."""
    victim = dossier.context.victim
    if not _victim_named(dossier):
        assert replace_text(doc, f"路人{victim}", f"被害人{victim}")


def _suit_dropped(rng: random.Random, dossier: SynthDossier) -> Mark:
    court = dossier.context.place.court
    doc = _decision(dossier)
    _name_victim(dossier, doc)
    # The 自诉 clause in whichever wording the decision has (templates `victim_suit`: 提起自诉 / 起诉).
    assert any(replace_text(doc, f"；也可以不经申诉，直接向{court}{suit}。", "。") for suit in ("提起自诉", "起诉"))
    return mark(DECISION, "private_prosecution_clause_removed")


def _upper_unnamed(rng: random.Random, dossier: SynthDossier) -> Mark | None:
    """The statute's words "上一级人民检察院" instead of the upper procuratorate's name (optionally both)."""
    upper = dossier.context.place.upper_procuratorate
    if rng.random() < 0.5:
        new, variant = "向上一级人民检察院申诉", "upper_level_unnamed"
    else:
        new, variant = f"向上一级人民检察院即{upper}申诉", "upper_level_and_name"
    doc = _decision(dossier)
    if not replace_text(doc, _upper(dossier), new):
        return None
    _name_victim(dossier, doc)  # the trap only bites when the rule sees a victim
    return mark(DECISION, variant)


register(Plant("NON-PROSECUTION-VICTIM-NOTICE-MISSING", frozenset({"nonpros", "victim"}), _suit_dropped,
               _upper_unnamed, conflicts=_VICTIM_RULES - {"NON-PROSECUTION-VICTIM-NOTICE-MISSING"}))


def _own_level(rng: random.Random, dossier: SynthDossier) -> Mark:
    """The victim sent back to the deciding procuratorate: "向本院申诉" or its own name."""
    doc = _decision(dossier)
    _name_victim(dossier, doc)
    own = rng.choice(["本院", doc.organ])
    assert replace_text(doc, _upper(dossier), f"向{own}申诉")
    return mark(DECISION, "victim_appeal_to_own_procuratorate", destination=own)


register(Plant("NON-PROSECUTION-VICTIM-NOTICE-WRONG-LEVEL", frozenset({"nonpros", "victim"}), _own_level,
               _upper_unnamed, conflicts=_VICTIM_RULES - {"NON-PROSECUTION-VICTIM-NOTICE-WRONG-LEVEL"}))


# --- NON-PROSECUTION-DELIVERY-MISSING ------------------------------------------------------------------------


def _receipt_removed(rng: random.Random, dossier: SynthDossier) -> Mark:
    receipts = {d.params.get("recipient"): d for d in all_of(dossier, "送达回证")}
    # Without the victim named in the decision, a missing victim's receipt is nothing the rule can see.
    who = rng.choice(sorted(set(receipts) & ({"police", "victim"} if _victim_named(dossier) else {"police"})))
    remove_document(dossier, receipts[who])
    # The procuratorate issues the receipts; the generator heads them with the police's name, which would read
    # as a delivery to the police on every receipt (reported: generator._lay_out should use the procuratorate).
    for receipt in all_of(dossier, "送达回证"):
        receipt.organ = dossier.context.place.procuratorate
    return mark(DECISION, f"{who}_receipt_removed")


register(Plant("NON-PROSECUTION-DELIVERY-MISSING", frozenset({"nonpros"}), _receipt_removed, stage="layout"))


# --- 附条件不起诉 (CPL 2018 Art. 282–283; 检察规则 2019 Art. 472–473) ------------------------------------------------

CONDITIONAL = "附条件不起诉决定书"


def _conditional(dossier: SynthDossier) -> SynthDocument:
    doc = first(dossier, CONDITIONAL)
    assert doc is not None, "no 附条件不起诉决定书: the plant's needs should have laid one out"
    return doc


def _set_term(rng: random.Random, doc: SynthDocument, months: int) -> str:
    """Write a 考验期 of `months`: as months or, half the time, as a range ending the day before the anniversary
    (as offices write it). Returns "term" or "range"."""
    if rng.random() < 0.5:
        doc.params["term"] = months
        return "term"
    doc.params["term"] = (doc.date, add_months(doc.date, months) - days(1))
    return "range"


def _term_outside(rng: random.Random, dossier: SynthDossier) -> Mark:
    """A 考验期 short of the lawful minimum or beyond the maximum, in months or as a date range."""
    doc = _conditional(dossier)
    low, high = probation_months()
    months = rng.choice([rng.randint(max(1, low - 3), low - 1), high + rng.randint(1, 6)])
    bound = "short" if months < low else "long"
    form = _set_term(rng, doc, months)
    return mark(CONDITIONAL, f"{bound}_{form}_of_{months}_months", months=months)


def _term_at_a_bound(rng: random.Random, dossier: SynthDossier) -> Mark:
    """Exactly the minimum or the maximum ("一年"), or a range ending the day before the anniversary: lawful,
    and the first thing a loose reading of "六个月以上一年以下" gets wrong."""
    doc = _conditional(dossier)
    months = rng.choice(probation_months())
    form = _set_term(rng, doc, months)
    suffix = "_to_the_day_before" if form == "range" else ""
    return mark(CONDITIONAL, f"{form}_of_{months}_months{suffix}", months=months)


register(Plant("CONDITIONAL-NON-PROSECUTION-PROBATION-TERM", frozenset({"conditional"}), _term_outside,
               _term_at_a_bound, stage="layout"))


def _victim_told(dossier: SynthDossier, notice: str) -> None:
    """Set the victim's notice; only the default and "excluded_apart" quote CPL 180 (cites["suit"])."""
    doc = _conditional(dossier)
    doc.params["victim_notice"] = notice
    if notice not in ("excluded", "excluded_apart"):
        doc.cites.pop("suit", None)


def _suit_offered(rng: random.Random, dossier: SynthDossier) -> Mark:
    """The ordinary decision's 自诉 offer copied, or a plain "也可以直接向人民法院起诉"."""
    notice = rng.choice(["private_prosecution", "sue_directly"])
    _victim_told(dossier, notice)
    return mark(CONDITIONAL, notice)


def _suit_denied(rng: random.Random, dossier: SynthDossier) -> Mark:
    """The exclusion in a sentence of its own, or said without the article: words of a suit in court, denied."""
    notice = rng.choice(["excluded_apart", "cannot_sue"])
    _victim_told(dossier, notice)
    return mark(CONDITIONAL, notice)


register(Plant("CONDITIONAL-NON-PROSECUTION-PRIVATE-PROSECUTION-NOTICE", frozenset({"conditional", "victim"}),
               _suit_offered, _suit_denied, stage="layout"))
