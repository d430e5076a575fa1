"""Every date expression of an article resolved to an interval, with its precision and evidence.

News conventions (docs/architecture.md, "Dates are intervals"): the reference point is the publication
date. A bare weekday is within the week of publication (the most recent one in a past-tense
clause, the next one in a future-tense clause); a day or month without a year is its nearest
occurrence (on or before publication when told as past, on or after when told as future);
"two months earlier" / "a month later" count from the nearest dated expression before them
(same sentence, then a known event of the sentence, then the previous sentence, then the
publication). When only bounds of the publication are known, relative expressions are resolved
against both bounds and the union is returned; with no publication date at all only
expressions carrying their own year are resolved.

Offsets: in ``cd.body`` (which ``cd.story``, the text read, shares) for section "body"; in ``cd.doc.text`` for the other sections
("headline", "dateline", "date line", "page banner").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ...clean.lines import SIGNATURE_REASON
from ...clean.values import CleanDoc
from ...metadata.values import PubDate
from ...text.clauses import DATE_CLAUSE_AFTER, DATE_CLAUSE_BEFORE, DATE_TENSE, clause_after, clause_before
from ...text.date_mentions import find_dates
from ...text.known_events import event_mentions
from ...text.sentences import sentence_spans
from ..values import DateExpr
from .absolute import resolve_absolute
from .anchored import resolve_anchored, resolve_anniversary
from .arithmetic import Interval, ndays, union
from .patterns import Candidate, candidates
from .relative import resolve_relative

SECTION_ORDER = ("page banner", "headline", "date line", "dateline", "body", "caption", "signature")
"""Order of the sections in :func:`extract_dates` output (top of the page first)."""


@dataclass
class _Ctx:
    refs: list[dt.date]
    section: str
    text: str
    offset: int  # added to match offsets (0 for body, line start for metadata)


def _resolve_text(ctx: _Ctx) -> list[DateExpr]:
    out: list[DateExpr] = []
    text = ctx.text
    spans = sentence_spans(text) or [(0, len(text))]
    cands = candidates(text)
    prev_sentence_exprs: list[DateExpr] = []
    since = 0
    ci = 0
    for s0, s1 in spans:
        sent = text[s0:s1]
        here: list[DateExpr] = []
        while ci < len(cands) and cands[ci].start < s1:
            c = cands[ci]
            ci += 1
            if c.start < s0 or c.end > s1:  # an expression lies within its sentence ("Apr" / "1 …" are two)
                continue
            a, b = c.start - s0, c.end - s0
            try:
                iv, b = _resolve_one(c, ctx, sent, a, b, here, prev_sentence_exprs, out)
            except (ValueError, OverflowError):  # a reference date at the edge of the calendar
                continue
            if iv is None:
                continue
            lo, hi, prec, why = iv
            e = DateExpr(
                sent[a:b].strip(),
                ctx.offset + s0 + a,
                ctx.offset + s0 + b,
                ctx.section,
                lo,
                hi,
                prec,
                why,
            )
            here.append(e)
            out.append(e)
        # "the following day" may hang on a date a sentence or two back (a quotation between)
        if here:
            prev_sentence_exprs, since = here, 0
        else:
            since += 1
            if since > 2:
                prev_sentence_exprs = []
    return out


@lru_cache(maxsize=512)
def _sentence_events(sent: str) -> tuple:
    return tuple(event_mentions(sent))


def _resolve_one(
    c: Candidate,
    ctx: _Ctx,
    sent: str,
    a: int,
    b: int,
    here: list[DateExpr],
    prev: list[DateExpr],
    earlier: Sequence[DateExpr] = (),
) -> tuple[Interval | None, int]:
    """The interval of one candidate (and its end, which an anniversary extends to the event)."""
    if c.kind == "anniversary":
        return resolve_anniversary(c, sent, a, b, _sentence_events(sent))
    if c.kind in ("anchored", "anchored_the"):
        return resolve_anchored(c, sent, a, here, prev, _sentence_events(sent), ctx.refs, earlier), b
    iv = resolve_absolute(c)
    if iv is None and ctx.refs:
        future = _is_future(sent, a, b)
        iv = union([resolve_relative(c, r, future) for r in ctx.refs], ctx.refs)
    return iv, b


def _is_future(sent: str, a: int, b: int) -> bool:
    """Is the expression at ``sent[a:b]`` told in a future-tense clause?"""
    if DATE_TENSE.is_future(clause_before(sent, a, DATE_CLAUSE_BEFORE, 120)):
        return True
    head = " ".join(clause_after(sent, b, DATE_CLAUSE_AFTER, 60).split()[:2])
    return DATE_TENSE.has_future(head)


def _meta_day(text: str, refs: list[dt.date], where: str) -> Interval | None:
    """A printed day and month (with or without year) in a dateline or date line."""
    dms = [d for d in find_dates(text) if d.day is not None]
    if not dms:
        return None
    d = dms[0]
    if d.year is not None:
        day = d.to_date()
        return (day, day, "day", f"printed {where}") if day else None
    if not refs:
        return None
    res = []
    for r in refs:
        day = d.to_date(r.year)
        if day and day > r + ndays(2):
            day = d.to_date(r.year - 1)
        if day is None:
            return None
        res.append((day, day, "day", f"{where} day and month, year of publication {r.year}"))
    return union(res, refs)


def _metadata(cd: CleanDoc, pub: PubDate, refs: list[dt.date]) -> list[DateExpr]:
    out: list[DateExpr] = []
    text = cd.doc.text
    dl = cd.dateline
    if dl and dl.date_text and dl.date_start is not None:
        iv = _meta_day(dl.date_text, refs, "dateline")
        if iv:
            start = dl.date_start
            out.append(DateExpr(dl.date_text, start, start + len(dl.date_text), "dateline", *iv))
    headline_idx = cd.headline.index if cd.headline else None
    first = min((ln.index for ln in cd.lines if ln.cls != "blank"), default=None)
    for ln in cd.lines:
        if ln.cls not in ("date", "byline", "author"):
            continue
        for d in find_dates(ln.text):
            if d.day is None or (ln.cls != "date" and d.year is None):
                continue
            iv = _meta_day(d.text, refs, "date line")
            if iv is None:
                continue
            above = (headline_idx is not None and ln.index < headline_idx) or (
                headline_idx is None and ln.index == first
            )
            section = "date line"
            lo, hi, prec, why = iv
            if above and pub.page_date is not None and lo == hi == pub.page_date:
                section, why = (
                    "page banner",
                    "date printed above the headline (the page's date, not the story's)",
                )
            else:
                why = f"printed date line '{ln.text}'"
            start = ln.start + d.start
            out.append(
                DateExpr(
                    text[start : ln.start + d.end],
                    start,
                    ln.start + d.end,
                    section,
                    lo,
                    hi,
                    prec,
                    why,
                )
            )
    out += _year_only_dates(cd, out)
    out += _signature_dates(cd)
    if cd.headline is not None and cd.headline_text:
        h = cd.headline_text
        at = text.find(h, cd.headline.start)
        at = cd.headline.start if at < 0 else at
        out += _resolve_text(_Ctx(refs, "headline", h, at))
    return out


def _year_only_dates(cd: CleanDoc, found: list[DateExpr]) -> list[DateExpr]:
    """Years and months a date line prints beside (or instead of) a day ("calendar>>May 15. 2016 Juche 105")."""
    out = []
    for ln in cd.lines:
        if ln.cls != "date":
            continue
        for c in candidates(ln.text):
            start, end = ln.start + c.start, ln.start + c.end
            if any(e.start < end and start < e.end for e in found + out):
                continue
            iv = resolve_absolute(c)
            if iv is not None:
                why = f"{iv[3]}, in the date line '{ln.text.strip()}'"
                out.append(DateExpr(cd.doc.text[start:end].strip(), start, end, "date line", iv[0], iv[1], iv[2], why))
    return out


def _signature_dates(cd: CleanDoc) -> list[DateExpr]:
    """Dates with their own year on the short lines closing a story: a message's place and day
    ("Pyongyang, Juche 113", "Moscow, the Kremlin, 7 October 2024")."""
    out = []
    for ln in cd.lines:
        if ln.cls != "footer" or ln.reason != SIGNATURE_REASON:
            continue
        for c in candidates(ln.text):
            iv = resolve_absolute(c)
            if iv is not None:
                start, end = ln.start + c.start, ln.start + c.end
                why = f"{iv[3]}, in the line closing the story '{ln.text.strip()}'"
                out.append(DateExpr(cd.doc.text[start:end].strip(), start, end, "signature", iv[0], iv[1], iv[2], why))
    return out


def reference_days(pub: PubDate) -> list[dt.date]:
    """The day the text speaks from: the update day if one is printed, the publication day, else both bounds."""
    if pub.published is not None and pub.updated is not None and pub.updated > pub.published:
        return [pub.updated]  # the page we read is the updated story
    if pub.published is not None:
        return [pub.published]
    refs = [d for d in (pub.earliest, pub.latest) if d is not None]
    return sorted(set(refs))


_DECADE = re.compile(r"\b(?:the\s+)?(?:(?P<full>(?:1[89]|20)\d0)s|['’](?P<short>\d0)s)(?!\w)")


def _decades(text: str) -> list[DateExpr]:
    """ "the 1990s", "the ’90s": a decade, as years (two-digit decades from the 30s on are the 1900s)."""
    out = []
    for m in _DECADE.finditer(text):
        if m.group("full"):
            y = int(m.group("full"))
        else:
            y = int(m.group("short"))
            y += 1900 if y >= 30 else 2000
        out.append(
            DateExpr(
                m.group(0),
                m.start(),
                m.end(),
                "body",
                dt.date(y, 1, 1),
                dt.date(y + 9, 12, 31),
                "year",
                f"the decade {y}-{y + 9}",
            )
        )
    return out


def extract_dates(cd: CleanDoc, pub: PubDate) -> list[DateExpr]:
    """Every date expression of the page, resolved, sorted by section (top of page first) then start."""
    refs = reference_days(pub)
    out = _metadata(cd, pub, refs)
    if cd.story:
        body = _resolve_text(_Ctx(refs, "body", cd.story, 0))
        out += body + [e for e in _decades(cd.story) if not any(x.start < e.end and e.start < x.end for x in body)]
    for ln in cd.lines:  # a photo's caption dates the picture ("… in Vladivostok on April 25, 2019. (Yonhap)")
        if ln.cls == "caption":
            out += _resolve_text(_Ctx(refs, "caption", ln.text, ln.start))
    rank = {s: i for i, s in enumerate(SECTION_ORDER)}
    out.sort(key=lambda e: (rank.get(e.section, 99), e.start))
    return out
