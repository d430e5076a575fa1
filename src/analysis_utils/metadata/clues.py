"""What a page prints about its own date: labelled date lines ("Published", "Updated"), stamps under the headline,
and a "today" banner above it (only an upper bound: not the story's date)."""

from __future__ import annotations

import re

from ..clean.values import CleanDoc
from ..text.date_mentions import find_dates
from ..text.matching import Prefiltered
from .values import PubDate

_LABEL_RANK = {
    "published": 0,
    "first published": 0,
    "posted": 0,
    "issued": 0,
    "released": 0,
    "dated": 1,
    "print edition": 1,
}


_TIME_AFTER = re.compile(r"[,\s|–—-]*(?:at\s+)?\d{1,2}[:.]\d{2}\b")


_NOT_THE_STORYS = Prefiltered(
    re.compile(r"\b(?:mirrored|archived|cached|captured|snapshot|retrieved|accessed|printed|printable)\b", re.I)
)
"""Labels of a time that is the copy's, not the story's ("Mirrored: Thu 2 Jan 2025 03:14 UTC")."""


def printed_date(cd: CleanDoc, result: PubDate) -> PubDate | None:
    """A date printed on the page for this story; records a pre-headline banner as ``page_date``."""
    headline_idx = cd.headline.index if cd.headline else None
    candidates = []
    for ln in cd.lines:
        if ln.cls not in ("date", "byline", "author"):
            continue
        dates = [d for d in find_dates(ln.text) if d.year is not None and d.day is not None and d.to_date()]
        if not dates:
            continue
        d = dates[0]
        label = re.search(
            r"(first published|published|posted|updated|last updated|modified|issued|released|dated|print edition)",
            ln.text,
            re.I,
        )
        label_text = label.group(1).lower() if label else ""
        before_headline = headline_idx is not None and ln.index < headline_idx
        if label_text in ("updated", "last updated", "modified"):
            rank = 3
            result.updated = max(result.updated or d.to_date(), d.to_date())
        elif label_text in _LABEL_RANK:
            rank = _LABEL_RANK[label_text]
        elif (
            before_headline or (headline_idx is None and ln.index == min(x.index for x in cd.lines if x.cls != "blank"))
        ) and (_NOT_THE_STORYS.search(ln.text) or not _TIME_AFTER.match(ln.text, ln.text.find(d.text) + len(d.text))):
            # a "today" banner prints no time; "24.03.2024, 14:05" above the headline is the story's stamp
            result.page_date = max(result.page_date or d.to_date(), d.to_date())
            continue
        else:
            rank = 2
        candidates.append((rank, ln.index, d, ln))
    if not candidates:
        return None
    rank, _, d, ln = min(candidates, key=lambda c: (c[0], c[1]))
    day = d.to_date()
    result.published = result.earliest = result.latest = day
    result.precision = "day"
    result.start, result.end = ln.start + d.start, ln.start + d.end
    result.evidence = f"printed date line '{ln.text}'" if rank < 3 else f"'{ln.text}' (only an update time is printed)"
    if d.weekday is not None and day.weekday() != d.weekday:
        result.warnings.append(f"printed weekday in '{d.text}' does not match {day:%A}")
    return result
