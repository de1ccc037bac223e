"""XLSForm constraints beyond number limits and text length (#22 item 2): choice counts,
days, text patterns (safe ones only) and ``and`` combinations — each checked on the server,
with the author's message in the respondent's language or the app's own. Each accepted
workbook round-trips through an export pyxform converts (``accepted``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from flask import Flask, g
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from intake.forms.questionnaire import build_step_form
from intake.questionnaires.definition import parse_definition
from intake.questionnaires.patterns import PatternError, check_pattern, matches
from intake.questionnaires.types import DateQuestion, DefinitionError
from tests.test_authoring import TWO, accepted, changed, q, questions_of, read_sheets, with_rows
from tests.test_xlsform_features import errors_for

NOT_MADE = "This check is not made: "


def choose(app: Flask, question: Any, values: list[str], locale: str = "en") -> list[str]:
    """The field errors for ``values``, as a respondent in ``locale`` reads them."""
    with app.test_request_context():
        g.intake_language = locale  # the language the app speaks to her (intake.i18n)
        app.config["WTF_CSRF_ENABLED"] = False
        formdata = MultiDict([(question.key, v) for v in values])
        form = build_step_form([question], locale, formdata=formdata)
        form.validate()
        return [str(e) for e in form[question.key].errors]


def warnings_at(sheets: dict[str, Any]) -> list[tuple[int | None, str | None, str]]:
    result = read_sheets(sheets)
    assert result.problems == []
    return [(w.row, w.column, str(w.message)) for w in result.warnings]


# -- choice counts -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("constraint", "low", "high"),
    [
        ("count-selected(.) <= 2", None, 2),
        ("count-selected(.) >= 2", 2, None),
        ("count-selected(.) = 2", 2, 2),
        ("count-selected(.) >= 1 and count-selected(.) < 3", None, 2),
        ("count-selected(.)>1 and count-selected(.)<=2", 2, 2),
    ],
)
def test_choice_counts_are_kept(constraint: str, low: int | None, high: int | None) -> None:
    data, warnings = accepted(
        with_rows(q("places", "select_multiple places", constraint=constraint))
    )
    assert warnings == []
    found = questions_of(data)["places"]
    assert (found.get("min_selected"), found.get("max_selected")) == (low, high)


def test_choice_counts_are_checked_on_the_server(app: Flask) -> None:
    data, _ = accepted(
        with_rows(
            q("places", "select_multiple places", constraint="count-selected(.) <= 2"),
            q("two", "select_multiple places", constraint="count-selected(.) = 2"),
        )
    )
    definition = parse_definition(data, TWO)
    places, two = definition.question("places"), definition.question("two")
    assert choose(app, places, ["police", "court"]) == []
    assert choose(app, places, []) == []  # a skipped question is not counted
    assert choose(app, places, ["police", "court", "shelter"]) == [
        "Please choose from 1 to 2 of these."
    ]
    assert choose(app, two, ["police"]) == ["Please choose exactly 2 of these."]
    assert choose(app, two, ["police"], "es") == ["Elija exactamente 2 de estas opciones."]
    assert choose(app, two, ["police"], "ar") == ["يرجى اختيار 2 بالضبط من هذه الخيارات."]
    assert not places.is_valid_value(["police", "court", "shelter"])
    assert places.is_valid_value(["police"])


def test_choice_counts_with_or_other_count_the_other_choice() -> None:
    data, _ = accepted(
        with_rows(
            q("places", "select_multiple places or_other", constraint="count-selected(.) <= 3")
        )
    )
    found = questions_of(data)["places"]
    assert len(found["options"]) == 4
    assert found["max_selected"] == 3


def test_impossible_choice_counts_are_refused_in_their_cell() -> None:
    result = read_sheets(
        with_rows(q("places", "select_multiple places", constraint="count-selected(.) >= 4"))
    )
    assert [(p.row, p.column, str(p.message)) for p in result.problems] == [
        (2, "constraint", "No number of choices meets this constraint: check its limits.")
    ]


# -- days ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("constraint", "low", "high"),
    [
        (". <= today()", None, "today"),
        (". >= today()", "today", None),
        (". >= date('2020-01-01')", "2020-01-01", None),
        (". <= date('2030-12-31')", None, "2030-12-31"),
        (". >= date('2020-01-01') and . <= today()", "2020-01-01", "today"),
    ],
)
def test_day_limits_are_kept(constraint: str, low: str | None, high: str | None) -> None:
    data, warnings = accepted(with_rows(q("when", "date", constraint=constraint)))
    assert warnings == []
    found = questions_of(data)["when"]
    assert (found.get("min_date"), found.get("max_date")) == (low, high)


def test_day_limits_are_checked_on_the_server(app: Flask) -> None:
    data, _ = accepted(
        with_rows(
            q("since", "date", constraint=". >= date('2020-01-01')"),
            q("next", "date", constraint=". >= today()"),
            q("until", "date", constraint=". <= date('2030-12-31')"),
        )
    )
    definition = parse_definition(data, TWO)
    since, upcoming, until = (definition.question(k) for k in ("since", "next", "until"))
    today = dt.date.today()
    far = (today + dt.timedelta(days=30)).isoformat()
    old = (today - dt.timedelta(days=30)).isoformat()
    assert errors_for(app, since, "2019-12-31") == [
        "Please enter a date on or after January 1, 2020."
    ]
    assert errors_for(app, since, "2020-01-01") == []
    # A lower limit that is a fixed day keeps the app's own check: not in the future.
    assert errors_for(app, since, far) == ["Please enter a date that is not in the future."]
    # A lower limit of today asks about the future, so the future is accepted.
    assert errors_for(app, upcoming, far) == []
    assert errors_for(app, upcoming, old) == ["Please enter a date that is not in the past."]
    assert errors_for(app, until, "2031-01-01") == [
        "Please enter a date on or before December 31, 2030."
    ]
    assert choose(app, since, ["2019-12-31"], "es") == [
        "Escriba una fecha igual o posterior al 1 de enero de 2020."
    ]


def test_a_day_either_side_of_today_is_allowed_for_time_zones() -> None:
    question = DateQuestion(key="next", label={"en": "Next"}, min_date="today", max_date="today")
    today = dt.date(2026, 3, 10)
    assert question.bounds(today) == (dt.date(2026, 3, 9), dt.date(2026, 3, 11))


def test_the_apps_not_in_the_future_check_stays_unless_the_future_is_asked() -> None:
    today = dt.date(2026, 3, 10)
    tomorrow = dt.date(2026, 3, 11)

    def bounds(**limits: str) -> tuple[dt.date | None, dt.date | None]:
        return DateQuestion(key="d", label={"en": "D"}, **limits).bounds(today)

    assert bounds() == (None, tomorrow)
    assert bounds(min_date="2020-01-01") == (dt.date(2020, 1, 1), tomorrow)
    assert bounds(min_date="today") == (dt.date(2026, 3, 9), None)
    assert bounds(min_date="2027-01-01") == (dt.date(2027, 1, 1), None)
    assert bounds(max_date="2030-12-31") == (None, dt.date(2030, 12, 31))


@pytest.mark.parametrize(
    "constraint",
    [". < today()", ". >= today() + 1", ". != today()", "decimal-date-time(.) > 3",
     ". >= date('2020-01-01') and . >= today()"],
)  # fmt: skip
def test_other_day_constraints_are_left_out_with_a_warning(constraint: str) -> None:
    found = warnings_at(with_rows(q("when", "date", constraint=constraint)))
    assert len(found) == 1
    assert found[0][:2] == (2, "constraint")
    assert found[0][2].startswith(NOT_MADE)


def test_a_day_that_does_not_exist_is_refused_in_its_cell() -> None:
    result = read_sheets(with_rows(q("when", "date", constraint=". >= date('2020-02-31')")))
    assert [(p.row, str(p.message)) for p in result.problems] == [
        (2, "Write a day as date('2020-01-31'): year, month, day.")
    ]


def test_definitions_refuse_malformed_day_limits() -> None:
    data, _ = accepted(with_rows(q("when", "date", constraint=". <= today()")))
    questions_of(data)["when"]["max_date"] = "tomorrow"
    with pytest.raises(DefinitionError, match="max_date"):
        parse_definition(data, TWO)


# -- patterns ------------------------------------------------------------------------------
def test_a_pattern_is_kept_and_checked_on_the_whole_answer(app: Flask) -> None:
    sheets = with_rows(q("code", constraint="regex(., '^[A-Z]{3}[0-9]{2,4}$')"))
    for column, text in [
        ("constraint_message::English (en)", "Three capitals, then digits"),
        ("constraint_message::Español (es)", "Tres mayúsculas y cifras"),
    ]:
        sheets = changed(sheets, "survey", 2, column, text)
    data, warnings = accepted(sheets)
    assert warnings == []
    assert questions_of(data)["code"]["pattern"] == "^[A-Z]{3}[0-9]{2,4}$"
    code = parse_definition(data, TWO).question("code")
    assert errors_for(app, code, "ABC123") == []
    assert errors_for(app, code, "") == []
    assert errors_for(app, code, "abc123") == ["Three capitals, then digits"]
    assert errors_for(app, code, "ABC123", "es") == []
    assert errors_for(app, code, "AB", "es") == ["Tres mayúsculas y cifras"]
    assert not code.is_valid_value("AB")


def test_without_anchors_the_whole_answer_must_still_match(app: Flask) -> None:
    data, _ = accepted(with_rows(q("zip", constraint="regex(., '[0-9]{5}')")))
    zip_code = parse_definition(data, TWO).question("zip")
    assert errors_for(app, zip_code, "12345") == []
    assert errors_for(app, zip_code, "x12345") == [
        "Please check this answer: it is not written the way this question asks."
    ]


def test_length_and_pattern_together(app: Flask) -> None:
    data, warnings = accepted(
        with_rows(q("ref", constraint='string-length(.) <= 10 and regex(., "^[a-z\' ]+$")'))
    )
    assert warnings == []
    found = questions_of(data)["ref"]
    assert (found["max_length"], found["pattern"]) == (10, "^[a-z' ]+$")
    ref = parse_definition(data, TWO).question("ref")
    assert errors_for(app, ref, "o'neil") == []
    too_long = errors_for(app, ref, "o'neil o'neil")
    assert len(too_long) == 1
    assert "too long" in too_long[0]


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("(a+)+$", "groups in brackets"),
        ("^(a|aa)*$", "groups in brackets"),
        ("^a+*$", "a repeat of a repeat"),
        ("^a{2}+$", "a repeat of a repeat"),
        ("^a+?$", "a repeat of a repeat"),
        (r"^(a)\1$", "groups in brackets"),
        (r"^a\1$", "back-references"),
        (r"^\p{L}+$", "“\\p” is not among the signs"),
        ("^[a-z-[aeiou]]+$", "classes inside classes"),
        (r"^\w*\w*\w*\w*\w*$", "too many open-ended repeats"),
        ("^[a-z", "a [ is never closed"),
        ("*a", "not a valid pattern"),
    ],
)
def test_unsafe_patterns_are_left_out_with_the_reason(pattern: str, why: str) -> None:
    found = warnings_at(with_rows(q("code", constraint=f"regex(., '{pattern}')")))
    assert len(found) == 1
    row_number, column, message = found[0]
    assert (row_number, column) == (2, "constraint")
    assert message.startswith(NOT_MADE)
    assert why in message


def test_a_catastrophic_pattern_is_refused_before_it_is_ever_run() -> None:
    with pytest.raises(PatternError, match="groups in brackets"):
        check_pattern("(a+)+$", 200)
    found = warnings_at(with_rows(q("code", constraint="regex(., '(a+)+$')")))
    assert "(a+)+" in found[0][2]


def test_the_budget_grows_with_the_answer_length() -> None:
    email = r"^[^@ ]+@[^@ ]+\.[^@ ]+$"
    assert matches(check_pattern(email, 200), "a@b.org")
    with pytest.raises(PatternError, match="too many open-ended repeats"):
        check_pattern(email, 3000)
    data, warnings = accepted(
        with_rows(q("mail", "text", appearance="multiline", constraint=f"regex(., '{email}')"))
    )
    assert "pattern" not in questions_of(data)["mail"]
    assert [w for w in warnings if w.startswith(NOT_MADE)]


def test_definitions_refuse_unsafe_patterns() -> None:
    data, _ = accepted(with_rows(q("code", constraint="regex(., '^[0-9]+$')")))
    questions_of(data)["code"]["pattern"] = "(a+)+$"
    with pytest.raises(DefinitionError, match="groups in brackets"):
        parse_definition(data, TWO)


# -- combinations and what stays out -------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "constraint"),
    [
        ("text", "string-length(.) <= 10 or regex(., '^a$')"),
        ("text", "regex(., '^a$') and regex(., '^b$')"),
        ("text", "string-length(.) >= 3"),
        ("select_multiple places", "count-selected(.) != 2"),
        ("select_one places", "count-selected(.) <= 2"),
        ("date", "count-selected(.) <= 2"),
        ("select_multiple places", "count-selected(.) <= 2 and . != 'x'"),
    ],
)
def test_other_constraints_are_left_out_with_a_warning(kind: str, constraint: str) -> None:
    found = warnings_at(with_rows(q("it", kind, constraint=constraint)))
    assert [(r, c) for r, c, _ in found] == [(2, "constraint")]
    assert found[0][2].startswith(NOT_MADE)


@pytest.mark.parametrize("pattern", ["[0--]", "[a&&b]", "[0-9--]", "[a||b]", "[a~~b]"])
def test_a_pattern_a_later_python_would_read_otherwise_is_refused_with_a_reason(
    pattern: str,
) -> None:
    # Python 3.11 reads these but warns (FutureWarning) that they may become set operations.
    with pytest.raises(PatternError, match=r"in a row inside \[ \]"):
        check_pattern(pattern, 200)
    assert check_pattern(r"[0\-\-]", 200).fullmatch("-")  # escaped, the same characters


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab01.^$|()[]{},-+*?\\dws ", max_size=24))
def test_any_pattern_is_either_refused_with_a_reason_or_compiled(pattern: str) -> None:
    # An author's pattern is input like any other: a clear reason, never a crash.
    reason, compiled = "", None
    try:
        compiled = check_pattern(pattern, 200)
    except PatternError as exc:
        reason = str(exc)
    if compiled is None:
        assert reason.endswith(".")  # a sentence in a form author's words
        return
    assert compiled.groups == 0  # no group ever gets through (so no (a+)+)
    matches(compiled, "ab01 " * 40)
