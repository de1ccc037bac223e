"""Sign-in pages in a real browser: an invitation link opened from its fragment, a one-time
password replaced, and axe on each of those pages."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, expect

from intake import db
from intake.staff.auth import create_user

from ..conftest import TEST_KDF
from .test_staff_browser import sign_in

pytestmark = pytest.mark.browser


def test_an_invitation_link_opens_without_its_code_reaching_the_server(
    browser: Browser, live_server: str, admin: tuple[str, str, str]
) -> None:
    axe = Axe()
    context = browser.new_context(base_url=live_server)
    page = context.new_page()
    sign_in(page, *admin)
    page.goto("/staff/accounts")
    page.get_by_role("button", name="Create invitation link").click()
    link = page.locator("code.secret").inner_text()
    code = link.split("#", 1)[1]
    context.close()

    # Given a newcomer opening the link in a fresh browser
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 800})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(link)
    # Then they land on the account form, the code gone from the address bar ...
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    assert page.url == f"{live_server}/staff/welcome"
    # ... and no address the browser asked for carried it
    assert requested, "the page made no requests"
    assert all(code not in url for url in requested), requested
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()
    context.close()


def test_without_javascript_the_code_is_pasted(browser: Browser, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/staff/welcome#not-a-real-code")
    page.get_by_label("Invitation code").fill("not-a-real-code")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="This invitation cannot be used")).to_be_visible()
    context.close()


def test_a_one_time_password_is_replaced_in_the_browser(
    browser: Browser, live_server: str, app: Flask
) -> None:
    session = db.get_database(app).session()
    create_user(session, "vee", "handed-over-once-1", "viewer", kdf=TEST_KDF, must_change=True)
    session.commit()
    session.close()
    axe = Axe()
    context = browser.new_context(base_url=live_server, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto("/staff/login")
    page.get_by_label("Username").fill("vee")
    page.get_by_label("Password").fill("handed-over-once-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Choose your own password")).to_be_visible()
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()
    page.get_by_label("New password", exact=True).fill("copper gate evening rain")
    page.get_by_label("The same new password again").fill("copper gate evening rain")
    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_url(re.compile(r"/staff/$"))
    context.close()
