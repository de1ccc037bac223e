"""English names nothing marks: typed on a phone, unlisted, of any origin (issue 18, item 4).

Each case names a shape, not a word: the names here are not in the lists and not in the
development quotes. Every part of the name must go, leaving no fragment, and the theme words
around it (cities that are names, roles, agencies, months, durations, 911) must stay.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from intake.redaction import english, redact
from tests.redaction_helpers import assert_redacted

CASES = [
    # a word no dictionary knows, after a verb of speech or contact
    ("i called obinna from the program and he came", ["obinna"], ["program"]),
    ("texted svetlana and she said come to the YWCA", ["svetlana"], ["YWCA"]),
    ("told lakshmi everything and she called 911", ["lakshmi"], ["911"]),
    # after a role or kin word
    ("my cousin rommel drove me to the shelter in Florence", ["rommel"], ["shelter", "Florence"]),
    ("my PO sanjeev said i need an OFP", ["sanjeev"], ["PO", "OFP"]),
    ("his friend viliami said he saw it but wont testify", ["viliami"], ["testify"]),
    # before what a person does, or "and his", "from the", "my cousin"
    ("yevgeny was arrested in july and out in 2 days", ["yevgeny"], ["july", "2 days"]),
    ("kealoha and her sister took me in", ["kealoha"], ["sister"]),
    ("nokomis from the tribal court was the only one who listened", ["nokomis"], ["tribal court"]),
    ("adaeze my cousin picked me up at the ER", ["adaeze"], ["cousin", "ER"]),
    ("me n funmilayo stayed at the YWCA for 2 weeks", ["funmilayo"], ["YWCA", "2 weeks"]),
    # capitalised inside a sentence, unknown to the dictionary
    ("stayed with Kwabena and his wife for 3 nights", ["Kwabena"], ["3 nights"]),
    ("the caseworker said Nirmala cant stay past 30 days", ["Nirmala"], ["caseworker", "30 days"]),
    ("went back to Tarik in august", ["Tarik"], ["august"]),
    # a run of unknown words and listed names: every part goes
    ("my sister in law gurpreet kaur told the family", ["gurpreet", "kaur"], ["family"]),
    ("his mom marilou dela cruz keeps calling CPS", ["marilou", "dela", "cruz"], ["CPS"]),
    # surnames that are words, after a given name
    ("my ex kevin brown got 90 days", ["kevin", "brown"], ["90 days"]),
    ("went to the DA with tasha white from church", ["tasha", "white"], ["DA", "church"]),
    # nicknames, one letter, initials, apostrophe and hyphen names
    (
        "lil jamo and big mike were outside when the cops came",
        ["lil", "jamo", "big", "mike"],
        ["cops"],
    ),
    ("T told me if i called 911 again he would hurt me", ["t"], ["911"]),
    ("my ex k.c. broke my phone", ["k.c"], ["broke my phone"]),
    ("Ja'Marcus's mom lives in Jackson", ["ja'marcus"], ["mom", "Jackson"]),
    ("officer o'malley said it was civil", ["o'malley"], ["officer"]),
    ("my son jean-luc is 6 and DCFS has the case", ["jean-luc"], ["DCFS"]),
    # capitals and Title Case
    ("MY EX KOFI MENSAH BROKE MY JAW AND THE DA DROPPED IT", ["kofi", "mensah"], ["DA", "JAW"]),
    ("The Judge Let Anjali Venkatesan Keep The Kids Till May", ["anjali", "venkatesan"], ["Judge"]),
]


@pytest.mark.parametrize(("text", "parts", "themes"), CASES, ids=[c[0][:30] for c in CASES])
def test_unmarked_english_name_goes_and_themes_stay(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, "en")
    assert_redacted(out, parts, themes)
    assert "[name]" in out


@pytest.mark.parametrize(
    "text",
    [
        "he was out on bail the next morning and texting me",
        "we moved to Austin in june and then to Charlotte",
        "stayed w my aunt in Madison for 6 weeks after the ER",
        "we went to Eagan and Burnsville looking for a shelter",
        "he lives off 35th & Bloomington now",
        "the CO at the jail was cool but the judge wasnt",
        "the ER doctor and the caseworker both said call the advocate",
        "me and the kids stayed at the ywca for like 2 wks",
        "he kept textin and callin me nonstop smh",
        "i was stayin with friends and couch surfing for months",
        "i texted the advocate and she never texted back",
        "with narcan and everything they saved him",
        "my son has ADHD and 3 DUIs on his record",
        "then everything went downhill after he got out",
        "the da said the case was too weak, and my hope was gone",
    ],
)
def test_no_name_no_change(text: str) -> None:
    assert redact(text, "en") == text


def test_cities_that_are_names_stay_after_in() -> None:
    out = redact("my sister lives in Charlotte and Marcus lives in Jackson", "en")
    assert "Charlotte" in out
    assert "Jackson" in out
    assert "Marcus" not in out


def test_without_the_word_list_the_rule_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english, "_english_dictionary", lambda: {})
    english._english_word_cached.cache_clear()
    try:
        assert redact("i called obinna from the program", "en") == (
            "i called obinna from the program"
        )
    finally:
        english._english_word_cached.cache_clear()


def test_other_languages_do_not_use_the_english_word_list() -> None:
    # A Spanish quote keeps its words though the English list does not know them.
    text = "le dije todo a mi prima y ella llamó a la policía"
    assert redact(text, "es") == text


def test_the_word_list_is_not_loaded_at_import() -> None:
    code = "import sys, intake.redaction; print('spellchecker' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    [
        ("went over to Kofi's house and he wasnt there", ["kofi"], ["house"]),
        ("the nurse gave my number to Thabo by mistake", ["thabo"], ["nurse"]),
        ("her name was sunita and she was the advocate", ["sunita"], ["advocate"]),
        ("the detective, ngozi okafor, said wait", ["ngozi", "okafor"], ["detective"]),
        ("when zainab found out she drove me to the ER", ["zainab"], ["ER"]),
        ("Big Mike and Lil Tre were outside", ["big", "mike", "lil", "tre"], ["outside"]),
    ],
)
def test_more_person_positions(text: str, parts: list[str], themes: list[str]) -> None:
    out = redact(text, "en")
    assert_redacted(out, parts, themes)


def test_a_possessive_stays_after_the_name() -> None:
    assert redact("went over to Kofi's house", "en") == "went over to [name]'s house"


def test_to_after_going_is_a_place() -> None:
    text = "we moved to Brooklyn Park then to Eagan after the eviction"
    assert redact(text, "en") == text


def test_a_misspelt_role_word_is_not_a_name() -> None:
    text = "i talked to the caseworker and detectve said wait"
    assert redact(text, "en") == text


@pytest.mark.parametrize(
    "text",
    [
        # Vietnamese typed without accents: "toi" is a title word in Vietnamese, not English
        "toi phai ra toa 5 lan",
        "tuan sau toi phai len toa",
        # mostly words the English list does not know: not plain English
        "anh ta doa toi se bi deported",
    ],
)
def test_text_that_is_not_english_keeps_its_words(text: str) -> None:
    assert redact(text, "en") == text


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    [
        ("so we drove to Madison that night with sefa", ["sefa"], ["Madison"]),
        ("i got jumped by Kelechi and his boys in Charlotte", ["kelechi"], ["Charlotte"]),
        ("my kids stayed w their nana lupe for a month", ["lupe"], ["nana", "a month"]),
        ("my aunt mary jo took us in for 2 weeks", ["mary", "jo"], ["aunt", "2 weeks"]),
        ("My Ex Husband Bartholomew Okonjo Has The Kids In Jackson", ["okonjo"], ["Jackson"]),
        ("i went back to Shanice after he hit me", ["shanice"], ["hit me"]),
    ],
)
def test_places_and_people_after_a_preposition(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, "en")
    assert_redacted(out, parts, themes)


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    [
        ("i told the ER nurse that kaveh did it", ["kaveh"], ["ER", "nurse"]),
        ("the caseworker from CPS said anouk could stay", ["anouk"], ["caseworker", "CPS"]),
        ("Wairimu from DCFS came to the house in march", ["wairimu"], ["DCFS", "march"]),
    ],
)
def test_a_subject_before_a_modal_or_an_agency(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, "en")
    assert_redacted(out, parts, themes)


def test_lower_case_places_after_in_stay() -> None:
    text = "we lived in eagan and burnsville for a year"
    assert redact(text, "en") == text
    assert redact("we stayed in maplewood w chidi", "en") == "we stayed in maplewood w [name]"
