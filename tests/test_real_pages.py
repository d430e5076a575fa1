"""The real pages and the seeds, scored with the shared scorer, against a floor that only moves up.

``tests/fixtures/real/floor.json`` holds the last measured score of every real page together;
the suite fails when a change loses more than one point of it, or anything on the seeds.
After a change that gains ground, ``make score`` prints the new figure to record there.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tests" / "tools"
REAL = ROOT / "tests" / "fixtures" / "real"
SHARED = ROOT.parent / "shared"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _load("score_tool", TOOLS / "score.py")


@pytest.fixture(scope="module")
def table() -> dict[str, dict[str, object]]:
    return {r["batch"]: r for r in score.score_all(misses=True)}


def test_seeds_score_100_percent_on_every_measure(table) -> None:
    seeds = table["seeds"]
    low = {c: seeds[c] for c, _ in score.COLUMNS if seeds[c] is not None and seeds[c] < 100.0}
    assert not low, (low, seeds["misses"])


def test_real_pages_hold_the_floor(table) -> None:
    floor = json.loads((REAL / "floor.json").read_text(encoding="utf-8"))
    now = table["real, all"]
    assert now["pages"] == floor["pages"], "pages were added or removed: measure again and record floor.json"
    lost = {
        c: (now[c], floor["measured"][c])
        for c in floor["measured"]
        if now[c] is not None and now[c] < floor["measured"][c] - floor["tolerance"]
    }
    assert not lost, f"measures below their floor (now, last measured): {lost}"


def test_every_batch_is_scored_and_has_a_first_contact_row(table) -> None:
    gold = json.loads((REAL / "gold.json").read_text(encoding="utf-8"))
    first = json.loads((REAL / "first_contact.json").read_text(encoding="utf-8"))["batches"]
    batches = {str(d["batch"]) for d in gold["documents"]}
    assert batches == set(first), "a batch without its first-contact score, or a score without its batch"
    assert all(f"real, batch {b}" in table for b in batches)
    assert sum(first[b]["pages"] for b in batches) == len(gold["documents"])


def test_every_real_page_has_gold_and_a_sources_row() -> None:
    import csv

    pages = {p.name for p in REAL.glob("*.txt")}
    gold = {d["file"] for d in json.loads((REAL / "gold.json").read_text(encoding="utf-8"))["documents"]}
    with (REAL / "sources.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert pages == gold == {r["file"] for r in rows}
    assert all(r["url"].startswith("http") and r["batch"] for r in rows)
    assert len(rows) == len(pages), "one sources row per page"


def test_no_real_page_overlaps_a_reserved_evaluation_page(capsys) -> None:
    reserved = _load("reserved_tool", TOOLS / "reserved.py")
    assert reserved.check([str(REAL)], reserved=TOOLS / "reserved.json") == 0, capsys.readouterr().out


@pytest.mark.parametrize("name", ["tools/score_export.py", "tools/reserved.py", "gold/reserved.json"])
def test_vendored_tools_equal_the_shared_ones(name: str) -> None:
    """The copies in tests/tools are ../shared's (checked where that folder exists)."""
    shared = SHARED / name
    name = Path(name).name
    if not shared.exists():  # a fresh clone elsewhere has only the copies: they are what CI runs
        assert (TOOLS / name).stat().st_size > 0
        return
    assert (TOOLS / name).read_bytes() == shared.read_bytes()
