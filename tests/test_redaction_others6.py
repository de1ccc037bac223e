"""Batch x (es, so, vi, zh, ar, hmn): the shapes of long answers written by native speakers
that the rules missed (the eighth pass of "Quotes without identities").

Each case names a shape, not a word: the names and numbers are not the development quotes'
(-qx). Every part must go, in any case and wherever it stands again (as the evaluation
counts), and the theme words around it must stay. The last tests hold what must not change.
"""

from __future__ import annotations

import pytest

from eval.score import occurs
from intake.redaction import quote_text
from tests.redaction_helpers import assert_redacted as _assert_redacted


def assert_redacted(out: str, parts: list[str], themes: list[str], language: str) -> None:
    _assert_redacted(out, parts, themes)
    for part in parts:
        assert not occurs(part, out, language), (part, out)


SHAPES = [
    # A phone read out digit by digit, every digit a word, in each language's words.
    (
        "es",
        "llámale a mi tía Reyna al siete uno tres cuatro cuatro cuatro dos cero cero uno",
        ["siete uno tres", "cuatro cuatro cuatro", "dos cero cero uno", "Reyna"],
        ["tía"],
    ),
    (
        "so",
        "walaashay lambarkeedu waa saddex kow laba afar afar afar toddoba eber eber kow",
        ["saddex kow laba", "afar afar afar", "toddoba eber eber kow"],
        ["walaashay"],
    ),
    (
        "vi",
        "gọi cho chị ấy số chín một sáu, hai hai hai, tám không không một",
        ["chín một sáu", "hai hai hai", "tám không không một"],
        ["gọi"],
    ),
    (
        "ar",
        "رقم المحامية سبعة واحد ثلاثة اربعة اربعة اربعة ثمانية صفر صفر واحد",
        ["سبعة واحد ثلاثة", "اربعة اربعة اربعة", "ثمانية صفر صفر واحد"],
        ["المحامية"],
    ),
    (
        "hmn",
        "hu rau kuv tus muam ntawm peb ib xya yim yim yim cuaj xoom xoom ib",
        ["peb ib xya", "yim yim yim", "cuaj xoom xoom ib"],
        ["muam"],
    ),
    # An A-number read out in words.
    (
        "es",
        "mi número de extranjero es A tres uno dos, cuatro cuatro cinco, nueve nueve cero",
        ["tres uno dos", "cuatro cuatro cinco", "nueve nueve cero"],
        ["extranjero"],
    ),
    # A Spanish pet form of a name found once ("Chabela … la chabelita").
    (
        "es",
        "mi cuñado Ramón me amenazó, y ramoncito su hijo también",
        ["Ramón", "ramoncito"],
        ["cuñado", "hijo"],
    ),
    (
        "es",
        "la trabajadora social Marisela vino; y mariselita dijo que no",
        ["Marisela", "mariselita"],
        ["trabajadora social"],
    ),
    # A role word ends a sentence; the next opens with an ordinary word and a title.
    (
        "es",
        "llamé a la policía. La detective Ibarra me tomó los datos",
        ["Ibarra"],
        ["policía", "La detective"],
    ),
    (
        "es",
        "no había intérprete. Luego el sargento Kowalski se fue",
        ["Kowalski"],
        ["intérprete", "Luego", "sargento"],
    ),
    ("es", "el bebé Thiago tiene 8 meses", ["Thiago"], ["bebé", "8 meses"]),
    # A title after the words another title took ("xib fwb yog mrs vue", "Mẹ chồng tôi bà Tám").
    ("hmn", "tus kws pab yog mrs xiong nws hu CPS", ["xiong"], ["kws pab", "mrs", "CPS"]),
    ("vi", "Mẹ chồng tôi bà Tám không cho tôi đi làm", ["Tám"], ["Mẹ chồng", "đi làm"]),
    # A listed Vietnamese family name and the word after it, listed or not.
    ("vi", "tên thật của ông ấy là Phạm Thanh Sơn", ["Phạm", "Thanh", "Sơn"], ["tên thật"]),
    # Two-letter Vietnamese and Hmong names found once, again wherever they stand.
    (
        "vi",
        "Em tôi tên là Loan, tôi hay gọi là bé Út. Út chở tôi đi tòa",
        ["Út", "Loan"],
        ["tòa"],
    ),
    (
        "hmn",
        "kuv tus phauj Ntxawm Ia pab kuv. Ia hu tub ceev xwm",
        ["Ntxawm", "Ia"],
        ["phauj", "tub ceev xwm"],
    ),
    # Vietnamese kin titles before a child's name.
    ("vi", "Thằng Tèo, con trai tôi, mới 6 tuổi", ["Tèo"], ["con trai", "6 tuổi"]),
    ("vi", "con gai toi ten la hoa", ["hoa"], ["con gai"]),
    # Chinese: a handle after an app's name; a title after the surname; kin words.
    ("zh", "他一直用微信 wang_lei99 给我发消息", ["wang_lei99"], ["微信", "发消息"]),
    ("zh", "警察钱警官让我回家", ["钱"], ["警察", "警官"]),
    ("zh", "我哥哥马强帮了我，他的姐姐马丽也来了", ["马", "强", "丽"], ["哥哥", "姐姐"]),
    ("zh", "他在法院说我叫ｍａｒｉａ", ["maria"], ["法院"]),
    # Arabic: Egyptian and Levantine naming verbs; a school named "ابن …"; an epithet.
    ("ar", "أخوه الكبير كل الناس بتقوله شوشة", ["شوشة"], ["أخوه", "الكبير"]),
    ("ar", "جوزي بيدلعوه ميدو من وهو صغير", ["ميدو"], ["جوزي", "صغير"]),
    (
        "ar",
        "ولادي بمدرسة ابن خلدون والمديرة اتصلت بالشرطة",
        ["خلدون"],
        ["ولادي", "والمديرة", "بالشرطة"],
    ),
    ("ar", "جوزي يسموه الأسمر وكان يضربني", ["الأسمر"], ["جوزي", "يضربني"]),
    # Somali: a nickname after "u yaqaanaan"; common given names.
    ("so", "ninkayga waxay u yaqaanaan Gaab, Gaab wuu i garaacay", ["Gaab"], ["ninkayga"]),
    (
        "so",
        "waxaa i caawiyay Yoonis iyo Siciid markii aan shelter-ka tagay",
        ["Yoonis", "Siciid"],
        ["shelter-ka"],
    ),
    # Hmong: "hu ua" names; a given name with a tone letter missing.
    ("hmn", "kuv tus tub hu ua tsuj nws muaj 6 xyoos", ["tsuj"], ["tus tub", "6 xyoos"]),
    ("hmn", "kuv nrog Txooj mus tsev hais plaub", ["Txooj"], ["tsev hais plaub"]),
    # From the unseen check (qx17-18): a nickname after a relative and el/la; 小 and a given
    # name after a Chinese title; no-tone "thi"/"van" (thì, vẫn) after a given name; a Hmong
    # given name that is part of a role, before its clan; a second syllable after "hu ua";
    # Somali kin words with her/his before a name in lower case.
    (
        "es",
        "mi cuñado el güero que vive en Texas me amenazó",
        ["güero"],
        ["cuñado", "Texas"],
    ),
    ("zh", "我表姐小慧的老公也打她", ["小慧"], ["表姐", "老公"]),
    (
        "vi",
        "con chong toi la huy thi van goi dien chui toi",
        ["huy"],
        ["chong toi", "van goi dien"],
    ),
    ("hmn", "nws tus txiv tswv vaj hem kuv", ["tswv", "vaj"], ["tus txiv", "hem kuv"]),
    # No-tone Vietnamese: a title that takes no name leaves its words to the next title.
    (
        "vi",
        "toi o nha chi hai nam roi chong toi la khoa hay den phien",
        ["khoa"],
        ["hai nam", "chong toi"],
    ),
    (
        "hmn",
        "kuv tus ntxhais hu ua nkauj ntsuab nws muaj 5 xyoos",
        ["nkauj", "ntsuab"],
        ["5 xyoos"],
    ),
    (
        "so",
        "hooyadiis sahra iyo aabaheed cabdi way i caawiyeen",
        ["sahra", "cabdi"],
        ["hooyadiis", "aabaheed"],
    ),
]


