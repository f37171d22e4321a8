"""A seeded school-records corpus with ground truth, for accuracy benchmarks and tests.

`generate_corpus(out_dir)` writes rosters, gradebooks, report cards, IEP/504
plans, nurse notes, attendance letters, payroll and HR forms, driver lists,
card payments, e-mails with attachments, zips of all of these (some nested),
and hard negatives (purchase orders with order numbers, ISBNs, room numbers,
ZIP codes and invalid-Luhn numbers; newsletters with names only; meeting
minutes; staff directories), in every format the scanner reads. It writes
`out_dir/ground_truth.json` beside them.

Ground truth, per top-level file (archive members and attachments included):
- `classes`: which of `mgl-93h-personal-information` (a name with an SSN,
  driver's licence, card or bank account number) and `ferpa-student-record`
  (a student's name with a student ID, the student's birth date, grades,
  IEP/504 or health information) the file is. An employee's birth date is not
  a student record.
- `entities`: how many values of each entity type the file holds, counted per
  occurrence. Conventions: a table row with separate first/last name columns
  counts one PERSON; a name in an e-mail header (From/To) counts; school and
  company names do not; a date that is not a birth date is not an entity.
- `values`: the values themselves, per entity (for value-level scoring), and
  `decoys`: the hard negatives planted (ORDER_NUMBER, ISBN, ROOM, ZIP,
  INVALID_LUHN_16) which a good detector reports as nothing.
- `members`: the archive members / attachments the file contains.

Run: `python -m bench.corpus OUT_DIR [N_FILES] [SEED]`.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench import _writers as w
from bench._corpus_people import TODAY, People
from bench._corpus_render import Rec
from bench._corpus_templates import FERPA, H93, TEMPLATES, Piece

SCHEMA = "pii-guard/corpus/v1"
CLASSES = (H93, FERPA)
_EXTENSIONS = {"xlsm": "xlsm", "txt": "txt", "html": "html"}
_MIME = {
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "json": "application/json",
    "xml": "application/xml",
    "html": "text/html",
    "txt": "text/plain",
    "pdf": "application/pdf",
    "zip": "application/zip",
    "eml": "message/rfc822",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


@dataclass(frozen=True)
class CorpusItem:
    path: Path
    kind: str
    classes: tuple[str, ...]
    entities: dict[str, int]
    values: dict[str, list[str]] = field(default_factory=dict)
    decoys: dict[str, list[str]] = field(default_factory=dict)
    family: str = ""
    members: tuple[str, ...] = ()


def _file_name(piece: Piece) -> str:
    return f"{piece.stem}.{_EXTENSIONS.get(piece.kind, piece.kind)}"


# --- composites: e-mails and zips ------------------------------------------------


def _mailbox(p: People, rec: Rec) -> str:
    e = p.employee()
    return f"{rec('PERSON', e.name)} <{rec('EMAIL_ADDRESS', e.email)}>"


def _simple_pieces(p: People, count: int) -> list[Piece]:
    names = list(TEMPLATES)
    weights = [TEMPLATES[n][1] for n in names]
    return [TEMPLATES[p.rng.choices(names, weights)[0]][0](p) for _ in range(count)]


def email(p: People) -> Piece:
    rec = Rec()
    sender, to = _mailbox(p, rec), _mailbox(p, rec)
    classes: set[str] = set()
    attachments: list[tuple[str, bytes, str]] = []
    members: list[str] = []
    style = p.rng.choices(["attach", "inline-student", "inline-card", "plain"], [6, 2, 1, 2])[0]
    if style == "attach":
        for piece in _simple_pieces(p, p.rng.choice([1, 1, 1, 2])):
            name = _file_name(piece)
            attachments.append(
                (name, piece.data, _MIME.get(piece.kind, "application/octet-stream"))
            )
            members += [name, *[f"{name}!{m}" for m in piece.members]]
            classes |= piece.classes
            rec.merge(piece.rec)
        subject = p.rng.choice(
            [
                "Files you asked for",
                "For Monday's meeting",
                "FW: documents",
                "Updated list",
                "Please review",
            ]
        )
        body = (
            f"Hi,\n\nAttached {'are' if len(attachments) > 1 else 'is'} the file you asked "
            f"for.\n\nThanks,\n{sender.split(' <')[0]}\n"
        )
        rec("PERSON", sender.split(" <")[0])
    elif style == "inline-student":
        s = p.student()
        subject = p.rng.choice(["Early dismissal", "Re: bus change", "Pick-up today"])
        body = (
            f"Hello,\n\n{rec('PERSON', s.name)} (SASID {rec('STUDENT_ID', s.sasid)}, grade "
            f"{s.grade}) will be dismissed at 1:30 for a medical appointment. "
            f"{rec('PERSON', s.guardian)} will pick up; "
            f"cell {rec('PHONE_NUMBER', s.guardian_phone)}.\n"
        )
        classes.add(FERPA)
    elif style == "inline-card":
        name = f"{p.fake.first_name()} {p.last_name()}"
        subject = "Refund for field trip payment"
        body = (
            f"Please refund {rec('PERSON', name)}'s payment of $35.00; it was charged to card "
            f"{rec('CREDIT_CARD', p.card())} twice.\n"
        )
        classes.add(H93)
    else:
        subject = p.rng.choice(["Staff meeting moved", "Reminder: picture day", "Fire drill"])
        room = rec.decoy("ROOM", str(p.rng.randint(100, 399)))
        body = (
            f"Reminder: the staff meeting is in Room {room} on {p.fmt_date(TODAY, 'long')}. "
            f"Parking on {p.rng.choice(['Jackson Place', 'Franklin Street'])} is closed.\n"
        )
    data = w.eml_bytes(sender=sender, to=to, subject=subject, body=body, attachments=attachments)
    stem = f"mail_{p.rng.randint(1000, 9999)}"
    return Piece(stem, "eml", data, classes, rec, "email", members)


def archive(p: People) -> Piece:
    rec = Rec()
    classes: set[str] = set()
    members: dict[str, bytes] = {}
    listed: list[str] = []
    folder = p.rng.choice(["", "exports/", "2026-27/", "records/"])
    for piece in _simple_pieces(p, p.rng.randint(2, 5)):
        name = folder + _file_name(piece)
        members[name] = piece.data
        listed.append(name)
        classes |= piece.classes
        rec.merge(piece.rec)
    if p.rng.random() < 0.3:  # a zip inside the zip, as "backup of the backup" folders are
        inner = _simple_pieces(p, 2)
        inner_zip = w.zip_bytes({_file_name(x): x.data for x in inner})
        members["older.zip"] = inner_zip
        listed += ["older.zip", *[f"older.zip!{_file_name(x)}" for x in inner]]
        for x in inner:
            classes |= x.classes
            rec.merge(x.rec)
    return Piece(
        f"archive_{p.rng.randint(100, 999)}",
        "zip",
        w.zip_bytes(members),
        classes,
        rec,
        "zip",
        listed,
    )


_FAMILIES = {name: weight for name, (_, weight) in TEMPLATES.items()}
_FAMILIES.update({"email": 10, "zip": 6})


def _make(p: People, family: str) -> Piece:
    if family == "email":
        return email(p)
    if family == "zip":
        return archive(p)
    return TEMPLATES[family][0](p)


def generate_corpus(out_dir: Path, *, n_files: int = 400, seed: int = 1234) -> list[CorpusItem]:
    """Write `n_files` documents and `ground_truth.json` into `out_dir`.

    The same seed gives the same documents (byte for byte except where a writer
    stamps the time, e.g. PDF creation dates) and the same ground truth.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    p = People(seed)
    names = list(_FAMILIES)
    order = names[: min(n_files, len(names))]  # every family at least once
    order += p.rng.choices(names, [_FAMILIES[n] for n in names], k=max(0, n_files - len(order)))
    items: list[CorpusItem] = []
    for index, family in enumerate(order):
        piece = _make(p, family)
        file_name = f"{index:03d}_{_file_name(piece)}"
        if p.rng.random() < 0.05:  # what users do: wrong or missing extensions
            file_name = file_name.rsplit(".", 1)[0] + p.rng.choice(["", ".dat", ".txt", ".bak"])
        path = out_dir / file_name
        _write_atomic(path, piece.data, sync=False)
        values = {k: list(v) for k, v in sorted(piece.rec.values.items()) if v}
        items.append(
            CorpusItem(
                path=path,
                kind=piece.kind,
                classes=tuple(c for c in CLASSES if c in piece.classes),
                entities={k: len(v) for k, v in values.items()},
                values=values,
                decoys={k: list(v) for k, v in sorted(piece.rec.decoys.items()) if v},
                family=piece.family,
                members=tuple(piece.members),
            )
        )
    truth = {
        "schema": SCHEMA,
        "seed": seed,
        "n_files": n_files,
        "files": [
            {
                "path": item.path.name,
                "kind": item.kind,
                "family": item.family,
                "classes": list(item.classes),
                "entities": item.entities,
                "values": item.values,
                "decoys": item.decoys,
                "members": list(item.members),
            }
            for item in items
        ],
    }
    _write_atomic(
        out_dir / "ground_truth.json", (json.dumps(truth, indent=1, sort_keys=True) + "\n").encode()
    )
    return items


