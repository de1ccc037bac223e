"""The key store: epoch private keys, sealed to the team key, kept *outside* the database.

Why a separate place: crypto-shredding an epoch must make its responses unreadable in every
database backup too. A backup never contains this folder, so deleting an epoch's file here is
enough — as long as the key store's own (small, separate) backups are re-taken after a
destruction and the older ones destroyed (docs/deploy notes in docs/threat-model.md).

Each file holds only HPKE ciphertext: the folder is useless without the team private key.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

_LABEL = re.compile(r"^[0-9A-Za-z-]{1,32}$")


class KeystoreError(RuntimeError):
    pass


@dataclass(frozen=True)
class SealedEpochKey:
    label: str
    team_key_version: int
    sealed: bytes


class Keystore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _file(self, label: str) -> Path:
        if not _LABEL.match(label):
            raise KeystoreError(f"bad epoch label {label!r}")
        return self.path / f"epoch-{label}.json"

    def ensure(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        os.chmod(self.path, 0o700)

    def put(self, key: SealedEpochKey) -> None:
        """Write atomically (temp file + rename), owner-only from the first byte."""
        self.ensure()
        payload = json.dumps(
            {
                "epoch": key.label,
                "team_key_version": key.team_key_version,
                "sealed": key.sealed.hex(),
            }
        )
        fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".tmp-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self._file(key.label))
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    def get(self, label: str) -> SealedEpochKey | None:
        path = self._file(label)
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return SealedEpochKey(
                label=str(data["epoch"]),
                team_key_version=int(data["team_key_version"]),
                sealed=bytes.fromhex(str(data["sealed"])),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise KeystoreError(f"the key file for epoch {label} is damaged") from exc

    def destroy(self, label: str) -> bool:
        """Overwrite then delete. (On SSDs and journaling file systems the overwrite is best
        effort; the encryption, not the overwrite, is what makes this safe.)"""
        path = self._file(label)
        if not path.exists():
            return False
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(os.urandom(size))
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
        return True

    def labels(self) -> list[str]:
        if not self.path.exists():
            return []
        return sorted(p.stem.removeprefix("epoch-") for p in self.path.glob("epoch-*.json"))
