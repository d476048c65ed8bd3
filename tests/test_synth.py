"""Synthetic dossier generator: wording helpers, planted defects, truth files and the three writers."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from conftest import DEV_CORPUS, LAW_CORPUS, SHARED, requires_font, requires_shared

from auditor.law.catalog import cpl_2012_to_2018
from auditor.synth import RULES, generate_corpus, generate_dossier, plan_corpus, writers
from auditor.synth.generator import (
    ARREST_DEFECTS,
    ARREST_LOOKALIKES,
    CASE_SCOPE,
    LEGACY_RULES,
    document_acts,
    plants_fit,
)
from auditor.synth.names import PLACES, id_check_digit, is_valid_id, make_id
from auditor.synth.templates import (
    CONDITIONAL_CHAPTERS,
    CPL,
    CPL_2018_START,
    CPL_ARTICLE_COUNT,
    CPL_SUBJECTS,
    CRIMES,
    PENAL_EXEMPTION_ARTICLE,
    ar_date,
    cn_date,
    cn_int,
    rel_date,
    upper_amount,
)

# Large enough that every plantable rule is planted at least twice (1–3 defects in each of three quarters).
CORPUS_SIZE = 48

_ANCHORS = {
    "ARREST-REQUEST-DEADLINE": "提请批准逮捕书",
    "BAIL-TERM": "取保候审决定书",
    "SURVEILLANCE-TERM": "监视居住决定书",
    "BAIL-BOTH-GUARANTEES": "取保候审决定书",
    "DETENTION-NOTICE-MISSING": "拘留证",
}
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def cn_to_int(text: str) -> int:
    """Inverse of cn_int for the test's own checks (一百零一, 三百一十, 十二)."""
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += current * 100
            current = 0
    return total + current


def parse_date_line(line: str) -> date | None:
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", line)
    if m:
        return date(*map(int, m.groups()))
    m = re.fullmatch(r"([〇一二三四五六七八九]{4})年([一二三四五六七八九十]+)月([一二三四五六七八九十]+)日", line)
    if m:
        year = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
        return date(year, cn_to_int(m.group(2)), cn_to_int(m.group(3)))
    return None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate_corpus(out, count=CORPUS_SIZE, seed=7, formats=("txt", "docx"))
    return out


def truths(folder: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.truth.json"))]


# ---------------------------------------------------------------------------------------------
# Wording helpers


@pytest.mark.parametrize(
    "n, expected",
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (82, "八十二"), (100, "一百"), (101, "一百零一"),
     (110, "一百一十"), (162, "一百六十二"), (264, "二百六十四"), (310, "三百一十")],
)
def test_cn_int(n, expected):
    assert cn_int(n) == expected
    assert cn_to_int(expected) == n


@pytest.mark.parametrize(
    "d, cn, ar",
    [(date(2023, 3, 5), "二〇二三年三月五日", "2023年3月5日"),
     (date(2020, 12, 31), "二〇二〇年十二月三十一日", "2020年12月31日"),
     (date(2019, 10, 20), "二〇一九年十月二十日", "2019年10月20日")],
)
def test_dates(d, cn, ar):
    assert (cn_date(d), ar_date(d)) == (cn, ar)
    assert parse_date_line(cn) == parse_date_line(ar) == d


@pytest.mark.parametrize(
    "prev, d, expected",
    [(None, date(2023, 3, 7), "2023年3月7日"), (date(2023, 3, 5), date(2023, 3, 7), "同年3月7日"),
     (date(2023, 3, 7), date(2023, 3, 7), "同日"), (date(2022, 12, 30), date(2023, 1, 2), "2023年1月2日")],
)
def test_rel_date(prev, d, expected):
    assert rel_date(prev, d) == expected


@pytest.mark.parametrize("n, expected", [(3000, "叁仟元"), (12000, "壹万贰仟元"), (20000, "贰万元"), (1000, "壹仟元")])
def test_upper_amount(n, expected):
    assert upper_amount(n) == expected


@pytest.mark.parametrize(
    "number, valid",
    [("11010519491231002X", True), ("11010519491231002x", True), ("110105194912310021", False),
     ("1101051949123100", False), ("11010519491231002Y", False), ("", False)],
)
def test_id_checksum(number, valid):
    assert is_valid_id(number) is valid


