"""Syndicated copies: identical and near-identical articles flagged with the document they repeat; nothing dropped."""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

from .analysed import Analysed


@dataclass(frozen=True)
class Fingerprint:
    """What duplicate detection needs of one article: a digest of all its words, its keys, its opening words."""

    digest: str
    keys: tuple[str, ...]
    body: str


def fingerprint(a: Analysed) -> Fingerprint | None:
    """The fingerprint of an analysed article, or None when its story is too short to compare (under 20 words)."""
    if a.clean is None or not a.clean.story.strip():
        return None
    words = re.findall(r"[a-z0-9]+", a.clean.story.lower())
    if len(words) < 20:
        return None
    keys = ["open:" + " ".join(words[:25])]
    if a.meta.headline.value:
        keys.append("head:" + " ".join(re.findall(r"[a-z0-9]+", a.meta.headline.value.lower())))
    digest = hashlib.sha1(" ".join(words).encode()).hexdigest()
    return Fingerprint(digest, tuple(dict.fromkeys(keys)), " ".join(words[:3000]))


class DuplicateFinder:
    """Flags identical and near-identical articles (syndicated copies) with the document they repeat; drops nothing.

    Exact copies are found by a fingerprint of the body's words; near copies by comparing
    bodies that share their opening words or their headline (rapidfuzz, 90 or more).
    Memory stays small: a digest per document, and per distinct opening or headline the
    first body that had it, compressed (a few hundred bytes). Articles must be
    checked in name order; ``check_fingerprint`` takes a fingerprint computed elsewhere
    (another process, a Dask worker) with a light copy of the article.
    """

    def __init__(self, threshold: float = 90.0) -> None:
        self.threshold = threshold
        self.exact: dict[str, str] = {}
        self.by_key: dict[str, tuple[str, bytes]] = {}  # key → (doc_id, zlib-compressed body)

    def check(self, a: Analysed) -> None:
        self.check_fingerprint(a, fingerprint(a))

    def check_fingerprint(self, a: Analysed, fp: Fingerprint | None) -> None:
        """Mark ``a`` (status, ``duplicate_of``, a warning) if ``fp`` repeats an article checked before."""
        if fp is None:
            return
        if fp.digest in self.exact:
            a.duplicate_of = self.exact[fp.digest]
            a.doc.status = "duplicate"
            a.doc.warnings.append(f"identical to {a.duplicate_of} (same story text)")
            return
        self.exact[fp.digest] = a.doc.doc_id
        for key in fp.keys:
            if key in self.by_key:
                other, packed = self.by_key[key]
                from rapidfuzz import fuzz  # 25 ms to import: only a corpus with a near copy pays it

                score = fuzz.ratio(fp.body, zlib.decompress(packed).decode())
                if score >= self.threshold:
                    a.duplicate_of = other
                    a.doc.warnings.append(
                        f"near-duplicate of {other} (similarity {score:.0f}/100): a syndicated or edited copy"
                    )
                    return
        packed = None
        for key in fp.keys:
            if key not in self.by_key:
                packed = packed or zlib.compress(fp.body.encode(), 1)
                self.by_key[key] = (a.doc.doc_id, packed)
