"""Questionnaire authoring: XLSForm import and export, preview, publish, versions in themes."""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import given
from hypothesis import strategies as st
from pyxform import xls2xform
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from intake import keyring
from intake.analysis import state as analysis_state
from intake.analysis.aggregate import Aggregate, merge_plan, signature_of
from intake.analysis.state import planning_order
from intake.analysis.versions import compare
from intake.i18n import catalog_text
from intake.keystore import Keystore
from intake.models import AuditEntry, Draft, Questionnaire, QuestionnaireVersion, Response
from intake.questionnaires import catalog
from intake.questionnaires.catalog import SHIPPED, SHIPPED_DIR, definition_of
from intake.questionnaires.conditions import Condition
from intake.questionnaires.definition import load_definition_text, parse_definition
from intake.questionnaires.xlsform.reader import MAX_BYTES, UploadChoices, read_xlsform
from intake.questionnaires.xlsform.relevant import format_relevant, parse_relevant
from intake.questionnaires.xlsform.writer import write_xlsform
from intake.responses import all_responses, read_response
from tests.conftest import Respondent
from tests.test_staff_side import people, signed_in, token  # noqa: F401 - fixture
from tests.xlsform_helpers import (
    SURVEY_HEADER,
    changed,
    edit_xlsx,
    find_row,
    in_seven_languages,
    pilot,
    row,
    to_xlsx,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "xlsform"
SEVEN = ("en", "es", "so", "vi", "zh", "ar", "hmn")
TWO = ("en", "es")


def shipped(key: str):  # type: ignore[no-untyped-def]
    return load_definition_text((SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8"))


def problems_of(raw: bytes, languages: tuple[str, ...] = TWO) -> list[tuple[Any, ...]]:
    result = read_xlsform(raw, languages)
    assert (result.data is None) == bool(result.problems)
    return [(p.sheet, p.row, p.letter, p.column, str(p.message)) for p in result.problems]


# -- round trips -----------------------------------------------------------------------------
@pytest.mark.parametrize("key", SHIPPED)
def test_each_shipped_questionnaire_round_trips_through_xlsform(key: str) -> None:
    definition = shipped(key)
    workbook = write_xlsform(definition, SEVEN, catalog_text)
    result = read_xlsform(workbook, SEVEN)
    assert result.problems == []
    assert result.data is not None
    again = parse_definition(result.data, SEVEN)
    assert again.canonical_json() == definition.canonical_json()
    # The export is a real XLSForm: ODK's own converter accepts it.
    converted = xls2xform.convert(xlsform=workbook, file_type=".xlsx")
    assert f'id="{key}"' in converted.xform
    assert not [w for w in converted.warnings if "language" not in w]


@pytest.mark.parametrize("key", SHIPPED)
def test_the_example_workbooks_in_the_repository_are_the_shipped_questionnaires(
    key: str,
) -> None:
    """examples/xlsform/ is where a CCR starts; `make xlsform-examples` rewrites it."""
    result = read_xlsform((EXAMPLES / f"{key}.xlsx").read_bytes(), SEVEN)
    assert result.problems == []
    assert parse_definition(result.data, SEVEN).canonical_json() == shipped(key).canonical_json()


def test_the_pilot_form_maps_every_row_kind() -> None:
    result = read_xlsform(to_xlsx(pilot()), TWO)
    assert result.problems == []
    data = result.data
    assert data is not None
    (section,) = data["sections"]
    assert section["intro"] == {"en": "A few questions.", "es": "Unas preguntas."}
    assert section["content_warning"]["es"] == "Algunas preguntas son difíciles."
    types = {q["key"]: q["type"] for q in section["questions"]}
    assert types == {
        "helped": "yes_no",
        "places": "multiple_choice",
        "story": "long_text",
        "times": "number",
        "listened": "scale",
    }
    story = section["questions"][2]
    assert story["max_length"] == 500
    assert story["show_if"] == {"question": "places", "includes": "police"}
    scale = section["questions"][4]
    assert (scale["min"], scale["max"], scale["min_label"]["es"]) == (1, 5, "Nada")
    assert section["questions"][3]["min"] == 0
    assert section["questions"][3]["max"] == 50


def test_a_likert_list_with_words_on_every_point_stays_a_single_choice() -> None:
    sheets = changed(pilot(), "choices", 10, "label::English (en)", "Somewhat")
    data = read_xlsform(to_xlsx(sheets), TWO).data
    assert data is not None
    listened = data["sections"][0]["questions"][4]
    assert listened["type"] == "single_choice"
    assert [o["value"] for o in listened["options"]] == ["1", "2", "3", "4", "5"]


def test_a_groups_skip_logic_applies_to_each_of_its_questions() -> None:
    sheets = pilot()
    sheets["survey"][1:1] = [
        row(type="begin group", name="first", label_en="First", label_es="Primero"),
        row(type="select_one yes_no", name="ready", label_en="Ready?", label_es="¿Listo?"),
        row(type="end group"),
    ]
    sheets = changed(sheets, "survey", 5, "relevant", "${ready} = 'yes'")
    data = read_xlsform(to_xlsx(sheets), TWO).data
    assert data is not None
    helped, places = data["sections"][1]["questions"][:2]
    assert helped["show_if"] == {"question": "ready", "equals": "yes"}
    assert places["show_if"] == {
        "all": [{"question": "ready", "equals": "yes"}, {"question": "helped", "equals": "yes"}]
    }


def test_bare_language_names_and_a_default_language_are_understood() -> None:
    sheets = pilot()
    for sheet in sheets.values():
        sheet[0] = [
            {"label::English (en)": "label", "label::Español (es)": "label::Spanish"}.get(c, c)
            for c in sheet[0]
        ]
    sheets = changed(sheets, "settings", 2, "default_language", "English (en)")
    result = read_xlsform(to_xlsx(sheets), TWO)
    assert result.problems == []
    assert result.data is not None
    assert result.data["title"] == {"en": "Pilot", "es": "Piloto"}


# -- skip logic, both ways ---------------------------------------------------------------------
names = st.sampled_from(["a", "b", "c"])
values = st.sampled_from(["x", "y", "it's", "3"])
leaves = st.one_of(
    st.builds(lambda q, v: Condition("equals", q, v), names, values),
    st.builds(lambda q, v: Condition("includes", q, v), names, values),
    st.builds(lambda q, b: Condition("answered", q, b), names, st.booleans()),
    st.builds(
        lambda q, vs: Condition("in", q, tuple(vs)),
        names,
        st.lists(values, min_size=2, max_size=3, unique=True),
    ),
)
conditions = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.builds(
            lambda cs: Condition("all", children=tuple(cs)), st.lists(inner, min_size=2, max_size=3)
        ),
        st.builds(
            lambda cs: Condition("any", children=tuple(cs)), st.lists(inner, min_size=2, max_size=3)
        ),
        st.builds(lambda c: Condition("not", children=(c,)), inner),
    ),
    max_leaves=8,
)


@given(conditions)
def test_every_condition_reads_back_from_the_relevant_it_is_written_as(
    condition: Condition,
) -> None:
    assert parse_relevant(format_relevant(condition)) == condition


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("${a} = 'x'", {"question": "a", "equals": "x"}),
        ("${a}='x' or ${a} = \"y\"", {"question": "a", "in": ["x", "y"]}),
        ("${a} != ''", {"question": "a", "answered": True}),
        ("${a} = ''", {"question": "a", "answered": False}),
        ("${a} != 'x'", {"not": {"question": "a", "equals": "x"}}),
        ("selected( ${a} , 'x')", {"question": "a", "includes": "x"}),
        (
            "not(${a} = 'x') and (${b} != '' or ${c} = 'y')",
            {"all": [
                {"not": {"question": "a", "equals": "x"}},
                {"any": [{"question": "b", "answered": True}, {"question": "c", "equals": "y"}]},
            ]},
        ),
    ],
)  # fmt: skip
def test_relevant_expressions_the_app_understands(expression: str, expected: Any) -> None:
    assert parse_relevant(expression).to_data() == expected


