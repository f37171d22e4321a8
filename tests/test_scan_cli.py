"""`pii-guard scan`: formats, exit codes, masking, errors that do not abort, audit, cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pii_guard.cli import main

ROSTER = """Student ID,SASID,Last Name,First Name,DOB,Grade,Guardian Name,Guardian Phone
204118,1048839201,Okafor,Chidera,2012-03-14,8,Ngozi Okafor,(617) 555-0142
204127,1048839377,Lindqvist,Astrid,2012-07-02,8,Erik Lindqvist,(617) 555-0187
"""
PAYROLL = """Employee Number,Last Name,First Name,SSN,Bank Routing,Bank Account,Position
E-3301,Whitfield,Gregory,212-58-3391,011000138,004417726310,Math Teacher
"""
MENU = """Lunch menu, week of December 7
Monday: pasta. Tuesday: tacos. Order number 20261118-4471. Room 120.
"""
LETTER = """Dear families,
The winter concert is on December 18 in room 120. Questions: jblake@example.org.
Jordan Blake, Principal
"""


@pytest.fixture
def records(tmp_path: Path) -> Path:
    root = tmp_path / "records"
    root.mkdir()
    (root / "roster.csv").write_text(ROSTER)
    (root / "payroll.csv").write_text(PAYROLL)
    (root / "menu.txt").write_text(MENU)
    (root / "letter.txt").write_text(LETTER)
    return root


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["scan", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def test_json_report_follows_scan_v1(records: Path) -> None:
    code, out = run("--format", "json", str(records))
    report = json.loads(out)
    assert report["schema"] == "pii-guard/scan/v1"
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert set(files) == {"roster.csv", "payroll.csv", "menu.txt", "letter.txt"}
    for entry in files.values():
        assert set(entry) == {"path", "status", "error", "sha256", "classes", "findings"}
        for finding in entry["findings"]:
            assert set(finding) == {"entity", "score", "value", "location"}
    assert files["roster.csv"]["classes"] == ["contact-details", "ferpa-student-record"]
    assert files["payroll.csv"]["classes"] == ["mgl-93h-personal-information"]
    assert files["menu.txt"]["classes"] == [] and files["menu.txt"]["findings"] == []
    assert files["letter.txt"]["classes"] == ["contact-details"]
    ssn = next(f for f in files["payroll.csv"]["findings"] if f["entity"] == "US_SSN")
    assert ssn == {
        "entity": "US_SSN",
        "score": 0.9,
        "value": "***-**-**91",
        "location": "row 2, column SSN",
    }
    assert "212-58-3391" not in out
    assert code == 1  # the policy blocks both record classes


def test_show_values_prints_them(records: Path) -> None:
    _, out = run("--format", "json", "--show-values", str(records / "payroll.csv"))
    assert "212-58-3391" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["letter.txt"], 0),  # contact details only: logged, not blocking
        (["letter.txt", "--fail-on", "any"], 1),
        (["roster.csv", "--fail-on", "none"], 0),
        (["roster.csv", "--fail-on", "mgl-93h-personal-information"], 0),
        (["payroll.csv", "--fail-on", "mgl-93h-personal-information"], 1),
        (["menu.txt"], 0),
    ],
)
def test_exit_codes(records: Path, args: list[str], expected: int) -> None:
    code, _ = run(str(records / args[0]), *args[1:])
    assert code == expected


def test_unknown_fail_on_class_is_a_usage_error(records: Path) -> None:
    result = CliRunner().invoke(main, ["scan", "--fail-on", "gdpr", str(records)])
    assert result.exit_code == 2
    assert "unknown class gdpr" in result.output


def test_per_file_errors_do_not_abort(records: Path) -> None:
    (records / "broken.docx").write_bytes(b"PK\x03\x04 this is not a real docx")
    code, out = run("--format", "jsonl", str(records), str(records / "missing.csv"))
    lines = [json.loads(line) for line in out.splitlines()]
    by_name = {Path(line["path"]).name: line for line in lines}
    assert by_name["broken.docx"]["status"] in {"error", "skipped"}
    assert by_name["broken.docx"]["error"]
    assert by_name["missing.csv"]["status"] == "error"
    assert by_name["payroll.csv"]["classes"] == ["mgl-93h-personal-information"]
    assert code == 1  # records were found, and that is what the exit code says first


def test_missing_path_alone_exits_2(tmp_path: Path) -> None:
    code, out = run(str(tmp_path / "nope.txt"))
    assert code == 2
    assert "nope.txt" in out


def test_jsonl_streams_one_file_per_line(records: Path) -> None:
    _, out = run("--format", "jsonl", str(records))
    lines = out.splitlines()
    assert len(lines) == 4
    assert all(json.loads(line)["schema"] == "pii-guard/scan/v1" for line in lines)


def test_archive_members_are_reported_by_member_path(records: Path) -> None:
    with zipfile.ZipFile(records / "export.zip", "w") as archive:
        archive.writestr("payroll.csv", PAYROLL)
    _, out = run("--format", "json", str(records / "export.zip"))
    paths = [Path(f["path"]).name for f in json.loads(out)["files"]]
    assert "export.zip!payroll.csv" in paths


def test_sarif_is_2_1_0_with_rules_and_regions(records: Path) -> None:
    _, out = run("--format", "sarif", str(records))
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    results = run_["results"]
    assert {r["ruleId"] for r in results} == set(rules)
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)
    email = next(r for r in results if r["ruleId"] == "EMAIL_ADDRESS")
    assert email["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    assert email["level"] == "warning"  # contact details: a class, not a blocking one
    ssn = next(r for r in results if r["ruleId"] == "US_SSN")
    assert ssn["level"] == "error"
    assert "212-58-3391" not in out


def test_include_and_exclude_globs(records: Path) -> None:
    _, out = run("--format", "jsonl", "--include", "*.csv", "--exclude", "payroll*", str(records))
    assert [Path(json.loads(line)["path"]).name for line in out.splitlines()] == ["roster.csv"]


def test_found_records_are_audited_with_hashed_paths(records: Path, isolated_home: Path) -> None:
    run(str(records / "payroll.csv"))
    log = (isolated_home / "data").rglob("*.jsonl")
    events = [json.loads(line) for path in log for line in path.read_text().splitlines()]
    found = [e for e in events if e["event"] == "scan.found"]
    assert len(found) == 1
    details = found[0]["details"]
    assert details["classes"] == ["mgl-93h-personal-information"]
    assert details["path"].startswith("sha256:") and "payroll" not in json.dumps(found[0])


def test_audited_paths_follow_the_path_privacy_of_the_policy_given(
    records: Path, isolated_home: Path, tmp_path: Path
) -> None:
    """`--policy` rules the audit entry too, not the policy installed for the user."""
    bundled = Path(__file__).resolve().parents[1] / "policies" / "cambridge.toml"
    text = bundled.read_text(encoding="utf-8")
    assert 'path_privacy = "hash"' in text
    masking = tmp_path / "masking.toml"
    masking.write_text(text.replace('path_privacy = "hash"', 'path_privacy = "mask"'))
    run("--policy", str(masking), str(records / "payroll.csv"))
    log = (isolated_home / "data").rglob("*.jsonl")
    events = [json.loads(line) for path in log for line in path.read_text().splitlines()]
    [found] = [e for e in events if e["event"] == "scan.found"]
    assert found["details"]["path"] == f"{records}/*******.csv"


def test_many_found_records_are_all_audited_with_batched_fsyncs(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pii_guard.audit import AuditLog, verify_log
    from pii_guard.cli.scan import AUDIT_SYNC_EVERY

    folder = tmp_path / "payrolls"
    folder.mkdir()
    count = AUDIT_SYNC_EVERY + 6
    for number in range(count):
        (folder / f"payroll_{number}.csv").write_text(PAYROLL.replace("E-3301", f"E-{number}"))
    syncs: list[int] = []
    real_fsync = os.fsync

    def counting_fsync(fd: int) -> None:
        syncs.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", counting_fsync)
    code, _ = run("--no-cache", "--format", "jsonl", str(folder))
    assert code == 1
    [log] = (isolated_home / "data").rglob("*.jsonl")
    events = [json.loads(line)["event"] for line in log.read_text().splitlines()]
    assert events.count("scan.found") == count
    assert verify_log(AuditLog(log)).entries == len(events)  # raises if the chain is broken
    # one fsync per batch of found records (and a few for the policy event), not one each
    assert len(syncs) < count // 4


def test_cache_holds_no_value_in_clear_and_serves_rescans(
    records: Path, isolated_home: Path
) -> None:
    first = run("--format", "json", str(records / "payroll.csv"))
    cached = list((isolated_home / "cache").rglob("*.json"))
    assert cached
    assert all("212-58-3391" not in p.read_text() for p in cached)
    assert run("--format", "json", str(records / "payroll.csv")) == first


def test_jobs_2_reports_the_same(records: Path) -> None:
    one = run("--format", "json", "--no-cache", str(records))
    two = run("--format", "json", "--no-cache", "--jobs", "2", str(records))
    assert one == two


def test_real_process_scan(records: Path, isolated_home: Path) -> None:
    env = {**os.environ, "PII_GUARD_HOME": str(isolated_home)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pii_guard",
            "scan",
            "--format",
            "json",
            str(records / "roster.csv"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["files"][0]["classes"] == [
        "contact-details",
        "ferpa-student-record",
    ]
    assert done.stderr == ""  # no progress bar when stderr is not a terminal
