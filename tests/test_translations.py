"""Shipped languages are complete, and the message template is up to date."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from intake.config import Config

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "intake" / "translations"
SHIPPED = [code for code in Config.__dataclass_fields__["languages"].default if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def load(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def test_message_template_is_not_stale(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
            "-k", "_l", "-k", "lazy_gettext", "-k", "ngettext:1,2", "-k", "lazy_ngettext:1,2",
            "--no-location", "--sort-output", "-o", str(fresh), ".",
        ],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    committed = {m.id for m in load(CATALOGS / "messages.pot") if m.id}
    extracted = {m.id for m in load(fresh) if m.id}
    assert extracted - committed == set(), "run `make translations`: new strings are missing"
    assert committed - extracted == set(), "run `make translations`: the template has old strings"


@pytest.mark.parametrize("language", SHIPPED)
def test_shipped_catalog_is_complete_and_keeps_placeholders(language: str) -> None:
    catalog = load(CATALOGS / language / "LC_MESSAGES" / "messages.po")
    template = {m.id for m in load(CATALOGS / "messages.pot") if m.id}
    problems = []
    present = set()
    for message in catalog:
        if not message.id:
            assert not message.fuzzy, "the header is marked fuzzy"
            continue
        present.add(message.id)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
        if not all(s.strip() for s in strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        for translated in strings:
            found = set(PLACEHOLDER.findall(translated))
            # A plural form may leave out the count itself (e.g. "one minute"), nothing else.
            if found - wanted or (wanted - found) - {"num"}:
                problems.append(f"placeholders differ: {ids[0]!r} -> {translated!r}")
    missing = template - present
    assert problems == []
    assert missing == set(), "run `make translations`"
