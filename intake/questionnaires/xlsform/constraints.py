"""The constraint kinds read beside number limits (limits.py): text length and patterns,
how many choices, and days; ``and`` joins them. Each term is read with an anchored regular
expression of its own, never evaluated."""

from __future__ import annotations

import re
from dataclasses import dataclass

LENGTH = re.compile(r"string-length\(\s*\.\s*\)\s*<=\s*(\d{1,6})")
PATTERN = re.compile(r"""regex\(\s*\.\s*,\s*(?:'([^']*)'|"([^"]*)")\s*\)""")
COUNT = re.compile(r"count-selected\(\s*\.\s*\)\s*(>=|<=|!=|=|>|<)\s*(\d{1,4})")
AND = re.compile(r"\s+and\s+")
DAY = re.compile(
    r"""\.\s*(>=|<=|>|<|=|!=)\s*(?:(today)\(\s*\)|date\(\s*(?:'([^']*)'|"([^"]*)")\s*\))"""
)


@dataclass
class Term:
    kind: str  # "length", "pattern", "count" or "day"
    operator: str = ""
    value: str = ""


def split_and(raw: str) -> list[str]:
    """The parts of ``a and b``, split outside quotes (a pattern may hold " and ")."""
    parts: list[str] = []
    start, quote, index = 0, "", 0
    while index < len(raw):
        char = raw[index]
        joiner = None if quote else AND.match(raw, index)
        if joiner is not None:
            parts.append(raw[start:index])
            index = start = joiner.end()
            continue
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        index += 1
    parts.append(raw[start:])
    return [part.strip() for part in parts]


def read_terms(raw: str) -> list[Term] | None:
    """Each ``and`` term of a constraint, or None when any term is another kind."""
    terms = []
    for part in split_and(raw.strip()):
        if match := LENGTH.fullmatch(part):
            terms.append(Term("length", "<=", match.group(1)))
        elif match := PATTERN.fullmatch(part):
            value = match.group(1) if match.group(1) is not None else match.group(2)
            terms.append(Term("pattern", value=value))
        elif match := COUNT.fullmatch(part):
            terms.append(Term("count", match.group(1), match.group(2)))
        elif match := DAY.fullmatch(part):
            day = match.group(2) or (
                match.group(3) if match.group(3) is not None else match.group(4)
            )
            terms.append(Term("day", match.group(1), day))
        else:
            return None
    return terms


def quote(text: str) -> str | None:
    """``text`` in XPath quotes (XPath has no escapes: None when it holds both kinds)."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return None
