"""Direct quotations and who said them.

Quotation marks are found by ``text.quotemarks`` (curly and straight double quotes; single
quotes for quoted phrases, chiefly in headlines; apostrophes never end a quotation).
Speakers come from ``speakers``: reporting cues ("Putin wrote", "said Peskov", "Kim added
that", "cited the letter as saying", "it read", "according to the message"), roles and
pronouns resolved to canonical names (``entities``), the author of the letter being quoted,
and context: a quotation with no cue of its own belongs to the speaker of the quotation
before it or to the last person the story had speak or write.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

from ..clean.values import CleanDoc
from ..text.quotemarks import QuoteSpan, find_spans, mask
from ..text.sentences import sentence_spans
from .entities import MentionIndex, find_mentions
from .speakers import (
    Clause,
    Quotation,
    State,
    agency_voice,
    narrated_voice,
    own_voice,
    speaker_of,
    subject,
    update_state,
)
from .values import Quote, QuoteResult


def extract_quotes(cd: CleanDoc, when: dt.date | None = None) -> QuoteResult:
    """All quotations of a classified document: headline first, then body, in order."""
    spans, warnings = find_spans(cd.story)
    body = attribute(cd, spans, when)
    result = QuoteResult(headline_quotes(cd, when) + body, warnings)
    for q in result.quotes:
        if not q.speaker:
            result.warnings.append(f"no speaker found for the quotation {q.text[:40]!r}")
    return result


def attribute(cd: CleanDoc, spans: list[QuoteSpan], when: dt.date | None) -> list[Quote]:
    """Quotes of the body with their speakers; a quotation over several paragraphs gives one row per paragraph."""
    text = cd.story
    masked = mask(text, spans)
    mentions = find_mentions(masked, when)
    sentences = sentence_spans(masked)
    para_of = paragraph_index(text)
    state = State()
    quotes: list[Quote] = []
    sentence_starts = [x for x, _ in sentences]
    by_sentence = _by_sentence(spans, sentences, sentence_starts)
    index = MentionIndex(mentions)
    for si, (s0, s1) in enumerate(sentences):
        sentence = Clause(masked, s0, s1, index.between(s0, s1))
        subj = subject(sentence)
        spoke: str | None = None  # the person the sentence quotes, whom "he" in the next one means
        for a, b, mark, n in by_sentence.get(si, []):
            # a quotation running past its sentence (over paragraphs) takes its cue from where it ends
            k = bisect.bisect_right(sentence_starts, b) - 1
            e1 = max(s1, sentences[k][1] if 0 <= k < len(sentences) and b < sentences[k][1] else s1)
            clause = sentence if e1 == s1 else Clause(masked, s0, e1, index.between(s0, e1))
            speaker, cue, why = speaker_of(Quotation(clause, a, b, subj, para_of), state)
            voice = (
                narrated_voice(text, a, b, speaker, clause, state)
                or agency_voice(text[a:b], speaker, clause, state)
                or own_voice(text[a:b], speaker, clause, state)
            )
            if voice is not None:
                speaker, why = voice
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
                    spoke = speaker
                state.paragraph_speaker[para_of(b)] = speaker
        update_state(sentence, subj, state, para_of)
        if spoke:
            state.prev_subject = spoke  # "…,” Ushakov said. “…,” he told reporters.
    return quotes


def _by_sentence(
    spans: list[QuoteSpan], sentences: list[tuple[int, int]], starts: list[int]
) -> dict[int, list[QuoteSpan]]:
    """The quotations opening in each sentence (by its index; -1 for one opening between sentences)."""
    out: dict[int, list[QuoteSpan]] = {}
    for sp in spans:
        si = bisect.bisect_right(starts, sp[0] - 1) - 1
        ok = 0 <= si < len(sentences) and sentences[si][0] <= sp[0] - 1 < sentences[si][1]
        out.setdefault(si if ok else -1, []).append(sp)
    return out


def paragraph_index(text: str) -> Callable[[int], int]:
    """A function giving the number of the paragraph an offset of ``text`` is in."""
    starts = [0] + [m.end() for m in re.finditer(r"\n\n+", text)]

    def index(pos: int) -> int:
        k = 0
        for i, s in enumerate(starts):
            if s <= pos:
                k = i
        return k

    return index


def headline_quotes(cd: CleanDoc, when: dt.date | None) -> list[Quote]:
    """Quoted phrases in the headline; the speaker is the headline's subject."""
    if cd.headline is None or not cd.headline_text:
        return []
    text = cd.headline_text
    offset = cd.headline.start + cd.headline.text.find(text)
    spans, _ = find_spans(text)
    ms = [m for m in find_mentions(mask(text, spans), when) if m.kind in ("person", "institution")]
    out = []
    for a, b, mark, _ in spans:
        speaker = ms[0].canonical if ms and ms[0].start < a else None
        why = f"the headline's subject '{ms[0].text}'" if speaker else "no subject before the quotation"
        out.append(Quote(text[a:b], offset + a, offset + b, "headline", speaker, "", why, mark))
    return out


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A quotation over several paragraphs as one span per paragraph (without the repeated opening mark)."""
    out, start = [], a
    for m in re.finditer(r"\s*\n\s*\n\s*[“\"]?", text[a:b]):
        out.append((start, a + m.start()))
        start = a + m.end()
    out.append((start, b))
    return [(x, y) for x, y in out if y > x]
