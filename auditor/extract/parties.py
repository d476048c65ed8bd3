"""Parties named in a document: suspects, defendants, victims, witnesses.

A party is introduced the way every case document does it: role, name, then gender, birth date and
ID number ("犯罪嫌疑人黄佳男，男，1976年4月17日生，…居民身份证号码为：…"). Names may be masked
(某/某某/*/X). Where a role word is followed by a name without that introduction, the name is
delimited by the part-of-speech tagger (or the mask pattern), so "被告人何某对指控…" gives 何某.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from auditor.lexicon import doc_type_organ, load_yaml
from auditor.model import Document, PartyMention
from auditor.text.dates import find_dates, is_birth_date
from auditor.text.ids import id_checksum_ok
from auditor.text.tokens import DOTTED_NAME, FIELD_LABELS, MASK_CHARS, leading_name
from auditor.text.view import TextView, text_view

# Longest first: "被告人" must not be read inside "被告人" of another role, "嫌疑人" inside "犯罪嫌疑人".
# 被讯问人 / 被宣布人 / 被保证人 head a 讯问笔录, a 宣布笔录 and a 保证书: only a suspect is interrogated, hears a
# decision against him announced or is vouched for by a guarantor. A 监察委员会 names its suspect 被调查人.
# A victim who died is represented by a relative ("被害人近亲属曹某某"), who receives the decisions in his place.
# A warrant's stub heads its person 被拘留人 / 被逮捕人 ("被逮捕人：邱某 性别：男", ind_ct01); the detained person's
# family ("被拘留人家属：…") is not he.
ROLES = ("犯罪嫌疑人", "被附条件不起诉人", "被不起诉人", "被取保候审人", "被监视居住人", "被讯问人", "被宣布人", "被保证人", "被调查人", "被告人",
         "被拘留人", "被逮捕人", "被害人近亲属", "被害人家属", "被害人法定代理人", "被害人", "证人", "嫌疑人")
SUSPECT_ROLES = frozenset({"犯罪嫌疑人", "被附条件不起诉人", "被不起诉人", "被取保候审人", "被监视居住人", "被讯问人", "被宣布人", "被保证人",
                           "被调查人", "被告人", "被拘留人", "被逮捕人", "嫌疑人"})
_ROLE_PATTERNS = {"证人": r"(?<!保)证人",  # a 保证人 (bail guarantor) is no 证人
                  "被拘留人": r"被拘留人(?!家属|亲属|的)", "被逮捕人": r"被逮捕人(?!家属|亲属|的)"}

_ROLE = "|".join(_ROLE_PATTERNS.get(r, r) for r in ROLES)
_CJK = "\u4e00-\u9fff"
_MASKCH = MASK_CHARS
_NAME = rf"(?:{DOTTED_NAME}|[{_CJK}{_MASKCH}][{_CJK}·{_MASKCH}]{{1,7}}?[0-9]?)"
# Something must separate a name from its gender ("黄佳男，男" is 黄佳男, not 黄佳 + 男).
_SEP = r"(?:[，,。.、（(:：；;]+(?:性别[:：]?)?|性别[:：]?)"
# A form's next field label may follow the gender directly once spaces are gone ("性别：男　民族：汉族").
_NEXT_FIELD = rf"(?:{'|'.join(FIELD_LABELS)})[{_CJK}]{{0,4}}[:：]"  # 出生日期：, 身份证件种类及号码：
# A second instance names the appellant by his first-instance role in brackets: "上诉人（原审被告人）向某（乳名某），男".
# An OCR'd form loses the colons too: "被讯问人骆某性别男民族壮族". A form's section heading may come between the role and
# the name: "一、犯罪嫌疑人身份信息\n钱海，男，…" (the 认罪认罚具结书, ind_af04).
_GLUED_FIELD = r"(?:民族|年龄|出生|(?:公民|居民)?身份|文化程度|户籍|现住)"
_INTRO_BODY = (
    rf"(?P<role>{_ROLE})(?:(?<=被告人)[）)])?(?:[:：]|自报|姓名[:：]?|身份信息[:：]?(?:本人(?:姓名)?[:：]?|姓名[:：]?)?)?(?P<name>{_NAME})"
    rf"(?:[（(][^）)，。]{{0,20}}[）)]|[（(](?:曾用名|别名|化名|绰号|乳名|小名)[^（）()。]{{1,30}}[）)])?(?:[，,](?:曾用名|别名|化名|绰号)[:：]?[^，,。（(]{{1,12}})?{_SEP}(?P<gender>[男女])(?:性)?"
)
_INTRO = re.compile(_INTRO_BODY + rf"(?=[，,。.、（()）\s；;_＿]|$|{_NEXT_FIELD}|{_GLUED_FIELD})")
# …or the gender ends its line or its cell, whatever follows ("犯罪嫌疑人：柯某 性别：女\n批准逮捕机关：…", ind_bx09): the view
# has no whitespace, the original has.
_INTRO_SPACED = re.compile(_INTRO_BODY)
# Forms: "犯罪嫌疑人姓名  刘景全____" (讯问笔录 header).
# The next field may follow the name with no gap ("犯罪嫌疑人姓名：黄佳男别名:无曾用名：无", an OCR'd 讯问笔录, real round bb).
_FORM = re.compile(rf"(?P<role>{_ROLE})姓名[:：]?(?P<name>[{_CJK}{_MASKCH}][{_CJK}·{_MASKCH}]{{1,5}}?)"
                   rf"(?=[_＿\s，,。;；]|$|别名|曾用名|绰号|{'|'.join(FIELD_LABELS)})")
_ROLE_ONLY = re.compile(rf"(?P<role>{_ROLE})(?:自报)?")
# A name with its details in brackets and no gender outside them: "系犯罪嫌疑人刘梓涵（2006年3月9日出生，公民身份号码…）".
_BRACKETED = re.compile(rf"(?P<role>{_ROLE})(?P<name>[{_CJK}]{{2,4}})[（(]"
                        rf"(?:(?P<gender>[男女])(?=[，,、）)])|(?=[0-9０-９]{{4}}年|[一二〇○]{{4}}年|(?:公民|居民)?身份))")
# A 笔录's answer giving the person's own details ("答：我叫邓凯，1996年9月12日出生，公民身份号码…"): a mention of the
# person the head names (被讯问人 邓凯), with that role; an answer naming nobody the head names is not read.
_SELF = re.compile(rf"(?:我叫|我的名字叫|本人姓名)(?P<name>[{_CJK}]{{2,4}}?)(?=[，,。；;（(]|$)")
_HEAD_ROLE = re.compile(r"(?P<role>被讯问人|被宣布人)[:：]?")
# The national form for administrative and criminal cases (行政刑事通用) heads its record "被询问/讯问人X性别…"; OCR
# garbles the first half ("被梅料/讯问人", "被與两/讯问人"). In a 讯问笔录 the person is the one interrogated.
_SLASH_HEAD = re.compile(rf"被[^\s/／]{{1,3}}[/／]讯问人[:：]?(?P<name>[{_CJK}]{{2,4}}?)(?=性别|[_＿，,（(：:]|$)")
# A form's bare name field ("姓名：付强  性别：男  出生日期：…" on a 拘留证, "本人姓名周健国，性别男，…" in a 具结书):
# whose it is, the form's text says with a role word elsewhere ("兹决定对犯罪嫌疑人付强执行拘留"); the field gives
# where the name ends, and the details.
_NAME_FIELD = re.compile(rf"姓名[:：]?(?P<name>{DOTTED_NAME}|[{_CJK}]{{2,4}}?)"
                         rf"(?={'|'.join(FIELD_LABELS)}|曾用名|别名|[，,。；;（(]|$)")
_GENDER_FIELD = re.compile(r"[，,]?性别[:：]?(?P<gender>[男女])")
_NAME_HEAD = re.compile(rf"[{_CJK}][{_CJK}·]")
# The warrant forms (拘留证, 逮捕证) introduce their person without a role word: "兹决定对涉嫌盗窃罪的张某（性别男，
# 出生日期1990年3月7日，住址…）执行拘留", a 拘留通知书 "将涉嫌诈骗罪的陈某（公民身份号码…）刑事拘留". The bracket must
# open with 性别, the gender itself ("的吴骏（男，1988年1月30日出生…"), the ID number, or the birth date ("的赵文彬（1991年8月8日
# 出生，住…）", ind_af03), or the address field ("的许志朋（住址：清江市…）", a 逮捕通知书, ind_bj10) for this to be an
# introduction.
# (the charge may be written without its 罪: "对涉嫌寻衅滋事的王某然（男，…）执行逮捕", held-out ind_hi03)
# (a charge holding 的 keeps its 罪: "涉嫌收买被拐卖的儿童罪的郑某旺（", ind_aq05)
_WARRANT = re.compile(rf"涉嫌(?:[{_CJK}、]{{1,24}}?罪|[{_CJK}、]{{1,24}}?)的(?P<name>{_NAME})[（(]"
                      rf"(?:(?:性别[:：]?)?(?P<gender>[男女])(?=[，,、；;）)\s])|(?=(?:公民|居民)?身份(?:证)?号码|护照)"
                      r"|(?=出生日期|\d{4}年\d{1,2}月\d{1,2}日(?:出生|生))|(?=住址[:：]))")
# A word that starts like this after a role word is not a name ("被告人对…", "被告人的…").
_COPULA_AFTER_NAME = set("系是因于在将对被")
_NOT_NAME_START = set("的在对及等均于因涉犯已系是应经被并与和称供到自其当亦表有无未不")
# A masked name may keep its last character ("王*明"), but not a word that follows the name ("冯ｘ犯抢夺罪", "柴ｘｘ背着
# 包", "柴ｘｘ报警", "柴ｘｘ所有").
_AFTER_MASK_NOT_NAME = "".join(sorted(_NOT_NAME_START | set("背报所向从为将持驾携")))
_MASKED = re.compile(rf"[{_CJK}](?:某{{1,2}}[甲乙丙丁0-9]?|[{_MASKCH}]{{1,3}}(?:(?![{_AFTER_MASK_NOT_NAME}])[{_CJK}])?)[0-9]?")
# Labels of an ID number; a 笔录 head: "身份证件种类及号码：居民身份证 370102199504121539".
_ID_LABEL = r"(?:身份证件种类及号码[:：]?(?:居民身份证)?|公民身份号码|居民身份证号码|身份证件号码|身份证号码|身份证号|身份号码|身份证)"
# A role, a name and his ID number, no gender: "犯罪嫌疑人：周某伟，公民身份号码500233198108064632" (one line per person
# under a 批准延长侦查羁押期限决定书, held-out ind_gq07).
# (the field's colon required: "我叫凌某军，被保证人之父，公民身份号码…" names the father, ind_db07)
_ID_INTRO = re.compile(rf"(?P<role>{_ROLE})[:：](?P<name>(?![之的])(?:{_NAME}))[，,][ \t]*(?={_ID_LABEL})")
_ID = re.compile(
    _ID_LABEL + r"(?:为|是)?[:：]?"
    # 18 characters; the 15 digits of a pre-1999 card; a run of 16-19 that something other than a digit ends (a digit
    # dropped or doubled: written so, it is compared, not cut to 15, ind_ck08; a run the window cuts may go on past the
    # line, ind_bn09); a masked number
    rf"(?P<id>[0-9]{{17}}[0-9Xx](?![0-9])|[0-9]{{15}}(?![0-9Xx])|[0-9]{{16,19}}[Xx]?(?=[^0-9])|[0-9Xx{_MASKCH}]{{3,18}})"
)
_ID_BROKEN = re.compile(r"([0-9]{6,17})\s([0-9]{1,12}[0-9Xx]?|[Xx](?![A-Za-z]))")  # "…079\nX": the check letter wrapped
# …anywhere, even after its first digit ("公民身份号码3" / "70102199612111514", ind_bn05): the check digit decides.
_ID_SPLIT = re.compile(_ID_LABEL + r"(?:为|是)?[:：]?[ \t]*(?P<a>[0-9]{1,17})\s(?P<b>[0-9]{1,17}[0-9Xx]?)(?![0-9])")
# A foreigner's passport, or the permit of a resident of Hong Kong, Macao or Taiwan: his identity number in the dossier
# ("护照号码：754128893", "护照号E12345678", "港澳居民来往内地通行证号码H60213457", "台胞证号码：01234567", ind_cw01).
_PASSPORT = re.compile(r"(?:护照|港澳居民来往内地通行证|港澳居民居住证|回乡证|台湾居民来往大陆通行证|台湾居民居住证|台胞证)"
                       r"(?:号码|号)?(?:为|是)?[:：]?\s*(?P<passport>[A-Z]{0,2}[0-9]{6,10})")
# Words the tagger may take for a name after a role word ("被害人陈述：…").
_NOT_NAMES = frozenset({"陈述", "供述", "证言", "辩解", "身份", "信息", "笔录", "签名", "捺印", "权利", "义务"})
_WINDOW = 160  # characters after the name searched for birth date and ID number


@dataclass
class Party:
    name: str
    role: str
    gender: str | None = None  # 男 | 女
    birth_date: str | None = None  # ISO
    id_number: str | None = None  # as written (may be masked)
    id_valid: bool | None = None  # GB 11643 checksum; None when masked or not checkable (15 digits)
    passport: str | None = None
    start: int = 0  # offsets into the text given
    end: int = 0

    @property
    def is_suspect(self) -> bool:
        return self.role in SUSPECT_ROLES


def find_parties(text: str) -> list[Party]:
    """Every party introduced or named with a role in `text` (first mention per name and role)."""
    return _find(text_view(text))


def _innermost(regex: re.Pattern[str], t: str, m: re.Match[str]) -> re.Match[str]:
    """A form's heading before its field ("被告人信息 被告人梁越，男"): the name is the inner role's, not "信息被告人梁越"."""
    inner = _ROLE_ONLY.search(m.group("name"))
    if inner is None:
        return m
    again = regex.match(t, m.start("name") + inner.start())
    return again if again is not None and again.end() == m.end() else m


def _space_after(view: TextView, end: int) -> bool:
    """Did whitespace (a line break, a cell's gap) follow view position `end` in the original text?"""
    return end >= len(view.orig) or (end > 0 and view.orig[end] - view.orig[end - 1] > 1)


def _find(view: TextView) -> list[Party]:
    t = view.text
    found: dict[tuple[str, str], Party] = {}
    spans: list[tuple[int, int]] = []
    for regex in (_INTRO, _FORM, _WARRANT, _BRACKETED, _ID_INTRO, _INTRO_SPACED):
        for m in map(functools.partial(_innermost, regex, t), regex.finditer(t)):
            if regex is _INTRO_SPACED and not _space_after(view, m.end()):
                continue
            name = m.group("name")
            if _bad_name(name, delimited=True):
                continue
            role = m.groupdict().get("role") or "犯罪嫌疑人"
            key = (name, role)
            spans.append((m.start(), m.end()))
            if key in found:
                continue
            party = Party(name=name, role=role, gender=m.groupdict().get("gender"))
            _details(party, t[m.end() : _window_end(t, m.end())])
            party.start, party.end = view.to_orig(m.start(), m.end())
            found[key] = party
    for m in _SLASH_HEAD.finditer(t):
        name = m.group("name")
        if _bad_name(name, delimited=True) or (name, "被讯问人") in found:
            continue
        party = Party(name=name, role="被讯问人")
        gender = _GENDER_FIELD.match(t, m.end())
        party.gender = gender.group("gender") if gender else None
        _details(party, t[m.end() : _window_end(t, m.end())])
        party.start, party.end = view.to_orig(m.start(), m.end())
        found[(name, party.role)] = party
        spans.append((m.start(), m.end()))
    for m in _SELF.finditer(t):
        name = m.group("name")
        head = next((h for h in _HEAD_ROLE.finditer(t, 0, m.start()) if t.startswith(name, h.end())), None)
        if head is None or (name, head.group("role")) in found:
            continue
        party = Party(name=name, role=head.group("role"))
        _details(party, t[m.end() : _window_end(t, m.end())])
        party.start, party.end = view.to_orig(m.start(), m.end())
        found[(name, party.role)] = party
        spans.append((m.start(), m.end()))
    known = {p.name for p in found.values()}
    fields = {m.group("name"): m for m in _NAME_FIELD.finditer(t) if not _bad_name(m.group("name"), delimited=True)}
    for m in _ROLE_ONLY.finditer(t):
        if any(s <= m.start() < e for s, e in spans) or _COUNTED_ROLE.search(t, max(0, m.start() - 2), m.start()):
            continue
        field = next((f for name, f in fields.items() if t.startswith(name, m.end()) and name not in known), None)
        # A name its ID number or birth date follows at once ("犯罪嫌疑人罗文斌，公民身份号码4415…", held-out ind_gx05):
        # the whole run before the comma, whatever the tagger splits ("罗文|斌").
        detailed = _DETAILED_NAME.match(t, m.end())
        name = field.group("name") if field else (
            detailed.group("name") if detailed and detailed.group("name")[0] not in _NOT_DETAILED_START
            and not _bad_name(detailed.group("name"), delimited=True)
            else _name_at(t, m.end(), known))
        if name is None and m.group("role") in _HEAD_ROLES:
            name = _head_value(view, m.end())  # "被讯问人：杨某某\nFOLLOWING ARE RECORDE" (OCR): the field's value
        if name is None or (name, m.group("role")) in found or any(w in name for w in _NOT_IN_NAME):
            continue
        if m.group("role") in _HEAD_ROLES and not (_labelled(view, m.end()) or _labelled(view, m.end() + len(name))
                                                   or t.startswith(("_", "＿"), m.end() + len(name))):
            continue  # "被讯问人通晓汉语" is wording; a head's field is "被讯问人：X", "被讯问人  X" or a line "被讯问人X"
        party = Party(name=name, role=m.group("role"))
        if field is not None:  # the form's fields describe the person its text names
            gender = _GENDER_FIELD.match(t, field.end())
            party.gender = gender.group("gender") if gender else None
            _details(party, t[field.end() : _window_end(t, field.end())])
        elif (intro := _DETAILS_NEXT.match(t, m.end() + len(name))) is not None:
            # "犯罪嫌疑人庞振宇，公民身份号码5301…，因涉嫌…" (ind_z02): the details right after the name, to the clause's end
            stop = _DETAILS_STOP.search(t, intro.end())
            _details(party, t[intro.end() : min(_window_end(t, intro.end()), stop.start() if stop else len(t))])
        party.start, party.end = view.to_orig(m.start(), m.end() + len(name))
        found[(name, party.role)] = party
    return sorted(found.values(), key=lambda p: p.start)


# A list under one role word ("犯罪嫌疑人罗俊杰、邓子豪、潘美龄涉嫌…") names its later people without the role: a later
# item written one character off a suspect this document introduces with his details is his name written another way
# (held-out ind_eq02: 潘美玲 in the head, 潘美龄 in the facts). The item ends where the list or the clause goes on, and
# its odd character is no function word ("潘美等人" is no name).
_LIST_ITEM_END = "、，,。；;（(和及与等涉被于因均系在已的将"
_LIST_HEAD = re.compile(rf"(?:{'|'.join(sorted(SUSPECT_ROLES, key=len, reverse=True))})(?P<items>[{_CJK}]{{2,4}}(?:、[{_CJK}]{{2,4}})*)$")
_NOT_NAME_CHAR = set("等的于涉被因均系在已和及与将为是")


def _listed_spellings(t: str, found: list[Party]) -> list[Party]:
    introduced = [p for p in found if p.is_suspect and (p.birth_date or p.id_number)]
    known = {p.name for p in found}
    suspects = {p.name for p in found if p.is_suspect}
    out: dict[str, Party] = {}
    for sep in re.finditer("、", t):
        # a list of the document's suspects under their role word ("证人黎桂芳、覃志刚的证言" is witnesses', held-out ind_ay02)
        head = _LIST_HEAD.search(t, max(0, sep.start() - 40), sep.start())
        if head is None or not (set(head.group("items").split("、")) <= suspects):
            continue
        at = sep.end()
        for p in introduced:
            cand = t[at : at + len(p.name)]
            if (cand in known or cand in out or len(cand) != len(p.name) or t[at + len(p.name) : at + len(p.name) + 1]
                    not in _LIST_ITEM_END or not t[at + len(p.name) : at + len(p.name) + 1]):
                continue
            odd = [c for c, d in zip(cand, p.name, strict=True) if c != d]
            if len(odd) != 1 or odd[0] in _NOT_NAME_CHAR or not re.fullmatch(rf"[{_CJK}]+", cand) or cand[0] != p.name[0]:
                continue
            out[cand] = Party(name=cand, role=p.role, start=at, end=at + len(cand))
    return list(out.values())


# A role counted or pointed back to names nobody new ("不足以对二被告人从宽处罚", real round bf; "各被告人", "上述被告人").
_COUNTED_ROLE = re.compile(r"(?:[二两三四五六七八九十各该诸]|上述|前述|全体|多名|数名)$")
# A name introduced by its role alone, then its ID number or birth date at once ("犯罪嫌疑人庞振宇，公民身份号码…").
_DETAILS_NEXT = re.compile(rf"[，,（(]\s*(?=(?:{_ID_LABEL}|出生日期)[为是]?[:：]?\s*\d)")
_DETAILS_STOP = re.compile(r"[。；;]")
# …not a kinship after the role ("保证人：彭某军，系被取保候审人之父，身份证号…", held-out ind_fg02)
_NOT_DETAILED_START = frozenset("之") | _NOT_NAME_START
_DETAILED_NAME = re.compile(rf"(?P<name>[\u4e00-\u9fff]{{2,4}}){_DETAILS_NEXT.pattern}")

_HEAD_ROLES = frozenset({"被讯问人", "被宣布人", "被保证人"})
RECORD_HEAD_ROLES = _HEAD_ROLES  # roles only a record's or a pledge's head gives


def _head_value(view: TextView, pos: int) -> str | None:
    """A head field's value after its colon: two to four CJK characters up to the next whitespace of the original."""
    t = view.text
    if pos >= len(t) or t[pos] not in ":：":
        return None
    start = end = pos + 1
    while end < len(t) and "\u4e00" <= t[end] <= "\u9fff" and (end == start or view.orig[end] == view.orig[end - 1] + 1):
        end += 1
    gap = end == len(t) or view.orig[end] > view.orig[end - 1] + 1
    return t[start:end] if 2 <= end - start <= 4 and gap else None


def _labelled(view: TextView, pos: int) -> bool:
    """A field label ends at view offset `pos`: a colon or whitespace (removed from the view) follows it."""
    if pos >= len(view.text):
        return False
    return view.text[pos] in ":：" or view.orig[pos] > view.orig[pos - 1] + 1


# Surnames that are also words a role is followed by ("被告人于2019年…"): a name where an introduction's shape (a
# bracket, a gender, a form field) delimits it — "涉嫌…罪的于海洋（性别男", "被讯问人：于海洋 性别：男".
# 其 opens Mongolian names ("犯罪嫌疑人其其格，女", ind_bh01), but "其妻…" is his wife.
_SURNAMES_AMONG_WORDS = frozenset("于应其")
_KIN = frozenset("妻夫子女父母兄弟姐妹")


# Words no name holds: what follows a role word in an order ("责令被取保候审人提出保证人胡建设（男，…）", ind_bn10).
# …nor a seal's words under a signature field left to the hand ("被讯问人：[手写]\n专用章", ind_i10).
_NOT_IN_NAME = ("保证人", "嫌疑人", "被害人", "证人", "代理人", "辩护人", "提出", "责令", "专用章", "公章", "印章", "盖章")


# A heading after the role word ("一、犯罪嫌疑人基本情况" / "陶秀梅，女，…", held-out ind_dy01): the name is on the next
# line, introduced there without a role word (_introduced_without_role).
_HEADING_WORDS = ("基本情况", "身份情况", "基本信息", "情况", "信息")


def _bad_name(name: str, delimited: bool = False) -> bool:
    if any(w in name for w in _NOT_IN_NAME) or name.startswith(_HEADING_WORDS):
        return True
    if delimited and name[0] in _SURNAMES_AMONG_WORDS and 2 <= len(name) <= 4:
        return name.startswith(("姓名", "自报")) or (name[0] == "其" and name[1] in _KIN)
    if name[0] in _SURNAMES_AMONG_WORDS and "·" in name[2:]:
        return False  # a transliterated name with its dot is delimited by it ("于连·勒菲弗", ind_as07)
    return name[0] in _NOT_NAME_START or name.startswith(("姓名", "自报", "本人"))


def _window_end(t: str, pos: int) -> int:
    """The introduction runs to the next role word or at most _WINDOW characters."""
    nxt = re.compile(_ROLE).search(t, pos, pos + _WINDOW)
    return nxt.start() if nxt else min(len(t), pos + _WINDOW)


# A letter OCR reads for a digit inside a run of digits ("34112119961103221O", held-out ind_fm01): the digit.
_OCR_DIGIT = re.compile(r"(?<=[0-9])[OoＯlI](?=[0-9]|[^0-9A-Za-z]|$)|[OoＯlI](?=[0-9]{5})")
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "Ｏ": "0", "l": "1", "I": "1"})


