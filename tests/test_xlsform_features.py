"""XLSForm features added in #22 item 2: decimal numbers, piping, calculations, choice
filters, external choices. One test (or more) per row of the feature table in
docs/questionnaires.md; each accepted workbook also round-trips through an export that
pyxform converts (``accepted``)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from intake.forms.questionnaire import build_step_form
from intake.questionnaires.conditions import Calculation, Condition
from intake.questionnaires.definition import parse_definition
from intake.questionnaires.types import DefinitionError, Option, SingleChoice
from intake.questionnaires.xlsform.choice_filter import bind, parse_choice_filter
from intake.questionnaires.xlsform.relevant import format_calculation, parse_calculation_expression
from intake.questionnaires.xlsform.writer import _choice_filter
from tests.test_authoring import (
    TWO,
    accepted,
    conditions,
    q,
    questions_of,
    read_sheets,
    with_rows,
)
from tests.xlsform_helpers import row


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


def test_decimal_answers_are_counted_in_the_whole_number_bands_after_rounding() -> None:
    """A decimal never lands in a band whose label it lies outside (2.5 is not "1-2"), and
    its bands are ordered, so combining joins neighbours only."""
    from intake.analysis import aggregate, report

    data, _warnings = accepted(with_rows(q("weight", "decimal", constraint=". <= 250")))
    weight = parse_definition(data, TWO).question("weight")
    assert aggregate._values(weight, 2.5) == ["3-5"]
    assert aggregate._values(weight, 2.49) == ["1-2"]
    assert aggregate._values(weight, 0.4) == ["0"]
    assert aggregate._values(weight, 120.0) == ["101+"]
    assert aggregate._values(weight, 7) == ["6-10"]
    assert weight.type_name in report.ORDERED_TYPES


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


# -- ${…} piping ---------------------------------------------------------------------------
def piping_form() -> dict[str, Any]:
    return with_rows(
        row(type="begin group", name="first", label_en="First", label_es="Primero"),
        q("Name.Given"),
        q("place", "select_one places"),
        q("count", "integer"),
        row(type="end group"),
        row(type="begin group", name="second", label_en="Second", label_es="Segundo"),
        row(type="text", name="why", label_en="Thank you ${Name.Given}. Why ${place}?",
            label_es="Gracias ${Name.Given}. ¿Por qué ${place}?",
            hint_en="You said ${count} times.", hint_es="Dijo ${count} veces."),
        row(type="end group"),
    )  # fmt: skip


def test_piping_shows_earlier_answers_in_labels_and_hints_in_the_respondents_language() -> None:
    data, warnings = accepted(piping_form())
    assert warnings == []
    why = questions_of(data)["why"]
    # the author's names are the app's keys in the stored text
    assert why["label"]["en"] == "Thank you ${name_given}. Why ${place}?"
    definition = parse_definition(data, TWO)
    answers = {"name_given": "<b>Ana</b>", "place": "court", "count": 3}
    (shown,) = definition.sections[1].visible_questions(answers)
    assert shown.label == {
        "en": "Thank you <b>Ana</b>. Why Court?", "es": "Gracias <b>Ana</b>. ¿Por qué Tribunal?",
    }  # fmt: skip
    assert shown.help == {"en": "You said 3 times.", "es": "Dijo 3 veces."}
    (blank,) = definition.sections[1].visible_questions({})
    assert blank.label["en"] == "Thank you …. Why …?"
    # the stored definition (what staff pages show) keeps the author's ${…}, never an answer
    assert definition.question("why").label["en"] == "Thank you ${name_given}. Why ${place}?"


def test_a_piped_answer_is_escaped_on_the_page(app: Flask) -> None:
    data, _warnings = accepted(piping_form())
    definition = parse_definition(data, TWO)
    (shown,) = definition.sections[1].visible_questions({"name_given": "<script>x</script>"})
    with app.test_request_context():
        form = build_step_form([shown], "en", answers={})
        html = str(shown.render(form["why"], "en"))
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>" not in html


def test_a_question_showing_an_answer_from_its_own_page_begins_the_next_page() -> None:
    data, _warnings = accepted(
        with_rows(
            row(type="begin group", name="g", label_en="G", label_es="G"),
            q("name"),
            row(type="text", name="why", label_en="Why, ${name}?", label_es="¿Por qué, ${name}?"),
            row(type="end group"),
        )
    )
    assert [(s["key"], [x["key"] for x in s["questions"]]) for s in data["sections"]] == [
        ("g", ["name"]), ("g_2", ["why"]),
    ]  # fmt: skip


def test_piping_a_later_unknown_or_left_out_question_is_refused() -> None:
    found = problems(
        with_rows(
            q("start", "start"),
            row(type="text", name="a", label_en="${later} ${start}", label_es="${nobody}"),
            q("later"),
        )
    )
    assert found == [
        (3, "label", "The text shows the answer to “later”, which is not an earlier question."),
        (3, "label", "The text shows the answer to “nobody”, which is not an earlier question."),
        (3, "label", "The text shows the answer to “start”, which the app leaves out (see its "
                     "row)."),
    ]  # fmt: skip


def test_piping_in_a_note_introduces_the_next_page_with_the_answer() -> None:
    data, _warnings = accepted(
        with_rows(
            q("name"),
            row(
                type="note", name="n", label_en="Thank you, ${name}.", label_es="Gracias, ${name}."
            ),
            q("more"),
        )
    )
    definition = parse_definition(data, TWO)
    assert [s.key for s in definition.sections] == ["part_1", "part_2"]
    (_first, second) = definition.visible_sections({"name": "Ana"})
    assert second.intro == {"en": "Thank you, Ana.", "es": "Gracias, Ana."}
    assert definition.sections[1].intro == {"en": "Thank you, ${name}.", "es": "Gracias, ${name}."}


def test_piping_in_a_choice_or_a_group_label_is_refused_in_the_authors_words() -> None:
    sheets = with_rows(q("name"), q("where", "select_one places"))
    sheets["choices"][4][2] = "Police near ${name}"
    assert [m for _r, _c, m in problems(sheets)] == [
        "Only the label and hint of a question or a note can show an earlier answer: here ${…} "
        "would appear as it is to respondents. Write the words instead."
    ]


def test_a_definition_piping_an_answer_from_the_same_part_is_refused() -> None:
    data, _warnings = accepted(piping_form())
    data["sections"][0]["questions"].append(data["sections"][1]["questions"][0])
    del data["sections"][1]
    with pytest.raises(DefinitionError, match="not a question on an earlier part"):
        parse_definition(data, TWO)


# -- calculate -----------------------------------------------------------------------------
def calculation_form() -> dict[str, Any]:
    sheets = with_rows(
        row(type="begin group", name="first", label_en="First", label_es="Primero"),
        q("Age", "integer"),
        q("places", "select_multiple places"),
        row(type="end group"),
        row(type="begin group", name="second", label_en="Second", label_es="Segundo"),
        q("adult", "calculate"),
        q("n_places", "calculate"),
        q("who", "calculate"),
        q("school", relevant="${adult} = 'false'"),
        q("many", relevant="${n_places} >= 2"),
        row(type="text", name="why", label_en="You chose ${n_places} (${who}).",
            label_es="Eligió ${n_places} (${who})."),
        row(type="end group"),
    )  # fmt: skip
    sheets = _set(sheets, 7, "calculation", "${Age} >= 18")
    sheets = _set(sheets, 8, "calculation", "count-selected(${places})")
    return _set(sheets, 9, "calculation", "if(${adult} = 'true', 'adult', 'young')")


def _set(sheets: dict[str, Any], row_number: int, column: str, value: Any) -> dict[str, Any]:
    from tests.xlsform_helpers import changed

    return changed(sheets, "survey", row_number, column, value)


def test_calculations_are_worked_out_by_the_condition_engine_for_skip_logic_and_labels() -> None:
    data, warnings = accepted(calculation_form())
    assert warnings == []
    assert data["calculations"] == [
        {"key": "adult", "condition": {"question": "age", "at_least": 18}},
        {"key": "n_places", "count_selected": "places"},
        {"key": "who", "if": {"question": "adult", "equals": "true"}, "then": "adult",
         "else": "young"},
    ]  # fmt: skip
    definition = parse_definition(data, TWO)
    second = definition.sections[1]
    young = {"age": 15, "places": ["police", "court"]}
    assert [x.key for x in second.visible_questions(young)] == ["school", "many", "why"]
    assert second.visible_questions(young)[-1].label["en"] == "You chose 2 (young)."
    grown = {"age": 40, "places": ["court"]}
    assert [x.key for x in second.visible_questions(grown)] == ["why"]
    # never stored: a calculation is not a question, and pruning keeps answers only
    assert "adult" not in definition.field_keys()
    assert definition.prune({**young, "school": "Yes", "many": "x"}) == {
        **young, "school": "Yes", "many": "x",
    }  # fmt: skip
    assert definition.prune({**grown, "school": "Yes", "many": "x"}) == grown


def test_a_calculation_the_app_cannot_work_out_is_left_out_and_skip_logic_on_it_refused() -> None:
    sheets = _set(
        with_rows(q("a", "integer"), q("total", "calculate"), q("story", relevant="${total} > 3")),
        3, "calculation", "${a} * 2",
    )  # fmt: skip
    result = read_sheets(sheets)
    assert [(w.row, w.column, str(w.message)) for w in result.warnings] == [
        (3, "calculation", "Left out: the app works out only conditions (${age} >= 18), "
                           "count-selected(${q}) and if(condition, 'a', 'b')."),
    ]  # fmt: skip
    assert [(p.row, str(p.message)) for p in result.problems] == [
        (4, "The skip logic uses “total”, which the app leaves out (see its row). Base the "
            "skip logic on a question the app asks."),
    ]  # fmt: skip


def test_a_calculation_on_a_later_question_or_counting_a_single_choice_is_refused() -> None:
    sheets = with_rows(q("one", "select_one places"), q("c1", "calculate"), q("c2", "calculate"),
                       q("later", "integer"))  # fmt: skip
    sheets = _set(_set(sheets, 3, "calculation", "${later} >= 1"), 4, "calculation",
                  "count-selected(${one})")  # fmt: skip
    assert problems(sheets) == [
        (3, "calculation", "The skip logic refers to “later”, which is not an earlier question."),
        (4, "calculation", "count-selected() counts the choices of an earlier multiple-choice "
                           "question, and “one” is not one."),
    ]  # fmt: skip


def test_a_definition_using_a_calculation_before_its_questions_are_asked_is_refused() -> None:
    data, _warnings = accepted(calculation_form())
    data["sections"][0]["questions"].insert(
        0, {"key": "early", "type": "short_text", "label": {"en": "E", "es": "E"},
            "show_if": {"question": "adult", "equals": "true"}},
    )  # fmt: skip
    with pytest.raises(DefinitionError, match="not an earlier question"):
        parse_definition(data, TWO)
    data["sections"][0]["questions"].pop(0)
    data["calculations"].append({"key": "loop", "condition": {"question": "loop2",
                                                             "answered": True}})  # fmt: skip
    with pytest.raises(DefinitionError, match="neither a question nor an earlier calculation"):
        parse_definition(data, TWO)


# -- choice_filter -------------------------------------------------------------------------
def filter_form(expression: str = "filter = ${region}", **extra: Any) -> dict[str, Any]:
    sheets = with_rows(
        row(type="begin group", name="where", label_en="Where", label_es="Dónde"),
        q("region", "select_one regions"),
        q("city", "select_one cities"),
        row(type="end group"),
    )
    sheets = _set(sheets, 4, "choice_filter", expression)
    sheets["choices"] = [
        [*sheets["choices"][0], "filter"],
        *([*r, None] for r in sheets["choices"][1:]),
        ["regions", "north", "North", "Norte", None],
        ["regions", "south", "South", "Sur", None],
        ["cities", "oslo", "Oslo", "Oslo", "north"],
        ["cities", "tromso", "Tromsø", "Tromsø", "north"],
        ["cities", "rome", "Rome", "Roma", "south"],
        ["cities", "nowhere", "Nowhere", "Ninguna", "east"],
    ]
    return sheets


def test_choice_filter_offers_the_choices_that_match_earlier_answers_on_the_server(
    app: Flask,
) -> None:
    data, warnings = accepted(filter_form())
    # the filtered question begins a page of its own: the filter is read when it is made
    assert [[x["key"] for x in s["questions"]] for s in data["sections"]] == [["region"], ["city"]]
    options = questions_of(data)["city"]["options"]
    assert [(o["value"], o.get("show_if")) for o in options] == [
        ("oslo", {"question": "region", "equals": "north"}),
        ("tromso", {"question": "region", "equals": "north"}),
        ("rome", {"question": "region", "equals": "south"}),
    ]
    assert warnings == [
        "Left out: the choice “nowhere” is never offered, because the filter compares “region” "
        "with “east”, which is not one of its choices."
    ]
    definition = parse_definition(data, TWO)
    (city,) = definition.sections[1].visible_questions({"region": "north"})
    assert [o.value for o in city.options] == ["oslo", "tromso"]
    # the server refuses a choice that was not offered, whatever the browser sends
    assert errors_for(app, city, "tromso") == []
    assert errors_for(app, city, "rome") == ["Please choose from the options shown."]
    # an answer whose choice is no longer offered (she went back and changed region) is dropped
    assert definition.prune({"region": "south", "city": "oslo"}) == {"region": "south"}
    assert definition.sections[1].visible_questions({}) == []  # nothing to offer: not asked


def test_choice_filter_on_names_and_selected_earlier_choices() -> None:
    sheets = with_rows(
        q("places", "select_multiple places"),
        q("first", "select_one places"),
        q("not_court", "select_one places"),
    )
    sheets = _set(sheets, 3, "choice_filter", "selected(${places}, name)")
    data, _warnings = accepted(_set(sheets, 4, "choice_filter", "name != 'court'"))
    found = questions_of(data)
    assert [(o["value"], o.get("show_if")) for o in found["first"]["options"]] == [
        (v, {"question": "places", "includes": v}) for v in ("police", "court", "shelter")
    ]
    assert [o["value"] for o in found["not_court"]["options"]] == ["police", "shelter"]
    assert "show_if" not in found["not_court"]["options"][0]


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("county = ${region}", "The choice filter uses “county”, which is not a column of the "
                               "choices sheet."),
        ("${region} = ${region}", "The choice filter compares each choice (its name or a column "
         "of the choices sheet) with an earlier answer, like filter = ${region}; not two answers "
         "with each other."),
        ("name = 'x'", "This filter leaves no choice to offer: check it."),
        ("filter = ${later}", "The skip logic refers to “later”, which is not an earlier "
                              "question."),
        ("contains(name, 'o')", "In the choice filter: The skip logic compares answers with =, "
                                "!=, <, <=, > or >=, not with “(”."),
    ],
)  # fmt: skip
def test_a_choice_filter_the_app_cannot_follow_is_refused_once_at_its_cell(
    expression: str, message: str
) -> None:
    assert problems(filter_form(expression)) == [(4, "choice_filter", message)]


# -- rank ----------------------------------------------------------------------------------
def test_rank_is_asked_as_a_choice_per_place_first_to_third() -> None:
    sheets = with_rows(q("ranked", "rank places"))
    sheets["choices"].append(["places", "friends", "Friends", "Amigos"])
    data, warnings = accepted(sheets)
    assert warnings == ["Left out: places after the third. The app asks for the first three."]
    found = questions_of(data)
    assert list(found) == ["ranked_1", "ranked_2", "ranked_3"]
    assert found["ranked_2"]["type"] == "single_choice"
    assert found["ranked_2"]["label"] == {"en": "ranked en (second choice)",
                                          "es": found["ranked_2"]["label"]["es"]}  # fmt: skip
    assert found["ranked_2"]["label"]["es"].startswith("ranked es (")
    assert [o["value"] for o in found["ranked_1"]["options"]] == [
        "police", "court", "shelter", "friends",
    ]  # fmt: skip


def test_rank_of_a_yes_no_list_is_refused() -> None:
    assert problems(with_rows(q("ranked", "rank yes_no"))) == [
        (2, "type", "A ranking needs a list of at least two choices, such as places."),
    ]


# -- external choices ----------------------------------------------------------------------
def test_external_choices_are_read_like_choices_when_the_workbook_carries_them() -> None:
    sheets = with_rows(q("town", "select_one_external towns"))
    sheets["external_choices"] = [
        ["list_name", "name", "label::English (en)", "label::Español (es)"],
        ["towns", "hilo", "Hilo", "Hilo"],
        ["towns", "kona", "Kona", "Kona"],
    ]
    data, warnings = accepted(sheets)
    assert warnings == []
    assert questions_of(data)["town"]["options"] == [
        {"value": "hilo", "label": {"en": "Hilo", "es": "Hilo"}},
        {"value": "kona", "label": {"en": "Kona", "es": "Kona"}},
    ]
    del sheets["external_choices"]
    assert problems(sheets) == [
        (2, "type", "The list for select_one_external is not on an external_choices sheet: add "
                    "that sheet, or put the choices on the choices sheet and use select_one."),
    ]  # fmt: skip


def test_a_missing_translation_on_the_external_choices_sheet_is_found_in_its_cell() -> None:
    sheets = with_rows(q("town", "select_one_external towns"))
    sheets["external_choices"] = [
        ["list_name", "name", "label::English (en)", "label::Español (es)"],
        ["towns", "hilo", "Hilo", None],
        ["towns", "kona", "Kona", "Kona"],
    ]
    found = read_sheets(sheets).problems
    assert [(p.sheet, p.row, p.letter, str(p.message)) for p in found] == [
        ("external_choices", 2, "D", "The Español (es) text is missing."),
    ]


# -- the definition's own checks -------------------------------------------------------------
def definition_with(questions: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "key": "d", "version": 1, "audience": "advocate", "title": {"en": "T"},
        "description": {"en": "D"},
        "sections": [{"key": "s", "title": {"en": "S"}, "questions": questions}], **extra,
    }  # fmt: skip


REGION = {"key": "region", "type": "single_choice", "label": {"en": "Region"},
          "options": [{"value": "n", "label": {"en": "N"}}, {"value": "s", "label": {"en": "S"}}]}  # fmt: skip


def test_an_option_filter_on_an_answer_from_the_same_part_is_refused() -> None:
    town = {"key": "town", "type": "single_choice", "label": {"en": "Town"}, "options": [
        {"value": "a", "label": {"en": "A"}, "show_if": {"question": "region", "equals": "n"}},
        {"value": "b", "label": {"en": "B"}}]}  # fmt: skip
    with pytest.raises(DefinitionError, match="option 'a': show_if refers to 'region'"):
        parse_definition(definition_with([REGION, town]))
    data = definition_with([REGION])
    data["sections"].append({"key": "t", "title": {"en": "T"}, "questions": [town]})
    definition = parse_definition(data)
    assert parse_definition(definition.to_data()).canonical_json() == definition.canonical_json()
    wrong = {**town["options"][0], "show_if": {"question": "region", "equals": "x"}}
    bad = {**town, "options": [wrong, town["options"][1]]}
    data["sections"][1]["questions"] = [bad]
    with pytest.raises(DefinitionError, match="a value it cannot have"):
        parse_definition(data)


@pytest.mark.parametrize(
    ("calculations", "message"),
    [
        ([{"key": "c"}], "needs one of condition, count_selected, if"),
        ([{"key": "c", "count_selected": "region"}], "count_selected needs a multiple choice"),
        ([{"key": "c", "if": {"question": "region", "equals": "n"}, "then": "a"}],
         "'if' needs 'then' and 'else' texts"),
        ([{"key": "region", "condition": {"question": "region", "answered": True}}],
         "a question has that key"),
        ([{"key": "c", "condition": {"question": "d", "answered": True}},
          {"key": "d", "condition": {"question": "c", "answered": True}}],
         "'c' uses 'd', which is neither a question nor an earlier calculation"),
        ({"key": "c"}, "'calculations' must be a list"),
    ],
)  # fmt: skip
def test_a_calculation_the_loader_cannot_work_out_is_refused(
    calculations: Any, message: str
) -> None:
    with pytest.raises(DefinitionError, match=re.escape(message)):
        parse_definition(definition_with([REGION], calculations=calculations))


def test_definitions_without_the_new_features_keep_their_checksums() -> None:
    # no "calculations" key and no option show_if unless used: stored versions stay identical
    data = definition_with([REGION])
    assert "calculations" not in parse_definition(data).to_data()
    assert "show_if" not in str(parse_definition(data).to_data()["sections"])


# -- what the writer writes reads back (property tests over every condition shape) ----------
@given(conditions, st.sampled_from(["condition", "if"]))
def test_every_calculation_reads_back_from_the_xlsform_it_is_written_as(
    condition: Condition, kind: str
) -> None:
    calculation = Calculation("k", kind, condition, then="a b", otherwise="it's")
    if kind == "condition":
        calculation = Calculation("k", kind, condition)
    assert parse_calculation_expression("k", format_calculation(calculation)) == calculation


@given(conditions)
def test_every_option_filter_reads_back_from_the_choice_filter_it_is_written_as(
    condition: Condition,
) -> None:
    question = SingleChoice(
        key="q", label={"en": "Q"},
        options=(Option("a", {"en": "A"}, show_if=condition), Option("b", {"en": "B"})),
    )  # fmt: skip
    node = parse_choice_filter(_choice_filter(question))
    assert bind(node, {"name": "a"}.get) == condition
    assert bind(node, {"name": "b"}.get) is True
    assert bind(node, {"name": "c"}.get) is False


def test_a_hidden_value_is_left_out_and_skip_logic_on_it_is_refused() -> None:
    result = read_sheets(with_rows(q("source", "hidden"), q("story", relevant="${source} != ''")))
    assert [(w.row, str(w.message)) for w in result.warnings] == [
        (2, "Left out: the app keeps no hidden values.")
    ]
    assert [p.row for p in result.problems] == [3]
