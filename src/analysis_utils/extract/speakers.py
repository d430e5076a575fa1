"""Who speaks or writes in a sentence: its subject, the reporting cues around a quotation, and what pronouns,
roles ("the ministry", "the spokesman") and letter nouns ("the message") refer to in the story so far.

Quotes ask ``speaker_of`` who said a quotation; letters ask ``subject`` and ``subject_before`` who
sent one. Both read a ``Clause``: a stretch of the masked body (quoted words blanked, see
``text.quotemarks.mask``) with the mentions in it (``entities``). ``State`` is what the story
has established so far, updated sentence by sentence (``update_state``).

Cues, tried in order (``CUES``): a reporting verb right after the closing mark ('," Putin
wrote.'), one before the opening mark ('Kim added that “'), a citation anywhere in the
sentence ('KCNA cited the letter as saying', 'according to the message'), and without a cue
the sentence's subject or the speaker before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..text import reference
from ..text.matching import Prefiltered
from .entities import Mention, find_mentions

REPORTING_VERBS = (
    r"said|says|say|saying|told|tells|telling|wrote|writes|writing|written|added|adds|adding|stressed|stresses|stressing|"
    r"noted|notes|noting|stated|states|remarked|remarks|declared|declares|emphasi[sz]ed|emphasi[sz]ing|underscored|"
    r"underlined|explained|urged|urging|vowed|vowing|pledged|pledging|called|calls|calling|described|describing|"
    r"expressed|expressing|hoped|hoping|wished|wishes|wishing|asserted|insisted|warned|warning|continued|concluded|"
    r"read|reads|reading|claimed|announced|replied|responded|recalled|affirmed|reaffirmed|conveyed|highlighted|"
    r"mentioned|observed|commented|lauded|praised|praising|hailed|hailing|thanked|thanking|blamed|blaming|accused|"
    r"dubbed|labell?ed|termed|congratulated|congratulating|quoted|cited|reported|assured|promised|predicted|"
    r"acknowledged|argued|complained|denounced|condemned|welcomed|voiced|extended|extending|reiterated|confirmed|"
    r"denied|suggested|proposed|characteri[sz]ed|referred|referring|addressed|addressing|stating|declaring|remarking|"
    r"asserting|reiterating|insisting|recalling|affirming|highlighting"
)
VERB = Prefiltered(re.compile(rf"\b(?:{REPORTING_VERBS})\b", re.IGNORECASE))
"""A reporting verb."""
_QUOTED_OBJECT = re.compile(
    r"\s+(?:quoted|cited|quoting|citing)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:of\s+(?:the\s+)?)?", re.I
)
"""After a medium: whom it quotes, the sentence ending with the name ("TASS quoted the press service of the Kremlin.")."""
AS_SAYING = Prefiltered(
    re.compile(
        r"\b(?:cited|quoted|quoting|citing)\s+(?P<obj>.{1,80}?)\s+as\s+(?:saying|writing|stating|telling|adding|noting|declaring"
        r"|hailing|praising|calling|describing|urging|warning|expressing|vowing|pledging|stressing|insisting)\b",
        re.IGNORECASE,
    )
)
"""'KCNA cited the letter as saying': whose words they are is the object."""
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<obj>.{1,80}?)(?:[,.;]|$)", re.IGNORECASE)
"""'according to the message': whose words they are is the object."""
PREP_BEFORE = re.compile(
    r"(?:\b(?:to|with|for|on|by|of|from|at|in|into|about|against|toward|towards|between|among|than|over|under|via)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
"""A preposition just before a mention: the mention is no subject."""
_LEAD_IN = re.compile(
    r"^(?:in|on|at|after|during|amid|amidst|according to|following|before|while|when|as|speaking|despite|upon|since|"
    r"although|though|unlike|because|once|ahead of|besides|apart from|except|earlier|later|meanwhile)\b[^,]{0,120},\s*",
    re.IGNORECASE,
)
"""A lead-in opening a sentence ("In a letter on Tuesday, "): no subject stands in it."""
SENDING = Prefiltered(
    re.compile(
        r"\b(?:sent|sends|send|wrote|writes|write|conveyed|delivered|dispatched|addressed|exchanged|received|relayed)\b",
        re.IGNORECASE,
    )
)
"""A verb of sending or writing."""
DOCUMENT_NOUNS = frozenset("letter message telegram card greetings note missive reply statement document".split())
"""The nouns of ``entities``' document mentions that name no author by themselves."""
_PERSON_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson official analyst researcher professor expert diplomat envoy".split()
)
_SUBJECT_KINDS = ("person", "institution", "media", "pronoun", "document", "it")
_OBJECT_PRONOUNS = ("his", "him", "her", "its")


