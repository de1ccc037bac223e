"""English given names of the US Census (intake/data/given-names-en-census.txt).

The hand-written English list held the names development quotes happened to use; common
names the English dictionary also "knows" (it is counted from film subtitles) stayed in
plain sight: "Jane hit me", "i called Leslie", "Heidi said". These tests fail without the
census list, and check that what the file leaves out still stays a word.
"""

import pytest

from intake.namelists import census_given_names as _census_given_names
from intake.redaction import quote_text
from intake.redaction.rules import _load, _load_places


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("Jane hit me in front of the kids", "Jane", "kids"),
        ("i called Leslie from the program and she never called back", "Leslie", "program"),
        ("he choked Debbie and nobody did nothing", "Debbie", "choked"),
        ("Sophie said the police would take my kids", "Sophie", "police"),
        ("Caitlin at the clinic was the only one who listened", "Caitlin", "clinic"),
        ("Meredith lied to the judge about everything", "Meredith", "judge"),
        ("Heidi at the shelter helped me with the protection order", "Heidi", "shelter"),
        ("i was scared of Traci too bc she backed him up", "Traci", "scared"),
        ("Harlan is on probation now but he still comes by", "Harlan", "probation"),
        ("Emanuel is still texting me from jail", "Emanuel", "jail"),
        ("Darin and Cary were both there when it happened", "Cary", "there"),
    ],
)
def test_a_common_english_name_goes_wherever_it_stands(text, name, kept):
    quote = quote_text(text, "en")
    assert name.lower() not in quote.lower(), quote
    assert "[name]" in quote
    assert kept in quote


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Vietnamese typed without tones: "tien" (money), "toi" (I), "dang" (-ing)
        ("anh ta o tu 3 ngay roi dong tien bao lanh ra", "vi"),
        ("canh sat toi nha nhung chi noi chuyen voi chong toi", "vi"),
        # Spanish words that are census names: "del", "esta", "buena"
        ("el papa de mis hijos esta en la carcel del condado", "es"),
        ("la trabajadora social fue muy buena conmigo", "es"),
        # Somali: "shan" five, "magan" asylum
        ("shan bilood ayuu xabsi ku jiray", "so"),
        ("waxaan codsaday magan", "so"),
        # a country and a place of two words stay
        ("we came from Argentina and lived in Los Angeles", "en"),
        ("my cousin in Puerto Rico sent money", "en"),
        # a holiday stays like a month
        ("at Christmas and Easter he gets drunk and mean", "en"),
        # a day of the week stays, in every place ("sunday" is a census first name)
        ("I went to court on Sunday and he was there", "en"),
        ("Every Sunday he takes the kids to his mom", "en"),
        ("Last Sunday the police came again", "en"),
        ("we went to church on Sunday morning", "en"),
    ],
)
def test_words_the_census_list_leaves_out_stay(text, language):
    assert quote_text(text, language) == text


def test_the_census_file_leaves_out_what_its_header_says():
    names = set(_census_given_names())
    assert len(names) > 3000
    assert all(name == name.lower() and len(name) >= 3 for name in names)
    data = _load()
    places = _load_places()
    for language, lists in data.items():
        for key in ("months", "days", "places", "agencies", "never_names"):
            listed = {word.lower() for word in lists.get(key, [])}
            assert not names & listed, (language, key, sorted(names & listed)[:5])
    assert not names & {place.lower() for place in places["places"] + places["also_names"]}
    # holidays stay like months; the words of a place of several words stay
    assert not names & {"easter", "christmas", "thanksgiving"}
    assert not names & {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
    assert not names & {"santa", "angeles", "rico"}
    # the names reach the English given names, once loaded
    assert "jane" in {name.lower() for name in data["en"]["given_names"]}


def test_a_school_named_for_a_person_loses_the_name():
    # "at Roosevelt" stayed when the street pass was written; a census name now goes, as
    # "Lincoln High School" already became "[name] School": the school is where a child is.
    assert quote_text("my son is in 5th grade at Roosevelt", "en") == (
        "my son is in 5th grade at [name]"
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Herb drove me to the shelter", "Herb"),
        ("me and Fern left that night", "Fern"),
        ("Curt pushed me down the stairs", "Curt"),
        ("i told Flora everything", "Flora"),
        ("then Mickey showed up drunk", "Mickey"),
        ("Kitty said no to the judge", "Kitty"),
    ],
)
def test_a_census_name_that_is_a_word_goes_where_a_person_stands(text, name):
    quote = quote_text(text, "en")
    assert name.lower() not in quote.lower(), quote
    assert "[name]" in quote


@pytest.mark.parametrize(
    "text",
    [
        "we grew a herb garden at the shelter",
        "he was curt with me at the front desk",
        "my kitty died when we moved out",
        "the officer was earnest about it",
        "i was a tad late to court",
    ],
)
def test_the_same_words_stay_where_they_are_words(text):
    assert quote_text(text, "en") == text
