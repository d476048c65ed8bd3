"""Pattern recognizers configured in lexicons/redact/recognizers.yaml: Presidio `PatternRecognizer`s with a named
validator (GB 11643, Luhn, …), required or negative context, and a Chinese reason on every result."""

from __future__ import annotations

from typing import Any

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult

from auditor.redact import config
from auditor.redact.nlp import LANGUAGE
from auditor.redact.validators import VALIDATORS

VALIDATOR_LABEL = {
    "gb11643": "GB 11643 校验位与出生日期",
    "masked_id": "遮蔽身份证号格式",
    "luhn": "Luhn 校验",
    "mobile": "手机号段",
    "area_code": "长途区号",
    "plate": "号牌格式",
}
INVALID_WITH_CONTEXT_SCORE = 0.6
NEGATIVE_WINDOW = 8


class ConfiguredPatternRecognizer(PatternRecognizer):
    """One entry of recognizers.yaml."""

    def __init__(self, spec: dict[str, Any]) -> None:
        patterns = [Pattern(p["name"], p["regex"], float(p["score"])) for p in spec["patterns"]]
        super().__init__(supported_entity=spec["entity"], name=spec["name"], supported_language=LANGUAGE,
                         patterns=patterns, context=list(spec.get("context", [])))
        self.validator_name: str | None = spec.get("validator")
        self.invalid: str = spec.get("invalid", "drop")
        self.window: int = int(spec.get("context_window", 10))
        self.negative: tuple[str, ...] = tuple(w.lower() for w in spec.get("negative_context", ()))
        self.require_context: bool = bool(spec.get("require_context", False))
        self.valid_overrides_negative: bool = bool(spec.get("valid_overrides_negative", False))

    def validate_result(self, pattern_text: str) -> bool | None:
        # Presidio's hook sets a valid match to score 1.0; an invalid one is judged in `analyze` (it may still be
        # kept on context), so None here.
        if self.validator_name and VALIDATORS[self.validator_name](pattern_text):
            return True
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None, regex_flags=None) -> list[RecognizerResult]:
        kept = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags) or []:
            if self._judge(text, r):
                kept.append(r)
        return kept

    def _judge(self, text: str, r: RecognizerResult) -> bool:
        before = text[max(0, r.start - self.window) : r.start].lower()
        near = text[max(0, r.start - NEGATIVE_WINDOW) : r.start].lower()
        word = next((w for w in self.context if w.lower() in before), None)
        if any(w in near for w in self.negative) and not (word and word.lower() in near):
            if not (self.valid_overrides_negative and self.validator_name
                    and VALIDATORS[self.validator_name](text[r.start : r.end])):
                return False
        if self.require_context and word is None:
            return False
        ex = r.analysis_explanation
        reasons = []
        if self.validator_name:
            valid = VALIDATORS[self.validator_name](text[r.start : r.end])
            ex.validation_result = valid
            label = VALIDATOR_LABEL.get(self.validator_name, self.validator_name)
            if not valid:
                if self.invalid != "context" or word is None:
                    return False
                r.score = INVALID_WITH_CONTEXT_SCORE
                ex.set_improved_score(r.score)
                reasons.append(f"{label}未通过，但紧跟在“{word}”之后")
            else:
                reasons.append(f"{label}通过")
        if word:
            reasons.append(f"上下文词“{word}”")
        ex.textual_explanation = f"{ex.pattern_name}：" + "；".join(reasons) if reasons else ex.pattern_name
        return True


def pattern_recognizers() -> list[ConfiguredPatternRecognizer]:
    return [ConfiguredPatternRecognizer(spec) for spec in config.recognizers()]
