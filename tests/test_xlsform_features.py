"""XLSForm features added in #22 item 2: decimal numbers, piping, calculations, choice
filters, external choices. One test (or more) per row of the feature table in
docs/questionnaires.md; each accepted workbook also round-trips through an export that
pyxform converts (``accepted``)."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from intake.forms.questionnaire import build_step_form
from intake.questionnaires.definition import parse_definition
from intake.questionnaires.types import DefinitionError
from tests.test_authoring import TWO, accepted, q, questions_of, read_sheets, with_rows


def problems(sheets: dict[str, Any]) -> list[tuple[int | None, str | None, str]]:
    return [(p.row, p.column, str(p.message)) for p in read_sheets(sheets).problems]


def errors_for(app: Flask, question: Any, value: str, locale: str = "en") -> list[str]:
    with app.test_request_context():
        app.config["WTF_CSRF_ENABLED"] = False
        form = build_step_form([question], locale, formdata=MultiDict({question.key: value}))
        form.validate()
        return [str(e) for e in form[question.key].errors]


# -- decimal -------------------------------------------------------------------------------
def test_decimal_is_a_number_with_decimals_checked_on_the_server(app: Flask) -> None:
    data, warnings = accepted(
        with_rows(
            q("weight", "decimal", constraint=". > 0 and . <= 250.5"),
            q("dose", "decimal"),
            q("heavy", relevant="${weight} >= 100"),
        )
    )
    assert warnings == []
    found = questions_of(data)
    assert found["weight"] == {
        "key": "weight", "type": "decimal", "label": {"en": "weight en", "es": "weight es"},
        "required": False, "min": 0, "min_exclusive": True, "max": 250.5,
    }  # fmt: skip
    assert (found["dose"]["min"], found["dose"]["max"]) == (0, 1000)
    definition = parse_definition(data, TWO)
    weight = definition.question("weight")
    assert errors_for(app, weight, "2,5") == []
    assert errors_for(app, weight, "72.25") == []
    assert errors_for(app, weight, "0") == ["Please enter a number between 0 and 250.5."]
    assert errors_for(app, weight, "251") == ["Please enter a number between 0 and 250.5."]
    for nonsense in ("nan", "inf", "1e3", "two", "1.2.3"):
        assert errors_for(app, weight, nonsense) == ["Please enter a number, like 2.5."]
    assert weight.value_from_field(2.5) == 2.5
    assert weight.is_valid_value(2.5)
    assert not weight.is_valid_value(0)
    assert not weight.is_valid_value(float("nan"))
    assert not weight.is_valid_value(True)
    shown = [x.key for x in definition.sections[0].visible_questions({"weight": 100.5})]
    assert shown == ["weight", "dose", "heavy"]
    assert [x.key for x in definition.sections[0].visible_questions({"weight": 99.5})] == [
        "weight", "dose",
    ]  # fmt: skip


def test_a_strict_limit_on_a_decimal_in_skip_logic_is_refused_with_the_way_to_write_it() -> None:
    assert problems(with_rows(q("weight", "decimal"), q("heavy", relevant="${weight} > 100"))) == [
        (3, "relevant", "“weight” is a decimal number: compare it with >= or <=, like "
                        "${weight} >= 18."),
    ]  # fmt: skip


def test_a_decimal_constraint_no_number_meets_is_refused() -> None:
    assert problems(with_rows(q("weight", "decimal", constraint=". > 5 and . < 5"))) == [
        (2, "constraint", "No number meets this constraint: check its limits."),
    ]


def test_a_decimal_definition_needs_numbers_for_its_limits() -> None:
    base = {"key": "d", "version": 1, "audience": "advocate", "title": {"en": "T"},
            "description": {"en": "D"}}  # fmt: skip
    bad = {**base, "sections": [{"key": "s", "title": {"en": "S"}, "questions": [
        {"key": "w", "type": "decimal", "label": {"en": "W"}, "min": "0", "max": 5}]}]}  # fmt: skip
    with pytest.raises(DefinitionError, match="min < max"):
        parse_definition(bad)
