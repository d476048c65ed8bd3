"""Receipts (lexicons/receipts.yaml): which document reached whom on which day, read once for the periods that run
from receipt (复议, 复核, 申诉). Two sources: a 送达回证's fields ("送达文书：不起诉决定书…", "受送达人：…公安局…分局",
"收到日期：2023年9月6日" or a date on the 签收 line), and a later document's own words ("我局于2022年3月29日收到该
决定书"). A receipt whose document or day cannot be read is not made up: the rules then fall back to the decision
date and say so.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from auditor.extract.parties import ROLES as PARTY_ROLES
from auditor.lexicon import doc_types, load_yaml
from auditor.model import Document, Receipt
from auditor.model.facts import RecipientKind
from auditor.text.dates import DateMention, find_dates
from auditor.text.spacing import close_up
from auditor.text.titles import NUMBER_RE, SPACE_RE
from auditor.text.tokens import BARE_LABEL, HANDWRITTEN_MARK
from auditor.text.view import text_view


@functools.cache
def _spec() -> dict[str, Any]:
    return load_yaml("receipts.yaml")


@functools.cache
def type_names() -> tuple[tuple[str, str], ...]:
    """(written name, canonical type), longest first: 不批准逮捕决定书 before 批准逮捕决定书."""
    names = [(t["type"], t["type"]) for t in doc_types()]
    names += [(a, t["type"]) for t in doc_types() for a in t.get("aliases") or ()]
    return tuple(sorted(names, key=lambda x: -len(x[0])))


@functools.cache
def _type_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(words any match contains, pattern, type) per written name of `type_names`, compiled once (there are more
    than `re`'s cache holds)."""
    out = []
    for name, canonical in type_names():
        # OCR drops a title's last 书 now and then: the stem still names it when its 文号 follows ("不起诉决定武检…号").
        stem = rf"|{re.escape(name[:-1])}(?=[\u4e00-\u9fff（）()]{{0,12}}[〔\[［(（]\s*\d{{4}})" if name.endswith("书") else ""
        out.append((name[:-1] if stem else name, re.compile(re.escape(name) + stem), canonical))
    return tuple(out)


def _types_named(text: str) -> list[tuple[int, str]]:
    """(position, canonical type) of each document type named in `text`, overlapping shorter names dropped."""
    taken: list[tuple[int, int]] = []
    found = []
    for words, pattern, canonical in _type_patterns():
        if words not in text:
            continue
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), canonical))
    return sorted(found)


def recipient_kind(words: str, stating: Document) -> RecipientKind:
    if words in ("本院", "我院"):
        organ = stating.organ or stating.text[:40]
        return "court" if "法院" in organ else "procuratorate"
    for kind, markers in _spec()["recipient_kinds"].items():
        if any(m in words for m in markers):
            return kind  # type: ignore[no-any-return]
    return "person"


def numbered_documents(documents: list[Document] | tuple[Document, ...]) -> dict[str, str]:
    """文号 (without spaces) → type of the document it heads; a 送达回证 repeating the 文号 it delivers is not one."""
    out: dict[str, str] = {}
    for d in documents:
        if d.number and d.type not in _spec()["delivery_types"]:
            out.setdefault(SPACE_RE.sub("", d.number), d.type)
    return out


def receipts_in(doc: Document, numbered: Mapping[str, str] | None = None,
                rows: list[GridRow] | None = None) -> list[Receipt]:
    """The receipts `doc` states. `numbered` (文号 without spaces → document type, of the dossier's documents) names
    the document a row of recipients gives by its 文号 alone ("邓凯 洪检一部刑不诉〔2021〕5号 2021年5月12日 邓凯")."""
    if doc.type in _spec()["delivery_types"]:
        return _delivery_receipts(doc, numbered or {}, grid_rows(doc) if rows is None else rows)
    return _stated_receipts(doc, numbered or {})


def _field(lines: list[str], label: str, cell_ok: Callable[[str], bool] = bool) -> str | None:
    """The value after a field's label: "送达文书：不起诉决定书…", or a table's row read as one line with spaces between
    its cells ("送达文书名称及文号 不予立案通知书（…）受送达人 刘建明（控告人）") when `cell_ok` accepts it (a table's
    head row "受送达人  送达文书  送达日期" has labels, not values, after each label)."""
    labelled = re.compile(rf"^{label}[:：]\s*(.+)$")
    cells = re.compile(rf"(?:^|(?<=[\s）)]))(?:{label})[ \t\u3000]+(\S.*)$")
    for line in lines:
        m = labelled.match(line.strip())
        if m:
            return m.group(1).strip()
    for line in lines:
        m = cells.search(line.strip())
        if m and cell_ok(m.group(1).strip()):
            return m.group(1).strip()
    # A table cell wraps its label and the value sits on a line of its own ("送达文书名称" / "及文号" /
    # "不起诉决定书（…）"): the next line or the one after it that `cell_ok` accepts.
    alone = re.compile(rf"^(?:{label})[:：]?$")
    for i, line in enumerate(lines):
        if alone.match(line.strip()):
            value = next((v.strip() for v in lines[i + 1 : i + 3] if v.strip() and cell_ok(v.strip())), None)
            if value is not None:
                return value
    return None


