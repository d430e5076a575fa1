"""Every date expression of an article resolved to an interval, with its precision and evidence.

News conventions (DESIGN.md, "Dates are intervals"): the reference point is the publication
date. A bare weekday is within the week of publication (the most recent one in a past-tense
clause, the next one in a future-tense clause); a day or month without a year is its nearest
occurrence (on or before publication when told as past, on or after when told as future);
"two months earlier" / "a month later" count from the nearest dated expression before them
(same sentence, then a known event of the sentence, then the previous sentence, then the
publication). When only bounds of the publication are known, relative expressions are resolved
against both bounds and the union is returned; with no publication date at all only
expressions carrying their own year are resolved.

Offsets: in ``cd.body`` for section "body"; in ``cd.doc.text`` for the other sections
("headline", "dateline", "date line", "page banner").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import reference
from .calendar_text import (
    JUCHE_DATE,
    JUCHE_YEAR,
    MONTH_RE,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    WEEKDAY_RE,
    add_years,
    find_dates,
    juche_gregorian_year,
    month_number,
    ordinal_value,
)
from .clean import SIGNATURE_REASON, CleanDoc
from .pubdate import PubDate, _event_mentions
from .reference import Prefiltered
from .sentences import sentence_spans

SECTION_ORDER = ("page banner", "headline", "date line", "dateline", "body", "signature")
"""Order of the sections in :func:`extract_dates` output (top of the page first)."""
RECENT_MONTHS = 6
"""'in recent months' is taken as this many months before publication."""

Interval = tuple[dt.date, dt.date, str, str]  # (earliest, latest, precision, evidence)


@dataclass
class DateExpr:
    """A date expression of the text, resolved to ``date_earliest``..``date_latest``."""

    expression: str
    start: int
    end: int
    section: str  # body | headline | dateline | date line | page banner
    date_earliest: dt.date
    date_latest: dt.date
    precision: str  # day | week | month | year
    evidence: str


# ---------------------------------------------------------------- calendar arithmetic


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _month(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), _month_end(y, m)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _year(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _day(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _occurrence(
    make: Callable[[int], tuple[dt.date, dt.date] | None], ref: dt.date, future: bool
) -> tuple[dt.date, dt.date] | None:
    """The occurrence of a yearless interval nearest ``ref``: the latest starting on or before it
    (past), or the earliest ending on or after it (future)."""
    cands = [iv for y in (ref.year - 1, ref.year, ref.year + 1) if (iv := make(y))]
    if future:
        ok = [c for c in cands if c[1] >= ref]
        return min(ok) if ok else None
    ok = [c for c in cands if c[0] <= ref]
    return max(ok) if ok else None


def _day_occurrence(month: int, day: int, ref: dt.date, future: bool) -> tuple[dt.date, dt.date] | None:
    """The occurrence of a day and month without a year nearest ``ref`` (see ``_occurrence``)."""
    return _occurrence(lambda y: (x, x) if (x := _safe_date(y, month, day)) else None, ref, future)


_LAST_THIS_NEXT = {"last": -1, "this": 0, "next": 1}
"""Years (or months) from publication's for "last year", "this month", "next year"."""


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _fmt(day: dt.date) -> str:
    return f"{day:%a} {day.isoformat()}"


# ---------------------------------------------------------------- patterns

_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_M = MONTH_RE  # capitalised month names only: "march" and "may" the verbs never match
_MFULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept\.|Sep\.|Jan\.|Feb\.|Aug\.|Oct\.|Nov\.|Dec\.)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|a\s+few|several|few|some)"
_PREP = r"(?:(?P<prep>(?i:on|in|from|since|by|until|till|through|during|between|before|after|of))\s+)?"
_NOT_TIME = r"(?![\d:])"
_REL_YEAR = r",?\s+(?P<rel>last|this|next)\s+year\b"  # "December 4 last year"
_PUBLICATION_AFTER = r"(?!\s+(?:Times|Telegraph|Post|Herald|Express|Mail|Mirror|Star|Independent|Journal|News|Tribune|Edition|Magazine|Sport|Club|School|Service|Bloody)\b)"

