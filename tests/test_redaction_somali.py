"""Somali theme words beside a name (issue 18, item 3/4).

Each case names a shape, not a word: the names and most words here are not those of the
development quotes (eval/dev/so.json, so-qk…). Every part of the name must go, and the theme
words around it (role and kin words with their Somali endings, days, places, agencies,
peoples, 911, "3 mar") must stay.
"""

from __future__ import annotations

import pytest

from intake.redaction import redact
from tests.redaction_helpers import assert_redacted

CASES = [
    # a role or kin word with a Somali ending, capitalised, right after a name
    ("ninkaygii Abshir Cumar Qareenkii ayuu la hadlay", ["Abshir", "Cumar"], ["Qareenkii"]),
    ("Sagal Xirsi Hooyadeed ayaa i soo wacday", ["Sagal", "Xirsi"], ["Hooyadeed"]),
    ("Najiib Cilmi Aabihiis ayaa iga cabanayay", ["Najiib", "Cilmi"], ["Aabihiis"]),
    ("Khadar Diiriye Walaasheed ayaa ii timid", ["Khadar", "Diiriye"], ["Walaasheed"]),
    ("Ruqiya Shire Ninkiisa ayaa i hanjabay", ["Ruqiya", "Shire"], ["Ninkiisa"]),
    ("Mukhtaar Geeddi Garsoorihii ayuu u tagay", ["Mukhtaar", "Geeddi"], ["Garsoorihii"]),
    ("Saalax Barre Odayaasha ayuu u yeeray", ["Saalax", "Barre"], ["Odayaasha"]),
    ("Yaasiin Keynaan Askartii ayaa qabatay", ["Yaasiin", "Keynaan"], ["Askartii"]),
    ("Nimco Gurey Turjumaankii ayay ahayd", ["Nimco", "Gurey"], ["Turjumaankii"]),
    # the subject ending, the focus marker joined, "-na" (and) after the ending
    ("Xamse Warfaa Boolisku way qabteen", ["Xamse", "Warfaa"], ["Boolisku"]),
    ("Ismaaciil Afrax Booliskaa qabtay", ["Ismaaciil", "Afrax"], ["Booliskaa"]),
    ("Shamso Iidle Maxkamaddaa sii daysay", ["Shamso", "Iidle"], ["Maxkamaddaa"]),
    ("Leyla Dhuux Booliskuna way yimaadeen", ["Leyla", "Dhuux"], ["Booliskuna"]),
    # typed without the doubled letters
    ("Mustafe Kaahin Maxkamada ayuu tagay", ["Mustafe", "Kaahin"], ["Maxkamada"]),
    ("Kowsar Hashi Garsoraha ayay u sheegtay", ["Kowsar", "Hashi"], ["Garsoraha"]),
    ("Bashiir Jimcaale Boliska ayuu wacay", ["Bashiir", "Jimcaale"], ["Boliska"]),
    # plurals of roles
    ("Fartuun Sugule Saraakiisha ayay u sheegtay", ["Fartuun", "Sugule"], ["Saraakiisha"]),
    ("Jibriil Cawaale Dhakhaatiirta ayuu arkay", ["Jibriil", "Cawaale"], ["Dhakhaatiirta"]),
    # days and holidays, with their endings
    ("Abuukar Kaahin Khamiista ayuu yimid", ["Abuukar", "Kaahin"], ["Khamiista"]),
    ("Maryam Xaashi Sabtidii ayay baxday", ["Maryam", "Xaashi"], ["Sabtidii"]),
    ("Siyaad Cigaal Axadda ayuu xabsiga galay", ["Siyaad", "Cigaal"], ["Axadda"]),
    ("Warsan Dhuux Ramadaanka ayay timid", ["Warsan", "Dhuux"], ["Ramadaanka"]),
    # places with a Somali ending
    ("Kaltuun Jimcaale Kismaayada ayay ku dhalatay", ["Kaltuun", "Jimcaale"], ["Kismaayada"]),
    ("Daahir Warfaa Muqdishada ayuu ku koray", ["Daahir", "Warfaa"], ["Muqdishada"]),
    # agencies and peoples, capitalised beside a name and before the focus marker
    ("Iqra Gedi Dowladda ayay u shaqeysaa", ["Iqra", "Gedi"], ["Dowladda"]),
    ("Hibaaq Afrah Hay'adda ayay ka timid", ["Hibaaq", "Afrah"], ["Hay'adda"]),
    ("Cabdisalaan Egal Soomaali ma aha", ["Cabdisalaan", "Egal"], ["Soomaali"]),
    ("markaas Ciidanka ayaa yimid, Jaaliyadda ayaa i caawisay", [], ["Ciidanka", "Jaaliyadda"]),
    # role and group words that come before no name: a manager, a guard, the neighbours
    ("markaas Agaasimaha ayaa i eryay, Kormeeraha ayaa yiri", [], ["Agaasimaha", "Kormeeraha"]),
    ("Faarax Duale Jaarka ayuu la dagaalamay", ["Faarax", "Duale"], ["Jaarka"]),
    # any English word with a Somali ending after a hyphen is a noun
    ("Shukri Xasan Eviction-ka ayay ka cabsanaysaa", ["Shukri", "Xasan"], ["Eviction-ka"]),
    ("markaas Deportation-ka ayaa la joojiyay", [], ["Deportation-ka"]),
    # a role or agency word with its ending joined by "iyo" (and) to a name, either side
    ("Hamdi Cigaal iyo Walaalkeed ayaa yimid", ["Hamdi", "Cigaal"], ["Walaalkeed"]),
    ("Saraakiishii iyo Abshir Dualeh ayaa guriga yimid", ["Abshir", "Dualeh"], ["Saraakiishii"]),
    ("waxaan la hadlay Muuse Gedi iyo Maxkamada", ["Muuse", "Gedi"], ["Maxkamada"]),
]


