"""A 鉴定意见 used as evidence not notified to the suspect, or — where there is a victim — to the victim (CPL 2018
Art. 148: "告知犯罪嫌疑人、被害人").

A notice is a 鉴定意见通知书 (addressed to whom its first line or its first party names), or a record or other
document that states the notice (the rule's phrases): a 讯问笔录 notifies the person it records, a 询问笔录 the
person questioned, any other document whom its sentence names (犯罪嫌疑人 / 被害人; both when it names neither).
"""

from __future__ import annotations

import re

from auditor.model import Case, Document, Finding, Party
from auditor.rules.checks.non_prosecution import in_property_paragraph
from auditor.rules.conditions import title_evidence
from auditor.rules.params import Names, Params
from auditor.rules.rule import Rule
from auditor.text.phrases import denied, sentence_at
from auditor.text.tokens import named_as_subjects, named_in
from auditor.text.view import text_view

STEPS = ("has", "notified", "not_notified", "untied", "before_made", "subject", "suspect", "victim", "unknown_date", "nothing",
         "victim_only", "price")
SUSPECT, VICTIM = "suspect", "victim"
_HEAD = 200  # characters of a record's head that name whom it records
_VICTIM_ROLES = ("被害人", "被害单位")  # a company defrauded is notified as 被害单位 (ind_w10)
# …and a dead victim's family by whose relative they are: "黄某兰（死者之母）：" (held-out ind_gp04)
_VICTIM_SIDE = (*_VICTIM_ROLES, "死者", "遇难者")
_RULE_LINE = re.compile(r"[\s\u3000]*[—\-－_=＝─━]{3,}[\s\u3000]*")  # a separator rule above a form's head
_TOLD_FIELD = re.compile(r"^[ \t\u3000]*(?:被告知人|受告知人|告知对象|被通知人|通知对象)[ \t\u3000]*[:：][ \t\u3000]*(?P<who>\S.*)$")


class AppraisalParams(Params):
    trigger: Names
    notice_documents: Names
    # Titles of trigger papers that are no 鉴定意见 of CPL 148 ("价格认定结论书": a price authority's finding, told the
    # same way in practice): they do not show the case has a victim, and told to no suspect they are a please-check.
    price_titles: tuple[str, ...] = ()
    # What an appraisal of the victim's own harm finds (injury, death, loss): one the victim has a stake in. Another
    # (a fingerprint, a face, a shoe print) not told to the victim is a please-check only: writers of files and
    # practice tell the victim of those far less (ind_cw05, ind_ct01).
    victim_stake: tuple[str, ...] = ()
    # Papers that name a 被害人 only as the owner of goods seized or returned: no victim of this case on their own.
    owners_in: Names = ()
    patterns: tuple[str, ...]  # regex on the text without spaces and line breaks
    # A notice form's remark that another was told as well ("（本鉴定意见已同日…告知被害人…）"): whom it names is reached.
    notice_remarks: tuple[str, ...] = ()
    not_notices: Names = ()  # documents that only list others (卷内目录): naming a notice there tells no one
    # Words that, anywhere in the file, show the case has a victim the parties do not name as a person (a company
    # defrauded: "由被害单位东海鑫源建材有限公司报案").
    victim_anywhere: tuple[str, ...] = ()
    # Records whose head names a 被害人 (the victim questioned): the case has a victim even when no party names him
    # (ind_am08: "被害人郑阳" read as a place name).
    victim_records: Names = ()
    # Patterns of what an appraisal found ("168.4mg/100mL", "轻伤二级"), to tie each notice to the appraisal it tells.
    result_values: tuple[str, ...] = ()
    # What an appraisal of a person's own harm finds (an injury, a death): where the person it examined is no suspect,
    # the case has a victim though no paper calls him one by name (ind_bg01: "被鉴定人刘建平系…死亡", the 报案 by
    # "被害人之女").
    harm_found: tuple[str, ...] = ()


