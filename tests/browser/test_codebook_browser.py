"""The codebook page with its pattern counts in Chromium: axe at zero violations, counts
shown only while unlocked, readable on a phone."""

from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, expect

from intake import db
from intake.keystore import Keystore

from ..conftest import FACILITATOR_PASSPHRASE, FACILITATOR_PASSWORD, FACILITATOR_TOTP
from ..test_themes import add_responses
from .test_staff_browser import sign_in

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("INTAKE_SHOTS", "")  # a file prefix: also save screenshots there


def test_codebook_counts_are_accessible_and_fit_a_phone(
    browser: Browser, live_server: str, app: Flask
) -> None:
    session = db.get_database(app).session()
    keystore: Keystore = app.extensions["intake.keystore"]
    add_responses(session, keystore, "survivor", 3, {"help_story": "La policía vino."}, "es")
    add_responses(session, keystore, "survivor", 2, {"help_story": "الشرطة جاءت"}, "ar")
    session.close()

    axe = Axe()
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP)
    page.goto("/staff/codebook")
    expect(page.get_by_text("Unlock the responses to see how many answers")).to_be_visible()
    page.goto("/staff/unlock")
    page.get_by_label("Data passphrase").fill(FACILITATOR_PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    page.goto("/staff/codebook")
    expect(page.get_by_role("columnheader", name="Answers matched").first).to_be_visible()
    expect(page.get_by_text("from the 5 free-text answers now unlocked")).to_be_visible()
    problems = []
    for where in ("/staff/codebook", "/staff/codebook/part?key=police"):
        page.goto(where)
        if where.endswith("police"):
            page.locator("details.pattern-use summary").first.click()
        result = axe.run(page)
        if result.violations_count:
            problems.append((where, result.generate_report()))
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            overflow = page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            assert not overflow, (where, width)
            if SHOTS:
                name = "codebook" if where.endswith("codebook") else "codebook-part"
                page.screenshot(path=f"{SHOTS}{name}-{width}.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not problems, problems
    context.close()


def test_word_senses_switch_off_without_javascript_and_read_well_in_arabic(
    browser: Browser, live_server: str, app: Flask
) -> None:
    session = db.get_database(app).session()
    keystore: Keystore = app.extensions["intake.keystore"]
    story = {"help_story": "I dropped the kids at school and he was waiting"}
    add_responses(session, keystore, "survivor", 2, story)
    add_responses(session, keystore, "survivor", 1, {"help_story": "وصلت الأولاد للمدرسة"}, "ar")
    session.close()

    axe = Axe()
    context = browser.new_context(
        base_url=live_server, viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    sign_in(page, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP)
    page.goto("/staff/unlock")
    page.get_by_label("Data passphrase").fill(FACILITATOR_PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    page.goto("/staff/codebook")
    title = (
        "A school named only as a place or a time (dropping the children at school, after school)"
    )
    box = page.get_by_role("checkbox", name=title)
    expect(box).to_be_checked()
    expect(page.get_by_text("Answers with these phrases: 3.").first).to_be_visible()
    box.uncheck()
    page.get_by_role("button", name="Save word senses").click()
    expect(page.get_by_text("Suggestions now use the word senses as switched")).to_be_visible()
    expect(page.get_by_role("checkbox", name=title)).not_to_be_checked()
    page.goto("/staff/themes/review")
    expect(page.locator("mark", has_text="school").first).to_be_visible()
    cookies = context.cookies()
    context.close()

    # axe runs in the page: a context with JavaScript (the same sign-in) for the checks.
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    context.add_cookies(cookies)  # type: ignore[arg-type]
    page = context.new_page()
    problems = []
    for language in ("en", "ar"):
        page.goto(f"/language/{language}?next=/staff/codebook")  # the language menu's link
        if language == "ar":
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
            expect(page.get_by_role("heading", name="معاني الكلمات")).to_be_visible()
        page.locator("details.sense__phrases summary").first.click()
        result = axe.run(page)
        if result.violations_count:
            problems.append((language, result.generate_report()))
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            overflow = page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            assert not overflow, (language, width)
            if SHOTS:
                page.locator("#senses").scroll_into_view_if_needed()
                page.screenshot(path=f"{SHOTS}codebook-senses-{language}-{width}.png")
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not problems, problems
    context.close()
