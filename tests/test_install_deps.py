"""scripts/install-test-deps.sh: one step installs what the tests need, or names the command."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "install-test-deps.sh"


def run_script(
    tmp_path: Path, installed: set[str], uid: int, *args: str
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the script with the package check stubbed and apt-get replaced by a recorder."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    calls = tmp_path / "apt-calls"
    recorder = bin_dir / "apt-get"
    recorder.write_text(f'#!/bin/sh\necho "$*" >> {calls}\n')
    recorder.chmod(0o755)
    check = bin_dir / "have-package"
    check.write_text(
        '#!/bin/sh\ncase "$1" in '
        + "".join(f"{p}) exit 0;; " for p in installed)
        + "esac\nexit 1\n"
    )
    check.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "INTAKE_DEPS_HAVE": str(check),
        "INTAKE_DEPS_UID": str(uid),
    }
    result = subprocess.run(
        [str(SCRIPT), *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    recorded = calls.read_text().splitlines() if calls.exists() else []
    return result, recorded


def test_not_root_and_missing_stops_naming_the_exact_command(tmp_path: Path) -> None:
    # Given a machine without poppler-utils and the CJK fonts, and a user who is not root
    result, apt_calls = run_script(
        tmp_path, {"chromium", "fonts-noto-core", "python3-venv"}, uid=1000
    )
    # Then it stops at once, installs nothing, and says exactly what to run
    assert result.returncode == 1
    assert apt_calls == []
    assert (
        "sudo apt-get install -y --no-install-recommends fonts-noto-cjk poppler-utils"
        in result.stderr
    )


def test_as_root_installs_only_what_is_missing(tmp_path: Path) -> None:
    result, apt_calls = run_script(
        tmp_path, {"chromium", "fonts-noto-core", "fonts-noto-cjk"}, 0, "--postgresql"
    )
    assert result.returncode == 0, result.stderr
    assert (
        apt_calls[-1]
        == "install -y -qq --no-install-recommends poppler-utils python3-venv postgresql"
    )


def test_nothing_missing_installs_nothing(tmp_path: Path) -> None:
    everything = {"chromium", "fonts-noto-core", "fonts-noto-cjk", "poppler-utils", "python3-venv"}
    result, apt_calls = run_script(tmp_path, everything, uid=1000)
    assert result.returncode == 0, result.stderr
    assert apt_calls == []
    # PostgreSQL is needed only when asked for (the second pass in .ci/run).
    result, _ = run_script(tmp_path, everything, 1000, "--postgresql")
    assert result.returncode == 1
    assert "no-install-recommends postgresql" in result.stderr


def test_make_test_and_ci_both_call_the_script() -> None:
    makefile = (ROOT / "Makefile").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/install-test-deps.sh" in makefile
    assert "test: test-deps" in makefile
    assert "scripts/install-test-deps.sh --postgresql" in ci
    # Nothing is installed by .ci/run alone.
    assert "apt-get install" not in ci
