"""Chinese in traditional characters and written Cantonese (batch t, eval/dev/zh.json
``zh-t…``, ``zh-qt04…``): the codebook and the redaction lists are written in simplified
characters, and traditional text is read as simplified (``intake.analysis.text``: one
character for one, from intake/data/zh-traditional.txt).

Every test of a fix below failed before the fold and the Cantonese vocabulary were added;
the guards (``test_*_guard*``) keep the new patterns from reaching everyday words."""

from __future__ import annotations

import pytest

from intake.analysis.codebook import shipped
from intake.analysis.coding import Matcher
from intake.analysis.text import _TRADITIONAL, normalise, simplified
from intake.redaction import redact
from tests.coding_helpers import suggested_points


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(shipped())


def points(matcher: Matcher, text: str) -> set[str]:
    return suggested_points(matcher, text, "zh")


# --- the fold -------------------------------------------------------------------------


def test_traditional_text_folds_to_simplified_in_place() -> None:
    normal = normalise("劉律師給了我保護令")
    assert normal.text == "刘律师给了我保护令"
    assert list(normal.origin) == list(range(9))  # one for one: positions unchanged
    assert simplified("陳Peter係我嘅律師") == "陈Peter系我嘅律师"


def test_simplified_text_is_left_as_it_is() -> None:
    # "么" is the simplified form of "麼": OpenCC alone reads it as the old variant of "幺".
    assert normalise("他什么都不说").text == "他什么都不说"
    assert all(simple not in _TRADITIONAL for simple in _TRADITIONAL.values())
    assert all(len(k) == 1 and len(v) == 1 for k, v in _TRADITIONAL.items())


# --- coding: traditional characters ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("法院給了我保護令", "protection_order"),
        ("我去了醫院急診室", "health_care"),
        ("學校的老師打電話給社工", "schools"),
        ("他被檢察官起訴了，下個月要出庭", "prosecution"),
        ("離婚官司還在打，小孩的監護權還沒判下來", "civil_court_custody"),
        ("我帶住兩個仔搬咗去庇護中心", "housing"),
    ],
)
def test_traditional_characters_find_the_point(matcher: Matcher, text: str, point: str) -> None:
    assert point in points(matcher, text)


def test_a_protection_order_from_the_court_in_traditional_is_no_criminal_court(
    matcher: Matcher,
) -> None:
    assert points(matcher, "法院給了我保護令") == {"protection_order"}


# --- coding: written Cantonese, Hong Kong and Taiwan words -----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("佢俾人拉咗去差館，關咗一晚就出返嚟", {"police", "arrest", "jail_pretrial"}),
        ("佢畀差佬拉咗，喺监仓度坐咗两日", {"police", "arrest", "jail_pretrial"}),
        ("最後法官判咗佢坐監兩年", {"sentencing"}),
        ("佢入咗冊，要坐三年", {"sentencing"}),
        ("法官判咗佢感化兩年", {"sentencing", "probation_programs"}),
        ("佢喺法庭認罪", {"criminal_court", "prosecution"}),
        ("警察來我家做筆錄，說案子會移送地檢署", {"police", "prosecution"}),
        ("社署嘅人嚟家訪，話要睇下啲細路有冇事", {"child_protection"}),
        ("我喺shelter住咗一排", {"housing"}),
        ("TRO批咗落嚟，但係佢搬走之前將我啲嘢全部掉晒", {"protection_order"}),
        ("我唔敢報警，因為驚佢會被遞解出境", {"police", "immigration"}),
    ],
)
def test_cantonese_words_find_the_points(matcher: Matcher, text: str, expected: set[str]) -> None:
    assert points(matcher, text) == expected


def test_a_request_to_testify_in_cantonese_is_the_prosecution_only(matcher: Matcher) -> None:
    assert points(matcher, "個DA話要我上庭做證人，我話唔想去") == {"prosecution"}


def test_a_social_worker_of_the_hospital_in_cantonese_is_no_child_protection(
    matcher: Matcher,
) -> None:
    assert points(matcher, "醫院嘅社工幫我搵律師") == {"health_care"}


@pytest.mark.parametrize(
    "text",
    [
        "我以为可以用爱感化他",  # 感化: to reform someone by kindness, no probation
        "佢把我監禁喺屋企",  # held at home, no sentence
        "攞咗個PO之後佢冇再嚟",  # PO beside 个 may be the order: no probation officer
        "我喺學校門口等個女放學",  # a school in passing, Cantonese 喺
    ],
)
def test_cantonese_words_guard_everyday_senses(matcher: Matcher, text: str) -> None:
    assert not points(matcher, text) & {"probation_programs", "sentencing", "schools"}


