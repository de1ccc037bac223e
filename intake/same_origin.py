"""Telling our own navigations from cross-site ones, for the few GETs that change state.

The quick exit, the language links and the handed-over device's locked screen must work
as plain links (no JavaScript on survivor pages), yet a link on another site must not be
able to clear a survivor's draft key or a staff session (docs/threat-model.md). Browsers
say where a navigation came from in ``Sec-Fetch-Site``; a browser too old to send it also
gets the state change (the SameSite=Strict cookie is its protection).
"""

from __future__ import annotations

from flask import request

_OURS = frozenset({"same-origin", "none"})  # "none": typed, bookmarked or reloaded


def same_origin_navigation() -> bool:
    """True unless the browser says this request was started by another site."""
    return request.headers.get("Sec-Fetch-Site", "same-origin") in _OURS
