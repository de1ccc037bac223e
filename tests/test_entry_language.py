"""Every word in the participant's language: assisted entry, listening sessions, hand-over and
the locked screen, in every shipped language.

The staff chrome stays in the staff member's language; what the participant reads or answers
is in the regions marked ``data-participant`` (with ``lang`` and ``dir``), and no English text
the app or the questionnaire would show there may appear in them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.numbers import format_decimal
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from intake import clock, i18n
from intake.models import Program, Questionnaire, QuestionnaireVersion
from intake.questionnaires.catalog import definition_of
from intake.staff.auth import create_user

from .conftest import FACILITATOR_PASSWORD, FACILITATOR_TOTP, TEST_KDF, Respondent, public_code
from .conftest import staff_login as sign_in

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("es", "so", "vi", "zh", "ar", "hmn")
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
# Where the words a participant meets on an entry page come from.
PARTICIPANT_SOURCES = (
    "templates/questions/",
    "templates/macros.html",
    "templates/staff/entry.html",
    "intake/questionnaires/types.py",
    "intake/staff/entry_views.py",
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


# -- reading a page ---------------------------------------------------------------------------
@dataclass
class Region:
    attrs: dict[str, str]
    texts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


class _Regions(HTMLParser):
    """The participant's regions of a page: their text and readable attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[Region] = []
        self.depth = 0  # open elements inside the current region

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if self.depth:
            for name in ("aria-label", "placeholder", "title", "alt"):
                if a.get(name):
                    self.regions[-1].texts.append(a[name])
            if tag not in VOID:
                self.depth += 1
        elif "data-participant" in a:
            self.regions.append(Region(a))
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.regions[-1].texts.append(data)


def regions_of(page: str) -> list[Region]:
    parser = _Regions()
    parser.feed(page)
    return parser.regions


def body_text(page: str) -> str:
    """The visible words of a whole page (outside <head>, scripts and styles)."""
    body = re.sub(r"(?s)<head>.*?</head>|<script.*?</script>|<style.*?</style>", " ", page)
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


# -- what English would look like -------------------------------------------------------------
def app_msgids(sources: Iterable[str]) -> list[str]:
    """English messages the app writes from these files or folders (templates or Python),
    extracted as `make translations` does (the catalog template keeps no locations)."""
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
    found = []
    for source in sources:
        path = ROOT / source
        for file in sorted(path.rglob("*.*")) if path.is_dir() else [path]:
            method = "python" if file.suffix == ".py" else "jinja2.ext:babel_extract"
            for _line, message, _comments, _context in extract_from_file(
                method, str(file), keywords=keywords
            ):
                found.append(message if isinstance(message, str) else message[0])
    return found


def as_pattern(text: str) -> re.Pattern[str]:
    """A message as it appears on a page: placeholders filled in, whitespace collapsed."""
    escaped = re.escape(" ".join(text.split()))
    escaped = re.sub(r"%\\\(\w+\\\)[sd]", ".+?", escaped)
    return re.compile(rf"(?<!\w){escaped}(?!\w)")


def english_leaks(text: str, language: str, english: Iterable[str]) -> list[str]:
    """English messages found in ``text`` whose ``language`` version is different."""
    leaks = []
    for message in set(english):
        translated = i18n.catalog_text(language, message)
        if translated.strip() == message.strip() or not message.strip():
            continue  # the same word in both languages (Spanish "No") is not a leak
        if as_pattern(message).search(text):
            leaks.append(message)
    return sorted(leaks)


def definition_english(definition: Any, language: str) -> list[str]:
    """The questionnaire's own English texts that differ in ``language``."""
    texts = []
    for section in definition.sections:
        texts.append(section.title or {})
        if section.content_warning:
            texts.append(section.content_warning)
        for question in section.questions:
            texts.extend(text for _name, text in question.texts())
    texts.append(definition.title)
    # A text missing in the language counts too: it would fall back to English.
    return [t["en"] for t in texts if t.get("en") and t.get(language) != t["en"]]


