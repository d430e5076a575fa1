"""All metadata of one classified page: its fields (``fields``), its publication date (``pubdate``), and what
the corpus manifest says of it (``manifest``)."""

from __future__ import annotations

import datetime as dt

from ..clean.values import CleanDoc
from .fields import (
    agency_named,
    extract_byline,
    extract_dateline,
    extract_headline,
    extract_outlet,
    extract_wire_agency,
)
from .manifest import apply_manifest
from .pubdate import infer_pubdate
from .values import Field, Metadata


def extract_metadata(cd: CleanDoc, today: dt.date | None = None) -> Metadata:
    """Headline, outlet, wire agency, byline, dateline and publication date of one classified document."""
    md = Metadata()
    md.headline = extract_headline(cd)
    if md.headline.value is None:
        md.warnings.append("no headline found")
    md.dateline = extract_dateline(cd)
    md.wire_agency = extract_wire_agency(cd)
    md.byline = extract_byline(cd)
    md.outlet = extract_outlet(cd, md.wire_agency)
    md.published = infer_pubdate(cd, today)
    md.warnings += md.published.warnings
    if cd.doc.manifest is not None:
        apply_manifest(md, cd.doc.manifest)
    if not md.wire_agency.value and (ag := agency_named(md.outlet.value)):
        why = f"the page is the agency's own ({md.outlet.evidence})"
        md.wire_agency = Field(ag.name, md.outlet.start, md.outlet.end, why)
    return md