@dataclass(frozen=True)
class Clause:
    """A stretch ``start``..``end`` of the masked body ``text`` (a sentence, or the words up to a quotation)
    and the mentions in it, in order (offsets are the body's)."""

    text: str
    start: int
    end: int
    mentions: Sequence[Mention]

    def until(self, pos: int) -> Clause:
        """The same clause cut at ``pos``."""
        return Clause(self.text, self.start, pos, self.mentions)


@dataclass
class State:
    """What the story has established so far, for pronouns, letters and context."""

    last_speaker: str | None = None
    last_person_speaker: str | None = None
    last_author: str | None = None
    last_person: str | None = None
    it_referent: str | None = None
    prev_subject: str | None = None  # the person the sentence before was about
    seen: list[tuple[str, str, str]] = field(default_factory=list)  # (canonical, kind, text) of every name so far
    paragraph_speaker: dict[int, str] = field(default_factory=dict)


# ---------------------------------------------------------------- subjects


def subject(c: Clause) -> Mention | None:
    """The clause's subject: the first named mention not after a preposition, a lead-in ("In a letter, ") skipped."""
    text, lo, hi = c.text, c.start, c.end
    lead = _LEAD_IN.match(text[lo:hi])
    start = lo + (lead.end() if lead else 0)
    for m in c.mentions:
        if start <= m.start < hi and m.kind in _SUBJECT_KINDS:
            if PREP_BEFORE.search(text[max(lo, m.start - 25) : m.start]) or m.text.lower() in _OBJECT_PRONOUNS:
                continue
            if m.kind != "document" and _qualifies_next(c, m):
                continue  # "Japan's Chief Cabinet Secretary Hayashi said": the possessive qualifies the subject
            return m
    return None


_TITLE_WORDS = re.compile(r"['’]s\s+(?:(?:[A-Z][\w-]*|of|the)\s+){0,5}$")
_COUNTRY_TITLE = re.compile(r"\s+(?:(?:[A-Z][\w-]*|of|the)\s+){1,5}$")


def _qualifies_next(c: Clause, m: Mention) -> bool:
    """ "Japan's Chief Cabinet Secretary Hayashi", "US Secretary of State Anthony Blinken": a possessive, or a
    country, before a title and the name it qualifies."""
    nxt = next((x for x in c.mentions if x.start >= m.end), None)
    if nxt is None or nxt.kind not in ("person", "institution", "media"):
        return False
    if _TITLE_WORDS.fullmatch(c.text, m.end, nxt.start) is not None:
        return True
    return (
        nxt.kind == "person"
        and m.canonical in reference.country_names()
        and _COUNTRY_TITLE.fullmatch(c.text, m.end, nxt.start) is not None
    )


def subject_before(c: Clause, pos: int) -> Mention | None:
    """The person, institution or pronoun nearest before ``pos`` in the clause that could be a verb's subject (a
    person's titles set off by commas skipped: "Kim Jong Un, chairman of … of the DPRK (DPRK), sent")."""
    text, lo = c.text, c.start
    titled = _titled_subject(c, pos)
    if titled is not None:
        return titled
    for m in reversed(c.mentions):
        if m.end > pos or m.start < lo or m.kind not in ("person", "institution", "pronoun"):
            continue
        if m.text.lower() in ("his", "him", "her"):
            continue
        if PREP_BEFORE.search(text[max(lo, m.start - 25) : m.start]):
            continue
        return m
    return None


_TITLE_APPOSITION = re.compile(
    r"\s*,\s+(?:the\s+)?(?:first\s+|then\s+)?(?:chairman|chairwoman|chairperson|general\s+secretary|secretary\s+general|"
    r"president|premier|prime\s+minister|leader|head|supreme\s+leader|marshal|first\s+secretary)\b",
    re.I,
)
"""A person's titles in apposition, as state media write them: "Kim Jong Un, general secretary of the WPK and …,"."""


