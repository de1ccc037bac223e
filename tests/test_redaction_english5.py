"""English identifiers, fifth pass (the seventh English pass of "Quotes without identities"):
names after weak cues, word-names opening a sentence, hyphens, possessives without their
apostrophe, brackets and quotation marks, held letters, lists, and a name that is also a place.

Each case names a shape, not a word: the names are not the development quotes' (en-qv).
Every part must go, leaving no fragment (a part is left if it stands anywhere as a word, in
any case, as the evaluation counts), and the theme words around it must stay.
"""

from __future__ import annotations

import pytest

from eval.score import occurs
from intake.redaction import redact
from tests.redaction_helpers import assert_redacted as _assert_redacted


def assert_redacted(out: str, parts: list[str], themes: list[str]) -> None:
    _assert_redacted(out, parts, themes)
    for part in parts:
        assert not occurs(part, out, "en"), (part, out)


WEAK_CUES = [
    # "w/" before a space is "with"
    ("i was staying w/ latrice til the hearing", ["latrice"], ["staying", "hearing"]),
    # a call, a text, a message from a person; "heard it from"
    ("got a text from jalen saying he was outside", ["jalen"], ["text", "outside"]),
    ("got a call from Austin about the kids", ["Austin"], ["call", "kids"]),
    ("i heard it from shanice that he had a gun", ["shanice"], ["gun"]),
    # talking or lying to a person
    ("he was always talking to tiana at work", ["tiana"], ["work"]),
    # by, than, like, except before a listed name in lower case
    ("i got picked up by tyrell after court", ["tyrell"], ["picked up", "court"]),
    ("she was worse than latoya ever was", ["latoya"], ["worse"]),
    # and so did: the one who did it too
    ("she called the cops and so did monique", ["monique"], ["cops"]),
    # a word-name after being with someone
    ("i was with chance when he came to the door", ["chance"], ["door"]),
    ("stayed w/ sunny and her kids for a month", ["sunny"], ["kids", "a month"]),
    ("he kept texting ginger all night", ["ginger"], ["night"]),
    ("nobody helped me except faith from the shelter", ["faith"], ["shelter"]),
    # trust, believe, blame: their object is a person
    ("i trust shanice more than my own sister", ["shanice"], ["sister"]),
    # because of, as, about typed short, staying by someone's
    ("called 911 cuz of tyrell n his boys", ["tyrell"], ["911", "boys"]),
    ("she says the same stuff as jalisa", ["jalisa"], ["same stuff"]),
    ("i told my sister abt deshawn", ["deshawn"], ["sister"]),
    ("i been staying by latrice since march", ["latrice"], ["staying", "march"]),
    # a list after "me"
    ("it was me, shanice and tyrell in the car", ["shanice", "tyrell"], ["car"]),
    # a word-name after "then" before "and her", after a verb whose object is a person
    ("then daisy and her mom came over", ["daisy"], ["mom"]),
    ("he slapped Patience in front of the kids", ["Patience"], ["kids"]),
    # a name that is a common word, listed
    ("we left with yaw and the kids at night", ["yaw"], ["kids", "night"]),
]

OPENERS = [
    # a word-name first in a sentence before what a person does
    ("Rocky moved out in March but he still comes by", ["Rocky"], ["March", "comes by"]),
    ("Chance never paid the rent", ["Chance"], ["rent"]),
    ("Duke took my phone and broke it", ["Duke"], ["phone"]),
    ("Sunny got out on bail the next day", ["Sunny"], ["bail"]),
    ("Stormy said the judge was on his side", ["Stormy"], ["judge"]),
    ("Grace stayed with me at the hospital", ["Grace"], ["hospital"]),
]

HYPHENS_AND_OWNERS = [
    ("jean-pierre hit me in front of the kids", ["jean", "pierre"], ["kids"]),
    ("we stayed at latrices place after the fire", ["latrices"], ["place", "fire"]),
    ("we slept on Shanices couch for a week", ["Shanices"], ["couch", "a week"]),
]

