"""The survivor's path in a real browser: phone-sized, keyboard, no JavaScript, axe."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, Locator, Page, expect

from ..conftest import public_code

pytestmark = pytest.mark.browser


JS_OFF: dict[int, bool] = {}


def press(page: Page, locator: Locator) -> None:
    """Click a form button and wait until the next page has replaced this one.

    With JavaScript the page is replaced after a fetch, so the click alone does not wait.
    """
    if not JS_OFF.get(id(page.context)):
        page.evaluate("document.documentElement.dataset.stale = '1'")
        locator.click()
        # A locator, not wait_for_function: the CSP (rightly) forbids eval.
        expect(page.locator("html[data-stale]")).to_have_count(0)
    else:
        with page.expect_navigation():
            locator.click()
    page.wait_for_load_state()


def fits(page: Page) -> None:
    """WCAG 1.4.10 reflow: nothing scrolls sideways at the viewport's width."""
    width = page.viewport_size["width"] if page.viewport_size else 320
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def go_to_review(page: Page, answer: Callable[[Page], None] | None = None) -> None:
    for _ in range(15):
        if not JS_OFF.get(id(page.context)):
            fits(page)
        if page.get_by_role("button", name="Send my answers").count():
            return
        if answer:
            answer(page)
        press(page, page.get_by_role("button", name=re.compile("^(Next|Check your answers)$")))
    raise AssertionError("never reached the review page")


def start(page: Page, app: Flask) -> None:
    page.goto(f"/s/{public_code(app)}")
    press(page, page.get_by_role("button", name="Start", exact=True))
    press(page, page.get_by_role("button", name="I understand, start"))
    expect(page.get_by_text(re.compile(r"Part 1 of \d"))).to_be_visible()


