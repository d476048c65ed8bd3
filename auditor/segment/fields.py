"""Header and signature fields of one document: 文号, issuing organ, signature date."""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date

from auditor.lexicon import load_yaml, receipt_part_heading, receipt_tail, undated_types
from auditor.text.dates import (
    DateMention,
    find_date_ranges,
    find_dates,
    find_sealed_dates,
    infer_sealed_year,
    is_birth_date,
)
from auditor.text.sentences import HALF_WIDTH_STOP
from auditor.text.titles import NUMBER_RE, ORGAN_SUFFIX, SPACE_RE
from auditor.text.tokens import HANDWRITTEN_MARK

# An appraisal institution signs its 鉴定意见书 ("江州市公安司法鉴定中心（鉴定专用章） 2023年2月14日", ind_bm05).
ORGAN_IN_TEXT_RE = re.compile(rf"[\u4e00-\u9fff]{{2,24}}?(?:{ORGAN_SUFFIX}|鉴定中心|鉴定所|鉴定研究所|鉴定研究院|检验研究院|检验所|检测中心|检验中心)")
# Records (讯问笔录, 搜查笔录 …) are dated by the 时间 line of their header, not by a signature at the end.
RECORD_SUFFIX = "笔录"
RECORD_HEADER_LINES = 8  # 时间 / 地点 / 侦查员 / 记录员 / 被讯问人 …, before the first question
_QA_RE = re.compile(r"^[\s\u3000]*[问答]")
_TIME_LABEL_RE = re.compile(r"时[\s\u3000]*间")
_NEWLINE = re.compile("\n")
_NON_SPACE = re.compile(r"\S")
_LABEL_WINDOW = 64  # a field label or signer before a date: a few characters, some spaces
_QA_AT = re.compile(r"[\s\u3000]*[问答]")  # _QA_RE for a match at a given position (no "^")


def _spaced(*words: str) -> str:
    """Alternatives that tolerate spaces between characters ("审 判 员")."""
    return "|".join(r"[\s\u3000]*".join(map(re.escape, w)) for w in words)


