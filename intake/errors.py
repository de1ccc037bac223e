"""Generic, translated error pages. They never echo input and never reveal internals."""

from __future__ import annotations

import contextlib

from flask import Flask, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: (
        _l("Something went wrong"),
        _l("This request could not be understood. Please go back and try again."),
    ),
    403: (_l("Not allowed"), _l("You do not have permission to see this page.")),
    404: (
        _l("Page not found"),
        _l("There is nothing at this address. Check the link you were given."),
    ),
    405: (_l("Not allowed"), _l("This page cannot be used that way.")),
    413: (
        _l("Too much text"),
        _l("What you sent was too large to accept. Please shorten your answers and try again."),
    ),
    429: (
        _l("Please wait a moment"),
        _l("There have been too many attempts. Please wait a while and try again."),
    ),
    500: (
        _l("Something went wrong"),
        _l(
            "Something went wrong on our side. Nothing you sent has been shared. Please try again shortly."
        ),
    ),
    503: (
        _l("Please try again shortly"),
        _l("This service is busy or being updated. Please try again in a few minutes."),
    ),
}


def render_error(code: int, *, title: object = None, message: object = None):  # type: ignore[no-untyped-def]
    default_title, default_message = MESSAGES.get(code, MESSAGES[500])
    return (
        render_template(
            "error.html",
            code=code,
            title=title or default_title,
            message=message or default_message,
        ),
        code,
    )


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(_exc: CSRFError):  # type: ignore[no-untyped-def]
        # The survey page keeps the answers itself (see public.views); elsewhere a plain page.
        handler = app.extensions.get("intake.csrf_handlers", {}).get(request.endpoint)
        if handler is not None:
            return handler()
        return render_error(
            400,
            title=_l("This page timed out"),
            message=_l(
                "For your safety, forms expire after a while. Please go back, reload the page "
                "and try again."
            ),
        )

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):  # type: ignore[no-untyped-def]
        code = exc.code or 500
        # A page may answer an error itself (e.g. an upload that is too large says so where
        # the upload form is), keyed by status and endpoint.
        handler = app.extensions.get("intake.error_handlers", {}).get((code, request.endpoint))
        if handler is not None:
            return handler()
        response = render_error(code if code in MESSAGES else 400)
        if code == 405 and exc.get_response().headers.get("Allow"):
            return response[0], 405, {"Allow": exc.get_response().headers["Allow"]}
        return response

    @app.errorhandler(SQLAlchemyError)
    def _database(_exc: SQLAlchemyError):  # type: ignore[no-untyped-def]
        # The database is down or busy. Nothing is cleared: the respondent's cookie still
        # holds their draft's key, and the draft is still in the database for when it is back.
        from .db import db_session

        with contextlib.suppress(SQLAlchemyError):
            db_session().rollback()
        app.logger.warning("database unavailable: %s", type(_exc).__name__)
        return render_error(503)

    @app.errorhandler(500)
    def _unexpected(_exc: Exception):  # type: ignore[no-untyped-def]
        # Flask has already logged it through IntakeFlask.log_exception (type and place only).
        return render_error(500)
