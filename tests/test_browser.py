"""The report built on the seeds opens in headless Chromium: figures load, no errors, nothing fetched.

Chromium is Debian's (/usr/bin/chromium), installed here with apt when missing; Playwright's own
browser download does not work on this network and is never attempted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "reports" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOAD_TIMEOUT_MS = 30_000


def ensure_chromium() -> Path:
    """Debian's Chromium, installed with apt-get (as root) when it is not there; fails, never skips."""
    if CHROMIUM.exists():
        return CHROMIUM
    if os.geteuid() != 0:
        pytest.fail(f"{CHROMIUM} is missing and installing it needs root: run `apt-get install -y chromium`")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = "apt-get update && apt-get install -y --no-install-recommends chromium"
    try:
        done = subprocess.run(
            ["bash", "-c", command], env=env, capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"installing Chromium timed out after 900 s: {command}")
    if done.returncode != 0 or not CHROMIUM.exists():
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-20:])
        pytest.fail(f"could not install Chromium with `{command}` (exit {done.returncode}):\n{tail}")
    return CHROMIUM


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report on the seeds, built once by the command line a user would type."""
    out = tmp_path_factory.mktemp("seed_report")
    command = [sys.executable, "-m", "analysis_utils.report", "--corpus", "seeds", "--out", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1200, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"report build failed:\n{done.stdout}\n{done.stderr}"
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = ensure_chromium()
    with sync_playwright() as playwright:
        # launch() gives every run a fresh, temporary profile (the --user-data-dir of the flags).
        browser = playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=CHROMIUM_FLAGS, timeout=60_000
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Visit:
    """What one page did while it loaded."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    text: str = ""


def visit(browser: Browser, html_file: Path, screenshot: Path) -> Visit:
    """Open one file, wait for it to settle, record its console, requests and images, take a screenshot."""
    seen = Visit()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page: Page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    page.on("console", lambda msg: seen.errors.append(f"console: {msg.text}") if msg.type == "error" else None)
    page.on("pageerror", lambda exc: seen.errors.append(f"page error: {exc}"))
    page.on("requestfailed", lambda req: seen.failed.append(f"{req.url[:120]} ({req.failure})"))
    page.on(
        "request",
        lambda req: None if req.url.startswith(("file://", "data:", "about:")) else seen.outside.append(req.url),
    )
    try:
        page.goto(html_file.as_uri(), wait_until="load")
        page.wait_for_load_state("networkidle")
        seen.images = page.eval_on_selector_all(
            "img", "els => els.map(i => ({src: i.src.slice(0, 80), complete: i.complete, width: i.naturalWidth}))"
        )
        seen.links = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
        seen.text = page.inner_text("body")
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True)
    finally:
        context.close()
    return seen


@pytest.fixture(scope="session")
def visits(seed_report: Path, browser: Browser) -> dict[str, Visit]:
    """Every HTML file of the report, opened once; screenshots land in reports/screenshots/."""
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    return {f.name: visit(browser, f, SCREENSHOTS / f"{f.stem}.png") for f in sorted(seed_report.glob("*.html"))}


def notebook_pages() -> list[str]:
    return [f"{nb.stem}.html" for nb in sorted((ROOT / "notebooks").glob("*.ipynb"))]


def test_every_notebook_has_a_page_and_the_index_links_to_it(visits: dict[str, Visit]) -> None:
    assert "index.html" in visits
    assert set(visits) == {"index.html", *notebook_pages()}
    assert set(notebook_pages()) <= set(visits["index.html"].links)


def test_every_page_links_back_to_the_index(visits: dict[str, Visit]) -> None:
    for name in notebook_pages():
        assert "index.html" in visits[name].links, name


def test_every_image_loads(visits: dict[str, Visit]) -> None:
    broken = {name: [i for i in v.images if not (i["complete"] and i["width"] > 0)] for name, v in visits.items()}
    assert not {name: imgs for name, imgs in broken.items() if imgs}


def test_no_console_or_page_errors(visits: dict[str, Visit]) -> None:
    assert not {name: v.errors for name, v in visits.items() if v.errors}


def test_nothing_is_requested_outside_the_report(visits: dict[str, Visit]) -> None:
    assert not {name: v.outside for name, v in visits.items() if v.outside}
    assert not {name: v.failed for name, v in visits.items() if v.failed}


def test_pages_show_no_tracebacks(visits: dict[str, Visit]) -> None:
    assert not [name for name, v in visits.items() if "Traceback (most recent call last)" in v.text]


def test_index_reads_like_a_report(visits: dict[str, Visit]) -> None:
    text = visits["index.html"].text
    assert "Kim Jong Un and Vladimir Putin: the letters in the press" in text
    assert "'seeds', 5 article files" in text
    assert "Generated on" in text


def test_a_full_page_screenshot_per_page(visits: dict[str, Visit]) -> None:
    shots = sorted(p.name for p in SCREENSHOTS.glob("*.png"))
    assert shots == sorted(f"{Path(name).stem}.png" for name in visits)
    assert all((SCREENSHOTS / shot).stat().st_size > 10_000 for shot in shots)