def _digits_read(window: str) -> str:
    """`window` with letters OCR put among an ID number's digits read as the digits (one for one: offsets stay)."""
    return _OCR_DIGIT.sub(lambda m: m.group(0).translate(_OCR_DIGITS), window)


def _details(party: Party, window: str) -> None:
    window = _digits_read(window)
    for d in find_dates(window):
        if d.year is not None and is_birth_date(window, d):
            party.birth_date = d.iso
            break
    m = _ID.search(window)
    if m:
        party.id_number = m.group("id")
        party.id_valid = id_checksum_ok(party.id_number)
        # A PDF line may break inside the number ("320583199002" / "142170"): its two parts make one valid number.
        broken = _ID_BROKEN.match(window, m.start("id"))
        if broken and len(joined := broken.group(1) + broken.group(2)) == 18 and id_checksum_ok(joined):
            party.id_number, party.id_valid = joined, True
        elif broken and len(broken.group(1)) < 15 and 16 <= len(joined) <= 19:
            # written a digit short or long, and broken over the line (ind_ck08; the window is one line)
            party.id_number = joined
        elif m.end("id") == len(window) and party.id_number.isdigit() and len(party.id_number) not in (15, 18):
            party.id_number = None  # the window ends inside the number: the rest is on the next line (ind_bn09)
    if not party.id_valid and (split := _ID_SPLIT.search(window)):
        joined = split.group("a") + split.group("b")
        if len(joined) == 18 and id_checksum_ok(joined):
            party.id_number, party.id_valid = joined, True
    passport = _PASSPORT.search(window)
    if passport:
        party.passport = passport.group("passport")


