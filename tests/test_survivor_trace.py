"""Issue 21 on the server side: a neutral title and landing, follow-ups announced, messages
that say which question and how much, the draft's lifetime in minutes, the site's languages
in the language question."""

from __future__ import annotations

import json
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from intake import db, settings
from intake.forms.questionnaire import build_step_form, short_label, too_long_message
from intake.questionnaires.catalog import SHIPPED_DIR
from intake.questionnaires.types import LongTextQuestion

from .conftest import Respondent

TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
SURVIVOR = json.loads((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8"))
TOPIC = re.compile(r"violen|abuse|safe|survivor|police|hotline|your voice", re.I)


def title(page: str) -> str:
    match = TITLE_RE.search(page)
    assert match
    return match.group(1).strip()


def test_every_survivor_page_has_the_shipped_neutral_title(respondent: Respondent) -> None:
    titles = {title(respondent.open())}
    respondent.post("start")
    titles.add(title(respondent.page))
    respondent.post("consent")
    for _ in range(7):
        titles.add(title(respondent.page))
        respondent.post("next")
    assert 'value="submit"' in respondent.page  # reached the review page
    titles.add(title(respondent.page))
    assert titles == {"Community listening"}


def test_the_neutral_title_is_translated_and_an_admin_can_change_it(
    respondent: Respondent, app: Flask
) -> None:
    respondent.open()
    respondent.post("lang:es")
    assert title(respondent.page) == "Escuchar a la comunidad"
    with app.app_context():
        session = db.get_database(app).session()
        settings.save(session, {"neutral_title": "Notas del barrio"})
        session.commit()
        session.close()
    assert title(respondent.open()) == "Notas del barrio"


def test_an_error_page_title_says_error_and_nothing_of_the_part(
    respondent: Respondent,
) -> None:
    respondent.start()
    respondent.post("next")
    respondent.post("next", {"help_sought": "yes"})
    respondent.post("next", {"help_places_count": "lots"})
    assert respondent.status == 422
    assert title(respondent.page) == "Error: Community listening"


@pytest.mark.parametrize("language", ["en", "es", "so", "vi", "zh", "ar", "hmn"])
def test_the_landing_names_neither_the_questionnaire_nor_its_topic(
    respondent: Respondent, language: str
) -> None:
    respondent.open()
    respondent.post(f"lang:{language}")
    landing = respondent.page
    assert SURVIVOR["title"][language] not in landing
    assert SURVIVOR["description"][language] not in landing
    assert "tel:" not in landing  # no hotline names in the footer either
    assert TOPIC.search(landing) is None
    # After Start, the topic is named.
    respondent.post("start")
    assert SURVIVOR["title"][language] in respondent.page


def test_follow_ups_are_announced_once_at_a_fixed_anchor(
    respondent: Respondent, client: FlaskClient
) -> None:
    respondent.start()
    respondent.post("next")
    # When "Yes" adds two questions to this part
    response = client.post(
        respondent.url,
        data={**respondent_form(respondent), "action": "next", "help_sought": "yes"},
    )
    # Then the browser is sent back to the same address, landing at "#more" (no identifier)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{respondent.url}#more")
    page = respondent.open()
    notice = re.search(r'<div class="notice notice--more" id="more" role="status"[^>]*>(.*?)</div>', page, re.S)  # fmt: skip
    assert notice
    assert "there are 2 more questions below" in notice.group(1)
    # ... just above the first new question
    assert page.index('id="more"') < page.index('name="help_places_count"')
    assert page.index('name="help_sought"') < page.index('id="more"')
    # And only once: reloading does not announce it again.
    assert 'id="more"' not in respondent.open()


def respondent_form(respondent: Respondent) -> dict[str, str]:
    from .conftest import form_values

    values = {k: v[0] for k, v in form_values(respondent.page).items() if v}
    values["csrf_token"] = respondent.token
    return values


def test_one_follow_up_is_announced_in_the_singular_and_in_spanish(
    respondent: Respondent,
) -> None:
    respondent.start(language="es")
    respondent.post("next", {"preferred_language": "other"})
    assert "Por su respuesta, hay 1 pregunta más abajo." in respondent.page


def test_going_on_without_new_questions_announces_nothing(respondent: Respondent) -> None:
    respondent.start()
    respondent.post("next", {"preferred_language": "spanish"})
    assert "Part 2 of" in respondent.page
    assert 'id="more"' not in respondent.page


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Is there anything else?", "Is there anything else?"),
        (
            "What ideas do you have for change? What would make help better for people?",
            "What ideas do you have for change?",
        ),
        (
            "In your own words, what was it like to look for help from the people around you",
            "In your own words, what was it like to look for help from…",
        ),
        ("您需要的东西。" * 12, "您需要的东西。"),
        ("ما أفكاركم للتغيير؟ " + "ما الذي يجعل المساعدة أفضل؟ " * 3, "ما أفكاركم للتغيير؟"),
    ],
)
def test_a_question_is_named_briefly_in_a_message(label: str, expected: str) -> None:
    assert short_label(label) == expected


