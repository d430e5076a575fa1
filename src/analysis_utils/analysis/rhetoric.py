"""Rhetoric of the quotations: lemmas, term frequencies by speaker, themes, keyness and concordances.

Everything here reads the ``quotes`` and ``letters`` tables (``load_tables``), never whole
articles: what is counted is what a speaker is quoted as saying, not what the journalist wrote.
The theme lexicon and the stop words are package data (``data/themes.toml``, ``data/stopwords.txt``).
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd
import simplemma
from rapidfuzz import fuzz, utils

from ..text import data

KIM = "Kim Jong Un"
PUTIN = "Vladimir Putin"

LEMMA_EXCEPTIONS = {
    "arms": "arms",  # weapons, not limbs
    "armed": "armed",  # simplemma: "arm"
    "lives": "life",  # simplemma: "live"
    "founding": "founding",  # the founding of a state, not "found"
    "better": "better",  # simplemma maps comparatives to "good"/"bad"/"wrong"
    "best": "best",
    "worse": "worse",
    "worst": "worst",
}
"""Word forms whose simplemma lemma would change their meaning here (lower-case form → lemma)."""

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[\w'’\-]+")
_EDGE = "-'’_"
_BREAK = re.compile(r"[^\s\-'’]")  # anything but spaces between two words ends an n-gram


# --------------------------------------------------------------------------- words and lemmas


@lru_cache(maxsize=1)
def load_stopwords(path: str | None = None) -> frozenset[str]:
    """The stop words (``data/stopwords.txt`` unless a path is given): one word a line, ``#`` comments."""
    text = Path(path).read_text("utf-8") if path else data.read_text("stopwords.txt")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#"))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """Every word of ``text`` as ``(start, end, word)``, with offsets into ``text``.

    A word is a run of letters, possibly joined by hyphens or apostrophes ("anti-Japanese",
    "don't"); a possessive "'s" is left out of the word; runs with a digit ("2019", "75th") are
    not words; dotted acronyms ("U.S.") are one word, written without the dots.
    """
    spans = []
    for m in _WORD.finditer(text or ""):
        start, end = m.span()
        word = m.group()
        if "." in word:  # U.S.
            spans.append((start, end, word.replace(".", "")))
            continue
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        word = text[start:end]
        if word[-2:].lower() in ("'s", "’s"):
            end -= 2
            word = word[:-2]
        if word and not any(ch.isdigit() or ch == "_" for ch in word):
            spans.append((start, end, word))
    return spans


def tokens(text: str) -> list[str]:
    """Lower-case word tokens: hyphenated words kept whole, numbers and punctuation dropped."""
    return [w.lower().replace("’", "'") for _, _, w in word_spans(text)]


def _is_acronym(word: str, text: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha() and not text.isupper()


def lemma(word: str, text: str = "") -> str:
    """The lemma of one word, lower-case; an acronym ("US", "DPRK") is kept as written.

    Acronyms are all-capital words of two letters or more in a text that is not all capitals:
    simplemma would read "US" as the pronoun and give "we". Hyphenated words lose only a plural
    "-s" ("anti-imperialists" → "anti-imperialist"); ``LEMMA_EXCEPTIONS`` keeps a few words whose
    dictionary lemma changes their meaning.
    """
    if _is_acronym(word, text or word.lower()):
        return word
    low = word.lower().replace("’", "'")
    if low in LEMMA_EXCEPTIONS:
        return LEMMA_EXCEPTIONS[low]
    if "-" in low:
        head, _, last = low.rpartition("-")
        return f"{head}-{_singular(last)}"
    return simplemma.lemmatize(low, lang="en").lower()


def _singular(word: str) -> str:
    lem = simplemma.lemmatize(word, lang="en").lower()
    if word.endswith("s") and lem in (word[:-1], word[:-2]) or (word.endswith("ies") and lem == word[:-3] + "y"):
        return lem
    return word


def _stream(text: str) -> list[tuple[int, int, str | None, bool]]:
    """Every word as (start, end, lemma or None for a stop word, starts a new phrase)."""
    stop = load_stopwords()
    out: list[tuple[int, int, str | None, bool]] = []
    prev_end = 0
    for i, (start, end, word) in enumerate(word_spans(text)):
        lem = lemma(word, text)
        is_stop = not _is_acronym(word, text) and (len(lem) < 2 or word.lower() in stop or lem in stop)
        new = i == 0 or bool(_BREAK.search(text[prev_end:start]))
        out.append((start, end, None if is_stop else lem, new))
        prev_end = end
    return out


def lemmas(text: str) -> list[str]:
    """The content lemmas of ``text`` in order: lemmatised with simplemma (English), stop words removed.

    >>> lemmas("Friendly relations with the US")
    ['friendly', 'relation', 'US']
    """
    return [lem for _, _, lem, _ in _stream(text) if lem]


def ngrams(text: str, n: int = 1) -> list[str]:
    """Lemma n-grams joined by spaces; a bigram never spans a stop word or punctuation."""
    if n == 1:
        return lemmas(text)
    grams, run = [], []
    for _, _, lem, new in _stream(text):
        if new or lem is None:
            run = []
        if lem is None:
            continue
        run.append(lem)
        if len(run) >= n:
            grams.append(" ".join(run[-n:]))
    return grams


# --------------------------------------------------------------------------- which quotations count


def attributed(quotes: pd.DataFrame, speakers: Sequence[str] | None = None) -> pd.DataFrame:
    """Quotations with a speaker (optionally only these speakers)."""
    if quotes.empty:
        return quotes.copy()
    keep = quotes["speaker"].fillna("").astype(str).str.len() > 0
    if speakers is not None:
        keep &= quotes["speaker"].isin(list(speakers))
    return quotes[keep].copy()


def distinct_quotes(quotes: pd.DataFrame, cutoff: float = 85, contained: float = 95) -> pd.DataFrame:
    """One row per distinct quotation per speaker: the same words reported by several articles count once.

    Quotations of one speaker are compared longest first; a quotation is dropped when it scores at
    least ``cutoff`` with rapidfuzz's ``ratio`` against one already kept (a variant of it) or at
    least ``contained`` with ``partial_ratio`` (a fragment of it, such as a headline quoting the
    body). Comparison ignores case and punctuation. The original order is kept.
    """
    if quotes.empty:
        return quotes.copy()
    keep: list[int] = []
    for _, group in quotes.groupby("speaker", sort=False):
        kept: list[str] = []
        order = group.assign(_len=group["text"].fillna("").str.len()).sort_values(
            "_len", ascending=False, kind="stable"
        )
        for idx, text in order["text"].fillna("").items():
            norm = utils.default_process(text)
            if not norm:
                continue
            if any(fuzz.ratio(norm, k) >= cutoff or fuzz.partial_ratio(norm, k) >= contained for k in kept):
                continue
            kept.append(norm)
            keep.append(idx)
    return quotes.loc[sorted(keep)].copy()


def speaker_summary(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotations and words (``tokens``) per speaker, most quoted first."""
    cols = ["speaker", "n_quotes", "n_words"]
    q = attributed(quotes)
    if q.empty:
        return pd.DataFrame(columns=cols)
    q = q.assign(_w=q["text"].fillna("").map(lambda t: len(tokens(t))))
    out = q.groupby("speaker").agg(n_quotes=("text", "size"), n_words=("_w", "sum")).reset_index()
    return out.sort_values(["n_quotes", "n_words", "speaker"], ascending=[False, False, True], ignore_index=True)[cols]


