"""The media, agencies and institutions a story names as the source of what it reports ("according to KCNA",
"Yonhap reported", "the Kremlin, in a brief statement, said"): the cited sources, with the cue and offsets.

The reporting cues and how far they may stand from the name are in ``data/hedges.toml``
(``[citing]``). A page's own outlet and wire agency are not cited sources.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from ..clean.lines import SIGNED_WITH_SOURCES_REASON
from ..clean.values import CleanDoc
from ..text import reference
from ..text.matching import Indexed, alias_key, cue_regex
from ..text.quotemarks import find_spans, mask
from .entities import Mention, find_mentions
from .values import Citation


def extract_citations(cd: CleanDoc, own: tuple[str | None, ...] = ()) -> list[Citation]:
    """The sources the story's body cites, in order, then the agencies its photo captions credit; the page's own
    outlet and wire agency (``own``) left out."""
    mine = frozenset(o for o in own if o)
    spans, _ = find_spans(cd.story)
    # the story's own words: a source named inside a quotation is the speaker's
    cited = citations(mask(cd.story, spans), mine, shown=cd.story)
    named = {c.cited for c in cited}
    for c in caption_credits(cd):
        if c.cited not in mine and c.cited not in named:
            cited.append(c)
            named.add(c.cited)
    return cited


_CREDIT = re.compile(
    r"(?:\(\s*(?i:file|photo|image|pool)\s*[|/:]\s*(?P<a>[^)|/]{2,40})\)|(?:^|\s|\.)/\s*(?P<b>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})"
    r"|\((?P<c>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})\))\s*$"
)
"""A caption's closing credit: "(File | AP)", "… commission. / Yonhap", "(Yonhap)"."""


def caption_credits(cd: CleanDoc) -> list[Citation]:
    """The agencies and media credited for the page's photographs at the end of a caption ("(File | AP)", "/ Yonhap"),
    and the sources a caption cites ("A picture released by North Korean newspaper Rodong Sinmun shows …")."""
    out = []
    for ln in cd.lines:
        if (ln.cls == "caption" or ln.reason == SIGNED_WITH_SOURCES_REASON) and _citing()[0].search(ln.text):
            # "A picture released by … Rodong Sinmun shows …", a signature "Hoai Phuong (according to KCNA, AFP)"
            out += [
                replace(c, start=ln.start + c.start, end=ln.start + c.end, section="caption")
                for c in citations(ln.text)
            ]
        if ln.cls != "caption" or "©" in ln.text or not (m := _CREDIT.search(ln.text)):
            continue  # a copyright (© REUTERS / KCNA) owns the picture; it is not cited for what is reported
        group = next(g for g in ("a", "b", "c") if m.group(g))
        outlet = reference.outlet_named(m.group(group).strip())
        if outlet is None:
            continue
        start = ln.start + m.start(group)
        out.append(
            Citation(
                outlet.name,
                "agency" if outlet.kind == "agency" else "medium",
                "photo credit",
                start,
                ln.start + m.end(group),
                ln.text.strip(),
                "caption",
            )
        )
    return out


def source_kind(mention: Mention) -> str:
    """agency (a wire service of ``data/outlets.csv``), medium (any other outlet) or institution."""
    if mention.kind == "institution":
        return "institution"
    outlet = reference.outlet_named(mention.canonical)
    return "agency" if outlet is not None and outlet.kind == "agency" else "medium"


@cache
def _citing() -> tuple[re.Pattern[str], re.Pattern[str], int, int]:
    spec = reference.hedges()["citing"]
    return (
        cue_regex(list(spec["before"]), []),
        cue_regex(list(spec["after"]), []),
        int(spec.get("window_before", 45)),
        int(spec.get("window_after", 60)),
    )


@cache
def _inverted() -> re.Pattern[str]:
    return cue_regex(list(reference.hedges()["citing"].get("inverted", [])), [])


