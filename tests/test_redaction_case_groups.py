"""A court file number typed in groups with spaces, after its label, goes whole.

The red team of the sixth session found "el número 27 FA 19 4412" leaving "FA 19 4412"
beside the placeholder, in every language; English "case number 27 FA 19 4412" too.
"""

import pytest

from intake.redaction import quote_text


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("case number 27 FA 19 4412 is the custody one", "en", "custody"),
        ("case no. 27 CR 22 1098 was dismissed", "en", "dismissed"),
        ("mi caso es el número 27 FA 19 4412 en el juzgado", "es", "juzgado"),
        ("el expediente 2023 JV 0412 lo tiene la trabajadora social", "es", "trabajadora social"),
        ("lambarkiisu waa 27 CR 22 1098, maxkamadda ayaa go'aamisay", "so", "maxkamadda"),
        ("rooj plaub yog 62 FA 23 1187 hauv tsev hais plaub", "hmn", "tsev hais plaub"),
        ("案号是 CV 2023 04 117，法院还没开庭", "zh", "法院"),
        ("رقم القضية ٢٠٢٣ - ٠٤٥٦٧ في المحكمة", "ar", "المحكمة"),
    ],
)
def test_every_group_of_a_spaced_case_number_goes(text, language, kept):
    quote = quote_text(text, language)
    for group in ("FA", "CR", "JV", "CV", "19", "22", "23", "4412", "1098", "0412", "1187", "117"):
        assert f" {group} " not in f" {quote} ".replace(",", " ").replace("，", " "), quote
    assert "٠٤٥٦٧" not in quote
    assert "٢٠٢٣" not in quote
    assert "[case number]" in quote
    assert kept in quote


@pytest.mark.parametrize(
    "text",
    [
        "my case DA 12 days later said no",  # letters and a duration: no file number
        "my case in 2021 was dropped",
        "the case went on for 2 years",
    ],
)
def test_what_is_no_case_number_stays(text):
    assert quote_text(text, "en") == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("la calle 5 de Mayo 214, ahí vivía con él", "ahí vivía"),
        ("vivo en la calle Lake 2210 con mis hijos", "con mis hijos"),
    ],
)
def test_a_house_number_after_its_street_goes_in_spanish(text, kept):
    quote = quote_text(text, "es")
    assert "214" not in quote, quote
    assert "2210" not in quote, quote
    assert "[address]" in quote
    assert kept in quote


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("vivimos en calle Hidalgo 45 3 años", "es"),  # the years stay
        ("en la calle Lake 2 veces", "es"),
        ("he lives at 123 Main St 2 blocks from us", "en"),
        ("vivíamos en la calle Lake 45 en 2019", "es"),
    ],
)
def test_a_count_or_a_year_after_a_street_stays(text, language):
    quote = quote_text(text, language)
    for kept in ("3 años", "2 veces", "2 blocks", "2019"):
        if kept in text:
            assert kept in quote, quote


def test_a_spaced_court_file_number_without_a_label_goes():
    quote = quote_text(
        "Mi caso en la corte familiar es el número 27 FA 19 4412 y la trabajadora social", "es"
    )
    assert "FA" not in quote
    assert "4412" not in quote
    assert "[case number]" in quote


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("his DOC number is 254871 and he gets out in May", "254871"),
        ("my ID number is 4471882", "4471882"),
        ("my medicaid number 77812345 was on the letter", "77812345"),
    ],
)
def test_a_number_after_an_id_label_goes(text, number):
    quote = quote_text(text, "en")
    assert number not in quote, quote
    assert "[case number]" in quote


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("my email is tasha dot brooks at yahoo", "brooks"),
        ("email: tasha88 at gmail if you need me", "tasha88"),
        ("write to keisha_b at hotmail", "keisha_b"),
    ],
)
def test_an_email_said_without_its_end_goes(text, gone):
    quote = quote_text(text, "en")
    assert gone not in quote, quote


@pytest.mark.parametrize(
    "text",
    ["she works at yahoo now", "my email is on file at the office", "i got my id back"],
)
def test_a_mail_service_or_an_id_alone_stays(text):
    assert quote_text(text, "en") == text


@pytest.mark.parametrize(
    ("text", "language", "gone"),
    [
        ("mi correo es maria.lopez arroba gmail punto com", "es", "lopez"),
        ("mi correo maria punto lopez arroba yahoo", "es", "lopez"),
        ("email lan chấm nguyen a còng gmail chấm com", "vi", "nguyen"),
    ],
)
def test_an_email_in_the_words_of_another_language_goes(text, language, gone):
    quote = quote_text(text, language)
    assert gone not in quote, quote
    assert "[email]" in quote


@pytest.mark.parametrize(
    ("text", "language"),
    [("lo vi en la arroba del parque", "es"), ("tôi ở nhà a còng", "vi")],
)
def test_the_words_for_at_and_dot_alone_stay(text, language):
    assert quote_text(text, language) == text