def _titled_subject(c: Clause, pos: int) -> Mention | None:
    """The person whose titles, set off by commas, run up to the verb at ``pos``: "Kim Jong Un, chairman of the
    Workers' Party of Korea (WPK) and chairman of the State Affairs Commission of the DPRK (DPRK), sent"."""
    text = c.text
    close = text.rfind(",", c.start, pos)
    if close < 0 or not re.fullmatch(r",\s*(?:[\w-]+\s+){0,3}", text[close:pos] + " "):
        return None
    for m in c.mentions:
        if m.start < c.start or m.end > close:
            continue
        if m.kind == "person" and _TITLE_APPOSITION.match(text, m.end) and not re.search(r"[.;]", text[m.end : close]):
            return m
    return None


def _relative_clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of ", which …," and ", who …," asides, whose names are not the subject of the main verb."""
    return [(m.start(), m.end()) for m in re.finditer(r",\s+(?:which|who|whose|whom)\b[^,]*,", text[lo:hi])]


def _nearest_before(c: Clause, pos: int) -> Mention | None:
    """The mention nearest before ``pos`` that could be the subject of a verb at ``pos`` (asides skipped)."""
    text, lo = c.text, c.start
    asides = [(lo + a, lo + b) for a, b in _relative_clauses(text, lo, pos)]
    for m in reversed(c.mentions):
        if m.end > pos or m.start < lo:
            continue
        if m.kind not in ("person", "institution", "media", "pronoun", "document", "it", "definite"):
            continue
        if m.text.lower() in _OBJECT_PRONOUNS or any(a <= m.start < b for a, b in asides):
            continue
        if PREP_BEFORE.search(text[max(lo, m.start - 25) : m.start]):
            continue
        return m
    return None


# ---------------------------------------------------------------- what a mention refers to


def resolve(m: Mention | None, state: State, sentence_subject: Mention | None) -> tuple[str | None, str]:
    """(canonical name, why) of what ``m`` refers to: a name is itself; a pronoun, 'it', a role or a letter noun
    refers to someone the story named."""
    if m is None:
        return None, ""
    if m.kind in ("person", "institution", "media"):
        return m.canonical, f"'{m.text}'"
    if m.kind == "pronoun":
        if sentence_subject is not None and sentence_subject is not m and sentence_subject.kind == "person":
            return sentence_subject.canonical, f"'{m.text}' = the sentence's subject '{sentence_subject.text}'"
        if state.prev_subject:
            return state.prev_subject, f"'{m.text}' = the person the sentence before is about ({state.prev_subject})"
        who = state.last_person_speaker or state.last_person
        return who, f"'{m.text}' = the last person speaking ({who})"
    if m.kind == "document":
        author = m.canonical if m.canonical not in DOCUMENT_NOUNS else state.last_author
        return author, f"'{m.text}' = the letter or message of {author}"
    if m.kind == "it":
        who = state.it_referent or state.last_author
        return who, f"'{m.text}' = {who}"
    if m.kind == "definite":
        who = _antecedent(m.canonical, state)
        return who, f"'{m.text}' = {who}"
    return None, ""


def _antecedent(noun: str, state: State) -> str | None:
    """What "the ministry" or "the professor" refers to: the last one of its kind the story named."""
    if noun in _PERSON_NOUNS:
        # "the spokesman": the last "Kremlin spokesman" (or "State Department spokesperson") named, else the last person
        for canonical, _kind, text in reversed(state.seen):
            if text.lower().endswith(noun):
                return canonical
    for canonical, kind, _text in reversed(state.seen):
        if noun in _PERSON_NOUNS and kind == "person":
            return canonical
        if noun not in _PERSON_NOUNS and kind in ("institution", "media") and noun in canonical.lower():
            return canonical
        if noun == "agency" and kind == "media":
            return canonical  # "the agency said": the last news agency named (KCNA, Yonhap)
    return None


# ---------------------------------------------------------------- reporting cues


def _with_subject(c: Clause, pos: int) -> Mention | None:
    """In "… with Kim calling X and predicting Y", the person after the last "with" before ``pos``."""
    masked, s0 = c.text, c.start
    for w in reversed(list(re.finditer(r"\bwith\s+", masked[s0:pos]))):
        after = s0 + w.end()
        m = next((x for x in c.mentions if x.start == after and x.kind in ("person", "institution")), None)
        if m is not None and re.match(r"\s+\w+ing\b", masked[m.end : m.end + 20]):
            return m
    return None


def _last_word(text: str, pos: int) -> str:
    """The word and the spaces just before ``pos`` ("said "), or "" (read backwards: no regex over the whole text)."""
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return text[j:pos] if j < i < pos else ""


def pre_cue(c: Clause, pos: int, subj: Mention | None) -> tuple[re.Match[str] | None, Mention | None]:
    """The last reporting verb before ``pos`` in the clause, and its subject."""
    masked, s0, ms = c.text, c.start, c.mentions
    verbs = list(VERB.finditer(masked, s0, max(s0, pos - 1)))
    if not verbs:
        return None, None
    v = verbs[-1]
    near = _nearest_before(c, v.start())
    gerund = v.group(0).lower().endswith("ing")
    before_word = masked[max(s0, v.start() - 60) : v.start() - len(_last_word(masked, v.start()))]
    cited_as = AS_SAYING.search(masked, max(s0, v.start() - 120), v.end()) if gerund else None
    if cited_as is not None and cited_as.end() == v.end():
        obj = [x for x in ms if cited_as.start("obj") <= x.start < cited_as.end("obj") and x.kind in _SUBJECT_KINDS]
        if obj:
            return v, obj[0]  # "the Kremlin cited Putin as hailing …": Putin's words
    if gerund and re.search(r"\bwith\s+$", before_word):
        near = next((x for x in reversed(ms) if x.end <= v.start() and x.kind in ("person", "institution")), near)
    elif gerund and (chain := _with_subject(c, v.start())) is not None:
        near = chain  # "with Kim calling … and predicting": the subject of the first gerund
    elif (
        near is not None
        and subj is not None
        and re.search(r"\b(?:and|but)\s+(?:\w+\s+){0,2}$", masked[near.end : v.start()])
    ):
        # "Kim congratulated Putin ... and said": the verb shares the subject of the verb before it
        earlier = [x for x in verbs[:-1] if x.end() <= near.end + 40]
        prev = _nearest_before(c, earlier[-1].start()) if earlier else None
        near = prev if prev is not None and prev.kind in ("person", "institution", "pronoun") else subj
    elif gerund and (inner := _that_clause_subject(c, v.start())) is not None:
        near = inner  # "KCNA reported that Putin sent a message …, stating, “": the reported clause's subject
    elif gerund:
        near = subj or near
    return v, near


def _that_clause_subject(c: Clause, pos: int) -> Mention | None:
    """The subject of the last "… that X <verb>" clause before ``pos`` (a person or institution right after "that")."""
    opened = list(
        re.finditer(r"\b(?:reported|said|says|announced|stated|noted|added)\s+that\s+", c.text[c.start : pos])
    )
    if not opened:
        return None
    at = c.start + opened[-1].end()
    first = next((x for x in c.mentions if x.start >= at), None)
    if first is None or first.start - at > 40 or first.end > pos or first.kind not in ("person", "institution"):
        return None
    return None if _qualifies_next(c, first) else first


def _person_speaking_before(c: Clause, pos: int) -> Mention | None:
    """A person or institution speaking before ``pos`` in the sentence ("Putin … said …")."""
    _, near = pre_cue(c, pos, subject(c.until(pos)))
    if near is not None and near.kind in ("person", "institution"):
        return near
    if near is not None and near.kind == "pronoun" and near.text.lower() in ("he", "she"):
        return near  # "He said he had “…,” KCNA reported": resolved by the caller
    return None


def _from_mention(
    c: Clause, m: Mention | None, subj: Mention | None, state: State, quote_at: int | None = None
) -> tuple[str | None, str]:
    """Speaker for a cue whose subject is ``m``; a media subject or a bare 'it' defers to a person speaking in the sentence."""
    if m is None:
        return None, ""
    if m.kind == "media":
        quoted = _QUOTED_OBJECT.match(c.text, m.end)
        if quoted:  # "…,” TASS quoted the press service of the Russian Security Council.
            obj = next(
                (
                    x
                    for x in c.mentions
                    if quoted.end() <= x.start < quoted.end() + 50 and x.kind in ("person", "institution", "media")
                ),
                None,
            )
            if obj is not None and re.match(r"[\s.,]*$", c.text[obj.end : c.end]):
                return obj.canonical, f"{m.text} quoting '{obj.text}'"
        as_saying = AS_SAYING.search(c.text, m.start, c.end)
        if as_saying:
            obj_ms = [x for x in c.mentions if as_saying.start("obj") <= x.start < as_saying.end("obj")]
            if obj_ms:
                who, why = resolve(obj_ms[0], state, subj)
                if who:
                    return who, f"{m.text} quoting {why}"
    if m.kind in ("media", "it") and quote_at is not None:
        speaking = _person_speaking_before(c, quote_at)
        if speaking is not None and speaking is not m and speaking.kind == "pronoun":
            who, why = resolve(speaking, state, subj)
            if who:
                return who, f"{why} speaks; '{m.text}' reports it"
        elif speaking is not None and speaking is not m:
            return speaking.canonical, f"'{speaking.text}' speaks; '{m.text}' reports it"
    return resolve(m, state, subj)


_VIA_MOUTHPIECE = re.compile(
    r"\s*,?\s*(?:via|through)\s+(?:his|her|its|their|the)?\s*(?:[A-Z][\w.-]*\s+){0,3}?"
    r"(?:spokes(?:man|woman|person)|press\s+secretary|aide|representative)\s*,?\s*",
    re.IGNORECASE,
)
"""After a reporting verb: "Putin said via spokesman Dmitry Peskov": the words are the spokesman's (GUIDE: a
spokesman speaks for himself)."""


def mouthpiece(c: Clause, verb_end: int) -> Mention | None:
    """The person a reporting verb ending at ``verb_end`` says the words came through, if it names one."""
    via = _VIA_MOUTHPIECE.match(c.text, verb_end, c.end)
    if via is None:
        return None
    return next((x for x in c.mentions if x.kind == "person" and via.end() <= x.start <= via.end() + 2), None)


@dataclass(frozen=True)
class Quotation:
    """What a cue reads of one quotation: the words ``start``..``end`` in a clause that may run past its sentence,
    the subject of the sentence it opens in, and which paragraph each offset is in."""

    clause: Clause
    start: int
    end: int
    subject: Mention | None
    paragraph_of: Callable[[int], int]


Found = tuple[str | None, str, str]
"""(speaker, cue, evidence)."""


def _cue_after(q: Quotation, state: State) -> Found | None:
    """A cue right after the closing mark: '," Putin wrote.' / '," said Peskov.' / '," it read.'"""
    masked, b, s1 = q.clause.text, q.end, q.clause.end
    post = masked[b + 1 : s1]
    closes_clause = masked[b - 1 : b] in (",", ".", "!", "?") or post.lstrip(" ")[:1] in (",", "—", "–")
    m = re.match(rf"^[\s,.;:—–-]*(?P<win>(?:\S+\s+){{0,14}}?)(?P<verb>{REPORTING_VERBS})\b", post, re.IGNORECASE)
    if not (
        m
        and closes_clause
        and not re.search(r"[“”\"]", m.group("win"))
        and not re.match(r"(?:which|that|who|whom|as|and|but|while)\b", m.group("win"), re.I)
    ):
        return None
    vpos = b + 1 + m.start("verb")
    cue = post[m.start("win") : m.end("verb")].strip()
    win_ms = [x for x in q.clause.mentions if b < x.start < vpos and not _qualifies_next(q.clause, x)]
    after_ms = [x for x in q.clause.mentions if vpos < x.start < min(s1, vpos + len(m.group("verb")) + 30)]
    if not win_ms and m.group("verb").lower().endswith("ing"):
        return None  # '," adding the DPRK will …': what follows the participle is what is added, not who adds it
    cands = win_ms or after_ms[:1]
    via = mouthpiece(q.clause, vpos + len(m.group("verb")))
    if via is not None:
        return via.canonical, cue, f"cue after the quotation: through '{via.text}'"
    if cands:
        who, why = _from_mention(q.clause, cands[0], q.subject, state, q.start)
        if who:
            return who, cue, f"cue after the quotation: {why}"
    return None


def _cue_before(q: Quotation, state: State) -> Found | None:
    """A cue before the opening mark in the same sentence: 'Putin remarked, “' / 'Kim added that “'."""
    v, near = pre_cue(q.clause, q.start, q.subject)
    if v is None:
        return None
    cue = q.clause.text[max(q.clause.start, v.start() - 40) : v.end()].strip()
    via = mouthpiece(q.clause, v.end())
    if via is not None:
        return via.canonical, cue, f"cue before the quotation: through '{via.text}'"
    who, why = _from_mention(q.clause, near, q.subject, state, q.start)
    return (who, cue, f"cue before the quotation: {why}") if who else None


def _citation(q: Quotation, state: State) -> Found | None:
    """'according to the message' / 'KCNA cited the letter as saying' anywhere in the sentence."""
    c, subj = q.clause, q.subject
    for pat in (AS_SAYING, _ACCORDING):
        for m in pat.finditer(c.text, c.start, c.end):
            obj_ms = [x for x in c.mentions if m.start("obj") <= x.start < m.end("obj") and not _qualifies_next(c, x)]
            if not obj_ms:
                continue
            if obj_ms[0].kind == "media" and subj is not None and subj.kind == "person":
                return subj.canonical, m.group(0), f"'{subj.text}' speaks; {obj_ms[0].text} reports it"
            who, why = resolve(obj_ms[0], state, subj)
            if who:
                return who, m.group(0), why
    return None


def _no_cue(q: Quotation, state: State) -> Found | None:
    """No cue: the sentence's own subject if a person, else the speaker before."""
    subj = q.subject
    if subj is not None and subj.kind == "person":
        return subj.canonical, "", f"no cue: the sentence's subject '{subj.text}'"
    p = q.paragraph_of(q.start)
    for k in (p, p - 1):
        if k in state.paragraph_speaker:
            return state.paragraph_speaker[k], "", "no cue: continues the quotation before"
    if state.last_speaker:
        return state.last_speaker, "", "no cue: the last speaker"
    if subj is not None:
        who, why = resolve(subj, state, subj)
        return who, "", f"no cue: the sentence's subject {why}"
    if state.last_author:
        return state.last_author, "", f"no cue: the letter or message of {state.last_author} named before"
    return None


