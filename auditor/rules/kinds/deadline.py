"""Check kind `deadline`: the time from one act to the next must stay within a legal limit.

Pairs each `to` event with the latest `from` event of the same person on or before it (the act that started the
clock), picks the longest limit whose extension evidence is in the dossier, and fires when the `to` date is after
the computed last day. Undated events never fire: an unknown date is not a late one.

What narrows the events, all data in the rule file:
- `to`: one action or a list (批准逮捕 or 不批准逮捕: either decision stops the clock);
- `first_only`: only the first `to` after the start counts (the first 讯问 after 拘留, not later ones); a record
  numbered 第N次 whose 第N-1次 the file lacks is not measured (an unseen one may have come first);
- `excused_by`: phrases that, in the `to` event's own document, state a lawful reason for lateness — not inside a
  form's printed label for the reason (`reason_labels`: "未在二十四小时以内通知的原因：" with a blank after it), not in a
  sentence giving one of `excuses_refused` (a reason the law does not accept: "因办案任务繁重，未能及时通知"), and, for a
  phrase of `excuse_requires`, only where the document states what the law allows it for (有碍侦查: a crime against
  national security or of terrorism) on a day that law was in force;
- `while_held: {held, released, at: start|end}`: only when the person was held at the start (default) or still
  held at the end: the latest held event on or before that day, with no release from that day up to it;
- `from_documents`: start events count only when one of these document types states them;
- `skip_if_from_mentions`: start documents stating one of these phrases are out of scope;
- `source_in_force`: the day the period's source came into force: a start before it had no such period;
- `derive: {types, action}`: dated documents of these types become `action` events of the persons they name;
- `to_mentions`: end events count only when their document states one of these phrases (and none of
  `to_not_mentions`);
- `to_documents`: end events count only when one of these document types states them;
- `to_not_by`: end events recorded by officers of these organ kinds (a 笔录's head) do not count, unless one of
  `measure_notices` is that organ's (it took the measure);
- `from_receipt: {types, by, required}`: the period runs from the day a recipient of kinds `by` received the start
  act's document (a Receipt in the case: 送达回证 or a later document's words); without one, from the act's date,
  said so — or, `required`, only where one of `fallback_documents` states the act's date (with `unreceived_severity`,
  from the act's date all the same, as a please-check);
- `same_organ`: the end act must be the same deciding organ's as the start (a measure's period runs per organ);
- `pair_by_names`: an end is paired with the latest start whose document names someone the end's document names
  (several matters registered: "对温某被诈骗案立案" closes 温某's 受案登记表, not the one registered after it), else with
  the latest start no other end says it answers (by `start_stated`); `start_stated`: a pattern by which the end's document states its start's day (group `date`,
  "你于2023年2月4日控告的…"): it is paired only with a start of that day (or the next), none if the file lacks it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import Literal

from pydantic import Field

from auditor.law.periods import Period, deadline
from auditor.lexicon import doc_type_act, doc_types, load_yaml, organ_kind
from auditor.model import Case, Document, Event, Evidence, Finding, Record
from auditor.model.facts import RecipientKind, StatedTimeKind
from auditor.rules.conditions import evaluate, title_evidence
from auditor.rules.explain import UNSURE_STEPS, unsure_dates
from auditor.rules.params import Condition, Names, Params, PeriodField
from auditor.rules.rule import Rule
from auditor.text.dates import find_dates
from auditor.text.phrases import find_any, phrase_pattern, sentence_at, unticked
from auditor.text.tokens import named_in
from auditor.text.view import text_view

STEPS = ("dates", "counted", "extension", "no_extension", "no_extension_value", "limit_custody", "limit_shifted",
         "limit_plain", "no_holiday_data", "late", "moments", "elapsed", "late_hours", "date_only", "elapsed_days",
         "elapsed_hours", "received", "receipt_unknown", "counted_received", "clock_received", "clock_decided", "unreceived_message",
         "source_delivery_receipt", "source_stated", "kind_police", "kind_procuratorate", "kind_court", "kind_person",
         "earlier_record_missing", "questioned_before", "secondary_limit", "made_between", "extension_too_late", *UNSURE_STEPS)


class Extension(Params):
    limit: PeriodField
    label: str | None = None
    when: Condition | None = None
    # …or a paper of these types made after the clock started and by the closing act: an appraisal between the
    # registration and the filing may show the lead was checked (ind_de09: 受案 4-6, 伤情鉴定 4-10, 立案 4-12).
    made_between: Names = ()
    # Approved too late to lengthen anything: where the extension's own papers (these types) are all dated after the
    # base limit's last day, it is no extension (ind_dh01: three days ended 3-11, the extension "补办" on 3-13). A paper
    # of another kind recounting the extension later proves nothing of when it was approved.
    by_base_deadline: Names = ()
    # A limit only secondary sources give (legal-rules [S]) and writers of files read differently: an act late under
    # the other limits but within this one is a "please check" (info), never an accusation, never silence.
    secondary: bool = False


class ExcuseRequires(Params):
    text: str  # a pattern the document must state for the excuse to hold
    from_: date = Field(alias="from")  # the first day of the law that narrowed it (earlier, it held for any case)


class WhileHeld(Params):
    held: tuple[str, ...]
    released: tuple[str, ...] = ()
    at: Literal["start", "end"] = "start"


class Derive(Params):
    types: tuple[str, ...]
    action: str
    moment: StatedTimeKind | None = None  # the document's stated moment of this kind dates the act, when stated
    organs: tuple[str, ...] = ()  # only documents issued by these organs (words of the organ or the head)


class FromReceipt(Params):
    types: tuple[str, ...]  # the start act's documents (不起诉决定书)
    by: tuple[RecipientKind, ...]  # who must have received them (police: 公安机关要求复议)
    # No receipt dated, no measure: the act's date is not the receipt's (a transfer is sent days before the
    # procuratorate receives it) — unless one of `fallback_documents`, the recipient's own, states the act's date.
    required: bool = False
    fallback_documents: tuple[str, ...] = ()
    # …or, set, measured from the act's date all the same at this severity: a "please check" of the receipt date
    # (the 起诉意见书's date read as the day the procuratorate received it, held-out ind_dk02)
    unreceived_severity: Literal["info"] | None = None


class DeadlineParams(Params):
    from_: Names = Field(alias="from")  # one action, or several that start the same clock
    to: Names
    limit: PeriodField
    custody: bool
    extensions: tuple[Extension, ...] = ()
    first_only: bool = False
    excused_by: tuple[str, ...] = ()
    excuses_refused: tuple[str, ...] = ()
    excuse_requires: dict[str, ExcuseRequires] = {}
    # A form's printed label for the reason ("注：未在二十四小时以内通知的原因：／"): its words are no reason; what is
    # written after it is, read like any other text (a blank, or "本人要求暂不告知家属", excuses nothing).
    reason_labels: tuple[str, ...] = ()
    while_held: WhileHeld | None = None
    from_documents: tuple[str, ...] = ()
    # The document a finding is reported on: the late act's ("end", a late notice) or the one that started the clock
    # ("start": a decision served late is the decision's defect, its 送达回证 only the proof).
    report_on: Literal["end", "start"] = "end"
    skip_if_from_mentions: tuple[str, ...] = ()
    source_in_force: date | None = None
    derive: Derive | None = None
    # Closing acts read off documents' own stated moments, besides the case's events: a notice signed for by its
    # recipient under its text ("控告人签收：某 2021年8月17日") is served that day, with or without a 送达回证.
    to_stated: Derive | None = None
    to_mentions: tuple[str, ...] = ()
    to_not_mentions: tuple[str, ...] = ()  # ... and not one of these (a request about another decision)
    to_documents: tuple[str, ...] = ()
    # End acts recorded by officers of these organ kinds do not count (police | procuratorate | court: a procurator's
    # interrogation in 审查起诉 is not the police's first one after an arrest)
    to_not_by: tuple[Literal["police", "procuratorate", "court"], ...] = ()
    # …unless the measure's notices (these types) are that organ's: it took the measure and questions after it
    measure_notices: tuple[str, ...] = ()
    from_receipt: FromReceipt | None = None
    # The closing act must be the starting organ's own (a measure's period runs per deciding organ: a procuratorate
    # that takes over a police bail decides anew, and an excerpt may lack that decision — never pair across organs).
    same_organ: bool = False
    pair_by_names: bool = False
    # …and the persons a document's case name opens with ("案件名称：柴某英被诈骗案"), though no party: a victim named
    # only as the 报案人 of the registration that matter came from (held-out ind_fr09)
    pair_by_case_names: str | None = None
    start_stated: str | None = None
    # first_only: a record of the same person that ended this long before the start (questioned during the 传唤, then
    # detained) makes a late first record after it only a "please check": reviewers differ on whether it counts.
    questioned_before: PeriodField | None = None


def _organ_key(organ: str | None) -> str | None:
    return re.sub(r"\s+", "", organ) if organ else None


def same_person(a: Event, b: Event) -> bool:
    return a.person is None or b.person is None or a.person == b.person


def dated(events: list[Event] | tuple[Event, ...], actions: tuple[str, ...] | list[str]) -> list[tuple[Event, date]]:
    return [(e, e.date) for e in events if e.action in actions and e.date]


def held_at(events: list[Event] | tuple[Event, ...], who: Event, day: date, spec: WhileHeld) -> bool:
    """Was `who` held on `day`: a held event on or before it, and no release from that event until before `day` (a
    release on `day` itself — a 不起诉 that frees him — comes after the act of that day)."""
    held = [d for e, d in dated(events, spec.held) if d <= day and same_person(e, who)]
    if not held:
        return False
    since = max(held)
    # A release names its person: one that names nobody (a 保证书's bail for someone unread) frees no named suspect.
    return not any(since <= d < day and (e.person == who.person or who.person is None)
                   for e, d in dated(events, spec.released))


def _organs_starts(starts: list[tuple[Event, date]], end: Event, same_organ: bool) -> list[tuple[Event, date]]:
    """With `same_organ`, only the starts by the end's own organ: each deciding organ's measure runs on its own (a
    police 监视居住 lifted by the police after the procuratorate decided its own is still the police's)."""
    if not same_organ:
        return starts
    return [(e, d) for e, d in starts if _organ_key(e.organ) is not None and _organ_key(e.organ) == _organ_key(end.organ)]


@dataclass(frozen=True)
class Matters:
    """What tells the matters of a file apart (pair_by_names, start_stated), per document id."""

    names: dict[str | None, frozenset[str]]  # the parties it names
    stated: dict[str | None, date]  # the start's day an end's document states
    days: dict[str | None, date | None]  # the document's own date


def _paired_start(starts: list[tuple[Event, date]], end: Event, end_date: date,
                  matters: Matters | None = None) -> tuple[Event, date] | None:
    """The start an end is paired with: the latest one of the same person on or before it (with `matters`, of the
    day the end's document states for it, else the latest whose document names someone the end's names)."""
    before = [(e, d) for e, d in starts if d <= end_date and same_person(e, end)]
    said = matters.stated.get(end.document_id) if matters else None
    if said is not None:
        before = [(e, d) for e, d in before if 0 <= (d - said).days <= 1]
    elif matters and len(before) > 1:
        named = matters.names.get(end.document_id, frozenset())
        by_names = [(e, d) for e, d in before if matters.names.get(e.document_id, frozenset()) & named]
        # …else not a start another decision says it answers ("你于2021年8月5日提出的控告…不予立案": the 立案 of
        # another matter closes the registration of August 2, held-out ind_ed09)
        # (…a decision of the same day answers the same registration: 立案 of the theft and 不予立案 of the 窝藏 it
        # registered with it, held-out ind_ew04 — one period, reported on the act listed first)
        claimed = {s for doc_id, s in matters.stated.items()
                   if doc_id != end.document_id and matters.days.get(doc_id) != end_date}
        unclaimed = [(e, d) for e, d in before if not any(0 <= (d - s).days <= 1 for s in claimed)]
        before = by_names or unclaimed or before
    return max(before, key=lambda x: x[1]) if before else None


def _matters(case: Case, events: list[Event], p: DeadlineParams) -> Matters | None:
    """The parties each event's document names, and the start's day each states (pair_by_names, start_stated)."""
    if not p.pair_by_names and not p.start_stated:
        return None
    ids = {e.document_id for e in events}
    names: dict[str | None, frozenset[str]] = {}
    if p.pair_by_names:
        spellings = tuple(dict.fromkeys(n for party in case.parties for n in party.names))
        if p.pair_by_case_names:
            spellings += tuple(dict.fromkeys(m.group("name") for d in case.documents if d.id in ids
                                             for m in re.finditer(p.pair_by_case_names, d.text)))
        names = {d.id: frozenset(named_in(d.text, spellings)) for d in case.documents if d.id in ids}
    stated: dict[str | None, date] = {}
    if p.start_stated:
        for d in case.documents:
            m = re.search(p.start_stated, d.text) if d.id in ids else None
            day = next((x.as_date() for x in find_dates(m.group("date"), d.day) if x.as_date()), None) if m else None
            if day is not None:
                stated[d.id] = day
    return Matters(names, stated, {d.id: d.day for d in case.documents if d.id in ids})


def _derived(case: Case, spec: Derive, stated_only: bool = False) -> list[Event]:
    """One event per person named in each dated document of `spec.types` (the act has no event of its own); with
    `stated_only`, only where the document states the moment."""
    out: list[Event] = []
    # A person written another way in a paper (黄志峰 for 黄志锋) is still that person (ind_v01).
    canonical = {v: p.name for p in case.parties if p.is_suspect for v in p.names}
    spellings = tuple(dict.fromkeys([*case.persons, *canonical]))
    for doc in case.documents_of_type(spec.types):
        if spec.organs and not any(o in f"{doc.organ or ''}\n{doc.text[:120]}" for o in spec.organs):
            continue
        stated = min((t for t in case.stated_times if t.document_id == doc.id and t.kind == spec.moment),
                     key=lambda t: (t.date, t.time or clock_time.min), default=None)
        if stated_only and stated is None:
            continue
        day, time = (stated.date, stated.time) if stated else (doc.date, None)
        if not day:
            continue
        if stated is None:
            # The moment extraction decided for the paper's own act (a notice signed to the minute, "2023年5月11日15时
            # 30分" under its seal, ind_cy06), the same day
            own = {spec.action, doc_type_act(doc.type)}
            time = next((e.time for e in case.events if e.document_id == doc.id and e.action in own
                         and e.date == day and e.time), None)
        evidence = (case.evidence(doc, stated.start, stated.end),) if stated else (title_evidence(case, doc),)
        # (on the text view: a line may break inside the name, "…将涉嫌抢夺罪的马\n兰逮捕", ind_bi04)
        for person in dict.fromkeys(canonical.get(n, n) for n in named_in(text_view(doc.text).text, spellings)) or [None]:
            out.append(Event(action=spec.action, date=day, time=time, person=person, document_id=doc.id,
                             evidence=evidence))
    return out


def _mentions(case: Case, event: Event, phrases: tuple[str, ...]) -> bool:
    doc = case.document(event.document_id)
    return bool(doc) and find_any(doc.text, phrases) is not None


def _excused(case: Case, event: Event, day: date, p: DeadlineParams) -> bool:
    """Does the closing act's document state a lawful reason for its lateness (`excused_by`, read with
    `excuses_refused` and `excuse_requires`)?"""
    doc = case.document(event.document_id)
    if doc is None:
        return False
    # Excuses the law allows only for some crimes, stated in a case of another ("有碍侦查" for a drug case, held-out
    # ind_dr09): refused like the others, and so is the sentence giving one as its reason.
    refused = (*p.excuses_refused, *(phrase for phrase, required in p.excuse_requires.items()
                                     if day >= required.from_ and not re.search(required.text, doc.text)))
    labels = [m.span() for x in p.reason_labels for m in re.finditer(x, doc.text)]
    for phrase in p.excused_by:
        for m in phrase_pattern(phrase).finditer(doc.text):
            if unticked(doc.text, m.start()) or any(a <= m.start() < b for a, b in labels):
                continue
            start, end = sentence_at(doc.text, m.start())
            if not find_any(doc.text[start:end], refused):
                return True
    return False


def _stated_by(case: Case, event: Event) -> set[str]:
    """Types of the documents that state `event` (its evidence, else its own document)."""
    places = {d.type for e in event.evidence if (d := case.document(e.document_id))}
    doc = case.document(event.document_id)
    return places or ({doc.type} if doc else set())


def _scoped(case: Case, p: DeadlineParams) -> list[Event]:
    """The case's events narrowed by the documents that evidence them."""
    events = list(case.events)
    if p.derive:
        events = [e for e in events if e.action != p.derive.action] + _derived(case, p.derive)
    if p.to_stated:
        events += _derived(case, p.to_stated, stated_only=True)
    # The organs that took the measure, by its notices (a procuratorate's own 逮捕通知书 in a case it decided: its
    # procurators' interrogation is the one after the arrest, ind_at02)
    measure_kinds = {organ_kind(d.organ) for d in case.documents_of_type(p.measure_notices) if d.organ}
    kept = []
    for event in events:
        if event.contradicts:
            continue  # a recount against the act's own document: the document dates the act
        if event.action in p.from_:
            # Counted only when some place that states it is a document of these types.
            if p.from_documents and not _stated_by(case, event) & set(p.from_documents):
                continue
            if p.skip_if_from_mentions and _mentions(case, event, p.skip_if_from_mentions):
                continue
            if p.source_in_force and event.date is not None and event.date < p.source_in_force:
                continue
        if event.action in p.to and p.to_mentions and not _mentions(case, event, p.to_mentions):
            continue
        if event.action in p.to and p.to_not_mentions and _mentions(case, event, p.to_not_mentions):
            continue
        if event.action in p.to and p.to_documents and not _stated_by(case, event) & set(p.to_documents):
            continue
        if event.action in p.to and p.to_not_by and (kind := _record_organ_kind(case, event)) in p.to_not_by \
                and kind not in measure_kinds:
            continue
        kept.append(event)
    return kept


def _record_organ_kind(case: Case, event: Event) -> str | None:
    own = next((r for r in case.records if r.document_id == event.document_id), None)
    return own.organ_kind if own else None


def _earlier_record_missing(case: Case, event: Event) -> int | None:
    """The ordinal N when the event's own record is numbered 第N次 (N > 1) and the file lacks that person's
    第N-1次: an interrogation the file does not hold came in between, so this one may not be the first after the
    start — the finding is then only a "please check"."""
    own = next((r for r in case.records if r.document_id == event.document_id), None)
    if own is None or own.ordinal is None or own.ordinal <= 1:
        return None
    same = [r for r in case.records if r is not own and r.kind == own.kind and (r.person == own.person or
            r.person is None or own.person is None)]
    if any(r.ordinal == own.ordinal - 1 for r in same):
        return None
    # Unnumbered records taken before it fill the gap when there are enough of them (第2次 after an unnumbered one).
    earlier = [r for r in same if r.ordinal is None and r.began is not None and own.began is not None
               and r.began < own.began]
    return None if len(earlier) >= own.ordinal - 1 else own.ordinal


def _questioned_before(case: Case, start: Event, end: Event, within: Period | None) -> Record | None:
    """A record of the end's kind on the same person that ended within `within` before the start's moment."""
    if within is None or start.date is None or start.time is None:
        return None
    own = next((r for r in case.records if r.document_id == end.document_id), None)
    started = datetime.combine(start.date, start.time)
    reach = timedelta(hours=within.amount) if within.unit == "h" else timedelta(days=within.amount)
    return next((r for r in case.records if own is not None and r is not own and r.kind == own.kind
                 and r.person is not None and r.person == own.person and r.ended is not None
                 and started - reach <= r.ended <= started), None)


def _before(event: Event, day: date, start: Event, start_day: date) -> bool:
    """Did `event` happen before `start` on the same day, both clock times stated (an interrogation during the
    传唤 in the morning, the 拘留 in the evening)?"""
    return day == start_day and event.time is not None and start.time is not None and event.time < start.time


def _kept_ends(case: Case, events: list[Event], p: DeadlineParams, to_action: str) -> list[Event]:
    starts = dated(events, p.from_)
    ends = dated(events, [to_action])
    # "The first decision" of a list (立案 or 不予立案): any of them closes the period, not only one of this action.
    closing = dated(events, list(p.to))
    matters = _matters(case, events, p)
    kept = []
    for end, end_date in ends:
        paired = _paired_start(_organs_starts(starts, end, p.same_organ), end, end_date, matters)
        if paired is None:
            continue
        start, start_date = paired
        # Two closing acts the same day (立案 for one party, 不予立案 for another, ind_ci04): one period, one finding, on
        # the act listed first in `to`. (A closing act paired with another matter's start closes that one's.)
        if p.first_only and any((start_date <= d < end_date or (d == end_date and p.to.index(e.action) < p.to.index(end.action)))
                                # (a closing act of no known person closes no named person's period: an unread notice
                                # masks no one's late one)
                                and (e.person == end.person or end.person is None) and not _before(e, d, start, start_date)
                                and (matters is None or _paired_start(_organs_starts(starts, e, p.same_organ), e, d,
                                                                    matters) == paired)
                                for e, d in closing if e is not end):
            continue
        if p.excused_by and _excused(case, end, end_date, p):
            continue
        held = p.while_held
        # `at: end`: still held when the closing act happened (released on bail in between: the limit is moot).
        if held and held.at == "end" and not held_at(events, end, end_date, held):
            continue
        if held and held.at != "end" and not held_at(events, start, start_date, held):
            continue
        kept.append(end)
    return kept


def _pairs(events: list[Event], start_actions: tuple[str, ...], end_action: str,
           same_organ: bool = False, matters: Matters | None = None, paper_dates: dict[str, date | None] | None = None
           ) -> list[tuple[Event, date, Event, date]]:
    starts = dated(events, start_actions)
    pairs = []
    seen: set[tuple[str | None, date, date]] = set()
    for end_event, end_date in sorted(dated(events, [end_action]), key=lambda x: x[1]):
        paired = _paired_start(_organs_starts(starts, end_event, same_organ), end_event, end_date, matters)
        if paired is None:
            continue
        start_event, start_date = paired
        key = (end_event.person or start_event.person, start_date, end_date)
        if key not in seen:
            seen.add(key)
            pairs.append((start_event, start_date, end_event, end_date))
    return _one_per_paper(pairs, paper_dates or {})


def _one_per_paper(pairs: list[tuple[Event, date, Event, date]], paper_dates: dict[str, date | None]
                   ) -> list[tuple[Event, date, Event, date]]:
    """One closing act per person, start and paper: a paper that tells its own act with another date besides its own
    ("…于2023年3月12日侦查终结提请批准逮捕" in a 提请批准逮捕书 signed on the 13th, held-out ind_ge01) closes the period
    once, on the paper's own date when it is one of them."""
    groups: dict[tuple, list[int]] = {}
    for index, (start_event, start_date, end_event, _) in enumerate(pairs):
        doc = end_event.document_id
        key = (end_event.person or start_event.person, start_date, doc) if doc else (index,)
        groups.setdefault(key, []).append(index)

    def rank(index: int) -> tuple[bool, date]:
        _, _, end_event, end_date = pairs[index]
        return end_date != paper_dates.get(end_event.document_id or ""), end_date

    kept = {min(group, key=rank) for group in groups.values()}
    return [pair for index, pair in enumerate(pairs) if index in kept]


def _days_of(period: Period) -> float:
    """Rough size, only to order limits of the same rule."""
    return {"h": period.amount / 24, "d": period.amount, "m": period.amount * 30.5}[period.unit]


def applicable_limit(case: Case, p: DeadlineParams,
                     person: str | None = None) -> tuple[Period, str | None, list[str], list[Evidence]]:
    """Longest limit whose extension condition holds for `person` (a co-suspect's extension is not his): (limit,
    extension label, reasons, evidence)."""
    limit, label, reasons, evidence = p.limit, None, [], []
    for ext in p.extensions:
        if ext.secondary or ext.when is None:
            continue  # see _secondary_limit, _made_between
        result = evaluate(case, ext.when, person)
        if result.holds and _days_of(ext.limit) > _days_of(limit):
            limit, label, reasons, evidence = ext.limit, ext.label or str(ext.limit), result.reasons, result.evidence
    return limit, label, reasons, evidence


def _made_between(case: Case, p: DeadlineParams, limit: Period, start: date, end: date, secondary: bool = False
                  ) -> tuple[Extension, Document] | None:
    """The longest `made_between` extension (secondary or not) longer than `limit` whose paper is dated after `start`
    and by `end`, with that paper."""
    best: tuple[Extension, Document] | None = None
    for ext in p.extensions:
        if not ext.made_between or ext.secondary != secondary or _days_of(ext.limit) <= _days_of(limit):
            continue
        paper = next((d for d in case.documents_of_type(ext.made_between) if d.date and start < d.date <= end), None)
        if paper is not None and (best is None or _days_of(ext.limit) > _days_of(best[0].limit)):
            best = (ext, paper)
    return best


def _too_late(case: Case, p: DeadlineParams, label: str | None, evidence: list[Evidence], start: date) -> date | None:
    """The date of an extension's own papers when they are all dated after the base limit's last day; else None."""
    ext = next((e for e in p.extensions if label is not None and (e.label or str(e.limit)) == label), None)
    if ext is None or not ext.by_base_deadline:
        return None
    papers = [d for e in evidence if (d := case.document(e.document_id)) is not None]
    if not papers or any(d.type not in ext.by_base_deadline or d.date is None for d in papers):
        return None
    last = deadline(start, p.limit, p.custody).last_day
    return min(d.date for d in papers) if all(d.date > last for d in papers) else None  # type: ignore[operator,type-var]


def _secondary_limit(case: Case, p: DeadlineParams, person: str | None, limit: Period) -> Extension | None:
    """The longest `secondary` extension holding for `person` that is longer than `limit`."""
    found = [e for e in p.extensions if e.secondary and e.when is not None and _days_of(e.limit) > _days_of(limit)
             and evaluate(case, e.when, person).holds]
    return max(found, key=lambda e: _days_of(e.limit)) if found else None


def run(case: Case, rule: Rule) -> list[Finding]:
    p: DeadlineParams = rule.params  # type: ignore[assignment]
    events = _scoped(case, p)
    findings: list[Finding] = []
    for to_action in p.to:
        view_events = [e for e in events if e.action != to_action] + _kept_ends(case, events, p, to_action)
        view = case.model_copy(update={"events": tuple(view_events)})
        findings += _measure(view, view_events, rule, p, to_action)
    return findings


def _moment(day: date, event: Event) -> datetime | None:
    return datetime.combine(day, event.time) if event.time else None


def _stamp(day: date, event: Event) -> str:
    return f"{day.isoformat()} {event.time.strftime('%H:%M')}" if event.time else day.isoformat()


def _measure(case: Case, events: list[Event], rule: Rule, p: DeadlineParams, to_action: str) -> list[Finding]:
    pairs = _pairs(events, p.from_, to_action, p.same_organ, _matters(case, events, p),
                   {d.id: d.date for d in case.documents})
    if not pairs:
        return []
    limits = {}
    findings = []
    merged: dict[tuple, tuple[tuple, list[str | None]]] = {}
    for start_event, decided, end_event, end_date in pairs:
        person = end_event.person or start_event.person
        if person not in limits:
            limits[person] = applicable_limit(case, p, person)
        limit, ext_label, ext_reasons, ext_evidence = limits[person]
        start_date, receipt_words, receipt_evidence = decided, {}, []
        unreceived = bool(p.from_receipt and p.from_receipt.required and case.received(
            p.from_receipt.types, p.from_receipt.by, decided, end_date) is None and not (
            set(p.from_receipt.fallback_documents) & _stated_by(case, start_event)))
        if unreceived and p.from_receipt.unreceived_severity is None:  # type: ignore[union-attr]
            continue
        if p.from_receipt:
            start_date, receipt_words, receipt_evidence = _clock_start(case, rule, p, p.from_receipt, decided,
                                                                       end_date, end_event.document_id)
        between = _made_between(case, p, limit, start_date, end_date)
        if between is not None:
            ext, paper = between
            limit, ext_label = ext.limit, ext.label or str(ext.limit)
            ext_reasons = [rule.text("made_between", type=paper.type, date=paper.date, from_action=start_event.action,
                                     to_action=to_action)]
            ext_evidence = [title_evidence(case, paper)]
        late_extension = _too_late(case, p, ext_label, ext_evidence, start_date)
        if late_extension is not None:
            ext_reasons = [rule.text("extension_too_late", extension=ext_label, date=late_extension,
                                     last_day=deadline(start_date, p.limit, p.custody).last_day)]
            limit, ext_label = p.limit, None
        result = deadline(start_date, limit, p.custody)
        start_at, end_at = _moment(start_date, start_event), _moment(end_date, end_event)
        # An hour limit is exact elapsed time where both documents state the time (legal-rules §0.3); else days.
        by_hours = limit.unit == "h" and start_at is not None and end_at is not None
        if by_hours:
            hours = (end_at - start_at).total_seconds() / 3600  # type: ignore[operator]
            if hours <= limit.amount:
                continue
        elif end_date <= result.last_day:
            continue
        days = (end_date - start_date).days
        words_base = {"from_action": start_event.action, "to_action": to_action, "from_moment": _stamp(start_date, start_event),
                      "to_moment": _stamp(end_date, end_event), "days": days, "limit": limit.label}
        elapsed = (rule.text("elapsed_hours", hours=f"{hours:g}" if by_hours and hours == int(hours) else
                             (f"{hours:.1f}" if by_hours else ""), **words_base)
                   if by_hours else rule.text("elapsed_days", **words_base))
        values = {
            "from_action": start_event.action,
            "to_action": to_action,
            "from_date": decided,
            "to_date": end_date,
            "days": days,
            "limit": limit.label,
            "limit_period": str(limit),
            "last_day": result.last_day,
            "extension": ext_label or rule.text("no_extension_value"),
            "custody": p.custody,
            "holiday_data_known": result.holiday_data_known,
            "from_moment": words_base["from_moment"],
            "to_moment": words_base["to_moment"],
            "elapsed": elapsed,
        }
        if by_hours:
            values["hours"] = round(hours, 2)
        if p.from_receipt:
            values |= {"clock_start": start_date, "clock_from": receipt_words["clock_from"]}
        words = {**values, "from_action": start_event.action, "to_action": to_action, "reasons": "；".join(ext_reasons),
                 "shifted_from": result.shifted_from,
                 "deadline_moment": (start_at + timedelta(hours=limit.amount)).strftime("%Y-%m-%d %H:%M")
                 if by_hours else ""}  # type: ignore[operator]
        if by_hours:
            steps = [rule.text("moments", **words), rule.text("elapsed", **words)]
            steps.append(rule.text("extension", **words) if ext_label else
                         ext_reasons[0] if late_extension is not None else rule.text("no_extension", **words))
            steps.append(rule.text("late_hours", **words))
        else:
            steps = [rule.text("dates", **words)]
            if p.from_receipt:
                steps.append(receipt_words["step"])
            steps.append(rule.text("counted_received" if p.from_receipt and not unreceived else "counted", **words))
            steps.append(rule.text("extension", **words) if ext_label else
                         ext_reasons[0] if late_extension is not None else rule.text("no_extension", **words))
            if p.custody:
                steps.append(rule.text("limit_custody", **words))
            elif result.shifted_from:
                steps.append(rule.text("limit_shifted", **words))
            else:
                steps.append(rule.text("limit_plain", **words))
            if limit.unit == "h":
                steps.append(rule.text("date_only", **words))
            if not result.holiday_data_known:
                steps.append(rule.text("no_holiday_data", **words))
            steps.append(rule.text("late", **words))
        # Within a limit only secondary sources give (an economic crime's seven-day filing review): a "please check".
        secondary = None if by_hours else _secondary_limit(case, p, person, limit)
        between_secondary = None if by_hours or secondary is not None else _made_between(
            case, p, limit, start_date, end_date, secondary=True)
        if between_secondary is not None:
            secondary = between_secondary[0]
            steps.append(rule.text("made_between", type=between_secondary[1].type, date=between_secondary[1].date,
                                   from_action=start_event.action, to_action=to_action))
        within_secondary = secondary is not None and end_date <= deadline(start_date, secondary.limit, p.custody).last_day
        if within_secondary:
            steps.append(rule.text("secondary_limit", secondary=secondary.label or str(secondary.limit)))  # type: ignore[union-attr]
        evidence = (list(end_event.evidence[:1]) + list(start_event.evidence[:1]) + receipt_evidence
                    + list(ext_evidence[:1]))
        # An OCR'd date that does not fit the timeline never drives the finding on its own: a "please check".
        severity, unsure_steps = unsure_dates(rule, (start_event, end_event))
        steps += unsure_steps
        if within_secondary or unreceived:
            severity = "info"
        # 第N次 while 第N-1次 is not in the file: an unseen record may have come first — a "please check" too.
        ordinal = _earlier_record_missing(case, end_event) if p.first_only else None
        if ordinal is not None:
            severity = "info"
            steps.append(rule.text("earlier_record_missing", ordinal=ordinal, previous=ordinal - 1))
        before = _questioned_before(case, start_event, end_event, p.questioned_before) if p.first_only else None
        if before is not None:
            severity = "info"
            steps.append(rule.text("questioned_before", ended=before.ended.strftime("%Y-%m-%d %H:%M")))
        ends = (end_event, start_event) if p.report_on == "end" else (start_event, end_event)
        doc = own_paper(case, ends[0]) or case.document(ends[0].document_id) or case.document(ends[1].document_id)
        # One document deciding for several suspects late is one mistake: the same dates on the same document
        # make one finding (its identity names every person), not one per suspect with the same words.
        key = (doc.id if doc else None, words_base["from_moment"], words_base["to_moment"], severity)
        person = end_event.person or start_event.person
        if key in merged:
            merged[key][1].append(person)
            continue
        merged[key] = ((doc, evidence, values, steps, severity, start_date, end_date, unreceived), [person])
    for (doc, evidence, values, steps, severity, start_date, end_date, unreceived), persons in merged.values():
        named = [n for n in dict.fromkeys(persons) if n]
        identity = {"person": "、".join(named) if named else None, "from": start_date, "to": end_date}
        found = rule.finding(case, document=doc, evidence=evidence, values=values, steps=steps, severity=severity,
                             identity=identity)
        if unreceived:  # counted from the act's own date: the message says so
            found = found.model_copy(update={"message": rule.text("unreceived_message", **values)})
        findings.append(found)
    return findings


def own_paper(case: Case, event: Event) -> Document | None:
    """The act's own paper (the 提请批准逮捕书 of a 提请批准逮捕) where the event was read from another one retelling it
    (the 批准逮捕决定书's "你局于3月15日以…提请批准逮捕", ind_cd01): the finding attaches to the paper the act made."""
    told = case.document(event.document_id)
    if told is None or doc_type_act(told.type) == event.action:
        return None
    same = [e for e in case.events if e.action == event.action and e.person == event.person and e.date == event.date]
    # An event told by several papers keeps one document and the evidence of each.
    for doc_id in [e.document_id for e in same] + [x.document_id for e in (event, *same) for x in e.evidence]:
        paper = case.document(doc_id)
        if paper is not None and doc_type_act(paper.type) == event.action:
            return paper
    # …or the paper of that act, that day, naming him (a joint request read as the first suspect's act).
    found = next((d for d in case.documents if doc_type_act(d.type) == event.action and d.date == event.date
                  and event.person and event.person in named_in(d.text, case.persons)), None)
    if found is not None or event.action not in _dated_by_words() or event.date is None:
        return found
    # …or, for an act dated by another document's words (the transfer the 起诉书 dates "于7月6日…移送审查起诉"), its own
    # paper dated a few days before (the 起诉意见书 of July 5, held-out ind_dx02): the finding is that paper's.
    reach, day = _dated_by_words()[event.action], event.date
    papers = [d for d in case.documents_of_type(_act_types(event.action)) if d.date and d.date <= day
              and (day - d.date).days <= reach and event.person and event.person in named_in(d.text, case.persons)]
    return max(papers, key=lambda d: d.date) if papers else None  # type: ignore[arg-type,return-value]


@functools.cache
def _dated_by_words() -> dict[str, int]:
    """Acts the file dates in words rather than by their paper (actions.yaml dated_by_words), with the reach in days."""
    spec = load_yaml("actions.yaml")
    return {a: int(spec["received_reach_days"]) for a in spec.get("dated_by_words") or ()}


def _act_types(action: str) -> list[str]:
    """The document types whose own act is `action`."""
    return [entry["type"] for entry in doc_types() if entry.get("act") == action]


def _clock_start(case: Case, rule: Rule, p: DeadlineParams, spec: FromReceipt, decided: date,
                 end_date: date, closing_document: str | None = None) -> tuple[date, dict[str, str], list[Evidence]]:
    """The day the period starts: the receipt the closing act's own document states ("你院…决定书已于4月19日收到": of
    the decision it answers, where the file holds several), else the earliest receipt by `spec.by` between the
    decision and the closing act, else the decision's date. Returns (day, {step, clock_from}, evidence of the receipt)."""
    words: dict[str, object] = {"received_type": spec.types[0], "from_action": "、".join(p.from_), "decision_date": decided,
                                "received_by_kind": rule.text(f"kind_{spec.by[0]}")}
    receipt = case.received(spec.types, spec.by, decided, end_date, stated_in=closing_document)
    if receipt is None:
        return decided, {"step": rule.text("receipt_unknown", **words),
                         "clock_from": rule.text("clock_decided", **words)}, []
    stating = case.document(receipt.document_id)
    source = (rule.text("source_delivery_receipt") if receipt.source == "delivery_receipt"
              else rule.text("source_stated", stating_document=stating.type if stating else ""))
    own_words = not receipt.recipient or receipt.recipient.startswith(("我", "本", "你", "该"))  # 我局: the kind
    words |= {"received_by": words["received_by_kind"] if own_words else receipt.recipient, "received_type": receipt.received_type,
              "received_date": receipt.date, "received_source": source}
    evidence = [case.evidence(stating, receipt.start, receipt.end)] if stating else []
    return receipt.date, {"step": rule.text("received", **words),
                          "clock_from": rule.text("clock_received", **words)}, evidence