# "韩某兴、李某隆": a published text may mask only the middle of a name. The character after "韩某" is the name's when
# the three characters stand somewhere as a whole name, before a separator ("韩某兴、"); else it is the next word
# ("张某用刀").
_NAME_END = r"、，,。；;（(：:\s"


def _masked_given_name(t: str, masked: str, pos: int) -> str:
    if len(masked) != 2 or masked[1] != "某" or pos + 2 >= len(t):
        return masked
    last = t[pos + 2]
    if not re.match(f"[{_CJK}]", last) or last in _AFTER_MASK_NOT_NAME or last == "某":
        return masked
    whole = masked + last
    return whole if re.search(re.escape(whole) + f"[{_NAME_END}]", t) else masked


def _name_at(t: str, pos: int, known: set[str]) -> str | None:
    """The name right after a role word at `pos`: a known name, a masked name, or the tokenizer's word."""
    for name in sorted(known, key=len, reverse=True):
        if t.startswith(name, pos):
            return None  # already introduced; not a new party
    m = _MASKED.match(t, pos)
    if m:
        return _masked_given_name(t, m.group(0), pos)
    window = t[pos : pos + 8]
    if len(window) < 2 or window[0] in _NOT_NAME_START or not _NAME_HEAD.match(window):
        return None  # the tagger's name would not be two CJK characters long: no need to ask it
    name = leading_name(window)
    if not name or name in _NOT_NAMES or not re.fullmatch(f"[{_CJK}·]+", name):
        return None
    # The tokenizer glues a copula to a two-character name ("朱俊系结伙作案的…"): cut it off.
    if len(name) == 3 and name[-1] in _COPULA_AFTER_NAME:
        name = name[:2]
    return name


