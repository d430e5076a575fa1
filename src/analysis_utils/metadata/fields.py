"""The fields of a page's metadata, each from the clues its furniture gives, tried in order: the first that
answers wins (as trafilatura's ``extract_*`` do). Every field keeps the offsets of its evidence."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..clean.lines import BYLINE, SIGNED_WITH_SOURCES_REASON, bare, breadcrumb_prefix, is_sentence, words
from ..clean.values import CleanDoc
from ..text import reference
from ..text.date_mentions import find_dates
from ..text.matching import Prefiltered
from .values import Field

_EMAIL = re.compile(r"[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")


_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<name>[^.|,]{2,60})",
    re.IGNORECASE,
)
"""A copyright line ("© 2024 The Example Times"): the holder is ``name``."""


_DOMAIN = re.compile(
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.kr|kr|ru|cn|jp|in|kp|co\.uk|uk|de|fr)\b",
    re.IGNORECASE,
)
"""A web domain a page prints ("tass.com", "koreatimes.co.kr")."""


_REPORTING = Prefiltered(re.compile(r"\(?\s*(?:additional\s+)?reporting by (?P<names>[^;)]+)", re.IGNORECASE))


_LINK_REASONS = ("link to the previous or next story", "linked headline", "credit of the copy's first publisher")
"""Lines that link to other pages (``clean`` reasons): an outlet they name is not the page's publisher."""


_SOURCE_CREDIT = re.compile(r"^\s*(?:source|sources|credit)\s*:\s*|/[a-z]{1,4}$", re.IGNORECASE)
"""Around an agency's name on a credit line: "Source: AFP/kg" (the desk's initials after the slash)."""


_NAME_TAIL = re.compile(
    r"\s*(?:[,|/–—-]\s*|\s+)(?:staff (?:reporter|writer)|correspondent|reporter|senior reporter|in [A-Z][\w]+(?: [A-Z]\w+)?|for [A-Z].*)$"
)


def extract_headline(cd: CleanDoc) -> Field:
    """The headline the cleaner chose, with the reason it gave."""
    if cd.headline is None or not cd.headline_text:
        return Field()
    off = cd.headline.start + cd.headline.text.find(cd.headline_text)
    return Field(cd.headline_text, off, off + len(cd.headline_text), cd.headline.reason)


def extract_dateline(cd: CleanDoc) -> Field:
    """The place of the dateline opening the story ("SEOUL, March 18 (Reuters) -" → "SEOUL")."""
    if cd.dateline is None:
        return Field()
    d = cd.dateline
    return Field(d.place, d.start, d.start + len(d.place), f"dateline '{d.text}'")


def agency_named(name: str | None) -> reference.Outlet | None:
    """The wire agency named ``name`` exactly ("AFP", "Yonhap News Agency"), or None."""
    if not name:
        return None
    return reference.outlet_named(name, kind="agency")


Clue = Callable[..., "Field | None"]
"""One place a field may be read from: the field with its evidence, or None to try the next clue."""


def first_hit(clues: tuple[Clue, ...], *args: object) -> Field:
    """The field the first answering clue gives, else an empty field."""
    for clue in clues:
        found = clue(*args)
        if found is not None:
            return found
    return Field()


def _agency_in_dateline(cd: CleanDoc) -> Field | None:
    if cd.dateline and (ag := agency_named(cd.dateline.agency)):
        return Field(ag.name, cd.dateline.start, cd.dateline.end, f"agency credit in the dateline '{cd.dateline.text}'")
    if (o := _own_credit(cd)) is not None:  # "(MENAFN) Russian President …": an outlet credits its own copy
        return Field(
            o.name,
            cd.dateline.start,
            cd.dateline.end,
            f"the outlet's own credit opening the story '{cd.dateline.text}'",
        )
    return None


def _own_credit(cd: CleanDoc) -> reference.Outlet | None:
    """The outlet a credit standing alone at the story's start names ("(MENAFN) …", no place, no date)."""
    dl = cd.dateline
    if dl is None or dl.place or dl.date_text or not dl.agency:
        return None
    return reference.outlet_named(dl.agency)


