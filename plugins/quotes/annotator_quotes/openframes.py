"""Frames without a listed cue: the verb a quote hangs from, a colon, a credit line.

News attributes quotes with more verbs than any list holds ("Oliver barked", "the team cited",
"Mr. Christie gloated:"). When no cue is found for a quote that reads as speech (not a short
fragment), it is still attributed when the parse hangs it from a verb with an unquoted subject
(or hangs such a verb from it, next to its marks); when a name stands right before its colon
("- Michael P. McDonald: “...”"); when a colon ends the clause before it, in its paragraph or
ending the previous one ("Cruz continued:" / "he declared in 1963:"); or when a credit line of
its own follows its paragraph ("- Bernie Sanders.").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from annotator_quotes.credits import credit_line
from annotator_quotes.cues import VERB_DEPS, subject_of
from annotator_quotes.frame_subjects import reports_other
from annotator_quotes.frames import Frame, FrameFinder
from annotator_quotes.marks import Region

CLIMB_MAX = 6  # heads walked up from the quote's root to the verb outside it
BESIDE = frozenset({"parataxis", "ccomp", "advcl"})  # a frame verb the parser hung from the quote
BESIDE_CHARS = 40  # how far from the quote's marks such a verb may stand
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NOT_SPEAKERS = frozenset({"this", "that", "which", "what", "there", "here"})
NOMINAL = frozenset({"prep", "dobj", "pobj", "agent", "dative"})  # a step between a quote and its verb
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
EARLY_WORDS = 4  # the subject and its verb open the trailing sentence
DASHED = re.compile(r"\s[—–-]{1,2}\s")


def open_frame(finder: FrameFinder, region: Region) -> Frame | None:
    """The first of the three frames that applies to ``region``, or None."""
    return (
        _verb_frame(finder, region)
        or _trailing_verb(finder, region)
        or _name_colon_frame(finder, region)
        or _colon_frame(finder, region)
        or credit_line(finder, region)
    )


def _verb_frame(finder: FrameFinder, region: Region) -> Frame | None:
    """The quote hangs from (or carries) an unquoted verb that has an unquoted subject."""
    root = finder.quote_root(region)
    if root is None:
        return None
    lo = finder.paragraph_of(region.outer_start)[0]
    hi = finder.paragraph_of(max(region.outer_start, region.outer_end - 1))[1]
    for verb in (_verb_above(finder, root), _verb_beside(finder, root, region)):
        subject = _speaking_subject(finder, verb, region) if verb is not None else None
        # The parse runs sentences across line breaks: the frame must be in the quote's paragraph.
        if verb is not None and subject is not None and all(lo <= t.idx < hi for t in (verb, subject)):
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
            return node if _verbal(node) else (_up(node) if node.dep_ in NOMINAL else None)
    return None


def _up(node: Token) -> Token | None:
    """The verb a preposition or noun outside the quote hangs from ('thanked him for “...”')."""
    for _ in range(2):
        if node.head.i == node.i:
            return None
        node = node.head
        if _verbal(node):
            return node
    return None


def _verb_beside(finder: FrameFinder, root: Token, region: Region) -> Token | None:
    """An unquoted verb the parser hung from the quote's root, next to the quote (“...,” he barked)."""
    for child in root.children:
        if child.dep_ in BESIDE and _verbal(child) and not finder.quoted[child.i]:
            gap = (
                child.idx - region.outer_end
                if child.idx >= region.outer_end
                else region.outer_start - child.idx
            )
            if gap <= BESIDE_CHARS:
                return child
    return None


def _speaking_subject(finder: FrameFinder, verb: Token, region: Region) -> Token | None:
    """The verb's subject outside the quotes, when it is a noun, a name or a personal pronoun."""
    subject = finder.unquoted_subject(subject_of(verb), verb, region)
    if subject is None or finder.quoted[subject.i] or not subject.is_alpha:
        return None
    return None if subject.lower_ in NOT_SPEAKERS else subject


