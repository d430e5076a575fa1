"""The same event (and the same letter) in different articles, given one id as the articles arrive.

``Linker`` groups events in one pass; ``LinkSpool`` keeps every article's letters and events in a
temporary file until the whole corpus is linked, so that memory does not grow with the corpus.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..extract.values import Event, Letter


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


class LinkSpool:
    """Letters and events of every article in a temporary file until all are linked across articles.

    ``add`` puts one article's events into their groups (``Linker``, in memory) and
    writes the article's letters and events to the file; iterating reads them back, one
    article at a time, with ``event_id``, ``docs`` and ``letter_key`` set: light articles
    for ``tables.letter_rows`` and ``tables.event_rows``.
    """

    def __init__(self, folder: Path) -> None:
        self.fh = tempfile.TemporaryFile(dir=folder, prefix=".linking-")
        self.linker = Linker()

    def add(self, doc_id: str, file: str, letters: list[Letter], events: list[Event]) -> None:
        groups = self.linker.add(doc_id, events)
        pickle.dump((doc_id, file, letters, events, groups), self.fh, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Any]:
        self.fh.seek(0)
        while True:
            try:
                doc_id, file, letters, events, groups = pickle.load(self.fh)
            except EOFError:
                return
            self.linker.assign(events, groups)
            assign_letter_keys(letters, events)
            yield SimpleNamespace(doc=SimpleNamespace(doc_id=doc_id, file=file), letters=letters, events=events)

    def close(self) -> None:
        self.fh.close()

    def __enter__(self) -> LinkSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
