"""The guarantee a 取保候审决定书 orders: a named guarantor, a deposit (with its amount), decided once.

Several rules read it (both guarantees ordered, none ordered, a deposit under the floor, a guarantor without a
保证书); each reads the same facts. `certain` guarantees are worded as an order with a name or an amount
("提出保证人李某某", "交纳保证金人民币伍仟元"); the looser wordings of lexicons/bail_wording.yaml (a masked amount,
"由李某某作为保证人") prove a guarantee was ordered but not what it was.
"""

from __future__ import annotations

import functools
import re

from auditor.extract.terms import find_amounts
from auditor.lexicon import load_yaml
from auditor.model import Document, Guarantee
from auditor.text.view import text_view

# A person's name as written in case files: 2-4 Han characters, masked forms (张某某, 李×) included.
NAME = r"[\u4e00-\u9fff×＊*ＸX]{2,4}"
# Who the guarantor is to the suspect, written before his name ("提出保证人其兄次仁扎西担保", ind_e07): not the name's.
# …or as whose relative: "由保证人廖俊杰之父廖长顺（住…）担保" (ind_de05).
# (longer words first: "由其舅舅覃军作为保证人" is 覃军, not 舅覃军, held-out ind_de09 after ind_dj03; "由其胞弟黄立新（…）作为保证人",
# held-out ind_fl02)
_KIN = (r"(?:(?:其|[\u4e00-\u9fff]{2,4}之)(?:胞兄|胞弟|胞姐|胞妹|哥哥|弟弟|姐姐|妹妹|父亲|母亲|丈夫|妻子|舅舅|叔叔|姑姑|姨妈|伯伯|伯父|叔父"
        r"|舅父|姑父|姨父|祖父|祖母|外祖父|外祖母|外公|外婆|爷爷|奶奶|儿子|女儿|表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|侄子"
        r"|外甥|兄|弟|姐|妹|父|母|妻|夫|子|女|叔|舅|姑|姨|伯))?")
