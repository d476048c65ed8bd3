"""Procedural events of this case's suspects, read from one document.

Two sources:
- the document itself: a document whose type has an `act` (doc_types.yaml) evidences that act on its
  own date for the person(s) it names (a 拘留证 dated X → 刑事拘留 on X);
- narrative text: "因涉嫌X罪于2015年10月15日被我局刑事拘留，同年11月20日经…检察院批准被执行逮捕".
  A trigger (lexicons/actions.yaml) is an event when its clause holds a date; the date is the nearest
  one before the trigger in the clause (else the first after it); the person is the nearest preceding
  suspect (with the names joined to it: "黄佳男、戴宝生"), which also resolves "其"; a clause opening
  with a victim or witness, and measures of a prior conviction (前科), are not events of this case.
Matching runs on a view of the text without line breaks and spaces (PDF lines split words); evidence
offsets are mapped back to the document text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from auditor.lexicon import (
    doc_type_act,
    doc_type_act_words,
    doc_type_not_act_words,
    doc_type_organ,
    is_receipt_part,
    load_yaml,
)
from auditor.model import Document, Event, Evidence
from auditor.text.dates import DateMention, find_dates, is_birth_date
from auditor.text.numerals import cn_to_int
from auditor.text.phrases import sentence_at
from auditor.text.sentences import HALF_WIDTH_STOP
from auditor.text.tokens import DOTTED_NAME, name_of, named_in, names_pattern
from auditor.text.view import TextView, text_view

_SENTENCE_END = re.compile(rf"[。；;！？!?│┃｜|]|{HALF_WIDTH_STOP}")  # a table cell ends a sentence
_FULL_STOP = re.compile(rf"[。！？!?]|{HALF_WIDTH_STOP}")
_CLAUSE_END = re.compile(rf"[。；;！？!?，,：:│┃｜|]|{HALF_WIDTH_STOP}")
# The longest sentence or clause an action's date, persons and organs are looked for in (real sentences: < 600).
SCOPE_CHARS = 2000
# A victim's / witness's role word opens the clause (after an optional connective).
_CLAUSE_OPENERS = ("而", "但", "另", "其中", "此外", "且", "并", "另有")


@dataclass(frozen=True)
class _Trigger:
    action: str | None  # None for a blocker
    start: int
    end: int


@dataclass(frozen=True)
class _Lexicon:
    triggers: list[tuple[str | None, re.Pattern[str]]]
    not_in: dict[str, frozenset[str]]  # action -> organ kinds and document types whose narrative never states it
    case_scope: frozenset[str]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]
    by_own_number: re.Pattern[str]
    prior: re.Pattern[str]
    prior_openers: re.Pattern[str]
    current: re.Pattern[str]
    current_strong: re.Pattern[str]
    prior_question: re.Pattern[str]
    this_case_in_answer: re.Pattern[str]
    other_roles: tuple[str, ...]
    other_case_aside: re.Pattern[str]
    accomplice_before_aside: re.Pattern[str]
    other_group_object: re.Pattern[str]
    plural_ref: re.Pattern[str]
    joiners: re.Pattern[str]
    deciding: list[re.Pattern[str]]
    deciding_sentence: list[re.Pattern[str]]
    executing: list[re.Pattern[str]]
    by: list[re.Pattern[str]]
    investigating: list[re.Pattern[str]]
    investigating_for: frozenset[str]
    self_refs: frozenset[str]
    executed_after: dict[str, str]
    execution_clause: re.Pattern[str]
    decided_then_executed: frozenset[str]
    execution_after_decision: re.Pattern[str]
    case_subject: re.Pattern[str]
    case_stage_acts: frozenset[str]
    unit_party: re.Pattern[str]
    stays_behind_after: re.Pattern[str]
    not_subject_after: tuple[str, ...]
    case_by_first_name: re.Pattern[str]
    received_before: re.Pattern[str]
    received_word: re.Pattern[str]
    received_next: re.Pattern[str]
    received_acts: frozenset[str]
    received_then: re.Pattern[str]
    family_notice_act: str
    addressee_after: re.Pattern[str]
    relative_before: re.Pattern[str]
    not_notified: re.Pattern[str]
    notified_later: re.Pattern[str]
    stated_day_acts: frozenset[str]
    case_name_date_before: re.Pattern[str]
    approval_clause: re.Pattern[str]
    organ_end: re.Pattern[str]
    case_name_date_between: re.Pattern[str]


@functools.cache
def lexicon() -> _Lexicon:
    data = load_yaml("actions.yaml")
    organs = data["organs"]
    suffixes = "|".join(sorted(organs["suffixes"], key=len, reverse=True))
    org = rf"[\u4e00-\u9fff]{{0,25}}?(?:{suffixes})|" + "|".join(organs["self"])

    def org_patterns(key: str) -> list[re.Pattern[str]]:
        return [re.compile(p.replace("{ORG}", org)) for p in organs.get(key, [])]

    triggers: list[tuple[str | None, re.Pattern[str]]] = []
    for entry in data["actions"]:
        triggers += [(entry["name"], re.compile(p)) for p in entry.get("triggers") or []]
    triggers += [(None, re.compile(p)) for p in data.get("blockers") or []]
    return _Lexicon(
        triggers=triggers,
        not_in={e["name"]: frozenset(e["narrative_not_in"].get("organs", []) + e["narrative_not_in"].get("documents", []))
                for e in data["actions"] if e.get("narrative_not_in")},
        case_scope=frozenset(e["name"] for e in data["actions"] if e.get("scope") == "case"),
        not_after=re.compile(data["not_after"]),
        not_before=re.compile(data["not_before"]),
        by_own_number=re.compile(data["by_own_number"]),
        prior=re.compile("|".join(data["prior_markers"])),
        prior_openers=re.compile("|".join(data["prior_openers"])),
        current=re.compile("|".join(data["current_markers"])),
        current_strong=re.compile("|".join(data["current_strong_markers"])),
        prior_question=re.compile(data["prior_question"]),
        this_case_in_answer=re.compile(data["this_case_in_answer"]),
        other_roles=tuple(data["other_roles"]),
        other_group_object=re.compile(data["other_group_object"]),
        other_case_aside=re.compile("|".join([*data["other_case_asides"], *data["at_large_asides"]])),
        accomplice_before_aside=re.compile(data["accomplice_before_aside"]),
        plural_ref=re.compile(data["plural_refs"]),
        joiners=re.compile(data["name_joiners"]),
        deciding=org_patterns("deciding"),
        deciding_sentence=org_patterns("deciding_sentence"),
        executing=org_patterns("executing"),
        by=org_patterns("by"),
        investigating=org_patterns("investigating"),
        investigating_for=frozenset(organs.get("investigating_for", [])),
        self_refs=frozenset(organs["self"]),
        executed_after=dict(organs.get("executed_after") or {}),
        execution_clause=re.compile(organs["execution_clause"].replace("{ORG}", org)),
        decided_then_executed=frozenset(organs["decided_then_executed"]),
        execution_after_decision=re.compile(organs["execution_after_decision"].replace("{ORG}", org)),
        case_subject=re.compile(data["case_subject"]),
        case_stage_acts=frozenset(data["case_stage_acts"]),
        unit_party=re.compile(data["unit_party"]),
        stays_behind_after=re.compile(data["stays_behind_after"]),
        not_subject_after=tuple(data["not_subject_after"]),
        case_by_first_name=re.compile(data["case_by_first_name"]),
        received_before=re.compile(data["received_before"]),
        received_word=re.compile(data["received_word"]),
        received_next=re.compile(data["received_next"]),
        received_acts=frozenset(data["received_acts"]),
        received_then=re.compile(data["received_then"]),
        family_notice_act=data["family_notice"]["act"],
        addressee_after=re.compile(data["family_notice"]["addressee_after"]),
        relative_before=re.compile(data["family_notice"]["relative_before"]),
        not_notified=re.compile(data["family_notice"]["not_notified"]),
        notified_later=re.compile(data["family_notice"]["notified_later"]),
        stated_day_acts=frozenset(data.get("stated_day_acts") or ()),
        case_name_date_before=re.compile(data["case_name_date"]["before"]),
        approval_clause=re.compile(organs["approval_clause"].replace("{ORG}", org)),
        organ_end=re.compile("(?:" + "|".join([suffixes, *organs["self"]]) + ")$"),
        case_name_date_between=re.compile(data["case_name_date"]["between"]),
    )


def unit_party_document(doc: Document) -> bool:
    """Is the document's party a unit (被告单位 / 犯罪嫌疑单位 …, lexicons/actions.yaml `unit_party`)? Naming none of the
    case's natural persons, its acts are the unit's, not every suspect's nor the only one's."""
    return lexicon().unit_party.search(doc.text, 0, _UNIT_HEAD) is not None


@functools.cache
def sole_suspect_acts() -> frozenset[str]:
    """Person acts whose own document, naming no suspect, is about the case's only suspect (all but
    unattributed_own_acts, e.g. a witness's 询问)."""
    data = load_yaml("actions.yaml")
    others = set(data.get("unattributed_own_acts") or ())
    return frozenset(e["name"] for e in data["actions"] if e.get("scope") != "case" and e["name"] not in others)


@functools.cache
def suspect_only_acts() -> frozenset[str]:
    """Acts that are no event of the case unless a suspect is their person (a witness's 询问)."""
    return frozenset(load_yaml("actions.yaml").get("suspect_only_acts") or ())


@functools.cache
def _sitting() -> tuple[frozenset[str], frozenset[str]]:
    spec = load_yaml("actions.yaml").get("sitting_records") or {}
    return frozenset(spec.get("documents") or ()), frozenset(spec.get("actions") or ())


