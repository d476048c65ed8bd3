"""Papers a dossier says it does not hold: the request note of a review or an inspection names them ("侦查卷宗、
送达回证等未随调"). A required paper so named is left out of the excerpt, not missing from the file."""

from __future__ import annotations

import re
from functools import cache

from auditor.extract.receipts import type_names
from auditor.lexicon import load_yaml
from auditor.model import Document, LeftOut

_SENTENCE = re.compile(r"[^。；;\n]+")
_NOT_PAPERS = frozenset({"卷宗封面", "卷内目录", "卷内备考表"})  # the volumes' names ("侦查卷宗"), not a paper


@cache
def _words() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in load_yaml("doc_types.yaml")["left_out_words"]))


@cache
def _notes() -> frozenset[str]:
    return frozenset(load_yaml("doc_types.yaml")["left_out_notes"])


def left_out_in(doc: Document) -> list[LeftOut]:
    """The papers `doc` (a note about the file) says the file does not hold, each once."""
    if doc.type not in _notes():
        return []
    found: dict[str, LeftOut] = {}
    for sentence in _SENTENCE.finditer(doc.text):
        for said in _words().finditer(sentence.group()):
            # The clause before the word: "本次仅调取拘留…相关文书，讯问笔录、证据材料及起诉意见书等未调取"
            before = re.split(r"[，,（(：:]", sentence.group()[: said.start()])[-1]
            taken: list[tuple[int, int]] = []
            for name, canonical in type_names():  # longest first: 不批准逮捕决定书 before 批准逮捕决定书
                for m in re.finditer(re.escape(name), before):
                    if canonical in _NOT_PAPERS or any(a <= m.start() < b for a, b in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    found.setdefault(canonical, LeftOut(document_id=doc.id, type=canonical, start=sentence.start(),
                                                        end=sentence.end()))
    return list(found.values())
