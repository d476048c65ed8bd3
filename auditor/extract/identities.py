"""Who is who across the dossier: party mentions of all documents → one Party per person.

Suspects are named by their mentions (a name cut short by the tokenizer joins the full one). Two spellings of a
suspect's name are one person written two ways when the names are close — one character different, or the same
pinyin (a homophone) — and something else ties them: the same valid ID number, the same birth date, the same
address, or the same spouse the notices are addressed to, with no contradicting ID number or birth date, and no document introducing each of them apart. The spelling most documents use is the name; the others are variants
(the consistency rules report them). Co-suspects with similar names and different ID numbers stay two people.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping

from auditor.extract.parties import RECORD_HEAD_ROLES, SUSPECT_ROLES, cut_short, suspect_names
from auditor.model import Party, PartyMention
from auditor.text.ids import id_birth_date, id_gender
from auditor.text.tokens import MASK_CHARS
from auditor.text.view import text_view

_MASK = re.compile(f"[某{re.escape(MASK_CHARS)}]")
_SPACE = re.compile(r"\s+")


def close_names(a: str, b: str) -> bool:
    """One character different (same length), or the same reading: 张志强 / 张智强, 刘桂兰 / 刘贵兰."""
    if a == b or len(a) != len(b) or _MASK.search(a) or _MASK.search(b):
        return False
    if "·" in a or "·" in b:  # a transliterated name: the same parts, one sound written with another character
        return (a.split("·") != b.split("·") and [len(x) for x in a.split("·")] == [len(x) for x in b.split("·")]
                and sum(x != y for x, y in zip(a, b, strict=True)) == 1)
    if not 2 <= len(a) <= 4:
        return False
    if a[0] != b[0] and len(a) == 2:
        return False  # a two-character name with another surname is another person
    # One character written as another, wherever it stands: a doubled given name 葛玲玲 / 葛琳琳 (ind_dk09).
    if len({(x, y) for x, y in zip(a, b, strict=True) if x != y}) == 1:
        return True
    from pypinyin import lazy_pinyin  # 0.15 s to import: only when two names are compared by sound

    return lazy_pinyin(a) == lazy_pinyin(b)


def unglue(mentions: list[PartyMention]) -> list[PartyMention]:
    """Mentions whose name the tagger glued to the next character ("犯罪嫌疑人覃春酒后…" → 覃春酒) renamed to the
    suspect's name: a name one character longer than a suspect's that no mention introduces with a detail (gender,
    birth date, ID number), where the shorter one is so introduced."""
    detailed = {m.name for m in mentions if m.role in SUSPECT_ROLES and (m.gender or m.birth_date or m.id_number)}
    bare = {m.name for m in mentions if m.role in SUSPECT_ROLES} - detailed
    glued = {n: next(s for s in detailed if n[:-1] == s) for n in bare
             if len(n) >= 3 and not _MASK.search(n) and n[:-1] in detailed}
    return [m.model_copy(update={"name": glued[m.name]}) if m.name in glued else m for m in mentions]


# "陈国强（到案时自报姓名“陈强”）", "马某（曾用名马东）", "周某，化名周伟，": another name the text gives the same person.
_ALIAS = re.compile(
    r"(?P<name>[\u4e00-\u9fff·]{2,10})[（(，,][^（）()。；]{0,12}?(?:自报姓名|自称|曾用名|化名|别名|外号|绰号)(?:为|是|叫)?[:：]?[“\"「]?"
    r"(?P<alias>[\u4e00-\u9fff·]{2,10}?)[”\"」]?(?=[，,）)。；、]|$)"
)
# …or the other name first, said to be his: "答：宋坤，“阿坤”是外号。" (held-out ind_fb03)
_ALIAS_AFTER = re.compile(
    r"(?P<name>[\u4e00-\u9fff·]{2,10})[，,][“\"「](?P<alias>[\u4e00-\u9fff·]{2,10})[”\"」]是(?:其|我的?|他的?)?(?:外号|绰号|别名|化名|小名)"
)


# "犯罪嫌疑人“阿强”经DNA比对…已查清身份，其真实姓名为邓国强" (ind_bg03): a suspect known by the name he gave until his
# identity was established (CPL 160(2)); the name he gave is the alias.
# "按其自报“阿强”执行；6月12日查明其真实姓名为黎国强" (ind_cg10): the identity established after a "；".
_TRUE_NAME = re.compile(
    r"[“\"「](?P<alias>[\u4e00-\u9fff·]{1,10})[”\"」](?P<between>[^。“”]{0,60}?)真实(?:姓名|身份)(?:后|已|经)?(?P<how>查明|核实|确认)?(?:为|是)[:：]?[“\"「]?"
    r"(?P<name>[\u4e00-\u9fff·]{2,10}?)[”\"」]?(?=[，,。；;（(）)]|$)"
)
# Words saying the identity was established: the alias may then be a name the file calls a suspect by (拘留证, 笔录).
_ESTABLISHED = re.compile(r"查明|查清|核实|确认|比对")
_ESTABLISHED_BEFORE = 8  # characters before the name he gave within which those words say it


def aliases_in(mentions: list[PartyMention], texts: Mapping[str, str]) -> dict[str, str]:
    """alias → name, for the names the dossier itself states to be another suspect's (a false name he gave when
    身份不明, a 曾用名, a 化名): one person, and no name inconsistency either."""
    suspects = {m.name for m in mentions if m.role in SUSPECT_ROLES}
    alias_of: dict[str, str] = {}
    for text in texts.values():
        for m in [*_ALIAS.finditer(text_view(text).text), *_ALIAS_AFTER.finditer(text_view(text).text)]:
            written, alias = m.group("name"), m.group("alias")
            # The name is the suspect's name the run ends with ("犯罪嫌疑人陈国强" → 陈国强).
            name = next((written[k:] for k in range(len(written) - 1) if written[k:] in suspects), None)
            if name is not None and alias != name and not name.endswith(alias):
                alias_of.setdefault(alias, name)
        flat = text_view(text).text
        for m in _TRUE_NAME.finditer(flat):
            alias, name = m.group("alias"), m.group("name")
            if "；" in m.group("between") and not _ESTABLISHED.search(m.group("between")):
                continue  # another sentence's true name
            # (…or said just before the name he gave: "经指纹比对查明“阿亮”真实身份为黎某华", held-out ind_fs05)
            said = _ESTABLISHED.search(flat, max(0, m.start() - _ESTABLISHED_BEFORE), m.start())
            if name in suspects and alias != name and (alias not in suspects or m.group("how") or said
                                                        or _ESTABLISHED.search(m.group("between"))):
                alias_of.setdefault(alias, name)
    return {a: n for a, n in alias_of.items() if n not in alias_of}  # no chains: A→B→C stays unresolved


def rename(mentions: list[PartyMention], names: Mapping[str, str]) -> list[PartyMention]:
    return [m.model_copy(update={"name": names[m.name]}) if m.name in names else m for m in mentions]


def fold_bare_spellings(mentions: list[PartyMention], court_documents: frozenset[str] = frozenset()
                        ) -> list[PartyMention]:
    """Mentions of a suspect's name in a record's head (被讯问人：X) that no mention introduces with a detail (gender,
    birth date, ID number, address) nor names elsewhere, one character off (or a homophone) from exactly one suspect
    who is so introduced, renamed to that suspect: an OCR'd record head "被讯问人：赵土杰" is 赵士杰 misread, not a second person. Nothing ties the two, so no
    name inconsistency is claimed either (CONSISTENCY-NAME needs a tie).

    A court's judgment or ruling (`court_documents`, by id) introduces every defendant it tries in its head: a bare
    "被告人关丽娜" in its facts, one character off the one 关丽思 it introduces, is her name mistyped."""
    def detailed(m: PartyMention) -> bool:
        return bool(m.gender or m.birth_date or m.id_number or m.address)

    suspects = [m for m in mentions if m.role in SUSPECT_ROLES]
    introduced = {m.name for m in suspects if detailed(m)}
    # Only a record's head field is read this way: a narrative's bare "犯罪嫌疑人张伟" may be a co-suspect of his own.
    bare = {m.name for m in suspects if m.role in RECORD_HEAD_ROLES} - {m.name for m in suspects
                                                                       if m.role not in RECORD_HEAD_ROLES} - introduced
    target = {}
    for name in bare:
        close = [s for s in introduced if close_names(name, s)]
        if len(close) == 1:
            target[name] = close[0]
    for doc_id in court_documents:
        in_court = [m for m in suspects if m.document_id == doc_id]
        tried = {m.name for m in in_court if detailed(m)}
        for name in {m.name for m in in_court} - introduced:
            close = [s for s in tried if close_names(name, s)]
            if len(close) == 1:
                target.setdefault(name, close[0])
    return [m.model_copy(update={"name": target[m.name]}) if m.name in target else m for m in mentions]


def _ids(mentions: list[PartyMention]) -> set[str]:
    return {m.id_number.upper() for m in mentions if m.id_number and m.id_valid}


def _introduced_apart(a: list[PartyMention], b: list[PartyMention]) -> bool:
    """Does one document introduce both spellings, each with details of its own (a gender, a birth date, an ID)?"""
    def introduced(group: list[PartyMention]) -> set[str]:
        return {m.document_id for m in group if m.gender or m.birth_date or m.id_number}

    return bool(introduced(a) & introduced(b))


# A notice addressed to the suspect's spouse ("王晓东家属（妻子）蒋芳：", "王晓东之妻蒋芳"). Brothers share their parents'
# names, not a spouse's, so only a spouse ties two spellings.
_SPOUSE = r"(?:(?:家属|亲属|近亲属)?[（(](?P<rel>妻子|丈夫|爱人|配偶|妻|夫)[）)]|[之的](?P<rel2>妻子|丈夫|爱人|配偶|妻|夫))"


_SPOUSE_RELATION = re.compile(_SPOUSE)
_SPOUSE_NAME = re.compile(r"[ \t\u3000]*(?P<kin>[\u4e00-\u9fff]{2,3})(?=[：:，,（(\s])")
_NAME_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,10}$")
_KIN_WORD = re.compile(r"(?:近亲属|家属|亲属)$")


def spouse_addresses(texts: Mapping[str, str]) -> list[tuple[str, int, str, str]]:
    """(document id, end of the words before the relation, those words, "relation:spouse") for each place the dossier
    addresses someone's spouse ("王晓东家属（妻子）蒋芳：" → "王晓东", "妻子:蒋芳")."""
    out = []
    for doc_id, text in texts.items():
        for m in _SPOUSE_RELATION.finditer(text):  # the relation first: scanning for the name everywhere is slow
            kin = _SPOUSE_NAME.match(text, m.end())
            before = _NAME_BEFORE.search(text, max(0, m.start() - 10), m.start())
            if kin is None or before is None:
                continue
            pre = _KIN_WORD.sub("", before.group(0))
            if len(pre) >= 2:
                out.append((doc_id, before.start() + len(pre), pre,
                            f"{m.group('rel') or m.group('rel2')}:{kin.group('kin')}"))
    return out


