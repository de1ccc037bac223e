"""Arabic names as they are typed on a phone (issue 18, item 4): every part of a name goes,
the theme words beside it stay. Each case failed before the rule it tests was written."""

from __future__ import annotations

import re

import pytest

from intake.redaction import PLACEHOLDER, is_listed_name, redact


def _occurs(word: str, text: str) -> bool:
    """As the evaluation counts it: the word as a whole token."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        # Unlisted given names: Kurdish, Amazigh, Levantine Christian, Egyptian, pet forms.
        ("جوزي آزاد كان يسكر ويضربني", ["آزاد"], ["جوزي", "ويضربني"]),
        ("هفال وأخوه شيرزاد لحقوني للبيت", ["هفال", "شيرزاد"], ["وأخوه", "للبيت"]),
        ("راجلي يوبا ضربني وخرجني من الدار", ["يوبا"], ["راجلي", "الدار"]),
        ("الخوري ميلاد شمعون زارنا", ["ميلاد", "شمعون"], ["الخوري", "زارنا"]),
        ("الأستاذ حمادة المحامي خد مني فلوس", ["حمادة"], ["الأستاذ", "المحامي"]),
        # English names in Arabic script, listed or by their ending, after a title or a name.
        ("المحامية سارة هاملتون كانت معي", ["سارة", "هاملتون"], ["المحامية", "كانت"]),
        ("الضابط ستيفنز ما صدقني", ["ستيفنز"], ["الضابط", "صدقني"]),
        ("الضابط ويلكنسون ما صدقني", ["ويلكنسون"], ["الضابط", "صدقني"]),
        ("قال لي الضابط رودريغز انو ما في شي", ["رودريغز"], ["الضابط", "انو"]),
        ("القاضية فيرنانديز ما سمعتني", ["فيرنانديز"], ["القاضية", "سمعتني"]),
        ("الأخصائية جينا مورغان ساعدتني في ديربورن", ["جينا", "مورغان"], ["الأخصائية", "ديربورن"]),
        ("ماركوس هو اللي اتصل على ٩١١", ["ماركوس"], ["٩١١", "اتصل"]),
        # Family names: after a name, with the article, not ending in ي; a title that is
        # also a family name; a father's name between; compound names; after آل and ود.
        ("زوج أختي رامز الخطيب يتصل علي", ["رامز", "الخطيب"], ["أختي", "يتصل"]),
        ("أخوه عبده قائد الحميري هددني", ["عبده", "قائد", "الحميري"], ["أخوه", "هددني"]),
        ("جاري جورج الخوري اتصل بالشرطة", ["جورج", "الخوري"], ["جاري", "بالشرطة"]),
        ("زوجي عوض الكريم ود الطيب طردني", ["عوض", "الكريم", "الطيب"], ["زوجي", "طردني"]),
        ("زوجي نور الدين ضربني", ["نور", "الدين"], ["زوجي", "ضربني"]),
        ("أهل زوجي آل الزين قاطعوني", ["الزين"], ["زوجي", "قاطعوني"]),
        ("زوجي عبد الرحمن السيد كان يهددني", ["عبد", "الرحمن", "السيد"], ["زوجي", "يهددني"]),
        # Naming verbs and kin words before a name.
        ("في واحد اسمو سمعان كان يجي", ["سمعان"], ["واحد", "اسمو"]),
        ("يسموه جاكو بالحارة", ["جاكو"], ["يسموه", "بالحارة"]),
        ("ينادونه حمودي وهو أخو زوجي", ["حمودي"], ["ينادونه", "زوجي"]),
        ("اخوها اسمو طلال", ["طلال"], ["اخوها", "اسمو"]),
        ("مرت نزار هي اللي بلغت الشرطة", ["نزار"], ["مرت", "الشرطة"]),
        ("مرت سعدون هي اللي بلغت الشرطة", ["سعدون"], ["مرت", "الشرطة"]),
        ("جوز سهير ضربني قدام بيتها", ["سهير"], ["جوز", "ضربني"]),
        ("ولد منصور كان يراقبني عند المدرسة", ["منصور"], ["ولد", "المدرسة"]),
        ("بنت جميل صاحبتي ساعدتني", ["جميل"], ["بنت", "صاحبتي"]),
        ("ولد عمي بدر ما خلاني أشتغل سنتين", ["بدر"], ["عمي", "سنتين"]),
        ("أم جورج من الكنيسة خلتني أنام عندها أسبوع", ["أم", "جورج"], ["الكنيسة", "أسبوع"]),
        ("حماتي الحجة أم خليل", ["خليل"], ["حماتي", "الحجة"]),
        # Names typed without hamza, taa marbuta or alif maqsura; waw before a name in lam.
        ("شفت فاطمه بالسوق", ["فاطمه"], ["شفت", "بالسوق"]),
        ("مصطفي ضربني قدام ولادي", ["مصطفي"], ["ضربني", "ولادي"]),
        ("كلمت اسامه وما رد", ["اسامه"], ["كلمت", "رد"]),
        ("كنت مع هبة ومنى وليلى بالملجأ", ["هبة", "ومنى", "وليلى"], ["كنت", "بالملجأ"]),
    ],
)
def test_arabic_names_go_and_theme_words_stay(text: str, gone: list[str], kept: list[str]) -> None:
    out = redact(text, "ar")
    assert PLACEHOLDER in out, out
    for word in gone:
        assert not _occurs(word, out), (word, out)
    for word in kept:
        assert _occurs(word, out), (word, out)


@pytest.mark.parametrize(
    "text",
    [
        "كان يقول عني ام العيال قدام الناس",  # the wife, not a kunya
        "ام الأولاد لازم تسكت",
        "أنا أم لثلاثة أطفال وما عندي شغل",
        "ولد صغير كان يبكي بالشارع",
        "عندي ولد وبنت وهو ياخذهم",
        "بنت عمه كانت معي",  # a kin word after "daughter of"
        "مرت أخوي ساعدتني",
        "زوجة عمه ما صدقتني",
        "مرت الأيام وما تغير شي",  # "the days passed"
        "جوز جزمة جديد",  # "a pair of shoes": جوز takes only a listed name
        "ابن سنتين كان معي بالسيارة",
        "هم يدرسون بالمدرسة",  # a verb that ends like "-son"
        "الشرطي قال في تمييز ضدي",  # discrimination: too short for "-ez"
        "رفعت قضية بالمحكمة السنة الماضية",  # "I filed", not Rifaat
        "نشأت في بغداد وجيت على ديترويت",  # "I grew up", not Nashaat
        "رحت عند الحلاق مع ابني",  # the barber, a family name only beside a name
        "آل البيت",
        "القاضي قال الله يعينك",
        "ايه اللي حصل",  # "what happened": إيه is no name typed without hamza
        "الحمد لله الشرطة جات بسرعة",
    ],
)
def test_arabic_words_that_are_not_names_stay(text: str) -> None:
    assert redact(text, "ar") == text


def test_a_title_with_the_article_is_no_given_name() -> None:
    out = redact("محامية الهجرة ليندا قالت انتظري سنة", "ar")
    assert _occurs("الهجرة", out), out
    assert not _occurs("ليندا", out), out


def test_a_name_said_from_me_keeps_the_word() -> None:
    # "منى" typed with ي is "from me": that spelling is no name.
    out = redact("طلب خالد مني فلوس", "ar")
    assert out == f"طلب {PLACEHOLDER} مني فلوس", out


@pytest.mark.parametrize(
    ("text", "gone", "placeholder"),
    [
        ("رقمه ٠٧٧٠١٢٣٤٥٦٧ وكان يتصل", "٠٧٧٠١٢٣٤٥٦٧", "[phone]"),
        ("تلفوني ۰۷۵۰۴۴۳۲۱۹۸ اتصلوا", "۰۷۵۰۴۴۳۲۱۹۸", "[phone]"),
        ("تاريخ ميلادي ١٥/٠٣/١٩٨٩ ومعي إقامة", "١٥/٠٣/١٩٨٩", "[date]"),
        ("رقم الأجنبي تبعي A٢١٢٣٤٥٦٧٨ والمحامي عنده نسخة", "A٢١٢٣٤٥٦٧٨", "[case number]"),
        ("رقم القضية ٢٠٢٤-٣٣٤٥٦ بمحكمة ديترويت", "٢٠٢٤-٣٣٤٥٦", "[case number]"),
        ("ساكنة ب ٥٥٢١ شارع وارن، ديربورن", "٥٥٢١", "[address]"),
        ("رقم البيت ١٢ بشارع الرشيد", "الرشيد", "[address]"),
        ("جواز سفري رقم N١٢٣٤٥٦٧ عنده", "N١٢٣٤٥٦٧", "[case number]"),
        ("رقم الهوية ١٢٣٤٥٦٧٨٩٠ معه", "١٢٣٤٥٦٧٨٩٠", "[case number]"),
    ],
)
def test_arabic_indic_and_persian_digits(text: str, gone: str, placeholder: str) -> None:
    out = redact(text, "ar")
    assert gone not in out, out
    assert placeholder in out, out
    assert "٩١١" in redact("اتصلت على ٩١١ بعد أسبوع", "ar")


def test_spellings_typed_on_a_phone_are_listed_names() -> None:
    for name in ("فاطمه", "مصطفي", "اسامه"):
        assert is_listed_name(name), name
    for word in ("مني", "ايه"):
        assert not is_listed_name(word), word
