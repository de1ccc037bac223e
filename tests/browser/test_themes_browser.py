"""The themes dashboard and a published report in Chromium: axe at zero violations on every
analysis page; layout at 390 and 1280 px (nothing wider than the screen, no table cell
narrower than its longest word, chart text at least 12 px); the report printed to PDF
within 12 pages with its cover, at 25 and 400 synthetic responses of the shipped survivor
questionnaire. Set INTAKE_SCREENSHOTS to a folder to keep screenshots and PDFs to look at."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, expect

from bench import synthetic
from intake import db
from intake.keystore import Keystore
from intake.staff.auth import create_user

from ..conftest import FACILITATOR_PASSPHRASE, FACILITATOR_PASSWORD, FACILITATOR_TOTP, TEST_KDF
from ..test_themes import add_responses
from .test_staff_browser import sign_in

pytestmark = pytest.mark.browser


def test_dashboard_review_publish_and_print(
    browser: Browser, live_server: str, app: Flask, tmp_path
) -> None:
    session = db.get_database(app).session()
    keystore: Keystore = app.extensions["intake.keystore"]
    police = {
        "interventions_contacted": ["police"],
        "police_effect": "made_less_safe",
        "help_story": "La policía no me creyó y tuve más miedo.",
    }
    add_responses(session, keystore, "survivor", 6, police, "es")
    add_responses(session, keystore, "advocate", 2, {"police_effect": "made_safer"}, "ar")
    create_user(session, "vic", "vic-password-1", "viewer", kdf=TEST_KDF)
    session.commit()
    session.close()

    axe = Axe()
    problems = []
    context = browser.new_context(base_url=live_server, viewport={"width": 1100, "height": 900})
    page = context.new_page()

    def check(where: str) -> None:
        result = axe.run(page)
        if result.violations_count:
            problems.append((where, result.generate_report()))

    sign_in(page, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP)
    page.goto("/staff/unlock")
    page.get_by_label("Data passphrase").fill(FACILITATOR_PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("heading", name="Themes", exact=True)).to_be_visible()
    expect(page.locator(".chart").first).to_be_visible()
    check("dashboard")

    page.get_by_role("link", name="Review suggested codes").click()
    check("review queue")
    page.get_by_label("Code", exact=True).first.select_option("police.made_less_safe")
    page.get_by_role("button", name="Filter").click()
    for _ in range(6):
        page.get_by_role("button", name="Confirm").first.click()
        expect(page.get_by_text("Saved.")).to_be_visible()
    page.get_by_label("Show", exact=True).select_option("confirmed")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("button", name="Approve as a quote").first.click()
    check("review after decisions")

    for path in ("/staff/data/points", "/staff/themes/emerging", "/staff/codebook",
                 "/staff/codebook/part?key=police"):  # fmt: skip
        page.goto(path)
        check(path)

    page.goto("/staff/data")
    page.get_by_label("Report title").fill("Autumn listening")
    page.get_by_role("button", name="Publish report").click()
    expect(page.get_by_role("heading", name="Autumn listening")).to_be_visible()
    context.close()

    # A viewer, with no key, opens and prints the report.
    context = browser.new_context(base_url=live_server, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    sign_in(page, "vic", "vic-password-1")
    page.get_by_role("link", name=re.compile("Open the latest report")).click()
    expect(page.get_by_role("heading", name="Autumn listening")).to_be_visible()
    expect(page.get_by_text("La policía no me creyó y tuve más miedo.")).to_be_visible()
    check("viewer report")
    page.emulate_media(media="print")
    expect(page.locator(".staff-nav")).to_be_hidden()
    expect(page.locator(".confidential")).to_be_visible()
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 2
    printed = [page for page in _pdf_text(pdf).split("\f") if page.strip()]
    assert len(printed) == pages
    # The confidentiality line on the cover, clear of any other text.
    assert "confidential" in printed[0].lower()
    assert not _overlapping(page, ".report-cover .confidential")
    context.close()
    assert not problems, problems


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    """Text of a PDF through poppler's pdftotext (Debian poppler-utils)."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


