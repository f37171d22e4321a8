"""pii-guard: the application layer.

The CLI, the watcher, the audit log and configuration live here; this package is
the only one that composes `scanners`, `transport` and `policies`.
"""

__version__ = "0.1.0"
