"""Skip logic: "show this question if …", as small declarative conditions.

A condition is JSON data:

    {"question": "k", "equals": "v"}        a single answer equals v
    {"question": "k", "includes": "v"}      a multiple-choice answer includes v
    {"question": "k", "in": ["a", "b"]}     a single answer is one of these
    {"question": "k", "answered": true}     k has any answer (false: k was skipped)
    {"question": "k", "at_least": 18}       a number (or scale) answer is 18 or more
    {"question": "k", "at_most": 17}        a number (or scale) answer is 17 or less
    {"all": [...]}, {"any": [...]}, {"not": {...}}

Conditions may refer only to questions that come earlier, so a respondent always answers
what a condition depends on before meeting it (checked by the definition loader).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

NUMBER_KINDS = frozenset({"at_least", "at_most"})


class ConditionError(ValueError):
    """A condition is not well formed."""


@dataclass(frozen=True)
class Condition:
    kind: str
    question: str | None = None
    value: Any = None
    children: tuple[Condition, ...] = ()

    def evaluate(self, answers: Mapping[str, Any]) -> bool:
        if self.kind == "all":
            return all(child.evaluate(answers) for child in self.children)
        if self.kind == "any":
            return any(child.evaluate(answers) for child in self.children)
        if self.kind == "not":
            return not self.children[0].evaluate(answers)
        answer = answers.get(self.question or "")
        if self.kind == "answered":
            return _is_answered(answer) == bool(self.value)
        if self.kind == "equals":
            return answer == self.value
        if self.kind == "in":
            return answer in self.value
        if self.kind == "includes":
            return isinstance(answer, list | tuple) and self.value in answer
        if self.kind in NUMBER_KINDS:
            # A skipped number question meets neither limit, as in ODK.
            if not isinstance(answer, int | float) or isinstance(answer, bool):
                return False
            return answer >= self.value if self.kind == "at_least" else answer <= self.value
        raise ConditionError(f"unknown condition {self.kind!r}")  # pragma: no cover

    def references(self) -> Iterator[str]:
        if self.question is not None:
            yield self.question
        for child in self.children:
            yield from child.references()

    def leaves(self) -> Iterator[Condition]:
        if self.question is not None:
            yield self
        for child in self.children:
            yield from child.leaves()

    def to_data(self) -> dict[str, Any]:
        if self.kind in {"all", "any"}:
            return {self.kind: [child.to_data() for child in self.children]}
        if self.kind == "not":
            return {"not": self.children[0].to_data()}
        value = list(self.value) if self.kind == "in" else self.value
        return {"question": self.question, self.kind: value}


def _is_answered(answer: Any) -> bool:
    return answer not in (None, "", [], ())


def parse_condition(data: Any) -> Condition:
    if not isinstance(data, dict):
        raise ConditionError("a condition must be an object")
    for group in ("all", "any"):
        if group in data:
            items = data[group]
            if set(data) != {group} or not isinstance(items, list) or not items:
                raise ConditionError(f"'{group}' needs a non-empty list and nothing else")
            return Condition(group, children=tuple(parse_condition(item) for item in items))
    if "not" in data:
        if set(data) != {"not"}:
            raise ConditionError("'not' takes exactly one condition")
        return Condition("not", children=(parse_condition(data["not"]),))
    question = data.get("question")
    operators = set(data) - {"question"}
    if not isinstance(question, str) or len(operators) != 1:
        raise ConditionError("a condition names one question and one operator")
    (operator,) = operators
    value = data[operator]
    if operator == "in":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConditionError("'in' needs a list of values")
        return Condition("in", question, tuple(value))
    if operator in {"equals", "includes"}:
        if not isinstance(value, str | int):
            raise ConditionError(f"'{operator}' needs a single value")
        return Condition(operator, question, value)
    if operator in NUMBER_KINDS:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ConditionError(f"'{operator}' needs a whole number")
        return Condition(operator, question, value)
    if operator == "answered":
        if not isinstance(value, bool):
            raise ConditionError("'answered' needs true or false")
        return Condition("answered", question, value)
    raise ConditionError(f"unknown operator {operator!r}")


# -- calculations -----------------------------------------------------------------------------
# XLSForm's ``calculate``: a value worked out from earlier answers, never asked and never
# stored, used where the app needs it (skip logic, a label). Calculations are data, evaluated
# by this module like conditions; nothing is ever passed to ``eval``:
#
#     {"key": "adult", "condition": {...}}                        "true" or "false"
#     {"key": "n_places", "count_selected": "places"}             how many were chosen
#     {"key": "group", "if": {...}, "then": "a", "else": "b"}     one of two values
CALCULATION_KINDS = ("condition", "count_selected", "if")
TRUE, FALSE = "true", "false"  # as XPath writes a true or false calculation


@dataclass(frozen=True)
class Calculation:
    key: str
    kind: str
    condition: Condition | None = None
    question: str | None = None  # count_selected's question
    then: str = ""
    otherwise: str = ""

    @property
    def type_name(self) -> str:
        """How skip logic may compare it: as a number, or with its possible values."""
        return "number" if self.kind == "count_selected" else "calculated"

    def allowed_values(self) -> set[str] | None:
        if self.kind == "condition":
            return {TRUE, FALSE}
        if self.kind == "if":
            return {self.then, self.otherwise}
        return None

    def evaluate(self, values: Mapping[str, Any]) -> Any:
        if self.kind == "count_selected":
            answer = values.get(self.question or "")
            return len(answer) if isinstance(answer, list | tuple) else 0
        assert self.condition is not None  # noqa: S101 - parse_calculation guarantees it
        holds = self.condition.evaluate(values)
        if self.kind == "condition":
            return TRUE if holds else FALSE
        return self.then if holds else self.otherwise

    def references(self) -> Iterator[str]:
        if self.question is not None:
            yield self.question
        if self.condition is not None:
            yield from self.condition.references()

    def display(self, value: Any, locale: str) -> str:
        return "" if value is None else str(value)

    def to_data(self) -> dict[str, Any]:
        if self.kind == "count_selected":
            return {"key": self.key, "count_selected": self.question}
        assert self.condition is not None  # noqa: S101 - parse_calculation guarantees it
        if self.kind == "condition":
            return {"key": self.key, "condition": self.condition.to_data()}
        return {
            "key": self.key,
            "if": self.condition.to_data(),
            "then": self.then,
            "else": self.otherwise,
        }


def parse_calculation(data: Any) -> Calculation:
    if not isinstance(data, dict) or not isinstance(data.get("key"), str):
        raise ConditionError("a calculation is an object with a key")
    key = data["key"]
    kinds = [kind for kind in CALCULATION_KINDS if kind in data]
    if len(kinds) != 1:
        raise ConditionError(f"calculation {key!r} needs one of {', '.join(CALCULATION_KINDS)}")
    (kind,) = kinds
    if kind == "count_selected":
        if set(data) != {"key", kind} or not isinstance(data[kind], str):
            raise ConditionError(f"calculation {key!r}: count_selected names one question")
        return Calculation(key, kind, question=data[kind])
    if kind == "condition":
        if set(data) != {"key", kind}:
            raise ConditionError(f"calculation {key!r}: a condition and nothing else")
        return Calculation(key, kind, parse_condition(data[kind]))
    then, otherwise = data.get("then"), data.get("else")
    if set(data) != {"key", "if", "then", "else"} or not all(
        isinstance(v, str) for v in (then, otherwise)
    ):
        raise ConditionError(f"calculation {key!r}: 'if' needs 'then' and 'else' texts")
    return Calculation(key, kind, parse_condition(data["if"]), then=then, otherwise=otherwise)


class Values(Mapping[str, Any]):
    """The answers, and each calculation worked out from them when it is asked for."""

    def __init__(self, answers: Mapping[str, Any], calculations: Mapping[str, Calculation]):
        self.answers = answers
        self.calculations = calculations
        self.worked_out: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key in self.answers:
            return self.answers[key]
        calculation = self.calculations.get(key)
        if calculation is None:
            raise KeyError(key)
        if key not in self.worked_out:
            self.worked_out[key] = calculation.evaluate(self)
        return self.worked_out[key]

    def __iter__(self) -> Iterator[str]:
        yield from self.answers
        yield from (key for key in self.calculations if key not in self.answers)

    def __len__(self) -> int:
        return len(set(self.answers) | set(self.calculations))