# (kind, pattern); longer matches win over shorter ones that overlap them
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("juche", JUCHE_DATE),
    ("juche_year", JUCHE_YEAR),  # "Pyongyang, Juche 113": the year 2024
    ("iso", re.compile(rf"\b(?P<y>{_Y})-(?P<m>1[0-2]|0[1-9])-(?P<d>[12]\d|3[01]|0[1-9])(?:\b|(?=T\d\d:))")),
    ("num", re.compile(rf"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>{_Y})\b")),
    ("range_md", re.compile(
        rf"\b{_PREP}(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<m1>{_M})\s+(?P<d1>{_D}){_NOT_TIME}\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*"
        rf"(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})\b{_NOT_TIME}(?:,?\s+(?P<y>{_Y})\b)?"
    )),
    ("range_dm", re.compile(
        rf"\b{_PREP}(?P<d1>{_D})\s*(?:-|–|—|\bto\b|\band\b)\s*(?P<d2>{_D})\s+(?:of\s+)?(?P<m1>{_M})(?:,?\s+(?P<y>{_Y})\b)?"
    )),
    ("md", re.compile(
        rf"\b{_PREP}(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<m1>{_M})(?:\s+|(?<=\.))(?P<d1>{_D})\b{_NOT_TIME}(?:(?:,\s*|\s+)(?P<y>{_Y})\b|{_REL_YEAR})?"
    )),
    ("dm", re.compile(
        rf"(?<![\d,.])\b{_PREP}(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_M})(?:,?\s+(?P<y>{_Y})\b|{_REL_YEAR})?"
    )),
    ("month_part", re.compile(
        r"\b(?:(?i:in|during|by|until|since|from|at|on)\s+)?(?:the\s+)?(?P<part>(?i:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of|(?:the\s+)?(?:first|second|latter)\s+half\s+of|"
        r"(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:week|days)\s+of))[\s-]*"
        rf"(?P<m1>{_M})(?:\s+(?:of\s+)?(?P<y>{_Y})\b|\s+(?P<rel>last|this|next)\s+year\b)?"
    )),
    ("this_month_part", re.compile(
        r"(?i:\b(?:(?:in|during|by|until|at)\s+)?(?:the\s+)?(?P<part>beginning|start|end|middle|first\s+half|second\s+half|first\s+week|last\s+week)\s+of\s+(?P<which>the|this|next|last)\s+month\b)"
    )),
    ("month_year", re.compile(rf"\b{_PREP}(?P<m1>{_M})\s+(?:of\s+)?(?P<y>{_Y})\b")),
    ("month", re.compile(
        rf"\b(?:(?P<prep>(?i:in|since|during|until|till|by|from|through|before|after|last|this|next|early|late|mid|of))\s+(?P<m1>{_MFULL})|(?P<m1b>{_MFULL})(?=\s+(?:last|this|next)\s+year))"
        rf"(?!\s*\d)(?:\s+(?P<rel>last|this|next)\s+year\b)?"
    )),
    ("year_part", re.compile(
        rf"\b(?:(?i:in|during|by|until|since|from)\s+)?(?P<part>(?i:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of|(?:the\s+)?(?:first|second)\s+half\s+of))[\s-]+(?P<y>{_Y})\b(?!s)"
    )),
    ("year", re.compile(
        rf"\b(?P<prep>(?i:in|since|from|during|until|till|by|of|before|after|the|year|between|and|through|to))\s+(?P<y>{_Y})\b(?!s\b|'s\b|[-/.]\d|,?\s*\d|%)"
    )),
    ("weekday", re.compile(
        rf"\b(?:(?P<pre>(?i:on|last|next|this|late|early|until|by|since|from|before|after|coming|past))\s+)?(?P<wd>{_WD})\b{_PUBLICATION_AFTER}"
        r"(?:\s+(?P<tod>night|morning|afternoon|evening))?"
    )),
    ("week", re.compile(
        r"(?i:\b(?P<which>earlier\s+this|later\s+this|early\s+this|late\s+last|earlier\s+in\s+the|later\s+in\s+the|this|last|next|the\s+past|the\s+coming|(?:over|during|at)\s+the(?=\s+weekend)|this\s+past(?=\s+weekend))\s+(?P<unit>week|weekend)\b)"
    )),
    ("deictic", re.compile(r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b")),
    ("rel_unit", re.compile(
        r"(?i:\b(?P<which>earlier\s+this|later\s+this|early\s+this|late\s+this|early\s+next|late\s+next|early\s+last|late\s+last|the\s+past|last|this|next)\s+(?P<unit>year|month)\b)"
    )),
    ("recent", re.compile(r"(?i:\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past\s+few|last\s+few)\s+(?P<unit>months|weeks|days)\b)")),
    ("coming_days", re.compile(r"(?i:\b(?:in|over|within)\s+the\s+(?:coming|next)\s+(?:few\s+)?days\b)")),
    ("season", re.compile(r"(?i:\b(?P<which>last|this|next|early\s+last|late\s+last)\s+(?P<season>spring|summer|fall|autumn|winter)\b)")),
    ("holiday", re.compile(r"\b(?:on\s+)?(?P<holiday>New\s+Year['’]s\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve))\b")),
    ("ago", re.compile(rf"(?i:\b(?P<n>{_NUM})\s+(?P<unit>year|month|week|day)s?\s+ago\b)")),
    ("anchored", re.compile(
        rf"(?i:\b(?:(?P<n>{_NUM})\s+)?(?P<unit>year|month|week|day)s?\s+(?P<dir>later|earlier|afterwards|afterward)\b)"
    )),
    ("anchored_the", re.compile(
        r"(?i:\b(?:the|that)\s+(?P<which>following|next|previous|preceding|same)\s+(?P<unit>day|week|month|year)\b|\b(?P<which2>the\s+day|the\s+year)\s+(?P<dir>before|after)(?=\s*[.,;)]))"
    )),
    ("anniversary", re.compile(
        r"(?i:\b(?:the\s+|his\s+|her\s+|its\s+)?(?P<ord>\d{1,3}(?:st|nd|rd|th)|"
        + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
        + r")\s+(?:[\w-]+\s+){0,2}?(?P<what>anniversary|birthday)\b)"
    )),
]  # fmt: skip

_FUTURE = Prefiltered(
    re.compile(
        r"\b(?:will|would|shall|'ll|to\s+be\s+held|scheduled|upcoming|forthcoming|expected\s+to|(?:is|are)\s+expected|set\s+to|plans?\s+to|planned|"
        r"planning|ahead\s+of|could|may|might|is\s+to|are\s+to|due\s+to|intends?\s+to|going\s+to|soon|prepar\w+\s+for|"
        r"begins|starts|opens|takes\s+office|takes\s+place|is\s+due|are\s+due|kicks\s+off|resumes)\b",
        re.IGNORECASE,
    )
)
_PAST = re.compile(r"\b(?:was|were|had|did|ago|previously|earlier|last)\b", re.IGNORECASE)
_CLAUSE_BEFORE = re.compile(
    r"[,;:()\[\]]|\b(?:after|since|when|which|who|that|while|because|but|following|before|until)\b"
)
_CLAUSE_AFTER = re.compile(r"[,;:()\[\]]|\b(?:after|since|when|which|who|that|while|because|but|and)\b")
_VAGUE = {"a few": (2, 4), "few": (2, 4), "several": (3, 9), "some": (2, 9), None: (2, 9)}
_PART_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "beginning": (1, 10), "start": (1, 10),
                  "middle": (11, 20), "end": (21, 31), "first half": (1, 15), "second half": (16, 31),
                  "latter half": (16, 31), "first week": (1, 7), "second week": (8, 14), "third week": (15, 21),
                  "fourth week": (22, 28), "last week": (-7, 31), "final week": (-7, 31),
                  "first days": (1, 7), "last days": (-7, 31), "final days": (-7, 31)}  # fmt: skip
