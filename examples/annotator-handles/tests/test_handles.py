"""Tests for the example handles plugin, on news text, through the host's test helpers."""

from __future__ import annotations

import pytest

from annotator.testing import assert_valid, run_annotator, span_texts

POST = (
    "Pakistan does not require even a fraction of its full arsenal, the minister wrote.\n"
    "— Khawaja M. Asif (@KhawajaMAsif) October 29, 2025\n"
)


def test_handles_links_signature_handle_to_its_owner() -> None:
    doc = run_annotator("handles", POST)
    handle = doc.layer("handles")[0]
    owner = doc.span_index()[handle.owner]
    assert (handle.text, handle.normalized, owner.text) == (
        "@KhawajaMAsif",
        "khawajamasif",
        "Khawaja M. Asif",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Supporters trended #PakAfghanTalks and #Istanbul2025 all night.",
            ["#PakAfghanTalks", "#Istanbul2025"],
        ),
        ("Write to press@mofa.gov.pk or follow @ForeignOfficePk.", ["@ForeignOfficePk"]),
        ("Room #12 and C# code are not hashtags; &#8220; is an entity.", []),
    ],
)
def test_handles_finds_handles_and_hashtags_but_not_lookalikes(text: str, expected: list[str]) -> None:
    assert span_texts(run_annotator("handles", text), "handles") == expected


def test_handles_spans_keep_document_invariants() -> None:
    assert_valid(run_annotator("handles", POST + "Follow #PeaceTalks."))
