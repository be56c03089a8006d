"""Mentions before clustering: the statistical model's entities, cleaned into whole bare names.

Cleaning drops spans that cross a line break (a heading glued to the next line), spans made only
of title words ("Defence", "Supreme"), single-letter people ("X."), and extends a span over a
name chained with short connectors ("Tehrik" -> "Tehrik-i-Taliban").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from annotator.intervals import IntervalIndex
from annotator_entities.trimming import TITLES, trim

# "Tehrik-i-Taliban", "Tehreek-e-Taliban", "Lashkar-e-Taiba": capitalised parts joined by short connectors.
NAME_CHAIN = re.compile(r"[A-Z][\w’']*(?:-[a-z]{1,3}-[A-Z][\w’']*)+")
# Every chain holds one of these links; searching for them first is fast (a literal "-" leads).
CHAIN_LINK = re.compile(r"-[a-z]{1,3}-[A-Z]")
TITLE_ONLY = TITLES | {"supreme", "leader", "acting", "senior", "fellow", "ministry", "minister"}

PORTFOLIO_HEADS = frozenset({"minister", "secretary", "commissioner", "spokesman", "spokesperson"})

PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})
PLACE_NOUNS = frozenset(
    {"district", "province", "region", "crossing", "city", "valley", "area", "town", "village", "border"}
)

# Weights in the document-level label vote, by what produced the mention.
WEIGHTS = {
    "joined": 1.0,
    "gazetteer": 5.0,
    "acronym": 2.0,
    "alias": 1.0,
    "demonym": 2.0,
    "model": 1.0,
    "document": 0.0,
    "caps": 0.25,
    "heading": 0.5,
    "dateline": 2.0,
}


@dataclass(slots=True)
class Mention:
    """One candidate mention: where it is, its proposed label and what proposed it.

    Slotted: tens of them are made and read per article, and slots make both cheaper.
    """

    start: int
    end: int
    text: str
    label: str
    rule: str = "model"
    kb_id: str | None = None
    canonical: str | None = None
    cue: str | None = None  # a label the words around the mention speak for (see ``contexts``)
    cue_weight: float = 0.0

    @property
    def weight(self) -> float:
        """How much this mention's label counts in its entity's vote."""
        return WEIGHTS.get(self.rule, 1.0)

    def overlaps(self, other: Mention) -> bool:
        """Whether the two mentions share any character."""
        return self.start < other.end and other.start < self.end


def model_mentions(parsed: Doc, labels: set[str], text: str | None = None) -> list[Mention]:
    """The model's entities with the wanted labels, cleaned into bare names.

    Pass the document's ``text`` when at hand: spaCy rebuilds ``Doc.text`` from its tokens.
    """
    text = parsed.text if text is None else text
    chains = [(m.start(), m.end()) for m in NAME_CHAIN.finditer(text)] if CHAIN_LINK.search(text) else []
    chain_ends = [end for _, end in chains]
    found: list[Mention] = []
    for ent in parsed.ents:
        label = ent.label_
        if label not in labels or text.find("\n", ent.start_char, ent.end_char) >= 0:
            continue
        tokens = list(ent)  # the span's own iteration: every ``doc[i]`` would build a new Token
        bounds = name_bounds(tokens, label, text)
        if bounds is None:
            continue
        a, b = bounds
        start, end = tokens[a].idx, tokens[b - 1].idx + len(tokens[b - 1])
        if chains:
            start, end = _extend(start, end, chains, chain_ends)
        if label == "PERSON" and _place_context(parsed, ent.start + a, ent.start + b):
            label, rule = "GPE", "context"
        else:
            rule = "model"
        found.append(Mention(start, end, text[start:end], label, rule))
    return _join_group_names(text, _dedupe(found))


def name_bounds(tokens: list[Token], label: str, text: str) -> tuple[int, int] | None:
    """Token bounds of the trimmed name in an entity's ``tokens``, or None when it is not a name.

    Titles alone, a single-letter person ("X.") and a minister's portfolio are not names. It runs
    on every entity the model finds, so the tests read each token attribute once and the rare
    cases (a portfolio needs a one-word ORG) are ruled out before any token is built.
    """
    bounds = trim(tokens, 0, len(tokens), label, text)
    if bounds is None:
        return None
    a, b = bounds
    for i in range(a, b):
        if tokens[i].lower_.rstrip(".") not in TITLE_ONLY:
            break
    else:
        return None  # titles only ("Defence", "Supreme")
    first = tokens[a]
    if label == "ORG" and b - a == 1 and _portfolio(first):
        return None
    if label == "PERSON" and len(text[first.idx : tokens[b - 1].idx + len(tokens[b - 1])].strip(".")) <= 1:
        return None  # a single-letter person ("X.")
    return a, b


def _portfolio(token: Token) -> bool:
    """A one-word 'organisation' that is a minister's portfolio: "Commerce" in "Commerce Secretary"."""
    if token.is_upper or token.i + 1 >= len(token.doc):
        return False
    nxt = token.nbor()
    return nxt.lower_ in PORTFOLIO_HEADS and nxt.is_title


def _place_context(doc: Doc, start: int, end: int) -> bool:
    """A "person" (tokens ``start``-``end``) in a place's context: "in Kyiv", "the Kurram district"."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return (before in PLACE_PREPOSITIONS and after not in ("'s", "’s")) or (
        before == "the" and after in PLACE_NOUNS
    )


def _join_group_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A nationality right before an organisation is one name: "Pakistani" + "Taliban" -> ORG."""
    joined: list[Mention] = []
    for m in mentions:
        prev = joined[-1] if joined else None
        if prev and prev.label == "NORP" and m.label == "ORG" and text[prev.end : m.start] == " ":
            joined[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "ORG", rule="joined")
        else:
            joined.append(m)
    return joined


def _extend(start: int, end: int, chains: list[tuple[int, int]], chain_ends: list[int]) -> tuple[int, int]:
    """Grow ``start``-``end`` to cover any connector-chained name it touches.

    Chains are regex matches, so sorted and disjoint: those ending by ``start`` cannot touch the
    span, and once one starts at or after its (grown) end, no later one can.
    """
    i = bisect.bisect_right(chain_ends, start)
    while i < len(chains) and chains[i][0] < end:
        c_start, c_end = chains[i]
        if start < c_end:
            start, end = min(start, c_start), max(end, c_end)
        i += 1
    return start, end


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that overlap an earlier, longer one (extension can make two spans meet).

    Taken in start order, a (non-empty) mention overlaps a kept one exactly when it starts
    before the furthest end kept so far.
    """
    kept: list[Mention] = []
    reach = -1
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start >= reach:
            kept.append(m)
            reach = max(reach, m.end)
    return kept


def merge(preferred: list[Mention], others: list[Mention]) -> list[Mention]:
    """``preferred`` mentions plus those of ``others`` that overlap none of them, in text order."""
    kept = list(preferred)
    taken = IntervalIndex((p.start, p.end) for p in preferred)
    kept.extend(m for m in others if not taken.overlaps(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)
