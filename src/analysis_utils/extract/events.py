"""The timeline of one article: what happened when (letters, summits, visits, elections, anniversaries, reports).

Events come from three kinds of evidence: the letters it reports, the known events of
``data/known_events.csv`` it names (with "N years ago" and "the Nth anniversary of" giving
the anniversary), and sentences whose dated clause has an event verb ("met", "held a
summit", "was elected", "reported"). ``pipeline.link`` then gives the same event in
different articles one ``event_id``, so the timeline counts events, not articles.
"""

from __future__ import annotations

import re

from ..clean.values import CleanDoc
from ..text.clauses import DESCRIPTION_END, DESCRIPTION_START, SENTENCE_PART, clause_end, clause_start
from ..text.known_events import ANNIVERSARY_REACH, YEARS_AGO, KnownEvent, anniversaries, event_mentions, known_events
from ..text.matching import Prefiltered
from ..text.sentences import sentence_spans
from .values import DateExpr, Event, Letter

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
    text = cd.story
    out: list[Event] = []
    for s0, s1 in sentence_spans(text):
        sent = text[s0:s1]
        mentions = event_mentions(text, s0, s1)
        ann_spans = []
        for a in anniversaries(sent, mentions):
            ev = a.event
            ann_spans.append((a.match.start(), a.match.end() + ANNIVERSARY_REACH))
            desc = f"{_ordinal(a.years)} anniversary of the {ev.name[0].lower() + ev.name[1:]}"
            key = f"anniversary:{ev.key}:{a.years}"
            out.append(Event("anniversary", a.day, a.day, desc, "", sent.strip(), s0, s1, key=key))
        for _m in YEARS_AGO.finditer(sent):
            for _a, _b, evs in mentions:
                if len(evs) == 1 and evs[0].recurring:
                    out.append(known_event(evs[0], sent, s0, s1, kind="history"))
        for a, _b, evs in mentions:
            if len(evs) != 1 or evs[0].recurring or any(x <= a < y for x, y in ann_spans):
                continue
            out.append(known_event(evs[0], sent, s0, s1))
    return out


def known_event(ev: KnownEvent, sent: str, s0: int, s1: int, kind: str | None = None) -> Event:
    """The timeline row of a named event of the reference chronology, with the sentence that names it."""
    kind = kind or (ev.kind if ev.kind in ("summit", "visit", "election", "treaty", "war", "forum") else "other")
    return Event(kind, ev.earliest, ev.latest, ev.name, "", sent.strip(), s0, s1, key=f"known:{ev.key}")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def dated_clause_events(cd: CleanDoc, dates: list[DateExpr], taken: list[tuple[int, int]]) -> list[Event]:
    """A dated clause with an event verb: "Kim was first elected to the post in June 2016"."""
    text = cd.story
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


def _known_in_clause(sent: str, d: DateExpr) -> KnownEvent | None:
    """A known event whose date lies in the clause's interval and whose place the sentence names ("summit … in Hanoi")."""
    for ev in known_events():
        if ev.recurring or not (d.date_earliest <= ev.earliest <= d.date_latest):
            continue
        places = [w for w in re.findall(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", ev.name) if w not in _NOT_DISTINCTIVE]
        if places and any(re.search(rf"\b{re.escape(p)}\b", sent) for p in places) and _EVENT_VERB.search(sent):
            return ev
    return None


def _clause_around(sent: str, pos: int, cut: bool = True) -> str:
    """The words of ``sent`` around ``pos``, cut at clause punctuation (if ``cut``, else at semicolons), at most
    about twenty words."""
    left = clause_start(sent, 0, pos, DESCRIPTION_START if cut else SENTENCE_PART)
    right = clause_end(sent, pos, len(sent), DESCRIPTION_END if cut else SENTENCE_PART)
    clause = sent[left:right].strip(" .")
    words = clause.split()
    return " ".join(words[:22]) + (" …" if len(words) > 22 else "")


def extract_events(cd: CleanDoc, letters: list[Letter], dates: list[DateExpr]) -> list[Event]:
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