@pytest.mark.parametrize(("language", "text", "parts", "themes"), SHAPES)
def test_batch_x_shapes_are_redacted(
    language: str, text: str, parts: list[str], themes: list[str]
) -> None:
    assert_redacted(quote_text(text, language), parts, themes, language)


# What must not change: counting in words, words that only look like the new shapes.
UNCHANGED = [
    ("es", "conté uno dos tres cuatro cinco seis siete y me calmé"),
    ("en", "one two three four five six seven eight, breathe"),
    ("vi", "Cảnh sát bảo tôi về nhà ngủ đi"),
    ("vi", "Hồ sơ di trú của tôi bị chậm"),
    ("zh", "我叫uber回家了"),
    ("zh", "我没有微信"),
    ("ar", "اسمه الحقيقي ما بعرفه"),
    ("ar", "انا رحت المركز الاسلامي وبعدين للشرطة"),
    ("es", "llamé a la policía. Luego me fui"),
    ("es", "ella y su hija la llevaron a la escuela"),
]


@pytest.mark.parametrize(("language", "text"), UNCHANGED)
def test_batch_x_ordinary_words_stay(language: str, text: str) -> None:
    assert quote_text(text, language) == text


def test_a_title_after_a_naming_verb_stays_with_its_name() -> None:
    out = quote_text("الشرطي اسمه Officer Ramos كتب التقرير", "ar")
    assert_redacted(out, ["Ramos"], ["Officer", "الشرطي", "التقرير"], "ar")


