"""The other respondent groups, and systems spoken of in general (development batch p,
2026-12-08, ninth session).

- **Near spellings read as written** (five new senses, ``near_spellings_not_…``): the Hmong
  reading of tone letters (``intake/analysis/spelling.py``) read everyday words as the
  system's — "txiv neej" (a man, a husband) as "txiv neeb" (a shaman), "ua neej" (to make a
  living) and "ua neeg" (being a person: "ua neeg txhais lus", working as an interpreter) as
  "ua neeb", "tuaj tsev" (coming home) as "tuam tsev" (a temple), "ua ntej nws"
  (before he) as "ntes nws" (arrested him), "muaj txiv" (having a husband) and "rau txiv"
  (to father) as "muaj txim", "rau txim" (guilty, sentenced), "kawm hauv" (studying in) as
  "kaw hauv" (locked in), "kev foom koob hmoov" (a blessing) as "kev foob" (a charge). A
  sense's phrase is one of the words the reading compares with, so the phrase written
  exactly is read as written. In English "bail" started "bailiff": the bailiff is the
  court (a pattern), not bail.
- **Everyday Hmong that is no arrest, no jail, no school**: "ntes ntses" (catching fish)
  and "muab nws coj mus tsev kho mob" (taking him to hospital) in the arrest sense (renamed
  ``everyday_hmong_words_not_an_arrest``); being locked in at home ("muab kuv kaw hauv
  tsev", "kept me locked up at home": more ``a_home_like_a_jail``); no schooling of one's
  own ("tsis tau kawm ntawv": more ``school_in_passing``). Two Hmong patterns narrowed:
  "xa rov qab" (sending anything back) to being sent back ("raug xa rov qab", "muab kuv xa
  rov qab", "xa rov qab tebchaws"), "kev kawm rau" (schooling for anyone) to the class for
  men who harm ("kev kawm rau cov txiv neej", "… cov neeg ua phem").
- **Systems in general**: "judges grant orders", "nobody served the order" (the protection
  order); "walk out with a fine" (the sentence); "cases get dismissed", "nobody gets
  charged", "they charge the victim", "los casos se caen", "案子都被撤", "القضايا تسقط",
  "vụ bị hủy", "giảm xuống tội" (the prosecution); "courts need" and the
  magistrate (the criminal court); "lose their kids in court", "court to get her kids
  back", "pay support" (the family court); "maxkamadda iyo …" in a list (the court); a
  request to be "in court" beside the prosecution is the prosecution's (more
  ``witness_for_the_prosecution``).
- **A community agency's own social worker** ("the social worker at our center", "我们中心的
  社工", "la trabajadora social de nuestra organización", "nhân viên xã hội của trung tâm",
  "الأخصائية الاجتماعية في مركزنا") is no child protection (more
  ``a_social_worker_of_another_service``, its title now naming a community agency); the
  Arabic court in plain words "إلى المحكمة" (to the court) is the court, and "من أجل
  الحضانة" (for custody) the family court.
- **Someone from the county's other offices** (new sense ``the_county_s_other_offices``):
  "the lady from the county attorney", "the woman from the county jail", "ntawm county
  jail", "kws lij choj ntawm county" are no child protection ("the lady from the county"
  alone still is); "kws lij choj ntawm county" is the prosecution.
- **A school as a meeting place, a job or a landmark** (more ``school_in_passing``): a
  community group that meets at the school ("ku qabannaa iskuulka", "họp mỗi tháng ở trường
  học", "在中文学校开会", "نجتمع في المدرسة", "sib ntsib hauv lub tsev kawm ntawv"), a school
  bus driven as a job, classes at the adult school, the children at school when it happened.

Each case is a sentence written for these tests (not a development answer), counted as the
evaluation counts points; each in ``FIXED`` was suggested otherwise before batch p. The
held-out evaluation corpus is never used here.
"""

from __future__ import annotations

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import SENSES, Matcher
from tests.coding_helpers import suggested_points as points

