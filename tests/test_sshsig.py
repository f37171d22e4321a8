"""SSHSIG against the real `ssh-keygen -Y` in both directions."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from transport import sshsig
from transport.errors import SignatureError
from transport.keys import openssh_private_pem, public_ssh_line, ssh_fingerprint
from transport.trust import allowed_signers_line

NS = sshsig.RELEASE_NAMESPACE
DATA = b'{"schema": "pii-guard/release/v1", "purpose": "subpoena 2026-CV-0417"}\n'


def _ssh_keygen(*args: str | Path, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["ssh-keygen", *map(str, args)], input=data, capture_output=True, check=False, timeout=60
    )


def _key_file(tmp_path: Path, key: Ed25519PrivateKey) -> Path:
    path = tmp_path / "id_ed25519"
    path.write_bytes(openssh_private_pem(key))
    path.chmod(0o600)
    return path


def _verify_with_ssh_keygen(
    tmp_path: Path, key: Ed25519PrivateKey, signature: str, data: bytes, namespace: str
) -> subprocess.CompletedProcess[bytes]:
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(
        allowed_signers_line("clerk@cpsd.us", key.public_key(), namespaces=[NS]) + "\n"
    )
    sig = tmp_path / "data.sig"
    sig.write_text(signature)
    return _ssh_keygen(
        "-Y", "verify", "-f", allowed, "-I", "clerk@cpsd.us", "-n", namespace, "-s", sig, data=data
    )


def test_ssh_keygen_verifies_our_signature(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    result = _verify_with_ssh_keygen(tmp_path, key, sshsig.sign(DATA, key, NS), DATA, NS)
    assert result.returncode == 0, result.stderr
    assert ssh_fingerprint(key.public_key()).encode() in result.stdout + result.stderr


def test_ssh_keygen_rejects_our_signature_over_other_data(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    result = _verify_with_ssh_keygen(tmp_path, key, sshsig.sign(DATA, key, NS), DATA + b" ", NS)
    assert result.returncode != 0


def test_ssh_keygen_rejects_our_signature_in_other_namespace(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    result = _verify_with_ssh_keygen(tmp_path, key, sshsig.sign(DATA, key, "file"), DATA, NS)
    assert result.returncode != 0


@pytest.mark.parametrize("hashalg", ["sha512", "sha256"])
def test_we_verify_ssh_keygen_signatures(tmp_path: Path, hashalg: str) -> None:
    key = Ed25519PrivateKey.generate()
    key_file = _key_file(tmp_path, key)
    result = _ssh_keygen(
        "-Y", "sign", "-f", key_file, "-n", NS, "-O", f"hashalg={hashalg}", data=DATA
    )
    assert result.returncode == 0, result.stderr
    signature = result.stdout.decode()
    assert sshsig.verify(DATA, signature, NS) == key.public_key()
    with pytest.raises(SignatureError):
        sshsig.verify(DATA + b"x", signature, NS)
    with pytest.raises(SignatureError):
        sshsig.verify(DATA, signature, "file")


def test_our_text_forms_match_ssh_keygen(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    key_file = _key_file(tmp_path, key)
    public = _ssh_keygen("-y", "-f", key_file).stdout.decode().split()
    assert public_ssh_line(key.public_key()) == " ".join(public[:2])
    listed = _ssh_keygen("-l", "-f", key_file).stdout.decode().split()
    assert ssh_fingerprint(key.public_key()) == listed[1]


def test_signature_text_shape_matches_ssh_keygen(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    ours = sshsig.sign(DATA, key, NS)
    theirs = _ssh_keygen("-Y", "sign", "-f", _key_file(tmp_path, key), "-n", NS, data=DATA)
    # Ed25519 signatures are deterministic: byte-identical output.
    assert ours == theirs.stdout.decode()


def test_every_bit_flip_in_the_signature_is_rejected() -> None:
    key = Ed25519PrivateKey.generate()
    armored = sshsig.sign(DATA, key, NS)
    lines = armored.splitlines()
    blob = base64.b64decode("".join(lines[1:-1]))
    for position in range(len(blob)):
        damaged = bytearray(blob)
        damaged[position] ^= 0x04
        text = base64.b64encode(bytes(damaged)).decode()
        with pytest.raises(SignatureError):
            sshsig.verify(DATA, f"{lines[0]}\n{text}\n{lines[-1]}\n", NS)


def test_empty_namespace_is_refused() -> None:
    with pytest.raises(ValueError):
        sshsig.sign(DATA, Ed25519PrivateKey.generate(), "")
