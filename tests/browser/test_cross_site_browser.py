"""Finding 10 in a real browser: what Chromium sends decides whether a GET may clear state.

The quick exit is a plain link (it must work without JavaScript). Followed from our own
page it clears the draft; reached from another site it must clear nothing.
"""

from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import Page
from sqlalchemy import func, select

from intake import db
from intake.models import Draft

from .test_survivor_browser import press, start

pytestmark = pytest.mark.browser


def _drafts(app: Flask) -> int:
    with db.get_database(app).session() as session:
        return session.scalar(select(func.count()).select_from(Draft)) or 0


def test_a_link_from_another_site_to_the_quick_exit_clears_nothing(
    phone: Page, app: Flask, neutral_site: str, live_server: str
) -> None:
    start(phone, app)
    press(phone, phone.get_by_role("button", name="Next"))
    assert _drafts(app) == 1
    # Another site (the neutral one stands in) sends the browser to our exit address
    phone.goto(neutral_site + "?elsewhere")
    exits: list[str] = []
    phone.on("response", lambda r: exits.append(r.url) if r.url.endswith("/exit") else None)
    with phone.expect_navigation(url=neutral_site):
        phone.evaluate(f"location.href = {live_server + '/exit'!r}")
    assert exits  # the browser did reach our exit address…
    assert _drafts(app) == 1  # …and it cleared nothing
    # Back on our page, the survivor's own quick-exit link still clears everything
    phone.goto(live_server + "/help")
    phone.get_by_role("link", name="Leave this site now").click()
    phone.wait_for_url(neutral_site)
    assert _drafts(app) == 0
