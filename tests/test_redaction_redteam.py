"""Red-team shapes: quotes written to make a name, a phone number, an address or a date survive
redaction (fifth pass, docs/themes-history.md). Each case is a shape, not a word: the names and numbers
here are not the development quotes' (eval/dev/*-qr*). Every part must go; the theme words
(role words, agencies, cities, months, 911) must stay. Each case failed before the change.
"""

from __future__ import annotations

import pytest

from eval.score import occurs
from intake.redaction import redact

CASES = [
    # An Arabic name before Arabic punctuation (، ؟ ؛): the word stops at the mark.
    ("ar", "هل كان يوسف؟ لا، الشرطة ما جات", ["يوسف"], ["الشرطة"]),
    ("ar", "يا طارق، خلاص! المحامية قالت لي", ["طارق"], ["المحامية"]),
    ("ar", "بنتي ما تحب زيد؛ المدرسة اتصلت", ["زيد"], ["بنتي", "المدرسة"]),
    # An Arabic name drawn out with tatweel, or written with its vowel marks.
    ("ar", "جاري خـــالد اتصل بالشرطة", ["خـــالد", "خالد"], ["جاري"]),
    ("ar", "زوجي عُمَر أخذ الأولاد", ["عُمَر", "عمر"], ["زوجي", "الأولاد"]),
    # Full-width letters (a phone keyboard's wide mode).
    ("zh", "我前夫叫Ｍａｒｃｕｓ，他住在法拉盛", ["Ｍａｒｃｕｓ", "Marcus"], ["前夫", "法拉盛"]),
    (
        "en",
        "the advocate said email ｔａｓｈａ＿ｂ＠ｇｍａｉｌ．ｃｏｍ",
        ["ｔａｓｈａ＿ｂ", "tasha_b"],
        ["advocate"],
    ),
    # An e-mail address with spaces around the @ and the dots.
    ("en", "the advocate said write to kim.r88 @ yahoo . com", ["kim.r88", "yahoo"], ["advocate"]),
    ("so", "iimaylkeedu waa hodan.c @ gmail . com", ["hodan.c", "gmail"], []),
    # A phone number in pieces, with words between the groups.
    ("en", "his number was 651 555 and then 0147, he kept calling", ["651", "555", "0147"], []),
    ("es", "me llamaba del 213 555 y luego 01 47 cada noche", ["213", "555", "01 47"], []),
    ("hmn", "nws tus xov tooj yog 952 555 thiab 0111", ["952", "555", "0111"], ["xov tooj"]),
    ("so", "lambarkiisu waa 612 555 iyo 0134, wuu i hanjabay", ["612", "555", "0134"], []),
    # A phone number and a house number in Chinese numerals.
    ("zh", "他的电话是一三九 八七六五 四三二一", ["一三九", "八七六五", "四三二一"], []),
    ("zh", "她住在王府街二十八号，社工去过", ["二十八号"], ["社工"]),
    # A house number in words.
    (
        "en",
        "we lived at nineteen twelve Lake Street in Minneapolis",
        ["nineteen twelve", "Lake"],
        ["Minneapolis"],
    ),
    (
        "es",
        "vivía en la calle Morelos número treinta y uno en Houston",
        ["Morelos", "treinta y uno"],
        ["Houston"],
    ),
    # A date with its day in words; a month alone stays.
    (
        "en",
        "I was born the third of May nineteen eighty-five and ICE came in May",
        ["third", "nineteen eighty"],
        ["ICE", "in May"],
    ),
    (
        "es",
        "nació el veinte de abril de dos mil diez y el DIF vino en abril",
        ["veinte", "dos mil diez"],
        ["DIF", "en abril"],
    ),
    # A word found as a name once goes wherever it stands.
    ("ar", "المحامي فريد ساعدني وبعدين فريد اختفى", ["فريد"], ["المحامي"]),
    (
        "vi",
        "chong toi la tran van binh, binh bi ICE bat thang 5",
        ["tran", "van", "binh"],
        ["chong", "ICE", "thang 5"],
    ),
    # Chinese names in a list joined by 、 (one found name beside them or none).
    ("zh", "帮我的人有张丽、赵强和黄阿姨", ["张丽", "赵强", "黄"], ["阿姨"]),
    ("zh", "来开会的有钱梅、孙静和两个社工", ["钱梅", "孙静"], ["社工"]),
]


@pytest.mark.parametrize(("language", "text", "gone", "kept"), CASES)
def test_red_team_shape_goes_and_theme_words_stay(
    language: str, text: str, gone: list[str], kept: list[str]
) -> None:
    out = redact(text, language)
    for part in gone:
        assert not occurs(part, out, language), (part, out)
    for word in kept:
        assert occurs(word, out, language), (word, out)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Not taken: a lower-case word beside a capitalised name found once ("Nabad", a name;
        # "nabad", peace), a phone's groups with no word between (the phone pass reads them
        # with their extension), plain lists of places and a month without a day.
        ("so", "Nabad ayaa i garaacay, laakiin nabad iyo amaan ayaan rabaa"),
        ("zh", "我去过医院、学校和教会"),
        ("en", "it happened in March and again in May 2021"),
        ("es", "fue en marzo, dos veces"),
        ("en", "we waited 3 hours and then 45 minutes at the ER"),
    ],
)
def test_red_team_rules_leave_ordinary_words(language: str, text: str) -> None:
    out = redact(text, language)
    assert "nabad iyo amaan" in out if language == "so" else out == text, out


def test_phone_with_extension_keeps_its_own_reading() -> None:
    assert redact("my number at work is 612 555 0144 x 19", "en") == "my number at work is [phone]"