# --------------------------------------------------------------------------- frequencies


def term_frequencies(
    quotes: pd.DataFrame, by: str = "speaker", ngram: int = 1, speakers: Sequence[str] | None = None
) -> pd.DataFrame:
    """Tidy lemma (``ngram=1``) or bigram (``ngram=2``) counts per speaker (or any column ``by``).

    Columns: ``by``, term, count, per_1000 (per 1,000 words the group is quoted as saying, stop
    words included). Only attributed quotations count. Sorted by group, then count descending.
    """
    cols = [by, "term", "count", "per_1000"]
    q = attributed(quotes, speakers)
    rows = []
    for group, part in q.groupby(by, sort=True) if not q.empty else []:
        texts = part["text"].fillna("")
        n_words = sum(len(tokens(t)) for t in texts)
        counts = Counter(g for t in texts for g in ngrams(t, ngram))
        for term, count in counts.items():
            rows.append({by: group, "term": term, "count": count, "per_1000": 1000 * count / n_words})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values([by, "count", "term"], ascending=[True, False, True], ignore_index=True)


def top_terms(freq: pd.DataFrame, n: int = 10, by: str = "speaker") -> pd.DataFrame:
    """The ``n`` most frequent terms of each group of a ``term_frequencies`` table (ties broken alphabetically)."""
    if freq.empty:
        return freq.copy()
    ordered = freq.sort_values([by, "count", "term"], ascending=[True, False, True])
    return ordered.groupby(by, sort=False).head(n).reset_index(drop=True)


