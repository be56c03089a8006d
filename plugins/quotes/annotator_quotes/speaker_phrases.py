"""The words that name a speaker: the subject phrase, the owner of a message noun, name words.

Split from :mod:`speakers` (which links these phrases to entities); everything here reads the
parse of one phrase and nothing of the document.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from annotator_quotes.lexicon import MESSAGE_NOUNS

RIGHT_KEEP = frozenset({"prep", "amod", "nummod", "compound", "nmod"})
# A closing mark glued to the next word ("paranoia,”Clinton"): after punctuation, so a curly
# possessive apostrophe ("Clinton’s slogan") is no mark.
QUOTE_GLUE = re.compile(r"(?<=[,.?!])[”\"’]+(?=\w)")
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "my", "our", "your"})


def message_owner(head: Token) -> Token | None:
    """The possessor or the named compound of a message noun ("Clinton's statement", "IMF report")."""
    if head.lower_ not in MESSAGE_NOUNS:
        return None
    # Only a word of the subject's own phrase, on its line (the parse runs across headlines).
    near = [c for c in head.lefts if "\n" not in head.doc[c.left_edge.i : head.i].text]
    for child in near:
        if child.dep_ == "poss" and child.lower_ not in POSSESSIVE_PRONOUNS:
            return child
    for child in near:
        if child.dep_ == "compound" and child.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
            return child
    return None


def message_holder(noun: Token) -> Token | None:
    """Who shows a message that speaks: 'Pelletier hoisted a sign that read “15%!”' -> Pelletier.

    A message noun ("sign", "video", "caption") that is the object of a verb with a subject is
    that subject's: the words it reads or says are credited to whoever held, released or
    added it, not to the relative pronoun that introduces them.
    """
    if noun.lower_ not in MESSAGE_NOUNS or noun.dep_ != "dobj":
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def strip_possessive(text: str) -> str:
    """The owner's words without their possessive ending ("The committee’s" -> "The committee")."""
    return re.sub(r"\s*['’]s?$", "", text)


def name_words(text: str) -> set[str]:
    return {w.lower().strip(".,") for w in text.split() if not re.fullmatch(r"[A-Z]\.?", w)}


def core_phrase(head: Token) -> str:
    """The subject phrase without appositives and relative clauses: 'Hugh Hill', 'one senior official'."""
    doc = head.doc
    end = head.i + 1
    for child in head.rights:
        if child.dep_ not in RIGHT_KEEP or child.i != end:
            break
        end = child.right_edge.i + 1
        cut = next((t.i for t in doc[child.i : end] if t.text == "," or t.dep_ == "relcl"), None)
        if cut is not None:  # "an adviser to Trump, who declined ...": the relative clause is not the name
            end = cut
            break
    start = head.left_edge.i
    breaks = [t.i + 1 for t in doc[start : head.i] if "\n" in t.text or t.text == ","]
    start = max([start, *breaks])
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    phrase = doc[start:end].text
    # A closing mark glued to the next word ('paranoia,”Clinton') is one token: keep what follows it.
    return QUOTE_GLUE.split(phrase)[-1] if QUOTE_GLUE.search(phrase) else phrase
