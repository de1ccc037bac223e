"""Staff forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, IntegerField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import EqualTo, InputRequired, Length, NumberRange, Regexp


class LoginForm(FlaskForm):
    username = StringField(
        _l("Username"),
        validators=[InputRequired(message=_l("Enter your username.")), Length(max=64)],
    )
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(message=_l("Enter your password.")), Length(max=1024)],
    )


def row_id() -> list[object]:
    """A database id posted in a form: a positive number that fits a 64-bit column (a longer
    one would overflow the database driver: a 500 instead of a refusal)."""
    return [InputRequired(), NumberRange(min=1, max=2**63 - 1)]


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

    slot_id = IntegerField(validators=row_id())


class PlainForm(FlaskForm):
    """Only a CSRF token: for buttons that change state (lock, log out)."""


class CodeForm(FlaskForm):
    code = StringField(
        _l("Six-digit code from your authenticator app"),
        validators=[InputRequired(message=_l("Enter the code.")), Length(max=12)],
    )


class FirstPasswordForm(FlaskForm):
    """A new password in place of a one-time one (the current one was checked at sign-in)."""

    new = PasswordField(
        _l("New password"),
        validators=[InputRequired(message=_l("Enter a new password.")), Length(max=1024)],
    )
    confirm = PasswordField(
        _l("The same new password again"),
        validators=[
            InputRequired(message=_l("Type the new password again.")),
            EqualTo("new", message=_l("The two passwords are not the same.")),
        ],
    )


class PasswordChangeForm(FirstPasswordForm):
    """A new password, with the current one (templates place the fields by name)."""

    current = PasswordField(
        _l("Current password"),
        validators=[InputRequired(message=_l("Enter your current password.")), Length(max=1024)],
    )


class OpenInvitationForm(FlaskForm):
    """The invitation code travels in the body: never in an address a server logs."""

    code = StringField(
        _l("Invitation code"),
        validators=[
            InputRequired(message=_l("Enter the invitation code from your link.")),
            Length(max=128, message=_l("That is not an invitation code.")),
        ],
    )


class AcceptInvitationForm(FlaskForm):
    username = StringField(
        _l("Choose a username"),
        validators=[
            InputRequired(message=_l("Choose a username.")),
            Length(min=3, max=64, message=_l("Use 3 to 64 characters.")),
            Regexp(
                r"^[A-Za-z0-9._-]+$",
                message=_l("Use letters, digits, dots, dashes or underscores."),
            ),
        ],
    )
    password = PasswordField(
        _l("Choose a password"),
        validators=[InputRequired(message=_l("Choose a password.")), Length(max=1024)],
    )
    confirm = PasswordField(
        _l("The same password again"),
        validators=[
            InputRequired(message=_l("Type the password again.")),
            EqualTo("password", message=_l("The two passwords are not the same.")),
        ],
    )


class InvitationForm(FlaskForm):
    role = SelectField(
        _l("Role"),
        choices=[
            SelectChoice("advocate", _l("Advocate")),
            SelectChoice("facilitator", _l("Facilitator")),
            SelectChoice("viewer", _l("Team viewer")),
            SelectChoice("admin", _l("Administrator")),
        ],
        validators=[InputRequired()],
    )
    program_id = SelectField(_l("Program (for advocates)"), coerce=int, validate_choice=True)


class ProgramForm(FlaskForm):
    name = StringField(
        _l("Program name"),
        validators=[InputRequired(message=_l("Enter a name.")), Length(max=120)],
    )


class UserActionForm(FlaskForm):
    user_id = IntegerField(validators=row_id())


class SettingsForm(FlaskForm):
    quick_exit_url = StringField(
        _l("Quick exit goes to"),
        validators=[
            InputRequired(message=_l("Enter an address.")),
            Length(max=300),
            Regexp(
                r"^https://[^\s/$.?#].[^\s]*$",
                message=_l("Use a full https:// address of an everyday site."),
            ),
        ],
    )
    neutral_title = StringField(_l("Neutral page title (optional)"), validators=[Length(max=80)])
    suppression_threshold = IntegerField(
        _l("Hide counts below"),
        validators=[
            InputRequired(message=_l("Enter a number.")),
            NumberRange(
                min=3, max=50, message=_l("Use a number from %(min)s to %(max)s.", min=3, max=50)
            ),
        ],
    )


class EntryStartForm(FlaskForm):
    questionnaire = SelectField(_l("Questionnaire"), validators=[InputRequired()])
    language = SelectField(_l("Language used with the participant"), validators=[InputRequired()])
    consent = BooleanField(
        _l(
            "The participant agreed to take part, after hearing what is asked and how answers are protected."
        ),
        validators=[
            InputRequired(message=_l("An entry can only be made with the participant's agreement."))
        ],
    )
    read_aloud = BooleanField(_l("I read the questions aloud"))
    interpreted = BooleanField(_l("An interpreter helped"))


class DraftActionForm(FlaskForm):
    """Continue or delete a draft. The id travels in the body, never the URL."""

    draft_id = StringField(validators=[InputRequired(), Length(max=32)])


class HandoverForm(FlaskForm):
    questionnaire = SelectField(_l("Questionnaire"), validators=[InputRequired()])
    # Without a choice the participant starts in the advocate's language (the view sets the
    # default); she can change it on every page.
    language = SelectField(_l("The participant's language"))


class ListeningStartForm(FlaskForm):
    # Without a choice the session is in the facilitator's language (the view's default).
    language = SelectField(_l("Language the session was held in"))


class QuestionnaireUploadForm(FlaskForm):
    """An XLSForm workbook. Its content is checked by the reader, not here."""

    workbook = FileField(
        _l("XLSForm workbook (.xlsx)"),
        validators=[FileRequired(message=_l("Choose a workbook to upload."))],
    )


class VersionActionForm(FlaskForm):
    """Publish, discard, retire or preview a version; the id travels in the body."""

    version_id = IntegerField(validators=row_id())
    language = StringField(validators=[Length(max=16)])
    confirm = BooleanField(
        _l("I understand: the link stops working, and unfinished answers on it are lost.")
    )