# --------------------------------------------------------------------------- themes


def load_themes(path: str | Path | None = None) -> dict[str, list[str]]:
    """The theme lexicon: theme name → its terms as written (``data/themes.toml`` unless a path is given)."""
    text = Path(path).read_text("utf-8") if path else data.read_text("themes.toml")
    lexicon = tomllib.loads(text)
    return {t["name"]: list(t["terms"]) for t in lexicon.get("theme", [])}


def _patterns(themes: dict[str, list[str]]) -> list[tuple[tuple[str, ...], str, str]]:
    """(lemma sequence, theme, term), longest first."""
    pats = []
    for theme, terms in themes.items():
        for term in terms:
            seq = tuple(lemmas(term))
            if seq:
                pats.append((seq, theme, term))
    return sorted(pats, key=lambda p: -len(p[0]))


def theme_hits(text: str, themes: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Every theme term found in ``text``: theme, term, match (the words as written), start, end.

    A term matches consecutive content lemmas (stop words skipped, so "peace and security" also
    matches "peace, security"); longer terms are tried first and each word counts once.
    """
    cols = ["theme", "term", "match", "start", "end"]
    themes = load_themes() if themes is None else themes
    content = [(s, e, lem) for s, e, lem, _ in _stream(text) if lem]
    lems = [lem for _, _, lem in content]
    used = [False] * len(content)
    rows = []
    for seq, theme, term in _patterns(themes):
        n = len(seq)
        for i in range(len(lems) - n + 1):
            if tuple(lems[i : i + n]) == seq and not any(used[i : i + n]):
                used[i : i + n] = [True] * n
                start, end = content[i][0], content[i + n - 1][1]
                rows.append({"theme": theme, "term": term, "match": text[start:end], "start": start, "end": end})
    return pd.DataFrame(rows, columns=cols).sort_values("start", ignore_index=True)


def theme_scores(texts: pd.DataFrame | Iterable[str], themes: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Theme matches per 100 words for each text (a DataFrame with a ``text`` column, or strings).

    Returns the input's columns (or ``text``) plus ``n_words`` and one column per theme; a text
    without words scores 0.
    """
    themes = load_themes() if themes is None else themes
    frame = texts.copy() if isinstance(texts, pd.DataFrame) else pd.DataFrame({"text": list(texts)})
    counts = _theme_counts(frame["text"].fillna("").tolist() if not frame.empty else [], themes)
    frame["n_words"] = [c["n_words"] for c in counts]
    for theme in themes:
        frame[theme] = [100 * c[theme] / c["n_words"] if c["n_words"] else 0.0 for c in counts]
    return frame


def _theme_counts(texts: list[str], themes: dict[str, list[str]]) -> list[dict[str, int]]:
    out = []
    for text in texts:
        hits = theme_hits(text, themes)["theme"].value_counts()
        out.append({"n_words": len(tokens(text)), **{t: int(hits.get(t, 0)) for t in themes}})
    return out


def direction(sender: str, recipient: str) -> str:
    """The label of a letter's direction, e.g. "Kim Jong Un → Vladimir Putin" (the key of ``plots.colour``)."""
    return f"{sender} → {recipient}"


def _keyed(letters: pd.DataFrame) -> pd.DataFrame:
    keys = zip(letters["letter_key"].fillna(""), letters["doc_id"], letters["sender"], strict=True)
    return letters.assign(letter_key=[k or f"{d}:{s}" for k, d, s in keys])


def letter_quotes(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The quotations of each letter's sender in the article reporting it, with that letter's ``letter_key``.

    A quotation belongs to a letter when its speaker is the letter's sender in the same article.
    When an article reports several letters from one sender, a body quotation goes to the last of
    them mentioned before it (else the first); a headline quotation to the first. Letters without
    a key are keyed ``doc_id:sender``.
    """
    quotes, letters = tables["quotes"], tables["letters"]
    cols = [*quotes.columns, "letter_key"]
    if quotes.empty or letters.empty:
        return pd.DataFrame(columns=cols)
    letters = _keyed(letters)
    rows = []
    for (doc, sender), mine in letters.sort_values("start").groupby(["doc_id", "sender"], sort=False):
        said = quotes[(quotes["doc_id"] == doc) & (quotes["speaker"] == sender)]
        for _, q in said.iterrows():
            before = mine[mine["start"] <= q["start"]] if q.get("section", "body") == "body" else mine.iloc[:0]
            chosen = before.iloc[-1] if len(before) else mine.iloc[0]
            rows.append({**q.to_dict(), "letter_key": chosen["letter_key"]})
    return pd.DataFrame(rows, columns=cols)


def letter_theme_matrix(
    tables: dict[str, pd.DataFrame],
    themes: dict[str, list[str]] | None = None,
    between: Sequence[str] | None = (KIM, PUTIN),
) -> pd.DataFrame:
    """One row per letter whose sender is quoted: its date, direction and theme scores per 100 quoted words.

    The same letter reported by several articles (one ``letter_key``) is one row; its quotations
    are pooled with ``distinct_quotes`` so a sentence printed twice counts once. Columns:
    letter_key, date (the exact day, else the earliest possible), date_earliest, date_latest,
    sender, recipient, direction, occasion, docs, n_quotes, n_words, label, then one per theme.
    Rows are ordered by date. Only letters between the people in ``between`` (both sender and
    recipient among them) are kept; ``between=None`` keeps every letter.
    """
    themes = load_themes() if themes is None else themes
    meta_cols = [
        "letter_key", "date", "date_earliest", "date_latest", "sender", "recipient", "direction", "occasion",
        "docs", "n_quotes", "n_words", "label",
    ]  # fmt: skip
    lq = letter_quotes(tables)
    if lq.empty:
        return pd.DataFrame(columns=[*meta_cols, *themes])
    letters = _keyed(tables["letters"])
    rows = []
    for key, said in lq.groupby("letter_key", sort=False):
        info = letters[letters["letter_key"] == key]
        if between is not None and not (info["sender"].isin(between) & info["recipient"].isin(between)).any():
            continue
        said = distinct_quotes(said)
        counts = _theme_counts(said["text"].fillna("").tolist(), themes)
        n_words = sum(c["n_words"] for c in counts)
        exact = [d for d in info["date"] if d]
        earliest = min((d for d in info["date_earliest"] if d), default="")
        latest = max((d for d in info["date_latest"] if d), default="")
        first = info.iloc[0]
        day = exact[0] if exact else earliest
        arrow = direction(first["sender"], first["recipient"])
        rows.append(
            {
                "letter_key": key,
                "date": day,
                "date_earliest": earliest,
                "date_latest": latest,
                "sender": first["sender"],
                "recipient": first["recipient"],
                "direction": arrow,
                "occasion": next((o for o in info["occasion"] if o), ""),
                "docs": " ".join(sorted(set(info["doc_id"]))),
                "n_quotes": len(said),
                "n_words": n_words,
                "label": f"{day if exact else '≥' + day}  {arrow}",
                **{t: 100 * sum(c[t] for c in counts) / n_words if n_words else 0.0 for t in themes},
            }
        )
    out = pd.DataFrame(rows, columns=[*meta_cols, *themes])
    return out.sort_values(["date", "label"], ignore_index=True)


# --------------------------------------------------------------------------- keyness


def keyness(
    quotes: pd.DataFrame,
    a: str = KIM,
    b: str = PUTIN,
    method: str = "log_odds",
    min_count: int = 1,
    prior: pd.DataFrame | None = None,
    prior_size: float | None = None,
) -> pd.DataFrame:
    """Which lemmas one speaker uses more than the other, with the raw counts beside the statistic.

    ``method="log_odds"``: the log-odds ratio with an informative Dirichlet prior, as a z-score
    (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). The prior is the lemma distribution of
    ``prior`` (default: all attributed quotations in ``quotes``, every speaker) scaled to
    ``prior_size`` pseudo-counts (default: the prior's own size), which shrinks rare words
    towards no difference. ``method="g2"``: Dunning's log-likelihood G² (1 degree of freedom,
    3.84 ≈ p 0.05), signed positive when ``a`` uses the lemma at a higher rate.

    Columns: term, count_a, count_b, per_1000_a, per_1000_b (per 1,000 words quoted), statistic,
    favours (``a``, ``b`` or "" at 0). Sorted from most ``a``-ish to most ``b``-ish. Terms with
    ``count_a + count_b < min_count`` are left out.
    """
    if method not in ("log_odds", "g2"):
        raise ValueError(f"method must be 'log_odds' or 'g2', not {method!r}")
    cols = ["term", "count_a", "count_b", "per_1000_a", "per_1000_b", "statistic", "favours"]
    q = attributed(quotes)
    (ca, wa), (cb, wb) = _lemma_counts(q, a), _lemma_counts(q, b)
    na, nb = sum(ca.values()), sum(cb.values())
    if not na or not nb:
        return pd.DataFrame(columns=cols)
    bg = _background(q, ca, cb, prior)
    bg_total = sum(bg.values())
    a0 = float(prior_size) if prior_size else float(bg_total)
    rows = []
    for term in sorted(set(ca) | set(cb)):
        ya, yb = ca[term], cb[term]
        if ya + yb < min_count:
            continue
        if method == "g2":
            stat = g2(ya, yb, na, nb)
        else:
            alpha = a0 * bg[term] / bg_total
            stat = log_odds_z(ya, yb, na, nb, alpha, a0)
        rows.append(
            {
                "term": term,
                "count_a": ya,
                "count_b": yb,
                "per_1000_a": 1000 * ya / wa,
                "per_1000_b": 1000 * yb / wb,
                "statistic": stat,
                "favours": a if stat > 1e-12 else b if stat < -1e-12 else "",
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    out = out.sort_values(["statistic", "term"], ascending=[False, True], ignore_index=True)
    out.attrs.update({"a": a, "b": b, "method": method, "n_a": na, "n_b": nb})
    return out


def _lemma_counts(q: pd.DataFrame, speaker: str) -> tuple[Counter[str], int]:
    """The lemma counts of a speaker's attributed quotations, and how many words they hold (stop words included)."""
    texts = q[q["speaker"] == speaker]["text"].fillna("").tolist() if not q.empty else []
    return Counter(w for t in texts for w in lemmas(t)), sum(len(tokens(t)) for t in texts)


def _background(q: pd.DataFrame, ca: Counter[str], cb: Counter[str], prior: pd.DataFrame | None) -> Counter[str]:
    """The prior's lemma counts: every attributed quotation of ``q``, or an outside ``prior`` joined by a's and b's
    own counts (so that no term has a zero prior)."""
    if prior is None:
        return Counter(w for t in q["text"].fillna("") for w in lemmas(t))
    return Counter(w for t in attributed(prior)["text"].fillna("") for w in lemmas(t)) + ca + cb


def key_terms(quotes: pd.DataFrame, a: str = KIM, b: str = PUTIN, n: int = 10, min_count: int = 1) -> pd.DataFrame:
    """The ``n`` most ``a``-ish and ``n`` most ``b``-ish lemmas by log-odds z, with G² and the raw counts beside.

    Columns: term, count_a, count_b, log_odds_z, g2, favours; ``a``'s terms first (strongest
    first), then ``b``'s (strongest last). Empty when either speaker has no quoted words.
    """
    cols = ["term", "count_a", "count_b", "log_odds_z", "g2", "favours"]
    lo = keyness(quotes, a, b, "log_odds", min_count)
    if lo.empty:
        return pd.DataFrame(columns=cols)
    g = keyness(quotes, a, b, "g2", min_count)[["term", "statistic"]].rename(columns={"statistic": "g2"})
    both = lo.rename(columns={"statistic": "log_odds_z"}).merge(g, on="term")
    top = pd.concat([both[both["log_odds_z"] > 0].head(n), both[both["log_odds_z"] < 0].tail(n)])
    out = top[cols].reset_index(drop=True)
    out.attrs.update(lo.attrs)
    return out


def g2(count_a: int, count_b: int, total_a: int, total_b: int) -> float:
    """Dunning's log-likelihood G² for one term in two corpora, positive when corpus a uses it at the higher rate."""
    if total_a <= 0 or total_b <= 0:
        return 0.0
    expected_a = total_a * (count_a + count_b) / (total_a + total_b)
    expected_b = total_b * (count_a + count_b) / (total_a + total_b)
    value = 2 * sum(o * math.log(o / e) for o, e in ((count_a, expected_a), (count_b, expected_b)) if o > 0)
    return math.copysign(max(value, 0.0), count_a / total_a - count_b / total_b) if value > 1e-12 else 0.0


def log_odds_z(count_a: int, count_b: int, total_a: int, total_b: int, alpha: float, alpha0: float) -> float:
    """Monroe et al.'s z-score of the log-odds ratio of one term with Dirichlet prior ``alpha`` (of total ``alpha0``)."""
    delta = math.log((count_a + alpha) / (total_a + alpha0 - count_a - alpha)) - math.log(
        (count_b + alpha) / (total_b + alpha0 - count_b - alpha)
    )
    return delta / math.sqrt(1 / (count_a + alpha) + 1 / (count_b + alpha))


# --------------------------------------------------------------------------- concordance


def kwic(texts: pd.DataFrame, term: str, width: int = 40) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` in the ``text`` column, with ``width`` characters each side.

    Matching rule: a word matches when its lower-case form or its lemma equals the term's
    lower-case form or lemma. So "friend" finds "friends" and "Friend" but not "friendly" or
    "friendship" (other lemmas); "US" finds "US" and "U.S." but not "us". A term of several
    words matches the same words in a row, stop words included. Columns: doc_id, quote_id,
    speaker (when the input has them), left, keyword, right, start, end (offsets in the text).
    """
    carry = [c for c in ("doc_id", "quote_id", "speaker") if c in texts.columns]
    cols = [*carry, "left", "keyword", "right", "start", "end"]
    wanted = [(w.lower(), lemma(w, term)) for _, _, w in word_spans(term)]
    rows = []
    if not wanted or texts.empty:
        return pd.DataFrame(rows, columns=cols)
    n = len(wanted)
    for _, row in texts.iterrows():
        text = row["text"] if isinstance(row["text"], str) else ""
        spans = word_spans(text)
        forms = [({w.lower(), lemma(w, text)}) for _, _, w in spans]
        for i in range(len(spans) - n + 1):
            if all(forms[i + k] & {wanted[k][0], wanted[k][1]} for k in range(n)):
                start, end = spans[i][0], spans[i + n - 1][1]
                rows.append(
                    {
                        **{c: row[c] for c in carry},
                        "left": _flat(text[max(0, start - width) : start]),
                        "keyword": text[start:end],
                        "right": _flat(text[end : end + width]),
                        "start": start,
                        "end": end,
                    }
                )
    return pd.DataFrame(rows, columns=cols)


def _flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def format_kwic(lines: pd.DataFrame, width: int = 40) -> str:
    """A ``kwic`` table as aligned plain text, one occurrence a line: ``speaker | left [keyword] right``."""
    if lines.empty:
        return "(no occurrences)"
    who = lines["speaker"] if "speaker" in lines.columns else pd.Series([""] * len(lines), index=lines.index)
    pad = max(len(s) for s in who)
    return "\n".join(
        f"{s:<{pad}} | {left:>{width}}[{kw}]{right}".rstrip()
        for s, left, kw, right in zip(who, lines["left"], lines["keyword"], lines["right"], strict=True)
    )
