"""Identifiers other than names: e-mail addresses, handles, phone numbers, street addresses and
postcodes, dates with a day, years of birth and birthdays; in English also po boxes and rooms,
a phone's extension, an e-mail typed in words and a school named for a person ("Roosevelt
High"); in every language a number after its label (a plate, papers, a badge, a phone's last
digits, a house: one table, ``number_labels`` in redaction.json, read by ``_number_labels``),
a phone partly in words, a date of birth with spaces and a nickname after the words that mark
one (``_spelled_numbers``, ``_nicknames``); the shapes typed on a phone with no street type,
separator or full year ("412 w 3rd", "at 300 pine", "lot 23", "rr 2 box 14", "march 3 88",
"5550134", "on 10/3", "his insta is lil mike 23": ``_typed_addresses``,
``_typed_streets_in_words``, ``_two_digit_years``, ``_typed_numbers``, at the end). Case
numbers and A-numbers are patterns compiled from the lists' case words, in ``rules``; the order
of the passes is in ``pipeline.redact``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .arabic import _ARABIC_STOP
from .chinese import _HAN_DATE
from .names import _mostly_capitalised
from .rules import _load, _load_places, _rules
from .somali import _SOMALI_TIMES
from .words import (
    _ANY_HAN,
    _LATIN_LETTER,
    _UNITS,
    _UPPER,
    PLACEHOLDER,
    _alternation,
    _role_word,
)

if TYPE_CHECKING:
    from .rules import _Rules

# A year of birth identifies as a date of birth does ("born in 1988", "nací en el 89",
# "sinh năm 1985", "مواليد ١٩٨٨", "waxaan dhashay 1990", "kuv yug xyoo 1987", "1988年出生");
# any other year stays. Digits may be Arabic-Indic or Persian.
_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"

_YEAR = f"(?:[1\u0661\u06f1][89\u0668\u0669\u06f8\u06f9]|[2\u0662\u06f2][0\u0660\u06f0]){_D}{{2}}"

_BIRTH_WORDS = (
    "born|b\\.|dob|d\\.o\\.b\\.?|date of birth|year of birth|birth year|birthyear|"
    "nac[ií]|naci[oó]|nacid[oa]|nacimiento|soy del|es del|"
    "sinh năm|sinh nam|năm sinh|nam sinh|sinh|sn|"
    "dhashay|dhalatay|dhalasho|dhalashada|dhalashadayda|dhalashadeyda|"
    "yug|"
    "مواليد|ولدت|ولد|مولود|مولودة|الميلاد|ميلادي|تولد|تولّد"
)

# Words after which two digits are a year ("born in 85", "soy del 92", "sinh năm 79").
_YEAR_WORDS = "in|en|el|del|năm|nam|xyoo|sanadkii|sannadkii|sanadka|sannadka|سنة|عام|في"

_BIRTH_YEAR = re.compile(
    rf"(?P<lead>(?<!\w)(?i:{_BIRTH_WORDS})(?!\w)(?:[\s,:：]+(?:(?!\d)[\w'’.]{{1,12}}[\s,:：]+){{0,3}}?|\s*))"
    rf"(?:(?P<year>['’]?{_YEAR}|['’]{_D}{{2}}|(?<=(?i:del)\s){_D}{{2}})|(?P<pre>(?i:{_YEAR_WORDS})\s+(?:(?i:el|the|'|’)\s*)?)(?P<short>{_D}{{2}}))"
    r"(?![\d/.\-:])"
    # The year first: "sanadkii 1990 ayaan dhashay", "xyoo 1987 kuv yug", "1985 sinh"
    rf"|(?<![\d\w])(?P<first>{_YEAR})(?P<rest>(?:\s+(?!\d)[\w'’]{{1,12}}){{0,3}}?\s+(?i:dhashay|dhalatay|yug|sinh|ولدت|ولد))(?!\w)"
    # Chinese: 1988年出生, 85年生的, 出生于1988年
    rf"|(?P<zhyear>(?:19|20)?\d{{2}}\s*年(?:\s*\d{{1,2}}\s*月)?(?:\s*\d{{1,2}}\s*[日号])?)(?P<zhafter>\s*(?:出生|出世|生的|生人|生))"
    rf"|(?P<zhbefore>(?:出生于|出生於|出生在|生于|出生年份是?|出生年是?)\s*)(?P<zhyear2>(?:19|20)?\d{{2}}\s*年?)"
)


def _birth_year(m: re.Match[str]) -> str:
    if m.group("year") is not None:
        return m.group("lead") + "[date]"
    if m.group("short") is not None:
        return m.group("lead") + m.group("pre") + "[date]"
    if m.group("first") is not None:
        return "[date]" + m.group("rest")
    if m.group("zhyear") is not None:
        return "[date]" + m.group("zhafter")
    return m.group("zhbefore") + "[date]"


# "his birthday is 4/12", "cumpleaños 12/4", "生日是4月12日": a birthday is a date of birth
# even without its year.
_BIRTHDAY = re.compile(
    r"(?P<lead>(?<!\w)(?i:birthday|bday|b-day|dob|born|cumpleaños|cumpleanos|cumple|sinh nhật|"
    r"sinh nhat|ngày sinh|ngay sinh|dhalashada|dhalashadiisa|dhalashadeeda|hnub yug|"
    r"عيد ميلاد|عيد ميلادي|عيد ميلاده|عيد ميلادها)(?!\w)"
    r"(?:\s+(?!\d)[\w'’]{1,8}){0,3}?[\s:：]*|生日\s*(?:是|在)?\s*)"
    r"(?P<day>\d{1,2}\s*[/.\-]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号]?)(?![\d/.\-])"
    # "born 2-3 weeks early": a count, not a day
    r"(?!\s*(?i:weeks?|days?|months?|hours?|years?|lbs?|pounds|kg|am|pm)\b)"
)

# "zip 55407", "código postal 77036": a postcode narrows an address to a few streets.
_POSTCODE = re.compile(
    r"(?P<lead>(?<!\w)(?i:zip(?:\s*code)?|zipcode|c[oó]digo postal|c\.p\.|postal code)"
    r"(?:\s+(?i:is|es|was|era))?\s*[:#]?\s*)\d{5}(?:-\d{4})?(?!\d)"
)
# A time after a number: "room 2 nights", "unit 3 weeks" are not a room or a unit.
_NOT_AN_ID_AFTER = (
    r"(?!\s*(?i:days?|nights?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|times?|min\w*|am|pm"
    r"|feet|ft|degrees|people|kids)\b)"
)
# "EAC2190012345", "IOE0912345678": letters and six digits or more in one word are a
# receipt, a booking or an account number in any language (a form's name, "I-485", has
# fewer).
_LETTERS_AND_DIGITS = re.compile(
    r"(?<![\w@.-])(?=[A-Za-z]{0,6}\d)(?=(?:[A-Za-z]*\d){6})(?=\d*[A-Za-z])[A-Za-z0-9]{7,20}(?![\w@-])"
)
# "po box 4471", "room 214 at the shelter", "unit 3B": where a person gets mail or sleeps.
_BOX_OR_ROOM = re.compile(
    r"(?P<lead>(?<![\w.])(?i:p\.?\s?o\.?\s*box|post office box|room|rm\.?|unit|suite|ste\.|(?<!to )bed|bunk)"
    # "my room is 12 at the shelter", "bed 12": where a person sleeps
    r"\s*(?i:number\s*|no\.\s*|#\s*|is\s+|was\s+|:\s*)?)[A-Za-z]?\d{1,5}[A-Za-z]?(?![\w/-])"
    + _NOT_AN_ID_AFTER
)
# (ninth session) "Unit B", "apt C", "Suite D", "building C": a flat or a building named by
# a capital letter alone (not "I", and not a lower-case "a": "my apt a few blocks away").
_UNIT_LETTER = re.compile(
    r"(?P<lead>(?<![\w.])(?i:unit|apt\.?|apartment|suite|ste\.|bldg\.?|building)[ \t]*#?[ \t]*)"
    r"[A-HJ-Z](?![\w'’&-])"
)
# "612 555 0188 ext 204": the extension goes with the number (read before addresses, which
# would take "0188 ext" for a house number and a street).
_PHONE_EXTENSION = re.compile(
    r"(?<![0-9A-Za-z])(?:\+|\()?\d[\d\s().\-‐‑–—]{6,}\d,?\s*(?i:ext|extension|x)\.?\s*\d{1,6}(?!\d)"
)
# "keisha dot brown at gmail dot com": an email typed out in words, in the shipped languages'
# words for "at" and "dot" ("maria punto lopez arroba gmail punto com", "lan chấm nguyen a
# còng gmail chấm com").
_AT_WORD = r"(?i:at|arroba|a còng|a cong)"
_DOT_WORD = r"(?i:dot|punto|chấm|cham|dhibic)"
# "keisha dot m 88", "tasha b 1990": an address's part said in pieces, a letter or digits
# after a space.
_EMAIL_PIECE = r"|\s+(?:\d{1,4}|[A-Za-z])(?=\s)"
_EMAIL_IN_WORDS = re.compile(
    rf"(?<![\w.])[A-Za-z0-9_%+-]+(?:(?:\s+(?:{_DOT_WORD}|(?i:underscore|dash|guion|gạch dưới))\s+|\.)[A-Za-z0-9_%+-]+{_EMAIL_PIECE})*"
    rf"\s+{_AT_WORD}\s+"
    rf"[A-Za-z0-9-]+(?:(?:\s+{_DOT_WORD}\s+|\.)[A-Za-z0-9-]+)*(?:\s+{_DOT_WORD}\s+|\.)"
    r"(?i:com|net|org|edu|gov|us|co|me|io|mx)(?!\w)"
)
# "tasha dot brooks at yahoo", "email is tasha at gmail": said without its ".com", an address
# at a mail service, when the words before it are plainly an address's (a "dot" inside, or
# after "email").
_MAIL_SERVICES = r"(?i:gmail|yahoo|hotmail|outlook|icloud|aol|msn|ymail|protonmail|proton)"
_EMAIL_WITHOUT_ITS_END = re.compile(
    r"(?P<lead>(?<![\w.-])(?i:e-?mail|correo)(?:\s+(?i:is|was|address is|es|của tôi là|waa))?\s*:?\s+)?"
    rf"(?P<local>(?<![\w.])[A-Za-z0-9_%+-]+(?:(?:\s+(?:{_DOT_WORD}|(?i:underscore|dash))\s+|[._])[A-Za-z0-9_%+-]+{_EMAIL_PIECE})*)"
    rf"\s+{_AT_WORD}\s+{_MAIL_SERVICES}(?!\w)"
)


def _email_without_its_end(m: re.Match[str]) -> str:
    local = m.group("local")
    plainly_an_address = m.group("lead") or re.search(
        rf"\s(?:{_DOT_WORD}|(?i:underscore|dash))\s|[._\d]", local
    )
    return (m.group("lead") or "") + "[email]" if plainly_an_address else m.group(0)


# "Roosevelt High", "Lincoln Elementary": a school named for a person tells where a child is.
_SCHOOL_NAMED = re.compile(
    r"(?<![\w\[])(?P<name>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+)?)(?= (?:High|Middle|Elementary|"
    r"Academy|Intermediate|Montessori)(?!\w))"
)
_NOT_A_SCHOOL_NAME = frozenset(
    {"north", "south", "east", "west", "central", "northeast", "northwest", "southeast",
     "southwest", "junior", "senior", "community", "public", "charter", "catholic",
     "christian", "lutheran", "area", "regional", "international", "magnet", "new", "old",
     "the", "my", "his", "her", "our", "their", "at", "to", "in", "from"}
)  # fmt: skip


def _school_named(m: re.Match[str], rules: _Rules) -> str:
    """The words of a school's name that may be a person's ("Roosevelt High"), not "North"
    or an ordinary word ("Went To North High")."""
    words = m.group("name").split()
    while words and (words[0].lower() in _NOT_A_SCHOOL_NAME or words[0].lower() in rules.ordinary):
        words.pop(0)
    if not words or any(w.lower() in _NOT_A_SCHOOL_NAME for w in words):
        return m.group(0)
    kept = m.group("name")[: len(m.group("name")) - len(" ".join(words))]
    return kept + PLACEHOLDER


def _named_street_is_a_place(street: str, rules: _Rules) -> bool:
    """ "in Brooklyn Park Road"? A street named only by role or agency words ("at the Police
    Road"?) or whose name is itself a listed place stays: only a name makes it an address."""
    words = street.split()[:-1]
    return all(_role_word(w, rules) for w in words)


# "@big_mike_215": a handle names a person as surely as a name does.
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")

# ASCII only, so an address written against Chinese ("邮箱是wang@163.com") keeps the Chinese.
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# Letters and digits bound a phone number, but not Chinese characters ("电话13800138000打").
# "from 2019-2021": two years, not a phone number.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-‐‑–—]\s*(?:19|20)\d\d")

# Any dash a phone keyboard offers (hyphen, en dash, em dash).
_PHONE = re.compile(r"(?<![0-9A-Za-z])(?:\+|\()?\d[\d\s().\-‐‑–—]{6,}\d(?![0-9A-Za-z])")

# What may follow an address already found: a direction ("872 Arcade St E"), a house or
# flat number ("calle 5 de Mayo #214", "Apt 4").
_ADDRESS_TAIL = re.compile(
    r"\[address\](?:(?:[\s,]+(?:N|S|E|W|NE|NW|SE|SW)\.?(?![\w.]))"
    r"|(?:[\s,]+[\w'’.-]+){0,3}?[\s,]*(?:#|(?i:apt|apto|depto|unit|suite|no|nº)\.?)\s?\d+[A-Za-z]?(?!\w))+"
)
# The house number after the street, in the order of Spanish and the other languages that
# write it so ("calle 5 de Mayo 214", "calle Lake 2210"); never a count or a duration
# ("[address] 3 veces") or a year. Not in English quotes, where a number after a street is a count
# ("123 Main St 2 blocks from us").
_HOUSE_NUMBER_AFTER = re.compile(
    rf"(?<=\[address\])[ \t]+(?!(?:19|20)\d\d(?!\w))\d{{1,5}}[A-Za-z]?(?![\w.,/:-]\d)(?!\w)"
    rf"(?!\s*(?i:{_alternation(_UNITS)})(?!\w))"
)

# A street word that is also an everyday word ("3 court dates"): only an address when
# capitalised words name the street ("12 Oak Court").
_AMBIGUOUS_STREET = frozenset(
    {"court", "ct", "ct.", "way", "place", "pl", "pl.", "drive", "dr", "dr.", "trail", "circle",
     "cir", "terrace", "unit", "suite", "ste", "#", "casa", "número", "numero", "núm", "núm.",
     "no.", "piso", "interior", "int", "int.", "exterior", "ext", "ext.", "unidad", "guri",
     "guriga", "qol", "qolka", "dabaq", "dabaqa", "phòng", "tầng", "lầu", "lô", "tổ", "lane",
     "ln", "ln.", "lub tsev", "tsev nyob", "chav tsev", "منزل", "دور", "الدور", "طابق", "الطابق"}
)  # fmt: skip

# The ambiguous street words that name a street ("742 evergreen terrace"), not a flat.
_STREET_NAMED_AMBIGUOUS = frozenset(
    {"court", "ct", "way", "place", "pl", "drive", "dr", "trail", "circle", "cir", "terrace",
     "lane", "ln"}
)  # fmt: skip

_BEFORE_AN_ADDRESS = frozenset(
    {"at", "on", "to", "from", "near", "address", "live", "lived", "lives", "stay", "stayed"}
)

_UNIT_AFTER = re.compile(rf"\s*(?i:{_alternation(_UNITS)})(?!\w)")

# Words between a house number and a street word that show it is not an address
# ("3 hearings in court", "2 blocks down the street").
_NOT_IN_ADDRESS = frozenset(
    {"in", "on", "at", "the", "a", "to", "of", "from", "down", "up", "near", "by", "and", "or",
     "times", "days", "weeks", "months", "years", "de", "la", "el", "en", "del", "y", "ở", "tại",
     "và", "ka", "iyo", "hauv", "thiab", "في", "و", "من", "إلى", "الى", "عند", "قرب", "على", "عن",
     "مع", "بعد", "قبل"}
)  # fmt: skip

_ANY_DIGIT = re.compile(r"\d")

# The words for a flat, before its number ("apartment is 3b").
_FLAT_WORDS = frozenset(
    {"apartment", "apt", "unit", "suite", "ste", "apartamento", "apto", "depto"}
)


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _address(m: re.Match[str]) -> str:
    """An address, unless the words around the number show it is not one."""
    if _UNIT_AFTER.match(m.string, m.end()):
        return m.group(0)  # "guriga 3 bilood ayaan ku jiray": three months in the house
    if (
        m.group("before") is not None
        and m.group("before").lower() in _AMBIGUOUS_STREET
        and re.match(r"[-.\s]?\d", m.string[m.end() :])
    ):
        return m.group(0)  # "mi número es 713-555-0148" is a phone number, not a house
    if (
        m.group("before") is not None
        and m.group("between").strip()
        and m.group("number").split()[0] in ("911", "112", "999")
    ):
        return m.group(0)  # "into the street and called 911": the emergency number, not a house
    if (
        m.group("before") is not None
        and m.group("before").lower() in _AMBIGUOUS_STREET
        and m.group("between").strip()
        # only when a named street follows the number: "the court for 2 weeks", "court on
        # 3 different days" are times, not a house
        and " " not in m.group("number")
    ):
        return m.group(0)
    if (
        m.group("before") is not None
        and m.group("before").lower() in _AMBIGUOUS_STREET
        and m.group("between").strip()
    ):
        # "guriga wuxuu ku yaallay 2100 Riverside Ave": the house and the words after it
        # stay, the number and street go.
        return m.group("before") + m.group("between") + "[address]"
    if (
        m.group("before") is not None
        and m.group("before").lower().rstrip(".") in _FLAT_WORDS
        and m.group("between").strip()
    ):
        # "her apartment is 3b": the flat's word stays, its number goes
        return m.group("before") + m.group("between") + "[address]"
    if m.group("lead") is not None:
        if m.group("lead").lower() in _AMBIGUOUS_STREET:
            return m.group(0)
        return "[address]"
    if m.group("street") is not None:
        middle = m.group("middle").split()
        if any(w.lower() in _NOT_IN_ADDRESS for w in middle):
            return m.group(0)
        if middle and _counted_after().fullmatch(" " + middle[0]):
            return m.group(0)  # "20 daqiiqo magaalada": twenty minutes from town
        if m.group("street").lower() in _AMBIGUOUS_STREET and (
            not middle or not all(w[0].isupper() or w[0].isdigit() for w in middle)
        ):
            # Typed in lower case ("moved to 742 evergreen terrace"): after a word that
            # leads to a place, a house number of three digits or more and a street name
            # of one or two words that are not everyday ones ("owes 1200 dollars court").
            house = m.group(0).split()[0]
            before = m.string[: m.start()].split()[-1:]
            if not (
                before
                and before[0].lower() in _BEFORE_AN_ADDRESS
                and m.group("street").lower().rstrip(".") in _STREET_NAMED_AMBIGUOUS
                and _digits(house) >= 3
                and 1 <= len(middle) <= 2
                and not any(w.lower() in _rules().ordinary for w in middle)
            ):
                return m.group(0)
    return "[address]"


# ------------------------------------------------------------------ a number after its label
# "placa 4471", "pasaporte número 482193", "license plate KFT 882", "badge 4471", "last 4 of my
# ssn 4821", "his phone ends in 4471", "our house number is 25", "la casa número 25", "guriga
# lambarkiisu waa 25", "رقم البيت ٢٥", "biển số xe … 51F-123.45", "车牌是京A12345", "daim phiaj
# yog 7KDJ 442": a number after a label for a person's papers, car, badge, phone or house.
# One table, ``number_labels`` of each language in redaction.json: the kinds of label (the
# placeholder each gives, and whether the number goes however short), the words that may stand
# between label and number, and the words after a number that make it a count or a duration
# ("placa 3 veces", "guriga lambarkiisu 3 bilood"). Every language's labels are read in every
# quote, as people mix languages ("my placa 4471").

# The one-character province that opens a Chinese plate ("京A12345", "粤B·D1234").
_HAN_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

_HAN_WORD = re.compile(r"[\u4e00-\u9fff]")

_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")

# "123-45-6789": a social security number, not a phone, after its label.
_SSN = re.compile(r"\d{3}[- ]\d{2}[- ]\d{4}")


class _NumberLabels(NamedTuple):
    pattern: re.Pattern[str]
    kinds: dict[str, tuple[str, bool]]  # a label (case folded) -> placeholder, however short
    between: re.Pattern[str]


@lru_cache(maxsize=1)
def _number_label_table() -> _NumberLabels:
    """The ``number_labels`` of every language, compiled once."""
    tables = [lang["number_labels"] for lang in _load().values() if "number_labels" in lang]
    kinds: dict[str, tuple[str, bool]] = {}
    for table in tables:
        for kind in table["kinds"]:
            for label in kind["labels"]:
                key = " ".join(label.casefold().split())
                # the same label in two languages: the number goes if either says however short
                short = kind["however_short"] or kinds.get(key, ("", False))[1]
                kinds[key] = (kind["placeholder"], short)
    between = [w for table in tables for w in table["between"]]
    not_after = [w for table in tables for w in table["not_after"]]

    def spaced(words: list[str]) -> list[str]:
        return [w for w in words if not _HAN_WORD.match(w)]

    def han(words: list[str]) -> list[str]:
        return [w for w in words if _HAN_WORD.match(w) or w in (":", "：")]

    # Chinese labels follow other characters directly ("他的车牌是…"); others stand as words.
    labels = (
        rf"(?<!\w)(?i:{_alternation(spaced(list(kinds)))})(?!{_LATIN_LETTER})"
        rf"|{_alternation(han(list(kinds)))}"
    )
    pattern = re.compile(
        rf"(?P<lead>(?P<label>{labels})"
        # a few words between, or Chinese linking words ("是", "号码是")
        rf"(?P<gap>(?:[\s:：#,.]*(?:{_alternation(han(between))})"
        # "placa no. 4471": a word with a full stop only if the table has it so
        rf"|[\s:：#,]+(?:(?i:{_alternation(w for w in between if w.endswith('.'))})"
        r"|(?![\d\[])[^\W\d_]{1,12})(?=[\s:：#,])){0,5}?)"
        r"[\s:：#,]*)"
        # never 911 or a form's name ("baasaboorka, I-360")
        r"(?!(?:911|٩١١)(?!\w))(?![GIN]-\d{1,3}[A-Z]?(?![\w-]))"
        # Letters before the digits: capitals, or joined to them ("UVW 482", "a-4471"), so a
        # word such as "waa" or "yog" before the number stays.
        rf"(?P<id>[{_HAN_PROVINCES}]?(?:[A-Z]{{1,4}}[ ·-]?|[A-Za-z]{{1,4}}-?)?\d[\dA-Za-z./-]*(?<![./-])"
        # the later groups of a plate or a number ("UVW 482 B", "7KDJ 442", "123 45 6789",
        # a court file's "27 CR 22 1098")
        r"(?:[ -](?:(?=[A-Z]{0,3}\d)[\dA-Z]{1,5}|[A-Z]{1,3}(?!\w))(?![\w-])){0,3})"
        # Chinese may follow at once ("警号023456的警察")
        r"(?!(?![\u4e00-\u9fff])\w)"
        # a count, a duration or an amount after the number ("placa 3 veces", "3 bilood")
        rf"(?!\s*(?:(?i:{_alternation(spaced(not_after))})(?!\w)|{_alternation(han(not_after))}))"
    )
    linkers = rf"(?<!\w)(?i:{_alternation(spaced(between))})(?!\w)|{_alternation(han(between))}"
    return _NumberLabels(pattern, kinds, re.compile(linkers))


def _labelled_number(m: re.Match[str], table: _NumberLabels, rules: _Rules) -> str | None:
    """What a label and its number become, or None when the number is not the label's.

    A number after a label that goes however short (a plate, a badge, a house number) goes
    with one digit; after the others it needs three. With other words between than the
    table's ("placa del carro de mi hermano 4471"), four digits, or letters and three. A bare
    year stays unless it follows at once a label that goes however short ("badge 2019").
    A date, a whole address or a phone is left for its own pass."""
    kind = table.kinds.get(" ".join(m.group("label").casefold().split()))
    if kind is None:
        return None  # a letter the case-blind pattern reads as another (a long s for an s)
    placeholder, however_short = kind
    lead, number = m.group("lead"), m.group("id")
    words = [
        w
        for w in re.findall(r"[^\W\d_]+\.?", table.between.sub(" ", m.group("gap")))
        if not _HAN_WORD.match(w)
    ]
    if however_short and len(words) == 1 and not any(c.isalpha() for c in number):
        # "plate kft 882", "plate is abc 123": the plate's letters, typed small, are the one
        # word between that is neither the table's nor an everyday one
        last = words[0]
        tail = lead.rstrip(" :：#,")
        if (
            tail.endswith(last)
            and re.fullmatch(r"[A-Za-z]{1,4}", last)
            and last.lower() not in rules.ordinary
        ):
            lead, words = tail[: -len(last)], []
    loose = bool(words)
    digits = _digits(number)
    letters = any(c.isalpha() for c in number)
    if digits < (1 if however_short else 3) or (loose and digits < 4 and not letters):
        return None
    text, end = m.string, m.end("id")
    if (
        _YEAR_ONLY.fullmatch(number)
        and (loose or not however_short)
        and not re.match(r"[/.-]", text[end : end + 1])
    ):
        return None  # "social media in 2019", "baasaboorka 2019"
    for start in {m.start("id"), m.start("id") + _ANY_DIGIT.search(number).start()}:
        if rules.dates.match(text, start) and not _SSN.fullmatch(number):
            return None  # "licencia 12/05/2020", "security IN 30/10/2019"
        address = rules.addresses.match(text, start)
        if address and _address(address) != address.group(0):
            return None  # "house number is 2100 Riverside Ave"
    phone = _PHONE.match(text, m.start("id"))
    if (
        placeholder != "[phone]"
        and not letters
        and phone
        and phone.end() >= end
        and _digits(phone.group(0)) >= 7
        and not _SSN.fullmatch(number)
    ):
        return None  # "lambarkiisu waa 612 555 0178", "social security 5 357501": a phone
    return lead + placeholder


def _number_labels(text: str, rules: _Rules) -> str:
    """Every number after a label of the ``number_labels`` table. When a number is not the
    label's, the search goes on after the label, so a later label is still read ("last 4 of
    my ssn 482")."""
    table = _number_label_table()
    parts: list[str] = []
    done = at = 0
    while m := table.pattern.search(text, at):
        replaced = _labelled_number(m, table, rules)
        if replaced is None:
            at = m.end("label")
            continue
        parts += [text[done : m.start()], replaced]
        done = at = m.end()
        # "la placa ABC 123 y XYZ 789", "badge 4471 and 4472": more of the same kind
        while (more := _NEXT_NUMBER.match(text, done)) and _same_shape(m.group("id"), more):
            parts += [more.group("join"), replaced[len(m.group("lead")) :]]
            done = at = more.end()
    return "".join(parts) + text[done:] if parts else text


# After a labelled number, another joined to it by a comma, "and", "y", "iyo", "và"…
_NEXT_NUMBER = re.compile(
    r"(?P<join>[ \t]*,?[ \t]*(?:(?i:and|&|or|y|o|e|iyo|ama|và|va|hoặc|thiab|los sis|nrog)[ \t]+"
    r"|و[ \t]*|أو[ \t]+|[和或、与][ \t]*)?)"
    r"(?P<id>(?:[A-Z]{1,4}[ ·-]?|[A-Za-z]{1,4}-)?\d[\dA-Za-z./-]*(?<![./-])"
    r"(?:[ -](?:(?=[A-Z]{0,3}\d)[\dA-Z]{1,5}|[A-Z]{1,3}(?!\w))(?![\w-])){0,3})"
    r"(?![\w-])" + _NOT_AN_ID_AFTER
)


def _same_shape(first: str, more: re.Match[str]) -> bool:
    """A second number is one of the kind when it is written like the first: letters and
    digits after letters and digits, at least as many digits less one (and three) after
    digits alone, and no bare year ("badge 4471 and 2 other officers", "placa 123 y 2019"
    stay); a longer second number goes too, erring towards removing."""
    second = more.group("id")
    if not more.group("join").strip(" \t,") and not any(c.isalpha() for c in second):
        return False  # "house no. 25, 6481 people": a comma alone joins plates only
    if _YEAR_ONLY.fullmatch(second):
        return False
    letters = any(c.isalpha() for c in first)
    if letters:
        return any(c.isalpha() for c in second) and _digits(second) >= 2
    return not any(c.isalpha() for c in second) and _digits(second) >= max(3, _digits(first) - 1)


# A phone number partly in words ("612 cinco cinco cinco 0188"), a Chinese identity number
# ending in X, and a nickname after the words that mark one ("le dicen el Chato", "waxaa loo
# yaqaan Dheere", "biệt danh là Tèo", "外号叫大头", "يلقبونه شنب", "hu nws ua Tsov Dub"), from
# the ``nickname_markers`` and ``digit_words`` of each language in redaction.json.

# A Chinese identity number: 17 digits and a check digit that may be X.
_HAN_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


@lru_cache(maxsize=1)
def _label_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns built from every language's ``digit_words`` and ``nickname_markers``
    (compiled once)."""
    data = _load()

    def every(key: str) -> list[str]:
        return [w for lang in data for w in data[lang].get(key, [])]

    han = re.compile(r"[\u4e00-\u9fff]")
    markers = (
        rf"(?<!\w)(?i:{_alternation(w for w in every('nickname_markers') if not han.match(w))})"
        rf"|{_alternation(w for w in every('nickname_markers') if han.match(w))}"
    )
    digit_word = rf"(?i:{_alternation(every('digit_words'))})"
    spelled_phone = re.compile(
        rf"(?<!\w)(?:\d+|{digit_word})(?:[\s,.\-]+(?:\d+|{digit_word})(?!\w)){{3,}}"
    )
    nickname = re.compile(
        rf"(?P<lead>(?:{markers})"
        # "tên ở nhà của con tôi là Bin"
        r"(?:\s+của(?:\s+[^\W\d_]+){1,2}?(?=\s+là))?"
        r"(?:\s*(?i:là|es|era|waa|yog|is|was|hu ua|ua|هو|هي|是|叫|:|：)(?!\w))?"
        r"\s*[\"'“‘「『]?\s*)"
        r"(?:(?P<han>(?:(?![的是叫])[\u4e00-\u9fff]){1,4}?(?=[的，。,.、；;!！?？\s“”\"'‘’」』)）]|$)"
        r"|(?:(?![的是叫])[\u4e00-\u9fff]){2})"
        # "aka lil Ray": "lil" or "big" goes with the name
        rf"|(?P<article>(?i:el|la|los|las)\s+)?(?:(?i:{_alternation(every('nickname_openers'))})\s+)?"
        r"(?P<word>[^\W\d_][\w'’-]*)"
        r"(?P<more>(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*){0,2}))"
    )
    return spelled_phone, nickname


# "تاريخ الميلاد ٣ ٤ ١٩٨٨", "fecha de nacimiento 3 4 88": after the words for a date of birth,
# numbers with spaces between are the date.
_DATE_OF_BIRTH = re.compile(
    r"(?P<lead>(?<!\w)(?i:date of birth|d\.?o\.?b\.?|fecha de nacimiento|ngày sinh|ngay sinh|"
    r"taariikhda dhalashada\w*|hnub yug|تاريخ الميلاد|تاريخ ميلادي|تاريخ ميلاده|تاريخ ميلادها)"
    r"(?:\s+(?i:is|es|là|waa|yog|هو))?[\s:：]*|(?:出生日期|生日)\s*(?:是|为)?[\s:：]*)"
    r"\d{1,4}(?:[\s/.\-]+\d{1,4}){1,2}(?![\d/.-])"
)


def _spelled_numbers(text: str) -> str:
    """A Chinese identity number, a date of birth with spaces and a phone number partly in
    words."""
    spelled_phone, _nickname = _label_patterns()
    text = _HAN_ID_NUMBER.sub("[case number]", text)
    text = _DATE_OF_BIRTH.sub(lambda m: m.group("lead") + "[date]", text)

    def spelled(m: re.Match[str]) -> str:
        groups = re.findall(r"[^\s,.\-]+", m.group(0))
        numeric = [g for g in groups if g.isdigit()]
        words = len(groups) - len(numeric)
        if (
            words >= 2
            and any(len(g) >= 3 for g in numeric)
            and not any(_YEAR_ONLY.fullmatch(g) for g in numeric)
            and sum(len(g) for g in numeric) + words >= 7
        ):
            return "[phone]"
        return m.group(0)

    return spelled_phone.sub(spelled, text)


def _script(word: str) -> str:
    """Arabic, Chinese or another (Latin) script, by the first letter."""
    first = word[:1]
    if "\u0600" <= first <= "\u06ff":
        return "ar"
    if "\u3400" <= first <= "\u9fff":
        return "zh"
    return "latin"


def _nicknames(text: str, rules: _Rules, language: str) -> str:
    """A nickname after the words that mark one; its article stays ("le dicen el [name]")."""
    nickname = _label_patterns()[1]

    def one(m: re.Match[str]) -> str:
        if m.group("han") is not None:
            return m.group("lead") + PLACEHOLDER
        word = m.group("word")
        lower = word.lower()
        if not m.group("article") and (lower in rules.ordinary or lower in {"the", "a", "an"}):
            return m.group(0)  # "le dicen que…", "they call him a liar"
        # a role word; a Somali ending is read only in Somali ("la Chata" is no chat-ka)
        if (_role_word(word, rules) if language == "so" else lower in rules.roles) or (
            lower in rules.months
        ):
            return m.group(0)
        if _script(word) != _script(m.group("lead").strip()):
            return m.group(0)  # "le apodan رقم…": a marker and a word of another script
        if language == "so" and len(word) > 1 and word.isupper() and lower not in rules.names:
            return m.group(0)  # "barnaamij oo la yiraahdo WIC" (called): an agency's letters
        # "Tsov Dub": capitalised words after a capitalised nickname are more of it
        rest = "" if word[0].isupper() else m.group("more")
        return m.group("lead") + (m.group("article") or "") + PLACEHOLDER + rest

    return nickname.sub(one, text)


# A court file number typed with spaces and no label before it ("es el número 27 FA 19 4412",
# the county, the case type, the year, the file): the dashed form is a letters-and-digits
# run already, and a label's number is read by the case words.
_SPACED_FILE_NUMBER = re.compile(r"(?<![\w-])\d{1,4}\s+[A-Z]{2,4}\s+\d{2}\s+\d{3,6}(?![\w-])")


def _identifiers(text: str, rules: _Rules, language: str) -> str:
    """Identifiers written with digits: case and file numbers, phones (with an extension),
    street addresses, dates with a day, years of birth and birthdays, postcodes, ID numbers
    (and in English plate and SSN numbers, boxes and rooms), letters mixed with digits.

    The phone comes last: a case number, an address, a date or an ID number is read as what
    it is before its digits could pass for a phone.
    """
    if not _ANY_DIGIT.search(text):  # numbers, dates and addresses all have a digit
        return text
    text = rules.case.sub(lambda m: (m.group("words") or "") + "[case number]", text)
    text = rules.case_then_words.sub(
        lambda m: (
            m.group("words") + "[case number]" if _digits(m.group("number")) >= 4 else m.group(0)
        ),
        text,
    )
    text = _SPACED_FILE_NUMBER.sub("[case number]", text)
    text = _PHONE_EXTENSION.sub(
        lambda m: "[phone]" if _digits(m.group(0)) >= 8 else m.group(0), text
    )
    # Before the addresses, so "pasaporte número 482193" is not read as a street's number.
    text = _number_labels(text, rules)
    text = _typed_addresses(text, rules, language)
    text = _HIGHWAY_JUNCTION.sub("[address]", text)
    text = rules.addresses.sub(_address, text)
    if "[address]" in text:
        text = _ADDRESS_TAIL.sub("[address]", text)
        text = _ADDRESS_SLASH_TAIL.sub("[address]", text)
        text = _ADDRESS_THEN_ORDINAL.sub("[address]", text)
        text = _ADDRESS_THEN_DIRECTION.sub("", text)
        if language != "en":
            text = _HOUSE_NUMBER_AFTER.sub("", text)
    text = rules.dates.sub(
        lambda m: (
            "[date]"
            if _digits(m.group(0))
            and not (language == "so" and _SOMALI_TIMES.fullmatch(m.group(0)))
            # "the 4th of July" without a year: a holiday
            and not _a_holiday(m.group(0))
            # "Maarso 3 jeer", "Luulyo 2 toddobaad": a month, then a count or a duration
            and not _UNIT_AFTER.match(m.string, m.end())
            else m.group(0)
        ),
        text,
    )
    text = _two_digit_years(text, rules)
    text = _BIRTH_YEAR.sub(_birth_year, text)
    text = _BIRTHDAY.sub(lambda m: m.group("lead") + "[date]", text)
    text = _POSTCODE.sub(lambda m: m.group("lead") + "[address]", text)
    if language == "en":
        text = _BOX_OR_ROOM.sub(lambda m: m.group("lead") + "[address]", text)
    text = _spelled_numbers(text)
    text = _typed_numbers(text, rules)
    text = _LETTERS_AND_DIGITS.sub("[case number]", text)
    text = _PHONE.sub(
        lambda m: (
            "[phone]"
            if _digits(m.group(0)) >= 7 and not _YEAR_RANGE.fullmatch(m.group(0))
            else m.group(0)
        ),
        text,
    )
    # "call me 5550134": after the longer phones, which may end in seven digits ("+252 61 5123456")
    text = _SEVEN_DIGITS.sub(
        lambda m: (
            m.group(0)
            if _counted_after().match(m.string, m.end())
            or _AMOUNT_AFTER.match(m.string, m.end())
            or _AMOUNT_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()])
            else "[phone]"
        ),
        text,
    )
    return _NUMBER_SIGN.sub("[case number]", text) if "#" in text else text


def _identifiers_in_words(text: str, rules: _Rules, language: str) -> str:
    """Identifiers the digits pass cannot see: a Chinese date in characters (二〇二〇年三月五日),
    an e-mail typed in words ("maria at gmail dot com"), a flat named by a letter ("Unit B")
    and a street named without a number ("lives on Lake Street"), unless the street's name is
    a place of its own.
    """
    if _ANY_HAN.search(text):
        text = _HAN_DATE.sub("[date]", text)
    if re.search(rf"\s{_AT_WORD}\s", text):
        text = _EMAIL_IN_WORDS.sub("[email]", text)
        text = _EMAIL_WITHOUT_ITS_END.sub(_email_without_its_end, text)
    text = _typed_streets_in_words(text, rules, language)
    if language == "en":
        text = _UNIT_LETTER.sub(lambda m: m.group("lead") + "[address]", text)
    text = _streets_without_a_number(text, rules, language)
    text = _streets_in_lower_case(text, rules, language)
    if language not in ("zh", "ar"):
        text = rules.named_streets.sub(
            lambda m: (
                m.group("lead")
                + (
                    "[address]"
                    if not _named_street_is_a_place(m.group("street"), rules)
                    and not _a_street_phrase(m.group("street"))
                    else m.group("street")
                )
            ),
            text,
        )
    return text


# Streets named without a house number (sixth pass). A street where someone lives, works or
# waits names them as a house number does: "on Hillcrest Dr", "on W 7th", "the corner of 5th
# and Main", "en la calle Lake", "wadada Lake", "đường Lake", "txoj kev Rice", "شارع ليك",
# "在University大道", "富兰克林路和芝加哥路的路口". The words are ``street_suffixes_after_a_name``,
# ``street_suffixes_after_on``, ``street_words_before_a_name``, ``street_corner_words`` and
# ``street_and_words`` in redaction.json.
_DIRECTION = r"(?:[NSEW]|North|South|East|West)\.?"
_ORDINAL = r"\d{1,3}(?i:st|nd|rd|th)"
# What follows an ordinal that is not a street: "on 5th of May", "the 38th floor", "in 3rd
# grade", "on 2nd thought".
_NOT_AFTER_AN_ORDINAL = (
    r"\s+(?i:of|floor|fl|grade|time|times|day|birthday|place|try|attempt|year|month|week|"
    r"anniversary|hearing|offense|offence|degree|period|round|visit|child|kid|baby|ward|"
    r"precinct|district|amendment|thought|street|st|avenue|ave)(?!\w)"
)
# Words that begin a capitalised run but are no street's name: "On The Street", "That Road".
_NOT_A_STREET_NAME = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "my", "his", "her", "our", "their",
     "your", "its", "every", "any", "same", "one", "which", "what", "each", "no", "some",
     "on", "at", "in", "off", "by", "near", "to", "from", "down", "up", "and", "or", "of",
     "i", "we", "he", "she", "they", "you", "it", "then", "so", "but", "just", "now"}
)  # fmt: skip
# Around "at/on A and B", the words that make it a place ("the building at Franklin and
# Bloomington", "staying at Chicago and Lake"); without one, "at Target and Walmart" stays.
_EN_CORNER_CONTEXT = frozenset(
    {"house", "home", "building", "apartment", "apartments", "apt", "place", "station", "store",
     "shop", "stop", "corner", "lives", "live", "lived", "living", "stays", "stay", "stayed",
     "staying", "waits", "wait", "waited", "waiting", "meet", "met", "parked", "parks", "park",
     "motel", "hotel", "shelter", "duplex", "trailer", "moved", "rent", "rented", "room",
     "bus", "lot", "mall", "church", "clinic", "school", "laundromat"}
)  # fmt: skip
# Role words a street is often named for ("University Ave", "Church St", "State Street").
_STREETS_NAMED_FOR_AN_INSTITUTION = frozenset(
    {"university", "college", "church", "school", "state", "court", "center", "centre",
     "hospital", "temple", "city", "county", "house", "home", "park", "market", "capitol",
     "mosque", "center's", "jail", "prison", "library"}
)  # fmt: skip
# Chinese road words a street's name cannot end in (公路, 马路, 铁路 are roads, not a street).
# and an agency or a building before 路 ("从警察局路过", "去医院路很远": the way, not a
# street)
_HAN_NOT_A_STREET = "公马道铁网水小大一半走上下街路门逛行局院所校站馆厅处家"
# Arabic: the one or two words of a street's name, up to a preposition, "and" or a place.
_ARABIC_NAME_WORD = r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3]+"


@lru_cache(maxsize=1)
def _street_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The compiled street shapes by language (Latin, Arabic, Chinese)."""
    data = _load()
    en = data.get("en", {})

    def words(key: str, lang: str) -> str:
        return _alternation(data.get(lang, {}).get(key, []))

    strong = _alternation(en["street_suffixes_after_a_name"])
    weak = _alternation(en["street_suffixes_after_on"])
    # A capitalised word, not a possessive ("Dallas's PKWY"); up to three, on one line.
    cap = rf"{_UPPER}[\w'’-]*(?![\w'’-])(?<!['’]s)"
    caps = rf"{cap}(?:[ \t]+{cap}){{0,2}}"
    ordinal = rf"(?:{_DIRECTION}\s+)?{_ORDINAL}"
    # One side of a corner: a name or an ordinal, with its street word if any.
    side = rf"(?:{ordinal}|{caps})(?:\s+(?i:{strong}|{weak}))?(?![\w'’])"
    patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
    for lang in ("en", "es", "so", "vi", "hmn"):
        corner = words("street_corner_words", lang) or words("street_corner_words", "en")
        joined = words("street_and_words", lang)
        before = words("street_words_before_a_name", lang)
        shapes = [
            # the corner of 5th and Main, esquina de Franklin y Bloomington, isgoyska A iyo B
            rf"(?<!\w)(?P<corner>(?i:{corner})\s+)(?P<street>{side}[ \t]+(?i:{joined}|and)[ \t]+{side})",
            # at Franklin and Bloomington (a place around it), at 38th and Chicago
            rf"(?<!\w)(?P<corner>(?i:at|on|off|near|by)\s+)(?P<street>{side}[ \t]+(?:and|&)[ \t]+{side})",
            # on Hillcrest Dr, a Rice St, Lake Street agoonta: a name and a street word
            rf"(?<![\w'’])(?P<street>(?:{_DIRECTION}[ \t]+)?(?:{caps}|{_ORDINAL})[ \t]+(?i:{strong})(?!\w)\.?)",
            # on Hillcrest Dr, at Pleasant Way, off Hwy 10, on Route 9: weaker street words
            # after on/off/at (not "bus route 12": no "on" before "route")
            rf"(?<!\w)(?P<corner>(?i:on|off|at|near|by|to|along|down|onto|from|ntawm)\s+)"
            rf"(?P<street>(?:{caps}[ \t]+(?i:{weak})(?!\w)\.?(?![ \t]+{_UPPER})"
            rf"|(?i:highway|hwy\.?|route|rte\.?)\s+\d{{1,3}}(?!\d)))",
            # on W 7th, on 38th: an ordinal with a direction, or past the days of a month
            rf"(?<!\w)(?P<street>{_DIRECTION}[ \t]+{_ORDINAL}(?!\w)(?!{_NOT_AFTER_AN_ORDINAL}))",
            rf"(?<!\w)(?P<corner>(?i:on|off|near|at|by|along|down|onto)\s+)"
            rf"(?P<street>(?:3[2-9]|[4-9]\d|1\d\d)(?i:st|nd|rd|th)(?!\w)(?!{_NOT_AFTER_AN_ORDINAL}))",
        ]
        if before:
            # en la calle Lake, wadada Lake, đường Lake, txoj kev Rice: a street word and a name
            shapes.append(rf"(?<!\w)(?P<corner>(?i:{before})\s+)(?P<street>{caps})")
        # Most quotes name no street: one look for any street word, corner or ordinal first.
        trigger = (
            rf"(?<!\w)(?i:{strong}|{weak}|{corner}|{before or 'street'}|route|rte)(?!\w)"
            rf"|\d(?i:st|nd|rd|th)(?!\w)"
            # a capitalised word then "and": from a word's start only, and at most 40 long,
            # so a long run of capitals without spaces is read once, not once a letter
            rf"|(?<!\S){_UPPER}\S{{0,40}}[ \t]+(?:and|&)[ \t]"
        )
        patterns[lang] = (re.compile(trigger), *(re.compile(s) for s in shapes))
    ar_before = words("street_words_before_a_name", "ar")
    ar_corner = words("street_corner_words", "ar")
    ar_not = _alternation(data["ar"].get("street_not_a_name", []))
    name = rf"(?!(?:{_ARABIC_STOP}|{ar_not})(?!\w)){_ARABIC_NAME_WORD}"
    latin_name = rf"{cap}(?:\s+{cap}){{0,2}}"
    patterns["ar"] = (
        # عند تقاطع فرانكلين وشيكاغو, تقاطع شارع ليك مع شارع فرانكلين
        re.compile(
            rf"(?<!\w)(?P<corner>(?:{ar_corner})\s+)(?P<street>(?:(?:{ar_before})\s+)?"
            rf"(?:{name}|{latin_name})(?:\s+{name})?\s*(?:و|مع\s+)(?:(?:{ar_before})\s+)?"
            rf"(?:{name}|{latin_name}))"
        ),
        # في شارع ليك, بشارع الرشيد: the street word without "the" and its name
        re.compile(
            rf"(?<![\w\u0621-\u064a])(?P<corner>[بف]?)(?P<street>(?:{ar_before})\s+"
            rf"(?:{name}(?:\s+{name})?|{latin_name}))"
        ),
    )
    han = r"(?:(?![住在到去来是的了我你他她和与跟同那这个就还也都从离每天])[\u4e00-\u9fff]|\x00\d+\x00)"
    han_street = rf"{han}{{0,5}}(?<![{_HAN_NOT_A_STREET}])(?:大道|大街|路|街)"
    latin_street = rf"{_UPPER}[\w'’-]*(?:\s+{_UPPER}[\w'’-]*){{0,2}}\s*(?:大道|大街|路|街)"
    patterns["zh"] = (
        # 富兰克林路和芝加哥路(的路口)
        re.compile(
            rf"(?P<street>(?:{han_street}|{latin_street})\s*(?:和|与|跟|同)\s*"
            rf"(?:{han_street}|{latin_street}))(?=(?:的)?(?:路口|交叉口|十字路口|拐角|交界))"
        ),
        # 在University大道
        re.compile(rf"(?P<street>(?<![A-Za-z]){latin_street})"),
        # 住在湖街, 搬到中山路: a street's name after 在/到 (not 马路, 公路, 街上)
        re.compile(
            rf"(?<=[在到住近去往从])(?P<street>{han}{{1,4}}(?<![{_HAN_NOT_A_STREET}])(?:大道|大街|路|街))(?![上边头道口过线程费灯面况子远近])"
        ),
    )
    return patterns


# The quick look in Chinese and Arabic: a street, road or corner word.
_STREET_WORD_IN = {
    "zh": re.compile("[路街道]"),
    "ar": re.compile("شارع|طريق|جادة|تقاطع|زاوية|ناصية"),
}


def _streets_without_a_number(text: str, rules: _Rules, language: str) -> str:
    """A street named without a house number, in each language's way, becomes an address;
    a street named only by role words ("the Police Road"?) or its ordinary words stays."""
    lang = language if language in ("en", "es", "so", "vi", "hmn", "ar", "zh") else "en"
    patterns = _street_patterns()[lang]
    if lang not in ("ar", "zh"):
        trigger, *patterns = patterns
        if not trigger.search(text):
            return text
    elif not _STREET_WORD_IN[lang].search(text):
        return text

    caseless: list[bool] = []

    def street(m: re.Match[str]) -> str:
        found = m.group("street")
        lead = m.groupdict().get("corner") or ""
        if _ordinal_of_something(m):
            return m.group(0)  # "at 5th and 6th grade"
        words = found.split()
        # "On Lake Street", "MY HOUSE ON LAKE STREET", "Went Down Memory Lane": the words
        # before the street's name stay (in a quote in capitals or Title Case, every
        # everyday word); nothing left but the street word, nothing is a street.
        if lang not in ("ar", "zh") and len(words) > 1:
            if not caseless:
                caseless.append(_mostly_capitalised(text))
            kept = 0
            while kept < len(words) - 1 and (
                words[kept].lower().strip(".") in _NOT_A_STREET_NAME
                or (
                    caseless[0]
                    and (words[kept].lower() in rules.ordinary or _role_word(words[kept], rules))
                )
            ):
                kept += 1
            if kept == len(words) - 1 or (kept and words[kept].lower() in ("and", "&", "y")):
                return m.group(0)
            cut = re.match(rf"(?:\S+\s+){{{kept}}}", found) if kept else None
            if cut is not None:
                lead += found[: cut.end()]
                found = found[cut.end() :]
                words = words[kept:]
        if _a_street_phrase(found):
            return m.group(0)  # "down Memory Lane", "Easy Street"
        # "my wife Ave"?, "the Police Road"?: a name made only of role words, unless they
        # are the kind a street is named for ("University Ave", "Church St", "State Street")
        name = [w.lower() for w in words[:-1] if not re.fullmatch(r"(?i:and|&|[NSEW]\.?)", w)]
        if (
            lang not in ("ar", "zh")
            and name
            and all(_role_word(w, rules) or w in _NOT_A_STREET_NAME for w in name)
            and not any(w in _STREETS_NAMED_FOR_AN_INSTITUTION for w in name)
        ):
            return m.group(0)
        # "Ruth St. John", "st. paul": the "St" of a saint, not a street
        if re.search(r"(?i:\bst\.?)$", found) and re.match(
            rf"[ \t]+(?:{_UPPER}|(?i:paul|cloud|louis|joseph|charles)(?!\w))", text[m.end() :]
        ):
            return m.group(0)
        if "corner" not in m.re.groupindex or lead.strip().lower() not in (
            "at",
            "on",
            "off",
            "near",
            "by",
        ):
            return lead + "[address]"
        if " and " not in found and "&" not in found:
            return lead + "[address]"
        # "at A and B": a corner only with a place around it, or a street word or ordinal
        if re.search(rf"{_ORDINAL}|\s(?i:st|street|ave|avenue|rd|road|blvd)\b", found):
            return lead + "[address]"
        kinds = [_side_kind(side, rules) for side in re.split(r"[ \t]+(?:and|&)[ \t]+", found)]
        if "store" in kinds or kinds == ["place", "place"]:
            return m.group(0)  # "met at Target and Walmart", "moved at Chicago and Milwaukee"
        clause = re.split(r"[.!?;,\n]", text[max(0, m.start() - 60) : m.start()])[-1]
        after = re.split(r"[.!?;,\n]", text[m.end() : m.end() + 30])[0]
        context = {w.strip("'’") for w in (clause.lower().split()[-6:] + after.lower().split()[:3])}
        return lead + "[address]" if context & _EN_CORNER_CONTEXT else m.group(0)

    for pattern in patterns:
        text = pattern.sub(street, text)
    # "缅街41号" read as two addresses ("[address][address]") is one
    return text.replace("[address][address]", "[address]")


# Streets, second pass: a street typed in lower case ("on snelling ave", "off of lake st", "在
# snelling ave附近"), a corner with nothing around it ("we ate at Lake and Hiawatha", "vive por
# Franklin y Bloomington", "在Lake和Hiawatha"), a numbered highway's junction ("hwy 55 and
# 494"). Lower case and a bare corner carry less evidence than a capital before "Street", so
# each side of a corner must show itself a street: a street word or an ordinal, one of the
# country's most common street names (``street_names_common``: Main, Lake, Washington…), or
# after a lead that means "at" a listed city ("por Franklin y Bloomington"); two cities ("at
# Chicago and Milwaukee"), a store or a holiday ("at Target and Walmart", "at Christmas and
# Easter") stay. Phrases named like a street ("down Memory Lane", ``street_phrases_not_
# addresses``) and the words that describe a road ("dirt road", "the main road",
# ``street_words_not_a_name``) stay.
# a word in lower case, not a possessive ("cuong's st" is no street's name)
_LOW = r"[a-z][a-z'’-]*(?<!['’]s)(?![A-Za-z'’-])"
_LOW_DIRECTION = r"(?:[nsewNSEW]|north|south|east|west|North|South|East|West)\.?"
# The street words that are a street after any lower-case name ("snelling ave", "rice st").
_LOW_ABBREVIATIONS = r"(?i:st|ave|blvd|rd|pkwy)\.?"
# Those that need a word such as "on" before ("on hillcrest dr", "on lake street").
_LOW_AFTER_ON = (
    r"(?i:street|avenue|road|boulevard|parkway|lane|ln|drive|dr|ct|st|ave|blvd|rd|pkwy)\.?"
)
_LOW_LEADS = (
    "on|off|of|at|near|by|to|along|down|onto|from|up|across|past|en|por|sobre|cerca de|trên|tren"
    "|ở|tại|tai|gần|gan|nyob|ntawm|ze|hauv|ku|ee"
)
# Only after these is a lower-case "dr" or "ct" a street (elsewhere a doctor, a court).
_ON_A_STREET = frozenset({"on", "off", "along", "onto", "down", "up", "trên", "tren", "nyob"})
_LOW_LEAD = re.compile(rf"(?i:{_LOW_LEADS})")
_SAINT_AFTER = re.compile(r"[ \t]+(?i:paul|cloud|louis|joseph|charles|francis|anthony|croix)(?!\w)")
# "hwy 55 and 494", "I-94 & 35W": the junction of two numbered roads.
# "us 20 and 50 dollars" is no road: "I" and "US" count in capitals or with a hyphen only.
_ROAD = r"(?:(?i:hwy|highway|interstate|route|rte)\.?|I-?|US-?|i-|us-)"
_HIGHWAY_JUNCTION = re.compile(
    rf"(?<![\w-]){_ROAD}[ \t]*\d{{1,3}}[A-Za-z]?(?![\w-])"
    r"[ \t]+(?:and|&|n|y|e|iyo|và|thiab|و)[ \t]+"
    rf"(?:{_ROAD}[ \t]*)?\d{{2,3}}[A-Za-z]?(?![\w-])" + _NOT_AN_ID_AFTER
)


# "on e [address]": a direction typed in lower case before a street already found.
_DIRECTION_BEFORE_ADDRESS = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:on|off|at|near|by|to|from|down|along|onto)[ \t]+)"
    r"(?i:[nsew]|north|south|east|west)\.?[ \t]+\[address\]"
)


