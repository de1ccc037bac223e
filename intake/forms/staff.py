"""Staff forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length


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


class NewPassphraseForm(FlaskForm):
    passphrase = PasswordField(
        _l("New data passphrase"),
        validators=[
            InputRequired(message=_l("Enter a data passphrase.")),
            Length(
                min=12,
                max=1024,
                message=_l(
                    "Use at least %(min)s characters; a few unrelated words work well.", min=12
                ),
            ),
        ],
    )
    confirm = PasswordField(
        _l("The same passphrase again"),
        validators=[
            InputRequired(message=_l("Type the passphrase again.")),
            EqualTo("passphrase", message=_l("The two passphrases are not the same.")),
        ],
    )


class SlotActionForm(FlaskForm):
    """Grant or remove a key slot. The slot id travels in the form body, never the URL."""

    slot_id = IntegerField(validators=[InputRequired()])


class PlainForm(FlaskForm):
    """Only a CSRF token: for buttons that change state (lock, log out)."""
