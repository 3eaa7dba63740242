"""Date and time phrases resolved against the article's publication date, with precision and reason.

Values: ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month), ``YYYY`` (year) or
``START/END`` (range).  Rules cover news usage ("on Tuesday", "last month",
"in June 2010", "between 2003 and 2009", "March 4, 2015", "the last few
months"); ``dateparser`` handles the rest.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from polemos.model import TimeExpression
from polemos.nlp.parsed import ParsedArticle

DATE_LABELS = ("DATE", "TIME")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WD = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"
_VAGUE = {"couple of": 2, "few": 3, "several": 6, "two": 2, "three": 3, "four": 4, "six": 6, "recent": 3}

_RANGE = re.compile(
    r"\b(?:between|from)\s+(?P<a>\d{4})\s+(?:and|to|until)\s+(?P<b>\d{4})\b|\b(?P<c>\d{4})\s*[-\u2013]\s*(?P<d>\d{2,4})\b"
)
_MDY = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I)
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\s+(?P<year>\d{{4}})\b", re.I)
_MY = re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<year>\d{{4}})\b", re.I)
_MD = re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_DECADE = re.compile(r"\b(?:the\s+)?(?P<dec>1[89]\d|20\d)0s\b")
_ANY_YEAR = re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\b")
_SINCE = re.compile(r"\bsince\s+(?P<year>\d{4})\b", re.I)
_YEAR = re.compile(r"^(?:in\s+|the\s+year\s+)?(?P<year>1[89]\d\d|20\d\d)$", re.I)
_WEEKDAY = re.compile(rf"\b(?P<rel>last|this|next|on)?\s*{_WD}\b", re.I)
_REL = re.compile(r"\b(?P<rel>last|this|next|past)\s+(?P<unit>week|month|year)\b", re.I)
_AGO = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I
)
_LASTN = re.compile(
    r"\b(?:the\s+)?(?:last|past|recent)\s+(?P<n>couple of|few|several|two|three|four|six|\d+)?\s*(?P<unit>day|week|month|year)s\b",
    re.I,
)
_DAYWORD = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "tomorrow": 1,
}
_SKIP = re.compile(r"\b\d+[- ]years?[- ]old\b|\bages?\b|\b(?:each|every)\b|\bdaily\b|\bannual", re.I)
_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _iso(d: date) -> str:
    return d.isoformat()


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def parse_published(value: str | None) -> date | None:
    """The article's publication date, or None when absent or not ISO."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_date(text: str, published: date | None) -> tuple[str | None, str | None, str]:
    """(value, precision, reason) for one time phrase, relative forms anchored at ``published``."""
    t = text.strip()
    if m := _RANGE.search(t):
        a, b = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"])
        if len(b) == 2:
            b = a[:2] + b
        if int(a) <= int(b):
            return f"{a}/{b}", "range", "explicit year range"
    for rx in (_MDY, _DMY):
        if m := rx.search(t):
            try:
                d = date(int(m["year"]), _MONTHS[m["mon"].lower()], int(m["day"]))
                return _iso(d), "day", "explicit full date"
            except ValueError:
                pass
    if m := _MY.search(t):
        return f"{m['year']}-{_MONTHS[m['mon'].lower()]:02d}", "month", "explicit month and year"
    if m := _DECADE.search(t):
        return f"{m['dec']}0/{m['dec']}9", "range", "a decade"
    if m := _SINCE.search(t):
        end = _iso(published) if published else ""
        return f"{m['year']}/{end}", "range", "since a year, up to the article's date"
    if m := _YEAR.match(t):
        return m["year"], "year", "explicit year"
    if published is None:
        if m := _ANY_YEAR.search(t):
            return m["year"], "year", "a year named in a vaguer phrase"
        return None, None, "relative phrase and no publication date to anchor it"
    low = t.lower()
    for word, delta in _DAYWORD.items():
        if re.search(rf"\b{word}\b", low):
            return _iso(published + timedelta(days=delta)), "day", f"{word!r} relative to the article's date"
    if m := _MD.search(t):
        try:
            d = date(published.year, _MONTHS[m["mon"].lower()], int(m["day"]))
        except ValueError:
            d = None
        if d is not None:
            if d > published + timedelta(days=60):
                d = d.replace(year=d.year - 1)
            return _iso(d), "day", "month and day, year from the article's date"
    if m := _WEEKDAY.search(t):
        wd, rel = _WEEKDAYS[m["wd"].lower()], (m["rel"] or "").lower()
        back = (published.weekday() - wd) % 7
        if rel == "next":
            d = published + timedelta(days=(wd - published.weekday()) % 7 or 7)
            return _iso(d), "day", "next weekday after the article's date"
        if rel == "last" and back == 0:
            back = 7
        d = published - timedelta(days=back)
        return _iso(d), "day", "weekday: the latest one on or before the article's date"
    if m := _AGO.search(t):
        n = int(m["n"]) if m["n"].isdigit() else _NUM[m["n"].lower()]
        unit = m["unit"].lower()
        if unit in ("day", "week"):
            return (
                _iso(published - timedelta(days=n * (7 if unit == "week" else 1))),
                "day",
                f"{n} {unit}(s) ago",
            )
        if unit == "month":
            return _add_months(published, -n).isoformat()[:7], "month", f"{n} month(s) ago"
        return str(published.year - n), "year", f"{n} year(s) ago"
    if m := _LASTN.search(t):
        raw = (m["n"] or "").lower()
        n = int(raw) if raw.isdigit() else _VAGUE.get(raw, 1)
        unit = m["unit"].lower()
        days = {"day": 1, "week": 7}.get(unit)
        start = (
            published - timedelta(days=n * days)
            if days
            else (
                _add_months(published, -n) if unit == "month" else published.replace(year=published.year - n)
            )
        )
        return (
            f"{_iso(start)}/{_iso(published)}",
            "range",
            f"vague span: about {n} {unit}(s) before the article's date",
        )
    if m := _REL.search(t):
        rel, unit = m["rel"].lower(), m["unit"].lower()
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[rel]
        if unit == "month":
            return _add_months(published.replace(day=1), step).isoformat()[:7], "month", f"{rel} month"
        if unit == "year":
            return str(published.year + step), "year", f"{rel} year"
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        return f"{_iso(monday)}/{_iso(monday + timedelta(days=6))}", "range", f"{rel} week"
    value, precision, reason = _dateparser(t, published)
    if value is None and (m := _ANY_YEAR.search(t)):
        return m["year"], "year", "a year named in a vaguer phrase"
    return value, precision, reason


def _dateparser(text: str, published: date) -> tuple[str | None, str | None, str]:
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings: dict[str, object] = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": False,
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None, None, "not a date phrase the rules or dateparser understand"
    d, period = data.date_obj.date(), data.period or "day"
    if period == "year":
        return str(d.year), "year", "dateparser"
    if period == "month":
        return d.isoformat()[:7], "month", "dateparser"
    return d.isoformat(), "day", "dateparser"


def extract_dates(parsed: ParsedArticle) -> list[TimeExpression]:
    """Every DATE/TIME phrase of the article, resolved against its publication date."""
    published = parse_published(parsed.article.published)
    out: list[TimeExpression] = []
    for ent in parsed.doc.ents:
        if ent.label_ not in DATE_LABELS or _SKIP.search(ent.text):
            continue
        value, precision, reason = resolve_date(ent.text, published)
        out.append(
            TimeExpression(ent.text, parsed.evidence(ent.start_char, ent.end_char), value, precision, reason)
        )
    return out
