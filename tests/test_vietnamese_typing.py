"""Vietnamese as people type it when the keyboard's Vietnamese input is off or skipped
(development batch n, 2026-12-07, seventh session).

Coding: Telex keys left in the words ("canhr sats", "bij bawts", "beenhj vieenj": cảnh sát,
bị bắt, bệnh viện), VNI digits ("ca3nh sa1t", "bi5 ba81t", "d9uo63i"), shorthand ("bv", "bs",
"dc", "k"), syllables of a pattern typed as one word ("canhsat", "toaan", "lenhbaove"), the
English abbreviations whose letters spell a Vietnamese word written in capitals ("ông DA" is
not "ông đã", "cái TRO" not "cái trò"), and patterns for "còng ổng", "ông cop", "ông PO", "ở
tù 2 đêm". Everyday words that only look like them stay what they are ("bắt đầu", "bắt xe
buýt", "ở trọ", "U visa", "phòng ER", English words such as "cops" and "his").

Redaction: a Vietnamese full name typed with Telex keys or VNI digits ("Traanf Vawn Hungf",
"Tra62n Va8n Hu2ng"), which no pass read (the VNI one was cut at its digits, leaving pieces).

Each case is a sentence written for these tests (not a development answer); each failed
before the reader (``intake.analysis.text.VietnameseTyping``) and the patterns. The held-out
evaluation corpus is never used here.
"""

from __future__ import annotations

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import Matcher
from intake.analysis.text import (
    VietnameseTyping,
    normalise,
    syllable_joins,
    vietnamese_syllable,
)
from intake.redaction import quote_text
from tests.coding_helpers import suggested_points as points
from tests.redaction_helpers import assert_redacted


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Telex: the tone key after the syllable (s f r x j), aa ee oo aw ow uw w, dd.
        ("hoom qua toi goij canhr sats maf ho ko den", {"police"}),
        ("chongf toi bij bawts ngay tai nha", {"arrest"}),
        ("con toi phai vaof beenhj vieenj 3 ngay", {"health_care"}),
        ("toi ddi xin leenhj baor veej", {"protection_order"}),
        ("toi sowj bi truc xuaats lawm", {"immigration"}),
        ("coo giaos cuar con gai toi goi CPS", {"schools", "child_protection"}),
        ("toi o nhaf tamj lanhs 2 thangs", {"housing"}),
        ("no chi bij 6 thangs tuf", {"sentencing"}),
        # VNI: 1 to 5 a tone, 6 7 8 a vowel mark, 9 the bar of đ; a mark and a tone together.
        ("ca3nh sa1t d9e61n nhu7ng kho6ng giu1p", {"police"}),
        ("ho5 ba81t anh ta o73 cho64 la2m", {"arrest"}),
        ("chu3 nha2 d9uo63i to6i vi2 o62n a2o", {"housing"}),
        ("to6i xin ly di5 ta5i to2a", {"civil_court_custody"}),
        # Shorthand for whole words.
        ("bv ko co ai noi tieng viet", {"health_care"}),
        ("bs ko hoi j toi het", {"health_care"}),
        ("toi k co giay to nen so lam", {"immigration"}),
        # Syllables of a pattern typed as one word.
        ("toi goi canhsat ma ko ai den", {"police"}),
        ("toi phai ra toaan lan nua", {"criminal_court"}),
        ("con bi sot phai vo benhvien", {"health_care"}),
        ("toi da co lenhbaove roi", {"protection_order"}),
        ("sang hom sau no dc taingoai", {"jail_pretrial"}),
        # English abbreviations in capitals, whose letters spell a Vietnamese word.
        ("ông DA nói sẽ gọi lại mà không gọi", {"prosecution"}),
        ("cái TRO của tôi hết hạn tháng trước", {"protection_order"}),
        # Patterns: the handcuffs, the cop and the PO with a classifier, nights in jail.
        ("mấy ổng còng ổng dẫn đi", {"arrest"}),
        ("mấy ông cop tới hỏi vài câu rồi đi", {"police"}),
        ("bà PO của nó gọi cho tôi", {"probation_programs"}),
        ("ảnh ở tù 2 đêm rồi về", {"jail_pretrial"}),
    ],
)
def test_vietnamese_as_typed_names_the_point(matcher: Matcher, text: str, expected: set) -> None:
    assert points(matcher, text, "vi") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Everyday words with the letters of a point's word stay what they are.
        ("anh ta bat dau la hét tu hoi toi mang bau", set()),
        ("sáng nào tôi cũng bắt xe buýt đi làm", set()),
        ("tui ở trọ gần chợ, tiền trọ rẻ", set()),
        ("ông đã không nói gì hết", set()),
        ("ong da khong noi gi", set()),
        ("cái trò đó tôi chán lắm", set()),
        ("cai tro do toi chan lam", set()),
        # Pattern words as written are not read as Telex ("visa" is no "vía", "er" no "e").
        ("bà lawyer nói tui xin được U visa", {"immigration"}),
        ("phòng ER hỏi tui có an toàn không", {"health_care"}),
        # An abbreviation inside a code is no abbreviation.
        ("số hồ sơ 62-DA-FA-23", set()),
    ],
)
def test_everyday_vietnamese_stays_as_written(matcher: Matcher, text: str, expected: set) -> None:
    assert points(matcher, text, "vi") == expected


