"""Errors raised by the transport library (import-light)."""

from __future__ import annotations


class TransportError(Exception):
    """Base of every error transport raises for bad input, keys or packages."""


class VerificationError(TransportError):
    """A signature, MAC, hash or package check failed: the data is not what it claims."""
