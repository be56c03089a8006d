"""Document-level consistency: demonyms, names found again elsewhere, and one label per entity.

The model labels each occurrence on its own, so the same "Taliban" can be ORG in one sentence and
PERSON in the next, and a name it found once is missed the next time. Here every entity gets the
label that wins its mentions' weighted vote, and known names are looked up again in the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from annotator_entities.clusters import Cluster, name_words
from annotator_entities.mentions import Mention

DEMONYM_SUFFIXES = ("i", "is", "n", "ns", "an", "ans", "ian", "ians", "ese", "ish")
RELABELLED = frozenset({"ORG", "PERSON", "GPE", "LOC"})


def demonym_of(word: str, place: str) -> bool:
    """Whether ``word`` is an adjective or people of ``place``: Pakistani, Afghan(s), Chinese, Russian."""
    if word == place:
        return False
    stems = {place, place[:-1], place[:-2], place.removesuffix("istan")}
    return any(word == stem + suffix for stem in stems if len(stem) >= 3 for suffix in DEMONYM_SUFFIXES) or (
        place.endswith("istan") and word.rstrip("s") == place.removesuffix("istan")
    )


def relabel_demonyms(mentions: list[Mention]) -> None:
    """One-word mentions that are demonyms of a place named in the document become NORP."""
    places = {m.text for m in mentions if m.label == "GPE"}
    for m in mentions:
        if m.label in RELABELLED and " " not in m.text and _demonym(m.text, places):
            m.label, m.rule = "NORP", "demonym"


def _demonym(word: str, places: set[str]) -> bool:
    return any(demonym_of(word, p) for p in places)


def vote(c: Cluster) -> tuple[str, float]:
    """The cluster's label and the share of the weighted vote it won."""
    scores: dict[str, float] = defaultdict(float)
    for m in c.mentions:
        scores[m.label] += m.weight
    total = sum(scores.values())
    if total == 0:
        return c.mentions[0].label, 0.5
    label = max(scores, key=lambda lab: (scores[lab], -_first(c, lab)))
    return label, round(scores[label] / total, 3)


def _first(c: Cluster, label: str) -> int:
    return next(m.start for m in c.mentions if m.label == label)


def known_forms(clusters: Iterable[Cluster], acronyms: dict[str, str]) -> dict[str, Cluster]:
    """Surface forms to look for again: every mention's text, defined acronyms, people's surnames."""
    clusters = list(clusters)
    forms: dict[str, Cluster] = {}
    for acronym, long_form in acronyms.items():
        owner = next((c for c in clusters if any(m.text == long_form for m in c.mentions)), None)
        if owner is not None:
            forms[acronym] = owner
    for c in clusters:
        for m in c.mentions:
            if len(m.text) > 1:
                forms.setdefault(m.text, c)
    for c in clusters:
        if c.is_person():
            for m in c.mentions:
                last = m.text.split()[-1]
                if " " in m.text and len(last) > 2 and last[0].isupper() and name_words(last):
                    forms.setdefault(last, c)
    return forms


def propagate(
    text: str, clusters: list[Cluster], acronyms: dict[str, str], strict: Iterable[tuple[int, int]]
) -> None:
    """Add unlabelled occurrences of known names to their entities (rule ``document``).

    A known name longer than the mentions it covers replaces them ("Pakistani" + "Taliban" ->
    "Pakistani Taliban"). In the ``strict`` regions (headings, site furniture) a surname alone
    does not count, only a name the document spells out the same way.
    """
    regions = list(strict)
    forms = known_forms(clusters, acronyms)
    surnames = {f for f, c in forms.items() if f not in acronyms and not any(m.text == f for m in c.mentions)}
    for form in sorted(forms, key=len, reverse=True):
        owner = forms[form]
        if not owner.mentions:
            continue  # a longer name took over all of its mentions
        for match in re.finditer(rf"(?<![\w@#]){re.escape(form)}(?!\w)", text):
            start, end = match.span()
            if not _region_ok(start, end, regions, form in surnames) or not _hyphen_ok(
                text, start, end, forms
            ):
                continue
            _claim(Mention(start, end, form, owner.mentions[0].label, rule="document"), owner, clusters)


def _region_ok(start: int, end: int, regions: list[tuple[int, int]], surname: bool) -> bool:
    return not surname or not any(r_start <= start and end <= r_end for r_start, r_end in regions)


def _hyphen_ok(text: str, start: int, end: int, forms: dict[str, Cluster]) -> bool:
    """Reject a piece of a hyphen-chained name ("Taliban" in "Tehrik-i-Taliban"); accept "anti-Pakistan"."""
    before = re.search(r"([\w’']+)-$", text[max(0, start - 30) : start])
    after = re.match(r"-([\w’']+)", text[end : end + 30])
    for piece in (before, after):
        if piece is not None:
            word = piece.group(1)
            if not (word in forms or (word.islower() and len(word) > 3)):
                return False
    return True


def _claim(new: Mention, owner: Cluster, clusters: list[Cluster]) -> None:
    """Add ``new`` unless a mention overlaps it without lying strictly inside it."""
    covered = [(c, m) for c in clusters for m in c.mentions if m.overlaps(new)]
    if any(not (new.start <= m.start and m.end <= new.end) or m.text == new.text for _, m in covered):
        return
    for c, m in covered:
        c.mentions.remove(m)
    owner.mentions.append(new)
    owner.mentions.sort(key=lambda m: m.start)
    clusters[:] = [c for c in clusters if c.mentions]
