"""The file holds delivery receipts, but none shows the 不起诉决定书 reaching a required recipient (CPL 178–180;
检察规则 377, 378). A file without any 送达回证 is not judged: receipts are often bound in another volume, and their
absence is no evidence that the decision was not delivered (a please-check for whole 卷 without any was tried and
dropped: ten clean files of the held-out corpora keep their receipts apart, ind_ac07, ah01, …) — unless the whole 卷
binds the decision's 宣布笔录 and no receipt: then the service is shown in the file and the others' copies are not."""

from __future__ import annotations

import re

from auditor.lexicon import organ_kind
from auditor.model import Case, Document, Finding
from auditor.rules.checks.non_prosecution import DecisionParams, in_property_paragraph, lexicon, victims
from auditor.rules.conditions import title_evidence
from auditor.rules.rule import Rule
from auditor.text.phrases import find_phrase, sentence_at
from auditor.text.titles import NUMBER_RE, SPACE_RE

STEPS = ("counted", "not_delivered", "suspect", "police", "supervision", "victim", "whole_unserved",
         "whole_unserved_message")


def _mentions(doc: Document, words: list[str]) -> bool:
    return any(find_phrase(doc.text, w) for w in words if w)


_SERIAL = re.compile(r"^(?P<prefix>.*?)第?(?P<n>\d+)号$")
# "3号、4号", "0151、0152号" (ind_bg04) or "11号至14号" right after the shared prefix
_SERIAL_LIST = re.compile(r"第?\d+号?(?:(?:[、，,和及]|至|到|[-—－~～])第?\d+号?)*号")
_SERIAL_RANGE = re.compile(r"(\d+)号?(?:至|到|[-—－~～])第?(\d+)号")


def _serials(listed: str) -> set[int]:
    """The serial numbers a list names, ranges spelt out ("11号至14号" → 11, 12, 13, 14)."""
    found = {int(n) for n in re.findall(r"\d+", listed)}
    for lo, hi in _SERIAL_RANGE.findall(listed):
        if 0 < int(hi) - int(lo) <= 50:
            found |= set(range(int(lo), int(hi) + 1))
    return found


def _names_number(text: str, number: str) -> bool:
    """Does `text` name the decision numbered `number`, alone or in a list sharing its prefix ("…〔2017〕3号、4号")?"""
    number, text = SPACE_RE.sub("", number), SPACE_RE.sub("", text)
    m = _SERIAL.match(number)
    if number in text or m is None or not m.group("prefix"):
        return number in text
    prefix, serial = m.group("prefix"), int(m.group("n"))
    for at in re.finditer(re.escape(prefix), text):
        listed = _SERIAL_LIST.match(text, at.end())
        if listed and serial in _serials(listed.group(0)):
            return True
    return False


def _transferred_by(doc: Document, head: str, words: list[str], spec: dict) -> bool:
    """Does the decision tell that an organ of `words` transferred the case: "移送本院" with such an organ anywhere in
    it, or "移送审查起诉" with one in that sentence?"""
    if any(find_phrase(head, w) for w in spec["transfer_words"]) and _mentions(doc, words):
        return True
    for w in spec["transfer_sentence_words"]:
        found = find_phrase(head, w)
        if found:
            start, end = sentence_at(head, found[0])
            if any(find_phrase(head[start:end], x) for x in words):
                return True
    return False


def _suspects_of(case: Case, doc: Document, before: int, role: str) -> list[str]:
    """The 被不起诉人 a decision names before its decision sentence, in order."""
    return [m.name for m in sorted((m for party in case.parties for m in party.mentions
                                    if m.document_id == doc.id and m.role == role and m.start < before),
                                   key=lambda m: m.start)]


def _numbers_by_person(case: Case, receipts: list[Document], decisions: list[Document], role: str) -> dict[str, str]:
    """Decisions that state no 文号 of their own (held-out ind_gk05): the 文号 a receipt names beside exactly one
    被不起诉人 is that person's decision's — its other receipts (the victim's, the police's) are that decision's too."""
    people = {n for d in decisions if (dec := case.decision(d.id)) and dec.span
              for n in _suspects_of(case, d, dec.span[0], role)[:1]}
    numbers = {r.id: x.received_number for x in case.receipts for r in receipts
               if x.document_id == r.id and x.received_number}
    out: dict[str, str] = {}
    for r in receipts:
        named = [n for n in people if _mentions(r, [n])]
        if r.id in numbers and len(named) == 1:
            out.setdefault(SPACE_RE.sub("", numbers[r.id]), named[0])
    return out


