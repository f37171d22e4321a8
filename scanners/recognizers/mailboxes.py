"""Whether an e-mail address is a person's or an office's.

A district's letters, purchase orders and forms give the addresses of its offices and
its vendors' ("recordsrequests@", "helpdesk@", "accountspayable@", "benefits@"):
mailboxes that staff share, which name no one and hold nothing personal. Every report
of one is noise, and one beside a signatory's name would read as that person's contact
details. An office's mailbox is named for what it does, in a few words run together or
a dot apart; a person's is named for the person ("jsmith28", "maria.lopez"). So an
address whose local part is made of the words below, and nothing else, is an office's.
"""

from __future__ import annotations

import functools
import re

# What offices are named for. Two-letter words that are also initials ("ap", "ar") are
# left out: "ar@district.org" may be Ana Ruiz's.
OFFICE_WORDS = frozenset(
    {
        "academy",
        "accounts",
        "account",
        "admin",
        "administration",
        "admissions",
        "admission",
        "alerts",
        "athletics",
        "attendance",
        "benefits",
        "billing",
        "board",
        "business",
        "cafeteria",
        "careers",
        "center",
        "central",
        "child",
        "claim",
        "claims",
        "communications",
        "contact",
        "counseling",
        "department",
        "dept",
        "desk",
        "dispatch",
        "district",
        "do",
        "education",
        "enrollment",
        "facilities",
        "families",
        "finance",
        "find",
        "food",
        "front",
        "grad",
        "graduate",
        "guidance",
        "health",
        "hello",
        "help",
        "hr",
        "human",
        "info",
        "information",
        "intake",
        "it",
        "jobs",
        "library",
        "main",
        "maintenance",
        "news",
        "no",
        "not",
        "notifications",
        "nurse",
        "nurses",
        "nutrition",
        "office",
        "orders",
        "parent",
        "parents",
        "payable",
        "payments",
        "payroll",
        "personnel",
        "postmaster",
        "principal",
        "procurement",
        "program",
        "programs",
        "purchasing",
        "receivable",
        "reception",
        "records",
        "record",
        "referral",
        "referrals",
        "registrar",
        "registration",
        "reply",
        "request",
        "requests",
        "resources",
        "safety",
        "school",
        "schools",
        "secretary",
        "security",
        "service",
        "services",
        "sped",
        "staff",
        "student",
        "students",
        "summer",
        "superintendent",
        "support",
        "team",
        "tech",
        "technology",
        "transcript",
        "transcripts",
        "transport",
        "transportation",
        "treasurer",
        "web",
        "webmaster",
        "welcome",
    }
)
_LONGEST_WORD = max(map(len, OFFICE_WORDS))
_PARTS = re.compile(r"[._+-]+")
_DIGITS = re.compile(r"\d+")


def persons_mailbox(address: str) -> bool:
    """False for an office's shared mailbox ("studentrecords@", "accounts.payable@",
    "no-reply@"), True for any other address."""
    local = address.partition("@")[0].lower()
    parts = [_DIGITS.sub("", part) for part in _PARTS.split(local)]
    words = [part for part in parts if part]
    if len(words) == 1 and _programs_mailbox(words[0]):
        return False
    return not words or not all(_office_words(word) for word in words)


PROGRAM_LETTERS = 4  # a program's letters before an office's words, at most
PROGRAM_OFFICE_CHARS = 7  # ... and the office's words after them, at least


def _programs_mailbox(run: str) -> bool:
    """Whether `run` is a program's letters and an office's words: an early childhood
    program's "ecreferrals", an extended day program's "edpbilling". The words must be
    long, so a person's initials and a short word ("jsdesk") stay a person's."""
    return any(
        len(run) - cut >= PROGRAM_OFFICE_CHARS and _office_words(run[cut:])
        for cut in range(2, PROGRAM_LETTERS + 1)
    )


@functools.lru_cache(maxsize=1024)
def _office_words(run: str) -> bool:
    """Whether `run` is office words run together ("recordsrequests", "helpdesk")."""
    if run in OFFICE_WORDS:
        return True
    return any(
        run[:cut] in OFFICE_WORDS and _office_words(run[cut:])
        for cut in range(min(len(run) - 1, _LONGEST_WORD), 1, -1)
    )
