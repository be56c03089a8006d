"""The quotes annotator on the seeds (acceptance) and on news-style sentences, one case per test."""

from __future__ import annotations

import pytest
from conftest import seed

from annotator.testing import assert_valid, find_span, run_annotator, spans_of


def quotes(text: str) -> list:
    document = run_annotator("quotes", text)
    assert_valid(document)
    return spans_of(document, "quotes", "QUOTE")


def test_quotes_seed_000_asif_mixed_quote(seed_texts: dict[str, str]) -> None:
    _, text = seed(seed_texts, "000")
    span = find_span(
        quotes(text),
        "Pakistan “does not require even a fraction of its full arsenal to completely obliterate "
        "the Taliban regime.”",
    )
    assert (span.kind, span.speaker_canonical, span.cue.lemma, span.channel) == (
        "mixed",
        "Khawaja Asif",
        "post",
        "X",
    )


@pytest.mark.parametrize(
    ("prefix", "start", "speaker"),
    [
        ("001", "The Taliban are dependent on the TTP", "Baqir Sajjad Syed"),
        ("001", "deep ideological links between the TTP", "Baqir Sajjad Syed"),
        ("001", "The Taliban survive under pressure", "Sami Yousafzai"),
        ("001", "If Pakistan bombs Afghans", "Sami Yousafzai"),
        ("001", "the Taliban government in Kabul of not doing anything", "Attaullah Tarar"),
        ("003", "The Taliban view Pakistan’s demands", "Baqir Sajjad Syed"),
        ("003", "If Pakistan bombs Afghan territory", "Sami Yousafzai"),
        ("003", "The only winner", "Sami Yousafzai"),
    ],
)
def test_quotes_seed_speakers(seed_texts: dict[str, str], prefix: str, start: str, speaker: str) -> None:
    _, text = seed(seed_texts, prefix)
    span = next(s for s in quotes(text) if s.text.startswith(start))
    assert span.speaker_canonical == speaker
    assert span.speaker is not None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("“We will not back down,” Foreign Minister Rana Qadir said.", "We will not back down"),
        ('"We will not back down," Foreign Minister Rana Qadir said.', "We will not back down"),
        ("‘We will not back down,’ Foreign Minister Rana Qadir said.", "We will not back down"),
        ("'We will not back down,' Foreign Minister Rana Qadir said.", "We will not back down"),
        (
            "Foreign Minister Rana Qadir told lawmakers: «We will not back down.» The vote is on Friday.",
            "We will not back down.",
        ),
        # The New York Times' doubled apostrophes, and Penn Treebank's backticks.
        ("''We won't back down,'' Foreign Minister Rana Qadir said.", "We won't back down"),
        ("``We will not back down,'' Foreign Minister Rana Qadir said.", "We will not back down"),
    ],
)
def test_quotes_marks_of_every_style(text: str, content: str) -> None:
    span = find_span(quotes(text), content)
    assert (span.kind, span.speaker_canonical) == ("direct", "Rana Qadir")


def test_quotes_doubled_apostrophes_keep_offsets_and_pair_per_quote() -> None:
    text = (
        "Mrs. Clinton has shied away from an overhaul. ''It's more tinkering at the edges,'' said "
        "Alan Cole, an economist. ''I wouldn't call it reform.''"
    )
    found = quotes(text)
    assert [s.text for s in found] == ["It's more tinkering at the edges", "I wouldn't call it reform."]
    assert all(text[s.start : s.end] == s.text for s in found)
    assert found[0].speaker_canonical == "Alan Cole"


def test_quotes_nested_quote_stays_inside_outer() -> None:
    found = quotes("“They told us, ‘Leave now or stay forever,’” recalled Zainab Bibi, a farmer.")
    span = find_span(found, "They told us, ‘Leave now or stay forever,’")
    assert span.speaker_canonical == "Zainab Bibi"
    assert len(found) == 1


def test_quotes_multi_paragraph_quote_is_one_span() -> None:
    text = (
        "Rescue worker Jamal Idris said: “We dug with our hands for six hours.\n"
        "“By morning we had found eleven people alive.”\nThe search ended on Friday."
    )
    span = find_span(
        quotes(text), "We dug with our hands for six hours.\n“By morning we had found eleven people alive."
    )
    assert (span.paragraphs, span.speaker_canonical) == (2, "Jamal Idris")


def test_quotes_split_quote_both_parts_attributed() -> None:
    found = quotes("“We have waited long enough,” Khalid Anwar said, “and the people want answers now.”")
    assert [(s.text, s.speaker_canonical) for s in found] == [
        ("We have waited long enough", "Khalid Anwar"),
        ("and the people want answers now.", "Khalid Anwar"),
    ]


