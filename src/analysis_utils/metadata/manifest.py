"""What a corpus manifest says of a page (``corpus.manifest``): its outlet and its day, used over what the text
suggests, with the manifest's line as evidence and a warning when the text says otherwise."""

from __future__ import annotations

from ..corpus.document import Entry
from ..text import reference
from .values import Field, Metadata, PubDate


def apply_manifest(md: Metadata, entry: Entry) -> None:
    """Set the outlet and the publication date ``entry`` gives (the outlet from its URL's domain when it names none)."""
    where = f"manifest sources.csv line {entry.line}"
    outlet = manifest_outlet(entry)
    if outlet is not None:
        name, why = outlet
        if md.outlet.value and not same_name(md.outlet.value, name):
            md.warnings.append(f"{where} gives the outlet {name!r}; the page names {md.outlet.value!r}")
        md.outlet = Field(name, None, None, f"{where}: {why}")
    if entry.published:
        _apply_published(md, entry, where)


def manifest_outlet(entry: Entry) -> tuple[str, str] | None:
    """(outlet, why) from the manifest's outlet column, else from its URL's domain (``data/outlets.csv``)."""
    if entry.outlet:
        o = reference.outlet_named(entry.outlet)
        return (o.publisher if o else entry.outlet), f"outlet {entry.outlet!r}"
    if entry.domain and (o := reference.outlet_by_domain(entry.domain)):
        return o.publisher, f"the URL's domain {entry.domain}"
    return None


def same_name(a: str, b: str) -> bool:
    """Two names of one outlet: equal in lower case, or ending in the same word ("The Korea Herald", "Korea Herald")."""
    x, y = a.strip().lower(), b.strip().lower()
    return x == y or (bool(x) and bool(y) and x.split()[-1] == y.split()[-1])


def _apply_published(md: Metadata, entry: Entry, where: str) -> None:
    bounds = entry.published_bounds()
    if bounds is None:
        md.warnings.append(f"{where}: published {entry.published!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
        return
    lo, hi = bounds
    text = md.published
    if text.earliest and text.latest and (hi < text.earliest or text.latest < lo):
        md.warnings.append(
            f"{where} gives the day {entry.published}; the text dates it {text.earliest}..{text.latest} "
            f"({text.evidence})"
        )
    day = lo if lo == hi else None
    md.published = PubDate(
        published=day,
        earliest=lo,
        latest=hi,
        precision="day" if day else "bounds",
        evidence=f"{where}: published {entry.published}",
        page_date=text.page_date,
        updated=text.updated,
    )
