"""Where a verb's tag misleads about the tense of the narration around a date.

Two cases seen in TimeML news. A verb on the other side of a quotation mark belongs to the speaker,
not the narration ("Wechsler on Thursday: ``it is wrong''" reports what was said Thursday, so the
quote's "is" must not move Thursday ahead). And a verb whose past is spelled like its present
("hurt", "cut", "set") tagged VBP under a singular subject is past: the present would be VBZ
("weakness in tech stocks hurt the index on Friday").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

QUOTE_TAGS = frozenset({"``", "''"})
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''", "`", "„"})
# Verbs whose simple past is spelled like the base form (and so like the VBP present).
INVARIANT_PAST = frozenset(
    {"hurt", "cut", "put", "set", "hit", "cost", "let", "quit", "shut", "spread", "split", "bid",
     "cast", "burst", "shed", "thrust", "upset", "beat", "rid", "forecast", "broadcast", "read"}
)  # fmt: skip
# Subjects that take the VBP present without being plural ("I cut", "you hit").
VBP_PRONOUNS = frozenset({"i", "you", "we", "they", "these", "those"})


def across_quote(span: Span, verb: Token) -> bool:
    """Whether a quotation mark stands between the expression ``span`` and its governing ``verb``."""
    doc = span.doc
    between = range(span.end, verb.i) if verb.i >= span.end else range(verb.i + 1, span.start)
    return any(_is_quote(doc[i]) for i in between)


def _is_quote(token: Token) -> bool:
    return token.tag_ in QUOTE_TAGS or token.text in QUOTE_MARKS


def invariant_past(verb: Token) -> bool:
    """A VBP "hurt"/"cut"/"set" whose subject is singular: the present would be VBZ, so it is past."""
    if verb.tag_ != "VBP" or verb.lower_ not in INVARIANT_PAST:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return len(subjects) == 1 and _singular(subjects[0])


def _singular(subject: Token) -> bool:
    """A singular noun or third-person pronoun, not one coordinated with another ("A and B")."""
    if any(c.dep_ == "conj" for c in subject.children):
        return False
    if subject.tag_ == "PRP":
        return subject.lower_ in ("he", "she", "it")
    return subject.tag_ in ("NN", "NNP") and subject.lower_ not in VBP_PRONOUNS
