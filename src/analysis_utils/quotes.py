"""Direct quotations and who said them.

Quotation marks: curly and straight double quotes; single quotes (curly or straight) for
quoted phrases, chiefly in headlines. An apostrophe (``don’t``, ``country’s``,
``forces’ military``) never ends a quotation. A quotation whose paragraph ends before its
closing mark continues when the next paragraph opens with a quotation mark (the news
convention for quotations over several paragraphs); otherwise it ends with the paragraph
and a warning says so.

Speakers come from reporting cues ("Putin wrote", "said Peskov", "Kim added that",
"cited the letter as saying", "it read", "according to the message"), roles and pronouns
resolved to canonical names (``entities``), the author of the letter being quoted, and
context: a quotation with no cue of its own belongs to the speaker of the quotation
before it or to the last person the story had speak or write.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from .clean import CleanDoc
from .entities import Mention, MentionIndex, find_mentions
from .reference import Prefiltered
from .sentences import sentence_spans

OPEN_DOUBLE, CLOSE_DOUBLE = "“", "”"
_DOCUMENT_NOUNS = frozenset("letter message telegram card greetings note missive reply statement document".split())
OPEN_SINGLE, CLOSE_SINGLE = "‘", "’"

REPORTING_VERBS = (
    r"said|says|say|saying|told|tells|telling|wrote|writes|writing|written|added|adds|adding|stressed|stresses|stressing|"
    r"noted|notes|noting|stated|states|remarked|remarks|declared|declares|emphasi[sz]ed|emphasi[sz]ing|underscored|"
    r"underlined|explained|urged|urging|vowed|vowing|pledged|pledging|called|calls|calling|described|describing|"
    r"expressed|expressing|hoped|hoping|wished|wishes|wishing|asserted|insisted|warned|warning|continued|concluded|"
    r"read|reads|reading|claimed|announced|replied|responded|recalled|affirmed|reaffirmed|conveyed|highlighted|"
    r"mentioned|observed|commented|lauded|praised|praising|hailed|hailing|thanked|thanking|blamed|blaming|accused|"
    r"dubbed|labell?ed|termed|congratulated|congratulating|quoted|cited|reported|assured|promised|predicted|"
    r"acknowledged|argued|complained|denounced|condemned|welcomed|voiced|extended|extending|reiterated|confirmed|"
    r"denied|suggested|proposed|characteri[sz]ed|referred|referring|addressed|addressing"
)
_VERB = Prefiltered(re.compile(rf"\b(?:{REPORTING_VERBS})\b", re.IGNORECASE))
_AS_SAYING = Prefiltered(
    re.compile(
        r"\b(?:cited|quoted|quoting|citing)\s+(?P<obj>.{1,80}?)\s+as\s+(?:saying|writing|stating)\b",
        re.IGNORECASE,
    )
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<obj>.{1,80}?)(?:[,.;]|$)", re.IGNORECASE)
_PREP_BEFORE = re.compile(
    r"(?:\b(?:to|with|for|on|by|of|from|at|in|into|about|against|toward|towards|between|among|than|over|under|via)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^(?:in|on|at|after|during|amid|amidst|according to|following|before|while|when|as|speaking)\b[^,]{0,120},\s*",
    re.IGNORECASE,
)
_SENDING = Prefiltered(
    re.compile(
        r"\b(?:sent|sends|send|wrote|writes|write|conveyed|delivered|dispatched|addressed|exchanged|received|relayed)\b",
        re.IGNORECASE,
    )
)


@dataclass
class Quote:
    """One quotation (or one paragraph of a quotation over several): its words, where, who said them and why."""

    text: str
    start: int  # offsets of the quoted words (marks excluded), in the body or, for section "headline", in the document text
    end: int
    section: str = "body"
    speaker: str | None = None
    cue: str = ""
    speaker_evidence: str = ""
    mark: str = "double"  # double | single
    paragraphs: int = 1  # how many paragraphs the whole quotation runs over
    group: str = ""  # the paragraphs of one quotation share a group
    part: int = 1


@dataclass
class QuoteResult:
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- finding quotation spans ---------------------------------------------------------------


def _opens(text: str, i: int) -> bool:
    """Could the straight mark at ``i`` open a quotation (after a space or bracket, before a word)?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


