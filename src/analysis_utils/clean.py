"""Classify every line of a page (headline, byline, date, caption, navigation, share, footer, body…) with a reason.

The body is what is left: the story's paragraphs, with a map from body offsets back to
offsets in the document's text, so every later fact can point at its evidence.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from . import reference
from .calendar_text import MONTH_RE, find_dates
from .corpus import Document
from .reference import Prefiltered

_END_MARK = Prefiltered(re.compile(r"\s+(?:Enditem|\(END\)|-{2,}\s*end\s*-{2,})\s*$", re.IGNORECASE))
FURNITURE_MAX_CHARS = 400
"""Lines longer than this are never page furniture."""
SIGNATURE_REASON = "short line after the last paragraph"
"""The reason given to a short line closing the story (a signature, a place and date, a credit)."""
_END_RULE_START = re.compile(r"(?i)(?:copyright|©|\(only the headline|this (?:article|story) (?:was|has been))")
BODY_CLASSES = frozenset({"body", "subheading", "standfirst"})
"""Line classes whose text makes up the body."""

_BULLETS = "•·*▪►◦‣–—-ⓕ "
_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$|["”’]$""")
_WORD = re.compile(r"[\w’'-]+")
_BYLINE = re.compile(
    r"^(?:by|written by|reported by|words by|author|reporter|posted by)\s*:?\s+(?P<name>[^.!?]{2,90}?)\s*$",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    r"\b(?P<label>first published|published(?: on)?|posted(?: on)?|updated(?: on)?|last updated|modified|"
    r"created|date|issued|released|dated|print edition)\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.IGNORECASE)
_ZONE = re.compile(
    r"\b(?:KST|GMT|UTC|IST|MSK|EST|EDT|ET|BST|CET|JST|HKT|SGT|PT|PST|PDT)\b(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
)
_DATELINE = re.compile(
    rf"""^(?P<place>(?:[A-Z][\w'’.-]*|[A-Z]{{2,}})(?:[ /-](?:[A-Z][\w'’.-]*|of|de|la|el))*?)
    (?:\s*\[(?P<region_b>[^\]]{{2,30}})\])?
    (?:,\s*(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*){{0,2}})(?=\s*[(,:/–—-]))?
    (?:,?\s*(?P<date>(?i:{MONTH_RE})\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?|\d{{1,2}}\s+(?i:{MONTH_RE})(?:,?\s*\d{{4}})?))?
    \.?\s*
    (?:\((?P<agency>[^()]{{2,40}})\)|/(?P<agency_slash>[A-Za-z][\w-]{{1,20}})/|\[(?P<agency_b>[A-Za-z][^\]]{{1,30}})\])?
    \s*(?P<sep>\.-|\.?\s*--|\s*[-–—:](?=\s|$)|\s*[–—](?=\S)|(?<=[/.)\]])\.?(?=\s)|$)\s*
    """,
    re.VERBOSE,
)


@dataclass
class Line:
    """One line of the page: where it is, what it is, and why the cleaner thinks so."""

    index: int
    start: int
    end: int
    text: str
    cls: str = "body"
    reason: str = ""


@dataclass
class Dateline:
    """The dateline opening the story ("SEOUL, March 18 (Reuters) -"), split into its parts."""

    text: str
    place: str
    date_text: str | None
    agency: str | None
    start: int
    end: int
    date_start: int | None = None


@dataclass
class CleanDoc:
    """A document's classified lines and its body, with offsets back into ``doc.text``."""

    doc: Document
    lines: list[Line]
    body: str = ""
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (body_start, text_start, length)
    headline: Line | None = None
    headline_text: str | None = None
    site_name: str | None = None  # "Headline | Site Name": the site, cut from the headline
    dateline: Dateline | None = None

    def to_text(self, body_offset: int) -> int:
        """Offset in ``doc.text`` of the character at ``body_offset`` in the body."""
        if not self.segments:
            return body_offset
        i = max(0, bisect.bisect_right([s[0] for s in self.segments], body_offset) - 1)
        b, t, n = self.segments[i]
        return t + min(body_offset - b, n)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _core(text: str) -> str:
    """A line without list bullets and surrounding space, for matching furniture."""
    return text.strip().lstrip(_BULLETS).strip()


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.strip()))


