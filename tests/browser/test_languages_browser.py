"""Languages in a real browser: Arabic laid out right to left, axe in non-Latin scripts,
complete journeys in Spanish and Arabic."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from intake.config import Config

from ..conftest import make_config, public_code
from .test_survivor_browser import press

pytestmark = pytest.mark.browser

LANGUAGES = Config.__dataclass_fields__["languages"].default


@pytest.fixture
def config(tmp_path, neutral_site: str, database_url: str) -> Config:  # type: ignore[no-untyped-def]
    return make_config(
        tmp_path, quick_exit_url=neutral_site, languages=LANGUAGES, database_url=database_url
    )


def open_in(browser: Browser, live_server: str, language: str, width: int = 360) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": 700}, base_url=live_server, is_mobile=True
    )
    page = context.new_page()
    page.goto(f"/language/{language}?next=/")
    return page


def walk(page: Page, app: Flask, visit=None) -> int:  # type: ignore[no-untyped-def]
    """Welcome -> consent -> every part -> review -> thanks, calling ``visit`` on each page."""
    page.goto(f"/s/{public_code(app)}")
    steps = 0
    for selector in (".button[value=start]", ".button[value=consent]"):
        if visit:
            visit(page)
        press(page, page.locator(selector))
    while page.locator(".button-group button[value=submit]").count() == 0:
        if visit:
            visit(page)
        steps += 1
        press(page, page.locator(".button-group button[value=next]"))
    if visit:
        visit(page)
    press(page, page.locator(".button-group button[value=submit]"))
    if visit:
        visit(page)
    return steps


def test_arabic_is_laid_out_right_to_left(browser: Browser, live_server: str, app: Flask) -> None:
    page = open_in(browser, live_server, "ar")
    page.goto(f"/s/{public_code(app)}")
    press(page, page.locator(".button[value=start]"))
    press(page, page.locator(".button[value=consent]"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    width = page.viewport_size["width"]  # type: ignore[index]

    def box(selector: str) -> dict[str, float]:
        found = page.locator(selector).first.bounding_box()
        assert found is not None, selector
        return found

    exit_button = box(".quick-exit")
    assert (
        exit_button["x"] + exit_button["width"] > width - 40
    )  # at the right, where reading starts
    progress = box(".progress")
    assert progress["x"] + progress["width"] > width - 40
    heading = box("h1")
    assert heading["x"] + heading["width"] > width - 40
    radio, label = box(".choice__input"), box(".choice__label")
    assert radio["x"] > label["x"]  # the control sits to the right of its label
    # Nothing spills sideways at phone width.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.context.close()


@pytest.mark.parametrize("language", ["ar", "zh"])
def test_axe_in_non_latin_scripts(
    browser: Browser, live_server: str, app: Flask, language: str
) -> None:
    axe = Axe()
    page = open_in(browser, live_server, language)
    problems: list[str] = []

    def check(current: Page) -> None:
        result = axe.run(current)
        if result.violations_count:
            problems.append(result.generate_report())

    page.goto("/help")
    check(page)
    walk(page, app, check)
    assert problems == []
    page.context.close()


@pytest.mark.parametrize(("language", "thanks"), [("es", "Gracias"), ("ar", None)])
def test_complete_journey(
    browser: Browser, live_server: str, app: Flask, language: str, thanks: str | None
) -> None:
    page = open_in(browser, live_server, language)
    steps = walk(page, app)
    assert steps >= 5
    heading = page.locator("h1").inner_text()
    if thanks:
        assert heading == thanks
    assert page.locator("html").get_attribute("lang") == language
    assert not re.search(r"Thank you|Part \d of", page.content())
    expect(page.locator(".resource-card").first).to_be_visible()
    page.context.close()
