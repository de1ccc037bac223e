"""A number after its label: one table (``number_labels`` of each language in
intake/data/redaction.json) and one function (``identifiers._number_labels``).

Each language's labels give a placeholder of the right kind (papers, plates and badges a
[case number], a phone's last digits a [phone], a house's number an [address]); a count, a
duration or an amount after the number keeps it; every language's labels are read in every
quote.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.redaction import PLACEHOLDERS, redact
from tests.redaction_helpers import assert_redacted

TABLE = Path(__file__).resolve().parent.parent / "intake" / "data" / "redaction.json"


def _tables() -> dict[str, dict]:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    return {lang: entry.get("number_labels") for lang, entry in data.items()}


def test_every_language_has_a_well_formed_table() -> None:
    tables = _tables()
    assert set(tables) == {"en", "es", "so", "vi", "zh", "ar", "hmn"}
    placeholder_of: dict[str, str] = {}
    for lang, table in tables.items():
        assert isinstance(table, dict), lang
        assert set(table) == {"kinds", "between", "not_after"}, lang
        assert table["kinds"], lang
        for kind in table["kinds"]:
            assert set(kind) == {"placeholder", "however_short", "labels"}, (lang, kind)
            # a number is never a name, and a label never hides the whole passage
            assert kind["placeholder"] in PLACEHOLDERS, (lang, kind["placeholder"])
            assert kind["placeholder"] not in ("[name]", "[…]"), (lang, kind["placeholder"])
            assert isinstance(kind["however_short"], bool), (lang, kind)
            assert kind["labels"], (lang, kind["placeholder"])
            for label in kind["labels"]:
                assert isinstance(label, str), (lang, label)
                assert label, lang
                assert label == label.strip(), (lang, label)
                key = " ".join(label.lower().split())
                # one label, one kind of number, in every language that lists it
                assert placeholder_of.setdefault(key, kind["placeholder"]) == kind["placeholder"], (
                    lang,
                    label,
                )
        for key in ("between", "not_after"):
            words = table[key]
            assert words, (lang, key)
            for word in words:
                assert isinstance(word, str), (lang, key, word)
                assert word, (lang, key)
                assert word == word.strip(), (lang, key, word)
            assert len(set(words)) == len(words), (lang, key)


# Each language: one label of each kind it has, and the exact output (so the placeholder's
# kind is checked, not only that the number went).
KINDS = [
    ("en", "the officer with badge 4471 laughed", "the officer with badge [case number] laughed"),
    ("en", "his plate is kft 882, I told 911", "his plate is [case number], I told 911"),
    ("en", "my ssn 123-45-6789 is on the form", "my ssn [case number] is on the form"),
    ("en", "his phone ends in 4471", "his phone ends in [phone]"),
    ("en", "my home number is 612 555 0188", "my home number is [phone]"),
    ("en", "our house number is 25, near the shelter", "our house number is [address], near the shelter"),
    ("es", "su pasaporte número 482193 lo tiene el abogado", "su pasaporte número [case number] lo tiene el abogado"),
    ("es", "la placa no. 4471 del carro", "la placa no. [case number] del carro"),
    ("es", "vivíamos en la casa número 25 con mis hijos", "vivíamos en la casa número [address] con mis hijos"),
    ("so", "lambarka gaariga waa 9PLM 318", "lambarka gaariga waa [case number]"),
    ("so", "guriga lambarkiisu waa 25", "guriga lambarkiisu waa [address]"),
    ("vi", "số hộ chiếu là 8812734", "số hộ chiếu là [case number]"),
    ("zh", "那个警号是023456的警察", "那个警号是[case number]的警察"),
    ("ar", "رقم لوحة سيارته ١٢٣٤٥", "رقم لوحة سيارته [case number]"),
    ("ar", "رقم البيت ٢٥", "رقم البيت [address]"),
    ("hmn", "daim phiaj tsheb yog 7KDJ 442", "daim phiaj tsheb yog [case number]"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expected"), KINDS)
def test_each_label_gives_its_kind_of_placeholder(language: str, text: str, expected: str) -> None:
    assert redact(text, language) == expected


# A count, a duration or an amount after the number: the number stays. Each has a twin in
# which the same label and number go, so the case cannot pass by finding nothing.
COUNTS = [
    ("en", "badge 4471", "the badge 3 times", "3 times"),
    ("en", "house number 25", "the house number 2 years ago", "2 years"),
    ("es", "la placa 5823", "la placa 120 veces", "120 veces"),
    ("es", "la licencia 8812", "la licencia 300 dólares", "300 dólares"),
    ("so", "baasaboorka 550912", "baasaboorka 120 maalmood", "120 maalmood"),
    ("so", "guriga lambarkiisu 25", "guriga lambarkiisu 3 bilood", "3 bilood"),
    ("vi", "hộ chiếu 8812734", "hộ chiếu 120 ngày", "120 ngày"),
    ("zh", "护照123456", "护照120天", "120天"),
    ("ar", "جواز السفر ١٢٣٤٥", "جواز السفر 120 يوم", "120 يوم"),
    ("hmn", "daim phiaj 7734", "daim phiaj 120 hnub", "120 hnub"),
]


@pytest.mark.parametrize(("language", "a_number", "a_count", "kept"), COUNTS)
def test_a_count_or_duration_after_the_number_keeps_it(
    language: str, a_number: str, a_count: str, kept: str
) -> None:
    assert redact(a_number, language) != a_number
    assert kept in redact(a_count, language)


def test_a_bare_year_stays_unless_the_label_goes_however_short() -> None:
    assert "2019" in redact("saqué el pasaporte 2019", "es")
    assert "2019" in redact("social media in 2019", "en")
    assert_redacted(redact("his badge 2019", "en"), ["2019"], ["badge"])


@pytest.mark.parametrize("language", ["en", "es", "so", "vi", "zh", "ar", "hmn"])
def test_every_languages_labels_are_read_in_every_quote(language: str) -> None:
    # people mix languages: an English plate in a Spanish quote, a Spanish one in English
    assert_redacted(
        redact("his plate is MBX 419 and he drives a gray truck", language),
        ["MBX", "419"],
        ["plate", "truck"],
    )
    assert_redacted(redact("mi pasaporte número 630184", language), ["630184"], ["pasaporte"])


def test_a_label_whose_number_is_too_weak_does_not_hide_a_later_label() -> None:
    # "licencia" with a word between needs four digits; the "placa" after it needs three
    assert_redacted(redact("la licencia y la placa 512", "es"), ["512"], ["licencia", "placa"])


def test_a_phone_or_an_address_after_a_label_is_read_whole() -> None:
    assert redact("social security 5 357501 and more", "en") == "social security [phone] and more"
    assert redact("our house number is 2100 Riverside Ave", "en") == "our house number is [address]"