# -- a corpus of broken workbooks, each with its exact list of problems ------------------------
def _zip_without_a_workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    return out.getvalue()


def _with_entities(raw: bytes, member: str) -> bytes:
    """The workbook with an XML entity declaration (the start of a "billion laughs")."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == member:
                declaration = b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                data = (
                    declaration + data
                    if not data.startswith(b"<?xml")
                    else data.replace(b"?>", b"?>" + declaration, 1)
                )
            target.writestr(name, data)
    return out.getvalue()


P = pilot()
NOT_XLSX = (
    "This is not an Excel workbook (.xlsx). Save the form as an .xlsx file and upload it again."
)
CORPUS: dict[str, tuple[bytes, list[tuple[Any, ...]]]] = {
    "text, not a workbook": (b"type,name,label\ntext,q,Q\n", [(None, None, None, None, NOT_XLSX)]),
    "a zip, not a workbook": (_zip_without_a_workbook(), [(None, None, None, None, NOT_XLSX)]),
    "an old .xls file": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        [(None, None, None, None, "This is an older Excel file (.xls), or a workbook protected by a password. Open it in a spreadsheet program, save it as .xlsx without a password and upload it again.")],
    ),
    "too large": (
        b"PK" + b"\0" * (MAX_BYTES + 1),
        [(None, None, None, None, "The file is larger than 1024 KB. A questionnaire workbook is usually well under that.")],
    ),
    "XML entities in the survey sheet": (
        _with_entities(to_xlsx(P), "xl/worksheets/sheet1.xml"),
        [(None, None, None, None, "The workbook could not be read: it may be damaged.")],
    ),
    "two columns with one name": (
        to_xlsx({**P, "survey": [P["survey"][0] + ["name"]] + [[*r, None] for r in P["survey"][1:]]}),
        [(None, None, None, None, "Two columns are called “name”.")],
    ),
    "unknown type and a time": (
        to_xlsx(changed(changed(P, "survey", 6, "type", "time"), "survey", 5, "type", "sketch")),
        [
            ("survey", 5, "A", "type", "“sketch” is not a question type this app has. It has: begin group, end group, note, select_one, select_multiple, text, integer, decimal, date, range, acknowledge."),
            ("survey", 6, "A", "type", "Times of day are not asked: use date for the day. A day is enough to follow what happened, and an exact time can point to one person."),
        ],
    ),
    "a reference to a later question": (
        to_xlsx(changed(P, "survey", 6, "relevant", "${helped} != '' and ${times} = '3'")),
        [("survey", 6, "H", "relevant", "The skip logic refers to “times”, which is not an earlier question.")],
    ),
    "an expression outside the subset": (
        to_xlsx(changed(P, "survey", 8, "relevant", "${times} * 2 = 6")),
        [("survey", 8, "H", "relevant", "The skip logic compares answers with =, !=, <, <=, > or >=, not with “*”.")],
    ),
    "a value that is not a choice": (
        to_xlsx(changed(P, "survey", 6, "relevant", "selected(${places}, 'hospital')")),
        [("survey", 6, "H", "relevant", "The skip logic compares “places” with “hospital”, which is not one of its choices.")],
    ),
    "= on a multiple choice": (
        to_xlsx(changed(P, "survey", 6, "relevant", "${places} = 'police'")),
        [("survey", 6, "H", "relevant", "“places” is a multiple-choice question: write selected(${places}, 'police').")],
    ),
    "missing translations": (
        to_xlsx(changed(changed(P, "survey", 4, "label::Español (es)", None), "choices", 5, "label::Español (es)", "")),
        [
            ("survey", 4, "D", "label::Español (es)", "The Español (es) text is missing."),
            ("choices", 5, "D", "label::Español (es)", "The Español (es) text is missing."),
        ],
    ),
    "a language without a column": (
        to_xlsx({**P, "survey": [r[:3] + r[4:] for r in P["survey"]]}),
        [("survey", None, None, None, "There is no label::Spanish (es) column: every language the app offers needs its own text.")],
    ),
    "a language that cannot be told": (
        to_xlsx({**P, "survey": [["label::Espanol" if c == "label::Español (es)" else c for c in P["survey"][0]], *P["survey"][1:]]}),
        [
            ("survey", None, None, None, "There is no label::Spanish (es) column: every language the app offers needs its own text."),
            ("survey", 1, "D", "label::Espanol", "The language of this column cannot be told: write it like label::Spanish (es)."),
        ],
    ),
    "a name used twice": (
        to_xlsx(changed(P, "survey", 6, "name", "places")),
        [("survey", 6, "B", "name", "The name “places” is used twice (first in row 5).")],
    ),
    "a missing choice list": (
        to_xlsx(changed(P, "survey", 5, "type", "select_multiple venues")),
        [("survey", 5, "A", "type", "The choice list “venues” is not on the choices sheet.")],
    ),
    "skip logic nested too deeply": (
        to_xlsx(changed(P, "survey", 5, "relevant", "(" * 25 + "${helped} = 'yes'" + ")" * 25)),
        [("survey", 5, "H", "relevant", "This skip logic is too long or nested too deeply to follow. Split the question, or simplify the condition.")],
    ),
    "a number that only looks like one": (
        to_xlsx(changed(P, "settings", 2, "estimated_minutes", "10²")),
        [("settings", 2, "D", "estimated_minutes", "estimated_minutes must be a whole number of minutes, like 15.")],
    ),
    "a hint on a note": (
        to_xlsx(changed(P, "survey", 3, "hint::English (en)", "More")),
        [("survey", 3, "E", "hint::English (en)", "A note has no hint: put all of its text in its label.")],
    ),
    "an answer piped into a group's label": (
        to_xlsx(changed(P, "survey", 2, "label::Español (es)", "Sobre ${helped}")),
        [("survey", 2, "D", "label::Español (es)", "Only the label and hint of a question or a note can show an earlier answer: here ${…} would appear as it is to respondents. Write the words instead.")],
    ),
    "a repeat": (
        to_xlsx(changed(P, "survey", 2, "type", "begin repeat")),
        [("survey", 2, "A", "type", "Repeats are not supported: each question is asked once. Ask how many (an integer question), then ask about the first few one by one, e.g. child_1_age, child_2_age.")],
    ),
    "a bad name and audience in settings": (
        to_xlsx(changed(changed(P, "settings", 2, "form_id", "Pilot Survey"), "settings", 2, "audience", "public")),
        [("settings", 2, "C", "audience", "The audience must be one of: survivor, advocate, community_leader, listening_session.")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CORPUS))
def test_a_broken_workbook_gets_its_exact_list_of_problems(case: str) -> None:
    raw, expected = CORPUS[case]
    assert problems_of(raw) == expected


def test_every_problem_in_one_workbook_is_listed_at_once_in_sheet_and_row_order() -> None:
    sheets = P
    for sheet, number, column, value in [
        ("settings", 2, "estimated_minutes", "soon"),
        ("survey", 8, "relevant", "${times} * 2 = 6"),
        ("survey", 4, "required", "perhaps"),
        ("survey", 6, "name", "helped"),
        ("survey", 5, "type", "select_multiple venues"),
        ("choices", 9, "label::Español (es)", None),
    ]:
        sheets = changed(sheets, sheet, number, column, value)
    found = problems_of(to_xlsx(sheets))
    assert [(sheet, number, letter) for sheet, number, letter, *_rest in found] == [
        ("survey", 4, "G"), ("survey", 5, "A"), ("survey", 6, "B"), ("survey", 8, "H"),
        ("choices", 9, "D"), ("settings", 2, "D"),
    ]  # fmt: skip


# -- the admin's side ---------------------------------------------------------------------------
def upload(client: FlaskClient, raw: bytes, form_page: str = "/staff/questionnaires"):  # type: ignore[no-untyped-def]
    """Post a workbook as the upload form does (its CSRF token read from ``form_page``)."""
    return client.post(
        "/staff/questionnaires/upload",
        data={
            "csrf_token": token(client, form_page),
            "workbook": (io.BytesIO(raw), "form.xlsx"),
        },
        content_type="multipart/form-data",
    )


def act(client: FlaskClient, action: str, version_id: int, **extra: str):  # type: ignore[no-untyped-def]
    return client.post(
        f"/staff/questionnaires/{action}",
        data={
            "csrf_token": token(client, "/staff/questionnaires"),
            "version_id": version_id,
            **extra,
        },
    )


def versions_of(session: Session, key: str) -> list[tuple[int, str]]:
    session.expire_all()
    return [
        (v.version, v.status)
        for v in session.scalars(
            select(QuestionnaireVersion)
            .join(Questionnaire)
            .where(Questionnaire.key == key)
            .order_by(QuestionnaireVersion.version)
        )
    ]


def seven_language_pilot() -> bytes:
    """The pilot with every shipped language: the app's config requires all seven."""
    return to_xlsx(in_seven_languages(pilot()))


