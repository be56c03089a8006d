"""Group the mentions of one entity within a document.

Rules, in text order: mentions with one gazetteer id are one entity; the same normalised text is
one entity; part of a person's name ("Asif") joins the most recent person whose name holds those
words ("Khawaja Asif", "Khawaja M. Asif"); with fuzzy matching on, spelling variants
("Tehreek-e-Taliban" / "Tehrik-i-Taliban") join. Afterwards an acronym joins its long form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
        return max(self.mentions, key=lambda m: (len(m.text.split()), len(m.text), -m.start)).text

    def is_person(self) -> bool:
        """Whether any mention was labelled PERSON."""
        return any(m.label == "PERSON" for m in self.mentions)


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
    """Assign every mention to a cluster; ``acronyms`` maps an acronym to its long form's text."""
    clusters: list[Cluster] = []
    for m in sorted(mentions, key=lambda m: m.start):
        found = _find(m, clusters, fuzzy)
        if found is None:
            found = Cluster()
            clusters.append(found)
        found.mentions.append(m)
    return _join_acronyms(clusters, acronyms)


def _find(m: Mention, clusters: list[Cluster], fuzzy: float | None) -> Cluster | None:
    for test in (_same_kb, _same_text):
        hit = next((c for c in clusters if test(m, c)), None)
        if hit is not None:
            return hit
    hit = _person_match(m, clusters)
    if hit is None and fuzzy is not None:
        hit = next((c for c in clusters if _similar(m, c, fuzzy)), None)
    return hit


def _same_kb(m: Mention, c: Cluster) -> bool:
    return m.kb_id is not None and m.kb_id == c.kb_id


def _same_text(m: Mention, c: Cluster) -> bool:
    key = norm(m.text)
    return any(norm(x.text) == key for x in c.mentions)


def _person_match(m: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The most recent person whose name holds the mention's words (or, for a PERSON, the reverse).

    A surname alone is often mislabelled ("Asif's" as ORG), so any single word may join; a
    longer non-PERSON mention may not.
    """
    words = name_words(m.text)
    if not words or (m.label != "PERSON" and len(words) > 1):
        return None
    for c in reversed(clusters):
        if not c.is_person():
            continue
        for x in c.mentions:
            known = name_words(x.text)
            if known and (words <= known or (m.label == "PERSON" and known <= words)):
                return c
    return None


def _similar(m: Mention, c: Cluster, threshold: float) -> bool:
    a = skeleton(m.text)
    if len(a) < FUZZY_MIN_CHARS:
        return False
    for x in c.mentions:
        b = skeleton(x.text)
        if len(b) >= FUZZY_MIN_CHARS and a[0] == b[0] and fuzz.ratio(a, b) >= threshold * 100:
            return True
    return False


def _join_acronyms(clusters: list[Cluster], acronyms: dict[str, str]) -> list[Cluster]:
    """Merge each acronym's cluster into its long form's cluster."""
    for acronym, long_form in acronyms.items():
        short = next((c for c in clusters if _has_text(c, acronym)), None)
        long = next((c for c in clusters if _has_text(c, long_form)), None)
        if short is not None and long is not None and short is not long:
            long.mentions = sorted(long.mentions + short.mentions, key=lambda m: m.start)
            clusters.remove(short)
    return clusters


def _has_text(c: Cluster, text: str) -> bool:
    return any(norm(m.text) == norm(text) for m in c.mentions)
