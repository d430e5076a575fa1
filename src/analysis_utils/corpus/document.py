"""The value of this stage: one input file as read (``Document``), with a map back to its raw offsets."""

from __future__ import annotations

import bisect
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