def test_upload_preview_publish_answer_and_export(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    # Given a new questionnaire uploaded as a workbook
    response = upload(admin, seven_language_pilot())
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/staff/questionnaires/pilot/1")
    assert versions_of(session, "pilot") == [(1, "draft")]
    page = admin.get("/staff/questionnaires/pilot/1").get_data(as_text=True)
    assert "Saved as draft version 1" in page
    assert "Publish version 1" in page
    # a draft is not offered to respondents
    code = session.scalar(select(Questionnaire.public_code).where(Questionnaire.key == "pilot"))
    assert app.test_client().get(f"/s/{code}").status_code == 404

    # When the admin previews it in Spanish and goes all the way through
    version_id = session.scalar(
        select(QuestionnaireVersion.id).join(Questionnaire).where(Questionnaire.key == "pilot")
    )
    responses_before = session.scalar(select(func.count(Response.id)))
    assert act(admin, "preview", version_id, language="es").status_code == 303
    walker = Respondent(admin, code)
    walker.open()
    assert "Sobre usted" not in walker.page
    assert "/staff/questionnaires/pilot/1" in walker.page  # the preview banner's way back
    walker.post("start")
    assert "Piloto" in walker.page  # named after Start (the landing is neutral)
    walker.post("consent")
    assert "Sobre usted" in walker.page
    assert "Algunas preguntas son difíciles." in walker.page
    walker.post("next", {"helped": "yes"})
    assert "¿Dónde?" in walker.page  # skip logic revealed the follow-up on the same page
    walker.next_until_review({"places": ["police"], "story": "Texto de prueba"})
    walker.post("submit")
    # Then nothing was stored, and the draft it used is gone
    session.expire_all()
    assert session.scalar(select(func.count(Response.id))) == responses_before
    assert session.scalar(select(func.count(Draft.id))) == 0

    # When it is published, a respondent answers it
    assert act(admin, "publish", version_id).status_code == 303
    assert versions_of(session, "pilot") == [(1, "published")]
    respondent = Respondent(app.test_client(), code)
    respondent.start("es")
    respondent.next_until_review({"helped": "no", "times": "2"})
    respondent.post("submit")
    session.expire_all()
    assert session.scalar(select(func.count(Response.id))) == responses_before + 1

    # And its export reads back to the same definition
    exported = admin.get("/staff/questionnaires/pilot/1/xlsform")
    assert exported.status_code == 200
    assert exported.headers["Content-Disposition"] == 'attachment; filename="pilot-v1.xlsx"'
    again = read_xlsform(exported.data, SEVEN)
    stored = session.scalar(
        select(QuestionnaireVersion).where(QuestionnaireVersion.id == version_id)
    )
    assert again.data is not None
    assert stored is not None
    assert (
        parse_definition(again.data, SEVEN).canonical_json()
        == definition_of(stored).canonical_json()
    )
    actions = session.scalars(select(AuditEntry.action)).all()
    assert "questionnaire draft uploaded" in actions
    assert "questionnaire version published" in actions


def test_a_workbook_with_problems_changes_nothing_and_lists_them(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    broken = to_xlsx(changed(pilot(), "survey", 7, "type", "time"))
    before = versions_of(session, "pilot")
    response = upload(admin, broken)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "The workbook was not saved" in page
    assert "Times of day are not asked" in page
    # every shipped language is required: the two-language pilot lacks five
    assert page.count("every language the app offers needs its own text") >= 5
    assert versions_of(session, "pilot") == before == []


def test_an_unchanged_workbook_is_recognised_and_a_changed_one_replaces_the_draft(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    exported = admin.get("/staff/questionnaires/survivor/1/xlsform").data
    response = upload(admin, exported)
    assert response.headers["Location"].endswith("/staff/questionnaires/survivor/1")
    assert "the same as version 1: nothing was changed" in admin.get(
        response.headers["Location"]
    ).get_data(as_text=True)
    assert versions_of(session, "survivor") == [(1, "published")]

    title_row = find_row(exported, "survey", "name", "help_sought")
    first = edit_xlsx(
        exported,
        [("survey", title_row, "label::English (en)", "Did you ever ask anyone for help?")],
    )
    second = edit_xlsx(
        exported, [("survey", title_row, "label::English (en)", "Have you asked for help?")]
    )
    assert upload(admin, first).headers["Location"].endswith("/survivor/2")
    assert upload(admin, second).headers["Location"].endswith("/survivor/2")
    assert versions_of(session, "survivor") == [(1, "published"), (2, "draft")]
    page = admin.get("/staff/questionnaires/survivor/2").get_data(as_text=True)
    assert "1 question reworded, still counted together" in page
    assert "help_sought" in page
    assert (
        act(
            admin,
            "discard",
            session.scalar(
                select(QuestionnaireVersion.id).where(QuestionnaireVersion.version == 2)
            ),
        ).status_code
        == 303
    )
    assert versions_of(session, "survivor") == [(1, "published")]


def test_a_new_version_cannot_change_who_answers(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    exported = admin.get("/staff/questionnaires/advocate/1/xlsform").data
    moved = edit_xlsx(exported, [("settings", 2, "audience", "community_leader")])
    response = upload(admin, moved)
    assert response.status_code == 422
    assert "cannot change who answers it" in response.get_data(as_text=True)
    assert versions_of(session, "advocate") == [(1, "published")]


def test_upload_needs_csrf_and_an_admin(app: Flask, people: dict[str, Any]) -> None:
    admin = signed_in(app, people, "admin")
    refused = admin.post(
        "/staff/questionnaires/upload",
        data={"workbook": (io.BytesIO(to_xlsx(pilot())), "form.xlsx")},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 400
    facilitator = signed_in(app, people, "facilitator")
    assert upload(facilitator, to_xlsx(pilot()), form_page="/staff/").status_code == 403


def test_an_empty_or_oversized_upload_is_answered_on_the_upload_page(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    empty = admin.post(
        "/staff/questionnaires/upload",
        data={"csrf_token": token(admin, "/staff/questionnaires")},
        content_type="multipart/form-data",
    )
    assert empty.status_code == 422
    assert "Choose a workbook to upload." in empty.get_data(as_text=True)
    # Encoded in memory: the test client would spool a body this big to a temporary file,
    # which nothing closes when the app refuses the request unread.
    boundary, body = encode_multipart(
        MultiDict(
            {
                "csrf_token": token(admin, "/staff/questionnaires"),
                "workbook": FileStorage(io.BytesIO(b"PK" + b"\0" * (MAX_BYTES + 4096)), "big.xlsx"),
            }
        )
    )
    huge = admin.post(
        "/staff/questionnaires/upload",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert huge.status_code == 413
    page = huge.get_data(as_text=True)
    assert "The file is larger than 1024 KB" in page
    assert 'name="workbook"' in page  # the form is right there to try again
    assert versions_of(session, "pilot") == []


def test_a_preview_grant_lapses_and_never_reaches_another_browser(
    app: Flask, people: dict[str, Any], session: Session, moving_clock: Any
) -> None:
    admin = signed_in(app, people, "admin")
    uploaded = upload(admin, seven_language_pilot())
    assert uploaded.status_code == 303, uploaded.get_data(as_text=True)
    version_id = session.scalar(
        select(QuestionnaireVersion.id).join(Questionnaire).where(Questionnaire.key == "pilot")
    )
    code = session.scalar(select(Questionnaire.public_code).where(Questionnaire.key == "pilot"))
    act(admin, "preview", version_id, language="en")
    assert admin.get(f"/s/{code}").status_code == 200
    assert app.test_client().get(f"/s/{code}").status_code == 404
    moving_clock.advance(minutes=61)
    assert admin.get(f"/s/{code}").status_code == 404


def test_old_responses_stay_readable_and_merge_by_question_key(
    app: Flask,
    people: dict[str, Any],
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
) -> None:
    admin = signed_in(app, people, "admin")
    code = session.scalar(select(Questionnaire.public_code).where(Questionnaire.key == "survivor"))
    # Given a response on version 1
    first = Respondent(app.test_client(), code)
    first.start()
    first.next_until_review({"help_sought": "yes", "preferred_language": "english"})
    first.post("submit")
    # When version 2 rewords one question and changes the choices of another
    exported = admin.get("/staff/questionnaires/survivor/1/xlsform").data
    help_row = find_row(exported, "survey", "name", "help_sought")
    choice_row = find_row(exported, "choices", "name", "english")
    v2 = edit_xlsx(exported, [
        ("survey", help_row, "label::English (en)", "Have you asked anyone for help?"),
        ("choices", choice_row, "name", "english_language"),
    ])  # fmt: skip
    assert upload(admin, v2).status_code == 303
    v2_id = session.scalar(select(QuestionnaireVersion.id).where(QuestionnaireVersion.version == 2))
    page = admin.get("/staff/questionnaires/survivor/2").get_data(as_text=True)
    assert "1 question with a new type or new choices" in page
    assert "preferred_language" in page
    act(admin, "publish", v2_id)
    # and someone answers version 2
    second = Respondent(app.test_client(), code)
    second.start()
    second.next_until_review({"help_sought": "yes", "preferred_language": "english_language"})
    second.post("submit")
    # Then both responses open, each with its own version, and the themes merge what is
    # unchanged, whichever response is read first
    session.expire_all()
    stored = list(all_responses(session))
    versions = {v.id: v for v in session.scalars(select(QuestionnaireVersion))}
    oldest_first = [
        definition_of(versions[i])
        for i in sorted(versions, key=lambda i: (versions[i].questionnaire_id, versions[i].version))
    ]
    assert sorted(definition_of(versions[r.questionnaire_version_id]).version for r in stored) == [
        1,
        2,
    ]
    for order in (stored, stored[::-1]):
        aggregate = Aggregate()
        aggregate.plan(oldest_first)
        for response in order:
            definition = definition_of(versions[response.questionnaire_version_id])
            aggregate.add(read_response(response, open_team, keystore, definition), definition)
        assert aggregate.answers["help_sought"][("survivor", "yes")] == 2
        assert aggregate.answers["preferred_language"][("survivor", "english")] == 1
        changed_key = "preferred_language@survivor.v2"
        assert aggregate.answers[changed_key][("survivor", "english_language")] == 1
    # and the app's own unlocked analysis does the same
    state = analysis_state.ThemeState()
    analysis_state.read_responses(session, state, {r.id for r in stored}, open_team, keystore)
    assert state.unreadable == set()
    assert (
        state.aggregate.answers["preferred_language@survivor.v2"][("survivor", "english_language")]
        == 1
    )


def test_texts_that_look_like_formulas_and_long_names_still_round_trip() -> None:
    sheets = changed(pilot(), "survey", 2, "name", "a" * 60)
    sheets = changed(sheets, "survey", 4, "label::English (en)", '=HYPERLINK("http://x", "y")')
    definition = parse_definition(read_xlsform(to_xlsx(sheets), TWO).data, TWO)
    exported = write_xlsform(definition, TWO, catalog_text)
    again = read_xlsform(exported, TWO)
    assert again.problems == []
    assert parse_definition(again.data, TWO).canonical_json() == definition.canonical_json()
    assert again.data["sections"][0]["questions"][0]["label"]["en"].startswith("=HYPERLINK")


def test_identical_versions_of_a_changed_question_are_counted_together() -> None:
    """v1 asks with two choices; v2 and v3 both with three: v2 and v3 are counted together."""
    base = read_xlsform(to_xlsx(pilot()), TWO).data
    assert base is not None

    def version(number: int, values: list[str]):  # type: ignore[no-untyped-def]
        data = json.loads(json.dumps(base))
        data["version"] = number
        places = data["sections"][0]["questions"][1]
        places["options"] = [{"value": v, "label": {"en": v, "es": v}} for v in values]
        if number == 3:
            places["label"]["en"] = "Where did you go?"
        return parse_definition(data, TWO)

    v1 = version(1, ["police", "court"])
    v2 = version(2, ["police", "court", "shelter"])
    v3 = version(3, ["police", "court", "shelter"])
    plan = merge_plan([v1, v2, v3])
    assert plan[("places", signature_of(v1.question("places")))] == "places"
    assert plan[("places", signature_of(v2.question("places")))] == "places@pilot.v2"
    assert plan[("places", signature_of(v3.question("places")))] == "places@pilot.v2"
    changes = compare([v1, v2], v2, v3)  # what the version page says before v3 is published
    assert changes.separate == []
    assert changes.reworded == ["places"]
    assert compare([v1], v1, v2).separate == ["places"]


def test_the_merge_plan_follows_publication_not_questionnaire_order(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    """A drafted or later-published version never takes a key already being counted."""
    admin = signed_in(app, people, "admin")
    upload(admin, seven_language_pilot())  # pilot v1, a draft: not in the plan
    order = [
        (d.key, d.version) for d in planning_order(session.scalars(select(QuestionnaireVersion)))
    ]
    assert ("pilot", 1) not in order
    act(
        admin,
        "publish",
        session.scalar(
            select(QuestionnaireVersion.id).join(Questionnaire).where(Questionnaire.key == "pilot")
        ),
    )
    session.expire_all()
    order = [
        (d.key, d.version) for d in planning_order(session.scalars(select(QuestionnaireVersion)))
    ]
    assert order[-1] == ("pilot", 1)
    assert set(order[:-1]) == {(key, 1) for key in SHIPPED}


def preview_and_answer(admin: FlaskClient, version_id: int, code: str) -> Respondent:
    act(admin, "preview", version_id, language="en")
    walker = Respondent(admin, code)
    walker.start()
    walker.next_until_review({"help_sought": "yes", "helped": "yes"})
    return walker


def test_a_preview_is_never_sent_after_it_ends(
    app: Flask, people: dict[str, Any], session: Session, moving_clock: Any
) -> None:
    admin = signed_in(app, people, "admin")
    survivor_v1 = session.scalar(
        select(QuestionnaireVersion.id)
        .where(QuestionnaireVersion.version == 1)
        .join(Questionnaire)
        .where(Questionnaire.key == "survivor")
    )
    code = session.scalar(select(Questionnaire.public_code).where(Questionnaire.key == "survivor"))
    # Ended by going back to the version page, then "Send" pressed in the old tab
    walker = preview_and_answer(admin, survivor_v1, code)
    stale_page = walker.page
    admin.get("/staff/questionnaires/survivor/1")
    walker.page = stale_page
    walker.post("submit")
    session.expire_all()
    assert session.scalar(select(func.count(Response.id))) == 0
    assert session.scalar(select(func.count(Draft.id))) == 0
    # Ended by the grant lapsing, with the version published meanwhile
    upload(admin, seven_language_pilot())
    pilot_v1 = session.scalar(
        select(QuestionnaireVersion.id).join(Questionnaire).where(Questionnaire.key == "pilot")
    )
    pilot_code = session.scalar(
        select(Questionnaire.public_code).where(Questionnaire.key == "pilot")
    )
    walker = preview_and_answer(admin, pilot_v1, pilot_code)
    with admin.session_transaction() as cookie:  # the grant lapses; the draft is still alive
        cookie.pop(catalog.PREVIEW)
    catalog.publish(session, session.get(QuestionnaireVersion, pilot_v1))  # by another admin
    session.commit()
    assert "Your earlier answers were cleared" in walker.post("submit")
    session.expire_all()
    assert session.scalar(select(func.count(Response.id))) == 0
    # and the grant itself lapses after an hour
    act(admin, "preview", pilot_v1, language="en")
    assert admin.get(f"/s/{pilot_code}").status_code == 200
    assert "/staff/questionnaires/pilot/1" in admin.get(f"/s/{pilot_code}").get_data(as_text=True)
    moving_clock.advance(minutes=61)
    assert "/staff/questionnaires/pilot/1" not in admin.get(f"/s/{pilot_code}").get_data(
        as_text=True
    )


def test_publish_discard_retire_and_preview_only_where_they_apply(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    survivor_v1 = session.scalar(
        select(QuestionnaireVersion.id).join(Questionnaire).where(Questionnaire.key == "survivor")
    )
    # a published version cannot be published again or discarded
    assert "Only a draft can be published." in admin.get(
        act(admin, "publish", survivor_v1).headers["Location"]
    ).get_data(as_text=True)
    assert "Only a draft can be discarded." in admin.get(
        act(admin, "discard", survivor_v1).headers["Location"]
    ).get_data(as_text=True)
    assert versions_of(session, "survivor") == [(1, "published")]
    # retiring the only published version needs a confirmation
    page = admin.get("/staff/questionnaires/survivor/1").get_data(as_text=True)
    assert "This is the only published version" in page
    act(admin, "retire", survivor_v1)
    assert versions_of(session, "survivor") == [(1, "published")]
    act(admin, "retire", survivor_v1, confirm="y")
    assert versions_of(session, "survivor") == [(1, "retired")]
    code = session.scalar(select(Questionnaire.public_code).where(Questionnaire.key == "survivor"))
    assert app.test_client().get(f"/s/{code}").status_code == 404
    # a retired version is not previewed, and its words can come back as a new draft
    assert act(admin, "preview", survivor_v1, language="en").status_code == 404
    exported = admin.get("/staff/questionnaires/survivor/1/xlsform").data
    assert upload(admin, exported).headers["Location"].endswith("/survivor/2")
    assert versions_of(session, "survivor") == [(1, "retired"), (2, "draft")]
    actions = session.scalars(select(AuditEntry.action)).all()
    assert "questionnaire version retired" in actions


def test_discarding_a_new_questionnaires_only_draft_frees_its_name(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    upload(admin, seven_language_pilot())
    draft = session.scalar(
        select(QuestionnaireVersion.id).join(Questionnaire).where(Questionnaire.key == "pilot")
    )
    act(admin, "discard", draft)
    session.expire_all()
    assert session.scalar(select(Questionnaire.id).where(Questionnaire.key == "pilot")) is None
    other = to_xlsx(changed(in_seven_languages(pilot()), "settings", 2, "audience", "advocate"))
    assert upload(admin, other).status_code == 303
    assert (
        session.scalar(select(Questionnaire.audience).where(Questionnaire.key == "pilot"))
        == "advocate"
    )


def test_a_new_shipped_version_never_replaces_the_teams_own(
    app: Flask,
    people: dict[str, Any],
    session: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    admin = signed_in(app, people, "admin")
    # The team adapts the survivor questionnaire: its version 2
    exported = admin.get("/staff/questionnaires/survivor/1/xlsform").data
    help_row = find_row(exported, "survey", "name", "help_sought")
    ours = edit_xlsx(exported, [("survey", help_row, "label::English (en)", "Our own wording")])
    upload(admin, ours)
    act(
        admin,
        "publish",
        session.scalar(select(QuestionnaireVersion.id).where(QuestionnaireVersion.version == 2)),
    )
    # A later release ships its own survivor version 2 (different words)
    shipped_dir = tmp_path / "shipped"
    shipped_dir.mkdir()
    for key in SHIPPED:
        data = json.loads((SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8"))
        if key == "survivor":
            data["version"] = 2
            data["title"]["en"] = "A title from the new release"
        (shipped_dir / f"{key}.json").write_text(
            json.dumps(data, ensure_ascii=False), encoding="utf-8"
        )
    monkeypatch.setattr(catalog, "SHIPPED_DIR", shipped_dir)
    results = {r.key: r for r in catalog.load_shipped(session, SEVEN)}
    session.commit()
    assert (results["survivor"].outcome, results["survivor"].version) == ("draft", 3)
    assert results["advocate"].outcome == "present"
    assert versions_of(session, "survivor") == [(1, "published"), (2, "published"), (3, "draft")]
    # Loading again changes nothing; with the team's own draft waiting, the release waits too
    assert catalog.load_shipped(session, SEVEN)[0].outcome == "present"
    catalog.discard_draft(
        session,
        session.scalar(select(QuestionnaireVersion).where(QuestionnaireVersion.version == 3)),
    )
    session.commit()
    upload(admin, edit_xlsx(exported, [("survey", help_row, "label::English (en)", "Next")]))
    session.expire_all()
    assert catalog.load_shipped(session, SEVEN)[0].outcome == "skipped"
    session.commit()
    assert versions_of(session, "survivor") == [(1, "published"), (2, "published"), (3, "draft")]


def test_every_version_downloads_whatever_its_state(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    upload(admin, seven_language_pilot())  # a draft
    assert admin.get("/staff/questionnaires/pilot/1/xlsform").status_code == 200
    survivor_v1 = session.scalar(
        select(QuestionnaireVersion.id).join(Questionnaire).where(Questionnaire.key == "survivor")
    )
    act(admin, "retire", survivor_v1, confirm="y")
    assert admin.get("/staff/questionnaires/survivor/1/xlsform").data[:2] == b"PK"  # retired
    page = admin.get("/staff/questionnaires").get_data(as_text=True)
    for key in SHIPPED:
        assert f"/staff/questionnaires/{key}/1" in page
        response = admin.get(f"/staff/questionnaires/{key}/1/xlsform")
        assert response.status_code == 200
        assert response.data[:2] == b"PK"
    assert admin.get("/staff/questionnaires/survivor/9/xlsform").status_code == 404
    assert admin.get("/staff/questionnaires/survivor/x/xlsform").status_code == 404
    assert re.search(r"<h1>Questionnaires</h1>", page)


# -- XLSForm as other tools write it: kept, left out with a warning, or refused ------------------
# One test per row of the table in docs/questionnaires.md ("XLSForm features").
def read_sheets(sheets: dict[str, Any], audience: str = "", key: str = "") -> Any:
    return read_xlsform(to_xlsx(sheets), TWO, "en", UploadChoices(key=key, audience=audience))


def accepted(sheets: dict[str, Any], **choices: str) -> tuple[dict[str, Any], list[str]]:
    """The definition read from ``sheets`` (which must be accepted), and its warnings; the
    definition also round-trips through an export that pyxform converts."""
    result = read_sheets(sheets, **choices)
    assert [str(p) for p in result.problems] == []
    definition = parse_definition(result.data, TWO)
    exported = write_xlsform(definition, TWO, catalog_text)
    again = read_xlsform(exported, TWO)
    assert again.problems == []
    assert again.warnings == []
    assert parse_definition(again.data, TWO).canonical_json() == definition.canonical_json()
    xls2xform.convert(xlsform=exported, file_type=".xlsx")  # raises if pyxform refuses it
    return result.data, [str(w.message) for w in result.warnings]


def questions_of(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {q["key"]: q for s in data["sections"] for q in s["questions"]}


def with_rows(*rows: list[Any], sheets: dict[str, Any] | None = None) -> dict[str, Any]:
    """The pilot with its survey rows replaced by ``rows``."""
    base = copy.deepcopy(sheets or P)
    base["survey"] = [base["survey"][0], *rows]
    return base


def q(name: str, kind: str = "text", **cells: Any) -> list[Any]:
    return row(type=kind, name=name, label_en=f"{name} en", label_es=f"{name} es", **cells)


def test_other_spellings_of_types_and_settings_are_read() -> None:
    sheets = with_rows(
        row(type="begin group", name="g", label_en="G", label_es="G"),
        q("said", "string"),
        q("where", "select all that apply from places"),
        q("helped", "select one from yes_no"),
        q("count", "int"),
        row(type="end group", name="g", required="false"),
    )
    settings = sheets["settings"]
    settings[0] = ["id_string" if c == "form_id" else c for c in settings[0]]
    data, warnings = accepted(sheets)
    types = {k: v["type"] for k, v in questions_of(data).items()}
    assert types == {"said": "short_text", "where": "multiple_choice", "helped": "yes_no",
                     "count": "number"}  # fmt: skip
    assert data["key"] == "pilot"
    assert warnings == []


def test_bind_columns_and_an_authors_own_columns_are_read_as_pyxform_reads_them() -> None:
    sheets = with_rows(
        q("helped", "select_one yes_no"),
        q("story"),
        q("times", "integer"),
    )
    sheets = changed(sheets, "survey", 3, "bind::relevant", "${helped} = 'yes'")
    sheets = changed(sheets, "survey", 4, "bind::constraint", ". <= 20")
    sheets = changed(sheets, "survey", 2, "my notes", "check wording with the team")
    data, warnings = accepted(sheets)
    found = questions_of(data)
    assert found["story"]["show_if"] == {"question": "helped", "equals": "yes"}
    assert (found["times"]["min"], found["times"]["max"]) == (0, 20)
    assert warnings == []  # the author's own column is ignored, as pyxform ignores it


def test_questions_without_groups_are_paged() -> None:
    data, _warnings = accepted(with_rows(*(q(f"q{n}") for n in range(1, 9))))
    assert [(s["key"], len(s["questions"])) for s in data["sections"]] == [
        ("part_1", 6), ("part_2", 2),
    ]  # fmt: skip
    assert data["sections"][1]["title"] == data["title"]


def test_nested_groups_are_flattened_to_parts_with_their_headings() -> None:
    data, _warnings = accepted(
        with_rows(
            q("first", "select_one yes_no"),
            row(type="begin group", name="outer", label_en="Outer", label_es="Exterior",
                relevant="${first} = 'yes'"),
            q("inside_outer"),
            row(type="begin group", name="inner", label_en="Inner", label_es="Interior"),
            q("inside_inner"),
            row(type="end group"),
            row(type="begin group", name="unlabelled"),
            q("no_heading"),
            row(type="end group"),
            row(type="end group"),
        )
    )  # fmt: skip
    parts = [(s["key"], s["title"]["es"], [x["key"] for x in s["questions"]])
             for s in data["sections"]]  # fmt: skip
    assert parts == [
        ("part_1", "Piloto", ["first"]),
        ("outer", "Exterior", ["inside_outer"]),
        ("inner", "Interior", ["inside_inner"]),
        ("unlabelled", "Exterior", ["no_heading"]),
    ]
    # the outer group's skip logic applies to the questions of the inner groups
    assert questions_of(data)["no_heading"]["show_if"] == {"question": "first", "equals": "yes"}


def test_a_note_between_questions_begins_a_page_that_it_introduces() -> None:
    data, warnings = accepted(
        with_rows(
            row(type="begin group", name="g", label_en="G", label_es="G"),
            q("before"),
            row(type="note", name="pause", label_en="Take a break.", label_es="Descanse.",
                required="no"),
            q("after"),
            row(type="end group"),
        )
    )  # fmt: skip
    assert [(s["key"], s.get("intro", {}).get("en")) for s in data["sections"]] == [
        ("g", None), ("g_2", "Take a break."),
    ]  # fmt: skip
    assert warnings == []


def test_a_note_shown_only_after_some_answers_is_left_out_with_a_warning() -> None:
    result = read_sheets(
        with_rows(
            q("helped", "select_one yes_no"),
            row(type="note", name="sorry", label_en="Sorry.", label_es="Lo siento.",
                relevant="${helped} = 'no'"),
            q("after"),
        )
    )  # fmt: skip
    assert result.problems == []
    assert [(w.row, w.column) for w in result.warnings if "note" in str(w.message)] == [
        (3, "relevant")
    ]
    assert "sorry" not in json.dumps(result.data)


def test_notes_in_a_group_of_their_own_introduce_the_next_page_and_a_last_note_is_left_out() -> (
    None
):
    result = read_sheets(
        with_rows(
            row(type="begin group", name="hello", label_en="Hello", label_es="Hola"),
            row(type="note", name="welcome", label_en="Welcome.", label_es="Bienvenida."),
            row(type="end group"),
            q("story"),
            row(type="note", name="bye", label_en="Thank you.", label_es="Gracias."),
        )
    )
    assert result.problems == []
    assert [(s["key"], s["intro"]["en"]) for s in result.data["sections"]] == [
        ("part_1", "Welcome.")
    ]
    assert [(w.row, str(w.message)) for w in result.warnings if w.sheet == "survey"] == [
        (6, "Left out: no question comes after this note, so no page shows it.")
    ]


def test_a_one_choice_list_and_acknowledge_are_ticks() -> None:
    sheets = with_rows(q("consent", "select_one agree"), q("seen", "acknowledge"))
    sheets["choices"] = [*sheets["choices"], ["agree", "yes", "I agree", "Acepto"]]
    data, _warnings = accepted(sheets)
    found = questions_of(data)
    assert found["consent"]["type"] == found["seen"]["type"] == "multiple_choice"
    assert [o["value"] for o in found["consent"]["options"]] == ["yes"]
    assert found["seen"]["options"][0]["label"]["en"] == "OK"


def test_or_other_adds_an_other_choice_and_a_follow_up_asked_when_it_is_chosen() -> None:
    data, _warnings = accepted(with_rows(q("places", "select_multiple places or_other")))
    found = questions_of(data)
    assert [o["value"] for o in found["places"]["options"]][-1] == "other"
    assert found["places_other"]["show_if"] == {"question": "places", "includes": "other"}
    assert found["places_other"]["type"] == "short_text"


def test_range_is_a_whole_number_between_its_ends() -> None:
    sheets = changed(with_rows(q("pain", "range")), "survey", 2, "parameters", "start=0 end=10")
    data, _warnings = accepted(sheets)
    assert (questions_of(data)["pain"]["min"], questions_of(data)["pain"]["max"]) == (0, 10)


@pytest.mark.parametrize(
    ("constraint", "limits"),
    [(". >= 18", (18, 1000)), (". <= 120", (0, 120)), (". > 0 and . < 100", (1, 99)),
     (". <= 5 and . >= 1", (1, 5))],
)  # fmt: skip
def test_number_limits_are_read_from_one_or_two_sided_constraints(
    constraint: str, limits: tuple[int, int]
) -> None:
    data, _warnings = accepted(changed(with_rows(q("age", "integer")), "survey", 2,
                                       "constraint", constraint))  # fmt: skip
    assert (questions_of(data)["age"]["min"], questions_of(data)["age"]["max"]) == limits


def test_names_with_capitals_dots_and_dashes_become_safe_keys_and_skip_logic_follows() -> None:
    data, _warnings = accepted(
        with_rows(
            q("Helped.Before", "select_one yes_no"),
            q("HH-size", "integer", relevant="${Helped.Before} = 'yes'"),
        )
    )
    found = questions_of(data)
    assert set(found) == {"helped_before", "hh_size"}
    assert found["hh_size"]["show_if"] == {"question": "helped_before", "equals": "yes"}


def test_meta_is_renamed_so_that_the_export_converts_with_pyxform() -> None:
    data, warnings = accepted(
        with_rows(
            row(type="begin group", name="meta", label_en="About", label_es="Sobre"),
            q("meta"),
            row(type="end group"),
        )
    )
    assert data["sections"][0]["key"] == "meta_part"
    assert set(questions_of(data)) == {"meta_2"}
    assert sum("keep for themselves" in w for w in warnings) == 2


def test_without_a_settings_sheet_the_upload_page_and_the_app_fill_in_the_settings() -> None:
    sheets = {k: v for k, v in with_rows(q("story")).items() if k != "settings"}
    refused = read_sheets(sheets)
    assert [str(p.message) for p in refused.problems] == [
        "Choose who answers this questionnaire on the upload page (or give an audience on "
        "the settings sheet).",
        "The settings sheet needs a form_id: a short name, like survivor.",
    ]
    data, warnings = accepted(sheets, audience="advocate", key="household_survey")
    assert (data["key"], data["audience"], data["title"]["es"]) == (
        "household_survey", "advocate", "Household survey",
    )  # fmt: skip
    assert data["description"]["es"] != data["description"]["en"]  # the app's own, translated
    assert any("standard" in w for w in warnings)
    assert any("every language" in w for w in warnings)


@pytest.mark.parametrize(
    "kind", ["start", "end", "today", "deviceid", "phonenumber", "username", "audit", "geopoint"]
)
def test_device_and_metadata_fields_are_left_out_as_identifying(kind: str) -> None:
    result = read_sheets(with_rows(row(type=kind, name=f"m_{kind}"), q("story")))
    assert result.problems == []
    assert [str(w.message) for w in result.warnings] == [
        "Left out: never recorded, because it could identify a respondent."
    ]
    assert set(questions_of(result.data)) == {"story"}


@pytest.mark.parametrize("kind", ["image", "audio", "video", "file", "signature"])
def test_files_are_left_out(kind: str) -> None:
    result = read_sheets(with_rows(q("proof", kind), q("story")))
    assert [str(w.message) for w in result.warnings] == [
        "Left out: files are not accepted (no photos, recordings or signatures)."
    ]
    assert set(questions_of(result.data)) == {"story"}


@pytest.mark.parametrize(
    ("column", "value", "warning"),
    [
        ("media::image", "logo.png", "Left out: the app shows words only, no pictures, sounds or videos."),
        ("choice_filter", "filter = 'a'", "Left out: a choice filter applies only to a question with choices."),
        ("constraint", "string-length(.) >= 3", "This check is not made: the app checks limits on numbers (. >= 0 and . <= 120), on text length (string-length(.) <= 200), text patterns (regex(., '^[0-9]{5}$')), how many are chosen (count-selected(.) <= 3) and days (. <= today(), . >= date('2020-01-01')), joined by and."),
    ],
)  # fmt: skip
def test_columns_the_app_cannot_honour_are_left_out_with_a_warning(
    column: str, value: str, warning: str
) -> None:
    result = read_sheets(changed(with_rows(q("story")), "survey", 2, column, value))
    assert result.problems == []
    assert [(w.row, w.column, str(w.message)) for w in result.warnings] == [(2, column, warning)]


def test_constraint_and_required_messages_are_the_field_errors_in_every_language() -> None:
    from wtforms import Form

    sheets = with_rows(
        q("times", "integer", constraint=". <= 20"),
        q("why", "text", required="yes"),
    )
    for column, number, text in [
        ("constraint_message::English (en)", 2, "At most 20 (100%)"),
        ("constraint_message::Español (es)", 2, "Como mucho 20 (100%)"),
        ("required_message::English (en)", 3, "Say why"),
        ("required_message::Español (es)", 3, "Diga por qué"),
    ]:
        sheets = changed(sheets, "survey", number, column, text)
    data, warnings = accepted(sheets, audience="advocate")
    assert warnings == []
    definition = parse_definition(data, TWO)

    class Page(Form):
        times = definition.question("times").form_field("es")
        why = definition.question("why").form_field("es")

    page = Page(formdata=MultiDict({"times": "25", "why": ""}))
    assert not page.validate()
    assert page.times.errors == ["Como mucho 20 (100%)"]
    assert page.why.errors == ["Diga por qué"]


def test_a_message_in_some_languages_only_is_left_out_for_the_apps_own() -> None:
    sheets = changed(with_rows(q("times", "integer", constraint=". <= 20")), "survey", 2,
                     "constraint_message", "At most 20")  # fmt: skip
    data, warnings = accepted(sheets)
    assert "constraint_message" not in questions_of(data)["times"]
    assert warnings == [
        "Left out: this message is not written in every language the app offers, so the app "
        "shows its own."
    ]


def test_a_calculation_without_a_formula_is_left_out_and_skip_logic_on_it_is_refused_once() -> None:
    result = read_sheets(
        with_rows(
            q("total", "calculate"),
            q("story", relevant="${total} > 3"),
            q("more", relevant="${total} != ''"),
        )
    )
    assert [str(w.message) for w in result.warnings] == [
        "Left out: the app works out only conditions (${age} >= 18), count-selected(${q}) and "
        "if(condition, 'a', 'b')."
    ]
    assert [(p.row, str(p.message)) for p in result.problems] == [
        (3, "The skip logic uses “total”, which the app leaves out (see its row). Base the "
            "skip logic on a question the app asks."),
        (4, "The skip logic uses “total”, which the app leaves out (see its row). Base the "
            "skip logic on a question the app asks."),
    ]  # fmt: skip


def test_skip_logic_on_numbers_is_read_as_limits_and_checked_on_the_server() -> None:
    data, _warnings = accepted(
        with_rows(
            q("age", "integer"),
            q("school", relevant="${age} < 18"),
            q("work", relevant="${age} >= 18 and ${age} <= 64"),
        )
    )
    found = questions_of(data)
    assert found["school"]["show_if"] == {"question": "age", "at_most": 17}
    definition = parse_definition(data, TWO)
    shown = {age: [x.key for x in definition.sections[0].visible_questions({"age": age})]
             for age in (17, 18, 64, 65, None)}  # fmt: skip
    assert shown == {
        17: ["age", "school"], 18: ["age", "work"], 64: ["age", "work"], 65: ["age"],
        None: ["age"],
    }  # fmt: skip


def test_skip_logic_comparing_a_text_with_a_number_is_refused() -> None:
    result = read_sheets(with_rows(q("town"), q("more", relevant="${town} > 3")))
    assert [str(p.message) for p in result.problems] == [
        "“town” is not a number question, so the skip logic cannot compare it with <, <=, > or >=."
    ]


def test_a_relative_reference_in_skip_logic_is_refused_in_the_authors_words() -> None:
    result = read_sheets(
        with_rows(q("places", "select_multiple places"), q("more", relevant="selected(., 'court')"))
    )
    assert [str(p.message) for p in result.problems] == [
        "The skip logic needs an earlier question here, written like ${name}, not “.”."
    ]


def test_required_in_a_survivor_questionnaire_is_left_out_with_a_warning() -> None:
    data, warnings = accepted(changed(with_rows(q("story")), "survey", 2, "required", "yes"))
    assert questions_of(data)["story"]["required"] is False
    assert warnings == [
        "In a survivor questionnaire every question can be skipped, so required is left out."
    ]


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("rank", "A ranking needs the name of one choice list, like rank places."),
        ("select_one_from_file places.csv", "Choices from another file are not supported: put the choices on the choices sheet."),
        ("time", "Times of day are not asked: use date for the day. A day is enough to follow what happened, and an exact time can point to one person."),
        ("dateTime", "Times of day are not asked: use date for the day. A day is enough to follow what happened, and an exact time can point to one person."),
    ],
)  # fmt: skip
def test_types_the_app_cannot_ask_are_refused_with_a_reason(kind: str, message: str) -> None:
    result = read_sheets(with_rows(q("odd", kind), q("story", relevant="${odd} != ''")))
    # one problem: skip logic on the refused question is not blamed as well
    assert [(p.row, p.column, str(p.message)) for p in result.problems] == [(2, "type", message)]


def test_a_refused_repeat_has_no_knock_on_problems() -> None:
    result = read_sheets(
        with_rows(
            row(type="begin repeat", name="kids", label_en="Child", label_es="Niño"),
            q("age", "integer"),
            row(type="end repeat"),
            q("story", relevant="${age} != ''"),
        )
    )
    assert [(p.row, p.column) for p in result.problems] == [(2, "type")]


def test_an_upload_with_warnings_is_saved_and_lists_what_was_left_out(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    sheets = in_seven_languages(pilot())
    sheets["survey"].insert(1, [*row(type="deviceid", name="device"),
                                *([None] * (len(sheets["survey"][0]) - len(SURVEY_HEADER)))])  # fmt: skip
    response = upload(admin, to_xlsx(sheets))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Saved as draft version 1 of pilot" in page
    assert "could identify a respondent" in page
    assert versions_of(session, "pilot") == [(1, "draft")]


def test_the_audience_chosen_on_the_upload_page_is_used(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    admin = signed_in(app, people, "admin")
    sheets = in_seven_languages(pilot())
    settings = sheets["settings"]
    audience = settings[0].index("audience")
    settings[0].pop(audience)
    settings[1].pop(audience)
    raw = to_xlsx(sheets)
    refused = upload(admin, raw)
    assert refused.status_code == 422
    assert "Choose who answers this questionnaire" in refused.get_data(as_text=True)
    response = admin.post(
        "/staff/questionnaires/upload",
        data={
            "csrf_token": token(admin, "/staff/questionnaires"),
            "workbook": (io.BytesIO(raw), "form.xlsx"),
            "audience": "advocate",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 303
    session.expire_all()
    assert session.scalar(select(Questionnaire.audience).where(Questionnaire.key == "pilot")) == (
        "advocate"
    )


def test_the_corpus_benchmark_counts_each_outcome_on_a_tiny_corpus(tmp_path: Path) -> None:
    import importlib.util

    from bench import xlsform_bench

    spec = importlib.util.spec_from_file_location("build", ROOT / "tests/data/xlsforms/build.py")
    assert spec is not None
    assert spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)

    for name in ("feature_text", "feature_metadata", "feature_time"):
        build.write(name, build.FEATURES[name], tmp_path)
    (tmp_path / "not_a_workbook.xlsx").write_bytes(b"plain text")
    outcomes = {o.name: o for o in xlsform_bench.run(tmp_path)}
    verdicts = {name: (o.pyxform_accepts, o.verdict) for name, o in outcomes.items()}
    assert verdicts == {
        "feature_text": (True, "with warnings"),  # the app's standard description
        "feature_metadata": (True, "with warnings"),
        "feature_time": (True, "refused"),
        "not_a_workbook": (False, "refused"),
    }
    assert not any(o.round_trip_differs or not o.export_converts for o in outcomes.values())
    text = xlsform_bench.report(list(outcomes.values()))
    assert "accepted as uploaded 0, with warnings 2, refused 1, crashes 0; accepted 67%" in text
    assert "7 × Left out: never recorded, because it could identify a respondent." in text