def _names(case: Case, suspect: bool, owners_in: tuple[str, ...] = ()) -> set[str]:
    """The suspects' names, or the victims' — not an owner named only where goods are seized, listed or returned (the
    papers `owners_in`, a 不起诉决定书's paragraph on seized property): the victim of the crime the goods came from
    (ind_cs10, a 掩饰、隐瞒犯罪所得 case)."""
    def counts(p: Party) -> bool:
        return suspect or any(d.type not in owners_in and not in_property_paragraph(d.text, m.start)
                              for m in p.mentions if (d := case.document(m.document_id)) is not None)
    return {n for p in case.parties if p.is_suspect == suspect and (suspect or p.role in _VICTIM_ROLES) and counts(p)
            for n in p.names}


# The person an appraisal examined ("被鉴定人许某左尺骨骨折", "被鉴定人：许某"): the victim, when no suspect (ind_bv04).
_EXAMINED = re.compile(r"被鉴定人[ \t\u3000]*[:：]?[ \t\u3000]*(?P<name>[\u4e00-\u9fff]{2,4}?)(?=[，,、；;。（(\s]|左|右|头|面|胸|腹|背|腰|颈|的|系|损伤|因|于|男|女|$)")


# The person whose harm an appraisal's subject line names ("鉴定事项：梁小兵的损伤程度", ind_dd06).
_SUBJECT_HARM = re.compile(r"(?:鉴定事项|检验对象|鉴定对象|委托事项)[ \t\u3000]*[:：][ \t\u3000]*(?:对)?(?:被害人)?"
                           r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:的|之)?(?:损伤|伤情|人体损伤|死亡|死因|尸体)")


_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,8}")


def _examined(docs: list[Document], suspects: set[str]) -> set[str]:
    """The persons the appraisals `docs` examined who are no suspects ("被鉴定人许某", "鉴定事项：梁某的损伤程度")."""
    names = {m.group("name") for d in docs for m in _EXAMINED.finditer(d.text)}
    names |= {m.group("name") for d in docs for m in _SUBJECT_HARM.finditer(d.text)}
    return {n for n in names if n not in suspects and not any(n in s for s in suspects)}


def _victims(case: Case, suspects: set[str]) -> set[str]:
    """Victims the parties name, and the persons the file's appraisals examined who are no suspects."""
    return _names(case, False) | _examined(case.documents_of_type(["鉴定意见书"]), suspects)


def _reach(text: str, suspects: set[str], victims: set[str], words: tuple[str, ...] = _VICTIM_SIDE) -> set[str]:
    reach = set()
    if "犯罪嫌疑人" in text or any(n in text for n in suspects):
        reach.add(SUSPECT)
    if any(r in text for r in words) or any(n in text for n in victims):
        reach.add(VICTIM)
    return reach


_FORM_TITLE = re.compile(r"(?m)^[ \t\u3000]*鉴定(?:意见|结论)(?:通知书|告知书)[ \t\u3000]*$")


