"""Question types. Each class owns its form field, its rendering, validation and summary.

A new question needs only data (see definition.py); a new *kind* of question is one class
here plus one template in ``templates/questions/``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from flask import render_template
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from wtforms import Field, IntegerField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from .conditions import Condition, ConditionError, parse_condition
from .patterns import PatternError, check_pattern, matches

LocalText = Mapping[str, str]


def localise(text: LocalText | None, locale: str, fallback: str = "en") -> str:
    """Pick the text for ``locale``; definitions are checked to be complete at load time."""
    if not text:
        return ""
    return text.get(locale) or text.get(fallback) or next(iter(text.values()), "")


class DefinitionError(ValueError):
    """A questionnaire definition is not valid; the message says where and why."""


@dataclass(frozen=True)
class Option:
    value: str
    label: LocalText
    # XLSForm's choice_filter, read per option: offered only when this holds on earlier
    # answers (evaluated when the page is made; no script needed).
    show_if: Condition | None = None


@dataclass
class Question:
    """Common behaviour. Subclasses set ``type_name`` and override what differs."""

    key: str
    label: LocalText
    help: LocalText | None = None
    required: bool = False
    show_if: Condition | None = None
    section_key: str = ""
    # The author's own words for a failed check or a missing answer (XLSForm's
    # constraint_message / required_message), in every language; else the app's.
    constraint_message: LocalText | None = None
    required_message: LocalText | None = None

    type_name: ClassVar[str] = ""
    template: ClassVar[str] = ""
    counts_answers: ClassVar[bool] = False  # closed questions are counted, open ones coded

    # -- loading -----------------------------------------------------------------------
    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {}

    def extra_to_data(self) -> dict[str, Any]:
        return {}

    def texts(self) -> Iterable[tuple[str, LocalText]]:
        """Every translatable text, with a name for error messages."""
        yield f"{self.key}.label", self.label
        if self.help:
            yield f"{self.key}.help", self.help
        if self.constraint_message:
            yield f"{self.key}.constraint_message", self.constraint_message
        if self.required_message:
            yield f"{self.key}.required_message", self.required_message

    def allowed_values(self) -> set[str] | None:
        """Values a condition may compare against (None: not a choice question)."""
        return None

    # -- the form ----------------------------------------------------------------------
    def _presence(self, locale: str = "en") -> list[Any]:
        if self.required:
            message = (
                localise(self.required_message, locale)
                if self.required_message
                else _l("Please answer this question.")
            )
            return [InputRequired(message=message)]
        return [Optional()]

    def _check_message(self, locale: str, default: Any) -> Any:
        """The author's constraint message, if any. WTForms formats it with %, so a "%" the
        author wrote is escaped."""
        if not self.constraint_message:
            return default
        return localise(self.constraint_message, locale).replace("%", "%%")

    def form_field(self, locale: str) -> Field:
        raise NotImplementedError

    def value_from_field(self, data: Any) -> Any:
        """Turn validated form data into the stored answer (None when skipped)."""
        return data if data not in ("", None, []) else None

    def field_data(self, value: Any) -> Any:
        """The inverse: the stored answer as form data, to refill the page."""
        return value

    def render(self, bound_field: Field, locale: str) -> Markup:
        # render_template autoescapes: its output is already safe HTML.
        return Markup(  # noqa: S704
            render_template(
                self.template,
                question=self,
                field=bound_field,
                label=localise(self.label, locale),
                help=localise(self.help, locale),
                locale=locale,
            )
        )

    # -- stored answers ----------------------------------------------------------------
    def is_valid_value(self, value: Any) -> bool:
        raise NotImplementedError

    def display(self, value: Any, locale: str) -> str:
        return "" if value is None else str(value)

    def summarize(self, values: Iterable[Any]) -> dict[str, Any]:
        answered = [v for v in values if v is not None]
        return {"answered": len(answered)}


@dataclass
class ChoiceQuestion(Question):
    options: tuple[Option, ...] = ()
    counts_answers: ClassVar[bool] = True
    MIN_OPTIONS: ClassVar[int] = 2

    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        raw = data.get("options")
        if not isinstance(raw, list) or len(raw) < cls.MIN_OPTIONS:
            wanted = "two options" if cls.MIN_OPTIONS == 2 else "one option"
            raise DefinitionError(f"question {data.get('key')!r} needs at least {wanted}")
        options = []
        for item in raw:
            if not isinstance(item, dict) or not isinstance(item.get("value"), str):
                raise DefinitionError(f"question {data.get('key')!r} has a malformed option")
            show_if = None
            if "show_if" in item:
                try:
                    show_if = parse_condition(item["show_if"])
                except ConditionError as exc:
                    raise DefinitionError(f"question {data.get('key')!r}: {exc}") from exc
            options.append(
                Option(value=item["value"], label=item.get("label") or {}, show_if=show_if)
            )
        values = [option.value for option in options]
        if len(set(values)) != len(values):
            raise DefinitionError(f"question {data.get('key')!r} repeats an option value")
        return {"options": tuple(options)}

    def extra_to_data(self) -> dict[str, Any]:
        options = []
        for o in self.options:
            option: dict[str, Any] = {"value": o.value, "label": dict(o.label)}
            if o.show_if is not None:
                option["show_if"] = o.show_if.to_data()
            options.append(option)
        return {"options": options}

    @property
    def filtered(self) -> bool:
        return any(o.show_if is not None for o in self.options)

    def offered(self, values: Mapping[str, Any]) -> tuple[Option, ...]:
        """The options a respondent is offered, given the earlier answers."""
        return tuple(o for o in self.options if o.show_if is None or o.show_if.evaluate(values))

    def keep_offered(self, value: Any, values: Mapping[str, Any]) -> Any:
        """An answer without the choices no longer offered (None when nothing is left)."""
        allowed = {o.value for o in self.offered(values)}
        if isinstance(value, list):
            kept = [v for v in value if v in allowed]
            return kept or None
        return value if value in allowed else None

    def texts(self) -> Iterable[tuple[str, LocalText]]:
        yield from super().texts()
        for option in self.options:
            yield f"{self.key}.options.{option.value}", option.label

    def allowed_values(self) -> set[str]:
        return {option.value for option in self.options}

    def choices(self, locale: str) -> list[tuple[str, str]]:
        return [(option.value, localise(option.label, locale)) for option in self.options]

    def select_choices(self, locale: str) -> list[SelectChoice]:
        return [SelectChoice(value, label) for value, label in self.choices(locale)]

    def _choice_validator(self):  # type: ignore[no-untyped-def]
        allowed = self.allowed_values()

        def check(_form: Any, fld: Field) -> None:
            values = fld.data if isinstance(fld.data, list) else [fld.data]
            if any(v not in allowed for v in values if v not in (None, "")):
                raise ValidationError(_l("Please choose from the options shown."))

        return check

    def display(self, value: Any, locale: str) -> str:
        labels = dict(self.choices(locale))
        if isinstance(value, list):
            return ", ".join(labels.get(v, v) for v in value)
        return "" if value is None else labels.get(value, str(value))

    def summarize(self, values: Iterable[Any]) -> dict[str, Any]:
        counts: Counter[str] = Counter()
        answered = 0
        for value in values:
            if value is None:
                continue
            answered += 1
            for item in value if isinstance(value, list) else [value]:
                counts[item] += 1
        return {
            "answered": answered,
            "counts": {option.value: counts.get(option.value, 0) for option in self.options},
        }


@dataclass
class SingleChoice(ChoiceQuestion):
    type_name: ClassVar[str] = "single_choice"
    template: ClassVar[str] = "questions/radios.html"

    def form_field(self, locale: str) -> Field:
        return RadioField(
            localise(self.label, locale),
            choices=self.select_choices(locale),
            validate_choice=False,  # our own validator gives a translated message
            validators=[*self._presence(locale), self._choice_validator()],
        )

    def is_valid_value(self, value: Any) -> bool:
        return value is None or value in self.allowed_values()


@dataclass
class YesNo(SingleChoice):
    """Yes / No / Prefer not to say, with the labels supplied by the app's own catalog."""

    type_name: ClassVar[str] = "yes_no"
    VALUES: ClassVar[tuple[str, ...]] = ("yes", "no", "prefer_not_to_say")

    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        if "options" in data:
            raise DefinitionError(f"yes/no question {data.get('key')!r} takes no options")
        return {"options": tuple(Option(value, {}) for value in cls.VALUES)}

    def extra_to_data(self) -> dict[str, Any]:
        return {}

    def texts(self) -> Iterable[tuple[str, LocalText]]:
        yield from Question.texts(self)

    def choices(self, locale: str) -> list[tuple[str, str]]:
        labels = {"yes": _l("Yes"), "no": _l("No"), "prefer_not_to_say": _l("Prefer not to say")}
        return [(value, str(labels[value])) for value in self.VALUES]


