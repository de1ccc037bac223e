"""Typing slips in the words that name a point (``intake.analysis.typos``): read as the word
where nothing else could be meant, left alone where a word, a name or two readings stand."""

from __future__ import annotations

import dataclasses

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import Matcher
from intake.analysis.text import normalise
from intake.analysis.typos import one_slip


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


def _points(matcher: Matcher, text: str, language: str) -> set[str]:
    return {c.rsplit(".", 1)[0] for e in matcher.excerpts(text, language) for c in e.codes}


@pytest.mark.parametrize(
    ("language", "text", "point"),
    [
        ("en", "i called the polcie and nobody came", "police"),  # swapped
        ("en", "the detectve never called me back", "police"),  # a letter missing
        ("en", "the proseccutor dropped it", "prosecution"),  # a letter doubled
        ("en", "i stayed at the shelyer for 3 weeks", "housing"),  # a neighbouring key
        ("en", "he got arested at work", "arrest"),
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
    assert point in _points(matcher, text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "he was so polite to everyone"),  # a word of the dictionary
        ("en", "the insurance policy was in his name"),
        ("en", "my friend Pollice drove me home"),  # a capital inside a sentence
        ("en", "then he said we were courting"),
        ("en", "the cort was closed"),  # "court" or "cost": two readings
        ("en", "i was so afriad of him"),  # a dimension's word is not read
        ("es", "me llamaba todos los días"),  # a regular verb form ("llamada")
        ("es", "le tenía miedo a choua"),  # a listed name in lower case ("chota")
    ],
)
def test_a_word_name_or_doubtful_slip_is_left_alone(
    matcher: Matcher, language: str, text: str
) -> None:
    assert _points(matcher, text, language) == set()


def test_a_dimension_word_with_a_slip_is_not_read() -> None:
    # "afriad" stays as written, so no dimension code is suggested from it.
    matcher = Matcher(codebook_module.shipped())
    corrector = matcher.corrector("en")
    assert corrector is not None
    assert corrector.word_for("afriad") is None
    assert corrector.word_for("polcie") == "police"


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
    assert "police" in _points(own, "the governor never answered", "en")
    assert "police" in _points(own, "the govrenor never answered", "en")
    assert "police" not in _points(Matcher(shipped), "the govrenor never answered", "en")


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