def test_the_islamic_centre_keeps_its_adjective_beside_a_sheikh() -> None:
    out = quote_text("رحت المركز الاسلامي والشيخ ماجد قال لي اصبري", "ar")
    assert_redacted(out, ["ماجد"], ["المركز الاسلامي", "والشيخ"], "ar")


def test_a_kunya_still_takes_a_word_with_the_article() -> None:
    """ "اسمه الحقيقي" keeps its word, but "أبو الفضل" is one name."""
    out = quote_text("أبو الفضل جارنا اتصل بالشرطة", "ar")
    assert_redacted(out, ["الفضل"], ["جارنا", "بالشرطة"], "ar")


def test_a_title_after_hu_ua_keeps_its_title() -> None:
    """ "hu ua" gives a name, but "Officer" after it is a title: only the name goes."""
    out = quote_text("tus tub ceev xwm hu ua Officer Thoj hais lus Hmoob", "hmn")
    assert_redacted(out, ["Thoj"], ["Officer", "tub ceev xwm", "Hmoob"], "hmn")
    out = quote_text("sarkaalka booliska maxamed ayaa igu qeylyey", "hmn")
    assert "booliska" in out, out


def test_arabizi_names_after_a_kin_word() -> None:
    """Arabic in Latin letters and digits: a listed Arabizi spelling or a capitalised word after
    a kin or role word goes; an everyday word after it stays ("ibni ra7na", my son and I went)."""
    out = quote_text("tli2i 5alil kan yhadedni w a5to Rania kamen", "ar")
    assert_redacted(out, ["5alil", "Rania"], ["tli2i", "kan", "a5to", "kamen"], "ar")
    out = quote_text("7amati om 7amza 2alet enno ana el ghalta", "ar")
    assert_redacted(out, ["7amza"], ["7amati", "om", "ghalta"], "ar")
    text = "ana w ibni ra7na 3al shelter bi Dearborn"
    assert quote_text(text, "ar") == text
