"""Location verdicts (R2, R3) for Linux, macOS and Windows paths: pure path logic."""

from __future__ import annotations

import pytest

from policies import Action, Policy, Verdict, load_policy


@pytest.fixture(scope="module")
def policy() -> Policy:
    return load_policy().policy


LINUX = {"platform": "linux", "home": "/home/alice", "env": {}}
MACOS = {"platform": "macos", "home": "/Users/alice", "env": {}}
WINDOWS = {"platform": "windows", "home": "C:\\Users\\alice", "env": {"SystemDrive": "C:"}}

CASES = [
    # (platform, path, verdict, rule id)
    (LINUX, "/media/alice/KINGSTON/roster.csv", Verdict.BLOCKED, "removable-media-linux"),
    (LINUX, "/run/media/alice/USB DISK/a/b/c.xlsx", Verdict.BLOCKED, "removable-media-linux"),
    (LINUX, "/media/alice", Verdict.NEUTRAL, None),  # the mount root itself is no drive
    (LINUX, "/home/alice/Dropbox/IEP.pdf", Verdict.BLOCKED, "personal-dropbox"),
    (LINUX, "/home/alice/Dropbox (Personal)/x.csv", Verdict.BLOCKED, "personal-dropbox"),
    (LINUX, "/home/alice/Google Drive/x.csv", Verdict.BLOCKED, "personal-google-drive"),
    (LINUX, "/home/alice/OneDrive/x.csv", Verdict.BLOCKED, "personal-onedrive"),
    (
        LINUX,
        "/home/alice/OneDrive - Cambridge Public Schools/x.csv",
        Verdict.APPROVED,
        "district-onedrive",
    ),
    (LINUX, "/home/alice/Documents/roster.csv", Verdict.NEUTRAL, None),
    (LINUX, "/home/alice/dropbox/x.csv", Verdict.NEUTRAL, None),  # case-sensitive on Linux
    (LINUX, "/mnt/cpsd/sped/x.csv", Verdict.APPROVED, "district-network-shares-mounted"),
    (LINUX, "/home/alice/../alice/Dropbox/x", Verdict.NEUTRAL, None),  # judged as spelled
    (MACOS, "/Volumes/KINGSTON/roster.csv", Verdict.BLOCKED, "removable-media-macos"),
    (MACOS, "/Volumes/Macintosh HD/Users/alice/x.csv", Verdict.NEUTRAL, None),
    (MACOS, "/Volumes/cpsd-sped/x.csv", Verdict.APPROVED, "district-network-shares-mounted"),
    (
        MACOS,
        "/Users/alice/Library/Mobile Documents/com~apple~CloudDocs/x.csv",
        Verdict.BLOCKED,
        "personal-cloud-macos",
    ),
    (
        MACOS,
        "/Users/alice/Library/CloudStorage/GoogleDrive-alice@gmail.com/My Drive/x",
        Verdict.BLOCKED,
        "personal-cloud-macos",
    ),
    (
        MACOS,
        "/Users/alice/Library/CloudStorage/OneDrive-CambridgePublicSchools/x.csv",
        Verdict.APPROVED,
        "district-onedrive-macos",
    ),
    (MACOS, "/Users/alice/dropbox/x.csv", Verdict.BLOCKED, "personal-dropbox"),  # APFS folds case
    (WINDOWS, "E:\\roster.csv", Verdict.BLOCKED, "removable-media-windows"),
    (WINDOWS, "e:/sub/roster.csv", Verdict.BLOCKED, "removable-media-windows"),
    (WINDOWS, "C:\\Users\\alice\\Desktop\\roster.csv", Verdict.NEUTRAL, None),
    (WINDOWS, "C:\\Users\\alice\\Dropbox\\roster.csv", Verdict.BLOCKED, "personal-dropbox"),
    (WINDOWS, "C:\\Users\\alice\\OneDrive\\roster.csv", Verdict.BLOCKED, "personal-onedrive"),
    (
        WINDOWS,
        "C:\\Users\\alice\\OneDrive - Cambridge Public Schools\\r.csv",
        Verdict.APPROVED,
        "district-onedrive",
    ),
    (WINDOWS, "C:\\Users\\alice\\iCloudDrive\\r.csv", Verdict.BLOCKED, "personal-icloud-drive"),
    (WINDOWS, "G:\\My Drive\\r.csv", Verdict.BLOCKED, "personal-google-drive-windows"),
    (WINDOWS, "\\\\fs.cpsd.us\\sped\\r.csv", Verdict.APPROVED, "district-network-shares"),
    (WINDOWS, "\\\\evil.example\\share\\r.csv", Verdict.NEUTRAL, None),
]


@pytest.mark.parametrize(("where", "path", "verdict", "rule"), CASES)
def test_verdicts(
    policy: Policy, where: dict[str, object], path: str, verdict: Verdict, rule: str | None
) -> None:
    result = policy.judge_path(path, **where)  # type: ignore[arg-type]
    assert (result.verdict, result.rule_id) == (verdict, rule)
    if verdict is Verdict.BLOCKED:
        assert result.action is Action.BLOCK
    else:
        assert result.action is None


def test_system_drive_follows_environment(policy: Policy) -> None:
    where = {**WINDOWS, "env": {"SystemDrive": "D:"}}
    assert policy.judge_path("C:\\x.csv", **where).verdict is Verdict.BLOCKED  # type: ignore[arg-type]
    assert policy.judge_path("D:\\x.csv", **where).verdict is Verdict.NEUTRAL  # type: ignore[arg-type]


def test_more_specific_rule_wins_and_tie_goes_to_blocked() -> None:
    from policies import BUNDLED_POLICY, parse_policy

    text = (
        BUNDLED_POLICY.read_text(encoding="utf-8")
        + """
[[locations.approved]]
id = "usb-of-the-sped-office"
platforms = ["linux"]
patterns = ["/media/*/CPS-SPED"]

[[locations.approved]]
id = "same-as-blocked"
platforms = ["linux"]
patterns = ["/run/media/*/*"]
"""
    )
    policy = parse_policy(text)
    sped = policy.judge_path("/media/alice/CPS-SPED/x.csv", **LINUX)  # type: ignore[arg-type]
    assert (sped.verdict, sped.rule_id) == (Verdict.APPROVED, "usb-of-the-sped-office")
    tie = policy.judge_path("/run/media/alice/STICK/x.csv", **LINUX)  # type: ignore[arg-type]
    assert (tie.verdict, tie.rule_id) == (Verdict.BLOCKED, "removable-media-linux")


def test_audit_action_is_carried(policy: Policy) -> None:
    from policies import BUNDLED_POLICY, parse_policy

    text = BUNDLED_POLICY.read_text(encoding="utf-8").replace(
        'patterns = ["~/Box", "~/Box Sync"]\naction = "block"',
        'patterns = ["~/Box", "~/Box Sync"]\naction = "audit"',
    )
    pilot = parse_policy(text).judge_path("/home/alice/Box/x.csv", **LINUX)  # type: ignore[arg-type]
    assert pilot.action is Action.AUDIT


def test_watch_roots_are_the_literal_folders_above_blocked_places(policy: Policy) -> None:
    assert policy.watch_roots(**LINUX) == ("/media", "/run/media", "/home/alice")  # type: ignore[arg-type]
    assert "/Volumes" in policy.watch_roots(**MACOS)  # type: ignore[arg-type]