ENCLOSED = [
    ("my neighbor (tyrell) called 911", ["tyrell"], ["neighbor", "911"]),
    ("the advocate [shanice] helped me with the OFP", ["shanice"], ["advocate", "OFP"]),
    ("her dad 'jerome' kept coming by", ["jerome"], ["dad"]),
    ('everyone calls her "peaches" around here', ["peaches"], ["around here"]),
]

HELD_AND_LISTS = [
    ("and then MARCUSSSS shows up drunk", ["MARCUSSSS"], ["drunk"]),
    ("and then TYRONEEE starts yelling at me", ["TYRONEEE"], ["yelling"]),
    ("Tyrone, dre, jalen and them jumped my cousin", ["Tyrone", "dre", "jalen"], ["cousin"]),
    (
        "i called Monique, latrice, kofi and nobody picked up",
        ["Monique", "latrice", "kofi"],
        ["nobody"],
    ),
]

PLACES_OF_A_NAME = [
    ("Officer Austin wrote the report, we lived in Austin then", ["Austin"], ["Officer", "report"]),
    (
        "Judge Austin Reed gave him probation and he moved to Austin",
        ["Austin", "Reed"],
        ["Judge", "probation"],
    ),
]


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    WEAK_CUES + OPENERS + HYPHENS_AND_OWNERS + ENCLOSED + HELD_AND_LISTS + PLACES_OF_A_NAME,
)
def test_names_of_the_seventh_english_pass_go(text, parts, themes):
    assert_redacted(redact(text, "en"), parts, themes)


MUST_NOT_CHANGE = [
    # a common noun opening a sentence, a virtue, a month or a season
    "Court was hard. Rent was due and Money never came",
    "Police never came and Family never helped",
    "Hope is all i have left",
    "Faith is what got me thru it",
    "Lucky for me the neighbor called 911",
    "June was the worst month, he left in July",
    "August my brother got out of jail",
    "Summer went by so fast",
    "Summer came and he got worse",
    "Sky got dark and he came home drunk",
    "Spring got hot early that year",
    # with a thing or nobody
    "i left w/ nothing but my kids",
    "i was with my mom and then with the kids all day",
    "she was with faith in her heart the whole time",
    "he left with bruises on his arm",
    "w/o my kids i had nothing",
    # hyphens and brackets that are no names
    "my ex-husband and his new gf broke in",
    "the x-ray showed two broken ribs",
    "my ex (again) called the cops on me",
    "my lawyer (finally) called back",
    "my mom (the nurse) came to court",
    # a place with no name found
    "we moved to Jordan in 2019",
    "he sent money from Jordan every month",
    "i called the cops and so did my mom",
    "it was me, the kids and him",
    "bc of money we stayed",
    "then summer came and he got worse",
    "i hit rock bottom that year",
    # a common word that is a name only as a family name or in another language's list
    "my kids got placed by foster care",
    "kids like foster kids get bullied",
    "he was talking to german police about it",
]


@pytest.mark.parametrize("text", MUST_NOT_CHANGE)
def test_words_like_those_names_stay(text):
    assert redact(text, "en") == text


def test_a_place_of_several_words_stays_whole_beside_a_name_found_elsewhere():
    # Decided after the sixth session's review: read whole, "Tyler County" or "St. Paul"
    # names the place, not the person, and the team needs it; a one-word place equal to the
    # name still goes ("Officer Jackson … in Jackson").
    out = redact("Detective Tyler called, we live in Tyler County now", "en")
    assert out.startswith("Detective [name] called"), out
    assert "Tyler County" in out, out
    out = redact("Officer Paul helped me. We live in St. Paul now.", "en")
    assert out == "Officer [name] helped me. We live in St. Paul now.", out


def test_w_slash_is_one_token_only_before_a_space():
    # "w/o" (without) and "w/tasha" are not "with"
    assert redact("w/o tasha i had nobody", "en").startswith("w/o ")
    assert redact("i stayed w/ tasha", "en") == "i stayed w/ [name]"
