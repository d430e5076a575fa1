"""Classify every line of a page (headline, byline, date, caption, navigation, share, footer, body…) with a reason.

The body is what is left: the story's paragraphs, with a map from body offsets back to
offsets in the document's text, so every later fact can point at its evidence.
"""

from __future__ import annotations

import re

from ..corpus.document import Document
from ..text import reference
from ..text.matching import Prefiltered
from .lines import (
    KICKER,
    SIGNATURE_REASON,
    bare,
    breadcrumb_prefix,
    classify_line,
    find_dateline,
    is_caption,
    is_prose,
    is_sentence,
    is_title_like,
    looks_like_masthead,
    looks_like_name,
    parse_dateline,
    without_leading_symbols,
    words,
)
from .values import DATELINE_PARAGRAPHS, INDEX_REASON, OTHER_STORIES_REASON, WEB_ADDRESS_REASON, CleanDoc, Line

_END_MARK = Prefiltered(re.compile(r"\s+(?:Enditem|\(END\)|-{2,}\s*end\s*-{2,})\s*$", re.IGNORECASE))
_TRAILING_SOURCE = Prefiltered(
    re.compile(
        r"(?<=[.!?”\"])\s+(?:Original\s+)?(?i:source)(?:\s+from)?\s*:?\s+(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?\.?\s*$"
    )
)
"""A credit closing a paragraph after its last sentence: "… in September. Source from the Yonhap."."""
_LEADING_SOURCE = re.compile(
    r"^\s*(?:\((?-i:[A-Z])[\w.&]*\s*-\s*(?-i:[A-Z])[\w.&]*\)|(?:Источник|Source|Fuente|Quelle)\s*:?\s+[\w-]+(?:\.[\w-]+)+)\s+(?=\S)",
    re.IGNORECASE,
)
"""A syndicator's or source's credit opening a paragraph before its dateline or first sentence: "(MENAFN- IANS) Seoul,
Aug 4 (IANS) …", "Источник rbc.ru “On the occasion …"."""


BODY_CLASSES = frozenset({"body", "subheading", "standfirst"})
"""Line classes whose text makes up the body."""


_INDEX_LINE = re.compile(r"date (?P<day>\d{4}-\d{2}(?:-\d{2})?)(?=\s|$)")
"""The index line some saved pages open with (" date 2019-04-20 …"): a date the saving tool wrote, glued to
the page's first line; it is cut off as a line of its own."""


_GLUED_CAPTION = re.compile(
    r"^(?P<caption>.{3,300}?(?:©\s*[A-Z][\w.]*(?:\s*/\s*[A-Z][\w.]*)*|\bPhotos?\s*:\s*[A-Z][\w.]*(?:\s*/\s*[A-Z][\w.]*)*))"
    r"\s+[–—-]\s+(?=[A-Z])"
)
"""A photo's caption and credit glued to the story's first words by a dash ("Kim Jong Un. © REUTERS / KCNA – North
Korean leader …"): the caption is a line of its own."""


