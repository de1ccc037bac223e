"""English shapes the lead's probes found in the sixth session: a name set off by commas
before the person it names, a family name after "St.", and going to a person."""

import pytest

from intake.redaction import quote_text


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("Smoke, my ex, hit me again last night", "Smoke", "my ex"),
        ("Trouble, his cousin, came by with a gun", "Trouble", "his cousin"),
        ("June, my advocate, helped me with the order", "June", "my advocate"),
        ("Blue, my son's dad, hit me", "Blue", "my son's dad"),
        ("Sunshine, the advocate, was great", "Sunshine", "the advocate"),
    ],
)
def test_a_name_set_off_before_its_person_goes(text, name, kept):
    quote = quote_text(text, "en")
    assert name not in quote, quote
    assert quote.startswith("[name],")
    assert kept in quote


@pytest.mark.parametrize(
    "text",
    [
        "In June, my advocate helped me with the order",
        "In June, my son, he turned 5",
        "Well, my ex, he hit me",
        "Honestly, my advocate, she was great",
        "Minneapolis, my hometown, is cold",
        "God, my pastor, prayed for us",
        "Police, the officer, came",
    ],
)
def test_what_is_no_apposition_stays(text):
    assert quote_text(text, "en") == text


@pytest.mark.parametrize(
    "text",
    ["Keisha St. John hit me", "Ms. St. Pierre from the county said no", "Keisha St. Clair helped"],
)
def test_a_family_name_after_st_goes_with_the_name(text):
    quote = quote_text(text, "en")
    for part in ("Keisha", "John", "Pierre", "Clair"):
        assert part not in quote, quote
    assert "[name]. " not in quote


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("i went to Keisha. She helped me", "Keisha"),
        ("i went to Sophie for help", "Sophie"),
        ("ran to Jane when he started yelling", "Jane"),
    ],
)
def test_going_to_a_given_name_is_going_to_a_person(text, name):
    quote = quote_text(text, "en")
    assert name not in quote, quote
    assert "[name]" in quote


@pytest.mark.parametrize(
    "text",
    [
        "we moved to Madison last year",
        "she lives in Jackson now",
        "drove to Charlotte with the kids",
        "we went to Denver for a while",
        "i lived near Austin",
    ],
)
def test_going_to_a_city_that_is_also_a_name_stays(text):
    assert quote_text(text, "en") == text


@pytest.mark.parametrize("text", ["north mpls is rough", "the Mpls police came", "MPLS cops"])
def test_the_short_name_of_minneapolis_stays(text):
    assert quote_text(text, "en") == text


@pytest.mark.parametrize(
    "text",
    ["my son Justice was there.", "my son Justice is 4", "my son Judge was there"],
)
def test_a_role_word_alone_after_kin_is_the_name(text):
    quote = quote_text(text, "en")
    assert "Justice" not in quote, quote
    assert "Judge" not in quote, quote
    assert quote.startswith("my son [name]")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("my brother Officer Smith came", "Officer"),
        ("my cousin Pastor Jim prayed", "Pastor"),
        ("my ex Judge Brown", "Judge"),
    ],
)
def test_a_role_before_a_name_after_kin_stays_a_title(text, kept):
    quote = quote_text(text, "en")
    assert kept in quote, quote
    assert "[name]" in quote