def test_the_highlight_points_at_the_words_as_written(matcher: Matcher) -> None:
    text = "hôm qua toi goij canhr sats, canhsat toi tre"
    (excerpt,) = matcher.excerpts(text, "vi")
    shown = [text[a:b] for a, b in excerpt.highlights]
    assert "canhr sats" in shown
    assert "canhsat" in shown


def test_other_languages_see_what_they_saw() -> None:
    matcher = Matcher(codebook_module.shipped())
    assert not isinstance(matcher.corrector("en"), VietnameseTyping)
    assert not isinstance(matcher.corrector("hmn"), VietnameseTyping)
    # The same words in an English answer are not read as Vietnamese.
    assert "police" not in points(matcher, "my friend canhsat came", "en")
    assert normalise("canhr sats").text == "canhr sats"


def test_english_words_are_read_only_in_an_answer_typed_with_keys(matcher: Matcher) -> None:
    reader = matcher.corrector("vi")
    assert isinstance(reader, VietnameseTyping)

    def read(text: str) -> str:
        return reader.correct(normalise(text), text).text

    # "teen" (tên) and "coo" (cô) are English words: read only beside Telex keys.
    assert read("the teen coo") == "the teen coo"
    assert read("coo giaos teen laf") == "co giao ten la"
    # A very common English word is never read ("his", "cops", "bus").
    assert read("cops giaos his bus") == "cops giao his bus"


def test_syllables() -> None:
    for word in ("canh", "nguoi", "khong", "gi", "nghe", "quyen", "toan", "truong"):
        assert vietnamese_syllable(word), word
    for word in ("canhr", "sats", "police", "kid", "ce", "ngi", "toaan", "ghe" + "a"):
        assert not vietnamese_syllable(word), word
    joins = syllable_joins(["cảnh sát", "tòa án", "ni cô", "ở tù"])
    assert joins == {"canhsat": "canh sat", "toaan": "toa an"}  # "nico", "otu" too short


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    [
        # Telex: Lê Văn Tuấn, Nguyễn Thị Hoa, after "tên là" and "chị" typed with keys.
        ("choongf toi teen laf Leex Vawn Tuaans, anh ta ddanhs toi", ["Leex", "Vawn", "Tuaans"],
         ["ddanhs toi"]),
        ("chij Nguyeenx Thij Hoaf ben CPS giup toi", ["Nguyeenx", "Thij", "Hoaf"], ["CPS"]),
        # VNI: Trần Văn Hùng (before, "[name]62n [name]8n Hu2ng").
        ("chồng tôi là Tra62n Va8n Hu2ng, ổng đánh tôi", ["Tra62n", "Va8n", "Hu2ng", "62n", "8n"],
         ["ổng đánh tôi"]),
    ],
)  # fmt: skip
def test_a_vietnamese_name_typed_with_keys_is_removed(
    text: str, parts: list[str], themes: list[str]
) -> None:
    out = quote_text(text, "vi")
    assert_redacted(out, parts, themes)
    assert out.count("[name]") == 1, out


@pytest.mark.parametrize(
    "text",
    [
        "Canhr Sats Ddeens Nhaf Toi",  # the police came to my house, in Title Case
        "toi goi Canh Sat va Toaf An",  # capitalised words that are no names
    ],
)
def test_capitalised_words_typed_with_keys_that_are_no_names_stay(text: str) -> None:
    assert quote_text(text, "vi") == text


@pytest.mark.parametrize(
    ("text", "parts", "themes"),
    [
        # A kin title typed with Telex keys (thằng, chị, ông) before a name in lower case or
        # capitalised, as "em khoa", "chị Hoa" are read.
        ("thawngf khoa no goi toi hoai, toi bao cs", ["khoa"], ["cs"]),
        ("chij Hoaf o shelter giup toi", ["Hoaf"], ["shelter"]),
        ("oong Tuaans ben van phong luat", ["Tuaans"], ["van phong luat"]),
    ],
)
def test_a_name_after_a_title_typed_with_keys_is_removed(
    text: str, parts: list[str], themes: list[str]
) -> None:
    assert_redacted(quote_text(text, "vi"), parts, themes)
