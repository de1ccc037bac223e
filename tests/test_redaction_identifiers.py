"""Identifiers other than names in every language (issue 18, item 4).

Each case names a shape, not a word: the numbers, streets and nicknames here are not those of
the development quotes (eval/dev/<lang>.json, <lang>-qd09…). Every part of the identifier
must go, and the theme words beside it (durations, ages, amounts, 911, form names, roles,
cities) must stay.
"""

from __future__ import annotations

import pytest

from intake.redaction import redact
from tests.redaction_helpers import assert_redacted

GONE = [
    # a number after a label for a person's papers, car or badge, in each language
    (
        "es",
        "el policía con placa 5823 no me quiso ayudar en 2 horas",
        ["5823"],
        ["policía", "2 horas"],
    ),
    (
        "es",
        "las placas del carro eran RTX 915 C y se fue a las 11",
        ["RTX", "915"],
        ["carro", "11"],
    ),
    ("es", "mi matrícula consular es la 73019 y pagué 40 dólares", ["73019"], ["40 dólares"]),
    ("es", "le di mi licencia de manejo 8812734 al oficial", ["8812734"], ["oficial"]),
    ("es", "su pasaporte número 630184 lo tiene el abogado", ["630184"], ["abogado"]),
    ("so", "baasaboorkiisa lambarkiisu waa 550912, 3 bilood ayuu qaatay", ["550912"], ["3 bilood"]),
    (
        "so",
        "askariga lambarkiisu waa 6610, lambarka gaariga waa 9PLM 318",
        ["6610", "9PLM", "318"],
        ["askariga"],
    ),
    ("vi", "biển số xe của hắn là 29A-456.78, tôi báo cảnh sát", ["29A-456.78"], ["cảnh sát"]),
    ("vi", "công an số hiệu 30917 không giúp tôi suốt 4 tiếng", ["30917"], ["công an", "4 tiếng"]),
    ("vi", "bằng lái số 7730152 bị giữ lại 2 tuần", ["7730152"], ["2 tuần"]),
    ("zh", "他的车牌是沪B67890，我报了警", ["B67890"], ["报了警"]),
    ("zh", "警号118204的民警来了", ["118204"], ["民警"]),
    ("zh", "驾照号码是771203，护照号是E5512034", ["771203", "E5512034"], ["驾照", "护照"]),
    ("zh", "我的身份证号是44030419851122301X，社工看过", ["44030419851122301X"], ["社工"]),
    ("ar", "رقم لوحة سيارتها ٧٧٣٢١ والشرطة ما سألت", ["٧٧٣٢١"], ["والشرطة"]),
    ("ar", "الضابط رقمه ٥٥٠٢ وكان معه زميل", ["٥٥٠٢"], ["الضابط"]),
    ("hmn", "tus tub ceev xwm daim phiaj tsheb yog 4RTY 901", ["4RTY", "901"], ["tub ceev xwm"]),
    ("hmn", "kuv daim passport nab npawb 3306721 poob lawm", ["3306721"], ["passport"]),
    # a phone number partly in words
    ("es", "me marcaba del 713 ocho ocho dos 4410 todas las noches", ["713", "4410"], ["noches"]),
    ("en", "call me at 651 four four two 7781 after 5", ["651", "7781"], ["5"]),
    # addresses
    ("en", "went to the passport office at 1450 W Lake St", ["1450", "Lake"], ["passport office"]),
    ("es", "vivía en calle 16 de Septiembre #88 en Toluca", ["16", "Septiembre", "88"], ["Toluca"]),
    ("ar", "ساكنة في Apt 7 on 23rd Street في ديترويت", ["23rd"], ["ديترويت"]),
    ("zh", "我们以前住在阳光花园5栋3单元702室，两年", ["阳光花园", "702"], ["两年"]),
    ("zh", "她住在人民路66号4单元503，三个月", ["66", "503"], ["三个月"]),
    ("zh", "住在和平街9号院2号楼1单元101室", ["9号院", "101"], ["住在"]),
    # dates of birth
    ("ar", "تاريخ الميلاد ٧ ١١ ١٩٩٢ وعندي ولدين", ["٧", "١١", "١٩٩٢"], ["ولدين"]),
    ("es", "fecha de nacimiento: 9 10 1987, tengo 37 años", ["9", "10", "1987"], ["37 años"]),
    (
        "so",
        "taariikhda dhalashadiisu waa 21-ka Oktoobar 1985, hadda 38 sano",
        ["21-ka", "1985"],
        ["38 sano"],
    ),
    # nicknames marked as such
    ("es", "en la cuadra le decían la Prieta desde niña", ["Prieta"], ["cuadra"]),
    ("es", "le decían la Chata y vendía en el mercado", ["Chata"], ["mercado"]),
    (
        "es",
        "a su hermano le apodan el Tuerto, vende en la esquina",
        ["Tuerto"],
        ["hermano", "esquina"],
    ),
    ("es", "mi ex, alias la flaca, me amenazó en enero", ["flaca"], ["enero"]),
    (
        "en",
        "her boyfriend, they call him el gallo, hit me twice",
        ["gallo"],
        ["boyfriend", "twice"],
    ),
    ("so", "ninkaas waxaa loo yaqaan Gaduud, wuu i hanjabay", ["Gaduud"], ["ninkaas"]),
    ("vi", "thằng đó có biệt danh là Tí, nó đánh tôi", ["Tí"], ["đánh"]),
    ("vi", "tên ở nhà của chồng tôi là Cu, ảnh say rượu", ["Cu"], ["chồng"]),
    ("zh", "我前夫外号叫二狗，经常喝酒", ["二狗"], ["前夫", "喝酒"]),
    ("zh", "绰号小黑的那个人跟踪我", ["小黑"], ["跟踪我"]),
    ("ar", "أخوها يلقبونه كوكو وهو خطير", ["كوكو"], ["أخوها"]),
    ("ar", "الرجل الملقب بـ النمر جاء للبيت", ["النمر"], ["الرجل"]),
    (
        "hmn",
        "kuv tus txiv, lawv hu nws ua Ntxawg Laus, nws ntaus kuv",
        ["Ntxawg", "Laus"],
        ["txiv"],
    ),
]

