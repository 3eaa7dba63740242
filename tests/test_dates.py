"""Dates: phrases resolved against the publication date with precision and reason."""

from __future__ import annotations

from datetime import date

import pytest

from polemos.extract.dates import parse_published, resolve_date

PUB = date(2015, 3, 5)  # a Thursday


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Tuesday", "2015-03-03", "day"),
        ("at dawn on Thursday", "2015-03-05", "day"),
        ("last Thursday", "2015-02-26", "day"),
        ("last month", "2015-02", "month"),
        ("in June 2010", "2010-06", "month"),
        ("between 2003 and 2009", "2003/2009", "range"),
        ("March 4, 2015", "2015-03-04", "day"),
        ("4 March 2015", "2015-03-04", "day"),
        ("February 2014", "2014-02", "month"),
        ("1998", "1998", "year"),
        ("yesterday", "2015-03-04", "day"),
        ("two weeks ago", "2015-02-19", "day"),
        ("last year", "2014", "year"),
        ("the 1990s", "1990/1999", "range"),
        ("since 1998", "1998/2015-03-05", "range"),
        ("the last few months", "2014-12-05/2015-03-05", "range"),
        ("the spring of 2012", "2012", "year"),
    ],
)
def test_resolve_date(text: str, value: str, precision: str) -> None:
    got, prec, reason = resolve_date(text, PUB)
    assert (got, prec) == (value, precision)
    assert reason


def test_relative_phrase_without_publication_date_is_unresolved() -> None:
    value, precision, reason = resolve_date("last month", None)
    assert value is None and precision is None and "publication date" in reason
    assert resolve_date("June 2010", None)[0] == "2010-06"


def test_parse_published() -> None:
    assert parse_published("2015-03-05T10:00:00Z") == PUB
    assert parse_published("yesterday") is None and parse_published(None) is None
