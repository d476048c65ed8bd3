"""Work units and schools that identify a person (lexicons/redact/organizations.yaml): a name ending in a company,
shop, law firm, school … suffix, started by a place name or a trigger word; organs, banks and hospitals are kept."""

from __future__ import annotations

import functools
import re

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from auditor.redact import config
from auditor.redact.nlp import LANGUAGE
from auditor.redact.wordlists import WordList

ENTITY = "WORK_UNIT"
_CJK = "\u4e00-\u9fff"
MAX_LENGTH = 30


class WorkUnitGrammar:
    def __init__(self) -> None:
        cfg = config.organizations()
        self.suffixes = tuple(sorted(cfg["suffixes"], key=len, reverse=True))
        self.triggers = tuple(sorted(cfg["triggers"], key=len, reverse=True))
        self.kept = tuple(cfg["kept"])
        self.generic = tuple(cfg["generic_prefixes"])
        self.generic_inside = tuple(cfg["generic_inside"])
        self.not_after = tuple(cfg["not_after"])
        self.field_triggers = tuple(sorted(cfg["field_triggers"], key=len, reverse=True))
        self.job_words = tuple(sorted(cfg["job_words"], key=len, reverse=True))
        self.field_before = ""
        self.places = WordList(config.places()["places"])
        self.suffix_list = WordList(self.suffixes)
        self.field_list = WordList(cfg["field_triggers"])
        self.trigger_list = WordList(cfg["triggers"])
        self.run = re.compile(rf"[{_CJK}（）()0-9]+")

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for run in self.run.finditer(text):
            chunk = run.group()
            head = text[max(0, run.start() - 8) : run.start()]
            self.field_before = next((t for t in self.field_triggers if head.rstrip(" ：:|").endswith(t)), "")
            if not self.field_before and head.rstrip().endswith("|"):
                self.field_before = "|"
            for m in self._ends(chunk):
                found = self._start(chunk, m[0], m[1])
                if found is None:
                    continue
                start, how = found
                name = chunk[start : m[1]]
                if len(name) < 4 or any(w in name for w in self.kept):
                    continue
                if (any(name.startswith(g) for g in self.generic) or name in self.suffixes
                        or any(w in name for w in self.generic_inside)):
                    continue
                out.append((run.start() + start, run.start() + m[1], how))
        return out

    def _ends(self, chunk: str) -> list[tuple[int, int]]:
        """(earliest start, end) of each suffix occurrence; the longest suffix at a position wins."""
        out, last, i = [], 0, 0
        while i < len(chunk):
            found = self.suffix_list.first(chunk, i)
            if found is None:
                break
            i, suf = found
            end = i + len(suf)
            while (more := self.suffix_list.at(chunk, end)) is not None:
                end += len(more)  # 三店小学: the name runs on to the last suffix
            if not any(chunk.startswith(w, end) for w in self.not_after):
                out.append((max(last, end - MAX_LENGTH), end))
            last = i = end
        return out

    def _start(self, chunk: str, lo: int, end: int) -> tuple[int, str] | None:
        """Where the unit's name starts, and why; None when nothing says it is a named unit."""
        place = self.places.first(chunk, lo, end)
        if place:
            return place[0], f"以地名“{place[1]}”开头"
        best = None
        for i, label in self.field_list.each(chunk, lo, end):
            if i + len(label) < end - 1:
                best = (i + len(label), f"跟在“{label}”之后")
        if best:
            return best
        if lo == 0 and self.field_before:
            return 0, f"跟在“{self.field_before}”之后"
        for i, trig in self.trigger_list.each(chunk, lo, end):
            if i + len(trig) < end - 1:
                best = (i + len(trig), f"跟在“{trig}”之后")
        if best and any(chunk.startswith(w, end) for w in self.job_words):
            return best[0], best[1] + "、后接职业用语"
        return None


@functools.cache
def grammar() -> WorkUnitGrammar:
    return WorkUnitGrammar()


class WorkUnitRecognizer(EntityRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=[ENTITY], name="CnWorkUnitRecognizer", supported_language=LANGUAGE)

    def load(self) -> None:
        grammar()

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        results = []
        for start, end, how in grammar().find(text):
            score = 0.7 if "职业用语" in how else 0.85  # a place name or a field label makes it sure
            explanation = AnalysisExplanation(recognizer=self.name, original_score=score, pattern_name="work_unit",
                                              textual_explanation=f"以单位/学校类后缀结尾的名称，{how}")
            results.append(RecognizerResult(ENTITY, start, end, score, explanation,
                                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results
