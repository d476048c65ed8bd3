"""Presidio's NLP engine for Chinese over what the project already has: jieba's tokenizer (no spaCy model).

Presidio needs tokens for its context enhancer (a context word such as "身份证" just before a number raises its
score) and for explanations. spaCy itself is installed only because presidio-analyzer requires it; a blank
`Vocab` wraps jieba's tokens in a spaCy `Doc`, nothing is downloaded and no model is loaded. Named entities come
from our own recognizers, not from the engine, so `entities` is always empty.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

from auditor.text.tokens import tagger

LANGUAGE = "zh"
_PUNCT = set("，。、；：？！“”‘’（）《》〔〕【】—…·,.;:?!()[]<>|-_/\\\"' \t\n\r\u3000")


class JiebaNlpEngine(NlpEngine):
    """Tokens by jieba (with the project's legal user dictionary), lemmas = tokens, no NER."""

    engine_name = "jieba"
    is_available = True

    def __init__(self) -> None:
        self._vocab = None

    def load(self) -> None:
        from spacy.vocab import Vocab

        tagger()  # jieba with the user dictionary, once per process
        self._vocab = Vocab()

    def is_loaded(self) -> bool:
        return self._vocab is not None

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        import jieba
        from spacy.tokens import Doc

        if not self.is_loaded():
            self.load()
        pieces = [(w, s) for w, s, _ in jieba.tokenize(text) if w.strip()]
        words = [w for w, _ in pieces]
        doc = Doc(self._vocab, words=words, spaces=[False] * len(words))
        return NlpArtifacts(entities=[], tokens=doc, tokens_indices=[s for _, s in pieces], lemmas=words,
                            nlp_engine=self, language=language, scores=[])

    def process_batch(self, texts: Iterable[str], language: str, batch_size: int = 1, n_process: int = 1,
                      **kwargs) -> Iterator[tuple[str, NlpArtifacts]]:
        for text in texts:
            yield text, self.process_text(str(text), language)

    def is_stopword(self, word: str, language: str) -> bool:
        return False

    def is_punct(self, word: str, language: str) -> bool:
        return all(c in _PUNCT for c in word)

    def get_supported_entities(self) -> list[str]:
        return []

    def get_supported_languages(self) -> list[str]:
        return [LANGUAGE]


class IndexedContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's context enhancer, finding the token of a match by bisection over the token offsets (Presidio
    walks the token list for every match: quadratic on a dossier with hundreds of numbers)."""

    @staticmethod
    def _find_index_of_match_token(word, start, tokens, tokens_indices) -> int:
        i = bisect.bisect_right(tokens_indices, start) - 1
        if i < 0:
            raise ValueError("Did not find word '" + word + "' in the list of tokens")
        return i
