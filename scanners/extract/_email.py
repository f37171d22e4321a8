"""E-mail (.eml): the headers, the body parts, and the attachments as members."""

from __future__ import annotations

import email
import email.message
import email.policy
from dataclasses import dataclass, field
from email.headerregistry import BaseHeader, HeaderRegistry

from scanners.extract._structured import html_to_text
from scanners.extract._types import TextBlock

_HEADERS = ("From", "To", "Cc", "Bcc", "Reply-To", "Date", "Subject")
_MAX_PARTS = 1_000
_STUB_CHARS = 300  # a plain-text part this short may be a stub for its HTML twin
_CACHED_VALUE_CHARS = 1_000
_CACHED_HEADERS = 4_096


class _CachedHeaders(HeaderRegistry):
    """The stdlib's header registry, minus its repeated work.

    `email.policy.default` parses a header again on every access, and builds a
    new class for it each time (`type(...)` in `HeaderRegistry.__getitem__`):
    reading one part's type, charset, disposition and filename parses its
    Content-Type header four times, and header parsing was most of the time an
    e-mail took. Header objects are immutable strings, so one parse per name
    and value serves every access; short values only, and a bounded number, so
    the cache cannot grow with hostile input.
    """

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type[BaseHeader]] = {}
        self._parsed: dict[tuple[str, str], BaseHeader] = {}

    def __getitem__(self, name: str) -> type[BaseHeader]:
        key = name.lower()
        cls = self._classes.get(key)
        if cls is None:
            cls = self._classes[key] = super().__getitem__(name)
        return cls

    def __call__(self, name: str, value: str) -> BaseHeader:
        if len(value) > _CACHED_VALUE_CHARS:
            return self[name](name, value)
        key = (name, value)
        header = self._parsed.get(key)
        if header is None:
            if len(self._parsed) >= _CACHED_HEADERS:
                self._parsed.clear()
            header = self._parsed[key] = self[name](name, value)
        return header


_POLICY = email.policy.default.clone(header_factory=_CachedHeaders())


@dataclass
class ParsedMail:
    blocks: list[TextBlock] = field(default_factory=list)
    attachments: list[tuple[str, bytes]] = field(default_factory=list)


def parse_mail(data: bytes) -> ParsedMail:
    """Split a message into text blocks and attachments (name, decoded bytes).

    An attached message (message/rfc822) is an attachment too, so its own
    attachments come out as members of it: "mail.eml!fwd.eml!roster.xlsx".
    """
    message = email.message_from_bytes(data, policy=_POLICY)
    parsed = ParsedMail()
    lines: list[str] = []
    for name in _HEADERS:
        try:
            values = message.get_all(name) or []
            lines.extend(f"{name}: {value}" for value in values)
        except Exception:  # a malformed header is skipped, the rest is still read
            raw = message.get(name, failobj=None) if name in message else None
            if raw is not None:
                lines.append(f"{name}: {raw!s}")
    if lines:
        parsed.blocks.append(TextBlock("\n".join(lines), "headers"))
    counter = [0]
    _walk(message, parsed, counter, top=True)
    return parsed


def _walk(part: email.message.Message, parsed: ParsedMail, counter: list[int], top: bool) -> None:
    counter[0] += 1
    if counter[0] > _MAX_PARTS:
        raise ValueError(f"message has more than {_MAX_PARTS} parts")
    content_type = part.get_content_type()
    if content_type == "message/rfc822" and not top:
        inner = part.get_payload()
        payload = inner[0] if isinstance(inner, list) and inner else inner
        if isinstance(payload, email.message.Message):
            name = part.get_filename() or f"attached-message-{counter[0]}.eml"
            parsed.attachments.append((name, payload.as_bytes()))
        return
    if part.is_multipart():
        subs = [s for s in part.get_payload() or [] if isinstance(s, email.message.Message)]
        if content_type == "multipart/alternative":
            subs = _one_alternative(subs)
        for sub in subs:
            if isinstance(sub, email.message.Message):
                _walk(sub, parsed, counter, top=False)
        return
    filename = part.get_filename()
    disposition = part.get_content_disposition()
    is_body_text = content_type in ("text/plain", "text/html") and disposition != "attachment"
    if filename or not is_body_text:
        data = part.get_payload(decode=True)
        if isinstance(data, bytes) and data:
            parsed.attachments.append((filename or f"part-{counter[0]}", data))
        return
    text = _part_text(part)
    if content_type == "text/html":
        text = html_to_text(text)
    if text.strip():
        parsed.blocks.append(TextBlock(text, "body"))


def _one_alternative(subs: list[email.message.Message]) -> list[email.message.Message]:
    """The plain-text part, unless it is a stub ("This message is formatted in HTML")
    and the HTML part says more: then the HTML part."""
    plain = [s for s in subs if s.get_content_type() == "text/plain"]
    if not plain:
        return subs[-1:]
    html = [s for s in subs if s.get_content_type() == "text/html"]
    plain_text = _part_text(plain[0]).strip()
    if html and len(plain_text) < _STUB_CHARS:
        html_text = html_to_text(_part_text(html[0])).strip()
        if len(html_text) > len(plain_text):  # a faithful twin reads the same either way
            return html[:1]
    return plain[:1]


def _part_text(part: email.message.Message) -> str:
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        return data.decode("cp1252", errors="replace")