KEPT = [
    # durations, ages, amounts, counts, 911 and a form's name after a label or case word stay
    ("es", "la placa de la patrulla no la vi, esperé 3 horas y llamé al 911", ["3 horas", "911"]),
    ("es", "el pasaporte costó 1500 pesos y tardó 6 meses", ["1500", "6 meses"]),
    ("vi", "hộ chiếu làm mất 3 tháng, tốn 200 đô", ["3 tháng", "200"]),
    ("hmn", "kuv xa daim ntawv I-360 thiab tos 8 hlis", ["I-360", "8 hlis"]),
    ("so", "baasaboorka wuxuu qaatay 2 sano, 911 ayaan wacay", ["2 sano", "911"]),
    ("zh", "护照办了6个月，花了300美元", ["6个月", "300"]),
    ("ar", "جواز السفر أخذ ٦ أشهر ودفعت ٣٠٠ دولار", ["٦ أشهر", "٣٠٠"]),
    ("es", "le dicen que es peligroso desde 2019", ["dicen", "peligroso", "2019"]),
    ("vi", "tôi gọi 911 hai lần năm 2020", ["911", "hai", "2020"]),
    # a year written with 年 after a label is no number of the passport
    ("zh", "护照是2018年办的，等了4个月", ["2018年", "4个月"]),
    ("zh", "我住在中山路12号3年了", ["3年了"]),
]


@pytest.mark.parametrize(("language", "text", "parts", "themes"), GONE)
def test_identifier_goes_and_theme_words_stay(
    language: str, text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, language)
    if language == "zh":
        for part in parts:
            assert part not in out, (part, out)
        for theme in themes:
            assert theme in out, (theme, out)
    else:
        assert_redacted(out, parts, themes)


@pytest.mark.parametrize(("language", "text", "themes"), KEPT)
def test_numbers_that_name_nobody_stay(language: str, text: str, themes: list[str]) -> None:
    out = redact(text, language)
    for theme in themes:
        assert theme in out, (theme, out)
