"""What the review of the fifth session found in redaction: each case failed before its fix.

Every sentence here holds no identifier, so any change to it is a defect.
"""

from __future__ import annotations

import pytest

from intake.redaction import quote_text
from intake.redaction.identifiers import _street_patterns

# The site-then-handle rule ("his IG is jsmith_88") took a sentence's full stop for the dot
# of a user name, so the last word before it became [name] after "handle", "SNAP",
# "Facebook"... — often the very theme word.
NOT_HANDLES = [
    "I could not handle the court.",
    "I can't handle the police.",
    "They told me to handle it with CPS.",
    "I got SNAP benefits cut after ICE.",
    "We lost SNAP when we went to court.",
    "I posted on Facebook about the police.",
    "I saw it on TikTok that ICE was coming.",
    "I could not handle another month in detention.",
]


@pytest.mark.parametrize("text", NOT_HANDLES)
def test_a_word_before_a_full_stop_is_no_handle(text: str) -> None:
    assert quote_text(text, "en") == text


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("his IG is jay8 and he keeps messaging me", "jay8"),
        ("the snap he made was lil.k.mack", "lil.k.mack"),
        ("his IG is jsmith_88.", "jsmith_88"),
    ],
)
def test_a_handle_after_its_site_still_goes(text: str, handle: str) -> None:
    out = quote_text(text, "en")
    assert handle not in out
    assert "[name]" in out


@pytest.mark.parametrize("language", ["en", "es", "so", "vi", "zh", "ar", "hmn"])
def test_a_nul_typed_by_a_respondent_is_no_place_mark(language: str) -> None:
    out = quote_text("I live in Denver \x000\x00 \x001\x00 and the police came", language)
    assert "police" in out
    assert "\x00" not in out


@pytest.mark.parametrize("language", ["en", "es", "so", "vi", "hmn"])
def test_the_corner_look_starts_only_at_a_word(language: str) -> None:
    """The quick look for "Name and" starts only after a space (or at the start), so a long
    run of capitals without spaces is read once rather than from every letter."""
    trigger = _street_patterns()[language][0]
    assert trigger.search("we met at Lake and Hiawatha") is not None
    assert trigger.search("xyzLake and Hiawatha") is None
    assert trigger.search("A" * 50 + " and ") is None
