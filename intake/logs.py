"""Logging that cannot carry what people wrote, where they are, or what they use.

Request lines carry method, path and status only: no address, no user agent, no query
string. Unhandled errors are logged by exception type and code location only: an exception's
message may quote the input that caused it.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

from werkzeug.serving import WSGIRequestHandler

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    root.setLevel(level)


def describe_exception(exc_type: type[BaseException] | None, tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb)[-5:] if tb else []
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(frames))
    return f"{exc_type.__name__ if exc_type else 'Exception'} at {where or 'unknown'}"


class QuietRequestHandler(WSGIRequestHandler):
    """The development server's handler, minus the client address and query string."""

    def version_string(self) -> str:
        return "intake"  # no server or Python version for strangers to probe

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = self.path.split("?", 1)[0]
        logging.getLogger("intake.http").info("%s %s %s", self.command, path, code)

    def log_error(self, format: str, *args: object) -> None:
        logging.getLogger("intake.http").warning("request error %s", args[0] if args else "")

    def log_message(self, format: str, *args: object) -> None:
        return
