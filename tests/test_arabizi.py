"""Arabic typed in Latin letters and digits (Arabizi), Darija with French words, and dialect
words in Arabic script (development batch z, 2026-12-07, seventh session).

Coding: the points named in Arabizi ("el shorta", "3al ma7kame", "2abado 3aleh", "tele3 bi
kafale", "7akamoh sentein sijn", "el niyaba", "amr 7imaye", "el 7adane", "el madrase",
"el mostashfa", "el malja2", "el masjid"), in French as Darija speakers use it ("la police",
"le commissariat", "le tribunal", "l'ordonnance de protection", "l'assistante sociale",
"la carte de séjour", "l'hôpital") and in dialect Arabic script ("الكوميسارية", "حكموه سنتين
سجن", "السبيطار"); everyday Arabizi that names nothing ("7adanetni" she hugged me, "my
shortie", "polished"), a school in passing ("3al madrase"), and a plain court word after a
custody sentence (the following sense).

Redaction: names as typed in Arabizi — after more kin and role words ("jozha", "rajli",
"rayli", "khouya", "jarti", "el 2adi"), a family name after the article ("el Masri") or after
a found name ("[name] Benali", "[name] el masri"), and a listed name standing alone (with a
digit, "3ali kan…", or capitalised, "tele3 3alay Tarek"); everyday words typed like names
stay ("sawto kan 3ali", "rana hna", "el Family Court", "el Amriki").

Each case is a sentence written for these tests (not a development answer). The held-out
evaluation corpus is never used here.
"""

from __future__ import annotations

import pytest

from eval.score import occurs
from intake.analysis import codebook as codebook_module
from intake.analysis.coding import Matcher
from intake.redaction import quote_text
from tests.coding_helpers import suggested_points as points
from tests.redaction_helpers import assert_redacted as _assert_redacted


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The police: shurta in its spellings, bolis, the station (2esm, ma5far, commissariat).
        ("kel marra ba7ki ma3 el shurta bi2ulu ma fi shi", {"police"}),
        ("ejet el shor6a ba3d sa3tein", {"police"}),
        ("el bolees ma sada2ouni", {"police"}),
        ("ro7t lel 2esm 3ashan a3mel mahdar", {"police"}),
        ("mshit l commissariat w ma bghawch yskhtbo", {"police"}),
        ("ro7t 3al ma5far bas ma 7ada sa2al fiyyi", {"police"}),
        # The arrest, jail before trial and bail.
        ("2abado 3alayh fel shoghl", {"arrest"}),
        ("e3ta2aloh w ba3den tele3", {"arrest"}),
        ("ba2a fel sijn yomen", {"jail_pretrial"}),
        ("tele3 bi kafale tani yom", {"jail_pretrial"}),
        # The prosecution, the criminal court, the sentence.
        ("el niyabe 2alatli lazem eshhad", {"prosecution"}),
        ("el mod3i el 3am ma ettasal fiyyi", {"prosecution"}),
        ("3andi mo7akame el shahr el jay", {"criminal_court"}),
        ("nhar l'audience f le tribunal ma jach", {"criminal_court"}),
        ("el 2adi 7akamoh sana sijn", {"sentencing"}),
        ("tla3lo 3amayn w sursis", {"sentencing"}),
        # A protection order, custody and divorce, the program.
        ("talabt amr hemaya men el ma7kame", {"protection_order"}),
        ("l'ordonnance de protection ma khedmatch", {"protection_order"}),
        ("howe baddo el 7adane la2elo", {"civil_court_custody"}),
        ("talabt el tala2 w howe rafad", {"civil_court_custody"}),
        ("huwe ta7t el mora2aba sana", {"probation_programs"}),
        # Schools, child protection, immigration, health care, housing, faith.
        ("el mo3alme la7azet enno binti 5ayfe", {"schools"}),
        ("l'assistante sociale jat l dar w chafet drari", {"child_protection"}),
        ("ma 3andi e2ame w 5ayfe men el hijra", {"immigration"}),
        ("ma3andich la carte de séjour", {"immigration"}),
        ("wadouni 3al mustashfa bel is3af", {"health_care"}),
        ("mshit l sbitar w l tbib 3tani chahada", {"health_care"}),
        ("2a3adt fel malja2 ma3 wladi shahr", {"housing"}),
        ("ro7t 3al kanise w 7akeit ma3 abouna", {"faith_community"}),
        # Dialect words in Arabic script.
        ("رحت على الكوميسارية وما دارو والو", {"police"}),
        ("حكموه سنتين سجن", {"sentencing"}),
        ("ودوني السبيطار بالليل", {"health_care"}),
        # Everyday Arabizi and English in an Arabic answer that name nothing.
        ("7adanetni ommi w bakeit", set()),
        ("i sent him 200 dollars and he polished off the food", set()),
        ("my shortie and me went out", set()),
        ("5alas ra7alo men el beit w ma rej3o", set()),
        # A school in passing, and a school that acted.
        ("ro7t 3al madrase 2a5od el wlad w hunak shefto", set()),
        ("ba3d el madrase kan yestanna bel sayyara", set()),
        ("el madrase ettasalet bel CPS", {"schools", "child_protection"}),
        # A plain court word after a custody sentence is the family court's (following
        # sense); after an arrest it is the criminal court.
        ("2addamt 3al 7adane. ba3d shahr ro7na 3al ma7kame", {"civil_court_custody"}),
        (
            "el shorta 2abado 3aleh. ba3d shahr ro7na 3al ma7kame",
            {"police", "arrest", "criminal_court"},
        ),
    ],
)
def test_arabizi_points(matcher: Matcher, text: str, expected: set[str]) -> None:
    assert points(matcher, text, "ar") == expected, text