class _StreetLists(NamedTuple):
    common: frozenset[str]
    phrases: frozenset[str]
    not_a_name: frozenset[str]
    stores: frozenset[str]
    places: frozenset[str]
    also_names: frozenset[str]
    holidays: frozenset[str]
    corner_leads: frozenset[str]  # the words before a bare corner ("at", "por", "ở"…)
    corner_leads_strong: frozenset[str]  # those of them that mean "at" a place


@lru_cache(maxsize=1)
def _street_lists() -> _StreetLists:
    """The lists of the second street pass, case folded, from every language."""
    data = _load()
    shared = _load_places()

    def every(key: str) -> frozenset[str]:
        return frozenset(
            " ".join(w.casefold().split()) for lang in data.values() for w in lang.get(key, [])
        )

    return _StreetLists(
        common=every("street_names_common"),
        phrases=every("street_phrases_not_addresses"),
        not_a_name=every("street_words_not_a_name"),
        stores=every("stores_not_streets"),
        # not the counties: "Franklin", "Washington" are a county only before "County"
        places=frozenset(p.casefold() for p in shared["places"]) | every("places"),
        also_names=frozenset(p.casefold() for p in shared["also_names"]),
        holidays=every("holidays_with_a_day"),
        corner_leads=every("street_corner_leads"),
        corner_leads_strong=every("street_corner_leads_strong"),
    )


