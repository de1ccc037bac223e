"""Everyday words that are not the system (development batch i): a point's word used in
another everyday sense names no point — a home told as a jail, a job's probation period, a
child who wants to be a police officer, a court on television, "perdió el juicio", the
Arabic dash (شرطة), a school in a saying, a social worker beside health care — while the
same word told of the system still names it. Each case is the points suggested for a
sentence written for these tests (not a development answer), in every shipped language, as
the evaluation counts them. The held-out evaluation corpus is never used here.
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
        # A home told as a jail or a prison names neither the jail nor the sentence ...
        ("en", "Living with him was like a jail, I could not even go to the store.", set()),
        ("en", "My apartment is a prison now that he has my keys.", set()),
        ("es", "Ese departamento era una prision para mi y mis hijos.", set()),
        ("es", "Vivir con el fue como estar en la carcel.", set()),
        ("so", "Gurigiisa wuxuu ii ahaa jeel, ma bixi karin.", set()),
        ("vi", "Ở với ổng như ở tù, không được đi đâu.", set()),
        ("zh", "跟他住在一起就跟坐牢一样。", set()),
        ("ar", "عيشتي معه كانت مثل السجن بالضبط.", set()),
        ("hmn", "Nrog nws nyob zoo li nyob hauv tsev loj cuj.", set()),
        # ... while the jail and the sentence told plainly still count.
        ("en", "He spent the night in jail and got out the next day.", {"jail_pretrial"}),
        ("en", "He went to prison for two years.", {"sentencing"}),
        ("es", "Lo tuvieron en la carcel tres dias.", {"jail_pretrial"}),
        ("zh", "他在监狱里待了两天。", {"jail_pretrial"}),
        ("ar", "قعد في السجن ليلتين.", {"jail_pretrial"}),
        ("hmn", "Nws raug kaw hauv tsev loj cuj ob hmo.", {"jail_pretrial"}),
        # A job's probation period is not probation.
        (
            "en",
            "I was in my 90 day probation period at the warehouse so I could not miss work.",
            set(),
        ),
        ("en", "He was still on probation at work and scared of losing the job.", set()),
        ("es", "Estaba en periodo de prueba en la fabrica.", set()),
        ("en", "He got put on probation and has to see his PO every week.", {"probation_programs"}),
        # A child who wants to be a police officer ...
        ("en", "My daughter wants to be a cop when she grows up.", set()),
        ("es", "Mi hijo quiere ser policia cuando sea grande.", set()),
        ("so", "Gabadhaydu waxay rabtaa inay noqoto askari, wiilkuna inuu noqdo booliis.", set()),
        ("vi", "Thằng con tôi muốn làm cảnh sát.", set()),
        ("zh", "我女儿以后当警察是她的梦想。", set()),
        ("ar", "بنتي بدها تصير شرطية.", set()),
        ("hmn", "Kuv tus ntxhais xav ua tub ceev xwm.", set()),
        # ... but the police themselves, and a hypothetical call, are the police.
        ("en", "If I had called the cops he would have lost his job.", {"police"}),
        ("zh", "如果我报警，他就会丢工作。", {"police"}),
        ("hmn", "Tub ceev xwm tuaj txog tom qab ib teev.", {"police"}),
        # A court on screen, and "perdió el juicio" (lost his mind), are no criminal court.
        ("en", "We were watching a court show when he started screaming.", set()),
        ("es", "Mi suegra dice que perdi el juicio por dejarlo.", set()),
        ("so", "Waxaan daawanaynay musalsal maxkamad ku saabsan.", set()),
        ("zh", "那天晚上我们在看律政剧。", set()),
        ("ar", "كنا نتفرج على مسلسل محكمة لما بلش يصرخ.", set()),
        ("es", "El juicio es en marzo y tengo que ir a declarar.", {"criminal_court"}),
        ("zh", "下个月法院开庭。", {"criminal_court"}),
        # شرطة is also the dash; a school in a saying is no school.
        ("ar", "اكتب الرقم بدون شرطة من فضلك.", set()),
        ("ar", "جاءت الشرطة بعد ساعة.", {"police"}),
        ("ar", "الحياة مدرسة وأنا تعلمت منها.", set()),
        ("ar", "المدرسة اتصلت فيني لما شافوا الكدمات.", {"schools"}),
        ("en", "He always says he went to the school of hard knocks.", set()),
        ("es", "La escuela de la vida me enseño a no confiar.", set()),
        # A school named only as a place nearby.
        ("en", "He waited for me in the school parking lot.", set()),
        ("zh", "他在学校附近等我下班。", set()),
        ("hmn", "Nws tos kuv ze tsev kawm ntawv.", set()),
        ("en", "The school counselor called me about my son.", {"schools"}),
        # A social worker beside health care is the hospital's, not child protection.
        (
            "es",
            "En el hospital una trabajadora social me dio numeros de albergues.",
            {"health_care", "housing"},
        ),
        ("en", "At the clinic a social worker talked to me about a safety plan.", {"health_care"}),
        ("ar", "الأخصائية الاجتماعية بالمدرسة حكت معي.", {"schools"}),
        ("en", "A social worker came to the house to check on the kids.", {"child_protection"}),
        (
            "en",
            "At the hospital they called CPS and a social worker came.",
            {"health_care", "child_protection"},
        ),
        # A trial, a court or a sentence of everyday life.
        ("en", "The app had a free trial and then charged me.", set()),
        ("en", "He was at the basketball court with his friends all night.", set()),
        ("en", "He never lets me finish my sentences.", set()),
        ("en", "He went to trial and was found guilty.", {"criminal_court", "sentencing"}),
        # An officer, an agent, a place of worship or a hospital that is only a job or a venue.
        ("en", "The loan officer at the credit union helped me get my own account.", set()),
        ("es", "El oficial de prestamos del banco me ayudo con la cuenta.", set()),
        ("en", "We got married at the church in 2010, his family chose it.", set()),
        ("zh", "他每个星期天在教会的停车场等我。", set()),
        ("en", "Our pastor told me to go back to him.", {"faith_community"}),
        ("en", "He works at the hospital as a janitor.", set()),
        ("so", "Wuxuu ka shaqeeyaa isbitaalka habeenkii.", set()),
        ("zh", "他在医院上班，认识很多人。", set()),
        ("ar", "هو يشتغل في المستشفى بالليل.", set()),
        ("hmn", "Nws ua haujlwm ntawm tsev kho mob.", set()),
        ("en", "He works at the hospital and the ER nurse there helped me.", {"health_care"}),
        # A traffic or parking fine is no sentence.
        ("en", "He got a speeding ticket and blamed me for it.", set()),
        ("es", "Le llego una multa de transito y se enojo conmigo.", set()),
        ("zh", "他收到交通罚款以后就打我。", set()),
        ("es", "El juez le puso una multa y un año de carcel.", {"sentencing"}),
        # The police on screen, and a job at a jail or a prison (the abuser's work).
        ("en", "He was watching his police shows all weekend.", set()),
        ("es", "Le encantan las peliculas de policias.", set()),
        ("ar", "كان يتفرج على مسلسل بوليسي.", set()),
        ("hmn", "Nws nyiam saib yeeb yaj kiab tub ceev xwm.", set()),
        ("en", "He works at the jail so he knows all the guards.", set()),
        ("es", "Mi ex trabaja en la carcel del condado.", set()),
        ("zh", "我前夫在看守所上班。", set()),
        ("so", "Ninkaygu wuxuu ka shaqeeyaa xabsiga.", set()),
        ("en", "He works at the jail and they let him out the same day.", {"jail_pretrial"}),
        ("en", "I walked the kids to the school bus stop and he was there.", set()),
    ],
)
def test_everyday_words_that_are_not_the_system(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected


def test_the_everyday_senses_are_shipped() -> None:
    for name in (
        "a_home_like_a_jail",
        "a_home_like_a_prison",
        "a_job_s_probation",
        "wanting_to_be_the_police",
        "a_court_on_screen",
        "the_dash",
        "a_school_in_a_saying",
        "a_trial_or_court_of_everyday_life",
        "a_sentence_in_grammar",
        "an_officer_of_another_kind",
        "a_place_of_worship_as_a_venue",
        "a_job_at_a_hospital",
        "a_fine_of_another_kind",
        "the_police_on_screen",
        "a_job_at_a_jail",
        "a_job_at_a_prison",
        "a_social_worker_beside_health_care",
    ):
        assert name in SENSES, name
    assert SENSES["a_social_worker_beside_health_care"].with_points == ("health_care",)