@dataclass
class MultipleChoice(ChoiceQuestion):
    type_name: ClassVar[str] = "multiple_choice"
    template: ClassVar[str] = "questions/checkboxes.html"

    # XLSForm's count-selected(.) limits: how many may be chosen, when any are.
    min_selected: int | None = None
    max_selected: int | None = None

    # One option is a tick, such as a consent box, that can also be left empty.
    MIN_OPTIONS: ClassVar[int] = 1

    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        extra = super().extra_from_data(data)
        count = len(extra["options"])
        low, high = data.get("min_selected"), data.get("max_selected")
        for side in (low, high):
            if side is not None and (
                not isinstance(side, int) or isinstance(side, bool) or not 1 <= side <= count
            ):
                raise DefinitionError(
                    f"question {data.get('key')!r}: min/max_selected must be 1 to {count}"
                )
        if low is not None and high is not None and low > high:
            raise DefinitionError(f"question {data.get('key')!r}: min_selected > max_selected")
        extra.update(min_selected=low, max_selected=high)
        return extra

    def extra_to_data(self) -> dict[str, Any]:
        data = super().extra_to_data()
        if self.min_selected is not None:
            data["min_selected"] = self.min_selected
        if self.max_selected is not None:
            data["max_selected"] = self.max_selected
        return data

    def count_allowed(self, chosen: int) -> bool:
        low = self.min_selected if self.min_selected is not None else 1
        high = self.max_selected if self.max_selected is not None else len(self.options)
        return chosen == 0 or low <= chosen <= high

    def form_field(self, locale: str) -> Field:
        checks = []
        if self.min_selected is not None or self.max_selected is not None:
            checks.append(self._count_validator(locale))
        return SelectMultipleField(
            localise(self.label, locale),
            choices=self.select_choices(locale),
            validate_choice=False,
            widget=ListWidget(prefix_label=False),
            option_widget=CheckboxInput(),
            validators=[*self._presence(locale), self._choice_validator(), *checks],
        )

    def _count_validator(self, locale: str):  # type: ignore[no-untyped-def]
        low = self.min_selected if self.min_selected is not None else 1
        high = self.max_selected if self.max_selected is not None else len(self.options)
        if low == high:
            default = _l("Please choose exactly %(count)s of these.", count=low)
        else:
            default = _l("Please choose from %(low)s to %(high)s of these.", low=low, high=high)
        message = self._check_message(locale, default)

        def check(_form: Any, fld: Field) -> None:
            if not self.count_allowed(len(set(fld.data or []))):
                raise ValidationError(str(message).replace("%%", "%"))

        return check

    def value_from_field(self, data: Any) -> Any:
        if not data:
            return None
        chosen = set(data)
        # Keep the definition's order so stored answers are canonical.
        return [option.value for option in self.options if option.value in chosen]

    def field_data(self, value: Any) -> Any:
        return list(value or [])

    def is_valid_value(self, value: Any) -> bool:
        if value is None:
            return True
        if not isinstance(value, list) or not value:
            return False
        allowed = self.allowed_values()  # once, not once per chosen option
        return all(isinstance(v, str) and v in allowed for v in value) and self.count_allowed(
            len(set(value))
        )


