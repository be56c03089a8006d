"""Choosing thinc's ops (blis or numpy's BLAS) must change speed only, never an annotation."""

from __future__ import annotations

import pytest

from annotator.errors import ConfigError
from annotator.parsing import OPS_ENV, fastest_ops, ops_setting, resolve_model, use_ops


def _parse_all(ops: str, texts: list[str]) -> list[list[tuple]]:
    """Every token's tag, lemma, head, dependency, entity and sentence start, with ``ops`` in use."""
    import spacy
    from thinc.api import get_current_ops, set_current_ops

    previous = get_current_ops()
    try:
        use_ops(ops)
        nlp = spacy.load(resolve_model("en_core_web_sm"))
        docs = list(nlp.pipe(texts, batch_size=32))
    finally:
        set_current_ops(previous)
    return [
        [(t.tag_, t.lemma_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]
        for doc in docs
    ]


@pytest.mark.slow
def test_ops_numpy_and_blis_give_identical_parses_of_the_seeds(seed_texts: dict[str, str]) -> None:
    texts = [seed_texts[k] for k in sorted(seed_texts)]
    assert _parse_all("numpy", texts) == _parse_all("blis", texts)


@pytest.mark.parametrize("value", ["auto", "numpy", "blis", "NumPy", ""])
def test_ops_setting_accepts_known_values(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(OPS_ENV, value)
    assert ops_setting() == (value.lower() or "auto")


def test_ops_setting_rejects_unknown_value_and_lists_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OPS_ENV, "cupy")
    with pytest.raises(ConfigError, match="auto, numpy, blis"):
        ops_setting()


def test_ops_auto_picks_a_concrete_backend() -> None:
    assert fastest_ops() in ("numpy", "blis")
