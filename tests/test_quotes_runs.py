"""Speakers of split quotes, quote runs, continued paragraphs and pronouns, on news-style text."""

from __future__ import annotations

import pytest

from annotator.testing import run_annotator, spans_of


def quote(text: str, content: str):
    """The one quote span whose text is ``content``."""
    found = [s for s in spans_of(run_annotator("quotes", text), "quotes") if s.text == content]
    assert len(found) == 1, [s.text for s in spans_of(run_annotator("quotes", text), "quotes")]
    return found[0]


def test_quotes_second_half_of_split_quote_keeps_the_speaker() -> None:
    text = (
        "“We will reopen the port by June,” the harbour chief, Ana Ruiz, said on Monday. "
        "“After that, the ferries return.”"
    )
    first, second = (
        quote(text, "We will reopen the port by June"),
        quote(text, "After that, the ferries return."),
    )
    assert first.speaker_text is not None
    assert (second.speaker_text, second.speaker_canonical) == (first.speaker_text, first.speaker_canonical)
    assert second.rule.endswith("+previous-quote")


def test_quotes_continued_paragraph_keeps_the_speaker() -> None:
    text = (
        "“The water rose in minutes,” said Tomas Berg, a farmer near the river.\n"
        "“We lost the barn and the tractor.\n"
        "“Nobody came for two days.”"
    )
    span = quote(text, "We lost the barn and the tractor.\n“Nobody came for two days.")
    assert span.speaker_canonical == "Tomas Berg"
    assert span.paragraphs == 2


def test_quotes_run_before_its_attribution_takes_the_later_speaker() -> None:
    text = (
        "The council met on Thursday night.\n"
        "“The bridge is no longer safe.”\n"
        "“We will close it tomorrow,” the city engineer, Maya Lind, told reporters."
    )
    span = quote(text, "The bridge is no longer safe.")
    assert span.speaker_canonical == "Maya Lind"
    assert span.rule.endswith("+next-quote")


def test_quotes_floating_quote_after_a_named_subject_takes_that_person() -> None:
    text = (
        "Governor Ruth Okoye toured the flooded district on Sunday.\n"
        "“Every school will be rebuilt by winter.”"
    )
    span = quote(text, "Every school will be rebuilt by winter.")
    assert span.speaker_canonical == "Ruth Okoye"
    assert span.rule.endswith("+latest-subject")


@pytest.mark.parametrize(
    ("text", "content", "name", "rule"),
    [
        (
            "Senator Lena Hart left the hearing early. “This bill is finished,” she said.",
            "This bill is finished",
            "Lena Hart",
            "+pronoun-latest-subject",
        ),
        (
            "“We need more time,” said Omar Reyes, the union leader. Talks resumed at noon. "
            "“The offer is not enough,” he said.",
            "The offer is not enough",
            "Omar Reyes",
            "+pronoun-previous-speaker",
        ),
    ],
)
def test_quotes_pronoun_speaker_links_with_its_rule(text: str, content: str, name: str, rule: str) -> None:
    span = quote(text, content)
    assert span.speaker_text in {"she", "he"}
    assert span.speaker_canonical == name
    assert span.rule.endswith(rule)


def test_quotes_pronoun_inside_the_quote_is_not_the_speaker() -> None:
    span = quote(
        "“We were wrong to wait so long,” Jorge Ramos, 58, told AFP in Mexico City.",
        "We were wrong to wait so long",
    )
    assert span.speaker_canonical == "Jorge Ramos"


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "Asked about the vote, Chris Dalton continued:\n“The questions tonight were about "
            "everything except the budget. People deserve better than that.”",
            "The questions tonight were about everything except the budget. People deserve better than that.",
            "Chris Dalton",
        ),
        (
            "“If this passes, the mills close and the town goes with them,” Mayor Ellen Voss "
            "barked at the council.",
            "If this passes, the mills close and the town goes with them",
            "Ellen Voss",
        ),
        (
            "“I will look into it, and I will give you an answer next week.”\n- Hillary Clinton.",
            "I will look into it, and I will give you an answer next week.",
            "Hillary Clinton",
        ),
        (
            "“Is that really what you believe about the port?” Marta Quinn went on, "
            "looking straight at the panel.",
            "Is that really what you believe about the port?",
            "Marta Quinn",
        ),
    ],
    ids=["colon-paragraph", "verb-not-in-the-cue-list", "credit-line", "trailing-verb"],
)
def test_quotes_frame_without_a_listed_cue(text: str, content: str, name: str) -> None:
    span = quote(text, content)
    assert span.kind == "direct"
    assert span.speaker_canonical == name


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Ms. Reed, who starred in “Parks and Recreation” for six years, now runs a bakery.",
            "Parks and Recreation",
        ),
        ("Her first film “Tides” was shown at Cannes.", "Tides"),
    ],
)
def test_quotes_unattributed_title_is_a_title(text: str, title: str) -> None:
    span = quote(text, title)
    assert (span.kind, span.speaker_text) == ("title", None)


def test_quotes_lower_case_term_is_a_scare_quote_without_its_full_stop() -> None:
    span = quote("The minister came to defend the so-called “sin levy.”", "sin levy")
    assert (span.kind, span.speaker_text) == ("scare", None)
