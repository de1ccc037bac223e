"""The word-index finder (``intake.analysis.matching``) gives exactly the suggestions of the
letter-by-letter trie walk it replaced: same codes, same sentences, same highlights.

The trie walk is kept here, as it was, as the reference. The inputs are the development set
(eval/dev/), the sentences the vocabulary and coding tests use, every pattern of the shipped
codebook in every language in several surroundings (inflected, with an Arabic proclitic,
a phrase broken by punctuation, run into the next pattern), and the coding benchmark's
synthetic answers. Speed itself is measured by ``bench/coding_bench.py``, not here.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import update
from sqlalchemy.orm import Session

from intake.analysis import codebook as codebook_module
from intake.analysis import coding, matching
from intake.analysis import text as text_module
from intake.analysis.codebook import Codebook, Part
from intake.analysis.coding import FALLBACK_LANGUAGE, Excerpt, Matcher
from intake.analysis.text import UNSPACED, fold, normalise, sentences
from intake.models import CodebookVersion

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "es", "so", "vi", "zh", "ar", "hmn")
_WORDS = re.compile(r"\w+")


# -- the reference: the trie walk as it was before the word index --------------------------
def _trie_regex(stems: Iterable[str]) -> str:
    trie: dict = {}  # type: ignore[type-arg]
    for stem in stems:
        node = trie
        for char in stem:
            if "" in node:
                break
            node = node.setdefault(char, {})
        else:
            node.clear()
            node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        if "" in node:
            return ""
        alternatives = [re.escape(char) + render(node[char]) for char in sorted(node)]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return render(trie) if trie else r"(?!x)x"


class ReferenceStemIndex:
    def __init__(self, parts: Iterable[Part], languages: Iterable[str]) -> None:
        languages = list(languages)
        self.arabic = "ar" in languages
        index: dict[str, list[tuple[tuple[str, ...], str, str, tuple[bool, ...]]]] = {}
        for part in parts:
            for language in languages:
                for pattern in part.patterns.get(language, ()):
                    stems = tuple(fold(pattern).split())
                    wholes = tuple(matching.whole_word(s, language) for s in stems)
                    entry = (stems, part.kind, part.key, wholes)
                    if stems and entry not in index.get(stems[0], []):
                        index.setdefault(stems[0], []).append(entry)
        # Added to the walk as it was: whole pattern words (Vietnamese; short English ones)
        # end, or go on to the next word (under "\t" rather than " "), only where the text
        # word ends.
        self.trie: dict = {}  # type: ignore[type-arg]
        for entries in index.values():
            for stems, kind, key, wholes in entries:
                node = self.trie
                for number, stem in enumerate(stems):
                    if number:
                        node = node.setdefault("\t" if wholes[number - 1] else " ", {})
                    for char in stem:
                        node = node.setdefault(char, {})
                node.setdefault(None, []).append((kind, key, wholes[-1]))
        prefix = matching.ARABIC_PREFIX if self.arabic else ""
        self.starts = re.compile(rf"(?<!\w){prefix}{_trie_regex(index)}")

    def _forms(self, word: str) -> Iterator[str]:
        yield word
        if self.arabic:
            for prefix in matching.ARABIC_PROCLITICS:
                if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                    yield word[len(prefix) :]

    def find(self, text: str) -> list[matching.Hit]:
        found: list[matching.Hit] = []
        for match in self.starts.finditer(text):
            begin = match.start()
            word = _WORDS.match(text, begin)
            if word is None:
                continue
            for form in self._forms(word.group(0)):
                self._walk(self.trie, form, text, word.end(), begin, found)
        return found

    def _walk(self, node, form, text, end, begin, found) -> None:  # type: ignore[no-untyped-def]
        last = len(form) - 1
        for number, char in enumerate(form):
            node = node.get(char)
            if node is None:
                return
            for kind, key, whole in node.get(None, ()):
                if not whole or number == last:
                    found.append((kind, key, begin, end))
            for more in (node.get(" "), node.get("\t") if number == last else None):
                if more is not None:
                    following = _WORDS.search(text, end)
                    if following is not None:
                        self._walk(more, following.group(0), text, following.end(), begin, found)


def _reference_unspaced_regex(pattern: str) -> str:
    """A Chinese pattern as the alternation wrote it (its own copy, so that the reference
    does not share the matcher's reading of Latin letters)."""
    stems = fold(pattern).split()
    if not stems:
        return ""
    body = "".join(re.escape(s) for s in stems)
    if re.match(r"[a-z0-9]", body):
        body = r"(?<![a-z0-9])" + body
    tail = re.search(r"[a-z0-9]+$", body)
    if tail is not None and len(tail.group(0)) <= 3:
        body += r"(?![a-z0-9])"
    return body


class ReferenceExpression:
    def __init__(self, parts: Iterable[Part], language: str) -> None:
        assert language in UNSPACED
        self.keys: list[tuple[str, str]] = []
        groups: list[str] = []
        for part in parts:
            alternatives = [_reference_unspaced_regex(p) for p in part.patterns.get(language, ())]
            alternatives = [a for a in alternatives if a]
            if alternatives:
                alternatives.sort(key=len, reverse=True)
                self.keys.append((part.kind, part.key))
                groups.append("(" + "|".join(f"(?:{a})" for a in alternatives) + ")")
        self.regex = re.compile("|".join(groups)) if groups else None

    def find(self, text: str) -> list[matching.Hit]:
        if self.regex is None:
            return []
        return [
            (*self.keys[m.lastindex - 1], m.start(), m.end()) for m in self.regex.finditer(text)
        ]  # type: ignore[operator]


class ReferenceMatcher(Matcher):
    def _for(self, language: str):  # type: ignore[no-untyped-def]
        if language not in self._finders:
            parts = self.codebook.parts()
            # Word senses (coding.SENSES): their phrases are found like patterns, Chinese in
            # a pass of their own (they cover a point's words, never hide them).
            senses = [
                s.part for s in coding.SENSES.values() if s.point in self.codebook.interventions
            ]
            if language in UNSPACED:
                self._finders[language] = [
                    ReferenceExpression(parts, language),
                    ReferenceExpression(senses, language),
                    ReferenceStemIndex([*parts, *senses], [FALLBACK_LANGUAGE]),
                ]
            else:
                self._finders[language] = [
                    ReferenceStemIndex([*parts, *senses], {language, FALLBACK_LANGUAGE})
                ]
        return self._finders[language]

    def excerpts(self, text: str, language: str, question_key: str = "") -> list[Excerpt]:
        implied = coding._implied_intervention(question_key, self.codebook)
        # Answers are read as typed (slips, spellings, keyboard leftovers) before any finder
        # looks, by the real matcher's readers for both (``Matcher.read``): this compares the
        # finders.
        if not hasattr(self, "_slips"):
            self._slips = Matcher(self.codebook)
        normal = self._slips.read(text, language)
        span = None if normal.origin.__class__ is range else normal.span  # range: one for one
        hits = sorted(
            ((a, b) if span is None else span(a, b), kind, key)
            for finder in self._for(language)
            for kind, key, a, b in finder.find(normal.text)
        )
        found = []
        position = 0
        count = len(hits)
        previous: set[str] = set()  # points the sentence before handed on (following senses)
        for index, (start, end) in enumerate(reference_sentences(text)):
            while position < count and hits[position][0][0] < start:
                position += 1  # between sentences: matches nothing
            if position == count or hits[position][0][0] >= end:
                # Nothing matched in this sentence, so no code (an implied point of
                # intervention needs a dimension beside it): most sentences end here.
                found.append(tuple.__new__(Excerpt, (index, start, end, (), ())))
                previous = set()
                continue
            points: set[str] = set()
            dims: set[str] = set()
            own: set[str] = set()
            spans: set[tuple[int, int]] = set()
            here = []
            while position < count and hits[position][0][0] < end:
                here.append(hits[position])
                position += 1
            # A point's hit wholly inside the phrase of a sense of that point drops out
            # when the sentence names every point the sense goes with.
            named = {key for _span, kind, key in here if kind == "intervention"}
            covering = [
                (
                    coding.SENSES[key].point,
                    (-1, 1 << 62) if coding.SENSES[key].whole_sentence else span,
                    coding.SENSES[key].keeps,
                )
                for span, kind, key in here
                if kind == coding.SENSE
                and set(coding.SENSES[key].with_points) <= named
                and not coding.SENSES[key].follows
            ]
            # A following sense's phrases (plain court words) neither hide nor keep.
            plain = [
                (coding.SENSES[key].point, span)
                for span, kind, key in here
                if kind == coding.SENSE
                and set(coding.SENSES[key].with_points) <= named
                and coding.SENSES[key].follows
            ]
            keeps: set[str] = set()
            inside_plain: dict[str, list[bool]] = {}
            for (a, b), kind, key in here:
                if kind == coding.SENSE or (
                    kind == "intervention"
                    and any(p == key and c <= a and b <= d for p, (c, d), k in covering if not k)
                ):
                    continue
                if kind == "intervention" and any(p == key for p, _span in plain):
                    inside_plain.setdefault(key, []).append(
                        any(p == key and c <= a and b <= d for p, (c, d) in plain)
                    )
                if kind == "intervention":
                    points.add(key)
                    # Inside a keeping sense's phrase the point does not yield.
                    if any(p == key and c <= a and b <= d for p, (c, d), k in covering if k):
                        keeps.add(key)
                elif kind == "dimension":
                    dims.add(key)
                else:
                    own.add(key)
                spans.add((a, b if b < end else end))
            follows = {key for key, insides in inside_plain.items() if all(insides)}
            before = previous if follows else set()
            codes = self._codes(points, dims, own, implied, keeps, follows, before)
            # What this sentence hands on: the points it named that another yields to, or
            # after a plain court word that yielded across, the points before it again;
            # nothing after a sentence that tells the criminal case.
            named_now = {c.rpartition(".")[0] for c in codes}
            yielded_to = {o for others in coding.YIELDS.values() for o in others}
            if named_now & coding.CASE_POINTS:
                previous = set()
            elif follows and before and any(p not in named_now for p in follows):
                previous = (named_now & yielded_to) | before
            else:
                previous = named_now & yielded_to
            found.append(
                tuple.__new__(
                    Excerpt, (index, start, end, tuple(sorted(codes)), tuple(sorted(spans)))
                )
            )
        return found


# The sentence splitter as it was written first (a look-behind alternation).
_REFERENCE_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟;；])\s+|[。！？؟]|\n+")


