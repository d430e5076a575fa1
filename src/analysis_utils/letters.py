"""Letters, messages, telegrams, greetings and cards that a story reports: who wrote to whom, when, why, via whom.

One row per letter per article: every mention of the same letter (same sender and
recipient, compatible dates) is merged, and ``letter_key`` links the same letter across
articles so the timeline counts letters, not articles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Protocol

from .clean import CleanDoc
from .entities import Mention, find_mentions
from .pubdate import PubDate
from .quotes import _mask, find_spans
from .sentences import sentence_spans

_NOUN = r"(?:letters?|messages?|telegrams?|greetings?|cards?|congratulations|condolences|notes?|repl(?:y|ies)|missives?|correspondence)"
_SEND = re.compile(
    rf"""\b(?P<verb>
        (?:has\s+|had\s+|have\s+)?(?:sent|sends|send|sending|dispatched|delivered|conveyed|conveying|addressed|extended|extending)
      | (?:wrote|writes|written|writing)(?=\s+(?:a\s+|an\s+|his\s+|her\s+|the\s+)?(?:\w+\s+){{0,3}}?{_NOUN}|\s+to\b|\s+back\b)
      | (?:has\s+|had\s+)?congratulated|congratulates|congratulating
      | exchanged|exchange|exchanging|traded|trade
      | received|receives
      | replied|responded
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_NOUN_RE = re.compile(rf"\b{_NOUN}\b", re.IGNORECASE)
_REPORTED = re.compile(
    r"\b(?:said|says|reported|reports|announced|according to|published|carried|released)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:on\s+(?:several|many|multiple|numerous)\s+occasions|regularly|frequently|often|over\s+the\s+years|repeatedly|routinely|every\s+year|each\s+year|annual(?:ly)?|in\s+previous\s+years|in\s+the\s+past)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no|declined\s+to|did\s+not|didn't|has\s+yet\s+to)\b", re.IGNORECASE)

OCCASIONS = [
    (
        "reply",
        re.compile(r"\b(?:in\s+(?:response|reply)|a\s+reply|replied|responded|in\s+return)\b", re.I),
    ),
    ("birthday", re.compile(r"\bbirthday\b", re.I)),
    ("new year", re.compile(r"\bnew\s+year", re.I)),
    (
        "re-election",
        re.compile(
            r"\bre-?elect(?:ed|ion)\b|\belection\s+(?:win|victory)\b|\bwinning\s+(?:the\s+)?election\b|\bnew\s+term\b",
            re.I,
        ),
    ),
    (
        "national day",
        re.compile(
            r"\b(?:russia\s+day|national\s+(?:day|holiday)|day\s+of\s+the\s+foundation|founding\s+day|independence\s+day)\b",
            re.I,
        ),
    ),
    (
        "victory day",
        re.compile(r"\bvictory\s+(?:day|in\s+the\s+great\s+patriotic|over\s+(?:nazi|fascis))", re.I),
    ),
    ("liberation day", re.compile(r"\bliberation\b", re.I)),
    ("anniversary", re.compile(r"\banniversary\b", re.I)),
    ("condolences", re.compile(r"\bcondolence|\bsympathy\b|\bmourn", re.I)),
    ("summit", re.compile(r"\b(?:summit|talks|visit|meeting)\b", re.I)),
]
_OCCASION_PHRASE = re.compile(
    r"\b(?:on\s+the\s+occasion\s+of|to\s+mark|marking|in\s+celebration\s+of|celebrating|for|on|over|ahead\s+of|after)\s+"
    r"(?P<what>(?:the\s+|his\s+|her\s+|its\s+)?(?:[\w’'-]+\s+){0,8}?(?:anniversary|birthday|day|holiday|re-?election|election|new\s+year|summit|victory|liberation|founding)"
    r"(?:\s+(?:of|from|in|as)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,8}?)?)(?=[,.;]|\s+(?:and|with|in\s+which|saying|calling|expressing|pledging|vowing|according|state\s+media)\b|$)",
    re.IGNORECASE,
)
CHANNELS = (
    "KCNA",
    "Kremlin",
    "Rodong Sinmun",
    "TASS",
    "Yonhap",
    "RIA Novosti",
    "Interfax",
    "Xinhua",
)


class DateLike(Protocol):
    start: int
    end: int
    section: str
    date_earliest: dt.date
    date_latest: dt.date
    precision: str
    expression: str


@dataclass
class Letter:
    sender: str
    recipient: str
    date_earliest: dt.date | None
    date_latest: dt.date | None
    date_evidence: str
    occasion: str
    occasion_type: str
    channel: str
    start: int  # evidence: the sentence of the first mention, offsets in the body
    end: int
    evidence: str
    mentions: int = 1
    letter_key: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)  # every sentence that mentions it
    warnings: list[str] = field(default_factory=list)

    @property
    def date(self) -> str:
        """The date as precisely as known: a day, a month, a year, or '' when only bounds span more."""
        lo, hi = self.date_earliest, self.date_latest
        if lo is None or hi is None:
            return ""
        if lo == hi:
            return lo.isoformat()
        if (lo.year, lo.month) == (hi.year, hi.month) and lo.day == 1 and (hi + dt.timedelta(days=1)).day == 1:
            return f"{lo:%Y-%m}"
        if lo == dt.date(lo.year, 1, 1) and hi == dt.date(lo.year, 12, 31):
            return str(lo.year)
        return ""


