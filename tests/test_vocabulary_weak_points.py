"""The held-out totals' weak points (development batch j): a school that did not act, the
prosecution and the sentence told without their names, and courts of other kinds.

- A school named as a change of school, the survivor's own studies, a stage of life or a
  teacher's job ("we changed schools when we moved to the shelter", "since high school",
  "he is a teacher so everyone believes him") names no school; the school that acted
  ("the school counselor noticed the bruises", "the staff at his school") still does.
- The prosecution told as the evidence, a nolle, a plea to a lesser charge or a case
  dropped ("they said there wasnt enough evidence", "سقطت القضية", "rooj plaub raug tso
  tseg"); the sentence told as its length or its kind ("he got 18 months", "la carcel por
  dos años", "两年牢", "kaw ob xyoos", "شهر حبس", "paid a fine", "community service").
- A court word in a sentence about a small-claims, traffic, eviction or housing case is
  not the criminal court (sense ``a_case_of_another_kind``, sentence-wide); the judge's
  words beside custody ("the judge gave him every other weekend", "القاضي أعطاه الحضانة")
  are the family court's, not a sentence (sense ``a_judge_giving_custody``).

Each case is a sentence written for these tests (not a development answer), counted as the
evaluation counts points. The held-out evaluation corpus is never used here.
"""

from __future__ import annotations

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis import matching
from intake.analysis.coding import SENSES, Matcher
from tests.coding_helpers import suggested_points as points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A change of school, one's own studies, a stage of life, a teacher's job ...
        ("en", "my kids had to change schools when we moved into the shelter", {"housing"}),
        ("en", "he wouldnt let me finish school or get to my college classes", set()),
        ("en", "I couldnt even buy school pictures that year", set()),
        ("en", "we been together since high school", set()),
        ("en", "the kids missed a week of school after that night", set()),
        ("en", "he is a teacher so everyone believes him", set()),
        ("en", "I dropped the baby at daycare and went to the police station", {"police"}),
        ("es", "a mis hijos los cambiaron de escuela cuando nos fuimos al albergue", {"housing"}),
        ("es", "nos conocimos en la secundaria", set()),
        ("es", "yo era maestra en mi pais", set()),
        (
            "so",
            "carruurta waxay u wareegeen iskuul kale markii aan u guurnay shelter-ka",
            {"housing"},
        ),
        ("so", "waxaan ahaa macallin dalkeyga", set()),
        ("vi", "toi tung la giao vien o Viet Nam", set()),
        ("zh", "他是老师，大家都相信他", set()),
        ("zh", "我以前在国内是老师", set()),
        ("ar", "ولادي غيروا المدرسة لما رحنا الملجأ", {"housing"}),
        ("ar", "كنت أدرس في الجامعة بس هو منعني أكمل", set()),
        ("ar", "كنت معلمة في بلدي", set()),
        ("hmn", "cov menyuam hloov tsev kawm ntawv thaum peb tsiv mus nyob shelter", {"housing"}),
        ("hmn", "nws yog xib fwb ces luag txhua tus ntseeg nws", set()),
        # ... while the school that acted still counts, the place phrase beside it too.
        ("en", "the school counselor noticed the bruises", {"schools"}),
        ("en", "the staff at his school wouldnt let him take her", {"schools"}),
        ("en", "the bus driver told the principal my son was hungry", {"schools"}),
        ("en", "the daycare teacher saw the marks", {"schools"}),
        ("es", "me cambie de escuela y la maestra nueva me ayudo mucho", {"schools"}),
        ("zh", "学校的辅导员发现孩子身上有伤", {"schools"}),
        ("ar", "المعلمة شافت الكدمات على بنتي", {"schools"}),
        ("hmn", "tus xib fwb pom tias kuv tus tub raug ntaus", {"schools"}),
        # The prosecution without its name ...
        ("en", "they said there wasnt enough evidence", {"prosecution"}),
        ("en", "they nolle prossed it", {"prosecution"}),
        ("en", "he pled to a lesser charge", {"prosecution"}),
        ("en", "the city attorney had a no drop policy", {"prosecution"}),
        ("so", "waxay yiraahdeen caddeyn kuma filna", {"prosecution"}),
        ("vi", "ho noi khong du bang chung", {"prosecution"}),
        ("zh", "后来说证据不足", {"prosecution"}),
        ("ar", "سقطت القضية لأني ما حضرت", {"prosecution"}),
        ("hmn", "rooj plaub raug muab tso tseg vim kuv tsis tuaj", {"prosecution"}),
        # ... a policy is not the police.
        ("en", "the policy at the shelter was no boys over 12", {"housing"}),
        # The sentence without its name ...
        ("en", "he got 18 months", {"sentencing"}),
        ("en", "they gave him two years", {"sentencing"}),
        ("en", "he got 45 days in jail", {"sentencing"}),
        ("en", "the charges got reduced and he just paid a fine", {"prosecution", "sentencing"}),
        ("en", "two years suspended", {"sentencing"}),
        ("es", "lo mandaron a la carcel por dos años", {"sentencing"}),
        ("so", "wuxuu galay xabsi lix bilood ah", {"sentencing"}),
        ("zh", "他坐了两年牢，出来又找我", {"sentencing"}),
        ("ar", "أخذ شهر حبس وبس", {"sentencing"}),
        ("ar", "القاضي أعطاه خدمة مجتمعية", {"sentencing"}),
        ("hmn", "nws raug kaw ob xyoos hauv tsev loj cuj", {"sentencing"}),
        ("hmn", "tus kws txiav txim muab probation rau nws", {"sentencing", "probation_programs"}),
        # ... while days in jail before trial stay the time before trial.
        ("es", "estuvo en la carcel por 2 dias y salio", {"jail_pretrial"}),
        ("hmn", "nws raug kaw ob hnub xwb", {"jail_pretrial"}),
        # A court of another kind, anywhere in the sentence ...
        ("en", "he took me to small claims and I had to miss work to go to court", set()),
        ("en", "I got a traffic ticket and had to go to court for that too", set()),
        ("en", "had to go to court for my housing case", {"housing"}),
        ("es", "tuve que ir a la corte porque el dueño queria el desalojo", {"housing"}),
        ("vi", "tôi phải ra tòa vì chủ nhà muốn đuổi nhà", {"housing"}),
        # ... the criminal court itself still counts.
        ("en", "I had to go to court and testify against him", {"criminal_court"}),
        ("en", "his court date for the assault got moved 4 times", {"criminal_court"}),
        # The judge's words beside custody are the family court's ...
        (
            "en",
            "went to court for the kids and the judge gave him every other weekend",
            {"civil_court_custody"},
        ),
        ("ar", "في جلسة الحضانة القاضي أعطاه الأولاد كل أسبوع", {"civil_court_custody"}),
        # ... while a sentence told beside custody keeps its length.
        (
            "en",
            "the judge gave him 2 years and I got full custody",
            {
                "sentencing",
                "civil_court_custody",
            },
        ),
    ],
)
def test_the_weak_points(matcher: Matcher, language: str, text: str, expected: set[str]) -> None:
    assert points(matcher, text, language) == expected


