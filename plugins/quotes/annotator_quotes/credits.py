"""Credit lines: a quote whose speaker is named after a dash, on its own line or on the next one.

Lists of reactions, pull quotes and readers' answers print each quote as a paragraph of its own
and credit it after a dash, on the same line ("“...” ― Edwin G. Monroy") or on the next
("- Bernie Sanders."). The quote must open its paragraph and the credit must be all that
follows it: a dash and a short capitalised name, so a byline after a reported sentence
('... "still the No. 1 force in Spain."--Kim Hjelmgaard.') or a dash that goes on with the
writer's sentence ("“rigged” — a claim ...") is no credit. Any dash counts, the horizontal bar
(U+2015) too, and the words of a name may be joined by no-break spaces.
"""

from __future__ import annotations

import re

from annotator_quotes.frames import Frame, FrameFinder
from annotator_quotes.marks import Region

NAME_WORD = r"[A-Z][\w.'’-]*"
CREDIT = re.compile(rf"\s*[—–―-]{{1,2}}\s*(?P<name>{NAME_WORD}(?:[ \u00a0]{NAME_WORD}){{0,4}})\.?\s*")
MARKS = "“”\"'‘’„«» \t\u00a0"


def credit_line(finder: FrameFinder, region: Region) -> Frame | None:
    """The credit after the quote on its own line, else on the next line, or None."""
    idx = finder.paragraph_index(max(region.outer_start, region.outer_end - 1))
    if idx is None:
        return None
    lo, hi = finder.paragraphs[idx]
    rest = finder.text[region.outer_end : hi]
    if rest.strip(MARKS):
        # On the same line only after a quote that opens its paragraph (not the writer's sentence).
        opens = not finder.text[lo : region.outer_start].strip(MARKS)
        return _credit(finder, region, region.outer_end, hi) if opens else None
    if rest.strip(" .,\t") or idx + 1 >= len(finder.paragraphs):
        return None
    return _credit(finder, region, *finder.paragraphs[idx + 1])


def _credit(finder: FrameFinder, region: Region, lo: int, hi: int) -> Frame | None:
    """A frame naming the speaker when ``text[lo:hi]`` is a dash and a name, else None."""
    match = CREDIT.fullmatch(finder.text, lo, hi)
    if match is None:
        return None
    start = match.start("name")
    end = start + len(match.group("name").rstrip("."))
    tokens = finder.token_range(start, end)
    if tokens is None:
        return None
    name = finder.doc[tokens[-1]]
    if not name.is_title or finder.quoted[name.i]:
        return None
    return Frame(region, None, name, "direct", None, "credit-line", (start, end))
