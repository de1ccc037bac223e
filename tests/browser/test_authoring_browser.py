"""Questionnaire authoring in a real browser: an admin uploads a broken workbook, then a good
one, previews it in Arabic, publishes it; respondents then answer it on phones in Spanish and
in Arabic. axe checks every authoring page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, select

from intake import db
from intake.models import Questionnaire, QuestionnaireVersion, Response

from ..xlsform_helpers import changed, in_seven_languages, inserted, pilot, to_xlsx
from .test_staff_browser import sign_in
from .test_survivor_browser import press

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def answer_in(page: Page, code: str, language: str, story: str) -> None:
    """A respondent on a phone: choose the language, consent, answer, send."""
    page.goto(f"/s/{code}")
    press(page, page.locator(f"button[value='lang:{language}']").first)
    expect(page.locator("html")).to_have_attribute("lang", language)
    press(page, page.locator("button.button[value=start]"))
    press(page, page.locator("button.button[value=consent]"))
    page.locator("input[name=helped][value=yes]").check()
    press(page, page.locator("button.button[value=next]"))
    # The follow-up appears on the same page once "yes" is saved (no JavaScript needed).
    page.locator("input[name=places][value=police]").check()
    press(page, page.locator("button.button[value=next]"))
    page.locator("textarea[name=story]").fill(story)
    press(page, page.locator("button.button[value=next]"))
    expect(page.locator("button.button[value=submit]")).to_be_visible()
    expect(page.get_by_text(story)).to_be_visible()
    press(page, page.locator("button.button[value=submit]"))
    expect(page.locator("h1")).to_be_visible()
    assert story not in page.content()


def test_admin_uploads_previews_and_publishes_then_two_languages_answer(
    browser: Browser, live_server: str, app: Flask, admin: tuple[str, str, str], phone: Page
) -> None:
    axe = Axe()
    problems: list[tuple[str, str]] = []
    context = browser.new_context(base_url=live_server, viewport={"width": 1024, "height": 800})
    page = context.new_page()

    def check(where: str) -> None:
        result = axe.run(page)
        if result.violations_count:
            problems.append((where, result.generate_report()))

    sign_in(page, *admin)
    page.get_by_role("link", name="Questionnaires").click()
    check("questionnaires")

    # A broken workbook: the problems are listed, with where they are, and nothing is saved.
    broken = to_xlsx(changed(pilot(), "survey", 7, "type", "time"))
    page.get_by_label("XLSForm workbook (.xlsx)").set_input_files(
        {"name": "pilot.xlsx", "mimeType": XLSX, "buffer": broken}
    )
    page.get_by_role("button", name="Upload and check").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("The workbook was not saved")
    expect(summary).to_contain_text("Times of day are not asked")
    check("upload problems")

    # The corrected workbook, as KoboToolbox writes it (a deviceid row), becomes draft
    # version 1; the device row is left out and the page says so before anything else.
    kobo = inserted(in_seven_languages(pilot()), "survey", 2, type="deviceid", name="deviceid")
    page.get_by_label("XLSForm workbook (.xlsx)").set_input_files(
        {"name": "pilot.xlsx", "mimeType": XLSX, "buffer": to_xlsx(kobo)}
    )
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("heading", name="Saved as draft version 1 of pilot")).to_be_visible()
    expect(page.get_by_role("region", name="1 part of the workbook is left out")).to_contain_text(
        "never recorded, because it could identify a respondent"
    )
    check("upload with warnings")
    page.get_by_role("link", name="Open the draft to preview it").click()
    expect(page.get_by_role("button", name="Publish version 1")).to_be_visible()
    check("draft version")

    # Preview in Spanish: the title is the workbook's Spanish one.
    press(page, page.get_by_role("button", name="Español"))
    expect(page.locator(".notice--preview")).to_be_visible()
    # The landing names no questionnaire (nothing on it may tell the topic); after Start,
    # the consent page carries the workbook's Spanish title.
    expect(page.get_by_text("Piloto")).to_have_count(0)
    press(page, page.locator("button.button[value=start]"))
    expect(page.get_by_text("Piloto").first).to_be_visible()
    page.locator(".notice--preview a").click()

    # Preview in Arabic: right to left, the real pages, and a banner; nothing is stored.
    press(page, page.get_by_role("button", name="العربية"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".notice--preview")).to_be_visible()
    check("preview welcome (ar)")
    press(page, page.locator("button.button[value=start]"))
    press(page, page.locator("button.button[value=consent]"))
    expect(page.get_by_text("Algunas preguntas son difíciles. [ar]")).to_be_visible()
    check("preview part (ar)")
    press(page, page.locator("button.button[value=next]"))  # the only part: to the review
    press(page, page.locator("button.button[value=submit]"))
    expect(page.locator(".notice--preview")).to_be_visible()
    page.locator(".notice--preview a").click()

    # Publish, in English again.
    page.goto("/language/en?next=/staff/questionnaires/pilot/1")
    page.get_by_role("button", name="Publish version 1").click()
    expect(page.get_by_text("Published: new respondents now get version 1.")).to_be_visible()
    context.close()

    session = db.get_database(app).session()
    code = session.scalar(select(Questionnaire.public_code).where(Questionnaire.key == "pilot"))
    assert session.scalar(select(func.count(Response.id))) == 0  # the preview stored nothing
    session.close()

    answer_in(phone, code, "es", "Me escucharon en el refugio.")
    phone.context.clear_cookies()
    answer_in(phone, code, "ar", "استمعوا إليّ في الملجأ.")

    session = db.get_database(app).session()
    stored = session.scalar(
        select(func.count(Response.id))
        .join(QuestionnaireVersion)
        .join(Questionnaire)
        .where(Questionnaire.key == "pilot")
    )
    session.close()
    assert stored == 2
    assert problems == []
