"""Coding free text: codebook patterns in Spanish, Somali, Arabic (and the rest), emerging
themes, and the codebook's own integrity."""

from __future__ import annotations

import datetime as dt

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.annotations import Annotation
from intake.analysis.codebook import CodebookError, clean_patterns, point_only_key
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
    # One code per point and dimension, and one per point said with no dimension.
    assert len(cb.codes()) == 16 * 6 + 16
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


@pytest.mark.parametrize(
    ("language", "text", "point"),
    [
        ("en", "The prosecutor called me on Tuesday.", "prosecution"),
        ("en", "He was out on bail the next morning.", "jail_pretrial"),
        ("es", "La policía llegó a la casa.", "police"),
        ("so", "Booliiska ayaa yimid.", "police"),
        ("vi", "Cảnh sát đến nhà tôi.", "police"),
        ("zh", "警察来了。", "police"),
        ("ar", "الشرطة جاءت", "police"),
        ("hmn", "Tub ceev xwm tuaj.", "police"),
    ],
)
def test_a_point_named_without_a_dimension_is_suggested_on_its_own(
    matcher: Matcher, language: str, text: str, point: str
) -> None:
    codes = {c for e in matcher.excerpts(text, language) for c in e.codes}
    assert codes == {point_only_key(point)}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "La policía no me creyó y tuve más miedo.", "police.made_less_safe"),
        ("so", "Booliiska way i caawiyeen, waxaan dareemay ammaan.", "police.made_safer"),
        ("ar", "الشرطة لم تصدقني وكنت خائفة", "police.made_less_safe"),
        ("zh", "警察来了以后我更害怕了。", "police.made_less_safe"),
    ],
)
def test_a_dimension_is_a_second_layer_over_the_point(
    matcher: Matcher, language: str, text: str, expected: str
) -> None:
    codes = {c for e in matcher.excerpts(text, language) for c in e.codes}
    assert expected in codes
    # Said how: the point is not also counted as "not said how".
    assert "police.unspecified" not in codes


def test_point_only_codes_are_per_sentence(matcher: Matcher) -> None:
    first, second = matcher.excerpts(
        "The police came to the house. The judge made me feel safe.", "en"
    )
    assert first.codes == ("police.unspecified",)
    assert "civil_court_custody.unspecified" not in second.codes
    assert all(not c.endswith(".unspecified") for c in second.codes), second.codes


def test_a_point_implied_by_the_question_needs_a_dimension(matcher: Matcher) -> None:
    # Under the police summary, a sentence with nothing in it is not "police — not said how".
    assert all(not e.codes for e in matcher.excerpts("I do not know.", "en", "police_summary"))
    codes = {
        c for e in matcher.excerpts("They laughed at me.", "en", "police_summary") for c in e.codes
    }
    assert codes == {"police.respect_dignity"}


def test_a_point_whose_dimension_codes_are_off_still_counts_under_the_point() -> None:
    cb = codebook_module.shipped()
    for dimension in cb.dimensions:
        cb = cb.with_disabled(f"police.{dimension}", True)
    codes = {
        c
        for e in Matcher(cb).excerpts("La policía no me creyó y tuve más miedo.", "es")
        for c in e.codes
    }
    assert codes == {"police.unspecified"}
    off = Matcher(cb.with_disabled("police.unspecified", True))
    assert all(not e.codes for e in off.excerpts("La policía vino.", "es"))


def test_point_only_codes_have_a_translated_label_and_the_contract_shape() -> None:
    cb = codebook_module.shipped()
    code = cb.code("police.unspecified")
    assert code is not None
    assert (code.intervention, code.dimension) == ("police", None)
    assert code.label("en") == "Police — not said how"
    labels = code.labels(LANGUAGES)
    for language in LANGUAGES:
        assert labels[language].startswith(cb.interventions["police"].label[language])
        if language != "en":
            assert "not said how" not in labels[language], (language, labels[language])
    pair = cb.code("police.made_safer")
    assert pair is not None
    assert (pair.intervention, pair.dimension) == ("police", "made_safer")
    own = cb.with_part(
        codebook_module.Part("custom.bus", "custom", {"en": "Bus"}, {"en": ("bus",)})
    )
    bus = own.code("custom.bus")
    assert bus is not None
    assert (bus.intervention, bus.dimension, bus.label("en")) == (None, None, "Bus")


def test_a_dimension_may_not_take_the_point_only_key() -> None:
    data = codebook_module.shipped().to_data()
    data["dimensions"]["unspecified"] = {"label": {"en": "x"}, "patterns": {"en": ["x"]}}
    with pytest.raises(CodebookError):
        codebook_module.parse(data)


