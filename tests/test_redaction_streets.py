"""Streets named without a house number (the sixth pass of "Quotes without identities").

A street where someone lives, works or waits names them as surely as a house number: a
capitalised name (or an ordinal) before a street word, a street word before a name, a corner
of two streets, in each language's way. Each case names a shape, not a word: the streets are
not the development quotes' (-qt). Every part must go, leaving no fragment (a part is left if
it stands anywhere as a word, in any case, as the evaluation counts), and the theme words
around it must stay.
"""

from __future__ import annotations

import pytest

from eval.score import occurs
from intake.redaction import redact
from tests.redaction_helpers import assert_redacted as _assert_redacted


def assert_redacted(out: str, parts: list[str], themes: list[str], language: str) -> None:
    _assert_redacted(out, parts, themes)
    for part in parts:
        assert not occurs(part, out, language), (part, out)
    assert "[address]" in out, out


STREETS = [
    # English: a capitalised name and a street word, after on/off/at/near or alone
    ("en", "we rented a room on Church St in March", ["Church"], ["room", "March"]),
    ("en", "he moved to Dale Street after the court date", ["Dale"], ["court date"]),
    ("en", "she lives on Oakcrest Dr with her kids", ["Oakcrest"], ["kids"]),
    (
        "en",
        "my sister stays on Brookview Ct in Hennepin County",
        ["Brookview"],
        ["Hennepin County"],
    ),
    ("en", "the shelter was off Maplewood Way by the clinic", ["Maplewood"], ["shelter", "clinic"]),
    ("en", "I called 911 from Hamline Blvd", ["Hamline"], ["911"]),
    ("en", "Selby Avenue is where his trailer was, near Blaine", ["Selby"], ["trailer", "Blaine"]),
    ("en", "we met at the bus stop on Fairview Lane", ["Fairview"], ["bus stop"]),
    ("en", "the motel on State Ave is where he found me", ["State"], ["motel"]),
    # English: an ordinal street, with a direction or past the days of a month
    ("en", "my old apartment on E 9th had mice", ["9th"], ["apartment"]),
    ("en", "he hangs out on 46th by the liquor store", ["46th"], ["liquor store"]),
    ("en", "the advocate found me on N 5th in July", ["5th"], ["advocate", "July"]),
    # English: corners and intersections
    ("en", "he parks at the corner of 8th and Cedar every night", ["8th", "Cedar"], ["corner"]),
    ("en", "the house at Lyndale and Franklin had cameras", ["Lyndale"], ["house", "cameras"]),
    ("en", "the apartment on 42nd and Nicollet, the police came", ["42nd", "Nicollet"], ["police"]),
    (
        "en",
        "the intersection of Penn Ave and Lowry is where he waits",
        ["Penn", "Lowry"],
        ["intersection"],
    ),
    # Spanish: a street word before a name, a corner
    ("es", "vivimos en la calle Marshall cerca de la iglesia", ["Marshall"], ["iglesia"]),
    ("es", "él trabaja por la avenida Hennepin de noche", ["Hennepin"], ["trabaja", "noche"]),
    ("es", "en la esquina de Nicollet y Lake me esperaba", ["Nicollet"], ["esquina", "esperaba"]),
    # Somali: wadada/jidka before a name, a name and a street word, a corner
    ("so", "wuxuu deggan yahay wadada Marshall", ["Marshall"], ["deggan yahay"]),
    ("so", "wuxuu i sugayay Cedar Avenue agagaarka masjidka", ["Cedar"], ["masjidka"]),
    ("so", "isgoyska Riverside iyo Cedar ayuu joogaa", ["Riverside", "Cedar"], ["joogaa"]),
    # Vietnamese: đường before a name, a corner
    ("vi", "nhà tôi ở đường Bolsa gần chợ", ["Bolsa"], ["chợ"]),
    ("vi", "anh ấy chờ ở góc đường Brookhurst và McFadden", ["Brookhurst", "McFadden"], []),
    # Hmong: txoj kev before a name; ntawm before a name and a street word
    ("hmn", "peb nyob txoj kev Payne ze lub khw", ["Payne"], ["lub khw"]),
    ("hmn", "nws tos kuv ntawm Arcade Street txhua hmo", ["Arcade"], ["txhua hmo"]),
    # Arabic: شارع before a name (no article), a corner
    ("ar", "ساكنين في شارع ورن من سنتين", ["ورن"], ["سنتين"]),
    ("ar", "كان يستناني عند تقاطع ميشيغان وشيفر", ["ميشيغان", "وشيفر"], ["يستناني"]),
    # Chinese: a Latin name before 大道/路, a street after 住在, a corner
    ("zh", "她住在Bellaire大道附近", ["Bellaire"], ["附近"]),
    ("zh", "我们以前住在梅街，警察来过", ["梅街"], ["警察"]),
    ("zh", "他在中山路和民权路的路口等我", ["中山路", "民权路"], ["路口"]),
]


@pytest.mark.parametrize(("language", "text", "parts", "themes"), STREETS)
def test_a_street_without_a_number_goes(
    language: str, text: str, parts: list[str], themes: list[str]
) -> None:
    assert_redacted(redact(text, language), parts, themes, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the themes beside streets: courts, the Highway Patrol, a street with no name
        ("en", "the hearing was in family court in Ramsey County"),
        ("en", "the Highway Patrol stopped him on the main road"),
        ("en", "I ran out into the street and called 911"),
        ("en", "the corner store guy called the police"),
        ("en", "I worked at Target and Walmart in 2019"),
        ("en", "she lives on the 3rd floor now"),
        ("en", "my son is in 5th grade at the middle school"),
        ("en", "my advocate went to Family Court with me"),
        ("en", "we moved to St Paul in June"),
        ("en", "I had to go to the Government Center and the family court"),
        ("es", "me fui a la calle sin nada"),
        ("es", "en la esquina había una patrulla"),
        ("so", "waddada way ku dhex socotay"),
        ("vi", "tôi gọi 911 ở thành phố Hồ Chí Minh"),
        ("vi", "trên đường về nhà tôi gọi cảnh sát"),
        ("hmn", "peb khiav mus rau txoj kev loj"),
        ("ar", "اتصلت بالشرطة من الشارع الرئيسي"),
        ("ar", "كنت ماشية في شارع طويل لوحدي"),
        ("zh", "我在马路上给警察打电话"),
        ("zh", "他在高速公路上开车"),
        ("zh", "我们在街上等了两个小时"),
    ],
)
def test_no_named_street_no_change(language: str, text: str) -> None:
    assert redact(text, language) == text


def test_the_st_of_a_saint_stays() -> None:
    """ "Ruth St. John" is a name (it goes as one), not a street named Ruth."""
    out = redact("my advocate Ruth St. John came to the hearing in March", "en")
    assert "[address]" not in out
    assert "hearing in March" in out


def test_a_numbered_chinese_street_is_one_address() -> None:
    assert redact("他住在缅街41号，警察去过", "zh") == "他住在[address]，警察去过"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words before a street's name stay; in capitals, every everyday word does
        ("On Fremont Street the cops came", "On [address] the cops came"),
        (
            "THE POLICE CAME TO MY HOUSE ON FREMONT STREET",
            "THE POLICE CAME TO MY HOUSE ON [address]",
        ),
        ("My Experience With The Police Road Trip", "My Experience With The Police Road Trip"),
    ],
)
def test_the_words_before_a_street_stay(text: str, expected: str) -> None:
    assert redact(text, "en") == expected