def _subject_before(ms: list[Mention], text: str, lo: int, pos: int) -> Mention | None:
    from .quotes import _PREP_BEFORE

    for m in reversed(ms):
        if m.end > pos or m.start < lo or m.kind not in ("person", "institution", "pronoun"):
            continue
        if m.text.lower() in ("his", "him", "her"):
            continue
        if _PREP_BEFORE.search(text[max(lo, m.start - 25) : m.start]):
            continue
        return m
    return None


def _people_after(ms: list[Mention], lo: int, hi: int) -> list[Mention]:
    return [m for m in ms if lo <= m.start < hi and m.kind in ("person", "institution")]


def extract_letters(cd: CleanDoc, pub: PubDate, dates: list[DateLike], when: dt.date | None = None) -> list[Letter]:
    """Letters reported in the body of ``cd``, merged per letter."""
    text = cd.body
    spans, _ = find_spans(text)
    masked = _mask(text, spans)
    mentions = find_mentions(masked, when)
    body_dates = [d for d in dates if d.section == "body"]
    found: list[Letter] = []
    last_person: str | None = None
    last_subject: str | None = None
    for s0, s1 in sentence_spans(masked):
        sent = masked[s0:s1]
        ms = [m for m in mentions if s0 <= m.start < s1]
        persons = [m for m in ms if m.kind == "person"]
        subject = _clause_subject(ms, masked, s0, s1)
        if not re.match(r"^\s*(?:if|whether)\b", sent, re.I):
            for v in _SEND.finditer(masked, s0, s1):
                clause0 = _clause_start(masked, s0, v.start())
                if _VAGUE.search(masked[clause0 : _clause_end(masked, v.end(), s1)]):
                    continue  # "exchanged letters on several occasions": no one letter
                if v.group("verb").lower().startswith("congratulat") and not _NOUN_RE.search(_paragraph(masked, s0)):
                    continue  # congratulations with no letter or message in sight
                found += _letters_at(masked, ms, s0, s1, v, subject, last_subject, last_person, pub, body_dates, text)
        if persons:
            last_person = persons[-1].canonical
        if subject is not None and subject.kind == "person":
            last_subject = subject.canonical
    letters = _merge(found, pub)
    lede = (cd.headline_text or "") + "\n" + "\n".join(cd.paragraphs[:1])
    for lt in letters:
        if not lt.occasion_type:
            lt.occasion, lt.occasion_type = _occasion(lede)
            if lt.occasion_type:
                lt.occasion = lt.occasion if lt.occasion != lt.occasion_type else lt.occasion
    return letters


