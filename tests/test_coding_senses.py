"""Word senses (``coding.SENSES``, intake/data/word_senses.json): phrases in which a point's
words do not name it. A school named only as a place or a time is not the school acting.

Sentences written for these tests, in every shipped language; the development set in
eval/dev/ is the wider regression check (the held-out corpus is never used here).
"""

from __future__ import annotations

import hashlib

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import MATCHING_REVISION, SENSES, SENSES_FILE, Matcher
from intake.analysis.pattern_use import PatternCounter


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


def points(matcher: Matcher, text: str, language: str) -> set[str]:
    """The points suggested for ``text``, as the evaluation counts them."""
    point_of = {code.key: code.intervention for code in matcher.codes}
    return {
        point
        for excerpt in matcher.excerpts(text, language)
        for code in excerpt.codes
        if (point := point_of.get(code)) is not None
    }


# -- a school named only as a place or a time -------------------------------------------
@pytest.mark.parametrize(
    ("language", "text", "others"),
    [
        ("en", "i dropped my daughter off at school and he was waiting by my car", set()),
        ("en", "when the kids got home from school he was drunk again", set()),
        ("en", "he showed up after school and i called the police", {"police"}),
        ("es", "los niños estaban en la escuela cuando llegó la policía", {"police"}),
        ("es", "mientras mi hijo estaba en el colegio él me quitó el teléfono", set()),
        ("so", "markii aan wiilka iskuulka ka qaaday ayuu na raacay", set()),
        ("so", "gabadhaydu markay dugsiga ka soo laabatay ayuu qayliyay", set()),
        ("vi", "chiều đó con tôi đi tới trường học rồi anh ta tới nhà", set()),
        ("zh", "我在学校等孩子放学，他打电话骂我", set()),
        ("zh", "他跑到幼儿园门口等我", set()),
        ("ar", "كانوا في المدرسة لما صار الضرب", set()),
        ("ar", "رجعت أجيب الولاد من المدرسة ولقيته قدام البيت", set()),
        ("hmn", "thaum cov menyuam mus tsev kawm ntawv lawm nws ntaus kuv", set()),
        ("hmn", "tom qab tsev kawm ntawv nws tuaj tos kuv", set()),
    ],
)
def test_a_school_named_in_passing_is_not_the_school(
    matcher: Matcher, language: str, text: str, others: set[str]
) -> None:
    assert points(matcher, text, language) == others


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the school (or someone of it) acted: another school word outside the phrase
        ("en", "the teacher at school noticed the bruises on my son"),
        ("en", "the counselor at school gave me a number to call"),
        ("en", "the school let him take the kids even after i told them"),
        ("en", "my son goes to an after school program where they helped us"),
        ("es", "la maestra vio que mi hija llegaba triste a la escuela"),
        ("es", "en la escuela me ayudaron a buscar un albergue"),
        ("so", "macallinka iskuulka ayaa wacay markuu arkay nabarka"),
        ("vi", "cô giáo ở trường học thấy con tôi bị bầm"),
        ("zh", "老师在学校发现孩子身上有伤"),
        ("ar", "المعلمة في المدرسة انتبهت إن بنتي خايفة"),
        ("hmn", "tus xib fwb pom thaum cov menyuam mus tsev kawm ntawv"),
    ],
)
def test_a_school_that_acted_is_still_the_school(
    matcher: Matcher, language: str, text: str
) -> None:
    assert "schools" in points(matcher, text, language)


def test_a_sense_only_covers_words_wholly_inside_its_phrase(matcher: Matcher) -> None:
    # "school" alone names schools; "at school" covers it, "the school called" does not
    assert "schools" in points(matcher, "the school called me about my son", "en")
    assert "schools" not in points(matcher, "my son was at school", "en")
    # the dropped word is not highlighted either
    text = "my son was at school"
    (excerpt,) = matcher.excerpts(text, "en")
    assert excerpt.codes == ()
    assert excerpt.highlights == ()


def test_senses_apply_to_a_facilitators_own_codebook_too() -> None:
    own = codebook_module.parse(
        {
            "interventions": {
                "schools": {"label": {"en": "Schools"}, "patterns": {"en": ["school", "teach"]}},
            },
            "dimensions": {},
        }
    )
    m = Matcher(own)
    assert points(m, "i picked them up from school", "en") == set()
    assert points(m, "the teacher saw them from school", "en") == {"schools"}
    # a codebook without the point gets none of its senses
    other = codebook_module.parse(
        {"interventions": {"police": {"label": {}, "patterns": {"en": ["polic"]}}}}
    )
    assert Matcher(other)._senses == []


def test_the_pattern_counter_does_not_count_senses() -> None:
    counter = PatternCounter(codebook_module.shipped())
    found = counter.matched("i dropped them at school and the police came", "en")
    assert ("schools", "en", "school") in found  # the counter counts patterns, not senses
    assert {part for part, _, _ in found} <= {p.key for p in codebook_module.shipped().parts()}


def test_every_sense_names_a_shipped_point_and_a_language_it_has() -> None:
    shipped = codebook_module.shipped()
    assert SENSES
    for name, sense in SENSES.items():
        assert sense.point in shipped.interventions, name
        assert all(p in shipped.interventions for p in sense.with_points), name
        assert set(sense.part.patterns) <= {"en", "es", "so", "vi", "zh", "ar", "hmn"}, name


# Changing the senses changes suggested codes, so coding sealed at submission must be
# worked out again at unlock: raise MATCHING_REVISION and then this digest.
SENSES_DIGEST = (5, "dde021192ef934998382e8b513ab4741eb29c9f4a51b17bc639bf58a0eaf1a0b")


def test_changing_the_senses_raises_the_matching_revision() -> None:
    digest = hashlib.sha256(SENSES_FILE.read_bytes()).hexdigest()
    assert (MATCHING_REVISION, digest) == SENSES_DIGEST
