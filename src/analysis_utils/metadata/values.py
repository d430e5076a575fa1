"""The values of this stage: metadata fields with their evidence, and the publication date (a day, or bounds)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Field:
    """One metadata value and where it came from (offsets in the document's text)."""

    value: str | None = None
    start: int | None = None
    end: int | None = None
    evidence: str = ""


@dataclass
class PubDate:
    published: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    precision: str = ""  # day | bounds | ""
    evidence: str = ""
    start: int | None = None  # offsets in doc.text of the main evidence
    end: int | None = None
    page_date: dt.date | None = None
    updated: dt.date | None = None  # a printed "Updated" day: the text we read speaks from it
    warnings: list[str] = field(default_factory=list)
    today_bound: bool = False
    """Inferred with today's date as the upper bound (no printed date): another day may give another answer."""


@dataclass
class Metadata:
    headline: Field = field(default_factory=Field)
    outlet: Field = field(default_factory=Field)
    wire_agency: Field = field(default_factory=Field)
    byline: Field = field(default_factory=Field)
    dateline: Field = field(default_factory=Field)
    published: PubDate = field(default_factory=PubDate)
    warnings: list[str] = field(default_factory=list)