def test_confirming_how_a_point_acted_settles_its_not_said_how_suggestion() -> None:
    note = Annotation()
    note.apply("q#0", "add", "police.made_less_safe")
    sure, maybe = note.codes_for("q#0", ("police.unspecified", "arrest.unspecified"))
    assert sure == {"police.made_less_safe"}
    assert maybe == {"arrest.unspecified"}
    # Only a code of the same point settles it; no decision leaves it suggested.
    assert Annotation().codes_for("q#0", ("police.unspecified",)) == (set(), {"police.unspecified"})


def test_a_codebook_saved_before_point_only_codes_keeps_a_point_switched_off() -> None:
    data = codebook_module.shipped().to_data()
    data["version"] = 1
    data["disabled"] = [f"police.{d}" for d in data["dimensions"]] + ["arrest.made_safer"]
    old = codebook_module.parse(data)
    assert "police.unspecified" in old.disabled
    assert "arrest.unspecified" not in old.disabled
    # Saved again in the current format, the choice stays (and is not re-derived).
    again = codebook_module.parse(old.with_disabled("police.unspecified", False).to_data())
    assert "police.unspecified" not in again.disabled


def test_code_labels_read_a_babel_locale_as_its_language() -> None:
    code = codebook_module.shipped().code("police.unspecified")
    assert code is not None
    assert code.label("zh_Hans") == code.label("zh")
    assert code.label("zh").startswith("警察")


def test_only_a_points_own_code_is_read_as_point_only() -> None:
    assert codebook_module.point_of("police.unspecified") == "police"
    assert codebook_module.point_of("police.made_safer") is None
    assert codebook_module.point_of("custom.unspecified") is None  # a facilitator's own code


# -- word sense: a court word in a sentence about custody is the family court ------------
def _points(matcher: Matcher, text: str, language: str) -> set[str]:
    return {c.rsplit(".", 1)[0] for e in matcher.excerpts(text, language) for c in e.codes}


@pytest.mark.parametrize(
    ("language", "family", "criminal"),
    [
        (
            "en",
            "the judge at the custody hearing gave him every other weekend",
            "his trial got pushed back and the judge let him go home",
        ),
        (
            "es",
            "en la audiencia de custodia el juez ni me dejo hablar",
            "el juicio contra el fue en marzo",
        ),
        ("so", "maxkamadda ayaan u aaday furiinka", "markhaati ayaan ka ahaa maxkamadda dembiga"),
        ("vi", "toi ra toa ly hon 3 lan", "phiên tòa hình sự bị hoãn 4 lần"),
        ("zh", "为了孩子的抚养权我上了好几次法庭", "他的案子开庭那天我去作证了"),
        ("ar", "رحت المحكمة عشان الطلاق", "شهدت ضده في المحاكمة"),
        ("hmn", "kuv mus tsev hais plaub vim kev sib nrauj", "kuv mus ua tim khawv rau nws"),
    ],
)
def test_a_court_word_beside_custody_is_the_family_court(
    matcher: Matcher, language: str, family: str, criminal: str
) -> None:
    points = _points(matcher, family, language)
    assert "civil_court_custody" in points, points
    assert "criminal_court" not in points, points
    assert "criminal_court" in _points(matcher, criminal, language)


def test_the_criminal_court_yields_only_within_the_sentence_and_to_a_family_court_in_use() -> None:
    cb = codebook_module.shipped()
    text = "I went to court for the divorce. Then I went to court again for his trial."
    first, second = Matcher(cb).excerpts(text, "en")
    assert {c.split(".")[0] for c in first.codes} == {"civil_court_custody"}
    assert "criminal_court.unspecified" in second.codes
    # With every family-court code switched off, the court named is still counted.
    off = cb
    for code in cb.all_codes():
        if code.intervention == "civil_court_custody":
            off = off.with_disabled(code.key, True)
    assert "criminal_court.unspecified" in Matcher(off).excerpts(text, "en")[0].codes


def test_vietnamese_pattern_words_match_whole_syllables(matcher: Matcher) -> None:
    # "lên tòa" (to go to court) is not in "lệnh tòa" (a court order), folded "lenh toa"
    assert "criminal_court" not in _points(matcher, "anh ta di lop theo lenh toa", "vi")
    assert "criminal_court" in _points(matcher, "tuan sau toi phai len toa", "vi")
    assert "criminal_court" in _points(matcher, "tuần sau tôi phải lên tòa", "vi")
    # English words people mix in still match as the start of a word
    assert "immigration" in _points(matcher, "anh ta doa toi se bi deported", "vi")