def assert_in_language(page: str, language: str, english: list[str], where: str) -> str:
    """Every participant region is marked as ``language`` and holds no English; returns
    their text."""
    regions = regions_of(page)
    assert regions, f"{where}: no participant region"
    for region in regions:
        assert region.attrs.get("lang") == i18n.html_lang(language), (where, region.attrs)
        assert region.attrs.get("dir") == ("rtl" if language == "ar" else "ltr"), where
    text = " ".join(region.text for region in regions)
    assert english_leaks(text, language, english) == [], f"{where} in {language}"
    return text


# -- people and pages -------------------------------------------------------------------------
@pytest.fixture
def advocate(app: Flask, session: Session) -> FlaskClient:
    program = Program(name="Riverside Shelter", active=True, created_at=clock.utcnow())
    session.add(program)
    session.flush()
    create_user(session, "ada", "ada-password-1", "advocate", program_id=program.id, kdf=TEST_KDF)
    session.commit()
    client = app.test_client()
    assert sign_in(client, "ada", "ada-password-1").status_code == 303
    return client


@pytest.fixture
def facilitator_client(app: Flask) -> FlaskClient:
    client = app.test_client()
    assert sign_in(client, "fran", FACILITATOR_PASSWORD, FACILITATOR_TOTP).status_code == 303
    return client


def token(page: str) -> str:
    match = TOKEN.search(page)
    assert match
    return match.group(1)


def version_of(session: Session, key: str) -> QuestionnaireVersion:
    version = session.scalars(
        select(QuestionnaireVersion)
        .join(Questionnaire)
        .where(Questionnaire.key == key, QuestionnaireVersion.status == "published")
    ).first()
    assert version is not None
    return version


def start_assisted(client: FlaskClient, version_id: int, language: str) -> str:
    page = client.get("/staff/entry/new").get_data(as_text=True)
    started = client.post(
        "/staff/entry/new",
        data={"csrf_token": token(page), "questionnaire": str(version_id),
              "language": language, "consent": "y", "interpreted": "y"},
    )  # fmt: skip
    assert started.status_code == 303, started.get_data(as_text=True)[-400:]
    return client.get("/staff/entry").get_data(as_text=True)


def post_entry(client: FlaskClient, page: str, data: dict[str, Any]) -> tuple[int, str]:
    response = client.post("/staff/entry", data={"csrf_token": token(page), **data})
    return response.status_code, response.get_data(as_text=True)


ENTRY_ENGLISH = app_msgids(PARTICIPANT_SOURCES)


def test_the_check_finds_english_when_it_is_there(advocate: FlaskClient, session: Session) -> None:
    # Given an entry in English, the detector must see the app's English words: a check
    # that could never find anything would prove nothing.
    version = version_of(session, "survivor")
    page = start_assisted(advocate, version.id, "en")
    text = " ".join(region.text for region in regions_of(page))
    for message in ("Skip this question", "Yes", "Prefer not to say", "Submit"):
        assert as_pattern(message).search(text), message
    assert as_pattern("Up to %(count)s characters.").search(text)
    # And Somali compared with that English text finds it.
    assert "Skip this question" in english_leaks(text, "so", ENTRY_ENGLISH)
    assert "Choose all that apply, or none." in english_leaks(text, "so", ENTRY_ENGLISH)


