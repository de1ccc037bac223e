"""The survivor's path through the Flask test client, with CSRF on."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from intake import keyring
from intake.keystore import Keystore
from intake.models import Draft, Response
from intake.questionnaires.catalog import definition_of

from .conftest import MovableClock, Respondent


def count_responses(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count(Response.id))) or 0


def only_response(session: Session, team: keyring.TeamPrivateKey, keystore: Keystore):  # type: ignore[no-untyped-def]
    from intake.responses import read_response

    session.expire_all()
    responses = session.scalars(select(Response)).all()
    assert len(responses) == 1
    r = responses[0]
    return read_response(r, team, keystore, definition_of(r.questionnaire_version))


def test_csrf_is_enforced(app: Flask) -> None:
    assert app.config.get("WTF_CSRF_ENABLED", True) is True


def test_full_flow_with_back_next_and_a_language_switch(
    respondent: Respondent,
    session: Session,
    keystore: Keystore,
    open_team: keyring.TeamPrivateKey,
) -> None:
    # Given a respondent who chooses English and consents
    respondent.open()
    assert "Leave this site now" in respondent.page
    respondent.post("start")
    assert respondent.heading == "Before you start"
    respondent.post("consent")
    assert "Part 1 of" in respondent.page

    # When they answer part 1 and go on to part 2
    respondent.post("next", {"preferred_language": "spanish"})
    assert "Part 2 of" in respondent.page
    respondent.post(
        "next",
        {"help_sought": "yes", "interventions_contacted": ["police", "housing"]},
    )
    # Saying yes reveals follow-ups on the same part: it stays, so they can be answered.
    assert "Part 2 of" in respondent.page
    assert 'name="help_places_count"' in respondent.page
    respondent.post("next", {"help_places_count": "3"})
    assert "Part 3 of" in respondent.page
    assert 'name="police_effect"' in respondent.page
    assert 'name="immigration_effect"' not in respondent.page  # skip logic

    # …type an answer, switch to Spanish midway (the page is saved first)…
    respondent.post("lang:es", {"police_effect": "made_less_safe"})
    assert 'lang="es"' in respondent.page
    assert "Parte 3 de" in respondent.page
    assert 'value="made_less_safe" checked' in respondent.page

    # …go Back and find part 2 still answered
    respondent.post("back")
    assert "Parte 2 de" in respondent.page
    assert 'value="police" checked' in respondent.page
    assert 'value="housing" checked' in respondent.page

    # Then finish, review and send
    respondent.next_until_review({"ideas_for_change": "More interpreters in court."})
    assert "More interpreters in court." in respondent.page  # the review shows answers
    respondent.post("submit")
    assert respondent.heading == "Gracias"
    assert "More interpreters in court." not in respondent.page  # the thank-you does not

    opened = only_response(session, open_team, keystore)
    assert opened.language == "es"
    assert opened.provenance == "self"
    assert opened.answers["preferred_language"] == "spanish"
    assert opened.answers["interventions_contacted"] == ["police", "housing"]
    assert opened.answers["police_effect"] == "made_less_safe"
    assert opened.answers["help_places_count"] == 3
    assert opened.answers["ideas_for_change"] == "More interpreters in court."
    assert session.scalar(select(func.count(Draft.id))) == 0  # erased at submit


def test_every_question_skipped(
    respondent: Respondent, session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    respondent.start()
    respondent.next_until_review()
    assert "You answered 0 questions" in respondent.page
    respondent.post("submit")
    assert respondent.heading == "Thank you"
    opened = only_response(session, open_team, keystore)
    assert all(value is None for value in opened.answers.values())


def test_changing_an_answer_hides_follow_ups_again(
    respondent: Respondent, session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    respondent.start()
    respondent.post("next")
    respondent.post("next", {"interventions_contacted": ["police"]})
    respondent.post("next", {"police_effect": "made_safer"})
    respondent.post("back")
    respondent.post("back")
    respondent.post("next", {"interventions_contacted": ["none"]})
    respondent.next_until_review()
    respondent.post("submit")
    opened = only_response(session, open_team, keystore)
    assert opened.answers["police_effect"] is None


def test_oversized_and_wrong_type_answers_get_clear_errors_and_keep_the_text(
    respondent: Respondent, session: Session
) -> None:
    respondent.start()
    respondent.post("next")
    respondent.post("next")
    respondent.post("next")
    respondent.post("next")
    respondent.post("next")
    assert 'name="ideas_for_change"' in respondent.page
    long_text = "word " * 700  # 3,500 characters: over this question's limit
    respondent.post("next", {"ideas_for_change": long_text, "anything_else": "keep me"})
    assert respondent.status == 422
    assert "There is a problem" in respondent.page
    # The message names the question and how much to remove (it is also the summary's link).
    assert (
        "Your answer to “What ideas do you have for change?” is 500 characters too long. "
        "Please shorten it." in respondent.page
    )
    assert 'href="#ideas_for_change-input"' in respondent.page
    assert "keep me" in respondent.page  # nothing typed is lost
    assert "word word word" in respondent.page
    assert count_responses(session) == 0


def test_number_with_letters_gets_a_plain_message(respondent: Respondent) -> None:
    respondent.start()
    respondent.post("next")
    respondent.post("next", {"help_sought": "yes"})
    # Find the part that holds the number question.
    for _ in range(6):
        if 'inputmode="numeric"' in respondent.page:
            break
        respondent.post("next")
    name = re.search(r'inputmode="numeric" id="[^"]+" name="([^"]+)"', respondent.page)
    assert name
    respondent.post("next", {name.group(1): "lots"})
    assert respondent.status == 422
    assert "Please enter a whole number, like 3." in respondent.page
    assert 'value="lots"' in respondent.page


def test_unknown_and_forged_fields_are_refused_without_a_500(respondent: Respondent) -> None:
    respondent.start()
    respondent.post("next", {"is_admin": "1"})
    assert respondent.status == 422
    assert "did not expect" in respondent.page
    respondent.post("next", {"preferred_language": "klingon"})
    assert respondent.status == 422
    assert "Please choose from the options shown." in respondent.page


def test_request_too_large_gets_a_friendly_413(respondent: Respondent) -> None:
    respondent.start()
    response = respondent.client.post(
        respondent.url,
        data={"csrf_token": respondent.token, "action": "next", "anything_else": "x" * 1_200_000},
    )
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)
    # The draft survived: the next page load continues where they were.
    assert "Part 1 of" in respondent.open()


def test_missing_csrf_token_keeps_the_answers(respondent: Respondent, session: Session) -> None:
    respondent.start()
    response = respondent.client.post(
        respondent.url, data={"action": "next", "preferred_language": "spanish"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "this page timed out" in page
    assert 'value="spanish" checked' in page
    assert 'name="csrf_token" value="' in page  # a fresh token to try again with
    assert count_responses(session) == 0


def test_expired_draft_is_gone_and_explained(
    respondent: Respondent, session: Session, moving_clock: MovableClock
) -> None:
    respondent.start()
    respondent.post("next", {"preferred_language": "spanish"})
    moving_clock.advance(minutes=61)
    page = respondent.open()
    assert "Your earlier answers were cleared" in page
    assert "Part 2 of" not in page
    session.expire_all()
    assert session.scalar(select(func.count(Draft.id))) == 0


def test_draft_is_encrypted_at_rest(app: Flask, respondent: Respondent, session: Session) -> None:
    respondent.start()
    marker = "draft-marker-7f3a9"
    for _ in range(5):
        respondent.post("next")
    respondent.post("next", {"anything_else": marker})
    assert respondent.status == 200
    assert marker in respondent.page or 'value="submit"' in respondent.page  # it was saved
    session.expire_all()
    drafts = session.scalars(select(Draft)).all()
    assert len(drafts) == 1
    assert marker.encode() not in drafts[0].ciphertext


def test_honeypot_thanks_the_bot_and_keeps_nothing(
    respondent: Respondent, session: Session
) -> None:
    respondent.start()
    respondent.post("next", {"leave_this_empty": "http://spam.example"})
    respondent.next_until_review()
    respondent.post("submit")
    assert respondent.heading == "Thank you"
    assert count_responses(session) == 0


def test_database_failure_at_submit_keeps_the_draft(
    app: Flask, respondent: Respondent, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    import intake.public.views as views

    respondent.start()
    respondent.next_until_review({"anything_else": "do not lose me"})

    def broken(*_args: object, **_kwargs: object) -> str:
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(views, "store_response", broken)
    respondent.post("submit")
    assert respondent.status == 503
    assert "try again shortly" in respondent.page
    monkeypatch.undo()
    respondent.post("submit")
    assert respondent.heading == "Thank you"
    assert count_responses(session) == 1


def test_quick_exit_erases_the_draft_and_the_session(
    respondent: Respondent, session: Session
) -> None:
    respondent.start()
    respondent.post("next", {"preferred_language": "spanish"})
    session.expire_all()
    assert session.scalar(select(func.count(Draft.id))) == 1
    response = respondent.client.get("/exit")
    assert response.status_code == 303
    assert response.headers["Location"] == "https://www.weather.gov/"
    assert "cookies" in response.headers["Clear-Site-Data"]
    session.expire_all()
    assert session.scalar(select(func.count(Draft.id))) == 0
    # Coming back shows the neutral start, with nothing of what was answered.
    page = respondent.open()
    assert "Part" not in page
    assert "spanish" not in page


def test_unknown_questionnaire_code_is_a_plain_404(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/s/doesnotexist")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_language_link_only_redirects_locally(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/language/es?next=//evil.example/")
    assert response.headers["Location"] == "/"
    response = client.get("/language/es?next=/help")
    assert response.headers["Location"] == "/help"
    assert '<html lang="es" dir="ltr">' in client.get("/help").get_data(as_text=True)


@pytest.mark.parametrize(
    "payload",
    [
        b"action=next&preferred_language=spanish&preferred_language=english",
        b"action=next&preferred_language=%ff%fe%00",
        b"action=goto:../../etc&preferred_language_other=" + b"%41" * 50,
        b"action=lang:xx",
        b"action=" + b"x" * 5000,
        b"\x00\x01\x02garbage=&&&==",
        b"action=submit",
        b"action=back",
    ],
)
def test_malformed_posts_never_cause_a_server_error(respondent: Respondent, payload: bytes) -> None:
    respondent.start()
    token = respondent.token.encode()
    response = respondent.client.post(
        respondent.url,
        data=b"csrf_token=" + token + b"&" + payload,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code < 500
    # …and the questionnaire carries on afterwards, where it was or one step on.
    assert re.search(r"Part [12] of", respondent.open())


def test_wrong_content_type_and_methods(respondent: Respondent) -> None:
    respondent.start()
    response = respondent.client.post(respondent.url, json={"action": "next"})
    assert response.status_code == 400
    assert respondent.client.put(respondent.url).status_code == 405


def test_every_part_at_its_limits_in_chinese_fits_the_request_limit(
    app: Flask, respondent: Respondent, session: Session
) -> None:
    """The request-size limit must never reject a part a respondent filled within its own
    limits, even in a script that costs 9 bytes per character once form-encoded."""
    from intake.questionnaires.catalog import SHIPPED

    from .test_sealing import published

    for key in SHIPPED:
        _version, definition = published(session, key)
        for section in definition.sections:
            texts = [q for q in section.questions if q.type_name in ("short_text", "long_text")]
            worst = sum(q.max_length for q in texts) * 9 + 20_000  # names, CSRF, choices
            assert worst < app.config["MAX_CONTENT_LENGTH"], (key, section.key)
    respondent.start()
    for _ in range(5):
        respondent.post("next")
    fields = {"ideas_for_change": "话" * 3000, "anything_else": "话" * 3000}
    respondent.post("next", fields)
    assert respondent.status == 200
    assert 'value="submit"' in respondent.page


def test_double_submit_stores_one_response(respondent: Respondent, session: Session) -> None:
    respondent.start()
    respondent.next_until_review()
    token = respondent.token
    first = respondent.client.post(respondent.url, data={"csrf_token": token, "action": "submit"})
    second = respondent.client.post(respondent.url, data={"csrf_token": token, "action": "submit"})
    assert first.status_code == second.status_code == 303
    assert count_responses(session) == 1


def test_the_thank_you_is_shown_once(respondent: Respondent) -> None:
    respondent.start()
    respondent.next_until_review()
    respondent.post("submit")
    assert respondent.heading == "Thank you"
    # Reopening the link later (someone else looking) shows only the neutral start.
    page = respondent.open()
    assert "Thank you" not in page
    assert "sent" not in page


def test_a_draft_finishes_on_its_version_after_a_new_one_is_published(
    respondent: Respondent, session: Session, keystore: Keystore, open_team: keyring.TeamPrivateKey
) -> None:
    import copy
    import json

    from intake.questionnaires.catalog import SHIPPED_DIR, load_definition
    from intake.questionnaires.definition import parse_definition

    respondent.start()
    respondent.post("next", {"preferred_language": "spanish"})
    data = json.loads((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8"))
    newer = copy.deepcopy(data)
    newer["version"] = 2
    newer["title"]["en"] = "A newer survey"
    load_definition(session, parse_definition(newer))
    session.commit()
    assert "Part 2 of" in respondent.open()  # the draft carries on
    respondent.next_until_review()
    respondent.post("submit")
    opened = only_response(session, open_team, keystore)
    assert opened.answers["preferred_language"] == "spanish"
    version = session.get(
        __import__("intake.models", fromlist=["x"]).QuestionnaireVersion,
        opened.questionnaire_version_id,
    )
    assert version.version == 1


def test_submitting_before_keys_exist_is_refused_kindly(
    respondent: Respondent, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    respondent.start()
    respondent.next_until_review({"anything_else": "keep"})
    import intake.public.views as views

    def no_keys(*_a: object, **_k: object) -> str:
        raise keyring.NotInitialised("no team key")

    monkeypatch.setattr(views, "store_response", no_keys)
    respondent.post("submit")
    assert respondent.status == 503
    assert "keep" in respondent.page
    assert count_responses(session) == 0


def test_csrf_failure_on_an_unknown_code_is_a_404(client) -> None:  # type: ignore[no-untyped-def]
    assert client.post("/s/nope", data={"action": "next"}).status_code == 404


@pytest.mark.parametrize(
    "target", ["/%09/evil.example/", "//evil.example", "/\\evil", "/a%0ab", "https://evil.example/"]
)
def test_language_link_never_redirects_elsewhere(client, target: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/language/es?next={target}")
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
