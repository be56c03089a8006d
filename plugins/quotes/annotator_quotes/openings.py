"""Quotes that open their sentence and are attributed right after their closing mark.

'"Debate recap," tweeted Rubio spokesman Alex Conant.' and '“Go back to Univision,” Trump barked'
are speech however short: the quote opens the sentence with a capital, closes with a comma, "?"
or "!" inside its marks, and its speaker and verb follow at once. A scare term sits inside the
writer's clause ('the so-called “sin levy,” he said'), so it does not open the sentence.

The parse often misreads such a frame (the cue an adjective of the name, the name an apposition
of the quote), so :func:`adjacent_cue` reads it by position: a listed cue word right after the
closing mark with a name after it, or a name (or pronoun) with a listed cue word right after it.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator_quotes.frames import Frame, FrameFinder
from annotator_quotes.lexicon import CUE_LEMMAS, SUBJECT_PRONOUNS
from annotator_quotes.marks import Region

CLOSING_STOPS = ",?!"
NAME_LABELS = frozenset({"PERSON", "ORG"})
NAME_MAX = 6  # tokens of a name phrase before or after the cue ("Rubio spokesman Alex Conant")


def opens_as_speech(text: str, region: Region) -> bool:
    """Whether a quote opens its sentence with a capital and closes with a comma, '?' or '!'."""
    if region.open_at is None or region.close_at is None:
        return False
    if not text[region.start : region.start + 1].isupper():
        return False
    tail = text[max(region.start, region.end - 1) : region.close_at]
    if not any(stop in tail for stop in CLOSING_STOPS):
        return False
    before = text[: region.outer_start].rstrip(" ")
    if before.endswith(("''", "``")):
        before = before[:-2].rstrip(" ")
    return not before or before[-1] in "\n.?!:" or before.endswith(("”", '"'))


def adjacent_cue(finder: FrameFinder, region: Region) -> Frame | None:
    """A listed cue and a name right after a quote that opens as speech, read by position."""
    if not opens_as_speech(finder.text, region):
        return None
    first = _first_word(finder, region.outer_end)
    if first is None or finder.line_break_in(max(0, first - 1), first + 1):
        return None
    doc = finder.doc
    if _is_cue_word(doc[first]):
        cue, start = doc[first], first + 1
        name = _name_from(finder, start, last=True)
    else:
        start = first
        name = _name_from(finder, start)
        if name is None or name.i + 1 >= len(doc) or not _is_cue_word(doc[name.i + 1]):
            return None
        cue = doc[name.i + 1]
    if name is None:
        return None
    # A pronoun is resolved as a subject; a name by its words (the parse may hang the cue in it).
    named = (
        None
        if name.i == start and name.lower_ in SUBJECT_PRONOUNS
        else (doc[start].idx, name.idx + len(name))
    )
    return Frame(region, cue, name, "direct", None, "adjacent-cue", named)


def _first_word(finder: FrameFinder, char: int) -> int | None:
    i = finder.first_token_from(char)
    doc = finder.doc
    while i is not None and i < len(doc) and (doc[i].is_punct or doc[i].is_space):
        if "\n" in doc[i].text:
            return None
        i += 1
    return i if i is not None and i < len(doc) and not finder.quoted[i] else None


def _is_cue_word(token: Token) -> bool:
    return token.lower_ in CUE_LEMMAS and not token.text[:1].isupper()


def _name_from(finder: FrameFinder, i: int, last: bool = False) -> Token | None:
    """The end of a name (or a subject pronoun) in the phrase starting at token ``i``.

    The phrase opens with a capital and runs over words to the next punctuation. After the cue
    its last person or organisation speaks ("Kasich spokesman Chris Schrimpf"); before the cue,
    its first ("Trump assured Jones": the cue must follow that name at once).
    """
    doc = finder.doc
    if i >= len(doc) or finder.quoted[i] or not doc[i].text[:1].isupper():
        return None
    if doc[i].lower_ in SUBJECT_PRONOUNS:
        return doc[i]
    end = i
    while end < len(doc) and end - i < NAME_MAX and doc[end].is_alpha and not finder.quoted[end]:
        end += 1
    named = [t for t in doc[i:end] if t.ent_type_ in NAME_LABELS]
    if not named:
        return None
    if last:
        return named[-1]
    name = named[0]
    while name.i + 1 < end and doc[name.i + 1].ent_iob_ == "I":
        name = doc[name.i + 1]
    return name