def reference_sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _REFERENCE_SENTENCE_END.finditer(text):
        after_abbreviation = text_module._ABBREVIATION.search(
            text[max(start, match.start() - 8) : match.start()]
        )
        if match.group(0).isspace() and "\n" not in match.group(0) and after_abbreviation:
            continue
        end = match.end() if match.group(0).strip() else match.start()
        if text[start:end].strip():
            yield (start, end)
        start = match.end()
    if text[start:].strip():
        yield (start, len(text))


# -- inputs --------------------------------------------------------------------------------
def _dev_answers() -> Iterator[tuple[str, str, str]]:
    for language in LANGUAGES:
        data = json.loads((ROOT / "eval" / "dev" / f"{language}.json").read_text("utf-8"))
        for answer in data["answers"]:
            yield language, answer["text"], answer.get("question", "")


def _test_sentences() -> Iterator[tuple[str, str, str]]:
    """The sentences the vocabulary and coding tests give the shipped codebook."""
    import tests.test_coding as coding_tests
    import tests.test_coding_senses as senses_tests
    import tests.test_vocabulary as vocabulary_tests

    for module in (vocabulary_tests, coding_tests, senses_tests):
        for test in vars(module).values():
            for mark in getattr(test, "pytestmark", ()):
                if mark.name != "parametrize":
                    continue
                names = (
                    [n.strip() for n in mark.args[0]]
                    if not isinstance(mark.args[0], str)
                    else [n.strip() for n in mark.args[0].split(",")]
                )
                if "language" not in names or "text" not in names:
                    continue
                for row in mark.args[1]:
                    values = dict(zip(names, row, strict=True))
                    yield values["language"], values["text"], values.get("question", "")


