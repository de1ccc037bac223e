"""Finish later: resume phrases, their word lists, their cryptography, and the path."""

from __future__ import annotations

import html
import math
import re
from collections import Counter

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake import crypto, db, resume
from intake.config import Config
from intake.models import Draft, Response, SavedDraft

from .conftest import TEST_KDF, MovableClock, Respondent

WORD_RE = re.compile(r'<span class="phrase__word">(.*?)</span>')
SHIPPED = ("en", "es", "so", "vi", "zh", "ar", "hmn")


def words_on(page: str) -> list[str]:
    words = [html.unescape(word) for word in WORD_RE.findall(page)]
    assert len(words) == resume.WORDS, page
    return words


def phrase_on(page: str) -> str:
    return " ".join(words_on(page))


def count(session: Session, model: type) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model)) or 0


def finish_later_on_part_two(respondent: Respondent, story: str) -> str:
    """Start, answer part 1, go on to part 2, type there, press Finish later."""
    respondent.start()
    respondent.post("next", {"preferred_language": "spanish"})
    assert "Part 2 of" in respondent.page
    respondent.post("later", {"help_story": story})
    assert respondent.status == 200
    assert respondent.heading == "Your answers are saved"
    return phrase_on(respondent.page)


def resume_with(respondent: Respondent, phrase: str, action: str = "resume_phrase") -> None:
    respondent.open()
    respondent.post("resume")
    assert 'name="phrase"' in respondent.page
    respondent.post(action, {"phrase": phrase})


# -- the word lists ------------------------------------------------------------------------
def test_every_shipped_language_has_a_list_of_distinct_words_worth_64_bits(
    config: Config,
) -> None:
    assert set(config.languages) <= set(resume.available_languages())
    for language in SHIPPED:
        words = resume.wordlist(language)
        typed = [resume.normalise(word) for word in words]
        repeated = [word for word, n in Counter(typed).items() if n > 1]
        # Distinct even as typed without accents, diacritics or capitals.
        assert repeated == [], (language, repeated)
        assert all(word and word == word.strip() for word in words), language
        bits = resume.WORDS * math.log2(len(set(typed)))
        assert bits >= 64, (language, bits)
        # No word is the start of another: a typed phrase splits into words one way only.
        tokens = [tuple(word.split()) for word in typed]
        prefixes = [(a, b) for a in tokens for b in tokens if a != b and b[: len(a)] == a]
        assert prefixes == [], (language, prefixes[:3])


# Words that would say what the questionnaire is about if the phrase were seen on paper. A
# guard for future edits of the lists (each was chosen from food, animals, nature, colours
# and household things).
TOPIC_WORDS = {
    "en": {
        "help",
        "safe",
        "police",
        "abuse",
        "violence",
        "hit",
        "hurt",
        "shelter",
        "court",
        "escape",
        "hide",
        "secret",
        "danger",
        "fear",
        "knife",
        "gun",
        "blood",
        "home",
    },
    "es": {
        "ayuda",
        "seguro",
        "policía",
        "abuso",
        "violencia",
        "golpe",
        "refugio",
        "miedo",
        "peligro",
        "sangre",
        "cuchillo",
        "secreto",
        "escape",
    },
    "so": {"caawimaad", "nabad", "booliis", "xadgudub", "rabshad", "cabsi", "dhiig", "mindi"},
    "vi": {"giúp", "an toàn", "cảnh sát", "bạo lực", "sợ", "máu", "dao", "trốn"},
    "zh": {"帮助", "安全", "警察", "暴力", "虐待", "害怕", "危险", "鲜血", "刀子", "逃跑"},
    "ar": {"مساعدة", "أمان", "شرطة", "عنف", "إساءة", "خوف", "خطر", "دم", "سكين", "ملجأ"},
    "hmn": {"kev pab", "tub ceev xwm", "ntaus", "ntshai", "ntshav", "riam", "khiav"},
}


def test_no_word_gives_the_topic_away() -> None:
    for language, topic in TOPIC_WORDS.items():
        listed = {resume.normalise(word) for word in resume.wordlist(language)}
        assert listed.isdisjoint({resume.normalise(word) for word in topic}), language


def test_chinese_words_are_two_characters() -> None:
    assert {len(word) for word in resume.wordlist("zh")} == {2}


def test_a_phrase_typed_loosely_is_the_same_phrase() -> None:
    # Given a phrase in each language
    for language in SHIPPED:
        phrase = resume.new_phrase(language)
        assert resume.parse(phrase.text) == phrase.secret
        # typed in capitals, with extra spaces and commas
        assert resume.parse("  " + ", ".join(phrase.words).upper() + " ") == phrase.secret
    # Vietnamese and Spanish without accents, Arabic without hamza or with tashkeel
    assert resume.parse("cà phê " * 10) == bytes([resume.wordlist("vi").index("cà phê")] * 10)
    assert resume.parse("ca phe " * 10) == resume.parse("cà phê " * 10)
    assert resume.parse("limon " * 10) == bytes([resume.wordlist("es").index("limón")] * 10)
    arabic = resume.wordlist("ar").index("أرنب")
    assert resume.parse("ارنب " * 10) == bytes([arabic] * 10)
    assert resume.parse("أَرْنَبٌ " * 10) == bytes([arabic] * 10)
    assert resume.parse("ارنبه " * 10) is None  # a different word is not forgiven
    # Chinese with or without spaces
    chinese = resume.new_phrase("zh")
    assert resume.parse("".join(chinese.words)) == chinese.secret


