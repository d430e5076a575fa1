"""Compare the outlets and wire agencies: length, quotation, cited sources, hedging, coverage, similarity, copies.

The table functions take the tidy tables of ``tables.all_tables`` (or its documents table) and return
DataFrames; ``citations``, ``hedge_cues`` and ``terms`` work on one text. The cue lexicons live in
``data/hedges.toml``.
"""

from __future__ import annotations

import math
import re
import tomllib
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from . import entities, reference

UNKNOWN_SOURCE = "unknown outlet"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TERM = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
STOP_WORDS = frozenset(
    """a about after again against all also an and any are as at be because been before being between both but by
    can did do does during each few for from further had has have having he her here hers him his how i if in into
    is it its itself just me more most my no nor not now of off on once only or other our out over own same she
    should so some such than that the their theirs them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your s t said says""".split()
)
"""Function words (and the ubiquitous reporting verb) left out of TF-IDF vectors."""


# ---------------------------------------------------------------------------- sources and sizes


def source_label(documents: pd.DataFrame) -> pd.Series:
    """The group each document belongs to: its outlet, else its wire agency, else "unknown outlet"."""
    outlet = documents["outlet"].fillna("").astype(str).str.strip()
    wire = documents["wire_agency"].fillna("").astype(str).str.strip()
    label = outlet.where(outlet != "", wire)
    return label.where(label != "", UNKNOWN_SOURCE).rename("source")


def document_label(documents: pd.DataFrame) -> pd.Series:
    """A short row label per document for charts: "source · doc_id" (doc_id cut to 24 characters)."""
    ids = documents["doc_id"].astype(str)
    short = ids.where(ids.str.len() <= 24, ids.str.slice(0, 23) + "…")
    return (source_label(documents) + " · " + short).rename("label")


def word_count(text: str) -> int:
    """Words in ``text`` (letters or digits, with inner apostrophes: "Kim's" is one word)."""
    return len(_WORD.findall(text or ""))