_GLUED_STAMP = re.compile(
    r"\s{2,}(?P<stamp>(?i:date|published|posted|updated|time)\s*:\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
"""A page's time stamp glued after its title by a run of spaces ("Headline     DATE: 2024-09-21 00:34:19")."""


def split_lines(doc: Document) -> list[Line]:
    """The lines of the page; an index line opening the first one, and a caption glued to the story's first words,
    are lines of their own (same line number)."""
    lines, pos, first = [], 0, True
    for i, raw in enumerate(doc.text.split("\n")):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        index = _INDEX_LINE.match(stripped) if first and stripped else None
        first = first and not stripped
        if index:
            lines.append(Line(i, pos + lead, pos + lead + index.end(), index.group(0), "date", INDEX_REASON))
            rest = stripped[index.end() :]
            lead, stripped = lead + index.end() + len(rest) - len(rest.lstrip()), rest.strip()
        stamp = _GLUED_STAMP.search(stripped)
        if stamp and stamp.start() > 0:  # "Headline     DATE: 2024-09-21 00:34:19": the stamp is a line of its own
            head = stripped[: stamp.start()].rstrip()
            lines.append(Line(i, pos + lead, pos + lead + len(head), head, "body"))
            lines.append(
                Line(
                    i, pos + lead + stamp.start("stamp"), pos + lead + stamp.end("stamp"), stamp.group("stamp"), "body"
                )
            )
            pos += len(raw) + 1
            continue
        glued = _GLUED_CAPTION.match(stripped)
        if glued:
            caption = glued.group("caption")
            lines.append(Line(i, pos + lead, pos + lead + len(caption), caption, "body"))
            lead, stripped = lead + glued.end(), stripped[glued.end() :]
        lines.append(Line(i, pos + lead, pos + lead + len(stripped), stripped, "blank" if not stripped else "body"))
        pos += len(raw) + 1
    return lines


def classify(doc: Document) -> CleanDoc:
    """Classify each line of ``doc`` and assemble its body. Pure: the document is not changed."""
    lines = split_lines(doc)
    content = [ln for ln in lines if ln.cls != "blank"]
    for ln in content:
        if ln.reason != INDEX_REASON:
            classify_line(ln)
    _mark_duplicates(content)
    _markers_above_the_story(content)
    header_end = _header_end(content)
    cd = CleanDoc(doc, lines)
    _classify_header(cd, content[: header_end + 1] if header_end >= 0 else [])
    _classify_body(cd, content[header_end + 1 :])
    _story_below_a_list_of_others(cd, content)
    _assemble(cd)
    return cd


_OTHER_STORIES = OTHER_STORIES_REASON


def _story_below_a_list_of_others(cd: CleanDoc, content: list[Line]) -> None:
    """A title printed twice in a row, the second time behind its breadcrumb trail ("Kim Sends …" then
    "NorthKoreaKim Sends …"), is the story's own title when more of the story follows it than stood above it:
    the titles and summaries above are teasers of other stories, the first of them taken for the headline.
    """
    if cd.headline is None:
        return
    prose: list[bool] | None = None
    for k in range(len(content) - 1):
        a, b = content[k], content[k + 1]
        if a is cd.headline or a.index < cd.headline.index or a.cls not in ("body", "subheading"):
            continue
        if len(a.text) < 20 or b.text.rstrip(" .!?:;,")[-12:].lower() != a.text.rstrip(" .!?:;,")[-12:].lower():
            continue  # (cheap test first: the second printing ends as the first)
        key_a, key_b = same_text_key(bare(a.text)), same_text_key(bare(b.text))
        if not is_title_like(a.text) or len(key_a) < 20 or not key_b.endswith(key_a) or key_b == key_a:
            continue
        glued = bare(b.text)[: len(bare(b.text)) - len(bare(a.text))]
        if not glued or len(words(glued)) > 3 or " " in glued.strip() and not breadcrumb_prefix(bare(b.text), 1):
            continue
        prose = prose or [ln.cls == "body" and is_prose(ln.text) for ln in content]
        before, after = sum(prose[:k]), sum(prose[k + 2 :])
        if not (1 <= before <= 5 and after > before):
            continue
        for ln in content[:k]:
            if ln.index >= cd.headline.index and ln.cls in ("headline", "body", "subheading", "standfirst"):
                ln.cls, ln.reason = "navigation", _OTHER_STORIES
        a.cls, a.reason = "headline", "title printed again below with its breadcrumb trail: the story's own"
        b.cls, b.reason = "navigation", "breadcrumb trail glued to the headline above"
        cd.headline, cd.headline_text = a, without_leading_symbols(bare(a.text))
        return


def same_text_key(text: str) -> str:
    """How two printings of one line compare: case, quote marks, spaces and closing punctuation aside."""
    t = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", t).strip().rstrip(".!?:;,").strip()


_PRINTED_AGAIN = "the page's first line, printed again below it (its title)"


def _mark_duplicates(content: list[Line]) -> None:
    """A line printed twice in a row is a caption (or a repeated title); keep the first copy's class.

    Printings compare by ``same_text_key``; a title printed again over several short lines (a page's
    large-type headline broken in three) is a repeat too.
    """
    for prev, ln in zip(content, content[1:], strict=False):
        if ln.cls == "body" and same_text_key(ln.text) == same_text_key(prev.text):
            if is_title_like(ln.text) or prev is content[0]:  # the page's title printed again as it opens
                ln.cls, ln.reason = "navigation", "repeats the line above"
                if prev is content[0]:
                    prev.reason = _PRINTED_AGAIN
            else:
                prev.cls, prev.reason = "caption", "printed twice in a row (photo caption)"
                ln.cls, ln.reason = "caption", "printed twice in a row (photo caption)"
    for k, ln in enumerate(content[:12]):
        key = same_text_key(ln.text)
        for n in range(2, 6):
            run = content[k + 1 : k + 1 + n]
            if len(run) < n or any(x.cls != "body" for x in run):
                break
            joined = same_text_key(" ".join(x.text for x in run))
            if joined == key:
                for x in run:
                    x.cls, x.reason = "navigation", "repeats a title above over several lines"
                break
            if not key.startswith(joined):
                break


_HEADER_META = frozenset({"date", "byline", "share", "caption", "navigation", "author", "footer"})


def _markers_above_the_story(content: list[Line]) -> None:
    """An end-of-story marker above the first paragraph ("More From NBC" in a menu) ends nothing.

    It is a link in the page's navigation when story paragraphs follow it and none came before.
    """
    prose = [is_prose(ln.text) and ln.cls == "body" for ln in content]
    if sum(prose) < 2:
        return
    for k, ln in enumerate(content):
        if not (ln.cls == "footer" and ln.reason.endswith("(end of story)")):
            continue
        before, after = sum(prose[:k]), sum(prose[k + 1 :])
        if before == 0 or (after >= 3 and after > 2 * before):
            # above every paragraph, or over most of the story ("Latest News" between the summary and the story)
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
        if is_prose(ln.text):
            prose += 1
            if prose > 2:
                break
        elif prose == 0:
            end = i  # everything above the first paragraph belongs to the header
    return end


CRUMBS_MAX_WORDS = 4
"""A trail this short before a title that the next line prints alone is the site's breadcrumbs."""
LEDE_MIN_WORDS = 25
"""A paragraph this long above the page's first caption or date is the story's, not page furniture."""


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
        core = bare(ln.text)
        crumbs = breadcrumb_prefix(core)
        if (
            cd.headline is None
            and looks_like_masthead(core)
            and (
                any(x.cls == "body" and x.index > ln.index and is_title_like(x.text) for x in header)
                or re.search(r"\s[\w-]+\.(?:com|org|net|ru|kr|kp|cn|jp)$", core)  # "TASS Russian News Agency  tass.com"
            )
        ):
            ln.cls, ln.reason = "navigation", "masthead: a publication's name above the headline"
            continue
        if cd.headline is not None and looks_like_name(core) and not is_prose(core):
            ln.cls, ln.reason = "byline", "a person's name under the headline"
            continue
        if cd.headline is None and _topic_tag(ln, core, header):
            ln.cls, ln.reason = "navigation", "a name alone above the headline (a topic tag)"
            continue
        if cd.headline is None and (is_title_like(core[crumbs:] if crumbs else core) or ln.reason == _PRINTED_AGAIN):
            later = [x for x in header if x.index > ln.index and x.cls == "body"]
            crumbs = crumbs or _crumbs_before_title_below(core, later)
            rest = core[crumbs:].strip()
            if crumbs and later and bare(later[0].text) == rest:
                ln.cls, ln.reason = "navigation", "breadcrumb trail glued to the headline below"
                continue
            ln.cls = "headline"
            ln.reason = "first title-like line of the page header"
            if crumbs:
                ln.reason += f" (breadcrumb trail {core[:crumbs]!r} cut off)"
            title = without_leading_symbols(rest if crumbs else core)  # "‼️ Kim sends …": no emoji
            title = re.sub(r"\s*\(\W*\)$", "", title)  # "… to Putin (-)": an empty bracket after it
            if kicker := KICKER.match(title):
                title = title[kicker.end() :]
                ln.reason += f" (label {kicker.group(0).strip()!r} cut off)"
            cd.headline, cd.headline_text = ln, title
        elif cd.headline is None and len(words(core)) <= 2:
            ln.cls, ln.reason = "navigation", "section label above the headline"
        elif cd.headline is None and is_prose(core) and len(words(core)) >= LEDE_MIN_WORDS:
            ln.reason = "story text (a page that opens with its first paragraph)"
        elif cd.headline is not None and is_caption(core) and not find_dateline(core):
            ln.cls, ln.reason = "caption", "describes a photograph (under the headline)"
        elif cd.headline is not None and is_prose(core):
            ln.cls, ln.reason = "standfirst", "summary between the headline and the story"
        elif cd.headline is not None and is_title_like(core) and _title_case(core):
            ln.cls, ln.reason = "navigation", "another headline in title case under the headline (a link)"
        elif cd.headline is not None and is_title_like(core):
            ln.cls, ln.reason = "standfirst", "second title line under the headline"
        else:
            ln.cls, ln.reason = "navigation", "short line in the page header"


def _crumbs_before_title_below(core: str, later: list[Line]) -> int:
    """How much of ``core`` is a trail glued before a title the next header line prints alone ("North KoreaKim
    Jong-un calls …", "Home अन्तर्राष्ट्रीय North Korea’s Kim …"); 0 if none."""
    if not later:
        return 0
    below = bare(later[0].text)
    if (one := breadcrumb_prefix(core, 1)) and below == core[one:].strip():
        return one
    if below and core.endswith(below) and 0 < len(core[: len(core) - len(below)].split()) <= CRUMBS_MAX_WORDS:
        return len(core) - len(below)
    return 0


def _topic_tag(ln: Line, core: str, header: list[Line]) -> bool:
    """ "Kim Jong Un" alone above the headline: the page's tag for its subject, when a longer title follows."""
    return looks_like_name(core) and any(
        x.cls == "body" and x.index > ln.index and is_title_like(x.text) and len(words(x.text)) > 4 for x in header
    )


def _title_case(text: str) -> bool:
    """Most words of four letters or more capitalised, as in a headline ("Trump Calls China Trying to Foil …")."""
    long = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text)[1:] if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) / len(long) >= 0.6


