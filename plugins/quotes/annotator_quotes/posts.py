"""Embedded social-media posts: a paragraph followed by a signature line of its own.

News sites paste posts as text followed by "— Khawaja M. Asif (@KhawajaMAsif) October 29, 2025".
The paragraph before the signature is the post; the signature names its author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SIGNATURE = re.compile(
    r"[—–-]{1,2}\s*(?P<name>[^\n()@]{2,80}?)\s*\((?P<handle>@\w{1,30})\)"
    r"\s*(?P<date>(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]+ \d{4}))?\s*$"
)


@dataclass(frozen=True)
class Post:
    """An embedded post: its text, and where its author's name and handle are."""

    start: int
    end: int
    name: str
    name_start: int
    name_end: int
    handle: str
    signature_start: int


def find_posts(text: str, paragraphs: list[tuple[int, int]]) -> list[Post]:
    """Posts whose signature line follows them directly."""
    posts = []
    rstripped = text.rstrip()  # once: stripping the whole text per paragraph is quadratic
    for n in range(1, len(paragraphs)):
        lo, hi = paragraphs[n]
        match = SIGNATURE.fullmatch(text, lo, hi) or SIGNATURE.fullmatch(rstripped, lo, hi)
        if match is None:
            continue
        plo, phi = _stripped(text, *paragraphs[n - 1])
        if phi > plo and not SIGNATURE.fullmatch(text, *paragraphs[n - 1]):
            name = match.group("name").strip()
            posts.append(
                Post(
                    plo,
                    phi,
                    name,
                    match.start("name"),
                    match.start("name") + len(name),
                    match.group("handle"),
                    lo,
                )
            )
    return posts


def _stripped(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
