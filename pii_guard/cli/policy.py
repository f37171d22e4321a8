"""`pii-guard policy`: what the policy in force says, whether a file is valid, and
what it says about one path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from pii_guard.cli._options import policy_option
from policies import LoadedPolicy, Policy, load_policy, read_policy_file
from policies.errors import PolicyFileError
from policies.loader import policy_warnings


@click.group()
def policy() -> None:
    """Show, check and apply the district policy."""


@policy.command()
@policy_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def show(policy_path: Path | None, as_json: bool) -> None:
    """Explain the policy in force and where it came from."""
    loaded = load_policy(policy_path)
    if as_json:
        click.echo(json.dumps(policy_as_dict(loaded), indent=2, sort_keys=True, default=str))
    else:
        click.echo(describe(loaded))
    for warning in loaded.warnings():
        click.echo(f"pii-guard: warning: {warning}", err=True)


@policy.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def check(file: Path) -> None:
    """Validate a policy file: exit 0, or 2 listing every problem."""
    try:
        checked = read_policy_file(file)
    except PolicyFileError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        count = len(error.problems)
        click.echo(
            f"pii-guard: error: {file}: {count} problem{'s' if count != 1 else ''}", err=True
        )
        raise SystemExit(2) from None
    for warning in policy_warnings(checked):
        click.echo(f"pii-guard: warning: {file}: {warning}", err=True)
    click.echo(f"{file}: ok ({checked.meta.id} {checked.meta.version})")


@policy.command()
@policy_option
@click.argument("path", type=str)
def where(policy_path: Path | None, path: str) -> None:
    """Say whether PATH is an approved, blocked or neutral place, and which rule decided."""
    loaded = load_policy(policy_path)
    target = str(Path(path).expanduser().absolute()) if not _looks_foreign(path) else path
    verdict = loaded.policy.judge_path(target)
    line = f"{target}: {verdict.verdict.value}"
    if verdict.rule_id:
        line += f" (rule {verdict.rule_id}, pattern {verdict.pattern!r}"
        line += f", action {verdict.action.value})" if verdict.action else ")"
    else:
        line += " (no rule matches: records may be here, but not on personal devices or clouds)"
    click.echo(line)


def _looks_foreign(path: str) -> bool:
    """A Windows path asked about on another OS is judged as written."""
    return (len(path) > 1 and path[1] == ":") or path.startswith("\\\\")


def policy_as_dict(loaded: LoadedPolicy) -> dict[str, Any]:
    p = loaded.policy
    return {
        "source": str(loaded.source),
        "origin": loaded.origin,
        "sha256": loaded.sha256,
        "policy": {
            "id": p.meta.id,
            "title": p.meta.title,
            "version": p.meta.version,
            "effective": p.meta.effective.isoformat(),
            "review_by": p.meta.review_by.isoformat(),
            "source": p.meta.source,
        },
        "spacy_model": p.scanner.spacy_model,
        "classes": [
            {
                "id": c.id,
                "title": c.title,
                "cites": list(c.cites),
                "watcher_blocks": c.watcher_blocks,
                "release_requires_basis": c.release_requires_basis,
                "rules": [
                    {
                        "all_of": list(r.all_of),
                        "any_of": list(r.any_of),
                        "none_of": list(r.none_of),
                        "min_score": r.min_score,
                    }
                    for r in c.rules
                ],
            }
            for c in p.classes
        ],
        "thresholds": dict(p.thresholds),
        "identifiers": [
            {
                "entity": i.entity,
                "name": i.name,
                "pattern": i.pattern,
                "score": i.score,
                "context": list(i.context),
            }
            for i in p.identifiers
        ],
        "locations": [
            {
                "id": r.id,
                "verdict": r.verdict.value,
                "platforms": list(r.platforms),
                "patterns": list(r.patterns),
                "except": list(r.exceptions),
                "action": r.action.value if r.action else None,
                "cites": list(r.cites),
            }
            for r in p.locations
        ],
        "transfer": {
            "default_retention_days": p.transfer.default_retention_days,
            "bases": {
                b.id: {
                    "title": b.title,
                    "min_documents": b.min_documents,
                    "fields": [
                        {"name": f.name, "label": f.label, "kind": f.kind} for f in b.fields
                    ],
                }
                for b in p.transfer.bases.values()
            },
        },
        "keys": {
            "passphrase_min_length": p.keys.passphrase_min_length,
            "passphrase_require": list(p.keys.passphrase_require),
            "max_key_age_days": p.keys.max_key_age_days,
            "idle_unlock_minutes": p.keys.idle_unlock_minutes,
        },
        "quarantine": {"vault": p.quarantine.vault, "icts_recipient": p.quarantine.icts_recipient},
        "audit": {"path_privacy": p.audit.path_privacy},
    }


def describe(loaded: LoadedPolicy) -> str:
    """The policy in plain words, in the order of DESIGN.md's rules."""
    p: Policy = loaded.policy
    out: list[str] = [
        f"{p.meta.title}",
        f"  policy {p.meta.id} version {p.meta.version}, effective {p.meta.effective}, "
        f"review by {p.meta.review_by}",
        f"  from {loaded.source} ({loaded.origin}), sha256 {loaded.sha256[:16]}…",
        *([f"  based on: {p.meta.source}"] if p.meta.source else []),
        "",
        "What counts as a record (classes):",
    ]
    for c in p.classes:
        effects = []
        effects.append("watcher blocks it" if c.watcher_blocks else "watcher logs only")
        if c.release_requires_basis:
            effects.append("a release needs a legal basis")
        out.append(f"  {c.id}: {c.title} [{', '.join(c.cites)}] ({'; '.join(effects)})")
        for rule in c.rules:
            words = " + ".join(rule.all_of)
            if rule.any_of:
                words += (" + " if words else "") + "any of (" + ", ".join(rule.any_of) + ")"
            if rule.none_of:
                words += ", unless " + " or ".join(rule.none_of)
            out.append(f"      when {words} (score ≥ {rule.min_score})")
    if p.identifiers:
        out += ["", "District identifiers:"]
        out += [
            f"  {i.name} → {i.entity}: /{i.pattern}/ with context {', '.join(i.context)}"
            for i in p.identifiers
        ]
    out += ["", "Where records may go (R2) and may not (R3):"]
    for location in p.locations:
        r = location
        action = f", {r.action.value}" if r.action else ""
        exceptions = f" except {', '.join(r.exceptions)}" if r.exceptions else ""
        out.append(
            f"  {r.verdict.value:8} {r.id} [{'/'.join(r.platforms)}{action}]: "
            f"{', '.join(r.patterns)}{exceptions}"
        )
    out += ["", "Releases to third parties (R1) need one of these legal bases:"]
    for b in p.transfer.bases.values():
        fields = ", ".join(f.name for f in b.fields)
        out.append(f"  {b.id}: {b.title} (fields: {fields}; documents ≥ {b.min_documents})")
    out.append(f"  destroy-by default: {p.transfer.default_retention_days} days after release (R7)")
    out += [
        "",
        f"Keys (R5, R6): passphrases ≥ {p.keys.passphrase_min_length} characters with "
        f"{' and '.join(p.keys.passphrase_require)}; keys older than {p.keys.max_key_age_days} "
        f"days are flagged; unlock expires after {p.keys.idle_unlock_minutes} idle minutes.",
        f"Quarantine (R3, R8): blocked copies are encrypted to ICTS "
        f"({p.quarantine.icts_recipient[:16]}…) in "
        f"{p.quarantine.vault or 'the per-user data folder'}.",
        f"Audit (R4): record paths are stored {_PRIVACY_WORDS[p.audit.path_privacy]}.",
    ]
    return "\n".join(out)


_PRIVACY_WORDS = {"hash": "hashed", "mask": "masked", "plain": "in plain text"}
