"""E-mail headers parsed once per value read exactly as the stdlib's default
policy reads them: same header lines, bodies and attachments, for messages
with encoded words, RFC 2231 file names, broken addresses, raw 8-bit headers,
very long headers and nested messages.
"""

from __future__ import annotations

import email.policy

import pytest

from bench import _writers as w
from scanners.extract import _email

_NESTED = w.eml_bytes(
    sender="nurse@district.example.org",
    to="office@district.example.org",
    subject="EpiPen on file",
    body="Teo Lindqvist: EpiPen in the office",
    attachments=[("plan.csv", b"Name,Plan\nTeo,504\n", "text/csv")],
)

_MESSAGES: dict[str, bytes] = {
    "writer": w.eml_bytes(
        sender="Rosa Diaz <rdiaz@district.example.org>",
        to="a@example.org, B. Okafor <b@example.org>",
        cc="c@example.org",
        subject="Roster",
        body="attached",
        html="<p>attached <b>roster</b></p>",
        attachments=[
            ("r.csv", b"Name,DOB\nAmara,2013-04-09\n", "text/csv"),
            ("fwd.eml", _NESTED, "message/rfc822"),
        ],
    ),
    "encoded-words": (
        b"From: =?utf-8?q?Zo=C3=AB_=C3=87elik?= <zoe@example.org>\r\n"
        b"To: =?iso-8859-1?b?Sm9z6Q==?= <jose@example.org>\r\n"
        b"Subject: =?utf-8?b?SUVQIGZvciBBbWFyYSDinJM=?=\r\n"
        b"Date: Mon, 2 Mar 2026 09:30:00 +0000\r\n"
        b"Message-ID: <1@example.org>\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n\r\nZo=C3=AB SASID 1034567890\r\n"
        b"--b1\r\nContent-Type: text/csv\r\n"
        b"Content-Disposition: attachment; filename*=utf-8''r%C3%B4ster.csv\r\n\r\n"
        b"Name,DOB\r\nZo\xc3\xab,2013-04-09\r\n"
        b"--b1\r\nContent-Type: text/plain; name==?utf-8?q?n=C3=B6te.txt?=\r\n"
        b"Content-Disposition: attachment\r\n\r\nnote\r\n--b1--\r\n"
    ),
    "broken-headers": (
        b'From: <<<@@@ broken, "unterminated <x@example.org>\r\n'
        b"To: undisclosed-recipients:;\r\n"
        b"To: second@example.org\r\n"
        b"Cc: a@b@c\r\n"
        b"Subject: caf\xe9 raw 8-bit\r\n"
        b"Date: not a date\r\n"
        b'Content-Type: text/plain; charset="no-such-charset"\r\n\r\nbody caf\xe9\r\n'
    ),
    "long-header": (
        b"From: a@example.org\r\nTo: b@example.org\r\nSubject: "
        + b" ".join(b"word%d" % i for i in range(600))
        + b"\r\n\r\nbody\r\n"
    ),
}


def _parsed(data: bytes) -> tuple[list[tuple[str, str]], list[tuple[str, bytes]]]:
    parsed = _email.parse_mail(data)
    return [(b.location, b.text) for b in parsed.blocks], parsed.attachments


@pytest.mark.parametrize("name", sorted(_MESSAGES))
def test_cached_headers_read_as_the_default_policy(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _MESSAGES[name]
    ours = _parsed(data)
    ours_again = _parsed(data)  # now from the cache
    monkeypatch.setattr(_email, "_POLICY", email.policy.default)
    assert ours == ours_again == _parsed(data)


def test_header_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = _email._CachedHeaders()
    monkeypatch.setattr(_email, "_CACHED_HEADERS", 10)
    for i in range(25):
        assert str(registry("Subject", f"subject {i}")) == f"subject {i}"
    assert len(registry._parsed) <= 10
    long_value = "x" * (_email._CACHED_VALUE_CHARS + 1)
    assert str(registry("Subject", long_value)) == long_value
    assert ("Subject", long_value) not in registry._parsed


def test_a_message_saved_as_utf16_text_is_read_as_mail() -> None:
    """Outlook's "Save as" text: a byte-order mark, then "From:<TAB>..." in UTF-16. The
    mail parser reads bytes as ASCII headers: given the raw UTF-16 it saw none."""
    from scanners.extract import extract_bytes
    from tests.extract_helpers import drain

    text = (
        "From:\tBellamy, Marcus\r\nSent:\tTuesday, November 12, 2024 2:38 PM\r\n"
        "To:\tSzymanski, Daniel\r\nSubject:\tRE: Incident report - cafeteria 11/12\r\n\r\n"
        "Students involved: Darnell Thompson (Gr 10) and Hamza Khan (Gr 10).\r\n"
    )
    (document,) = drain(extract_bytes(text.encode("utf-16"), "incident.txt"))
    assert document.kind == "eml"
    assert "Darnell Thompson (Gr 10)" in document.all_text()