def spouses_named(name: str, addresses: list[tuple[str, int, str, str]]) -> set[str]:
    """The spouses the dossier addresses as `name`'s, as "relation:name" ("妻子:蒋芳")."""
    return {key for _, _, pre, key in addresses if pre.endswith(name)}


def _tie(a: list[PartyMention], b: list[PartyMention], spouses: tuple[set[str], set[str]] = (set(), set())
         ) -> str | None:
    """What ties two groups of mentions to one person ("id_number", "birth_date", "address", "spouse", "document"), or
    None."""
    ids_a, ids_b = _ids(a), _ids(b)
    if ids_a and ids_b:
        return "id_number" if ids_a & ids_b else None  # two valid numbers that differ: two people
    passports_a, passports_b = {m.passport for m in a if m.passport}, {m.passport for m in b if m.passport}
    if passports_a and passports_b:
        return "passport" if passports_a & passports_b else None
    if _introduced_apart(a, b):
        return None  # one document introduces each of them: two people (brothers "韩某强", "韩某飞" of one address)
    births_a = {m.birth_date for m in a if m.birth_date}
    births_b = {m.birth_date for m in b if m.birth_date}
    if births_a & births_b:
        return "birth_date"
    if births_a and births_b:
        return None  # two birth dates and two spellings: two people
    addr_a = {_SPACE.sub("", m.address) for m in a if m.address}
    addr_b = {_SPACE.sub("", m.address) for m in b if m.address}
    if addr_a & addr_b:
        return "address"
    if spouses[0] & spouses[1]:
        return "spouse"
    if _named_in_own_paper(a, b) or _named_in_own_paper(b, a):
        return "document"
    return None


