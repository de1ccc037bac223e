"""gunicorn settings for production (``make serve``). Values can be overridden by env.

No access log: gunicorn's default access format records client addresses, which this app
never keeps. Errors go to stderr without request details.
"""

import os

bind = os.environ.get("INTAKE_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("INTAKE_WORKERS", "3"))
threads = int(os.environ.get("INTAKE_THREADS", "2"))
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
limit_request_line = 4096
limit_request_fields = 60
accesslog = None
errorlog = "-"
loglevel = "info"
# Load the app once in the master: start-up (which locks the data and tidies the key store)
# runs once per server start, not whenever a worker is recycled.
preload_app = True
proc_name = "ccr-intake"


def post_fork(server, worker):
    """Connections must not be shared across processes: each worker opens its own."""
    from wsgi import app

    app.extensions["intake.db"].engine.dispose(close=False)