def _pattern_texts(codebook: Codebook) -> Iterator[tuple[str, str, str]]:
    """Every pattern, in surroundings that exercise prefixes, phrases and word ends."""
    rnd = random.Random(18)
    for language in LANGUAGES:
        patterns = [p for part in codebook.parts() for p in part.patterns.get(language, ())]
        patterns += [p for s in coding.SENSES.values() for p in s.part.patterns.get(language, ())]
        english = [p for part in codebook.parts() for p in part.patterns.get("en", ())]
        joiner = "" if language in UNSPACED else " "
        for pattern in patterns:
            words = pattern.split()
            yield language, pattern, ""
            yield language, f"{pattern}s and {pattern.upper()}ed.", ""
            yield language, ", ".join(words) + " — " + "-".join(words), ""
            if language == "ar":
                yield (
                    language,
                    " ".join(f"{rnd.choice(['و', 'ال', 'بال', 'لل', 'ف'])}{w}" for w in words),
                    "",
                )
            other = rnd.choice(patterns)
            yield language, f"{pattern}{joiner}{other}{joiner}{rnd.choice(english)}.", ""
        for _ in range(200):
            yield language, joiner.join(rnd.choice(patterns) for _ in range(6)), "police_summary"


def _bench_texts() -> Iterator[tuple[str, str, str]]:
    from bench import synthetic

    rnd = random.Random(7)
    for _ in range(400):
        language = rnd.choice(synthetic.LANGUAGES)
        yield language, " ".join(synthetic._sentence(rnd, language) for _ in range(8)), ""


