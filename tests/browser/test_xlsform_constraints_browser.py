"""An uploaded workbook with a choice count, a text pattern and a day limit, previewed in
Spanish and in Arabic: wrong answers come back as field errors in her language, checked on
the server (no script), and right ones go through."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from ..xlsform_helpers import in_seven_languages, pilot, row, to_xlsx
from .test_staff_browser import sign_in
from .test_survivor_browser import press

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOTS = "/tmp/xlsform3"  # noqa: S108 - screenshots to look at, as the brief asks
BUTTONS = {"es": "Español", "ar": "العربية"}  # the version page's preview buttons
ERRORS = {
    "es": ("Elija de 1 a 2 de estas opciones.", "Revise esta respuesta"),
    "ar": ("يرجى اختيار من 1 إلى 2 من هذه الخيارات.", "يرجى مراجعة هذه الإجابة"),
}


def checks() -> dict[str, Any]:
    sheets = copy.deepcopy(pilot())
    sheets["survey"] = [
        sheets["survey"][0],
        row(type="begin group", name="about", label_en="About you", label_es="Sobre usted"),
        row(type="select_multiple places", name="places", label_en="Where did you go?",
            label_es="¿A dónde fue?", constraint="count-selected(.) <= 2"),
        row(type="text", name="postcode", label_en="Postcode", label_es="Código postal",
            constraint="string-length(.) <= 8 and regex(., '^[0-9]{5}$')"),
        row(type="date", name="since", label_en="Since when?", label_es="¿Desde cuándo?",
            constraint=". >= date('2020-01-01') and . <= today()"),
        row(type="end group"),
    ]  # fmt: skip
    return in_seven_languages(sheets)


def preview(page: Page, language: str) -> None:
    press(page, page.get_by_role("button", name=BUTTONS[language]))
    press(page, page.locator("button.button[value=start]"))
    press(page, page.locator("button.button[value=consent]"))
    for place in ("police", "court", "shelter"):
        page.locator(f"input[name=places][value={place}]").check()
    page.locator("input[name=postcode]").fill("AB 12")
    page.locator("input[name=since]").fill("2019-12-31")
    press(page, page.locator("button.button[value=next]"))
    expect(page.locator(".question--error")).to_have_count(3)
    count_error, pattern_error = ERRORS[language]
    expect(page.get_by_text(count_error).first).to_be_visible()
    expect(page.get_by_text(pattern_error).first).to_be_visible()


def test_constraints_are_field_errors_in_her_language(
    browser: Browser, live_server: str, app: Flask, admin: tuple[str, str, str]
) -> None:
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, *admin)
    page.goto("/staff/questionnaires")
    page.get_by_label("XLSForm workbook (.xlsx)").set_input_files(
        {"name": "checks.xlsx", "mimeType": XLSX, "buffer": to_xlsx(checks())}
    )
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("Saved as draft version 1.")).to_be_visible()

    preview(page, "es")
    page.screenshot(path=f"{SHOTS}-errors-es-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=f"{SHOTS}-errors-es-1280.png", full_page=True)
    # Right answers go through to the next page.
    page.locator("input[name=places][value=shelter]").uncheck()
    page.locator("input[name=postcode]").fill("12345")
    page.locator("input[name=since]").fill("2021-06-01")
    press(page, page.locator("button.button[value=next]"))
    expect(page.locator(".question--error")).to_have_count(0)
    expect(page.locator("input[name=postcode]")).to_have_count(0)
    page.locator(".notice--preview a").click()

    preview(page, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.screenshot(path=f"{SHOTS}-errors-ar-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{SHOTS}-errors-ar-390.png", full_page=True)
    context.close()