# A court signs with its judges, the date, then the clerk; a run-on text keeps that order on one line
# ("…审判员杨军二〇一八年七月五日代书记员娄丹"). The signature date is the date right before the clerk
# (or the 核对 stamp), or right after a judge's name.
_CLERK_AFTER_RE = re.compile(
    rf"[\s\u3000]*(?:{_spaced('本件与原本核对无异', '代理书记员', '代书记员', '书记员', '法官助理')})"
)
_JUDGE_BEFORE_RE = re.compile(
    rf"(?:{_spaced('代理审判员', '审判员', '审判长', '人民陪审员')})[\s\u3000]*[\u4e00-\u9fff·]{{2,5}}[\s\u3000]*$"
)
# A procuratorate signs an 起诉书 with its prosecutor, the date, then the attachments; run on into one line as some
# publications print it ("…此致 杭州市滨江区人民法院 检察员:夏涛 2020年3 月 30 日 附: 1.被告人…").
_PROSECUTOR_BEFORE_RE = re.compile(
    rf"(?:{_spaced('代理检察员', '检察员', '检察官')})[\s\u3000]*[:：]?[\s\u3000]*[\u4e00-\u9fff·]{{2,5}}[\s\u3000]*$"
)
_ATTACHMENTS_AFTER_RE = re.compile(r"[\s\u3000]*附[\s\u3000]*[件录]?[\s\u3000]*[:：]")
_PROSECUTOR_ANYWHERE_RE = re.compile(rf"(?:{_spaced('检察员', '检察官')})")
_SIGNERS_REACH = 60
HEADER_LINES = 6
SIGNATURE_LINES = 10
# A seal or signature remark after the signature date: "二〇二一年六月二十日（鉴定专用章）", "…日（印）".
_SEAL_REMARK_RE = re.compile(r"[（(][^（）()]{0,10}(?:印|章|签名|盖章|签字)[^（）()]{0,4}[）)]$")
# The hour of the act in a bracket after the signature date: "2023年3月1日（通知时间：9时00分）" (ind_db01).
_TIME_REMARK_RE = re.compile(r"[（(][\u4e00-\u9fff]{0,6}[:：]?[0-9０-９]{1,2}(?:时|[:：])[0-9０-９]{0,2}分?[）)]$")
# …or how it was done in a bracket after it: "2021年12月17日9时30分（电话通知并邮寄）" (held-out ind_ex04)
_WAY_REMARK_RE = re.compile(r"[（(][^（）()]{0,8}(?:通知|送达|邮寄|寄送|转交)[^（）()]{0,8}[）)]$")
# …or opening it, the date after the seal: "（价格认定专用章）  2023年3月20日" (ind_bw01)
_SEAL_LEAD_RE = re.compile(r"^[（(][^（）()]{0,10}(?:印|章|签名|盖章|签字)[^（）()]{0,4}[）)]")
_BARE_ORGAN_RE = re.compile(ORGAN_SUFFIX)
_SENTENCE_STOP_RE = re.compile(rf"[。！？]|{HALF_WIDTH_STOP}")
_FIELD_LABEL_RE = re.compile(r"[\u4e00-\u9fff]{2,10}[:：][\s\u3000]*$")
# A form's own date field; not the date of the events it records (出生日期, 案发时间 …).
_DATE_LABEL_RE = re.compile(
    # (nor the day a request reached the deciding organ: "收到提请批准逮捕书时间：…" on a 批准逮捕决定书's stub, held-out ind_gy01)
    r"(?<!出生)(?<!发案)(?<!案发)(?<!作案)(?<!发生)(?<!委托)(?<!接报)(?<!到所)(?<!到案)(?<!离开)(?<!执行)(?<!逮捕书)(?<!意见书)"
    rf"(?:[日曰]期|时间)[\s\u3000]*[:：]?[\s\u3000]*{HANDWRITTEN_MARK}?[\s\u3000]*$"  # 曰: OCR's 日
)
# A signer's name before the date that ends the line: "受案民警：胡磊　周亮　　2023年6月1日", "受送达人签收：刘桂兰
# 2021.6.28", "被取保候审人：苏丽娟　2023年9月27日" (a label naming a person — …人, …员, …官, …警 — or a signature).
# An approver's opinion signed and dated counts too ("检察长意见：同意延长审查起诉期限十五日。 杨国栋  2021.7.12").
# An approval field signed off with its date counts too ("受案审批：同意。 2021年2月22日", "局长（签名）：倪某", ind_ag01).
# A lawyer signs as well ("值班律师：江州市法律援助中心值班律师 郑曼  2021年11月20日", ind_bm06).
_SIGNER_RE = re.compile(r"(?:人|员|官|警|长|师|签收|签名|签字|盖章|意见|审批|签名及日期|签收及日期)(?:[（(]签[名字章]?[）)])?"
                        r"[\s\u3000]*[:：][^:：\n]{1,24}$")


# An approver signing with his title and name, no colon, as a table cell prints it ("同意延长审查起诉期限十五日。  检察长
# 于某某  2023-05-30").
_TITLED_SIGNER_RE = re.compile(r"(?:检察长|副检察长|局长|副局长|所长|大队长|负责人|审批人|批准人)[ \t\u3000]*[:：]?[ \t\u3000]*"
                               r"[\u4e00-\u9fff·]{2,4}[ \t\u3000]*$")  # or with a colon: "检察长：邢某华 2023年2月3日"
# An approval cell of a form, its decision then the approver and the date ("受案审批  同意。韩学东 2023年3月6日", ind_bl04).
_APPROVAL_CELL_RE = re.compile(r"(?:审批|意见|批示|审核)[ \t\u3000|｜│┃]*[:：]?[ \t\u3000]*(?:同意|拟同意|批准|准予)[^\n:：]{0,24}$")
# …or the next signer's field still blank ("犯罪嫌疑人签名：钱伟  2021年11月20日  辩护人/值班律师签名：", ind_bm06).
_APPROVAL_TABLE_RE = re.compile(r"审批栏|承办人意见|审核意见")
# Empty cells closing a table row after its date ("受案审批｜同意。经侦大队负责人  2023年2月20日｜｜", held-out ind_gm01).
_EMPTY_CELLS_RE = re.compile(r"[\s\u3000|｜│┃]*")
_NEXT_SIGNER_RE = re.compile(r"[ \t\u3000]{2,}[\u4e00-\u9fff/／]{1,12}(?:人|员|官|警|师|签名|签字|签章)[:：]")