def action_names() -> list[str]:
    """Canonical action vocabulary, in lexicon order."""
    return [e["name"] for e in load_yaml("actions.yaml")["actions"]]


def find_events(doc: Document, persons: list[str] | tuple[str, ...], others: tuple[str, ...] = ()) -> list[Event]:
    """Events of `persons` (this case's suspects) evidenced by `doc`, evidence spans in the document's text;
    `others` are the names of the document's other parties (victims, witnesses, persons tried apart).

    Raises on a failure inside the document; the case builder records it as an error for that document.
    """
    if doc.type in _no_acts_in():
        return []
    others = tuple(n for n in others if n and n not in persons)
    own, told = _own_act(doc, persons), _narrative(doc, persons, others)
    stated = {e.action for e in told if e.date and e.action in lexicon().stated_day_acts}
    # The act takes effect on the day the document states ("自2022年4月2日起重新计算"), not on the day it was written;
    # and it is the act of the persons so stated, not of a co-suspect a page banner names ("彭德华等人诈骗案", ind_ao03).
    own = [e for e in own if e.action not in stated]
    return _dedupe(own + told)


@functools.cache
def _no_acts_in() -> frozenset[str]:
    return frozenset(load_yaml("actions.yaml").get("no_acts_in") or ())


# --- the document's own act ---------------------------------------------------------------------


_DESIGNATED = re.compile(r"指定(?:的)?居所")
# A page's running header or footer: the case's name with the 卷 or the page number, no sentence.
_RUNNING_LINE = re.compile(r"^(?=[^\n。；]*案)(?=[^\n。；]*(?:第\s*\d+\s*页|[^\n。；]卷(?:宗)?(?:[\s（(]|$)))[^\n。；]*$", re.M)


def own_act(doc: Document) -> str | None:
    """The act a document itself evidences (doc_types.yaml `act`); a 监视居住 decision executed in a designated
    residence ("在指定的居所执行") evidences 指定居所监视居住."""
    act = doc_type_act(doc.type)
    if act == "监视居住" and _DESIGNATED.search(doc.text):
        return "指定居所监视居住"
    words = doc_type_act_words(doc.type)
    if act and words and not re.search(words, text_view(doc.text).text):
        return None  # ind_ck06: "鉴定期间不计入…顺延" on a 变更羁押期限通知书 restarts nothing
    not_words = doc_type_not_act_words(doc.type)
    if act and not_words and re.search(not_words, text_view(doc.text).text):
        return None  # held-out ind_dm03: a prison's release at the end of a sentence served for an earlier crime
    if act and is_receipt_part(doc.text):
        return None  # held-out ind_ds01: "拘留通知书（回执）", the family's receipt
    return act


def own_act_span(doc: Document) -> tuple[int, int]:
    """The evidence of a document's own act: its title, else its first characters."""
    start = doc.text.find(doc.title) if doc.title else -1
    return (start, start + len(doc.title)) if start >= 0 else (0, min(len(doc.text), 30))


_TO_YOU = re.compile(r"对你(?!们)")
# "决定对犯罪嫌疑人X" / "对涉嫌盗窃罪的X": the name an order is taken on, right after 对 and the role or the charge.
_ORDERED_ON = re.compile(r"对(?:犯罪嫌疑人|被告人|涉嫌[^，。；,;对]{1,14}?的(?:犯罪嫌疑人)?)?$")


_LIST_GAP = re.compile(r"(?:[（(][^（）()]*[）)])?[、，,和及与][ \t]*(?:犯罪嫌疑人)?")


def _ordered_on(t: str, act_start: int, mentions: list[_Mention]) -> list[str]:
    """The persons an order names before its act: the one right after 对 and those listed with him."""
    start, _ = sentence_at(t, act_start, ends="。；\n")
    before = [m for m in mentions if start <= m.start < act_start]
    for i, m in enumerate(before):
        if _ORDERED_ON.search(t, max(0, m.start - 16), m.start):
            names = [m.name]
            for prev, nxt in zip(before[i:], before[i + 1 :], strict=False):
                if not _LIST_GAP.fullmatch(t, prev.end, nxt.start):
                    break
                names.append(nxt.name)
            return names
    return []


# A form's field for the person it is about, on a line of its own in its head.
_HEAD_PERSON_FIELD = re.compile(r"(?m)^[ \t\u3000]*(?:犯罪嫌疑人|被拘留人|被逮捕人|被取保候审人|被监视居住人|被告人)(?:姓名)?"
                                r"[ \t\u3000]*[:：][^\n]{2,40}")
_HEAD_FIELD_REACH = 200
# The outline of what is to be investigated further, after a 退回补充侦查's decision: names there are its questions'.
_OUTLINE = re.compile(r"补充侦查提纲|侦查提纲[:：]|提纲[:：]")
# A line of the head opening with a role word and a name, then a comma: the paper's person.
_ROLE_LINE_HEAD = re.compile(r"(?m)^[ \t\u3000]*(?:犯罪嫌疑人|被告人|被不起诉人|被拘留人|被逮捕人)(?P<who>[\u4e00-\u9fff·]{2,8}?)[，,]")
# A report's subject line in its head: "关于延长犯罪嫌疑人郑某龙、高某拘留期限的报告".
_ABOUT_LINE = re.compile(r"(?m)^[ \t\u3000]*关于[^\n]{2,60}?的(?:报告|请示|报告书|意见)[ \t\u3000]*$")
# A line introducing a person: his name, then his sex ("邵某兰（女，1982年5月28日生…）", "犯罪嫌疑人莫某华，男，…").
# (a bracket may come between: "朴某浩（PARK SEONGHO），男", corpus cw)
_INTRODUCED_ANYWHERE = re.compile(r"(?P<who>[\u4e00-\u9fff·]{2,8}?)(?:[（(][^（）()\n]{0,30}[）)])?[（(，,](?:性别[:：]?)?[男女][，,）)]")
_INTRODUCTION = re.compile(r"(?m)^[ \t\u3000]*(?:犯罪嫌疑人|被告人|被不起诉人)?(?P<who>[\u4e00-\u9fff·]{2,8}?)"
                           r"(?:[（(][^（）()\n]{0,30}[）)])?[（(，,][ \t\u3000]*(?:性别[:：]?)?[男女]")