def is_title_like(text: str) -> bool:
    """A headline or subheading: a few words, not ending like a sentence or a label."""
    t = text.strip()
    n = len(words(t))
    if not 3 <= n <= 30 or len(t) > 250:
        return False
    if t.endswith((".", ",", ";", ":")) and not t.endswith(("...", "…")):
        return False
    return not _DATELINE.match(t) or not _dateline_ok(_DATELINE.match(t))


def _is_prose(text: str) -> bool:
    n = len(words(text))
    return n >= 20 or (n >= 8 and is_sentence(text)) or (n >= 6 and text.lstrip()[:1] in '“"')


def breadcrumb_prefix(text: str, min_words: int = 2) -> int:
    """Length of a breadcrumb trail at the start of ``text`` ("HomeWorldAsia", "Home > World"), or 0.

    The trail ends where the headline begins: after a separator or at a glued capital
    ("...AsiaNorth Korea" cuts before "North"). A line made only of trail words is all trail.
    A trail has ``min_words`` words at least (one will do when the headline is printed again below).
    """
    pos, count, cut = 0, 0, 0
    vocab = reference.breadcrumb_words()
    while pos < len(text):
        m = re.match(r"\s*(?:[>»/|›·]\s*)?", text[pos:])
        step = pos + (m.end() if m else 0)
        if count >= min_words and step > pos and text[pos:step].strip():
            cut = step  # after a separator
        for word in vocab:
            if text.startswith(word, step):
                after = step + len(word)
                # a trail word ends at a space, a separator, the end, or the capital of a glued word
                if after == len(text) or not text[after].islower():
                    pos, count = after, count + 1
                    if after < len(text) and text[after].isupper() and count >= min_words:
                        cut = after
                    break
        else:
            break
    if count and not text[pos:].strip() and len(words(text)) >= 2:
        return len(text)  # the whole line is navigation words ("East Asia Pacific")
    if count < min_words:
        return 0
    return cut


def _furniture(core: str) -> reference.FurnitureRule | None:
    """The first furniture rule matching the line; rules are searched only if the line holds a literal they need."""
    rules, literals, always = _furniture_index()
    low = reference.lower_for_prefilter(core)
    if low is None:
        candidates: Iterable[int] = range(len(rules))
    else:
        candidates = sorted({i for x, where in literals if x in low for i in where}.union(always))
    for i in candidates:
        if rules[i].pattern.search(core):
            return rules[i]
    return None


@cache
def _furniture_index() -> tuple[
    tuple[reference.FurnitureRule, ...], tuple[tuple[str, tuple[int, ...]], ...], frozenset[int]
]:
    """The rules; each literal with the rules that need it; the rules with no literal (always searched)."""
    rules = reference.furniture_rules()
    by_literal: dict[str, list[int]] = {}
    for i, r in enumerate(rules):
        for x in r.literals or ():
            by_literal.setdefault(x, []).append(i)
    always = frozenset(i for i, r in enumerate(rules) if r.literals is None)
    return rules, tuple((x, tuple(v)) for x, v in sorted(by_literal.items())), always


