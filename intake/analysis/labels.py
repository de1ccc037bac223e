"""Labels for the analysis that the app translates itself (groups, totals, bands, …).

Tables carry labels as either text per language (taken from a questionnaire or the
codebook) or one of the keys below, so a stored report reads in every shipped language.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from ..i18n import native_name
from ..questionnaires.types import localise
from .aggregate import month_label

APP_LABELS = {
    "total": _l("Total"),
    "count": _l("Responses"),
    "respondents": _l("People who answered"),
    "group.survivor": _l("Survivors"),
    "group.advocate": _l("Advocates"),
    "group.community_leader": _l("Community leaders"),
    "group.listening_session": _l("Listening sessions"),
    "provenance.self": _l("Answered by the person"),
    "provenance.assisted": _l("Entered with an advocate"),
    "provenance.listening_session": _l("Listening-session record"),
    "answer.yes": _l("Yes"),
    "answer.no": _l("No"),
    "answer.prefer_not_to_say": _l("Prefer not to say"),
    "contact.yes": _l("Had contact"),
    "contact.no": _l("No contact"),
    "contact.unsaid": _l("Did not say"),
    "themes.confirmed": _l("Confirmed"),
    "themes.suggested": _l("Suggested, not yet reviewed"),
    "table.by_group": _l("Responses by respondent group"),
    "table.by_provenance": _l("Responses by how they were given"),
    "table.by_language": _l("Responses by language"),
    "table.by_month": _l("Responses by month"),
    "table.effects": _l("How each point of intervention affected safety"),
    "table.themes": _l("Confirmed themes by respondent group"),
    "table.themes_suggested": _l("Themes suggested by the codebook and not yet reviewed"),
}


def text(label: Mapping[str, str] | str | None, locale: str) -> str:
    """A label in ``locale``."""
    if label is None:
        return ""
    if not isinstance(label, str):
        return localise(label, locale)
    if label in APP_LABELS:
        return str(APP_LABELS[label])
    kind, _sep, value = label.partition(":")
    if kind == "point":
        return value
    if kind == "band":
        return value.replace("-", "–")
    if kind == "language":
        return native_name(value)
    if kind == "month":
        return format_date(month_label(value), "MMMM y")
    return label
