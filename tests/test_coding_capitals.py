"""Written "DA" in capitals is the district attorney, "GAL" the guardian ad litem
(``text.read_capitals``): folded to "da" the one is a Spanish verb, a Somali ending and
English slang for "the", and "gal" is a woman, so only the capitals say what they are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.analysis.codebook import shipped
from intake.analysis.coding import Matcher
from intake.analysis.text import normalise, read_capitals
from tests.coding_helpers import suggested_points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(shipped())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The assistant DA met me for 5 minutes in the hallway", "en"),
        ("I talked to the DA twice and nothing happened", "en"),
        ("Pts describe DA dropping charges when victims hesitate", "en"),
        ("DA-da ayaa ii soo wacay markii dambe", "so"),
        ("el DA me llamó una sola vez", "es"),
        ("tus DA tsis hu rov qab rau kuv", "hmn"),
    ],
)
def test_da_in_capitals_is_the_prosecution(matcher: Matcher, text: str, language: str) -> None:
    assert "prosecution" in suggested_points(matcher, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("me da miedo salir sola de noche", "es"),  # a verb
        ("da cops came and left", "en"),  # slang for "the"
        ("his plate was 62-DA-FA-23", "en"),  # inside a code
        ("the form said DA/23 at the top", "en"),
        ("HE MET THE DA AND SHE LAUGHED", "en"),  # all in capitals: nothing settles it
        # the danger assessment an advocate does with a survivor; domestic abuse (British)
        ("We did the DA together and she scored 18.", "en"),
        ("I completed the DA with her at intake", "en"),
        ("The DA service referred me to a refuge.", "en"),
        # Spanish "da" in capitals for emphasis
        ("Él NO ME DA dinero para los niños.", "es"),
        ("Me DA miedo salir", "es"),
    ],
)
def test_da_not_standing_as_the_office(matcher: Matcher, text: str, language: str) -> None:
    assert "prosecution" not in suggested_points(matcher, text, language)


def test_gal_in_capitals_is_the_guardian_ad_litem(matcher: Matcher) -> None:
    text = "the GAL never talked to my kids"
    assert "civil_court_custody" in suggested_points(matcher, text, "en")
    assert not suggested_points(matcher, "the gal at the front desk was kind", "en")
    assert not suggested_points(matcher, "he kicked the 5 GAL bucket at me", "en")
    assert not suggested_points(matcher, "I bought a GAL of milk for the kids", "en")


def test_the_highlight_falls_on_da_as_written(matcher: Matcher) -> None:
    text = "Later the DA met me."
    (excerpt,) = matcher.excerpts(text, "en")
    assert "prosecution.unspecified" in excerpt.codes
    assert (text.index("DA"), text.index("DA") + 2) in excerpt.highlights


def test_reading_keeps_positions_leading_back() -> None:
    text = "Señora, the DA's office"
    read = read_capitals(normalise(text), text)
    at = read.text.index("district attorney")
    assert read.span(at, at + len("district attorney")) == (12, 14)
    # Text without a capital "DA" comes back as it was.
    plain = normalise("the da said")
    assert read_capitals(plain, "the da said") is plain


def test_vietnamese_and_chinese_keep_their_own_reading(matcher: Matcher) -> None:
    # "ông đã" typed without marks folds to "ong da": it is no prosecutor.
    assert "prosecution" not in suggested_points(matcher, "ong da goi cho toi", "vi")
    assert "prosecution" in suggested_points(matcher, "ông DA gọi cho tôi", "vi")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["DA", "GAL", "da", "-", "/", "'s", " ", "5 ", "é", "ﬁ", "ـ", "Ö", "x"]),
        max_size=12,
    ).map("".join)
)
def test_reading_always_leads_back_into_the_text(text: str) -> None:
    read = read_capitals(normalise(text), text)
    assert len(read.origin) == len(read.text)
    assert all(0 <= at < len(text) for at in read.origin)
    assert list(read.origin) == sorted(read.origin)
