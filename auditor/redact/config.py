"""The redaction configuration: lexicons/redact/*.yaml, read once per process."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from auditor.lexicon import load_yaml


@functools.cache
def recognizers() -> list[dict[str, Any]]:
    return list(load_yaml("redact/recognizers.yaml")["recognizers"])


@functools.cache
def keep_patterns() -> list[dict[str, Any]]:
    return list(load_yaml("redact/recognizers.yaml").get("keep") or [])


@functools.cache
def names() -> dict[str, Any]:
    return dict(load_yaml("redact/names.yaml"))


@functools.cache
def places() -> dict[str, Any]:
    return dict(load_yaml("redact/places.yaml"))


@functools.cache
def organizations() -> dict[str, Any]:
    return dict(load_yaml("redact/organizations.yaml"))


@dataclass(frozen=True)
class Policy:
    """How found entities are replaced (lexicons/redact/policy.yaml); overridable per call."""

    surname: str = "keep"  # keep | replace
    officers: str = "mask"  # mask | keep
    birth_date: str = "year"  # year | all
    address: str = "district"  # district | all
    score_threshold: float = 0.35

    @classmethod
    def load(cls, **overrides: Any) -> Policy:
        data = load_yaml("redact/policy.yaml")
        values = {
            "surname": data["pseudonyms"]["surname"],
            "officers": data["officers"],
            "birth_date": data["birth_date"],
            "address": data["address"],
            "score_threshold": float(data["score_threshold"]),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
