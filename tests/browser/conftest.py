"""Playwright driving Debian's Chromium. Never downloads a browser; fails if none is there."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from intake import db
from intake.config import Config
from intake.staff.auth import create_user

from ..conftest import TEST_KDF, make_config

CHROMIUM = Path(os.environ.get("INTAKE_CHROMIUM", "/usr/bin/chromium"))
# The flags a closed network needs: no background calls home, no updater, no sync.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


class _NeutralSite(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>Weather</title><h1>Forecast</h1>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="session")
def neutral_site() -> Iterator[str]:
    """Stands in for the everyday site quick exit goes to (another origin, on loopback)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NeutralSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def config(tmp_path: Path, neutral_site: str, database_url: str) -> Config:
    return make_config(tmp_path, quick_exit_url=neutral_site, database_url=database_url)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: install Debian's 'chromium' package "
            "(.ci/run does). Browser tests never download a browser and never skip."
        )
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def phone(browser: Browser, live_server: str, neutral_site: str) -> Iterator[Page]:
    """A small phone: 320 CSS pixels wide, touch, slow-ish device scale."""
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, device_scale_factor=2, is_mobile=True,
        has_touch=True, base_url=live_server,
    )  # fmt: skip
    page = context.new_page()
    third_party: list[str] = []
    page.on(
        "request",
        lambda request: (
            third_party.append(request.url)
            if not request.url.startswith((live_server, neutral_site, "data:"))
            else None
        ),
    )
    yield page
    context.close()
    assert third_party == [], f"requests left the app: {third_party}"


@pytest.fixture
def admin(app: Flask) -> tuple[str, str, str]:
    """An administrator with two-step sign-in set up: (username, password, TOTP secret)."""
    secret = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
    session = db.get_database(app).session()
    create_user(
        session, "root", "root-password-1", "admin", totp_secret=secret,
        server_secret=app.extensions["intake.config"].secret_key, kdf=TEST_KDF,
    )  # fmt: skip
    session.commit()
    session.close()
    return "root", "root-password-1", secret
