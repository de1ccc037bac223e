"""The order of the passes: ``redact`` (identifiers, places set aside, titles, listed names,
unmarked names, merging) and ``quote_text``; placeholders shown in the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask_babel import gettext

from .arabic import (
    _ARABIC_CONJUNCTION,
    _ARABIC_KIN_AFTER_ABU,
    _ARABIC_KIN_JOINED,
    _ARABIC_SERVANT,
    _ARABIC_WORD,
    _arabic_marked_names,
)
from .chinese import _HAN_DATE
from .disguised import _disguised, _names_again
from .english import _english_place_before
from .identifiers import (
    _ADDRESS_TAIL,
    _ANY_DIGIT,
    _BIRTH_YEAR,
    _BIRTHDAY,
    _BOX_OR_ROOM,
    _EMAIL,
    _EMAIL_IN_WORDS,
    _HANDLE,
    _ID_NUMBER,
    _LETTERS_AND_DIGITS,
    _PHONE,
    _PHONE_EXTENSION,
    _POSTCODE,
    _SCHOOL_NAMED,
    _UNIT_AFTER,
    _YEAR_RANGE,
    _address,
    _birth_year,
    _digits,
    _id_numbers,
    _named_street_is_a_place,
    _nicknames,
    _school_named,
)
from .names import (
    _CAPITALISED,
    _arabic_titled_name,
    _is_name_part,
    _merge_names,
    _mostly_capitalised,
    _plain_word,
)
from .notes import _note_names
from .rules import _rules
from .somali import _SOMALI_TIMES
from .unmarked import _unmarked_names
from .words import (
    _ANY_HAN,
    _EVERYDAY,
    _EVERYDAY_BY_LANGUAGE,
    _HONORIFICS,
    _NOT_A_NAME_AFTER,
    _PLACE_AFTER,
    _PLACE_AFTER_COUNTY,
    _POSSESSIVE,
    _UPPER,
    PLACEHOLDER,
    _role_word,
)

_PLACE_MAY_BE_SURNAME = frozenset({"en", "es"})

_PLACE_AFTER_NAME = re.compile(
    rf"\[name\] \x00(\d+)\x00(?!\s+(?:{_PLACE_AFTER}|{_PLACE_AFTER_COUNTY})(?!\w))"
)

_REPEATS = re.compile(r"\[name\](?:[\s,]*\[name\])+")
# A capital initial with its point ("J."), or a capital consonant alone ("T"), right before
# a name; "A", "I", "O", "Y" alone are words.
_INITIAL_BEFORE_NAME = re.compile(r"(?<![\w.'’-])(?:[A-Z]\.|[B-DF-HJ-NP-TV-XZ])\s*\[name\]")

# After "named" or a kunya ("أبو علي"), the next word is a name whatever its case.
_NAMED = re.compile(
    r"(?P<named>(?<!\w)(?:(?i:named|se llama|se apellida|tên là|npe hu ua|magaciisu waa"
    r"|magaceedu waa|(?:(?:first|last|full|real|sur)\s?)?name(?:\s+is|'s|’s)|goes\s+by"
    r"|(?:su\s+)?(?:nombre|apellido)\s+es|(?:họ\s+)?tên\s+(?:của\s+)?(?:anh|chị|ông|bà)\s+(?:ta\s+)?là)"
    r"|اسمه|اسمها|يدعى|تدعى|(?P<kunya>[وف]?أبو|[وف]?ابو))\s+)(?P<word>(?!\[)\w+)"
)

_FROM_SOMEWHERE = re.compile(r"\s+(?i:from|at|with|de|con)\s+(?i:the|my|our|la|el|mi|los|las)\s")

_PLACE_MARK = "\x00{}\x00"

_WORD_IN_NAME = re.compile(rf"\[name\] (?P<word>{_UPPER}[^\W\d_]+) \[name\]")

_PLACE_IN_NAME = re.compile(r"\[name\] \x00\d+\x00 \[name\]")

_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"“«]\s*)$")


def redact(text: str, language: str = "en") -> str:
    """``text`` with names and identifying details replaced by placeholders."""
    rules = _rules()
    everyday = _EVERYDAY_BY_LANGUAGE.get(language, _EVERYDAY)
    caseless = _mostly_capitalised(text)
    # After a lower-case name, an English everyday word ("will", "long") is not more of it;
    # in Vietnamese and Hmong it is ("tran van long", "nou lee").
    stop_after_name = (
        frozenset() if language in ("vi", "hmn") else _EVERYDAY & (rules.ordinary | {"long"})
    )
    original = text = _disguised(text, rules, language)
    text = _EMAIL.sub("[email]", text)
    if "@" in text:
        text = _HANDLE.sub(PLACEHOLDER, text)
    text = _nicknames(text, rules, language)
    # Cities that contain a listed name ("Hồ Chí Minh", "San José") are set aside meanwhile;
    # Chinese ones before addresses too, so "法拉盛缅街41号" keeps its 法拉盛.
    places: list[str] = []

    def set_aside(m: re.Match[str]) -> str:
        places.append(m.group(0))
        return _PLACE_MARK.format(len(places) - 1)

    if rules.han_places is not None and _ANY_HAN.search(text):
        text = rules.han_places.sub(set_aside, text)
    if _ANY_DIGIT.search(text):  # numbers, dates and addresses all have a digit
        text = rules.case.sub(lambda m: (m.group("words") or "") + "[case number]", text)
        text = rules.case_then_words.sub(
            lambda m: (
                m.group("words") + "[case number]"
                if _digits(m.group("number")) >= 4
                else m.group(0)
            ),
            text,
        )
        text = _PHONE_EXTENSION.sub(
            lambda m: "[phone]" if _digits(m.group(0)) >= 8 else m.group(0), text
        )
        text = rules.addresses.sub(_address, text)
        if "[address]" in text:
            text = _ADDRESS_TAIL.sub("[address]", text)
        text = rules.dates.sub(
            lambda m: (
                "[date]"
                if _digits(m.group(0))
                and not (language == "so" and _SOMALI_TIMES.fullmatch(m.group(0)))
                # "Maarso 3 jeer", "Luulyo 2 toddobaad": a month, then a count or a duration
                and not _UNIT_AFTER.match(m.string, m.end())
                else m.group(0)
            ),
            text,
        )
        text = _BIRTH_YEAR.sub(_birth_year, text)
        text = _BIRTHDAY.sub(lambda m: m.group("lead") + "[date]", text)
        text = _POSTCODE.sub(lambda m: m.group("lead") + "[address]", text)
        if language == "en":
            text = _ID_NUMBER.sub(lambda m: m.group("lead") + "[case number]", text)
            text = _BOX_OR_ROOM.sub(lambda m: m.group("lead") + "[address]", text)
        text = _id_numbers(text)
        text = _LETTERS_AND_DIGITS.sub("[case number]", text)
        text = _PHONE.sub(
            lambda m: (
                "[phone]"
                if _digits(m.group(0)) >= 7 and not _YEAR_RANGE.fullmatch(m.group(0))
                else m.group(0)
            ),
            text,
        )
    if _ANY_HAN.search(text):
        text = _HAN_DATE.sub("[date]", text)
    if " at " in text.lower():
        text = _EMAIL_IN_WORDS.sub("[email]", text)
    if language not in ("zh", "ar"):
        text = rules.named_streets.sub(
            lambda m: (
                m.group("lead")
                + (
                    "[address]"
                    if not _named_street_is_a_place(m.group("street"), rules)
                    else m.group("street")
                )
            ),
            text,
        )
    text = rules.places.sub(set_aside, text)

    def place_in_context(m: re.Match[str]) -> str:
        place = m.group("place") or m.group("before") or m.group("county")
        places.append(place)
        return (m.group("lead") or "") + _PLACE_MARK.format(len(places) - 1)

    text = rules.places_in_context.sub(place_in_context, text)
    if language == "en" and not caseless:
        text = _SCHOOL_NAMED.sub(lambda m: _school_named(m, rules), text)
    text = _ARABIC_SERVANT.sub(PLACEHOLDER, text)

    def named(m: re.Match[str]) -> str:
        word = m.group("word")
        if word.lower() in rules.ordinary or word in _ARABIC_KIN_AFTER_ABU:
            return m.group(0)  # "her name is on the lease", "أبو ولادي" (my children's father)
        if m.group("kunya"):
            # "أبو خالد" is one name: both words go, an attached و or ف stays.
            kunya = m.group("kunya")
            return (kunya[0] if kunya[0] in "وف" else "") + PLACEHOLDER
        return m.group("named") + PLACEHOLDER

    text = _NAMED.sub(named, text)

    def titled(m: re.Match[str]) -> str:
        # Only the capitalised words after a title are a name: "Officer Diaz", but not the
        # "came" of "the officer came".
        words = m.group("name").split()
        if _role_word(words[0], rules) and m.string[m.end("name") :].lstrip().startswith(
            PLACEHOLDER
        ):
            return m.group(0)  # "Txiv Neeb [name]" read again: Neeb ends the title
        leading = 0
        while leading < len(words) and words[leading][0].isupper() and not caseless:
            # "Sarkaal Cabdi Booliska Minneapolis", "my advocate Maria Legal Aid": the name
            # ends at a role, agency or street word.
            if (
                words[leading].lower() not in rules.names  # "Thanh", "Nkauj": names too
                and _role_word(words[leading], rules)
                # first, only a role of its own: "Ông Tư" (the tư of tư vấn) is a name
                and (leading or words[leading].lower() not in rules.title_parts)
            ):
                break  # also first: "Hooyo Hoyga Haweenka" is mother and the shelter
            bare = words[leading].strip(".,;:!?")
            if len(bare) > 1 and bare.isupper() and bare.lower() not in rules.names:
                break  # "my mom called CPS": an agency's letters, not a name
            if leading and bare.lower() in rules.months:
                break  # "mi ex Jorge Marzo lo arrestaron": the month stays
            leading += 1
        if (
            len(words) == 1
            and words[0].islower()
            and f"{m.group('title').lower()} {words[0]}" in rules.titles
        ):
            # "mus cuag ib tug txiv neeb": with nothing after it, the word makes a longer
            # title with the one before (txiv neeb, a shaman), not a name.
            return m.group(0)
        if not leading and m.group("comma"):
            return m.group(0)  # "the officer, who…": after a comma only a capital marks a name
        if not leading:
            # Typed in lower case on a phone ("officer diaz", "thẩm phán tran van long",
            # "my ex mike's brother"): still a name if it is listed, and so are the listed
            # words after it, up to a possessive.
            listed = rules.lowercase.get(language) or rules.names
            while leading < len(words):
                word = words[leading].lower().strip(".")
                stem = _POSSESSIVE.sub("", word)
                # "ngô văn tài": after a Vietnamese middle name comes the given name,
                # whatever word it is.
                given_after_middle = (
                    language == "vi"
                    and leading
                    and words[leading - 1].lower() in rules.middle
                    and not _plain_word(word, rules, everyday)
                )
                # "jason r.": an initial after a listed name is more of it.
                initial = leading and len(stem) == 1 and words[leading].endswith(".")
                if (
                    stem not in listed
                    and not (leading and stem in rules.middle)
                    and not given_after_middle
                    and not initial
                ):
                    break
                if leading and word in stop_after_name:
                    break
                # "turjumaan ayaan u baahday" (an interpreter I needed): "ayaan" is ayaa + aan
                # there, unless a listed name follows ("dhakhtarad ayaan hirsi").
                if (
                    language == "so"
                    and word in everyday
                    and (leading + 1 >= len(words) or words[leading + 1].lower() not in listed)
                ):
                    break
                leading += 1
                if stem != word:
                    break
            first = words[0].lower()
            # "officer j. ramirez", "officer j ramirez": an initial, then a listed name.
            if (
                not leading
                and len(words) > 1
                and len(first.rstrip(".")) == 1
                and first[0].isalpha()
                and _POSSESSIVE.sub("", words[1].lower().strip(".")) in listed
            ):
                leading = 2
            # "kuv tus txiv nyiaj lis": in Hmong a given name and a clan name typed in lower
            # case, the clan name listed, the given name a word too.
            if (
                not leading
                and language == "hmn"
                and len(words) >= 2
                and (first in rules.family or words[1].lower() in rules.family)
                and not _plain_word(first, rules, everyday)
                and not _plain_word(words[1], rules, everyday)
            ):
                leading = 2
            # An honorific only ever comes before a name: "doña lucha", "ms okafor".
            if (
                not leading
                and m.group("title").lower().rstrip(".") in _HONORIFICS
                and first not in rules.ordinary
                and first not in rules.roles
            ):
                leading = 1
            # "mi suegra doña lucha": the honorific after a title, then the name.
            if (
                not leading
                and len(words) > 1
                and first.rstrip(".") in _HONORIFICS
                and words[1].lower() not in rules.ordinary
                and words[1].lower() not in rules.roles
            ):
                rest = " ".join(words[2:])
                named = f"{m.group('title')} {m.group('copula') or ''}{words[0]} {PLACEHOLDER}"
                return named + (f" {rest}" if rest else "")
            # "OFFICER KOWALCZYK ARRESTED ME": in capitals the word after a title is taken,
            # unless it is an ordinary word ("EL OFICIAL NO ME AYUDÓ").
            if (
                not leading
                and caseless
                and words[0][0].isupper()
                and first not in rules.ordinary
                and first not in rules.roles
                # "GARSOORAHA MAXKAMADA", "SARKAALKA ISNIINTA": a Somali word with its ending
                and not (language == "so" and _role_word(words[0], rules))
            ):
                leading = 1
            if not leading:
                return m.group(0)
        rest = " ".join(words[leading:])
        if rest:
            read_again.append(True)
        # Everything before the name stays as written ("Det. ", "the nurse, "), and so does
        # a possessive after it ("my ex [name]'s brother").
        owner = _POSSESSIVE.search(words[leading - 1])
        return (
            m.string[m.start() : m.start("name")]
            + PLACEHOLDER
            + (owner.group(0) if owner else "")
            + (f" {rest}" if rest else "")
        )

    read_again: list[bool] = []
    text = rules.titled.sub(titled, text)
    if read_again:
        # The words taken along after a name may hold another title ("my ex carlos and his
        # brother luis"): read the quote once more.
        text = rules.titled.sub(titled, text)
    if _ARABIC_WORD.search(text):
        text = _arabic_marked_names(text, rules)
    if rules.titled_arabic is not None:
        # One match at a time, so a title after a title is read as one ("ولد عمي بدر",
        # "حماي الحاج مصطفى"): a word after a title that is not taken is read again.
        pos = 0
        while m := rules.titled_arabic.search(text, pos):
            if _arabic_titled_name(m, rules, language):
                text = text[: m.start("name")] + PLACEHOLDER + text[m.end("name") :]
            pos = m.start("name")

    def arabic_name(m: re.Match[str]) -> str:
        # Only و, ف, ب or ل comes off a name standing alone ("وأحمد", "لريم"): a given name
        # takes no article, so "الحمد" (praise) is not حمد. Beside a name the article counts
        # (_is_name_part), where it marks a family name ("محمود الأحمد").
        word = m.group(0)
        bare = _ARABIC_CONJUNCTION.sub("", word)
        if _role_word(word, rules):
            return word  # "الخوري" before a name is the priest; after one, a family name
        if word in rules.arabic_names or (len(bare) > 2 and bare in rules.arabic_names):
            return PLACEHOLDER
        # "وليلى", "ولينا": و before a name that starts with ل ("وليد" is a name itself).
        if word[:1] in "وف" and len(word) > 4 and word[1:] in rules.arabic_names:
            return PLACEHOLDER
        return word

    text = _ARABIC_WORD.sub(arabic_name, text)
    if rules.han_names is not None and _ANY_HAN.search(text):
        text = rules.han_names.sub(
            lambda m: (m.group("zhtitle") or m.group("zhverb") or "") + PLACEHOLDER, text
        )

    def latin_name(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word[0].isupper():
            return word
        previous = text[: m.start()].split()[-1:]
        if previous and previous[0].lower() in _NOT_A_NAME_AFTER:
            return word
        if (
            language == "en"
            and not _POSSESSIVE.search(word)
            and _english_place_before(text[: m.start()])
        ):
            return word  # "she lives in Jackson", "drove to Madison": a city
        # "Tanya's mom": the name goes, the possessive stays.
        possessive = _POSSESSIVE.search(word)
        owner = possessive.group(0) if possessive else ""
        lower = (word[: possessive.start()] if possessive else word).lower()
        after = text[m.end() :]
        if (
            word.lower() in rules.roles
            and re.match(rf"\s+(?:\[name\]|{_UPPER})", after)
            # "Phan Thị Bích": a family name that is a role only inside a longer title
            # ("tham phan", a judge, typed without tones) is the family name.
            and not (
                word.lower() in rules.title_parts
                and word.lower() in rules.family
                and word.lower() not in everyday
                and not word.isupper()  # "HỒ SƠ", a file, typed in capitals
            )
        ):
            return word  # a title before a name ("Sheekh Yaasiin"), though also a family name
        if (
            language == "so"
            and word.lower() in rules.roles
            and not text[: m.start()].rstrip().endswith(PLACEHOLDER)
        ):
            return word  # "Sheekh ayaa yiri": the sheikh alone, a role, though also a family name
        if lower in rules.given or word.lower() in rules.given:
            # "Long ago…", "Mai tôi…" (tomorrow I…): an everyday word opening a sentence.
            before = text[: m.start()]
            if (
                (lower in everyday or word.lower() in everyday)
                and _SENTENCE_START.search(before)
                and not before.rstrip().endswith(PLACEHOLDER)
                and not re.match(rf"\s+{_UPPER}", after)
                # "Grace from the church prayed with me": someone from somewhere
                and not _FROM_SOMEWHERE.match(after)
            ):
                return word
            return PLACEHOLDER + owner
        if lower in rules.family or word.lower() in rules.family:
            before = text[: m.start()]
            beside_name = before.rstrip().endswith(PLACEHOLDER) or bool(
                re.match(r"\s+[A-ZÀ-ÖØ-ÞĀ-ſ]", after)
            )
            # A listed family name is a name, except at the start of a sentence when it is
            # also an everyday word ("Her husband…", "Long ago…").
            if beside_name or not _SENTENCE_START.search(before) or lower not in everyday:
                return PLACEHOLDER + owner
        return word

    # Two passes so "Maria Lopez" and "Lopez, Maria" both go, whichever is listed.
    for _pass in range(2):
        text = _CAPITALISED.sub(latin_name, text)
    text = _unmarked_names(text, rules, language, everyday, caseless)
    text = _merge_names(_REPEATS.sub(PLACEHOLDER, text), rules, language, caseless)
    if PLACEHOLDER in text and _ARABIC_WORD.search(text):
        text = _ARABIC_KIN_JOINED.sub(
            lambda m: (
                PLACEHOLDER + m.group("joined")
                if _is_name_part(m.group("word"), rules, language)
                and _role_word(m.group("kin")[1:], rules)
                else m.group(0)
            ),
            text,
        )
    if rules.han_after_name is not None and _ANY_HAN.search(text):
        text = rules.han_after_name.sub(PLACEHOLDER, text)
    # Notes by an advocate or a facilitator: initials, lists, speakers, "Name:" labels.
    text = _note_names(text, rules, language)
    # "Trương Mỹ Lan": a place word ("Mỹ", America) between two parts of a name is a name.
    text = _PLACE_IN_NAME.sub(PLACEHOLDER, text)
    if not caseless:
        # "Vaj [name] Xyooj" → "[name] Neeb [name]": a capitalised word between two parts of
        # one name is part of it, though it is also a role word (txiv neeb, a shaman).
        text = _WORD_IN_NAME.sub(
            lambda m: m.group(0) if m.group("word").lower() in rules.ordinary else PLACEHOLDER,
            text,
        )
    if language in _PLACE_MAY_BE_SURNAME and "\x00" in text:
        # "Judge Anne Lowell", "Carlos Durango": in English and Spanish a one-word city right
        # after a name may be the family name, and a piece of a name is worse than a lost
        # city ("Officer [name] Bloomington PD" keeps its city: a police department follows).
        text = _PLACE_AFTER_NAME.sub(
            lambda m: PLACEHOLDER if " " not in places[int(m.group(1))] else m.group(0), text
        )
    if not caseless:
        # "J. [name] was the officer": an initial right before a found name is part of it.
        text = _INITIAL_BEFORE_NAME.sub(PLACEHOLDER, text)
    text = _names_again(original, text, rules, language)
    text = _REPEATS.sub(PLACEHOLDER, text)
    return re.sub("\x00(\\d+)\x00", lambda m: places[int(m.group(1))], text)


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
