"""Coding at submission is bounded: free text beyond ``SUBMISSION_CHARACTERS`` is left to
the unlock, which codes it the same way, so the themes do not change."""

from __future__ import annotations

import datetime as dt

from intake.analysis import codebook as codebook_module
from intake.analysis import state as state_module
from intake.analysis.coding import Matcher
from intake.analysis.record import SUBMISSION_CHARACTERS, coded_texts, suggest
from intake.analysis.state import ThemeState
from intake.questionnaires.catalog import SHIPPED_DIR
from intake.questionnaires.definition import load_definition_text
from intake.questionnaires.types import TextQuestion
from intake.responses import OpenedResponse


def test_long_free_text_is_coded_at_unlock_with_the_same_result() -> None:
    definition = load_definition_text((SHIPPED_DIR / "survivor.json").read_text(encoding="utf-8"))
    texts = [q.key for q in definition.questions if isinstance(q, TextQuestion)]
    assert len(texts) >= 3
    story = "La policía vino y no me creyó. " * (SUBMISSION_CHARACTERS // 30)
    assert len(story) > SUBMISSION_CHARACTERS
    answers = {texts[0]: "El fiscal retiró los cargos.", texts[1]: story, texts[2]: "Mi hermana."}
    values = {q.key: answers.get(q.key) for q in definition.questions}
    cb = codebook_module.shipped()

    bounded = suggest(definition, values, "es", cb, SUBMISSION_CHARACTERS)
    whole = suggest(definition, values, "es", cb)
    assert bounded is not None
    assert whole is not None
    # The long story did not fit; the short answers before and after it did.
    assert set(bounded[1]) == {texts[0], texts[2]}
    assert set(whole[1]) == {key for key, _text in coded_texts(definition, values)}
    assert all(bounded[1][key] == whole[1][key] for key in bounded[1])

    def themes(suggested: object) -> list[list[object]]:
        state = ThemeState()
        opened = OpenedResponse(
            id="r1",
            questionnaire_version_id=1,
            provenance="self",
            submitted_month=dt.date(2026, 11, 1),
            language="es",
            answers=answers,
        )
        state_module._fold_in(state, opened, b"k" * 32, definition, suggested)  # type: ignore[arg-type]
        return [[tuple(e) for e in found] for found in state.excerpts(cb, Matcher(cb))]

    assert themes(bounded) == themes(whole) == themes(None)
    coded = {code for found in themes(bounded) for e in found for code in e[3]}  # type: ignore[attr-defined]
    assert "prosecution.unspecified" in coded  # the first answer
    assert any(code.startswith("police.") for code in coded)  # the story, coded at unlock
