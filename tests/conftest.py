"""Shared fixtures: an app on a fresh SQLite file, a keyed team, and a respondent helper."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake import clock, crypto, db, keyring
from intake.app import create_app
from intake.config import Config
from intake.keystore import Keystore
from intake.models import Questionnaire, StaffUser
from intake.questionnaires.catalog import load_shipped
from intake.staff.auth import create_user

# Cheap Argon2id for tests only; production parameters are asserted in test_crypto.py.
TEST_KDF = crypto.KdfParams(memory_kib=8, iterations=1, lanes=1)
FACILITATOR_PASSWORD = "facilitator-login-password"
FACILITATOR_PASSPHRASE = "correct horse battery staple"
FACILITATOR_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
SECRET = "t" * 48


def make_config(tmp_path: Path, **overrides: Any) -> Config:
    instance = tmp_path / "instance"
    instance.mkdir(exist_ok=True)
    base = Config(
        secret_key=SECRET,
        instance_path=instance,
        database_url=f"sqlite:///{instance / 'intake.sqlite3'}",
        secure_cookies=True,
        kdf_memory_kib=TEST_KDF.memory_kib,
        kdf_iterations=TEST_KDF.iterations,
        kdf_lanes=TEST_KDF.lanes,
        # Tests send a response the moment its last page is reached; the time-per-draft
        # rule has its own tests (test_ratelimit.py), which set it.
        minimum_seconds_per_draft=0,
        testing=True,
    )
    return base.with_overrides(**overrides)


@dataclass
class Team:
    recovery_key: str
    facilitator_id: int


def prepare_database(app: Flask) -> Team:
    """Migrate, load the shipped questionnaires, create a facilitator and the team key."""
    config: Config = app.extensions["intake.config"]
    db.upgrade(config.database_url)
    with app.app_context():
        session = db.get_database().session()
        load_shipped(session, config.languages)
        user = create_user(
            session, "fran", FACILITATOR_PASSWORD, "facilitator",
            totp_secret=FACILITATOR_TOTP, server_secret=config.secret_key, kdf=TEST_KDF,
        )  # fmt: skip
        recovery = keyring.init_team_key(
            session, app.extensions["intake.keystore"], user, FACILITATOR_PASSPHRASE, TEST_KDF
        )
        session.commit()
        team = Team(recovery_key=recovery, facilitator_id=user.id)
        session.close()
    return team


POSTGRES_URL = os.environ.get("INTAKE_TEST_POSTGRES_URL", "")


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """SQLite in the test's folder; or, when INTAKE_TEST_POSTGRES_URL is set, a fresh
    PostgreSQL database for this test alone, dropped afterwards."""
    if not POSTGRES_URL:
        yield f"sqlite:///{tmp_path / 'instance' / 'intake.sqlite3'}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"intake_t_{os.urandom(6).hex()}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def config(tmp_path: Path, database_url: str) -> Config:
    return make_config(tmp_path, database_url=database_url)


@pytest.fixture
def app(config: Config) -> Iterator[Flask]:
    application = create_app(config)
    application.extensions["test.team"] = prepare_database(application)
    yield application
    db.get_database(application).dispose()


@pytest.fixture
def team(app: Flask) -> Team:
    return app.extensions["test.team"]


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    # No app context is held open here: requests made by the test client must each get
    # their own, as in production.
    s = db.get_database(app).session()
    yield s
    s.close()


@pytest.fixture
def keystore(app: Flask) -> Keystore:
    return app.extensions["intake.keystore"]


@pytest.fixture
def facilitator(session: Session, team: Team) -> StaffUser:
    user = session.get(StaffUser, team.facilitator_id)
    assert user is not None
    return user


@pytest.fixture
def open_team(session: Session, facilitator: StaffUser) -> keyring.TeamPrivateKey:
    return keyring.open_with_passphrase(session, facilitator, FACILITATOR_PASSPHRASE)


class MovableClock:
    """Replaces intake.clock.utcnow so tests can jump forward in time."""

    def __init__(self) -> None:
        self.offset = dt.timedelta()
        self._real = clock.utcnow

    def now(self) -> dt.datetime:
        return self._real() + self.offset

    def advance(self, **kwargs: float) -> None:
        self.offset += dt.timedelta(**kwargs)


@pytest.fixture
def moving_clock(monkeypatch: pytest.MonkeyPatch) -> MovableClock:
    movable = MovableClock()
    monkeypatch.setattr(clock, "utcnow", movable.now)
    monkeypatch.setattr(clock, "today", lambda: movable.now().date())
    return movable


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
H1_RE = re.compile(r"<h1>(.*?)</h1>", re.S)


def public_code(app: Flask, key: str = "survivor") -> str:
    with app.app_context():
        s = db.get_database(app).session()
        code = s.scalar(select(Questionnaire.public_code).where(Questionnaire.key == key))
        s.close()
    assert code
    return code


class _FormState(HTMLParser):
    """What a browser would submit from the page's answer fields (checked boxes, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        name = a.get("name", "")
        if not name or name in ("csrf_token", "action", "leave_this_empty"):
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self.values.setdefault(name, []).append(a.get("value", ""))
            elif kind == "text":
                self.values.setdefault(name, []).append(a.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.values.setdefault(name, []).append("")

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea][-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None


def form_values(page: str) -> dict[str, list[str]]:
    parser = _FormState()
    parser.feed(page)
    return {k: [html.unescape(v) for v in vs] for k, vs in parser.values.items()}


class Respondent:
    """Walks the public questionnaire the way a browser would, CSRF tokens included.

    Like a browser, a post resends what the page already shows as answered, changed by
    ``data``.
    """

    def __init__(self, client: FlaskClient, code: str) -> None:
        self.client = client
        self.code = code
        self.url = f"/s/{code}"
        self.page = ""
        self.status = 0

    def open(self) -> str:
        response = self.client.get(self.url)
        self.status = response.status_code
        self.page = response.get_data(as_text=True)
        return self.page

    @property
    def token(self) -> str:
        match = CSRF_RE.search(self.page)
        assert match, "the page has no CSRF token"
        return match.group(1)

    @property
    def heading(self) -> str:
        match = H1_RE.search(self.page)
        return match.group(1).strip() if match else ""

    def post(self, action: str, data: dict[str, Any] | None = None, follow: bool = True) -> str:
        payload: dict[str, Any] = dict(form_values(self.page))
        payload.update({"csrf_token": self.token, "action": action})
        payload.update(data or {})
        response = self.client.post(self.url, data=payload)
        self.status = response.status_code
        if response.status_code == 303 and follow:
            # Only ever the one address (a fixed "#more" marks announced follow-ups).
            assert response.headers["Location"].removesuffix("#more").endswith(self.url)
            return self.open()
        self.page = response.get_data(as_text=True)
        return self.page

    def start(self, language: str | None = None) -> None:
        self.open()
        if language:
            self.post(f"lang:{language}")
        self.post("start")
        self.post("consent")

    def next_until_review(self, answers: dict[str, Any] | None = None, limit: int = 20) -> None:
        """Press Next on every part, answering any question of ``answers`` that is shown."""
        answers = answers or {}
        for _ in range(limit):
            if 'value="submit"' in self.page:
                return
            shown = {k: v for k, v in answers.items() if f'name="{k}"' in self.page}
            self.post("next", shown)
            assert self.status == 200, self.page
        raise AssertionError("never reached the review page")


@pytest.fixture
def respondent(client: FlaskClient, app: Flask) -> Respondent:
    return Respondent(client, public_code(app))


@pytest.fixture
def live_server(app: Flask, config: Config) -> Iterator[str]:
    """The app on a real loopback HTTP server (plain http, so cookies are not Secure)."""
    import threading

    from werkzeug.serving import make_server

    from intake.logs import QuietRequestHandler

    served = create_app(config.with_overrides(secure_cookies=False))

    def whole(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        # Each response read whole and its iterable closed before a byte is sent. Werkzeug's
        # development server closes a response (a static file's handle) after draining the
        # request socket, and skips the close when that read fails because the browser has
        # already dropped the connection: the file is then closed by the collector, with a
        # ResourceWarning that fails whichever test runs next.
        body = served(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()

    server = make_server("127.0.0.1", 0, whole, threaded=True, request_handler=QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()
    db.get_database(served).dispose()


def staff_login(client: FlaskClient, username: str, password: str, totp_secret: str | None = None):  # type: ignore[no-untyped-def]
    """Sign in as a browser would: password, then (for admins and facilitators) a code,
    enrolling an authenticator first if needed. Returns the last response."""
    import pyotp

    page = client.get("/staff/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token
    response = client.post(
        "/staff/login",
        data={"csrf_token": token.group(1), "username": username, "password": password},
    )
    location = response.headers.get("Location", "")
    if location.endswith("/staff/login/enrol"):
        page = client.get("/staff/login/enrol").get_data(as_text=True)
        key = re.search(r'<code class="secret" dir="ltr">([A-Z2-7 ]+)</code>', page)
        assert key
        totp_secret = key.group(1).replace(" ", "")
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
        response = client.post(
            "/staff/login/enrol",
            data={"csrf_token": token.group(1), "code": pyotp.TOTP(totp_secret).now()},  # type: ignore[union-attr]
        )
        client.totp_secret = totp_secret  # type: ignore[attr-defined]
    elif location.endswith("/staff/login/code"):
        assert totp_secret, f"{username} needs a one-time code"
        page = client.get("/staff/login/code").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
        response = client.post(
            "/staff/login/code",
            data={"csrf_token": token.group(1), "code": pyotp.TOTP(totp_secret).now()},  # type: ignore[union-attr]
        )
    return response
