"""Where quotations open and close in a text: curly and straight double quotes, single quotes for quoted
phrases, and apostrophes (``don’t``, ``Korea’s``, ``forces’``) that never close one.

A quotation whose paragraph ends before its closing mark continues when the next paragraph
opens with a quotation mark (the news convention for quotations over several paragraphs);
otherwise it ends with the paragraph and a warning says so. ``mask`` blanks the quoted words,
so that the words around a quotation can be read without them.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class QuoteSpan(NamedTuple):
    """The quoted words ``start``..``end`` (marks excluded), the kind of mark and the paragraphs it runs over."""

    start: int
    end: int
    mark: str  # double | single
    paragraphs: int


OPEN_DOUBLE, CLOSE_DOUBLE = "“", "”"
OPEN_GUILLEMET, CLOSE_GUILLEMET = "«", "»"  # Russian and European pages: «…» are quotation marks
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"


def _opens(text: str, i: int) -> bool:
    """Could the straight mark at ``i`` open a quotation (after a space or bracket, before a word)?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


_FUNCTION_WORDS = frozenset(
    "in on at to of for and or but as with from by that which is was were are has have had will would "
    "said says he she it they we the a an this when while after before because if than so".split()
)


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' inside or at the end of a word (``don’t``, ``Korea’s``, ``forces’``) rather than a quotation mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don’t, Korea’s
    nxt = re.match(r" ([a-z]+)", text[i + 1 : i + 20])
    if before in "sS" and nxt and nxt.group(1) not in _FUNCTION_WORDS:
        return True  # forces’ military: a plural possessive before a lower-case word
    return False


_DOUBLE_MARKS = re.compile(f'[{OPEN_DOUBLE}{CLOSE_DOUBLE}"{OPEN_GUILLEMET}{CLOSE_GUILLEMET}]')


def find_spans(text: str) -> tuple[list[QuoteSpan], list[str]]:
    """Quotation spans ``(content_start, content_end, mark, paragraphs)`` in ``text``; warnings for odd marks."""
    spans: list[QuoteSpan] = []
    warnings: list[str] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]
    open_at: int | None = None
    open_mark = ""
    n_paras = 1
    for pi, (p0, p1) in enumerate(paragraphs):
        for mark in _DOUBLE_MARKS.finditer(text, p0, p1):  # no other character changes the state
            i, ch = mark.start(), mark.group()
            if open_at is None:
                if ch == OPEN_DOUBLE or (ch == '"' and _opens(text, i)) or (ch == OPEN_GUILLEMET and _opens(text, i)):
                    open_at, open_mark, n_paras = i + 1, ch, 1
                elif ch in (CLOSE_DOUBLE, '"'):
                    warnings.append(f"closing quotation mark without an opening one at {i}")
            elif open_mark == OPEN_GUILLEMET:
                if ch == CLOSE_GUILLEMET:  # «…» closes only on », whatever “…” stand inside
                    spans.append(QuoteSpan(open_at, i, "double", n_paras))
                    open_at = None
            elif ch in (OPEN_DOUBLE, '"') and i == p0 and n_paras > 1:
                pass  # the repeated opening mark of a continued quotation (a straight one is not its close)
            elif ch == '"' and text[i - 1].isspace() and _opens(text, i) and "\n" in text[open_at:i]:
                # a straight mark that can only open, on a later line: the quotation before it was never closed
                warnings.append(
                    f"unbalanced quotation mark: quotation opened at {open_at - 1} is not closed on its line"
                )
                spans.append(QuoteSpan(open_at, _unclosed_end(text, open_at, text.index("\n", open_at)), "double", 1))
                open_at, n_paras = i + 1, 1
            elif ch == CLOSE_DOUBLE or (ch == '"' and open_mark in '"“'):
                spans.append(QuoteSpan(open_at, i, "double", n_paras))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[pi + 1][0] if pi + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt] in (OPEN_DOUBLE, '"', OPEN_GUILLEMET):
                n_paras += 1  # continues in the next paragraph
                continue
            lead = re.split(r"[.!?…][\"'”’)\]]*\s+", text[p0 : open_at - 1])[-1]
            if nxt is None and not re.search(r"[.!?…][\"'”’)\]]*\s*$", text[p0:p1]) and not _CUE_BEFORE.search(lead):
                # the page's text stops mid-sentence inside it (a saved excerpt cut off), and no cue of its own
                # sentence introduces it ("Xi said, “We want …"): no quotation to keep
                warnings.append(f"quotation opened at {open_at - 1} is cut off where the text ends: not kept")
                open_at = None
                continue
            warnings.append(
                f"unbalanced quotation mark: quotation opened at {open_at - 1} is not closed in its paragraph"
            )
            spans.append(QuoteSpan(open_at, _unclosed_end(text, open_at, p1), "double", n_paras))
            open_at = None
    spans += _single_spans(text, spans)
    spans.sort()
    return spans, warnings


def _unclosed_end(text: str, open_at: int, p1: int) -> int:
    """Where a quotation never closed ends: with its first sentence, or before the attribution that closes it
    (Kim "expressed deep sympathy …, according to KCNA." quotes up to "according")."""
    end = re.search(r"[.!?…][\"'”’]?(?=\s+[\"“A-Z])", text[open_at:p1])
    stop = open_at + end.end() if end else p1
    cue = _TRAILING_CUE.search(text, open_at, stop)
    return cue.start() if cue else stop


_TRAILING_CUE = re.compile(r",\s+(?:according\s+to|as\s+(?:\w+\s+){1,4}(?:said|reported))\b", re.I)


_CUE_BEFORE = re.compile(
    r"\b(?:said|says|wrote|writes|added|stated|stressed|noted|declared|told\s+\w+(?:\s+\w+)?|read|reads)\s*[,:]?\s*$",
    re.I,
)
"""A speech verb right before an opening mark ("Xi said, “…")."""


def _single_spans(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted phrases outside double quotations, within one line or paragraph."""
    inside = bytearray(len(text) + 1)
    for a, b, _, _ in doubles:
        inside[max(0, a - 1) : b + 1] = b"\x01" * (b + 1 - max(0, a - 1))
    out = []
    for m in re.finditer("[‘']", text):
        i = m.start()
        if inside[i] or (out and i < out[-1][1] + 1):
            continue
        if text[i] == OPEN_SINGLE or (_opens(text, i) and i + 1 < len(text) and text[i + 1].isalpha()):
            close = _single_close(text, i)
            if close is not None:
                out.append(QuoteSpan(i + 1, close, "single", 1))
    return out


def _single_close(text: str, i: int) -> int | None:
    limit = min(len(text), i + 300)
    candidates = []
    for j in range(i + 2, limit):
        if text[j] == "\n":
            break
        if text[j] in (CLOSE_SINGLE, "'") and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if after.isalnum():
                continue
            candidates.append(j)
    strong = [j for j in candidates if not _is_apostrophe(text, j)]
    pick = strong or candidates
    return pick[0] if pick else None


def mask(text: str, spans: list[QuoteSpan]) -> str:
    """The text with quoted words blanked (final . ! ? kept), so sentences split around quotations."""
    chars = list(text)
    for a, b, _, _ in spans:
        for k in range(a, b):
            if chars[k] not in "\n" and not (k == b - 1 and chars[k] in ".!?,"):
                chars[k] = "Q"  # a capital, so a sentence still ends before an opening quotation
    return "".join(chars)
