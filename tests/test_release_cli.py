"""`pii-guard release create | verify | open` end to end: policy, scanner, keys, audit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from pii_guard.cli import main
from pii_guard.paths import data_dir
from tests.release_helpers import read_members, tar_members
from tests.release_sender import SENDER_EMAIL, make_recipient, make_sender
from transport.age import X25519Identity

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SUBPOENA_FIELDS = [
    "--field",
    "reference=2026-CV-0417",
    "--field",
    "issuing_authority=Middlesex Superior Court",
    "--field",
    "date_issued=2026-11-20",
]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def audit_events() -> list[dict[str, object]]:
    log = data_dir() / "audit.jsonl"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


@pytest.fixture
def records(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    folder.mkdir()
    for name in ("student_roster.csv", "iep_progress_note.txt", "payroll_export.csv"):
        (folder / name).write_bytes((EXAMPLES / "records" / name).read_bytes())
    (folder / "Maria_Gonzalez_IEP.txt").write_text(
        "IEP progress note. Student: Maria Gonzalez, SASID 1048839201, grade 8.\n"
    )
    return folder


def create(records: Path, out: Path, *extra: str) -> Result:
    return run(
        "release",
        "create",
        str(records),
        "--to",
        "middlesex-court",
        "--basis",
        "subpoena",
        "--basis-doc",
        str(EXAMPLES / "legal" / "subpoena_2026-CV-0417.txt"),
        *SUBPOENA_FIELDS,
        "--purpose",
        "Attendance and enrollment records requested by subpoena",
        "-o",
        str(out),
        *extra,
    )


def test_create_verify_open_round_trip(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_sender(monkeypatch)
    identity_file = make_recipient(tmp_path, "middlesex-court")
    out = tmp_path / "case.pgrel"
    created = create(records, out)
    assert created.exit_code == 0, created.output
    assert f"wrote {out}" in created.output

    report_html = tmp_path / "report.html"
    verified = run("release", "verify", str(out), "--report", str(report_html))
    assert verified.exit_code == 0, verified.output
    for check in (
        "structure",
        "signature",
        "signer-trusted",
        "signer-not-revoked",
        "payload",
        "legal-basis",
        "destroy-by",
        "recipients",
    ):
        assert f"pass  {check}" in verified.output
    assert "verified: every check passed" in verified.output
    assert "VERIFIED" in report_html.read_text()

    as_json = json.loads(run("release", "verify", str(out), "--json").output)
    assert as_json["ok"] is True
    assert as_json["manifest"]["legal_basis"]["fields"]["reference"] == "2026-CV-0417"

    stranger = tmp_path / "stranger.key"
    stranger.write_text(f"{X25519Identity.generate()}\n")
    inbox = str(tmp_path / "inbox")
    refused = CliRunner().invoke(
        main, ["release", "open", str(out), "-o", inbox, "--identity", str(stranger)]
    )
    assert refused.exit_code == 1
    assert "FAIL  decryption" in refused.output
    assert "failed decryption" in refused.output and "no identity matched" in refused.output
    assert list((tmp_path / "inbox").iterdir()) == []

    opened = run(
        "release", "open", str(out), "-o", str(tmp_path / "inbox"), "--identity", str(identity_file)
    )
    assert opened.exit_code == 0, opened.output
    (bag,) = (tmp_path / "inbox").iterdir()
    for record in records.iterdir():
        assert (bag / "data/records/records" / record.name).read_bytes() == record.read_bytes()
    assert (bag / "data/legal-basis/subpoena_2026-CV-0417.txt").exists()

    events = [e["event"] for e in audit_events()]
    assert events.count("release.created") == 1
    assert events.count("release.verified") == 2
    assert events.count("release.opened") == 1


def test_tampered_package_and_untrusted_signer_exit_1_naming_the_check(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One package (keys are slow to make): edited and re-tarred, then checked by a
    real `pii-guard` process against an explicit and an empty allowed_signers file."""
    make_sender(monkeypatch)
    make_recipient(tmp_path, "middlesex-court")
    out = tmp_path / "case.pgrel"
    assert create(records, out).exit_code == 0
    members = read_members(out.read_bytes())
    members["manifest.json"] = members["manifest.json"].replace(b"subpoena", b"statute ")
    tampered = tmp_path / "tampered.pgrel"
    tampered.write_bytes(tar_members(list(members.items())))
    result = CliRunner().invoke(main, ["release", "verify", str(tampered)])
    assert result.exit_code == 1
    assert "FAIL  signature" in result.output
    assert "pii-guard: error:" in result.output and "failed signature" in result.output

    signers = tmp_path / "legal_allowed_signers"
    signers.write_text(
        (Path(os.environ["PII_GUARD_HOME"]) / "config" / "allowed_signers").read_text()
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pii_guard",
            "release",
            "verify",
            str(out),
            "--signers",
            str(signers),
            "--json",
        ],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["ok"] and body["manifest"]["sender"]["email"] == SENDER_EMAIL
    empty = tmp_path / "nobody_trusted"
    empty.write_text("")
    rejected = subprocess.run(
        [sys.executable, "-m", "pii_guard", "release", "verify", str(out), "--signers", str(empty)],
        capture_output=True,
        text=True,
    )
    assert rejected.returncode == 1
    assert "FAIL  signer-trusted" in rejected.stdout
    assert rejected.stderr.startswith("pii-guard: error:") and "Traceback" not in rejected.stderr