def _named_in_own_paper(a: list[PartyMention], b: list[PartyMention]) -> bool:
    """Is spelling `b` written only in one document that introduces `a` with details (a birth date, an ID), never with
    details of its own — "犯罪嫌疑人黎少华以…名义" in the facts of the 起诉意见书 whose head introduces 黎绍华
    (held-out ind_dy03)? That document names no second suspect of that name."""
    if any(m.gender or m.birth_date or m.id_number or m.passport or m.address for m in b):
        return False
    docs = {m.document_id for m in b}
    return len(docs) == 1 and bool(docs & {m.document_id for m in a if m.birth_date or m.id_number})


def build_parties(mentions: list[PartyMention], texts: Mapping[str, str] | None = None) -> tuple[Party, ...]:
    """Parties in first-mention order: suspects (with name variants merged) first, then the other roles.

    A suspect written two ways is named by the spelling most documents use: in their whole text when `texts`
    (document id → text) is given (a 送达回证 names him without a role word), else in their role mentions."""
    suspects = suspect_names(mentions)
    # A transliterated name written without its middle dot ("艾力买买提" on one form, ind_as02) is the dotted name.
    undotted = {s.replace("·", ""): s for s in suspects if "·" in s}
    suspects = [s for s in suspects if s not in undotted]
    # A mention's name cut short by the tokenizer belongs to the suspect whose name it starts.
    resolved = {n: undotted.get(n) or (next((s for s in suspects if s != n and s.startswith(n)), n)
                                       if n not in suspects and cut_short(n, suspects) else n)
                for n in {m.name for m in mentions}}
    groups: dict[str, list[PartyMention]] = {s: [] for s in suspects}
    for m in mentions:
        if m.role in SUSPECT_ROLES and resolved[m.name] in groups:
            groups[resolved[m.name]].append(m)
    addresses = spouse_addresses(texts) if texts else []
    # Spellings of one person: merge a later group into an earlier close, tied one.
    merged: dict[str, list[str]] = {s: [s] for s in suspects}
    ties: dict[str, str] = {}
    for later in suspects:
        if later not in merged:
            continue
        for earlier in suspects:
            if earlier == later or earlier not in merged or suspects.index(earlier) > suspects.index(later):
                continue
            if not any(close_names(x, later) for x in merged[earlier]):
                continue
            spouses = ({k for n in merged[earlier] for k in spouses_named(n, addresses)},
                       spouses_named(later, addresses))
            tie = _tie([m for n in merged[earlier] for m in groups[n]], groups[later], spouses)
            if tie:
                ties[later] = tie
                merged[earlier] += merged.pop(later)
                break
    spouse_spellings = _spellings_by_spouse(merged, addresses, set(suspects))
    for lead, extra in spouse_spellings.items():
        for mention in extra:
            ties.setdefault(mention.name, "spouse")
            if mention.name not in merged[lead]:
                merged[lead].append(mention.name)
            groups.setdefault(mention.name, []).append(mention)
    addressed: dict[str, str] = {}  # spelling -> the addressee both notices name
    for lead, mention, addressee, kind in _spellings_by_addressee(merged, texts or {}):
        ties.setdefault(mention.name, kind)
        addressed[mention.name] = addressee
        if mention.name not in merged[lead]:
            merged[lead].append(mention.name)
        groups.setdefault(mention.name, []).append(mention)
    parties: list[Party] = []
    for spellings in merged.values():
        group = sorted((m for n in spellings for m in groups[n]), key=_dossier_order)
        counts = Counter(m.name for m in group)
        # The spelling most documents use is the name (the first seen on a tie).
        if texts:
            docs_per_name = {n: sum(1 for t in texts.values() if n in t) for n in spellings}
        else:
            docs_per_name = {n: len({m.document_id for m in group if m.name == n}) for n in spellings}
        name = max(spellings, key=lambda n: (docs_per_name[n], counts[n], -spellings.index(n)))
        variants = tuple(n for n in spellings if n != name)
        # A tie is found for each spelling merged into the group; the group's first spelling takes any of them.
        tie_of = {n: ties.get(n) or next((ties[x] for x in spellings if x in ties), "") for n in variants}
        # The spouse both spellings' notices name: the tie's value, which no mention of the name carries.
        spouse_of = {n: next(iter(sorted(spouses_named(n, addresses) & spouses_named(name, addresses))), "")
                     for n in variants if tie_of[n] == "spouse"}
        spouse_of |= {n: f":{addressed[n]}" for n in variants if tie_of[n] in ("addressee", "relative") and n in addressed}
        parties.append(_party(name, variants, group, is_suspect=True).model_copy(
            update={"variant_ties": tie_of, "variant_spouses": spouse_of}))
    others: dict[tuple[str, str], list[PartyMention]] = {}
    for m in mentions:
        if m.role not in SUSPECT_ROLES:
            others.setdefault((m.name, m.role), []).append(m)
    parties += [_party(name, (), group, is_suspect=False) for (name, _), group in others.items()]
    return tuple(parties)