def _classify_body(cd: CleanDoc, body: list[Line]) -> None:
    ended = None
    seen_paragraphs: set[str] = set()
    prose_idx = [i for i, ln in enumerate(body) if ln.cls == "body" and is_prose(ln.text)]
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
            if nxt is not None and nxt.cls == "body" and nxt.index == ln.index + 1 and not is_prose(nxt.text):
                nxt.cls, nxt.reason = "footer", f"linked headline after {ln.text!r}"
            continue
        if ln.cls != "body":
            continue
        core = bare(ln.text)
        if is_caption(core) and not find_dateline(core):
            ln.cls, ln.reason = "caption", "describes a photograph (who is pictured, in the present tense)"
            continue
        if cd.headline is None and i < first_prose and not is_prose(core) and not find_dateline(core):
            if is_title_like(core):
                ln.cls, ln.reason = "headline", "title-like line above the first paragraph"
                cd.headline, cd.headline_text = ln, core
            else:
                ln.cls, ln.reason = "navigation", "short line above the first paragraph"
        elif 0 <= last_prose < i and not is_sentence(core) and len(words(core)) < 6:
            ln.cls, ln.reason = "footer", SIGNATURE_REASON
        elif core.isupper() and len(words(core)) >= 5 and not is_prose(core) and 0 <= first_prose < i < last_prose:
            ln.cls, ln.reason = "footer", "a linked headline in capitals between paragraphs"
        elif not is_prose(core) and is_title_like(core) and 0 <= first_prose < i < last_prose:
            ln.cls, ln.reason = "subheading", "title-like line between paragraphs"
        elif len(words(core)) >= 8 and core in seen_paragraphs:
            ln.cls, ln.reason = "duplicate", "paragraph printed twice"
        else:
            ln.reason = ln.reason or "story text"
            seen_paragraphs.add(core)
    _trailing_links(body)
    if cd.headline is not None:
        _drop_repeated_standfirst(cd)
    _split_site_name(cd)