def _paragraph(text: str, pos: int) -> str:
    a = text.rfind("\n\n", 0, pos)
    b = text.find("\n\n", pos)
    return text[a + 1 if a >= 0 else 0 : b if b >= 0 else len(text)]


def _clause_subject(ms: list[Mention], text: str, s0: int, s1: int) -> Mention | None:
    from .quotes import _subject

    return _subject(ms, text, s0, s1)


def _letters_at(masked, ms, s0, s1, v, subject, last_subject, last_person, pub, dates, text) -> list[Letter]:
    verb = v.group("verb").lower()
    sent = masked[s0:s1]
    after = masked[v.end() : s1]
    has_noun = bool(_NOUN_RE.search(sent))
    kind = re.sub(r"^(?:has|had|have)\s+", "", verb)
    if kind.startswith(("sent", "send", "dispatch", "deliver", "convey", "address", "extend")) and not has_noun:
        return []
    if kind.startswith(("exchang", "trad")) and not _NOUN_RE.search(after[:60]):
        return []
    if kind.startswith(("receiv", "repl", "respond")) and not has_noun:
        return []
    if _NEGATION.search(masked[max(s0, v.start() - 25) : v.start()]):
        return []
    sender_m = _subject_before(ms, masked, s0, v.start())
    if re.search(rf"{_NOUN}\s+$", masked[max(s0, v.start() - 20) : v.start()], re.I) and subject is not None:
        sender_m = subject  # "In a letter sent for the anniversary, Kim said": the sentence's subject wrote it
    if (
        sender_m is not None
        and subject is not None
        and re.search(r"\b(?:and|but)\s+(?:\w+\s+){0,2}$", masked[sender_m.end : v.start()])
    ):
        sender_m = subject
    sender = _name(sender_m, last_subject, last_person)
    clause_end = _clause_end(masked, v.end(), s1)
    others = [m for m in _people_after(ms, v.end(), clause_end) if m.canonical != sender]
    recipients: list[str] = []
    if kind.startswith(("exchang", "trad")):
        pair = _exchange_pair(ms, masked, s0, v.start(), sender)
        if len(pair) == 2:
            a, b = pair
            return [
                _make(a, b, masked, s0, s1, v, pub, dates, text, "exchange"),
                _make(b, a, masked, s0, s1, v, pub, dates, text, "exchange"),
            ]
        return []
    if kind.startswith("receiv"):
        frm = re.search(r"\bfrom\s+", masked[v.end() : clause_end])
        givers = [m for m in others if frm and m.start >= v.end() + frm.end()]
        if givers and sender:
            return [_make(givers[0].canonical, sender, masked, s0, s1, v, pub, dates, text, "received")]
        return []
    to = re.search(r"\bto\s+", masked[v.end() : clause_end])
    if kind.startswith("congratulat"):
        recipients = [others[0].canonical] if others else []
    elif to:
        tos = [m for m in others if m.start >= v.end() + to.start()]
        recipients = [m.canonical for m in tos if m.kind == "person"] or [m.canonical for m in tos[:1]]
    elif others and others[0].kind == "person":
        recipients = [others[0].canonical]  # "Kim sent Putin a message"
    if not sender or sender_m is None and not last_subject:
        return []
    if not recipients:
        recipients = [_counterpart(sender)] if _counterpart(sender) else []
    out = []
    for r in dict.fromkeys(recipients):
        if r and r != sender and _is_leader_pair(sender, r):
            out.append(_make(sender, r, masked, s0, s1, v, pub, dates, text, kind))
    return out


def _name(m: Mention | None, last_subject: str | None, last_person: str | None) -> str | None:
    if m is None:
        return None
    if m.kind == "pronoun":
        return last_subject or last_person
    return m.canonical


