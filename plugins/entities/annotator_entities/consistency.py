"""Document-level consistency: demonyms, names found again elsewhere, and one label per entity.

The model labels each occurrence on its own, so the same "Taliban" can be ORG in one sentence and
PERSON in the next, and a name it found once is missed the next time. Here every entity gets the
label that wins its mentions' weighted vote, and known names are looked up again in the text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from annotator.intervals import IntervalGrid, IntervalIndex
from annotator_entities.caps import is_caps_line, line_of, upper_forms
from annotator_entities.clusters import Cluster, name_words
from annotator_entities.mentions import Mention

DEMONYM_SUFFIXES = ("i", "is", "n", "ns", "an", "ans", "ian", "ians", "ese", "ish")
RELABELLED = frozenset({"ORG", "PERSON", "GPE", "LOC"})
HYPHEN_BEFORE = re.compile(r"([\w’']+)-$")
HYPHEN_AFTER = re.compile(r"-([\w’']+)")
FIRST_WORD = re.compile(r"\w+")
CAPITALISED = re.compile(r"[A-Z]\w*")
WORD_CHAR = re.compile(r"\w")
NOT_WORD = re.compile(r"(?!\w)")


@functools.cache
def country_names() -> frozenset[str]:
    """English names of the world's countries and territories (CLDR, through babel)."""
    import babel

    return frozenset(babel.Locale("en").territories.values())


class _Demonyms:
    """Adjectives and peoples of a document's places (Pakistani, Afghan(s), Chinese, Russian).

    They are spelled out once per document, so testing a word is a set lookup.

    A word is a demonym of a place (other than the place itself) when it is a stem of the place
    of three letters or more (the place, less one or two letters, less "istan") plus a demonym
    suffix, or, for an "-istan", the name before "istan" with any plural "s" ("Afghans"). A form
    that is itself the name of a country is none: "Iraq" less a letter plus "n" spells "Iran".
    """

    def __init__(self, places: Iterable[str], words: Iterable[str] | None = None) -> None:
        self.forms: set[str] = set()
        self.istan_stems: set[str] = set()
        # With ``words`` (the only words that will be asked), a place's forms are spelled out only
        # when one of them other than the place opens like it: every form starts with a stem of
        # three letters or more, every stem is a prefix of the place, and the place is not its own
        # demonym, so no other word could match. The place itself is nearly always asked.
        openings: dict[str, set[str]] | None = None
        if words is not None:
            openings = defaultdict(set)
            for w in words:
                openings[w[:3]].add(w)
        for place in places:
            if place.endswith("istan"):
                # word.rstrip("s") == stem never holds for the place itself, which ends in "istan"
                self.istan_stems.add(place.removesuffix("istan"))
            if openings is not None and openings.get(place[:3], {place}) == {place}:
                continue
            stems = {place, place[:-1], place[:-2], place.removesuffix("istan")}
            forms = {stem + suffix for stem in stems if len(stem) >= 3 for suffix in DEMONYM_SUFFIXES}
            self.forms |= forms - {place} - country_names()

    def match(self, word: str) -> bool:
        """Whether ``word`` is a demonym of one of the places."""
        return word in self.forms or word.rstrip("s") in self.istan_stems


def relabel_demonyms(mentions: list[Mention]) -> None:
    """One-word mentions that are demonyms of a place named in the document become NORP."""
    asked = [m for m in mentions if m.label in RELABELLED and " " not in m.text]
    demonyms = _Demonyms({m.text for m in mentions if m.label == "GPE"}, [m.text for m in asked])
    for m in asked:
        if demonyms.match(m.text):
            m.label, m.rule = "NORP", "demonym"


def vote(c: Cluster) -> tuple[str, float]:
    """The cluster's label and the share of the weighted vote it won (the model's and the contexts')."""
    if len(c.mentions) == 1 and c.mentions[0].cue is None:
        only = c.mentions[0]  # an entity named once with no cue: its label, won in full unless weightless
        return only.label, 1.0 if only.weight else 0.5
    scores: dict[str, float] = defaultdict(float)
    for m in c.mentions:
        scores[m.label] += m.weight
        if m.cue is not None:
            scores[m.cue] += m.cue_weight
    total = sum(scores.values())
    if total == 0:
        return c.mentions[0].label, 0.5
    if len(scores) == 1:
        label = next(iter(scores))  # most entities have one label: no tie to break
    else:
        label = max(scores, key=lambda lab: (scores[lab], -_first(c, lab)))
    return label, round(scores[label] / total, 3)