_FUNCTION_WORDS = frozenset(
    "in on at to of for and or but as with from by that which is was were are has have had will would "
    "said says he she it they we the a an this when while after before because if than so".split()
)


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' inside or at the end of a word (``don’t``, ``Korea’s``, ``forces’``) rather than a quotation mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don’t, Korea’s
    nxt = re.match(r" ([a-z]+)", text[i + 1 : i + 20])
    if before in "sS" and nxt and nxt.group(1) not in _FUNCTION_WORDS:
        return True  # forces’ military: a plural possessive before a lower-case word
    return False


_DOUBLE_MARKS = re.compile(f'[{OPEN_DOUBLE}{CLOSE_DOUBLE}"]')


def find_spans(text: str) -> tuple[list[tuple[int, int, str, int]], list[str]]:
    """Quotation spans ``(content_start, content_end, mark, paragraphs)`` in ``text``; warnings for odd marks."""
    spans: list[tuple[int, int, str, int]] = []
    warnings: list[str] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]
    open_at: int | None = None
    open_mark = ""
    n_paras = 1
    for pi, (p0, p1) in enumerate(paragraphs):
        for mark in _DOUBLE_MARKS.finditer(text, p0, p1):  # no other character changes the state
            i, ch = mark.start(), mark.group()
            if open_at is None:
                if ch == OPEN_DOUBLE or (ch == '"' and _opens(text, i)):
                    open_at, open_mark, n_paras = i + 1, ch, 1
                elif ch in (CLOSE_DOUBLE, '"'):
                    warnings.append(f"closing quotation mark without an opening one at {i}")
            elif ch in (OPEN_DOUBLE, '"') and i == p0 and n_paras > 1:
                pass  # the repeated opening mark of a continued quotation (a straight one is not its close)
            elif ch == CLOSE_DOUBLE or (ch == '"' and open_mark in '"“'):
                spans.append((open_at, i, "double", n_paras))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[pi + 1][0] if pi + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt] in (OPEN_DOUBLE, '"'):
                n_paras += 1  # continues in the next paragraph
                continue
            warnings.append(
                f"unbalanced quotation mark: quotation opened at {open_at - 1} is not closed in its paragraph"
            )
            end = re.search(r"[.!?…][\"'”’]?(?=\s+[\"“A-Z])", text[open_at:p1])
            spans.append((open_at, open_at + end.end() if end else p1, "double", n_paras))
            open_at = None
    spans += _single_spans(text, spans)
    spans.sort()
    return spans, warnings


