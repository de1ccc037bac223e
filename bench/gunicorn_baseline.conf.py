"""The baseline runs with exactly the app's gunicorn settings, minus the app's own fork hook."""

import runpy
from pathlib import Path

_settings = runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))
globals().update({k: v for k, v in _settings.items() if not k.startswith("_") and k != "os"})


def post_fork(server, worker):  # type: ignore[no-untyped-def]
    """The baseline opens its engine lazily per process: nothing to do after fork."""
