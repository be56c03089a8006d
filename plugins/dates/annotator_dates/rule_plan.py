"""Every rule's matches in one document, tried trigger by trigger from a plan made once per rule set.

Asking the prefilter rule by rule (:meth:`annotator_dates.prefilter.Scan.matches`) repeats, for each
of ~150 rules and each document, the same look-ups: the trigger's hits, its window, the pattern's
leads; two thirds of the rules have no trigger hit at all in a news story, and each still cost
those look-ups. A :class:`Plan` reads the rules once (per rule tuple): it groups them by trigger,
then by reach, with each pattern's leads read already. Per document a trigger without hits skips
all its rules at once, and each window is cut once for every rule on it. The matches are those of
``Scan.matches`` (the same candidates, the same leads, in the same order), returned per rule in the
rules' own order, so handlers run exactly as before.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator_dates.leads import lead
from annotator_dates.pair_leads import pair_lead
from annotator_dates.prefilter import Scan, Trigger
from annotator_dates.timex import Rule


@dataclass(frozen=True)
class Member:
    """One rule's place in the plan: its index in the rule tuple, its pattern and its leads."""

    index: int
    pattern: re.Pattern[str]
    first: frozenset[str]
    not_after: frozenset[str]
    pairs: frozenset[str] | None


@dataclass(frozen=True)
class Plan:
    """The rules grouped by trigger, then reach; and the rules without a trigger (whole-text scans)."""

    size: int
    triggered: tuple[tuple[Trigger, tuple[tuple[int | None, tuple[Member, ...]], ...]], ...]
    untriggered: tuple[tuple[int, re.Pattern[str]], ...]


_MADE: dict[int, tuple[tuple[Rule, ...], Plan]] = {}


def plan(rules: tuple[Rule, ...]) -> Plan:
    """The plan of a rule tuple, made once per tuple (kept by its id: hashing rules hashes patterns)."""
    known = _MADE.get(id(rules))
    if known is None or known[0] is not rules:
        known = _MADE[id(rules)] = (rules, _made(rules))
    return known[1]


def _made(rules: tuple[Rule, ...]) -> Plan:
    """Group the rules by trigger, then reach, reading each pattern's leads."""
    groups: dict[tuple[int, bool], tuple[Trigger, dict[int | None, list[Member]]]] = {}
    untriggered = []
    for index, rule in enumerate(rules):
        trigger = rule.trigger
        if trigger is None:
            untriggered.append((index, rule.pattern))
            continue
        first, not_after, _ = lead(rule.pattern)
        member = Member(index, rule.pattern, first, not_after, pair_lead(rule.pattern))
        _, reaches = groups.setdefault((id(trigger.pattern), trigger.folded), (trigger, {}))
        reaches.setdefault(trigger.reach, []).append(member)
    triggered = tuple(
        (trigger, tuple((reach, tuple(members)) for reach, members in reaches.items()))
        for trigger, reaches in groups.values()
    )
    return Plan(len(rules), triggered, tuple(untriggered))


def plan_matches(scan: Scan, rules: Sequence[Rule]) -> list[list[re.Match[str]]]:
    """Per rule, in the rules' order, the matches ``scan.matches(rule.pattern, rule.trigger)`` gives."""
    if not isinstance(rules, tuple):
        rules = tuple(rules)
    made = plan(rules)
    text = scan.text
    found: list[list[re.Match[str]]] = [[] for _ in range(made.size)]
    if scan.folded is None:  # no folded text to find triggers in: every rule scans the whole text
        for index, rule in enumerate(rules):
            found[index] = list(rule.pattern.finditer(text))
        return found
    for index, pattern in made.untriggered:
        found[index] = list(pattern.finditer(text))
    for trigger, reaches in made.triggered:
        if not scan.hits(trigger):
            continue
        for reach, members in reaches:
            if reach is None:
                for member in members:
                    found[member.index] = list(member.pattern.finditer(text))
                continue
            candidates = scan.candidates(trigger, reach)
            chars, pairs = scan.leading(trigger, reach), scan.leading_pairs(trigger, reach)
            for member in members:
                found[member.index] = _tried(text, member, candidates, chars, pairs)
    return found


def _tried(
    text: str, member: Member, candidates: list[int], chars: str, pairs: list[str] | None
) -> list[re.Match[str]]:
    """The matches of one rule at the candidates its leads let through, skipping what a match consumed."""
    first, not_after = member.first, member.not_after
    starts: Iterable[int] = candidates
    if pairs is not None and member.pairs is not None:
        starts = itertools.compress(candidates, map(member.pairs.__contains__, pairs))
    elif chars.isascii():
        starts = itertools.compress(candidates, map(first.__contains__, chars))
    match, end, found = member.pattern.match, 0, []
    for start in starts:
        if start < end:
            continue
        if (char := text[start]) not in first and char < "\x80":
            continue
        if start and text[start - 1] in not_after:
            continue
        m = match(text, start)
        if m is not None:
            found.append(m)
            end = m.end()
    return found
