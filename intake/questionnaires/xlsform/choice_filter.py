"""XLSForm ``choice_filter``: which choices of a list a respondent is offered, read once per
choice into a skip-logic condition on earlier answers.

A filter is written once for the question and refers to the choices sheet's columns by their
bare names (``name``, ``county``) and to earlier answers as ``${q}``:

    filter = ${region}              offered when the answer to region is this choice's filter
    selected(${places}, name)       offered when it was chosen in the earlier question
    name != 'court'                 never offered (the choice is left out of the list)
    a and b, a or b, not(a), ( … )

For each choice the columns are replaced by its own cells; what is left is either always
true, always false or a condition (conditions.py) that the page evaluates on the server.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..conditions import Condition
from .relevant import (
    LIMITS,
    MAX_DEPTH,
    MAX_LENGTH,
    RelevantError,
    Token,
    TokenCursor,
    _merge_in,
)

# A bound filter: True (always offered), False (never) or a condition on earlier answers.
Bound = bool | Condition


@dataclass(frozen=True)
class Node:
    kind: str  # "all", "any", "not", "compare", "selected"
    operator: str = ""
    operands: tuple[Token, ...] = ()
    children: tuple[Node, ...] = ()
    # Written in parentheses: "(a = 'x') or (a = 'y')" stays an "or", as in skip logic,
    # while "a = 'x' or a = 'y'" is read as "a is one of x, y".
    grouped: bool = False


class _FilterParser(TokenCursor):
    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise RelevantError("expected", token.text, text)

    def at(self, text: str) -> bool:
        token = self.peek()
        return token is not None and token.text == text

    def expression(self) -> Node:
        items = [self.conjunction()]
        while self.at("or"):
            self.take()
            items.append(self.conjunction())
        return items[0] if len(items) == 1 else Node("any", children=tuple(items))

    def conjunction(self) -> Node:
        items = [self.unary()]
        while self.at("and"):
            self.take()
            items.append(self.unary())
        return items[0] if len(items) == 1 else Node("all", children=tuple(items))

    def nested(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RelevantError("too_complex")
        self.expect("(")
        inner = self.expression()
        self.expect(")")
        self.depth -= 1
        return replace(inner, grouped=True)

    def unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise RelevantError("early_end")
        if token.text == "(":
            return self.nested()
        if token.kind == "word" and token.text == "not":
            self.take()
            return Node("not", children=(self.nested(),))
        if token.kind == "word" and token.text == "selected":
            self.take()
            self.expect("(")
            first = self.operand()
            self.expect(",")
            second = self.operand()
            self.expect(")")
            return Node("selected", operands=(first, second))
        left = self.operand()
        operator = self.take()
        if operator.kind != "op" or operator.text not in {"=", "!=", *LIMITS}:
            raise RelevantError("comparison", operator.text)
        return Node("compare", operator.text, (left, self.operand()))

    def operand(self) -> Token:
        token = self.take()
        if token.kind not in {"ref", "string", "number", "word"}:
            raise RelevantError("unexpected", token.text)
        return token


def parse_choice_filter(expression: str) -> Node:
    """Read a ``choice_filter``. Raises RelevantError outside what the app understands."""
    if len(expression) > MAX_LENGTH:
        raise RelevantError("too_complex")
    parser = _FilterParser(expression)
    node = parser.expression()
    leftover = parser.peek()
    if leftover is not None:
        raise RelevantError("unexpected", leftover.text)
    return node


class FilterError(ValueError):
    """A filter that cannot be bound; ``kind`` is "column" (``found`` names it) or
    "compare" (two answers compared with each other)."""

    def __init__(self, kind: str, found: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.found = found


def bind(node: Node, column: Callable[[str], str | None]) -> Bound:
    """The filter for one choice: ``column(name)`` gives that choice's cell (None: no such
    column)."""

    def value(token: Token) -> tuple[str, str]:
        """("ref", name) or ("literal", text)."""
        if token.kind == "ref":
            return "ref", token.text
        if token.kind == "word":
            cell = column(token.text)
            if cell is None:
                raise FilterError("column", token.text)
            return "literal", cell
        return "literal", token.text

    if node.kind in {"all", "any"}:
        bound = [bind(child, column) for child in node.children]
        decided = [b for b in bound if isinstance(b, bool)]
        rest = [b for b in bound if not isinstance(b, bool)]
        if node.kind == "all":
            if False in decided:
                return False
            return (
                True
                if not rest
                else rest[0]
                if len(rest) == 1
                else Condition("all", children=tuple(rest))
            )
        if True in decided:
            return True
        if not rest:
            return False
        if len(rest) == 1:
            return rest[0]
        merged = None if any(child.grouped for child in node.children) else _merge_in(rest)
        return merged or Condition("any", children=tuple(rest))
    if node.kind == "not":
        inner = bind(node.children[0], column)
        return (not inner) if isinstance(inner, bool) else Condition("not", children=(inner,))
    if node.kind == "selected":
        (first_kind, first), (second_kind, second) = (value(t) for t in node.operands)
        if second_kind == "ref":
            raise FilterError("compare")
        if first_kind == "literal":
            return second in first.split()
        return Condition("includes", first, second)
    (left_kind, left), (right_kind, right) = (value(t) for t in node.operands)
    if left_kind == "ref" and right_kind == "ref":
        raise FilterError("compare")
    if node.operator in LIMITS:
        return _limit(node.operator, (left_kind, left), (right_kind, right))
    if left_kind == "literal" and right_kind == "literal":
        return (left == right) == (node.operator == "=")
    name, literal = (left, right) if left_kind == "ref" else (right, left)
    if literal == "":
        return Condition("answered", name, node.operator == "!=")
    equals = Condition("equals", name, literal)
    return equals if node.operator == "=" else Condition("not", children=(equals,))


def _limit(operator: str, left: tuple[str, str], right: tuple[str, str]) -> Bound:
    if left[0] == "literal" and right[0] == "literal":
        try:
            a, b = float(left[1]), float(right[1])
        except ValueError as exc:
            raise FilterError("compare") from exc
        return {">=": a >= b, ">": a > b, "<=": a <= b, "<": a < b}[operator]
    if left[0] != "ref":  # 18 <= ${age} is ${age} >= 18
        operator = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}[operator]
        left, right = right, left
    try:
        number = int(right[1])
    except ValueError as exc:
        raise RelevantError("number", right[1]) from exc
    kind, shift = LIMITS[operator]
    return Condition(kind, left[1], number + shift)


def columns_of(row: Mapping[str, Any], headers: Mapping[str, str]) -> Callable[[str], str | None]:
    """A choice row's cells by bare column name (``name``, ``filter``)."""

    def column(name: str) -> str | None:
        header = headers.get(name.lower())
        if header is None:
            return None
        return str(row.get(header) or "").strip()

    return column