# A form's table flattened by OCR or an export: its labels first, each alone on its line ("受送达人："), then its
# values, one a line, in the same order.
_SPACES = re.compile(r"[ \t\u3000]+")
_NEXT_FIELD = re.compile(r"[ \t\u3000]+[\u4e00-\u9fff（）()]{2,10}[:：]")


def _flattened(lines: list[str]) -> dict[str, tuple[str, int]]:
    """Label → (value, index of the value's line) for a table read as a block of labels then a block of values."""
    labels: list[str] = []
    for i, line in enumerate(lines):
        m = BARE_LABEL.match(line)
        if m:
            labels.append(m.group("label"))
        elif labels and line.strip():
            values = [(j, lines[j]) for j in range(i, len(lines)) if lines[j].strip()][: len(labels)]
            if len(values) < len(labels) or any(BARE_LABEL.match(v) for _, v in values):
                return {}
            return {label: (_SPACES.sub("", v), j) for label, (j, v) in zip(labels, values, strict=True)}
    return {}


# Words of a receipt form's column heads: a head row's cells after "受送达人" are labels, not the recipient.
_HEAD_WORDS = re.compile(r"^\S*(?:送达|地点|方式|日期|时间|签名|签收|盖章|文书|备注)")


def _names_someone(value: str) -> bool:
    return _HEAD_WORDS.match(value) is None


def _flat_field(flat: dict[str, tuple[str, int]], label: str) -> tuple[str, int] | None:
    pattern = re.compile(rf"^{label}$")
    return next((value for name, value in flat.items() if pattern.match(name)), None)


def _delivery_receipts(doc: Document, numbered: Mapping[str, str], rows: list[GridRow]) -> list[Receipt]:
    spec = _spec()
    lines = [close_up(line) for line in doc.text.splitlines()]  # "送 达 地 点 ：": one line for each of the text's
    delivered = _field(lines, spec["fields"]["received_document"], lambda value: bool(_types_named(value)))
    if delivered is None:
        return _grid_receipts(doc, numbered, rows) or _flattened_receipt(doc, lines, spec)
    named = _types_named(delivered or "")
    if not named:
        return []
    received_type = named[0][1]
    number = NUMBER_RE.search(delivered)
    received_number = _bare_number(number.group(0)) if number else None
    if rows:  # "送达文书：…" above a table of recipients, one row each ("受送达人  送达方式  签收日期  签收人")
        return [Receipt(document_id=doc.id, received_type=_row_type(row.written, numbered) or received_type,
                        recipient=row.recipient, recipient_kind=recipient_kind(row.recipient, doc), date=row.date,
                        source="delivery_receipt", start=row.start, end=row.end, received_number=received_number)
                for row in rows]
    recipient = _field(lines, spec["fields"]["recipient"], _names_someone)
    if recipient:  # the line may go on with the form's next field ("邓某（控告人） 送达地点：…")
        recipient = _NEXT_FIELD.split(recipient, maxsplit=1)[0].strip()
    row_recipient = re.compile(spec["fields"]["recipient"] + r"[:：]\s*(?P<who>[^\s：:]+)")
    date_label = re.compile(spec["date_labels"] + rf"[:：]?\s*{HANDWRITTEN_MARK}?\s*$")
    sign_label = re.compile(spec["sign_labels"])
    out = []
    offset = 0
    above = ""  # the lines just above: a wrapped label cell ("受送达人签名" / "或盖章") with its value below it (ind_aa09)
    for line in doc.text.splitlines(keepends=True):
        label_above = sign_label.search(above) is not None and find_dates(above, doc.date) == []
        above = (above + line)[-40:] if line.strip() else above
        for d in find_dates(line, doc.date):
            day = d.as_date()
            if day is None:
                continue
            before = line[: d.start]
            labelled = date_label.search(before[-12:]) is not None
            signed = sign_label.search(before) is not None or (label_above and _SIGNER_ONLY.fullmatch(before) is not None)
            if not (labelled or signed):
                continue
            # A row of a recipients' table names its own recipient ("受送达人：郭毅  送达地点：…  签名及日期：…"), or
            # without the label names it first ("黄德明（在押） 送达时间：…").
            own = row_recipient.search(before)
            who = (own.group("who") if own else recipient) or re.split(r"[（(\s]", before.strip(), maxsplit=1)[0]
            out.append(Receipt(document_id=doc.id, received_type=received_type, recipient=who or "",
                               recipient_kind=recipient_kind(who or "", doc), date=day, source="delivery_receipt",
                               start=offset + d.start, end=offset + d.end, received_number=received_number))
            break  # one receipt per line: the first dated field
        offset += len(line)
    return out


