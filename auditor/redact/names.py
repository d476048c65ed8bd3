"""Person names in dossier text (lexicons/redact/names.yaml says where a name is looked for and why).

Names are found in passes, strongest first: the dossier's party list, cue words (roles, field labels, signatures,
kinship words), `|` table columns headed 姓名 / 户名 …, lists continuing a found name ("甲、乙"), names before a
verb only a person does ("王芳证实"), and jieba's person tag with a known surname. Every name found is then masked
at every mention in the text (also across a line break); a name that is also a common word ("黎明", "高山") only
where it stands like a name, so "次日黎明时分" stays.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from auditor.redact import config
from auditor.redact.nlp import LANGUAGE
from auditor.text.tokens import leading_name, tagger

ENTITY = "PERSON"
ROLE_LABEL = {
    "suspect": "犯罪嫌疑人/被告人", "victim": "被害人/报案人", "witness": "证人/见证人", "guarantor": "保证人",
    "relative": "亲属/关系人", "lawyer": "律师/代理人", "officer": "办案人员", "other": "其他人员",
}
# Party roles as the extraction writes them → our role categories.
PARTY_ROLE = {"被害人": "victim", "证人": "witness"}
SCORES = {"party": 1.0, "cue": 0.9, "table": 0.85, "list": 0.85, "verb": 0.7, "tagger": 0.5}


def _dictionary_word(word: str) -> bool:
    import jieba

    tagger()
    return bool(jieba.dt.FREQ.get(word))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@dataclass
class NameHit:
    start: int
    end: int
    name: str  # the name without line breaks
    role: str
    how: str  # party | cue | table | list | verb | tagger | masked (the pass that first found the name)
    reason: str  # Chinese: why this span is a name


@dataclass
class _Seed:
    role: str
    how: str
    reason: str


class NameFinder:
    """The passes of names.yaml over one text."""

    def __init__(self) -> None:
        cfg = config.names()
        self.compound = tuple(sorted(set(cfg["surnames_compound"]), key=len, reverse=True))
        self.single = set(re.sub(r"\s", "", cfg["surnames_single"]))
        self.compound_first = {s[0] for s in self.compound}
        self.not_given = set(cfg["not_given"])
        self.ends_name = set(cfg["ends_name"])
        self.given_chars = set(cfg["given_chars"])
        self.masked = re.compile(cfg["masked"])
        self.not_names = set(cfg["not_names"])
        self.word_after = tuple(sorted(cfg["word_after"], key=len, reverse=True))
        self.person_before = tuple(sorted(cfg["person_before"], key=len, reverse=True))
        self.verbs = tuple(sorted(cfg["person_verbs"], key=len, reverse=True))
        self.table_headers = set(cfg["table_headers"])
        self.common_frequency = int(cfg["common_word_frequency"])
        self.use_tagger = bool(cfg.get("use_tagger", True))
        self.numerals = set(cfg["numerals"])
        self.name_follow = set(cfg["name_follow"])
        relations = "|".join(map(re.escape, sorted(cfg["addressee_relations"], key=len, reverse=True)))
        self.addressee_re = re.compile(
            rf"(?m)^\s*(?P<name>[\u4e00-\u9fff]{{2,4}})(?:[（(][\u4e00-\u9fff]{{2,8}}的(?P<rel>{relations})[)）])?[：:]\s*$")
        self.place_after = tuple(cfg["place_after"])
        self.place_chars = set(cfg["place_chars"])
        self.organ_words = tuple(cfg["organ_words"])
        self.cjk_run = re.compile(r"[\u4e00-\u9fff]{1,14}")
        self.masked_not_after = tuple(cfg["masked_not_after"])
        self.cue_role: dict[str, str] = {}
        for role, words in cfg["cues"].items():
            for w in words:
                self.cue_role.setdefault(w, role)
        cues = "|".join(re.escape(c) for c in sorted(self.cue_role, key=len, reverse=True))
        self.cue_re = re.compile(rf"(?P<cue>{cues})(?P<filler>{cfg['filler']})")

    # --- one name at a position ------------------------------------------------------------------------

    def surname_at(self, text: str, pos: int) -> int:
        """Length of the surname starting at `pos` (0: none)."""
        if pos >= len(text):
            return 0
        if text[pos] in self.compound_first:
            for s in self.compound:
                if text.startswith(s, pos):
                    return len(s)
        return 1 if text[pos] in self.single else 0

    def _given_ok(self, ch: str) -> bool:
        return _is_cjk(ch) and ch not in self.not_given

    def name_at(self, text: str, pos: int, known: Mapping[str, object] = {}) -> tuple[int, bool] | None:  # noqa: B006
        """(end, certain) of the name starting at `pos`, or None. `certain`: a non-CJK character ends it."""
        found = self._name_at(text, pos, known)
        if found is None:
            return None
        end = found[0]
        # A place or an organ, not a person: "南昌市…" after 报案人, "李渡派出所", "受送达人：甘井子区公安局".
        if text[end - 1] in self.place_chars or any(text.startswith(w, end) for w in self.place_after):
            return None
        run = self.cjk_run.match(text, pos)
        if run and any(w in run.group() for w in self.organ_words):
            return None
        return found

    def _name_at(self, text: str, pos: int, known: Mapping[str, object]) -> tuple[int, bool] | None:
        sl = self.surname_at(text, pos)
        if not sl:
            return None
        m = self.masked.match(text, pos + sl)
        if m:
            return m.end(), True
        g = pos + sl
        if g >= len(text) or not self._given_ok(text[g]):
            return None
        if g + 1 >= len(text) or not self._given_ok(text[g + 1]):
            end = g + 1
            return (end, True) if self._plausible(text[pos:end]) else None
        if g + 2 >= len(text) or not _is_cjk(text[g + 2]):
            return (g + 2, True) if text[g + 1] not in "称说讲" else (g + 1, True)
        # The text does not end the name here: a spelling known to end somewhere decides ("吴国交纳" of 吴国).
        for length in (2, 1):
            if g + length <= len(text) and text[pos : g + length] in known:
                return g + length, True
        if text[g + 1] in self.ends_name:
            # "被害人向作出决定的…": the given name would split a word (作出), so 向 is no surname here.
            return None if self.is_common_word(text[g : g + 2]) else (g + 1, False)
        if text[g + 1] in self.given_chars:
            return g + 2, False
        # jieba decides only with a name its dictionary does not hold as a word ("孙子" of 孙子发 is a word).
        tagged = leading_name(text[pos : pos + 8])
        if tagged and text.startswith(tagged, pos) and len(tagged) in (sl + 1, sl + 2) and not _dictionary_word(tagged):
            return pos + len(tagged), False
        return g + 2, False  # most names have two given characters

    def _plausible(self, name: str) -> bool:
        return len(name) >= 2 and name not in self.not_names

    # --- the passes ------------------------------------------------------------------------------------

    def find(self, text: str, parties: Mapping[str, str] | None = None,
             confirmed: Iterable[str] = (), tokens: Iterable[tuple[int, str]] | None = None) -> list[NameHit]:
        """Every mention of a person's name in `text`. `parties`: name → role category of the party list;
        `confirmed`: names the whole dossier shows ending (followed by a non-CJK character) somewhere;
        `tokens`: (offset, word) of jieba's segmentation when the NLP engine has already made it."""
        seeds: dict[str, _Seed] = {}

        def add(name: str, seed: _Seed) -> bool:
            name = name.replace("\n", "")
            if not self._plausible(name):
                return False
            old = seeds.get(name)
            if old is None:
                seeds[name] = seed
            elif old.role == "officer" and seed.role != "officer":
                seeds[name] = _Seed(seed.role, old.how, old.reason)  # a private role wins: mask him
            return True

        for name, role in (parties or {}).items():
            add(name, _Seed(role, "party", f"当事人名单中的{ROLE_LABEL.get(role, '人员')}"))
        # The party list seeds the names; it decides where a name ends only where the text confirms it:
        # extraction's tokenizer may have cut a name short ("程明" of "程明成").
        # Only a party name the text itself ends somewhere (followed by a non-CJK character) decides boundaries.
        confirmed = set(confirmed)
        ended = {n: r for n, r in (parties or {}).items()
                 if n in confirmed or re.search(re.escape(n) + "(?![\u4e00-\u9fff])", text)}
        hits: list[tuple[int, int, _Seed]] = []
        self._cues(text, ended, add, hits)
        self._tables(text, ended, add, hits)
        self._verbs(text, add, hits)
        self._masked(text, add, hits)
        self._addressees(text, add, hits)
        self._lists(text, seeds, add, hits)
        if self.use_tagger:
            self._tagged(text, seeds, add, tokens)
        return self._propagate(text, seeds, hits)

    def name_across_break(self, text: str, pos: int, known: Mapping[str, object] = {}) -> int | None:  # noqa: B006
        """End of the name at `pos`, also when a line break cuts it ("欧阳\n建华")."""
        local = text[pos : pos + 12]
        cut = local.find("\n")
        if 0 < cut < 4:
            joined = local[:cut] + local[cut + 1 :]
            found = self.name_at(joined, 0, known)
            if found and found[0] > cut:
                name = joined[: found[0]]
                if self.surname_at(local, 0) == cut or name in text:
                    return pos + found[0] + 1
            found = self.name_at(local[:cut] + "\n", 0, known)
            return pos + found[0] if found else None
        found = self.name_at(text, pos, known)
        return found[0] if found else None

    def _cues(self, text, known, add, hits) -> None:
        for m in self.cue_re.finditer(text):
            pos = m.end()
            end = self.name_across_break(text, pos, known)
            if end is None:
                continue
            role = self.cue_role[m.group("cue")]
            seed = _Seed(role, "cue", f"“{m.group('cue')}”之后的姓名（{ROLE_LABEL[role]}）")
            if add(text[pos:end], seed):
                hits.append((pos, end, seed))

    def _tables(self, text, known, add, hits) -> None:
        column: int | None = None
        header = ""
        offset = 0
        for line in text.split("\n"):
            if "|" not in line:
                column = None
            else:
                cells = line.split("|")
                heads = [c.strip() for c in cells]
                named = [i for i, c in enumerate(heads) if c in self.table_headers]
                if named:
                    column, header = named[0], heads[named[0]]
                elif column is not None and column < len(cells):
                    cell = cells[column]
                    value = cell.strip()
                    start = offset + sum(len(c) + 1 for c in cells[:column]) + cell.find(value)
                    found = self.name_at(text, start, known)
                    if value and found and found[0] == start + len(value):
                        seed = _Seed("other", "table", f"表格“{header}”列中的姓名")
                        if add(value, seed):
                            hits.append((start, start + len(value), seed))
            offset += len(line) + 1

    def _verbs(self, text, add, hits) -> None:
        for pos in range(len(text)):
            sl = self.surname_at(text, pos)
            if not sl or not self._name_may_start(text, pos):
                continue
            for length in (1, 2):
                end = pos + sl + length
                if end > len(text) or not all(self._given_ok(c) for c in text[pos + sl : end]):
                    break
                verb = next((v for v in self.verbs if text.startswith(v, end)), None)
                if verb and self._plausible(text[pos:end]) and not self.is_common_word(text[pos:end]):
                    seed = _Seed("other", "verb", f"“{verb}”之前的姓名")
                    if add(text[pos:end], seed):
                        hits.append((pos, end, seed))
                    break

    def _masked(self, text, add, hits) -> None:
        """Masked names stand for a person wherever they are written ("蒋某某、刘某")."""
        surnames = "|".join([*self.compound, *sorted(self.single)])
        for m in re.finditer(rf"(?:{surnames})某{{1,2}}[甲乙丙丁戊己庚辛壬癸]?", text):
            if any(text.startswith(w, m.end()) for w in self.masked_not_after):
                continue
            seed = _Seed("other", "masked", "姓氏加“某”的已遮蔽姓名")
            if add(m.group(), seed):
                hits.append((m.start(), m.end(), seed))

    def _addressees(self, text, add, hits) -> None:
        """A notice's addressee: "雷刚强（雷飞鑫的哥哥）：" or a name alone on its line before a colon."""
        for m in self.addressee_re.finditer(text):
            pos = m.start("name")
            found = self.name_at(text, pos)
            if found and found[0] == m.end("name"):
                seed = _Seed("relative" if m.group("rel") else "other", "cue", "通知书抬头的收件人姓名")
                if add(m.group("name"), seed):
                    hits.append((pos, found[0], seed))

    def _name_may_start(self, text: str, pos: int) -> bool:
        if pos == 0 or not _is_cjk(text[pos - 1]):
            return True
        return any(text.endswith(w, 0, pos) for w in self.person_before)

    def _lists(self, text, seeds, add, hits) -> None:
        """"甲、乙和丙": a name after a separator that follows a found name (repeated until nothing new)."""
        for _ in range(4):
            before = len(seeds)
            for name, seed in list(seeds.items()):
                for m in re.finditer(re.escape(name) + r"(?P<sep>、|和|与|及|以及| {1,3})", text):
                    found = self.name_at(text, m.end(), seeds)
                    if (found and (found[1] or m.group("sep").strip())
                            and not any(text.startswith(w, found[0]) for w in self.place_after)):
                        new = _Seed(seed.role, "list", f"与“{ROLE_LABEL.get(seed.role, '人员')}”并列的姓名")
                        if text[m.end() : found[0]] not in seeds:
                            if add(text[m.end() : found[0]], new):
                                hits.append((m.end(), found[0], new))
            if len(seeds) == before:
                break

    def _tagged(self, text, seeds, add, tokens=None) -> None:
        """A word jieba's segmenter finds outside its dictionary (its HMM pieces unknown words together), that
        starts with a surname, has plausible given characters, is not before a place word, and that the tagger
        then calls a person. A dictionary word tagged as a person is more often 查明 or 银行卡 than a name."""
        import jieba

        tagger()
        if tokens is None:
            tokens = [(start, word) for word, start, _ in jieba.tokenize(text)]
        for start, word in tokens:
            pos = start + len(word)
            sl = self.surname_at(word, 0)
            if not (sl and 2 <= len(word) <= 4 and word not in seeds) or jieba.dt.FREQ.get(word):
                continue
            if not all(self._given_ok(c) and c not in self.numerals for c in word[sl:]):
                continue
            if any(text.startswith(w, pos) for w in self.place_after) or self.is_common_word(word):
                continue
            if leading_name(text[start : start + 8]) == word:
                add(word, _Seed("other", "tagger", "分词器标注为人名（词典外）且以常见姓氏开头"))

    @functools.cache  # noqa: B019 — one finder per process; the jieba dictionary does not change
    def is_common_word(self, name: str) -> bool:
        """A name that is also an ordinary word (jieba's dictionary: not a person, or frequent)."""
        import jieba

        tags = tagger().dt.word_tag_tab
        freq = jieba.dt.FREQ.get(name) or 0
        return (name in tags and not tags[name].startswith("nr")) or freq >= self.common_frequency

    def _propagate(self, text: str, seeds: dict[str, _Seed], hits: list[tuple[int, int, _Seed]]) -> list[NameHit]:
        """Every mention of every found name; a longer name claims its characters first."""
        taken = [False] * len(text)
        out: list[NameHit] = []
        for start, end, seed in sorted(hits, key=lambda h: h[0] - h[1]):
            if not any(taken[start:end]):
                for i in range(start, end):
                    taken[i] = True
                out.append(NameHit(start, end, text[start:end].replace("\n", ""), seed.role, seed.how, seed.reason))
        for name in sorted(seeds, key=len, reverse=True):
            seed = seeds[name]
            common = self.is_common_word(name)
            pattern = re.compile("\n?".join(re.escape(c) for c in name))
            for m in pattern.finditer(text):
                s, e = m.span()
                if any(taken[s:e]):
                    continue
                if common and not self.stands_as_name(text, s, e):
                    continue
                for i in range(s, e):
                    taken[i] = True
                out.append(NameHit(s, e, name, seed.role, seed.how, f"{seed.reason}；同一姓名在全文的其他提及"))
        return sorted(out, key=lambda h: h.start)

    def stands_as_name(self, text: str, s: int, e: int) -> bool:
        if any(text.startswith(w, e) for w in self.word_after):
            return False
        if s == 0 or not _is_cjk(text[s - 1]):
            return True
        if any(text.endswith(w, 0, s) for w in (*self.person_before, *self.cue_role)):
            return True
        # Inside a sentence: a name when what follows is what follows a person ("侦查吴国涉嫌…").
        return e < len(text) and (text[e] in self.name_follow or any(text.startswith(v, e) for v in self.verbs))


