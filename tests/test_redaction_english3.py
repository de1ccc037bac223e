"""English identifiers, third pass (issue 18, item 4): one person written several ways in a
quote, handles without "@", places that say where a person lives, names that are also words.

Each case names a shape, not a word: the names are not the development quotes' (en-qp).
Every part must go, leaving no fragment (a part is left if it stands anywhere as a word, in
any case, as the evaluation counts), and the theme words around it must stay.
"""

from __future__ import annotations

import pytest

from eval.score import occurs
from intake.redaction import redact
from tests.redaction_helpers import assert_redacted as _assert_redacted


def assert_redacted(out: str, parts: list[str], themes: list[str]) -> None:
    """As the evaluation counts: a part is left if it stands anywhere as a whole word, in any
    case ("Kaveh's" leaves "Kaveh")."""
    _assert_redacted(out, parts, themes)
    for part in parts:
        assert not occurs(part, out, "en"), (part, out)


AGAIN = [
    # found once with a title, then in lower case and with a pet ending
    (
        "Mr. Hobbs is the landlord, then hobbs let him in and Hobbsy laughed",
        ["hobbs", "hobbsy"],
        ["landlord"],
    ),
    ("Officer Crane took the report and crane told my landlord", ["crane"], ["landlord"]),
    # misspelt by one letter the second time
    (
        "Marcus took my phone and Marcuss lied to the judge",
        ["marcus", "marcuss"],
        ["judge"],
    ),
    ("my ex Demetrius, Metrius to his friends, came to the ER", ["demetrius", "metrius"], ["ER"]),
    # a name that is also a word, used as the word later: errs towards removing
    ("my cousin Hope picked me up, i had no hope left after court", ["hope"], ["court"]),
    ("my brother Will said he will come back in March", ["will"], ["March"]),
    # all capitals in a pasted text, then as written
    ("Keanu said sorry. KEANU IF U READ THIS STOP, i told the officer", ["keanu"], ["officer"]),
]

HANDLES = [
    (
        "he made a page facebook.com/kev.harmon12 and posts my house",
        ["kev.harmon12", "kev"],
        ["facebook"],
    ),
    ("his IG is dreezy_414 and he posts about me", ["dreezy_414"], []),
    ("the snap he uses is tay.b.money and my kids are on it", ["tay.b.money"], ["kids"]),
    (
        "he sends child support thru cashapp to $JRoc22 sometimes",
        ["jroc22", "$jroc22"],
        ["child support"],
    ),
    ("he emails me from kingkev09 at yahoo every night", ["kingkev09"], []),
]

PLACES = [
    ("we lived at Maple Grove Townhomes for a year", ["maple", "grove"], ["a year"]),
    ("we stayed at Pine Hollow apartments till the OFP", ["pine", "hollow"], ["OFP"]),
    ("his mom lives in the green house on Walnut by the gas station", ["walnut"], ["mom"]),
    ("she works at the Walgreens on Broadway", [], ["Walgreens", "Broadway"]),
]

JOINED = [
    # the family name is also a city, set aside later ("Rio", "Pierre"): taken with its title
    ("the advocate, Ms. del Rio, came to court with me", ["del", "rio"], ["advocate", "court"]),
    ("Ms. St. Pierre from the county said no", ["st", "pierre"], ["county"]),
    ("Officer van Dyke laughed at me", ["van", "dyke"], ["Officer"]),
    (
        "the caseworker, Mrs. de los Santos, said CPS closed it",
        ["de", "los", "santos"],
        ["caseworker", "CPS"],
    ),
    ("Officer van der Meer took the report in June", ["van", "der", "meer"], ["June"]),
    ("Li Ming and his brother came to the ER in Houston", ["li", "ming"], ["ER", "Houston"]),
    ("Kaveh's uncle is a deacon and he told everyone", ["kaveh"], ["deacon"]),
]