def _date_line(core: str) -> tuple[str, list[str]] | None:
    """If the line is essentially a date, ``(reason, leftover words)``; else None.

    A date with a year, or a day and month with a time or a label ("SEP 9, 06:12",
    "UPDATED: SEP 9"), plus at most a few other words (a label, breadcrumbs, a name).
    """
    dates = [d for d in find_dates(core) if d.day is not None]  # at once [] for a line without a digit
    if not dates:
        return None
    rest = core
    for d in reversed(dates):
        rest = rest[: d.start] + " " + rest[d.end :]
    has_time = bool(_TIME.search(rest))
    rest = _ZONE.sub(" ", _TIME.sub(" ", rest))
    label = _DATE_LABEL.search(rest)
    if all(d.year is None for d in dates) and not (has_time or label):
        return None
    rest = _DATE_LABEL.sub(" ", rest)
    crumbs = breadcrumb_prefix(rest.strip())
    rest = re.sub(r"\|.*$", " ", rest.strip()[crumbs:]) if "|" in rest else rest.strip()[crumbs:]
    for o in reference.outlets():
        rest = o.pattern.sub(" ", rest)
    leftover = words(rest)
    leftover = [w for w in leftover if w.lower() not in {"on", "at", "of", "the", "am", "pm", "a", "m", "gmt", "kst"}]
    if len(leftover) > 4 or (len(leftover) > 2 and not _NAME_WORDS.fullmatch(" ".join(leftover))):
        return None
    what = f"{label.group('label').lower()} date" if label else "date"
    return what + (" with breadcrumbs" if crumbs else ""), leftover


def _without_leading_symbols(title: str) -> str:
    """A title without the emoji or pictographs a post opens with ("‼️ Kim sends …"); markup and quotes stay."""
    i = 0
    while i < len(title) and (
        unicodedata.category(title[i]) in ("So", "Sk", "Mn", "Cf") or title[i] in "‼⁉•·►▶" or title[i].isspace()
    ):
        i += 1
    return title[i:]


_KICKER_WORDS = ("EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENTARY", "EXPLAINER", "FACTBOX", "INSIGHT", "LIVE", "WATCH",
                 "BREAKING")  # fmt: skip
_KICKER = re.compile(
    r"(?:UPDATE(?:\s+\d+)?|"
    + "|".join(f"{w}|{w.capitalize()}" for w in _KICKER_WORDS)
    + r")\s*(?:[|:]\s*|-(?=\S)|\s[-–—]\s)"
)
"""A label before a headline: "ANALYSIS | …", "EXCLUSIVE: …", Reuters' "UPDATE 2-…"."""
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/\S*$", re.IGNORECASE)
_NAME_WORDS = re.compile(r"(?:[A-Z][\w’'-]*\s?){2,4}")


_PUBLICATION = re.compile(
    r"\b(?:Times|News|Herald|Post|Daily|Journal|Tribune|Express|Telegraph|Gazette|Standard|Review|Monitor|"
    r"Observer|Press|Media|Today|Weekly|Star|Sun|Mail|Guardian|Chronicle|Insider|Wire|Agency|Ilbo|Shimbun|"
    r"Sinmun|Broadcasting|TV|Radio|Online|Ledger|Courier|Record|Bulletin|Dispatch|Sentinel|Register|Globe|"
    r"Mirror|Inquirer|Examiner|Echo|Week|Citizen|Independent)\b|\.(?:com|org|net|co\.kr|kr|ru|in|co\.uk)$",
    re.IGNORECASE,
)


def _looks_like_masthead(core: str) -> bool:
    """A short publication name ("The Daily Example", "nknews.org") above a page's headline."""
    n = len(
        words(re.sub(r"\b[\w-]+\.(?:com|org|net|ru|kr|kp|cn|jp|co\.uk|co\.kr)$", "x", core))
    )  # a domain is one word
    if n == 1 and not re.search(r"\.\w{2,}$", core):
        return False  # "News", "TV": a section of the menu, not a publication's name
    return n <= 5 and not is_sentence(core) and bool(_PUBLICATION.search(core))


def _looks_like_name(core: str) -> bool:
    """A person's name on a line of its own ("Kim Tong-Hyung", "Helen Park in Seoul", "Mira Sokolova | Asia correspondent")."""
    core = re.split(r"\s+(?:\||-|–|—)\s+|,\s+|\s+in\s+(?=[A-Z])", core)[0].strip()
    names = re.split(r"\s+(?:&|and)\s+", core)  # "Harriet Lowe & Daniel Ko": two names
    return len(names) <= 3 and all(_one_name(n) for n in names)


