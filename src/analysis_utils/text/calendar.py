"""Calendar words: month and weekday names, ordinals and number words, North Korea's Juche years, whole-year arithmetic."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip


WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2, "thu": 3,
    "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4, "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}  # fmt: skip


ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
    "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip


JUCHE_YEAR = re.compile(r"\bJuche\s*(?P<jy>\d{2,3})\b(?!\s*\(|\.\d)")
"""A year of North Korea's calendar ("Juche 113"), not a full Juche date ("Juche112(2023).6.12.")."""


JUCHE_DATE = re.compile(
    r"\bJuche\s*(?P<jy>\d{1,3})\s*(?:\((?P<y>\d{4})\))?\.(?P<m>1[0-2]|0?[1-9])\.(?P<d>[12]\d|3[01]|0?[1-9])\b"
)
"""A Juche date with or without its Gregorian year: "Juche112(2023).6.12.", "Juche114.1.1."."""


JUCHE_OFFSET = 1911
"""Juche 1 is 1912."""


def juche_gregorian_year(match: re.Match[str]) -> int:
    """The Gregorian year of a ``JUCHE_DATE`` or ``JUCHE_YEAR`` match (the printed one if given)."""
    g = match.groupdict()
    return int(g["y"]) if g.get("y") else int(g["jy"]) + JUCHE_OFFSET


NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "several": None, "a few": None,
}  # fmt: skip


MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


WEEKDAY_RE = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?"
)


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip("."))


def number_value(word: str) -> int | None:
    """``77`` → 77, ``seven`` → 7; None for a vague count ("several") or an unknown word."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def ordinal_value(word: str) -> int | None:
    """``75th`` → 75, ``seventy-fifth`` → 75, ``first`` → 1."""
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word.strip().lower())
    if m:
        return int(m.group(1))
    return ORDINAL_WORDS.get(word.strip().lower())


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years; 29 February becomes 28 February in common years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
