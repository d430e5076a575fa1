"""Specification of the corpus reader: decoding, normalisation, statuses and folder listing."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis_utils.corpus.decode import normalise
from analysis_utils.corpus.read import CorpusError, read_corpus, read_document

ARTICLE = "Kim Jong Un wrote to Vladimir Putin.\nThe letter was published on Friday.\n"
REPLACED_SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000\t\x0b\x0c"


def write(tmp_path: Path, data: bytes, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_bytes(tmp_path: Path, data: bytes, **kwargs):
    return read_document(write(tmp_path, data), **kwargs)


def assert_maps_back(raw: str, text: str, text_map) -> None:
    """Every character of the normalised text is the same character in the raw text."""
    for i, ch in enumerate(text):
        j = text_map.to_raw(i)
        if ch == " " and raw[j] in REPLACED_SPACES:
            continue  # a replaced space: same offset, different character by design
        assert raw[j] == ch, f"text[{i}]={ch!r} maps to raw[{j}]={raw[j]!r}"


# --- decoding ---------------------------------------------------------------------------------


def test_utf8_is_decoded_without_warnings(tmp_path):
    doc = read_bytes(tmp_path, "Putin’s reply — “warm”".encode())
    assert doc.text == "Putin’s reply — “warm”"
    assert doc.encoding == "utf-8"
    assert doc.status == "ok"
    assert doc.warnings == []


def test_utf8_bom_is_removed_from_the_text(tmp_path):
    doc = read_bytes(tmp_path, codecs.BOM_UTF8 + "Kim’s letter".encode())
    assert doc.text == "Kim’s letter"
    assert doc.raw == "Kim’s letter"
    assert doc.encoding == "utf-8-sig"
    assert doc.warnings == []


def test_utf16_le_with_bom_is_decoded(tmp_path):
    doc = read_bytes(tmp_path, codecs.BOM_UTF16_LE + "Kim’s letter".encode("utf-16-le"))
    assert doc.text == "Kim’s letter"
    assert doc.encoding == "utf-16-le"
    assert "decoded as utf-16-le" in doc.warnings


def test_utf16_be_with_bom_is_decoded(tmp_path):
    doc = read_bytes(tmp_path, codecs.BOM_UTF16_BE + "Kim’s letter".encode("utf-16-be"))
    assert doc.text == "Kim’s letter"
    assert doc.encoding == "utf-16-be"
    assert "decoded as utf-16-be" in doc.warnings


def test_utf16_without_bom_is_detected_by_its_nul_pattern(tmp_path):
    doc = read_bytes(tmp_path, ARTICLE.encode("utf-16-le"))
    assert doc.text == ARTICLE
    assert doc.encoding == "utf-16-le"
    assert "decoded as utf-16-le" in doc.warnings
    assert "NUL bytes removed" not in doc.warnings


def test_cp1252_bytes_give_curly_quotes_and_apostrophe(tmp_path):
    doc = read_bytes(tmp_path, b"\x93quoted\x94 and it\x92s")
    assert doc.text == "“quoted” and it’s"
    assert doc.encoding == "cp1252"
    assert "decoded as cp1252" in doc.warnings


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    doc = read_bytes(tmp_path, b"caf\xe9 \x81 au lait")
    assert doc.text == "café \x81 au lait"
    assert doc.encoding == "latin-1"
    assert "decoded as latin-1" in doc.warnings


def test_utf8_cut_inside_a_multibyte_character_stays_utf8_with_a_warning(tmp_path):
    data = "Putin said “yes”".encode()[:-1]  # last byte of ” missing
    doc = read_bytes(tmp_path, data)
    assert doc.encoding == "utf-8"
    assert doc.text == "Putin said “yes"
    assert "file ends inside a UTF-8 character (cut off)" in doc.warnings
    assert not any("cp1252" in w for w in doc.warnings)


# --- normalisation ----------------------------------------------------------------------------


def test_crlf_becomes_newline(tmp_path):
    doc = read_bytes(tmp_path, b"one\r\ntwo\r\n")
    assert doc.text == "one\ntwo\n"


def test_lone_cr_becomes_newline(tmp_path):
    doc = read_bytes(tmp_path, b"one\rtwo\r")
    assert doc.text == "one\ntwo\n"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\t"], ids=["nbsp", "narrow-nbsp", "tab"])
def test_unusual_spaces_become_one_ascii_space(tmp_path, space):
    doc = read_bytes(tmp_path, f"Kim{space}Jong{space}Un".encode())
    assert doc.text == "Kim Jong Un"


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad"], ids=["zero-width-space", "soft-hyphen"])
def test_invisible_characters_are_removed(tmp_path, invisible):
    doc = read_bytes(tmp_path, f"Py{invisible}ong{invisible}yang".encode())
    assert doc.text == "Pyongyang"


def test_nul_bytes_are_removed_with_a_warning(tmp_path):
    doc = read_bytes(tmp_path, ARTICLE.replace("Putin", "Pu\x00tin").encode())
    assert doc.text == ARTICLE
    assert doc.encoding == "utf-8"
    assert "NUL bytes removed" in doc.warnings


def test_quotes_and_apostrophes_are_kept_exactly(tmp_path):
    quotes = "“double” ‘single’ \"straight\" 'straight' it’s it's"
    doc = read_bytes(tmp_path, quotes.encode())
    assert doc.text == quotes
    assert len({"“", "”", "‘", "’", '"', "'"} & set(doc.text)) == 6


def test_to_raw_maps_every_character_back_to_the_raw_text(tmp_path):
    raw = "Kim\u00a0Jong\u200b Un\r\nwrote to\u00a0Putin\u200b\u200b.\r\n\r\nIt\u2019s\u200b here\r\n"
    doc = read_bytes(tmp_path, raw.encode())
    assert doc.raw == raw
    assert doc.text == "Kim Jong Un\nwrote to Putin.\n\nIt’s here\n"
    assert_maps_back(doc.raw, doc.text, doc.text_map)


@given(st.text(alphabet="ab’ \n\r\u00a0\t\u200b\u00ad\x00"))
def test_to_raw_property_holds_for_any_mix_of_normalised_characters(raw):
    text, text_map = normalise(raw.replace("\r", "\r\n"))  # only CRLF, no lone CR
    assert_maps_back(raw.replace("\r", "\r\n"), text, text_map)


# --- mojibake ---------------------------------------------------------------------------------


def test_mojibake_is_repaired_with_a_warning(tmp_path):
    doc = read_bytes(tmp_path, "North Koreaâ€™s leader said â€œhelloâ€".encode())
    assert doc.text == "North Korea’s leader said “hello”"
    assert any("mojibake" in w for w in doc.warnings)


def test_a_single_a_circumflex_in_ordinary_text_is_left_alone(tmp_path):
    text = "The château â la mode served Kim’s delegation."
    doc = read_bytes(tmp_path, text.encode())
    assert doc.text == text
    assert not any("mojibake" in w for w in doc.warnings)


# --- statuses ---------------------------------------------------------------------------------


def test_zero_byte_file_is_empty(tmp_path):
    doc = read_bytes(tmp_path, b"")
    assert doc.status == "empty"
    assert "file is empty" in doc.warnings


def test_whitespace_only_file_is_empty(tmp_path):
    doc = read_bytes(tmp_path, b" \r\n\t\n  \xc2\xa0\n")
    assert doc.status == "empty"
    assert doc.warnings


def test_random_bytes_are_binary(tmp_path):
    doc = read_bytes(tmp_path, random.Random(0).randbytes(4000))
    assert doc.status == "binary"
    assert any("binary" in w for w in doc.warnings)


def test_file_larger_than_the_cap_is_truncated_with_a_warning(tmp_path):
    doc = read_bytes(tmp_path, ARTICLE.encode() * 100, max_bytes=1000)
    assert doc.status == "truncated"
    assert len(doc.text) <= 1000
    assert doc.size_bytes == len(ARTICLE.encode()) * 100
    assert any("only the first 1,000" in w for w in doc.warnings)


# --- read_corpus ------------------------------------------------------------------------------


def test_read_corpus_lists_every_txt_file_in_name_order_including_bad_ones(tmp_path):
    write(tmp_path, ARTICLE.encode(), "b_good.txt")
    write(tmp_path, b"", "a_empty.txt")
    write(tmp_path, random.Random(0).randbytes(4000), "c_binary.txt")
    docs = read_corpus(tmp_path)
    assert [d.file for d in docs] == ["a_empty.txt", "b_good.txt", "c_binary.txt"]
    assert [d.status for d in docs] == ["empty", "ok", "binary"]


def test_read_corpus_ignores_other_extensions(tmp_path):
    write(tmp_path, ARTICLE.encode(), "article.txt")
    write(tmp_path, ARTICLE.encode(), "notes.md")
    write(tmp_path, ARTICLE.encode(), "article.txt.bak")
    assert [d.file for d in read_corpus(tmp_path)] == ["article.txt"]


def test_read_corpus_rejects_a_missing_folder(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found"):
        read_corpus(tmp_path / "nowhere")


def test_read_corpus_rejects_a_file_path(tmp_path):
    path = write(tmp_path, ARTICLE.encode(), "article.txt")
    with pytest.raises(CorpusError, match="not a folder"):
        read_corpus(path)


def test_read_corpus_rejects_a_folder_without_txt_files(tmp_path):
    write(tmp_path, ARTICLE.encode(), "notes.md")
    with pytest.raises(CorpusError, match=r"no \*\.txt files"):
        read_corpus(tmp_path)