def _first(c: Cluster, label: str) -> int:
    return next(m.start for m in c.mentions if label in (m.label, m.cue))


def known_forms(clusters: Iterable[Cluster], acronyms: dict[str, str]) -> dict[str, Cluster]:
    """Surface forms to look for again: every mention's text, defined acronyms, people's surnames."""
    clusters = list(clusters)
    forms: dict[str, Cluster] = _acronym_owners(clusters, acronyms) if acronyms else {}
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


def _acronym_owners(clusters: list[Cluster], acronyms: dict[str, str]) -> dict[str, Cluster]:
    """Each defined acronym with the first cluster that has a mention spelled like its long form."""
    first_with: dict[str, Cluster] = {}
    for c in clusters:
        for m in c.mentions:
            first_with.setdefault(m.text, c)
    owners: dict[str, Cluster] = {}
    for acronym, long_form in acronyms.items():
        owner = first_with.get(long_form)
        if owner is not None:
            owners[acronym] = owner
    return owners


def propagate(
    text: str,
    clusters: list[Cluster],
    acronyms: dict[str, str],
    strict: Iterable[tuple[int, int]],
    caps: bool = True,
) -> None:
    """Add unlabelled occurrences of known names to their entities (rule ``document``).

    A known name longer than the mentions it covers replaces them ("Pakistani" + "Taliban" ->
    "Pakistani Taliban"). In the ``strict`` regions (headings, site furniture) a surname alone
    does not count, only a name the document spells out the same way. With ``caps``, names are
    also looked for in capitals on all-capitals lines ("MERKEL" for "Merkel").
    """
    regions = IntervalIndex(strict)
    forms = known_forms(clusters, acronyms)
    texts = {id(c): {m.text for m in c.mentions} for c in clusters}
    surnames = {f for f, c in forms.items() if f not in acronyms and f not in texts[id(c)]}
    uppers = {u: forms[f] for u, f in upper_forms(forms, text).items() if u not in forms} if caps else {}
    words = _WordIndex(text, [*forms, *uppers])
    mentions = _MentionIndex(clusters)
    for form in sorted([*forms, *uppers], key=len, reverse=True):
        owner = forms.get(form) or uppers[form]
        if not owner.mentions:
            continue  # a longer name took over all of its mentions
        for start, end in words.occurrences(form):
            if (
                mentions.is_mention(start, end)
                or not _region_ok(start, end, regions, form in surnames)
                or not _hyphen_ok(text, start, end, forms)
                or (form in uppers and not is_caps_line(line_of(text, start, end)))
            ):
                continue
            mentions.claim(start, end, form, owner)


def _region_ok(start: int, end: int, regions: IntervalIndex, surname: bool) -> bool:
    return not surname or not regions.contains(start, end)


def _hyphen_ok(text: str, start: int, end: int, forms: dict[str, Cluster]) -> bool:
    """Reject a piece of a hyphen-chained name ("Taliban" in "Tehrik-i-Taliban"); accept "anti-Pakistan"."""
    # Most names touch no hyphen: the patterns need one right before (or before a final newline,
    # which ``$`` allows) or right after, so look for that before running them.
    before, after = _hyphen_before(text, start), _hyphen_after(text, end)
    for piece in (before, after):
        if piece is not None:
            word = piece.group(1)
            if not (word in forms or (word.islower() and len(word) > 3)):
                return False
    return True


def _hyphen_before(text: str, start: int) -> re.Match[str] | None:
    """The word hyphened onto ``start``; a hyphen is needed right before it, or before a last newline
    (``$`` allows one), so the search runs only when one of the two characters before is a hyphen.
    """
    if "-" not in text[max(0, start - 2) : start]:
        return None
    return HYPHEN_BEFORE.search(text[max(0, start - 30) : start])


def _hyphen_after(text: str, end: int) -> re.Match[str] | None:
    """The word hyphened onto ``end`` (within 30 characters, as the search before it)."""
    return HYPHEN_AFTER.match(text, end, end + 30) if text.startswith("-", end) else None


