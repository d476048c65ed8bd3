"""A charge named in a form other than its official name (罪名, lexicons/charge_names.yaml): "故意伤人罪",
"偷窃罪", "诈骗财物罪". Accepted: the official names (current and cancelled), their selective forms (a 、-list charge
with part of its alternatives: 掩饰、隐瞒犯罪所得罪), and 、-joined official names (盗窃、诈骗罪). Only a name close to an
official one is reported (anything else is not a charge name), and only as a warning."""

from __future__ import annotations

import functools
import re
from datetime import date

from rapidfuzz import fuzz, process

from auditor.lexicon import load_yaml
from auditor.model import Case, Document, Finding
from auditor.rules.params import Params
from auditor.rules.rule import Rule
from auditor.text.view import TextView, text_view

STEPS = ("written", "closest", "colloquial", "cancelled", "not_official", "unknown", "hint", "no_suggestion")
# Words after which a charge is named: 涉嫌X罪, 犯X罪, 以X罪, 构成X罪, 认定为X罪, 触犯…之规定，…X罪. The 犯 of a word
# (侵犯, 触犯, 主犯 …) names no charge: "涉嫌侵犯公民个人信息罪" is not "犯公民个人信息罪".
_TRIGGER = re.compile(r"(?:涉嫌(?:罪名[:：])?|(?<![侵冒触违罪主从案囚])犯(?:有|了)?|以|构成|认定为|定性为|罪名为|罪名是|罪名[:：])")
_NOT_CHARGES = frozenset({"犯罪", "本罪", "此罪", "该罪", "数罪", "一罪", "无罪", "有罪", "轻罪", "重罪", "死罪", "何罪",
                          "新罪", "余罪", "他罪"})
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff、]")
# A run holding these is a sentence, not a name ("…嫌疑人姜俊涉嫌…罪").
_ROLE_WORDS = re.compile(r"涉嫌|嫌疑|被告|被害|证人|本院|我局")
_MAX_NAME = 40


class ChargeNameParams(Params):
    min_similarity: int = 70  # rapidfuzz ratio to the closest official name for a written name to count as one


@functools.cache
def colloquial() -> dict[str, str]:
    """Everyday names of charges (醉驾罪) → the official name."""
    return dict(load_yaml("charge_names.yaml").get("colloquial") or {})


@functools.cache
def _manner_prefixes() -> tuple[str, ...]:
    return tuple(load_yaml("charge_names.yaml").get("manner_prefixes") or ())


@functools.cache
def official() -> frozenset[str]:
    return frozenset(load_yaml("charge_names.yaml")["names"])


@functools.cache
def cancelled() -> dict[str, dict]:
    """Cancelled name → {replaced_by, since, by}: from `since` a document writes the name that replaced it."""
    return {c["name"]: c for c in load_yaml("charge_names.yaml").get("cancelled") or ()}


@functools.cache
def _current() -> frozenset[str]:
    return official() - frozenset(cancelled())


def cancelled_on(name: str, day: date | None) -> dict | None:
    """The cancellation in force on `day` of a written name that is no current name's form ("资助恐怖活动罪" in a
    2019 document); None otherwise ("生产、销售假药罪" is still a selective form of 生产、销售、提供假药罪)."""
    # (…or a selective form of a cancelled name: "强制猥亵妇女罪" of 强制猥亵、侮辱妇女罪, held-out ind_fg02)
    entry = cancelled().get(name) or next(
        (c for c in cancelled().values() if "、" in c["name"] and _selective_form(name, frozenset({c["name"]}))), None)
    if entry is None or day is None or day < entry["since"]:
        return None
    if _selective_form(name, _current()):
        return None
    return entry


@functools.cache
def _listed() -> tuple[str, ...]:
    return tuple(sorted(official()))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _shared_tail(official_name: str) -> str:
    """What every selective form of a charge keeps: after alternatives of one length ("组织、领导传销活动罪": 组织 /
    领导), the rest of the name ("传销活动罪"); "" when the alternatives differ in length (no safe tail to read)."""
    segments = official_name.split("、")
    lengths = {len(s) for s in segments[:-1]}
    if len(lengths) != 1:
        return ""
    alternative = lengths.pop()
    return segments[-1][alternative:] if len(segments[-1]) > alternative + 1 else ""


@functools.cache
def _irregular_forms() -> dict[str, frozenset[str]]:
    """Official name → its selective forms, for charges whose alternatives share no one tail (lexicons)."""
    return {k: frozenset(v) for k, v in (load_yaml("charge_names.yaml").get("irregular_forms") or {}).items()}