def _a_holiday(found: str) -> bool:
    """ "the 4th of July", "Cinco de Mayo": a holiday without a year names no one's day."""
    words = found.casefold().replace("’", "'").split()
    if words and words[0] in ("the", "el", "on"):
        words = words[1:]
    return " ".join(words).rstrip(".,") in _street_lists().holidays


def _ordinal_of_something(m: re.Match[str]) -> bool:
    """A match that ends in an ordinal followed by "grade", "floor", "of May"…"""
    return bool(
        re.search(rf"{_ORDINAL}$", m.group(0))
        and re.match(_NOT_AFTER_AN_ORDINAL, m.string[m.end() :])
    )


def _a_street_phrase(street: str) -> bool:
    """ "Memory Lane", "Easy Street", "Wall Street": a phrase named like a street, also at the
    end of a run of capitals ("Going Down Memory Lane")."""
    words = street.casefold().rstrip(".").split()
    phrases = _street_lists().phrases
    return any(" ".join(words[i:]) in phrases for i in range(len(words)))


@lru_cache(maxsize=1)
def _lower_street_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The second pass's shapes by script ("latin", "so", "zh", "ar"): a quick look first, then
    the shapes in the order they run (in Latin script: a lower-case street after a lead, one
    alone before an abbreviation, a known name after a street word, a corner after its word, a
    bare corner after a lead; Somali adds a bare corner with no lead)."""
    data = _load()
    en = data["en"]
    strong = _alternation(en["street_suffixes_after_a_name"])
    weak = _alternation(en["street_suffixes_after_on"])
    corner_words = _alternation(
        w
        for lang in data.values()
        for w in lang.get("street_corner_words", [])
        if not _ANY_HAN.match(w)
    )
    joiners = _alternation(
        w
        for lang in data.values()
        for w in lang.get("street_and_words", [])
        if not _ANY_HAN.match(w)
    )
    leads = _alternation(
        w
        for lang in data.values()
        for w in lang.get("street_corner_leads", [])
        if not _ANY_HAN.match(w) and not ("\u0600" <= w[:1] <= "\u06ff")
    )
    arabic_leads = _alternation(data.get("ar", {}).get("street_corner_leads", []))
    arabic_strong = _alternation(data.get("ar", {}).get("street_corner_leads_strong", []))
    arabic_side = rf"(?!(?:{_ARABIC_STOP})(?!\w)){_ARABIC_NAME_WORD}"
    cap = rf"{_UPPER}[\w'’-]*(?![\w'’-])(?<!['’]s)"
    ordinal = rf"(?:{_DIRECTION}[ \t]+)?{_ORDINAL}"
    suffix = rf"(?:[ \t]+(?i:{strong}|{weak})(?![\w'’]))?"
    # one side of a corner: an ordinal, up to three capitalised words or one in lower case
    side = rf"(?:{ordinal}|{cap}(?:[ \t]+{cap}){{0,2}}|{_LOW}){suffix}"
    cap_side = rf"(?:{ordinal}|{cap}(?:[ \t]+{cap}){{0,2}}){suffix}"
    low_street = (
        rf"(?P<street>(?:{_LOW_DIRECTION}[ \t]+)?{_LOW}(?:[ \t]+{_LOW})?[ \t]+{_LOW_AFTER_ON}"
        r"(?:[ \t]+(?i:ne|nw|se|sw))?)(?![A-Za-z0-9'’])"
    )
    low_alone = (
        rf"(?P<street>(?:{_LOW_DIRECTION}[ \t]+)?{_LOW}[ \t]+{_LOW_ABBREVIATIONS}"
        r"(?:[ \t]+(?i:ne|nw|se|sw))?)(?![A-Za-z0-9'’])"
    )
    before = _alternation(
        w
        for lang in ("es", "so", "vi", "hmn")
        for w in data.get(lang, {}).get("street_words_before_a_name", [])
    )
    trigger = re.compile(
        rf"(?<![A-Za-z])(?:{_LOW_ABBREVIATIONS}|{_LOW_AFTER_ON}|{before})(?![A-Za-z])"
        rf"|[ \t](?:{joiners}|[和与跟و])[ \t]|[和与跟]|(?i:{corner_words})"
    )
    latin = (
        trigger,
        re.compile(rf"(?<![A-Za-z0-9'’])(?P<corner>(?i:{_LOW_LEADS})[ \t]+){low_street}"),
        re.compile(rf"(?<![A-Za-z0-9'’.])(?P<corner>){low_alone}"),
        # "calle lake", "wadada lake", "duong lake", "txoj kev lake": a known street's name
        # (and a second after "y", "iyo", "và": "calle lake y chicago")
        re.compile(
            rf"(?<![\w'’])(?P<corner>(?i:{before})[ \t]+)(?P<named>{_LOW})"
            rf"(?:[ \t]+(?:{joiners})[ \t]+(?P<other>{_LOW}))?(?![\w'’])"
        ),
        re.compile(
            rf"(?<![\w'’])(?P<corner>(?i:{corner_words})[ \t]+)(?P<a>{side})[ \t]+"
            rf"(?P<and>{joiners})[ \t]+(?P<b>{side})(?![\w'’])"
        ),
        re.compile(
            rf"(?<![\w'’])(?P<corner>(?i:{leads})[ \t]+)(?P<a>{side})[ \t]+"
            rf"(?P<and>{joiners})[ \t]+(?P<b>{side})(?![\w'’])"
        ),
    )
    # Somali puts no word before a corner ("ku kulanay Lake iyo Hiawatha"): capitals only.
    somali = re.compile(
        rf"(?<![\w'’])(?P<corner>)(?P<a>{cap_side})[ \t]+(?P<and>iyo)[ \t]+(?P<b>{cap_side})(?![\w'’])"
    )
    # against Chinese or Arabic a name is Latin letters only ("Lake和Hiawatha")
    latin_cap = r"[A-Z][A-Za-z'’-]*(?![A-Za-z'’-])"
    latin_name = rf"(?:{latin_cap}(?:[ \t]+{latin_cap}){{0,2}}|{_LOW}){suffix}"
    han = (
        trigger,
        re.compile(rf"(?<![A-Za-z0-9'’])(?P<corner>){low_alone}"),
        # 在Lake和Hiawatha, 去Franklin与Chicago
        re.compile(
            rf"(?<=[在到去往])(?P<corner>)(?P<a>{latin_name})\s*(?P<and>[和与跟])\s*(?P<b>{latin_name})(?![A-Za-z'’])"
        ),
    )
    arabic = (
        re.compile(rf"{trigger.pattern}|(?<!\w)(?:{arabic_strong})\s"),
        re.compile(rf"(?<![A-Za-z0-9'’])(?P<corner>){low_alone}"),
        # في Lake و Chicago, عند Franklin وChicago
        re.compile(
            rf"(?<!\w)(?P<corner>(?:{arabic_leads})\s+)(?P<a>{latin_name})\s*(?P<and>و|مع)\s*"
            rf"(?P<b>{latin_name})(?![A-Za-z'’])"
        ),
        # عند مين وبرودواي: in Arabic letters, one word a side after a lead that means "at",
        # both a common street's name or a place
        re.compile(
            rf"(?<!\w)(?P<corner>(?:{arabic_strong})\s+)(?P<a>{arabic_side})\s*(?P<and>و)\s*"
            rf"(?P<b>{arabic_side})(?!\w)"
        ),
    )
    return {"latin": latin, "so": (*latin, somali), "zh": han, "ar": arabic}


def _everyday_english() -> frozenset[str]:
    """English words seen more than 20,000 times (about 3,200: "church", "park", "first"), for
    a corner typed in lower case whose two sides are both such words."""
    from .english import _english_dictionary  # english builds on the lower modules

    return _english_dictionary().get(20000, frozenset())


def _side_kind(side: str, rules: _Rules) -> str:
    """What one side of a corner is: "street" (a street word, an ordinal or a common street
    name that is no listed place), "store", "place", "name" (a place that is also a name),
    "word" or nothing known."""
    lists = _street_lists()
    words = side.casefold().replace("’", "'").rstrip(".").split()
    if len(words) > 1 and re.fullmatch(r"[nsew]\.?|north|south|east|west", words[0]):
        words = words[1:]
    whole = " ".join(words)
    if re.search(r"\d", whole) or (len(words) > 1 and re.fullmatch(_LOW_AFTER_ON, words[-1])):
        return "street"
    if whole in lists.stores or whole in rules.months:
        return "store"
    if whole in lists.also_names:
        return "name"  # "Lincoln", "Franklin": a city, a person or a street
    if whole in lists.places:
        return "place"  # "Washington and Oregon" are two places before two streets
    if whole in lists.common:
        return "street"
    if whole in rules.ordinary or whole in _NOT_A_STREET_NAME or whole in lists.not_a_name:
        return "word"
    return ""


def _corner(m: re.Match[str], rules: _Rules) -> str:
    """A corner is an address when its sides show themselves streets (see above)."""
    a, b = m.group("a"), m.group("b")
    kinds = (_side_kind(a, rules), _side_kind(b, rules))
    lead = m.group("corner") or ""
    if "word" in kinds or any(map(_a_street_phrase, (a, b, f"{a} {m.group('and')} {b}"))):
        return m.group(0)
    if _ordinal_of_something(m):
        return m.group(0)  # "at 5th and 6th grade"
    lists = _street_lists()
    leads, strong_leads = lists.corner_leads, lists.corner_leads_strong
    lead_words = " ".join(lead.casefold().split())
    after_corner_word = bool(lead_words) and lead_words not in leads
    # Latin in lower case, and Arabic letters (no capitals, no dictionary: "عند ليك وبعدين" is
    # "at Lake, and then"), need both sides known
    lower = [s for s in (a, b) if not _UPPER_START.match(s)]
    if after_corner_word:
        # "the corner of lake n chicago": the corner word says it; the sides are no words
        return lead + "[address]" if "store" not in kinds or "street" in kinds else m.group(0)
    if lower and any(_side_kind(s, rules) not in ("street", "place", "name") for s in lower):
        return m.group(0)  # "at home and school", "at lake and something": too little
    everyday = _everyday_english()
    if len(lower) == 2 and all(
        " ".join(s.casefold().split()) in everyday or s.casefold() in rules.ordinary for s in lower
    ):
        return m.group(0)  # "at church and park", "first and second shift": two everyday words
    if kinds == ("place", "place"):
        return m.group(0)  # "en Washington y Oregon", "at Chicago and Milwaukee"
    if "store" in kinds and not any(re.search(r"\d|\s", s.strip()) for s in (a, b)):
        return m.group(0)  # "at Target and Walmart", "at Christmas and Easter"
    if "street" in kinds:
        return lead + "[address]"
    places = [k for k in kinds if k in ("place", "name")]
    # "vive por Franklin y Bloomington"; not "at Chicago and Milwaukee"
    if places and kinds != ("place", "place") and lead_words in strong_leads:
        return lead + "[address]"
    return m.group(0)


# Before a name in lower case, the words that make it an everyday road ("the main road").
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "my", "his", "her", "our", "their",
     "your", "its", "every", "any", "same", "one", "which", "what", "each", "no", "some"}
)  # fmt: skip
_UPPER_START = re.compile(rf"(?:{_DIRECTION}[ \t]+)?(?:{_UPPER}|\d)")


_DRIVING_AFTER = re.compile(r"[ \t-]*(?i:thru|through|in)(?!\w)")
_DRIVING_FOR = frozenset({"uber", "lyft", "doordash", "taxi", "cab", "bus", "truck", "car"})


def _lower_street(m: re.Match[str], rules: _Rules) -> str:
    """ "on snelling ave", "off of lake st": a street in lower case, unless its name is an
    everyday word ("on dirt road", "on the street", "down memory lane")."""
    lead, found = m.group("corner") or "", m.group("street")
    if _a_street_phrase(found):
        return m.group(0)
    words = found.split()
    lists = _street_lists()
    name_end = len(words) - (2 if re.fullmatch(r"(?i:ne|nw|se|sw)", words[-1]) else 1)
    start = 1 if len(words) > 1 and re.fullmatch(_LOW_DIRECTION, words[0]) and name_end > 1 else 0
    kept = start
    while kept < name_end and (
        words[kept].lower() in _NOT_A_STREET_NAME or words[kept].lower() in rules.ordinary
    ):
        kept += 1
    if kept == name_end or (kept > start and start):
        return m.group(0)
    if any(w.lower() in _DETERMINERS for w in words[start:kept]):
        return m.group(0)  # "down the main road", "on our street": a road, not its name
    name = [w.lower() for w in words[kept:name_end]]
    if any(
        w in rules.ordinary
        or w in _NOT_A_STREET_NAME
        or w in lists.not_a_name
        or w in rules.months
        or _LOW_LEAD.fullmatch(w)
        for w in name
    ):
        return m.group(0)
    # in lower case a role word is no street's name ("family court ct", "my po st"), unless it
    # is a common one ("university ave")
    if any(_role_word(w, rules) and w not in lists.common for w in name):
        return m.group(0)
    # the word before, read from a short stretch (not a copy of all the text before, which
    # made a long answer of many streets slow)
    before = m.string[max(0, m.start() - 40) : m.start()].split()[-1:]
    if not lead and before and before[0].lower() in _DETERMINERS:
        return m.group(0)  # "by the river rd", "my po st"
    if re.fullmatch(r"(?i:dr|ct)\.?", words[name_end]) and lead.strip().lower() not in _ON_A_STREET:
        return m.group(0)  # "went to eye dr", "by pediatric dr": a doctor; "on hillcrest dr"
    if words[name_end].lower() == "drive" and (
        _DRIVING_AFTER.match(m.string, m.end()) or any(w.lower() in _DRIVING_FOR for w in name)
    ):
        return m.group(0)  # "the mcdonalds drive thru", "i learned to uber drive": driving
    if re.fullmatch(r"(?i:st)\.?", words[name_end]) and _SAINT_AFTER.match(m.string, m.end()):
        return m.group(0)  # "to west st paul"
    if kept:
        lead += found[: re.match(rf"(?:\S+\s+){{{kept}}}", found).end()]
    return lead + "[address]"


def _named_in_lower_case(m: re.Match[str], rules: _Rules) -> str:
    """ "calle lake", "wadada cedar y chicago": after a street word, a name in lower case goes
    when it is a common street's name or a place (and the name after "y" with it when that
    one is too)."""
    known = ("street", "place", "name")
    if _side_kind(m.group("named"), rules) not in known:
        return m.group(0)
    other = m.group("other")
    if other is not None and _side_kind(other, rules) not in known:
        return m.group("corner") + "[address]" + m.group(0)[m.end("named") - m.start() :]
    return m.group("corner") + "[address]"


def _streets_in_lower_case(text: str, rules: _Rules, language: str) -> str:
    """The second street pass (see above), after the first."""
    script = language if language in ("so", "zh", "ar") else "latin"
    trigger, *patterns = _lower_street_patterns()[script]
    if not trigger.search(text):
        return text
    for pattern in patterns:
        if "a" in pattern.groupindex:
            text = pattern.sub(lambda m: _corner(m, rules), text)
        elif "named" in pattern.groupindex:
            text = pattern.sub(lambda m: _named_in_lower_case(m, rules), text)
        else:
            text = pattern.sub(lambda m: _lower_street(m, rules), text)
    text = _DIRECTION_BEFORE_ADDRESS.sub(lambda m: m.group("lead") + "[address]", text)
    return text.replace("[address][address]", "[address]")


# ------------------------------------------- identifiers as people type them (ninth session)
# The shapes of numbers, addresses and dates typed on a phone, with no street type, no
# separator or a year of two digits: "412 w 3rd", "at 300 pine", "lot 23", "rr 2 box 14",
# "march 3 88", "5550134", "on 10/3", "la 412 de la 3ra poniente", "waddada 3aad", "his insta
# is lil mike 23". Each is read in every language (people mix them) unless it says otherwise.

# A direction typed after a house number: "412 w 3rd", "1540 NE 7th", "2210 sur king".
_TYPED_DIRECTION = (
    r"(?:(?i:[nsew]|ne|nw|se|sw|north|south|east|west|norte|sur|oriente|poniente|ote|pte)\.?)"
)
# A street's type after its name, in English (the other languages write it first).
_TYPED_STREET_TYPE = (
    r"(?P<type>[ \t]+(?i:street|avenue|road|boulevard|lane|drive|court|way|place|parkway|circle"
    r"|terrace|trail|highway|(?:st|ave|rd|blvd|ln|dr|ct|pl|pkwy|cir|hwy)\.?)(?![\w'’]))?"
)
# A house number: not an amount, a time, a fraction, a score or part of a longer number.
_TYPED_HOUSE = r"(?<![\w$€£#.,/:'’+-])(?P<number>\d{1,6}[A-Za-z]?)(?![\w'’]|[.,/:-]\d)"
# A street's name: an ordinal, a word, and capitalised words after a capitalised one ("1709
# Maple Grove").
_TYPED_NAME = (
    rf"(?P<name>{_ORDINAL}|(?:(?P<cap>[A-Z])|[a-z])[A-Za-z'’-]*[A-Za-z])(?![\w'’])"
    r"(?P<more>(?(cap)(?:[ \t]+(?!(?:St|Ave|Rd|Dr|Ct|Ln|Blvd|Pl|Hwy|Pkwy|Cir|Way|Street|Avenue|Road"
    r"|Drive|Court|Lane|Boulevard|Place|Highway|Parkway|Circle|Terrace|Trail)(?![\w'’]))"
    r"[A-Z][a-z'’-]*[a-z](?![\w'’])){0,2}|))"
)
# "412 w 3rd", "88 n main", "2210 s king": a number, a direction and a street's name.
_NUMBER_DIRECTION_STREET = re.compile(
    rf"{_TYPED_HOUSE}[ \t]+(?P<direction>{_TYPED_DIRECTION})[ \t]+{_TYPED_NAME}{_TYPED_STREET_TYPE}"
)
# The words before a house number that say it is one: "at 300 pine", "my address was 1209
# maple", "i stay at 88 main", "resides 2210 king".
_ADDRESS_LEAD_WORDS = (
    r"(?:at|address(?:[ \t]+(?:is|was))?|addy(?:[ \t]+(?:is|was))?|resides?(?:[ \t]+at)?"
    r"|lives?(?:[ \t]+at)?|lived(?:[ \t]+at)?|living[ \t]+at|stay(?:s|ed|ing)?(?:[ \t]+at)?"
    r"|moved(?:[ \t]+in)?[ \t]+to|move[ \t]+to"
    # "apt 12 ee 300 pine" (Somali: of), "ở 300 pine"
    r"|ee|ở|tại)"
)
_ADDRESS_LEAD = re.compile(rf"(?<![\w'’])(?i:{_ADDRESS_LEAD_WORDS})[ \t:]*$")
_LEAD_NUMBER_STREET = re.compile(
    rf"(?P<lead>(?<![\w'’])(?i:{_ADDRESS_LEAD_WORDS})[ \t:]+){_TYPED_HOUSE}[ \t]+{_TYPED_NAME}"
    rf"{_TYPED_STREET_TYPE}"
)
# "the 2400 block of e lake": a block names a street's few houses.
_BLOCK_OF = re.compile(
    rf"(?<![\w$€£#.,/:'’+-])\d{{2,6}}[ \t]+(?i:block|blk)\.?[ \t]+(?i:of)[ \t]+"
    rf"(?:{_TYPED_DIRECTION}[ \t]+)?(?!(?i:the|a|my|his|her|our|their|that|this)(?!\w)){_TYPED_NAME}"
    rf"{_TYPED_STREET_TYPE}"
)
# "lot 23", "space 41", "trailer 12", "bldg 4", "building C": a place in a park or a complex
# (not "a lot 2 times", "space 2 feet").
_TYPED_UNIT = re.compile(
    r"(?P<lead>(?<![\w.])(?<!\ba )(?<!\bA )(?i:lot|space|spc|trailer|trlr|bldg\.?|building)"
    r"[ \t]*(?:#[ \t]*|(?i:number|no\.?)[ \t]*)?)"
    r"(?P<id>\d{1,4}[A-Za-z]?(?![\w'’]|[.,/:-]\d)|(?<=[Bb]ldg |ding )[A-Z](?![\w'’]))"
    r"(?!\s*(?i:days?|nights?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|times?|min\w*"
    r"|am|pm|feet|ft|inches|kids|people|cars|spots|dollars|bucks|of)\b)"
)
# "rr 2 box 14", "rural route 3", "hc 1 box 5": a rural route and its box.
_RURAL_ROUTE = re.compile(
    r"(?<![\w.])(?:(?i:rr|r\.r\.|rural[ \t]+route|rural[ \t]+rte)[ \t]*#?[ \t]*\d{1,3}"
    r"(?:[ \t]*,?[ \t]*(?i:box|bx)[ \t]*#?[ \t]*\d{1,5}[A-Za-z]?)?"
    r"|(?i:hc|star[ \t]+route|rt|rte|route)[ \t]*\d{1,3}[ \t]*,?[ \t]*(?i:box|bx)[ \t]*#?[ \t]*\d{1,5}"
    r"[A-Za-z]?)"
    r"(?![\w'’])"
)
# "po box 3381" in any language's quote, "apartado postal 3381"; English also reads rooms and
# units (``_BOX_OR_ROOM``).
_POST_BOX = re.compile(
    r"(?P<lead>(?<![\w.])(?i:p\.?\s?o\.?\s*box|post office box|apartado postal|apdo\.?(?:\s+postal)?"
    r"|casilla postal)[ \t]*(?:#[ \t]*|(?i:number|no\.?|número|numero)[ \t]*)?)\d{1,6}(?![\w/-])"
)
# "we live in 55407", "she moved to 55104": a postcode after a word that says someone lives
# there (after "zip" it is ``_POSTCODE``'s).
_LIVE_IN_POSTCODE = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:live|lives|lived|living|stay|stays|stayed|staying|moved|move)"
    r"[ \t]+(?i:in|to)[ \t]+)\d{5}(?:-\d{4})?(?![\w'’]|[.,/:-]\d)" + _NOT_AN_ID_AFTER
)
# "she's in #204", "vive en el #12": a flat's number after "in" or "at".
_FLAT_SIGN = re.compile(
    r"(?P<lead>(?<![\w'’])(?:[iI]n|[aA]t|[tT]o|[fF]rom|[eE]n|[eE]l|[lL]a|ở|Ở)[ \t]+)"
    r"#[ \t]?\d{2,5}[A-Za-z]?(?![\w'’-])" + _NOT_AN_ID_AFTER
)
# Spanish: "la 412 de la 3ra poniente", "el 300 de la 5ta", the house number before its street.
_ES_ORDINAL = r"\d{1,2}(?:(?i:ra|da|ta|va|na|ma|er|ro|do|to|vo|no|mo|a|o)|[ªº])"
_ES_DIRECTION = r"(?i:norte|sur|oriente|poniente|ote|pte|calle|avenida|av)\.?"
_ES_NUMBER_OF_STREET = re.compile(
    rf"(?<![\w$€£#.,/:'’+-])(?P<number>\d{{2,6}})[ \t]+(?i:de[ \t]+la|del|de)[ \t]+"
    rf"(?:(?P<ordinal>{_ES_ORDINAL})|(?P<name>[a-zA-Z][a-z'’-]+))(?![\w'’])"
    rf"(?:[ \t]+{_ES_DIRECTION}(?![\w'’]))?"
)
# "vive por la 16 de septiembre 412": a street named for a date, without "calle", and its
# house number (a date alone stays for the dates).
_ES_DATE_STREET = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:en|por|sobre|de)[ \t]+(?i:la|el)[ \t]+)\d{1,2}[ \t]+(?i:de)[ \t]+"
    r"(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre)[ \t]+(?!(?:19|20)\d\d(?!\d))#?\d{2,5}(?![\w'’]|[.,/:-]\d)"
    r"(?!\s*(?i:años|anos|días|dias|meses|semanas|horas|veces|dólares|dolares|pesos|personas)\b)"
)
# "la esquina de la 5ta y la 8va norte": a corner of two numbered streets.
_ES_ORDINAL_CORNER = re.compile(
    rf"(?P<lead>(?<![\w'’])(?i:esquina|cruce|cruze)[ \t]+(?i:de|entre)[ \t]+)"
    rf"(?:(?i:la|el)[ \t]+)?{_ES_ORDINAL}(?:[ \t]+{_ES_DIRECTION})?[ \t]+(?i:y|e|con)[ \t]+"
    rf"(?:(?i:la|el)[ \t]+)?{_ES_ORDINAL}(?![\w'’])(?:[ \t]+{_ES_DIRECTION}(?![\w'’]))?"
)
# A street word before a numbered street: "waddada 3aad", "calle 3ra", "đường số 7", "on
# street 3"? (not "the street 3 times").
_STREET_WORD_ORDINAL = re.compile(
    r"(?<![\w'’])(?:(?i:waddada|wadada|jidka|calle|avenida|carrera|đường|duong)[ \t]+"
    r"(?:\d{1,3}(?i:aad|ad|ka|st|nd|rd|th|ra|da|ta|va|na|ma|a|o)|\d{1,3}[ªº])"
    r"|(?i:đường|duong)[ \t]+(?i:số|so)[ \t]+\d{1,3})(?![\w'’])"
)
# "the apartments on MLK", "off mlk": streets named for Martin Luther King, Jr. are known by
# his initials; "MLK Day" stays.
_STREET_BY_INITIALS = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:on|off|at|near|by|to|from|down|along|onto|up)[ \t]+)"
    r"(?:MLK|mlk|Mlk|Martin Luther King(?:,? Jr\.?)?)(?![\w'’])"
    # "MLK Day", and what is named for him without being a street ("MLK Elementary")
    r"(?![ \t]+(?i:day|holiday|weekend|parade|breakfast|elementary|middle|high|school|academy"
    r"|park|library|center|centre|rec|recreation|hospital|clinic|memorial|jr)(?!\w))"
    + _TYPED_STREET_TYPE
)
# A complex's name typed small before what it is: "at sunny acres trailer park", "at the
# westwood apts" (capitalised names are English ``_english_places_of_a_person``'s).
_COMPLEX_IN_LOWER_CASE = re.compile(
    r"(?P<lead>(?<![\w'’])(?:at|in|to|from|on)[ \t]+(?P<the>the[ \t]+)?)"
    r"(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?)"
    r"(?=[ \t]+(?:trailer park|trailer court|mobile home park|mobile homes|trailer homes"
    r"|apartments|apts|townhomes|townhouses|condos)(?![\w'’]))"
)
# Words that describe housing rather than name it ("cheap apartments", "low income apts").
_HOUSING_ADJECTIVES = frozenset(
    {"cheap", "new", "old", "nice", "big", "small", "low", "income", "senior", "public",
     "subsidized", "affordable", "same", "other", "next", "last", "first", "whole", "crappy",
     "shitty", "nasty", "dirty", "bad", "good", "those", "these", "transitional",
     "supportive", "housing", "family", "section", "student", "city", "county", "state",
     "luxury", "rental", "shelter", "run", "down", "rundown", "empty", "different", "two",
     "three", "both", "some", "many", "few", "nearby", "local", "one", "free", "hud"}
)  # fmt: skip
# A year of two digits after a date without one: "march 3 88", "4 july '85", "june 9th, 04".
_YEAR_AFTER_A_DATE = re.compile(
    r"\[date\](?P<sep>,?[ \t]+|[ \t]*,[ \t]*)['’]?\d{2}(?![\w'’]|[.,/:-]\d)"
)
_BIRTH_BEFORE = re.compile(rf"(?<!\w)(?i:{_BIRTH_WORDS}|birthday|bday|b-day|cumpleaños)(?!\w)")
# (ninth session review) An amount, not a phone: a currency word after it ("2000000 de
# pesos", "shilin"), or money before it ("bail at", "owes me", "la fianza fue de").
_AMOUNT_AFTER = re.compile(
    r"[ \t]+(?:de[ \t]+)?(?i:pesos|d[oó]lares|dollars|dolla|shilin|shillings?|colones|quetzales"
    r"|lempiras|soles|bucks|usd|birr|đồng|dong|euros?|yuan|kwacha|naira|rupees)(?!\w)"
)
_AMOUNT_BEFORE = re.compile(
    r"(?i:bail|bond|fianza|owes?|owed|paid|pays?|debe|deb[ií]a|pag[oó]|cost|costs|fine|multa"
    r"|support|lacag|tiền)(?:[ \t]+(?:me|him|her|at|of|de|fue|was|is|was set at|about))*[ \t]+$"
)
# "call me 5550134": seven digits with no separator, a local number (not an amount or a count).
_SEVEN_DIGITS = re.compile(r"(?<![\w$€£#.,/:+'’-])[2-9]\d{6}(?![\w'’]|[.,/:-]\d)")
# "on 10/3", "el 3/4", "since 12/24": a day and a month with no year after a word that leads
# to a day ("24/7" stays).
_DAY_AND_MONTH = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:on|since|until|till|el|desde|hasta|ngày|ngay)[ \t]+)"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/'’]|[.,:-]\d)"
    # "on 1/2 the dose", "on 3/4 of the days": a fraction
    r"(?![ \t]+(?i:of|the|a|an|cups?|dose|doses|miles?|hours?|inch|inches|tank|pill|pills)\b)"
)
# "his insta is lil mike 23", "su insta es lil mike 23", "instagram-kiisu waa lil mike 23",
# "facebook của nó là tony nguyen 88": a handle said in pieces, its words and its digits.
_HANDLE_IN_PIECES = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:ig|insta|instagram|snap|snapchat|tiktok|tik tok|twitter|fb"
    r"|facebook|face|feis|threads|telegram|kik|youtube|yt)(?:-[^\W\d_]{1,8})?(?![\w'’])"
    r"(?:[ \t]+(?![\d\[])[^\W\d_]{1,10}){0,3}?[ \t]*"
    r"(?:(?<![\w'’])(?i:is|was|es|era|waa|là|la|yog)(?![\w'’])|:)[ \t]*)"
    r"(?P<handle>(?:(?:\[name\]|[^\W\d_][\w.'’]*)[ \t]+){1,3}\d{1,4})(?![\w'’]|[.,/:-]\d)"
)


# Words after a site's name that say what the account is, not what it is called ("his insta
# is private 2 weeks now").
_NOT_A_HANDLE = frozenset(
    {"the", "a", "an", "my", "his", "her", "their", "and", "or", "not", "so", "very", "private",
     "public", "blocked", "down", "deleted", "gone", "new", "old", "still", "like", "about",
     "up", "open", "closed", "at", "in", "on", "since", "for", "from", "to", "el", "la", "los",
     "las", "mi", "su", "y", "o", "muy", "privado",
     "privada", "và", "của", "iyo", "waa"}
)  # fmt: skip


@lru_cache(maxsize=1)
def _counted_after() -> re.Pattern[str]:
    """The words after a number that make it a count, a duration or an amount: the shared
    units and every language's ``number_labels`` "not_after", with a few of the day's words
    ("daqiiqo", minutes; "kids", "people")."""
    words = set(_UNITS)
    for lang in _load().values():
        words.update(lang.get("number_labels", {}).get("not_after", []))
    words |= {"daqiiqo", "daqiiqadood", "daqiiqadii", "minutes", "mins", "phút", "phut",
              "kids", "people", "dollars", "bucks", "followers", "views", "likes", "steps",
              "feet", "ft", "miles", "blocks", "percent", "pounds", "lbs", "children",
              "niños", "ninos", "hijos", "carruur", "con", "đứa", "người", "nguoi"}  # fmt: skip
    spaced = [w for w in words if not _HAN_WORD.match(w)]
    return re.compile(rf"[ \t]*(?i:{_alternation(spaced)})(?![\w'’])")


def _plain_street_name(name: str, rules: _Rules) -> bool:
    """A word that can be a street's name typed small after a house number: not a stop word,
    a month, a count's word or a digit word ("88 n main", not "2 w my kids", "3 n half")."""
    lower = name.lower()
    return not (
        lower in rules.ordinary
        or lower in rules.months
        or lower in {"half", "more", "less", "change", "stuff", "things", "of", "and", "or"}
        or _counted_after().fullmatch(" " + name)
    )


