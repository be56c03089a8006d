"""What the parse decides: which candidates are not numbers here, and which noun phrase is counted.

Dates, clock times and durations are the dates plugin's; "one of the" and "first" as an adverb are
words, not numbers; "Article 370" is a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from annotator_numbers.lexicon import ORDINALS, TIME_UNITS
from annotator_numbers.scanner import Candidate

MODIFIER_DEPS = frozenset({"nummod", "amod", "quantmod", "compound", "nmod", "npadvmod", "det", "advmod"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "appos"})
DEICTIC = frozenset({"last", "next", "this", "that", "previous", "coming", "past"})
ORDINAL_DEPS = frozenset({"amod", "nsubj", "dobj", "pobj", "attr", "appos"})
NOT_IN_COUNTED = frozenset({"det", "poss", "predet", "case", "punct", "nummod", "quantmod", "cc", "prep"})


@dataclass
class Counted:
    """The counted noun phrase: text, character offsets and token range."""

    text: str
    start: int
    end: int
    tokens: list[int]


def tokens_of(parsed: Doc, start: int, end: int) -> list[Token]:
    """The tokens that overlap ``[start, end)``."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def anchor(tokens: list[Token]) -> Token | None:
    """The token that attaches the amount to the sentence: the last one whose head lies outside it."""
    if not tokens:
        return None
    first, last = tokens[0].i, tokens[-1].i
    outside = [t for t in tokens if not first <= t.head.i <= last or t.head.i == t.i]
    return outside[-1] if outside else tokens[-1]


def amount_tokens(cand: Candidate, parsed: Doc) -> list[Token]:
    """The tokens of the amount (of the whole range for ranges), shared by ``excluded`` and ``counted``."""
    return tokens_of(parsed, cand.amount.start, cand.end if cand.rule == "range" else cand.amount.end)


def excluded(cand: Candidate, tokens: list[Token], text: str) -> bool:
    """True when the candidate, whose amount's tokens are ``tokens``, is not a number this layer reports."""
    if cand.temporal:
        return True
    root = anchor(tokens)
    if root is None:
        return False
    raw = text[cand.amount.start : cand.amount.end].lower()
    checks = (_is_year, _is_duration, _is_pronoun_one, _is_name, _is_adverb_ordinal, _is_period_half)
    return any(check(cand, root, raw) for check in checks)


def _is_year(cand: Candidate, root: Token, raw: str) -> bool:
    if not cand.year_like:
        return False
    nxt = root.nbor(1) if root.i + 1 < len(root.doc) else None
    return not (nxt is not None and nxt.tag_ == "NNS" and root.head.i == nxt.i)


def _is_duration(cand: Candidate, root: Token, raw: str) -> bool:
    if cand.kind not in ("cardinal",):
        return False
    head = root.head
    if not (root.dep_ in MODIFIER_DEPS and head.i > root.i and head.lower_ in TIME_UNITS):
        return False
    # "grew by two million last year": the time unit is the date's ("last year"), not counted.
    return not any(t.lower_ in DEICTIC for t in root.doc[root.i + 1 : head.i])


def _is_pronoun_one(cand: Candidate, root: Token, raw: str) -> bool:
    if raw != "one":
        return False
    following = root.nbor(1).lower_ if root.i + 1 < len(root.doc) else ""
    return root.dep_ != "nummod" or following == "of"


def _is_name(cand: Candidate, root: Token, raw: str) -> bool:
    """ "Article 370", "Resolution 2593", "Boeing 737": a number right after the name it belongs to."""
    if not cand.amount.digits or root.i == 0 or cand.qualifier or cand.kind == "money":
        return False
    before = root.doc[root.i - 1]
    return before.tag_ in ("NNP", "NN") and before.is_title and root.head.i == before.i


def _is_adverb_ordinal(cand: Candidate, root: Token, raw: str) -> bool:
    """ "came first", "First, the minister...": an ordinal word as an adverb, not a number.

    Compound ordinals ("twenty-fifth") are never adverbs, and an ordinal that is the whole sentence
    (a heading or an answer: "Ninetieth.") is the number.
    """
    if cand.kind != "ordinal" or cand.amount.digits or cand.value > 10:
        return False
    if root.dep_ == "ROOT" and _whole_sentence(root, cand):
        return False
    if root.dep_ == "advmod" and root.head.tag_ in ("JJ", "JJS", "RBS"):
        return False  # "the fifth most populous country"
    return root.tag_ not in ("JJ", "JJS") or root.dep_ not in ORDINAL_DEPS


def _whole_sentence(root: Token, cand: Candidate) -> bool:
    words = [t for t in root.sent if not t.is_punct and t.dep_ != "det"]
    return all(cand.amount.start <= t.idx < cand.amount.end for t in words)


def _is_period_half(cand: Candidate, root: Token, raw: str) -> bool:
    """ "the second half of the year" is a period, not a fraction."""
    return raw == "half" and root.i > 0 and root.doc[root.i - 1].lower_ in ORDINALS


def counted(tokens: list[Token]) -> Counted | None:
    """The noun phrase the amount whose tokens are ``tokens`` counts or orders, from the dependency parse."""
    root = anchor(tokens)
    if root is None:
        return None
    head = _counted_head(root, tokens[-1].i)
    if head is None:
        return None
    left, right = _extent(head, tokens[-1].i)
    doc = root.doc
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    # doc[left:right + 1].text, not doc.text[...]: Doc.text rebuilds the whole string on each access.
    return Counted(doc[left : right + 1].text, start, end, [left, right + 1])


def _counted_head(root: Token, last: int) -> Token | None:
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.i > last:
        if head.tag_ in ("JJ", "JJS", "JJR") and head.dep_ == "amod" and head.head.i > head.i:
            head = head.head  # "fifth most populous country"
        if _nominal(head):
            return head
    for prep in root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _nominal(token: Token) -> bool:
    """A noun, or an adjective used as one ("57 wounded", "the displaced")."""
    return token.tag_.startswith("NN") or (token.tag_ in ("JJ", "VBN") and token.dep_ in NOMINAL_DEPS)


def _extent(head: Token, last: int) -> tuple[int, int]:
    """Token range of the counted phrase: the head, its modifiers after the amount, bare conjuncts."""
    left = head.i
    for child in head.lefts:
        if child.i > last and child.dep_ not in NOT_IN_COUNTED:
            left = min(left, child.left_edge.i)
    while left < head.i and head.doc[left].dep_ in NOT_IN_COUNTED:
        left += 1
    right = head.i
    for conj in head.conjuncts:
        if (
            conj.i > right
            and conj.tag_.startswith("NN")
            and not any(c.dep_ == "nummod" for c in conj.children)
        ):
            right = conj.i
        else:
            break
    return max(left, last + 1), _list_end(head.doc, right)


def _list_end(doc: Doc, right: int) -> int:
    """Last token of ", civilians and militants" when the parser split a list of bare plural nouns."""
    i = right + 1
    while i < len(doc) and (doc[i].text == "," or doc[i].lower_ in ("and", "or")):
        closing = doc[i].lower_ in ("and", "or")
        j = i + 1
        if not closing and j < len(doc) and doc[j].lower_ in ("and", "or"):
            closing, j = True, j + 1
        if j >= len(doc) or not _bare_plural(doc[j]):
            break
        if closing:
            return j
        i = j + 1
    return right


def _bare_plural(token: Token) -> bool:
    return token.tag_ == "NNS" and not any(c.dep_ == "nummod" for c in token.children)