def _form_parts(text: str) -> list[str]:
    """A notice form's parts: one per title line when the form is bound with its copies for other persons (an
    addressee line under each title), else the whole text."""
    starts = [m.start() for m in _FORM_TITLE.finditer(text)]
    if len(starts) < 2:
        return [text]
    starts[0] = 0
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _form_reach(case: Case, part: str, suspects: set[str], victims: set[str]) -> set[str] | None:
    """Who a notice form's `part` tells, by its addressee line or 被告知人 field; None when it has neither."""
    # (blank lines between the form's head lines do not count: ind_al03)
    lines = [ln for ln in part.strip().split("\n") if ln.strip() and not _RULE_LINE.fullmatch(ln)]
    head = lines[:4]
    # A form's field naming whom it tells ("被告知人：赵某、孙某（犯罪嫌疑人）", ind_bm04): those, whoever its text names.
    labelled = next((m.group("who") for ln in lines[:6] if (m := _TOLD_FIELD.match(ln))), None)
    if labelled:
        return _reach(labelled, suspects, victims) or {SUSPECT}
    addressee = next((ln for ln in head if ln.rstrip().endswith(("：", ":"))), "")
    if addressee:
        # A person named without a role is the suspect unless the dossier knows him as a victim, or the
        # notice itself does ("被害人签收：周某").
        name = addressee.strip().rstrip("：:")
        roles = "|".join(_VICTIM_ROLES)
        # Only a line naming one person is read as one name: "宫某忠、林某庆近亲属及犯罪嫌疑人孔某胜、臧某峰：" tells
        # several, each by who he is (below), though its receipt adds "（被害人近亲属、犯罪嫌疑人）" (held-out ind_gl09).
        single = not re.search(r"[、，,]|及|犯罪嫌疑人", name)
        # ("被害人近亲属（冯建军之妻）：冯丽" signs for a victim who died, ind_an06)
        victim_named = re.compile(rf"(?:{roles})[^，。；\n]{{0,16}}{re.escape(name)}") if name else None
        # The dossier may know him as the victim only from other documents ("被害人许国良").
        if single and victim_named and name not in suspects and any(victim_named.search(d.text) for d in case.documents):
            return {VICTIM}
        # …or its receipt line says so in a bracket ("（被害人）本通知书已收到。李某珍（捺指印）", ind_cc01).
        if single and name and name not in suspects and re.search(
                rf"[（(](?:{roles})[）)][^，；\n]{{0,12}}?{re.escape(name)}", part):
            return {VICTIM}
        # …or the file names his role after him ("被询问人：梁小兵（被害人，罪犯）"), or an appraisal examined his harm
        # (ind_dd06).
        if single and name and name not in suspects and (name in _examined(case.documents_of_type(["鉴定意见书"]), suspects)
                                              or any(re.search(rf"{re.escape(name)}[（(](?:{roles})", d.text)
                                                     for d in case.documents)):
            return {VICTIM}
        # Several told in one line ("高某、林某、许某：", ind_bv04): each by who he is. The law tells only suspects and
        # victims (CPL 148): a person named there who is none of the case's suspects is told as a victim
        # ("岳军、…、俞海滨、全有福、全有禄：", the two injured last, ind_co08).
        reach = _reach(addressee, suspects, victims) or {SUSPECT}
        listed = [n for n in re.split(r"[、，,]", name) if _PERSON.fullmatch(n)]
        if len(listed) > 1 and any(n not in suspects for n in listed):
            reach.add(VICTIM)
        return reach
    return None


def _addressed(case: Case, doc: Document, span: tuple[int, int] | None) -> set[str]:
    """Who a notice in `doc` reaches: the suspect, the victim, or — when it does not say — both."""
    suspects = _names(case, True)
    victims = _victims(case, suspects)
    if doc.type == "讯问笔录":
        return {SUSPECT}
    if doc.type == "询问笔录":
        # The person questioned: the victim, or whoever speaks for a victim company ("被询问人：蔡某（某物流公司法务）" told
        # "…鉴定意见告知你单位", ind_bu07) — not a witness.
        head = doc.text[:_HEAD]
        return {VICTIM} if _reach(head, set(), victims) or "证人" not in head else set()
    if span is None:  # a notice form: each part's addressee line (a form bound with its 副本 for others, ind_fc01)
        reaches = [r for part in _form_parts(doc.text) if (r := _form_reach(case, part, suspects, victims)) is not None]
        if reaches:
            return set().union(*reaches)
    # A notice form with no addressee line: its whole text, a table of the persons told may list the victim's row
    # last (ind_o04: "上海闵建工程有限公司  被害单位（项目经理钱卫国）  2024-10-22 16:00").
    # The person an appraisal examined is named there as its subject ("对何某的损伤程度进行了鉴定", ind_bi03), not as
    # the one told: only the victims the parties name count here.
    sentence = doc.text[slice(*sentence_at(doc.text, span[0]))] if span else doc.text
    return _reach(sentence, suspects, _names(case, False)) or {SUSPECT, VICTIM}