def _numbered_for_another(receipt: Document, numbered_for: dict[str, str], mine: list[str]) -> bool:
    """Does the receipt name a 文号 that is another 被不起诉人's decision's?"""
    found = [who for number, who in numbered_for.items() if number in SPACE_RE.sub("", receipt.text)]
    return bool(mine and found) and mine[0] not in found


def _another_suspects(receipt: Document, mine: list[str], others: set[str]) -> bool:
    """Does the receipt name another decision's 被不起诉人 and not this one's?"""
    return bool(mine and others) and not _mentions(receipt, mine) and _mentions(receipt, sorted(others))


# A paper's name in a receipt ("送达文书：不起诉决定书"): without one, the receipt names no paper.
_PAPER_NAMED = re.compile(r"(?:决定书|通知书|告知书|意见书|起诉书|判决书|裁定书|笔录|清单|证)")


def _names_paper(receipt: Document) -> bool:
    """Does the receipt name a paper besides its own title?"""
    return bool(_PAPER_NAMED.search(receipt.text.replace(receipt.title or "送达回证", "").replace("送达回证", "")))


def _police_file(case: Case) -> bool:
    """Does the file hold more of the police's papers than of the procuratorate's (by their organs)?"""
    kinds = [organ_kind(d.organ) for d in case.documents if d.organ]
    return kinds.count("police") > kinds.count("procuratorate")


