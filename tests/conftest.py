"""Shared test helpers: where ../shared is, and a skip marker for machines without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AUDITOR_SHARED", ROOT.parent / "shared"))
LAW_CORPUS = SHARED / "law-corpus"
DEV_CORPUS = SHARED / "dev-corpus" / "real"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

requires_shared = pytest.mark.skipif(
    not LAW_CORPUS.is_dir(), reason="../shared (law corpus, dev corpus) is not beside the checkout"
)
requires_font = pytest.mark.skipif(
    not FONT.exists(), reason="CJK font fonts-wqy-microhei is not installed (make font)"
)


def iso(day: object) -> str | None:
    """A date as the tables of cases write it (ISO), None stays None."""
    return day.isoformat() if hasattr(day, "isoformat") else day  # type: ignore[return-value]


SCHEMA_FILE = ROOT / "docs" / "schema" / "report.schema.json"


def validate_report(data: object) -> None:
    """Every JSON the CLI prints follows the published schema (docs/schema/report.schema.json)."""
    import json

    import jsonschema

    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


# Statute texts of ../shared/law-corpus by (law, version), read once per run (tests/test_rule_basis.py,
# tests/test_warn.py pin the legal facts of lexicons/ against them).
CORPUS_FILES = {
    ("中华人民共和国刑事诉讼法", "2018"): "cpl-2018.md",
    ("公安机关办理刑事案件程序规定", "2020"): "mps-criminal-procedure-2020.md",
    ("人民检察院刑事诉讼规则", "2019"): "spp-criminal-procedure-rules-2019.md",
    ("人民检察院刑事诉讼规则", "2012试行"): "spp-criminal-procedure-rules-2012-trial.md",
    ("最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释", "2021"): "spc-cpl-interpretation-2021.md",
}
_ARTICLES: dict[str, dict] = {}


def articles(law: str, version: str) -> dict:
    from auditor.law.corpus import read_articles

    name = CORPUS_FILES[(law, version)]
    if name not in _ARTICLES:
        _ARTICLES[name] = read_articles(LAW_CORPUS / name)
    return _ARTICLES[name]


def statute_text(law: str, version: str, article: int, paragraph: int | None) -> str:
    """The article (or its 款) as the corpus has it."""
    paras = articles(law, version)[(article, None)]
    if paragraph is None:
        return "\n".join(paras)
    assert paragraph <= len(paras), f"{law} {version} 第{article}条 has {len(paras)} 款, not {paragraph}"
    return paras[paragraph - 1]


@pytest.fixture(autouse=True)
def _keep_main_module():
    """Streamlit's AppTest runs app.py as `__main__` and leaves it there; a process started later with the spawn
    method (a Dask nanny's worker) would then re-run app.py instead of starting. Each test gets the real one back."""
    import sys

    main = sys.modules.get("__main__")
    yield
    if main is not None and sys.modules.get("__main__") is not main:
        sys.modules["__main__"] = main


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start scoring the corpora the collected tests need in the background (tests/background_scoring.py): the suite
    runs on one core, the corpora are scored on the others meanwhile — the largest first (the scanned corpus takes
    minutes), so that no long one is left for the end."""
    import background_scoring

    needed: dict[Path, None] = {}
    for item in session.items:
        wanted = getattr(item.module, "background_directories", None)
        if wanted is not None:
            needed.update(dict.fromkeys(wanted(item)))
    if needed:
        background_scoring.start(sorted(needed, key=lambda d: -sum(f.stat().st_size for f in d.iterdir())))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    import background_scoring

    background_scoring.stop()