# A street's name that goes on to a street word ("2210 willow creek dr", "1709 Maple Grove
# Ave"): the older address patterns read it whole.
_STREET_GOES_ON = re.compile(
    rf"(?:[ \t]+[A-Za-z][A-Za-z'’-]*){{1,2}}{_TYPED_STREET_TYPE.removesuffix('?')}"
)


def _address_then_rest(m: re.Match[str], rules: _Rules, lead: str = "") -> str:
    """The address found, less the capitalised words after its name that are no part of it
    ("at 88 Main When he…" keeps "When")."""
    if m.group("more"):
        for word in re.finditer(r"\S+", m.group("more")):
            if word.group().lower() in rules.ordinary or word.group().lower() in rules.months:
                start = m.start("more") + word.start()
                return lead + "[address]" + m.string[start - 1 : m.end()]
    return lead + "[address]"


# Words after which a number is an amount or a count ("paid 500 w cash", "had 300 n change").
_AN_AMOUNT_AFTER = frozenset(
    {"paid", "pay", "pays", "owe", "owes", "owed", "cost", "costs", "spent", "spend", "make",
     "makes", "made", "earn", "earns", "bail", "fine", "about", "around", "over", "under",
     "almost", "only", "just", "got", "had", "have", "has", "took", "take", "takes", "gave",
     "give", "gives", "like", "maybe", "sent", "send", "lost", "won", "borrowed", "stole"}
)  # fmt: skip


