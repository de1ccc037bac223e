"""Development server for ``make run``: quiet logs (no client addresses), locks at start.

For production, serve ``wsgi:app`` with a WSGI server behind TLS; this is for trying the app
on one machine.
"""

from __future__ import annotations

import os

from werkzeug.serving import run_simple

from . import logs
from .app import config_from_environment, create_app, on_start


def main() -> None:
    logs.configure()
    config = config_from_environment()
    if not os.environ.get("INTAKE_SECURE_COOKIES"):
        # Plain http on localhost cannot carry Secure cookies; say so rather than hide it.
        config = config.with_overrides(secure_cookies=False)
        print("Note: cookies are not marked Secure because this server speaks plain http.")
    app = create_app(config)
    on_start(app)  # a (re)start locks the data: no unlock survives it
    host = os.environ.get("INTAKE_HOST", "127.0.0.1")
    port = int(os.environ.get("INTAKE_PORT", "5000"))
    run_simple(host, port, app, request_handler=logs.QuietRequestHandler, threaded=True)


if __name__ == "__main__":
    main()
