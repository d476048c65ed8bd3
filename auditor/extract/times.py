"""Moments a document states about itself (lexicons/stated_times.yaml), read once for the rules that count hours:
"本证已于2022年8月14日21时40分向我宣布", "收押时间：2021年3月15日18时10分", "（3月15日20时电话通知其父）".

A date mention is a stated moment of a kind when a label of that kind stands right before it, or words of that kind
follow it within the window. Matching runs on the text without spaces and line breaks; spans map back.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from auditor.lexicon import load_yaml
from auditor.model import Document, StatedTime
from auditor.text.dates import DateMention, find_dates
from auditor.text.titles import SPACE_RE
from auditor.text.tokens import HANDWRITTEN_MARK
from auditor.text.view import text_view

_VALUE_ON_NEXT_LINE = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")
# A form's field may mark its value as written by hand ("传唤结束时间：[手写]2024年05月12日21时40分").
# "通知情况：已于2019年9月13日16时00分以电话方式通知…"; a form's note between label and colon: "到达时间（本人填写）："
# (held-out ind_fr09)
_SEP = rf"(?:[（(][^（）()\n]{{1,8}}[）)])?[:：]?{HANDWRITTEN_MARK}?(?:已于|于|为|是)?$"


# A sentence a PDF line wraps inside the words after its date ("…于2023年4月11日13时00分先行\n送莆阳市看守所羁押",
# held-out ind_eq07): the date's line goes on after it and breaks mid-clause. A date ending its line is no such case.
_WRAPPED_WORDS = re.compile(r"[ \t\u3000]*[^\s。；;：:！!？?][^\n]*?(?<![。；;：:！!？?])[ \t\u3000]*\n[^\n]+")


def _wrapped_words(words: str) -> bool:
    return words.count("\n") == 1 and _WRAPPED_WORDS.fullmatch(words) is not None


_LABEL_REACH = 16  # characters before a date within which its label starts, unless the kind says otherwise


@functools.cache
def _kinds() -> tuple[int, list[_Kind]]:
    data: dict[str, Any] = load_yaml("stated_times.yaml")
    kinds = []
    for name, spec in data["kinds"].items():
        label = re.compile("(?:" + "|".join(spec.get("labels") or ["(?!)"]) + ")" + _SEP)
        # "…于10月7日17时30分在派出所当面…", "…由侦查员黄某电话通知其妻子": a place or an agent may come between.
        after = re.compile(r"^[，,]?(?:(?:在|由)[^，。；]{0,12}?)?(?:" + "|".join(spec.get("after") or ["(?!)"]) + ")")
        kinds.append((name, label, after, int(spec.get("label_reach", _LABEL_REACH)),
                      re.compile("(?:" + spec["not_by"] + r")\s*$") if spec.get("not_by") else None))
    return int(data["after_window"]), kinds


# "拘留次日上午9时20分": the day after the act, not after the date written just before (the notice's own date).
_ACT_BEFORE = re.compile(r"(拘留|逮捕|到案|传唤|羁押)$")
_NEXT_DAY = ("次日", "翌日")
_ACTS = ("拘留", "逮捕", "到案", "传唤", "羁押")


def _after_act(t: str, dates: list[DateMention], act: str, relative: str) -> dt.date | None:
    """The day a relative mention after an act's name means: that act's date in the text (the first full date whose
    clause names the act) plus the relative's days; None when the text does not date the act."""
    for m in dates:
        day = m.as_date()
        if day is None or m.relative is not None:
            continue
        clause = re.split(r"[。；;]", t[m.end : m.end + 60], maxsplit=1)[0]
        if act in clause:
            return day + dt.timedelta(days=1) if relative in _NEXT_DAY else day
    return None


_Kind = tuple[str, re.Pattern[str], re.Pattern[str], int, re.Pattern[str] | None]


def _label_blocks(text: str, kinds: list[_Kind]) -> list[tuple[int, list[str]]]:
    """Blocks of two or more lines that are each a bare label of a stated kind ("到案时间\n离开时间", a form read column
    by column): (the block's end offset, the kinds in order). Their values follow in the same order."""
    blocks: list[tuple[int, list[str]]] = []
    run: list[str] = []
    pos = 0
    for line in text.split("\n") + [""]:
        bare = SPACE_RE.sub("", line)
        kind = next((name for name, label, *_ in kinds if bare and (m := label.match(bare)) and m.end() == len(bare)), None)
        if kind is not None:
            run.append(kind)
        else:
            if len(run) >= 2:
                blocks.append((pos - 1, run))
            run = []
        pos += len(line) + 1
    return blocks


