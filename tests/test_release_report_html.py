"""The HTML verification report: self-contained, escaped, and printable in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.test_release_manifest import sample
from transport.checks import Check, CheckStatus, VerificationReport
from transport.report_html import render_report

HOSTILE = '<script>alert("x")</script><img src="http://example.invalid/t.png">'


def _report(ok: bool) -> VerificationReport:
    manifest = replace(sample(), purpose=HOSTILE)
    checks = [
        Check("structure", CheckStatus.PASS, "exactly three members"),
        Check("signature", CheckStatus.PASS, "SSHSIG by SHA256:abc"),
        Check(
            "payload",
            CheckStatus.PASS if ok else CheckStatus.FAIL,
            "sha256 matches" if ok else "payload.age SHA-256 does not match the manifest",
        ),
    ]
    return VerificationReport("case-114.pgrel", tuple(checks), manifest, "SHA256:abc")


def test_page_has_no_external_assets_and_escapes_package_values() -> None:
    page = render_report(_report(ok=False))
    assert "<script" not in page and "<img" not in page and "<link" not in page
    assert not re.search(r"<[^>]*\b(src|href)\s*=", page)
    assert "url(" not in page and "@import" not in page
    assert "&lt;script&gt;" in page
    assert "REJECTED: failed payload" in page
    assert "VERIFIED" in render_report(_report(ok=True))


def test_chromium_renders_and_prints_the_report(tmp_path: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("chromium is not installed (Makefile DEBIAN_PACKAGES lists it)")
    page = tmp_path / "report.html"
    page.write_text(render_report(_report(ok=False)), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "REJECTED: failed payload" in text
    assert "payload.age SHA-256 does not match the manifest" in text
    assert "ferpa-student-record" in text and "subpoena" in text
    assert '<script>alert("x")</script>' in text  # shown as text, not run
