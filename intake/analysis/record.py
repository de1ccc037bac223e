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

This module only builds and parses the plaintext; sealing stays in ``intake.responses``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

import orjson

from ..questionnaires.definition import Definition
from ..questionnaires.types import TextQuestion
from .codebook import Codebook
from .coding import ExcerptData, excerpts_to_data, fingerprint_of, matcher_for

log = logging.getLogger(__name__)

RECORD_FORMAT = 1

# (fingerprint, question key -> excerpts) as sealed at submission.
SuggestedCoding = tuple[str, dict[str, ExcerptData]]


def _loads(plaintext: bytes) -> Any:
    """JSON as ``json.loads`` reads it. orjson reads a record in about half the time and
    reuses one string object per repeated key (fewer objects held over a reading of
    100,000); what it refuses and ``json`` accepts (NaN, integers beyond 64 bits) is read by
    ``json``, so no record that ``build`` wrote is ever turned away."""
    try:
        return orjson.loads(plaintext)
    except orjson.JSONDecodeError:
        return json.loads(plaintext)


class MalformedRecord(ValueError):
    """A record that decrypted but is not what ``build`` writes."""


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
    definition: Definition, values: Mapping[str, Any], language: str, codebook: Codebook
) -> SuggestedCoding | None:
    """The codebook's suggestions for this response's free text, or None if coding failed.

    Failing here must never cost the response: the suggestion is derived data, worked out
    again at unlock when it is missing. Nothing of the text is logged.
    """
    try:
        matcher = matcher_for(codebook)
        return fingerprint_of(codebook), {
            key: excerpts_to_data(matcher.excerpts(text, language, key))
            for key, text in coded_texts(definition, values)
        }
    except Exception:
        log.warning("suggested coding failed at submission; it will be done at unlock")
        return None


def build(values: Mapping[str, Any], suggested: SuggestedCoding | None) -> bytes:
    """The record's plaintext: every field's value (metadata too) and the suggestions."""
    content: dict[str, Any] = {"format": RECORD_FORMAT, "answers": dict(values)}
    if suggested is not None:
        content["coding"] = {"fingerprint": suggested[0], "texts": suggested[1]}
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def parse(plaintext: bytes) -> tuple[dict[str, Any], SuggestedCoding | None]:
    """(values by field key, suggested coding or None). ``MalformedRecord`` if the answers
    cannot be read; malformed coding is only dropped (it can be worked out again)."""
    try:
        content = _loads(plaintext)
    except ValueError as exc:
        raise MalformedRecord("not JSON") from exc
    if not isinstance(content, dict) or content.get("format") != RECORD_FORMAT:
        raise MalformedRecord("unknown format")
    answers = content.get("answers")
    if not isinstance(answers, dict):
        raise MalformedRecord("no answers")
    coding = content.get("coding")
    suggested: SuggestedCoding | None = None
    if (
        isinstance(coding, dict)
        and isinstance(coding.get("fingerprint"), str)
        and isinstance(coding.get("texts"), dict)
    ):
        suggested = (coding["fingerprint"], coding["texts"])
    return answers, suggested
