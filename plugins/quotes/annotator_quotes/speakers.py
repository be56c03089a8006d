"""Turn the phrase that introduces a quote into a speaker: a named entity, or an unnamed source.

Names in the subject (or in an appositive to it) link directly. Pronouns link to the most recent
earlier speaker, else the most recent person named as a clause subject. Definite descriptions
("the minister") link to the latest person whose sentence gives them that role. Anything else is
kept as an unnamed source with its description ("a Pakistani security official").
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token

from annotator_quotes.lexicon import ROLE_NOUNS, SINGULAR_PRONOUNS, SUBJECT_PRONOUNS
from annotator_quotes.speaker_phrases import (
    QUOTE_GLUE,
    core_phrase,
    message_holder,
    message_owner,
    name_words,
    strip_possessive,
)

SENTENCE_BREAK = re.compile(r"[.!?][”\"’']*\s+(?=[A-Z“\"])|\n")
RELATIVE = frozenset({"who", "which", "that"})
PRONOUN_WINDOW = 2500  # characters back to look for a pronoun's antecedent


@dataclass(frozen=True)
class Speaker:
    """A resolved (or unnamed) speaker."""

    text: str | None = None
    entity: Any = None  # an entities-layer span: .id, .entity_id, .canonical, .label
    description: str | None = None
    confidence: float = 0.0
    rule: str | None = None  # how an indirect speaker was reached: "pronoun-previous-speaker", ...

    def borrowed(self, factor: float, rule: str) -> Speaker:
        """The same speaker, less sure, reached by ``rule`` (for floating quotes that borrow it)."""
        return replace(self, confidence=round(self.confidence * factor, 3), rule=rule)


@dataclass
class SpeakerResolver:
    """Resolves speakers against one document's entities and remembers who spoke, in order.

    Entities and remembered speakers are kept sorted by offset so every lookup is a bisection or
    an index hit: on a document of tens of megabytes, no lookup walks all its entities.
    """

    text: str
    entities: list[Any]
    doc: Doc
    history: list[tuple[int, Speaker]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.entities = sorted(self.entities, key=lambda e: e.start)
        self._starts = [e.start for e in self.entities]
        self._longest = max((e.end - e.start for e in self.entities), default=0)
        self._spoken_at = [at for at, _ in self.history]
        self._in_order = self._spoken_at == sorted(self._spoken_at)
        self._with_role: dict[str, list[int]] = {}
        self._people_by_word: dict[str, list[int]] | None = None

    def entity_at(self, start: int, end: int) -> Any:
        """The entity mention overlapping ``start``-``end`` (the longest, when several do)."""
        i = bisect.bisect_right(self._starts, end) - 1
        hits = [e for e in self.entities[max(0, i - 5) : i + 1] if e.start < end and start < e.end]
        return max(hits, key=lambda e: e.end - e.start) if hits else None

    def remember(self, at: int, speaker: Speaker) -> None:
        """Record a speaker so later pronouns and floating quotes can reach it."""
        if speaker.entity is not None or speaker.description:
            self._in_order = self._in_order and (not self._spoken_at or self._spoken_at[-1] <= at)
            self.history.append((at, speaker))
            self._spoken_at.append(at)

    def previous(self, before: int, window: int = PRONOUN_WINDOW) -> Speaker | None:
        """The most recent remembered speaker before ``before``."""
        if self._in_order:  # speakers are remembered in text order: the latest one before is a bisection
            i = bisect.bisect_left(self._spoken_at, before) - 1
            return self.history[i][1] if i >= 0 and before - self._spoken_at[i] <= window else None
        for at, speaker in reversed(self.history):
            if at < before and before - at <= window:
                return speaker
        return None

    def from_subject(self, head: Token, quote_start: int | None = None) -> Speaker:
        """The speaker named by a subject (or agent) token and its phrase.

        ``quote_start``: where the quote this subject attributes begins, when the subject follows
        it; a pronoun may then refer to a person named before the quote in its own sentence.
        """
        if head.lower_ in RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            # "Mr. Ekovich, who noted ...": the noun the clause describes, named by the word "who".
            holder = message_holder(head.head.head)
            if holder is not None:
                return replace(self.from_subject(holder), rule="message-holder")
            found = self.from_subject(head.head.head)
            return replace(found, text=head.text, rule="relative-pronoun")
        phrase = core_phrase(head)
        if QUOTE_GLUE.search(head.text):
            return self._glued(head, phrase)
        ent = self.entity_at(head.idx, head.idx + len(head.text))
        if ent is not None:
            return Speaker(phrase, ent, None, 0.95)
        appos = self._appositive_entity(head)
        if appos is not None:
            return Speaker(phrase, appos, None, 0.9)
        if head.lower_ in SUBJECT_PRONOUNS:
            return self.pronoun(head.lower_, head.sent.start_char, phrase, quote_start)
        owner = message_owner(head)
        if owner is not None:
            return self._owner_speaker(owner, phrase)
        return self.description(phrase, head)

    def _owner_speaker(self, owner: Token, phrase: str) -> Speaker:
        """The speaker of "Clinton's statement said": Clinton, the phrase kept as what names them.

        The text stays the whole phrase ("The campaign’s statement"), so either reading of who
        spoke, the owner or the document, is there; the owner's entity, or its phrase as the
        description, says who stands behind the message.
        """
        found = self.from_subject(owner)
        if found.entity is not None:
            return replace(found, text=phrase, rule="message-owner")
        owned = QUOTE_GLUE.split(owner.doc[owner.left_edge.i : owner.i + 1].text)[-1]
        return Speaker(phrase, None, strip_possessive(owned), found.confidence, "message-owner")

    def _glued(self, head: Token, phrase: str) -> Speaker:
        """A subject glued to the quote's closing mark ('paranoia,”Clinton'): the name after the mark.

        A mention found over the whole token holds the quote's last word too, so only one that
        starts after the mark names the speaker; else the latest person of that name.
        """
        tail = QUOTE_GLUE.split(head.text)[-1]
        start = head.idx + len(head.text) - len(tail)
        ent = self.entity_at(start, start + len(tail))
        if ent is None or ent.start < start:
            ent = self._namesake(tail, before=head.idx)
        return Speaker(phrase, ent, None if ent is not None else phrase, 0.9 if ent is not None else 0.8)

    def _appositive_entity(self, head: Token) -> Any:
        for child in head.children:
            if child.dep_ == "appos":
                ent = self.entity_at(child.idx, child.idx + len(child.text))
                if ent is not None and ent.label in {"PERSON", "ORG", "GPE", "NORP"}:
                    return ent
        return None

    def pronoun(self, word: str, at: int, phrase: str, quote_start: int | None = None) -> Speaker:
        """Link a subject pronoun to the latest speaker, else to the latest person named as a subject.

        The antecedent is looked for before the pronoun's sentence (``at``) or, when the quote it
        attributes stands in that sentence before it, before the quote: 'Sen. Claire McCaskill
        scolded him: “...,” she said' is McCaskill's, whoever spoke before.
        """
        before = quote_start if quote_start is not None and quote_start > at else at
        prev = self.previous(before)
        person = self._latest_person(before) if word in SINGULAR_PRONOUNS else None
        if prev is not None and (word in SINGULAR_PRONOUNS) == _is_person(prev):
            # A person named as a subject after that speaker's quote is nearer ("Trump also ... he wrote"),
            # as is a subject of the quote's own sentence.
            nearer = (
                person is not None
                and person.start > self._spoken_before(before)
                and (self._main_subject(person) or person.start >= at)
            )
            if not nearer or _same(person, prev):
                return replace(prev, text=phrase, confidence=0.85, rule="pronoun-previous-speaker")
        if person is not None:
            return Speaker(phrase, person, None, 0.7, "pronoun-latest-subject")
        return Speaker(phrase, None, phrase, 0.4, "pronoun-unresolved")

    def _spoken_before(self, at: int) -> int:
        """Where the latest remembered speaker before ``at`` was remembered (-1: none)."""
        if self._in_order:
            i = bisect.bisect_left(self._spoken_at, at) - 1
            return self._spoken_at[i] if i >= 0 else -1
        return max((a for a in self._spoken_at if a < at), default=-1)

    def latest_subject(self, lo: int, before: int, main: bool = False) -> Speaker | None:
        """The latest named person or organisation between ``lo`` and ``before`` that is a clause subject."""
        i = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_right(self._starts, before)
        named = [e for e in self.entities[i:j] if e.label in {"PERSON", "ORG"} and e.end <= before]
        subjects = [e for e in named if (self._main_subject(e) if main else self._is_subject(e))]
        if not subjects:
            return None
        ent = subjects[-1]
        return Speaker(self.text[ent.start : ent.end], ent, None, 0.5, "latest-subject")

    def _latest_person(self, before: int) -> Any:
        lo = bisect.bisect_left(self._starts, before - PRONOUN_WINDOW - self._longest)
        hi = bisect.bisect_right(self._starts, before)
        people = [e for e in self.entities[lo:hi] if e.label == "PERSON" and e.end <= before]
        people = [e for e in people if before - e.end <= PRONOUN_WINDOW]
        subjects = [e for e in people if self._is_subject(e)]
        pool = subjects or people
        return pool[-1] if pool else None

    def _main_subject(self, ent: Any) -> bool:
        """Whether a mention is the subject of its sentence's main verb (not of a reported clause)."""
        span = self.doc.char_span(ent.start, ent.end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "nsubj" and span.root.head.dep_ == "ROOT"

    def _is_subject(self, ent: Any) -> bool:
        span = self.doc.char_span(ent.start, ent.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}

    def description(self, phrase: str, head: Token) -> Speaker:
        """A definite role description names the latest person given that role; else an unnamed source."""
        words = phrase.lower().split()
        definite = bool(words) and words[0] in {"the", "this", "that"} and head.lower_ in ROLE_NOUNS
        if definite:
            person = self._person_with_role(head.lower_, head.idx)
            if person is not None:
                return Speaker(phrase, person, None, 0.7, "role-description")
        return Speaker(phrase, None, phrase, 0.8)

    def _person_with_role(self, role: str, before: int) -> Any:
        """The latest person ending by ``before`` whose context names ``role`` ("minister")."""
        if role not in self._with_role:
            self._with_role[role] = [i for i, e in enumerate(self.entities) if self._has_role(e, role)]
        found = self._with_role[role]
        # Entities starting after ``before`` cannot end by it; of the rest, take the latest that does.
        for j in range(bisect.bisect_left(found, bisect.bisect_right(self._starts, before)) - 1, -1, -1):
            if self.entities[found[j]].end <= before:
                return self.entities[found[j]]
        return None

    def _has_role(self, ent: Any, role: str) -> bool:
        """Whether a person's mention has ``role`` within its context window."""
        if ent.label != "PERSON":
            return False
        lo, hi = max(0, ent.start - 40), min(len(self.text), ent.end + 60)
        # Only the mention's own sentence: "... the so-called “sin levy.” The mayor has ..." gives no role.
        before = SENTENCE_BREAK.split(self.text[lo : ent.start])[-1]
        after = SENTENCE_BREAK.split(self.text[ent.end : hi])[0]
        return re.search(rf"\b{re.escape(role)}\b", f"{before} {after}".lower()) is not None

    def from_name(self, name: str, start: int, end: int) -> Speaker:
        """A speaker named by plain text (a post signature): its entity mention, else a namesake."""
        ent = self.entity_at(start, end)
        if ent is None:
            ent = self._namesake(name)
        if ent is not None:
            return Speaker(name, ent, None, 0.9)
        return Speaker(name, None, name, 0.6)

    def _namesake(self, name: str, before: int | None = None) -> Any:
        """The latest person (ending by ``before``) whose name's words hold the name's, or the reverse."""
        words = name_words(name)
        if self._people_by_word is None:
            self._people_by_word = defaultdict(list)
            for i, ent in enumerate(self.entities):
                if ent.label == "PERSON":
                    for word in name_words(ent.canonical):
                        self._people_by_word[word].append(i)
        # Either inclusion needs a shared word, so only people sharing one are candidates.
        for i in sorted({i for w in words for i in self._people_by_word.get(w, ())}, reverse=True):
            if before is not None and self.entities[i].end > before:
                continue
            known = name_words(self.entities[i].canonical)
            if known and (known <= words or words <= known):
                return self.entities[i]
        return None


def _same(ent: Any, speaker: Speaker) -> bool:
    return speaker.entity is not None and ent.canonical == speaker.entity.canonical


def _is_person(speaker: Speaker) -> bool:
    return speaker.entity is not None and speaker.entity.label == "PERSON"
