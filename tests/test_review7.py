"""The seventh session's review, as behaviour: Latin fragments inside Chinese patterns,
Cantonese and Arabizi everyday phrases that named a point, names left in Cantonese and
Arabizi quotes (each case failed before its fix)."""

from __future__ import annotations

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import Matcher
from intake.redaction import quote_text
from tests.coding_helpers import suggested_points as points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    "text",
    [
        "Linda话佢会帮我",  # "da话" was read inside an English name: the prosecution
        "我朋友Wanda叫我走",
        "我个dad打过我妈妈",  # "个da" inside "dad"
        "我拉咗肚，成晚冇瞓",  # diarrhoea, not an arrest
        "我阿嫲坐咗两年轮椅",  # two years in a wheelchair, not a sentence
        "佢喺屋企坐半年",
        "间铺关咗一个月",  # the shop closed for a month, not jail
    ],
)
def test_cantonese_everyday_words_name_no_point(matcher: Matcher, text: str) -> None:
    assert points(matcher, text, "zh") == set()


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("个DA话唔告佢", "prosecution"),  # the DA as a word of its own still counts
        ("差佬拉咗佢", "arrest"),
        ("佢俾差佬拉咗，第二日就放咗", "arrest"),
        ("佢坐咗两年监", "sentencing"),
        ("佢判咗三年", "sentencing"),
        ("佢俾人拉咗去差館，關咗一晚就出返嚟", "jail_pretrial"),
        ("ICE来咗抓佢", "immigration"),
        ("我住咗shelters两个月", "housing"),  # a long English word still starts a pattern
    ],
)
def test_cantonese_points_still_found(matcher: Matcher, text: str, point: str) -> None:
    assert point in points(matcher, text, "zh")


@pytest.mark.parametrize(
    "text",
    [
        "howa fel 2esm el hendasa",  # the engineering department, not the police station
        "7ake niyaba 3anni",  # on my behalf, not the prosecution
        "7akam 3alay ma atla3 mn el beit",  # he forbade me to go out, not a sentence
        "ya mo3allem tfaddal",  # a form of address, not a teacher
        "tawkif el shoghl",  # a work stoppage, not detention
    ],
)
def test_arabizi_everyday_words_name_no_point(matcher: Matcher, text: str) -> None:
    assert points(matcher, text, "ar") == set()


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("el 2adi 7akam 3aleh 3 snin", "sentencing"),
        ("ro7t 3al niyaba w 2adamt shakwa", "prosecution"),
        ("kan fel tawkif yomein", "jail_pretrial"),
        ("ettasalo bel hijra", "immigration"),
        ("el mo3allem 7aka ma3 el CPS", "schools"),
    ],
)
def test_arabizi_points_still_found(matcher: Matcher, text: str, point: str) -> None:
    assert point in points(matcher, text, "ar")


@pytest.mark.parametrize(
    ("text", "language", "name", "kept"),
    [
        ("我老公係陳大文", "zh", "陳", "我老公係"),  # Cantonese 係 (is) after a title
        ("陳 Sir 幫咗我", "zh", "陳", "幫咗我"),  # a space before Sir
        ("Kelvin黃成日打我", "zh", "黃", "成日打我"),  # 成日 (always) ends a name
        ("ahmad kan ydrobni", "ar", "ahmad", "kan ydrobni"),  # a listed name in lower case
        ("mohamed 2al lal shorta", "ar", "mohamed", "lal shorta"),
    ],
)
def test_names_no_longer_shown(text: str, language: str, name: str, kept: str) -> None:
    out = quote_text(text, language)
    assert name not in out, out
    assert kept in out, out


@pytest.mark.parametrize("text", ["ra7 3ala rehab", "el tickets fares ghalye"])
def test_a_listed_name_that_is_an_english_word_stays_in_lower_case(text: str) -> None:
    assert quote_text(text, "ar") == text
