"""Build the form for one part of a questionnaire from its definition."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import StringField

from ..questionnaires.types import Question

# Field names a step form may legitimately carry besides its questions.
# The honeypot's name is one no browser or password manager autofills (a "website" field
# can be autofilled, and a real person's answers would then be thrown away).
HONEYPOT = "leave_this_empty"
CONTROL_FIELDS = frozenset({"csrf_token", "action", HONEYPOT})


class StepForm(FlaskForm):
    """Base class: CSRF from Flask-WTF, plus a honeypot people never see."""

    # Hidden from people (off-screen, aria-hidden, not focusable); naive bots fill it in.
    leave_this_empty = StringField(_l("Leave this field empty"))


def build_step_form(
    questions: Sequence[Question],
    locale: str,
    formdata: MultiDict[str, str] | None = None,
    answers: Mapping[str, Any] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> StepForm:
    """A form class made for exactly these questions, bound to posted data or saved answers."""
    attrs = {q.key: q.form_field(locale) for q in questions}
    form_class = type("PartForm", (StepForm,), attrs)
    if formdata is not None:
        return form_class(formdata=formdata, meta=meta)
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
