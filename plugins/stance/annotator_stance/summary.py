"""Aggregate the stance spans of a document into one stance per (holder entity, target entity) pair."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator_stance.model import Polarity, StancePair, StanceSpan

SIGN: dict[Polarity, float] = {"against": -1.0, "favor": 1.0, "neutral": 0.0}


def summarize_pairs(spans: Iterable[StanceSpan], entities: dict[str, Any]) -> list[StancePair]:
    """One pair per (holder, target) entity, with the net polarity of its evidence, in first-seen order."""
    groups: dict[tuple[str, str], list[StanceSpan]] = {}
    for span in spans:
        holder, target = entities.get(span.holder or ""), entities.get(span.target or "")
        if holder is not None and target is not None:
            groups.setdefault((holder.entity_id, target.entity_id), []).append(span)
    return [_pair(key, group) for key, group in groups.items()]


def _pair(key: tuple[str, str], group: list[StanceSpan]) -> StancePair:
    net = sum(SIGN[s.polarity] * s.score for s in group)
    total = sum(s.score for s in group if s.polarity != "neutral")
    polarity: Polarity = "against" if net < 0 else "favor" if net > 0 else "neutral"
    counts = {p: sum(1 for s in group if s.polarity == p) for p in SIGN}
    first = group[0]
    return StancePair(
        holder_entity=key[0],
        holder_canonical=first.holder_canonical,
        target_entity=key[1],
        target_canonical=first.target_canonical,
        polarity=polarity,
        # Strongest evidence for the winning side, discounted by how much the rest disagrees.
        score=round(
            max((s.score for s in group if s.polarity == polarity), default=0.0) * abs(net) / total, 4
        )
        if total
        else 0.0,
        evidence=[s.id for s in group],
        counts={k: v for k, v in counts.items() if v},
    )
