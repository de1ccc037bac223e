"""The first ``make run``: everything set up once, secrets printed once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bootstrap(instance: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("INTAKE_") and k != "DATABASE_URL"
    }
    env["INTAKE_INSTANCE_PATH"] = str(instance)
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
    # The links are stable from one run to the next.
    assert re.findall(r"http://127\.0\.0\.1:5000/s/[\w-]+", second.stdout) == links
