"""Canary: unique markers go in through every entry path and language; none may come out in
the database files, the key store, a backup, or the logs — nor any address or user agent."""

from __future__ import annotations

import http.cookiejar
import logging
import re
import sqlite3
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy.orm import Session

from intake import keyring
from intake.keystore import Keystore
from intake.questionnaires.catalog import definition_of
from intake.responses import read_response

from .conftest import CSRF_RE, Respondent, form_values, public_code
from .test_sealing import published, store

MARK = "CANARY"


def markers(tag: str) -> dict[str, str]:
    """Several spellings, so an encoding slip cannot hide a leak."""
    return {
        "plain": f"{MARK}-{tag}-q8Zr",
        "unicode": f"{MARK}-{tag}-ñandú-حقيقة",
    }


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def leaks(blob: bytes, needles: list[str]) -> list[str]:
    found = []
    for needle in needles:
        for encoded in (
            needle.encode("utf-8"),
            needle.encode("utf-16-le"),
            needle.lower().encode(),
        ):
            if encoded in blob:
                found.append(needle)
    return found


def submit_via_browser_path(client_app: Flask, language: str, text: str) -> None:
    walker = Respondent(client_app.test_client(), public_code(client_app))
    walker.start(language)
    walker.next_until_review(
        {"anything_else": text, "ideas_for_change": text, "barriers_other": text,
         "preferred_language_other": text[:150]}
    )  # fmt: skip
    walker.post("submit")
    assert walker.status == 200
    assert "submit" not in walker.page


@pytest.mark.sqlite_only
def test_no_marker_reaches_disk_backup_or_logs(
    app: Flask,
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    live_server: str,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    needles: list[str] = []

    # 1. The survivor's own path, in each language, through the web.
    for language in ("en", "es"):
        m = markers(f"self-{language}")
        needles += m.values()
        submit_via_browser_path(app, language, f"{m['plain']} {m['unicode']}")

    # 2. Assisted entry and listening sessions (their web forms come with the staff side;
    #    they share this storage path).
    for provenance, key in (("assisted", "advocate"), ("listening_session", "listening_session")):
        for language in ("en", "es"):
            m = markers(f"{provenance}-{language}")
            needles += m.values()
            _v, definition = published(session, key)
            text_keys = [q.key for q in definition.questions if q.type_name == "long_text"]
            store(session, keystore, key, provenance=provenance, language=language,
                  answers={k: f"{m['plain']} {m['unicode']}" for k in text_keys})  # fmt: skip

    # 3. A half-finished questionnaire left as a draft.
    m = markers("draft")
    needles += m.values()
    walker = Respondent(app.test_client(), public_code(app))
    walker.start()
    for _ in range(5):
        walker.post("next")
    walker.post("next", {"anything_else": m["plain"] + " " + m["unicode"]})
    assert walker.status == 200
    assert m["plain"] in walker.page  # saved: the review page shows it back

    # 4. Over real HTTP, with an address and a user agent that must not be logged, and a
    #    marker in the body and the query string.
    m = markers("http")
    needles += m.values()
    agent = f"{MARK}-Agent/9.9"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    url = f"{live_server}/s/{public_code(app)}"
    page = (
        opener.open(urllib.request.Request(f"{url}?q={m['plain']}", headers={"User-Agent": agent}))
        .read()
        .decode()
    )
    for action in ("start", "consent"):
        token = CSRF_RE.search(page).group(1)  # type: ignore[union-attr]
        body = urllib.parse.urlencode({"csrf_token": token, "action": action}).encode()
        page = (
            opener.open(urllib.request.Request(url, data=body, headers={"User-Agent": agent}))
            .read()
            .decode()
        )

    def post(fields: dict[str, list[str]]) -> str:
        token = CSRF_RE.search(page).group(1)  # type: ignore[union-attr]
        payload = form_values(page) | {"csrf_token": [token], "action": ["next"]} | fields
        body = urllib.parse.urlencode(payload, doseq=True).encode()
        request = urllib.request.Request(url, data=body, headers={"User-Agent": agent})
        return opener.open(request).read().decode()

    page = post({"preferred_language": ["other"]})  # reveals the "other language" box
    assert 'name="preferred_language_other"' in page
    post({"preferred_language_other": [m["plain"]]})

    # Sanity: the markers really were stored — the team key reads them back.
    session.expire_all()
    from intake.models import Response

    readable = " ".join(
        str(read_response(r, open_team, keystore, definition_of(r.questionnaire_version)).answers)
        for r in session.query(Response)
    )
    assert markers("self-es")["unicode"] in readable
    assert markers("listening_session-en")["plain"] in readable

    # A backup, as an operator would take it.
    config = app.extensions["intake.config"]
    database_file = Path(config.database_url.removeprefix("sqlite:///"))
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(database_file) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)

    # Then no marker is anywhere on disk…
    files = [*every_file(config.instance_path), backup]
    assert any(p.name.startswith("epoch-") for p in files)
    for path in files:
        assert leaks(path.read_bytes(), needles) == [], path
    # …or in the logs, which carry no address or user agent either.
    log_text = "\n".join(record.getMessage() for record in caplog.records)
    assert "GET /s/" in log_text  # the request log is there, and quiet
    assert leaks(log_text.encode(), [*needles, agent]) == []
    assert not re.search(r"\b127\.0\.0\.1\b", log_text)
