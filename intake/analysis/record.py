"""A response's analysis record: what themes need from it, in one piece.

Themes need every answer of every response. Read field by field, that is an AES-GCM
decryption and a JSON value per question (~30 per response), and free text must be coded
again at every unlock. But at submission the server holds the answers in plaintext for a
moment anyway (it is sealing them), so it also writes, once:

- all the answers, as one JSON object, and
- the codes the current codebook suggests for each free-text answer (sentence spans,
  codes, highlighted words), tagged with the codebook's fingerprint.

``responses.store_response`` seals this under the response's own data key, beside the
fields (which stay the response of record: detail pages and exports read them). It is
shredded with the epoch like everything else sealed under that key. Suggested coding made
with another codebook (or another matcher revision) is simply worked out again at unlock.

The plaintext format is ``intake.record_format`` (below this package, so storing a response
never imports the analysis); this module works out the suggestions, and
``code_at_submission`` is what the app passes to ``store_response`` to have them sealed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from ..questionnaires.definition import Definition
from ..questionnaires.types import TextQuestion
from ..record_format import RECORD_FORMAT, MalformedRecord, SuggestedCoding, build, parse
from . import codebook as codebook_module
from .codebook import Codebook
from .coding import ExcerptData, excerpts_to_data, fingerprint_of, matcher_for

__all__ = [
    "RECORD_FORMAT",
    "MalformedRecord",
    "SuggestedCoding",
    "build",
    "code_at_submission",
    "coded_texts",
    "parse",
    "suggest",
]

log = logging.getLogger(__name__)

# Free text coded at submission, per response: typical responses (two or three short
# answers) are coded whole; a response answering every question at length has the rest
# coded at unlock. Coding costs about 0.07 ms per answer and 1 to 1.5 microseconds per
# character (shared development machine, busy), so this keeps it near 1 ms.
SUBMISSION_CHARACTERS = 1_000


def coded_texts(definition: Definition, values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(question key, text) of every free-text answer themes will code: the same rule as
    ``Aggregate.add`` (a text question with a non-blank answer)."""
    return [
        (question.key, value)
        for question in definition.questions
        if isinstance(question, TextQuestion)
        and isinstance(value := values.get(question.key), str)
        and value.strip()
    ]


def suggest(
    definition: Definition,
    values: Mapping[str, Any],
    language: str,
    codebook: Codebook,
    max_characters: int | None = None,
) -> SuggestedCoding | None:
    """The codebook's suggestions for this response's free text, or None if coding failed.

    Failing here must never cost the response: the suggestion is derived data, worked out
    again at unlock when it is missing. Nothing of the text is logged. With
    ``max_characters``, answers are coded in questionnaire order while their total length
    stays within it; the others are left out, and coded at unlock like any answer without
    sealed coding.
    """
    try:
        matcher = matcher_for(codebook)
        coded: dict[str, ExcerptData] = {}
        spent = 0
        for key, text in coded_texts(definition, values):
            if max_characters is not None:
                if spent + len(text) > max_characters:
                    continue  # a shorter answer further on may still fit
                spent += len(text)
            coded[key] = excerpts_to_data(matcher.excerpts(text, language, key))
        return fingerprint_of(codebook), coded
    except Exception:
        log.warning("suggested coding failed at submission; it will be done at unlock")
        return None


def code_at_submission(
    session: Session, definition: Definition, values: Mapping[str, Any], language: str
) -> SuggestedCoding | None:
    """The suggestions sealed with a new response, under the codebook in use (read in the
    submission's transaction). The app hands this to ``responses.store_response``.

    Bounded, so a submission never pays more than about a millisecond for coding
    (``bench/coding_bench.py``): free text beyond ``SUBMISSION_CHARACTERS`` is coded at
    unlock instead, with the same result."""
    try:
        codebook = codebook_module.current(session)
    except Exception:
        # A stored codebook that no longer parses (an old backup, a database writer) must
        # never cost a survivor her submission: the coding is simply done at unlock.
        log.warning("the codebook could not be read at submission; coding waits for unlock")
        return None
    return suggest(definition, values, language, codebook, SUBMISSION_CHARACTERS)
