"""English word-names in two more shapes (eighth session, development quotes en-qz…): a
capitalised word-name before "and I" / "and me" ("Precious and I left"), and after a word of
saying or thinking before what a person did ("he said Hope was lying"). The names here are
not the development quotes'. Each case of SHAPES failed on the code before; KEPT must not
change: the same words as words, in lower case, months, seasons and days. "Christian" is read
like the other given names that are words (it had been a census name, removed everywhere).
"""

from __future__ import annotations

import pytest

from eval.score import occurs
from intake.redaction import redact


@pytest.mark.parametrize(
    ("text", "name", "themes"),
    [
        ("Patience and I took the bus to the shelter that night.", "Patience", ["shelter"]),
        ("After the hearing Charity and me went to get food.", "Charity", ["hearing"]),
        ("The advocate said Mercy was too scared to testify.", "Mercy", ["advocate", "testify"]),
        ("His mom swore Harmony lied to the police.", "Harmony", ["police"]),
        ("My sister believes Hope had nothing to do with it.", "Hope", ["sister"]),
        # "Christian" is a word too: a person only where a person stands
        ("Christian hit me and took my phone.", "Christian", ["phone"]),
        ("My son Christian saw everything.", "Christian", ["son"]),
    ],
)
def test_a_word_name_where_a_person_stands_goes(text: str, name: str, themes: list[str]) -> None:
    out = redact(text, "en")
    assert not occurs(name, out, "en"), out
    assert "[name]" in out
    for theme in themes:
        assert theme in out, (theme, out)


@pytest.mark.parametrize(
    "text",
    [
        "I kept faith and I prayed every night in the shelter.",
        "I said hope was all I had left after the hearing.",
        "She said June was too late for the hearing.",
        "He said Monday was fine for the kids.",
        "We went to court on Sunday and he was there.",
        "he said hope was lost",
        "The Christian counselor at the shelter helped me.",
        "It is a Christian shelter and they prayed with me.",
    ],
)
def test_the_same_words_as_words_stay(text: str) -> None:
    assert redact(text, "en") == text
