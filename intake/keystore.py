"""The key store: epoch private keys, sealed to the team key, kept *outside* the database.

Why a separate place: crypto-shredding an epoch must make its responses unreadable in every
database backup too. A backup never contains this folder, so deleting an epoch's files here
is enough — as long as the key store's own (small, separate) backups are re-taken after a
destruction and the older ones destroyed (docs/threat-model.md).

Files are never overwritten. Each is named by the epoch label, a fingerprint of the epoch's
public key and the team key version it is sealed to
(``epoch-2026-Q4-3f9a…-v1.json``), so:

- two workers creating the same epoch at once each write their own file; the database row
  (unique per label) decides which key pair is the epoch's, and the other file is an orphan;
- a rotation writes new files beside the old ones and removes the old ones only after the
  database has committed the new team key — an interrupted rotation loses nothing.

Each file holds only HPKE ciphertext: the folder is useless without the team private key.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .crypto import sha256_hex

_LABEL = re.compile(r"^[0-9A-Za-z-]{1,32}$")
_NAME = re.compile(r"^epoch-(?P<label>[0-9A-Za-z-]+)-(?P<fp>[0-9a-f]{16})-v(?P<version>\d+)\.json$")


class KeystoreError(RuntimeError):
    pass


def fingerprint(public_key: bytes) -> str:
    return sha256_hex(public_key)[:16]


@dataclass(frozen=True)
class SealedEpochKey:
    label: str
    public_fingerprint: str
    team_key_version: int
    sealed: bytes


class Keystore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _file(self, label: str, fp: str, version: int) -> Path:
        if not _LABEL.match(label) or not re.fullmatch(r"[0-9a-f]{16}", fp):
            raise KeystoreError(f"bad epoch key name {label!r}/{fp!r}")
        return self.path / f"epoch-{label}-{fp}-v{int(version)}.json"

    def ensure(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        os.chmod(self.path, 0o700)

    def put(self, key: SealedEpochKey) -> None:
        """Write a new file atomically, owner-only from the first byte; never overwrite."""
        self.ensure()
        target = self._file(key.label, key.public_fingerprint, key.team_key_version)
        payload = json.dumps(
            {
                "epoch": key.label,
                "fingerprint": key.public_fingerprint,
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
            # link() fails if the target exists: an existing key is never replaced.
            os.link(tmp, target)
        except FileExistsError as exc:
            raise KeystoreError(f"{target.name} already exists") from exc
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        dir_fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def get(self, label: str, fp: str, version: int) -> SealedEpochKey | None:
        path = self._file(label, fp, version)
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return SealedEpochKey(
                label=str(data["epoch"]),
                public_fingerprint=str(data["fingerprint"]),
                team_key_version=int(data["team_key_version"]),
                sealed=bytes.fromhex(str(data["sealed"])),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeystoreError(f"the key file for epoch {label} is damaged") from exc

    def files(self) -> list[tuple[str, str, int, Path]]:
        if not self.path.exists():
            return []
        found = []
        for path in sorted(self.path.glob("epoch-*.json")):
            match = _NAME.match(path.name)
            if match:
                found.append((match["label"], match["fp"], int(match["version"]), path))
        return found

    def versions_of(self, label: str) -> list[int]:
        return sorted(v for lab, _fp, v, _p in self.files() if lab == label)

    @staticmethod
    def _shred(path: Path) -> None:
        """Overwrite then delete. (On SSDs and journaling file systems the overwrite is best
        effort; the encryption, not the overwrite, is what makes this safe.)"""
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(os.urandom(size))
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()

    def destroy(self, label: str) -> int:
        """Destroy every file of an epoch (all versions, orphans included)."""
        count = 0
        for lab, _fp, _v, path in self.files():
            if lab == label:
                self._shred(path)
                count += 1
        return count

    def prune(self, keep: dict[str, str], version: int) -> int:
        """Remove files that are not (label -> fingerprint) sealed to ``version``: older
        versions after a rotation, and orphans of a lost creation race."""
        removed = 0
        for label, fp, v, path in self.files():
            if keep.get(label) == fp and v == version:
                continue
            if label in keep or v < version:
                self._shred(path)
                removed += 1
        return removed
