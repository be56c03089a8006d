"""Mentions before clustering: the statistical model's entities, cleaned into whole bare names.

Cleaning drops spans that cross a line break (a heading glued to the next line), spans made only
of title words ("Defence", "Supreme"), single-letter people ("X."), and extends a span over a
name chained with short connectors ("Tehrik" -> "Tehrik-i-Taliban").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

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
        if label not in labels or "\n" in text[ent.start_char : ent.end_char]:
            continue
        window = _Window(parsed, ent)
        bounds = window.name(label, text)
        if bounds is None:
            continue
        start, end = _extend(*bounds, chains, chain_ends)
        label, rule = ("GPE", "context") if window.place_context(label) else (label, "model")
        found.append(Mention(start, end, text[start:end], label, rule=rule))
    return _join_group_names(text, _dedupe(found))


class _Window:
    """An entity's tokens, made once (every ``doc[i]`` builds a new Token), and its neighbours on demand.

    ``start`` and ``end`` index the list; ``name`` narrows them to the trimmed name, and the
    context checks read the tokens just outside it, which only some labels need.
    """

    def __init__(self, doc: Doc, ent: Span) -> None:
        self.doc, self.offset = doc, ent.start
        self.tokens = list(ent)  # the span's own iteration: no Python-level ``doc[i]`` per token
        self.start, self.end = 0, len(self.tokens)

    def _token(self, i: int) -> Token | None:
        """The token at ``i`` in the list's indexing, inside the entity or not; None off the document."""
        if 0 <= i < len(self.tokens):
            return self.tokens[i]
        at = self.offset + i
        return self.doc[at] if 0 <= at < len(self.doc) else None

    def name(self, label: str, text: str) -> tuple[int, int] | None:
        """Character bounds of the trimmed name, or None when it is not a name (titles, "X.", a portfolio)."""
        bounds = trim(self.tokens, self.start, self.end, label)
        if bounds is None:
            return None
        self.start, self.end = bounds
        last = self.tokens[self.end - 1]
        start_char, end_char = self.tokens[self.start].idx, last.idx + len(last)
        if self._title_only() or self._portfolio(label):
            return None
        if label == "PERSON" and len(text[start_char:end_char].strip(".")) <= 1:
            return None  # a single-letter person ("X.")
        return start_char, end_char

    def _title_only(self) -> bool:
        return all(self.tokens[i].lower_.rstrip(".") in TITLE_ONLY for i in range(self.start, self.end))

    def _lower(self, i: int) -> str:
        """The lower-case text of the token at ``i`` ("" off the document)."""
        token = self._token(i)
        return "" if token is None else token.lower_

    def _portfolio(self, label: str) -> bool:
        """A one-word 'organisation' that is a minister's portfolio: "Commerce" in "Commerce Secretary"."""
        if label != "ORG" or self.end - self.start != 1:
            return False
        nxt = self._token(self.end)
        return (
            nxt is not None
            and not self.tokens[self.start].is_upper
            and nxt.lower_ in PORTFOLIO_HEADS
            and nxt.is_title
        )

    def place_context(self, label: str) -> bool:
        """A 'person' in a place's context: "in Kyiv", "near Rafah", "the Kurram district"."""
        if label != "PERSON":
            return False
        before, after = self._lower(self.start - 1), self._lower(self.end)
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
