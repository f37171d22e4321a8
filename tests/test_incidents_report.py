"""Incidents from the log, and the review pack as Markdown and as printable HTML (Chromium)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from pii_guard.audit import AuditLog, EventType, default_log_path, redact_path
from pii_guard.audit.incidents import build_pack, group_incidents
from pii_guard.audit.report import QUESTIONS
from pii_guard.cli import main

FERPA = "ferpa-student-record"
MGL = "mgl-93h-personal-information"


def _clock(times: list[datetime]) -> Callable[[], datetime]:
    moments: Iterator[datetime] = iter(times)
    return lambda: next(moments)


def _scenario() -> AuditLog:
    t0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    times = [
        t0 - timedelta(days=3),
        t0,
        t0 + timedelta(minutes=5),
        t0 + timedelta(minutes=7),
        t0 + timedelta(hours=2),
        t0 + timedelta(hours=3),
        t0 + timedelta(hours=4),
    ]
    log = AuditLog(default_log_path(), clock=_clock(times), host="lt-114", user="alice")
    default_log_path().parent.mkdir(parents=True, exist_ok=True)
    usb = redact_path("/media/alice/USB/Doe_Jane_grades.xlsx", "hash")
    log.append(EventType.WATCHER_BLOCKED, {"path": usb, "classes": [FERPA]})  # before window
    log.append(
        EventType.WATCHER_BLOCKED,
        {"path": usb, "action": "quarantined", "classes": [FERPA], "entities": {"STUDENT_ID": 30}},
    )
    log.append(
        EventType.WATCHER_BLOCKED,
        {
            "path": usb,
            "action": "quarantined",
            "classes": [FERPA, MGL],
            "entities": {"US_SSN": 12, "PERSON": 12},
            "rule": "<script>alert(1)</script>",
        },
    )
    log.append(EventType.SCAN_FOUND, {"classes": [MGL]})  # routine, not an incident
    log.append(EventType.QUARANTINE_RESTORED, {"path": usb, "action": "restored"})
    log.append(EventType.RELEASE_REFUSED, {"reason": "legal basis incomplete"})
    log.append(EventType.KEY_REVOKED, {"fingerprint": "SHA256:abc"})
    return log


def test_events_close_in_time_by_one_person_are_one_incident() -> None:
    log = _scenario()
    incidents = group_incidents(log.entries())
    assert [(i.id, len(i.entries)) for i in incidents] == [("INC-1", 1), ("INC-2", 2), ("INC-6", 1)]
    assert incidents[1].classes() == {FERPA: 2, MGL: 1}
    assert incidents[1].actions() == {"quarantined": 2}


def test_pack_counts_classes_people_and_actions_in_the_window() -> None:
    pack = build_pack(_scenario(), datetime(2026, 11, 30, tzinfo=UTC))
    assert [e.seq for e in pack.entries] == [2, 3, 4, 5, 6, 7]
    assert pack.classes == {FERPA: 2, MGL: 1}
    assert pack.entities == {"STUDENT_ID": 30, "US_SSN": 12, "PERSON": 12}
    assert pack.actions == {"quarantined": 2, "restored": 1, "refused": 1, "key revoked": 1}
    assert pack.users == {"alice": 6} and pack.hosts == {"lt-114": 6}
    assert pack.verification.ok and pack.verification.entries == 7


def test_incidents_list_cli() -> None:
    _scenario()
    result = CliRunner().invoke(main, ["incidents", "list", "--since", "2026-11-30"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == ["INC-2", "INC-6"]
    assert "alice@lt-114" in lines[0] and FERPA in lines[0]


def test_markdown_report_says_when_the_chain_is_broken(tmp_path: Path) -> None:
    log = _scenario()
    out = tmp_path / "review.md"
    runner = CliRunner()
    assert (
        runner.invoke(
            main, ["incidents", "report", "--since", "2026-11-30", "-o", str(out)]
        ).exit_code
        == 0
    )
    text = out.read_text()
    assert "Chain verified: yes" in text and "INC-2" in text and "Doe_Jane" not in text
    assert all(question in text for _, question in QUESTIONS)
    lines = log.path.read_bytes().splitlines(keepends=True)
    log.path.write_bytes(b"".join(lines[:2] + lines[3:]))
    assert (
        runner.invoke(
            main, ["incidents", "report", "--since", "2026-11-30", "-o", str(out)]
        ).exit_code
        == 0
    )
    assert "Chain verified: NO" in out.read_text()


def test_report_rejects_an_unknown_output_type(tmp_path: Path) -> None:
    _scenario()
    result = CliRunner().invoke(
        main, ["incidents", "report", "--since", "2026-11-30", "-o", str(tmp_path / "r.pdf")]
    )
    assert result.exit_code == 2 and ".md or .html" in result.output
    assert not (tmp_path / "r.pdf").exists()


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary, "chromium is a test dependency (Makefile DEBIAN_PACKAGES)"
    return subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'chromium-profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_html_report_is_self_contained_and_renders_and_prints(tmp_path: Path) -> None:
    _scenario()
    out = tmp_path / "review.html"
    result = CliRunner().invoke(
        main, ["incidents", "report", "--since", "2026-11-30", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert not re.search(r"(src|href)\s*=|https?://|@import|url\(", html)

    dom = _chromium(tmp_path, "--dump-dom", out.as_uri())
    assert dom.returncode == 0, dom.stderr
    assert re.search(r'id="chain-status">verified<', dom.stdout)
    assert "INC-2" in dom.stdout and "INC-6" in dom.stdout
    assert "<script>" not in dom.stdout and "&lt;script&gt;alert(1)" in dom.stdout
    assert dom.stdout.count("<li><b>") == len(QUESTIONS)

    pdf = tmp_path / "review.pdf"
    printed = _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", out.as_uri())
    assert printed.returncode == 0, printed.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 1