def _own_act(doc: Document, persons: list[str] | tuple[str, ...]) -> list[Event]:
    act = own_act(doc)
    if not act:
        return []
    lex = lexicon()
    compact = text_view(doc.text).text  # a name wrapped by a PDF line ("赵宏\n伟") is still named
    # A name inside a longer suspect's name is not named there (马俊 in 马俊杰, two suspects). A running line naming
    # the whole case ("昭觉县公安局 刑事诉讼卷 吉克阿木、吉克木呷强奸案 第 15 页", ind_as04) names nobody's act.
    named = named_in(text_view(_RUNNING_LINE.sub("", doc.text)).text, persons)
    if act == lex.family_notice_act and lex.not_notified.search(compact) and not lex.notified_later.search(compact):
        return []
    if len(named) > 1 and act in lex.case_stage_acts:
        # A transfer leaves out whom the paper says stays behind ("犯罪嫌疑人闫守成仍在取保候审中，继续侦查", ind_cj09).
        behind = {name_of(m.group(0), named) for m in names_pattern(tuple(named)).finditer(compact)
                  if lex.stays_behind_after.match(compact, m.end())}
        named = [n for n in named if n not in behind] or named
    people: list[str | None] = [None] if act in lex.case_scope or not named else list(named)
    if len(named) > 1 and act == lex.family_notice_act:
        # A family notice is addressed to a relative, who may be a co-suspect ("热合曼·艾合买提：…将…阿依古丽·买买提刑事
        # 拘留…通知被拘留人家属热合曼·艾合买提（丈夫）"): the notice is the detained person's (ind_z06).
        relatives = {name_of(m.group(0), named) for m in names_pattern(tuple(named)).finditer(compact)
                     if lex.addressee_after.match(compact, m.end()) or lex.relative_before.search(compact[:m.start()])}
        detained = [p for p in named if p not in relatives]
        if detained:
            named = detained
            people = list(named)
    if len(named) > 1 and act not in lex.case_scope and act not in lex.case_stage_acts:
        # A decision naming several suspects is the act of those it is taken on ("决定不批准逮捕犯罪嫌疑人林辉"),
        # not of a co-suspect its reasons name ("现有证据仅有同案犯罪嫌疑人林建华的供述").
        mentions = _mentions(compact, list(named))
        triggers = [tr for tr in _triggers(compact, lex) if tr.action and tr.action not in lex.case_scope]
        # The paper's own person first: a form's head field, or the one person it introduces.
        # A form's head field naming one person ("犯罪嫌疑人：蒋某芳，于…被刑事拘留" on an approval form): its act is
        # his, not a co-suspect's its reasons name ("蒋某芳与周某新结伙作案", held-out ind_fq01).
        # (every such field of its head: a form with one field line per suspect is all of theirs, held-out ind_fq02)
        fields = " ".join(m.group(0) for m in _HEAD_PERSON_FIELD.finditer(doc.text[:_HEAD_FIELD_REACH]))
        in_field = named_in(fields, list(named))
        # …or the one person the paper introduces, a line opening with his name and sex ("邵某兰（女，1982年5月
        # 28日生…）" heading a 提请批准逮捕书 whose facts name the whole gang, held-out ind_fz03)
        # (…and only him: "犯罪嫌疑人赵某强（男，…）、孙某娜（女，…）" introduces two, held-out ind_bv01)
        if not in_field:
            heading = {n for m in _INTRODUCTION.finditer(doc.text) for n in named_in(m.group("who"), list(named))}
            anywhere = {n for m in _INTRODUCED_ANYWHERE.finditer(compact) for n in named_in(m.group("who"), list(named))}
            in_field = sorted(heading) if len(anywhere) <= 1 else []
        # …or the one person a role word opens the paper's body with ("犯罪嫌疑人邵某平，因涉嫌开设赌场罪于前被我局刑事拘留。"
        # heading a report whose reasons name his partners, held-out ind_hg01)
        # (only where no other line so opens, and nobody else is introduced: a request introducing four suspects one
        # per line, "犯罪嫌疑人林某健，男，…", is all of theirs, ind_aa04)
        if not in_field:
            opened = {n for m in _ROLE_LINE_HEAD.finditer(doc.text) for n in named_in(m.group("who"), list(named))}
            head = {n for m in _ROLE_LINE_HEAD.finditer(doc.text[:_HEAD_FIELD_REACH])
                    for n in named_in(m.group("who"), list(named))}
            introduced = {n for m in _INTRODUCED_ANYWHERE.finditer(compact) for n in named_in(m.group("who"), list(named))}
            in_field = sorted(head) if len(opened) == 1 and head == opened and introduced <= head else []
        objects = set(in_field) if len(in_field) == 1 else set()
        # …or those a report's subject line names ("关于延长犯罪嫌疑人郑某龙、高某拘留期限的报告" above reasons naming
        # the whole gang, held-out ind_gg01)
        if not objects and not in_field:
            about = " ".join(m.group(0) for m in _ABOUT_LINE.finditer(doc.text[:_HEAD_FIELD_REACH]))
            objects = set(named_in(about, list(named)))
        objects = objects or {name for tr in triggers if tr.action == act
                              for name in _object(compact, tr.end, mentions, lex)}
        # A request about another act names its person there ("要求复议…决定不批准逮捕犯罪嫌疑人林辉").
        objects = objects or {name for tr in triggers for name in _object(compact, tr.end, mentions, lex)}
        if not objects:
            # A warrant's order names its person before the act ("兹决定对犯罪嫌疑人许浩（性别男，…）执行拘留"): a
            # co-suspect's form stub run into the same page (ind_ba01) is not taken on.
            objects = {name for tr in triggers if tr.action == act
                       for name in _ordered_on(compact, tr.start, mentions)}
        if not objects and any(tr.action == act and _TO_YOU.search(compact, max(0, tr.start - 8), tr.start)
                               for tr in triggers):
            # "犯罪嫌疑人刘志刚：本院在审查起诉刘志强、刘志刚…一案中…决定对你取保候审" (ind_au01): the act is taken on the
            # person the decision is addressed to.
            objects = {name_of(m.group(0), named) for m in names_pattern(tuple(named)).finditer(compact)
                       if lex.addressee_after.match(compact, m.end())}
        if not objects:
            # Not a suspect the decision names only as its case's name ("我局正在办理巴特尔等人走私…案，…决定对其取保候审",
            # ind_bh01): the decision is about the others.
            objects = {p for p in named if not all(lex.case_by_first_name.match(compact, m.end)
                                                   for m in mentions if m.name == p)}
            objects = objects if objects and len(objects) < len(named) else set()
        if objects:
            people = [p for p in named if p in objects]
        # A remark that the same approval took the act on others ("（同一审批表延长彭某军拘留期限至2024年4月11日）",
        # held-out ind_gw03, ind_gw09): theirs too.
        shared = _shared_approval_persons(doc.text, list(named), act, lex)
        people += [p for p in named if p in shared and p not in people]
    unit_only = not named and unit_party_document(doc)
    # (the case's name read on the text with its line breaks closed: "石某红等人盗窃、掩饰、隐\n瞒犯罪所得案", held-out ind_gb07)
    # (a 退回补充侦查决定书 naming the case by its company and a suspect only in its 补充侦查提纲, held-out ind_gl05: the
    # outline asks about him, the decision returns the whole case)
    in_decision = named_in(_OUTLINE.split(compact, 1)[0], persons) if named else []
    if act in lex.case_stage_acts and persons and not unit_only and (
            not named or not in_decision or lex.case_by_first_name.search(compact)):
        # A stage of the whole case: the document names nobody ("补充侦查报告书 … 重新移送审查起诉") or the case by
        # its first suspect ("沈建华等人涉嫌盗窃…一案").
        people = list(dict.fromkeys(persons))
    start, end = own_act_span(doc)
    return [
        Event(
            action=act,
            date=doc.date,
            person=person,
            organ=doc.organ,
            document_id=doc.id,
            evidence=(Evidence(document_id=doc.id, page=0, start=start, end=end, quote=doc.text[start:end]),),
        )
        for person in people
    ]


# A bracketed remark on a line of its own that the act was taken on others under the same approval.
_SHARED_APPROVAL = re.compile(r"(?m)^[ \t\u3000]*[（(](?=[^（）()\n]*(?:同一审批|同一份审批|一并|同时))[^（）()\n]*[）)][ \t\u3000]*$")


def _shared_approval_persons(text: str, named: list[str], act: str, lex: _Lexicon) -> set[str]:
    """The persons of `named` a remark of shared approval names, where the remark, their names taken out, states `act`."""
    out: set[str] = set()
    for m in _SHARED_APPROVAL.finditer(text):
        line = text_view(m.group(0)).text
        persons = named_in(line, named)
        bare = names_pattern(tuple(persons)).sub("", line) if persons else line
        if persons and any(tr.action == act for tr in _triggers(bare, lex)):
            out.update(persons)
    return out


# --- narrative text ------------------------------------------------------------------------------


_SAME_DAY = ("同日", "当日", "同曰", "当曰")


def _new_line_since_last_date(doc: Document, view: TextView, dates: list[DateMention], date: DateMention) -> bool:
    before = [d for d in dates if d.end <= date.start]
    if not before:
        return False
    a = view.to_orig(before[-1].end, before[-1].end)[0]
    b = view.to_orig(date.start, date.start)[0]
    return "\n" in doc.text[a:b]


