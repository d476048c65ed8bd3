"""A warning's legal basis, numbered as in the version in force on the day its period started.

CPL articles are written in the 2018 numbering and renumbered for the 2012 text by lexicons/laws.yaml; a regulation
gives its earlier numbers in `older` (each verified against the earlier text). A basis whose number is unknown for
the version in force is left out rather than guessed (the 2012 公安规定 is not in the law corpus).
"""

from __future__ import annotations

from datetime import date

from auditor.law.catalog import CPL, cpl_article_in, version_in_force
from auditor.model import LegalBasis
from auditor.warn.spec import BasisSpec


def numbered(entries: tuple[BasisSpec, ...], on: date) -> tuple[LegalBasis, ...]:
    out: list[LegalBasis] = []
    for entry in entries:
        version = version_in_force(entry.law, on)
        if version is None:
            continue
        if version == entry.version:
            article, paragraph = entry.article, entry.paragraph
        elif entry.law == CPL and (mapped := cpl_article_in(version, entry.article)) is not None:
            article, paragraph = mapped, entry.paragraph
        else:
            older = next((o for o in entry.older if o.version == version), None)
            if older is None:
                continue
            article, paragraph = older.article, older.paragraph
        basis = LegalBasis(law=entry.law, version=version, article=article, paragraph=paragraph, item=entry.item)
        if basis not in out:
            out.append(basis)
    return tuple(out)
