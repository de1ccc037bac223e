"""The application factory."""

from __future__ import annotations

import logging
import sys
from datetime import timedelta
from types import TracebackType

from flask import Flask

from . import crypto, db, errors, i18n, logs, resources, security, settings
from .config import PROJECT_ROOT, Config
from .extensions import babel, csrf
from .keystore import Keystore
from .ratelimit import DraftStartLimiter, PhraseAttemptLimiter

TRANSLATIONS_DIR = PROJECT_ROOT / "intake" / "translations"


class IntakeFlask(Flask):
    def log_exception(
        self,
        exc_info: tuple[type[BaseException], BaseException, TracebackType]
        | tuple[None, None, None],
    ) -> None:
        # Never the exception's message: it may quote what a respondent wrote.
        self.logger.error("unhandled %s", logs.describe_exception(exc_info[0], exc_info[2]))


def create_app(config: Config) -> Flask:
    """Build an app from a complete configuration (see ``Config.from_env``)."""
    if not config.secret_key:
        raise ValueError("a secret key is required")
    app = IntakeFlask(
        __name__,
        instance_path=str(config.instance_path),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    cookie_name = "__Host-session" if config.secure_cookies else "intake_session"
    app.config.update(
        SECRET_KEY=config.secret_key,
        TESTING=config.testing,
        SESSION_COOKIE_NAME=cookie_name,
        SESSION_COOKIE_SECURE=config.secure_cookies,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_REFRESH_EACH_REQUEST=False,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=config.staff_session_absolute_hours),
        MAX_CONTENT_LENGTH=config.max_request_bytes,
        MAX_FORM_MEMORY_SIZE=config.max_request_bytes,
        MAX_FORM_PARTS=500,
        WTF_CSRF_TIME_LIMIT=max(config.draft_idle_minutes, 30) * 60,
        # Our pages send no Referer (Referrer-Policy: no-referrer), so Flask-WTF's HTTPS
        # referrer check would reject every form; the token plus SameSite=Strict suffice.
        WTF_CSRF_SSL_STRICT=False,
        BABEL_TRANSLATION_DIRECTORIES=";".join(
            str(path) for path in (TRANSLATIONS_DIR, *config.extra_translation_dirs)
        ),
        BABEL_DEFAULT_LOCALE=config.default_language,
        SEND_FILE_MAX_AGE_DEFAULT=0,
    )
    app.extensions["intake.config"] = config
    # Fail at start, not at the first page, if the CCR's hotline list is unreadable.
    resources.load(config.resources_file or resources.SHIPPED_RESOURCES)
    app.extensions["intake.keystore"] = Keystore(
        config.instance_path / "keystore", crypto.derive_key(config.secret_key, "key-material")
    )
    # Suggested coding sealed with each new response, handed to ``store_response`` by the
    # views: intake.responses sits below the analysis and must not import it.
    from .analysis.record import code_at_submission

    app.extensions["intake.coder"] = code_at_submission
    # No count of submissions per connection: shared connections are never blocked. What a
    # script needs many of (new drafts, phrase guesses) is bounded instead.
    app.extensions["intake.draft_limiter"] = DraftStartLimiter(
        config.draft_start_burst,
        config.draft_starts_per_minute,
        max_pause=config.draft_start_max_pause_ms / 1000,
    )
    app.extensions["intake.phrase_limiter"] = PhraseAttemptLimiter(
        config.phrase_attempt_burst,
        config.phrase_attempts_per_minute,
        config.phrase_attempts_overall_per_minute,
    )

    if config.trusted_proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=config.trusted_proxies, x_proto=config.trusted_proxies
        )
    db.init_app(app, config.database_url)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.babel_locale_selector)
    security.init_app(app)
    errors.init_app(app)

    from .cli import init_app as init_cli
    from .public.views import make_blueprint as public_blueprint
    from .staff.views import make_blueprint as staff_blueprint

    app.register_blueprint(public_blueprint(config))
    app.register_blueprint(staff_blueprint(config))
    init_cli(app)
    _template_globals(app)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return app


