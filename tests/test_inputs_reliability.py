"""Bad input gets one clear error naming file, line and reason; the rest of the input goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.inputs import ReadOptions, handle_duplicate_ids, read_inputs, read_jsonl
from annotator.records import SKIP_STAGE, InputDocument, RecordError

GOOD = "The central bank raised rates by 0.25 points on Tuesday."
REPLACE = ReadOptions(encoding_errors="replace")


def jsonl_lines(*records: object) -> list[bytes]:
    """Records as JSONL lines; bytes and str are taken as already-encoded lines."""
    out = []
    for rec in records:
        raw = rec if isinstance(rec, bytes) else (rec if isinstance(rec, str) else json.dumps(rec)).encode()
        out.append(raw + b"\n")
    return out


def only(items: list) -> InputDocument | RecordError:
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"id": "n1", "text": "Markets fell', "malformed JSON"),
        (b'["Markets fell sharply."]', "expected a JSON object, got list"),
        (b'{"id": "n1", "title": "Markets fell"}', "record has no 'text' field"),
        (b'{"id": "n1", "text": 42}', "'text' must be a string, got int"),
        (b'{"id": "n1", "text": null}', "'text' must be a string, got NoneType"),
        (b'{"id": "n1", "text": "Markets fell.", "meta": "2025"}', "'meta' must be an object"),
        (b'{"id": "Caf\xe9 news", "text": "Markets fell."}', "invalid UTF-8 at byte 11"),
    ],
)
def test_read_jsonl_bad_line_is_error_with_file_line_and_reason(line: bytes, reason: str) -> None:
    lines = jsonl_lines({"text": GOOD}, line)
    first, second = list(read_jsonl(lines, "news.jsonl"))
    assert isinstance(first, InputDocument)
    assert isinstance(second, RecordError)
    assert second.one_line().startswith("news.jsonl:2: " + reason)


def test_read_jsonl_error_keeps_an_id_for_resume() -> None:
    err = only(list(read_jsonl(jsonl_lines(b'{"text": "Markets fell'), "feeds/news.jsonl")))
    assert isinstance(err, RecordError) and err.doc_id == "news-1"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_read_jsonl_empty_text_is_a_document_not_an_error(text: str) -> None:
    doc = only(list(read_jsonl(jsonl_lines({"id": "empty", "text": text}), "news.jsonl")))
    assert isinstance(doc, InputDocument) and doc.text == text


def test_read_jsonl_skips_blank_lines_but_keeps_line_numbers() -> None:
    lines = jsonl_lines({"text": GOOD}, b"", b"   ", b'{"text": 1}')
    items = list(read_jsonl(lines, "news.jsonl"))
    assert [i.source.line for i in items if i.source] == [1, 4]


def test_read_jsonl_invalid_utf8_with_replace_annotates_and_records_it() -> None:
    doc = only(list(read_jsonl(jsonl_lines(b'{"text": "Caf\xe9 owners protest"}'), "news.jsonl", REPLACE)))
    assert isinstance(doc, InputDocument)
    assert doc.text == "Caf\ufffd owners protest"
    assert doc.normalized == ["invalid-utf8-replaced (first at byte 13)"]


def test_read_text_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Line one is fine.\nLine two has a bad byte: \xff.\n")
    err = only(list(read_inputs([str(path)])))
    assert isinstance(err, RecordError)
    assert err.one_line().startswith(f"{path}:2: invalid UTF-8 at byte 43")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Police said\r\nthe road is closed.", "Police said\nthe road is closed."),
        ("Old Mac line\rendings too.", "Old Mac line\nendings too."),
        ("Mixed\r\nand\rboth\n.", "Mixed\nand\nboth\n."),
    ],
)
def test_read_jsonl_windows_newlines_become_lf_and_are_recorded(raw: str, expected: str) -> None:
    doc = only(list(read_jsonl(jsonl_lines({"text": raw}), "news.jsonl")))
    assert isinstance(doc, InputDocument)
    assert (doc.text, doc.normalized) == (expected, ["newlines-to-lf"])


@pytest.mark.parametrize(
    "raw",
    ["Shares\x00 rose 3%.", "Page one\x0cPage two", "Bell\x07 and escape\x1b[0m here", "C1\x85 next line"],
)
def test_read_control_chars_become_spaces_one_for_one(raw: str) -> None:
    doc = only(list(read_jsonl(jsonl_lines({"text": raw}), "news.jsonl")))
    assert isinstance(doc, InputDocument)
    assert len(doc.text) == len(raw)
    assert all(a == b or b == " " for a, b in zip(raw, doc.text, strict=True))
    assert doc.normalized == ["control-chars-to-space"]


def test_read_control_chars_kept_when_asked() -> None:
    raw = "Shares\x00 rose\x07 3%."
    lines = jsonl_lines({"text": raw})
    doc = only(list(read_jsonl(lines, "news.jsonl", ReadOptions(control_chars="keep"))))
    assert isinstance(doc, InputDocument) and (doc.text, doc.normalized) == (raw, [])


def test_read_folder_skips_binary_txt_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    items = list(read_inputs([str(tmp_path)]))
    assert isinstance(items[0], InputDocument) and items[0].id == "a"
    skipped = items[1]
    assert isinstance(skipped, RecordError) and skipped.stage == SKIP_STAGE
    assert skipped.one_line() == f"{tmp_path / 'b.txt'}:1: skipped binary file (NUL byte at offset 8)"


def test_read_folder_bad_metadata_line_is_reported_and_others_still_apply(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    meta = tmp_path / "x.meta.jsonl"
    meta.write_text('{"file": "a.txt", "published": "2025-10-29"}\n{oops\n', encoding="utf-8")
    err, doc = list(read_inputs([str(tmp_path)]))
    assert isinstance(err, RecordError) and err.one_line().startswith(f"{meta}:2: metadata line ignored")
    assert isinstance(doc, InputDocument) and doc.meta == {"published": "2025-10-29"}


def test_read_missing_path_is_an_error_naming_it(tmp_path: Path) -> None:
    err = only(list(read_inputs([str(tmp_path / "nope.jsonl")])))
    assert isinstance(err, RecordError) and err.reason == "no such file or folder"


DUPES = jsonl_lines(
    {"id": "r1", "text": "Rain is expected in Lahore."},
    {"id": "r2", "text": "Floods hit Sindh."},
    {"id": "r1", "text": "Rain stopped in Lahore."},
    {"id": "r1", "text": "Rain returned."},
)


def test_duplicate_ids_error_mode_names_the_repeat() -> None:
    items = list(handle_duplicate_ids(read_jsonl(DUPES, "news.jsonl"), "error"))
    assert [isinstance(i, RecordError) for i in items] == [False, False, True, True]
    assert items[2].one_line().startswith("news.jsonl:3: duplicate id 'r1'")


def test_duplicate_ids_suffix_mode_makes_them_unique() -> None:
    items = list(handle_duplicate_ids(read_jsonl(DUPES, "news.jsonl"), "suffix"))
    assert [i.id for i in items if isinstance(i, InputDocument)] == ["r1", "r2", "r1-2", "r1-3"]


def test_duplicate_ids_keep_mode_leaves_them() -> None:
    items = list(handle_duplicate_ids(read_jsonl(DUPES, "news.jsonl"), "keep"))
    assert [i.id for i in items if isinstance(i, InputDocument)] == ["r1", "r2", "r1", "r1"]


def test_read_inputs_never_modifies_the_input(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    data = b"".join(jsonl_lines({"text": "A\r\nB\x00"}, b"{bad", b'{"text": "caf\xe9"}'))
    path.write_bytes(data)
    list(read_inputs([str(path)], options=REPLACE))
    assert path.read_bytes() == data
