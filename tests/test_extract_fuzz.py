"""Fuzzing: mutated real documents never raise out of the extractor and never hang.

Two kinds of mutation: raw (flip, truncate, insert bytes anywhere in the file),
which mostly breaks containers and compression; and structure-aware (mutate one
member of an Office zip, then re-zip it), which reaches the XML parsers behind.
"""

from __future__ import annotations

import io
import os
import signal
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import _writers as w
from scanners.extract import Limits, TableBlock, extract_bytes
from scanners.findings import ScanStatus

ROSTER = [["Student ID", "Name", "DOB"], ["1034567890", "Amara Okafor", "2013-04-09"]] * 3
SEEDS: dict[str, Callable[[], bytes]] = {
    "docx": lambda: w.docx_bytes(["IEP for Amara Okafor", "DOB 2013-04-09"], [ROSTER]),
    "xlsx": lambda: w.xlsx_bytes({"Roster": ROSTER, "Second": ROSTER}),
    "pptx": lambda: w.pptx_bytes([("504 plan", ["Amara Okafor"], ROSTER, "notes")]),
    "odt": lambda: w.odt_bytes(["Health note for Amara"], [ROSTER]),
    "ods": lambda: w.ods_bytes({"Roster": ROSTER}),
    "pdf": lambda: w.pdf_bytes([["Report card", "Amara Okafor"], ["page 2"]]),
    "pdf-form": lambda: w.fillable_pdf_bytes(["Health form"], {"Name": "Amara", "DOB": "x"}),
    "zip": lambda: w.zip_bytes(
        {"r.csv": w.csv_bytes(ROSTER), "in.zip": w.zip_bytes({"x.json": b'{"a": [1, 2]}'})}
    ),
    "eml": lambda: w.eml_bytes(
        sender="a@example.org",
        to="b@example.org",
        subject="Roster",
        body="attached",
        html="<p>attached</p>",
        attachments=[("r.csv", w.csv_bytes(ROSTER), "text/csv")],
    ),
    "csv": lambda: w.csv_bytes(ROSTER),
    "json": lambda: b'{"students": [{"name": "A", "id": 1}, {"name": "B", "id": 2}]}',
    "xml": lambda: b"<?xml version='1.0'?><r><s id='1'><n>Amara</n></s></r>",
    "html": lambda: (
        b"<html><body><table><tr><th>N</th></tr><tr><td>A</td></tr></table></body></html>"
    ),
    "sql": lambda: (
        b"CREATE TABLE s (id int, nm text, PRIMARY KEY (id));\n"
        b"INSERT INTO s VALUES (1,'Amara O\\'Kafor'),(2,N'B''x');\n"
        b"COPY s (id, nm) FROM stdin;\n3\tA\\tB\n4\t\\N\n\\.\n"
    ),
    "x12": lambda: (
        b"ISA*00*          *00*          *ZZ*A              *ZZ*B              "
        b"*241101*0615*^*00501*000004417*0*P*:~INS*Y*18~REF*0F*450236596~"
        b"NM1*IL*1*JONES*MICHAEL*J***34*450236596~DMG*D8*19661224~HI*ABK:F902~"
    ),
    "ldif": lambda: (
        b"version: 1\n\ndn: cn=Amara,ou=Students,dc=d\ncn: Amara\n"
        b"displayName:: QW1hcmE=\n description\n\ndn: cn=B,dc=d\nsn: B\n"
    ),
}
# built once, up front: the writers use `random` (message ids, file ids), which
# hypothesis rightly refuses inside a strategy
_CACHE: dict[str, bytes] = {kind: make() for kind, make in SEEDS.items()}
LIMITS = Limits(
    max_archive_total_bytes=64 << 20,
    max_document_bytes=16 << 20,
    chunk_chars=4096,
    overlap_chars=64,
)
PER_EXAMPLE_SECONDS = 10


def seed(kind: str) -> bytes:
    return _CACHE[kind]


class Hang(BaseException):
    """Not an Exception: the extractor's own catch-all must not swallow it."""


@contextmanager
def watchdog(seconds: float) -> Iterator[None]:
    def fire(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"extraction took more than {seconds}s")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(data: bytes, name: str) -> None:
    with watchdog(PER_EXAMPLE_SECONDS):
        for document in extract_bytes(data, name, LIMITS):
            assert document.path.startswith(name)
            for block in document.blocks:
                if isinstance(block, TableBlock):
                    for number, cells in block.rows:
                        assert isinstance(number, int)
                        assert all(isinstance(c, str) for c in cells)
                else:
                    assert isinstance(block.text, str)
            if document.status is not ScanStatus.SCANNED:
                assert document.error and "\n" not in document.error, document.error


@st.composite
def raw_mutation(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(seed(kind))
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "zero-run"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            data[at : at + 64] = bytes(min(64, len(data) - at))
    return kind, bytes(data)


@st.composite
def member_mutation(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["docx", "xlsx", "pptx", "odt", "ods", "zip"]))
    source = zipfile.ZipFile(io.BytesIO(seed(kind)))
    names = [i.filename for i in source.infolist()]
    target = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            content = bytearray(source.read(name))
            if name == target and content:
                for _ in range(draw(st.integers(1, 6))):
                    at = draw(st.integers(0, max(0, len(content) - 1)))
                    choice = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
                    if choice == "flip" and content:
                        content[at] = draw(st.sampled_from(b"<>/\"'&;=x0 \x00\xff"))
                    elif choice == "truncate":
                        del content[at:]
                    elif choice == "insert":
                        content[at:at] = draw(
                            st.sampled_from(
                                [
                                    b"<",
                                    b"</x>",
                                    b"&amp",
                                    b"&#0;",
                                    b"<!ENTITY a 'b'>",
                                    b"]]>",
                                    b"\xff\xfe",
                                    b'r="A99999999"',
                                    b"99999999999",
                                ]
                            )
                        )
                    elif content:
                        del content[at : at + draw(st.integers(1, 40))]
            archive.writestr(name, bytes(content))
    return kind, out.getvalue()


FUZZ = settings(
    # a longer campaign: PII_GUARD_FUZZ_EXAMPLES=5000 make pytest
    max_examples=int(os.environ.get("PII_GUARD_FUZZ_EXAMPLES", "150")),
    deadline=None,  # the watchdog bounds each example; a deadline would flake on a busy CI
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.slow
@FUZZ
@given(raw_mutation())
def test_raw_byte_mutations_never_escape(case: tuple[str, bytes]) -> None:
    kind, data = case
    check(data, f"fuzz.{kind}")


@pytest.mark.slow
@FUZZ
@given(member_mutation())
def test_mutated_office_members_never_escape(case: tuple[str, bytes]) -> None:
    kind, data = case
    check(data, f"fuzz.{kind}")


def test_the_watchdog_itself_fires() -> None:
    """The fuzz tests' hang detection is real: a stuck loop is stopped and reported."""
    with pytest.raises(Hang), watchdog(0.2):
        while True:
            pass
