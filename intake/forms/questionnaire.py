"""Build the form for one part of a questionnaire from its definition."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import StringField

from ..questionnaires.types import Question, TextQuestion, localise

# Field names a step form may legitimately carry besides its questions.
# The honeypot's name is one no browser or password manager autofills (a "website" field
# can be autofilled, and a real person's answers would then be thrown away).
HONEYPOT = "leave_this_empty"
CONTROL_FIELDS = frozenset({"csrf_token", "action", HONEYPOT})


# A question's name in a message stays short enough to read in an error summary.
LABEL_IN_MESSAGE = 60


class StepForm(FlaskForm):
    """Base class: CSRF from Flask-WTF, plus a honeypot people never see."""

    # Hidden from people (off-screen, aria-hidden, not focusable); naive bots fill it in.
    leave_this_empty = StringField(_l("Leave this field empty"))

    # Set on each built class: the questions it asks, and in which language.
    # (Underscored: a question's key can never start with one, so never clashes.)
    _step_questions: tuple[Question, ...] = ()
    _step_locale: str = "en"

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if not valid:
            self._explain_too_long()
        return valid

    def _explain_too_long(self) -> None:
        """An answer over its limit: say which question, and by how much, so she knows what
        to remove (the error summary shows this message away from the field)."""
        for question in self._step_questions:
            if not isinstance(question, TextQuestion) or question.constraint_message:
                continue  # an author's own message is kept as written
            field = self[question.key]
            over = len(field.data or "") - question.max_length
            if over > 0 and field.errors:
                field.errors = [too_long_message(question, self._step_locale, over)]


# The end of a first sentence, in the scripts the site ships: Latin and Arabic marks before a
# space, Chinese full-width marks with or without one.
SENTENCE_END = re.compile(r"(?<=[?.!؟])(?:\s|$)|(?<=[。？！])")


def short_label(label: str) -> str:
    """A question's name short enough for a message: its first sentence if that is short
    ("What ideas do you have for change?"), else its first words and an ellipsis."""
    label = " ".join(label.split())
    if len(label) <= LABEL_IN_MESSAGE:
        return label
    first = SENTENCE_END.split(label, maxsplit=1)[0]
    if len(first) <= LABEL_IN_MESSAGE:
        return first
    return label[:LABEL_IN_MESSAGE].rsplit(" ", 1)[0].rstrip(" ,.;:،") + "…"


def too_long_message(question: Question, locale: str, over: int) -> str:
    label = short_label(localise(question.label, locale))
    return ngettext(
        "Your answer to “%(question)s” is %(num)s character too long. Please shorten it.",
        "Your answer to “%(question)s” is %(num)s characters too long. Please shorten it.",
        over,
        question=label,
    )


def _one_kind_of_line_break(formdata: MultiDict[str, str]) -> MultiDict[str, str]:
    """Browsers send a line break in a text area as two characters (CR LF), and count it as
    one while typing: keep one, so the limit means the same on both sides."""
    return MultiDict(
        (name, value.replace("\r\n", "\n") if isinstance(value, str) else value)
        for name, value in formdata.items(multi=True)
    )


def build_step_form(
    questions: Sequence[Question],
    locale: str,
    formdata: MultiDict[str, str] | None = None,
    answers: Mapping[str, Any] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> StepForm:
    """A form class made for exactly these questions, bound to posted data or saved answers."""
    attrs: dict[str, Any] = {q.key: q.form_field(locale) for q in questions}
    attrs.update(_step_questions=tuple(questions), _step_locale=locale)
    form_class = type("PartForm", (StepForm,), attrs)
    if formdata is not None:
        return form_class(formdata=_one_kind_of_line_break(formdata), meta=meta)
    data = {q.key: q.field_data((answers or {}).get(q.key)) for q in questions}
    return form_class(formdata=None, data=data, meta=meta)


def merge_answers(
    definition: Any, questions: Sequence[Question], form: StepForm, answers: Mapping[str, Any]
) -> dict[str, Any]:
    """The saved answers updated from a validated form of ``questions``: a cleared field
    removes its answer, and answers that skip logic now hides are dropped."""
    merged = dict(answers)
    for q in questions:
        value = q.value_from_field(form[q.key].data)
        if value is None:
            merged.pop(q.key, None)
        else:
            merged[q.key] = value
    return definition.prune(merged)


def unexpected_fields(formdata: MultiDict[str, str], questions: Sequence[Question]) -> set[str]:
    allowed = CONTROL_FIELDS | {q.key for q in questions}
    return {name for name in formdata if name not in allowed}


def honeypot_filled(formdata: MultiDict[str, str]) -> bool:
    return bool((formdata.get(HONEYPOT) or "").strip())


class ActionForm(FlaskForm):
    """A CSRF-protected form with only a button (welcome, consent, review)."""

    leave_this_empty = StringField(_l("Leave this field empty"))
