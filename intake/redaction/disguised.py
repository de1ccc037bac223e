"""Identifiers and names written so the other passes miss them (found by red-teaming the
quotes page): full-width letters (U+FF21…, "Kevin" typed wide), an Arabic name drawn out with tatweel or
written with its vowel marks ("أحـــمد", "مُحَمَّد"), an e-mail with spaces ("maria.l @ gmail
. com"), a phone number in pieces with words between ("612 555 then 0198", "612 555 iyo
0198"), a phone number in Chinese numerals ("一三八 一二三四 五六七八"), a house number in
words ("twelve forty Maple Avenue", "calle Hidalgo número cuarenta y dos", "缅街四十一号"), a
date with its day in words ("the twelfth of March nineteen ninety", "el doce de marzo de mil
novecientos noventa"); and, once the passes are done, a word found as a name once is a name
wherever else it stands in the quote ("Officer Kowalski … then Kowalski", "الضابط منصور …
منصور حكى", "nguyen van hung, hung bi ICE bat").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .arabic import _ARABIC_CONJUNCTION, _ARABIC_WORD
from .chinese import _han_names_again
from .english import (
    _EN_MODAL_NAMES,
    _english_again,
    _english_dictionary,
    _english_places_of_a_name,
    _english_short_name,
)
from .identifiers import _a_holiday
from .names import _english_word, _other_spellings
from .rules import _load
from .spanish import _spanish_diminutives
from .words import _ANY_HAN, PLACEHOLDER

if TYPE_CHECKING:
    from .rules import _Rules

# Full-width digits, capital and small letters, the wide at sign, full stop and underscore
# (a phone keyboard's wide mode); not the wide comma or colon of Chinese text.
_FULL_WIDTH = {
    code: code - 0xFEE0
    for code in (
        0xFF0E,
        *range(0xFF10, 0xFF1A),
        *range(0xFF20, 0xFF3B),
        0xFF3F,
        *range(0xFF41, 0xFF5B),
    )
}

# Tatweel and the vowel marks: they decorate an Arabic word and never change whose name it is.
_ARABIC_DECORATION = re.compile(r"[\u0640\u064b-\u065f\u0670]")

# Spaces only on one line, and only the endings of a mail provider's address.
_SPACED_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*[ \t]*@[ \t]*[A-Za-z][A-Za-z0-9-]*"
    r"(?:[ \t]*\.[ \t]*[A-Za-z0-9-]+)*?[ \t]*\.[ \t]*(?i:com|net|org|edu)(?![\w.])"
)

# Words said between the groups of a phone number read out: "then", "y luego", "iyo"…
_PHONE_JOINER = (
    r"(?i:and\s+then|then|and|y\s+luego|luego|y|e|iyo|kadibna|kadib|thiab|ces|tom\s+qab|và|rồi"
    r"|xong|ثم|و)"
)
_PHONE_IN_PIECES = re.compile(
    rf"(?<![\w.])(?:\+?1[\s.-]*)?\(?\d{{3}}\)?(?:[\s.,-]+(?:{_PHONE_JOINER}\s+){{0,2}}\d{{2,4}}){{2,3}}(?![\w])"
)

_HAN_DIGIT = "零〇一二三四五六七八九幺"
# Seven or more Chinese digits with no 十, 百 or 千 between: read out one by one, a number
# (a phone, an ID), never an amount or a date ("一九九零年" has four).
_HAN_PHONE = re.compile(rf"[{_HAN_DIGIT}]{{3,}}(?:[\s\-－—]*[{_HAN_DIGIT}]{{2,}}){{0,3}}")
# The house number after a street ("缅街四十一号" → "缅街[address]").
_HAN_ADDRESS = re.compile(rf"(?<=[街路道巷弄])[{_HAN_DIGIT}十百千两]+[号號]")

_EN_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_EN_TENS = "twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
_EN_NUMBER = rf"(?:{_EN_TENS}|{_EN_UNITS}|hundred|thousand|oh)"
_EN_STREET = (
    r"(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl"
    r"|Circle|Cir|Parkway|Pkwy|Terrace|Trail|Highway|Hwy)"
)
_EN_ADDRESS_IN_WORDS = re.compile(
    rf"(?<![\w-])(?i:{_EN_NUMBER})(?:[\s-]+(?i:{_EN_NUMBER})){{0,4}}"
    rf"\s+(?:[A-Z][\w'’]*\s+){{1,2}}{_EN_STREET}\b\.?"
)
_ES_NUMBER = (
    r"(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    r"|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|veinti\w+|treinta|cuarenta"
    r"|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscientos|trescientos"
    r"|cuatrocientos|quinientos|seiscientos|setecientos|ochocientos|novecientos|mil)"
)
_ES_ADDRESS_IN_WORDS = re.compile(
    r"(?<!\w)(?i:calle|avenida|av\.|camino|bulevar|boulevard|carretera|privada|callej[oó]n)"
    rf"\s+(?:(?:\[name\]|[A-ZÁÉÍÓÚÑ][\w'’]*|de|del|la|las|los)\s+){{1,4}}"
    rf"(?:(?i:n[uú]mero|num\.?|no\.?|n[º°]|#)\s*)?(?i:{_ES_NUMBER})(?:\s+(?:y\s+)?(?i:{_ES_NUMBER})){{0,4}}(?!\w)"
)

_EN_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_EN_ORDINAL = (
    r"(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
_EN_YEAR = (
    rf"(?:nineteen|twenty)[\s-]+(?:hundred\s+(?:and\s+)?)?(?:{_EN_TENS}|{_EN_UNITS}|oh\s+\w+)"
    rf"(?:[\s-]+(?:{_EN_UNITS}))?|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_EN_TENS}|{_EN_UNITS}))*"
)
_EN_SPELLED_DATE = re.compile(
    rf"(?<!\w)(?i:(?:the\s+)?(?:{_EN_ORDINAL})\s+of\s+(?:{_EN_MONTHS})"
    rf"|(?:{_EN_MONTHS})\s+(?:the\s+)?(?:{_EN_ORDINAL}))"
    rf"(?:,?\s+(?i:{_EN_YEAR}|\d{{4}}))?(?!\w)"
)
_ES_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre"
)
_ES_DAY = (
    r"primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    r"|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|veinti\w+|treinta(?:\s+y\s+uno)?"
)
_ES_SPELLED_DATE = re.compile(
    rf"(?<!\w)(?i:(?:el\s+)?(?:{_ES_DAY})\s+de\s+(?:{_ES_MONTHS}))"
    rf"(?:\s+(?i:de|del)\s+(?:(?i:mil|dos\s+mil)(?:\s+(?:y\s+)?(?i:{_ES_NUMBER}))*|\d{{4}}))?(?!\w)"
)


@lru_cache(maxsize=1)
def _phone_all_in_words() -> re.Pattern[str]:
    """Seven to twelve digits read out one by one, every one a word of some language's
    ``digit_words`` ("seis uno dos cinco cinco cinco cero uno nueve ocho", "lix kow laba
    shan…", "bảy một bốn, năm năm năm…", "rau tsib ib…"); led by a lone "A", an A-number.
    (A phone partly in digits is ``identifiers._spelled_numbers``'s.)"""
    words = {w for lang in _load().values() for w in lang.get("digit_words", [])}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?P<a>A[\s-]+)?(?i:{alternation})(?:[\s,.\-]+(?i:{alternation})(?![\w-])){{6,11}}"
        r"(?![\w-]|[\s,.\-]+\d)"
    )


