"""The shipped codebook's vocabulary, judged at the level of points of intervention: which
point a sentence's words hit on their own (no dimension needed), in every shipped language.

Representative phrasings as people write them on a phone, the word-sense traps (one word,
two points), and ordinary sentences that must hit nothing. The development set in eval/dev/
is the wider regression check; the held-out evaluation corpus is never used here.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from intake.analysis import codebook as codebook_module
from intake.analysis.coding import Matcher
from intake.analysis.text import normalise

DEV = Path(__file__).resolve().parent.parent / "eval" / "dev"
LANGUAGES = ("en", "es", "so", "vi", "zh", "ar", "hmn")


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(codebook_module.shipped())


def parts_hit(matcher: Matcher, text: str, language: str, kind: str = "intervention") -> set[str]:
    folded = normalise(text).text
    return {
        key for finder in matcher._for(language) for k, key, *_ in finder.find(folded) if k == kind
    }


# -- a point named the way people name it --------------------------------------------------
@pytest.mark.parametrize(
    ("language", "text", "point"),
    [
        ("en", "the prosecutor dropped the charges without asking me", "prosecution"),
        ("en", "he was out on bail the next morning", "jail_pretrial"),
        ("en", "The DA's office never called me back", "prosecution"),
        ("en", "I got a TRO but he kept showing up", "protection_order"),
        ("en", "the lady from the county who came to see my kids", "child_protection"),
        ("en", "went to the ER with a broken wrist", "health_care"),
        ("en", "His PO didn't know he moved back in", "probation_programs"),
        ("en", "they ordered the 26 week class", "probation_programs"),
        ("en", "i was scared because of ICE", "immigration"),
        ("es", "la policia le creyo a el", "police"),
        ("es", "la jura llego rapido", "police"),
        ("es", "lo metieron al bote una noche", "jail_pretrial"),
        ("es", "la señora del condado vino a ver a mis hijos", "child_protection"),
        ("es", "su oficial de probatoria ni cuenta se dio", "probation_programs"),
        ("es", "me corrieron del departamento", "housing"),
        ("so", "boliska markay yimaadeen", "police"),
        ("so", "walaalkiis ayaa bixiyay lacagta damiinta", "jail_pretrial"),
        ("so", "hay'adda carruurta ayaa timid", "child_protection"),
        ("so", "sharci la'aan ayaan ahaa", "immigration"),
        ("vi", "toi goi 911 nhung ho den tre", "dispatch_911"),
        ("vi", "canh sat toi nha", "police"),
        ("vi", "co giay TRO roi ma anh ta van toi", "protection_order"),
        ("vi", "anh ta bị nhốt 2 ngày", "jail_pretrial"),
        ("vi", "người bên quận đến nhà xem các con tôi", "child_protection"),
        ("zh", "差佬来了问了几句就走了", "police"),
        ("zh", "第二天就被保出来了", "jail_pretrial"),
        ("zh", "DA办公室一直没有回我电话", "prosecution"),
        ("zh", "拿到TRO以后他还来过", "protection_order"),
        ("zh", "ICE的人来过我们楼", "immigration"),
        ("ar", "البوليس جه وكلمه هو الأول", "police"),
        ("ar", "قبضوا عليه بس", "arrest"),
        ("ar", "مكتب المدعي العام سحب القضية", "prosecution"),
        ("ar", "رحت للمدعي العام", "prosecution"),
        ("ar", "اشتكيت للنيابة", "prosecution"),
        ("ar", "ضلّ يخالف أمر الحماية", "protection_order"),
        ("ar", "المحكمة ألزمته يحضر دورة عن العنف الأسري", "probation_programs"),
        ("hmn", "tub ceev xwm ntseeg nws lus xwb", "police"),
        ("hmn", "tau TRO lawm los nws tseem tuaj", "protection_order"),
        ("hmn", "kuv mus ER vim kuv txhais tes tawg", "health_care"),
        ("hmn", "ib tug poj niam ntawm county tuaj saib kuv cov menyuam", "child_protection"),
        # fresh batch f (eval/dev *-f01…): anger classes, a trial, a place to stay
        ("es", "lo juzgaron en marzo", "criminal_court"),
        ("vi", "anh ta phai hoc lop kiem che con gian", "probation_programs"),
        ("vi", "anh ta phải học lớp quản lý cơn giận", "probation_programs"),
        ("vi", "toi phai ra toa di tru thang sau", "immigration"),
        ("vi", "co chi cho em cho o tam", "housing"),
        ("ar", "لازم يروح برنامج للتحكم بالغضب", "probation_programs"),
        ("ar", "المحكمة طلبت منه دورة السيطرة على الغضب", "probation_programs"),
        ("so", "kaniisadda ayaa ii helay guri", "housing"),
        # batch g: the sentence and the prosecution in plain words
        ("es", "le dieron 3 años nomas y ya", "sentencing"),
        ("so", "waxay siiyeen probation lix bilood", "sentencing"),
        ("ar", "أخذ سنتين مع وقف التنفيذ", "sentencing"),
        ("vi", "vụ án bị hủy sau hai tháng", "prosecution"),
        ("ar", "رفعوا قضية ضده بعد أسبوع", "prosecution"),
        ("en", "the da asked me to come in and talk", "prosecution"),
        ("en", "the nurse at school called me in", "schools"),
        ("es", "en la escuela nos dieron ropa y comida", "schools"),
        ("en", "i testified against him in march", "criminal_court"),
        ("so", "waan ka markhaati furay isaga", "criminal_court"),
        ("vi", "tôi đã làm chứng hai lần", "criminal_court"),
        ("zh", "我作证了两次", "criminal_court"),
        ("hmn", "kuv tau ua tim khawv ob zaug", "criminal_court"),
    ],
)
def test_a_point_is_hit_by_everyday_words(
    matcher: Matcher, language: str, text: str, point: str
) -> None:
    assert point in parts_hit(matcher, text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "had to go to court 6 times and every time it got continued"),
        ("es", "fui a la corte como 5 veces"),
        ("so", "maxkamadda ayaan tagay 4 jeer"),
        ("vi", "toi phai ra toa 5 lan"),
        ("zh", "我去了法院五次，每次都改期"),
        ("ar", "رحت المحكمة خمس مرات"),
        ("hmn", "kuv mus tsev hais plaub tsib zaug"),
    ],
)
def test_court_in_plain_words_is_the_criminal_court(
    matcher: Matcher, language: str, text: str
) -> None:
    assert "criminal_court" in parts_hit(matcher, text, language)


# -- word-sense traps: one word, two meanings, each goes to its own point -----------------
@pytest.mark.parametrize(
    ("language", "text", "point", "not_point"),
    [
        # day care vs custody
        ("en", "i had no day care for the baby", "schools", "civil_court_custody"),
        ("en", "he got full custody of the kids", "civil_court_custody", "schools"),
        ("es", "la guarderia era muy cara", "schools", "civil_court_custody"),
        ("es", "le dieron la custodia compartida", "civil_court_custody", "schools"),
        ("so", "ma haysan xanaano carruureed", "schools", "civil_court_custody"),
        ("so", "xadaanada carruurta waxaa la siiyay isaga", "civil_court_custody", "schools"),
        ("vi", "không có tiền gửi con ở nhà trẻ", "schools", "civil_court_custody"),
        ("vi", "giành quyền nuôi con", "civil_court_custody", "schools"),
        ("zh", "托儿所太贵", "schools", "civil_court_custody"),
        ("zh", "孩子的抚养权", "civil_court_custody", "schools"),
        ("ar", "ما في حضانة للبيبي", "schools", "civil_court_custody"),
        ("ar", "أعطاه الحضانة المشتركة", "civil_court_custody", "schools"),
        ("hmn", "tsis muaj chaw zov menyuam", "schools", "civil_court_custody"),
        ("hmn", "nws tau cai saib xyuas cov menyuam", "civil_court_custody", "schools"),
        # visa sponsorship vs bail
        ("en", "he sponsored my visa and held it over me", "immigration", "jail_pretrial"),
        ("en", "his brother paid his bail", "jail_pretrial", "immigration"),
        ("vi", "anh ta bảo lãnh tôi qua Mỹ", "immigration", "jail_pretrial"),
        ("vi", "em trai anh ta đóng tiền bảo lãnh", "jail_pretrial", "immigration"),
        ("zh", "他是我的担保人", "immigration", "jail_pretrial"),
        ("zh", "他哥哥帮他交了保释金", "jail_pretrial", "immigration"),
        ("ar", "هو كفيلي وكان يهددني", "immigration", "jail_pretrial"),
        ("ar", "طلع بكفالة تاني يوم", "jail_pretrial", "immigration"),
        # the emergency room vs 911
        ("en", "I went to the emergency room", "health_care", "dispatch_911"),
        ("en", "I called 911 from the bathroom", "dispatch_911", "health_care"),
        ("es", "fui a emergencias porque me rompio la nariz", "health_care", "dispatch_911"),
        ("es", "llame a emergencias y tardaron una hora", "dispatch_911", "health_care"),
        ("so", "qeybta degdegga ee isbitaalka", "health_care", "dispatch_911"),
        ("vi", "toi vao phong cap cuu", "health_care", "dispatch_911"),
        ("vi", "tôi gọi cấp cứu", "dispatch_911", "health_care"),
        ("zh", "我去急诊看手", "health_care", "dispatch_911"),
        ("ar", "رحت الطوارئ بالمستشفى", "health_care", "dispatch_911"),
        ("ar", "اتصلت بالطوارئ", "dispatch_911", "health_care"),
        ("hmn", "kuv mus chav xwm txheej ceev", "health_care", "dispatch_911"),
        # asylum vs shelter (庇护)
        ("zh", "我申请了政治庇护", "immigration", "housing"),
        ("zh", "妇女庇护中心满了", "housing", "immigration"),
    ],
)
def test_word_sense_traps(
    matcher: Matcher, language: str, text: str, point: str, not_point: str
) -> None:
    hit = parts_hit(matcher, text, language)
    assert point in hit, hit
    assert not_point not in hit, hit


# -- ordinary sentences hit no point of intervention ---------------------------------------
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "My dad said he would pick up the kids after work."),
        ("en", "The day was long and I had trouble sleeping."),
        ("en", "My mother in law came to stay with us."),
        ("en", "He pleaded with me to come back."),
        ("en", "My sister picked me up and I was 26 weeks pregnant."),
        ("en", "I was released from my job last spring."),
        ("es", "Nunca me dejaba salir con mis amigas."),
        ("es", "Me pidio perdon y le crei."),
        ("es", "El padre de mis hijos nunca ayudo."),
        ("es", "Me agarro del cuello y me hizo un corte en la mano."),
        ("es", "Lo vi en la calle; trabajo cada fin de semana."),
        ("so", "Xijaab ayaan xiray oo suuqa ayaan aaday."),
        ("so", "Hooyaday ayaa i caawisay markii aan xanuunsanayay."),
        ("vi", "anh ta bat toi phai lam het viec nha"),
        ("vi", "toi thay co nhieu nguoi o cho lam"),
        ("vi", "su thay doi cua anh ta lam toi so"),
        ("vi", "toi goi dien thoai cho me toi moi ngay"),
        ("vi", "ngay tu dau anh ta da nhu vay, con toi nam tuoi roi"),
        ("zh", "他抓我的头发把我推倒了"),
        ("zh", "他很control我，不让我出门"),
        ("zh", "他关了门，结果就出来了"),
        ("ar", "كان واقف أمام البيت"),
        ("ar", "رحت على القسم الثاني من السوق"),
        ("ar", "مسكني من إيدي بقوة"),
        ("ar", "قعدنا بالبيت طول اليوم وطبخت للأولاد"),
        ("hmn", "kuv hu xov tooj rau kuv niam txhua hnub"),
        ("hmn", "dab tsi los nws tsis quav ntsej"),
        # judged by people is no trial; going to school is a child's day, not the school
        ("es", "me juzgaron por mi acento"),
        ("vi", "sang em dua con di hoc roi di lam"),
        ("vi", "hôm đó con tôi đi học, anh ta say rượu"),
        ("zh", "我每天送孩子上学以后就去打工"),
    ],
)
def test_ordinary_sentences_hit_no_point(matcher: Matcher, language: str, text: str) -> None:
    assert parts_hit(matcher, text, language) == set()


def test_dimensions_are_a_second_layer_in_every_language(matcher: Matcher) -> None:
    for language, text in [
        ("en", "they treated me like a criminal because i m black"),
        ("es", "me trataron como criminal por ser latina"),
        ("so", "sidii dambiile ayay ila dhaqmeen sababtoo ah waxaan ahay soomaali"),
        ("vi", "họ coi tôi như tội phạm vì tôi là người việt"),
        ("zh", "他们把我当成罪犯，因为我是亚洲人"),
        ("ar", "عاملوني كأني مجرمة لأني محجبة"),
        ("hmn", "lawv saib tsis taus kuv vim kuv yog hmoob"),
    ]:
        hit = parts_hit(matcher, text, language, kind="dimension")
        assert "disproportionate_impact" in hit, (language, hit)
        assert parts_hit(matcher, text, language) == set(), language


# -- the codebook's patterns can all match ------------------------------------------------
def test_no_pattern_holds_a_character_no_word_contains() -> None:
    """Words are runs of letters and digits, so a stem with an apostrophe or hyphen can
    never match; such patterns must be written with a space ("la aan")."""
    for part in codebook_module.shipped().parts():
        for language, patterns in part.patterns.items():
            for pattern in patterns:
                assert not set("'’-") & set(pattern), (part.key, language, pattern)


# -- the development set and its checker ----------------------------------------------------
def _checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("dev_check", DEV / "check.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_development_set_has_the_shape_and_size_it_promises() -> None:
    known = set(codebook_module.shipped().interventions)
    for language in LANGUAGES:
        data = json.loads((DEV / f"{language}.json").read_text(encoding="utf-8"))
        assert data["language"] == language
        answers = data["answers"]
        assert len(answers) >= 30, language
        assert len({a["id"] for a in answers}) == len(answers), language
        for answer in answers:
            assert answer["text"].strip()
            assert set(answer["points"]) <= known, answer["id"]


def test_checker_counts_hits_misses_and_extras() -> None:
    # A codebook of two points: one answer hits its point, one hits a point it should not.
    check = _checker()
    tiny = codebook_module.parse(
        {
            "interventions": {
                "police": {"label": {"en": "Police"}, "patterns": {"en": ["polic"]}},
                "schools": {"label": {"en": "Schools"}, "patterns": {"en": ["school"]}},
            },
            "dimensions": {},
        }
    )
    m = Matcher(tiny)
    assert check.points_hit(m, "The POLICE came.", "en") == {"police"}
    assert check.points_hit(m, "The bus was late.", "en") == set()
    assert check.points_hit(m, "school and police", "es") == {"police", "schools"}  # English too


def test_development_set_regression(matcher: Matcher) -> None:
    """The patterns were tuned on this set, so this guards against a later edit losing
    what it found; it says nothing about unseen answers (eval/corpus/ does)."""
    check = _checker()
    tp = fp = fn = 0
    for language in LANGUAGES:
        for answer in check.load(language):
            gold, found = set(answer["points"]), check.points_hit(matcher, answer["text"], language)
            tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= 0.95


# -- calling the police is the police; 911 needs the number, the dispatcher or the operator -
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "i called the cops on him and they told him to take a walk"),
        ("es", "llamé a la policía y no vinieron"),
        ("so", "booliska ayaan u yeeray laakiin ma imaan"),
        ("vi", "tôi gọi cảnh sát nhưng họ không tới"),
        ("zh", "我怕被移民局抓，所以一直不敢报警"),
        ("ar", "اتصلت بالشرطة وما جوا"),
        ("hmn", "kuv hu tub ceev xwm tiam sis lawv tsis tuaj"),
    ],
)
def test_calling_the_police_is_the_police_not_911(
    matcher: Matcher, language: str, text: str
) -> None:
    hit = parts_hit(matcher, text, language)
    assert "police" in hit
    assert "dispatch_911" not in hit


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "i called 911 and the dispatcher hung up on me"),
        ("es", "marqué al 911 y la operadora me colgó"),
        ("so", "waxaan wacay 911 habeenkii"),
        ("vi", "tôi gọi 911 nhưng tổng đài viên không hiểu"),
        ("zh", "我打了911，接线员听不懂"),
        ("ar", "اتصلت على ٩١١ وموظف الطوارئ ما فهمني"),
        ("hmn", "kuv hu 911 tab sis tus txais xov tooj tsis to taub"),
    ],
)
def test_the_number_or_the_dispatcher_is_911(matcher: Matcher, language: str, text: str) -> None:
    assert "dispatch_911" in parts_hit(matcher, text, language)
