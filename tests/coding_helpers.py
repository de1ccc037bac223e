"""What the coding tests share: the points a matcher suggests for a text, counted as the
evaluation counts them (``eval/score.py``): a point is suggested when any sentence gets a
code of that point."""

from __future__ import annotations

from intake.analysis.coding import Matcher


def suggested_points(matcher: Matcher, text: str, language: str, question: str = "") -> set[str]:
    """The points of intervention suggested for ``text`` (codes without a point left out)."""
    point_of = {code.key: code.intervention for code in matcher.codes}
    return {
        point
        for excerpt in matcher.excerpts(text, language, question)
        for code in excerpt.codes
        if (point := point_of.get(code)) is not None
    }