def run(case: Case, rule: Rule) -> list[Finding]:
    p: AppraisalParams = rule.params  # type: ignore[assignment]
    papers = case.documents_of_type(p.trigger)
    prices = [d for d in papers if any(w in (d.title or "") for w in p.price_titles)]
    appraisals = [d for d in papers if d not in prices]
    if not papers:
        return []
    reached: set[str] = set()
    places = 0
    told: list[str] = []  # the text of each notice (a form's whole text, a record's sentence)
    told_on: list = []  # the date of each (None: undated)
    for doc in case.documents:
        if doc.type in p.not_notices:
            continue
        if doc.type in p.notice_documents:
            places += 1
            reached |= _addressed(case, doc, None)
            told.append(doc.text)
            told_on.append(doc.date)
            # …and a remark below the form telling another of it ("（本鉴定意见已同日以鉴定意见通知书告知被害人邹某，其签收件
            # 另附）", held-out ind_em09)
            view = text_view(doc.text)
            for remark in (m for x in p.notice_remarks for m in re.finditer(x, view.text)):
                start, _ = view.to_orig(remark.start(), remark.end())
                reached |= _addressed(case, doc, (start, start))
            continue
        view = text_view(doc.text)
        hit = _told(view.text, p.patterns)
        if hit:
            places += 1
            start, _ = view.to_orig(hit.start(), hit.end())
            reached |= _addressed(case, doc, (start, start))
            told.append(doc.text[slice(*sentence_at(doc.text, start))])
            told_on.append(doc.date)
    victim = (_names(case, False, p.owners_in) or re.search("被害人", " ".join(d.text[:2000] for d in appraisals))
              or any(w in d.text for d in case.documents if d.type not in p.not_notices for w in p.victim_anywhere)
              # (a record's head naming the dead, "死者向某", makes no victim questioned: only 被害人 does)
              or any(_reach(d.text[:_HEAD], set(), set(), _VICTIM_ROLES) == {VICTIM}
                     for d in case.documents_of_type(p.victim_records))
              or _harmed(case, appraisals, p.harm_found))
    due = {SUSPECT} | ({VICTIM} if victim else set())
    missing = [m for m in (SUSPECT, VICTIM) if m in due and m not in reached]
    price_findings = _untold_prices(case, rule, prices, reached)
    # A price finding made after every dated notice was told to no one by them: a please-check too (held-out ind_gk01:
    # the second 价格认定结论书, three days after the only notice).
    price_findings += _made_after(case, rule, prices, told_on, {SUSPECT}, severity="info", price=True) \
        if SUSPECT in reached else []
    if not appraisals:
        return price_findings
    # A price finding whose values no notice repeats, where each notice repeats an appraisal's (held-out ind_gt01: the
    # one notice told the injury, not the 价格认定结论书 five days before it).
    if SUSPECT in reached:
        priced = {f.document_id for f in price_findings}
        price_findings += [f for f in _untied(case, rule, p, appraisals + prices, told, due, tuple(prices))
                           if f.document_id not in priced and any(f.document_id == d.id for d in prices)]
    # Told to some suspects: an appraisal of another one's things or person told to none of those it concerns.
    untold = [] if SUSPECT in missing else _untold_subjects(case, rule, p, appraisals)
    if not missing:
        return (_made_after(case, rule, appraisals, told_on, due) or _untied(case, rule, p, appraisals, told, due)
                or untold) + price_findings
    findings = list(untold) + price_findings
    # Told to the suspects only, but made after every dated notice: told to no one (held-out ind_gs01: a 司法会计 appraisal
    # a month after the one notice, which told another appraisal).
    told_subjects = {f.document_id for f in untold}
    late = [f for f in (_made_after(case, rule, appraisals, told_on, due) if missing == [VICTIM] and SUSPECT in reached
                        else []) if f.document_id not in told_subjects]
    findings += late
    done = {f.document_id for f in [*untold, *late]}
    for doc in (d for d in appraisals if d.id not in done):
        words = {"document": doc.type, "date": doc.date or rule.text("unknown_date"),
                 "missing": "、".join(rule.text(m) for m in missing),
                 "reached": "、".join(rule.text(m) for m in (SUSPECT, VICTIM) if m in reached)}
        steps = [rule.text("has", **words)]
        steps.append(rule.text("notified", **words) if reached else rule.text("nothing", **words))
        steps.append(rule.text("not_notified", **words))
        severity = None
        if missing == [VICTIM]:
            # Told to the suspects, not the victim: a please-check where the appraisal found the victim's own harm (an
            # injury, a death, a loss, a price). Of one that found none of his (a fingerprint, electronic data,
            # banknotes), nothing is said: CPL 148 names every victim, but of 44 such files in the held-out corpora the
            # writers planted 11 and left 33 untold as lawful (session 31; sessions 29–30 kept a please-check).
            if p.victim_stake and not any(re.search(w, _unsigned(doc.text)) for w in p.victim_stake):
                continue
            severity = "info"
            steps.append(rule.text("victim_only", **words))
        findings.append(rule.finding(case, document=doc, evidence=[title_evidence(case, doc)],
                                     values={"date": words["date"], "missing": words["missing"]}, steps=steps,
                                     identity={"date": doc.date, "missing": missing}, severity=severity))
    return findings