def test_not_a_phrase() -> None:
    assert resume.parse("") is None
    assert resume.parse("apple " * 9) is None  # one word short
    assert resume.parse("apple " * 11) is None
    assert resume.parse("apple " * 9 + "zebra") is None


# -- the cryptography, through the crypto door ---------------------------------------------
def test_phrase_keys_are_stable_separate_and_peppered() -> None:
    pepper = crypto.random_key()
    secret = resume.new_phrase("en").secret
    lookup, key = crypto.derive_phrase_keys(secret, pepper, TEST_KDF)
    assert (lookup, key) == crypto.derive_phrase_keys(secret, pepper, TEST_KDF)
    assert len(key) == 32
    assert len(bytes.fromhex(lookup)) == 32
    assert key.hex() != lookup
    other_secret = bytes([(secret[0] + 1) % resume.LIST_SIZE]) + secret[1:]
    assert crypto.derive_phrase_keys(other_secret, pepper, TEST_KDF)[0] != lookup
    # Another server (another pepper) cannot find or open it with the same phrase.
    elsewhere = crypto.derive_phrase_keys(secret, crypto.random_key(), TEST_KDF)
    assert elsewhere[0] != lookup
    assert elsewhere[1] != key


# -- the respondent's path -----------------------------------------------------------------
def test_finish_later_then_continue_on_another_device_and_send(
    app: Flask, respondent: Respondent, session: Session
) -> None:
    story = "resume-marker-5c1e"
    phrase = finish_later_on_part_two(respondent, story)
    # The phrase is kept nowhere; the draft only under the phrase, sealed.
    assert count(session, SavedDraft) == 1
    assert count(session, Draft) == 0
    row = session.scalars(select(SavedDraft)).one()
    assert story.encode() not in row.ciphertext
    for word in phrase.split():
        assert word.encode() not in row.ciphertext
        assert word not in row.id
    # When she opens the link in a new browser and types the phrase
    elsewhere = Respondent(app.test_client(), respondent.code)
    resume_with(elsewhere, phrase)
    # Then she is where she was, with her answers
    assert elsewhere.status == 200
    assert "Part 2 of" in elsewhere.page
    assert story in elsewhere.page
    # and can go on and send them; the kept draft goes with the sending
    elsewhere.next_until_review()
    elsewhere.post("submit")
    assert elsewhere.heading == "Thank you"
    assert count(session, Response) == 1
    assert count(session, SavedDraft) == 0


def test_a_sent_phrase_opens_nothing(app: Flask, respondent: Respondent) -> None:
    phrase = finish_later_on_part_two(respondent, "one")
    respondent.open()
    respondent.next_until_review()
    respondent.post("submit")
    assert respondent.heading == "Thank you"
    again = Respondent(app.test_client(), respondent.code)
    resume_with(again, phrase)
    assert again.status == 404
    assert "No answers are kept under this phrase" in again.page


def test_a_wrong_phrase_is_explained_and_kept_in_the_box(
    app: Flask, respondent: Respondent
) -> None:
    finish_later_on_part_two(respondent, "two")
    words = words_on(respondent.page)
    wrong = " ".join(words[1:] + words[:1])  # real words, wrong order
    other = Respondent(app.test_client(), respondent.code)
    resume_with(other, wrong)
    assert other.status == 404
    assert "Check the words and their order" in other.page
    assert html.escape(wrong, quote=False) in other.page  # nothing typed is lost
    resume_with(other, "these are not words from the list at all, none of them")
    assert other.status == 422
    assert "not from the list" in other.page


def test_the_phrase_expires_and_the_idle_sweep_leaves_it(
    app: Flask, respondent: Respondent, session: Session, moving_clock: MovableClock
) -> None:
    phrase = finish_later_on_part_two(respondent, "three")
    # Given idle drafts being swept (another respondent writes a draft two hours later)
    moving_clock.advance(hours=2)
    Respondent(app.test_client(), respondent.code).start()
    assert count(session, SavedDraft) == 1
    back = Respondent(app.test_client(), respondent.code)
    resume_with(back, phrase)
    assert "Part 2 of" in back.page
    assert "three" in back.page
    # Then fifteen days after its last save it is gone
    moving_clock.advance(days=15)
    late = Respondent(app.test_client(), respondent.code)
    resume_with(late, phrase)
    assert late.status == 404
    assert count(session, SavedDraft) == 0


