"""The last check before anything is written: the output is scanned for ID numbers, phones and bank cards (the
same validated recognizers the analyser uses) and for every name of the dossier's party list (and every other
name redaction found in it). A hit refuses the write and says which detector caught it — never the value."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from auditor.redact.patterns import pattern_recognizers

# The detectors of the last check: recognizers of recognizers.yaml by name, with the Chinese name the refusal uses.
NUMBER_DETECTORS = {
    "CnIdCardRecognizer": "身份证号检测器",
    "CnMobileRecognizer": "手机号检测器",
    "CnLandlineRecognizer": "固定电话检测器",
    "CnBankCardRecognizer": "银行卡号检测器（Luhn）",
}
NAME_DETECTOR = "当事人姓名检测器"


@dataclass(frozen=True)
class Leak:
    detector: str  # Chinese name of the detector that caught it
    where: str  # which output (file part, item) — never the leaked value
    offset: int


class LeakError(Exception):
    """Raised instead of writing a file in which personal data survived redaction."""

    def __init__(self, leaks: list[Leak]) -> None:
        self.leaks = leaks
        first = leaks[0]
        super().__init__(f"拒绝写出：{first.detector}在{first.where}（第{first.offset}个字符处）发现未脱敏的个人信息"
                         + (f"，另有 {len(leaks) - 1} 处" if len(leaks) > 1 else "") + "。")


_recognizers = None


def _number_recognizers():
    global _recognizers
    if _recognizers is None:
        _recognizers = [r for r in pattern_recognizers() if r.name in NUMBER_DETECTORS]
    return _recognizers


def scan(text: str, names: Iterable[str], where: str = "输出") -> list[Leak]:
    """Every surviving ID number, phone, bank card or name in `text`."""
    leaks = []
    for recognizer in _number_recognizers():
        for r in recognizer.analyze(text, [recognizer.supported_entities[0]]):
            leaks.append(Leak(NUMBER_DETECTORS[recognizer.name], where, r.start))
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        pattern = re.compile("\n?".join(re.escape(c) for c in name))
        for m in pattern.finditer(text):
            if _counts(text, m.start(), m.end(), name):
                leaks.append(Leak(NAME_DETECTOR, where, m.start()))
    return sorted(leaks, key=lambda x: x.offset)


def _counts(text: str, start: int, end: int, name: str) -> bool:
    """A common-word name ("黎明", "高山") counts where it stands like a name (same rule as the analyser)."""
    from auditor.redact.names import finder

    f = finder()
    return not f.is_common_word(name) or f.stands_as_name(text, start, end)


def check(parts: Iterable[tuple[str, str]], names: Iterable[str]) -> None:
    """Raise LeakError if any (where, text) part still holds personal data."""
    names = list(names)
    leaks = [leak for where, text in parts for leak in scan(text, names, where)]
    if leaks:
        raise LeakError(leaks)


__all__ = ["Leak", "LeakError", "check", "scan"]