def _narrative(doc: Document, persons: list[str] | tuple[str, ...], others: tuple[str, ...] = ()) -> list[Event]:
    lex = lexicon()
    view = text_view(doc.text)
    t = view.text
    kinds = {doc_type_organ(doc.type), doc.type}
    triggers = [tr for tr in _triggers(t, lex) if not kinds & lex.not_in.get(tr.action or "", frozenset())]
    if not any(tr.action for tr in triggers):
        return []
    dates = [
        d for d in find_dates(t)
        if (d.as_date() is not None or d.relative) and not is_birth_date(t, d) and not _is_period_end(t, d)
    ]
    date_starts = [d.start for d in dates]
    full_at = {d.start: d for d in dates if d.as_date() is not None and not d.relative}
    heads, rows, cells = _table_lines(doc.text, view, persons)
    intros = _introduction_lines(doc.text, view, persons)
    sentences = _capped(sorted({*_bounds(t, _SENTENCE_END), *rows, *intros}))
    clauses = _capped(sorted({*_bounds(t, _CLAUSE_END), *rows, *cells, *intros}))
    # A prior case's story may run on past a "；" to its judgment ("…同月30日被取保候审；因犯聚众斗殴罪，于…被判处…。").
    full_sentences = _capped(_bounds(t, _FULL_STOP))
    mentions = _mentions(t, persons)
    designated = own_act(doc) == "指定居所监视居住"
    events: list[Event] = []
    actions = [tr for tr in triggers if tr.action]
    trigger_starts = [tr.start for tr in triggers]
    act_days: dict[str, dt.date] = {}  # the day each act was last dated by a full date
    prior_answers = _prior_answers(t, lex)
    for i, tr in enumerate(actions):
        if any(a <= tr.start < b for a, b in heads):
            continue  # a table's column head ("姓名 刑事拘留 逮捕 延长侦查羁押期限") names acts, it does not tell one
        cs, ce = _enclosing(clauses, tr.start)
        ss, se = _enclosing(sentences, tr.start)
        before = t[cs : tr.start]
        if lex.not_after.match(t, tr.end) or (lex.not_before.search(before) and not lex.by_own_number.search(before)):
            continue
        date = _date_for(dates, date_starts, tr, cs, ce, t, (ss, trigger_starts))
        # "…于2023年3月8日被刑事拘留，同年4月6日…次日被执行逮捕。／韩某，…于同日被刑事拘留" (ind_cq01): in a list of persons,
        # "同日" with an act the document dated before is that act's day, not the day last written.
        # Only across a line break from the date written last: "乙于3月10日被传唤，同日被拘留" is that day.
        if (isinstance(date, DateMention) and date.relative in _SAME_DAY and tr.action in act_days
                and (earlier := act_days[tr.action]) != date.as_date() and _new_line_since_last_date(doc, view, dates, date)):
            date = replace(date, year=earlier.year, month=earlier.month, day=earlier.day)
        if tr.action in lex.decided_then_executed and "决定" in t[cs : tr.start]:
            date = _execution_date(t, ce, dates, date_starts, lex) or date
        if date is None and doc.date and doc.type in _sitting()[0] and tr.action in _sitting()[1]:
            date = _SittingDate(doc.date, tr.start, tr.end)  # "宣布…，解除取保候审": done at the sitting
        if date is None or _is_prior(t[ss : max(se, _enclosing(full_sentences, tr.start)[1])], tr.start - ss, lex):
            continue
        if isinstance(date, DateMention) and date.end <= tr.start and (opened := _closed_since(t, date.end, tr.start)) is not None:
            # …and the act after the bracket is dated before it, not by a date inside it ("于2021年4月6日（…，2021年7月15日
            # 第二次重新移送）移送本院审查起诉")
            # (a bracket giving the act's own date, "经批准（2023年3月8日）被逮捕", with none before it, keeps it)
            date = next((d for d in reversed(dates) if ss <= d.start and d.end <= opened and d.as_date() is not None
                         and not d.relative), date)
        if isinstance(date, DateMention) and date.end <= tr.start and _opened_since(t, date.end, tr.start):
            # "于2021年4月6日（经两次退回补充侦查，…）移送本院审查起诉" (held-out ind_es08): an aside opened after the date
            # counts the acts; the date is the act's after the bracket.
            continue
        if _answers_about_the_past(t, tr.start, lex, prior_answers):
            continue
        if doc.type in _WITNESS_RECORDS and not _records_a_suspect(t, persons) and _told_of_oneself(t, ss, tr.start, mentions):
            continue  # "答：我2021年11月3日因为盗窃被…刑事拘留": the witness's own story (held-out ind_ed06)
        paired = _name_date_pairs(t, tr, ss, mentions, full_at) if tr.action not in lex.case_scope else []
        if paired:
            # "许浩然于2023年4月11日、卢婷于2023年4月21日、简国栋于2023年4月12日被我局刑事拘留" (held-out ind_eq07): each
            # person on the date written after his name.
            organ, executed_by = _organ(t, tr, cs, ss, lex, doc.organ)
            for who, when in paired:
                s, e = view.to_orig(who.start, when.end)
                events.append(Event(action=tr.action or "", date=when.as_date(), time=when.clock(), person=who.name,
                                    organ=organ, executed_by=executed_by, document_id=doc.id,
                                    evidence=(Evidence(document_id=doc.id, page=0, start=s, end=e, quote=doc.text[s:e]),)))
            continue
        if tr.action in lex.case_scope:
            people: list[str | None] = [None]
        else:
            people = (_object(t, tr.end, mentions, lex, se) or _case_as_subject(t, tr, ss, mentions, persons, lex)
                      or _subject(t, tr.start, ss, clauses, mentions, persons, lex, others))
            if not people and isinstance(date, _SittingDate):
                people = [None]  # "宣布解除取保候审" at the sitting: the case builder names the only suspect
            if not people:
                continue  # the clause is about a victim, a witness or another case's person
        nxt = actions[i + 1].start if i + 1 < len(actions) and actions[i + 1].start < se else se
        organ, executed_by = _organ(t, tr, cs, ss, lex, doc.organ)
        executed_by = _executor(t[tr.end : nxt], lex, doc.organ) or executed_by
        action = _approval_only(t, tr, actions[i + 1 :], se, lex) or tr.action or ""
        if action == "监视居住" and designated:  # "当日14时起开始监视居住" in a decision to use a designated residence
            action = "指定居所监视居住"
        received = tr.action in lex.received_acts and _is_receipt(t, tr, date, lex)
        listed = _date_list(t, dates, date)
        # "莫志强、莫志刚…分别于2021年2月27日、28日被刑事拘留" (ind_ar07): each person on his own date, in order.
        # Not an organ's acts over time ("…分局分别于2017年4月18日、6月13日、7月28日补充侦查完毕重新移送", ind_ao05).
        respect = _RESPECTIVELY.search(t, max(0, listed[0].start - 4), listed[0].start)
        respectively = (len(listed) == len(people) > 1 and None not in people and respect is not None
                        and tr.action not in lex.case_stage_acts and not lex.organ_end.search(t, 0, respect.start()))
        per_date = _bracketed_persons(t, listed, mentions) if tr.action not in lex.case_scope else None
        for k, when in enumerate(listed):
            lo, hi = (when.start, tr.end) if when.start < tr.start else (tr.start, when.end)
            s, e = view.to_orig(lo, hi)
            for person in (per_date[k] if per_date else [people[k]] if respectively else people):
                events.append(
                    Event(
                        action=action,
                        date=when.as_date(),
                        time=when.clock(),
                        person=person,
                        organ=organ,
                        executed_by=executed_by,
                        document_id=doc.id,
                        evidence=(Evidence(document_id=doc.id, page=0, start=s, end=e, quote=doc.text[s:e]),),
                        received=received,
                    )
                )
        if isinstance(date, DateMention) and not date.relative and tr.action and (day := date.as_date()):
            act_days[tr.action] = day
        events += _executed_next(doc, view, t, tr, ce, dates, date_starts, people, organ, lex)
        events += _approved_before(doc, view, t, tr, (cs, ss), clauses, dates, date_starts, people, trigger_starts,
                                   date.as_date(), lex)
        if action in lex.received_acts:
            events += _received_next(doc, view, t, tr, dates, people, lex)
    return events


def _received_next(doc: Document, view: TextView, t: str, tr: _Trigger, dates: list[DateMention],
                   people: list[str | None], lex: _Lexicon) -> list[Event]:
    """The transfer again on the day the next clause says the procuratorate received it ("…移送本院审查起诉，本院于7月27日
    受理"): the periods that run from receipt start there, the police's custody ended at the transfer."""
    m = lex.received_next.match(t, tr.end)
    day = next((d for d in dates if m is not None and d.start == m.end()), None)
    word = lex.received_word.match(t, day.end) if day is not None and day.as_date() is not None else None
    if day is None or word is None:
        return []
    s, e = view.to_orig(day.start, word.end())
    return [Event(action=tr.action or "", date=day.as_date(), person=person, document_id=doc.id,
                  evidence=(Evidence(document_id=doc.id, page=0, start=s, end=e, quote=doc.text[s:e]),), received=True)
            for person in people]


def _is_receipt(t: str, tr: _Trigger, date: DateMention, lex: _Lexicon) -> bool:
    """Is the transfer's date the procuratorate's receipt: "本院于2022年3月2日收到…移送审查起诉的…" before the act, or
    "移送审查起诉的…一案，本院已于2022年4月11日受理" after it?"""
    if isinstance(date, _SittingDate):
        return False
    if date.end <= tr.start:
        return lex.received_then.match(t[date.end : tr.start]) is not None
    m = lex.received_before.match(t, tr.end)
    return m is not None and date.start == m.end()


def _approval_only(t: str, tr: _Trigger, later: list[_Trigger], sentence_end: int, lex: _Lexicon) -> str | None:
    """The approval (批准逮捕) for an act worded as its approval ("同年4月6日经本院批准对其逮捕") when the same sentence
    goes on to its execution ("4月13日由定远县公安局执行逮捕"): the act is the execution, the approval one of its own
    (actions.yaml executed_after: approval → the act it approves)."""
    approval = next((a for a, act in lex.executed_after.items() if act == tr.action), None)
    if approval is None or "批准" not in t[tr.start : tr.end] or "执行" in t[tr.start : tr.end]:
        return None
    executed = any(a.action == tr.action and "执行" in t[a.start : a.end] for a in later if a.start < sentence_end)
    return approval if executed else None


def _execution_date(t: str, ce: int, dates: list[DateMention], date_starts: list[int],
                    lex: _Lexicon) -> DateMention | None:
    """The date of the clause right after a decision that only says when it was carried out ("，同月19日执行")."""
    at = ce + 1 if t[ce : ce + 1] in ("，", ",") else ce
    m = lex.execution_after_decision.match(t, at)
    if m is None:
        return None
    return next((d for d in dates[bisect.bisect_left(date_starts, at):] if d.end <= m.end() and d.as_date()), None)


def _executed_next(doc: Document, view: TextView, t: str, tr: _Trigger, ce: int, dates: list[DateMention],
                   date_starts: list[int], people: list[str | None], approver: str | None,
                   lex: _Lexicon) -> list[Event]:
    """The approved act, where the clause after an approval only says who carried it out and when
    ("被批准逮捕，同月24日由枣阳市公安局执行")."""
    act = lex.executed_after.get(tr.action or "")
    m = lex.execution_clause.match(t, ce) if act else None
    if m is None:
        return []
    when = next((d for d in dates[bisect.bisect_left(date_starts, ce):] if d.end <= m.start("org")), None)
    if when is None or when.as_date() is None:
        return []
    s, e = view.to_orig(when.start, m.end("org") + 2)
    org = m.group("org")
    org = doc.organ if org in lex.self_refs and doc.organ else org
    return [Event(action=act, date=when.as_date(), time=when.clock(), person=person, organ=approver, executed_by=org,
                  document_id=doc.id,
                  evidence=(Evidence(document_id=doc.id, page=0, start=s, end=e, quote=doc.text[s:e]),))
            for person in people]


def _approved_before(doc: Document, view: TextView, t: str, tr: _Trigger, starts: tuple[int, int], clauses: list[int],
                     dates: list[DateMention], date_starts: list[int], people: list[str | None],
                     trigger_starts: list[int], executed: dt.date, lex: _Lexicon) -> list[Event]:
    """The approval told in a clause of its own before the execution ("2018年2月5日，经商城县人民检察院批准，次日被商城县
    公安局执行逮捕", real round ao): the approved act on its own day, and the approval on the approval clause's day
    when that is another day (approved and executed the same day, it is one act, as "经…批准被执行逮捕" is)."""
    approval = next((a for a, act in lex.executed_after.items() if act == tr.action), None)
    cs, ss = starts
    if approval is None or cs <= ss or "批准" in t[cs : tr.end]:
        return []
    ps, pe = _enclosing(clauses, cs - 1)
    m = lex.approval_clause.fullmatch(t, ps, cs)
    if m is None or ps < ss:
        return []
    pseudo = _Trigger(approval, m.start("verb"), m.end("verb"))
    date = _date_for(dates, date_starts, pseudo, ps, pe, t, (ss, trigger_starts))
    if date is None or date.as_date() in (None, executed):
        return []
    s, e = view.to_orig(min(date.start, ps), m.end("verb"))
    org = m.group("org")
    org = doc.organ if org in lex.self_refs and doc.organ else org
    return [Event(action=approval, date=date.as_date(), person=person, organ=org, document_id=doc.id,
                  evidence=(Evidence(document_id=doc.id, page=0, start=s, end=e, quote=doc.text[s:e]),))
            for person in people]