class WholeNumberField(IntegerField):
    """An integer field whose parse error is in the app's own (translated) words."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        if not valuelist or str(valuelist[0]).strip() == "":
            self.data = None
            return
        try:
            self.data = int(str(valuelist[0]).strip())
        except ValueError as exc:
            self.data = None
            raise ValueError(str(_l("Please enter a whole number, like 3."))) from exc

    def pre_validate(self, form: Any) -> None:
        # One clear message is enough: don't add "out of range" to "not a number".
        if self.process_errors:
            raise StopValidation()


@dataclass
class NumberQuestion(Question):
    minimum: int = 0
    maximum: int = 1000
    type_name: ClassVar[str] = "number"
    template: ClassVar[str] = "questions/number.html"
    counts_answers: ClassVar[bool] = True

    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        low, high = data.get("min", 0), data.get("max", 1000)
        if not isinstance(low, int) or not isinstance(high, int) or low >= high:
            raise DefinitionError(f"question {data.get('key')!r} needs whole numbers min < max")
        return {"minimum": low, "maximum": high}

    def extra_to_data(self) -> dict[str, Any]:
        return {"min": self.minimum, "max": self.maximum}

    def form_field(self, locale: str) -> Field:
        return WholeNumberField(
            localise(self.label, locale),
            validators=[
                *self._presence(locale),
                NumberRange(
                    self.minimum,
                    self.maximum,
                    message=self._check_message(
                        locale,
                        _l(
                            "Please enter a whole number from %(low)s to %(high)s.",
                            low=self.minimum,
                            high=self.maximum,
                        ),
                    ),
                ),
            ],
        )

    def is_valid_value(self, value: Any) -> bool:
        return value is None or (
            isinstance(value, int)
            and not isinstance(value, bool)
            and self.minimum <= value <= self.maximum
        )

    def summarize(self, values: Iterable[Any]) -> dict[str, Any]:
        numbers = [v for v in values if isinstance(v, int)]
        if not numbers:
            return {"answered": 0}
        return {"answered": len(numbers), "median": statistics.median(numbers)}


DECIMAL_TEXT = re.compile(r"^-?\d{1,9}(?:[.,]\d{1,6})?$")


def plain_number(value: float) -> int | float:
    """A whole float as an int (``2.0`` → ``2``): one spelling of each number."""
    return int(value) if float(value).is_integer() else float(value)


class DecimalNumberField(StringField):
    """A number that may have decimals (``2.5`` or ``2,5``), parsed without ``float()``'s
    extras (no ``nan``, ``inf`` or ``1e9``), with the app's own translated message."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        raw = str(valuelist[0]).strip() if valuelist else ""
        if not raw:
            self.data = None
            return
        if not DECIMAL_TEXT.match(raw):
            self.data = None
            raise ValueError(str(_l("Please enter a number, like 2.5.")))
        self.data = plain_number(float(raw.replace(",", ".")))

    def pre_validate(self, form: Any) -> None:
        if self.process_errors:
            raise StopValidation()


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


