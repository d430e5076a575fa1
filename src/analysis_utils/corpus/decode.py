"""Bytes to text: byte-order marks, UTF-16 without one, UTF-8, cp1252; mojibake repaired; spaces and line ends normalised."""

from __future__ import annotations

import codecs
import re

from .document import TextMap

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
