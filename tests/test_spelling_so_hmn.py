"""Somali and Hmong as people type them (``intake.analysis.spelling``): vowel length and
doubled letters in Somali, a Hmong syllable's tone letter dropped or swapped, syllables run
together — read in the patterns' spelling; everyday words that fold alike left alone."""

from __future__ import annotations

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import Matcher
from intake.analysis.pattern_use import PatternCounter
from intake.analysis.spelling import hmong_fold, somali_fold
from tests.coding_helpers import suggested_points as points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    ("language", "text", "point"),
    [
        # Somali: a vowel or a consonant written once where the pattern doubles it, or twice
        # where it does not.
        ("so", "bolliska ayaan u yeeray laakiin ma iman", "police"),
        ("so", "maxkamaada ayaan aaday toddobaadkii hore", "criminal_court"),
        ("so", "isbitalka ayaa la ii geeyay habeenkaas", "health_care"),
        ("so", "waxaan ka baqayay socdalka, warqado ma haysto", "immigration"),
        ("so", "hooyga gargaarka ayaan galay anigoo carruurta wata", "housing"),
        ("so", "amarka ilalinta ayaan qaatay bishii hore", "protection_order"),
        ("so", "masjiidka imaamkiisa ayaa i caawiyay", "faith_community"),
        ("so", "kalkalisada ayaa i weydiisay haddii aan nabad qabo", "health_care"),
        ("so", "Bolliska ayaa yimid saacad kadib.", "police"),  # a capital opening a sentence
        # Hmong: the tone letter dropped or swapped, a doubled vowel, syllables run together,
        # two neighbouring letters swapped in a phrase's syllable.
        ("hmn", "kuv hu tub cev xwm tab sis lawv tsis tuaj", "police"),
        ("hmn", "tub ceev xw tuaj lig heev", "police"),
        ("hmn", "tub ceevxwm tuaj tham nrog nws xwb", "police"),
        ("hmn", "tub ceev xwm tuaj thiab nws raug nte", "arrest"),
        ("hmn", "nws nyob hauv tsev loj cug 2 hmo", "jail_pretrial"),
        ("hmn", "nws nyob hauv tsevlojcuj ob hmos", "jail_pretrial"),
        ("hmn", "kuv mus tsev hais plaug nrog kuv tus tij laug", "criminal_court"),
        ("hmn", "tus kws foo hu kuv", "prosecution"),
        ("hmn", "lawv coj kuv mus tsev kho moob hmo ntawd", "health_care"),
        ("hmn", "kuv tau daim ntawv tiv thai tab sis nws tseem los", "protection_order"),
        ("hmn", "nws raug nets hmo ntawd", "arrest"),
    ],
)
def test_a_word_typed_as_people_type_it_names_its_point(
    matcher: Matcher, language: str, text: str, point: str
) -> None:
    assert point in points(matcher, text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Somali: the road folds as a man of religion does ("waddada", "wadaad"); a pattern
        # word of four letters once folded is not looked for ("barre", a family name, folds
        # as "bare", a teacher, and "dimelo" starts as "diime…" does).
        ("so", "waddada ayuu igu sugay maalintaas"),
        ("so", "wuxuu deggan yahay wadada lake ee minneapolis"),
        ("so", "walaalkay barre ayaa i caawiyay"),
        # An English word typed in the answer stays English ("scholarship" is no "school").
        ("so", "gabadhayda waxay heshay scholarship sanadkan"),
        ("so", "wuxuu igu yiri dimelo markaan timid"),
        ("so", "hooyaday ayaa i caawisay, gurigeeda ayaan u guuray"),
        # Hmong: a syllable alone is never read without its tone ("ntej", before, is no
        # "ntes"); a phrase needs one syllable as the pattern writes it ("rau ntej" is not
        # "raug ntes"); a pattern's short abbreviation stands as written ("tus po", the PO,
        # is not "tus poj niam", a woman, nor "tus pom").
        ("hmn", "nws mus rau ntej lawm"),
        ("hmn", "ib tug poj niam tuaj nrog kuv tham"),
        ("hmn", "kuv tus tij laug yog thawj tus pom tias nws txawv"),
        ("hmn", "Kuv tus tub xav ua tub ceev xwm thaum nws loj hlob"),
        ("hmn", "peb nyob hauv ib lub tsev loj heev"),
    ],
)
def test_an_everyday_word_that_folds_alike_names_no_point(
    matcher: Matcher, language: str, text: str
) -> None:
    assert points(matcher, text, language) == set()


