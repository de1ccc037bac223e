"""English identifiers, sixth red-team pass (long answers, en-qu): a second title after a
role word and a comma, the rest of a person's initials, initials that are also an hour's or
an era's letters, a name ordinary only in another language found again in lower case, a
hyphenated nickname found again, one initial owning something or standing alone, a school
named for a person whose name is also a city, a building named for a person, a list of names
or of children with their ages with one item still a word, a name broken at a line, an
honorific with one letter, a quoted name after "her name was", and a family name after a
middle initial ("Marvin T. Gaines").

Each case names a shape, not a word: the names are not the development quotes'. Every part
must go, leaving no fragment (a part is left if it stands anywhere as a word, in any case,
as the evaluation counts), and the theme words around it must stay.
"""

from __future__ import annotations

import pytest

from eval.score import beside_placeholder, occurs
from intake.redaction import redact
from tests.redaction_helpers import assert_redacted as _assert_redacted


def assert_redacted(out: str, parts: list[str], themes: list[str]) -> None:
    _assert_redacted(out, parts, themes)
    for part in parts:
        assert not occurs(part, out, "en"), (part, out)


SHAPES = [
    # a role word, a comma, then a title with its name ("the detective, Det. Morrison")
    (
        "The sergeant, Sgt. Gallagher, said he could not help. My ex Carl laughed.",
        ["Gallagher", "Carl"],
        ["sergeant", "Sgt.", "help"],
    ),
    (
        "I called his parole officer, Officer Sterling. Sterling never called back.",
        ["Sterling"],
        ["parole officer", "Officer", "called back"],
    ),
    # a person's initials after a title, with a comma or without
    ("my ex, R.T., broke the window in March", ["R.T.", "T."], ["ex", "window", "March"]),
    ("her boyfriend K.B. took the car", ["K.B.", "B."], ["boyfriend", "car"]),
    # the letters of an hour or an era standing alone are a person's initials
    ("P2: sorry, A.M. then. he hit me twice", ["A.M."], ["P2", "twice"]),
    # a name that is an everyday word only in Spanish, found again in lower case
    ("Her husband Fue Moua hit her. fue's brother drove him away", ["Fue", "Moua"], ["brother"]),
    # a hyphenated nickname found again ("b-money … b-money")
    (
        "his name is terrence but they call him t-bone. t-bone got out in july",
        ["terrence", "t-bone", "bone"],
        ["july"],
    ),
    # one initial found, then owning something
    ("Intake with M. today. M's kids are with the grandma", ["M"], ["Intake", "kids", "grandma"]),
    # a school named for a person whose name is also a city, after "went to"
    (
        "we went to Franklin Middle School for the meeting about my son",
        ["Franklin"],
        ["School", "meeting", "son"],
    ),
    # a building named for a person keeps its building words
    (
        "I volunteer at the Marcus Brown Recreation Center on Mondays",
        ["Marcus", "Brown"],
        ["Recreation Center", "Mondays"],
    ),
    ("we met at the Walter Mondale Library", ["Walter", "Mondale"], ["Library"]),
    # children with their ages, one name still a word
    ("kids: Juniper 4, Marcus 7", ["Juniper", "Marcus"], ["kids", "4", "7"]),
    ("my kids Marcus (7) and Juniper (4) saw it", ["Marcus", "Juniper"], ["kids", "saw"]),
    # a list of names, one item still a word
    ("their names are Juniper, Marcus and Keisha", ["Juniper", "Marcus", "Keisha"], ["names"]),
    # a name broken across a line, with its hyphen or without
    ("my ex Cornelius Brad-\nshaw still calls", ["Cornelius", "Brad", "shaw"], ["ex", "calls"]),
    ("Cornelius Wal\nker called me at work", ["Cornelius", "Wal", "ker"], ["called", "work"]),
    # a name in quotation marks after "her name was"
    ('she said her name was "Destiny" but it is not', ["Destiny"], ["said", "name"]),
    # a given name, a middle initial and a family name no list holds
    ("my ex Marvin T. Gaines hit me in May", ["Marvin", "Gaines", "T"], ["ex", "May"]),
    ("Respondent: Harlan Q. Vickery, DOB unknown", ["Harlan", "Vickery", "Q"], ["DOB"]),
    # in capitals: a family name that is also a word after a found name, and an honorific
    # after a role and "is"
    (
        "MY SON'S FATHER, DESHAWN BAKER, WAS ARRESTED. HIS LAWYER IS MS. ROSENTHAL.",
        ["DESHAWN", "BAKER", "ROSENTHAL"],
        ["FATHER", "ARRESTED", "LAWYER"],
    ),
    # a kin word after "our" or "their", then a name no list holds
    ("she took our son Dobromir to Brooklyn", ["Dobromir"], ["son", "Brooklyn"]),
    ("their granddaughter Zinaida is 4", ["Zinaida"], ["granddaughter", "4"]),
    # an honorific and one letter
    ("the teacher (Mrs. K) called CPS", ["K"], ["teacher", "CPS"]),
    # one letter found as a name, standing alone again
    (
        "the man, I will call him R, hit me. Then R took the car. he gave me hep C",
        ["R"],
        ["hep C", "car"],
    ),
]


@pytest.mark.parametrize(("text", "parts", "themes"), SHAPES)
def test_long_answer_shapes(text: str, parts: list[str], themes: list[str]) -> None:
    assert_redacted(redact(text, "en"), parts, themes)


def test_no_fragment_of_initials_or_hyphenated_names() -> None:
    out = redact("my ex A.D. hit me. they call him b-money. b-money got out", "en")
    assert not beside_placeholder("D.", out, "en"), out
    assert not beside_placeholder("b", out, "en"), out


KEPT = [
    # an hour's or an era's letters beside a number, or after "the", stay
    ("he came at 5 P.M. and left", ["P.M."]),
    ("built in 500 A.D. by the romans", ["A.D."]),
    ("call me in the A.M. please", ["A.M."]),
    # a capital letter owning something, when no one was found by that initial
    ("I got A's and B's in school before he hit me", ["A's", "B's"]),
    # after a name's initial, a word opening the next sentence stays
    ("I talked to Jessica M. She said the court date moved", ["She said", "court"]),
    # "her name was" before an ordinary word
    ("her name was on the lease", ["on the lease"]),
    # a line break after a name, then an English word
    ("my ex Cornelius\nhe still calls", ["he still calls"]),
    # a word that is no name in a list with a found name and a number
    ("scores: Marcus 5, Reading 2", ["Reading"]),
    # a city before a school word, with no school word after it, stays as a city
    ("we moved to Franklin and the school was good", ["Franklin", "school"]),
    # a building's words after a place stay
    ("the Hennepin County Medical Center staff helped", ["Hennepin County", "Medical Center"]),
]


@pytest.mark.parametrize(("text", "themes"), KEPT)
def test_words_kept(text: str, themes: list[str]) -> None:
    out = redact(text, "en")
    for theme in themes:
        assert theme in out, (theme, out)


def test_a_month_in_an_age_list_is_no_name() -> None:
    out = redact("visits: Marcus 5, June", "en")
    assert "June" in out, out
    assert "Marcus" not in out, out
