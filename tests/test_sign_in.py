"""Signing in from outside: no lock-out of a real account, no telling names apart, one-time
first-run passwords, invitations that keep their code out of every address, usernames that
differ only by case, and malformed numbers in staff routes."""

from __future__ import annotations

import re
import uuid

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from intake import audit
from intake.models import AuditEntry, StaffUser
from intake.staff.auth import create_user, verify_password

from .conftest import (
    FACILITATOR_PASSPHRASE,
    FACILITATOR_PASSWORD,
    FACILITATOR_TOTP,
    TEST_KDF,
    MovableClock,
    staff_login,
)

FORM_TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
ADMIN_TOTP = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"


def token(client: FlaskClient, path: str) -> str:
    match = FORM_TOKEN.search(client.get(path).get_data(as_text=True))
    assert match, path
    return match.group(1)


def try_password(client: FlaskClient, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/staff/login",
        data={
            "csrf_token": token(client, "/staff/login"),
            "username": username,
            "password": password,
        },
    )


@pytest.fixture
def staff(app: Flask, session: Session) -> None:
    secret = app.extensions["intake.config"].secret_key
    create_user(
        session, "root", "root-password-1", "admin",
        totp_secret=ADMIN_TOTP, server_secret=secret, kdf=TEST_KDF,
    )  # fmt: skip
    create_user(session, "ada", "ada-password-1", "advocate", kdf=TEST_KDF)
    session.commit()


# -- throttling --------------------------------------------------------------------------------
def test_guesses_from_outside_do_not_lock_out_the_owner_on_their_device(
    app: Flask, staff: None
) -> None:
    # Given Ada has signed in from her own browser before
    own = app.test_client()
    assert staff_login(own, "ada", "ada-password-1").status_code == 303
    own.post("/staff/logout", data={"csrf_token": token(own, "/staff/")})
    # When a stranger guesses at her name until held back
    stranger = app.test_client()
    statuses = [try_password(stranger, "ada", f"guess {n}").status_code for n in range(7)]
    assert statuses[:5] == [401] * 5
    assert statuses[5:] == [429, 429]
    # Then the stranger is held back even with the right password ...
    assert try_password(stranger, "ada", "ada-password-1").status_code == 429
    # ... and Ada, on her own browser, signs straight in
    assert staff_login(own, "ada", "ada-password-1").status_code == 303


def test_unknown_and_known_names_answer_alike(app: Flask, staff: None) -> None:
    def answers(name: str) -> list[tuple[int, str]]:
        client = app.test_client()
        found = []
        for n in range(7):
            response = try_password(client, name, f"wrong {n}")
            body = response.get_data(as_text=True)
            message = re.search(r'class="error-message"[^>]*>(.*?)</p>', body, re.S)
            assert message
            found.append((response.status_code, message.group(1)))
        return found

    assert answers("ada") == answers("nobody-here")
    assert answers("ada")[-1][0] == 429


def test_a_spray_across_names_holds_back_strangers_not_known_devices_nor_the_unlock(
    app: Flask, staff: None, moving_clock: MovableClock
) -> None:
    # Given Ada signed in from her browser before, and Fran is signed in now
    own = app.test_client()
    assert staff_login(own, "ada", "ada-password-1").status_code == 303
    own.post("/staff/logout", data={"csrf_token": token(own, "/staff/")})
    fran = app.test_client()
    assert staff_login(fran, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP).status_code == 303
    # When someone sprays guesses across a hundred names
    sprayer = app.test_client()
    for n in range(100):
        assert try_password(sprayer, f"name-{n}", "password").status_code == 401
    # Then sign-in from a browser never used before waits; Ada's own browser does not
    assert try_password(app.test_client(), "ada", "ada-password-1").status_code == 429
    assert staff_login(own, "ada", "ada-password-1").status_code == 303
    # And the data unlock is outside the global bucket
    unlocked = fran.post(
        "/staff/unlock",
        data={"csrf_token": token(fran, "/staff/unlock"), "passphrase": FACILITATOR_PASSPHRASE},
    )
    assert unlocked.status_code == 303
    # And the hold passes
    moving_clock.advance(minutes=6)
    assert try_password(app.test_client(), "ada", "ada-password-1").status_code == 303


def test_the_current_password_check_is_throttled(app: Flask, staff: None) -> None:
    client = app.test_client()
    assert staff_login(client, "ada", "ada-password-1").status_code == 303

    def change(current: str):  # type: ignore[no-untyped-def]
        return client.post(
            "/staff/password",
            data={
                "csrf_token": token(client, "/staff/password"),
                "current": current,
                "new": "blue kettle morning river",
                "confirm": "blue kettle morning river",
            },
        )

    assert [change(f"guess {n}").status_code for n in range(5)] == [422] * 5
    held = change("ada-password-1")
    assert held.status_code == 429
    assert "Too many attempts" in held.get_data(as_text=True)