def _agency_in_byline(cd: CleanDoc) -> Field | None:
    for ln in cd.lines:
        if ln.cls == "byline" and ln.reason != SIGNED_WITH_SOURCES_REASON:  # sources cited, not the copy's wire
            for part in re.split(r"\s*(?:[|,/]|\band\b|—|–|\s{2,})\s*", _byline_text(ln.text)):
                if (ag := agency_named(part)) or (ag := agency_named(part.split()[0] if part.split() else "")):
                    return Field(ag.name, ln.start, ln.end, f"agency credit in the byline '{ln.text}'")
    return None


def _agency_signing_off(cd: CleanDoc) -> Field | None:
    """A sign-off closing the story ("... country. EFE", "— Reuters", "(AFP)")."""
    body = cd.body.rstrip()
    m = re.search(r"(?:[.”\"’)]\s*|\s[-–—]+\s*|\n\s*)\(?(?P<name>[A-Za-z][\w-]{1,25})\)?\s*$", body)
    if m and (ag := agency_named(m.group("name"))):
        start = cd.to_text(m.start("name"))
        return Field(ag.name, start, start + len(m.group("name")), f"sign-off '{m.group('name')}' closing the story")
    return None


def _agency_credit_line(cd: CleanDoc) -> Field | None:
    """A credit line after the story's last paragraph ("AFP", "Source: AFP/kg")."""
    story = [ln.index for ln in cd.lines if ln.cls == "body"]
    for ln in cd.lines:
        if not story or ln.index < story[-1] or ln.cls not in ("footer", "navigation"):
            continue
        if ag := agency_named(_SOURCE_CREDIT.sub("", ln.text).strip(" -–—()")):
            return Field(ag.name, ln.start, ln.end, f"sign-off line '{ln.text}' after the story")
    return None


_ORIGINALLY = re.compile(
    r"^(?:this (?:post|article|story) (?:was )?)?(?:originally (?:published|appeared|posted) (?:on|in|at|by)|"
    r"sourced? from|courtesy(?: of)?|republished from)\s+(?:the\s+)?(?P<name>[A-Z][\w .&’'-]{1,60}?)[.\s]*$",
    re.IGNORECASE,
)
"""A line crediting the copy to whoever first published it ("This post was originally published on The Diplomat.",
"Source from the Yonhap.")."""


def _originally_published(cd: CleanDoc) -> Field | None:
    return _credit_line(cd, _ORIGINALLY, publisher=False)


def _credit_line(cd: CleanDoc, pattern: re.Pattern[str], publisher: bool) -> Field | None:
    """The outlet a credit line names ("Published by …", "originally published on …"): the gazetteer's name for it
    (its publisher's with ``publisher``), else the name as printed."""
    for ln in cd.lines:
        if ln.cls in ("footer", "byline", "navigation") and (m := pattern.match(ln.text.strip())):
            name = m.group("name").strip()
            o = reference.outlet_named(name)
            start = ln.start + m.start("name")
            value = (o.publisher if publisher else o.name) if o else name
            return Field(value, start, start + len(name), f"credit line '{ln.text.strip()}'")
    return None


def _agency_copyright(cd: CleanDoc) -> Field | None:
    for ln in cd.lines:
        if ln.cls == "footer" and (m := _COPYRIGHT.search(ln.text)):
            name = re.sub(r"\b(?:the\s+)?(?:all rights reserved)\b", "", m.group("name"), flags=re.I).strip()
            if ag := agency_named(name):
                return Field(ag.name, ln.start, ln.end, f"the agency holds the copyright: '{ln.text}'")
    return None


WIRE_AGENCY_CLUES = (
    _agency_in_dateline,
    _agency_in_byline,
    _agency_signing_off,
    _agency_credit_line,
    _agency_copyright,
    _originally_published,
)
"""Where a page credits the wire agency whose copy it carries, strongest first."""


def extract_wire_agency(cd: CleanDoc) -> Field:
    """The wire agency whose copy the page carries (``WIRE_AGENCY_CLUES``)."""
    return first_hit(WIRE_AGENCY_CLUES, cd)


def _byline_text(line: str) -> str:
    """A byline without its 'By' and its date: "By Kim Soo-yeon" → "Kim Soo-yeon"."""
    core = bare(line)
    m = BYLINE.match(core)
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
    name = re.sub(r"\s+\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago\b.*$", "", name)  # "Faizan Hashmi 4 minutes ago"
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