# A line that signs under a label wrapped above it: the signer's name alone before the date ("沈佳慧 2022年3月11日").
_SIGNER_ONLY = re.compile(r"[ \t\u3000]*[^ \t\u3000]*[ \t\u3000]*")


# A letter to the organ whose decision it answers ("你院…号不起诉决定书已于…收到"): its writer is the one who received.
_ADDRESSED = re.compile(r"你院|贵院|你局|贵局")
# …or telling the day that organ served it: "你院于2023年6月5日送达的…决定书".
_SENT_TO_WRITER = re.compile(r"(?:向我局|向本局|给我局)?送达的")


def _stated_receipts(doc: Document, numbered: Mapping[str, str] | None = None) -> list[Receipt]:
    spec = _spec()["stated"]
    view = text_view(doc.text)
    t = view.text
    between = re.compile(spec["between"])
    subject = re.compile(spec["subjects"] + r"(?:已)?(?:于)?$")
    out = []
    previous_end = -1
    for d in find_dates(t, doc.date):
        day = d.as_date()
        follows_date, previous_end = d.start == previous_end, d.end
        if day is None or follows_date:
            continue  # "2021年10月24日当日收到": one receipt, dated by the full date
        m = between.match(t, d.end)
        sent = None if m else _SENT_TO_WRITER.match(t, d.end)
        if m is None and sent is None:
            continue
        after = (m or sent).end()  # type: ignore[union-attr]
        received = _received_type(t, d, after, int(spec["reach"])) or _numbered_before(t, d, after, numbered or {})
        if received is None:
            continue
        who = subject.search(t, max(0, d.start - 8), d.start)
        words = who.group(0).rstrip("已于") if who else ""
        start, end = view.to_orig(d.start, d.end)
        kind = recipient_kind(words, doc) if words else "person"
        if sent is not None:
            # "你院于2023年6月5日送达的…不起诉决定书" in the police's 要求复议意见书: the writer received it (held-out ind_dx08)
            if not (doc.organ and who and _ADDRESSED.search(who.group(0))):
                continue
            words, kind = "", recipient_kind(doc.organ, doc)
        elif not words and doc.organ and _ADDRESSED.search(t, max(0, t.rfind("。", 0, d.start) + 1), d.start):
            kind = recipient_kind(doc.organ, doc)  # "你院…决定书已于4月19日收到": the writing organ received it (ind_ce03)
        out.append(Receipt(document_id=doc.id, received_type=received, recipient=words,
                           recipient_kind=kind, date=day, source="stated", start=start, end=end))
    return out


def _received_type(t: str, d: DateMention, after: int, reach: int) -> str | None:
    """The document received: named within reach after 收到 in the same sentence, or (该决定书, 上述文书) the
    last one named earlier in the sentence."""
    sentence_end = min([i for i in (t.find("。", after), t.find("；", after)) if i >= 0] or [len(t)])
    ahead = _types_named(t[after : min(after + reach, sentence_end)])
    if ahead and not t[after:].startswith(("该", "上述", "此")):
        return ahead[0][1]
    sentence_start = max(t.rfind("。", 0, d.start), t.rfind("；", 0, d.start)) + 1
    earlier = _types_named(t[sentence_start : d.start])
    # "…作出不起诉决定，我局于2017年11月13日收到。" (ind_av09): the receipt ends the sentence.
    if earlier and re.match(r"(?:该|上述|此|前述)?(?:决定书|通知书|文书|法律文书)|$|[，,。；;]", t[after:after + 6]):
        return earlier[-1][1]
    return ahead[0][1] if ahead else None


_THAT_DOCUMENT = re.compile(r"(?:该|上述|此|前述)(?:决定书|通知书|文书|法律文书)")


