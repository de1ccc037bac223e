"""Shapes the ninth session's own English quotes left (written by the lead before the
session's redaction passes were merged): a word-name first in a sentence before "the" and
who the person is ("Rocky the probation officer checked in"), a flat or a building named
by a capital letter ("Unit B", "apt C"), and a numbered route after "on" or "off" ("off
Route 9"). The names and places here are not the quotes'. Each case of GOES failed on the
code before; STAYS must not change."""

from __future__ import annotations

import pytest

from eval.score import occurs
from intake.redaction import redact


@pytest.mark.parametrize(
    ("text", "part", "themes"),
    [
        ("Dusty the bartender called the cops on him.", "Dusty", ["bartender", "cops"]),
        ("Tank the bouncer threw him out and waited with me.", "Tank", ["bouncer"]),
        ("Sterling the probation officer never called me back.", "Sterling", ["probation"]),
        ("King the landlord changed the locks for me.", "King", ["landlord"]),
        ("Ivy the night nurse took pictures of my arm.", "Ivy", ["nurse"]),
        ("We lived in the back, Unit C, for two years.", "C", ["two years"]),
        ("my cousin stays in apt D now", "D", ["cousin"]),
        ("Apt. F on the third floor was ours.", "F", ["third floor"]),
        ("he still lives off Route 12 by the gas station", "12", ["gas station"]),
        ("we had a trailer out on route 30", "30", ["trailer"]),
    ],
)
def test_goes(text: str, part: str, themes: list[str]) -> None:
    out = redact(text, "en")
    assert not occurs(part, out, "en"), out
    for theme in themes:
        assert theme in out, (theme, out)


@pytest.mark.parametrize(
    "text",
    [
        "Will the officer come back if he shows up again?",
        "Mark the officer's badge number on the form.",
        "Hope the judge listens this time.",
        "Lucky the judge believed me.",
        "Then the officer left without a report.",
        "Luckily the nurse saw the bruises.",
        "my apt a few blocks away was too close to him",
        "my apartment I shared with him is gone",
        "I take bus route 12 to the clinic every week",
        "the building I lived in had no lock on the door",
        # (review) words that are also rarer given names, in lower case; amounts of money
        "he's been on tina for months and the cops know it",
        "he took lucy at a party and then hit me",
        "my nina is only 3 and she saw it",
        "La fianza fue de 2000000 y salió",
        "he owes me 3000000 in back support",
    ],
)
def test_stays(text: str) -> None:
    assert redact(text, "en") == text
