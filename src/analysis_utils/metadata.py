"""Metadata of a classified page: headline, outlet, wire agency, byline, dateline, publication date, with evidence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import clean, pubdate, reference
from .calendar_text import find_dates
from .clean import _BYLINE, CleanDoc, _core, words
from .reference import Prefiltered

_EMAIL = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<name>[^.|,]{2,60})",
    re.IGNORECASE,
)
_DOMAIN = re.compile(
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.kr|kr|ru|cn|jp|in|kp|co\.uk|uk|de|fr)\b",
    re.IGNORECASE,
)
_REPORTING = Prefiltered(re.compile(r"\(?\s*(?:additional\s+)?reporting by (?P<names>[^;)]+)", re.IGNORECASE))
_LINK_REASONS = ("link to the previous or next story", "linked headline")
"""Lines that link to other pages (``clean`` reasons): an outlet they name is not the page's publisher."""
_SOURCE_CREDIT = re.compile(r"^\s*(?:source|sources|credit)\s*:\s*|/[a-z]{1,4}$", re.IGNORECASE)
"""Around an agency's name on a credit line: "Source: AFP/kg" (the desk's initials after the slash)."""
_NAME_TAIL = re.compile(
    r"\s*(?:[,|/–—-]\s*|\s+)(?:staff (?:reporter|writer)|correspondent|reporter|senior reporter|in [A-Z][\w]+(?: [A-Z]\w+)?|for [A-Z].*)$"
)


@dataclass
class Field:
    """One metadata value and where it came from (offsets in the document's text)."""

    value: str | None = None
    start: int | None = None
    end: int | None = None
    evidence: str = ""


@dataclass
class Metadata:
    headline: Field = field(default_factory=Field)
    outlet: Field = field(default_factory=Field)
    wire_agency: Field = field(default_factory=Field)
    byline: Field = field(default_factory=Field)
    dateline: Field = field(default_factory=Field)
    published: pubdate.PubDate = field(default_factory=pubdate.PubDate)
    warnings: list[str] = field(default_factory=list)


def extract(cd: CleanDoc, today: dt.date | None = None) -> Metadata:
    """All metadata of one classified document."""
    md = Metadata()
    if cd.headline is not None and cd.headline_text:
        off = cd.headline.start + cd.headline.text.find(cd.headline_text)
        md.headline = Field(cd.headline_text, off, off + len(cd.headline_text), cd.headline.reason)
    else:
        md.warnings.append("no headline found")
    if cd.dateline is not None:
        d = cd.dateline
        md.dateline = Field(d.place, d.start, d.start + len(d.place), f"dateline '{d.text}'")
    md.wire_agency = _wire_agency(cd)
    md.byline = _byline(cd)
    md.outlet = _outlet(cd, md.wire_agency)
    if not md.wire_agency.value and (ag := _agency(md.outlet.value)):
        why = f"the page is the agency's own ({md.outlet.evidence})"
        md.wire_agency = Field(ag.name, md.outlet.start, md.outlet.end, why)
    md.published = pubdate.infer(cd, today)
    md.warnings += md.published.warnings
    return md


def _agency(name: str | None) -> reference.Outlet | None:
    if not name:
        return None
    return reference.outlet_named(name, kind="agency")


def _wire_agency(cd: CleanDoc) -> Field:
    if cd.dateline and (ag := _agency(cd.dateline.agency)):
        return Field(
            ag.name,
            cd.dateline.start,
            cd.dateline.end,
            f"agency credit in the dateline '{cd.dateline.text}'",
        )
    for ln in cd.lines:
        if ln.cls == "byline":
            for part in re.split(r"\s*(?:[|,/]|\band\b|—|–|\s{2,})\s*", _byline_text(ln.text)):
                if (ag := _agency(part)) or (ag := _agency(part.split()[0] if part.split() else "")):
                    return Field(ag.name, ln.start, ln.end, f"agency credit in the byline '{ln.text}'")
    # a sign-off closing the story ("... country. EFE", "— Reuters", "(AFP)")
    body = cd.body.rstrip()
    m = re.search(r"(?:[.”\"’)]\s*|\s[-–—]+\s*|\n\s*)\(?(?P<name>[A-Za-z][\w-]{1,25})\)?\s*$", body)
    if m and (ag := _agency(m.group("name"))):
        start = cd.to_text(m.start("name"))
        return Field(
            ag.name,
            start,
            start + len(m.group("name")),
            f"sign-off '{m.group('name')}' closing the story",
        )
    story = [ln.index for ln in cd.lines if ln.cls == "body"]
    for ln in cd.lines:
        if not story or ln.index < story[-1] or ln.cls not in ("footer", "navigation"):
            continue  # a credit line after the story's last paragraph ("AFP", "Source: AFP/kg")
        if ag := _agency(_SOURCE_CREDIT.sub("", ln.text).strip(" -–—()")):
            return Field(ag.name, ln.start, ln.end, f"sign-off line '{ln.text}' after the story")
    for ln in cd.lines:
        if ln.cls == "footer" and (m := _COPYRIGHT.search(ln.text)):
            name = re.sub(r"\b(?:the\s+)?(?:all rights reserved)\b", "", m.group("name"), flags=re.I).strip()
            if ag := _agency(name):
                return Field(ag.name, ln.start, ln.end, f"the agency holds the copyright: '{ln.text}'")
    return Field()


