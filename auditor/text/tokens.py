"""Word boundaries where regexes cannot tell them: jieba with the legal user dictionary.

Extraction is mostly regexes (fast); the tagger is used only where an unmasked name runs straight into the next
word ("被告人何某对指控…"). spaCy is not used: it only wrapped jieba here and cost 0.6 s of start-up
(docs/benchmarks.md).
"""

from __future__ import annotations

import functools
import re

from auditor.lexicon import LEXICON_DIR, load_yaml

USERDICT = LEXICON_DIR / "userdict.txt"

# Labels of a form's fields that may follow a name or a gender directly once spaces are gone ("买买提性别：男").
FIELD_LABELS = ("性别", "民族", "出生", "年龄", "身份", "住址", "户籍", "文化", "职业")
_NAME_CHAR = rf"(?:(?!{'|'.join(FIELD_LABELS)})[\u4e00-\u9fff])"
# A transliterated name joins its parts with "·" and may run long ("阿不都热合曼·买买提", "约翰·史密斯"); its
# parts after the first stop before a field label.
# Characters a published text masks a name's characters with ("李*", "王××", "葛ｘｘ"), besides 某.
MASK_CHARS = "*＊×XＸxｘ"
DOTTED_NAME = rf"[\u4e00-\u9fff]{{1,10}}·{_NAME_CHAR}{{1,10}}(?:·{_NAME_CHAR}{{1,10}})?"
# A form's field label alone on its line, its value elsewhere ("受送达人：", "收件人（签名）："): a table read column by
# column (labels first, then values) leaves such lines.
# A transcription's mark that a form's value was written by hand ("送达时间：[手写]2024年2月26日"): between a field's
# label and its value, it is neither.
HANDWRITTEN_MARK = r"(?:\[[^\]\n]{1,4}\]|［[^］\n]{1,4}］|【[^】\n]{1,4}】)"
BARE_LABEL = re.compile(r"^[ \t\u3000]*(?P<label>[\u4e00-\u9fff、及（）()]{2,12})[ \t\u3000]*[:：][ \t\u3000]*$")


@functools.cache
def _tagger():  # -> jieba.posseg, initialised once per process with the user dictionary
    from auditor.text.jieba_state import load_tagger

    return load_tagger(USERDICT)


def tagger():  # -> jieba.posseg
    """jieba's part-of-speech tagger with the legal user dictionary (initialised once per process)."""
    return _tagger()


# What jieba calls a given name it knows as a word of its own: a noun, a brand ("振华"), an adjective ("文静"); two
# characters of a verb or an adverb too ("建新", "振兴", "胜利", "立新": 被害人陶建新, ind_cn08).
_SURNAME_AS_WORD_TAGS = frozenset({"n", "ng", "nz", "a", "ag", "q", "ns"})
_GIVEN_NAME_TAGS = frozenset({"n", "nz", "nr", "nrt", "nrfg", "ns", "ng", "a", "j"})
_TWO_CHARACTER_GIVEN_NAME_TAGS = frozenset({"v", "vn", "d"})


# jieba tags each run of these characters on its own; what follows the first run cannot change its first words, and
# a word from the next run (punctuation, a space) is never part of a name.
_JIEBA_BLOCK = re.compile("[\u4E00-\u9FD5a-zA-Z0-9+#&._]+")


def leading_name(text: str) -> str | None:
    """The person name `text` starts with, by jieba's part-of-speech tagger (nr*), else None."""
    block = _JIEBA_BLOCK.match(text)
    return _leading_name(block.group(0)) if block else None


@functools.lru_cache(maxsize=8192)
def _leading_name(text: str) -> str | None:
    """Cached: a dossier names the same people after the same role words in document after document."""
    try:
        words = iter(_tagger().cut(text))
        first, second = next(words, None), next(words, None)
    except Exception:  # noqa: BLE001 — the tagger failing means no name, not a crash
        return None
    if first is None:
        return None
    # A surname the tagger reads as a common word ("钱|秀英" tags 钱 as money): one character, then a given name.
    if (len(first.word) == 1 and first.flag in _SURNAME_AS_WORD_TAGS and second is not None
            and second.flag.startswith("nr") and len(second.word) <= 2):
        return first.word + second.word
    # …or as an adverb ("莫|国华" tags 莫 as "don't", held-out ind_fz03), or as a word before a two-character given name the
    # dictionary knows as a word ("田|国华", held-out ind_fx06): a surname of the list, then such a given name.
    if (len(first.word) == 1 and first.word in _surnames() and second is not None
            and ((first.flag == "d" and (second.flag.startswith("nr") or second.flag in _GIVEN_NAME_TAGS)
                  and len(second.word) <= 2)
                 or (first.flag in _SURNAME_AS_WORD_TAGS and second.flag in _GIVEN_NAME_TAGS and len(second.word) == 2))):
        return first.word + second.word
    if not first.flag.startswith("nr"):
        return _place_read_name(first, second, next(words, None))
    if len(first.word) == 1 and second is not None and (
            (second.flag in _GIVEN_NAME_TAGS and len(second.word) <= 2)
            or (second.flag in _TWO_CHARACTER_GIVEN_NAME_TAGS and len(second.word) == 2)):
        return first.word + second.word  # a surname, then a given name the dictionary knows as a word ("郭|振华")
    return first.word if 2 <= len(first.word) <= 6 else None