_PART_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "beginning": (1, 3), "start": (1, 3),
                 "middle": (5, 8), "end": (10, 12), "first half": (1, 6), "second half": (7, 12)}  # fmt: skip


# ---------------------------------------------------------------- helpers


def _number(word: str | None) -> tuple[int, int] | None:
    """``(low, high)`` count for a number word: exact for "two"/"3", a range for "several"."""
    if word is None:
        return _VAGUE[None]
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w.isdigit():
        return int(w), int(w)
    if w in _VAGUE:
        return _VAGUE[w]
    n = NUMBER_WORDS.get(w)
    return (n, n) if n else None


def _part_key(part: str) -> str:
    p = re.sub(r"\s+", " ", part.lower().strip(" -"))
    p = re.sub(r"^the ", "", p)
    p = re.sub(r" of$", "", p)
    return p


def _clause(sent: str, a: int, b: int) -> tuple[str, str]:
    before = _CLAUSE_BEFORE.split(sent[max(0, a - 120) : a])[-1]
    after = _CLAUSE_AFTER.split(sent[b : b + 60])[0]
    return before, after


def _is_future(sent: str, a: int, b: int) -> bool:
    """Is the expression at ``sent[a:b]`` told in a future-tense clause?"""
    before, after = _clause(sent, a, b)
    if _FUTURE.search(before) and not _PAST.search(before):
        return True
    head = " ".join(after.split()[:2])
    return bool(_FUTURE.search(head))


def _day_int(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _union(results: list[Interval | None], refs: list[dt.date]) -> Interval | None:
    got = [r for r in results if r is not None]
    if not got or len(got) < len(results):
        return None
    lo, hi = min(r[0] for r in got), max(r[1] for r in got)
    evidence = got[0][3]
    if len(refs) > 1:
        evidence += f"; publication only known as {refs[0]}..{refs[-1]}: union over both bounds"
    return lo, hi, got[0][2], evidence


# ---------------------------------------------------------------- known events


# ---------------------------------------------------------------- resolvers


@dataclass
class _Cand:
    kind: str
    m: re.Match[str]
    start: int
    end: int


def _absolute(c: _Cand) -> Interval | None:
    """Expressions that carry their own year (resolved without any reference date)."""
    g = c.m.groupdict()
    k = c.kind
    if k in ("juche", "iso"):
        d = _safe_date(juche_gregorian_year(c.m) if k == "juche" else int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, d, "day", f"{'Juche' if k == 'juche' else 'ISO'} date") if d else None
    if k == "juche_year":
        lo, hi = _year(juche_gregorian_year(c.m))
        return lo, hi, "year", f"Juche {int(g['jy'])} = {lo.year} (Juche 1 is 1912)"
    if k == "num":
        a, b = int(g["a"]), int(g["b"])
        day_, mon = (b, a) if b > 12 else (a, b)
        d = _safe_date(int(g["y"]), mon, day_)
        return (d, d, "day", "numeric day/month/year") if d else None
    if g.get("y") is None:
        return None
    y = int(g["y"])
    if k in ("md", "dm"):
        d = _safe_date(y, month_number(g["m1"]) or 0, _day_int(g["d1"]))
        return (d, d, "day", "full date") if d else None
    if k in ("range_md", "range_dm"):
        iv = _range(g, y)
        return (*iv, "day", "range of days with its year") if iv else None
    if k == "month_year":
        lo, hi = _month(y, month_number(g["m1"]) or 1)
        return lo, hi, "month", "month and year"
    if k == "month_part":
        iv = _month_part(g, y)
        return (*iv, "day", f"part of month ({_part_key(g['part'])}) with its year") if iv else None
    if k == "year_part":
        m0, m1 = _PART_OF_YEAR[_part_key(g["part"])]
        return dt.date(y, m0, 1), _month_end(y, m1), "month", f"{_part_key(g['part'])} {y}"
    if k == "year":
        lo, hi = _year(y)
        return lo, hi, "year", f"year in context '{g['prep']} {y}'"
    return None


def _range(g: dict, y: int) -> tuple[dt.date, dt.date] | None:
    m1 = month_number(g["m1"]) or 0
    m2 = month_number(g["m2"]) if g.get("m2") else m1
    lo = _safe_date(y, m1, _day_int(g["d1"]))
    hi = _safe_date(y, m2 or m1, _day_int(g["d2"]))
    if lo is None or hi is None:
        return None
    if hi < lo:
        if m2 != m1 or g.get("m2"):
            hi = _safe_date(y + 1, m2 or m1, hi.day)
        else:
            return None
    return (lo, hi) if hi else None


def _month_part(g: dict, y: int) -> tuple[dt.date, dt.date] | None:
    m = month_number(g["m1"]) or 0
    key = _part_key(g["part"])
    if key not in _PART_OF_MONTH or not m:
        return None
    d0, d1 = _PART_OF_MONTH[key]
    end = _month_end(y, m)
    lo = end - _day(6) if d0 < 0 else dt.date(y, m, d0)
    return lo, min(end, dt.date(y, m, min(d1, end.day)))


COMING_DAYS = 10
"""'In the coming days' is taken as this many days after publication."""
_HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25), "christmas eve": (12, 24)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
"""Months of each season (northern hemisphere, meteorological); winter runs into the next year."""


