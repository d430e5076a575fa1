"""Read a folder of articles: one Document per ``*.txt`` file, decoded and normalised, never dropped."""

from __future__ import annotations

import bisect
import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .htmltext import html_to_text, looks_like_html

MAX_BYTES = 1_000_000
"""Files larger than this are read up to the cap, with a warning."""
MAX_CHARS = 100_000
"""Text analysed per file: a news article is a few thousand characters; beyond this is not a story."""

# Characters that are spaces in all but name; each becomes one ASCII space (offsets unchanged).
_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t\x0b\x0c",
    ),
    " ",
)
# Characters that carry nothing: removed (offsets are mapped back through ``TextMap``).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00]")
# UTF-8 read as cp1252 ("mojibake"): "â€™" for "’" and friends.
_MOJIBAKE = re.compile('(?:â€[™œ\x9d"˜¦“”–—]|Ã[\xa0-\xbf]|Â[\xa0-\xbf])')


@dataclass
class TextMap:
    """Maps offsets in normalised text back to offsets in the decoded raw text.

    ``removed`` holds, in increasing order, the normalised offsets at which one raw
    character was deleted (a CR of CRLF, a zero-width space, a NUL).
    """

    removed: list[int] = field(default_factory=list)

    def to_raw(self, offset: int) -> int:
        return offset + bisect.bisect_right(self.removed, offset)


@dataclass
class Document:
    """One input file, as read: decoded text plus what went wrong on the way."""

    doc_id: str
    file: str
    path: Path
    size_bytes: int
    encoding: str
    raw: str
    text: str
    text_map: TextMap
    status: str = "ok"
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes: BOMs first, UTF-16 without BOM by its NUL pattern, then UTF-8, then cp1252.

    Returns ``(text, encoding, warnings)``; never raises.
    """
    warnings: list[str] = []
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text = data[len(bom) :].decode(enc.replace("-sig", ""), errors="replace")
            if "\ufffd" in text:
                warnings.append(f"invalid {enc} sequences replaced by U+FFFD")
            return text, enc, warnings
    sample = data[:4000]
    if len(sample) >= 16:
        even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
        odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
        if odd_nuls > 0.4 and even_nuls < 0.05:
            return _decode_lossy(data, "utf-16-le", warnings)
        if even_nuls > 0.4 and odd_nuls < 0.05:
            return _decode_lossy(data, "utf-16-be", warnings)
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            warnings.append("file ends inside a UTF-8 character (cut off)")
            return data[: err.start].decode("utf-8"), "utf-8", warnings
    try:
        return data.decode("cp1252"), "cp1252", warnings
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", warnings


def _decode_lossy(data: bytes, enc: str, warnings: list[str]) -> tuple[str, str, list[str]]:
    text = data.decode(enc, errors="replace")
    if "\ufffd" in text:
        warnings.append(f"invalid {enc} sequences replaced by U+FFFD")
    return text, enc, warnings


def _mojibake_table() -> dict[str, str]:
    """Garbled form → character, for the characters news text uses, longest forms first."""
    table: dict[str, str] = {}
    chars = [chr(c) for c in range(0xA0, 0x100)] + list("‘’‚“”„–—…•′″€™")
    for ch in chars:
        data = ch.encode("utf-8")
        garbled = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)
        table[garbled] = ch
        if any(b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in data):
            table["".join(bytes([b]).decode("cp1252", errors="ignore") for b in data)] = ch
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


_MOJIBAKE_TABLE = _mojibake_table()
_MOJIBAKE_FORMS = re.compile("|".join(re.escape(k) for k in _MOJIBAKE_TABLE if len(k) >= 2))


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 that was decoded as cp1252 somewhere upstream ("â€™" → "’", "â€œ" → "“").

    Only when at least two garbled sequences occur, so a lone "Ã" in a name stays.
    """
    if len(_MOJIBAKE.findall(text)) < 2:
        return text, False
    try:
        return text.encode("cp1252").decode("utf-8"), True
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    fixed = _MOJIBAKE_FORMS.sub(lambda m: _MOJIBAKE_TABLE[m.group(0)], text)
    return fixed, fixed != text


