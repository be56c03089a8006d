"""Following span references (a quote's speaker, a stance's holder) when scoring.

Gold made by a person links a quote to the entity span that names its speaker, or only writes the
speaker's name; a prediction does either too. These helpers compare the two either way, so a
layer's scorer can credit "the same entity" without caring how each side recorded it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from annotator.spans import Span

NAME_FIELDS = ("canonical", "text")
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def linked(index: Mapping[str, Span], span: Span, field: str) -> Span | None:
    """The span that ``span.<field>`` refers to by id (``index``: a document's spans by id)."""
    ref = getattr(span, field, None)
    return index.get(ref) if isinstance(ref, str) else None


def normalize_name(name: str) -> str:
    """Case, curly apostrophes, a leading article, a possessive and spacing do not make names differ."""
    text = " ".join(name.replace("’", "'").split())
    text = _ARTICLE.sub("", text).removesuffix("'s").strip()
    return text.casefold()


def names_of(span: Span | None, extra: Iterable[str | None] = ()) -> set[str]:
    """Normalised names a span goes by: its canonical name, its text, and any given strings."""
    found = {getattr(span, f, None) for f in NAME_FIELDS} if span is not None else set()
    return {normalize_name(n) for n in (*found, *extra) if isinstance(n, str) and n.strip()}


def same_referent(
    gold: Span | None,
    gold_names: set[str],
    pred: Span | None,
    pred_names: set[str],
    surnames: bool = True,
) -> bool:
    """The two sides point at the same mention (overlapping offsets) or share a name.

    With ``surnames``, a name also matches when one side's single word is the other side's last
    word ("Asif" and "Khawaja Asif"), because news text names a person in full once and by surname
    after. A scorer whose gold lists aliases, or whose referents are often organisations (where
    "Pakistan" is not short for "Tehrik-i-Taliban Pakistan"), turns it off.
    """
    if gold is not None and pred is not None and gold.start < pred.end and pred.start < gold.end:
        return True
    if gold_names & pred_names:
        return True
    return surnames and any(_surname(a, b) or _surname(b, a) for a in gold_names for b in pred_names)


def _surname(short: str, full: str) -> bool:
    words = full.split()
    return " " not in short and len(words) > 1 and words[-1] == short