def _single_spans(text: str, doubles: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """Single-quoted phrases outside double quotations, within one line or paragraph."""
    inside = bytearray(len(text) + 1)
    for a, b, _, _ in doubles:
        inside[max(0, a - 1) : b + 1] = b"\x01" * (b + 1 - max(0, a - 1))
    out = []
    for m in re.finditer("[‘']", text):
        i = m.start()
        if inside[i] or (out and i < out[-1][1] + 1):
            continue
        if text[i] == OPEN_SINGLE or (_opens(text, i) and i + 1 < len(text) and text[i + 1].isalpha()):
            close = _single_close(text, i)
            if close is not None:
                out.append((i + 1, close, "single", 1))
    return out


def _single_close(text: str, i: int) -> int | None:
    limit = min(len(text), i + 300)
    candidates = []
    for j in range(i + 2, limit):
        if text[j] == "\n":
            break
        if text[j] in (CLOSE_SINGLE, "'") and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if after.isalnum():
                continue
            candidates.append(j)
    strong = [j for j in candidates if not _is_apostrophe(text, j)]
    pick = strong or candidates
    return pick[0] if pick else None


# --- speakers -------------------------------------------------------------------------------


def _mask(text: str, spans: list[tuple[int, int, str, int]]) -> str:
    """The text with quoted words blanked (final . ! ? kept), so sentences split around quotations."""
    chars = list(text)
    for a, b, _, _ in spans:
        for k in range(a, b):
            if chars[k] not in "\n" and not (k == b - 1 and chars[k] in ".!?,"):
                chars[k] = "Q"  # a capital, so a sentence still ends before an opening quotation
    return "".join(chars)


@dataclass
class _State:
    """What the story has established so far, for pronouns, letters and context."""

    last_speaker: str | None = None
    last_person_speaker: str | None = None
    last_author: str | None = None
    last_person: str | None = None
    it_referent: str | None = None
    seen: list[tuple[str, str, str]] = field(default_factory=list)  # (canonical, kind, text) of every name so far
    paragraph_speaker: dict[int, str] = field(default_factory=dict)


def _subject(mentions: list[Mention], text: str, lo: int, hi: int) -> Mention | None:
    """The clause subject between ``lo`` and ``hi``: the first named mention not after a preposition, lead-in skipped."""
    lead = _LEAD_IN.match(text[lo:hi])
    start = lo + (lead.end() if lead else 0)
    for m in mentions:
        if start <= m.start < hi and m.kind in (
            "person",
            "institution",
            "media",
            "pronoun",
            "document",
            "it",
        ):
            if _PREP_BEFORE.search(text[max(lo, m.start - 25) : m.start]) or m.text.lower() in (
                "his",
                "him",
                "her",
                "its",
            ):
                continue
            return m
    return None


def _nearest_before(mentions: list[Mention], text: str, lo: int, pos: int) -> Mention | None:
    """The mention nearest before ``pos`` that could be the subject of a verb at ``pos``."""
    asides = [(lo + a, lo + b) for a, b in _relative_clauses(text, lo, pos)]
    for m in reversed(mentions):
        if m.end > pos or m.start < lo:
            continue
        if m.kind not in ("person", "institution", "media", "pronoun", "document", "it", "definite"):
            continue
        if m.text.lower() in ("his", "him", "her", "its") or any(a <= m.start < b for a, b in asides):
            continue
        if _PREP_BEFORE.search(text[max(lo, m.start - 25) : m.start]):
            continue
        return m
    return None


def _resolve(m: Mention | None, state: _State, sentence_subject: Mention | None) -> tuple[str | None, str]:
    if m is None:
        return None, ""
    if m.kind in ("person", "institution", "media"):
        return m.canonical, f"'{m.text}'"
    if m.kind == "pronoun":
        if sentence_subject is not None and sentence_subject is not m and sentence_subject.kind == "person":
            return (
                sentence_subject.canonical,
                f"'{m.text}' = the sentence's subject '{sentence_subject.text}'",
            )
        who = state.last_person_speaker or state.last_person
        return who, f"'{m.text}' = the last person speaking ({who})"
    if m.kind == "document":
        author = m.canonical if m.canonical not in _DOCUMENT_NOUNS else state.last_author
        return author, f"'{m.text}' = the letter or message of {author}"
    if m.kind == "it":
        who = state.it_referent or state.last_author
        return who, f"'{m.text}' = {who}"
    if m.kind == "definite":
        who = _antecedent(m.canonical, state)
        return who, f"'{m.text}' = {who}"
    return None, ""


_PERSON_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson official analyst researcher professor expert diplomat envoy".split()
)


def _antecedent(noun: str, state: _State) -> str | None:
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
    return None