def _season(g: dict, ref: dt.date, pub: str) -> Interval | None:
    """ "last fall": the most recent fall that ended before publication; "this" / "next" the season of that year."""
    which, season = re.sub(r"\s+", " ", g["which"].lower()), g["season"].lower()
    m0, m1 = _SEASONS[season]

    def of(y: int) -> tuple[dt.date, dt.date]:  # the season starting in year y
        return dt.date(y, m0, 1), _month_end(y + (m1 < m0), m1)

    if which.endswith("last"):
        y = ref.year
        while of(y)[1] >= ref:
            y -= 1
        lo, hi = of(y)
        if which.startswith(("early", "late")):
            lo, hi = (lo, _month_end(lo.year, m0)) if which.startswith("early") else (dt.date(hi.year, m1, 1), hi)
    elif which == "this":
        y = ref.year - 1 if season == "winter" and ref.month <= 2 else ref.year
        lo, hi = of(y)
    else:  # next
        y = ref.year
        while of(y)[0] <= ref:
            y += 1
        lo, hi = of(y)
    return lo, hi, "month", f"'{which} {season}' ({lo:%b}-{hi:%b} {hi.year}) from publication {pub}"


def _relative(c: _Cand, ref: dt.date, future: bool) -> Interval | None:
    """Expressions read against the publication date ``ref``."""
    g = c.m.groupdict()
    k = c.kind
    pub = _fmt(ref)
    tense = "future" if future else "past"
    if k in ("md", "dm"):
        mon, d = month_number(g["m1"]) or 0, _day_int(g["d1"])
        if g.get("rel"):
            y = ref.year + _LAST_THIS_NEXT[g["rel"].lower()]
            x = _safe_date(y, mon, d)
            return (x, x, "day", f"day of {g['rel'].lower()} year ({y}) from publication {pub}") if x else None
        iv = _day_occurrence(mon, d, ref, future)
        if iv is None:
            return None
        why = "next on or after" if future else "most recent on or before"
        return *iv, "day", f"day without year ({tense} tense): {why} publication {pub}"
    if k in ("range_md", "range_dm"):
        iv = _occurrence(lambda y: _range(g, y), ref, future)
        if iv is None:
            return None
        why = "next on or after" if future else "most recent starting on or before"
        return *iv, "day", f"range without year ({tense} tense): {why} publication {pub}"
    if k in ("month", "month_part"):
        mon = month_number(g.get("m1") or g.get("m1b") or "") or 0
        if not mon:
            return None
        rel = (g.get("rel") or "").lower()
        prep = (g.get("prep") or "").lower() if k == "month" else ""
        make = (lambda y: _month(y, mon)) if k == "month" else (lambda y: _month_part(g, y))
        if rel:
            y = ref.year + _LAST_THIS_NEXT[rel]
            iv = make(y)
            why = f"month of {rel} year ({y})"
        elif prep == "last":
            y = ref.year if mon < ref.month else ref.year - 1
            iv, why = (
                make(y),
                f"'last {g['m1']}': the most recent before the month of publication {pub}",
            )
        elif prep == "next":
            y = ref.year if mon > ref.month else ref.year + 1
            iv, why = make(y), f"'next {g['m1']}': the first after the month of publication {pub}"
        elif prep == "this":
            iv, why = make(ref.year), f"'this {g['m1']}': the year of publication {pub}"
        else:
            iv = _occurrence(make, ref, future)
            why = (
                f"month without year ({tense} tense): "
                + ("next on or after" if future else "most recent on or before")
                + f" publication {pub}"
            )
        if iv is None:
            return None
        return *iv, ("month" if k == "month" else "day"), why
    if k == "this_month_part":
        which = g["which"].lower()
        y, mon = _add_months(ref.year, ref.month, _LAST_THIS_NEXT.get(which, 0))
        lo0, hi0 = _month(y, mon)
        d0, d1 = _PART_OF_MONTH.get(_part_key(g["part"]), (1, 31))
        lo = hi0 - _day(6) if d0 < 0 else lo0.replace(day=d0)
        hi = hi0.replace(day=min(d1, hi0.day))
        return lo, hi, "day", f"'{_part_key(g['part'])}' of the {which} month of publication {pub}"
    if k == "weekday":
        wd = _WEEKDAY_NAMES.index(g["wd"])
        pre = (g.get("pre") or "").lower()
        if pre == "last" or pre == "past":
            d = ref - _day((ref.weekday() - wd) % 7 or 7)
            why = f"'last {g['wd']}': the one before publication {pub}"
        elif pre in ("next", "coming"):
            d = ref + _day((wd - ref.weekday()) % 7 or 7)
            why = f"'next {g['wd']}': the one after publication {pub}"
        elif pre == "this":
            d = _monday(ref) + _day(wd)
            why = f"'this {g['wd']}': in the week of publication {pub}"
        elif future:
            d = ref + _day((wd - ref.weekday()) % 7)
            why = f"weekday in a future-tense clause: next {g['wd']} on or after publication {pub}"
        else:
            d = ref - _day((ref.weekday() - wd) % 7)
            why = f"weekday on or before publication {pub}"
        return d, d, "day", why
    if k == "week":
        which, unit = re.sub(r"\s+", " ", g["which"].lower()).replace(" in the", " this"), g["unit"].lower()
        mon = _monday(ref)
        if unit == "weekend":
            if which.endswith((" the", "past")):  # "over the weekend": the one just past (next one in the future tense)
                sat = mon + _day(5) if ref >= mon + _day(5) or future else mon - _day(2)
                if future and ref >= mon + _day(5):
                    sat += _day(7)
                tense = "next" if future else "most recent"
                return sat, sat + _day(1), "day", f"'{which} weekend': the {tense} weekend from publication {pub}"
            shift = {"last": -7, "the past": -7, "next": 7, "the coming": 7}.get(which, 0)
            sat = mon + _day(5 + shift)
            return sat, sat + _day(1), "day", f"'{which} weekend' from publication {pub}"
        spans = {
            "this": (mon, mon + _day(6)),
            "last": (mon - _day(7), mon - _day(1)),
            "late last": (mon - _day(3), mon - _day(1)),
            "next": (mon + _day(7), mon + _day(13)),
            "the coming": (ref + _day(1), ref + _day(7)),
            "the past": (ref - _day(7), ref),
            "earlier this": (mon, max(mon, ref - _day(1))),
            "early this": (mon, max(mon, min(ref, mon + _day(2)))),
            "later this": (min(ref + _day(1), mon + _day(6)), mon + _day(6)),
        }
        lo, hi = spans[which]
        return lo, hi, "week", f"'{which} week' (weeks from Monday) from publication {pub}"
    if k == "deictic":
        w = c.m.group(0).lower()
        d = ref + _day({"yesterday": -1, "tomorrow": 1}.get(w, 0))
        return d, d, "day", f"'{w}' from publication {pub}"
    if k == "rel_unit":
        which, unit = re.sub(r"\s+", " ", g["which"].lower()), g["unit"].lower()
        if unit == "year":
            if which == "the past":
                return (
                    add_years(ref, -1),
                    ref,
                    "year",
                    f"the twelve months before publication {pub}",
                )
            base = _LAST_THIS_NEXT.get(which.split()[-1], 0)
            lo, hi = _year(ref.year + base)
            if which.startswith("earlier"):
                hi = max(lo, ref - _day(1))
            elif which.startswith("later"):
                lo = min(hi, ref + _day(1))
            elif which.startswith("early"):
                hi = dt.date(lo.year, 4, 30)
            elif which.startswith("late"):
                lo = dt.date(lo.year, 9, 1)
            return lo, hi, "year", f"'{which} year' from publication {pub}"
        if which == "the past":
            y, m = _add_months(ref.year, ref.month, -1)
            return (
                _safe_date(y, m, min(ref.day, 28)) or ref,
                ref,
                "month",
                f"the month before publication {pub}",
            )
        y, m = _add_months(ref.year, ref.month, _LAST_THIS_NEXT.get(which.split()[-1], 0))
        lo, hi = _month(y, m)
        if which.startswith("earlier"):
            hi = max(lo, ref - _day(1))
        elif which.startswith("later"):
            lo = min(hi, ref + _day(1))
        elif which.startswith("early"):
            hi = lo.replace(day=10)
        elif which.startswith("late"):
            lo = lo.replace(day=21)
        return lo, hi, "month", f"'{which} month' from publication {pub}"
    if k == "coming_days":
        return ref, ref + _day(COMING_DAYS), "day", f"'the coming days': the {COMING_DAYS} days after publication {pub}"
    if k == "season":
        return _season(g, ref, pub)
    if k == "holiday":
        mon, d = _HOLIDAYS[re.sub(r"\s+", " ", g["holiday"].lower().replace("’", "'"))]
        iv = _day_occurrence(mon, d, ref, future)
        if iv is None:
            return None
        tense = "next on or after" if future else "most recent on or before"
        return *iv, "day", f"'{g['holiday']}' ({mon}/{d}): {tense} publication {pub}"
    if k == "recent":
        if g["unit"].lower() == "days":
            return ref - _day(7), ref, "day", f"'recent days': the week before publication {pub}"
        if g["unit"].lower() == "weeks":
            return (
                ref - _day(28),
                ref,
                "week",
                f"'recent weeks': four weeks before publication {pub}",
            )
        y, m = _add_months(ref.year, ref.month, -RECENT_MONTHS)
        lo = _safe_date(y, m, min(ref.day, 28)) or ref
        return lo, ref, "month", f"'recent months': {RECENT_MONTHS} months before publication {pub}"
    if k == "ago":
        n = _number(g["n"])
        if n is None:
            return None
        unit = g["unit"].lower()
        vague = "" if n[0] == n[1] else f" (vague: {n[0]}-{n[1]})"
        if unit == "year":
            return (dt.date(ref.year - n[1], 1, 1), dt.date(ref.year - n[0], 12, 31), "year",
                    f"{g['n']} years before the year of publication {pub}{vague}")  # fmt: skip
        if unit == "month":
            lo = _month(*_add_months(ref.year, ref.month, -n[1]))[0]
            hi = _month(*_add_months(ref.year, ref.month, -n[0]))[1]
            return lo, hi, "month", f"{g['n']} months before the month of publication {pub}{vague}"
        if unit == "week":
            lo, hi = ref - _day(7 * n[1] + 3), ref - _day(7 * n[0] - 3)
            return lo, hi, "week", f"{g['n']} weeks before publication {pub} (±3 days){vague}"
        return (
            ref - _day(n[1]),
            ref - _day(n[0]),
            "day",
            f"{g['n']} days before publication {pub}{vague}",
        )
    return None