CUES: tuple[Callable[[Quotation, State], Found | None], ...] = (_cue_after, _cue_before, _citation, _no_cue)
"""The cues ``speaker_of`` tries, in order; the first that names a speaker wins."""


_CLOSING_CUE = re.compile(rf",\s*(?P<who>(?:[\w’'.-]+\s+){{1,6}}?)(?P<verb>{REPORTING_VERBS})\s*[.!]?\s*$", re.I)


def _words_named(q: Quotation, state: State) -> Found | None:
    """A quotation that is a noun phrase of the sentence ("Shoigu conveyed to Kim a “warm and good letter” signed by
    Putin, KCNA said"): words the one who closes the sentence with a reporting verb chose, not its subject's."""
    text = q.clause.text
    if not re.search(r"\b(?:a|an|the)\s+$", text[max(q.clause.start, q.start - 12) : q.start - 1]):
        return None
    m = _CLOSING_CUE.search(text, q.end, q.clause.end)
    if m is None:
        return None
    who = next((x for x in q.clause.mentions if m.start("who") <= x.start < m.end("who")), None)
    if who is None or who.kind not in ("media", "institution", "person"):
        return None
    return who.canonical, m.group(0).strip(" ,."), f"the quotation is a phrase of the sentence '{who.text}' reports"