def _spellings_by_spouse(merged: dict[str, list[str]], addresses: list[tuple[str, int, str, str]],
                         suspects: set[str]) -> dict[str, list[PartyMention]]:
    """Notices addressed to a suspect's spouse under another spelling of his name ("王小东家属（妻子）蒋芳：" where the other
    notices write "王晓东家属（妻子）蒋芳："): mentions of that spelling, by the group's first spelling. The spelling is
    close to exactly one suspect's (one character off, or a homophone), is no suspect's own name, and names the same
    spouse by the same relation."""
    found: dict[str, list[PartyMention]] = {}
    for doc_id, end, pre, key in addresses:
        leads = set()
        for lead, spellings in merged.items():
            for name in spellings:
                written = pre[-len(name):]
                if (len(written) == len(name) and written not in suspects and close_names(written, name)
                        and key in spouses_named(name, addresses)):
                    leads.add((lead, written))
        if len(leads) == 1:
            lead, written = leads.pop()
            found.setdefault(lead, []).append(PartyMention(document_id=doc_id, role="犯罪嫌疑人", name=written,
                                                           start=end - len(written), end=end))
    return found


# A family notice's addressee line and the person it tells of: "刘某兰（犯罪嫌疑人之母）：…我局已于…将涉嫌诈骗罪的陈某明逮捕"
# or "陈某明家属刘某兰（母）：": the addressee is the person after 家属.
# (a space may part the relation from the name: "马建军之父 马福来：", ind_dd03)
_ADDRESSEE = re.compile(r"^[ \t\u3000]*(?P<addressee>[\u4e00-\u9fff][\u4e00-\u9fff \t\u3000]{1,15}(?:[（(][^）)\n]{1,16}[）)])?)"
                        r"[：:][ \t\u3000]*$", re.MULTILINE)