# -- one-time first-run passwords ----------------------------------------------------------------
def test_a_one_time_password_must_be_replaced_then_stops_working(
    app: Flask, session: Session
) -> None:
    # Given an admin created by the first run, with a one-time password
    create_user(session, "admin", "given-once-password", "admin", kdf=TEST_KDF, must_change=True)
    session.commit()
    client = app.test_client()
    # When they sign in with it, they are asked for a new password before anything else
    first = try_password(client, "admin", "given-once-password")
    assert first.headers["Location"].endswith("/staff/login/new-password")
    assert client.get("/staff/").status_code == 302
    assert client.get("/staff/login/enrol").status_code == 303  # not before the new password
    same = client.post(
        "/staff/login/new-password",
        data={
            "csrf_token": token(client, "/staff/login/new-password"),
            "new": "given-once-password",
            "confirm": "given-once-password",
        },
    )
    assert same.status_code == 422
    chosen = client.post(
        "/staff/login/new-password",
        data={
            "csrf_token": token(client, "/staff/login/new-password"),
            "new": "seven quiet harbour lamps",
            "confirm": "seven quiet harbour lamps",
        },
    )
    # Then comes the two-step enrolment, and after it a session
    assert chosen.headers["Location"].endswith("/staff/login/enrol")
    page = client.get("/staff/login/enrol").get_data(as_text=True)
    key = re.search(r'<code class="secret" dir="ltr">([A-Z2-7 ]+)</code>', page)
    assert key
    enrolled = client.post(
        "/staff/login/enrol",
        data={
            "csrf_token": token(client, "/staff/login/enrol"),
            "code": pyotp.TOTP(key.group(1).replace(" ", "")).now(),
        },
    )
    assert enrolled.headers["Location"].endswith("/staff/")
    assert client.get("/staff/").status_code == 200
    # And the one-time password no longer opens anything
    user = session.scalar(select(StaffUser).where(StaffUser.username == "admin"))
    session.refresh(user)
    assert not user.must_change_password
    assert not verify_password(user, "given-once-password")
    assert try_password(app.test_client(), "admin", "given-once-password").status_code == 401


def test_an_enrolled_account_gives_its_code_before_changing_a_one_time_password(
    app: Flask, session: Session, team: object
) -> None:
    fran = session.scalar(select(StaffUser).where(StaffUser.username == "fran"))
    fran.must_change_password = True
    session.commit()
    client = app.test_client()
    first = try_password(client, "fran", FACILITATOR_PASSWORD)
    assert first.headers["Location"].endswith("/staff/login/code")
    # The password alone cannot reach the password change.
    assert client.get("/staff/login/new-password").status_code == 303
    coded = client.post(
        "/staff/login/code",
        data={
            "csrf_token": token(client, "/staff/login/code"),
            "code": pyotp.TOTP(FACILITATOR_TOTP).now(),
        },
    )
    assert coded.headers["Location"].endswith("/staff/login/new-password")


# -- invitations and usernames -----------------------------------------------------------------
def invitation_code(app: Flask, staff: None) -> str:
    admin = app.test_client()
    assert staff_login(admin, "root", "root-password-1", ADMIN_TOTP).status_code == 303
    page = admin.post(
        "/staff/accounts/invite",
        data={"csrf_token": token(admin, "/staff/accounts"), "role": "viewer", "program_id": "0"},
    ).get_data(as_text=True)
    link = re.search(r"http://localhost/staff/welcome#(\w+)", page)
    assert link
    assert "/invite/" not in page
    return link.group(1)


def welcome(client: FlaskClient, username: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/staff/welcome",
        data={
            "csrf_token": token(client, "/staff/welcome"),
            "username": username,
            "password": "green lamp over water",
            "confirm": "green lamp over water",
        },
    )


def open_invitation(client: FlaskClient, code: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/staff/invitation", data={"csrf_token": token(client, "/staff/welcome"), "code": code}
    )


def test_the_welcome_page_does_not_tell_which_names_exist(
    app: Flask, staff: None, session: Session
) -> None:
    code = invitation_code(app, staff)
    newcomer = app.test_client()
    # Arriving from the link, the page asks for the code: it was in the fragment, not the URL.
    landing = newcomer.get("/staff/welcome").get_data(as_text=True)
    assert 'name="code"' in landing
    assert open_invitation(newcomer, code).status_code == 303
    taken = welcome(newcomer, "ADA")  # "ada" exists; case does not make a new name
    reserved = welcome(newcomer, "administrator")
    for response in (taken, reserved):
        body = response.get_data(as_text=True)
        assert response.status_code == 422
        assert "cannot be used" in body
        assert "taken" not in body
    # A few refusals, then the invitation is spent: a leaked link cannot list the accounts.
    for name in ("root", "Root", "fran"):
        last = welcome(newcomer, name)
    assert last.status_code == 410
    assert open_invitation(app.test_client(), code).status_code == 410
    refused = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "invitation username refused")
    ).all()
    assert len(refused) == 5