_SUBORDINATE = re.compile(
    r"(?:,\s+(?:most\s+recently\s+|especially\s+)?(?:when|after|as|while|since|before|which|who)\b|;)",
    re.IGNORECASE,
)


def _clause_start(text: str, s0: int, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last subordinate-clause boundary, else the sentence."""
    starts = [m.start() for m in _SUBORDINATE.finditer(text, s0, pos)]
    return starts[-1] + 1 if starts else s0


def _clause_end(text: str, pos: int, s1: int) -> int:
    m = re.search(
        r"[;]|,\s+(?:which|who|while|as|but|after|when)\b|\s+(?:and|but)\s+(?:\w+\s+)?(?:said|says|added|called|vowed|pledged)\b",
        text[pos:s1],
    )
    return pos + m.start() if m else s1


def _exchange_pair(ms, text, s0, vpos, sender) -> list[str]:
    people = [m for m in ms if s0 <= m.start < vpos and m.kind == "person"]
    names = list(dict.fromkeys(m.canonical for m in people))
    if len(names) >= 2:
        return names[-2:]
    if re.search(
        r"\b(?:the\s+two\s+leaders|the\s+leaders|both\s+leaders|the\s+two\s+men|the\s+two)\b",
        text[s0:vpos],
        re.I,
    ):
        return ["Kim Jong Un", "Vladimir Putin"]
    return []


def _counterpart(sender: str | None) -> str | None:
    """In this corpus a leader's letter with no named recipient goes to the other leader."""
    return {"Kim Jong Un": "Vladimir Putin", "Vladimir Putin": "Kim Jong Un"}.get(sender or "")


def _is_leader_pair(sender: str, recipient: str) -> bool:
    """Letters between people or institutions, not to media (a message 'to KCNA' is not a letter)."""
    return sender not in CHANNELS and recipient not in CHANNELS


def _make(sender, recipient, masked, s0, s1, v, pub, dates, text, kind) -> Letter:
    c0 = _clause_start(masked, s0, v.start())
    c1 = _clause_end(masked, v.end(), s1)
    lo, hi, why = _letter_date(masked, c0, c1, v, pub, dates)
    occasion, otype = _occasion(text[c0:c1])
    channel = _channel(masked, s0, s1)
    evidence = text[s0:s1].strip()
    return Letter(sender, recipient, lo, hi, why, occasion, otype, channel, s0, s1, evidence, spans=[(s0, s1)])


def _letter_date(masked, s0, s1, v, pub: PubDate, dates) -> tuple[dt.date | None, dt.date | None, str]:
    """The date expression of the sending clause; else the news peg before publication."""
    cands = []
    for d in dates:
        if not (s0 <= d.start < s1):
            continue
        between = masked[min(v.end(), d.end) : max(v.start(), d.start)]
        if _REPORTED.search(between):
            continue  # "..., state media said on Tuesday": the date of the report, not of the letter
        if pub.latest and d.date_latest < pub.latest - dt.timedelta(days=366) and d.precision == "year":
            occasion = _anniversary_of(masked[s0:s1], d)
            if occasion is not None:
                return (
                    occasion,
                    occasion,
                    f"'{d.expression}' after the known event: its anniversary, {occasion}",
                )
            continue  # "77 years ago": the occasion, not the letter
        cands.append((abs(d.start - v.start()), d))
    if cands:
        d = min(cands, key=lambda c: c[0])[1]
        return d.date_earliest, d.date_latest, f"'{d.expression}'"
    anniversary = _anniversary_in(masked[s0:s1])
    if anniversary is not None:
        return anniversary[0], anniversary[0], anniversary[1]
    if pub.latest:
        lo = (pub.earliest or pub.latest) - dt.timedelta(days=7)
        return lo, pub.latest, "no date in the sentence: within the week before publication"
    return None, None, "no date"


def _anniversary_in(sentence: str) -> tuple[dt.date, str] | None:
    """'for the 78th anniversary of Korea's liberation': that anniversary's date, from the known events."""
    from .calendar_text import add_years, ordinal_value
    from .pubdate import _ANNIVERSARY, _event_mentions

    events = _event_mentions(sentence)
    for m in _ANNIVERSARY.finditer(sentence):
        n = ordinal_value(m.group("ord"))
        after = [
            evs[0] for a, _b, evs in events if m.end() - 1 <= a < m.end() + 60 and len(evs) == 1 and evs[0].recurring
        ]
        if n and after:
            day = add_years(after[0].earliest, n)
            return (
                day,
                f"'{m.group(0)} of {after[0].name.lower()}' ({after[0].earliest} + {n} years)",
            )
    return None


def _anniversary_of(sentence: str, d: DateLike) -> dt.date | None:
    """'the liberation … 77 years ago': the known event's date moved forward to that anniversary."""
    from .calendar_text import add_years
    from .pubdate import _event_mentions

    m = re.search(r"(\d{1,3})\s+years?\s+ago", d.expression)
    if not m:
        return None
    for _a, _b, evs in _event_mentions(sentence):
        if len(evs) == 1 and evs[0].recurring and evs[0].earliest.year == d.date_earliest.year:
            return add_years(evs[0].earliest, int(m.group(1)))
    return None


def _occasion(sentence: str) -> tuple[str, str]:
    m = _OCCASION_PHRASE.search(sentence)
    phrase = m.group("what").strip() if m else ""
    phrase = re.split(
        r"\b(?:to\s+mark|marking|on\s+the\s+occasion\s+of|congratulating\s+\w+\s+on|celebrating)\s+",
        phrase,
    )[-1]
    phrase = re.sub(
        r"\s+(?:as|while|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}))\b.*$",
        "",
        phrase,
    )
    phrase = re.sub(r"^(?:the|his|her|its)\s+", "", phrase, flags=re.I)
    for name, pat in OCCASIONS:
        if pat.search(sentence):
            return phrase or name, name
    return phrase, "other" if phrase else ""


def _channel(masked: str, s0: int, s1: int) -> str:
    ms = [m for m in find_mentions(masked[s0:s1]) if m.kind in ("media", "institution") and m.canonical in CHANNELS]
    return ms[0].canonical if ms else ""


def _overlap(a: Letter, b: Letter, slack: int = 3) -> bool:
    if a.date_earliest is None or b.date_earliest is None:
        return True
    d = dt.timedelta(days=slack)
    return a.date_earliest - d <= b.date_latest and b.date_earliest - d <= a.date_latest


def _merge(found: list[Letter], pub: PubDate) -> list[Letter]:
    out: list[Letter] = []
    for lt in found:
        same = next(
            (o for o in out if o.sender == lt.sender and o.recipient == lt.recipient and _overlap(o, lt, slack=7)),
            None,
        )
        if same is None:
            out.append(lt)
            continue
        same.mentions += 1
        same.spans += lt.spans
        if _width(lt) < _width(same):
            same.date_earliest, same.date_latest, same.date_evidence = (
                lt.date_earliest,
                lt.date_latest,
                lt.date_evidence,
            )
        if not same.occasion or (
            same.occasion_type in ("", "other", "summit") and lt.occasion_type not in ("", "other")
        ):
            same.occasion, same.occasion_type = (
                lt.occasion or same.occasion,
                lt.occasion_type or same.occasion_type,
            )
        same.channel = same.channel or lt.channel
    for lt in out:
        lt.letter_key = f"{lt.sender} → {lt.recipient} | {lt.date_earliest or '?'}"
    return out


def _width(lt: Letter) -> int:
    if lt.date_earliest is None or lt.date_latest is None:
        return 10**6
    return (lt.date_latest - lt.date_earliest).days