# --- redaction -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a traditional surname before a title: the title stays as written
        ("劉律師很好，幫我申請了保護令。", "[name]律師很好，幫我申請了保護令。"),
        ("張醫生喺急症室幫我驗傷，話要報警。", "[name]醫生喺急症室幫我驗傷，話要報警。"),
        (
            "我的個案經理是邱小姐，她幫我搬到過渡性房屋。",
            "我的個案經理是[name]小姐，她幫我搬到過渡性房屋。",
        ),
        ("警察把他帶走以後，郭警員打電話給我。", "警察把他帶走以後，[name]警員打電話給我。"),
        # Cantonese titles and the Hong Kong order of an English given name
        ("譚姑娘係醫院嘅社工", "[name]姑娘係醫院嘅社工"),
        (
            "我去咗差館搵馮Sir，佢話宗案已經交咗俾DA。",
            "我去咗差館搵[name]Sir，佢話宗案已經交咗俾DA。",
        ),
        ("陳生話佢會幫我", "[name]生話佢會幫我"),
        ("黃太同我講咗", "[name]太同我講咗"),
        ("Miss黃係我個女嘅老師", "Miss[name]係我個女嘅老師"),
        ("陳Peter係我嘅律師", "[name]係我嘅律師"),
        ("阿強每次飲完酒就發癲", "[name]每次飲完酒就發癲"),
        # 小姐 among the words never taken for a name hid the title after a surname
        ("王小姐说她会帮我", "[name]小姐说她会帮我"),
    ],
)
def test_traditional_and_cantonese_names_go(text: str, expected: str) -> None:
    assert redact(text, "zh") == expected


def test_traditional_and_simplified_surnames_both_go() -> None:
    assert redact("刘律师很好", "zh") == "[name]律师很好"
    assert redact("劉律師很好", "zh") == "[name]律師很好"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("我向Peter求助", "我向"),  # 向 is a surname and a preposition
        ("余生都要怕佢", "余生"),  # 余 is a surname, 余生 the rest of my life
        ("我哋搬咗去溫哥華", "溫哥華"),  # a city in traditional characters
    ],
)
def test_cantonese_name_rules_guard_words(text: str, kept: str) -> None:
    assert kept in redact(text, "zh")


def test_emerging_themes_show_traditional_characters_as_written() -> None:
    # Pairs are counted folded (traditional with simplified), and shown as people wrote them.
    import datetime as dt

    from intake.analysis import codebook as codebook_module
    from intake.analysis.coding import Matcher
    from intake.analysis.emerging import find
    from intake.analysis.state import ThemeState
    from intake.questionnaires.catalog import SHIPPED_DIR
    from intake.questionnaires.definition import load_definition_text
    from intake.responses import OpenedResponse

    survivor = load_definition_text((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8"))
    state = ThemeState()
    sentences = ["電費太貴，我交唔起。", "冇錢交電費同水費。", "每個月電費單都好貴。"]
    others = ["我想要多啲支援小組。", "我需要工作同衣服。", "食物好好。", "多謝你哋。"]
    for i in range(28):
        text = sentences[i % 3] if i < 12 else others[i % 4]
        state.aggregate.add(
            OpenedResponse(
                id=f"r{i}",
                questionnaire_version_id=1,
                provenance="self",
                submitted_month=dt.date(2026, 11, 1),
                language="zh",
                answers={"ideas_for_change": text},
            ),
            survivor,
        )
    clusters = find(state, codebook_module.shipped(), Matcher(codebook_module.shipped()), 5)
    terms = [t for c in clusters for t in c.terms]
    # The electricity bill, written 電費, is shown as written, not as the folded 电费.
    assert "電費" in terms, terms
    assert not any("电" in t or "费" in t for t in terms), terms


def test_emerging_pairs_are_shown_where_they_were_written() -> None:
    # "…" folds to three characters and each decomposed accent to none: the lengths agree,
    # yet the written pair must be read through the position map, not at the same index.
    from collections import Counter, defaultdict

    from intake.analysis.emerging import _analyzer

    surface: dict[str, Counter[str]] = defaultdict(Counter)
    pairs = _analyzer("zh", surface)
    pairs("…警察來了e\u0301e\u0301")
    assert surface["警察"] == Counter({"警察": 1})
    assert surface["来了"] == Counter({"來了": 1})


def test_a_compatibility_ideograph_is_read_as_its_character() -> None:
    # U+F9E1 is 李 from an old encoding: coding folds it (NFKD), redaction must read it too.
    from intake.analysis.text import simplified
    from intake.redaction import quote_text

    assert simplified("\uf9e1律師") == "李律师"
    assert quote_text("\uf9e1律師很好", "zh") == "[name]律師很好"
