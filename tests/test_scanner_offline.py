"""No network at run time: not for our scanner, not for presidio's reference engine
(whose email recognizer would download the public suffix list through tldextract)."""

from __future__ import annotations

import socket
from typing import Any, NoReturn

import pytest

from scanners import Scanner
from scanners.engine import presidio_analyzer, presidio_entities


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        attempts.append(repr(args[:2]))
        raise NetworkUsed(f"network access attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


TEXT = "Maria Gonzalez (SSN 212-58-3391) wrote from maria.gonzalez@example.co.uk and www.cpsd.us"


def test_our_scanner_needs_no_network(no_sockets: list[str]) -> None:
    entities = {f.entity for f in Scanner().scan_text(TEXT)}
    assert {"PERSON", "US_SSN", "EMAIL_ADDRESS"} <= entities
    assert no_sockets == []


def test_presidio_reference_engine_runs_offline(no_sockets: list[str]) -> None:
    analyzer = presidio_analyzer()
    found = {(e, TEXT[s:t]) for e, s, t, _ in presidio_entities(analyzer, TEXT)}
    # the email recognizer validated the domain against the bundled suffix list
    assert ("EMAIL_ADDRESS", "maria.gonzalez@example.co.uk") in found
    assert no_sockets == []
