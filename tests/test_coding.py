"""Coding free text: codebook patterns in Spanish, Somali, Arabic (and the rest), emerging
themes, and the codebook's own integrity."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.codebook import CodebookError, clean_patterns
from intake.analysis.coding import Matcher
from intake.analysis.emerging import find
from intake.analysis.state import ThemeState
from intake.questionnaires.catalog import SHIPPED_DIR
from intake.questionnaires.definition import load_definition_text
from intake.responses import OpenedResponse

LANGUAGES = ("en", "es", "so", "vi", "zh", "ar", "hmn")


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    ("language", "text", "question", "expected"),
    [
        ("es", "La policía no me creyó y tuve más miedo.", "", "police.made_less_safe"),
        (
            "es",
            "En la corte familiar no había intérprete.",
            "",
            "civil_court_custody.language_access",
        ),
        ("es", "Me dijeron que me iban a deportar.", "", "immigration.disproportionate_impact"),
        ("so", "Booliiska way i caawiyeen, waxaan dareemay ammaan.", "", "police.made_safer"),
        ("so", "Maxkamadda qoyska turjubaan ma jirin.", "", "civil_court_custody.language_access"),
        ("ar", "الشرطة لم تصدقني وكنت خائفة", "", "police.made_less_safe"),
        ("ar", "لم يكن هناك مترجم في محكمة الأسرة.", "", "civil_court_custody.language_access"),
        ("en", "They laughed at me.", "police_summary", "police.respect_dignity"),
        ("zh", "警察来了以后我更害怕了。", "", "police.made_less_safe"),
    ],
)
def test_suggestions_in_several_languages(
    matcher: Matcher, language: str, text: str, question: str, expected: str
) -> None:
    codes = {c for e in matcher.excerpts(text, language, question) for c in e.codes}
    assert expected in codes, codes


def test_highlights_point_at_the_words_that_matched(matcher: Matcher) -> None:
    text = "Me siento mejor. La POLICÍA me ayudó y me sentí segura."
    first, second = matcher.excerpts(text, "es")
    assert first.codes == ()
    assert second.codes
    assert "POLICÍA" in [text[a:b] for a, b in second.highlights]


def test_a_sentence_about_nothing_in_the_codebook_gets_no_code(matcher: Matcher) -> None:
    for language, text in [("en", "The bus was late."), ("es", "El autobús llegó tarde.")]:
        assert all(not e.codes for e in matcher.excerpts(text, language))


def test_shipped_codebook_is_complete_in_every_language() -> None:
    cb = codebook_module.shipped()
    assert len(cb.interventions) == 16
    assert len(cb.dimensions) == 6
    assert len(cb.codes()) == 96
    for part in cb.parts():
        for language in LANGUAGES:
            assert part.label.get(language), (part.key, language)
            assert part.patterns.get(language), (part.key, language)


@pytest.mark.parametrize("bad", ["police.*", "(cop)", "a|b", "x" * 81])
def test_unusable_patterns_are_refused(bad: str) -> None:
    with pytest.raises(CodebookError):
        clean_patterns([bad])


def test_emerging_themes_find_what_the_codebook_misses(matcher: Matcher) -> None:
    survivor = load_definition_text((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8"))
    state = ThemeState()
    sentences = [
        "El autobús no pasa por mi barrio y no tengo transporte para llegar.",
        "Sin transporte no pude llegar a las citas, el autobús tarda horas.",
        "No hay transporte público cerca, el autobús es caro.",
    ]
    # Other things people wrote, each by a few: the transport cluster must stand out.
    sentences_other = [
        "Mi hermana me cuidó a los niños.",
        "Quiero que haya más grupos de apoyo para mujeres.",
        "Necesito trabajo y ropa para mis hijos.",
        "La comida del refugio era buena.",
    ]
    for i in range(16):
        state.aggregate.add(
            OpenedResponse(
                id=f"o{i}",
                questionnaire_version_id=1,
                provenance="self",
                submitted_month=dt.date(2026, 11, 1),
                language="es",
                answers={"ideas_for_change": sentences_other[i % 4]},
            ),
            survivor,
        )
    for i in range(12):
        state.aggregate.add(
            OpenedResponse(
                id=f"r{i}",
                questionnaire_version_id=1,
                provenance="self",
                submitted_month=dt.date(2026, 11, 1),
                language="es",
                answers={"ideas_for_change": sentences[i % 3]},
            ),
            survivor,
        )
    clusters = find(state, codebook_module.shipped(), matcher, 5)
    assert clusters, "twelve people writing about transport form a cluster"
    top = next(c for c in clusters if any(t.startswith(("transport", "autob")) for t in c.terms))
    assert top.language == "es"
    assert top.respondents >= 5
    assert any(term.startswith(("transport", "autob")) for term in top.terms)
    # Fewer people than k (28 wrote in all): nothing is shown.
    assert find(state, codebook_module.shipped(), matcher, 29) == []
