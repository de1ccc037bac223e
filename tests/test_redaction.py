"""Redaction in every shipped language, against a corpus of tricky sentences.

``tests/data/redaction_corpus.json``: for each sentence, what must be gone (names, phones,
e-mails, addresses, dates of birth, case numbers) and what must survive (ordinary words, 911,
"3 children", a month on its own).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from intake.redaction import PLACEHOLDER, quote_text, redact

CORPUS = json.loads(
    (Path(__file__).parent / "data" / "redaction_corpus.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CORPUS, ids=[f"{c['lang']}-{i}" for i, c in enumerate(CORPUS)])
def test_corpus(case: dict) -> None:
    out = redact(case["text"], case["lang"])
    for gone in case["must_not_contain"]:
        assert gone not in out, (gone, out)
    for kept in case["must_contain"]:
        assert kept in out, (kept, out)


def test_every_shipped_language_has_corpus_cases() -> None:
    langs = {c["lang"] for c in CORPUS}
    assert langs == {"en", "es", "so", "vi", "zh", "ar", "hmn"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officer Diaz laughed at us.", "Officer [name] laughed at us."),
        ("Write to maria.lopez@example.org now", "Write to [email] now"),
        ("Call +1 651.555.0123 please", "Call [phone] please"),
        ("I live at 1234 Lake Street.", "I live at [address]."),
        ("Case number 2023-CR-00412 was closed", "Case number [case number] was closed"),
        ("the police came after 3 days", "the police came after 3 days"),
        ("I called 911 in March", "I called 911 in March"),
        ("Her husband left.", "Her husband left."),
    ],
)
def test_english_examples(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_a_facilitator_can_hide_more_words() -> None:
    out = quote_text("The Riverside shelter turned me away", "en", ["riverside"])
    assert out == "The […] shelter turned me away"


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("I went to Det. Garcia and he laughed.", "Garcia"),
        ("Officer J. Smith arrested me.", "Smith"),
        ("Sgt. Johnson said no.", "Johnson"),
        ("Smith never called back.", "Smith"),
        ("officer diaz was rude", "diaz"),
    ],
)
def test_excerpts_never_cut_a_name_from_its_title(text: str, gone: str) -> None:
    """Excerpts are sentences: a title's full stop must not split off the name, and each
    excerpt is redacted on its own (as the review queue and quotes do)."""
    from intake.analysis.text import sentences

    for start, end in sentences(text):
        assert gone not in quote_text(text[start:end], "en")


# Every name shape of issue 18, item 4: each part of the name is gone, with no piece left
# beside the placeholder, and the words that carry the theme are still there.
NAME_SHAPES = [
    # Vietnamese three- and four-part names, with and without diacritics
    (
        "vi",
        "Công an Nguyễn Văn Minh nói đó là chuyện gia đình.",
        "Nguyễn Văn Minh",
        ["Công an", "chuyện gia đình"],
    ),
    (
        "vi",
        "Cong an Nguyen Van Minh noi do la chuyen gia dinh.",
        "Nguyen Van Minh",
        ["Cong an", "chuyen gia dinh"],
    ),
    ("vi", "Chị Trần Thị Thu Hà ở văn phòng luật giúp tôi.", "Trần Thị Thu Hà", ["văn phòng luật"]),
    (
        "vi",
        "tôi gặp thẩm phán tran van long hai lần ở tòa.",
        "tran van long",
        ["thẩm phán", "hai lần", "tòa"],
    ),
    ("vi", "Vũ Đức Thắng đánh tôi ba tháng liền.", "Vũ Đức Thắng", ["ba tháng"]),
    # Arabic names of two or three parts, with al-, bin, ibn, abu and the article attached
    ("ar", "الضابط أحمد العلي قال إنها مشكلة عائلية.", "أحمد العلي", ["الضابط", "مشكلة عائلية"]),
    (
        "ar",
        "القاضي محمد بن سلمان الحربي لم يسمعني.",
        "محمد بن سلمان الحربي",
        ["القاضي", "لم يسمعني"],
    ),
    (
        "ar",
        "المحامية فاطمة عبد الله الزهراني ساعدتني في المحكمة.",
        "فاطمة عبد الله الزهراني",
        ["المحامية", "المحكمة"],
    ),
    ("ar", "زوجي السابق خالد ابن الوليد يتصل بي كل ليلة.", "خالد ابن الوليد", ["يتصل بي كل ليلة"]),
    ("ar", "الدكتورة ليلى بنت سعيد في المستشفى كتبت تقريرا.", "ليلى بنت سعيد", ["المستشفى"]),
    ("ar", "المحقق سامي الخطيب أخذ أقوالي.", "سامي الخطيب", ["المحقق", "أخذ أقوالي"]),
    ("ar", "عبدالرحمن القحطاني هددني أمام الأطفال.", "عبدالرحمن القحطاني", ["هددني", "الأطفال"]),
    # Somali three-part names
    (
        "so",
        "Sarkaal Maxamed Cali Xasan ayaa igu yiri waa arrin qoys.",
        "Maxamed Cali Xasan",
        ["Sarkaal", "arrin qoys"],
    ),
    (
        "so",
        "Faadumo Cumar Jaamac oo ahayd turjumaanka ayaa i caawisay.",
        "Faadumo Cumar Jaamac",
        ["turjumaanka"],
    ),
    ("so", "ninkaygii maxamed cali wuxuu i qabsaday.", "maxamed cali", ["wuxuu i qabsaday"]),
    # Hmong clan names with given names, and alone at the start of a sentence
    ("hmn", "Kuv tus txiv Tou Xiong ntaus kuv.", "Tou Xiong", ["ntaus kuv"]),
    ("hmn", "Vang tsis mloog kuv hais.", "Vang", ["tsis mloog"]),
    (
        "hmn",
        "Kws txiav txim Mai Yer Thao muab cov me nyuam rau nws.",
        "Mai Yer Thao",
        ["cov me nyuam"],
    ),
    ("hmn", "kuv tus txiv yog nou lee, nws ntaus kuv.", "nou lee", ["ntaus kuv"]),
    (
        "hmn",
        "Seng Hang, Sai Khang, Kia Vu thiab Lue Lo tsis pab kuv.",
        "Seng Hang Sai Khang Kia Vu Lue Lo",
        ["tsis pab kuv"],
    ),
    ("hmn", "Neng Cha, Xee Fang thiab Tong Pha tuaj.", "Neng Cha Xee Fang Tong Pha", ["tuaj"]),
    (
        "hmn",
        "Kuv tus kws lij choj Mee Vang Xiong pab kuv heev.",
        "Mee Vang Xiong",
        ["kws lij choj"],
    ),
    # Spanish double surnames and compound given names
    (
        "es",
        "El oficial José Luis Hernández Gómez me dijo que no era grave.",
        "José Luis Hernández Gómez",
        ["oficial"],
    ),
    (
        "es",
        "La jueza María de los Ángeles García López le dio la custodia a él.",
        "María Ángeles García López",
        ["jueza", "custodia"],
    ),
    ("es", "mi esposo jorge luis me quitó el celular.", "jorge luis", ["me quitó el celular"]),
    (
        "es",
        "Rodríguez Martínez me amenazó enfrente del juzgado.",
        "Rodríguez Martínez",
        ["juzgado"],
    ),
    # English: hyphens, apostrophes, particles, suffixes
    (
        "en",
        "The interpreter, Nguyen Van Minh, skipped half of it.",
        "Nguyen Van Minh",
        ["interpreter"],
    ),
    (
        "en",
        "Sgt. Mary-Kate O'Donnell said it was my fault.",
        "Mary-Kate O'Donnell Mary Kate Donnell",
        ["said it was my fault"],
    ),
    ("en", "Mohammed Al-Hassan from the mosque drove me.", "Mohammed Al-Hassan Hassan", ["mosque"]),
    ("en", "My ex Jamal Washington Jr. keeps calling.", "Jamal Washington Jr", ["keeps calling"]),
    # Third pass (development quotes in eval/dev/*.json): possessives, a comma after a
    # title, a name given as "last name is", a kunya, a particle joined by a hyphen, a name
    # before the Somali focus marker, Hmong names that open with Nkauj, a Latin given name
    # before a Chinese surname.
    ("en", "my ex mike's brother kept showing up", "mike", ["my ex", "'s brother"]),
    ("en", "Tanya's mom let him in the building", "Tanya", ["'s mom"]),
    ("en", "the nurse, Kayleigh, took pictures of my bruises", "Kayleigh", ["the nurse, "]),
    ("en", "her last name is Lindqvist, she is at the DA's office", "Lindqvist", ["DA's office"]),
    ("en", "my ex boyfriend jason r. still has a key", "jason r", ["still has a key"]),
    ("en", "his mom Linda and sister Crystal keep texting me", "Linda Crystal", ["and sister"]),
    ("en", "Dre and his cousin Tay came by at 3am", "Dre Tay", ["and his cousin"]),
    ("es", "Osmin y su hermano Wilmer me amenazaron", "Osmin Wilmer", ["y su hermano"]),
    ("so", "Amaan ma dareemin, Warfaa ayaa turjumaan ahayd", "Warfaa", ["Amaan", "turjumaan"]),
    ("vi", "chồng tôi là ngô văn tài, anh ta bị bắt 3 ngày", "ngô văn tài", ["bị bắt", "3 ngày"]),
    ("ar", "الشرطي أبو خالد قال لي ارجعي لبيتك", "أبو خالد", ["الشرطي", "ارجعي"]),
    ("ar", "my ex Abu Hamza al-Tamimi took my passport", "Abu Hamza al-Tamimi", ["passport"]),
    ("ar", "ضابط الشرطة اسمه مايكل جونسون ما صدقني", "مايكل جونسون", ["ضابط الشرطة اسمه"]),
    ("ar", "الدكتور عمر الفاروق كتب تقرير بالمستشفى", "عمر الفاروق", ["الدكتور", "تقرير"]),
    ("ar", "القاضية سوزان ما سمحت لي أحكي", "سوزان", ["القاضية"]),
    (
        "hmn",
        "Nkauj Iab Hang thiab Maiv Xee Vue yog kuv cov phooj ywg",
        "Nkauj Iab Hang Maiv Xee Vue",
        ["phooj ywg"],
    ),
    ("hmn", "kuv hais rau ntxhi moua tias kuv ntshai", "ntxhi moua", ["ntshai"]),
    ("zh", "Jenny陈是社工，她很好", "Jenny 陈", ["是社工"]),
    ("zh", "我的移民律师是刘静，她帮我办了U签证", "刘静", ["移民律师是", "U签证"]),
    ("en", "Jerome Pettaway Sr. is the one who hurt me", "Jerome Pettaway Sr", ["hurt me"]),
    ("es", "el papá de mis hijos, Rigo, tiene orden de restricción", "Rigo", ["orden"]),
    ("vi", "bác sĩ Trương Mỹ Lan khám cho tôi", "Trương Mỹ Lan", ["bác sĩ", "khám"]),
    ("so", "walaalkay yusuf iyo saaxiibkiis abdi ayaa i caawiyay", "yusuf abdi", ["saaxiibkiis"]),
    ("ar", "المرشدة الاجتماعية دانة القاسم ساعدتني", "دانة القاسم", ["المرشدة الاجتماعية"]),
    ("ar", "حماي الحاج مصطفى كان يدافع عنه", "مصطفى", ["حماي الحاج"]),
    ("zh", "他叫我去他朋友阿辉家里", "阿辉", ["朋友", "家里"]),
    ("zh", "警察Officer Brown来了只问了五分钟", "Brown", ["警察Officer", "五分钟"]),
    (
        "hmn",
        "kuv tus txiv nyiaj lis hais tias yuav muab kuv xa rov qab",
        "nyiaj lis",
        ["hais tias"],
    ),
    ("en", "Grace from the church food shelf prayed with me", "Grace", ["from the church"]),
    ("hmn", "Vaj Neeb Xyooj yog tus ntaus kuv", "Vaj Neeb Xyooj", ["ntaus kuv"]),
    ("hmn", "Txiv Neeb Chong Her hais tias kuv yuav tsum", "Chong Her", ["Txiv Neeb"]),
]


def _remains(part: str, out: str, language: str) -> bool:
    if language == "zh":
        return part in out
    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", out, re.IGNORECASE) is not None


@pytest.mark.parametrize(("language", "text", "name", "kept"), NAME_SHAPES)
def test_no_part_of_a_name_remains(language: str, text: str, name: str, kept: list[str]) -> None:
    out = redact(text, language)
    for part in name.split():
        assert not _remains(part, out, language), (part, out)
    assert PLACEHOLDER in out
    # One name, one placeholder: nothing but a particle or a comma between two of them.
    assert not re.search(r"\[name\]\s+(?!(?:and|y|thiab|و|iyo)\s)[^\W\d_]+\s+\[name\]", out), out
    for word in kept:
        assert word in out, (word, out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("王警官说这是家务事。", "[name]警官说这是家务事。"),
        ("李法官没有听我说话。", "[name]法官没有听我说话。"),
        ("张伟说他会处理。", "[name]说他会处理。"),
        ("警察陈志强来了以后只跟我丈夫说话。", "警察[name]来了以后只跟我丈夫说话。"),
        ("警官王说要等。", "警官[name]说要等。"),
        ("我前夫刘建国经常打我。", "我前夫[name]经常打我。"),
        ("欧阳娜娜律师帮我申请了保护令。", "[name]律师帮我申请了保护令。"),
        ("我前夫叫张伟，他现在还在找我。", "我前夫叫[name]，他现在还在找我。"),
        ("Officer Smith和周警官都不懂中文。", "Officer [name]和[name]警官都不懂中文。"),
        ("我告诉了王芳和赵磊，他们帮我报了警。", "我告诉了[name]和[name]，他们帮我报了警。"),
        ("我去找刘强，他说警察不管。", "我去找[name]，他说警察不管。"),
        ("我和孙子住在一起，他给钱了。", "我和孙子住在一起，他给钱了。"),
        ("我的邮箱是wangfang1988@163.com。", "我的邮箱是[email]。"),
    ],
)
def test_chinese_names_leave_no_character_behind(text: str, expected: str) -> None:
    assert redact(text, "zh") == expected


@pytest.mark.parametrize(
    ("language", "text", "gone", "kept"),
    [
        ("en", "Call me at (651)555-0123 or 651 555 0123, not at work.", ["555"], ["not at work"]),
        ("ar", "رقم هاتفه ٠٥٠١٢٣٤٥٦٧ وهو يعرف عنواني.", ["٠٥٠١٢٣٤٥٦٧"], ["يعرف عنواني"]),
        ("zh", "我住在长安街88号3单元，电话138-0013-8000。", ["长安街", "88", "8000"], ["我住在"]),
        ("vi", "Tôi ở số 45 đường Lê Lợi, quận 1.", ["45", "Lê", "Lợi"], ["Tôi ở"]),
        (
            "es",
            "Vivíamos en Calle Juárez 123, y él todavía pasa.",
            ["Juárez", "123"],
            ["todavía pasa"],
        ),
        ("ar", "كنا نسكن في شارع النيل رقم ١٢ في القاهرة.", ["النيل", "١٢"], ["القاهرة"]),
        ("so", "Wuxuu deggan yahay 1820 Riverside Ave.", ["1820", "Riverside"], ["deggan yahay"]),
        ("hmn", "Kuv nyob 1234 Arcade St hauv St. Paul.", ["1234", "Arcade"], ["St. Paul"]),
        ("en", "My date of birth is 04/12/1990.", ["04/12/1990"], ["My date of birth"]),
        ("es", "Nací el 3 de marzo de 1985.", ["1985", "marzo"], ["Nací el"]),
        ("zh", "出生日期1988年3月14日。", ["1988", "14日"], ["出生日期"]),
        ("ar", "ولدت في 3 مارس 1988 في دمشق.", ["1988", "مارس"], ["دمشق"]),
        ("en", "My A-number is A 123 456 789.", ["123", "456", "789"], ["My A-number is"]),
        ("es", "mi número A es A-098-765-432.", ["098", "765", "432"], ["mi número A"]),
        ("so", "lambarka kiiska waa 27-CR-22-1234.", ["27-CR", "1234"], ["lambarka kiiska"]),
        ("vi", "Số hồ sơ của tôi là HS-2021-0087 ở tòa án.", ["HS-2021", "0087"], ["tòa án"]),
        ("hmn", "rooj plaub naj npawb 62-CR-21-555.", ["62-CR", "555"], ["rooj plaub"]),
        (
            "en",
            "The family court case 62-FA-19-3344 dragged on.",
            ["62-FA", "3344"],
            ["family court case"],
        ),
        # Third pass: numbers written against Chinese or in groups after a case word, every
        # group of a court number, and addresses in the order people write them.
        ("zh", "移民局的人说我的A号码是A205 118 907", ["205", "118", "907"], ["移民局"]),
        ("zh", "案件号码是CR-2023-5567，法官一直延期", ["2023", "5567"], ["案件号码是", "法官"]),
        ("vi", "số hồ sơ tòa là 30-2023-FL-0456", ["30-", "0456"], ["số hồ sơ tòa là"]),
        ("es", "numero A 076 543 219, me lo pidio el abogado", ["076", "543", "219"], ["abogado"]),
        ("vi", "hồ sơ di trú A# 214 556 778", ["214", "556", "778"], ["hồ sơ di trú"]),
        ("es", "vivo en el 2205 de la avenida Central, depto 7", ["2205", "Central"], ["vivo en"]),
        ("hmn", "peb tsev nyob 872 Arcade St, St Paul", ["872", "Arcade"], ["St Paul"]),
        (
            "so",
            "guriga wuxuu ku yaallay 2100 Riverside Ave",
            ["2100", "Riverside"],
            ["guriga wuxuu"],
        ),
        ("zh", "他住在法拉盛缅街41-25号", ["缅街", "41", "25号"], ["法拉盛"]),
        ("ar", "ساكنة في 1450 شارع ميشيغان ديربورن", ["1450", "ميشيغان"], ["ديربورن"]),
        ("en", "we were at 1702 W Broadway when he came", ["1702", "Broadway"], ["when he came"]),
        ("zh", "我住在皇后区Main St 136-20号", ["Main", "136", "20号"], ["皇后区"]),
        ("es", "calle 5 de Mayo #214, ahí vivíamos", ["Mayo", "214"], ["ahí vivíamos"]),
        ("hmn", "peb nyob 550 Maryland Ave E", ["550", "Maryland", " E"], ["peb nyob"]),
        ("vi", "toi sinh nam 1990, ngay 14 thang 2", ["14 thang 2"], ["toi sinh"]),
        ("zh", "我的案子编号是22FL01234", ["22FL01234"], ["我的案子编号是"]),
        ("es", "vivíamos en la 3a avenida 1520, en Los Angeles", ["1520"], ["Los Angeles"]),
        ("ar", "عنوانه الجديد 7740 ميشيغان أفنيو", ["7740", "ميشيغان"], ["عنوانه الجديد"]),
    ],
)
def test_contact_and_identity_details(
    language: str, text: str, gone: list[str], kept: list[str]
) -> None:
    out = redact(text, language)
    for piece in gone:
        assert piece not in out, (piece, out)
    for word in kept:
        assert word in out, (word, out)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Cities, role words, 911, durations and months without a day all stay.
        (
            "en",
            "In March the officer came back, and 911 kept me on hold for 20 minutes in Houston.",
        ),
        ("en", "I went to 3 court dates and waited 2 blocks down the street."),
        ("es", "En marzo llamé al 911 desde San José y el fiscal tardó dos horas."),
        ("vi", "Tôi gọi 911 vào tháng ba ở thành phố Hồ Chí Minh, cảnh sát chờ hai tiếng."),
        ("zh", "我3月份报警，警察说要等三个月，在休斯顿也是这样。"),
        ("ar", "اتصلت بالشرطة في مارس وانتظرت ثلاثة أشهر والقاضي رفض الشكوى."),
        ("ar", "زوجي اعتدى علي أمام الأطفال ولم أكن آمنة."),
        ("so", "Booliska Minneapolis waxay yimaadeen saddex saac kadib, bishii Maarso."),
        ("hmn", "Kuv hu 911 thaum lub peb hlis, tub ceev xwm tos ob teev hauv St. Paul."),
        # Everyday words that are also listed names, and languages after an interpreter.
        ("en", "When I called 911 the dispatcher hung up on me."),
        ("en", "Long ago I stopped trusting the Sheriff's Office."),
        ("vi", "Mai tôi phải đi gặp luật sư ở Houston."),
        ("zh", "法院没有中文翻译，我听不懂。"),
        ("zh", "高中老师打了电话。"),
        ("ar", "كنت بحسن نية وأريد السلامة لأطفالي، والحكم كان عادل."),
        ("ar", "الإيمان والمسجد ساعداني، وكان عندي أمل."),
        ("ar", "الحياة صعبة والسلام مهم، وحياة ابني في خطر."),
        ("so", "Maxkamadda turjumaan Soomaali ah ma lahayn."),
        ("vi", "Tôi sang Hoa Kỳ năm 2010."),
        ("vi", "Bảo lãnh xong anh ta về nhà ngay, Tâm lý tôi rất hoảng sợ."),
        ("vi", "Nam giới thường không bị hỏi."),
        ("es", "Dolores de cabeza todos los días. Esperanza es lo único que me queda."),
        # Third pass: "ene" inside "tiene" is no month, a city after St is no street, Somali
        # words that are also names (advice, easy), a city before "oo" or after a court word,
        # "the father of my children", a name slot left empty.
        ("es", "mi hija tiene 7 años y la escuela no dijo nada"),
        ("hmn", "Kuv mus rau lub tsev hais plaub hauv St Paul 3 zaug"),
        ("so", "nasteexo ayaan ka helay odayaasha, laakiin ma ahayn sahal"),
        ("so", "waxaan tagay Minneapolis oo aan ka helay shelter"),
        ("so", "maxkamadda Columbus ayaa ii garab istaagtay"),
        ("ar", "أبو ولادي ضربني قدام الجيران"),
        ("en", "her name is on the lease, not his"),
        ("en", "the officer, who was rude, left after 10 minutes"),
        ("zh", "在纽约住了三年，警察来了三次，五月才去法院"),
        ("vi", "toi di o van phong luat su va giup toi lam don."),
        ("en", "they gave me a grace period. Grace period ended in May."),
        ("hmn", "kuv tus txiv tsis lis ua li cas"),
    ],
)
def test_what_is_not_an_identifier_stays(language: str, text: str) -> None:
    assert redact(text, language) == text


def test_the_words_before_a_case_number_stay() -> None:
    assert redact("Case number 2023-CR-00412 was closed") == "Case number [case number] was closed"


def test_a_verb_first_arabic_sentence_keeps_its_object() -> None:
    assert redact("قدم أحمد الشكوى إلى المحكمة.", "ar") == "قدم [name] الشكوى إلى المحكمة."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("القاضي عادل لم يسمعني.", "القاضي [name] لم يسمعني."),
        ("يوسف منصور ضربني.", "[name] ضربني."),
        ("المحقق سامي الخطيب أخذ أقوالي.", "المحقق [name] أخذ أقوالي."),
    ],
)
def test_an_arabic_name_that_is_also_a_word_is_a_name_beside_a_title_or_name(
    text: str, expected: str
) -> None:
    """ "عادل" (fair), "منصور" (victorious), "الخطيب" (the fiancé) stay as words on their own."""
    assert redact(text, "ar") == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("hmn", "Thaum Tou Vang hu kuv.", "Thaum [name] hu kuv."),
        ("en", "Yesterday Maria called CPS.", "Yesterday [name] called CPS."),
        ("so", "Markii Maxamed yimid booliska.", "Markii [name] yimid booliska."),
        ("es", "Brayan Cruz, mi ex, sale libre.", "[name], mi ex, sale libre."),
    ],
)
def test_an_unlisted_word_opening_the_sentence_goes_with_the_name_unless_ordinary(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "MY HUSBAND JOHN HIT ME AND THE POLICE DID NOTHING",
            "MY HUSBAND [name] HIT ME AND THE POLICE DID NOTHING",
        ),
        ("en", "OFFICER KOWALCZYK ARRESTED ME", "OFFICER [name] ARRESTED ME"),
        ("en", "Officer Diaz Laughed At Us And Left", "Officer [name] Laughed At Us And Left"),
        ("es", "EL OFICIAL NO ME AYUDO", "EL OFICIAL NO ME AYUDO"),
    ],
)
def test_a_quote_typed_in_capitals_loses_the_name_not_the_sentence(
    language: str, text: str, expected: str
) -> None:
    assert redact(text, language) == expected


# Second pass: names no title or capital marks, and the false alarms those rules must avoid.
@pytest.mark.parametrize(
    ("text", "language", "gone", "kept"),
    [
        # A run of listed names typed in lower case, with no title before it.
        ("waxaan u sheegay hooyada faadumo xasan", "so", ["faadumo", "xasan"], ["hooyada"]),
        ("chồng cũ tôi tên nguyen thanh tam", "vi", ["nguyen", "thanh", "tam"], ["chồng cũ"]),
        ("mi ex se llama jose luis hernandez", "es", ["jose", "luis", "hernandez"], ["mi ex"]),
        # One listed name after a word that marks a person.
        ("le dije todo a lupita y llamó a la policía", "es", ["lupita"], ["policía"]),
        # A capitalised word joined to a found name.
        ("Brayan y Kevin Morales me siguen", "es", ["Brayan", "Kevin", "Morales"], ["siguen"]),
        ("Phuong voi Duc di cung toi ra toa", "vi", ["Phuong", "Duc"], ["toa"]),
        # A Latin name written against Chinese, every part of it.
        ("我的律师Jennifer Wu说移民申请要等很久", "zh", ["Jennifer", "Wu"], ["律师", "移民"]),
        # A second Arabic title after a first; an Arabic street name after شارع.
        ("إمام الجامع الشيخ حسن ساعدني", "ar", ["حسن"], ["إمام", "الجامع"]),
        ("أنا ساكنة في 4410 شارع وارن في ديربورن", "ar", ["4410", "وارن"], ["ديربورن"]),
        # "número es" before a phone number is not a house number.
        ("Mi número es 713-555-0148", "es", ["713-555-0148"], ["número"]),
        # Someone named beside "me"; a nickname with 阿; a name after a kinship word with a
        # possessive ending; و on a name standing alone.
        ("me and tasha went to family court", "en", ["tasha"], ["family court"]),
        # An honorific only ever comes before a name, in any case.
        ("mi suegra doña lucha lo defendía", "es", ["lucha"], ["suegra doña", "lo defendía"]),
        ("ms okafor from cps came", "en", ["okafor"], ["from cps came"]),
        ("我老公的朋友阿强一直跟踪我", "zh", ["阿强"], ["朋友", "跟踪"]),
        ("أختي نور وزوجها سعيد خبوني", "ar", ["نور", "سعيد"], ["أختي", "وزوجها"]),
        ("والشرطة ما سوت شي، وأحمد ظل يهددني", "ar", ["أحمد"], ["والشرطة", "يهددني"]),
        # Third pass: two people, each name whole.
        (
            "ông bà nội của con là Lý Văn Sơn và Hồ Thị Mai",
            "vi",
            ["Lý", "Văn", "Sơn", "Hồ", "Thị", "Mai"],
            ["ông bà nội"],
        ),
        ("ناصر وأخوه طارق لحقوني لحد المسجد", "ar", ["ناصر", "طارق"], ["وأخوه", "المسجد"]),
        # A second title among the words taken along after a name.
        (
            "my ex carlos and his brother luis both have warrants",
            "en",
            ["carlos", "luis"],
            ["and his brother", "warrants"],
        ),
        ("My bf Marco's mom called CPS on me", "en", ["Marco"], ["'s mom called CPS on me"]),
    ],
)
def test_unmarked_names(text: str, language: str, gone: list[str], kept: list[str]) -> None:
    out = redact(text, language)
    for word in gone:
        assert word not in out, (word, out)
    for word in kept:
        assert word in out, (word, out)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("fui a la corte con mi hermana y mi mamá", "es"),
        ("le pedí ayuda a dios y a la iglesia", "es"),
        ("I moved to Dallas and Houston after that", "en"),
        ("waxaan u sheegay booliska iyo garsooraha", "so"),
        ("kuv mus nrog kuv niam thiab txiv rau tsev hais plaub", "hmn"),
        ("toi di voi con va chong toi toi toa", "vi"),
        ("رقمي ٠٧٧٠ وعنواني حي الأندلس", "ar"),
        ("الحمد لله والله العظيم", "ar"),
        ("我阿姨带我去了阿拉伯餐馆", "zh"),
        ("me and my kids left that night", "en"),
        ("me and faith in God kept me going", "en"),
        # Somali words that are also names, opening a sentence: "I needed", peace.
        ("Ayaan u baahnaa caawimaad", "so"),
        ("Nabad ma haysto guriga", "so"),
        # Arabic words that are also names, with no name beside them; كريم is not ك + ريم.
        ("كان كريم معي القاضي", "ar"),
        ("ما حسيت بالأمان ولا فيه أمان، بس عندي إيمان", "ar"),
    ],
)
def test_unmarked_name_rules_leave_ordinary_words(text: str, language: str) -> None:
    assert PLACEHOLDER not in redact(text, language)


@pytest.mark.parametrize(
    ("text", "language", "gone", "kept"),
    [
        (
            "Sarkaal Cabdi Booliska Minneapolis ayaa i caawiyay",
            "so",
            "Cabdi",
            "Booliska Minneapolis",
        ),
        ("Hodan Shelter-ka ayaa i qaabilay", "so", "Hodan", "Shelter-ka"),
        ("Dhakhtarka Cali Isbitaalka Hennepin", "so", "Cali", "Isbitaalka Hennepin"),
        ("My advocate Maria Legal Aid helped", "en", "Maria", "Legal Aid helped"),
        ("chị Lan Bệnh viện Chợ Rẫy", "vi", "Lan", "Bệnh viện"),
        ("la fiscal Ruiz Fiscalía de Houston", "es", "Ruiz", "Fiscalía de Houston"),
        ("Xaliimo Waddada Lake", "so", "Xaliimo", "Waddada"),
    ],
)
def test_a_name_ends_at_an_agency_or_street_word(
    text: str, language: str, gone: str, kept: str
) -> None:
    """Over-removal beside a name: the agency, place or street after it stays."""
    out = redact(text, language)
    assert gone not in out, out
    assert kept in out, out


def test_development_quotes_meet_the_targets_in_every_language() -> None:
    """The quotes in eval/dev/*.json (written to find gaps, so they flatter the patterns) stay
    at or above the issue's targets: a rule that breaks one shape shows here first."""
    from eval.score import TARGET_KEPT, TARGET_REMOVED, load, score_redaction

    tallies = score_redaction(load(Path(__file__).parent.parent / "eval" / "dev"), quote_text)
    assert set(tallies) == {"en", "es", "so", "vi", "zh", "ar", "hmn"}
    for language, tally in tallies.items():
        assert tally.parts >= 40, language
        assert (tally.removal or 0) >= TARGET_REMOVED, (language, tally.leaks)
        assert tally.fragments <= 1, (language, tally.leaks)
        assert (tally.keeping or 0) >= TARGET_KEPT, (language, tally.lost)


@pytest.mark.parametrize(
    ("text", "language", "gone"),
    [
        # A lower-case given name after a verb of speech or contact…
        ("i called latrice and she came", "en", ["latrice"]),
        ("i told jaylen everything", "en", ["jaylen"]),
        ("texted keisha to come get me", "en", ["keisha"]),
        ("talked to tasha about it", "en", ["tasha"]),
        ("i was staying with shaniqua after that", "en", ["shaniqua"]),
        # …or before what a person does, also opening the quote.
        ("then marcus showed up drunk", "en", ["marcus"]),
        ("antwan was arrested but out the same night", "en", ["antwan"]),
        ("reggie and his friend came to my job", "en", ["reggie"]),
        # After a relationship word typed the phone way.
        ("my bd marquis took the kids", "en", ["marquis"]),
        ("he was with his boy terrell all night", "en", ["terrell"]),
        # A listed family name typed in lower case after a found name goes with it.
        ("my ex named kevin hill is still not served", "en", ["kevin", "hill"]),
        (
            "my daughter's father luis angel ramirez got deported",
            "en",
            ["luis", "angel", "ramirez"],
        ),
        ("hablé con lupita y luego yesenia me dijo que sí", "es", ["lupita"]),
        ("yesenia dijo que no", "es", ["yesenia"]),
        ("waxaan la hadlay hodan oo ah shaqaalaha", "so", ["hodan"]),
        ("sarkaalka booliska maxamed ayaa igu qeylyey", "so", ["maxamed"]),
        # A word that is a role only inside a longer title, between a joiner and a name.
        ("Nkauj Iab Hang thiab Tswv Vaj tuaj", "hmn", ["Tswv", "Vaj", "Iab"]),
    ],
)
def test_lower_case_names_marked_by_the_words_around_them(
    text: str, language: str, gone: list[str]
) -> None:
    out = redact(text, language)
    for word in gone:
        assert not re.search(rf"\b{word}\b", out), (word, out)
    assert PLACEHOLDER in out


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Names that are everyday words, after the same cues: they stay.
        ("i prayed with hope and grace every night", "en"),
        ("the bill was due and the mark was still on my arm", "en"),
        ("then frank talk with the advocate helped", "en"),
        ("i was treated with mercy at the hospital", "en"),
        ("the judge gave him probation and he was home by friday", "en"),
        ("i called the police and they came", "en"),
        ("told the cops and the da everything", "en"),
        # Somali theme words in their suffixed forms stay, before ayaa too.
        ("booliska ayaa yimid", "so"),
        ("booliskii ayaa yimid saacad kadib", "so"),
        ("maxkamadda ayaa dib u dhigtay kiiska", "so"),
        ("maxkamaddii waxay siisay amar ilaalin", "so"),
        ("isbitaalka ayaa ii diray hoyga haweenka", "so"),
        ("waxaan rabaa nabad iyo amaan, guul ayaa iman doonta", "so"),
        ("la rosa fue lo único que me quedó", "es"),
    ],
)
def test_words_around_a_name_do_not_make_ordinary_words_names(text: str, language: str) -> None:
    assert redact(text, language) == text


def test_a_title_after_a_joiner_stays_when_it_is_a_title_of_its_own() -> None:
    # Only "Xwm" touches the name, and it follows "Ceev", not the joiner: the police stay.
    assert redact("Tou thiab Tub Ceev Xwm Vang", "hmn") == "[name] thiab Tub Ceev Xwm [name]"
