"""Rules R2 and R3: where records may and may not go.

Patterns name folders. A path is in a location when a prefix of its components
matches a pattern: `*` matches one component, `**` any number, other glob
characters work within a component. `~` is the home folder and `${VAR}` an
environment variable, both expanded before matching.

Of all matching rules the most specific wins: the one with more literal
(glob-free) components, then more components, then more literal characters
(`/Volumes/cpsd-*` beats `/Volumes/*`). On a tie, blocked wins, because
a wrong "approved" leaks a record and a wrong "blocked" only costs a click.

Everything here is pure string logic on the path's spelling, so Windows and
macOS verdicts are testable on Linux; matching is case-insensitive on the two
platforms whose file systems usually are.
"""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policies.model import LocationRule, LocationVerdict

PLATFORMS = ("linux", "macos", "windows")
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class PathContext:
    """What a pattern is expanded against: the platform, the home folder, the environment."""

    platform: str
    home: str
    env: Mapping[str, str]


def current_platform() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def context(platform: str | None, home: str | None, env: Mapping[str, str] | None) -> PathContext:
    environment = dict(os.environ) if env is None else dict(env)
    platform = platform or current_platform()
    if platform == "windows":
        environment.setdefault("SystemDrive", "C:")
    return PathContext(platform, home if home is not None else str(Path.home()), environment)


def split(path: str, platform: str) -> tuple[str, ...]:
    """Components of `path`; the first is the root ('/', 'C:', '//server')."""
    if platform == "windows":
        path = path.replace("\\", "/")
    if path.startswith("//") and platform == "windows":
        server, _, rest = path[2:].partition("/")
        return ("//" + server, *(c for c in rest.split("/") if c and c != "."))
    root: tuple[str, ...] = ("/",) if path.startswith("/") else ()
    parts = tuple(c for c in path.split("/") if c and c != ".")
    return root + parts


def expand(pattern: str, ctx: PathContext) -> str | None:
    """The pattern with `~` and `${VAR}` filled in; None when a variable is unset."""
    if pattern == "~" or pattern.startswith("~/"):
        pattern = ctx.home.rstrip("/\\") + pattern[1:]
    missing = False

    def substitute(match: re.Match[str]) -> str:
        nonlocal missing
        value = ctx.env.get(match.group(1))
        if value is None:
            missing = True
            return ""
        return value

    expanded = _VARIABLE.sub(substitute, pattern)
    return None if missing else expanded


def _is_literal(component: str) -> bool:
    return not (_GLOB_CHARS & set(component))


def _prefix_matches(pattern: Sequence[str], path: Sequence[str], fold_case: bool) -> bool:
    """True when `pattern` matches some prefix of `path`."""
    if not pattern:
        return True
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_prefix_matches(rest, path[i:], fold_case) for i in range(len(path) + 1))
    if not path:
        return False
    name, glob = (path[0].lower(), head.lower()) if fold_case else (path[0], head)
    return fnmatch.fnmatchcase(name, glob) and _prefix_matches(rest, path[1:], fold_case)


@dataclass(frozen=True, slots=True)
class _Match:
    rule: LocationRule
    pattern: str
    specificity: tuple[int, int, int]


def _matches(rule: LocationRule, path: tuple[str, ...], ctx: PathContext) -> _Match | None:
    if ctx.platform not in rule.platforms:
        return None
    fold_case = ctx.platform in ("windows", "macos")
    for exception in rule.exceptions:
        expanded = expand(exception, ctx)
        if expanded is not None and _prefix_matches(split(expanded, ctx.platform), path, fold_case):
            return None
    best: _Match | None = None
    for pattern in rule.patterns:
        expanded = expand(pattern, ctx)
        if expanded is None:
            continue
        components = split(expanded, ctx.platform)
        if _prefix_matches(components, path, fold_case):
            specificity = (
                sum(_is_literal(c) for c in components),
                len(components),
                sum(len(c) for c in components if c != "**")
                - sum(c.count("*") for c in components),
            )
            if best is None or specificity > best.specificity:
                best = _Match(rule, pattern, specificity)
    return best


def judge(rules: Sequence[LocationRule], path: str, ctx: PathContext) -> LocationVerdict:
    from policies.model import LocationVerdict, Verdict

    components = split(path, ctx.platform)
    matches = [m for m in (_matches(r, components, ctx) for r in rules) if m is not None]
    if not matches:
        return LocationVerdict(Verdict.NEUTRAL, None, None, None)
    winner = max(matches, key=lambda m: (m.specificity, m.rule.verdict is Verdict.BLOCKED))
    return LocationVerdict(winner.rule.verdict, winner.rule.id, winner.pattern, winner.rule.action)


def watch_roots(rules: Sequence[LocationRule], ctx: PathContext) -> tuple[str, ...]:
    """The literal folder above each blocked pattern: where a blocked place can appear."""
    from policies.model import Verdict

    roots: list[str] = []
    for rule in rules:
        if rule.verdict is not Verdict.BLOCKED or ctx.platform not in rule.platforms:
            continue
        for pattern in rule.patterns:
            expanded = expand(pattern, ctx)
            if expanded is None:
                continue
            components = split(expanded, ctx.platform)
            literal: list[str] = []
            for component in components:
                if not _is_literal(component) or component == "**":
                    break
                literal.append(component)
            if len(literal) < len(components):
                root = _join(literal, ctx.platform)
            else:  # a fully literal pattern: the folder itself may be created later
                root = _join(literal[:-1], ctx.platform)
            if root and root not in roots:
                roots.append(root)
    return tuple(roots)


def _join(components: Sequence[str], platform: str) -> str:
    if not components:
        return ""
    head, rest = components[0], list(components[1:])
    if head == "/":
        return "/" + "/".join(rest)
    sep = "/" if platform != "windows" or head.startswith("//") else "\\"
    joined = head + ("/" if head.startswith("//") or platform != "windows" else "\\")
    return joined + sep.join(rest) if rest else joined