def _numbered_before(t: str, d: DateMention, after: int, numbered: Mapping[str, str]) -> str | None:
    """"…作出东河检刑不捕〔2024〕0022号决定。我局于2024年3月14日收到该决定书" (ind_ag07): the document "该决定书" means,
    by the last 文号 of this sentence or the one before that heads a document of the dossier."""
    if not numbered or not _THAT_DOCUMENT.match(t, after):
        return None
    sentence_start = max(t.rfind("。", 0, d.start), t.rfind("；", 0, d.start))
    before_start = max(t.rfind("。", 0, max(sentence_start, 0)), t.rfind("；", 0, max(sentence_start, 0))) + 1
    window = SPACE_RE.sub("", t[before_start : d.start])
    named = [(window.rfind(number), kind) for number, kind in numbered.items() if number in window]
    return max(named)[1] if named else None


def _flattened_receipt(doc: Document, lines: list[str], spec: dict) -> list[Receipt]:  # type: ignore[type-arg]
    """The receipt of a flattened 送达回证 table: the delivered document, the recipient and the date by position."""
    flat = _flattened(lines)
    delivered = _flat_field(flat, spec["fields"]["received_document"])
    recipient = _flat_field(flat, spec["fields"]["recipient"])
    when = _flat_field(flat, spec["date_labels"])
    named = _types_named(delivered[0]) if delivered else []
    if not named or recipient is None or when is None:
        return []
    found = next((d for d in find_dates(when[0], doc.date) if d.as_date()), None)
    if found is None:
        return []
    written = doc.text.splitlines(keepends=True)  # offsets into the text as written, not the closed-up lines
    offset = sum(len(line) for line in written[: when[1]])
    line = written[when[1]].rstrip("\r\n")
    start = offset + len(line) - len(line.lstrip())
    return [Receipt(document_id=doc.id, received_type=named[0][1], recipient=recipient[0],
                    recipient_kind=recipient_kind(recipient[0], doc), date=found.as_date(), source="delivery_receipt",
                    start=start, end=offset + len(line.rstrip()))]


# A table of recipients under a row of column heads, its cells apart by spaces ("受送达人  送达文书  签收日期  签收人",
# then "何志刚  不起诉决定书 武检…9号  2016年4月25日  何志刚"): a DOCX or box-drawn table, or a PDF's text layer.
_CELL_GAP = re.compile(r"[ \t\u3000]{2,}")


def _cells(line: str, width: int) -> list[str] | None:
    """The line's cells: apart by two spaces or more, else by one where that gives the heads' count."""
    for splitter in (_CELL_GAP, _SPACES):
        cells = [c for c in splitter.split(line.strip()) if c]
        if len(cells) == width:
            return cells
    return None


def _grid_receipts(doc: Document, numbered: Mapping[str, str], rows: list[GridRow]) -> list[Receipt]:
    """A receipt per row of a recipients' table whose document can be named (a type, or a known 文号)."""
    out = []
    for row in rows:
        received = _row_type(row.written, numbered)
        if received is not None:
            number = NUMBER_RE.search(row.written)
            out.append(Receipt(document_id=doc.id, received_type=received, recipient=row.recipient,
                               recipient_kind=recipient_kind(row.recipient, doc), date=row.date,
                               source="delivery_receipt", start=row.start, end=row.end,
                               received_number=_bare_number(number.group(0)) if number else None))
    return out


@dataclass(frozen=True)
class GridRow:
    recipient: str
    written: str  # the row's document cell (its whole text when the cells cannot be told apart)
    date: dt.date
    start: int  # the date's span in the document's text
    end: int