_CLOSES_CLAUSE = re.compile(
    r"\s*(?:[,.;:)!?]|$|\s(?:on|in|at|news\s+agency|agency|as\s+saying|quoting|citing|last|this|yesterday|today|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)


@cache
def _outlet_index() -> tuple[Indexed, dict[str, str]]:
    """One pattern for every outlet alias of ``data/outlets.csv`` (tried only where an alias's first word stands),
    and the outlet each alias names."""
    by_alias: dict[str, str] = {}
    for o in reference.outlets():
        for a in o.aliases:
            by_alias.setdefault(alias_key(a), o.name)
    return Indexed.of_aliases(list({a for o in reference.outlets() for a in o.aliases})), by_alias


def _source_mentions(text: str) -> list[Mention]:
    """Gazetteer mentions plus outlet names the gazetteer lacks ("Asahi Shimbun"), in order, without overlaps."""
    found = find_mentions(text)
    taken = sorted((m.start, m.end) for m in found)
    pattern, by_alias = _outlet_index()
    for m in pattern.finditer(text):
        name = by_alias.get(alias_key(m.group(0)))
        k = bisect.bisect_left(taken, (m.end(), m.end()))
        near = [(a, b) for a, b in taken[max(0, k - 3) : k + 1] if a < m.end() and m.start() < b]
        if name and all(m.start() <= a and b <= m.end() and (a, b) != m.span() for a, b in near):
            # "KCNA Watch", "Russia Today": the outlet's whole name, not the agency or country inside it
            found = [x for x in found if (x.start, x.end) not in near]
            taken = [x for x in taken if x not in near]
            found.append(Mention(m.start(), m.end(), m.group(0), name, "media"))
            bisect.insort(taken, (m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


_SPOKES_WORD = r"(?:spokes(?:man|woman|person)|press\s+(?:secretary|service|office)|official|aide|adviser|advisor)"
_SPOKESPERSON = re.compile(rf"(?:the\s+)?(?P<body>.+?)['’]?s?\s+{_SPOKES_WORD}\b", re.I)


_BODY_BEFORE = re.compile(rf"(?P<body>[A-Z][\w’'. -]{{1,40}}?)\s+{_SPOKES_WORD}\s+$")


def _spoken_for(m: Mention, text: str) -> Mention | None:
    """The institution a spokesperson speaks for ("Kremlin spokesman Dmitry Peskov said", "Blue House spokesperson
    Kim Eui-kyeom said", "Kremlin aide Yury Ushakov told reporters" cite the Kremlin and the Blue House)."""
    if m.kind != "person":
        return None
    if not (sp := _SPOKESPERSON.match(m.text)):
        return _body_before(m, text)
    body = next(
        (x for x in find_mentions(sp.group("body")) if x.kind in ("institution", "media") and x.start == 0), None
    )
    if body is None:
        return None
    return Mention(m.start, m.start + body.end, text[m.start : m.start + body.end], body.canonical, body.kind)


def _body_before(m: Mention, text: str) -> Mention | None:
    """ "Blue House spokesperson Kim Eui-kyeom": the institution named before the spokesperson's title."""
    lo = max(0, m.start - 60)
    before = _BODY_BEFORE.search(text, lo, m.start)
    if before is None:
        return None
    name = before.group("body")
    body = next(
        (x for x in find_mentions(name) if x.kind in ("institution", "media") and x.end == len(name)),
        None,
    )
    if body is None:
        return None
    start = before.start("body") + body.start
    return Mention(start, before.start("body") + body.end, body.text, body.canonical, body.kind)


_ITS_DOCUMENT = re.compile(
    r"\s+(?P<noun>resolutions?|statements?|reports?|documents?|communiqu[eé]s?|press\s+releases?|readouts?|dispatch(?:es)?)\b",
    re.I,
)
_THE_DOCUMENT = re.compile(
    r"\s*(?:the|this|that|its)\s+(?:[\w-]+\s+)?(?:resolution|statement|report|document|communiqu[eé]|press\s+release|readout|dispatch)\b",
    re.I,
)
DOCUMENT_REACH = 300
"""How far back (characters) "according to the document" looks for the document it means ("a UN Security Council
Resolution")."""


def _cite_documents(text: str, before: re.Pattern[str], mentions: list[Mention], cited: dict) -> None:
    """ "… violates a UN Security Council Resolution. According to the document, …": the body whose document it is."""
    for cue in before.finditer(text):
        doc = _THE_DOCUMENT.match(text, cue.end())
        if doc is None:
            continue
        owners = [
            m
            for m in mentions
            if m.kind in ("institution", "media")
            and cue.start() - DOCUMENT_REACH <= m.start < cue.start()
            and _ITS_DOCUMENT.match(text, m.end)
        ]
        if owners:
            m = owners[-1]
            cited.setdefault(m.start, (Mention(m.start, m.end, m.text, m.canonical, m.kind), cue))


_APPOSED = re.compile(r"\s*[,(]?\s*(?:the\s+)?")


def _names_a_source(m: Mention) -> bool:
    """A medium or institution the text names, not a state ("North Korea said", "according to Moscow": the story
    tells whose statement it is, not its source) and not a description ("state media", "Russian news agencies")."""
    if m.canonical in reference.country_names():
        return False
    if m.kind == "institution" and _A_BODY.search(m.canonical):
        return True  # "a Russian foreign ministry official": the ministry is named, in lower case
    forms = _country_words()
    return any(w[:1].isupper() for w in re.findall(r"[\w.’'-]+", m.text) if w.lower().strip("’'s") not in forms)


_A_BODY = re.compile(r"\b(?:Ministry|Embassy|Consulate|Committee|Council|Commission)\b")


@cache
def _country_words() -> frozenset[str]:
    return frozenset(w.lower() for c in reference.countries() for f in (*c.names, *c.adjectives) for w in f.split())


def _is_modifier(m: Mention, nxt: Mention | None, text: str) -> bool:
    """ "Russia's" in "Russia's TASS news agency" only qualifies the name after it."""
    return nxt is not None and re.fullmatch(r"['’]s\s+(?:\w+\s+)?", text[m.end : nxt.start]) is not None


_CLAUSE_WORD = r"(?!(?:and|but|or|while|as|that|which|who|whose|where|when|to|in\s+which)\b)\w[\w.’'-]*"


_GAP_BEFORE = re.compile(rf"\s+(?:{_CLAUSE_WORD}\s+){{0,6}}")
"""Between a cue and the name after it: a few words, no comma ("according to a Kremlin press release", "quoted by
North Korean state-run news agency KCNA")."""


_GAP_AFTER = re.compile(rf"\)?\s*(?:{_CLAUSE_WORD}\s+){{0,3}}|['’]s\s+|\s*,[^,.;:!?\n]+,\s*")
"""Between a name and the cue after it: a few words of the same clause ("KCNA) said", "Kremlin has said",
"Yonhap News Agency reported", "KCNA's report"), or one parenthetical ("The Kremlin, in a brief statement on Thursday, said")."""


def _before_its_cue(text: str, m: Mention, cue_at: int) -> bool:
    """Is the name ``m`` the subject of the cue at ``cue_at``: a few words of the same clause apart, or set in
    apposition (", Korean Central News Agency, reported")?"""
    gap = text[m.end : cue_at]
    if _GAP_AFTER.fullmatch(gap):
        return True
    return bool(re.fullmatch(r"\s*,\s*", gap) and re.search(r",\s*(?:the\s+)?$", text[max(0, m.start - 8) : m.start]))


def citations(text: str, own: frozenset[str] = frozenset(), shown: str | None = None) -> list[Citation]:
    """Media and institutions cited in ``text`` next to a reporting cue, in order; names in ``own`` are skipped.

    A cue before a name ("according to", "reported by") goes to the first name after it; a cue
    after a name ("said", "news agency", "press release") to the nearest name before it; both
    within the window of ``data/hedges.toml``, a few words of the same clause apart (or one
    parenthetical: "The Kremlin, in a brief statement on Thursday, said"). A person standing between
    or a pronoun standing between takes the cue ("Kremlin spokesman Dmitry Peskov said" cites a
    person, not a source; "Russia," it added" cites nobody).
    Each name is cited once however many cues stand next to it. ``shown`` is the text the evidence quotes
    (``text`` with its quotations blanked is what is read).
    """
    before, after, win_before, win_after = _citing()
    found = _source_mentions(text)
    countries = reference.country_names()
    mentions = [
        m
        for i, m in enumerate(found)
        if not _is_modifier(m, found[i + 1] if i + 1 < len(found) else None, text) and m.canonical not in countries
    ]  # a state is never the source ("according to North Korea state newspaper Rodong Sinmun": the paper is)
    inside = [(m.start, m.end) for m in found]

    def free(cue: re.Match[str]) -> bool:  # a cue inside a name ("Yonhap News Agency") is part of the name
        return not any(a < cue.end() and cue.start() < b for a, b in inside)

    cited: dict[int, tuple[Mention, re.Match[str]]] = {}
    for cue in filter(free, before.finditer(text)):
        nxt = next((m for m in mentions if m.start >= cue.end()), None)
        if nxt and _GAP_BEFORE.fullmatch(text[cue.end() : nxt.start]) and nxt.start - cue.end() <= win_before:
            cited.setdefault(nxt.start, (nxt, cue))
    for cue in filter(free, _inverted().finditer(text)):
        nxt = next((m for m in mentions if m.start >= cue.end()), None)
        if nxt and _GAP_BEFORE.fullmatch(text[cue.end() : nxt.start]) and nxt.start - cue.end() <= win_before:
            if _CLOSES_CLAUSE.match(text, nxt.end):  # "…, reports KCNA." not "said Russia would"
                cited.setdefault(nxt.start, (nxt, cue))
    for cue in filter(free, after.finditer(text)):
        prev = next((m for m in reversed(mentions) if m.end <= cue.start()), None)
        if prev and _before_its_cue(text, prev, cue.start()) and cue.start() - prev.end <= win_after:
            cited.setdefault(prev.start, (prev, cue))
    _cite_documents(text, before, mentions, cited)
    out = []
    for _, (m, cue) in sorted(cited.items()):
        m = _spoken_for(m, text) or m
        if not _names_a_source(m):  # "the North's state news agency, KCNA": the name in apposition
            m = next(
                (
                    x
                    for x in found
                    if x.start >= m.end and x.canonical == m.canonical and _APPOSED.fullmatch(text[m.end : x.start])
                ),
                m,
            )
        if m.kind in ("media", "institution") and m.canonical not in own and _names_a_source(m):
            start, end = min(m.start, cue.start()), max(m.end, cue.end())
            evidence = re.sub(r"\s+", " ", (shown or text)[start:end])
            out.append(Citation(m.canonical, source_kind(m), cue.group(0), start, end, evidence))
    return out
