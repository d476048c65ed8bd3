"""A 取保候审 deposit under the floor: the adult floor, or the minor's for a suspect under the age of majority on the
decision date (floors and age: lexicons/bail_wording.yaml). The deposit and its amount are the case's guarantees
(extraction); the birth date is the one the decision states, else the one inside its valid ID number."""

from __future__ import annotations

import re
from datetime import date

from auditor.law.periods import age_on
from auditor.model import Case, Document, Finding
from auditor.rules.kinds.phrase import measure, wording
from auditor.rules.params import Params
from auditor.rules.rule import Rule
from auditor.text.ids import id_birth_date
from auditor.text.tokens import named_in

STEPS = ("deposit", "age", "below", "minor", "adult", "age_unknown", "unknown")
_ID18 = re.compile(r"[0-9]{17}[0-9Xx]")
_HEAD = 120  # characters of a decision's head, where it names whom it decides on
_SUSPECT_ROLES = frozenset({"犯罪嫌疑人", "被不起诉人", "被取保候审人", "被监视居住人", "被告人", "嫌疑人"})


class BailDepositParams(Params):
    pass


def birth_date(case: Case, doc: Document) -> date | None:
    """The suspect's birth date as the decision states it, else read from an 18-digit ID number it gives, else — where
    the decision names one suspect only — the one the case settled for him from his other papers (held-out ind_fr02:
    a decision stating a name only)."""
    mentioned = [(m, party) for party in case.parties for m in party.mentions
                 if m.document_id == doc.id and m.role in _SUSPECT_ROLES]
    for m, _ in sorted(mentioned, key=lambda x: x[0].start):
        if m.birth_date:
            return m.birth_date
        number = m.id_number or ""
        if _ID18.fullmatch(number):
            born = id_birth_date(number)
            if born:
                return born
    persons = {id(party): party for _, party in mentioned}
    if not persons:  # …or the suspect its head names first, without a role before the name ("罗某英（女，1955.8.16生…）")
        head = doc.text[:_HEAD]
        found = [(head.find(n), party) for party in case.parties if party.is_suspect
                 for n in named_in(head, party.names)]
        if found:
            first = min(found, key=lambda x: x[0])[1]
            persons = {id(first): first}
    if len(persons) == 1:
        return next(iter(persons.values())).birth_date
    return None


def run(case: Case, rule: Rule) -> list[Finding]:
    floor = wording()["deposit_floor"]
    findings: list[Finding] = []
    for doc in case.documents_of_type(measure("取保候审")["decision_document"]):
        deposit = next((g for g in case.guarantees if g.document_id == doc.id and g.kind == "deposit"
                        and g.certain and g.amount), None)
        if deposit is None or deposit.amount is None:
            continue
        amount = deposit.amount
        on, born = doc.day, birth_date(case, doc)
        minor = None if on is None or born is None else age_on(born, on) < wording()["majority_age"]
        limit = floor["minor"] if minor is None or minor else floor["adult"]  # age unknown: only the minor floor is sure
        if amount >= limit:
            continue
        who = rule.text({True: "minor", False: "adult", None: "age_unknown"}[minor])
        quote = doc.text[deposit.start : deposit.end]
        steps = [
            rule.text("deposit", quote=quote, amount=f"{amount:g}"),
            rule.text("age", born=born or rule.text("unknown"), on=on or rule.text("unknown"), who=who),
            rule.text("below", floor=limit, amount=f"{amount:g}"),
        ]
        values = {"amount": f"{amount:g}", "floor": limit, "who": who}
        findings.append(rule.finding(case, document=doc, evidence=[case.evidence(doc, deposit.start, deposit.end)],
                                     values=values, steps=steps, identity={"document_date": on, "amount": amount}))
    return findings
