"""Scanner accuracy and speed, ours against vanilla presidio, measured in one run.

Accuracy
  * the presidio-research synthetic set (`../shared/data/presidio-synth/synth_dataset_v2.json`,
    beside the repository): precision / recall / F1 per entity type and micro-F1, for our
    scanner (configured by the bundled district policy) and for vanilla presidio (default
    recognizers, the same spaCy model, tldextract offline). A prediction counts when it
    overlaps a gold span of the same (mapped) type, each gold span matched at most once.
  * the seeded school-records corpus of `bench/corpus.py`: file-level class precision/recall
    (the policy's classes over each file, with archive members) and entity micro-F1 by counts.

Speed
  * whole process, start-up included: `pii-guard scan` of a few MB of mixed documents,
    single process and `--jobs 2`; vanilla presidio as a process that extracts the same
    files with our extractor and runs `AnalyzerEngine.analyze` over every text block.
    Ours again with the detection modules run from source (`scanners.compiled`), to show
    what compiling them gains.
  * cold start: `pii-guard scan` of one small file.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from scanners import compiled

REPO = Path(__file__).resolve().parents[1]
SYNTH = REPO.parent / "shared" / "data" / "presidio-synth" / "synth_dataset_v2.json"

# Gold label of the synthetic set -> the entity our scanner reports (None: we do not report it,
# on purpose: organisations, places, titles, ages, ZIP codes, URLs are not personal
# information under c. 93H or FERPA on their own).
SYNTH_TO_OURS: dict[str, str | None] = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "STREET_ADDRESS",
    "CREDIT_CARD": "CREDIT_CARD",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "US_SSN": "US_SSN",
    "US_DRIVER_LICENSE": "US_DRIVER_LICENSE",
    "IBAN_CODE": None,
    "IP_ADDRESS": None,
    "DATE_TIME": None,
    "GPE": None,
    "ORGANIZATION": None,
    "TITLE": None,
    "AGE": None,
    "NRP": None,
    "ZIP_CODE": None,
    "DOMAIN_NAME": None,
}
# Gold label -> presidio's entity name for it (None: presidio has no recognizer for it).
SYNTH_TO_PRESIDIO: dict[str, str | None] = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": None,
    "CREDIT_CARD": "CREDIT_CARD",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "US_SSN": "US_SSN",
    "US_DRIVER_LICENSE": "US_DRIVER_LICENSE",
    "IBAN_CODE": "IBAN_CODE",
    "IP_ADDRESS": "IP_ADDRESS",
    "DATE_TIME": "DATE_TIME",
    "GPE": "LOCATION",
    "ORGANIZATION": None,
    "TITLE": None,
    "AGE": None,
    "NRP": "NRP",
    "ZIP_CODE": None,
    "DOMAIN_NAME": "URL",
}

Span = tuple[str, int, int]  # (gold label, start, end)


def score_spans(
    gold: list[list[Span]], predicted: list[list[Span]], labels: Iterable[str]
) -> dict[str, Any]:
    """Per-label precision/recall/F1 by one-to-one overlap matching, and micro over `labels`."""
    labels = sorted(set(labels))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        for label in labels:
            g = [s for s in gold_spans if s[0] == label]
            p = [s for s in predicted_spans if s[0] == label]
            used: set[int] = set()
            for _, ps, pe in p:
                match = next(
                    (i for i, (_, gs, ge) in enumerate(g) if i not in used and ps < ge and gs < pe),
                    None,
                )
                if match is None:
                    fp[label] += 1
                else:
                    used.add(match)
                    tp[label] += 1
            fn[label] += len(g) - len(used)
    table = {label: _prf(tp[label], fp[label], fn[label]) for label in labels}
    micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"per_entity": table, "micro": micro}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _our_spans(text: str, findings: Iterable[Any], ours_to_gold: Mapping[str, str]) -> list[Span]:
    """Our findings carry values and lines, not offsets: place each value in the text."""
    spans: list[Span] = []
    taken: set[tuple[int, int]] = set()
    for finding in findings:
        label = ours_to_gold.get(finding.entity)
        if label is None or not finding.value:
            continue
        start = text.find(finding.value)
        while start >= 0 and (start, start + len(finding.value)) in taken:
            start = text.find(finding.value, start + 1)
        if start >= 0:
            taken.add((start, start + len(finding.value)))
            spans.append((label, start, start + len(finding.value)))
    return spans


def synth_accuracy() -> dict[str, Any]:
    from pii_guard.scanning import scanner_for_policy
    from policies import load_policy
    from scanners.engine import presidio_analyzer, presidio_entities

    records = json.loads(SYNTH.read_text(encoding="utf-8"))
    gold = [
        [(s["entity_type"], s["start_position"], s["end_position"]) for s in r["spans"]]
        for r in records
    ]
    texts = [r["full_text"] for r in records]

    scanner = scanner_for_policy(load_policy(None).policy)
    ours_to_gold = {v: k for k, v in SYNTH_TO_OURS.items() if v}
    t0 = time.perf_counter()
    ours = [_our_spans(text, scanner.scan_text(text), ours_to_gold) for text in texts]
    ours_seconds = time.perf_counter() - t0

    analyzer = presidio_analyzer()
    presidio_to_gold = {v: k for k, v in SYNTH_TO_PRESIDIO.items() if v}
    t0 = time.perf_counter()
    theirs = [
        [
            (presidio_to_gold[e], s, t)
            for e, s, t, _ in presidio_entities(analyzer, text)
            if e in presidio_to_gold
        ]
        for text in texts
    ]
    presidio_seconds = time.perf_counter() - t0

    ours_labels = {k for k, v in SYNTH_TO_OURS.items() if v}
    theirs_labels = {k for k, v in SYNTH_TO_PRESIDIO.items() if v}
    common = ours_labels & theirs_labels
    result: dict[str, Any] = {
        "dataset": "presidio-research synth_dataset_v2.json",
        "records": len(records),
        "matching": "overlap, one-to-one, same mapped type",
        "label_mapping": {"ours": SYNTH_TO_OURS, "presidio": SYNTH_TO_PRESIDIO},
        "common_entities": sorted(common),
        "ours": score_spans(gold, ours, ours_labels),
        "presidio": score_spans(gold, theirs, theirs_labels),
        "ours_micro_common": score_spans(gold, ours, common)["micro"],
        "presidio_micro_common": score_spans(gold, theirs, common)["micro"],
        "in_process_seconds": {
            "ours": round(ours_seconds, 2),
            "presidio": round(presidio_seconds, 2),
        },
    }
    # "Higher" where there is room: an entity both find perfectly (F1 1.0) cannot be beaten.
    f1 = {
        side: {e: result[side]["per_entity"][e]["f1"] for e in common}
        for side in ("ours", "presidio")
    }
    result["higher_f1_on_every_common_entity"] = all(
        f1["ours"][e] > f1["presidio"][e] for e in common
    )
    result["higher_f1_or_both_perfect_on_every_common_entity"] = all(
        f1["ours"][e] > f1["presidio"][e] or f1["ours"][e] == f1["presidio"][e] == 1.0
        for e in common
    )
    return result


CORPUS_CLASSES = ("mgl-93h-personal-information", "ferpa-student-record")


def corpus_accuracy(corpus: Path) -> dict[str, Any]:
    """File-level class precision/recall and entity micro-F1 (by counts) on a generated corpus."""
    from pii_guard.scanning import classify_reports, scanner_for_policy
    from policies import load_policy

    truth = json.loads((corpus / "ground_truth.json").read_text(encoding="utf-8"))["files"]
    policy = load_policy(None).policy
    scanner = scanner_for_policy(policy)
    class_counts = {c: Counter[str]() for c in CORPUS_CLASSES}
    entity_counts: dict[str, Counter[str]] = {}
    misclassified: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for item in truth:
        reports = scanner.scan_file(corpus / item["path"])
        got = set(classify_reports(policy, reports))
        want = set(item["classes"])
        for c in CORPUS_CLASSES:
            key = ("tp" if c in want else "fp") if c in got else ("fn" if c in want else "tn")
            class_counts[c][key] += 1
        if (got & set(CORPUS_CLASSES)) != want:
            misclassified.append({"path": item["path"], "want": sorted(want), "got": sorted(got)})
        predicted = Counter(f.entity for r in reports for f in r.findings)
        for entity, n_gold in item["entities"].items():
            counts = entity_counts.setdefault(entity, Counter())
            hit = min(n_gold, predicted.get(entity, 0))
            counts["tp"] += hit
            counts["fn"] += n_gold - hit
            counts["fp"] += predicted.get(entity, 0) - hit
        for entity, n_pred in predicted.items():
            if entity not in item["entities"] and entity in _COUNTED:
                entity_counts.setdefault(entity, Counter())["fp"] += n_pred
    seconds = time.perf_counter() - t0
    classes = {
        c: {
            "precision": round(n["tp"] / (n["tp"] + n["fp"]), 3) if n["tp"] + n["fp"] else 0.0,
            "recall": round(n["tp"] / (n["tp"] + n["fn"]), 3) if n["tp"] + n["fn"] else 0.0,
            **dict(n),
        }
        for c, n in class_counts.items()
    }
    entities = {e: _prf(n["tp"], n["fp"], n["fn"]) for e, n in sorted(entity_counts.items())}
    micro = _prf(*(sum(n[k] for n in entity_counts.values()) for k in ("tp", "fp", "fn")))
    return {
        "files": len(truth),
        "classes": classes,
        "entities": entities,
        "entity_micro": micro,
        "misclassified": misclassified[:40],
        "in_process_seconds": round(seconds, 2),
    }


# Entities the corpus counts (a prediction of one in a file whose truth has none is a false
# positive); document-level signals and routing numbers outside these are not scored.
_COUNTED = frozenset(
    {
        "PERSON",
        "STUDENT_ID",
        "DATE_OF_BIRTH",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "US_SSN",
        "ABA_ROUTING_NUMBER",
        "US_BANK_NUMBER",
        "STREET_ADDRESS",
        "US_DRIVER_LICENSE",
        "CREDIT_CARD",
    }
)


# Vanilla presidio as a whole process: our extractor gives it the same text (tables as
# comma-separated lines), then AnalyzerEngine.analyze runs over every block.
_PRESIDIO_PROCESS = """
import sys
from pathlib import Path
from scanners.engine import presidio_analyzer
from scanners.extract import extract_path
analyzer = presidio_analyzer()
found = 0
for name in sys.argv[1:]:
    for doc in extract_path(Path(name)):
        for block in doc.blocks:
            if hasattr(block, "header"):
                lines = [", ".join(block.header)] + [", ".join(c) for _, c in block.rows]
                text = "\\n".join(lines)
            else:
                text = block.text
            found += len(analyzer.analyze(text=text, language="en"))