def _trailing_verb(finder: FrameFinder, region: Region) -> Frame | None:
    """A sentence right after the closing mark that opens with a name or pronoun and its verb.

    '“You know, it happens, right?” Trump went on, as if he didn't hear her.': the parser ends
    the sentence at the "?", and "went on" is no listed cue.
    """
    tokens = finder.token_range(region.outer_start, region.outer_end)
    after = finder.first_token_from(region.outer_end)
    if tokens is None or after is None or after != finder.sentence(tokens[-1])[1]:
        return None
    start, end = finder.sentence(after)
    if finder.line_break_in(tokens[-1], min(end, after + 1)):
        return None
    first = finder.doc[start]
    subject = first if first.dep_ in SUBJECTS else None
    if subject is None and first.head.dep_ in SUBJECTS and first.head.i < start + EARLY_WORDS:
        subject = first.head
    if subject is None or not (
        subject.ent_type_ in {"PERSON", "ORG"} or subject.is_title or subject.lower_ in PRONOUNS
    ):
        return None
    verb = subject.head
    if verb.i >= start + EARLY_WORDS + 1 or not _verbal(verb) or finder.quoted[verb.i]:
        return None
    if reports_other(finder, verb, region):
        return None
    return Frame(region, verb, subject, "direct", None, "trailing-verb")


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
    # "celebrated the attacks on Twitter:" names a channel, not a speaker; "Frank quotes X:" the quoter.
    if last.ent_type_ in NAME_LABELS and not finder.quoted[last.i] and last.dep_ not in {"pobj", "dobj"}:
        return Frame(region, None, last, "direct", None, "name-colon")
    return None


def named_after_dash(finder: FrameFinder, region: Region, frame: Frame) -> Frame:
    """A colon frame whose cue stands before a dash and a name: the name speaks.

    'Pollsters agree - Carl Bialik: “...”': the words before the dash are the writer's heading
    (the parse takes the name for their object), the name right before the colon says whose
    words follow.
    """
    if frame.rule != "colon" or frame.cue is None or frame.cue.idx >= region.outer_start:
        return frame
    colon = finder.text.rfind(":", frame.cue.idx, region.outer_start)
    dash = DASHED.search(finder.text, frame.cue.idx, max(colon, 0))
    tokens = finder.token_range(max(0, colon - 1), colon) if colon > 0 and dash else None
    if tokens is None:
        return frame
    last = finder.doc[tokens[0]]
    words = finder.text[dash.end() : colon].split() if dash else []
    named = last.ent_type_ in NAME_LABELS or all(w[:1].isupper() for w in words)
    if not named or not 0 < len(words) <= 4 or finder.quoted[last.i]:
        return frame
    return Frame(region, None, last, "direct", None, "name-colon")


def _colon_frame(finder: FrameFinder, region: Region) -> Frame | None:
    """A quote after a colon takes the subject of the clause the colon ends.

    The colon is right before the quote in its paragraph ("Clinton has since apologized: “...”"),
    or it ends the previous paragraph when the quote opens its own ("Cruz continued:").
    """
    colon = _colon_before(finder, region)
    if colon is None:
        return None
    start, _ = finder.sentence(colon.i)
    lo = finder.paragraph_of(colon.idx)[0]
    cues = [finder.doc[i] for i in finder.cues_between(start, colon.i) if not finder.quoted[i]]
    cues = [c for c in cues if c.idx >= lo]
    head = colon.head if colon.head.i < colon.i else None
    verbs = cues or ([head] if head is not None and _verbal(head) else [])
    for verb in reversed(verbs):
        subject = subject_of(verb)
        if subject is not None and not finder.quoted[subject.i] and subject.idx >= lo:
            return Frame(region, verb, subject, "direct", None, "colon-clause")
    return None


def _colon_before(finder: FrameFinder, region: Region) -> Token | None:
    """The colon token just before the quote, in its paragraph or ending the previous one."""
    idx = finder.paragraph_index(region.outer_start)
    if idx is None:
        return None
    plo = finder.paragraphs[idx][0]
    before = finder.text[plo : region.outer_start].rstrip()
    if not before and idx > 0:
        lo, hi = finder.paragraphs[idx - 1]
        before, at = finder.text[lo:hi].rstrip(), lo
    else:
        at = plo
    if not before.endswith(":"):
        return None
    tokens = finder.token_range(at + len(before) - 1, at + len(before))
    token = finder.doc[tokens[0]] if tokens else None
    return token if token is not None and token.text == ":" else None


def _verbal(token: Token) -> bool:
    """Whether a token heads a clause (has a subject, or the label of a verb): the quotes plugin
    needs no tagger, so part-of-speech tags are not there to ask."""
    return token.dep_ in VERB_DEPS or any(c.dep_ in SUBJECTS for c in token.children)