def _one_name(core: str) -> bool:
    tokens = core.split()
    if not 2 <= len(tokens) <= 4 or _nav_word(tokens) or re.search(r"[\d:|@]", core):
        return False
    if reference.outlet_named(core) or any(reference.outlet_named(t) for t in tokens):
        return False
    return all(re.fullmatch(r"[A-Z][a-z’'-]+(?:-[A-Za-z][a-z]+)?|[A-Z]\.", t) for t in tokens)


def _name_like(text: str) -> bool:
    """Names after "By": a few words, mostly capitalised ("Yi Whan-woo", "Josh Smith and Hyonhee Shin", "ANI")."""
    tokens = [t for t in words(text) if t.lower() not in ("and", "in", "de", "van", "von", "bin", "staff", "reporter")]
    return 1 <= len(tokens) <= 12 and sum(t[0].isupper() for t in tokens) * 2 > len(tokens) and tokens[0][0].isupper()


def _nav_word(tokens: list[str]) -> bool:
    vocab = {w.lower() for w in reference.breadcrumb_words()}
    return any(t.lower() in vocab for t in tokens)


def _menu(core: str) -> bool:
    """A row of short menu items: "Sign in | Subscribe", "Asia Pacific / Politics & Diplomacy"."""
    items = [x.strip() for x in re.split(r"\s+[|/»›>·•]\s+|\s{2,}\|\s{2,}|\s{2,}", core)]
    if len(items) < 2 or any(not x for x in items):
        return False
    return all(
        len(words(x)) <= 3 and (len(words(x)) <= 2 or not is_sentence(x)) and not re.search(r"\d{4}", x) for x in items
    )


def _dateline_ok(m: re.Match[str] | None) -> bool:
    if not m:
        return False
    place = m.group("place")
    if _KICKER.match(m.group(0)):
        return False  # "EXCLUSIVE: …" is a headline's label, not a place
    has_more = bool(m.group("date") or m.group("agency") or m.group("agency_slash") or m.group("agency_b"))
    region = (m.group("region") or "").split()
    if len(region) >= 2 and reference.outlet_named(region[-1]):
        has_more = True  # the outlet's name closing the dateline: "Seoul, South Korea CNN —"
    letters = re.sub(r"[^A-Za-z]", "", place)
    agency = m.group("agency") or m.group("agency_slash") or m.group("agency_b")
    if agency and not (reference.outlet_named(agency) or re.fullmatch(r"[A-Z][A-Za-z .&-]+", agency)):
        return False
    sep = m.group("sep").strip(" .")
    if m.end() == len(m.string) and not m.group("sep"):
        # a line of its own with nothing after the date: "SEOUL, AUGUST 15"
        return bool(m.group("date")) and letters.isupper() and len(letters) >= 3
    if not sep and not (m.group("agency") or m.group("agency_slash") or m.group("agency_b")):
        return False
    if sep == ":":
        return letters.isupper() and len(letters) >= 3 or has_more
    return (letters.isupper() and len(letters) >= 3) or has_more


def find_dateline(text: str) -> re.Match[str] | None:
    """The dateline at the start of a paragraph, if there is one."""
    m = _DATELINE.match(text)
    return m if _dateline_ok(m) else None


def split_lines(doc: Document) -> list[Line]:
    lines, pos = [], 0
    for i, raw in enumerate(doc.text.split("\n")):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        lines.append(
            Line(
                i,
                pos + lead,
                pos + lead + len(stripped),
                stripped,
                "blank" if not stripped else "body",
            )
        )
        pos += len(raw) + 1
    return lines


def classify(doc: Document) -> CleanDoc:
    """Classify each line of ``doc`` and assemble its body. Pure: the document is not changed."""
    lines = split_lines(doc)
    content = [ln for ln in lines if ln.cls != "blank"]
    for ln in content:
        _first_pass(ln)
    _mark_duplicates(content)
    _markers_above_the_story(content)
    header_end = _header_end(content)
    cd = CleanDoc(doc, lines)
    _classify_header(cd, content[: header_end + 1] if header_end >= 0 else [])
    _classify_body(cd, content[header_end + 1 :])
    _assemble(cd)
    return cd


