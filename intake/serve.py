"""Development server for ``make run``: quiet logs (no client addresses), locks at start.

For production, serve ``wsgi:app`` with a WSGI server behind TLS; this is for trying the app
on one machine. ``INTAKE_HOST`` and ``INTAKE_PORT`` choose where it listens (default
127.0.0.1:5000); every link ``make run`` prints is built from the same two values.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
from dataclasses import dataclass

from werkzeug.serving import run_simple

from . import logs
from .app import config_from_environment, create_app, on_start

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000
_WILDCARDS = {"0.0.0.0", "::", ""}  # noqa: S104 - names to recognise, not to bind


class AddressProblem(Exception):
    """The address cannot be served; the message says why and what to do, in plain words."""


@dataclass(frozen=True)
class Address:
    host: str
    port: int

    @property
    def is_wildcard(self) -> bool:
        return self.host in _WILDCARDS

    @property
    def base_url(self) -> str:
        """The address people type: a wildcard bind is reached through this machine's loopback."""
        host = DEFAULT_HOST if self.host in _WILDCARDS else self.host
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"


def address_from_environment(environ: dict[str, str] | None = None) -> Address:
    env = os.environ if environ is None else environ
    host = env.get("INTAKE_HOST", "").strip() or DEFAULT_HOST
    raw = env.get("INTAKE_PORT", "").strip() or str(DEFAULT_PORT)
    if not (raw.isascii() and raw.isdigit() and 0 < int(raw) < 65536):
        raise AddressProblem(f"INTAKE_PORT must be a number from 1 to 65535, not {raw!r}.")
    return Address(host, int(raw))


def check_can_listen(address: Address) -> None:
    """Fail before anything is created or printed when the port is taken or not ours to use."""
    try:
        infos = socket.getaddrinfo(address.host, address.port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise AddressProblem(f"INTAKE_HOST {address.host!r} is not an address here.") from exc
    family, kind, proto, _name, sockaddr = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(sockaddr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise AddressProblem(
                    f"Port {address.port} on {address.host} is already in use by another "
                    "program. Stop it, or choose a free port, e.g. "
                    f"`INTAKE_PORT={address.port + 1} make run`."
                ) from exc
            raise AddressProblem(
                f"Cannot listen on {address.host}:{address.port} ({exc.strerror}). "
                "Choose another INTAKE_HOST or INTAKE_PORT."
            ) from exc


def main() -> int:
    """``make run``: set up (first run) or check, then serve — in one process, so a second
    run imports the app once and starts in seconds."""
    from . import bootstrap

    try:
        address = address_from_environment()
    except AddressProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    if bootstrap.main(address) != 0:  # checks the port before anything secret exists
        return 1
    logs.configure()
    config = config_from_environment()
    if not os.environ.get("INTAKE_SECURE_COOKIES"):
        # Plain http on localhost cannot carry Secure cookies; say so rather than hide it.
        config = config.with_overrides(secure_cookies=False)
        print("Note: cookies are not marked Secure because this server speaks plain http.")
    app = create_app(config)
    on_start(app)  # a (re)start locks the data: no unlock survives it
    run_simple(
        address.host, address.port, app, request_handler=logs.QuietRequestHandler, threaded=True
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
