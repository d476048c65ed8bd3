"""One training item: a confirmed defect as a question (the redacted excerpt, the evidence marked 【】) and its
answer (what is wrong and why, the legal basis with the article's text, the correct wording or computation).
Every string is redacted with the dossier's redactor; nothing of the original text is kept on the item."""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from auditor.labels import CATEGORY_LABEL, SEVERITY_LABEL
from auditor.lexicon import load_yaml
from auditor.model import AuditResult, Document, Finding
from auditor.redact.documents import ExportRedaction
from auditor.rules.loader import load_rules
from auditor.training.sources import CONFIRMED
from auditor.training.statutes import article_text, label


@functools.cache
def settings() -> dict[str, Any]:
    return dict(load_yaml("training.yaml"))


@functools.cache
def _rules() -> dict:
    return {r.id: r for r in load_rules()}


@dataclass(frozen=True)
class Basis:
    label: str  # 《中华人民共和国刑事诉讼法》（2018）第八十五条第二款
    text: str | None  # the article's text from the statute corpus, None when no corpus is configured
    fragments: tuple[str, ...] = ()  # the words of the article the rule rests on (always available)


@dataclass(frozen=True)
class TrainingItem:
    id: str  # the finding's fingerprint
    rule_id: str
    rule_name: str
    category: str
    category_label: str
    severity: str
    review: str  # confirmed | unreviewed
    document_type: str | None
    question: str
    excerpts: tuple[str, ...]  # redacted, evidence in 【】
    wrong: str  # the finding's message, redacted
    why: tuple[str, ...]  # explanation steps, redacted
    rule_why: str | None  # the rule's own account of why it matters
    legal_basis: tuple[Basis, ...]
    correct: tuple[str, ...] = ()  # correct computation (values) and wording (the rule's good example)
    trial: bool = field(default=False)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def strings(self) -> list[tuple[str, str]]:
        """Every string of the item with where it is (for the last check)."""
        where = f"案例 {self.id}"
        out = [(where, s) for s in (self.question, self.wrong, *self.excerpts, *self.why, *self.correct)]
        out += [(where, b.text or "") for b in self.legal_basis]
        return out


def build_item(result: AuditResult, finding: Finding, review: str, redaction: ExportRedaction,
               corpus: Path | None) -> TrainingItem:
    cfg = settings()
    rule = _rules().get(finding.rule_id)
    doc = result.document(finding.document_id)
    where = f"案例 {finding.fingerprint or finding.rule_id}"
    question = (cfg["question"].format(document=doc.type) if doc is not None and doc.type != "未知文书"
                else cfg["question_no_document"])
    excerpts = tuple(redaction.text(text, where, marks) for text, marks in _excerpts(result, finding, doc,
                                                                                   int(cfg["excerpt_window"])))
    basis = tuple(
        Basis(label(b.to_legal_basis()), article_text(b.to_legal_basis(), corpus), tuple(b.basis_text))
        for b in (rule.legal_basis if rule else ())
    ) or tuple(Basis(label(b), article_text(b, corpus)) for b in finding.legal_basis)
    correct = [template.format(value=_plain(finding.explanation.values[key]))
               for key, template in cfg["correct_values"].items()
               if finding.explanation.values.get(key) not in (None, "", [], {})]
    if rule and rule.docs.get("good"):
        correct.append("规范写法示例：" + rule.docs["good"].strip())
    return TrainingItem(
        id=finding.fingerprint or finding.rule_id,
        rule_id=finding.rule_id,
        rule_name=rule.name if rule else finding.rule_id,
        category=finding.category,
        category_label=CATEGORY_LABEL.get(finding.category, finding.category),
        severity=SEVERITY_LABEL.get(finding.severity, finding.severity),
        review=review,
        document_type=doc.type if doc is not None else None,
        question=redaction.text(question, where),
        excerpts=excerpts,
        wrong=redaction.text(finding.message, where),
        why=tuple(redaction.text(s, where) for s in finding.explanation.steps),
        rule_why=(rule.docs.get("why") or "").strip() or None if rule else None,
        legal_basis=basis,
        correct=tuple(redaction.text(c, where) for c in correct),
        trial=review != CONFIRMED,
    )


def _plain(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "、".join(map(str, value))
    return str(value)


def _excerpts(result: AuditResult, finding: Finding, doc: Document | None,
              window: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """Per document the finding points into: the text around its evidence, with the evidence spans."""
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for ev in finding.evidence:
        by_doc.setdefault(ev.document_id, []).append((ev.start, ev.end))
    if not by_doc and doc is not None:
        by_doc[doc.id] = []
    out = []
    for doc_id, spans in by_doc.items():
        d = result.document(doc_id)
        if d is None or not d.text:
            continue
        if spans:
            lo = max(0, min(s for s, _ in spans) - window)
            hi = min(len(d.text), max(e for _, e in spans) + window)
        else:
            lo, hi = 0, min(len(d.text), 2 * window)
        # Start and end on line breaks where there is one near, so the excerpt reads as whole lines.
        nl = d.text.rfind("\n", 0, lo)
        lo = nl + 1 if nl >= 0 and lo - nl < window // 2 else lo
        nl = d.text.find("\n", hi)
        hi = nl if 0 <= nl and nl - hi < window // 2 else hi
        title = f"{d.title}\n" if d.title and lo > 0 else ""
        text = title + d.text[lo:hi]
        marks = [(len(title) + s - lo, len(title) + e - lo) for s, e in spans]
        out.append((text, marks))
    return out
