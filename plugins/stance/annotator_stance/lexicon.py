"""The versioned cue lexicon: packaged JSON that users extend or replace through options.

The data lives in ``lexicon.json`` inside the package (loaded with importlib.resources) so that a
release pins its lexicon; its ``version`` is recorded in every document summary.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from annotator.errors import ConfigError
from annotator_stance.model import Polarity

TargetPath = str  # "dobj", "nsubjpass" or "prep:<preposition>"


class Cue(BaseModel):
    """One lexicon entry: a head lemma, the words it needs around it, and where its targets are."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    lemma: str = Field(description="Lemma of the head word, e.g. 'accuse' or 'crack'.")
    polarity: Polarity
    weight: float = Field(ge=0.0, le=1.0, description="Score of a plain, unhedged use.")
    targets: list[TargetPath] = Field(default_factory=lambda: ["dobj", "nsubjpass"])
    with_: list[str] = Field(default_factory=list, alias="with", description="Lemmas that must be children.")
    name: str | None = Field(default=None, description="Display lemma of a multi-word cue ('crack down').")

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        """Identity used when a user lexicon overrides a packaged entry."""
        return (self.lemma, tuple(self.with_))

    @property
    def display(self) -> str:
        """The lemma shown in the span's cue."""
        return self.name or self.lemma


class Lexicon(BaseModel):
    """Cues plus the closed word lists that steer holder, negation and hedge detection."""

    model_config = ConfigDict(extra="forbid")

    version: str
    description: str = ""
    cues: list[Cue]
    demand_verbs: list[str] = Field(default_factory=list, description="'urge X to crush Y': the urger holds.")
    negating_verbs: list[str] = Field(default_factory=list, description="'refused to condemn' negates.")
    hedge_modals: list[str] = Field(default_factory=list)
    hedge_words: list[str] = Field(default_factory=list)
    hedge_factor: float = Field(default=0.6, ge=0.0, le=1.0, description="Score multiplier for hedged cues.")

    def by_lemma(self) -> dict[str, list[Cue]]:
        """Cues grouped by head lemma, the most specific (most required words) first."""
        grouped: dict[str, list[Cue]] = {}
        for cue in self.cues:
            grouped.setdefault(cue.lemma, []).append(cue)
        return {k: sorted(v, key=lambda c: -len(c.with_)) for k, v in grouped.items()}


def packaged() -> Lexicon:
    """The lexicon shipped with this version of the plugin."""
    raw = resources.files("annotator_stance").joinpath("lexicon.json").read_text(encoding="utf-8")
    return Lexicon.model_validate_json(raw)


def read_user(path: Path) -> Lexicon:
    """A user lexicon file, with a one-line error naming the file when it is missing or malformed."""
    try:
        return Lexicon.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise ConfigError(f"stance lexicon {path} does not exist; check [options.stance] lexicon.") from exc
    except (json.JSONDecodeError, ValidationError) as exc:
        raise ConfigError(f"stance lexicon {path} is not a valid lexicon: {exc}") from exc


def combine(base: Lexicon, user: Lexicon, mode: Literal["extend", "replace"]) -> Lexicon:
    """``replace`` uses the user lexicon alone; ``extend`` adds its cues and words, overriding same keys."""
    if mode == "replace":
        return user
    cues = {c.key: c for c in base.cues} | {c.key: c for c in user.cues}
    return Lexicon(
        version=f"{base.version}+{user.version}",
        description=base.description,
        cues=list(cues.values()),
        demand_verbs=_union(base.demand_verbs, user.demand_verbs),
        negating_verbs=_union(base.negating_verbs, user.negating_verbs),
        hedge_modals=_union(base.hedge_modals, user.hedge_modals),
        hedge_words=_union(base.hedge_words, user.hedge_words),
        hedge_factor=user.hedge_factor if "hedge_factor" in user.model_fields_set else base.hedge_factor,
    )


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))
