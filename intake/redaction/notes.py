"""Names in the shapes of notes: what advocates type for someone and facilitators record at a
listening session ("P2 (Hodan) said…", "Participantes: Norma/Alicia/Rocío", "Lupe: la
policía nunca vino. / Facilitadora: ¿y después? / Marisol: …", "Nombre: …", "J.M.R.").

Each shape marks a person by its place, so a word the lists do not hold still goes:

- initials with their points standing alone ("J.M.R.", "ن.ع."), unless the letters are an
  agency's or an abbreviation ("U.S.", "P.O.", "C.P.S.": ``initials_not_names``);
- a word in a list joined by slashes (or "、") where another item is a found name;
- a speaker's label in a transcript where another speaker is a found name;
- the words after a name label ("Name:", "Nombre:", "Magaca:", "Tên:", "Npe:", "الاسم:",
  "姓名" and its colon);
- a capitalised word in parentheses or quotation marks right after a word for a person
  ("el ex (Wilmer)", "chồng "Bi"", "tus hluas nraug "Boo"") or a participant code ("P2
  (Hodan)");
- in Chinese, a surname and one or two characters standing alone in a "、" list, in
  parentheses or after the label 姓名 ("赵丽、孙梅、周燕", 丈夫 then 张伟 in parentheses);
- around a found name (``_around_names``): a nickname inside it and the word after ("Marcus
  'Scoot' Lyle"), one letter with its point after it ("Chong T."), a person word's field
  ("pareja: Ulises M. /"); in Somali, Vietnamese and Hmong a capital after a kin word
  ("walaalkeed Siciid", "con trai Khôi", "tus tub Xab") or before a verb of saying
  (``reported_speech``: "waxay sheegtay", "nói", "hais tias").

Participant codes ("P2", "Participante 2") and the words for the people in a session
("facilitator", "الميسرة", ``note_roles`` in ``intake/data/redaction.json``) are no names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .arabic import _ARABIC_WORD
from .chinese import _HAN_NUMERAL, _ZH_NOT_IN_NAME
from .english import _english_dictionary
from .names import _english_word, _mostly_capitalised
from .rules import _load
from .spanish import _spanish_word
from .words import (
    _BEFORE_A_PLACE,
    _HAN,
    _INSTITUTIONS,
    _LATIN_LETTER,
    _PLACE_AFTER,
    _PLACE_AFTER_COUNTY,
    _POSSESSIVE,
    _SOMALI_ENDING,
    _SOMALI_POSSESSIVE,
    _UPPER,
    PLACEHOLDER,
    _alternation,
    _role_word,
)

if TYPE_CHECKING:
    from .rules import _Rules

_ARABIC_LETTER = r"[\u0621-\u064a]"

# "J.M.R.", "L. T.", "ن.ع.": two to four letters, each with its point.
_INITIALS = re.compile(
    rf"(?<![\w.])(?:(?:{_UPPER}\.\s?){{1,3}}{_UPPER}\.|(?:{_ARABIC_LETTER}\.\s?){{1,3}}{_ARABIC_LETTER}\.)"
    r"(?!\w)"
)

# A word of a spaced script, or a found name.
_ITEM = rf"(?:\[name\]|(?:{_LATIN_LETTER}|[\u0600-\u06ff])(?:{_LATIN_LETTER}|[\u0600-\u06ff'’-])*)"

# "Hodan/Amina/Sahra", "سلمى/رنا/نور": items of one word joined by slashes.
# Slashes with spaces around them part the fields of a note ("Name: … / DOB … / age 41").
_SLASH_LIST = re.compile(rf"(?<![\w/])({_ITEM})(?:[/／、]({_ITEM}))+(?![\w/])")
_PLACES_AFTER_LIST = re.compile(rf"\s+(?i:{_PLACE_AFTER}|{_PLACE_AFTER_COUNTY}|counties)(?!\w)")
_SLASH_ITEM = re.compile(rf"[/／、]|{_ITEM}")

# A speaker's label: one or two words and a colon, first in the quote, after a slash, a line
# break or the end of a sentence.
_SPEAKER = re.compile(
    rf"(?:^|(?<=[\n/／]))\s*(?P<label>{_ITEM}(?: {_ITEM})?)\s*[:：]\s"
    rf"|(?<=[.?!؟。？！] )(?P<label2>{_ITEM}(?: {_ITEM})?)[:：]\s"
)

# A capitalised word or two in parentheses or quotation marks, after the word before it.
_ENCLOSED = re.compile(
    rf"(?P<before>[^\s(\"“«]+)\s*(?:(?i:el|la|the)\s+)?"
    rf"(?P<open>[(（\"“«])(?:(?i:el|la|the)\s+)?(?P<words>{_ITEM}(?: {_ITEM})?)(?P<close>[)）\"”»])"
)

# A participant's code: "P2", "P#4", "R12".
_CODE = re.compile(r"[A-Z]{1,2}#?\d{1,3}")

# "Marcus 'Scoot' Lyle": a nickname in quotation marks inside a name, and the word after it.
_NICKNAME_IN_NAME = re.compile(
    rf"\[name\] ['‘\"“](?P<nick>{_ITEM}(?: {_ITEM})?)['’\"”] (?P<last>{_UPPER}[\w'’-]+|\[name\])"
)

# "Chong T.", "وسيم ح.": one letter with its point after a found name is more of it.
_INITIAL_AFTER_NAME = re.compile(rf"\[name\] (?:(?!I\.){_UPPER}|{_ARABIC_LETTER})\.(?!\w)")

# "pareja: Ulises M.", "tus txiv qub: Chong T.", "الزوج: وسيم": a word for a person, a colon,
# then the person's name.
# Only a whole field: the name, perhaps an initial, then a slash, a comma or the end.
_ROLE_LABEL = re.compile(
    rf"(?P<role>(?<![\w\[])[^\W\d_]+)[:：] (?P<words>{_ITEM}(?: {_ITEM}){{0,3}})"
    rf"(?: {_UPPER}\.)?(?=\s*(?:[/／|;,(（\n]|$))"
)

# "con trai Khôi", "nws tus tub Xab", "walaalkeed Siciid": in these languages a kin or role
# word has more forms than a title list holds; a capital after one, inside a sentence, is a
# name.
_ROLE_THEN_CAPITAL = re.compile(
    rf"(?P<role>(?<![\w\[])[^\W\d_]+) (?P<word>{_UPPER}[^\W\d_]*(?:['’-][^\W\d_]+)?)(?![\w.])"
)
_ROLE_THEN_CAPITAL_LANGUAGES = frozenset({"so", "vi", "hmn"})

_ZH_NAME_CHAR = rf"(?:(?![{_ZH_NOT_IN_NAME}{_HAN_NUMERAL}末])[{_HAN}])"


@lru_cache(maxsize=1)
def _note_words() -> tuple[
    frozenset[str], re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None
]:
    """The abbreviations that are no initials, the name labels, and the Chinese name shapes."""
    data = _load()

    def every(key: str) -> list[str]:
        return [w for lang in data.values() for w in lang.get(key, [])]

    not_initials = frozenset(w.replace(".", "").lower() for w in every("initials_not_names"))
    labels = re.compile(
        rf"(?<!\w)(?P<label>(?i:{_alternation(every('name_labels'))}))\s*[:：]\s*"
        rf"(?P<words>(?:{_ITEM})(?: (?:{_ITEM})){{0,3}})"
    )
    speech = [w for w in every("reported_speech")]
    said = (
        re.compile(rf"(?P<word>(?<![\w\[]){_UPPER}[^\W\d_]*) (?=(?i:{_alternation(speech)})(?!\w))")
        if speech
        else None
    )
    family = data.get("zh", {}).get("family_names", [])
    han = None
    if family:
        single = "".join(re.escape(s) for s in family if len(s) == 1)
        surname = rf"(?:{_alternation(s for s in family if len(s) > 1)}|[{single}])"
        item = rf"{surname}{_ZH_NAME_CHAR}{{1,2}}"
        han = re.compile(
            # "赵丽、孙梅、周燕": two or more, each standing alone between the marks of a list
            rf"(?P<list>(?<![{_HAN}])(?:{item}|\[name\])(?:、(?:{item}|\[name\]))+"
            rf"(?:(?![{_HAN}])|(?=[{_ZH_NOT_IN_NAME}])))"
            # 张伟 in parentheses, after 丈夫
            rf"|(?<=[（(]){item}(?=[）)])"
            # 陈美玲 after 姓名 and its colon
            rf"|(?<=姓名：)(?:{item})(?![{_HAN}])|(?<=姓名:)(?:{item})(?![{_HAN}])"
            rf"|(?<=名字：)(?:{item})(?![{_HAN}])"
        )
    return not_initials, labels, han, said


def _is_person_word(word: str, rules: _Rules) -> bool:
    """A word that may stand in a name's place: no role, stop, month or agency word."""
    bare = word.strip(".,;:!?'’\"")
    lower = bare.lower()
    if not bare or bare.startswith("[") or any(c.isdigit() for c in bare):
        return False
    if lower in rules.ordinary or lower in rules.months or _role_word(bare, rules):
        return lower in rules.names and lower not in rules.months
    if _ARABIC_WORD.match(bare):
        return bare not in rules.arabic_ordinary
    # An agency's letters ("CPS/ICE") or a word in lower case is no name here.
    return bare[0].isupper() and not (len(bare) > 1 and bare.isupper())


