"""The value the pipeline makes of one input file: everything every stage found in it (``Analysed``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..clean.values import CleanDoc
from ..corpus.document import Document
from ..extract.values import Citation, DateExpr, Event, Letter, QuoteResult
from ..metadata.values import Metadata


@dataclass
class Analysed:
    """Everything the package knows about one input file."""

    doc: Document
    clean: CleanDoc | None
    meta: Metadata
    quotes: QuoteResult = field(default_factory=QuoteResult)
    dates: list[DateExpr] = field(default_factory=list)
    letters: list[Letter] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    cited: list[Citation] = field(default_factory=list)  # the sources the story cites
    duplicate_of: str = ""
    from_cache: bool = False  # read back from the article cache, not analysed in this run

    @property
    def warnings(self) -> list[str]:
        return list(dict.fromkeys(self.doc.warnings + self.meta.warnings + self.quotes.warnings))

    @property
    def when(self) -> dt.date | None:
        """The day the story speaks from: its publication date, or the latest bound."""
        p = self.meta.published
        return p.published or p.latest