def _typed_house(m: re.Match[str], rules: _Rules) -> str:
    """ "412 w 3rd", "88 n main": an address when the name is an ordinal or a plain word and
    the number has three digits, follows "at"/"address is"/"live at", or the name is a common
    street's."""
    name = m.group("name")
    if not re.fullmatch(_ORDINAL, name) and not _plain_street_name(name, rules):
        return m.group(0)
    if not m.group("type") and _STREET_GOES_ON.match(m.string, m.end()):
        return m.group(0)
    before = m.string[: m.start()].split()[-1:]
    if before and before[0].lower() in _AN_AMOUNT_AFTER:
        return m.group(0)  # "i paid 500 w cash": an amount, and "w" is "with"
    if _YEAR_ONLY.fullmatch(m.group("number")) and not re.fullmatch(_ORDINAL, name):
        return m.group(0)  # "in 2019 n then", "2020 w covid"
    strong = (
        _digits(m.group("number")) >= 3
        or re.fullmatch(_ORDINAL, name)
        or name.casefold() in _street_lists().common
        or _ADDRESS_LEAD.search(m.string, 0, m.start())
    )
    return _address_then_rest(m, rules) if strong else m.group(0)


def _lead_number_street(m: re.Match[str], rules: _Rules) -> str:
    """ "at 300 pine", "address was 1209 maple": after a word that leads to an address, a
    number of two digits or more and a common street's name or an ordinal; after "address"
    any plain word."""
    name, number = m.group("name"), m.group("number")
    if _digits(number) < 2 or _YEAR_ONLY.fullmatch(number):
        return m.group(0)
    if not m.group("type") and _STREET_GOES_ON.match(m.string, m.end()):
        return m.group(0)
    if _counted_after().match(m.string, m.start("name") - 1) or not _plain_street_name(name, rules):
        return m.group(0)  # "at 300 dollars", "at 12 noon" (below)
    lead = m.group("lead").lower()
    said = "addr" in lead or "resid" in lead
    # "i live at 4521 bryant", "he stays at 3310 girard": a lead that says someone lives
    # there, a number of three digits or more, any plain word
    lives = any(w in lead for w in ("liv", "stay", "moved", "move ")) and _digits(number) >= 3
    if (
        re.fullmatch(_ORDINAL, name)
        or name.casefold() in _street_lists().common
        or ((said or lives) and name.lower() not in {"noon", "midnight"})
    ):
        return _address_then_rest(m, rules, m.group("lead"))
    return m.group(0)


