"""All metadata of one classified page: its fields (``fields``) and its publication date (``pubdate``)."""

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
    if not md.wire_agency.value and (ag := agency_named(md.outlet.value)):
        why = f"the page is the agency's own ({md.outlet.evidence})"
        md.wire_agency = Field(ag.name, md.outlet.start, md.outlet.end, why)
    md.published = infer_pubdate(cd, today)
    md.warnings += md.published.warnings
    return md
