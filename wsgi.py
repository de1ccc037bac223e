"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi …``.

Configuration is read here, at start-up, never at import time of the package itself.
Starting the server locks the data: any unlock left from before the (re)start is removed,
and key-store files no epoch uses any more are cleaned up.
"""

from intake import create_app
from intake.app import config_from_environment, on_start

app = create_app(config_from_environment())
on_start(app)
