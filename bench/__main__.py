"""Run the benchmarks.

Each `bench/bench_<name>.py` exposes `main() -> dict[str, object]`: it measures
ours against a peer in the same run (vanilla presidio, the `age` CLI, ...) and
returns the figures, which are printed and saved to `bench/results/<name>.json`.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def run(name: str) -> dict[str, object]:
    module = importlib.import_module(f"bench.bench_{name}")
    print(f"== bench {name}", flush=True)
    figures: dict[str, object] = module.main()
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    print(json.dumps(figures, indent=2, sort_keys=True), flush=True)
    return figures


def cli(argv: list[str]) -> int:
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"bench: unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(available())}")
        return 2
    for name in names:
        run(name)
    return 0


if __name__ == "__main__":
    sys.exit(cli(sys.argv[1:]))