def load_ground_truth(out_dir: Path) -> list[CorpusItem]:
    """Read back what `generate_corpus` wrote (for benchmarks run later)."""
    truth = json.loads((out_dir / "ground_truth.json").read_text())
    return [
        CorpusItem(
            path=out_dir / f["path"],
            kind=f["kind"],
            classes=tuple(f["classes"]),
            entities=dict(f["entities"]),
            values=f["values"],
            decoys=f["decoys"],
            family=f["family"],
            members=tuple(f["members"]),
        )
        for f in truth["files"]
    ]


def _write_atomic(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Temp name in the same folder, then rename: never a half-written file.
    Documents skip the fsync (hundreds of them); ground_truth.json, written
    last, is synced, so its presence means the corpus is complete."""
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as handle:
        handle.write(data)
        if sync:
            handle.flush()
            os.fsync(handle.fileno())
    tmp.replace(path)


def summary(items: list[CorpusItem]) -> dict[str, object]:
    return {
        "files": len(items),
        "kinds": dict(sorted(Counter(i.kind for i in items).items())),
        "families": dict(sorted(Counter(i.family for i in items).items())),
        "classes": {c: sum(c in i.classes for i in items) for c in CLASSES},
        "no_class": sum(not i.classes for i in items),
        "entities": dict(sorted(sum((Counter(i.entities) for i in items), Counter()).items())),
        "bytes": sum(i.path.stat().st_size for i in items),
    }


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m bench.corpus OUT_DIR [N_FILES] [SEED]", file=sys.stderr)
        return 2
    n_files = int(argv[1]) if len(argv) > 1 else 400
    seed = int(argv[2]) if len(argv) > 2 else 1234
    items = generate_corpus(Path(argv[0]), n_files=n_files, seed=seed)
    print(json.dumps(summary(items), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
