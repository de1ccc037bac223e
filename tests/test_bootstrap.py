"""The first ``make run``: everything set up once, secrets printed once."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bootstrap(instance: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("INTAKE_") and k != "DATABASE_URL"
    }
    env["INTAKE_INSTANCE_PATH"] = str(instance)
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-m", "intake.bootstrap"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_first_run_sets_everything_up_and_prints_secrets_once(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    first = bootstrap(instance)
    assert first.returncode == 0, first.stderr
    assert "FIRST RUN" in first.stdout
    assert "http://127.0.0.1:5000/" in first.stdout
    recovery = re.search(r"Recovery key .*: ([A-Z2-7-]{50,})", first.stdout)
    assert recovery
    links = re.findall(r"http://127\.0\.0\.1:5000/s/[\w-]+", first.stdout)
    assert len(links) == 3
    assert (instance / "secrets.json").exists()
    assert len(list((instance / "keystore").glob("epoch-*.json"))) >= 3

    second = bootstrap(instance)
    assert second.returncode == 0, second.stderr
    assert "FIRST RUN" not in second.stdout
    assert recovery.group(1) not in second.stdout
    assert "password" not in second.stdout
    assert "- Creating" not in second.stdout  # a second run only checks
    # The links are stable from one run to the next.
    assert re.findall(r"http://127\.0\.0\.1:5000/s/[\w-]+", second.stdout) == links


def test_every_printed_link_uses_the_host_and_port_it_binds(tmp_path: Path) -> None:
    port = free_port()
    result = bootstrap(tmp_path / "instance", INTAKE_HOST="127.0.0.1", INTAKE_PORT=str(port))
    assert result.returncode == 0, result.stderr
    links = re.findall(r"https?://[^\s]+", result.stdout)
    assert len(links) == 6  # sign-in in the secrets, "Serving on", three questionnaires, sign-in
    assert all(link.startswith(f"http://127.0.0.1:{port}/") for link in links), links
    # The steps of a first run are announced, one line each.
    assert "- Bringing the database schema up to date" in result.stdout
    assert "one-time password" in result.stdout


def test_a_port_in_use_stops_before_any_secret_exists(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = bootstrap(instance, INTAKE_PORT=str(port))
    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"INTAKE_PORT={port + 1} make run" in result.stderr
    assert "password" not in result.stdout
    assert "Recovery" not in result.stdout
    assert not (instance / "secrets.json").exists()


def test_a_port_that_is_not_a_number_is_named(tmp_path: Path) -> None:
    result = bootstrap(tmp_path / "instance", INTAKE_PORT="50²0")
    assert result.returncode == 1
    assert "INTAKE_PORT must be a number from 1 to 65535" in result.stderr


def test_the_address_comes_from_intake_host_and_intake_port() -> None:
    from intake.serve import AddressProblem, address_from_environment

    assert address_from_environment({}).base_url == "http://127.0.0.1:5000"
    assert address_from_environment({"INTAKE_PORT": "5066"}).base_url == "http://127.0.0.1:5066"
    assert address_from_environment({"INTAKE_HOST": "::1"}).base_url == "http://[::1]:5000"
    # Listening everywhere, links go through the machine's own loopback.
    everywhere = address_from_environment({"INTAKE_HOST": "0.0.0.0", "INTAKE_PORT": "8080"})  # noqa: S104 - parsed, not bound
    assert everywhere.is_wildcard
    assert everywhere.base_url == "http://127.0.0.1:8080"
    for bad in ("0", "70000", "５０", "http"):
        with pytest.raises(AddressProblem, match="INTAKE_PORT must be a number"):
            address_from_environment({"INTAKE_PORT": bad})
