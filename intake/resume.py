"""Finish later: a draft kept under a resume phrase (SecureDrop's codename is the model).

The phrase is ``WORDS`` words drawn at random from a shipped list of ``LIST_SIZE`` common
words in the respondent's language (``intake/data/wordlists/<lang>.txt``): 10 words from
128 are 70 bits. It is shown once and never stored. Its secret is the words' positions in
the list, so the same phrase works whatever language the page is in, and a phrase typed
without accents or diacritics, in any case, with any spacing, is the same phrase.

From the secret, ``crypto.derive_phrase_keys`` (Argon2id under a server-held pepper, then
HKDF) gives a lookup id and a key: the draft is sealed under the key in ``saved_draft``
(see intake/drafts.py) under a hash of the lookup id. Without the phrase the server can
neither open the draft nor tell which phrase belongs to which row.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from . import crypto, drafts
from .config import Config

WORDLISTS = Path(__file__).resolve().parent / "data" / "wordlists"
WORDS = 10
LIST_SIZE = 128

# Arabic letters people type interchangeably, and marks they leave out.
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ـ": ""}
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_SEPARATORS = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Lower case, no accents or diacritics (Vietnamese, Spanish, Arabic tashkeel), the Arabic
    letter variants folded, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("đ", "d").translate(_ARABIC_FOLD)
    return " ".join(_SEPARATORS.sub(" ", unicodedata.normalize("NFC", bare)).split())


@functools.cache
def wordlist(language: str) -> tuple[str, ...]:
    """The shipped list for a language (read on first use, not at import)."""
    path = WORDLISTS / f"{language}.txt"
    words = tuple(
        line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    )
    if len(words) != LIST_SIZE:
        raise ValueError(f"{path.name} must hold exactly {LIST_SIZE} words")
    return words


def available_languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in WORDLISTS.glob("*.txt")))


@functools.cache
def _index(language: str) -> dict[str, int]:
    return {normalise(word): position for position, word in enumerate(wordlist(language))}


def _is_character_list(language: str) -> bool:
    """Chinese: words of two characters written without spaces."""
    return all(_CJK.fullmatch(ch) for word in wordlist(language) for ch in word)


def _decode(language: str, typed: str) -> list[int] | None:
    index = _index(language)
    if _is_character_list(language):
        characters = "".join(_CJK.findall(typed))
        size = len(wordlist(language)[0])
        pieces = [characters[i : i + size] for i in range(0, len(characters), size)]
        found = [index.get(piece) for piece in pieces]
        return None if None in found else found  # type: ignore[return-value]
    tokens = normalise(typed).split()
    longest = max(len(word.split()) for word in index)
    positions: list[int] = []
    at = 0
    while at < len(tokens):
        # No word is the start of another (see test_resume), so the longest match is the
        # only one.
        for size in range(min(longest, len(tokens) - at), 0, -1):
            position = index.get(" ".join(tokens[at : at + size]))
            if position is not None:
                positions.append(position)
                at += size
                break
        else:
            return None
    return positions


def parse(typed: str, preferred: str | None = None) -> bytes | None:
    """The secret behind a typed phrase, or None when it is not a phrase of any list."""
    languages = list(available_languages())
    if preferred in languages:
        languages.remove(preferred)
        languages.insert(0, preferred)
    for language in languages:
        positions = _decode(language, typed[:1000])
        if positions is not None and len(positions) == WORDS:
            return bytes(positions)
    return None


@dataclass(frozen=True)
class Phrase:
    secret: bytes
    language: str

    @property
    def words(self) -> list[str]:
        words = wordlist(self.language)
        return [words[position] for position in self.secret]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def new_phrase(language: str) -> Phrase:
    if language not in available_languages():
        language = "en"
    return Phrase(bytes(secrets.randbelow(LIST_SIZE) for _ in range(WORDS)), language)


@dataclass(frozen=True)
class PhraseKeys:
    """Injected at start-up: the pepper (from the server's secret) and the Argon2id cost."""

    pepper: bytes
    kdf: crypto.KdfParams

    @classmethod
    def from_config(cls, config: Config) -> PhraseKeys:
        return cls(
            pepper=crypto.derive_key(config.secret_key, "resume-phrase pepper"),
            kdf=crypto.KdfParams(config.kdf_memory_kib, config.kdf_iterations, config.kdf_lanes),
        )

    def handle(self, secret: bytes) -> drafts.DraftHandle:
        lookup, key = crypto.derive_phrase_keys(secret, self.pepper, self.kdf)
        return drafts.DraftHandle(token=lookup, key=key, phrased=True)


def keep(
    session: Session,
    keys: PhraseKeys,
    current: drafts.DraftHandle,
    content: dict[str, Any],
    language: str,
    lifetime: dt.timedelta,
) -> tuple[drafts.DraftHandle, Phrase]:
    """Keep a draft under a new phrase. The draft's old row goes (a draft under an earlier
    phrase too: only the newest phrase opens it). Returns the new handle and the phrase to
    show once. Raises ``drafts.TooManyDrafts`` when the saved-draft table is full."""
    phrase = new_phrase(language)
    handle = keys.handle(phrase.secret)
    drafts.save(session, handle, content, lifetime)
    drafts.erase(session, current)
    return handle, phrase


def reopen(
    session: Session, keys: PhraseKeys, secret: bytes
) -> tuple[drafts.DraftHandle, dict[str, Any]] | None:
    """The draft kept under a phrase, or None (wrong, expired or deleted)."""
    handle = keys.handle(secret)
    content = drafts.load(session, handle)
    return None if content is None else (handle, content)


def forget(session: Session, keys: PhraseKeys, secret: bytes) -> bool:
    """Delete the draft kept under a phrase; False when there was none."""
    return drafts.erase(session, keys.handle(secret)) == 1