def test_quotes_floating_quote_takes_previous_speaker() -> None:
    found = quotes("“The convoy is moving,” said Maria Costa, the mission chief. “The next leaves at dawn.”")
    span = find_span(found, "The next leaves at dawn.")
    assert (span.kind, span.speaker_canonical) == ("floating", "Maria Costa")


def test_quotes_pronoun_speaker_in_next_clause_resolves_to_previous_sentence() -> None:
    text = "Dr. Amina Yusuf spoke outside the clinic. “Most of the wounded are children,” she said."
    span = find_span(quotes(text), "Most of the wounded are children")
    assert (span.speaker_canonical, span.speaker_text) == ("Amina Yusuf", "she")


def test_quotes_appositive_speaker() -> None:
    span = find_span(quotes("Hugh Hill, a doctor, said: “We ran out of blood.”"), "We ran out of blood.")
    assert span.speaker_canonical == "Hugh Hill"


def test_quotes_speaker_after_verb_with_addressee_channel() -> None:
    text = "“The talks are over,” said one senior Pakistani official to Al Jazeera."
    span = find_span(quotes(text), "The talks are over")
    assert (span.speaker, span.speaker_description) == (None, "one senior Pakistani official")
    assert (span.addressee, span.channel) == ("Al Jazeera", "Al Jazeera")


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Asif wrote on X: “Our patience has limits.”", "X"),
        ("In a statement, Senator Paul Grant said: “This bill is dead.”", "statement"),
        ("Posting on Telegram, Senator Paul Grant wrote: “This bill is dead.”", "Telegram"),
    ],
)
def test_quotes_channel(text: str, channel: str) -> None:
    assert [s.channel for s in quotes(text)] == [channel]


def test_quotes_told_reporters_is_the_addressee() -> None:
    span = quotes("“We are ready,” Governor John Pike told reporters in Quetta.")[0]
    assert (span.addressee, span.cue.lemma) == ("reporters", "tell")


def test_quotes_embedded_post_signed_on_own_line() -> None:
    text = (
        "The strikes will continue until the camps are gone.\n"
        "— Bilal Chaudhry (@BilalChaudhryPK) October 12, 2025\nThe post drew wide attention."
    )
    span = find_span(quotes(text), "The strikes will continue until the camps are gone.")
    assert (span.kind, span.rule, span.channel, span.speaker_text) == (
        "direct",
        "embedded-post",
        "X",
        "Bilal Chaudhry",
    )


def test_quotes_unclosed_mark_recovers_at_paragraph_end() -> None:
    text = "The spokesman said the army would “respond with full force.\nThe statement gave no date."
    found = quotes(text)
    assert all("\n" not in s.text for s in found)
    assert any(s.text.endswith("respond with full force.") for s in found)


def test_quotes_stray_closing_mark_opens_at_paragraph_start() -> None:
    text = "The town hall still stood.\nWe will rebuild every house,” the mayor said."
    span = find_span(quotes(text), "We will rebuild every house")
    assert span.rule.endswith("recovered-open")


@pytest.mark.parametrize(
    ("text", "content", "description"),
    [
        (
            "A Pakistani security official said the Taliban’s refusal to curb TTP activity "
            "led to the collapse.",
            "the Taliban’s refusal to curb TTP activity led to the collapse",
            "A Pakistani security official",
        ),
        (
            "Police said at least nine people were arrested after the protest turned violent.",
            "at least nine people were arrested after the protest turned violent",
            "Police",
        ),
    ],
)
def test_quotes_indirect_unnamed_source_kept(text: str, content: str, description: str) -> None:
    span = find_span(quotes(text), content)
    assert (span.kind, span.speaker, span.speaker_description) == ("indirect", None, description)


def test_quotes_indirect_accuse_of() -> None:
    text = "Opposition leader Imran Baig accused the government of hiding the true number of casualties."
    span = find_span(quotes(text), "the government of hiding the true number of casualties")
    assert (span.kind, span.speaker_canonical, span.cue.lemma) == ("indirect", "Imran Baig", "accuse")


def test_quotes_according_to() -> None:
    text = "According to the United Nations, more than 40,000 people have fled the district since March."
    span = find_span(quotes(text), "more than 40,000 people have fled the district since March")
    assert (span.cue.text, span.speaker_canonical) == ("According to", "United Nations")


def test_quotes_scare_quote_is_not_attributed() -> None:
    span = find_span(
        quotes("The so-called “peace dividend” never reached the border towns."), "peace dividend"
    )
    assert (span.kind, span.speaker, span.speaker_text) == ("scare", None, None)


def test_quotes_definite_description_resolves_to_named_minister() -> None:
    text = (
        "Interior Minister Sara Malik visited the border post on Monday.\n"
        "“The crossing stays closed,” the minister said."
    )
    span = find_span(quotes(text), "The crossing stays closed")
    assert (span.speaker_canonical, span.speaker_text) == ("Sara Malik", "the minister")
