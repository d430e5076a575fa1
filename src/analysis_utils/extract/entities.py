"""Who is mentioned where: people, institutions, media, roles ("the Russian president") and pronouns.

Names come out canonical through the gazetteer in ``data/people.csv`` and ``data/roles.csv``
(Kim Jong-un, Kim Jong-Un, "the North Korean leader" → Kim Jong Un).
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..text import data, reference
from ..text.matching import Indexed, Prefiltered, alias_key, phrase_pattern


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    canonical: str
    kind: str  # person | institution | media | pronoun | document


@dataclass(frozen=True)
class Role:
    canonical: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    phrase: str  # matched through role_index()


_DEFINITE = Prefiltered(
    re.compile(
        r"\bthe\s+(?P<noun>ministry|department|agency|office|spokes(?:man|woman|person)|official|analyst|researcher|professor|expert|diplomat|envoy)\b(?!\s+(?-i:[A-Z]))",
        re.IGNORECASE,
    )
)


_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)


_IT = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)


_DOCUMENT = Prefiltered(
    re.compile(
        r"\b(?:the|his|her|this|that|its|a)\s+(?:(?:congratulatory|new\s+year|birthday|greetings?|condolence|reply|"
        r"written|personal|latest)\s+)?(?P<noun>letter|message|telegram|card|greetings|note|missive|reply|statement|document)\b",
        re.IGNORECASE,
    )
)


@cache
def roles() -> tuple[Role, ...]:
    out = []
    for r in csv.DictReader(data.read_text("roles.csv").splitlines()):
        phrase = r["phrase"].strip()
        frm = dt.date.fromisoformat(r["valid_from"]) if r["valid_from"] else None
        to = dt.date.fromisoformat(r["valid_to"]) if r["valid_to"] else None
        out.append(Role(r["canonical"], frm, to, phrase.lower()))
    out += [Role(r.person, r.start, r.end, r.phrase) for r in reference.office_role_phrases()]
    return tuple(out)


@cache
def role_index() -> tuple[Indexed, dict[str, tuple[Role, ...]]]:
    """One pattern for every role phrase ("the Russian president"), and who held each role when."""
    by_phrase: dict[str, list[Role]] = {}
    for r in roles():
        by_phrase.setdefault(alias_key(r.phrase), []).append(r)
    alternatives = "|".join(phrase_pattern(p) for p in sorted(by_phrase, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:the\s+|a\s+)?(?:former\s+)?(?P<phrase>{alternatives})\b", re.IGNORECASE)
    return Indexed.of_phrases(pattern, by_phrase, ("the", "a", "former")), {k: tuple(v) for k, v in by_phrase.items()}


@cache
def named() -> tuple[reference.Person, ...]:
    """The gazetteer's people and institutions, and the news agencies of ``data/outlets.csv`` as media
    ("told Agence France Presse": a medium, not a person)."""
    people = list(reference.people())
    known = {a.lower() for p in people for a in p.aliases}
    for o in reference.outlets():
        aliases = tuple(a for a in o.aliases if a.lower() not in known)
        if o.kind == "agency" and aliases:
            people.append(reference.Person(o.name, "media", aliases, None, o.pattern))
    return tuple(people)


@cache
def name_index() -> tuple[Indexed, dict[str, reference.Person]]:
    by_alias: dict[str, reference.Person] = {}
    for p in named():
        for a in p.aliases:
            by_alias.setdefault(a.lower().replace("’", "'"), p)
    aliases = list({a for p in named() for a in p.aliases})
    return Indexed.of_aliases(aliases), by_alias


def _role_holder(role: Role, when: dt.date | None) -> bool:
    if when is None:
        return role.valid_to is None
    return (role.valid_from is None or role.valid_from <= when) and (role.valid_to is None or when < role.valid_to)


def _holders(roles: tuple[Role, ...], when: dt.date | None, named: set[str]) -> list[Role]:
    """Who "the Iranian president" is: the one holder of the office the story names by name ("Iranian President
    Hassan Rouhani … the Iranian president"), else the holder on the story's day (the present one if unknown)."""
    by_name = {r.canonical for r in roles if r.canonical in named}
    if len(by_name) == 1:
        return [r for r in roles if r.canonical in by_name]
    return [r for r in roles if _role_holder(r, when)]


def find_mentions(text: str, when: dt.date | None = None) -> list[Mention]:
    """People, institutions, media, roles, pronouns and letter nouns in ``text``, in order, no overlaps."""
    return list(_find_mentions(text, when))


@lru_cache(maxsize=8)
def _find_mentions(text: str, when: dt.date | None) -> tuple[Mention, ...]:
    """Computed once per text and day: quotes and letters read the same masked body."""
    found: list[Mention] = []
    pattern, by_alias = name_index()
    for m in pattern.finditer(text):
        p = by_alias.get(re.sub(r"\s+", " ", m.group(0)).lower().replace("’", "'"))
        if p is not None:
            found.append(Mention(m.start(), m.end(), m.group(0), p.canonical, p.kind))
    role_pattern, by_phrase = role_index()
    named_people: set[str] | None = None
    for m in role_pattern.finditer(text):
        roles = by_phrase.get(alias_key(m.group("phrase")), ())
        if named_people is None and len(roles) > 1:
            named_people = {m.canonical for m in found if m.kind == "person"}
        holders = _holders(roles, when, named_people or set())
        if holders:
            found.append(Mention(m.start(), m.end(), m.group(0), holders[0].canonical, "person"))
    known_spans = [(m.start, m.end) for m in found]
    for m in _generic_people(text) + _generic_institutions(text):
        if not any(a < m.end and m.start < b and (b - a) >= (m.end - m.start) for a, b in known_spans):
            found.append(m)
    for m in _PRONOUN.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(0), "", "pronoun"))
    for m in _IT.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(0), "", "it"))
    for m in _DEFINITE.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(0), m.group("noun").lower(), "definite"))
    for m in _DOCUMENT.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(0), m.group("noun").lower(), "document"))
    # "Russia Day", "Korea Day": a holiday's name, not the country
    found = [m for m in found if not (m.kind != "person" and text.startswith(" Day", m.end))]
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            # a role followed by the name it introduces ("Kremlin spokesman Dmitry Peskov") keeps the longer
            if mention.end - mention.start > out[-1].end - out[-1].start:
                out[-1] = mention
            continue
        out.append(mention)
    return tuple(_owned_documents(_titled(_short_names(_merge_titles(out, text), text), text), text))


