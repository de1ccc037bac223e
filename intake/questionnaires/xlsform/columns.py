"""XLSForm column headers: ``label::Español (es)`` names a text column and its language.

XLSForm puts the language after ``::`` as a display name with the code in brackets, the
convention of ODK and KoboToolbox. The code decides; the name is for people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from ...i18n import native_name

# English names, as XLSForm authors usually write them; the code is what the app reads.
ENGLISH_NAMES = {"hmn": "Hmong", "zh": "Chinese"}
CODE_IN_BRACKETS = re.compile(
    r"^(?P<name>.*?)\s*\((?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\)$"
)
ALIASES = {
    "list name": "list_name",
    "value": "name",
    "relevance": "relevant",
    "id_string": "form_id",
    "title": "form_title",
    "required message": "required_message",
    "constraint message": "constraint_message",
    "constraintmsg": "constraint_message",
    "requiredmsg": "required_message",
}
# ``bind::relevant`` is how some tools write the plain ``relevant`` column.
BIND_PREFIXES = {"bind", "body"}


def english_name(code: str) -> str:
    if code in ENGLISH_NAMES:
        return ENGLISH_NAMES[code]
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


def language_header(base: str, code: str) -> str:
    return f"{base}::{english_name(code)} ({code})"


@dataclass(frozen=True)
class Header:
    text: str  # as written in the sheet
    base: str  # "label", "hint", "type", … (lower case, aliases resolved)
    language: str | None  # the text after "::", if any
    letter: str  # spreadsheet column letter, "A" …


def parse_header(text: str, letter: str) -> Header:
    base, sep, language = text.partition("::")
    if not sep and ":" in text and not text.startswith("$"):
        # The old single-colon form, "label:English (en)".
        base, _sep, language = text.partition(":")
    base = re.sub(r"\s+", " ", base.strip().lower())
    if base in BIND_PREFIXES and language.strip():
        base, language = re.sub(r"\s+", " ", language.strip().lower()), ""
        if base.startswith("jr:"):
            base = base[3:]
    base = ALIASES.get(base, base)
    return Header(text=text, base=base, language=language.strip() or None, letter=letter)


def language_code(language: str, offered: tuple[str, ...]) -> str | None:
    """The app's code for a header's language, or None when it cannot be told.

    ``Español (es)`` → ``es``; ``Chinese (zh-Hans)`` → ``zh`` when ``zh`` is offered; a bare
    name is accepted when it is the English or own name of a language the app offers.
    """
    match = CODE_IN_BRACKETS.match(language.strip())
    if match:
        code = match.group("code").replace("_", "-")
        if code in offered:
            return code
        primary = code.split("-")[0].lower()
        if primary in offered:
            return primary
        return code.lower()
    wanted = language.strip().casefold()
    for code in offered:
        if wanted in {english_name(code).casefold(), native_name(code).casefold(), code}:
            return code
    return None
