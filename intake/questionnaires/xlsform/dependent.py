"""Survey rows that depend on earlier answers: piping (``${q}`` in a label), calculations,
choice filters, and the lists they read (ranking, external choices).

Everything here is read when the page is made, from answers on earlier pages: no script fills
anything in as she types, so a question that uses an answer from its own page begins a new one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from flask_babel import lazy_gettext as _l

from ..conditions import Calculation, Condition
from .choice_filter import FilterError, bind, columns_of, parse_choice_filter
from .relevant import RelevantError, parse_calculation_expression
from .skip_logic import KnownQuestion, filter_message, filter_problem, relevant_message

if TYPE_CHECKING:
    from .reader import Reader
    from .vocabulary import Sheet


PIPED_NAME = re.compile(r"\$\{\s*([^}\s]+)\s*\}")
# The places a ranking asks for (English msgids, in every language from the app's catalog).
PLACES = ("first choice", "second choice", "third choice")
_PLACE_MARKS = (_l("first choice"), _l("second choice"), _l("third choice"))
EXTERNAL_TYPES = {
    "select_one_external": "select_one",
    "select_multiple_external": "select_multiple",
}


class DependentRows:
    """Part of SurveyBuilder (survey.py): the rows that use earlier answers."""

    reader: Reader
    sheet: Sheet
    choices: Sheet
    lists: dict[str, list[int]]
    external: Sheet | None
    external_lists: dict[str, list[int]]
    known: dict[str, KnownQuestion]
    renamed: dict[str, str]
    broken: set[str]
    dropped: dict[str, Any]
    part: dict[str, Any] | None
    calculations: list[dict[str, Any]]
    behind: dict[str, set[str]]

    def places(self, index: int, data: dict[str, Any]) -> list[dict[str, Any]]:
        """``rank``: one choice per place, first to third, each from the whole list (a page
        without script cannot reorder a list). Answers are counted per place, like any
        single choice; places after the third are left out with a warning."""
        count = min(len(data["options"]), len(PLACES))
        if len(data["options"]) > len(PLACES):
            self.warning(
                index, "type",
                _l("Left out: places after the third. The app asks for the first three."),
            )  # fmt: skip
        self.known.pop(data["key"], None)
        questions = []
        for place in PLACES[:count]:
            words = self.reader.app_texts(place)
            question = {
                **data,
                "key": self.unique_key(f"{data['key'][:60]}_{PLACES.index(place) + 1}", index),
                "label": {
                    code: f"{text} ({words.get(code, place)})"
                    for code, text in data["label"].items()
                },
            }
            values = {o["value"] for o in data["options"]}
            self.known[question["key"]] = KnownQuestion("single_choice", values, index)
            questions.append(question)
        return questions

    def calculate(self, index: int, row: Mapping[str, str]) -> None:
        """A calculation the app can work out (a condition, count-selected(), if()) is kept,
        to be used by skip logic and labels; never asked, never stored. Any other is left
        out, and skip logic or a label that uses it is refused."""
        name = self.sheet.cell(row, "name")
        expression = self.sheet.cell(row, "calculation")
        try:
            parsed = parse_calculation_expression(name, expression)
        except RelevantError:
            parsed = None
        if parsed is None:
            self.warning(
                index, "calculation",
                _l(
                    "Left out: the app works out only conditions (${age} >= 18), "
                    "count-selected(${q}) and if(condition, 'a', 'b')."
                ),
            )  # fmt: skip
            self.dropped[name] = "calculation"
            return
        key = self.check_name(index, row)
        if not key:
            return
        if parsed.kind == "count_selected":
            target_name = parsed.question or ""
            target = self.known.get(self.renamed.get(target_name, target_name))
            if target is None or target.type_name != "multiple_choice":
                if target_name not in self.broken:
                    self.problem(
                        index, "calculation",
                        _l(
                            "count-selected() counts the choices of an earlier multiple-choice "
                            "question, and “%(name)s” is not one.",
                            name=target_name,
                        ),
                    )  # fmt: skip
                self.broken.add(name)
                return
            calculation = Calculation(key, "count_selected", question=self.renamed[target_name])
        else:
            assert parsed.condition is not None  # noqa: S101 - the other kinds have one
            condition = self.check_condition(index, parsed.condition, expression, "calculation")
            if condition is None:
                self.broken.add(name)
                return
            calculation = Calculation(
                key, parsed.kind, condition, then=parsed.then, otherwise=parsed.otherwise
            )
        self.calculations.append(calculation.to_data())
        self.behind[key] = {
            q for ref in calculation.references() for q in self.behind.get(ref, {ref})
        }
        self.known[key] = KnownQuestion(calculation.type_name, calculation.allowed_values(), index)

    def piped(self, index: int, base: str, text: dict[str, str] | None) -> dict[str, str] | None:
        """``${name}`` in a label or hint, as ``${key}`` of an earlier question. The answer
        must be given on an earlier page (no script fills it in as she types), so a question
        showing an answer from the open page begins a new one."""
        if not text:
            return text
        names = {name for words in text.values() for name in PIPED_NAME.findall(words)}
        keys: dict[str, str] = {}
        for name in sorted(names):
            if name in self.broken:
                return text
            problem = None
            if name in self.dropped:
                problem = _l(
                    "The text shows the answer to “%(name)s”, which the app leaves out (see "
                    "its row).",
                    name=name,
                )
            elif self.renamed.get(name, name) not in self.known:
                problem = _l(
                    "The text shows the answer to “%(name)s”, which is not an earlier question.",
                    name=name,
                )
            if problem is not None:
                self.problem(index, base, problem)
                continue
            keys[name] = self.renamed.get(name, name)
        needed = {q for key in keys.values() for q in self.behind.get(key, {key})}
        if self.part is not None and any(q["key"] in needed for q in self.part["questions"]):
            self.close_part()
        return {
            code: PIPED_NAME.sub(lambda m: f"${{{keys.get(m.group(1), m.group(1))}}}", words)
            for code, words in text.items()
        }

    def external_select(
        self, index: int, row: Mapping[str, str], base_type: str, list_name: str
    ) -> dict[str, Any] | None:
        """``select_one_external``: a list on the external_choices sheet, read like one on
        the choices sheet (ODK keeps it in a separate file only for its size)."""
        assert self.external is not None  # noqa: S101 - external_lists come from it
        own = self.choices, self.lists
        self.choices, self.lists = self.external, self.external_lists
        try:
            return self.select(
                index, base_type, list_name, [],
                choice_filter=self.sheet.cell(row, "choice_filter"),
            )  # fmt: skip
        finally:
            self.choices, self.lists = own

    def option_filters(
        self, index: int, expression: str, rows: list[int]
    ) -> dict[str, Condition | None] | None:
        """``choice_filter`` read for each choice: value -> the condition on earlier answers
        under which it is offered (None: always); choices it never offers are not in it.
        None when the filter is refused (said once, at its cell)."""
        try:
            node = parse_choice_filter(expression)
        except RelevantError as exc:
            self.problem(index, "choice_filter", filter_message(relevant_message(exc)))
            return None
        headers = {h.base: h.text for h in self.choices.headers if not h.language}
        filters: dict[str, Condition | None] = {}
        for i in rows:
            choice = self.choices.rows[i]
            try:
                bound = bind(node, columns_of(choice, headers))
            except FilterError as exc:
                self.problem(index, "choice_filter", filter_problem(exc))
                return None
            except RelevantError as exc:
                self.problem(index, "choice_filter", filter_message(relevant_message(exc)))
                return None
            value = self.choices.cell(choice, "name")
            if bound is False:
                continue
            if bound is True:
                filters[value] = None
                continue
            if self.never_offered(bound):
                self.warning(
                    index, "choice_filter",
                    _l(
                        "Left out: the choice “%(choice)s” is never offered, because the filter "
                        "compares “%(name)s” with “%(value)s”, which is not one of its choices.",
                        choice=value, name=bound.question, value=bound.value,
                    ),
                )  # fmt: skip
                continue
            checked = self.check_condition(index, bound, expression, "choice_filter")
            if checked is None:
                return None
            filters[value] = checked
        if not filters:
            self.problem(
                index, "choice_filter", _l("This filter leaves no choice to offer: check it.")
            )
            return None
        # Read when the page is made: the answers it uses must be on an earlier page.
        needed = {
            q for c in filters.values() if c for ref in c.references()
            for q in self.behind.get(ref, {ref})
        }  # fmt: skip
        if self.part is not None and any(q["key"] in needed for q in self.part["questions"]):
            self.close_part()
        return filters

    def never_offered(self, condition: Condition) -> bool:
        """``filter = ${region}`` for a choice whose filter is no region: never true."""
        if condition.kind != "equals":
            return False
        name = condition.question or ""
        target = self.known.get(self.renamed.get(name, name))
        return (
            target is not None
            and target.values is not None
            and (str(condition.value) not in target.values)
        )
