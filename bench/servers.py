"""Start and stop the real app and the baseline under gunicorn, on loopback only."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKERS = os.environ.get("BENCH_WORKERS", "3")
THREADS = os.environ.get("BENCH_THREADS", "2")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    base: str
    process: subprocess.Popen  # type: ignore[type-arg]
    log: Path

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def start(
    module: str, env_extra: dict[str, str], workdir: Path, config: str = "gunicorn.conf.py"
) -> Server:
    port = free_port()
    env = dict(os.environ)
    env.update(env_extra)
    env.update(INTAKE_BIND=f"127.0.0.1:{port}", INTAKE_WORKERS=WORKERS, INTAKE_THREADS=THREADS)
    log = workdir / f"gunicorn-{module.replace(':', '-')}-{port}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", config, module],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1).read()
            return Server(base, process, log)
        except OSError:
            time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    raise RuntimeError(log.read_text())