def _byline_text(line: str) -> str:
    """A byline without its 'By' and its date: "By Kim Soo-yeon" → "Kim Soo-yeon"."""
    core = _core(line)
    m = _BYLINE.match(core)
    return m.group("name") if m else core


def _without_outlets(byline: str) -> str:
    """A byline without the outlets named after a comma: "Mariya Kuznetsova, CNN" → "Mariya Kuznetsova"."""
    parts = byline.split(",")
    while len(parts) > 1 and reference.outlet_named(parts[-1].strip()):
        parts.pop()
    return ",".join(parts)


def _clean_name(name: str) -> str:
    name = _EMAIL.sub(" ", name)
    name = re.sub(r"[(\[<][^)\]>]*[)\]>]?|[(\[<]", " ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;:|-–—")
    for d in find_dates(name):
        name = name.replace(d.text, " ")
    name = re.sub(r"\b\d{1,2}[:.]\d{2}\b.*$", "", name)
    prev = None
    while prev != name:
        prev = name
        name = _NAME_TAIL.sub("", name).strip(" ,;:|-–—")
    return name


def _looks_like_person(name: str) -> bool:
    tokens = words(name)
    if not 2 <= len(tokens) <= 10:
        return False
    caps = [t for t in tokens if t[0].isupper()]
    return len(caps) >= max(1, len([t for t in tokens if t.lower() not in ("and", "de", "van", "von", "bin")]) - 1)


def _byline(cd: CleanDoc) -> Field:
    for ln in cd.lines:
        if ln.cls != "byline" or ln.reason == "agency credit":
            continue
        parts = re.split(r"\s*(?:[|/]|—|–|\s{2,})\s*", _without_outlets(_byline_text(ln.text)))
        people = [p for p in parts if p and not _agency(p)]
        name = _clean_name(people[0]) if people else ""
        if name and _looks_like_person(name) and not _agency(name.split()[0]):
            start = ln.start + ln.text.find(name) if name in ln.text else ln.start
            return Field(name, start, start + len(name), f"byline '{ln.text}'")
    for ln in cd.lines:
        if ln.cls == "author" and (e := _EMAIL.search(ln.text)):
            name = _clean_name(_byline_text(ln.text[: e.start()]))
            if name and _looks_like_person(name):
                start = ln.start + ln.text.find(name)
                return Field(name, start, start + len(name), f"author box '{ln.text}'")
    for ln in cd.lines:
        if ln.cls in ("author", "footer", "body") and (m := _REPORTING.search(ln.text)):
            names = re.split(r"\s+(?:and|in)\s+[A-Z]\w+$", m.group("names").strip())[0]
            name = _clean_name(re.sub(r"\s+in\s+[A-Z][\w ]+$", "", names))
            if name and _looks_like_person(name):
                start = ln.start + ln.text.find(name) if name in ln.text else ln.start
                return Field(name, start, start + len(name), f"reporting credit '{ln.text}'")
    return Field()


def _masthead_name(text: str) -> str:
    """An outlet's name as its masthead prints it, capitals tamed: "THE HARBOUR LEDGER" → "The Harbour Ledger"."""
    text = re.sub(r"\s+", " ", text.strip())
    return text.title() if text.isupper() and len(text) > 4 else text