@pytest.mark.parametrize("language", SHIPPED)
def test_assisted_entry_speaks_only_the_participants_language(
    advocate: FlaskClient, session: Session, language: str
) -> None:
    version = version_of(session, "survivor")
    definition = definition_of(version)
    english = [*ENTRY_ENGLISH, *definition_english(definition, language)]

    # Given an advocate working in English who starts an entry in the participant's language
    page = start_assisted(advocate, version.id, language)
    text = assert_in_language(page, language, english, "first page")
    for message in (
        "Skip this question",
        "Yes",
        "Prefer not to say",
        "Choose all that apply, or none.",
    ):
        assert i18n.catalog_text(language, message) in text, message
    limit = i18n.catalog_text(language, "Up to %(count)s characters.") % {
        "count": format_decimal(3000, locale=i18n.format_locale_for(language))
    }
    assert limit in text
    # The advocate's own navigation stays in English, outside her regions.
    assert "Unfinished entries" in page
    assert "Unfinished entries" not in text

    # When answers reveal follow-up questions (yes/no, a scale, a number, effects of contacts)
    status, page = post_entry(
        advocate, page,
        {"action": "save", "help_sought": "yes", "interventions_contacted": ["police", "housing"],
         "needs_had": ["language_access"]},
    )  # fmt: skip
    assert status == 200
    text = assert_in_language(page, language, english, "after saving")
    assert i18n.catalog_text(language, "Saved.") in text
    assert 'name="police_effect"' in page
    assert 'name="interpreter_offered"' in page

    # When answers are wrong: not a number, too long, not one of the options
    status, page = post_entry(
        advocate, page,
        {"action": "save", "help_sought": "yes", "interventions_contacted": ["police"],
         "help_places_count": "many", "help_respect": "9", "help_story": "x" * 3001},
    )  # fmt: skip
    assert status == 422
    text = assert_in_language(page, language, english, "with errors")
    for message in (
        "There is a problem",
        "Please enter a whole number, like 3.",
        "Please choose from the options shown.",
    ):
        assert i18n.catalog_text(language, message) in text, message
    # The too-long message names the question and how much to remove (one character here):
    # every piece of her language's sentence around the question's name is on the page.
    too_long = i18n._catalog(language).ngettext(
        "Your answer to “%(question)s” is %(num)s character too long. Please shorten it.",
        "Your answer to “%(question)s” is %(num)s characters too long. Please shorten it.",
        1,
    )
    for piece in too_long.replace("%(num)s", "1").split("%(question)s"):
        assert piece.strip() in text, piece

    # Then, the answers corrected, the entry is submitted
    response = advocate.post(
        "/staff/entry", data={"csrf_token": token(page), "action": "submit", "help_sought": "no"}
    )
    assert response.headers["Location"] == "/staff/entry/done"


@pytest.mark.parametrize("language", SHIPPED)
def test_the_other_questionnaires_are_entered_in_her_language_too(
    advocate: FlaskClient, session: Session, language: str
) -> None:
    for key in ("advocate", "community_leader"):
        version = version_of(session, key)
        english = [*ENTRY_ENGLISH, *definition_english(definition_of(version), language)]
        page = start_assisted(advocate, version.id, language)
        assert 'name="interventions_contacted"' in page
        assert_in_language(page, language, english, key)


@pytest.mark.parametrize("language", SHIPPED)
def test_a_listening_session_is_recorded_in_its_own_language(
    facilitator_client: FlaskClient, session: Session, language: str
) -> None:
    definition = definition_of(version_of(session, "listening_session"))
    english = [*ENTRY_ENGLISH, *definition_english(definition, language)]
    client = facilitator_client
    # Given a facilitator working in English who chooses the language the session was held in
    start = client.get("/staff/listening/new").get_data(as_text=True)
    assert f'<option lang="{language}"' in start or f'lang="{language}" value="{language}"' in start
    started = client.post(
        "/staff/listening/new", data={"csrf_token": token(start), "language": language}
    )
    assert started.status_code == 303
    page = client.get("/staff/entry").get_data(as_text=True)
    assert_in_language(page, language, english, "listening session")
    # The facilitator's reminder is staff chrome, in English, outside her regions.
    assert "Record the group, never a person" in page

    # When a date in the future is entered, the error is in the session's language
    status, page = post_entry(
        client, page, {"action": "save", "session_date": "2099-01-01", "themes_raised": ["police"]}
    )
    assert status == 422
    text = assert_in_language(page, language, english, "listening session errors")
    assert i18n.catalog_text(language, "Please enter a date that is not in the future.") in text

    # And after saving, follow-ups appear in it too; the redaction check stays staff chrome
    status, page = post_entry(
        client, page,
        {"action": "save", "session_date": "2026-11-20", "themes_raised": ["police"],
         "quotes": "Officer Diaz laughed at us."},
    )  # fmt: skip
    assert status == 200
    assert_in_language(page, language, english, "listening session saved")
    assert 'name="police_summary"' in page
    assert "Quotes as the team will see them" in page


