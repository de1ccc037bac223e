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

Two more duties live here because they belong to what sits *outside* the database:

- authenticating public key material: every public key row carries a MAC under a key
  derived from the instance secret, which a database writer does not hold (``attest``);
- one key change at a time: ``exclusive()`` is a lock file in this folder, taken by every
  operation that writes or removes key files, across processes, on SQLite and PostgreSQL
  alike (the key store is a local folder, so every process that uses it is on this host).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .crypto import associated_data, constant_time_equal, keyed_digest, sha256_hex

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
    def __init__(self, path: Path, mac_key: bytes) -> None:
        """``mac_key`` comes from the instance secret at start-up (never a default)."""
        if len(mac_key) < 32:
            raise ValueError("the key-material MAC key must be at least 32 bytes")
        self.path = Path(path)
        self._mac_key = bytes(mac_key)

    # -- authenticating public key material ------------------------------------------------
    def attest(self, *parts: str | int | bytes) -> bytes:
        """A MAC over ``parts`` (bytes as hex): stored beside a public key in the database."""
        message = associated_data(*(p.hex() if isinstance(p, bytes) else p for p in parts))
        return keyed_digest(self._mac_key, message)

    def authentic(self, mac: bytes | None, *parts: str | int | bytes) -> bool:
        return mac is not None and constant_time_equal(bytes(mac), self.attest(*parts))

    # -- one key change at a time ---------------------------------------------------------
    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the key store's lock file (blocking) for the ``with`` block.

        A new descriptor each time: flock() locks of two descriptors conflict even inside
        one process, so two threads are kept apart as well as two processes."""
        self.ensure()
        fd = os.open(self.path / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

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
        versions after a rotation, and orphans of a lost creation race. A file sealed to a
        *newer* version belongs to a rotation that has not committed yet: never touched."""
        removed = 0
        for label, fp, v, path in self.files():
            if v > version or (keep.get(label) == fp and v == version):
                continue
            if label in keep or v < version:
                self._shred(path)
                removed += 1
        return removed
