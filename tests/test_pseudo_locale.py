"""A pseudo-locale proves that no user-facing string is hard-coded.

Every catalog message and every questionnaire text is rewritten into accented, lengthened
"pseudo-English" (``Ŋéxţ``); then every public and staff page is rendered in it. Any plain
English word left on a page is a string that does not go through translation.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pyotp
import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from intake import clock, db, i18n, keyring
from intake.app import create_app
from intake.models import Program, Questionnaire
from intake.questionnaires.catalog import PUBLIC_AUDIENCES, SHIPPED, SHIPPED_DIR, load_definition
from intake.questionnaires.definition import parse_definition
from intake.questionnaires.translate import _text_objects
from intake.staff.auth import create_user

from .conftest import FACILITATOR_PASSPHRASE, FACILITATOR_TOTP, TEST_KDF, Respondent, make_config
from .xlsform_helpers import changed, pilot, to_xlsx

PSEUDO = "xx"
ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþʠŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹϺÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
PLACEHOLDER = re.compile(r"(%\(\w+\)[sd])")


def pseudo(text: str) -> str:
    parts = PLACEHOLDER.split(text)
    out = "".join(p if PLACEHOLDER.fullmatch(p) else p.translate(ACCENTS) for p in parts)
    return f"⟦{out}·{'~' * (len(text) // 3)}⟧"


def build_catalog(folder: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    with (root / "intake" / "translations" / "messages.pot").open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(pseudo(part) for part in message.id)
        else:
            message.string = pseudo(message.id)
    target = folder / PSEUDO / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)


def pseudo_definition(key: str) -> dict:
    data = json.loads((SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    for text in _text_objects(data).values():
        text[PSEUDO] = pseudo(text["en"])
    return data


class VisibleText(HTMLParser):
    """Text a person can see or hear: text nodes and labelling attributes."""

    SKIP = {"script", "style", "code"}

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self._skip = 0
        self._lang_stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        # Language names are written in their own language on purpose.
        foreign = "lang" in a and tag != "html" and a["lang"] != PSEUDO
        self._lang_stack.append(foreign or tag in self.SKIP)
        for name in ("aria-label", "title", "alt", "placeholder"):
            if a.get(name):
                self.chunks.append(a[name] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._lang_stack:
            self._lang_stack.pop()

    def handle_data(self, data: str) -> None:
        if not any(self._lang_stack):
            self.chunks.append(data)


def english_words(html: str, allowed: set[str]) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    text = re.sub(r"https?://\S+", " ", " ".join(parser.chunks))  # links shown to staff
    words = set(re.findall(r"\b[A-Za-z]{3,}\b", text))
    return words - allowed


@pytest.fixture
def pseudo_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    monkeypatch.setitem(i18n.FORMAT_LOCALES, PSEUDO, "en")
    catalogs = tmp_path / "catalogs"
    build_catalog(catalogs)
    resources = tmp_path / "resources.json"
    resources.write_text(
        json.dumps(
            {
                PSEUDO: [
                    {
                        "name": pseudo("Hotline"),
                        "contact": "1-800-000-0000",
                        "detail": pseudo("Always open."),
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    config = make_config(
        tmp_path,
        languages=("en", "es", PSEUDO),
        extra_translation_dirs=(catalogs,),
        resources_file=resources,
        secure_cookies=False,
    )
    app = create_app(config)
    db.upgrade(config.database_url)
    session = db.get_database(app).session()
    for key in SHIPPED:
        load_definition(session, parse_definition(pseudo_definition(key), config.languages))
    fran = create_user(
        session, "fran", "fran-password-1", "facilitator",
        totp_secret=FACILITATOR_TOTP, server_secret=config.secret_key, kdf=TEST_KDF,
    )  # fmt: skip
    create_user(
        session, "root", "root-password-1", "admin",
        totp_secret=FACILITATOR_TOTP, server_secret=config.secret_key, kdf=TEST_KDF,
    )  # fmt: skip
    program = Program(name="Riverside Shelter", active=True, created_at=fran.created_at)
    session.add(program)
    session.flush()
    create_user(session, "ada", "ada-password-1", "advocate", program_id=program.id, kdf=TEST_KDF)
    keyring.init_team_key(
        session, app.extensions["intake.keystore"], fran, FACILITATOR_PASSPHRASE, TEST_KDF
    )
    session.commit()
    session.close()
    yield app
    db.get_database(app).dispose()


def pages(app: Flask) -> Iterator[tuple[str, str]]:
    client: FlaskClient = app.test_client()
    client.get(f"/language/{PSEUDO}?next=/")
    for path in ("/", "/help", "/no-such-page"):
        yield path, client.get(path).get_data(as_text=True)
    session = db.get_database(app).session()
    codes = session.scalars(
        select(Questionnaire.public_code).where(Questionnaire.audience.in_(PUBLIC_AUDIENCES))
    ).all()
    session.close()
    for code in codes:
        walker = Respondent(client, code)
        walker.open()
        yield "welcome", walker.page
        walker.post("start")
        yield "consent", walker.page
        walker.post("consent")
        for number in range(1, 12):
            yield f"{code} part {number}", walker.page
            if 'value="submit"' in walker.page:
                break
            walker.post("next")
        walker.post("goto:" + re.findall(r'value="goto:(\w+)"', walker.page)[-1])
        textarea = re.search(r'<textarea[^>]*name="(\w+)"', walker.page)
        if textarea:
            walker.post("next", {textarea.group(1): "é" * 6000})  # typed text, not interface text
            yield f"{code} with errors", walker.page
            walker.post("next", {textarea.group(1): ""})
        walker.next_until_review()
        walker.post("submit")
        yield f"{code} thanks", walker.page
    yield "method not allowed", client.put("/help").get_data(as_text=True)
    # Staff pages, as each role sees them.
    for username, password, paths in (
        (
            "fran",
            "fran-password-1",
            [
                "/staff/",
                "/staff/unlock",
                "/staff/keys",
                "/staff/password",
                "/staff/drafts",
                "/staff/entry/new",
                "/staff/reports",
            ],
        ),
        (
            "root",
            "root-password-1",
            [
                "/staff/",
                "/staff/keys",
                "/staff/languages",
                "/staff/data",
                "/staff/accounts",
                "/staff/settings",
                "/staff/questionnaires",
                "/staff/questionnaires/survivor/1",
                "/staff/audit",
            ],
        ),
        (
            "ada",
            "ada-password-1",
            ["/staff/", "/staff/entry/new", "/staff/drafts", "/staff/handover"],
        ),
    ):
        staff = app.test_client()
        staff.get(f"/language/{PSEUDO}?next=/")
        login_page = staff.get("/staff/login").get_data(as_text=True)
        yield "login", login_page
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page)
        assert token
        wrong = staff.post(
            "/staff/login",
            data={"csrf_token": token.group(1), "username": username, "password": "wrong"},
        )
        yield "login failed", wrong.get_data(as_text=True)
        staff.post(
            "/staff/login",
            data={"csrf_token": token.group(1), "username": username, "password": password},
        )
        if username != "ada":
            yield "code page", staff.get("/staff/login/code").get_data(as_text=True)
            token = re.search(
                r'name="csrf_token" type="hidden" value="([^"]+)"',
                staff.get("/staff/login/code").get_data(as_text=True),
            )
            bad = staff.post(
                "/staff/login/code", data={"csrf_token": token.group(1), "code": "000000"}
            )  # type: ignore[union-attr]
            yield "code refused", bad.get_data(as_text=True)
            step = {"fran": 0, "root": 1}[username]
            code = pyotp.TOTP(FACILITATOR_TOTP).at(
                clock.utcnow().replace(tzinfo=dt.UTC) + dt.timedelta(seconds=30 * step)
            )
            staff.post("/staff/login/code", data={"csrf_token": token.group(1), "code": code})  # type: ignore[union-attr]
        for path in paths:
            response = staff.get(path)
            assert response.status_code in (200, 403), (username, path, response.status_code)
            yield f"{username} {path}", response.get_data(as_text=True)
        if username == "fran":
            page = staff.get("/staff/unlock").get_data(as_text=True)
            token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
            assert token
            bad = staff.post(
                "/staff/unlock", data={"csrf_token": token.group(1), "passphrase": "nope"}
            )
            yield "unlock failed", bad.get_data(as_text=True)
            staff.post(
                "/staff/unlock",
                data={"csrf_token": token.group(1), "passphrase": FACILITATOR_PASSPHRASE},
            )
            yield "data", staff.get("/staff/data").get_data(as_text=True)
            page = staff.get("/staff/").get_data(as_text=True)
            token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
            staff.post("/staff/listening/new", data={"csrf_token": token.group(1)})  # type: ignore[union-attr]
            entry = staff.get("/staff/entry").get_data(as_text=True)
            yield "listening entry", entry
            token = re.search(r'name="csrf_token" value="([^"]+)"', entry)
            saved = staff.post(
                "/staff/entry", data={"csrf_token": token.group(1), "action": "save", "quotes": "é"}
            )  # type: ignore[union-attr]
            yield "listening entry saved", saved.get_data(as_text=True)
        if username == "root":
            page = staff.get("/staff/questionnaires").get_data(as_text=True)
            token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
            broken = to_xlsx(changed(pilot(), "survey", 4, "required", "maybe"))
            refused = staff.post(
                "/staff/questionnaires/upload",
                data={"csrf_token": token.group(1), "workbook": (io.BytesIO(broken), "f.xlsx")},  # type: ignore[union-attr]
                content_type="multipart/form-data",
            )
            assert refused.status_code == 422
            yield "upload problems", refused.get_data(as_text=True)
        if username == "ada":
            page = staff.get("/staff/entry/new").get_data(as_text=True)
            token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
            missing = staff.post("/staff/entry/new", data={"csrf_token": token.group(1)})  # type: ignore[union-attr]
            yield "entry start refused", missing.get_data(as_text=True)
    device = app.test_client()
    device.get(f"/language/{PSEUDO}?next=/")
    yield "locked", device.get("/staff/locked").get_data(as_text=True)


# Words that are not interface text: the app's own identifiers shown to staff on purpose.
ALLOWED = {
    "fran", "root", "ada", "Riverside", "Shelter", "survivor", "advocate", "community_leader",
    "listening_session", "http", "localhost", "staff", "bootstrap", "cli",
}  # fmt: skip
# XLSForm's own column and sheet names, which problems with an uploaded workbook quote as
# the author must type them.
ALLOWED |= {"label", "hint", "description", "required", "relevant", "constraint", "survey"}
# Month names come from CLDR locale data (the pseudo-locale formats dates as English), not
# from the app's catalog: every real language gets them from Babel.
ALLOWED |= set(__import__("babel.dates").dates.get_month_names("wide", locale="en").values())
ALLOWED |= set(__import__("babel.dates").dates.get_month_names("abbreviated", locale="en").values())


def test_no_page_shows_untranslated_text(pseudo_app: Flask) -> None:
    seen = 0
    leftovers: dict[str, set[str]] = {}
    for name, html in pages(pseudo_app):
        seen += 1
        assert '<html lang="xx"' in html, name
        words = english_words(html, ALLOWED)
        if words:
            leftovers[name] = words
    assert seen > 30
    assert leftovers == {}