def _first_pass(ln: Line) -> None:
    core = _core(ln.text)
    if not core:
        ln.cls, ln.reason = "navigation", "symbol or bullet only"
        return
    if len(core) > FURNITURE_MAX_CHARS and not _END_RULE_START.match(core):
        return  # page furniture is short: a long line is story text (and long lines make some rules slow)
    if _ROLE_LINE.search(core) and _looks_like_name(core):
        ln.cls, ln.reason = "byline", "a name with the writer's role"
        return
    if _WEB_ADDRESS.match(core):
        ln.cls, ln.reason = "navigation", "a web address"
        return
    m = _BYLINE.match(core)
    if m and (_name_like(m.group("name")) or _name_like(re.split(r"\s+[|·•]\s+", m.group("name"))[0])):
        ln.cls, ln.reason = "byline", "starts with 'By'"  # before the menu test: "By Greg Norton | Fox News"
        return
    if _menu(core):
        ln.cls, ln.reason = "navigation", "menu of short links"
        return
    found = _date_line(core)
    if found:
        reason, leftover = found
        if len(leftover) >= 2 and _NAME_WORDS.fullmatch(" ".join(leftover)) and not _nav_word(leftover):
            ln.cls, ln.reason = "byline", f"a name with the {reason}"
        else:
            ln.cls, ln.reason = "date", reason
        return
    rule = _furniture(core)
    if rule:
        ln.cls, ln.reason = rule.cls, rule.reason
        if rule.end_of_story:
            ln.reason += " (end of story)"
        return
    if reference.outlet_named(core):
        ln.cls, ln.reason = "navigation", "masthead: the name of an outlet"
        return
    first = core.split()[0] if len(words(core)) <= 4 else ""
    if first and reference.outlet_named(first, kind="agency") and not is_sentence(core):
        ln.cls, ln.reason = "byline", "agency credit"
        return
    crumbs = breadcrumb_prefix(core)
    if crumbs and not words(core[crumbs:]):
        ln.cls, ln.reason = "navigation", "breadcrumb trail"


def _mark_duplicates(content: list[Line]) -> None:
    """A line printed twice in a row is a caption (or a repeated title); keep the first copy's class."""
    for prev, ln in zip(content, content[1:], strict=False):
        if ln.text == prev.text and ln.cls == "body":
            if is_title_like(ln.text):
                ln.cls, ln.reason = "navigation", "repeats the line above"
            else:
                prev.cls, prev.reason = "caption", "printed twice in a row (photo caption)"
                ln.cls, ln.reason = "caption", "printed twice in a row (photo caption)"


_HEADER_META = frozenset({"date", "byline", "share", "caption", "navigation", "author", "footer"})
_ROLE_LINE = Prefiltered(
    re.compile(
        r"(?:\||,|-|–|—)\s*(?:senior |chief |staff |foreign |political |diplomatic |asia |north korea |seoul |moscow )?"
        r"(?:correspondent|reporter|writer|editor|bureau chief|contributor|columnist)\b",
        re.IGNORECASE,
    )
)


def _markers_above_the_story(content: list[Line]) -> None:
    """An end-of-story marker above the first paragraph ("More From NBC" in a menu) ends nothing.

    It is a link in the page's navigation when story paragraphs follow it and none came before.
    """
    prose = [_is_prose(ln.text) and ln.cls == "body" for ln in content]
    if sum(prose) < 2:
        return
    for ln in content[: prose.index(True)]:  # every paragraph is below these lines
        if ln.cls == "footer" and ln.reason.endswith("(end of story)"):
            ln.cls, ln.reason = "navigation", "end-of-story marker above the story: a menu link"


def _header_end(content: list[Line]) -> int:
    """Index in ``content`` of the last line of the page header (title, dek, date, byline, captions)."""
    end, prose = -1, 0
    for i, ln in enumerate(content):
        if ln.cls == "footer" and (prose or ln.reason.endswith("(end of story)")):
            break  # a footer line after the story has begun, or "Related Articles", ends the header
        if ln.cls in _HEADER_META:
            if prose <= 2:
                end = i
            continue
        if find_dateline(ln.text):
            break
        if _is_prose(ln.text):
            prose += 1
            if prose > 2:
                break
        elif prose == 0:
            end = i  # everything above the first paragraph belongs to the header
    return end


def _classify_header(cd: CleanDoc, header: list[Line]) -> None:
    for ln in header:
        if (
            cd.headline is not None
            and ln.reason.startswith("masthead")
            and reference.outlet_named(ln.text, kind="agency")
        ):
            ln.cls, ln.reason = "byline", "agency credit"
        if ln.cls != "body":
            continue
        core = _core(ln.text)
        crumbs = breadcrumb_prefix(core)
        if (
            cd.headline is None
            and _looks_like_masthead(core)
            and (
                any(x.cls == "body" and x.index > ln.index and is_title_like(x.text) for x in header)
                or re.search(r"\s[\w-]+\.(?:com|org|net|ru|kr|kp|cn|jp)$", core)  # "TASS Russian News Agency  tass.com"
            )
        ):
            ln.cls, ln.reason = "navigation", "masthead: a publication's name above the headline"
            continue
        if cd.headline is not None and _looks_like_name(core):
            ln.cls, ln.reason = "byline", "a person's name under the headline"
            continue
        if cd.headline is None and is_title_like(core[crumbs:] if crumbs else core):
            later = [x for x in header if x.index > ln.index and x.cls == "body"]
            if not crumbs and later and (one := breadcrumb_prefix(core, 1)):
                crumbs = one if _core(later[0].text) == core[one:].strip() else 0  # "North KoreaKim Jong-un calls …"
            rest = core[crumbs:].strip()
            if crumbs and later and _core(later[0].text) == rest:
                ln.cls, ln.reason = "navigation", "breadcrumb trail glued to the headline below"
                continue
            ln.cls = "headline"
            ln.reason = "first title-like line of the page header"
            if crumbs:
                ln.reason += f" (breadcrumb trail {core[:crumbs]!r} cut off)"
            title = _without_leading_symbols(rest if crumbs else core)  # "‼️ Kim sends …": no emoji
            if kicker := _KICKER.match(title):
                title = title[kicker.end() :]
                ln.reason += f" (label {kicker.group(0).strip()!r} cut off)"
            cd.headline, cd.headline_text = ln, title
        elif cd.headline is None and len(words(core)) <= 2:
            ln.cls, ln.reason = "navigation", "section label above the headline"
        elif cd.headline is not None and _is_prose(core):
            ln.cls, ln.reason = "standfirst", "summary between the headline and the story"
        elif cd.headline is not None and is_title_like(core):
            ln.cls, ln.reason = "standfirst", "second title line under the headline"
        else:
            ln.cls, ln.reason = "navigation", "short line in the page header"


def _classify_body(cd: CleanDoc, body: list[Line]) -> None:
    ended = None
    seen_paragraphs: set[str] = set()
    prose_idx = [i for i, ln in enumerate(body) if ln.cls == "body" and _is_prose(ln.text)]
    last_prose = prose_idx[-1] if prose_idx else -1
    first_prose = prose_idx[0] if prose_idx else len(body)
    for i, ln in enumerate(body):
        if ended is not None:
            if ln.cls in ("body", "footer", "navigation", "share", "caption", "date"):
                ln.cls, ln.reason = "footer", f"after the end-of-story marker {ended!r}"
            continue
        if ln.cls == "footer" and ln.reason.endswith("(end of story)"):
            ended = ln.text
            continue
        if ln.cls == "footer" and ln.reason.startswith("link to another") and len(words(ln.text)) <= 3:
            nxt = body[i + 1] if i + 1 < len(body) else None
            if nxt is not None and nxt.cls == "body" and nxt.index == ln.index + 1 and not _is_prose(nxt.text):
                nxt.cls, nxt.reason = "footer", f"linked headline after {ln.text!r}"
            continue
        if ln.cls != "body":
            continue
        core = _core(ln.text)
        if cd.headline is None and i < first_prose and not _is_prose(core) and not find_dateline(core):
            if is_title_like(core):
                ln.cls, ln.reason = "headline", "title-like line above the first paragraph"
                cd.headline, cd.headline_text = ln, core
            else:
                ln.cls, ln.reason = "navigation", "short line above the first paragraph"
        elif 0 <= last_prose < i and not is_sentence(core) and len(words(core)) < 6:
            ln.cls, ln.reason = "footer", SIGNATURE_REASON
        elif core.isupper() and len(words(core)) >= 5 and not _is_prose(core) and 0 <= first_prose < i < last_prose:
            ln.cls, ln.reason = "footer", "a linked headline in capitals between paragraphs"
        elif not _is_prose(core) and is_title_like(core) and 0 <= first_prose < i < last_prose:
            ln.cls, ln.reason = "subheading", "title-like line between paragraphs"
        elif len(words(core)) >= 8 and core in seen_paragraphs:
            ln.cls, ln.reason = "duplicate", "paragraph printed twice"
        else:
            ln.reason = ln.reason or "story text"
            seen_paragraphs.add(core)
    if cd.headline is not None:
        _drop_repeated_standfirst(cd)
    _split_site_name(cd)