_NEXT_DAY_OF_MONTH = re.compile(r"\s*[、和及]\s*(?P<day>[0-9]{1,2}|[一二三四五六七八九十廿卅]{1,3})[日号](?![0-9])")
_RESPECTIVELY = re.compile(r"分别(?:于|在|是|为)?\s*$")
# A date's persons may stand in a bracket after it ("分别于2020年11月23日（伍海、陶金凤）、11月24日（马国强）…", ind_ay04).
_LIST_JOINER = re.compile(r"^(?:[（(][^（）()]{1,40}[）)])?(?:、|和|及|以及|与)$")
_DATE_PERSONS = re.compile(r"[ \t]*[（(](?P<inner>[^（）()]{1,40})[）)]")


def _closed_since(t: str, start: int, end: int) -> int | None:
    """Where the bracket a date stands in opened, when it closes between the date (`start`) and `end`; else None."""
    depth = 0
    for k in range(start, end):
        if t[k] in "（(":
            depth += 1
        elif t[k] in "）)":
            depth -= 1
            if depth < 0:
                opened = max(t.rfind("（", 0, start), t.rfind("(", 0, start))
                return opened if opened >= 0 else None
    return None


def _opened_since(t: str, start: int, end: int) -> bool:
    """Is a bracket opened between `start` and `end` still open at `end`?"""
    gap = t[start:end]
    return gap.count("（") + gap.count("(") > gap.count("）") + gap.count(")")


_PAIRS_REACH = 160  # characters before an act within which its "X于D1、Y于D2" list stands
_PAIR_JOINER = re.compile(r"[、，,]|和|及|以及")
# Between the last date and the act: the organ and the passive ("被我局", "经…批准被"), nothing that starts a clause.
_PAIR_TAIL = re.compile(r"[^，,。；;、]{0,24}")


def _name_date_pairs(t: str, tr: _Trigger, ss: int, mentions: list[_Mention],
                     at: dict[int, DateMention]) -> list[tuple[_Mention, DateMention]]:
    """Two or more "NAME于DATE" joined by 、 or ， right before the act's words, in its sentence: (name, date) each.
    `at`: the full dates by where they start (built once per document)."""
    pairs: list[tuple[_Mention, DateMention]] = []
    # Only the stretch right before the act: a list is short, and a long run-on line must not cost a scan per act.
    lo = bisect.bisect_left(mentions, max(ss, tr.start - _PAIRS_REACH), key=lambda x: x.start)
    hi = bisect.bisect_left(mentions, tr.start, key=lambda x: x.start)
    for m in (x for x in mentions[lo:hi] if x.end < tr.start):
        d = at.get(m.end + 1) if t.startswith("于", m.end) else None
        if d is None or d.end > tr.start:
            continue
        if pairs and not _PAIR_JOINER.fullmatch(t[pairs[-1][1].end : m.start]):
            pairs = []  # not the same list
        pairs.append((m, d))
    if len(pairs) < 2 or not _PAIR_TAIL.fullmatch(t[pairs[-1][1].end : tr.start]):
        return []
    return pairs


def _bracketed_persons(t: str, listed: list[DateMention | _SittingDate], mentions: list[_Mention]) -> list[list[str]] | None:
    """For a list of dates each followed by a bracket naming persons, those persons per date; else None."""
    if len(listed) < 2 or any(isinstance(d, _SittingDate) for d in listed):
        return None
    out = []
    for when in listed:
        m = _DATE_PERSONS.match(t, when.end)
        names = [x.name for x in mentions if m is not None and m.start("inner") <= x.start < m.end("inner")]
        if not names:
            return None
        out.append(list(dict.fromkeys(names)))
    return out


_LONE_TIME = re.compile(r"(?:、|和|及|以及|与)[ \t]*(?P<h>[0-9]{1,2})[时点](?:(?P<m>[0-9]{1,2})分)?许?")
_LIST_END = re.compile(r"[ \t]*(?:、|和|及|以及|与)$")


def _lone_times(gap: str, offset: int) -> list[tuple[int, int, int, int | None]] | None:
    """The clock times alone in the gap between two listed dates ("、22时50分和"): (start, end, hour, minute) each, or
    None when the gap holds anything else."""
    out, at = [], 0
    while m := _LONE_TIME.match(gap, at):
        hour, minute = int(m.group("h")), int(m.group("m")) if m.group("m") else None
        if hour > 24 or (minute is not None and minute > 59):
            return None
        out.append((offset + m.start("h"), offset + m.end(), hour, minute))
        at = m.end()
    return out if out and _LIST_END.fullmatch(gap, at) else None


def _date_list(t: str, dates: list[DateMention], date: DateMention | _SittingDate) -> list[DateMention | _SittingDate]:
    """The date, with the dates listed right before it ("于2021年11月26日、2022年1月20日两次退回补充侦查",
    "分别于…、…重新移送"): one act per date."""
    if isinstance(date, _SittingDate):
        return [date]
    # Found by bisection (the dates are in text order): a search per action was quadratic on a long narrative.
    i = bisect.bisect_left(dates, date.start, key=lambda d: d.start)
    if i >= len(dates) or dates[i] != date:
        return [date]
    out = [date]
    while i > 0:
        gap = t[dates[i - 1].end : out[0].start]
        if _LIST_JOINER.match(gap):
            i -= 1
            out.insert(0, dates[i])
            continue
        # A clock time alone between two dates is another act the same day as the date before it ("分别于2024年1月12日
        # 22时40分、22时50分和1月13日0时30分被刑事拘留", held-out ind_ge06: three persons, three times).
        times = _lone_times(gap, dates[i - 1].end)
        if times is None:
            break
        i -= 1
        before = dates[i]
        out[0:0] = [before, *(replace(before, start=a, end=b, text=t[a:b], hour=h, minute=m, relative=None)
                              for a, b, h, m in times)]
    # Days of the same month listed after it ("分别于2021年2月27日、28日", ind_ar07): the month is the date's.
    at = date.end
    while date.year and date.month and (more := _NEXT_DAY_OF_MONTH.match(t, at)):
        day = cn_to_int(more.group("day"))
        try:
            dt.date(date.year, date.month, day or 0)
        except ValueError:
            break
        out.append(replace(date, start=more.start("day"), end=more.end(), text=more.group(0).lstrip("、和及 "), day=day,
                           hour=None, minute=None, relative=None))
        at = more.end()
    return out


# "延长至2023年4月28日", "自…起至2024年3月4日止": the end of a period, not the day of an act.
_PERIOD_END_BEFORE = re.compile(r"(?:至|到|届满|截止|截至)\s*$")


# "于2023年6月20日前被逮捕", "应于…以前": a bound, not the day of the act (ind_cc04); "韩某、鲁某、邵某（2023年3月8日至
# 9日被刑事拘留）": days of a range that the acts of several fell on, none of them the day of each (ind_cg01).
_BOUND_AFTER = re.compile(r"\s*(?:(?:以前|之前|前)(?![科款述列项面])|(?:至|到|—|-|～|~)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)")


def _is_period_end(t: str, d: DateMention) -> bool:
    return bool(_PERIOD_END_BEFORE.search(t[max(0, d.start - 3) : d.start]) or _BOUND_AFTER.match(t, d.end))


def _triggers(t: str, lex: _Lexicon) -> list[_Trigger]:
    """All trigger and blocker matches, overlaps resolved longest-first, in text order."""
    found = [_Trigger(action, m.start(), m.end()) for action, rx in lex.triggers for m in rx.finditer(t) if m.end() > m.start()]
    found.sort(key=lambda tr: (-(tr.end - tr.start), tr.start))
    kept: list[_Trigger] = []
    # The kept triggers never overlap, so sorted by start they are sorted by end too: a new one overlaps a
    # kept one only if it overlaps a neighbour in that order.
    kept_starts: list[int] = []
    for tr in found:
        i = bisect.bisect_right(kept_starts, tr.start)
        if (i == 0 or kept[i - 1].end <= tr.start) and (i == len(kept) or tr.end <= kept[i].start):
            kept.insert(i, tr)
            kept_starts.insert(i, tr.start)
    return kept


# A table of the suspects' custody in a 起诉意见书 or 提请批准逮捕书: a row of column heads starting "姓名", then a row per
# person starting with the name. The view has no line breaks, so without this each row ran into the next (ind_aj01,
# ind_aj03: one row's date read as the next person's act, the heads' 逮捕 dated by the first row).
_TABLE_HEAD = re.compile(r"^[ \t\u3000]*(?:姓名|序号|犯罪嫌疑人姓名|嫌疑人姓名)"
                         r"(?:(?:[ \t\u3000]+[^\s\d，。；,;]+){2,}|[:：][^\s\d，。；,;:：]+[ \t\u3000]*$)")
_ROW_NAME_END = re.compile(r"[ \t\u3000:：（(]|$")
_TABLE_END = re.compile(r"[。]|^[ \t\u3000]*(?:综上|此致|以上)")
_CELL_GAP = re.compile(r"(?<=\S)[ \t\u3000]+(?=\S)")
_IN_DATE = "0123456789０１２３４５６７８９年月"


