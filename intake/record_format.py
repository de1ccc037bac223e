"""The plaintext of a response's analysis record: what ``intake.responses`` seals and reads.

The record holds every answer of a response in one JSON object and, when the caller worked
them out, the codes the codebook suggested for its free text (see
``intake.analysis.record``, which explains why the record exists). The format lives here,
below the analysis package, so storing a response never imports the analysis: the suggested
coding is passed in by the caller, already made, as plain data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import orjson

RECORD_FORMAT = 1

# (fingerprint of the codebook and matcher, question key -> excerpts as plain lists).
SuggestedCoding = tuple[str, dict[str, list[list[Any]]]]


_BEYOND_64_BITS = 2**63
# A record ``build`` wrote with ``json`` says so: ``_loads`` reads it with ``json`` too.
_READ_WITH = "read_with"


class MalformedRecord(ValueError):
    """A record that decrypted but is not what ``build`` writes."""


def _loads(plaintext: bytes) -> Any:
    """JSON as ``json.loads`` reads it. orjson reads a record in about half the time and
    reuses one string object per repeated key (fewer objects held over a reading of
    100,000). What orjson would read otherwise is read by ``json``: a record it refuses
    (NaN, infinities), one ``build`` marked as written by ``json`` (an integer beyond 64
    bits, which orjson reads as a float), and a record of before that mark with such an
    integer among its answers. No record ``build`` wrote is turned away or read changed."""
    try:
        content = orjson.loads(plaintext)
    except orjson.JSONDecodeError:
        return json.loads(plaintext)
    if not isinstance(content, dict):
        return content
    if content.get(_READ_WITH) == "json":
        return json.loads(plaintext)
    answers = content.get("answers")
    if (
        isinstance(answers, dict)
        and float in set(map(type, answers.values()))  # rare: checked cheaply first
        and any(v.__class__ is float and abs(v) >= _BEYOND_64_BITS for v in answers.values())
    ):
        return json.loads(plaintext)
    return content


def _all_finite(values: Any) -> bool:
    """Whether no float in ``values`` (lists and objects looked into) is NaN or infinite."""
    for value in values:
        kind = value.__class__
        if kind is float:
            if not math.isfinite(value):
                return False
        elif kind is list:
            if not _all_finite(value):
                return False
        elif kind is dict and not _all_finite(value.values()):
            return False
    return True


def build(values: Mapping[str, Any], suggested: SuggestedCoding | None) -> bytes:
    """The record's plaintext: every field's value (metadata too) and the suggestions."""
    content: dict[str, Any] = {"format": RECORD_FORMAT, "answers": dict(values)}
    if suggested is not None:
        content["coding"] = {"fingerprint": suggested[0], "texts": suggested[1]}
    # orjson writes a record about ten times faster than ``json`` (a long answer's
    # suggestions cost 35 microseconds at every submission with ``json``). It would write NaN
    # and infinities as null, and refuses integers beyond 64 bits: those records (the answer
    # checks let none through) are written by ``json`` and marked so, and ``_loads`` reads
    # them with ``json``: nothing is changed or lost, at any depth.
    if _all_finite(values.values()):
        try:
            return orjson.dumps(content)
        except orjson.JSONEncodeError:
            pass
    content[_READ_WITH] = "json"
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
