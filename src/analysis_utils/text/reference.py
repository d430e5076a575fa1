"""Reviewed reference data (outlets, people, offices, page furniture), loaded once from ``data/``."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from . import data
from .matching import alias_key, alias_regex, required_literals


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str  # agency | outlet
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    pattern: re.Pattern[str]
    site: str = ""  # the name of its own news site when that is not its name ("Kyodo News" for Kyodo)

    @property
    def publisher(self) -> str:
        """How it is named as the publisher of a page (the ``outlet`` field): its site's name, else its name."""
        return self.site or self.name


@dataclass(frozen=True)
class Office:
    person: str
    role: str
    start: dt.date
    end: dt.date | None
    pattern: re.Pattern[str]
    titles: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


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
    """A rule of ``data/boilerplate.toml``: the lines its pattern matches are of class ``cls``, for ``reason``."""

    cls: str
    reason: str
    end_of_story: bool
    pattern: re.Pattern[str]
    literals: tuple[str, ...] | None = None  # see required_literals


@cache
def outlets() -> tuple[Outlet, ...]:
    out = []
    for r in data.rows("outlets.csv"):
        aliases = tuple(data.split(r["aliases"]) or [r["name"]])
        out.append(
            Outlet(
                r["name"],
                r["kind"],
                aliases,
                tuple(data.split(r["domains"])),
                alias_regex(list(aliases)),
                r.get("site", ""),
            )
        )
    return tuple(out)


def outlet_by_domain(domain: str) -> Outlet | None:
    domain = domain.lower()
    for o in outlets():
        if any(domain == d or domain.endswith("." + d) for d in o.domains):
            return o
    return None


def outlet_named(text: str, kind: str | None = None) -> Outlet | None:
    """The outlet whose name or alias is the whole of ``text`` (e.g. "EFE", "Yonhap News Agency")."""
    text = text.strip().strip("()/.").strip()
    for o in _outlets_by_alias().get(alias_key(text), ()):  # a whole match has the alias's key
        if (not kind or o.kind == kind) and o.pattern.fullmatch(text):
            return o
    return None


@cache
def _outlets_by_alias() -> dict[str, tuple[Outlet, ...]]:
    by: dict[str, list[Outlet]] = {}
    for o in outlets():
        for a in o.aliases:
            if o not in by.setdefault(alias_key(a), []):
                by[alias_key(a)].append(o)
    return {k: tuple(v) for k, v in by.items()}


@cache
def people() -> tuple[Person, ...]:
    """The people and institutions of ``data/people.csv``, and every country of ``data/countries.csv``."""
    out = []
    for r in data.rows("people.csv"):
        aliases = tuple(data.split(r["aliases"]) or [r["canonical"]])
        out.append(Person(r["canonical"], r["kind"], aliases, data.date_or_none(r["born"]), alias_regex(list(aliases))))
    known = {p.canonical for p in out}
    for c in countries():
        if c.name not in known:
            names = tuple(dict.fromkeys(n.removeprefix("the ") for n in c.names))
            out.append(Person(c.name, "institution", names, None, alias_regex(list(names))))
    return tuple(out)


def leader_of(country: str, when: dt.date | None) -> str | None:
    """Who led ``country`` on ``when`` (today's leader without a day), by ``data/offices.csv``."""
    for r in data.rows("offices.csv"):
        if r.get("country") != country or "leader" not in data.split(r.get("generic", "")) or not r["start"]:
            continue
        start, end = dt.date.fromisoformat(r["start"]), data.date_or_none(r["end"])
        if (when is None and end is None) or (when is not None and start <= when and (end is None or when < end)):
            return r["person"]
    return None


