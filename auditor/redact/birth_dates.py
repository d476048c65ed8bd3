"""Birth dates of natural persons: a date written as one (出生, 出生日期, 生日, a table's 出生日期 column) or the date
an ID number in the same text encodes. Every other date is a date of an act and is kept (the defect often is it)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from auditor.redact.nlp import LANGUAGE
from auditor.redact.validators import compact, gb11643

ENTITY = "BIRTH_DATE"
DATE = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})(?:年(?P<m1>[0-9]{1,2})月(?P<d1>[0-9]{1,2})日"
                  r"|(?P<sep>[-./])(?P<m2>[0-9]{1,2})(?P=sep)(?P<d2>[0-9]{1,2}))(?![0-9])")
AFTER = re.compile(r"^(?:出生|生人|生[，,。）)]|生$)")
# "生于" alone is not enough: "赵晓生于2021年…" is a name ending in 生 and a date of an act.
BEFORE = re.compile(r"(?:出生日期|出生年月日|出生年月|出生于|生日|出生时间)[：:为是\s]*$")
HEADERS = ("出生日期", "出生年月日", "出生年月", "生日")
ID_NUMBER = re.compile(r"(?<![0-9])[1-9][0-9]{5}[ ]?(?:18|19|20)[0-9]{6}[ ]?[0-9]{3}[0-9Xx](?![0-9A-Za-z])")


def date_key(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written as this recognizer reads it, else None."""
    m = DATE.fullmatch(text)
    return _key(m) if m else None


def _key(m: re.Match) -> tuple[int, int, int]:
    return int(m["y"]), int(m["m1"] or m["m2"]), int(m["d1"] or m["d2"])


class BirthDateRecognizer(EntityRecognizer):
    """Built per call (ad hoc) with the birth dates the dossier is known to state: its parties' and those found in
    its whole text, so a birth date quoted alone in an explanation ("应为 1974-06-07") is still one."""

    def __init__(self, known: Iterable[tuple[int, int, int]] = ()) -> None:
        self.known = frozenset(known)
        super().__init__(supported_entities=[ENTITY], name="CnBirthDateRecognizer", supported_language=LANGUAGE)

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        encoded = set()
        for m in ID_NUMBER.finditer(text):
            number = compact(m.group())
            if gb11643(number):
                encoded.add((int(number[6:10]), int(number[10:12]), int(number[12:14])))
        columns = _date_columns(text)
        results = []
        for m in DATE.finditer(text):
            reason = None
            if AFTER.match(text[m.end() : m.end() + 2]):
                reason = "日期后写“出生/生”"
            elif BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
                reason = "日期前写“出生日期/生于”"
            elif m.start() in columns:
                reason = "表格“出生日期”列"
            elif _key(m) in encoded:
                reason = "与本文中一个身份证号所含的出生日期相同"
            elif _key(m) in self.known:
                reason = "与本案当事人的出生日期相同"
            if reason is None:
                continue
            score = 0.85
            explanation = AnalysisExplanation(recognizer=self.name, original_score=score, pattern_name="birth_date",
                                              textual_explanation=reason)
            results.append(RecognizerResult(ENTITY, m.start(), m.end(), score, explanation,
                                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results


def _date_columns(text: str) -> set[int]:
    """Offsets of the cells of `|` table columns headed 出生日期."""
    starts: set[int] = set()
    column = None
    offset = 0
    for line in text.split("\n"):
        cells = line.split("|")
        if len(cells) < 2:
            column = None
        else:
            heads = [c.strip() for c in cells]
            named = [i for i, c in enumerate(heads) if c in HEADERS]
            if named:
                column = named[0]
            elif column is not None and column < len(cells):
                cell = cells[column]
                starts.add(offset + sum(len(c) + 1 for c in cells[:column]) + len(cell) - len(cell.lstrip()))
        offset += len(line) + 1
    return starts
