"""The criminal case told plainly, and places named in passing (development batch o,
2026-12-07, eighth session).

- The criminal case's own hearings: "first appearance", "the pretrial hearing", "at his
  pretrial", "lectura de cargos", "maxkamadda dib ayaa loo dhigay" (postponed) are the
  criminal court; a pretrial *hearing* is no jail before trial (sense
  ``a_hearing_before_trial``), and the criminal case's own hearing ("first appearance",
  "arraignment", "criminal court", "tòa hình sự", "刑事法庭", "المحكمة الجنائية") does not
  yield to the protection order or custody it is told with (keeping sense
  ``a_hearing_of_the_criminal_case``).
- The prosecution without its words: "nobody called me back about his case", "updates on
  his case" (not "the case", which may be a divorce, custody or CPS case); "eedeymihii", "qirtay dambiga"; "vụ án của anh ta" (his case; "vụ án" alone may be a divorce); "lees txim ces raug" (the plea
  beside the sentence), "txog nws rooj plaub"; a request to "come to court" beside the
  prosecution is no criminal court (more ``witness_for_the_prosecution``); "جنحة" (a
  misdemeanor) alone is no criminal court.
- A jury's guilty verdict in Arabic is the sentence, as "found him guilty" is.
- Places named in passing: a couple who met at church or the mosque (more
  ``a_place_of_worship_as_a_venue``), a job at a school and the children picked up at
  school (more ``school_in_passing``), a police station, a courthouse or a hospital named as
  a landmark (senses ``a_police_station_as_a_landmark``, ``a_courthouse_as_a_landmark``,
  ``a_hospital_as_a_landmark``); "the school let him take the kids" is no child protection
  (more ``taking_the_children_somewhere``).

Each case is a sentence written for these tests (not a development answer), counted as the
evaluation counts points; each in ``FIXED`` was suggested otherwise before batch o. The
held-out evaluation corpus is never used here.
"""

from __future__ import annotations

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import SENSES, Matcher
from tests.coding_helpers import suggested_points as points

FIXED = [
    # The criminal case's own hearings.
    ("en", "his first appearance is on monday and I am scared to see him", {"criminal_court"}),
    (
        "en",
        "at his first appearance the judge gave me a no contact order",
        {"criminal_court", "protection_order"},
    ),
    (
        "en",
        "at the arraignment the judge gave me a protective order",
        {"criminal_court", "protection_order"},
    ),
    ("en", "the pretrial hearing got moved again", {"criminal_court"}),
    ("en", "I went to his pretrial hearing and he just smirked at me", {"criminal_court"}),
    ("en", "the judge ordered him to have no contact with me", {"protection_order"}),
    ("so", "maxkamadda dib ayaa loo dhigay saddex jeer", {"criminal_court"}),
    ("vi", "tòa hình sự cấp lệnh bảo vệ cho tôi", {"criminal_court", "protection_order"}),
    ("zh", "刑事法庭的法官给了我保护令", {"criminal_court", "protection_order"}),
    ("ar", "المحكمة الجنائية أعطتني أمر حماية", {"criminal_court", "protection_order"}),
    # The prosecution without its words.
    (
        "en",
        "nobody ever called me back about his case after the arrest",
        {"arrest", "prosecution"},
    ),
    ("en", "I never got any updates on his case", {"prosecution"}),
    ("en", "the prosecutor wanted me to come to court and I said no", {"prosecution"}),
    ("so", "eedeymihii ayaa la dhimay", {"prosecution"}),
    ("so", "wuxuu qirtay dambiga waxaana lagu xukumay 60 maalmood", {"prosecution", "sentencing"}),
    ("vi", "không ai báo gì cho tôi về vụ án của anh ta", {"prosecution"}),
    ("ar", "خففوا التهمة إلى جنحة", {"prosecution"}),
    ("ar", "هيئة المحلفين قالوا إنه مذنب", {"criminal_court", "sentencing"}),
    ("hmn", "nws lees txim ces raug kaw 60 hnub", {"prosecution", "sentencing"}),
    ("hmn", "tsis muaj leej twg qhia kuv txog nws rooj plaub", {"prosecution"}),
    ("hmn", "tus txiav txim hais kom nws tsis txhob los ze kuv", {"protection_order"}),
    # Places named in passing.
    ("en", "we met at church when we were teenagers", set()),
    ("en", "the shelter is across from the police station", {"housing"}),
    ("en", "my apartment is across the street from the police station", set()),
    ("en", "he sat in the hospital parking lot waiting for me", set()),
    ("en", "I walk past the courthouse on my way to work", set()),
    ("en", "the school let him take the kids", {"schools"}),
    ("es", "nos conocimos en la iglesia", set()),
    ("es", "vivo cerca del hospital", set()),
    ("es", "trabajo limpiando una escuela", set()),
    ("es", "la casa está enfrente de la estación de policía", set()),
    ("so", "waxaan ku kulannay masjidka", set()),
    ("so", "waxaan ka shaqeeyaa iskuul", set()),
    ("vi", "tụi tôi quen nhau ở nhà thờ", set()),
    ("vi", "nhà tôi đối diện đồn cảnh sát", set()),
    ("zh", "我们是在教会认识的", set()),
    ("zh", "我家在警察局对面", set()),
    ("zh", "我们住在医院附近", set()),
    ("ar", "تعرفنا في المسجد", set()),
    ("ar", "أشتغل في مدرسة", set()),
    ("ar", "بيتي مقابل مركز الشرطة", set()),
    ("hmn", "peb sib ntsib hauv koom txoos", set()),
    ("hmn", "kuv ua haujlwm ntawm tsev kawm ntawv", set()),
    ("hmn", "nws tos cov menyuam ntawm tsev kawm ntawv", set()),
    # Found with probes written after scoring (not development answers).
    ("en", "I work nights at the hospital", set()),
    ("en", "my sister is a nurse", set()),
    ("en", "we live across from a church", set()),
    ("en", "we got married at the courthouse", set()),
    ("en", "he followed me out to the courthouse parking lot", set()),
    ("en", "they still have not decided whether to charge him", {"prosecution"}),
    ("en", "his case got continued again", {"criminal_court"}),
    ("vi", "tòa xử án anh ta vào tháng sau", {"criminal_court"}),
    ("vi", "luật sư công của anh ta xin hoãn", {"criminal_court"}),
    ("vi", "họ giảm tội cho anh ta", {"prosecution"}),
    ("vi", "tôi làm ở trường học", set()),
    ("vi", "nhà thờ gần nhà tôi", set()),
    ("es", "vivimos enfrente de la iglesia", set()),
    ("zh", "他的罪名被减轻了", {"prosecution"}),
    ("ar", "ساكنين جنب الكنيسة", set()),
    ("hmn", "peb nyob ze lub tsev teev ntuj", set()),
    ("en", "the county picked up the case", {"prosecution"}),
    ("en", "he plead out", {"prosecution"}),
    ("en", "they gave him a stay of adjudication", {"sentencing"}),
    ("vi", "họ nói không đủ chứng cớ", {"prosecution"}),
    ("hmn", "kuv ua haujlwm ntawm lub tsev kawm ntawv", set()),
]

