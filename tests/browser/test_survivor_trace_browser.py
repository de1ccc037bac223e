"""Issue 21 in a real browser, on a 320-pixel phone, with JavaScript on and off: nothing that
names the topic survives a quick exit; follow-up questions are announced; the small points
(character count, error links in view, the scale on one line, tap targets)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, expect

from intake.config import Config

from ..conftest import public_code
from .test_survivor_browser import JS_OFF, press, start

pytestmark = pytest.mark.browser

NEUTRAL_TITLE = {"en": "Community listening", "ar": "الاستماع إلى المجتمع"}

# Words that tell someone looking over a shoulder (or at the history) what this site is about,
# in every shipped language. Matched case-insensitively inside titles and headings.
TOPIC_WORDS = (
    # English
    "violence", "violent", "abuse", "abusive", "safety", "safe", "survivor", "police",
    "domestic", "assault", "harm", "hotline", "your voice",
    # Spanish
    "violencia", "abuso", "maltrato", "seguridad", "segura", "seguro", "sobreviviente",
    "policía", "su voz",
    # Somali
    "rabshad", "xadgudub", "badbaado", "ammaan", "booliis",
    # Vietnamese
    "bạo lực", "lạm dụng", "an toàn", "sống sót", "cảnh sát",
    # Chinese
    "暴力", "虐待", "安全", "幸存", "警察",
    # Arabic
    "عنف", "العنف", "إساءة", "الإساءة", "أمان", "الأمان", "آمن", "ناج", "شرطة", "الشرطة",
    # Hmong
    "kev ua phem", "tsim txom", "nyab xeeb", "tub ceev xwm",
)  # fmt: skip


def topic_words_in(text: str) -> list[str]:
    folded = text.casefold()
    return [word for word in TOPIC_WORDS if re.search(rf"(?<!\w){re.escape(word)}", folded)]


def titles_and_headings(page: Page) -> list[str]:
    return [page.title(), *page.locator("h1, h2, h3, h4, h5, h6").all_inner_texts()]


@pytest.fixture(params=["js", "no-js"])
def phone_context(request: pytest.FixtureRequest, browser: Browser, live_server: str) -> Iterator[BrowserContext]:  # fmt: skip
    """A 320-pixel phone, with JavaScript on or off."""
    javascript = request.param == "js"
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, device_scale_factor=2, is_mobile=True,
        has_touch=True, base_url=live_server, java_script_enabled=javascript,
    )  # fmt: skip
    JS_OFF[id(context)] = not javascript
    yield context
    JS_OFF.pop(id(context), None)
    context.close()


def axe_clean(page: Page, where: str) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, f"{where}: {results.generate_report()}"


def choose_language(page: Page, language: str) -> None:
    press(page, page.locator(f".language-choices button[value='lang:{language}']"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_after_quick_exit_back_shows_nothing_that_names_the_topic(
    phone_context: BrowserContext, app: Flask, neutral_site: str, language: str
) -> None:
    page = phone_context.new_page()
    seen: list[str] = []  # every title the history list could have recorded
    # Given someone who arrives from an everyday site, chooses a language and starts
    page.goto(neutral_site)
    page.goto(f"/s/{public_code(app)}")
    choose_language(page, language)
    assert topic_words_in(" ".join(titles_and_headings(page))) == []
    seen.append(page.title())
    press(page, page.locator(".button[value=start]"))
    # (The topic appears only now, after Start: the consent page names the questionnaire.)
    seen.append(page.title())
    press(page, page.locator(".button[value=consent]"))
    for _ in range(3):
        seen.append(page.title())
        press(page, page.locator(".button-group button[value=next]"))
    seen.append(page.title())
    # Every page had the same neutral title, never a part's name.
    assert set(seen) == {NEUTRAL_TITLE[language]}

    # When she leaves by the button
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(neutral_site)

    # Then going Back, again and again, shows only neutral titles and headings
    visited: list[str] = []
    for _ in range(12):
        if page.go_back(wait_until="load") is None or page.url == "about:blank":
            break  # nothing further back
        visited.append(page.url)
        shown = titles_and_headings(page)
        assert topic_words_in(" ".join(shown)) == [], (page.url, shown)
        assert "Part 1 of" not in page.content()
    survey_pages = [url for url in visited if "/s/" in url]
    if JS_OFF[id(phone_context)]:
        # Each step was a history entry: all of them now show the neutral landing.
        assert len(survey_pages) >= 5
    else:
        # With JavaScript the survey was one entry, and the exit replaced it.
        assert survey_pages == []
    assert visited[-1].startswith(neutral_site)


def test_the_landing_names_no_topic_in_any_language(
    phone_context: BrowserContext, app: Flask, config: Config
) -> None:
    page = phone_context.new_page()
    page.goto(f"/s/{public_code(app)}")
    for language in config.languages:
        choose_language(page, language)
        shown = " ".join([*titles_and_headings(page), page.locator("main, footer").all_inner_texts()[0]])  # fmt: skip
        assert topic_words_in(shown) == [], (language, shown)
        expect(page.locator(".button[value=start]")).to_be_visible()


def test_follow_up_questions_are_announced_where_they_appear(
    phone_context: BrowserContext, app: Flask
) -> None:
    page = phone_context.new_page()
    start(page, app)
    press(page, page.locator(".button-group button[value=next]"))
    expect(page.get_by_text(re.compile(r"Part 2 of"))).to_be_visible()
    # When "Yes" adds two questions to this part
    page.locator("input[name=help_sought][value=yes]").check()
    press(page, page.locator(".button-group button[value=next]"))
    # Then the same part says so just above them, in a status region, and the page is there
    notice = page.locator("#more")
    expect(notice).to_have_attribute("role", "status")
    expect(notice).to_have_text("Because of your answer, there are 2 more questions below.")
    expect(notice).to_be_in_viewport()
    following = notice.locator("xpath=following::*[contains(@class,'question')][1]//input")
    expect(following.first).to_have_attribute("name", "help_places_count")
    if JS_OFF[id(phone_context)]:
        assert page.url.endswith("#more")
    else:
        expect(notice).to_be_focused()
        axe_clean(page, "follow-ups announced")
    # And the announcement is said once: going on, nothing is announced.
    press(page, page.locator(".button-group button[value=next]"))
    expect(page.locator("#more")).to_have_count(0)


def test_one_follow_up_is_announced_in_the_singular(
    phone_context: BrowserContext, app: Flask
) -> None:
    page = phone_context.new_page()
    start(page, app)
    page.locator("input[name=preferred_language][value=other]").check()
    press(page, page.locator(".button-group button[value=next]"))
    expect(page.locator("#more")).to_have_text(
        "Because of your answer, there is 1 more question below."
    )


def go_to_part(page: Page, number: int) -> None:
    for _ in range(number - 1):
        press(page, page.locator(".button-group button[value=next]"))
    expect(page.get_by_text(re.compile(rf"Part {number} of"))).to_be_visible()


def test_long_answers_state_their_limit_and_count_live(
    phone_context: BrowserContext, app: Flask
) -> None:
    page = phone_context.new_page()
    start(page, app)
    go_to_part(page, 6)
    count = page.locator("#ideas_for_change-count")
    box = page.locator("#ideas_for_change-input")
    # The limit is beside the field, and the field is described by it.
    expect(count).to_have_text("Up to 3,000 characters.")
    expect(box).to_have_attribute("aria-describedby", re.compile(r"ideas_for_change-count"))
    expect(box).to_have_attribute("dir", "auto")
    if JS_OFF[id(phone_context)]:
        return
    box.fill("x" * 2990)
    expect(count).to_have_text("Characters left: 10")
    box.fill("x" * 3240)
    expect(count).to_have_text("Characters over the limit: 240")
    # The screen-reader copy follows once typing pauses (polite, not once per key).
    live = page.locator(".question:has(#ideas_for_change-input) [data-char-live]")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_have_text("Characters over the limit: 240", timeout=3000)
    axe_clean(page, "live character count")


def test_too_long_answer_names_the_question_and_the_link_shows_it(
    phone_context: BrowserContext, app: Flask
) -> None:
    page = phone_context.new_page()
    start(page, app)
    go_to_part(page, 6)
    page.locator("#ideas_for_change-input").fill("x" * 3240)
    press(page, page.locator(".button-group button[value=next]"))
    link = page.locator(".error-summary a")
    expect(link).to_have_text(
        "Your answer to “What ideas do you have for change?” is 240 characters too long. "
        "Please shorten it."
    )
    page.evaluate("window.scrollTo(0, 0)")
    link.click()
    # The question's label and its message are wholly in view, not only the field.
    expect(page.locator("label[for=ideas_for_change-input]")).to_be_in_viewport(ratio=1)
    expect(page.locator("#ideas_for_change-error")).to_be_in_viewport(ratio=1)
    if not JS_OFF[id(phone_context)]:
        expect(page.locator("#ideas_for_change-input")).to_be_focused()


def test_scale_fits_one_line_and_targets_are_big_enough(
    phone_context: BrowserContext, app: Flask
) -> None:
    page = phone_context.new_page()
    start(page, app)
    press(page, page.locator(".button-group button[value=next]"))
    page.locator("input[name=help_sought][value=yes]").check()
    press(page, page.locator(".button-group button[value=next]"))
    points = page.locator("input[name=help_respect]:not([value=''])")
    tops = {round(points.nth(i).bounding_box()["y"]) for i in range(points.count())}  # type: ignore[index]
    assert len(tops) == 1, "the 1–5 scale wraps at 320 px"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # 24 CSS pixels at least for every visible target, the footer's hotline links included
    # (WCAG 2.5.8). A radio's label is its target too, so the 28-pixel circle is enough.
    targets = page.locator("a:visible, button:visible, input:visible, textarea:visible")
    assert page.locator(".site-footer a").count() >= 2
    assert targets.count() > 10
    for target in targets.all():
        if target.evaluate("e => !!e.closest('.honeypot, .default-action, .skip-link')"):
            continue  # never shown to people
        box = target.bounding_box()
        name = target.get_attribute("name") or target.inner_text()
        assert box, name
        assert box["height"] >= 24, name
        assert box["width"] >= 24, name


def test_answers_shown_back_take_their_own_direction(
    phone_context: BrowserContext, app: Flask
) -> None:
    page = phone_context.new_page()
    page.goto(f"/s/{public_code(app)}")
    choose_language(page, "ar")
    press(page, page.locator(".button[value=start]"))
    press(page, page.locator(".button[value=consent]"))
    for _ in range(5):
        press(page, page.locator(".button-group button[value=next]"))
    page.locator("#ideas_for_change-input").fill("Better interpreters.")
    press(page, page.locator(".button-group button[value=next]"))
    answer = page.locator("dd span[dir=auto]", has_text="Better interpreters.")
    expect(answer).to_have_count(1)