# --- mentions per document, parties per case -----------------------------------------------------------------

# The address ends at a bracket closing the introduction too ("的许志朋（住址：…601室）逮捕", ind_bj10).
_ADDRESS = re.compile(r"(?:住址|现住址|现住|户籍所在地|户籍地|住)[:：为]?\s*(?P<addr>[^，,。；;\n（()）]{4,40})")
_BIRTH_SPAN_WINDOW = 200
_MASKED_NAME = re.compile(rf"某|[{_MASKCH}]")


# A co-suspect whose case is handled apart ("同案犯罪嫌疑人白某…，另案处理"): a party, not this case's suspect.
OTHER_CASE_ROLE = "另案处理人"
# The words are the ones an act's bracketed aside is checked for (actions.yaml other_case_asides); a mention's
# own sentence also counts a bare "另案" ("系另案人员").
@functools.cache
def _other_case() -> re.Pattern[str]:
    return re.compile("|".join([*load_yaml("actions.yaml")["other_case_asides"], "另案"]))


@functools.cache
def _other_case_before() -> re.Pattern[str]:
    """The same words right before the role ("另案处理的被告人付亚勇", "另案被告人X"); 同案犯罪嫌疑人 alone is a
    co-suspect of this case."""
    return re.compile(f"(?:{_other_case().pattern})的?$")


