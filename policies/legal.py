"""Rule R1: records go to a third party only under a legal basis the policy accepts.

A release lists what it rests on (the basis type, the fields that identify it,
the document itself); this module says everything that is still missing, so
staff fix all of it at once instead of one refusal at a time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policies.model import LegalBasisSpec


def missing_items(
    bases: Mapping[str, LegalBasisSpec],
    basis: str,
    fields: Mapping[str, str],
    documents: Sequence[str],
) -> tuple[str, ...]:
    spec = bases.get(basis)
    if spec is None:
        accepted = ", ".join(sorted(bases))
        return (f"a legal basis the policy accepts ('{basis}' is not one of: {accepted})",)
    missing: list[str] = []
    for field_spec in spec.fields:
        value = fields.get(field_spec.name, "").strip()
        if not value:
            missing.append(f"{field_spec.name} ({field_spec.label})")
        elif field_spec.kind == "date" and not _is_iso_date(value):
            missing.append(f"{field_spec.name} as a date YYYY-MM-DD (got '{value}')")
    present_documents = [d for d in documents if d.strip()]
    if len(present_documents) < spec.min_documents:
        wanted = spec.min_documents - len(present_documents)
        noun = "document" if wanted == 1 else "documents"
        missing.append(f"{wanted} {noun} of the {spec.title.lower()} itself")
    return tuple(missing)


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True
