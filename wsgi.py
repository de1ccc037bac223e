"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi …``.

Configuration is read here, at start-up, never at import time of the package itself.
"""

from intake import create_app
from intake.app import config_from_environment

app = create_app(config_from_environment())