# Words that follow 保证人 in template wording and are not names.
NOT_NAME = re.compile(
    r"^(?:或|和|并|及|与|的|为|应|必|不|未|是|须|负|履|违|在|保|担|一|两|二|资|条|名|等|人|由|提|交|缴|所"
    # 向 is also a surname (向国波): only "向执行机关报告…" and the like are wording.
    r"|向(?:执行|公安|机关|派出所|人民|被|其|有关|司法))"
)
# A form's field naming the method before its value ("保证方式：保证金，交纳…", "保证方式为保证金人民币贰万元", ind_bx03/05).
_METHOD = r"保证方式\s*[:：为是]?\s*(?:采取|采用)?\s*"
_GUARANTOR_PATTERNS = [
    # the name ends where the order goes on ("提出保证人钱某华担保", ind_af04: not "钱某华担")
    # (a form's next option may follow at once: "提出保证人 田建军  □责令其交纳保证金", ind_cp05)
    re.compile(rf"提出保证人\s*[:：]?\s*{_KIN}(?P<name>{NAME}?)(?=担保|作保|为|的|并|或|及|和|提供|出具|[（(，,。；;、：:\s□☐☑√■✓✔]|$)"),
    # the form's method, then its value: "采取保证人保证，保证人农建华（系其父）", "保证方式：保证人，保证人米某（系其父）",
    # "保证方式：保证人。保证人李秀兰（赵宇航之母，…）" (held-out ind_ev03)
    re.compile(rf"(?:保证人保证(?:方式)?|{_METHOD}保证人(?:保证)?)[，,、；;:：。]\s*保证人(?:为|是)?\s*[:：]?\s*{_KIN}(?P<name>{NAME})"),
    # …or the method's value naming him at once: "保证方式：保证人谢某亮（谢某伟之兄）保证。" (held-out ind_ds03), the field
    # ending with his name or its bracket: "保证方式：保证人谭建华（父）" (held-out ind_gj09)
    re.compile(rf"{_METHOD}保证人\s*[:：]?\s*{_KIN}(?P<name>{NAME}?)\s*(?:[（(][^（）()\n]{{0,40}}[）)]\s*)?"
               r"(?:保证|担保|作保|(?=[ \t\u3000]*(?:[。；;\n]|$)))"),
    # (not a word run into the name: "由原保证人金秀芬继续担保" is 金秀芬, held-out ind_ew07)
    # (not "李桂兰提" nor "徐海提供" of "由保证人李桂兰提供担保", held-out ind_fs06, fs07: 提供 / 出具 end no name)
    re.compile(rf"保证人\s*[:：]?\s*{_KIN}(?P<name>{NAME})(?<!提供)(?<!出具)(?!续|然|供|具)[^。；\n]{{0,30}}?担保"),
    # "由保证人何某红（何某勇之妹）提供保证，并责令其交纳保证金…" (ind_ca04: beside a deposit, both guarantees)
    re.compile(rf"由保证人\s*[:：]?\s*{_KIN}(?P<name>{NAME}?)\s*(?:[（(][^（）()\n]{{0,40}}[）)]){{0,2}}\s*(?:提供保证|提出保证|出具保证|作保|担保)"),
    # …or without the word 保证人, who he is in a bracket: "由贾海林（父亲）提出保证。" (ind_cc03, ind_cc08, ind_cc10)
    re.compile(rf"由\s*{_KIN}(?P<name>{NAME}?)\s*(?:[（(][^（）()\n]{{0,40}}[）)]){{1,2}}\s*(?:提供保证|提出保证|出具保证|作保|担保)"),
    # …or named the guarantor: "保证方式：由郁建国（其父）作为保证人，同时交纳保证金人民币2000元。" (held-out ind_dj03),
    # "由其父温志明继续作为保证人" (held-out ind_dp09: the procuratorate keeping the police's guarantor)
    re.compile(rf"由\s*{_KIN}(?P<name>{NAME}?)\s*(?:[（(][^（）()\n]{{0,40}}[）)]){{0,2}}\s*(?:继续|仍然|仍)?"
               rf"(?:作为|作|为|担任)保证人"),
    # the form's order to the suspect: "犯罪嫌疑人应当接受保证人杨建国（系杨帆之父）的保证" (ind_ai04, ind_ai05)
    # (…"应当接受保证人王某国（男，1968年4月出生，退休职工）的监督", held-out ind_gs01)
    re.compile(rf"接受保证人\s*[:：]?\s*{_KIN}(?P<name>{NAME}?)\s*(?:[（(][^（）()\n]{{0,40}}[）)])?\s*的(?:保证|监督|担保)"),
    # a field of the decision filled in on its line, who he is in a bracket: "保证人：符国强（其父，退休教师，住…）。"
    # (ind_co02: beside a deposit, both guarantees)
    re.compile(rf"(?:^|(?<=[。；;\n]))[ \t\u3000]*保证人[ \t\u3000]*[:：][ \t\u3000]*{_KIN}(?P<name>{NAME}?)"
               rf"[ \t\u3000]*[（(][^（）()\n]{{1,40}}[）)]"),
    # …or who he is after a comma: "保证人：唐某华，系被取保候审人之父，住…" (held-out ind_fu03: beside a deposit, both)
    re.compile(rf"(?:^|(?<=[。；;\n]))[ \t\u3000]*保证人[ \t\u3000]*[:：][ \t\u3000]*{_KIN}(?P<name>{NAME}?)"
               rf"[ \t\u3000]*[，,][ \t\u3000]*(?:系|是|为)"),
]
# "交纳保证金人民币…", "保证金数额…", and the form's value after the method: "采取保证金保证，保证金人民币壹万元".
_DEPOSIT_TRIGGER = re.compile(r"(交纳|缴纳|收取|交付)保证金|保证金(数额|金额)|保证金保证(?:方式)?[，,、；;]\s*保证金"
                              rf"|{_METHOD}保证金(?:保证)?")
_DEPOSIT_WINDOW = 20


@functools.cache
def _wording() -> dict:
    return load_yaml("bail_wording.yaml")


