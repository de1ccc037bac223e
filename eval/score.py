"""``make eval``: score the shipped codebook and redaction against a held-out corpus.

The corpus (eval/corpus/<lang>.json, format in docs/themes.md "Evaluation") holds free-text
answers with the points of intervention a careful human coder marks, and quotes with every
identifier part marked. It is written without reading the codebook's patterns or the
redaction lists, and nobody adds a pattern by reading it: that is what keeps the figures
honest. Patterns are tuned on the development set (eval/dev/) instead.

Scoring, exactly:

- A point is *suggested* for an answer when any of its sentences gets a code whose point of
  intervention is that point. Precision and recall are over (answer, point) pairs.
- An identifier part is *removed* when it no longer occurs in ``quote_text(text, language)``
  (case-insensitive; as a whole token in spaced scripts, as a substring in Chinese). A part
  that survives right beside a placeholder ("[name] Văn [name]") is also counted as a
  *fragment*: the redaction found the name and left a piece of it.
- A theme word is *kept* when it still occurs, by the same rule.

    python -m eval.score [CORPUS_DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.analysis.codebook import Codebook, shipped
from intake.analysis.coding import matcher_for
from intake.redaction import quote_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "eval" / "corpus"
LANGUAGES = ("en", "es", "so", "vi", "zh", "ar", "hmn")
UNSPACED = frozenset({"zh"})  # scripts written without spaces: identifiers match as substrings
POINTS = (
    "dispatch_911",
    "police",
    "arrest",
    "jail_pretrial",
    "prosecution",
    "protection_order",
    "civil_court_custody",
    "criminal_court",
    "sentencing",
    "probation_programs",
    "child_protection",
    "immigration",
    "health_care",
    "schools",
    "housing",
    "faith_community",
)
# Targets from issue 18, printed beside the figures.
TARGET_PRECISION = 0.85
TARGET_RECALL = 0.80
TARGET_LANGUAGE_RECALL = 0.70
TARGET_REMOVED = 0.98
TARGET_KEPT = 0.95

_PLACEHOLDER = re.compile(r"\[[^\[\]]{1,20}\]")
_PLACEHOLDER_AT_END = re.compile(r"\[[^\[\]]{1,20}\]$")


class CorpusError(ValueError):
    """A corpus file that cannot be scored; the message names the file and the item."""


@dataclass(frozen=True)
class Answer:
    id: str
    text: str
    points: frozenset[str]
    question: str = ""


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    identifiers: tuple[str, ...]
    keep: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    language: str
    answers: tuple[Answer, ...]
    quotes: tuple[Quote, ...]


# ---------------------------------------------------------------- loading and checking


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value == []:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CorpusError(f"{where}: expected a list of non-empty strings")
    return tuple(value)


def parse_corpus(data: Mapping[str, Any], where: str) -> Corpus:
    """One language's corpus from its JSON, checked: ids unique, every point key known,
    every identifier and theme word an exact substring of its quote."""
    language = data.get("language")
    if language not in LANGUAGES:
        raise CorpusError(f"{where}: unknown language {language!r}")
    seen: set[str] = set()

    def new_id(item: Mapping[str, Any]) -> str:
        item_id = item.get("id")
        if not isinstance(item_id, str) or not item_id:
            raise CorpusError(f"{where}: an item has no id")
        if item_id in seen:
            raise CorpusError(f"{where}: id {item_id} is used twice")
        seen.add(item_id)
        if not isinstance(item.get("text"), str) or not item["text"].strip():
            raise CorpusError(f"{where} {item_id}: no text")
        return item_id

    answers = []
    for item in data.get("answers") or []:
        item_id = new_id(item)
        points = item.get("points")
        if not isinstance(points, list) or not all(isinstance(p, str) for p in points):
            raise CorpusError(f"{where} {item_id}: points must be a list of point keys")
        unknown = sorted(set(points) - set(POINTS))
        if unknown:
            raise CorpusError(f"{where} {item_id}: unknown point {', '.join(unknown)}")
        question = item.get("question", "")
        if not isinstance(question, str):
            raise CorpusError(f"{where} {item_id}: question must be a string")
        answers.append(Answer(item_id, item["text"], frozenset(points), question))
    quotes = []
    for item in data.get("quotes") or []:
        item_id = new_id(item)
        identifiers = _strings(item.get("identifiers"), f"{where} {item_id} identifiers")
        keep = _strings(item.get("keep") or [], f"{where} {item_id} keep")
        for word in (*identifiers, *keep):
            if word not in item["text"]:
                raise CorpusError(f"{where} {item_id}: {word!r} is not in the text")
        quotes.append(Quote(item_id, item["text"], identifiers, keep))
    return Corpus(language, tuple(answers), tuple(quotes))


def load(directory: Path) -> dict[str, Corpus]:
    """Every <lang>.json in ``directory``, in the shipped languages' order."""
    corpora = {}
    for language in LANGUAGES:
        path = directory / f"{language}.json"
        if not path.exists():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise CorpusError(f"{path}: not valid JSON ({error})") from error
        corpus = parse_corpus(data, str(path))
        if corpus.language != language:
            raise CorpusError(f"{path}: says language {corpus.language!r}")
        corpora[language] = corpus
    if not corpora:
        raise CorpusError(f"{directory}: no corpus files (<lang>.json)")
    return corpora