def _scanner(wanted: set[str]) -> re.Pattern[str]:
    """The pattern listing the text's runs of word characters that can be wanted ones.

    Known names nearly always start with a capital, and scanning for capitals is several times
    faster than for every word. That scan also finds capitals inside a run ("iPhone"), which the
    caller skips; from a run's start it takes the whole run, as ``\\w+`` does.
    """
    return CAPITALISED if all("A" <= word[0] <= "Z" for word in wanted) else FIRST_WORD


def _first_run(form: str) -> str | None:
    """The form's leading run of word characters (None when it starts with another character)."""
    m = FIRST_WORD.match(form)
    return None if m is None else m.group()


class _WordIndex:
    r"""Where each known form occurs as a whole name, found through an index of the text's words.

    A match of ``(?<![\w@#])FORM(?!\w)`` for a form starting with a word character starts a
    maximal run of word characters equal to the form's first run, so only those starts are tried
    (with string tests equal to the pattern): one pass over the text instead of one per form.
    """

    def __init__(self, text: str, forms: Iterable[str]) -> None:
        self.text = text
        self.first_runs = {f: m.group() if (m := FIRST_WORD.match(f)) else None for f in forms}
        wanted = {run for run in self.first_runs.values() if run is not None}
        self.starts: dict[str, list[int]] = defaultdict(list)
        for m in _scanner(wanted).finditer(text):
            word = m.group()
            if word in wanted and (m.start() == 0 or WORD_CHAR.match(text, m.start() - 1) is None):
                self.starts[word].append(m.start())

    def occurrences(self, form: str) -> Iterator[tuple[int, int]]:
        """The (start, end) of each match of the form, left to right and not overlapping (as finditer).

        It runs for every known form, so the test is inline: at a start of a run of word characters
        (no word character before it), ``(?<![\\w@#])FORM(?!\\w)`` matches when the text holds the
        form there, no "@" or "#" precedes it and no word character follows.
        """
        first = self.first_runs[form] if form in self.first_runs else _first_run(form)
        if first is None:
            pattern = re.compile(rf"(?<![\w@#]){re.escape(form)}(?!\w)")
            yield from (m.span() for m in pattern.finditer(self.text))
            return
        text, size, last_end = self.text, len(form), 0
        for at in self.starts.get(first, ()):
            if (
                at >= last_end
                and text.startswith(form, at)
                and (at == 0 or text[at - 1] not in "@#")
                and NOT_WORD.match(text, at + size) is not None
            ):
                last_end = at + size
                yield at, last_end


class _MentionIndex:
    """Every mention of every cluster by position, so a claim reads only its neighbourhood.

    Most occurrences of a known name are mentions already; ``bounds`` counts the mentions on each
    (start, end) so ``is_mention`` can turn those down before any other check.
    """

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self.grid: IntervalGrid[tuple[Cluster, Mention]] = IntervalGrid()
        self.bounds: Counter[tuple[int, int]] = Counter(
            (m.start, m.end) for c in clusters for m in c.mentions
        )
        add = self.grid.add  # the same as ``_add`` for each mention, in one loop
        for c in clusters:
            for m in c.mentions:
                add(m.start, m.end, (c, m))

    def _add(self, c: Cluster, m: Mention) -> None:
        self.grid.add(m.start, m.end, (c, m))
        self.bounds[m.start, m.end] += 1

    def is_mention(self, start: int, end: int) -> bool:
        """Whether a mention lies on exactly ``start``-``end``: ``claim`` would reject it.

        Mention texts are slices of the document text, so that mention has the claimed text.
        """
        return self.bounds[start, end] > 0

    def claim(self, start: int, end: int, form: str, owner: Cluster) -> None:
        """Add ``form`` at ``start``-``end`` unless a mention overlaps it without lying strictly inside it."""
        covered = self.grid.overlapping(start, end)
        if any(not (start <= m.start and m.end <= end) or m.text == form for _, m in covered):
            return
        new = Mention(start, end, form, owner.mentions[0].label, rule="document")  # label before removals
        for entry in covered:
            c, m = entry
            c.mentions.remove(m)
            self.grid.remove(m.start, m.end, entry)
            self.bounds[m.start, m.end] -= 1
        bisect.insort_right(owner.mentions, new, key=lambda m: m.start)  # mentions stay in text order
        self._add(owner, new)
        if any(not c.mentions for c, _ in covered):
            self.clusters[:] = [c for c in self.clusters if c.mentions]
