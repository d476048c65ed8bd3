"""A legal basis numbered as in the version in force on a document's date.

Rules and warnings write their basis in the current numbering (verified against ../shared/law-corpus). A document
dated under an earlier version is judged under that version, so its basis is shown with that version's number where
the number is known: CPL 2018 articles go to the 2012 numbering by the laws.yaml renumbering (article level; the
款 and 项 of the earlier text are not in the corpus, so they are left out rather than guessed). Where no earlier
number is known (the 1996 CPL, the 2012 公安规定), the current number stays and the caller says so.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from auditor.law.catalog import CPL, compare_versions, cpl_article_in, first_version, version_in_force
from auditor.model import LegalBasis


@dataclass(frozen=True)
class BasisOnDate:
    basis: LegalBasis  # numbered for the version in force when known, else as given
    in_force: str | None  # the earlier version in force on the date; None when the given one (or later) was
    renumbered: bool  # the basis now carries the earlier version's number
    current: LegalBasis  # the basis as the rule gives it
    before: str | None = None  # the date precedes every version the rule base knows: the first one's id


def basis_on(given: LegalBasis, on: datetime.date | None) -> BasisOnDate:
    version = version_in_force(given.law, on) if on else None
    if version is None and on is not None and (first := first_version(given.law)) is not None:
        return BasisOnDate(given, None, False, given, before=first)  # e.g. a 2010 document and the 公安规定
    if version is None or compare_versions(given.law, version, given.version) != -1:
        return BasisOnDate(given, None, False, given)  # the given version (or a later one) was in force
    mapped = cpl_article_in(version, given.article) if given.law == CPL and given.version == "2018" else None
    if mapped is None:
        return BasisOnDate(given, version, False, given)
    return BasisOnDate(LegalBasis(law=given.law, version=version, article=mapped), version, True, given)