def _outlet(cd: CleanDoc, wire: Field) -> Field:
    """The publisher of the page, from the page's own furniture; an agency for its own wire copy."""
    for ln in cd.lines:
        if ln.cls in ("author", "footer", "byline", "navigation"):
            for m in _EMAIL.finditer(ln.text):
                if o := reference.outlet_by_domain(m.group("domain")):
                    return Field(
                        o.publisher,
                        ln.start + m.start("domain"),
                        ln.start + m.end("domain"),
                        f"e-mail domain in '{ln.text}'",
                    )
    headline_idx = cd.headline.index if cd.headline else 10**9
    for ln in cd.lines:
        if ln.cls != "navigation" or ln.index >= headline_idx:
            continue
        logo = re.fullmatch(r"(.+?)\s+logo", ln.text.strip(), re.I)
        if logo and (o := reference.outlet_named(logo.group(1))):
            return Field(o.publisher, ln.start, ln.start + len(logo.group(1)), f"the site's logo '{ln.text}'")
        if ln.reason.startswith("masthead"):
            o = reference.outlet_named(ln.text) or next(
                (x for d in _DOMAIN.finditer(ln.text) if (x := reference.outlet_by_domain(d.group(0)))), None
            )  # "TASS Russian News Agency  tass.com"
            name = o.publisher if o else _masthead_name(ln.text)
            return Field(name, ln.start, ln.end, f"masthead '{ln.text}' above the headline")
    if cd.site_name and cd.headline is not None:
        o = reference.outlet_named(cd.site_name)
        start = cd.headline.start + cd.headline.text.rfind(cd.site_name)
        return Field(
            o.publisher if o else cd.site_name,
            start,
            start + len(cd.site_name),
            f"site name after the headline '{cd.headline.text}'",
        )
    site_first = _site_name_first(cd)
    for ln in cd.lines:
        if ln.cls == "footer" and (m := _COPYRIGHT.search(ln.text)):
            for dm in _DOMAIN.finditer(ln.text):
                if o := reference.outlet_by_domain(dm.group(0)):
                    return Field(o.publisher, ln.start, ln.end, f"copyright line '{ln.text}'")
            name = re.sub(
                r"\b(?:all rights reserved|co\.?|ltd\.?|inc\.?|corp\.?)\b",
                "",
                m.group("name"),
                flags=re.I,
            )
            o = reference.outlet_named(name.strip())
            if o and not (o.kind == "agency" and site_first.value):
                # an agency's copyright under a partner's page credits the wire copy, not the page
                return Field(o.publisher, ln.start, ln.end, f"copyright line '{ln.text}'")
    for ln in cd.lines:
        if ln.reason.startswith(_LINK_REASONS):
            continue  # "Next: New Year Address Published in Rodong Sinmun" names another page's subject
        if ln.cls in ("footer", "navigation") and not (wire.value and wire.start == ln.start):
            for o in reference.outlets():
                if o.kind == "outlet" and (m := o.pattern.search(ln.text)):
                    return Field(
                        o.publisher,
                        ln.start + m.start(),
                        ln.start + m.end(),
                        f"the page's own furniture names it: '{ln.text}'",
                    )
    if site_first.value:
        return site_first  # "The Columbian" above its menu, carrying AP copy
    if wire.value and cd.dateline and (ag := _agency(cd.dateline.agency)):
        return Field(
            ag.publisher,
            wire.start,
            wire.end,
            "the agency's own wire copy (its credit in the dateline)",
        )
    return Field()


def _site_name_first(cd: CleanDoc) -> Field:
    """A short name in capitals opening the page, above its menu ("Hermit & Bear" / Subscribe / Sign in)."""
    content = [ln for ln in cd.lines if ln.cls != "blank"]
    if len(content) < 2 or content[0].cls != "navigation" or content[1].cls not in ("navigation", "share"):
        return Field()
    first = content[0]
    tokens = first.text.split()
    capitalised = all(t[0].isupper() or t in ("&", "of", "the", "and") for t in tokens)
    if not (2 <= len(tokens) <= 4 and capitalised) or re.search(r"[\d|:/>»]", first.text):
        return Field()
    if clean.breadcrumb_prefix(first.text) or clean.is_sentence(first.text):
        return Field()
    return Field(_masthead_name(first.text), first.start, first.end, f"the name opening the page '{first.text}'")
