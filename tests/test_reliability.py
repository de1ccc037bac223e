"""Reliability under load and under a crash, against gunicorn on loopback (short form).

Every acknowledged submission (the respondent saw the thank-you page) must be stored and
readable; a crash may lose only what was never acknowledged, and never leaves a half-written
response. Bounded in time and count; loopback only. ``make soak`` runs the long form.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake import keyring
from intake.keystore import Keystore
from intake.models import Response, ResponseField
from intake.questionnaires.catalog import definition_of
from intake.responses import UnreadableResponse, read_response

from .conftest import CSRF_RE, form_values, public_code
from .test_production import free_port, start_gunicorn, stop_gunicorn

CLIENTS = int(os.environ.get("INTAKE_LOAD_CLIENTS", "32"))
SECONDS = float(os.environ.get("INTAKE_LOAD_SECONDS", "6"))
REPORT = os.environ.get("INTAKE_RELIABILITY_REPORT", "")


def report(line: str) -> None:
    """``make soak`` collects its figures here for docs/reliability.md."""
    if REPORT:
        with open(REPORT, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")


@dataclass
class Tally:
    acknowledged: int = 0
    server_errors: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def respond_once(base: str, code: str, marker: str) -> bool:
    """One respondent's whole journey over HTTP. True when they saw the thank-you page."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    url = f"{base}/s/{code}"
    page = opener.open(url, timeout=10).read().decode()

    def post(action: str, extra: dict[str, list[str]] | None = None) -> str:
        token = CSRF_RE.search(page).group(1)  # type: ignore[union-attr]
        fields = form_values(page) | {"csrf_token": [token], "action": [action]} | (extra or {})
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        return opener.open(urllib.request.Request(url, data=body), timeout=10).read().decode()

    page = post("start")
    page = post("consent")
    for _ in range(12):
        if 'value="submit"' in page:
            break
        extra = {"anything_else": [marker]} if 'name="anything_else"' in page else None
        page = post("next", extra)
    page = post("submit")
    return "<h1>Thank you</h1>" in page


def run_load(base: str, code: str, seconds: float, tally: Tally, stop: threading.Event) -> None:
    deadline = time.monotonic() + seconds

    def worker(number: int) -> None:
        count = 0
        # Until the deadline, and at least one whole journey per client however slow the
        # machine is (the bound is then the journey itself, with 10-second timeouts).
        while (time.monotonic() < deadline or count == 0) and not stop.is_set():
            count += 1
            try:
                if respond_once(base, code, f"load-{number}-{count}"):
                    with tally.lock:
                        tally.acknowledged += 1
            except urllib.error.HTTPError as exc:
                if exc.code >= 500:
                    with tally.lock:
                        tally.server_errors.append(exc.code)
            except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError):
                # A connection cut mid-reply (refused, reset, IncompleteRead) is expected only
                # once the server is being killed.
                if not stop.is_set():
                    raise
                return

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)


def all_readable(session: Session, team: keyring.TeamPrivateKey, keystore: Keystore) -> int:
    session.expire_all()
    count = 0
    for response in session.scalars(select(Response)):
        read_response(response, team, keystore, definition_of(response.questionnaire_version))
        count += 1
    return count


def test_load_acknowledged_equals_stored_and_readable(
    app: Flask,
    config,
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    base, process, log = start_gunicorn(config, tmp_path, free_port())
    try:
        tally = Tally()
        run_load(base, public_code(app), SECONDS, tally, threading.Event())
    finally:
        stop_gunicorn(process)
    assert tally.server_errors == [], log.read_text()[-2000:]
    assert tally.acknowledged >= CLIENTS  # every client got through at least once
    assert all_readable(session, open_team, keystore) == tally.acknowledged
    report(
        f"load ({session.bind.dialect.name}): {CLIENTS} clients x {SECONDS:.0f} s: "
        f"{tally.acknowledged} journeys acknowledged ({tally.acknowledged / SECONDS:.1f}/s, "
        f"about 10 requests each), {len(tally.server_errors)} server errors, "
        f"{tally.acknowledged} stored and readable"
    )


def test_kill_minus_nine_mid_load_loses_nothing_acknowledged(
    app: Flask,
    config,
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    port = free_port()
    base, process, _log = start_gunicorn(config, tmp_path, port)
    tally = Tally()
    stop = threading.Event()
    loader = threading.Thread(
        target=run_load, args=(base, public_code(app), SECONDS * 2, tally, stop)
    )
    loader.start()
    # Kill once the load is well under way: after SECONDS, and once some respondents have
    # been acknowledged (a slow or busy machine gets longer, up to a minute).
    started = time.monotonic()
    while time.monotonic() - started < 60 and (
        time.monotonic() - started < SECONDS or tally.acknowledged < 8
    ):
        time.sleep(0.2)
    acknowledged_before_kill = tally.acknowledged
    stop.set()  # clients still mid-journey will see the connection drop: that is expected
    stop_gunicorn(process, hard=True)  # kill -9, master and workers, mid-request
    loader.join(timeout=120)
    assert acknowledged_before_kill > 0
    # Restart without any repair: it serves again, and everything acknowledged is there.
    base, process, log = start_gunicorn(config, tmp_path, port)
    try:
        assert urllib.request.urlopen(f"{base}/healthz", timeout=5).read() == b"ok\n"
        stored = all_readable(session, open_team, keystore)  # raises on any half-written one
        assert stored >= tally.acknowledged
        # No response without its full set of fields.
        for response in session.scalars(select(Response)):
            fields = session.scalars(
                select(ResponseField.field_key).where(ResponseField.response_id == response.id)
            ).all()
            assert set(fields) == set(definition_of(response.questionnaire_version).field_keys())
        assert respond_once(base, public_code(app), "after-restart")
        report(
            f"crash ({session.bind.dialect.name}): kill -9 after {SECONDS:.0f} s of load: "
            f"{tally.acknowledged} acknowledged, {stored} stored, all readable, "
            "served again after restart with no repair"
        )
    finally:
        stop_gunicorn(process)
    assert "Traceback" not in log.read_text()


def test_readable_check_really_detects_damage(
    session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    """The check above would notice a half-written response (a missing field)."""
    from .test_sealing import store

    rid = store(session, keystore)
    field_row = session.scalars(
        select(ResponseField).where(ResponseField.response_id == rid)
    ).first()
    session.delete(field_row)
    session.commit()
    with pytest.raises(UnreadableResponse):
        all_readable(session, open_team, keystore)
    assert re.match(r"^[0-9a-f]{32}$", rid)