def test_the_phrase_deletes_the_answers(
    app: Flask, respondent: Respondent, session: Session
) -> None:
    phrase = finish_later_on_part_two(respondent, "four")
    other = Respondent(app.test_client(), respondent.code)
    resume_with(other, phrase, action="forget_phrase")
    assert other.status == 200
    assert "Your saved answers were deleted" in other.page
    assert count(session, SavedDraft) == 0
    resume_with(other, phrase)
    assert other.status == 404


def test_the_help_page_takes_the_phrase_too(app: Flask, respondent: Respondent) -> None:
    phrase = finish_later_on_part_two(respondent, "five")
    client = app.test_client()
    page = client.get("/help").get_data(as_text=True)
    assert 'href="/continue"' in page
    form = client.get("/continue").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)  # type: ignore[union-attr]
    sent = client.post(
        "/continue", data={"csrf_token": token, "action": "resume_phrase", "phrase": phrase}
    )
    assert sent.status_code == 303
    assert sent.headers["Location"].endswith(respondent.url)  # no secret in the address
    landed = client.get(respondent.url).get_data(as_text=True)
    assert "Part 2 of" in landed
    assert "five" in landed


def test_quick_exit_keeps_a_phrased_draft_and_erases_one_without(
    app: Flask, respondent: Respondent, session: Session
) -> None:
    phrase = finish_later_on_part_two(respondent, "six")
    respondent.client.get("/exit", headers={"Sec-Fetch-Site": "same-origin"})
    assert count(session, SavedDraft) == 1
    plain = Respondent(app.test_client(), respondent.code)
    plain.start()
    assert count(session, Draft) == 1
    plain.client.get("/exit", headers={"Sec-Fetch-Site": "same-origin"})
    assert count(session, Draft) == 0
    back = Respondent(app.test_client(), respondent.code)
    resume_with(back, phrase)
    assert "six" in back.page


def test_a_second_finish_later_replaces_the_phrase(app: Flask, respondent: Respondent) -> None:
    first = finish_later_on_part_two(respondent, "seven")
    respondent.open()
    respondent.post("later")
    second = phrase_on(respondent.page)
    assert "Any phrase you were given before no longer works" in respondent.page
    old = Respondent(app.test_client(), respondent.code)
    resume_with(old, first)
    assert old.status == 404
    new = Respondent(app.test_client(), respondent.code)
    resume_with(new, second)
    assert "seven" in new.page


def test_wrong_phrases_are_throttled_with_a_wait_in_minutes(
    app: Flask, respondent: Respondent
) -> None:
    phrase = finish_later_on_part_two(respondent, "eight")
    guesser = Respondent(app.test_client(), respondent.code)
    guesser.open()
    guesser.post("resume")
    statuses = []
    for _ in range(12):
        guess = resume.new_phrase("en").text
        guesser.post("resume_phrase", {"phrase": guess})
        statuses.append(guesser.status)
    assert statuses[:10] == [404] * 10
    assert statuses[10:] == [429, 429]
    assert re.search(r"Please wait \d+ minutes? and try again", guesser.page)
    # Even the right phrase waits its turn from this connection: guessing gains nothing.
    guesser.post("resume_phrase", {"phrase": phrase})
    assert guesser.status == 429


def test_saved_draft_migration(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    db.upgrade(url, "0009")
    engine = sa.create_engine(url)
    assert "saved_draft" not in sa.inspect(engine).get_table_names()
    db.upgrade(url, "0010")
    inspector = sa.inspect(engine)
    assert {c["name"] for c in inspector.get_columns("saved_draft")} == {
        "id",
        "ciphertext",
        "expires_at",
    }
    assert [i["column_names"] for i in inspector.get_indexes("saved_draft")] == [["expires_at"]]
    from alembic import command

    command.downgrade(db.alembic_config(url), "0009")
    assert "saved_draft" not in sa.inspect(engine).get_table_names()
    engine.dispose()


@pytest.mark.parametrize("language", ["ar", "zh", "vi"])
def test_the_phrase_is_shown_in_her_language(
    app: Flask, respondent: Respondent, language: str
) -> None:
    respondent.start(language)
    respondent.post("later")
    # (a word may have two syllables: "cà phê")
    words = words_on(respondent.page)
    assert all(word in resume.wordlist(language) for word in words)
    assert f'class="phrase" lang="{language}"' in respondent.page


def test_making_phrases_is_bounded_and_keeps_the_answers(
    app: Flask, respondent: Respondent, session: Session
) -> None:
    from intake.ratelimit import PhraseAttemptLimiter

    # Given the site-wide bound on new phrases (each costs an Argon2id) is used up
    limiter = PhraseAttemptLimiter(10, 1, overall_per_minute=1)
    limiter.new_phrase()
    app.extensions["intake.phrase_limiter"] = limiter
    respondent.start()
    respondent.post("later", {"preferred_language": "spanish"})
    # Then she is told how long to wait, and what she chose is kept
    assert respondent.status == 429
    assert "Please wait 1 minute, then press Finish later again" in respondent.page
    assert count(session, SavedDraft) == 0
    page = respondent.open()
    assert 'value="spanish" checked' in page
