"""Redaction in every shipped language, against a corpus of tricky sentences.

``tests/data/redaction_corpus.json``: for each sentence, what must be gone (names, phones,
e-mails, addresses, dates of birth, case numbers) and what must survive (ordinary words, 911,
"3 children", a month on its own).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.redaction import quote_text, redact

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
