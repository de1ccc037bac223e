"""Names in notes written by advocates and facilitators (issue 18, item 4).

Third person, note style: initials, lists joined by slashes, a transcript's speakers, "Name:"
labels, a name in parentheses or quotation marks after a word for a person or a participant's
code. Each case names a shape, not a word: the names here are not in the development quotes.
Every part of the name must go; the theme words (role words, agencies, places, months,
durations, participant codes such as "P3", which are no names) must stay.
"""

from __future__ import annotations

import pytest

from intake.redaction import redact
from tests.redaction_helpers import assert_redacted

CASES = [
    # initials with their points, standing alone
    ("en", "client (R.W.K.) said her bf broke the window in June", ["R.W.K."], ["client", "June"]),
    ("es", "la señora (M.E.G.) llegó al refugio en abril", ["M.E.G."], ["refugio", "abril"]),
    ("vi", "Thân chủ (N.T.K.) nói cảnh sát không đến", ["N.T.K."], ["Thân chủ", "cảnh sát"]),
    ("ar", "المشاركة (س.م.) قالت إن الشرطة جاءت", ["س.م."], ["المشاركة", "الشرطة"]),
    # a list joined by slashes where one item is a found name
    (
        "en",
        "Participants Maria/Xochitl/Itzel said the shelter was full in May",
        ["Maria", "Xochitl", "Itzel"],
        ["Participants", "shelter", "May"],
    ),
    (
        "vi",
        "Các chị Lan/Xoan/Thơm đều nói tòa không có thông dịch",
        ["Lan", "Xoan", "Thơm"],
        ["tòa", "thông dịch"],
    ),
    (
        "ar",
        "المشاركات: مريم/سوسن/وعد قلن إن المحكمة أجلت القضية",
        ["مريم", "سوسن", "وعد"],
        ["المشاركات", "المحكمة"],
    ),
    (
        "hmn",
        "Cov tuaj koom: Mai/Txiab/Ntsuab hais tias tub ceev xwm tsis tuaj",
        ["Mai", "Txiab", "Ntsuab"],
        ["tub ceev xwm"],
    ),
    # a transcript's speakers, where another speaker is a found name
    (
        "en",
        "Facilitator: and then? / Maria: he left. / Precious: mine never left",
        ["Maria", "Precious"],
        ["Facilitator"],
    ),
    (
        "es",
        "Moderadora: ¿qué pasó? / Rosa: nada. / Nohemí: la policía no vino",
        ["Rosa", "Nohemí"],
        ["Moderadora", "policía"],
    ),
    (
        "so",
        "Hagaha: maxaa dhacay? / Faadumo: booliska ma iman. / Hibaaq: aniga sidoo kale",
        ["Faadumo", "Hibaaq"],
        ["Hagaha", "booliska"],
    ),
    (
        "vi",
        "Người điều phối: rồi sao? / Lan: công an không tới. / Thơm: tui cũng vậy",
        ["Lan", "Thơm"],
        ["Người điều phối", "công an"],
    ),
    (
        "ar",
        "الميسرة: شو صار؟ / مريم: الشرطة ما إجت. / وعد: نفس الشي",
        ["مريم", "وعد"],
        ["الميسرة", "الشرطة"],
    ),
    # the words after a name label
    ("en", "Name: Tywanda Blakely / referred by the DA", ["Tywanda", "Blakely"], ["DA"]),
    (
        "es",
        "Nombre: Yuleisy Quispe / esposo detenido en marzo",
        ["Yuleisy", "Quispe"],
        ["Nombre", "esposo", "marzo"],
    ),
    ("so", "Magaca: Hibaaq Gees / ninkeeda waa la xiray", ["Hibaaq", "Gees"], ["ninkeeda"]),
    ("ar", "الاسم: وعد الحوراني / الزوج في السجن", ["وعد", "الحوراني"], ["الاسم", "السجن"]),
    ("hmn", "Npe: Ntxhi Kwm / tus txiv raug ntes", ["Ntxhi", "Kwm"], ["Npe", "raug ntes"]),
    # a name in parentheses after a word for a person or a participant's code
    ("en", "her husband (Messiah) took the kids to Ohio", ["Messiah"], ["husband", "Ohio"]),
    ("en", "P3 (Blessing) said ICE came at 6am", ["Blessing"], ["P3", "ICE"]),
    ("es", "el suegro (Eulogio) nos corrió de la casa en mayo", ["Eulogio"], ["suegro", "mayo"]),
    # a nickname in quotation marks after a word for a person, also when it is a word
    ("en", 'her boyfriend "Smoke" kept her phone for 3 weeks', ["Smoke"], ["3 weeks"]),
    ("vi", 'chồng "Tèo" đánh chị 2 năm', ["Tèo"], ["chồng", "2 năm"]),
    ("hmn", 'nws tus txiv "Npis" ntaus nws', ["Npis"], ["txiv"]),
    # a nickname inside a name, and the rest of it
    (
        "en",
        "her ex, Tremaine 'Scooter' Gaines, broke the OFP twice",
        ["Tremaine", "Scooter", "Gaines"],
        ["ex", "OFP"],
    ),
    # one letter with its point after a found name
    ("ar", "زوجها رامي ك. ما دفع النفقة", ["رامي", "ك."], ["زوجها", "النفقة"]),
    # a word for a person, a colon, and a field holding only a name
    ("en", "boyfriend: Keandre P. / moved to Ohio", ["Keandre", "P."], ["boyfriend", "Ohio"]),
    # a capital after a kin word with its ending or classifier (Somali, Vietnamese, Hmong)
    ("so", "walaalkiis Sakariye ayaa booliska u yeeray", ["Sakariye"], ["walaalkiis", "booliska"]),
    ("vi", "con gái Mơ 9 tuổi ở với bà ngoại", ["Mơ"], ["con gái", "bà ngoại"]),
    # ... but a role word after a title is more of the title
    (
        "hmn",
        "Txiv Neeb Nplooj Yaj hais tias kuv yuav tsum nyob",
        ["Nplooj", "Yaj"],
        ["Txiv Neeb"],
    ),
    # a capital before a verb of saying
    ("vi", "Xuyến nói công an không tới", ["Xuyến"], ["công an"]),
    ("hmn", "Zoov hais tias tub ceev xwm tsis tuaj", ["Zoov"], ["tub ceev xwm"]),
    # "Phan" (the phán of "tham phan", a judge, typed without tones) is the family name
    ("vi", "tôi gặp Phan Thị Xoan ở tòa án", ["Phan", "Thị", "Xoan"], ["tòa án"]),
    # the Somali "ka" opening a sentence is a word, not the Hmong name Ka
    ("so", "Ka qaybgalayaasha waxay sheegeen in booliska la wacay", [], ["Ka", "booliska"]),
]

