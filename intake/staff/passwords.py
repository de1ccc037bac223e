"""Staff password policy: long enough, and not a known common password.

Length is what makes a passphrase strong (NIST SP 800-63B): at least 12 characters, no
composition rules, and a refusal of passwords found on a list of common ones
(``intake/data/common-passwords.txt``, replaceable by a longer list).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from flask_babel import lazy_gettext as _l

COMMON_PASSWORDS = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt"
MIN_LENGTH = 12
MAX_LENGTH = 1024


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


def problem_with(password: str, username: str = "") -> str | None:
    """A translated reason to refuse ``password``, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return str(
            _l("Use at least %(min)s characters; a few unrelated words work well.", min=MIN_LENGTH)
        )
    if len(password) > MAX_LENGTH:
        return str(_l("That is too long."))
    folded = password.strip().lower()
    squashed = re.sub(r"[\s\d!@#$%^&*._-]+$", "", folded)  # "password2024!" is still "password"
    if folded in _common() or squashed in _common() or len(set(folded)) < 4:
        return str(_l("That password is too common. Choose something less predictable."))
    if username and username.lower() in folded:
        return str(_l("Do not use your username in your password."))
    return None
