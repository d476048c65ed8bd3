"""Replacements that keep a text readable: one 张某-style pseudonym per person across the dossier, numbers masked
keeping only what identifies nobody (an ID number's region, a phone's network prefix, a card's bank), the
administrative part of an address, the kind of a work unit, the year of a birth date."""

from __future__ import annotations

import re

from auditor.redact import config
from auditor.redact.config import Policy
from auditor.redact.validators import compact

ORDINALS = "甲乙丙丁戊己庚辛壬癸"
MASK = "*"
_DIGIT = re.compile(r"[0-9Xx]")
_ADMIN_END = re.compile(r"^.*?(?:自治州|自治县|地区|区|县|旗)(?=[\u4e00-\u9fff])")


class Pseudonyms:
    """The same person always gets the same pseudonym; pseudonyms never collide with each other or with a masked
    name already written in the dossier (张某 of the text stays 张某 and is not given to anyone else)."""

    def __init__(self, policy: Policy, written_masked: set[str] | None = None) -> None:
        self.policy = policy
        self.by_person: dict[str, str] = {}
        self.taken: set[str] = set(written_masked or ())
        self.counter = 0
        cfg = config.names()
        self.compound = tuple(cfg["surnames_compound"])

    def person(self, key: str) -> str:
        """The pseudonym of the person whose canonical name is `key`."""
        if key in self.by_person:
            return self.by_person[key]
        if "某" in key or MASK in key or "＊" in key:
            self.by_person[key] = key  # already masked in the dossier
            self.taken.add(key)
            return key
        surname = next((s for s in self.compound if key.startswith(s)), key[:1])
        if self.policy.surname == "keep":
            candidates = [surname + "某", surname + "某某"] + [surname + "某" + o for o in ORDINALS]
        else:
            candidates = ["某" + o for o in ORDINALS] + [f"某{n}" for n in range(11, 1000)]
        pseudonym = next((c for c in candidates if c not in self.taken), None)
        if pseudonym is None:
            self.counter += 1
            pseudonym = f"{surname}某{self.counter}"
        self.taken.add(pseudonym)
        self.by_person[key] = pseudonym
        return pseudonym


def mask_digits(text: str, keep: int) -> str:
    """Every digit after the first `keep` ones becomes *, separators stay (the layout of the number survives)."""
    out, seen = [], 0
    for ch in text:
        if _DIGIT.match(ch) or ch in "*＊":
            seen += 1
            out.append(ch if seen <= keep and ch not in "*＊" else MASK)
        else:
            out.append(ch)
    return "".join(out)


def id_card(text: str) -> str:
    """Region (six digits) kept; birth date, sequence and check digit masked."""
    return mask_digits(text, 6)


def phone(text: str) -> str:
    number = compact(text)
    if number.startswith("0"):  # landline: the area code stays
        area = 3 if number[:2] in ("01", "02") else 4
        return mask_digits(text, area)
    prefix = 2 if number.startswith("86") and len(number) == 13 else 0
    return mask_digits(text, prefix + 3)


def bank_card(text: str) -> str:
    return mask_digits(text, 4)


def plate(text: str) -> str:
    return text[:2] + re.sub(r"[A-Za-z0-9]", MASK, text[2:])


def email(text: str) -> str:
    local, _, domain = text.partition("@")
    return MASK * 3 + "@" + MASK * 3


def passport(text: str) -> str:
    return text[:1] + re.sub(r"[A-Za-z0-9]", MASK, text[1:]) if text[:1].isalpha() else MASK * len(text)


def account(text: str) -> str:
    if text.lower().startswith("wxid_"):
        return text[:5] + MASK * (len(text) - 5)
    return MASK * len(text)


def address(text: str, policy: Policy) -> str:
    if policy.address == "district":
        m = _ADMIN_END.match(text)
        if m and len(m.group()) < len(text):
            return m.group() + "某处"
    return "某地址"


def work_unit(text: str) -> str:
    suffixes = sorted(config.organizations()["suffixes"], key=len, reverse=True)
    suffix = next((s for s in suffixes if text.endswith(s)), "单位")
    return "某" + suffix


_BIRTH = re.compile(r"^(?P<y>[0-9]{4})(?P<rest>.*)$")


def birth_date(text: str, policy: Policy) -> str:
    m = _BIRTH.match(text)
    if not m:
        return "某年某月某日"
    rest = re.sub(r"[0-9]+", "×", m.group("rest"))
    year = m.group("y") if policy.birth_date == "year" else "××××"
    return year + rest
