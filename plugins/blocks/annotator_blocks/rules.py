"""Line rules: each recognises one kind of non-prose line (or the non-prose part of a line).

A rule returns ``(label, rule, confidence, start, end)`` with offsets relative to the line, or None.
They are plain regular expressions and word counts, so the layer needs no spaCy component.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
DATE = (
    rf"(?:{WEEKDAY}\s+)?"
    rf"(?:\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
DATE_LINE = re.compile(
    rf"{DATE}(?:\s*[|,]?\s*\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?)?(?:\s+[A-Z]{{2,4}})?"
)
TIMESTAMP = re.compile(r"(?i:today|updated|last updated|published|posted|first published)\s*:?\s*")
LINK = re.compile(
    r"(?i:read more|read also|also read|see also|related|recommended|more from|more on this|"
    r"watch|listen|advertisement|sponsored|share this|share on|follow us|subscribe|sign up|click here)\b"
)
SEPARATOR = re.compile(r"[\W_]+")
CREDIT = re.compile(r"(?i:image|photo|picture|photograph|file photo|illustration|video|credit)s?\s*:\s*\S")
BYLINE = re.compile(
    r"(?i:by|written by|reporting by|editing by|compiled by|"
    r"with (?:additional )?(?:information|reporting|input) from)\s+[A-Z]"
)
EMBED_ATTRIBUTION = re.compile(r"[—–-]\s*[^()\n]{2,60}\(@\w{1,30}\)")
AGENCY_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty Images|Getty|AA|Xinhua|File|File photo|Photo|Supplied)\)\.?\s*$"
)
POSITION_CUE = re.compile(r",\s*(?:left|right|centre|center|second (?:left|right)|top|bottom)\s*,")
DATELINE_PREFIX = re.compile(
    r"(?:\([A-Z][\w .&'’-]{1,40}\)|[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][\w.]{2,10}\.? \d{1,2})?\s*"
    r"\((?:AP|AFP|Reuters|IANS|PTI|APP|Xinhua|AA)\))\s*[–—-]\s*"
)
# "LONDON 2024-05-02", "ISLAMABAD, Oct 29", "GATWICK, England 2024-05-02": a place in capitals
# (and its country or state) and a date, alone on a line.
PLACE_DATE = re.compile(
    rf"[A-Z][A-Z .'’-]{{1,30}}(?:\s*,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}})?,?\s+"
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|{MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
)
# "Home | India", "News › World › Asia": a site's path to the page, its parts between separators.
BREADCRUMB = re.compile(r"\s+[|›»>/]\s+")
NUMERIC = re.compile(r"[-+(]?\d[\d.,:/()%-]*")
SECTION_WORDS = frozenset(
    "news world politics opinion business sport sports home latest breaking editorial features "
    "analysis markets technology tech science health entertainment culture video videos live "
    "updates region asia europe africa americas".split()
)
# Sentence-final punctuation and closing marks (guillemets too): a line ending so is prose.
TERMINAL = tuple(".!;:,…\"”’')»›")
OPENING_MARKS = "\"“‘'«‹"


@dataclass(frozen=True)
class Hit:
    """One recognised block inside a line (offsets relative to the line)."""

    label: str
    rule: str
    confidence: float
    start: int
    end: int


LineRule = Callable[[str, int, int], "Hit | None"]


def whole(line: str, label: str, rule: str, confidence: float) -> Hit:
    """A hit covering the whole line."""
    return Hit(label, rule, confidence, 0, len(line))


def furniture(line: str, index: int, max_words: int) -> Hit | None:
    """Timestamps, 'Read more' links, separators and section names of the site around the article."""
    if TIMESTAMP.match(line) and DATE_LINE.search(line):
        return whole(line, "FURNITURE", "timestamp", 0.95)
    if LINK.match(line):
        return whole(line, "FURNITURE", "link", 0.9)
    if SEPARATOR.fullmatch(line):
        return whole(line, "FURNITURE", "separator", 0.95)
    words = line.split()
    if len(words) <= 3 and words[-1].lower() in SECTION_WORDS and all(w[:1].isupper() for w in words):
        return whole(line, "FURNITURE", "section", 0.8)
    return whole(line, "FURNITURE", "breadcrumb", 0.8) if breadcrumb(line) else None


def breadcrumb(line: str) -> bool:
    """Short capitalised parts between separators, one of them a section name ("Home | India")."""
    parts = BREADCRUMB.split(line)
    if len(parts) < 2 or any(len(p.split()) > 3 or not p[:1].isupper() for p in parts):
        return False
    return any(p.lower() in SECTION_WORDS for p in parts)


def dateline(line: str, index: int, max_words: int) -> Hit | None:
    """A line that is only a date, or the '(Agency) –' / 'CITY (Reuters) -' prefix of a paragraph."""
    if DATE_LINE.fullmatch(line):
        return whole(line, "DATELINE", "date", 0.9)
    if PLACE_DATE.fullmatch(line):
        return whole(line, "DATELINE", "place-date", 0.85)
    match = DATELINE_PREFIX.match(line)
    if match and match.end() < len(line):
        end = len(match.group(0).rstrip(" –—-"))
        return Hit("DATELINE", "source-prefix", 0.85, 0, end)
    return None


def byline(line: str, index: int, max_words: int) -> Hit | None:
    """'By …', 'With information from …' credits and the attribution line of an embedded post."""
    if len(line.split()) <= 12 and BYLINE.match(line):
        return whole(line, "BYLINE", "byline", 0.9)
    if EMBED_ATTRIBUTION.match(line):
        return whole(line, "BYLINE", "embed-attribution", 0.85)
    return None


def caption(line: str, index: int, max_words: int) -> Hit | None:
    """Photo captions (agency credit at the end, 'left'/'right' cues) and 'Image: …' credits."""
    if CREDIT.match(line):
        return whole(line, "CAPTION", "credit", 0.9)
    if AGENCY_CREDIT.search(line) or POSITION_CUE.search(line):
        return whole(line, "CAPTION", "photo-caption", 0.8)
    return None


def heading(line: str, index: int, max_words: int) -> Hit | None:
    """Headlines and section headings: short lines without sentence-final punctuation, or short questions."""
    words = line.split()
    if line[:1] in OPENING_MARKS or len(words) > max_words:
        return None
    if line.endswith("?"):
        return whole(line, "HEADING", "question", 0.75) if len(words) <= 10 else None
    if line.endswith(TERMINAL) or table_row(words):
        return None
    if len(words) > 4 and not _title_case(words) and not line.isupper():
        return None  # a short line of prose: headings capitalise their words, sentences do not
    rule = "headline" if index == 0 else "heading"
    return whole(line, "HEADING", rule, 0.85 if _title_case(words) else 0.7)


def table_row(words: list[str]) -> bool:
    """Two figures or more, or a quarter of the words: a results table or standings row, not a heading."""
    figures = sum(1 for w in words if NUMERIC.fullmatch(w))
    return figures >= 2 or (figures >= 1 and figures * 4 >= len(words))


def _title_case(words: list[str]) -> bool:
    """Most content words are capitalised, as in 'Clashes and Ceasefire Breakdown'."""
    content = [w for w in words if len(w) > 3 or w[:1].isupper()]
    return bool(content) and sum(w[:1].isupper() for w in content) >= 0.6 * len(content)


def credit_tail(line: str) -> Hit | None:
    """An 'Image: …' credit after the last sentence of a line of prose."""
    for match in re.finditer(r"(?<=[.!?”\"]) +", line):
        rest = line[match.end() :]
        if CREDIT.match(rest) and len(rest.split()) <= 8:
            return Hit("CAPTION", "credit", 0.9, match.end(), len(line.rstrip()))
    return None


LINE_RULES: tuple[LineRule, ...] = (furniture, dateline, byline, caption, heading)  # type: ignore[assignment]