@dataclass
class DecimalQuestion(NumberQuestion):
    """A number that may have decimals (XLSForm's ``decimal``), such as a weight in kg.

    XLSForm limits may be strict (``. > 0``): for decimals that is not the same as a limit
    one step further, so strictness is kept as it is written."""

    minimum: int | float = 0
    maximum: int | float = 1000
    min_exclusive: bool = False
    max_exclusive: bool = False
    type_name: ClassVar[str] = "decimal"
    template: ClassVar[str] = "questions/decimal.html"

    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        low, high = data.get("min", 0), data.get("max", 1000)
        flags = data.get("min_exclusive", False), data.get("max_exclusive", False)
        if not _is_number(low) or not _is_number(high) or low >= high:
            raise DefinitionError(f"question {data.get('key')!r} needs numbers min < max")
        if not all(isinstance(flag, bool) for flag in flags):
            raise DefinitionError(f"question {data.get('key')!r}: exclusive limits are true/false")
        return {
            "minimum": plain_number(low),
            "maximum": plain_number(high),
            "min_exclusive": flags[0],
            "max_exclusive": flags[1],
        }

    def extra_to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"min": self.minimum, "max": self.maximum}
        if self.min_exclusive:
            data["min_exclusive"] = True
        if self.max_exclusive:
            data["max_exclusive"] = True
        return data

    def in_range(self, value: float) -> bool:
        above = value > self.minimum if self.min_exclusive else value >= self.minimum
        below = value < self.maximum if self.max_exclusive else value <= self.maximum
        return above and below

    def form_field(self, locale: str) -> Field:
        return DecimalNumberField(
            localise(self.label, locale),
            validators=[*self._presence(locale), self._range_validator(locale)],
        )

    def _range_validator(self, locale: str):  # type: ignore[no-untyped-def]
        if self.min_exclusive or self.max_exclusive:
            default = _l(
                "Please enter a number between %(low)s and %(high)s.",
                low=self.minimum,
                high=self.maximum,
            )
        else:
            default = _l(
                "Please enter a number from %(low)s to %(high)s.",
                low=self.minimum,
                high=self.maximum,
            )
        message = self._check_message(locale, default)

        def check(_form: Any, fld: Field) -> None:
            if fld.data is not None and not self.in_range(fld.data):
                raise ValidationError(str(message).replace("%%", "%"))

        return check

    def is_valid_value(self, value: Any) -> bool:
        return value is None or (_is_number(value) and self.in_range(value))

    def summarize(self, values: Iterable[Any]) -> dict[str, Any]:
        numbers = [v for v in values if _is_number(v)]
        if not numbers:
            return {"answered": 0}
        return {"answered": len(numbers), "median": statistics.median(numbers)}


