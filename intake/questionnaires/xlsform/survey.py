"""Walk the survey sheet: groups become parts, rows become questions (or are left out with
a warning, or refused); skip logic is checked against earlier questions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flask_babel import lazy_gettext as _l

from ..conditions import NUMBER_KINDS, Condition, parse_condition
from ..definition import KEY_PATTERN, NUMBER_TYPES
from ..patterns import PatternError, check_pattern
from ..types import (
    DateQuestion,
    DecimalQuestion,
    LongTextQuestion,
    MultipleChoice,
    TextQuestion,
    YesNo,
    is_day,
)
from .constraints import read_terms
from .dependent import EXTERNAL_TYPES, DependentRows
from .limits import decimal_bounds, number_bounds
from .relevant import RelevantError, parse_relevant
from .skip_logic import KnownQuestion, relevant_message, strict_limit
from .vocabulary import (
    ACKNOWLEDGE_LABEL,
    DROP_REASONS,
    DROPPED_TYPES,
    FALSE_WORDS,
    OTHER_LABEL,
    OTHER_VALUE,
    RESERVED_NAMES,
    SPECIFY_OTHER,
    SUPPORTED_TYPES,
    SURVEY,
    TRUE_WORDS,
    WARNING_APPEARANCE,
    YES_NO_LIST,
    Sheet,
    safe_key,
    type_words,
)

if TYPE_CHECKING:
    from .reader import Reader


@dataclass
class Frame:
    """An open group (or repeat) while the survey sheet is walked."""

    key: str
    title: dict[str, str] | None
    intro: dict[str, str] | None
    condition: Condition | None
    row: int
    parts: int = 0  # parts made from it so far


ONE_WORD_TYPES = frozenset({"text", "integer", "decimal", "date", "acknowledge", "range"})


class SurveyBuilder(DependentRows):
    """Walks the survey sheet: groups become parts, rows become questions.

    Nested groups are flattened (each inner group is its own part, headed by its label);
    questions outside any group are paged, a part per PAGE_SIZE; a note after questions
    starts a new part that it introduces. Rows the app must not keep are dropped with a
    warning; a row is refused only when what is left would not make sense.
    """

    PAGE_SIZE = 6

    def __init__(
        self,
        reader: Reader,
        sheet: Sheet,
        choices: Sheet,
        lists: dict[str, list[int]],
        audience: str,
        form_title: dict[str, str] | None,
    ) -> None:
        self.reader = reader
        self.sheet = sheet
        self.choices = choices
        self.lists = lists
        self.audience = audience
        self.form_title = form_title or {}
        self.known: dict[str, KnownQuestion] = {}
        self.keys: dict[str, int] = {}  # question and note keys -> row
        self.part_keys: dict[str, int] = {}  # part keys -> row (a separate namespace)
        self.renamed: dict[str, str] = {}  # author's name -> key
        self.checked_lists: set[str] = set()
        # Questions whose own row is wrong: skip logic that refers to them is not blamed too.
        self.broken: set[str] = set()
        # Rows dropped with a warning, by author's name: what skip logic must not rely on.
        self.dropped: dict[str, Any] = {}
        self.sections: list[dict[str, Any]] = []
        self.part: dict[str, Any] | None = None
        self.pending: dict[str, dict[str, str]] = {}  # notes waiting for a part to introduce
        self.pending_rows: list[int] = []  # … and their rows
        self.note_rows: list[int] = []  # the notes of the open part
        self.stack: list[Frame] = []
        # The external_choices sheet, when the workbook has one (set by the reader).
        self.external: Sheet | None = None
        self.external_lists: dict[str, list[int]] = {}
        self.calculations: list[dict[str, Any]] = []  # kept calculations, as definition data
        self.behind: dict[str, set[str]] = {}  # a calculation's key -> the questions it uses
        self.loose = 0  # parts made from questions outside any group

    def problem(self, index: int, base: str | None, message: Any) -> None:
        self.reader.problem_at(self.sheet, index, base, message)

    def warning(self, index: int, base: str | None, message: Any) -> None:
        self.reader.warning_at(self.sheet, index, base, message)

    # -- the walk -------------------------------------------------------------------------
    def walk(self) -> list[dict[str, Any]]:
        for index, row in enumerate(self.sheet.rows):
            if not row or not any(str(v).strip() for v in row.values()):
                continue
            words = type_words(self.sheet.cell(row, "type"))
            kind = words[0] if words else ""
            if not kind:
                self.problem(index, "type", _l("This row has text but no type."))
                continue
            if kind in {"begin_group", "begin_repeat"}:
                self.begin_group(index, row, repeat=kind == "begin_repeat")
            elif kind in {"end_group", "end_repeat"}:
                self.end_group(index)
            elif kind == "note":
                self.note(index, row)
            else:
                self.add_question(index, row, words)
        self.close_part()
        if self.pending_rows:
            self.warning(
                self.pending_rows[0], "type",
                _l("Left out: no question comes after this note, so no page shows it."),
            )  # fmt: skip
        for frame in reversed(self.stack):
            self.problem(frame.row, "type", _l("This group is never closed with “end group”."))
        if not self.sections and not self.reader.problems:
            self.reader.problems.add(
                _l("The survey sheet has no question the app can ask."), SURVEY
            )
        return self.sections

    def close_part(self) -> None:
        if self.part is not None and self.part["questions"]:
            self.sections.append(self.part)
        elif self.part is not None:
            for field_name in ("content_warning", "intro"):
                if field_name in self.part:  # its notes introduce whatever comes next
                    self.pending.setdefault(field_name, self.part[field_name])
            self.pending_rows += self.note_rows
        self.part = None
        self.note_rows = []

    def open_part(self, index: int) -> dict[str, Any]:
        """The part a question or note on this row goes into, opened if needed."""
        frame = self.stack[-1] if self.stack else None
        if self.part is not None:
            if frame is not None or len(self.part["questions"]) < self.PAGE_SIZE:
                return self.part
            self.close_part()
        if frame is not None:
            base = frame.key if frame.parts == 0 else f"{frame.key}_{frame.parts + 1}"
            frame.parts += 1
            title = next((f.title for f in reversed(self.stack) if f.title), None)
        else:
            self.loose += 1
            base = f"part_{self.loose}"
            title = None
        part: dict[str, Any] = {
            "key": self.unique_key(base, index, self.part_keys),
            "title": title or self.form_title,
            "questions": [],
        }
        if frame is not None and frame.parts == 1 and frame.intro:
            part["intro"] = frame.intro
        for field_name, text in self.pending.items():
            part.setdefault(field_name, text)
        self.pending, self.pending_rows = {}, []
        self.part = part
        return part

    def unique_key(self, base: str, index: int, taken: dict[str, int] | None = None) -> str:
        taken = self.keys if taken is None else taken
        key, number = base, 1
        while key in taken or key in RESERVED_NAMES:
            number += 1
            key = f"{base[:58]}_{number}"
        taken[key] = index
        return key

    # -- names ----------------------------------------------------------------------------
    def check_name(self, index: int, row: Mapping[str, str]) -> str:
        """The row's key: the author's name, made safe and unique; reserved names renamed."""
        name = self.sheet.cell(row, "name")
        if not name:
            self.problem(index, "name", _l("Every row needs a name."))
            return ""
        if name in self.renamed:
            self.problem(
                index, "name",
                _l(
                    "The name “%(name)s” is used twice (first in row %(row)s).",
                    name=name, row=Sheet.row_number(self.keys[self.renamed[name]]),
                ),
            )  # fmt: skip
            return ""
        base = name if KEY_PATTERN.match(name) else safe_key(name)
        key = self.unique_key(base, index)
        if name.lower() in RESERVED_NAMES:
            self.reserved_name(index, name, key)
        self.renamed[name] = key
        return key

    def reserved_name(self, index: int, name: str, key: str) -> None:
        self.warning(
            index, "name",
            _l(
                "“%(name)s” is a name ODK and KoboToolbox keep for themselves, so the app "
                "calls it “%(key)s”.",
                name=name, key=key,
            ),
        )  # fmt: skip

    # -- groups ---------------------------------------------------------------------------
    def begin_group(self, index: int, row: Mapping[str, str], *, repeat: bool) -> None:
        if repeat:
            self.problem(
                index, "type",
                _l(
                    "Repeats are not supported: each question is asked once. Ask how many "
                    "(an integer question), then ask about the first few one by one, e.g. "
                    "child_1_age, child_2_age."
                ),
            )  # fmt: skip
        self.close_part()
        name = self.sheet.cell(row, "name")
        key = safe_key(name) if name else f"part_{index + 2}"
        if name.lower() in RESERVED_NAMES:
            self.reserved_name(index, name, f"{key}_part")
            key = f"{key}_part"
        title = self.reader.texts(self.sheet, index, "label", required=False)
        intro = self.reader.texts(self.sheet, index, "hint", required=False)
        for base in ("required", "constraint"):
            raw = self.sheet.cell(row, base).lower()
            if raw and raw not in FALSE_WORDS:
                self.warning(
                    index, base,
                    _l("A group takes no %(column)s; it is left out.", column=base),
                )  # fmt: skip
        condition = None
        relevant = self.sheet.cell(row, "relevant")
        if relevant:
            # A group's condition applies to each of its questions (the app has no
            # conditional pages, only conditional questions: a page with none shown is skipped).
            condition = self.condition(index, relevant)
        outer = self.stack[-1].condition if self.stack else None
        if outer is not None:
            condition = (
                outer if condition is None else Condition("all", children=(outer, condition))
            )
        self.stack.append(Frame(key, title, intro, condition, index))

    def end_group(self, index: int) -> None:
        if not self.stack:
            self.problem(index, "type", _l("“end group” has no “begin group” before it."))
            return
        self.close_part()
        self.stack.pop()

    # -- notes ----------------------------------------------------------------------------
    def note(self, index: int, row: Mapping[str, str]) -> None:
        name = self.sheet.cell(row, "name")
        key = self.check_name(index, row)
        text = self.reader.texts(self.sheet, index, "label", required=True, piping=True) or {}
        text = self.piped(index, "label", text) or {}
        hinted = [h for h in self.sheet.text_headers("hint") if (row.get(h.text) or "").strip()]
        if hinted:
            self.reader.problems.add(
                _l("A note has no hint: put all of its text in its label."),
                SURVEY, Sheet.row_number(index), hinted[0].text, hinted[0].letter,
            )  # fmt: skip
        if self.sheet.cell(row, "relevant"):
            # A note is a page's introduction; shown to everyone it could say what only some
            # respondents should read, so it is left out instead.
            self.warning(
                index, "relevant",
                _l(
                    "A note shown only after some answers is left out: the app shows notes "
                    "to everyone, at the top of a page."
                ),
            )  # fmt: skip
            self.dropped[name] = key
            return
        appearance = self.sheet.cell(row, "appearance").lower().split()
        field_name = "content_warning" if WARNING_APPEARANCE in appearance else "intro"
        part = self.part
        if part is not None and part["questions"]:
            self.close_part()  # a note between questions begins a new page
            part = None
        if part is None:
            part = self.open_part(index)
        self.note_rows.append(index)
        if field_name in part:
            part[field_name] = {
                code: f"{part[field_name].get(code, '')}\n\n{words}".strip()
                for code, words in text.items()
            }
        else:
            part[field_name] = text

    # -- questions ------------------------------------------------------------------------
    def add_question(self, index: int, row: Mapping[str, str], words: list[str]) -> None:
        kind = words[0]
        if kind == "calculate":
            self.calculate(index, row)
            return
        reason = DROPPED_TYPES.get(kind)
        if reason is not None:
            self.warning(index, "type", DROP_REASONS[reason])
            self.dropped[self.sheet.cell(row, "name")] = reason
            return
        for question in self.question(index, row, words):
            self.open_part(index)["questions"].append(question)

    def question(
        self, index: int, row: Mapping[str, str], words: list[str]
    ) -> list[dict[str, Any]]:
        """The row's question (and the follow-up of an or_other), or nothing if refused."""
        base_type = words[0]
        name = self.sheet.cell(row, "name")
        type_data = self.question_type(index, row, words)
        key = self.check_name(index, row)
        if type_data is None:
            self.broken.add(name)
            return []
        label = self.reader.texts(self.sheet, index, "label", required=True, piping=True) or {}
        hint = self.reader.texts(self.sheet, index, "hint", required=False, piping=True)
        label, hint = self.piped(index, "label", label), self.piped(index, "hint", hint)
        data: dict[str, Any] = {"key": key, "type": type_data.pop("type"), "label": label}
        other = type_data.pop("other", None)
        if hint:
            data["help"] = hint
        data["required"] = self.required(index, row)
        condition = self.own_condition(index, row)
        group_condition = self.stack[-1].condition if self.stack else None
        if group_condition is not None:
            condition = (
                group_condition
                if condition is None
                else Condition("all", children=(group_condition, condition))
            )
        if condition is not None:
            data["show_if"] = condition.to_data()
        data.update(type_data)
        if other is not None:
            data["or_other"] = True  # its "other" choice is counted by count-selected
        checked = self.constraint(index, row, base_type, data)
        data.pop("or_other", None)
        self.messages(index, row, data, checked)
        if key and key not in self.known:
            values = {o["value"] for o in data.get("options", [])} if "options" in data else None
            if data["type"] == YesNo.type_name:
                values = set(YesNo.VALUES)
            self.known[key] = KnownQuestion(data["type"], values, index)
        if data.pop("rank", False):
            return self.places(index, data)
        if other is not None:
            return [data, self.or_other(index, data, other)]
        return [data]

    def or_other(self, index: int, data: dict[str, Any], other: dict[str, str]) -> dict[str, Any]:
        """``or_other``: an "other" choice, and a short text asked when it is chosen."""
        data["options"].append({"value": OTHER_VALUE, "label": other})
        self.known[data["key"]].values = {o["value"] for o in data["options"]}
        kind = "includes" if data["type"] == "multiple_choice" else "equals"
        shown = Condition(kind, data["key"], OTHER_VALUE)
        if "show_if" in data:
            shown = Condition("all", children=(parse_condition(data["show_if"]), shown))
        follow_up = {
            "key": self.unique_key(f"{data['key'][:56]}_other", index),
            "type": TextQuestion.type_name,
            "label": self.reader.app_texts(SPECIFY_OTHER),
            "required": False,
            "show_if": shown.to_data(),
            "max_length": TextQuestion.DEFAULT,
        }
        self.known[follow_up["key"]] = KnownQuestion(TextQuestion.type_name, None, index)
        return follow_up

    def question_type(
        self, index: int, row: Mapping[str, str], words: list[str]
    ) -> dict[str, Any] | None:
        base_type = words[0]
        appearance = self.sheet.cell(row, "appearance").lower().split()
        if base_type in EXTERNAL_TYPES and len(words) == 2 and words[1] in self.external_lists:
            return self.external_select(index, row, EXTERNAL_TYPES[base_type], words[1])
        if base_type == "rank" and len(words) == 2:
            data = self.select(
                index, "select_one", words[1], [],
                choice_filter=self.sheet.cell(row, "choice_filter"),
            )  # fmt: skip
            if data is not None and data["type"] != "single_choice":
                self.problem(
                    index, "type",
                    _l("A ranking needs a list of at least two choices, such as places."),
                )  # fmt: skip
                return None
            if data is not None:
                data["rank"] = True
            return data
        if base_type == "rank" or base_type.startswith(("select_one_", "select_multiple_")):
            self.unsupported(index, base_type)
            return None
        if base_type in {"select_one", "select_multiple"}:
            or_other = words[2:] == ["or_other"]
            if len(words) != 2 and not or_other:
                self.problem(
                    index, "type",
                    _l(
                        "“%(type)s” needs the name of one choice list, like %(example)s.",
                        type=base_type, example=f"{base_type} options",
                    ),
                )  # fmt: skip
                return None
            data = self.select(
                index, base_type, words[1], appearance, or_other=or_other,
                choice_filter=self.sheet.cell(row, "choice_filter"),
            )  # fmt: skip
            if data is not None and or_other:
                data["other"] = self.reader.app_texts(OTHER_LABEL)
            return data
        if self.sheet.cell(row, "choice_filter"):
            self.warning(
                index, "choice_filter",
                _l("Left out: a choice filter applies only to a question with choices."),
            )  # fmt: skip
        if len(words) != 1 and base_type not in ONE_WORD_TYPES:
            self.unsupported(index, " ".join(words))
            return None
        if base_type == "text":
            if "multiline" in appearance:
                return {"type": LongTextQuestion.type_name}
            return {"type": TextQuestion.type_name}
        if base_type == "integer":
            return {"type": "number"}
        if base_type == "decimal":
            return {"type": DecimalQuestion.type_name}
        if base_type == "date":
            return {"type": "date"}
        if base_type == "acknowledge":
            # A tick: a one-choice multiple choice whose choice is "OK".
            return {
                "type": "multiple_choice",
                "options": [{"value": "ok", "label": self.reader.app_texts(ACKNOWLEDGE_LABEL)}],
            }
        if base_type == "range":
            return self.range(index, row)
        self.unsupported(index, base_type)
        return None

    def range(self, index: int, row: Mapping[str, str]) -> dict[str, Any] | None:
        """``range`` with whole-number start, end and step 1: a number question."""
        parameters = dict(
            part.split("=", 1) for part in self.sheet.cell(row, "parameters").split() if "=" in part
        )
        try:
            start = int(parameters.get("start", "1"))
            end = int(parameters.get("end", "10"))
            step = int(parameters.get("step", "1"))
        except ValueError:
            start, end, step = 0, 0, 0
        if step != 1 or start >= end:
            self.problem(
                index, "parameters",
                _l(
                    "A range is read as a whole number from start to end: write parameters "
                    "like start=0 end=10 (step 1)."
                ),
            )  # fmt: skip
            return None
        return {"type": "number", "min": start, "max": end}

    def unsupported(self, index: int, type_name: str) -> None:
        if type_name.lower() in {"time", "datetime"}:
            message = _l(
                "Times of day are not asked: use date for the day. A day is enough to follow "
                "what happened, and an exact time can point to one person."
            )
        elif type_name == "rank":
            message = _l("A ranking needs the name of one choice list, like rank places.")
        elif type_name.endswith("_external"):
            message = _l(
                "The list for %(type)s is not on an external_choices sheet: add that sheet, "
                "or put the choices on the choices sheet and use select_one.",
                type=type_name,
            )
        elif type_name.startswith(("select_one_", "select_multiple_")):
            message = _l(
                "Choices from another file are not supported: put the choices on the choices sheet."
            )
        else:
            message = _l(
                "“%(type)s” is not a question type this app has. It has: %(types)s.",
                type=type_name,
                types=", ".join(SUPPORTED_TYPES),
            )
        self.problem(index, "type", message)

    def select(
        self,
        index: int,
        base_type: str,
        list_name: str,
        appearance: list[str],
        *,
        or_other: bool = False,
        choice_filter: str = "",
    ) -> dict[str, Any] | None:
        rows = self.lists.get(list_name)
        if rows is None:
            self.problem(
                index, "type",
                _l("The choice list “%(list)s” is not on the choices sheet.", list=list_name),
            )  # fmt: skip
            return None
        values = [self.choices.cell(self.choices.rows[i], "name") for i in rows]
        if or_other and OTHER_VALUE in values:
            self.problem(
                index, "type",
                _l(
                    "The list “%(list)s” already has a choice named other: remove or_other.",
                    list=list_name,
                ),
            )  # fmt: skip
            return None
        filters: dict[str, Condition | None] = {}
        if choice_filter:
            found = self.option_filters(index, choice_filter, rows)
            if found is None:
                return None
            filters = found
            values = [v for v in values if v in filters]
        if filters and any(filters.values()):
            pass  # a filtered list stays a list of choices, even yes/no or likert
        elif (
            base_type == "select_one" and list_name == YES_NO_LIST and values == list(YesNo.VALUES)
        ):
            # The app's own Yes / No / Prefer not to say, with labels from its catalog.
            return {"type": YesNo.type_name}
        labels = self.list_labels(list_name, rows)
        if base_type == "select_one" and "likert" in appearance and not any(filters.values()):
            scale = self.as_scale(values, labels)
            if scale is not None:
                return scale
        options: list[dict[str, Any]] = [{"value": v, "label": labels.get(v, {})} for v in values]
        for option in options:
            shown = filters.get(option["value"])
            if shown is not None:
                option["show_if"] = shown.to_data()
        # A one-choice list is a tick (a consent box): a choice that can also be left empty.
        kind = (
            "single_choice" if base_type == "select_one" and len(values) > 1 else "multiple_choice"
        )
        return {"type": kind, "options": options}

    def list_labels(self, list_name: str, rows: list[int]) -> dict[str, dict[str, str]]:
        labels: dict[str, dict[str, str]] = {}
        report = list_name not in self.checked_lists
        self.checked_lists.add(list_name)
        for i in rows:
            value = self.choices.cell(self.choices.rows[i], "name")
            if report:
                labels[value] = self.reader.texts(self.choices, i, "label", required=True) or {}
            else:
                row = self.choices.rows[i]
                labels[value] = {
                    self.choices.codes[h.text]: row[h.text].strip()
                    for h in self.choices.text_headers("label")
                    if (row.get(h.text) or "").strip()
                }
        return labels

    @staticmethod
    def as_scale(values: list[str], labels: dict[str, dict[str, str]]) -> dict[str, Any] | None:
        """A likert list numbered low to high whose inner points are labelled by their own
        number is the app's scale, with the two ends' labels; any other likert list stays a
        single choice."""
        if len(values) < 2 or not all(re.fullmatch(r"-?\d+", v) for v in values):
            return None
        numbers = [int(v) for v in values]
        if numbers != list(range(numbers[0], numbers[0] + len(numbers))) or len(numbers) > 11:
            return None
        inner = values[1:-1]
        if any(text != value for value in inner for text in labels.get(value, {}).values()):
            return None
        return {
            "type": "scale",
            "min": numbers[0],
            "max": numbers[-1],
            "min_label": labels.get(values[0], {}),
            "max_label": labels.get(values[-1], {}),
        }

    def required(self, index: int, row: Mapping[str, str]) -> bool:
        raw = self.sheet.cell(row, "required").lower()
        if not raw or raw in FALSE_WORDS:
            return False
        if raw not in TRUE_WORDS:
            self.problem(index, "required", _l("required must be yes or no."))
            return False
        if self.audience == "survivor":
            self.warning(
                index, "required",
                _l(
                    "In a survivor questionnaire every question can be skipped, so required "
                    "is left out."
                ),
            )  # fmt: skip
            return False
        return True

    def constraint(
        self, index: int, row: Mapping[str, str], base_type: str, data: dict[str, Any]
    ) -> bool:
        """Read the constraint into the question's limits; True when the app checks it."""
        raw = re.sub(r"\s+", " ", self.sheet.cell(row, "constraint"))
        if data["type"] in {TextQuestion.type_name, LongTextQuestion.type_name}:
            return self.text_constraint(index, self.sheet.cell(row, "constraint").strip(), data)
        if data["type"] == MultipleChoice.type_name and raw:
            return self.count_constraint(index, raw, data)
        if data["type"] == DateQuestion.type_name and raw:
            return self.day_constraint(index, raw, data)
        if data["type"] == "number":
            low, high = data.get("min", 0), data.get("max", 1000)
            bounds = number_bounds(raw) if raw else None
            if raw and bounds is None:
                self.dropped_check(index)
            elif bounds is not None:
                low = bounds[0] if bounds[0] is not None else min(low, bounds[1] - 1)
                high = bounds[1] if bounds[1] is not None else max(high, low + 1)
                if low >= high:
                    self.problem(
                        index, "constraint",
                        _l("No whole number meets this constraint: check its limits."),
                    )  # fmt: skip
            data["min"], data["max"] = low, high
            return bounds is not None
        if data["type"] == DecimalQuestion.type_name:
            limits = decimal_bounds(raw) if raw else None
            if raw and limits is None:
                self.dropped_check(index)
            elif limits is not None:
                data.update(limits)
                if data["min"] >= data["max"]:
                    self.problem(
                        index, "constraint",
                        _l("No number meets this constraint: check its limits."),
                    )  # fmt: skip
            data.setdefault("min", 0)
            data.setdefault("max", 1000)
            return limits is not None
        if raw:
            self.dropped_check(index)
        return False

    def text_constraint(self, index: int, raw: str, data: dict[str, Any]) -> bool:
        """``string-length(.) <= N``, ``regex(., 'pattern')``, or both joined by ``and``."""
        long = data["type"] == LongTextQuestion.type_name
        limit = LongTextQuestion.LIMIT if long else TextQuestion.LIMIT
        data["max_length"] = LongTextQuestion.DEFAULT if long else TextQuestion.DEFAULT
        if not raw:
            return False
        terms = read_terms(raw)
        lengths = [t for t in terms or [] if t.kind == "length"]
        patterns = [t for t in terms or [] if t.kind == "pattern"]
        if terms is None or len(lengths) + len(patterns) != len(terms) or len(patterns) > 1:
            self.dropped_check(index)
            return False
        if lengths:
            length = min(int(t.value) for t in lengths)
            if not 1 <= length <= limit:
                self.problem(
                    index, "constraint",
                    _l(
                        "A text answer can be at most %(limit)s characters long here: write "
                        "string-length(.) <= N, with N from 1 to %(limit)s.",
                        limit=limit,
                    ),
                )  # fmt: skip
                return False
            data["max_length"] = length
        if patterns:
            try:
                check_pattern(patterns[0].value, data["max_length"])
            except PatternError as exc:
                data["max_length"] = LongTextQuestion.DEFAULT if long else TextQuestion.DEFAULT
                self.warning(
                    index, "constraint",
                    _l("This check is not made: %(reason)s", reason=str(exc)),
                )  # fmt: skip
                return False
            data["pattern"] = patterns[0].value
        return True

    def count_constraint(self, index: int, raw: str, data: dict[str, Any]) -> bool:
        """``count-selected(.) >= 1 and count-selected(.) <= 3``, ``count-selected(.) = 2``."""
        terms = read_terms(raw)
        if terms is None or any(t.kind != "count" or t.operator == "!=" for t in terms):
            self.dropped_check(index)
            return False
        count = len(data["options"]) + (1 if data.get("or_other") else 0)
        low, high = 1, count
        for term in terms:
            number = int(term.value)
            if term.operator in {">=", ">", "="}:
                low = max(low, number + 1 if term.operator == ">" else number)
            if term.operator in {"<=", "<", "="}:
                high = min(high, number - 1 if term.operator == "<" else number)
        if low > high:
            self.problem(
                index, "constraint",
                _l("No number of choices meets this constraint: check its limits."),
            )  # fmt: skip
            return False
        if low > 1:
            data["min_selected"] = low
        if high < count:
            data["max_selected"] = high
        return True

    def day_constraint(self, index: int, raw: str, data: dict[str, Any]) -> bool:
        """``. <= today()``, ``. >= date('2020-01-01')``, one of each side, joined by ``and``."""
        terms = read_terms(raw)
        sides: dict[str, str] = {}
        for term in terms or []:
            side = {">=": "min_date", "<=": "max_date"}.get(term.operator)
            if term.kind != "day" or side is None or side in sides:
                break
            if term.value != DateQuestion.TODAY and not is_day(term.value):
                self.problem(
                    index, "constraint",
                    _l("Write a day as date('2020-01-31'): year, month, day."),
                )  # fmt: skip
                return False
            sides[side] = term.value
        else:
            if terms:
                low, high = sides.get("min_date"), sides.get("max_date")
                if low and high and low > high and DateQuestion.TODAY not in {low, high}:
                    self.problem(
                        index, "constraint",
                        _l("No day meets this constraint: check its limits."),
                    )  # fmt: skip
                    return False
                data.update(sides)
                return True
        self.dropped_check(index)
        return False

    def messages(
        self, index: int, row: Mapping[str, str], data: dict[str, Any], checked: bool
    ) -> None:
        """constraint_message and required_message, kept when their check is made and they
        are written in every language the app offers (a field error in one language only
        would leave the others without one)."""
        for base, used in (
            ("constraint_message", checked),
            ("required_message", data["required"]),
        ):
            headers = [h for h in self.sheet.text_headers(base) if (row.get(h.text) or "").strip()]
            if not headers:
                continue
            found = {self.sheet.codes[h.text]: row[h.text].strip() for h in headers}
            if not used:
                continue  # its check is left out, and said so on that column
            if not set(self.reader.languages) <= set(found):
                self.reader.warnings.add(
                    _l(
                        "Left out: this message is not written in every language the app "
                        "offers, so the app shows its own."
                    ),
                    SURVEY, Sheet.row_number(index), headers[0].text, headers[0].letter,
                )  # fmt: skip
                continue
            data[base] = found

    def dropped_check(self, index: int) -> None:
        self.warning(
            index, "constraint",
            _l(
                "This check is not made: the app checks limits on numbers (. >= 0 and "
                ". <= 120), on text length (string-length(.) <= 200), text patterns "
                "(regex(., '^[0-9]{5}$')), how many are chosen (count-selected(.) <= 3) and "
                "days (. <= today(), . >= date('2020-01-01')), joined by and."
            ),
        )  # fmt: skip

    # -- skip logic -----------------------------------------------------------------------
    def own_condition(self, index: int, row: Mapping[str, str]) -> Condition | None:
        relevant = self.sheet.cell(row, "relevant")
        return self.condition(index, relevant) if relevant else None

    def condition(self, index: int, expression: str) -> Condition | None:
        try:
            parsed = parse_relevant(expression)
        except RelevantError as exc:
            self.problem(index, "relevant", relevant_message(exc))
            return None
        return self.check_condition(index, parsed, expression)

    def check_condition(
        self, index: int, condition: Condition, expression: str = "", column: str = "relevant"
    ) -> Condition | None:
        """Check a parsed condition against earlier questions (by the author's names, read
        as the app's keys); "selected" on a single choice means "equals" there."""
        if condition.kind in {"all", "any", "not"}:
            children = [
                self.check_condition(index, child, expression, column)
                for child in condition.children
            ]
            if any(child is None for child in children):
                return None
            return Condition(condition.kind, children=tuple(c for c in children if c))
        name = condition.question or ""
        if name in self.broken:
            return condition
        if name in self.dropped:
            self.problem(
                index, column,
                _l(
                    "The skip logic uses “%(name)s”, which the app leaves out (see its row). "
                    "Base the skip logic on a question the app asks.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        key = self.renamed.get(name, name)
        target = self.known.get(key)
        if target is None:
            self.problem(
                index, column,
                _l(
                    "The skip logic refers to “%(name)s”, which is not an earlier question.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        condition = Condition(condition.kind, key, condition.value)
        if condition.kind == "answered":
            return condition
        if condition.kind in NUMBER_KINDS:
            if target.type_name == DecimalQuestion.type_name and strict_limit(expression, name):
                self.problem(
                    index, column,
                    _l(
                        "“%(name)s” is a decimal number: compare it with >= or <=, like "
                        "${%(name)s} >= 18.",
                        name=name,
                    ),
                )  # fmt: skip
                return None
            if target.type_name in NUMBER_TYPES:
                return condition
            self.problem(
                index, column,
                _l(
                    "“%(name)s” is not a number question, so the skip logic cannot compare it "
                    "with <, <=, > or >=.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        if target.values is None:
            self.problem(
                index, column,
                _l(
                    "“%(name)s” is not a choice question, so the skip logic can only ask "
                    "whether it was answered: ${%(name)s} != ''.",
                    name=name,
                ),
            )  # fmt: skip
            return None
        compared = condition.value if condition.kind == "in" else (condition.value,)
        wrong = [str(v) for v in compared if str(v) not in target.values]
        if wrong:
            self.problem(
                index, column,
                _l(
                    "The skip logic compares “%(name)s” with “%(value)s”, which is not one of "
                    "its choices.",
                    name=name, value=wrong[0],
                ),
            )  # fmt: skip
            return None
        multiple = target.type_name == "multiple_choice"
        if multiple and condition.kind != "includes":
            self.problem(
                index, column,
                _l(
                    "“%(name)s” is a multiple-choice question: write selected(${%(name)s}, "
                    "'%(value)s').",
                    name=name, value=compared[0],
                ),
            )  # fmt: skip
            return None
        if not multiple and condition.kind == "includes":
            return Condition("equals", key, condition.value)
        return condition
