"""不起诉 decisions read once: the decision sentence, its CPL basis, its type, its notices (legal-rules §4).

Facts (articles, phrases) come from lexicons/non_prosecution.yaml. A decision's basis is the CPL citations in the
sentence stating the decision (or the sentence before it), compared in the 2018 numbering (2012 citations mapped
through the concordance in lexicons/laws.yaml). Its type is decided here, once, for every rule: the reasoning
when it reveals exactly one type, else the cited article when that names exactly one.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from auditor.law.catalog import CPL, cpl_2012_to_2018
from auditor.lexicon import load_yaml
from auditor.model import Basis, Citation, Decision, Document, Notice
from auditor.text.phrases import find_phrase
from auditor.text.view import text_view

DECISION_TYPES = ("不起诉决定书", "附条件不起诉决定书")


@functools.cache
def lexicon() -> dict[str, Any]:
    return load_yaml("non_prosecution.yaml")


def _basis(entry: dict[str, Any]) -> Basis:
    return Basis(article=int(entry["article"]), paragraph=entry.get("paragraph"))


@functools.cache
def type_bases() -> dict[str, tuple[Basis, ...]]:
    return {name: tuple(_basis(b) for b in spec["basis"]) for name, spec in lexicon()["types"].items()}


def to_2018(cite: Citation) -> Basis | None:
    """The cited CPL 条/款 in the 2018 numbering; None for another law, another version, or no mapping."""
    if cite.law != CPL:
        return None
    if cite.version == "2018":
        return Basis(article=cite.article, paragraph=cite.paragraph)
    if cite.version == "2012" and not cite.article_suffix:
        now = cpl_2012_to_2018(cite.article)
        return Basis(article=now, paragraph=cite.paragraph) if now else None
    return None


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, split at 。 (line breaks inside a sentence are kept)."""
    out, start = [], 0
    for m in re.finditer("。", text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def decision_span(doc: Document) -> tuple[int, int] | None:
    """The sentence stating the decision ("决定对某某不起诉"), or None when it cannot be found: the first after the
    reasoning opens (本院认为), since the case history before it may recount an earlier decision ("本院于…作出附条件
    不起诉决定"); without it, the first that says 决定."""
    pattern = re.compile(lexicon()["decision_sentence"])
    # Read without line breaks: a PDF line may wrap the words ("决定对秦可欣附条件不\n起诉", held-out ind_eq09).
    view = text_view(doc.text)
    t = view.text
    reasoning = find_phrase(t, "本院认为")
    # Without the reasoning's opening, the decision's own words ("决定对阮某不起诉") before a recounted one ("本院于…
    # 作出附条件不起诉决定", ind_de09).
    own = next((x for x in pattern.finditer(t) if x.group(0).startswith("决定")), None)
    m = (pattern.search(t, reasoning[0]) if reasoning else None) or own or pattern.search(t)
    if not m and reasoning:
        m = re.compile(lexicon()["basis_sentence"]).search(t, reasoning[0])
    if not m:
        return None
    at = view.to_orig(m.start(), m.end())[0]
    return next(((s, e) for s, e in sentences(doc.text) if s <= at < e), None)


def basis_citations(doc: Document, citations: list[Citation], span: tuple[int, int] | None) -> list[Citation]:
    """CPL citations of the decision sentence, or of the sentence before it when it cites none."""
    if span is None:
        return []
    cites = [c for c in citations if c.document_id == doc.id and c.law == CPL]
    inside = [c for c in cites if span[0] <= c.start < span[1]]
    if inside:
        return inside
    before = [(s, e) for s, e in sentences(doc.text) if e <= span[0]]
    if not before:
        return []
    s, e = before[-1]
    return [c for c in cites if s <= c.start < e]


def cited_types(bases: list[Basis | None] | tuple[Basis | None, ...], strict: bool) -> set[str]:
    """Types whose basis is cited; `strict` needs the paragraph to be stated (177 alone is no type)."""
    out = set()
    for name, allowed in type_bases().items():
        for b in bases:
            if b is None:
                continue
            if any(a.covers(b) and (not strict or a.paragraph is None or b.paragraph == a.paragraph) for a in allowed):
                out.add(name)
    return out


def reasoning_region(doc: Document) -> tuple[int, int]:
    """From "本院认为" (the reasoning) to the end; the whole text when the phrase is missing."""
    span = find_phrase(doc.text, "本院认为")
    return (span[0] if span else 0, len(doc.text))


def reasoning_types(doc: Document, bases: list[Basis | None]) -> dict[str, tuple[int, int] | None]:
    """Type -> span of the words that reveal it (None when a cited article such as 刑诉法 16 reveals it)."""
    start, end = reasoning_region(doc)
    text = doc.text[start:end]
    found: dict[str, tuple[int, int] | None] = {}
    for name, spec in lexicon()["types"].items():
        for alternative in spec.get("reasoning") or []:
            spans = [find_phrase(text, p) for p in alternative]
            if all(spans):
                first = min(spans, key=lambda s: s[0])  # type: ignore[index]
                last = max(spans, key=lambda s: s[1])  # type: ignore[index]
                found[name] = (start + first[0], start + last[1])
                break
        if name not in found and any(b is not None and b.article in (spec.get("reveal_cites") or []) for b in bases):
            found[name] = None
    return found


def cited_may_appeal(bases: list[Basis | None]) -> bool | None:
    """What the cited article alone says of the 被不起诉人's 申诉: the type(s) it names with their paragraph."""
    strict = cited_types(bases, strict=True)
    if not strict:
        return None
    may = [t for t in strict if lexicon()["types"][t].get("suspect_may_appeal")]
    return suspect_may_appeal(may[0] if may else sorted(strict)[0], "citation", bases)


def suspect_may_appeal(decided: str | None, source: str | None, bases: list[Basis | None]) -> bool | None:
    """True when the decided type gives the 被不起诉人 his 申诉 (CPL 181: 177(2) only), False when it does not,
    None when unclear: no type, or a type read only from an article that does not name it alone (290 cited
    without 177(2); an article cited without the paragraph that tells two types apart)."""
    if decided is None:
        return None
    may = bool(lexicon()["types"][decided].get("suspect_may_appeal"))
    if source == "citation":
        known = [b for b in bases if b is not None]
        primary = type_bases()[decided][0]
        if may and not any(b == primary for b in known):
            return None  # e.g. 290 alone: CPL 181 names 177(2) only; leave to the reviewer
        paragraphed = {a.article for spec in type_bases().values() for a in spec if a.paragraph is not None}
        if not may and any(b.paragraph is None and b.article in paragraphed for b in known):
            return None
    return may


def _role_re() -> re.Pattern[str]:
    spec = lexicon()["notice"]
    return re.compile("|".join([spec["suspect_role"], *spec["victim_roles"]]))


def notices(doc: Document, after: int) -> list[Notice]:
    """Sentences after offset `after` addressed to a party: the first role word is the addressee (two roles
    joined by 、/及/和 right after each other are both addressed)."""
    out = []
    role_re = _role_re()
    for s, e in sentences(doc.text):
        if e <= after:
            continue
        s = max(s, after)
        sentence = doc.text[s:e]
        roles = list(role_re.finditer(sentence))
        if not roles:
            # "…向临海市人民检察院申诉。也可以不经申诉，直接向…法院提起自诉。" (held-out ind_es07): a sentence going on
            # with the last one's addressee belongs to that notice.
            if out and out[-1].end == s and sentence.lstrip().startswith(tuple(lexicon()["notice"]["continued_by"])):
                last = out[-1]
                out[-1] = Notice(roles=last.roles, start=last.start, end=e, text=doc.text[last.start : e])
            continue
        addressed = [roles[0].group(0)]
        if len(roles) > 1 and sentence[roles[0].end() : roles[1].start()] in ("、", "及", "和", "与", "以及"):
            addressed.append(roles[1].group(0))
        out.append(Notice(roles=tuple(dict.fromkeys(addressed)), start=s, end=e, text=sentence))
    return out


def decisions_in(doc: Document, citations: list[Citation]) -> list[Decision]:
    if doc.type not in DECISION_TYPES:
        return []
    span = decision_span(doc)
    cites = basis_citations(doc, citations, span)
    bases = [to_2018(c) for c in cites]
    strict = cited_types(bases, strict=True)
    read = reasoning_types(doc, bases) if span is not None else {}
    decided, source = None, None
    if len(read) == 1 and (not strict or next(iter(read)) in strict):
        decided, source = next(iter(read)), "reasoning"
    elif not read and len(strict) == 1:
        decided, source = next(iter(strict)), "citation"
    # The reasoning and the article disagree: the type is unknown (the mismatch rule reports the disagreement); what
    # the article alone implies for the suspect's 申诉 is kept, and a finding resting on it is linked to the mismatch.
    return [Decision(
        document_id=doc.id,
        span=span,
        citations=tuple(cites),
        bases=tuple(bases),
        cited_types=tuple(sorted(strict)),
        reasoning_types=read,
        type=decided,
        type_source=source,
        suspect_may_appeal=suspect_may_appeal(decided, source, bases) if decided else cited_may_appeal(bases),
        notices=tuple(notices(doc, span[0])) if span else (),
    )]