FIXED = [
    # Hmong words a tone letter away from the system's.
    ("hmn", "kuv tus txiv neej ntaus kuv", set()),
    ("hmn", "peb ua neej txom nyem heev", set()),
    ("hmn", "nws tuaj tsev qaug cawv", set()),
    ("hmn", "nws ua neeg phem heev", set()),
    ("hmn", "kuv ua neeg txhais lus ntawm tsev kho mob", {"health_care"}),
    ("hmn", "ua ntej nws los kuv twb khiav lawm", set()),
    ("hmn", "kuv tawm ua ntej kuv tus txiv sawv", set()),
    ("hmn", "kuv muaj txiv thiab peb tus menyuam", set()),
    ("hmn", "kuv hais rau txiv tias kuv ntshai", set()),
    ("hmn", "kuv kawm hauv Saint Paul", set()),
    ("hmn", "xibhwb thov kev foom koob hmoov rau peb tsev neeg", {"faith_community"}),
    # Everyday Hmong that is no arrest, no jail, no school: fishing, taking him to the
    # hospital, locked in at home, no schooling of one's own.
    ("hmn", "peb mus ntes ntses ntawm tus dej", set()),
    ("hmn", "kuv muab nws coj mus tsev kho mob", {"health_care"}),
    ("hmn", "nws muab kuv kaw hauv tsev tsis pub tawm", set()),
    ("en", "he kept me locked up at home for a week", set()),
    ("hmn", "kuv tsis tau kawm ntawv li", set()),
    # Hmong patterns narrowed: "xa rov qab" is sending anything back, "kev kawm rau" any
    # schooling for someone.
    ("hmn", "kuv xa rov qab rau nws", set()),
    ("hmn", "kev kawm rau kuv tus tub nyuaj heev", set()),
    # The bailiff and the magistrate.
    ("en", "the bailiff was kind to me", {"criminal_court"}),
    ("en", "the bailiff stood between us at the custody hearing", {"civil_court_custody"}),
    ("en", "the magistrate didnt even look at me", {"criminal_court"}),
    # Systems in general.
    ("en", "judges grant orders but the sheriff never serves them", {"protection_order", "police"}),
    ("en", "nobody served the order for three weeks", {"protection_order"}),
    ("en", "he walked out with a fine", {"sentencing"}),
    ("en", "the prosecutor only calls when they need me in court", {"prosecution"}),
    ("en", "courts should have interpreters", {"criminal_court"}),
    ("en", "women lose their kids in court because he can pay a lawyer", {"civil_court_custody"}),
    ("en", "she had to go to court to get her kids back", {"civil_court_custody"}),
    ("en", "the judge ordered him to pay support", {"civil_court_custody"}),
    ("en", "most cases get dismissed when she stops answering", {"prosecution"}),
    ("en", "nobody gets charged in this town", {"prosecution"}),
    ("en", "they charge the victim too", {"prosecution"}),
    ("es", "muchos casos se caen porque ella no quiere declarar", {"prosecution"}),
    ("zh", "很多案子都被撤销了", {"prosecution"}),
    ("ar", "القضايا تسقط لأنها لا تشهد", {"prosecution"}),
    ("vi", "nhiều vụ bị hủy vì chị ấy không ra làm chứng", {"prosecution"}),
    ("vi", "anh ta được giảm xuống tội nhẹ", {"prosecution"}),
    (
        "so",
        "waxaa loo baahan yahay turjubaan booliska, maxkamadda iyo isbitaalka",
        {"police", "criminal_court", "health_care"},
    ),
    # A community agency's own social worker is no child protection; the Arabic court in
    # plain words ("إلى المحكمة"), and custody after "من أجل".
    ("en", "the social worker at our center went with her to court", {"criminal_court"}),
    ("zh", "我们中心的社工陪她去法院申请保护令", {"protection_order"}),
    ("es", "la trabajadora social de nuestra organización la acompaña a las citas", set()),
    ("vi", "nhân viên xã hội của trung tâm giúp chị ấy điền đơn", set()),
    ("ar", "الأخصائية الاجتماعية في مركزنا ساعدتها", set()),
    ("ar", "ذهبت إلى المحكمة وحكموا عليه بسنة", {"criminal_court", "sentencing"}),
    ("ar", "ذهبت إلى المحكمة من أجل الحضانة", {"civil_court_custody"}),
    ("so", "waxaan tagay maxkamadda", {"criminal_court"}),
    ("so", "waxaan u baahanahay turjubaan maxkamadda", {"criminal_court"}),
    # Someone from the county's other offices is no child protection.
    ("en", "the woman from the county jail called to say he was out", {"jail_pretrial"}),
    ("en", "a worker from the county hospital helped me", {"health_care"}),
    ("en", "the lady from the county attorney never called back", {"prosecution"}),
    ("hmn", "nws raug kaw ntawm county jail", {"jail_pretrial"}),
    ("hmn", "tus kws lij choj ntawm county hu kuv", {"prosecution"}),
    # A school as a meeting place, a job or a landmark.
    ("en", "our group meets in the school library on tuesdays", set()),
    ("en", "we meet at the school because it is free", set()),
    ("en", "she drives a school bus in the mornings", set()),
    ("en", "I take ESL classes at the adult school", set()),
    ("en", "the kids school is a block from his house", set()),
    ("es", "era maestra en mi país", set()),
    ("so", "kulanka waxaan ku qabannaa iskuulka", set()),
    ("so", "waxaan ku kulannaa dugsiga", set()),
    ("vi", "chúng tôi họp mỗi tháng ở trường học", set()),
    ("zh", "我们在中文学校开会", set()),
    ("ar", "نجتمع في المدرسة كل أسبوع", set()),
    ("hmn", "peb sib ntsib hauv lub tsev kawm ntawv", set()),
    ("hmn", "cov menyuam nyob tsev kawm ntawv thaum nws los", set()),
]

