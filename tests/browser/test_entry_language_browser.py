"""Hand-over in a real browser: the participant reads Somali, leaves with quick exit, and the
locked screen she lands on is in Somali too (it used to fall back to English)."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Page, expect

from intake import db, i18n
from intake.models import Program
from intake.staff.auth import create_user

from ..conftest import TEST_KDF

pytestmark = pytest.mark.browser


def somali(message: str) -> str:
    return i18n.catalog_text("so", message)


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


def hand_over(page: Page, advocate: tuple[str, str], language: str) -> None:
    page.goto("/staff/login")
    page.get_by_label("Username").fill(advocate[0])
    page.get_by_label("Password").fill(advocate[1])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    page.get_by_role("link", name="Hand this device to a participant").click()
    page.get_by_label("The participant's language").select_option(language)
    page.get_by_role("button", name="Sign out and hand over").click()
    expect(page).to_have_url(re.compile(r"/s/[\w-]+$"))


def answer_then_leave(page: Page) -> None:
    page.locator("button.button[value=start]").click()
    page.locator("button.button[value=consent]").click()
    expect(page.locator("html")).to_have_attribute("lang", "so")
    page.locator("input[type=radio]").first.check()
    page.keyboard.press("Escape")  # quick exit, as a participant would
    expect(page).to_have_url(re.compile(r"/staff/locked$"))


def assert_locked_in_somali(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "so")
    expect(page.get_by_role("heading", level=1)).to_have_text(somali("This device is locked"))
    body = page.locator("body").inner_text()
    for english in (
        "This device is locked",
        "Thank you. Please give the device back to the staff member.",
        "Staff sign in",
        "Skip to main content",
    ):
        assert english not in body
    assert somali("Staff sign in") in body
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


def test_hand_over_in_somali_then_quick_exit_locks_in_somali(
    phone: Page, advocate: tuple[str, str]
) -> None:
    # Given an advocate who hands the phone over, choosing Somali for the participant
    hand_over(phone, advocate, "so")
    expect(phone.locator("html")).to_have_attribute("lang", "so")
    # When she starts, answers, and leaves with Escape
    answer_then_leave(phone)
    # Then the locked screen speaks Somali, and no staff page is open behind it
    assert_locked_in_somali(phone)
    phone.goto("/staff/")
    expect(phone).to_have_url(re.compile(r"/staff/login"))


def test_a_participant_who_chooses_somali_herself_is_locked_out_in_somali(
    phone: Page, advocate: tuple[str, str]
) -> None:
    # Given a hand-over in the advocate's English, and a participant who picks Somali
    hand_over(phone, advocate, "en")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    phone.locator("button.button[value='lang:so']").click()
    # When she leaves with quick exit in the middle of her answers
    answer_then_leave(phone)
    # Then the locked screen is not English
    assert_locked_in_somali(phone)
