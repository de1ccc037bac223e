"""Questionnaires as data: loading, validation, question types, skip logic, versioning."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from intake.config import Config
from intake.forms.questionnaire import build_step_form
from intake.models import QuestionnaireVersion
from intake.questionnaires.catalog import (
    SHIPPED,
    SHIPPED_DIR,
    load_definition,
    published_by_code,
    retire,
)
from intake.questionnaires.conditions import ConditionError, parse_condition
from intake.questionnaires.definition import parse_definition
from intake.questionnaires.types import QUESTION_TYPES, DefinitionError

LANGUAGES = Config.__dataclass_fields__["languages"].default
INTERVENTIONS = {
    "dispatch_911", "police", "arrest", "jail_pretrial", "prosecution", "protection_order",
    "civil_court_custody", "criminal_court", "sentencing", "probation_programs",
    "child_protection", "immigration", "health_care", "schools", "housing", "faith_community",
}  # fmt: skip


def shipped(key: str) -> dict[str, Any]:
    return json.loads((SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8"))


def tiny(**question: Any) -> dict[str, Any]:
    base = {"key": "q1", "type": "short_text", "label": {"en": "Q", "es": "P"}}
    base.update(question)
    return {
        "key": "tiny",
        "version": 1,
        "audience": "advocate",
        "title": {"en": "T", "es": "T"},
        "description": {"en": "D", "es": "D"},
        "sections": [{"key": "s1", "title": {"en": "S", "es": "S"}, "questions": [base]}],
    }


@pytest.mark.parametrize("key", ["survivor", "advocate", "community_leader"])
def test_shipped_questionnaires_are_complete(key: str) -> None:
    definition = parse_definition(shipped(key), LANGUAGES)
    questions = definition.questions
    assert 15 <= len(questions) <= 30
    # No question is ever forced; in the survivor questionnaire the loader would refuse it.
    assert not any(q.required for q in questions)
    types = {q.type_name for q in questions}
    assert {"single_choice", "multiple_choice", "yes_no", "scale", "number", "long_text"} <= types
    contacted = definition.question("interventions_contacted")
    assert INTERVENTIONS <= contacted.allowed_values()
    assert any(q.show_if is not None for q in questions)


def test_every_question_type_is_used_somewhere() -> None:
    used = {q.type_name for key in SHIPPED for q in parse_definition(shipped(key)).questions}
    # "decimal" comes only from uploaded workbooks (tests/test_xlsform_features.py).
    assert used | {"decimal"} == set(QUESTION_TYPES)


def test_listening_session_record() -> None:
    definition = parse_definition(shipped("listening_session"), LANGUAGES)
    assert definition.audience == "listening_session"
    assert definition.question("session_date").type_name == "date"
    assert INTERVENTIONS <= definition.question("themes_raised").allowed_values()
    for value in INTERVENTIONS:
        summary = definition.question(f"{value}_summary")
        assert summary.show_if is not None
        assert summary.show_if.evaluate({"themes_raised": [value]})
    band = definition.question("participants_band")
    assert band.type_name == "single_choice"  # a range, never a list of people


def test_round_trip_to_data_is_stable() -> None:
    definition = parse_definition(shipped("survivor"), ["en", "es"])
    again = parse_definition(json.loads(definition.canonical_json()), ["en", "es"])
    assert again.canonical_json() == definition.canonical_json()
    assert again.checksum() == definition.checksum()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "essay"}, "unknown type"),
        ({"key": "Bad Key"}, "lower_snake_case"),
        ({"required": "yes"}, "true or false"),
        (
            {"type": "single_choice", "options": [{"value": "a", "label": {"en": "A"}}]},
            "two options",
        ),
        ({"type": "scale", "min": 1, "max": 20}, "2 to 11 points"),
        ({"type": "number", "min": 5, "max": 1}, "min < max"),
        ({"type": "long_text", "max_length": 99999}, "max_length"),
        ({"show_if": {"question": "q0", "equals": "x"}}, "not an earlier question"),
        ({"show_if": {"question": "q1", "bogus": 1}}, "unknown operator"),
        ({"label": {"en": "only English"}}, "missing translations"),
    ],
)
def test_invalid_definitions_are_refused_with_a_reason(
    change: dict[str, Any], message: str
) -> None:
    with pytest.raises(DefinitionError, match=message):
        parse_definition(tiny(**change), ["en", "es"])


def test_survivor_questions_may_never_be_required() -> None:
    data = shipped("survivor")
    data["sections"][0]["questions"][0]["required"] = True
    with pytest.raises(DefinitionError, match="no survivor question may be required"):
        parse_definition(data)


def test_condition_values_must_exist_and_refer_backwards() -> None:
    data = tiny(type="yes_no")
    data["sections"][0]["questions"].append(
        {"key": "q2", "type": "short_text", "label": {"en": "x", "es": "x"},
         "show_if": {"question": "q1", "equals": "maybe"}}
    )  # fmt: skip
    with pytest.raises(DefinitionError, match="cannot have"):
        parse_definition(data)
    data["sections"][0]["questions"][1]["show_if"] = {"question": "q1", "includes": "yes"}
    with pytest.raises(DefinitionError, match="multiple-choice"):
        parse_definition(data)


def test_skip_logic_evaluates_and_prunes_hidden_answers() -> None:
    definition = parse_definition(shipped("survivor"))
    follow_up = definition.question("police_effect")
    assert follow_up.show_if is not None
    assert follow_up.show_if.evaluate({"interventions_contacted": ["police"]})
    assert not follow_up.show_if.evaluate({"interventions_contacted": ["housing"]})
    assert not follow_up.show_if.evaluate({})
    answers = {"interventions_contacted": ["housing"], "police_effect": "made_safer"}
    assert "police_effect" not in definition.prune(answers)
    answers["interventions_contacted"] = ["police"]
    assert definition.prune(answers)["police_effect"] == "made_safer"


def test_condition_combinators() -> None:
    cond = parse_condition(
        {"all": [{"question": "a", "equals": "yes"},
                 {"not": {"question": "b", "includes": "x"}},
                 {"any": [{"question": "c", "in": ["1", "2"]}, {"question": "d", "answered": True}]}]}
    )  # fmt: skip
    assert cond.evaluate({"a": "yes", "b": ["y"], "c": "2"})
    assert cond.evaluate({"a": "yes", "d": "text"})
    assert not cond.evaluate({"a": "yes", "b": ["x"], "c": "1"})
    assert not cond.evaluate({"a": "no", "c": "1"})
    assert parse_condition(cond.to_data()) == cond
    with pytest.raises(ConditionError):
        parse_condition({"all": []})


def _validate(app: Flask, definition_data: dict[str, Any], form: dict[str, Any]):  # type: ignore[no-untyped-def]
    definition = parse_definition(definition_data)
    questions = definition.questions
    with app.test_request_context(method="POST", data=form):
        step = build_step_form(questions, "en", formdata=MultiDict(form), meta={"csrf": False})
        ok = step.validate()
        values = {q.key: q.value_from_field(step[q.key].data) for q in questions}
        return ok, {k: [str(e) for e in v] for k, v in step.errors.items()}, values


@pytest.mark.parametrize(
    ("question", "posted", "expected"),
    [
        ({"type": "single_choice", "options": [{"value": "a", "label": {"en": "A"}}, {"value": "b", "label": {"en": "B"}}]}, "b", "b"),
        ({"type": "yes_no"}, "prefer_not_to_say", "prefer_not_to_say"),
        ({"type": "scale", "min": 1, "max": 5}, "4", 4),
        ({"type": "number", "min": 0, "max": 50}, " 12 ", 12),
        ({"type": "short_text"}, "  some words  ", "some words"),
        ({"type": "long_text"}, "línea uno\nلغة عربية", "línea uno\nلغة عربية"),
        ({"type": "short_text"}, "", None),
        ({"type": "yes_no"}, "", None),
    ],
)  # fmt: skip
def test_question_types_accept_valid_answers(
    app: Flask, question: dict[str, Any], posted: str, expected: Any
) -> None:
    ok, errors, values = _validate(app, tiny(**question), {"q1": posted})
    assert ok, errors
    assert values["q1"] == expected


def test_multiple_choice_keeps_definition_order(app: Flask) -> None:
    question = {
        "type": "multiple_choice",
        "options": [{"value": v, "label": {"en": v}} for v in "abc"],
    }
    definition = tiny(**question)
    with app.test_request_context(method="POST"):
        form = MultiDict([("q1", "c"), ("q1", "a")])
        questions = parse_definition(definition).questions
        step = build_step_form(questions, "en", formdata=form, meta={"csrf": False})
        assert step.validate()
        assert questions[0].value_from_field(step["q1"].data) == ["a", "c"]


@pytest.mark.parametrize(
    ("question", "posted", "message"),
    [
        ({"type": "yes_no"}, "maybe", "Please choose from the options shown."),
        ({"type": "scale", "min": 1, "max": 5}, "9", "Please choose from the options shown."),
        ({"type": "number", "min": 0, "max": 50}, "lots", "Please enter a whole number, like 3."),
        ({"type": "number", "min": 0, "max": 50}, "51", "Please enter a whole number from 0 to 50."),
        ({"type": "short_text", "max_length": 10}, "x" * 11, "Your answer to “Q” is 1 character too long. Please shorten it."),
        ({"type": "multiple_choice", "options": [{"value": "a", "label": {"en": "A"}}, {"value": "b", "label": {"en": "B"}}]}, "zzz", "Please choose from the options shown."),
    ],
)  # fmt: skip
def test_question_types_reject_bad_answers_with_plain_messages(
    app: Flask, question: dict[str, Any], posted: str, message: str
) -> None:
    ok, errors, _values = _validate(app, tiny(**question), {"q1": posted})
    assert not ok
    assert errors == {"q1": [message]}


def test_required_applies_outside_the_survivor_questionnaire(app: Flask) -> None:
    ok, errors, _ = _validate(app, tiny(required=True), {"q1": ""})
    assert not ok
    assert errors == {"q1": ["Please answer this question."]}


def test_summaries() -> None:
    definition = parse_definition(shipped("survivor"))
    yes_no = next(q for q in definition.questions if q.type_name == "yes_no")
    summary = yes_no.summarize(["yes", "no", None, "yes"])
    assert summary == {"answered": 3, "counts": {"yes": 2, "no": 1, "prefer_not_to_say": 0}}
    multi = definition.question("interventions_contacted")
    counts = multi.summarize([["police", "housing"], ["police"], None])
    assert counts["answered"] == 2
    assert counts["counts"]["police"] == 2
    number = next(q for q in definition.questions if q.type_name == "number")
    assert number.summarize([1, 3, None, 10]) == {"answered": 3, "median": 3}


def test_versions_are_immutable_and_a_new_version_retires_the_old(
    app: Flask, session: Session
) -> None:
    data = shipped("advocate")
    changed = copy.deepcopy(data)
    changed["title"]["en"] = "A changed title"
    with pytest.raises(DefinitionError, match="new version number"):
        load_definition(session, parse_definition(changed))
    session.rollback()
    changed["version"] = 2
    result = load_definition(session, parse_definition(changed))
    session.commit()
    assert result.created
    versions = session.scalars(
        select(QuestionnaireVersion).order_by(QuestionnaireVersion.version)
        .where(QuestionnaireVersion.checksum.in_([parse_definition(data).checksum(), parse_definition(changed).checksum()]))
    ).all()  # fmt: skip
    assert [(v.version, v.status) for v in versions] == [(1, "published"), (2, "published")]
    code = versions[0].questionnaire.public_code
    assert published_by_code(session, code).version == 2  # new respondents get the newest
    retire(session, "advocate", 1)
    assert versions[0].status == "retired"
    # Loading the identical definition again changes nothing.
    assert not load_definition(session, parse_definition(changed)).created
