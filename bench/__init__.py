"""Benchmarks: `make bench` runs every `bench/bench_*.py`; `python -m bench NAME` runs one."""