FAMILIES_AND_COMMON_NAMES = [
    # a family by its name in the plural
    ("the Hernandezes next door called 911 for me", ["hernandezes", "hernandez"], ["911"]),
    ("we stayed at the Petersons' for a week", ["petersons"], ["a week"]),
    # common given names the dictionary also knows, capitalised inside a sentence
    ("i told Maureen everything and she called the cops", ["maureen"], ["cops"]),
    ("the judge believed Desmond over me in March", ["desmond"], ["judge", "March"]),
    ("Gideon came to the house at 2am", ["gideon"], []),
    # a listed name in lower case after a verb whose object is a person
    ("the judge believed keisha over me", ["keisha"], ["judge"]),
    ("he punched tamika in the face and the cops came", ["tamika"], ["cops"]),
    ("my mom blamed jasmine for everything", ["jasmine"], ["mom"]),
    # a nickname in quotation marks inside a name whose last part is listed
    ("her ex, Dwayne 'Boo' Johnson, broke the OFP", ["dwayne", "boo", "johnson"], ["OFP"]),
]

THEMES_STAY = [
    "we visited madison last june",
    "he followed us to austin in july",
    "i reported chase bank to the police",
    "the Browns game was on when he came home",
    "the Officers at the desk laughed",
    "Officer St. Paul PD came to the house",
    "i told my mom la Policia came",
    "i went to Target, then Chase bank, then the YWCA in Charlotte and called 911",
    "the judge, the DA, my PO and CPS all met in Madison in August for 2 hours",
    "Will you help me? he will not stop",
    "the Walgreens on Maple is where i get my meds",
    "my kids go to the school on Main and the bus is late",
]


@pytest.mark.parametrize(("text", "parts", "themes"), AGAIN, ids=[c[0][:28] for c in AGAIN])
def test_one_person_written_again_goes_every_time(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, "en")
    assert_redacted(out, parts, themes)


@pytest.mark.parametrize(("text", "parts", "themes"), HANDLES, ids=[c[0][:28] for c in HANDLES])
def test_handles_without_an_at_sign_go(text: str, parts: list[str], themes: list[str]) -> None:
    out = redact(text, "en")
    assert_redacted(out, parts, themes)
    for part in parts:
        assert part.lower() not in out.lower(), (part, out)


@pytest.mark.parametrize(("text", "parts", "themes"), PLACES, ids=[c[0][:28] for c in PLACES])
def test_places_that_say_where_someone_lives_go(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, "en")
    assert_redacted(out, parts, themes)
    if not parts:
        assert out == text


@pytest.mark.parametrize(("text", "parts", "themes"), JOINED, ids=[c[0][:28] for c in JOINED])
def test_joining_words_and_short_names_go_with_the_name(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, "en")
    assert_redacted(out, parts, themes)


@pytest.mark.parametrize("text", THEMES_STAY)
def test_theme_words_and_no_one_stay(text: str) -> None:
    assert redact(text, "en") == text


def test_a_name_again_leaves_a_bank_and_a_file_name() -> None:
    # "Mr. Chase … Chase bank": a name word before "bank" is the bank
    out = redact("the DA, Mr. Chase, said i should call Chase bank", "en")
    assert "Chase bank" in out
    assert "Mr. [name]" in out
    # a file's name with an underscore is no user name
    assert redact("i saved it as notes_2024.txt for court", "en") == (
        "i saved it as notes_2024.txt for court"
    )
    # "tasha.m22 at yahoo dot com" is one address, read whole
    assert redact("write me at kiki.r7 at yahoo dot com", "en") == "write me at [email]"


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    FAMILIES_AND_COMMON_NAMES,
    ids=[c[0][:28] for c in FAMILIES_AND_COMMON_NAMES],
)
def test_families_and_common_names_go(text: str, parts: list[str], themes: list[str]) -> None:
    assert_redacted(redact(text, "en"), parts, themes)