def normalise(raw: str) -> tuple[str, TextMap]:
    """Line endings to ``\\n``, unusual spaces to ASCII spaces, invisible characters removed.

    Quotation marks and apostrophes are kept exactly as written: a curly ``’`` stays
    distinguishable from a straight ``'`` and from ``”``. Offsets map back via ``TextMap``.
    """
    out: list[str] = []
    removed: list[int] = []
    pos = 0
    pieces = re.split(r"(\r\n|\r|[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00])", raw)
    for piece in pieces:
        if not piece:
            continue
        if piece == "\r\n":
            out.append("\n")
            removed.append(pos)
            pos += 1
        elif piece == "\r":
            out.append("\n")
            pos += 1
        elif _INVISIBLE.fullmatch(piece):
            removed.append(pos)
        else:
            chunk = piece.translate(_SPACES)
            out.append(chunk)
            pos += len(chunk)
    return "".join(out), TextMap(removed)


def read_document(path: Path, doc_id: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file into a Document. Problems become ``status`` and ``warnings``, not exceptions."""
    warnings: list[str] = []
    status = "ok"
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        return Document(
            doc_id or path.stem,
            path.name,
            path,
            0,
            "",
            "",
            "",
            TextMap(),
            "unreadable",
            [f"cannot read file: {err.strerror or err}"],
        )
    if len(data) > max_bytes:
        data = data[:max_bytes]
        status = "truncated"
        warnings.append(f"file is {size:,} bytes; only the first {max_bytes:,} were read")
    raw, encoding, dec_warnings = decode(data)
    warnings += dec_warnings
    raw, repaired = repair_mojibake(raw)
    if repaired:
        warnings.append("repaired mojibake (UTF-8 text that had been decoded as cp1252)")
    text, text_map = normalise(raw)
    if looks_like_html(text):
        text, text_map = normalise(html_to_text(text))
        status = "html" if status == "ok" else status
        warnings.append(
            "raw HTML page: converted to text (scripts and styles dropped); offsets refer to the converted text"
        )
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n", 0, MAX_CHARS)
        cut = cut if cut > MAX_CHARS // 2 else MAX_CHARS
        warnings.append(f"text is {len(text):,} characters; only the first {cut:,} are analysed")
        text, status = text[:cut], "truncated" if status in ("ok", "html") else status
    if "\x00" in raw:
        warnings.append("NUL bytes removed")
    if not text.strip():
        status = "empty"
        warnings.append("file is empty" if size == 0 else "file holds only whitespace")
    elif _looks_binary(text):
        status = "binary"
        warnings.append("file looks binary (many control or replacement characters); not analysed")
    if encoding not in ("utf-8", "utf-8-sig"):
        warnings.append(f"decoded as {encoding}")
    return Document(doc_id or path.stem, path.name, path, size, encoding, raw, text, text_map, status, warnings)


_BAD_CHARS = re.compile("[\x00-\x09\x0b-\x1f\ufffd]")
"""Control characters other than the newline, and replacement characters."""


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    bad = len(_BAD_CHARS.findall(sample))
    return bad > max(8, len(sample) // 20)


def list_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The ``*.txt`` files of a folder (not recursive), in name order."""
    return sorted(p for p in Path(folder).glob("*.txt") if p.is_file())


def corpus_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The ``*.txt`` files of a usable corpus folder; raises ``CorpusError`` with a one-line reason otherwise."""
    folder = Path(folder)
    if not folder.exists():
        raise CorpusError(f"corpus folder not found: {folder}")
    if not folder.is_dir():
        raise CorpusError(f"corpus path is not a folder: {folder}")
    try:
        files = list_files(folder)
    except OSError as err:
        raise CorpusError(f"cannot list corpus folder {folder}: {err.strerror or err}") from err
    if not files:
        raise CorpusError(f"no *.txt files in corpus folder: {folder}")
    return files


def read_corpus(folder: str | os.PathLike[str]) -> list[Document]:
    """Every ``*.txt`` in ``folder`` as a Document, in file-name order. Raises ``CorpusError`` if unusable."""
    return [read_document(p) for p in corpus_files(folder)]


class CorpusError(Exception):
    """The corpus folder itself cannot be used (missing, not a folder, no ``*.txt``)."""
