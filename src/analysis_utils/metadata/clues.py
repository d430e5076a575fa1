"""What a page prints about its own date: labelled date lines ("Published", "Updated"), stamps under the headline,
and a "today" banner above it (only an upper bound: not the story's date)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..clean.values import INDEX_REASON, OTHER_STORIES_REASON, CleanDoc, Line
from ..text.calendar import JUCHE_DATE
from ..text.date_mentions import DateMention, find_dates
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


@dataclass(frozen=True)
class Printed:
    """A date the page prints for the story: the line, the date in it, and whether the text must confirm it
    (an index line, or a date above the headline, may be the page's "today" and not the story's)."""

    day: dt.date
    line: Line
    mention: DateMention
    rank: int
    to_check: bool

    @property
    def evidence(self) -> str:
        if self.line.reason == INDEX_REASON:
            return f"index line '{self.line.text}'"
        if self.rank == UPDATE_RANK:
            return f"'{self.line.text}' (only an update time is printed)"
        return f"printed date line '{self.line.text}'"


UNLABELLED_RANK = 2
"""A date the page prints under the headline without a label saying what it is."""
UPDATE_RANK = 3


def printed_date(cd: CleanDoc, result: PubDate) -> Printed | None:
    """The date the page prints for this story, if any (the ``updated`` day is written into ``result``).

    Labelled dates ("Published", "Posted") come first; an index line and a date printed above
    the headline without a time are the story's date only if the text agrees (``to_check``).
    """
    headline_idx = cd.headline.index if cd.headline else None
    first_line = min((x.index for x in cd.lines if x.cls != "blank"), default=0)
    story = [x.index for x in cd.lines if x.cls == "body"]
    candidates: list[Printed] = []
    for ln in cd.lines:
        if ln.cls not in ("date", "byline", "author"):
            continue
        dates = [d for d in find_dates(ln.text) if d.year is not None and d.day is not None and d.to_date()]
        if not dates:
            continue
        d = dates[0]
        label = _LABEL.search(ln.text)
        label_text = label.group(1).lower() if label else ""
        above = ln.index < headline_idx if headline_idx is not None else ln.index == first_line
        over_others = above and any(x.reason == OTHER_STORIES_REASON and ln.index < x.index for x in cd.lines)
        if label_text in ("updated", "last updated", "modified"):
            result.updated = max(result.updated or d.to_date(), d.to_date())
            candidates.append(Printed(d.to_date(), ln, d, UPDATE_RANK, False))
        elif label_text in _LABEL_RANK:
            candidates.append(Printed(d.to_date(), ln, d, _LABEL_RANK[label_text], False))
        elif ln.reason == INDEX_REASON:
            candidates.append(Printed(d.to_date(), ln, d, 1, True))
        elif story and ln.index > story[0] and not _own_closing_date(ln.text, d):
            continue  # an unlabelled date after the story began belongs to something else (a link, an advert)
        elif above and (
            over_others
            or _NOT_THE_STORYS.search(ln.text)
            or not _TIME_AFTER.match(ln.text, ln.text.find(d.text) + len(d.text))
        ):
            # above the headline without a time: a "today" banner, unless the text agrees it is the story's day
            # (above a list of other stories' teasers, it is the page's, not this story's)
            result.page_date = max(result.page_date or d.to_date(), d.to_date())
            if not _NOT_THE_STORYS.search(ln.text) and not over_others:
                candidates.append(Printed(d.to_date(), ln, d, 2, True))
        else:
            candidates.append(
                Printed(d.to_date(), ln, d, UNLABELLED_RANK, False)
            )  # "24.03.2024, 14:05" above the headline
    return min(candidates, key=lambda c: (c.rank, c.to_check, c.line.index), default=None)


def _own_closing_date(text: str, d: DateMention) -> bool:
    """A date closing the story that is its own: a Juche date ("(Juche114.1.1.)") or a date standing alone."""
    rest = text[: d.start] + text[d.end :]
    return bool(JUCHE_DATE.search(text)) or len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1


_LABEL = re.compile(
    r"(first published|published|posted|updated|last updated|modified|issued|released|dated|print edition)", re.I
)