def _unfound_name(word: str, rules: _Rules) -> bool:
    """In a slash list none of whose items is a found name ("Tawni/Breelyn/Kaysha",
    "Npib/Tswb/Ntxawg"): a capitalised Latin word that is a listed name, or no common English
    or Spanish word ("Mom/Dad", "Lunes/Martes", "Spanish/English" stay), nor Arabic."""
    stem = _POSSESSIVE.sub("", word)
    if _ARABIC_WORD.match(stem) or not _is_person_word(stem, rules):
        return False
    lower = stem.lower()
    return lower in rules.names or not (_english_word(lower) or _spanish_word(stem, rare=True))


# The letters left after a found name's first initial ("my ex [name]D.", the title rule
# having taken the "A." of "A.D."): the rest of the same initials.
_INITIALS_AFTER_PLACEHOLDER = re.compile(rf"(?<={re.escape(PLACEHOLDER)})(?:{_UPPER}\.)+(?!\w)")

# Letters that are an hour or an era beside a number ("5 P.M.", "500 A.D.", "A.D. 70") and
# a person's initials elsewhere ("sorry, A.D. then"); "in the A.M." stays too.
_HOUR_OR_ERA = frozenset({"am", "pm", "ad", "bc"})
_NUMBER_OR_THE_BEFORE = re.compile(r"(?:\d|\b(?:the|this|in|of))\W{0,3}$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"^\W{0,3}\d")


def _initials(text: str, rules: _Rules, language: str = "en") -> str:
    not_initials = _note_words()[0]

    def initials(m: re.Match[str]) -> str:
        letters = re.sub(r"[.\s]", "", m.group(0)).lower()
        if letters in _HOUR_OR_ERA and language == "en":
            before = m.string[max(0, m.start() - 8) : m.start()]
            if _NUMBER_OR_THE_BEFORE.search(before) or _NUMBER_AFTER.match(m.string[m.end() :]):
                return m.group(0)
            return PLACEHOLDER
        if letters in not_initials or _role_word(letters, rules):
            return m.group(0)  # "U.S.", "C.P.S.": a country's or an agency's letters
        return PLACEHOLDER

    text = _INITIALS_AFTER_PLACEHOLDER.sub("", text)
    return _INITIALS.sub(initials, text)


def _slash_lists(text: str, rules: _Rules) -> str:
    def listed(m: re.Match[str]) -> str:
        parts = _SLASH_ITEM.findall(m.group(0))
        items = [p for p in parts if p not in ("/", "／", "、")]
        if (
            PLACEHOLDER not in items
            and (
                not all(_unfound_name(p, rules) for p in items)
                # "Hennepin/Ramsey county", "in Eagan/Burnsville": places
                or _PLACES_AFTER_LIST.match(m.string, m.end())
                or (m.string[: m.start()].split() or [""])[-1].lower() in _BEFORE_A_PLACE
            )
        ):
            return m.group(0)
        out = []
        for p in parts:
            stem = _POSSESSIVE.sub("", p)
            if p in items and p != PLACEHOLDER and _is_person_word(stem, rules):
                p = PLACEHOLDER + p[len(stem) :]  # "Nour's": the possessive stays
            out.append(p)
        return "".join(out)

    return _SLASH_LIST.sub(listed, text)


def _speakers(text: str, rules: _Rules) -> str:
    labels = [m for m in _SPEAKER.finditer(text)]
    if len(labels) < 2 or not any(
        (m.group("label") or m.group("label2")) == PLACEHOLDER for m in labels
    ):
        return text
    for m in reversed(labels):
        group = "label" if m.group("label") else "label2"
        words = m.group(group).split()
        if PLACEHOLDER in words or not all(_is_person_word(w, rules) for w in words):
            continue
        if len(words[0]) < 2:
            continue  # "Q:", "A:"
        text = text[: m.start(group)] + PLACEHOLDER + text[m.end(group) :]
    return text


def _labelled(text: str, rules: _Rules) -> str:
    labels = _note_words()[1]

    def labelled(m: re.Match[str]) -> str:
        words = m.group("words").split(" ")
        taken = 0
        while taken < len(words) and _is_person_word(words[taken], rules):
            taken += 1
        if not taken:
            return m.group(0)
        rest = " ".join(words[taken:])
        head = m.group(0)[: m.start("words") - m.start()]
        return head + PLACEHOLDER + (f" {rest}" if rest else "")

    return labels.sub(labelled, text)


def _enclosed(text: str, rules: _Rules) -> str:
    def enclosed(m: re.Match[str]) -> str:
        if "([" in m.group(0) or m.group("open") + m.group("close") not in (
            "()",
            "（）",
            '""',
            "“”",
            "«»",
        ):
            return m.group(0)
        before = m.group("before").strip(",;:")
        if not (
            _role_word(before, rules)
            or before.endswith(PLACEHOLDER)
            or _CODE.fullmatch(before)
            or (_ARABIC_WORD.match(before) and _role_word(re.sub("^ال", "", before), rules))
        ):
            return m.group(0)
        words = m.group("words").split()
        # In quotation marks after a word for a person, a capitalised word is a nickname
        # even when it is also a word ("chồng "Bi"", "her ex "Junior"").
        nickname = m.group("open") != "(" and m.group("open") != "（"
        if not all(
            _is_person_word(w, rules)
            or (
                nickname
                and w[0].isupper()
                and not _role_word(w, rules)
                and w.lower() not in rules.months
            )
            for w in words
        ):
            return m.group(0)
        return m.group(0)[: m.start("words") - m.start()] + PLACEHOLDER + m.group("close")

    return _ENCLOSED.sub(enclosed, text)


# The first word of a longer title after which every word is a word for the person ("tus
# tub", "con trai", "my husband"); other titles' words may be an agency's ("chánh án").
_CLASSIFIERS = frozenset(
    {"tus", "cov", "nws", "kuv", "con", "người", "my", "mi", "su", "his", "her", "their", "our"}
)


@lru_cache(maxsize=1)
def _person_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words for a person (single-word titles, and the words after a classifier), and the
    words for the people of a session."""
    data = _load()
    words: set[str] = set()
    for lang in data.values():
        for title in lang.get("titles_before", []) + lang.get("titles_after", []):
            parts = title.lower().split()
            if len(parts) == 1:
                words.add(parts[0])
            elif parts[0] in _CLASSIFIERS:
                words.update(parts[1:])
    groups = {
        w.lower()
        for lang in data.values()
        for key in ("days", "agencies", "peoples", "role_words", "street_words")
        for w in lang.get(key, [])
    }
    note_roles = frozenset(w.lower() for lang in data.values() for w in lang.get("note_roles", []))
    return frozenset(words - groups - _INSTITUTIONS), note_roles


def _person_before(word: str, rules: _Rules) -> bool:
    """A word for a person (kin, role), not a stop word, an agency, a place or a session's
    word ("Facilitator:" opens what the facilitator said)."""
    lower = word.lower()
    words, note_roles = _person_words()
    if lower in rules.ordinary or lower in note_roles or word in rules.arabic_ordinary:
        return False
    forms = {lower, _SOMALI_ENDING.sub("", lower), _SOMALI_POSSESSIVE.sub("", lower)}
    if lower.startswith("ال"):
        forms.add(lower[2:])
    return bool(forms & words)


def _around_names(text: str, rules: _Rules, language: str) -> str:
    """Nicknames inside a name, initials after one, a person's label, a kin word's capital."""
    if "[name]" in text:
        text = _NICKNAME_IN_NAME.sub(
            lambda m: (
                PLACEHOLDER
                if m.group("last") == PLACEHOLDER or _is_person_word(m.group("last"), rules)
                else m.group(0)
            ),
            text,
        )
    if ":" in text or "：" in text:

        def role_label(m: re.Match[str]) -> str:
            if not _person_before(m.group("role"), rules):
                return m.group(0)
            # Every word capitalised, none an agency or a month, one a name: "Lwm Pov" (lwm,
            # other, is also a word); a title first stays ("ex: Officer [name]").
            words = m.group("words").split(" ")
            if (
                words[0] != PLACEHOLDER
                and _person_before(words[0], rules)
                and words[0].lower() not in rules.names
            ):
                return m.group(0)
            if not all(
                w == PLACEHOLDER
                or (
                    w[0].isupper()
                    and not _ARABIC_WORD.match(w)
                    and w.lower() not in _INSTITUTIONS
                    and w.lower() not in rules.months
                )
                for w in words
            ) or not any(w == PLACEHOLDER or _is_person_word(w, rules) for w in words):
                return m.group(0)
            head = m.group(0)[: m.start("words") - m.start()]
            return head + PLACEHOLDER + m.group(0)[m.end("words") - m.start() :]

        text = _ROLE_LABEL.sub(role_label, text)
    if language in _ROLE_THEN_CAPITAL_LANGUAGES and not _mostly_capitalised(text):
        text = _ROLE_THEN_CAPITAL.sub(
            lambda m: (
                m.group("role") + " " + PLACEHOLDER
                if _person_before(m.group("role"), rules)
                and _is_person_word(m.group("word"), rules)
                # "Txiv Neeb Chong Her": a role word after a role is more of the title
                and not _role_word(m.group("word"), rules)
                and m.group("word").lower() not in rules.months
                else m.group(0)
            ),
            text,
        )
    said = _note_words()[3]
    if said is not None and language in _ROLE_THEN_CAPITAL_LANGUAGES:
        text = said.sub(
            lambda m: PLACEHOLDER + " " if _is_person_word(m.group("word"), rules) else m.group(0),
            text,
        )
    if "[name]" in text:
        text = _INITIAL_AFTER_NAME.sub(PLACEHOLDER, text)
    return text


# A list of children with their ages or of names, one item still a word: "kids: Luna 2,
# [name] 5", "Aiden 7 [name] 5 and [name] 2", "their names are Luna, [name] and [name]".
_P = re.escape(PLACEHOLDER)
_AGE = r"\s*(?:\(\d{1,2}\)|\d{1,2}(?![\d:/.,]\d))"
_JOIN = r"(?:\s*,\s*|\s+(?:and|&)\s+|\s+)"
_WORD_WITH_AGE = re.compile(
    rf"(?<![\w\[.'’-])(?P<word>[A-Z][a-z]{{2,}})(?={_AGE}{_JOIN}{_P}{_AGE})"
    rf"|(?<={_P})(?P<lead>{_AGE}{_JOIN})(?P<after>[A-Z][a-z]{{2,}})(?={_AGE}(?!\w))"
)
_WORD_IN_NAME_LIST = re.compile(
    rf"(?<![\w\[.'’-])(?P<word>[A-Z][a-z]{{2,}})(?=\s*,\s*{_P}(?:\s*,\s*{_P})*,?\s+(?:and|&)\s+{_P})"
    rf"|(?<={_P},\s)(?P<lead>(?:{_P},\s)*)(?P<after>[A-Z][a-z]{{2,}}),?\s+(?=(?:and|&)\s+{_P})"
    rf"|(?<={_P},\s)(?P<lead2>(?:{_P},\s)*{_P},?\s+(?:and|&)\s+)(?P<last>[A-Z][a-z]{{2,}})(?!\w)"
)


def _listed_beside_names(text: str, rules: _Rules) -> str:
    """A capitalised word that stands in a list as a found name does (with an age, or among
    names joined by commas and "and") is one more name; not a month, a role, an ordinary or
    a common English word ("[name] 5, Reading 2" keeps its word)."""

    common = _english_dictionary().get(20000, frozenset())

    def word_ok(word: str) -> bool:
        lower = word.lower()
        return not (
            lower in rules.ordinary
            or lower in rules.months
            or _role_word(lower, rules)
            or lower in _INSTITUTIONS
            # a common word ("Reading 2", "Room 4") unless a listed name ("Hope")
            or (lower in common and lower not in rules.given)
        )

    def with_age(m: re.Match[str]) -> str:
        if m.group("word"):
            return PLACEHOLDER if word_ok(m.group("word")) else m.group(0)
        return m.group("lead") + (PLACEHOLDER if word_ok(m.group("after")) else m.group("after"))

    def in_list(m: re.Match[str]) -> str:
        if m.group("word"):
            return PLACEHOLDER if word_ok(m.group("word")) else m.group(0)
        if m.group("after"):
            word = m.group("after")
            taken = PLACEHOLDER if word_ok(word) else word
            return m.group("lead") + taken + m.group(0)[len(m.group("lead")) + len(word) :]
        return m.group("lead2") + (PLACEHOLDER if word_ok(m.group("last")) else m.group("last"))

    text = _WORD_WITH_AGE.sub(with_age, text)
    return _WORD_IN_NAME_LIST.sub(in_list, text)


# "Demetrius Wal-\nker": the rest of a name broken across a line, with its hyphen or
# (when the rest is no English word) without.
_REST_AFTER_A_LINE_BREAK = re.compile(
    rf"(?<={_P})(?:-[ \t]*\n[ \t]*(?P<hyphen>[a-z]+)|\n(?P<bare>[a-z]{{2,6}}))(?![\w'’-])"
)
# "our caseworker (Ms. T)": an honorific and one capital letter (never "I", never "A").
_HONORIFIC_LETTER = re.compile(
    r"(?<![\w.])(?P<title>(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)[B-HJ-Z](?![\w'’.-])(?!\.\w)"
)


def _english_pieces_of_names(text: str) -> str:
    """The rest of a found name after a line break, and an honorific with one letter."""
    if "\n" in text and PLACEHOLDER in text:

        def rest(m: re.Match[str]) -> str:
            if m.group("hyphen") or not _english_word(m.group("bare")):
                return ""
            return m.group(0)

        text = _REST_AFTER_A_LINE_BREAK.sub(rest, text)
    return _HONORIFIC_LETTER.sub(lambda m: m.group("title") + PLACEHOLDER, text)


def _note_names(text: str, rules: _Rules, language: str) -> str:
    """``text`` with the names that only the shape of a note marks replaced."""
    if "." in text:
        text = _initials(text, rules, language)
    if language == "zh":
        han = _note_words()[2]
        if han is not None:
            text = han.sub(
                lambda m: (
                    re.sub(r"[^、]+", PLACEHOLDER, m.group(0)) if m.group("list") else PLACEHOLDER
                ),
                text,
            )
    if ":" in text or "：" in text:
        text = _labelled(text, rules)
    if "/" in text or "／" in text or "、" in text:
        text = _slash_lists(text, rules)
    if ":" in text or "：" in text:
        text = _speakers(text, rules)
    if re.search(r"[(（\"“«]", text):
        text = _enclosed(text, rules)
    if language == "en" and PLACEHOLDER in text:
        text = _listed_beside_names(text, rules)
    if language == "en":
        text = _english_pieces_of_names(text)
    return _around_names(text, rules, language)
