"""The evaluation scorer (eval/score.py) on tiny corpora whose scores are worked out by hand,
and the held-out evaluation corpus itself checked for shape."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from eval import score
from intake.analysis.codebook import Codebook, parse

# Words no real pattern contains, so only the hand-made codebooks below can match them.
# Every answer that mentions a point also says how it went, so that the answer is coded
# whether or not the matcher needs a dimension beside the point.
TINY = {
    "language": "en",
    "answers": [
        {"id": "a1", "text": "The zzcop made it zzworse.", "points": ["police"]},
        {"id": "a2", "text": "Went to a zzshelter, it was zzworse there", "points": ["housing"]},
        {"id": "a3", "text": "zzcop and zzshelter, both zzworse.", "points": ["police", "housing"]},
        {"id": "a4", "text": "Nothing to say really.", "points": []},
        {"id": "a5", "text": "A zzworse day, nothing else.", "points": []},
    ],
    "quotes": [
        {
            "id": "q1",
            "text": "Officer Diaz came to 12 Elm Street in Austin.",
            "identifiers": ["Diaz", "12", "Elm"],
            "keep": ["Officer", "Austin"],
        },
        {
            "id": "q2",
            "text": "Chị Nguyễn Thị Lan ở Houston.",
            "identifiers": ["Nguyễn", "Thị", "Lan"],
            "keep": ["Houston"],
        },
    ],
}


def tiny_corpora() -> dict[str, score.Corpus]:
    return {"en": score.parse_corpus(TINY, "tiny")}


def codebook(police: list[str], housing: list[str] | None) -> Codebook:
    interventions = {"police": {"label": {"en": "Police"}, "patterns": {"en": police}}}
    if housing is not None:
        interventions["housing"] = {"label": {"en": "Housing"}, "patterns": {"en": housing}}
    return parse(
        {
            "interventions": interventions,
            "dimensions": {
                "made_less_safe": {"label": {"en": "Less safe"}, "patterns": {"en": ["zzworse"]}}
            },
        }
    )


def test_a_codebook_that_finds_every_point_scores_one() -> None:
    perfect = score.codebook_suggester(codebook(["zzcop"], ["zzshelter"]))

    results = score.score_points(tiny_corpora(), perfect)

    assert results.overall.true_positive == 4
    assert results.overall.precision == 1.0
    assert results.overall.recall == 1.0
    assert results.by_language["en"].recall == 1.0
    assert results.by_point["police"].recall == 1.0
    assert results.by_point["housing"].recall == 1.0
    assert results.by_point["schools"].recall is None  # no gold: no figure, not a perfect one


def test_a_codebook_that_misses_a_point_loses_exactly_its_pairs() -> None:
    # Given a codebook with no housing at all
    results = score.score_points(
        tiny_corpora(), score.codebook_suggester(codebook(["zzcop"], None))
    )

    # Then, by hand: police found in a1 and a3 (2 right), housing missed in a2 and a3 (2 missed)
    assert (results.overall.true_positive, results.overall.false_negative) == (2, 2)
    assert results.overall.recall == 0.5
    assert results.overall.precision == 1.0
    assert results.by_point["housing"].recall == 0.0
    assert results.by_point["police"].recall == 1.0
    assert results.misses["en"] == ["a2: missed housing", "a3: missed housing"]


def test_a_greedy_pattern_lowers_precision() -> None:
    # "nothing" as a police word: a point is suggested on its own, so both a4 ("Nothing to
    # say really.") and a5 ("A zzworse day, nothing else.") get police wrongly
    results = score.score_points(
        tiny_corpora(), score.codebook_suggester(codebook(["zzcop", "nothing"], ["zzshelter"]))
    )

    assert results.overall.false_positive == 2
    assert results.overall.precision == pytest.approx(4 / 6)
    assert results.overall.recall == 1.0
    assert "a5: wrongly police" in results.misses["en"]


def test_the_shipped_codebook_is_what_runs_by_default() -> None:
    answer = {"id": "x1", "text": "zzcop zzworse", "points": []}
    corpora = {"en": score.parse_corpus({"language": "en", "answers": [answer]}, "x")}

    results = score.evaluate(corpora)

    assert results.overall.false_positive == 0  # the shipped codebook knows no "zzcop"


def replace_all(words: list[str], by: str = "[name]"):  # type: ignore[no-untyped-def]
    def redact(text: str, language: str) -> str:
        for word in words:
            text = text.replace(word, by)
        return text

    return redact


def test_a_redaction_that_removes_every_part_scores_one() -> None:
    redact = replace_all(["Diaz", "12 Elm Street", "Nguyễn Thị Lan"])

    tally = score.score_redaction(tiny_corpora(), redact)["en"]

    assert (tally.parts, tally.removed, tally.fragments) == (6, 6, 0)
    assert tally.removal == 1.0
    assert tally.clean_quotes == 2
    assert tally.keeping == 1.0


def test_a_name_part_left_beside_a_placeholder_is_a_leak_and_a_fragment() -> None:
    # The middle name survives between two placeholders: "Chị [name] Thị [name]"
    redact = replace_all(["Diaz", "12 Elm Street", "Nguyễn", "Lan"])

    tally = score.score_redaction(tiny_corpora(), redact)["en"]

    assert tally.removed == 5
    assert tally.removal == pytest.approx(5 / 6)
    assert tally.fragments == 1
    assert tally.clean_quotes == 1
    assert tally.leaks == ["q2: Thị"]


def test_a_part_left_away_from_any_placeholder_is_a_leak_but_no_fragment() -> None:
    redact = replace_all(["Diaz", "Nguyễn Thị Lan"])  # the address is not touched

    tally = score.score_redaction(tiny_corpora(), redact)["en"]

    assert tally.leaks == ["q1: 12", "q1: Elm"]
    assert tally.fragments == 0
    assert tally.removal == pytest.approx(4 / 6)


def test_a_theme_word_redacted_away_counts_as_lost() -> None:
    redact = replace_all(["Officer Diaz", "12 Elm Street", "Nguyễn Thị Lan"])

    tally = score.score_redaction(tiny_corpora(), redact)["en"]

    assert tally.removal == 1.0
    assert (tally.keep, tally.kept) == (3, 2)
    assert tally.lost == ["q1: Officer"]


def test_matching_is_by_whole_token_in_spaced_scripts_and_by_substring_in_chinese() -> None:
    assert not score.occurs("Lan", "Lanh đạo", "vi")  # part of another word is not the name
    assert score.occurs("lan", "chị Lan nói", "vi")  # case does not matter
    assert score.occurs("小明", "[name]小明说", "zh")
    assert score.beside_placeholder("小明", "[name]小明说", "zh")
    assert score.beside_placeholder("al-Masri", "Ahmed [name] al-Masri", "en")
    assert not score.beside_placeholder("Masri", "Masri told me", "en")
    assert score.beside_placeholder("0134", "call [phone] 0134", "en")  # any placeholder
    assert not score.beside_placeholder("Lan", "[name] said Lan", "vi")  # a word between


def test_the_scorer_prints_tables_and_json(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "en.json").write_text(json.dumps(TINY), encoding="utf-8")

    assert score.main([str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "| language | answers |" in printed
    assert re.search(r"\| en \| 2 \| \d \| 6 \|", printed)  # quotes, clean, parts

    assert score.main([str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["redaction"]["en"]["identifier_parts"] == 6
    assert data["overall"]["true_positive"] + data["overall"]["false_negative"] == 4
    assert "coding_errors" not in data  # details only when asked for


def test_a_missing_corpus_is_a_clear_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert score.main([str(tmp_path)]) == 2
    assert "no corpus files" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda c: c["answers"].append(dict(c["answers"][0])), "used twice"),
        (lambda c: c["answers"][0].update(points=["polise"]), "unknown point polise"),
        (lambda c: c["quotes"][0]["identifiers"].append("Diaz Jr"), "is not in the text"),
        (lambda c: c["quotes"][0]["keep"].append("Dallas"), "is not in the text"),
        (lambda c: c.update(language="fr"), "unknown language"),
    ],
)
def test_a_malformed_corpus_is_refused_with_the_item_named(change, message) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(TINY))
    change(data)

    with pytest.raises(score.CorpusError, match=message):
        score.parse_corpus(data, "tiny")


# ---------------------------------------------------------------- the evaluation corpus


@pytest.fixture(scope="module")
def corpora() -> dict[str, score.Corpus]:
    return score.load(score.DEFAULT_CORPUS)  # checks ids, point keys and substrings


def test_the_corpus_covers_every_shipped_language(corpora: dict[str, score.Corpus]) -> None:
    assert set(corpora) == set(score.LANGUAGES)
    for language, corpus in corpora.items():
        assert len(corpus.answers) >= 25, language
        assert len(corpus.quotes) >= 12, language
        assert all(quote.identifiers for quote in corpus.quotes), language


def test_corpus_ids_are_unique_across_languages(corpora: dict[str, score.Corpus]) -> None:
    ids = [item.id for c in corpora.values() for item in (*c.answers, *c.quotes)]
    assert len(ids) == len(set(ids))


def test_the_corpus_has_answers_with_no_point_and_with_several(
    corpora: dict[str, score.Corpus],
) -> None:
    for language, corpus in corpora.items():
        sizes = [len(answer.points) for answer in corpus.answers]
        assert 0 in sizes, language
        assert max(sizes) >= 3, language


def test_make_eval_scores_every_language_of_the_corpus(capsys) -> None:  # type: ignore[no-untyped-def]
    assert score.main([]) == 0

    printed = capsys.readouterr().out
    for language in score.LANGUAGES:
        assert re.search(rf"^\| {language} \| \d+ \|", printed, re.MULTILINE), language
    assert "| housing |" in printed


def test_codes_count_for_their_point_whatever_their_kind() -> None:
    # Given a matcher that suggests a listed code, a point on its own (a key coding may
    # add), a facilitator's own code and a point the codebook does not have
    class Stub:
        def excerpts(self, text: str, language: str, question: str) -> list[object]:
            codes = ("police.made_less_safe", "housing.not_said", "custom.rent", "zoo.x")
            return [SimpleNamespace(codes=codes)]

    suggest = score.codebook_suggester(codebook(["zzcop"], ["zzshelter"]), matcher=Stub())

    # Then the points are exactly the two the codebook knows
    assert suggest("any text", "en", "") == {"police", "housing"}