@dataclass
class ScaleQuestion(NumberQuestion):
    minimum: int = 1
    maximum: int = 5
    min_label: LocalText = field(default_factory=dict)
    max_label: LocalText = field(default_factory=dict)
    type_name: ClassVar[str] = "scale"
    template: ClassVar[str] = "questions/scale.html"

    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        low, high = data.get("min", 1), data.get("max", 5)
        if not isinstance(low, int) or not isinstance(high, int) or not 2 <= high - low + 1 <= 11:
            raise DefinitionError(f"scale {data.get('key')!r} needs 2 to 11 points")
        return {
            "minimum": low,
            "maximum": high,
            "min_label": data.get("min_label") or {},
            "max_label": data.get("max_label") or {},
        }

    def extra_to_data(self) -> dict[str, Any]:
        return {
            "min": self.minimum,
            "max": self.maximum,
            "min_label": dict(self.min_label),
            "max_label": dict(self.max_label),
        }

    def texts(self) -> Iterable[tuple[str, LocalText]]:
        yield from super().texts()
        yield f"{self.key}.min_label", self.min_label
        yield f"{self.key}.max_label", self.max_label

    def points(self) -> list[int]:
        return list(range(self.minimum, self.maximum + 1))

    def form_field(self, locale: str) -> Field:
        return RadioField(
            localise(self.label, locale),
            choices=[SelectChoice(str(p), str(p)) for p in self.points()],
            validate_choice=False,
            validators=[*self._presence(locale), self._scale_validator()],
        )

    def _scale_validator(self):  # type: ignore[no-untyped-def]
        allowed = {str(p) for p in self.points()}

        def check(_form: Any, fld: Field) -> None:
            if fld.data not in (None, "") and str(fld.data) not in allowed:
                raise ValidationError(_l("Please choose from the options shown."))

        return check

    def value_from_field(self, data: Any) -> Any:
        return None if data in (None, "") else int(data)

    def field_data(self, value: Any) -> Any:
        return None if value is None else str(value)

    def summarize(self, values: Iterable[Any]) -> dict[str, Any]:
        summary = super().summarize(values)
        counts = Counter(v for v in values if isinstance(v, int))
        summary["counts"] = {str(p): counts.get(p, 0) for p in self.points()}
        return summary