# ---------------------------------------------------------------- what the app does


Suggest = Callable[[str, str, str], set[str]]  # (text, language, question) -> points
Redact = Callable[[str, str], str]  # (text, language) -> quote as shown


def codebook_suggester(codebook: Codebook | None = None, matcher: Any = None) -> Suggest:
    """The points the app suggests for an answer, with ``codebook`` (default: shipped).

    A code counts for its point of intervention (``Code.intervention``). Codes the
    codebook does not list, such as a point suggested on its own, count for the point
    their key starts with, so the scorer keeps working when coding gains new kinds of code.
    """
    book = codebook if codebook is not None else shipped()
    matcher = matcher if matcher is not None else matcher_for(book)
    listed = {code.key: code.intervention for code in book.all_codes()}

    def point_of(key: str) -> str | None:
        if key in listed:
            return listed[key]
        head = key.split(".", 1)[0]
        return head if head in book.interventions else None

    def suggest(text: str, language: str, question: str) -> set[str]:
        points = {
            point_of(key)
            for excerpt in matcher.excerpts(text, language, question)
            for key in excerpt.codes
        }
        return {point for point in points if point is not None}

    return suggest


# ---------------------------------------------------------------- scoring


def _token_pattern(word: str, language: str) -> re.Pattern[str]:
    if language in UNSPACED:
        return re.compile(re.escape(word), re.IGNORECASE)
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


def occurs(word: str, text: str, language: str) -> bool:
    return _token_pattern(word, language).search(text) is not None


def beside_placeholder(word: str, text: str, language: str) -> bool:
    """Whether an occurrence of ``word`` touches a placeholder, with at most spaces or a
    hyphen between: the piece of a name that redaction found but did not take whole."""
    for match in _token_pattern(word, language).finditer(text):
        before = text[: match.start()].rstrip(" \t-‐")
        after = text[match.end() :].lstrip(" \t-‐")
        if _PLACEHOLDER_AT_END.search(before) or _PLACEHOLDER.match(after):
            return True
    return False


