"""Hypothesis throws malformed requests at every public and staff form: never a 5xx, always
a clear 4xx or a normal page, and nothing stored from a rejected request."""

from __future__ import annotations

from typing import Any

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from intake import db
from intake.models import Response, StaffDraft

from .conftest import FACILITATOR_PASSWORD, FACILITATOR_TOTP, Respondent, public_code, staff_login

NASTY_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("Cc", "Cf", "Zs", "So")), max_size=50
    ),
    st.just("\x00\x01\x02"),
    st.just("%ff%fe"),
    st.just("x" * 20_000),
    st.just("../../etc/passwd"),
    st.just("<script>alert(1)</script>"),
    st.just("9" * 400),
)
FIELD_NAMES = st.one_of(
    st.sampled_from(
        [
            "action",
            "csrf_token",
            "leave_this_empty",
            "preferred_language",
            "help_sought",
            "help_places_count",
            "interventions_contacted",
            "anything_else",
            "quotes",
            "session_date",
            "questionnaire",
            "language",
            "consent",
            "draft_id",
            "slot_id",
            "user_id",
            "username",
            "password",
            "code",
            "passphrase",
            "role",
            "program_id",
            "suppression_threshold",
            "quick_exit_url",
            "lines_en",
            "unknown_key",
            "_language",
        ]
    ),
    st.text(min_size=1, max_size=40),
)
FORMS = st.lists(st.tuples(FIELD_NAMES, NASTY_TEXT), max_size=12)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def responses_and_drafts(app: Flask) -> tuple[int, int]:
    with db.get_database(app).session() as session:
        return (
            session.scalar(select(func.count(Response.id))) or 0,
            session.scalar(select(func.count(StaffDraft.id))) or 0,
        )


@FUZZ
@given(
    fields=FORMS,
    keep_token=st.booleans(),
    action=st.sampled_from(["next", "back", "submit", "lang:ar", "goto:needs", "", "lang:zz"]),
)
def test_public_questionnaire_never_fails(
    app: Flask, fields: list[tuple[str, str]], keep_token: bool, action: str
) -> None:
    walker = Respondent(app.test_client(), public_code(app))
    walker.start()
    before = responses_and_drafts(app)
    data: list[tuple[str, Any]] = list(fields)
    if keep_token:
        data.append(("csrf_token", walker.token))
    data.append(("action", action))
    response = walker.client.post(walker.url, data=MultiDict(data))
    assert response.status_code < 500, response.status_code
    # A respondent on part 1 cannot have sent anything: a rejected or odd post stores nothing.
    assert responses_and_drafts(app)[0] == before[0]
    assert walker.client.get(walker.url).status_code < 500


@FUZZ
@given(
    fields=FORMS,
    path=st.sampled_from(
        [
            "/staff/login",
            "/staff/login/code",
            "/staff/unlock",
            "/staff/keys/grant",
            "/staff/keys/remove",
            "/staff/entry/new",
            "/staff/entry",
            "/staff/drafts/open",
            "/staff/drafts/delete",
            "/staff/listening/new",
            "/staff/password",
            "/staff/passphrase",
            "/staff/welcome",
            "/language/ar",
            "/exit",
            "/s/not-a-code",
        ]
    ),
)
def test_staff_forms_never_fail(app: Flask, fields: list[tuple[str, str]], path: str) -> None:
    # One signed-in facilitator for all examples (a TOTP code works once), plus a stranger.
    signed_in = app.extensions.get("fuzz.client")
    if signed_in is None:
        signed_in = app.test_client()
        staff_login(signed_in, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP)
        app.extensions["fuzz.client"] = signed_in
    home = signed_in.get("/staff/").get_data(as_text=True)
    token = home.split('name="csrf_token" value="')[-1].split('"')[0]
    public = path in ("/exit", "/language/ar") or path.startswith("/s/")
    client = app.test_client() if public else signed_in
    # Half the examples carry a valid CSRF token, so the forms' own checks are fuzzed too.
    data = list(fields) + ([("csrf_token", token)] if not public and len(fields) % 2 else [])
    response = client.post(path, data=MultiDict(data))
    assert response.status_code < 500, (path, response.status_code)
    assert responses_and_drafts(app)[0] == 0


@FUZZ
@given(cookie=st.text(max_size=400))
def test_forged_or_tampered_cookies_never_fail(app: Flask, cookie: str) -> None:
    client = app.test_client(use_cookies=False)
    safe = "".join(ch for ch in cookie if 32 < ord(ch) < 127 and ch not in ';,"\\\\')
    for path in ("/", f"/s/{public_code(app)}", "/staff/", "/staff/data"):
        response = client.get(path, headers={"Cookie": f"__Host-session={safe}"})
        assert response.status_code < 500, (path, response.status_code)