_FUNCTION_WORDS = frozenset(
    "a an the of to in on at for with by from and or but as that which who is are was were be has have had its their his her".split()
)


_OPENS_WITH_DATE = re.compile(
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:19|20)\d\d\b"
)


def _a_headline(text: str) -> bool:
    """Six words or more, capitalised, ending on a word without punctuation, and not a line broken off mid-sentence
    (a line of a hard-wrapped paragraph ends on "the" or "of", or the next begins in lower case)."""
    ws = words(text)
    if _OPENS_WITH_DATE.match(text):
        return False  # a fact box's entry ("Oct. 12, 1948 Moscow and Pyongyang establish diplomatic ties")
    return (
        len(ws) >= 6
        and text[:1].isupper()
        and not is_sentence(text)
        and text.rstrip()[-1:].isalnum()
        and (ws[-1].lower() not in _FUNCTION_WORDS)
    )


def _trailing_links(body: list[Line]) -> None:
    """Headlines of other stories closing the page, with their teasers: from a line of six words or more that ends
    without punctuation to the end of the page, when such lines are half the block and the story came before
    (a subheading in the story is followed by paragraphs, not by more headlines)."""
    story = [ln for ln in body if ln.cls in ("body", "subheading")]
    unpunctuated = [
        _a_headline(ln.text) and (k + 1 == len(story) or story[k + 1].text[:1].isupper()) for k, ln in enumerate(story)
    ]
    last = max((k for k, x in enumerate(unpunctuated) if x), default=-1)
    for j in range(2, last):
        block = unpunctuated[j : last + 1]
        if unpunctuated[j] and 2 * sum(block) >= len(block) and sum(block) >= 2 and last >= len(story) - 2:
            for ln in story[j : last + 1]:
                ln.cls, ln.reason = "footer", "headlines of other stories after the story"
            return


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
    o = reference.outlet_named(site)
    if o is not None and o.kind == "agency" and _cited_in_story(cd, o):
        return  # "Putin sends Kim congratulations - KCNA" over a story that cites KCNA: the headline's source
    if o or looks_like_masthead(site):
        cd.headline_text, cd.site_name = cd.headline_text[: m.start()].strip(), site


