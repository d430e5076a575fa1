"""Bad input: every file listed with a status and warnings, nothing lost, no traceback."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

from analysis_utils import analyse_corpus
from analysis_utils.corpus.htmltext import html_to_text, looks_like_html
from helpers import ROOT, SEEDS

STORY = (
    "SEOUL, March 18 (Reuters) - North Korean leader Kim Jong Un sent a message to Russian President Vladimir Putin "
    "on Monday, pledging to strengthen the ties between the two countries, state media KCNA said.\n\n"
    '"The friendship between our peoples will grow stronger," Kim said in the message.\n'
)


def write(folder: Path, name: str, data: bytes | str) -> None:
    (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def bad_folder(tmp_path: Path) -> Path:
    f = tmp_path / "bad corpus ünï"
    f.mkdir()
    write(f, "empty.txt", b"")
    write(f, "whitespace.txt", b"   \n\t \r\n ")
    write(f, "random.txt", random.Random(0).randbytes(5000))
    write(f, "utf16.txt", ("Kim writes to Putin\n\n" + STORY).encode("utf-16"))
    write(f, "cp1252.txt", ("Kim writes to Putin\n\n" + STORY.replace('"', "\u201c", 1)).encode("cp1252"))
    write(f, "bom crlf.txt", b"\xef\xbb\xbf" + ("Kim writes to Putin\n\n" + STORY).replace("\n", "\r\n").encode())
    write(
        f,
        "page.txt",
        "<!DOCTYPE html><html><head><title>Kim writes to Putin</title><script>alert(1)</script><style>p{}</style></head>"
        "<body><nav>Home | World</nav><h1>Kim writes to Putin</h1><p>"
        + STORY.replace("\n\n", "</p><p>")
        + "</p><p>The web page adds a paragraph of its own about the summit in Vladivostok, so it is no copy.</p>"
        + "</body></html>",
    )
    write(
        f,
        "markup inside.txt",
        "Kim writes to Putin\n\n" + STORY + "\nHe wrote <script>alert(1)</script> and <img src=x onerror=alert(2)>.\n",
    )
    write(f, "big.txt", "Kim writes to Putin\n\n" + (STORY * 3000))
    write(f, "one line.txt", ("Kim Jong Un wrote to Putin again. " * 3000))
    write(f, "unbalanced.txt", "Kim writes to Putin\n\n" + STORY + '\nKim said "we will never stop, he wrote.\n')
    write(f, "copy.txt", "Kim writes to Putin\n\n" + STORY)
    write(f, "copy again.txt", "Kim writes to Putin\n\n" + STORY)
    return f


def test_every_file_is_a_row_with_a_status(tmp_path):
    folder = bad_folder(tmp_path)
    rows = {a.doc.file: a for a in analyse_corpus(folder)}
    assert set(rows) == {p.name for p in folder.glob("*.txt")}
    assert rows["empty.txt"].doc.status == "empty"
    assert rows["whitespace.txt"].doc.status == "empty"
    assert rows["random.txt"].doc.status == "binary"
    assert rows["page.txt"].doc.status == "html"
    assert rows["big.txt"].doc.status in ("ok", "truncated")
    assert rows["copy again.txt"].doc.status == "duplicate" and rows["copy again.txt"].duplicate_of
    for name in ("utf16.txt", "cp1252.txt", "bom crlf.txt"):
        assert rows[name].meta.headline.value == "Kim writes to Putin", name
        assert rows[name].meta.wire_agency.value == "Reuters", name
    assert any("unbalanced" in w for w in rows["unbalanced.txt"].warnings)


def test_an_html_page_loses_its_scripts_and_keeps_its_story():
    html = "<html><head><title>T</title><script>var x=1;</script></head><body><h1>Kim writes</h1><p>Para one.</p><p>Para two.</p></body></html>"
    assert looks_like_html(html)
    text = html_to_text(html)
    assert "var x" not in text
    assert "Kim writes\n\nPara one.\n\nPara two." in text


def test_text_that_quotes_a_tag_is_not_a_page():
    assert not looks_like_html("Kim writes\n\nThe page showed <b>bold</b> text and a <script> tag in its source.\n")


def test_the_export_of_a_bad_folder_exits_0_and_lists_every_file(tmp_path):
    folder = bad_folder(tmp_path)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "analysis_utils", "export", "--corpus", str(folder), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    docs = (out / "documents.csv").read_text(encoding="utf-8")
    for p in folder.glob("*.txt"):
        assert p.name in docs
    assert "warnings:" in done.stderr


def test_the_seeds_have_no_duplicates():
    assert all(not a.duplicate_of for a in analyse_corpus(SEEDS))


def test_a_story_without_quotes_or_dates_says_so(tmp_path):
    write(
        tmp_path,
        "plain.txt",
        "Kim writes to Putin\n\nNorth Korea and Russia have close ties, officials in both countries say, and these ties grow.\n",
    )
    (a,) = analyse_corpus(tmp_path)
    assert "no quotations found" in a.warnings
    assert "no date expressions in the story" in a.warnings


def test_the_report_on_a_folder_of_bad_files_runs_every_notebook_and_shows_no_live_markup(tmp_path):
    folder = bad_folder(tmp_path)
    out = tmp_path / "report"
    done = subprocess.run(
        [sys.executable, "-m", "analysis_utils.report", "--corpus", str(folder), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    assert "index.html" in pages and len(pages) == 1 + len(list((ROOT / "notebooks").glob("*.ipynb")))
    for name, html in pages.items():
        assert "<script>alert(1)" not in html, name
        assert "onerror=alert(2)" not in html.replace("onerror=alert(2)&gt;", ""), name
        assert "Traceback" not in html, name
    overview = next(html for name, html in pages.items() if name.startswith("00_"))
    assert "binary" in overview and "file is empty" in overview  # the warnings table lists the bad files
