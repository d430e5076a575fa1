"""Expressions counted from another date: "two months later", "the following day" (from the nearest dated
expression, a known event of the sentence, or the publication), and "the 75th anniversary of" a known event."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ...text import reference
from ...text.calendar import add_years, ordinal_value
from ..values import DateExpr
from .arithmetic import Interval, count_of, publication_unit, shift
from .patterns import Candidate


def anchored_spec(c: Candidate) -> tuple[str, tuple[int, int], int] | None:
    """(unit, count range, direction) of "two months earlier", "the following day"…"""
    g = c.m.groupdict()
    if c.kind == "anchored":
        plural = bool(re.search(r"s\s+\w+$", c.m.group(0)))
        n = count_of(g["n"]) if g["n"] or plural else (1, 1)
        if n is None:
            return None
        sign = -1 if g["dir"].lower() == "earlier" else 1
        return g["unit"].lower(), n, sign
    if g.get("which2"):
        unit = g["which2"].split()[-1].lower()
        return unit, (1, 1), (-1 if g["dir"].lower() == "before" else 1)
    which = g["which"].lower()
    if which == "same":
        return g["unit"].lower(), (0, 0), 1
    return g["unit"].lower(), (1, 1), (-1 if which in ("previous", "preceding") else 1)


def resolve_anniversary(c: Candidate, sent: str, a: int, b: int, events: list) -> tuple[Interval | None, int]:
    n = ordinal_value(c.m.group("ord"))
    if not n:
        return None, b
    if c.m.group("what").lower() == "birthday":
        people = [p for p in reference.people() if p.born and p.pattern.search(sent)]
        if len(people) != 1:
            return None, b
        p = people[0]
        d = add_years(p.born, n)
        return (d, d, "day", f"{n}th birthday of {p.canonical} (born {p.born})"), b
    after = [(x, y, evs) for x, y, evs in events if x >= b - 1 and x - b < 60 and len(evs) == 1]
    if not after:
        return None, b
    x, y, evs = after[0]
    ev = evs[0]
    lo, hi = add_years(ev.earliest, n), add_years(ev.latest, n)
    why = f"{ev.name} ({ev.earliest}) + {n} years"
    return (lo, hi, "day", why), y


def resolve_anchored(
    c: Candidate,
    sent: str,
    a: int,
    here: list[DateExpr],
    prev: list[DateExpr],
    events: list,
    refs: list[dt.date],
    earlier: Sequence[DateExpr] = (),
) -> Interval | None:
    spec = anchored_spec(c)
    if spec is None:
        return None
    unit, n, sign = spec
    word = "later" if sign > 0 else "earlier"
    if unit in ("day", "week"):
        # "the previous day" needs a day to count from: a month or a year is no anchor for it
        here = [e for e in here if e.precision in ("day", "week")]
        prev = [e for e in prev if e.precision in ("day", "week")]
    anchor: tuple[dt.date, dt.date, str] | None = None
    why = ""
    if here:
        e = here[-1]
        anchor, why = (e.date_earliest, e.date_latest, e.precision), f"from '{e.expression}'"
    if anchor is None:
        before = [evs[0] for x, _y, evs in events if x < a and len(evs) == 1 and not evs[0].recurring]
        if before:
            ev = before[-1]
            prec = "day" if (ev.latest - ev.earliest).days <= 7 else "month"
            anchor, why = (ev.earliest, ev.latest, prec), f"from the {ev.name} ({ev.earliest})"
    if anchor is None and prev:
        e = prev[-1]
        anchor = (e.date_earliest, e.date_latest, e.precision)
        why = f"from '{e.expression}' in a sentence before"
    if anchor is None and unit in ("day", "week"):
        # "the same day", "a week earlier": counted from the story's last named day, however far back
        days = [e for e in earlier if e.precision == "day" and e.date_earliest == e.date_latest]
        if days:
            e = days[-1]
            anchor, why = (e.date_earliest, e.date_latest, e.precision), f"from '{e.expression}', the last day named"
    if anchor is not None:
        lo, hi, prec = shift(anchor, unit, n, sign)
        return lo, hi, prec, f"{n[0] if n[0] == n[1] else f'{n[0]}-{n[1]}'} {unit}(s) {word} {why}"
    if not refs:
        return None
    results = []
    for r in refs:
        base = publication_unit(r, unit)
        iv = base if sign > 0 else shift(base, unit, n, sign)
        results.append(iv)
    lo, hi = min(x[0] for x in results), max(x[1] for x in results)
    what = "the publication's" if sign > 0 else f"{n[0]} {unit}(s) before the publication's"
    return (
        lo,
        hi,
        results[0][2],
        f"no dated anchor: taken as {what} {unit} ({refs[0]}{'..' + str(refs[-1]) if len(refs) > 1 else ''})",
    )
