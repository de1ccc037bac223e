"""Synthetic sealed responses for the themes benchmark, through the real sealing path.

Answers are drawn at random for every closed question; free text is built from the shipped
codebook's own words (so that coding has work to do) mixed with everyday sentences that no
code matches (so that emerging themes and uncoded text exist), in six languages. Fixed seed:
the same call gives the same data.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from sqlalchemy.orm import Session

from intake.analysis import codebook as codebook_module
from intake.analysis.record import code_at_submission
from intake.keystore import Keystore
from intake.questionnaires.catalog import definition_of, published_versions
from intake.questionnaires.types import (
    DateQuestion,
    MultipleChoice,
    NumberQuestion,
    ScaleQuestion,
    SingleChoice,
    TextQuestion,
)
from intake.responses import store_response

LANGUAGES = ("en", "es", "so", "ar", "vi", "zh")
EVERYDAY = {
    "en": ["The bus takes two hours to get to town.", "My sister watched the children.",
           "We need more support groups on weekends.", "Winter was very hard this year."],
    "es": ["El autobús tarda dos horas en llegar.", "Mi hermana cuidó a los niños.",
           "Necesitamos grupos de apoyo los fines de semana.", "El invierno fue muy duro."],
    "so": ["Baska wuxuu qaataa laba saacadood.", "Walaashay ayaa carruurta ilaalisay.",
           "Waxaan u baahanahay kooxo taageero.", "Jiilaalku aad buu u adkaa."],
    "ar": ["الحافلة تستغرق ساعتين.", "أختي اعتنت بالأطفال.",
           "نحتاج إلى مجموعات دعم في نهاية الأسبوع.", "كان الشتاء صعبا جدا."],
    "vi": ["Xe buýt mất hai giờ.", "Chị tôi trông các con.",
           "Chúng tôi cần thêm nhóm hỗ trợ.", "Mùa đông năm nay rất khó khăn."],
    "zh": ["公交车要两个小时。", "我姐姐帮我照顾孩子。", "我们需要更多的互助小组。", "今年冬天很难熬。"],
}  # fmt: skip


def _sentence(rnd: random.Random, language: str) -> str:
    cb = codebook_module.shipped()
    if rnd.random() < 0.5:
        return rnd.choice(EVERYDAY[language])
    point = rnd.choice(list(cb.interventions.values()))
    dimension = rnd.choice(list(cb.dimensions.values()))
    a = rnd.choice(point.patterns[language])
    b = rnd.choice(dimension.patterns[language])
    joiner = "" if language == "zh" else " "
    end = "。" if language == "zh" else "."
    return f"{a}{joiner}{b}{joiner}{rnd.randint(2, 9)}{end}"


def _answer(rnd: random.Random, question, language: str):  # type: ignore[no-untyped-def]
    if rnd.random() < 0.25:
        return None  # skipped
    if isinstance(question, MultipleChoice):
        values = [o.value for o in question.options]
        return sorted(set(rnd.sample(values, rnd.randint(1, min(3, len(values))))))
    if isinstance(question, SingleChoice):
        return rnd.choice([o.value for o in question.options])
    if isinstance(question, ScaleQuestion):
        return rnd.randint(question.minimum, question.maximum)
    if isinstance(question, NumberQuestion):
        return rnd.randint(question.minimum, min(question.maximum, 30))
    if isinstance(question, DateQuestion):
        return None
    if isinstance(question, TextQuestion):
        if rnd.random() < 0.6:
            return None  # most free-text questions are left empty
        text = " ".join(_sentence(rnd, language) for _ in range(rnd.randint(1, 3)))
        return text[: question.max_length]
    return None


def seal(
    session: Session,
    keystore: Keystore,
    count: int,
    seed: int = 7,
    audiences: Sequence[str] = ("survivor", "survivor", "advocate", "community_leader"),
) -> None:
    """Seal ``count`` responses and commit, in batches."""
    rnd = random.Random(seed)
    versions = {v.questionnaire.audience: v for v in published_versions(session)}
    for i in range(count):
        version = versions[rnd.choice(audiences)]
        definition = definition_of(version)
        language = rnd.choice(LANGUAGES)
        answers = {q.key: _answer(rnd, q, language) for q in definition.questions}
        answers = {k: v for k, v in definition.prune(answers).items() if v is not None}
        provenance = rnd.choice(("self", "self", "assisted"))
        store_response(
            session, keystore, definition, version.id, answers, language, provenance,
            coder=code_at_submission,
        )  # fmt: skip
        if i % 500 == 499:
            session.commit()
    session.commit()
