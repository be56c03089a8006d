"""Which characters a pattern's match can begin with, read from the pattern itself, for cheap refusals.

Most places where the prefilter tries a rule cannot start its match: a word start in a month's
window is "the", "said" or "of", and the rule wants a digit, a month or "early". ``pattern.match``
refuses each quickly, but a call from Python costs far more than looking one character up in a
set. :func:`lead` reads the compiled pattern's syntax tree (``re``'s own parser) once and gives the
ASCII characters a match may begin with, and, when the pattern opens with a one-character negative
lookbehind such as ``(?<![a-z])``, the ASCII characters that may not come before it. Non-ASCII
characters are always let through, and anything the reader does not know lets every character
through, so a refusal is always one that ``pattern.match`` would make: the lead only ever skips
calls that would fail.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

try:  # Python 3.11+ names re's parser re._parser; sre_parse is its older, deprecated name.
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse  # type: ignore[no-redef]

C = sre_parse  # the opcode constants are re-exported by the parser module
ASCII = tuple(chr(code) for code in range(128))
CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}
ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
# One-character patterns (as _atom writes them) that match nothing but what ``\d`` matches.
DIGIT_ATOMS = frozenset({r"[\d]"} | {f"\\U{code:08x}" for code in range(0x30, 0x3A)})
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


class Unknown(Exception):
    """A construct the reader does not follow: every character must then be let through."""


class Lead(NamedTuple):
    """ASCII characters a match may start with, and those that may not stand just before it."""

    first: frozenset[str]
    not_after: frozenset[str] = frozenset()
    digits_only: bool = False  # whether every match begins with a character ``\d`` matches

    def allows(self, text: str, at: int) -> bool:
        """Whether a match of the pattern may start at ``at`` in ``text`` (never False wrongly)."""
        char = text[at]
        if char.isascii() and char not in self.first:
            return False
        if at and text[at - 1] in self.not_after:
            return False
        return True


ANYTHING = Lead(frozenset(ASCII))


_READ: dict[int, tuple[re.Pattern[str], Lead]] = {}


def lead(pattern: re.Pattern[str]) -> Lead:
    """The lead of ``pattern``, read once per pattern (anything, when the reader cannot tell).

    Kept by the pattern's id, not the pattern: hashing a compiled pattern hashes all its code
    (microseconds for the holiday names), and this is asked once per rule and document.
    """
    known = _READ.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _READ[id(pattern)] = (pattern, _read(pattern))
    return known[1]


def _read(pattern: re.Pattern[str]) -> Lead:
    """The lead of ``pattern`` from its syntax tree."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        flags = tree.state.flags
        atoms, nullable = _first(list(tree), flags)
        if nullable:
            return ANYTHING
        digits = all(atom in DIGIT_ATOMS for atom in atoms)
        return Lead(_matching(atoms), _not_after(list(tree), flags), digits)
    except (Unknown, re.error, AttributeError, TypeError, ValueError):
        return ANYTHING


def _matching(atoms: list[str]) -> frozenset[str]:
    """The ASCII characters that one of the one-character patterns ``atoms`` matches."""
    one = re.compile("|".join(atoms))
    return frozenset(char for char in ASCII if one.fullmatch(char))


def _not_after(items: list[tuple[Any, Any]], flags: int) -> frozenset[str]:
    """ASCII characters a leading one-character negative lookbehind refuses before the match."""
    if not items or items[0][0] is not C.ASSERT_NOT:
        return frozenset()
    direction, body = items[0][1]
    if direction != -1 or len(body) != 1:
        return frozenset()
    try:
        return _matching([_atom(body[0], flags)])
    except Unknown:
        return frozenset()


def _first(items: list[tuple[Any, Any]], flags: int) -> tuple[list[str], bool]:
    """One-character patterns for what a sequence can begin with, and whether it can match empty."""
    atoms: list[str] = []
    for op, av in items:
        if op in ZERO_WIDTH:
            continue  # asserts consume nothing: what follows them begins the match
        found, nullable = _first_of(op, av, flags)
        atoms += found
        if not nullable:
            return atoms, False
    return atoms, True


def _first_of(op: Any, av: Any, flags: int) -> tuple[list[str], bool]:
    """What one item can begin with, and whether it can match empty."""
    if op is C.SUBPATTERN:
        _, add, remove, body = av
        return _first(list(body), (flags | add) & ~remove)
    if op is C.BRANCH:
        branches = [_first(list(branch), flags) for branch in av[1]]
        return [a for found, _ in branches for a in found], any(n for _, n in branches)
    if op in REPEATS:
        low, _, body = av
        found, nullable = _first(list(body), flags)
        return found, nullable or low == 0
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first(list(av), flags)
    return [_atom((op, av), flags)], False


def _atom(item: tuple[Any, Any], flags: int) -> str:
    """One character item (literal, class, category) as a pattern of its own, with its flags."""
    op, av = item
    if op is C.ANY:
        return "(?s:.)"
    if op is C.LITERAL:
        body = _char(av)
    elif op is C.NOT_LITERAL:
        body = f"[^{_char(av)}]"
    elif op is C.IN:
        body = _charset(av)
    else:
        raise Unknown(op)
    marks = ("i" if flags & re.IGNORECASE else "") + ("a" if flags & re.ASCII else "")
    return f"(?{marks}:{body})" if marks else body


def _charset(items: list[tuple[Any, Any]]) -> str:
    """A character class as pattern source."""
    parts = ["^"] if items and items[0][0] is C.NEGATE else []
    for op, av in items[len(parts) :]:
        if op is C.LITERAL:
            parts.append(_char(av))
        elif op is C.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY and av in CATEGORIES:
            parts.append(CATEGORIES[av])
        else:
            raise Unknown(op)
    return f"[{''.join(parts)}]"


def _char(code: int) -> str:
    """One code point, escaped so that it means itself inside or outside a class."""
    return f"\\U{code:08x}"