def assert_redacted(out: str, parts: list[str], themes: list[str]) -> None:
    _assert_redacted(out, parts, themes)
    for part in parts:
        assert not occurs(part, out, "ar"), (part, out)


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    [
        # More kin and role words before a name.
        ("o5ti Hala w jozha Nader ejo ya5duni", ["Hala", "Nader"], ["o5ti", "jozha"]),
        ("rajli Mourad Benkirane kaydrebni w l bolis ma jawch", ["Mourad", "Benkirane"], ["bolis"]),
        ("rayli Sultan 6ardni w el shur6a ma sawo shay", ["Sultan"], ["rayli", "shur6a"]),
        ("khouya rachid howa li 3ayat l la police", ["rachid"], ["khouya", "police"]),
        ("jarti souad sam3et kel shi", ["souad"], ["jarti"]),
        ("el 2adi mansour ma sada2ni", ["mansour"], ["2adi"]),
        # A family name after the article, or after a found name.
        ("el Tamimi kan ydawer 3alayi", ["Tamimi"], ["ydawer"]),
        ("tli2i karim el hashemi ma bye2bal yedfa3", ["karim", "hashemi"], ["tli2i"]),
        ("zawji nizar Abdelkrim hadadni", ["nizar", "Abdelkrim"], ["zawji"]),
        ("5aled el shami huwe elli darabni", ["5aled", "shami"], ["darabni"]),
        # A listed name alone: with a digit, or capitalised.
        ("7amza kan yhadedni kel lele", ["7amza"], ["yhadedni"]),
        ("w 3ali kan ydarebni 2eddam el wlad", ["3ali"], ["wlad"]),
        ("ba3atli rasayel w ba3dein Marwan ejja 3al beit", ["Marwan"], ["rasayel", "beit"]),
    ],
)
def test_arabizi_names(text: str, parts: list[str], themes: list[str]) -> None:
    assert_redacted(quote_text(text, "ar"), parts, themes)


@pytest.mark.parametrize(
    "text",
    [
        "sawto kan 3ali w 5ayaf el wlad",  # 3ali: loud, not at a clause's start
        "2alli 3ali sotik kaman marra",
        "rana hna f Detroit men 3am",  # rana: we are
        "ma ba2a fi amal, kel shi 5eles",
        "el Family Court 2alet lazem nestanna",  # a capitalised English word after el
        "el Amriki kan ynadini b esmi",
        "ro7t 3al Walmart w el Target w ma la2eto",
        "ana w ibni ra7na 3al shelter bi Dearborn",
    ],
)
def test_arabizi_everyday_words_stay(text: str) -> None:
    assert quote_text(text, "ar") == text


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("ettasalt belshorta w ma 3amalo shi", "police"),
        ("elshorta ajat ba3d sa3a", "police"),
        ("ro7t 3almahkama la7ali", "criminal_court"),
        ("akhadoh lal7abs", "jail_pretrial"),
    ],
)
def test_an_arabizi_article_or_preposition_written_onto_the_word(
    matcher: Matcher, text: str, point: str
) -> None:
    assert point in points(matcher, text, "ar")


@pytest.mark.parametrize(
    "text",
    ["brent called me", "estaba frente a la casa", "i was alone and well", "el abogado llamo"],
)
def test_a_latin_word_that_merely_starts_like_a_proclitic_is_not_split(
    matcher: Matcher, text: str
) -> None:
    # "brent" is no "rent", "frente" no "rente", "alone" no "one".
    assert points(matcher, text, "ar") == set()
