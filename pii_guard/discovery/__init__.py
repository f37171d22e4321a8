"""District-wide discovery: walk every share, scan every file once, report where records live.

Pieces, one job each: `walker` (lazy tree walk), `state` (SQLite progress, so
runs resume and reruns scan only what changed), `task` (the picklable unit of
work run on workers), `executors` (local processes or a Dask cluster),
`runner` (wires the stream together), `report` and `html_report` (the output).
"""

from pii_guard.discovery.executors import (
    DaskExecutor,
    Executor,
    ProcessExecutor,
    WorkItem,
    parse_executor,
)
from pii_guard.discovery.report import DiscoveryReport, build_report
from pii_guard.discovery.results import FileResult, Outcome
from pii_guard.discovery.runner import RunSummary, run_discovery
from pii_guard.discovery.state import StateStore
from pii_guard.discovery.task import EngineLoader, PolicyEngineLoader, ScanTask

__all__ = [
    "DaskExecutor",
    "DiscoveryReport",
    "EngineLoader",
    "Executor",
    "FileResult",
    "Outcome",
    "PolicyEngineLoader",
    "ProcessExecutor",
    "RunSummary",
    "ScanTask",
    "StateStore",
    "WorkItem",
    "build_report",
    "parse_executor",
    "run_discovery",
]
