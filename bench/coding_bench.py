"""Coding at submission: what suggesting codes adds to storing one response.

    .venv/bin/python -m bench.coding_bench [responses per round] [rounds]

Stores the same responses through the real ``store_response``, in the same run and
interleaved round by round, without a coder (the baseline: fields and analysis record
sealed, no suggestions) and with the app's coder (``code_at_submission``: the codebook read
in the transaction, every free-text answer split and matched). Each round is rolled back,
so both sides write into the same database state. Three mixes: *typical* (the themes
benchmark's synthetic answers: most free-text questions empty, 1 to 3 sentences otherwise),
*stories* (two in five free-text questions answered with twelve sentences of everyday prose,
a quarter of them naming a point) and *heavy* (every free-text question answered with eight
sentences made only of codebook words: the worst case for matching).
Prints one JSON line: per mix, median milliseconds per response with and without coding,
the difference, the ratio, and whether the difference is within the 1 ms budget.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from intake import db
from intake.analysis.record import code_at_submission, coded_texts
from intake.app import create_app
from intake.questionnaires.catalog import definition_of, published_versions
from intake.questionnaires.types import TextQuestion
from intake.responses import store_response

from . import instance, synthetic

BUDGET_MS = 1.0


def _mixes(session: Any, count: int) -> dict[str, list[tuple[Any, Any, dict[str, Any], str]]]:
    rnd = random.Random(11)
    versions = [v for v in published_versions(session) if v.questionnaire.audience == "survivor"]
    version = versions[0]
    definition = definition_of(version)
    typical, heavy, stories = [], [], []
    for _ in range(count):
        language = rnd.choice(synthetic.LANGUAGES)
        answers = {q.key: synthetic._answer(rnd, q, language) for q in definition.questions}
        answers = {k: v for k, v in definition.prune(answers).items() if v is not None}
        typical.append((version, definition, answers, language))
        full = dict(answers)
        for question in definition.questions:
            if isinstance(question, TextQuestion):
                text = " ".join(synthetic._sentence(rnd, language) for _ in range(8))
                full[question.key] = text[: question.max_length]
        heavy.append((version, definition, definition.prune(full), language))
        told = dict(answers)
        for question in definition.questions:
            if isinstance(question, TextQuestion) and rnd.random() < 0.4:
                told[question.key] = _story(rnd, language)[: question.max_length]
        stories.append((version, definition, definition.prune(told), language))
    return {"typical": typical, "stories": stories, "heavy": heavy}


def _story(rnd: random.Random, language: str) -> str:
    """About twelve sentences of everyday prose, one in four naming a point and a
    dimension: how a long answer reads, rather than a string of codebook words."""
    return " ".join(
        synthetic._sentence(rnd, language)
        if rnd.random() < 0.25
        else rnd.choice(synthetic.EVERYDAY[language])
        for _ in range(12)
    )


def _round(session: Any, keystore: Any, items: list[Any], coder: Any) -> tuple[float, float]:
    """(wall, CPU) milliseconds per response for storing ``items``, then rolled back. CPU
    time is this process's own work, steady on a shared machine; wall time includes
    waiting for the database and for other processes."""
    wall, cpu = time.perf_counter(), time.process_time()
    for version, definition, answers, language in items:
        store_response(
            session, keystore, definition, version.id, answers, language, "self", coder=coder
        )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    session.rollback()
    return 1000 * wall / len(items), 1000 * cpu / len(items)


def _summary(plain: list[float], coded: list[float]) -> dict[str, Any]:
    base, with_coding = statistics.median(plain), statistics.median(coded)
    added = with_coding - base
    return {
        "store_ms": round(base, 3),
        "store_and_code_ms": round(with_coding, 3),
        "added_ms": round(added, 3),
        "ratio": round(with_coding / base, 3),
        "within_budget": added <= BUDGET_MS,
    }


def main(argv: list[str]) -> dict[str, Any]:
    count = int(argv[0]) if argv else 300
    rounds = int(argv[1]) if len(argv) > 1 else 5
    with tempfile.TemporaryDirectory() as workdir:
        inst = instance.prepare(Path(workdir))
        app = create_app(inst.config)
        with app.app_context():
            session = db.get_database().session()
            keystore = app.extensions["intake.keystore"]
            mixes = _mixes(session, count)
            out: dict[str, Any] = {"responses_per_round": count, "rounds": rounds}
            for name, items in mixes.items():
                _round(session, keystore, items[:20], code_at_submission)  # warm: matcher built
                _round(session, keystore, items[:20], None)
                plain, coded = [], []
                for _ in range(rounds):
                    plain.append(_round(session, keystore, items, None))
                    coded.append(_round(session, keystore, items, code_at_submission))
                texts = sum(len(coded_texts(d, a)) for _v, d, a, _l in items) / len(items)
                out[name] = {
                    "free_text_answers_per_response": round(texts, 2),
                    "cpu": _summary([p[1] for p in plain], [c[1] for c in coded]),
                    "wall": _summary([p[0] for p in plain], [c[0] for c in coded]),
                }
            session.close()
        app.extensions["intake.db"].dispose()
    return out


if __name__ == "__main__":
    sys.stdout.write(json.dumps(main(sys.argv[1:])) + "\n")