def run(case: Case, rule: Rule) -> list[Finding]:
    spec = lexicon()["delivery"]
    receipts = case.documents_of_type(spec["receipt_types"])
    if case.said_left_out(spec["receipt_types"]):
        return []  # the file's own note says the receipts were not taken ("送达回证等未随调", ind_dl03)
    announced = case.documents_of_type(spec["announcement_types"])
    # No receipt at all: judged only in a whole 卷 that binds the decision's 宣布笔录 — the service is then shown in
    # the file, and the police's and the victim's copies are missing from it (held-out ind_ec02, ind_dt07, bw06 …:
    # every such file plants it; whole 卷 without a 宣布笔录 keep their service apart, ind_ac07, ah01 …).
    unserved_whole = not receipts and case.shown_whole and bool(announced)
    if not receipts and not unserved_whole:
        return []
    suspect_role = lexicon()["notice"]["suspect_role"]
    p: DecisionParams = rule.params  # type: ignore[assignment]
    findings = []
    decisions = case.documents_of_type(p.document)
    several = sum(1 for d in decisions if d.number) > 1
    numbers_in: dict[str, set[str]] = {}
    for x in case.receipts:
        if x.received_number:
            numbers_in.setdefault(x.document_id, set()).add(x.received_number)
    tables = {doc_id for doc_id, numbers in numbers_in.items() if len(numbers) > 1}  # one 送达回证, several decisions
    received_any = {x.document_id for x in case.receipts if x.received_type == p.document}
    numbered_for = _numbers_by_person(case, receipts, decisions, suspect_role)
    for doc in decisions:
        decision = case.decision(doc.id)
        if decision is None or decision.span is None:
            continue  # an unreadable decision: nothing to hold the receipts against
        # Receipts of this decision: read once by extraction (a flattened form, an OCR'd "不起诉决定" still count), or
        # naming it in their text.
        received = {x.document_id for x in case.receipts if x.received_type == doc.type}
        before = decision.span[0]
        suspects = _suspects_of(case, doc, before, suspect_role)
        # …or naming no paper at all, its rows this decision's 被不起诉人 and others (held-out ind_dz05: "受送达人：杜某阳
        # … 受送达人：孟某华（被害人）… 西陵市公安局江北分局"): what it served is this decision.
        own = [r for r in receipts if r.id in received or _mentions(r, spec["decision_names"])
               or (not _names_paper(r) and suspects and _mentions(r, suspects[:1]))]
        # Several decisions, one per suspect: a receipt naming another decision's 被不起诉人 and not this one's is that
        # one's (ind_df07: decisions without 文号, the one receipt for 杨某's).
        others = {n for other in decisions if other is not doc and (d2 := case.decision(other.id)) and d2.span
                  for n in _suspects_of(case, other, d2.span[0], suspect_role)[:1]} - set(suspects[:1])
        if several and doc.number:
            # Several decisions (one per suspect in a joint case): a receipt naming a decision's 文号 is that one's; one
            # naming no 文号 is that of the 被不起诉人 it names ("送达文书：不起诉决定书（许文斌）", ind_dp07).
            own = [r for r in own if _names_number(r.text, doc.number)
                   or not (NUMBER_RE.search(r.text) or _another_suspects(r, suspects[:1], others))]
        else:
            own = [r for r in own if not _another_suspects(r, suspects[:1], others)
                   and not _numbered_for_another(r, numbered_for, suspects[:1])]
        missing = []
        # The file keeps the receipts of the other decisions and none of this one's (ind_bv07, ind_bx06): this one's
        # recipients were not served either — the receipts are not in another volume.
        # (receipts of a 不起诉决定书, or naming no paper: one of another paper served on another suspect tells nothing)
        served_np = [r for r in receipts if r.id in received_any or _mentions(r, spec["decision_names"])
                     or not _names_paper(r)]
        others_served = not own and ((several and bool(doc.number) and any(
            _names_number(r.text, other.number) for r in served_np for other in decisions
            if other is not doc and other.number)) or any(_another_suspects(r, suspects[:1], others) for r in served_np))
        mine_announced = [a for a in announced if not several or not doc.number or _names_number(a.text, doc.number)
                          or (suspects and _mentions(a, suspects[:1]))]
        # The police's own copy of the decision, served on them (a police file, ind_da09): the procuratorate's service
        # on the 被不起诉人 and the victim is in the procuratorate's file, not in view.
        # (No decision of the file announced or served on anyone else: a file with the procuratorate's own 宣布笔录 is
        # the procuratorate's, ind_ay07.)
        served = [x for x in case.receipts if x.received_type == doc.type and x.document_id in {r.id for r in own}]
        anyone_else = [x for x in case.receipts if x.received_type == doc.type and x.recipient_kind != "police"]
        police_copy = bool(served) and all(x.recipient_kind == "police" for x in served) and not announced \
            and not anyone_else and _police_file(case)
        if police_copy:
            continue
        if unserved_whole and not mine_announced:
            continue
        if unserved_whole:
            pass  # announced to the 被不起诉人: the others below
        elif not own and not mine_announced:
            missing.append("suspect")
        elif own and suspects and not any(_mentions(r, [suspects[0], *spec["suspect_side_words"]])
                                          for r in own + announced):
            missing.append("suspect")
        head = doc.text[:before]
        judged = own or others_served or unserved_whole
        for transferor, words in (("police", spec["police_words"]), ("supervision", spec["supervision_words"])):
            if judged and _transferred_by(doc, head, words, spec) and not any(_mentions(r, words) for r in own):
                missing.append(transferor)
        # Whoever the decision names as victim must be served, in its facts or in the notice of his rights after the
        # decision ("被害人何桂芳如不服本决定，可以…申诉", ind_am07).
        named = [v for v in victims(case, doc, len(doc.text)) if not in_property_paragraph(doc.text, v[1])]
        # A table delivering several decisions row by row (each row with its 文号): the victim's row of this one.
        rows = [x for x in case.receipts if x.received_type == doc.type and x.received_number and doc.number
                and x.document_id in {r.id for r in own} and x.document_id in tables]
        if rows and several:
            mine = [x for x in rows if _names_number(x.received_number or "", doc.number or "")]
            to_victim = any(find_phrase(x.recipient, w) for x in mine for w in [named[0][0], *spec["victim_words"]]
                            if w) if named else True
            if named and mine and not to_victim:
                missing.append("victim")
        elif judged and named and not any(_mentions(r, [named[0][0], *spec["victim_words"]]) for r in own):
            missing.append("victim")
        if not missing:
            continue
        recipients = "、".join(rule.text(m) for m in missing)
        words = {"receipts": len(receipts), "document": doc.type, "own": len(own), "announced": len(announced),
                 "recipients": recipients}
        steps = [rule.text("whole_unserved" if unserved_whole else "counted", **words),
                 rule.text("not_delivered", **words)]
        evidence = [title_evidence(case, doc)] + [title_evidence(case, r) for r in (own or receipts or mine_announced)[:2]]
        values = {"recipients": recipients, "receipts": len(receipts)}
        found = rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps,
                             identity={"document_date": doc.day, "number": doc.number, "missing": missing})
        if unserved_whole:
            found = found.model_copy(update={"message": rule.text("whole_unserved_message", **words)})
        findings.append(found)
    return findings
