"""The protected snapshot, built once per change and kept with the unlock that built it.

Building a snapshot runs the disclosure check over every table of the report, a good
part of a second at real sizes. Pages ask for it on every request, but it only changes
when something it depends on changes. So each unlock's ``ThemeState`` keeps the last
snapshot it built, with a *revision key* naming everything that went into it; a page whose
key matches gets the kept snapshot, anything else builds a new one. Most changes are coding
decisions, which touch only the theme tables: the protected answer tables are kept beside
the snapshot under their own key (``answers_key``) and reused when only coding changed.

The key covers: the responses read (a new response, or one shredded with its epoch — that
replaces the whole state, and with it what is kept here), every coding decision (each
saved decision raises that response's revision), codings that failed verification,
responses that could not be opened, the codebook (version and content, so an edit or a
disabled code counts), the suppression threshold, the languages whose labels are kept, and
the date printed on the snapshot.

What is kept lives in this worker's memory only, next to the decrypted analysis it was
built from, and goes when that state goes (lock, sign-out, idle timeout, shredding): it is
never written anywhere. It holds no more than the dashboard shows. See
docs/threat-model.md, "What reading many responses remembers".
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from .. import clock
from . import report
from .codebook import Codebook
from .coding import Matcher, fingerprint_of
from .state import ThemeState


@dataclass(frozen=True)
class _Kept:
    key: Hashable
    snapshot: dict[str, Any]
    # The protected answer tables (``report.answer_tables``) and what they depend on: a
    # coding decision changes ``key`` but not this, so only the theme tables are redone.
    answers_key: Hashable
    answers: report.AnswerTables


# By the state's id: a ThemeState is a mutable dataclass (not hashable). The entry is
# dropped the moment its state is garbage (see ``_forget``), so an id is never reused
# while its entry is still here.
_KEPT: dict[int, _Kept] = {}
_KEPT_LOCK = threading.Lock()
_builds = 0  # how many snapshots this process has built (tests and the benchmark read it)
_answer_builds = 0  # how many times it protected the answer tables


def revision_key(
    state: ThemeState, codebook: Codebook, k: int, languages: Sequence[str]
) -> Hashable:
    """Names everything a snapshot of ``state`` depends on (see the module docstring)."""
    with state.lock:
        return (
            state.revision,
            len(state.unreadable),
            len(state.bad_coding),
            codebook.version,
            fingerprint_of(codebook),
            k,
            tuple(languages),
            clock.today().isoformat(),
        )


def answers_key(state: ThemeState, k: int, languages: Sequence[str]) -> Hashable:
    """Names everything the answer tables depend on: the responses read (a response that
    goes replaces the whole state), the threshold and the languages (their order)."""
    with state.lock:
        return (len(state.aggregate.seen), state.aggregate.total, k, tuple(languages))


def current(
    state: ThemeState,
    codebook: Codebook,
    matcher: Matcher,
    k: int,
    languages: Sequence[str],
) -> dict[str, Any]:
    """The snapshot of ``state`` as it is now: the one kept if nothing changed since.

    The result is shared by every page of this unlock: read it, never change it (copy
    first, as ``report.publish`` does).
    """
    global _builds, _answer_builds
    # Under the state's lock: a second request waiting here gets the first one's build
    # instead of running the same disclosure check again.
    with state.lock:
        key = revision_key(state, codebook, k, languages)
        with _KEPT_LOCK:
            kept = _KEPT.get(id(state))
        if kept is not None and kept.key == key:
            return kept.snapshot
        wanted = answers_key(state, k, languages)
        if kept is not None and kept.answers_key == wanted:
            answers = kept.answers
        else:
            answers = report.answer_tables(state, k, languages)
            _answer_builds += 1
        snapshot = report.build(state, codebook, matcher, k, languages, answers=answers)
        with _KEPT_LOCK:
            if id(state) not in _KEPT:
                weakref.finalize(state, _forget, id(state))
            _KEPT[id(state)] = _Kept(key, snapshot, wanted, answers)
            _builds += 1
        return snapshot


def builds() -> int:
    return _builds


def answer_builds() -> int:
    return _answer_builds


def _forget(state_id: int) -> None:
    with _KEPT_LOCK:
        _KEPT.pop(state_id, None)


def kept_count() -> int:
    """How many snapshots this process holds (one at most per live unlock)."""
    with _KEPT_LOCK:
        return len(_KEPT)


# Why an approved quote is not in the report (see ``left_out_quotes``).
FEWER_THAN_K = "fewer_than_k"
THEME_NOT_SHOWN = "theme_not_shown"
ENOUGH_QUOTES = "enough_quotes"


@dataclass(frozen=True)
class LeftOut:
    code: str
    label: Any  # the code's labels by language
    text: str  # as it would be quoted (hidden words already hidden)
    reason: str


def left_out_quotes(
    state: ThemeState,
    codebook: Codebook,
    matcher: Matcher,
    snapshot: dict[str, Any],
    languages: Sequence[str],
) -> list[LeftOut]:
    """Approved quotes that ``snapshot`` does not carry, and why: the theme has fewer than
    k people (fewer could be recognised), the theme is not in the report (its code is
    turned off), or the theme already has as many quotes as a report shows."""
    from ..redaction import quote_text
    from .annotations import excerpt_key

    shown = {theme["code"]: set(theme["quotes"]) for theme in snapshot["themes"]}
    k = int(snapshot["threshold"])
    out: list[LeftOut] = []
    with state.lock:
        confirmed, _suggested, approved = report.theme_people(state, codebook, matcher)
        excerpts = state.excerpts(codebook, matcher)
        for code in codebook.all_codes():
            people = len(confirmed.get(code.key, {}))
            for index, ekey in approved.get(code.key, []):
                answer = state.aggregate.texts[index]
                excerpt = next(
                    (
                        e
                        for e in excerpts[index]
                        if excerpt_key(answer.question_key, e.index) == ekey
                    ),
                    None,
                )
                if excerpt is None:
                    continue
                hidden = state.annotation(answer.response_id).hidden.get(ekey, [])
                text = quote_text(answer.text[excerpt.start : excerpt.end], answer.language, hidden)
                if text in shown.get(code.key, ()):
                    continue
                if code.key not in shown:
                    reason = THEME_NOT_SHOWN
                elif people < k:
                    reason = FEWER_THAN_K
                else:
                    reason = ENOUGH_QUOTES
                out.append(LeftOut(code.key, code.labels(languages), text, reason))
    return out