@pytest.fixture(scope="module")
def inputs() -> list[tuple[str, str, str]]:
    codebook = codebook_module.shipped()
    return [*_dev_answers(), *_test_sentences(), *_pattern_texts(codebook), *_bench_texts()]


def test_the_inputs_cover_every_language_and_the_test_sentences(inputs: list) -> None:  # type: ignore[type-arg]
    assert {language for language, _t, _q in inputs} == set(LANGUAGES)
    sentences = list(_test_sentences())
    assert len(sentences) > 100  # the parametrized lists were found, not silently skipped
    assert len(inputs) > 20_000


def test_suggestions_are_exactly_those_of_the_trie_walk(inputs: list) -> None:  # type: ignore[type-arg]
    codebook = codebook_module.shipped()
    fast, reference = Matcher(codebook), ReferenceMatcher(codebook)
    coded = 0
    for language, text, question in inputs:
        got = fast.excerpts(text, language, question)
        assert got == reference.excerpts(text, language, question), (language, text)
        coded += any(e.codes for e in got)
    assert coded > len(inputs) // 2  # the comparison is about suggestions, not empty lists


def test_each_pattern_is_found_alone_as_the_trie_walk_found_it() -> None:
    """With every pattern a part of its own (as the codebook page counts them), the finders
    report the same patterns at the same places."""
    codebook = codebook_module.shipped()
    pseudo: dict[str, Part] = {}
    for part in codebook.parts():
        for language, patterns in part.patterns.items():
            for pattern in patterns:
                key = str(len(pseudo))
                pseudo[key] = Part(key, "custom", {}, {language: (pattern,)})
    book = Codebook({}, {}, pseudo)
    rnd = random.Random(3)
    for language in ("en", "es", "vi", "ar"):
        patterns = [
            p.patterns[lang][0] for p in pseudo.values() for lang in p.patterns if lang == language
        ]
        fast = matching.WordIndex(book.parts(), {language, FALLBACK_LANGUAGE})
        reference = ReferenceStemIndex(book.parts(), {language, FALLBACK_LANGUAGE})
        for _ in range(300):
            text = normalise(" ".join(rnd.choice(patterns) for _ in range(5))).text
            assert sorted(set(fast.find(text))) == sorted(set(reference.find(text))), text


