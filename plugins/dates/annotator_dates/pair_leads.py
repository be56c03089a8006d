"""Which two characters a pattern's match can begin with, read from the pattern, for cheaper refusals.

The one-character lead (:mod:`annotator_dates.leads`) lets through every word start whose first
letter some branch of the pattern allows: in a month's window "the", "to" and "two" all pass a rule
wanting "the third of", "two weeks" or a month, and each costs a ``pattern.match`` call. Reading
the syntax tree two characters deep refuses most of them ("to" where only "th" and "tw" can begin),
and the test is one set look-up per candidate, made for all candidates at once in C
(``itertools.compress``), so ``re`` is called about a third as often.

A pair refusal is always one ``pattern.match`` would make: zero-width asserts are skipped (what
they refuse is then let through), a repeat longer than two is cut at two with anything after it,
and anything the reader does not know (a back-reference, a conditional) gives no pair lead at all.
A match of one character lets any second character through, and so does the end of the text (the
candidate's "pair" is then its one character, let through when it may begin a match).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from annotator_dates.leads import ASCII, REPEATS, ZERO_WIDTH, C, Unknown, _atom, lead, sre_parse

DEPTH = 2
LIMIT = 6000  # pairs kept in one set at most; a pattern allowing more gets no pair lead
Sequence = tuple[str, ...]  # one-character patterns, one per character of a match's beginning
Starts = set[tuple[Sequence, bool]]  # (beginning, whether the item's whole match is exactly that)

_READ: dict[int, tuple[re.Pattern[str], frozenset[str] | None]] = {}


def pair_lead(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII pairs (and single last characters) a match may begin with, or None (no refusal).

    Kept by the pattern's id, like :func:`annotator_dates.leads.lead`.
    """
    known = _READ.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _READ[id(pattern)] = (pattern, _read(pattern))
    return known[1]


def _read(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The pair lead of ``pattern`` from its syntax tree, or None when it cannot be told or is too big."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        starts = _sequence(list(tree), tree.state.flags, DEPTH)
    except (Unknown, re.error, AttributeError, TypeError, ValueError, RecursionError):
        return None
    pairs: set[str] = set(lead(pattern).first)  # the text may end after the first character
    for begin, _ in starts:
        if not begin:
            return None  # the match may be empty: nothing to refuse
        firsts = _chars(begin[0])
        seconds = _chars(begin[1]) if len(begin) > 1 else ASCII
        pairs.update(a + b for a in firsts for b in seconds)
        if len(pairs) > LIMIT:
            return None
    return frozenset(pairs)


@functools.cache
def _chars(atom: str) -> tuple[str, ...]:
    """The ASCII characters the one-character pattern ``atom`` matches."""
    one = re.compile(atom)
    return tuple(char for char in ASCII if one.fullmatch(char))


def _sequence(items: list[tuple[Any, Any]], flags: int, depth: int) -> Starts:
    """Beginnings of up to ``depth`` characters of a sequence of items, and whether each is all of it."""
    done: Starts = set()
    open_: set[Sequence] = {()}
    for op, av in items:
        if op in ZERO_WIDTH:
            continue  # consumes nothing; skipping what it refuses only lets more through
        grown: set[Sequence] = set()
        for begin in open_:
            for more, whole in _item(op, av, flags, depth - len(begin)):
                joined = begin + more
                if whole and len(joined) < depth:
                    grown.add(joined)
                else:
                    done.add((joined, False))
        open_ = grown
        if not open_:
            break
    return done | {(begin, True) for begin in open_}


def _item(op: Any, av: Any, flags: int, depth: int) -> Starts:
    """Beginnings of up to ``depth`` characters of one item, and whether each is the item's whole match."""
    if op is C.SUBPATTERN:
        _, add, remove, body = av
        return _sequence(list(body), (flags | add) & ~remove, depth)
    if op is C.BRANCH:
        return {found for branch in av[1] for found in _sequence(list(branch), flags, depth)}
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(av), flags, depth)
    if op in REPEATS:
        low, high, body = av
        found: Starts = set()
        for count in range(min(low, depth), min(high, depth) + 1):
            starts = _sequence(list(body) * count, flags, depth)
            if count < low or count < high:  # at the depth cut: more copies must or may follow
                starts = {(begin, False) for begin, _ in starts} if count == depth else starts
            found |= starts
        return found
    return {((_atom((op, av), flags),), True)}