def _shift(iv: tuple[dt.date, dt.date, str], unit: str, n: tuple[int, int], sign: int) -> tuple[dt.date, dt.date, str]:
    """Move an interval by ``n`` units (a range of counts when vague) forwards or backwards."""
    lo, hi, prec = iv
    a, b = (n[0], n[1]) if sign > 0 else (-n[1], -n[0])
    coarse = {"day": 0, "week": 1, "month": 2, "year": 3, "range": 0}
    if unit == "day":
        out = lo + _day(a), hi + _day(b), "day"
    elif unit == "week":
        out = lo + _day(7 * a), hi + _day(7 * b), "week"
    elif unit == "month":
        out = (
            _month(*_add_months(lo.year, lo.month, a))[0],
            _month(*_add_months(hi.year, hi.month, b))[1],
            "month",
        )
    else:
        out = dt.date(lo.year + a, 1, 1), dt.date(hi.year + b, 12, 31), "year"
    if coarse.get(prec, 0) > coarse[out[2]]:
        out = out[0], out[1], prec
    return out


def _anchored_spec(c: _Cand) -> tuple[str, tuple[int, int], int] | None:
    """(unit, count range, direction) of "two months earlier", "the following day"…"""
    g = c.m.groupdict()
    if c.kind == "anchored":
        plural = bool(re.search(r"s\s+\w+$", c.m.group(0)))
        n = _number(g["n"]) if g["n"] or plural else (1, 1)
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


