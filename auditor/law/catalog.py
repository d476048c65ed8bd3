"""The law catalogue (lexicons/laws.yaml): names, versions by date, which articles exist, renumbering.

`check_citation` turns a parsed citation into a judged one: the version in force on the document's date,
and a status (valid | outdated | nonexistent | unknown_law) with a Chinese note when it is not valid.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from auditor.lexicon import LEXICON_DIR, read_yaml
from auditor.model import Citation
from auditor.text.numerals import cn_article

# Brackets as written in titles: inner quotes 〈〉 <> 《》 and full/half-width parentheses all mean the same.
_NORMALISE = str.maketrans({"〈": "《", "〉": "》", "<": "《", ">": "》", "＜": "《", "＞": "》", "﹤": "《", "﹥": "》",
                            "(": "（", ")": "）"})
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Version:
    id: str
    effective: datetime.date | None  # None: treated as in force on every date
    articles: int
    deleted: frozenset[int] = frozenset()
    suffixed: frozenset[str] = frozenset()  # "133之一"
    structure: dict[str, list[int]] | None = None  # article label -> items per 款; None when unknown
    # Article label -> the article of a later version whose 款/项 counts it shares (`structure_from`); with it,
    # `structure` covers only those articles and any other is not checked.
    derived_from: dict[str, str] | None = None


@dataclass(frozen=True)
class Law:
    id: str
    title: str
    aliases: tuple[str, ...]
    versions: tuple[Version, ...]
    renumbering: dict[str, Any] | None = None
    version_aliases: dict[str, str] = field(default_factory=dict)  # normalised title -> version it names
    old_subjects: dict[int, dict[str, Any]] = field(default_factory=dict)
    # Numbers of a version before the previous one (CPL 1996 in the 2012 era): entries with from / to / now / tag.
    earlier_subjects: tuple[dict[str, Any], ...] = ()


def normalise_title(name: str) -> str:
    """Title as written -> lookup key: no spaces, no outer 《》, one kind of brackets."""
    s = _SPACE_RE.sub("", name or "").translate(_NORMALISE)
    if s.startswith("《") and s.endswith("》") and s.count("《") == s.count("》"):
        inner = s[1:-1]
        if inner.count("《") == inner.count("》"):  # not "《A》与《B》"
            s = inner
    return s


def _load_yaml() -> Any:
    with open(LEXICON_DIR / "laws.yaml", encoding="utf-8") as fh:
        return read_yaml(fh)


def _label(article: int, suffix: str | None) -> str:
    return f"{article}{suffix or ''}"


_TEXT_KEYS = ("articles", "articles_tag", "corpus", "deleted", "suffixed")


@functools.cache
def laws() -> dict[str, Law]:
    """Canonical title -> Law."""
    data = _load_yaml()
    tables = data.get("structure") or {}
    out: dict[str, Law] = {}
    for entry in data["laws"]:
        per_version = tables.get(entry["id"]) or {}
        by_id = {str(v["id"]): v for v in entry["versions"]}
        versions: list[Version] = []
        for listed in entry["versions"]:
            # `same_as`: a version that differs only in name and date (the text is another version's).
            text = {k: by_id[str(listed["same_as"])].get(k) for k in _TEXT_KEYS} if listed.get("same_as") else {}
            v = {**text, **listed}
            table = per_version.get(str(listed.get("same_as") or v["id"]))
            versions.append(
                Version(
                    id=str(v["id"]),
                    effective=v.get("effective"),
                    articles=int(v["articles"]),
                    deleted=frozenset(v.get("deleted") or ()),
                    suffixed=frozenset(str(s) for s in v.get("suffixed") or ()),
                    structure=None if table is None else {str(k): list(items) for k, items in table.items()},
                )
            )
        versions = [_derive_structure(v, listed, entry, tables.get(entry["id"]) or {})
                    for v, listed in zip(versions, entry["versions"], strict=True)]
        out[entry["title"]] = Law(
            id=entry["id"],
            title=entry["title"],
            aliases=tuple(entry.get("aliases") or ()),
            versions=tuple(versions),
            renumbering=entry.get("renumbering"),
            old_subjects={int(s["article"]): s for s in entry.get("old_subjects") or ()},
            earlier_subjects=tuple(entry.get("earlier_subjects") or ()),
            version_aliases={normalise_title(k): str(v) for k, v in (entry.get("version_aliases") or {}).items()},
        )
    return out


def _derive_structure(v: Version, listed: dict[str, Any], entry: dict[str, Any],
                      tables: dict[str, Any]) -> Version:
    """A version whose listed articles kept their text in the next version takes their 款/项 counts from it
    (the CPL 2012 articles whose 2018 counterparts are in the corpus)."""
    spec = listed.get("structure_from")
    if not spec:
        return v
    table = tables.get(str(spec["version"])) or {}
    ranges = (entry.get("renumbering") or {}).get("ranges", [])
    structure: dict[str, list[int]] = {}
    derived: dict[str, str] = {}
    for article in spec["articles"]:
        later = _map(ranges, int(article), forward=True) if ranges else int(article)
        if later is None:
            raise ValueError(f"laws.yaml: {entry['id']} {v.id} structure_from: no counterpart of article {article}")
        structure[str(article)] = list(table.get(later) or table.get(str(later)) or [0])
        derived[str(article)] = str(later)
    return dataclasses.replace(v, structure=structure, derived_from=derived)


@functools.cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for law in laws().values():
        for name in (law.title, *law.aliases):
            index[normalise_title(name)] = law.title
    return index


def law_names() -> dict[str, str]:
    """Every known name (normalised title or alias) -> canonical title; for the citation finder."""
    return dict(_alias_index())


def resolve_law(name: str) -> str | None:
    """Title or alias as written ("《刑法》", "刑诉法") -> canonical title; None when unknown."""
    if not isinstance(name, str):
        return None
    return _alias_index().get(normalise_title(name))


def named_version(name: str) -> str | None:
    """The version a title itself names ("人民检察院刑事诉讼规则（试行）" -> "2012试行"), else None."""
    found = _law(name)
    return found.version_aliases.get(normalise_title(name)) if found else None


def _law(name: str) -> Law | None:
    title = resolve_law(name)
    return laws()[title] if title else None


def version_in_force(law: str, on: datetime.date | None) -> str | None:
    """Id of the version in force on `on` (latest when `on` is None); None when unknown or not yet in force."""
    found = _law(law)
    on = as_date(on)
    if found is None or not found.versions:
        return None
    if on is None:
        return found.versions[-1].id
    current: str | None = None
    for v in found.versions:
        if v.effective is None or v.effective <= on:
            current = v.id
    return current


def as_date(on: object) -> datetime.date | None:
    """A date from a date, datetime or ISO string; None for anything else (bad input never raises)."""
    if isinstance(on, datetime.datetime):
        return on.date()
    if isinstance(on, datetime.date):
        return on
    if isinstance(on, str):
        try:
            return datetime.date.fromisoformat(on.strip()[:10])
        except ValueError:
            return None
    return None


def _version(law: Law, version: str | None) -> Version | None:
    return next((v for v in law.versions if v.id == version), None)


def article_exists(
    law: str,
    version: str | None,
    article: int,
    suffix: str | None = None,
    paragraph: int | None = None,
    item: int | None = None,
) -> tuple[bool, str | None]:
    """Does this article (and 款, 项) exist in that version? (ok, Chinese reason when not)."""
    found = _law(law)
    if found is None:
        return False, f"未收录的法律：{law}"
    v = _version(found, version)
    if v is None:
        return False, f"《{found.title}》没有“{version}”版本的资料"
    where = f"《{found.title}》（{v.id}）"
    ok, reason = _article_ok(v, where, article, suffix)
    if not ok:
        return ok, reason
    return _parts_ok(v, where, _label(article, suffix), paragraph, item)


def _article_ok(v: Version, where: str, article: int, suffix: str | None) -> tuple[bool, str | None]:
    if not isinstance(article, int) or article < 1 or article > v.articles:
        return False, f"{where}共{v.articles}条，没有第{article}条"
    if article in v.deleted:
        return False, f"{where}第{article}条已删去"
    if suffix and _label(article, suffix) not in v.suffixed:
        return False, f"{where}没有第{article}条{suffix}"
    return True, None


def _parts_ok(v: Version, where: str, label: str, paragraph: int | None, item: int | None) -> tuple[bool, str | None]:
    if v.structure is None or (paragraph is None and item is None):
        return True, None  # no paragraph/item data for this version: nothing more to check
    if v.derived_from is not None:
        if label not in v.derived_from:
            return True, None  # a version known in part: this article's 款/项 are not known
        ok, reason = _parts_ok(dataclasses.replace(v, derived_from=None), where, label, paragraph, item)
        later = v.derived_from[label]
        return ok, reason and f"{reason}；该条2018年修正时未改动，款项与2018年版第{later}条相同"
    paras = v.structure.get(label, [0])
    if paragraph is not None:
        if paragraph < 1 or paragraph > len(paras):
            return False, f"{where}第{label}条只有{len(paras)}款，没有第{paragraph}款"
        if item is not None and not 1 <= item <= paras[paragraph - 1]:
            return False, f"{where}第{label}条第{paragraph}款只有{paras[paragraph - 1]}项，没有第{item}项"
        return True, None
    most = max(paras)
    if item is not None and not 1 <= item <= most:  # 项 without 款: any 款 with that many items will do
        return False, f"{where}第{label}条没有第{item}项"
    return True, None


def _map(ranges: list[list[int]], article: int, forward: bool) -> int | None:
    for first, last, offset in ranges:
        if forward and first <= article <= last:
            return article + offset
        if not forward and first + offset <= article <= last + offset:
            return article - offset
    return None


def _cpl_ranges() -> list[list[int]]:
    law = _law("中华人民共和国刑事诉讼法")
    return (law.renumbering or {}).get("ranges", []) if law else []


def cpl_2012_to_2018(article: int) -> int | None:
    """2018 number of a 2012 CPL article (None outside 1..290)."""
    return _map(_cpl_ranges(), article, forward=True)


def cpl_2018_to_2012(article: int) -> int | None:
    """2012 number of a 2018 CPL article (None for the 18 articles inserted in 2018)."""
    return _map(_cpl_ranges(), article, forward=False)


def _old_numbering(law: Law, version: str, article: int, suffix: str | None,
                   context: str) -> tuple[str, bool] | None:
    """(note, unverified) when the citation reads as an earlier version's number for the same subject. A law
    renumbered by ranges (the CPL) maps the number; a law rewritten as a whole (the 检察规则 2019) names each
    subject's new number (`now`) and the versions it moved between (`from`, `to`); `tag: U` marks a mapping the
    rule base has not verified."""
    if suffix or not context:
        return None
    previous = law.old_subjects.get(article)
    candidates = [previous] if previous else []
    candidates += [e for e in law.earlier_subjects if int(e["article"]) == article]
    for subject in candidates:
        if "now" in subject:
            before, after, now = str(subject["from"]), str(subject["to"]), int(subject["now"])
        else:
            ren = law.renumbering or {}
            before, after = str(ren.get("from")), str(ren.get("to"))
            now = _map(ren.get("ranges", []), article, forward=True)
        if version != after or now is None or now == article or not re.search(subject["keywords"], context):
            continue
        if subject.get("unless") and re.search(subject["unless"], context):
            continue  # the sentence is about the subject of the article that bears the number now
        if re.search(rf"{cn_article(now)}|第\s*{now}\s*条", context):
            continue  # the sentence cites the new number too ("第八十条、第八十二条"): the old one means another article
        year = "年" if before.isdigit() else ""
        unverified = subject.get("tag") == "U"
        note = f"疑为{before}{year}版条文序号：原第{article}条（{subject['subject']}）在{version}{year}版为第{now}条"
        return (note + "；该新旧条文对照未经核实，请核对" if unverified else note), unverified
    return None


def check_citation(
    c: Citation, on: datetime.date | None, context: str | None = None, named: str | None = None
) -> Citation:
    """`c` with its law's canonical title, the version in force on `on`, its status and a note (a new Citation).

    `context` is the sentence around the citation; with a document date in force of the renumbered
    version it lets a known old number be recognised by its subject (status "outdated"). `named` is the
    version the cited title itself names (see `named_version`), when it does.
    """
    on = as_date(on)
    title = resolve_law(c.law)
    if title is None:
        note = f"未收录的法律：{c.law}" if c.law else "“同法/本法”等指代的法律无法确定"
        return c.model_copy(update={"version": None, "status": "unknown_law", "note": note})
    law = laws()[title]
    version = version_in_force(title, on)
    c = c.model_copy(update={"law": title, "version": version})
    v = _version(law, version)
    if v is None:
        return c.model_copy(update={"status": "valid", "note": "未收录该日期施行的版本，未核对条文"})
    if named and named != v.id and on is not None:
        return _check_named(c, law, v, named)
    where = f"《{title}》（{v.id}）"
    ok, reason = _article_ok(v, where, c.article, c.article_suffix)
    if ok and on is not None:
        old = _old_numbering(law, v.id, c.article, c.article_suffix, context or "")
        if old:
            return c.model_copy(update={"status": "outdated", "note": old[0], "unverified": old[1]})
    if ok:
        ok, reason = _parts_ok(v, where, _label(c.article, c.article_suffix), c.paragraph, c.item)
    return c.model_copy(update={"status": "valid" if ok else "nonexistent", "note": reason})


def _check_named(c: Citation, law: Law, in_force: Version, named: str) -> Citation:
    """A citation of a version by its own title (…（试行）) while another version is in force."""
    v = _version(law, named)
    if v is None:
        return c.model_copy(update={"status": "valid", "note": None})
    where = f"《{law.title}》（{v.id}）"
    ok, reason = _article_ok(v, where, c.article, c.article_suffix)
    if ok:
        ok, reason = _parts_ok(v, where, _label(c.article, c.article_suffix), c.paragraph, c.item)
    if not ok:
        return c.model_copy(update={"status": "nonexistent", "note": reason})
    if law.versions.index(v) < law.versions.index(in_force):
        return c.model_copy(update={"status": "outdated", "note": f"所引{v.id}版已被{in_force.id}版取代"})
    return c.model_copy(update={"status": "valid", "note": None})


CPL = "中华人民共和国刑事诉讼法"


def compare_versions(law: str, a: str | None, b: str) -> int | None:
    """-1, 0 or 1 as version `a` of `law` is older than, the same as or newer than `b` (lexicons/laws.yaml order);
    None when either is unknown."""
    found = _law(law)
    order = [v.id for v in found.versions] if found else []
    if a not in order or b not in order:
        return None
    return (order.index(a) > order.index(b)) - (order.index(a) < order.index(b))


def version_at_least(law: str, version: str | None, since: str) -> bool:
    """True when `version` is `since` or a later version of `law`."""
    cmp = compare_versions(law, version, since)
    return cmp is not None and cmp >= 0


def version_at_most(law: str, version: str | None, until: str) -> bool:
    """True when `version` is `until` or an earlier version of `law`."""
    cmp = compare_versions(law, version, until)
    return cmp is not None and cmp <= 0


def first_version(law: str) -> str | None:
    """Id of the earliest version of `law` the rule base knows (None for an unknown law)."""
    found = _law(law)
    return found.versions[0].id if found and found.versions else None


def cpl_version_on(on: datetime.date | None) -> str | None:
    """Id of the CPL version in force on `on` ("1996", "2012", "2018"); None when the date is unknown."""
    return version_in_force(CPL, on) if on else None


def cpl_article_in(version: str | None, article_2018: int) -> int | None:
    """A 2018 CPL article number as numbered in `version` (2012 via the laws.yaml renumbering); None otherwise."""
    if version == "2018":
        return article_2018
    if version == "2012":
        return cpl_2018_to_2012(article_2018)
    return None
