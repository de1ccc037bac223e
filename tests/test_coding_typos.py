"""Typing slips in the words that name a point (``intake.analysis.typos``): read as the word
where nothing else could be meant, left alone where a word, a name or two readings stand."""

from __future__ import annotations

import dataclasses

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import Matcher
from intake.analysis.text import normalise
from intake.analysis.typos import one_slip
from tests.coding_helpers import suggested_points as points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    ("language", "text", "point"),
    [
        ("en", "i called the polcie and nobody came", "police"),  # swapped
        ("en", "the detectve never called me back", "police"),  # a letter missing
        ("en", "the proseccutor dropped it", "prosecution"),  # a letter doubled
        ("en", "i stayed at the shelyer for 3 weeks", "housing"),  # a neighbouring key
        ("en", "he got arested at work", "arrest"),
        ("en", "he was arrestd that night", "arrest"),  # "arrested" or "arrests": one reading
        ("en", "i went for a restrainig order", "protection_order"),  # a phrase's first word
        ("en", "he got 2 yrs probaton", "probation_programs"),
        ("en", "the docter asked if i was safe", "health_care"),
        ("en", "THE POLCIE NEVER CAME", "police"),  # an answer in capitals
        ("en", "Polcie came after an hour.", "police"),  # a capital opening a sentence
        ("es", "llamé a la polisia y nunca llegaron", "police"),
        ("es", "me quedé en un refujio con mis hijos", "housing"),
        ("es", "el fizcal me dijo que no había caso", "prosecution"),
        ("es", "salió con fiansa al otro día", "jail_pretrial"),
        ("es", "lo arestaron en su trabajo", "arrest"),  # a form the list lacks
    ],
)
def test_a_slip_in_a_point_word_is_read_as_the_word(
    matcher: Matcher, language: str, text: str, point: str
) -> None:
    assert point in points(matcher, text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "he was so polite to everyone"),  # a word of the dictionary
        ("en", "the insurance policy was in his name"),
        ("en", "my friend Pollice drove me home"),  # a capital inside a sentence
        ("en", "then he said we were courting"),
        ("en", "the cort was closed"),  # four letters: never read
        ("en", "i heard about the convition"),  # "conviction" or "condition": two readings
        ("en", "i was so afriad of him"),  # a dimension's word is not read
        ("es", "me llamaba todos los días"),  # a regular verb form ("llamada")
        ("es", "le tenía miedo a choua"),  # a listed name in lower case ("chota")
    ],
)
def test_a_word_name_or_doubtful_slip_is_left_alone(
    matcher: Matcher, language: str, text: str
) -> None:
    assert points(matcher, text, language) == set()


def test_a_dimension_word_with_a_slip_is_not_read(matcher: Matcher) -> None:
    # A dimension's words are everyday words, short or long: a slip of one stays as written.
    corrector = matcher.corrector("en")
    assert corrector is not None
    for typed in ("afriad", "humilated", "dangerus"):
        assert corrector.word_for(typed) is None, typed
    assert corrector.word_for("polcie") == "police"


@pytest.mark.parametrize(
    "text",
    [
        "he works as a contable at the store",  # not "constable"
        "my mom said estoy en medio de todo",  # not "medic"
        "he was an operador at the plant",  # not "operator" (911)
        "my husband made me jurar that i would not leave",  # not "juror"
    ],
)
def test_a_spanish_word_in_an_english_answer_is_no_slip(matcher: Matcher, text: str) -> None:
    assert points(matcher, text, "en") == set()


def test_a_word_longer_than_any_slip_is_not_looked_up(
    matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A run of letters (or of characters of another script) is no slip: looking it up would
    # cost work growing with its square (the review found 0.9 s for 5,000 characters).
    from intake.analysis import typos

    looked_up: list[str] = []
    real = typos.Corrector.word_for

    def spy(self: typos.Corrector, typed: str) -> str | None:
        looked_up.append(typed)
        return real(self, typed)

    monkeypatch.setattr(typos.Corrector, "word_for", spy)
    for language, text in (
        ("es", "警" * 5000),
        ("en", "ab" * 2500),
        ("es", "refujio " + "xy" * 40),
    ):
        matcher.excerpts(text, language)
    assert looked_up == ["refujio"]


def test_the_highlight_points_at_the_word_as_written(matcher: Matcher) -> None:
    text = "Then the polcie came."
    (excerpt,) = matcher.excerpts(text, "en")
    assert "police.unspecified" in excerpt.codes
    assert [text[a:b] for a, b in excerpt.highlights] == ["polcie"]


def test_a_longer_or_shorter_slip_keeps_later_positions(matcher: Matcher) -> None:
    # "proseccutor" is one letter longer than the word it is read as: the court word after
    # it must still be highlighted where it was written.
    text = "the proseccutor called. later the polcie came"
    excerpts = matcher.excerpts(text, "en")
    words = [text[a:b] for e in excerpts for a, b in e.highlights]
    assert words == ["proseccutor", "polcie"]


def test_the_slips_of_a_pattern_a_facilitator_adds_are_read_too() -> None:
    shipped = codebook_module.shipped()
    police = next(p for p in shipped.parts() if p.key == "police")
    patterns = dict(police.patterns)
    patterns["en"] = (*patterns["en"], "governor")
    own = Matcher(shipped.with_part(dataclasses.replace(police, patterns=patterns)))
    assert "police" in points(own, "the governor never answered", "en")
    assert "police" in points(own, "the govrenor never answered", "en")
    assert "police" not in points(Matcher(shipped), "the govrenor never answered", "en")


# Vietnamese has a reader of its own, for Telex and VNI keys and shorthand, but no slips
# (tests/test_vietnamese_typing.py).
@pytest.mark.parametrize("language", ["so", "hmn", "ar", "zh"])
def test_a_language_without_a_dictionary_is_matched_as_written(
    matcher: Matcher, language: str
) -> None:
    assert matcher.corrector(language) is None


@pytest.mark.parametrize(
    ("typed", "word", "expected"),
    [
        ("polcie", "police", True),  # swapped neighbours
        ("polic", "police", True),  # missing
        ("pollice", "police", True),  # added
        ("polixe", "police", True),  # wrong
        ("police", "police", False),  # the same word is no slip
        ("plocie", "police", False),  # two letters moved
        ("poilce", "police", True),  # "il" for "li"
        ("sherrif", "sheriff", False),  # two slips
    ],
)
def test_one_slip(typed: str, word: str, expected: bool) -> None:
    assert one_slip(typed, word) is expected


def test_an_answer_with_no_unknown_word_is_not_copied(matcher: Matcher) -> None:
    corrector = matcher.corrector("en")
    assert corrector is not None
    text = "the police came and took him to jail"
    normal = normalise(text)
    assert corrector.correct(normal, text) is normal