def attribute(cd: CleanDoc, spans: list[tuple[int, int, str, int]], when: dt.date | None) -> list[Quote]:
    """Quotes of the body with their speakers; a quotation over several paragraphs gives one row per paragraph."""
    text = cd.body
    masked = _mask(text, spans)
    mentions = find_mentions(masked, when)
    sentences = sentence_spans(masked)
    para_of = _paragraph_index(text)
    state = _State()
    quotes: list[Quote] = []
    by_sentence: dict[int, list[tuple[int, int, str, int]]] = {}
    sentence_starts = [x for x, _ in sentences]
    for sp in spans:
        si = bisect.bisect_right(sentence_starts, sp[0] - 1) - 1
        ok = 0 <= si < len(sentences) and sentences[si][0] <= sp[0] - 1 < sentences[si][1]
        by_sentence.setdefault(si if ok else -1, []).append(sp)
    index = MentionIndex(mentions)
    for si, (s0, s1) in enumerate(sentences):
        ms = index.between(s0, s1)
        subj = _subject(ms, masked, s0, s1)
        for a, b, mark, n in by_sentence.get(si, []):
            # a quotation running past its sentence (over paragraphs) takes its cue from where it ends
            k = bisect.bisect_right(sentence_starts, b) - 1
            e1 = max(s1, sentences[k][1] if 0 <= k < len(sentences) and b < sentences[k][1] else s1)
            qms = ms if e1 == s1 else index.between(s0, e1)
            speaker, cue, why = _speaker(masked, qms, s0, e1, a, b, subj, state, para_of)
            pieces = _pieces(text, a, b)
            for k, (pa, pb) in enumerate(pieces):
                q = Quote(text[pa:pb], pa, pb, "body", speaker, cue, why, mark, n)
                if len(pieces) > 1:
                    q.group, q.part = f"{a}", k + 1
                quotes.append(q)
            if speaker:
                state.last_speaker = speaker
                if any(m.canonical == speaker and m.kind == "person" for m in mentions):
                    state.last_person_speaker = speaker
                state.paragraph_speaker[para_of(b)] = speaker
        _update_state(masked, ms, s0, s1, subj, state, para_of)
    return quotes


def _paragraph_index(text: str):
    starts = [0] + [m.end() for m in re.finditer(r"\n\n+", text)]

    def index(pos: int) -> int:
        k = 0
        for i, s in enumerate(starts):
            if s <= pos:
                k = i
        return k

    return index


def _speaker(masked, ms, s0, s1, a, b, subj, state, para_of) -> tuple[str | None, str, str]:
    """(speaker, cue, evidence) for the quotation ``a..b`` in the sentence ``s0..s1``."""
    # 1. a cue right after the closing mark: '," Putin wrote.' / '," said Peskov.' / '," it read.'
    post = masked[b + 1 : s1]
    closes_clause = masked[b - 1 : b] in (",", ".", "!", "?") or post.lstrip(" ")[:1] in (
        ",",
        "—",
        "–",
    )
    m = re.match(
        rf"^[\s,.;:—–-]*(?P<win>(?:\S+\s+){{0,9}}?)(?P<verb>{REPORTING_VERBS})\b",
        post,
        re.IGNORECASE,
    )
    if (
        m
        and closes_clause
        and not re.search(r"[“”\"]", m.group("win"))
        and not re.match(r"(?:which|that|who|whom|as|and|but|while)\b", m.group("win"), re.I)
    ):
        vpos = b + 1 + m.start("verb")
        cue = post[m.start("win") : m.end("verb")].strip()
        win_ms = [x for x in ms if b < x.start < vpos]
        after_ms = [x for x in ms if vpos < x.start < min(s1, vpos + len(m.group("verb")) + 30)]
        cands = win_ms or after_ms[:1]
        if cands:
            who, why = _from_mention(masked, ms, s0, s1, cands[0], subj, state, a)
            if who:
                return who, cue, f"cue after the quotation: {why}"
    # 2. a cue before the opening mark in the same sentence: 'Putin remarked, “' / 'Kim added that “'
    v, near = _pre_cue(masked, ms, s0, a, subj)
    if v is not None:
        cue = masked[max(s0, v.start() - 40) : v.end()].strip()
        who, why = _from_mention(masked, ms, s0, s1, near, subj, state, a)
        if who:
            return who, cue, f"cue before the quotation: {why}"
    # 3. 'according to the message' / 'KCNA cited the letter as saying' anywhere in the sentence
    for pat in (_AS_SAYING, _ACCORDING):
        for m in pat.finditer(masked, s0, s1):
            obj_ms = [x for x in ms if m.start("obj") <= x.start < m.end("obj")]
            if not obj_ms:
                continue
            if obj_ms[0].kind == "media" and subj is not None and subj.kind == "person":
                return (
                    subj.canonical,
                    m.group(0),
                    f"'{subj.text}' speaks; {obj_ms[0].text} reports it",
                )
            who, why = _resolve(obj_ms[0], state, subj)
            if who:
                return who, m.group(0), why
    # 4. no cue: the sentence's own subject if a person, else the speaker before
    if subj is not None and subj.kind == "person":
        return subj.canonical, "", f"no cue: the sentence's subject '{subj.text}'"
    p = para_of(a)
    for k in (p, p - 1):
        if k in state.paragraph_speaker:
            return state.paragraph_speaker[k], "", "no cue: continues the quotation before"
    if state.last_speaker:
        return state.last_speaker, "", "no cue: the last speaker"
    if subj is not None:
        who, why = _resolve(subj, state, subj)
        return who, "", f"no cue: the sentence's subject {why}"
    if state.last_author:
        return state.last_author, "", f"no cue: the letter or message of {state.last_author} named before"
    return None, "", "no cue and no speaker in context"


