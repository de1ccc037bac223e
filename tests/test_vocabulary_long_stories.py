"""Long stories through several points (development batch k, 2026-12-07, fifth session).

- A probation or parole officer is not a police officer (sense
  ``an_officer_of_another_kind``): "his probation officer", "su oficial de probatoria",
  "sarkaalka probation-ka" name the probation programs only; an officer of the police told
  beside them still names the police.
- Community service is the sentence, not a probation program (the documented gold rule:
  "community service and a fine ordered are the sentence"); a class beside it still is.
- A sentence told in days of two digits ("back to jail for 60 days", "bị 30 ngày tù",
  "关了三十天", "raug kaw 30 hnub", "la siiyay 30 maalmood") or without a jail word ("lix
  bilood ayuu ku jiray") is the sentence; a few days before bail stay the time before trial.
- A suspended sentence ("án treo") is the sentence only, as "two years suspended" is; a
  class beside it ("học lớp về bạo lực gia đình") is the program.
- Hmong pattern words of one or two letters match whole words only
  (``matching.SHORT_WORDS_WHOLE``): "tus DA" is the prosecution and "tug PO" the probation
  officer, while "tus dab" (a spirit) and "tug poj niam" (a woman) are neither.
- A plea taken ("took a plea") is the prosecution's deal; an arrest told with the object
  first ("isaga xiray") or as "got caught" ("انمسك"); the court ruling in Arabic ("المحكمة
  حكمت", "ألزمته المحكمة"); the court giving a length in Vietnamese ("tòa xử anh ta 1 năm");
  the front office asked not to release the children (the school asked to act).

Each case is a sentence written for these tests (not a development answer), counted as the
evaluation counts points. The held-out evaluation corpus is never used here.
"""

