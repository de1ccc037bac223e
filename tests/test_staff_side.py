"""Roles on every route, two-step sign-in, throttling, invitations, assisted entry, listening
sessions, hand-over and the audit log."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from flask import Flask, url_for
from flask.testing import FlaskClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake import audit, keyring
from intake.keystore import Keystore
from intake.models import AuditEntry, Program, Response, StaffDraft, StaffSession, StaffUser
from intake.questionnaires.catalog import definition_of
from intake.responses import read_response
from intake.staff.auth import create_user

from .conftest import (
    FACILITATOR_PASSWORD,
    FACILITATOR_TOTP,
    TEST_KDF,
    MovableClock,
    Respondent,
    public_code,
    staff_login,
)

ADMIN_TOTP = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
FORM_TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


def token(client: FlaskClient, path: str) -> str:
    match = FORM_TOKEN.search(client.get(path).get_data(as_text=True))
    assert match, path
    return match.group(1)


@pytest.fixture
def people(app: Flask, session: Session) -> dict[str, Any]:
    program = Program(
        name="Riverside Shelter",
        active=True,
        created_at=__import__("intake.clock", fromlist=["x"]).utcnow(),
    )
    session.add(program)
    session.flush()
    secret = app.extensions["intake.config"].secret_key
    create_user(
        session,
        "root",
        "root-password-1",
        "admin",
        totp_secret=ADMIN_TOTP,
        server_secret=secret,
        kdf=TEST_KDF,
    )
    create_user(session, "ada", "ada-password-1", "advocate", program_id=program.id, kdf=TEST_KDF)
    create_user(session, "bea", "bea-password-1", "advocate", program_id=program.id, kdf=TEST_KDF)
    create_user(session, "vic", "vic-password-1", "viewer", kdf=TEST_KDF)
    session.commit()
    return {
        "admin": ("root", "root-password-1", ADMIN_TOTP),
        "facilitator": ("fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP),
        "advocate": ("ada", "ada-password-1", None),
        "viewer": ("vic", "vic-password-1", None),
    }


def open_invitation(client: FlaskClient, code: str):  # type: ignore[no-untyped-def]
    """What the welcome page's script does with the link's fragment: POST it."""
    return client.post(
        "/staff/invitation", data={"csrf_token": token(client, "/staff/welcome"), "code": code}
    )


def signed_in(app: Flask, people: dict[str, Any], role: str) -> FlaskClient:
    client = app.test_client()
    username, password, secret = people[role]
    response = staff_login(client, username, password, secret)
    assert response.status_code == 303, (role, response.get_data(as_text=True)[-300:])
    assert client.get("/staff/").status_code == 200
    return client


# -- the access matrix ---------------------------------------------------------------------
ALL = {"admin", "facilitator", "advocate", "viewer"}
EXPECTED: dict[str, set[str]] = {
    "staff.login": {"anonymous"},
    "staff.code": {"anonymous"},
    "staff.enrol": {"anonymous"},
    "staff.new_password": {"anonymous"},
    "staff.logout": {"anonymous"},
    "staff.invitation": {"anonymous"},
    "staff.welcome": {"anonymous"},
    "staff.locked": {"anonymous"},
    "staff.home": ALL,
    "staff.password": ALL,
    "staff.unlock": {"facilitator"},
    "staff.lock": {"facilitator"},
    "staff.data": {"facilitator"},
    "staff.passphrase": {"facilitator"},
    "staff.keys": {"facilitator", "admin"},
    "staff.grant_slot": {"facilitator"},
    "staff.remove_slot": {"admin"},
    "staff.languages": {"admin"},
    "staff.accounts": {"admin"},
    "staff.invite": {"admin"},
    "staff.deactivate": {"admin"},
    "staff.add_program": {"admin"},
    "staff.settings_page": {"admin"},
    "staff.hotlines": {"admin"},
    "staff.questionnaires": {"admin"},
    "staff.upload_questionnaire": {"admin"},
    "staff.questionnaire_version": {"admin"},
    "staff.export_questionnaire": {"admin"},
    "staff.publish_version": {"admin"},
    "staff.discard_version": {"admin"},
    "staff.preview_questionnaire": {"admin"},
    "staff.retire_version": {"admin"},
    "staff.audit_log": {"admin"},
    "staff.entry_new": {"advocate", "facilitator"},
    "staff.listening_new": {"advocate", "facilitator"},
    "staff.entry": {"advocate", "facilitator"},
    "staff.entry_done": {"advocate", "facilitator"},
    "staff.drafts": {"advocate", "facilitator"},
    "staff.open_draft": {"advocate", "facilitator"},
    "staff.delete_draft": {"advocate", "facilitator"},
    "staff.handover": {"advocate"},
    "staff.data_points": {"facilitator"},
    "staff.review": {"facilitator"},
    "staff.decide": {"facilitator"},
    "staff.emerging_themes": {"facilitator"},
    "staff.codebook_page": {"facilitator"},
    "staff.codebook_part": {"facilitator"},
    "staff.codebook_new": {"facilitator"},
    "staff.codebook_toggle": {"facilitator"},
    "staff.codebook_senses": {"facilitator"},
    "staff.publish": {"facilitator"},
    "staff.reports": {"facilitator", "viewer"},
    "staff.report_csv": {"facilitator", "viewer"},
    "staff.report_list": {"facilitator", "viewer"},
    "staff.protection": {"facilitator", "viewer"},
    "staff.withdraw_report": {"facilitator"},
}


def staff_routes(app: Flask) -> list[tuple[str, str, str]]:
    routes = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if not rule.endpoint.startswith("staff."):
                continue
            args = {name: "x" * 16 for name in rule.arguments}
            method = "GET" if "GET" in (rule.methods or set()) else "POST"
            routes.append((rule.endpoint, method, url_for(rule.endpoint, **args)))
    return routes


def test_every_staff_route_has_a_rule(app: Flask) -> None:
    endpoints = {endpoint for endpoint, _m, _u in staff_routes(app)}
    assert endpoints == set(EXPECTED), "a staff route without an access rule"
    for endpoint in endpoints:
        view = app.view_functions[endpoint]
        assert set(view.allowed_roles) == EXPECTED[endpoint], endpoint  # type: ignore[attr-defined]


@pytest.mark.parametrize("role", ["anonymous", "admin", "facilitator", "advocate", "viewer"])
def test_access_matrix(app: Flask, people: dict[str, Any], role: str) -> None:
    """Every staff route as every role: allowed, or refused (403 / sent to sign in)."""
    client = app.test_client() if role == "anonymous" else signed_in(app, people, role)
    form_token = token(client, "/staff/login" if role == "anonymous" else "/staff/")
    problems = []
    # Routes that end or replace the session go last, so one browser visits everything else.
    last = ["staff.invitation", "staff.welcome", "staff.locked", "staff.logout"]
    ordered = sorted(staff_routes(app), key=lambda r: last.index(r[0]) if r[0] in last else -1)
    for endpoint, method, url in ordered:
        response = client.open(
            url, method=method, data={"csrf_token": form_token} if method == "POST" else None
        )
        status, location = response.status_code, response.headers.get("Location", "")
        # Route by route, whatever the answer: the same protective headers.
        headers = response.headers
        if (
            "no-store" not in headers.get("Cache-Control", "")
            or "frame-ancestors 'none'" not in headers.get("Content-Security-Policy", "")
            or headers.get("Referrer-Policy") != "no-referrer"
        ):
            problems.append((endpoint, role, "headers"))
        to_login = status in (302, 303) and location.startswith("/staff/login")
        public = "anonymous" in EXPECTED[endpoint]
        allowed = public or role in EXPECTED[endpoint]
        if status >= 500:
            problems.append((endpoint, role, status))
        elif allowed and (status == 403 or (to_login and not public)):
            problems.append((endpoint, role, "refused", status))
        elif not allowed and not (status == 403 or (role == "anonymous" and to_login)):
            problems.append((endpoint, role, "let in", status))
    assert problems == []


# -- authentication --------------------------------------------------------------------------
def test_login_needs_csrf(client: FlaskClient) -> None:
    response = client.post(
        "/staff/login", data={"username": "fran", "password": FACILITATOR_PASSWORD}
    )
    assert response.status_code == 400


def test_a_totp_code_works_once(app: Flask, people: dict[str, Any]) -> None:
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    client.post(
        "/staff/login",
        data={
            "csrf_token": FORM_TOKEN.search(page).group(1),
            "username": "fran",
            "password": FACILITATOR_PASSWORD,
        },
    )  # type: ignore[union-attr]
    code = pyotp.TOTP(FACILITATOR_TOTP).now()
    first = client.post(
        "/staff/login/code", data={"csrf_token": token(client, "/staff/login/code"), "code": code}
    )
    assert first.status_code == 303
    # Someone who saw the code tries it again at once.
    other = app.test_client()
    page = other.get("/staff/login").get_data(as_text=True)
    other.post(
        "/staff/login",
        data={
            "csrf_token": FORM_TOKEN.search(page).group(1),
            "username": "fran",
            "password": FACILITATOR_PASSWORD,
        },
    )  # type: ignore[union-attr]
    again = other.post(
        "/staff/login/code", data={"csrf_token": token(other, "/staff/login/code"), "code": code}
    )
    assert again.status_code == 401
    assert "each works once" in again.get_data(as_text=True)


def test_admins_and_facilitators_cannot_skip_the_code(app: Flask, people: dict[str, Any]) -> None:
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    response = client.post(
        "/staff/login",
        data={
            "csrf_token": FORM_TOKEN.search(page).group(1),
            "username": "root",
            "password": "root-password-1",
        },
    )  # type: ignore[union-attr]
    assert response.headers["Location"].endswith("/staff/login/code")
    assert client.get("/staff/").status_code == 302  # password alone is not a session


def test_throttling_locks_then_lets_in_again(
    app: Flask, people: dict[str, Any], session: Session, moving_clock: MovableClock
) -> None:
    client = app.test_client()
    for _ in range(5):
        page = client.get("/staff/login").get_data(as_text=True)
        bad = client.post(
            "/staff/login",
            data={
                "csrf_token": FORM_TOKEN.search(page).group(1),
                "username": "ada",
                "password": "guess",
            },
        )  # type: ignore[union-attr]
        assert bad.status_code == 401
    # Now even the right password is refused for a while, with the same plain words.
    page = client.get("/staff/login").get_data(as_text=True)
    locked = client.post(
        "/staff/login",
        data={
            "csrf_token": FORM_TOKEN.search(page).group(1),
            "username": "ada",
            "password": "ada-password-1",
        },
    )  # type: ignore[union-attr]
    assert locked.status_code == 429
    assert "Too many attempts" in locked.get_data(as_text=True)
    actions = [e.action for e in session.scalars(select(AuditEntry))]
    assert "login throttling started" in actions
    moving_clock.advance(minutes=16)
    assert staff_login(app.test_client(), "ada", "ada-password-1").status_code == 303


def test_password_change_ends_every_other_session(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    client = signed_in(app, people, "advocate")
    elsewhere = signed_in(app, people, "advocate")
    stolen = client.get_cookie("__Host-session").value  # type: ignore[union-attr]
    weak = client.post(
        "/staff/password",
        data={
            "csrf_token": token(client, "/staff/password"),
            "current": "ada-password-1",
            "new": "password1234",
            "confirm": "password1234",
        },
    )
    assert weak.status_code == 422
    assert "too common" in weak.get_data(as_text=True)
    changed = client.post(
        "/staff/password",
        data={
            "csrf_token": token(client, "/staff/password"),
            "current": "ada-password-1",
            "new": "blue kettle morning river",
            "confirm": "blue kettle morning river",
        },
    )
    assert changed.status_code == 303
    assert client.get("/staff/").status_code == 200  # this browser carries on, with a new session
    assert elsewhere.get("/staff/").status_code == 302
    replay = app.test_client(use_cookies=False)
    assert replay.get("/staff/", headers={"Cookie": f"__Host-session={stolen}"}).status_code == 302
    assert staff_login(app.test_client(), "ada", "blue kettle morning river").status_code == 303


def test_invitation_creates_an_account_once(
    app: Flask, people: dict[str, Any], moving_clock: MovableClock
) -> None:
    admin = signed_in(app, people, "admin")
    page = admin.post(
        "/staff/accounts/invite",
        data={"csrf_token": token(admin, "/staff/accounts"), "role": "advocate", "program_id": "0"},
    ).get_data(as_text=True)
    link = re.search(r"http://localhost/staff/welcome#(\w+)", page)
    assert link  # the code rides in the fragment, which no request (or log) carries
    newcomer = app.test_client()
    opened = open_invitation(newcomer, link.group(1))
    assert opened.headers["Location"] == "/staff/welcome"
    weak = newcomer.post(
        "/staff/welcome",
        data={
            "csrf_token": token(newcomer, "/staff/welcome"),
            "username": "cam",
            "password": "qwerty123456",
            "confirm": "qwerty123456",
        },
    )
    assert weak.status_code == 422
    made = newcomer.post(
        "/staff/welcome",
        data={
            "csrf_token": token(newcomer, "/staff/welcome"),
            "username": "cam",
            "password": "green lamp over water",
            "confirm": "green lamp over water",
        },
    )
    assert made.status_code == 303
    assert newcomer.get("/staff/").status_code == 200
    assert open_invitation(app.test_client(), link.group(1)).status_code == 410
    # An unused invitation expires after a week.
    page = admin.post(
        "/staff/accounts/invite",
        data={"csrf_token": token(admin, "/staff/accounts"), "role": "viewer", "program_id": "0"},
    ).get_data(as_text=True)
    later = re.search(r"http://localhost/staff/welcome#(\w+)", page)
    moving_clock.advance(days=8)
    assert open_invitation(app.test_client(), later.group(1)).status_code == 410  # type: ignore[union-attr]


def test_deactivation_signs_out_everywhere(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    advocate = signed_in(app, people, "advocate")
    admin = signed_in(app, people, "admin")
    ada = session.scalar(select(StaffUser).where(StaffUser.username == "ada"))
    admin.post(
        "/staff/accounts/deactivate",
        data={"csrf_token": token(admin, "/staff/accounts"), "user_id": str(ada.id)},
    )  # type: ignore[union-attr]
    assert advocate.get("/staff/").status_code == 302
    assert staff_login(app.test_client(), "ada", "ada-password-1").status_code == 401


# -- assisted entry and drafts ----------------------------------------------------------------
def start_entry(client: FlaskClient, app: Flask, **extra: str) -> str:
    page = client.get("/staff/entry/new").get_data(as_text=True)
    survivor = re.search(
        r'<option[^>]*value="(\d+)"[^>]*>[^<]*(?:Survivor|survivor|experiences)', page
    )
    version_id = (
        survivor.group(1) if survivor else re.search(r'<option[^>]*value="(\d+)"', page).group(1)
    )  # type: ignore[union-attr]
    data = {
        "csrf_token": FORM_TOKEN.search(page).group(1),
        "questionnaire": version_id,
        "language": "es",
        "consent": "y",
        **extra,
    }  # type: ignore[union-attr]
    response = client.post("/staff/entry/new", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[-500:]
    return client.get("/staff/entry").get_data(as_text=True)


def test_assisted_entry_is_sealed_with_program_and_never_read_back(
    app: Flask,
    people: dict[str, Any],
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
) -> None:
    advocate = signed_in(app, people, "advocate")
    refused = advocate.post(
        "/staff/entry/new",
        data={
            "csrf_token": token(advocate, "/staff/entry/new"),
            "questionnaire": "1",
            "language": "es",
        },
    )
    assert refused.status_code == 422  # no consent, no entry
    page = start_entry(advocate, app, read_aloud="y")
    assert 'lang="es"' in page  # questions in the participant's language
    textarea = re.search(r'<textarea[^>]*name="(\w+)"', page).group(1)  # type: ignore[union-attr]
    saved = advocate.post(
        "/staff/entry",
        data={
            "csrf_token": FORM_TOKEN.search(page).group(1),
            "action": "save",
            textarea: "Lo que viví",
        },
    )  # type: ignore[union-attr]
    assert saved.status_code == 200
    assert "Lo que viví" in saved.get_data(as_text=True)
    assert "Lo que viví" in advocate.get("/staff/entry").get_data(as_text=True)  # own draft: yes
    drafts = session.scalars(select(StaffDraft)).all()
    assert len(drafts) == 1
    assert "Lo que viví".encode() not in drafts[0].ciphertext
    page = advocate.get("/staff/entry").get_data(as_text=True)
    done = advocate.post(
        "/staff/entry",
        data={
            "csrf_token": FORM_TOKEN.search(page).group(1),
            "action": "submit",
            textarea: "Lo que viví",
        },
    )  # type: ignore[union-attr]
    assert done.headers["Location"] == "/staff/entry/done"
    session.expire_all()
    assert session.scalars(select(StaffDraft)).all() == []
    response = session.scalars(select(Response)).one()
    opened = read_response(
        response, open_team, keystore, definition_of(response.questionnaire_version)
    )
    assert opened.provenance == "assisted"
    assert opened.program == "Riverside Shelter"
    assert opened.assistance == ("read_aloud",)
    assert opened.language == "es"
    assert opened.answers[textarea] == "Lo que viví"
    # Nothing lets the advocate read it back.
    assert advocate.get("/staff/data").status_code == 403
    assert "Lo que viví" not in advocate.get("/staff/drafts").get_data(as_text=True)
    assert advocate.get("/staff/entry").status_code == 303
    # Nothing written with it names the advocate: no audit entry for the entry at all
    # (its order beside the response would pair them; docs/threat-model.md).
    assert (
        session.scalars(
            select(AuditEntry).where(AuditEntry.action == "assisted entry submitted")
        ).all()
        == []
    )


def test_an_advocate_cannot_open_another_advocates_draft(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    ada = signed_in(app, people, "advocate")
    start_entry(ada, app)
    draft_id = session.scalars(select(StaffDraft.id)).one()
    bea = app.test_client()
    assert staff_login(bea, "bea", "bea-password-1").status_code == 303
    opened = bea.post(
        "/staff/drafts/open", data={"csrf_token": token(bea, "/staff/drafts"), "draft_id": draft_id}
    )
    assert opened.headers["Location"] == "/staff/drafts"
    assert bea.get("/staff/entry").headers["Location"] == "/staff/drafts"
    bea.post(
        "/staff/drafts/delete",
        data={"csrf_token": token(bea, "/staff/drafts"), "draft_id": draft_id},
    )
    session.expire_all()
    assert session.get(StaffDraft, draft_id) is not None


def test_listening_session_record_shows_redaction_and_is_sealed(
    app: Flask,
    people: dict[str, Any],
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
) -> None:
    fran = signed_in(app, people, "facilitator")
    fran.post("/staff/listening/new", data={"csrf_token": token(fran, "/staff/")})
    page = fran.get("/staff/entry").get_data(as_text=True)
    assert 'name="session_date"' in page
    data = {
        "csrf_token": FORM_TOKEN.search(page).group(1), "action": "save",  # type: ignore[union-attr]
        "session_date": "2026-11-20", "participants_band": "6_10", "themes_raised": ["police", "housing"],
        "quotes": "Officer Diaz laughed at us.\nCall 555-123-4567.",
    }  # fmt: skip
    saved = fran.post("/staff/entry", data=data).get_data(as_text=True)
    assert "Officer [name] laughed at us." in saved
    assert "[phone]" in saved
    assert 'name="police_summary"' in saved  # follow-ups revealed
    data.update(
        action="submit",
        police_summary="Slow to come; made things worse.",
        csrf_token=FORM_TOKEN.search(saved).group(1),
    )  # type: ignore[union-attr]
    assert fran.post("/staff/entry", data=data).headers["Location"] == "/staff/entry/done"
    response = session.scalars(select(Response)).one()
    opened = read_response(
        response, open_team, keystore, definition_of(response.questionnaire_version)
    )
    assert opened.provenance == "listening_session"
    assert opened.answers["participants_band"] == "6_10"
    assert opened.answers["session_date"] == "2026-11-20"
    bad = {"action": "save", "session_date": "2099-01-01"}
    fran.post("/staff/listening/new", data={"csrf_token": token(fran, "/staff/")})
    page = fran.get("/staff/entry").get_data(as_text=True)
    bad["csrf_token"] = FORM_TOKEN.search(page).group(1)  # type: ignore[union-attr]
    refused = fran.post("/staff/entry", data=bad)
    assert refused.status_code == 422
    assert "not in the future" in refused.get_data(as_text=True)


# -- hand-over -------------------------------------------------------------------------------
def test_handed_over_device_reaches_no_staff_page_and_locks_after(
    app: Flask,
    people: dict[str, Any],
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
) -> None:
    advocate = signed_in(app, people, "advocate")
    code = public_code(app)
    handed = advocate.post(
        "/staff/handover",
        data={"csrf_token": token(advocate, "/staff/handover"), "questionnaire": code},
    )
    assert handed.headers["Location"] == f"/s/{code}"
    for path in ("/staff/", "/staff/drafts", "/staff/entry/new"):
        assert advocate.get(path).status_code == 302
    participant = Respondent(advocate, code)
    participant.start()
    participant.next_until_review({"anything_else": "mine alone"})
    participant.post("submit")
    assert "give the device back" in participant.page
    assert "/staff/" not in re.sub(
        r'href="/staff/locked"', "", participant.page
    )  # no staff navigation
    locked = advocate.get("/staff/locked").get_data(as_text=True)
    assert "This device is locked" in locked
    assert advocate.get("/staff/").status_code == 302
    response = session.scalars(select(Response)).one()
    opened = read_response(
        response, open_team, keystore, definition_of(response.questionnaire_version)
    )
    assert opened.provenance == "self"
    assert opened.assistance == ("handover",)
    assert opened.program == "Riverside Shelter"
    # Nothing written at the hand-over names the advocate next to the participant's response
    from intake.models import AuditEntry

    assert not [e for e in session.scalars(select(AuditEntry)) if "handed" in e.action]


def test_quick_exit_on_a_handed_over_device_goes_to_the_locked_screen(
    app: Flask, people: dict[str, Any]
) -> None:
    advocate = signed_in(app, people, "advocate")
    code = public_code(app)
    advocate.post(
        "/staff/handover",
        data={"csrf_token": token(advocate, "/staff/handover"), "questionnaire": code},
    )
    Respondent(advocate, code).start()
    exit_response = advocate.get("/exit")
    assert exit_response.headers["Location"] == "/staff/locked"


# -- audit log -------------------------------------------------------------------------------
def test_audit_log_records_and_detects_tampering(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    fran = signed_in(app, people, "facilitator")
    fran.post(
        "/staff/unlock", data={"csrf_token": token(fran, "/staff/unlock"), "passphrase": "not it"}
    )
    admin = signed_in(app, people, "admin")
    actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[:3] == ["login", "unlock refused", "login"]
    page = admin.get("/staff/audit").get_data(as_text=True)
    assert "the chain of hashes is intact" in page
    assert "Unlock refused" in page
    assert audit.verify(session).first_broken is None
    # Someone edits an entry in the database.
    second = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()[1]
    session.execute(
        update(AuditEntry).where(AuditEntry.id == second.id).values(detail="nothing happened")
    )
    session.commit()
    check = audit.verify(session)
    assert check.first_broken == second.id
    assert "altered at entry" in admin.get("/staff/audit").get_data(as_text=True)
    cli = app.test_cli_runner().invoke(args=["intake", "verify-audit"])
    assert cli.exit_code == 1
    assert f"BROKEN at entry {second.id}" in cli.output


def test_deleting_an_audit_entry_breaks_the_chain(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    for _ in range(3):
        signed_in(app, people, "advocate")
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    session.delete(entries[1])
    session.commit()
    assert audit.verify(session).first_broken == entries[2].id


def test_audit_never_holds_addresses_or_content(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    signed_in(app, people, "advocate")
    for entry in session.scalars(select(AuditEntry)):
        assert "127.0.0.1" not in f"{entry.actor}{entry.detail}"
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.record(session, "x", "anything goes")


def test_staff_sessions_are_rows_not_cookies(
    app: Flask, people: dict[str, Any], session: Session
) -> None:
    signed_in(app, people, "viewer")
    assert session.scalars(select(StaffSession)).all()
    page = signed_in(app, people, "viewer").get("/staff/").get_data(as_text=True)
    assert "No theme reports have been published yet." in page


def test_admin_sets_hotlines_per_language(app: Flask, people: dict[str, Any]) -> None:
    admin = signed_in(app, people, "admin")
    page = admin.get("/staff/hotlines").get_data(as_text=True)
    assert "National Domestic Violence Hotline | 1-800-799-7233" in page
    fields = {
        f"lines_{code}": "Riverside Safe House | 555-0100 | Open all night"
        for code in app.extensions["intake.config"].languages
    }
    bad = admin.post(
        "/staff/hotlines",
        data={"csrf_token": token(admin, "/staff/hotlines"), **fields, "lines_es": "only a name"},
    )
    assert bad.status_code == 422
    assert "Line 1 needs a name and a contact" in bad.get_data(as_text=True)
    saved = admin.post(
        "/staff/hotlines", data={"csrf_token": token(admin, "/staff/hotlines"), **fields}
    )
    assert saved.status_code == 303
    public = app.test_client().get("/help").get_data(as_text=True)
    assert "Riverside Safe House" in public
    assert "National Domestic Violence Hotline" not in public
