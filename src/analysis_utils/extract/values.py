"""The values of this stage: quotations, date expressions, letters and events, each with the offsets of its evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Quote:
    """One quotation (or one paragraph of a quotation over several): its words, where, who said them and why."""

    text: str
    start: int  # offsets of the quoted words (marks excluded), in the body or, for section "headline", in the document text
    end: int
    section: str = "body"
    speaker: str | None = None
    cue: str = ""
    speaker_evidence: str = ""
    mark: str = "double"  # double | single
    paragraphs: int = 1  # how many paragraphs the whole quotation runs over
    group: str = ""  # the paragraphs of one quotation share a group
    part: int = 1


@dataclass
class QuoteResult:
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class DateExpr:
    """A date expression of the text, resolved to ``date_earliest``..``date_latest``."""

    expression: str
    start: int
    end: int
    section: str  # body | caption | headline | dateline | date line | page banner
    date_earliest: dt.date
    date_latest: dt.date
    precision: str  # day | week | month | year
    evidence: str


@dataclass
class Letter:
    sender: str
    recipient: str
    date_earliest: dt.date | None
    date_latest: dt.date | None
    date_evidence: str
    occasion: str
    occasion_type: str
    channel: str
    start: int  # evidence: the sentence of the first mention, offsets in the body
    end: int
    evidence: str
    mentions: int = 1
    letter_key: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)  # every sentence that mentions it
    from_exchange: bool = False  # known only from "they exchanged letters"
    warnings: list[str] = field(default_factory=list)

    @property
    def date(self) -> str:
        """The date as precisely as known: a day, a month, a year, or '' when only bounds span more."""
        lo, hi = self.date_earliest, self.date_latest
        if lo is None or hi is None:
            return ""
        if lo == hi:
            return lo.isoformat()
        if (lo.year, lo.month) == (hi.year, hi.month) and lo.day == 1 and (hi + dt.timedelta(days=1)).day == 1:
            return f"{lo:%Y-%m}"
        if lo == dt.date(lo.year, 1, 1) and hi == dt.date(lo.year, 12, 31):
            return str(lo.year)
        return ""


@dataclass
class Event:
    kind: str  # letter | summit | visit | meeting | election | anniversary | history | report | forum | treaty | war | other
    date_earliest: dt.date
    date_latest: dt.date
    description: str
    who: str
    evidence: str
    start: int  # offsets of the evidence sentence in the body
    end: int
    key: str = ""  # what links the same event across articles (a letter key, a known event, …)
    event_id: str = ""
    docs: list[str] = field(default_factory=list)

    @property
    def precision(self) -> str:
        days = (self.date_latest - self.date_earliest).days
        if days == 0:
            return "day"
        if days <= 7:
            return "week"
        if days <= 31:
            return "month"
        return "year" if days <= 366 else "years"


@dataclass(frozen=True)
class Citation:
    """A medium, agency or institution cited as a source next to a reporting cue, or credited for a photograph;
    ``start``/``end`` span the cue and the name (in the body for section "body", in the document's text for a
    "caption"). ``kind``: agency, medium or institution."""

    cited: str
    kind: str
    cue: str
    start: int
    end: int
    evidence: str
    section: str = "body"
