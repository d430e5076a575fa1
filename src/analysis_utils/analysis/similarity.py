"""How alike the articles are: TF-IDF cosine between bodies and between sources, and syndicated copies found
without scoring every pair (MinHash bands of the bodies and of their windows, and shared ledes)."""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from functools import cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .sources import source_label, word_count

_TERM = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


STOP_WORDS = frozenset(
    """a about after again against all also an and any are as at be because been before being between both but by
    can did do does during each few for from further had has have having he her here hers him his how i if in into
    is it its itself just me more most my no nor not now of off on once only or other our out over own same she
    should so some such than that the their theirs them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your s t said says""".split()
)
"""Function words (and the ubiquitous reporting verb) left out of TF-IDF vectors."""


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


PAIR_BLOCK = 256
"""Bodies compared against all later ones at a time: memory for the scores is PAIR_BLOCK × the corpus size."""


EXHAUSTIVE_UP_TO = 400
"""Up to this many bodies, copy detection scores every pair; beyond, only the pairs ``similar_pairs`` proposes."""


def _candidate_pairs(texts: list[str], lowest: float) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, whose ratio or token-set ratio may reach ``lowest`` (0–1), in order.

    Up to ``EXHAUSTIVE_UP_TO`` bodies every pair is scored, by rapidfuzz's ``cdist`` (C++, all
    cores) a block of bodies at a time, with a cutoff just under ``lowest``. Scoring every
    pair grows with the square of the corpus (a minute for 1,000 bodies, hours for 10,000),
    so a larger corpus scores only the pairs that share a lede or a band of their MinHash
    signature (``similar_pairs``), with the same cutoff. The few pairs kept are scored
    again exactly by the caller.
    """
    if lowest <= 0:
        return [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
    cutoff = lowest * 100 - 0.5
    if len(texts) > EXHAUSTIVE_UP_TO:
        pairs = similar_pairs(texts)
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


def similar_pairs(texts: list[str]) -> list[tuple[int, int]]:
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
    if not a:
        return [], []
    ratio, token_set = (
        process.cpdist(a, b, scorer=scorer, dtype=np.float64, workers=-1) / 100
        for scorer in (fuzz.ratio, fuzz.token_set_ratio)
    )
    return ratio.tolist(), token_set.tolist()


def normalised(text: str) -> str:
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
            items.append((str(doc["doc_id"]), source, normalised(body), wire.strip()))
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
