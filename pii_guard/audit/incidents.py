"""From log entries to incidents and the facts a post-incident review needs (R4).

An incident is a run of triggering events (a blocked copy, a copy to an
audited location, a refused release) by one user on one host with no gap
longer than `GAP`: one USB stick filled with a folder of rosters is one
incident with forty events, not forty incidents. The review pack covers every
entry in the window, incidents or not, so the reviewer also sees what was
done about them (quarantine restores, key revocations, policy changes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from pii_guard.audit._chain import Entry
from pii_guard.audit._events import EventType
from pii_guard.audit.errors import AuditChainBroken, AuditError
from pii_guard.audit.log import AuditLog
from pii_guard.audit.verify import verify_log

GAP = timedelta(minutes=30)
TRIGGERS: Mapping[str, str] = {
    EventType.WATCHER_BLOCKED.value: "records copied to a blocked location",
    EventType.WATCHER_AUDITED.value: "records copied to an audited location",
    EventType.RELEASE_REFUSED.value: "a release was refused",
}
# Actions taken, by event (a `details.action` value overrides the default).
ACTIONS: Mapping[str, str] = {
    EventType.WATCHER_BLOCKED.value: "blocked",
    EventType.WATCHER_AUDITED.value: "audited",
    EventType.RELEASE_REFUSED.value: "refused",
    EventType.QUARANTINE_RESTORED.value: "restored",
    EventType.RELEASE_CREATED.value: "released",
    EventType.KEY_REVOKED.value: "key revoked",
    EventType.AUDIT_RECOVERED.value: "log recovered",
}


def parse_since(text: str) -> datetime:
    """`YYYY-MM-DD` (midnight UTC) or an ISO 8601 time; naive times are UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise AuditError(
            f"not a date: {text!r}", hint="use YYYY-MM-DD or 2026-12-01T08:00:00Z"
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def classes_of(entry: Entry) -> list[str]:
    return _strings(entry.details.get("classes"))


def action_of(entry: Entry) -> str | None:
    action = entry.details.get("action")
    return action if isinstance(action, str) and action else ACTIONS.get(entry.event)


def entities_of(entry: Entry) -> Counter[str]:
    found: Counter[str] = Counter()
    entities = entry.details.get("entities")
    if isinstance(entities, dict):
        for name, count in entities.items():
            if isinstance(count, int) and not isinstance(count, bool):
                found[name] += count
    else:
        found.update(_strings(entities))
    return found


@dataclass
class Incident:
    """A run of triggering events by one user on one host."""

    entries: list[Entry] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"INC-{self.entries[0].seq}"

    @property
    def start(self) -> datetime:
        return self.entries[0].moment

    @property
    def end(self) -> datetime:
        return self.entries[-1].moment

    @property
    def host(self) -> str:
        return self.entries[0].host

    @property
    def user(self) -> str:
        return self.entries[0].user

    def kinds(self) -> list[str]:
        return sorted({TRIGGERS[e.event] for e in self.entries})

    def classes(self) -> Counter[str]:
        return Counter(c for e in self.entries for c in classes_of(e))

    def actions(self) -> Counter[str]:
        return Counter(a for e in self.entries if (a := action_of(e)))


def group_incidents(entries: Iterable[Entry], gap: timedelta = GAP) -> list[Incident]:
    open_by_actor: dict[tuple[str, str], Incident] = {}
    incidents: list[Incident] = []
    for entry in entries:
        if entry.event not in TRIGGERS:
            continue
        actor = (entry.host, entry.user)
        current = open_by_actor.get(actor)
        if current is None or entry.moment - current.end > gap:
            current = Incident()
            incidents.append(current)
            open_by_actor[actor] = current
        current.entries.append(entry)
    return incidents


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    head: str | None
    problems: tuple[str, ...]
    anchored: bool  # an expected head was given and found


@dataclass(frozen=True)
class ReviewPack:
    """Everything the incident report shows, computed once, rendered twice (md, html)."""

    since: datetime
    generated: datetime
    log_path: str
    entries: Sequence[Entry]
    incidents: Sequence[Incident]
    classes: Counter[str]
    entities: Counter[str]
    users: Counter[str]
    hosts: Counter[str]
    actions: Counter[str]
    verification: Verification


def verification_of(log: AuditLog, expect_head: str | None = None) -> Verification:
    try:
        summary = verify_log(log, expect_head)
    except AuditChainBroken as broken:
        problems = tuple(str(p) for p in broken.problems)
        if broken.more:
            problems += (f"... and {broken.more} more",)
        return Verification(False, 0, None, problems, False)
    head = summary.head.hash if summary.head else None
    return Verification(True, summary.entries, head, (), summary.anchored_at is not None)


def entries_since(log: AuditLog, since: datetime) -> list[Entry]:
    return [e for e in log.entries() if e.moment >= since]


def build_pack(
    log: AuditLog,
    since: datetime,
    *,
    expect_head: str | None = None,
    now: datetime | None = None,
) -> ReviewPack:
    entries = entries_since(log, since)
    incidents = group_incidents(entries)
    involved = [e for inc in incidents for e in inc.entries]
    return ReviewPack(
        since=since,
        generated=now or datetime.now(UTC),
        log_path=str(log.path),
        entries=entries,
        incidents=incidents,
        classes=Counter(c for e in involved for c in classes_of(e)),
        entities=sum((entities_of(e) for e in involved), Counter()),
        users=Counter(e.user for e in entries),
        hosts=Counter(e.host for e in entries),
        actions=Counter(a for e in entries if (a := action_of(e))),
        verification=verification_of(log, expect_head),
    )