@dataclass
class TextQuestion(Question):
    max_length: int = 200
    # XLSForm's regex(., 'pattern'): the whole answer must have this form. Only patterns
    # patterns.check_pattern accepts for this length are kept (no catastrophic backtracking).
    pattern: str | None = None
    type_name: ClassVar[str] = "short_text"
    template: ClassVar[str] = "questions/text.html"
    LIMIT: ClassVar[int] = 200
    DEFAULT: ClassVar[int] = 200

    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        length = data.get("max_length", cls.DEFAULT)
        if not isinstance(length, int) or not 1 <= length <= cls.LIMIT:
            raise DefinitionError(
                f"question {data.get('key')!r}: max_length must be 1 to {cls.LIMIT}"
            )
        extra: dict[str, Any] = {"max_length": length}
        if "pattern" in data:
            if not isinstance(data["pattern"], str):
                raise DefinitionError(f"question {data.get('key')!r}: pattern must be text")
            try:
                check_pattern(data["pattern"], length)
            except PatternError as exc:
                raise DefinitionError(f"question {data.get('key')!r}: pattern: {exc}") from exc
            extra["pattern"] = data["pattern"]
        return extra

    def extra_to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"max_length": self.max_length}
        if self.pattern is not None:
            data["pattern"] = self.pattern
        return data

    def _pattern_validator(self, locale: str):  # type: ignore[no-untyped-def]
        compiled = check_pattern(self.pattern or "", self.max_length)
        message = self._check_message(
            locale, _l("Please check this answer: it is not written the way this question asks.")
        )

        def check(_form: Any, fld: Field) -> None:
            text = (fld.data or "").strip()
            # Too long is said by the length check; only bounded text is matched.
            if text and len(text) <= self.max_length and not matches(compiled, text):
                raise ValidationError(str(message).replace("%%", "%"))

        return check

    def _validators(self, locale: str) -> list[Any]:
        checks = [self._pattern_validator(locale)] if self.pattern is not None else []
        return [
            *self._presence(locale),
            Length(
                max=self.max_length,
                message=self._check_message(
                    locale,
                    _l(
                        "Please shorten this answer to %(max)s characters or fewer.",
                        max=self.max_length,
                    ),
                ),
            ),
            *checks,
        ]

    def form_field(self, locale: str) -> Field:
        return StringField(localise(self.label, locale), validators=self._validators(locale))

    def value_from_field(self, data: Any) -> Any:
        text = (data or "").strip()
        return text or None

    def is_valid_value(self, value: Any) -> bool:
        if value is None:
            return True
        if not isinstance(value, str) or not 0 < len(value) <= self.max_length:
            return False
        return self.pattern is None or matches(check_pattern(self.pattern, self.max_length), value)

    def summarize(self, values: Iterable[Any]) -> dict[str, Any]:
        texts = [v for v in values if isinstance(v, str)]
        return {"answered": len(texts)}


@dataclass
class LongTextQuestion(TextQuestion):
    max_length: int = 3000
    type_name: ClassVar[str] = "long_text"
    template: ClassVar[str] = "questions/textarea.html"
    LIMIT: ClassVar[int] = 5000
    DEFAULT: ClassVar[int] = 3000

    def form_field(self, locale: str) -> Field:
        return TextAreaField(localise(self.label, locale), validators=self._validators(locale))


