"""Production concerns: backups and restore, health, the database going away, gunicorn."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from intake import db
from intake.app import create_app
from intake.keystore import Keystore
from intake.models import Draft

from .conftest import FACILITATOR_PASSPHRASE, Respondent, make_config
from .test_sealing import store

ROOT = Path(__file__).resolve().parent.parent


def test_backup_and_restore_into_an_empty_database_keeps_every_response_readable(
    app: Flask, session: Session, keystore: Keystore, tmp_path: Path
) -> None:
    ids = {store(session, keystore, key) for key in ("survivor", "advocate", "listening_session")}
    ids.add(store(session, keystore, "survivor", answers={"anything_else": "BACKUP-MARKER-71"}))
    target = tmp_path / "backup.jsonl"
    result = app.test_cli_runner().invoke(args=["intake", "backup", str(target)])
    assert result.exit_code == 0, result.output
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert b"BACKUP-MARKER-71" not in target.read_bytes()  # answers stay sealed in a backup
    # A fresh database, the same key store and secrets: what a restore on a new server is.
    restored_config = make_config(tmp_path).with_overrides(
        database_url=f"sqlite:///{tmp_path / 'restored.sqlite3'}",
        instance_path=app.extensions["intake.config"].instance_path,
    )
    other = create_app(restored_config)
    done = other.test_cli_runner().invoke(args=["intake", "restore", str(target)])
    assert done.exit_code == 0, done.output
    verified = other.test_cli_runner().invoke(
        args=["intake", "verify"], input=f"fran\n{FACILITATOR_PASSPHRASE}\n"
    )
    assert verified.exit_code == 0, verified.output
    assert f"{len(ids)} readable, 0 unreadable." in verified.output
    # Restoring over data is refused, and changes nothing.
    again = other.test_cli_runner().invoke(args=["intake", "restore", str(target)])
    assert again.exit_code == 1
    assert "empty database" in again.output
    db.get_database(other).dispose()


def test_a_truncated_backup_restores_nothing(
    app: Flask, session: Session, keystore: Keystore, tmp_path: Path
) -> None:
    store(session, keystore)
    target = tmp_path / "backup.jsonl"
    app.test_cli_runner().invoke(args=["intake", "backup", str(target)])
    lines = target.read_text().splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join(lines[:-3]) + "\n")
    other = create_app(
        make_config(tmp_path).with_overrides(database_url=f"sqlite:///{tmp_path / 'r.sqlite3'}")
    )
    result = other.test_cli_runner().invoke(args=["intake", "restore", str(broken)])
    assert result.exit_code == 1
    assert "incomplete" in result.output
    # Refused before anything was written: not even the schema.
    assert "response" not in inspect(db.get_database(other).engine).get_table_names()
    db.get_database(other).dispose()


def test_health_says_nothing_but_up_or_down(client, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok\n"
    assert "Server" not in response.headers or "Python" not in response.headers.get("Server", "")
    from sqlalchemy.orm import Session as SASession

    def down(*_a: object, **_k: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(SASession, "execute", down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_data(as_text=True) == "unavailable\n"


def test_database_down_gives_a_kind_page_and_keeps_the_draft(
    respondent: Respondent, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import intake.drafts as drafts

    respondent.start()
    respondent.post("next", {"preferred_language": "spanish"})
    real_load = drafts.load

    def down(*_a: object, **_k: object) -> None:
        raise OperationalError("SELECT", {}, Exception("could not connect to server"))

    monkeypatch.setattr(drafts, "load", down)
    page = respondent.open()
    assert respondent.status == 503
    assert "Please try again shortly" in page
    monkeypatch.setattr(drafts, "load", real_load)
    assert "Part 2 of" in respondent.open()  # nothing was lost
    assert session.scalar(select(func.count(Draft.id))) == 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_gunicorn(config, tmp_path: Path, port: int):  # type: ignore[no-untyped-def]
    """Start the real production server on loopback; returns (base url, process, log path)."""
    env = dict(os.environ)
    env.update(
        INTAKE_SECRET_KEY=config.secret_key,
        INTAKE_INSTANCE_PATH=str(config.instance_path),
        DATABASE_URL=config.database_url,
        INTAKE_BIND=f"127.0.0.1:{port}",
        INTAKE_WORKERS="3",
        INTAKE_SECURE_COOKIES="0",
        INTAKE_DRAFT_START_BURST="1000000",  # load tests come from one address
        # and answer in milliseconds: the floor on time per draft is the limiter's own test
        # (tests/test_ratelimit.py), not what load and crash tests measure
        INTAKE_MINIMUM_SECONDS_PER_DRAFT="0",
    )
    log = tmp_path / f"gunicorn-{port}-{time.monotonic_ns()}.log"
    out = log.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    process.log_handle = out  # type: ignore[attr-defined]  # closed by stop_gunicorn
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        stop_gunicorn(process, hard=True)
        raise AssertionError(log.read_text())
    return base, process, log


def stop_gunicorn(process, hard: bool = False) -> None:  # type: ignore[no-untyped-def]
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL if hard else signal.SIGTERM)
    process.wait(timeout=30)
    process.log_handle.close()


@pytest.fixture
def gunicorn_server(app: Flask, config, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The real production server on loopback, several workers, the test's database."""
    base, process, log = start_gunicorn(config, tmp_path, free_port())
    yield base, process, log
    stop_gunicorn(process)


def test_gunicorn_serves_with_no_access_log_and_all_headers(gunicorn_server) -> None:  # type: ignore[no-untyped-def]
    base, _process, log = gunicorn_server
    request = urllib.request.Request(f"{base}/help", headers={"User-Agent": "CanaryAgent/7"})
    response = urllib.request.urlopen(request, timeout=5)
    assert response.status == 200
    assert "no-store" in response.headers["Cache-Control"]
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    time.sleep(0.2)
    text = log.read_text()
    assert "127.0.0.1" not in text.replace("Listening at: http://127.0.0.1", "")
    assert "CanaryAgent" not in text
    assert "/help" not in text
