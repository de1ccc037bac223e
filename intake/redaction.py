"""Automatic redaction of names and identifying details, before anyone reads an excerpt.

The assessment examines how systems work, never one practitioner: "Officer Diaz", "Judge
Brown", "my caseworker Maria", "王警官" and "الضابط أحمد" all become "[name]". No model is
needed (or installable here); these are plain, tested patterns and word lists for every
shipped language (``intake/data/redaction.json``):

- e-mail addresses, phone numbers (local and international styles), case and file numbers
  (after words such as "case", "expediente", "案号", "قضية", and A-numbers);
- dates with a day or a year (a date of birth identifies; "in March" does not);
- street addresses (a number next to a street word, in each language's order);
- a title or role word followed by a name ("Officer Diaz", "bác sĩ Lan"); in Arabic the word
  after a title unless it is an ordinary word; in Chinese a surname before a title ("王警官");
- capitalised given names from the lists, in any Latin-script language, and family names when
  they sit next to another name or inside a sentence (so "Her husband" keeps its "Her").

It errs towards removing too much: a quote is better short of a word than naming someone.
Placeholders are English in storage and translated when shown (``localise_placeholders``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask_babel import gettext

DATA_FILE = Path(__file__).resolve().parent / "data" / "redaction.json"
PLACEHOLDER = "[name]"
PLACEHOLDERS = ("[name]", "[phone]", "[email]", "[address]", "[date]", "[case number]", "[…]")
_HAN = r"\u4e00-\u9fff"


@dataclass(frozen=True)
class _Rules:
    titled: re.Pattern[str]  # Latin-script title + capitalised words
    titled_arabic: re.Pattern[str] | None
    arabic_names: frozenset[str]
    arabic_ordinary: frozenset[str]
    han_names: re.Pattern[str] | None
    given: frozenset[str]
    family: frozenset[str]
    case: re.Pattern[str]
    dates: re.Pattern[str]
    addresses: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    unique = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) or r"(?!x)x"


def _load() -> dict[str, dict[str, list[str]]]:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = _load()

    def every(key: str, only: Iterable[str] | None = None) -> list[str]:
        langs = only if only is not None else data.keys()
        return [w for lang in langs for w in data.get(lang, {}).get(key, [])]

    latin = [lang for lang in data if lang not in ("ar", "zh")]
    titles_latin = _alternation(every("titles_before", latin))
    # A word, or an initial ("J."); capitalisation is checked in redact().
    name_word = r"(?:[^\W\d_][\w'’-]+|[^\W\d_]\.)"
    titled = re.compile(
        rf"(?<!\w)(?P<title>(?i:{titles_latin}))\.?\s+(?P<name>{name_word}(?:\s+{name_word}){{0,3}})"
    )
    titled_arabic = None
    if "ar" in data:
        titled_arabic = re.compile(
            rf"(?<!\w)(?P<title>[وفبل]?(?:{_alternation(data['ar']['titles_before'])}))\s+(?P<name>\w+)(?:\s+(?P<second>\w+))?"
        )
    han = None
    if "zh" in data:
        surnames = "".join(re.escape(s) for s in data["zh"].get("family_names", []) if len(s) == 1)
        after = _alternation(data["zh"].get("titles_after", []))
        given = _alternation(n for n in data["zh"].get("given_names", []) if len(n) >= 2)
        long_before = _alternation(t for t in data["zh"].get("titles_before", []) if len(t) >= 2)
        han = re.compile(
            rf"[小老阿][{surnames}]"  # 小王, 老李: the surname alone
            rf"|[{surnames}][{_HAN}]{{0,2}}(?=(?:{after}))"  # 王警官, 李明医生
            rf"|(?P<zhtitle>{long_before})[{surnames}][{_HAN}]?"  # 警官王
            rf"|(?P<zhcall>叫)[{surnames}][{_HAN}]{{1,2}}"  # 他叫张伟
            rf"|[{surnames}]?(?:{given})"  # 王芳, 芳芳
        )
    try:
        import stopwordsiso

        arabic_ordinary = frozenset(stopwordsiso.stopwords("ar"))
    except ImportError:  # pragma: no cover - installed with the app
        arabic_ordinary = frozenset()
    case_words = _alternation(every("case_words"))
    case = re.compile(
        rf"(?i:(?<!\w)(?:{case_words}))\s*(?:#|no\.?|nº|number|número|:)?\s*[:：#]?\s*"
        r"[\w(（][\w()（）./\-]*\d[\w()（）./\-]*"
        r"|(?<!\w)A[- ]?\d{8,9}(?!\w)"
        r"|(?<!\w)\d{2,4}-[A-Z]{1,4}-\d{3,}(?!\w)"
    )
    months = _alternation(every("months"))
    dates = re.compile(
        r"(?<!\d)\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?!\d)"
        r"|\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"
        r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
        r"|(?i:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
        r"|(?i:tháng\s+\d{1,2}\s+năm\s+\d{4})"
        rf"|(?:\d{{1,2}}\s+(?:(?i:de)\s+)?)(?i:{months})(?:,?\s+(?:(?i:de|del|xyoo|năm)\s+)?\d{{4}})?"
        rf"|(?i:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
        rf"|(?i:{months}),?\s+(?:(?i:de|del)\s+)?\d{{4}}"
    )
    streets = _alternation(every("street_words"))
    addresses = re.compile(
        rf"(?<!\w)\d{{1,6}}[A-Za-z]?\s+(?:[\w'’.-]+\s+){{0,3}}(?i:{streets})(?!\w)"
        rf"|(?<!\w)(?i:{streets})\s+(?:[\w'’.-]+\s+){{0,3}}\d{{1,6}}[A-Za-z]?(?!\w)"
        # A place name before 路/街, but not the "住在" (live at) in front of it.
        rf"|(?:(?![住在到去来是的了我你他她])[{_HAN}]){{1,10}}(?:路|街|大道|巷|弄)\s*\d{{1,5}}\s*号?(?:\s*\d{{1,5}}\s*(?:单元|栋|号楼|楼|层|室|号))*"
    )
    return _Rules(
        titled=titled,
        titled_arabic=titled_arabic,
        arabic_names=frozenset(every("given_names", ["ar"]) + every("family_names", ["ar"])),
        arabic_ordinary=arabic_ordinary,
        han_names=han,
        given=frozenset(w.lower() for w in every("given_names", latin)),
        family=frozenset(w.lower() for w in every("family_names", latin)),
        case=case,
        dates=dates,
        addresses=addresses,
    )


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Letters and digits bound a phone number, but not Chinese characters ("电话13800138000打").
_PHONE = re.compile(r"(?<![0-9A-Za-z])(?:\+|\()?\d[\d\s().\-]{6,}\d(?![0-9A-Za-z])")
_CAPITALISED = re.compile(r"(?<![\w\[])[^\W\d_][\w'’-]+")
# Words after which a capitalised word is a language or a country, not a person.
_NOT_A_NAME_AFTER = frozenset({"tiếng", "việt", "nước", "người", "lus", "st", "st.", "saint"})
_ARABIC_WORD = re.compile(r"(?<!\w)[\u0600-\u06ff]+")
_ARABIC_PREFIX = re.compile(r"^(?:[وفبكل]|ال|وال|بال|لل|فال)")
_REPEATS = re.compile(r"\[name\](?:[\s,]*\[name\])+")
# Family names in the lists that are also ordinary words at the start of a sentence.
_EVERYDAY = frozenset(
    {"her", "long", "young", "white", "black", "brown", "green", "king", "may", "will", "rose",
     "hope", "hang", "lo", "ha", "le", "do", "so", "cha", "pha", "yang", "li", "ly", "lý", "vu", "ho",
     "mai", "hong", "nou", "her's", "moua", "chang", "thao", "vang", "lee", "xiong", "lor", "vue",
     "kue", "khang", "fang", "thor", "don", "park", "hall", "wood", "hill", "lane", "street"}
)  # fmt: skip
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"“«]\s*)$")


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def redact(text: str, language: str = "en") -> str:
    """``text`` with names and identifying details replaced by placeholders."""
    rules = _rules()
    text = _EMAIL.sub("[email]", text)
    text = rules.case.sub("[case number]", text)
    text = rules.addresses.sub("[address]", text)
    text = rules.dates.sub(lambda m: "[date]" if _digits(m.group(0)) else m.group(0), text)
    text = _PHONE.sub(lambda m: "[phone]" if _digits(m.group(0)) >= 7 else m.group(0), text)

    def titled(m: re.Match[str]) -> str:
        # Only the capitalised words after a title are a name: "Officer Diaz", but not the
        # "came" of "the officer came".
        words = m.group("name").split()
        leading = 0
        while leading < len(words) and words[leading][0].isupper():
            leading += 1
        if not leading:
            # Typed in lower case on a phone ("officer diaz"): still a name if it is listed.
            first = words[0].lower().strip(".")
            if first in rules.given or first in rules.family:
                leading = 1
            else:
                return m.group(0)
        rest = " ".join(words[leading:])
        return f"{m.group('title')} {PLACEHOLDER}" + (f" {rest}" if rest else "")

    text = rules.titled.sub(titled, text)
    if rules.titled_arabic is not None:

        def arabic_title(m: re.Match[str]) -> str:
            # Arabic has no capitals: after a title, only a listed name is taken as a name.
            name = m.group("name")
            if name in rules.arabic_ordinary or name not in rules.arabic_names:
                return m.group(0)
            out = f"{m.group('title')} {PLACEHOLDER}"
            second = m.group("second")
            if second:
                kept = second not in rules.arabic_names
                out += f" {second}" if kept else ""
            return out

        text = rules.titled_arabic.sub(arabic_title, text)

    def arabic_name(m: re.Match[str]) -> str:
        word = m.group(0)
        bare = _ARABIC_PREFIX.sub("", word)
        if word in rules.arabic_names or (len(bare) > 2 and bare in rules.arabic_names):
            return PLACEHOLDER
        return word

    text = _ARABIC_WORD.sub(arabic_name, text)
    if rules.han_names is not None:
        text = rules.han_names.sub(
            lambda m: (m.group("zhtitle") or m.group("zhcall") or "") + PLACEHOLDER, text
        )

    def latin_name(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word[0].isupper():
            return word
        previous = text[: m.start()].split()[-1:]
        if previous and previous[0].lower() in _NOT_A_NAME_AFTER:
            return word
        lower = word.lower().rstrip("'’s")
        if lower in rules.given or word.lower() in rules.given:
            return PLACEHOLDER
        if lower in rules.family or word.lower() in rules.family:
            before = text[: m.start()]
            after = text[m.end() :]
            beside_name = before.rstrip().endswith(PLACEHOLDER) or bool(
                re.match(r"\s+[A-ZÀ-ÖØ-ÞĀ-ſ]", after)
            )
            # A listed family name is a name, except at the start of a sentence when it is
            # also an everyday word ("Her husband…", "Long ago…").
            if beside_name or not _SENTENCE_START.search(before) or lower not in _EVERYDAY:
                return PLACEHOLDER
        return word

    # Two passes so "Maria Lopez" and "Lopez, Maria" both go, whichever is listed.
    for _pass in range(2):
        text = _CAPITALISED.sub(latin_name, text)
    return _REPEATS.sub(PLACEHOLDER, text)


def quote_text(text: str, language: str, hidden: Iterable[str] = ()) -> str:
    """An excerpt as it may be shown: the facilitator's extra words hidden, then redacted."""
    for word in hidden:
        if word.strip():
            text = re.sub(re.escape(word.strip()), "[…]", text, flags=re.IGNORECASE)
    return redact(text, language)


def localise_placeholders(text: str) -> str:
    labels = {
        "[name]": gettext("[name]"),
        "[phone]": gettext("[phone]"),
        "[email]": gettext("[email]"),
        "[address]": gettext("[address]"),
        "[date]": gettext("[date]"),
        "[case number]": gettext("[case number]"),
    }
    return re.sub(
        r"\[(?:name|phone|email|address|date|case number)\]", lambda m: labels[m.group(0)], text
    )


def is_listed_name(word: str) -> bool:
    """A given or family name from the lists (any case): never kept as a code's word."""
    rules = _rules()
    lower = word.strip().lower()
    return lower in rules.given or lower in rules.family or word.strip() in rules.arabic_names
