"""Typed configuration, read from the environment and the instance folder at start-up.

Nothing here has a default secret. Secrets come from the environment or from the
owner-only ``secrets.json`` that ``flask --app wsgi intake init-secrets`` writes into the
instance folder; without them the app refuses to start.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

SECRETS_FILE = "secrets.json"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INSTANCE = PROJECT_ROOT / "instance"


class ConfigError(RuntimeError):
    """Raised when the app cannot start safely with the configuration it was given."""


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc


@dataclass(frozen=True)
class Config:
    """Everything the app needs to run. Frozen: configuration never changes after start."""

    secret_key: str
    instance_path: Path
    database_url: str
    languages: tuple[str, ...] = ("en", "es", "so", "vi", "zh", "ar", "hmn")
    default_language: str = "en"
    # Where quick exit sends the respondent: a neutral, everyday site.
    quick_exit_url: str = "https://www.weather.gov/"
    # A neutral browser tab title for public pages (empty: use the questionnaire title).
    neutral_title: str = ""
    draft_idle_minutes: int = 60
    unlock_idle_minutes: int = 30
    staff_session_idle_minutes: int = 30
    staff_session_absolute_hours: int = 8
    # Large enough for the longest part of any questionnaire at its limits in a script that
    # costs 9 bytes per character once form-encoded (e.g. Chinese); see test_public_flow.
    max_request_bytes: int = 1024 * 1024
    # Limits that a room of honest respondents on one connection never meets (see
    # intake/ratelimit.py and docs/threat-model.md): drafts a connection may start at once,
    # then per minute; the longest pause a new draft may cost; and the least time between
    # starting a draft and sending it (a person reading the shortest path takes longer).
    draft_start_burst: int = 60
    draft_starts_per_minute: int = 6
    draft_start_max_pause_ms: int = 1000
    minimum_seconds_per_draft: int = 10
    # "Finish later": how long a draft kept under a resume phrase lives after its last save,
    # and how many wrong phrases a connection may try at once, then per minute, and how many
    # phrases all connections together may try per minute (each costs an Argon2id).
    resume_days: int = 14
    phrase_attempt_burst: int = 10
    phrase_attempts_per_minute: int = 1
    phrase_attempts_overall_per_minute: int = 20
    suppression_threshold: int = 5
    # How many reverse proxies in front set X-Forwarded-For/-Proto (0: none are trusted).
    # Only used to tell clients apart for the rate limits; never stored or logged.
    trusted_proxies: int = 0
    # A CCR's own list of local hotlines (same format as intake/data/resources.json).
    resources_file: Path | None = None
    # More gettext catalog folders, searched after intake/translations (e.g. a test's
    # pseudo-locale, or a CCR's own language added without touching the package).
    extra_translation_dirs: tuple[Path, ...] = ()
    epoch_months: int = 3
    secure_cookies: bool = True
    # Key-derivation cost for facilitator passphrases; see docs/threat-model.md.
    kdf_memory_kib: int = 64 * 1024
    kdf_iterations: int = 3
    kdf_lanes: int = 4
    testing: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    def with_overrides(self, **changes: object) -> Config:
        return replace(self, **changes)

    @classmethod
    def from_env(cls, instance_path: Path | None = None) -> Config:
        """Build the configuration from ``INTAKE_*`` variables and the instance secrets file."""
        instance = Path(os.environ.get("INTAKE_INSTANCE_PATH", instance_path or DEFAULT_INSTANCE))
        secret_key = os.environ.get("INTAKE_SECRET_KEY") or _read_secret(instance, "secret_key")
        if not secret_key:
            raise ConfigError(
                "No secret key. Run `flask --app wsgi intake init-secrets` (make run does this) "
                "or set INTAKE_SECRET_KEY."
            )
        if len(secret_key) < 32:
            raise ConfigError("The secret key must be at least 32 characters long.")
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance / 'intake.sqlite3'}"
        languages = tuple(
            code.strip()
            for code in os.environ.get("INTAKE_LANGUAGES", ",".join(cls.languages)).split(",")
            if code.strip()
        )
        return cls(
            secret_key=secret_key,
            instance_path=instance,
            database_url=database_url,
            languages=languages,
            default_language=os.environ.get("INTAKE_DEFAULT_LANGUAGE", languages[0]),
            quick_exit_url=os.environ.get("INTAKE_QUICK_EXIT_URL", cls.quick_exit_url),
            neutral_title=os.environ.get("INTAKE_NEUTRAL_TITLE", ""),
            draft_idle_minutes=_env_int("INTAKE_DRAFT_IDLE_MINUTES", cls.draft_idle_minutes),
            unlock_idle_minutes=_env_int("INTAKE_UNLOCK_IDLE_MINUTES", cls.unlock_idle_minutes),
            draft_start_burst=_env_int("INTAKE_DRAFT_START_BURST", cls.draft_start_burst),
            draft_starts_per_minute=_env_int(
                "INTAKE_DRAFT_STARTS_PER_MINUTE", cls.draft_starts_per_minute
            ),
            draft_start_max_pause_ms=_env_int(
                "INTAKE_DRAFT_START_MAX_PAUSE_MS", cls.draft_start_max_pause_ms
            ),
            minimum_seconds_per_draft=_env_int(
                "INTAKE_MINIMUM_SECONDS_PER_DRAFT", cls.minimum_seconds_per_draft
            ),
            resume_days=_env_int("INTAKE_RESUME_DAYS", cls.resume_days),
            secure_cookies=_env_bool("INTAKE_SECURE_COOKIES", True),
            suppression_threshold=_env_int("INTAKE_SUPPRESSION_THRESHOLD", 5),
            resources_file=Path(os.environ["INTAKE_RESOURCES_FILE"])
            if os.environ.get("INTAKE_RESOURCES_FILE")
            else None,
            epoch_months=_env_int("INTAKE_EPOCH_MONTHS", 3),
            trusted_proxies=_env_int("INTAKE_TRUSTED_PROXIES", 0),
        )


def _read_secret(instance: Path, name: str) -> str | None:
    path = instance / SECRETS_FILE
    if not path.exists():
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise ConfigError(f"{path} must be readable by its owner only (chmod 600).")
    data = json.loads(path.read_text(encoding="utf-8"))
    value = data.get(name)
    return value if isinstance(value, str) else None


def write_instance_secrets(instance: Path) -> bool:
    """Create the owner-only secrets file once. Returns True when it was created now."""
    instance.mkdir(parents=True, exist_ok=True)
    os.chmod(instance, 0o700)
    path = instance / SECRETS_FILE
    if path.exists():
        return False
    payload = json.dumps({"secret_key": secrets.token_urlsafe(48)}, indent=2)
    # O_EXCL + 0600 from the first byte: the secret is never readable by others, even briefly.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(payload)
    return True
