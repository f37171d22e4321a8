"""The benchmark corpus: deterministic, readable by the extractor, and its
ground truth agrees with what is actually in the files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from extract_helpers import drain

from bench._corpus_people import luhn_valid
from bench.corpus import CLASSES, CorpusItem, generate_corpus, load_ground_truth
from scanners.extract import extract_path
from scanners.findings import ScanStatus

H93, FERPA = CLASSES
FINANCIAL = {"US_SSN", "US_DRIVER_LICENSE", "CREDIT_CARD", "US_BANK_NUMBER"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[CorpusItem]]:
    out = tmp_path_factory.mktemp("corpus")
    return out, generate_corpus(out, n_files=60, seed=7)


def test_ground_truth_file_matches_the_items(corpus: tuple[Path, list[CorpusItem]]) -> None:
    out, items = corpus
    truth = json.loads((out / "ground_truth.json").read_text())
    assert truth["schema"] == "pii-guard/corpus/v1"
    assert len(truth["files"]) == len(items) == 60
    assert load_ground_truth(out) == items
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [i.path.name for i in items] + ["ground_truth.json"]
    )


def test_same_seed_same_corpus_other_seed_other_corpus(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", n_files=20, seed=99)
    again = generate_corpus(tmp_path / "b", n_files=20, seed=99)
    other = generate_corpus(tmp_path / "c", n_files=20, seed=100)
    strip = [(i.path.name, i.classes, i.values) for i in first]
    assert strip == [(i.path.name, i.classes, i.values) for i in again]
    assert strip != [(i.path.name, i.classes, i.values) for i in other]


def test_every_file_extracts_and_holds_every_value_its_truth_claims(
    corpus: tuple[Path, list[CorpusItem]],
) -> None:
    _, items = corpus
    kinds = set()
    for item in items:
        documents = drain(extract_path(item.path))
        assert [d.status for d in documents] == [ScanStatus.SCANNED] * len(documents), item.path
        assert len(documents) == 1 + len(item.members)
        kinds.add(documents[0].kind)
        text = " ".join(" ".join(d.all_text().split()) for d in documents)
        for entity, values in item.values.items():
            for value in values:
                if entity == "PERSON" and " ".join(value.split()) not in text:
                    # split first/last name columns: one PERSON per row, by convention
                    assert all(part in text for part in value.split()), (item.path, value)
                else:
                    assert " ".join(value.split()) in text, (item.path, entity, value)
    assert len(kinds) >= 10, kinds


def test_classes_follow_the_legal_definitions(corpus: tuple[Path, list[CorpusItem]]) -> None:
    _, items = corpus
    for item in items:
        names = item.entities.get("PERSON", 0)
        if H93 in item.classes:
            assert names and FINANCIAL & set(item.entities), item
        elif item.family not in ("zip", "email"):
            assert not FINANCIAL & set(item.entities), item
        if FERPA in item.classes:
            assert names, item
    families = {i.family for i in items}
    assert {"roster", "payroll", "iep_504", "health_note", "negative", "email", "zip"} <= families


def test_employee_birth_dates_are_not_student_records(
    corpus: tuple[Path, list[CorpusItem]],
) -> None:
    _, items = corpus
    hr = [i for i in items if i.family == "hr"]
    assert hr
    assert any("DATE_OF_BIRTH" in i.entities for i in hr)
    assert all(FERPA not in i.classes for i in hr)


def test_hard_negatives_carry_decoys_and_no_class(corpus: tuple[Path, list[CorpusItem]]) -> None:
    _, items = corpus
    negatives = [i for i in items if i.family == "negative"]
    assert negatives
    assert all(not i.classes for i in negatives)
    decoys = {kind for i in negatives for kind in i.decoys}
    assert {"ORDER_NUMBER", "ROOM"} <= decoys
    for item in items:
        for number in item.decoys.get("INVALID_LUHN_16", []):
            assert not luhn_valid(number)
        for number in item.values.get("CREDIT_CARD", []):
            assert luhn_valid(number)