class DayField(StringField):
    """A calendar day (YYYY-MM-DD, as <input type=date> sends it)."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        raw = str(valuelist[0]).strip() if valuelist else ""
        self.data = raw or None
        if raw:
            try:
                dt.date.fromisoformat(raw)
            except ValueError as exc:
                self.data = None
                raise ValueError(str(_l("Please enter a date like 2026-03-31."))) from exc

    def pre_validate(self, form: Any) -> None:
        if self.process_errors:
            raise StopValidation()


@dataclass
class DateQuestion(Question):
    """A day, never a time: listening sessions record when they happened, to the day."""

    # XLSForm's date constraints: "today" or a day (YYYY-MM-DD), inclusive. Without the
    # author's upper limit the app's own check stands (not in the future), unless the lower
    # limit is today or later: the future is then what is asked.
    min_date: str | None = None
    max_date: str | None = None

    type_name: ClassVar[str] = "date"
    template: ClassVar[str] = "questions/date.html"
    counts_answers: ClassVar[bool] = False
    TODAY: ClassVar[str] = "today"
    # "today" is the server's day; a respondent a time zone away may be a day either side.
    LEEWAY: ClassVar[dt.timedelta] = dt.timedelta(days=1)

    @classmethod
    def extra_from_data(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        limits = {side: data.get(side) for side in ("min_date", "max_date")}
        for side, value in limits.items():
            if value is not None and not (value == cls.TODAY or is_day(value)):
                raise DefinitionError(
                    f"question {data.get('key')!r}: {side} must be 'today' or YYYY-MM-DD"
                )
        low, high = limits["min_date"], limits["max_date"]
        if is_day(low) and is_day(high) and low > high:
            raise DefinitionError(f"question {data.get('key')!r}: min_date is after max_date")
        return limits

    def extra_to_data(self) -> dict[str, Any]:
        return {
            side: value
            for side, value in (("min_date", self.min_date), ("max_date", self.max_date))
            if value is not None
        }

    def bounds(self, today: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
        """The earliest and latest day accepted (None: no limit on that side)."""
        today = today or dt.date.today()
        low = high = None
        if self.min_date == self.TODAY:
            low = today - self.LEEWAY
        elif self.min_date is not None:
            low = dt.date.fromisoformat(self.min_date)
        if self.max_date == self.TODAY:
            high = today + self.LEEWAY
        elif self.max_date is not None:
            high = dt.date.fromisoformat(self.max_date)
        elif low is None or (self.min_date != self.TODAY and low <= today):
            high = today + self.LEEWAY  # the app's own check: not in the future
        return low, high

    def form_field(self, locale: str) -> Field:
        return DayField(
            localise(self.label, locale),
            validators=[*self._presence(locale), self._in_bounds(locale)],
        )

    def _messages(self, locale: str) -> tuple[Any, Any]:
        """What is said when a day is too early, and when it is too late."""
        if self.min_date is None or self.min_date == self.TODAY:
            early = _l("Please enter a date that is not in the past.")  # None: never said
        else:
            early = _l("Please enter a date on or after %(date)s.", date=_day_text(self.min_date))
        if self.max_date is None or self.max_date == self.TODAY:
            late = _l("Please enter a date that is not in the future.")
        else:
            late = _l("Please enter a date on or before %(date)s.", date=_day_text(self.max_date))
        return self._check_message(locale, early), self._check_message(locale, late)

    def _in_bounds(self, locale: str):  # type: ignore[no-untyped-def]
        early, late = self._messages(locale)

        def check(_form: Any, fld: Field) -> None:
            if not fld.data:
                return
            day, (low, high) = dt.date.fromisoformat(fld.data), self.bounds()
            if low is not None and day < low:
                raise ValidationError(str(early).replace("%%", "%"))
            if high is not None and day > high:
                raise ValidationError(str(late).replace("%%", "%"))

        return check

    def is_valid_value(self, value: Any) -> bool:
        # Stored answers are checked for form only: "today" moves on, and an answer given
        # within the limits on its day stays valid.
        return value is None or is_day(value)

    def display(self, value: Any, locale: str) -> str:
        return "" if value is None else str(value)


def _day_text(value: str) -> str:
    """A day as her language writes it ("1 de enero de 2020"): an ISO date read right to
    left in Arabic would look like another day."""
    return format_date(dt.date.fromisoformat(value), "long")


def is_day(value: Any) -> bool:
    try:
        return isinstance(value, str) and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


QUESTION_TYPES: dict[str, type[Question]] = {
    cls.type_name: cls
    for cls in (
        SingleChoice,
        MultipleChoice,
        YesNo,
        ScaleQuestion,
        NumberQuestion,
        DecimalQuestion,
        TextQuestion,
        LongTextQuestion,
        DateQuestion,
    )
}