KEPT = [
    # The same words where the system did act, or another sense of the hearing.
    ("en", "I went to the police station and made a report", {"police"}),
    ("en", "we met at church and later the pastor told me to go back to him", {"faith_community"}),
    ("en", "I work at a school so summers are hard", set()),
    ("en", "I work at a school and the school counselor helped me", {"schools"}),
    ("en", "his trial was at the courthouse across from my job", {"criminal_court"}),
    ("en", "the pretrial release conditions said no contact", {"jail_pretrial"}),
    (
        "en",
        "at the custody hearing the judge ordered no contact between him and the kids",
        {"civil_court_custody"},
    ),
    ("en", "the custody hearing was at the courthouse", {"civil_court_custody"}),
    ("en", "she drove me to the hospital and the doctor saw my bruises", {"health_care"}),
    ("es", "fui a la estación de policía a poner la denuncia", {"police"}),
    ("zh", "我去了警察局报案", {"police"}),
    ("ar", "تعرفنا في المسجد والإمام ساعدني بعدين", {"faith_community"}),
    ("hmn", "nws yeej tsis lees txim li", set()),
    ("so", "wuxuu qirtay in uu i garaacay", set()),
    ("ar", "أهله قالوا إنه مذنب", set()),
    ("en", "at his hearing for custody the judge gave him visits", {"civil_court_custody"}),
    ("en", "i need to know whether to charge my phone", set()),
    ("en", "we live near the church and the pastor checks on us", {"faith_community"}),
    ("en", "the nurse at the ER was really nice", {"health_care"}),
    ("en", "the county picked up the tab for my hotel", set()),
    # (review of the session) A station near which someone waited, a teacher who acted, a
    # hearing that is the ear, a charge that is money: no landmark, no passing, no court.
    ("en", "I sat in my car next to the police station, too scared to go in", {"police"}),
    ("zh", "我在警察局附近等了很久，但是不敢进去", {"police"}),
    ("en", "the teacher is really nice and talked to my son about home", {"schools"}),
    ("en", "he lost his hearing in one ear after he hit me", set()),
    ("en", "the mechanic is going to charge him for the parts", set()),
    # Asserted since batch o; they were already so before it (regression guards).
    ("en", "my divorce lawyer never got back to me about the case", {"civil_court_custody"}),
    ("en", "CPS never gave me an update on the case with my kids", {"child_protection"}),
    ("vi", "luật sư ly hôn không gọi lại cho tôi về vụ án", {"civil_court_custody"}),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(("language", "text", "expected"), FIXED)
def test_the_criminal_case_and_places_in_passing(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected


@pytest.mark.parametrize(("language", "text", "expected"), KEPT)
def test_the_same_words_where_the_system_acted(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected


def test_lectura_de_cargos_is_the_criminal_court_beside_an_order(matcher: Matcher) -> None:
    # "cargos" still suggests the prosecution as well (a trade-off left in the patterns).
    found = points(matcher, "en la lectura de cargos el juez le dio una orden de protección", "es")
    assert {"criminal_court", "protection_order"} <= found


def test_the_new_senses_are_shipped_with_their_points() -> None:
    assert SENSES["a_hearing_of_the_criminal_case"].point == "criminal_court"
    assert SENSES["a_hearing_of_the_criminal_case"].keeps
    assert SENSES["a_hearing_before_trial"].point == "jail_pretrial"
    assert SENSES["a_police_station_as_a_landmark"].point == "police"
    assert SENSES["a_courthouse_as_a_landmark"].point == "criminal_court"
    assert SENSES["a_hospital_as_a_landmark"].point == "health_care"


def test_switching_the_landmark_sense_off_brings_the_police_back() -> None:
    text = "my apartment is across the street from the police station"
    off = codebook_module.shipped().with_sense_off("a_police_station_as_a_landmark", True)
    assert points(Matcher(off), text, "en") == {"police"}
    assert points(Matcher(codebook_module.shipped()), text, "en") == set()
