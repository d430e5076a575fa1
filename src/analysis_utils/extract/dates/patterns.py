"""The grammar of date expressions: one pattern per kind ("md" for "March 5", "ago" for "two weeks ago"…), longer
matches winning over shorter ones that overlap them, each tried only around a calendar word of its category."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.calendar import JUCHE_DATE, JUCHE_YEAR, MONTH_RE, ORDINAL_WORDS, WEEKDAY_RE, month_number

_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


YEAR = r"(?:1[89]\d\d|20\d\d)"
_COUNTED = (
    r"people|persons|soldiers|troops|men|women|children|workers|students|residents|citizens|officials|delegates|"
    r"participants|cases|deaths|votes|km|kilometers|kilometres|miles|meters|metres|feet|tons|tonnes|kg|won|dollars|"
    r"rubles|roubles|yuan|yen|euros|units|shells|missiles|rounds|pieces|items|pages|words|hours|minutes|seconds|"
    r"days|weeks|months|years|times|kilograms|litres|liters|barrels|hectares|acres|square|billion|million|thousand"
)
"""Nouns a number counts ("2000 soldiers", "1950 km"): a bare number before them is no year."""


_M = MONTH_RE  # capitalised month names only: "march" and "may" the verbs never match


_MFULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept\.|Sep\.|Jan\.|Feb\.|Aug\.|Oct\.|Nov\.|Dec\.)"


_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


_NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|a\s+few|several|few|some)"


_PREP = r"(?:(?P<prep>(?i:on|in|from|since|by|until|till|through|during|between|before|after|of))\s+)?"


_NOT_TIME = r"(?![\d:])"


_REL_YEAR = r",?\s+(?P<rel>last|this|next)\s+year\b"  # "December 4 last year"


_PUBLICATION_AFTER = r"(?!\s+(?:Times|Telegraph|Post|Herald|Express|Mail|Mirror|Star|Independent|Journal|News|Tribune|Edition|Magazine|Sport|Club|School|Service|Bloody)\b)"


# (kind, pattern); longer matches win over shorter ones that overlap them
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("juche", JUCHE_DATE),
    ("juche_year", JUCHE_YEAR),  # "Pyongyang, Juche 113": the year 2024
    ("iso", re.compile(rf"\b(?P<y>{YEAR})-(?P<m>1[0-2]|0[1-9])-(?P<d>[12]\d|3[01]|0[1-9])(?:\b|(?=T\d\d:))")),
    ("num", re.compile(rf"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>{YEAR})\b")),
    ("range_md", re.compile(
        rf"\b{_PREP}(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<m1>{_M})\s+(?P<d1>{_D}){_NOT_TIME}\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\band\b)\s*"
        rf"(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})\b{_NOT_TIME}(?:,?\s+(?P<y>{YEAR})\b)?"
    )),
    ("range_dm", re.compile(
        rf"\b{_PREP}(?P<d1>{_D})\s*(?:-|–|—|\bto\b|\band\b)\s*(?P<d2>{_D})\s+(?:of\s+)?(?P<m1>{_M})(?:,?\s+(?P<y>{YEAR})\b)?"
    )),
    ("md", re.compile(
        rf"\b{_PREP}(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?P<m1>{_M})(?:\s+|(?<=\.))(?P<d1>{_D})\b{_NOT_TIME}(?:(?:,\s*|\s+)(?P<y>{YEAR})\b|{_REL_YEAR})?"
    )),
    ("dm", re.compile(
        rf"(?<![\d,.])\b{_PREP}(?:(?P<wd>{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_M})(?:,?\s+(?P<y>{YEAR})\b|{_REL_YEAR})?"
    )),
    ("month_part", re.compile(
        r"\b(?:(?i:in|during|by|until|since|from|at|on)\s+)?(?:the\s+)?(?P<part>(?i:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of|(?:the\s+)?(?:first|second|latter)\s+half\s+of|"
        r"(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:week|days)\s+of))[\s-]*"
        rf"(?P<m1>{_M})(?:\s+(?:of\s+)?(?P<y>{YEAR})\b|\s+(?P<rel>last|this|next)\s+year\b)?"
    )),
    ("this_month_part", re.compile(
        r"(?i:\b(?:(?:in|during|by|until|at)\s+)?(?:the\s+)?(?P<part>beginning|start|end|middle|first\s+half|second\s+half|first\s+week|last\s+week)\s+of\s+(?P<which>the|this|next|last)\s+month\b)"
    )),
    ("month_year", re.compile(rf"\b{_PREP}(?P<m1>{_M})\s+(?:of\s+)?(?P<y>{YEAR})\b")),
    ("month", re.compile(
        rf"\b(?:(?P<prep>(?i:in|since|during|until|till|by|from|through|before|after|last|this|next|early|late|mid|of))\s+(?P<m1>{_MFULL})|(?P<m1b>{_MFULL})(?=\s+(?:last|this|next)\s+year))"
        rf"(?!\s*\d)(?:\s+(?P<rel>last|this|next)\s+year\b)?"
    )),
    ("year_range", re.compile(
        rf"\b(?:(?P<prep>(?i:in|from|during|of|the|between|since))\s+)?(?P<y>{YEAR})\s*(?:-|–|—|/)\s*(?P<y2>{YEAR}|\d\d)\b(?![-/.]\d)"
    )),
    ("offset", re.compile(
        rf"(?i:\b(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>after|before)\s+(?:the\s+)?)"
        rf"(?P<m1>{_M})\s+(?P<d1>{_D})\b(?:,?\s+(?P<y>{YEAR})\b)?"
    )),
    ("year_part", re.compile(
        rf"\b(?:(?i:in|during|by|until|since|from)\s+)?(?P<part>(?i:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of|(?:the\s+)?(?:first|second)\s+half\s+of))[\s-]+(?P<y>{YEAR})\b(?!s)"
    )),
    ("year", re.compile(
        rf"\b(?P<prep>(?i:in|since|from|during|until|till|by|of|before|after|the|year|between|and|through|to))\s+(?P<y>{YEAR})\b(?!s\b|'s\b|[-/.]\d|,?\s*\d|%)"
    )),
    ("bare_year", re.compile(
        rf"(?<![\d$€£¥.,/-])(?<!\$\s)\b(?P<y>{YEAR})\b(?!s\b|['’]s\b|[-/.:]\d|,?\s*\d|%|\s*(?i:{_COUNTED})\b)"
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


_TRIGGER = re.compile(
    r"(?P<month>\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?)"
    r"|(?P<digit>\d+)"
    r"|(?P<weekday>\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    r"|(?P<unit>(?i:\b(?:today|yesterday|tomorrow|tonight|weeks?|weekend|months?|years?|days?|ago|anniversary|birthday|spring|summer|fall|autumn|winter|eve)\b))"
)


_CATEGORY = {
    "juche": "digit", "juche_year": "digit", "iso": "digit", "num": "digit", "year": "digit", "year_part": "digit",
    "bare_year": "digit",
    "year_range": "digit", "offset": "unit",
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


@dataclass
class Candidate:
    kind: str
    m: re.Match[str]
    start: int
    end: int


def candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    windows = _windows(text)
    for kind, pat in PATTERNS:
        for lo, hi in windows.get(_CATEGORY[kind], ()):
            for m in pat.finditer(text, lo, hi):
                if m.end() > m.start():
                    found.append(Candidate(kind, m, m.start(), m.end()))
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Candidate] = []
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


def _plausible(text: str, c: Candidate) -> bool:
    g = c.m.groupdict()
    if c.kind == "year" and g["prep"].lower() in ("and", "to"):
        # "between 2018 and 2019", "from 2018 to 2019": only after another year
        if not re.search(rf"\b{YEAR}\s*$", text[max(0, c.m.start("prep") - 12) : c.m.start("prep")]):
            return False
    if c.kind == "deictic" and c.m.group(0) == "Today":
        before = text[max(0, c.start - 20) : c.start]
        if re.search(r"[A-Z][\w.]*\s+$", before) and not re.search(r"[.!?]\s+$", before):
            return False  # "USA Today", "Russia Today"
    return True
