"""The value of this stage: a page's classified lines and its body, with offsets back into the document's text."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..corpus.document import Document

INDEX_REASON = "index line opening the page"
OTHER_STORIES_REASON = "another story listed above the story's own title (a teaser)"
"""The reason of the index line some saved pages open with (" date 2019-04-20 …")."""
DATELINE_PARAGRAPHS = 2
"""How many of the first paragraphs of the story may open with its dateline (a standfirst may come first)."""
WEB_ADDRESS_REASON = "a web address"
"""A line that is only a URL (the page's own address, printed under its index line)."""


@dataclass
class Line:
    """One line of the page: where it is, what it is, and why the cleaner thinks so."""

    index: int
    start: int
    end: int
    text: str
    cls: str = "body"
    reason: str = ""


@dataclass
class Dateline:
    """The dateline opening the story ("SEOUL, March 18 (Reuters) -"), split into its parts."""

    text: str
    place: str
    date_text: str | None
    agency: str | None
    start: int
    end: int
    date_start: int | None = None
    credit: str | None = None  # the whole credit: "Pakistan Point News / Sputnik - 25th April, 2019"


@dataclass
class CleanDoc:
    """A document's classified lines and its body, with offsets back into ``doc.text``."""

    doc: Document
    lines: list[Line]
    body: str = ""
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (body_start, text_start, length)
    headline: Line | None = None
    headline_text: str | None = None
    site_name: str | None = None  # "Headline | Site Name": the site, cut from the headline
    dateline: Dateline | None = None
    story: str = ""
    """The body with its dateline blanked out (same length and offsets): what the extractors read, so that a
    dateline's place and credit ("SEOUL, May 9 (Yonhap) --") are not taken for the story's first words."""

    def to_text(self, body_offset: int) -> int:
        """Offset in ``doc.text`` of the character at ``body_offset`` in the body."""
        if not self.segments:
            return body_offset
        i = max(0, bisect.bisect_right([s[0] for s in self.segments], body_offset) - 1)
        b, t, n = self.segments[i]
        return t + min(body_offset - b, n)

    @property
    def paragraphs(self) -> list[str]:
        """The story's paragraphs (from ``story``: a dateline blanked)."""
        return [p.strip() for p in self.story.split("\n\n") if p.strip()]
