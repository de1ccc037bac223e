"""Safe patterns for XLSForm's ``regex(., 'pattern')`` on text answers.

A respondent's words are matched against an author's pattern on the server, so a pattern
must never let an answer make the matcher backtrack for minutes ("catastrophic
backtracking", as ``(a+)+$`` does). Only a conservative subset is accepted: literals,
escapes for digits/word characters/spaces, ``.``, character classes, anchors, one
quantifier (``? * + {m} {m,} {m,n}``) on a single atom or class, and alternation at the top
level. No groups, no back-references, no quantifier on a quantifier. The work left is then
bounded by how many open-ended repeats there are and how long the answer may be, and that
bound is checked against a budget for the field's own maximum length.
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

# Escapes Python's ``re`` reads as XPath/XML Schema regexes do.
CLASS_ESCAPES = frozenset("dDwWsS")
LITERAL_ESCAPES = frozenset(".-\\()[]{}*+?|^$/ ")
QUANTIFIER = re.compile(r"\{(\d{1,4})(?:(,)(\d{1,4})?)?\}")
# The most backtracking steps a pattern may need on the longest answer the field takes
# (measured: [ab]*[ab]*[ab]*[cd] on 200 characters, 1.4 million ways, fails in 35 ms).
STEP_BUDGET = 2_000_000


class PatternError(ValueError):
    """The pattern is not checked; ``str()`` is the reason, in a form author's words."""


@dataclass(frozen=True)
class _Piece:
    low: int
    high: int | None  # None: open-ended


def _refuse(message: object) -> PatternError:
    return PatternError(str(message))


def _class_end(pattern: str, start: int) -> int:
    """The index after the ``]`` that closes the class opened at ``start``."""
    index = start + 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1  # a "]" first in a class is a literal
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            _check_escape(pattern, index)
            index += 2
            continue
        if char == "[":
            raise _refuse(
                _l("classes inside classes (such as [a-z-[aeiou]]) are not checked by the app.")
            )
        if char == "]":
            return index + 1
        index += 1
    raise _refuse(_l("it is not a valid pattern: a [ is never closed."))


def _check_escape(pattern: str, index: int) -> None:
    escaped = pattern[index + 1 : index + 2]
    if escaped.isdigit():
        raise _refuse(
            _l("back-references such as \\1 are not checked: they can make checking very slow.")
        )
    if escaped not in CLASS_ESCAPES and escaped not in LITERAL_ESCAPES:
        raise _refuse(
            _l(
                "“\\%(sign)s” is not among the signs the app checks (\\d, \\w, \\s, classes "
                "such as [A-Z], and the usual marks).",
                sign=escaped,
            )
        )


def _alternative(pattern: str) -> list[_Piece]:
    """The quantified pieces of one top-level alternative; raises PatternError."""
    pieces: list[_Piece] = []
    index, atom = 0, False  # atom: the last thing read can take a quantifier
    while index < len(pattern):
        char = pattern[index]
        if char in "()":
            raise _refuse(
                _l(
                    "groups in brackets ( ) are not checked: a repeated group such as (a+)+ "
                    "can keep the server busy for minutes on some answers. Write the "
                    "alternatives without brackets, like ^yes$|^no$."
                )
            )
        if char in "?*+{":
            quantifier = QUANTIFIER.match(pattern, index) if char == "{" else None
            if char == "{" and quantifier is None:
                raise _refuse(_l("it is not a valid pattern: write repeats as {2} or {2,5}."))
            if not pieces:
                raise _refuse(_l("it is not a valid pattern."))
            if not atom:
                raise _refuse(
                    _l(
                        "a repeat of a repeat (such as a+* or a{2}+) is not checked: it can "
                        "keep the server busy for minutes on some answers."
                    )
                )
            if quantifier is not None:
                low = int(quantifier.group(1))
                high = (
                    low
                    if quantifier.group(2) is None
                    else (int(quantifier.group(3)) if quantifier.group(3) else None)
                )
                if high is not None and high < low:
                    raise _refuse(_l("it is not a valid pattern: a repeat {m,n} needs m ≤ n."))
                pieces[-1] = _Piece(low, high)
                index = quantifier.end()
            else:
                pieces[-1] = _Piece(1 if char == "+" else 0, 1 if char == "?" else None)
                index += 1
            atom = False
            continue
        if char in "^$":
            index, atom = index + 1, False
            continue
        if char == "[":
            index = _class_end(pattern, index)
        elif char == "\\":
            _check_escape(pattern, index)
            index += 2
        else:
            index += 1
        pieces.append(_Piece(1, 1))
        atom = True
    return pieces


def _steps(pieces: list[_Piece], length: int) -> int:
    """An upper bound on the ways the pieces can share an answer of ``length`` characters:
    each variable repeat chooses how much it takes, so the work grows with the product of
    their ranges, and never beyond the ways to cut the answer into that many pieces."""
    ranges = [
        min(piece.high if piece.high is not None else length, length) - piece.low + 1
        for piece in pieces
        if piece.high != piece.low
    ]
    product = math.prod(max(r, 1) for r in ranges)
    return min(product, math.comb(length + len(ranges), len(ranges))) + length


def _top_level(pattern: str) -> list[str]:
    """The alternatives split at each ``|`` outside classes and escapes."""
    parts: list[str] = []
    start = index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
        elif char == "[":
            index = _class_end(pattern, index)
        elif char == "|":
            parts.append(pattern[start:index])
            index += 1
            start = index
        else:
            index += 1
    parts.append(pattern[start:])
    return parts


def check_pattern(pattern: str, max_length: int) -> re.Pattern[str]:
    """The compiled pattern, if the app can check it safely on answers of up to
    ``max_length`` characters; else PatternError with the reason."""
    if not pattern:
        raise _refuse(_l("the pattern is empty."))
    if len(pattern) > 500:
        raise _refuse(_l("the pattern is longer than 500 characters."))
    steps = sum(_steps(_alternative(part), max_length) for part in _top_level(pattern))
    if steps > STEP_BUDGET:
        raise _refuse(
            _l(
                "it has too many open-ended repeats (+, *) for answers this long: limit the "
                "length with string-length(.) <= N, or use fewer repeats."
            )
        )
    with warnings.catch_warnings():
        # "[0--]", "[a&&b]": Python reads these today but warns that a later version may read
        # them as set operations; a pattern that could change meaning is refused now.
        warnings.simplefilter("error", FutureWarning)
        try:
            return re.compile(pattern)
        except FutureWarning as exc:
            raise _refuse(
                _l(
                    "it has two of - & ~ or | in a row inside [ ], which later versions of "
                    "Python read differently: write \\- (or \\&, \\~, \\|) for the character."
                )
            ) from exc
        except re.error as exc:
            raise _refuse(_l("it is not a valid pattern.")) from exc


def matches(compiled: re.Pattern[str], text: str) -> bool:
    """The whole answer must have the pattern's form (``^``/``$`` may still be written)."""
    return compiled.fullmatch(text) is not None
