"""Map parse tokens to the entities (and quote speakers) that hold or receive a stance."""

from __future__ import annotations

import bisect
from collections import deque
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Token

from annotator import Document

# Dependents that name the same actor as their head ("Pakistani officials", "Taliban government").
MODIFIER_RANK = {"appos": 0, "compound": 0, "nmod": 1, "amod": 1, "npadvmod": 1, "poss": 2}
# Prepositions whose objects are places or parts, not the actor ("the government in Kabul").
LOCATIVE_PREPS = frozenset({"in", "inside", "at", "from", "within", "near", "across", "along", "on", "of"})
PERSON_PRONOUNS = frozenset({"he", "she"})
PRONOUN_REACH = 800  # characters back to look for the person a pronoun stands for


class EntityIndex:
    """Entity spans of one document, searchable by character offset."""

    def __init__(self, document: Document) -> None:
        self.spans: list[Any] = sorted(document.layer("entities"), key=lambda s: s.start)
        self.starts = [s.start for s in self.spans]
        self.by_id = document.span_index()  # once per document: rebuilding it per cue was quadratic
        quotes = [(q.start, order, q) for order, q in enumerate(document.layer("quotes")) if _speaker(q)]
        self.quotes = sorted(quotes, key=lambda item: item[0])
        self.quote_starts = [start for start, _, _ in self.quotes]
        self.longest_quote = max((q.end - q.start for _, _, q in self.quotes), default=0)

    def quote_at(self, offset: int) -> Any | None:
        """The first quote, in layer order, whose content holds ``offset`` and that has a speaker."""
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        best: tuple[int, Any] | None = None
        while i >= 0 and self.quotes[i][0] > offset - self.longest_quote:
            _, order, quote = self.quotes[i]
            if offset < quote.end and (best is None or order < best[0]):
                best = (order, quote)
            i -= 1
        return best[1] if best is not None else None

    def covering(self, token: Token) -> Any | None:
        """The entity span that contains the token's first character, if any."""
        i = bisect.bisect_right(self.starts, token.idx) - 1
        if i >= 0 and self.spans[i].start <= token.idx < self.spans[i].end:
            return self.spans[i]
        return None

    def last_person_before(self, offset: int) -> Any | None:
        """The closest person mention ending before ``offset`` (what "he" most often points to)."""
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0 and self.spans[i].start > offset - PRONOUN_REACH:
            if self.spans[i].label == "PERSON" and self.spans[i].end <= offset:
                return self.spans[i]
            i -= 1
        return None


def actor_entities(token: Token, index: EntityIndex) -> list[Any]:
    """Entities named by a noun phrase and its conjuncts ("China, Russia and Iran")."""
    found = [_head_entity(t, index) for t in (token, *token.conjuncts)]
    return _unique(e for e in found if e is not None)


def target_entities(token: Token, index: EntityIndex) -> list[Any]:
    """Entities an object phrase is about: its head's, else those listed in it ("including the BLA")."""
    direct = actor_entities(token, index)
    if direct:
        return direct
    listed = [index.covering(t) for t in token.subtree if t.i != token.i and not _under_locative(t, token)]
    return _unique(e for e in listed if e is not None)


def resolve_pronoun(token: Token, index: EntityIndex) -> Any | None:
    """The person a "he"/"she" subject most likely stands for, or None."""
    if token.lower_ in PERSON_PRONOUNS:
        return index.last_person_before(token.idx)
    return None


def _head_entity(token: Token, index: EntityIndex) -> Any | None:
    """The entity at the head of a phrase, else its best-ranked same-actor modifier.

    A name in apposition ("the minister, Amir Khan Muttaqi") names the actor more exactly than the
    possessor ("Afghanistan's minister"), which names its side; the nearer modifier wins a tie.
    """
    best: tuple[int, int, Any] | None = None
    queue: deque[tuple[Token, int, int]] = deque([(token, 0, 0)])
    while queue:
        t, depth, rank = queue.popleft()
        entity = index.covering(t)
        if entity is not None:
            if depth == 0:
                return entity
            if best is None or (rank, depth) < best[:2]:
                best = (rank, depth, entity)
            continue
        queue.extend((c, depth + 1, MODIFIER_RANK[c.dep_]) for c in t.children if c.dep_ in MODIFIER_RANK)
    return best[2] if best is not None else None


def _under_locative(token: Token, top: Token) -> bool:
    """Whether ``token`` hangs below ``top`` through a place preposition or a relative clause."""
    t = token
    while t.i != top.i and t.head.i != t.i:
        if (t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS) or t.dep_ in ("acl", "relcl"):
            return True
        t = t.head
    return False


def _unique(entities: Iterable[Any]) -> list[Any]:
    """First mention of each entity, in order."""
    seen: dict[str, Any] = {}
    for e in entities:
        seen.setdefault(e.entity_id, e)
    return list(seen.values())


def _speaker(quote: Any) -> Any:
    return getattr(quote, "speaker", None)