@lru_cache(maxsize=1)
def _counting() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.lower() for w in lang.get("digit_words", [])) for lang in _load().values())


def _phones_all_in_words(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        said = m.group(0)[len(m.group("a") or "") :]
        words = tuple(re.findall(r"[^\s,.\-]+", said.lower()))
        # "uno dos tres cuatro cinco seis siete" is counting, no number
        for listed in _counting():
            for start in range(len(listed) - len(words) + 1):
                if listed[start : start + len(words)] == words:
                    return m.group(0)
        return "[case number]" if m.group("a") else "[phone]"

    return _phone_all_in_words().sub(one, text)


_ANY_FULL_WIDTH = re.compile("[\uff0e-\uff5a]")
_ANY_DIGIT = re.compile(r"\d")
_ANY_HAN_DIGIT = re.compile(f"[{_HAN_DIGIT}]")


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _date_unless_a_holiday(m: re.Match[str]) -> str:
    """ "the Fourth of July", "el Cinco de Mayo" without a year are holidays, not a day."""
    return m.group(0) if _a_holiday(m.group(0)) else "[date]"


def _disguised(text: str, rules: _Rules, language: str) -> str:
    """``text`` with full-width letters made plain, decorated Arabic names undecorated, and
    spelled-out or broken-up identifiers replaced by their placeholders."""
    if _ANY_FULL_WIDTH.search(text):
        text = text.translate(_FULL_WIDTH)
    if _ARABIC_DECORATION.search(text):

        def plain(m: re.Match[str]) -> str:
            word = _ARABIC_DECORATION.sub("", m.group(0))
            bare = _ARABIC_CONJUNCTION.sub("", word)
            listed = word in rules.arabic_names or bare in rules.arabic_names
            return word if listed else m.group(0)

        text = _ARABIC_WORD.sub(plain, text)
    if "@" in text:
        text = _SPACED_EMAIL.sub("[email]", text)
    text = _phones_all_in_words(text)
    if _ANY_DIGIT.search(text):
        text = _PHONE_IN_PIECES.sub(
            # only with a word between: plain groups are _PHONE's, with their extension
            lambda m: (
                "[phone]"
                if 10 <= _digit_count(m.group(0)) <= 11 and re.search(r"[^\W\d_]", m.group(0))
                else m.group(0)
            ),
            text,
        )
    if _ANY_HAN_DIGIT.search(text):
        text = _HAN_ADDRESS.sub("[address]", text)
        text = _HAN_PHONE.sub(
            lambda m: "[phone]" if sum(ch in _HAN_DIGIT for ch in m.group(0)) >= 7 else m.group(0),
            text,
        )
    if language == "en":
        text = _EN_ADDRESS_IN_WORDS.sub("[address]", text)
        text = _EN_SPELLED_DATE.sub(_date_unless_a_holiday, text)
    elif language == "es":
        text = _ES_ADDRESS_IN_WORDS.sub("[address]", text)
        text = _ES_SPELLED_DATE.sub(_date_unless_a_holiday, text)
    return text


_WORD = re.compile(r"(?<![\w\[])\w+(?![\w\]])")

_AFTER_NUMBER = re.compile(r"\d\s+$")

# A word and the word after it ("Chase" before "bank").
_WORD_THEN_NEXT = re.compile(r"(?<![\w\[])(\w+)(?![\w\]])(?=[\s,]*(\w*))")

_HYPHENATED = re.compile(r"\w+(?:-\w+)+")

_SPLIT = re.compile(r"(\[(?:name|phone|email|address|date|case number)\]|\x00\d+\x00)")


def _found_pieces(original: str, text: str) -> list[str] | None:
    """What each placeholder of ``text`` stands for in ``original``: the text between the
    words kept on either side of it (kept words are the same in both, in the same order);
    None when they cannot be lined up."""
    pieces = _SPLIT.split(text)
    if not original.startswith(pieces[0]):
        return None
    pos = len(pieces[0])
    found: list[str] = []
    for k in range(1, len(pieces), 2):
        following = pieces[k + 1]
        if k + 2 >= len(pieces):  # the last piece ends the quote
            end = len(original) - len(following)
            if end < pos or not original.endswith(following):
                return None
        else:
            end = original.find(following, pos) if following else pos
            if end < 0:
                return None
        if pieces[k] == PLACEHOLDER:
            found.append(original[pos:end])
        pos = end + len(following)
    return found


# Words before a capital letter that make it a thing, not a person ("Plan B", "hep C").
_BEFORE_A_LETTER_THING = frozenset(
    {"plan", "vitamin", "hep", "hepatitis", "grade", "type", "class", "section", "part",
     "unit", "apt", "building", "room", "level", "option", "step", "exhibit", "form",
     "schedule", "tier", "group", "team", "block", "wing", "ward", "pod", "cell", "gate",
     "row", "seat", "bus", "route", "line", "train", "size", "floor", "door", "lot", "area",
     "zone", "letter", "an", "a", "the", "big", "capital", "number", "no", "pill"}
)  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _letter_is_a_thing(m: re.Match[str]) -> bool:
    """Whether a capital letter standing alone is a plan's, a vitamin's, a room's…"""
    before = _WORD_BEFORE.search(m.string, 0, m.start())
    return before is not None and before.group(1).lower() in _BEFORE_A_LETTER_THING


# "Marvin T. Gaines": a name found up to a middle initial, then the initial's point and
# the family name, which no list held.
_ENDS_WITH_AN_INITIAL = re.compile(r"\w\s+[A-Z]$")
_POINT_THEN_FAMILY = re.compile(r"\.[ \t]+(?P<family>[A-Z][a-z'’-]+)(?![\w'’-])")


def _family_after_an_initial(text: str, pieces: list[str], rules: _Rules) -> str:
    """The family name after a found name's middle initial ("[name]. Gaines" → "[name]"),
    unless it is an ordinary or common word opening the next sentence ("Jessica M. She…")."""
    common = _english_dictionary().get(20000, frozenset())
    segments = _SPLIT.split(text)
    out = [segments[0]]
    found = 0
    for k in range(1, len(segments), 2):
        token, following = segments[k], segments[k + 1]
        if token == PLACEHOLDER and found < len(pieces):
            piece = pieces[found]
            found += 1
            m = _POINT_THEN_FAMILY.match(following)
            if m and _ENDS_WITH_AN_INITIAL.search(piece):
                lower = m.group("family").lower()
                if not (
                    lower in rules.ordinary
                    or lower in rules.roles
                    or lower in rules.months
                    or (lower in common and lower not in rules.family)
                ):
                    following = following[m.end() :]
        out += [token, following]
    return "".join(out)


def _names_again(
    original: str, text: str, rules: _Rules, language: str, places: Sequence[str] = ()
) -> str:
    """A word the passes took as (part of) a name in one place goes wherever else it stands:
    "Officer Kowalski took the report, then Kowalski told…", "hung bi ICE bat" after "chong
    toi la nguyen van hung"; with its other spellings ("Đức … Duc", ``_other_spellings``),
    and in Chinese the surname or given name of a full name found ("李明…后来李又来了").
    In English also inside a place set aside (``places``, marked "\x00<n>\x00"): "Officer
    Jackson … in Jackson" loses both, as "Rose … the rent rose" does."""
    if PLACEHOLDER not in text:
        return text
    # If the pieces cannot be lined up, nothing is looked for.
    pieces = _found_pieces(original, text)
    if pieces is None:
        return text
    found: set[str] = set()
    for piece in pieces:
        words = _WORD.findall(piece)
        for word in words:
            lower = word.lower()
            # "me and Ty … ty said": in English a short name by its shape is looked for too
            short = language == "en" and _english_short_name(word, False)
            if short:
                found.add(word)
                continue
            # "Nkau Ia … Nkau Ia", "bé Út … Út chở tôi": two letters, capitalised, in
            # Vietnamese and Hmong (where such names are common)
            short_given = (
                len(word) == 2 and language in ("vi", "hmn") and word.istitle() and not short
            )
            if (
                (len(word) < 3 and not short_given)
                or word.isdigit()
                or re.match(r"[\u3400-\u9fff]", word)
                or (
                    # "Will said he will…": the name found goes in both senses in English
                    lower in rules.ordinary
                    and not (language == "en" and word.istitle() and lower in _EN_MODAL_NAMES)
                    # "husband Fue Khang … fue's mom": in English a word that is ordinary only
                    # in another language (Spanish "fue") is looked for again
                    and not (language == "en" and word.istitle() and not _english_word(lower))
                )
                or lower in rules.roles
                # a middle name standing alone is the given name ("ông Đức")
                or (lower in rules.middle and len(words) > 1)
                or lower in rules.months
            ):
                continue
            found.add(word)
    if rules.han_names is not None and _ANY_HAN.search(text):
        text = _han_names_again(pieces, text, rules)
    if language == "en" and any(_ENDS_WITH_AN_INITIAL.search(p) for p in pieces):
        text = _family_after_an_initial(text, pieces, rules)
    if language == "en":
        # "they call him b-money. b-money got out": a name joined by hyphens goes whole
        # wherever it stands again, so no "b-[name]" is left of it.
        for joined in {p.strip() for p in pieces if _HYPHENATED.fullmatch(p.strip())}:
            text = re.sub(rf"(?<![\w-]){re.escape(joined)}(?![\w-])", PLACEHOLDER, text, flags=re.I)
        # "first meeting with J. … J's kids": a person found by one initial goes again
        # where the same capital letter owns something (never "I", never "A").
        # Standing alone too, unless a word before it makes it a thing ("Plan B", "hep C").
        for letter in {p.strip()[0] for p in pieces if re.fullmatch(r"[B-HJ-Z]\.?", p.strip())}:
            text = re.sub(rf"(?<![\w.'’-]){letter}(?=['’]s(?!\w))", PLACEHOLDER, text)
            text = re.sub(
                rf"(?<![\w.'’-]){letter}(?![\w.'’-])",
                lambda m: m.group(0) if _letter_is_a_thing(m) else PLACEHOLDER,
                text,
            )
    if not found:
        return text
    # As written, or capitalised when found in lower case ("hung … Hung"); never in lower
    # case when found capitalised ("Nabad ayaa…", a name, beside "nabad", peace).
    spellings = found | {w[:1].upper() + w[1:] for w in found if w.islower()}
    if language == "en":
        # English writes one person again in more ways ("Dunn … dunn … Dunny", "jamaal").
        same_person = _english_again(found)
        if places and "\x00" in text:
            text = _english_places_of_a_name(text, found, places)
        return _WORD_THEN_NEXT.sub(
            lambda m: (
                PLACEHOLDER
                if same_person(m.group(1), m.group(2) or "", m.group(1) in spellings)
                else m.group(1)
            ),
            text,
        )
    if language == "vi":
        spellings |= _other_spellings(found, rules)
    elif language == "es":
        spellings |= _spanish_diminutives(found, rules)

    def again(m: re.Match[str]) -> str:
        word = m.group(0)
        if word not in spellings:
            return word
        # "chu tuan … o nho 2 tuan" (two weeks): a lower-case word after a number is a count.
        if word.islower() and _AFTER_NUMBER.search(text, 0, m.start()):
            return word
        return PLACEHOLDER

    # Chinese is written without spaces: a Chinese name is not looked for again as a word.
    return _WORD.sub(again, text)