print(found)
"""


def _timed(argv: list[str], env: Mapping[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the child's) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(argv, env=dict(env), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # pii-guard scan exits 1 when it finds a record; anything else (or a traceback) is a failure
    if done.returncode not in (0, 1) or "Traceback" in done.stderr:
        raise RuntimeError(f"{argv[:4]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, cpu


def _rate(n_bytes: int, timing: tuple[float, float]) -> dict[str, float]:
    wall, cpu = timing
    return {
        "bytes": n_bytes,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "bytes_per_wall_s": round(n_bytes / wall),
        "bytes_per_cpu_s": round(n_bytes / cpu),
    }


ROUNDS = 3  # of presidio once and ours OURS_PER_ROUND times (see `throughput`)
OURS_PER_ROUND = 5


def throughput(corpus: Path, home: Path) -> dict[str, Any]:
    """Whole-process bytes/s, start-up included, ours and vanilla presidio, in one run.

    On this shared machine someone else's load slows a run by up to half for seconds at
    a time, which moves our one-second run far more than presidio's half minute. So the
    two sides alternate (presidio once, then ours five times, three times over) and each
    side's fastest run is its figure, as `timeit` takes the fastest: the run least
    disturbed by others. Every run is listed, and the ratio of the medians is given too.
    CPU time (user + system of the process) is reported beside wall time.
    """
    env = {**os.environ, "PII_GUARD_HOME": str(home)}
    files = sorted(p for p in corpus.iterdir() if p.is_file() and p.name != "ground_truth.json")
    total = sum(p.stat().st_size for p in files)
    scan = [sys.executable, "-m", "pii_guard", "scan", "--no-cache", "--format", "jsonl"]
    # The same files for both sides, named one by one: the corpus folder also holds the
    # ground truth, which is not part of the measured bytes.
    names = [str(p) for p in files]
    presidio_runs: list[tuple[float, float]] = []
    ours_runs: list[tuple[float, float]] = []
    for _ in range(ROUNDS):
        presidio_runs.append(_timed([sys.executable, "-c", _PRESIDIO_PROCESS, *names], env))
        ours_runs.extend(_timed([*scan, *names], env) for _ in range(OURS_PER_ROUND))
    ours = _rate(total, min(ours_runs))
    presidio = _rate(total, min(presidio_runs))
    ours_all_names = _rate(total, _timed([*scan, "--all-names", *names], env))
    ours_jobs2 = _rate(total, _timed([*scan, "--jobs", "2", *names], env))
    # The detection modules run from source (as without `python -m scanners.compile`),
    # fastest of as many runs as ours had, alternating with ours so both see one machine
    source_env = {**env, compiled.SWITCH: "0"}
    source_runs, compiled_runs = [], []
    for _ in range(OURS_PER_ROUND):
        source_runs.append(_timed([*scan, *names], source_env))
        compiled_runs.append(_timed([*scan, *names], env))
    ours_source = _rate(total, min(source_runs))

    def ratio(mine: dict[str, float], key: str) -> float:
        return round(mine[key] / presidio[key], 1)

    def median_wall(runs: list[tuple[float, float]]) -> float:
        return statistics.median(wall for wall, _ in runs)

    return {
        "corpus_bytes": total,
        "corpus_files": len(files),
        "ours": ours,
        "ours_wall_s_runs": [round(wall, 2) for wall, _ in ours_runs],
        "ours_all_names": ours_all_names,
        "ours_jobs2": ours_jobs2,
        "detection_compiled": compiled.fresh_stamp(compiled.default_dir()) is not None,
        "ours_detection_from_source": ours_source,
        "compiled_over_source_wall": round(min(source_runs)[0] / min(compiled_runs)[0], 2),
        "presidio": presidio,
        "presidio_wall_s_runs": [round(wall, 2) for wall, _ in presidio_runs],
        "speedup_wall": ratio(ours, "bytes_per_wall_s"),
        "speedup_cpu": ratio(ours, "bytes_per_cpu_s"),
        "speedup_wall_of_medians": round(median_wall(presidio_runs) / median_wall(ours_runs), 1),
        "speedup_all_names_wall": ratio(ours_all_names, "bytes_per_wall_s"),
        "speedup_all_names_cpu": ratio(ours_all_names, "bytes_per_cpu_s"),
        "speedup_jobs2_wall": ratio(ours_jobs2, "bytes_per_wall_s"),
        "speedup_detection_from_source_wall": ratio(ours_source, "bytes_per_wall_s"),
    }


def engine_only(corpus: Path) -> dict[str, Any]:
    """Detection alone, in one process, on text extracted beforehand (no start-up, no
    extraction on either side): our detector against presidio's AnalyzerEngine."""
    from pii_guard.scanning import scanner_for_policy
    from policies import load_policy
    from scanners.detect import TablePiece
    from scanners.engine import presidio_analyzer
    from scanners.extract import TableBlock, extract_path

    documents: list[list[Any]] = []
    for path in sorted(corpus.iterdir()):
        if path.name == "ground_truth.json":
            continue
        for doc in extract_path(path):
            blocks: list[Any] = []
            for block in doc.blocks:
                if isinstance(block, TableBlock):  # rows are lazy: keep them for both sides
                    blocks.append(TablePiece(block.location, block.header, list(block.rows)))
                else:
                    blocks.append(block)
            documents.append(blocks)

    def as_text(block: Any) -> str:
        if isinstance(block, TablePiece):
            rows = [", ".join(block.header), *(", ".join(c) for _, c in block.rows)]
            return "\n".join(rows)
        return str(block.text)

    text_chars = sum(len(as_text(b)) for blocks in documents for b in blocks)
    scanner = scanner_for_policy(load_policy(None).policy)
    scanner.warm_up()
    t0 = time.process_time()
    for blocks in documents:
        scanner.scan_blocks(blocks)
    ours = time.process_time() - t0
    analyzer = presidio_analyzer()
    analyzer.analyze(text="warm up", language="en")
    t0 = time.process_time()
    for blocks in documents:
        for block in blocks:
            analyzer.analyze(text=as_text(block), language="en")
    theirs = time.process_time() - t0
    return {
        "text_chars": text_chars,
        "ours_cpu_s": round(ours, 2),
        "presidio_cpu_s": round(theirs, 2),
        "ours_chars_per_cpu_s": round(text_chars / ours),
        "presidio_chars_per_cpu_s": round(text_chars / theirs),
        "speedup_cpu": round(theirs / ours, 1),
    }