from __future__ import annotations

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis import matching
from intake.analysis.coding import Matcher
from tests.coding_helpers import suggested_points as points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A probation or parole officer is no police officer ...
        (
            "en",
            "I told his probation officer but she said it wasnt her case",
            {"probation_programs"},
        ),
        ("en", "his parole officer never called me back", {"probation_programs"}),
        ("es", "su oficial de probatoria ni cuenta se dio", {"probation_programs"}),
        ("es", "cuando salio lo pusieron en probatoria con un oficial", {"probation_programs"}),
        ("so", "sarkaalka probation-ka ayaa i wacay mar kaliya", {"probation_programs"}),
        ("vi", "probation officer của anh ta cũng không nói gì", {"probation_programs"}),
        ("hmn", "nws tus probation officer tsis paub dab tsi", {"probation_programs"}),
        # ... while an officer of the police still is the police.
        ("en", "the officer took a report", {"police"}),
        ("en", "his probation officer called a police officer", {"probation_programs", "police"}),
        ("es", "el oficial me dio un papel con numeros de ayuda", {"police"}),
        ("so", "sarkaalka booliska ayaa ii sheegay", {"police"}),
        # Community service is the sentence; a class beside it is the program.
        ("en", "the judge gave him 40 hours community service and a fine", {"sentencing"}),
        ("en", "he got community service and an anger class", {"sentencing", "probation_programs"}),
        ("es", "le dieron 100 horas de servicio comunitario y una multa", {"sentencing"}),
        ("so", "waxaa la siiyay shaqo bulsho", {"sentencing"}),
        ("zh", "他被判了社区服务一百小时", {"sentencing"}),
        ("ar", "القاضي أعطاه خدمة مجتمعية ودورة", {"sentencing", "probation_programs"}),
        # A sentence in days of two digits, or without a jail word ...
        ("en", "he went back to jail for 60 days", {"sentencing"}),
        ("en", "they gave him 30 days in jail", {"sentencing"}),
        ("vi", "Ra tòa thì chỉ bị 30 ngày tù", {"criminal_court", "sentencing"}),
        ("vi", "anh ta bi 30 ngay tu", {"sentencing"}),
        ("zh", "最后只关了三十天就出来了", {"sentencing"}),
        ("hmn", "nws tsuas raug kaw 30 hnub xwb", {"sentencing"}),
        (
            "so",
            "waxaa la siiyay 30 maalmood iyo fasal uu dhigto",
            {"sentencing", "probation_programs"},
        ),
        ("so", "lix bilood ayuu ku jiray, markii uu soo baxay wuu igu soo laabtay", {"sentencing"}),
        # ... while a few days before bail, or thirty days "from", are not.
        ("en", "he sat in jail 3 days till his brother bailed him out", {"jail_pretrial"}),
        # (thirty days in jail waiting for trial keep the time before trial, though the
        # length still suggests the sentence: the trade-off of the days' patterns)
        (
            "en",
            "he spent 30 days in jail waiting for trial",
            {"jail_pretrial", "criminal_court", "sentencing"},
        ),
        ("vi", "anh ta o tu 3 ngay roi dong tien bao lanh ra", {"jail_pretrial"}),
        ("vi", "toi o shelter 30 ngay tu thang 5", {"housing"}),
        ("zh", "关了三天，他哥哥交了保释金", {"jail_pretrial"}),
        ("hmn", "nws raug kaw ob hnub xwb", {"jail_pretrial"}),
        ("so", "laba maalmood ayuu xabsiga ku jiray", {"jail_pretrial"}),
        # A plea taken, an arrest, the court ruling, the court giving a length ...
        ("en", "he took a plea to disorderly conduct", {"prosecution"}),
        ("so", "booliiska ayaa yimid oo isaga xiray", {"police", "arrest"}),
        ("ar", "انمسك بعد ما كسر الباب", {"arrest"}),
        ("ar", "والمحكمة حكمت عليه حبس ثلاثين يوم بس", {"criminal_court", "sentencing"}),
        ("ar", "المحكمة ألزمته يحضر دورة عن العنف", {"criminal_court", "probation_programs"}),
        ("vi", "Cuối cùng tòa xử anh ta 1 năm probation", {"sentencing", "probation_programs"}),
        ("vi", "toa xu anh ta 2 nam tu", {"sentencing"}),
        # A suspended sentence and community labour are the sentence; a class is the program.
        ("vi", "anh ta được hưởng án treo và làm công tác cộng đồng", {"sentencing"}),
        ("vi", "bị tuyên án treo 6 tháng", {"sentencing"}),
        ("vi", "anh ta chỉ phải lao động công ích", {"sentencing"}),
        (
            "vi",
            "toa cho anh ta an treo 1 nam va phai di hoc lop ve bao luc gia dinh",
            {"sentencing", "probation_programs"},
        ),
        # The DA and the PO in Hmong, as whole words only ...
        ("hmn", "tus DA hu kuv mus ua tim khawv tab sis kuv tsis kam", {"prosecution"}),
        ("hmn", "tam sim no muaj ib tug PO saib nws", {"probation_programs"}),
        # ... not the spirit, a woman or a wife.
        ("hmn", "tus dab tsis pub kuv mus", set()),
        ("hmn", "ib tug poj niam hu tub ceev xwm", {"police"}),
        ("hmn", "nws yog Hmoob, nws tus poj niam yog Nplog", set()),
        # ... and what stays out: a trial put off, a custody ruling, another front office.
        ("vi", "phiên tòa xử anh ta bị hoãn 4 lần", {"criminal_court"}),
        ("ar", "المحكمة حكمت لي بحضانة الأولاد", {"civil_court_custody"}),
        ("en", "I asked the front office not to release the kids to him", {"schools"}),
        ("en", "the front office at my job was rude to me", set()),
    ],
)
def test_long_story_shapes(matcher: Matcher, language: str, text: str, expected: set[str]) -> None:
    assert points(matcher, text, language) == expected


def test_short_hmong_pattern_words_match_whole_words() -> None:
    # A Hmong syllable's last letter is its tone: "da" is not "dab", "po" not "poj".
    assert matching.whole_word("da", "hmn")
    assert matching.whole_word("po", "hmn")
    assert not matching.whole_word("9", "hmn")  # "hu 9" still finds "hu 911"
    assert not matching.whole_word("tub", "hmn")