def _cited_in_story(cd: CleanDoc, agency: reference.Outlet) -> bool:
    """Does the story name ``agency`` as a source of what it tells, not as its own credit ("(Reuters) -",
    "/TASS/")?"""
    body = [ln.text for ln in cd.lines if ln.cls == "body"]
    credited = any(re.search(rf"[(/]\s*(?:{agency.pattern.pattern})\s*[)/]\s*[-–—.:]", t) for t in body)
    if credited:
        return False
    if any(agency.pattern.search(t) for t in body):
        return True
    # the page's own address (on the index line, above the headline) is another outlet's: the headline's source
    top = cd.headline.index if cd.headline is not None else 0
    for ln in cd.lines:
        if ln.index <= top and ln.reason in (INDEX_REASON, WEB_ADDRESS_REASON):
            for d in _URL_HOST.finditer(ln.text):
                o = reference.outlet_by_domain(d.group("host"))
                if o is not None and o.name != agency.name:
                    return True
    return False


_URL_HOST = re.compile(r"https?://(?:www\.)?(?P<host>[\w.-]+)")


def _drop_repeated_standfirst(cd: CleanDoc) -> None:
    body_text = " ".join(ln.text for ln in cd.lines if ln.cls == "body")
    for ln in cd.lines:
        if ln.cls == "standfirst" and ln.text in body_text:
            ln.cls, ln.reason = "duplicate", "standfirst repeated in the story"


def _assemble(cd: CleanDoc) -> None:
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos, prev_index = 0, None
    tries = DATELINE_PARAGRAPHS
    blank: tuple[int, int] | None = None  # the dateline's place in the body
    for ln in cd.lines:
        if ln.cls not in BODY_CLASSES:
            continue
        start, text = ln.start, ln.text
        if ln.cls == "body" and (lead := _LEADING_SOURCE.match(text)):
            start, text = start + lead.end(), text[lead.end() :]
            ln.reason += f" (source credit {lead.group(0).strip()!r} dropped)"
        dateline_length = 0
        if tries and ln.cls == "body" and cd.dateline is None:
            tries -= 1  # a dateline opens the story, which a standfirst paragraph may precede
            dateline = parse_dateline(text, start)
            if dateline:
                cd.dateline = dateline
                dateline_length = dateline.end - start
                ln.reason = "story text (its dateline kept as printed, not read as story)"
                if not text[dateline_length:].strip():  # a dateline on a line of its own ("Seoul, South Korea CNN —")
                    ln.reason = "dateline on a line of its own"
                    prev_index = ln.index
                    continue
        if ln.cls == "body" and (end := _END_MARK.search(text)):
            text = text[: end.start()]
            ln.reason += f" (end mark {end.group(0).strip()!r} dropped)"
        if ln.cls == "body" and (end := _TRAILING_SOURCE.search(text)):
            text = text[: end.start()]
            ln.reason += f" (source credit {end.group(0).strip()!r} dropped)"
        if parts:
            sep = "\n" if prev_index is not None and ln.index == prev_index + 1 else "\n\n"
            parts.append(sep)
            pos += len(sep)
        if dateline_length:
            blank = (pos, pos + dateline_length)
        segments.append((pos, start, len(text)))
        parts.append(text)
        pos += len(text)
        prev_index = ln.index
    cd.body, cd.segments = "".join(parts), segments
    cd.story = cd.body if blank is None else cd.body[: blank[0]] + " " * (blank[1] - blank[0]) + cd.body[blank[1] :]
