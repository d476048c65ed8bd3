"""Copies of another case's papers kept in the file for reference: a bracketed line of the document's head says so
("（复印件，同案人邓超另案处理）"). Their acts, persons and decisions are that case's, not this one's."""

from __future__ import annotations

import re
from functools import cache

from auditor.lexicon import load_yaml
from auditor.model import Document


@cache
def _copy_line() -> re.Pattern[str]:
    return re.compile(load_yaml("doc_types.yaml")["other_case_copy"], re.M)


def other_case_copy(doc: Document) -> bool:
    """The document's head says it is a copy of a paper of another case."""
    head = "\n".join(doc.text.split("\n")[: int(load_yaml("doc_types.yaml")["other_case_copy_lines"])])
    return bool(_copy_line().search(head))
