"""Build quote spans in document order: resolve each item's speaker, then settle floating quotes.

A floating quote (no frame of its own) takes the speaker of the quote before it in its own or
the previous paragraph (a quote run, the second half of a split quote); failing that, of the
next attributed quote in its own or the next paragraph (a run whose attribution comes last);
failing that, the latest named subject in its own or the previous paragraph ("Viguerie is
upbeat ... ¶ “Not only can Ted Cruz win ...”"). How the speaker was reached is appended to the
span's rule ("floating/marks+previous-quote"), as are the pronoun links of the resolver.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from annotator_quotes.cues import addressee_in, addressee_of, channel_in, cue_of
from annotator_quotes.frames import FrameFinder
from annotator_quotes.items import Item
from annotator_quotes.model import QuoteSpan
from annotator_quotes.speakers import Speaker, SpeakerResolver

UNSPOKEN = frozenset({"scare", "title"})


class SpanBuilder:
    """Resolves each item's speaker (in document order) and builds its span."""

    def __init__(self, text: str, doc: Doc, resolver: SpeakerResolver, finder: FrameFinder) -> None:
        self.text = text
        self.doc = doc
        self.resolver = resolver
        self.finder = finder
        self.last: tuple[Item, Speaker, str | None] | None = None

    def span(self, item: Item) -> QuoteSpan:
        speaker, channel, addressee = self._attribution(item)
        if speaker is not None:
            self.resolver.remember(item.start, speaker)
            if item.kind not in UNSPOKEN:
                self.last = (item, speaker, channel)
        return QuoteSpan(
            id="",
            start=item.start,
            end=item.end,
            text=self.text[item.start : item.end],
            kind=item.kind,  # type: ignore[arg-type]
            confidence=item.confidence,
            rule=f"{item.rule}+{speaker.rule}" if speaker is not None and speaker.rule else item.rule,
            cue=cue_of(item.cue) if item.cue is not None else None,
            channel=channel,
            addressee=addressee,
            paragraphs=item.paragraphs,
            **_speaker_fields(speaker),
        )

    def _attribution(self, item: Item) -> tuple[Speaker | None, str | None, str | None]:
        if item.post is not None:
            post = item.post
            return self.resolver.from_name(post.name, post.name_start, post.name_end), "X", None
        if item.kind in UNSPOKEN:
            return None, None, None
        if item.kind == "floating":
            return self._floating(item)
        if item.named is not None:  # a credit line: the name alone says who spoke
            start, end = item.named
            return self.resolver.from_name(self.text[start:end], start, end), None, None
        speaker = None
        if item.subject is not None:
            after = item.subject.idx >= item.end  # the subject follows the quote: '“...,” she said'
            speaker = self.resolver.from_subject(item.subject, item.start if after else None)
        if speaker is None and item.kind == "direct" and item.cue is not None:
            speaker = self._cue_shared(item) or self.resolver.latest_subject(
                self.finder.paragraph_of(item.start)[0], item.start
            )
        frame = self._frame_text(item)
        addressee = (addressee_of(item.cue) if item.cue is not None else None) or addressee_in(frame)
        return speaker, channel_in(frame, addressee), addressee

    def _cue_shared(self, item: Item) -> Speaker | None:
        """The speaker of the quote before, when its frame is this quote's cue too.

        The two halves of '“...,” William M. Daley, ..., said of their time. “...”' may both hang
        from one "said"; the parse gives it no subject for the second one. Failing that (a cue
        with no subject at all: "in her words, “...”"), the caller takes the latest named subject
        of the quote's paragraph before it.
        """
        if self.last is None or item.cue is None:
            return None
        prev_item, speaker, _ = self.last
        if prev_item.cue is None or prev_item.cue.i != item.cue.i or speaker.entity is None:
            return None  # only a named speaker: a phrase the parse made up is not passed on
        return speaker.borrowed(0.9, "same-cue")

    def _floating(self, item: Item) -> tuple[Speaker | None, str | None, str | None]:
        """Borrow the speaker of the previous quote in this or the previous paragraph.

        A person or organisation named as a subject between that quote and this one, in this
        quote's paragraph, is nearer ("“...,” said Craig Robinson. ¶ Dianne Bystrom agreed. “...”").
        """
        if self.last is not None and self.last[0].end <= item.start:
            lo = self._previous_paragraph_start(item.start)
            prev_item, speaker, channel = self.last
            if prev_item.start >= lo:
                # Past the previous quote's sentence (its frame names others: "said Murphy, using
                # a term Rubio has used"), and only a main-clause subject.
                here = self.finder.paragraph_of(item.start)[0]
                after = self._sentence_end(prev_item.end)
                nearer = self.resolver.latest_subject(max(after, here), item.start, main=True)
                if nearer is not None and not _same_speaker(nearer, speaker):
                    return nearer, None, None
                return speaker.borrowed(0.9, "previous-quote"), channel, None
        return None, None, None

    def settle(self, items: list[Item], spans: list[QuoteSpan]) -> list[QuoteSpan]:
        """Give the floating quotes left without a speaker the next quote's, else the latest subject's."""
        for i, (item, span) in enumerate(zip(items, spans, strict=True)):
            if item.kind == "floating" and span.speaker_text is None:
                spans[i] = self._settled(i, spans)
        return spans

    def _settled(self, i: int, spans: list[QuoteSpan]) -> QuoteSpan:
        """Floating quote ``i`` with the next quote's speaker, else its paragraph's latest subject,
        else the speaker the floating quote before it was given here (a run of unframed quotes,
        one a line), else the previous paragraph's latest subject; unchanged when none is found.
        """
        span = spans[i]
        nxt = next((s for s in spans[i + 1 :] if s.kind not in UNSPOKEN), None)
        if nxt is not None and nxt.speaker_text is not None and self._near(span.start, nxt.start):
            return _borrow(span, nxt, "next-quote")
        here = self.finder.paragraph_of(span.start)[0]
        speaker = self.resolver.latest_subject(here, span.start)
        prev = next((s for s in reversed(spans[:i]) if s.kind not in UNSPOKEN), None)
        if speaker is None and prev is not None and prev.kind == "floating" and prev.speaker_text:
            if self._near(prev.start, span.start):
                return _borrow(span, prev, "previous-quote")
        if speaker is None:
            speaker = self.resolver.latest_subject(self._previous_paragraph_start(span.start), span.start)
        if speaker is None:
            return span
        return span.model_copy(update={**_speaker_fields(speaker), "rule": f"{span.rule}+{speaker.rule}"})

    def _sentence_end(self, char: int) -> int:
        """The character just past the sentence holding the token at ``char``."""
        tokens = self.finder.token_range(max(0, char - 1), char)
        if tokens is None:
            return char
        end = self.finder.sentence(tokens[-1])[1]
        return self.finder.token_end(end - 1)

    def _near(self, start: int, later: int) -> bool:
        """Whether ``later`` is in the paragraph of ``start`` or the next one."""
        here, there = self.finder.paragraph_index(start), self.finder.paragraph_index(later)
        return here is not None and there is not None and there - here <= 1

    def _previous_paragraph_start(self, at: int) -> int:
        paras = self.finder.paragraphs
        idx = self.finder.paragraph_index(at) or 0
        return paras[max(0, idx - 1)][0]

    def _frame_text(self, item: Item) -> str:
        """The cue's sentence with the quoted stretches blanked out (so 'on X' inside a quote is ignored)."""
        if item.cue is None:
            return ""
        start, end = self.finder.sentence(item.cue.i)
        lo, hi = self.finder.paragraph_of(item.cue.idx)
        lo, hi = max(lo, self.finder.token_starts[start]), min(hi, self.finder.token_end(end - 1))
        return self.finder.text_outside_quotes(lo, hi, range(start, end))


def _same_speaker(a: Speaker, b: Speaker) -> bool:
    return a.entity is not None and b.entity is not None and a.entity.canonical == b.entity.canonical


def _borrow(span: QuoteSpan, source: QuoteSpan, rule: str) -> QuoteSpan:
    """``span`` with the speaker of ``source`` (another quote of the same run), a little less sure."""
    fields = ("speaker", "speaker_canonical", "speaker_text", "speaker_description")
    update: dict[str, Any] = {f: getattr(source, f) for f in fields}
    conf = source.speaker_confidence
    update["speaker_confidence"] = round(conf * 0.85, 3) if conf is not None else None
    update["rule"] = f"{span.rule}+{rule}"
    return span.model_copy(update=update)


def _speaker_fields(speaker: Speaker | None) -> dict[str, Any]:
    if speaker is None:
        return {}
    ent = speaker.entity
    return {
        "speaker": ent.id if ent is not None else None,
        "speaker_canonical": ent.canonical if ent is not None else None,
        "speaker_text": speaker.text,
        "speaker_description": speaker.description if ent is None else None,
        "speaker_confidence": speaker.confidence,
    }
