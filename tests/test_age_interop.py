"""Interoperability with Debian's real `age` (1.1.x) in both directions."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest
from agecli import run_age, run_age_with_passphrase

from transport.age import (
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    decrypt,
    encrypt,
)

CHUNK = 64 * 1024
SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 40 * CHUNK + 12345]


def _plaintext(size: int) -> bytes:
    return os.urandom(size)


def _age_keygen(tmp_path: Path) -> tuple[Path, str]:
    key_file = tmp_path / "age-key.txt"
    subprocess.run(["age-keygen", "-o", str(key_file)], check=True, capture_output=True)
    public = subprocess.run(
        ["age-keygen", "-y", str(key_file)], check=True, capture_output=True, text=True
    ).stdout.strip()
    return key_file, public


def test_age_version_is_the_peer_we_claim() -> None:
    version = subprocess.run(["age", "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip().startswith(("1.1.", "v1.1."))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armor"])
def test_age_decrypts_what_we_encrypt(tmp_path: Path, size: int, armor: bool) -> None:
    identity = X25519Identity.generate()
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"{identity}\n")
    data = _plaintext(size)
    sealed = tmp_path / "file.age"
    with sealed.open("wb") as out:
        encrypt(io.BytesIO(data), out, [identity.recipient], armor=armor)
    assert run_age(["-d", "-i", key_file, sealed]) == data


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armor"])
def test_we_decrypt_what_age_encrypts(tmp_path: Path, size: int, armor: bool) -> None:
    key_file, public = _age_keygen(tmp_path)
    identity = X25519Identity.parse(key_file.read_text().splitlines()[-1])
    assert str(identity.recipient) == public
    data = _plaintext(size)
    sealed = run_age(["-r", public, *(["-a"] if armor else [])], data=data)
    out = io.BytesIO()
    decrypt(io.BytesIO(sealed), out, [identity])
    assert out.getvalue() == data


def test_keys_round_trip_through_age_keygen_text(tmp_path: Path) -> None:
    key_file, public = _age_keygen(tmp_path)
    secret = key_file.read_text().splitlines()[-1]
    assert str(X25519Identity.parse(secret)) == secret
    assert str(X25519Recipient.parse(public)) == public


def test_many_recipients_each_can_open(tmp_path: Path) -> None:
    key_file, public = _age_keygen(tmp_path)
    ours = X25519Identity.generate()
    data = _plaintext(CHUNK * 2 + 7)
    sealed = io.BytesIO()
    encrypt(io.BytesIO(data), sealed, [ours.recipient, X25519Recipient.parse(public)])
    assert run_age(["-d", "-i", key_file], data=sealed.getvalue()) == data
    out = io.BytesIO()
    decrypt(io.BytesIO(sealed.getvalue()), out, [X25519Identity.generate(), ours])
    assert out.getvalue() == data


def test_age_opens_our_passphrase_file(tmp_path: Path) -> None:
    data = _plaintext(CHUNK + 99)
    sealed = tmp_path / "secret.age"
    with sealed.open("wb") as out:
        encrypt(io.BytesIO(data), out, [ScryptRecipient("correct horse 42", work_factor=12)])
    plain = tmp_path / "plain.bin"
    run_age_with_passphrase(["-d", "-o", plain, sealed], "correct horse 42", prompts=1)
    assert plain.read_bytes() == data


def test_we_open_age_passphrase_file(tmp_path: Path) -> None:
    data = _plaintext(CHUNK * 3)
    source = tmp_path / "plain.bin"
    source.write_bytes(data)
    sealed = tmp_path / "secret.age"
    run_age_with_passphrase(["-p", "-o", sealed, source], "battery staple 7", prompts=2)
    out = io.BytesIO()
    with sealed.open("rb") as handle:
        decrypt(handle, out, [ScryptIdentity("battery staple 7")])
    assert out.getvalue() == data
