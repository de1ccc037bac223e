"""Write a questionnaire version as an XLSForm workbook that reads back to the same definition.

The workbook is a valid XLSForm (pyxform converts it), so a CCR can also open it in ODK or
KoboToolbox tools. The mapping is the reader's, in reverse (docs/questionnaires.md):
a part is a group, its content warning and introduction are notes at its top, a scale is a
``likert`` list numbered from low to high, and yes/no questions use the ``yes_no`` list.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from ..definition import Definition, questions_behind
from ..types import (
    ChoiceQuestion,
    DateQuestion,
    DecimalQuestion,
    LocalText,
    LongTextQuestion,
    MultipleChoice,
    NumberQuestion,
    Question,
    ScaleQuestion,
    TextQuestion,
    YesNo,
)
from .columns import english_name, language_header
from .constraints import quote
from .relevant import _quote, format_calculation, format_relevant
from .vocabulary import WARNING_APPEARANCE, YES_NO_LIST

# (language, English text) -> the app's translation; used for the yes/no labels.
Translate = Callable[[str, str], str]
YES_NO_WORDS = {"yes": "Yes", "no": "No", "prefer_not_to_say": "Prefer not to say"}
SURVEY_COLUMNS = ("type", "name")
TAIL_COLUMNS = ("required", "relevant", "appearance", "constraint")
RESERVED_LISTS = frozenset({YES_NO_LIST})  # a list by that name means the app's yes/no


def _languages(definition: Definition, offered: Sequence[str]) -> list[str]:
    """Offered languages first, then any others the definition carries (kept, not lost)."""
    found: list[str] = list(offered)
    for _name, text in definition.texts():
        for code in text:
            if code not in found:
                found.append(code)
    return found


class _Table:
    """One sheet: a header row, then rows given as {column: value}."""

    def __init__(self, sheet: Worksheet, columns: list[str]) -> None:
        self.sheet = sheet
        self.columns = columns
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "C2" if "name" in columns else "A2"

    def add(self, values: dict[str, Any]) -> None:
        unknown = set(values) - set(self.columns)
        if unknown:  # pragma: no cover - a programming error, not a data one
            raise ValueError(f"no columns {sorted(unknown)}")
        self.sheet.append([values.get(column) for column in self.columns])
        for cell in self.sheet[self.sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                # Text, never a formula: a label like "=HYPERLINK(…)" must not come alive.
                cell.data_type = "s"

    def finish(self, wide: set[str]) -> None:
        for index, column in enumerate(self.columns, start=1):
            letter = self.sheet.cell(row=1, column=index).column_letter
            self.sheet.column_dimensions[letter].width = 48 if column in wide else 18
            if column in wide:
                for (cell,) in self.sheet.iter_rows(min_col=index, max_col=index, min_row=2):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _texts(base: str, text: LocalText | None, languages: list[str]) -> dict[str, str]:
    if not text:
        return {}
    return {language_header(base, code): text[code] for code in languages if text.get(code)}


def _type_of(question: Question, list_name: str | None) -> str:
    if isinstance(question, ChoiceQuestion):
        kind = "select_multiple" if question.type_name == "multiple_choice" else "select_one"
        return f"{kind} {list_name}"
    if isinstance(question, ScaleQuestion):
        return f"select_one {list_name}"
    if isinstance(question, DecimalQuestion):
        return "decimal"
    if isinstance(question, NumberQuestion):
        return "integer"
    if isinstance(question, TextQuestion):
        return "text"
    return question.type_name  # date


def _calculations_after(definition: Definition) -> dict[str, list[Any]]:
    """Question key -> the calculations to write after it: after the last question each
    uses, and never before the one listed before it (the reader keeps the sheet's order)."""
    keys = [q.key for q in definition.questions]
    by_key = {c.key: c for c in definition.calculations}
    after: dict[str, list[Any]] = {}
    position = 0
    for calculation in definition.calculations:
        used = questions_behind(calculation.key, by_key)
        position = max([position, *(keys.index(key) for key in used if key in keys)])
        after.setdefault(keys[position], []).append(calculation)
    return after


def _choice_filter(question: ChoiceQuestion) -> str:
    """Each option's condition as one XLSForm filter on the choice's name, which the reader
    binds back to the same condition per choice."""
    parts = []
    for option in question.options:
        chosen = f"name = {_quote(option.value)}"
        if option.show_if is None:
            parts.append(chosen)
        else:
            parts.append(f"({chosen} and ({format_relevant(option.show_if)}))")
    return " or ".join(parts)


def _decimal_constraint(question: DecimalQuestion) -> str:
    low = ">" if question.min_exclusive else ">="
    high = "<" if question.max_exclusive else "<="
    return f". {low} {question.minimum!r} and . {high} {question.maximum!r}"


def _text_constraint(question: TextQuestion) -> str:
    length = f"string-length(.) <= {question.max_length}"
    if question.pattern is None:
        return length
    quoted = quote(question.pattern)
    if quoted is None:  # XPath cannot quote it; the length still is checked in ODK
        return length
    return f"{length} and regex(., {quoted})"


def _count_constraint(question: MultipleChoice) -> str:
    low, high = question.min_selected, question.max_selected
    if low is not None and low == high:
        return f"count-selected(.) = {low}"
    sides = [
        f"count-selected(.) {operator} {number}"
        for operator, number in ((">=", low), ("<=", high))
        if number is not None
    ]
    return " and ".join(sides)


def _day_constraint(question: DateQuestion) -> str:
    def day(value: str) -> str:
        return "today()" if value == DateQuestion.TODAY else f"date('{value}')"

    sides = [
        f". {operator} {day(value)}"
        for operator, value in ((">=", question.min_date), ("<=", question.max_date))
        if value is not None
    ]
    return " and ".join(sides)


def _unique(
    name: str, taken: set[str], reserved: frozenset[str] = frozenset(), suffix: str = ""
) -> str:
    """``name`` + ``suffix``, made unique and kept within the 63 characters a name may have."""
    base = name[: 63 - len(suffix) - 4]  # room for "_99"
    candidate, counter = f"{base}{suffix}", 2
    while candidate in taken or candidate in reserved:
        candidate, counter = f"{base}{suffix}_{counter}", counter + 1
    taken.add(candidate)
    return candidate


def write_xlsform(definition: Definition, languages: Sequence[str], translate: Translate) -> bytes:
    """The workbook's bytes. ``translate(language, text)`` gives the app's own words (the
    yes/no labels) in each language."""
    codes = _languages(definition, languages)
    book = Workbook()
    survey_sheet = book.active
    survey_sheet.title = "survey"
    label_columns = [language_header("label", code) for code in codes]
    hint_columns = [language_header("hint", code) for code in codes]
    # The author's messages, only when some question has them (other exports stay as they were).
    message_columns = [
        language_header(base, code)
        for base in ("constraint_message", "required_message")
        if any(getattr(q, base) for q in definition.questions)
        for code in codes
    ]
    # Calculations, only when there are some; each is written after the questions it uses.
    calculation_columns = ["calculation"] if definition.calculations else []
    filtered = any(isinstance(q, ChoiceQuestion) and q.filtered for q in definition.questions)
    calculation_columns += ["choice_filter"] if filtered else []
    after = _calculations_after(definition)
    survey = _Table(
        survey_sheet,
        [
            *SURVEY_COLUMNS, *label_columns, *hint_columns, *TAIL_COLUMNS, *message_columns,
            *calculation_columns,
        ],
    )  # fmt: skip
    choices = _Table(book.create_sheet("choices"), ["list_name", "name", *label_columns])
    settings_columns = [
        "form_title", "form_id", "version", "default_language", "audience",
        "estimated_minutes", *label_columns,
        *(language_header("description", code) for code in codes),
    ]  # fmt: skip
    settings = _Table(book.create_sheet("settings"), settings_columns)

    names = {q.key for q in definition.questions} | {YES_NO_LIST}
    lists_written: set[str] = set()
    for section in definition.sections:
        survey.add(
            {
                "type": "begin group",
                "name": section.key,
                "appearance": "field-list",  # one page, as in the app
                **_texts("label", section.title, codes),
            }
        )
        if section.content_warning:
            survey.add(
                {
                    "type": "note",
                    "name": _unique(section.key, names, suffix="_warning"),
                    "appearance": WARNING_APPEARANCE,
                    **_texts("label", section.content_warning, codes),
                }
            )
        if section.intro:
            survey.add(
                {
                    "type": "note",
                    "name": _unique(section.key, names, suffix="_intro"),
                    **_texts("label", section.intro, codes),
                }
            )
        for question in section.questions:
            list_name = _write_choices(question, choices, codes, lists_written, translate)
            row: dict[str, Any] = {
                "type": _type_of(question, list_name),
                "name": question.key,
                **_texts("label", question.label, codes),
                **_texts("hint", question.help, codes),
                **_texts("constraint_message", question.constraint_message, codes),
                **_texts("required_message", question.required_message, codes),
            }
            if question.required:
                row["required"] = "yes"
            if isinstance(question, ChoiceQuestion) and question.filtered:
                row["choice_filter"] = _choice_filter(question)
            if question.show_if is not None:
                row["relevant"] = format_relevant(question.show_if)
            if isinstance(question, ScaleQuestion):
                row["appearance"] = "likert"
            elif isinstance(question, LongTextQuestion):
                row["appearance"] = "multiline"
            if isinstance(question, TextQuestion):
                row["constraint"] = _text_constraint(question)
            elif isinstance(question, MultipleChoice) and _count_constraint(question):
                row["constraint"] = _count_constraint(question)
            elif isinstance(question, DateQuestion) and _day_constraint(question):
                row["constraint"] = _day_constraint(question)
            elif isinstance(question, DecimalQuestion):
                row["constraint"] = _decimal_constraint(question)
            elif isinstance(question, NumberQuestion) and not isinstance(question, ScaleQuestion):
                row["constraint"] = f". >= {question.minimum} and . <= {question.maximum}"
            survey.add(row)
            for calculation in after.get(question.key, []):
                survey.add(
                    {
                        "type": "calculate",
                        "name": calculation.key,
                        "calculation": format_calculation(calculation),
                    }
                )
        survey.add({"type": "end group"})

    settings.add(
        {
            "form_title": definition.title.get(codes[0]) or next(iter(definition.title.values())),
            "form_id": definition.key,
            "version": definition.version,
            "default_language": f"{english_name(codes[0])} ({codes[0]})",
            "audience": definition.audience,
            "estimated_minutes": definition.estimated_minutes,
            **_texts("label", definition.title, codes),
            **_texts("description", definition.description, codes),
        }
    )
    wide = (
        set(label_columns)
        | set(hint_columns)
        | {language_header("description", code) for code in codes}
    )
    for table in (survey, choices, settings):
        table.finish(wide)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_choices(
    question: Question,
    choices: _Table,
    codes: list[str],
    written: set[str],
    translate: Translate,
) -> str | None:
    """Add the question's choice list (once) and return its name."""
    if isinstance(question, YesNo):
        if YES_NO_LIST not in written:
            written.add(YES_NO_LIST)
            for value in YesNo.VALUES:
                labels = {code: translate(code, YES_NO_WORDS[value]) for code in codes}
                choices.add(
                    {"list_name": YES_NO_LIST, "name": value, **_texts("label", labels, codes)}
                )
        return YES_NO_LIST
    if isinstance(question, ScaleQuestion):
        name = _unique(question.key, written, RESERVED_LISTS)
        for point in question.points():
            if point == question.minimum:
                labels: LocalText = question.min_label
            elif point == question.maximum:
                labels = question.max_label
            else:
                labels = {code: str(point) for code in codes}
            choices.add({"list_name": name, "name": str(point), **_texts("label", labels, codes)})
        return name
    if isinstance(question, ChoiceQuestion):
        name = _unique(question.key, written, RESERVED_LISTS)
        for option in question.options:
            choices.add(
                {"list_name": name, "name": option.value, **_texts("label", option.label, codes)}
            )
        return name
    return None
