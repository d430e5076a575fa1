"""Raw HTML saved as ``.txt``: recognise it and turn it into the line-per-block text the cleaner expects.

BeautifulSoup (already in the environment through nbconvert) parses the page; scripts,
styles, forms and other non-text elements are dropped, block elements become lines, and
the page's own title comes first when it has no ``<h1>``. Markup *inside* article text
("he wrote <b>…</b>" in a plain-text file) is not a page and is left to be escaped.
"""

from __future__ import annotations

import re

_PAGE_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b)", re.IGNORECASE | re.DOTALL
)
_BLOCK_TAG = re.compile(r"<(?:p|div|h[1-6]|li|article|section|br|table|tr|td|header|footer|nav)\b[^>]*>", re.IGNORECASE)
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "select",
    "input",
    "head",
    "link",
    "meta",
    "object",
    "embed",
)
_BLOCKS = (
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "article",
    "section",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "blockquote",
    "table",
    "tr",
    "br",
    "hr",
    "main",
    "time",
    "address",
    "dd",
    "dt",
)


def looks_like_html(text: str) -> bool:
    """A whole web page (doctype, <html>, <head> or <body> first, or dense block markup), not text quoting a tag."""
    if _PAGE_START.match(text[:2000]):
        return True
    sample = text[:20000]
    tags = len(_BLOCK_TAG.findall(sample))
    return tags >= 8 and tags * 40 > len(sample) / 10


def html_to_text(html: str) -> str:
    """The readable text of a page, one block per line, blank lines between blocks."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = soup.get_text("")
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.splitlines()]
    blocks = "\n\n".join(ln for ln in lines if ln)
    if title and not soup.find("h1") and title not in blocks[:500]:
        blocks = f"{title}\n\n{blocks}"
    return blocks + "\n"