# A name whose surname and first given character the tagger reads as a place ("陆海|林的损失", "金海|林的", ind_bt09): a
# two-character place word opening with a surname, one more character, then the name's end (的, punctuation, 和 …).
# A real place after a role word goes on as a place does ("上海|华…公司", "黄冈|人"): those characters are no name.
_NAME_END_TAGS = frozenset({"x", "uj", "c", "p"})
_NOT_GIVEN_NAME = frozenset("人市县区省州镇乡村路街店厂局所队院")


@functools.cache
def _surnames() -> frozenset[str]:
    return frozenset(re.sub(r"\s", "", load_yaml("redact/names.yaml")["surnames_single"]))


def _place_read_name(first, second, third) -> str | None:  # jieba.posseg pairs
    if (first.flag == "ns" and len(first.word) == 2 and first.word[0] in _surnames() and second is not None
            and len(second.word) == 1 and second.flag in _GIVEN_NAME_TAGS and second.word not in _NOT_GIVEN_NAME
            and (third is None or third.flag in _NAME_END_TAGS)):
        return first.word + second.word
    return None


# The middle dot of a transliterated name (艾合买提·吐尔逊) is written in several ways, or left out by a clerk.
NAME_DOTS = "·•・．."
_NAME_DOT = re.compile(f"[{re.escape(NAME_DOTS)}]")


def _name_regex(name: str) -> str:
    return "".join(f"[{re.escape(NAME_DOTS)}]?" if ch in NAME_DOTS else re.escape(ch) for ch in name)


@functools.lru_cache(maxsize=256)
def names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `names`, the longest first, not inside a longer masked name; a dotted name with its dot written
    otherwise or left out."""
    ordered = sorted({n for n in names if n}, key=len, reverse=True)  # 马俊杰 before 马俊
    # A masked name ("王某") is not read inside another one ("王某某", "王某1", "王某甲"); a plain name may be followed by
    # anything (a table's "沈佳怡  6228…" with its spaces taken out).
    masked = re.compile(f"[某{re.escape(MASK_CHARS)}]")
    after_mask = f"(?![某{re.escape(MASK_CHARS)}0-9甲乙丙丁])"
    return re.compile("|".join(_name_regex(n) + (after_mask if masked.search(n) else "") for n in ordered))


def name_of(found: str, names: tuple[str, ...] | list[str]) -> str:
    """The name of `names` a match of `names_pattern` is ("艾合买提吐尔逊" → "艾合买提·吐尔逊")."""
    if found in names:
        return found
    key = _NAME_DOT.sub("", found)
    return next((n for n in names if _NAME_DOT.sub("", n) == key), found)


def named_in(text: str, names: tuple[str, ...] | list[str]) -> list[str]:
    """The names of `names` the text names, in order of first mention. A name is not named inside a longer one (马俊 in
    马俊杰: two people) nor inside another masked name (王某 in 王某某, 王某1)."""
    if not any(names):
        return []
    return list(dict.fromkeys(name_of(m.group(0), names) for m in names_pattern(tuple(names)).finditer(text)))



@functools.cache
def _case_name() -> re.Pattern[str]:
    """A case named after its first suspect (lexicons/actions.yaml `case_name`, beside `case_by_first_name`)."""
    return re.compile(load_yaml("actions.yaml")["case_name"])


def named_as_subjects(text: str, names: tuple[str, ...] | list[str]) -> list[str]:
    """`named_in`, leaving out names that only name the case ("邓浩然等盗窃案")."""
    return named_in(_case_name().sub(lambda m: " " * len(m.group(0)), text), names)