_TITLES = r"chairperson|chairman|chairwoman|president|premier|general\s+secretary|supreme\s+leader|marshal"
_INTRODUCED_AS = re.compile(rf",\s+(?:the\s+)?(?P<title>{_TITLES})\b", re.I)
_THE_TITLE = Prefiltered(
    re.compile(rf"\b[Tt]he\s+(?P<title>(?=(?-i:[A-Z]))(?:{_TITLES}))\b(?!\s+(?-i:[A-Z])|\s+of\b)", re.I)
)


def _titled(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Kim Jong Un, the Chairperson of the State Affairs Commission, …" and later "the Chairperson continued":
    a capitalised title standing alone names the one person the story introduced with it."""
    holders: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "person" and (t := _INTRODUCED_AS.match(text, m.end)):
            holders.setdefault(re.sub(r"\s+", " ", t.group("title").lower()), set()).add(m.canonical)
    if not holders:
        return mentions
    added = []
    for t in _THE_TITLE.finditer(text):
        who = holders.get(re.sub(r"\s+", " ", t.group("title").lower()), set())
        if len(who) == 1 and not any(m.start < t.end() and t.start() < m.end for m in mentions):
            added.append(Mention(t.start(), t.end(), t.group(0), next(iter(who)), "person"))
    return sorted([*mentions, *added], key=lambda x: x.start) if added else mentions


_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+|[A-Z]\.)"


_NAME_RUN = re.compile(rf"\b{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})+\b")


_SPEECH = r"(?:said|says|told|added|adds|wrote|writes|noted|stressed|argued|warned|explained|observed|commented|suggested|cautioned|predicted|insisted|replied|asked|tweeted|posted)"


_ROLE_BEFORE = Prefiltered(
    re.compile(
        r"(?:spokes(?:person|man|woman)|minister|ambassador|professor|analyst|researcher|fellow|director|official|envoy|"
        r"secretary|senator|lawmaker|adviser|advisor|expert|scholar|chief|head|commander|president|chairman|"
        r"emir|amir|king|queen|sultan|prince|princess|sheikh|crown\s+prince|president-elect|prime\s+minister-elect|"
        r"Mr\.|Ms\.|Mrs\.|Dr\.|Prof\.)(?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?\s+$",
        re.IGNORECASE,
    )
)


_NOT_A_NAME = frozenset(
    """The A An In On At For And But Or Of To From With By As If When While After Before During Since Meanwhile However
    Professor Prof Dr Mr Ms Mrs
    Also According North South East West Korea Korean Koreans Russia Russian Russians China Chinese Japan Japanese
    United States America American Americans US UN President Prime Minister Foreign Defence Defense Ministry Ministers
    Department State Kremlin Agency News Central Times Daily Herald Post Journal Press University Institute Center
    Centre Council Security Party Workers People Peoples Republic Democratic Federation Assembly Supreme Commission
    Affairs Forum Economic Eastern Far Sea Peninsula Cosmodrome Summit Day Victory War World Great Patriotic Army Navy
    Air Force Union Soviet Socialist Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Pyongyang Seoul Moscow Beijing Tokyo Washington
    Vladivostok Hanoi Ukraine Ukrainian European Europe Asia Asian Pacific Western General Secretary Chairman Comrade
    Leader His Her Their It We They He She This That These Those Senior Officials Analysts Experts Associated Square
    International Airport Island Station Railway Treaty Declaration Strategic Partnership Comprehensive Nations
    Communist Committee Office Service Intelligence Joint Chiefs Staff Unification National Federal Embassy Relations
    Studies Foundation Council Organization Organisation Liberation Founding Anniversary Year New Russky Amur Far-Eastern
    Kursk Donbas Crimea Kyiv Minsk Kong Singapore Vietnam Vietnamese Belarus Iran Israel Gaza Mongolia Laos Trump
    Putin Xi""".split()
)


_NAME_PARTICLES = frozenset("Al al Bin bin bint Ibn ibn Abu abu".split())
"""Words that join the parts of a long name ("Sabah Al Ahmad Al Jaber Al Sabah", "Mohammed bin Salman")."""


def _generic_people(text: str) -> list[Mention]:
    """People the gazetteer does not know, named where they speak ("said Leif-Eric Easley, a professor …")."""
    out: list[Mention] = []
    for run in _NAME_RUN.finditer(text):
        tokens = list(re.finditer(r"\S+", run.group(0)))
        parts: list[list[re.Match[str]]] = [[]]
        for t in tokens:
            if t.group(0).rstrip(".") in _NOT_A_NAME and not re.fullmatch(r"[A-Z]\.", t.group(0)):  # "G. A. Zhuganov"
                parts.append([])
            else:
                parts[-1].append(t)
        for part in parts:
            if len(part) > 2 and re.search(
                r"\bof\s+$", text[max(0, run.start() + part[0].start() - 4) : run.start() + part[0].start()]
            ):
                part = part[1:]  # "Emir of Kuwait Sabah Al Ahmad …": the place after "of" is not the name
            if not 2 <= len(part) <= (7 if _NAME_PARTICLES & {t.group(0) for t in part} else 4):
                continue
            start, end = run.start() + part[0].start(), run.start() + part[-1].end()
            before, after = text[max(0, start - 40) : start], text[end : end + 25]
            speaks = (
                re.match(rf"\s+(?:also\s+|later\s+)?{_SPEECH}\b", after)
                or re.search(rf"\b{_SPEECH}\s+$", before)
                or re.match(r",\s+(?:a|an|the|who|one)\b", after)
                or re.match(
                    r",\s+(?:the\s+)?(?:first\s+)?(?:spokes\w+|minister|director|chief|head|professor|analyst|official|ambassador|"
                    r"secretary|adviser|advisor|aide|chairman|chairwoman|chairperson|leader|president|deputy|governor|"
                    r"mayor|speaker|member)\b",
                    after,
                    re.I,
                )
                or _ROLE_BEFORE.search(before)
            )
            if speaks:
                name = re.sub(r"\s+", " ", text[start:end])
                out.append(Mention(start, end, text[start:end], name, "person"))
    names = {x.canonical for x in out}
    for name in list(names):
        for part in {name.split()[0], name.split()[-1]}:
            if part in _NOT_A_NAME or len(part) < 3:
                continue
            for m in re.finditer(rf"\b{re.escape(part)}\b", text):
                if not any(x.start <= m.start() < x.end for x in out):
                    out.append(Mention(m.start(), m.end(), part, name, "person"))
    return out


def _short_names(mentions: list[Mention], text: str) -> list[Mention]:
    """A bare family name is the person of that family named last, if named in the last few sentences.

    "Kim" alone is Kim Jong Un unless another Kim was named in full just before; "Choe"
    alone is Choe Son Hui once she has been named in full.
    """
    out: list[Mention] = []
    full: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person" and " " not in m.text.strip():
            family = m.text.strip()
            named = full.get(family, [])
            earlier = [named[-1]] if named and not re.search(r"[.!?]\s", text[named[-1].end : m.start]) else []
            if earlier and earlier[-1].canonical != m.canonical:
                m = Mention(m.start, m.end, m.text, earlier[-1].canonical, "person")
        elif m.kind == "person":
            tokens = m.canonical.split()
            for t in {tokens[0], tokens[-1]}:
                full.setdefault(t, []).append(m)
        out.append(m)
    # family names of people named in full earlier, standing alone later ("Choe, for her part, said")
    taken = bytearray(len(text) + 1)
    for m in out:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for family, named in full.items():
        if family in _NOT_A_NAME or len(family) < 3 or family in ("Kim",):
            continue
        first = named[0]
        for hit in re.finditer(rf"\b{re.escape(family)}\b", text[first.end :]):
            a, b = first.end + hit.start(), first.end + hit.end()
            if not taken[a]:
                extra.append(Mention(a, b, family, first.canonical, "person"))
    return sorted(out + extra, key=lambda x: x.start)


_SPOKES = re.compile(r"\s+(?:spokes(?:person|man|woman)|official|officials|source|sources)\b", re.IGNORECASE)


def _merge_titles(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Russian President Vladimir Putin": the role and the name that follows it are one mention.

    An unnamed "State Department spokesperson" speaks for the institution: one institution mention.
    """
    out: list[Mention] = []
    for m in mentions:
        if m.kind in ("institution", "media") and (sp := _SPOKES.match(text, m.end)):
            if not re.match(r"\s*,?\s+[A-Z][a-z]+\s+[A-Z]", text[sp.end() : sp.end() + 30]):
                m = Mention(m.start, sp.end(), text[m.start : sp.end()], m.canonical, m.kind)
        gap = text[out[-1].end : m.start] if out else ""
        if (
            out
            and m.kind == "person"
            and out[-1].kind == "person"
            and not gap.strip()
            and "\n" not in gap
            and (out[-1].canonical == m.canonical or _is_role(out[-1].text))
        ):  # not a name followed by another's title: "wrote Erdogan Russian President" is Erdogan writing to Putin
            prev = out.pop()
            m = Mention(prev.start, m.end, text[prev.start : m.end], m.canonical, "person")
        elif (
            out
            and m.kind == "person"
            and out[-1].kind == "institution"
            and _COUNTRY_TITLE.fullmatch(gap)
            and out[-1].canonical in reference.country_names()
        ):  # "Azerbaijan’s President Ilham Aliyev": one person, not a country and a person
            prev = out.pop()
            m = Mention(prev.start, m.end, text[prev.start : m.end], m.canonical, "person")
        out.append(m)
    return out


_COUNTRY_TITLE = re.compile(r"['’]s\s+(?:[A-Z][\w-]*\s+){1,3}")


def _is_role(text: str) -> bool:
    """Is ``text`` a role phrase ("Russian President", "the North Korean leader"), not a name?"""
    pattern, by_phrase = role_index()
    m = re.fullmatch(r"(?:the\s+|a\s+)?(?:former\s+)?(?P<phrase>.+)", text.strip(), re.I | re.S)
    return m is not None and alias_key(m.group("phrase")) in by_phrase


class MentionIndex:
    """Mentions sorted by start, for fast lookups of the ones in a sentence."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    def between(self, lo: int, hi: int) -> list[Mention]:
        return self.mentions[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]


def _owned_documents(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Putin's message" is a document whose author is Putin: one mention, the author as its canonical name."""
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "document" and out and out[-1].kind == "person":
            between = text[out[-1].end : m.start]
            if re.fullmatch(
                r"['’]s\s+(?:(?:own|latest|new|congratulatory|birthday|greetings?|reply|new\s+year['’]s?)\s+)*",
                between + " ",
            ) or re.fullmatch(r"['’]s\s*", between):
                owner = out.pop()
                out.append(Mention(owner.start, m.end, text[owner.start : m.end], owner.canonical, "document"))
                continue
        if (
            m.kind == "document"
            and re.match(r"['’]s\s", text[m.start - 3 : m.start] or "") is None
            and out
            and out[-1].kind == "person"
        ):
            gap = text[out[-1].end : m.start]
            if re.fullmatch(r"['’]s\s+", gap):
                owner = out.pop()
                out.append(Mention(owner.start, m.end, text[owner.start : m.end], owner.canonical, "document"))
                continue
        out.append(m)
    return out


@cache
def _institution_pattern() -> re.Pattern[str]:
    """Ministries and embassies named by any country of ``data/countries.csv``: "Japan's Defense Ministry",
    "the Russian Embassy in Pyongyang", "the Foreign Ministry"."""
    names = sorted({n.removeprefix("the ") for c in reference.countries() for n in c.names}, key=len, reverse=True)
    adjectives = sorted({a for c in reference.countries() for a in c.adjectives}, key=len, reverse=True)
    country = "|".join(phrase_pattern(n) for n in names)
    adj = "|".join(phrase_pattern(a) for a in adjectives)
    return re.compile(
        rf"\b(?:(?:the\s+)?(?P<country>{country})(?:['’]s)?\s+|(?P<adj>{adj})\s+)?"
        r"(?P<head>(?i:foreign|defen[cs]e|unification|interior|justice|trade|finance)\s+(?i:ministry)"
        r"|(?i:ministry\s+of\s+(?:foreign\s+affairs|defen[cs]e|unification))"
        r"|(?i:embassy|consulate)(?:\s+(?i:in)\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?))?)\b"
    )


_NAMED_BODY = re.compile(
    r"\b(?P<adj>[A-Z][a-z]+)\s+(?P<head>(?:[A-Z][a-z]+\s+){1,3}(?:Committee|Council|Commission|Service|Office))\b"
)
"""A country's body the gazetteer lacks: "the Russian Investigative Committee" (not "the Central Committee")."""


def _named_bodies(text: str) -> list[Mention]:
    """A committee, council, commission, service or office named with its country's adjective."""
    if not re.search(r"Committee|Council|Commission|Service|Office", text):
        return []
    adjectives = _country_adjectives()
    out = []
    for m in _NAMED_BODY.finditer(text):
        if m.group("adj") in adjectives:
            name = re.sub(r"\s+", " ", f"{m.group('adj')} {m.group('head')}")
            out.append(Mention(m.start(), m.end(), m.group(0), name, "institution"))
    return out


@cache
def _country_adjectives() -> frozenset[str]:
    return frozenset(a for c in reference.countries() for a in c.adjectives if " " not in a)


def _generic_institutions(text: str) -> list[Mention]:
    """Ministries and embassies the gazetteer does not name: "the Foreign Ministry", "Japan's Defense Ministry",
    "the Russian Embassy in North Korea" (an embassy keeps its place: the gold names it so)."""
    out = _named_bodies(text)
    if not re.search(r"(?i:ministry|embassy|consulate)", text):
        return out
    for m in _institution_pattern().finditer(text):
        head = m.group("head").split(" in ")[0] if m.group("place") else m.group("head")
        head = " ".join(w.capitalize() if w.lower() not in ("of",) else w for w in head.split())
        where = m.group("adj") or (m.group("country") or "")
        name = f"{where} {head}".strip() if where else head
        if m.group("place"):
            name += f" in {m.group('place')}"
        elif head in ("Embassy", "Consulate") and not where:
            continue  # "the embassy": which one is not said
        out.append(Mention(m.start(), m.end(), m.group(0), re.sub(r"\s+", " ", name), "institution"))
    return out