def test_manifest_holds_classes_and_counts_but_no_personal_information(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_sender(monkeypatch)
    make_recipient(tmp_path, "middlesex-court")
    out = tmp_path / "case.pgrel"
    assert create(records, out).exit_code == 0
    raw = read_members(out.read_bytes())["manifest.json"]
    manifest = json.loads(raw)
    for value in (b"Gonzalez", b"Okafor", b"212-58-3391", b"1048839201", b"Whitfield"):
        assert value not in raw
    names = {f["name"]: f for f in manifest["files"]}
    masked = [f for f in manifest["files"] if f["name_masked"]]
    assert len(masked) == 1 and masked[0]["name"].startswith("records/*****_")
    assert masked[0]["name"].endswith(".txt") and "Maria" not in masked[0]["name"]
    assert "records/student_roster.csv" in names
    roster = names["records/student_roster.csv"]
    assert "ferpa-student-record" in roster["classes"] and roster["entities"]
    assert "mgl-93h-personal-information" in names["records/payroll_export.csv"]["classes"]
    assert set(manifest["classes"]) >= {"ferpa-student-record", "mgl-93h-personal-information"}
    assert manifest["entities"] and all(isinstance(v, int) for v in manifest["entities"].values())


def test_incomplete_legal_basis_is_refused_listing_every_gap(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_sender(monkeypatch)
    make_recipient(tmp_path, "middlesex-court")
    out = tmp_path / "case.pgrel"
    result = CliRunner().invoke(
        main,
        [
            "release",
            "create",
            str(records),
            "--to",
            "middlesex-court",
            "--basis",
            "subpoena",
            "--field",
            "reference=2026-CV-0417",
            "--purpose",
            "records",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 2
    assert "pii-guard: error: legal basis 'subpoena' is incomplete" in result.output
    for gap in ("issuing_authority", "date_issued", "1 document"):
        assert gap in result.output
    assert not out.exists() and list(tmp_path.glob(".case.pgrel*")) == []
    events = [e["event"] for e in audit_events()]
    assert events[-1] == "release.refused" and "release.created" not in events


def test_a_record_changed_after_the_scan_aborts_create_with_no_output(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The scan is the hashing pass; the record really changes on disk after it
    # (same length, one name altered) and before the encrypting pass reads it.
    import pii_guard.release as release_module

    make_sender(monkeypatch)
    make_recipient(tmp_path, "middlesex-court")
    note = records / "iep_progress_note.txt"
    real_create_package = release_module.create_package
    scanned_digests: list[str] = []

    def edit_then_package(out: Path, manifest: Any, *args: Any, **kwargs: Any) -> Any:
        scanned_digests.extend(f.sha256 for f in manifest.files)
        text = note.read_bytes()
        note.write_bytes(text.replace(b"e", b"E", 1))
        return real_create_package(out, manifest, *args, **kwargs)

    monkeypatch.setattr(release_module, "create_package", edit_then_package)
    out = tmp_path / "case.pgrel"
    result = CliRunner().invoke(
        main,
        [
            "release",
            "create",
            str(records),
            "--to",
            "middlesex-court",
            "--basis",
            "subpoena",
            "--basis-doc",
            str(EXAMPLES / "legal" / "subpoena_2026-CV-0417.txt"),
            *SUBPOENA_FIELDS,
            "--purpose",
            "records",
            "-o",
            str(out),
        ],
    )
    assert scanned_digests, "the release never reached the encrypting pass"
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"pii-guard: error: {note}: changed after it was hashed; release aborted"
    )
    assert "Traceback" not in result.output
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if "pgrel" in p.name] == []  # no temp file
    events = audit_events()
    assert events[-1]["event"] == "release.refused" and "release.created" not in [
        e["event"] for e in events
    ]


def test_unknown_recipient_is_refused_clearly(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_sender(monkeypatch)
    result = CliRunner().invoke(
        main,
        [
            "release",
            "create",
            str(records),
            "--to",
            "nobody",
            "--basis",
            "subpoena",
            "--basis-doc",
            str(EXAMPLES / "legal" / "subpoena_2026-CV-0417.txt"),
            *SUBPOENA_FIELDS,
            "--purpose",
            "records",
            "-o",
            str(tmp_path / "x.pgrel"),
        ],
    )
    assert result.exit_code == 2
    assert "unknown recipient 'nobody'" in result.output
    assert "pii-guard: hint: add it first: pii-guard recipients add nobody" in result.output
    assert not (tmp_path / "x.pgrel").exists()


def test_missing_legal_basis_document_is_named(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_sender(monkeypatch)
    make_recipient(tmp_path, "middlesex-court")
    result = CliRunner().invoke(
        main,
        [
            "release",
            "create",
            str(records),
            "--to",
            "middlesex-court",
            "--basis",
            "subpoena",
            "--basis-doc",
            str(tmp_path / "lost-subpoena.pdf"),
            *SUBPOENA_FIELDS,
            "--purpose",
            "records",
            "-o",
            str(tmp_path / "x.pgrel"),
        ],
    )
    assert result.exit_code == 2
    assert "lost-subpoena.pdf: legal-basis document not found" in result.output


def test_purpose_naming_a_student_is_refused(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_sender(monkeypatch)
    make_recipient(tmp_path, "middlesex-court")
    result = CliRunner().invoke(
        main,
        [
            "release",
            "create",
            str(records),
            "--to",
            "middlesex-court",
            "--basis",
            "subpoena",
            "--basis-doc",
            str(EXAMPLES / "legal" / "subpoena_2026-CV-0417.txt"),
            *SUBPOENA_FIELDS,
            "--purpose",
            "All records of Maria Gonzalez, SASID 1048839201",
            "-o",
            str(tmp_path / "x.pgrel"),
        ],
    )
    assert result.exit_code == 2
    assert "--purpose holds personal information" in result.output
    assert not (tmp_path / "x.pgrel").exists()