def test_the_highlight_is_the_word_as_typed(matcher: Matcher) -> None:
    for text, language, typed in (
        ("waan wacay bolliska laakiin ma iman", "so", "bolliska"),
        ("kuv hu tub cev xwm tab sis", "hmn", "tub cev xwm"),
        ("nws nyob hauv tsevlojcuj ob hmos", "hmn", "tsevlojcuj"),
    ):
        (excerpt,) = matcher.excerpts(text, language)
        assert excerpt.codes
        assert any(text[a:b] == typed for a, b in excerpt.highlights), (text, excerpt)


def test_the_pattern_counter_reads_them_as_the_matcher_does() -> None:
    counter = PatternCounter(codebook_module.shipped())
    parts = {part for part, _language, _pattern in counter.matched("bolliska ayaa yimid", "so")}
    assert "police" in parts
    parts = {part for part, _l, _p in counter.matched("kuv hu tub cev xwm", "hmn")}
    assert "police" in parts


def test_the_folds() -> None:
    assert somali_fold("booliiska") == somali_fold("bolliska") == "boliska"
    assert somali_fold("maxkamadda") == somali_fold("maxkamaada")
    assert hmong_fold("ceev") == hmong_fold("cev") == hmong_fold("ceeb") == "ce"
    assert hmong_fold("moob") == hmong_fold("mob") == "mo"
    assert hmong_fold("court") == "court"  # no RPA syllable: as written
    assert hmong_fold("cps") == "cps"


def test_other_languages_are_matched_as_written(matcher: Matcher) -> None:
    assert matcher.speller("en") is None
    assert matcher.speller("vi") is None
    assert "police" not in points(matcher, "the bolliska came", "en")


def test_somali_words_found_by_their_folded_start_are_every_word_that_reads_otherwise(
    matcher: Matcher,
) -> None:
    """The speller reads only the words its expression finds (their folded start is a
    pattern word's): the same fixes as reading every word of the answer, on pattern words
    with letters doubled and halved, capitals, names and everyday words."""
    import random
    import re

    from intake.analysis.text import normalise
    from intake.analysis.typos import _capital_inside_a_sentence

    speller = matcher.speller("so")
    assert speller is not None
    stems = sorted(speller._stems.values())
    words = [*stems, "Barre", "aan", "waxaan", "wadada", "booliiska", "bolis", "MAXKAMADDA"]
    rnd = random.Random(5)

    def typed(word: str) -> str:
        out = []
        for letter in word:
            roll = rnd.random()
            out.append(letter * 2 if roll < 0.2 else "" if roll < 0.25 else letter)
        return "".join(out) or word

    checked = 0
    for _ in range(400):
        text = " ".join(
            rnd.choice([w, typed(w), w.capitalize(), typed(w) + "ka"])
            for w in rnd.choices(words, k=8)
        )
        text = text + "." if rnd.random() < 0.5 else text.upper()
        normal = normalise(text)
        expected = []
        for match in re.finditer(r"\w+", normal.text):
            reading = speller._somali_reading(match.group(0))
            start, end = match.span()
            if reading is not None and (
                text.isupper()
                or not _capital_inside_a_sentence(
                    text, normal.origin[start], normal.origin[end - 1] + 1
                )
            ):
                expected.append((start, end, reading))
        assert speller._somali(normal, text) == expected, text
        checked += len(expected)
    assert checked > 400  # the comparison is about words read otherwise, not empty lists
