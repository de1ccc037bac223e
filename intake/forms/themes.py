"""Forms for coding, the codebook and reports. Identifiers travel in form bodies only."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import AnyOf, InputRequired, Length, Optional

from ..analysis.annotations import ACTIONS


class DecisionForm(FlaskForm):
    """One decision on one excerpt; ``handle`` is sealed to this unlock (see theme_views)."""

    handle = HiddenField(validators=[InputRequired(), Length(max=600)])
    action = HiddenField(validators=[InputRequired(), AnyOf(ACTIONS)])
    code = StringField(_l("Code"), validators=[Optional(), Length(max=120)])
    words = StringField(
        _l("Words to hide, separated by commas"), validators=[Optional(), Length(max=300)]
    )
    # Where to come back to in the queue (validated again when used).
    back_code = HiddenField(validators=[Optional(), Length(max=120)])
    back_status = HiddenField(validators=[Optional(), Length(max=20)])
    back_page = IntegerField(validators=[Optional()])


class PublishForm(FlaskForm):
    title = StringField(
        _l("Report title"),
        validators=[
            InputRequired(message=_l("Give the report a title.")),
            Length(max=200, message=_l("Use at most %(max)s characters.", max=200)),
        ],
    )
    # Set by the publish page: the facilitator has seen what will be left out.
    reviewed = HiddenField(validators=[Optional(), AnyOf(["1"])])
    same_again = BooleanField(_l("Yes, publish the same numbers and quotes again"))


class WithdrawForm(FlaskForm):
    report = IntegerField(validators=[InputRequired()])
    confirm = HiddenField(validators=[Optional(), AnyOf(["1"])])  # set by the question


class ReportChoiceForm(FlaskForm):
    report = SelectField(_l("Report"), coerce=int, validators=[InputRequired()])


class NewCodeForm(FlaskForm):
    label = StringField(
        _l("Name of the code"),
        validators=[
            InputRequired(message=_l("Give the code a name.")),
            Length(max=120, message=_l("Use at most %(max)s characters.", max=120)),
        ],
    )
    language = SelectField(_l("Language of the words"), validators=[InputRequired()])
    patterns = TextAreaField(
        _l("Words that suggest it, one per line"),
        validators=[InputRequired(message=_l("Give at least one word or phrase."))],
    )


class ToggleCodeForm(FlaskForm):
    code = HiddenField(validators=[InputRequired(), Length(max=120)])
    enabled = HiddenField(validators=[InputRequired(), AnyOf(["0", "1"])])


class SensesForm(FlaskForm):
    """The word senses switched on, as ticked boxes (``sense_on``, read from the request);
    ``shown`` names every sense the page listed, so that a sense added since the page was
    opened is not switched off by a box that was never shown."""

    shown = HiddenField(validators=[InputRequired(), Length(max=4000)])


class PromoteForm(FlaskForm):
    language = HiddenField(validators=[InputRequired(), Length(max=8)])
    terms = HiddenField(validators=[InputRequired(), Length(max=400)])
    label = StringField(
        _l("Name of the new code"),
        validators=[
            InputRequired(message=_l("Give the code a name.")),
            Length(max=120, message=_l("Use at most %(max)s characters.", max=120)),
        ],
    )


def part_form(languages: tuple[str, ...] | list[str]) -> type[FlaskForm]:
    """A form with a label and a pattern list per shipped language."""

    class PartForm(FlaskForm):
        pass

    for lang in languages:
        setattr(
            PartForm,
            f"label_{lang}",
            StringField(_l("Name"), validators=[Optional(), Length(max=120)]),
        )
        setattr(
            PartForm,
            f"patterns_{lang}",
            TextAreaField(
                _l("Words that suggest it, one per line"),
                validators=[Optional(), Length(max=20000)],
            ),
        )
    return PartForm