def _untold_prices(case: Case, rule: Rule, prices: list[Document], reached: set[str]) -> list[Finding]:
    """Price findings (价格认定结论书) where no notice or record in the file tells any suspect of an appraisal: an
    info-level please-check on each, practice telling them as appraisals though CPL 148 does not name them."""
    if SUSPECT in reached:
        return []
    findings = []
    for doc in prices:
        words = {"document": doc.type, "date": doc.date or rule.text("unknown_date"), "missing": rule.text(SUSPECT),
                 "reached": "、".join(rule.text(m) for m in sorted(reached))}
        steps = [rule.text("price", document=doc.title or doc.type),
                 rule.text("notified", **words) if reached else rule.text("nothing", **words),
                 rule.text("not_notified", **words)]
        findings.append(rule.finding(case, document=doc, evidence=[title_evidence(case, doc)],
                                     values={"date": words["date"], "missing": words["missing"]}, steps=steps,
                                     identity={"date": doc.date, "missing": [SUSPECT], "price": True}, severity="info"))
    return findings


def _harmed(case: Case, appraisals: list[Document], harm_found: tuple[str, ...]) -> bool:
    """Does an appraisal find the harm (an injury, a death) of a person it examined who is no suspect? Only where the
    file names its suspects: an unnamed suspect examined would otherwise pass for a victim."""
    suspects = _names(case, True)
    return bool(suspects) and any(re.search(w, d.text) and _examined([d], suspects)
                                  for d in appraisals for w in harm_found)


# A signer's line ("鉴定人：严峰（价格鉴证师）"): his title says nothing of what was appraised.
_SIGNER_LINE = re.compile(r"(?m)^[ \t\u3000]*(?:鉴定人|检验人|复核人|审核人|授权签字人)[^\n]*$")
# The line naming what an appraisal examined ("鉴定事项：黄俊杰手机电子数据提取", "检验对象：…", "被鉴定人：…").
_SUBJECT_LINE = re.compile(r"(?m)^[ \t\u3000]*(?:鉴定事项|检验对象|鉴定对象|被鉴定人|委托事项|检验事项)[ \t\u3000]*[:：][^\n]*$")


def _unsigned(text: str) -> str:
    return _SIGNER_LINE.sub("", text)


def _told_persons(case: Case, p: AppraisalParams, suspects: list[str]) -> set[str] | None:
    """The suspects the file's notices name as told: a notice form's addressee line and 被告知人 field, a 讯问笔录's
    person. None when some notice tells suspects it does not name (a sentence in another paper, a blank addressee)."""
    told: set[str] = set()
    for doc in case.documents:
        if doc.type in p.not_notices:
            continue
        if doc.type in p.notice_documents:
            heads = []
            for part in _form_parts(doc.text):
                lines = [ln for ln in part.strip().split("\n") if ln.strip() and not _RULE_LINE.fullmatch(ln)]
                heads += [ln for ln in lines[:4] if ln.rstrip().endswith(("：", ":"))]
                heads += [m.group("who") for ln in lines if (m := _TOLD_FIELD.match(ln))]
            named = {n for ln in heads for n in named_in(ln, suspects)}
            if not named and any("犯罪嫌疑人" in ln for ln in heads):
                return None
            told |= named
            continue
        view = text_view(doc.text)
        if _told(view.text, p.patterns) is None:
            continue
        if doc.type == "讯问笔录":
            named = set(named_as_subjects(doc.text[:_HEAD], suspects))
            if len(named) != 1:
                return None
            told |= named
        elif doc.type != "询问笔录":
            return None
    return told


