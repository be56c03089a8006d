"""Group the mentions of one entity within a document.

Rules, in text order: mentions with one gazetteer id are one entity; the same normalised text is
one entity; part of a person's name ("Asif") joins the most recent person whose name holds those
words ("Khawaja Asif", "Khawaja M. Asif"); with fuzzy matching on, spelling variants
("Tehreek-e-Taliban" / "Tehrik-i-Taliban") join. Afterwards an acronym joins its long form.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from rapidfuzz import fuzz

from annotator_entities.mentions import Mention

FUZZY_MIN_CHARS = 8


@dataclass
class Cluster:
    """One entity: its mentions in text order."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def kb_id(self) -> str | None:
        """The gazetteer id of any of its mentions."""
        return next((m.kb_id for m in self.mentions if m.kb_id), None)

    @property
    def canonical(self) -> str:
        """The gazetteer's name if given, else the fullest form: most words, then longest, then earliest."""
        named = next((m.canonical for m in self.mentions if m.canonical), None)
        if named:
            return named
        if len(self.mentions) == 1:
            return self.mentions[0].text  # most entities are named once: nothing to compare
        return max(self.mentions, key=lambda m: (len(m.text.split()), len(m.text), -m.start)).text

    def is_person(self) -> bool:
        """Whether any mention was labelled PERSON."""
        return any(m.label == "PERSON" for m in self.mentions)


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Case-, space- and apostrophe-insensitive form of a name."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def name_words(text: str) -> set[str]:
    """Content words of a name, without initials ("M.")."""
    words = {w.lower().strip(".,") for w in text.split()}
    return {w for w in words if len(w) > 1}


def skeleton(text: str) -> str:
    """Letters of a name without short connectors, for fuzzy comparison ("tehriktalibanpakistan")."""
    parts = [p for p in re.split(r"[\s\-]+", text) if not (p.islower() and len(p) <= 3)]
    return re.sub(r"[^a-z]", "", "".join(parts).lower())


def cluster(mentions: list[Mention], acronyms: dict[str, str], fuzzy: float | None) -> list[Cluster]:
    """Assign every mention to a cluster; ``acronyms`` maps an acronym to its long form's text.

    A name is mentioned several times in a document, so its normal form and words (which both
    finding and indexing read) are worked out once per distinct text.
    """
    index = _Lookup(fuzzy)
    keys: dict[str, tuple[str, frozenset[str]]] = {}
    for m in sorted(mentions, key=attrgetter("start")):
        key = keys.get(m.text)
        if key is None:
            key = keys[m.text] = (norm(m.text), frozenset(name_words(m.text)))
        index.add(m, key, index.find(m, key))
    return _join_acronyms(index.clusters, acronyms)


class _Lookup:
    """The clusters built so far, indexed so finding a mention's cluster does not scan them all.

    Each rule of ``_find`` wants the first (or, for people, the latest) cluster that passes it;
    the indexes record, per key, the clusters that can pass, by their position in creation order.
    """

    def __init__(self, fuzzy: float | None) -> None:
        self.fuzzy = fuzzy
        self.clusters: list[Cluster] = []
        self.kb_ids: list[str | None] = []  # each cluster's kb_id: its first mention's with one
        self.by_kb: dict[str, int] = {}
        self.by_norm: dict[str, int] = {}
        self.people: set[int] = set()
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.known: list[dict[frozenset[str], None]] = []
        self.shapes: list[dict[str, None]] = []  # skeletons long enough to compare
        self.by_initial: dict[str, list[int]] = defaultdict(list)

    def find(self, m: Mention, key: tuple[str, frozenset[str]]) -> int | None:
        """Position of the cluster ``m`` joins: same gazetteer id, same text, a person, a spelling.

        ``key`` is the mention's normal form and name words.
        """
        normal, words = key
        hit = self.by_kb.get(m.kb_id) if m.kb_id is not None else None
        if hit is None:
            hit = self.by_norm.get(normal)
        if hit is None:
            hit = self._person_match(m, words)
        if hit is None and self.fuzzy is not None:
            hit = self._spelling_match(m, self.fuzzy)
        return hit

    def add(self, m: Mention, key: tuple[str, frozenset[str]], at: int | None) -> None:
        """Append ``m`` (with its normal form and words) to cluster ``at`` (new when None) and index it."""
        normal, words = key
        if at is None:
            at = len(self.clusters)
            self.clusters.append(Cluster())
            self.kb_ids.append(None)
            self.known.append({})
            self.shapes.append({})
        if m.kb_id and self.kb_ids[at] is None:
            self.kb_ids[at] = m.kb_id
            self.by_kb[m.kb_id] = min(at, self.by_kb.get(m.kb_id, at))
        self.clusters[at].mentions.append(m)
        self.by_norm[normal] = min(at, self.by_norm.get(normal, at))
        if m.label == "PERSON":
            self.people.add(at)
        self.known[at][words] = None
        for w in words:
            self.by_word[w].add(at)
        if self.fuzzy is not None:  # only spelling matches read the shapes
            self._add_shape(skeleton(m.text), at)

    def _add_shape(self, shape: str, at: int) -> None:
        if len(shape) < FUZZY_MIN_CHARS or shape in self.shapes[at]:
            return
        if not any(s[0] == shape[0] for s in self.shapes[at]):
            bisect.insort(self.by_initial[shape[0]], at)
        self.shapes[at][shape] = None

    def _person_match(self, m: Mention, words: frozenset[str]) -> int | None:
        """The most recent person whose name holds the mention's words (or, for a PERSON, the reverse).

        A surname alone is often mislabelled ("Asif's" as ORG), so any single word may join; a
        longer non-PERSON mention may not. Either inclusion needs a shared word, so only people
        with one of the mention's words are looked at, latest first.
        """
        if not words or (m.label != "PERSON" and len(words) > 1):
            return None
        candidates = {i for w in words for i in self.by_word.get(w, ()) if i in self.people}
        for i in sorted(candidates, reverse=True):
            for known in self.known[i]:
                if known and (words <= known or (m.label == "PERSON" and known <= words)):
                    return i
        return None

    def _spelling_match(self, m: Mention, threshold: float) -> int | None:
        """The first cluster with a similar spelling (only those with a same-initial skeleton can be)."""
        a = skeleton(m.text)
        if len(a) < FUZZY_MIN_CHARS:
            return None
        for at in self.by_initial.get(a[0], ()):
            if any(b[0] == a[0] and fuzz.ratio(a, b) >= threshold * 100 for b in self.shapes[at]):
                return at
        return None


def _join_acronyms(clusters: list[Cluster], acronyms: dict[str, str]) -> list[Cluster]:
    """Merge each acronym's cluster into its long form's cluster."""
    if not acronyms:
        return clusters  # most documents define none: skip indexing every cluster's forms
    forms = {id(c): {norm(m.text) for m in c.mentions} for c in clusters}
    for acronym, long_form in acronyms.items():
        short = next((c for c in clusters if norm(acronym) in forms[id(c)]), None)
        long = next((c for c in clusters if norm(long_form) in forms[id(c)]), None)
        if short is not None and long is not None and short is not long:
            long.mentions = sorted(long.mentions + short.mentions, key=lambda m: m.start)
            forms[id(long)] |= forms[id(short)]
            clusters.remove(short)
    return clusters