KEPT = [
    # The system's own words, as written, still name it.
    ("hmn", "peb mus teev ntuj ntawm lub tuam tsev", {"faith_community"}),
    ("hmn", "nws yog ib tug txiv neeb", {"faith_community"}),
    ("hmn", "txiv neeb tuaj ua neeb rau kuv tus tub", {"faith_community"}),
    ("hmn", "tub ceev xwm ntes nws", {"police", "arrest"}),
    ("hmn", "lawv kaw nws hauv tsev loj cuj", {"jail_pretrial"}),
    ("hmn", "lawv muab kuv kaw hauv tsev loj cuj ob hmo", {"jail_pretrial"}),
    ("en", "he got locked up at the county jail", {"jail_pretrial"}),
    ("hmn", "nws hais tias yuav muab kuv xa rov qab", {"immigration"}),
    ("hmn", "kuv ntshai raug xa rov qab", {"immigration"}),
    (
        "hmn",
        "nws yuav tsum mus kev kawm rau cov txiv neej uas ntaus poj niam",
        {"probation_programs"},
    ),
    ("hmn", "kuv tsis foob nws", {"prosecution"}),
    ("hmn", "tus kws txiav txim hais tias nws muaj txim", {"sentencing"}),
    ("en", "he made bail before the bailiff called his name", {"jail_pretrial", "criminal_court"}),
    # A school that acted, beside the phrases of a school in passing.
    ("en", "the school counselor helped me with a safety plan", {"schools"}),
    ("en", "I had a meeting at the school with the principal about my son", {"schools"}),
    ("en", "our group meets at the school and the school social worker comes", {"schools"}),
    ("es", "la maestra de mi hija llamó a la policía", {"schools", "police"}),
    ("zh", "我们在学校开会，老师说孩子在学校哭", {"schools"}),
    ("en", "the CPS social worker at our center took the kids", {"child_protection"}),
    ("en", "the lady from the county came and took my kids to foster care", {"child_protection"}),
    ("hmn", "county tuaj coj cov menyuam", {"child_protection"}),
    ("ar", "طلبت أمر حماية. ذهبت إلى المحكمة بعد أسبوع", {"protection_order"}),
    ("so", "waxaan tagay maxkamadda qoyska si aan carruurta u helo", {"civil_court_custody"}),
    # Everyday words left alone.
    ("ar", "أوصلت ابني إلى الحضانة", set()),
    ("en", "he charged my phone and left", set()),
    ("en", "the magistrate judge in the custody case gave him visits", {"civil_court_custody"}),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(("language", "text", "expected"), FIXED)
def test_systems_in_general_and_near_spellings(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected


@pytest.mark.parametrize(("language", "text", "expected"), KEPT)
def test_the_same_words_where_the_system_is_named(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected


def test_the_new_senses_are_shipped_with_their_points() -> None:
    assert SENSES["near_spellings_not_the_faith_community"].point == "faith_community"
    assert SENSES["everyday_hmong_words_not_an_arrest"].point == "arrest"
    assert SENSES["near_spellings_not_jail_before_trial"].point == "jail_pretrial"
    assert SENSES["near_spellings_not_the_prosecution"].point == "prosecution"
    assert SENSES["near_spellings_not_the_sentence"].point == "sentencing"
    assert SENSES["the_county_s_other_offices"].point == "child_protection"


def test_switching_the_near_spelling_sense_off_brings_the_misreading_back() -> None:
    # The phrase is what the Hmong reading compares with: without it "txiv neej" (a man)
    # is read as "txiv neeb" (a shaman) again.
    text = "kuv tus txiv neej ntaus kuv"
    off = codebook_module.shipped().with_sense_off("near_spellings_not_the_faith_community", True)
    assert points(Matcher(off), text, "hmn") == {"faith_community"}
    assert points(Matcher(codebook_module.shipped()), text, "hmn") == set()