# (or the relation without 之 after the surname: "欧阳妻许静：", held-out ind_eb10)
_ADDRESSEE_NAME = re.compile(r"(?:^|家属|亲属|之父|之母|之妻|之夫|之子|之女|之兄|之弟|之姐|之妹|(?<=[\u4e00-\u9fff])[妻夫父母])"
                             r"(?P<name>[\u4e00-\u9fff]{2,4})(?:[（(][^）)]*[）)])?$")
# The addressee as the relative of the person told of: "马建军之父马福来", "马建军的父亲马福来", "马建军家属".
_RELATIVE_OF = re.compile(r"^(?P<of>[\u4e00-\u9fff]{2,4}?)(?:之|的)?(?:父亲|母亲|父|母|妻子|丈夫|妻|夫|儿子|女儿|子|女|哥哥|"
                          r"姐姐|弟弟|妹妹|兄|弟|姐|妹|家属|亲属)")
# (read on the text view: a PDF line may break inside the name, "马建\n君", ind_dd03)
_TOLD_OF = re.compile(r"[将对]涉嫌[\u4e00-\u9fff、]{1,24}?罪的(?P<name>[\u4e00-\u9fff·]{2,5}?)(?:[（(][^）)]{0,60}[）)])?"
                      r"(?:刑事拘留|拘留|执行逮捕|逮捕|监视居住|指定居所监视居住)")
_NOTICE_REACH = 300  # characters from the addressee line to the sentence that names the person


