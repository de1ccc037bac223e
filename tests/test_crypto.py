"""The crypto door: round trips, authentication failures, parameters."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from intake import crypto
from intake.config import Config

AAD = crypto.associated_data("field", "r1", "q1", 1, "2026-Q4")


def test_field_round_trip_and_padding_hides_length() -> None:
    key = crypto.new_data_key()
    short = crypto.encrypt_field(key, b'"yes"', AAD)
    other_short = crypto.encrypt_field(key, b'"prefer_not_to_say"', AAD)
    assert crypto.decrypt_field(key, short, AAD) == b'"yes"'
    # Both closed answers land in the same length bucket.
    assert len(short) == len(other_short)
    long_text = ("é" * 700).encode()
    assert crypto.decrypt_field(key, crypto.encrypt_field(key, long_text, AAD), AAD) == long_text


def test_same_plaintext_encrypts_differently() -> None:
    key = crypto.new_data_key()
    assert crypto.encrypt_field(key, b"x", AAD) != crypto.encrypt_field(key, b"x", AAD)


@pytest.mark.parametrize(
    "other_aad",
    [
        crypto.associated_data("field", "r2", "q1", 1, "2026-Q4"),  # another response
        crypto.associated_data("field", "r1", "q2", 1, "2026-Q4"),  # another question
        crypto.associated_data("field", "r1", "q1", 2, "2026-Q4"),  # another version
        crypto.associated_data("field", "r1", "q1", 1, "2027-Q1"),  # another key version
    ],
)
def test_field_moved_to_other_context_fails(other_aad: bytes) -> None:
    key = crypto.new_data_key()
    blob = crypto.encrypt_field(key, b"answer", AAD)
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_field(key, blob, other_aad)


def test_tampered_truncated_or_wrong_key_fails() -> None:
    key = crypto.new_data_key()
    blob = crypto.encrypt_field(key, b"answer", AAD)
    flipped = bytearray(blob)
    flipped[20] ^= 0x01
    for bad in (bytes(flipped), blob[:-1], blob[:10], b"", b"\x02" + blob[1:]):
        with pytest.raises(crypto.DecryptionError):
            crypto.decrypt_field(key, bad, AAD)
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt_field(crypto.new_data_key(), blob, AAD)


def test_associated_data_is_unambiguous() -> None:
    assert crypto.associated_data("ab", "c") != crypto.associated_data("a", "bc")


def test_hpke_seal_binds_info_and_key() -> None:
    pair, other = crypto.generate_keypair(), crypto.generate_keypair()
    sealed = crypto.seal(pair.public, b"k" * 32, b"info")
    assert crypto.open_sealed(pair.private, sealed, b"info") == b"k" * 32
    with pytest.raises(crypto.DecryptionError):
        crypto.open_sealed(pair.private, sealed, b"other info")
    with pytest.raises(crypto.DecryptionError):
        crypto.open_sealed(other.private, sealed, b"info")
    with pytest.raises(crypto.DecryptionError):
        crypto.open_sealed(pair.private, sealed[:-2], b"info")


def test_passphrase_wrap() -> None:
    params = crypto.KdfParams(8, 1, 1)
    blob = crypto.wrap_with_passphrase(b"secret", "a long passphrase", params, b"ctx")
    assert crypto.unwrap_with_passphrase(blob, "a long passphrase", b"ctx") == b"secret"
    assert json.loads(blob)["kdf"] == "argon2id"
    with pytest.raises(crypto.WrongSecret):
        crypto.unwrap_with_passphrase(blob, "a wrong passphrase", b"ctx")
    with pytest.raises(crypto.WrongSecret):
        crypto.unwrap_with_passphrase(blob, "a long passphrase", b"other context")
    with pytest.raises(crypto.DecryptionError):
        crypto.unwrap_with_passphrase("not json", "x", b"ctx")


def test_recovery_key_is_a_keypair_and_tolerates_formatting() -> None:
    recovery = crypto.new_recovery_key()
    pair = crypto.recovery_keypair(recovery)
    sloppy = recovery.lower().replace("-", " ")
    assert crypto.recovery_keypair(sloppy) == pair
    with pytest.raises(crypto.WrongSecret):
        crypto.recovery_keypair("ABCD-EFGH")


def test_wrap_with_key_round_trip() -> None:
    key = crypto.random_key()
    blob = crypto.wrap_with_key(key, b"team private", b"ctx")
    assert crypto.unwrap_with_key(key, blob, b"ctx") == b"team private"
    with pytest.raises(crypto.DecryptionError):
        crypto.unwrap_with_key(crypto.random_key(), blob, b"ctx")


def test_production_kdf_parameters() -> None:
    # RFC 9106, second recommended option: Argon2id, 64 MiB, 3 passes, 4 lanes.
    assert crypto.KdfParams(memory_kib=65536, iterations=3, lanes=4) == crypto.PRODUCTION_KDF
    defaults = Config(secret_key="x" * 32, instance_path=Path("."), database_url="sqlite://")
    assert (defaults.kdf_memory_kib, defaults.kdf_iterations, defaults.kdf_lanes) == (
        65536,
        3,
        4,
    )


def test_only_the_crypto_module_imports_cryptography() -> None:
    """One door: cryptography, argon2, hashlib and hmac are imported by intake/crypto.py only."""
    root = Path(__file__).resolve().parent.parent
    offenders = []
    for path in [*root.glob("intake/**/*.py"), *root.glob("*.py"), *root.glob("bench/*.py")]:
        if path.name == "crypto.py" and path.parent.name == "intake":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            guarded = {"cryptography", "argon2", "hashlib", "hmac"}
            if any(name.split(".")[0] in guarded for name in names):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []
