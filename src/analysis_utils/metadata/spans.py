"""Sets of allowed days (``Span``), the constraints the evidence puts on a publication day, and their intersection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class Span:
    """A set of allowed days: the union of closed intervals."""

    parts: list[tuple[dt.date, dt.date]]

    @classmethod
    def between(cls, lo: dt.date, hi: dt.date) -> Span:
        return cls([(lo, hi)] if lo <= hi else [])

    def __and__(self, other: Span) -> Span:
        out = []
        for a0, a1 in self.parts:
            for b0, b1 in other.parts:
                lo, hi = max(a0, b0), min(a1, b1)
                if lo <= hi:
                    out.append((lo, hi))
        return Span(sorted(out))

    @property
    def empty(self) -> bool:
        return not self.parts

    @property
    def lo(self) -> dt.date:
        return self.parts[0][0]

    @property
    def hi(self) -> dt.date:
        return self.parts[-1][1]

    def contains(self, day: dt.date) -> bool:
        return any(a <= day <= b for a, b in self.parts)


@dataclass
class Constraint:
    span: Span
    strength: int  # 3 printed/arithmetical, 2 named facts, 1 tense-based guesses
    evidence: str
    fact: bool = True  # a dated fact the news may follow, not a term of office (which tells years, not the news)


def combine(constraints: list[Constraint], start: Span) -> tuple[Span, list[str], list[str]]:
    """Intersect constraints, strongest first; one that would leave nothing is set aside with a warning."""
    span, used, warnings = start, [], []
    for c in sorted(constraints, key=lambda c: -c.strength):
        nxt = span & c.span
        if nxt.empty:
            warnings.append(f"conflicting date evidence set aside: {c.evidence}")
            continue
        if nxt.parts != span.parts:
            used.append(c.evidence)
        span = nxt
    return span, used, warnings