def _complex_in_lower_case(m: re.Match[str], rules: _Rules) -> str:
    words = m.group("name").split()
    if any(w in rules.ordinary or w in _HOUSING_ADJECTIVES or _role_word(w, rules) for w in words):
        return m.group(0)
    if m.group("the") and all(w in _everyday_english() for w in words):
        return m.group(0)  # "at the sunny apartments"? an everyday word after "the" describes
    return m.group("lead") + "[address]"


def _postcode_lived_in(m: re.Match[str], rules: _Rules) -> str:
    """A postcode when nothing after it makes it a count: the end, a mark, "now", a stop
    word ("we lived in 10000 different places" keeps its number)."""
    after = re.match(r"[ \t]*([^\W\d_]+)", m.string[m.end() :])
    if after and after.group(1).lower() not in rules.ordinary | {"now", "area"}:
        return m.group(0)
    if after and after.group(1).lower() in {"different", "other", "more", "places", "homes"}:
        return m.group(0)
    return m.group("lead") + "[address]"


# What may follow a lot's, a space's or a building's number ("lot 23 at …", "trailer 17 in
# the park"); another word makes it a count ("he was building 2 sheds").
_AFTER_A_UNIT = frozenset(
    {"at", "on", "in", "by", "of", "off", "near", "and", "with", "for", "from", "to", "is",
     "was", "the", "apt", "unit", "#", "where", "when", "so", "but", "or", "now", "since"}
)  # fmt: skip