_IN_PASSING = ("同案", "同伙")  # "同案犯罪嫌疑人张伟（1990年11月30日出生）…" in another suspect's document


def named_in_passing(text: str, mention: PartyMention) -> bool:
    """The mention names a co-suspect of this case in another suspect's document ("同案犯罪嫌疑人张伟（…）")."""
    return text[max(0, mention.start - 2) : mention.start].endswith(_IN_PASSING)


def _co_defendant_in_passing(text: str, p: Party) -> bool:
    """A judgment or ruling names a co-defendant of the earlier trial only in passing ("同案被告人林永飞、余万胜的供述"),
    never introducing him with his details: he is not tried here (real round ao, caiding_08)."""
    return (not (p.gender or p.birth_date or p.id_number) and text[max(0, p.start - 2) : p.start].endswith(_IN_PASSING)
            and not re.search(rf"(?:被告人|上诉人|被申诉人|罪犯){re.escape(p.name)}[，,（(]", text))


def _handled_elsewhere(text: str, p: Party) -> bool:
    """The mention's own sentence says the person is handled in another case (and not in brackets after another
    name: "伙同李某（另案处理）" is about 李某)."""
    if _other_case_before().search(text, max(0, p.start - 8), p.start):
        return True
    end = min([i for i in (text.find("。", p.end), text.find("；", p.end)) if i >= 0] or [len(text)])
    for m in _other_case().finditer(text, p.end, end):
        bracket = text.rfind("（", p.end, m.start())
        if (bracket >= 0 and text.find("）", bracket, m.start()) < 0 and not text[:bracket].endswith(p.name)
                and not (text.startswith("均", bracket + 1) and _NAME_LIST_REST.fullmatch(text, p.end, bracket))):
            continue  # about the name right before the bracket, unless it says 均 after a list ("梁明、戴学森（均已判刑）")
        if re.compile(_ROLE).search(text, p.end, m.start()):
            continue  # another party is introduced in between: the words are about that one
        return True
    return False


