"""Part-level check of the shipped codebook against the development set (eval/dev/).

    .venv/bin/python eval/dev/check.py            # precision/recall per language and point
    .venv/bin/python eval/dev/check.py --misses   # and every missed or extra point, to tune
    .venv/bin/python eval/dev/check.py --codebook old.json   # another codebook (before/after)

Which points of intervention are suggested for an answer: a point's words alone suggest it
(no dimension needed), and a court word yields to the family court in a sentence about
custody (``coding.YIELDS``), exactly as the evaluation counts them. This set is for
tuning patterns; the held-out evaluation corpus (eval/corpus/) is scored by eval/score.py
and must never be used to write patterns.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from intake.analysis.codebook import Codebook, parse, shipped
from intake.analysis.coding import Matcher

DEV = Path(__file__).resolve().parent
LANGUAGES = ("en", "es", "so", "vi", "zh", "ar", "hmn")


def points_hit(matcher: Matcher, text: str, language: str, question: str = "") -> set[str]:
    """The points of intervention suggested for ``text``: a point counts when any sentence
    gets a code of it (as the evaluation scores them; a point's words alone suggest it, and
    the answer's question, when it has one, is passed as eval/score.py passes it)."""
    point_of = {code.key: code.intervention for code in matcher.codes}
    return {
        point
        for excerpt in matcher.excerpts(text, language, question)
        for code in excerpt.codes
        if (point := point_of.get(code)) is not None
    }


def load(language: str) -> list[dict]:  # type: ignore[type-arg]
    data = json.loads((DEV / f"{language}.json").read_text(encoding="utf-8"))
    if data.get("language") != language:
        raise ValueError(f"{language}.json says its language is {data.get('language')!r}")
    return data["answers"]


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def main(show_misses: bool, codebook: Codebook) -> int:
    matcher = Matcher(codebook)
    total: Counter[str] = Counter()
    per_point: dict[str, Counter[str]] = {}
    print(f"{'lang':5} {'answers':>7} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>5} {'recall':>6}")
    for language in LANGUAGES:
        counts: Counter[str] = Counter()
        answers = load(language)
        for answer in answers:
            gold = set(answer["points"])
            found = points_hit(matcher, answer["text"], language, answer.get("question", ""))
            for point, outcome in (
                *((p, "tp") for p in gold & found),
                *((p, "fp") for p in found - gold),
                *((p, "fn") for p in gold - found),
            ):
                counts[outcome] += 1
                per_point.setdefault(point, Counter())[outcome] += 1
            if show_misses and gold != found:
                missed, extra = sorted(gold - found), sorted(found - gold)
                print(f"  {answer['id']}: missed {missed} extra {extra} | {answer['text']}")
        total.update(counts)
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        print(
            f"{language:5} {len(answers):7} {tp:4} {fp:4} {fn:4} "
            f"{ratio(tp, tp + fp):>5} {ratio(tp, tp + fn):>6}"
        )
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    print(f"{'all':5} {'':7} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):>5} {ratio(tp, tp + fn):>6}")
    print(f"\n{'point':22} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>5} {'recall':>6}")
    for point in sorted(per_point):
        c = per_point[point]
        print(
            f"{point:22} {c['tp']:4} {c['fp']:4} {c['fn']:4} "
            f"{ratio(c['tp'], c['tp'] + c['fp']):>5} {ratio(c['tp'], c['tp'] + c['fn']):>6}"
        )
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every wrong answer")
    parser.add_argument("--codebook", type=Path, help="a codebook JSON file (default: shipped)")
    args = parser.parse_args()
    chosen = (
        parse(json.loads(args.codebook.read_text(encoding="utf-8"))) if args.codebook else shipped()
    )
    sys.exit(main(args.misses, chosen))