def speaker_of(q: Quotation, state: State) -> Found:
    """(speaker, cue, evidence) for one quotation (``CUES``, after a quoted phrase's closing cue)."""
    named = _words_named(q, state)
    if named is not None:
        return named
    for cue in CUES:
        found = cue(q, state)
        if found is not None:
            return found
    return None, "", "no cue and no speaker in context"


# ---------------------------------------------------------------- the story so far

_WROTE_AFTER = re.compile(r"\s+(?:had\s+|has\s+)?(?:sent|wrote|written|addressed|delivered)\b")
_DOCUMENT_BEFORE = re.compile(r"\b(?:letter|message|telegram|card|greetings|note)\s+(?:that\s+)?$", re.I)


def update_state(c: Clause, subj: Mention | None, state: State, paragraph_of: Callable[[int], int]) -> None:
    """What a sentence (``c``, its subject ``subj``) tells the story so far: names seen, the last person, what 'it'
    is, who wrote the letter quoted next, who speaks in this paragraph."""
    masked, s0, s1, ms = c.text, c.start, c.end, c.mentions
    state.seen += [(m.canonical, m.kind, m.text) for m in ms if m.kind in ("person", "institution", "media")]
    persons = [m for m in ms if m.kind == "person"]
    if persons:
        state.last_person = persons[-1].canonical
    sentence = masked[s0:s1]
    cited_document = any(
        m.kind == "document"
        and (
            AS_SAYING.search(sentence)
            or m is subj
            or re.search(r"\baccording\s+to\s+$", masked[max(s0, m.start - 20) : m.start])
        )
        for m in ms
    )
    if subj is not None and subj.kind in ("institution", "media") and not cited_document:
        state.it_referent = subj.canonical
    elif cited_document:
        state.it_referent = state.last_author
    for m in ms:  # "the message Vladimir Putin sent Kim Jong Un": Putin wrote the message quoted next
        if (
            m.kind == "person"
            and _WROTE_AFTER.match(masked, m.end, s1)
            and _DOCUMENT_BEFORE.search(masked, max(s0, m.start - 30), m.start)
        ):
            state.last_author = m.canonical
    if subj is not None:
        _update_speaker(c, subj, state, paragraph_of)
    for m in ms if _RECEIVED.search(sentence) else ():
        # "Putin has received a congratulatory letter from North Korean president Kim": Kim wrote it
        if m.kind == "person" and _LETTER_FROM_BEFORE.search(masked, max(s0, m.start - 70), m.start):
            state.last_author = m.canonical
            break
    state.prev_subject = subj.canonical if subj is not None and subj.kind == "person" else None
    for v in VERB.finditer(masked, s0, s1) if " via " in sentence or " through " in sentence else ():
        via = mouthpiece(c, v.end())
        if via is not None:  # "…,” Putin said via spokesman Peskov. “…,” he added: the spokesman again
            state.prev_subject = state.last_person_speaker = via.canonical
            state.paragraph_speaker[paragraph_of(s0)] = via.canonical


