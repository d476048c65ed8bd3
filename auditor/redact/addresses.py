"""Addresses down to the house (lexicons/redact/places.yaml): an administrative chain, a road and its number, an
estate and a building / unit / room, ending at the house. Its start is a known place name, else the end of a
trigger word ("住", "位于"); a span holding an organ word (公安局, 派出所 …) is never an address."""

from __future__ import annotations

import functools
import re

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from auditor.redact import config
from auditor.redact.nlp import LANGUAGE
from auditor.redact.wordlists import WordList

ENTITY = "ADDRESS"
_CJK = "\u4e00-\u9fff"
# The house: a building / unit / room, a village group and house number, a road number (附 N 号 included).
# Text from PDFs may have a space between a number and its unit ("22 号").
_HOUSE = (r"(?: ?[0-9]+ ?(?:栋|幢|号楼|座)(?: ?[0-9]+ ?单元)?(?: ?[0-9]+ ?(?:室|号|户))?"
          r"| ?[0-9]+(?:[-－][0-9]+){1,2} ?(?:室|号)?| ?[0-9]+ ?组 ?[0-9]+ ?号| ?[0-9]+ ?号(?:附[0-9]+号)?| ?[0-9]+ ?(?:室|户))")


class AddressGrammar:
    def __init__(self) -> None:
        cfg = config.places()
        admin = "|".join(sorted(cfg["admin_suffixes"], key=len, reverse=True))
        road = "|".join(sorted(cfg["road_suffixes"], key=len, reverse=True))
        self.places = WordList(cfg["places"])
        self.triggers = WordList(cfg["triggers"])
        self.stop_words = tuple(cfg["stop_words"])
        unit = rf"[{_CJK}]{{1,9}}?(?:{admin})"
        road_number = rf"[{_CJK}]{{1,9}}?(?:{road})(?: ?[0-9]+ ?号(?:附[0-9]+号)?)?"
        estate = rf"[{_CJK}]{{2,10}}?"
        # A whole address: units, then a road (with number), an estate, and the house; it ends at the house.
        self.full = re.compile(
            rf"(?:{unit})*(?:{road_number})?(?:{estate})?{_HOUSE}"
        )
        # A run of address characters; a single space may stand between a number and a character.
        self.run = re.compile(rf"(?:[{_CJK}0-9\-－]|(?<=[0-9]) (?=[{_CJK}])|(?<=[{_CJK}]) (?=[0-9]))+")
        self.house_end = re.compile(_HOUSE)
        self.unit_or_road = re.compile(rf"(?:{admin}|{road})")
        self.units = re.compile(rf"(?:{unit})+")

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, how the start was found) of every address."""
        out = []
        for run in self.run.finditer(text):
            chunk = run.group()
            if not any(c.isdigit() for c in chunk):
                continue
            pos = 0
            while pos < len(chunk):
                found = self._next(chunk, pos)
                if found is None:
                    break
                s, e, how = found
                out.append((run.start() + s, run.start() + e, how))
                pos = e
        return out

    def _next(self, chunk: str, pos: int) -> tuple[int, int, str] | None:
        # Candidate starts, in this order: a known place name, the end of a trigger word, the run's start.
        starts: list[tuple[int, str]] = []
        place = self.places.first(chunk, pos)
        if place:
            starts.append((place[0], f"以地名“{place[1]}”开头"))
        for i, trig in self.triggers.each(chunk, pos):
            if i + len(trig) < len(chunk) and not chunk[i + len(trig)].isdigit():
                starts.append((i + len(trig), f"跟在“{trig}”之后"))
        starts.append((pos, "位于一段文字之首"))
        for start, how in starts:
            m = self.full.match(chunk, start)
            if not m:
                continue
            span = chunk[start : m.end()]
            if any(w in span for w in self.stop_words) or not self.unit_or_road.search(span[:-1]):
                continue
            # Longest match to the last house element (the regex is lazy inside, greedy over the whole).
            end = self._extend(chunk, start, m.end())
            return self._widen(chunk, pos, start, starts), end, how
        return None

    def _widen(self, chunk: str, pos: int, start: int, starts: list[tuple[int, str]]) -> int:
        """A district written before a place-name start belongs to the address ("西湖区上海路…": 上海 is not the
        start): take the earliest candidate start from which only administrative units lead to `start`."""
        for s, _ in sorted(starts):
            if s < start and self.units.fullmatch(chunk, s, start):
                return s
        return start

    def _extend(self, chunk: str, start: int, end: int) -> int:
        for e in range(len(chunk), end, -1):
            m = self.full.fullmatch(chunk, start, e)
            if m and not any(w in chunk[start:e] for w in self.stop_words):
                return e
        return end


@functools.cache
def grammar() -> AddressGrammar:
    return AddressGrammar()


class AddressRecognizer(EntityRecognizer):
    def __init__(self) -> None:
        super().__init__(supported_entities=[ENTITY], name="CnAddressRecognizer", supported_language=LANGUAGE)

    def load(self) -> None:
        grammar()

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        results = []
        for start, end, how in grammar().find(text):
            score = 0.85
            explanation = AnalysisExplanation(recognizer=self.name, original_score=score, pattern_name="address",
                                              textual_explanation=f"行政区划/道路/门牌结构的地址，{how}，止于门牌或房号")
            results.append(RecognizerResult(ENTITY, start, end, score, explanation,
                                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results