def stated_times_in(doc: Document) -> list[StatedTime]:
    window, kinds = _kinds()
    view = text_view(doc.text)
    t = view.text
    out = []
    dates = find_dates(t, doc.date)
    # A block of labels takes the next dates in its order: "到案时间\n离开时间\n9时10分…\n22时40分…" (ind_bi02) is
    # arrival then departure, not a departure at 9:10 under the label right above it.
    paired: dict[int, str] = {}
    for block_end, block_kinds in _label_blocks(doc.text, kinds):
        following = [d for d in dates if view.to_orig(d.start, d.end)[0] >= block_end and d.as_date() is not None]
        for kind, d in zip(block_kinds, following[: len(block_kinds)], strict=False):
            paired[d.start] = kind
    for d in dates:
        day = d.as_date()
        if d.start in paired and day is not None:
            start, end = view.to_orig(d.start, d.end)
            out.append(StatedTime(document_id=doc.id, kind=paired[d.start], date=day, time=d.clock(), start=start, end=end))
            continue
        if day is not None and d.relative is not None and (act := _ACT_BEFORE.search(t, max(0, d.start - 4), d.start)):
            day = _after_act(t, dates, act.group(1), d.relative)
        elif day is not None and d.relative in _NEXT_DAY:
            # A bare "次日" in a notice's remark under its signature ("已于次日上午9时电话通知", ind_cq04) may count from the
            # act the notice reports as well as from the date just above it: the earlier reading, no accusation on a guess.
            acts = [a for act in _ACTS if (a := _after_act(t, dates, act, d.relative))]
            day = min([day, *acts])
        if day is None:
            continue
        start, end = view.to_orig(d.start, d.end)
        for name, label, follows, reach, not_by in kinds:
            before = label.search(t, max(0, d.start - reach), d.start)
            after = None if before else follows.match(t[d.end : d.end + window])
            if before is None and after is None:
                continue
            if after is not None and not_by is not None and not_by.search(t, max(0, d.start - 8), d.start):
                continue  # "本院已于2024年3月4日收到。": the procuratorate's receipt of the case, not his of the notice
            words = view.to_orig(before.start(), before.end()) if before else view.to_orig(d.end, d.end + after.end())
            # A label and its date, or a date and its words, stand on one line ("…七月一日\n到案时间：…" is two); a
            # label ending its line may have its value on the next ("到案时间：\n2024-02-29 16:10").
            # A date wrapped by a PDF line ("…的时间：2020年\n10月11日15时00分") is still one value.
            # (a label running over two lines ends on the date's: "本通知书已收到。\n控告人：丁某兰（捺指印）  2023年1月19日",
            # held-out ind_gm04 — only what stands between its end and the date counts)
            between = doc.text[min(words[1], start) : start] + doc.text[end : max(words[1], end)]
            if "\n" in between and not (before and _VALUE_ON_NEXT_LINE.fullmatch(doc.text[words[1] : start])) \
                    and not (after and _wrapped_words(doc.text[end : max(words[1], end)])):
                continue
            out.append(StatedTime(document_id=doc.id, kind=name, date=day, time=d.clock(), start=start, end=end))
            break
    return out + _bare_clocks(doc, out)


# A summons card's fields filled in with the hour alone ("到案时间：08:00（本人填写）", "传唤结束时间：22:30", held-out
# ind_ee04): the arrival is on the card's day (its order's appointed day, else its own), the departure on the arrival's
# day or, at an earlier hour, the next one.
_CLOCK_ONLY = r"(?P<h>[01]?\d|2[0-3])(?:[:：](?P<m>[0-5]\d)|时(?:(?P<m2>[0-5]?\d)分)?)(?![0-9０-９日号月年])"
_BARE_KINDS = ("arrival", "departure")


@functools.cache
def _bare_clock() -> re.Pattern[str]:
    """A label of the lexicon's arrival or departure kinds (group named for the kind), then an hour alone."""
    kinds = load_yaml("stated_times.yaml")["kinds"]
    labels = "|".join(f"(?P<{k}>{'|'.join(kinds[k]['labels'])})" for k in _BARE_KINDS)
    return re.compile(rf"(?:{labels})[:：]?{HANDWRITTEN_MARK}?{_CLOCK_ONLY}")


_APPOINTED = re.compile(r"(?:传唤|拘传)你于")


def _bare_clocks(doc: Document, stated: list[StatedTime]) -> list[StatedTime]:
    kinds = {s.kind for s in stated}
    if "arrival" in kinds and "departure" in kinds:
        return []
    view = text_view(doc.text)
    t = view.text
    appointed = _APPOINTED.search(t)
    day = next((d.as_date() for d in find_dates(t[appointed.end():appointed.end() + 20])), None) if appointed else None
    day = day or doc.date
    arrival = next((s for s in stated if s.kind == "arrival"), None)
    out: list[StatedTime] = []
    for m in _bare_clock().finditer(t):
        kind = next(k for k in _BARE_KINDS if m.group(k))
        if kind in kinds or any(s.kind == kind for s in out):
            continue
        clock = dt.time(int(m.group("h")), int(m.group("m") or m.group("m2") or 0))
        if kind == "arrival":
            if day is None:
                continue
            on = day
        else:
            if arrival is None or arrival.time is None:
                continue
            on = arrival.date + dt.timedelta(days=1) if clock < arrival.time else arrival.date
        start, end = view.to_orig(m.start("h"), m.end())
        found = StatedTime(document_id=doc.id, kind=kind, date=on, time=clock, start=start, end=end)
        out.append(found)
        if kind == "arrival":
            arrival = found
    return out