def test_the_two_senses_of_batch_j() -> None:
    case = SENSES["a_case_of_another_kind"]
    assert (case.point, case.whole_sentence, case.keeps) == ("criminal_court", True, False)
    judge = SENSES["a_judge_giving_custody"]
    assert (judge.point, judge.with_points, judge.whole_sentence) == (
        "sentencing",
        ("civil_court_custody",),
        False,
    )
    # Only the sentence-wide one reaches past its phrase.
    assert [name for name, s in SENSES.items() if s.whole_sentence] == ["a_case_of_another_kind"]


def test_a_sentence_wide_sense_reaches_only_its_own_sentence(matcher: Matcher) -> None:
    text = "He took me to small claims over the car. His trial for the assault was in May."
    assert points(matcher, text, "en") == {"criminal_court"}
    one = "He took me to small claims over the car and his trial for the assault was in May."
    assert points(matcher, one, "en") == set()  # the trade-off, in one sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An English pattern word of one or two letters matches a whole word only ...
        ("the dad said he would be there at six", set()),
        ("we stayed at the dad's house that weekend", set()),
        ("the damn shelter was full", {"housing"}),
        ("the daycare called me when he tried to pick her up", {"schools"}),
        ("the error was on their side", set()),
        ("they took him inside to talk", set()),
        # ... the abbreviation itself still counts ...
        ("the DA said there was nothing she could do", {"prosecution"}),
        ("the D.A.'s office never called me back", {"prosecution"}),
        ("I went to the ER and the nurse asked if I was safe", {"health_care"}),
        ("his PO said he was doing fine", {"probation_programs"}),
        ("they took him in and booked him", {"arrest"}),
        # ... and a number still starts a longer one.
        ("he got 18 months", {"sentencing"}),
    ],
)
def test_short_english_pattern_words_match_whole_words(
    matcher: Matcher, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, "en") == expected


def test_which_pattern_words_are_whole() -> None:
    assert matching.whole_word("da", "en")
    assert matching.whole_word("s", "en")
    assert not matching.whole_word("1", "en")  # "he got 1 year" finds "18 years"
    assert not matching.whole_word("court", "en")
    assert not matching.whole_word("ku", "so")  # only English (and all of Vietnamese)
    assert matching.whole_word("toa", "vi")


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A case dropped, shelved or rejected, told in each language's own words.
        ("es", "el caso se cayo porque no fui", {"prosecution"}),
        ("so", "eedeymaha waa laga qaaday", {"prosecution"}),
        ("vi", "vụ án bị bác vì tôi không đến", {"prosecution"}),
        ("zh", "案子被撤了因为我没去", {"prosecution"}),
        ("ar", "القضية انحفظت", {"prosecution"}),
        # Court for the children is the family court; jury duty and a landlord's suit no court.
        ("zh", "为了孩子去法院打官司", {"civil_court_custody"}),
        ("ar", "رحت المحكمة عشان الأولاد", {"civil_court_custody"}),
        ("hmn", "kuv mus tsev hais plaub kom tau cov menyuam", {"civil_court_custody"}),
        ("es", "fui a la corte por los niños", {"civil_court_custody"}),
        ("en", "I had jury duty the same week", set()),
        ("zh", "房东把我告上法庭", {"housing"}),
        ("ar", "رحت المحكمة عشان أشهد ضده", {"criminal_court"}),
        # A fine paid is the sentence.
        ("zh", "他只被罚了款", {"sentencing"}),
    ],
)
def test_a_case_dropped_and_a_fine(
    matcher: Matcher, language: str, text: str, expected: set[str]
) -> None:
    assert points(matcher, text, language) == expected