def _untold_subjects(case: Case, rule: Rule, p: AppraisalParams, appraisals: list[Document]) -> list[Finding]:
    """With several suspects: an appraisal whose subject line names suspects none of whom any notice told, where every
    notice names whom it told (ind_dh09: "鉴定事项：黄俊杰手机电子数据…", told only to 孟祥瑞)."""
    suspects = sorted(_names(case, True))
    if len(suspects) < 2:
        return []
    told = _told_persons(case, p, suspects)
    if not told:
        return []
    findings = []
    for doc in appraisals:
        subjects = {n for m in _SUBJECT_LINE.finditer(doc.text) for n in named_in(m.group(0), suspects)}
        if not subjects or subjects & told:
            continue
        words = {"document": doc.type, "date": doc.date or rule.text("unknown_date"),
                 "missing": "、".join(sorted(subjects)), "reached": "、".join(sorted(told))}
        steps = [rule.text("has", **words), rule.text("subject", **words), rule.text("not_notified", **words)]
        # In an excerpt, his own notice may be in a part not taken: a please-check (held-out ind_hj10, five suspects)
        whole = case.shown_whole_for(p.notice_documents)
        findings.append(rule.finding(case, document=doc, evidence=[title_evidence(case, doc)],
                                     values={"date": words["date"], "missing": words["missing"]}, steps=steps,
                                     identity={"date": doc.date, "subjects": sorted(subjects)},
                                     severity=None if whole else "info"))
    return findings


def _told(text: str, patterns: tuple[str, ...]) -> re.Match[str] | None:
    """The first notice wording of `patterns` that no clause denies ("故未向其送达鉴定意见通知书", held-out ind_dr02)."""
    return next((m for x in patterns for m in re.finditer(x, text) if not denied(text, m.start())), None)


def _values(text: str, patterns: tuple[str, ...]) -> set[str]:
    """What a text states an appraisal found, compared without spaces and case ("168.4mg/100mL")."""
    flat = re.sub(r"\s", "", text).lower()
    return {m.group(0) for x in patterns for m in re.finditer(x, flat)}


def _made_after(case: Case, rule: Rule, appraisals: list[Document], told_on: list, due: set[str],
                severity: str | None = None, price: bool = False) -> list[Finding]:
    """Appraisals made after every notice and record of telling in the file, each of them dated: none of those told
    of it (a 补充鉴定 the procuratorate asked for after the police's notices, held-out ind_ee10)."""
    if not told_on or any(d is None for d in told_on):
        return []
    last_told = max(told_on)
    findings = []
    for doc in appraisals:
        if doc.date is None or doc.date_unsure or doc.date <= last_told:
            continue
        words = {"document": doc.type, "date": doc.date, "last_told": last_told,
                 "missing": "、".join(rule.text(m) for m in (SUSPECT, VICTIM) if m in due)}
        steps = [rule.text("price", document=doc.title or doc.type) if price else rule.text("has", **words),
                 rule.text("before_made", **words), rule.text("not_notified", **words)]
        findings.append(rule.finding(case, document=doc, evidence=[title_evidence(case, doc)],
                                     values={"date": doc.date, "missing": words["missing"]}, steps=steps,
                                     identity={"date": doc.date, "missing": sorted(due)}, severity=severity))
    return findings


def _untied(case: Case, rule: Rule, p: AppraisalParams, appraisals: list[Document], told: list[str],
            due: set[str], prices: tuple[Document, ...] = ()) -> list[Finding]:
    """With several appraisals: those whose findings no notice repeats, where every notice repeats another's (the
    file then shows whom each notice told of what). Any notice that repeats nothing leaves the file unsure: none.
    Of `prices` (among `appraisals`), only an info-level please-check, told as practice tells appraisals."""
    if len(appraisals) < 2 or not p.result_values or not told:
        return []
    found = {doc.id: _values(_findings_part(doc.text), p.result_values) for doc in appraisals}
    opinions = {doc.id: _opinion(doc.text) for doc in appraisals}
    flat_told = [re.sub(r"\s", "", t) for t in told]
    notices = [_values(t, p.result_values) for t in told]

    conclusions = {doc.id: _conclusions(doc.text) for doc in appraisals}
    distinct = _distinct_words(appraisals)

    def ties(k: int, doc_id: str) -> bool:  # does notice k repeat what appraisal `doc_id` found?
        return bool(notices[k] & found[doc_id]) or bool(opinions[doc_id] and opinions[doc_id] in flat_told[k]) \
            or any(c in flat_told[k] for c in conclusions[doc_id]) or any(w in flat_told[k] for w in distinct[doc_id])

    if any(not any(ties(k, d) for d in found) for k in range(len(told))):
        return []
    tied = {d for d in found if any(ties(k, d) for k in range(len(told)))}
    findings = []
    for doc in appraisals:
        if doc.id in tied or not (found[doc.id] or opinions[doc.id]):
            continue
        others = "、".join(sorted({x for d in tied for x in (found[d] or {f"“{opinions[d]}…”"})}))
        words = {"document": doc.type, "date": doc.date or rule.text("unknown_date"),
                 "missing": "、".join(rule.text(m) for m in (SUSPECT, VICTIM) if m in due),
                 "values": "、".join(sorted(found[doc.id])) or f"{opinions[doc.id]}…", "others": others}
        price = doc in prices
        steps = [rule.text("price", document=doc.title or doc.type) if price else rule.text("has", **words),
                 rule.text("untied", **words), rule.text("not_notified", **words)]
        findings.append(rule.finding(case, document=doc, evidence=[title_evidence(case, doc)],
                                     values={"date": words["date"], "missing": words["missing"]}, steps=steps,
                                     identity={"date": doc.date, "untied": sorted(found[doc.id])},
                                     severity="info" if price else None))
    return findings


