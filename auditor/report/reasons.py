"""Review statuses, reason codes and roles, as lexicons/review_reasons.yaml lists them."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from auditor.lexicon import load_yaml

REASONS_FILE = "review_reasons.yaml"


@dataclass(frozen=True)
class Reason:
    code: str
    status: str
    label: str
    retired: bool = False


@functools.cache
def _data() -> dict:
    return load_yaml(REASONS_FILE)


def status_labels() -> dict[str, str]:
    """confirmed → 确认, dismissed → 驳回, pending → 待补充."""
    return dict(_data()["statuses"])


def role_labels() -> dict[str, str]:
    """reviewer → 审查员, checker → 复核人, admin → 管理员."""
    return dict(_data()["roles"])


@functools.cache
def reasons() -> tuple[Reason, ...]:
    return tuple(Reason(**entry) for entry in _data()["reasons"])


def reasons_for(status: str) -> list[Reason]:
    return [r for r in reasons() if r.status == status and not r.retired]


def reason_label(code: str | None) -> str:
    return next((r.label for r in reasons() if r.code == code), code or "")


def reason_required(status: str) -> bool:
    return status in _data().get("reason_required", [])