def _typed_unit(m: re.Match[str]) -> str:
    before = m.string[: m.start()].split()[-1:]
    if before and before[0].lower() in {"parking", "empty", "vacant", "storage", "outer"}:
        return m.group(0)  # "the parking lot 2 guys…"
    after = re.match(r"[ \t]*([^\W\d_]+)", m.string[m.end() :])
    if after and after.group(1).lower() not in _AFTER_A_UNIT:
        return m.group(0)
    return m.group("lead") + "[address]"


def _typed_addresses(text: str, rules: _Rules, language: str) -> str:
    """The address shapes typed with no street type (before the older address patterns, which
    would take a part of them)."""
    text = _RURAL_ROUTE.sub("[address]", text)
    text = _LIVE_IN_POSTCODE.sub(lambda m: _postcode_lived_in(m, rules), text)
    text = _POST_BOX.sub(lambda m: m.group("lead") + "[address]", text)
    text = _BLOCK_OF.sub(
        lambda m: "[address]" if _plain_street_name(m.group("name"), rules) else m.group(0), text
    )
    text = _NUMBER_DIRECTION_STREET.sub(lambda m: _typed_house(m, rules), text)
    text = _LEAD_NUMBER_STREET.sub(lambda m: _lead_number_street(m, rules), text)
    text = _ES_NUMBER_OF_STREET.sub(
        lambda m: (
            "[address]"
            if m.group("ordinal")
            or (
                m.group("name").casefold() in _street_lists().common
                and not _YEAR_ONLY.fullmatch(m.group("number"))
            )
            else m.group(0)
        ),
        text,
    )
    text = _ES_ORDINAL_CORNER.sub(lambda m: m.group("lead") + "[address]", text)
    text = _ES_DATE_STREET.sub(lambda m: m.group("lead") + "[address]", text)
    text = _STREET_WORD_ORDINAL.sub("[address]", text)
    text = _TYPED_UNIT.sub(lambda m: _typed_unit(m), text)
    return _FLAT_SIGN.sub(lambda m: m.group("lead") + "[address]", text)