def _covered(spans: list[tuple[int, int]], limit: int) -> int:
    """Characters covered by the union of ``spans``, clipped to ``0..limit``."""
    total, reach = 0, 0
    for start, end in sorted((max(0, s), min(limit, e)) for s, e in spans):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def document_stats(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per document: source, words, quotations, body characters and the share of them inside quotations.

    Quotations are the quotes table's rows of section "body"; their ``start``/``end`` offsets are
    in the cleaned body, and overlapping quotations are counted once.
    """
    docs, quotes = tables["documents"], tables["quotes"]
    body_quotes = quotes[quotes["section"] == "body"]
    spans = {
        doc_id: list(zip(g["start"].astype(int), g["end"].astype(int), strict=True))
        for doc_id, g in body_quotes.groupby("doc_id")
    }
    rows = []
    for (_, doc), source in zip(docs.iterrows(), source_label(docs), strict=True):
        body = doc["body"] if isinstance(doc["body"], str) else ""
        quoted = _covered(spans.get(doc["doc_id"], []), len(body))
        rows.append(
            {
                "doc_id": doc["doc_id"],
                "source": source,
                "n_words": word_count(body),
                "n_quotes": len(spans.get(doc["doc_id"], [])),
                "body_chars": len(body),
                "quoted_chars": quoted,
                "quote_share": quoted / len(body) if body else 0.0,
            }
        )
    columns = ["doc_id", "source", "n_words", "n_quotes", "body_chars", "quoted_chars", "quote_share"]
    return pd.DataFrame(rows, columns=columns)


def outlet_stats(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per source (outlet or wire agency): articles, mean words, quotations and share of body text quoted.

    ``quote_share`` pools the source's articles: quoted body characters over all body characters.
    """
    per_doc = document_stats(tables)
    grouped = per_doc.groupby("source", sort=True)
    out = pd.DataFrame(
        {
            "n_articles": grouped.size(),
            "mean_words": grouped["n_words"].mean(),
            "n_quotes": grouped["n_quotes"].sum(),
            "quoted_chars": grouped["quoted_chars"].sum(),
            "body_chars": grouped["body_chars"].sum(),
        }
    )
    share = out["quoted_chars"] / out["body_chars"].where(out["body_chars"] > 0)
    out["quote_share"] = share.fillna(0.0)
    columns = ["source", "n_articles", "mean_words", "n_quotes", "quoted_chars", "body_chars", "quote_share"]
    return out.reset_index().reindex(columns=columns)


# ---------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class HedgeCategory:
    """One category of ``data/hedges.toml``: its name, label and one regex for all its cues."""

    name: str
    label: str
    description: str
    pattern: re.Pattern[str]


def _cue_regex(cues: list[str], exact: list[str]) -> re.Pattern[str]:
    parts = [f"(?i:{reference.phrase_pattern(c)})" for c in sorted(cues, key=len, reverse=True)]
    parts += [reference.phrase_pattern(c) for c in sorted(exact, key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts or ["(?!)"]) + r")(?![\w-])")


@cache
def _lexicon() -> dict:
    text = resources.files("analysis_utils.data").joinpath("hedges.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def hedge_categories() -> tuple[HedgeCategory, ...]:
    """The hedging categories of ``data/hedges.toml``, in file order."""
    return tuple(
        HedgeCategory(
            name,
            spec.get("label", name),
            spec.get("description", ""),
            _cue_regex(list(spec.get("cues", [])), list(spec.get("exact_cues", []))),
        )
        for name, spec in _lexicon()["category"].items()
    )


def hedge_cues(text: str) -> pd.DataFrame:
    """Every hedging cue in ``text``: category, the cue as written, and its ``start``/``end`` offsets."""
    rows = [
        {"category": cat.name, "cue": m.group(0), "start": m.start(), "end": m.end()}
        for cat in hedge_categories()
        for m in cat.pattern.finditer(text or "")
    ]
    return pd.DataFrame(rows, columns=["category", "cue", "start", "end"])


def hedging(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per document: cues of each hedging category per 1,000 body words (``<category>``) and raw counts (``<category>_n``).

    A document without words has rates of 0.
    """
    docs = tables["documents"]
    names = [c.name for c in hedge_categories()]
    rows = []
    for (_, doc), source in zip(docs.iterrows(), source_label(docs), strict=True):
        body = doc["body"] if isinstance(doc["body"], str) else ""
        n_words = word_count(body)
        row: dict[str, object] = {"doc_id": doc["doc_id"], "source": source, "n_words": n_words}
        for cat in hedge_categories():
            n = sum(1 for _ in cat.pattern.finditer(body))
            row[cat.name] = 1000 * n / n_words if n_words else 0.0
            row[f"{cat.name}_n"] = n
        rows.append(row)
    return pd.DataFrame(rows, columns=["doc_id", "source", "n_words", *names, *(f"{n}_n" for n in names)])


def hedging_by_source(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Tidy, for charts: mean cues per 1,000 words of each category per source (source, category, label, per_1000)."""
    per_doc = hedging(tables)
    rows = [
        {"source": source, "category": cat.name, "label": cat.label, "per_1000": float(g[cat.name].mean())}
        for source, g in per_doc.groupby("source", sort=True)
        for cat in hedge_categories()
    ]
    return pd.DataFrame(rows, columns=["source", "category", "label", "per_1000"])


# ---------------------------------------------------------------------------- cited sources


@cache
def _citing() -> tuple[re.Pattern[str], re.Pattern[str], int, int]:
    spec = _lexicon()["citing"]
    return (
        _cue_regex(list(spec["before"]), []),
        _cue_regex(list(spec["after"]), []),
        int(spec.get("window_before", 45)),
        int(spec.get("window_after", 60)),
    )


def _source_mentions(text: str) -> list[entities.Mention]:
    """Gazetteer mentions plus outlet names the gazetteer lacks ("Asahi Shimbun"), in order, without overlaps."""
    found = entities.find_mentions(text)
    taken = [(m.start, m.end) for m in found]
    for outlet in reference.outlets():
        for m in outlet.pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                found.append(entities.Mention(m.start(), m.end(), m.group(0), outlet.name, "media"))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def _is_modifier(m: entities.Mention, nxt: entities.Mention | None, text: str) -> bool:
    """ "Russia's" in "Russia's TASS news agency" only qualifies the name after it."""
    return nxt is not None and re.fullmatch(r"['’]s\s+(?:\w+\s+)?", text[m.end : nxt.start]) is not None


_CLAUSE_WORD = r"(?!(?:and|but|or|while|as|that|which|who|whose|where|when|to|in\s+which)\b)\w[\w.’'-]*"
_GAP_BEFORE = re.compile(rf"\s+(?:{_CLAUSE_WORD}\s+){{0,4}}")
"""Between a cue and the name after it: a few words, no comma ("according to a Kremlin press release")."""
_GAP_AFTER = re.compile(rf"\)?\s*(?:{_CLAUSE_WORD}\s+){{0,3}}|['’]s\s+|\s*,[^,.;:!?\n]+,\s*")
"""Between a name and the cue after it: a few words of the same clause ("KCNA) said", "Kremlin has said",
"Yonhap News Agency reported", "KCNA's report"), or one parenthetical ("The Kremlin, in a brief statement on Thursday, said")."""


@dataclass(frozen=True)
class Citation:
    """A medium or institution cited next to a reporting cue; ``start``/``end`` span the cue and the name."""

    cited: str
    kind: str
    cue: str
    start: int
    end: int
    evidence: str


def citations(text: str, own: frozenset[str] = frozenset()) -> list[Citation]:
    """Media and institutions cited in ``text`` next to a reporting cue, in order; names in ``own`` are skipped.

    A cue before a name ("according to", "reported by") goes to the first name after it; a cue
    after a name ("said", "news agency", "press release") to the nearest name before it; both
    within the window of ``data/hedges.toml``, a few words of the same clause apart (or one
    parenthetical: "The Kremlin, in a brief statement on Thursday, said"). A person standing between
    or a pronoun standing between takes the cue ("Kremlin spokesman Dmitry Peskov said" cites a
    person, not a source; "Russia," it added" cites nobody).
    Each name is cited once however many cues stand next to it.
    """
    before, after, win_before, win_after = _citing()
    found = _source_mentions(text)
    mentions = [
        m for i, m in enumerate(found) if not _is_modifier(m, found[i + 1] if i + 1 < len(found) else None, text)
    ]
    inside = [(m.start, m.end) for m in found]

    def free(cue: re.Match[str]) -> bool:  # a cue inside a name ("Yonhap News Agency") is part of the name
        return not any(a < cue.end() and cue.start() < b for a, b in inside)

    cited: dict[int, tuple[entities.Mention, re.Match[str]]] = {}
    for cue in filter(free, before.finditer(text)):
        nxt = next((m for m in mentions if m.start >= cue.end()), None)
        if nxt and _GAP_BEFORE.fullmatch(text[cue.end() : nxt.start]) and nxt.start - cue.end() <= win_before:
            cited.setdefault(nxt.start, (nxt, cue))
    for cue in filter(free, after.finditer(text)):
        prev = next((m for m in reversed(mentions) if m.end <= cue.start()), None)
        if prev and _GAP_AFTER.fullmatch(text[prev.end : cue.start()]) and cue.start() - prev.end <= win_after:
            cited.setdefault(prev.start, (prev, cue))
    out = []
    for _, (m, cue) in sorted(cited.items()):
        if m.kind in ("media", "institution") and m.canonical not in own:
            start, end = min(m.start, cue.start()), max(m.end, cue.end())
            evidence = re.sub(r"\s+", " ", text[start:end])
            out.append(Citation(m.canonical, m.kind, cue.group(0), start, end, evidence))
    return out


def cited_sources(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Tidy: one row per document and cited medium or institution ("according to KCNA", "Yonhap reported").

    Columns: doc_id, source (the citing page's outlet or wire), cited (canonical name), kind,
    count (distinct citations in the body) and evidence (the first cue and name as written).
    A page's own outlet and wire agency are not counted as cited.
    """
    docs = tables["documents"]
    rows = []
    for (_, doc), source in zip(docs.iterrows(), source_label(docs), strict=True):
        body = doc["body"] if isinstance(doc["body"], str) else ""
        own = frozenset(str(doc[c]) for c in ("outlet", "wire_agency") if isinstance(doc[c], str) and doc[c])
        found: dict[str, dict[str, object]] = {}
        for c in citations(body, own):
            row = found.setdefault(
                c.cited,
                {"doc_id": doc["doc_id"], "source": source, "cited": c.cited, "kind": c.kind, "count": 0,
                 "evidence": c.evidence},
            )  # fmt: skip
            row["count"] = int(row["count"]) + 1
        rows.extend(found.values())
    return pd.DataFrame(rows, columns=["doc_id", "source", "cited", "kind", "count", "evidence"])


def cited_by_source(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Source × cited medium or institution: citations summed over each source's articles (every source a row)."""
    cited = cited_sources(tables)
    sources = sorted(source_label(tables["documents"]).unique())
    if cited.empty:
        return pd.DataFrame(index=pd.Index(sources, name="source"))
    matrix = cited.pivot_table(index="source", columns="cited", values="count", aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(sources, fill_value=0).astype(int)
    matrix.columns.name = "cited"
    return matrix[matrix.sum().sort_values(ascending=False, kind="stable").index]


# ---------------------------------------------------------------------------- coverage of the timeline


def _shorten(text: str, width: int = 48) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def event_labels(events: pd.DataFrame) -> pd.Series:
    """One label per event_id, "date description [event_id]", using its most common description; sorted by date."""
    if events.empty:
        return pd.Series(dtype=str, name="event")
    rows = []
    for event_id, g in events.groupby("event_id"):
        counts = Counter(g["description"].astype(str))
        description = min(counts, key=lambda d: (-counts[d], len(d), d))
        earliest = min(g["date_earliest"].astype(str))
        rows.append((earliest, event_id, f"{earliest} {_shorten(description)} [{event_id}]"))
    rows.sort()
    return pd.Series([r[2] for r in rows], index=[r[1] for r in rows], name="event")


def coverage_matrix(tables: dict[str, pd.DataFrame], min_docs: int = 1) -> pd.DataFrame:
    """Documents × timeline events, 1 where the article mentions the event (rows: every document by doc_id).

    Columns are event labels ("date description [event_id]") sorted by date; only events mentioned
    by at least ``min_docs`` documents are kept.
    """
    docs, events = tables["documents"], tables["events"]
    events = events[events["n_docs"] >= min_docs] if not events.empty else events
    labels = event_labels(events)
    index = pd.Index(docs["doc_id"], name="doc_id")
    pairs = events[["doc_id", "event_id"]].drop_duplicates()
    pairs = pairs[pairs["doc_id"].isin(index)]
    matrix = pd.crosstab(pairs["doc_id"], pairs["event_id"]).clip(upper=1) if len(pairs) else pd.DataFrame(dtype=int)
    matrix = matrix.reindex(index=index, columns=list(labels.index), fill_value=0).fillna(0).astype(int)
    matrix.columns = pd.Index(list(labels), name="event")
    return matrix


def coverage_by_source(tables: dict[str, pd.DataFrame], top: int = 30) -> pd.DataFrame:
    """Sources × the ``top`` most reported events: the share of each source's articles that mention the event.

    The per-article ``coverage_matrix`` is unreadable past a few dozen articles; this is its summary.
    """
    docs = tables["documents"]
    matrix = coverage_matrix(tables)
    if matrix.shape[1] > top:
        reported = matrix.sum().sort_values(ascending=False, kind="stable")
        matrix = matrix[[c for c in matrix.columns if c in set(reported.index[:top])]]
    source = pd.Series(source_label(docs).to_numpy(), index=matrix.index, name="source")
    return matrix.groupby(source).mean()


# ---------------------------------------------------------------------------- similarity and copies


def terms(text: str) -> list[str]:
    """Lower-cased word tokens for TF-IDF: letters only, two or more characters, no stop words."""
    return [
        t
        for t in (w.lower().replace("’", "'") for w in _TERM.findall(text or ""))
        if len(t) > 1 and t not in STOP_WORDS
    ]


def tfidf_vectors(texts: list[str]) -> list[dict[str, float]]:
    """L2-normalised sparse TF-IDF vectors, one per text: tf = 1 + log(count), idf = log((1 + n) / (1 + df)) + 1."""
    counts = [Counter(terms(t)) for t in texts]
    n = len(texts)
    df = Counter(w for c in counts for w in c)
    idf = {w: math.log((1 + n) / (1 + k)) + 1 for w, k in df.items()}
    out = []
    for c in counts:
        vec = {w: (1 + math.log(k)) * idf[w] for w, k in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        out.append({w: v / norm for w, v in vec.items()} if norm > 0 else {})
    return out


def tfidf_matrix(texts: list[str]) -> tuple[np.ndarray, list[str]]:
    """``tfidf_vectors`` as the rows of a dense matrix, and the vocabulary (its columns, sorted)."""
    sparse = tfidf_vectors(texts)
    vocabulary = sorted({w for v in sparse for w in v})
    column = {w: j for j, w in enumerate(vocabulary)}
    vectors = np.zeros((len(texts), len(vocabulary)))
    for i, v in enumerate(sparse):
        for w, x in v.items():
            vectors[i, column[w]] = x
    return vectors, vocabulary


def tfidf_similarity(documents: pd.DataFrame) -> pd.DataFrame:
    """Square doc_id × doc_id cosine similarity of the bodies' TF-IDF vectors; 1.0 on the diagonal, symmetric."""
    ids = list(documents["doc_id"].astype(str))
    bodies = [b if isinstance(b, str) else "" for b in documents["body"]]
    vectors, _ = tfidf_matrix(bodies)
    sim = vectors @ vectors.T if len(ids) else np.zeros((0, 0))
    sim = np.clip((sim + sim.T) / 2, 0.0, 1.0)
    np.fill_diagonal(sim, 1.0)
    return pd.DataFrame(sim, index=pd.Index(ids, name="doc_id"), columns=pd.Index(ids, name="doc_id"))


PER_ARTICLE_UP_TO = 30
"""Corpora up to this many articles get per-article charts; larger ones, charts by source."""
PAIR_BLOCK = 256
"""Bodies compared against all later ones at a time: memory for the scores is PAIR_BLOCK × the corpus size."""


EXHAUSTIVE_UP_TO = 400
"""Up to this many bodies, copy detection scores every pair; beyond, only the pairs ``_similar_pairs`` proposes."""


def _candidate_pairs(texts: list[str], lowest: float) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, whose ratio or token-set ratio may reach ``lowest`` (0–1), in order.

    Up to ``EXHAUSTIVE_UP_TO`` bodies every pair is scored, by rapidfuzz's ``cdist`` (C++, all
    cores) a block of bodies at a time, with a cutoff just under ``lowest``. Scoring every
    pair grows with the square of the corpus (a minute for 1,000 bodies, hours for 10,000),
    so a larger corpus scores only the pairs that share a lede or a band of their MinHash
    signature (``_similar_pairs``), with the same cutoff. The few pairs kept are scored
    again exactly by the caller.
    """
    from rapidfuzz import process

    if lowest <= 0:
        return [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
    cutoff = lowest * 100 - 0.5
    if len(texts) > EXHAUSTIVE_UP_TO:
        pairs = _similar_pairs(texts)
        if not pairs:
            return []
        a = [texts[i] for i, _ in pairs]
        b = [texts[j] for _, j in pairs]
        kept = np.zeros(len(pairs), dtype=bool)
        for scorer in (fuzz.ratio, fuzz.token_set_ratio):
            kept |= process.cpdist(a, b, scorer=scorer, score_cutoff=cutoff, workers=-1) > 0
        return [p for p, keep in zip(pairs, kept, strict=True) if keep]
    out: list[tuple[int, int]] = []
    for start in range(0, len(texts), PAIR_BLOCK):
        queries, choices = texts[start : start + PAIR_BLOCK], texts[start:]
        kept = np.zeros((len(queries), len(choices)), dtype=bool)
        for scorer in (fuzz.ratio, fuzz.token_set_ratio):
            scores = process.cdist(queries, choices, scorer=scorer, score_cutoff=cutoff, workers=-1)
            kept |= scores > 0
        for qi, cj in zip(*np.nonzero(kept), strict=True):
            i, j = start + int(qi), start + int(cj)
            if i < j:
                out.append((i, j))
    return sorted(out)


SHINGLE_WORDS = 3
BANDS, ROWS = 32, 3
"""MinHash LSH over whole bodies: a pair is proposed when all ``ROWS`` values of one of ``BANDS`` bands agree.

A pair whose word shingles have Jaccard similarity J is proposed with probability 1 - (1 - J³)³²:
0.99 at J = 0.5, 0.58 at J = 0.3, under 1% at the 0.05 of two different stories on the same letter.
"""
WINDOW = 50
WINDOW_BANDS, WINDOW_ROWS = 24, 4
"""The same over windows of ``WINDOW`` shingles (a new one every ``WINDOW // 2``), for a copy cut from a longer body.

A body cut to a third of its source shares a third of its shingles (J ≈ 0.3), but whole windows of text:
a window of the copy overlaps one of the source's by half or more. Four rows a band keep two windows of
unrelated stories from colliding (1 - (1 - J⁴)²⁴ is about 4e-6 at J = 0.02).
"""
LEDE_WORDS = 12
"""Bodies opening with the same words are proposed too: a syndicated copy cut from the bottom keeps the lede."""
_PRIME = 4_294_967_311  # the first prime above 2**32: shingle hashes are 32-bit
_MIX = np.uint64(0x100000001B3)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The MinHash functions ``(a * x + b) mod p``, fixed (seeded) so that results repeat from run to run."""
    rng = np.random.default_rng(20240613)
    n = max(BANDS * ROWS, WINDOW_BANDS * WINDOW_ROWS)
    a = rng.integers(1, 2**31, size=n, dtype=np.uint64)  # a * x < 2**63: no overflow in uint64
    b = rng.integers(0, 2**31, size=n, dtype=np.uint64)
    return a[:, None], b[:, None]


def _shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the word ``SHINGLE_WORDS``-grams of a normalised text, in text order."""
    words = text.split()
    grams = [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))]
    return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))


def _hashed(x: np.ndarray) -> np.ndarray:
    a, b = _permutations()
    return (a * x[None, :] + b) % np.uint64(_PRIME)


def minhash_signature(text: str, hashed: np.ndarray | None = None) -> np.ndarray:
    """The MinHash signature (``BANDS * ROWS`` values) of the word shingles of a normalised text.

    ``hashed``: the text's shingles already through ``_hashed``, when the caller has them.
    """
    h = _hashed(_shingle_hashes(text)) if hashed is None else hashed
    return h[: BANDS * ROWS].min(axis=1)


def _band_keys(sig: np.ndarray, rows: int, first_band: int) -> np.ndarray:
    """One 64-bit key per band of ``sig`` (values × windows), numbered from ``first_band`` so that kinds never mix."""
    bands = sig.reshape(-1, rows, *sig.shape[1:])
    keys = np.arange(first_band, first_band + bands.shape[0], dtype=np.uint64).reshape(-1, *([1] * (bands.ndim - 2)))
    keys = np.broadcast_to(keys, (bands.shape[0], *bands.shape[2:])).copy()
    for r in range(rows):
        keys = (keys * _MIX) ^ bands[:, r]  # uint64 arithmetic wraps: a hash, not a number
    return keys.ravel()


WINDOW_HITS = 2
"""Window bands two bodies must share to be proposed: one shared window band is often a stock passage (a letter
quoted in full by both); copies share many. A shared band of the whole bodies, or the lede, is enough alone."""


def _similar_pairs(texts: list[str]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, in order, that share a MinHash band of their bodies, their lede, or
    ``WINDOW_HITS`` bands of their windows.

    Work grows with the corpus and the number of copies, not with the square of the corpus.
    """
    keys, owners, weak = [], [], []
    lede_band = BANDS + WINDOW_BANDS
    for i, text in enumerate(texts):
        h = _hashed(_shingle_hashes(text))
        strong = [_band_keys(minhash_signature(text, h), ROWS, 0)]
        lede = zlib.crc32(" ".join(text.split()[:LEDE_WORDS]).encode("utf-8"))
        strong.append(_band_keys(np.array([lede], dtype=np.uint64), 1, lede_band))
        k = np.unique(np.concatenate(strong))
        windows = np.zeros(0, dtype=np.uint64)
        if h.shape[1] > WINDOW:
            half = WINDOW // 2
            blocks = np.minimum.reduceat(h[: WINDOW_BANDS * WINDOW_ROWS], np.arange(0, h.shape[1], half), axis=1)
            windows = np.unique(_band_keys(np.minimum(blocks[:, :-1], blocks[:, 1:]), WINDOW_ROWS, BANDS))
        keys += [k, windows]
        weak += [np.zeros(len(k), dtype=bool), np.ones(len(windows), dtype=bool)]
        owners.append(np.full(len(k) + len(windows), i, dtype=np.int64))
    if not keys:
        return []
    key, owner, is_weak = np.concatenate(keys), np.concatenate(owners), np.concatenate(weak)
    order = np.lexsort((owner, key))
    key, owner, is_weak = key[order], owner[order], is_weak[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, len(key)])
    n = len(texts)
    found = {False: _PairCounts(), True: _PairCounts()}
    for start, size in zip(starts[sizes > 1], sizes[sizes > 1], strict=True):
        members = owner[start : start + size]  # distinct and ascending: one key per owner, sorted by owner
        i, j = np.triu_indices(len(members), 1)
        found[bool(is_weak[start])].add(members[i] * n + members[j])
    strong_codes, _ = found[False].result()
    weak_codes, hits = found[True].result()
    codes = np.union1d(strong_codes, weak_codes[hits >= WINDOW_HITS])
    return [(int(c // n), int(c % n)) for c in codes]


class _PairCounts:
    """Pair codes and how often each was added, folded as they come so that copies of one story stay small."""

    def __init__(self) -> None:
        self.codes = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)
        self.batch: list[np.ndarray] = []
        self.held = 0

    def add(self, codes: np.ndarray) -> None:
        self.batch.append(codes)
        self.held += len(codes)
        if self.held > 10_000_000:
            self._fold()

    def _fold(self) -> None:
        codes = np.concatenate([self.codes, *self.batch])
        counts = np.concatenate([self.counts, *(np.ones(len(b), dtype=np.int64) for b in self.batch)])
        self.codes, inverse = np.unique(codes, return_inverse=True)
        self.counts = np.bincount(inverse, weights=counts, minlength=len(self.codes)).astype(np.int64)
        self.batch, self.held = [], 0

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        self._fold()
        return self.codes, self.counts


def source_similarity(documents: pd.DataFrame) -> pd.DataFrame:
    """Sources × sources: the mean TF-IDF cosine between an article of one and an article of the other.

    On the diagonal, between two different articles of the same source (NaN for a source with one).
    Computed from each source's sum of article vectors, so memory grows with the vocabulary, not
    with the square of the corpus: the per-article ``tfidf_similarity`` is for small corpora.
    """
    bodies = [b if isinstance(b, str) else "" for b in documents["body"]]
    sums: dict[str, Counter[str]] = {}
    size: Counter[str] = Counter()
    self_dot: Counter[str] = Counter()  # Σ v·v over a source's articles: 1 each, 0 for an empty body
    for vec, source in zip(tfidf_vectors(bodies), source_label(documents), strict=True):
        acc = sums.setdefault(source, Counter())
        size[source] += 1
        if vec:
            acc.update(vec)
            self_dot[source] += 1.0
    names = sorted(sums)
    out = pd.DataFrame(np.nan, index=pd.Index(names, name="source"), columns=pd.Index(names, name="source"))
    for i, a in enumerate(names):
        for b in names[i:]:
            small, large = sorted((sums[a], sums[b]), key=len)
            dot = sum(v * large.get(w, 0.0) for w, v in small.items())
            if a == b:
                pairs = size[a] * (size[a] - 1)
                value = (dot - self_dot[a]) / pairs if pairs else np.nan
            else:
                value = dot / (size[a] * size[b])
            out.loc[a, b] = out.loc[b, a] = value if np.isnan(value) else min(1.0, max(0.0, value))
    return out


def _scores(a: list[str], b: list[str]) -> tuple[list[float], list[float]]:
    """``fuzz.ratio`` and ``fuzz.token_set_ratio`` of each pair ``a[k]``, ``b[k]`` on a 0–1 scale (C++, all cores).

    ``cpdist`` in double precision gives exactly the values of the scorers called one pair at a time.
    """
    from rapidfuzz import process

    if not a:
        return [], []
    ratio, token_set = (
        process.cpdist(a, b, scorer=scorer, dtype=np.float64, workers=-1) / 100
        for scorer in (fuzz.ratio, fuzz.token_set_ratio)
    )
    return ratio.tolist(), token_set.tolist()


def _normalised(text: str) -> str:
    text = (text or "").lower().translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))
    return re.sub(r"\s+", " ", text).strip()


def near_duplicates(
    documents: pd.DataFrame, threshold: float = 0.9, wire_threshold: float = 0.75, min_words: int = 20
) -> pd.DataFrame:
    """Pairs of documents whose bodies are copies of one another, strongest first.

    kind is "identical" (same text after lower-casing and spacing), "near-duplicate" (rapidfuzz
    ``ratio`` ≥ ``threshold``: a lightly edited copy) or "syndicated copy" (``token_set_ratio`` ≥
    ``threshold``: one body cut or rearranged from the other; or ≥ ``wire_threshold`` when both
    carry the same wire agency). Bodies under ``min_words`` words are never paired.
    ``similarity`` is the score that decided the kind, on a 0–1 scale.
    """
    columns = [
        "doc_a", "doc_b", "source_a", "source_b", "similarity", "kind", "ratio", "token_set_ratio", "same_wire",
        "wire_agency", "evidence",
    ]  # fmt: skip
    items = []
    for (_, doc), source in zip(documents.iterrows(), source_label(documents), strict=True):
        body = doc["body"] if isinstance(doc["body"], str) else ""
        wire = doc["wire_agency"] if isinstance(doc.get("wire_agency"), str) else ""
        if word_count(body) >= min_words:
            items.append((str(doc["doc_id"]), source, _normalised(body), wire.strip()))
    rows = []
    pairs = _candidate_pairs([text for _, _, text, _ in items], min(threshold, wire_threshold))
    ratios, token_sets = _scores([items[i][2] for i, _ in pairs], [items[j][2] for _, j in pairs])
    for (i, j), ratio, token_set in zip(pairs, ratios, token_sets, strict=True):
        (id_a, source_a, a, wire_a), (id_b, source_b, b, wire_b) = items[i], items[j]
        same_wire = bool(wire_a) and wire_a == wire_b
        if a == b:
            kind, similarity, why = "identical", 1.0, "same text"
        elif ratio >= threshold:
            kind, similarity, why = "near-duplicate", ratio, f"ratio {ratio:.2f} ≥ {threshold}"
        elif token_set >= threshold:
            kind, similarity, why = "syndicated copy", token_set, f"token-set ratio {token_set:.2f} ≥ {threshold}"
        elif same_wire and token_set >= wire_threshold:
            kind, similarity = "syndicated copy", token_set
            why = f"same wire ({wire_a}), token-set ratio {token_set:.2f} ≥ {wire_threshold}"
        else:
            continue
        rows.append(
            {
                "doc_a": id_a,
                "doc_b": id_b,
                "source_a": source_a,
                "source_b": source_b,
                "similarity": similarity,
                "kind": kind,
                "ratio": ratio,
                "token_set_ratio": token_set,
                "same_wire": same_wire,
                "wire_agency": wire_a if same_wire else "",
                "evidence": why,
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["similarity", "doc_a", "doc_b"], ascending=[False, True, True], ignore_index=True)
