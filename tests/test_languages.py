"""Every shipped language: complete, right direction, right plural rules, no English left."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from flask import Flask

from intake import i18n
from intake.config import Config
from intake.questionnaires.catalog import SHIPPED, SHIPPED_DIR
from intake.questionnaires.translate import _text_objects
from intake.resources import SHIPPED_RESOURCES, load

from .conftest import Respondent, make_config, prepare_database, public_code
from .test_pseudo_locale import VisibleText

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = Config.__dataclass_fields__["languages"].default
TRANSLATED = [code for code in LANGUAGES if code != "en"]


def catalog(code: str):  # type: ignore[no-untyped-def]
    with (ROOT / "intake" / "translations" / code / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f)


def test_seven_languages_ship() -> None:
    assert set(LANGUAGES) == {"en", "es", "so", "vi", "zh", "ar", "hmn"}
    assert set(i18n.review_statuses()) >= set(LANGUAGES)
    assert set(load(SHIPPED_RESOURCES)) >= set(LANGUAGES)
    for code in LANGUAGES:
        assert i18n.native_name(code) != code


@pytest.mark.parametrize("code", [c for c in TRANSLATED if c != "hmn"])
def test_plural_rules_match_the_language(code: str) -> None:
    expected = get_plural(code)
    messages = catalog(code)
    assert messages.num_plurals == expected.num_plurals
    for message in messages:
        if isinstance(message.id, tuple):
            assert len(message.string) == expected.num_plurals, message.id


def test_arabic_uses_its_six_plural_forms() -> None:
    from babel.support import Translations

    translations = Translations.load(str(ROOT / "intake" / "translations"), ["ar"])
    forms = {
        translations.ngettext(
            "It takes about %(num)s minute.", "It takes about %(num)s minutes.", n
        )
        for n in (0, 1, 2, 5, 11, 100)
    }
    assert len(forms) >= 4  # Arabic distinguishes these counts


@pytest.mark.parametrize("key", SHIPPED)
def test_questionnaires_are_complete_in_every_language(key: str) -> None:
    data = json.loads((SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8"))
    for text_id, text in _text_objects(data).items():
        for code in LANGUAGES:
            assert (text.get(code) or "").strip(), f"{key}:{text_id} has no {code}"


def english_sentences() -> set[str]:
    """Source sentences that a translated page must not show."""
    sentences = set()
    for message in catalog("es"):
        plain = message.id and not isinstance(message.id, tuple) and "%(" not in message.id
        if plain and len(message.id) > 12:
            sentences.add(message.id)
    for key in SHIPPED:
        data = json.loads((SHIPPED_DIR / f"{key}.json").read_text(encoding="utf-8"))
        sentences |= {t["en"] for t in _text_objects(data).values() if len(t["en"]) > 12}
    return sentences


@pytest.fixture(scope="module")
def multilingual_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    app = __import__("intake.app", fromlist=["create_app"]).create_app(
        make_config(tmp_path_factory.mktemp("langs"), languages=LANGUAGES)
    )
    prepare_database(app)
    return app


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_public_page_is_in_the_language(multilingual_app: Flask, code: str) -> None:
    app = multilingual_app
    english = english_sentences()
    direction = "rtl" if code == "ar" else "ltr"
    walker = Respondent(app.test_client(), public_code(app))
    walker.client.get(f"/language/{code}?next=/")
    pages = [("home", walker.client.get("/").get_data(as_text=True))]
    pages.append(("help", walker.client.get("/help").get_data(as_text=True)))
    walker.open()
    pages.append(("welcome", walker.page))
    walker.post("start")
    pages.append(("consent", walker.page))
    walker.post("consent")
    for number in range(1, 10):
        pages.append((f"part {number}", walker.page))
        if 'value="submit"' in walker.page:
            break
        walker.post("next")
    walker.post("submit")
    pages.append(("thanks", walker.page))
    for name, html in pages:
        assert f'lang="{i18n.html_lang(code)}" dir="{direction}"' in html, name
        parser = VisibleText()
        parser.feed(html)
        visible = re.sub(r"\s+", " ", " ".join(parser.chunks))
        leftovers = [s for s in english if s in visible]
        assert leftovers == [], (code, name, leftovers[:3])
