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
from tests.coding_helpers import suggested_points as points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


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


# -- witness words beside the prosecution: the prosecution's request, not the court ------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the prosecutor kept calling me to testify and i said no"),
        ("en", "the DA wanted me as a witness but i was scared of him"),
        ("es", "la fiscal me pidió que fuera testigo y no quise"),
        ("es", "quitaron los cargos porque no quise declarar"),
        ("so", "xeer ilaaliyaha ayaa doonayay inaan markhaati noqdo"),
        ("vi", "bên công tố nói nếu tôi không làm chứng thì họ bỏ"),
        ("zh", "检察官想让我出庭作证，我没去"),
        ("ar", "النيابة بدها أشهد ضده وأنا ما بدي"),
        ("hmn", "tus kws foob hu kuv mus ua tim khawv tiamsis kuv tsis kam"),
    ],
)
def test_witness_words_beside_the_prosecution_are_the_prosecution(
    matcher: Matcher, language: str, text: str
) -> None:
    found = points(matcher, text, language)
    assert "prosecution" in found
    assert "criminal_court" not in found


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # witness words alone, testimony given, or a court word: still the criminal court
        ("en", "i had to testify with him sitting right there"),
        ("en", "the DA charged him and i testified against him"),
        ("en", "the prosecutor dropped it the day of trial because i would not testify"),
        ("es", "tuve que ser testigo frente a él"),
        ("es", "el fiscal me llevó a declarar en el juicio"),
        ("so", "dacwadda markii la furay markhaati ahaan ayaan u istaagay"),
        ("vi", "công tố viên bảo tôi làm chứng trước tòa"),
        ("vi", "tôi đã làm chứng, công tố nói vụ án còn dài"),
        ("zh", "检察官起诉了他，我出庭作证了"),
        ("ar", "النيابة رفعت القضية وشهدت ضده"),
        ("hmn", "tus kws foob foob nws thiab kuv tau ua tim khawv"),
    ],
)
def test_testimony_given_or_a_court_word_is_still_the_criminal_court(
    matcher: Matcher, language: str, text: str
) -> None:
    assert "criminal_court" in points(matcher, text, language)


# -- a court of another kind: traffic, small claims, eviction -----------------------------
@pytest.mark.parametrize(
    ("language", "text", "court"),
    [
        ("en", "i had to go to traffic court for the tickets he got in my car", False),
        ("en", "the landlord took us to court to evict us", False),
        ("en", "i had to go to court and face him", True),
        ("es", "fuimos a la corte de desalojo y el juez nos dio un mes", False),
        ("es", "tuve que ir a la corte de trafico por una multa", False),
        ("es", "fui a la corte y él estaba ahí sentado", True),
        ("vi", "tôi ra tòa giao thông vì vé phạt", False),
        ("vi", "tôi phải ra tòa mấy lần vì vụ đó", True),
        ("ar", "رحت محكمة المرور عشان المخالفة", False),
        ("ar", "رحت المحكمة وكان قاعد قدامي", True),
    ],
)
def test_a_court_of_another_kind_is_not_the_criminal_court(
    matcher: Matcher, language: str, text: str, court: bool
) -> None:
    assert ("criminal_court" in points(matcher, text, language)) is court


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
    # a codebook without the point gets none of its senses (housing has none)
    other = codebook_module.parse(
        {"interventions": {"housing": {"label": {}, "patterns": {"en": ["shelter"]}}}}
    )
    assert not any(s.point == "housing" for s in SENSES.values())
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
SENSES_DIGEST = (23, "3425276a867207c84dded17a02d4af9a739f390ac3bd8e0f285a9a6bd18741ec")


def test_changing_the_senses_raises_the_matching_revision() -> None:
    digest = hashlib.sha256(SENSES_FILE.read_bytes()).hexdigest()
    assert (MATCHING_REVISION, digest) == SENSES_DIGEST
