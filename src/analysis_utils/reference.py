"""The package's reviewed reference data (outlets, known events, offices, page furniture), loaded once."""

from __future__ import annotations

import csv
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("analysis_utils.data").joinpath(name).read_text(encoding="utf-8")
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(text.splitlines())]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: escaped, any run of spaces between words, either apostrophe."""
    return re.sub("['’]", "['’]", re.escape(phrase.strip()).replace(r"\ ", r"\s+"))


def alias_regex(aliases: list[str]) -> re.Pattern[str]:
    """One regex for a list of phrases: whole words, longest first; all-caps acronyms match case-sensitively."""
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        body = phrase_pattern(alias)
        if not (alias.isupper() and len(alias) <= 6):
            body = f"(?i:{body})"
        parts.append(body)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str  # agency | outlet
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class KnownEvent:
    key: str
    name: str
    kind: str
    earliest: dt.date
    latest: dt.date
    recurring: bool
    aliases: tuple[str, ...]  # matched through known_event_index()


@dataclass(frozen=True)
class Office:
    person: str
    role: str
    start: dt.date
    end: dt.date | None
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Person:
    """A person or institution of the gazetteer, with the aliases texts use for it."""

    canonical: str
    kind: str  # person | institution
    aliases: tuple[str, ...]
    born: dt.date | None
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class FurnitureRule:
    cls: str
    reason: str
    end_of_story: bool
    pattern: re.Pattern[str]


@cache
def outlets() -> tuple[Outlet, ...]:
    out = []
    for r in _rows("outlets.csv"):
        aliases = tuple(_split(r["aliases"]) or [r["name"]])
        out.append(
            Outlet(
                r["name"],
                r["kind"],
                aliases,
                tuple(_split(r["domains"])),
                alias_regex(list(aliases)),
            )
        )
    return tuple(out)


def alias_key(text: str) -> str:
    """How an alias match is looked up: lower case, straight apostrophes, single spaces."""
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


@cache
def known_event_index() -> tuple[re.Pattern[str], dict[str, tuple[KnownEvent, ...]]]:
    """One pattern for every known-event alias, and the events each alias names (usually one)."""
    by_alias: dict[str, list[KnownEvent]] = {}
    for ev in known_events():
        for a in ev.aliases:
            by_alias.setdefault(alias_key(a), []).append(ev)
    pattern = alias_regex([a for ev in known_events() for a in ev.aliases])
    return pattern, {k: tuple(v) for k, v in by_alias.items()}


def outlet_by_domain(domain: str) -> Outlet | None:
    domain = domain.lower()
    for o in outlets():
        if any(domain == d or domain.endswith("." + d) for d in o.domains):
            return o
    return None


def outlet_named(text: str, kind: str | None = None) -> Outlet | None:
    """The outlet whose name or alias is the whole of ``text`` (e.g. "EFE", "Yonhap News Agency")."""
    text = text.strip().strip("()/.").strip()
    for o in outlets():
        if kind and o.kind != kind:
            continue
        m = o.pattern.fullmatch(text)
        if m:
            return o
    return None


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@cache
def known_events() -> tuple[KnownEvent, ...]:
    out = []
    for r in _rows("known_events.csv"):
        aliases = _split(r["aliases"])
        if not aliases or not r["date_earliest"]:
            continue
        earliest = dt.date.fromisoformat(r["date_earliest"])
        latest = _date(r["date_latest"]) or earliest
        out.append(
            KnownEvent(
                r["key"],
                r["name"],
                r["kind"],
                earliest,
                latest,
                r["recurring"].lower() == "yes",
                tuple(aliases),
            )
        )
    return tuple(out)


@cache
def people() -> tuple[Person, ...]:
    out = []
    for r in _rows("people.csv"):
        aliases = tuple(_split(r["aliases"]) or [r["canonical"]])
        out.append(Person(r["canonical"], r["kind"], aliases, _date(r["born"]), alias_regex(list(aliases))))
    return tuple(out)


@cache
def offices() -> tuple[Office, ...]:
    out = []
    for r in _rows("offices.csv"):
        titles = _split(r["title_aliases"])
        if not titles or not r["start"]:
            continue
        known = [p for p in people() if p.canonical == r["person"]]
        names = list(known[0].aliases) if known else [r["person"], r["person"].split()[-1]]
        names = sorted(set(names), key=len, reverse=True)
        title_re = alias_regex(titles).pattern
        name_re = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in names)
        pattern = re.compile(rf"(?P<former>(?i:\bformer|\bex-|\bthen-)\s*)?{title_re}\s+(?:{name_re})\b")
        out.append(Office(r["person"], r["role"], dt.date.fromisoformat(r["start"]), _date(r["end"]), pattern))
    return tuple(out)


@cache
def _furniture() -> dict:
    text = resources.files("analysis_utils.data").joinpath("boilerplate.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def breadcrumb_words() -> tuple[str, ...]:
    """Navigation words of breadcrumb trails, longest first."""
    return tuple(sorted(_furniture()["breadcrumbs"]["words"], key=len, reverse=True))


@cache
def furniture_rules() -> tuple[FurnitureRule, ...]:
    rules = []
    for rule in _furniture()["rule"]:
        for pat in rule["patterns"]:
            rules.append(
                FurnitureRule(
                    rule["class"],
                    rule["reason"],
                    bool(rule.get("end_of_story")),
                    re.compile(pat, re.IGNORECASE),
                )
            )
    return tuple(rules)
