"""Skip logic read from XLSForm, in the author's words: what later conditions may refer to,
and the messages for conditions (and choice filters) the app cannot follow."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from .choice_filter import FilterError
from .relevant import RelevantError


def relevant_message(error: RelevantError) -> Any:
    if error.kind == "unexpected":
        return _l(
            "The skip logic uses “%(found)s”, which the app does not understand.",
            found=error.found,
        )
    if error.kind == "comparison":
        return _l(
            "The skip logic compares answers with =, !=, <, <=, > or >=, not with “%(found)s”.",
            found=error.found,
        )
    if error.kind == "number":
        return _l(
            "A number is compared with a whole number, like ${age} >= 18, not with “%(found)s”.",
            found=error.found,
        )
    if error.kind == "value":
        return _l(
            "The skip logic needs a value in quotes here, not “%(found)s”.", found=error.found
        )
    if error.kind == "expected" and error.expected == "ref":
        # The parser's own word for ${name} is not the author's.
        return _l(
            "The skip logic needs an earlier question here, written like ${name}, not “%(found)s”.",
            found=error.found,
        )
    if error.kind == "expected":
        return _l(
            "The skip logic needs “%(expected)s” here, not “%(found)s”.",
            expected=error.expected,
            found=error.found,
        )
    if error.kind == "too_complex":
        return _l(
            "This skip logic is too long or nested too deeply to follow. Split the question, "
            "or simplify the condition."
        )
    return _l("The skip logic ends too early.")


def filter_message(message: Any) -> Any:
    """A skip-logic message, said of a choice filter."""
    return _l("In the choice filter: %(message)s", message=message)


def filter_problem(error: FilterError) -> Any:
    if error.kind == "column":
        return _l(
            "The choice filter uses “%(name)s”, which is not a column of the choices sheet.",
            name=error.found,
        )
    return _l(
        "The choice filter compares each choice (its name or a column of the choices sheet) "
        "with an earlier answer, like filter = ${region}; not two answers with each other."
    )


@dataclass
class KnownQuestion:
    """What later skip logic may refer to."""

    type_name: str
    values: set[str] | None
    row: int


def strict_limit(expression: str, name: str) -> bool:
    """Whether ``expression`` compares ``${name}`` with a strict < or >: read as whole-number
    limits (``> 17`` is "at least 18"), which a decimal number does not follow."""
    return re.search(r"\$\{\s*" + re.escape(name) + r"\s*\}\s*[<>](?!=)", expression) is not None
