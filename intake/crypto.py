"""The only door to cryptography in this project.

Nothing else imports ``cryptography``. Callers work with bytes and a handful of small
functions; the algorithms, formats and parameters live here so they can be reviewed in one
place (see docs/threat-model.md for the scheme as a whole).

- Fields: AES-256-GCM under a per-response data key, with associated data that binds the
  field to its response, question, questionnaire version and key version.
- Data keys and epoch keys: sealed with HPKE (RFC 9180, X25519 / HKDF-SHA256 / AES-256-GCM).
- Passphrase slots: Argon2id-derived key-encryption key, AES-256-GCM.
- Resume phrases: Argon2id under a server-held pepper, split by HKDF into a lookup id and
  a draft key.
- Recovery slot and short-lived wraps: high-entropy keys, HKDF-SHA256, AES-256-GCM.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import struct
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "PRODUCTION_KDF",
    "CryptoError",
    "DecryptionError",
    "KdfParams",
    "KeyPair",
    "StreamMac",
    "WrongSecret",
    "associated_data",
    "constant_time_equal",
    "decrypt_field",
    "derive_key",
    "derive_phrase_keys",
    "derive_subkey",
    "encrypt_field",
    "encrypt_record",
    "generate_keypair",
    "hash_password",
    "keyed_digest",
    "new_data_key",
    "new_recovery_key",
    "open_sealed",
    "pad",
    "public_key_of",
    "random_id",
    "random_key",
    "recovery_keypair",
    "seal",
    "sha256_hex",
    "token_digest",
    "unpad",
    "unwrap_with_key",
    "unwrap_with_passphrase",
    "verify_password_hash",
    "wrap_with_key",
    "wrap_with_passphrase",
]

_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_FIELD_FORMAT = 1
_NONCE_BYTES = 12
_KEY_BYTES = 32
# Padding hides the exact length of an answer: short answers share one bucket, longer ones
# are rounded up to 256 bytes.
_SMALL_BUCKET = 64
_LARGE_BUCKET = 256
# A response's analysis record holds all its answers at once: padded more coarsely, so its
# length says no more than the fields' own padded lengths already do.
_RECORD_BUCKET = 1024


class CryptoError(Exception):
    """Base class: something could not be encrypted or decrypted."""


class DecryptionError(CryptoError):
    """Ciphertext was tampered with, truncated, moved, or belongs to another key."""


class WrongSecret(CryptoError):
    """A passphrase or recovery key did not open its slot."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Production values follow RFC 9106's second recommendation (64 MiB)."""

    memory_kib: int
    iterations: int
    lanes: int

    def as_dict(self) -> dict[str, int]:
        return {"m": self.memory_kib, "t": self.iterations, "p": self.lanes}


PRODUCTION_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)


@dataclass(frozen=True)
class KeyPair:
    private: bytes
    public: bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def random_key() -> bytes:
    """A fresh 256-bit symmetric key."""
    return os.urandom(_KEY_BYTES)


new_data_key = random_key


def random_id() -> str:
    """A random, unguessable identifier (128 bits, hex)."""
    return secrets.token_hex(16)


def new_recovery_key() -> str:
    """A 256-bit recovery key written for humans: groups of base32 letters."""
    raw = base64.b32encode(os.urandom(_KEY_BYTES)).decode("ascii").rstrip("=")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def generate_keypair() -> KeyPair:
    private = X25519PrivateKey.generate()
    return KeyPair(
        private=private.private_bytes_raw(),
        public=private.public_key().public_bytes_raw(),
    )


def public_key_of(private: bytes) -> bytes:
    """The X25519 public key belonging to a raw private key."""
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def associated_data(*parts: str | int) -> bytes:
    """Unambiguous encoding of context values (length-prefixed), for AAD and HPKE info."""
    out = []
    for part in parts:
        encoded = (part if isinstance(part, str) else str(part)).encode("utf-8")
        out.append(len(encoded).to_bytes(4, "big"))
        out.append(encoded)
    return b"".join(out)


def _pad(plaintext: bytes, bucket: int | None = None) -> bytes:
    body = struct.pack(">I", len(plaintext)) + plaintext
    if bucket is None:
        bucket = _SMALL_BUCKET if len(body) <= _SMALL_BUCKET else _LARGE_BUCKET
    return body + b"\x00" * (-len(body) % bucket)


def _unpad(padded: bytes) -> bytes:
    if len(padded) < 4:
        raise DecryptionError("field is too short")
    (length,) = struct.unpack(">I", padded[:4])
    if length > len(padded) - 4:
        raise DecryptionError("field length is inconsistent")
    return padded[4 : 4 + length]


