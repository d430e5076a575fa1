"""What an export reports when it is done: how many documents of each status, and their warnings."""

from __future__ import annotations

from collections import Counter
from typing import Any

WARNINGS_KEPT = 1000
"""Warnings returned in the summary at most (all are in the documents table); ``n_warnings`` counts them all."""


class Summary:
    """Counts of statuses and the first ``WARNINGS_KEPT`` warnings of an export."""

    def __init__(self) -> None:
        self.statuses: Counter[str] = Counter()
        self.warnings: list[tuple[str, str]] = []
        self.n_warnings = 0
        self.from_cache = 0

    def add(self, file: str, status: str, warnings: list[str], from_cache: bool = False) -> None:
        self.statuses[status] += 1
        self.from_cache += from_cache
        self.n_warnings += len(warnings)
        room = WARNINGS_KEPT - len(self.warnings)
        if room > 0:
            self.warnings += [(file, w) for w in warnings[:room]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": sum(self.statuses.values()),
            "statuses": dict(self.statuses),
            "warnings": self.warnings,
            "n_warnings": self.n_warnings,
            "from_cache": self.from_cache,
        }
