"""The procedural timeline of a dossier (Altair): each suspect's coercive measures as bars with their legal period
as a band behind them, every act as a tick, and the overruns the deadline rules found in red.

The periods are read from the rules that check them (their YAML parameters), never restated here; a measure with
no act ending it in the file runs to the dossier's last dated act and is not judged by the chart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import altair as alt

from auditor.law.periods import deadline, parse_period
from auditor.model import DossierReport, Event
from auditor.report.rows import FindingRow
from auditor.rules.loader import load_rules


@dataclass(frozen=True)
class Measure:
    action: str  # the act that starts it
    ends: tuple[str, ...]  # acts that end it
    rule_id: str  # the rule whose parameter is its legal period
    param: str
    custody: bool
    period_label: str
    # True: the period bounds the measure itself (days used / days allowed); False: it bounds a step taken during
    # it (拘留 → 提请批准逮捕), so the measure's length is not compared with it.
    bounds_measure: bool = True


MEASURES = (
    Measure("刑事拘留", ("逮捕", "释放", "取保候审", "监视居住", "指定居所监视居住"), "ARREST-REQUEST-DEADLINE", "limit",
            True, "拘留后提请批准逮捕的期限", bounds_measure=False),
    Measure("逮捕", ("移送审查起诉", "释放", "取保候审", "监视居住", "指定居所监视居住"), "INVESTIGATION-CUSTODY-OVERDUE",
            "limit", True, "侦查羁押"),
    Measure("取保候审", ("解除取保候审", "逮捕", "刑事拘留"), "BAIL-TERM", "max", False, "取保候审最长"),
    Measure("监视居住", ("解除监视居住", "逮捕", "刑事拘留"), "SURVEILLANCE-TERM", "max", False, "监视居住最长"),
)


@dataclass(frozen=True)
class Bar:
    lane: str
    kind: str  # 措施 | 法定期限 | 超期（规则认定）
    start: dt.date
    end: dt.date
    text: str
    label: str = ""  # written at the bar's end: days used / allowed, days over


def _period(rule_id: str, param: str) -> str | None:
    rule = next((r for r in load_rules() if r.id == rule_id), None)
    value = rule.check.get(param) if rule else None
    return value if isinstance(value, str) else None


def timeline_bars(report: DossierReport, findings: list[FindingRow]) -> tuple[list[Bar], list[Event]]:
    """The bars of the chart and the dated acts (ticks)."""
    events = sorted((e for e in report.events if e.date), key=lambda e: e.date)
    if not events:
        return [], []
    last = events[-1].date
    bars: list[Bar] = []
    for m in MEASURES:
        for ev in (e for e in events if e.action == m.action):
            person = ev.person or "案件"
            lane = f"{person} · {m.action}"
            end_event = next((e for e in events if e.action in m.ends and e.date >= ev.date
                              and (e.person in (None, ev.person))), None)
            end = end_event.date if end_event else last
            limit_text = _period(m.rule_id, m.param)
            allowed = ""
            if limit_text:
                limit = parse_period(limit_text)
                last_day = deadline(ev.date, limit, m.custody).last_day
                longer = _extensions(m.rule_id)
                more = f"；有法定延长情形的可至{'、'.join(longer)}" if longer else ""
                bars.append(Bar(lane, "法定期限", ev.date, last_day,
                                f"{m.period_label}：{limit.label}，至{last_day.isoformat()}{more}"))
                allowed = f" / 法定{limit.label}" if m.bounds_measure else ""
            used = (end - ev.date).days
            until = f"{end_event.action}（{end.isoformat()}）" if end_event else f"卷内最后日期（{end.isoformat()}）"
            bars.append(Bar(lane, "措施", ev.date, end, f"{m.action}自{ev.date.isoformat()}至{until}，已用{used}日{allowed}",
                            f"已用{used}日{allowed}"))
    for f in findings:
        if f.category != "deadline":
            continue
        values = f.data.get("explanation", {}).get("values", {})
        last_day, to_day = _day(values.get("last_day")), _day(values.get("to_date"))
        if last_day and to_day and to_day > last_day:
            bars.append(Bar("超期（规则认定）", "超期（规则认定）", last_day, to_day,
                            f"{f.rule_name}：最后一日{last_day.isoformat()}，实际{to_day.isoformat()}",
                            f"{f.rule_name}：超过{(to_day - last_day).days}日"))
    return bars, events


def _extensions(rule_id: str) -> list[str]:
    """The longer limits a rule allows on lawful extension (its YAML `extensions`), as labels."""
    rule = next((r for r in load_rules() if r.id == rule_id), None)
    out = []
    for ext in (rule.check.get("extensions") or []) if rule else []:
        if isinstance(ext, dict) and isinstance(ext.get("limit"), str):
            out.append(parse_period(ext["limit"]).label)
    return out


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


COLOURS = alt.Scale(domain=["法定期限", "措施", "超期（规则认定）"], range=["#d9e2ef", "#3b6fb6", "#d62728"])


def timeline_chart(report: DossierReport, findings: list[FindingRow]) -> alt.LayerChart | None:
    """Measures (a row per person and measure) above the acts (a row per kind of act, in date order)."""
    bars, events = timeline_bars(report, findings)
    if not bars and not events:
        return None
    act_lanes = list(dict.fromkeys(f"行为：{e.action}" for e in events))
    lanes = list(dict.fromkeys(b.lane for b in bars)) + act_lanes
    bar_rows = [{"轨道": b.lane, "类型": b.kind, "开始": b.start.isoformat(),
                 "结束": (b.end + dt.timedelta(days=1)).isoformat(), "说明": b.text, "标注": b.label} for b in bars]
    tick_rows = [{"轨道": f"行为：{e.action}", "日期": e.date.isoformat(), "标注": e.date.strftime("%m-%d"),
                  "说明": f"{e.date.isoformat()} {e.action}" + (f"（{e.person}）" if e.person else "")}
                 for e in events]
    y = alt.Y("轨道:N", sort=lanes, title=None, scale=alt.Scale(domain=lanes),
              axis=alt.Axis(labelLimit=260, labelOverlap=False))
    x = alt.X("开始:T", title="日期", axis=alt.Axis(format="%Y-%m-%d", labelOverlap=True))
    colour = alt.Color("类型:N", scale=COLOURS, legend=alt.Legend(title=None, orient="top"))
    bar_data = alt.Data(values=bar_rows)
    band = alt.Chart(bar_data).transform_filter(alt.datum["类型"] == "法定期限").mark_bar(
        opacity=0.9, height={"band": 0.9}).encode(x=x, x2="结束:T", y=y, color=colour, tooltip=["说明:N"])
    used = alt.Chart(bar_data).transform_filter(alt.datum["类型"] != "法定期限").mark_bar(
        height={"band": 0.45}).encode(x="开始:T", x2="结束:T", y=y, color=colour, tooltip=["说明:N"])
    tick_data = alt.Data(values=tick_rows)
    ticks = alt.Chart(tick_data).mark_point(shape="diamond", filled=True, size=90, color="#222").encode(
        x="日期:T", y=y, tooltip=["说明:N"])
    labels = alt.Chart(tick_data).mark_text(align="left", dx=7, fontSize=11, color="#333").encode(
        x="日期:T", y=y, text="标注:N")
    bar_labels = alt.Chart(bar_data).transform_filter(alt.datum["标注"] != "").mark_text(
        align="left", dx=4, fontSize=11, color="#1f3b66").encode(x="结束:T", y=y, text="标注:N")
    return alt.layer(band, used, ticks, labels, bar_labels).properties(height=alt.Step(30))
