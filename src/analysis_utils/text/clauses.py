"""Clauses and tense: where the clause around a word begins and ends, and whether it speaks of the future.

One splitter serves every stage. ``clause_start`` and ``clause_end`` find the nearest
boundary before or after a position; ``clause_before`` and ``clause_after`` give the words
between. What counts as a boundary depends on the question, so the kinds of boundary are
named here, each for the job it does: a date expression's clause (``DATE_CLAUSE_BEFORE`` /
``_AFTER``), a named event's clause in the publication-date evidence (``EVENT_CLAUSE``), a
letter's sending clause (``SENDING_CLAUSE_START`` / ``_END``), a timeline description
(``DESCRIPTION_START`` / ``_END``). A ``Tense`` reads a clause's markers of the future and
of the past.

The two tenses (``EVENT_TENSE``, ``DATE_TENSE``) keep the word lists their stages were
tuned with; making them one list changes what the extraction finds, which is measured
work for the stages that use them, not part of a restructure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .matching import Prefiltered


def clause_start(text: str, lo: int, pos: int, boundary: re.Pattern[str]) -> int:
    """Where the clause holding ``pos`` begins: after the last ``boundary`` in ``text[lo:pos]``, else ``lo``."""
    start = 0
    for m in boundary.finditer(text[lo:pos]):
        start = m.end()
    return lo + start


def clause_end(text: str, pos: int, hi: int, boundary: re.Pattern[str]) -> int:
    """Where the clause holding ``pos`` ends: at the first ``boundary`` in ``text[pos:hi]``, else ``hi``."""
    m = boundary.search(text[pos:hi])
    return pos + m.start() if m else hi


def clause_before(text: str, pos: int, boundary: re.Pattern[str], reach: int) -> str:
    """The words of the clause before ``pos``, looking back ``reach`` characters at most."""
    lo = max(0, pos - reach)
    return text[clause_start(text, lo, pos, boundary) : pos]


def clause_after(text: str, pos: int, boundary: re.Pattern[str], reach: int) -> str:
    """The words of the clause after ``pos``, looking ahead ``reach`` characters at most."""
    hi = min(len(text), pos + reach)
    return text[pos : clause_end(text, pos, hi, boundary)]


# ---------------------------------------------------------------- kinds of boundary

DATE_CLAUSE_BEFORE = re.compile(
    r"[,;:()\[\]]|\b(?:after|since|when|which|who|that|while|because|but|following|before|until)\b"
)
"""Before a date expression: punctuation, or a conjunction opening the clause it stands in."""
DATE_CLAUSE_AFTER = re.compile(r"[,;:()\[\]]|\b(?:after|since|when|which|who|that|while|because|but|and)\b")
"""After a date expression: its clause ends at punctuation or a conjunction."""
EVENT_CLAUSE = re.compile(r"[,;:“”\"()]|\b(?:after|since|when|which|that)\b")
"""Before a named event: the clause that tells whether the story speaks of it as past or to come."""
SENDING_CLAUSE_START = re.compile(
    r"(?:,\s+(?:most\s+recently\s+|especially\s+|(?:(?:a|an|one|two|three|four|five|six|several|\w+)\s+)?(?:days?|weeks?|months?|years?)\s+)?(?:when|after|as|while|since|before|which|who|but)\b|;|,\s+and\s+(?=(?:the|he|she|they|it|[A-Z])))",
    re.IGNORECASE,
)
"""Before a sending verb ("sent", "a message to"): a subordinate clause or a new main clause ends the one before."""
SENDING_CLAUSE_END = re.compile(
    r"[;]|,[”\"’]?\s+(?:which|who|while|as|but|after|when)\b|,[”\"’]?\s+and\s+(?:the|he|she|they|[A-Z])|\s+(?:and|but)\s+(?:\w+\s+)?(?:said|says|added|called|vowed|pledged)\b"
)
"""After a sending verb: the clause about the letter ends where another begins."""
DESCRIPTION_START = re.compile(r"[,;:—(]")
DESCRIPTION_END = re.compile(r"[,;:—)]")
"""The punctuation a timeline event's description is cut at, before and after its date."""
SENTENCE_PART = re.compile(r";")
"""A description too short when cut at every comma is cut at semicolons only."""


# ---------------------------------------------------------------- tense


@dataclass(frozen=True)
class Tense:
    """Markers of the future and of the past: a clause speaks of the future when it has the one and not the other."""

    future: Prefiltered
    past: Prefiltered | re.Pattern[str]

    def has_future(self, text: str) -> bool:
        """Does ``text`` hold a marker of the future at all?"""
        return bool(self.future.search(text))

    def is_future(self, clause: str) -> bool:
        """A marker of the future and none of the past."""
        return bool(self.future.search(clause)) and not self.past.search(clause)


EVENT_TENSE = Tense(
    future=Prefiltered(
        re.compile(
            r"\b(?:will|would|shall|to be held|scheduled|upcoming|forthcoming|expected to|set to|plans? to|planned|"
            r"imminent|ahead of|next(?=\s+(?:week|month|year|day|time|summer|spring|autumn|fall|winter|monday|tuesday|"
            r"wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
            r"october|november|december))|could|may|might|prepar\w+ for|soon)\b",
            re.IGNORECASE,
        )
    ),
    past=Prefiltered(
        re.compile(r"\b(?:was|were|had|held|reached|last|ago|since|previous|earlier|former|first)\b", re.IGNORECASE)
    ),
)
"""Is a named event, a year or a dated month spoken of as past or still to come (the publication date's evidence)?"""

DATE_TENSE = Tense(
    future=Prefiltered(
        re.compile(
            r"\b(?:will|would|shall|'ll|to\s+be\s+held|scheduled|upcoming|forthcoming|expected\s+to|(?:is|are)\s+expected|set\s+to|plans?\s+to|planned|"
            r"planning|ahead\s+of|could|may|might|is\s+to|are\s+to|due\s+to|intends?\s+to|going\s+to|soon|prepar\w+\s+for|"
            r"begins|starts|opens|takes\s+office|takes\s+place|is\s+due|are\s+due|kicks\s+off|resumes)\b",
            re.IGNORECASE,
        )
    ),
    past=re.compile(r"\b(?:was|were|had|did|ago|previously|earlier|last)\b", re.IGNORECASE),
)
"""Is a date expression told in a future-tense clause (the next "Friday", not the last)?"""