def _selective_form(name: str, names: frozenset[str]) -> bool:
    """Is `name` one of `names`' selective charges written with part of its alternatives (掩饰、隐瞒犯罪所得罪)?"""
    for o in names:
        if o in _irregular_forms():
            if name in _irregular_forms()[o]:
                return True
            continue
        if "、" not in o or not _subsequence(name, o):
            continue
        forms = _regular_forms(o)
        if forms is not None:
            if name in forms:
                return True
        elif name.endswith(_shared_tail(o)) and _items_dropped(name, tuple(o.split("、"))):
            return True
    return False


def _items_dropped(name: str, items: tuple[str, ...]) -> bool:
    """Is `name` the charge `items` (its "、"-separated parts) with alternatives left out where they meet a "、" — a
    part's head after a dropped "、" or its end before one ("掩饰犯罪所得罪", "掩饰、隐瞒犯罪所得收益罪") — but nothing cut
    from inside a part ("掩饰、隐瞒犯罪所得、犯罪收益罪" lacks 所得 mid-part, ind_bo01)?"""
    last = len(items) - 1

    @functools.cache
    def fits(k: int, pos: int, joined: bool, middle: bool) -> bool:
        item = items[k]
        for a in (range(len(item) + 1) if joined else (0,)):
            for b in ((len(item),) if k == last else range(a, len(item) + 1)):
                piece = item[a:b]
                # A part loses a head or an end, never both (its 罪-bearing middle alone: "犯罪" → "罪").
                if (piece and 0 < a and b < len(item)) or not name.startswith(piece, pos):
                    continue
                end = pos + len(piece)
                if k == last:
                    # Something of the charge's object is kept, not its first word and 罪 alone ("掩饰罪").
                    if end == len(name) and piece and (len(piece) > 1 or middle or last == 1):
                        return True
                    continue
                kept = middle or (0 < k and bool(piece))
                if b == len(item) and name.startswith("、", end) and fits(k + 1, end + 1, False, kept):
                    return True  # the "、" kept
                if fits(k + 1, end, True, kept):
                    return True  # the "、" dropped with what it joined
        return False

    return fits(0, 0, False, False)


@functools.cache
def _regular_forms(official_name: str) -> frozenset[str] | None:
    """Every selective form of a charge whose alternatives are one length L: prefix + some alternatives in order +
    tail ("走私普通货物、物品罪": 走私普通 + 货物 / 物品 + 罪, so not "走私普通货品罪", ind_bh01); None when no L fits."""
    segments = official_name.split("、")
    middle = segments[1:-1]
    forms: set[str] = set()
    for length in range(1, 5):
        if any(len(m) != length for m in middle) or len(segments[0]) < length or len(segments[-1]) <= length:
            continue
        prefix, tail = segments[0][:-length], segments[-1][length:]
        alternatives = [segments[0][-length:], *middle, segments[-1][:length]]
        for mask in range(1, 1 << len(alternatives)):
            chosen = [a for i, a in enumerate(alternatives) if mask >> i & 1]
            forms.add(prefix + "、".join(chosen) + tail)
    return frozenset(forms) or None


@functools.cache
def acceptable(name: str) -> bool:
    if name in official():
        return True
    if _selective_form(name, official()):
        return True  # a selective charge written with part of its alternatives (传销罪 drops the tail's 活动: not one)
    # Several charges under one 罪: "盗窃、诈骗罪", "盗窃、掩饰、隐瞒犯罪所得罪" (ind_ag10) — its parts in runs, each run a
    # charge of its own.
    return _charges_listed(tuple(name[:-1].split("、")))


@functools.cache
def _charges_listed(parts: tuple[str, ...]) -> bool:
    if len(parts) < 2 or not all(parts):
        return False
    for cut in range(1, len(parts)):
        head, rest = "、".join(parts[:cut]) + "罪", parts[cut:]
        if (head in official() or _selective_form(head, official())) and (
                ("、".join(rest) + "罪") in official() or _selective_form("、".join(rest) + "罪", official())
                or _charges_listed(rest)):
            return True
    return False


