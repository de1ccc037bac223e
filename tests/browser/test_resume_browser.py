"""Finish later in a real browser: 320 px, with and without JavaScript, a new browser."""

from __future__ import annotations

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, expect

from intake import resume

from ..conftest import public_code
from .test_survivor_browser import JS_OFF, _axe_clean, fits, press

pytestmark = pytest.mark.browser


def phone_context(browser: Browser, live_server: str, javascript: bool) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, device_scale_factor=2, is_mobile=True,
        has_touch=True, base_url=live_server, java_script_enabled=javascript,
    )  # fmt: skip
    JS_OFF[id(context)] = not javascript
    return context


def only_the_session_cookie(context: BrowserContext) -> None:
    """Nothing written to the device but the one session cookie."""
    assert [cookie["name"] for cookie in context.cookies()] in ([], ["intake_session"])
    for cookie in context.cookies():
        assert cookie["expires"] == -1  # a browser-session cookie, gone when it closes


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_finish_later_then_continue_in_a_new_browser_and_send(
    browser: Browser, live_server: str, app: Flask, javascript: bool
) -> None:
    code = public_code(app)
    story = "Lo escribí en el autobús."
    # Given a respondent who answers part 1 and starts part 2
    first = phone_context(browser, live_server, javascript)
    page = first.new_page()
    page.goto(f"/s/{code}")
    press(page, page.get_by_role("button", name="Start"))
    press(page, page.get_by_role("button", name="I understand, start"))
    page.get_by_text("Spanish", exact=False).first.check()
    press(page, page.get_by_role("button", name="Next"))
    expect(page.get_by_text(re.compile(r"Part 2 of \d"))).to_be_visible()
    page.locator("textarea[name=help_story]").fill(story)
    # when she presses Finish later
    press(page, page.get_by_role("button", name="Finish later"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your answers are saved")
    words = page.locator(".phrase__word").all_inner_texts()
    assert len(words) == resume.WORDS
    assert all(word in resume.wordlist("en") for word in words)
    fits(page)
    if javascript:
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    only_the_session_cookie(first)
    # and leaves (the browser closes)
    first.close()

    # Then in a new browser, at the questionnaire's link, the phrase brings her back
    second = phone_context(browser, live_server, javascript)
    page = second.new_page()
    page.goto(f"/s/{code}")
    press(page, page.get_by_role("button", name="Return to saved answers"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Return to saved answers")
    fits(page)
    page.get_by_label("Your words").fill("  ".join(word.upper() for word in words))
    press(page, page.get_by_role("button", name="Continue", exact=True))
    expect(page.get_by_text(re.compile(r"Part 2 of \d"))).to_be_visible()
    expect(page.locator("textarea[name=help_story]")).to_have_value(story)
    # and she can go on and send her answers
    for _ in range(10):
        if page.get_by_role("button", name="Send my answers").count():
            break
        press(page, page.get_by_role("button", name=re.compile("^(Next|Check your answers)$")))
    expect(page.get_by_text(story)).to_be_visible()
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    only_the_session_cookie(second)
    second.close()


def test_the_phrase_page_and_the_resume_form_fit_phones_and_desktops_in_both_directions(
    browser: Browser, live_server: str, app: Flask
) -> None:
    """In English and Arabic (right to left), at 390 and 1280 px. Set INTAKE_SCREENSHOTS to a
    folder to keep screenshots for a person to look at."""
    code = public_code(app)
    shots = os.environ.get("INTAKE_SCREENSHOTS")
    axe = Axe()
    for language, width in (("en", 390), ("ar", 390), ("en", 1280)):
        context = browser.new_context(
            viewport={"width": width, "height": 900}, base_url=live_server
        )
        JS_OFF[id(context)] = False
        page: Page = context.new_page()
        page.goto(f"/s/{code}")
        if language != "en":
            press(page, page.locator(f"button[value='lang:{language}']").first)
        if shots:
            page.screenshot(path=f"{shots}/resume-welcome-{language}-{width}.png", full_page=True)
        press(page, page.locator("main button[value=start]"))
        press(page, page.locator("main button[value=consent]"))
        if shots:
            page.screenshot(path=f"{shots}/resume-part-{language}-{width}.png", full_page=True)
        press(page, page.locator("main button[value=later]"))
        expect(page.locator(".phrase__word")).to_have_count(resume.WORDS)
        _axe_clean(page, axe, "the phrase")
        assert page.locator(".phrase").get_attribute("lang") == language
        fits(page)
        if shots:
            page.screenshot(path=f"{shots}/resume-phrase-{language}-{width}.png", full_page=True)
        page.goto("/help")
        page.locator("a[href='/continue']").click()
        page.wait_for_load_state()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        fits(page)
        _axe_clean(page, axe, "the resume form")
        if shots:
            page.screenshot(path=f"{shots}/resume-form-{language}-{width}.png", full_page=True)
        context.close()
