"""Everyday English the ninth session's probes found read as the wrong point or as none:
ice that is frozen water, a school that is only where two people met, both partners
arrested, the weeks of the batterers' program, and the Mexican family court's judge."""

from __future__ import annotations

import pytest

from intake.analysis.codebook import shipped
from intake.analysis.coding import Matcher
from tests.coding_helpers import suggested_points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(shipped())


@pytest.mark.parametrize(
    "text",
    [
        "I held an ice pack on my eye all night",
        "he threw a bag of ice at me",
        "we got ice cream after the hearing and the kids were happy",
        "he made iced tea and acted like nothing happened",
        "he was smoking ice again",
    ],
)
def test_frozen_ice_is_no_immigration(matcher: Matcher, text: str) -> None:
    assert "immigration" not in suggested_points(matcher, text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "ICE came to the house",
        "ice came to the house and took him",
        "im scared ice will take me if i call",
        "I put ice on my face and then ICE knocked on the door",
    ],
)
def test_immigration_enforcement_is_still_found(matcher: Matcher, text: str) -> None:
    assert "immigration" in suggested_points(matcher, text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "the deputy knew him from high school and let him go",
        "they went to high school together so nobody believed me",
        "we have been together since middle school",
    ],
)
def test_a_school_where_people_met_is_no_school(matcher: Matcher, text: str) -> None:
    assert "schools" not in suggested_points(matcher, text, "en")


def test_the_school_that_acted_is_still_found(matcher: Matcher) -> None:
    text = "his teacher at the high school called me when he came in with bruises"
    assert "schools" in suggested_points(matcher, text, "en")


@pytest.mark.parametrize(
    ("text", "point", "language"),
    [
        ("the cops took us both in that night", "arrest", "en"),
        ("they took both of us in even though he hit me", "arrest", "en"),
        ("he has to do 52 weeks of classes and he skips them", "probation_programs", "en"),
        ("he did his 52 weeks and came out worse", "probation_programs", "en"),
        ("el juez de lo familiar le dio las visitas", "civil_court_custody", "es"),
        ("la jueza de lo familiar no me escuchó", "civil_court_custody", "es"),
        ("lo tuvieron en los separos toda la noche", "jail_pretrial", "es"),
        ("estuvo en separos 36 horas y salió", "jail_pretrial", "es"),
    ],
)
def test_told_plainly(matcher: Matcher, text: str, point: str, language: str) -> None:
    assert point in suggested_points(matcher, text, language)


def test_weeks_of_a_pregnancy_are_no_program(matcher: Matcher) -> None:
    text = "I was 26 weeks pregnant when he pushed me"
    assert "probation_programs" not in suggested_points(matcher, text, "en")


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("they put him on a psych hold for three days", "health_care"),
        ("he was on a 5150 last spring", "health_care"),
        ("they took me to the psych ward instead of listening", "health_care"),
        ("he was baker acted after he threatened himself", "health_care"),
        ("they held him overnight and he was back by lunch", "jail_pretrial"),
        ("they held him for 48 hours and then he came home", "jail_pretrial"),
        ("he sat in a cell for 2 days and then got out", "jail_pretrial"),
        ("he spent the night in the drunk tank", "jail_pretrial"),
    ],
)
def test_holds_told_plainly(matcher: Matcher, text: str, point: str) -> None:
    assert point in suggested_points(matcher, text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "I held him overnight when he had a fever",  # a child held by his mother
        "he's a psycho and everyone knows it",
    ],
)
def test_everyday_holding_is_no_system(matcher: Matcher, text: str) -> None:
    assert not suggested_points(matcher, text, "en")