def _notices(texts: Mapping[str, str]) -> list[tuple[str, str, str, tuple[int, int], str]]:
    """(document id, addressee, person told of, where his name stands, the addressee line without spaces) of each
    family notice in the dossier."""
    out = []
    for doc_id, text in texts.items():
        if "涉嫌" not in text:
            continue
        view = text_view(text)
        for a in _ADDRESSEE.finditer(text):
            at = bisect.bisect_left(view.orig, a.end())
            told = _TOLD_OF.search(view.text, at, at + _NOTICE_REACH)
            line = re.sub(r"\s", "", a.group("addressee"))
            who = _ADDRESSEE_NAME.search(line)
            if told and who:
                out.append((doc_id, who.group("name"), told.group("name"),
                            view.to_orig(told.start("name"), told.end("name")), line))
    return out


def _spellings_by_addressee(merged: dict[str, list[str]], texts: Mapping[str, str]
                            ) -> list[tuple[str, PartyMention, str, str]]:
    """A family notice telling of a spelling no other paper writes, close to exactly one suspect's name (one character
    off, or a homophone), addressed to the very person another notice tells of that suspect ("刘某兰（犯罪嫌疑人之母）：
    …将涉嫌诈骗罪的陈智明逮捕", the 拘留通知书 to her telling of 陈志明, ind_cm03): (the suspect's lead spelling, a mention
    of the spelling, the addressee, "addressee"). Brothers share a mother, but a brother who is a suspect has papers of
    his own. Or the notice's own addressee line names the suspect's right spelling as his relative's ("马建军之父 马福来："
    over "…的马建君执行逮捕", ind_dd03): (…, that line, "relative")."""
    notices = _notices(texts)
    if not notices:
        return []
    spelled = {n: lead for lead, spellings in merged.items() for n in spellings}
    found = []
    for doc_id, addressee, name, (start, end), line in notices:
        if name in spelled or sum(1 for t in texts.values() if name in text_view(t).text) > 1:
            continue
        same_addressee = {spelled[n] for d, a, n, _, _ in notices if d != doc_id and a == addressee and n in spelled}
        # …or the notice's own addressee line names him right ("马建军之父 马福来：" over "…的马建君执行逮捕", ind_dd03)
        relative = _RELATIVE_OF.match(line)
        own = spelled.get(relative.group("of")) if relative else None
        leads = {spelled[n] for n in spelled if close_names(name, n)} & (same_addressee | ({own} if own else set()))
        if len(leads) == 1:
            lead = leads.pop()
            kind = "addressee" if lead in same_addressee else "relative"
            found.append((lead, PartyMention(document_id=doc_id, role="犯罪嫌疑人", name=name, start=start, end=end),
                          addressee if kind == "addressee" else line, kind))
    return found


def _dossier_order(m: PartyMention) -> tuple[int, int]:
    digits = m.document_id.lstrip("d")
    return (int(digits) if digits.isdigit() else 0, m.start)


def _most_stated(values: list) -> object:
    """The value most mentions state (the first stated on a tie); None when none states one. One document that
    writes a detail differently (the consistency rules report it) does not decide the person's detail."""
    counts = Counter(v for v in values if v)
    return max(counts, key=lambda v: (counts[v], -values.index(v))) if counts else None


def _party(name: str, variants: tuple[str, ...], group: list[PartyMention], *, is_suspect: bool) -> Party:
    number = _most_stated([m.id_number for m in group])
    any_id = next((m for m in group if m.id_number == number), None)  # as the documents give it
    # A valid ID number is one more witness of the birth date and gender it encodes: where the documents split evenly
    # (one 起诉意见书 writes "1980年7月12日" against one "1980年7月21日", ind_aq06), it decides.
    births = [m.birth_date for m in group]
    genders: list[str | None] = [m.gender for m in group]
    if any_id and any_id.id_valid and any_id.id_number:  # a witness only: it never states a detail on its own
        births += [id_birth_date(any_id.id_number)] if any(births) else []
        genders += [id_gender(any_id.id_number)] if any(genders) else []
    return Party(
        name=name,
        role=group[0].role if group else "",
        is_suspect=is_suspect,
        variants=variants,
        gender=_most_stated(genders),  # type: ignore[arg-type]
        birth_date=_most_stated(births),  # type: ignore[arg-type]
        id_number=any_id.id_number if any_id else None,
        id_valid=any_id.id_valid if any_id else None,
        passport=_most_stated([m.passport for m in group]),  # type: ignore[arg-type]
        mentions=tuple(group),
    )