# A 文号 followed at once by the name of the paper it numbers is another paper's, cited in a sentence: "你局于…以
# 白公（刑提捕）字〔2023〕205号提请批准逮捕书提请…" opens each of three 批准逮捕决定书 (held-out ind_ec04).
_CITED_PAPER_RE = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:书|函)")


def find_number(body: str) -> str | None:
    head = "\n".join(body.split("\n")[:HEADER_LINES])
    m = next((m for m in NUMBER_RE.finditer(head) if not _CITED_PAPER_RE.match(head, m.end())), None)
    return SPACE_RE.sub("", m.group(0)) if m else None


# An organ's department signing, its field label before it: "负责侦查的部门：江州市东湖区人民检察院第五检察部（印）
# 二〇二四年五月十日" (a procuratorate's own investigation, held-out ind_do01).
_SIGNING_DEPARTMENT_RE = re.compile(rf"(?:[\u4e00-\u9fff]{{2,10}}[:：])?(?P<organ>{ORGAN_IN_TEXT_RE.pattern})"
                                    r"(?:第[一二三四五六七八九十\d]{1,3}检察部|[\u4e00-\u9fff]{1,8}?(?:部|科|处|室|大队|支队))")
# A company or an appraisal body signing a paper it issued under its seal ("飞豹润滑油（中国）有限公司（章）  2023年3月10日",
# a brand owner's 鉴定书, held-out ind_go01).
_SIGNING_BODY_RE = re.compile(r"[\u4e00-\u9fff（）()]{2,40}?(?:有限公司|有限责任公司|公司|鉴定所|鉴定研究所|司法鉴定所"
                              r"|(?:认定|认证|鉴定|检测|检验|评估)中心|检测站|检验所|研究院|研究所|事务所)")
# A signature line that goes on with its seal and date: "洪都市公安局青山湖分局（印）  2020年3月20日" (ind_ad10).
_SEAL_AND_DATE_RE = re.compile(r"(?:[（(][^（）()]{0,4}[印章][）)])?(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年[^年]{1,12}[日曰]"
                               r"(?:[（(][^（）()]{0,4}[印章][）)])?$")


# A seal's mark ending the organ's line: "某分局（印）".
_SEALED_TAIL_RE = re.compile(r"[（(][^（）()]{0,4}[印章][）)]$")


_SALUTATIONS = frozenset({"此致", "此致敬礼"})  # the line after one names the addressee


def find_organ(body: str) -> str | None:
    """The organ named in the signature block (last lines), else in the header."""
    lines = [SPACE_RE.sub("", line) for line in body.split("\n") if line.strip()]
    tail = lines[-SIGNATURE_LINES:]
    for k in range(len(tail) - 1, -1, -1):
        if k > 0 and tail[k - 1] in _SALUTATIONS:
            continue  # the addressee ("此致 / 某区人民法院"), not the signer (held-out ind_dp02)
        # …or its name broken over two lines by a PDF's wrap, the seal after the second ("澄州市公安局经济开发" /
        # "区分局（印）", ind_dc08)
        joined = tail[k - 1] + tail[k] if k > 0 and _SEALED_TAIL_RE.search(tail[k]) else None
        for line in (tail[k], joined):
            if line is None:
                continue
            m = (ORGAN_IN_TEXT_RE.fullmatch(line) or ORGAN_IN_TEXT_RE.fullmatch(_SEALED_TAIL_RE.sub("", line))
                 or ORGAN_IN_TEXT_RE.fullmatch(_SEAL_AND_DATE_RE.sub("", line)))
            if m:
                return m.group(0)
            department = _SIGNING_DEPARTMENT_RE.fullmatch(_SEALED_TAIL_RE.sub("", _SEAL_AND_DATE_RE.sub("", line)))
            if department:
                return department.group("organ")
    for k, line in enumerate(lines[:HEADER_LINES]):
        m = ORGAN_IN_TEXT_RE.match(line)
        if m and len(line) <= 30 and not (k > 0 and lines[k - 1] in _SALUTATIONS):
            return m.group(0)
    return None