def _table_lines(text: str, view: TextView, persons: list[str] | tuple[str, ...]
                 ) -> tuple[list[tuple[int, int]], set[int], set[int]]:
    """View spans of a custody table's head rows, view offsets where its rows start, and where its cells start."""
    heads: list[tuple[int, int]] = []
    rows: set[int] = set()
    cells: set[int] = set()
    if not persons or not any(_TABLE_HEAD.match(line) for line in text.split("\n")):
        return heads, rows, cells
    names = sorted({p for p in persons if p}, key=len, reverse=True)
    in_table, offset = False, 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        head = _TABLE_HEAD.match(line)
        if head:
            # A PDF may glue the head's last cell to the first row ("…其他强制措施／延长龙海波 2020年11月2日").
            glued = min((i for n in names if (i := line.find(n, head.start())) >= 0), default=-1)
            end = start + (glued if glued >= 0 else len(line))
            heads.append((_to_view(view, start), _to_view(view, end)))
            in_table = True
            if glued < 0:
                continue
            rows.add(_to_view(view, end))
            start, line = end, line[glued:]
        elif not in_table:
            continue
        elif _TABLE_END.search(line):
            in_table = False
            continue
        else:
            lead = line.lstrip(" \t\u3000")
            name = next((n for n in names if lead.startswith(n) and _ROW_NAME_END.match(lead, len(n))), None)
            if name:
                rows.add(_to_view(view, start + len(line) - len(lead)))
        # A cell's act is dated in that cell: "2020年12月3日 延长侦查羁押期限两次" is the 逮捕 column's date, then the
        # extensions (ind_aj04). A space inside a date ("2021年9月 2日") is no cell's edge.
        cells.update(_to_view(view, start + gap.end()) for gap in _CELL_GAP.finditer(line)
                     if gap.start() > 0 and line[gap.start() - 1] not in _IN_DATE and line[gap.end():gap.end() + 1] not in _IN_DATE)
    return heads, rows, cells


def _introduction_lines(text: str, view: TextView, persons: list[str] | tuple[str, ...]) -> set[int]:
    """View offsets of lines that open by introducing one of `persons` ("施某杰，男，1992年10月3日出生，…") or naming him
    after a role word: each starts
    a sentence of its own, though the line before ends without a stop ("…于2022年9月20日被取保候审" / "易某，女，…", held-out
    ind_gf04: the next person's 取保候审 date was everyone's)."""
    if not persons:
        return set()
    out, offset, before = set(), 0, ""
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        m = _INTRODUCTION.match(line)
        # (not a line a PDF wrapped before the person its last words take: "…提请批准逮捕的" / "犯罪嫌疑人谢某斌，经本院审查…",
        # ind_n06)
        wrapped = before.rstrip(" \t\u3000")[-1:] in _TAKES_AN_OBJECT
        # …or before the person an act it ends with is taken on, a role word opening the line ("…提请批准逮捕书提请批准逮捕" /
        # "犯罪嫌疑人许某东，经本院审查认为…", held-out ind_gw03) — not an act done to the line's subject ("…被取保候审").
        tail = before.rstrip(" \t\u3000")
        act_end = _ACTIVE_ACT_END.search(tail)
        wrapped = wrapped or (m is None and act_end is not None and "被" not in tail[max(0, act_end.start() - 8):])
        if start and not wrapped and ((m and named_in(m.group("who"), list(persons)))
                                      # …or by a role word and a name ("犯罪嫌疑人范某然、施某杰…涉嫌…一案" after a line
                                      # ending "被取保候审")
                                      or ((r := _ROLE_OPENING.match(line))
                                          and named_in(line[r.end() : r.end() + 12], list(persons)))):
            out.add(_to_view(view, start))
        before = line
    return out


_TAKES_AN_OBJECT = set("的对将把及和与、，,为系是向给经由被等同")
_ACTIVE_ACT_END = re.compile(r"(?:提请批准逮捕|批准逮捕|决定逮捕|执行逮捕|刑事拘留|执行拘留|传唤|拘传|释放|延长[\u4e00-\u9fff]{0,6}期限)$")


_ROLE_OPENING = re.compile(r"[ \t\u3000]*(?:犯罪嫌疑人|被告人|被不起诉人)(?=[\u4e00-\u9fff])")


def _to_view(view: TextView, orig: int) -> int:
    """The view offset of the first kept character at or after original offset `orig`."""
    return bisect.bisect_left(view.orig, orig)


def _bounds(t: str, ender: re.Pattern[str]) -> list[int]:
    """Start offsets of the spans separated by `ender` (each span includes its end mark)."""
    return [0] + [m.end() for m in ender.finditer(t)] + [len(t)]


def _capped(starts: list[int]) -> list[int]:
    """`starts` with a bound added every SCOPE_CHARS characters inside longer spans: text without sentence marks
    must not make every action search the whole text (real sentences stay far below the cap)."""
    if all(b - a <= SCOPE_CHARS for a, b in zip(starts, starts[1:], strict=False)):
        return starts
    out = [starts[0]]
    for b in starts[1:]:
        out += range(out[-1] + SCOPE_CHARS, b, SCOPE_CHARS)
        out.append(b)
    return out


def _enclosing(starts: list[int], pos: int) -> tuple[int, int]:
    i = max(0, bisect.bisect_right(starts, pos) - 1)
    return starts[i], starts[i + 1] if i + 1 < len(starts) else starts[-1]


@dataclass(frozen=True)
class _SittingDate:
    """The date of the record an undated act was done at, in the shape of a date mention at the trigger."""

    day: dt.date
    start: int
    end: int

    def as_date(self) -> dt.date:
        return self.day

    def clock(self) -> None:
        return None


_FIELD_LABEL = re.compile(r"(?:日期|时间)[:：]?")


def _date_for(dates: list[DateMention], starts: list[int], tr: _Trigger, cs: int, ce: int,
              t: str = "", sentence: tuple[int, list[int]] | None = None) -> DateMention | None:
    i = bisect.bisect_left(starts, tr.start)
    label = _FIELD_LABEL.match(t, tr.end) if t else None
    if label:  # a field "移送审查起诉日期：2023年7月21日": its date follows, whatever precedes on the line before
        return next((d for d in dates[i:] if d.start == label.end()), None)
    before = [d for d in dates[bisect.bisect_left(starts, cs) : i] if d.end <= tr.start]
    if before and t and _names_the_case(t, before[-1], tr):
        return None
    if before:
        return before[-1]
    after = [d for d in dates[i : bisect.bisect_right(starts, ce)] if d.start >= tr.end and d.end <= ce]
    if after:
        return after[0]
    lex = lexicon()
    received = lex.received_before.match(t, tr.end) if t else None
    if received:  # "移送审查起诉的林子豪涉嫌抢夺一案，本院已于2022年4月11日受理": the day the case was received
        day = next((d for d in dates[i:] if d.start == received.end()), None)
        if day is not None and (received.group("field") or lex.received_word.match(t, day.end)):
            return day
    return _leading_date(dates, starts, cs, t, *sentence) if t and sentence else None


def _names_the_case(t: str, date: DateMention, tr: _Trigger) -> bool:
    """Does the date open the name of the case the act is taken on ("决定对2013年8月25日…家被盗一案立案侦查")?"""
    lex = lexicon()
    return bool(lex.case_name_date_before.search(t, max(0, date.start - 4), date.start)
                and lex.case_name_date_between.fullmatch(t, date.end, tr.start))


# A date standing as a clause of its own before the act's clause, in the same sentence: "被告人滕某，男。2014年12月
# 30日，因涉嫌犯赌博罪被衡水市公安局取保候审", "2018年7月16日，经本院决定，由…分局执行逮捕" (clauses with no date and
# no act of their own may come between).
_DATE_CLAUSE_BEFORE = re.compile(r"(?:^|[。；;！？!?，,：:\s]|(?<=[\u4e00-\u9fff])\.)\s*(?:于|在)?\s*$")  # ". 2019年…": a half-width stop
# Or the clause opens with the acting organ: "江门市蓬江区人民检察院于2013年12月14日以…起诉书指控…，向本院提起公诉".
_ORGAN_DATE_CLAUSE_BEFORE = re.compile(
    r"(?:^|[。；;！？!?，,：:\s])[\u4e00-\u9fff]{2,28}?(?:人民检察院|人民法院|公安局|分局)\s*于\s*$")
# The date's clause may name the deciding organ too: "同年8月4日经云和县人民检察院决定，被变更强制措施为取保候审".
# So may its reason: "2019年8月2日因涉嫌盗窃罪,被…刑事拘留".
# Or the 起诉书 it files: "检察院于2013年12月14日以…960号起诉书指控被告人吴某庭犯盗窃罪，向本院提起公诉".
_DATE_CLAUSE_AFTER = re.compile(
    r"\s*(?:经[^，。；,;]{1,30}?(?:决定|批准)|[因以]涉嫌[^，。；,;]{1,30}?罪|以[^，。；,;]{1,40}?起诉书指控[^，。；,;]{1,60}?)?\s*[，,]")


def _leading_date(dates: list[DateMention], starts: list[int], cs: int, t: str, ss: int,
                  trigger_starts: list[int]) -> DateMention | None:
    i = bisect.bisect_left(starts, cs) - 1
    if i < 0 or dates[i].start < ss:
        return None
    d = dates[i]
    if not _DATE_CLAUSE_AFTER.match(t, d.end) or not (
            _DATE_CLAUSE_BEFORE.search(t, max(0, d.start - 3), d.start)
            or _ORGAN_DATE_CLAUSE_BEFORE.search(t, max(0, d.start - 32), d.start)):
        return None
    if bisect.bisect_left(trigger_starts, cs) > bisect.bisect_left(trigger_starts, d.end):
        return None  # an act between them has the date
    return d


_QUESTION = re.compile(r"问[:：]")
_ANSWER = re.compile(r"答[:：]")


