"""The discovery reports: where records concentrate, with no values and no record file names."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pii_guard.discovery.html_report import render_html
from pii_guard.discovery.report import DiscoveryReport, build_report
from pii_guard.discovery.results import FileResult, Outcome
from pii_guard.discovery.state import StateStore
from pii_guard.discovery.walker import FileEntry, WalkProblem

POLICY = "p" * 64
NOW = datetime(2026, 12, 1, tzinfo=UTC)
OLD = int(datetime(2023, 5, 1, tzinfo=UTC).timestamp() * 1e9)
RECENT = int(datetime(2026, 11, 1, tzinfo=UTC).timestamp() * 1e9)
TITLES = {"ferpa": "FERPA student record", "mgl": "M.G.L. c. 93H personal information"}

# (share, relative path, size, mtime, classes)
FILES = [
    ("/srv/hr", "payroll/2023/Jane Roe W2.pdf", 100, OLD, ("mgl",)),
    ("/srv/hr", "notes/lunch.txt", 5, RECENT, ()),
    ("/srv/schools", "guidance/<IEP>/Sam Poe IEP.docx", 300, OLD, ("ferpa",)),
    ("/srv/schools", "guidance/<IEP>/Ann Lee IEP.docx", 200, RECENT, ("ferpa", "mgl")),
    ("/srv/schools", "rosters/grade5 Kim Doe.csv", 50, RECENT, ("ferpa",)),
    ("/srv/schools", "rosters/blank.csv", 7, RECENT, ()),
]
ERROR_FILE = ("/srv/schools", "rosters/Huge Zed Grades.xlsx")


def _store(tmp_path: Path) -> StateStore:
    store = StateStore(tmp_path / "state")
    run = store.begin_run(["/srv/hr", "/srv/schools"], POLICY, "test")
    for share, rel, size, mtime, classes in FILES:
        path = f"{share}/{rel}"
        result = FileResult(
            path,
            Outcome.SCANNED,
            sha256="0" * 64,
            classes=classes,
            entities={"PERSON": 3} if classes else {},
        )
        store.record(FileEntry(share, path, size, mtime), result, POLICY, run)
    share, rel = ERROR_FILE
    store.record(
        FileEntry(share, f"{share}/{rel}", 9, RECENT),
        FileResult(f"{share}/{rel}", Outcome.ERROR, error="timed out after 5s"),
        POLICY,
        run,
    )
    store.record_problem(
        WalkProblem("/srv/hr", "/srv/hr/private/Locked Person", "cannot list"), run
    )
    store.finish_run(run, ["/srv/hr", "/srv/schools"], scanned=7, reused=0)
    return store


def _report(tmp_path: Path, privacy: str = "mask") -> DiscoveryReport:
    with _store(tmp_path) as store:
        return build_report(
            store,
            policy={"id": "cps", "version": "1"},
            class_titles=TITLES,
            path_privacy=privacy,
            now=NOW,
        )


def test_largest_concentrations_first_with_counts_size_and_age(tmp_path: Path) -> None:
    data = _report(tmp_path).to_json()
    assert data["schema"] == "pii-guard/discover/v1"
    shares = data["shares"]
    assert isinstance(shares, list)
    assert [s["share"] for s in shares] == ["/srv/schools", "/srv/hr"]
    schools = shares[0]
    assert (schools["files"], schools["errors"]) == (5, 1)
    assert [f["folder"] for f in schools["folders"]] == ["guidance/<IEP>", "rosters"]
    guidance = schools["folders"][0]
    assert guidance["with_classes"] == {
        "files": 2,
        "bytes": 500,
        "oldest_modified": "2023-05-01",
        "newest_modified": "2026-11-01",
        "stale_files": 1,
    }
    assert guidance["classes"]["ferpa"]["files"] == 2 and guidance["classes"]["mgl"]["files"] == 1
    assert schools["classes"]["ferpa"]["files"] == 3
    assert data["totals"]["with_classes"]["files"] == 4  # type: ignore[index]
    assert data["last_run"] == {"id": 1, "completed": True}


@pytest.mark.parametrize("privacy", ["plain", "mask", "hash"])
def test_no_record_file_name_appears_whatever_the_path_privacy(
    tmp_path: Path, privacy: str
) -> None:
    report = _report(tmp_path, privacy)
    outputs = report.to_json_text() + render_html(report)
    for name in ("Jane Roe", "Sam Poe", "Ann Lee", "Kim Doe", "W2.pdf", "IEP.docx"):
        assert name not in outputs


@pytest.mark.parametrize(
    ("privacy", "shown"),
    [
        ("plain", "Huge Zed Grades.xlsx"),
        ("mask", "*" * len("Huge Zed Grades") + ".xlsx"),  # the audit log's mask: extension kept
        ("hash", "sha256:" + hashlib.sha256(b"Huge Zed Grades.xlsx").hexdigest()),
    ],
)
def test_names_of_files_not_scanned_follow_path_privacy(
    tmp_path: Path, privacy: str, shown: str
) -> None:
    data = json.loads(_report(tmp_path, privacy).to_json_text())
    assert data["errors"] == [
        {"share": "/srv/schools", "folder": "rosters", "file": shown, "error": "timed out after 5s"}
    ]
    (problem,) = data["problems"]
    assert problem["where"].startswith("private/") and problem["message"] == "cannot list"
    assert ("Locked Person" in problem["where"]) == (privacy == "plain")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            refers = name in ("src", "href") or (value or "").startswith(("http:", "https:", "//"))
            if refers and not (tag == "svg" and name == "xmlns"):
                self.external.append(f"{tag} {name}={value}")


def test_html_is_one_self_contained_file_with_a_chart_per_share(tmp_path: Path) -> None:
    html = render_html(_report(tmp_path))
    parser = _Collector()
    parser.feed(html)
    assert parser.tags.count("svg") == 2  # one per share holding records
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert parser.external == []
    assert "guidance/&lt;IEP&gt;" in html and "<IEP>" not in html  # escaped, not markup
    assert "FERPA student record" in html