# Why a date found by find_sealed_date is unsure (it never drives an error finding on its own).
SEALED_YEAR = "落款日期的年份被印章遮盖或识别不清，年份按本文书记载的其他日期推定"
_BEFORE_SEALED_RE = re.compile(r"[（(][^（）()]{0,10}(?:印|章)[^（）()]{0,4}[）)]$")


def without_receipt_part(body: str) -> str:
    """The paper without the receipt part bound after it ("不予立案通知书（回执）… 2024年4月15日", held-out ind_ds08):
    that part dates the delivery, not the paper."""
    for part in receipt_part_heading()[0].finditer(body):
        if body[: part.start()].strip():
            return body[: part.start()]
    # …or under the paper's signature with no heading: cut where the line before it is the signature's date.
    for tail in receipt_tail().finditer(body):
        before = [ln for ln in body[: tail.start()].split("\n") if ln.strip()]
        if before and _signature_date_line(before[-1]):
            return body[: tail.start()]
    return body


def _organ_seal_only(rest: str) -> bool:
    """Is `rest` nothing but an organ's name and its seal ("江州市青山区人民检察院（院印）")?"""
    rest = _SEALED_TAIL_RE.sub("", _SEAL_REMARK_RE.sub("", SPACE_RE.sub("", rest)))
    return bool(rest) and ORGAN_IN_TEXT_RE.fullmatch(rest) is not None


def _signature_date_line(line: str) -> bool:
    """Is `line` a signature's date: a date alone, or after its organ and seal ("青石市公安局（印） 2021年8月9日")?"""
    dated = [m for m in find_dates(line) if m.iso]
    if not dated:
        return False
    rest = SPACE_RE.sub("", line[: dated[-1].start] + line[dated[-1].end :])
    rest = _SEALED_TAIL_RE.sub("", _SEAL_REMARK_RE.sub("", rest))
    return not rest or ORGAN_IN_TEXT_RE.fullmatch(rest) is not None


def find_sealed_date(body: str, doc_type: str) -> date | None:
    """A signature date whose year a seal covers (text.dates.find_sealed_dates), on a line of its own among the last
    lines (after an organ and its seal at most, before a seal remark at most), its year that of the dates the paper
    states legibly (or of its 文号). Only where find_date found no date."""
    if doc_type in undated_types():
        return None
    body = without_receipt_part(body)
    lines = [ln for ln in body.split("\n") if ln.strip()][-SIGNATURE_LINES:]
    context = [d for m in find_dates(body) if (d := m.as_date()) and not is_birth_date(body, m)]
    year = re.search(r"[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]", find_number(body) or "")
    if year and not context:
        context.append(date(int(year.group(1)), 6, 30))
    for line in reversed(lines):
        for sealed in reversed(find_sealed_dates(line)):
            before, after = line[: sealed.start].strip(), line[sealed.end :].strip()
            if after and not _SEAL_REMARK_RE.fullmatch(after):
                continue
            if before and not (ORGAN_IN_TEXT_RE.fullmatch(_BEFORE_SEALED_RE.sub("", SPACE_RE.sub("", before)))
                               or _BEFORE_SEALED_RE.fullmatch(before)):
                continue
            return infer_sealed_year(sealed, context)
    return None


def find_ref_date(body: str, signature_date: date | None, number: str | None) -> date | None:
    """Signature date, else the latest of: the dates the text mentions, 1 January of the 文号 year."""
    if signature_date:
        return signature_date
    candidates = [d for m in find_dates(body) if (d := m.as_date())]
    year = re.search(r"[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]", number or "")
    if year:
        candidates.append(date(int(year.group(1)), 1, 1))
    return max(candidates) if candidates else None


def is_record(doc_type: str) -> bool:
    return doc_type.endswith(RECORD_SUFFIX)


