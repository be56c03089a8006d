"""How ``annotator evaluate`` scores the quotes layer: spans per kind, kind, and speaker.

Spans are counted per ``kind`` (direct, indirect, mixed, floating, scare, title). The speaker is scored
on matched quotes whose gold has one. It is right when the prediction names the same referent:
a gold entity link or ``speaker_canonical`` must share its name words with ours (one set holding
the other, so "Asif" and "Khawaja Asif" agree); gold that only has the text naming the speaker
(PolNeAR's Source, "he", "Rep. Gwen Moore (D-Wis.)") is right when one of our strings
equals it or the last word of one of our strings is a word of it ("Gwen Moore": "Moore").
The figure ``speaker right / gold`` divides by every gold quote with a speaker, found or not.
"""

from __future__ import annotations

import re
from typing import Any

from annotator.document import Document
from annotator.evaluation import Attribute, Matched, SpanScorer, linked, names_of
from annotator.spans import Span

WORD = re.compile(r"[A-Za-z][\w'-]*")


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in WORD.findall(text or "") if len(w) > 1}


def _gold_speaker(span: Span, document: Document) -> dict[str, Any] | None:
    entity = linked(document.span_index(), span, "speaker")
    named = names_of(entity, [getattr(span, "speaker_canonical", None)])
    text = getattr(span, "speaker_text", None) or getattr(span, "speaker_description", None)
    if not named and not text:
        return None
    return {"named": named, "text": text}


def _pred_strings(span: Span, document: Document) -> list[str]:
    entity = linked(document.span_index(), span, "speaker")
    fields = ("speaker_canonical", "speaker_text", "speaker_description")
    found = [getattr(span, f, None) for f in fields] + sorted(names_of(entity))
    return [s for s in found if isinstance(s, str) and s.strip()]


def speaker_right(gold: dict[str, Any], pred: Span, document: Document) -> bool:
    """Whether the predicted quote's speaker is the gold one (see the module docstring)."""
    strings = _pred_strings(pred, document)
    if gold["named"]:
        canon = getattr(pred, "speaker_canonical", None)
        # A prediction read back from a tool may link the speaker entity without naming it.
        names = [canon] if canon else sorted(names_of(linked(document.span_index(), pred, "speaker")))
        want, got = set().union(*(_words(n) for n in gold["named"])), set().union(*map(_words, names))
        return bool(want and got) and (want <= got or got <= want)
    want_text = " ".join(gold["text"].split()).lower()
    gold_words = _words(want_text)
    for found in strings:
        last = WORD.findall(found.lower())[-1:]
        if " ".join(found.split()).lower() == want_text or (last and last[0] in gold_words):
            return True
    return False


class QuotesScorer(SpanScorer):
    """Span and kind figures per kind, and speaker right of found and of all gold quotes."""

    def __init__(self) -> None:
        super().__init__((Attribute("kind"),))
        self.speaker_gold = self.speaker_found = self.speaker_right = 0

    def label_of(self, span: Span) -> str:
        """Quotes are counted under their kind (all carry the label QUOTE)."""
        return str(getattr(span, "kind", None) or span.label)

    def add(self, pair: Any) -> None:
        """Count spans, then the gold quotes that carry a speaker."""
        super().add(pair)
        self.speaker_gold += sum(_gold_speaker(s, pair.gold) is not None for s in pair.gold_spans)

    def add_matched(self, matched: Matched) -> None:
        """Speaker on every matched pair whose gold has a speaker."""
        for gold, pred, _ in matched.spans():
            want = _gold_speaker(gold, matched.pair.gold)
            if want is not None:
                self.speaker_found += 1
                self.speaker_right += speaker_right(want, pred, matched.pair.pred)

    def report(self, layer: str) -> Any:
        """The span report with the speaker figures."""
        result = super().report(layer)
        result.figures["speaker_gold"] = self.speaker_gold
        result.figures["speaker_found"] = self.speaker_found
        result.figures["speaker_right"] = self.speaker_right
        result.figures["speaker_right_of_found"] = (
            round(self.speaker_right / self.speaker_found, 3) if self.speaker_found else 0.0
        )
        result.figures["speaker_right_of_gold"] = (
            round(self.speaker_right / self.speaker_gold, 3) if self.speaker_gold else 0.0
        )
        result.notes.append(
            "speaker: see annotator_quotes.scoring (names by word sets; texts by equality or last word)"
        )
        return result
