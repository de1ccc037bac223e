"""Normalisation takes shortcuts (ASCII, one-for-one folding); they must agree with folding
character by character, positions included."""

from __future__ import annotations

import pytest

from intake.analysis import text


def _by_character(value: str) -> tuple[str, list[int]]:
    pieces = [text._fold_char(char) for char in value]
    return "".join(pieces), [i for i, piece in enumerate(pieces) for _ in piece]


@pytest.mark.parametrize(
    "value",
    [
        "The Police came LATE.",
        "",
        "Nadie me creyó; la policía tardó.",
        "Ông ấy nói với cảnh sát",
        "الشُّرطة جاءت متأخرة",  # short vowels vanish
        "ـــ مرحبا ـ",  # tatweel vanishes
        "ﬁne ǅ straße ẞ İstanbul",  # ligatures and letters that fold to two
        "公交车要两个小时。",
        "Det. García — ΣΊΣΥΦΟΣ",
    ],
)
def test_shortcuts_agree_with_folding_each_character(value: str) -> None:
    for _ in range(2):  # the second time the table already knows every character
        normal = text.normalise(value)
        assert (normal.text, list(normal.origin)) == _by_character(value)