def grid_rows(doc: Document) -> list[GridRow]:
    """The rows of a recipients' table under column heads. A PDF wraps a row's cells over several lines
    ("吴俊豪 不起诉决定书 佛南检刑不诉〔2020〕" / "15号" / "2020年8月4日 吴俊豪"): a row runs to its line with the date."""
    spec = _spec()
    if doc.type not in spec["delivery_types"]:
        return []
    recipient_head = re.compile(spec["fields"]["recipient"] + "$")
    date_head = re.compile(spec["date_labels"] + "$|" + spec["grid_date_heads"])
    document_head = re.compile(spec["fields"]["received_document"] + "$|" + spec["grid_document_heads"])
    out: list[GridRow] = []
    heads: list[str] | None = None
    pending: list[str] = []
    offset = 0
    for line in doc.text.splitlines(keepends=True):
        row, at = line.rstrip("\r\n"), offset
        offset += len(line)
        if heads is None:
            cells = [c for c in _SPACES.split(row.strip()) if c]
            if (len(cells) >= 3 and not re.search(r"[:：\d]", row) and any(recipient_head.match(c) for c in cells)
                    and any(date_head.search(c) for c in cells)):
                heads = cells
            continue
        if not row.strip():
            continue
        if re.search(r"[:：]", row):
            heads, pending = None, []  # the table ended ("送达人：李俊")
            continue
        pending.append(row.strip())
        # A narrow date cell wraps its date ("2023年9月" / "20日"): the row ends on the line that completes it.
        probe = "\n".join(pending[-2:]) if len(pending) > 1 and _OPEN_DATE.search(pending[-2]) else row
        dates = [d for d in find_dates(probe, doc.date) if d.as_date() and d.end > len(probe) - len(row.strip())]
        if not dates:
            continue
        joined, pending = " ".join(pending), []
        base = at + len(line) - len(line.lstrip()) - (len(joined) - len(row.strip()))  # offset of `joined` in text
        for part, shift in _glued_rows(joined, heads, document_head, doc.date):
            cells = _cells(part, len(heads))
            if cells is not None:
                who = cells[next(i for i, h in enumerate(heads) if recipient_head.match(h))]
                written = " ".join(c for c, h in zip(cells, heads, strict=True) if document_head.search(h)) or part
            elif (lead := _LEADING_DOCUMENT.match(part)) and document_head.search(heads[0]) and part[lead.end():].split():
                written, who = lead.group(0).strip(), part[lead.end():].split()[0]  # "不起诉决定书（…号） 沈阳市…分局 …"
            elif role := _ROW_ROLE.search(part):
                # Wrapped cells of the head or of the row above may run ahead of the row ("式 送达 人 被不起诉人 曹俊 …"):
                # the row's recipient is the person its role word names.
                who, written = role.group(1) + role.group(2), part
            else:
                who, written = part.split()[0], part
            d = next((x for x in find_dates(part, doc.date) if x.as_date()), None)
            if d is None:
                continue  # a glued part without its own date: not a row of its own
            out.append(GridRow(recipient=who, written=written, date=d.as_date(),  # type: ignore[arg-type]
                               start=base + shift + d.start, end=base + shift + d.end))
    return out


# A date cut after its year or month at a line's end (a narrow table cell wraps it).
_OPEN_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月)?\s*$")
# A party's role word and the name after it in a row whose cells cannot be told apart.
_ROW_ROLE = re.compile("(" + "|".join(sorted(PARTY_ROLES, key=len, reverse=True)) + r")[:：]?\s*([\u4e00-\u9fff·]{2,8})")


# A row that starts with its document cell, name and 文号: "不起诉决定书（和检刑不诉〔2021〕Z95号）", "不予立案通知书
# 和公（刑）不立字〔2021〕0035号".
_LEADING_DOCUMENT = re.compile(r"(?:[\u4e00-\u9fff]+书\s+)?\S*?[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\S*?号[）)]?\s*")


def _bare_number(written: str) -> str:
    """The 文号 alone: "不起诉决定书（和检刑不诉〔2021〕Z95号" or "不起诉决定武检刑不诉〔2022〕21号" (OCR lost 书) → the number."""
    s = re.sub(r"^.*[（(](?=[^（()）]*[〔\[［])", "", SPACE_RE.sub("", written))
    for name, _ in type_names():
        for form in (name, name[:-1] if name.endswith("书") else None):
            if form and s.startswith(form) and len(s) > len(form):
                return s[len(form) :]
    return s


def _glued_rows(joined: str, heads: list[str], document_head: re.Pattern[str],
                anchor: dt.date | None) -> list[tuple[str, int]]:
    """A PDF may glue two rows into one line ("…2021年12月9日 吴振东不起诉决定书（…Z95号） 沈阳市公安局… 2021年12月9日 …"):
    with the document column first, each row starts at a document's name, one date a row. Else the line is one row.
    (part, offset of the part in `joined`)."""
    dated = [d for d in find_dates(joined, anchor) if d.as_date()]
    named = [pos for pos, _ in _types_named(joined)]
    if len(dated) < 2 or not document_head.search(heads[0]) or len(named) != len(dated) or named[0] != 0:
        return [(joined, 0)]
    bounds = [*named, len(joined)]
    return [(joined[a:b].strip(), a) for a, b in zip(bounds, bounds[1:], strict=False)]


def _row_type(written: str, numbered: Mapping[str, str]) -> str | None:
    """The document a row delivers: a type it names, else the dossier's document with the 文号 it gives."""
    named = _types_named(written)
    if named:
        return named[0][1]
    for m in NUMBER_RE.finditer(written):
        found = numbered.get(SPACE_RE.sub("", m.group(0)))
        if found:
            return found
    return None