def find_date(body: str, doc_type: str) -> date | None:
    """Signature date of a document; a record's is the date of its 时间 line.

    Otherwise, in order: the last date of a court's signature block (between 审判员 X and 书记员 Y),
    the last line that is essentially a date. None when neither is there: a date the text merely
    recounts is not the document's.
    """
    if doc_type in undated_types():
        return None
    body = without_receipt_part(body)
    # A birth date on a line of its own under its label ("出生日期：\n1981年5月20日", ind_aq10) dates a person.
    full = [m for m in find_dates(body) if m.iso and not is_birth_date(body, m)]
    if doc_type in _PERIOD_NOT_DATE_TYPES:
        # A cover's 起止日期 / 立卷时间 "2021年2月27日至2021年8月20日" is the period its volume spans, not its date.
        ranges = find_date_ranges(body)
        full = [m for m in full if not any(r.start <= m.start < r.end for r in ranges)]
    if not full:
        return None
    if is_record(doc_type):
        dated = _record_time_date(body)
        if dated:
            return dated
    if doc_type in _receipt_spec()[0]:
        received = _received_date(body, full)
        if received:
            return received
    for m in reversed(full):
        if _CLERK_AFTER_RE.match(body, m.end) or _JUDGE_BEFORE_RE.search(body, max(0, m.start - 40), m.start):
            return m.as_date()
        # (a seal remark may close it: "检察员：蒋某  二〇二三年十二月一日  （院印）", held-out ind_dp02)
        # (…or only the organ and its seal after it: "检察官 方某 2023年9月25日\n江州市青山区人民检察院（院印）", held-out ind_ga07)
        if _PROSECUTOR_BEFORE_RE.search(body, max(0, m.start - 40), m.start) and (
                _ATTACHMENTS_AFTER_RE.match(body, m.end) or not _NON_SPACE.search(body, m.end)
                or _SEAL_REMARK_RE.fullmatch(body[m.end:].strip()) or _organ_seal_only(body[m.end:])):
            return m.as_date()
        # The attachments follow the date, the prosecutors (and a clerk, a seal) sign before it: "检察员:陈某 陈某
        # 书记员:李某 (院印) 2020年2月23日 附: 1.…", "检 察 官:范某 检察官助理:朱某 2020年4月23 日 附:".
        if _ATTACHMENTS_AFTER_RE.match(body, m.end) and _PROSECUTOR_ANYWHERE_RE.search(
                body, max(0, m.start - _SIGNERS_REACH), m.start):
            return m.as_date()
    return _date_line(body, full) or _notice_received(body, full, doc_type) or _approver_row(body, full)


# An approval form's rows, one per signer, each with its date ("批准人 │ 杜某华 │ 同意 │ 2023年3月24日", ind_da01): with
# no signature date of its own, the form is dated by its approver's row.
_APPROVER_ROW_RE = re.compile(r"(?m)^[ \t\u3000]*(?:批准人|审批人|批准领导|审批领导)[^\n]{0,40}$")


def _approver_row(body: str, full: list[DateMention]) -> date | None:
    rows = [(m.start(), m.end()) for m in _APPROVER_ROW_RE.finditer(body)]
    dated = [d for d in full if any(a <= d.start and d.end <= b and not _NON_SPACE.search(body[d.end:b]) for a, b in rows)]
    return dated[-1].as_date() if dated else None


# A notice handed to its person and signed for, with no date of its own: the day of receipt is the day it was given
# ("本告知书已于2021年6月23日收到。犯罪嫌疑人：张德福（捺指印）", ind_bd01).
_NOTICE_SUFFIXES = ("告知书", "通知书")
# The receipt ends its sentence: "本院于…收到…移送审查起诉的…一案" is the case received, not the notice.
# …or read to him, or given him to read ("本告知书已于2023年8月15日9时50分向我宣读/交我阅读。", ind_bw03).
_RECEIVED_AFTER_RE = re.compile(r"[ \t\u3000]*(?:收到|签收|收悉|向我宣读|向我宣布|交我阅读|向我告知)(?:本告知书|告知书|本通知书|通知书)?"
                                r"(?=[。.，,；;/／\s]|$)")


def _notice_received(body: str, full: list[DateMention], doc_type: str) -> date | None:
    if not doc_type.endswith(_NOTICE_SUFFIXES):
        return None
    return next((m.as_date() for m in reversed(full) if _RECEIVED_AFTER_RE.match(body, m.end)), None)


_PERIOD_NOT_DATE_TYPES = frozenset({"卷宗封面"})


@functools.cache
def _receipt_spec() -> tuple[frozenset[str], re.Pattern[str]]:
    """Delivery receipt types, and a line's words before a date that make it the day of receipt (lexicons/receipts.yaml)."""
    spec = load_yaml("receipts.yaml")
    return frozenset(spec["delivery_types"]), re.compile(f"(?:{spec['date_labels']}|{spec['sign_labels']})")