def test_a_listening_session_language_must_be_one_offered(
    facilitator_client: FlaskClient,
) -> None:
    start = facilitator_client.get("/staff/listening/new").get_data(as_text=True)
    refused = facilitator_client.post(
        "/staff/listening/new", data={"csrf_token": token(start), "language": "xx"}
    )
    assert refused.status_code == 422
    assert "Not a valid choice" in refused.get_data(as_text=True)
    assert facilitator_client.get("/staff/entry").status_code == 303  # nothing started


LOCKED_ENGLISH = app_msgids(("templates/staff/locked.html", "templates/base.html"))


def hand_over(advocate: FlaskClient, app: Flask, language: str) -> str:
    code = public_code(app)
    page = advocate.get("/staff/handover").get_data(as_text=True)
    handed = advocate.post(
        "/staff/handover",
        data={"csrf_token": token(page), "questionnaire": code, "language": language},
    )
    assert handed.headers["Location"] == f"/s/{code}"
    return code


@pytest.mark.parametrize("language", SHIPPED)
def test_hand_over_and_locked_screen_in_the_participants_language(
    advocate: FlaskClient, app: Flask, language: str
) -> None:
    # Given an advocate who hands the device over, choosing the participant's language
    code = hand_over(advocate, app, language)
    participant = Respondent(advocate, code)
    welcome = participant.open()
    assert f'<html lang="{i18n.html_lang(language)}"' in welcome
    participant.start()
    assert 'name="preferred_language"' in participant.page
    # When she leaves with quick exit
    exit_response = advocate.get("/exit")
    assert exit_response.headers["Location"] == "/staff/locked"
    # Then the locked screen is in her language, every word of it
    locked = advocate.get("/staff/locked").get_data(as_text=True)
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{i18n.html_lang(language)}" dir="{direction}">' in locked
    assert i18n.catalog_text(language, "This device is locked") in locked
    assert english_leaks(body_text(locked), language, LOCKED_ENGLISH) == []


def test_the_locked_screen_follows_the_language_she_chose_herself(
    advocate: FlaskClient, app: Flask
) -> None:
    # Given a hand-over in English, and a participant who switches to Somali herself
    code = hand_over(advocate, app, "en")
    Respondent(advocate, code).start("so")
    # When she leaves with quick exit, the locked screen is in Somali, not English
    assert advocate.get("/exit").headers["Location"] == "/staff/locked"
    locked = advocate.get("/staff/locked").get_data(as_text=True)
    assert '<html lang="so"' in locked
    assert english_leaks(body_text(locked), "so", LOCKED_ENGLISH) == []
    assert "This device is locked" not in locked


def test_the_hand_over_language_must_be_one_offered(advocate: FlaskClient, app: Flask) -> None:
    page = advocate.get("/staff/handover").get_data(as_text=True)
    refused = advocate.post(
        "/staff/handover",
        data={"csrf_token": token(page), "questionnaire": public_code(app), "language": "xx"},
    )
    assert refused.status_code == 200  # the form again, nobody signed out
    assert advocate.get("/staff/").status_code == 200


def test_speaking_switches_words_and_formats_then_gives_the_request_back(app: Flask) -> None:
    from flask_babel import format_decimal, get_locale
    from flask_babel import gettext as _

    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert i18n.current_language() == "en"
        with i18n.speaking("ar"):
            assert _("Skip this question") == i18n.catalog_text("ar", "Skip this question")
            assert i18n.current_language() == "ar"
            assert str(get_locale()) == "ar"
            with i18n.speaking("vi"):
                assert format_decimal(1234.5) == "1.234,5"  # Vietnamese separators
            with i18n.speaking("hmn"):  # no CLDR data: words from its catalog, English formats
                assert _("Skip this question") == i18n.catalog_text("hmn", "Skip this question")
                assert format_decimal(1234.5) == "1,234.5"
            assert i18n.current_language() == "ar"
        assert i18n.current_language() == "en"
        assert _("Skip this question") == "Skip this question"
        with pytest.raises(RuntimeError), i18n.speaking("so"):
            raise RuntimeError("a failure inside still gives the language back")
        assert i18n.current_language() == "en"
        assert str(get_locale()) == "en"
