"""What extraction finds in the documents: parties, events, citations, terms, guarantees.

Each fact is decided once, by extraction, with the spans that state it; rules only read them.
Spans (start, end) are offsets into the document's text.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from auditor.model.base import ClockTime, Fact
from auditor.model.documents import Evidence

Span = tuple[int, int]


class PartyMention(Fact):
    """One introduction of a party in one document, with what it states there."""

    document_id: str
    role: str  # 犯罪嫌疑人, 被告人, 被害人 … as written
    name: str  # as written in this document
    start: int
    end: int
    gender: str | None = None  # 男 | 女
    birth_date: dt.date | None = None
    birth_span: Span | None = None
    id_number: str | None = None  # as written (may be masked)
    id_valid: bool | None = None  # GB 11643 check digit; None when masked or not checkable
    id_span: Span | None = None
    address: str | None = None  # 住址 / 户籍 as written
    passport: str | None = Field(default=None, exclude_if=lambda v: v is None)  # a 护照 / 通行证 number as written


class Party(Fact):
    """A person of the case, its mentions across documents merged (one person, possibly several spellings)."""

    name: str  # the spelling most documents use
    role: str  # the role of the first mention
    is_suspect: bool
    variants: tuple[str, ...] = ()  # other spellings the same person is written with
    # What ties each variant spelling to this person: "id_number", "birth_date", "address", "passport" or "spouse".
    variant_ties: dict[str, str] = {}
    # A variant tied by a spouse: the spouse both spellings' notices name, "relation:name" ("妻子:蒋芳").
    variant_spouses: dict[str, str] = Field(default={}, exclude_if=lambda v: not v)
    gender: str | None = None  # the first one stated
    birth_date: dt.date | None = None
    id_number: str | None = None
    id_valid: bool | None = None
    # a foreigner's 护照 or a Hong Kong, Macao or Taiwan resident's 通行证 number, as most documents write it
    passport: str | None = Field(default=None, exclude_if=lambda v: v is None)
    mentions: tuple[PartyMention, ...] = Field(default=(), exclude=True)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)


class Event(Fact):
    action: str  # canonical name, design §2.3 / lexicons/actions.yaml
    date: dt.date | None  # None when not stated or partly masked
    time: ClockTime | None = None
    person: str | None = None
    organ: str | None = None  # deciding organ
    executed_by: str | None = None  # executing organ, when the text says so
    document_id: str | None = None
    evidence: tuple[Evidence, ...] = ()
    # Why the date may be misread (an OCR'd date that does not fit the case's timeline); None: no doubt. An unsure
    # date never drives an error-severity finding on its own: the rule asks the reviewer to check the page.
    unsure: str | None = Field(default=None, exclude_if=lambda v: v is None)
    # A recount ("于8月15日被刑事拘留") that contradicts the act's only own document (the 拘留证 of 8月14日): the id
    # of that document. Deadlines count from the document; the contradiction is a consistency finding.
    contradicts: str | None = Field(default=None, exclude_if=lambda v: v is None)
    # Extraction only: the date is the procuratorate's receipt of a transfer ("本院于…收到…移送审查起诉的…"), not the
    # sending. The case builder makes it a Receipt (the periods that run from receipt start there) and keeps it as
    # the transfer's date only where the file dates no sending.
    received: bool = Field(default=False, exclude=True)


CitationStatus = Literal["valid", "outdated", "nonexistent", "unknown_law"]


class Citation(Fact):
    law: str  # canonical title, or the text as written when unknown
    version: str | None = None  # version in force on the document's date
    article: int
    article_suffix: str | None = None  # "之一"
    paragraph: int | None = None  # 款
    item: int | None = None  # 项
    document_id: str | None = None
    status: CitationStatus = "valid"
    quote: str = ""
    start: int = Field(default=0, exclude=True)  # offsets into the document's text
    end: int = Field(default=0, exclude=True)
    note: str | None = Field(default=None, exclude=True)  # why a status other than valid was given
    unverified: bool = Field(default=False, exclude=True)  # the status rests on a U fact of the rule base


class Term(Fact):
    """A duration ("十二个月"), a date range ("自…起至…止") or an amount of money stated in a document."""

    document_id: str
    kind: Literal["duration", "range", "amount"]
    start: int
    end: int
    text: str
    years: int = 0
    months: int = 0
    days: int = 0
    hours: int = 0
    begin: dt.date | None = None  # ranges
    until: dt.date | None = None
    amount: float | None = None  # amounts, in 元


class Guarantee(Fact):
    """A guarantee a 取保候审 decision orders: a named guarantor or a deposit (with its amount when stated)."""

    document_id: str
    kind: Literal["guarantor", "deposit"]
    start: int
    end: int
    name: str | None = None
    amount: float | None = None
    certain: bool = True  # an order with a name or an amount; False: a looser wording that only shows one was ordered


class Record(Fact):
    """A 笔录 (讯问 / 询问 …): whom it records, which one it is ("第N次"), when, by whom; read once for every rule."""

    document_id: str
    kind: str  # the document type: 讯问笔录, 询问笔录 …
    person: str | None = None  # the suspect (canonical name) a 讯问笔录 records, when known
    ordinal: int | None = None  # "第N次" in the record's head
    ordinal_span: Span | None = None
    began: dt.datetime | None = None  # the 时间 line: "2021年3月15日20时30分至22时10分"
    ended: dt.datetime | None = None
    time_span: Span | None = None
    officers: tuple[str, ...] = ()  # 讯问人 / 侦查员 and 记录人 / 记录员 named in the head, in order, distinct
    officers_span: Span | None = None
    # police | procuratorate | court: whose officers took it, when its head says (a procurator's 审查起诉 讯问 is not
    # the police's interrogation after an arrest)
    organ_kind: str | None = None
    # The head records someone who is none of the suspects ("被询问人：樊磊…（同案人，另案处理）" under a 讯问笔录 title,
    # held-out ind_fd04): no suspect's interrogation.
    of_other: bool = Field(default=False, exclude_if=lambda v: not v)


StatedTimeKind = Literal["announced", "custody_in", "arrival", "departure", "family_notified", "case_received",
                         "notice_received"]


class StatedTime(Fact):
    """A moment a document states about itself (lexicons/stated_times.yaml): a warrant announced, the person
    received by the 看守所, a summoned person's arrival and departure, the family notified."""

    document_id: str
    kind: StatedTimeKind
    date: dt.date
    time: ClockTime | None = None  # None: the document states only the day
    start: int
    end: int

    @property
    def moment(self) -> dt.datetime | None:
        return dt.datetime.combine(self.date, self.time) if self.time else None


