"""The timeline: what happened when (letters, summits, visits, elections, anniversaries, reports), merged across articles.

Per article, events come from three kinds of evidence: the letters it reports, the known
events of ``data/known_events.csv`` it names (with "N years ago" and "the Nth
anniversary of" giving the anniversary), and sentences whose dated clause has an event
verb ("met", "held a summit", "was elected", "reported"). ``link`` then gives the same
event in different articles one ``event_id``, so the timeline counts events, not articles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .calendar_text import add_years, ordinal_value
from .clean import CleanDoc
from .letters import Letter
from .pubdate import _ANNIVERSARY, _YEARS_AGO, _event_mentions
from .reference import Prefiltered
from .sentences import sentence_spans

_EVENT_VERB = Prefiltered(
    re.compile(
        r"\b(?P<verb>met|meet|meeting|held|hold|holds|summit|talks|visited|visit|visits|travel(?:l?ed)?|arrived|"
        r"elected|re-?elected|election|signed|sign|invaded|invasion|launched|fired|tested|opened|hosted|host|"
        r"reported|announced|said|says|declared|broke|collapsed|ended|began|started|created|established|"
        r"awarded|attended|exchanged|congratulated|invited)\b",
        re.IGNORECASE,
    )
)
_KIND_OF_VERB = {
    "met": "meeting", "meet": "meeting", "meeting": "meeting", "held": "meeting", "hold": "meeting", "holds": "meeting",
    "summit": "summit", "talks": "meeting", "visited": "visit", "visit": "visit", "visits": "visit", "travelled": "visit",
    "traveled": "visit", "travel": "visit", "arrived": "visit", "elected": "election", "re-elected": "election",
    "reelected": "election", "election": "election", "signed": "treaty", "sign": "treaty", "reported": "report",
    "announced": "report", "said": "report", "says": "report", "declared": "report", "hosted": "forum", "host": "forum",
}  # fmt: skip


@dataclass
class Event:
    kind: str  # letter | summit | visit | meeting | election | anniversary | history | report | forum | treaty | war | other
    date_earliest: dt.date
    date_latest: dt.date
    description: str
    who: str
    evidence: str
    start: int  # offsets of the evidence sentence in the body
    end: int
    key: str = ""  # what links the same event across articles (a letter key, a known event, …)
    event_id: str = ""
    docs: list[str] = field(default_factory=list)

    @property
    def precision(self) -> str:
        days = (self.date_latest - self.date_earliest).days
        if days == 0:
            return "day"
        if days <= 7:
            return "week"
        if days <= 31:
            return "month"
        return "year" if days <= 366 else "years"


def letter_events(letters: list[Letter]) -> list[Event]:
    out = []
    for lt in letters:
        if lt.date_earliest is None or lt.date_latest is None:
            continue
        what = f"{lt.sender} writes to {lt.recipient}" + (f" ({lt.occasion})" if lt.occasion else "")
        out.append(
            Event("letter", lt.date_earliest, lt.date_latest, what, f"{lt.sender} → {lt.recipient}", lt.evidence, lt.start, lt.end,
                  key=f"letter:{lt.sender}→{lt.recipient}")
        )  # fmt: skip
    return out


def known_event_events(cd: CleanDoc) -> list[Event]:
    """Named events of the reference chronology, and anniversaries of them."""
    text = cd.body
    out: list[Event] = []
    for s0, s1 in sentence_spans(text):
        sent = text[s0:s1]
        mentions = _event_mentions(text, s0, s1)
        ann_spans = []
        for m in _ANNIVERSARY.finditer(sent):
            n = ordinal_value(m.group("ord"))
            after = [
                evs[0]
                for a, _b, evs in mentions
                if m.end() - 1 <= a < m.end() + 60 and len(evs) == 1 and evs[0].recurring
            ]
            if n and after:
                ev = after[0]
                day = add_years(ev.earliest, n)
                ann_spans.append((m.start(), m.end() + 60))
                desc = f"{_ordinal(n)} anniversary of the {ev.name[0].lower() + ev.name[1:]}"
                out.append(
                    Event(
                        "anniversary",
                        day,
                        day,
                        desc,
                        "",
                        sent.strip(),
                        s0,
                        s1,
                        key=f"anniversary:{ev.key}:{n}",
                    )
                )
        for _m in _YEARS_AGO.finditer(sent):
            for _a, _b, evs in mentions:
                if len(evs) == 1 and evs[0].recurring:
                    out.append(known_event(evs[0], sent, s0, s1, kind="history"))
        for a, _b, evs in mentions:
            if len(evs) != 1 or evs[0].recurring or any(x <= a < y for x, y in ann_spans):
                continue
            out.append(known_event(evs[0], sent, s0, s1))
    return out


def known_event(ev, sent: str, s0: int, s1: int, kind: str | None = None) -> Event:
    """The timeline row of a named event of the reference chronology, with the sentence that names it."""
    kind = kind or (ev.kind if ev.kind in ("summit", "visit", "election", "treaty", "war", "forum") else "other")
    return Event(kind, ev.earliest, ev.latest, ev.name, "", sent.strip(), s0, s1, key=f"known:{ev.key}")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def dated_clause_events(cd: CleanDoc, dates: list, taken: list[tuple[int, int]]) -> list[Event]:
    """A dated clause with an event verb: "Kim was first elected to the post in June 2016"."""
    text = cd.body
    out = []
    for d in dates:
        if d.section != "body" or any(a <= d.start < b for a, b in taken):
            continue
        s0, s1 = next(((a, b) for a, b in sentence_spans(text) if a <= d.start < b), (None, None))
        if s0 is None:
            continue
        sent = text[s0:s1]
        verbs = [v for v in _EVENT_VERB.finditer(sent)]
        if not verbs:
            continue
        known = _known_in_clause(sent, d)
        if known is not None:
            out.append(known_event(known, sent, s0, s1))
            continue
        near = min(verbs, key=lambda v: abs(v.start() + s0 - d.start))
        kind = _KIND_OF_VERB.get(near.group("verb").lower(), "other")
        clause = _clause_around(sent, d.start - s0)
        if len(clause.split()) < 7:
            clause = _clause_around(sent, d.start - s0, cut=False)
        out.append(Event(kind, d.date_earliest, d.date_latest, clause, "", sent.strip(), s0, s1, key=""))
    return out


_NOT_DISTINCTIVE = frozenset(
    "Kim Jong Un Il Sung Putin Trump Moon Xi Medvedev Summit First Second Third Meeting Talks Visit DPRK USSR Russia "
    "Russian North Korea Korean South US The Of And In At Far East Party Workers People Day".split()
)


def _known_in_clause(sent: str, d):
    """A known event whose date lies in the clause's interval and whose place the sentence names ("summit … in Hanoi")."""
    from . import reference

    for ev in reference.known_events():
        if ev.recurring or not (d.date_earliest <= ev.earliest <= d.date_latest):
            continue
        places = [w for w in re.findall(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", ev.name) if w not in _NOT_DISTINCTIVE]
        if places and any(re.search(rf"\b{re.escape(p)}\b", sent) for p in places) and _EVENT_VERB.search(sent):
            return ev
    return None


def _clause_around(sent: str, pos: int, cut: bool = True) -> str:
    """The words of ``sent`` around ``pos``, cut at clause punctuation (if ``cut``), at most about twenty words."""
    marks = (",", ";", ":", "—", "(") if cut else (";",)
    left = max(sent.rfind(p, 0, pos) for p in marks) + 1
    ends = (",", ";", ":", "—", ")") if cut else (";",)
    rights = [i for i in (sent.find(p, pos) for p in ends) if i >= 0]
    right = min(rights) if rights else len(sent)
    clause = sent[left:right].strip(" .")
    words = clause.split()
    return " ".join(words[:22]) + (" …" if len(words) > 22 else "")


def extract_events(cd: CleanDoc, letters: list[Letter], dates: list) -> list[Event]:
    """All events of one article, the same event named twice in it kept once."""
    events = letter_events(letters) + known_event_events(cd)
    taken = [span for lt in letters for span in lt.spans]
    events += dated_clause_events(cd, dates, taken)
    out: list[Event] = []
    for ev in events:
        dup = next(
            (
                o
                for o in out
                if (ev.key and o.key == ev.key)
                or (not ev.key and not o.key and o.start == ev.start and o.date_earliest == ev.date_earliest)
            ),
            None,
        )
        if dup is None:
            out.append(ev)
    return sorted(out, key=lambda e: (e.date_earliest, e.date_latest, e.description))


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if len(w) > 2}


class Linker:
    """Groups the same event across articles as the articles arrive, keeping only what grouping needs.

    An event joins the first group (in the order groups were made) whose first event is of
    the same kind, overlaps its dates (with ``slack_days``), and has the same key or, for
    events without a key, shares at least 40% of its description's words. Groups are found
    through a dict by key and by word, so adding an event does not scan every group: a
    corpus of any size links in one pass. ``add`` returns each event's group; ``event_id``
    and ``docs`` number the groups by date once every article has been added.
    """

    def __init__(self, slack_days: int = 3) -> None:
        self.slack = dt.timedelta(days=slack_days)
        self.firsts: list[tuple[dt.date, dt.date, str, str]] = []  # earliest, latest, kind, description
        self.words: list[set[str]] = []  # of an unkeyed group's first description (empty for keyed groups)
        self.docs: list[dict[str, None]] = []
        self.by_key: dict[tuple[str, str], list[int]] = {}
        self.by_word: dict[tuple[str, str], list[int]] = {}
        self._ids: list[str] | None = None
        self._sorted: dict[int, list[str]] = {}

    def _overlaps(self, g: int, ev: Event) -> bool:
        earliest, latest, _, _ = self.firsts[g]
        return earliest - self.slack <= ev.date_latest and ev.date_earliest - self.slack <= latest

    def _home(self, ev: Event) -> int | None:
        if ev.key:
            return next((g for g in self.by_key.get((ev.kind, ev.key), ()) if self._overlaps(g, ev)), None)
        b = _words(ev.description)
        if not b:
            return None
        candidates = sorted({g for w in b for g in self.by_word.get((ev.kind, w), ())})
        for g in candidates:
            a = self.words[g]
            if self._overlaps(g, ev) and len(a & b) / len(a | b) >= 0.4:
                return g
        return None

    def add(self, doc_id: str, events: list[Event]) -> list[int]:
        """Put each event of one article into its group (a new one if none fits); their group numbers."""
        self._ids = None
        self._sorted.clear()
        out = []
        for ev in events:
            g = self._home(ev)
            if g is None:
                g = len(self.firsts)
                self.firsts.append((ev.date_earliest, ev.date_latest, ev.kind, ev.description))
                self.docs.append({})
                if ev.key:
                    self.words.append(set())
                    self.by_key.setdefault((ev.kind, ev.key), []).append(g)
                else:
                    self.words.append(_words(ev.description))
                    for w in self.words[g]:
                        self.by_word.setdefault((ev.kind, w), []).append(g)
            self.docs[g][doc_id] = None
            out.append(g)
        return out

    def event_id(self, g: int) -> str:
        """``E0001``…: groups numbered by their first event's date, then description."""
        if self._ids is None:
            order = sorted(range(len(self.firsts)), key=lambda i: (self.firsts[i][0], self.firsts[i][3]))
            self._ids = [""] * len(order)
            for n, i in enumerate(order, 1):
                self._ids[i] = f"E{n:04d}"
        return self._ids[g]

    def group_docs(self, g: int) -> list[str]:
        """The articles that report group ``g``, sorted (one list per group, shared by its events)."""
        if g not in self._sorted:
            self._sorted[g] = sorted(self.docs[g])
        return self._sorted[g]

    def assign(self, events: list[Event], groups: list[int]) -> None:
        """Write ``event_id`` and ``docs`` into one article's events, once every article has been added."""
        for ev, g in zip(events, groups, strict=True):
            ev.event_id = self.event_id(g)
            ev.docs = self.group_docs(g)


def link(events_by_doc: dict[str, list[Event]], slack_days: int = 3) -> Linker:
    """Group the same event across articles; every event gets an ``event_id`` and the list of its ``docs``."""
    linker = Linker(slack_days)
    placed = [(events, linker.add(doc_id, events)) for doc_id, events in events_by_doc.items()]
    for events, groups in placed:
        linker.assign(events, groups)
    return linker


def assign_letter_keys(letters: list[Letter], events: list[Event]) -> None:
    """A letter's ``letter_key`` is the ``event_id`` of its event, shared by the same letter in other articles."""
    by_key = {(ev.key, ev.start): ev.event_id for ev in events if ev.kind == "letter"}
    for lt in letters:
        lt.letter_key = by_key.get((f"letter:{lt.sender}→{lt.recipient}", lt.start), lt.letter_key)
