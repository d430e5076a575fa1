"""Expressions that carry their own year ("5 March 2019", "2019-03-05", "Juche 108", "in 2019", "late 2019")."""

from __future__ import annotations

import datetime as dt

from ...text.calendar import add_years, juche_gregorian_year, month_number, number_value
from .arithmetic import (
    PART_OF_MONTH,
    PART_OF_YEAR,
    Interval,
    day_int,
    month_end,
    month_span,
    ndays,
    part_key,
    safe_date,
    year_span,
)
from .patterns import Candidate


def resolve_absolute(c: Candidate) -> Interval | None:
    """Expressions that carry their own year (resolved without any reference date)."""
    g = c.m.groupdict()
    k = c.kind
    if k in ("juche", "iso"):
        d = safe_date(juche_gregorian_year(c.m) if k == "juche" else int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, d, "day", f"{'Juche' if k == 'juche' else 'ISO'} date") if d else None
    if k == "juche_year":
        lo, hi = year_span(juche_gregorian_year(c.m))
        return lo, hi, "year", f"Juche {int(g['jy'])} = {lo.year} (Juche 1 is 1912)"
    if k == "num":
        a, b = int(g["a"]), int(g["b"])
        day_, mon = (b, a) if b > 12 else (a, b)
        d = safe_date(int(g["y"]), mon, day_)
        return (d, d, "day", "numeric day/month/year") if d else None
    if k == "year_range":
        y1, tail = int(g["y"]), g["y2"]
        y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
        if y2 <= y1:
            return None
        return dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year", f"the years {y1} to {y2}"
    if k == "offset" and g.get("y"):
        d = safe_date(int(g["y"]), month_number(g["m1"]) or 0, day_int(g["d1"]))
        return shifted(d, g, "full date") if d else None
    if g.get("y") is None:
        return None
    y = int(g["y"])
    if k in ("md", "dm"):
        d = safe_date(y, month_number(g["m1"]) or 0, day_int(g["d1"]))
        return (d, d, "day", "full date") if d else None
    if k in ("range_md", "range_dm"):
        iv = day_range(g, y)
        return (*iv, "day", "range of days with its year") if iv else None
    if k == "month_year":
        lo, hi = month_span(y, month_number(g["m1"]) or 1)
        return lo, hi, "month", "month and year"
    if k == "month_part":
        iv = month_part(g, y)
        return (*iv, "day", f"part of month ({part_key(g['part'])}) with its year") if iv else None
    if k == "year_part":
        m0, m1 = PART_OF_YEAR[part_key(g["part"])]
        return dt.date(y, m0, 1), month_end(y, m1), "month", f"{part_key(g['part'])} {y}"
    if k == "year":
        lo, hi = year_span(y)
        return lo, hi, "year", f"year in context '{g['prep']} {y}'"
    if k == "bare_year":  # "Moscow's 2022 invasion", "hope that 2025 will be", "Calls 2025 a year of victory"
        lo, hi = year_span(y)
        return lo, hi, "year", f"the year {y}"
    return None


def shifted(d: dt.date, g: dict, what: str) -> Interval | None:
    """ "24 days after the June 12 summit": the date moved by the offset."""
    n = number_value(g["n"]) if not g["n"].isdigit() else int(g["n"])
    if not n:
        return None
    sign = 1 if g["dir"].lower() == "after" else -1
    unit = g["unit"].lower()
    if unit in ("day", "week"):
        day = d + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
    elif unit == "year":
        day = add_years(d, sign * n)
    else:
        return None
    return day, day, "day", f"{n} {unit}(s) {g['dir'].lower()} {d} ({what})"


def day_range(g: dict, y: int) -> tuple[dt.date, dt.date] | None:
    m1 = month_number(g["m1"]) or 0
    m2 = month_number(g["m2"]) if g.get("m2") else m1
    lo = safe_date(y, m1, day_int(g["d1"]))
    hi = safe_date(y, m2 or m1, day_int(g["d2"]))
    if lo is None or hi is None:
        return None
    if hi < lo:
        if m2 != m1 or g.get("m2"):
            hi = safe_date(y + 1, m2 or m1, hi.day)
        else:
            return None
    return (lo, hi) if hi else None


def month_part(g: dict, y: int) -> tuple[dt.date, dt.date] | None:
    m = month_number(g["m1"]) or 0
    key = part_key(g["part"])
    if key not in PART_OF_MONTH or not m:
        return None
    d0, d1 = PART_OF_MONTH[key]
    end = month_end(y, m)
    lo = end - ndays(6) if d0 < 0 else dt.date(y, m, d0)
    return lo, min(end, dt.date(y, m, min(d1, end.day)))
