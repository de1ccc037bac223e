"""English identifiers, fourth pass (the sixth of "Quotes without identities"): short names
and names that are words.

Each case names a shape, not a word: the names are not the development quotes' (en-qs).
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


SHORT_NAMES = [
    # a capitalised two-letter word English does not write, wherever it stands
    ("Gi from the food shelf drove me to the ER", ["Gi"], ["food shelf", "ER"]),
    ("I met Ry in 2018 at the shelter in Mankato", ["Ry"], ["2018", "shelter", "Mankato"]),
    ("I texted Ky at legal aid and she said no", ["Ky"], ["legal aid", "no"]),
    ("Lu, my ex, broke the TV in March", ["Lu"], ["ex", "TV", "March"]),
    ("my kids are Rosa and Ki, they go to special ed", ["Rosa", "Ki"], ["special ed", "kids"]),
    ("Oh so Py and Ze took me in when the DA dropped it", ["Py", "Ze"], ["Oh", "so", "DA"]),
    ("Ny's car was outside the ER", ["Ny"], ["car", "ER"]),
    # two capitals with a J: initials said as a name
    ("KJ and RJ jumped my son after school", ["KJ", "RJ"], ["son", "school"]),
    # after "name is", "name's", "goes by", "call him": a short name in any case
    ("his name is Gu and he hit me in June", ["Gu"], ["June"]),
    ("her name's lu, she works at the DA office", ["lu"], ["DA"]),
    ("he goes by Ge on the street", ["Ge"], ["street"]),
    ("we call him ky. the PO knows him", ["ky"], ["PO"]),
    # found once, again in lower case when that is no English word
    ("me and Ky have a son, ky said he would take him to the US", ["Ky"], ["son", "US"]),
    ("Abe was the landlord, abe never fixed the heat", ["Abe"], ["landlord", "heat"]),
]

WORDS_THAT_ARE_NAMES = [
    # a virtue-name capitalised after a person cue, or first before what a person does
    ("then Mercy called the police on me", ["Mercy"], ["police"]),
    ("I stayed with Charity for two weeks in Fargo", ["Charity"], ["two weeks", "Fargo"]),
    ("Patience at legal aid said wait 6 weeks", ["Patience"], ["legal aid", "6 weeks"]),
    ("Honor texted me after court", ["Honor"], ["court"]),
    # a word-name capitalised inside a sentence
    ("the cops said Rocky was fine", ["Rocky"], ["cops"]),
    ("so Duke took the kids in May", ["Duke"], ["kids", "May"]),
    ("i told Grant everything and he called ICE", ["Grant"], ["ICE"]),
    # a street word that is a name, capitalised after a word in lower case
    ("my lawyer said Lane can have the kids on Sundays", ["Lane"], ["lawyer", "kids", "Sundays"]),
    # a borrowed two-letter word that is also a name, inside a sentence
    ("Hoa and Ta are my kids, Ta is 6", ["Hoa", "Ta"], ["kids"]),
    # a word-like given name joined by "and" to a found one
    ("Chip and Bud from AA took me to meetings", ["Chip", "Bud"], ["AA", "meetings"]),
    # a second spelling the dictionary knows, of a name of six letters or more
    ("Dustin hit me, dusting is how the clerk typed it", ["Dustin", "dusting"], ["clerk"]),
]


@pytest.mark.parametrize(("text", "parts", "themes"), SHORT_NAMES + WORDS_THAT_ARE_NAMES)
def test_short_names_and_word_names_go(text: str, parts: list[str], themes: list[str]) -> None:
    assert_redacted(redact(text, "en"), parts, themes)


KEPT = [
    # two-letter words English writes capitalised stay
    "So i went to the ER. Oh and the DA said no",
    "Ok so we moved to St Paul in April",
    "Um i dont know, Ya he hit me",
    "Re: custody. PS he has a gun",
    "I got my ID and a TV. Me and my kids are OK",
    "Go to the US. We stayed in a DV shelter",
    "Cl reports PD responded after 911 call. Ox said it",
    "Le dije a la trabajadora social que tenía miedo",
    "My son is in special ed. I did drivers ed too",
    "the JD at legal aid helped me",
    "We moved to Tulsa, Ok in May",
    # words that are names, where they are words
    "the grant paid my rent",
    "Faith kept me going",
    "with Faith in God i made it",
    "we had fun last Summer, he hit me in Summer",
    "they gave me a Bill",
    "we used Chase bank",
    "the shelter, el refugio de Phoenix, took us in",
    "Ta mère a appelé. Tu mamá llamó a la policía",
    "Con Fe y esperanza salí adelante",
    "we lost the case in court, i need a kit",
    # a word-name before another capitalised word is a place or a business; a virtue after "and"
    "thank God for Hope House, he had Ruby Tuesday gift cards",
    "I prayed to God and Heaven helped me",
    "i have Crystal meth issues with him",
]


@pytest.mark.parametrize("text", KEPT)
def test_words_stay(text: str) -> None:
    out = redact(text, "en")
    assert out == text, out


def test_short_name_found_capitalised_keeps_its_lower_case_word() -> None:
    # "Ed" is a name, but "special ed" stays: "ed" is an English word in lower case
    out = redact("Ed picked up my son from special ed", "en")
    assert out == "[name] picked up my son from special ed", out


def test_typed_in_capitals_short_name_after_name_is() -> None:
    out = redact("HIS NAME IS BO AND HE HIT ME", "en")
    assert "BO" not in out.split(), out
    assert "HIT" in out, out