def test_usernames_match_without_regard_to_case(app: Flask, staff: None, session: Session) -> None:
    assert staff_login(app.test_client(), "ADA", "ada-password-1").status_code == 303
    code = invitation_code(app, staff)
    newcomer = app.test_client()
    open_invitation(newcomer, code)
    assert welcome(newcomer, "Cam").status_code == 303
    user = session.scalar(select(StaffUser).where(StaffUser.username == "Cam"))
    assert user is not None
    assert user.username_folded == "cam"
    with pytest.raises(IntegrityError):
        create_user(session, "cAM", "another-password-9", "viewer", kdf=TEST_KDF)
    session.rollback()


def test_the_invitation_code_is_never_part_of_an_address(app: Flask, staff: None) -> None:
    # The link keeps it in the fragment (checked in invitation_code); the server takes it
    # only from a form body, and the old address that carried it in the path is gone.
    code = invitation_code(app, staff)
    newcomer = app.test_client()
    assert newcomer.get(f"/staff/invite/{code}").status_code == 404
    assert newcomer.get(f"/staff/invitation?code={code}").status_code == 405
    assert open_invitation(newcomer, code).status_code == 303
    assert welcome(newcomer, "dee").status_code == 303


def test_migration_refuses_names_that_differ_only_by_case(tmp_path: object) -> None:
    from sqlalchemy import create_engine, text

    from intake import db

    url = f"sqlite:///{tmp_path}/clash-{uuid.uuid4().hex}.sqlite3"
    db.upgrade(url, "0003")
    engine = create_engine(url)
    with engine.begin() as connection:
        for name in ("Admin", "admin"):
            connection.execute(
                text(
                    "INSERT INTO staff_user (username, password_hash, role, active, created_at,"
                    " totp_last_step) VALUES (:name, 'x', 'admin', 1, '2026-01-01', 0)"
                ),
                {"name": name},
            )
    engine.dispose()
    with pytest.raises(RuntimeError, match="admin"):
        db.upgrade(url)


# -- malformed numbers -------------------------------------------------------------------------
@pytest.mark.parametrize("number", ["²", "٣", "99999999999999999999999"])
def test_a_malformed_version_number_is_not_found(app: Flask, staff: None, number: str) -> None:
    admin = app.test_client()
    assert staff_login(admin, "root", "root-password-1", ADMIN_TOTP).status_code == 303
    assert admin.get(f"/staff/questionnaires/survivor/{number}").status_code == 404
    assert admin.get(f"/staff/questionnaires/survivor/{number}/xlsform").status_code == 404


@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", "²", "0"])
def test_a_malformed_row_id_in_a_form_is_refused_not_a_server_error(
    app: Flask, staff: None, value: str
) -> None:
    admin = app.test_client()
    assert staff_login(admin, "root", "root-password-1", ADMIN_TOTP).status_code == 303
    posts = {
        "/staff/keys/remove": ("/staff/keys", "slot_id"),
        "/staff/accounts/deactivate": ("/staff/accounts", "user_id"),
        "/staff/questionnaires/publish": ("/staff/questionnaires", "version_id"),
        "/staff/questionnaires/retire": ("/staff/questionnaires", "version_id"),
    }
    for action, (page, field) in posts.items():
        response = admin.post(action, data={"csrf_token": token(admin, page), field: value})
        assert response.status_code in (303, 400, 404), (action, response.status_code)
    fran = app.test_client()
    assert staff_login(fran, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP).status_code == 303
    fran.post(
        "/staff/unlock",
        data={"csrf_token": token(fran, "/staff/unlock"), "passphrase": FACILITATOR_PASSPHRASE},
    )
    granted = fran.post(
        "/staff/keys/grant", data={"csrf_token": token(fran, "/staff/keys"), "slot_id": value}
    )
    assert granted.status_code in (303, 400, 404)


def test_audit_labels_cover_the_new_actions() -> None:
    for action in ("password change refused", "invitation username refused"):
        assert action in audit.ACTION_LABELS


# -- the throttle's parts ------------------------------------------------------------------------
def test_a_known_device_cookie_vouches_for_one_name_and_cannot_be_forged() -> None:
    from intake.staff import throttle

    cookie = throttle.new_device_cookie("server secret", "ada")
    assert throttle.device_knows("server secret", cookie, "ada")
    assert not throttle.device_knows("server secret", cookie, "root")  # another account
    assert not throttle.device_knows("another secret", cookie, "ada")  # another server
    nonce, mac = cookie.split(".")
    assert not throttle.device_knows("server secret", f"{nonce}.{'0' * len(mac)}", "ada")
    assert not throttle.device_knows("server secret", None, "ada")
    assert not throttle.device_knows("server secret", "no-dot-here", "ada")


def test_the_hold_doubles_up_to_its_cap_and_buckets_hide_the_name() -> None:
    import datetime as dt

    from intake.staff import throttle

    rule = throttle.PER_NAME
    assert [rule.hold_after(n) for n in range(1, 5)] == [None] * 4
    assert rule.hold_after(5) == dt.timedelta(seconds=30)
    assert rule.hold_after(6) == dt.timedelta(minutes=1)
    assert rule.hold_after(50) == dt.timedelta(minutes=15)
    bucket = throttle.name_bucket("server secret", "my password typed as a name")
    assert "password" not in bucket
    assert bucket == throttle.name_bucket("server secret", "my password typed as a name")
