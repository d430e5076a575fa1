"""One look for every figure: a colour-blind-safe palette, fixed colours per speaker and outlet, titles, sources.

Every notebook calls ``set_style()`` once, draws, then ``finish()`` (title, labelled axes,
a source line) and ``save()`` (the PNG with the CSV of the plotted data beside it, so
every chart can be checked).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ..paths import project_root

OKABE_ITO = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
"""Okabe & Ito's palette, distinguishable with every common colour-vision deficiency."""
FIXED = {
    "Kim Jong Un": "#D55E00",
    "Vladimir Putin": "#0072B2",
    "Kim Jong Un → Vladimir Putin": "#D55E00",
    "Vladimir Putin → Kim Jong Un": "#0072B2",
    "Dmitry Peskov": "#56B4E9",
    "Kremlin": "#56B4E9",
    "KCNA": "#E69F00",
    "North Korea": "#E69F00",
    "Xi Jinping": "#009E73",
}
"""Colours that mean the same thing in every notebook: Kim vermillion, Putin blue."""
EXTRA = ["#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"]
SOURCE = "Source: press coverage in the corpus; analysis with analysis_utils"


def set_style() -> None:
    """The house style (seaborn's whitegrid, readable sizes, the palette above)."""
    sns.set_theme(style="whitegrid", context="notebook", palette=OKABE_ITO)
    mpl.rcParams.update(
        {
            "figure.figsize": (9, 4.8),
            "figure.dpi": 100,
            "savefig.dpi": 130,
            "savefig.bbox": "tight",
            "axes.titleweight": "bold",
            "axes.titlesize": 13,
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "font.family": "DejaVu Sans",
        }
    )


def colour(name: str) -> str:
    """The colour of a speaker, outlet or letter direction: fixed for the main actors, stable for the rest."""
    if name in FIXED:
        return FIXED[name]
    digest = int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16)
    return EXTRA[digest % len(EXTRA)]


def colours(names) -> dict[str, str]:
    """A palette mapping for seaborn's ``palette=`` argument."""
    return {n: colour(n) for n in names}


def finish(ax: plt.Axes, title: str, xlabel: str, ylabel: str, source: str = SOURCE) -> plt.Axes:
    """Title, axis labels and the source line under the figure."""
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.figure.text(
        0.0, -0.02, source, ha="left", va="top", fontsize=8, color="#555555", transform=ax.figure.transFigure
    )
    return ax


def figures_dir() -> Path:
    """Where figures and their data go: ``$ANALYSIS_FIGURES`` or ``reports/figures`` in the project."""
    chosen = os.environ.get("ANALYSIS_FIGURES")
    path = Path(chosen) if chosen else project_root() / "reports" / "figures"
    path.mkdir(parents=True, exist_ok=True)
    return path


def save(fig: plt.Figure, data: pd.DataFrame, name: str) -> tuple[Path, Path]:
    """Save the figure as PNG and the data it plots as CSV beside it; returns both paths."""
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    out = figures_dir()
    png, csv = out / f"{slug}.png", out / f"{slug}.csv"
    fig.savefig(png)
    data.to_csv(csv, index=False)
    return png, csv