def _from_mention(masked, ms, s0, s1, m, subj, state, quote_at=None) -> tuple[str | None, str]:
    """Speaker for a cue whose subject is ``m``; a media subject or a bare 'it' defers to a person speaking in the sentence."""
    if m is None:
        return None, ""
    if m.kind == "media":
        as_saying = _AS_SAYING.search(masked, m.start, s1)
        if as_saying:
            obj_ms = [x for x in ms if as_saying.start("obj") <= x.start < as_saying.end("obj")]
            if obj_ms:
                who, why = _resolve(obj_ms[0], state, subj)
                if who:
                    return who, f"{m.text} quoting {why}"
    if m.kind in ("media", "it") and quote_at is not None:
        speaking = _person_speaking_before(masked, ms, s0, quote_at)
        if speaking is not None and speaking is not m and speaking.kind == "pronoun":
            who, why = _resolve(speaking, state, subj)
            if who:
                return who, f"{why} speaks; '{m.text}' reports it"
        elif speaking is not None and speaking is not m:
            return speaking.canonical, f"'{speaking.text}' speaks; '{m.text}' reports it"
    return _resolve(m, state, subj)


_WROTE_AFTER = re.compile(r"\s+(?:had\s+|has\s+)?(?:sent|wrote|written|addressed|delivered)\b")
_DOCUMENT_BEFORE = re.compile(r"\b(?:letter|message|telegram|card|greetings|note)\s+(?:that\s+)?$", re.I)


