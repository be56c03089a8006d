"""Turn the phrase that introduces a quote into a speaker: a named entity, or an unnamed source.

Names in the subject (or in an appositive to it) link directly. Pronouns link to the most recent
earlier speaker, else the most recent person named as a clause subject. Definite descriptions
("the minister") link to the latest person whose sentence gives them that role. Anything else is
kept as an unnamed source with its description ("a Pakistani security official").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token

from annotator_quotes.lexicon import ROLE_NOUNS, SINGULAR_PRONOUNS, SUBJECT_PRONOUNS

RIGHT_KEEP = frozenset({"prep", "amod", "nummod", "compound", "nmod"})
PRONOUN_WINDOW = 2500  # characters back to look for a pronoun's antecedent


@dataclass(frozen=True)
class Speaker:
    """A resolved (or unnamed) speaker."""

    text: str | None = None
    entity: Any = None  # an entities-layer span: .id, .entity_id, .canonical, .label
    description: str | None = None
    confidence: float = 0.0

    def weaker(self, factor: float) -> Speaker:
        """The same speaker, less sure (for floating quotes that borrow it)."""
        return replace(self, confidence=round(self.confidence * factor, 3))


@dataclass
class SpeakerResolver:
    """Resolves speakers against one document's entities and remembers who spoke, in order."""

    text: str
    entities: list[Any]
    doc: Doc
    history: list[tuple[int, Speaker]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.entities = sorted(self.entities, key=lambda e: e.start)
        self._starts = [e.start for e in self.entities]

    def entity_at(self, start: int, end: int) -> Any:
        """The entity mention overlapping ``start``-``end`` (the longest, when several do)."""
        i = bisect.bisect_right(self._starts, end) - 1
        hits = [e for e in self.entities[max(0, i - 5) : i + 1] if e.start < end and start < e.end]
        return max(hits, key=lambda e: e.end - e.start) if hits else None

    def remember(self, at: int, speaker: Speaker) -> None:
        """Record a speaker so later pronouns and floating quotes can reach it."""
        if speaker.entity is not None or speaker.description:
            self.history.append((at, speaker))

    def previous(self, before: int, window: int = PRONOUN_WINDOW) -> Speaker | None:
        """The most recent remembered speaker before ``before``."""
        for at, speaker in reversed(self.history):
            if at < before and before - at <= window:
                return speaker
        return None

    def from_subject(self, head: Token) -> Speaker:
        """The speaker named by a subject (or agent) token and its phrase."""
        phrase = core_phrase(head)
        ent = self.entity_at(head.idx, head.idx + len(head.text))
        if ent is not None:
            return Speaker(phrase, ent, None, 0.95)
        appos = self._appositive_entity(head)
        if appos is not None:
            return Speaker(phrase, appos, None, 0.9)
        if head.lower_ in SUBJECT_PRONOUNS:
            return self.pronoun(head.lower_, head.sent.start_char, phrase)
        return self.description(phrase, head)

    def _appositive_entity(self, head: Token) -> Any:
        for child in head.children:
            if child.dep_ == "appos":
                ent = self.entity_at(child.idx, child.idx + len(child.text))
                if ent is not None and ent.label in {"PERSON", "ORG", "GPE", "NORP"}:
                    return ent
        return None

    def pronoun(self, word: str, at: int, phrase: str) -> Speaker:
        """Link a subject pronoun to the latest speaker, else to the latest person named as a subject."""
        prev = self.previous(at)
        if prev is not None and (word in SINGULAR_PRONOUNS) == _is_person(prev):
            return replace(prev, text=phrase, confidence=0.85)
        person = self._latest_person(at) if word in SINGULAR_PRONOUNS else None
        if person is not None:
            return Speaker(phrase, person, None, 0.7)
        return Speaker(phrase, None, phrase, 0.4)

    def _latest_person(self, before: int) -> Any:
        people = [e for e in self.entities if e.label == "PERSON" and e.end <= before]
        people = [e for e in people if before - e.end <= PRONOUN_WINDOW]
        subjects = [e for e in people if self._is_subject(e)]
        pool = subjects or people
        return pool[-1] if pool else None

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
                return Speaker(phrase, person, None, 0.7)
        return Speaker(phrase, None, phrase, 0.8)

    def _person_with_role(self, role: str, before: int) -> Any:
        for ent in reversed([e for e in self.entities if e.label == "PERSON" and e.end <= before]):
            lo, hi = max(0, ent.start - 40), min(len(self.text), ent.end + 60)
            context = self.text[lo:hi].lower()
            if re.search(rf"\b{re.escape(role)}\b", context):
                return ent
        return None

    def from_name(self, name: str, start: int, end: int) -> Speaker:
        """A speaker named by plain text (a post signature): its entity mention, else a namesake."""
        ent = self.entity_at(start, end)
        if ent is None:
            ent = self._namesake(name)
        if ent is not None:
            return Speaker(name, ent, None, 0.9)
        return Speaker(name, None, name, 0.6)

    def _namesake(self, name: str) -> Any:
        words = _name_words(name)
        for ent in reversed(self.entities):
            known = _name_words(ent.canonical)
            if ent.label == "PERSON" and words and known and (known <= words or words <= known):
                return ent
        return None


def _is_person(speaker: Speaker) -> bool:
    return speaker.entity is not None and speaker.entity.label == "PERSON"


def _name_words(text: str) -> set[str]:
    return {w.lower().strip(".,") for w in text.split() if not re.fullmatch(r"[A-Z]\.?", w)}


def core_phrase(head: Token) -> str:
    """The subject phrase without appositives and relative clauses: 'Hugh Hill', 'one senior official'."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ not in RIGHT_KEEP or child.i != end:
            break
        end = child.right_edge.i + 1
    start = head.left_edge.i
    doc = head.doc
    breaks = [t.i + 1 for t in doc[start : head.i] if "\n" in t.text or t.text == ","]
    start = max([start, *breaks])
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end].text