@pytest.mark.parametrize(("text", "parts", "themes"), CASES, ids=[c[0][:30] for c in CASES])
def test_somali_name_goes_and_theme_words_stay(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, "so")
    assert_redacted(out, parts, themes)
    assert ("[name]" in out) == bool(parts), out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # "mar" is a time ("911 mar kale", "3 mar"): no day of March
        ("911 mar kale ayaan wacay", "911 mar kale"),
        ("booliska 4 mar ayay yimaadeen", "4 mar"),
        # typed in capitals: a role word with its ending after a title is no name
        ("QAREENKA MAXKAMADA AYAA I YIRI", "QAREENKA MAXKAMADA"),
        ("ASKARIGA KHAMIISTA AYUU YIMID", "ASKARIGA KHAMIISTA"),
        # a month, then a count or a duration: no date ("in February, 5 times")
        ("bishii Febraayo 5 jeer ayuu i hanjabay", "Febraayo 5 jeer"),
        ("Sebtembar 3 toddobaad ayaan hoyga joogay", "Sebtembar 3 toddobaad"),
        # a house word, then a count: no address
        ("guriga 4 jeer ayuu yimid", "guriga 4 jeer"),
        # a title that is also a family name, standing alone: the sheikh, the hajji
        ("Sheekh ayaa yiri ha u dacwoon", "Sheekh ayaa"),
        ("Xaaji ayaa odayaasha la hadlay", "Xaaji ayaa"),
        # "ayaan" after a title is ayaa + aan (I), no name
        ("qareen ayaan helay laakiin turjumaan ayaan u baahday", "turjumaan ayaan u"),
        # a word that is also a name, where no one did anything to the speaker
        ("Nabad ayaa ii muhiim ah, amaan iyo caafimaad", "Nabad ayaa"),
        ("nabad ayaa la helay markii odayaasha yimaadeen", "nabad ayaa"),
    ],
)
def test_somali_words_that_look_like_names_or_dates_stay(text: str, kept: str) -> None:
    out = redact(text, "so")
    assert kept in out, out
    assert "[name]" not in out, out
    assert "[date]" not in out, out


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    [
        # a name that is also a word (peace, luck) did something to the speaker: a person
        ("Nabad ayaa i garaacay, booliska ayaan wacay", ["Nabad"], ["booliska"]),
        ("Ayaan ayaa na caawisay markii shelter-ka la xiray", ["Ayaan"], ["shelter-ka"]),
        ("hooyadeed ayaa yimid, Amaan ayaa igu qeylisay", ["Amaan"], ["hooyadeed"]),
        # a title, then "ayaan" and a listed name: the name
        ("dhakhtarad ayaan hirsi ayaa i daaweysay", ["ayaan", "hirsi"], ["dhakhtarad"]),
        # a title standing alone keeps, the name beside it still goes
        ("Sheekh Cabdiwali Guhaad ayaa yimid", ["Cabdiwali", "Guhaad"], ["Sheekh"]),
        ("Yuusuf Xaaji ayaa yimid", ["Yuusuf", "Xaaji"], []),
        # a March date with its year stays a date, and so does a month with its day
        ("waxaa la i xiray 3 Mar 2019", ["3 Mar 2019"], ["xiray"]),
        ("waxaan dhashay Abriil 9, 1988", ["Abriil 9, 1988", "1988"], ["dhashay"]),
    ],
)
def test_somali_names_still_go(text: str, parts: list[str], themes: list[str]) -> None:
    out = redact(text, "so")
    for part in parts:
        assert part not in out, (part, out)
    for theme in themes:
        assert theme in out, (theme, out)
