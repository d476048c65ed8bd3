"""A warning's legal basis, numbered as in the version in force on the day its period started.

The renumbering is the rules' own (`auditor.law.basis.basis_on`, one decision for findings and warnings): a CPL
article goes to the 2012 numbering by lexicons/laws.yaml, at article level (the earlier text's 款 and 项 are not in the
law corpus, so they are left out rather than guessed). A regulation gives its earlier numbers in `older` (each
verified against the earlier text). A basis whose number is unknown for the version in force is left out (the 2012
公安规定 is not in the law corpus).
"""

from __future__ import annotations

from datetime import date

from auditor.law.basis import basis_on
from auditor.model import LegalBasis
from auditor.warn.spec import BasisSpec


def numbered(entries: tuple[BasisSpec, ...], on: date) -> tuple[LegalBasis, ...]:
    out: list[LegalBasis] = []
    for entry in entries:
        given = LegalBasis(law=entry.law, version=entry.version, article=entry.article, paragraph=entry.paragraph,
                           item=entry.item)
        shown = basis_on(given, on)
        if shown.before is not None:
            continue  # the start day precedes every version the rule base knows
        if shown.in_force is None or shown.renumbered:
            basis = shown.basis
        elif (older := next((o for o in entry.older if o.version == shown.in_force), None)) is not None:
            basis = LegalBasis(law=entry.law, version=older.version, article=older.article, paragraph=older.paragraph,
                               item=entry.item)
        else:
            continue
        if basis not in out:
            out.append(basis)
    return tuple(out)