def test_make_id_is_valid_and_encodes_gender():
    rng = random.Random(1)
    for male in (True, False):
        for _ in range(50):
            number = make_id(rng, PLACES[0].region, date(1990, 5, 3), male)
            assert is_valid_id(number) and number[6:14] == "19900503"
            assert int(number[16]) % 2 == (1 if male else 0)
            assert id_check_digit(number[:17]) == number[17]


# ---------------------------------------------------------------------------------------------
# Planning and planting


def test_corpus_is_deterministic(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate_corpus(a, count=6, seed=3, formats=("txt",))
    generate_corpus(b, count=6, seed=3, formats=("txt",))
    generate_corpus(c, count=6, seed=4, formats=("txt",))
    files = sorted(p.name for p in a.iterdir())
    assert files == sorted(p.name for p in b.iterdir()) and len(files) == 12
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    assert any((a / f).read_bytes() != (c / f).read_bytes() for f in files)


def test_corpus_mix(corpus):
    ts = truths(corpus)
    assert [t["source"] for t in ts] == [f"case_{i:02d}" for i in range(1, CORPUS_SIZE + 1)]
    planted = Counter(p["rule_id"] for t in ts for p in t["planted"])
    assert set(planted) == set(RULES) and min(planted.values()) >= 2
    assert sum(t["clean"] for t in ts) == CORPUS_SIZE // 4  # about a quarter
    for t in ts:
        assert t["clean"] == (not t["expected_findings"])
        assert t["clean"] or 1 <= len([p for p in t["planted"] if not p["variant"].startswith("with ")]) <= 3
        assert t["expected_findings"] == [{"rule_id": p["rule_id"], "document_type": p["document_type"]}
                                          for p in t["planted"]]
    old = [t for t in ts if t["era"] == "2012"]
    assert old and all(d["date"] < CPL_2018_START.isoformat() for t in old for d in t["documents"])
    assert all(not set(p["rule_id"] for p in t["planted"]) & {"CITATION-OUTDATED", "CITATION-NONEXISTENT"}
               for t in old)
    assert all("2019-01-01" <= d["date"] <= "2025-12-31" for t in ts if t["era"] == "2018" for d in t["documents"])
    assert any(len(t["persons"]) == 2 for t in ts)


@pytest.mark.parametrize("count", [1, 4, 12, 20, CORPUS_SIZE])
def test_plan_corpus_covers_rules(count):
    plans = plan_corpus(random.Random(count), count)
    assert len(plans) == count
    used = Counter(r for p, _ in plans for r in p)
    if count >= CORPUS_SIZE:
        assert all(used[r] >= 2 for r in RULES)
    for p, _ in plans:
        assert len(p) == len(set(p)) <= 3
        assert not ("ARREST-REQUEST-DEADLINE" in p and {"BAIL-TERM", "BAIL-BOTH-GUARANTEES", "SURVEILLANCE-TERM"} & set(p))


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("seed", range(6))
def test_single_plant_yields_one_finding(rule, seed):
    dossier = generate_dossier(random.Random(seed), 1, [rule])
    # The defect first; any finding it necessarily raises too is recorded as "with <rule>".
    findings = dossier.expected_findings()
    assert findings[0]["rule_id"] == rule
    assert all(p["variant"] == f"with {rule}" for p in dossier.planted[1:])
    if rule in _ANCHORS:
        assert findings[0]["document_type"] == _ANCHORS[rule]
    assert findings[0]["document_type"] in [d.type for d in dossier.documents]
    if rule == "DETENTION-NOTICE-MISSING":
        assert "拘留通知书" not in [d.type for d in dossier.documents]


@pytest.mark.parametrize(
    "plant",
    [["NO-SUCH-RULE"], ["ARREST-REQUEST-DEADLINE", "BAIL-TERM"], ["ARREST-REQUEST-DEADLINE", "SURVEILLANCE-TERM"]],
)
def test_bad_plants_are_refused(plant):
    with pytest.raises(ValueError):
        generate_dossier(random.Random(0), 1, plant)


@pytest.mark.parametrize("seed", range(12))
def test_conditional_dossier_has_a_minor(seed):
    """附条件不起诉: one minor (16 or 17 at the incident; ID, birth date and gender agree), a crime of the chapters
    CPL 282 names, his parent present at each 讯问, and the decision instead of a 不起诉决定书."""
    dossier = generate_dossier(random.Random(seed), 1, [], conditional=True)
    ctx = dossier.context
    (p,) = ctx.persons
    incident = ctx.dates["incident"]
    age = incident.year - p.birth.year - ((incident.month, incident.day) < (p.birth.month, p.birth.day))
    assert 16 <= age < 18 and is_valid_id(p.id_number)
    assert p.id_number[6:14] == f"{p.birth:%Y%m%d}" and int(p.id_number[16]) % 2 == p.male
    assert ctx.crime.chapter in CONDITIONAL_CHAPTERS and ctx.crime.has_victim
    types = [d.type for d in dossier.documents]
    assert "附条件不起诉决定书" in types and "不起诉决定书" not in types and "逮捕证" not in types
    relation, guardian = ctx.family[p.name]
    assert relation in ("父亲", "母亲")
    for doc in dossier.documents:
        if doc.type == "讯问笔录":
            assert f"法定代理人：{guardian}（{p.name}的{relation}）" in doc.lines


def test_conditional_refused_where_it_cannot_fit():
    with pytest.raises(ValueError):
        generate_dossier(random.Random(0), 1, ["ARREST-NOTICE-MISSING"], conditional=True)


def test_old_dossier_refuses_citation_plants():
    with pytest.raises(ValueError):
        generate_dossier(random.Random(0), 1, ["CITATION-OUTDATED"], old=True)


def _dossiers(n: int = 60):
    for seed in range(n):
        rng = random.Random(1000 + seed)
        plant = rng.sample(LEGACY_RULES, rng.randint(0, 2))  # the legacy plants' wording is checked below
        if not plants_fit(plant):
            plant = plant[:1]
        yield generate_dossier(rng, seed, plant)


def test_arrest_gaps_match_variants():
    seen = set()
    for dossier in _dossiers(200):
        d = dossier.context.dates
        text = "\n".join("\n".join(doc.lines) for doc in dossier.documents)
        kind = dossier.context.extension
        # The extension words the rule looks for appear only where planted on purpose.
        assert ("结伙作案" in text) == (kind == "gang") and ("流窜作案" in text) == (kind == "roving")
        assert "多次作案" not in text and ("特殊情况" in text) == (kind == "special")
        has_ext = "延长拘留期限通知书" in [doc.type for doc in dossier.documents]
        assert has_ext == bool(kind)
        for entry in dossier.planted + dossier.lookalikes:
            if entry["rule_id"] != "ARREST-REQUEST-DEADLINE":
                continue
            seen.add(entry["variant"])
            gap = (d["request"] - d["detain"]).days
            table = ARREST_DEFECTS if entry in dossier.planted else ARREST_LOOKALIKES
            assert table[entry["variant"]] == (gap, kind)
            limit = 3 if not kind else 7 if kind == "special" else 30
            assert (gap > limit) == (entry in dossier.planted)
            assert (d["approve"] - d["request"]).days <= 7
    assert seen >= set(ARREST_DEFECTS) | set(ARREST_LOOKALIKES)


def test_bail_and_surveillance_wording():
    for dossier in _dossiers():
        for entry in dossier.planted + dossier.lookalikes:
            doc = next((x for x in dossier.documents if x.type == entry["document_type"]), None)
            body = "\n".join(doc.lines) if doc else ""
            planted = entry in dossier.planted
            if entry["rule_id"] in ("BAIL-TERM", "SURVEILLANCE-TERM"):
                months = entry["months"]
                assert (months > (12 if entry["rule_id"] == "BAIL-TERM" else 6)) == planted
                if entry["variant"].startswith("months"):
                    assert f"期限为{cn_int(months)}个月" in body
                else:
                    assert re.search(r"期限自\d{4}年\d+月\d+日起至\d{4}年\d+月\d+日止", body)
            if entry["rule_id"] == "BAIL-BOTH-GUARANTEES":
                guarantor = doc.params["guarantor"]
                both = f"保证人{guarantor}" in body and re.search(r"保证金人民币\S+（\d+元）", body)
                assert bool(both) == planted
                if not planted:
                    assert "提出保证人或者交纳保证金" in body


def test_every_act_has_its_event():
    acts = document_acts()
    for dossier in _dossiers(20):
        events = {(e["action"], e["date"], e["person"]) for e in dossier.events()}
        for doc in dossier.documents:
            for p in doc.persons:
                if doc.type in acts:
                    act = acts[doc.type]
                    if act == "监视居住" and doc.params.get("place") == "designated":
                        act = "指定居所监视居住"  # a decision executed at a designated residence
                    person = None if act in CASE_SCOPE else p.name  # case-level acts (actions.yaml scope: case)
                    assert (act, doc.date.isoformat(), person) in events
        known = set(acts.values()) | {"立案", "指定居所监视居住"}
        assert all(e["action"] in known for e in dossier.events())


def test_ids_in_text_pass_checksum(corpus):
    for path in corpus.glob("*.txt"):
        ids = re.findall(r"公民身份号码(\w{18})", path.read_text(encoding="utf-8"))
        assert ids and all(is_valid_id(i) for i in ids)


# ---------------------------------------------------------------------------------------------
# Writers


def _chunks(text: str) -> list[list[str]]:
    return [c.strip("\n").split("\n") for c in text.split(f"\n{writers.SEPARATOR}\n")]


def test_txt_matches_truth(corpus):
    for truth in truths(corpus):
        text = (corpus / f"{truth['source']}.txt").read_text(encoding="utf-8")
        chunks = _chunks(text)
        assert len(chunks) == len(truth["documents"])
        for lines, doc in zip(chunks, truth["documents"], strict=True):
            assert lines[0] == doc["organ"] and lines[1] == doc["title"]
            assert (lines[2] == doc["number"]) if doc["number"] else not re.search(r"〔\d{4}〕\d+号", lines[2])
            assert parse_date_line(lines[-1]).isoformat() == doc["date"]
            # the date line is the document's last date
            tail = "\n".join(lines[:-1])[-40:]  # a period end ("延长至…") may precede the sign-off
            assert not re.search(r"(?<!延长至)(\d{4}年\d{1,2}月\d{1,2}日|[〇一二三四五六七八九]{4}年)", tail)


def test_txt_without_separators_keeps_titles_in_order(tmp_path):
    dossier = generate_dossier(random.Random(5), 1, ["BAIL-TERM"])
    path = writers.write_txt(dossier, tmp_path / "x.txt", separators=False)
    text = path.read_text(encoding="utf-8")
    assert writers.SEPARATOR not in text
    lines = text.split("\n")
    titles = [line for line in lines if line in {d.title for d in dossier.documents}]
    assert titles == [d.title for d in dossier.documents]


def test_docx_matches_truth(corpus):
    from docx import Document

    for truth in truths(corpus)[:4]:
        doc = Document(str(corpus / f"{truth['source']}.docx"))
        texts = [p.text for p in doc.paragraphs]
        titles = [t for t in texts if t in {d["title"] for d in truth["documents"]}]
        assert titles == [d["title"] for d in truth["documents"]]
        breaks = doc.element.body.xml.count('w:type="page"')
        assert breaks == len(truth["documents"]) - 1


@requires_font
def test_pdf_round_trip(tmp_path):
    import pypdfium2 as pdfium

    paths = generate_corpus(tmp_path, count=3, seed=11, formats=("txt", "pdf"))
    again = generate_corpus(tmp_path / "again", count=3, seed=11, formats=("pdf",))
    for pdf_path in [p for p in paths if p.suffix == ".pdf"]:
        truth = json.loads(pdf_path.with_suffix(".truth.json").read_text(encoding="utf-8"))
        pdf = pdfium.PdfDocument(str(pdf_path))
        assert len(pdf) >= len(truth["documents"])
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        flat = re.sub(r"\s", "", text)
        source = pdf_path.with_suffix(".txt").read_text(encoding="utf-8").replace(writers.SEPARATOR, "")
        assert flat == re.sub(r"\s", "", source)  # same characters, only line breaks differ
        pos = 0
        for doc in truth["documents"]:  # titles in order, each followed by its date line
            pos = flat.index(doc["title"], pos)
            d = date.fromisoformat(doc["date"])
            assert cn_date(d) in flat[pos:] or ar_date(d) in flat[pos:]
        first_page = pdf[0].get_textpage().get_text_range()
        assert truth["documents"][0]["title"] in first_page
    assert all((tmp_path / p.name).read_bytes() == p.read_bytes() for p in again if p.suffix == ".pdf")


def test_pdf_without_font_raises(tmp_path, monkeypatch):
    monkeypatch.setattr(writers, "FONT_PATH", tmp_path / "missing.ttc")
    with pytest.raises(writers.FontMissingError, match="字体"):
        generate_corpus(tmp_path / "out", count=1, formats=("pdf",))
    generate_corpus(tmp_path / "txt", count=1, formats=("txt",))  # other formats need no font


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(ValueError):
        generate_corpus(tmp_path, count=1, formats=("rtf",))


# ---------------------------------------------------------------------------------------------
# Legal facts pinned against ../shared


def _articles(path: Path) -> dict[str, list[str]]:
    """LawRefBook file -> {"第六十七条" (+之X): [paragraphs]}; items are paragraphs starting with （.

    Tolerates the corpus's mis-spaced heading "第一百二十八 条侦查…" (legal-rules §5.5).
    """
    out: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(第[零〇一二三四五六七八九十百千]+\s*条(?:之[一二三四五六七八九十]+)?)\s*", line)
        if m:
            current = m.group(1).replace(" ", "")
            out[current] = [line[m.end():]]
        elif line.startswith("#"):
            current = None
        elif current and line.strip():
            out[current].append(line.strip())
    return out


def _structure(paragraphs: list[str]) -> list[int]:
    """Number of items of each 款 (paragraphs that are not items)."""
    counts: list[int] = []
    for p in paragraphs:
        if p.startswith("（"):
            counts[-1] += 1
        else:
            counts.append(0)
    return counts


def _concordance() -> set[tuple[int, int]]:
    """(2018, 2012) article pairs from the CPL concordance table of legal-rules.md §5.2."""
    text = (SHARED / "domain" / "legal-rules.md").read_text(encoding="utf-8")
    section = text.split("### 5.2")[1].split("### 5.3")[0]
    pairs = set()
    for row in re.findall(r"^\|[^|]+\|([^|]+)\|([^|]+)\|", section, re.M):
        new = re.findall(r"\d+", row[0])
        old = re.findall(r"\d+", row[1])
        pairs |= {(int(a), int(b)) for a, b in zip(new, old, strict=False)}
    return pairs


def _key(article: int, suffix: str | None = None) -> str:
    return f"第{cn_int(article)}条{suffix or ''}"


@requires_shared
@pytest.mark.parametrize("subject", sorted(CPL_SUBJECTS))
def test_cpl_subjects_pinned(subject):
    facts = CPL_SUBJECTS[subject]
    articles = _articles(LAW_CORPUS / "cpl-2018.md")
    text = "".join(articles[_key(facts["2018"])])
    assert facts["keyword"] in text
    assert (facts["2018"], facts["2012"]) in _concordance()
    if "items" in facts:
        counts = _structure(articles[_key(facts["2018"])])
        assert counts[(facts.get("paragraph") or 1) - 1] == facts["items"]


@requires_shared
def test_article_counts_pinned():
    articles = _articles(LAW_CORPUS / "cpl-2018.md")
    assert len(articles) == CPL_ARTICLE_COUNT["2018"] and _key(CPL_ARTICLE_COUNT["2018"]) in articles
    rules = (SHARED / "domain" / "legal-rules.md").read_text(encoding="utf-8")
    assert re.search(rf"\| 刑事诉讼法 \| 2012 [^|]*\| \*\*{CPL_ARTICLE_COUNT['2012']}\*\*", rules)


@requires_shared
@pytest.mark.parametrize("crime", CRIMES, ids=lambda c: c.name)
def test_crimes_pinned(crime):
    articles = _articles(LAW_CORPUS / "criminal-law.md")
    paragraphs = articles[_key(crime.article, crime.suffix)]
    assert crime.keyword in "".join(paragraphs)
    if crime.item:
        assert _structure(paragraphs)[crime.paragraph - 1] >= crime.item
    charges = "".join(p.read_text(encoding="utf-8") for p in (LAW_CORPUS / "charge-names").glob("*.md"))
    assert crime.name in charges
    assert "免予刑事处罚" in "".join(articles[_key(PENAL_EXEMPTION_ARTICLE)])
    assert _penal_chapters()[_key(crime.article, crime.suffix)] == crime.chapter


def _penal_chapters() -> dict[str, int]:
    """刑法分则 article ("第二百六十四条") -> the number of its chapter."""
    out: dict[str, int] = {}
    chapter = 0
    text = (LAW_CORPUS / "criminal-law.md").read_text(encoding="utf-8").split("## 第二编 分则")[1]
    for line in text.splitlines():
        heading = re.match(r"### 第([一二三四五六七八九十]+)章", line)
        article = re.match(r"(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)", line)
        if heading:
            chapter = cn_to_int(heading.group(1))
        elif article:
            out[article.group(1)] = chapter
    return out


@requires_shared
def test_conditional_chapters_pinned():
    text = "".join(_articles(LAW_CORPUS / "cpl-2018.md")[_key(CPL_SUBJECTS["conditional_non_prosecution"]["2018"])])
    chapters = "、".join(f"第{cn_int(c)}章" for c in CONDITIONAL_CHAPTERS)
    assert f"刑法分则{chapters}规定的犯罪" in text


@requires_shared
def test_citations_have_the_status_the_truth_says(corpus):
    articles = _articles(LAW_CORPUS / "cpl-2018.md")
    pairs = _concordance()
    new_by_old = {}
    for new, old in pairs:
        new_by_old.setdefault(old, set()).add(new)
    checked = Counter()
    for truth in truths(corpus):
        planted = {p["document_type"]: p for p in truth["planted"] if p["rule_id"].startswith("CITATION")}
        dates = {d["type"]: d["date"] for d in truth["documents"]}
        for c in truth["citations"]:
            if c["law"] != CPL:
                continue
            key = _key(c["article"])
            exists = key in articles
            if exists and c["paragraph"]:
                counts = _structure(articles[key])
                exists = c["paragraph"] <= len(counts) and (not c["item"] or c["item"] <= counts[c["paragraph"] - 1])
            elif exists and c["item"]:
                exists = c["item"] <= _structure(articles[key])[0]
            if c["status"] == "nonexistent":
                assert not exists and planted[c["document_type"]]["rule_id"] == "CITATION-NONEXISTENT"
            elif c["status"] == "outdated":
                p = planted[c["document_type"]]
                assert (p["expected_article"], c["article"]) in pairs and p["expected_article"] != c["article"]
                assert dates[c["document_type"]] >= CPL_2018_START.isoformat()
            elif truth["era"] == "2018":
                assert exists, c
            else:  # 2012 numbering while it was in force: maps onto an existing 2018 article
                # §5.2 lists the articles the forms cite; a planted wrong one (2018 Art. 171 → 168) is outside it,
                # and the concordance of lexicons/laws.yaml (verified against the corpus there) answers.
                assert c["article"] <= CPL_ARTICLE_COUNT["2012"]
                assert new_by_old.get(c["article"]) or cpl_2012_to_2018(c["article"]), c
            checked[c["status"]] += 1
    assert checked["nonexistent"] >= 2 and checked["outdated"] >= 2 and checked["valid"] > 50


@requires_shared
def test_forms_resemble_the_real_documents():
    """The real 起诉意见书 recounts measures the way our narrative does (guards the wording we imitate)."""
    real = (DEV_CORPUS / "qsyjs_002.txt").read_text(encoding="utf-8")
    assert "被我局刑事拘留" in real and "之规定，现将此案移送审查起诉" in real
    dossier = generate_dossier(random.Random(2), 1, ["ARREST-REQUEST-DEADLINE"])
    transfer = "\n".join(next(d for d in dossier.documents if d.type == "起诉意见书").lines)
    assert "被我局刑事拘留" in transfer and "之规定，现将此案移送审查起诉" in transfer


@pytest.mark.parametrize("seed", range(30))
def test_two_citation_plants_never_share_a_citation(seed):
    """Regression: both citation defects planted on the same (document, role): the second overwrote the first."""
    dossier = generate_dossier(random.Random(seed), seed, ["CITATION-NONEXISTENT", "CITATION-OUTDATED"])
    targets = [(p["document_type"], p["role"]) for p in dossier.planted if p["rule_id"].startswith("CITATION")]
    assert len(targets) == 2 and len(set(targets)) == 2