def cold_start(home: Path) -> dict[str, Any]:
    """`pii-guard scan` of one small file, new process each time (median of three)."""
    env = {**os.environ, "PII_GUARD_HOME": str(home)}
    note = home / "note.txt"
    note.write_text(
        "Chidera Okafor (SASID 1048839377) will have extended time on tests,\nas her IEP says.\n"
    )
    menu = home / "menu.txt"
    menu.write_text("Lunch menu: pasta on Monday, tacos on Tuesday. Room 120.\n")
    scan = [sys.executable, "-m", "pii_guard", "scan", "--no-cache"]
    out: dict[str, Any] = {}
    for label, path in (("record_needs_names", note), ("nothing_found", menu)):
        runs = sorted(_timed([*scan, str(path)], env) for _ in range(3))
        out[label] = {
            "wall_s_median": round(runs[1][0], 2),
            "cpu_s_median": round(runs[1][1], 2),
            "wall_s_runs": [round(r[0], 2) for r in runs],
        }
    return out


def main() -> dict[str, Any]:
    figures: dict[str, Any] = {"synth": synth_accuracy()}
    with tempfile.TemporaryDirectory(prefix="pii-guard-bench-") as tmp:
        home = Path(tmp)
        figures["cold_start"] = cold_start(home)
        corpus = home / "corpus"
        try:
            from bench.corpus import generate_corpus
        except ImportError:
            figures["corpus"] = "bench/corpus.py not available: corpus figures not measured"
            return figures
        generate_corpus(corpus, n_files=400, seed=1234)
        figures["corpus_accuracy"] = corpus_accuracy(corpus)
        figures["throughput"] = throughput(corpus, home)
        figures["engine_only"] = engine_only(corpus)
    return figures


if __name__ == "__main__":
    json.dump(main(), sys.stdout, indent=2)