def _byline_line(cd: CleanDoc) -> Field | None:
    for ln in cd.lines:
        if ln.cls != "byline" or ln.reason == "agency credit":
            continue
        parts = re.split(r"\s*(?:[|/]|—|–|\s{2,})\s*", _without_outlets(_byline_text(ln.text)))
        people = [p for p in parts if p and not agency_named(p)]
        name = _clean_name(people[0]) if people else ""
        if name and _looks_like_person(name) and not agency_named(name.split()[0]):
            start = ln.start + ln.text.find(name) if name in ln.text else ln.start
            return Field(name, start, start + len(name), f"byline '{ln.text}'")
    return None


def _author_box(cd: CleanDoc) -> Field | None:
    for ln in cd.lines:
        if ln.cls == "author" and (e := _EMAIL.search(ln.text)):
            name = _clean_name(_byline_text(ln.text[: e.start()]))
            if name and _looks_like_person(name):
                start = ln.start + ln.text.find(name)
                return Field(name, start, start + len(name), f"author box '{ln.text}'")
    return None


def _reporting_credit(cd: CleanDoc) -> Field | None:
    for ln in cd.lines:
        if ln.cls in ("author", "footer", "body") and (m := _REPORTING.search(ln.text)):
            names = re.split(r"\s+(?:and|in)\s+[A-Z]\w+$", m.group("names").strip())[0]
            name = _clean_name(re.sub(r"\s+in\s+[A-Z][\w ]+$", "", names))
            if name and _looks_like_person(name):
                start = ln.start + ln.text.find(name) if name in ln.text else ln.start
                return Field(name, start, start + len(name), f"reporting credit '{ln.text}'")
    return None


BYLINE_CLUES = (_byline_line, _author_box, _reporting_credit)
"""Where a page names its writer: a byline, an author box with an e-mail address, a reporting credit."""


def extract_byline(cd: CleanDoc) -> Field:
    """The writer of the story (``BYLINE_CLUES``)."""
    return first_hit(BYLINE_CLUES, cd)


def _masthead_name(text: str) -> str:
    """An outlet's name as its masthead prints it, capitals tamed: "THE HARBOUR LEDGER" → "The Harbour Ledger"."""
    text = re.sub(r"\s+", " ", text.strip())
    return text.title() if text.isupper() and len(text) > 4 else text


def _outlet_in_email(cd: CleanDoc, wire: Field) -> Field | None:
    for ln in cd.lines:
        if ln.cls in ("author", "footer", "byline", "navigation"):
            for m in _EMAIL.finditer(ln.text):
                if o := reference.outlet_by_domain(m.group("domain")):
                    start, end = ln.start + m.start("domain"), ln.start + m.end("domain")
                    return Field(o.publisher, start, end, f"e-mail domain in '{ln.text}'")
    return None


def _outlet_above_headline(cd: CleanDoc, wire: Field) -> Field | None:
    """The site's logo or masthead in the navigation above the headline."""
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
    return None


def _outlet_after_headline(cd: CleanDoc, wire: Field) -> Field | None:
    """The site's name closing the page title ("Headline | The Example Times")."""
    if not (cd.site_name and cd.headline is not None):
        return None
    o = reference.outlet_named(cd.site_name)
    start = cd.headline.start + cd.headline.text.rfind(cd.site_name)
    why = f"site name after the headline '{cd.headline.text}'"
    return Field(o.publisher if o else cd.site_name, start, start + len(cd.site_name), why)


def _outlet_copyright(cd: CleanDoc, wire: Field) -> Field | None:
    site_first = _site_name_first(cd)
    for ln in cd.lines:
        if ln.cls == "footer" and (m := _COPYRIGHT.search(ln.text)):
            for dm in _DOMAIN.finditer(ln.text):
                if o := reference.outlet_by_domain(dm.group(0)):
                    return Field(o.publisher, ln.start, ln.end, f"copyright line '{ln.text}'")
            name = re.sub(r"\b(?:all rights reserved|co\.?|ltd\.?|inc\.?|corp\.?)\b", "", m.group("name"), flags=re.I)
            o = reference.outlet_named(name.strip())
            if o and not (o.kind == "agency" and site_first.value):
                # an agency's copyright under a partner's page credits the wire copy, not the page
                return Field(o.publisher, ln.start, ln.end, f"copyright line '{ln.text}'")
    return None