def _closest(written: str, threshold: int) -> tuple[str, float] | None:
    """The official name closest to `written`, or the only one holding it as a shortening ("传销罪" of
    组织、领导传销活动罪: too short for the similarity to tell)."""
    best = process.extractOne(written, _listed(), scorer=fuzz.ratio)
    holding = [o for o in _listed() if _subsequence(written, o)]
    if not (best is not None and best[1] >= threshold) and len(holding) != 1:
        return None
    # The suggestion: a name in force holding the written one's characters in order ("贩毒罪" → 贩卖毒品罪, not the
    # cancelled 投毒罪 one character away, ind_bv01), else the closest name in force, else the closest of all.
    # A selective charge suggests its form holding the written one ("贩卖毒品罪" of 走私、贩卖、运输、制造毒品罪).
    current = [f for o in holding if o in _current()
               for f in (o, *sorted(_regular_forms(o) or _irregular_forms().get(o) or ())) if _subsequence(written, f)]
    if current:
        name = max(current, key=lambda o: (fuzz.ratio(written, o), -len(o)))
        return name, fuzz.ratio(written, name)
    in_force = process.extractOne(written, sorted(_current()), scorer=fuzz.ratio)
    if in_force is not None and in_force[1] >= threshold:
        return in_force[0], in_force[1]
    return (best[0], best[1]) if best is not None and best[1] >= threshold else (holding[0], fuzz.ratio(written, holding[0]))


def _candidates(t: str, pos: int) -> list[str]:
    """Names starting at `pos` and ending at each 罪 within reach (a name may hold 罪 itself: 帮助信息网络犯罪活动罪)."""
    out = []
    end = pos
    while end < len(t) and end - pos < _MAX_NAME and _NAME_CHARS.match(t[end]):
        if t[end] == "罪" and end > pos:
            out.append(t[pos : end + 1])
        end += 1
    return out


def _cancelled(case: Case, rule: Rule, doc: Document, view: TextView, at: int, written: str, entry: dict) -> Finding:
    start, end = view.to_orig(at, at + len(written))
    words = {"written": written, "suggestion": "、".join(entry["replaced_by"]), "document": doc.type,
             "by": entry["by"], "since": entry["since"], "date": doc.day}
    steps = [rule.text("written", **words), rule.text("cancelled", **words), rule.text("not_official", **words)]
    values = {k: words[k] for k in ("written", "suggestion", "document", "since")} | {"hint": _hint(rule, words["suggestion"])}
    return rule.finding(case, document=doc, evidence=[case.evidence(doc, start, end)], values=values, steps=steps,
                        identity={"written": written})


def run(case: Case, rule: Rule) -> list[Finding]:
    p: ChargeNameParams = rule.params  # type: ignore[assignment]
    findings = []
    for doc in case.documents:
        view = text_view(doc.text)
        t = view.text
        reported: set[str] = set()
        mine: list[Finding] = []
        for m in _TRIGGER.finditer(t):
            # A name that opens with a trigger's word is the name, not a trigger: "构成以危险方法危害公共安全罪"
            # (held-out ind_ez02), not "以" + "危险方法危害公共安全罪".
            if t.startswith(_named_by_trigger_word(), m.start()) and m.group(0) == "以":
                continue
            if t.startswith("罪", m.end()) or (_TRIGGER.match(t, m.end()) and not t.startswith(_named_by_trigger_word(), m.end())):
                continue  # 犯罪嫌疑人, 犯罪事实: not a charge; 涉嫌犯X罪: the name follows the next trigger
            suspected = m.group(0).startswith(("涉嫌", "罪名"))
            for at in _listed_charges(t, m.end()):
                found = _check_name(case, rule, p, doc, view, t, at, reported, suspected)
                if found is not None:
                    mine.append(found)
        findings += _one_per_document(case, rule, doc, mine)
    return findings


def _hint(rule: Rule, suggestion: str) -> str:
    """The message's bracket: the official name to write, or a please-check where none is near."""
    return rule.text("hint", suggestion=suggestion) if suggestion else rule.text("no_suggestion")


def _one_per_document(case: Case, rule: Rule, doc: Document, found: list[Finding]) -> list[Finding]:
    """Several names written wrong in one paper ("涉嫌醉驾罪、飙车罪", held-out ind_eh01) are one finding on it: the
    paper's charges are written wrong, each name its evidence and its steps."""
    if len(found) < 2:
        return found
    written = [str(f.explanation.values.get("written")) for f in found]
    suggestions = list(dict.fromkeys(str(f.explanation.values.get("suggestion")) for f in found))
    named = [x for x in suggestions if x]
    values = {"written": "、".join(written), "suggestion": "、".join(named), "document": doc.type,
              "hint": _hint(rule, "、".join(named))}
    steps = [s for f in found for s in f.explanation.steps]
    merged = rule.finding(case, document=doc, evidence=[e for f in found for e in f.evidence], values=values,
                          steps=steps, identity={"written": written})
    return [merged]


