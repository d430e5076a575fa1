"""Letters, messages, telegrams, greetings and cards that a story reports: who wrote to whom, when, why, via whom.

One row per letter per article: every mention of the same letter (same sender and
recipient, compatible dates) is merged, and ``letter_key`` links the same letter across
articles so the timeline counts letters, not articles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..clean.values import CleanDoc
from ..metadata.values import PubDate
from ..text import reference
from ..text.calendar import add_years
from ..text.clauses import SENDING_CLAUSE_END, SENDING_CLAUSE_START, clause_end, clause_start
from ..text.known_events import anniversaries, event_mentions
from ..text.matching import Prefiltered
from ..text.quotemarks import find_spans, mask
from ..text.sentences import sentence_spans
from .entities import Mention, MentionIndex, find_mentions
from .speakers import DOCUMENT_NOUNS, Clause, subject, subject_before
from .values import DateExpr, Letter

_NOUN = (
    r"(?:letters?|messages?|telegrams?|greetings?|cards?|congratulations|condolences?|sympath(?:y|ies)|notes?|repl(?:y|ies)"
    r"|missives?|correspondence|(?-i:telegraphs?)|(?<=year\s)wishes|(?<=year['’]s\s)wishes|(?<=(?:best|good|warm)\s)wishes"
    r"|(?<=birthday\s)wishes|(?<=warmest\s)wishes)"
)
"""Nouns of a message; "wishes" only as "New Year wishes", "best wishes" (not the verb: "Putin wishes to …")."""


_SEND = Prefiltered(
    re.compile(
        rf"""\b(?P<verb>
        (?:has\s+|had\s+|have\s+)?(?:sent|sends|send|sending|dispatched|delivered|conveyed|conveying|addressed|extended|extending
          |handed(?:\s+over)?|hands\s+over|relayed|forwarded|passed\s+on|gave|gives|presented|presents)
      | (?:wrote|writes|writing)(?=\s+(?:a\s+|an\s+|his\s+|her\s+|the\s+)?(?:\w+\s+){{0,3}}?{_NOUN}|\s+to\b|\s+back\b)
      | written(?=\s+(?:a\s+|an\s+|his\s+|her\s+|the\s+)(?:\w+\s+){{0,3}}?{_NOUN}|\s+to\b|\s+back\b)
      | (?:has\s+|had\s+)?congratulated|congratulates|congratulating|(?<=\bto\s)congratulate
      | (?:has\s+|had\s+)?(?:expressed|expresses|expressing)(?=\s+(?:his\s+|her\s+|their\s+|deep\s+|deepest\s+|sincere\s+|heartfelt\s+)*(?:condolences?|sympathy|sympathies)\b)
      | exchanged|exchange|exchanging|traded|trade|swapped|swap|swapping
      | received|receives
      | replied|responded|reciprocated|reciprocates
    )\b""",
        re.IGNORECASE | re.VERBOSE,
    )
)


_INFINITIVES = r"(?:mark|celebrate|congratulate|express|wish|thank|commemorate|say|highlight|convey|discuss|strengthen|be|have|hail|praise|pledge|vow|greet|honou?r|show|stress|underline|reaffirm)"


_NOUN_RE = Prefiltered(re.compile(rf"\b{_NOUN}\b", re.IGNORECASE))


_POSSESSIVE_NOUN = re.compile(rf"\s*(?:His|Her)\s+(?:[\w’'-]+\s+){{0,4}}?{_NOUN}\b[^.;]*,\s*$")
"""A sentence opening "His … message …," before the verb: the message's writer is the one "his" names."""


_REPORTED = Prefiltered(
    re.compile(
        r"\b(?:said|says|reported|reports|announced|according to|published|carried|released|confirmed|confirms|told|revealed|disclosed)\b",
        re.IGNORECASE,
    )
)


_VAGUE = Prefiltered(
    re.compile(
        r"\b(?:on\s+(?:several|many|multiple|numerous)\s+occasions|regularly|frequently|often|over\s+the\s+years|repeatedly|routinely|every\s+year|each\s+year|annual(?:ly)?|in\s+previous\s+years|in\s+the\s+past)\b",
        re.IGNORECASE,
    )
)


_NEGATION = re.compile(r"\b(?:not|never|no|declined\s+to|did\s+not|didn't|has\s+yet\s+to)\b", re.IGNORECASE)


