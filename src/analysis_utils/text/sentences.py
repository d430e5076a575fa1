"""Sentence boundaries in English news prose, aware of abbreviations ("U.S.", "Gen.", "Sept.") and quotes."""

from __future__ import annotations

import re
from functools import lru_cache

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st mt ft jr sr vs etc inc ltd co corp dept
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun approx est
    u.s u.k u.n e.u d.c a.m p.m i.e e.g""".split()
)
_LAST_WORD = re.compile(r"([\w.]+)$")
_BOUNDARY = re.compile(
    r"""([.!?…]+)(["'”’)\]]*)(\s+|(?<=[a-z]{3}[.!?])|(?<=[a-z]{3}[.!?]["”]))(?=["'“‘(\[]?[A-Z0-9])|\n\s*\n"""
)
"""A stop (and closing marks) before a capital: after spaces, or glued to it when a word of three lower-case
letters or more ends there ("… and prosperity.Turkmenistan's President …", as scraped pages print)."""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; paragraph breaks always end a sentence."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=16)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Computed once per text: the extractors split the same body again and again."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1) == "." and not m.group(2):
            nxt = text[m.end() : m.end() + 1]
            # the word before the stop (a window: a longer word is no abbreviation anyway)
            word = _LAST_WORD.search(text, max(start, m.start(1) - 40), m.start(1))
            token = word.group(1).lower() if word else ""
            if token in ("no", "nos") and nxt.isdigit():
                continue
            if token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token) and len(token) <= 4:
                continue
        end = m.end(2) if m.group(1) else m.start()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