def test_phone_completes_the_survivor_questionnaire(phone: Page, app: Flask) -> None:
    start(phone, app)
    # Nothing scrolls sideways on a 320-pixel screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320

    def answer(page: Page) -> None:
        box = page.locator("textarea[name=anything_else]")
        if box.count():
            box.fill("Dígame más — thank you.")

    phone.get_by_text("Spanish", exact=False).first.check()
    go_to_review(phone, answer)
    expect(phone.get_by_text("Dígame más — thank you.")).to_be_visible()
    press(phone, phone.get_by_role("button", name="Send my answers"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you")
    assert "Dígame" not in phone.content()


def _exits(page: Page, neutral: str) -> None:
    page.wait_for_url(neutral)
    expect(page.get_by_role("heading", name="Forecast")).to_be_visible()
    # Back does not return into the survey.
    page.go_back()
    assert "/s/" not in page.url
    assert "Part 1 of" not in page.content()


def test_quick_exit_button_leaves_no_way_back(phone: Page, app: Flask, neutral_site: str) -> None:
    start(phone, app)
    press(phone, phone.get_by_role("button", name="Next"))
    phone.get_by_role("link", name="Leave this site now").click()
    _exits(phone, neutral_site)


@pytest.mark.parametrize("keys", [["Escape"], ["Shift", "Shift", "Shift"]])
def test_quick_exit_by_keyboard(
    phone: Page, app: Flask, keys: list[str], neutral_site: str
) -> None:
    start(phone, app)
    for key in keys:
        phone.keyboard.press(key)
    _exits(phone, neutral_site)


def test_error_summary_takes_focus(phone: Page, app: Flask) -> None:
    start(phone, app)
    for _ in range(5):
        press(phone, phone.get_by_role("button", name="Next"))
    phone.locator("textarea[name=ideas_for_change]").fill("x" * 3001)
    press(phone, phone.get_by_role("button", name="Check your answers"))
    expect(phone.locator(".error-summary")).to_be_focused()
    phone.get_by_role("link", name=re.compile("Please shorten")).click()
    expect(phone.locator("#ideas_for_change-input")).to_be_focused()
    expect(phone.locator("#ideas_for_change-input")).to_have_value("x" * 3001)


def test_zoomed_to_200_percent(browser: Browser, live_server: str, app: Flask) -> None:
    """A 1280-pixel screen at 200 % zoom lays out like a 640-pixel one: check it reflows."""
    context = browser.new_context(viewport={"width": 640, "height": 400}, base_url=live_server)
    page = context.new_page()
    start(page, app)
    go_to_review(page)
    fits(page)
    expect(page.get_by_role("link", name="Leave this site now")).to_be_in_viewport()
    context.close()


def test_typing_capital_letters_does_not_exit(phone: Page, app: Flask) -> None:
    start(phone, app)
    for _ in range(5):
        press(phone, phone.get_by_role("button", name="Next"))
    box = phone.locator("textarea[name=ideas_for_change]")
    box.click()
    # Shift+letter three times and more, fast, as in "My Ex And Then".
    box.press_sequentially("My Ex And Then Later", delay=20)
    phone.wait_for_timeout(300)
    assert "/s/" in phone.url
    expect(box).to_have_value("My Ex And Then Later")


def test_two_shift_presses_do_not_exit(phone: Page, app: Flask) -> None:
    start(phone, app)
    phone.keyboard.press("Shift")
    phone.keyboard.press("Shift")
    phone.wait_for_timeout(300)
    assert "/s/" in phone.url


def test_completes_with_javascript_disabled(
    browser: Browser, live_server: str, app: Flask, neutral_site: str
) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=live_server)
    JS_OFF[id(context)] = True
    page = context.new_page()
    start(page, app)
    page.get_by_label("Spanish", exact=False).first.check()
    press(page, page.get_by_role("button", name="Next"))
    expect(page.get_by_text(re.compile(r"Part 2 of"))).to_be_visible()
    press(page, page.get_by_role("button", name="Back"))
    expect(page.get_by_label("Spanish", exact=False).first).to_be_checked()
    go_to_review(page)
    expect(page.get_by_text("Spanish", exact=False).first).to_be_visible()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    # The quick exit still works as a plain link.
    page.get_by_role("link", name="Leave this site now").click()
    page.wait_for_url(neutral_site)
    context.close()


def _axe_clean(page: Page, axe: Axe, where: str) -> None:
    results = axe.run(page)
    assert results.violations_count == 0, f"{where}: {results.generate_report()}"


@pytest.mark.parametrize("language", ["en", "es"])
def test_axe_finds_no_violations_on_any_public_page(
    browser: Browser, live_server: str, app: Flask, language: str
) -> None:
    axe = Axe()
    context = browser.new_context(base_url=live_server, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(f"/language/{language}?next=/")
    for path in ("/", "/help", "/no-such-page"):
        page.goto(path)
        _axe_clean(page, axe, path)
    page.goto(f"/s/{public_code(app)}")
    _axe_clean(page, axe, "welcome")
    press(page, page.locator(".button[value=start]"))
    _axe_clean(page, axe, "consent")
    press(page, page.locator(".button[value=consent]"))
    seen = 0
    while page.locator("button[value=submit]").count() == 0:
        _axe_clean(page, axe, f"part {seen + 1}")
        seen += 1
        press(page, page.locator(".button-group button[value=next]"))
    # A page showing a validation error.
    press(page, page.locator("button[value='goto:barriers_and_change']"))
    page.locator("textarea").first.fill("x" * 3100)
    press(page, page.locator(".button-group button[value=next]"))
    expect(page.locator(".error-summary")).to_be_visible()
    _axe_clean(page, axe, "error summary")
    page.locator("textarea").first.fill("")
    press(page, page.locator(".button-group button[value=next]"))
    _axe_clean(page, axe, "review")
    press(page, page.locator(".button-group button[value=submit]"))
    _axe_clean(page, axe, "thanks")
    assert seen >= 5
    context.close()
