"""The text of a brat AnnotatorNotes line that holds attributes: ``key=value; key=value``, escaped.

brat splits ``.ann`` files with ``str.splitlines()``, so a newline, U+2028 or any other line
separator in a value would end the note and let the rest forge a ``T`` or ``R`` line; a tab would
end the note's text field. Every such character is written as a backslash escape (``\\n``, ``\\t``,
``\\r``, ``\\uXXXX`` for the others), and ``\\`` and ``;`` are escaped too, so the note stays on one
line and :func:`parse_note` gives back every key and value exactly.
"""

from __future__ import annotations

# Characters where Python's line splitting (which brat's reader uses) ends a line, plus tab.
BREAKS = frozenset("\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
SHORT = {"\\": "\\\\", ";": "\\;", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
UNSHORT = {"\\": "\\", ";": ";", "=": "=", "n": "\n", "r": "\r", "t": "\t"}
SEPARATOR = "; "


def escape(text: str) -> str:
    """``text`` with line separators, tabs, backslashes and semicolons escaped."""
    return "".join(SHORT.get(ch) or (f"\\u{ord(ch):04x}" if ch in BREAKS else ch) for ch in text)


def note_text(pairs: list[tuple[str, str]]) -> str:
    """One note line's text for ``(key, value)`` pairs."""
    return SEPARATOR.join(f"{_escape_key(key)}={escape(value)}" for key, value in pairs)


def _escape_key(key: str) -> str:
    return escape(key).replace("=", "\\=")


def parse_note(text: str) -> tuple[dict[str, str], list[str]]:
    """(attributes, free-text items without ``=``) of a note; the inverse of :func:`note_text`."""
    found: dict[str, str] = {}
    free: list[str] = []
    for n, item in enumerate(_items(text)):
        if n and item.startswith(" "):
            item = item[1:]  # the space of the separator
        key, sep, value = _split_key(item)
        if sep and key.strip():
            found[_unescape(key).strip()] = _unescape(value)
        elif item.strip():
            free.append(_unescape(item))
    return found, free


def _items(text: str) -> list[str]:
    """``text`` split at every ``;`` that is not escaped (escapes are kept for later)."""
    items, current, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == ";":
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    items.append("".join(current))
    return items


def _split_key(item: str) -> tuple[str, str, str]:
    """``item`` split at its first ``=`` that is not escaped (a key's own ``=`` is)."""
    i = 0
    while i < len(item):
        if item[i] == "\\":
            i += 2
        elif item[i] == "=":
            return item[:i], "=", item[i + 1 :]
        else:
            i += 1
    return item, "", ""


def _unescape(text: str) -> str:
    """The inverse of :func:`escape`; an unknown escape keeps its backslash (a person's note)."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch == "\\" and nxt in UNSHORT:
            out.append(UNSHORT[nxt])
            i += 2
        elif ch == "\\" and nxt == "u" and _is_hex(text[i + 2 : i + 6]):
            out.append(chr(int(text[i + 2 : i + 6], 16)))
            i += 6
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _is_hex(text: str) -> bool:
    return len(text) == 4 and all(c in "0123456789abcdefABCDEF" for c in text)
