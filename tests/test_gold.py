"""Gold tests: the export of the seeds (and of a development set of unseen-style pages) against hand annotations.

The comparison rules are those of the shared scorer: headlines equal after normalising
quotes and spaces; names equal or sharing their last word; a predicted publication
interval inside the gold one; body snippets kept or dropped.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from analysis_utils.tables.export import export
from helpers import FIXTURES, SEEDS

DEV = FIXTURES / "dev"
SEED_GOLD = json.loads((FIXTURES / "gold_seeds.json").read_text(encoding="utf-8"))["documents"]
DEV_GOLD = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))["documents"]
DEV2 = FIXTURES / "dev2"
DEV2_GOLD = json.loads((DEV2 / "gold.json").read_text(encoding="utf-8"))["documents"]
REQUIRED = (
    "doc_id file headline outlet wire_agency byline dateline published published_earliest published_latest body".split()
)


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\xa0", " ")
    return re.sub(r"\s+", " ", s).strip().lower()


def name_match(gold: str | None, pred: str | None) -> bool:
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return g == p
    return g == p or g.split()[-1] == p.split()[-1]


def bounds(value: str | None) -> tuple[dt.date, dt.date] | None:
    value = (value or "").strip()[:10]
    if not value:
        return None
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        d = dt.date(*parts)
        return d, d
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def interval(row: dict, key: str) -> tuple[dt.date, dt.date] | None:
    lo, hi = bounds(row.get(f"{key}_earliest")), bounds(row.get(f"{key}_latest"))
    return (lo[0], hi[1]) if lo and hi else bounds(row.get(key))


def check(gold: dict, row: dict) -> list[tuple[str, bool, str]]:
    """(measure, ok, detail) for every gold fact of one document."""
    out = []
    for field in ("headline", "outlet", "wire_agency", "byline", "dateline"):
        gv, pv = gold.get(field), row.get(field)
        ok = norm(gv) == norm(pv) if field == "headline" else name_match(gv, pv)
        out.append((f"meta {field}", ok, f"gold {gv!r} got {pv!r}"))
    gi, pi = interval(gold, "published"), interval(row, "published")
    ok = pi is None if gi is None else pi is not None and gi[0] <= pi[0] and pi[1] <= gi[1]
    out.append(("meta published", ok, f"gold {gi} got {pi} ({row.get('published_evidence')})"))
    body = norm(row.get("body"))
    out += [("body keeps text", norm(s) in body, f"lost {s!r}") for s in gold.get("body_must_contain", [])]
    out += [
        ("body drops boilerplate", bool(body) and norm(s) not in body, f"kept {s!r}")
        for s in gold.get("body_must_not_contain", [])
    ]
    return out


def words(s: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", norm(s))


def quote_same(g: str, p: str) -> bool:
    gw, pw = words(g), words(p)
    if not gw or not pw:
        return False
    if " ".join(gw) in " ".join(pw) or " ".join(pw) in " ".join(gw):
        return min(len(gw), len(pw)) / max(len(gw), len(pw)) >= 0.8
    return len(set(gw) & set(pw)) / len(set(gw) | set(pw)) >= 0.8


def check_extraction(gold: dict, tables: dict[str, list[dict]]) -> list[tuple[str, bool, str]]:
    """(measure, ok, detail) for quotes (4+ words), speakers, letters and date expressions of one document."""
    out = []
    of = {name: [r for r in rows if r["file"] == gold["file"]] for name, rows in tables.items()}
    gq = [q for q in gold.get("quotes", []) if len(words(q["text"])) >= 4]
    pq = [q for q in of["quotes"] if len(words(q["text"])) >= 4]
    used: set[int] = set()
    for q in gq:
        hit = next(
            (i for i, p in enumerate(pq) if i not in used and quote_same(q["text"], p["text"])),
            None,
        )
        out.append(("quotes recall", hit is not None, f"missed {q['text'][:60]!r}"))
        if hit is not None:
            used.add(hit)
            if q.get("speaker"):
                got = pq[hit]["speaker"]
                out.append(
                    (
                        "quote speaker",
                        name_match(q["speaker"], got),
                        f"{q['text'][:40]!r} gold {q['speaker']} got {got}",
                    )
                )
    out += [("quotes precision", i in used, f"extra {p['text'][:60]!r}") for i, p in enumerate(pq)]
    used = set()
    for lt in gold.get("letters", []):
        gi = bounds(lt.get("date"))
        hit = None
        for i, p in enumerate(of["letters"]):
            pi = interval(p, "date")
            if i in used or not (name_match(lt["sender"], p["sender"]) and name_match(lt["recipient"], p["recipient"])):
                continue
            if pi and gi and pi[0] <= gi[1] and gi[0] <= pi[1]:
                hit = i
                break
        out.append(
            (
                "letters recall",
                hit is not None,
                f"missed {lt['sender']} -> {lt['recipient']} {lt.get('date')}",
            )
        )
        if hit is not None:
            used.add(hit)
    out += [
        ("letters precision", i in used, f"extra {p['sender']} -> {p['recipient']}")
        for i, p in enumerate(of["letters"])
    ]
    for e in gold.get("date_expressions", []):
        if e.get("note"):
            continue
        gi = bounds(e["date"]) if e.get("date") else (bounds(e["date_earliest"])[0], bounds(e["date_latest"])[1])
        cands = [
            p
            for p in of["dates"]
            if norm(p["expression"])
            and (norm(e["expression"]) in norm(p["expression"]) or norm(p["expression"]) in norm(e["expression"]))
        ]
        ok = any((pi := interval(p, "date")) and gi[0] <= pi[0] and pi[1] <= gi[1] for p in cands)
        out.append(("date expressions resolved", ok, f"{e['expression']!r} gold {gi}"))
    return out


def read_tables(out: Path) -> dict[str, list[dict]]:
    tables = {}
    for name in ("quotes", "letters", "dates"):
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            tables[name] = list(csv.DictReader(fh))
    return tables


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seeds")
    export(SEEDS, out)
    return out


@pytest.fixture(scope="module")
def dev_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dev")
    export(DEV / "articles", out)
    return out


@pytest.fixture(scope="module")
def seed_rows(seed_out: Path) -> dict[str, dict]:
    return rows_of(seed_out)


@pytest.fixture(scope="module")
def dev_rows(dev_out: Path) -> dict[str, dict]:
    return rows_of(dev_out)


def rows_of(out: Path) -> dict[str, dict]:
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        return {r["file"]: r for r in csv.DictReader(fh)}


def test_documents_csv_has_the_contract_columns(seed_rows):
    assert set(REQUIRED) <= set(next(iter(seed_rows.values())))


def test_every_seed_is_a_document(seed_rows):
    assert sorted(seed_rows) == sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("gold", SEED_GOLD, ids=lambda g: g["file"][:3])
def test_seed_metadata_and_body_match_the_gold(gold, seed_rows):
    misses = [f"{m}: {d}" for m, ok, d in check(gold, seed_rows[gold["file"]]) if not ok]
    assert not misses, "\n".join(misses)


def test_development_set_scores_90_percent_or_better_on_every_measure(dev_rows):
    tally: dict[str, list[bool]] = {}
    misses = []
    for gold in DEV_GOLD:
        for measure, ok, detail in check(gold, dev_rows[gold["file"]]):
            tally.setdefault(measure, []).append(ok)
            if not ok:
                misses.append(f"{gold['file']}: {measure}: {detail}")
    low = {m: f"{sum(v)}/{len(v)}" for m, v in tally.items() if sum(v) / len(v) < 0.9}
    assert not low, f"{low}\n" + "\n".join(misses)


def test_published_evidence_is_given_whenever_a_date_is(seed_rows, dev_rows):
    for row in [*seed_rows.values(), *dev_rows.values()]:
        if row["published_earliest"]:
            assert row["published_evidence"], row["file"]


@pytest.mark.parametrize("gold", SEED_GOLD, ids=lambda g: g["file"][:3])
def test_seed_quotes_speakers_letters_and_dates_match_the_gold(gold, seed_out):
    misses = [f"{m}: {d}" for m, ok, d in check_extraction(gold, read_tables(seed_out)) if not ok]
    assert not misses, "\n".join(misses)


def test_development_set_extraction_scores_90_percent_or_better_on_every_measure(dev_out):
    tables = read_tables(dev_out)
    tally: dict[str, list[bool]] = {}
    misses = []
    for gold in DEV_GOLD:
        for measure, ok, detail in check_extraction(gold, tables):
            tally.setdefault(measure, []).append(ok)
            if not ok:
                misses.append(f"{gold['file']}: {measure}: {detail}")
    assert set(tally) >= {
        "quotes recall",
        "quote speaker",
        "letters recall",
        "date expressions resolved",
    }
    low = {m: f"{sum(v)}/{len(v)}" for m, v in tally.items() if sum(v) / len(v) < 0.9}
    assert not low, f"{low}\n" + "\n".join(misses)


@pytest.fixture(scope="module")
def dev2_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dev2")
    export(DEV2 / "articles", out)
    return out


def test_held_out_set_scores_90_percent_or_better_on_every_measure(dev2_out):
    """A second development set, written apart from the code: longer stories, many speakers, letters in passing."""
    rows, tables = rows_of(dev2_out), read_tables(dev2_out)
    tally: dict[str, list[bool]] = {}
    misses = []
    for gold in DEV2_GOLD:
        for measure, ok, detail in check(gold, rows[gold["file"]]) + check_extraction(gold, tables):
            tally.setdefault(measure, []).append(ok)
            if not ok:
                misses.append(f"{gold['file']}: {measure}: {detail}")
    low = {
        m: f"{sum(v)}/{len(v)}"
        for m, v in tally.items()
        if sum(v) / len(v) < 0.8 or (not m.startswith("meta") and sum(v) / len(v) < 0.9)
    }
    assert not low, f"{low}\n" + "\n".join(misses)


DEV3 = FIXTURES / "dev3"
DEV3_GOLD = json.loads((DEV3 / "gold.json").read_text(encoding="utf-8"))["documents"]


def test_third_held_out_set_scores_90_percent_or_better_overall(tmp_path):
    """A third set written apart from the code: RT, DPRK media in capitals, a live blog, an analysis, a messy scrape."""
    export(DEV3 / "articles", tmp_path)
    rows, tables = rows_of(tmp_path), read_tables(tmp_path)
    results = [r for gold in DEV3_GOLD for r in check(gold, rows[gold["file"]]) + check_extraction(gold, tables)]
    score = sum(ok for _, ok, _ in results) / len(results)
    misses = [f"{m}: {d}" for m, ok, d in results if not ok]
    assert score >= 0.9, f"{score:.1%}\n" + "\n".join(misses)


DEV4 = FIXTURES / "dev4"
DEV4_GOLD = json.loads((DEV4 / "gold.json").read_text(encoding="utf-8"))["documents"]


DEV5 = FIXTURES / "dev5"
DEV5_GOLD = json.loads((DEV5 / "gold.json").read_text(encoding="utf-8"))["documents"]
DEV6 = FIXTURES / "dev6"
DEV6_GOLD = json.loads((DEV6 / "gold.json").read_text(encoding="utf-8"))["documents"]


@pytest.mark.parametrize(
    "folder,golds,overall,each",
    [(DEV4, DEV4_GOLD, 0.9, 0.8), (DEV5, DEV5_GOLD, 0.9, 0.8), (DEV6, DEV6_GOLD, 0.85, 0.0)],
    ids=["dev4", "dev5", "dev6"],
)
def test_later_held_out_sets_keep_their_scores(tmp_path, folder, golds, overall, each):
    """Sets written apart from the code (first contact: dev4 83.6%, dev5 79.8%, dev6 82.8%).

    dev4: Interfax, RFA, BBC, Hankyoreh, CNN, Sputnik, The Diplomat, The Washington Post, CNA, a KCNA mirror
    (cookie banners, slogans, mirror notices, a BOM). dev5: Straits Times, NBC, Chosun Ilbo with a second story,
    Global Times, Meduza, ABC, a Hindu print page, a Substack letter, a Google cache dump, a Fox News AMP page
    (non-breaking and zero-width spaces, ISO stamps, a letter quoted in full). dev6: TASS as a PDF with hyphenated
    breaks, a kremlin.ru release, AP on a partner site, Reuters on Yahoo, RFE/RL, JoongAng with hard line breaks,
    Viet Nam News, a Telegram repost, a Moscow Times live feed with a Q&A transcript.
    """
    export(folder / "articles", tmp_path)
    rows, tables = rows_of(tmp_path), read_tables(tmp_path)
    results = [r for gold in golds for r in check(gold, rows[gold["file"]]) + check_extraction(gold, tables)]
    score = sum(ok for _, ok, _ in results) / len(results)
    misses = [f"{m}: {d}" for m, ok, d in results if not ok]
    tally: dict[str, list[bool]] = {}
    for measure, ok, _ in results:
        tally.setdefault(measure, []).append(ok)
    low = {m: f"{sum(v)}/{len(v)}" for m, v in tally.items() if sum(v) / len(v) < each}
    assert score >= overall and not low, f"{score:.1%} {low}\n" + "\n".join(misses)
