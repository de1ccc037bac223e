"""The staff side in a real browser: an advocate's full entry and a listening-session record,
and axe on every staff page."""

from __future__ import annotations

import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from intake import db, i18n
from intake.models import Program, Response
from intake.staff.auth import create_user

from ..conftest import FACILITATOR_PASSWORD, FACILITATOR_TOTP, TEST_KDF

pytestmark = pytest.mark.browser


@pytest.fixture
def advocate(app: Flask) -> tuple[str, str]:
    session = db.get_database(app).session()
    program = Program(
        name="Riverside Shelter",
        active=True,
        created_at=__import__("intake.clock", fromlist=["x"]).utcnow(),
    )
    session.add(program)
    session.flush()
    create_user(session, "ada", "ada-password-1", "advocate", program_id=program.id, kdf=TEST_KDF)
    session.commit()
    session.close()
    return "ada", "ada-password-1"


def spanish(message: str) -> str:
    return i18n.catalog_text("es", message)


def sign_in(page: Page, username: str, password: str, totp: str | None = None) -> None:
    page.goto("/staff/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if totp:
        page.get_by_label("Six-digit code", exact=False).fill(pyotp.TOTP(totp).now())
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()


def test_advocate_enters_a_full_response_and_a_listening_session(
    browser: Browser, live_server: str, app: Flask, advocate: tuple[str, str]
) -> None:
    axe = Axe()
    context = browser.new_context(base_url=live_server, viewport={"width": 1024, "height": 800})
    page = context.new_page()
    sign_in(page, *advocate)
    problems = []

    def check(where: str) -> None:
        result = axe.run(page)
        if result.violations_count:
            problems.append((where, result.generate_report()))

    check("home")
    page.get_by_role("link", name="Enter answers with a participant").click()
    check("entry start")
    page.get_by_label("Language used with the participant").select_option("es")
    page.get_by_label("The participant agreed", exact=False).check()
    page.get_by_label("I read the questions aloud").check()
    page.get_by_role("button", name="Start").click()
    check("entry form")
    # Everything the participant reads is in Spanish, the buttons included.
    page.locator("textarea").first.fill("Nadie me creyó al principio.")
    page.locator("input[type=radio]").first.check()
    page.get_by_role("button", name=spanish("Save and check")).click()
    expect(page.get_by_text(spanish("Saved."))).to_be_visible()
    page.get_by_role("button", name=spanish("Submit"), exact=True).click()
    expect(page.get_by_role("heading", name="Entry submitted")).to_be_visible()
    check("entry done")

    page.goto("/staff/")
    page.get_by_role("link", name="Record a listening session").click()
    check("listening session start")
    page.get_by_label("Language the session was held in").select_option("en")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Date of the session", exact=False).fill("2026-11-20")
    page.locator("input[name=themes_raised][value=police]").check()
    page.locator("textarea[name=quotes]").fill("Judge Brown never listened.")
    page.get_by_role("button", name="Save and check").click()
    expect(page.get_by_text("Judge [name] never listened.")).to_be_visible()
    check("listening session")
    page.locator("textarea[name=police_summary]").fill("People waited hours.")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Entry submitted")).to_be_visible()

    for path in ("/staff/drafts", "/staff/handover", "/staff/password"):
        page.goto(path)
        check(path)
    context.close()
    session = db.get_database(app).session()
    provenances = sorted(r.provenance for r in session.scalars(select(Response)))
    session.close()
    assert provenances == ["assisted", "listening_session"]
    assert problems == []


def test_axe_on_facilitator_and_admin_pages(
    browser: Browser, live_server: str, app: Flask, admin: tuple[str, str, str]
) -> None:
    axe = Axe()
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    problems = []
    page.goto("/staff/login")
    result = axe.run(page)
    if result.violations_count:
        problems.append(("login", result.generate_report()))
    sign_in(page, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP)
    for path in ("/staff/", "/staff/unlock", "/staff/keys"):
        page.goto(path)
        result = axe.run(page)
        if result.violations_count:
            problems.append((path, result.generate_report()))
    context.close()
    # And an administrator's pages.
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    sign_in(page, *admin)
    for path in (
        "/staff/accounts",
        "/staff/settings",
        "/staff/questionnaires",
        "/staff/audit",
        "/staff/languages",
        "/staff/keys",
    ):
        page.goto(path)
        result = axe.run(page)
        if result.violations_count:
            problems.append((path, result.generate_report()))
    context.close()
    assert problems == []