# What a reader of the page would find broken, measured in the page itself.
LAYOUT_PROBLEMS = """() => {
  const width = document.documentElement.clientWidth;
  const seen = (el) => { const r = el.getBoundingClientRect(); return r.width > 1 && r.height > 1; };
  const overflowing = [];
  for (const el of document.querySelectorAll('.main *')) {
    // A table may scroll inside its own box; that box must fit.
    if (el.parentElement.closest('.table-scroll') || !seen(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 || r.left < -1) overflowing.push(el.tagName + ' ' + el.className);
  }
  const ctx = document.createElement('canvas').getContext('2d');
  const narrow = [];
  for (const cell of document.querySelectorAll('.data-table th, .data-table td')) {
    // Headings kept for screen readers only (a stacked table on a phone) are not read.
    if (!seen(cell) || getComputedStyle(cell.closest('tr')).position === 'absolute') continue;
    const cs = getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(cs.paddingInlineStart) - parseFloat(cs.paddingInlineEnd);
    // Each word measured in its own element's font (a hidden cell's link is italic).
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const fs = getComputedStyle(node.parentElement);
      ctx.font = fs.fontStyle + ' ' + fs.fontWeight + ' ' + fs.fontSize + ' ' + fs.fontFamily;
      for (const word of node.textContent.split(/\\s+/)) {
        if (word && ctx.measureText(word).width > room + 1) narrow.push(word);
      }
    }
  }
  const small = [];
  for (const el of document.querySelectorAll('.chart *, .data-table *')) {
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (text && seen(el) && parseFloat(getComputedStyle(el).fontSize) < 12) small.push(el.className);
  }
  return {overflowing, narrow, small};
}"""

OVERLAP = """(selector) => {
  const mine = document.querySelector(selector).getBoundingClientRect();
  const hits = [];
  for (const el of document.querySelectorAll('.main h1, .main h2, .main p, .main li')) {
    if (el.matches(selector) || el.contains(document.querySelector(selector))) continue;
    const r = el.getBoundingClientRect();
    if (r.width && r.height && r.left < mine.right && mine.left < r.right && r.top < mine.bottom && mine.top < r.bottom) hits.push(el.tagName);
  }
  return hits;
}"""


def _overlapping(page, selector: str) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate(OVERLAP, selector)


def _layout(page) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return page.evaluate(LAYOUT_PROBLEMS)


def _keep(page, name: str) -> None:  # type: ignore[no-untyped-def]
    folder = os.environ.get("INTAKE_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
        (Path(folder) / f"{name}.html").write_text(page.content())


@pytest.mark.parametrize("count", [25, 400])
def test_dashboard_and_report_read_well_at_real_sizes(
    browser: Browser, live_server: str, app: Flask, tmp_path: Path, count: int
) -> None:
    session = db.get_database(app).session()
    synthetic.seal(session, app.extensions["intake.keystore"], count, audiences=("survivor",))
    session.close()
    axe = Axe()
    problems: list[tuple[str, object]] = []
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP)
    page.goto("/staff/unlock")
    page.get_by_label("Data passphrase").fill(FACILITATOR_PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("heading", name="Key findings")).to_be_visible()
    # The page's width on a desktop: the figures use far more than the 40rem column.
    assert page.locator(".report-figure").first.bounding_box()["width"] > 1000

    def look(where: str) -> None:
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            found = _layout(page)
            if any(found.values()):
                problems.append((f"{where} at {width}", found))
            result = axe.run(page)
            if result.violations_count:
                problems.append((f"{where} at {width}", result.generate_report()))
            _keep(page, f"teamview-{where}-{count}-{width}")
        page.set_viewport_size({"width": 1280, "height": 900})

    look("dashboard")
    page.goto("/staff/data/points?point=police")
    look("points")
    page.goto("/staff/themes/review")
    look("review")
    page.goto("/staff/data")
    page.get_by_label("Report title").fill(f"Listening round of {count}")
    page.get_by_role("button", name="Publish report").click()
    expect(page.get_by_role("heading", name=f"Listening round of {count}")).to_be_visible()
    look("report")

    page.emulate_media(media="print")
    words = set(page.locator(".data-table th").all_inner_texts())
    for paper in ("A4", "Letter"):
        pdf = tmp_path / f"report-{paper}.pdf"
        page.pdf(path=str(pdf), format=paper, print_background=True)
        pages = [p for p in _pdf_text(pdf).split("\f") if p.strip()]
        assert 2 <= len(pages) <= 12, (paper, len(pages))
        assert "confidential" in pages[0].lower()
        # No word broken across lines: every word of every table heading is whole in print.
        text = " ".join(pages)
        broken = {w for label in words for w in re.findall(r"\w{4,}", label) if w not in text}
        assert not broken, broken
        folder = os.environ.get("INTAKE_SCREENSHOTS")
        if folder:
            (Path(folder) / f"teamview-report-{count}-{paper}.pdf").write_bytes(pdf.read_bytes())
    assert not _overlapping(page, ".report-cover .confidential")
    context.close()
    assert not problems, problems