def _template_globals(app: Flask) -> None:
    from flask_babel import format_number, gettext

    @app.template_filter("suppress")
    def _suppress(count: int) -> object:
        """Small counts could identify someone: 1..k-1 is shown as "fewer than k"."""
        k = settings.current().suppression_threshold
        if 0 < count < k:
            return gettext("fewer than %(k)s", k=format_number(k))
        return format_number(count)

    @app.template_global("label")
    def _label(value: object) -> str:
        """A table or theme label in the reader's language (see intake.analysis.labels)."""
        from .analysis import labels

        return labels.text(value, i18n.current_language())  # type: ignore[arg-type]

    @app.template_filter("placeholders")
    def _placeholders(text: str) -> str:
        """Redaction markers ([name], [phone], …) in the reader's language."""
        from .redaction import localise_placeholders

        return localise_placeholders(text)

    @app.template_filter("format_date_only")
    def _format_date_only(value: object) -> str:
        from flask_babel import format_date

        return format_date(value)  # type: ignore[arg-type]

    @app.template_filter("count")
    def _count(value: int | None) -> object:
        """A published count, or "hidden" for one withheld by disclosure control."""
        return gettext("hidden") if value is None else format_number(value)

    @app.context_processor
    def _globals() -> dict[str, object]:
        language = i18n.current_language()
        config: Config = app.extensions["intake.config"]
        return {
            "current_language": language,
            "html_lang": i18n.html_lang(language),
            "text_direction": i18n.text_direction(language),
            "languages": [(code, i18n.native_name(code)) for code in config.languages],
            "neutral_title": settings.current().neutral_title,
            "resources": settings.current().resources.get(language)
            or resources.for_language(
                language,
                config.default_language,
                config.resources_file or resources.SHIPPED_RESOURCES,
            ),
            "suppression_threshold": settings.current().suppression_threshold,
        }


def on_start(app: Flask, lock_data: bool | None = None) -> None:
    """What every server start does: lock the data (no unlock survives a restart) and tidy
    the key store. Quietly skipped when the database is not migrated yet (e.g. ``flask
    intake migrate`` itself imports wsgi.py).

    ``flask --app wsgi intake …`` imports wsgi.py too, and a nightly backup must not end a
    facilitator's unlock: unless told, the data is locked only when no command is running
    (a real server start) or the command is ``flask run``. Key-store work takes the key
    store's lock (see ``keyring.hold_keystore``), so a start-up waits for a rotation."""
    from sqlalchemy.exc import SQLAlchemyError

    from . import clock, keyring

    if lock_data is None:
        lock_data = _is_server_start()
    config: Config = app.extensions["intake.config"]
    keystore = app.extensions["intake.keystore"]
    session = db.get_database(app).session()
    try:
        if lock_data:
            keyring.purge_all_unlocks(session)
            session.commit()
        if keyring.is_initialised(session):
            # The current epoch and the next two exist before anyone submits.
            keyring.ensure_epochs(session, keystore, clock.today(), config.epoch_months)
            session.commit()
            keyring.prune_keystore(session, keystore)
        session.commit()
    except SQLAlchemyError:
        session.rollback()
    finally:
        session.close()


def _is_server_start() -> bool:
    import click

    if click.get_current_context(silent=True) is None:
        return True  # gunicorn (or another WSGI server) importing wsgi.py
    # Under the ``flask`` command: only ``flask run`` starts a server.
    words = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    return "run" in words and "intake" not in words


def config_from_environment() -> Config:
    """For wsgi.py and the CLI: fail loudly and plainly when configuration is missing."""
    from .config import ConfigError

    try:
        return Config.from_env()
    except ConfigError as exc:
        sys.stderr.write(f"ccr-intake cannot start: {exc}\n")
        raise SystemExit(2) from exc
