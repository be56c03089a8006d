"""The rule backend: find cue words in the parse, then their holder, targets, negation and hedges."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from annotator import Document
from annotator_stance.actors import (
    EntityIndex,
    actor_entities,
    resolve_pronoun,
    target_entities,
)
from annotator_stance.lexicon import Cue, Lexicon

CLIMB_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
RECIPROCAL = frozenset({"other", "another"})
LISTING_PREPS = ("including", "like")
PRONOUN_FACTOR = 0.8  # a holder found through a pronoun is a guess


@dataclass(frozen=True)
class WordLists:
    """The lexicon's lookups, built once per run: rebuilding them per document or per token cost time."""

    cues: dict[str, list[Cue]]
    demand_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_words: frozenset[str]

    @classmethod
    def of(cls, lexicon: Lexicon) -> WordLists:
        """The cue table by lemma and the closed word lists as sets."""
        return cls(
            cues=lexicon.by_lemma(),
            demand_verbs=frozenset(lexicon.demand_verbs),
            negating_verbs=frozenset(lexicon.negating_verbs),
            hedge_modals=frozenset(lexicon.hedge_modals),
            hedge_words=frozenset(lexicon.hedge_words),
        )


@dataclass
class Holder:
    """Who takes the position, and how we know."""

    entities: list[Any]
    rule: str
    quote: str | None = None


@dataclass
class Finding:
    """One cue occurrence with everything the annotator needs to emit its stance spans."""

    token: Token
    cue: Cue
    holder: Holder
    targets: list[Any]
    negated: bool
    hedged: bool
    reciprocal: bool = False
    path: list[Token] = field(default_factory=list)


def find(document: Document, parsed: Doc, words: WordLists) -> Iterator[Finding]:
    """Every cue occurrence whose holder is known; targets may still be empty."""
    index: EntityIndex | None = None  # only documents with a cue need the entity index
    for token in cue_candidates(parsed, words.cues):
        cue = match_cue(token, words.cues)
        if cue is None:
            continue
        index = index or EntityIndex(document)
        finding = _finding(document, token, cue, words, index)
        if finding is not None:
            yield finding


def cue_candidates(parsed: Doc, cues: dict[str, list[Cue]]) -> Iterator[Token]:
    """The tokens whose lemma heads a cue, in document order.

    Read from the lemma ids, so that the great majority of tokens, which are no cue, never become
    Python ``Token`` objects (spaCy builds a new one on every access).
    """
    lemmas = cast(list[int], parsed.to_array(LEMMA).tolist())  # one id per token, not a float
    strings = parsed.vocab.strings
    heads = {h for h in set(lemmas) if strings[h].lower() in cues}
    for i, lemma in enumerate(lemmas):
        if lemma in heads:
            yield parsed[i]


def _finding(
    document: Document, token: Token, cue: Cue, words: WordLists, index: EntityIndex
) -> Finding | None:
    """The holder, targets, negation and hedges of one matched cue; None when no holder is known."""
    path = governing_path(token, words)
    holder = find_holder(document, token, path[-1], index)
    if holder is None:
        return None
    if holder.rule == "subject" and len(path) > 1 and _demanded(path, words):
        holder.rule = "demand"
    objects = object_tokens(token, cue)
    return Finding(
        token=token,
        cue=cue,
        holder=holder,
        targets=[e for o in objects for e in target_entities(o, index)],
        negated=is_negated(token, path, words),
        hedged=is_hedged(path, words),
        reciprocal=any(_reciprocal(o) for o in objects),
        path=path,
    )


def match_cue(token: Token, cues: dict[str, list[Cue]]) -> Cue | None:
    """The most specific lexicon entry for a verb, checking the words it needs ("crack" + "down")."""
    entries = cues.get(token.lemma_.lower())
    if not entries or not token.tag_.startswith("VB"):
        return None
    around: set[str] | None = None  # built only for entries that need words around the verb
    for cue in entries:
        if not cue.with_:
            return cue
        around = around if around is not None else _words_around(token)
        if all(w in around for w in cue.with_):
            return cue
    return None


def _words_around(token: Token) -> set[str]:
    """Lemmas and lowercase forms of the children and grandchildren of a verb."""
    # Required words may hang one level down: "holding the team responsible" (amod of the object).
    children = list(token.children)
    near = [*children, *(g for c in children for g in c.children)]
    return {t.lemma_.lower() for t in near} | {t.lower_ for t in near}