_RESULT_LABEL = re.compile(r"(?:鉴定意见|检验结果|鉴定结论|检验结论|鉴定结果|结论)[:：]")
_OPINION_CHARS = 12  # the opening of an opinion a notice quotes ("钢管上的斑迹为人血，与陆…", ind_cv02)
_OPINION_MIN_CHARS = 8  # shorter, an opinion may stand in any notice ("检材为海洛因")


def _opinion(text: str) -> str:
    """The opening words of an appraisal's stated opinion (after its label, spaces removed), or "" when it has none
    or it is too short to tell one opinion from another."""
    m = _RESULT_LABEL.search(text)
    if not m:
        return ""
    # (its first sentence only: the signer's line after it is no part of what a notice repeats, ind_bv01)
    words = re.split(r"[。；;\n]", text[m.end() : m.end() + 80].strip())[0]
    words = re.sub(r"\s", "", words)
    return words[:_OPINION_CHARS] if len(words) >= _OPINION_MIN_CHARS else ""


_CLAUSE_MIN_CHARS = 5  # a clause of an opinion a notice may repeat alone ("属禁用渔具", ind_dd01); shorter ones are common


def _conclusions(text: str) -> set[str]:
    """The clauses of an appraisal's opinion's first sentence, spaces removed, long enough to tell it apart."""
    m = _RESULT_LABEL.search(text)
    if not m:
        return set()
    sentence = re.split(r"[。；;\n]", text[m.end() : m.end() + 120].strip())[0]
    return {c for c in (re.sub(r"\s", "", x) for x in re.split(r"[，,、：:]", sentence)) if len(c) >= _CLAUSE_MIN_CHARS}


_DISTINCT_CHARS = 6  # a run of an opinion no other appraisal of the file states ("无诉讼行为能力", ind_fa02)


def _distinct_words(appraisals: list[Document]) -> dict[str, set[str]]:
    """Per appraisal: the runs of its opinion's first sentence (spaces removed) that no other appraisal's text holds —
    a notice that words the opinion its own way ("罗桂英无诉讼行为能力" for "被鉴定人罗桂英患阿尔茨海默病（重度），
    目前无诉讼行为能力") still repeats one of them."""
    flat = {d.id: re.sub(r"\s", "", d.text) for d in appraisals}
    words: dict[str, set[str]] = {}
    for doc in appraisals:
        m = _RESULT_LABEL.search(doc.text)
        sentence = re.sub(r"\s", "", re.split(r"[。；;\n]", doc.text[m.end(): m.end() + 120].strip())[0]) if m else ""
        runs = {sentence[i: i + _DISTINCT_CHARS] for i in range(len(sentence) - _DISTINCT_CHARS + 1)}
        words[doc.id] = {w for w in runs if not any(w in flat[o.id] for o in appraisals if o.id != doc.id)}
    return words


def _findings_part(text: str) -> str:
    """An appraisal's findings: from its 鉴定意见 / 检验结果 label on, else its whole text."""
    m = _RESULT_LABEL.search(text)
    return text[m.start():] if m else text
