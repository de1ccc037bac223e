"""The benchmark page's coding section is written from the run's own figures."""

from __future__ import annotations

from bench.run import coding_lines


def _mix(store: float, coded: float) -> dict[str, object]:
    return {
        "free_text_answers_per_response": 2.5,
        "cpu": {
            "store_ms": store,
            "store_and_code_ms": coded,
            "added_ms": coded - store,
            "ratio": coded / store,
        },
    }


def test_coding_section_has_a_row_per_mix_with_the_measured_figures() -> None:
    result = {
        "responses_per_round": 300,
        "rounds": 5,
        "typical": _mix(0.5, 0.7),
        "stories": _mix(0.6, 1.0),
        "heavy": _mix(0.6, 1.8),
    }
    lines = coding_lines(result)
    rows = [line for line in lines if line.startswith(("| typical", "| stories", "| heavy"))]
    assert rows == [
        "| typical | 2.5 | 0.50 | 0.70 | 0.20 | 1.40 |",
        "| stories | 2.5 | 0.60 | 1.00 | 0.40 | 1.67 |",
        "| heavy | 2.5 | 0.60 | 1.80 | 1.20 | 3.00 |",
    ]
    assert "## Coding at submission" in lines


def test_no_coding_section_without_figures() -> None:
    assert coding_lines(None) == []
