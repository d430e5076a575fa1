"""A corpus manifest (sources.csv): what whoever saved the pages knows of them is used, with its evidence."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from analysis_utils.cli import main
from analysis_utils.corpus.document import Entry
from analysis_utils.corpus.manifest import read_manifest
from analysis_utils.corpus.read import CorpusError
from analysis_utils.tables.export import export
from analysis_utils.tables.frames import load_tables
from helpers import SEEDS

UNDATED = "Kim writes to Putin\n\nNorth Korean leader Kim Jong Un sent a letter to Russian President Vladimir Putin, state media said.\n"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def corpus_with(tmp_path: Path, manifest: str | None, pages: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in (pages or {"a.txt": UNDATED}).items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (folder / "sources.csv").write_text(manifest, encoding="utf-8")
    return folder


def documents(out: Path) -> dict[str, dict[str, str]]:
    with (out / "documents.csv").open(encoding="utf-8") as fh:
        return {r["file"]: r for r in csv.DictReader(fh)}


def evidence(out: Path, file: str, field: str) -> str:
    with (out / "metadata_evidence.csv").open(encoding="utf-8") as fh:
        return next(r["evidence"] for r in csv.DictReader(fh) if r["file"] == file and r["field"] == field)


def test_the_manifest_gives_outlet_and_day_with_the_manifest_as_evidence(tmp_path: Path):
    folder = corpus_with(tmp_path, "file,outlet,published,batch\na.txt,The Korea Herald,2024-06-11,3\n")
    export(folder, tmp_path / "out", cache=False)
    doc = documents(tmp_path / "out")["a.txt"]
    assert (doc["outlet"], doc["published"]) == ("The Korea Herald", "2024-06-11")
    assert evidence(tmp_path / "out", "a.txt", "outlet").startswith("manifest sources.csv line 2")
    assert evidence(tmp_path / "out", "a.txt", "published").startswith("manifest sources.csv line 2")


def test_an_outlet_is_found_from_the_urls_domain(tmp_path: Path):
    folder = corpus_with(tmp_path, "file,url\na.txt,https://en.yna.co.kr/view/AEN2020\n")
    export(folder, tmp_path / "out", cache=False)
    assert documents(tmp_path / "out")["a.txt"]["outlet"] == "Yonhap"


def test_relative_dates_are_read_against_the_manifests_day(tmp_path: Path):
    page = (
        "Kim writes to Putin\n\nNorth Korean leader Kim Jong Un sent a letter to Vladimir Putin on Monday, KCNA said.\n"
    )
    folder = corpus_with(tmp_path, "file,published\na.txt,2024-06-12\n", {"a.txt": page})
    export(folder, tmp_path / "out", cache=False)
    with (tmp_path / "out" / "dates.csv").open(encoding="utf-8") as fh:
        monday = next(r for r in csv.DictReader(fh) if r["expression"].endswith("Monday"))
    assert monday["date_earliest"] == monday["date_latest"] == "2024-06-10"


def test_a_manifest_value_the_text_contradicts_is_kept_and_warned_about(tmp_path: Path):
    page = SEED_FILES[1].read_text(encoding="utf-8")  # EFE, 2022-08-15
    folder = corpus_with(tmp_path, "file,outlet,published\na.txt,Some Other Paper,2001-01-01\n", {"a.txt": page})
    export(folder, tmp_path / "out", cache=False)
    doc = documents(tmp_path / "out")["a.txt"]
    assert (doc["outlet"], doc["published"]) == ("Some Other Paper", "2001-01-01")
    assert "gives the outlet 'Some Other Paper'; the page names" in doc["warnings"]
    assert "gives the day 2001-01-01; the text dates it" in doc["warnings"]


def test_without_the_manifest_only_the_text_speaks(tmp_path: Path):
    folder = corpus_with(tmp_path, "file,outlet,published\na.txt,The Korea Herald,2024-06-11\n")
    export(folder, tmp_path / "out", cache=False, manifest=False)
    doc = documents(tmp_path / "out")["a.txt"]
    assert doc["outlet"] == "" and doc["published"] == "" and "manifest" not in doc["warnings"]


def test_a_published_value_that_is_no_date_is_a_warning_and_changes_nothing(tmp_path: Path):
    folder = corpus_with(tmp_path, "file,published\na.txt,last spring\n")
    export(folder, tmp_path / "out", cache=False)
    doc = documents(tmp_path / "out")["a.txt"]
    assert doc["published"] == "" and "published 'last spring' is not a date" in doc["warnings"]


def test_a_manifest_without_a_file_column_is_a_one_line_error_naming_it(tmp_path: Path, capsys):
    folder = corpus_with(tmp_path, "name,outlet\na.txt,Yonhap\n")
    assert main(["export", "--corpus", str(folder), "--out", str(tmp_path / "out"), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "sources.csv line 1: the header has no 'file' column" in err
    assert not (tmp_path / "out").exists()  # nothing written
    assert main(["export", "--corpus", str(folder), "--out", str(tmp_path / "out"), "--no-manifest"]) == 0


def test_a_file_named_twice_is_an_error_with_both_lines(tmp_path: Path):
    folder = corpus_with(tmp_path, "file,outlet\na.txt,Yonhap\nb.txt,AP\na.txt,TASS\n")
    with pytest.raises(CorpusError, match="line 4: a.txt is named twice \\(first on line 2\\)"):
        read_manifest(folder)


def test_an_entry_knows_its_domain_and_bounds():
    assert Entry(2, url="https://www.koreaherald.com/view.php?ud=1").domain == "koreaherald.com"
    assert Entry(2, published="2019-04").published_bounds()[1].isoformat() == "2019-04-30"
    assert Entry(2, published="2019").published_bounds()[0].isoformat() == "2019-01-01"
    assert Entry(2, published="04/2019").published_bounds() is None


def test_editing_the_manifest_is_seen_through_both_caches(tmp_path: Path, cache_home: Path):
    folder = corpus_with(tmp_path, "file,outlet\na.txt,Yonhap\n")
    assert documents_of(export, folder, tmp_path / "one")["a.txt"]["outlet"] == "Yonhap"
    assert load_tables(folder)["documents"]["outlet"].tolist() == ["Yonhap"]
    (folder / "sources.csv").write_text("file,outlet\na.txt,TASS\n", encoding="utf-8")
    assert documents_of(export, folder, tmp_path / "two")["a.txt"]["outlet"] == "TASS"
    assert load_tables(folder)["documents"]["outlet"].tolist() == ["TASS"]


def documents_of(run, folder: Path, out: Path) -> dict[str, dict[str, str]]:
    run(folder, out, cache=True)
    return documents(out)


def test_the_real_pages_manifest_names_an_outlet_for_every_page(tmp_path: Path):
    real = Path(__file__).parent / "fixtures" / "real"
    folder = tmp_path / "real"
    shutil.copytree(real, folder)
    export(folder, tmp_path / "out", cache=False)
    rows = documents(tmp_path / "out")
    manifest = read_manifest(folder)
    assert set(rows) == set(manifest)
    assert all(rows[f]["outlet"] for f in rows)  # the text alone leaves many empty


def test_a_story_date_column_is_read_as_the_published_day(tmp_path: Path):
    folder = corpus_with(tmp_path, "file,url,outlet,story_date,batch\na.txt,,TASS,2023-09-13,1\n")
    assert read_manifest(folder)["a.txt"].published == "2023-09-13"
    export(folder, tmp_path / "out", cache=False)
    assert documents(tmp_path / "out")["a.txt"]["published"] == "2023-09-13"
