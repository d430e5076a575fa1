"""The value of this stage: one input file as read (``Document``), with a map back to its raw offsets."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class TextMap:
    """Maps offsets in normalised text back to offsets in the decoded raw text.

    ``removed`` holds, in increasing order, the normalised offsets at which one raw
    character was deleted (a CR of CRLF, a zero-width space, a NUL).
    """

    removed: list[int] = field(default_factory=list)

    def to_raw(self, offset: int) -> int:
        return offset + bisect.bisect_right(self.removed, offset)


@dataclass(frozen=True)
class Entry:
    """One page's row of the corpus manifest (``manifest``) (empty strings where the manifest says nothing)."""

    line: int
    url: str = ""
    outlet: str = ""
    published: str = ""

    @property
    def domain(self) -> str:
        """The web domain of ``url`` ("www.koreaherald.com" → "koreaherald.com"), or ""."""
        host = self.url.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].lower()
        return host.removeprefix("www.")

    def published_bounds(self) -> tuple[dt.date, dt.date] | None:
        """The day (or month, or year) of ``published`` as first and last day; None when empty or not a date."""
        parts = self.published.strip().split("-")
        try:
            if len(parts) == 3:
                day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
                return day, day
            if len(parts) == 2:
                first = dt.date(int(parts[0]), int(parts[1]), 1)
                return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            if len(parts) == 1 and len(parts[0]) == 4:
                return dt.date(int(parts[0]), 1, 1), dt.date(int(parts[0]), 12, 31)
        except ValueError:
            return None
        return None


@dataclass
class Document:
    """One input file, as read: decoded text plus what went wrong on the way."""

    doc_id: str
    file: str
    path: Path
    size_bytes: int
    encoding: str
    raw: str
    text: str
    text_map: TextMap
    status: str = "ok"
    warnings: list[str] = field(default_factory=list)
    manifest: Entry | None = None  # what the corpus manifest says of this page, when it says anything