def _pub_unit(ref: dt.date, unit: str) -> tuple[dt.date, dt.date, str]:
    if unit == "month":
        return (*_month(ref.year, ref.month), "month")
    if unit == "year":
        return (*_year(ref.year), "year")
    if unit == "week":
        return _monday(ref), _monday(ref) + _day(6), "week"
    return ref, ref, "day"


# ---------------------------------------------------------------- scanning


_TRIGGER = re.compile(
    r"(?P<month>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?)"
    r"|(?P<digit>\d+)"
    r"|(?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    r"|(?P<unit>(?i:\b(?:today|yesterday|tomorrow|tonight|weeks?|weekend|months?|years?|days?|ago|anniversary|birthday|spring|summer|fall|autumn|winter|eve)\b))"
)
_CATEGORY = {
    "juche": "digit", "juche_year": "digit", "iso": "digit", "num": "digit", "year": "digit", "year_part": "digit",
    "range_md": "month", "range_dm": "month", "md": "month", "dm": "month", "month_part": "month",
    "month_year": "month", "month": "month", "weekday": "weekday", "week": "unit", "deictic": "unit",
    "this_month_part": "unit", "rel_unit": "unit", "recent": "unit", "ago": "unit", "anchored": "unit",
    "anchored_the": "unit", "anniversary": "unit", "coming_days": "unit", "season": "unit", "holiday": "unit",
}  # fmt: skip
"""Each pattern needs a word of its category: it runs only around such words."""
_WINDOW = {"month": (40, 30), "digit": (40, 20), "weekday": (15, 20), "unit": (45, 20)}
"""Characters (before, after) a calendar word of each category searched for a whole expression:
more than the longest prefix ("in the second half of April") and suffix any pattern allows."""


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per category, stretches of ``text`` around its calendar words, merged.

    A stretch ends at a space, so no word is cut; its left side keeps its context (``\\b`` and
    look-behinds see the characters before ``pos``).
    """
    n = len(text)
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _TRIGGER.finditer(text):
        cat = m.lastgroup or ""
        before, after = _WINDOW[cat]
        lo, hi = max(0, m.start() - before), m.end() + after
        space = text.find(" ", hi) if hi < n else -1
        hi = n if space < 0 else space
        spans = out.setdefault(cat, [])
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], hi))
        else:
            spans.append((lo, hi))
    return out


def _candidates(text: str) -> list[_Cand]:
    found: list[_Cand] = []
    windows = _windows(text)
    for kind, pat in _PATTERNS:
        for lo, hi in windows.get(_CATEGORY[kind], ()):
            for m in pat.finditer(text, lo, hi):
                if m.end() > m.start():
                    found.append(_Cand(kind, m, m.start(), m.end()))
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_Cand] = []
    for c in found:
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    out = []
    for c in kept:
        if not _plausible(text, c):
            continue
        word = re.search(r"([A-Za-z]+)\.$", text[c.start : c.end])
        if word and month_number(word.group(1)) and len(word.group(1)) > 3:
            c.end -= 1  # "in late February." ends a sentence; "Sept." keeps its point
        out.append(c)
    return out


def _plausible(text: str, c: _Cand) -> bool:
    g = c.m.groupdict()
    if c.kind == "year" and g["prep"].lower() in ("and", "to"):
        # "between 2018 and 2019", "from 2018 to 2019": only after another year
        if not re.search(rf"\b{_Y}\s*$", text[max(0, c.m.start("prep") - 12) : c.m.start("prep")]):
            return False
    if c.kind == "deictic" and c.m.group(0) == "Today":
        before = text[max(0, c.start - 20) : c.start]
        if re.search(r"[A-Z][\w.]*\s+$", before) and not re.search(r"[.!?]\s+$", before):
            return False  # "USA Today", "Russia Today"
    return True


@dataclass
class _Ctx:
    refs: list[dt.date]
    section: str
    text: str
    offset: int  # added to match offsets (0 for body, line start for metadata)


def _resolve_text(ctx: _Ctx) -> list[DateExpr]:
    out: list[DateExpr] = []
    text = ctx.text
    spans = sentence_spans(text) or [(0, len(text))]
    cands = _candidates(text)
    prev_sentence_exprs: list[DateExpr] = []
    since = 0
    ci = 0
    for s0, s1 in spans:
        sent = text[s0:s1]
        here: list[DateExpr] = []
        while ci < len(cands) and cands[ci].start < s1:
            c = cands[ci]
            ci += 1
            if c.start < s0 or c.end > s1:  # an expression lies within its sentence ("Apr" / "1 …" are two)
                continue
            a, b = c.start - s0, c.end - s0
            try:
                iv, b = _resolve_one(c, ctx, sent, a, b, here, prev_sentence_exprs, out)
            except (ValueError, OverflowError):  # a reference date at the edge of the calendar
                continue
            if iv is None:
                continue
            lo, hi, prec, why = iv
            e = DateExpr(
                sent[a:b].strip(),
                ctx.offset + s0 + a,
                ctx.offset + s0 + b,
                ctx.section,
                lo,
                hi,
                prec,
                why,
            )
            here.append(e)
            out.append(e)
        # "the following day" may hang on a date a sentence or two back (a quotation between)
        if here:
            prev_sentence_exprs, since = here, 0
        else:
            since += 1
            if since > 2:
                prev_sentence_exprs = []
    return out


@lru_cache(maxsize=512)
def _sentence_events(sent: str) -> tuple:
    return tuple(_event_mentions(sent))


def _resolve_one(
    c: _Cand,
    ctx: _Ctx,
    sent: str,
    a: int,
    b: int,
    here: list[DateExpr],
    prev: list[DateExpr],
    earlier: Sequence[DateExpr] = (),
) -> tuple[Interval | None, int]:
    """The interval of one candidate (and its end, which an anniversary extends to the event)."""
    if c.kind == "anniversary":
        return _anniversary(c, sent, a, b, _sentence_events(sent))
    if c.kind in ("anchored", "anchored_the"):
        return _anchored(c, sent, a, here, prev, _sentence_events(sent), ctx.refs, earlier), b
    iv = _absolute(c)
    if iv is None and ctx.refs:
        future = _is_future(sent, a, b)
        iv = _union([_relative(c, r, future) for r in ctx.refs], ctx.refs)
    return iv, b


def _anniversary(c: _Cand, sent: str, a: int, b: int, events: list) -> tuple[Interval | None, int]:
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


def _anchored(
    c: _Cand,
    sent: str,
    a: int,
    here: list[DateExpr],
    prev: list[DateExpr],
    events: list,
    refs: list[dt.date],
    earlier: Sequence[DateExpr] = (),
) -> Interval | None:
    spec = _anchored_spec(c)
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
        lo, hi, prec = _shift(anchor, unit, n, sign)
        return lo, hi, prec, f"{n[0] if n[0] == n[1] else f'{n[0]}-{n[1]}'} {unit}(s) {word} {why}"
    if not refs:
        return None
    results = []
    for r in refs:
        base = _pub_unit(r, unit)
        iv = base if sign > 0 else _shift(base, unit, n, sign)
        results.append(iv)
    lo, hi = min(x[0] for x in results), max(x[1] for x in results)
    what = "the publication's" if sign > 0 else f"{n[0]} {unit}(s) before the publication's"
    return (
        lo,
        hi,
        results[0][2],
        f"no dated anchor: taken as {what} {unit} ({refs[0]}{'..' + str(refs[-1]) if len(refs) > 1 else ''})",
    )


# ---------------------------------------------------------------- metadata sections


def _meta_day(text: str, refs: list[dt.date], where: str) -> Interval | None:
    """A printed day and month (with or without year) in a dateline or date line."""
    dms = [d for d in find_dates(text) if d.day is not None]
    if not dms:
        return None
    d = dms[0]
    if d.year is not None:
        day = d.to_date()
        return (day, day, "day", f"printed {where}") if day else None
    if not refs:
        return None
    res = []
    for r in refs:
        day = d.to_date(r.year)
        if day and day > r + _day(2):
            day = d.to_date(r.year - 1)
        if day is None:
            return None
        res.append((day, day, "day", f"{where} day and month, year of publication {r.year}"))
    return _union(res, refs)


def _metadata(cd: CleanDoc, pub: PubDate, refs: list[dt.date]) -> list[DateExpr]:
    out: list[DateExpr] = []
    text = cd.doc.text
    dl = cd.dateline
    if dl and dl.date_text and dl.date_start is not None:
        iv = _meta_day(dl.date_text, refs, "dateline")
        if iv:
            start = dl.date_start
            out.append(DateExpr(dl.date_text, start, start + len(dl.date_text), "dateline", *iv))
    headline_idx = cd.headline.index if cd.headline else None
    first = min((ln.index for ln in cd.lines if ln.cls != "blank"), default=None)
    for ln in cd.lines:
        if ln.cls not in ("date", "byline", "author"):
            continue
        for d in find_dates(ln.text):
            if d.day is None or (ln.cls != "date" and d.year is None):
                continue
            iv = _meta_day(d.text, refs, "date line")
            if iv is None:
                continue
            above = (headline_idx is not None and ln.index < headline_idx) or (
                headline_idx is None and ln.index == first
            )
            section = "date line"
            lo, hi, prec, why = iv
            if above and pub.page_date is not None and lo == hi == pub.page_date:
                section, why = (
                    "page banner",
                    "date printed above the headline (the page's date, not the story's)",
                )
            else:
                why = f"printed date line '{ln.text}'"
            start = ln.start + d.start
            out.append(
                DateExpr(
                    text[start : ln.start + d.end],
                    start,
                    ln.start + d.end,
                    section,
                    lo,
                    hi,
                    prec,
                    why,
                )
            )
    out += _signature_dates(cd)
    if cd.headline is not None and cd.headline_text:
        h = cd.headline_text
        at = text.find(h, cd.headline.start)
        at = cd.headline.start if at < 0 else at
        out += _resolve_text(_Ctx(refs, "headline", h, at))
    return out


def _signature_dates(cd: CleanDoc) -> list[DateExpr]:
    """Dates with their own year on the short lines closing a story: a message's place and day
    ("Pyongyang, Juche 113", "Moscow, the Kremlin, 7 October 2024")."""
    out = []
    for ln in cd.lines:
        if ln.cls != "footer" or ln.reason != SIGNATURE_REASON:
            continue
        for c in _candidates(ln.text):
            iv = _absolute(c)
            if iv is not None:
                start, end = ln.start + c.start, ln.start + c.end
                why = f"{iv[3]}, in the line closing the story '{ln.text.strip()}'"
                out.append(DateExpr(cd.doc.text[start:end].strip(), start, end, "signature", iv[0], iv[1], iv[2], why))
    return out


# ---------------------------------------------------------------- API


def reference_days(pub: PubDate) -> list[dt.date]:
    """The day the text speaks from: the update day if one is printed, the publication day, else both bounds."""
    if pub.published is not None and pub.updated is not None and pub.updated > pub.published:
        return [pub.updated]  # the page we read is the updated story
    if pub.published is not None:
        return [pub.published]
    refs = [d for d in (pub.earliest, pub.latest) if d is not None]
    return sorted(set(refs))


_DECADE = re.compile(r"\b(?:the\s+)?(?:(?P<full>(?:1[89]|20)\d0)s|['’](?P<short>\d0)s)(?!\w)")


def _decades(text: str) -> list[DateExpr]:
    """ "the 1990s", "the ’90s": a decade, as years (two-digit decades from the 30s on are the 1900s)."""
    out = []
    for m in _DECADE.finditer(text):
        if m.group("full"):
            y = int(m.group("full"))
        else:
            y = int(m.group("short"))
            y += 1900 if y >= 30 else 2000
        out.append(
            DateExpr(
                m.group(0),
                m.start(),
                m.end(),
                "body",
                dt.date(y, 1, 1),
                dt.date(y + 9, 12, 31),
                "year",
                f"the decade {y}-{y + 9}",
            )
        )
    return out


def extract_dates(cd: CleanDoc, pub: PubDate) -> list[DateExpr]:
    """Every date expression of the page, resolved, sorted by section (top of page first) then start."""
    refs = reference_days(pub)
    out = _metadata(cd, pub, refs)
    if cd.body:
        body = _resolve_text(_Ctx(refs, "body", cd.body, 0))
        out += body + [e for e in _decades(cd.body) if not any(x.start < e.end and e.start < x.end for x in body)]
    rank = {s: i for i, s in enumerate(SECTION_ORDER)}
    out.sort(key=lambda e: (rank.get(e.section, 99), e.start))
    return out
