"""Extension objects, bound to an app in create_app (they hold no app state themselves)."""

from flask_wtf.csrf import CSRFProtect

from .i18n import LanguageBabel

csrf = CSRFProtect()
babel = LanguageBabel()
