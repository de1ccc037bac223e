"""Headers and HTML of every public page: nothing cached, nothing third-party, tight cookies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from http.cookies import SimpleCookie

import pytest
from flask import Flask
from flask.testing import FlaskClient

from .conftest import Respondent, public_code

OWN_HOSTS = ("localhost",)


def public_pages(
    app: Flask, client: FlaskClient
) -> Iterator[tuple[str, int, str, dict[str, str], list[str]]]:
    """(name, status, html, headers, set-cookie lines) for every public page and state."""

    def capture(name: str, response) -> tuple[str, int, str, dict[str, str], list[str]]:  # type: ignore[no-untyped-def]
        response.direct_passthrough = False  # static files stream; read them whole
        captured = (
            name,
            response.status_code,
            response.get_data(as_text=True),
            dict(response.headers),
            response.headers.getlist("Set-Cookie"),
        )
        response.close()
        return captured

    yield capture("home", client.get("/"))
    yield capture("help", client.get("/help"))
    yield capture("not found", client.get("/nothing-here"))
    yield capture("static css", client.get("/static/app.css"))
    yield capture("static js", client.get("/static/quick-exit.js"))
    yield capture("exit", client.get("/exit"))
    yield capture("language", client.get("/language/es?next=/"))
    for key in ("survivor", "advocate", "community_leader"):
        walker = Respondent(app.test_client(), public_code(app, key))
        walker.open()
        yield capture(f"{key} welcome", walker.client.get(walker.url))
        walker.post("start")
        yield capture(f"{key} consent", walker.client.get(walker.url))
        walker.post("consent")
        yield capture(f"{key} part", walker.client.get(walker.url))
        walker.next_until_review()
        yield capture(f"{key} review", walker.client.get(walker.url))
        walker.post("submit")
        yield capture(f"{key} thanks", walker.client.get(walker.url))
    yield capture("method not allowed", client.put("/help"))


@pytest.fixture
def pages(app: Flask, client: FlaskClient) -> list[tuple[str, int, str, dict[str, str], list[str]]]:
    return list(public_pages(app, client))


def test_every_public_response_is_not_stored_and_locked_down(pages) -> None:  # type: ignore[no-untyped-def]
    assert len(pages) >= 20
    for name, _status, _html, headers, _cookies in pages:
        assert "no-store" in headers["Cache-Control"], name
        csp = headers["Content-Security-Policy"]
        for directive in (
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "script-src 'self'",
        ):
            assert directive in csp, (name, directive)
        assert "unsafe-inline" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff", name
        assert headers["Referrer-Policy"] == "no-referrer", name
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert "ETag" not in headers, name
        assert "Last-Modified" not in headers, name


def test_cookies_are_session_only_strict_and_secure(pages) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for name, _status, _html, _headers, cookies in pages:
        for line in cookies:
            seen += 1
            lowered = line.lower()
            assert "httponly" in lowered, name
            assert "samesite=strict" in lowered, name
            assert "secure" in lowered, name
            morsel = next(iter(SimpleCookie(line).values()))
            assert morsel.key == "__Host-session", name
            deleting = morsel.value == "" or "max-age=0" in lowered
            # A browser-session cookie: never an expiry date that would keep it on the phone.
            assert deleting or ("expires" not in lowered and "max-age" not in lowered), name
    assert seen > 0


def test_no_third_party_urls_in_any_html(pages) -> None:  # type: ignore[no-untyped-def]
    url_attr = re.compile(r'\b(?:src|href|action|srcset|data|poster)\s*=\s*"([^"]*)"', re.I)
    css_url = re.compile(r"url\(([^)]*)\)", re.I)
    for name, _status, html, headers, _cookies in pages:
        if not headers.get("Content-Type", "").startswith(("text/html", "text/css")):
            continue
        if 300 <= _status < 400:
            continue  # a redirect's body is never rendered
        for url in url_attr.findall(html) + css_url.findall(html):
            url = url.strip("'\" ")
            if url.startswith(("tel:", "#", "/")) or not url:
                assert not url.startswith("//"), (name, url)
                continue
            host = re.match(r"^[a-z]+://([^/:]+)", url)
            assert host is None or host.group(1) in OWN_HOSTS, (name, url)
        for inline in ("<script>", "<style", " style="):
            assert inline not in html, (name, inline)
        assert "@import" not in html, name


def test_html_pages_declare_language_and_direction(pages) -> None:  # type: ignore[no-untyped-def]
    for name, status, html, headers, _cookies in pages:
        if headers.get("Content-Type", "").startswith("text/html") and status < 300:
            assert re.search(r'<html lang="(en|es)" dir="(ltr|rtl)">', html), name
            assert 'name="viewport"' in html, name


def test_quick_exit_is_on_every_public_page(pages) -> None:  # type: ignore[no-untyped-def]
    for name, status, html, headers, _cookies in pages:
        if headers.get("Content-Type", "").startswith("text/html") and status < 300:
            assert 'class="quick-exit" href="/exit"' in html, name
            # It comes before everything else a person could reach.
            assert html.index('class="quick-exit"') < html.index('id="main"'), name


def test_free_text_is_not_autocompleted(app: Flask) -> None:
    walker = Respondent(app.test_client(), public_code(app))
    walker.start()
    for _ in range(8):
        for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", walker.page):
            if 'type="hidden"' in tag or 'type="radio"' in tag or 'type="checkbox"' in tag:
                continue
            assert 'autocomplete="off"' in tag, tag
        if 'value="submit"' in walker.page:
            break
        walker.post("next")


def test_unused_methods_are_refused(client: FlaskClient) -> None:
    assert client.open("/help", method="TRACE").status_code == 405
    assert client.delete("/").status_code == 405


@pytest.mark.parametrize("code", [400, 403, 404, 405, 413, 429, 500, 503])
def test_generic_error_pages_reveal_nothing(app: Flask, code: int) -> None:
    from werkzeug.exceptions import default_exceptions

    @app.get(f"/boom-{code}")
    def boom() -> None:
        if code == 500:
            raise RuntimeError("secret internal detail /etc/intake")
        raise default_exceptions[code]()

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = app.test_client().get(f"/boom-{code}")
    page = response.get_data(as_text=True)
    assert response.status_code == code
    assert "Traceback" not in page
    assert "secret internal detail" not in page
    assert "Werkzeug" not in page
    assert "Leave this site now" in page
    assert "no-store" in response.headers["Cache-Control"]


def test_hsts_only_over_https(client: FlaskClient) -> None:
    assert "Strict-Transport-Security" not in client.get("/", base_url="http://localhost").headers
    assert (
        "max-age="
        in client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"]
    )