def _chinese_patterns() -> tuple[list[Part], list[str]]:
    codebook = codebook_module.shipped()
    parts = [*codebook.parts(), *Matcher(codebook)._senses]
    return parts, [p for part in parts for p in part.patterns.get("zh", ())]


def test_chinese_patterns_are_found_as_one_alternation_finds_them() -> None:
    """The trie of Chinese patterns picks, where several start at one place, the one the
    alternation of every pattern picked, and keeps Latin letters a word of their own: on
    texts run together from patterns, pieces of them, Latin letters, digits and other
    characters, in the codebook's own parts and with every pattern a part of its own."""
    parts, patterns = _chinese_patterns()
    alone = [Part(str(i), "custom", {}, {"zh": (p,)}) for i, p in enumerate(patterns)]
    pieces = [*patterns, *(p[: len(p) // 2] for p in patterns), "a", "da", "9", "x", "我", "，"]
    rnd = random.Random(8)
    for finder_parts in (parts, alone):
        fast = matching.Expression(finder_parts, "zh")
        reference = ReferenceExpression(finder_parts, "zh")
        for _ in range(1500):
            text = normalise("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))).text
            assert fast.find(text) == reference.find(text), text


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_chinese_patterns()[1] + ["a", "1", "sir", "的", "警"]), max_size=8)
)
def test_chinese_patterns_run_together_are_found_as_before(words: list[str]) -> None:
    parts, _patterns = _chinese_patterns()
    text = normalise("".join(words)).text
    assert matching.Expression(parts, "zh").find(text) == ReferenceExpression(parts, "zh").find(
        text
    )


SENTENCE_CASES = [
    "Det. Garcia came. J. Smith left.  Then?  No!",
    "a.  b. c.\nd.\n\ne. St. Paul; then。然后！好吗？ok؟ نعم. Mr.",
    ". .. ... x. Y.Z. (Dr. Who) e.g. this",
    "   \n  ",
    "",
    "end with a stop.",
    "我去了法院。。他说！",
    "x². Y. 5. Z. _. W. ½. V. ٣. U. 五. T.\tQ. a.  b",
    ".  A",
]


def test_sentences_are_split_exactly_as_before(inputs: list) -> None:  # type: ignore[type-arg]
    for text in [*SENTENCE_CASES, *(t for _l, t, _q in inputs)]:
        assert list(sentences(text)) == list(reference_sentences(text)), text


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=".!?;；。！？؟\n\r \t\u2028abcDr5J", max_size=40))
def test_sentences_are_split_as_before_around_every_stop_and_space(text: str) -> None:
    # Stops, new lines, other white space, an abbreviation ("Dr"), an initial ("J") and a
    # number, in every order: the cases a fixed list of answers may not hold.
    assert list(sentences(text)) == list(reference_sentences(text)), repr(text)


def test_the_codebook_in_use_is_read_again_when_its_text_differs(session: Session) -> None:
    """``codebook.current`` reads the newest version on the driver's cursor and parses each
    version once; the same id holding other text (another database, a restored backup) is
    parsed again, not mistaken for the one in memory."""
    assert codebook_module.current(session) is codebook_module.shipped()
    shipped = codebook_module.shipped()
    part = Part("custom_interpreters", "custom", {"en": "Interpreters"}, {"en": ("interpret",)})
    version = codebook_module.save(session, shipped.with_part(part), "fran")
    session.commit()
    first = codebook_module.current(session)
    assert first.version == version
    assert "custom_interpreters" in {p.key for p in first.parts()}
    assert codebook_module.current(session) is first  # parsed once

    other = Part("custom_buses", "custom", {"en": "Buses"}, {"en": ("bus",)})
    content = json.dumps(shipped.with_part(other).to_data(), ensure_ascii=False, sort_keys=True)
    session.execute(
        update(CodebookVersion).where(CodebookVersion.id == version).values(content=content)
    )
    session.commit()
    again = codebook_module.current(session)
    assert again.version == version
    assert {p.key for p in again.parts()} >= {"custom_buses"}
    assert "custom_interpreters" not in {p.key for p in again.parts()}
