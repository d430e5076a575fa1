"""Tidy tables (one row per thing) built from analysed documents: documents, lines, metadata evidence."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is loaded by the table builders only: the export writes CSV rows without it
    import pandas as pd

from . import article_cache
from .events import assign_letter_keys, link
from .pipeline import Analysed, analyse_corpus

DOCUMENT_COLUMNS = [
    "doc_id", "file", "status", "headline", "outlet", "wire_agency", "byline", "dateline", "published",
    "published_earliest", "published_latest", "published_precision", "published_evidence", "page_date",
    "encoding", "size_bytes", "n_lines", "n_body_lines", "n_body_chars", "duplicate_of", "warnings", "body",
]  # fmt: skip
LINE_COLUMNS = ["doc_id", "file", "line", "start", "end", "cls", "reason", "text"]
QUOTE_COLUMNS = [
    "doc_id", "file", "quote_id", "text", "speaker", "cue", "start", "end", "section", "mark",
    "paragraphs", "n_words", "speaker_evidence",
]  # fmt: skip
DATE_COLUMNS = [
    "doc_id", "file", "expression", "date_earliest", "date_latest", "precision", "start", "end",
    "section", "evidence",
]  # fmt: skip
LETTER_COLUMNS = [
    "doc_id", "file", "letter_key", "sender", "recipient", "date", "date_earliest", "date_latest",
    "date_evidence", "occasion", "occasion_type", "channel", "mentions", "start", "end", "evidence",
]  # fmt: skip
EVENT_COLUMNS = [
    "doc_id", "file", "event_id", "kind", "date_earliest", "date_latest", "precision", "description",
    "who", "n_docs", "docs", "start", "end", "evidence",
]  # fmt: skip
EVIDENCE_COLUMNS = ["doc_id", "file", "field", "value", "start", "end", "evidence"]


def _iso(day: Any) -> str:
    return day.isoformat() if day else ""


def document_row(a: Analysed) -> dict[str, Any]:
    """The documents-table row of one analysed file (the export contract's columns and more)."""
    m, p = a.meta, a.meta.published
    lines = a.clean.lines if a.clean else []
    return {
        "doc_id": a.doc.doc_id,
        "file": a.doc.file,
        "status": a.doc.status,
        "headline": m.headline.value or "",
        "outlet": m.outlet.value or "",
        "wire_agency": m.wire_agency.value or "",
        "byline": m.byline.value or "",
        "dateline": m.dateline.value or "",
        "published": _iso(p.published),
        "published_earliest": _iso(p.earliest),
        "published_latest": _iso(p.latest),
        "published_precision": p.precision,
        "published_evidence": p.evidence,
        "page_date": _iso(p.page_date),
        "encoding": a.doc.encoding,
        "size_bytes": a.doc.size_bytes,
        "n_lines": sum(1 for ln in lines if ln.cls != "blank"),
        "n_body_lines": sum(1 for ln in lines if ln.cls in ("body", "subheading", "standfirst")),
        "n_body_chars": len(a.clean.body) if a.clean else 0,
        "duplicate_of": a.duplicate_of,
        "warnings": "; ".join(a.warnings),
        "body": a.clean.body if a.clean else "",
    }


def line_rows(a: Analysed) -> list[dict[str, Any]]:
    if a.clean is None:
        return []
    return [
        {
            "doc_id": a.doc.doc_id,
            "file": a.doc.file,
            "line": ln.index + 1,
            "start": ln.start,
            "end": ln.end,
            "cls": ln.cls,
            "reason": ln.reason,
            "text": ln.text,
        }
        for ln in a.clean.lines
        if ln.cls != "blank"
    ]


def evidence_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per metadata field with its value, offsets in the document's text and why."""
    m, p = a.meta, a.meta.published
    rows = []
    for name in ("headline", "outlet", "wire_agency", "byline", "dateline"):
        f = getattr(m, name)
        rows.append(
            {
                "field": name,
                "value": f.value or "",
                "start": f.start,
                "end": f.end,
                "evidence": f.evidence,
            }
        )
    value = _iso(p.published) or (f"{_iso(p.earliest)}..{_iso(p.latest)}" if p.earliest else "")
    rows.append(
        {
            "field": "published",
            "value": value,
            "start": p.start,
            "end": p.end,
            "evidence": p.evidence,
        }
    )
    return [{"doc_id": a.doc.doc_id, "file": a.doc.file, **r} for r in rows]


def quote_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per quotation; offsets are in the body (section "body") or the document text (section "headline")."""
    return [
        {
            "doc_id": a.doc.doc_id,
            "file": a.doc.file,
            "quote_id": f"{a.doc.doc_id}:q{i + 1}",
            "text": q.text,
            "speaker": q.speaker or "",
            "cue": q.cue,
            "start": q.start,
            "end": q.end,
            "section": q.section,
            "mark": q.mark,
            "paragraphs": q.paragraphs,
            "n_words": len(q.text.split()),
            "speaker_evidence": q.speaker_evidence,
        }
        for i, q in enumerate(a.quotes.quotes)
    ]


def date_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per date expression; offsets in the body (section "body") or the document text (other sections)."""
    return [
        {
            "doc_id": a.doc.doc_id,
            "file": a.doc.file,
            "expression": e.expression,
            "date_earliest": _iso(e.date_earliest),
            "date_latest": _iso(e.date_latest),
            "precision": e.precision,
            "start": e.start,
            "end": e.end,
            "section": e.section,
            "evidence": e.evidence,
        }
        for e in a.dates
    ]


def link_corpus(analysed: list[Analysed]) -> None:
    """Give the same event (and the same letter) in different articles one id: ``event_id`` / ``letter_key``."""
    link({a.doc.doc_id: a.events for a in analysed})
    for a in analysed:
        assign_letter_keys(a.letters, a.events)


def letter_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per letter per article; ``letter_key`` is shared by the same letter in other articles."""
    return [
        {
            "doc_id": a.doc.doc_id,
            "file": a.doc.file,
            "letter_key": lt.letter_key,
            "sender": lt.sender,
            "recipient": lt.recipient,
            "date": lt.date,
            "date_earliest": _iso(lt.date_earliest),
            "date_latest": _iso(lt.date_latest),
            "date_evidence": lt.date_evidence,
            "occasion": lt.occasion,
            "occasion_type": lt.occasion_type,
            "channel": lt.channel,
            "mentions": lt.mentions,
            "start": lt.start,
            "end": lt.end,
            "evidence": lt.evidence,
        }
        for lt in a.letters
    ]


DOCS_LISTED = 20
"""Articles named in an event row's ``docs`` at most: every row of the event would repeat the list, so a
corpus where thousands of articles report one event would write millions of names (``n_docs`` counts all)."""


def docs_cell(docs: list[str]) -> str:
    """The ``docs`` cell: the first ``DOCS_LISTED`` articles, then how many more ("… +4,980 more")."""
    if len(docs) <= DOCS_LISTED:
        return " ".join(docs)
    return " ".join(docs[:DOCS_LISTED]) + f" … +{len(docs) - DOCS_LISTED:,} more"


def event_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per event per article (run ``link_corpus`` first for ids shared across articles)."""
    return [
        {
            "doc_id": a.doc.doc_id,
            "file": a.doc.file,
            "event_id": ev.event_id,
            "kind": ev.kind,
            "date_earliest": _iso(ev.date_earliest),
            "date_latest": _iso(ev.date_latest),
            "precision": ev.precision,
            "description": ev.description,
            "who": ev.who,
            "n_docs": len(ev.docs),
            "docs": docs_cell(ev.docs),
            "start": ev.start,
            "end": ev.end,
            "evidence": ev.evidence,
        }
        for ev in a.events
    ]


def _analysed(corpus: str | os.PathLike[str] | list[Analysed]) -> list[Analysed]:
    if isinstance(corpus, list):
        return corpus
    analysed = analyse_corpus(corpus, jobs=0, cache=article_cache.enabled())
    link_corpus(analysed)
    return analysed


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def documents_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per input file, bad files included (see ``status`` and ``warnings``)."""
    return _frame([document_row(a) for a in _analysed(corpus)], DOCUMENT_COLUMNS)


def lines_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per non-blank line: its class (body, headline, caption, …) and the reason."""
    return _frame([r for a in _analysed(corpus) for r in line_rows(a)], LINE_COLUMNS)


def quotes_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per quotation with its speaker, cue and offsets."""
    return _frame([r for a in _analysed(corpus) for r in quote_rows(a)], QUOTE_COLUMNS)


def dates_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per date expression with its interval, precision and evidence."""
    return _frame([r for a in _analysed(corpus) for r in date_rows(a)], DATE_COLUMNS)


def letters_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per letter per article, with sender, recipient, date bounds, occasion, channel and key."""
    return _frame([r for a in _analysed(corpus) for r in letter_rows(a)], LETTER_COLUMNS)


def events_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """The timeline: one row per event per article; ``event_id`` links the same event across articles."""
    return _frame([r for a in _analysed(corpus) for r in event_rows(a)], EVENT_COLUMNS)


def evidence_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per document and metadata field, with offsets and evidence."""
    return _frame([r for a in _analysed(corpus) for r in evidence_rows(a)], EVIDENCE_COLUMNS)


def all_tables(corpus: str | os.PathLike[str] | list[Analysed]) -> dict[str, pd.DataFrame]:
    """Every table of a corpus from one analysis: documents, lines, quotes, dates, letters, events, metadata_evidence.

    A folder's tables come from the disk cache (``cache``) when its files, the package and the day are unchanged.
    """
    if isinstance(corpus, list):
        return _build_tables(corpus)
    from . import cache  # with pandas: not needed by the export, which starts faster without them

    return cache.cached_tables(corpus, lambda: _build_tables(_analysed(corpus)))


def _build_tables(analysed: list[Analysed]) -> dict[str, pd.DataFrame]:
    return {
        "documents": documents_table(analysed),
        "lines": lines_table(analysed),
        "quotes": quotes_table(analysed),
        "dates": dates_table(analysed),
        "letters": letters_table(analysed),
        "events": events_table(analysed),
        "metadata_evidence": evidence_table(analysed),
    }
