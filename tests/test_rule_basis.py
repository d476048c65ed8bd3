"""Every rule's legal basis exists in the statute corpus and says what the rule relies on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS_FILES, LAW_CORPUS, SHARED, articles, requires_shared, statute_text

from auditor.law.corpus import read_articles
from auditor.law.periods import parse_period
from auditor.rules.loader import load_rules
from auditor.text.numerals import cn_to_int

pytestmark = requires_shared

RULES = {r.id: r for r in load_rules()}


BASIS = [(r.id, b) for r in RULES.values() for b in r.legal_basis]


@pytest.mark.parametrize(("rule_id", "basis"), BASIS, ids=[f"{rid}-{b.article}" for rid, b in BASIS])
def test_basis_exists_and_matches(rule_id: str, basis) -> None:
    assert (basis.law, basis.version) in CORPUS_FILES, f"{rule_id}: no corpus file for {basis.law} {basis.version}"
    assert (basis.article, None) in articles(basis.law, basis.version), f"{rule_id}: 第{basis.article}条 not found"
    text = statute_text(basis.law, basis.version, basis.article, basis.paragraph)
    for keyword in basis.basis_text:
        assert keyword in text, f"{rule_id}: {keyword!r} not in {basis.law} 第{basis.article}条"


def _at(rule_id: str, path: str) -> str:
    value = RULES[rule_id].check
    for key in path.split("."):
        value = value[int(key)] if key.isdigit() else value[key]
    return str(value)


_COUNT = re.compile(r"([一二三四五六七八九十百]+)(日|个月)")


def _counts(wording: str) -> list[int]:
    return [cn_to_int(n) for n, _ in _COUNT.findall(wording)]


# Periods in the YAML, derived from the statute's own words: (rule, YAML path, corpus article, wording,
# how the period follows from the numbers in the wording).
PERIODS = [
    ("ARREST-REQUEST-DEADLINE", "limit", "cpl-2018.md", 91, 1, "拘留后的三日以内", lambda n: f"{n[0]}d"),
    # 特殊情况 "延长一日至四日": the base three days plus at most four.
    (
        "ARREST-REQUEST-DEADLINE",
        "extensions.0.limit",
        "cpl-2018.md",
        91,
        1,
        "三日以内，提请人民检察院审查批准。在特殊情况下，提请审查批准的时间可以延长一日至四日",
        lambda n: f"{n[0] + n[2]}d",
    ),
    ("ARREST-REQUEST-DEADLINE", "extensions.1.limit", "cpl-2018.md", 91, 2, "延长至三十日", lambda n: f"{n[0]}d"),
    (
        "ARREST-REQUEST-DEADLINE",
        "limit",
        "mps-criminal-procedure-2020.md",
        129,
        1,
        "拘留后的三日以内",
        lambda n: f"{n[0]}d",
    ),
    (
        "ARREST-REQUEST-DEADLINE",
        "extensions.1.limit",
        "mps-criminal-procedure-2020.md",
        129,
        2,
        "延长至三十日",
        lambda n: f"{n[0]}d",
    ),
    ("BAIL-TERM", "max", "cpl-2018.md", 79, 1, "取保候审最长不得超过十二个月", lambda n: f"{n[0]}m"),
    ("SURVEILLANCE-TERM", "max", "cpl-2018.md", 79, 1, "监视居住最长不得超过六个月", lambda n: f"{n[0]}m"),
    # Hour limits: _COUNT reads 日 / 个月 only, so the wording's hours are read here.
    (
        "INTERROGATION-AFTER-DETENTION-LATE",
        "limit",
        "cpl-2018.md",
        86,
        1,
        "应当在拘留后的二十四小时以内进行讯问",
        lambda _: f"{cn_to_int('二十四')}h",
    ),
    (
        "INTERROGATION-AFTER-DETENTION-LATE",
        "limit",
        "mps-criminal-procedure-2020.md",
        128,
        1,
        "应当在拘留后二十四小时以内进行讯问",
        lambda _: f"{cn_to_int('二十四')}h",
    ),
    (
        "DETENTION-NOTICE-LATE",
        "limit",
        "cpl-2018.md",
        85,
        2,
        "应当在拘留后二十四小时以内，通知被拘留人的家属",
        lambda _: f"{cn_to_int('二十四')}h",
    ),
    (
        "DETENTION-NOTICE-LATE",
        "limit",
        "mps-criminal-procedure-2020.md",
        127,
        1,
        "应当在拘留后二十四小时以内制作拘留通知书",
        lambda _: f"{cn_to_int('二十四')}h",
    ),
    ("ARREST-DECISION-DEADLINE", "limit", "cpl-2018.md", 91, 3, "提请批准逮捕书后的七日以内", lambda n: f"{n[0]}d"),
    (
        "ARREST-DECISION-DEADLINE",
        "limit",
        "spp-criminal-procedure-rules-2019.md",
        282,
        1,
        "已经被拘留的，人民检察院应当在收到提请批准逮捕书后七日以内",
        lambda n: f"{n[0]}d",
    ),
    (
        "REVIEW-REQUEST-LATE",
        "limit",
        "mps-criminal-procedure-2020.md",
        294,
        1,
        "应当在收到不起诉决定书后七日以内制作要求复议意见书",
        lambda n: f"{n[0]}d",
    ),
]


@pytest.mark.parametrize(("rule_id", "path", "corpus", "article", "paragraph", "wording", "derive"), PERIODS)
def test_periods_pinned_to_statute(rule_id, path, corpus, article, paragraph, wording, derive) -> None:
    text = read_articles(LAW_CORPUS / corpus)[(article, None)][paragraph - 1]
    assert wording in text
    assert parse_period(_at(rule_id, path)) == parse_period(derive(_counts(wording)))


def test_custody_flag_pinned() -> None:
    """No holiday extension while in custody (CPL 2018 Art. 105 para 4)."""
    text = read_articles(LAW_CORPUS / "cpl-2018.md")[(105, None)][3]
    assert "在押期间" in text and "不得因节假日而延长" in text
    assert RULES["ARREST-REQUEST-DEADLINE"].check["custody"] is True


def test_month_rule_pinned() -> None:
    """deadlines.add_months follows 高法解释 2021 Art. 202 para 1."""
    text = read_articles(LAW_CORPUS / "spc-cpl-interpretation-2021.md")[(202, None)][0]
    for phrase in (
        "自本月某日至下月同日为一个月",
        "期限起算日为本月最后一日的，至下月最后一日",
        "半个月一律按十五日计算",
    ):
        assert phrase in text


def test_outdated_grace_pinned() -> None:
    """The transition grace comes from legal-rules.md §5.4 ("within ~6 months after the switch")."""
    rules_md = Path(SHARED / "domain" / "legal-rules.md").read_text(encoding="utf-8")
    assert RULES["CITATION-OUTDATED"].check["grace"]["months"] == 6 and "~6 months after the switch" in rules_md


def test_refused_arrest_is_a_bail_ground_pinned() -> None:
    """bail_wording.yaml ground_words: a procuratorate's refusal to approve an arrest, with the case to be investigated
    further, is a statutory ground for 取保候审 (CPL 2018 Art. 91 para 3; 公安规定 2020 Art. 81 para 2)."""
    from auditor.lexicon import load_yaml

    cpl = statute_text("中华人民共和国刑事诉讼法", "2018", 91, 3)
    mps = statute_text("公安机关办理刑事案件程序规定", "2020", 81, 2)
    for text in (cpl, mps):
        assert "不批准逮捕" in text and "需要继续侦查" in text and "取保候审" in text
    assert "不批准逮捕" in load_yaml("bail_wording.yaml")["ground_words"]


def test_obstruction_excuse_pinned() -> None:
    """DETENTION-NOTICE-LATE excuse_requires: 有碍侦查 delays the family's notice only for crimes against national
    security and of terrorism (CPL 2018 Art. 85 para 2, as CPL 2012 Art. 83), from the day the 2012 law took effect
    (laws.yaml); the 1996 law (Art. 64, legal-rules C2) allowed it in any case."""
    from auditor.lexicon import load_yaml

    text = statute_text("中华人民共和国刑事诉讼法", "2018", 85, 2)
    assert "涉嫌危害国家安全犯罪、恐怖活动犯罪通知可能有碍侦查" in text
    required = RULES["DETENTION-NOTICE-LATE"].check["excuse_requires"]["有碍侦查"]
    cpl = next(law for law in load_yaml("laws.yaml")["laws"] if law["id"] == "cpl")
    assert str(required["from"]) == str(next(v["effective"] for v in cpl["versions"] if v["id"] == "2012"))
    assert "危害国家安全" in required["text"] and "恐怖" in required["text"]


@requires_shared
def test_speedy_review_periods_pinned() -> None:
    """PROSECUTION-REVIEW-LATE `speedy`: CPL 2018 Art. 172(1) — a 速裁 case within ten days, fifteen where the term may
    exceed one year of 有期徒刑 (rule base F3)."""
    text = statute_text("中华人民共和国刑事诉讼法", "2018", 172, 1)
    assert "符合速裁程序适用条件的，应当在十日以内作出决定，对可能判处的有期徒刑超过一年的，可以延长至十五日" in text
    speedy = RULES["PROSECUTION-REVIEW-LATE"].check["speedy"]
    assert (str(speedy["short_limit"]), str(speedy["limit"]), str(speedy["short_term"])) == ("10d", "15d", "12m")
