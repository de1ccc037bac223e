"""Languages: choosing one, loading its catalog, and writing direction.

The respondent's language is a plain code ("so", "ar", "hmn", …) chosen from the menu and
kept only in the session cookie, else taken from Accept-Language, else the default. That code
names the gettext catalog folder. Formatting numbers and dates needs CLDR data, which Babel
does not have for every language (Hmong, for one), so formatting uses the nearest locale
Babel knows (``FORMAT_LOCALES``) while the words come from the language's own catalog.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError, support
from flask import current_app, g, has_app_context, has_request_context, request, session
from flask_babel import Babel, Domain, force_locale
from markupsafe import Markup

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"

# The language menu names each language in its own script.
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
# BCP 47 tags for <html lang>: Chinese as shipped is Simplified.
HTML_LANG = {"zh": "zh-Hans"}
# Babel locales used to format numbers and dates where the code alone is not one Babel
# knows. Hmong (RPA) is written in Latin script with Western digits.
FORMAT_LOCALES = {"zh": "zh_Hans", "hmn": "en"}


def configured_languages() -> tuple[str, ...]:
    return current_app.extensions["intake.config"].languages


def default_language() -> str:
    return current_app.extensions["intake.config"].default_language


def current_language() -> str:
    """The language of this request (cached on ``g``)."""
    if not has_request_context():  # the command line speaks the default language
        return default_language() if has_app_context() else "en"
    cached = g.get("intake_language")
    if cached:
        return cached
    languages = configured_languages()
    chosen = session.get("lang")
    if isinstance(chosen, str) and chosen in languages:
        language = chosen
    else:
        language = request.accept_languages.best_match(languages) or default_language()
    g.intake_language = language
    return language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Words and formatting in ``language`` for the duration, then back to the request's.

    A staff page that a participant reads with the advocate (assisted entry) is in two
    languages: the staff chrome in the advocate's, everything the participant reads or
    answers in hers. Lazy strings (form errors, option labels) take the language in force
    when they are turned into text, so build, validate and render her part inside this.
    """
    previous = g.get("intake_language")
    g.intake_language = language
    try:
        with force_locale(format_locale_for(language)):
            yield
    finally:
        if previous is None:
            g.pop("intake_language", None)
        else:
            g.intake_language = previous


def speaking_block(language: str, caller: Callable[[], Markup]) -> Markup:
    """``speaking`` for templates: ``{% call speaking_block(code) %}…{% endcall %}``
    renders the block's words in ``code`` (the rest of the page keeps its own)."""
    with speaking(language):
        return caller()  # a Jinja block: already escaped Markup


def format_locale_for(language: str) -> str:
    return FORMAT_LOCALES.get(language, language)


def babel_locale_selector() -> str:
    """What Flask-Babel formats numbers and dates with."""
    return format_locale_for(current_language())


def native_name(code: str) -> str:
    if code in NATIVE_NAMES:
        return NATIVE_NAMES[code]
    try:
        return Locale.parse(code).get_display_name(code) or code
    except (UnknownLocaleError, ValueError):
        return code


@lru_cache(maxsize=32)
def _catalog(language: str) -> support.NullTranslations:
    return support.Translations.load(str(TRANSLATIONS_DIR), [language])


def catalog_text(language: str, message: str) -> str:
    """``message`` in ``language`` from the app's catalog, outside any request (exports)."""
    return _catalog(language).gettext(message)


def text_direction(code: str) -> str:
    if code in RTL_LANGUAGES:
        return "rtl"
    try:
        return Locale.parse(format_locale_for(code)).text_direction
    except (UnknownLocaleError, ValueError):
        return "ltr"


def html_lang(code: str) -> str:
    return HTML_LANG.get(code, code)


class LanguageDomain(Domain):
    """A gettext domain keyed by our language code, not by a Babel ``Locale``.

    Flask-Babel looks catalogs up by the request's Babel locale, which cannot represent a
    language without CLDR data; here the catalog folder is the language code itself.
    """

    def get_translations(self) -> support.NullTranslations:
        if not has_app_context():
            return support.NullTranslations()
        language = current_language()
        cache: dict[str, support.Translations] = current_app.extensions.setdefault(
            "intake.translations", {}
        )
        translations = cache.get(language)
        if translations is None:
            translations = support.Translations()
            for dirname in self.translation_directories:
                catalog = support.Translations.load(dirname, [language], self.domain[0])
                translations.merge(catalog)
                if hasattr(catalog, "plural"):
                    translations.plural = catalog.plural  # merge() does not copy it
            cache[language] = translations
        return translations


class LanguageBabel(Babel):
    @property
    def domain_instance(self) -> Domain:  # type: ignore[override]
        if not hasattr(self, "_language_domain"):
            self._language_domain = LanguageDomain(domain=self.domain)
        return self._language_domain


@lru_cache(maxsize=1)
def review_statuses() -> dict[str, dict[str, Any]]:
    data = json.loads((TRANSLATIONS_DIR / "status.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}
