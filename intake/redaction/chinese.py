"""Chinese: the characters and words around a name written in Han characters (what ends a
name, kinship words after 阿, where a subject starts, the verbs before an object and after a
subject), and the Chinese name patterns built from them and the Chinese lists
(``_han_patterns``, called by ``rules._rules``).

Traditional characters are read as simplified ones: the lists and patterns are folded to
simplified when built, and every Chinese pattern is matched in a simplified copy of the
text (``intake.analysis.text.simplified``, one character for one) and cuts its match out
of the text as written (``_han_sub``), so "劉律師" loses 劉 as "刘律师" loses 刘, and what is
kept ("律師") stays as it was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..analysis.text import simplified
from .words import _HAN, PLACEHOLDER, _alternation

if TYPE_CHECKING:
    from .rules import _Rules


class _Written:
    """A match found in the simplified copy of a text, read in the text as written (the same
    positions): ``group`` gives the characters the respondent typed."""

    __slots__ = ("_match", "string")

    def __init__(self, match: re.Match[str], written: str) -> None:
        self._match = match
        self.string = written

    def group(self, name: int | str = 0) -> str | None:
        start, end = self._match.span(name)
        return None if start < 0 else self.string[start:end]

    def start(self, name: int | str = 0) -> int:
        return self._match.start(name)

    def end(self, name: int | str = 0) -> int:
        return self._match.end(name)

    def span(self, name: int | str = 0) -> tuple[int, int]:
        return self._match.span(name)


def _han_sub(
    pattern: re.Pattern[str], text: str, replace: str | Callable[[re.Match[str]], str]
) -> str:
    """``pattern.sub(replace, text)`` with the pattern matched in the simplified copy of
    ``text``: a traditional name is found as its simplified twin, and what the replacement
    keeps of the match (a title, a verb, a place set aside) is taken as written."""
    folded = simplified(text)
    if folded == text:
        return pattern.sub(replace, text)  # simplified (or no Chinese): nothing to map back
    parts = []
    done = 0
    for m in pattern.finditer(folded):
        parts.append(text[done : m.start()])
        parts.append(replace if isinstance(replace, str) else replace(_Written(m, text)))  # type: ignore[arg-type]
        done = m.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _simplified_list(words: list[str]) -> list[str]:
    """A Chinese list with each entry as simplified characters (traditional entries fold to
    their simplified twins; duplicates go)."""
    return list(dict.fromkeys(simplified(w) for w in words))


# Characters that end a Chinese name: verbs, particles and pronouns that follow a name;
# after them the same in written Cantonese (话 said, 系 is, 喺 at, 嘅 of, 咗, 佢 he/she, 同
# and/with, 俾/畀 give/by, 冇 have not, 唔 not, 嚟 come, 啲).
_ZH_NOT_IN_NAME = (
    "说讲了是在把被给对跟和与也都就还又不没很让叫打骂来去到的我你他她们总一经却才帮"
    "话系喺嘅咗佢同俾畀冇唔嚟啲"
)

# After 阿 these make a relative (阿姨 auntie, 阿公 grandpa), not a nickname.
_ZH_KIN = "姨婆公伯叔哥姐妈爸妹弟嫂舅奶爷嬷"

# Where a subject starts, and what a person named as the subject goes on to do.
_ZH_CLAUSE_START = r"，。！？；：、“”‘’「」\s,.!?;:"

_ZH_BEFORE_OBJECT = "找|告诉了|告诉|和|跟|给|问|见|联系|通知|打给|同|揾|俾|畀"

_ZH_AFTER_SUBJECT = (
    "是我|说|讲|告诉|打|骂|威胁|跟踪|不让|不肯|不给|让我|对我|把我|叫我|逼|一直|经常|总是|又|还|也说"
    "|就|却|来了|走了|拿走"
    # written Cantonese: 话 (said), 系 (is), 成日 (always), 同我, 俾我, 畀我, 冇, 唔, 嚟
    "|话|系|成日|同我|俾我|畀我|冇|唔|嚟"
)

# Surnames that are also a preposition or a common word before a person ("向[name]求助",
# "于[name]", "关[name]什么事"): not taken as the surname of a name found right after them.
_ZH_SURNAME_ALSO_A_WORD = "向于常文关方万任"


# A date with its day written in characters ("三月十二号", "九零年三月十二日"; "三月" alone is a
# month and stays); the digit forms are among the dates in ``rules``.
_HAN_NUMERAL = "〇零一二三四五六七八九十"
_HAN_DATE = re.compile(
    rf"(?:[{_HAN_NUMERAL}]{{2,4}}年)?[{_HAN_NUMERAL}]{{1,3}}月[{_HAN_NUMERAL}]{{1,3}}[日号號]"
)


# A handle after the name of a Chinese app ("微信号 liuqiang_1988", "加我微信 lq1988"): the
# owner's account names them as a name does.
_HAN_HANDLE = re.compile(
    r"(?P<app>微信号|微信號|微信|抖音号|抖音|小红书|账号|帳號|用户名"
    r"|(?<![A-Za-z])(?i:wechat|weixin|wx|qq号|qq號|qq|id)(?![A-Za-z]))"
    r"(?P<between>\s*(?:是|系|为|為|叫|号|:|：)?\s*)"
    r"(?P<handle>(?=[A-Za-z0-9_.-]*[A-Za-z])(?=[A-Za-z0-9_.-]*[\d_])[A-Za-z][A-Za-z0-9_.-]{3,}[A-Za-z0-9])"
    r"(?![A-Za-z0-9_@])"
)


# A name in Latin letters after a naming word ("我前夫叫kevin", "名字叫 maria"), typed in lower
# case (a capital is read by the Latin passes): a name when a list holds it, so "叫uber" stays.
_HAN_NAMED_LATIN = re.compile(
    r"(?P<lead>(?:名字叫|名字是|名叫|叫做|叫)\s*)(?P<word>[a-z][a-z'’-]+)(?![A-Za-z])"
    r"(?:(?P<space>\s+)(?P<second>[a-z][a-z'’-]+)(?![A-Za-z]))?"
)


def _han_handles(text: str, rules: _Rules) -> str:
    """A handle after the name of a Chinese app, letters with digits or an underscore (a
    number alone is a phone's, read later); a listed name in lower-case Latin letters after
    叫 or 名字是."""
    text = _han_sub(_HAN_HANDLE, text, lambda m: m.group("app") + m.group("between") + PLACEHOLDER)

    def named(m: re.Match[str]) -> str:
        if m.group("word") not in rules.names:
            return m.group(0)
        second = m.group("second")
        if second is None:
            return m.group("lead") + PLACEHOLDER
        if second in rules.names:  # "maria lopez"
            return m.group("lead") + PLACEHOLDER
        return m.group("lead") + PLACEHOLDER + m.group("space") + second

    return _han_sub(_HAN_NAMED_LATIN, text, named)


def _han_patterns(zh: dict[str, list[str]]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """From the Chinese lists: the pattern of a name written in Han characters
    (``_Rules.han_names``) and of a surname written right after a Latin given name
    (``_Rules.han_after_name``, "Jenny陈是社工")."""
    zh = {key: _simplified_list(words) for key, words in zh.items() if isinstance(words, list)}
    family = zh.get("family_names", [])
    single = "".join(re.escape(s) for s in family if len(s) == 1)
    surname = rf"(?:{_alternation(s for s in family if len(s) > 1)}|[{single}])"
    after = _alternation(zh.get("titles_after", []))
    given = _alternation(n for n in zh.get("given_names", []) if len(n) >= 2)
    # Characters of listed given names, less those that make a kinship word after 阿.
    given_chars = "".join(sorted(set("".join(zh.get("given_names", []))) - set(_ZH_KIN)))
    long_before = _alternation(t for t in zh.get("titles_before", []) if len(t) >= 2)
    # Cantonese titles right after a surname alone ("陳生話", "黃太", "馮Sir"), only before
    # what ends a name; Latin titles before a surname ("Miss黃", "Mr陳大文"), in any case.
    alone = _alternation(zh.get("titles_after_surname_alone", []))
    latin_before = _alternation(zh.get("latin_titles_before_surname", []))
    # A given name is one or two characters, but never a verb or particle that follows
    # the name ("警察陈志强来了" takes 陈志强, "警官王说" keeps 说).
    # nor the 阿 of a kinship word after a surname ("李阿姨" is auntie Li: 李 goes)
    # nor the first of a doubled kinship word ("郭叔叔" is uncle Guo: 郭 goes, 叔叔 stays)
    doubled_kin = "|".join(c * 2 for c in _ZH_KIN)
    name_char = rf"(?:(?![{_ZH_NOT_IN_NAME}])(?!阿[{_ZH_KIN}])(?!{doubled_kin})[{_HAN}])"
    # (Cantonese "成日", always, after a name: "Kelvin黃成日打我")
    ends = rf"(?=[{_ZH_NOT_IN_NAME}{_ZH_CLAUSE_START}]|成日|$)"
    han_after_name = re.compile(
        rf"\[name\]{surname}{ends}"
        # "陳Peter", "黃Kelvin": a surname right before a name found (Hong Kong order)
        rf"|(?![{_ZH_SURNAME_ALSO_A_WORD}]){surname}(?=\[name\])"
    )
    han = re.compile(
        rf"(?:{given})"  # 芳芳, 建国 (a surname before it goes with it below)
        rf"|[小老阿]{surname}"  # 小王, 老李: the surname alone
        rf"|阿[{given_chars}]"  # 阿强, 阿明: a nickname from a given name, not 阿姨
        # (a name character never starts a title: "王小姐" is 王 before 小姐, not 王小 before 姐)
        rf"|{surname}(?:(?!{after}){name_char}){{0,2}}(?=(?:{after}))"  # 王警官, 李明医生
        rf"|{surname}(?=\s?(?i:{alone}){ends})"  # 陈生话, 黄太, 冯Sir, 陈 Sir
        rf"|(?P<zhlatin>(?i:{latin_before})\s?){surname}(?:(?!{after}){name_char}){{0,2}}{ends}"
        # "警察赵警官说": the title after the surname is no given name (赵 goes, 警官 stays)
        rf"|(?P<zhtitle>(?i:{long_before})[是系]?|名字是|名字叫|名叫|叫做|叫|姓)(?:{surname}(?:(?!{after}){name_char}){{0,2}}"  # 警官王, 前夫刘建国, 叫张伟
        # "我表妹小敏的电话": 小 and a given name's character after a title, then what ends a name
        rf"|小[{given_chars}](?=[{_ZH_NOT_IN_NAME}{_ZH_CLAUSE_START}]|$))"
        # A title is no given name: "给刘律师" takes 刘 (below), keeps 律师.
        rf"|(?:(?<=^)|(?<=[{_ZH_CLAUSE_START}])){surname}(?!{after}){name_char}{{1,2}}(?=(?:{_ZH_AFTER_SUBJECT}))"  # 张伟说
        rf"|{surname}(?=(?:{given}))"
        # 我去找刘强 / 告诉了王芳和赵磊: a name as the object, up to the next comma or 和
        rf"|(?P<zhverb>{_ZH_BEFORE_OBJECT}){surname}(?!{after}){name_char}{{1,2}}(?=[，。、！？,.!?\s和跟]|说|讲|一起|见面|吵|$)"
        # 有王芳、刘洋和陈阿姨: names in a list, each a surname and one or two characters,
        # the first before another such name, the others after a 、.
        rf"|(?:(?<=^)|(?<=[有是：:，,])){surname}{name_char}{{1,2}}(?=、{surname}{name_char})"
        rf"|(?<=、){surname}{name_char}{{1,2}}(?=[和及跟、，。！？,.!?\s]|都|说|$)"
    )
    return han, han_after_name


# A surname standing alone once the full name was found: where a subject starts (after a
# clause's punctuation and perhaps a word that opens it: "后来李又来了") or after a verb that
# takes a person ("我跟李说"), and before what a person does or an adverb.
_ZH_CLAUSE_OPENER = (
    "后来|然后|可是|但是|不过|结果|所以|因为|而且|现在|当时|那天|第二天|之后|以后|最后"
)
_ZH_SURNAME_ALONE_AFTER = (
    "又|也|还|就|都|才|每|总|一直|经常|不|没|说|讲|打|骂|来|去|把|被|让|叫|跟|和|对|给|是|在"
    "|要|会|想|告诉|威胁|知道|带|拿"
)
_ZH_PREFIXES = "老小阿"
# Lookbehinds have one width each: the openers grouped by length.
_ZH_AFTER_OPENER = "|".join(
    rf"(?<=(?:{'|'.join(w for w in _ZH_CLAUSE_OPENER.split('|') if len(w) == n)}))"
    for n in sorted({len(w) for w in _ZH_CLAUSE_OPENER.split("|")})
)
# The one-character verbs before a person ("跟", "和", "给", "找", "问"): "告诉了" is read by
# the full name's own pattern.
_ZH_BEFORE_OBJECT_ONE = "|".join(w for w in _ZH_BEFORE_OBJECT.split("|") if len(w) == 1)
_HAN_CHAR = re.compile(rf"[{_HAN}]")
_ALL_HAN = re.compile(rf"[{_HAN}]+")


@lru_cache(maxsize=1)
def _han_surnames() -> frozenset[str]:
    """The listed Chinese surnames (one or two characters)."""
    from .rules import _load  # rules builds its patterns from this module

    return frozenset(_simplified_list(_load().get("zh", {}).get("family_names", [])))


def _han_names_again(pieces: list[str], text: str, rules: _Rules) -> str:
    """In Chinese, the parts of a name found once, looked for again: the surname alone as a
    subject or object ("李明打了我, 后来李又来了", "李警官…李每次都"), and a two-character given
    name anywhere ("王小明…小明说", "陈建国…建国还说"); ``pieces`` is what each placeholder
    stood for."""
    family = _han_surnames()
    surnames: set[str] = set()
    given: set[str] = set()
    pieces = [simplified(p) for p in pieces]  # matched in the simplified copy of the text
    for piece in pieces:
        name = piece.strip()
        if not name or not all(_HAN_CHAR.match(ch) for ch in name):
            continue
        if len(name) >= 2 and name[0] in _ZH_PREFIXES and name[1:] in family:
            surnames.add(name[1:])  # 老王, 小李
            continue
        surname = name[:2] if name[:2] in family and len(name) > 2 else name[:1]
        if surname not in family or len(name) > len(surname) + 2:
            continue
        surnames.add(surname)
        rest = name[len(surname) :]
        if len(rest) == 2:
            given.add(rest)
    names = [
        re.escape(p.strip())
        for p in pieces
        if len(p.strip()) >= 2 and _ALL_HAN.fullmatch(p.strip())
    ]
    if given:
        names.append("|".join(re.escape(g) for g in sorted(given, key=len, reverse=True)))
    if surnames:
        surname = "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
        names.append(
            rf"(?:(?<=^)|(?<=[{_ZH_CLAUSE_START}])|{_ZH_AFTER_OPENER})"
            rf"(?:{surname})(?=(?:{_ZH_SURNAME_ALONE_AFTER}))"
        )
        names.append(
            rf"(?<=(?:{_ZH_BEFORE_OBJECT_ONE}))(?:{surname})(?=[{_ZH_CLAUSE_START}]|说|讲|一起|$)"
        )
    if not names:
        return text
    return _han_sub(re.compile("|".join(names)), text, PLACEHOLDER)