def pad(plaintext: bytes, bucket: int) -> bytes:
    """Length-prefix and pad to a multiple of ``bucket``: ciphertext sizes say little."""
    return _pad(plaintext, bucket)


def unpad(padded: bytes) -> bytes:
    return _unpad(padded)


def encrypt_field(data_key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt one field. Output: format byte, 96-bit random nonce, AES-GCM ciphertext+tag."""
    nonce = os.urandom(_NONCE_BYTES)
    ciphertext = AESGCM(data_key).encrypt(nonce, _pad(plaintext), aad)
    return bytes([_FIELD_FORMAT]) + nonce + ciphertext


def encrypt_record(data_key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Like ``encrypt_field`` (and opened by ``decrypt_field``), padded to whole KiB."""
    nonce = os.urandom(_NONCE_BYTES)
    ciphertext = AESGCM(data_key).encrypt(nonce, _pad(plaintext, _RECORD_BUCKET), aad)
    return bytes([_FIELD_FORMAT]) + nonce + ciphertext


def encrypt_fields(data_key: bytes, items: list[tuple[bytes, bytes]]) -> list[bytes]:
    """``encrypt_field`` for many (plaintext, aad) pairs under one key schedule."""
    cipher = AESGCM(data_key)
    out = []
    for plaintext, aad in items:
        nonce = os.urandom(_NONCE_BYTES)
        out.append(bytes([_FIELD_FORMAT]) + nonce + cipher.encrypt(nonce, _pad(plaintext), aad))
    return out


def field_cipher(data_key: bytes) -> AESGCM:
    """One key schedule for reading many fields of a response (see ``decrypt_field``)."""
    return AESGCM(data_key)


def decrypt_field(data_key: bytes | AESGCM, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < 1 + _NONCE_BYTES + 16 or blob[0] != _FIELD_FORMAT:
        raise DecryptionError("field is malformed")
    nonce, ciphertext = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
    cipher = data_key if isinstance(data_key, AESGCM) else AESGCM(data_key)
    try:
        padded = cipher.decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("field failed authentication") from exc
    return _unpad(padded)


def seal(public_key: bytes, plaintext: bytes, info: bytes) -> bytes:
    """HPKE base-mode seal to an X25519 public key; ``info`` binds the context."""
    try:
        recipient = X25519PublicKey.from_public_bytes(public_key)
    except ValueError as exc:
        raise CryptoError("public key is malformed") from exc
    return _SUITE.encrypt(plaintext, recipient, info=info)


def recipient_key(private_key: bytes) -> X25519PrivateKey:
    """A parsed private key, for opening many sealed values with it (see ``open_sealed``).
    Callers keep it exactly as long as they would keep the key bytes."""
    try:
        return X25519PrivateKey.from_private_bytes(private_key)
    except ValueError as exc:
        raise DecryptionError("private key is malformed") from exc


def open_sealed(private_key: bytes | X25519PrivateKey, sealed: bytes, info: bytes) -> bytes:
    try:
        recipient = (
            private_key
            if isinstance(private_key, X25519PrivateKey)
            else X25519PrivateKey.from_private_bytes(private_key)
        )
        return _SUITE.decrypt(sealed, recipient, info=info)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("sealed value failed authentication") from exc


def _hkdf(key: bytes, purpose: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=_KEY_BYTES, salt=salt, info=purpose).derive(key)


def wrap_with_key(key: bytes, plaintext: bytes, context: bytes) -> bytes:
    """AES-256-GCM under a high-entropy key (HKDF-separated per purpose)."""
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(_hkdf(key, b"ccr-intake wrap v1")).encrypt(nonce, plaintext, context)


def unwrap_with_key(key: bytes, blob: bytes, context: bytes) -> bytes:
    if len(blob) < _NONCE_BYTES + 16:
        raise DecryptionError("wrapped value is malformed")
    try:
        return AESGCM(_hkdf(key, b"ccr-intake wrap v1")).decrypt(
            blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], context
        )
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError("wrapped value failed authentication") from exc


def _argon2(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=_KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(passphrase.encode("utf-8"))


def wrap_with_passphrase(secret: bytes, passphrase: str, params: KdfParams, context: bytes) -> str:
    """Wrap ``secret`` under an Argon2id key derived from ``passphrase``; returns JSON text."""
    salt = os.urandom(16)
    kek = _argon2(passphrase, salt, params)
    nonce = os.urandom(_NONCE_BYTES)
    ciphertext = AESGCM(kek).encrypt(nonce, secret, context)
    return json.dumps(
        {
            "v": 1,
            "kdf": "argon2id",
            **params.as_dict(),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "ct": _b64(ciphertext),
        }
    )


def _load_slot(blob: str) -> dict[str, object]:
    try:
        data = json.loads(blob)
    except ValueError as exc:
        raise DecryptionError("key slot is malformed") from exc
    if not isinstance(data, dict) or data.get("v") != 1:
        raise DecryptionError("key slot has an unknown format")
    return data


def unwrap_with_passphrase(blob: str, passphrase: str, context: bytes) -> bytes:
    data = _load_slot(blob)
    if data.get("kdf") != "argon2id":
        raise DecryptionError("key slot is not a passphrase slot")
    try:
        params = KdfParams(int(data["m"]), int(data["t"]), int(data["p"]))  # type: ignore[arg-type]
        # A tampered slot must not make us allocate gigabytes or spin for minutes.
        if not (
            8 <= params.memory_kib <= 1024 * 1024
            and 1 <= params.iterations <= 20
            and 1 <= params.lanes <= 16
        ):
            raise DecryptionError("key slot has implausible parameters")
        kek = _argon2(passphrase, _unb64(str(data["salt"])), params)
        return AESGCM(kek).decrypt(_unb64(str(data["nonce"])), _unb64(str(data["ct"])), context)
    except InvalidTag as exc:
        raise WrongSecret("the passphrase does not open this key slot") from exc
    except (KeyError, ValueError) as exc:
        raise DecryptionError("key slot is malformed") from exc


def derive_phrase_keys(secret: bytes, pepper: bytes, params: KdfParams) -> tuple[str, bytes]:
    """From a resume phrase's secret (its words as indices), a lookup id and a draft key.

    Argon2id (``params``: the same cost as passphrase slots) over the secret, salted with
    ``pepper``, a key derived from the server's secret: the phrase's 70 bits are the real
    defence, the cost and the pepper put guessing out of reach even of someone holding the
    database or a backup (without the server's secret they cannot even start). HKDF then
    splits the result, so the stored id (hashed again before it is stored) says nothing
    about the key.
    """
    root = Argon2id(
        salt=pepper,
        length=_KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)
    lookup = _hkdf(root, b"ccr-intake resume lookup v1").hex()
    return lookup, _hkdf(root, b"ccr-intake resume key v1")


def _recovery_bytes(recovery_key: str) -> bytes:
    cleaned = "".join(ch for ch in recovery_key.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError as exc:
        raise WrongSecret("the recovery key is not well formed") from exc
    if len(raw) != _KEY_BYTES:
        raise WrongSecret("the recovery key is not well formed")
    return raw


def recovery_keypair(recovery_key: str) -> KeyPair:
    """The recovery slot's key pair: the recovery key *is* its X25519 private key."""
    raw = _recovery_bytes(recovery_key)
    private = X25519PrivateKey.from_private_bytes(raw)
    return KeyPair(private=raw, public=private.public_key().public_bytes_raw())


def derive_key(secret: str, purpose: str) -> bytes:
    """A purpose-bound 256-bit key from a high-entropy configured secret (HKDF-SHA256)."""
    return _hkdf(secret.encode("utf-8"), f"ccr-intake derive {purpose}".encode())


def derive_subkey(key: bytes, purpose: str) -> bytes:
    """A purpose-bound 256-bit key from a random 256-bit key (HKDF-SHA256)."""
    return _hkdf(key, f"ccr-intake subkey {purpose}".encode())


def keyed_digest(key: bytes, message: bytes) -> bytes:
    """HMAC-SHA256: a keyed, one-way digest (rate-limit buckets, token lookup)."""
    return hmac.new(key, message, hashlib.sha256).digest()


class StreamMac:
    """HMAC-SHA256 over a stream of pieces (a backup file, line by line)."""

    def __init__(self, key: bytes) -> None:
        self._mac = hmac.new(key, digestmod=hashlib.sha256)

    def update(self, data: bytes) -> None:
        self._mac.update(data)

    def hexdigest(self) -> str:
        return self._mac.hexdigest()


def token_digest(token: str) -> str:
    """SHA-256 of a high-entropy bearer token, for storing a lookup key instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def sha256_hex(data: bytes) -> str:
    """A plain SHA-256 digest (the audit chain, key fingerprints)."""
    return hashlib.sha256(data).hexdigest()


# -- staff passwords (argon2id, through argon2-cffi) -----------------------------------------
_password_hasher = PasswordHasher()  # argon2id with the library's recommended parameters


def hash_password(password: str) -> str:
    return _password_hasher.hash(password)


def verify_password_hash(password_hash: str, password: str) -> bool:
    try:
        return _password_hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def constant_time_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)
