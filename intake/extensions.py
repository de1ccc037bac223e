"""Extension objects, bound to an app in create_app (they hold no app state themselves)."""

from flask_babel import Babel
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
babel = Babel()
