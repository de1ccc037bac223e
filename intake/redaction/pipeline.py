"""The order of the passes: ``redact`` (identifiers, places set aside, titles, listed names,
unmarked names, merging) and ``quote_text``; placeholders shown in the reader's language.

``redact`` is the list of passes, each a function here (or in the module whose job it is)
with a docstring saying what it finds and why it runs where it does; what they share (the
lists, the language, the places set aside) is one ``_Redaction``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from flask_babel import gettext

from .arabic import (
    _ARABIC_CONJUNCTION,
    _ARABIC_KIN_AFTER_ABU,
    _ARABIC_KIN_JOINED,
    _ARABIC_NISBA_OF_PLACE,
    _ARABIC_SERVANT,
    _ARABIC_WORD,
    _arabic_after_title,
    _arabic_marked_names,
    _arabizi_names,
)
from .chinese import _han_handles, _han_sub
from .context import _hmong_clans, _hmong_named, _hmong_names_alone
from .disguised import _disguised, _names_again
from .english import (
    _english_handles,
    _english_named,
    _english_particles,
    _english_place_before,
    _english_places_of_a_person,
)
from .identifiers import (
    _EMAIL,
    _HANDLE,
    _SCHOOL_NAMED,
    _identifiers,
    _identifiers_in_words,
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
    _vietnamese_full_names,
    _vietnamese_given_after_family,
    _vietnamese_keyed_names,
)
from .notes import _note_names
from .rules import _load, _load_places, _rules
from .somali import _SOMALI_AM_NOT
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
    _POSSESSIVES,
    _UPPER,
    PLACEHOLDER,
    _role_word,
)

if TYPE_CHECKING:
    from .rules import _Rules

_PLACE_MAY_BE_SURNAME = frozenset({"en", "es"})

# "her dad Kenya [name]": a one-word place between a title or kin word and a found name.
_PLACE_BEFORE_NAME = re.compile(r"(?<!\w)(?P<title>[^\W\d_]+) \x00(?P<place>\d+)\x00 (?=\[name\])")
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
    r"|magaceedu waa|(?:(?:first|last|full|real|sur)\s?)?name(?:\s+is|\s+was|'s|’s)|goes\s+by"
    r"|(?:su\s+)?(?:nombre|apellido)\s+es|(?:họ\s+)?tên\s+(?:của\s+)?(?:anh|chị|ông|bà)\s+(?:ta\s+)?là)"
    r"|اسمه|اسمها|يدعى|تدعى|(?P<kunya>[وف]?أبو|[وف]?ابو))\s+[\"“‘']?)(?P<word>(?!\[)\w+)"
)

_FROM_SOMEWHERE = re.compile(r"\s+(?i:from|at|with|de|con)\s+(?i:the|my|our|la|el|mi|los|las)\s")

_PLACE_MARK = "\x00{}\x00"

_ANY_LATIN = re.compile("[A-Za-z]")

_WORD_IN_NAME = re.compile(rf"\[name\] (?P<word>{_UPPER}[^\W\d_]+) \[name\]")

_PLACE_IN_NAME = re.compile(r"\[name\] \x00\d+\x00 \[name\]")

_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"“«]\s*)$")


@dataclass(slots=True)
class _Redaction:
    """What the passes of one ``redact`` call share: the lists, the language and what the
    text is like, and the places set aside meanwhile (each as its index in ``places`` between
    two NUL characters; they come back last)."""

    rules: _Rules
    language: str
    everyday: frozenset[str]
    caseless: bool
    # After a lower-case name, an English everyday word ("will", "long") is not more of it;
    # in Vietnamese and Hmong it is ("tran van long", "nou lee").
    stop_after_name: frozenset[str]
    places: list[str] = field(default_factory=list)
    # The text once its disguises are undone, before any pass: where ``_names_again`` looks
    # for a name found once.
    original: str = ""

    def set_aside(self, m: re.Match[str]) -> str:
        self.places.append(m.group(0))
        return _PLACE_MARK.format(len(self.places) - 1)


@lru_cache(maxsize=8)
def _title_words(language: str) -> frozenset[str]:
    """The words of the language's own titles ("dad", "officer", "tío"), less the words
    that open a phrase ("my", "his", "mi"): another language's title words include "to"
    and "y" (Vietnamese "cong to vien", "y tá")."""
    titles = _load().get(language, {}).get("titles_before", [])
    return frozenset(
        word for title in titles for word in title.lower().split() if word not in _POSSESSIVES
    )


def redact(text: str, language: str = "en") -> str:
    """``text`` with names and identifying details replaced by placeholders.

    The passes, in order: each one's docstring says what it finds and why it runs there.
    """
    # NUL marks the places set aside below ("\x00<n>\x00"): one typed by a respondent would be
    # read as such a mark (an IndexError on every page that quotes the answer), and it is
    # never part of what anyone wrote to be read.
    text = text.replace("\x00", "")
    rules = _rules()
    state = _Redaction(
        rules=rules,
        language=language,
        everyday=_EVERYDAY_BY_LANGUAGE.get(language, _EVERYDAY),
        caseless=_mostly_capitalised(text),
        stop_after_name=(
            frozenset() if language in ("vi", "hmn") else _EVERYDAY & (rules.ordinary | {"long"})
        ),
    )
    # Full-width letters, spaced e-mails, phones in pieces, numbers in words made plain first.
    state.original = text = _disguised(text, rules, language)
    if language == "vi" and not state.caseless:
        # A full name typed with Telex keys or VNI digits ("Traanf Vawn Hungf", "Tra62n Va8n
        # Hu2ng"), before the digits are read as a number's and the capitals as other names.
        text = _vietnamese_keyed_names(text, rules)
    text = _emails_handles_nicknames(text, state)
    text = _set_aside_han_places(text, state)
    text = _identifiers(text, rules, language)
    text = _identifiers_in_words(text, rules, language)
    if language == "en":
        text = _english_places_of_a_person(text)
    text = _set_aside_places(text, state)
    text = _names_by_their_form(text, state)
    text = _named(text, state)
    text = _titled_names(text, state)
    text = _arabic_titled_names(text, state)
    text = _arabic_listed_names(text, state)
    text = _han_names(text, state)
    text = _capitalised_names(text, state)
    text = _unmarked_names(text, rules, language, state.everyday, state.caseless)
    text = _merged_names(text, state)
    # Notes by an advocate or a facilitator: initials, lists, speakers, "Name:" labels.
    text = _note_names(text, rules, language)
    text = _words_around_names(text, state)
    return _places_back(text, state)


def _emails_handles_nicknames(text: str, state: _Redaction) -> str:
    """E-mail addresses, then handles ("@big_mike_215"), then nicknames after the words that
    mark one ("le dicen el Chino"): first, while every "@" and word is as written."""
    text = _EMAIL.sub("[email]", text)
    if "@" in text:
        text = _HANDLE.sub(PLACEHOLDER, text)
    if state.language == "en":
        text = _english_handles(text)  # "facebook.com/jay.smith88", "his IG is jsmith_88"
    elif state.language == "zh":
        text = _han_handles(text, state.rules)  # "微信号 liuqiang_1988", "叫kevin"
    return _nicknames(text, state.rules, state.language)


def _set_aside_han_places(text: str, state: _Redaction) -> str:
    """Chinese cities set aside before the identifiers are read (the other places after)."""
    # Cities that contain a listed name ("Hồ Chí Minh", "San José") are set aside meanwhile;
    # Chinese ones before addresses too, so "法拉盛缅街41号" keeps its 法拉盛.
    if state.rules.han_places is not None and _ANY_HAN.search(text):
        text = _han_sub(state.rules.han_places, text, state.set_aside)  # "奧克蘭" as "奥克兰"
    return text


_SCHOOL_AFTER_PLACE = re.compile(r" (?:High|Middle|Elementary|Academy|Intermediate|Montessori)\b")


def _set_aside_places(text: str, state: _Redaction) -> str:
    """Cities, regions and counties set aside, once the addresses (which hold street and city
    names) are gone and before any name is looked for: a city that contains a name ("San
    José") stays whole, and a place that is also a name ("Jordan") only after "in", "moved
    to"… or before County/PD."""
    # Chinese words set aside are read in the simplified copy ("小時候" as "小时候").
    text = _han_sub(state.rules.places, text, state.set_aside)
    places = state.places

    def place_in_context(m: re.Match[str]) -> str:
        if state.language == "en" and _SCHOOL_AFTER_PLACE.match(m.string, m.end()):
            # "we went to Lincoln Middle School": a place that is also a name, before a
            # school's word, is the person the school is named for (``_SCHOOL_NAMED``).
            return m.group(0)
        place = m.group("place") or m.group("before") or m.group("county")
        places.append(place)
        return (m.group("lead") or "") + _PLACE_MARK.format(len(places) - 1)

    return state.rules.places_in_context.sub(place_in_context, text)


def _names_by_their_form(text: str, state: _Redaction) -> str:
    """Names no list holds but their form shows: an English school named for a person
    ("Roosevelt High"), then an Arabic "عبد ال…" (servant of…), before the titles and lists
    could take a part of them."""
    if state.language == "en" and not state.caseless:
        text = _SCHOOL_NAMED.sub(lambda m: _school_named(m, state.rules), text)
    return _ARABIC_SERVANT.sub(PLACEHOLDER, text)


def _named(text: str, state: _Redaction) -> str:
    """The word after "named", "her last name is", "se llama", "اسمه"… or a kunya ("أبو علي"):
    a name whatever its case, so it runs before the titles and capitals are read."""
    rules = state.rules

    def named(m: re.Match[str]) -> str:
        word = m.group("word")
        if (
            (
                word.lower() in rules.ordinary
                and not (state.language == "en" and _english_named(word))
            )
            or word in _ARABIC_KIN_AFTER_ABU
            # "اسمه الحقيقي" (his real name): a word with the article, no listed name (a
            # kunya takes one: "أبو العبد")
            or (
                not m.group("kunya")
                and _ARABIC_WORD.fullmatch(word) is not None
                and word.startswith("ال")
                and word not in rules.arabic_names
            )
            # "الشرطي اسمه Officer Brown": a title, read with its name by the titles
            or (
                word[:1].isupper()
                and word.lower() in rules.titles
                and word.lower() not in rules.names  # "tên nó là Anh": Anh is a name too
            )
        ):
            return m.group(0)  # "her name is on the lease", "أبو ولادي" (my children's father)
        if m.group("kunya"):
            # "أبو خالد" is one name: both words go, an attached و or ف stays.
            kunya = m.group("kunya")
            return (kunya[0] if kunya[0] in "وف" else "") + PLACEHOLDER
        return m.group("named") + PLACEHOLDER

    return _NAMED.sub(named, text)


def _titled_names(text: str, state: _Redaction) -> str:
    """A title or role word and the name after it ("Officer Diaz", "bác sĩ Lan", "my ex
    mike's brother"), before the capitalised-name passes, so the title's own capital is not
    read as a name and a name in lower case is still found after its title."""
    read_again: list[bool] = []
    text = _each_title(text, state, read_again)
    if read_again:
        # The words taken along after a name may hold another title ("my ex carlos and his
        # brother luis"): read the quote once more.
        text = _each_title(text, state, read_again)
    return text


def _each_title(text: str, state: _Redaction, read_again: list[bool]) -> str:
    """Every title and its name, left to right; a title that takes no name leaves the words
    after it to be read for a title of their own: in Vietnamese "chi hai nam roi chong toi la
    vinh" (after chị, "two years", then "chong toi la vinh", my husband is Vinh), elsewhere
    only a title that starts them."""
    titled = state.rules.titled
    parts: list[str] = []
    done = at = 0
    while m := titled.search(text, at):
        new = _titled(m, state, read_again)
        if new == m.group(0):
            # A title that took nothing lets its words be read again: in Vietnamese all of
            # them; elsewhere a second title right after it ("the detective, Det. Morrison",
            # "his officer, Officer Bright": the comma's rule gave the first one nothing).
            # In English also a title among its words ("HIS LAWYER IS MS. FEINSTEIN").
            inner = titled.search(text, m.start("name")) if state.language == "en" else None
            if state.language == "vi" or titled.match(text, m.start("name")):
                at = m.start("name")
            elif inner is not None and inner.start() < m.end():
                at = inner.start()
            else:
                at = m.end()
            continue
        parts += [text[done : m.start()], new]
        done = at = m.end()
    return "".join(parts) + text[done:] if parts else text


_BROKEN_AT_A_LINE = re.compile(r"-[ \t]*\n[ \t]*(?=[^\W\d_])")
# Letters typed for a word ("n" and, "r" are, "u" you, "w" with, "b" be, "c" see, "k" ok,
# "y" why, "x" times, "s" a possessive without its apostrophe: "my mom s boyfriend"): not an
# initial after a title.
_LETTERS_THAT_ARE_WORDS = frozenset("ainruwbckyxos")
# A capitalised word or a placeholder right before "Sr.": the name it ends.
_AFTER_A_NAME = re.compile(r"(?:\[name\]|(?<![\w'’.-])[A-Z][\w'’-]*[a-z][\w'’-]*) $")


def _titled(m: re.Match[str], state: _Redaction, read_again: list[bool]) -> str:
    """One title and the words after it: the name goes, the title and the rest stay; a rest
    after a name is noted in ``read_again``."""
    rules = state.rules
    language = state.language
    caseless = state.caseless
    # Only the capitalised words after a title are a name: "Officer Diaz", but not the
    # "came" of "the officer came".
    # "my ex Cornelius Brad-\nshaw": a name broken at a line's end is one word.
    words = _BROKEN_AT_A_LINE.sub("-", m.group("name")).split()
    if m.group("title").lower().rstrip(".") == "sr" and _AFTER_A_NAME.search(
        m.string[max(0, m.start() - 40) : m.start()]
    ):
        return m.group(0)  # (english7) "Marcus Johnson Sr. threatened me": a suffix, no title
    dot = m.end("title")
    if (
        m.string.startswith(".", dot)
        and words[0].lower() in rules.ordinary
        and m.string[m.end("title") - 1 : m.end("title")].isalpha()
    ):
        # "la policía. La licenciada Xiomara": the full stop ends a sentence, and the word
        # after it opens the next (an abbreviation's point comes before a name: "Det. Ruiz");
        # the rest is read on its own.
        rest = m.string[dot + 1 : m.end()]
        return m.string[m.start() : dot + 1] + state.rules.titled.sub(
            lambda again: _titled(again, state, read_again), rest
        )
    if _role_word(words[0], rules) and m.string[m.end("name") :].lstrip().startswith(PLACEHOLDER):
        return m.group(0)  # "Txiv Neeb [name]" read again: Neeb ends the title
    leading = _capitalised_after_title(words, state, m.group("title"))
    if (
        len(words) == 1
        # "Tub Ceev Xwm" capitalised as the title before it is, not "txiv Neeb"
        and (words[0].islower() or (m.group("title")[:1].isupper() and not caseless))
        and f"{m.group('title').lower()} {words[0].lower()}" in rules.titles
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
        leading = _lower_case_after_title(m, words, state)
        first = words[0].lower()
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
            return _after_the_first_word(m, state, read_again)
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


def _after_the_first_word(m: re.Match[str], state: _Redaction, read_again: list[bool]) -> str:
    """No name after a title: when an honorific follows its first word (in Vietnamese and
    Hmong, any title), the words it took along are read for a title of their own ("xib fwb
    yog mrs vue": the teacher is Mrs Vue; "Mẹ chồng tôi bà Sáu": my mother-in-law, Mrs Sáu)."""
    start = m.start("name")
    first, *more = m.string[start : m.end()].split()
    if not more:
        return m.group(0)
    second = more[0].lower().rstrip(".")
    if second not in _HONORIFICS and not (
        state.language in ("vi", "hmn") and second in state.rules.titles
    ):
        return m.group(0)
    rest = m.string[start + len(first) : m.end()]
    return m.string[m.start() : start + len(first)] + state.rules.titled.sub(
        lambda again: _titled(again, state, read_again), rest
    )


def _lower_case_after_title(m: re.Match[str], words: list[str], state: _Redaction) -> int:
    """How many of the words after a title are a name typed in lower case: listed words, an
    initial and a listed name, a Hmong given and clan name, or (after an honorific) a word
    that is neither an ordinary word nor a role."""
    rules = state.rules
    language = state.language
    listed = rules.lowercase.get(language) or rules.names
    leading = _listed_after_title(words, listed, state)
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
    # (english7) "coach t at the school", "ms j helped me": an initial alone in lower case,
    # but not a letter that is a word typed short ("my mom n dad", "my kids r ok", "w his dad")
    if (
        not leading
        and language == "en"
        and len(first) == 1
        and first.isalpha()
        and first not in _LETTERS_THAT_ARE_WORDS
        and not (len(words) > 1 and words[1][:1].isupper())  # "caseworker t Officer Diaz"
    ):
        leading = 1
    # "kuv tus txiv nyiaj lis": in Hmong a given name and a clan name typed in lower
    # case, the clan name listed, the given name a word too.
    if (
        not leading
        and language == "hmn"
        and len(words) >= 2
        and (first in rules.family or words[1].lower() in rules.family)
        and not _plain_word(first, rules, state.everyday)
        and not _plain_word(words[1], rules, state.everyday)
    ):
        leading = 2
    # "nws tus txiv tswv xyooj": a given name that is also part of a role (tswv, of "kws pab
    # tswv yim"), then a listed clan name: a name all the same.
    if (
        not leading
        and language == "hmn"
        and len(words) >= 2
        and words[0].islower()  # typed in lower case: "Officer Moua" is a title and a name
        and words[1].islower()
        and words[1] in _hmong_clans()
        and first in rules.roles
        and first not in rules.ordinary
        # "tus txiv neeb xyooj" is the shaman Xyooj: txiv neeb is a title of its own
        and f"{m.group('title').lower().split()[-1]} {first}" not in rules.titles
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
    return leading


# Kin and other people's words that are never a role: after one, a role word with no
# capitalised word after it is the person's name ("my son Judge was there", "my son Justice
# is 4"), where after "Officer" or "my advocate" it would be a second title ("my brother
# Officer Smith").
_KIN_BEFORE_A_NAME = frozenset(
    {"son", "daughter", "kid", "child", "baby", "brother", "sister", "bro", "sis", "mom",
     "mother", "dad", "father", "aunt", "auntie", "uncle", "cousin", "niece", "nephew",
     "grandma", "grandpa", "grandmother", "grandfather", "grandson", "granddaughter",
     "stepson", "stepdaughter", "twin", "wife", "husband", "ex", "boyfriend", "girlfriend",
     "bf", "gf", "friend", "neighbor", "neighbour", "oldest", "youngest"}
)  # fmt: skip


def _capitalised_after_title(words: list[str], state: _Redaction, title: str = "") -> int:
    """How many of the words after a title are a capitalised name (none in a text typed in
    capitals)."""
    rules = state.rules
    leading = 0
    kin = title.lower().split()[-1:] and title.lower().split()[-1] in _KIN_BEFORE_A_NAME
    while leading < len(words) and words[leading][0].isupper() and not state.caseless:
        # "Sarkaal Cabdi Booliska Minneapolis", "my advocate Maria Legal Aid": the name
        # ends at a role, agency or street word.
        if (
            words[leading].lower() not in rules.names  # "Thanh", "Nkauj": names too
            and _role_word(words[leading], rules)
            # first, only a role of its own: "Ông Tư" (the tư of tư vấn) is a name
            and (leading or words[leading].lower() not in rules.title_parts)
            # "my son Judge was there": after kin, a role alone is the name
            and not (
                kin
                and state.language == "en"
                and not leading
                and words[0].isalpha()
                and not (len(words) > 1 and words[1][:1].isupper())
                and not words[0].isupper()
            )
        ):
            break  # also first: "Hooyo Hoyga Haweenka" is mother and the shelter
        bare = words[leading].strip(".,;:!?")
        if len(bare) > 1 and bare.isupper() and bare.lower() not in rules.names:
            break  # "my mom called CPS": an agency's letters, not a name
        if leading and bare.lower() in rules.months:
            break  # "mi ex Jorge Marzo lo arrestaron": the month stays
        leading += 1
    return leading


def _listed_after_title(words: list[str], listed: frozenset[str], state: _Redaction) -> int:
    """How many of the lower-case words after a title are a listed name (with its middle
    names and an initial), up to a possessive."""
    rules = state.rules
    language = state.language
    everyday = state.everyday
    leading = 0
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
        # A middle name follows a family name (or another middle name): "tran van binh",
        # but in "huy thi van goi" (Huy still calls) thi and van are the words thì and vẫn.
        previous = words[leading - 1].lower().strip(".") if leading else ""
        middle = (
            leading
            and stem in rules.middle
            and (language != "vi" or previous in rules.family or previous in rules.middle)
        )
        if stem not in listed and not middle and not given_after_middle and not initial:
            break
        if leading and word in state.stop_after_name:
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
    return leading


def _arabic_titled_names(text: str, state: _Redaction) -> str:
    """Arabic names marked by the words before them, then a listed name after an Arabic title
    ("الضابط أحمد"), once the Latin titles are done."""
    rules = state.rules
    if state.language == "ar" and _ANY_LATIN.search(text):
        text = _arabizi_names(text)  # "jozi mahmoud", "a5ooh 3adel"
    if _ARABIC_WORD.search(text):
        text = _arabic_marked_names(text, rules)
    if rules.titled_arabic is not None:
        # One match at a time, so a title after a title is read as one ("ولد عمي بدر",
        # "حماي الحاج مصطفى"): a word after a title that is not taken is read again.
        pos = 0
        while m := rules.titled_arabic.search(text, pos):
            if _arabic_titled_name(m, rules, state.language):
                text = text[: m.start("name")] + PLACEHOLDER + text[m.end("name") :]
            pos = m.start("name")
    return text


def _arabic_listed_names(text: str, state: _Redaction) -> str:
    """Listed Arabic names standing alone, with a و, ف, ب or ل joined to them."""
    rules = state.rules

    def arabic_name(m: re.Match[str]) -> str:
        # Only و, ف, ب or ل comes off a name standing alone ("وأحمد", "لريم"): a given name
        # takes no article, so "الحمد" (praise) is not حمد. Beside a name the article counts
        # (_is_name_part), where it marks a family name ("محمود الأحمد").
        word = m.group(0)
        bare = _ARABIC_CONJUNCTION.sub("", word)
        if _role_word(word, rules):
            return word  # "الخوري" before a name is the priest; after one, a family name
        if word in _ARABIC_NISBA_OF_PLACE and _arabic_after_title(m.string[: m.start()], rules):
            return word  # "الضابط العراقي", "جوزي المصري": the Iraqi officer, my Egyptian husband
        if word in rules.arabic_names or (len(bare) > 2 and bare in rules.arabic_names):
            return PLACEHOLDER
        # "وليلى", "ولينا": و before a name that starts with ل ("وليد" is a name itself).
        if word[:1] in "وف" and len(word) > 4 and word[1:] in rules.arabic_names:
            return PLACEHOLDER
        return word

    return _ARABIC_WORD.sub(arabic_name, text)


def _han_names(text: str, state: _Redaction) -> str:
    """Chinese names: a surname beside a title, after 叫/姓, or before a verb ("张伟说");
    the title or verb stays."""
    if state.rules.han_names is not None and _ANY_HAN.search(text):
        text = _han_sub(
            state.rules.han_names,
            text,
            lambda m: (
                (m.group("zhtitle") or m.group("zhverb") or m.group("zhlatin") or "") + PLACEHOLDER
            ),
        )
    return text


def _capitalised_names(text: str, state: _Redaction) -> str:
    """Capitalised listed names: given names anywhere (but an everyday word opening a
    sentence), family names beside another name or inside a sentence. After the titles: the
    names a title marks are placeholders by now, which a family name beside one reads."""
    if state.language == "vi" and not state.caseless:
        text = _vietnamese_given_after_family(text, state.rules)  # "Nguyễn Du"
    # Two passes so "Maria Lopez" and "Lopez, Maria" both go, whichever is listed.
    for _pass in range(2):
        text = _CAPITALISED.sub(lambda m: _latin_name(m, state), text)
    if state.language == "hmn" and not state.caseless:
        text = _hmong_names_alone(text, state.rules)  # "puas yog Npib?"
    if state.language == "hmn":
        text = _hmong_named(text, state.rules)  # "hu ua kaos", "hu ua [name] ntaub"
    if state.language == "vi" and not state.caseless:
        text = _vietnamese_full_names(text, state.rules)  # "Trịnh Văn Tài"
    return text


@lru_cache(maxsize=1)
def _places_that_are_names() -> frozenset[str]:
    return frozenset(p.lower() for p in _load_places()["also_names"])


def _given_only(word: str, rules: _Rules) -> bool:
    """A listed given name that is no family name and no place that is also a name: "Keisha",
    not "Jackson", "Madison" or "Charlotte" (families and towns are named alike)."""
    lower = word.lower()
    return (
        lower in rules.given
        and lower not in rules.family
        and lower not in _places_that_are_names()
        and not rules.places.fullmatch(word)
    )


def _latin_name(m: re.Match[str], state: _Redaction) -> str:
    """One capitalised word: a placeholder (its possessive kept) if it is a listed given or
    family name where a name can stand, else the word as written."""
    rules = state.rules
    language = state.language
    everyday = state.everyday
    text = m.string
    word = m.group(0)
    if not word[0].isupper():
        return word
    previous = text[: m.start()].split()[-1:]
    if previous and previous[0].lower() in _NOT_A_NAME_AFTER:
        return word
    if (
        language == "en"
        and not _POSSESSIVE.search(word)
        and _english_place_before(text[: m.start()], _given_only(word, rules))
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
        if language == "so" and _SOMALI_AM_NOT.match(after):
            return word  # "Hodan ma ihi": I am not rich
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


def _merged_names(text: str, state: _Redaction) -> str:
    """Parts of one name joined into one placeholder, with the words between them ("de los",
    "bin", "Văn"); then an Arabic kinship word joined to a found name, and a Chinese given
    name after a found surname: once every part has been found."""
    rules = state.rules
    language = state.language
    text = _merge_names(_REPEATS.sub(PLACEHOLDER, text), rules, language, state.caseless)
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
        text = _han_sub(rules.han_after_name, text, PLACEHOLDER)
    return text


def _words_around_names(text: str, state: _Redaction) -> str:
    """The last clean-ups, when every name has been found: a word, a place or an initial
    caught between or beside parts of a name is part of it; repeated placeholders become
    one. The places are still set aside here, so a place beside a name can be told."""
    rules = state.rules
    # "Trương Mỹ Lan": a place word ("Mỹ", America) between two parts of a name is a name.
    text = _PLACE_IN_NAME.sub(PLACEHOLDER, text)
    if not state.caseless:
        # "Vaj [name] Xyooj" → "[name] Neeb [name]": a capitalised word between two parts of
        # one name is part of it, though it is also a role word (txiv neeb, a shaman).
        text = _WORD_IN_NAME.sub(
            lambda m: m.group(0) if m.group("word").lower() in rules.ordinary else PLACEHOLDER,
            text,
        )
    if state.language in _PLACE_MAY_BE_SURNAME and "\x00" in text:
        # "Judge Anne Lowell", "Carlos Durango": in English and Spanish a one-word city right
        # after a name may be the family name, and a piece of a name is worse than a lost
        # city ("Officer [name] Bloomington PD" keeps its city: a police department follows).
        places = state.places
        text = _PLACE_AFTER_NAME.sub(
            lambda m: PLACEHOLDER if " " not in places[int(m.group(1))] else m.group(0), text
        )
        # "her dad Kenya Brooks", "mi tío Durango Pérez": after a title or a kin word, the
        # place right before a found name is its given name.
        text = _PLACE_BEFORE_NAME.sub(
            lambda m: (
                f"{m.group('title')} {PLACEHOLDER} "
                if m.group("title").lower() in _title_words(state.language)
                and " " not in places[int(m.group("place"))]
                else m.group(0)
            ),
            text,
        )
    if not state.caseless:
        # "J. [name] was the officer": an initial right before a found name is part of it.
        text = _INITIAL_BEFORE_NAME.sub(PLACEHOLDER, text)
    if state.language == "en":
        text = _english_particles(text)  # "Ms. de la [name]"
    # A word taken for a name once goes wherever else it stands ("Officer Diaz… then Diaz").
    text = _names_again(state.original, text, state.rules, state.language, state.places)
    return _REPEATS.sub(PLACEHOLDER, text)


def _places_back(text: str, state: _Redaction) -> str:
    """The places set aside put back as written."""
    places = state.places
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
