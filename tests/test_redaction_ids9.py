"""Identifiers other than names, as people type them (ninth session): addresses with no street
type, a unit, lot or space, rural routes and boxes, a block, a cross street, MLK; dates with a
year of two digits or none; seven digits with no separator; a handle said in pieces; the last
digits of a card or a phone in Spanish, Somali and Vietnamese.

Each case names a shape, not a word: the numbers and streets are not the development quotes'
(en-qj, es-qo, vi-qj, so-qj). Every part must go (a part is left if it stands anywhere as a
word, as the evaluation counts) and the theme words around it must stay; the sentences of the
second half (ages, amounts, times, counts, durations, bus routes, 24/7, 911) must come out
unchanged.
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


GONE = [
    # a house number, a direction and a street's name, no street type
    ("en", "he stays at 1820 e 42nd with his brother", ["1820", "42nd"], ["brother"]),
    ("en", "my cousin lives 77 s elm by the school", ["77", "elm"], ["cousin", "school"]),
    ("en", "the place was 3315 NW kessler, upstairs", ["3315", "kessler"], ["upstairs"]),
    ("vi", "chồng cũ ở 905 n lyndale, gần chợ", ["905", "lyndale"], ["chợ"]),
    # after "at" or "address": a number and a common street's name or an ordinal
    ("en", "we were staying at 640 maple with 2 kids", ["640", "maple"], ["2 kids"]),
    ("en", "her address is 2218 cortland, the landlord knows", ["2218", "cortland"], ["landlord"]),
    ("en", "he was at 415 Maple Grove when i called 911", ["415", "Maple", "Grove"], ["911"]),
    # a block, a cross street, a street known by initials
    ("en", "we're on the 3100 block of n lyndale", ["3100", "lyndale"], []),
    ("en", "caller says cross st is hawthorne, 2 kids in the home", ["hawthorne"], ["2 kids"]),
    ("en", "his mom has a house off MLK near the church", ["MLK"], ["mom", "church"]),
    # a unit, lot, space or building; a flat's sign; a rural route; a box in any language
    ("en", "we had trailer 17 in the park for a year", ["17"], ["park", "a year"]),
    ("en", "space 112 at the mobile home park", ["112"], ["mobile home park"]),
    ("en", "she's in bldg 6, the one by the laundry", ["6"], ["laundry"]),
    ("en", "send it to rural route 4 box 220", ["220"], []),
    ("en", "he got mail at rr 3 box 51 before he moved", ["51"], ["moved"]),
    ("en", "we were in #318 for 2 months", ["318"], ["2 months"]),
    ("es", "mi correo llega al po box 7719", ["7719"], ["correo"]),
    ("es", "mándenlo al apartado postal 552 por favor", ["552"], ["por favor"]),
    # a complex named in lower case, before or after what it is
    ("en", "we lived at country oaks trailer park till may", ["country", "oaks"], ["may"]),
    ("en", "she moved to the brookdale apts last month", ["brookdale"], ["last month"]),
    ("es", "vivimos en el parque de trailas los pinos", ["pinos"], ["vivimos"]),
    # Spanish, Somali, Vietnamese streets and numbered streets
    ("es", "vive en la 1520 de la 2da norte", ["1520", "2da"], []),
    ("es", "nos vemos en la esquina de la 3ra y la 10ma", ["3ra", "10ma"], ["esquina"]),
    ("so", "wuxuu ku nool yahay guriga 7 ee waddada 12aad", ["12aad"], []),
    ("vi", "nhà em ở đường số 14 gần trường", ["14"], ["trường"]),
    # a date with a year of two digits, or none after "on"
    ("en", "born on july 14 91 in Fresno", ["july 14", "91"], ["Fresno"]),
    ("en", "his dob is 12 may '79, he's 47", ["12 may", "79"], ["47"]),
    ("so", "wuxuu dhashay 9 luulyo 92, hadda waa 34 jir", ["9 luulyo", "92"], ["34 jir"]),
    ("vi", "nó sinh ngày 9 tháng 7 năm 92", ["92"], []),
    ("en", "on 11/4 he came back drunk", ["11/4"], ["drunk"]),
    # seven digits, a handle in pieces, the last digits in other languages
    ("en", "text me at 7334419 after work", ["7334419"], ["after work"]),
    ("es", "mi número es 8221057, llámame", ["8221057"], ["llámame"]),
    ("en", "her snap is kiki b 2004 and she posts everything", ["kiki", "2004"], ["snap"]),
    ("es", "su face es jose luis 77 y me bloqueó", ["77"], ["bloqueó"]),
    ("vi", "tiktok của nó là bin bo 123", ["bin", "bo", "123"], ["tiktok"]),
    ("en", "the card ending 3307 was in his wallet", ["3307"], ["wallet"]),
    ("es", "su teléfono termina en 7781", ["7781"], ["teléfono"]),
    ("so", "taleefankeeda wuxuu ku dhamaadaa 5512", ["5512"], []),
    ("vi", "số điện thoại đuôi 4471", ["4471"], []),
    ("vi", "số thẻ của em là 90412", ["90412"], []),
    ("en", "he dropped me at mile marker 87 on the interstate", ["87"], ["interstate"]),
    # found after the first rules, by probes: an e-mail's part in pieces, a numbered cross
    # street and a direction after an address, a box with a letter, a street named for a date
    ("en", "write me at dani dot r 77 at gmail", ["dani", "77"], ["write"]),
    ("en", "her email is jo k 2001 at hotmail dot com", ["jo", "2001"], ["email"]),
    ("en", "they moved to 5th st n and 22nd last fall", ["5th", "22nd"], ["last fall"]),
    ("en", "he stays at 818 10th ave e.", ["818", "10th", "e"], ["stays"]),
    ("en", "mail it to rr 5 box 31b", ["31b"], []),
    ("es", "vive sobre la 5 de febrero 118", ["118"], ["vive"]),
    # a second round of probes: after "live at"/"moved to" any plain street name, a plate
    # after its vehicle with no label, "born 3-4", a room "is" its number, a shelter's bed
    ("en", "she lives at 2716 colfax with the kids", ["2716", "colfax"], ["kids"]),
    ("en", "we moved to 905 dupont in june", ["905", "dupont"], ["june"]),
    ("en", "he drives a silver impala 4KXM219", ["4KXM219"], ["silver impala"]),
    ("en", "her son was born 7-19, the same day", ["7-19"], ["same day"]),
    ("en", "my room is 31 at the shelter", ["31"], ["shelter"]),
    ("en", "they gave me bed 14 by the door", ["14"], ["door"]),
    # advocates' notes: a state ID, "blk", a worker's number after "#"
    ("en", "Hx: warrant out, SID 7741208, DANCO 2023", ["7741208"], ["warrant", "DANCO", "2023"]),
    ("en", "Arrested at 2100 blk of e 35th st", ["2100", "35th"], ["Arrested"]),
    ("en", "CPS worker (#5512) came on a friday", ["5512"], ["CPS worker", "friday"]),
    ("en", "we live in 55418 now, near the school", ["55418"], ["school"]),
]


@pytest.mark.parametrize(("language", "text", "parts", "themes"), GONE)
def test_identifiers_as_typed_go(language: str, text: str, parts: list[str], themes: list[str]):
    assert_redacted(redact(text, language), parts, themes, language)


UNCHANGED = [
    ("en", "i take the 5 bus at 6 am and the 21 at night"),
    ("en", "the hotline is 24/7 and they called back at 2:15"),
    ("en", "we paid 1200 dollars and 300 a month after"),
    ("en", "at 300 dollars a month i could not stay"),
    ("en", "he showed up at 12 noon with 3 kids"),
    ("en", "she has 5 kids n 2 jobs"),
    ("en", "i paid 500 w interest to the bail guy"),
    ("en", "in 2019 w my kids we left"),
    ("en", "on MLK Day we went to the march"),
    ("en", "the kids go to MLK Elementary"),
    ("en", "i had a lot 2 times that week"),
    ("en", "give me some space 2 weeks he said"),
    ("en", "we moved to cheap apartments in 2020"),
    ("en", "we were at the trailer park for 3 years"),
    ("en", "she is 34 and he is 41, married in 2008"),
    ("en", "the shelter gave me 2 nights and 40 dollars"),
    ("en", "he got 2500000 dollars from the settlement"),
    ("en", "my score went from 450 to 620"),
    ("en", "he did 10/10 on the test and 3/4 of the work"),
    ("es", "llegué en 2015 con 3 niños y 200 dólares"),
    ("es", "el 12 de la semana pasada fue el juicio"),
    ("en", "i told him 3 times at walmart and once at yahoo"),
    ("en", "we met at 5th and 6th grade and at 3rd place"),
    ("en", "she lives 300 miles away and moved to 2 jobs"),
    ("en", "his truck has a COVID19 sticker and 4 doors"),
    ("en", "my car is a 2019 honda"),
    ("en", "i paid 500 w cash and he was building 2 sheds"),
    ("en", "in the parking lot 2 guys jumped him"),
    ("en", "i took it on 1/2 the dose and went to bed 9 at night"),
    ("en", "we lived in 10000 different places and moved to 2 cities"),
    ("en", "she was #1 in her class, #2024 was hard, call 911 #911 and take the #1234 bus"),
    ("en", "she was born 2-3 weeks early"),
    ("en", "the room was 10 degrees and i stayed in bed 3 days"),
    ("so", "waxaan sugay 20 daqiiqo magaalada dhexdeeda"),
    ("vi", "em ở Mỹ 8 năm, có 2 đứa con"),
    ("vi", "em gọi 911 lúc 3 giờ sáng"),
]


@pytest.mark.parametrize(("language", "text"), UNCHANGED)
def test_counts_times_and_amounts_stay(language: str, text: str) -> None:
    assert redact(text, language) == text


def test_a_street_that_goes_on_is_read_whole() -> None:
    """A name that goes on to a street word is the older patterns' ("2210 willow creek dr"),
    and a sentence's full stop after "Street" stays."""
    assert redact("i live at 2210 willow creek dr") == "i live at [address]"
    assert redact("I live at 1234 Lake Street.") == "I live at [address]."
    assert redact("at 123 Main St 2 blocks from us") == "at [address] 2 blocks from us"


def test_a_count_after_a_date_is_no_year() -> None:
    """ "[date] 12 people": two digits after a date stay when a count's word follows."""
    assert redact("on march 3 12 people came") == "on [date] 12 people came"
    assert redact("april 2, 15 of us went") == "[date], 15 of us went"
    assert redact("born on march 3 88 and raised here") == "born on [date] and raised here"
    # a date's year, or a count after a date that names a street, is no house number
    assert (
        redact("llegamos en el 16 de septiembre 2019 y por la 5 de mayo 3 veces", "es")
        == "llegamos en el [date] y por la [date] 3 veces"
    )


def test_the_flat_word_stays_before_its_number() -> None:
    assert (
        redact("her apartment is 4c on the 2nd floor")
        == "her apartment is [address] on the 2nd floor"
    )
