"""Automatic redaction of names and contact details in quotes, before anyone reads them.

The assessment examines how systems work, never one practitioner: "Officer Diaz", "Judge
Brown" and "my caseworker Maria" become "[name]". No model is needed (or installable here);
these are plain, tested patterns:

- a title or role word followed by capitalised words (Officer Diaz, Judge Ann Brown, Dr. Lee);
- a role word followed by a name ("my caseworker Maria");
- capitalised words from a list of common given names (in the shipped languages' scripts);
- e-mail addresses, phone numbers, and street addresses with a number.

It errs towards removing too much: a quote is better short of a word than naming someone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

NAMES_FILE = Path(__file__).resolve().parent / "data" / "given-names.txt"
PLACEHOLDER = "[name]"

TITLES = (
    r"officer|sergeant|sgt\.?|lieutenant|lt\.?|detective|det\.?|deputy|sheriff|trooper|chief|"
    r"captain|capt\.?|judge|justice|magistrate|commissioner|prosecutor|attorney|counsel|"
    r"dr\.?|doctor|nurse|mr\.?|mrs\.?|ms\.?|miss|mx\.?|pastor|father|reverend|rev\.?|imam|"
    r"rabbi|sister|brother|caseworker|case worker|case manager|social worker|advocate|"
    r"agent|teacher|principal|counselor|counsellor|therapist|ofc\.?"
)
# The title is matched in any case; the name only when capitalised.
_TITLED = re.compile(
    rf"\b(?P<title>(?i:{TITLES}))\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_PHONE = re.compile(r"(?<!\w)(?:\+?\d[\d\s().-]{7,}\d)(?!\w)")
_ADDRESS = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][\w'-]*\s+){1,3}(?i:street|st\.?|avenue|ave\.?|road|rd\.?|"
    r"boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|court|ct\.?|way|place|pl\.?)(?!\w)"
)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    if not NAMES_FILE.exists():
        return frozenset()
    lines = NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        word.lower() for line in lines if not line.startswith("#") for word in line.split()
    )


def redact(text: str) -> str:
    """The text with names and contact details replaced by placeholders."""

    def titled(match: re.Match[str]) -> str:
        # Capitalised words after a title or role are treated as a name.
        return f"{match.group('title')} {PLACEHOLDER}"

    text = _EMAIL.sub("[email]", text)
    text = _ADDRESS.sub("[address]", text)
    text = _PHONE.sub("[phone]", text)
    text = _TITLED.sub(titled, text)
    names = _given_names()

    def given(match: re.Match[str]) -> str:
        word = match.group(0)
        return PLACEHOLDER if word.lower() in names else word

    return re.sub(r"(?<![\w\[])[A-Z][a-z'’-]{1,}", given, text)
