"""The rows of every table (plain dicts, no pandas: the export writes them as CSV), and one registry of the tables.

Each ``Table`` names its columns and the function giving one analysed article's rows. Letters
and events are ``linked``: their ids join the same letter or event across articles, so their
rows are written once the whole corpus has been read (``pipeline.link``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..pipeline.analysed import Analysed

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
CITED_COLUMNS = ["doc_id", "file", "cited", "kind", "cue", "section", "start", "end", "evidence"]


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


def _attributes(a: Analysed, item: Any, columns: list[str], **computed: Any) -> dict[str, Any]:
    """One row about ``item`` of article ``a``: its document, then each column's attribute of ``item`` (days as
    ISO dates, a missing value empty) unless ``computed`` gives it."""
    row = {"doc_id": a.doc.doc_id, "file": a.doc.file}
    for column in columns[2:]:
        if column in computed:
            row[column] = computed[column]
            continue
        value = getattr(item, column)
        row[column] = value.isoformat() if isinstance(value, dt.date) else "" if value is None else value
    return row


def line_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per non-blank line of the page: its class and the reason the cleaner gave."""
    if a.clean is None:
        return []
    return [_attributes(a, ln, LINE_COLUMNS, line=ln.index + 1) for ln in a.clean.lines if ln.cls != "blank"]


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
        _attributes(a, q, QUOTE_COLUMNS, quote_id=f"{a.doc.doc_id}:q{i + 1}", n_words=len(q.text.split()))
        for i, q in enumerate(a.quotes.quotes)
    ]


def date_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per date expression; offsets in the body (section "body") or the document text (other sections)."""
    return [_attributes(a, e, DATE_COLUMNS) for e in a.dates]


def cited_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per source the story cites (agency, medium or institution) or credits for a photograph; offsets span
    the cue and the name (in the body, or in the document's text for a caption's credit)."""
    return [_attributes(a, c, CITED_COLUMNS) for c in a.cited]


def letter_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per letter per article; ``letter_key`` is shared by the same letter in other articles."""
    return [_attributes(a, lt, LETTER_COLUMNS) for lt in a.letters]


DOCS_LISTED = 20
"""Articles named in an event row's ``docs`` at most: every row of the event would repeat the list, so a
corpus where thousands of articles report one event would write millions of names (``n_docs`` counts all)."""


def docs_cell(docs: list[str]) -> str:
    """The ``docs`` cell: the first ``DOCS_LISTED`` articles, then how many more ("… +4,980 more")."""
    if len(docs) <= DOCS_LISTED:
        return " ".join(docs)
    return " ".join(docs[:DOCS_LISTED]) + f" … +{len(docs) - DOCS_LISTED:,} more"


def event_rows(a: Analysed) -> list[dict[str, Any]]:
    """One row per event per article (link the corpus first for ids shared across articles)."""
    return [_attributes(a, ev, EVENT_COLUMNS, n_docs=len(ev.docs), docs=docs_cell(ev.docs)) for ev in a.events]


@dataclass(frozen=True)
class Table:
    """One table of the export and of the notebooks: its name, columns, and one article's rows."""

    name: str
    columns: list[str]
    rows: Callable[[Any], list[dict[str, Any]]]
    linked: bool = False  # rows carry ids shared across articles: written after the whole corpus is linked


TABLES: tuple[Table, ...] = (
    Table("documents", DOCUMENT_COLUMNS, lambda a: [document_row(a)]),
    Table("lines", LINE_COLUMNS, line_rows),
    Table("quotes", QUOTE_COLUMNS, quote_rows),
    Table("dates", DATE_COLUMNS, date_rows),
    Table("letters", LETTER_COLUMNS, letter_rows, linked=True),
    Table("events", EVENT_COLUMNS, event_rows, linked=True),
    Table("metadata_evidence", EVIDENCE_COLUMNS, evidence_rows),
    Table("cited_sources", CITED_COLUMNS, cited_rows),
)
"""Every table, in the order ``load_tables`` returns them."""
PER_ARTICLE = {t.name: t for t in TABLES if not t.linked}
"""Tables whose rows are complete as each article is analysed."""
LINKED = {t.name: t for t in TABLES if t.linked}
"""Tables written after the whole corpus is read: their ids link the same letter or event across articles."""
