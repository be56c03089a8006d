"""Evidence against a mention in a title-case heading, where capitals do not mark names.

"Clashes and Ceasefire Breakdown" capitalises common words; "Pakistan Blames Kabul" and
"Ceasefire Talks Resume in Cairo" hold real names. A heading's mention is turned away only when
everything speaks against it: the document does not name it anywhere else and each of its words
is a common word. A word is common when the dictionary lists it in lower case only: Webster's
Second (the ``web2`` list of the ``english-words`` package) spells proper names with their
capital ("Cairo", "Jordan", "Paris"), so "breakdown" is common and "Cairo" is not. WordNet's
lemma index, which spaCy ships, cannot tell them apart: it lower-cases "london" and "clinton".
"""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from annotator_entities.mentions import Mention

INFLECTIONS = ("s", "es", "ies", "ed", "d", "ing")
HEADING_RULE = "heading"  # its label weighs less in the vote: capitals mislead the model there
MIN_PART = 4  # the shortest part of a closed compound ("ceasefire" = "cease" + "fire", not "mad" + "rid")


@dataclass(frozen=True)
class Lexicon:
    """Lower-case forms of the dictionary's common words and of its capitalised (proper) ones."""

    common: frozenset[str]
    proper: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.common)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """``web2`` read once: words listed in lower case only, and words listed with a capital."""
    data = resources.files("english_words") / "data" / "web2.pickle"
    with data.open("rb") as f:
        words: set[str] = pickle.load(f)  # the package's own data file, read as its loader does
    # Set operations over C-level filters: the same two sets as testing each word in Python,
    # in about two thirds of the setup time (most of what is left is reading the pickle).
    lower = frozenset(filter(str.islower, words))
    proper = frozenset(w.lower() for w in words.difference(lower) if w[:1].isupper())
    return Lexicon(lower - proper, proper)


def is_common(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` (any case) is a common word, an inflection of one, or two joined ("Ceasefire")."""
    w = word.lower().strip(".,:;'’\"").replace("-", "")
    if w in lex.proper:
        return False  # "Paris", not the plural of "pari"
    return _known(w, lex.common) or any(
        _known(w[:i], lex.common) and _known(w[i:], lex.common)
        for i in range(MIN_PART, len(w) - MIN_PART + 1)
    )


def _known(w: str, common: frozenset[str]) -> bool:
    """``w`` or its stem without an inflection ("clashes", "talks", "deepens", "stranded")."""
    if w in common:
        return True
    for suffix in INFLECTIONS:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if stem in common or (suffix == "ies" and stem + "y" in common):
                return True
    return False


def weigh_heading(m: Mention, text: str, lex: Lexicon | None) -> Mention | None:
    """A heading mention as kept: None when evidence is against it, less a leading common word.

    A kept mention's label weighs less in its entity's vote (rule ``heading``). A headline verb
    glued to its object ("Blames Kabul") loses its common leading words when the rest is named
    elsewhere in the document and the whole is not.
    """
    again = text.count(m.text) > 1  # one scan of the text, read by both tests
    if _against(m, lex, again):
        return None
    m = Mention(
        m.start, m.end, m.text, m.label, HEADING_RULE if m.rule == "model" else m.rule, m.kb_id, m.canonical
    )
    if lex is None or again:
        return m
    words = list(re.finditer(r"\S+", m.text))
    for i, w in enumerate(words[:-1]):
        if not is_common(w.group(), lex):
            break
        rest = m.text[words[i + 1].start() :]
        if text.count(rest) > 1:
            start = m.start + words[i + 1].start()
            return Mention(start, m.end, rest, m.label, m.rule, m.kb_id, m.canonical)
    return m


def against(m: Mention, text: str, lex: Lexicon | None) -> bool:
    """Whether a heading mention is common words capitalised, with no other mention in the text."""
    return _against(m, lex, text.count(m.text) > 1)


def _against(m: Mention, lex: Lexicon | None, named_again: bool) -> bool:
    """``against``, given whether the text names ``m`` more than once."""
    if not lex or named_again:
        return False
    words = [w for w in m.text.split() if any(ch.isalpha() for ch in w)]
    return bool(words) and all(is_common(w, lex) for w in words)