def governing_path(token: Token, words: WordLists) -> list[Token]:
    """The cue and the verbs it climbs to for its holder: through demand verbs, or until a subject."""
    path = [token]
    t = token
    while t.dep_ in CLIMB_DEPS and t.head.i != t.i:
        demand = t.head.lemma_.lower() in words.demand_verbs
        if _subject(t) is not None and not demand:
            break
        t = t.head
        path.append(t)
    return path


def find_holder(document: Document, cue: Token, top: Token, index: EntityIndex) -> Holder | None:
    """The quote's speaker when the cue is quoted, else the subject (or passive agent) of ``top``."""
    quote = index.quote_at(cue.idx)
    if quote is not None:
        speaker = index.by_id.get(quote.speaker)
        if speaker is not None:
            return Holder([speaker], "quote", quote.id)
    subject = _agent(top) or _subject(top)
    if subject is None and top.dep_ == "relcl":
        subject = top.head
    if subject is None:
        return None
    if subject.dep_ != "relcl" and subject.lower_ in RELATIVE_PRONOUNS and top.dep_ == "relcl":
        subject = top.head
    return _holder_of(subject, index)


def _holder_of(subject: Token, index: EntityIndex) -> Holder | None:
    if subject.pos_ == "PRON":
        person = resolve_pronoun(subject, index)
        return Holder([person], "pronoun") if person is not None else None
    entities = actor_entities(subject, index)
    return Holder(entities, "subject") if entities else None


def object_tokens(token: Token, cue: Cue) -> list[Token]:
    """Heads of the phrases the cue's target paths point at."""
    children = list(token.children)  # read once: every target path looks at them
    # "place the blame ... on X": the preposition may hang anywhere below the required noun.
    wanted = [c for c in children if c.lemma_.lower() in cue.with_] if cue.with_ else []
    below = [t for c in wanted for t in c.subtree]
    found: list[Token] = []
    for path in cue.targets:
        found.extend(_follow(children, path))
        if path.startswith("prep:"):
            found.extend(t for w in below for t in _follow(list(w.children), path))
    if "dobj" in cue.targets:  # "eradicate militant groups, including the BLA": the list names the object
        found.extend(p for word in LISTING_PREPS for p in _follow(children, f"prep:{word}"))
    return found


def _follow(children: list[Token], path: str) -> list[Token]:
    """The tokens one target path ("dobj", "prep:on") reaches from a word, given the word's children."""
    if path.startswith("prep:"):
        word = path.split(":", 1)[1]
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ == word]
        return [p for prep in preps for p in prep.children if p.dep_ == "pobj"]
    return [c for c in children if c.dep_ == path]


def is_negated(token: Token, path: list[Token], words: WordLists) -> bool:
    """Negated by "not"/"never" on the cue or a demand verb above it, or by a verb like "refuse"."""
    # Only demand verbs pass their negation down: "did not urge X to crush Y" is no call to crush Y,
    # but "does not need half its power to annihilate Y" still threatens Y.
    carriers = [token, *(t for t in path[1:] if t.lemma_.lower() in words.demand_verbs)]
    if any(c.dep_ == "neg" for t in carriers for c in t.children):
        return True
    head = token.head
    return token.dep_ in ("xcomp", "ccomp", "pcomp") and head.lemma_.lower() in words.negating_verbs


def is_hedged(path: list[Token], words: WordLists) -> bool:
    """Hedged by a modal ("could"), a hedge adverb ("allegedly") or verb ("appears to")."""
    modals, hedges = words.hedge_modals, words.hedge_words
    for t in path:
        if t.lemma_.lower() in hedges or (t.head.lemma_.lower() in hedges and t.dep_ == "xcomp"):
            return True
        for c in t.children:
            if (c.dep_ == "aux" and c.lower_ in modals) or (c.dep_ == "advmod" and c.lower_ in hedges):
                return True
    return False


def _demanded(path: list[Token], words: WordLists) -> bool:
    """Whether the holder was found above a demand verb ("urged X to crush Y")."""
    return any(t.lemma_.lower() in words.demand_verbs for t in path[1:])


def _subject(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("nsubj", "csubj")), None)


def _agent(token: Token) -> Token | None:
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _reciprocal(token: Token) -> bool:
    """ "each other" / "one another" as the object."""
    return token.lower_ in RECIPROCAL and any(c.lower_ in ("each", "one") for c in token.children)
