"""Staff sign-in with server-side sessions, and unlocking the data across workers."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake import keyring
from intake.app import create_app
from intake.config import Config
from intake.models import StaffSession, UnlockSession
from intake.staff.auth import create_user

from .conftest import (
    CSRF_RE,
    FACILITATOR_PASSPHRASE,
    FACILITATOR_PASSWORD,
    FACILITATOR_TOTP,
    MovableClock,
    Respondent,
    public_code,
    staff_login,
)


def token_of(client: FlaskClient, path: str) -> str:
    match = CSRF_RE.search(client.get(path).get_data(as_text=True))
    if match is None:
        match = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"',
                          client.get(path).get_data(as_text=True))  # fmt: skip
    assert match
    return match.group(1)


def login(client: FlaskClient, username: str = "fran", password: str = FACILITATOR_PASSWORD):  # type: ignore[no-untyped-def]
    secret = FACILITATOR_TOTP if username == "fran" else None
    return staff_login(client, username, password, secret)


def unlock(client: FlaskClient, passphrase: str = FACILITATOR_PASSPHRASE):  # type: ignore[no-untyped-def]
    return client.post(
        "/staff/unlock",
        data={"csrf_token": token_of(client, "/staff/unlock"), "passphrase": passphrase},
    )


def cookie_header(client: FlaskClient) -> str:
    cookie = client.get_cookie("__Host-session")
    assert cookie is not None
    return f"__Host-session={cookie.value}"


def count(session: Session, model) -> int:  # type: ignore[no-untyped-def]
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_login_failures_share_one_message(client: FlaskClient) -> None:
    wrong_password = login(client, "fran", "nope")
    no_such_user = login(client, "nobody", "nope")
    assert wrong_password.status_code == no_such_user.status_code == 401
    message = "That username and password do not match."
    assert message in wrong_password.get_data(as_text=True)
    assert message in no_such_user.get_data(as_text=True)


def test_staff_pages_need_a_login(client: FlaskClient) -> None:
    for path in ("/staff/", "/staff/unlock", "/staff/data"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/staff/login" in response.headers["Location"]


def test_logout_invalidates_the_session_on_the_server(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    # Given a signed-in facilitator whose cookie an attacker has copied
    assert login(client).status_code == 303
    stolen = cookie_header(client)
    assert client.get("/staff/").status_code == 200
    # When they sign out
    client.post("/staff/logout", data={"csrf_token": token_of(client, "/staff/")})
    assert count(session, StaffSession) == 0
    # Then replaying the copied cookie gets nothing
    replay = app.test_client(use_cookies=False)
    response = replay.get("/staff/", headers={"Cookie": stolen})
    assert response.status_code == 302


def test_a_copied_cookie_works_until_logout(app: Flask, client: FlaskClient) -> None:
    """The positive control for the replay test above."""
    login(client)
    replay = app.test_client(use_cookies=False)
    assert replay.get("/staff/", headers={"Cookie": cookie_header(client)}).status_code == 200


def test_login_issues_a_new_session(app: Flask, client: FlaskClient) -> None:
    client.get("/staff/login")
    before = cookie_header(client)
    login(client)
    after = cookie_header(client)
    assert before != after
    # The pre-login cookie is not a logged-in cookie.
    other = app.test_client(use_cookies=False)
    assert other.get("/staff/", headers={"Cookie": before}).status_code == 302
    assert other.get("/staff/", headers={"Cookie": after}).status_code == 200


def test_idle_and_absolute_timeouts(client: FlaskClient, moving_clock: MovableClock) -> None:
    login(client)
    moving_clock.advance(minutes=29)
    assert client.get("/staff/").status_code == 200
    moving_clock.advance(minutes=31)
    assert client.get("/staff/").status_code == 302
    login(client)
    for _ in range(20):  # active all day, never idle…
        moving_clock.advance(minutes=25)
        client.get("/staff/")
    assert client.get("/staff/").status_code == 302  # …still ends after 8 hours


def test_wrong_passphrase_is_refused_plainly(client: FlaskClient, session: Session) -> None:
    login(client)
    response = unlock(client, "not it")
    assert response.status_code == 401
    assert "That passphrase does not unlock the data" in response.get_data(as_text=True)
    assert count(session, UnlockSession) == 0


def test_only_facilitators_unlock(app: Flask, session: Session) -> None:
    create_user(session, "ada", "advocate-password", "advocate")
    session.commit()
    client = app.test_client()
    login(client, "ada", "advocate-password")
    assert client.get("/staff/").status_code == 200
    assert client.get("/staff/unlock").status_code == 403
    assert client.get("/staff/data").status_code == 403


def test_unlock_is_shared_by_workers_and_gone_after_logout(
    app: Flask, config: Config, client: FlaskClient, session: Session
) -> None:
    # Given a response and a facilitator who unlocks on worker A
    walker = Respondent(app.test_client(), public_code(app))
    walker.start()
    walker.next_until_review({"anything_else": "hello"})
    walker.post("submit")
    login(client)
    assert unlock(client).status_code == 303
    page = client.get("/staff/data").get_data(as_text=True)
    # One survivor response: read, counted, and hidden as a count below the threshold.
    assert "Responses by respondent group" in page
    assert 'class="hidden-cell"' in page
    cookie = cookie_header(client)

    # When the same browser's next request lands on worker B (another app, no shared memory)
    worker_b = create_app(config)
    on_b = worker_b.test_client(use_cookies=False)
    response = on_b.get("/staff/data", headers={"Cookie": cookie})
    # Then B serves the unlocked view too
    assert response.status_code == 200
    assert "Responses by respondent group" in response.get_data(as_text=True)

    # When they sign out on A, B no longer has it either
    client.post("/staff/logout", data={"csrf_token": token_of(client, "/staff/")})
    assert count(session, UnlockSession) == 0
    assert on_b.get("/staff/data", headers={"Cookie": cookie}).status_code == 302


def test_unlock_times_out_and_locks(
    app: Flask, config: Config, session: Session, moving_clock: MovableClock
) -> None:
    # A long staff idle time, so that only the unlock's own 30-minute idle timeout applies.
    client = create_app(config.with_overrides(staff_session_idle_minutes=120)).test_client()
    login(client)
    unlock(client)
    assert client.get("/staff/data").status_code == 200
    moving_clock.advance(minutes=20)
    assert client.get("/staff/data").status_code == 200  # activity keeps it unlocked
    moving_clock.advance(minutes=31)
    assert client.get("/staff/data").status_code == 303  # the unlock has lapsed…
    assert client.get("/staff/").status_code == 200  # …while the login has not
    assert count(session, UnlockSession) == 0


def test_lock_button(client: FlaskClient, session: Session) -> None:
    login(client)
    unlock(client)
    assert count(session, UnlockSession) == 1
    client.post("/staff/lock", data={"csrf_token": token_of(client, "/staff/")})
    assert count(session, UnlockSession) == 0
    assert client.get("/staff/data").status_code == 303


def test_restart_locks_everything(client: FlaskClient, session: Session) -> None:
    login(client)
    unlock(client)
    keyring.purge_all_unlocks(session)  # what server start runs
    session.commit()
    assert client.get("/staff/data").status_code == 303


def test_a_stolen_unlock_row_is_useless_without_the_cookie(
    client: FlaskClient, session: Session
) -> None:
    login(client)
    unlock(client)
    session.expire_all()
    row = session.scalars(select(UnlockSession)).one()
    # The database holds only a wrapped key; the team private key is not in it.
    from intake.models import StaffUser

    fran = session.scalar(select(StaffUser).where(StaffUser.username == "fran"))
    team = keyring.open_with_passphrase(session, fran, FACILITATOR_PASSPHRASE)  # type: ignore[arg-type]
    assert team.private not in row.wrapped_private_key
    ticket = keyring.UnlockTicket(token="guess", secret=b"\0" * 32)
    import datetime as dt

    assert (
        keyring.resume_unlock(session, row.staff_session_id, ticket, dt.timedelta(hours=1)) is None
    )


@pytest.mark.parametrize("path", ["/staff/logout", "/staff/lock"])
def test_state_changes_need_csrf(client: FlaskClient, session: Session, path: str) -> None:
    login(client)
    response = client.post(path, data={})
    assert response.status_code == 400
    assert count(session, StaffSession) == 1


def test_a_new_facilitator_sets_a_passphrase_and_is_granted_by_an_unlocked_one(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    # Given a new facilitator who sets their own data passphrase
    create_user(session, "nia", "nia-login-password", "facilitator")
    session.commit()
    nia = app.test_client()
    login(nia, "nia", "nia-login-password")
    token = token_of(nia, "/staff/passphrase")
    short = nia.post(
        "/staff/passphrase", data={"csrf_token": token, "passphrase": "short", "confirm": "short"}
    )
    assert short.status_code == 422
    assert "Use at least 12 characters" in short.get_data(as_text=True)
    nia.post(
        "/staff/passphrase",
        data={"csrf_token": token, "passphrase": "nia's own words", "confirm": "nia's own words"},
    )
    # Then the slot waits: it cannot open the data yet
    waiting = unlock(nia, "nia's own words")
    assert waiting.status_code == 409
    assert "waiting" in waiting.get_data(as_text=True)

    # When fran, unlocked, grants it
    login(client)
    keys_page = client.get("/staff/keys").get_data(as_text=True)
    assert "Waiting to be granted" in keys_page
    assert 'action="/staff/keys/grant"' not in keys_page  # locked: no grant button yet
    unlock(client)
    keys_page = client.get("/staff/keys").get_data(as_text=True)
    slot_id = re.search(r'name="slot_id" value="(\d+)"', keys_page.split("nia")[1]).group(1)  # type: ignore[union-attr]
    client.post(
        "/staff/keys/grant",
        data={"csrf_token": token_of(client, "/staff/keys"), "slot_id": slot_id},
    )

    # Then nia's own passphrase unlocks
    assert unlock(nia, "nia's own words").status_code == 303
    assert nia.get("/staff/data").status_code == 200


def test_admin_removes_a_slot_but_not_the_last_or_the_recovery_slot(
    app: Flask, session: Session
) -> None:
    create_user(session, "root", "admin-password!", "admin")
    session.commit()
    admin = app.test_client()
    login(admin, "root", "admin-password!")
    page = admin.get("/staff/keys").get_data(as_text=True)
    ids = re.findall(r'name="slot_id" value="(\d+)"', page)
    assert len(ids) == 1  # fran's slot; the recovery slot has no remove button
    admin.post(
        "/staff/keys/remove", data={"csrf_token": token_of(admin, "/staff/keys"), "slot_id": ids[0]}
    )
    assert "last facilitator slot" in admin.get("/staff/keys").get_data(as_text=True)
    from intake.models import KeySlot

    recovery_id = session.scalar(select(KeySlot.id).where(KeySlot.kind == "recovery"))
    admin.post(
        "/staff/keys/remove",
        data={"csrf_token": token_of(admin, "/staff/keys"), "slot_id": recovery_id},
    )
    assert "recovery slot cannot be removed" in admin.get("/staff/keys").get_data(as_text=True)
    assert count(session, KeySlot) == 2
    # Admins hold no key and cannot see responses.
    assert admin.get("/staff/data").status_code == 403
    assert (
        admin.post(
            "/staff/keys/grant",
            data={"csrf_token": token_of(admin, "/staff/keys"), "slot_id": ids[0]},
        ).status_code
        == 403
    )


WORKER_SCRIPT = """
import sys
from pathlib import Path
from intake.app import create_app
from tests.conftest import make_config

