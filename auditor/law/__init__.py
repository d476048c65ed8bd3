"""Laws and their versions: catalogue (lexicons/laws.yaml), citation checking, optional corpus reader."""

from auditor.law.catalog import (
    article_exists,
    check_citation,
    cpl_2012_to_2018,
    cpl_2018_to_2012,
    named_version,
    resolve_law,
    version_in_force,
)

__all__ = [
    "article_exists",
    "check_citation",
    "cpl_2012_to_2018",
    "cpl_2018_to_2012",
    "named_version",
    "resolve_law",
    "version_in_force",
]
