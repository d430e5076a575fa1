"""Small builders shared by the tests: a Document from a string, a classified page."""

from __future__ import annotations

from pathlib import Path

from analysis_utils.clean.page import classify
from analysis_utils.clean.values import CleanDoc
from analysis_utils.corpus.decode import normalise
from analysis_utils.corpus.document import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_doc(text: str, name: str = "page.txt") -> Document:
    norm, tmap = normalise(text)
    return Document(Path(name).stem, name, Path(name), len(text.encode()), "utf-8", text, norm, tmap)


def page(text: str) -> CleanDoc:
    return classify(make_doc(text))


def classes(cd: CleanDoc) -> dict[str, str]:
    """Line text → class, for the non-blank lines."""
    return {ln.text: ln.cls for ln in cd.lines if ln.cls != "blank"}