# Chinese is written without spaces: a part is gone when it is no longer a substring.
HAN_CASES = [
    ("姓名：邓秋菊／丈夫被警察抓了", ["邓秋菊"], ["姓名", "丈夫", "警察"]),
    ("丈夫（邓栋）被移民局抓了", ["邓栋"], ["丈夫", "移民局"]),
    (
        "参与者：邓秋菊、谭美华、龙小燕说庇护所满了",
        ["邓秋菊", "谭美华", "龙小燕"],
        ["参与者", "庇护所"],
    ),
]

# Shapes that look like a note's but name nobody.
KEPT = [
    ("en", "she moved back to the U.S. in May", ["U.S.", "May"]),
    ("en", "they called CPS/ICE/police on him", ["CPS", "ICE", "police"]),
    ("en", "Q: what happened? A: he hit me", ["Q:", "A:"]),
    ("en", "Name: / Date: / Notes: none", ["Name:", "Notes"]),
    ("en", "the judge said (again) no", ["(again)"]),
    ("so", "Bulshada Muslimka ah ayaa i caawiyay", ["Bulshada", "Muslimka"]),
    ("vi", "HỒ SƠ của tôi ở tòa", ["HỒ SƠ"]),
    ("en", "Officer: Stop right there", ["Officer", "Stop"]),
    ("ar", "الميسرة: وبعدين؟", ["الميسرة", "وبعدين"]),
    ("zh", "周一、周二我去法院", ["周一", "周二", "法院"]),
    ("zh", "我（周末）去了法院", ["周末", "法院"]),
]


@pytest.mark.parametrize(("language", "text", "parts", "themes"), CASES)
def test_note_shapes(language: str, text: str, parts: list[str], themes: list[str]) -> None:
    assert_redacted(redact(text, language), parts, themes)


@pytest.mark.parametrize(("text", "parts", "themes"), HAN_CASES)
def test_note_shapes_in_chinese(text: str, parts: list[str], themes: list[str]) -> None:
    out = redact(text, "zh")
    for part in parts:
        assert part not in out, (part, out)
    for theme in themes:
        assert theme in out, (theme, out)


@pytest.mark.parametrize(("language", "text", "themes"), KEPT)
def test_note_shapes_without_a_name(language: str, text: str, themes: list[str]) -> None:
    out = redact(text, language)
    assert "[name]" not in out, out
    for theme in themes:
        assert theme in out, (theme, out)
