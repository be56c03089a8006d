"""Acronyms and parenthesised aliases defined in the text.

"Tehrik-i-Taliban Pakistan (TTP)" and "Armed Conflict Location & Event Data (ACLED) project"
define an acronym whose letters follow the initials of the words before the parenthesis; the
long form becomes a mention (rule ``acronym``) even when the model missed or cut it. When the
letters do not fit, a short run of capitalised words right before it ("the Pakistani Taliban
(TTP)") still makes the parenthesised form an ``alias`` of that name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from annotator.intervals import IntervalGrid
from annotator_entities.mentions import Mention

PAREN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&]{1,9})\s*\)")
WORD_PARTS = re.compile(r"[-\s]+")
WORD = re.compile(r"[\w’'&.]+(?:-[\w’'&.]+)*")
CONNECTORS = frozenset({"of", "and", "&", "for", "the", "de", "al", "el", "on", "in"})
MAX_WORDS = 12
NEAR_CHARS = 200  # enough for MAX_WORDS words of most lines
# A name that defines an acronym is an organisation, place or law, not a nationality or a person;
# "Pakistan" inside "Tehrik-i-Taliban Pakistan" does not make the whole a GPE.
NOT_LONG_FORM = frozenset({"GPE", "NORP", "PERSON"})
ALIAS_WORDS = 5


@dataclass
class Definition:
    """An acronym and the mention of the name it stands for."""

    acronym: str
    long_form: Mention


def find_definitions(text: str, mentions: list[Mention]) -> list[Definition]:
    """Every 'Name (ACR)' in the text, with the name as a mention labelled from what overlaps it."""
    found: list[Definition] = []
    labels: _Labels | None = None  # indexed at the first definition: most texts define none
    for match in PAREN_ACRONYM.finditer(text):
        acronym = match.group(1)
        span = _long_form(text, match.start(), acronym)
        rule = "acronym"
        if span is None:
            span, rule = _alias_form(text, match.start(), acronym), "alias"
        if span is None:
            continue
        start, end = span
        labels = labels or _Labels(mentions)
        label = labels.label_for(start, end, acronym)
        found.append(Definition(acronym, Mention(start, end, text[start:end], label, rule=rule)))
    return found


def _words_before(text: str, pos: int) -> list[re.Match[str]]:
    """Word matches on the same line before ``pos`` (at most MAX_WORDS).

    A line can be a long paragraph, so the scan starts after a space a little before ``pos``: no
    word holds a space, so the words found from there are the line's last ones, and when there
    are fewer than wanted the whole line is scanned.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    near = max(line_start, text.rfind(" ", line_start, max(line_start, pos - NEAR_CHARS)) + 1)
    words = list(WORD.finditer(text, near, pos))
    if len(words) < MAX_WORDS and near > line_start:
        words = list(WORD.finditer(text, line_start, pos))
    return words[-MAX_WORDS:]


def _long_form(text: str, pos: int, acronym: str) -> tuple[int, int] | None:
    """The shortest run of words ending at the parenthesis whose initials spell the acronym."""
    words = _words_before(text, pos)
    for k in range(1, len(words) + 1):
        run = words[-k:]
        first = run[0].group(0)
        if not first[:1].isupper():
            continue
        if fits(acronym, [w.group(0) for w in run]):
            return run[0].start(), run[-1].end()
    return None


def _alias_form(text: str, pos: int, acronym: str) -> tuple[int, int] | None:
    """Capitalised words right before the parenthesis that contain the acronym's first letter."""
    run: list[re.Match[str]] = []
    for w in reversed(_words_before(text, pos)):
        if not w.group(0)[:1].isupper() or len(run) >= ALIAS_WORDS:
            break
        run.insert(0, w)
    if not run or acronym[0] not in "".join(ch for w in run for ch in w.group(0) if ch.isupper()):
        return None
    return run[0].start(), run[-1].end()


def fits(acronym: str, words: list[str]) -> bool:
    """Whether the name starts with the acronym's first letter and its initials contain the rest in order."""
    parts = [p for w in words for p in WORD_PARTS.split(w) if p]
    if not parts or parts[0][:1].upper() != acronym[0]:
        return False
    initials = iter(p[:1].upper() for p in parts)
    return all(ch in initials for ch in acronym.upper() if ch.isalnum())


class _Labels:
    """The mentions indexed by position and by text, so labelling a long form reads only a few."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.grid: IntervalGrid[int] = IntervalGrid()
        self.by_text: dict[str, list[str]] = defaultdict(list)
        for i, m in enumerate(mentions):
            self.grid.add(m.start, m.end, i)
            self.by_text[m.text].append(m.label)

    def label_for(self, start: int, end: int, acronym: str) -> str:
        """The label of the model mention inside the long form, else of the acronym elsewhere, else ORG."""
        overlapping = (self.mentions[i] for i in sorted(self.grid.overlapping(start, end)))
        inside = [m.label for m in overlapping if m.label not in NOT_LONG_FORM]
        votes = inside or self.by_text.get(acronym, [])
        # Counter keeps first-seen order among equal counts: a tie goes to the earliest mention, the
        # same in every process (max over a set would follow string hash randomisation).
        return Counter(votes).most_common(1)[0][0] if votes else "ORG"
