"""Plot-ready views of the timeline: letters counted once across articles, events merged, coverage lag."""

from __future__ import annotations

import pandas as pd

LEADERS = ("Kim Jong Un", "Vladimir Putin")


def _day(value: str) -> pd.Timestamp | None:
    return pd.Timestamp(value) if isinstance(value, str) and value else None


def letters_timeline(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per letter (not per article): direction, date bounds, occasion, the articles reporting it."""
    letters = tables["letters"]
    columns = [
        "letter_key",
        "direction",
        "sender",
        "recipient",
        "date_earliest",
        "date_latest",
        "precision",
        "occasion",
        "channel",
        "n_articles",
        "docs",
        "evidence",
    ]
    if letters.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for key, group in letters.groupby("letter_key", sort=False):
        first = group.iloc[0]
        lo = min(d for d in group["date_earliest"] if d) if any(group["date_earliest"]) else ""
        hi = max(d for d in group["date_latest"] if d) if any(group["date_latest"]) else ""
        # the narrowest interval any article gives is the best estimate; keep the full span for honesty
        widths = [
            (pd.Timestamp(b) - pd.Timestamp(a)).days
            for a, b in zip(group["date_earliest"], group["date_latest"], strict=True)
            if a and b
        ]
        best = group.iloc[widths.index(min(widths))] if widths else first
        occasion = next((o for o in group["occasion"] if o), "")
        rows.append(
            {
                "letter_key": key,
                "direction": f"{first['sender']} → {first['recipient']}",
                "sender": first["sender"],
                "recipient": first["recipient"],
                "date_earliest": best["date_earliest"] or lo,
                "date_latest": best["date_latest"] or hi,
                "precision": _precision(best["date_earliest"], best["date_latest"]),
                "occasion": occasion,
                "channel": next((c for c in group["channel"] if c), ""),
                "n_articles": group["doc_id"].nunique(),
                "docs": " ".join(sorted(group["doc_id"].unique())),
                "evidence": best["evidence"],
            }
        )
    return pd.DataFrame(rows, columns=columns).sort_values(["date_earliest", "direction"]).reset_index(drop=True)


def _precision(lo: str, hi: str) -> str:
    if not lo or not hi:
        return "unknown"
    days = (pd.Timestamp(hi) - pd.Timestamp(lo)).days
    return (
        "day" if days == 0 else "week" if days <= 7 else "month" if days <= 31 else "year" if days <= 366 else "years"
    )


def letters_each_way(tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """How many distinct letters went Kim → Putin and Putin → Kim."""
    tl = letters_timeline(tables)
    return {f"{a} → {b}": int((tl["direction"] == f"{a} → {b}").sum()) for a, b in (LEADERS, LEADERS[::-1])}


def events_timeline(tables: dict[str, pd.DataFrame], kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One row per event (merged across articles), with how many articles report it."""
    events = tables["events"]
    columns = ["event_id", "kind", "date_earliest", "date_latest", "description", "n_docs", "docs"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    merged = events.sort_values("date_earliest").groupby("event_id", as_index=False).first()[columns]
    if kinds:
        merged = merged[merged["kind"].isin(kinds)]
    return merged.sort_values(["date_earliest", "event_id"]).reset_index(drop=True)


def coverage_lag(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per letter and article: days from the letter (midpoint of its interval) to the article's publication (midpoint)."""
    letters, docs = tables["letters"], tables["documents"].set_index("doc_id")
    rows = []
    for _, lt in letters.iterrows():
        if not lt["date_earliest"] or lt["doc_id"] not in docs.index:
            continue
        d = docs.loc[lt["doc_id"]]
        lo, hi = d["published_earliest"], d["published_latest"]
        if not lo or not hi:
            continue
        letter_mid = _mid(lt["date_earliest"], lt["date_latest"])
        pub_mid = _mid(lo, hi)
        rows.append(
            {
                "doc_id": lt["doc_id"],
                "direction": f"{lt['sender']} → {lt['recipient']}",
                "letter_date": letter_mid.date().isoformat(),
                "published": pub_mid.date().isoformat(),
                "lag_days": (pub_mid - letter_mid).days,
                "published_exact": bool(d["published"]),
            }
        )
    return pd.DataFrame(
        rows, columns=["doc_id", "direction", "letter_date", "published", "lag_days", "published_exact"]
    )


def _mid(lo: str, hi: str) -> pd.Timestamp:
    a, b = pd.Timestamp(lo), pd.Timestamp(hi)
    return a + (b - a) / 2


def as_dates(frame: pd.DataFrame, *cols: str) -> pd.DataFrame:
    """A copy with the named ISO-date columns as pandas timestamps (empty → NaT), for plotting."""
    out = frame.copy()
    for c in cols:
        out[c] = pd.to_datetime(out[c].replace("", None))
    return out
