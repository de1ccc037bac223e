"""Spanish names nothing marks: typed on a phone, lower case, unlisted (issue 18, item 4).

Each case names a shape, not a word: the names here are not in the development quotes. Every
part of the name must go, and the theme words around it (cities, role words, agencies,
months, durations, 911, slang) must stay.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from intake.redaction import redact, spanish
from tests.redaction_helpers import assert_redacted

CASES = [
    # a kin or role word before a lower-case name
    ("me fui con mi prima yuridia a Dallas por 3 semanas", ["yuridia"], ["prima", "Dallas"]),
    ("mi cuñada tzitzi me presto para la renta", ["tzitzi"], ["cuñada", "renta"]),
    ("la licenciada marielos dijo que el DIF no se lleva a los niños", ["marielos"], ["DIF"]),
    ("mi abuelita chencha nos cuido en marzo", ["chencha"], ["abuelita", "marzo"]),
    # a verb of contact and "a" or "con"
    ("le dije a yahaira que llamara al 911", ["yahaira"], ["911"]),
    ("hable con la fiscal y con wendolyn de la iglesia", ["wendolyn"], ["fiscal", "iglesia"]),
    ("le tenia miedo a bairon porque andaba con la pandilla", ["bairon"], ["miedo", "pandilla"]),
    # an article before what a person does, "mi ex el", "el tal", "don"
    ("el wey ese, el kenner, me pego enfrente de la troca", ["kenner"], ["wey", "troca"]),
    ("mi ex el jonny me amenazo con la migra", ["jonny"], ["ex", "migra"]),
    ("el jefe y el tal anacleto me amenazaron en la chamba", ["anacleto"], ["jefe", "chamba"]),
    ("el de la tienda, don goyo, llamo a la jura", ["goyo"], ["tienda", "jura"]),
    ("fue la yuritzi la que llamo a la policia", ["yuritzi"], ["policia"]),
    # a name opening the sentence, or between commas after a role
    ("jeison me pego con el cinto en Houston", ["jeison"], ["Houston"]),
    ("nayelli mi vecina me llevo al albergue", ["nayelli"], ["vecina", "albergue"]),
    ("mi esposo, ezequiel, tomaba diario", ["ezequiel"], ["esposo", "diario"]),
    ("yo y maynor dormimos en el carro 2 semanas", ["maynor"], ["2 semanas"]),
    # more of the name beside one found: an unknown word, a listed surname
    ("mi novio yeferson cruz me quito el pasaporte", ["yeferson", "cruz"], ["pasaporte"]),
]


@pytest.mark.parametrize(("text", "parts", "themes"), CASES, ids=[c[0][:30] for c in CASES])
def test_unmarked_spanish_name_goes_and_themes_stay(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = redact(text, "es")
    assert_redacted(out, parts, themes)
    assert "[name]" in out


@pytest.mark.parametrize(
    "text",
    [
        # slang and Spanglish are words, not names
        "el wey ese me pego enfrente de mis hijos",
        "la morra de mi hermano me ayudo con los niños",
        "me quitaron la troca y la chamba por la migra",
        "la jura llego como en 20 minutos",
        "el guey me dijo que me iba a matar",
        "pq no me ayudaron? nadie me creyo",
        "mi esposo chambeaba en la construccion",
        "el landlord me corrio del apartamento sin aviso",
        "mi ex me hizo bullying por whatsapp",
        # verb forms and plurals the word list lacks (it holds base forms)
        "mi esposo tomaba mucho y me pegaba",
        "mi prima tambien sufrio violencia",
        "mi suegra nunca me quiso",
        "anduve con el 3 años y nunca me dejo trabajar",
        "los tombos llegaron y se lo llevaron",
        # places after a verb of going, role words after kin words
        "me fui a Dallas con mi prima por 2 semanas",
        "le dije a la licenciada que tenia miedo",
        "hable con la trabajadora social y con la del DIF",
        "el abogado de ICE dijo que no tengo caso",
        "mi hija, la mas chiquita, lloraba",
    ],
)
def test_no_name_no_change(text: str) -> None:
    assert redact(text, "es") == text


def test_without_the_word_list_the_rule_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spanish, "_spanish_dictionary", lambda: {})
    spanish._spanish_word_cached.cache_clear()
    try:
        for text in ("le dije a yexenia que llamara", "mi cuñada tzitzi me presto"):
            assert redact(text, "es") == text
    finally:
        spanish._spanish_word_cached.cache_clear()


def test_the_word_list_is_not_loaded_at_import() -> None:
    code = (
        "import sys, intake.redaction as r, intake.redaction.spanish as es; "
        "print('spellchecker' in sys.modules); "
        "r.redact('i called my sister', 'en'); "
        "print(es._spanish_dictionary.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # Not at import, and an English quote does not read the Spanish list.
    assert out.stdout.split() == ["False", "0"]


def test_the_spanish_list_is_for_spanish_only() -> None:
    # An English quote with a Spanish kin word keeps the English rules.
    text = "me and my prima went to the shelter"
    assert redact(text, "en") == text


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("dijo", True),  # a verb form the list lacks: dijo ← decir (listed)
        ("hijos", True),  # a plural
        ("llamaron", True),  # llamar
        ("quiero", True),  # querer, the stem as spelt in the infinitive
        ("detuvieron", True),  # detener
        ("llevarme", True),  # a pronoun joined to the verb
        ("chambeaba", True),  # a slang verb
        ("Xóchitl", False),
        ("brayan", False),
        ("chela", False),  # not "che" with a pronoun
    ],
)
def test_spanish_words_and_names(word: str, known: bool) -> None:
    assert spanish._spanish_word(word) is known
