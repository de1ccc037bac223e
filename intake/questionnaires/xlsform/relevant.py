"""XLSForm ``relevant`` expressions <-> the app's skip-logic conditions.

XLSForm writes skip logic in XPath. The app's conditions (conditions.py) are a small,
checkable language, so only the matching subset of XPath is read:

    ${q} = 'v'              equals            ${q} != 'v'       not(equals)
    selected(${q}, 'v')     includes (a multiple choice), equals (a single choice)
    ${q} != ''              answered          ${q} = ''         not answered
    ${q} = 'a' or ${q} = 'b'  (same question, only "="): in
    ${n} >= 18, ${n} > 17     at_least 18 (a number)      ${n} <= 17, ${n} < 18   at_most 17
    a and b, a or b, not(a), ( … )

Anything else (functions, arithmetic, other fields' paths) is
refused with a message that names what is understood. Written forms parse back to the same
condition: every nested group is written in parentheses and parentheses always make a group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..conditions import Calculation, Condition

TOKEN = re.compile(
    r"""\s*(?:
      (?P<ref>\$\{\s*(?P<name>[^}\s]*)\s*\})
    | (?P<string>'[^']*'|"[^"]*")
    | (?P<number>-?\d+(?:\.\d+)?)
    | (?P<op>!=|<=|>=|=|<|>|\(|\)|,)
    | (?P<word>[A-Za-z_][A-Za-z0-9_:-]*)
    | (?P<other>\S)
    )""",
    re.VERBOSE,
)


# A number compared with <, <=, > or >= is a limit: "${age} < 18" is "at most 17".
LIMITS = {">=": ("at_least", 0), ">": ("at_least", 1), "<=": ("at_most", 0), "<": ("at_most", -1)}
MAX_LENGTH = 2000  # characters: far beyond any real skip logic
MAX_DEPTH = 20  # nested brackets and not( ): keeps the parser's recursion small


class RelevantError(ValueError):
    """The expression is outside the subset.

    ``kind``: "early_end", "unexpected", "comparison", "value", "expected" or "too_complex";
    ``found``: the text met; ``expected``: what was needed (for "expected").
    """

    def __init__(self, kind: str, found: str = "", expected: str = "") -> None:
        super().__init__(f"{kind}: expected {expected!r}, found {found!r}")
        self.kind = kind
        self.found = found
        self.expected = expected


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def tokenize(expression: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    text = expression.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None or match.end() == position:  # pragma: no cover - TOKEN matches \S
            break
        position = match.end()
        kind = match.lastgroup or "other"
        if kind == "name":  # pragma: no cover - the named group sits inside "ref"
            kind = "ref"
        if match.group("ref") is not None:
            tokens.append(Token("ref", match.group("name")))
        elif kind == "string":
            tokens.append(Token("string", match.group("string")[1:-1]))
        else:
            tokens.append(Token(kind, match.group(kind).strip()))
    return tokens


class TokenCursor:
    """Walks an expression's tokens: shared by the skip-logic and choice-filter parsers."""

    def __init__(self, expression: str) -> None:
        self.tokens = tokenize(expression)
        self.position = 0
        self.depth = 0

    def peek(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise RelevantError("early_end")
        self.position += 1
        return token


class _Parser(TokenCursor):
    def expect(self, kind: str, text: str | None = None) -> Token:
        token = self.take()
        if token.kind != kind or (text is not None and token.text != text):
            raise RelevantError("expected", token.text, text or kind)
        return token

    def at_word(self, word: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == "word" and token.text == word

    # expression := conjunction ("or" conjunction)*
    def expression(self) -> Condition:
        items = [self.conjunction()]
        while self.at_word("or"):
            self.take()
            items.append(self.conjunction())
        if len(items) == 1:
            return items[0]
        return _merge_in(items) or Condition("any", children=tuple(items))

    # conjunction := unary ("and" unary)*
    def conjunction(self) -> Condition:
        items = [self.unary()]
        while self.at_word("and"):
            self.take()
            items.append(self.unary())
        return items[0] if len(items) == 1 else Condition("all", children=tuple(items))

    def unary(self) -> Condition:
        token = self.peek()
        if token is None:
            raise RelevantError("early_end")
        if token.kind == "op" and token.text == "(":
            self.take()
            inner = self.nested()
            self.expect("op", ")")
            return _Grouped.wrap(inner)
        if token.kind == "word" and token.text == "not":
            self.take()
            self.expect("op", "(")
            inner = self.nested()
            self.expect("op", ")")
            return Condition("not", children=(_Grouped.unwrap(inner),))
        if token.kind == "word" and token.text == "selected":
            self.take()
            self.expect("op", "(")
            name = self.expect("ref").text
            self.expect("op", ",")
            value = self.literal()
            self.expect("op", ")")
            return Condition("includes", name, value)
        if token.kind == "ref":
            return self.comparison()
        raise RelevantError("unexpected", token.text)

    def nested(self) -> Condition:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RelevantError("too_complex")
        inner = self.expression()
        self.depth -= 1
        return inner

    def comparison(self) -> Condition:
        name = self.expect("ref").text
        operator = self.take()
        if operator.kind == "op" and operator.text in LIMITS:
            number = self.take()
            if number.kind != "number" or not re.fullmatch(r"-?\d{1,9}", number.text):
                raise RelevantError("number", number.text)
            kind, shift = LIMITS[operator.text]
            return Condition(kind, name, int(number.text) + shift)
        if operator.kind != "op" or operator.text not in {"=", "!="}:
            raise RelevantError("comparison", operator.text)
        value = self.literal()
        if value == "":
            return Condition("answered", name, operator.text == "!=")
        equals = Condition("equals", name, value)
        return equals if operator.text == "=" else Condition("not", children=(equals,))

    def literal(self) -> str:
        token = self.take()
        if token.kind == "string":
            return token.text
        if token.kind == "number":
            return token.text  # choice values are text, even when they look like numbers
        raise RelevantError("value", token.text)


class _Grouped:
    """Marks a parenthesised group, so ``(a and b) and c`` stays two levels deep."""

    @staticmethod
    def wrap(condition: Condition) -> Condition:
        return Condition("group", children=(condition,))

    @staticmethod
    def unwrap(condition: Condition) -> Condition:
        while condition.kind == "group":
            condition = condition.children[0]
        return Condition(
            condition.kind,
            condition.question,
            condition.value,
            tuple(_Grouped.unwrap(child) for child in condition.children),
        )


def _merge_in(items: list[Condition]) -> Condition | None:
    """``${q} = 'a' or ${q} = 'b'`` is how an "in" condition is written."""
    if all(item.kind == "equals" for item in items):
        questions = {item.question for item in items}
        if len(questions) == 1:
            return Condition("in", items[0].question, tuple(str(item.value) for item in items))
    return None


def parse_relevant(expression: str) -> Condition:
    """Read a ``relevant`` expression. Raises RelevantError outside the subset."""
    if len(expression) > MAX_LENGTH:
        raise RelevantError("too_complex")
    parser = _Parser(expression)
    if parser.peek() is None:
        raise RelevantError("early_end")
    condition = parser.expression()
    leftover = parser.peek()
    if leftover is not None:
        raise RelevantError("unexpected", leftover.text)
    return _Grouped.unwrap(condition)


def _quote(value: object) -> str:
    text = str(value)
    return f'"{text}"' if "'" in text else f"'{text}'"


def format_relevant(condition: Condition) -> str:
    """Write a condition as XLSForm ``relevant`` that parse_relevant reads back unchanged."""

    def nested(child: Condition, siblings_merge: bool) -> str:
        text = write(child)
        # Groups and "in" (itself an "or") are bracketed inside and/or; so are the parts of
        # an "any" that would otherwise read back as one "in".
        if child.kind in {"all", "any", "in"} or siblings_merge:
            return f"({text})"
        return text

    def write(c: Condition) -> str:
        if c.kind == "all":
            return " and ".join(nested(child, False) for child in c.children)
        if c.kind == "any":
            merge = _merge_in(list(c.children)) is not None
            return " or ".join(nested(child, merge) for child in c.children)
        if c.kind == "not":
            return f"not({write(c.children[0])})"
        ref = f"${{{c.question}}}"
        if c.kind == "answered":
            return f"{ref} != ''" if c.value else f"{ref} = ''"
        if c.kind == "includes":
            return f"selected({ref}, {_quote(c.value)})"
        if c.kind == "equals":
            return f"{ref} = {_quote(c.value)}"
        if c.kind == "in":
            return " or ".join(f"{ref} = {_quote(v)}" for v in c.value)
        if c.kind == "at_least":
            return f"{ref} >= {c.value}"
        if c.kind == "at_most":
            return f"{ref} <= {c.value}"
        raise ValueError(f"unknown condition {c.kind!r}")  # pragma: no cover

    return write(condition)


def parse_calculation_expression(key: str, expression: str) -> Calculation:
    """A ``calculation`` the app can work out: a condition (``${age} >= 18``),
    ``count-selected(${q})`` or ``if(condition, 'a', 'b')``. Raises RelevantError otherwise."""
    if len(expression) > MAX_LENGTH:
        raise RelevantError("too_complex")
    parser = _Parser(expression)
    first = parser.peek()
    if first is None:
        raise RelevantError("early_end")
    if first.kind == "word" and first.text == "count-selected":
        parser.take()
        parser.expect("op", "(")
        name = parser.expect("ref").text
        parser.expect("op", ")")
        calculation = Calculation(key, "count_selected", question=name)
    elif first.kind == "word" and first.text == "if":
        parser.take()
        parser.expect("op", "(")
        condition = _Grouped.unwrap(parser.nested())
        parser.expect("op", ",")
        then = parser.literal()
        parser.expect("op", ",")
        otherwise = parser.literal()
        parser.expect("op", ")")
        calculation = Calculation(key, "if", condition, then=then, otherwise=otherwise)
    else:
        calculation = Calculation(key, "condition", _Grouped.unwrap(parser.expression()))
    leftover = parser.peek()
    if leftover is not None:
        raise RelevantError("unexpected", leftover.text)
    return calculation


def format_calculation(calculation: Calculation) -> str:
    """Write a calculation as XLSForm that parse_calculation_expression reads back."""
    if calculation.kind == "count_selected":
        return f"count-selected(${{{calculation.question}}})"
    assert calculation.condition is not None  # noqa: S101 - every other kind has one
    condition = format_relevant(calculation.condition)
    if calculation.kind == "if":
        return f"if({condition}, {_quote(calculation.then)}, {_quote(calculation.otherwise)})"
    return condition