def _update_speaker(c: Clause, subj: Mention, state: State, paragraph_of: Callable[[int], int]) -> None:
    """A sentence whose subject writes or speaks: the author of the letter, the speaker of its paragraph."""
    sentence, ms = c.text[c.start : c.end], c.mentions
    who, _ = resolve(subj, state, subj)
    has_document = any(m.kind == "document" for m in ms) or re.search(
        r"\b(?:letter|message|telegram|card|greetings)\b", sentence, re.I
    )
    if (
        who
        and subj.kind in ("person", "pronoun")
        and has_document
        and (SENDING.search(sentence) or subj.kind == "person")
    ):
        state.last_author = who
    if subj.kind == "document" and subj.canonical not in DOCUMENT_NOUNS:
        state.last_author = subj.canonical
    if who and subj.kind in ("person", "pronoun") and (SENDING.search(sentence) or VERB.search(sentence)):
        state.paragraph_speaker[paragraph_of(c.start)] = who
        if subj.kind == "person":
            state.last_person_speaker = who
        if has_document or SENDING.search(sentence):
            state.last_speaker = who


# ---------------------------------------------------------------- whose voice the words are in

_FIRST_OR_SECOND = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|you|your|yours)\b")


def own_voice(words: str, speaker: str | None, c: Clause, state: State) -> tuple[str, str] | None:
    """The author whose words a quotation given to a medium really is: words with the "I" or "you" of a letter
    ("which said, “I congratulate you …”") belong to the letter's author (GUIDE: a letter's words are its author's),
    the one the sentence names as its owner ("a message from Kim", "Kim's wreath included a message"), else the
    person it names, else the author of the letter told of before."""
    if not speaker or not _FIRST_OR_SECOND.search(words):
        return None
    media = [m for m in c.mentions if m.kind == "media" and m.canonical == speaker]
    if not media and speaker not in _MEDIA_NAMES:
        return None
    at = media[0].start if media else c.end
    owned = [m.canonical for m in c.mentions if m.kind == "document" and m.canonical not in DOCUMENT_NOUNS]
    owned += [  # "a rare personal message from Kim, which said"
        p.canonical
        for p in c.mentions
        if p.kind == "person" and _LETTER_FROM.search(c.text, max(c.start, p.start - 30), p.start)
    ]
    persons = [m.canonical for m in c.mentions if m.kind == "person" and m.start < at]
    letter = any(m.kind == "document" for m in c.mentions)
    who = (owned or persons[-1:] or ([state.last_author] if letter else [None]))[0]
    if not who or who == speaker:
        return None
    return who, f"the words speak as 'I' or to 'you': the letter of {who}, which {speaker} reports"


