"""Findings of the eighth session's review (a read-only helper) that were fixed: everyday
sentences batch o's vocabulary gave a wrong point or took a right one from (each was right
at 9c0dcff and wrong at 5c119bd), a possessive "s" typed without its apostrophe read as an
initial after a role word (english7), and analysis records whose nested values orjson would
have changed. Left as they are, and said so in docs/themes-history.md: "không đủ chứng cớ"
beside a protection order, a Hmong divorce case told as "his case", a police station "across
from" which someone waited (read as a landmark), "there is a nurse" (read as a job)."""

from __future__ import annotations

import math

import pytest

from intake import record_format
from intake.analysis import codebook as codebook_module
from intake.analysis.coding import Matcher
from intake.redaction import quote_text
from tests.coding_helpers import suggested_points as points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


# (language, text, point that must NOT be suggested) -- each was not suggested at 9c0dcff
WRONG_NEW_POINT = [
    ("en", "At first appearance he seemed like a nice guy.", "criminal_court"),
    ("en", "He lost his hearing in one ear after he hit me.", "criminal_court"),
    ("en", "His hearing aid broke when he threw it at the wall.", "criminal_court"),
    ("en", "The judge gave me a copy of the order granting me full custody.", "protection_order"),
    ("en", "The mechanic is going to charge him for the parts.", "prosecution"),
    ("en", "I filed for divorce. The judge continued the case twice.", "criminal_court"),
    ("en", "He went to the pretrial services office to get his ankle monitor.", "criminal_court"),
    ("vi", "Luật sư công ty của tôi giúp tôi làm giấy tờ.", "criminal_court"),
    ("ar", "أمه أدانته أمام الجميع.", "sentencing"),
]

# (language, text, point that MUST stay) -- each was suggested at 9c0dcff
LOST_RIGHT_POINT = [
    (
        "en",
        "I sat in my car next to the police station because I was too scared to go in.",
        "police",
    ),
    ("zh", "我在警察局附近等了很久，但是不敢进去。", "police"),
    ("en", "He went to the pretrial services office to get his ankle monitor.", "jail_pretrial"),
    (
        "en",
        "The teacher is really nice and talked to my son about what happened at home.",
        "schools",
    ),
]


@pytest.mark.parametrize(("language", "text", "point"), WRONG_NEW_POINT)
def test_no_wrong_point(matcher: Matcher, language: str, text: str, point: str) -> None:
    assert point not in points(matcher, text, language)


@pytest.mark.parametrize(("language", "text", "point"), LOST_RIGHT_POINT)
def test_right_point_kept(matcher: Matcher, language: str, text: str, point: str) -> None:
    assert point in points(matcher, text, language)


@pytest.mark.parametrize(
    "text",
    [
        "my mom s boyfriend hit me",
        "the doctor s note said i had a concussion",
        "the sheriff s office never called back",
        "i stayed at my sister s house for a week",
    ],
)
def test_a_possessive_s_after_a_role_word_is_no_initial(text: str) -> None:
    assert quote_text(text, "en") == text


def test_a_nested_nan_is_not_written_as_null() -> None:
    answers, _ = record_format.parse(record_format.build({"x": [float("nan")]}, None))
    assert answers["x"][0] is not None
    assert math.isnan(answers["x"][0])


def test_a_nested_big_integer_reads_back_exactly() -> None:
    # wrong at 9c0dcff too: orjson already read records there
    answers, _ = record_format.parse(record_format.build({"x": [-(2**63) - 5]}, None))
    assert answers["x"] == [-(2**63) - 5]