@functools.cache
def finder() -> NameFinder:
    return NameFinder()


class NameRecognizer(EntityRecognizer):
    """Presidio recognizer for PERSON: built per dossier with its party list (ad hoc), explains every name."""

    def __init__(self, parties: Mapping[str, str] | Iterable[str] = (), confirmed: Iterable[str] = ()) -> None:
        self.parties = dict(parties) if isinstance(parties, Mapping) else {p: "suspect" for p in parties}
        self.confirmed = frozenset(confirmed)
        self.roles: dict[tuple[int, int], str] = {}
        super().__init__(supported_entities=[ENTITY], name="CnPersonNameRecognizer", supported_language=LANGUAGE)

    def load(self) -> None:
        finder()

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        results = []
        tokens = None
        if nlp_artifacts is not None and nlp_artifacts.lemmas:
            tokens = list(zip(nlp_artifacts.tokens_indices, nlp_artifacts.lemmas, strict=True))
        for hit in finder().find(text, self.parties, self.confirmed, tokens):
            score = SCORES.get(hit.how, 0.85)
            explanation = AnalysisExplanation(recognizer=self.name, original_score=score, pattern_name=hit.how,
                                              textual_explanation=hit.reason)
            results.append(RecognizerResult(ENTITY, hit.start, hit.end, score, explanation,
                                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                                                                  "role": hit.role, "name": hit.name}))
        return results
