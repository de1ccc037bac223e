"""An uploaded workbook that pipes an earlier answer into a label and filters a list by an
earlier answer, previewed in Spanish and in Arabic: the real pages show the answer (escaped)
and only the choices that match, with no script needed."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect

from ..xlsform_helpers import changed, in_seven_languages, pilot, row, to_xlsx
from .test_staff_browser import sign_in
from .test_survivor_browser import press

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOTS = "/tmp/xlsform2"  # noqa: S108 - screenshots to look at, as the brief asks
BUTTONS = {"es": "Español", "ar": "العربية"}  # the version page's preview buttons


def referral() -> dict[str, Any]:
    """The pilot's settings, with a name piped into a label and towns filtered by region."""
    sheets = copy.deepcopy(pilot())
    sheets["survey"] = [
        sheets["survey"][0],
        row(type="begin group", name="about", label_en="About you", label_es="Sobre usted"),
        row(type="text", name="call_me", label_en="What may we call you?",
            label_es="¿Cómo le llamamos?"),
        row(type="select_one regions", name="region", label_en="Where do you live?",
            label_es="¿Dónde vive?"),
        row(type="decimal", name="distance", label_en="How far away is help, in km?",
            label_es="¿A qué distancia está la ayuda, en km?", constraint=". > 0"),
        row(type="end group"),
        row(type="begin group", name="help", label_en="Help near you",
            label_es="Ayuda cerca de usted"),
        row(type="note", name="thanks", label_en="Thank you, ${call_me}.",
            label_es="Gracias, ${call_me}."),
        row(type="select_one towns", name="town",
            label_en="${call_me}, which town is nearest?",
            label_es="${call_me}, ¿qué pueblo le queda más cerca?"),
        row(type="end group"),
    ]  # fmt: skip
    sheets = changed(sheets, "survey", 9, "choice_filter", "region = ${region}")
    sheets["choices"] = [
        [*sheets["choices"][0], "region"],
        ["regions", "north", "North", "Norte", None],
        ["regions", "south", "South", "Sur", None],
        ["towns", "hilltop", "Hilltop", "Colina", "north"],
        ["towns", "riverside", "Riverside", "Ribera", "north"],
        ["towns", "harbour", "Harbour", "Puerto", "south"],
    ]
    return in_seven_languages(sheets)


def preview(page: Page, language: str, name: str, region: str) -> None:
    press(page, page.get_by_role("button", name=BUTTONS[language]))
    expect(page.locator(".notice--preview")).to_be_visible()
    press(page, page.locator("button.button[value=start]"))
    press(page, page.locator("button.button[value=consent]"))
    page.locator("input[name=call_me]").fill(name)
    page.locator(f"input[name=region][value={region}]").check()
    # A distance of 0 is refused (the workbook says more than 0); 2,5 is read as 2.5.
    page.locator("input[name=distance]").fill("0")
    press(page, page.locator("button.button[value=next]"))
    expect(page.locator("#distance-input")).to_have_attribute("inputmode", "decimal")
    expect(page.locator(".question--error")).to_have_count(1)
    page.screenshot(path=f"{SHOTS}-decimal-{language}-390.png", full_page=True)
    page.locator("input[name=distance]").fill("2,5")
    press(page, page.locator("button.button[value=next]"))


def test_piping_and_a_choice_filter_in_a_preview_in_two_languages(
    browser: Browser, live_server: str, app: Flask, admin: tuple[str, str, str]
) -> None:
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, *admin)
    page.goto("/staff/questionnaires")
    page.get_by_label("XLSForm workbook (.xlsx)").set_input_files(
        {"name": "pilot.xlsx", "mimeType": XLSX, "buffer": to_xlsx(referral())}
    )
    page.get_by_role("button", name="Upload and check").click()
    # Nothing is left out, so the draft's own page opens at once.
    expect(page.get_by_text("Saved as draft version 1.")).to_be_visible()
    # the team's page keeps the author's ${…} (never an answer) and says the list is filtered
    expect(page.get_by_text("${call_me}, which town is nearest?")).to_be_visible()
    expect(page.get_by_text("choices filtered by earlier answers")).to_be_visible()
    page.screenshot(path=f"{SHOTS}-version-390.png", full_page=True)

    # Spanish: her name (escaped, never markup) in the label, and only the southern town.
    preview(page, "es", "Ana <i>R</i>", "south")
    heading = page.locator("legend", has_text="qué pueblo le queda más cerca")
    expect(heading).to_have_text("Ana <i>R</i>, ¿qué pueblo le queda más cerca?")
    assert page.locator("legend i").count() == 0
    expect(page.locator("p.lead")).to_have_text("Gracias, Ana <i>R</i>.")  # a note, piped too
    expect(page.locator("input[name=town]:not([value=''])")).to_have_count(1)
    expect(page.get_by_label("Puerto")).to_be_visible()
    page.screenshot(path=f"{SHOTS}-piping-es-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=f"{SHOTS}-piping-es-1280.png", full_page=True)
    page.locator(".notice--preview a").click()

    # Arabic, right to left: the northern towns, in Arabic, under her name.
    preview(page, "ar", "ليلى", "north")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("legend", has_text="ليلى")).to_be_visible()
    expect(page.locator("input[name=town]:not([value=''])")).to_have_count(2)
    expect(page.get_by_label("Colina [ar]")).to_be_visible()
    expect(page.get_by_label("Puerto [ar]")).to_have_count(0)
    page.screenshot(path=f"{SHOTS}-piping-ar-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{SHOTS}-piping-ar-390.png", full_page=True)
    # A town from the other region, forged into the form, is refused on the server.
    page.locator("input[name=town]").first.evaluate("el => el.value = 'harbour'")
    page.locator("input[name=town]").first.check()
    press(page, page.locator("button.button[value=next]"))
    expect(page.locator(".question--error")).to_be_visible()
    context.close()
