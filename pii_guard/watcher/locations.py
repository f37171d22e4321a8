"""The policy's view of places, as the watcher's `LocationJudge` seam sees it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pii_guard.paths import data_dir, state_dir
from pii_guard.watcher.journal import Journal
from pii_guard.watcher.ports import Placement
from pii_guard.watcher.vault import Vault
from policies import Action, LoadedPolicy, Policy, Verdict


class PolicyJudge:
    def __init__(
        self,
        policy: Policy,
        *,
        platform: str | None = None,
        home: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.policy = policy
        self._platform = platform
        self._home = home
        self._env = env

    def placement(self, path: Path) -> Placement:
        verdict = self.policy.judge_path(
            path, platform=self._platform, home=self._home, env=self._env
        )
        if verdict.verdict is not Verdict.BLOCKED:
            return Placement(False, verdict.rule_id, verdict.pattern)
        if verdict.action is Action.AUDIT:
            return Placement(True, verdict.rule_id, verdict.pattern, "audit")
        return Placement(True, verdict.rule_id, verdict.pattern, "block")

    def watch_roots(self) -> tuple[Path, ...]:
        roots = self.policy.watch_roots(platform=self._platform, home=self._home, env=self._env)
        return tuple(Path(root) for root in roots)


def vault_for(policy: Policy) -> Vault:
    configured = policy.quarantine.vault
    return Vault(Path(configured).expanduser() if configured else data_dir() / "quarantine")


def default_journal() -> Journal:
    return Journal(state_dir() / "watcher" / "journal")


def policy_label(loaded: LoadedPolicy) -> str:
    meta = loaded.policy.meta
    return f"{meta.id} {meta.version}"