_RECEIVED = re.compile(r"\breceiv(?:ed|es|ing)\b", re.I)
_LETTER_FROM_BEFORE = re.compile(
    r"\b(?:letter|message|telegram|card|greetings|note)s?\s+from\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?$", re.I
)
"""Before a name: "a congratulatory letter from North Korean president "."""
_LETTER_FROM = re.compile(r"\b(?:letter|message|telegram|note|card|greetings)s?\s+from\s+$", re.I)


_MEDIA_NAMES = frozenset({"KCNA", "Rodong Sinmun", "TASS", "Yonhap", "Xinhua", "RIA Novosti", "Interfax", "Sputnik"})


def agency_voice(words: str, speaker: str | None, c: Clause, state: State) -> tuple[str, str] | None:
    """The medium whose words a quotation given to a leader really is (GUIDE: "the words decide"): words that
    speak of a leader in the third person ("The respected Comrade Kim Jong Un extended …"), with no "I" or
    "you" of a letter in them.
    The medium is the one the sentence names, else the last one the story cited; ``None`` if the words are
    the speaker's own."""
    if not speaker or _FIRST_OR_SECOND.search(words):
        return None
    if speaker not in reference.leaders() and speaker not in reference.country_names():
        return None  # a state's words ("it said" of North Korea) are its medium's too when they speak of its leader
    # the speaker named anywhere, or a leader opening the words ("Kim Jong Un good health and success …"), or
    # another leader by his title ("… under the energetic leadership of the Russian president"): in a letter he is "you"
    opening = len(" ".join(words.split()[:6]))
    named = [m for m in find_mentions(words) if m.kind == "person" and m.canonical in reference.leaders()]
    by_title = [m for m in named if m.canonical != speaker and re.match(r"(?i:the)\s", m.text)]
    if not any(m.canonical == speaker or m.start < opening for m in named) and not by_title:
        return None
    medium = _reporting_medium(c, speaker, state)
    if medium is None:
        return None
    return medium, f"the quotation speaks of a leader in the third person: the words of {medium}, which reports them"


