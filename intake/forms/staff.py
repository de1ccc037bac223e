"""Staff forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import InputRequired, Length


class LoginForm(FlaskForm):
    username = StringField(
        _l("Username"),
        validators=[InputRequired(message=_l("Enter your username.")), Length(max=64)],
    )
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(message=_l("Enter your password.")), Length(max=1024)],
    )


class UnlockForm(FlaskForm):
    passphrase = PasswordField(
        _l("Data passphrase"),
        validators=[InputRequired(message=_l("Enter your data passphrase.")), Length(max=1024)],
    )


class PlainForm(FlaskForm):
    """Only a CSRF token: for buttons that change state (lock, log out)."""
