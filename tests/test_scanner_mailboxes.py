"""An office's shared mailbox is no one's e-mail address (scanners.recognizers.mailboxes)."""

from __future__ import annotations

import pytest

from scanners.recognizers.mailboxes import persons_mailbox

# Offices' addresses as district letters, purchase orders and forms give them: words
# of what the office does, run together or a dot, a dash or digits apart
OFFICES = (
    "recordsrequests@fitchburg.k12.ma.us",
    "studentrecords@andoverma.us",
    "accountspayable@dracutps.net",
    "accounts.payable@district.org",
    "gradadmissions@uml.edu",
    "helpdesk@dracutps.net",
    "benefits@pondvilleregional.org",
    "transportation@framingham.k12.ma.us",
    "studentservices@qrsd.org",
    "no-reply@giftcards.example.com",
    "donotreply@aspen.example.org",
    "frontoffice2@example.org",
    "HR@district.org",
    "parent@example.com",
    # a program's letters before its office's words: early childhood's referrals, an
    # extended day program's billing; an insurer's intake, a summer program's own
    "ecreferrals@trivalleyschools.org",
    "edpbilling@ashland.k12.ma.us",
    "childfind@trivalleyschools.org",
    "claims-intake@cmrp-claims.com",
    "summeracademy@qrsd.org",
    "dispatch@coachlines-ma.com",
    "treasurer@hollisbrookfoundation.org",
)
# People's: named for the person, even where a word of theirs is an office's
PEOPLE = (
    "jsmith28@students.dracutps.net",
    "maria.lopez@district.org",
    "ar@district.org",  # Ana Ruiz's initials, or accounts receivable: kept
    "frank.parent@district.org",
    "principal.jones@district.org",
    "donna@district.org",
    "webster@district.org",
    "12345@district.org",
    "summer.jones@district.org",
    "jsdesk@district.org",  # initials and a short word: a person's still
)


@pytest.mark.parametrize("address", OFFICES)
def test_an_offices_mailbox_is_no_ones(address: str) -> None:
    assert not persons_mailbox(address)


@pytest.mark.parametrize("address", PEOPLE)
def test_a_persons_address_is_kept(address: str) -> None:
    assert persons_mailbox(address)
