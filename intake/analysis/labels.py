"""Labels for the analysis that the app translates itself (groups, totals, bands, …).

Tables carry labels as either text per language (taken from a questionnaire or the
codebook) or one of the keys below, so a stored report reads in every shipped language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask_babel import format_date, gettext
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
    "contact.no_or_unsaid": _l("No contact, or did not say"),
    "group.all": _l("All respondents"),
    "themes.rest": _l("Other themes, each shared by few people"),
    "family.emergency_police": _l("Emergency and police"),
    "family.courts": _l("Courts"),
    "family.probation_programs": _l("Probation and programs"),
    "family.services": _l("Services"),
    "family.other": _l("Other points of intervention"),
    "family.rest": _l("Other points of intervention"),
    "family.all": _l("All points of intervention"),
    "themes.confirmed": _l("Confirmed"),
    "themes.suggested": _l("Suggested, not yet reviewed"),
    "table.by_group": _l("Responses by respondent group"),
    "table.by_provenance": _l("Responses by how they were given"),
    "table.by_language": _l("Responses by language"),
    "table.by_month": _l("Responses by month"),
    "table.effects": _l("How each point of intervention affected safety"),
    "table.themes": _l("Confirmed themes by respondent group"),
    "table.themes_suggested": _l("Themes suggested by the codebook and not yet reviewed"),
    "table.themes_suggested_points": _l(
        "What people wrote about, by point of intervention (suggested codes, not yet reviewed)"
    ),
    "other.answers": _l("Other answers"),
    "group.together": _l("Groups together"),
    "provenance.together": _l("Ways together"),
    "language.other": _l("Other languages"),
}


def text(label: Mapping[str, str] | str | Sequence[Any] | None, locale: str) -> str:
    """A label in ``locale``. A list is a label made of others (see analysis.combining):
    ["any", [labels]], ["range", first, last], ["family", family, [points]],
    ["themes-of", family]. Table headings use a short name (see staff/_report.html)."""
    if label is None:
        return ""
    if isinstance(label, list | tuple):
        return _composed(label, locale)
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


def _composed(label: Sequence[Any], locale: str) -> str:
    kind = label[0]
    if kind == "any":
        parts = ", ".join(text(p, locale) for p in label[1])
        return gettext("Any of: %(answers)s", answers=parts)
    if kind == "range":
        return gettext(
            "%(first)s to %(last)s", first=text(label[1], locale), last=text(label[2], locale)
        )
    if kind == "family":
        points = ", ".join(text(p, locale) for p in label[2])
        return gettext("%(family)s (%(points)s)", family=text(label[1], locale), points=points)
    if kind == "themes-of":
        return gettext("%(family)s: themes fewer people share", family=text(label[1], locale))
    return ""