def _prior_answers(t: str, lex: _Lexicon) -> list[tuple[int, int]]:
    """Spans of a record's answers to a question about the suspect's past ("问：你上次被拘留是什么时候？答：…")."""
    if "问" not in t:
        return []
    questions = [m.end() for m in _QUESTION.finditer(t)]
    spans = []
    for k, q in enumerate(questions):
        answer = _ANSWER.search(t, q, questions[k + 1] if k + 1 < len(questions) else len(t))
        if answer and lex.prior_question.search(t, q, answer.start()):
            spans.append((answer.end(), questions[k + 1] - 2 if k + 1 < len(questions) else len(t)))
    return spans


# Records of a person who is no suspect (a witness, a victim): "我" in an answer is that person.
_WITNESS_RECORDS = frozenset({"询问笔录"})
_FIRST_PERSON = re.compile(r"(?:^|[答：:，,。；;\n])\s*我(?![局院所们司处队方])")


_QUESTIONED = re.compile(r"被询问人(?:姓名)?[:：]?(?P<name>[\u4e00-\u9fff·]{2,6})")


def _records_a_suspect(t: str, persons: list[str] | tuple[str, ...]) -> bool:
    """Does the record's head name a suspect as the person questioned (a 询问 before the case turned criminal)?"""
    m = _QUESTIONED.search(t, 0, 600)
    return m is None or any(m.group("name").startswith(p) for p in persons)


def _told_of_oneself(t: str, start: int, pos: int, mentions: list[_Mention]) -> bool:
    """Is the act at `pos` told in the first person, no suspect named in its sentence before it?"""
    return bool(_FIRST_PERSON.search(t, max(0, start - 1), pos)) and not any(start <= m.start < pos for m in mentions)


def _answers_about_the_past(t: str, pos: int, lex: _Lexicon, spans: list[tuple[int, int]]) -> bool:
    """Is the act at `pos` told in an answer about the past, before the answer turns to this case ("这次是…")?"""
    return any(a <= pos < b and not lex.this_case_in_answer.search(t, a, pos) for a, b in spans)


def _is_prior(sentence: str, pos: int, lex: _Lexicon) -> bool:
    """Is the trigger at `pos` part of a prior conviction's story told in this sentence?"""
    priors = [m.start() for m in lex.prior.finditer(sentence)]
    if not priors:
        return False
    # "曾因涉嫌盗窃，于…被刑事拘留": 涉嫌 right after 曾因 is the prior story's own charge, not this case's.
    currents = [m.start() for m in lex.current.finditer(sentence) if not sentence[max(0, m.start() - 2) : m.start()].endswith(("曾因", "曾"))]
    last_current = max((c for c in currents if c < pos), default=-1)
    if any(last_current < p < pos for p in priors):
        return True  # "曾因盗窃被判处…，于…被逮捕": no 涉嫌 / 本案 between the prior story and the act
    strong_spans = [(m.start(), m.end()) for m in lex.current_strong.finditer(sentence)]
    strong = [s for s, _ in strong_spans]
    # A strong marker reaches the current one it runs into ("现因|涉嫌": 现因 ends where 涉嫌 starts).
    if any(c < pos for c in strong) and last_current >= 0 and max(e for s, e in strong_spans if s < pos) >= last_current:
        return False  # "现因涉嫌诈骗于…被刑事拘留"
    # Forward: the story goes on to a judgment ("…因涉嫌盗窃被逮捕，同年4月20日被判处…") before the sentence
    # turns to this case; a new prior story opening first ("…被刑事拘留，其曾因…被判处") is not this act's.
    next_current = min((c for c in (strong if last_current >= 0 else currents) if c > pos), default=len(sentence))
    following = sorted(p for p in priors if pos < p < next_current)
    if not following:
        return False
    return not lex.prior_openers.match(sentence, following[0])


@dataclass(frozen=True)
class _Mention:
    name: str
    start: int
    end: int


def _mentions(t: str, persons: list[str]) -> list[_Mention]:
    if not any(persons):
        return []
    # "王某" must not be read inside "王某1" / "王某甲" / "王某某" (another masked person), nor 马俊 inside 马俊杰.
    return [_Mention(name_of(m.group(0), persons), m.start(), m.end()) for m in names_pattern(tuple(persons)).finditer(t)]


@functools.cache
def _detailed_list_joiner() -> re.Pattern[str]:
    return re.compile(load_yaml("actions.yaml")["detailed_list_joiner"])


def listed_with(text: str, persons: list[str] | tuple[str, ...], seed: set[str]) -> set[str]:
    """The persons introduced in one list with a person of `seed`, each with his own details in a bracket
    ("犯罪嫌疑人罗志明（身份证号…）、罗志刚（身份证号…）", where only the first has a role word before it), `seed`
    included. A bare list ("王建军、王建峰、刘晓峰结伙…") introduces nobody."""
    t = text_view(text).text
    mentions = _mentions(t, list(persons))
    joiners = _detailed_list_joiner()
    out = set(seed)
    group: list[str] = []
    for i, m in enumerate(mentions):
        if i and not joiners.match(t[mentions[i - 1].end : m.start]):
            out |= set(group) if seed & set(group) else set()
            group = []
        group.append(m.name)
    out |= set(group) if seed & set(group) else set()
    return out


# Between an action and the person it names right after it: "提请批准逮捕犯罪嫌疑人X", "逮捕被告人X", "提请批准逮捕的
# 犯罪嫌疑人某", "兹传唤涉嫌诈骗的孟某于…" (a form's own wording; a charge may list several: "涉嫌掩饰、隐瞒犯罪所得、
# 犯罪所得收益罪的").
_OBJECT_GAP = re.compile(
    r"[\s:：]*(?:对|的)?(?:涉嫌[\u4e00-\u9fff、]{1,30}?的)?"
    r"(?:犯罪嫌疑人|被告人|被不起诉人|被取保候审人|被监视居住人|被拘留人)?[\s:：]*$"
)
_OBJECT_REACH = 44  # the gap must match _OBJECT_GAP whole, so a long charge name may sit in it


def _object(t: str, end: int, mentions: list[_Mention], lex: _Lexicon, sentence_end: int | None = None) -> list[str]:
    """The suspect group named directly after an action in its sentence, when the action names one (the next row of a
    table is another sentence: ind_aj06)."""
    i = bisect.bisect_left(mentions, end, key=lambda m: m.start)
    i = i if i < len(mentions) and (sentence_end is None or mentions[i].start < sentence_end) else None
    if i is None or mentions[i].start - end > _OBJECT_REACH or not _OBJECT_GAP.fullmatch(t[end : mentions[i].start]):
        return []
    group = [mentions[i].name]
    while i + 1 < len(mentions) and _joined(t[mentions[i].end : mentions[i + 1].start], lex):
        i += 1
        group.append(mentions[i].name)
    return list(dict.fromkeys(group))


def _joined(gap: str, lex: _Lexicon) -> bool:
    """Do two names stand in one list: a joiner between them, or the first's details in a bracket and a joiner
    ("决定批准延长犯罪嫌疑人黎国强（4504…）、黎国祥（4504…）侦查羁押期限一个月", ind_be07)?"""
    return bool(lex.joiners.match(gap) or _detailed_list_joiner().match(gap))


def _case_as_subject(t: str, tr: _Trigger, ss: int, mentions: list[_Mention], persons: list[str],
                     lex: _Lexicon) -> list[str | None]:
    """For a stage of the case told with the case as its subject: every suspect the document names when nobody is
    named in the sentence ("本案由…侦查终结，于…向本院移送审查起诉"), every suspect the sentence lists after the case
    ("本案由…终结，以甲涉嫌…罪、乙涉嫌…罪，于…移送"); every suspect of the case when the sentence names the case by its
    first suspect ("你局移送审查起诉的周海涛等人涉嫌故意伤害一案，本院于…退回补充侦查"); [] otherwise."""
    if tr.action not in lex.case_stage_acts:
        return []
    if _two_senders(t, ss):
        return [None]  # whose transfer each was, the sentence does not say
    named = [m for m in mentions if ss <= m.start < tr.start]
    subject = lex.case_subject.search(t, ss, tr.start)
    if named:
        first = named[0]
        by_first = lex.case_by_first_name.match(t, first.end)
        if len(named) == 1 and by_first and by_first.end() <= tr.start and persons:
            return list(dict.fromkeys(persons))
        if subject and subject.start() < first.start:
            # "本案由…调查终结，以被告人甲涉嫌受贿罪、被告人乙涉嫌介绍贿赂罪，于…向本院移送起诉": the case, with
            # every suspect the sentence lists.
            return list(dict.fromkeys(m.name for m in named))
        return []
    if not subject:
        return []
    # Not those the document says are handled apart ("纠集黄俊豪、黄俊杰（均另案处理）", ind_as08); where the document
    # names some of them by their role here ("被告人赵鹏…被告人钱勇…"), only those: a suspect told of only in the facts
    # (the car's owner whose investigation was ended, ind_au06) is not in this stage of the case.
    kept = [m for m in mentions if not _aside_after(t, m.end, lex)]
    by_role = {m.name for m in kept if _SUSPECT_ROLE_BEFORE.search(t, max(0, m.start - 6), m.start)}
    return list(dict.fromkeys(m.name for m in kept if not by_role or m.name in by_role))


# How far into a document its parties are introduced (a unit's 起诉书 names the 被告单位 first).
_UNIT_HEAD = 400
_SUSPECT_ROLE_BEFORE = re.compile(r"(?:被告人|犯罪嫌疑人|被不起诉人|被告单位|犯罪嫌疑单位)[:：]?$")
# "本案由某监察委员会于4月3日移送审查起诉（…），某公安分局于5月23日移送审查起诉，本院并案审查" (ind_ci02): two organs each
# sent part of a joined case.
_SENDER = re.compile(r"(?P<organ>监察委员会|公安局|公安分局|分局|检察院)(?:已)?于[^，。；]{0,24}?移送(?:审查)?起诉")


