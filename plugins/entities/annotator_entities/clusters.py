"""Group mentions of one entity within a document and pick its canonical (fullest) name.

Rules, in order: an acronym defined in the text ("Tehrik-i-Taliban Pakistan (TTP)") joins its
long form; a person mentioned by part of their name ("Asif") joins the most recent person whose
name contains those words ("Khawaja Asif", "Khawaja M. Asif"); other names join on the same
normalised text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")


@dataclass
class Mention:
    """One trimmed mention before clustering."""

    start: int
    end: int
    text: str
    label: str


@dataclass
class Cluster:
    """One entity: its mentions and the names it is known by."""

    key: str
    label: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    @property
    def canonical(self) -> str:
        """The fullest form: most words, then longest, then earliest."""
        return max(self.mentions, key=lambda m: (len(_words(m.text)), len(m.text), -m.start)).text


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", text) if w]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _name_words(text: str) -> set[str]:
    """Content words of a name, without initials ("M.")."""
    return {w.lower().strip(".,") for w in _words(text) if not re.fullmatch(r"[A-Z]\.?", w)}


def define_acronyms(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronyms that the text defines right after a mention: ``Long Name (ACR)``."""
    defined: dict[str, Mention] = {}
    for m in mentions:
        match = ACRONYM.match(text, m.end)
        if match and _fits(match.group(1), m.text):
            defined[match.group(1)] = m
    return defined


def _fits(acronym: str, name: str) -> bool:
    """Loose check that ``acronym`` abbreviates ``name`` (initials of its parts, in order)."""
    initials = "".join(p[0] for p in re.split(r"[\s\-&]+", name) if p and p[0].isalpha()).upper()
    letters = acronym.replace("&", "").upper()
    it = iter(initials)
    return letters[0] == initials[:1] and all(ch in it for ch in letters)


def cluster(text: str, mentions: list[Mention]) -> list[Cluster]:
    """Assign every mention to a cluster, in document order."""
    acronyms = define_acronyms(text, mentions)
    clusters: list[Cluster] = []
    by_alias: dict[str, Cluster] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        found = _find(m, clusters, by_alias, acronyms)
        if found is None:
            found = Cluster(key=f"E{len(clusters) + 1}", label=m.label)
            clusters.append(found)
        found.mentions.append(m)
        found.aliases.add(_norm(m.text))
        by_alias[_norm(m.text)] = found
    return clusters


def _find(
    m: Mention, clusters: list[Cluster], by_alias: dict[str, Cluster], acronyms: dict[str, Mention]
) -> Cluster | None:
    if m.text in acronyms:
        long_form = acronyms[m.text]
        owner = by_alias.get(_norm(long_form.text))
        if owner is not None:
            return owner
    hit = by_alias.get(_norm(m.text))
    if hit is not None:
        return hit
    # A surname alone is often mislabelled ("Asif's" as ORG): part of a known person's name joins them.
    return _person_match(m, clusters, allow_longer=m.label == "PERSON")


def _person_match(m: Mention, clusters: list[Cluster], allow_longer: bool) -> Cluster | None:
    """The most recent person whose name contains the mention's words (or, for a PERSON, the reverse)."""
    words = _name_words(m.text)
    if not words:
        return None
    for c in reversed(clusters):
        if c.label != "PERSON":
            continue
        for x in c.mentions:
            known = _name_words(x.text)
            if words <= known or (allow_longer and known <= words):
                return c
    return None