def _received_date(body: str, full: list[DateMention]) -> date | None:
    """A 送达回证's day of receipt, where it states one day on its 签收 / 收到日期 line: the receipt is what it records,
    its 签发日期 only when the form was made out (ind_ak05). A table of recipients with their own days keeps the
    signature date."""
    label = _receipt_spec()[1]
    days = {m.as_date() for m in full if label.search(body, body.rfind("\n", 0, m.start) + 1, m.start)}
    # A one-row table of recipients under its heads ("… 收件人签名  送达日期" / "… 2022年8月16日") dates nothing else.
    days = days or ({m.as_date() for m in full} if len({m.as_date() for m in full}) == 1 else set())
    return days.pop() if len(days) == 1 else None


def _record_time_date(body: str) -> date | None:
    """The date of the record's 时间 line (or, unlabelled, the first dated clock time) in its header.

    An unreadable 时间 line gives None rather than the date of an event the record goes on to recount.
    """
    lines = body.split("\n")
    header_lines: list[str] = []
    for line in lines:
        if _QA_RE.match(line) or len(header_lines) >= RECORD_HEADER_LINES:
            break
        header_lines.append(line)
    header = "\n".join(header_lines)
    mentions = [m for m in find_dates(header) if m.iso]
    label = _TIME_LABEL_RE.search(header)
    if label is None:
        return next((m.as_date() for m in mentions if m.hour is not None), None)
    # The label's own line, or the next line when the label stands alone ("时间：" / "2023年…").
    line_end = header.find("\n", label.end())
    line_end = len(header) if line_end < 0 else line_end
    if not SPACE_RE.sub("", header[label.end() : line_end]).strip("：:"):
        next_end = header.find("\n", line_end + 1)
        line_end = len(header) if next_end < 0 else next_end
    return next((m.as_date() for m in mentions if label.end() <= m.start < line_end), None)


_SIGNER_THEN_ORGAN_RE = re.compile(r"(?:签名|签字|签章)[）)]?[:：][\u4e00-\u9fff·]{2,5}" + ORGAN_IN_TEXT_RE.pattern
                                   + r"(?:[（(][^（）()]{0,4}[印章][）)])?$")
# …or the head's title with its seal or signature and no name: "局长（印） 二〇二二年三月二十日" (ind_cn01).
_TITLE_SEALED_RE = re.compile(r"(?:检察长|副检察长|局长|副局长|所长|负责人|审批人|批准人)[（(](?:印|章|盖章|签名|签字|签章)[）)]$")


_RANGE_END_LEADS = ("至", "到")