@functools.cache
def _loose(key: str) -> list[re.Pattern[str]]:
    return [re.compile(p.replace("{name}", NAME)) for p in _wording()[key]]


def find_guarantor(text: str) -> re.Match[str] | None:
    """A guarantor named in an order ("提出保证人李某某", "由保证人王某为其担保"); template wording does not count."""
    for pattern in _GUARANTOR_PATTERNS:
        for m in pattern.finditer(text):
            if not NOT_NAME.match(m.group("name")):
                return m
    return None


# A PDF line may break inside the amount ("交纳保证金人民币300\n0元", held-out ind_eb03); the view keeps a space there.
_WRAPPED_DIGIT = re.compile(r"(?<=[0-9]) (?=[0-9])")


def _amounts(window: str) -> list[tuple[int, float]]:
    """(end in `window`, value) of each positive amount, a number wrapped by its line read whole."""
    kept = [i for i in range(len(window)) if not (_WRAPPED_DIGIT.match(window, i) and window[i] == " ")]
    closed = "".join(window[i] for i in kept)
    return [(kept[a.end - 1] + 1, float(a.value)) for a in find_amounts(closed) if a.value and a.value > 0]


def find_deposit(text: str) -> tuple[int, int, float] | None:
    """Span ordering a deposit of a stated amount ("交纳保证金人民币伍仟元", "向银行专户交纳人民币捌佰元整，作为…的担保")
    and the amount."""
    for m in _DEPOSIT_TRIGGER.finditer(text):
        for end, value in _amounts(text[m.end() : m.end() + _DEPOSIT_WINDOW]):
            return m.start(), m.end() + end, value
    purpose = re.compile(_wording()["deposit_purpose"])
    for m in re.finditer(_wording()["deposit_verbs"], text):
        end = min([i for i in (text.find("。", m.end()), text.find("；", m.end())) if i >= 0] or [len(text)])
        start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
        if not purpose.search(text, start, end):
            continue
        for amount_end, value in _amounts(text[m.end() : min(end, m.end() + _DEPOSIT_WINDOW)]):
            return m.start(), m.end() + amount_end, value
    return None


def guarantees_in(doc: Document) -> list[Guarantee]:
    """The guarantees `doc` orders: the certain ones, else the first loosely worded one.

    Read on the text view: a PDF line may break inside the order ("责令其交\n纳保证金人民币伍万元")."""
    view = text_view(doc.text)
    text = view.text

    def guarantee(kind: str, start: int, end: int, **facts: object) -> Guarantee:
        a, b = view.to_orig(start, end)
        return Guarantee(document_id=doc.id, kind=kind, start=a, end=b, **facts)  # type: ignore[arg-type]

    out: list[Guarantee] = []
    guarantor = find_guarantor(text)
    if guarantor:
        out.append(guarantee("guarantor", guarantor.start(), guarantor.end(), name=guarantor.group("name"),
                             certain=True))
    else:
        # …or the name ends its line as printed, which the view glued to the next field's label
        # ("保证方式：提出保证人柯小燕\n执行机关：…", ind_cz05)
        printed = find_guarantor(doc.text)
        if printed:
            out.append(Guarantee(document_id=doc.id, kind="guarantor", start=printed.start(), end=printed.end(),
                                 name=printed.group("name"), certain=True))
    deposit = find_deposit(text)
    if deposit:
        out.append(guarantee("deposit", deposit[0], deposit[1], amount=deposit[2], certain=True))
    if out:
        return out
    for pattern in _loose("guarantor_patterns"):
        for m in pattern.finditer(text):
            if not NOT_NAME.match(m.group("name")):
                return [guarantee("guarantor", m.start(), m.end(), name=m.group("name"), certain=False)]
    for pattern in _loose("deposit_patterns"):
        m = pattern.search(text)
        if m:
            return [guarantee("deposit", m.start(), m.end(), certain=False)]
    return []


def decision_types() -> list[str]:
    """Document types that order a 取保候审 (and so may state its guarantee)."""
    return [_wording()["measures"]["取保候审"]["decision_document"]]
