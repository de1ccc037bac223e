"""Response headers for every page: no caching, a strict CSP, no referrer, no framing."""

from __future__ import annotations

from flask import Flask, Response, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)

STATIC_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    # Nothing from this site may be kept by the browser, static files included: a cached
    # stylesheet is a trace that the site was visited.
    "Cache-Control": "no-store, max-age=0",
    "Pragma": "no-cache",
}


def init_app(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in STATIC_HEADERS.items():
            response.headers[name] = value
        response.headers.pop("Expires", None)
        response.headers.pop("ETag", None)
        response.headers.pop("Last-Modified", None)
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
        return response