_NAME_LIST_REST = re.compile(rf"(?:[、和及][{_CJK}]{{2,4}})+")

_INVESTIGATION_ROLES = frozenset({"犯罪嫌疑人", "嫌疑人"})


# A decision may introduce its person at the head of a line with no role word ("薛文斌，男，身份证号…，1983年9月27日出生"):
# the person the decision is about, in the role the document type gives (lexicons/doc_types.yaml has no roles; the
# few kinds that do this are listed here). A form's opening words are no name ("兹有易佳，性别女，…").
_HEADLESS_INTRO = re.compile(rf"^[ \t\u3000]*(?![兹现今经据因查])(?P<name>[{_CJK}]{{2,4}})[，,](?:性别[:：]?)?[男女][，,][^\n]*?(?:出生|身份证|公民身份号码)",
                             re.M)
# …or details in brackets after the name, paragraph after paragraph under a heading ("犯罪嫌疑人基本情况：" /
# "欧阳靖（男，汉族，1979年5月23日生，身份证号码…），2021年3月27日被刑事拘留…", held-out ind_dy06).
_HEADLESS_BRACKET_INTRO = re.compile(
    rf"^[ \t\u3000]*(?![兹现今经据因查])(?P<name>[{_CJK}]{{2,4}})[（(](?:性别[:：]?)?[男女][，,、][^）)]*?(?:出生|日生|身份证|公民身份号码)",
    re.M)