def _outlet_in_furniture(cd: CleanDoc, wire: Field) -> Field | None:
    for ln in cd.lines:
        if ln.reason.startswith(_LINK_REASONS):
            continue  # "Next: New Year Address Published in Rodong Sinmun" names another page's subject
        if ln.cls in ("footer", "navigation") and not (wire.value and wire.start == ln.start):
            for o in reference.outlets():
                if o.kind == "outlet" and (m := o.pattern.search(ln.text)):
                    why = f"the page's own furniture names it: '{ln.text}'"
                    return Field(o.publisher, ln.start + m.start(), ln.start + m.end(), why)
    return None


def _outlet_opening_the_page(cd: CleanDoc, wire: Field) -> Field | None:
    """ "The Columbian" above its menu, carrying AP copy."""
    site_first = _site_name_first(cd)
    return site_first if site_first.value else None


_PUBLISHED_BY = re.compile(r"^published by\s+(?P<name>[A-Z][\w .&’'-]{1,60}?)[.\s]*$", re.IGNORECASE)


def _outlet_published_by(cd: CleanDoc, wire: Field) -> Field | None:
    """ "Published by Global Banking and Finance Review": the page's own credit line."""
    return _credit_line(cd, _PUBLISHED_BY, publisher=True)


def _outlet_in_dateline_credit(cd: CleanDoc, wire: Field) -> Field | None:
    """ "VLADIVOSTOK (Pakistan Point News / Sputnik - 25th April, 2019)": the page that carries the agency's copy."""
    if not (cd.dateline and cd.dateline.credit and "/" in cd.dateline.credit):
        return None
    partner = cd.dateline.credit.split("/")[0].strip()
    if not partner or agency_named(partner) or not re.match(r"[A-Z]", partner):
        return None
    o = reference.outlet_named(partner)
    start = cd.dateline.start + cd.dateline.text.find(partner)
    return Field(
        o.publisher if o else partner,
        start,
        start + len(partner),
        f"partner named in the dateline credit '{cd.dateline.text}'",
    )


def _outlet_own_credit(cd: CleanDoc, wire: Field) -> Field | None:
    """An outlet's credit standing alone at the story's start ("(MENAFN) …"): its own copy, so its page."""
    o = _own_credit(cd)
    if o is None or cd.dateline is None:
        return None
    return Field(o.publisher, cd.dateline.start, cd.dateline.end, f"the outlet's own credit '{cd.dateline.text}'")


def _outlet_own_wire(cd: CleanDoc, wire: Field) -> Field | None:
    """The agency's own copy: its credit in a dateline opening the page's first paragraph (a dateline further down
    opens copy the page relays under its own words)."""
    body = [ln for ln in cd.lines if ln.cls == "body"]
    opening = [ln.start for ln in body[:1]]
    if len(body) > 1 and _standfirst(body[0].text, [ln.text for ln in body[1:]]):
        opening.append(body[1].start)  # under a pull quote or a summary the story repeats: still its opening
    if cd.dateline is None or cd.dateline.start not in opening:
        return None
    if wire.value and (ag := agency_named(cd.dateline.agency)):
        return Field(ag.publisher, wire.start, wire.end, "the agency's own wire copy (its credit in the dateline)")
    return None


def _standfirst(first: str, rest: list[str]) -> bool:
    """Is the page's first paragraph a pull quote ("“The two countries maintain …”, Putin said") or a summary whose
    words the story repeats, rather than the page's own words before the copy it relays?"""
    core = first.strip().strip('"“”').strip()
    return first.lstrip()[:1] in '"“' or (len(core) >= 40 and any(core[:40] in t for t in rest))


OUTLET_CLUES = (
    _outlet_published_by,
    _outlet_in_email,
    _outlet_above_headline,
    _outlet_after_headline,
    _outlet_copyright,
    _outlet_in_furniture,
    _outlet_opening_the_page,
    _outlet_in_dateline_credit,
    _outlet_own_credit,
    _outlet_own_wire,
)
"""Where a page names its publisher, strongest first; ``extract_outlet`` takes the first that answers."""


def extract_outlet(cd: CleanDoc, wire: Field) -> Field:
    """The publisher of the page, from the page's own furniture (``OUTLET_CLUES``); an agency for its own wire copy."""
    return first_hit(OUTLET_CLUES, cd, wire)


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
    if breadcrumb_prefix(first.text) or is_sentence(first.text):
        return Field()
    return Field(_masthead_name(first.text), first.start, first.end, f"the name opening the page '{first.text}'")