def _reporting_medium(c: Clause, speaker: str, state: State) -> str | None:
    """Who reports the words of a clause: one who relays them ("according to Kim Eui-kyeom, spokesman for …"),
    else the medium the clause names, else the last one the story cited."""
    relay = [
        x.canonical
        for x in c.mentions
        if x.kind == "person"
        and x.canonical != speaker
        and re.search(r"according\s+to\s+$", c.text[max(c.start, x.start - 15) : x.start])
    ]
    media = [m.canonical for m in c.mentions if m.kind == "media"]
    media = relay or media or [name for name, kind, _ in reversed(state.seen) if kind == "media"]
    return media[0] if media else None


_NARRATING_VERB = re.compile(
    r"(?:[a-z]+ly\s+)?(?:[a-z]+ed|sent|wrote|said|made|gave|took|felt|held|sought|spoke|saw|met|paid|laid)\b(?!\s+(?:by|to\s+be)\b)"
)
NARRATED_MIN_WORDS = 6
"""Fewer words after a name are a phrase of the person's own ("Kim “hoped for peace”")."""


def narrated_voice(text: str, a: int, b: int, speaker: str | None, c: Clause, state: State) -> tuple[str, str] | None:
    """Marks opening on a past-tense verb right after the person they tell of (Kim "expressed deep sympathy … to
    the bereaved families", according to KCNA) hold the reporting medium's narration of what the person did, not
    the person's words (GUIDE: the words decide; indirect speech inside the marks is the agency's)."""
    words = text[a:b]
    if _FIRST_OR_SECOND.search(words) or len(words.split()) < NARRATED_MIN_WORDS:
        return None
    if _INDIRECT_OPENING.match(words) and not re.search(
        r"\b(?:is|are|was|were|am|be|been)\s+\W?$", c.text[max(c.start, a - 12) : a]
    ):
        # "…'s message highlighted “that the friendship …”", "“Expressing belief that …”": reported speech
        medium = _reporting_medium(c, speaker or "", state)
        if medium is None or medium == speaker:
            return None
        return medium, f"the words inside the marks are reported speech ('{words.split()[0]} …'): {medium}'s"
    if not speaker or not _NARRATING_VERB.match(words):
        return None
    before = [m for m in c.mentions if m.end <= a and m.kind == "person" and not c.text[m.end : a - 1].strip()]
    if not before:
        return None
    medium = _reporting_medium(c, before[-1].canonical, state)
    if medium is None or medium == speaker:
        return None
    return medium, f"the marks open on what '{before[-1].text}' did, told by {medium}: its narration"


_INDIRECT_OPENING = re.compile(
    r"(?:that|(?-i:he|she)|(?-i:[Nn]oting|[Ss]tressing|[Ee]xpressing|[Ss]aying|[Aa]dding|[Hh]oping|[Cc]alling|[Pp]ledging|[Vv]owing))\s",
    re.I,
)
"""Words that open reported speech, not the speaker's own: "that …", "noting that …", "Expressing belief …" (not
after "is": 'Kim said that he is “hoping that …”' is his progressive verb, his words)."""
