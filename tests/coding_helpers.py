"""What the coding tests share: the points a matcher suggests for a text, counted by the
evaluation's own suggester (``eval.score.codebook_suggester``), so a test and ``make eval``
can never count a point differently."""

from __future__ import annotations

from eval.score import codebook_suggester
from intake.analysis.coding import Matcher


def suggested_points(matcher: Matcher, text: str, language: str, question: str = "") -> set[str]:
    """The points of intervention suggested for ``text`` (codes without a point left out)."""
    return codebook_suggester(matcher.codebook, matcher)(text, language, question)