@dataclass
class Tally:
    """Counts for precision and recall over (answer, point) pairs."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float | None:
        suggested = self.true_positive + self.false_positive
        return self.true_positive / suggested if suggested else None

    @property
    def recall(self) -> float | None:
        gold = self.true_positive + self.false_negative
        return self.true_positive / gold if gold else None

    def add(self, gold: Iterable[str], suggested: Iterable[str]) -> None:
        gold, suggested = set(gold), set(suggested)
        self.true_positive += len(gold & suggested)
        self.false_positive += len(suggested - gold)
        self.false_negative += len(gold - suggested)

    def to_data(self) -> dict[str, Any]:
        return {
            "true_positive": self.true_positive,
            "false_positive": self.false_positive,
            "false_negative": self.false_negative,
            "precision": self.precision,
            "recall": self.recall,
        }


@dataclass
class RedactionTally:
    quotes: int = 0
    clean_quotes: int = 0  # every identifier part removed
    parts: int = 0
    removed: int = 0
    fragments: int = 0  # parts left right beside a placeholder (also not removed)
    keep: int = 0
    kept: int = 0
    leaks: list[str] = field(default_factory=list)  # "id: part" for each part left
    lost: list[str] = field(default_factory=list)  # "id: word" for each theme word gone

    @property
    def removal(self) -> float | None:
        return self.removed / self.parts if self.parts else None

    @property
    def keeping(self) -> float | None:
        return self.kept / self.keep if self.keep else None

    def to_data(self) -> dict[str, Any]:
        return {
            "quotes": self.quotes,
            "clean_quotes": self.clean_quotes,
            "identifier_parts": self.parts,
            "removed": self.removed,
            "fragments_beside_placeholder": self.fragments,
            "removal": self.removal,
            "theme_words": self.keep,
            "kept": self.kept,
            "keeping": self.keeping,
            "leaks": self.leaks,
            "lost": self.lost,
        }


@dataclass
class Results:
    by_language: dict[str, Tally]
    by_point: dict[str, Tally]
    overall: Tally
    redaction: dict[str, RedactionTally]
    misses: dict[str, list[str]]  # per language: "id: -point" / "id: +point"

    def to_data(self, details: bool = False) -> dict[str, Any]:
        """The figures; with ``details``, every miss, leak and lost word too (for the
        development set: reading them on the evaluation corpus would defeat it)."""
        everything = RedactionTally()
        for tally in self.redaction.values():
            for name in ("quotes", "clean_quotes", "parts", "removed", "fragments", "keep"):
                setattr(everything, name, getattr(everything, name) + getattr(tally, name))
            everything.kept += tally.kept
        hidden = () if details else ("leaks", "lost")
        data = {
            "overall": self.overall.to_data(),
            "by_language": {k: v.to_data() for k, v in self.by_language.items()},
            "by_point": {k: v.to_data() for k, v in self.by_point.items()},
            "redaction": {
                language: {k: v for k, v in tally.to_data().items() if k not in hidden}
                for language, tally in self.redaction.items()
            },
            "redaction_overall": {
                k: v for k, v in everything.to_data().items() if k not in ("leaks", "lost")
            },
        }
        if details:
            data["coding_errors"] = self.misses
        return data


def score_points(corpora: Mapping[str, Corpus], suggest: Suggest) -> Results:
    by_language = {language: Tally() for language in corpora}
    by_point = {point: Tally() for point in POINTS}
    overall = Tally()
    misses: dict[str, list[str]] = {language: [] for language in corpora}
    for language, corpus in corpora.items():
        for answer in corpus.answers:
            suggested = suggest(answer.text, language, answer.question) & set(POINTS)
            by_language[language].add(answer.points, suggested)
            overall.add(answer.points, suggested)
            for point in POINTS:
                by_point[point].add({point} & answer.points, {point} & suggested)
            misses[language] += [
                f"{answer.id}: missed {p}" for p in sorted(answer.points - suggested)
            ]
            misses[language] += [
                f"{answer.id}: wrongly {p}" for p in sorted(suggested - answer.points)
            ]
    return Results(by_language, by_point, overall, {}, misses)


def score_redaction(corpora: Mapping[str, Corpus], redact: Redact) -> dict[str, RedactionTally]:
    out = {}
    for language, corpus in corpora.items():
        tally = RedactionTally()
        for quote in corpus.quotes:
            shown = redact(quote.text, language)
            tally.quotes += 1
            left = 0
            for part in quote.identifiers:
                tally.parts += 1
                if occurs(part, shown, language):
                    left += 1
                    tally.leaks.append(f"{quote.id}: {part}")
                    if beside_placeholder(part, shown, language):
                        tally.fragments += 1
                else:
                    tally.removed += 1
            tally.clean_quotes += left == 0
            for word in quote.keep:
                tally.keep += 1
                if occurs(word, shown, language):
                    tally.kept += 1
                else:
                    tally.lost.append(f"{quote.id}: {word}")
        out[language] = tally
    return out


def evaluate(
    corpora: Mapping[str, Corpus],
    suggest: Suggest | None = None,
    redact: Redact | None = None,
) -> Results:
    """Score ``corpora``; by default with the shipped codebook and the app's redaction."""
    results = score_points(corpora, suggest or codebook_suggester())
    results.redaction = score_redaction(corpora, redact or quote_text)
    return results


