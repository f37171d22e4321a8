"""Text built to make patterns backtrack finishes: no pattern takes time that grows
faster than the text.

The word lists and document signals use the standard `re`, which has no timeout,
so a pattern there with two adjacent unbounded repeats (`\\s*(?:name)?\\s*`) took
time quadratic in a run of spaces: hours for a few hundred kilobytes. Each text is
scanned in a child process that is given a minute; a quadratic pattern needs far
longer on these sizes, a linear one well under a second. Our `regex` patterns have a
timeout on long text, but a document that the timeout ends is reported as an error,
not scanned: so every text here must be scanned. (A label's name-field pattern, which
let each space of a run start a match, was ended by it on a run of spaces.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

RUN = 300_000

HOSTILE = {
    "a label word, then a long run of spaces": "Student" + " " * RUN + "x",
    "a label word, then a long run of tabs and newlines": "DOB" + "\t\n" * (RUN // 2) + "x",
    "a phrase's first word, then a long run of separators": "student" + "_-" * (RUN // 2),
    "a name label, then spaces": "Name" + " " * RUN + "name" + " " * RUN,
    "a name label, then tabs": "Name" + "\t" * RUN + "x",
    "a label word, spaces, its second word, spaces": "Student" + " " * RUN + "name" + " " * RUN,
    "spaces and tabs in turn": "first name" + " \t" * (RUN // 2),
    "a family's form label, spaces, a slash": "Nome do aluno" + " " * RUN + "/",
    "a family's form label, spaces, a capital": "Nome do aluno" + " " * RUN + "X",
    "a students' numbers label, then spaces": "Student number:" + " " * RUN + "x",
    "a labelled student's name, then spaces": "Student KOWALSKI" + " " * RUN + "ID 1234567",
    "a register's header, then numbers": "Emp Name Acct Rte\n" + "1234567 " * (RUN // 8),
    "an HL7 segment without end": "PID|" + "|^" * (RUN // 2),
    "a barcode header, then separators": "ANSI 636002" + "\\nDAQ" * (RUN // 5),
    "bars without end": "Name|" * (RUN // 5),
    "one long number": "1" * RUN,
    "numbers split by dashes": "12-" * (RUN // 3),
    "numbers split by spaces": "123 " * (RUN // 4),
    "capitalised words without end": "Maria " * (RUN // 6),
    "a surname list without given names": "Smith, " * (RUN // 7),
    "a house number and words without a street suffix": "12 " + "Oak " * (RUN // 4),
    "birth context and slashes": "date of birth " + "1/1/" * (RUN // 4),
}

_CHILD = textwrap.dedent(
    """
    import json, sys
    from scanners import Scanner

    text = sys.stdin.read()
    try:
        found = Scanner().scan_text(text)
    except TimeoutError:  # a `regex` pattern gave up: the scanner reports the document
        print(json.dumps({"outcome": "regex timeout"}))
    else:
        print(json.dumps({"outcome": "scanned", "findings": len(found)}))
    """
)


def _run_child(child: str, text: str) -> str:
    """The outcome a child process reports for `text`; a minute is the hang guard."""
    done = subprocess.run(
        [sys.executable, "-c", child],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return str(json.loads(done.stdout)["outcome"])


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text_is_scanned_in_bounded_time(text: str) -> None:
    outcome = _run_child(_CHILD, text)
    # Not even the `regex` timeout may end it: our patterns are linear, and a document
    # ended by the timeout is reported as an error, not scanned.
    assert outcome == "scanned"


_UNGUARDED_CHILD = textwrap.dedent(
    """
    import json, sys
    from scanners import Scanner
    from scanners.recognizers.base import UNGUARDED_TEXT, timeout_for

    text = sys.stdin.read()[:UNGUARDED_TEXT]
    assert timeout_for(text) is None  # our patterns run without the timeout here
    found = Scanner().scan_text(text)
    print(json.dumps({"outcome": "scanned", "findings": len(found)}))
    """
)


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text_up_to_the_unguarded_length_is_scanned_without_a_timeout(text: str) -> None:
    """Up to `UNGUARDED_TEXT` characters our patterns run with no timeout to stop them:
    on each hostile shape cut to that length, the scan must finish (no exponential
    pattern) and must not have given up (no timeout was armed to give up with)."""
    assert _run_child(_UNGUARDED_CHILD, text) == "scanned"


_DECLARED_CHILD = textwrap.dedent(
    """
    import json
    from scanners import Scanner, ScannerConfig
    from scanners.scanner import IdentifierPattern

    # A district's own pattern that backtracks exponentially, and a short cell that
    # makes it: only the timeout ends the search.
    config = ScannerConfig(
        identifiers=(IdentifierPattern("LOCAL_ID", "local-id", r"(a|a)+\\d\\d", 0.6),),
        ner=False,
    )
    cell = "a" * 40 + "1!1"
    report = Scanner(config).scan_bytes(f"Code\\n{cell}\\n".encode(), "codes.csv")[0]
    print(json.dumps({"status": report.status.value, "error": report.error}))
    """
)


def test_a_districts_own_pattern_is_stopped_by_the_timeout_even_in_a_short_cell() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _DECLARED_CHILD],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout)
    assert outcome["status"] == "error"
    assert "time" in (outcome["error"] or "").lower()


def test_the_timeout_is_armed_past_the_unguarded_length_and_always_for_a_districts_pattern() -> (
    None
):
    from scanners.recognizers.base import REGEX_TIMEOUT_SECONDS, UNGUARDED_TEXT, timeout_for

    assert timeout_for("x" * UNGUARDED_TEXT) is None
    assert timeout_for("x" * (UNGUARDED_TEXT + 1)) == REGEX_TIMEOUT_SECONDS
    assert timeout_for("x", vetted=False) == REGEX_TIMEOUT_SECONDS
