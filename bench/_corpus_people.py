"""Fake people and numbers with the shapes real district records have.

Every identifier is generated to be valid where validity is checkable (SSN
area/group/serial rules, ABA routing checksum, Luhn for cards), so a detector
that checks validity is not penalised by the corpus; the hard negatives
generate the near-misses (invalid Luhn, order numbers) on purpose.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from faker import Faker

TODAY = dt.date(2026, 11, 2)
STREET_NAMES_LIKE_PEOPLE = (
    "Jackson Place",
    "Washington Street",
    "Lincoln Way",
    "Harvard Street",
    "Franklin Street",
    "Columbia Street",
    "Webster Avenue",
    "Lowell Street",
    "Sherman Street",
    "Kirkland Street",
    "Wendell Street",
    "Trowbridge Street",
    "Putnam Avenue",
    "Hancock Street",
    "Ellery Street",
)
SCHOOLS = (
    "Graham & Parks School",
    "Amigos School",
    "Baldwin School",
    "Cambridgeport School",
    "Fletcher Maynard Academy",
    "Haggerty School",
    "King Open School",
    "Morse School",
    "Peabody School",
    "Tobin Montessori School",
    "Rindge Avenue Upper School",
    "Putnam Avenue Upper School",
    "Vassal Lane Upper School",
    "Cambridge Rindge and Latin School",
)
SUBJECTS = (
    "English Language Arts",
    "Mathematics",
    "Science",
    "Social Studies",
    "Spanish",
    "Physical Education",
    "Visual Art",
    "Music",
    "Computer Science",
    "Health",
)


def luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    digits = [c for c in number if c.isdigit()]
    return luhn_digit("".join(digits[:-1])) == digits[-1]


@dataclass(frozen=True)
class Student:
    first: str
    last: str
    sasid: str
    local_id: str
    dob: dt.date
    grade: int
    homeroom: str
    guardian: str
    guardian_phone: str
    address: str
    email: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Employee:
    first: str
    last: str
    employee_id: str
    ssn: str
    dob: dt.date
    bank_account: str
    routing: str
    license: str
    address: str
    phone: str
    email: str
    title: str
    salary: int

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


def _mail_part(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


class People:
    """Seeded source of students, staff and numbers."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)

    # --- numbers -----------------------------------------------------------
    def digits(self, n: int, first: str = "") -> str:
        return first + "".join(str(self.rng.randrange(10)) for _ in range(n - len(first)))

    def sasid(self) -> str:
        return self.digits(10, self.rng.choice("1234"))

    def local_id(self) -> str:
        return self.digits(6, self.rng.choice("2345"))

    def ssn(self, style: str | None = None) -> str:
        area = self.rng.choice([a for a in range(1, 900) if a != 666])
        group = self.rng.randrange(1, 100)
        serial = self.rng.randrange(1, 10000)
        style = style or self.rng.choices(["dash", "space", "plain"], [8, 1, 1])[0]
        sep = {"dash": "-", "space": " ", "plain": ""}[style]
        return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"

    def routing(self) -> str:
        """An ABA routing number with a valid checksum (3-7-1 weights)."""
        while True:
            prefix = self.rng.choice(["01", "02", "03", "21", "22", "26", "31"]) + self.digits(6)
            weights = (3, 7, 1, 3, 7, 1, 3, 7)
            total = sum(int(d) * w for d, w in zip(prefix, weights, strict=True))
            check = (10 - total % 10) % 10
            return prefix + str(check)

    def bank_account(self) -> str:
        return self.digits(self.rng.randint(8, 12), self.rng.choice("123456789"))

    def ma_license(self) -> str:
        if self.rng.random() < 0.8:
            return "S" + self.digits(8)
        return self.digits(9, "0")

    def card(self, valid: bool = True) -> str:
        prefix = self.rng.choice(["4", "51", "52", "55", "37"])
        length = 15 if prefix == "37" else 16
        partial = self.digits(length - 1, prefix)
        check = luhn_digit(partial)
        if not valid:
            check = str((int(check) + self.rng.randint(1, 9)) % 10)
        number = partial + check
        if length == 16 and self.rng.random() < 0.6:
            sep = self.rng.choice([" ", "-"])
            number = sep.join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    def phone(self) -> str:
        area = self.rng.choice(["617", "857", "781", "339", "978"])
        line = f"{self.rng.randint(200, 999)}-{self.rng.randint(0, 9999):04d}"
        style = self.rng.choice(["paren", "dash", "dot"])
        if style == "paren":
            return f"({area}) {line}"
        if style == "dot":
            return f"{area}.{line.replace('-', '.')}"
        return f"{area}-{line}"

    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randrange((end - start).days))

    def address(self) -> str:
        number = self.rng.randint(3, 420)
        street = self.fake.street_name()
        suffix = self.rng.choice(
            ["", f", Apt {self.rng.randint(1, 12)}", f" #{self.rng.randint(1, 4)}"]
        )
        town = self.rng.choice(
            [
                "Cambridge, MA 02139",
                "Cambridge, MA 02138",
                "Cambridge, MA 02140",
                "Somerville, MA 02143",
                "Cambridge, MA 02141",
            ]
        )
        return f"{number} {street}{suffix}, {town}"

    # --- people ---------------------------------------------------------------
    def last_name(self) -> str:
        name = str(self.fake.last_name())
        roll = self.rng.random()
        if roll < 0.05:
            return f"{name}-{self.fake.last_name()}"
        if roll < 0.08:
            return self.rng.choice(["O'Brien", "D'Amato", "McNeil", "De la Cruz", "Nguyen", "Osei"])
        return name

    def student(self, grade: int | None = None) -> Student:
        grade = self.rng.randint(0, 12) if grade is None else grade
        age = grade + 5
        dob = self.date_between(
            dt.date(TODAY.year - age - 1, 9, 1), dt.date(TODAY.year - age, 9, 1)
        )
        first = str(self.fake.first_name())
        last = self.last_name()
        guardian_last = last if self.rng.random() < 0.8 else self.last_name()
        return Student(
            first=first,
            last=last,
            sasid=self.sasid(),
            local_id=self.local_id(),
            dob=dob,
            grade=grade,
            homeroom=f"{self.rng.randint(1, 3)}{self.rng.randint(0, 3)}{self.rng.randint(0, 9)}",
            guardian=f"{self.fake.first_name()} {guardian_last}",
            guardian_phone=self.phone(),
            address=self.address(),
            email=f"{first[0].lower()}{last.lower().replace(' ', '').replace(chr(39), '')}"
            f"{self.rng.randint(10, 99)}@students.district.example.org",
        )

    def employee(self) -> Employee:
        first = str(self.fake.first_name())
        last = self.last_name()
        return Employee(
            first=first,
            last=last,
            employee_id=f"{self.rng.randint(10000, 99999)}",
            ssn=self.ssn(),
            dob=self.date_between(dt.date(1958, 1, 1), dt.date(2002, 1, 1)),
            bank_account=self.bank_account(),
            routing=self.routing(),
            license=self.ma_license(),
            address=self.address(),
            phone=self.phone(),
            email=f"{first[0].lower()}{_mail_part(last)}@district.example.org",
            title=self.rng.choice(
                [
                    "Teacher, Grade 3",
                    "Paraprofessional",
                    "School Nurse",
                    "Custodian",
                    "Bus Driver",
                    "Guidance Counselor",
                    "Principal",
                    "Math Teacher",
                    "Special Education Teacher",
                    "Food Service Worker",
                    "Administrative Assistant",
                    "Librarian",
                    "Speech Pathologist",
                ]
            ),
            salary=self.rng.randrange(38000, 128000, 250),
        )

    def fmt_date(self, day: dt.date, style: str | None = None) -> str:
        style = style or self.rng.choice(["iso", "us", "long", "short"])
        if style == "iso":
            return day.isoformat()
        if style == "us":
            return day.strftime("%m/%d/%Y")
        if style == "long":
            return f"{day.strftime('%B')} {day.day}, {day.year}"
        return f"{day.day} {day.strftime('%b')} {day.year}"
