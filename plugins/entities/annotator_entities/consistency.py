"""Document-level consistency: demonyms, names found again elsewhere, and one label per entity.

The model labels each occurrence on its own, so the same "Taliban" can be ORG in one sentence and
PERSON in the next, and a name it found once is missed the next time. Here every entity gets the
label that wins its mentions' weighted vote, and known names are looked up again in the text.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from annotator.intervals import IntervalGrid, IntervalIndex
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
    seen: dict[str, bool] = {}  # a long document repeats its words: test each one once
    for m in mentions:
        if m.label in RELABELLED and " " not in m.text:
            if m.text not in seen:
                seen[m.text] = _demonym(m.text, places)
            if seen[m.text]:
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
    first_with: dict[str, Cluster] = {}
    for c in clusters:
        for m in c.mentions:
            first_with.setdefault(m.text, c)
    forms: dict[str, Cluster] = {}
    for acronym, long_form in acronyms.items():
        owner = first_with.get(long_form)
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
    regions = IntervalIndex(strict)
    forms = known_forms(clusters, acronyms)
    texts = {id(c): {m.text for m in c.mentions} for c in clusters}
    surnames = {f for f, c in forms.items() if f not in acronyms and f not in texts[id(c)]}
    words = _WordIndex(text, forms)
    mentions = _MentionIndex(clusters)
    for form in sorted(forms, key=len, reverse=True):
        owner = forms[form]
        if not owner.mentions:
            continue  # a longer name took over all of its mentions
        for start, end in words.occurrences(form):
            if not _region_ok(start, end, regions, form in surnames) or not _hyphen_ok(
                text, start, end, forms
            ):
                continue
            mentions.claim(Mention(start, end, form, owner.mentions[0].label, rule="document"), owner)


def _region_ok(start: int, end: int, regions: IntervalIndex, surname: bool) -> bool:
    return not surname or not regions.contains(start, end)


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


class _WordIndex:
    r"""Where each known form occurs as a whole name, found through an index of the text's words.

    A match of ``(?<![\w@#])FORM(?!\w)`` for a form starting with a word character starts a
    maximal run of word characters equal to the form's first run, so only those starts are tried
    (with the same pattern): one pass over the text instead of one per form.
    """

    def __init__(self, text: str, forms: Iterable[str]) -> None:
        self.text = text
        wanted = {m.group() for f in forms if (m := re.match(r"\w+", f))}
        self.starts: dict[str, list[int]] = defaultdict(list)
        for m in re.finditer(r"\w+", text):
            if m.group() in wanted:
                self.starts[m.group()].append(m.start())

    def occurrences(self, form: str) -> Iterator[tuple[int, int]]:
        """The (start, end) of each match of the form, left to right and not overlapping (as finditer)."""
        pattern = re.compile(rf"(?<![\w@#]){re.escape(form)}(?!\w)")
        first = re.match(r"\w+", form)
        if first is None:
            yield from (m.span() for m in pattern.finditer(self.text))
            return
        last_end = 0
        for at in self.starts.get(first.group(), ()):
            match = pattern.match(self.text, at) if at >= last_end else None
            if match is not None:
                last_end = match.end()
                yield match.span()


class _MentionIndex:
    """Every mention of every cluster by position, so a claim reads only its neighbourhood."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self.grid: IntervalGrid[tuple[Cluster, Mention]] = IntervalGrid()
        for c in clusters:
            for m in c.mentions:
                self.grid.add(m.start, m.end, (c, m))

    def claim(self, new: Mention, owner: Cluster) -> None:
        """Add ``new`` unless a mention overlaps it without lying strictly inside it."""
        covered = self.grid.overlapping(new.start, new.end)
        if any(not (new.start <= m.start and m.end <= new.end) or m.text == new.text for _, m in covered):
            return
        for entry in covered:
            c, m = entry
            c.mentions.remove(m)
            self.grid.remove(m.start, m.end, entry)
        bisect.insort_right(owner.mentions, new, key=lambda m: m.start)  # mentions stay in text order
        self.grid.add(new.start, new.end, (owner, new))
        if any(not c.mentions for c, _ in covered):
            self.clusters[:] = [c for c in self.clusters if c.mentions]