def test_the_too_long_message_names_the_question_and_how_much(app: Flask) -> None:
    question = LongTextQuestion(key="story", label={"en": "Tell us more.", "es": "Cuéntenos."})
    with app.test_request_context():
        assert too_long_message(question, "en", 240) == (
            "Your answer to “Tell us more.” is 240 characters too long. Please shorten it."
        )
        assert too_long_message(question, "en", 1) == (
            "Your answer to “Tell us more.” is 1 character too long. Please shorten it."
        )


def test_a_form_replaces_the_generic_length_message(app: Flask) -> None:
    from werkzeug.datastructures import MultiDict

    question = LongTextQuestion(key="story", label={"en": "Tell us more."}, max_length=10)
    with app.test_request_context():
        app.config["WTF_CSRF_ENABLED"] = False
        form = build_step_form([question], "en", formdata=MultiDict({"story": "x" * 13}))
        assert not form.validate()
        assert form.story.errors == [
            "Your answer to “Tell us more.” is 3 characters too long. Please shorten it."
        ]
        # A line break counts once, as the browser counts it while typing.
        form = build_step_form([question], "en", formdata=MultiDict({"story": "abcd\r\nefgh\r\n"}))
        assert form.validate(), form.errors
        assert form.story.data == "abcd\nefgh\n"


def test_an_authors_own_message_is_kept(app: Flask) -> None:
    from werkzeug.datastructures import MultiDict

    question = LongTextQuestion(
        key="story", label={"en": "Tell us more."}, max_length=5,
        constraint_message={"en": "Five letters at most."},
    )  # fmt: skip
    with app.test_request_context():
        app.config["WTF_CSRF_ENABLED"] = False
        form = build_step_form([question], "en", formdata=MultiDict({"story": "x" * 9}))
        assert not form.validate()
        assert form.story.errors == ["Five letters at most."]


def test_long_answers_state_their_limit_and_take_their_own_direction(
    respondent: Respondent,
) -> None:
    respondent.start()
    for _ in range(5):
        respondent.post("next")
    page = respondent.page
    assert "Up to 3,000 characters." in page
    textarea = re.search(r"<textarea [^>]*id=\"ideas_for_change-input\"[^>]*>", page)
    assert textarea
    assert 'dir="auto"' in textarea.group(0)
    assert "ideas_for_change-count" in textarea.group(0)  # described by the limit


def test_answers_shown_back_take_their_own_direction(respondent: Respondent) -> None:
    respondent.start(language="ar")
    respondent.next_until_review({"anything_else": "Better interpreters."})
    assert '<span dir="auto">Better interpreters.</span>' in respondent.page


def test_the_draft_lifetime_is_stated_in_minutes(respondent: Respondent, app: Flask) -> None:
    minutes = app.extensions["intake.config"].draft_idle_minutes
    respondent.open()
    respondent.post("start")
    assert f"Unfinished answers are deleted after {minutes} minutes without activity" in (
        respondent.page
    )


def test_the_language_question_lists_the_sites_languages(app: Flask) -> None:
    config = app.extensions["intake.config"]
    question = next(
        q for s in SURVIVOR["sections"] for q in s["questions"] if q["key"] == "preferred_language"
    )
    values = [o["value"] for o in question["options"]]
    # Stored answers keep working: the old values are still there, in their old places.
    assert values[:2] == ["english", "spanish"]
    assert values[-2:] == ["other", "prefer_not_to_say"]
    assert len(values) - 2 == len(config.languages)
    for option in question["options"]:
        assert set(option["label"]) == set(config.languages), option["value"]


def test_a_stored_answer_in_the_old_values_still_reads(
    respondent: Respondent, session: Session
) -> None:
    respondent.start()
    respondent.post("next", {"preferred_language": "spanish"})
    respondent.post("back")
    assert re.search(r'value="spanish" checked', respondent.page)