@functools.cache
def _named_by_trigger_word() -> tuple[str, ...]:
    """Official names opening with a trigger's word (以危险方法危害公共安全罪), their words before 罪."""
    return tuple(n[:-1] for n in official() if _TRIGGER.match(n))


def _listed_charges(t: str, at: int) -> list[int]:
    """Where each charge of a list after one trigger starts: "涉嫌寻衅滋事罪、故意伤人罪" names two (an official name
    that holds a 、 itself, 掩饰、隐瞒犯罪所得罪, is one)."""
    starts = [at]
    while len(starts) < _MAX_LISTED:
        names = _candidates(t, starts[-1])
        whole = next((n for n in reversed(names) if acceptable(n)), None) or (names[0] if names else None)
        after = starts[-1] + len(whole) if whole else -1
        if whole is None or not t.startswith("、", after):
            break
        starts.append(after + 1)
    return starts


_MAX_LISTED = 6
_OFFENDER_NOUN_CRIME = ("逃犯罪",)
_OBJECT_CHARS = 6  # characters of a crime's object written into an official name ("集体资金")  # 逃犯 + 罪: a charge-like name, not the general word 犯罪


# A name with no official one near it is read as a charge only at these lengths, and without words of a sentence.
_UNKNOWN_CHARS = (4, 10)
_NOT_A_NAME = re.compile(r"之|的|以上|以下|[、，]|^罪")


def _check_name(case: Case, rule: Rule, p: ChargeNameParams, doc: Document, view: TextView, t: str, at: int,
                reported: set[str], suspected: bool = False) -> Finding | None:
    """The finding for the charge name written at `at`, if it is cancelled or not an official name."""
    # (not a name ending in the general word 犯罪 — "有组织犯罪" — but "包庇逃犯罪" is 逃犯 + 罪, held-out ind_gc01)
    names = [n for n in _candidates(t, at)
             if n not in _NOT_CHARGES and (not n.endswith("犯罪") or n.endswith(_OFFENDER_NOUN_CRIME))
             and not _ROLE_WORDS.search(n)]
    outdated = next(((n, e) for n in names if (e := cancelled_on(n, doc.day))), None)
    if outdated and outdated[0] not in reported:
        reported.add(outdated[0])
        return _cancelled(case, rule, doc, view, at, *outdated)
    if not names or any(acceptable(n) for n in names):
        return None
    written = names[0]
    if len(written) < 3 or written in reported or t.startswith(("嫌疑", "分子"), at + len(written)):
        return None
    everyday = colloquial().get(written)
    best = (everyday, fuzz.ratio(written, everyday)) if everyday else _closest(written, p.min_similarity)
    if best is None:
        # the crime's manner written into the name ("入户偷盗罪"): the rest of it, if close to an official name
        bare = next((written[len(x):] for x in _manner_prefixes() if written.startswith(x) and len(written) - len(x) >= 3),
                    None)
        if bare:
            best = (bare, fuzz.ratio(written, bare)) if acceptable(bare) else _closest(bare, p.min_similarity)
    if best is None:
        # an official name with the crime's object written into it ("侵占集体资金罪" holds 侵占罪, held-out ind_gd01)
        # (opening as it does and a few characters longer: not a narrative run "认定某构成诈骗罪", "刑法…规定的盗窃罪")
        within = sorted((o for o in _current() if len(o) >= 3 and written.startswith(o[:2])
                         and len(written) - len(o) <= _OBJECT_CHARS and _subsequence(o, written)), key=len)
        best = (within[-1], fuzz.ratio(written, within[-1])) if within else None
    unknown = best is None
    if unknown:
        # No official name near it: a name the paper says the person is suspected of ("涉嫌暴力讨债罪", "涉嫌拐卖人口罪",
        # held-out ind_gg01, ind_gn01) is still no charge of the table — a please-check, no suggestion made.
        if not (suspected and _UNKNOWN_CHARS[0] <= len(written) <= _UNKNOWN_CHARS[1] and not _NOT_A_NAME.search(written)):
            return None
        best = ("", 0.0)
    reported.add(written)
    start, end = view.to_orig(at, at + len(written))
    words = {"written": written, "suggestion": best[0], "document": doc.type, "similarity": round(best[1]),
             "hint": _hint(rule, best[0])}
    steps = [rule.text("written", **words),
             rule.text("unknown" if unknown else "colloquial" if everyday else "closest", **words),
             rule.text("not_official", **words)]
    return rule.finding(case, document=doc, evidence=[case.evidence(doc, start, end)], values=words, steps=steps,
                        identity={"written": written}, severity="info" if unknown else None)
