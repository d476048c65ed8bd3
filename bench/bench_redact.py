"""Redaction speed beside the raw libraries it runs on, on the same synthetic dossier text.

    .venv/bin/python bench/bench_redact.py [--chars 200000]

(a) jieba's segmentation alone (what the NLP engine must do at least); (b) Presidio's AnalyzerEngine with our
pattern recognizers only (numbers, plates, e-mail, accounts); (c) the whole analyser (names, addresses, work
units, birth dates added); (d) a dossier's full redaction (analysis of the whole text, then Presidio's anonymizer).
Best of three; prints characters per second and the ratios to (a).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import jieba
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from auditor.redact import DossierRedactor, analyze
from auditor.redact.nlp import LANGUAGE, IndexedContextEnhancer, JiebaNlpEngine
from auditor.redact.patterns import pattern_recognizers
from auditor.synth.generator import generate_corpus


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        generate_corpus(Path(tmp), count=60, seed=5, formats=("txt",))
        text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(Path(tmp).glob("*.txt")))
    text = (text * (args.chars // len(text) + 1))[: args.chars]
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for r in pattern_recognizers():
        registry.add_recognizer(r)
    patterns_only = AnalyzerEngine(registry=registry, nlp_engine=JiebaNlpEngine(), supported_languages=[LANGUAGE],
                                   context_aware_enhancer=IndexedContextEnhancer())
    analyze("预热")
    rows = [
        ("jieba.tokenize", best_of(lambda: list(jieba.tokenize(text)))),
        ("Presidio, pattern recognizers", best_of(lambda: patterns_only.analyze(text, language=LANGUAGE))),
        ("auditor analyze()", best_of(lambda: analyze(text))),
        ("DossierRedactor + redact()", best_of(lambda: DossierRedactor({}, full_text=text).redact(text))),
    ]
    base = rows[0][1]
    print(f"{len(text)} characters, load average {os.getloadavg()[0]:.1f}")
    print("| step | seconds | characters/s | × jieba |\n|---|---:|---:|---:|")
    for name, secs in rows:
        print(f"| {name} | {secs:.2f} | {len(text) / secs:,.0f} | {secs / base:.1f} |")


if __name__ == "__main__":
    main()