RecipientKind = Literal["police", "procuratorate", "court", "person"]
ReceiptSource = Literal["delivery_receipt", "stated"]


class Receipt(Fact):
    """A document received: which one, by whom, on which day, and where the file says so (a 送达回证's 收到日期 or
    签收 line, or a later document's "我局于…收到该决定书"). Periods of 复议 / 复核 / 申诉 run from this day."""

    document_id: str  # the document stating the receipt
    received_type: str  # canonical type of the document received (不起诉决定书)
    recipient: str  # as written ("临沂市公安局兰山分局", "我局", "段晓峰")
    recipient_kind: RecipientKind
    date: dt.date
    source: ReceiptSource
    start: int  # the date's span in the stating document
    end: int
    # The 文号 of the document received, when the receipt gives it (a table delivering two decisions row by row).
    received_number: str | None = Field(default=None, exclude_if=lambda v: v is None)


class Basis(Fact):
    """A CPL 条/款 in the 2018 numbering; paragraph None = the article as a whole (or not stated)."""

    article: int
    paragraph: int | None = None

    def covers(self, other: Basis) -> bool:
        """Same article, and the paragraphs agree or one of them is not stated."""
        return self.article == other.article and (
            self.paragraph is None or other.paragraph is None or self.paragraph == other.paragraph
        )


class Notice(Fact):
    """A sentence of a decision's 告知 part addressed to a party (its first role word, or two joined ones)."""

    roles: tuple[str, ...]
    start: int
    end: int
    text: str


class Decision(Fact):
    """A 不起诉 / 附条件不起诉 decision as read once: its basis, its type, its notices.

    The type is decided once (auditor/extract/decisions.py): the reasoning's type when the cited article does not
    contradict it, else the cited article's; unknown when they disagree. Rules read `type`, so one wrong article
    never yields two contradictory findings.
    """

    document_id: str
    span: Span | None = None  # the sentence stating the decision
    citations: tuple[Citation, ...] = ()  # its CPL basis: citations of that sentence, or of the sentence before
    bases: tuple[Basis | None, ...] = ()  # 2018 numbering, one per citation (None: not mappable)
    cited_types: tuple[str, ...] = ()  # types whose basis is cited with its paragraph (lexicons/non_prosecution.yaml)
    reasoning_types: dict[str, Span | None] = {}  # types the reasoning reveals (None: revealed by a cited article)
    type: str | None = None
    type_source: Literal["reasoning", "citation"] | None = None
    # CPL 181: only a 177(2) decision gives the 被不起诉人 his 申诉; None when unclear. From the decided type, or —
    # when reasoning and article disagree — from the article alone (findings on it follow from the mismatch).
    suspect_may_appeal: bool | None = None
    notices: tuple[Notice, ...] = ()  # after the decision sentence

    @property
    def readable(self) -> bool:
        """Every basis citation is valid and maps to the 2018 numbering (else the citation rules speak)."""
        return bool(self.citations) and all(c.status == "valid" for c in self.citations) and all(
            b is not None for b in self.bases
        )
