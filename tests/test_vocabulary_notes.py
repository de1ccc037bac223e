"""Answers entered by advocates and recorded by facilitators (development batch h): third
person, note style, abbreviations, a group summed up in one sentence, and the session's own
logistics, which name no point. Each case is the points suggested for a sentence written
for these tests, in every shipped language, as the evaluation counts them (exactly: what
must be found and what must not). The development set in eval/dev/ is the wider regression
check; the held-out evaluation corpus is never used here.
"""

from __future__ import annotations

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import SENSES, Matcher
from tests.coding_helpers import suggested_points as points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A TRO told with what became of it (a bare "tro" would find "trouble").
        ("en", "Cl's TRO was granted for 1 yr.", {"protection_order"}),
        ("en", "TRO denied, advocate helped her refile the petition.", {"protection_order"}),
        ("en", "I had trouble getting the kids to sleep after that", set()),
        # Notes' abbreviations.
        ("en", "Abuser booked and released same day.", {"arrest"}),
        ("en", "He was ordered to complete BIP, never went.", {"probation_programs"}),
        ("en", "Her bipolar meds ran out while she was staying with her sister.", set()),
        ("en", "Ct date moved to April, cl anxious.", {"criminal_court"}),
        ("en", "Crim case still pending as of last week.", {"criminal_court"}),
        ("es", "El MP nunca le dio seguimiento a su caso.", {"prosecution"}),
        # The courts in the plural, or asked to act in a recommendation.
        ("ar", "اقترحت المشاركات توفير مترجمات في المحاكم.", {"criminal_court"}),
        (
            "so",
            "Talo: maxkamadaha iyo isbitaalada turjumaan ha keenaan.",
            {"criminal_court", "health_care"},
        ),
        ("so", "Maxkamadda ha siiso waqti dheeraad ah haweenka.", {"criminal_court"}),
        ("zh", "参与者建议法院多给受害人一点时间。", {"criminal_court"}),
        ("zh", "法院判了他三年。", {"criminal_court", "sentencing"}),
        # ... but a court of another kind is not the criminal court.
        ("zh", "她为了一笔欠款去小额法院告她的朋友。", set()),
        ("zh", "他去交通法庭处理超速的事。", set()),
        # The state's lawyer and the church (Hmong); status at risk (Chinese).
        ("hmn", "Tus kws lij choj ntawm lub xeev tsis hu nws li.", {"prosecution"}),
        ("hmn", "Nws mus thov kev pab ntawm lub koom txoos.", {"faith_community"}),
        ("zh", "她说不敢去医院，怕影响身份。", {"health_care", "immigration"}),
        ("zh", "参与者说她没身份，所以不敢出去找工作。", {"immigration"}),
    ],
)
def test_notes_name_their_points(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected


# -- the session's own logistics name no point -----------------------------------------------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("so", "Kulanka waxaa lagu qabtay xarunta bulshada, toddoba ka qaybgale."),
        ("so", "Shirka labaad waxaa lagu qabtay online sababtoo ah barafka."),
        ("so", "Fadhiga ayaa la qabtay galabtii."),
        ("ar", "في جلسة المجموعة تحدثت المشاركات عن الخوف والعزلة."),
        ("ar", "في جلسة الدعم الثانية حضرت تسع نساء."),
    ],
)
def test_a_session_held_is_no_arrest_and_no_hearing(
    matcher: Matcher, language: str, text: str
) -> None:
    assert points(matcher, text, language, "facilitator_notes") == set()


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # The same words still name the point where a person is caught or a hearing held.
        ("so", "Ninkayga waxaa lagu qabtay guriga.", {"arrest"}),
        ("so", "Kulanka kadib ninkayga waa la qabtay.", {"arrest"}),
        ("ar", "في الجلسة الأولى القاضي أجل القضية.", {"criminal_court"}),
    ],
)
def test_the_same_words_about_a_person_or_a_hearing(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected


# -- bail told beside the later sentence, in one summing-up sentence -------------------------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "He bailed out that night and months later got sentenced to 2 years in prison."),
        ("es", "Salió bajo fianza y después lo sentenciaron a 6 meses de cárcel."),
        ("so", "Waxaa lagu sii daayay damiin, kadib waxaa lagu xukumay lix bilood oo xabsi ah."),
        ("vi", "Anh ta ở trại giam 2 ngày rồi được tại ngoại, sau đó bị tuyên án 1 năm tù."),
        ("zh", "他交了保释金出来了，后来被判了三年监狱。"),
        ("ar", "طلع بكفالة وبعدين حكموا عليه بسنتين سجن."),
        ("hmn", "Nws them bail tawm los, tom qab ntawd raug txim 2 xyoos hauv tsev loj cuj."),
    ],
)
def test_bail_beside_the_sentence_keeps_the_time_before_trial(
    matcher: Matcher, language: str, text: str
) -> None:
    assert points(matcher, text, language) == {"jail_pretrial", "sentencing"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "he was sentenced to 2 years in prison"),
        ("zh", "他被判了三年在监狱。"),
        ("vi", "Anh ta bị tuyên án 2 năm tù giam."),
    ],
)
def test_prison_beside_the_sentence_still_yields(
    matcher: Matcher, language: str, text: str
) -> None:
    assert points(matcher, text, language) == {"sentencing"}


def test_only_bail_and_the_criminal_case_s_own_hearing_keep() -> None:
    # batch o added the second: a first appearance or an arraignment told with an order.
    keeping = {name for name, sense in SENSES.items() if sense.keeps}
    assert keeping == {"bail_before_the_sentence", "a_hearing_of_the_criminal_case"}
    assert SENSES["bail_before_the_sentence"].point == "jail_pretrial"
    assert SENSES["a_hearing_of_the_criminal_case"].point == "criminal_court"


# -- a social worker of another service is no child protection --------------------------------
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "P3: hospital social worker helped w/ shelter referral.",
            {"health_care", "housing"},
        ),
        ("en", "The school social worker sat with her kids.", {"schools"}),
        (
            "es",
            "La trabajadora social del hospital le consiguió un albergue.",
            {"health_care", "housing"},
        ),
        ("vi", "Nhân viên xã hội của bệnh viện giúp chị tìm chỗ ở.", {"health_care"}),
        ("zh", "医院的社工帮她联系了律师。", {"health_care"}),
        ("ar", "الأخصائية الاجتماعية في المستشفى ساعدتها.", {"health_care"}),
        ("hmn", "Tus social worker ntawm tsev kho mob pab nws.", {"health_care"}),
    ],
)
def test_a_social_worker_of_another_service(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "a social worker came to the house about the kids"),
        ("es", "la trabajadora social vino a ver a mis hijos"),
        ("zh", "社工来家里看孩子。"),
        ("ar", "أخصائية اجتماعية زارتنا بسبب الأولاد."),
    ],
)
def test_a_social_worker_alone_is_still_child_protection(
    matcher: Matcher, language: str, text: str
) -> None:
    assert "child_protection" in points(matcher, text, language)
