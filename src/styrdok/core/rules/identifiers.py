"""Rules on the external identifiers of organ: what the schema's pattern cannot check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from styrdok.core.messages import problem
from styrdok.core.model import Model
from styrdok.core.problems import Problem

_FORM = re.compile(r"[0-9]{6}-[0-9]{4}")


def check_identifiers(model: Model) -> list[Problem]:
    return list(organisationsnummer_check_digit(model))


def luhn_check_digit(digits: str) -> int:
    """The check digit Skatteverket and Bolagsverket use (the Luhn algorithm): every
    other digit from the first doubled, the digits of the products summed."""
    total = 0
    for position, char in enumerate(digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def organisationsnummer_check_digit(model: Model) -> Iterator[Problem]:
    """A mistyped number is a different organisation's, or none: an HR or case system that
    maps its units by it would map them wrong, so the last digit must check out. The
    schema has already refused a number that is not NNNNNN-NNNN."""
    for organ in model.organ:
        number = organ.organisationsnummer
        if number is None or not _FORM.fullmatch(number):
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