# ---------------------------------------------------------------- reporting


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def markdown(results: Results, corpora: Mapping[str, Corpus]) -> str:
    o = results.overall
    lines = [
        "### Points of intervention suggested",
        "",
        f"Overall: precision **{_figure(o.precision)}** (target ≥ {TARGET_PRECISION}), "
        f"recall **{_figure(o.recall)}** (target ≥ {TARGET_RECALL}, no language below "
        f"{TARGET_LANGUAGE_RECALL}); {o.true_positive + o.false_negative} gold (answer, point) "
        f"pairs in {sum(len(c.answers) for c in corpora.values())} answers.",
        "",
        "| language | answers | gold pairs | suggested | correct | precision | recall |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for language, t in results.by_language.items():
        lines.append(
            f"| {language} | {len(corpora[language].answers)} | "
            f"{t.true_positive + t.false_negative} | {t.true_positive + t.false_positive} | "
            f"{t.true_positive} | {_figure(t.precision)} | {_figure(t.recall)} |"
        )
    lines += [
        "",
        "| point of intervention | gold | suggested | correct | precision | recall |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for point, t in results.by_point.items():
        lines.append(
            f"| {point} | {t.true_positive + t.false_negative} | "
            f"{t.true_positive + t.false_positive} | {t.true_positive} | "
            f"{_figure(t.precision)} | {_figure(t.recall)} |"
        )
    lines += [
        "",
        "### Redaction of quotes",
        "",
        f"Targets per language: every identifier part removed in ≥ {TARGET_REMOVED} of cases "
        f"with no fragment beside a placeholder; theme words kept ≥ {TARGET_KEPT}.",
        "",
        "| language | quotes | quotes with nothing left | identifier parts | removed | removal | fragments beside a placeholder | theme words | kept | keeping |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for language, r in results.redaction.items():
        lines.append(
            f"| {language} | {r.quotes} | {r.clean_quotes} | {r.parts} | {r.removed} | "
            f"{_figure(r.removal)} | {r.fragments} | {r.keep} | {r.kept} | {_figure(r.keeping)} |"
        )
    return "\n".join(lines) + "\n"


def summary(results: Results) -> str:
    """One line for ``make bench``."""
    parts = sum(r.parts for r in results.redaction.values())
    removed = sum(r.removed for r in results.redaction.values())
    fragments = sum(r.fragments for r in results.redaction.values())
    keep = sum(r.keep for r in results.redaction.values())
    kept = sum(r.kept for r in results.redaction.values())
    lowest = min(
        (
            (t.recall, language)
            for language, t in results.by_language.items()
            if t.recall is not None
        ),
        default=(None, "—"),
    )
    return (
        f"eval: precision {_figure(results.overall.precision)}, "
        f"recall {_figure(results.overall.recall)} "
        f"(lowest {lowest[1]} {_figure(lowest[0])}); identifier parts removed "
        f"{_figure(removed / parts if parts else None)} ({fragments} fragments); "
        f"theme words kept {_figure(kept / keep if keep else None)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list every miss, leak and lost word: for the development set only",
    )
    args = parser.parse_args(argv)
    try:
        corpora = load(args.corpus)
    except CorpusError as error:
        print(f"eval: {error}", file=sys.stderr)
        return 2
    results = evaluate(corpora)
    if args.json:
        print(json.dumps(results.to_data(args.errors), ensure_ascii=False, indent=1))
        return 0
    print(f"Corpus: {args.corpus}\n")
    print(markdown(results, corpora))
    if args.errors:
        for language in corpora:
            r = results.redaction[language]
            details = [
                *results.misses[language],
                *(f"{leak} left" for leak in r.leaks),
                *(f"{word} lost" for word in r.lost),
            ]
            for line in details:
                print(f"{language} {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