_SITE_SUFFIX = re.compile(r"\s+[|–—]\s+(?P<site>[^|–—]{2,60})$|\s+-\s+(?P<site2>(?:[^-]|(?<=\w)-(?=\w)){2,60})$")
"""" | The Example Times" or " - The Dong-A Ilbo" (a hyphen inside the name) closing a page title."""


def _split_site_name(cd: CleanDoc) -> None:
    """A page title "Headline | The Example Times" keeps its headline; the site name goes to ``site_name``."""
    if not cd.headline_text:
        return
    m = _SITE_SUFFIX.search(cd.headline_text)
    if not m:
        return
    site = (m.group("site") or m.group("site2")).strip()
    if reference.outlet_named(site) or _looks_like_masthead(site):
        cd.headline_text, cd.site_name = cd.headline_text[: m.start()].strip(), site


def _drop_repeated_standfirst(cd: CleanDoc) -> None:
    body_text = " ".join(ln.text for ln in cd.lines if ln.cls == "body")
    for ln in cd.lines:
        if ln.cls == "standfirst" and ln.text in body_text:
            ln.cls, ln.reason = "duplicate", "standfirst repeated in the story"


def _assemble(cd: CleanDoc) -> None:
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos, prev_index = 0, None
    first = True
    for ln in cd.lines:
        if ln.cls not in BODY_CLASSES:
            continue
        start, text = ln.start, ln.text
        if first and ln.cls == "body":
            first = False
            m = find_dateline(text)
            if m:
                agency = m.group("agency") or m.group("agency_slash") or m.group("agency_b")
                date_start = ln.start + m.start("date") if m.group("date") else None
                place = m.group("place")
                if place.endswith(".") and "." not in place[:-1]:
                    place = place[:-1]  # "VLADIVOSTOK. April 25 (Interfax) -"
                cd.dateline = Dateline(
                    m.group(0).strip(),
                    place,
                    m.group("date"),
                    agency,
                    ln.start,
                    ln.start + m.end(),
                    date_start,
                )
                start, text = ln.start + m.end(), text[m.end() :]
                ln.reason = "story text (after the dateline)"
                if not text:  # a dateline on a line of its own ("Seoul, South Korea CNN —")
                    ln.reason = "dateline on a line of its own"
                    prev_index = ln.index
                    continue
        if ln.cls == "body" and (end := _END_MARK.search(text)):
            text = text[: end.start()]
            ln.reason += f" (end mark {end.group(0).strip()!r} dropped)"
        if parts:
            sep = "\n" if prev_index is not None and ln.index == prev_index + 1 else "\n\n"
            parts.append(sep)
            pos += len(sep)
        segments.append((pos, start, len(text)))
        parts.append(text)
        pos += len(text)
        prev_index = ln.index
    cd.body, cd.segments = "".join(parts), segments