def _update_state(masked, ms, s0, s1, subj, state, para_of) -> None:
    state.seen += [(m.canonical, m.kind, m.text) for m in ms if m.kind in ("person", "institution", "media")]
    persons = [m for m in ms if m.kind == "person"]
    if persons:
        state.last_person = persons[-1].canonical
    sentence = masked[s0:s1]
    cited_document = any(
        m.kind == "document"
        and (
            _AS_SAYING.search(sentence)
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
    if subj is None:
        return
    who, _ = _resolve(subj, state, subj)
    has_document = any(m.kind == "document" for m in ms) or re.search(
        r"\b(?:letter|message|telegram|card|greetings)\b", sentence, re.I
    )
    if (
        who
        and subj.kind in ("person", "pronoun")
        and has_document
        and (_SENDING.search(sentence) or subj.kind == "person")
    ):
        state.last_author = who
    if subj.kind == "document" and subj.canonical not in _DOCUMENT_NOUNS:
        state.last_author = subj.canonical
    if who and subj.kind in ("person", "pronoun") and (_SENDING.search(sentence) or _VERB.search(sentence)):
        state.paragraph_speaker[para_of(s0)] = who
        if subj.kind == "person":
            state.last_person_speaker = who
        if has_document or _SENDING.search(sentence):
            state.last_speaker = who


def headline_quotes(cd: CleanDoc, when: dt.date | None) -> list[Quote]:
    """Quoted phrases in the headline; the speaker is the headline's subject."""
    if cd.headline is None or not cd.headline_text:
        return []
    text = cd.headline_text
    offset = cd.headline.start + cd.headline.text.find(text)
    spans, _ = find_spans(text)
    ms = [m for m in find_mentions(_mask(text, spans), when) if m.kind in ("person", "institution")]
    out = []
    for a, b, mark, _ in spans:
        speaker = ms[0].canonical if ms and ms[0].start < a else None
        why = f"the headline's subject '{ms[0].text}'" if speaker else "no subject before the quotation"
        out.append(Quote(text[a:b], offset + a, offset + b, "headline", speaker, "", why, mark))
    return out


def extract_quotes(cd: CleanDoc, when: dt.date | None = None) -> QuoteResult:
    """All quotations of a classified document: headline first, then body, in order."""
    spans, warnings = find_spans(cd.body)
    body = attribute(cd, spans, when)
    result = QuoteResult(headline_quotes(cd, when) + body, warnings)
    for q in result.quotes:
        if not q.speaker:
            result.warnings.append(f"no speaker found for the quotation {q.text[:40]!r}")
    return result


def _relative_clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of ", which …," and ", who …," asides, whose names are not the subject of the main verb."""
    return [(m.start(), m.end()) for m in re.finditer(r",\s+(?:which|who|whose|whom)\b[^,]*,", text[lo:hi])]


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A quotation over several paragraphs as one span per paragraph (without the repeated opening mark)."""
    out, start = [], a
    for m in re.finditer(r"\s*\n\s*\n\s*[“\"]?", text[a:b]):
        out.append((start, a + m.start()))
        start = a + m.end()
    out.append((start, b))
    return [(x, y) for x, y in out if y > x]


def _with_subject(masked: str, ms: list[Mention], s0: int, pos: int) -> Mention | None:
    """In "… with Kim calling X and predicting Y", the person after the last "with" before ``pos``."""
    for w in reversed(list(re.finditer(r"\bwith\s+", masked[s0:pos]))):
        after = s0 + w.end()
        m = next((x for x in ms if x.start == after and x.kind in ("person", "institution")), None)
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


def _person_speaking_before(masked, ms, s0, pos) -> Mention | None:
    """A person or institution speaking before ``pos`` in the sentence ("Putin … said …")."""
    subj = _subject(ms, masked, s0, pos)
    _, near = _pre_cue(masked, ms, s0, pos, subj)
    if near is not None and near.kind in ("person", "institution"):
        return near
    if near is not None and near.kind == "pronoun" and near.text.lower() in ("he", "she"):
        return near  # "He said he had “…,” KCNA reported": resolved by the caller
    return None


def _pre_cue(masked, ms, s0, pos, subj) -> tuple[re.Match[str] | None, Mention | None]:
    """The last reporting verb before ``pos`` in the sentence and its subject."""
    verbs = list(_VERB.finditer(masked, s0, max(s0, pos - 1)))
    if not verbs:
        return None, None
    v = verbs[-1]
    near = _nearest_before(ms, masked, s0, v.start())
    gerund = v.group(0).lower().endswith("ing")
    before_word = masked[max(s0, v.start() - 60) : v.start() - len(_last_word(masked, v.start()))]
    if gerund and re.search(r"\bwith\s+$", before_word):
        near = next((x for x in reversed(ms) if x.end <= v.start() and x.kind in ("person", "institution")), near)
    elif gerund and (chain := _with_subject(masked, ms, s0, v.start())) is not None:
        near = chain  # "with Kim calling … and predicting": the subject of the first gerund
    elif (
        near is not None
        and subj is not None
        and re.search(r"\b(?:and|but)\s+(?:\w+\s+){0,2}$", masked[near.end : v.start()])
    ):
        # "Kim congratulated Putin ... and said": the verb shares the subject of the verb before it
        earlier = [x for x in verbs[:-1] if x.end() <= near.end + 40]
        prev = _nearest_before(ms, masked, s0, earlier[-1].start()) if earlier else None
        near = prev if prev is not None and prev.kind in ("person", "institution", "pronoun") else subj
    elif gerund:
        near = subj or near
    return v, near
