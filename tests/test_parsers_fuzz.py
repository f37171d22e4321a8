"""Fuzz the age header, armor and SSHSIG parsers: no crash, no hang, only typed errors.

Inputs are random bytes and, more usefully, valid files with random edits
(byte flips, insertions, deletions, truncation), so the fuzzer reaches deep
into the grammar instead of failing at the first byte.
"""

from __future__ import annotations

import base64
import io

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transport import sshsig
from transport.age import ScryptIdentity, ScryptRecipient, X25519Identity, decrypt, encrypt
from transport.age._format import Source, parse_header
from transport.errors import DecryptionError, HeaderError, SignatureError

IDENTITY = X25519Identity.generate()
PASSPHRASE = "fuzz phrase 1"
# A generous deadline: it catches a hang, not a slow shared machine.
FUZZ = settings(max_examples=300, deadline=10_000, suppress_health_check=[HealthCheck.too_slow])


def _seal(data: bytes, armor: bool, scrypt: bool = False) -> bytes:
    out = io.BytesIO()
    recipients = [ScryptRecipient(PASSPHRASE, work_factor=2)] if scrypt else [IDENTITY.recipient]
    encrypt(io.BytesIO(data), out, recipients, armor=armor)  # type: ignore[list-item]
    return out.getvalue()


PLAINTEXTS = [b"", b"student record\n" * 5, b"z" * 70_000, b"p"]
SAMPLES = [
    _seal(PLAINTEXTS[0], False),
    _seal(PLAINTEXTS[1], False),
    _seal(PLAINTEXTS[1], True),
    _seal(PLAINTEXTS[2], False),
    _seal(PLAINTEXTS[3], False, scrypt=True),
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "dup-line"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        elif op == "truncate":
            del data[at:]
        else:
            end = data.find(b"\n", at)
            if end >= 0:
                data[end + 1 : end + 1] = data[at : end + 1]
    return bytes(data)


@FUZZ
@given(st.one_of(st.binary(max_size=600), mutated()))
def test_header_parser_raises_only_header_error(data: bytes) -> None:
    try:
        header = parse_header(Source(io.BytesIO(data)))
    except HeaderError:
        return
    assert len(header.mac) == 32


@FUZZ
@given(mutated())
def test_decrypt_raises_only_decryption_error(data: bytes) -> None:
    out = io.BytesIO()
    try:
        decrypt(io.BytesIO(data), out, [IDENTITY, ScryptIdentity(PASSPHRASE, max_work_factor=4)])
    except DecryptionError:
        return
    # An edit may leave the file meaning the same (truncating nothing, or an armored
    # file's final newline, which age's own reader does not require either); then the
    # plaintext is a sample's, never anything else.
    assert out.getvalue() in PLAINTEXTS


KEY = Ed25519PrivateKey.generate()
SIGNATURE = sshsig.sign(b"manifest", KEY, sshsig.RELEASE_NAMESPACE)
BLOB = base64.b64decode("".join(SIGNATURE.splitlines()[1:-1]))


@st.composite
def mutated_signature(draw: st.DrawFn) -> str:
    blob = bytearray(BLOB)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(0, len(blob) - 1)))
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if op == "flip" and blob:
            blob[at] ^= draw(st.integers(1, 255))
        elif op == "insert":
            blob[at:at] = draw(st.binary(min_size=1, max_size=6))
        elif op == "delete":
            del blob[at : at + draw(st.integers(1, 6))]
        else:
            del blob[at:]
    body = base64.b64encode(bytes(blob)).decode()
    return f"-----BEGIN SSH SIGNATURE-----\n{body}\n-----END SSH SIGNATURE-----\n"


@FUZZ
@given(st.one_of(mutated_signature(), st.text(max_size=400)))
def test_sshsig_raises_only_signature_error(armored: str) -> None:
    try:
        key = sshsig.verify(b"manifest", armored, sshsig.RELEASE_NAMESPACE)
    except SignatureError:
        return
    assert key == KEY.public_key()