@cache
def offices() -> tuple[Office, ...]:
    out = []
    for r in data.rows("offices.csv"):
        titles = data.split(r["title_aliases"])
        if not titles or not r["start"]:
            continue
        known = [p for p in people() if p.canonical == r["person"]]
        names = list(known[0].aliases) if known else [r["person"], r["person"].split()[-1]]
        names = sorted(set(names), key=len, reverse=True)
        title_re = alias_regex(titles).pattern
        name_re = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in names)
        pattern = re.compile(rf"(?P<former>(?i:\bformer|\bex-|\bthen-)\s*)?{title_re}\s+(?:{name_re})\b")
        start, end = dt.date.fromisoformat(r["start"]), data.date_or_none(r["end"])
        out.append(Office(r["person"], r["role"], start, end, pattern, tuple(titles), tuple(names)))
    return tuple(out)


@dataclass(frozen=True)
class Country:
    """A country as texts name it: its names, adjectives, short form ("the North") and capital."""

    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    short: tuple[str, ...]
    capital: str


@cache
def countries() -> tuple[Country, ...]:
    return tuple(
        Country(
            r["country"],
            tuple(data.split(r["names"])),
            tuple(data.split(r["adjectives"])),
            tuple(data.split(r["short"])),
            r["capital"],
        )
        for r in data.rows("countries.csv")
    )


@cache
def country_names() -> frozenset[str]:
    """The canonical names of the countries of ``data/countries.csv``."""
    return frozenset(c.name for c in countries())


@dataclass(frozen=True)
class RolePhrase:
    """A phrase that names an office holder ("the Russian president", "the North's leader"), and the term it names."""

    phrase: str
    person: str
    start: dt.date | None
    end: dt.date | None


@cache
def office_role_phrases() -> tuple[RolePhrase, ...]:
    """Every way a text names the holder of an office of ``data/offices.csv`` by the country and a generic title
    (its ``generic`` column): "{adjective} {title}" (North Korean leader), "{country}'s {title}", "{country} {title}"
    (North Korea leader), "{title} of {country}" (President of Russian Federation), "{short}'s {title}" (the North's leader).
    """
    by_country = {c.name: c for c in countries()}
    out = []
    for r in data.rows("offices.csv"):
        country = by_country.get(r.get("country", ""))
        if country is None or not r["start"]:
            continue
        start, end = dt.date.fromisoformat(r["start"]), data.date_or_none(r["end"])
        titles = data.split(r.get("generic", ""))
        # "his Russian counterpart" in a story of leaders' letters is the Russian leader
        for title in titles + (["counterpart"] if "leader" in titles else []):
            phrases = [f"{a} {title}" for a in country.adjectives]
            phrases += [f"{n}'s {title}" for n in country.names]
            phrases += [f"{n} {title}" for n in country.names]
            phrases += [f"{title} of {n}" for n in country.names]
            phrases += [f"{s}'s {title}" for s in country.short]
            for ph in dict.fromkeys(alias_key(x) for x in phrases):
                out.append(RolePhrase(ph, r["person"], start, end))
    return tuple(out)


@cache
def leaders() -> frozenset[str]:
    """Everyone who has led a country (an office of ``data/offices.csv`` whose generic titles include "leader"),
    and the two whose letters this corpus is about."""
    rows = data.rows("offices.csv")
    return frozenset(r["person"] for r in rows if "leader" in data.split(r.get("generic", ""))) | {
        "Kim Jong Un",
        "Vladimir Putin",
    }


@cache
def _furniture() -> dict:
    return data.toml("boilerplate.toml")


@cache
def breadcrumb_words() -> tuple[str, ...]:
    """Navigation words of breadcrumb trails, longest first."""
    return tuple(sorted(_furniture()["breadcrumbs"]["words"], key=len, reverse=True))


@cache
def furniture_rules() -> tuple[FurnitureRule, ...]:
    rules = []
    for rule in _furniture()["rule"]:
        for pat in rule["patterns"]:
            compiled = re.compile(pat, re.IGNORECASE)
            rules.append(
                FurnitureRule(
                    rule["class"],
                    rule["reason"],
                    bool(rule.get("end_of_story")),
                    compiled,
                    required_literals(compiled),
                )
            )
    return tuple(rules)


@cache
def hedges() -> dict:
    """``data/hedges.toml``: the hedging categories and the reporting cues of cited sources."""
    return data.toml("hedges.toml")
