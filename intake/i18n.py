"""Locale negotiation and text direction.

Anonymous respondents' choice lives only in their session cookie; otherwise the browser's
Accept-Language decides; otherwise the configured default.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from flask import current_app, has_request_context, request, session

# Names a language in its own script, for the language menu. Babel knows most of them;
# these override or fill in where its display name is not what speakers expect.
NATIVE_NAMES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "so": "Soomaali",
    "vi": "Tiếng Việt",
    "zh": "中文（简体）",
    "ar": "العربية",
    "hmn": "Hmoob",
}
RTL_LANGUAGES = {"ar", "fa", "he", "ps", "ur"}


def configured_languages() -> tuple[str, ...]:
    return current_app.extensions["intake.config"].languages


def select_locale() -> str:
    if not has_request_context():  # the command line speaks the default language
        return current_app.extensions["intake.config"].default_language
    languages = configured_languages()
    chosen = session.get("lang")
    if isinstance(chosen, str) and chosen in languages:
        return chosen
    best = request.accept_languages.best_match(languages)
    return best or current_app.extensions["intake.config"].default_language


def native_name(code: str) -> str:
    if code in NATIVE_NAMES:
        return NATIVE_NAMES[code]
    try:
        return Locale.parse(code).get_display_name(code) or code
    except (UnknownLocaleError, ValueError):
        return code


def text_direction(code: str) -> str:
    if code in RTL_LANGUAGES:
        return "rtl"
    try:
        return Locale.parse(code).text_direction
    except (UnknownLocaleError, ValueError):
        return "ltr"


def html_lang(code: str) -> str:
    """BCP 47 tag for <html lang>: Chinese as shipped is Simplified."""
    return {"zh": "zh-Hans"}.get(code, code)
