"""Frames without a listed cue: the verb a quote hangs from, a name before a colon, a colon paragraph.

News attributes quotes with more verbs than any list holds ("Oliver barked", "the team cited",
"Mr. Christie gloated:"). When no cue is found for a quote that reads as speech (not a short
fragment), it is still attributed when the parse hangs it from a verb with an unquoted subject,
when a name stands right before its colon ("- Michael P. McDonald: “...”"), or when it opens a
paragraph after a paragraph that ends in a colon ("Cruz continued:" / "he declared in 1963:").
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator_quotes.cues import subject_of
from annotator_quotes.frames import Frame, FrameFinder
from annotator_quotes.marks import Region

CLIMB_MAX = 6  # heads walked up from the quote's root to the verb outside it
BESIDE = frozenset({"parataxis", "ccomp", "advcl"})  # a frame verb the parser hung from the quote
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def open_frame(finder: FrameFinder, region: Region) -> Frame | None:
    """The first of the three frames that applies to ``region``, or None."""
    return (
        _verb_frame(finder, region) or _name_colon_frame(finder, region) or _colon_paragraph(finder, region)
    )


def _verb_frame(finder: FrameFinder, region: Region) -> Frame | None:
    """The quote hangs from (or carries) an unquoted verb that has an unquoted subject."""
    root = finder.quote_root(region)
    if root is None:
        return None
    for verb in (_verb_above(finder, root), _verb_beside(finder, root, region)):
        subject = _speaking_subject(finder, verb, region) if verb is not None else None
        if verb is not None and subject is not None:
            return Frame(region, verb, subject, "direct", None, "verb-frame")
    return None


def _verb_above(finder: FrameFinder, root: Token) -> Token | None:
    """The first unquoted head above the quote's root, when it is (or leads up to) a verb."""
    node = root
    for _ in range(CLIMB_MAX):
        if node.head.i == node.i:
            return None
        node = node.head
        if not finder.quoted[node.i]:
            return node if node.pos_ == "VERB" else (None if node.pos_ not in {"ADP", "NOUN"} else _up(node))
    return None


def _up(node: Token) -> Token | None:
    """The verb a preposition or noun outside the quote hangs from ('thanked him for “...”')."""
    for _ in range(2):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB":
            return node
    return None


def _verb_beside(finder: FrameFinder, root: Token, region: Region) -> Token | None:
    """An unquoted verb the parser hung from the quote's root, next to the quote (“...,” he barked)."""
    for child in root.children:
        if child.dep_ in BESIDE and child.pos_ == "VERB" and not finder.quoted[child.i]:
            if child.idx >= region.outer_end and child.idx - region.outer_end <= 40:
                return child
    return None


def _speaking_subject(finder: FrameFinder, verb: Token, region: Region) -> Token | None:
    """The verb's subject outside the quotes, when it is a noun, a name or a personal pronoun."""
    subject = finder.unquoted_subject(subject_of(verb), verb, region)
    if subject is None or finder.quoted[subject.i] or subject.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    return None if subject.lower_ in {"this", "that", "which", "what", "there"} else subject


def _name_colon_frame(finder: FrameFinder, region: Region) -> Frame | None:
    """A name ending right before the colon that opens the quote ('Jeffrey M. Jones: “...”')."""
    before = finder.text[max(0, region.outer_start - 3) : region.outer_start]
    if ":" not in before:
        return None
    colon = finder.text.rfind(":", 0, region.outer_start)
    tokens = finder.token_range(max(0, colon - 1), colon)
    if tokens is None:
        return None
    last = finder.doc[tokens[0]]
    if last.ent_type_ in NAME_LABELS and not finder.quoted[last.i]:
        return Frame(region, None, last, "direct", None, "name-colon")
    return None


def _colon_paragraph(finder: FrameFinder, region: Region) -> Frame | None:
    """A quote opening a paragraph after one ending in a colon takes that paragraph's attribution."""
    idx = finder.paragraph_index(region.outer_start)
    if idx is None or idx == 0 or finder.text[finder.paragraphs[idx][0] : region.outer_start].strip():
        return None
    lo, hi = finder.paragraphs[idx - 1]
    if not finder.text[lo:hi].rstrip().endswith(":"):
        return None
    tokens = finder.token_range(lo, hi)
    if tokens is None:
        return None
    start, end = finder.sentence(tokens[-1])
    start = max(start, tokens[0])
    cues = [finder.doc[i] for i in finder.cues_between(start, end) if not finder.quoted[i]]
    verbs = cues or [t for t in finder.doc[start:end] if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}]
    for verb in reversed(verbs):
        subject = subject_of(verb)
        if subject is not None and not finder.quoted[subject.i]:
            return Frame(region, verb, subject, "direct", None, "colon-paragraph")
    return None