OCCASIONS = [
    (
        "reply",
        # "in response to" a letter, not "in response to media reports that Russia declared an emergency"
        re.compile(
            rf"\bin\s+(?:response|reply)\s+to\s+(?:[\w’'-]+\s+){{0,4}}?{_NOUN}\b|\bin\s+(?:response|reply)\b(?!\s+to\b)"
            r"|\ba\s+reply|\breplied|\bresponded|\bin\s+return\b",
            re.I,
        ),
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


_OCCASION_PHRASE = Prefiltered(
    re.compile(
        r"\b(?:on\s+the\s+occasion\s+of|to\s+mark|marking|in\s+celebration\s+of|celebrating|for|on|over|ahead\s+of|after)\s+"
        r"(?P<what>(?:the\s+|his\s+|her\s+|its\s+)?(?:[\w’'-]+\s+){0,8}?(?:anniversary|birthday|day|holiday|re-?election|election|new\s+year|summit|victory|liberation|founding)"
        r"(?:\s+(?:of|from|in|as)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,8}?)?)(?=[,.;]|\s+(?:and|with|in\s+which|saying|calling|expressing|pledging|vowing|according|state\s+media)\b|$)",
        re.IGNORECASE,
    )
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


@dataclass
class _Ctx:
    """One document's text and what the letter finder has learnt so far."""

    text: str
    masked: str
    pub: PubDate
    dates: list[DateExpr]
    index: MentionIndex
    leaders: list[str]  # the leaders the story names, the most named first
    last_subject: str | None = None
    last_person: str | None = None
    last_letter: Letter | None = None
    found: list[Letter] = field(default_factory=list)  # the letters found so far
    sentence_letter: Letter | None = None  # the sentence's letter a nominal after "after" is another of


@dataclass(frozen=True)
class _Trigger:
    """A sending verb ("sent") or a letter noun ("a message to") in a sentence, with the clause it stands in."""

    sentence: Clause  # the sentence and its mentions
    start: int  # the clause
    end: int
    match: re.Match[str]
    subject: Mention | None  # the sentence's subject

    @property
    def kind(self) -> str:
        """The verb without its auxiliary ("has sent" → "sent")."""
        return re.sub(r"^(?:has|had|have)\s+", "", self.match.group("verb").lower())


def extract_letters(cd: CleanDoc, pub: PubDate, dates: list[DateExpr], when: dt.date | None = None) -> list[Letter]:
    """Letters reported in the body of ``cd``, merged per letter."""
    text = cd.story
    spans, _ = find_spans(text)
    masked = mask(text, spans)
    index = MentionIndex(find_mentions(masked, when))
    ctx = _Ctx(text, masked, pub, [d for d in dates if d.section == "body"], index, _story_leaders(cd, index, when))
    for s0, s1 in sentence_spans(masked):
        sentence = Clause(masked, s0, s1, index.between(s0, s1))
        subj = subject(sentence)
        ctx.found += _sentence_letters(ctx, sentence, subj)
        _date_the_last_letter(ctx, s0, s1)
        persons = [m for m in sentence.mentions if m.kind == "person"]
        if persons:
            ctx.last_person = persons[-1].canonical
        if subj is not None and subj.kind == "person":
            ctx.last_subject = subj.canonical
        if ctx.found:
            ctx.last_letter = ctx.found[-1]
    letters = _merge(ctx.found)
    lede = (cd.headline_text or "") + "\n" + "\n".join(cd.paragraphs[:1])
    for lt in letters:
        if not lt.occasion_type:
            lt.occasion, lt.occasion_type = _occasion(lede)
    return letters


def _sentence_letters(ctx: _Ctx, sentence: Clause, subj: Mention | None) -> list[Letter]:
    """The letters one sentence tells of: its sending verbs', then its letter nouns' that no verb took."""
    masked, s0, s1 = ctx.masked, sentence.start, sentence.end
    found: list[Letter] = []
    objects: list[tuple[int, int]] = []  # a letter noun after the verb is its object
    clauses: list[tuple[int, int]] = []
    lead_ins: list[tuple[int, int]] = []  # before the verb
    for v in _SEND.finditer(masked, s0, s1):
        if v.group("verb").lower().endswith(("ing", "congratulate")) and any(a <= v.start() < b for a, b in clauses):
            continue  # "sent a message to Kim congratulating him" / "to congratulate him": the same letter
        t = _trigger(sentence, v, subj)
        if _skip_clause(t, ctx.text):
            continue
        if v.group("verb").lower().startswith("congratulat") and not _written_congratulations(ctx, t):
            continue  # congratulations with no letter or message in sight
        if found:
            ctx.last_letter = found[-1]  # the last letter told, this sentence's own included ("…, and Kim replied")
        made = _verb_letters(ctx, t)
        if made:
            clauses.append((t.start, t.end))
            lead_ins.append((t.start, v.start()))
            objects.append((v.start(), t.end))
            found += made
    for n in _NOMINAL.finditer(masked, s0, s1):
        other = _ANOTHER.search(masked[max(s0, n.start() - 40) : n.start()])
        if not other and any(a <= n.start() < b for a, b in objects):
            continue  # the verb's own object ("sent a message"), not "…, after a congratulatory note on Monday"
        if any(a <= n.start() < v0 for a, v0 in lead_ins) and "from" not in (n.group("tail") or "").lower():
            continue  # before the verb, only "a message from Kim" (in a lead-in) is another letter
        ctx.sentence_letter = next((lt for lt in reversed(found) if lt.start == s0), None) if other else None
        t = _trigger(sentence, n, subj)
        if found:
            ctx.last_letter = found[-1]
        if not _skip_clause(t, ctx.text):
            found += _nominal_letters(ctx, t)
    for m in _THOSE_FROM.finditer(masked, s0, s1):
        t = _trigger(sentence, m, subj)
        if found and (leaders := _leaders_of_countries(ctx, t, m.end())):
            ctx.last_letter = found[-1]
            found += _from_leaders_of(ctx, t, leaders)
    return found


_ANOTHER = re.compile(
    r"\b(?:after|before|following|since|than|as\s+well\s+as)\s+(?:(?:a|an|the|his|her|its)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
"""A letter noun after "after", "before" or "as well as" is another letter than the verb's ("sent …, after a note on
Monday", "a congratulatory message …, as well as a message of condolence")."""


_DATED = Prefiltered(re.compile(rf"\b(?:the|this|that|his|her|its)\s+(?:[\w-]+\s+)?{_NOUN},?\s+dated\s+", re.I))
"""'The letter, dated Sept. 12, …': the date of the letter the story is telling of."""


def _date_the_last_letter(ctx: _Ctx, s0: int, s1: int) -> None:
    """A "dated …" apposition ("The letter, dated Sept. 12, …") dates the letter the story told of last."""
    for m in _DATED.finditer(ctx.masked, s0, s1):
        d = next((x for x in ctx.dates if x.start == m.end() and x.precision == "day"), None)
        last = ctx.last_letter
        if d is not None and last is not None:
            last.date_earliest, last.date_latest = d.date_earliest, d.date_latest
            last.date_evidence = f"'{ctx.text[m.start() : d.end].strip()}'"
            last.spans.append((s0, s1))


def _trigger(sentence: Clause, m: re.Match[str], subj: Mention | None) -> _Trigger:
    """``m`` in ``sentence``, with the sending clause around it."""
    masked, s0, s1 = sentence.text, sentence.start, sentence.end
    c0 = clause_start(masked, s0, m.start(), SENDING_CLAUSE_START)
    c1 = clause_end(masked, m.end(), s1, SENDING_CLAUSE_END)
    return _Trigger(sentence, c0, c1, m, subj)


_IN_PERSON = Prefiltered(
    re.compile(
        r"\b(?:face[- ]to[- ]face|in person|shook hands|shake hands|sat down|in front of (?:the )?(?:television |tv )?cameras|"
        r"at (?:the|their) (?:talks|meeting|summit|banquet|reception|ceremony)|during (?:the|their) (?:talks|meeting|summit))\b",
        re.IGNORECASE,
    )
)
"""A meeting in person: greetings exchanged there are spoken, not sent."""


def _skip_clause(t: _Trigger, text: str) -> bool:
    """Vague, negated or conditional mentions name no one letter, and greetings exchanged in person are no letter."""
    masked, c0, c1, s0, at = t.sentence.text, t.start, t.end, t.sentence.start, t.match.start()
    content = _CONTENT.search(masked, t.match.end(), c1)
    clause = masked[c0 : content.start() if content else c1]  # not what the letter says ("that he would meet often")
    if _VAGUE.search(clause):
        return True  # "exchanged letters on several occasions"
    if _IN_PERSON.search(masked, max(s0, c0, at - 80), c1) and not re.search(
        r"\b(?:letters?|messages?|telegrams?|cards?|notes?)\b",
        text[c0:c1],
        re.I,  # a quoted “good letter” too
    ):
        return True  # "… shook hands, then sat down in a conference room to exchange greetings in front of the cameras"
    before = masked[max(s0, c0 - 40) : at]
    if re.search(r"\b(?:whether|if|unless)\b", before, re.I) or _NEGATION.search(masked[max(c0, at - 25) : at]):
        return True
    if re.search(
        r"\bamong\s+(?:the\s+)?(?:other\s+|many\s+)?(?:\w+\s+)?(?:leaders|heads\s+of\s+state|those)\s+who\s+$",
        masked[max(s0, at - 60) : at],
        re.I,
    ):
        return True  # "Xi and Modi were among other leaders who congratulated Putin": well-wishers, no one message
    return bool(re.search(r"\b(?:has|have|had)\s+not\s+(?:yet\s+)?$", masked[max(s0, at - 20) : at], re.I))


_SPOKEN = Prefiltered(
    re.compile(r"\b(?:phone|telephone|call(?:ed)?|video\s+link|in\s+person|met|meeting|talks|visit)\b", re.I)
)
_OCCASION_WORDS = Prefiltered(
    re.compile(
        r"\b(?:birthday|re-?elect\w*|elect\w*|anniversary|national\s+day|holiday|victory\s+day|new\s+year|liberation|russia\s+day|founding)\b",
        re.I,
    )
)


def _written_congratulations(ctx: _Ctx, t: _Trigger) -> bool:
    """Congratulations the story tells as a message: a letter noun in the paragraph or in the story, or a
    leader congratulated on an occasion (a birthday, a re-election, an anniversary) with no call or meeting said."""
    if _NOUN_RE.search(_paragraph(ctx.masked, t.sentence.start)) or _NOUN_RE.search(ctx.masked):
        return True
    clause = ctx.masked[t.start : t.end]
    return bool(_OCCASION_WORDS.search(clause)) and not _SPOKEN.search(ctx.masked, t.sentence.start, t.sentence.end)


def _paragraph(text: str, pos: int) -> str:
    a = text.rfind("\n\n", 0, pos)
    b = text.find("\n\n", pos)
    return text[a + 1 if a >= 0 else 0 : b if b >= 0 else len(text)]


def _verb_letters(ctx: _Ctx, t: _Trigger) -> list[Letter]:
    """The letters a sending verb tells of: sent, written, exchanged, received, replied, congratulated."""
    kind = t.kind
    has_noun = bool(_NOUN_RE.search(ctx.text, t.start, t.end))  # unmasked: a quoted "beautiful letter" counts too
    if kind.startswith(_NEEDS_A_NOUN) and not has_noun:
        return []  # "sent troops", "delivered a speech"
    if kind.startswith(("exchang", "trad", "swap")):
        pair = _exchange_pair(ctx, t) if has_noun else []
        if len(pair) == 2:
            x, y = pair
            return [_make(ctx, t, x, y, "exchange"), _make(ctx, t, y, x, "exchange")]
        return []
    if kind.startswith(_CARRYING) and re.match(r"\s+by\b", ctx.masked[t.match.end() : t.match.end() + 4]):
        return []  # "a letter from Xi, handed over by Li Hongzhong": the letter told before the verb, carried
    carrier = _name(_sender(ctx, t), ctx)
    author = _author_after(ctx, t, carrier or "") if kind.startswith(_CARRYING) else None
    sender = author or carrier
    if not sender:
        return []
    v, c1 = t.match, t.end
    others = [
        m
        for m in t.sentence.mentions
        if v.end() <= m.start < c1 and m.kind in ("person", "institution") and m.canonical != sender
    ]
    if kind.startswith("receiv"):
        return _received_letters(ctx, t, sender, others)
    if kind.startswith("recipro"):
        # "Putin had sent a New Year's message to Kim, followed by a report that Kim had reciprocated": a reply, but
        # only to a letter the story has just told of, sent to the one who reciprocates
        prev = ctx.last_letter
        if prev is None or prev.recipient != sender or t.sentence.start - prev.end > RECIPROCATED_REACH:
            return []
        return [_make(ctx, t, sender, prev.sender, "reply")]
    if kind.startswith(("repl", "respond")):
        prev = ctx.last_letter
        if not has_noun and prev is None:
            return []
        to = prev.sender if prev is not None and prev.sender != sender else _counterpart(ctx, sender)
        return [_make(ctx, t, sender, to, "reply")] if to else []
    if author is not None:
        # "Shoigu conveyed a message from Putin to Kim", "handed a written message … from Kim": the envoy carries it
        others = [m for m in others if m.canonical != author]
    recipients = _recipients(ctx, t, sender, kind, others)
    senders = [*_co_senders(ctx, t, sender), sender] if author is None else [sender]
    return [
        _make(ctx, t, x, r, kind)
        for x in senders
        for r in dict.fromkeys(recipients)
        if r != x and _is_leader_pair(x, r)
    ]


RECIPROCATED_REACH = 400
"""How far back (characters) the letter that "reciprocated" answers may have been told."""


_NEEDS_A_NOUN = (
    "sent", "send", "dispatch", "deliver", "convey", "address", "extend", "receiv", "express", "hand", "relay", "forward",
    "passed", "gave", "gives", "present",
)  # fmt: skip
"""Verbs that tell of a letter only with a letter noun in their clause."""


_CARRYING = ("convey", "deliver", "hand", "relay", "forward", "passed", "gave", "gives", "present")
"""Verbs of carrying a letter: whose it is may be named after it, the subject being the envoy."""


_AUTHOR_AFTER = re.compile(
    rf"(?:\s+(?:to\s+)?(?:[\w’'.-]+\s+){{0,6}}?)(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+){{0,3}}?{_NOUN}\b"
    r"[^.;,]{0,40}?\b(?:from|signed\s+by|written\s+by|of)\s+(?:the\s+)?",
    re.I,
)
"""The letter a carrying verb takes as its object, and the word naming its author: "conveyed a message from",
"handed a written message to Putin from" (not a letter named before the verb: "a letter from Xi, handed over by …")."""


def _author_after(ctx: _Ctx, t: _Trigger, carrier: str) -> str | None:
    """The author a carried letter names after its noun ("a message from President Vladimir Putin", "a letter
    signed by Putin"), not the one who carries it."""
    m = _AUTHOR_AFTER.match(ctx.masked, t.match.end(), t.end)
    if m is None:
        text = ctx.text[t.match.end() : t.end]  # "a “warm and good letter” signed by …" (the noun in quotation marks)
        m2 = re.search(r"\b(?:signed|written)\s+by\s+(?:the\s+)?", text, re.I)
        at = t.match.end() + m2.end() if m2 else None
    else:
        at = m.end()
    if at is None:
        return None
    who = next((x for x in t.sentence.mentions if at <= x.start < at + 45 and x.kind == "person"), None)
    return who.canonical if who is not None and who.canonical != carrier else None


def _object_pronoun(ctx: _Ctx, t: _Trigger, sender: str) -> str | None:
    """Whom "him" after a sending verb means: the last person named before it in the sentence other than the
    sender ("Trump told reporters that Kim had sent him a letter": Trump), else the last person of the story."""
    before = [m.canonical for m in t.sentence.mentions if m.end <= t.match.start() and m.kind == "person"]
    others = [x for x in before if x != sender]
    if others:
        return others[-1]
    return ctx.last_person if ctx.last_person and ctx.last_person != sender else None


_SENDERS_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+(?:(?:[A-Z][\w’'-]*|of|the)\s+){0,4}")
"""Between two names of a list, maybe a title the name recognizer left out: ", Emir of Kuwait "."""


def _co_senders(ctx: _Ctx, t: _Trigger, sender: str) -> list[str]:
    """ "Xi Jinping and Kim Jong Un sent Putin greetings": the people named with the sender before the verb."""
    # from the sentence's start: a clause cut at ", and" may hold only the list's last name
    before = [m for m in t.sentence.mentions if m.end <= t.match.start()]
    at = next((k for k in range(len(before) - 1, -1, -1) if before[k].canonical == sender), None)
    out: list[str] = []
    while at is not None and at > 0:
        prev, cur = before[at - 1], before[at]
        if prev.kind != "person" or not _SENDERS_GAP.fullmatch(ctx.masked, prev.end, cur.start):
            break
        out.insert(0, prev.canonical)
        at -= 1
    return [x for x in out if x != sender]


def _received_letters(ctx: _Ctx, t: _Trigger, sender: str, others: list[Mention]) -> list[Letter]:
    """ "Kim received a letter from Xi … and a letter from Putin": who sent what the verb's subject received."""
    v, c1 = t.match, t.end
    if not _NOUN_RE.search(ctx.text, v.end(), c1):
        return []  # "received a commemorative medal from Putin": no letter received
    # "received a letter from Xi … and a letter from Putin": the first name after each "from"
    givers: list[tuple[str, re.Match[str]]] = []
    first: Mention | None = None
    for frm in _FROM.finditer(ctx.masked, v.end(), c1):
        if leaders := _leaders_of_countries(ctx, t, frm.end()):
            # "received messages from the leaders of Vietnam, Mongolia and Belarus": one letter from each
            return [_make(ctx, t, g, sender, "received") for g in dict.fromkeys(leaders) if g != sender]
        giver = next((m for m in others if frm.end() <= m.start < frm.end() + 40), None)
        if giver is not None and giver.canonical not in (g for g, _ in givers):
            givers.append((giver.canonical, frm))
            first = first or giver
    if len(givers) == 1 and first is not None:
        # "received congratulatory messages from Vietnamese President …, Cuban President … and Lao President …"
        listed = [m.canonical for m in _listed(ctx.masked, [m for m in others if m.start >= first.start])]
        if len(listed) > 1 and all(m.kind == "person" for m in others if m.canonical in listed):
            return [_make(ctx, t, g, sender, "received") for g in dict.fromkeys(listed)]
    if len(givers) < 2:
        return [_make(ctx, t, g, sender, "received") for g, _ in givers]
    # each letter is dated by its own part of the clause ("…, which Shoigu had delivered the day before")
    ends = [frm.start() for _, frm in givers[1:]] + [c1]
    return [
        _make(
            ctx,
            _Trigger(t.sentence, t.start if k == 0 else frm.start(), ends[k], frm, t.subject),
            g,
            sender,
            "received",
        )
        for k, (g, frm) in enumerate(givers)
    ]


def _sender(ctx: _Ctx, t: _Trigger) -> Mention | None:
    """Who sends: the subject before the verb in its clause (else in its sentence), or the sentence's subject."""
    masked, s0, c0, v, subj = ctx.masked, t.sentence.start, t.start, t.match, t.subject
    in_clause = Clause(masked, c0, t.sentence.end, t.sentence.mentions)
    sender_m = subject_before(in_clause, v.start()) or subject_before(t.sentence, v.start())
    if re.search(rf"{_NOUN},?\s+$", masked[max(s0, v.start() - 20) : v.start()], re.I) and subj is not None:
        sender_m = subj  # "In a letter sent for the anniversary, Kim said": the sentence's subject wrote it
    if (
        sender_m is not None
        and subj is not None
        and re.search(r"\b(?:and|but)\s+(?:\w+\s+){0,2}$", masked[sender_m.end : v.start()])
    ):
        sender_m = subj
    if _POSSESSIVE_NOUN.match(masked, s0, v.start()) and ctx.last_subject:
        # "His Russia Day message of June 12, sent a week before …": his is the last sentence's subject
        sender_m = Mention(s0, s0 + 3, masked[s0 : s0 + 3], "", "pronoun")
    elif sender_m is not None and sender_m.kind == "pronoun" and subj is not None and subj.kind == "person":
        if subj.start < sender_m.start:  # "Trump told reporters that he had received …": he is Trump
            sender_m = subj
    # "the greeting card sent by Kim Jong Un to Xi": a passive names its sender after "by"
    if re.search(rf"{_NOUN}\s+(?:\w+\s+){{0,2}}$", masked[max(s0, v.start() - 30) : v.start()], re.I) and (
        by := re.match(r"\s+(?:to\s+[^,.;]{1,40}?\s+)?by\s+(?:the\s+)?", masked[v.end() : v.end() + 60], re.I)
    ):  # "a telegram that was sent to Donald Trump by Putin"
        agent = next((m for m in t.sentence.mentions if m.start == v.end() + by.end()), None)
        if agent is not None and agent.kind in ("person", "institution"):
            sender_m = agent
    return sender_m


def _recipients(ctx: _Ctx, t: _Trigger, sender: str, kind: str, others: list[Mention]) -> list[str]:
    """To whom: the person congratulated, the people after "to", the person "sent" something, else the other leader."""
    v, c1 = t.match, t.end
    recipients: list[str] = []
    to = re.search(rf"(?<!according )(?<!due )(?<!thanks )\bto\s+(?!{_INFINITIVES}\b)", ctx.masked[v.end() : c1])
    if kind.startswith("congratulat"):
        recipients = [others[0].canonical] if others else []
    elif re.match(r"\s+(?:him|her)\b", ctx.masked[v.end() : v.end() + 5], re.I) and (
        who := _object_pronoun(ctx, t, sender)
    ):
        recipients = [who]  # "met Kim Jong-Il … and handed him a letter", "Kim had sent him a letter"
    elif to and (leaders := _leaders_of_countries(ctx, t, v.end() + to.end())):
        recipients = leaders  # "cards to leaders of various countries, including China and Russia"
    elif to:
        tos = _listed(ctx.masked, [m for m in others if m.start >= v.end() + to.start()])
        recipients = [m.canonical for m in tos if m.kind == "person"] or [
            m.canonical for m in tos[:1] if m.start - (v.end() + to.end()) < 25
        ]
    elif others and others[0].kind == "person":
        recipients = [others[0].canonical]  # "Kim sent Putin a message"
    recipients = [r for r in recipients if _OWN_COUNTRY.get(sender) != r]  # "… his visit to Pyongyang"
    if sender in reference.leaders():  # a leader's letter "delivered to the North" is to its leader
        when = ctx.pub.published or ctx.pub.latest
        names = reference.country_names()
        # … when the story names that leader (the gazetteer's guess at who led a listed country is not the text's)
        recipients = [_named_leader(ctx, r, when) if r in names else r for r in recipients]
    last = ctx.last_letter
    if (
        not recipients
        and last is not None
        and last.recipient != sender
        and _ALSO.search(ctx.masked, t.start, v.start())
    ):
        recipients = [last.recipient]  # "Pope Francis also sent a message saying …": to the last letter's recipient
    if not recipients and (c := _counterpart(ctx, sender)):
        recipients = [c]
    return recipients


_ALSO = re.compile(r"\b(?:also|too|likewise|similarly)\b", re.I)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+or\s+)(?:the\s+)?")


def _listed(text: str, tos: list[Mention]) -> list[Mention]:
    """The names of one list after "to" ("to Xi, Putin and Cuban President Miguel Diaz-Canel"): each joined to the
    one before by a comma or "and", and none of them the subject of a verb of its own ("…, Pompeo confirmed")."""
    out: list[Mention] = []
    for m in tos:
        if out and not _LIST_GAP.fullmatch(text, out[-1].end, m.start):
            gap = text[out[-1].end : m.start]
            if not re.fullmatch(r"\s*,?\s*(?:and\s+)?(?:[\w.’'-]+\s+){0,6}", gap) or re.search(r"[.;:]", gap):
                break
        if re.match(rf"\s+(?:{REPORTED_VERBS})\b", text[m.end : m.end + 30], re.I):
            break  # "…, Secretary of State Mike Pompeo confirmed on Sunday": a new clause's subject
        out.append(m)
    return out


REPORTED_VERBS = r"said|says|confirmed|confirms|told|added|reported|announced|noted|stressed|wrote|revealed|disclosed"


_FROM = re.compile(r"\bfrom\s+", re.I)


_LEADERS_OF = re.compile(
    r"(?:the\s+)?(?:(?:party|state|government)\s+)?(?:leaders?|heads?(?:\s+of\s+state)?|chiefs?|presidents?)\s+(?:of|from|in)\s+",
    re.I,
)


def _named_leader(ctx: _Ctx, country: str, when: dt.date | None) -> str:
    leader = reference.leader_of(country, when)
    return leader if leader is not None and leader in ctx.leaders else country


def _leaders_of_countries(ctx: _Ctx, t: _Trigger, at: int) -> list[str]:
    """The recipients "the leaders of A, B and C" (or "of various countries, including A and B") name: each
    country's leader on the day when the story names him too (Xi, told of elsewhere), else the country as printed
    (the gazetteer's guess at who led it that day is not the text's); people named among them too."""
    if not _LEADERS_OF.match(ctx.masked, at):
        return []
    names = reference.country_names()
    out = []
    last = at
    for m in t.sentence.mentions:
        if m.start < at:
            continue
        if m.start >= t.end and (
            not _LEADERS_LIST_GAP.fullmatch(ctx.masked, last, m.start) or _OWN_VERB.match(ctx.masked, m.end)
        ):
            break  # the list goes on past the clause ("A, B, and C, as well as leaders from D and E") but no further
        last = m.end
        if m.kind == "person":
            out.append(m.canonical)
        elif m.kind == "institution" and m.canonical in names:
            out.append(_named_leader(ctx, m.canonical, ctx.pub.published or ctx.pub.latest))
    return out


_LEADERS_LIST_GAP = re.compile(
    r"[\s,]*(?:(?:and|or|as\s+well\s+as|including|such\s+as|like|the|leaders?|heads?|of|from|in|former|other|"
    r"countries|states|nations|[A-Z][\w’'-]*)[\s,]+)*",
    re.I,
)
"""Between two names of a list of countries whose leaders are written to: list words, no verb."""


_OWN_VERB = re.compile(
    rf"\s+(?:has\s+|had\s+|also\s+)?(?:{REPORTED_VERBS}|sent|sends|wrote|writes|received|replied)\b", re.I
)
"""A name followed by a verb of its own opens a new clause: ", and Kim Jong Un wrote to Xi"."""


_NOMINAL = Prefiltered(
    re.compile(
        rf"\b(?P<noun>{_NOUN})\b(?:\s+(?:of\s+(?:greetings|congratulations|thanks|condolences|his\s+own|her\s+own)|dated\s+[^,]{{0,20}}))?(?P<tail>\s+(?:to|from|of(?=\s+(?:the\s+)?(?-i:[A-Z])))\s+)?",
        re.IGNORECASE,
    )
)


def _nominal_owner(ctx: _Ctx, t: _Trigger, before: str) -> tuple[str | None, list[Mention]]:
    """Whose letter a letter noun is: "Moon's letter", "Kim's … message", "his letter", "in a message" (the subject's)."""
    ms, n, subj = t.sentence.mentions, t.match, t.subject
    masked = ctx.masked
    owner: str | None = None
    poss = [
        m
        for m in ms
        if m.end <= n.start() and re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,3}", masked[m.end : n.start()] + " ")
    ]
    owned = next(
        (m for m in ms if m.kind == "document" and m.start < n.start() < m.end and m.canonical not in DOCUMENT_NOUNS),
        None,
    )
    if owned is not None:
        owner = owned.canonical  # "Moon's letter": one mention, its author
        poss = [owned]
    elif poss and poss[-1].kind in ("person", "institution"):
        owner = poss[-1].canonical
    elif re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,3}$", before, re.I):
        owner = ctx.last_subject if subj is None or subj.kind != "person" else subj.canonical
        if re.search(r"\b(?:in|with)\s+(?:his|her)\s+", before, re.I) and subj is not None and subj.kind == "person":
            owner = subj.canonical
    elif (
        re.search(r"\b(?:in|with)\s+an?\s+(?:[\w-]+\s+){0,3}$", before, re.I)
        and subj is not None
        and subj.kind == "person"
    ):
        owner = subj.canonical  # "Putin has praised …, in a message to Kim"
    return owner, poss


def _nominal_letters(ctx: _Ctx, t: _Trigger) -> list[Letter]:
    """ "Kim's message to Xi", "in a message to Kim", "his letter", "a letter from Putin"."""
    masked, ms, s0, c1, n, subj = ctx.masked, t.sentence.mentions, t.sentence.start, t.end, t.match, t.subject
    written_note = n.group("noun").lower() == "note" and re.search(
        r"\b(?:congratulatory|condolence|personal|handwritten|hand-written|thank-you|nice|warm|diplomatic)\s+$",
        masked[max(s0, n.start() - 20) : n.start()],
        re.I,
    )
    if not written_note and (
        n.group("noun").lower() in ("correspondence", "notes", "note")
        or re.match(r"letters?|messages?|greetings", n.group("noun"), re.I) is None
        and not n.group("tail")
    ):
        return []
    before = masked[max(s0, n.start() - 60) : n.start()]
    owner, poss = _nominal_owner(ctx, t, before)
    tail = n.group("tail") or ""
    if owner is None and not tail and ctx.sentence_letter is not None:
        # "the second message Kim has sent Putin, after a congratulatory note on Monday": the same two people
        return [_make(ctx, t, ctx.sentence_letter.sender, ctx.sentence_letter.recipient, "nominal")]
    after = [m for m in ms if n.end() <= m.start < min(c1, n.end() + 40) and m.kind in ("person", "institution")]
    if "from" in tail.lower() and (leaders := _leaders_of_countries(ctx, t, n.end())):
        # "Xi's message was listed alongside messages from the leaders of Vietnam, Mongolia and Belarus"
        return _from_leaders_of(ctx, t, leaders)
    if "from" in tail.lower() or tail.strip().lower() == "of":  # "the message of Russian President Putin"
        if not after:
            return []
        owner = after[0].canonical
        recipient = (  # "Kim received a message from Xi"; not "Ushakov said that the message of Kim …"
            subj.canonical
            if subj is not None
            and subj.kind == "person"
            and subj.canonical != owner
            and subj.canonical in reference.leaders()
            else _counterpart(ctx, owner)
        )
    elif "to" in tail.lower():
        persons = [m for m in after if m.kind == "person"]
        pronoun = re.match(r"(?:him|her)\b", masked[n.end() : n.end() + 4], re.I)
        if pronoun and ctx.last_letter is not None and owner is not None:
            # "a reply to Moon's letter to him": him is the other party of the letter the story is telling of
            last = ctx.last_letter
            recipient = last.sender if last.sender != owner else last.recipient
        elif not persons:
            return []  # "greetings to foreign leaders": no one recipient
        else:
            recipient = persons[0].canonical
    else:
        recipient = _counterpart(ctx, owner)
    if not owner or not recipient or owner == recipient or not _is_leader_pair(owner, recipient):
        return []
    if not tail and not poss and not written_note and not re.search(r"\b(?:his|her|in\s+an?)\b", before[-25:], re.I):
        return []
    return [_make(ctx, t, owner, recipient, "nominal")]


def _from_leaders_of(ctx: _Ctx, t: _Trigger, leaders: list[str]) -> list[Letter]:
    """Letters from each of a list of leaders to the one the story's last letter went to (else the sentence's
    subject, else the other leader of the story): "Xi's message was listed alongside those from the leaders of
    Vietnam, Mongolia and Belarus"."""
    subj = t.subject
    last = ctx.last_letter
    to = last.recipient if last is not None and last.recipient not in leaders else None
    if to is None and subj is not None and subj.kind == "person" and subj.canonical not in leaders:
        to = subj.canonical
    to = to or _counterpart(ctx, leaders[0])
    return [_make(ctx, t, g, to, "nominal") for g in dict.fromkeys(leaders) if to and g != to]


_THOSE_FROM = Prefiltered(re.compile(r"\b(?:those|ones)\s+from\s+", re.I))
"""'alongside those from the leaders of …': more of the letters the sentence tells of."""


def _name(m: Mention | None, ctx: _Ctx) -> str | None:
    """Whom a mention names: a pronoun the last subject, "the message" the author of the letter told of before."""
    if m is None:
        return None
    if m.kind == "pronoun":
        return ctx.last_subject or ctx.last_person
    if m.kind == "document" and m.canonical in DOCUMENT_NOUNS:
        return ctx.last_letter.sender if ctx.last_letter is not None else None
    return m.canonical


def _exchange_pair(ctx: _Ctx, t: _Trigger) -> list[str]:
    """Who exchanged: "Kim and Xi exchanged", "He and Xi", "the two leaders", "they", "between X and Y"."""
    text, ms, s0, c0, c1, vpos = ctx.masked, t.sentence.mentions, t.sentence.start, t.start, t.end, t.match.start()
    with_ = re.match(r"\s*\w*\s+with\s+", text[vpos:c1]) or re.match(r"\s*(?:of\s+\w+\s+)?with\s+", text[vpos + 8 : c1])
    if with_:
        subject = next((m for m in ms if s0 <= m.start < vpos and m.kind == "person"), None)
        partner = next((m for m in ms if m.start > vpos and m.kind == "person"), None)
        if subject is not None and partner is not None and subject.canonical != partner.canonical:
            return [subject.canonical, partner.canonical]  # "a brief exchange with Xi"
    between = re.match(r"[\w\s]{0,30}?\bbetween\s+", text[vpos:c1])
    if between:
        people = [m.canonical for m in ms if m.start >= vpos + between.end() and m.kind == "person"][:2]
        if len(set(people)) == 2:
            return people
        if re.match(r"(?:the\s+two\s+(?:leaders|men)|both\s+leaders)\b", text[vpos + between.end() :], re.I):
            return ["Kim Jong Un", "Vladimir Putin"]
        return []
    near = [m for m in ms if s0 <= m.start < vpos and m.kind in ("person", "pronoun")]
    named = list(dict.fromkeys(m.canonical for m in near if m.kind == "person"))
    if len(named) >= 2:
        near = [m for m in near if m.kind == "person"]  # "Kim sent Putin …, calling him …, and the two men exchanged"
    names = []
    for m in near[-3:]:
        name = _name(m, ctx)
        if name and name not in names:
            names.append(name)
    if len(names) >= 2:
        return names[-2:]
    if re.search(
        r"\b(?:the\s+two\s+(?:leaders|men|sides)|the\s+leaders|both\s+leaders|both\s+men|they|the\s+pair)\b",
        text[max(s0, c0 - 40) : vpos],
        re.I,
    ) or (between and re.search(r"\bthe\s+two\s+leaders\b", text[vpos:c1], re.I)):
        return ["Kim Jong Un", "Vladimir Putin"] if not names or names[0] in ("Kim Jong Un", "Vladimir Putin") else []
    return []


def _counterpart(ctx: _Ctx, sender: str | None) -> str | None:
    """Whom a leader's letter with no named recipient goes to: the other leader the story speaks of most
    (headline first), else, in this corpus, Kim Jong Un's or Vladimir Putin's other."""
    if not sender:
        return None
    earlier = [lt.recipient for lt in ctx.found if lt.sender == sender]
    if earlier:
        return earlier[-1]  # "In his letter, Xi said": the letter of Xi's the story told of
    if sender not in reference.leaders():
        return None
    others = [name for name in ctx.leaders if name != sender]
    if others:
        return others[0]
    return {"Kim Jong Un": "Vladimir Putin", "Vladimir Putin": "Kim Jong Un"}.get(sender)


def _story_leaders(cd: CleanDoc, index: MentionIndex, when: dt.date | None) -> list[str]:
    """The leaders a story names, the most named first (a name in the headline counts three times)."""
    count: dict[str, int] = {}
    heads = [m for m in find_mentions(cd.headline_text or "", when) if m.kind == "person"]
    for m, weight in [*((h, 3) for h in heads), *((m, 1) for m in index.mentions if m.kind == "person")]:
        if m.canonical in reference.leaders():
            count[m.canonical] = count.get(m.canonical, 0) + weight
    return sorted(count, key=lambda name: -count[name])


_OWN_COUNTRY = {"Kim Jong Un": "North Korea", "Vladimir Putin": "Russia"}
"""A leader does not write to his own country: a place after "to" there belongs to something else."""


def _is_leader_pair(sender: str, recipient: str) -> bool:
    """Letters between people or institutions, not to media (a message 'to KCNA' is not a letter)."""
    return sender not in CHANNELS and recipient not in CHANNELS


def _make(ctx: _Ctx, t: _Trigger, sender: str, recipient: str, kind: str) -> Letter:
    s0, s1 = t.sentence.start, t.sentence.end
    lo, hi, why = _letter_date(ctx, t, recipient)
    occasion, otype = _occasion(ctx.text[t.start : t.end])
    if kind == "reply" and otype in ("", "other"):
        occasion, otype = "reply", "reply"
    channel = _channel(ctx, s0, s1)
    evidence = ctx.text[s0:s1].strip()
    lt = Letter(sender, recipient, lo, hi, why, occasion, otype, channel, s0, s1, evidence, spans=[(s0, s1)])
    lt.from_exchange = kind == "exchange"
    return lt


def _letter_date(ctx: _Ctx, t: _Trigger, recipient: str) -> tuple[dt.date | None, dt.date | None, str]:
    """The sending clause's date (after the verb, then before it), fitted to the occasion's fixed day if any; an
    occasion's day just after the story that reports the letter means greetings sent ahead of it, by the report."""
    lo, hi, why = _clause_letter_date(ctx, t, recipient)
    pub = ctx.pub.latest
    if lo is None or hi is None or pub is None or lo <= pub:
        return lo, hi, why
    if lo <= pub + dt.timedelta(days=GREETINGS_AHEAD_DAYS):
        return lo - dt.timedelta(days=GREETINGS_AHEAD_DAYS), pub, f"{why}: sent ahead of it, by the report ({pub})"
    # "Trump's letter cancelling a planned summit for June 12", told on 24 May: the day is what the letter is about
    return (ctx.pub.earliest or pub) - dt.timedelta(days=7), pub, f"{why} is after the report: {PUBLICATION_WEEK}"


def _clause_letter_date(ctx: _Ctx, t: _Trigger, recipient: str) -> tuple[dt.date | None, dt.date | None, str]:
    """The sending clause's date (after the verb, then before it), fitted to the occasion's fixed day if any."""
    masked, pub, s0, s1, c0, c1 = ctx.masked, ctx.pub, t.sentence.start, t.sentence.end, t.start, t.end
    cands, dated = _clause_dates(ctx, t)
    if dated is not None:
        return dated
    if not cands and c0 > s0:
        # a time fronted before a subordinate clause dates the main one: "Last Saturday, as …, Putin sent …"
        cands = [d for d in ctx.dates if s0 <= d.start <= s0 + 3 and masked[d.end : d.end + 1] == ","][:1]
    fixed = _occasion_day(masked[c0:c1], recipient)
    if not cands:
        # "On June 9, the ambassador said that Yoon congratulated Putin": the report's day bounds the letter
        # (New Year greetings may have gone out up to a month before their day: "On January 18, … reported that")
        for d in ctx.dates:
            if s0 <= d.start <= s0 + 3 and _REPORTED_THAT.match(masked, d.end, t.match.start()):
                lo = d.date_earliest - dt.timedelta(days=REPORTED_WITHIN_DAYS)
                if fixed == (1, 1):
                    new_year = dt.date(d.date_latest.year + (d.date_latest.month == 12), 1, 1)
                    lo = min(lo, new_year - dt.timedelta(days=NEW_YEAR_AHEAD_DAYS))
                return lo, d.date_latest, f"'{d.expression}': reported that day, so sent by then"
    if cands:
        d = cands[0]
        if fixed is not None and d.precision != "day":
            for y in range(d.date_latest.year, d.date_earliest.year - 1, -1):
                day = _on(fixed, y)
                if day and d.date_earliest <= day <= d.date_latest:
                    if fixed == (1, 1):
                        return _ahead_of(day, pub, f"'{d.expression}' and the occasion's day ({day})")
                    return day, day, f"'{d.expression}' and the occasion's day ({day})"
        if fixed == (1, 1) and d.date_earliest == d.date_latest and _NEW_YEAR.search(d.expression):
            return _ahead_of(d.date_earliest, pub, f"'{d.expression}' ({d.date_earliest})")
        return d.date_earliest, d.date_latest, f"'{d.expression}'"
    anniversary = _anniversary_in(masked[s0:s1])
    if anniversary is not None:
        return anniversary[0], anniversary[0], anniversary[1]
    if fixed is not None and pub.latest:
        ref = pub.latest
        day = _on(fixed, ref.year)
        coming = day if day is not None and day > ref else _on(fixed, ref.year + 1)
        if coming is not None and coming <= ref + dt.timedelta(days=GREETINGS_AHEAD_DAYS):
            day = None  # New Year greetings published on 27 December: sent ahead of their day, before publication
        elif day is None or day > ref:
            day = _on(fixed, ref.year - 1)
        if day is not None and fixed == (1, 1):
            # greetings for the New Year go out in the month before it, and are reported up to weeks after
            hi = min(ref, day + dt.timedelta(days=NEW_YEAR_AHEAD_DAYS))
            return day - dt.timedelta(days=NEW_YEAR_AHEAD_DAYS), max(hi, day), f"New Year ({day}), told by {ref}"
        if day is not None:
            return day, day, f"the occasion's day before publication ({day})"
    if pub.latest:
        lo = (pub.earliest or pub.latest) - dt.timedelta(days=7)
        return lo, pub.latest, PUBLICATION_WEEK
    return None, None, "no date"


_REPORTED_THAT = re.compile(
    r",?\s+[^.;]{0,80}?\b(?:said|says|reported|announced|stated|confirmed|disclosed|revealed)\s+(?:\w+\s+){0,3}?that\s+[^.;]*$",
    re.I,
)
"""After a fronted date: ", the Russian ambassador in Seoul said that … " up to the sending verb."""
REPORTED_WITHIN_DAYS = 7
"""How long before its report a letter told of in reported speech may have been sent."""


_NEXT_EVENT = re.compile(r",\s+(?:followed\s+by|then|before|after\s+which|while|whereas)\b", re.I)
"""After the sending clause, what opens the telling of something else."""


_CONTENT = re.compile(
    r"\b(?:that|would|will|hoping|hopes?|wish(?:es|ing)?|saying|calling|expressing|stressing|noting|adding|praising|pledging|vowing"
    r"|in\s+which|described|describing|called)\b",
    re.I,
)
"""Words opening what a letter says: a date after them is the content's, not the letter's."""


GREETINGS_AHEAD_DAYS = 14
"""Greetings for a day this close after publication were sent ahead of it (New Year cards in late December)."""


def _clause_dates(ctx: _Ctx, t: _Trigger) -> tuple[list[DateExpr], tuple[dt.date | None, dt.date | None, str] | None]:
    """The date expressions of the sending clause that may date the letter, nearest first (after the trigger, then
    before it); or, when one is "N years ago" of a known event, the letter's date from its anniversary."""
    masked, pub, s0, s1, c0, c1, trigger = (
        ctx.masked,
        ctx.pub,
        t.sentence.start,
        t.sentence.end,
        t.start,
        t.end,
        t.match,
    )
    after, before = [], []
    for d in ctx.dates:
        if not (c0 <= d.start < c1):
            continue
        between = masked[min(trigger.end(), d.end) : max(trigger.start(), d.start)]
        if _REPORTED.search(between):
            continue  # "..., state media said on Tuesday": the date of the report, not of the letter
        if re.search(r"\b(?:than|as)\s+$", masked[max(s0, d.start - 6) : d.start], re.I):
            continue  # "to 26 leaders, two more than in 2024": a comparison with another time
        if pub.latest and d.date_latest < pub.latest - dt.timedelta(days=366) and d.precision == "year":
            occasion = _anniversary_of(masked[s0:s1], d)
            if occasion is not None:
                return [], (occasion, occasion, f"'{d.expression}' after the known event: its anniversary, {occasion}")
            continue  # "77 years ago": the occasion, not the letter
        if d.start >= trigger.end():
            if _CONTENT.search(masked, trigger.end(), d.start):
                continue  # "said in a letter that he would like to meet in 2019": the letter's content, not its date
            if _NEXT_EVENT.search(masked, trigger.end(), d.start):
                continue  # "Putin had sent a message, followed by a Dec. 31 report that …": the next event's date
            after.append(d)
        elif trigger.re is _NOMINAL.re:
            continue  # "The US on Thursday dismissed a message from Kim": that date is the dismissal's
        elif not (
            trigger.group(0).lower().startswith("exchange")
            and re.search(r"\b(?:an?|the)\s+$", masked[max(s0, trigger.start() - 5) : trigger.start()], re.I)
        ):
            before.append(d)  # "an exchange of letters" takes no date from the clause before it
    ordered = after + sorted(before, key=lambda d: trigger.start() - d.end)
    # "on Friday sent a letter … on the 75th anniversary of …": the day dates the letter, the anniversary is its occasion
    return sorted(ordered, key=lambda d: "anniversary" in d.expression.lower()), None


def _on(month_day: tuple[int, int], year: int) -> dt.date | None:
    try:
        return dt.date(year, *month_day)
    except ValueError:
        return None


_NEW_YEAR = re.compile(r"\bnew\s+year", re.I)


def _ahead_of(day: dt.date, pub: PubDate, why: str) -> tuple[dt.date, dt.date, str]:
    """New Year greetings go out in the weeks before the day (a card received on 18 December): the month up to it,
    and not after the story that reports them."""
    lo, hi = day - dt.timedelta(days=NEW_YEAR_AHEAD_DAYS), day
    if pub.latest and lo <= pub.latest < hi:
        hi = pub.latest
    return lo, hi, f"{why}: sent in the {NEW_YEAR_AHEAD_DAYS} days up to it"


NEW_YEAR_AHEAD_DAYS = 31
"""How early New Year greetings may be sent (and reported) before the day they mark."""


def _occasion_day(clause: str, recipient: str | None) -> tuple[int, int] | None:
    """The fixed day of the occasion a clause names: New Year, a birthday, a national day or anniversary."""
    if re.search(r"\bnew\s+year", clause, re.I):
        return (1, 1)
    if re.search(r"\bbirthday\b", clause, re.I):
        for p in reference.people():
            if p.born and (p.canonical == recipient or p.pattern.search(clause)):
                return (p.born.month, p.born.day)
    for _a, _b, evs in event_mentions(clause):
        if len(evs) == 1 and evs[0].recurring and evs[0].earliest == evs[0].latest:
            return (evs[0].earliest.month, evs[0].earliest.day)
    return None


def _anniversary_in(sentence: str) -> tuple[dt.date, str] | None:
    """'for the 78th anniversary of Korea's liberation': that anniversary's date, from the known events."""
    for a in anniversaries(sentence, event_mentions(sentence)):
        return a.day, f"'{a.match.group(0)} of {a.event.name.lower()}' ({a.event.earliest} + {a.years} years)"
    return None


def _anniversary_of(sentence: str, d: DateExpr) -> dt.date | None:
    """'the liberation … 77 years ago': the known event's date moved forward to that anniversary."""
    m = re.search(r"(\d{1,3})\s+years?\s+ago", d.expression)
    if not m:
        return None
    for _a, _b, evs in event_mentions(sentence):
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


def _channel(ctx: _Ctx, s0: int, s1: int) -> str:
    ms = [m for m in ctx.index.between(s0, s1) if m.kind in ("media", "institution") and m.canonical in CHANNELS]
    return ms[0].canonical if ms else ""


def _overlap(a: Letter, b: Letter, slack: int = 3) -> bool:
    if a.date_earliest is None or b.date_earliest is None:
        return True
    d = dt.timedelta(days=slack)
    return a.date_earliest - d <= b.date_latest and b.date_earliest - d <= a.date_latest


def _merge(found: list[Letter]) -> list[Letter]:
    out: list[Letter] = []
    for lt in found:
        same = next(
            (
                o
                for o in out
                if o.sender == lt.sender
                and o.recipient == lt.recipient
                and _overlap(o, lt, slack=_slack(o, lt))
                and not _other_occasions(o, lt)
            ),
            None,
        )
        if same is None and lt.date_evidence == PUBLICATION_WEEK:
            # "In his letter to Kim, Moon …", dated only by the story: the letter of the two told of before
            same = next(
                (
                    o
                    for o in reversed(out)
                    if (o.sender, o.recipient) == (lt.sender, lt.recipient) and not _other_occasions(o, lt)
                ),
                None,
            )
        if same is None:
            out.append(lt)
            continue
        same.mentions += 1
        same.spans += lt.spans
        # a mention of the letter itself dates it better than "they exchanged letters"
        # unless the exchange was dated to the day and the mention is looser
        better = (
            (same.from_exchange and not lt.from_exchange and _width(lt) <= max(_width(same), 1))
            or (_width(lt) < _width(same) and same.from_exchange == lt.from_exchange)
            or (same.date_evidence == PUBLICATION_WEEK and lt.date_evidence != PUBLICATION_WEEK and lt.date_earliest)
        )
        if better:
            same.date_earliest, same.date_latest, same.date_evidence = (
                lt.date_earliest,
                lt.date_latest,
                lt.date_evidence,
            )
            same.from_exchange = lt.from_exchange
        if not same.occasion or (
            same.occasion_type in ("", "other", "summit") and lt.occasion_type not in ("", "other")
        ):
            same.occasion, same.occasion_type = (
                lt.occasion or same.occasion,
                lt.occasion_type or same.occasion_type,
            )
        same.channel = same.channel or lt.channel
    out += _answered(out)
    for lt in out:
        lt.letter_key = f"{lt.sender} → {lt.recipient} | {lt.date_earliest or '?'}"
    return out


def _answered(letters: list[Letter]) -> list[Letter]:
    """A reply answers a message the other way ("received a reply message from Xi"): that message is a letter of its
    own, sent before the reply (within ``ANSWERED_WITHIN_DAYS``), unless the story tells it already."""
    out = []
    for lt in letters:
        if lt.occasion_type != "reply" or lt.from_exchange:
            continue
        if any((o.sender, o.recipient) == (lt.recipient, lt.sender) for o in letters):
            continue
        lo = hi = None
        if lt.date_latest is not None:
            hi = lt.date_latest
            lo = (lt.date_earliest or hi) - dt.timedelta(days=ANSWERED_WITHIN_DAYS)
        why = f"answered by the reply of {lt.date or 'unknown date'}: sent before it"
        implied = Letter(
            lt.recipient, lt.sender, lo, hi, why, "answered by a reply", "", "", lt.start, lt.end, lt.evidence
        )
        implied.spans = list(lt.spans)
        implied.warnings.append("implied by a reply: the story does not tell this message itself")
        out.append(implied)
    return out


ANSWERED_WITHIN_DAYS = 365
"""How long before a reply the message it answers may have been sent."""


_GENERIC_OCCASIONS = ("", "other", "reply", "summit", "same day", "anniversary")


def _other_occasions(a: Letter, b: Letter) -> bool:
    """Condolences and a re-election note in the same week are two letters, whatever their dates."""
    return (
        a.occasion_type not in _GENERIC_OCCASIONS
        and b.occasion_type not in _GENERIC_OCCASIONS
        and a.occasion_type != b.occasion_type
    )


PUBLICATION_WEEK = "no date in the sentence: within the week before publication"
"""The evidence of a letter dated only by the story's own date."""


def _slack(a: Letter, b: Letter) -> int:
    """Two letters dated to the day on different days are different letters; looser dates may be the same.

    A day given to "they exchanged letters" dates the exchange, not each letter of it: the
    reply may follow a day or two later ("Putin replied the following day").
    """
    if _width(a) > 1 or _width(b) > 1:
        return 7
    return 2 if a.from_exchange or b.from_exchange else 0


def _width(lt: Letter) -> int:
    if lt.date_earliest is None or lt.date_latest is None:
        return 10**6
    return (lt.date_latest - lt.date_earliest).days
