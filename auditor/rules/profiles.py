"""Review profiles as data (lexicons/profiles/*.yaml): which rules a review program runs, and why.

The one source of truth for "which rules does 不起诉审查 / 执法巡查 run": a rule file does not list its
profiles; `Rule.profiles` is derived from these files when the rules are loaded.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from auditor.lexicon import LEXICON_DIR, read_yaml

PROFILES_DIR = LEXICON_DIR / "profiles"


class ProfileError(ValueError):
    """A profile file that does not follow the schema."""


@dataclass(frozen=True)
class RuleGroup:
    topic: str  # Chinese: what the group checks
    reason: str  # Chinese: why this review program checks it, with the rule base's references
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    id: str
    name: str  # Chinese, shown to the reviewer
    purpose: str
    groups: tuple[RuleGroup, ...]

    @property
    def rule_ids(self) -> frozenset[str]:
        return frozenset(r for g in self.groups for r in g.rules)


@functools.cache
def load_profiles(directory: Path | str | None = None) -> dict[str, Profile]:
    """Every profile file, by id (sorted); read once per process."""
    folder = Path(directory) if directory is not None else PROFILES_DIR
    profiles = [parse_profile(read_yaml(p.read_text(encoding="utf-8")), str(p))
                for p in sorted(folder.glob("*.yaml"))]
    for profile, path in zip(profiles, sorted(folder.glob("*.yaml")), strict=True):
        if profile.id != path.stem:
            raise ProfileError(f"{path}: profile id {profile.id!r} must match the file name {path.stem!r}")
    return {p.id: p for p in profiles}


def profile_ids() -> list[str]:
    return list(load_profiles())


def profiles_of(rule_id: str) -> tuple[str, ...]:
    """The profiles that run `rule_id`, in id order."""
    return tuple(pid for pid, p in load_profiles().items() if rule_id in p.rule_ids)


def parse_profile(data: Any, where: str) -> Profile:
    if not isinstance(data, dict):
        raise ProfileError(f"{where}: a profile file must hold one mapping")
    missing = [k for k in ("id", "name", "purpose", "groups") if not data.get(k)]
    if missing:
        raise ProfileError(f"{where}: missing field(s): {', '.join(missing)}")
    groups = []
    for i, g in enumerate(data["groups"]):
        if not isinstance(g, dict) or not all(g.get(k) for k in ("topic", "reason", "rules")):
            raise ProfileError(f"{where}: groups[{i}] needs topic, reason and a non-empty rules list")
        rules = g["rules"]
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise ProfileError(f"{where}: groups[{i}].rules must be a list of rule ids")
        groups.append(RuleGroup(topic=str(g["topic"]), reason=str(g["reason"]).strip(), rules=tuple(rules)))
    ids = [r for g in groups for r in g.rules]
    twice = sorted({r for r in ids if ids.count(r) > 1})
    if twice:
        raise ProfileError(f"{where}: rule(s) listed twice: {', '.join(twice)}")
    return Profile(id=str(data["id"]), name=str(data["name"]), purpose=str(data["purpose"]).strip(),
                   groups=tuple(groups))