# -- word sense: a court word beside immigration is the immigration court ----------------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the judge at immigration court denied my asylum"),
        ("es", "tengo corte de inmigracion en mayo"),
        ("so", "maxkamadda socdaalka ayaan tagay bishii hore"),
        ("zh", "移民法庭下个月开庭"),
        ("ar", "عندي محكمة هجرة الشهر الجاي"),
        ("hmn", "kuv mus tsev hais plaub immigration lub hli tas los"),
    ],
)
def test_a_court_word_beside_immigration_is_the_immigration_court(
    matcher: Matcher, language: str, text: str
) -> None:
    points = _points(matcher, text, language)
    assert "immigration" in points, points
    assert "criminal_court" not in points, points
    # the same court words alone are still the criminal court
    assert "criminal_court" in _points(matcher, "the judge at court denied it", "en")


# -- word sense: a jail word beside the sentence is the sentence served -------------------
@pytest.mark.parametrize(
    ("language", "sentenced", "pretrial"),
    [
        ("en", "he was sentenced to 30 days in jail", "he sat in jail for a week before trial"),
        ("es", "lo sentenciaron a dos años de carcel", "lo metieron al bote una noche"),
        ("so", "xabsiga waxaa lagu xukumay lix bilood", "xabsiga ayuu ku jiray laba habeen"),
        ("vi", "anh ta bị kết án 2 năm tù", "anh ta bị nhốt 2 ngày"),
        ("zh", "他被判了三年，现在在监狱里", "第二天就被保出来了"),
        ("ar", "حكموا عليه بسنتين سجن", "طلع بكفالة تاني يوم"),
        ("hmn", "lawv txiav txim rau nws raug kaw ob xyoos", "nws raug kaw ob hmos"),
    ],
)
def test_a_jail_word_beside_the_sentence_is_the_sentence(
    matcher: Matcher, language: str, sentenced: str, pretrial: str
) -> None:
    points = _points(matcher, sentenced, language)
    assert "sentencing" in points, points
    assert "jail_pretrial" not in points, points
    assert "jail_pretrial" in _points(matcher, pretrial, language)


def test_a_point_yields_only_to_a_point_in_use() -> None:
    cb = codebook_module.shipped()
    text = "he was sentenced to 30 days in jail. My immigration court date is in May."
    first, second = Matcher(cb).excerpts(text, "en")
    assert "jail_pretrial.unspecified" not in first.codes
    off = cb
    for code in cb.all_codes():
        if code.intervention in ("sentencing", "immigration"):
            off = off.with_disabled(code.key, True)
    first, second = Matcher(off).excerpts(text, "en")
    assert "jail_pretrial.unspecified" in first.codes  # the prison is still counted
    assert "criminal_court.unspecified" in second.codes  # and so is the court


# -- word sense: a court word beside a protection order is that hearing -------------------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "went to the courthouse for the restraining order hearing"),
        ("es", "fui al juzgado a pedir la orden de restricción"),
        ("so", "waxaan tagay maxkamadda si aan u helo amar ilaalin"),
        ("vi", "em ra toa xin lenh cam tiep xuc"),
        ("zh", "我去法院申请了保护令"),
        ("ar", "رحت المحكمة عشان أطلب أمر حماية"),
        ("hmn", "kuv mus tsev hais plaub thov daim ntawv txwv tsis pub nws los ze"),
    ],
)
def test_a_court_word_beside_a_protection_order_is_its_hearing(
    matcher: Matcher, language: str, text: str
) -> None:
    points = _points(matcher, text, language)
    assert "protection_order" in points, points
    assert "criminal_court" not in points, points


def test_a_matcher_compiles_a_phrase_level_only_when_a_text_reaches_it() -> None:
    """Building the shipped codebook's matcher compiles no phrase level's expressions
    (thousands of them, most never reached: compiling them all took most of a second at
    the first unlock or submission); a text compiles the levels it walks, and finds the same."""
    from intake.analysis.matching import WordIndex, _Level

    index = next(
        f for f in Matcher(codebook_module.shipped())._for("en") if isinstance(f, WordIndex)
    )
    compiled_slot = _Level.__dict__["after"]

    def levels(level: _Level, seen: dict[int, _Level]) -> dict[int, _Level]:
        if id(level) not in seen:
            seen[id(level)] = level
            for _hits, after, exact in level.table.values():
                for nxt in (after, exact[1] if exact else None):
                    if nxt is not None:
                        levels(nxt, seen)
        return seen

    def compiled(level: _Level) -> bool:
        try:
            compiled_slot.__get__(level, _Level)
        except AttributeError:
            return False
        return True

    every = levels(index.first, {})
    assert len(every) > 100
    assert not any(compiled(level) for level in every.values())
    found = index.find("the prosecutor dropped the charges and the judge gave him probation")
    assert {key for _kind, key, _a, _b in found} >= {"prosecution", "probation_programs"}
    reached = [level for level in every.values() if compiled(level)]
    assert 0 < len(reached) < len(every)
