"""Quoted terms a speaker names something with: 'Mr. Hedge called it ''the prior economy model'''.

A short quoted term with no speech cue is a scare quote, unless a naming verb (call, dub, label,
brand, term) with a subject of its own attributes it: the subject coined or used the words
("Trump called the system “rigged”", "Rubio, who he dubbed “the little senator”"), so the term
is a direct quote of that subject, the convention of the project's gold ('Critics called the
plan a “fig leaf”') and of PolNeAR's. In the passive the agent names ("has been called
“strategic ambiguity” by Joshua Hendrick"); a naming verb without either ("a group called
“We The People”") names a thing, and its term stays unattributed.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator_quotes.frames import Frame, FrameFinder
from annotator_quotes.marks import Region

NAMING_FORMS = frozenset(
    """call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling
    labelling brand brands branded branding term terms termed nickname nicknamed""".split()
)
OBJECT_MAX = 5  # words of the named thing between the verb and the term ("called the system")


def naming_frame(finder: FrameFinder, region: Region) -> Frame | None:
    """The naming verb right before the quoted term, with its subject (or passive agent), or None."""
    verb = _naming_verb(finder, region)
    if verb is None:
        return None
    subject = _namer(verb) or _agent_after(finder, region)
    if subject is None or finder.quoted[subject.i]:
        return None
    lo, hi = finder.paragraph_of(region.outer_start)
    if not (lo <= verb.idx < hi and lo <= subject.idx < hi):
        return None
    return Frame(region, verb, subject, "direct", None, "naming")


def _naming_verb(finder: FrameFinder, region: Region) -> Token | None:
    """A naming verb at most a short object phrase before the opening mark, in the same clause.

    Looked for by position rather than through the parse, which hangs the term anywhere (as a
    clause of the object, a relative clause of the term ...).
    """
    tokens = finder.token_range(region.outer_start, region.outer_start + 1)
    if tokens is None:
        return None
    first = tokens[0]  # the opening mark's token ("''" starts a character before the content)
    doc = finder.doc
    for i in range(first - 1, max(-1, first - OBJECT_MAX - 2), -1):
        token = doc[i]
        if finder.quoted[i] or "\n" in token.text or (token.is_punct and token.text not in "'’"):
            return None
        if token.lower_ in NAMING_FORMS:
            return None if i + 1 < first and doc[i + 1].lower_ == "for" else token
    return None


def _agent_after(finder: FrameFinder, region: Region) -> Token | None:
    """The name after 'by' right behind the term: '... “strategic ambiguity” by Joshua Hendrick'."""
    after = finder.first_token_from(region.outer_end)
    doc = finder.doc
    if after is None or after + 1 >= len(doc) or doc[after].lower_ != "by":
        return None
    names = [t for t in doc[after + 1 : after + 5] if t.ent_type_ in {"PERSON", "ORG"}]
    if not names:
        return None
    last = names[0]
    while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I":
        last = doc[last.i + 1]
    return last


def _namer(verb: Token) -> Token | None:
    """The verb's own subject, or the agent of its passive; a named thing's verb has neither."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
