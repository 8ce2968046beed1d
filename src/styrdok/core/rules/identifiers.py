"""Rules on the external identifiers of organ: what the schema's pattern cannot check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from styrdok.core.messages import problem
from styrdok.core.model import Model
from styrdok.core.problems import Problem

_FORM = re.compile(r"[0-9]{6}-[0-9]{4}")


def check_identifiers(model: Model) -> list[Problem]:
    return [*organisationsnummer_not_personal(model), *organisationsnummer_check_digit(model)]


def luhn_check_digit(digits: str) -> int:
    """The check digit Skatteverket and Bolagsverket use (the Luhn algorithm): every
    other digit from the first doubled, the digits of the products summed."""
    total = 0
    for position, char in enumerate(digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _personal(number: str) -> bool:
    """Whether a number in the form NNNNNN-NNNN is a personnummer rather than a legal
    person's: Skatteverket gives legal persons a third digit of at least 2 (a month
    position no date has), and a sole trader's organisationsnummer is the owner's
    personnummer."""
    return int(number[2]) < 2


def organisationsnummer_not_personal(model: Model) -> Iterator[Problem]:
    """A personnummer is personal data: published on the organ it would be on every
    site, in the API and in the catalogue's harvest. An organ of the city is a legal
    person, so a number shaped as a personnummer is a mistake, never its own."""
    for organ in model.organ:
        number = organ.organisationsnummer
        if number is not None and _FORM.fullmatch(number) and _personal(number):
            yield problem(
                "organisationsnummer-personnummer",
                organ.kalla.fil,
                organ.kalla.plats("organisationsnummer"),
                namn=organ.namn,
            )


def organisationsnummer_check_digit(model: Model) -> Iterator[Problem]:
    """A mistyped number is a different organisation's, or none: an HR or case system that
    maps its units by it would map them wrong, so the last digit must check out. The
    schema has already refused a number that is not NNNNNN-NNNN."""
    for organ in model.organ:
        number = organ.organisationsnummer
        if number is None or not _FORM.fullmatch(number) or _personal(number):
            continue
        digits = number.replace("-", "")
        expected = luhn_check_digit(digits[:9])
        if int(digits[9]) != expected:
            yield problem(
                "organisationsnummer-kontrollsiffra",
                organ.kalla.fil,
                organ.kalla.plats("organisationsnummer"),
                namn=organ.namn,
                varde=number,
                vantad=expected,
            )