def _typed_streets_in_words(text: str, rules: _Rules, language: str) -> str:
    """Streets and complexes named in words only: "on MLK", "cross st lowry", "on 4th and
    penn", "at sunny acres trailer park", "parque de trailas sunny acres"."""
    lower = text.lower()
    if "mlk" in lower or "luther king" in lower:
        text = _STREET_BY_INITIALS.sub(lambda m: m.group("lead") + "[address]", text)
    if "cross" in lower:
        text = _CROSS_STREET.sub(
            lambda m: (
                m.group("lead") + "[address]"
                if all(_plain_street_name(w, rules) for w in m.group("names").split()[::2])
                else m.group(0)
            ),
            text,
        )
    if language == "en":
        text = _ORDINAL_AND_A_NAME.sub(
            lambda m: (
                m.group("lead") + "[address]"
                if m.group("name").lower() not in _everyday_english()
                and _plain_street_name(m.group("name"), rules)
                else m.group(0)
            ),
            text,
        )
        text = _COMPLEX_IN_LOWER_CASE.sub(lambda m: _complex_in_lower_case(m, rules), text)
    if "tr" in lower or "di đ" in lower or "di d" in lower or "mobil" in lower:
        text = _KIND_THEN_COMPLEX.sub(
            lambda m: (
                m.group(0)
                if any(
                    w.lower() in rules.ordinary or _role_word(w, rules)
                    # "los pinos": the article opens the name
                    for w in m.group("name").split()[
                        1 if m.group("name").split()[0].lower() in _ARTICLES else 0 :
                    ]
                )
                else m.group("lead") + "[address]"
            ),
            text,
        )
    return text


_ARTICLES = frozenset({"los", "las", "el", "la", "the"})
# "cross st lowry", "cross streets are lake and 5th": what a note gives as the cross street.
_CROSS_STREET = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:cross)[ \t]*(?i:streets|street|roads|road|(?:sts|st|rd)(?![\w'’])\.?)(?![\w'’])"
    r"(?:[ \t]+(?i:is|are|was|were))?[ \t]*:?[ \t]+)"
    rf"(?P<names>(?:{_ORDINAL}|[A-Za-z][A-Za-z'’-]+)(?:[ \t]+(?:and|&|n|y)[ \t]+"
    rf"(?:{_ORDINAL}|[A-Za-z][A-Za-z'’-]+))?)(?![\w'’])"
)
# "on 4th and penn": a numbered street and a name no dictionary knows, after "on" or "at".
_ORDINAL_AND_A_NAME = re.compile(
    rf"(?P<lead>(?<![\w'’])(?:on|at|off|near|by)[ \t]+)(?!(?:1st|2nd|3rd)(?!\w)){_ORDINAL}"
    r"[ \t]+(?:and|&|n)[ \t]+(?P<name>[a-z][a-z'’-]+)(?![\w'’])"
)
# "parque de trailas sunny acres", "khu nhà di động sunny acres": the kind first, then the name.
_KIND_THEN_COMPLEX = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:parque[ \t]+de[ \t]+(?:trailas|trailers|traila|casas[ \t]+m[óo]viles)"
    r"|traila[ \t]+park|trailer[ \t]+park|mobile[ \t]+home[ \t]+park"
    r"|khu[ \t]+nhà[ \t]+di[ \t]+động|khu[ \t]+nha[ \t]+di[ \t]+dong|khu[ \t]+trailer"
    r"|xaafadda[ \t]+gurya(?:ha)?[ \t]+mobilka)[ \t]+)"
    r"(?P<name>(?!\[)[^\W\d_][\w'’-]+(?:[ \t]+[^\W\d_][\w'’-]+)?)(?![\w'’])"
)


def _two_digit_years(text: str, rules: _Rules) -> str:
    """ "[date] 88": the year of two digits left after a date found without one, when nothing
    after it makes it a count ("on march 3 12 people came" keeps 12), or a birth is told just
    before."""

    def one(m: re.Match[str]) -> str:
        after = m.string[m.end() :]
        if _counted_after().match(after) or re.match(r"[ \t]*(?i:years?|yrs?|y/?o)\b", after):
            return m.group(0)  # "[date] 38 years old"
        word = re.match(r"[ \t]*([^\W\d_]+)", after)
        if word and word.group(1).lower() in {"of", "more", "other", "times"}:
            return m.group(0)  # "april 2, 15 of us went"
        if (
            not after.strip()
            or re.match(r"[ \t]*[^\w\s]", after)
            or (word and word.group(1).lower() in rules.ordinary)
            or _BIRTH_BEFORE.search(m.string, max(0, m.start() - 40), m.start())
        ):
            return "[date]"
        return m.group(0)

    return _YEAR_AFTER_A_DATE.sub(one, text) if "[date]" in text else text


# "a white camry 7KDJ442", "his truck, ABC1234": a plate after the vehicle it is on, with
# no label; capitals and digits mixed, five to eight of them.
_VEHICLE_THEN_PLATE = re.compile(
    r"(?P<lead>(?<![\w'’])(?i:car|truck|van|suv|jeep|pickup|camry|tahoe|charger|impala|civic"
    r"|accord|altima|malibu|silverado|f-?150|ram|explorer|caprice|minivan|sedan|coche|carro"
    r"|troca|camioneta|gaari|gaariga|gaarigiisa|xe|ô tô|o to)(?![\w'’])"
    r"(?:[ \t,]+(?![A-Z0-9]*\d[A-Z0-9]*(?![\w'’]))[\w'’-]+){0,3}[ \t,:]+)"
    r"(?P<plate>(?!COVID|SARS|MP3|MP4|4X4|4WD|2WD|AWD)(?=[A-Z0-9-]*\d[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,7}[A-Z0-9])"
    r"(?![\w'’-])"
)


# "CPS worker (#4471)", "inmate #448213": three digits or more joined to "#" name a record, a
# badge or a file, read after the phones (a flat after "in"/"at" was read before; "#2024"
# is a year, "#1" a rank, "# 632" with a space is left alone).
_NUMBER_SIGN = re.compile(
    r"(?<![\w&#])#(?!(?:19|20)\d\d(?!\d)|911(?!\d))\d{3,8}[A-Za-z]?(?![\w'’]|[.,/:-]\d|[ \t]*\d)"
    r"(?!\s*(?i:bus|route|train|line)\b)" + _NOT_AN_ID_AFTER
)


def _typed_numbers(text: str, rules: _Rules) -> str:
    """A handle in pieces, a day and a month after "on" (seven digits with no separator are
    read after the longer phones, in ``_identifiers``)."""
    text = _VEHICLE_THEN_PLATE.sub(lambda m: m.group("lead") + "[case number]", text)
    text = _HANDLE_IN_PIECES.sub(
        lambda m: (
            m.group(0)
            if _counted_after().match(m.string, m.end())
            or any(w.lower() in _NOT_A_HANDLE for w in m.group("handle").split()[:-1])
            else m.group("lead") + PLACEHOLDER
        ),
        text,
    )

    def day_and_month(m: re.Match[str]) -> str:
        a, b = int(m.group("a")), int(m.group("b"))
        if (a, b) == (24, 7) or not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
            return m.group(0)
        return m.group("lead") + "[date]"

    return _DAY_AND_MONTH.sub(day_and_month, text)


# "3rd ave n and 14th", "[address] s.": a numbered cross street after an address found, and a
# direction typed small at the end of a sentence ("at 2400 16th ave s").
_ADDRESS_THEN_ORDINAL = re.compile(
    rf"\[address\](?:[ \t]+(?i:[nsew]|ne|nw|se|sw))?[ \t]+(?:and|&|n)[ \t]+{_ORDINAL}(?![\w'’])"
    rf"(?!\s*(?i:grade|floor|place|time|birthday|period|shift)\b)"
    r"(?:[ \t]+(?i:street|avenue|st|ave|rd|road)\.?(?![\w'’]))?"
)
_ADDRESS_THEN_DIRECTION = re.compile(
    r"(?<=\[address\])[ \t]+(?i:[nsew]|ne|nw|se|sw)(?=[ \t]*(?:[.,;!?)]|$))"
)
# "số 45/12": an alley's house number, whose second part is left after the first is found.
_ADDRESS_SLASH_TAIL = re.compile(r"\[address\](?:/\d{1,5}[A-Za-z]?)+(?![\w/])")
