"""The Python API: annotate texts without the CLI."""

from __future__ import annotations

import annotator
from annotator import Document


def test_api_annotates_one_text_into_a_document() -> None:
    doc = annotator.annotate("Khawaja Asif met Turkish mediators in Istanbul.", plugins=["entities"])
    assert isinstance(doc, Document)
    assert [(s.text, s.label) for s in doc.layer("entities")][:1] == [("Khawaja Asif", "PERSON")]


def test_api_annotates_many_texts_in_order() -> None:
    texts = ["Kabul rejected the claim.", "Talks were held in Doha.", "Islamabad said nothing."]
    docs = annotator.annotate(texts, plugins=["entities"])
    assert [d.text for d in docs] == texts
    assert [d.id for d in docs] == ["doc-0", "doc-1", "doc-2"]


def test_api_pipeline_is_reusable() -> None:
    pipe = annotator.Pipeline(plugins=["entities"])
    first, second = pipe("Qatar mediated."), pipe("Turkey mediated.")
    assert (first.layer("entities")[0].text, second.layer("entities")[0].text) == ("Qatar", "Turkey")
