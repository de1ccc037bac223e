"""The themes dashboard and a published report in Chromium: axe at zero violations on every
analysis page, and the report printed to PDF with the confidentiality line on every page."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, expect

from intake import db
from intake.keystore import Keystore
from intake.staff.auth import create_user

from ..conftest import FACILITATOR_PASSPHRASE, FACILITATOR_PASSWORD, FACILITATOR_TOTP, TEST_KDF
from ..test_themes import add_responses
from .test_staff_browser import sign_in

pytestmark = pytest.mark.browser


def test_dashboard_review_publish_and_print(
    browser: Browser, live_server: str, app: Flask, tmp_path
) -> None:
    session = db.get_database(app).session()
    keystore: Keystore = app.extensions["intake.keystore"]
    police = {
        "interventions_contacted": ["police"],
        "police_effect": "made_less_safe",
        "help_story": "La policía no me creyó y tuve más miedo.",
    }
    add_responses(session, keystore, "survivor", 6, police, "es")
    add_responses(session, keystore, "advocate", 2, {"police_effect": "made_safer"}, "ar")
    create_user(session, "vic", "vic-password-1", "viewer", kdf=TEST_KDF)
    session.commit()
    session.close()

    axe = Axe()
    problems = []
    context = browser.new_context(base_url=live_server, viewport={"width": 1100, "height": 900})
    page = context.new_page()

    def check(where: str) -> None:
        result = axe.run(page)
        if result.violations_count:
            problems.append((where, result.generate_report()))

    sign_in(page, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP)
    page.goto("/staff/unlock")
    page.get_by_label("Data passphrase").fill(FACILITATOR_PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("heading", name="Themes", exact=True)).to_be_visible()
    expect(page.locator("svg.chart").first).to_be_visible()
    check("dashboard")

    page.get_by_role("link", name="Review suggested codes").click()
    check("review queue")
    page.get_by_label("Code", exact=True).first.select_option("police.made_less_safe")
    page.get_by_role("button", name="Filter").click()
    for _ in range(6):
        page.get_by_role("button", name="Confirm").first.click()
        expect(page.get_by_text("Saved.")).to_be_visible()
    page.get_by_label("Show", exact=True).select_option("confirmed")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("button", name="Approve as a quote").first.click()
    check("review after decisions")

    for path in ("/staff/data/points", "/staff/themes/emerging", "/staff/codebook",
                 "/staff/codebook/part?key=police"):  # fmt: skip
        page.goto(path)
        check(path)

    page.goto("/staff/data")
    page.get_by_label("Report title").fill("Autumn listening")
    page.get_by_role("button", name="Publish report").click()
    expect(page.get_by_role("heading", name="Autumn listening")).to_be_visible()
    context.close()

    # A viewer, with no key, opens and prints the report.
    context = browser.new_context(base_url=live_server, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    sign_in(page, "vic", "vic-password-1")
    page.get_by_role("link", name=re.compile("Open the latest report")).click()
    expect(page.get_by_role("heading", name="Autumn listening")).to_be_visible()
    expect(page.get_by_text("La policía no me creyó y tuve más miedo.")).to_be_visible()
    check("viewer report")
    page.emulate_media(media="print")
    expect(page.locator(".staff-nav")).to_be_hidden()
    expect(page.locator(".confidential")).to_be_visible()
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 2
    printed = [page for page in _pdf_text(pdf).split("\f") if page.strip()]
    assert len(printed) == pages
    # The confidentiality line on every printed page.
    assert all("confidential" in page.lower() for page in printed)
    context.close()
    assert not problems, problems


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    """Text of a PDF through poppler's pdftotext (Debian poppler-utils)."""
    import subprocess

    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
