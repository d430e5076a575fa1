"""Who is mentioned where: people, institutions, media, roles ("the Russian president") and pronouns.

Names come out canonical through the gazetteer in ``data/people.csv`` and ``data/roles.csv``
(Kim Jong-un, Kim Jong-Un, "the North Korean leader" → Kim Jong Un).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from . import reference


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    canonical: str
    kind: str  # person | institution | media | pronoun | document


@dataclass(frozen=True)
class Role:
    pattern: re.Pattern[str]
    canonical: str
    valid_from: dt.date | None
    valid_to: dt.date | None


_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)
_IT = re.compile(r"\b(?:it|its)\b", re.IGNORECASE)
_DOCUMENT = re.compile(
    r"\b(?:the|his|her|this|that|its|a)\s+(?:(?:congratulatory|new\s+year|birthday|greetings?|condolence|reply|"
    r"written|personal|latest)\s+)?(?P<noun>letter|message|telegram|card|greetings|note|missive|reply|statement|document)\b",
    re.IGNORECASE,
)


@cache
def roles() -> tuple[Role, ...]:
    text = resources.files("analysis_utils.data").joinpath("roles.csv").read_text(encoding="utf-8")
    out = []
    for r in csv.DictReader(text.splitlines()):
        phrase = r["phrase"].strip()
        body = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['’]")
        pattern = re.compile(rf"(?i:(?:the\s+|a\s+)?(?:former\s+)?){body}\b", re.IGNORECASE)
        frm = dt.date.fromisoformat(r["valid_from"]) if r["valid_from"] else None
        to = dt.date.fromisoformat(r["valid_to"]) if r["valid_to"] else None
        out.append(Role(pattern, r["canonical"], frm, to))
    return tuple(out)


@cache
def _name_pattern() -> tuple[re.Pattern[str], dict[str, reference.Person]]:
    by_alias: dict[str, reference.Person] = {}
    for p in reference.people():
        for a in p.aliases:
            by_alias.setdefault(a.lower().replace("’", "'"), p)
    return reference.alias_regex(list({a for p in reference.people() for a in p.aliases})), by_alias


def _role_holder(role: Role, when: dt.date | None) -> bool:
    if when is None:
        return role.valid_to is None
    return (role.valid_from is None or role.valid_from <= when) and (
        role.valid_to is None or when < role.valid_to
    )


def find_mentions(text: str, when: dt.date | None = None) -> list[Mention]:
    """People, institutions, media, roles, pronouns and letter nouns in ``text``, in order, no overlaps."""
    found: list[Mention] = []
    pattern, by_alias = _name_pattern()
    for m in pattern.finditer(text):
        p = by_alias.get(re.sub(r"\s+", " ", m.group(0)).lower().replace("’", "'"))
        if p is not None:
            found.append(Mention(m.start(), m.end(), m.group(0), p.canonical, p.kind))
    for role in roles():
        if not _role_holder(role, when):
            continue
        for m in role.pattern.finditer(text):
            found.append(Mention(m.start(), m.end(), m.group(0), role.canonical, "person"))
    for m in _PRONOUN.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(0), "", "pronoun"))
    for m in _IT.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(0), "", "it"))
    for m in _DOCUMENT.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group(0), m.group("noun").lower(), "document"))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            # a role followed by the name it introduces ("Kremlin spokesman Dmitry Peskov") keeps the longer
            if mention.end - mention.start > out[-1].end - out[-1].start:
                out[-1] = mention
            continue
        out.append(mention)
    return _short_names(_merge_titles(out, text))


def _short_names(mentions: list[Mention]) -> list[Mention]:
    """A bare family name ("Kim") is the last person of that family named before it."""
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "person" and " " not in m.text.strip():
            family = m.text.strip()
            earlier = [
                x
                for x in out
                if x.kind == "person"
                and x.canonical.split()[0] == family
                and x.text.strip() != family
            ]
            if earlier and earlier[-1].canonical != m.canonical:
                m = Mention(m.start, m.end, m.text, earlier[-1].canonical, "person")
        out.append(m)
    return out


def _merge_titles(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Russian President Vladimir Putin": the role and the name that follows it are one mention."""
    out: list[Mention] = []
    for m in mentions:
        if (
            out
            and m.kind == "person"
            and out[-1].kind == "person"
            and not text[out[-1].end : m.start].strip()
        ):
            prev = out.pop()
            m = Mention(prev.start, m.end, text[prev.start : m.end], m.canonical, "person")
        out.append(m)
    return out


def canonical_name(name: str, when: dt.date | None = None) -> str:
    """The gazetteer's name for ``name`` ("Kim Jong-un" → "Kim Jong Un"), or ``name`` unchanged."""
    ms = [m for m in find_mentions(name, when) if m.kind in ("person", "institution", "media")]
    return ms[0].canonical if ms else name.strip()
