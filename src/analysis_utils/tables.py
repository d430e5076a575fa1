"""Tidy tables (one row per thing) built from analysed documents: documents, lines, metadata evidence."""

from __future__ import annotations

import os
from typing import Any

import pandas as pd

from .pipeline import Analysed, analyse_corpus

DOCUMENT_COLUMNS = [
    "doc_id", "file", "status", "headline", "outlet", "wire_agency", "byline", "dateline", "published",
    "published_earliest", "published_latest", "published_precision", "published_evidence", "page_date",
    "encoding", "size_bytes", "n_lines", "n_body_lines", "n_body_chars", "warnings", "body",
]  # fmt: skip
LINE_COLUMNS = ["doc_id", "file", "line", "start", "end", "cls", "reason", "text"]
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


def _analysed(corpus: str | os.PathLike[str] | list[Analysed]) -> list[Analysed]:
    return corpus if isinstance(corpus, list) else analyse_corpus(corpus)


def documents_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per input file, bad files included (see ``status`` and ``warnings``)."""
    return pd.DataFrame([document_row(a) for a in _analysed(corpus)], columns=DOCUMENT_COLUMNS)


def lines_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per non-blank line: its class (body, headline, caption, …) and the reason."""
    return pd.DataFrame([r for a in _analysed(corpus) for r in line_rows(a)], columns=LINE_COLUMNS)


def evidence_table(corpus: str | os.PathLike[str] | list[Analysed]) -> pd.DataFrame:
    """One row per document and metadata field, with offsets and evidence."""
    return pd.DataFrame(
        [r for a in _analysed(corpus) for r in evidence_rows(a)], columns=EVIDENCE_COLUMNS
    )