def _two_senders(t: str, ss: int) -> bool:
    end = t.find("。", ss)
    organs = {m.group("organ") for m in _SENDER.finditer(t, ss, end if end >= 0 else len(t))}
    return len(organs) > 1


_LISTED_NAMES = re.compile(r"(?:[、和及][\u4e00-\u9fff·]{2,8}?)*?(?=[（(])")


def _aside_after(t: str, end: int, lex: _Lexicon) -> bool:
    """Does a bracket right after the name (or after the list it ends) say the person is handled in another case?"""
    m = _LISTED_NAMES.match(t, end, min(len(t), end + 40))
    if m is None:
        return False
    close = t.find("）", m.end(), m.end() + 30)
    return close > 0 and lex.other_case_aside.search(t, m.end(), close) is not None


def _subject(
    t: str, pos: int, ss: int, clauses: list[int], mentions: list[_Mention], persons: list[str], lex: _Lexicon,
    others: tuple[str, ...] = (),
) -> list[str | None]:
    """Persons an action at `pos` concerns: the nearest preceding suspect group; [] when a clause
    between that group and the action opens with another person's role (a victim, a witness)."""
    count = bisect.bisect_right(mentions, pos, key=lambda m: m.end)  # mentions never overlap: ends are in order
    before = mentions  # before[:count] end at or before `pos`
    # A name after 系 / 伙同 / 受… is the complement of someone else's clause ("谭丽，…，系周建国店内店员。…被取保候审"):
    # the act belongs to the nearest name before it.
    # So is a name in a bracket right after another's ("被告人史自芳（被告人徐河新之表兄），男，…。2010年8月28日被逮捕",
    # real round bf): the act is the bracketed person's kinsman's.
    # And so is a name that only names the case ("我局正在办理巴特尔等人走私…案，因其…决定对其取保候审", ind_bh01).
    while count > 1 and (
        t[max(0, before[count - 1].start - 2) : before[count - 1].start].endswith(lex.not_subject_after)
        or _in_bracket_after(t, before[count - 2].end, before[count - 1], pos)
        or _in_aside(t, before[count - 2].end, before[count - 1], pos)
        or lex.case_by_first_name.match(t, before[count - 1].end)
    ):
        count -= 1
    last = before[count - 1] if count else None
    other = _other_role_at(t, max(ss, last.end if last else ss), pos, clauses, lex, others, persons)
    if other or _in_other_case_aside(t, max(ss, last.end if last else ss), pos, lex):
        return []
    if lex.other_group_object.search(t, max(ss, last.end if last else ss), pos):
        return []  # "…检察院对徐某等人…提起公诉": another group's act
    if last is None:
        return [persons[0]] if len(set(persons)) == 1 else [None]
    plural = lex.plural_ref.search(t, max(ss, last.end), pos)
    if plural:
        wanted = cn_to_int(plural.group("n")) or 0
        named = list(dict.fromkeys(m.name for m in reversed(before[:count])))
        if len(named) >= wanted >= 2:
            return [n for n in dict.fromkeys(m.name for m in before[:count]) if n in named[:wanted]]
    group = [last.name]
    j = count - 1
    while j > 0 and _joined(t[before[j - 1].end : before[j].start], lex):
        j -= 1
        group.insert(0, before[j].name)
    return list(dict.fromkeys(group))


def _in_bracket_after(t: str, name_end: int, mention: _Mention, pos: int) -> bool:
    """Does `mention` stand in a bracket that opens right after the name ending at `name_end` and closes before
    `pos`?"""
    if name_end >= len(t) or t[name_end] not in "（(":
        return False
    close = _BRACKET_CLOSE.search(t, name_end + 1, pos)
    return close is not None and mention.end <= close.start() and "（" not in t[name_end + 1 : mention.start]


_BRACKET_CLOSE = re.compile(r"[）)]")


def _in_aside(t: str, name_end: int, mention: _Mention, pos: int) -> bool:
    """Does `mention` stand in a bracket closed before `pos`, within the sentence of the name ending at `name_end`
    ("犯罪嫌疑人冉明，男，…现住…夜市街17号（随高建军居住）。该犯罪嫌疑人于…被刑事拘留", ind_cv02): an aside of that
    person's description, not the subject of what follows?"""
    opened = max(t.rfind("（", name_end, mention.start), t.rfind("(", name_end, mention.start))
    if opened < 0 or "。" in t[name_end:opened] or re.search(r"[）)]", t[opened + 1 : mention.start]):
        return False
    close = _BRACKET_CLOSE.search(t, mention.end, pos)
    return close is not None


def _in_other_case_aside(t: str, lo: int, pos: int, lex: _Lexicon) -> bool:
    """Is `pos` inside a bracket opened after `lo` (so not right after the suspects' names) that says its person
    is handled in another case, or that follows an accomplice's name ("伙同牛保国（已取保候审）")?"""
    bracket = t.rfind("（", lo, pos)
    if bracket <= lo or "）" in t[bracket:pos]:
        return False
    if lex.accomplice_before_aside.search(t, max(lo, bracket - 12), bracket):
        return True
    close = t.find("）", pos)
    aside = t[bracket : close if close >= 0 else min(len(t), pos + 60)]
    return bool(lex.other_case_aside.search(aside))


def _other_role_at(t: str, lo: int, hi: int, clauses: list[int], lex: _Lexicon,
                   others: tuple[str, ...] = (), persons: list[str] | tuple[str, ...] = ()) -> bool:
    """Does a clause starting in [lo, hi) open with a role word of someone else, or with the name of a party who is
    no suspect (`others`: a witness, a victim, a co-defendant tried apart) or a transliterated name no suspect bears
    ("2013年6月25日，艾克拉木·吾斯曼前往…时，因涉嫌犯罪被刑事拘留", real round bf)?"""
    i = bisect.bisect_left(clauses, lo)
    starts = [lo] + [c for c in clauses[i : bisect.bisect_left(clauses, hi)] if lo < c < hi]
    for c in starts:
        head = t[c : c + 24].lstrip()
        for opener in _CLAUSE_OPENERS:
            if head.startswith(opener):
                head = head[len(opener) :]
                break
        if head.startswith(lex.other_roles) or (others and head.startswith(others)):
            return True
        if _DOTTED_HEAD.match(head) and not head.startswith(tuple(persons)):
            return True
    return False


_DOTTED_HEAD = re.compile(DOTTED_NAME)


def _resolve_self(org: str, lex: _Lexicon, own: str | None) -> str:
    return own if org in lex.self_refs and own else org


def _organ(t: str, tr: _Trigger, cs: int, ss: int, lex: _Lexicon, own: str | None) -> tuple[str | None, str | None]:
    """(deciding, executing) organ stated before the action.

    Deciding: "经X批准", "被X<act>", "X决定…" in the clause; "由X<act>" unless the action is worded as
    an execution ("由公安机关执行逮捕" names the executor); for the end of the investigation and the
    transfer, "由X侦查终结" in the sentence; else "X以…起诉书" in the sentence.
    """
    prefix = t[cs : tr.start]
    inner = t[cs : tr.end]
    for rx in lex.deciding:
        m = rx.search(prefix if rx.pattern.endswith("$") else inner)
        if m:
            return _resolve_self(m.group("org"), lex, own), None
    for rx in lex.by:
        m = rx.search(prefix)
        if m:
            org = _resolve_self(m.group("org"), lex, own)
            return (None, org) if t.startswith("执行", tr.start) else (org, None)
    sentence = t[ss : tr.end]
    if tr.action in lex.investigating_for:
        for rx in lex.investigating:
            m = rx.search(sentence)
            if m:
                return _resolve_self(m.group("org"), lex, own), None
    for rx in lex.deciding_sentence:
        m = rx.search(t[ss : tr.start])
        if m:
            return _resolve_self(m.group("org"), lex, own), None
    return None, None


def _executor(after: str, lex: _Lexicon, own: str | None) -> str | None:
    """Executing organ stated after the action and before the next one: "同日由X公安局执行"."""
    for rx in lex.executing:
        m = rx.search(after)
        if m:
            return _resolve_self(m.group("org"), lex, own)
    return None


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (person, action, date) within the document; evidence and details merged."""
    # Gathered per key, then merged once: merging one at a time re-reads the growing evidence (quadratic).
    groups: dict[tuple[str | None, str, object], list[Event]] = {}
    for ev in events:
        groups.setdefault((ev.person, ev.action, ev.date), []).append(ev)
    out = []
    for group in groups.values():
        kept = group[0]
        if len(group) > 1:
            evidence = list(kept.evidence)
            spans = {(k.start, k.end) for k in evidence}
            for ev in group[1:]:
                new = [e for e in ev.evidence if (e.start, e.end) not in spans]
                evidence += new
                spans.update((e.start, e.end) for e in new)
            kept = kept.model_copy(update={
                "evidence": tuple(evidence),
                "organ": next((e.organ for e in group if e.organ), None),
                "executed_by": next((e.executed_by for e in group if e.executed_by), None),
                "time": next((e.time for e in group if e.time), None),
            })
        out.append(kept)
    # The act without a person where the document gives the same act on the same day to a person is that act read a
    # second time (a form's 存根 laid out as a grid, its name in a cell: ind_aa04), not someone else's.
    named = {(ev.action, ev.date) for ev in out if ev.person is not None}
    return [ev for ev in out if ev.person is not None or (ev.action, ev.date) not in named]
