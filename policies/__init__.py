"""The district policy as data: load, validate, classify, judge locations and legal bases.

Usable on its own: `load_policy()` gives the policy in force, whose methods apply
the rules of DESIGN.md (classify, judge_path, check_legal_basis, check_passphrase).
"""

from policies.errors import (
    LegalBasisIncomplete,
    PolicyError,
    PolicyFileError,
    PolicyProblem,
    WeakPassphrase,
)
from policies.loader import (
    BUNDLED_POLICY,
    LoadedPolicy,
    load_policy,
    parse_policy,
    policy_warnings,
    read_policy_file,
)
from policies.model import (
    Action,
    ApprovedRecipient,
    DataClass,
    FieldSpec,
    IdentifierSpec,
    LegalBasisSpec,
    LocationRule,
    LocationVerdict,
    Policy,
    Verdict,
)

__all__ = [
    "BUNDLED_POLICY",
    "Action",
    "ApprovedRecipient",
    "DataClass",
    "FieldSpec",
    "IdentifierSpec",
    "LegalBasisIncomplete",
    "LegalBasisSpec",
    "LoadedPolicy",
    "LocationRule",
    "LocationVerdict",
    "Policy",
    "PolicyError",
    "PolicyFileError",
    "PolicyProblem",
    "Verdict",
    "WeakPassphrase",
    "load_policy",
    "parse_policy",
    "policy_warnings",
    "read_policy_file",
]