config = make_config(Path(sys.argv[1]), database_url=sys.argv[3])
client = create_app(config).test_client(use_cookies=False)
response = client.get("/staff/data", headers={"Cookie": sys.argv[2]})
print(response.status_code)
"""


def test_unlock_is_visible_to_another_worker_process(
    client: FlaskClient, session: Session, database_url: str, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent

    def other_process(cookie: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", WORKER_SCRIPT, str(tmp_path), cookie, database_url],
            cwd=root, capture_output=True, text=True, check=True,
        )  # fmt: skip
        return result.stdout.strip()

    login(client)
    cookie = cookie_header(client)
    assert other_process(cookie) == "303"  # signed in, not unlocked: sent to the unlock page
    unlock(client)
    cookie = cookie_header(client)
    assert other_process(cookie) == "200"  # the other process reads the unlocked data
    client.post("/staff/lock", data={"csrf_token": token_of(client, "/staff/")})
    assert other_process(cookie) == "303"  # and loses it at lock


def test_starting_the_server_locks_the_data(
    client: FlaskClient, session: Session, config: Config
) -> None:
    """wsgi.py's start-up (what gunicorn and ``flask`` import) removes every unlock."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    login(client)
    unlock(client)
    assert count(session, UnlockSession) == 1
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ)
    env.update(
        INTAKE_SECRET_KEY=config.secret_key,
        INTAKE_INSTANCE_PATH=str(config.instance_path),
        DATABASE_URL=config.database_url,
    )
    subprocess.run([sys.executable, "-c", "import wsgi"], cwd=root, env=env, check=True)
    assert count(session, UnlockSession) == 0
    assert client.get("/staff/data").status_code == 303


def test_removing_a_slot_closes_that_persons_unlock(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    from intake.models import KeySlot, StaffUser

    login(client)
    unlock(client)
    fran = session.scalar(select(StaffUser).where(StaffUser.username == "fran"))
    nia = create_user(session, "nia2", "nia-login-password", "facilitator")
    team = keyring.open_with_passphrase(session, fran, FACILITATOR_PASSPHRASE)  # type: ignore[arg-type]
    keyring.add_passphrase_slot(
        session,
        app.extensions["intake.keystore"],
        team.private,
        team.version,
        nia,
        "nia passphrase!",
        __import__("tests.conftest", fromlist=["x"]).TEST_KDF,
    )
    session.commit()
    slot = session.scalar(select(KeySlot).where(KeySlot.user_id == fran.id))  # type: ignore[union-attr]
    keyring.remove_slot(session, slot.id)  # type: ignore[union-attr]
    session.commit()
    assert count(session, UnlockSession) == 0
    assert client.get("/staff/data").status_code == 303
