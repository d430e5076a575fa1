"""Compare the outlets and wire agencies: length, quotation, cited sources, hedging, coverage of the timeline.

The table functions take the tidy tables of ``load_tables`` (or its documents table) and return
DataFrames; ``hedge_cues`` works on one text. The cited sources come from the ``cited_sources``
table (``extract.citations``); the cue lexicons live in ``data/hedges.toml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pandas as pd

from ..text import reference
from ..text.matching import cue_regex

UNKNOWN_SOURCE = "unknown outlet"


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


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


@dataclass(frozen=True)
class HedgeCategory:
    """One category of ``data/hedges.toml``: its name, label and one regex for all its cues."""

    name: str
    label: str
    description: str
    pattern: re.Pattern[str]


@cache
def hedge_categories() -> tuple[HedgeCategory, ...]:
    """The hedging categories of ``data/hedges.toml``, in file order."""
    return tuple(
        HedgeCategory(
            name,
            spec.get("label", name),
            spec.get("description", ""),
            cue_regex(list(spec.get("cues", [])), list(spec.get("exact_cues", []))),
        )
        for name, spec in reference.hedges()["category"].items()
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


def cited_sources(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Tidy: one row per document and cited medium, agency or institution ("according to KCNA", "Yonhap reported").

    Read from the ``cited_sources`` table (``extract.citations``). Columns: doc_id, source (the
    citing page's outlet or wire), cited (canonical name), kind (agency, medium, institution),
    count (distinct citations in the body) and evidence (the first cue and name as written).
    A page's own outlet and wire agency are not cited.
    """
    columns = ["doc_id", "source", "cited", "kind", "count", "evidence"]
    cited, docs = tables["cited_sources"], tables["documents"]
    if cited.empty:
        return pd.DataFrame(columns=columns)
    source = dict(zip(docs["doc_id"], source_label(docs), strict=True))
    rows = [
        {"doc_id": doc_id, "source": source.get(doc_id, UNKNOWN_SOURCE), "cited": name, "kind": g["kind"].iloc[0],
         "count": len(g), "evidence": g["evidence"].iloc[0]}
        for (doc_id, name), g in cited.groupby(["doc_id", "cited"], sort=False)
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


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


PER_ARTICLE_UP_TO = 30
"""Corpora up to this many articles get per-article charts; larger ones, charts by source."""