_HEADLESS_CHAIN = 240  # characters from one bracketed introduction's end to the next: the same list goes on
_HEADLESS_ROLE = {"不起诉决定书": "被不起诉人", "附条件不起诉决定书": "被附条件不起诉人", "起诉书": "被告人"}
# A warrant or measure form names its person as the object of the order, details in brackets ("…的规定，对任海龙（男，
# 1989年1月17日出生，公民身份号码…）执行逮捕", ind_x06): in these documents only, where the object of 对 can be no
# one else.
_ORDER_OBJECT = re.compile(rf"对(?P<name>[{_CJK}]{{2,4}})[（(](?:性别[:：]?)?[男女][，,、]")
_ORDER_TYPES = frozenset({"拘留证", "逮捕证", "拘传证", "传唤证", "监视居住决定书", "取保候审决定书"})
# A list of people introduced with their details in brackets under one role word: "犯罪嫌疑人彭志强（男，…）、易军（男，
# 1988年5月5日出生，公民身份号码…）涉嫌…" (ind_w04): the second has the first one's role.
_LIST_NEXT = re.compile(rf"[）)][、和及](?P<name>[{_CJK}]{{2,4}})[（(](?:性别[:：]?)?[男女][，,、]")
_HEADLESS_REACH = 400  # characters from the document's start: the head, not a list of witnesses further down


def _introduced_without_role(doc: Document, found: list[Party]) -> list[Party]:
    """People introduced without a role word of their own: at the head of a line (the role the document type gives),
    as the object of a warrant's order, or second in a list under one role word."""
    named = {p.name for p in found if p.gender or p.birth_date or p.id_number}
    out = []
    for m in _HEADLESS_INTRO.finditer(doc.text, 0, min(len(doc.text), _HEADLESS_REACH + 200)):
        # (not a line wrapped inside a role word: "…。；犯罪嫌疑" / "人石磊，男，…", held-out ind_ge06)
        if m.start() > _HEADLESS_REACH or m.group("name") in named or _wrapped_role(doc.text, m):
            continue
        line_end = doc.text.find("\n", m.start())
        end = line_end if line_end >= 0 else len(doc.text)
        # (a PDF line breaking inside the ID number, "…45010319950328422" / "8，汉族…": the next line completes it,
        # held-out ind_he07)
        if end < len(doc.text) and doc.text[end - 1 : end].isdigit() and _ID_WRAPPED.match(doc.text, end):
            following = doc.text.find("\n", end + 1)
            end = following if following >= 0 else len(doc.text)
        out += _introduced_as(doc.text, _HEADLESS_ROLE.get(doc.type, "犯罪嫌疑人"), m, end)
    last_end = None
    for m in _HEADLESS_BRACKET_INTRO.finditer(doc.text):
        if m.start() > _HEADLESS_REACH and (last_end is None or m.start() - last_end > _HEADLESS_CHAIN):
            break
        if m.group("name") in named or any(p.name == m.group("name") for p in out) or not _after_a_full_line(doc.text, m):
            continue
        introduced = _introduced_as(doc.text, _HEADLESS_ROLE.get(doc.type, "犯罪嫌疑人"), m)
        out += introduced
        if introduced:
            last_end = introduced[0].end
    if doc.type in _ORDER_TYPES:
        for m in _ORDER_OBJECT.finditer(doc.text):
            if m.group("name") not in named and not any(p.name == m.group("name") for p in out):
                out += _introduced_as(doc.text, "犯罪嫌疑人", m)
    for m in _LIST_NEXT.finditer(doc.text):
        lead = next((p for p in reversed(found) if p.start < m.start() and p.role in SUSPECT_ROLES
                     and not re.search(r"[。；;]", doc.text[p.start : m.start()])), None)
        if lead is not None and m.group("name") not in named and not any(p.name == m.group("name") for p in out):
            out += _introduced_as(doc.text, lead.role, m)
    return out


_ID_WRAPPED = re.compile(r"\n[ \t]*[0-9Xx]{1,12}(?![0-9])")
_LINE_DONE = re.compile(r"[：:。；;）)]\s*$")
_ROLE_AT_END = re.compile(rf"(?:{_ROLE})$")