def _date_line(body: str, full: list[DateMention]) -> date | None:
    """The last signature date: a line that is essentially a date (a seal remark after it allowed); failing that,
    in the signature lines at the end, a date a form labels as its own ("收到日期：…", "送达时间：…") or one written
    after a signer's name ("负责人：孟和　2024年9月27日"). A question or answer of a record never is one."""
    tail_start = _tail_start(body)
    labelled: date | None = None
    # Line bounds and compact lines are found once per line: a line of thousands of dates must not be scanned
    # once per date (quadratic).
    breaks = [m.start() for m in _NEWLINE.finditer(body)]
    compact: dict[tuple[int, int], str] = {}
    for m in reversed(full):
        k = bisect.bisect_left(breaks, m.start)
        line_start = breaks[k - 1] + 1 if k > 0 else 0
        k = bisect.bisect_left(breaks, m.end)
        line_end = breaks[k] if k < len(breaks) else len(body)
        if _QA_AT.match(body, line_start, line_end):
            continue
        key = (line_start, line_end)
        if key not in compact:
            compact[key] = _SEAL_LEAD_RE.sub("", _SEAL_REMARK_RE.sub("", _TIME_REMARK_RE.sub(
                "", _WAY_REMARK_RE.sub("", SPACE_RE.sub("", body[line_start:line_end])))))
        line = compact[key]
        # Nor is a period's end a signature date: a table after the signature, its row "2024年1月13日 / 至2024年2月12日"
        # wrapped onto a line of its own (held-out ind_dt08's 批准延长侦查羁押期限决定书).
        if line.startswith(_RANGE_END_LEADS):
            continue
        # Essentially a date, and not a labelled field of the form ("结束时间：2023年7月2日9时30分" dates an event).
        # The labels end right before the date: a short window is searched, not the line up to it.
        window = max(line_start, m.start - _LABEL_WINDOW)
        # A table form's field loses its colon ("受理日期 2023-05-04"): still a field.
        if len(SPACE_RE.sub("", m.text)) >= 0.7 * len(line) and not _FIELD_LABEL_RE.search(body, window, m.start) \
                and not _DATE_LABEL_RE.search(body, window, m.start):
            return m.as_date()
        # The organ's name and the date on one signature line ("长沙市公安局岳麓分局 二〇二三年五月十五日").
        # (a seal remark may close the line: "检察长（印）  二〇二四年三月四日（院印）", held-out ind_do01)
        rest = SPACE_RE.sub("", body[m.end : line_end])
        if line_start >= tail_start and (not rest or _SEAL_REMARK_RE.fullmatch(rest)):
            before = _SEAL_LEAD_RE.sub("", _SEAL_REMARK_RE.sub("", SPACE_RE.sub("", body[line_start : m.start])))
            # (the organ's bare kind as its seal shows it: "公安局（印）  二〇二三年二月八日", ind_dh10)
            if before and (ORGAN_IN_TEXT_RE.fullmatch(before) or _BARE_ORGAN_RE.fullmatch(before)
                           or _SIGNING_DEPARTMENT_RE.fullmatch(before) or _SIGNING_BODY_RE.fullmatch(before)):
                return m.as_date()
            # Or a signer, then the organ with its seal, then the date: "局长（签名）：倪某 海州市公安局云台分局（印）
            # 二〇一九年五月六日" (ind_ag09).
            if before and _SIGNER_THEN_ORGAN_RE.search(before):
                return m.as_date()
            if _TITLE_SEALED_RE.fullmatch(SPACE_RE.sub("", body[line_start : m.start])):
                return m.as_date()
            # A one-line document signed at the end of its last sentence ("…现重新移送审查起诉。重庆市公安局渝中区分局
            # 二〇二〇年二月七日", "…直接向人民法院起诉. 2020年4月24日"): after the last stop, nothing but the organ,
            # and the date ends the whole text.
            stops = [x.end() for x in _SENTENCE_STOP_RE.finditer(body, line_start, m.end) if x.end() <= m.start]
            signed_off = body[stops[-1] : m.start] if stops else None
            if (signed_off is not None and not _NON_SPACE.search(body, m.end)
                    and (not signed_off.strip() or ORGAN_IN_TEXT_RE.fullmatch(SPACE_RE.sub("", signed_off)))):
                return m.as_date()
        if labelled is None and line_start >= tail_start:
            # A signer's date may share its line with the next signer's field ("领取人：徐某  2024.3.28    经办人：李某").
            rest = body[m.end : line_end]
            approved = _APPROVAL_CELL_RE.search(body, window, m.start)
            signer = (_SIGNER_RE.search(body, window, m.start) or _TITLED_SIGNER_RE.search(body, window, m.start)
                      or approved)
            signed = signer and (_EMPTY_CELLS_RE.fullmatch(rest) or _NEXT_SIGNER_RE.match(rest))
            if approved and signed and _APPROVAL_TABLE_RE.search(body):
                # In a form's table of approvals the approval signed last decides it ("领导审批 同意立案 邱国华 2021年3月2日"
                # after the officer's row, its date wrapped onto a line of its own, ind_bm01). A report signed and dated
                # by its officers, then endorsed ("批示：同意。…2021年4月8日"), keeps its own date (ind_a04).
                return m.as_date()
            if _DATE_LABEL_RE.search(body, window, m.start) or signed:
                labelled = m.as_date()
    return labelled


def _tail_start(body: str) -> int:
    """Where the last SIGNATURE_LINES non-empty lines begin."""
    ends = [m.start() for m in re.finditer(r"\n[\s\u3000]*(?=\S)", body)]
    return ends[-SIGNATURE_LINES] if len(ends) >= SIGNATURE_LINES else 0