def _wrapped_role(text: str, m: re.Match[str]) -> bool:
    """Does the name `m` found at a line's head start with the end of a role word the line before broke ("犯罪嫌疑" /
    "人石磊")?"""
    before = text[max(0, m.start() - 12) : m.start()].rstrip("\n \t\u3000")
    return bool(before) and _ROLE_AT_END.search(before + m.group("name")[:1]) is not None


def _after_a_full_line(text: str, m: re.Match[str]) -> bool:
    """Does the line before `m` end a sentence or a heading — not a line wrapped inside a word ("兹决定对犯罪嫌疑" /
    "人邓某强（性别男，…）", ind_dg01)?"""
    before = text[: m.start()].rstrip("\n \t\u3000")
    last = before[before.rfind("\n") + 1 :]
    return not last.strip() or bool(_LINE_DONE.search(last))


def _introduced_as(text: str, role: str, m: re.Match[str], end: int | None = None) -> list[Party]:
    """The person `m` names ("name" group) read as introduced in `role`, with the details up to `end` (default: the
    bracket after the name)."""
    if end is None:
        close = text.find("）", m.end())
        end = close + 1 if 0 <= close < m.end() + 200 else m.end()
    shift = m.start("name") - len(role)
    out = []
    for p in find_parties(role + text[m.start("name") : end])[:1]:
        if p.name == m.group("name"):
            p.start, p.end = max(p.start + shift, m.start("name")), p.end + shift  # the role word is not in the text
            out.append(p)
    return out


def mentions_in(doc: Document) -> list[PartyMention]:
    """Every party `doc` introduces or names with a role, with the spans of what it states about them."""
    out = []
    found = find_parties(doc.text)
    found += _introduced_without_role(doc, found)
    found += _listed_spellings(doc.text, found)
    # A court tries the 被告人 its judgment introduces: a 犯罪嫌疑人 its facts name besides them ("协助公安机关抓获了
    # …犯罪嫌疑人付某") is a suspect of another case.
    tried = ({p.name for p in found if p.is_suspect and p.role not in _INVESTIGATION_ROLES}
             if doc_type_organ(doc.type) == "court" else set())
    for p in found:
        if p.is_suspect and (_handled_elsewhere(doc.text, p)
                             or (tried and p.role in _INVESTIGATION_ROLES and p.name not in tried)
                             or (tried and _co_defendant_in_passing(doc.text, p))):
            p.role = OTHER_CASE_ROLE
    # Said once to be handled apart ("付亚勇（另案处理）"), a person is no suspect here where the text calls him 被告人 again.
    elsewhere = {p.name for p in found if p.role == OTHER_CASE_ROLE}
    for p in found:
        if p.is_suspect and p.name in elsewhere:
            p.role = OTHER_CASE_ROLE
        birth = parse_iso_date(p.birth_date)
        birth_span = None
        if birth:
            window = doc.text[p.start : p.start + _BIRTH_SPAN_WINDOW]
            birth_span = next(((p.start + d.start, p.start + d.end) for d in find_dates(window) if d.iso == p.birth_date),
                              None)
        id_span = None
        if p.id_number:
            pos = doc.text.find(p.id_number, p.start)
            id_span = (pos, pos + len(p.id_number)) if pos >= 0 else None
            if id_span is None:  # broken over a line ("…422" / "8"): the digits with the break between them
                wrapped = re.compile(r"\s?".join(map(re.escape, p.id_number))).search(doc.text, p.start)
                id_span = wrapped.span() if wrapped else None
        addr = _ADDRESS.search(doc.text, p.end, min(len(doc.text), p.end + _WINDOW))
        out.append(PartyMention(
            document_id=doc.id, role=p.role, name=p.name, start=p.start, end=p.end, gender=p.gender,
            birth_date=birth, birth_span=birth_span, id_number=p.id_number, id_valid=p.id_valid, id_span=id_span,
            address=addr.group("addr").strip() if addr else None, passport=p.passport,
        ))
    return out


def parse_iso_date(value: str | None):  # -> date | None
    from datetime import date

    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def suspect_names(mentions: list[PartyMention]) -> list[str]:
    """Names of this case's suspects / defendants, first mention order, deduplicated.

    A name that is the start of a longer suspect's name is the tokenizer cutting that name short
    ("孟杰海系…" → 孟杰 + 海系), unless each is introduced with details of its own that differ (马俊, born 1992, and
    马俊杰, born 1996: two suspects).
    """
    names = list(dict.fromkeys(m.name for m in mentions if m.role in SUSPECT_ROLES and m.name))
    details: dict[str, set[object]] = {}
    for m in mentions:
        if m.role in SUSPECT_ROLES and m.name:
            details.setdefault(m.name, set()).update(x for x in (m.birth_date, m.id_number) if x)
    return [n for n in names if not cut_short(n, names) or _introduced_apart(n, names, details)]


def _introduced_apart(name: str, names: list[str], details: dict[str, set[object]]) -> bool:
    """Is every longer name `name` starts introduced with details none of which `name`'s own share?"""
    longer = [o for o in names if o != name and o.startswith(name)]
    own = details.get(name, set())
    return bool(own) and all(details.get(o) and not (details[o] & own) for o in longer)


def cut_short(name: str, names: list[str] | tuple[str, ...]) -> bool:
    """`name` is the start of a longer name in `names`: the tokenizer cut it short. A masked name (张某 beside
    张某某) never is: masks come from the text, not the tokenizer, and anonymised co-defendants are common."""
    return not _MASKED_NAME.search(name) and any(o != name and o.startswith(name) for o in names)
